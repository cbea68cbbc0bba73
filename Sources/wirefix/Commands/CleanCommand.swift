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
            --in-place, replaces each changed file atomically (a crash leaves the old or the new \
            file, never half of one) and keeps its permissions.

            A file that cannot be read, holds a NUL byte or is not valid UTF-8 is reported on \
            standard error and skipped; the other files are still cleaned, and the exit status is 2. \
            Nothing is written for a file that failed.
            """)

    @OptionGroup var correction: CorrectionOptions

    @Option(name: [.customShort("o"), .customLong("output-directory")], help: ArgumentHelp(
        "Write cleaned copies, under the same base names, into this directory (created if needed).",
        valueName: "directory"), completion: .directory)
    var outputDirectory: String?

    @Flag(help: "Rewrite each changed file in place, atomically, keeping its permissions.")
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

    /// Runs the command with the given streams and corrector.
    ///
    /// - Throws: `ExitCode` 2 when any input failed or the report could not be written.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let runner = CleanRunner(correct: try correction.makeCorrector(in: environment),
                                 reader: correction.reader(in: environment), environment: environment)
        let outcome = runner.run(paths: files, destination: destination)
        var failed = outcome.failures > 0
        if let format = reportFormat {
            let text = format.reporter.generateReport(outcome.report)
            if let reportFile {
                do throws(CLIError) {
                    try OutputWriter.writeAtomically(Array(text.utf8), toPath: reportFile)
                } catch {
                    environment.reportError(error.message)
                    failed = true
                }
            } else {
                environment.writeStandardError(text)
            }
        }
        if failed { throw ExitCode.runtimeFailure }
    }
}
