import ArgumentParser
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

            A file that cannot be read, holds a NUL byte or is not valid UTF-8 is reported on \
            standard error and skipped; the other files are still cleaned, and the exit status is 2. \
            Nothing is written for a file that failed.

            The report goes to standard error, or to --report-file. A JSON report on standard \
            error carries the errors in its "errors" array instead of messages beside it, so that \
            standard error holds one valid JSON document (Documentation/JSONReport.md).
            """)

    @OptionGroup var correction: CorrectionOptions

    @Option(name: [.customShort("o"), .customLong("output-directory")], help: ArgumentHelp(
        "Write cleaned copies, under the same base names, into this directory (created if needed).",
        valueName: "directory"), completion: .directory)
    var outputDirectory: String?

    @Flag(help: ArgumentHelp(
        "Rewrite each changed file in place, atomically, keeping its permissions; refuse read-only files.",
        discussion: """
            A changed file is replaced: the cleaned text is written to a new file beside it, which \
            gets the old one's permission bits (and owner and group, where the user may set them) \
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
        "Write the report to this file instead of standard error (the format defaults to text).",
        valueName: "path"), completion: .file())
    var reportFile: String?

    @Argument(help: ArgumentHelp("The files to clean; none, or '-', reads standard input.", valueName: "file"),
              completion: .file())
    var files: [String] = []

    /// Rejects combinations of options that cannot work.
    mutating func validate() throws {
        if reportFile?.isEmpty == true {
            throw ValidationError("--report-file needs a file name; an empty one names no file.")
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
            var seen: [String: String] = [:]
            for file in files {
                let name = FileSystem.baseName(file)
                if let first = seen[name] {
                    throw ValidationError("'\(first)' and '\(file)' would both be written to '\(name)' in the output directory.")
                }
                seen[name] = file
            }
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

    func run() throws {
        try execute(in: .process)
    }

    /// Where the report and the error messages go.
    var routing: ReportRouting {
        ReportRouting(format: reportFormat, destination: reportFile.map { .file($0) } ?? .standardError)
    }

    /// Runs the command with the given streams and corrector.
    ///
    /// - Throws: `ExitCode` 2 when the corrector could not be built, any input failed or the
    ///   report could not be written.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let routing = routing
        let correct: CorrectText
        do throws(CorrectorFailure) { correct = try correction.buildCorrector(in: environment) } catch {
            routing.writeFailedStart(error.errors, in: environment)
            throw ExitCode.runtimeFailure
        }
        let runner = CleanRunner(correct: correct, reader: correction.reader(in: environment), environment: environment,
                                 reportError: { routing.reportErrors([$0], in: environment) })
        let outcome = runner.run(paths: files, destination: destination)
        let written = routing.write(outcome.report, in: environment)
        if outcome.failed || !written { throw ExitCode.runtimeFailure }
    }
}
