import Wirefix

/// Cleans a batch of inputs one after another and sends each result where it belongs.
///
/// A file that cannot be read, is binary, is not UTF-8 or cannot be written is recorded in the
/// outcome's errors with its path and skipped; the others are still processed. Nothing is written
/// for a file that failed, so `-o` and `--in-place` never leave a partial file. Each error is
/// passed to ``reportError`` as it happens; the command decides whether it goes to standard error
/// or only into the report (see ``ReportRouting``).
struct CleanRunner {
    /// Where cleaned text goes.
    enum Destination: Equatable {
        /// Standard output, one input after another, like `cat`.
        case standardOutput
        /// A copy with the same base name in this directory (created if needed).
        case directory(String)
        /// Back into each file, atomically; unchanged files are not rewritten, read-only ones
        /// are refused (see ``OutputWriter/checkReplaceable(_:)``).
        case inPlace
        /// Nowhere (`check`).
        case discard
    }

    /// What a run produced.
    struct Outcome {
        /// One report per input cleaned, in order.
        var reports: [FileReport] = []
        /// What failed, in order: one entry per input that failed, or one for an output directory
        /// that could not be created (then no input was cleaned).
        var errors: [ReportError] = []

        /// Whether anything failed.
        var failed: Bool { !errors.isEmpty }
        /// Whether any output differs from its input (see `FileReport.changed`).
        var changedAny: Bool { reports.contains { $0.changed } }
        /// The report of the run.
        var report: CorrectionReport { CorrectionReport(files: reports, errors: errors) }
    }

    /// Cleans one text.
    var correct: CorrectText
    /// Reads and validates inputs.
    var reader: InputReader
    /// Streams for output.
    var environment: CommandEnvironment
    /// Called with each error as it happens (it is also kept in the outcome).
    var reportError: (ReportError) -> Void

    /// Cleans `paths` (none means standard input) into `destination`.
    func run(paths: [String], destination: Destination) -> Outcome {
        var outcome = Outcome()
        if case .directory(let directory) = destination {
            do throws(CLIError) { try FileSystem.createDirectory(directory) } catch {
                outcome.errors.append(ReportError(path: nil, message: error.message))
                reportError(outcome.errors[0])
                return outcome
            }
        }
        for path in paths.isEmpty ? ["-"] : paths {
            do throws(CLIError) {
                let input = try reader.read(path)
                let (output, report) = FileCleaner.clean(input, with: correct)
                try deliver(output, of: input, changed: report.changed, to: destination)
                outcome.reports.append(report)
            } catch {
                let failure = ReportError(path: path, message: error.message)
                outcome.errors.append(failure)
                reportError(failure)
            }
        }
        return outcome
    }

    /// Writes one cleaned input to its destination.
    func deliver(_ output: [UInt8], of input: InputText, changed: Bool, to destination: Destination) throws(CLIError) {
        switch destination {
        case .standardOutput:
            try environment.writeStandardOutput(output)
        case .directory(let directory):
            let name = FileSystem.baseName(input.path)
            try OutputWriter.writeAtomically(output, toPath: directory.hasSuffix("/") ? directory + name : directory + "/" + name)
        case .inPlace:
            guard changed else { return }
            try OutputWriter.checkReplaceable(input.path)
            try OutputWriter.writeAtomically(output, toPath: input.path)
        case .discard:
            break
        }
    }
}
