import Testing
import WirefixEngine
@testable import WirefixReports

@Suite struct TextReporterTests {
    @Test func goldenReport() {
        #expect(TextReporter.generateReport(SampleReports.both) == """
            notes/a.txt:1:4: test_typo: "teh" → "the" (confidence 0.90; "teh" is a common typing error)
            notes/a.txt:1:8: suggestion: test_accent: "café" → "cafe" (confidence 0.40; house style drops the accent)
            notes/a.txt:2:1: finding: test_finding: "FINDME" (a marker left in the copy)
            <stdin>: replaced 2 invalid UTF-8 bytes with U+FFFD
            2 files, 2 changed: 1 correction, 1 suggestion, 1 finding

            """)
    }

    @Test func emptyReportHasOnlyTotals() {
        #expect(TextReporter.generateReport(CorrectionReport(files: [])) == "0 files, 0 changed: 0 corrections, 0 suggestions, 0 findings\n")
    }

    @Test func confidenceHasTwoDecimals() {
        #expect(TextReporter.confidenceText(0.95) == "0.95")
        #expect(TextReporter.confidenceText(0.7) == "0.70")
        #expect(TextReporter.confidenceText(1) == "1.00")
        #expect(TextReporter.confidenceText(0.05) == "0.05")
        #expect(TextReporter.confidenceText(0.666) == "0.67")
    }

    @Test func invisibleCharactersAreEscaped() {
        #expect(TextReporter.quoted("Ca\u{200B}bello") == "\"Ca\\u{200B}bello\"")
        #expect(TextReporter.quoted("a\tb\n") == "\"a\\tb\\n\"")
        #expect(TextReporter.quoted("say \"hi\" \\ ok") == "\"say \\\"hi\\\" \\\\ ok\"")
        #expect(TextReporter.quoted("non\u{A0}breaking") == "\"non\\u{A0}breaking\"")
        #expect(TextReporter.quoted("Peña Rodríguez") == "\"Peña Rodríguez\"")
    }

    @Test func lookAlikePairsAreSpelledOut() {
        // Decomposed and precomposed é look the same: both are shown scalar by scalar.
        let (original, replacement) = TextReporter.quotedPair("Jose\u{301}", "Jos\u{E9}")
        #expect(original == "\"Jose\\u{301}\"")
        #expect(replacement == "\"Jos\\u{E9}\"")
        let (plain, fixed) = TextReporter.quotedPair("Rodriguez", "Rodríguez")
        #expect(plain == "\"Rodriguez\"")
        #expect(fixed == "\"Rodríguez\"")
    }

    @Test func mojibakeWithASoftHyphenIsSpelledOut() {
        // "í" (C3 AD) read as Windows-1252 is "Ã" and U+00AD SOFT HYPHEN, which is invisible.
        #expect(TextReporter.quoted("Rodr\u{C3}\u{AD}guez") == #""RodrÃ\u{AD}guez""#)
        #expect(TextReporter.quoted("\u{FEFF}x\u{FFFD}") == #""\u{FEFF}x\u{FFFD}""#)
    }

    @Test func locationsMissingFromACorrectionAreComputedWithoutTheByteOrderMark() {
        // "\u{FEFF}God x": "x" at byte 7 is column 5 once the mark is not counted.
        let correction = Correction(ruleID: "r", range: TextRange(start: 7, end: 8), original: "x", replacement: "y",
                                    confidence: 0.9, explanation: "e")
        let file = FileReport(path: "bom.txt", result: CorrectionResult(original: "\u{FEFF}God x", corrected: "\u{FEFF}God y",
                                                                        corrections: [correction], suggestions: [], findings: []))
        #expect(TextReporter.generateReport(CorrectionReport(files: [file])) == """
            bom.txt:1:5: r: "x" → "y" (confidence 0.90; e)
            1 file, 1 changed: 1 correction, 0 suggestions, 0 findings

            """)
    }
}

@Suite struct VisibleTextTests {
    @Test func escapesInvisibleAndControlCharacters() {
        #expect(VisibleText.escaped("Ca\u{200B}bello") == #"Ca\u{200B}bello"#)
        #expect(VisibleText.escaped("one\r\ntwo\tthree") == #"one\r\ntwo\tthree"#)
        #expect(VisibleText.escaped(#"a "quote" and a \ backslash"#) == #"a "quote" and a \\ backslash"#)
        #expect(VisibleText.escaped(#"a "quote""#, escapingQuotes: true) == #"a \"quote\""#)
        #expect(VisibleText.escaped("no\u{A0}break soft\u{AD}hyphen") == #"no\u{A0}break soft\u{AD}hyphen"#)
        #expect(VisibleText.escaped("Peña 東京 👨‍👩‍👧") == "Peña 東京 👨\\u{200D}👩\\u{200D}👧")
    }

    @Test func nonASCIICanBeSpelledOutExceptKeptScalars() {
        #expect(VisibleText.escaped("⟦José⟧", escapingNonASCII: true, keeping: ["⟦", "⟧"]) == #"⟦Jos\u{E9}⟧"#)
        #expect(VisibleText.escaped("é", escapingNonASCII: true) == #"\u{E9}"#)
    }

    @Test func looksAlikeMeansCanonicallyEqualButSpelledDifferently() {
        #expect(VisibleText.looksAlike("Jose\u{301}", "Jos\u{E9}"))
        #expect(!VisibleText.looksAlike("Jos\u{E9}", "Jos\u{E9}"))
        #expect(!VisibleText.looksAlike("Jose", "José"))
    }
}
