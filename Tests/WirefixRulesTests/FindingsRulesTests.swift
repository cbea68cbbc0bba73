import Testing
import Wirefix
import WirefixTestSupport

/// The repeated-caption and credit-debris findings on the example article, read from ../shared at
/// run time, and the edges of both rules that their examples do not pin down.
@Suite struct FindingsRulesTests {
    static let article = "examples/000_84da54e6fe4aab52.txt"

    @Test func theArticleHasTwoCreditDebrisFindings() throws {
        let result = Fixtures.corrector.correct(try Fixtures.sharedText(Self.article))
        let credits = result.findings.filter { $0.ruleID == "credit_debris" }
        #expect(credits.map(\.original) == ["(MIRAFLORES PALACE /)", "(Miraflores Press /)"])
        #expect(credits.map { $0.location?.line } == [3, 16])
        #expect(credits.allSatisfy { $0.disposition == .finding && $0.replacement == $0.original })
    }

    @Test func theArticleHasOneRepeatedCaption() throws {
        let text = try Fixtures.sharedText(Self.article)
        let result = Fixtures.corrector.correct(text)
        let captions = result.findings.filter { $0.ruleID == "repeated_caption" }
        #expect(captions.count == 1)
        let caption = try #require(captions.first)
        #expect(caption.location == SourceLocation(line: 16, column: 1))
        #expect(caption.explanation == "repeats line 15 and adds \"(Miraflores Press /)\"")
        // The span is the whole second line, in the original's bytes.
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[caption.range.asRange], as: UTF8.self) == caption.original)
        #expect(caption.original.hasSuffix("(EFE) (Miraflores Press /)"))
    }

    @Test func aShorterSecondLineIsReportedWithWhatItLacks() throws {
        let result = try SingleRule.run("repeated_caption", "Firefighters at the scene (AFP)\nFirefighters at the scene\n")
        let finding = try #require(result.findings.first)
        #expect(finding.range == TextRange(start: 32, end: 57))
        #expect(finding.explanation == "repeats line 1 without its ending \"(AFP)\"")
    }

    @Test func crlfLineEndsStayOutOfTheSpan() throws {
        let result = try SingleRule.run("repeated_caption", "Firefighters at the scene\r\nFirefighters at the scene\r\n")
        #expect(result.findings.map(\.range) == [TextRange(start: 27, end: 52)])
        #expect(result.findings.first?.explanation == "repeats line 1 (as corrected)")
    }

    @Test func creditDebrisSpansTheParentheticalInBytes() throws {
        // "Дж. " is 6 bytes.
        let result = try SingleRule.run("credit_debris", "Дж. (EFE/ )")
        let finding = try #require(result.findings.first)
        #expect(finding.range == TextRange(start: 6, end: 13))
        #expect(finding.confidence == 0.9)
        #expect(finding.explanation == "photo credit (EFE/ ) ends with a slash and no name after it")
        #expect(result.corrected == "Дж. (EFE/ )")
    }

    @Test func anEmptyLabelIsNamedInTheExplanation() throws {
        let result = try SingleRule.run("credit_debris", "A view (Photo: )")
        #expect(result.findings.first?.explanation == "photo credit (Photo: ) has a label and no name after its colon")
    }

    @Test func linesThatBecameEqualThroughCorrectionsAreNotCalledExact() {
        let result = Fixtures.corrector.correct("Nicolas Maduro spoke to the crowd\nNicolás Maduro spoke to the crowd\n")
        let finding = result.findings.first { $0.ruleID == "repeated_caption" }
        #expect(finding?.explanation == "repeats line 1 (as corrected)")
        // Line 2 starts after 33 ASCII bytes and a line feed; "á" is 2 bytes.
        #expect(finding?.range == TextRange(start: 34, end: 68))
    }
}
