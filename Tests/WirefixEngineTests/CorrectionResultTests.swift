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
}
