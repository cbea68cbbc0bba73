import WirefixEngine
@_spi(WirefixInternals) import WirefixLexicon

/// Honors the lexicon's context guards (``VariantGuard``): drops the variants of a gazetteer match
/// whose guard the text around the match does not satisfy.
///
/// Every name rule reads matches through ``NameMatch/all(in:context:)``, which calls
/// ``admitted(_:in:context:guarded:)`` first, so a guarded variant without its context is invisible to
/// all of them: "The free press is vital" never becomes a candidate for Prensa Libre once the
/// lexicon says its translated variants need a title or the country.
enum NameGuards {
    /// The match with only the variants that are unguarded or whose guard holds; `nil` when none
    /// is left.
    ///
    /// - Complexity: O(1) for a match without guarded variants; otherwise O(*w*) per guarded
    ///   variant for a window of *w* tokens around the match.
    static func admitted(_ match: GazetteerMatch, in document: Document, context: RuleContext,
                         guarded: VariantFacts, scratch: inout GuardScratch) -> GazetteerMatch? {
        guard guarded.covers(match) else { return match }
        var kept: [Int] = []
        // What the text shows around the span, per entity and condition: the evidence depends
        // on the entity and the span alone, not on the variant, and a span's variants are mostly
        // one entity's.
        var answers: [(entity: Int, condition: VariantGuard.Condition, holds: Bool)] = []
        // Room for the three conditions of one entity at once, not grown from one.
        answers.reserveCapacity(3)
        // "Iván Duke": a word written with diacritics is the name's own spelling, so the span
        // does not read as English whatever its folded words do, and an `english` clause (which
        // the folded words chose) does not hold it.
        let accented = document.tokens[match.tokenRange].contains { !$0.shape.contains(.ascii) }
        for index in match.variantIndices {
            let resolved = scratch.effectiveGuard(ofVariant: index, context: context)
            let chosen = accented && resolved.contextGuard?.selector == .english ? resolved.unlessEnglish : resolved.contextGuard
            guard let contextGuard = chosen else {
                kept.append(index)
                continue
            }
            let entityIndex = resolved.entityIndex
            let holds = contextGuard.isSatisfied { condition in
                if let known = answers.first(where: { $0.entity == entityIndex && $0.condition == condition }) { return known.holds }
                let facts = scratch.facts(ofEntity: entityIndex)
                let answer = satisfies(condition, match: match, facts: facts, cache: scratch.cache, in: document, context: context)
                answers.append((entityIndex, condition, answer))
                return answer
            }
            if holds { kept.append(index) }
        }
        if kept.isEmpty { return nil }
        var result = match
        result.variantIndices = kept
        return result
    }

    /// Whether the text around `match` satisfies one guard condition for an entity (see
    /// ``NameMatch/satisfies(_:in:context:)``, which gives the same answer for a reading of the
    /// same span and entity).
    static func satisfies(_ condition: VariantGuard.Condition, match: GazetteerMatch, facts: GuardScratch.EntityFacts,
                          cache: GuardCache, in document: Document, context: RuleContext) -> Bool {
        let entity = facts.entity
        switch condition {
        case .title:
            return NameMatch.isIntroducedByCue(match, kind: entity.kind, cues: facts.cues, in: document)
                || NameMatch.isFollowedByCue(match, kind: entity.kind, cues: facts.cues, in: document)
                || (entity.kind == .person && NameMatch.hasRoleApposition(match, cues: facts.cues, in: document))
        case .country:
            return NameMatch.mentionsOwnCountry(match, entity: entity, in: document, context: context)
        case .name:
            return NameMatch.hasOwnNameNearby(match, own: cache.ownWords(of: facts, context: context), in: document)
        }
    }
}

/// What ``NameGuards/admitted(_:in:context:guarded:scratch:)`` reads again and again: each
/// guarded variant's effective guard (``VariantGuard/effectiveGuard(for:of:words:names:)``) and
/// each entity with its folded context words and the words of its own name. All are functions of
/// the lexicon and the word lists alone, so they are shared by every document a context reads
/// (``GuardCache``), and looked up there once per pass over a document's matches.
struct GuardScratch {
    /// An entity as the guards read it.
    final class EntityFacts: Sendable {
        let index: Int
        let entity: Entity
        /// `entity.context`, folded.
        let cues: [String]

        init(index: Int, entity: Entity) {
            self.index = index
            self.entity = entity
            cues = entity.context.map { Folding.fold($0) }
        }
    }

