import ArgumentParser
import Foundation
import Wirefix

/// `wirefix lexicon lint`: validates lexicon directories.
struct LexiconLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check lexicon directories for malformed records.",
        discussion: """
            Prints 'ok: N entities, M glosses' for the lexicon the directories make together and \
            exits with 0, or prints every problem as file:line: message and exits with 2. The \
            format is described in Lexicons/README.md.
            """)

    @Argument(help: ArgumentHelp("The lexicon directories to check; by default the bundled one.", valueName: "directory"),
              completion: .directory)
    var directories: [String] = []

    func run() throws {
        try execute(in: .process)
    }

    /// Lints the directories and prints the verdict to standard output.
    ///
    /// - Throws: `ExitCode` 2 when a directory has problems or the bundled one cannot be found.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let urls: [URL]
        if directories.isEmpty {
            do { urls = [try BundledData.lexiconDirectory()] } catch {
                environment.reportError(error.message)
                throw ExitCode.runtimeFailure
            }
        } else {
            urls = directories.map { URL(fileURLWithPath: $0) }
        }
        let verdict = LexiconLinter.lint(urls)
        do throws(CLIError) { try environment.writeStandardOutput(Array(verdict.text.utf8)) } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
        if case .invalid = verdict { throw ExitCode.runtimeFailure }
    }
}
