import ArgumentParser

/// `wirefix lexicon`: commands for lexicon directories.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Work with lexicon directories.",
        subcommands: [LexiconLintCommand.self, LexiconStatsCommand.self, LexiconLookupCommand.self, LexiconExportCommand.self, LexiconImportCommand.self, LexiconCacheCommand.self])
}
