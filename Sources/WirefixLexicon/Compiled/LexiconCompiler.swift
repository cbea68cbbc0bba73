/// Compiles a ``Lexicon`` into a lexicon image (``ImageFormat``): generates every
/// ``NameVariant`` of every entity, builds the token trie and the lookup tables, and serializes
/// them with the entity, variant and gloss records.
///
/// The output is deterministic: the same lexicon and key give the same bytes (tables are filled
/// in sorted order, never in hash-map order), so a fingerprint of it can be pinned in a test.
///
/// - Complexity: O(*v* · *k*) for *v* generated variants of at most *k* tokens.
public enum LexiconCompiler {
    /// Spanish articles that open a name ("El Confidencial"): such a first word is never the
    /// adjective a calque puts after it.
    static let articles: Set<String> = ["la", "el", "los", "las"]

    /// Whether a component kept as written is one of the adjectives Spanish and English spell
    /// the same (``sharedAdjectives``), so that the name's calque puts it first ("Radical
    /// Change" for "Cambio Radical").
    static func isSharedAdjective(_ component: (NameVariant.Component, [String])) -> Bool {
        guard component.0.realization == .original, component.1.count == 1, let word = component.1.first else { return false }
        return sharedAdjectives.contains(word)
    }

    /// Adjectives of party and organization names that Spanish and English spell alike (folded).
    /// Not "civil": "Civil Guard" is how English names the Guardia Civil.
    static let sharedAdjectives: Set<String> = [
        "radical", "popular", "social", "liberal", "federal", "general", "central", "legal",
        "regional", "rural", "global", "plural", "cultural", "natural", "moral", "total",
    ]

    /// Compiles `lexicon` into image bytes stamped with `sourceKey`.
    public static func compile(_ lexicon: Lexicon, sourceKey: LexiconSourceKey = LexiconSourceKey(high: 0, low: 0)) -> [UInt8] {
        let entities = lexicon.entities
        var glosses: [String: [Gloss]] = [:]
        var glossIndices: [String: [Int32]] = [:]
        for (index, gloss) in lexicon.glosses.enumerated() {
            let folded = Folding.fold(gloss.component)
            glosses[folded, default: []].append(gloss)
            glossIndices[folded, default: []].append(Int32(index))
        }

        var variants: [NameVariant] = []
        var byComponent: [String: Set<Int>] = [:]
        for (entityIndex, entity) in entities.enumerated() {
            var forms: [(NameVariant.Form, String, String)] = [(.canonical, entity.canonical, entity.canonical)]
            for (index, alias) in entity.aliases.enumerated() { forms.append((.alias(index), alias, alias)) }
            for (index, wrong) in entity.misspellings.enumerated() { forms.append((.misspelling(index), wrong, entity.canonical)) }
            // Every form's untranslated variants first, then the calques: when a calque of the
            // canonical name spells an alias ("Cartel de los Soles" calqued is "Cartel of the Suns",
            // its established English name), the key belongs to the alias, which is correct copy.
            var pending: [(NameVariant.Form, String, [(NameVariant.Component, [String])])] = []
            for (form, text, target) in forms {
                let names = Gazetteer.words(of: text)
                for name in names {
                    byComponent[Folding.fold(name), default: []].insert(entityIndex)
                    if let deleted = Folding.foldDeletingNonASCII(name) { byComponent[deleted, default: []].insert(entityIndex) }
                }
                var expanded = Gazetteer.expand(names: names, entity: entity, glosses: glosses)
                if entity.kind != .person && names.count == 2 {
                    // English puts the adjective first: "Prensa Libre" is calqued as "Free Press",
                    // and "Cambio Radical", whose adjective English writes the same, as "Radical
                    // Change".
                    expanded += expanded.filter { variant in
                        variant[0].0.isTranslated && (variant[1].0.isTranslated
                            || (Self.isSharedAdjective(variant[1]) && !Self.articles.contains(Folding.fold(names[0]))))
                    }.map { $0.reversed() }
                }
                for variant in expanded { pending.append((form, target, variant)) }
            }
            var seenKeys = Set<[String]>()
            let ordered = pending.enumerated().sorted { lhs, rhs in
                let left = lhs.element.2.filter { $0.0.isTranslated }.count
                let right = rhs.element.2.filter { $0.0.isTranslated }.count
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            for (_, (form, target, variant)) in ordered {
                let key = variant.flatMap(\.1)
                guard !key.isEmpty, seenKeys.insert(key).inserted else { continue }
                var generated = NameVariant(
                    entityIndex: entityIndex, form: form, target: target,
                    components: variant.map(\.0), foldedTokens: key)
                if !entity.guards.isEmpty { generated.contextGuard = Gazetteer.guardFor(generated, in: entity.guards) }
                variants.append(generated)
            }
        }

        // The trie: one dictionary of edges keyed by (parent, token id) while building, then a
        // flat probe table; no dictionary per node.
        var vocabulary: [String: Int32] = [:]
        var vocabularyKeys: [String] = []
        var edgeMap: [UInt64: Int32] = [:]
        edgeMap.reserveCapacity(variants.count * 2)
        var nodeVariants: [[Int32]] = [[]]
        for (variantIndex, variant) in variants.enumerated() {
            var node: Int32 = 0
            for token in variant.foldedTokens {
                let id: Int32
                if let existing = vocabulary[token] { id = existing } else {
                    id = Int32(vocabularyKeys.count)
                    vocabulary[token] = id
                    vocabularyKeys.append(token)
                }
                let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
                if let child = edgeMap[key] { node = child } else {
                    nodeVariants.append([])
                    node = Int32(nodeVariants.count - 1)
                    edgeMap[key] = node
                }
            }
            nodeVariants[Int(node)].append(Int32(variantIndex))
        }
        let edges = edgeMap.sorted { $0.key < $1.key }.map { key, child in
            (parent: Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32)),
             token: Int32(bitPattern: UInt32(truncatingIfNeeded: key)), child: child)
        }

