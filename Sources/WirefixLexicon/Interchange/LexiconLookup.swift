/// Finds the entities a name belongs to and explains every variant of them: which form it comes
/// from, which gloss or alias produced each word, which guard holds it back and which other
/// entities share it (`wirefix lexicon lookup NAME`).
public struct LexiconLookup: Sendable {
    /// One variant of an entity, explained.
    public struct VariantExplanation: Sendable, Equatable {
        /// The variant as it reads: "God given hair".
        public var text: String
        /// The text it corrects to (the canonical name, or an alias as spelled).
        public var target: String
        /// Where it comes from: "canonical", "alias 'Diosdado Cabello Rondón'", "misspelling 'Diosdado Cato'".
        public var form: String
        /// How each word came about: `"Diosdado" as "God given" (own gloss of ve-diosdado-cabello)`.
        public var reasons: [String]
        /// The guard the variant is held to, with why it applies, or `nil`.
        public var guardDescription: String?
        /// Ids of other entities with the same variant.
        public var sharedWith: [String]
        /// Whether the looked-up name reads as this variant.
        public var matchesQuery: Bool
    }

    /// One entity found, with its variants.
    public struct Entry: Sendable, Equatable {
        /// The entity.
        public var entity: Entity
        /// How the query found it: "id", "variant" or "word of its name".
        public var foundBy: String
        /// Every generated variant, the matching ones first, then fewest translated components.
        public var variants: [VariantExplanation]
        /// When an override disabled the entity: the override's place; its variants are then
        /// listed as they would be, but none of them matches text.
        public var disabledBy: RecordOrigin?
    }

    private let lexicon: Lexicon
    private let gazetteer: Gazetteer
    private let words: EnglishWordList
    private let names: EnglishNameList
    /// The ids of the entities of each folded variant.
    private let owners: [[String]: [String]]

    /// Prepares lookups in a lexicon; `words` and `names` decide the `english` guard selector.
    ///
    /// - Complexity: compiles the lexicon once, O(*v*) in generated variants.
    public init(lexicon: Lexicon, words: EnglishWordList, names: EnglishNameList) {
        self.lexicon = lexicon
        gazetteer = Gazetteer(lexicon: lexicon)
        self.words = words
        self.names = names
        var owners: [[String]: [String]] = [:]
        for variant in gazetteer.variants {
            owners[variant.foldedTokens, default: []].append(gazetteer.entities[variant.entityIndex].id)
        }
        self.owners = owners
    }

    /// The entities `query` names: the entity with that id; else every entity with a variant
    /// that reads as the query (case- and accent-insensitively); else every entity with the
    /// query's words among the words of its name. Disabled entities are looked up too.
    ///
    /// - Complexity: O(*v*) in generated variants.
    public func lookup(_ query: String) -> [Entry] {
        let key = Gazetteer.words(of: query).map { Folding.fold($0) }
        var found: [(Int, String)] = []
        if let index = gazetteer.entities.firstIndex(where: { $0.id == query }) {
            found = [(index, "id")]
        } else if !key.isEmpty {
            var seen = Set<Int>()
            for variant in gazetteer.variants where variant.foldedTokens == key && seen.insert(variant.entityIndex).inserted {
                found.append((variant.entityIndex, "variant"))
            }
            if found.isEmpty {
                for (index, entity) in gazetteer.entities.enumerated() {
                    let forms = ([entity.canonical] + entity.aliases + entity.misspellings).map { Gazetteer.words(of: $0).map { Folding.fold($0) } }
                    if forms.contains(where: { LexiconLookup.contains($0, key) }) { found.append((index, "word of its name")) }
                }
            }
        }
        var entries = found.map { index, how in entry(for: index, in: gazetteer, query: key, foundBy: how, disabledBy: nil) }
        // Disabled entities: compile them alone to explain what they would match.
        for (entity, override) in lexicon.disabled where entity.id == query || entries.isEmpty {
            let alone = Gazetteer(lexicon: Lexicon(entities: [entity], glosses: lexicon.glosses))
            let matches = entity.id == query || alone.variants.contains { $0.foldedTokens == key }
            if matches {
                entries.append(entry(for: 0, in: alone, query: key, foundBy: entity.id == query ? "id" : "variant", disabledBy: override.origin))
            }
        }
        return entries
    }

