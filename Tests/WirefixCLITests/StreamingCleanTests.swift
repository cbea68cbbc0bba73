import Foundation
import Testing
import WirefixTestSupport
@testable import wirefix

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

    /// A JSON Lines record longer than the streaming threshold is cleaned chunk by chunk
    /// (review 16: a 104 MB record took 1.9 GB), with the same output as when cleaned whole:
    /// the text, and every correction with its offsets into the decoded text.
    @Test func aLongJSONLinesRecordIsCleanedAsAStreamWithTheSameOutput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var input: [UInt8] = []
        for (index, text) in [Self.article, "teh short one", String(Self.article.dropFirst().prefix(90_000))].enumerated() {
            var line: [UInt8] = []
            JSONLineScanner.encodeString(text, asciiOnly: index == 1, into: &line)
            input += Array("{\"id\":\(index),\"text\":".utf8) + line + Array("}\n".utf8)
        }
        let streamed = try WirefixBinary.run(["clean", "--jsonl"], input: input, in: directory.url,
                                             environment: ["WIREFIX_STREAMING_THRESHOLD": "1"])
        let whole = try WirefixBinary.run(["clean", "--jsonl"], input: input, in: directory.url,
                                          environment: ["WIREFIX_STREAMING_THRESHOLD": "100000000"])
        #expect(streamed.status == 0 && whole.status == 0)
        #expect(streamed.standardOutput == whole.standardOutput)
        #expect(streamed.outputText.components(separatedBy: "\"replacement\":\"Diosdado Cabello\"").count > 100)
    }

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

    /// The article with an invalid byte (FF) inserted late, at `offset`.
    static let offset = 150_000
    static let badArticle: [UInt8] = {
        var bytes = Array(article.utf8)
        bytes.insert(0xFF, at: offset)
        return bytes
    }()

    @Test func invalidUTF8LateInAStreamedFileFailsBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes = Self.badArticle, offset = Self.offset
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

    /// Runs `wirefix arguments` through `sh` with standard input from `file` in `directory`,
    /// piped (`cat file |`, then kept in a temporary copy when long) or redirected (`< file`,
    /// then read in place); standard output and error go to files read back.
    static func run(_ arguments: [String], standardInputFrom file: String, piped: Bool, in directory: TemporaryDirectory,
                    environment: [String: String]) throws -> (status: Int32, output: [UInt8], error: String) {
        let binary = try #require(WirefixBinary.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let script = piped ? "f=$1; shift; cat \"$f\" | \"$0\" \"$@\" > stdout.bin 2> stderr.txt"
                           : "f=$1; shift; \"$0\" \"$@\" < \"$f\" > stdout.bin 2> stderr.txt"
        process.arguments = ["-c", script + "; echo $? > status.txt", binary, file] + arguments
        process.currentDirectoryURL = directory.url
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        try process.run()
        process.waitUntilExit()
        let status = Int32(String(decoding: try directory.read("status.txt"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        return (status, try directory.read("stdout.bin"), String(decoding: try directory.read("stderr.txt"), as: UTF8.self))
    }

    /// Standard input as long as a large file is streamed, piped in (from a temporary copy) or
    /// redirected from a file (in place): the same output and report as the same bytes read
    /// whole, and no temporary file left behind. (Before, standard input was read whole: 40 MB
    /// took 397 MB of memory.)
    @Test(arguments: [true, false])
    func longStandardInputIsStreamedWithTheSameOutputAndReport(piped: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("big.txt", Self.article)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        let whole = try WirefixBinary.run(["clean", "--report", "json", "--report-file", "whole.json"], input: Array(Self.article.utf8),
                                          in: directory.url, environment: ["WIREFIX_STREAMING_THRESHOLD": "100000000"])
        var environment = Self.streaming
        environment["TMPDIR"] = directory.url.appendingPathComponent("tmp").path
        let streamed = try Self.run(["clean", "--report", "json", "--report-file", "streamed.json"], standardInputFrom: "big.txt",
                                    piped: piped, in: directory, environment: environment)
        #expect(whole.status == 0)
        #expect(streamed.status == 0)
        #expect(streamed.output.count > 190_000)
        #expect(streamed.output == whole.standardOutput)
        #expect(String(decoding: streamed.output, as: UTF8.self).hasPrefix("\u{FEFF}Deputy Diosdado Cabello chaired"))
        #expect(try directory.read("streamed.json") == directory.read("whole.json"))
        #expect(String(decoding: try directory.read("streamed.json"), as: UTF8.self).contains("\"path\" : \"-\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: environment["TMPDIR"]!) == [])
    }

    /// Invalid UTF-8 late in a long standard input: the error names `<stdin>` and the place, as
    /// for a short one, and nothing is written.
    @Test(arguments: [true, false])
    func invalidUTF8LateInLongStandardInputFailsBeforeAnythingIsWritten(piped: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes = Self.badArticle, offset = Self.offset
        _ = try directory.write("bad.txt", bytes)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        var environment = Self.streaming
        environment["TMPDIR"] = directory.url.appendingPathComponent("tmp").path
        let streamed = try Self.run(["clean"], standardInputFrom: "bad.txt", piped: piped, in: directory, environment: environment)
        let whole = try WirefixBinary.run(["clean"], input: bytes, in: directory.url, environment: ["WIREFIX_STREAMING_THRESHOLD": "100000000"])
        #expect(streamed.status == 2)
        #expect(streamed.output.isEmpty)
        let lines = bytes[..<offset].split(separator: 0x0A, omittingEmptySubsequences: false)
        let column = String(decoding: lines.last ?? [], as: UTF8.self).unicodeScalars.count + 1
        #expect(streamed.error.contains("<stdin>:\(lines.count):\(column): invalid UTF-8 at byte offset \(offset)"))
        #expect(streamed.error == whole.errorText)
        #expect(try FileManager.default.contentsOfDirectory(atPath: environment["TMPDIR"]!) == [])
    }

    /// Long piped-in standard input and no temporary directory to keep it in: a clear error
    /// naming the directory, nothing written.
    @Test func longStandardInputWithoutATemporaryDirectoryFailsClearly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("big.txt", Self.article)
        var environment = Self.streaming
        environment["TMPDIR"] = directory.url.appendingPathComponent("missing").path
        let result = try Self.run(["clean"], standardInputFrom: "big.txt", piped: true, in: directory, environment: environment)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error == "wirefix: <stdin>: cannot keep standard input in a temporary file in \(environment["TMPDIR"]!): No such file or directory\n")
        // Redirected from the file, it needs no copy; its cleaned text, on its way to standard
        // output, needs the directory too.
        let redirected = try Self.run(["clean"], standardInputFrom: "big.txt", piped: false, in: directory, environment: environment)
        #expect(redirected.status == 2)
        #expect(redirected.error == "wirefix: <stdin>: cannot create a temporary file in \(environment["TMPDIR"]!): No such file or directory\n")
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
        _ = try directory.write("bad.txt", Self.badArticle)
        let streamed = try WirefixBinary.run(["clean", "--lossy", "bad.txt", "--report", "diff", "--report-file", "out.diff"],
                                             in: directory.url, environment: Self.streaming)
        let whole = try WirefixBinary.run(["clean", "--lossy", "bad.txt", "--report", "diff", "--report-file", "whole.diff"],
                                          in: directory.url)
        #expect(streamed.status == 0)
        let diff = try directory.read("out.diff")
        #expect(diff == (try directory.read("whole.diff")))
        #expect(diff.contains(0xFF))
    }

    /// Standard input redirected from a regular file (`< big.txt`) is read in place, not copied:
    /// with no temporary directory at all, `check` of it works, where piped-in input fails.
    @Test func standardInputFromARegularFileIsReadInPlace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("big.txt", Self.article)
        let environment = ["WIREFIX_STREAMING_THRESHOLD": "1", "TMPDIR": directory.path("missing")]
        let redirected = try Self.run(["check", "--report", "json", "-"], standardInputFrom: "big.txt", piped: false,
                                      in: directory, environment: environment)
        #expect(redirected.status == 1)
        let whole = try WirefixBinary.run(["check", "--report", "json", "-"], input: Array(Self.article.utf8), in: directory.url,
                                          environment: ["WIREFIX_STREAMING_THRESHOLD": "100000000"])
        #expect(redirected.output == whole.standardOutput)
        #expect(String(decoding: redirected.output, as: UTF8.self).contains("\"path\" : \"-\""))
        let piped = try Self.run(["check", "--report", "json", "-"], standardInputFrom: "big.txt", piped: true,
                                 in: directory, environment: environment)
        #expect(piped.status == 2)
        // Standard input opened for writing only (`0>>big.txt`) is not read, long or short (the
        // review found a long one read through /dev/fd).
        for threshold in ["1", "100000000"] {
            let writeOnly = try ExternalProcess.run("/bin/sh", ["-c", "exec \"$0\" check - 0>>big.txt", try #require(WirefixBinary.path)],
                                                    in: directory.url, environment: ["WIREFIX_STREAMING_THRESHOLD": threshold])
            #expect(writeOnly.status == 2)
            #expect(writeOnly.errorText.hasPrefix("wirefix: <stdin>: cannot read: Bad file descriptor"), "threshold \(threshold)")
        }
    }

    /// Standard input named twice with two jobs: the first read takes it all and the second finds
    /// it empty, as with one job (the review found the two workers reading it at once: false
    /// "invalid UTF-8" errors, and with --lossy scrambled output).
    @Test(arguments: [true, false])
    func standardInputNamedTwiceIsReadOnce(piped: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("big.txt", Self.article)
        let expected = try WirefixBinary.run(["clean", "big.txt"], in: directory.url).standardOutput
        for threshold in ["1", "100000000"] {
            let result = try Self.run(["clean", "--jobs", "2", "--lossy", "-", "-"], standardInputFrom: "big.txt", piped: piped, in: directory,
                                      environment: ["WIREFIX_STREAMING_THRESHOLD": threshold, "WIREFIX_STREAMING_BLOCK_BYTES": "4093"])
            #expect(result.status == 0)
            #expect(result.output == expected, "threshold \(threshold)")
        }
    }
}
