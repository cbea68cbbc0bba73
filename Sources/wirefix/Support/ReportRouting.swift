import Wirefix

/// Where a command's report goes, and so where its error messages go.
///
/// Error messages normally go to standard error as `wirefix: <message>` lines. When a JSON report
/// goes to standard error too, the messages are left out there and carried only in the report's
/// `errors` array, so that standard error holds exactly one valid JSON document. A JSON report
/// written elsewhere (standard output, `--report-file`) carries the errors as well.
struct ReportRouting {
    /// Where the report text goes.
    enum Destination: Equatable {
        /// Standard output (`check`).
        case standardOutput
        /// Standard error (`clean --report`).
        case standardError
        /// A file, replaced atomically (`clean --report-file`).
        case file(String)
    }

    /// The format of the report, or `nil` when none was asked for.
    var format: ReportFormat?
    /// Where the report goes.
    var destination: Destination

    /// Whether errors go only into the report, not on standard error as messages.
    var errorsOnlyInReport: Bool { format == .json && destination == .standardError }

    /// Prints each error as a message on standard error, unless ``errorsOnlyInReport``.
    func reportErrors(_ errors: [ReportError], in environment: CommandEnvironment) {
        if errorsOnlyInReport { return }
        for error in errors { environment.reportError(error.message) }
    }

    /// Writes the report a run assembled file by file, with the run's `errors`, piece by piece:
    /// a report file is still replaced atomically, and nothing of it is written when its sections
    /// could not be kept (`failure`).
    ///
    /// - Returns: `false` when it could not be written; the failure has been reported on standard
    ///   error.
    func write(_ assembler: ReportAssembler?, failure: ReportSpoolError?, errors: [ReportError], in environment: CommandEnvironment) -> Bool {
        guard format != nil, let assembler else { return true }
        do throws(CLIError) {
            if let failure { throw CLIError("the report was not written: \(failure.message)") }
            // The assembler's writer is untyped: its errors are ours or the spool's.
            func emit(_ sink: ([UInt8]) throws(CLIError) -> Void) throws(CLIError) {
                do {
                    try assembler.write(errors: errors) { try sink($0) }
                } catch let error as CLIError {
                    throw error
                } catch let error as ReportSpoolError {
                    throw CLIError("the report was not written: \(error.message)")
                } catch {
                    throw CLIError("the report was not written: \(error)")
                }
            }
            switch destination {
            case .standardOutput: try emit { (bytes) throws(CLIError) in try environment.writeStandardOutput(bytes) }
            case .standardError: try emit { (bytes) throws(CLIError) in try environment.writeStandardError(bytes) }
            case .file(let path):
                try OutputWriter.writeAtomically(toPath: path) { (descriptor) throws(CLIError) in
                    try emit { (bytes) throws(CLIError) in try OutputWriter.writeAll(descriptor, bytes, naming: path) }
                    return true
                }
            }
            return true
        } catch {
            // The errors were held back for the JSON report on standard error, which is not
            // written: print them after all, then why the report is missing.
            if errorsOnlyInReport { for failure in errors { environment.reportError(failure.message) } }
            environment.reportError(error.message)
            return false
        }
    }

    /// Handles a run that could not start (the corrector could not be built): the errors are
    /// reported as messages (see ``reportErrors(_:in:)``) and, for a JSON report only, written as a
    /// report with no files. Other formats have nowhere to put errors and write nothing.
    func writeFailedStart(_ errors: [ReportError], in environment: CommandEnvironment) {
        reportErrors(errors, in: environment)
        if format == .json { _ = write(ReportAssembler(reporter: JSONReporter.self), failure: nil, errors: errors, in: environment) }
    }
}
