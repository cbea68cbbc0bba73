import ArgumentParser
import Foundation
import Testing
import Wirefix
import WirefixTestSupport
@testable import wirefix

/// Collects what a command writes, for in-process tests.
final class CapturedStreams: @unchecked Sendable {
    var standardOutput: [UInt8] = []
    var standardError = ""
    /// When set, writes to standard error fail with this reason (like `2>/dev/full`).
    var standardErrorFailure: String?
    /// When set, writes to standard output fail with this reason (like `>/dev/full`), and are counted.
    var standardOutputFailure: String?
    var failedStandardOutputWrites = 0
    /// The options the last corrector was built with.
    var correctorOptions: Corrector.Options?

    var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
}

extension CommandEnvironment {
    /// An environment whose standard input holds `input`, whose output is captured, and whose
    /// corrector is the test pipeline (``TestTypoRule``, ``TestWeakRule``, ``TestFindingRule``)
    /// with the threshold the command asked for.
    static func testing(input: [UInt8] = [], capture: CapturedStreams) -> CommandEnvironment {
        CommandEnvironment(
            readStandardInput: { () throws(CLIError) in input },
            writeStandardOutput: { (bytes) throws(CLIError) in
                if let reason = capture.standardOutputFailure {
                    capture.failedStandardOutputWrites += 1
                    throw CLIError("standard output: cannot write: \(reason)")
                }
                capture.standardOutput += bytes
            },
            writeStandardError: { (bytes) throws(CLIError) in
                if let reason = capture.standardErrorFailure { throw CLIError("standard error: cannot write: \(reason)") }
                capture.standardError += String(decoding: bytes, as: UTF8.self)
            },
            makeCorrector: { options in
                capture.correctorOptions = options
                let pipeline = TestRuleSupport.pipeline(threshold: options.applyThreshold)
                return CorrectText({ pipeline.run($0) }, chunk: { pipeline.run(utf8: $0, after: $1) })
            })
    }
}

extension CommandEnvironment {
    /// Like ``testing(input:capture:)`` but with the real rules and bundled lexicons (the shared
    /// corrector, built once; default options).
    static func bundled(input: [UInt8] = [], capture: CapturedStreams) -> CommandEnvironment {
        var environment = testing(input: input, capture: capture)
        environment.makeCorrector = { options in
            capture.correctorOptions = options
            let corrector = Fixtures.corrector
            return CorrectText({ corrector.correct($0) }, chunk: { corrector.pipeline.run(utf8: $0, after: $1) })
        }
        return environment
    }
}

/// A fresh directory under the system's temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes bytes to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    /// Writes UTF-8 text to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    /// The bytes of `name`.
    func read(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url.appendingPathComponent(name))) }

    /// The names in the directory, sorted (hidden files included).
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Parses a command line as `wirefix` would and runs it in-process.
///
/// - Parameter configure: changes the test environment before the run (e.g. to pretend that
///   standard error is a terminal).
/// - Returns: the exit code: 0 on success, else the code of the error thrown.
func runInProcess(_ arguments: [String], input: [UInt8] = [], capture: CapturedStreams,
                  configure: (inout CommandEnvironment) -> Void = { _ in }) throws -> Int32 {
    let command = try WirefixCommand.parseAsRoot(arguments)
    var environment = CommandEnvironment.testing(input: input, capture: capture)
    configure(&environment)
    do throws(ExitCode) {
        switch command {
        case let clean as CleanCommand: try clean.execute(in: environment)
        case let check as CheckCommand: try check.execute(in: environment)
        case let rules as RulesCommand: try rules.execute(in: environment)
        case let lint as LexiconLintCommand: try lint.execute(in: environment)
        default: Issue.record("unexpected command \(type(of: command))")
        }
    } catch {
        return error.rawValue
    }
    return 0
}
