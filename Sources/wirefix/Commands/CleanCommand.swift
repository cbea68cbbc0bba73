import ArgumentParser
import Foundation
import Wirefix

/// `wirefix clean`: writes the cleaned text of each input.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Repair the text of each file and write the result.",
        discussion: """
            With no file, or with '-', reads standard input and writes the cleaned text to standard \
            output. Given files, writes their cleaned text to standard output one after another, \
            like cat; with --output-directory, writes cleaned copies into a directory instead; with \
            --in-place, replaces each changed file (see --in-place below).

            A directory is cleaned recursively: the files in it whose names match --include \
            (default '*.[tT][xX][tT]') and no --exclude, in sorted order; hidden files and \
            directories and symbolic links found inside are skipped. Under --output-directory, \
            copies mirror the tree below the directory.

            A file that cannot be read, holds a NUL byte or is not valid UTF-8 is reported on \
            standard error and skipped; the other files are still cleaned, and the exit status is 2. \
            Nothing is written for a file that failed.

            Files are cleaned --jobs at a time; output and report keep the input order. A run of \
            more than one file, or of a directory, ends with a summary line on standard error, and \
            shows a progress bar there when standard error is a terminal; --quiet silences both.

            With --jsonl, each input is JSON Lines: the string member --field of each line's object \
            is cleaned, every other byte of the line is kept, and the corrections are added under \
            --corrections-key. Documentation/CommandLine.md describes the format.

            The report goes to standard error, or to --report-file. A JSON report on standard \
            error carries the errors in its "errors" array instead of messages beside it, so that \
            standard error holds one valid JSON document (Documentation/JSONReport.md).
            """)

    @OptionGroup var correction: CorrectionOptions

    @Option(name: [.customShort("o"), .customLong("output-directory")], help: ArgumentHelp(
        "Write cleaned copies into this directory (created if needed): a file under its base name, a directory's files under their paths below it.",
        valueName: "directory"), completion: .directory)
    var outputDirectory: String?

    @Flag(help: ArgumentHelp(
        "Rewrite each changed file in place, atomically, keeping its permissions; refuse read-only files.",
        discussion: """
            A changed file is replaced: the cleaned text is written to a new file beside it, which \
            gets the old one's permission bits (and owner, group and extended attributes, where the user may set them) \
            and is renamed over it, so a crash or a full disk leaves the old file or the new one, \
            never half of one. Being a new file, it breaks hard links: another name for the old \
            file keeps the old text. A symbolic link is followed: its target is replaced and the \
            link stays. A file nothing changed is not touched. A file without write permission \
            (read-only, even for root) is not rewritten: it is reported on standard error and the \
            exit status is 2.
            """))
    var inPlace = false

    @Option(help: "Print a report of the corrections to standard error in this format.")
    var report: ReportFormat?

    @Option(help: ArgumentHelp(
        "Write the report to this file instead of standard error ('-': standard output, with --in-place or -o; the format defaults to text).",
        valueName: "path"), completion: .file())
    var reportFile: String?

    @Option(name: [.customShort("j"), .customLong("jobs")], help: ArgumentHelp(
        "Clean this many files (or --jsonl blocks) at once; the default is the number of processor cores.",
        valueName: "count"))
    var jobs: Int?

    @Option(help: ArgumentHelp(
        "In directories, clean only files whose name matches this shell pattern; repeat to add more (default: '*.[tT][xX][tT]').",
        discussion: "A pattern with a slash is matched against the path below the directory argument.",
        valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp(
        "In directories, skip files and directories whose name matches this shell pattern; repeat to add more.",
        valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: [.customShort("q"), .long], help: "Show no progress bar and no summary line.")
    var quiet = false

    @Flag(help: ArgumentHelp(
        "Read JSON Lines: clean the string member --field of each line's object, keep every other byte, add the corrections.",
        discussion: "Output goes to standard output; a line that cannot be cleaned is passed through unchanged and reported with its line number."))
    var jsonl = false

    @Option(help: ArgumentHelp("With --jsonl, the top-level key of the string to clean.", valueName: "key"))
    var field: String?

    @Option(help: ArgumentHelp("With --jsonl, the top-level key the corrections are added under.", valueName: "key"))
    var correctionsKey: String?

    @Argument(help: ArgumentHelp("The files and directories to clean; none, or '-', reads standard input.", valueName: "file"),
              completion: .file())
    var files: [String] = []

    /// The default `--include` pattern: `.txt` in any case.
    static let defaultTextPattern = "*.[tT][xX][tT]"
    /// The default `--include` patterns with `--jsonl`.
    static let defaultJSONLinesPatterns = ["*.jsonl", "*.ndjson"]
    /// The default `--field`.
    static let defaultField = "text"
    /// The default `--corrections-key`.
    static let defaultCorrectionsKey = "wirefix"

    /// Rejects combinations of options that cannot work.
    mutating func validate() throws {
        if reportFile?.isEmpty == true {
            throw ValidationError("--report-file needs a file name; an empty one names no file.")
        }
        if reportFile == "-", !inPlace, outputDirectory == nil {
            throw ValidationError("--report-file - writes the report to standard output, where the cleaned text goes too; "
                                  + "use it with --in-place or -o, or name a file.")
        }
        if inPlace, outputDirectory != nil {
            throw ValidationError("--in-place and --output-directory cannot be used together.")
        }
        let readsStandardInput = files.isEmpty || files.contains("-")
        if inPlace, readsStandardInput {
            throw ValidationError("--in-place needs files; standard input cannot be rewritten in place.")
        }
        if outputDirectory != nil {
            if readsStandardInput {
                throw ValidationError("--output-directory needs files; standard input has no name to copy it under.")
            }
            // Files named twice under one base name are caught here; collisions between files found
            // in directories are caught after the walk, in execute(in:).
            var seen: [String: String] = [:]
            for file in files where !FileSystem.isDirectory(file) {
                let name = FileSystem.baseName(file)
                if let first = seen[name] {
                    throw ValidationError("'\(first)' and '\(file)' would both be written to '\(name)' in the output directory.")
                }
                seen[name] = file
            }
        }
        if let jobs, !(1...1024).contains(jobs) {
            throw ValidationError("--jobs must be between 1 and 1024, found \(jobs).")
        }
        if jsonl {
            for (given, name) in [(inPlace, "--in-place"), (outputDirectory != nil, "--output-directory"),
                                  (report != nil, "--report"), (reportFile != nil, "--report-file"), (correction.lossy, "--lossy")] where given {
                throw ValidationError("\(name) cannot be used with --jsonl, which writes each record with its corrections to standard output.")
            }
            if jsonlField.isEmpty || jsonlCorrectionsKey.isEmpty {
                throw ValidationError("--field and --corrections-key need a key; an empty one is not allowed.")
            }
            if jsonlField == jsonlCorrectionsKey {
                throw ValidationError("--field and --corrections-key must differ; both are '\(jsonlField)'.")
            }
        } else if field != nil || correctionsKey != nil {
            throw ValidationError("--field and --corrections-key need --jsonl.")
        }
    }

    /// The report format, if a report was asked for.
    var reportFormat: ReportFormat? { report ?? (reportFile != nil ? .text : nil) }

    /// Where cleaned text goes.
    var destination: CleanRunner.Destination {
        if inPlace { return .inPlace }
        if let outputDirectory { return .directory(outputDirectory) }
        return .standardOutput
    }

    /// The number of files cleaned at once: `--jobs`, or the number of active processor cores.
    var jobCount: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `--field`, or its default.
    var jsonlField: String { field ?? Self.defaultField }
    /// `--corrections-key`, or its default.
    var jsonlCorrectionsKey: String { correctionsKey ?? Self.defaultCorrectionsKey }

    /// What directories are filtered with.
    var collector: InputCollector {
        let defaults = jsonl ? Self.defaultJSONLinesPatterns : [Self.defaultTextPattern]
        return InputCollector(include: (include.isEmpty ? defaults : include).map(GlobPattern.init),
                              exclude: exclude.map(GlobPattern.init),
                              skippedDirectory: outputDirectory.flatMap { InputCollector.FileIdentity(path: $0) })
    }

    func run() throws {
        SignalCleanup.install(brokenPipe: true)
        try execute(in: .process)
    }

    /// Where the report and the error messages go.
    var routing: ReportRouting {
        // "-" is standard output, as for inputs (review 17: a file named "-" was written).
        ReportRouting(format: reportFormat, destination: reportFile.map { $0 == "-" ? .standardOutput : .file($0) } ?? .standardError)
    }

    /// Whether the run prints a summary line: unless `--quiet`, when it has more than one input or
    /// a directory argument, and standard error does not carry a JSON or diff report (which must
    /// stay a valid document; the JSON report has its own totals).
    func printsSummary(_ expansion: InputCollector.Expansion) -> Bool {
        guard !quiet, expansion.namedDirectory || expansion.entries.count > 1 else { return false }
        if reportFile == nil, let format = reportFormat, format != .text { return false }
        return true
    }

    /// Whether the run draws a progress bar: unless `--quiet`, for a run that prints a summary or
    /// would but for its report, when standard error is a terminal and the cleaned text does not
    /// go to a terminal on standard output (the bar would be drawn across it).
    func drawsProgress(_ expansion: InputCollector.Expansion, in environment: CommandEnvironment) -> Bool {
        guard !quiet, expansion.namedDirectory || expansion.entries.count > 1 else { return false }
        guard environment.isTerminal(STDERR_FILENO) else { return false }
        let writesStandardOutput = jsonl || destination == .standardOutput
        return !(writesStandardOutput && environment.isTerminal(STDOUT_FILENO))
    }

    /// Runs the command with the given streams and corrector.
    ///
    /// - Throws: `ExitCode` 2 when the corrector could not be built, any input failed or the
    ///   report could not be written; 64 when two inputs would be copied to the same file under
    ///   `-o`.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let routing = routing
        let expansion = collector.expand(files)
        if case .directory(let directory) = destination, let (first, second) = expansion.outputCollision {
            environment.reportError("'\(first.path)' and '\(second.path)' would both be written to '\(FileSystem.join(directory, first.outputName))'.")
            throw ExitCode.validationFailure
        }
        let safety = OutputSafety.verdict(expansion: expansion, arguments: files, destination: destination, reportFile: reportFile,
                                          collector: collector)
        if let problem = safety.problem {
            environment.reportError(problem)
            throw ExitCode.validationFailure
        }
        // A directory that cannot be made or marked fails in the runner, with the batch's summary.
        if let directory = safety.directoryToMark { try? OutputSafety.mark(directory) }
        let correct: CorrectText
        do throws(CorrectorFailure) { correct = try correction.buildCorrector(in: environment) } catch {
            routing.writeFailedStart(error.errors, in: environment)
            throw ExitCode.runtimeFailure
        }
        // Timed from here: the summary's rate is the rate of cleaning, not of loading the lexicons.
        let start = monotonicSeconds()
        let progress = drawsProgress(expansion, in: environment)
            ? ProgressBar(inputs: expansion.inputs, write: { try? environment.writeStandardError($0) }) : nil
        let reportError: (ReportError) -> Void = { routing.reportErrors([$0], in: environment) }
        let failed: Bool
        let totals: BatchTotals
        if jsonl {
            let runner = JSONLinesRunner(
                cleaner: JSONLinesCleaner(field: jsonlField, correctionsKey: jsonlCorrectionsKey, correct: correct),
                environment: environment, reportError: reportError, jobs: jobCount, progress: progress)
            let outcome = runner.run(expansion.entries)
            (failed, totals) = (!outcome.errors.isEmpty, outcome.totals)
        } else {
            let runner = CleanRunner(correct: correct, reader: correction.reader(in: environment), environment: environment,
                                     reportError: reportError, jobs: jobCount, reporter: reportFormat?.reporter,
                                     // A diff of a file whose invalid bytes --lossy replaced needs
                                     // the bytes as read: such files are read whole.
                                     progress: progress, streamsLargeFiles: !(reportFormat == .diff && correction.lossy))
            let outcome = runner.run(expansion.entries, destination: destination)
            let written = routing.write(outcome.report, failure: outcome.reportFailure, errors: outcome.errors, in: environment)
            var counts = outcome.totals
            if !written { counts.errors += 1 }  // the report: the summary must not say "0 errors"
            (failed, totals) = (outcome.failed || !written, counts)
        }
        if printsSummary(expansion) {
            var summary = totals.summary(seconds: monotonicSeconds() - start, jsonl: jsonl)
            if expansion.skippedEntries > 0 {
                // Not silently: a story kept as a symbolic link is not in the output (review 16).
                let skipped = expansion.skippedEntries
                summary += "; \(skipped) \(skipped == 1 ? "entry" : "entries") skipped (symbolic links, pipes, devices or directory loops)"
            }
            environment.reportError(summary)
        }
        if failed { throw ExitCode.runtimeFailure }
    }
}
