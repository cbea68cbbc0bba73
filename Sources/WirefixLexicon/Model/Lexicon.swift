/// A validated set of entities and shared glosses, ready to compile into a ``Gazetteer``.
///
/// Build one with ``LexiconLoader`` from directories of TSV files, or in memory with
/// ``init(entities:glosses:)``. When two entities share an id, the later one wins: that is how a
/// user lexicon overrides a bundled entry.
public struct Lexicon: Sendable {
    /// The entities, in load order, one per id.
    public private(set) var entities: [Entity]
    /// The shared glosses, in load order.
    public private(set) var glosses: [Gloss]

    /// Creates a lexicon; later entities override earlier ones with the same id (the position of
    /// the first one is kept).
    public init(entities: [Entity] = [], glosses: [Gloss] = []) {
        self.entities = []
        self.glosses = glosses
        merge(entities: entities)
    }

    /// Adds entities and glosses on top of this lexicon: an entity with an existing id replaces it.
    public mutating func merge(entities newEntities: [Entity], glosses newGlosses: [Gloss] = []) {
        var position: [String: Int] = [:]
        for (index, entity) in entities.enumerated() { position[entity.id] = index }
        for entity in newEntities {
            if let index = position[entity.id] {
                entities[index] = entity
            } else {
                position[entity.id] = entities.count
                entities.append(entity)
            }
        }
        glosses += newGlosses
    }

    /// Adds another lexicon on top of this one. See ``merge(entities:glosses:)``.
    public mutating func merge(_ other: Lexicon) {
        merge(entities: other.entities, glosses: other.glosses)
    }

    /// The entity with this id, if any. O(*n*).
    public func entity(id: String) -> Entity? {
        entities.first { $0.id == id }
    }
}
