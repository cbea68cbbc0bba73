import Wirefix
import WirefixTestSupport

/// Replaces every "teh" with "the" (confidence 0.9: applied at the default threshold).
struct TestTypoRule: Rule {
    static let description = RuleDescription(
        identifier: "test_typo", name: "Test Typo", summary: "Fixes teh", discussion: "Test rule.",
        phase: .spacing, examples: [.fix("⟦teh⟧", "the"), .keep("the")])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        TestRuleSupport.occurrences(of: "teh", in: document).map {
            Correction(ruleID: "test_typo", range: $0, original: "teh", replacement: "the", confidence: 0.9,
                       explanation: "\"teh\" is a common typing error")
        }
    }
}

/// Proposes "recieve" → "receive" with confidence 0.5: a suggestion at the default threshold.
struct TestWeakRule: Rule {
    static let description = RuleDescription(
        identifier: "test_weak", name: "Test Weak", summary: "Suggests receive", discussion: "Test rule.",
        phase: .names, examples: [.suggest("recieve"), .keep("receive")])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        TestRuleSupport.occurrences(of: "recieve", in: document).map {
            Correction(ruleID: "test_weak", range: $0, original: "recieve", replacement: "receive", confidence: 0.5,
                       explanation: "maybe a typing error")
        }
    }
}

/// Reports every "FINDME" as a finding.
struct TestFindingRule: Rule {
    static let description = RuleDescription(
        identifier: "test_finding", name: "Test Finding", summary: "Reports FINDME", discussion: "Test rule.",
        phase: .findings, isFindingOnly: true, examples: [.finding("⟦FINDME⟧"), .keep("find me")])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        TestRuleSupport.occurrences(of: "FINDME", in: document).map {
            Correction(ruleID: "test_finding", range: $0, original: "FINDME", replacement: "FINDME", confidence: 1,
                       explanation: "a marker left in the copy", disposition: .finding)
        }
    }
}

enum TestRuleSupport {
    /// Every byte range where `word` occurs in the document.
    static func occurrences(of word: String, in document: Document) -> [TextRange] {
        let needle = Array(word.utf8)
        let bytes = document.bytes
        guard bytes.count >= needle.count else { return [] }
        var ranges: [TextRange] = []
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                ranges.append(TextRange(start: index, end: index + needle.count))
                index += needle.count
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// A pipeline of the three test rules over the bundled lexicon.
    static func pipeline(threshold: Double = Pipeline.defaultApplyThreshold) -> Pipeline {
        Pipeline(rules: [TestTypoRule(), TestWeakRule(), TestFindingRule()], context: Fixtures.context(), applyThreshold: threshold)
    }
}
