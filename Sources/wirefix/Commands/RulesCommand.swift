import ArgumentParser
import Wirefix

/// `wirefix rules`: lists the rules with their examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, in the order they run, with their examples.",
        discussion: """
            Each rule shows its identifier (the name --disable takes), its phase, its summary and \
            its examples: 'fix' turns the input into the output, 'keep' must leave the input alone, \
            'suggest' reports without changing, 'finding' reports the marked spans. ⟦ and ⟧ mark \
            the spans a rule touches.
            """)

    @Flag(help: "Print Markdown, for a documentation page, instead of plain text.")
    var markdown = false

    func run() throws {
        try execute(in: .process)
    }

    /// Prints the listing of the built-in rules.
    func execute(in environment: CommandEnvironment) throws(ExitCode) {
        let rules = RuleCatalog.builtInDescriptions
        let text = markdown ? RuleCatalog.markdown(rules) : RuleCatalog.text(rules)
        do throws(CLIError) { try environment.writeStandardOutput(Array(text.utf8)) } catch {
            environment.reportError(error.message)
            throw ExitCode.runtimeFailure
        }
    }
}
