import Foundation
import Testing
import WirefixEngine
import WirefixReports

@Suite struct JSONReporterTests {
    /// Offsets, lines and columns as counted in ``SampleReports``; an empty array prints as
    /// `[`, an empty line, `]` (Foundation's pretty printer).
    @Test func goldenReport() {
        #expect(JSONReporter.generateReport(SampleReports.both) == #"""
            {
              "errors" : [

              ],
              "files" : [
                {
                  "changed" : true,
                  "corrections" : [
                    {
                      "column" : 4,
                      "confidence" : 0.9,
                      "end" : 6,
                      "entity_id" : null,
                      "explanation" : "\"teh\" is a common typing error",
                      "line" : 1,
                      "original" : "teh",
                      "replacement" : "the",
                      "rule_id" : "test_typo",
                      "start" : 3
                    }
                  ],
                  "findings" : [
                    {
                      "column" : 1,
                      "confidence" : 1,
                      "end" : 20,
                      "entity_id" : null,
                      "explanation" : "a marker left in the copy",
                      "line" : 2,
                      "original" : "FINDME",
                      "replacement" : "FINDME",
                      "rule_id" : "test_finding",
                      "start" : 14
                    }
                  ],
                  "path" : "notes/a.txt",
                  "suggestions" : [
                    {
                      "column" : 8,
                      "confidence" : 0.4,
                      "end" : 12,
                      "entity_id" : "cafe-example",
                      "explanation" : "house style drops the accent",
                      "line" : 1,
                      "original" : "café",
                      "replacement" : "cafe",
                      "rule_id" : "test_accent",
                      "start" : 7
                    }
                  ],
                  "totals" : {
                    "corrections" : 1,
                    "findings" : 1,
                    "replaced_invalid_bytes" : 0,
                    "suggestions" : 1
                  }
                },
                {
                  "changed" : true,
                  "corrections" : [

                  ],
                  "findings" : [

                  ],
                  "path" : "-",
                  "suggestions" : [

                  ],
                  "totals" : {
                    "corrections" : 0,
                    "findings" : 0,
                    "replaced_invalid_bytes" : 2,
                    "suggestions" : 0
                  }
                }
              ],
              "schema" : "wirefix-report/2",
              "totals" : {
                "changed_files" : 2,
                "corrections" : 1,
                "files" : 2,
                "findings" : 1,
                "replaced_invalid_bytes" : 2,
                "suggestions" : 1
              }
            }

            """#)
    }

    @Test func decodesBackToTheSameDocument() throws {
        let text = JSONReporter.generateReport(SampleReports.both)
        let decoded = try JSONDecoder().decode(JSONReport.self, from: Data(text.utf8))
        #expect(decoded == JSONReport(SampleReports.both))
        #expect(decoded.schema == "wirefix-report/2")
        #expect(decoded.files[0].suggestions[0].entityID == "cafe-example")
        #expect(decoded.files[0].corrections[0].entityID == nil)
    }

    @Test func emptyRunIsAValidDocument() throws {
        let text = JSONReporter.generateReport(CorrectionReport(files: []))
        let decoded = try JSONDecoder().decode(JSONReport.self, from: Data(text.utf8))
        #expect(decoded.files.isEmpty)
        #expect(decoded.totals.files == 0)
        #expect(decoded.totals.changedFiles == 0)
        #expect(decoded.totals.corrections == 0)
    }

    @Test func missingLocationIsComputedFromTheOriginal() {
        // "añ\nbé x": "x" starts at byte 8 (a=0, ñ=1…2, LF=3, b=4, é=5…6, space=7): line 2, column 4.
        let correction = Correction(ruleID: "r", range: TextRange(start: 8, end: 9), original: "x", replacement: "y",
                                    confidence: 0.8, explanation: "e")
        let file = FileReport(path: "p", result: CorrectionResult(original: "añ\nbé x", corrected: "añ\nbé y",
                                                                  corrections: [correction], suggestions: [], findings: []))
        let item = JSONReport(CorrectionReport(files: [file])).files[0].corrections[0]
        #expect(item.line == 2)
        #expect(item.column == 4)
    }

    @Test func errorsAreListedWithTheirPathOrNull() {
        let report = CorrectionReport(files: [SampleReports.unchanged], errors: [
            ReportError(path: "missing.txt", message: "missing.txt: cannot read: No such file or directory"),
            ReportError(path: nil, message: "out: cannot create directory: a file of that name exists"),
        ])
        let text = JSONReporter.generateReport(report)
        #expect(text.hasPrefix(#"""
            {
              "errors" : [
                {
                  "message" : "missing.txt: cannot read: No such file or directory",
                  "path" : "missing.txt"
                },
                {
                  "message" : "out: cannot create directory: a file of that name exists",
                  "path" : null
                }
              ],
              "files" : [
                {
                  "changed" : false,

            """#))
        #expect(JSONReport(report).errors == report.errors)
        #expect(JSONReport(report).totals.files == 1)
    }

    @Test func anUnchangedFileIsNotChangedAndALossyOneIs() {
        let document = JSONReport(CorrectionReport(files: [SampleReports.unchanged, SampleReports.lossyInput]))
        #expect(document.files.map(\.changed) == [false, true])
        #expect(document.files[1].totals.replacedInvalidBytes == 2)
        #expect(document.totals.changedFiles == 1)
    }

    @Test func computedColumnsDoNotCountAByteOrderMark() {
        // "\u{FEFF}ab x": "x" at byte 6 (BOM 0…2, a=3, b=4, space=5): line 1, column 4 without the mark.
        let correction = Correction(ruleID: "r", range: TextRange(start: 6, end: 7), original: "x", replacement: "y",
                                    confidence: 0.8, explanation: "e")
        let file = FileReport(path: "p", result: CorrectionResult(original: "\u{FEFF}ab x\nx", corrected: "\u{FEFF}ab y\nx",
                                                                  corrections: [correction], suggestions: [], findings: []))
        #expect(JSONReport(CorrectionReport(files: [file])).files[0].corrections[0].column == 4)
        // Line 2 has no mark to skip: "x" at byte 8 is column 1.
        let second = Correction(ruleID: "r", range: TextRange(start: 8, end: 9), original: "x", replacement: "y",
                                confidence: 0.8, explanation: "e")
        #expect(file.location(of: second) == SourceLocation(line: 2, column: 1))
        #expect(file.location(of: correction) == SourceLocation(line: 1, column: 4))
    }
}
