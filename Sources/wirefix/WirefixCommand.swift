import ArgumentParser
import Wirefix

@main
struct WirefixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirefix",
        abstract: "Repair the damage machine translation does to names and text in news copy.",
        version: Wirefix.version)
}