    private static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    private func entry(for index: Int, in gazetteer: Gazetteer, query: [String], foundBy: String, disabledBy: RecordOrigin?) -> Entry {
        let entity = gazetteer.entities[index]
        var explained: [VariantExplanation] = []
        for variant in gazetteer.variants where variant.entityIndex == index {
            explained.append(explain(variant, of: entity, sharedWith: Array(Set(owners[variant.foldedTokens] ?? []).subtracting([entity.id])).sorted(),
                                     matchesQuery: variant.foldedTokens == query))
        }
        explained = explained.enumerated().sorted { lhs, rhs in
            if lhs.element.matchesQuery != rhs.element.matchesQuery { return lhs.element.matchesQuery }
            return lhs.offset < rhs.offset
        }.map(\.element)
        return Entry(entity: entity, foundBy: foundBy, variants: explained, disabledBy: disabledBy)
    }

    private func explain(_ variant: NameVariant, of entity: Entity, sharedWith: [String], matchesQuery: Bool) -> VariantExplanation {
        let form: String
        switch variant.form {
        case .canonical: form = "canonical"
        case .alias(let i): form = "alias '\(entity.aliases[i])'"
        case .misspelling(let i): form = "misspelling '\(entity.misspellings[i])'"
        }
        var reasons: [String] = []
        for component in variant.components {
            switch component.realization {
            case .original:
                continue
            case .deletedNonASCII:
                reasons.append("\"\(component.name)\" with its non-ASCII letters deleted")
            case .translated(let translation, let kind):
                if entity.glosses[component.name]?.contains(translation) == true {
                    reasons.append("\"\(component.name)\" as \"\(translation)\" (own gloss, \(entity.origin))")
                } else if let gloss = lexicon.glosses.first(where: {
                    Folding.fold($0.component) == Folding.fold(component.name) && $0.translations.contains(translation)
                }) {
                    reasons.append("\"\(component.name)\" as \"\(translation)\" (\(kind.rawValue) gloss, \(gloss.origin): \(gloss.source))")
                } else {
                    reasons.append("\"\(component.name)\" as \"\(translation)\" (\(kind.rawValue) gloss)")
                }
            }
        }
        let formWords = Gazetteer.words(of: entity.text(of: variant.form))
        if variant.components.map(\.name) != formWords && variant.components.count == formWords.count {
            reasons.append("words reversed (English puts the adjective first)")
        }
        if reasons.isEmpty { reasons.append("as written") }
        var guardText: String?
        if let effective = VariantGuard.effectiveGuard(for: variant, of: entity, words: words, names: names) {
            guardText = effective.description
            if effective.selector == .english, let why = EnglishReading.reason(variant.foldedTokens, words: words, names: names) {
                guardText! += " (\(why))"
            }
        }
        return VariantExplanation(text: variant.text, target: variant.target, form: form, reasons: reasons,
                                  guardDescription: guardText, sharedWith: sharedWith, matchesQuery: matchesQuery)
    }

    /// A plain-text report of entries, as `wirefix lexicon lookup` prints it; the variants that
    /// match the query are marked with `*`.
    public static func text(of entries: [Entry]) -> String {
        var out = ""
        for entry in entries {
            let entity = entry.entity
            out += "\(entity.id) (\(entity.kind.rawValue), \(entity.country)): \(entity.canonical)   [found by \(entry.foundBy)]\n"
            if let disabled = entry.disabledBy { out += "  DISABLED by the override at \(disabled)\n" }
            if !entity.aliases.isEmpty { out += "  aliases: \(entity.aliases.joined(separator: " | "))\n" }
            if !entity.misspellings.isEmpty { out += "  misspellings: \(entity.misspellings.joined(separator: " | "))\n" }
            if !entity.glosses.isEmpty {
                out += "  own glosses: \(entity.glosses.keys.sorted().map { "\($0)=\(entity.glosses[$0]!.joined(separator: "|"))" }.joined(separator: "; "))\n"
            }
            if !entity.context.isEmpty { out += "  context words: \(entity.context.joined(separator: " | "))\n" }
            if !entity.guards.isEmpty { out += "  guards: \(VariantGuard.formatField(entity.guards))\n" }
            if !entity.ambiguous.isEmpty { out += "  declared ambiguous: \(entity.ambiguous.joined(separator: " | "))\n" }
            if let style = entity.style { out += "  house style: \(style.rawValue)\n" }
            out += "  source: \(entity.source)\n"
            out += "  defined at: \(entity.origin)\n"
            out += "  variants (\(entry.variants.count)):\n"
            for variant in entry.variants {
                var line = "  \(variant.matchesQuery ? "*" : " ") \(variant.text) → \(variant.target): \(variant.form); \(variant.reasons.joined(separator: "; "))"
                if let guardText = variant.guardDescription { line += "; guard \(guardText)" }
                if !variant.sharedWith.isEmpty { line += "; also \(variant.sharedWith.joined(separator: ", "))" }
                out += line + "\n"
            }
        }
        return out
    }
}
