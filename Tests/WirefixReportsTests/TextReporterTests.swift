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
            2 files, 1 changed: 1 correction, 1 suggestion, 1 finding

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
}
