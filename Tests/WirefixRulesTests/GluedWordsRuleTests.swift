import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// Runs the glued-words rule alone with an in-memory lexicon and the bundled English word list.
private func runGluedWords(_ text: String, entities: [Entity]) throws -> CorrectionResult {
    let rule = try #require(builtInRules.first { $0.description.identifier == "glued_words" })
    let context = RuleContext(lexicon: Lexicon(entities: entities), words: Fixtures.words)
    return Pipeline(rules: [rule.init()], context: context).run(text)
}

/// A person who is in no bundled lexicon, so these tests pin the rule, not the data.
private let quintero = Entity(id: "test-ana-quintero", kind: .person, canonical: "Ana Quintero",
                              misspellings: ["Anna Quintero"], country: "VE", source: "test")
private let fedeagro = Entity(id: "test-fedeagro", kind: .organization, canonical: "Fedeagro", country: "VE", source: "test")

/// Edges of the glued-words rule that its examples do not pin down: spans, explanations, entity
/// ids, confidences, several cuts in one token, and a sweep over clean English.
@Suite struct GluedWordsRuleTests {
    @Test func nameAndWordWithTheNameBeforeIt() throws {
        let result = try runGluedWords("Ana Quinterosaid no.", entities: [quintero])
        #expect(result.corrected == "Ana Quintero said no.")
        let correction = try #require(result.corrections.first)
        #expect(result.corrections.count == 1)
        #expect(correction.range == TextRange(start: 4, end: 16))
        #expect(correction.original == "Quinterosaid")
        #expect(correction.replacement == "Quintero said")
        #expect(correction.confidence == 0.95)
        #expect(correction.entityID == "test-ana-quintero")
        #expect(correction.explanation == "\"Ana Quintero\" is a form of Ana Quintero and \"said\" an English word (rank 176) glued to it")
    }

    @Test func aKnownMisspellingAlsoAnchorsTheName() throws {
        let result = try runGluedWords("anna quinterowhere", entities: [quintero])
        #expect(result.corrected == "anna quintero where")
        #expect(result.corrections.first?.entityID == "test-ana-quintero")
    }

    @Test func offsetsAreUTF8BytesAfterMultibyteText() throws {
        // "Дж. " is 6 bytes, "Ana " 4 more.
        let result = try runGluedWords("Дж. Ana Quinterosaid", entities: [quintero])
        #expect(result.corrections.map(\.range) == [TextRange(start: 10, end: 22)])
        #expect(result.corrected == "Дж. Ana Quintero said")
    }

    @Test func aSurnameAfterATitleIsEnoughAndAloneNeedsAReportingVerb() throws {
        let titled = try runGluedWords("The minister Quinterosaid nothing.", entities: [quintero])
        #expect(titled.corrected == "The minister Quintero said nothing.")
        #expect(titled.corrections.first?.confidence == 0.8)
        // Alone, capitalized, no common English word (rank 45,169), before a verb that follows
        // names: applied at 0.75 (it was only suggested, and "Maduroindicated" stayed glued).
        let bare = try runGluedWords("Then Quinterosaid nothing.", entities: [quintero])
        #expect(bare.corrected == "Then Quintero said nothing.")
        #expect(bare.corrections.first?.confidence == 0.75)
        #expect(bare.corrections.first?.entityID == "test-ana-quintero")
        // Before a word that is no verb ("Quinteroby"), or written in lowercase, it stays a
        // suggestion.
        let preposition = try runGluedWords("Then Quinteroby contrast left.", entities: [quintero])
        #expect(preposition.corrections.isEmpty)
        #expect(preposition.suggestions.map(\.replacement) == ["Quintero by"])
        let lowercase = try runGluedWords("then quinterosaid nothing.", entities: [quintero])
        #expect(lowercase.corrections.isEmpty)
    }

