import Testing
import WirefixICU

@Suite struct ICUTests {
    @Test func linkedAgainstICU72WithUnicode15() {
        #expect(ICU.version.hasPrefix("72."))
        #expect(ICU.unicodeVersion == "15.0")
    }
}
