import Foundation

/// Common English-language given names and surnames with their frequency ranks.
///
/// The bundled list, `Lexicons/english/names.tsv`, comes from the US Census Bureau's 1990 name
/// files (public domain) as shipped in the PyPI package `names` 0.3.0 (MIT License);
/// `Scripts/build-english-names.sh` rebuilds it. The calque rule uses it to tell a real English
/// name ("Peter Castle", "Oliver White": every word a common given name or surname) from a calque
/// of a Spanish one ("Nicholas Mature": "Mature" is no surname).
public struct EnglishNameList: Sendable {
    private let given: StringValueTable<Int32>
    private let surnames: StringValueTable<Int32>

    /// An empty list.
    public init() {
        given = StringValueTable([], repeats: .keepLast)
        surnames = StringValueTable([], repeats: .keepLast)
    }

    /// Creates a list from lowercase names and their ranks.
    public init(givenNames: [String: Int], surnames: [String: Int]) {
        given = StringValueTable(givenNames.map { (key: $0.key, value: Int32($0.value)) }, repeats: .keepLast)
        self.surnames = StringValueTable(surnames.map { (key: $0.key, value: Int32($0.value)) }, repeats: .keepLast)
    }

    /// Loads a `name<TAB>kind<TAB>rank` file, kind `given` or `surname` (`#` comments allowed).
    ///
    /// - Throws: ``LexiconError`` naming the file and line of a malformed entry.
    public init(contentsOf url: URL) throws(LexiconError) {
        try self.init(bytes: LexiconLoader.readUTF8(url), file: url.path)
    }

    /// Parses the bytes of a `name<TAB>kind<TAB>rank` file, valid UTF-8; `file` names it in
    /// errors.
    init(bytes: [UInt8], file: String) throws(LexiconError) {
        var entries: [(name: Range<Int>, isGiven: Bool, rank: Int32)] = []
        try TSVTable.forEachLine(in: bytes) { (line, range) throws(LexiconError) in
            if range.isEmpty || bytes[range.lowerBound] == 0x23 { return }
            // Exactly three fields: two tabs.
            let first = bytes[range].firstIndex(of: 0x09)
            let second = first.flatMap { bytes[($0 + 1)..<range.upperBound].firstIndex(of: 0x09) }
            let extra = second.flatMap { bytes[($0 + 1)..<range.upperBound].firstIndex(of: 0x09) }
            var isGiven = false
            var entry: (name: Range<Int>, isGiven: Bool, rank: Int32)?
            if let first, let second, extra == nil, first > range.lowerBound {
                let kind = bytes[(first + 1)..<second]
                isGiven = kind.elementsEqual("given".utf8)
                if isGiven || kind.elementsEqual("surname".utf8),
                   let rank = Int32(String(decoding: bytes[(second + 1)..<range.upperBound], as: UTF8.self)) {
                    entry = (range.lowerBound..<first, isGiven, rank)
                }
            }
            guard let entry else {
                throw LexiconError(file: file, line: line, message: "expected 'name<TAB>given|surname<TAB>rank', found '\(String(decoding: bytes[range], as: UTF8.self))'")
            }
            entries.append(entry)
        }
        // A name listed again keeps its last rank.
        func table(given: Bool) -> StringValueTable<Int32> {
            let listed = entries.filter { $0.isGiven == given }
            return StringValueTable(keys: listed.map(\.name), values: listed.map(\.rank), in: bytes, repeats: .keepLast)
        }
        self.given = table(given: true)
        self.surnames = table(given: false)
    }

    /// A list of given-name and surname tables, as built from a file or opened from a cached
    /// image (``LexiconCache/englishNameList(contentsOf:)``).
    init(given: StringValueTable<Int32>, surnames: StringValueTable<Int32>) {
        self.given = given
        self.surnames = surnames
    }

    /// The given-name and surname tables (for the lexicon cache to store).
    var tables: (given: StringValueTable<Int32>, surnames: StringValueTable<Int32>) { (given, surnames) }

    /// Whether the folded (lowercase, accent-free) word is a common given name. O(1).
    public func isGivenName(_ folded: String) -> Bool { given.id(of: folded) != nil }

    /// The rank of a folded given name among the census given names (1 = most frequent), or
    /// `nil` when it is none. O(1).
    public func givenNameRank(_ folded: String) -> Int? { given.value(of: folded).map(Int.init) }

    /// Whether the folded word is a common surname. O(1).
    public func isSurname(_ folded: String) -> Bool { surnames.id(of: folded) != nil }

    /// Whether the folded word is a common given name or surname. O(1).
    public func isName(_ folded: String) -> Bool { given.id(of: folded) != nil || surnames.id(of: folded) != nil }

    /// The frequency rank of the folded word as a surname (1 = most common), or `nil` when it
    /// is not listed. O(1).
    public func surnameRank(_ folded: String) -> Int? { surnames.value(of: folded).map(Int.init) }

    /// The number of names.
    public var count: Int { given.count + surnames.count }
}
