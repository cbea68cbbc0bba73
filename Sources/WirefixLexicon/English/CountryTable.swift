import Foundation

/// How English copy refers to countries: names, demonyms and places, by ISO 3166-1 alpha-2 code.
///
/// Loaded from `Lexicons/geography/countries.tsv`. ``countries(mentionedIn:)`` finds which
/// countries a stretch of text mentions; the calque rule takes a mention of the entity's own
/// country as evidence for a calque and a mention of other countries only as evidence against it.
public struct CountryTable: Sendable {
    private struct Cue: Sendable {
        var tokens: [String]
        var exactCase: Bool
        var code: String
    }

    private let cuesByFirstToken: [String: [Cue]]

    /// The same cues for probing with a document's tokens (see
    /// ``countries(mentionedIn:tokens:)``): folded cue words by id, cues by the id of their
    /// first word.
    private let foldedWords: FoldedTokenTable
    private let foldedCuesByFirstWord: [[FoldedCue]]
    /// Cues that match in capitals only ("US", "UK"), by their exact text.
    private let exactCodes: [String: [String]]
    /// The longest exact cue, in UTF-8 bytes.
    private let longestExactCue: Int
    /// The shapes of the folded cue words (``WordShapes``): most capitalized words of a text
    /// are no cue word, and this tells so for an ASCII token without a probe of ``foldedWords``
    /// (which was half the cost of reading a line's countries).
    private let foldedWordShapes: WordShapes
    /// The names of countries and places (not demonyms) by their folded words joined with one
    /// space ("buenos aires"): the spelling to restore when copy lost their capitals. The first
    /// spelling listed wins ("Bogotá" over "Bogota").
    private let properNames: [String: ProperName]
    /// The most words of a name in ``properNames``.
    private let longestProperName: Int

    /// A country or place name as the table spells it.
    public struct ProperName: Sendable, Equatable {
        /// The name as written in the table ("Bogotá", "Buenos Aires").
        public var text: String
        /// The ISO 3166-1 alpha-2 code of its country.
        public var code: String
        /// The number of words.
        public var wordCount: Int

        /// A name as the table spells it.
        public init(text: String, code: String, wordCount: Int) {
            self.text = text
            self.code = code
            self.wordCount = wordCount
        }
    }

    private struct FoldedCue: Sendable {
        var words: [Int32]
        var code: String
    }

    /// An empty table.
    public init() { self.init(cues: [:]) }

    /// Creates a table from `code → cues` (names, demonyms, places).
    ///
    /// - Parameters:
    ///   - cues: every cue of each country: names, demonyms and places.
    ///   - properNames: the names of countries and places among them (no demonyms), by code, in
    ///     order of preference, for ``properName(startingAt:in:of:)``.
    public init(cues: [String: [String]], properNames: [String: [String]] = [:]) {
        var names: [String: ProperName] = [:]
        var longest = 0
        for code in properNames.keys.sorted() {
            for name in properNames[code]! {
                let words = Gazetteer.words(of: name)
                guard !words.isEmpty else { continue }
                let key = words.map { Folding.fold($0) }.joined(separator: " ")
                if names[key] == nil { names[key] = ProperName(text: name, code: code, wordCount: words.count) }
                longest = max(longest, words.count)
            }
        }
        self.properNames = names
        longestProperName = longest

        var table: [String: [Cue]] = [:]
        for (code, list) in cues {
            for cue in list {
                let words = Gazetteer.words(of: cue)
                guard let first = words.first else { continue }
                // Acronyms ("US", "UK") must match in capitals: "us" is a pronoun.
                let exact = words.count == 1 && cue.count <= 3 && cue.allSatisfy(\.isUppercase)
                let tokens = exact ? words : words.map { Folding.fold($0) }
                table[exact ? first : Folding.fold(first), default: []].append(Cue(tokens: tokens, exactCase: exact, code: code))
            }
        }
        cuesByFirstToken = table

        var ids: [String: Int32] = [:]
        var keys: [String] = []
        var folded: [[FoldedCue]] = []
        var exact: [String: [String]] = [:]
        // In the order `countries(mentionedIn:)` visits them; the order does not change the set.
        for key in table.keys.sorted() {
            for cue in table[key]! {
                if cue.exactCase {
                    exact[cue.tokens[0], default: []].append(cue.code)
                    continue
                }
                let words = cue.tokens.map { word -> Int32 in
                    if let id = ids[word] { return id }
                    let id = Int32(keys.count)
                    ids[word] = id
                    keys.append(word)
                    folded.append([])
                    return id
                }
                folded[Int(words[0])].append(FoldedCue(words: words, code: cue.code))
            }
        }
        foldedWords = FoldedTokenTable(keys: keys)
        foldedWordShapes = WordShapes(keys)
        foldedCuesByFirstWord = folded
        exactCodes = exact
        longestExactCue = exact.keys.map(\.utf8.count).max() ?? 0
    }

