import Foundation
import Testing
import WirefixTestSupport
@testable import wirefix

/// A batch's report is made file by file and its sections kept in a temporary file past a
/// threshold (`WIREFIX_REPORT_SPILL_BYTES`, here 0: every section spilled); the report is the same
/// byte for byte, and when the temporary file cannot be made, no report is written and the run
/// fails with a message that says why.
@Suite struct ReportSpoolingTests {
    static let files = [
        "a.txt": "Deputy God given hair chaired the session.\n",
        "b.txt": "Nothing to change here.\n",
        "c.txt": "The vice minister Rander Pena spoke. Later Pena said the talks went well.\n",
        "d.txt": "According to officials. , the delegation arrived late.\n",
    ]

    func directoryWithFiles() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for (name, text) in Self.files { try directory.writeCreating("in/" + name, text) }
        return directory
    }

    @Test(arguments: ["json", "text", "diff"], ["1", "2"])
    func aSpilledReportIsTheSameReport(_ format: String, _ jobs: String) throws {
        let directory = try directoryWithFiles()
        defer { directory.remove() }
        let arguments = ["clean", "in", "-o", "out", "--jobs", jobs, "--report", format, "--report-file"]
        let held = try WirefixBinary.run(arguments + ["held.report"], in: directory.url)
        let spilled = try WirefixBinary.run(arguments + ["spilled.report"], in: directory.url,
                                            environment: ["WIREFIX_REPORT_SPILL_BYTES": "0"])
        #expect(held.status == 0)
        #expect(spilled.status == 0)
        let report = try directory.read("spilled.report")
        #expect(report == (try directory.read("held.report")))
        // Three files changed: a.txt, c.txt, d.txt.
        let text = String(decoding: report, as: UTF8.self)
        switch format {
        case "json": #expect(text.contains("\"changed_files\" : 3,") && text.contains("\"files\" : 4,"))
        case "text": #expect(text.hasSuffix("4 files, 3 changed: 4 corrections, 0 suggestions, 0 findings\n"))
        default: #expect(text.components(separatedBy: "\n+++ b/").count == 4)
        }
    }

    @Test func aReportWhoseTemporaryFileCannotBeMadeIsNotWritten() throws {
        let directory = try directoryWithFiles()
        defer { directory.remove() }
        let result = try WirefixBinary.run(["clean", "in", "-o", "out", "--report", "json", "--report-file", "r.json"], in: directory.url,
                                           environment: ["WIREFIX_REPORT_SPILL_BYTES": "0", "TMPDIR": "/nonexistent-wirefix-tmp"])
        #expect(result.status == 2)
        #expect(result.errorText.contains("wirefix: the report was not written: cannot create a temporary file for the report in /nonexistent-wirefix-tmp: No such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("r.json")))
        // The summary counts the report as the one error (it said "0 errors").
        #expect(result.errorText.contains("wirefix: 4 files (3 changed), 1 error: 4 corrections applied"))
        // The files themselves were cleaned.
        #expect(String(decoding: try directory.read("out/a.txt"), as: UTF8.self) == "Deputy Diosdado Cabello chaired the session.\n")
    }

    @Test func aFailedJSONReportOnStandardErrorStillPrintsTheFilesErrors() throws {
        // The errors are held back for the report's "errors" array; with no report, they are
        // printed (the second review found them lost).
        let directory = try directoryWithFiles()
        defer { directory.remove() }
        let result = try WirefixBinary.run(["clean", "in/a.txt", "missing.txt", "--report", "json"], in: directory.url,
                                           environment: ["WIREFIX_REPORT_SPILL_BYTES": "0", "TMPDIR": "/nonexistent-wirefix-tmp"])
        #expect(result.status == 2)
        #expect(result.outputText == "Deputy Diosdado Cabello chaired the session.\n")
        let lines = result.errorText.split(separator: "\n").filter { $0.hasPrefix("wirefix: ") }
        #expect(lines.first == "wirefix: missing.txt: cannot read: No such file or directory")
        #expect(lines.contains { $0.hasPrefix("wirefix: the report was not written: cannot create a temporary file for the report") })
    }

    @Test func aFileSizeLimitFailsTheReportNotTheBatch() throws {
        // `ulimit -f 64` (64 KiB): the report's temporary file outgrows it. SIGXFSZ (restored
        // to its default action by `env`: the test runner's children inherit it ignored) used to
        // end the process mid-batch; now the write fails (EFBIG), every file is still cleaned
        // and written, and the report is not written.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paragraph = "Deputy God given hair chaired the session, and Rander Pena spoke after him.\n\n"
        for index in 0..<6 { try directory.writeCreating("in/f\(index).txt", String(repeating: paragraph, count: 400)) }
        let binary = try #require(WirefixBinary.path)
        let result = try ExternalProcess.run("/bin/sh", ["-c", "ulimit -f 64; exec env --default-signal=XFSZ \"$0\" clean in -o out --report json --report-file r.json", binary],
                                             in: directory.url, environment: ["WIREFIX_REPORT_SPILL_BYTES": "0", "TMPDIR": directory.path("")])
        #expect(result.status == 2)
        #expect(result.errorText.contains("wirefix: the report was not written: cannot write the report's temporary file in \(directory.path("")): File too large"))
        #expect(try directory.allFiles(under: "out") == (0..<6).map { "f\($0).txt" })
        #expect(String(decoding: try directory.read("out/f5.txt"), as: UTF8.self).hasPrefix("Deputy Diosdado Cabello chaired"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("r.json")))
        #expect(try directory.contents().filter { $0.hasPrefix("wirefix-") || $0.hasPrefix(".r.json") } == [])
    }
}
