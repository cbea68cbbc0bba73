import ArgumentParser
import Testing
import Wirefix
import WirefixTestSupport
@testable import wirefix

/// Every command has working help; the root's is the synopsis the README shows.
@Suite struct HelpTests {
    /// The help up to the list of subcommands, exactly; then every subcommand with its abstract
    /// (the list grows as commands are added, so it is checked entry by entry).
    @Test func rootHelp() {
        let help = WirefixCommand.helpMessage(columns: 80)
        #expect(help.hasPrefix("""
            OVERVIEW: Repair the damage machine translation does to names and text in news
            copy.

            Wirefix restores calqued and miscased names, splits glued words, removes
            punctuation debris and repairs encoding damage. It applies a correction only
            when the evidence reaches the confidence threshold and reports the rest as
            suggestions; every change comes with a one-line explanation.

            Exit status:
              0   success ('check': nothing would change)
              1   'check' found something to change
              2   runtime error (unreadable input, invalid UTF-8, a binary file,
                  a bad lexicon, a failed write)
              64  usage error (an unknown option or subcommand, an invalid value,
                  'help' with an unknown subcommand)

            'wirefix' alone prints this help and exits with 0; to clean standard input, say
            'wirefix clean'.

            USAGE: wirefix <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              clean                   Repair the text of each file and write the result.
              check                   Report what clean would change, without changing
                                      anything.
              rules                   List the rules, in the order they run, with their
                                      examples.
              lexicon                 Work with lexicon directories.

            """))
        #expect(help.hasSuffix("\n  See 'wirefix help <subcommand>' for detailed help."))
        for command in WirefixCommand.configuration.subcommands {
            #expect(help.contains("\n  \(command.configuration.commandName ?? "")  "), "\(command) is not listed")
        }
    }

    @Test func helpForAnUnknownSubcommandIsAUsageError() {
        #expect(WirefixCommand.unknownHelpTopic(in: ["help", "bogus"]) == "'bogus' is not a wirefix subcommand; 'wirefix --help' lists them.")
        #expect(WirefixCommand.unknownHelpTopic(in: ["help", "lexicon", "fix"]) == "'fix' is not a wirefix lexicon subcommand; 'wirefix lexicon --help' lists them.")
        #expect(WirefixCommand.unknownHelpTopic(in: ["help", "rules", "extra"]) == "'wirefix rules' has no subcommands; 'wirefix help rules' describes it.")
        for known in [["help"], ["help", "clean"], ["help", "lexicon", "lint"], ["help", "-h", "check"], ["clean", "help"], []] {
            #expect(WirefixCommand.unknownHelpTopic(in: known) == nil, "\(known)")
        }
    }

    static let subcommands: [(ParsableCommand.Type, String, [String])] = [
        (CleanCommand.self, "USAGE: wirefix clean", ["--min-confidence <confidence>", "--lexicon <directory>", "--keep-unaccented",
                                                     "--disable <rule>", "--lossy", "-o, --output-directory <directory>",
                                                     "--in-place", "--report <report>", "--report-file <path>"]),
        (CheckCommand.self, "USAGE: wirefix check", ["--min-confidence <confidence>", "--report <report>", "--lossy"]),
        (RulesCommand.self, "USAGE: wirefix rules [--markdown]", ["--markdown"]),
        (LexiconCommand.self, "USAGE: wirefix lexicon <subcommand>", ["lint"]),
        (LexiconLintCommand.self, "USAGE: wirefix lexicon lint [<directory> ...]", ["ok: N entities, M glosses"]),
    ]

    @Test(arguments: subcommands.indices)
    func subcommandHelp(_ index: Int) {
        let (command, usage, mentions) = Self.subcommands[index]
        let help = WirefixCommand.helpMessage(for: command, columns: 200)
        #expect(help.hasPrefix("OVERVIEW: "))
        #expect(help.contains(usage))
        for mention in mentions { #expect(help.contains(mention), "\(usage) help lacks \(mention)") }
    }

    @Test(arguments: [["--help"], ["clean", "--help"], ["check", "-h"], ["help", "rules"], ["lexicon", "lint", "--help"], ["--version"]])
    func helpRequestsExitWithZero(_ arguments: [String]) {
        do {
            // A help request either throws while parsing or parses into argument-parser's own
            // help command, whose run() throws the request.
            var command = try WirefixCommand.parseAsRoot(arguments)
            if command is CleanCommand || command is CheckCommand || command is RulesCommand || command is LexiconLintCommand {
                Issue.record("\(arguments) parsed as \(type(of: command)) instead of asking for help")
                return
            }
            try command.run()
            Issue.record("\(arguments) ran without asking for help")
        } catch {
            #expect(WirefixCommand.exitCode(for: error).rawValue == 0)
            #expect(!WirefixCommand.fullMessage(for: error, columns: 80).isEmpty)
        }
    }

    @Test func versionIsTheLibrarysVersion() {
        #expect(WirefixCommand.configuration.version == Wirefix.version)
    }
}

/// `wirefix help <unknown>` and `wirefix` alone, as a user runs them.
@Suite struct RootCommandTests {
    @Test func helpForAnUnknownSubcommandExitsWith64() throws {
        let result = try WirefixBinary.run(["help", "bogus"])
        #expect(result.status == 64)
        #expect(result.outputText == "")
        #expect(result.errorText.hasPrefix("Error: 'bogus' is not a wirefix subcommand; 'wirefix --help' lists them.\n"))
        #expect(try WirefixBinary.run(["help", "lexicon", "fix"]).status == 64)
        #expect(try WirefixBinary.run(["help", "lexicon", "lint"]).status == 0)
    }

    @Test func noSubcommandPrintsTheHelpAndExitsWithZero() throws {
        let result = try WirefixBinary.run([])
        #expect(result.status == 0)
        #expect(result.outputText.hasPrefix("OVERVIEW: Repair the damage"))
        #expect(result.outputText.contains("'wirefix' alone prints this help"))
    }
}
