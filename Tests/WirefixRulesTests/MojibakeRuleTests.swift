import Testing
import Wirefix
import WirefixTestSupport

/// Runs one registered rule, looked up by identifier (rule types are internal to WirefixRules),
/// alone over a text with the bundled data.
enum SingleRule {
    static func run(_ identifier: String, _ text: String) throws -> CorrectionResult {
        let rule = try #require(builtInRules.first { $0.description.identifier == identifier },
                                "rule \(identifier) is not registered")
        return Pipeline(rules: [rule.init()], context: Fixtures.context()).run(text)
    }
}

/// Edges of the mojibake rule that its examples do not pin down: spans, explanations,
/// confidences, the per-line consistency cap and the lossy forms.
@Suite struct MojibakeRuleTests {
    @Test func spanExplanationAndConfidenceOfATwoByteSequence() throws {
        let result = try SingleRule.run("mojibake", "Rodr\u{C3}\u{AD}guez")
        #expect(result.corrected == "Rodríguez")
        let correction = try #require(result.corrections.first)
        #expect(result.corrections.count == 1)
        #expect(correction.range == TextRange(start: 4, end: 8))
        #expect(correction.original == "Ã\u{AD}")
        #expect(correction.replacement == "í")
        #expect(correction.confidence == 0.9)
        #expect(correction.explanation == "UTF-8 read as Windows-1252: \"Ã\u{AD}\" is the bytes C3 AD of \"í\"")
    }

    @Test func offsetsAreUTF8BytesAfterMultibyteText() throws {
        // "Дж.\n" is 6 bytes, "Rodr" 4 more.
        let result = try SingleRule.run("mojibake", "Дж.\nRodrÃ\u{AD}guez")
        #expect(result.corrections.map(\.range) == [TextRange(start: 10, end: 14)])
        #expect(result.corrected == "Дж.\nRodríguez")
        // On the same line, the two correctly read Cyrillic letters outnumber the one repair of
        // a word that is no known word: only suggested.
        let sameLine = try SingleRule.run("mojibake", "Дж. DrÃ¥ber")
        #expect(sameLine.corrections.isEmpty)
        #expect(sameLine.suggestions.map(\.range) == [TextRange(start: 8, end: 12)])
        // A repair that makes a lexicon name outweighs them.
        let name = try SingleRule.run("mojibake", "Дж. RodrÃ\u{AD}guez")
        #expect(name.corrections.map(\.range) == [TextRange(start: 10, end: 14)])
        #expect(name.corrected == "Дж. Rodríguez")
    }

    @Test func threeByteSequencesAreOneCorrectionEach() throws {
        let result = try SingleRule.run("mojibake", "â€œYesâ€\u{9D}")
        #expect(result.corrected == "\u{201C}Yes\u{201D}")
        #expect(result.corrections.map(\.range) == [TextRange(start: 0, end: 7), TextRange(start: 10, end: 17)])
        #expect(result.corrections.map(\.confidence) == [0.9, 0.9])
        // The second holds a C1 control (0x9D is unassigned in Windows-1252): read as Latin-1.
        #expect(result.corrections[1].explanation == "UTF-8 read as Latin-1: \"â€\u{9D}\" is the bytes E2 80 9D of \"\u{201D}\"")
    }

    @Test func codePageIsNamedInTheExplanation() throws {
        let hebrew1250 = try SingleRule.run("mojibake", "×‘×”×•×“×˘×”")
        #expect(hebrew1250.corrected == "בהודעה")
        #expect(hebrew1250.corrections.first?.explanation.hasPrefix("UTF-8 read as Windows-1250: ") == true)
        #expect(hebrew1250.corrections.first?.confidence == 0.95)
        let macRoman = try SingleRule.run("mojibake", "Rodr√≠guez")
        #expect(macRoman.corrected == "Rodríguez")
        #expect(macRoman.corrections.first?.explanation == "UTF-8 read as MacRoman: \"√≠\" is the bytes C3 AD of \"í\"")
    }

    @Test func weakLeadIsLessCertainThanATilde() throws {
        // Windows-1250 "Ă" is a Romanian letter; Windows-1252 "Ã" is not a letter one writes before a soft hyphen.
        let weak = try SingleRule.run("mojibake", "Rodr\u{102}\u{AD}guez")
        #expect(weak.corrected == "Rodríguez")
        #expect(weak.corrections.first?.confidence == 0.75)
    }

