import Testing
import Wirefix
import WirefixTestSupport

/// Edges of the NFC rule.
@Suite struct UnicodeNormalizationRuleTests {
    @Test func onlyTheDecomposedSpanChanges() throws {
        let result = try SingleRule.run("unicode_normalization", "Café Rodri\u{301}guez")
        #expect(Array(result.corrected.utf8) == Array("Café Rodríguez".utf8))
        let correction = try #require(result.corrections.first)
        #expect(result.corrections.count == 1)
        // "Café " is 6 bytes, "Rodr" 4: the span is "i" + U+0301 (1 + 2 bytes).
        #expect(correction.range == TextRange(start: 10, end: 13))
        #expect(correction.confidence == 0.99)
        #expect(correction.explanation == "\"i\" + U+0301 COMBINING ACUTE ACCENT composed to \"í\" (NFC)")
    }

    @Test func singletonStartsItsOwnSpan() throws {
        let result = try SingleRule.run("unicode_normalization", "5 \u{212B}")
        #expect(result.corrections.map(\.range) == [TextRange(start: 2, end: 5)])
        #expect(Array(result.corrected.unicodeScalars) == ["5", " ", "\u{C5}"])
    }

    /// The rule finds its spans without a whole-text quick check: text that ICU's quick check
    /// calls NFC must get no correction (and text that is NFC but "maybe" none either), which is
    /// what the check used to guarantee by returning early.
    @Test func textTheQuickCheckCallsNormalizedGetsNoCorrection() throws {
        let pieces = ["a", "e", "i", "q", " ", ".", "\u{301}", "\u{300}", "\u{327}", "\u{308}", "é", "ñ", "Å", "\u{212B}",
                      "\u{2126}", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "\u{F900}", "\u{0F73}", "\u{0334}", "ά", "\u{0345}"]
        var random = SplitMix64(seed: 11)
        var checked = 0
        for _ in 0..<3000 {
            let text = (0..<(1 + Int(random.next() % 6))).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let verdict = try Normalizer.quickCheck(text, form: .nfc)
            let normalized = try Normalizer.normalize(text, to: .nfc)
            let result = try SingleRule.run("unicode_normalization", text)
            if verdict == .yes || normalized.utf8.elementsEqual(text.utf8) {
                #expect(result.corrections.isEmpty, "\(text.debugDescription)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test func precomposedAndUncomposableTextIsLeftAlone() throws {
        for text in ["Rodríguez", "q\u{301}", "가", "👨‍👩‍👧", "Дж. 東京"] {
            let result = try SingleRule.run("unicode_normalization", text)
            #expect(result.corrections.isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func fullPipelineComposesCase37() throws {
        let result = Fixtures.corrector.correct("The minister Rodri\u{301}guez spoke.")
        #expect(Array(result.corrected.utf8) == Array("The minister Rodríguez spoke.".utf8))
    }
}

/// Edges of the invisible-characters rule.
@Suite struct InvisibleCharactersRuleTests {
    @Test func removesAZeroWidthSpaceInsideAName() throws {
        let result = try SingleRule.run("invisible_characters", "Ca\u{200B}bello")
        #expect(result.corrected == "Cabello")
        let correction = try #require(result.corrections.first)
        #expect(correction.range == TextRange(start: 2, end: 5))
        #expect(correction.confidence == 0.95)
        #expect(correction.explanation == "U+200B ZERO WIDTH SPACE inside a word, between \"a\" and \"b\"")
    }

    @Test func softHyphenIsLessCertain() throws {
        let result = try SingleRule.run("invisible_characters", "Ca\u{AD}bello")
        #expect(result.corrected == "Cabello")
        #expect(result.corrections.first?.confidence == 0.9)
    }

    @Test func runOfSeveralIsOneCorrection() throws {
        let result = try SingleRule.run("invisible_characters", "Ca\u{200B}\u{2060}bello")
        #expect(result.corrections.map(\.range) == [TextRange(start: 2, end: 8)])
        #expect(result.corrections.first?.explanation == "U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER inside a word, between \"a\" and \"b\"")
    }

    @Test func keepsJoinersWhereScriptsNeedThem() throws {
        for text in ["\u{FEFF}Start", "👨‍👩‍👧", "می\u{200C}خواهم", "क्\u{200D}ष", "ภาษา\u{200B}ไทย", "word\u{200B} next", "12\u{200B}34"] {
            let result = try SingleRule.run("invisible_characters", text)
            #expect(result.corrections.isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func aBoundaryBetweenTwoWordsBecomesASpace() throws {
        let result = try SingleRule.run("invisible_characters", "The President\u{2060}Maduro spoke.")
        #expect(result.corrected == "The President Maduro spoke.")
        let correction = try #require(result.corrections.first)
        #expect(correction.range == TextRange(start: 13, end: 16))
        #expect(correction.confidence == 0.85)
        #expect(correction.explanation == "U+2060 WORD JOINER between the words \"President\" and \"Maduro\"; replaced by a space")
    }

    @Test func deliberateHyphenationPointsAndLigatureBlockersAreOnlySuggested() throws {
        let german = try SingleRule.run("invisible_characters", "Donau\u{AD}dampf\u{AD}schiff und Auf\u{200C}lage")
        #expect(german.corrections.isEmpty)
        #expect(german.suggestions.count == 3)
        #expect(german.suggestions.allSatisfy { $0.confidence == 0.5 && $0.replacement.isEmpty })
        // In a name they only break matching.
        let name = try SingleRule.run("invisible_characters", "Ma\u{200C}duro")
        #expect(name.corrected == "Maduro")
        #expect(name.corrections.first?.explanation == "U+200C ZERO WIDTH NON-JOINER inside the word \"Maduro\", between \"a\" and \"d\"")
    }

    @Test func fullPipelineRemovesCase38() {
        #expect(Fixtures.corrector.correct("The senator Ca\u{200B}bello answered.").corrected == "The senator Cabello answered.")
    }
}

/// Edges of the mixed-script confusables rule.
@Suite struct MixedScriptConfusablesRuleTests {
    @Test func reportsTheCyrillicLetterInALatinName() throws {
        let result = try SingleRule.run("mixed_script_confusables", "Mаduro")
        #expect(result.corrected == "Mаduro")
        #expect(result.corrections.isEmpty)
        let finding = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(finding.range == TextRange(start: 1, end: 3))
        #expect(finding.disposition == .finding)
        #expect(finding.explanation == "\"а\" U+0430 CYRILLIC SMALL LETTER A in a Latin word \"Mаduro\"; looks like \"a\" U+0061")
    }

    @Test func reportsALatinLetterInACyrillicWord() throws {
        let result = try SingleRule.run("mixed_script_confusables", "Мoсква")
        #expect(result.findings.map(\.range) == [TextRange(start: 2, end: 3)])
        #expect(result.findings.first?.explanation.contains("LATIN SMALL LETTER O in a Cyrillic word") == true)
    }

    @Test func aTieBetweenTwoScriptsIsDecidedByTheWordsAround() throws {
        let result = try SingleRule.run("mixed_script_confusables", "Xі Jinping")
        let finding = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(finding.range == TextRange(start: 1, end: 3))
        #expect(finding.explanation == "\"і\" U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I in a Latin word \"Xі\"; looks like \"i\" U+0069")
        let coop = try SingleRule.run("mixed_script_confusables", "a cооp")
        #expect(coop.findings.map(\.range) == [TextRange(start: 3, end: 5), TextRange(start: 5, end: 7)])
        // A tie with no word around it stays unreported.
        #expect(try SingleRule.run("mixed_script_confusables", "cооp").findings.isEmpty)
    }

    @Test func leavesSingleScriptWordsAndUnits() throws {
        for text in ["Путин", "ΑΘΗΝΑ", "сосо", "iPhone", "H₂O", "Ⅻ", "10kΩ", "5µm", "東京Tokyo"] {
            let result = try SingleRule.run("mixed_script_confusables", text)
            #expect(result.findings.isEmpty, "\(text): \(result.findings.map(\.explanation))")
        }
    }

    @Test func ftfyNegativeYieldsAFindingButNoChange() {
        let result = Fixtures.corrector.correct("SENSЕ - Oleg Tsedryk")
        #expect(result.corrected == "SENSЕ - Oleg Tsedryk")
        #expect(result.findings.map(\.ruleID) == ["mixed_script_confusables"])
    }
}