    /// Loads `countries.tsv` (columns `code`, `names`, `demonyms`, `places`).
    ///
    /// - Throws: ``LexiconError`` naming the file and line of a malformed row.
    public init(contentsOf url: URL) throws(LexiconError) {
        let text = try LexiconLoader.readText(url)
        let table = try TSVTable.parse(text, file: url.path, required: ["code", "names", "demonyms", "places"], optional: [])
        var cues: [String: [String]] = [:]
        var names: [String: [String]] = [:]
        for row in table.rows {
            let code = row.fields["code"] ?? ""
            guard code.count == 2, code.allSatisfy({ ("A"..."Z").contains($0) }) else {
                throw LexiconError(file: url.path, line: row.line, message: "column 'code': expected an ISO 3166-1 alpha-2 code, found '\(code)'")
            }
            for column in ["names", "demonyms", "places"] {
                let list = (row.fields[column] ?? "").split(separator: "|").map(String.init)
                cues[code, default: []] += list
                if column != "demonyms" { names[code, default: []] += list }
            }
        }
        self.init(cues: cues, properNames: names)
    }

    /// The longest country or place name (not a demonym) whose words, folded, are the tokens
    /// from `index` on, whatever their case and accents: "caracas" → Caracas, "buenos aires" →
    /// Buenos Aires, "bogota" → Bogotá. The caller decides whether lowercase copy means the place
    /// (unlike ``countries(in:of:)``, which counts only capitalized mentions).
    ///
    /// - Parameters:
    ///   - index: an index of `tokens`.
    ///   - tokens: word tokens with byte ranges into `bytes`.
    ///   - bytes: the text, valid UTF-8.
    /// - Complexity: O(*k*) for names of at most *k* words (a folded string per token read).
    public func properName(startingAt index: Int, in tokens: ArraySlice<Token>, of bytes: UnsafeBufferPointer<UInt8>) -> ProperName? {
        guard longestProperName > 0, tokens.indices.contains(index) else { return nil }
        // Most words start no name: one probe of the cue words, without a string (every name is
        // a cue, so its first word is a cue word).
        let first = tokens[index]
        let isASCII = first.shape.contains(.ascii)
        if isASCII && !foldedWordShapes.mayHold(first.range, in: bytes) { return nil }
        guard foldedWords.id(ofToken: first.range, in: bytes, isASCII: isASCII) >= 0 else { return nil }
        var key = ""
        var found: ProperName?
        for end in index..<min(tokens.endIndex, index + longestProperName) {
            if end > index {
                // Words of one name are separated by a single space or hyphen, as the table writes them.
                let gap = tokens[end - 1].range.upperBound..<tokens[end].range.lowerBound
                guard gap.count == 1, bytes[gap.lowerBound] == 0x20 else { break }
                key += " "
            }
            key += Folding.fold(bytes, range: tokens[end].range)
            if let name = properNames[key], name.wordCount == end - index + 1 { found = name }
        }
        return found
    }

    /// The codes of the countries that `text` mentions. A mention counts only when its first
    /// word is capitalized (or in capitals), as English writes names of countries and places and
    /// demonyms: "polish", "china", "lima" and "us" in lowercase are other words. Acronyms of
    /// three letters or fewer ("US", "UK") must match exactly.
    ///
    /// - Complexity: O(*n*) in the number of word tokens of `text`.
    public func countries(mentionedIn text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(in: text)
        return bytes.withUnsafeBufferPointer { countries(mentionedIn: tokens[...], in: $0) }
    }

    /// ``countries(mentionedIn:)-(String)`` as first written, one string, fold and dictionary
    /// probe per capitalized word: kept as the reference the tests hold the token path to.
    package func referenceCountries(mentionedIn text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(in: text)
        return bytes.withUnsafeBufferPointer { referenceCountries(in: tokens[...], of: $0) }
    }

    /// The codes of the countries that the word tokens `tokens` of `bytes` mention (see
    /// ``countries(mentionedIn:)``); for text already tokenized, such as a document's line.
    ///
    /// - Complexity: O(*n*) in the number of tokens; only capitalized tokens and the words of a
    ///   possible mention after them are read, with one hash probe on the bytes of each (see
    ///   ``countries(mentionedIn:in:)``, which this is).
    public func countries(in tokens: ArraySlice<Token>, of bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        countries(mentionedIn: tokens, in: bytes)
    }

