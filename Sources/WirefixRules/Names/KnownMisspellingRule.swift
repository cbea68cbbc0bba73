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
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        var result: [Correction] = []
        for name in NameMatch.all(in: document, context: context) where name.kind == .misspelling && !name.isInsideURLOrPath(in: document) {
            result.append(name.correction(
                rule: Self.description.identifier, replacement: name.replacement(options: context.options, in: document),
                confidence: name.tokens.count >= 2 ? 0.85 : 0.5,
                explanation: "\"\(name.text)\" is a known misspelling of \(name.entity.canonical)"))
        }
        return result
    }
}
