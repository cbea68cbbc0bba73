import Foundation
import Testing
import WirefixEngine
import WirefixReports

/// A report built file by file (`ReportAssembler`, its sections spooled in memory or in a
/// temporary file) is byte for byte the report of the whole run, for every reporter.
@Suite struct ReportAssemblerTests {
    static let errors = [ReportError(path: "bad.txt", message: "bad.txt: invalid UTF-8 at byte offset 3")]
    static let runs: [CorrectionReport] = [
        CorrectionReport(files: []),
        CorrectionReport(files: [], errors: errors),
        CorrectionReport(files: [SampleReports.unchanged]),
        SampleReports.both,
        CorrectionReport(files: [SampleReports.unchanged, SampleReports.changed, SampleReports.unchanged,
                                 SampleReports.lossyInput, SampleReports.changed], errors: errors),
    ]

    func assembled(_ report: CorrectionReport, _ reporter: any Reporter.Type, spillThreshold: Int) throws -> [UInt8] {
        var assembler = ReportAssembler(reporter: reporter, spillThreshold: spillThreshold)
        for file in report.files {
            try assembler.append(reporter.sectionBytes(for: file), changed: file.changed, totals: file.totals)
        }
        var output: [UInt8] = []
        try assembler.write(errors: report.errors) { output += $0 }
        return output
    }

    @Test(arguments: runs.indices)
    func sectionsGiveTheWholeReport(_ index: Int) throws {
        let report = Self.runs[index]
        for reporter in reportersList {
            let whole = reporter.generateReportBytes(report)
            #expect(try assembled(report, reporter, spillThreshold: 1 << 20) == whole, "\(reporter.identifier), in memory")
            #expect(try assembled(report, reporter, spillThreshold: 0) == whole, "\(reporter.identifier), spilled to a file")
        }
    }

    @Test func theJSONFrameIsTheDocumentAroundTheFiles() {
        var summary = ReportSummary()
        summary.add(SampleReports.changed)
        let frame = JSONReporter.frame(summary: summary, errors: [])
        let head = String(decoding: frame.head, as: UTF8.self), tail = String(decoding: frame.tail, as: UTF8.self)
        #expect(head == "{\n  \"errors\" : [\n\n  ],\n  \"files\" : [\n")
        #expect(tail.hasPrefix("\n  ],\n  \"schema\" : \"wirefix-report/2\",\n  \"totals\" : {\n    \"changed_files\" : 1,\n    \"corrections\" : 1,"))
        #expect(String(decoding: frame.separator, as: UTF8.self) == ",\n")
        #expect(String(decoding: JSONReporter.sectionBytes(for: SampleReports.changed), as: UTF8.self).hasPrefix("    {\n      \"changed\" : true,\n      \"corrections\" : [\n        {\n"))
    }

    @Test func aSpoolLargerThanItsThresholdGoesToAFileAndReadsBackInOrder() throws {
        let spool = ReportSpool(spillThreshold: 10)
        try spool.append(Array("12345".utf8))
        #expect(!spool.isSpilled)
        try spool.append(Array("67890".utf8))
        #expect(!spool.isSpilled)
        let big = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        try spool.append(big)
        #expect(spool.isSpilled)
        #expect(spool.count == 3_000_010)
        var read: [UInt8] = []
        var pieces = 0
        try spool.forEachPiece { read += $0; pieces += 1 }
        #expect(read == Array("1234567890".utf8) + big)
        #expect(pieces == 3)  // 1 MiB pieces from the file
    }

    @Test func aSpoolThatCannotMakeItsFileSaysWhere() {
        let spool = ReportSpool(spillThreshold: 0, temporaryDirectory: "/nonexistent-wirefix-dir")
        #expect(throws: ReportSpoolError(message: "cannot create a temporary file for the report in /nonexistent-wirefix-dir: No such file or directory")) {
            try spool.append([1, 2, 3])
        }
    }

    @Test func aWriteThatFailsStopsTheReport() throws {
        struct Full: Error {}
        var assembler = ReportAssembler(reporter: TextReporter.self)
        try assembler.append(TextReporter.sectionBytes(for: SampleReports.changed), summarizing: SampleReports.changed)
        var pieces = 0
        #expect(throws: Full.self) {
            try assembler.write(errors: []) { _ in pieces += 1; throw Full() }
        }
        #expect(pieces == 1)
    }
}
