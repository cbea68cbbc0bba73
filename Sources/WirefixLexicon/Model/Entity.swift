/// One gazetteer entry: a person, organization or place with its correct spelling and the forms
/// machine translation damages it into.
///
/// Loaded from one line of a `Lexicons/entities/*.tsv` file; see `Lexicons/README.md` for the
/// format. All strings are NFC.
public struct Entity: Sendable, Hashable, Codable {
    /// What kind of name this is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A person.
        case person
        /// A party, company, institution or media outlet.
        case organization
        /// A place.
        case place
    }

    /// Stable id, `[a-z0-9-]+`, unique across the loaded lexicons.
    public var id: String
    /// The kind of name.
    public var kind: Kind
    /// The correct spelling, with diacritics: `Diosdado Cabello`.
    public var canonical: String
    /// Other correct forms (full legal name, surname pair, acronym). Left alone in text.
    public var aliases: [String]
    /// Known wrong forms, corrected to ``canonical``.
    public var misspellings: [String]
    /// Entity-specific literal translations of name components, keyed by the component as
    /// written in ``canonical`` or an alias: `["Diosdado": ["God given", "God-given"]]`.
    public var glosses: [String: [String]]
    /// ISO 3166-1 alpha-2 country code, or `INT`.
    public var country: String
    /// Cue words that license a fully translated variant of this entity ("newspaper").
    public var context: [String]
    /// Where the canonical spelling was checked.
    public var source: String
    /// The file and line the record came from.
    public var origin: RecordOrigin

    /// Creates an entity.
    public init(
        id: String, kind: Kind, canonical: String, aliases: [String] = [], misspellings: [String] = [],
        glosses: [String: [String]] = [:], country: String, context: [String] = [], source: String,
        origin: RecordOrigin = RecordOrigin(file: "<memory>", line: 0)
    ) {
        self.id = id
        self.kind = kind
        self.canonical = canonical
        self.aliases = aliases
        self.misspellings = misspellings
        self.glosses = glosses
        self.country = country
        self.context = context
        self.source = source
        self.origin = origin
    }
}

/// Where a lexicon record came from: a file path and a 1-based line number.
public struct RecordOrigin: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file path as given to the loader.
    public var file: String
    /// The line, from 1.
    public var line: Int

    /// Creates an origin.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}