    @Test func aOneWordNameNeedsAFrequentWord() throws {
        let result = try runGluedWords("The union Fedeagrowarned farmers.", entities: [fedeagro])
        #expect(result.corrected == "The union Fedeagro warned farmers.")
        #expect(result.corrections.first?.confidence == 0.85)
        #expect(result.corrections.first?.entityID == "test-fedeagro")
    }

    @Test func aTranslatedVariantIsNotEvidence() throws {
        // "Diosdado" glossed as "God given": a calque is the names rules' concern, not a split.
        let diosdado = Entity(id: "test-dc", kind: .person, canonical: "Diosdado Cabello",
                              glosses: ["Cabello": ["hair"]], country: "VE", source: "test")
        let result = try runGluedWords("Diosdado Hairsaid it.", entities: [diosdado])
        #expect(result.corrections.isEmpty)
    }

    @Test func theTailMustBeAnEnglishWord() throws {
        // "Quinterolas" is not "Quintero" + an English word.
        let result = try runGluedWords("Ana Quinterolas came.", entities: [quintero])
        #expect(result.corrections.isEmpty)
        #expect(result.suggestions.isEmpty)
    }

    @Test func aNameWithItsInnerSpaceLostGetsEveryCut() throws {
        let result = try runGluedWords("She met AnaQuintero today.", entities: [quintero])
        #expect(result.corrected == "She met Ana Quintero today.")
        let correction = try #require(result.corrections.first)
        #expect(correction.range == TextRange(start: 8, end: 19))
        #expect(correction.confidence == 0.9)
        #expect(correction.explanation == "\"AnaQuintero\" joins the words of Ana Quintero without a space")
    }

    @Test func aJoinedNameMayGoOnInTheNextToken() throws {
        let triple = Entity(id: "test-triple", kind: .person, canonical: "Ana María Quintero", country: "VE", source: "test")
        let result = try runGluedWords("He thanked AnaMaría Quintero.", entities: [triple])
        #expect(result.corrected == "He thanked Ana María Quintero.")
    }

    @Test func twoEnglishWordsCarryTheirRanksInTheExplanation() throws {
        let result = try runGluedWords("the last yearaccording to them", entities: [])
        let correction = try #require(result.corrections.first)
        #expect(correction.replacement == "year according")
        #expect(correction.confidence == 0.9)
        #expect(correction.explanation == "\"yearaccording\" is not an English word; \"year\" (rank 108) + \"according\" (rank 1066), a word that starts a clause and does not end compounds")
    }

    @Test func theCapitalizedHeadMustBeLongAndFrequent() throws {
        // "Bord" is a 4-letter head: at most a suggestion when the token is capitalized.
        let result = try runGluedWords("Bordwhere the river bends.", entities: [])
        #expect(result.corrections.isEmpty)
        let lower = try runGluedWords("the bordwhere the river bends.", entities: [])
        #expect(lower.corrections.isEmpty)
    }

    @Test func acronymsGluedToContentWordsAreOnlySuggested() throws {
        let result = try runGluedWords("He read the HTTPServer docs.", entities: [])
        #expect(result.corrections.isEmpty)
        #expect(result.suggestions.map(\.replacement) == ["HTTP Server"])
    }

    @Test func theBundledLexiconSplitsTheSharedNameCases() throws {
        // The name kinds with the real lexicon (the other examples live in the rule's examples).
        #expect(try SingleRule.run("glued_words", "Rander Penasaid so.").corrected == "Rander Pena said so.")
        #expect(try SingleRule.run("glued_words", "the ambassador LanHu spoke").corrected == "the ambassador Lan Hu spoke")
        #expect(try SingleRule.run("glued_words", "lin mingxiangtopics").corrected == "lin mingxiang topics")
    }

