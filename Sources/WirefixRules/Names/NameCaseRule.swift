import WirefixEngine
import WirefixLexicon

/// Restores the capitals (and diacritics) of lexicon names written in lowercase.
///
/// Detects: a lexicon name of two or more words, spelled right or as a known misspelling, with
/// lowercase letters where the correct spelling has capitals ("delcy rodriguez").
/// Fixes: writes the correct spelling ("Delcy Rodríguez").
struct NameCaseRule: Rule {
    static let description = RuleDescription(
        identifier: "name_case",
        name: "Name Case",
        summary: "Restores capitals and diacritics of lexicon names written in lowercase",
        discussion: """
            Detects: a span that matches a name of the lexicon (canonical form, alias or known \
            misspelling), accent- and case-insensitively, in which a word the correct spelling \
            capitalizes is all lowercase, and no word is capitalized where the correct spelling is \
            not. Fixes: writes the correct spelling, which also restores lost diacritics.

            Confidence: 0.9 for names of two or more words; 0.5 (suggestion) when every word is also \
            a frequent English word (rank ≤ 5,000 in the word list), since a lowercase phrase of \
            common words may be ordinary English; one-word names are never changed. Under the \
            unaccented house style the copy's lack of accents is kept.
            """,
        phase: .names,
        examples: [
            .fix("On Friday ⟦delcy rodriguez⟧ met the envoy.", "On Friday Delcy Rodríguez met the envoy."),
            .fix("The governor ⟦luis fernando camacho⟧ spoke.", "The governor Luis Fernando Camacho spoke."),
            .fix("⟦xi jinping⟧ sent a letter.", "Xi Jinping sent a letter."),
            .fix("The vice minister ⟦lin mingxiang⟧ arrived.", "The vice minister Li Mingxiang arrived."),
            .fix("Then ⟦Delcy rodriguez⟧ left.", "Then Delcy Rodríguez left."),
            .fix("On Friday ⟦delcy rodriguez⟧ met the envoy.", "On Friday Delcy Rodriguez met the envoy.",
                 options: RuleOptions(keepUnaccented: true)),
            .keep("On Friday Delcy Rodríguez met the envoy."),
            .keep("The rodriguez family moved."),
            .keep("DELCY RODRÍGUEZ SPEAKS"),
            .keep("She met xi at the summit."),
            .keep("Delcy Rodriguez met the envoy."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        var result: [Correction] = []
        for name in NameMatch.all(in: document, context: context) where name.kind == .lowercase && name.tokens.count >= 2 {
            let common = name.tokens.allSatisfy {
                (context.words.rank(of: Folding.fold(document.text(of: $0))) ?? Int.max) <= 5000
            }
            let replacement = name.replacement(options: context.options)
            var explanation = "\"\(name.text)\" is the \(name.entity.kind.rawValue) \(name.entity.canonical) in lowercase"
            if case .misspelling = name.variant.form { explanation += ", spelled as a known misspelling" }
            if common { explanation += "; every word is also common English" }
            result.append(name.correction(
                rule: Self.description.identifier, replacement: replacement,
                confidence: common ? 0.5 : 0.9, explanation: explanation))
        }
        return result
    }
}
