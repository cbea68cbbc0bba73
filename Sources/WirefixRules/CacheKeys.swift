import WirefixEngine

/// The keys under which the rules cache analyses per document (``Document/cached(_:_:)``) and
/// tables per context (``ContextMemo/value(_:_:)``): one list, so that no two analyses share a
/// name and a reader finds every cached analysis here.
extension CacheKey {
    // Per document.
    /// The name matches read from the gazetteer matches (``NameMatch/all(in:context:)``).
    static let nameMatches = CacheKey("names.matches")
    /// The countries a document mentions anywhere, up to two (``NameMatch/documentCountries(in:context:)``).
    static let documentCountries = CacheKey("names.countries")
    /// The countries mentioned near each name match, by span (``NameMatch/countryMentions(in:context:)``).
    static let countryMentions = CacheKey("names.countryMentions")
    /// The countries mentioned on each line (``RuleContext/countries(mentionedInLine:of:)``).
    static let lineCountries = CacheKey("countries.lines")
    /// The people named in full and where they are first named (``NameFollowUpsRule``).
    static let peopleNamedInFull = CacheKey("names.peopleNamedInFull")
    /// Which lines are headlines (``HeadlineLines``).
    static let headlineLines = CacheKey("wirefix.headlineLines")
    /// Which lines are commands or code (``CommandLineMarks``).
    static let commandLineMarks = CacheKey("wirefix.commandLineMarks")
    /// The fenced code blocks, for the name rules (``CodeSpans``).
    static let codeSpans = CacheKey("names.codeSpans")

    // Per context.
    /// The glue rule's per-thread memos of word-list answers (``ListedWordMemoPool``).
    static let listedWordMemoPool = CacheKey("glued_words.listedWordMemoPool")
    /// The name guards' evidence per entity and span (``GuardCache``).
    static let guardCache = CacheKey("names.guardCache")
    /// Each person's house style, by entity index (``NameFollowUpsRule``).
    static let entityStyles = CacheKey("names.entityStyles")
    /// Per-variant facts the name rules read for every match (``VariantFacts``).
    static let variantFacts = CacheKey("names.variantFacts")
}
