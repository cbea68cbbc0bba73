import Foundation
import Testing
import WirefixTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM, SIGINT or SIGHUP while `clean` writes a file atomically: the half-written temporary
/// file beside the target is removed and the command exits with 128 + the signal number (the
/// second review found `.NAME.wirefix-XXXXXX` files left behind by `clean` and `check`).
@Suite struct CleanSignalTests {
    static let paragraph = "Deputy God given hair chaired the session, and Rander Pena spoke after him.\n\n"

    /// Starts `wirefix clean big.txt -o out` on `copies` paragraphs, through `sh -c` with
    /// `shellPrefix` before the `exec`, streamed in small blocks so that the temporary file
    /// exists for a while; returns once that file exists (or the run has ended).
    func startCleaning(_ copies: Int, in directory: TemporaryDirectory, shellPrefix: String = "") throws -> Process {
        let binary = try #require(WirefixBinary.path)
        _ = try directory.write("big.txt", String(repeating: Self.paragraph, count: copies))
        try FileManager.default.createDirectory(atPath: directory.path("out"), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(shellPrefix) exec \"$0\" clean big.txt -o out", binary]
        process.currentDirectoryURL = directory.url
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["WIREFIX_STREAMING_THRESHOLD": "1", "WIREFIX_STREAMING_BLOCK_BYTES": "4096"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (up to two minutes on a loaded machine) until the temporary file exists.
        var seen: [String] = []
        for _ in 0..<6000 {
            seen = try FileManager.default.contentsOfDirectory(atPath: directory.path("out"))
            if seen.contains(where: { $0.hasPrefix(".big.txt.wirefix-") }) || !process.isRunning { break }
            usleep(20_000)
        }
        #expect(seen.contains { $0.hasPrefix(".big.txt.wirefix-") }, "\(seen)")
        return process
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalRemovesTheTemporaryOutputFile(signalNumber: Int32) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let process = try startCleaning(110_000, in: directory)  // 8.6 MB
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signalNumber)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("out")) == [])
    }

    /// A signal ignored when the command starts stays ignored (`nohup`, `trap '' TERM`): the run
    /// goes on to the end (the third review found such runs stopped with status 143).
    @Test func aSignalIgnoredByTheCallerStaysIgnored() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let process = try startCleaning(40_000, in: directory, shellPrefix: "trap '' TERM;")  // 3.1 MB
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let cleaned = String(decoding: try directory.read("out/big.txt"), as: UTF8.self)
        #expect(cleaned == String(repeating: "Deputy Diosdado Cabello chaired the session, and Rander Peña spoke after him.\n\n", count: 40_000))
    }

    /// Signals at varying moments of an in-place batch on two workers: no temporary file is left
    /// and every file is whole. (The third review found a leftover in a quarter of such runs over
    /// 3,000 files: a worker created its file after the clean-up had taken the list. That window is
    /// now closed by design, files being created and listed under the list's lock and none after
    /// the clean-up, see `PendingFiles.closeAndRemoveAll()`; this test is too short to hit the old
    /// window reliably, and checks the outcome.)
    @Test func noTemporaryFileOutlivesTheCleanUp() throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var leftovers: [String] = []
        var stopped = 0
        for run in 0..<8 {
            for index in 0..<600 { try directory.writeCreating("t/f\(index).txt", "Deputy God given hair spoke (\(index)).\n") }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["clean", "--quiet", "--in-place", "--jobs", "2", "t"]
            process.currentDirectoryURL = directory.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(150_000 + 60_000 * run))
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            if process.terminationStatus == 128 + SIGTERM { stopped += 1 }
            leftovers += try FileManager.default.contentsOfDirectory(atPath: directory.path("t")).filter { $0.hasPrefix(".") }
            // Every file is whole: the original or the cleaned text.
            for index in 0..<600 {
                let text = String(decoding: try directory.read("t/f\(index).txt"), as: UTF8.self)
                #expect(text == "Deputy God given hair spoke (\(index)).\n" || text == "Deputy Diosdado Cabello spoke (\(index)).\n")
            }
        }
        #expect(leftovers == [])
        #expect(stopped > 0, "no run was still going when the signal came")
    }

    /// Standard output's reader goes away (`wirefix clean big.txt | head`): the command ends by
    /// SIGPIPE as before (the shell reports 141 and nothing is printed), but first removes the
    /// temporary files in `$TMPDIR`: the cleaned copy of a large file waiting for standard output
    /// (left behind before, 40 MB for a 40 MB file), and a long standard input's copy. A caller
    /// that ignores SIGPIPE gets the write error instead (status 2), as before.
    @Test(arguments: ["\"$0\" clean big.txt", "cat big.txt | \"$0\" clean", "\"$0\" check --report diff big.txt"])
    func aClosedPipeRemovesTheTemporaryFiles(_ command: String) throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("big.txt", String(repeating: Self.paragraph, count: 40_000))  // 3.1 MB
        try FileManager.default.createDirectory(atPath: directory.path("tmp"), withIntermediateDirectories: true)
        func run(_ prefix: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "\(prefix) \(command) | head -c 100 > /dev/null; echo \"${PIPESTATUS[@]}\"", binary]
            process.currentDirectoryURL = directory.url
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["WIREFIX_STREAMING_THRESHOLD": "1", "TMPDIR": directory.path("tmp")]) { $1 }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let status = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return status.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let statuses = try run("").split(separator: " ")
        #expect(statuses.last == "0")
        #expect(statuses.dropLast().last == "141")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("tmp")) == [])
        let ignored = try run("trap '' PIPE;").split(separator: " ")
        #expect(ignored.dropLast().last == "2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("tmp")) == [])
    }
}
