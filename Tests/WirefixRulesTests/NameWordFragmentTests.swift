import Testing
import WirefixEngine
import WirefixTestSupport
@testable import WirefixRules

/// `NameMatch.isWordFragment`: a name match that is a piece of a longer damaged word ("N×ñez
/// Feijóo", where "×" stands for a lost "ú") is neither corrected nor suggested by any name rule;
/// a capitalized name after a symbol, a name after a prefix word and hyphen, and a name followed
/// by anything still are. (The fresh review's cases: "´s" typed for "'s", "×" for "versus".)
@Suite struct NameWordFragmentTests {
    static let nameRules: [any Rule.Type] = [CalqueNamesRule.self, KnownMisspellingRule.self, NameCaseRule.self, NameDiacriticsRule.self]

    private func reports(_ text: String) -> [String] {
        Self.nameRules.flatMap { rule in
            let result = RuleExampleRun(rule: rule, text: text, options: .default).result
            return (result.corrections + result.suggestions).map { "\($0.ruleID): \($0.original) → \($0.replacement)" }
        }
    }

    @Test func piecesOfADamagedWordAreLeftAlone() {
        // Before the check, each of these gave the suggestion "ñez Feijóo" → "Núñez Feijóo"
        // (which would have made "N×Núñez Feijóo").
        for joiner in ["×", "¤", "\u{FFFD}", "\u{FFFD}\u{FFFD}", "?", "¿", "·", "-", "\u{2010}", "–", "????", "?-"] {
            #expect(reports("Leader N\(joiner)ñez Feijóo spoke.") == [], "joined by \(joiner)")
        }
        // And each of these was changed to "D?Delcy Rodríguez".
        for joiner in ["?", "??", "\u{FFFD}\u{FFFD}", "·", "–", "×"] {
            #expect(reports("Minister D\(joiner)delcy rodriguez spoke.") == [], "joined by \(joiner)")
        }
    }

    @Test func namesStandingApartAreStillCorrected() {
        let maduro = "name_diacritics: Nicolas Maduro → Nicolás Maduro"
        // A capitalized name after a joiner is a whole word.
        #expect(reports("Caracas©Nicolas Maduro spoke.") == [maduro])
        #expect(reports("Delcy Ramos×Nicolas Maduro debate.") == [maduro])
        #expect(reports("Venezuela😀Nicolas Maduro spoke.") == [maduro])
        #expect(reports("X-Nicolas Maduro rally.") == [maduro])
        #expect(reports("A 3×Nicolas Maduro poster.") == [maduro])
        // A prefix word before a hyphen; punctuation that is not a joiner.
        #expect(reports("The anti-Nicolas Maduro rally.") == [maduro])
        #expect(reports("The pro-delcy rodriguez camp met.") == ["name_case: delcy rodriguez → Delcy Rodríguez"])
        #expect(reports("Caracas,delcy rodriguez said.") == ["name_case: delcy rodriguez → Delcy Rodríguez"])
        // A whole word before the joiner: punctuation that lost its space (the third review).
        #expect(reports("Who was there?delcy rodriguez said no.") == ["name_case: delcy rodriguez → Delcy Rodríguez"])
        #expect(reports("From bogota+delcy rodriguez came the call.") == ["name_case: delcy rodriguez → Delcy Rodríguez"])
        // Two hyphens typed for a dash (the second review: no longer fixed once, now again).
        #expect(reports("The minister--delcy rodriguez--said no.") == ["name_case: delcy rodriguez → Delcy Rodríguez"])
        // What follows the name is not looked at: "´" typed for an apostrophe, "×s".
        #expect(reports("Nicolas Maduro´s speech.") == [maduro])
        #expect(reports("Nicolas Maduro×s speech.") == [maduro])
        #expect(reports("Rander Pena´s goal.") == ["name_diacritics: Rander Pena → Rander Peña"])
        #expect(reports("Nicolas Maduro's speech.") == [maduro])
        #expect(reports("Leader Núñez Feijóo spoke.") == [])
    }
}
