import Testing
import Wirefix
import WirefixTestSupport

/// The explanations of the name rules' ambiguity suggestions say what the text shows, and nothing
/// it does not: who else the word may belong to, and where that person is named.
@Suite struct NameExplanationTests {
    func suggestions(_ text: String) -> [Correction] {
        Fixtures.corrector.correct(text).suggestions
    }

    /// Two people named in full before a lone surname: each suggestion names the other as named
    /// before the word, not "earlier" than the person it is about (Santiago Peña is named after
    /// Rander Peña).
    @Test func twoPeopleWithTheSurnameAreBothNamedBeforeTheWord() throws {
        let found = suggestions("Rander Peña met Santiago Peña in Asunción. Pena said the talks went well.")
            .filter { $0.ruleID == "name_follow_ups" }
        #expect(found.count == 2)
        let rander = try #require(found.first { $0.explanation.contains("Rander Peña's surname") })
        #expect(rander.explanation.hasSuffix("ambiguous: Santiago Peña, also named in full before this word, could be meant as well"))
        let santiago = try #require(found.first { $0.explanation.contains("Santiago Peña's surname") })
        #expect(santiago.explanation.hasSuffix("ambiguous: Rander Peña, also named in full before this word, could be meant as well"))
        #expect(!found.contains { $0.explanation.contains("earlier") })
    }

    /// Someone outside the lexicon with the word as a surname, named after the lone word or before
    /// it: the explanation names them without placing them in the text.
    @Test func someoneOutsideTheLexiconIsNamedWithoutAPlace() throws {
        for text in [
            "Delcy Rodríguez spoke in Caracas. Rodriguez hit 696 home runs, said Alex Rodriguez, the former Yankees player.",
            "Alex Rodriguez, the former Yankees player, met Delcy Rodríguez in Caracas. Rodriguez hit 696 home runs.",
        ] {
            let found = suggestions(text).filter { $0.ruleID == "name_follow_ups" }
            #expect(found.count == 1, "\(text)")
            #expect(found.first?.explanation.hasSuffix(
                "ambiguous: the text also names Alex Rodriguez, someone outside the lexicon with \"Rodriguez\" as a surname") == true,
                "\(found.map(\.explanation))")
        }
    }

    /// The same word naming something else outside the lexicon: a longer name, "the … of", or
    /// someone introduced as "named …"; the lone word is then suggested, with what it may be.
    @Test func somethingElseWithTheWordIsNamed() throws {
        let cases = [
            ("Iván Duque lectured at Duke University. Duke said the event was sold out.",
             "ambiguous: the text also names Duke University, a longer name outside the lexicon"),
            ("Iván Duque met the Duke of Cambridge. Duke said little.",
             "ambiguous: the text also names \"the Duke of\", a title outside the lexicon"),
            ("Delcy Rodríguez met a rancher named Rodriguez. Rodriguez said it went well.",
             "ambiguous: the text also names someone named Rodriguez, outside the lexicon"),
        ]
        for (text, ending) in cases {
            let found = suggestions(text).filter { $0.ruleID == "name_follow_ups" }
            #expect(!found.isEmpty, "\(text)")
            #expect(found.allSatisfy { $0.explanation.hasSuffix(ending) && $0.confidence == 0.5 }, "\(found.map(\.explanation))")
        }
    }
}
