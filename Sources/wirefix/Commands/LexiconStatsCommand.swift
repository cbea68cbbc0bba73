import ArgumentParser
import Foundation
import Wirefix

/// `wirefix lexicon stats`: counts entities, variants and glosses.
struct LexiconStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count entities and generated variants by type and country, and glossed name components.",
        discussion: """
            Loads the bundled lexicon and then each given directory on top of it (--no-bundled: \
            only the given ones) and prints: entities, generated variants and calque variants in \
            all; glossed name components (from glosses/ and the entities' own glosses); guarded, \
            ambiguous, house-styled and disabled entities; a table by type and a table by country.
            """)

    @Argument(help: ArgumentHelp("User lexicon directories to load on top of the bundled one.", valueName: "directory"),
              completion: .directory)
    var directories: [String] = []

    @Flag(name: .customLong("no-bundled"), help: "Leave the bundled lexicon out.")
    var noBundled = false

    func run() throws {
        try execute(in: .process)
    }

    /// Prints the statistics.
    ///
    /// - Throws: `ExitCode` 2 when a lexicon cannot be loaded.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        do throws(CLIError) {
            let workspace = try LexiconWorkspace(userDirectories: directories, includeBundled: !noBundled || directories.isEmpty)
            let statistics = LexiconStatistics(lexicon: try workspace.load())
            try environment.writeStandardOutput(Array(statistics.text.utf8))
        } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
    }
}
