import Foundation
import Testing
import Wirefix
import WirefixTestSupport
@testable import wirefix

/// `--lossy`: replacing invalid bytes with U+FFFD is a change of the file, for every command and
/// report. In-process with the test rules (teh → the).
@Suite struct LossyTests {
    /// "Caf", Latin-1 "é" (E9, invalid in UTF-8), " opened.", LF.
    static let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" opened.\n".utf8)

    @Test func checkCountsTheReplacementAsAChange() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["check", "--lossy"], input: Self.latin1, capture: capture) == 1)
        #expect(capture.outputText == """
            <stdin>: replaced 1 invalid UTF-8 byte with U+FFFD
            1 file, 1 changed: 0 corrections, 0 suggestions, 0 findings

            """)
    }

    @Test func checkJSONSaysChangedWithTheCount() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["check", "--lossy", "--report", "json"], input: Self.latin1, capture: capture) == 1)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(capture.standardOutput))
        #expect(report.files.map(\.changed) == [true])
        #expect(report.files[0].totals.replacedInvalidBytes == 1)
        #expect(report.totals.changedFiles == 1)
        #expect(report.totals.corrections == 0)
    }

    @Test func cleanWritesTheRepairedText() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--lossy"], input: Self.latin1, capture: capture) == 0)
        #expect(capture.outputText == "Caf\u{FFFD} opened.\n")
    }

    /// Whether or not a rule changes anything else, --in-place writes the repaired text.
    @Test(arguments: [
        (Self.latin1, "Caf\u{FFFD} opened.\n"),
        (Self.latin1 + Array("teh end\n".utf8), "Caf\u{FFFD} opened.\nthe end\n"),
    ])
    func inPlaceAlwaysWritesTheRepairedText(_ input: [UInt8], _ expected: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("b.txt", input)
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--lossy", "--in-place", file], capture: capture) == 0)
        #expect(try directory.read("b.txt") == Array(expected.utf8))
        #expect(capture.standardError == "")
    }

    @Test func aValidFileIsUnchangedUnderLossy() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["check", "--lossy"], input: Array("Café opened.\n".utf8), capture: capture) == 0)
        #expect(capture.outputText == "1 file, 0 changed: 0 corrections, 0 suggestions, 0 findings\n")
    }

    /// The diff's "-" line holds the raw E9, the "+" line U+FFFD (EF BF BD).
    @Test func diffCarriesTheRawBytes() throws {
        let capture = CapturedStreams()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("b.txt", Self.latin1)
        #expect(try runInProcess(["check", "--lossy", "--report", "diff", directory.path("b.txt")], capture: capture) == 1)
        let label = DiffReporter.label(for: directory.path("b.txt"))
        #expect(capture.standardOutput == Array("--- a/\(label)\n+++ b/\(label)\n@@ -1 +1 @@\n-".utf8) + Self.latin1
            + Array("+Caf\u{FFFD} opened.\n".utf8))
    }

    /// The real tool: the diff report on standard error, applied with patch and with git apply to
    /// a copy of the original, gives exactly the cleaned output.
    @Test(arguments: [("/usr/bin/patch", ["-p1", "--quiet", "--no-backup-if-mismatch"]), ("git", ["apply", "-p1"])])
    func diffAppliesToTheOriginal(_ tool: String, _ arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let original = Self.latin1 + Array("A plain line.\n".utf8) + [0xC3] + Array("trunc\n".utf8)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        try directory.write("in/with space.txt", original)
        let clean = try WirefixBinary.run(["clean", "--lossy", "--report", "diff", "in/with space.txt"], in: directory.url)
        #expect(clean.status == 0)
        #expect(clean.outputText == "Caf\u{FFFD} opened.\nA plain line.\n\u{FFFD}trunc\n")
        let applied = try ExternalProcess.run(tool, arguments, input: clean.standardError, in: directory.url)
        #expect(applied.status == 0, "\(tool): \(applied.outputText)\(applied.errorText)")
        #expect(try directory.read("in/with space.txt") == clean.standardOutput)
    }
}
