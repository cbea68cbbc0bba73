import ArgumentParser
import Foundation
import Wirefix

/// The options that say how to correct, shared by `clean`, `check` and `eval`: the apply
/// threshold, the lexicons, the house style and the rules to skip.
struct CorrectorOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Apply corrections whose confidence is at least this value, from 0 to 1; report the rest as suggestions.",
        valueName: "confidence"))
    var minConfidence: Double = Pipeline.defaultApplyThreshold

    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "Load this lexicon directory on top of the bundled lexicons; repeat the option to add more.",
        valueName: "directory"), completion: .directory)
    var lexiconDirectories: [String] = []

    @Flag(help: "Keep names written without diacritics as they are (house style); case and calques are still fixed.")
    var keepUnaccented = false

    @Option(name: .customLong("disable"), help: ArgumentHelp(
        "Do not run the rule with this identifier; repeat the option to disable more ('wirefix rules' lists them).",
        valueName: "rule"))
    var disabledRules: [String] = []

    @Flag(help: ArgumentHelp(
        "Parse and compile the lexicons instead of opening the compiled copy cached in $WIREFIX_CACHE_DIR (default ~/.cache/wirefix).",
        discussion: """
            The compiled lexicon is cached under a hash of the lexicon files and opens in \
            milliseconds; any change to a lexicon file compiles anew. WIREFIX_CACHE_DIR=off turns \
            the cache off for every command; 'wirefix lexicon cache' shows or clears it.
            """))
    var noLexiconCache = false

    /// Checks the threshold and the rule identifiers.
    mutating func validate() throws {
        guard minConfidence.isFinite, (0...1).contains(minConfidence) else {
            throw ValidationError("--min-confidence must be between 0 and 1, found \(minConfidence).")
        }
        let unknown = Self.unknownRules(disabledRules, known: builtInRules.map { $0.description.identifier })
        if !unknown.isEmpty {
            throw ValidationError("--disable: unknown rule \(unknown.map { "'\($0)'" }.joined(separator: ", ")); 'wirefix rules' lists the rules.")
        }
    }

    /// The identifiers in `requested` that are not in `known`, in the order given, each once.
    static func unknownRules(_ requested: [String], known: [String]) -> [String] {
        let knownSet = Set(known)
        var seen = Set<String>()
        return requested.filter { !knownSet.contains($0) && seen.insert($0).inserted }
    }

    /// The corrector options these flags describe.
    var correctorOptions: Corrector.Options {
        Corrector.Options(
            lexiconDirectories: lexiconDirectories.map { URL(fileURLWithPath: $0) },
            applyThreshold: minConfidence,
            ruleOptions: RuleOptions(keepUnaccented: keepUnaccented),
            disabledRules: Set(disabledRules),
            lexiconCache: noLexiconCache ? .disabled : .standard())
    }

    /// Builds the corrector, or reports why it cannot be built (each lexicon problem as
    /// `file:line: message`) and throws exit code 2.
    func makeCorrector(in environment: CommandEnvironment) throws(ExitCode) -> CorrectText {
        do throws(CorrectorFailure) {
            return try buildCorrector(in: environment)
        } catch {
            for problem in error.errors { environment.reportError(problem.message) }
            throw ExitCode.runtimeFailure
        }
    }

    /// Builds the corrector, and writes its warnings (``CorrectText/warnings``) to standard
    /// error as `wirefix: warning: <text>`.
    ///
    /// - Throws: ``CorrectorFailure`` with one error per lexicon problem (`file:line: message`),
    ///   or the configuration error's message; none of them is printed.
    func buildCorrector(in environment: CommandEnvironment) throws(CorrectorFailure) -> CorrectText {
        do {
            let corrector = try environment.makeCorrector(correctorOptions)
            for warning in corrector.warnings { try? environment.writeStandardError(Array("wirefix: warning: \(warning)\n".utf8)) }
            return corrector
        } catch let error as LexiconError {
            throw CorrectorFailure(errors: error.problems.map { ReportError(path: nil, message: $0.description) })
        } catch {
            throw CorrectorFailure(errors: [ReportError(path: nil, message: "\(error)")])
        }
    }

}

/// The options `clean` and `check` share: how to correct, and how to read the inputs.
struct CorrectionOptions: ParsableArguments {
    @OptionGroup var corrector: CorrectorOptions

    @Flag(help: ArgumentHelp(
        "Replace invalid UTF-8 bytes with U+FFFD instead of refusing the file; the replacement is a change of the file.",
        discussion: """
            Each maximal invalid sequence becomes one U+FFFD. The file then counts as changed even \
            when no rule changes anything: 'check' exits with 1 and reports the replaced bytes, \
            '--in-place' writes the repaired text, and the diff report's '-' lines hold the original \
            bytes so that patch and git apply turn the file into exactly the cleaned output.
            """))
    var lossy = false

    /// The apply threshold (`--min-confidence`).
    var minConfidence: Double { corrector.minConfidence }
    /// The user lexicon directories (`--lexicon`).
    var lexiconDirectories: [String] { corrector.lexiconDirectories }
    /// The unaccented house style (`--keep-unaccented`).
    var keepUnaccented: Bool { corrector.keepUnaccented }
    /// The rules to skip (`--disable`).
    var disabledRules: [String] { corrector.disabledRules }
    /// The corrector options these flags describe.
    var correctorOptions: Corrector.Options { corrector.correctorOptions }

    /// The identifiers in `requested` that are not in `known`; see ``CorrectorOptions/unknownRules(_:known:)``.
    static func unknownRules(_ requested: [String], known: [String]) -> [String] {
        CorrectorOptions.unknownRules(requested, known: known)
    }

    /// Builds the corrector; see ``CorrectorOptions/makeCorrector(in:)``.
    func makeCorrector(in environment: CommandEnvironment) throws(ExitCode) -> CorrectText {
        try corrector.makeCorrector(in: environment)
    }

    /// Builds the corrector; see ``CorrectorOptions/buildCorrector(in:)``.
    func buildCorrector(in environment: CommandEnvironment) throws(CorrectorFailure) -> CorrectText {
        try corrector.buildCorrector(in: environment)
    }

    /// The reader for inputs, honouring `--lossy`.
    func reader(in environment: CommandEnvironment) -> InputReader {
        InputReader(lossy: lossy, readStandardInput: environment.readStandardInput)
    }
}

/// Why the corrector could not be built: the problems, not yet printed.
struct CorrectorFailure: Error {
    /// One entry per problem, with no input path.
    var errors: [ReportError]
}

extension ExitCode {
    /// 2: a runtime error (unreadable input, invalid UTF-8, a binary file, a bad lexicon, a
    /// failed write).
    static let runtimeFailure = ExitCode(2)
    /// 1: `check` found something to change.
    static let changesFound = ExitCode(1)
}