    /// The reference for ``countries(in:of:)``: a string per capitalized token, folded, and the
    /// cues looked up by text.
    package func referenceCountries(in tokens: ArraySlice<Token>, of bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        let base = tokens.startIndex
        var words = [String?](repeating: nil, count: tokens.count)
        var folded = [String?](repeating: nil, count: tokens.count)
        func word(_ index: Int) -> String {
            if let known = words[index] { return known }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[base + index].range]), as: UTF8.self)
            words[index] = value
            return value
        }
        func fold(_ index: Int) -> String {
            if let known = folded[index] { return known }
            let value = Folding.fold(word(index))
            folded[index] = value
            return value
        }
        var found: Set<String> = []
        for index in 0..<tokens.count {
            // English capitalizes names of countries and places and demonyms: "china", "polish",
            // "lima" and "turkey" in lowercase are other words.
            guard tokens[base + index].shape.contains(.startsUppercase) else { continue }
            let candidates = (cuesByFirstToken[fold(index)] ?? []) + (cuesByFirstToken[word(index)] ?? [])
            for cue in candidates where !found.contains(cue.code) {
                let end = index + cue.tokens.count
                guard end <= tokens.count else { continue }
                let matches = cue.exactCase
                    ? (index..<end).map(word).elementsEqual(cue.tokens)
                    : (index..<end).map(fold).elementsEqual(cue.tokens)
                if matches { found.insert(cue.code) }
            }
        }
        return found
    }

    /// The codes of the countries that a stretch of UTF-8 text mentions, given its word tokens:
    /// the same answer as ``countries(mentionedIn:)-(String)`` on the text, without allocating for
    /// ASCII words (at most one hash probe per capitalized token, none for an ASCII token whose
    /// length and first and last letters no cue word has).
    ///
    /// - Parameters:
    ///   - tokens: the word tokens of the stretch, with byte ranges into `bytes`, exactly as
    ///     ``Tokenizer`` splits the stretch alone (a slice of a document's tokens does when the
    ///     stretch starts and ends at token boundaries or line breaks).
    ///   - bytes: the text, valid UTF-8.
    ///   - limit: stop reading once this many countries are found: the answer is then some
    ///     `limit` or more of the countries, those mentioned first (enough to tell that a text
    ///     mentions more than one country without reading all of it).
    /// - Complexity: O(*n*) in the total length of the tokens (read up to the mention that
    ///   reaches `limit`).
    public func countries(mentionedIn tokens: ArraySlice<Token>, in bytes: UnsafeBufferPointer<UInt8>,
                          upTo limit: Int = .max) -> Set<String> {
        var found: Set<String> = []
        guard !tokens.isEmpty else { return found }
        // The folded word id of a token, or -1. (Computed again when a token is both the later
        // word of a cue and a first word: only a cue's first word leads to its later words, and
        // few tokens are one.)
        func id(_ index: Int) -> Int32 {
            let token = tokens[index]
            let isASCII = token.shape.contains(.ascii)
            if isASCII && !foldedWordShapes.mayHold(token.range, in: bytes) { return -1 }
            return foldedWords.id(ofToken: token.range, in: bytes, isASCII: isASCII)
        }
        for index in tokens.indices {
            let token = tokens[index]
            // A mention starts with a capital, as in ``countries(in:of:)``: "polish", "china".
            guard token.shape.contains(.startsUppercase) else { continue }
            let first = id(index)
            if first >= 0 {
                for cue in foldedCuesByFirstWord[Int(first)] where !found.contains(cue.code) {
                    guard index + cue.words.count <= tokens.endIndex else { continue }
                    var equal = true
                    for offset in 1..<max(1, cue.words.count) where id(index + offset) != cue.words[offset] {
                        equal = false
                        break
                    }
                    if equal {
                        found.insert(cue.code)
                        if found.count >= limit { return found }
                    }
                }
            }
            // Exact cues are capitals only ("US"): only a token without lowercase letters and
            // no longer than the longest one can be one.
            if !exactCodes.isEmpty, token.range.count <= longestExactCue, token.shape.contains(.hasUppercase),
               !token.shape.contains(.hasLowercase),
               let codes = exactCodes[String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self)] {
                found.formUnion(codes)
                if found.count >= limit { return found }
            }
        }
        return found
    }
}

/// What a set of words (folded keys) looks like from outside: one bit per combination of a word's
/// length in bytes and its first and last bytes, so that an ASCII token none of the words can be
/// (folded, with its letters lowercased) is told apart by two loads, without hashing it.
///
/// A token may equal a word only if they have the same length and the same first and last bytes:
/// ``mayHold(_:in:)`` is `false` only for a token that is no word; `true` says nothing.
struct WordShapes: Sendable {
    /// 2^14 bits: the length modulo 16, then the low five bits of the first and the last byte.
    private var bits = [UInt64](repeating: 0, count: 1 << 8)

    /// The shapes of `words`.
    init(_ words: [String]) {
        for word in words {
            let utf8 = word.utf8
            guard let first = utf8.first, let last = utf8.last else { continue }
            let index = Self.index(length: utf8.count, first: first, last: last)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
    }

    @inline(__always)
    private static func index(length: Int, first: UInt8, last: UInt8) -> Int {
        (length & 15) << 10 | Int(first & 31) << 5 | Int(last & 31)
    }

    /// Whether the ASCII token `range` of `bytes`, its letters lowercased, may be one of the
    /// words: `false` when no word has its length and its first and last bytes. An empty range
    /// may be.
    @inline(__always)
    func mayHold(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !range.isEmpty else { return true }
        @inline(__always) func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let index = Self.index(length: range.count, first: lowered(bytes[range.lowerBound]), last: lowered(bytes[range.upperBound - 1]))
        return bits[index >> 6] & (1 << UInt64(index & 63)) != 0
    }
}
