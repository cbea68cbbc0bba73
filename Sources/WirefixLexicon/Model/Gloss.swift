/// The literal English translations of one name component, shared by every entity whose name
/// contains it: `Maduro → mature | ripe`, `Nicolás → Nicholas`.
///
/// Loaded from one line of a `Lexicons/glosses/*.tsv` file.
public struct Gloss: Sendable, Hashable, Codable {
    /// What the component is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A given name; its translations are anglicized given names ("Peter" for "Pedro").
        case given
        /// A surname that is also an ordinary word ("Castillo": castle).
        case surname
        /// Another word inside a name, e.g. of a party or newspaper ("Libre": free).
        case word
    }

    /// The component as written in names, e.g. `Maduro`.
    public var component: String
    /// The kind of component.
    public var kind: Kind
    /// What machine translation writes instead, e.g. `["mature", "ripe"]`.
    public var translations: [String]
    /// The dictionary or reference that supports the gloss.
    public var source: String
    /// The file and line the record came from.
    public var origin: RecordOrigin

    /// Creates a gloss.
    public init(component: String, kind: Kind, translations: [String], source: String,
                origin: RecordOrigin = RecordOrigin(file: "<memory>", line: 0)) {
        self.component = component
        self.kind = kind
        self.translations = translations
        self.source = source
        self.origin = origin
    }
}
