import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// The real machine-translated article in ../shared/examples and its hand-corrected version.
@Suite struct ExampleArticleTests {
    let original = try? Fixtures.sharedText("examples/000_84da54e6fe4aab52.txt")
    let expected = try? Fixtures.sharedText("examples/000_84da54e6fe4aab52.expected.txt")

    @Test func cleaningTheArticleGivesTheHandCorrectedTextByteForByte() throws {
        let original = try #require(original)
        let expected = try #require(expected)
        let result = Fixtures.corrector.correct(original)
        #expect(result.corrected.utf8.elementsEqual(expected.utf8), "the cleaned article differs from the expected text")
        if result.corrected != expected {
            let got = result.corrected.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, (lhs, rhs)) in zip(got, want).enumerated() where lhs != rhs {
                Issue.record("line \(index + 1):\n got: \(lhs)\nwant: \(rhs)")
            }
        }
    }

    @Test func cleaningTheExpectedTextChangesNothing() throws {
        let expected = try #require(expected)
        let result = Fixtures.corrector.correct(expected)
        #expect(result.corrected.utf8.elementsEqual(expected.utf8))
        #expect(result.corrections.isEmpty, "\(result.corrections.map { "\($0.ruleID): \($0.original) → \($0.replacement)" })")
    }

    @Test func theArticleIsIdempotent() throws {
        let original = try #require(original)
        let once = Fixtures.corrector.correct(original).corrected
        #expect(Fixtures.corrector.correct(once).corrected == once)
    }

    @Test func everyCorrectionSpanPointsAtItsOriginalText() throws {
        let original = try #require(original)
        let bytes = Array(original.utf8)
        let result = Fixtures.corrector.correct(original)
        for correction in result.corrections where correction.ruleID != "glued_words" {
            let text = String(decoding: bytes[correction.range.start..<correction.range.end], as: UTF8.self)
            #expect(text == correction.original || correction.original.contains(text) || text.contains(correction.original),
                    "\(correction.ruleID) at \(correction.range): \(text) vs \(correction.original)")
        }
    }
}
