import Foundation
import Testing
import WirefixTestSupport

/// The built `wirefix` executable, found next to the test bundle, run as a real process.
enum WirefixBinary {
    /// The executable's path: in the products directory, which holds the `.xctest` bundle.
    static let path: String? = {
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for directory in directories {
            let candidate = directory.appendingPathComponent("wirefix").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs `wirefix` with the arguments and standard input.
    static func run(_ arguments: [String], input: [UInt8] = [], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> ExternalProcess {
        let binary = try #require(path, "the wirefix executable is not next to the test bundle; build it with swift build")
        return try ExternalProcess.run(binary, arguments, input: input, in: directory, environment: environment)
    }

    /// Runs `wirefix` with text on standard input.
    static func run(_ arguments: [String], input: String, in directory: URL? = nil) throws -> ExternalProcess {
        try run(arguments, input: Array(input.utf8), in: directory)
    }
}
