import Testing
import WirefixEngine
import WirefixReports

@Suite struct DiffReporterTests {
    @Test func onlyChangedFilesAppear() {
        #expect(DiffReporter.generateReport(SampleReports.both) == """
            --- a/notes/a.txt
            +++ b/notes/a.txt
            @@ -1,2 +1,2 @@
            -Hi teh café.
            +Hi the café.
             FINDME

            """)
    }

    @Test func nothingChangedGivesAnEmptyReport() {
        #expect(DiffReporter.generateReport(CorrectionReport(files: [SampleReports.unchangedInput])) == "")
    }

    @Test func labelsArePathsPatchFindsRelativeToTheCurrentDirectory() {
        #expect(DiffReporter.label(for: "-") == "stdin")
        #expect(DiffReporter.label(for: "notes/a.txt") == "notes/a.txt")
        #expect(DiffReporter.label(for: "./notes/a.txt") == "notes/a.txt")
        #expect(DiffReporter.label(for: "/tmp/x/a.txt") == "tmp/x/a.txt")
        #expect(DiffReporter.label(for: "../shared/a.txt") == "../shared/a.txt")
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
}
