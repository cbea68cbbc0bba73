import ArgumentParser
import Testing
import Wirefix
@testable import wirefix

/// Command lines parse into the options they say, and bad ones are usage errors (exit 64).
@Suite struct ParsingTests {
    func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
        try #require(try WirefixCommand.parseAsRoot(arguments) as? Command)
    }

    /// The exit code `wirefix` would give for a command line that fails to parse or validate.
    func exitCode(parsing arguments: [String]) -> Int32? {
        do {
            _ = try WirefixCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return WirefixCommand.exitCode(for: error).rawValue
        }
    }

    @Test func cleanDefaults() throws {
        let clean = try parse(["clean"], as: CleanCommand.self)
        #expect(clean.files.isEmpty)
        #expect(clean.destination == .standardOutput)
        #expect(clean.reportFormat == nil)
        #expect(clean.correction.minConfidence == 0.7)
        #expect(clean.correction.keepUnaccented == false)
        #expect(clean.correction.lossy == false)
        let options = clean.correction.correctorOptions
        #expect(options.applyThreshold == 0.7)
        #expect(options.lexiconDirectories.isEmpty)
        #expect(options.includeBundledLexicons)
        #expect(options.disabledRules.isEmpty)
        #expect(options.ruleOptions == RuleOptions(keepUnaccented: false))
    }

    @Test func cleanWithEveryOption() throws {
        let clean = try parse(["clean", "--in-place", "a.txt", "b.txt", "--min-confidence", "0.9", "--keep-unaccented",
                               "--lexicon", "house", "--lexicon", "desk", "--lossy", "--report", "json",
                               "--report-file", "report.json"], as: CleanCommand.self)
        #expect(clean.files == ["a.txt", "b.txt"])
        #expect(clean.destination == .inPlace)
        #expect(clean.reportFormat == .json)
        #expect(clean.reportFile == "report.json")
        #expect(clean.correction.lossy)
        let options = clean.correction.correctorOptions
        #expect(options.applyThreshold == 0.9)
        #expect(options.lexiconDirectories.map(\.lastPathComponent) == ["house", "desk"])
        #expect(options.ruleOptions == RuleOptions(keepUnaccented: true))
    }

    @Test func outputDirectoryHasAShortName() throws {
        #expect(try parse(["clean", "-o", "out", "a.txt"], as: CleanCommand.self).destination == .directory("out"))
        #expect(try parse(["clean", "--output-directory", "out/", "a.txt"], as: CleanCommand.self).destination == .directory("out/"))
    }

    @Test func reportFileAloneMeansATextReport() throws {
        #expect(try parse(["clean", "--report-file", "r.txt"], as: CleanCommand.self).reportFormat == .text)
        #expect(try parse(["clean", "--report", "diff"], as: CleanCommand.self).reportFormat == .diff)
    }

    @Test func checkDefaultsToATextReport() throws {
        let check = try parse(["check", "x.txt", "-"], as: CheckCommand.self)
        #expect(check.report == .text)
        #expect(check.files == ["x.txt", "-"])
        #expect(try parse(["check", "--report", "json"], as: CheckCommand.self).report == .json)
    }

    @Test func rulesAndLexiconLint() throws {
        #expect(try parse(["rules"], as: RulesCommand.self).markdown == false)
        #expect(try parse(["rules", "--markdown"], as: RulesCommand.self).markdown)
        #expect(try parse(["lexicon", "lint"], as: LexiconLintCommand.self).directories.isEmpty)
        #expect(try parse(["lexicon", "lint", "one", "two"], as: LexiconLintCommand.self).directories == ["one", "two"])
    }

    @Test func disableTakesKnownRulesOnly() {
        #expect(CorrectionOptions.unknownRules(["a", "zz", "b", "zz"], known: ["a", "b"]) == ["zz"])
        #expect(CorrectionOptions.unknownRules([], known: []) == [])
        #expect(exitCode(parsing: ["clean", "--disable", "no_such_rule"]) == 64)
    }

    @Test func disableAcceptsEveryRegisteredRule() throws {
        let identifiers = builtInRules.map { $0.description.identifier }
        let arguments = ["check"] + identifiers.flatMap { ["--disable", $0] }
        let check = try parse(arguments, as: CheckCommand.self)
        #expect(check.correction.correctorOptions.disabledRules == Set(identifiers))
    }

    @Test(arguments: [
        ["clean", "--min-confidence", "1.5"],
        ["clean", "--min-confidence", "-0.1"],
        ["clean", "--min-confidence", "nan"],
        ["clean", "--min-confidence", "high"],
        ["check", "--min-confidence", "2"],
        ["clean", "--in-place"],
        ["clean", "--in-place", "-"],
        ["clean", "--in-place", "a.txt", "-"],
        ["clean", "--in-place", "-o", "out", "a.txt"],
        ["clean", "-o", "out"],
        ["clean", "-o", "out", "-"],
        ["clean", "-o", "out", "one/a.txt", "two/a.txt"],
        ["clean", "--report", "xml"],
        ["check", "--report", "html"],
        ["clean", "--no-such-option"],
        ["polish"],
        ["lexicon", "fix"],
    ])
    func usageErrorsExitWith64(_ arguments: [String]) {
        #expect(exitCode(parsing: arguments) == 64)
    }

    @Test func boundaryThresholdsAreAccepted() throws {
        #expect(try parse(["clean", "--min-confidence", "0"], as: CleanCommand.self).correction.minConfidence == 0)
        #expect(try parse(["clean", "--min-confidence", "1"], as: CleanCommand.self).correction.minConfidence == 1)
    }
}

/// The exit codes the root command documents.
@Suite struct ExitCodeTests {
    @Test func documentedCodes() {
        #expect(WirefixCommand.exitCode(for: ExitCode.runtimeFailure).rawValue == 2)
        #expect(WirefixCommand.exitCode(for: ExitCode.changesFound).rawValue == 1)
        #expect(WirefixCommand.exitCode(for: ExitCode.success).rawValue == 0)
        #expect(WirefixCommand.exitCode(for: ValidationError("bad")).rawValue == 64)
        #expect(WirefixCommand.exitCode(for: CleanExit.helpRequest()).rawValue == 0)
    }

    @Test func rootDiscussionDocumentsThem() {
        let discussion = WirefixCommand.configuration.discussion
        #expect(discussion.contains("  0   success"))
        #expect(discussion.contains("  1   'check' found something to change"))
        #expect(discussion.contains("  2   runtime error"))
        #expect(discussion.contains("  64  usage error"))
    }
}
