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
        let text = try LexiconLoader.readText(url)
        var given: [String: Int32] = [:]
        var surnames: [String: Int32] = [:]
        var line = 0
        for raw in TSVTable.lines(of: text) {
            line += 1
            if raw.isEmpty || raw.hasPrefix("#") { continue }
            let parts = raw.split(separator: "\t")
            guard parts.count == 3, let rank = Int32(parts[2]), parts[1] == "given" || parts[1] == "surname" else {
                throw LexiconError(file: url.path, line: line, message: "expected 'name<TAB>given|surname<TAB>rank', found '\(raw)'")
            }
            if parts[1] == "given" { given[String(parts[0])] = rank } else { surnames[String(parts[0])] = rank }
        }
        self.given = given
        self.surnames = surnames
    }

    /// Whether the folded (lowercase, accent-free) word is a common given name. O(1).
    public func isGivenName(_ folded: String) -> Bool { given[folded] != nil }

    /// Whether the folded word is a common surname. O(1).
    public func isSurname(_ folded: String) -> Bool { surnames[folded] != nil }

    /// Whether the folded word is a common given name or surname. O(1).
    public func isName(_ folded: String) -> Bool { given[folded] != nil || surnames[folded] != nil }

    /// The number of names.
    public var count: Int { given.count + surnames.count }
}
