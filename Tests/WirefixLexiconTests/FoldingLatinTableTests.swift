import Testing
import WirefixICU
@testable import WirefixLexicon

/// The accented-Latin folding table is built from one NFD call over all its letters; each entry
/// must be what normalizing the letter alone gives.
@Suite struct FoldingLatinTableTests {
    @Test func everyEntryIsTheLettersOwnDecompositionFolded() throws {
        let table = Folding.latinTable
        var checked = 0
        for value in Array(UInt32(0x00C0)...0x024F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let decomposed = try Normalizer.normalize(String(scalar), to: .nfd)
            var folded = ""
            for part in decomposed.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .spacingMark: continue
                default: folded += part.properties.lowercaseMapping
                }
            }
            let special: Set<UInt32> = [0x00D8, 0x00F8, 0x0141, 0x0142, 0x0110, 0x0111, 0x00DF, 0x1E9E, 0x00C6, 0x00E6,
                                        0x0152, 0x0153, 0x0131, 0x00D0, 0x00F0, 0x00DE, 0x00FE, 0x0126, 0x0127]
            if special.contains(value) { continue }
            #expect(table[scalar] == folded, "U+\(String(value, radix: 16, uppercase: true))")
            checked += 1
        }
        #expect(checked > 500)
        // Hand-checked entries.
        #expect(table["Ñ"] == "n")
        #expect(table["Ḝ"] == "e")
        #expect(table["ø"] == "o")
    }
}
