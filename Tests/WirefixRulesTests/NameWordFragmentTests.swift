import Testing
import WirefixEngine
import WirefixTestSupport
@testable import WirefixRules

/// `NameMatch.isWordFragment`: a name match that is a piece of a longer damaged word ("N×ñez
/// Feijóo", where "×" stands for a lost "ú") is neither corrected nor suggested by any name rule;
/// the same name standing on its own, after a prefix word and hyphen, or next to a typed ASCII
/// symbol still is.
@Suite struct NameWordFragmentTests {
    static let nameRules: [any Rule.Type] = [CalqueNamesRule.self, KnownMisspellingRule.self, NameCaseRule.self, NameDiacriticsRule.self]

    private func reports(_ text: String) -> [String] {
        Self.nameRules.flatMap { rule in
            let result = RuleExampleRun(rule: rule, text: text, options: .default).result
            return (result.corrections + result.suggestions).map { "\($0.ruleID): \($0.original) → \($0.replacement)" }
        }
    }

    @Test func piecesOfADamagedWordAreLeftAlone() {
        // Before the check, each gave the suggestion "ñez Feijóo" → "Núñez Feijóo" (which would
        // have made "N×Núñez Feijóo").
        #expect(reports("Leader N×ñez Feijóo spoke.") == [])
        #expect(reports("Leader N¤ñez Feijóo spoke.") == [])
        #expect(reports("Leader N\u{FFFD}ñez Feijóo spoke.") == [])
        #expect(reports("Leader N-ñez Feijóo spoke.") == [])
        #expect(reports("Nicolas Maduro×s speech.") == [])
    }

    @Test func namesStandingApartAreStillCorrected() {
        let fixed = "name_diacritics: Nicolas Maduro → Nicolás Maduro"
        #expect(reports("The anti-Nicolas Maduro rally.") == [fixed])
        #expect(reports("Delcy Ramos+Nicolas Maduro in a query.") == [fixed])
        #expect(reports("A 3×Nicolas Maduro poster.") == [fixed])
        #expect(reports("Nicolas Maduro's speech.") == [fixed])
        #expect(reports("Leader Núñez Feijóo spoke.") == [])
    }
}
