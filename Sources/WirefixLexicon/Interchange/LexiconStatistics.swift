/// Counts that describe a lexicon: entities and generated variants by type and by country,
/// glossed name components, guards and overrides (`wirefix lexicon stats`).
public struct LexiconStatistics: Sendable, Equatable {
    /// Counts for one group of entities (a country, a type, or all).
    public struct Counts: Sendable, Equatable {
        /// Entities.
        public var entities = 0
        /// Generated variants (see ``NameVariant``), the names as written included.
        public var variants = 0
        /// Variants with at least one translated component.
        public var calques = 0

        /// Creates zero counts.
        public init() {}
    }

    /// All entities.
    public var total = Counts()
    /// By ``Entity/Kind``.
    public var byKind: [Entity.Kind: Counts] = [:]
    /// By country code (`INT` for international bodies).
    public var byCountry: [String: Counts] = [:]
    /// By country, then kind.
    public var byCountryAndKind: [String: [Entity.Kind: Counts]] = [:]
    /// Distinct name components (folded) with at least one literal translation, from `glosses/`
    /// or an entity's own `glosses` column.
    public var glossedComponents = 0
    /// Of those, the ones with a shared gloss in `glosses/`.
    public var sharedGlossComponents = 0
    /// Shared gloss records (lines of `glosses/*.tsv`).
    public var glossRecords = 0
    /// Entities whose record has an own `glosses` field.
    public var entitiesWithOwnGlosses = 0
    /// Entities with at least one context guard.
    public var guardedEntities = 0
    /// Entities with a declared ambiguity.
    public var entitiesWithAmbiguity = 0
    /// Entities with an own house style.
    public var styledEntities = 0
    /// Entities an override disabled.
    public var disabledEntities = 0

    /// Counts a lexicon, compiling it (or using an already compiled gazetteer of it).
    ///
    /// - Complexity: O(*v*) in generated variants, plus compiling when no gazetteer is given.
    public init(lexicon: Lexicon, gazetteer: Gazetteer? = nil) {
        let gazetteer = gazetteer ?? Gazetteer(lexicon: lexicon)
        for entity in gazetteer.entities {
            add(entity, variants: 0, calques: 0, entities: 1)
            if !entity.glosses.isEmpty { entitiesWithOwnGlosses += 1 }
            if !entity.guards.isEmpty { guardedEntities += 1 }
            if !entity.ambiguous.isEmpty { entitiesWithAmbiguity += 1 }
            if entity.style != nil { styledEntities += 1 }
        }
        for variant in gazetteer.variants {
            add(gazetteer.entities[variant.entityIndex], variants: 1, calques: variant.translatedCount > 0 ? 1 : 0, entities: 0)
        }
        var shared = Set<String>()
        for gloss in lexicon.glosses { shared.insert(Folding.fold(gloss.component)) }
        var all = shared
        for entity in gazetteer.entities {
            for component in entity.glosses.keys { all.insert(Folding.fold(component)) }
        }
        sharedGlossComponents = shared.count
        glossedComponents = all.count
        glossRecords = lexicon.glosses.count
        disabledEntities = lexicon.disabled.count
    }

    private mutating func add(_ entity: Entity, variants: Int, calques: Int, entities: Int) {
        func bump(_ counts: inout Counts) {
            counts.entities += entities
            counts.variants += variants
            counts.calques += calques
        }
        bump(&total)
        bump(&byKind[entity.kind, default: Counts()])
        bump(&byCountry[entity.country, default: Counts()])
        bump(&byCountryAndKind[entity.country, default: [:]][entity.kind, default: Counts()])
    }

    /// A plain-text report: totals, then a table by type and a table by country (entities of
    /// each type, variants, calques), countries by descending entity count.
    public var text: String {
        var lines: [String] = []
        lines.append("entities: \(total.entities)  variants: \(total.variants)  calque variants: \(total.calques)")
        lines.append("glossed components: \(glossedComponents) (\(sharedGlossComponents) with shared glosses in \(glossRecords) gloss records; \(entitiesWithOwnGlosses) entities with own glosses)")
        lines.append("guarded entities: \(guardedEntities)  declared ambiguities: \(entitiesWithAmbiguity)  own house style: \(styledEntities)  disabled: \(disabledEntities)")
        lines.append("")
        lines.append(Self.row(["type", "entities", "variants", "calques"], widths: [14, 9, 10, 9]))
        for kind in Entity.Kind.allCases {
            let counts = byKind[kind] ?? Counts()
            lines.append(Self.row([kind.rawValue, "\(counts.entities)", "\(counts.variants)", "\(counts.calques)"], widths: [14, 9, 10, 9]))
        }
        lines.append("")
        lines.append(Self.row(["country", "entities", "person", "organization", "place", "variants", "calques"], widths: [8, 9, 7, 13, 6, 10, 9]))
        let countries = byCountry.keys.sorted { lhs, rhs in
            let (l, r) = (byCountry[lhs]!.entities, byCountry[rhs]!.entities)
            return l != r ? l > r : lhs < rhs
        }
        for country in countries {
            let counts = byCountry[country]!
            let kinds = byCountryAndKind[country] ?? [:]
            lines.append(Self.row([country, "\(counts.entities)", "\(kinds[.person]?.entities ?? 0)", "\(kinds[.organization]?.entities ?? 0)",
                                   "\(kinds[.place]?.entities ?? 0)", "\(counts.variants)", "\(counts.calques)"],
                                  widths: [8, 9, 7, 13, 6, 10, 9]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first cell left-aligned, the others right-aligned, each in its width.
    private static func row(_ cells: [String], widths: [Int]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
            line += index == 0 ? cell + pad : " " + pad + cell
        }
        return line
    }
}
