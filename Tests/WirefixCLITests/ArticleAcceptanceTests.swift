import Foundation
import Testing
import Wirefix
import WirefixTestSupport
@testable import wirefix

/// End to end on the shared material: the example article and its hand-corrected version, and
/// every line of `cases/cases.tsv`. The article is read from `../shared` at run time; none of
/// its text is written here.
@Suite struct ArticleAcceptanceTests {
    static let article = Fixtures.sharedDirectory.appendingPathComponent("examples/000_84da54e6fe4aab52.txt")
    static let expected = Fixtures.sharedDirectory.appendingPathComponent("examples/000_84da54e6fe4aab52.expected.txt")

    func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    @Test func cleaningTheArticleGivesTheExpectedText() throws {
        let result = try WirefixBinary.run(["clean", Self.article.path])
        #expect(result.status == 0)
        #expect(result.errorText == "")
        #expect(result.standardOutput == (try bytes(Self.expected)))
    }

    @Test func cleaningTheExpectedTextChangesNothing() throws {
        let expected = try bytes(Self.expected)
        let clean = try WirefixBinary.run(["clean", Self.expected.path])
        #expect(clean.status == 0)
        #expect(clean.standardOutput == expected)
        let check = try WirefixBinary.run(["check", "--report", "json", Self.expected.path])
        #expect(check.status == 0)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(check.standardOutput))
        #expect(report.totals.corrections == 0)
        #expect(report.totals.changedFiles == 0)
    }

    @Test func theDiffReportAppliesWithPatch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("article.txt", try bytes(Self.article))
        let clean = try WirefixBinary.run(["clean", "--report", "diff", "article.txt"], in: directory.url)
        #expect(clean.status == 0)
        #expect(clean.errorText.hasPrefix("--- a/article.txt\n+++ b/article.txt\n@@ "))
        let patch = try ExternalProcess.run("/usr/bin/patch", ["-p1", "--quiet", "--no-backup-if-mismatch"],
                                            input: clean.standardError, in: directory.url)
        #expect(patch.status == 0, "patch: \(patch.outputText)\(patch.errorText)")
        #expect(try directory.read("article.txt") == (try bytes(Self.expected)))
        #expect(try directory.contents() == ["article.txt"])
    }

    @Test func theJSONReportListsTheRepeatedCaptionAndTheCreditDebrisAsFindings() throws {
        let check = try WirefixBinary.run(["check", "--report", "json", Self.article.path])
        #expect(check.status == 1)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(check.standardOutput))
        #expect(report.schema == "wirefix-report/2")
        let file = try #require(report.files.first)
        #expect(file.path == Self.article.path)
        #expect(file.changed)

        // Where the caption repeats: the first line that starts with the whole of the line
        // before it (found in the article itself, not written here).
        let original = try bytes(Self.article)
        let lines = String(decoding: original, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let repeatLine = try #require(lines.indices.dropFirst().first { !lines[$0 - 1].isEmpty && lines[$0].hasPrefix(lines[$0 - 1]) && lines[$0] != lines[$0 - 1] }) + 1
        let captions = file.findings.filter { $0.ruleID == "repeated_caption" }
        let credits = file.findings.filter { $0.ruleID == "credit_debris" }
        #expect(captions.contains { $0.line == repeatLine || $0.line == repeatLine - 1 })
        #expect(credits.contains { $0.line == repeatLine && $0.original.hasSuffix("/)") })

        // Every finding points at its own text in the original bytes. (Not asserted for
        // corrections: one whose span an earlier rule edited maps back to the whole edited
        // region, so its span can be wider than the text the rule saw.)
        for item in file.findings {
            #expect(String(decoding: original[item.start..<item.end], as: UTF8.self) == item.original, "\(item.ruleID) at \(item.start)")
        }
        for finding in file.findings { #expect(finding.replacement == finding.original) }
    }

    /// One line of `cases.tsv`: id, kind, input, expected, note (tab-separated, no quoting).
    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        let input: String
        let expected: String
        var testDescription: String { id }
    }

    static let cases: [Case] = {
        guard let text = try? Fixtures.sharedText("cases/cases.tsv") else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return fields.count >= 4 ? Case(id: fields[0], input: fields[2], expected: fields[3]) : nil
        }
    }()

    @Test func theCasesFileIsThere() {
        #expect(Self.cases.count == 47)
    }

    /// Each case through `clean` from standard input to standard output, with the bundled rules
    /// and lexicons.
    @Test(arguments: cases)
    func caseLine(_ testCase: Case) throws {
        let capture = CapturedStreams()
        let environment = CommandEnvironment.bundled(input: Array((testCase.input + "\n").utf8), capture: capture)
        let command = try #require(try WirefixCommand.parseAsRoot(["clean"]) as? CleanCommand)
        #expect(throws: Never.self) { try command.execute(in: environment) }
        #expect(capture.outputText == testCase.expected + "\n")
        #expect(capture.standardError == "")
    }
}
