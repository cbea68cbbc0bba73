import ArgumentParser
import Wirefix

/// The `wirefix` command: the root of the subcommands.
@main
struct WirefixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirefix",
        abstract: "Repair the damage machine translation does to names and text in news copy.",
        discussion: """
            Wirefix restores calqued and miscased names, splits glued words, removes punctuation \
            debris and repairs encoding damage. It applies a correction only when the evidence \
            reaches the confidence threshold and reports the rest as suggestions; every change \
            comes with a one-line explanation.

            Exit status:
              0   success ('check': nothing would change)
              1   'check' found something to change
              2   runtime error (unreadable input, invalid UTF-8, a binary file,
                  a bad lexicon, a failed write)
              64  usage error (an unknown option or subcommand, an invalid value)
            """,
        version: Wirefix.version,
        subcommands: [CleanCommand.self, CheckCommand.self, RulesCommand.self, LexiconCommand.self, EvalCommand.self])
}
