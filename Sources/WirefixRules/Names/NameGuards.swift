import WirefixEngine
import WirefixLexicon

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
                         guarded: VariantFacts) -> GazetteerMatch? {
        let gazetteer = context.gazetteer
        let variants = gazetteer.variants
        guard guarded.covers(match) else { return match }
        var kept: [Int] = []
        for index in match.variantIndices {
            let variant = variants[index]
            guard let contextGuard = VariantGuard.effectiveGuard(
                for: variant, of: gazetteer.entities[variant.entityIndex], words: context.words, names: context.names) else {
                kept.append(index)
                continue
            }
            let single = GazetteerMatch(tokenRange: match.tokenRange, byteRange: match.byteRange, variantIndices: [index])
            guard let name = NameMatch(single, in: document, context: context) else { continue }
            if contextGuard.isSatisfied(by: { name.satisfies($0, in: document, context: context) }) { kept.append(index) }
        }
        if kept.isEmpty { return nil }
        var result = match
        result.variantIndices = kept
        return result
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
        context.memo.value("names.variantFacts") { VariantFacts(gazetteer: context.gazetteer) }
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

    /// Whether a word of the entity's own name, untranslated (from its canonical form or an
    /// alias, neither a particle nor among the 1,000 most frequent English words), stands within
    /// ``VariantGuard/nameWindow`` tokens before or after the match, outside it: "Prensa Libre"
    /// earlier in the story licenses a later "Free Press".
    func hasOwnNameNearby(in document: Document, context: RuleContext) -> Bool {
        var own = Set<String>()
        for form in [entity.canonical] + entity.aliases {
            for word in Gazetteer.words(of: form) {
                let folded = Folding.fold(word)
                if NameVariant.particles.contains(folded) { continue }
                if let rank = context.words.rank(of: folded), rank <= 1000 { continue }
                own.insert(folded)
            }
        }
        if own.isEmpty { return false }
        let all = document.tokens
        let window = VariantGuard.nameWindow
        let before = max(0, match.tokenRange.lowerBound - window)..<match.tokenRange.lowerBound
        let after = match.tokenRange.upperBound..<min(all.count, match.tokenRange.upperBound + window)
        // An ASCII token is compared byte by byte, lowercased, with each word (ASCII text equals
        // only ASCII text); any other token is folded and looked up.
        let ownBytes = own.map { Array($0.utf8) }
        return document.withBytes { bytes in
            func isOwn(_ token: Token) -> Bool {
                guard token.shape.contains(.ascii) else { return own.contains(Folding.fold(bytes, range: token.range)) }
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
