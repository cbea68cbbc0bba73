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

    @Option(name: .customLong("clean-copy"), help: ArgumentHelp(
        "Clean prose that must come out unchanged: a .txt file, or a directory of them; repeat the option to add more. Scored in the set 'clean-copy'.",
        valueName: "path"), completion: .file())
    var cleanCopy: [String] = []

    @Flag(help: "Print a calibration instead of the report: precision per confidence bucket with every correction applied, and precision and recall at each apply threshold from 0.35 to 0.95.")
    var calibrate = false

    @Option(help: ArgumentHelp("List at most this many false positives and misses, each (the counts stay complete).", valueName: "n"))
    var maxListed: Int?

    @Option(help: ArgumentHelp("Also write the figures, without the lists, as a baseline file (schema wirefix-eval-baseline/1).", valueName: "path"),
            completion: .file())
    var writeBaseline: String?

    @Option(name: .customLong("write-entity-cases"), help: ArgumentHelp(
        "First write a clean and a damaged sentence for every lexicon entity (the bundled lexicon and any --lexicon) to this case file, as Scripts/generate-entity-cases.sh writes Tests/Evaluation/entities.tsv; then evaluate the corpora given, if any.",
        valueName: "path"), completion: .file())
    var writeEntityCases: String?

    @Argument(help: ArgumentHelp("Case files, articles, synthetic corpora (NAME.txt beside NAME.truth.tsv) or directories to evaluate.", valueName: "corpus"),
              completion: .file())
    var corpus: [String] = []

    /// The precision the calibration's chosen threshold must keep.
    static let calibrationTarget = 0.995

    /// The thresholds the calibration sweeps.
    static let sweep: [Double] = stride(from: 0.35, through: 0.951, by: 0.05).map { ($0 * 100).rounded() / 100 }

    mutating func validate() throws {
        if corpus.isEmpty && cleanCopy.isEmpty && writeEntityCases == nil {
            throw ValidationError("Give at least one corpus, --clean-copy or --write-entity-cases path.")
        }
        if let maxListed, maxListed < 0 { throw ValidationError("--max-listed must be 0 or more, found \(maxListed).") }
    }

    func run() throws {
        try execute(in: .process)
    }

    /// Runs the evaluation with the given streams and corrector.
    ///
    /// - Throws: `ExitCode` 2 when a corpus cannot be loaded, the corrector cannot be built, or the
    ///   report cannot be written.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        if let writeEntityCases {
            try writeEntityCaseFile(to: writeEntityCases, in: environment)
            if corpus.isEmpty && cleanCopy.isEmpty { return }
        }
        var cases: [EvaluationCase] = []
        do throws(EvaluationError) {
            if !corpus.isEmpty { cases = try EvaluationCorpus.load(paths: corpus) }
            cases += try EvaluationCorpus.loadCleanCopy(paths: cleanCopy)
        } catch {
            for problem in error.problems { environment.reportError(problem.description) }
            throw ExitCode.runtimeFailure
        }
        let output: String
        if calibrate {
            output = try calibration(of: cases, in: environment)
        } else {
            let report = run(cases, threshold: corrector.minConfidence, in: environment, correct: try corrector.makeCorrector(in: environment))
            if let writeBaseline {
                let baseline = EvaluationBaseline(report: report, threshold: corrector.minConfidence, corpus: corpus + cleanCopy)
                do throws(CLIError) {
                    try OutputWriter.writeAtomically(Array(baseline.json().utf8), toPath: writeBaseline)
                } catch {
                    environment.reportError(error.message)
                    throw ExitCode.runtimeFailure
                }
            }
            output = json ? report.json() : report.table()
        }
        do throws(CLIError) {
            try environment.writeStandardOutput(Array(output.utf8))
        } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
    }

    /// Writes the entity cases (``EntityCases``) of the bundled lexicon and the `--lexicon`
    /// directories to `path`, atomically, and a summary line to standard error.
    ///
    /// - Throws: `ExitCode` 2 when the lexicon, the word list or the country table cannot be
    ///   loaded, or the file cannot be written.
    func writeEntityCaseFile(to path: String, in environment: CommandEnvironment) throws(ExitCode) {
        do throws(CLIError) {
            let workspace = try LexiconWorkspace(userDirectories: corrector.lexiconDirectories, includeBundled: true)
            let lexicon = try workspace.load()
            let countries: EntityCases.CountryNames
            do {
                let directory = try BundledData.lexiconDirectory()
                countries = try EntityCases.CountryNames(contentsOf: directory.appendingPathComponent("geography/countries.tsv").path)
            } catch let error as EvaluationError {
                throw CLIError(error.description)
            } catch {
                throw CLIError(String(describing: error))
            }
            let (cases, summary) = EntityCases.generate(lexicon: lexicon, words: workspace.words, countries: countries)
            try OutputWriter.writeAtomically(Array(EntityCases.text(of: cases).utf8), toPath: path)
            let kinds = summary.damagedByKind.keys.sorted().map { "\($0) \(summary.damagedByKind[$0]!)" }.joined(separator: ", ")
            var line = "wirefix: \(cases.count) entity cases written to \(path): \(summary.entities) entities; damaged: \(kinds)"
            line += " (\(summary.aliasDamage) on an alias); \(summary.withoutDamage.count) without damage"
            if !summary.withoutDamage.isEmpty { line += " (\(summary.withoutDamage.joined(separator: ", ")))" }
            try environment.writeStandardError(Array((line + "\n").utf8))
        } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
    }

    /// Evaluates the cases one by one, keeping only the tally.
    func run(_ cases: [EvaluationCase], threshold: Double, in environment: CommandEnvironment, correct: CorrectText) -> EvaluationReport {
        let evaluator = Evaluator(correct: correct.whole)
        var tally = EvaluationTally(listLimit: maxListed)
        for item in cases { tally.add(evaluator.evaluate(item)) }
        return tally.report
    }

    /// The calibration tables: every correction applied (threshold 0) for the buckets, then one
    /// run per threshold of ``sweep``.
    func calibration(of cases: [EvaluationCase], in environment: CommandEnvironment) throws(ExitCode) -> String {
        var options = corrector
        options.minConfidence = 0
        let everything = run(cases, threshold: 0, in: environment, correct: try options.makeCorrector(in: environment))
        var sweep: [(threshold: Double, report: EvaluationReport)] = []
        for threshold in Self.sweep {
            options.minConfidence = threshold
            sweep.append((threshold, run(cases, threshold: threshold, in: environment, correct: try options.makeCorrector(in: environment))))
        }
        let buckets = everything.byConfidence.compactMap { row in
            Double(row.name.prefix(4)).map { (lower: $0, precision: row.score.precision) }
        }
        let chosen = Self.lowestSafeThreshold(sweep.map { ($0.threshold, $0.report.total.precision) }, buckets: buckets,
                                              target: Self.calibrationTarget)
        let paths = (corpus + cleanCopy).joined(separator: ", ")
        let header = "Calibration on \(cases.count) cases (\(paths))\n\n"
        if json {
            return EvaluationReport.calibrationJSON(buckets: everything, sweep: sweep, chosen: chosen, target: Self.calibrationTarget)
        }
        return header + EvaluationReport.calibrationTable(buckets: everything, sweep: sweep, chosen: chosen, target: Self.calibrationTarget)
    }

    /// The highest threshold the choice considers. Above it only near-certain corrections apply, so
    /// a repair that needs two rules (a split, then the accent: "Penaexplained" → "Peña
    /// explained") stays half done, and a half-done repair counts as wrong.
    static let highestCalibratedThreshold = 0.9

    /// The lowest threshold `t` that is safe: the precision of the applied edits is at least
    /// `target` at `t` and at every higher threshold up to ``highestCalibratedThreshold``, and so
    /// is the precision of every confidence bucket from `t` up to it (the corrections a lower
    /// threshold admits must themselves be right, not only diluted in the total). A threshold or
    /// bucket where nothing is applied counts as safe. `nil` when even the highest fails.
    static func lowestSafeThreshold(_ points: [(threshold: Double, precision: Double?)],
                                    buckets: [(lower: Double, precision: Double?)] = [], target: Double) -> Double? {
        let limit = highestCalibratedThreshold + 1e-9
        var chosen: Double?
        for point in points.filter({ $0.threshold <= limit }).sorted(by: { $0.threshold > $1.threshold }) {
            guard (point.precision ?? 1) >= target else { break }
            let admitted = buckets.filter { $0.lower >= point.threshold - 1e-9 && $0.lower <= limit }
            guard admitted.allSatisfy({ ($0.precision ?? 1) >= target }) else { break }
            chosen = point.threshold
        }
        return chosen
    }
}
