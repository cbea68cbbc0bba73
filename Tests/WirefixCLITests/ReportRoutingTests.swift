import Foundation
import Testing
import Wirefix
import WirefixTestSupport
@testable import wirefix

/// Where reports and error messages go, and the exit status when they cannot be written.
@Suite struct ReportRoutingTests {
    @Test func emptyReportFileIsAUsageError() throws {
        do {
            _ = try WirefixCommand.parseAsRoot(["clean", "--report-file", ""])
            Issue.record("an empty --report-file was accepted")
        } catch {
            #expect(WirefixCommand.exitCode(for: error).rawValue == 64)
            #expect(WirefixCommand.message(for: error) == "--report-file needs a file name; an empty one names no file.")
        }
    }

    @Test func unwritableStandardErrorFailsTheRun() throws {
        let capture = CapturedStreams()
        capture.standardErrorFailure = "No space left on device"
        #expect(try runInProcess(["clean", "--report", "text"], input: Array("teh\n".utf8), capture: capture) == 2)
        #expect(capture.outputText == "the\n")
        #expect(capture.standardError == "")
    }

    @Test func unwritableStandardErrorWithTheRealTool() throws {
        let binary = try #require(WirefixBinary.path)
        let result = try ExternalProcess.run("/bin/sh", ["-c", "exec \"$0\" clean --report text 2>/dev/full", binary],
                                             input: Array("Plain words.\n".utf8))
        #expect(result.status == 2)
        #expect(result.outputText == "Plain words.\n")
        // Without a report, nothing is written to standard error, and all is well.
        let quiet = try ExternalProcess.run("/bin/sh", ["-c", "exec \"$0\" clean 2>/dev/full", binary], input: Array("Plain words.\n".utf8))
        #expect(quiet.status == 0)
    }

    /// A report file that names an open stream ("/dev/stdout", a link to "/proc/self/fd/1") is
    /// written into the stream, not replaced by a rename: the file the stream was redirected to
    /// keeps what went before (review 17: the cleaned text was lost).
    @Test func aReportFileThatIsAnOpenStreamIsWrittenIntoIt() throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.write("a.txt", "Plain words.\n")
        #expect(symlink("/proc/self/fd/1", directory.path("mystdout")) == 0)
        for target in ["/dev/stdout", directory.path("mystdout")] {
            let output = directory.path("out.txt")
            let result = try ExternalProcess.run("/bin/sh", ["-c", "exec \"$0\" clean \"$1\" --report-file \"$2\" > \"$3\"", binary, input, target, output])
            #expect(result.status == 0)
            #expect(try directory.read("out.txt") == Array("Plain words.\n1 file, 0 changed: 0 corrections, 0 suggestions, 0 findings\n".utf8))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path("mystdout")) == "/proc/self/fd/1")
        #expect(OutputWriter.openStreamDescriptor(for: "/dev/stderr") == 2)
        #expect(OutputWriter.openStreamDescriptor(for: "/dev/fd/1") == 1)
        #expect(OutputWriter.openStreamDescriptor(for: input) == nil)
    }

    @Test func aReportFileOfADashIsStandardOutput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.write("a.txt", "teh\n")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--in-place", input, "--report-file", "-"], capture: capture) == 0)
        #expect(capture.outputText.hasSuffix("1 file, 1 changed: 1 correction, 0 suggestions, 0 findings\n"))
        #expect(try directory.contents() == ["a.txt"])
        #expect(throws: (any Error).self) { try WirefixCommand.parseAsRoot(["clean", input, "--report-file", "-"]) }
    }

    /// With `--report json` on standard error, the errors are inside the JSON and standard error
    /// holds nothing else.
    @Test func jsonOnStandardErrorCarriesTheErrorsAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = try directory.write("good.txt", "teh\n")
        let binary = try directory.write("bin.dat", [0x41, 0x00] as [UInt8])
        let missing = directory.path("missing.txt")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--report", "json", good, missing, binary], capture: capture) == 2)
        #expect(capture.outputText == "the\n")
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(capture.standardError.utf8))
        #expect(report.schema == "wirefix-report/2")
        #expect(report.errors == [
            ReportError(path: missing, message: "\(missing): cannot read: No such file or directory"),
            ReportError(path: binary, message: "\(binary): binary file (NUL byte at offset 1)"),
        ])
        #expect(report.files.map(\.path) == [good])
        #expect(!capture.standardError.contains("wirefix: "))
    }

    /// A JSON report written elsewhere carries the errors too, and the messages go to standard
    /// error as usual.
    @Test func jsonElsewhereCarriesTheErrorsAndMessagesStay() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = directory.path("missing.txt")
        let reportPath = directory.path("report.json")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--report", "json", "--report-file", reportPath, missing], capture: capture) == 2)
        #expect(capture.standardError == "wirefix: \(missing): cannot read: No such file or directory\n")
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(try directory.read("report.json")))
        #expect(report.errors == [ReportError(path: missing, message: "\(missing): cannot read: No such file or directory")])

        let check = CapturedStreams()
        #expect(try runInProcess(["check", "--report", "json", missing], capture: check) == 2)
        #expect(check.standardError == "wirefix: \(missing): cannot read: No such file or directory\n")
        #expect(try JSONDecoder().decode(JSONReport.self, from: Data(check.standardOutput)).errors.map(\.path) == [missing])
    }

    /// A text report on standard error keeps the messages beside it.
    @Test func textOnStandardErrorKeepsTheMessages() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = directory.path("missing.txt")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--report", "text", missing], capture: capture) == 2)
        #expect(capture.standardError == """
            wirefix: \(missing): cannot read: No such file or directory
            0 files, 0 changed: 0 corrections, 0 suggestions, 0 findings

            """)
    }

    /// A lexicon that does not load stops the run before any file; a JSON report on standard
    /// error still comes out whole, with the problem in its errors.
    @Test func aBadLexiconWithJSONOnStandardErrorGivesAValidDocument() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("lexicon/entities"), withIntermediateDirectories: true)
        let table = try directory.write("lexicon/entities/desk.tsv", """
            id\ttype\tcanonical\tcountry\tsource
            xx-bad\tpersn\tBad Example\tVE\thand-made

            """)
        let result = try WirefixBinary.run(["clean", "--report", "json", "--lexicon", directory.path("lexicon")], input: "text\n")
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardError))
        #expect(report.files.isEmpty)
        #expect(report.errors == [ReportError(path: nil, message: "\(table):2: column 'type': expected person, organization or place, found 'persn'")])
    }

    /// The real tool, every way the tester tried: one valid JSON document on standard error.
    @Test func jsonOnStandardErrorIsValidWithTheRealTool() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("ok.txt", "Plain words.\n")
        try directory.write("bad.txt", [0x61, 0xFF, 0x0A] as [UInt8])
        let result = try WirefixBinary.run(["clean", "--report", "json", "ok.txt", "bad.txt", "nope.txt"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.outputText == "Plain words.\n")
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardError))
        #expect(report.errors.map(\.message) == [
            "bad.txt:1:2: invalid UTF-8 at byte offset 1 (use --lossy to replace invalid bytes)",
            "nope.txt: cannot read: No such file or directory",
        ])
        #expect(report.totals.files == 1)
    }
}
