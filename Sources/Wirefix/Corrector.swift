import Foundation
import WirefixEngine
import WirefixLexicon
import WirefixRules

/// Cleans machine-translated news copy: the library entry point.
///
/// Build one corrector and share it: it is immutable and `Sendable`, so a batch tool can call
/// ``correct(_:)`` from many tasks at once.
///
/// ```swift
/// import Wirefix
///
/// let corrector = try Corrector()
/// let result = corrector.correct("Deputy God given hair chaired the meeting.")
/// print(result.corrected)            // Deputy Diosdado Cabello chaired the meeting.
/// for correction in result.corrections {
///     print(correction.ruleID, correction.range.start, correction.replacement)
/// }
/// ```
public struct Corrector: Sendable {
    /// How to build a corrector.
    public struct Options: Sendable {
        /// User lexicon directories, loaded in order on top of the bundled lexicons (an entity
        /// with the same id replaces the bundled one).
        public var lexiconDirectories: [URL]
        /// Whether to load the bundled lexicons first (default `true`).
        public var includeBundledLexicons: Bool
        /// Corrections with at least this confidence (0...1) are applied; the rest are suggestions.
        public var applyThreshold: Double
        /// House style and other rule options.
        public var ruleOptions: RuleOptions
        /// Identifiers of rules to skip.
        public var disabledRules: Set<String>
        /// Where compiled lexicons are cached (default: off, every build parses and compiles the
        /// lexicons; the `wirefix` command uses ``LexiconCache/standard(environment:)``).
        public var lexiconCache: LexiconCache

        /// Creates options; every parameter has the default a newsroom would expect.
        public init(lexiconDirectories: [URL] = [], includeBundledLexicons: Bool = true,
                    applyThreshold: Double = Pipeline.defaultApplyThreshold,
                    ruleOptions: RuleOptions = .default, disabledRules: Set<String> = [],
                    lexiconCache: LexiconCache = .disabled) {
            self.lexiconDirectories = lexiconDirectories
            self.includeBundledLexicons = includeBundledLexicons
            self.applyThreshold = applyThreshold
            self.ruleOptions = ruleOptions
            self.disabledRules = disabledRules
            self.lexiconCache = lexiconCache
        }
    }

    /// The pipeline that does the work.
    public let pipeline: Pipeline
    /// How the lexicon was loaded (cache hit or compile, with timings); `nil` when the corrector
    /// was built from a ``Lexicon`` or ``Gazetteer`` in memory.
    public let lexiconLoad: LexiconCache.LoadReport?

    /// Builds a corrector from the bundled lexicons, any user lexicons, and options.
    ///
    /// - Throws: ``LexiconError`` for a malformed lexicon (file and line named);
    ///   ``ConfigurationError`` for an unknown rule id, a threshold outside 0...1, or missing
    ///   bundled data.
    public init(options: Options = Options()) throws {
        var directories: [URL] = []
        if options.includeBundledLexicons { directories.append(try BundledData.lexiconDirectory()) }
        directories += options.lexiconDirectories
        let (gazetteer, report) = try options.lexiconCache.gazetteer(directories: directories)
        let words = try BundledData.englishWordList(cache: options.lexiconCache)
        try self.init(gazetteer: gazetteer, words: words, names: try BundledData.englishNameList(cache: options.lexiconCache),
                      countries: try BundledData.countryTable(), spanishNames: try BundledData.spanishNameList(),
                      options: options, lexiconLoad: report)
    }

    /// Builds a corrector from an already loaded lexicon, word list, name list, country table and
    /// Spanish name list (ignores `options.lexiconDirectories` and `options.lexiconCache`): the
    /// lexicon is compiled in memory.
    ///
    /// - Throws: ``ConfigurationError`` for an unknown rule id or a threshold outside 0...1.
    public init(lexicon: Lexicon, words: EnglishWordList, names: EnglishNameList = EnglishNameList(),
                countries: CountryTable = CountryTable(), spanishNames: SpanishNameList = SpanishNameList(),
                options: Options = Options()) throws {
        try self.init(gazetteer: Gazetteer(lexicon: lexicon), words: words, names: names, countries: countries,
                      spanishNames: spanishNames, options: options, lexiconLoad: nil)
    }

    /// Builds a corrector from a compiled gazetteer (see ``LexiconCache`` and
    /// ``Gazetteer/init(lexicon:)``), word list, name list, country table and Spanish name list
    /// (ignores `options.lexiconDirectories` and `options.lexiconCache`).
    ///
    /// - Throws: ``ConfigurationError`` for an unknown rule id or a threshold outside 0...1.
    public init(gazetteer: Gazetteer, words: EnglishWordList, names: EnglishNameList = EnglishNameList(),
                countries: CountryTable = CountryTable(), spanishNames: SpanishNameList = SpanishNameList(),
                options: Options = Options(), lexiconLoad: LexiconCache.LoadReport? = nil) throws {
        guard (0...1).contains(options.applyThreshold) else {
            throw ConfigurationError("apply threshold must be between 0 and 1, found \(options.applyThreshold)")
        }
        let known = Set(builtInRules.map { $0.description.identifier })
        for id in options.disabledRules.sorted() where !known.contains(id) {
            throw ConfigurationError("unknown rule '\(id)' (known rules: \(known.sorted().joined(separator: ", ")))")
        }
        let rules = builtInRules.filter { !options.disabledRules.contains($0.description.identifier) }.map { $0.init() }
        let context = RuleContext(gazetteer: gazetteer, words: words, names: names, countries: countries,
                                  spanishNames: spanishNames, options: options.ruleOptions)
        pipeline = Pipeline(rules: rules, context: context, applyThreshold: options.applyThreshold)
        self.lexiconLoad = lexiconLoad
    }

    /// Cleans one text.
    ///
    /// - Returns: the corrected text with every correction, suggestion and finding; spans are
    ///   UTF-8 byte offsets into `text`.
    /// - Complexity: linear in the length of `text` for the bundled rules.
    public func correct(_ text: String) -> CorrectionResult {
        pipeline.run(text)
    }
}
