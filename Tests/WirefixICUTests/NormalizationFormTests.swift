import Testing
import WirefixICU

@Suite struct NormalizationFormTests {
    @Test func rawValuesAndOrder() {
        #expect(NormalizationForm.allCases.map(\.rawValue) == ["nfc", "nfd", "nfkc", "nfkcCasefold"])
        #expect(NormalizationForm(rawValue: "nfkcCasefold") == .nfkcCasefold)
        #expect(NormalizationForm(rawValue: "NFC") == nil)
    }
}
