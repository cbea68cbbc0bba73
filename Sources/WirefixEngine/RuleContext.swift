import Foundation
import WirefixLexicon

/// What every rule may consult: the compiled lexicon, the English word and name lists, the
/// country table, the Spanish name list and the options.
///
/// Build it once and share it: it is immutable and `Sendable`.
public struct RuleContext: Sendable {
    /// The immutable tables every copy shares, behind one reference: rules, closures and cached
    /// analyses copy the context, and copying some forty references (the gazetteer's tables, the
    /// word lists) meant as many atomic reference-count updates, on objects every worker thread
    /// shares, per copy.
    private final class Tables: Sendable {
        let gazetteer: Gazetteer
        let words: EnglishWordList
        let names: EnglishNameList
        let countries: CountryTable
        let spanishNames: SpanishNameList
        let memo = ContextMemo()

        init(gazetteer: Gazetteer, words: EnglishWordList, names: EnglishNameList, countries: CountryTable,
             spanishNames: SpanishNameList) {
            self.gazetteer = gazetteer
            self.words = words
            self.names = names
            self.countries = countries
            self.spanishNames = spanishNames
        }
    }

    private let tables: Tables

    /// The lexicon compiled for matching: its entities, variants and glosses.
    public var gazetteer: Gazetteer { _read { yield tables.gazetteer } }
    /// English words with their frequency ranks.
    public var words: EnglishWordList { _read { yield tables.words } }
    /// Common English-language given names and surnames.
    public var names: EnglishNameList { _read { yield tables.names } }
    /// How English copy refers to countries.
    public var countries: CountryTable { _read { yield tables.countries } }
    /// Spanish and Portuguese given names and surnames with their usual diacritics, for names
    /// outside the entity lexicon.
    public var spanishNames: SpanishNameList { _read { yield tables.spanishNames } }
    /// User options.
    public var options: RuleOptions
    /// Tables the rules derive from the lexicon and the word lists, computed on first use and
    /// shared by every copy of this context.
    public var memo: ContextMemo { tables.memo }

    /// Creates a context, compiling the lexicon into a gazetteer.
    ///
    /// - Complexity: O(*v*) in the number of generated variants; see ``Gazetteer``.
    public init(lexicon: Lexicon, words: EnglishWordList, names: EnglishNameList = EnglishNameList(),
                countries: CountryTable = CountryTable(), spanishNames: SpanishNameList = SpanishNameList(),
                options: RuleOptions = .default) {
        self.init(gazetteer: Gazetteer(lexicon: lexicon), words: words, names: names, countries: countries,
                  spanishNames: spanishNames, options: options)
    }

    /// Creates a context from an already compiled gazetteer (for example one opened from the
    /// lexicon cache, see ``LexiconCache``).
    public init(gazetteer: Gazetteer, words: EnglishWordList, names: EnglishNameList = EnglishNameList(),
                countries: CountryTable = CountryTable(), spanishNames: SpanishNameList = SpanishNameList(),
                options: RuleOptions = .default) {
        tables = Tables(gazetteer: gazetteer, words: words, names: names, countries: countries, spanishNames: spanishNames)
        self.options = options
    }

    /// The gazetteer matches of a document, computed once per document and shared by the name
    /// rules; a document a rule's edits made takes over the matches of the clauses they left
    /// alone (see ``DocumentSplice``).
    public func gazetteerMatches(in document: Document) -> [GazetteerMatch] {
        document.cached(.gazetteerMatches) {
            GazetteerMatchList(matches: document.withBytes { gazetteer.matches(tokens: document.tokens, in: $0) }, gazetteer: gazetteer)
        }.matches
    }
}

extension CacheKey {
    /// The gazetteer matches of a document (``RuleContext/gazetteerMatches(in:)``).
    static let gazetteerMatches = CacheKey("gazetteer.matches")
}

/// Values that rules derive from a context's lexicon and word lists (never from its options,
/// which a copy of the context may change), computed once on first use and then shared.
/// Thread-safe.
///
/// ``value(_:_:)`` is inlinable, so that each rule's call is specialized for its type: the generic
/// version looked up `Optional<T>`'s metadata on every call, once per rule and document (a stream
/// of short JSON Lines records makes many documents).
public final class ContextMemo: @unchecked Sendable {
    @usableFromInline let lock = NSLock()
    @usableFromInline var values = CacheSlots<any Sendable>()

    /// An empty memo.
    public init() {}

    /// The value stored under `key`, computed by `compute` the first time (if two threads race,
    /// both compute and the first stored value wins).
    @inlinable
    public func value<T: Sendable>(_ key: CacheKey, _ compute: () -> T) -> T {
        lock.lock()
        if let stored = values[key], let value = stored as? T { lock.unlock(); return value }
        lock.unlock()
        let value = compute()
        lock.lock()
        defer { lock.unlock() }
        if let stored = values[key], let existing = stored as? T { return existing }
        values.store(value, for: key)
        return value
    }
}

/// A document's gazetteer matches, carried over to the next document clause by clause: no match
/// crosses a clause boundary, and the matcher starts afresh after one.
/// A class: the document cache hands it out through a cast from `any Sendable`, which copies a
/// struct (and the gazetteer's many references with it) every time.
final class GazetteerMatchList: DocumentAnalysis {
    let matches: [GazetteerMatch]
    let gazetteer: Gazetteer

    init(matches: [GazetteerMatch], gazetteer: Gazetteer) {
        self.matches = matches
        self.gazetteer = gazetteer
    }

    func carried(to document: Document, by splice: DocumentSplice) -> GazetteerMatchList? {
        let tokens = document.tokens
        var result: [GazetteerMatch] = []
        result.reserveCapacity(matches.count + 8)
        var cursor = 0
        document.withBytes { bytes in
            for piece in splice.pieces {
                if piece.isChanged {
                    while cursor < matches.count && matches[cursor].tokenRange.lowerBound < piece.oldTokens.upperBound { cursor += 1 }
                    guard !piece.newTokens.isEmpty else { continue }
                    let offset = piece.newTokens.lowerBound
                    for var match in gazetteer.matches(tokens: Array(tokens[piece.newTokens]), in: bytes) {
                        match.tokenRange = (match.tokenRange.lowerBound + offset)..<(match.tokenRange.upperBound + offset)
                        result.append(match)
                    }
                } else {
                    let tokenShift = piece.tokenShift, byteShift = piece.byteShift
                    while cursor < matches.count && matches[cursor].tokenRange.upperBound <= piece.oldTokens.upperBound {
                        var match = matches[cursor]
                        match.tokenRange = (match.tokenRange.lowerBound + tokenShift)..<(match.tokenRange.upperBound + tokenShift)
                        match.byteRange = (match.byteRange.lowerBound + byteShift)..<(match.byteRange.upperBound + byteShift)
                        result.append(match)
                        cursor += 1
                    }
                }
            }
        }
        return GazetteerMatchList(matches: result, gazetteer: gazetteer)
    }
}
