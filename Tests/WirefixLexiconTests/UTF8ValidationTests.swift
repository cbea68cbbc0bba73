import Testing
import WirefixLexicon

@Suite struct UTF8ValidationTests {
    @Test func validTextHasNoInvalidOffset() {
        #expect(UTF8Validation.firstInvalidOffset(in: Array("Rodríguez 東京 👨‍👩‍👧 plain ascii text".utf8)) == nil)
    }

    @Test func reportsTheFirstInvalidByte() {
        #expect(UTF8Validation.firstInvalidOffset(in: [0x61, 0x62, 0xFF]) == 2)
        #expect(UTF8Validation.firstInvalidOffset(in: Array("abcdefghij".utf8) + [0xC3]) == 10)   // truncated
        #expect(UTF8Validation.firstInvalidOffset(in: [0xC0, 0xAF]) == 0)                          // overlong
        #expect(UTF8Validation.firstInvalidOffset(in: [0x41, 0xED, 0xA0, 0x80]) == 1)              // surrogate
        #expect(UTF8Validation.firstInvalidOffset(in: [0xF4, 0x90, 0x80, 0x80]) == 0)              // > U+10FFFF
    }
}
