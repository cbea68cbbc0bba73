import Foundation

/// Common English-language given names and surnames with their frequency ranks.
///
/// The bundled list, `Lexicons/english/names.tsv`, comes from the US Census Bureau's 1990 name
/// files (public domain) as shipped in the PyPI package `names` 0.3.0 (MIT License);
/// `Scripts/build-english-names.sh` rebuilds it. The calque rule uses it to tell a real English
/// name ("Peter Castle", "Oliver White": every word a common given name or surname) from a calque
/// of a Spanish one ("Nicholas Mature": "Mature" is no surname).
public struct EnglishNameList: Sendable {
    private let given: [String: Int32]
    private let surnames: [String: Int32]

    /// An empty list.
    public init() {
        given = [:]
        surnames = [:]
    }

    /// Creates a list from lowercase names and their ranks.
    public init(givenNames: [String: Int], surnames: [String: Int]) {
        given = givenNames.mapValues { Int32($0) }
        self.surnames = surnames.mapValues { Int32($0) }
    }

    /// Loads a `name<TAB>kind<TAB>rank` file, kind `given` or `surname` (`#` comments allowed).
    ///
    /// - Throws: ``LexiconError`` naming the file and line of a malformed entry.
    public init(contentsOf url: URL) throws(LexiconError) {
        let bytes = try LexiconLoader.readUTF8(url)
        var given: [String: Int32] = [:]
        var surnames: [String: Int32] = [:]
        try TSVTable.forEachLine(in: bytes) { (line, range) throws(LexiconError) in
            if range.isEmpty || bytes[range.lowerBound] == 0x23 { return }
            let fields = bytes[range].split(separator: 0x09, omittingEmptySubsequences: false)
            let kind = fields.count == 3 ? String(decoding: fields[1], as: UTF8.self) : ""
            guard fields.count == 3, !fields[0].isEmpty, let rank = Int32(String(decoding: fields[2], as: UTF8.self)),
                  kind == "given" || kind == "surname" else {
                throw LexiconError(file: url.path, line: line, message: "expected 'name<TAB>given|surname<TAB>rank', found '\(String(decoding: bytes[range], as: UTF8.self))'")
            }
            let name = String(decoding: fields[0], as: UTF8.self)
            if kind == "given" { given[name] = rank } else { surnames[name] = rank }
        }
        self.given = given
        self.surnames = surnames
    }

    /// Whether the folded (lowercase, accent-free) word is a common given name. O(1).
    public func isGivenName(_ folded: String) -> Bool { given[folded] != nil }

    /// The rank of a folded given name among the census given names (1 = most frequent), or
    /// `nil` when it is none. O(1).
    public func givenNameRank(_ folded: String) -> Int? { given[folded].map(Int.init) }

    /// Whether the folded word is a common surname. O(1).
    public func isSurname(_ folded: String) -> Bool { surnames[folded] != nil }

    /// Whether the folded word is a common given name or surname. O(1).
    public func isName(_ folded: String) -> Bool { given[folded] != nil || surnames[folded] != nil }

    /// The frequency rank of the folded word as a surname (1 = most common), or `nil` when it
    /// is not listed. O(1).
    public func surnameRank(_ folded: String) -> Int? { surnames[folded].map(Int.init) }

    /// The number of names.
    public var count: Int { given.count + surnames.count }
}
