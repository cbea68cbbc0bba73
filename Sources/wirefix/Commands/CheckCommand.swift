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
            could not be read, whatever the others gave. With --lossy, a file whose invalid bytes \
            would be replaced counts as changed. Errors are printed on standard error; a JSON \
            report also lists them in its "errors" array.
            """)

    @OptionGroup var correction: CorrectionOptions

    @Option(help: "The format of the report.")
    var report: ReportFormat = .text

    @Option(help: ArgumentHelp(
        "In directories, check only files whose name matches this shell pattern; repeat to add more (default: '*.[tT][xX][tT]').",
        discussion: "A pattern with a slash is matched against the path below the directory argument.",
        valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp(
        "In directories, skip files and directories whose name matches this shell pattern; repeat to add more.",
        valueName: "glob"))
    var exclude: [String] = []

    @Argument(help: ArgumentHelp(
        "The files and directories to check; none, or '-', reads standard input.",
        discussion: "A directory is walked as clean walks it, so 'check DIR' is the dry run of 'clean --in-place DIR'.",
        valueName: "file"),
              completion: .file())
    var files: [String] = []

    /// What directories are filtered with: as `clean` does.
    var collector: InputCollector {
        InputCollector(include: (include.isEmpty ? [CleanCommand.defaultTextPattern] : include).map(GlobPattern.init),
                       exclude: exclude.map(GlobPattern.init), skippedDirectory: nil)
    }

    func run() throws {
        SignalCleanup.install(brokenPipe: true)
        try execute(in: .process)
    }

    /// Runs the command with the given streams and corrector.
    ///
    /// - Throws: `ExitCode` 2 when the corrector could not be built, any input failed or the
    ///   report could not be written; 1 when some input would change.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let routing = ReportRouting(format: report, destination: .standardOutput)
        let correct: CorrectText
        do throws(CorrectorFailure) { correct = try correction.buildCorrector(in: environment) } catch {
            routing.writeFailedStart(error.errors, in: environment)
            throw ExitCode.runtimeFailure
        }
        let runner = CleanRunner(correct: correct, reader: correction.reader(in: environment), environment: environment,
                                 reportError: { routing.reportErrors([$0], in: environment) }, reporter: report.reporter,
                                 // A diff of input whose invalid bytes --lossy replaced needs the bytes as read.
                                 streamsLargeFiles: !(report == .diff && correction.lossy))
        let expansion = collector.expand(files)
        let outcome = runner.run(expansion.entries, destination: .discard)
        if expansion.skippedEntries > 0 {
            // As clean's summary says it: a story kept as a link is not checked (review 17).
            let skipped = expansion.skippedEntries
            environment.reportError("\(skipped) \(skipped == 1 ? "entry" : "entries") skipped (symbolic links, pipes, devices or directory loops)")
        }
        let written = routing.write(outcome.report, failure: outcome.reportFailure, errors: outcome.errors, in: environment)
        if outcome.failed || !written { throw ExitCode.runtimeFailure }
        if outcome.changedAny { throw ExitCode.changesFound }
    }
}
