import WirefixEngine
import WirefixLexicon

/// Restores the diacritics of lexicon names that lost them.
///
/// Detects: a lexicon name of two or more words written with the right capitals but without its
/// diacritics ("Rander Pena", "Alberto Nunez Feijoo"), or with its accented letters deleted
/// ("Nicols Maduro"). Fixes: writes the correct spelling.
struct NameDiacriticsRule: Rule {
    static let description = RuleDescription(
        identifier: "name_diacritics",
        name: "Name Diacritics",
        summary: "Restores diacritics that lexicon names lost",
        discussion: """
            Detects: a span that matches a name of the lexicon accent-insensitively, with the right \
            capitals, whose letters differ from the correct spelling only in diacritics, or in which \
            the accented letters were deleted by a lossy conversion ("Nicols" for "Nicolás"). \
            Fixes: writes the correct spelling.

            Confidence: 0.9 for names of two or more words, where the full name is the evidence; \
            0.8 for deleted letters in a name of two or more words; a one-word name \
            ("Pena") is only suggested (0.5), because it may be another person or English spelling; \
            so is a person's name on a line that mentions other countries only ("Jose Guerra, 45, \
            of Houston"), where people write their own names without accents. \
            Nothing is done under the unaccented house style (`keepUnaccented`, or an entity's own \
            `style` of `unaccented` in the lexicon, which also wins over the global option), and a \
            name that fits two entities is only suggested.
            """,
        phase: .names,
        examples: [
            .fix("The vice minister ⟦Rander Pena⟧ spoke.", "The vice minister Rander Peña spoke."),
            .fix("⟦Nicolas Maduro⟧ spoke.", "Nicolás Maduro spoke."),
            .fix("The leader ⟦Alberto Nunez Feijoo⟧ spoke.", "The leader Alberto Núñez Feijóo spoke."),
            .fix("The journalist ⟦Jordi Evole⟧ asked.", "The journalist Jordi Évole asked."),
            .fix("The wife of ⟦Nicols Maduro⟧ spoke.", "The wife of Nicolás Maduro spoke."),
            .fix("Minister ⟦Yvan Gil⟧ said.", "Minister Yván Gil said."),
            .keep("Nicolás Maduro spoke."),
            .keep("Nicolas Sarkozy met President Maduro."),
            .keep("Nicolas Maduro spoke.", options: RuleOptions(keepUnaccented: true)),
            .keep("The Pena family lives in Texas."),
            .keep("Jose Mourinho coached the team."),
            .keep("They visited Mexico and Bogota."),
            .fix("Former president ⟦Sebastin Piera⟧ died.", "Former president Sebastián Piñera died."),
            .keep("Nicolás\u{00A0}Maduro spoke."),
            .suggest("Jose Guerra, 45, of Houston, Texas, was arrested on Monday."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        var result: [Correction] = []
        for name in NameMatch.all(in: document, context: context) where name.kind == .diacritics && !name.isInsideURLOrPath(in: document) {
            // House style, global or the entity's own (`style` in the lexicon): no accents added.
            if name.entity.keepsUnaccented(context.options) { continue }
            let single = name.tokens.count < 2
            let deleted = name.variant.hasDeletedLetters
            var confidence = single ? 0.5 : (deleted ? 0.8 : 0.9)
            var explanation = deleted
                ? "\"\(name.text)\" is \(name.entity.canonical) with its accented letters deleted"
                : "\"\(name.text)\" is \(name.entity.canonical) without its diacritics" + (single ? "; a single word is weak evidence" : "")
            // "Jose Guerra, 45, of Houston": many people in other countries write the same name
            // without accents, by their own choice.
            if name.entity.kind == .person && name.countryEvidence(in: document, context: context).otherOnly {
                confidence = min(confidence, 0.5)
                explanation += "; the text mentions other countries, not \(name.entity.country)"
            }
            result.append(name.correction(
                rule: Self.description.identifier, replacement: name.replacement(options: context.options, in: document),
                confidence: confidence, explanation: explanation))
        }
        return result
    }
}
