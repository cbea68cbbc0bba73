import Foundation
import WirefixICU

/// Spanish and Portuguese given names and surnames as Spanish text spells them, with their
/// diacritics: Peña, Rodríguez, Núñez, Gonçalves, Héctor, and unaccented surnames such as
/// Olivares or Mendoza.
///
/// The bundled list, `Lexicons/spanish/names.tsv`, is derived by `Scripts/build-spanish-names.sh`
/// from the cased Spanish word-probability table of the PyPI package spacy-lookups-data 1.0.5
/// (MIT License), the US Census Bureau's 1990 name files (public domain), Debian's wspanish word
/// list (public domain) and Unicode CLDR place names; `Lexicons/spanish/SOURCE.md` describes the
/// method and its limits. Rules use it for names that are not in the curated entity lexicon: to
/// split a surname glued to the next word and, with more evidence, to restore the diacritics of
/// a full person's name. It is a spelling resource: it says how a name is usually written, not
/// that any person bears it.
public struct SpanishNameList: Sendable {
    /// One name of the list.
    public struct Entry: Sendable, Hashable {
        /// Whether the name is a given name or a surname.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// A given name ("José").
            case given
            /// A surname ("Rodríguez").
            case surname
        }

        /// Why the name is in the list.
        public enum Evidence: String, Sendable, Hashable, CaseIterable {
            /// A US Census name whose usual spelling in Spanish text has diacritics.
            case accent
            /// An -ez surname with an accented stem, or its Portuguese -es form.
            case patronymic
            /// A US Census surname that Spanish text uses far more than English text.
            case frequency
        }

        /// The usual spelling, NFC, with its diacritics ("Peña").
        public var name: String
        /// Given name or surname.
        public var kind: Kind
        /// Why the name is listed.
        public var evidence: Evidence
        /// The percentage (0...100) of the capitalized occurrences in Spanish text, among all
        /// spellings that fold to the same letters, that use ``name`` (Peña: 88).
        public var share: Int
        /// The percentage (0...100) of those occurrences spelled in plain ASCII letters (Pena: 12;
        /// Núñez: 3, because "Nuñez" is the usual other spelling). A low value means the unaccented
        /// spelling is no established form of the name in Spanish text.
        public var plain: Int
        /// Whether the word is also a one-word place name (León, Córdoba, Ávila).
        public var isPlace: Bool

        /// Creates an entry.
        public init(name: String, kind: Kind, evidence: Evidence, share: Int, plain: Int, isPlace: Bool = false) {
            self.name = name
            self.kind = kind
            self.evidence = evidence
            self.share = share
            self.plain = plain
            self.isPlace = isPlace
        }

        /// Whether ``name`` carries letters beyond ASCII (diacritics, ñ, ç).
        public var hasDiacritics: Bool { !name.unicodeScalars.allSatisfy(\.isASCII) }
    }

    private let given: [String: Entry]
    private let surnames: [String: Entry]

    /// An empty list.
    public init() {
        given = [:]
        surnames = [:]
    }

    /// Creates a list from entries, keyed by their folded names (``Folding``); of two entries of
    /// one kind with the same folded name, the first is kept.
    public init(entries: [Entry]) {
        var given: [String: Entry] = [:]
        var surnames: [String: Entry] = [:]
        for entry in entries {
            let key = Folding.fold(entry.name)
            switch entry.kind {
            case .given: if given[key] == nil { given[key] = entry }
            case .surname: if surnames[key] == nil { surnames[key] = entry }
            }
        }
        self.given = given
        self.surnames = surnames
    }

    /// Loads a `name<TAB>kind<TAB>evidence<TAB>share<TAB>plain<TAB>place` file (`#` comments
    /// allowed): kind `given` or `surname`, evidence `accent`, `patronymic` or `frequency`, share
    /// and plain integers 0...100, place `place` or `-`.
    ///
    /// - Throws: ``LexiconError`` naming the file and line of a malformed entry.
    /// - Complexity: O(*n*) in the size of the file.
    public init(contentsOf url: URL) throws(LexiconError) {
        let text = try LexiconLoader.readText(url)
        var entries: [Entry] = []
        var line = 0
        for raw in TSVTable.lines(of: text) {
            line += 1
            if raw.isEmpty || raw.hasPrefix("#") { continue }
            // Split on the tab byte: no grapheme breaking, and a tab never joins a following mark
            // into one field here.
            let parts = raw.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            guard parts.count == 6, !parts[0].isEmpty,
                  let kind = Entry.Kind(rawValue: String(parts[1])),
                  let evidence = Entry.Evidence(rawValue: String(parts[2])),
                  let share = Int(parts[3]), (0...100).contains(share),
                  let plain = Int(parts[4]), (0...100).contains(plain),
                  parts[5] == "place" || parts[5] == "-"
            else {
                throw LexiconError(file: url.path, line: line, message: "expected 'name<TAB>given|surname<TAB>accent|patronymic|frequency<TAB>share 0...100<TAB>plain 0...100<TAB>place|-', found '\(raw)'")
            }
            let name = String(parts[0])
            // By bytes: `String` equality is canonical equivalence, so `name ==` its NFC form
            // holds for an NFD name too. ASCII is NFC; ICU answers the rest without building the
            // NFC form.
            guard name.utf8.allSatisfy({ $0 < 0x80 }) || (try? Normalizer.isNormalized(name, form: .nfc)) == true else {
                throw LexiconError(file: url.path, line: line, message: "'\(name)' is not NFC")
            }
            entries.append(Entry(name: name, kind: kind, evidence: evidence, share: share, plain: plain, isPlace: parts[5] == "place"))
        }
        self.init(entries: entries)
    }

    /// The surname whose folded (lowercase, accent-free) form is `folded`, or `nil`. O(1).
    public func surname(_ folded: String) -> Entry? { surnames[folded] }

    /// The given name whose folded form is `folded`, or `nil`. O(1).
    public func givenName(_ folded: String) -> Entry? { given[folded] }

    /// Whether the folded word is a listed surname. O(1).
    public func isSurname(_ folded: String) -> Bool { surnames[folded] != nil }

    /// Whether the folded word is a listed given name. O(1).
    public func isGivenName(_ folded: String) -> Bool { given[folded] != nil }

    /// The number of entries (a name that is both a given name and a surname counts twice).
    public var count: Int { given.count + surnames.count }
}