    /// The words of an entity's own name that the `name` condition looks for
    /// (``NameMatch/ownNameWords(of:context:)``), folded, and their UTF-8.
    final class OwnWords: Sendable {
        let folded: Set<String>
        let bytes: [[UInt8]]
        /// Bit `n` set when a word is `n` bytes long (bit 63 for 63 bytes or more): most tokens
        /// around a name have no own word's length and are passed over without a comparison.
        let lengths: UInt64

        init(folded: Set<String>) {
            self.folded = folded
            bytes = folded.map { Array($0.utf8) }
            lengths = bytes.reduce(0) { $0 | 1 << UInt64(min($1.count, 63)) }
        }
    }

    /// A variant's entity and the guard it is held to.
    struct ResolvedGuard: Sendable {
        let entityIndex: Int
        let contextGuard: VariantGuard?
        /// The guard when the entity's `english` clause does not hold the variant: its own,
        /// less specific one. Equal to ``contextGuard`` unless the `english` clause applies.
        var unlessEnglish: VariantGuard?
    }

    let cache: GuardCache
    /// The context's variants and entities, read once per pass (each read of
    /// `context.gazetteer.variants` copies the store's references).
    let variants: VariantStore
    let entities: EntityStore
    private var guards: [Int: ResolvedGuard] = [:]
    private var facts: [Int: EntityFacts] = [:]

    /// The scratch of one pass, over the context's shared cache.
    init(context: RuleContext) {
        cache = context.memo.value(.guardCache) { GuardCache() }
        variants = context.gazetteer.variants
        entities = context.gazetteer.entities
    }

    /// The entity index of variant `index` and the guard it is held to, or `nil`.
    mutating func effectiveGuard(ofVariant index: Int, context: RuleContext) -> ResolvedGuard {
        if let known = guards[index] { return known }
        let variants = variants, entities = entities
        let resolved = cache.variants.value(at: index) {
            let variant = variants[index]
            return ResolvedGuard(entityIndex: variant.entityIndex, contextGuard: VariantGuard.effectiveGuard(
                for: variant, of: entities[variant.entityIndex], words: context.words, names: context.names),
                unlessEnglish: variant.contextGuard)
        }
        guards[index] = resolved
        return resolved
    }

    /// The variant at `index` as the name rules read it (``VariantReading``).
    func reading(ofVariant index: Int) -> VariantReading {
        let variants = variants
        return cache.readings.value(at: index) { VariantReading(variants[index]) }
    }

    /// The entity at `index`, with its folded context words.
    mutating func facts(ofEntity index: Int) -> EntityFacts {
        if let known = facts[index] { return known }
        let entities = entities
        let read = cache.entities.value(at: index) { EntityFacts(index: index, entity: entities[index]) }
        facts[index] = read
        return read
    }

}

/// The guard facts of a context (``GuardScratch``), in a fixed number of direct-mapped slots
/// (the gazetteer's ``DecodedCache``): memory stays bounded whatever the number of entities a long input names.
final class GuardCache: Sendable {
    let variants = DecodedCache<GuardScratch.ResolvedGuard>(slotCount: 8192)
    let entities = DecodedCache<GuardScratch.EntityFacts>(slotCount: 4096)
    let ownWords = DecodedCache<GuardScratch.OwnWords>(slotCount: 4096)
    let readings = DecodedCache<VariantReading>(slotCount: 16384)

    /// The own name words of an entity (see ``GuardScratch/OwnWords``).
    func ownWords(of facts: GuardScratch.EntityFacts, context: RuleContext) -> GuardScratch.OwnWords {
        ownWords.value(at: facts.index) { GuardScratch.OwnWords(folded: NameMatch.ownNameWords(of: facts.entity, context: context)) }
    }
}

/// What the name rules ask of every variant of a match, one byte per variant, computed once per
/// context: whether it is guarded (it carries a context guard or belongs to an entity with guards,
/// whose `english` guard may apply: only for a match with one of them does
/// ``NameGuards/admitted(_:in:context:guarded:)`` look at the text around it), whether it is
/// untranslated, and whether its entity is a person. Reading these from the variants and entities
/// themselves touches (and copies) structures scattered over a large lexicon.
struct VariantFacts: Sendable {
    private let gazetteer: Gazetteer

    /// The table of a context, from its memo.
    static func of(_ context: RuleContext) -> VariantFacts {
        context.memo.value(.variantFacts) { VariantFacts(gazetteer: context.gazetteer) }
    }

