import Testing
import WirefixEngine

@Suite struct CorrectionResultTests {
    @Test func anNFCCompositionIsAChangeThoughTheStringsCompareEqual() {
        let decomposed = "Rodri\u{301}guez"
        let composed = "Rodríguez"
        #expect(decomposed == composed) // canonical equivalence
        let result = CorrectionResult(original: decomposed, corrected: composed, corrections: [], suggestions: [], findings: [])
        #expect(result.changed)
        let same = CorrectionResult(original: composed, corrected: composed, corrections: [], suggestions: [], findings: [])
        #expect(!same.changed)
    }

    @Test func resultsAreEqualByTheirBytesWhateverTheyWereMadeFrom() {
        let fromStrings = CorrectionResult(original: "Pena", corrected: "Peña", corrections: [], suggestions: [], findings: [])
        let fromBytes = CorrectionResult(originalUTF8: Array("Pena".utf8), correctedUTF8: Array("Peña".utf8),
                                         corrections: [], suggestions: [], findings: [])
        #expect(fromStrings == fromBytes)
        #expect(fromStrings.hashValue == fromBytes.hashValue)
        #expect(fromBytes.corrected == "Peña")
        #expect(fromStrings.correctedUTF8 == [0x50, 0x65, 0xC3, 0xB1, 0x61])
        // Canonically equivalent texts are different results: the bytes differ.
        let decomposed = CorrectionResult(original: "Pena", corrected: "Pen\u{303}a", corrections: [], suggestions: [], findings: [])
        #expect(decomposed != fromStrings)
    }

    @Test func mappingCorrectionsKeepsTheTexts() {
        let correction = Correction(ruleID: "r", range: TextRange(start: 0, end: 4), original: "Pena", replacement: "Peña",
                                    confidence: 0.9, explanation: "test")
        let result = CorrectionResult(originalUTF8: Array("Pena".utf8), correctedUTF8: Array("Peña".utf8),
                                      corrections: [correction], suggestions: [], findings: [])
        let moved = result.mappingCorrections { var moved = $0; moved.range = TextRange(start: 10, end: 14); return moved }
        #expect(moved.corrections.map(\.range) == [TextRange(start: 10, end: 14)])
        #expect(moved.original == "Pena")
        #expect(moved.corrected == "Peña")
    }
}
