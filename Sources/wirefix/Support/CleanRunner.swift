import Wirefix

/// Cleans a batch of inputs one after another and sends each result where it belongs.
///
/// A file that cannot be read, is binary, is not UTF-8 or cannot be written is reported on
/// standard error with its path and skipped; the others are still processed. Nothing is written
/// for a file that failed, so `-o` and `--in-place` never leave a partial file.
struct CleanRunner {
    /// Where cleaned text goes.
    enum Destination: Equatable {
        /// Standard output, one input after another, like `cat`.
        case standardOutput
        /// A copy with the same base name in this directory (created if needed).
        case directory(String)
        /// Back into each file, atomically; unchanged files are not rewritten.
        case inPlace
        /// Nowhere (`check`).
        case discard
    }

    /// What a run produced.
    struct Outcome {
        /// One report per input cleaned, in order.
        var reports: [FileReport] = []
        /// How many inputs failed.
        var failures = 0

        /// Whether cleaning changed any input.
        var changedAny: Bool { reports.contains { $0.result.changed } }
        /// The report of the run.
        var report: CorrectionReport { CorrectionReport(files: reports) }
    }

    /// Cleans one text.
    var correct: CorrectText
    /// Reads and validates inputs.
    var reader: InputReader
    /// Streams for output and messages.
    var environment: CommandEnvironment

    /// Cleans `paths` (none means standard input) into `destination`.
    func run(paths: [String], destination: Destination) -> Outcome {
        var outcome = Outcome()
        if case .directory(let directory) = destination {
            do throws(CLIError) { try FileSystem.createDirectory(directory) } catch {
                environment.reportError(error.message)
                outcome.failures = max(1, paths.count)
                return outcome
            }
        }
        for path in paths.isEmpty ? ["-"] : paths {
            do throws(CLIError) {
                let input = try reader.read(path)
                let (output, report) = FileCleaner.clean(input, with: correct)
                try deliver(output, of: input, changed: report.result.changed, to: destination)
                outcome.reports.append(report)
            } catch {
                environment.reportError(error.message)
                outcome.failures += 1
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
            if changed { try OutputWriter.writeAtomically(output, toPath: input.path) }
        case .discard:
            break
        }
    }
}
