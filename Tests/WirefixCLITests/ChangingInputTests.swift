import Foundation
import Testing
import Wirefix
import WirefixTestSupport
@testable import wirefix

#if canImport(Glibc)
import Glibc
#endif

/// Outputs that are no regular file, and inputs that change while they are read (the second
/// review's finds).
@Suite struct ChangingInputTests {
    /// A file cleaned as a stream is read twice, validated then cleaned: when the second reading
    /// differs (a file written to meanwhile: the review appended invalid bytes, and truncated the
    /// file, during a run), the stream fails instead of repairing the new invalid bytes or
    /// writing a cut text. The validation is replaced by one that saw the 38 bytes of a valid
    /// text, so the change is certain.
    @Test(arguments: [("Deputy Rander Pena spoke.\n\nThe end.\n", "changed while being read (invalid UTF-8 at byte offset 10 after it was validated)"),
                      ("Deputy Rander", "changed while being read (38 bytes validated, 13 read)")])
    func aSecondReadingThatDiffersFails(_ second: String, _ message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var bytes = Array(second.utf8)
        if message.contains("invalid") { bytes[10] = 0xFF }
        _ = try directory.write("notes.txt", bytes)
        #expect(Array("Deputy Rander Pena spoke.\n\nThe end.\n\n\n".utf8).count == 38)
        var written: [UInt8] = []
        #expect(throws: CLIError("notes.txt: \(message); nothing was written for it")) {
            _ = try FileCleaner.stream(path: "notes.txt", source: directory.path("notes.txt"), lossy: false, cleaner: { bytes, history in
                (CorrectionResult(originalUTF8: bytes, correctedUTF8: bytes, corrections: [], suggestions: [], findings: []), history)
            }, validate: { (_, _) throws(CLIError) in 38 }) { (bytes) throws(CLIError) in written += bytes }
        }
        // With the real validation, the same file fails before anything is read for the output
        // (the invalid one), or is cleaned whole (the short one).
        let validated = Result { () throws(CLIError) in try FileCleaner.validate(path: "notes.txt", source: directory.path("notes.txt")) }
        if message.contains("invalid") {
            #expect(throws: CLIError.self) { try validated.get() }
        } else {
            #expect(try validated.get() == 13)
        }
    }

    /// `--report-file` naming a device, a link to one, or a named pipe writes into it: the
    /// review found `/dev/null` and `/dev/stdout` replaced by regular files (renamed over, as a
    /// regular file is replaced), run as root.
    @Test func aReportFileThatIsNoRegularFileIsWrittenInPlace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("a.txt", "Deputy God given hair spoke.\n")
        #expect(symlink("/dev/null", directory.path("null-link")) == 0)
        let linked = try WirefixBinary.run(["clean", "a.txt", "--report", "json", "--report-file", "null-link"], in: directory.url)
        #expect(linked.status == 0)
        var info = stat()
        #expect(lstat(directory.path("null-link"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        // A named pipe: the report goes to its reader.
        let fifo = directory.path("report.pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received: [UInt8] = []
        let reader = Thread {
            guard let handle = FileHandle(forReadingAtPath: fifo) else { return }
            received = Array(handle.readDataToEndOfFile())
        }
        reader.start()
        let piped = try WirefixBinary.run(["clean", "a.txt", "--report", "text", "--report-file", "report.pipe"], in: directory.url)
        #expect(piped.status == 0)
        while reader.isExecuting { usleep(10_000) }
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("a.txt:1:8: calque_names: \"God given hair\" → \"Diosdado Cabello\""))
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// `synthesize` writes with FileHandle and print, which trap on EPIPE: it keeps SIGPIPE's
    /// default, ending with 141 when its reader is gone (the review found it crashing with 132
    /// once SIGPIPE was ignored for every command).
    @Test func synthesizeStillEndsBySIGPIPE() throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try ExternalProcess.run("/bin/bash", ["-c", "\"$0\" synthesize --megabytes 0.2 s.txt | true; echo \"${PIPESTATUS[0]}\"", binary],
                                             in: directory.url)
        #expect(result.outputText == "141\n")
    }

    /// Cache images get the mode a new file gets under the umask (the review found them forced
    /// to 0644: a private lexicon's image world-readable in a shared cache directory).
    /// A cache directory that cannot be written made every run compile the lexicon again, in
    /// seconds for a large one, without a word. Now each command that builds a corrector says so
    /// once on standard error, and still cleans.
    @Test func aCacheThatCannotBeWrittenIsWarnedAbout() throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data("not a directory".utf8).write(to: URL(fileURLWithPath: directory.path("cache")))
        try Data("Delcy rodriguez spoke.\n".utf8).write(to: URL(fileURLWithPath: directory.path("in.txt")))
        for command in ["clean", "check"] {
            let result = try ExternalProcess.run(binary, [command, "in.txt"], in: directory.url,
                                                 environment: ["WIREFIX_CACHE_DIR": directory.path("cache")])
            #expect(result.status == (command == "clean" ? 0 : 1), "\(command)")
            if command == "clean" { #expect(result.outputText == "Delcy Rodríguez spoke.\n") }
            let warnings = result.errorText.split(separator: "\n").filter { $0.hasPrefix("wirefix: warning: ") }
            #expect(warnings.count == 1, "\(command): \(result.errorText)")
            #expect(warnings.first?.contains("the compiled lexicon cannot be cached (cannot write \(directory.path("cache"))/lexicon-") == true)
            #expect(warnings.first?.contains(".wfx: Not a directory), so every run parses and compiles it again (") == true)
        }
        // Off on purpose: silent.
        let off = try ExternalProcess.run(binary, ["clean", "in.txt"], in: directory.url, environment: ["WIREFIX_CACHE_DIR": "off"])
        #expect(off.status == 0)
        #expect(off.errorText == "")
    }

    @Test func cacheImagesFollowTheUmask() throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try ExternalProcess.run("/bin/sh", ["-c", "umask 077; exec \"$0\" lexicon cache", binary], in: directory.url,
                                             environment: ["WIREFIX_CACHE_DIR": directory.path("cache")])
        #expect(result.status == 0)
        let images = try FileManager.default.contentsOfDirectory(atPath: directory.path("cache")).filter { $0.hasSuffix(".wfx") }
        #expect(!images.isEmpty)
        for image in images {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: directory.path("cache/" + image))[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(image)")
        }
    }
}
