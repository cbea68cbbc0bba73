import Foundation
import Testing
import Wirefix
@testable import wirefix

#if canImport(Glibc)
import Glibc
#endif

/// `wirefix clean` run in-process with the test rules (teh → the at 0.9; recieve → receive at
/// 0.5, a suggestion; FINDME, a finding), so that these tests do not depend on the real rules.
@Suite struct CleanCommandTests {
    @Test func standardInputToStandardOutput() throws {
        let capture = CapturedStreams()
        let status = try runInProcess(["clean"], input: Array("I saw teh cat.\r\nteh end".utf8), capture: capture)
        #expect(status == 0)
        #expect(capture.standardOutput == Array("I saw the cat.\r\nthe end".utf8))
        #expect(capture.standardError == "")
    }

    @Test func filesAreWrittenToStandardOutputInOrderLikeCat() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("1.txt", "teh first\n")
        let second = try directory.write("2.txt", "second, unchanged")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", first, second, "-"], input: Array("teh\n".utf8), capture: capture) == 0)
        #expect(capture.outputText == "the first\nsecond, unchangedthe\n")
        // The inputs are untouched.
        #expect(try directory.read("1.txt") == Array("teh first\n".utf8))
    }

    @Test func unchangedInputSucceeds() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean"], input: Array("nothing to do\n".utf8), capture: capture) == 0)
        #expect(capture.outputText == "nothing to do\n")
    }

    /// Offsets count the mark's three bytes (they are offsets into the file); columns do not
    /// count it (an editor does not show it).
    @Test func byteOrderMarkSurvivesOffsetsCountItColumnsDoNot() throws {
        let capture = CapturedStreams()
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("teh\r\n".utf8)
        #expect(try runInProcess(["clean", "--report", "json"], input: input, capture: capture) == 0)
        #expect(capture.standardOutput == [0xEF, 0xBB, 0xBF] + Array("the\r\n".utf8))
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(capture.standardError.utf8))
        let correction = try #require(report.files.first?.corrections.first)
        #expect(correction.start == 3)
        #expect(correction.end == 6)
        #expect(correction.line == 1)
        #expect(correction.column == 1)

        let text = CapturedStreams()
        #expect(try runInProcess(["check"], input: [0xEF, 0xBB, 0xBF] + Array("The teh\n".utf8), capture: text) == 1)
        #expect(text.outputText.hasPrefix("<stdin>:1:5: test_typo: "))
    }

    @Test func outputDirectoryGetsCleanedCopies() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("a.txt", "teh a\n")
        let second = try directory.write("b.txt", "plain b")
        let output = directory.path("out/nested")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-o", output, first, second], capture: capture) == 0)
        #expect(capture.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == ["a.txt", "b.txt"])
        #expect(try directory.read("out/nested/a.txt") == Array("the a\n".utf8))
        #expect(try directory.read("out/nested/b.txt") == Array("plain b".utf8))
        #expect(try directory.read("a.txt") == Array("teh a\n".utf8))
    }

    @Test func outputDirectoryThatIsAFileFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.write("a.txt", "teh\n")
        let blocker = try directory.write("out", "not a directory")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-o", blocker, input], capture: capture) == 2)
        #expect(capture.standardError == "wirefix: \(blocker): cannot create directory: a file of that name exists\n")
        // Below a file: the system's reason, not Foundation's "could not be completed" (review 16).
        let below = CapturedStreams()
        #expect(try runInProcess(["clean", "-o", blocker + "/sub", input], capture: below) == 2)
        #expect(below.standardError == "wirefix: \(blocker)/sub: cannot create directory: Not a directory\n")
        // A batch's summary counts the failure (review 16: it said "0 errors").
        let batch = CapturedStreams()
        #expect(try runInProcess(["clean", "-o", blocker, directory.url.path], capture: batch) == 2)
        #expect(withoutTimes(batch.standardError) == "wirefix: \(blocker): cannot create directory: a file of that name exists\n"
                + "wirefix: 0 files (0 changed), 1 error: 0 corrections applied, 0 suggestions, 0 findings; <size and time>\n")
    }

    @Test func inPlaceRewritesChangedFilesOnlyAndKeepsPermissions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let changed = try directory.write("changed.txt", "teh news\n")
        let unchanged = try directory.write("unchanged.txt", "the news\n")
        #expect(chmod(changed, 0o600) == 0)
        let before = try FileManager.default.attributesOfItem(atPath: unchanged)[.modificationDate] as? Date
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--in-place", changed, unchanged], capture: capture) == 0)
        #expect(capture.standardOutput.isEmpty)
        #expect(try directory.read("changed.txt") == Array("the news\n".utf8))
        #expect(POSIXFile.attributes(atPath: changed)?.mode == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: unchanged)[.modificationDate] as? Date == before)
        // No temporary file is left beside them.
        #expect(try directory.contents() == ["changed.txt", "unchanged.txt"])
    }

    @Test func badFilesInABatchAreReportedAndSkipped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = try directory.write("good.txt", "teh good\n")
        let invalid = try directory.write("latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x0A] as [UInt8])
        let binary = try directory.write("image.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01] as [UInt8])
        let missing = directory.path("missing.txt")
        let last = try directory.write("last.txt", "teh last\n")
        let capture = CapturedStreams()
        let status = try runInProcess(["clean", "--in-place", good, invalid, binary, missing, last], capture: capture)
        #expect(status == 2)
        // A batch ends with a summary line (the files cleaned, the failures, the counts).
        #expect(withoutTimes(capture.standardError) == """
            wirefix: \(invalid):1:4: invalid UTF-8 at byte offset 3 (use --lossy to replace invalid bytes)
            wirefix: \(binary): binary file (NUL byte at offset 4)
            wirefix: \(missing): cannot read: No such file or directory
            wirefix: 2 files (2 changed), 3 errors: 2 corrections applied, 0 suggestions, 0 findings; <size and time>

            """)
        #expect(try directory.read("good.txt") == Array("the good\n".utf8))
        #expect(try directory.read("last.txt") == Array("the last\n".utf8))
        #expect(try directory.read("latin1.txt") == [0x63, 0x61, 0x66, 0xE9, 0x0A])
        #expect(try directory.read("image.bin") == [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        #expect(try directory.contents() == ["good.txt", "image.bin", "last.txt", "latin1.txt"])
    }

    @Test func badFilesCreateNoCopyInTheOutputDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let invalid = try directory.write("bad.txt", [0xFF, 0x0A] as [UInt8])
        let good = try directory.write("good.txt", "teh\n")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-o", directory.path("out"), invalid, good], capture: capture) == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("out")) == ["good.txt"])
    }

    @Test func lossyReplacesAndCounts() throws {
        let capture = CapturedStreams()
        let input: [UInt8] = Array("teh caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(try runInProcess(["clean", "--lossy", "--report", "text"], input: input, capture: capture) == 0)
        #expect(capture.outputText == "the caf\u{FFFD}\n")
        #expect(capture.standardError == """
            <stdin>:1:1: test_typo: "teh" → "the" (confidence 0.90; "teh" is a common typing error)
            <stdin>: replaced 1 invalid UTF-8 byte with U+FFFD
            1 file, 1 changed: 1 correction, 0 suggestions, 0 findings

            """)
    }

    @Test func reportGoesToStandardErrorOrToAFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = Array("teh recieve FINDME\n".utf8)
        let expected = """
            <stdin>:1:1: test_typo: "teh" → "the" (confidence 0.90; "teh" is a common typing error)
            <stdin>:1:5: suggestion: test_weak: "recieve" → "receive" (confidence 0.50; maybe a typing error)
            <stdin>:1:13: finding: test_finding: "FINDME" (a marker left in the copy)
            1 file, 1 changed: 1 correction, 1 suggestion, 1 finding

            """
        let toStandardError = CapturedStreams()
        #expect(try runInProcess(["clean", "--report", "text"], input: input, capture: toStandardError) == 0)
        #expect(toStandardError.outputText == "the recieve FINDME\n")
        #expect(toStandardError.standardError == expected)

        let toFile = CapturedStreams()
        let reportPath = directory.path("report.txt")
        #expect(try runInProcess(["clean", "--report-file", reportPath], input: input, capture: toFile) == 0)
        #expect(toFile.standardError == "")
        #expect(String(decoding: try directory.read("report.txt"), as: UTF8.self) == expected)
    }

    @Test func diffReportOnStandardError() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--report", "diff"], input: Array("a\nteh\nb".utf8), capture: capture) == 0)
        #expect(capture.standardError == "--- a/stdin\n+++ b/stdin\n@@ -1,3 +1,3 @@\n a\n-teh\n+the\n b\n\\ No newline at end of file\n")
    }

    @Test func minConfidenceDecidesWhatIsApplied() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--min-confidence", "0.4"], input: Array("teh recieve\n".utf8), capture: capture) == 0)
        #expect(capture.outputText == "the receive\n")
        #expect(capture.correctorOptions?.applyThreshold == 0.4)

        let strict = CapturedStreams()
        #expect(try runInProcess(["clean", "--min-confidence", "1"], input: Array("teh recieve\n".utf8), capture: strict) == 0)
        #expect(strict.outputText == "teh recieve\n")
    }

    @Test func optionsReachTheCorrector() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--keep-unaccented", "--lexicon", "/desk/lexicon"], capture: capture) == 0)
        let options = try #require(capture.correctorOptions)
        #expect(options.ruleOptions.keepUnaccented)
        #expect(options.lexiconDirectories.map(\.path) == ["/desk/lexicon"])
    }

    @Test func unwritableReportFileIsARuntimeError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let blocker = try directory.write("file", "x")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--report-file", blocker + "/report.txt"], input: Array("teh\n".utf8), capture: capture) == 2)
        #expect(capture.outputText == "the\n")
        #expect(capture.standardError == "wirefix: \(blocker)/report.txt: cannot write: Not a directory\n")
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let empty = try directory.write("empty.txt", [UInt8]())
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-o", directory.path("out"), empty], capture: capture) == 0)
        #expect(try directory.read("out/empty.txt") == [])
    }
}

/// `wirefix check` in-process with the test rules.
@Suite struct CheckCommandTests {
    @Test func exitsWithOneWhenSomethingWouldChange() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["check"], input: Array("teh\n".utf8), capture: capture) == 1)
        #expect(capture.outputText == """
            <stdin>:1:1: test_typo: "teh" → "the" (confidence 0.90; "teh" is a common typing error)
            1 file, 1 changed: 1 correction, 0 suggestions, 0 findings

            """)
    }

    @Test func suggestionsAndFindingsAloneExitWithZero() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["check"], input: Array("recieve FINDME\n".utf8), capture: capture) == 0)
        #expect(capture.outputText.hasSuffix("1 file, 0 changed: 0 corrections, 1 suggestion, 1 finding\n"))
    }

    @Test func changesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("a.txt", "teh\n")
        let capture = CapturedStreams()
        #expect(try runInProcess(["check", "--report", "diff", file], capture: capture) == 1)
        #expect(try directory.read("a.txt") == Array("teh\n".utf8))
        #expect(try directory.contents() == ["a.txt"])
        #expect(capture.outputText == "--- a/\(DiffReporter.label(for: file))\n+++ b/\(DiffReporter.label(for: file))\n@@ -1 +1 @@\n-teh\n+the\n")
    }

    @Test func checkWalksADirectoryAsCleanDoes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("a.txt", "teh\n")
        try directory.write("b.md", "teh\n")
        try directory.write("c.txt", "fine\n")
        // 'check DIR' is the dry run of 'clean --in-place DIR' (review 16: "Is a directory").
        let capture = CapturedStreams()
        #expect(try runInProcess(["check", "--report", "json", directory.url.path], capture: capture) == 1)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(capture.standardOutput))
        #expect(report.files.map(\.path) == [directory.path("a.txt"), directory.path("c.txt")])
        let excluded = CapturedStreams()
        #expect(try runInProcess(["check", "--exclude", "a.txt", "--include", "*.txt", directory.url.path], capture: excluded) == 0)
        #expect(try directory.contents() == ["a.txt", "b.md", "c.txt"])
        // A link in the walk is said to be skipped, as clean's summary says it.
        #expect(symlink("a.txt", directory.path("link.txt")) == 0)
        let linked = CapturedStreams()
        #expect(try runInProcess(["check", directory.url.path], capture: linked) == 1)
        #expect(linked.standardError == "wirefix: 1 entry skipped (symbolic links, pipes, devices or directory loops)\n")
    }

    @Test func aBadFileWinsOverChanges() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("a.txt", "teh\n")
        let capture = CapturedStreams()
        #expect(try runInProcess(["check", file, directory.path("missing")], capture: capture) == 2)
        #expect(capture.standardError == "wirefix: \(directory.path("missing")): cannot read: No such file or directory\n")
    }

    @Test func jsonReportOnStandardOutput() throws {
        let capture = CapturedStreams()
        #expect(try runInProcess(["check", "--report", "json"], input: Array("fine\n".utf8), capture: capture) == 0)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(capture.standardOutput))
        #expect(report.schema == "wirefix-report/2")
        #expect(report.files.map(\.path) == ["-"])
        #expect(report.totals.changedFiles == 0)
    }
}
