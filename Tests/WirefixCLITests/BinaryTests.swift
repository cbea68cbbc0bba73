import Foundation
import Testing
import Wirefix
import WirefixTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The built `wirefix` executable as a user runs it: real standard streams, real bytes, real exit
/// statuses. The texts here are ones no rule changes, so these tests hold whatever rules exist.
@Suite struct BinaryTests {
    @Test(arguments: [
        [UInt8](),
        Array("Plain words without a final newline".utf8),
        Array("Two plain lines\nand a final newline\n".utf8),
        Array("Windows lines\r\nstay as they are\r\n".utf8),
        [0xEF, 0xBB, 0xBF] + Array("A byte-order mark\r\nand CRLF lines\r\n".utf8),
        Array("Trailing spaces   \n\n\n  and blank lines\n".utf8),
    ])
    func standardInputRoundTripsByteForByte(_ input: [UInt8]) throws {
        let result = try WirefixBinary.run(["clean"], input: input)
        #expect(result.status == 0)
        #expect(result.standardOutput == input)
        #expect(result.errorText == "")
    }

    @Test func dashAndFilesConcatenateLikeCat() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("a.txt", "first file\n")
        try directory.write("b.txt", "second file without newline")
        let result = try WirefixBinary.run(["clean", "a.txt", "-", "b.txt"], input: "from standard input\n", in: directory.url)
        #expect(result.status == 0)
        #expect(result.outputText == "first file\nfrom standard input\nsecond file without newline")
    }

    @Test func invalidUTF8OnStandardInput() throws {
        let result = try WirefixBinary.run(["clean"], input: Array("hello".utf8) + [0xFF] + Array(" world\n".utf8))
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.errorText == "wirefix: <stdin>:1:6: invalid UTF-8 at byte offset 5 (use --lossy to replace invalid bytes)\n")
    }

    @Test func lossyOnStandardInput() throws {
        let result = try WirefixBinary.run(["clean", "--lossy", "--report", "json"], input: Array("hello".utf8) + [0xFF] + Array(" world\n".utf8))
        #expect(result.status == 0)
        #expect(result.outputText == "hello\u{FFFD} world\n")
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardError))
        #expect(report.files.first?.totals.replacedInvalidBytes == 1)
        #expect(report.totals.replacedInvalidBytes == 1)
    }

    @Test func binaryAndMissingFilesAreSkippedWithExitStatusTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("data.bin", [0x01, 0x02, 0x00] as [UInt8])
        try directory.write("ok.txt", "fine text\n")
        let result = try WirefixBinary.run(["clean", "--quiet", "data.bin", "nope.txt", "ok.txt"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.outputText == "fine text\n")
        #expect(result.errorText == """
            wirefix: data.bin: binary file (NUL byte at offset 2)
            wirefix: nope.txt: cannot read: No such file or directory

            """)
    }

    @Test func inPlaceOnABadFileLeavesItUntouched() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes: [UInt8] = Array("na".utf8) + [0xEF, 0xBF] + Array("ve\n".utf8)
        try directory.write("bad.txt", bytes)
        let result = try WirefixBinary.run(["clean", "--in-place", "bad.txt"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.errorText == "wirefix: bad.txt:1:3: invalid UTF-8 at byte offset 2 (use --lossy to replace invalid bytes)\n")
        #expect(try directory.read("bad.txt") == bytes)
        #expect(try directory.contents() == ["bad.txt"])
    }

    @Test func usageErrorsExitWith64AndShowUsage() throws {
        let result = try WirefixBinary.run(["clean", "--min-confidence", "3"])
        #expect(result.status == 64)
        #expect(result.errorText.contains("--min-confidence must be between 0 and 1, found 3.0."))
        #expect(result.errorText.contains("Usage: wirefix clean"))
        #expect(try WirefixBinary.run(["frobnicate"]).status == 64)
        #expect(try WirefixBinary.run(["clean", "--report", "yaml"]).status == 64)
    }

    @Test func helpAndVersion() throws {
        for arguments in [["--help"], ["clean", "--help"], ["check", "--help"], ["rules", "--help"], ["lexicon", "lint", "--help"]] {
            let result = try WirefixBinary.run(arguments)
            #expect(result.status == 0, "\(arguments)")
            #expect(result.outputText.contains("USAGE: wirefix"), "\(arguments)")
        }
        let version = try WirefixBinary.run(["--version"])
        #expect(version.outputText == Wirefix.version + "\n")
    }

    @Test func checkOfUnchangeableTextExitsWithZero() throws {
        let result = try WirefixBinary.run(["check"], input: "Nothing here needs fixing.\n")
        #expect(result.status == 0)
        #expect(result.outputText == "1 file, 0 changed: 0 corrections, 0 suggestions, 0 findings\n")
    }

    @Test func checkCountsAChangeThatIsOnlyNFCComposition() throws {
        let result = try WirefixBinary.run(["check"], input: "Delcy Rodri\u{301}guez spoke.\n")
        #expect(result.status == 1)
        #expect(result.outputText.hasSuffix("1 file, 1 changed: 1 correction, 0 suggestions, 0 findings\n"))
    }

    @Test func aBadUserLexiconIsARuntimeError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("lexicon/entities"), withIntermediateDirectories: true)
        let table = directory.path("lexicon/entities/desk.tsv")
        try directory.write("lexicon/entities/desk.tsv", """
            id\ttype\tcanonical\tcountry\tsource
            xx-good\tperson\tAna Example\tVE\thand-made
            xx-bad\tpersn\tBad Example\tVE\thand-made

            """)
        let clean = try WirefixBinary.run(["clean", "--lexicon", directory.path("lexicon")], input: "text\n")
        #expect(clean.status == 2)
        #expect(clean.standardOutput.isEmpty)
        #expect(clean.errorText == "wirefix: \(table):3: column 'type': expected person, organization or place, found 'persn'\n")

        let lint = try WirefixBinary.run(["lexicon", "lint", directory.path("lexicon")])
        #expect(lint.status == 2)
        #expect(lint.outputText == "\(table):3: column 'type': expected person, organization or place, found 'persn'\n")
    }

    @Test func lintOfTheBundledLexicon() throws {
        let result = try WirefixBinary.run(["lexicon", "lint"])
        #expect(result.status == 0)
        #expect(result.outputText == "ok: \(Fixtures.lexicon.entities.count) entities, \(Fixtures.lexicon.glosses.count) glosses\n")
    }

    @Test func rulesListsEveryRegisteredRule() throws {
        let text = try WirefixBinary.run(["rules"])
        #expect(text.status == 0)
        let markdown = try WirefixBinary.run(["rules", "--markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.outputText.hasPrefix("# Wirefix rules\n"))
        for rule in builtInRules {
            #expect(text.outputText.contains("\n\(rule.description.identifier) (") || text.outputText.hasPrefix("\(rule.description.identifier) ("))
            #expect(markdown.outputText.contains("## `\(rule.description.identifier)`: "))
        }
    }

    /// A write that fails for want of space (here: a file-size limit, which fails `write(2)` with
    /// EFBIG like a full disk fails it with ENOSPC) is reported with the path, and the file that
    /// was there before is left as it was, with no temporary file beside it.
    @Test func failedWriteLeavesTheOldFileUntouched() throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let big = String(repeating: "A line of ordinary text that no rule changes.\n", count: 200)
        try directory.write("big.txt", big)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        try directory.write("out/big.txt", "the old copy\n")
        // Ignore SIGXFSZ so that write(2) fails with EFBIG instead of the signal killing the process;
        // `ulimit -f 4` allows files of 4 KiB, and big.txt is 9.2 KB.
        let result = try ExternalProcess.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" clean -o out big.txt", binary],
                                             in: directory.url)
        #expect(result.status == 2)
        #expect(result.errorText == "wirefix: out/big.txt: cannot write: File too large\n")
        #expect(try directory.read("out/big.txt") == Array("the old copy\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("out")) == ["big.txt"])
    }

    /// A write the file system refuses (no permission to create the temporary file in the
    /// directory) is reported with the path and leaves the file as it was. Root may write
    /// anywhere, so as root the test runs `wirefix` as `nobody` with `setpriv`.
    @Test func permissionFailureLeavesTheFileUntouched() throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer {
            chmod(directory.url.path, 0o755)
            directory.remove()
        }
        try directory.write("a.txt", "Ordinary text.\n")
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        try directory.write("out/a.txt", "the old copy\n")
        #expect(chmod(directory.url.path, 0o755) == 0)
        #expect(chmod(directory.path("a.txt"), 0o644) == 0)
        #expect(chmod(directory.path("out/a.txt"), 0o644) == 0)
        let result: ExternalProcess
        if geteuid() == 0 {
            #expect(chmod(directory.path("out"), 0o755) == 0)
            // Nobody cannot write root's lexicon cache either; that has its own warning
            // (ChangingInputTests), so the cache is off here.
            result = try ExternalProcess.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "clean", "-o", "out", "a.txt"],
                                             in: directory.url, environment: ["WIREFIX_CACHE_DIR": "off"])
        } else {
            #expect(chmod(directory.path("out"), 0o555) == 0)
            result = try ExternalProcess.run(binary, ["clean", "-o", "out", "a.txt"], in: directory.url)
        }
        #expect(result.status == 2)
        #expect(result.errorText == "wirefix: out/a.txt: cannot write: Permission denied\n")
        #expect(try directory.read("out/a.txt") == Array("the old copy\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("out")) == ["a.txt"])
    }
}
