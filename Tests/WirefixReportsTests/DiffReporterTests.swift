import Foundation
import Testing
import WirefixEngine
import WirefixReports
import WirefixTestSupport

@Suite struct DiffReporterTests {
    @Test func changedFilesAppearWithTheirBytesAsRead() {
        // Standard input changed only by --lossy: "-" carries the raw FF FE, "+" the two U+FFFD.
        let expected = Array("""
            --- a/notes/a.txt
            +++ b/notes/a.txt
            @@ -1,2 +1,2 @@
            -Hi teh café.
            +Hi the café.
             FINDME
            --- a/stdin
            +++ b/stdin
            @@ -1 +1 @@

            """.utf8) + Array("-ok ".utf8) + [0xFF, 0xFE, 0x0A] + Array("+ok \u{FFFD}\u{FFFD}\n".utf8)
        #expect(DiffReporter.generateReportBytes(SampleReports.both) == expected)
        // As a String, the raw bytes can only be shown as U+FFFD.
        #expect(DiffReporter.generateReport(SampleReports.both) == String(decoding: expected, as: UTF8.self))
    }

    @Test func nothingChangedGivesAnEmptyReport() {
        #expect(DiffReporter.generateReport(CorrectionReport(files: [SampleReports.unchanged])) == "")
        #expect(DiffReporter.generateReportBytes(CorrectionReport(files: [SampleReports.unchanged])) == [])
    }

    @Test func labelsArePathsPatchFindsRelativeToTheCurrentDirectory() {
        #expect(DiffReporter.label(for: "-") == "stdin")
        #expect(DiffReporter.label(for: "notes/a.txt") == "notes/a.txt")
        #expect(DiffReporter.label(for: "./notes/a.txt") == "notes/a.txt")
        #expect(DiffReporter.label(for: "/tmp/x/a.txt") == "tmp/x/a.txt")
        #expect(DiffReporter.label(for: "../shared/a.txt") == "../shared/a.txt")
    }

    @Test func headerNamesAreWrittenAsGitWritesThem() {
        #expect(DiffReporter.headerName("a/plain.txt") == "a/plain.txt")
        #expect(DiffReporter.headerName("a/ünï.txt") == "a/ünï.txt")
        // A space: the name is followed by a tab.
        #expect(DiffReporter.headerName("a/with space.txt") == "a/with space.txt\t")
        // Tabs, quotes, backslashes and controls: C-style quotes.
        #expect(DiffReporter.headerName("a/tab\tname.txt") == #""a/tab\tname.txt""#)
        #expect(DiffReporter.headerName("a/say \"hi\".txt") == "\"a/say \\\"hi\\\".txt\"\t")
        #expect(DiffReporter.headerName("a/back\\slash.txt") == #""a/back\\slash.txt""#)
        #expect(DiffReporter.headerName("a/line\nfeed\r.txt") == #""a/line\nfeed\r.txt""#)
        #expect(DiffReporter.headerName("a/\u{1}x\u{7F}\u{7}.txt") == #""a/\001x\177\a.txt""#)
    }

    @Test func headersOfAPathWithASpace() {
        let file = FileReport(path: "in/with space.txt", result: CorrectionResult(
            original: "x\n", corrected: "y\n", corrections: [], suggestions: [], findings: []))
        #expect(DiffReporter.generateReport(CorrectionReport(files: [file]))
            == "--- a/in/with space.txt\t\n+++ b/in/with space.txt\t\n@@ -1 +1 @@\n-x\n+y\n")
    }

    @Test func standardInputIsLabelledStdin() {
        let report = FileReport(path: "-", result: CorrectionResult(original: "x\n", corrected: "y\n", corrections: [], suggestions: [], findings: []))
        #expect(DiffReporter.generateReport(CorrectionReport(files: [report])) == "--- a/stdin\n+++ b/stdin\n@@ -1 +1 @@\n-x\n+y\n")
    }

    @Test func everyReporterIsListedUnderItsName() {
        #expect(reportersList.map { $0.identifier } == ["text", "json", "diff"])
        #expect(reporter(identifier: "diff") == DiffReporter.self)
        #expect(reporter(identifier: "json") == JSONReporter.self)
        #expect(reporter(identifier: "text") == TextReporter.self)
        #expect(reporter(identifier: "xml") == nil)
    }

    @Test func textReportersGiveTheirStringsBytes() {
        #expect(TextReporter.generateReportBytes(SampleReports.both) == Array(TextReporter.generateReport(SampleReports.both).utf8))
        #expect(JSONReporter.generateReportBytes(SampleReports.both) == Array(JSONReporter.generateReport(SampleReports.both).utf8))
    }

    // MARK: - Round trips through patch and git apply

    /// File names a diff header must carry through both tools.
    static let names = ["in/with space.txt", "in/tab\tname.txt", "in/say \"hi\".txt", "in/back\\slash.txt",
                        "in/ünï.txt", "plain.txt"]

    /// A file with invalid bytes (E9 is Latin-1 "é"; C3 alone is a truncated sequence; ED A0 80 a
    /// surrogate), repaired with U+FFFD, and a correction on another line.
    static let rawFile: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" opened.\nDeputy teh spoke.\nna".utf8) + [0xC3]
        + Array("ve ".utf8) + [0xED, 0xA0, 0x80] + Array("\nlast".utf8)
    static let repaired = "Caf\u{FFFD} opened.\nDeputy the spoke.\nna\u{FFFD}ve \u{FFFD}\u{FFFD}\u{FFFD}\nlast"

    static let tools: [(String, [String])] = [
        ("/usr/bin/patch", ["-p1", "--quiet", "--no-backup-if-mismatch"]),
        ("git", ["apply", "-p1", "--whitespace=nowarn"]),
    ]

    @Test(arguments: names, tools.indices)
    func namesSurviveTheTools(_ name: String, _ tool: Int) throws {
        let file = FileReport(path: name, result: CorrectionResult(
            original: "Deputy teh spoke.\n", corrected: "Deputy the spoke.\n", corrections: [], suggestions: [], findings: []))
        let patched = try apply(DiffReporter.generateReportBytes(CorrectionReport(files: [file])), to: Array("Deputy teh spoke.\n".utf8),
                                named: name, with: Self.tools[tool])
        #expect(patched == Array("Deputy the spoke.\n".utf8))
    }

    @Test(arguments: tools.indices)
    func rawBytesAreReplacedByTheirRepair(_ tool: Int) throws {
        let file = FileReport(path: "lossy.txt", result: CorrectionResult(
            original: Self.repaired.replacingOccurrences(of: "the", with: "teh"), corrected: Self.repaired,
            corrections: [], suggestions: [], findings: []), replacedInvalidBytes: 5, rawOriginal: Self.rawFile)
        #expect(file.changed)
        let patched = try apply(DiffReporter.generateReportBytes(CorrectionReport(files: [file])), to: Self.rawFile,
                                named: "lossy.txt", with: Self.tools[tool])
        #expect(patched == Array(Self.repaired.utf8))
    }

    /// Writes `old` to `name` (creating its directory) in a fresh directory, applies `patch` there
    /// with the tool reading it from standard input, and returns the file's bytes.
    func apply(_ patch: [UInt8], to old: [UInt8], named name: String, with tool: (String, [String])) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(old).write(to: file)
        let result = try ExternalProcess.run(tool.0, tool.1, input: patch, in: directory)
        #expect(result.status == 0, "\(tool.0) failed: \(result.outputText)\(result.errorText)")
        return [UInt8](try Data(contentsOf: file))
    }
}
