import Foundation
import Testing
import WirefixTestSupport

/// Large files are cleaned as a stream, chunk by chunk, in bounded memory. The binary is run with
/// `WIREFIX_STREAMING_THRESHOLD=1`, so that every file takes the streaming path, and with reads of
/// 4,093 bytes, so that paragraphs, names and multibyte scalars fall across block ends; its output
/// and report must equal those of the same file read whole.
@Suite struct StreamingCleanTests {
    static let streaming = ["WIREFIX_STREAMING_THRESHOLD": "1", "WIREFIX_STREAMING_BLOCK_BYTES": "4093"]

    /// About 200 KB of copy: chunks of 64 KiB are cut at paragraph ends.
    static let article: String = {
        let paragraphs = [
            "Deputy God given hair chaired the session in Caracas on Monday.",
            "The vice minister Rander Peña spoke. Later Pena said the talks went well.",
            "According to officials. , the delegation arrived late; María Corina Machado was not there.",
            "Prices rose again in March, according to independent estimates (EFE).",
        ]
        var text = "\u{FEFF}"
        var index = 0
        while text.utf8.count < 200_000 {
            text += paragraphs[index % paragraphs.count] + " Paragraph \(index).\n\n"
            index += 1
        }
        return text
    }()

    @Test func aStreamedFileGivesTheSameOutputAndReportAsAWholeOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("big.txt", Self.article)
        let whole = try WirefixBinary.run(["clean", "big.txt", "--report", "json", "--report-file", "whole.json"], in: directory.url)
        let streamed = try WirefixBinary.run(["clean", "big.txt", "--report", "json", "--report-file", "streamed.json"],
                                             in: directory.url, environment: Self.streaming)
        #expect(whole.status == 0)
        #expect(streamed.status == 0)
        #expect(streamed.standardOutput.count > 190_000)
        #expect(streamed.standardOutput == whole.standardOutput)
        #expect(streamed.outputText.hasPrefix("\u{FEFF}Deputy Diosdado Cabello chaired"))
        #expect(try directory.read("streamed.json") == directory.read("whole.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(directory.read("streamed.json"))) as? [String: Any])
        let totals = try #require(report["totals"] as? [String: Any])
        #expect((totals["corrections"] as? Int ?? 0) > 500)
    }

    @Test func streamingIntoADirectoryAndInPlaceWritesTheSameBytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("big.txt", Self.article)
        let expected = try WirefixBinary.run(["clean", "big.txt"], in: directory.url).standardOutput
        let copy = try WirefixBinary.run(["clean", "-o", "out", "big.txt"], in: directory.url, environment: Self.streaming)
        #expect(copy.status == 0)
        #expect(try directory.read("out/big.txt") == expected)
        let inPlace = try WirefixBinary.run(["clean", "--in-place", "big.txt"], in: directory.url, environment: Self.streaming)
        #expect(inPlace.status == 0)
        #expect(try directory.read("big.txt") == expected)
        // Clean now: nothing changes, and the file is not rewritten.
        let before = try FileManager.default.attributesOfItem(atPath: directory.url.appendingPathComponent("big.txt").path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try WirefixBinary.run(["clean", "--in-place", "big.txt"], in: directory.url, environment: Self.streaming).status == 0)
        let after = try FileManager.default.attributesOfItem(atPath: directory.url.appendingPathComponent("big.txt").path)[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test func invalidUTF8LateInAStreamedFileFailsBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var bytes = Array(Self.article.utf8)
        let offset = 150_000
        bytes.insert(0xFF, at: offset)
        _ = try directory.write("bad.txt", bytes)
        let result = try WirefixBinary.run(["clean", "bad.txt"], in: directory.url, environment: Self.streaming)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        // The place: lines before it by LF, the column in scalars of its line.
        let lines = bytes[..<offset].split(separator: 0x0A, omittingEmptySubsequences: false)
        let column = String(decoding: lines.last ?? [], as: UTF8.self).unicodeScalars.count + 1
        #expect(result.errorText.contains("bad.txt:\(lines.count):\(column): invalid UTF-8 at byte offset \(offset)"))
        let lossy = try WirefixBinary.run(["clean", "--lossy", "bad.txt"], in: directory.url, environment: Self.streaming)
        let lossyWhole = try WirefixBinary.run(["clean", "--lossy", "bad.txt"], in: directory.url)
        #expect(lossy.status == 0)
        #expect(lossy.standardOutput == lossyWhole.standardOutput)
    }

    /// Standard input as long as a large file is kept in a temporary file and streamed from it:
    /// the same output and report as the same bytes in a file read whole, and no temporary file
    /// left behind. (Before, standard input was read whole: 40 MB took 397 MB of memory.)
    @Test func longStandardInputIsStreamedWithTheSameOutputAndReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("big.txt", Self.article)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        let whole = try WirefixBinary.run(["clean", "--report", "json", "--report-file", "whole.json"], input: Array(Self.article.utf8),
                                          in: directory.url)
        var environment = Self.streaming
        environment["TMPDIR"] = directory.url.appendingPathComponent("tmp").path
        let streamed = try WirefixBinary.run(["clean", "--report", "json", "--report-file", "streamed.json"],
                                             input: Array(Self.article.utf8), in: directory.url, environment: environment)
        #expect(whole.status == 0)
        #expect(streamed.status == 0)
        #expect(streamed.standardOutput.count > 190_000)
        #expect(streamed.standardOutput == whole.standardOutput)
        #expect(streamed.outputText.hasPrefix("\u{FEFF}Deputy Diosdado Cabello chaired"))
        #expect(try directory.read("streamed.json") == directory.read("whole.json"))
        #expect(String(decoding: try directory.read("streamed.json"), as: UTF8.self).contains("\"path\" : \"-\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: environment["TMPDIR"]!) == [])
    }

    /// Invalid UTF-8 late in a long standard input: the error names `<stdin>` and the place, as
    /// for a short one, and nothing is written.
    @Test func invalidUTF8LateInLongStandardInputFailsBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var bytes = Array(Self.article.utf8)
        let offset = 150_000
        bytes.insert(0xFF, at: offset)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        var environment = Self.streaming
        environment["TMPDIR"] = directory.url.appendingPathComponent("tmp").path
        let streamed = try WirefixBinary.run(["clean"], input: bytes, in: directory.url, environment: environment)
        let whole = try WirefixBinary.run(["clean"], input: bytes, in: directory.url)
        #expect(streamed.status == 2)
        #expect(streamed.standardOutput.isEmpty)
        let lines = bytes[..<offset].split(separator: 0x0A, omittingEmptySubsequences: false)
        let column = String(decoding: lines.last ?? [], as: UTF8.self).unicodeScalars.count + 1
        #expect(streamed.errorText.contains("<stdin>:\(lines.count):\(column): invalid UTF-8 at byte offset \(offset)"))
        #expect(streamed.errorText == whole.errorText)
        #expect(try FileManager.default.contentsOfDirectory(atPath: environment["TMPDIR"]!) == [])
    }

    /// Long standard input and no temporary directory to keep it in: a clear error, nothing
    /// written.
    @Test func longStandardInputWithoutATemporaryDirectoryFailsClearly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var environment = Self.streaming
        environment["TMPDIR"] = directory.url.appendingPathComponent("missing").path
        let result = try WirefixBinary.run(["clean"], input: Array(Self.article.utf8), in: directory.url, environment: environment)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.errorText.contains("wirefix: <stdin>: cannot keep standard input in a temporary file: No such file or directory"))
    }

    /// Every report of a streamed file is made as the chunks come, in bounded memory, and is the
    /// whole file's report byte for byte (before, the diff report read the file whole, and a 40 MB
    /// file with any report peaked at 260 to 456 MB; now at 113 to 118 MB).
    @Test(arguments: ["text", "json", "diff"])
    func aStreamedFilesReportIsTheWholeFilesReport(_ format: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("big.txt", Self.article)
        let whole = try WirefixBinary.run(["clean", "big.txt", "--report", format, "--report-file", "whole.out"], in: directory.url)
        var environment = Self.streaming
        environment["WIREFIX_REPORT_SPILL_BYTES"] = "0"
        let streamed = try WirefixBinary.run(["clean", "big.txt", "--report", format, "--report-file", "streamed.out"],
                                             in: directory.url, environment: environment)
        #expect(whole.status == 0)
        #expect(streamed.status == 0)
        #expect(streamed.standardOutput == whole.standardOutput)
        let report = try directory.read("streamed.out")
        #expect(report.count > 100_000)
        #expect(report == (try directory.read("whole.out")))
        let checked = try WirefixBinary.run(["check", "--report", format, "-"], input: Array(Self.article.utf8),
                                            in: directory.url, environment: environment)
        #expect(checked.status == 1)
        let checkedWhole = try WirefixBinary.run(["check", "--report", format, "-"], input: Array(Self.article.utf8), in: directory.url)
        #expect(checked.standardOutput == checkedWhole.standardOutput)
        // `check` streams a large file too (before, it read every file whole).
        let checkedFile = try WirefixBinary.run(["check", "--report", format, "big.txt"], in: directory.url, environment: environment)
        let checkedFileWhole = try WirefixBinary.run(["check", "--report", format, "big.txt"], in: directory.url)
        #expect(checkedFile.status == 1)
        #expect(checkedFile.standardOutput == checkedFileWhole.standardOutput)
        #expect(checkedFile.standardOutput == report)
    }

    /// With --lossy a diff must carry the invalid bytes as read, which a stream's chunks no longer
    /// hold: such a file is read whole, and its diff still turns the file into the output.
    @Test func aLossyDiffOfALargeFileCarriesTheBytesAsRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var bytes = Array(Self.article.utf8)
        bytes.insert(0xFF, at: 150_000)
        _ = try directory.write("bad.txt", bytes)
        let streamed = try WirefixBinary.run(["clean", "--lossy", "bad.txt", "--report", "diff", "--report-file", "out.diff"],
                                             in: directory.url, environment: Self.streaming)
        let whole = try WirefixBinary.run(["clean", "--lossy", "bad.txt", "--report", "diff", "--report-file", "whole.diff"],
                                          in: directory.url)
        #expect(streamed.status == 0)
        let diff = try directory.read("out.diff")
        #expect(diff == (try directory.read("whole.diff")))
        #expect(diff.contains(0xFF))
    }
}
