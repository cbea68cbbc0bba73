import Testing
@testable import WirefixEngine
import WirefixLexicon

/// Replaces every "x" with "yy" at a fixed confidence.
private struct DoubleXRule: Rule {
    static let description = RuleDescription(identifier: "double_x", name: "Double X", summary: "x to yy",
                                             discussion: "test", phase: .spacing, examples: [])
    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        document.bytes.indices.filter { document.bytes[$0] == UInt8(ascii: "x") }.map {
            Correction(ruleID: "double_x", range: TextRange(start: $0, end: $0 + 1), original: "x",
                       replacement: "yy", confidence: 0.9, explanation: "test")
        }
    }
}

/// Proposes two overlapping corrections of "abc": "ab" → "AB" (0.8) and "bc" → "BC" (0.9), and a weak one.
private struct OverlapRule: Rule {
    static let description = RuleDescription(identifier: "overlap", name: "Overlap", summary: "test",
                                             discussion: "test", phase: .names, examples: [])
    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        guard let start = document.text.utf8.firstIndex(of: UInt8(ascii: "a")) else { return [] }
        let offset = document.text.utf8.distance(from: document.text.utf8.startIndex, to: start)
        return [
            Correction(ruleID: "overlap", range: TextRange(start: offset, end: offset + 2), original: "ab", replacement: "AB", confidence: 0.8, explanation: "weaker"),
            Correction(ruleID: "overlap", range: TextRange(start: offset + 1, end: offset + 3), original: "bc", replacement: "BC", confidence: 0.9, explanation: "stronger"),
            Correction(ruleID: "overlap", range: TextRange(start: offset + 3, end: offset + 4), original: "d", replacement: "D", confidence: 0.3, explanation: "weak"),
        ]
    }
}

/// Reports every "!" as a finding.
private struct BangFindingRule: Rule {
    static let description = RuleDescription(identifier: "bang", name: "Bang", summary: "test", discussion: "test",
                                             phase: .findings, isFindingOnly: true, examples: [])
    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        document.bytes.indices.filter { document.bytes[$0] == UInt8(ascii: "!") }.map {
            Correction(ruleID: "bang", range: TextRange(start: $0, end: $0 + 1), original: "!", replacement: "!",
                       confidence: 1, explanation: "bang", disposition: .finding)
        }
    }
}

@Suite struct PipelineTests {
    let context = RuleContext(lexicon: Lexicon(), words: EnglishWordList(rankedWords: []))

    @Test func overlapPolicyKeepsTheStrongerCorrectionAndSuggestsTheOther() {
        let pipeline = Pipeline(rules: [OverlapRule()], context: context)
        let result = pipeline.run("abcd")
        #expect(result.corrected == "aBCd")
        #expect(result.corrections.map(\.replacement) == ["BC"])
        #expect(result.suggestions.map(\.replacement) == ["AB", "D"])
        #expect(result.suggestions[0].explanation.hasSuffix("(not applied: overlaps a stronger correction)"))
    }

    @Test func spansOfLaterStagesPointIntoTheOriginal() {
        // Stage 1 (spacing) turns "x" into "yy"; stage 2 (names) then fixes "bc" in the new text.
        let pipeline = Pipeline(rules: [OverlapRule(), DoubleXRule()], context: context)
        let result = pipeline.run("x abcd\nx")
        #expect(result.corrected == "yy aBCd\nyy")
        let names = result.corrections.filter { $0.ruleID == "overlap" }
        #expect(names.map(\.range) == [TextRange(start: 3, end: 5)])
        #expect(names.first?.location == SourceLocation(line: 1, column: 4))
        let doubled = result.corrections.filter { $0.ruleID == "double_x" }
        #expect(doubled.map(\.range) == [TextRange(start: 0, end: 1), TextRange(start: 7, end: 8)])
        #expect(doubled.last?.location == SourceLocation(line: 2, column: 1))
    }

