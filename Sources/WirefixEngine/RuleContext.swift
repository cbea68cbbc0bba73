import WirefixLexicon

/// What every rule may consult: the compiled lexicon, the English word and name lists, the
/// country table, the Spanish name list and the options.
///
/// Build it once and share it: it is immutable and `Sendable`.
public struct RuleContext: Sendable {
    /// The lexicon compiled for matching: its entities, variants and glosses.
    public let gazetteer: Gazetteer
    /// English words with their frequency ranks.
    public let words: EnglishWordList
    /// Common English-language given names and surnames.
    public let names: EnglishNameList
    /// How English copy refers to countries.
    public let countries: CountryTable
    /// Spanish and Portuguese given names and surnames with their usual diacritics, for names
    /// outside the entity lexicon.
    public let spanishNames: SpanishNameList
    /// User options.
    public var options: RuleOptions

    /// Creates a context, compiling the lexicon into a gazetteer.
    ///
    /// - Complexity: O(*v*) in the number of generated variants; see ``Gazetteer``.
    public init(lexicon: Lexicon, words: EnglishWordList, names: EnglishNameList = EnglishNameList(),
                countries: CountryTable = CountryTable(), spanishNames: SpanishNameList = SpanishNameList(),
                options: RuleOptions = .default) {
        gazetteer = Gazetteer(lexicon: lexicon)
        self.words = words
        self.names = names
        self.countries = countries
        self.spanishNames = spanishNames
        self.options = options
    }

    /// Creates a context from an already compiled gazetteer (for example one opened from the
    /// lexicon cache, see ``LexiconCache``).
    public init(gazetteer: Gazetteer, words: EnglishWordList, names: EnglishNameList = EnglishNameList(),
                countries: CountryTable = CountryTable(), spanishNames: SpanishNameList = SpanishNameList(),
                options: RuleOptions = .default) {
        self.gazetteer = gazetteer
        self.words = words
        self.names = names
        self.countries = countries
        self.spanishNames = spanishNames
        self.options = options
    }

    /// The gazetteer matches of a document, computed once per document and shared by the name rules.
    public func gazetteerMatches(in document: Document) -> [GazetteerMatch] {
        document.cached("gazetteer.matches") {
            document.withBytes { gazetteer.matches(tokens: document.tokens, in: $0) }
        }
    }
}
