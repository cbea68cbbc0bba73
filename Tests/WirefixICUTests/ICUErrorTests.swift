import Testing
import WirefixICU

@Suite struct ICUErrorTests {
    @Test func namesComeFromICU() {
        #expect(ICUError(code: 65569, operation: "utrans_openU").name == "U_INVALID_ID")
        #expect(ICUError(code: 10, operation: "ucnv_fromUChars").name == "U_INVALID_CHAR_FOUND")
        #expect(ICUError(code: 15, operation: "x").name == "U_BUFFER_OVERFLOW_ERROR")
    }

    @Test func descriptionWithAndWithoutDetail() {
        let plain = ICUError(code: 65569, operation: "utrans_openU")
        #expect(plain.description == "ICU error U_INVALID_ID (65569) in utrans_openU")
        let detailed = ICUError(code: 4, operation: "ucnv_open", detail: "converter \"nope\"")
        #expect(detailed.description == "ICU error U_FILE_ACCESS_ERROR (4) in ucnv_open: converter \"nope\"")
    }

    @Test func equalityComparesAllFields() {
        #expect(ICUError(code: 1, operation: "a") == ICUError(code: 1, operation: "a"))
        #expect(ICUError(code: 1, operation: "a") != ICUError(code: 1, operation: "b"))
        #expect(ICUError(code: 1, operation: "a") != ICUError(code: 2, operation: "a"))
        #expect(ICUError(code: 1, operation: "a", detail: "x") != ICUError(code: 1, operation: "a"))
    }
}
