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

    /// An empty table.
    public init() { cuesByFirstToken = [:] }

    /// Creates a table from `code → cues` (names, demonyms, places).
    public init(cues: [String: [String]]) {
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
    }

    /// Loads `countries.tsv` (columns `code`, `names`, `demonyms`, `places`).
    ///
    /// - Throws: ``LexiconError`` naming the file and line of a malformed row.
    public init(contentsOf url: URL) throws(LexiconError) {
        let text = try LexiconLoader.readText(url)
        let table = try TSVTable.parse(text, file: url.path, required: ["code", "names", "demonyms", "places"], optional: [])
        var cues: [String: [String]] = [:]
        for row in table.rows {
            let code = row.fields["code"] ?? ""
            guard code.count == 2, code.allSatisfy({ ("A"..."Z").contains($0) }) else {
                throw LexiconError(file: url.path, line: row.line, message: "column 'code': expected an ISO 3166-1 alpha-2 code, found '\(code)'")
            }
            for column in ["names", "demonyms", "places"] {
                cues[code, default: []] += (row.fields[column] ?? "").split(separator: "|").map(String.init)
            }
        }
        self.init(cues: cues)
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
        return bytes.withUnsafeBufferPointer { countries(in: tokens[...], of: $0) }
    }

    /// The codes of the countries that the word tokens `tokens` of `bytes` mention (see
    /// ``countries(mentionedIn:)``); for text already tokenized, such as a document's line.
    ///
    /// - Complexity: O(*n*) in the number of tokens; only capitalized tokens and the words of a
    ///   possible mention after them are decoded.
    public func countries(in tokens: ArraySlice<Token>, of bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
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
}
