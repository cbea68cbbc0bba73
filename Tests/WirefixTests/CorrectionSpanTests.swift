import Testing
import Wirefix

/// Each correction's span, in the original text's UTF-8 byte offsets, holds exactly the text the
/// correction names when no other correction changed anything inside it: a neighbour's deletion
/// right beside it is not part of it (the fresh review's case: the name's span took the space that
/// punctuation_debris removed after it).
@Suite struct CorrectionSpanTests {
    @Test func aSpanDoesNotTakeTheNeighbouringDeletion() throws {
        let corrector = try Corrector()
        let text = "Minister delcy rodriguez .\n"
        let result = corrector.correct(text)
        #expect(result.corrected == "Minister Delcy Rodríguez.\n")
        let bytes = Array(text.utf8)
        let spans = result.corrections.map { ($0.ruleID, $0.range.start, $0.range.end) }
        #expect(spans.map(\.0) == ["name_case", "punctuation_debris"])
        #expect(spans.map(\.1) == [9, 24])
        #expect(spans.map(\.2) == [24, 26])
        for correction in result.corrections {
            #expect(String(decoding: bytes[correction.range.start..<correction.range.end], as: UTF8.self) == correction.original)
        }
    }
}
