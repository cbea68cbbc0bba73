import ArgumentParser
import Foundation
import Wirefix

/// `wirefix lexicon lint`: validates lexicon directories.
struct LexiconLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check lexicon directories for malformed records, ambiguities and unguarded English variants.",
        discussion: """
            Loads the directories in order, each on top of the previous ones (the bundled lexicon \
            when none is given; --bundled puts it under the given ones, as 'clean --lexicon' does), \
            and reports, as file:line: message, \
            every malformed record, duplicate id, text that is not NFC, override of an unknown id, \
            variant that maps to two entities without an 'ambiguous' declaration, calque variant \
            that reads as common English without a context guard, guard that names no variant, and \
            stale ambiguity declaration. Prints 'ok: N entities, M glosses' and exits with 0 when \
            there is nothing to report, or exits with 2. The format is described in \
            Lexicons/README.md.
            """)

    @Argument(help: ArgumentHelp("The lexicon directories to check; by default the bundled one.", valueName: "directory"),
              completion: .directory)
    var directories: [String] = []

    @Flag(help: "Load the bundled lexicon under the given directories, so that their entries are checked against it.")
    var bundled = false

    func run() throws {
        try execute(in: .process)
    }

    /// Lints the directories and prints the verdict to standard output.
    ///
    /// - Throws: `ExitCode` 2 when a directory has problems or the bundled data cannot be found.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let text: String
        let failed: Bool
        do throws(CLIError) {
            let workspace = try LexiconWorkspace(userDirectories: directories, includeBundled: bundled || directories.isEmpty)
            let report = LexiconLinter(words: workspace.words, names: workspace.names).lint(directories: workspace.directories)
            if let lexicon = report.lexicon, report.problems.isEmpty {
                let entities = lexicon.entities.count, glosses = lexicon.glosses.count
                text = "ok: \(entities) entit\(entities == 1 ? "y" : "ies"), \(glosses) gloss\(glosses == 1 ? "" : "es")\n"
                failed = false
            } else {
                text = report.problems.map { $0.description + "\n" }.joined()
                failed = true
            }
            try environment.writeStandardOutput(Array(text.utf8))
        } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
        if failed { throw ExitCode.runtimeFailure }
    }
}
