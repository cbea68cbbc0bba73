/// A change a later lexicon directory makes to an entity of an earlier one, by id, without
/// copying its record: disable it, or set its house style.
///
/// Loaded from one line of an `overrides/*.tsv` file (columns `id`, `status`, `style`, `note`;
/// see `Lexicons/README.md`). A newsroom's user lexicon uses it to switch off a bundled entry it
/// does not want ("we never refer to this party by that name") or to write one name the AP way,
/// without accents.
public struct LexiconOverride: Sendable, Hashable, Codable {
    /// Whether the entity takes part in matching.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// The entity is used (the default).
        case active
        /// The entity is removed from the lexicon: none of its variants match.
        case disabled
    }

    /// The id of the entity to change; it must be defined in this directory or an earlier one.
    public var id: String
    /// The new status, or `nil` to leave it.
    public var status: Status?
    /// The new house style, or `nil` to leave it.
    public var style: NameStyle?
    /// Why (free text, may be empty).
    public var note: String
    /// The file and line the record came from.
    public var origin: RecordOrigin

    /// Creates an override.
    public init(id: String, status: Status? = nil, style: NameStyle? = nil, note: String = "",
                origin: RecordOrigin = RecordOrigin(file: "<memory>", line: 0)) {
        self.id = id
        self.status = status
        self.style = style
        self.note = note
        self.origin = origin
    }
}
