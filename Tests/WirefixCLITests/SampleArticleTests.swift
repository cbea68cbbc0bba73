import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// The sample in `Scripts/sample`: a short invented article in the style of machine-translated
/// wire copy, and its correction by hand.
@Suite struct SampleArticleTests {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("Scripts/sample")

    @Test func cleaningTheSampleGivesItsHandCorrectedVersion() throws {
        let expected = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent("article.expected.txt")))
        let result = try WirefixBinary.run(["clean", "article.txt"], in: Self.directory)
        #expect(result.status == 0)
        #expect(result.errorText == "")
        #expect(result.standardOutput == expected)
    }

    @Test func theCorrectedSampleStaysAsItIs() throws {
        let check = try WirefixBinary.run(["check", "article.expected.txt"], in: Self.directory)
        #expect(check.status == 0)
    }

    @Test func theSampleReportsItsCaptionAndCredits() throws {
        let check = try WirefixBinary.run(["check", "--report", "json", "article.txt"], in: Self.directory)
        #expect(check.status == 1)
        let findings = try JSONDecoder().decode(JSONReport.self, from: Data(check.standardOutput)).files.first?.findings ?? []
        // Line 14 repeats line 13 and adds "(Defense Press /)"; line 3 ends with "(DEFENSE MINISTRY /)".
        #expect(findings.contains { $0.ruleID == "repeated_caption" && $0.line == 14 })
        #expect(findings.contains { $0.ruleID == "credit_debris" && $0.line == 14 && $0.original == "(Defense Press /)" })
        #expect(findings.contains { $0.ruleID == "credit_debris" && $0.line == 3 && $0.original == "(DEFENSE MINISTRY /)" })
    }
}
