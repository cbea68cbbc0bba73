/// A validated set of entities and shared glosses, ready to compile into a ``Gazetteer``.
///
/// Build one with ``LexiconLoader`` from directories of TSV files, or in memory with
/// ``init(entities:glosses:)``. Layering: when two entities share an id, the later one wins (that
/// is how a user lexicon overrides a bundled entry), and a ``LexiconOverride`` of a later layer
/// disables an entity or sets its house style by id.
public struct Lexicon: Sendable {
    /// The entities, in load order, one per id; disabled entities are not among them.
    public private(set) var entities: [Entity]
    /// The shared glosses, in load order.
    public private(set) var glosses: [Gloss]
    /// The entities an override disabled, with the override that did it, in the order disabled.
    public private(set) var disabled: [(entity: Entity, by: LexiconOverride)]
    /// Overrides applied so far, in order.
    public private(set) var overrides: [LexiconOverride]
    /// Overrides read with this lexicon but not applied yet: ``merge(_:)`` applies them after the
    /// entities (``LexiconLoader/load(directory:)`` leaves a directory's overrides here, so that
    /// they can name entities of earlier directories).
    public var pendingOverrides: [LexiconOverride]

    /// Creates a lexicon; later entities override earlier ones with the same id (the position of
    /// the first one is kept).
    public init(entities: [Entity] = [], glosses: [Gloss] = []) {
        self.entities = []
        self.glosses = glosses
        self.disabled = []
        self.overrides = []
        self.pendingOverrides = []
        merge(entities: entities)
    }

    /// Adds entities and glosses on top of this lexicon: an entity with an existing id replaces it
    /// (and brings a disabled id back).
    public mutating func merge(entities newEntities: [Entity], glosses newGlosses: [Gloss] = []) {
        var position: [String: Int] = [:]
        for (index, entity) in entities.enumerated() { position[entity.id] = index }
        for entity in newEntities {
            disabled.removeAll { $0.entity.id == entity.id }
            if let index = position[entity.id] {
                entities[index] = entity
            } else {
                position[entity.id] = entities.count
                entities.append(entity)
            }
        }
        glosses += newGlosses
    }

    /// Adds another lexicon on top of this one: its entities and glosses (see
    /// ``merge(entities:glosses:)``), then its pending overrides (see ``apply(_:)``).
    ///
    /// - Returns: the overrides that named an id this lexicon does not hold (none when every
    ///   override applied).
    @discardableResult
    public mutating func merge(_ other: Lexicon) -> [LexiconOverride] {
        merge(entities: other.entities, glosses: other.glosses)
        return apply(other.pendingOverrides)
    }

    /// Applies overrides in order: `disabled` removes the entity, `active` brings a disabled one
    /// back, a style replaces the entity's ``Entity/style``.
    ///
    /// - Returns: the overrides whose id is neither an entity nor a disabled entity of this
    ///   lexicon (they change nothing).
    /// - Complexity: O(*n* + *o*) for *n* entities and *o* overrides.
    @discardableResult
    public mutating func apply(_ newOverrides: [LexiconOverride]) -> [LexiconOverride] {
        var unknown: [LexiconOverride] = []
        for override in newOverrides {
            overrides.append(override)
            if let index = entities.firstIndex(where: { $0.id == override.id }) {
                if let style = override.style { entities[index].style = style }
                if override.status == .disabled {
                    disabled.append((entities[index], override))
                    entities.remove(at: index)
                }
            } else if let index = disabled.firstIndex(where: { $0.entity.id == override.id }) {
                if let style = override.style { disabled[index].entity.style = style }
                if override.status == .active {
                    entities.append(disabled[index].entity)
                    disabled.remove(at: index)
                }
            } else {
                unknown.append(override)
            }
        }
        return unknown
    }

    /// The entity with this id, if any. O(*n*).
    public func entity(id: String) -> Entity? {
        entities.first { $0.id == id }
    }
}