    @Test func twoSequencesOnAConsistentLineGainConfidence() throws {
        let result = try SingleRule.run("mojibake", "VuÄ\u{8D}iÄ‡")
        #expect(result.corrected == "Vučić")
        #expect(result.corrections.map(\.confidence) == [0.8, 0.8])
    }

    @Test func lineWithCorrectlyEncodedTextOnlySuggests() throws {
        let mixed = try SingleRule.run("mojibake", "Report – GarcÃ¥s wrote it.")
        #expect(mixed.corrected == "Report – GarcÃ¥s wrote it.")
        #expect(mixed.corrections.isEmpty)
        let suggestion = try #require(mixed.suggestions.first)
        #expect(suggestion.confidence == 0.65)
        #expect(suggestion.replacement == "å")
        #expect(suggestion.explanation.hasSuffix("but the line has 1 other non-ASCII character that read correctly, so only suggested"))
        // The cap is per line: the dash on the line before does not count.
        let separate = try SingleRule.run("mojibake", "Report –\nGarcÃ¥s wrote it.")
        #expect(separate.corrected == "Report –\nGarcås wrote it.")
    }

    @Test func threeByteSequencesIgnoreTheLineCap() throws {
        let result = try SingleRule.run("mojibake", "Señor Núñez said â€œnoâ€\u{9D}.")
        #expect(result.corrected == "Señor Núñez said \u{201C}no\u{201D}.")
    }

    @Test func c1ControlsAreWindows1252Punctuation() throws {
        let result = try SingleRule.run("mojibake", "parlé\u{85} Tu")
        #expect(result.corrected == "parlé… Tu")
        #expect(result.corrections.first?.explanation == "C1 control U+0085 is Windows-1252 85 \"…\" read as Latin-1")
        let pair = try SingleRule.run("mojibake", "\u{93}Sí\u{94}")
        #expect(pair.corrected == "\u{201C}Sí\u{201D}")
        let unassigned = try SingleRule.run("mojibake", "byte \u{81} and \u{9D} here")
        #expect(unassigned.corrected == "byte \u{81} and \u{9D} here")
        #expect(unassigned.corrections.isEmpty && unassigned.suggestions.isEmpty)
    }

    @Test func lostSoftHyphenInsideALowercaseWord() throws {
        let result = try SingleRule.run("mojibake", "Prime Minister AnÃbal Torres")
        #expect(result.corrected == "Prime Minister Aníbal Torres")
        #expect(result.corrections.map(\.range) == [TextRange(start: 17, end: 19)])
        #expect((result.corrections.first?.confidence ?? 0) >= 0.85)
    }

    @Test func lostNoBreakSpaceAtTheEndOfAWord() throws {
        #expect(try SingleRule.run("mojibake", "voilÃ  le travail").corrected == "voilà le travail")
        #expect(try SingleRule.run("mojibake", "voilÃ le travail").corrected == "voilà le travail")
        // Two spaces: the first was the no-break space, so it goes with the Ã.
        let two = try SingleRule.run("mojibake", "dÃ©jÃ  vu")
        #expect(two.corrected == "déjà vu")
    }

    @Test func capitalLossyFormsNeedTheLexicon() throws {
        // "Ángel" is a word, none of "Íngel", "Ïngel", "Ðngel", "Ýngel" is.
        #expect(try SingleRule.run("mojibake", "Ãngel Correa").corrected == "Ángel Correa")
        // "RODRÍGUEZ" and "RODRÏGUEZ" fold alike; Í (0x8D) is preferred over Ï (0x8F).
        #expect(try SingleRule.run("mojibake", "RODRÃGUEZ").corrected == "RODRÍGUEZ")
        // Portuguese capitals are real.
        for text in ["NÃO À GUERRA", "SÃO PAULO", "JOÃO E A MÃE", "IRMÃ DULCE", "C O N C L U S Ã O"] {
            let result = try SingleRule.run("mojibake", text)
            #expect(result.corrected == text)
            #expect(result.suggestions.isEmpty, "\(text): \(result.suggestions.map(\.explanation))")
        }
    }

    @Test func replacementCharacterAfterALead() throws {
        #expect(try SingleRule.run("mojibake", "â€œlossyâ€\u{FFFD}").corrected == "\u{201C}lossy\u{FFFD}")
        // A lead before U+FFFD: the lexicon decides between the unassigned bytes' letters.
        #expect(try SingleRule.run("mojibake", "President Ã\u{FFFD}lvaro Uribe").corrected == "President Álvaro Uribe")
    }

