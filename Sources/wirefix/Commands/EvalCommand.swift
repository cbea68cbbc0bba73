import ArgumentParser
import Foundation
import Wirefix

/// `wirefix eval`: measures precision and recall on an evaluation corpus.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure precision and recall per rule and per kind on an evaluation corpus.",
        discussion: """
            Each corpus is a case file (.tsv with the columns id, kind, input, expected and \
            optionally note), an article (NAME.txt beside its hand-corrected NAME.expected.txt), or \
            a directory holding case files and articles (also in its articles/ subdirectory), such \
            as Tests/Evaluation.

            Every input is cleaned with the given options and compared with its expected text, \
            edit by edit: an applied edit that matches the expected text is correct, any other is \
            a false positive; an expected edit the output lacks is a miss. The report gives \
            precision, recall and F1 per rule, per kind and in total, the suggestions and findings, \
            then every false positive and miss with its case id.

            Exits with 0 when the evaluation ran, whatever the scores, and 2 when a corpus could \
            not be read or the corrector could not be built.
            """)

    @OptionGroup var corrector: CorrectorOptions

    @Flag(help: "Write the report as JSON (schema wirefix-eval/1) instead of a table.")
    var json = false

    @Argument(help: ArgumentHelp("Case files, articles or directories to evaluate.", valueName: "corpus"),
              completion: .file())
    var corpus: [String]

    func run() throws {
        try execute(in: .process)
    }

    /// Runs the evaluation with the given streams and corrector.
    ///
    /// - Throws: `ExitCode` 2 when a corpus cannot be loaded, the corrector cannot be built, or the
    ///   report cannot be written.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let cases: [EvaluationCase]
        do throws(EvaluationError) {
            cases = try EvaluationCorpus.load(paths: corpus)
        } catch {
            for problem in error.problems { environment.reportError(problem.description) }
            throw ExitCode.runtimeFailure
        }
        let correct = try corrector.makeCorrector(in: environment)
        let evaluator = Evaluator(correct: correct)
        let report = evaluator.evaluate(cases)
        do throws(CLIError) {
            try environment.writeStandardOutput(Array((json ? report.json() : report.table()).utf8))
        } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
    }
}