    @Test func aChunkGivenAsBytesIsCleanedAsTheSameText() {
        let pipeline = Pipeline(rules: [OverlapRule(), DoubleXRule()], context: context)
        let text = "x abcd\nx caf\u{E9}\n"
        let fromString = pipeline.run(text, after: .empty)
        let fromBytes = pipeline.run(utf8: Array(text.utf8), after: .empty)
        #expect(fromBytes.result == fromString.result)
        #expect(fromBytes.result.correctedUTF8 == Array("yy aBCd\nyy caf\u{E9}\n".utf8))
        #expect(fromBytes.result.corrected == "yy aBCd\nyy caf\u{E9}\n")
        #expect(fromBytes.result.original == text)
        #expect(fromBytes.history == fromString.history)
        #expect(fromBytes.history.linesBefore == 2)
        // Nothing to fix: the corrected text is the original's bytes.
        let clean = pipeline.run(utf8: Array("nothing here\n".utf8), after: .empty).result
        #expect(!clean.changed)
        #expect(clean.correctedUTF8 == Array("nothing here\n".utf8))
    }

    @Test func invalidBytesAreCleanedAsTheirRepair() {
        // "x", a stray continuation byte, a truncated sequence: each invalid part becomes U+FFFD,
        // as String(decoding:as:) repairs it, and the spans are offsets into the repaired text.
        let pipeline = Pipeline(rules: [DoubleXRule()], context: context)
        let bytes: [UInt8] = [0x78, 0x80, 0x20, 0x78, 0xE2, 0x82]
        let result = pipeline.run(utf8: bytes, after: .empty).result
        #expect(result.original == "x\u{FFFD} x\u{FFFD}")
        #expect(result.corrected == "yy\u{FFFD} yy\u{FFFD}")
        #expect(result.corrections.map(\.range) == [TextRange(start: 0, end: 1), TextRange(start: 5, end: 6)])
    }

    @Test func bytesOutsideCorrectedSpansAreUntouched() {
        let pipeline = Pipeline(rules: [DoubleXRule()], context: context)
        let input = "\u{FEFF}line one  \r\nx  \r\nend"
        let result = pipeline.run(input)
        #expect(Array(result.corrected.utf8) == Array("\u{FEFF}line one  \r\nyy  \r\nend".utf8))
    }

    @Test func findingsAreReportedAndNeverApplied() {
        let pipeline = Pipeline(rules: [BangFindingRule()], context: context)
        let result = pipeline.run("Hi! Yes!")
        #expect(result.corrected == "Hi! Yes!")
        #expect(result.findings.map(\.range.start) == [2, 7])
        #expect(result.findings.allSatisfy { $0.disposition == .finding })
        #expect(result.corrections.isEmpty)
    }

    @Test func thresholdDecidesBetweenCorrectionAndSuggestion() {
        let strict = Pipeline(rules: [DoubleXRule()], context: context, applyThreshold: 0.95)
        let result = strict.run("x")
        #expect(result.corrected == "x")
        #expect(result.suggestions.count == 1)
        #expect(result.suggestions.first?.disposition == .suggestion)
    }

    @Test func rulesRunByPhase() {
        let pipeline = Pipeline(rules: [BangFindingRule(), OverlapRule(), DoubleXRule()], context: context)
        #expect(pipeline.rules.map(\.identifier) == ["double_x", "overlap", "bang"])
    }
}

@Suite struct OverlapResolutionTests {
    private func correction(_ start: Int, _ end: Int, _ confidence: Double) -> Correction {
        Correction(ruleID: "t", range: TextRange(start: start, end: end), original: "", replacement: "x",
                   confidence: confidence, explanation: "")
    }

    @Test func winnersAreDisjointAndSortedAndLosersOverlapAWinner() {
        let input = [correction(0, 5, 0.8), correction(3, 8, 0.9), correction(8, 8, 0.7), correction(8, 10, 0.75),
                     correction(10, 12, 0.6), correction(11, 11, 0.95)]
        let (winners, losers) = Pipeline.resolveOverlaps(input)
        #expect(winners.map(\.range) == [TextRange(start: 3, end: 8), TextRange(start: 8, end: 10), TextRange(start: 11, end: 11)])
        #expect(Set(losers.map(\.range)) == [TextRange(start: 0, end: 5), TextRange(start: 8, end: 8), TextRange(start: 10, end: 12)])
    }

    @Test func manyCorrectionsResolveQuickly() {
        // 100,000 disjoint corrections: quadratic resolution would take minutes.
        let input = (0..<100_000).map { correction($0 * 3, $0 * 3 + 2, 0.8) }
        let (winners, losers) = Pipeline.resolveOverlaps(input)
        #expect(winners.count == 100_000)
        #expect(losers.isEmpty)
    }
}
