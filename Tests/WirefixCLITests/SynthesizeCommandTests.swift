import Foundation
import Testing
import WirefixTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `wirefix synthesize` as a user runs it: sizes it refuses, and no temporary file left behind
/// after an error or a signal.
@Suite struct SynthesizeCommandTests {
    /// Sizes that are not a size, or would fill any disk, are usage errors (exit 64) and create
    /// nothing.
    @Test(arguments: [
        ("1e12", "--megabytes must be at most 10000 (10 GB), found 1000000000000.0."),
        ("10000.5", "--megabytes must be at most 10000 (10 GB), found 10000.5."),
        ("0", "--megabytes must be positive, found 0.0."),
        ("-3", "--megabytes must be positive, found -3.0."),
        ("nan", "--megabytes must be positive, found nan."),
        ("inf", "--megabytes must be positive, found inf."),
    ])
    func absurdSizesAreUsageErrors(size: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try WirefixBinary.run(["synthesize", "--megabytes=\(size)", "out.txt"], in: directory.url)
        #expect(result.status == 64)
        #expect(result.errorText.hasPrefix("Error: \(message)\n"), "\(result.errorText)")
        #expect(try directory.contents().isEmpty)
    }

    /// A write that fails (a file-size limit, as a full disk would) removes both temporary
    /// files and leaves no output.
    @Test func aFailedWriteLeavesNoTemporaryFile() throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Files of at most 64 KiB; the corpus asked for is 2 MB.
        let result = try ExternalProcess.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" synthesize --megabytes 2 out.txt", binary],
                                             in: directory.url)
        #expect(result.status == 2)
        #expect(result.errorText.contains("out.txt: cannot write the file"), "\(result.errorText)")
        #expect(try directory.contents().isEmpty)
    }

    /// SIGTERM, SIGINT or SIGHUP while the corpus is written: the temporary files are removed and
    /// the command exits with 128 + the signal number.
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalRemovesTheTemporaryFiles(signalNumber: Int32) throws {
        let binary = try #require(WirefixBinary.path)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["synthesize", "--megabytes", "5000", "out.txt"]
        process.currentDirectoryURL = directory.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (up to two minutes on a loaded machine) until both temporary files exist.
        var seen: [String] = []
        for _ in 0..<1200 {
            seen = try directory.contents()
            if seen.filter({ $0.hasSuffix(".tmp") }).count == 2 { break }
            usleep(100_000)
        }
        #expect(seen.filter { $0.hasSuffix(".tmp") }.count == 2, "\(seen)")
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signalNumber)
        #expect(try directory.contents().isEmpty)
    }
}
