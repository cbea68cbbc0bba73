import Testing
import WirefixLexicon

@Suite struct PackedASCIITests {
    private func packed(_ text: String, _ range: Range<Int>) -> UInt64? {
        Array(text.utf8).withUnsafeBufferPointer { PackedASCII.lowercased(range, in: $0) }
    }

    @Test func lettersAreLoweredAndPackedFirstByteLowest() {
        // "Abc" in a longer buffer (one unaligned load): 'a' 0x61, 'b' 0x62, 'c' 0x63.
        #expect(packed("Abc said the", 0..<3) == 0x63_62_61)
        // The same three bytes at the buffer's end (read byte by byte).
        #expect(packed("xx Abc", 3..<6) == 0x63_62_61)
        #expect(packed("HELLOWOR", 0..<8) == 0x72_6F_77_6F_6C_6C_65_68)
    }

    @Test func onlyTheLettersAToZChange() {
        // The bytes either side of 'A'...'Z' and 'a'...'z' keep their values: @ [ ` { and DEL.
        #expect(packed("@[`{\u{7F}Zz0", 0..<8) == 0x30_7A_7A_7F_7B_60_5B_40)
        #expect(packed("\u{0}\u{1}", 0..<2) == 0x01_00)
    }

    @Test func aNonASCIIByteGivesNothing() {
        #expect(packed("Peña and more", 0..<5) == nil)
        #expect(packed("Peña", 0..<5) == nil)
    }

    @Test func everyRangeAgreesWithTheByteLoop() {
        let text = Array("The Quick brown FOX jumps over the LAZY dog, Zürich @Home [x] {y}.".utf8)
        text.withUnsafeBufferPointer { bytes in
            for start in 0..<bytes.count {
                for count in 1...8 where start + count <= bytes.count {
                    var expected: UInt64 = 0
                    var ascii = true
                    for (offset, byte) in bytes[start..<(start + count)].enumerated() {
                        if byte >= 0x80 { ascii = false }
                        let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        expected |= UInt64(lowered) << UInt64(offset * 8)
                    }
                    #expect(PackedASCII.lowercased(start..<(start + count), in: bytes) == (ascii ? expected : nil))
                }
            }
        }
    }

    @Test func aPairHoldsUpToSixteenBytes() {
        let text = Array("MISSPELLINGS said".utf8)
        text.withUnsafeBufferPointer { bytes in
            // "misspell" then "ings": 8 + 4 bytes, first byte lowest in each word.
            let pair = PackedASCII.lowercasedPair(0..<12, in: bytes)
            #expect(pair?.low == 0x6C_6C_65_70_73_73_69_6D)
            #expect(pair?.high == 0x73_67_6E_69)
            // Eight bytes or fewer: no second word.
            #expect(PackedASCII.lowercasedPair(13..<17, in: bytes)?.low == 0x64_69_61_73)
            #expect(PackedASCII.lowercasedPair(13..<17, in: bytes)?.high == 0)
        }
        let accented = Array("Feijóo".utf8)
        #expect(accented.withUnsafeBufferPointer { PackedASCII.lowercasedPair(0..<$0.count, in: $0) } == nil)
    }
}
