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
        // The files themselves were cleaned.
        #expect(String(decoding: try directory.read("out/a.txt"), as: UTF8.self) == "Deputy Diosdado Cabello chaired the session.\n")
    }
}