    /// The facts are compiled into the lexicon image (``Gazetteer/flags(ofVariant:)``): reading
    /// them decodes no variant and no entity.
    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// Whether variant `index` is guarded.
    func isGuarded(_ index: Int) -> Bool { gazetteer.flags(ofVariant: index).contains(.guarded) }
    /// Whether variant `index` has no translated component (``NameVariant/isUntranslated``).
    func isUntranslated(_ index: Int) -> Bool { gazetteer.flags(ofVariant: index).contains(.untranslated) }
    /// Whether variant `index` names a person.
    func isPerson(_ index: Int) -> Bool { gazetteer.flags(ofVariant: index).contains(.person) }

    /// Whether any variant of a match is guarded.
    func covers(_ match: GazetteerMatch) -> Bool { match.variantIndices.contains { isGuarded($0) } }
}

extension NameMatch {
    /// Whether the text around the match satisfies one guard condition for the match's entity.
    func satisfies(_ condition: VariantGuard.Condition, in document: Document, context: RuleContext) -> Bool {
        switch condition {
        case .title:
            return isIntroducedByCue(in: document) || isFollowedByCue(in: document)
        case .country:
            return countryEvidence(in: document, context: context).own
        case .name:
            return hasOwnNameNearby(in: document, context: context)
        }
    }

    /// Whether the line of `match` names the entity's own country (the `own` of
    /// ``countryEvidence(in:context:)``).
    static func mentionsOwnCountry(_ match: GazetteerMatch, entity: Entity, in document: Document, context: RuleContext) -> Bool {
        context.countries(mentionedInLine: document.lineRange(containing: match.byteRange), of: document).contains(entity.country)
    }

    /// Whether a word of the entity's own name, untranslated (from its canonical form or an
    /// alias, neither a particle nor among the 1,000 most frequent English words), stands within
    /// ``VariantGuard/nameWindow`` tokens before or after the match, outside it: "Prensa Libre"
    /// earlier in the story licenses a later "Free Press".
    func hasOwnNameNearby(in document: Document, context: RuleContext) -> Bool {
        let words = NameMatch.ownNameWords(of: entity, context: context)
        return NameMatch.hasOwnNameNearby(match, own: GuardScratch.OwnWords(folded: words), in: document)
    }

    /// The folded words of an entity's canonical form and aliases that are neither a particle nor
    /// among the 1,000 most frequent English words.
    static func ownNameWords(of entity: Entity, context: RuleContext) -> Set<String> {
        var own = Set<String>()
        for form in [entity.canonical] + entity.aliases {
            for word in Gazetteer.words(of: form) {
                let folded = Folding.fold(word)
                if NameVariant.particles.contains(folded) { continue }
                if let rank = context.words.rank(of: folded), rank <= 1000 { continue }
                own.insert(folded)
            }
        }
        return own
    }

    /// ``hasOwnNameNearby(in:context:)`` for a span and the entity's own words.
    static func hasOwnNameNearby(_ match: GazetteerMatch, own: GuardScratch.OwnWords, in document: Document) -> Bool {
        if own.folded.isEmpty { return false }
        let all = document.tokens
        let window = VariantGuard.nameWindow
        let before = max(0, match.tokenRange.lowerBound - window)..<match.tokenRange.lowerBound
        let after = match.tokenRange.upperBound..<min(all.count, match.tokenRange.upperBound + window)
        // An ASCII token is compared byte by byte, lowercased, with each word (ASCII text equals
        // only ASCII text); any other token is folded and looked up.
        let ownBytes = own.bytes
        let lengths = own.lengths
        return document.withBytes { bytes in
            func isOwn(_ token: Token) -> Bool {
                guard token.shape.contains(.ascii) else { return own.folded.contains(Folding.fold(bytes, range: token.range)) }
                // An ASCII token folds to as many bytes as it has: none of another length is own.
                guard lengths & 1 << UInt64(min(token.range.count, 63)) != 0 else { return false }
                return ownBytes.contains { word in
                    guard word.count == token.range.count else { return false }
                    var offset = 0
                    for index in token.range {
                        var byte = bytes[index]
                        if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                        if byte != word[offset] { return false }
                        offset += 1
                    }
                    return true
                }
            }
            return before.contains { isOwn(all[$0]) } || after.contains { isOwn(all[$0]) }
        }
    }
}
