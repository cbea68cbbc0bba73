import ArgumentParser
import Foundation
import Wirefix

/// `wirefix lexicon lookup NAME`: an entity, its variants and why each matches.
struct LexiconLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show the entity a name belongs to, every variant of it, and why each variant matches.",
        discussion: """
            NAME is an entity id, or a name as it may stand in copy ("God given hair", "delcy \
            rodriguez": compared without case and accents), or a word of a name ("Cabello"). For \
            each entity found, prints its record (aliases, misspellings, own glosses, context \
            words, guards, house style, source, file and line) and every generated variant: the \
            form it comes from, which gloss turned which word (with the gloss's file, line and \
            source), the guard it is held to, and the other entities that share it. Variants \
            that match NAME are marked '*'. Exits with 1 when nothing is found.
            """)

    @Argument(help: "An entity id, a name as it may appear in copy, or a word of a name.")
    var name: String

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A user lexicon directory to load on top of the bundled one (repeatable).", valueName: "directory"),
            completion: .directory)
    var directories: [String] = []

    func run() throws {
        try execute(in: .process)
    }

    /// Prints the entries found.
    ///
    /// - Throws: `ExitCode` 1 when nothing is found, 2 when a lexicon cannot be loaded.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let entries: [LexiconLookup.Entry]
        do throws(CLIError) {
            let workspace = try LexiconWorkspace(userDirectories: directories, includeBundled: true)
            let lookup = LexiconLookup(lexicon: try workspace.load(), words: workspace.words, names: workspace.names)
            entries = lookup.lookup(name)
            let text = entries.isEmpty ? "no entity has a variant or a name word '\(name)'\n" : LexiconLookup.text(of: entries)
            try environment.writeStandardOutput(Array(text.utf8))
        } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
        if entries.isEmpty { throw ExitCode.failure }
    }
}
