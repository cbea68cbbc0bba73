import WirefixEngine
import WirefixLexicon

/// Corrects names written in a known wrong spelling recorded in the lexicon.
///
/// Detects: a span equal (accent- and case-insensitively, with the right capitals) to a
/// `misspellings` entry of an entity ("Lin Mingxiang"). Fixes: writes the canonical spelling
/// ("Li Mingxiang").
struct KnownMisspellingRule: Rule {
    static let description = RuleDescription(
        identifier: "known_misspelling",
        name: "Known Misspelling",
        summary: "Corrects names written in a known wrong spelling from the lexicon",
        discussion: """
            Detects: a span that matches a known misspelling of an entity (the lexicon's \
            `misspellings` column). Fixes: writes the canonical spelling. Lowercase misspellings \
            are handled by `name_case`.

            Confidence: 0.85 for misspellings of two or more words; 0.5 (suggestion) for one word.
            """,
        phase: .names,
        examples: [
            .fix("The vice minister ⟦Lin Mingxiang⟧ led the delegation.", "The vice minister Li Mingxiang led the delegation."),
            .keep("The vice minister Li Mingxiang led the delegation."),
            .keep("Lin is a common surname."),
            .fix("⟦LIN MINGXIANG⟧ VISITS CARACAS", "LI MINGXIANG VISITS CARACAS"),
            .suggest("Princess Eleanor of England, daughter of Henry II, married Alfonso VIII of Castile."),
            .suggest("The Infanta Sophia of Bavaria was painted in 1820."),
            .fix("In Madrid, ⟦Princess Eleanor⟧ opened the session of the Spanish parliament.",
                 "In Madrid, Princess Leonor opened the session of the Spanish parliament."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        var result: [Correction] = []
        for name in NameMatch.all(in: document, context: context) where name.kind == .misspelling && !name.isInsideURLOrPath(in: document) {
            // A recorded misspelling that reads as English ("Princess Eleanor", "Infanta Sophia")
            // may be another person: like a calque, it needs the entity's country in the line.
            // A word the canonical name shares counts when English knows it at all ("Infanta");
            // a foreign one ("Mingxiang" of Li Mingxiang) makes the form no English name.
            let canonicalWords = Set(Gazetteer.words(of: name.entity.canonical).map { Folding.fold($0) })
            let readsAsEnglish = name.tokens.allSatisfy { token in
                let word = document.folded(token)
                return context.names.isName(word) || (context.words.rank(of: word) ?? Int.max) <= 20_000
                    || ContextCues.personTitles.contains(word) || (canonicalWords.contains(word) && context.words.contains(word))
            }
            let countries = name.countryEvidence(in: document, context: context)
            var confidence = name.tokens.count >= 2 ? 0.85 : 0.5
            var explanation = "\"\(name.text)\" is a known misspelling of \(name.entity.canonical)"
            if readsAsEnglish && !countries.own {
                confidence = min(confidence, 0.6)
                explanation += "; it reads as English and the line does not mention \(name.entity.country)"
            }
            result.append(name.correction(
                rule: Self.description.identifier, replacement: name.replacement(options: context.options, in: document),
                confidence: confidence, explanation: explanation))
        }
        return result
    }
}
