import Foundation

/// Runs a program to completion with given standard input bytes, for tests that check real
/// bytes through real tools (`patch`, `git apply`, the built `wirefix` binary).
///
/// Standard input, output and error go through temporary files, so a large output cannot fill a
/// pipe and block the child.
public struct ExternalProcess: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended the process.
    public var status: Int32
    /// Everything the process wrote to standard output.
    public var standardOutput: [UInt8]
    /// Everything the process wrote to standard error.
    public var standardError: [UInt8]

    /// Standard output decoded as UTF-8 (invalid bytes replaced).
    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error decoded as UTF-8 (invalid bytes replaced).
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }

    /// Runs `executable` with `arguments`.
    ///
    /// - Parameters:
    ///   - executable: an absolute path, or a name looked up in `/usr/bin` and `/bin`.
    ///   - arguments: the arguments, without the program name.
    ///   - input: bytes for standard input (empty by default).
    ///   - directory: the working directory; the current one when `nil`.
    ///   - environment: extra environment variables, added to this process's environment.
    /// - Throws: when the program cannot be started or the temporary files cannot be made.
    public static func run(_ executable: String, _ arguments: [String], input: [UInt8] = [], in directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> ExternalProcess {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputURL = scratch.appendingPathComponent("stdin")
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        try Data(input).write(to: inputURL)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: resolve(executable))
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let stdin = try FileHandle(forReadingFrom: inputURL)
        let stdout = try FileHandle(forWritingTo: outputURL)
        let stderr = try FileHandle(forWritingTo: errorURL)
        defer { try? stdin.close(); try? stdout.close(); try? stderr.close() }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ExternalProcess(status: status, standardOutput: [UInt8](try Data(contentsOf: outputURL)),
                               standardError: [UInt8](try Data(contentsOf: errorURL)))
    }

    /// The path of a program: itself when it contains a slash, else the first of `/usr/bin`,
    /// `/bin`, `/usr/local/bin` that has it.
    static func resolve(_ name: String) -> String {
        if name.contains("/") { return name }
        for directory in ["/usr/bin", "/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        return "/usr/bin/\(name)"
    }
}
