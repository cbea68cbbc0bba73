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
    /// Context guards on some of the entity's variants, in the order written (see
    /// ``VariantGuard``). Empty when every variant may match anywhere.
    public var guards: [VariantGuard]
    /// Variants, as written, that this entity knowingly shares with another entity (a declared
    /// ambiguity: `wirefix lexicon lint` reports undeclared ones). A shared variant is only ever
    /// suggested, never applied, by the name rules.
    public var ambiguous: [String]
    /// The house style for this name, overriding the global `keepUnaccented` option; `nil`
    /// follows the global option.
    public var style: NameStyle?
    /// The file and line the record came from.
    public var origin: RecordOrigin

    /// Creates an entity.
    public init(
        id: String, kind: Kind, canonical: String, aliases: [String] = [], misspellings: [String] = [],
        glosses: [String: [String]] = [:], country: String, context: [String] = [], source: String,
        guards: [VariantGuard] = [], ambiguous: [String] = [], style: NameStyle? = nil,
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
        self.guards = guards
        self.ambiguous = ambiguous
        self.style = style
        self.origin = origin
    }

    /// The text of one of the entity's forms: its canonical name, an alias or a misspelling.
    public func text(of form: NameVariant.Form) -> String {
        switch form {
        case .canonical: return canonical
        case .alias(let index): return aliases[index]
        case .misspelling(let index): return misspellings[index]
        }
    }

    /// The record without where it came from: two entities with equal contents compare equal
    /// under this key wherever they were loaded from (round-trip tests compare these).
    public var withoutOrigin: Entity {
        var copy = self
        copy.origin = RecordOrigin(file: "", line: 0)
        return copy
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