    @Test func vanishedClosingQuoteIsOnlySuggested() throws {
        let result = try SingleRule.run("mojibake", "He said â€ then left.")
        #expect(result.corrected == "He said â€ then left.")
        #expect(result.suggestions.map(\.replacement) == ["\u{201D}"])
    }

    @Test func plausibilityRejectsLookAlikes() throws {
        let texts = [
            "MARQUÉ…", "NESTLÉ®", "SÓ…", "QUEM É¿", "4288×…", "5×£35", "“×”", "Brontë…”", "AHÅ™,",
            "MÄ£ÄM", "SELKÄ\u{A0}EDELLÄ", "ВІКІ", "√π", "∆°", "`¬´", "├┤a┼┐a", "There are Ã’s here",
            "L’épisode", "Ôôô", "aí´´", "NICIODATĂ™", "NICIODATĂ\u{A0}",
        ]
        for text in texts {
            let result = try SingleRule.run("mojibake", text)
            #expect(result.corrected == text, "\(text) became \(result.corrected)")
        }
    }

    @Test func asciiAndCleanAccentedTextProduceNothing() throws {
        let ascii = try SingleRule.run("mojibake", String(repeating: "Plain ASCII news copy. ", count: 1000))
        #expect(ascii.corrections.isEmpty && ascii.suggestions.isEmpty)
        let spanish = try SingleRule.run("mojibake", "¿Qué pasó? «El Niño» — dijo Núñez en Bogotá, a 25 °C; “Él” ganó €5.")
        #expect(spanish.corrections.isEmpty && spanish.suggestions.isEmpty)
    }

    @Test func codePagesThatDisagreeAreSettledByTheLexiconThenSpanishLetters() throws {
        // "Ăą" is ñ through ISO-8859-2 (B1) and ù through Windows-1250 (B9).
        let pena = try SingleRule.run("mojibake", "The minister PeĂąa spoke.")
        #expect(pena.corrected == "The minister Peña spoke.")
        let correction = try #require(pena.corrections.first)
        #expect(correction.confidence == 0.75)
        #expect(correction.explanation == "UTF-8 read as ISO-8859-2: \"Ăą\" is the bytes C3 B1 of \"ñ\"; Windows-1250 would give \"Peùa\", but \"Peña\" is spelled as in the lexicon")
        #expect(try SingleRule.run("mojibake", "NĂşĂąez and BĂĄrcena").corrected == "Núñez and Bárcena")
        #expect(try SingleRule.run("mojibake", "The word laĂąara.").corrected == "The word lañara.")
        // "Ă" + U+0089 is É only through ISO-8859-2, never "Ă‰".
        #expect(try SingleRule.run("mojibake", "Ă\u{89}vole wrote.").corrected == "Évole wrote.")
    }

    @Test func aC1ControlAfterALeadIsOnlySuggested() throws {
        // Ď (CF in Windows-1250 and ISO-8859-2) + U+0085: CF 85 is no letter Wirefix accepts.
        let result = try SingleRule.run("mojibake", "aĎ\u{85} b")
        #expect(result.corrections.isEmpty)
        #expect(result.suggestions.map(\.confidence) == [0.5])
    }

    @Test func cp437AtTheEdgesOfAWord() throws {
        #expect(try SingleRule.run("mojibake", "The minister Guaid├│ spoke.").corrected == "The minister Guaidó spoke.")
        #expect(try SingleRule.run("mojibake", "├ëvole wrote.").corrected == "Évole wrote.")
        for text in ["├┤a┼┐a", "a├│─", "x ├│ y", "│ ├─ file"] {
            #expect(try SingleRule.run("mojibake", text).corrected == text)
        }
    }

    @Test func aRepairThatLeavesMojibakeInItsRunIsOnlySuggested() throws {
        // "Ã™" would be a capital Ù after a lowercase letter: rejected, so it stays, and the
        // "é" next to it is not applied on its own.
        let result = try SingleRule.run("mojibake", "The cafÃ©Ã™ opened.")
        #expect(result.corrected == "The cafÃ©Ã™ opened.")
        let suggestion = try #require(result.suggestions.first)
        #expect(suggestion.replacement == "é")
        #expect(suggestion.confidence == 0.6)
        #expect(suggestion.explanation.contains("but \"Ã™\" in the same run still looks like mojibake"))
    }
}
