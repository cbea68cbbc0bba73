import Testing
import Wirefix
import WirefixTestSupport

/// One line of ../shared/cases/cases.tsv.
struct SharedCase: Sendable {
    let id: String
    let kind: String
    let input: String
    let expected: String

    /// Every case, read at test time (the file is test input, not part of the project).
    static func all() throws -> [SharedCase] {
        let text = try Fixtures.sharedText("cases/cases.tsv")
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { return nil }
            return SharedCase(id: fields[0], kind: fields[1], input: fields[2], expected: fields[3])
        }
    }

    static func named(_ id: String) throws -> SharedCase {
        try #require(try all().first { $0.id == id }, "case \(id) is missing from cases.tsv")
    }
}

/// The glue and debris cases of the shared case file, each run through the one rule that is
/// responsible for it, alone; and the negatives through all the spacing and findings rules.
@Suite struct SpacingCasesTests {
    static let spacingRules = ["glued_words", "glued_parentheses", "punctuation_debris", "repeated_caption", "credit_debris"]

    /// Runs the given rules, alone together, with the bundled data.
    static func run(_ identifiers: [String], _ text: String) throws -> CorrectionResult {
        let rules = try identifiers.map { identifier in
            try #require(builtInRules.first { $0.description.identifier == identifier }, "\(identifier) is not registered")
        }
        return Pipeline(rules: rules.map { $0.init() }, context: Fixtures.context()).run(text)
    }

    @Test(arguments: [
        ("c25", "glued_words"), ("c26", "glued_words"), ("c30", "glued_words"),
        ("c29", "glued_parentheses"),
        ("c31", "punctuation_debris"), ("c32", "punctuation_debris"), ("c33", "punctuation_debris"),
    ])
    func theResponsibleRuleAloneGivesTheExpectedText(id: String, rule: String) throws {
        let sharedCase = try SharedCase.named(id)
        let result = try Self.run([rule], sharedCase.input)
        #expect(result.corrected == sharedCase.expected)
        #expect(!result.corrections.isEmpty)
        #expect(result.corrections.allSatisfy { $0.ruleID == rule && $0.confidence >= 0.7 })
    }

    @Test(arguments: ["c25", "c26", "c29", "c30", "c31", "c32", "c33"])
    func allSpacingRulesTogetherGiveTheExpectedText(id: String) throws {
        let sharedCase = try SharedCase.named(id)
        #expect(try Self.run(Self.spacingRules, sharedCase.input).corrected == sharedCase.expected)
    }

    @Test(arguments: ["n04", "n05", "n09", "n01", "n02", "n03", "n07", "n08", "n10"])
    func negativesStayUnchangedWithoutSuggestions(id: String) throws {
        let sharedCase = try SharedCase.named(id)
        #expect(sharedCase.input == sharedCase.expected)
        let result = try Self.run(Self.spacingRules, sharedCase.input)
        #expect(result.corrected == sharedCase.input)
        #expect(result.corrections.isEmpty)
        #expect(result.suggestions.isEmpty)
        #expect(result.findings.isEmpty)
    }

    /// The name cases need the names rules for diacritics and case; the split is this rule's.
    @Test(arguments: [
        ("c23", "The vice minister, Rander Pena said on Twitter that the talks went well."),
        ("c24", "The envoy met Delcy Rodriguez the foreign minister and the ambassador Lan Hu."),
        ("c27", "The Chinese leader Xi Jinping sent a message to the summit."),
        ("c28", "The minister Robles by contrast said nothing."),
    ])
    func nameCasesAreSplitAtTheRightPlace(id: String, split: String) throws {
        let sharedCase = try SharedCase.named(id)
        let result = try Self.run(["glued_words"], sharedCase.input)
        #expect(result.corrected == split)
        #expect(result.corrections.allSatisfy { $0.confidence >= 0.7 })
    }

    @Test(arguments: ["c23", "c24", "c27", "c28"])
    func nameCasesComeOutRightWithEveryRule(id: String) throws {
        let sharedCase = try SharedCase.named(id)
        #expect(Fixtures.corrector.correct(sharedCase.input).corrected == sharedCase.expected)
    }
}