    /// Every token of the license texts that ship with Debian is clean English: the rule must
    /// apply nothing there (the sweep the thresholds were tuned on is larger; see the rule's
    /// discussion).
    @Test func appliesNothingToTheCommonLicenses() throws {
        let directory = URL(fileURLWithPath: "/usr/share/common-licenses")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names.count >= 10)
        var tokens = 0
        for name in names {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = try? Data(contentsOf: url) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            tokens += Document(text).tokens.count
            let result = try SingleRule.run("glued_words", text)
            #expect(result.corrections.isEmpty, "\(name): \(result.corrections.map(\.explanation))")
        }
        #expect(tokens > 40_000)
    }

    /// No listed English word is ever a candidate, whatever its case.
    @Test func leavesEveryListedWordAlone() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Lexicons/english/words.tsv")
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n")
        let words = lines.filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t").first }
        #expect(words.count == 82_834)
        let lower = words.joined(separator: " ")
        let capitalized = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        #expect(try SingleRule.run("glued_words", lower).corrections.isEmpty)
        #expect(try SingleRule.run("glued_words", capitalized).corrections.isEmpty)
    }
}

/// The evidence of the name kinds with the bundled lexicon: which tails may follow a name, and
/// the word or acronym glued before a name.
@Suite struct GluedNameEvidenceTests {
    @Test func longerNamesThatStartWithALexiconNameGetNothing() throws {
        for text in ["Badminton player Wang Yihan won the match.", "Wang Yifan spoke.",
                     "The lawyer Elliott Abramson filed the brief.", "Sergio Massanet spoke.",
                     "Jorge Glasser spoke.", "Li Qiangwei spoke."] {
            let result = try SingleRule.run("glued_words", text)
            #expect(result.corrected == text)
            #expect(result.suggestions.isEmpty, "\(text): \(result.suggestions.map(\.replacement))")
        }
    }

    @Test func shortTailsFromTheClosedListStillSplit() throws {
        #expect(try SingleRule.run("glued_words", "On Friday delcy rodriguezmet him.").corrected == "On Friday delcy rodriguez met him.")
        #expect(try SingleRule.run("glued_words", "It came from Xi Jinpingfor the summit.").corrected == "It came from Xi Jinping for the summit.")
        #expect(try SingleRule.run("glued_words", "The minister Roblesby contrast said nothing.").corrected == "The minister Robles by contrast said nothing.")
    }

    @Test func aWordGluedBeforeANameCarriesTheEntity() throws {
        let result = try SingleRule.run("glued_words", "The foreign ministerYván Gil spoke.")
        let correction = try #require(result.corrections.first)
        #expect(correction.replacement == "minister Yván")
        #expect(correction.confidence == 0.9)
        #expect(correction.explanation == "\"Yván Gil\" is a form of Yván Gil, glued to the word \"minister\" before it")
        let acronym = try SingleRule.run("glued_words", "The leader of the PSUVDiosdado Cabello spoke.")
        #expect(acronym.corrections.first?.confidence == 0.85)
        #expect(acronym.corrected == "The leader of the PSUV Diosdado Cabello spoke.")
    }

    @Test func functionWordGlueIsSplitOnlyInProse() throws {
        let prose = try SingleRule.run("glued_words", "The minister saidthat the plan would work.")
        #expect(prose.corrections.first?.confidence == 0.9)
        #expect(prose.corrections.first?.explanation == "\"saidthat\" is not an English word; \"said\" + \"that\", a reporting verb glued to the pronoun or determiner after it")
        let noun = try SingleRule.run("glued_words", "Talks with thegovernment stalled.")
        #expect(noun.corrected == "Talks with the government stalled.")
        #expect(noun.corrections.first?.confidence == 0.85)
        let capitalized = try SingleRule.run("glued_words", "Thegovernment stalled.")
        #expect(capitalized.corrections.isEmpty)
        #expect(capitalized.suggestions.map(\.replacement) == ["The government"])
        let code = try SingleRule.run("glued_words", "\tmv thefile ~/.vim\nformatmonth(theyear, themonth, w=0)\nUse \"theline\" and sizeof.")
        #expect(code.corrections.isEmpty)
        #expect(code.suggestions.isEmpty)
    }
}