        var pool = StringPoolBuilder()
        var entityRecords = RecordTableBuilder()
        for entity in entities { entityRecords.add(entity.encode(&pool)) }
        var variantRecords = RecordTableBuilder()
        for variant in variants { variantRecords.add(variant.encode(&pool, tokenIDs: vocabulary)) }
        var glossRecords = RecordTableBuilder()
        for gloss in lexicon.glosses { glossRecords.add(gloss.encode(&pool)) }

        var sections: [ImageFormat.Section: ImageWriter] = [:]
        func section(_ tag: ImageFormat.Section, _ body: (inout ImageWriter) -> Void) {
            var writer = ImageWriter()
            body(&writer)
            sections[tag] = writer
        }
        section(.entities) { entityRecords.write(to: &$0) }
        section(.variants) { variantRecords.write(to: &$0) }
        section(.glosses) { glossRecords.write(to: &$0) }
        section(.vocabulary) { FoldedTokenTable.write(keys: vocabularyKeys, to: &$0) }
        section(.nodeVariants) { IntLists.write(nodeVariants, to: &$0) }
        section(.edges) { TrieEdgeTable.write(edges, tokenCount: vocabularyKeys.count, nodeHasVariants: { !nodeVariants[Int($0)].isEmpty }, to: &$0) }
        let componentKeys = byComponent.keys.sorted()
        section(.components) { FoldedTokenTable.write(keys: componentKeys, to: &$0) }
        section(.componentEntities) { IntLists.write(componentKeys.map { byComponent[$0]!.sorted().map(Int32.init) }, to: &$0) }
        let glossKeys = glossIndices.keys.sorted()
        section(.glossComponents) { FoldedTokenTable.write(keys: glossKeys, to: &$0) }
        section(.componentGlosses) { IntLists.write(glossKeys.map { glossIndices[$0]! }, to: &$0) }
        var surnameKeys = ImageWriter(), surnameForms = ImageWriter()
        SurnameFormTable.write(entities: entities, glossesByComponent: glosses, pool: &pool, keys: &surnameKeys, forms: &surnameForms)
        sections[.surnameKeys] = surnameKeys
        sections[.surnameForms] = surnameForms
        section(.variantFlags) { writer in
            let flags: [UInt8] = variants.map { variant in
                let entity = entities[variant.entityIndex]
                var flags: Gazetteer.VariantFlags = []
                if !entity.guards.isEmpty || variant.contextGuard != nil { flags.insert(.guarded) }
                if variant.isUntranslated { flags.insert(.untranslated) }
                if entity.kind == .person { flags.insert(.person) }
                return flags.rawValue
            }
            writer.append(UInt64(flags.count))
            writer.append(array: flags)
        }
        section(.variantHeads) { writer in
            var heads: [UInt32] = []
            heads.reserveCapacity(variants.count * 2)
            for variant in variants {
                // The target is in the pool already: the variant's record named it.
                heads.append(UInt32(variant.entityIndex))
                heads.append(pool.index(of: variant.target))
            }
            writer.append(UInt64(variants.count))
            writer.append(array: heads)
        }
        section(.strings) { pool.write(to: &$0) }
        return LexiconImage.assemble(sourceKey: sourceKey, sections: ImageFormat.Section.allCases.map { ($0, sections[$0]!) })
    }
}
