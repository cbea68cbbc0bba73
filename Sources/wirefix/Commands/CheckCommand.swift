import ArgumentParser
import Wirefix

/// `wirefix check`: reports what `clean` would change, changing nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report what clean would change, without changing anything.",
        discussion: """
            Prints the report to standard output and exits with 1 when some file would change, \
            0 when none would (suggestions and findings alone do not count), and 2 when a file \
            could not be read, whatever the others gave.
            """)

    @OptionGroup var correction: CorrectionOptions

    @Option(help: "The format of the report.")
    var report: ReportFormat = .text

    @Argument(help: ArgumentHelp("The files to check; none, or '-', reads standard input.", valueName: "file"),
              completion: .file())
    var files: [String] = []

    func run() throws {
        try execute(in: .process)
    }

    /// Runs the command with the given streams and corrector.
    ///
    /// - Throws: `ExitCode` 2 when any input failed, 1 when some input would change.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let runner = CleanRunner(correct: try correction.makeCorrector(in: environment),
                                 reader: correction.reader(in: environment), environment: environment)
        let outcome = runner.run(paths: files, destination: .discard)
        var failed = outcome.failures > 0
        do throws(CLIError) {
            try environment.writeStandardOutput(Array(report.reporter.generateReport(outcome.report).utf8))
        } catch {
            environment.reportError(error.message)
            failed = true
        }
        if failed { throw ExitCode.runtimeFailure }
        if outcome.changedAny { throw ExitCode.changesFound }
    }
}
