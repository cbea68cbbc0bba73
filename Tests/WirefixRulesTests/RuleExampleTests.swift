import Testing
import Wirefix
import WirefixTestSupport

/// One registered rule, named in test output by its identifier.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let type: any Rule.Type
    var testDescription: String { type.description.identifier }
}

/// Runs every example of every registered rule: adding a rule adds its tests.
@Suite struct RuleExampleTests {
    @Test func everyRuleHasExamplesOfBothKinds() {
        for rule in builtInRules {
            let examples = rule.description.examples
            let kind = rule.description.isFindingOnly ? RuleExample.Expectation.finds : nil
            #expect(examples.contains { $0.expectation == .keeps }, "\(rule.description.identifier) has no example it must leave alone")
            if let kind {
                #expect(examples.contains { $0.expectation == kind }, "\(rule.description.identifier) has no finding example")
            } else {
                #expect(examples.contains { if case .fixes = $0.expectation { true } else { false } },
                        "\(rule.description.identifier) has no example it must fix")
            }
        }
    }

    @Test func identifiersAreUniqueSnakeCase() {
        let ids = builtInRules.map { $0.description.identifier }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }, "\(id) is not snake_case")
        }
    }

    @Test(arguments: builtInRules.map(RuleCase.init))
    func examples(_ rule: RuleCase) {
        for example in rule.type.description.examples {
            check(rule.type, example, prefix: "")
            check(rule.type, example, prefix: multibytePrefix)
        }
    }

    private func check(_ rule: any Rule.Type, _ example: RuleExample, prefix: String) {
        let location = SourceLocation(fileID: example.fileID, filePath: example.filePath, line: example.line, column: 1)
        let shift = prefix.utf8.count
        let run = RuleExampleRun(rule: rule, text: prefix + example.input, options: example.options)
        let result = run.result
        let marked = example.markedRanges.map { TextRange(start: $0.start + shift, end: $0.end + shift) }
        let note = prefix.isEmpty ? "" : " (with multibyte prefix)"
        switch example.expectation {
        case .fixes(let output):
            #expect(result.corrected == prefix + output, "fix example\(note)", sourceLocation: location)
            if !marked.isEmpty {
                #expect(result.corrections.map(\.range) == marked, "corrections must cover exactly the ⟦marked⟧ spans\(note)", sourceLocation: location)
            }
            #expect(run.rerun.corrections.isEmpty, "fixing the output again must change nothing (idempotence)\(note): \(run.rerun.corrections.map(\.explanation))", sourceLocation: location)
        case .keeps:
            #expect(result.corrected == prefix + example.input, "must leave the text alone\(note)", sourceLocation: location)
            #expect(result.corrections.isEmpty, "must apply nothing\(note): \(result.corrections.map(\.explanation))", sourceLocation: location)
        case .suggests:
            #expect(result.corrected == prefix + example.input, "must leave the text alone\(note)", sourceLocation: location)
            #expect(!result.suggestions.isEmpty, "must report a suggestion\(note)", sourceLocation: location)
        case .finds:
            #expect(result.corrected == prefix + example.input, "findings never change text\(note)", sourceLocation: location)
            #expect(result.findings.map(\.range) == marked, "findings must be at exactly the ⟦marked⟧ spans\(note)", sourceLocation: location)
        }
    }
}
