import ArgumentParser
import Wirefix

/// The `wirefix` command: the root of the subcommands.
///
/// With no subcommand it prints its help and exits with 0 (there is no default subcommand:
/// `wirefix clean` reads standard input, and a mistyped subcommand stays a usage error instead of
/// being taken for a file name).
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
              64  usage error (an unknown option or subcommand, an invalid value,
                  'help' with an unknown subcommand)

            'wirefix' alone prints this help and exits with 0; to clean standard input, say \
            'wirefix clean'.
            """,
        version: Wirefix.version,
        subcommands: [CleanCommand.self, CheckCommand.self, RulesCommand.self, LexiconCommand.self, EvalCommand.self, SynthesizeCommand.self])

    /// Runs the command line, first rejecting `wirefix help <unknown>` as a usage error (exit
    /// 64), which argument-parser's help command would answer with the root's help and 0.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = unknownHelpTopic(in: arguments) {
            exit(withError: ValidationError(message))
        }
        main(nil)
    }

    /// The message for `help` followed by a name that is not a subcommand (at its level), or
    /// `nil` when the arguments do not start with `help` or name only known subcommands.
    ///
    /// `wirefix help clean` and `wirefix help lexicon lint` are fine; `wirefix help bogus` gives
    /// `'bogus' is not a wirefix subcommand; 'wirefix --help' lists them.`
    static func unknownHelpTopic(in arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var command: any ParsableCommand.Type = WirefixCommand.self
        var path = ["wirefix"]
        for name in arguments.dropFirst() where !name.hasPrefix("-") {
            let subcommands = command.configuration.subcommands
            guard let next = subcommands.first(where: { $0.configuration.commandName == name || $0.configuration.aliases.contains(name) }) else {
                let parent = path.joined(separator: " ")
                return subcommands.isEmpty
                    ? "'\(parent)' has no subcommands; 'wirefix help \(path.dropFirst().joined(separator: " "))' describes it."
                    : "'\(name)' is not a \(parent) subcommand; '\(parent) --help' lists them."
            }
            command = next
            path.append(name)
        }
        return nil
    }
}
