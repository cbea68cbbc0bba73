/// Runs a corrector over evaluation cases and compares its output with the expected text,
/// correction by correction.
///
/// **Comparison.** For each case, ``TextDiff`` gives the expected edits (input → expected) and the
/// applied edits (input → output). Overlapping and adjacent edits, and edits separated only by up
/// to three punctuation marks, form an ``EditCluster``; a cluster is correct
/// when the output over its span equals the expected text there. An applied edit in a correct
/// cluster is a true positive, any other applied edit a false positive; an expected edit in a
/// correct cluster is found, any other is a miss. So a fix that is right but incomplete ("Pena
/// said" for "Peña said") counts as a false positive and a miss.
///
/// **Attribution.** An applied edit belongs to every rule with an applied correction whose minimal
/// span (the correction's span without the bytes its original and replacement share at either
/// end) overlaps it; an insertion overlaps a span it touches. An expected edit belongs to the
/// case's kind (for an article, to the kind ``DamageKind/infer(original:replacement:)`` gives; for
/// a synthetic document, to the kind of the injected change it overlaps).
/// For per-rule recall, a found edit counts for the rules of the applied edits in its cluster; a
/// missed edit counts for the rules that applied a wrong edit there or reported a suggestion or a
/// finding overlapping it, and otherwise for the row ``noRule``.
///
/// **Counts.** Suggestions and findings are counted per rule and per kind of the case they were
/// reported in.
///
/// The corrector is any function from text to ``CorrectionResult``, normally
/// ``Corrector/correct(_:)``; it runs once per case, one case after another.
public struct Evaluator {
    /// The row that collects misses no rule touched.
    public static let noRule = "(no rule)"
    /// The rule name of an applied edit no applied correction overlaps.
    public static let unattributed = "(unattributed)"

    /// Cleans one text.
    public let correct: (String) -> CorrectionResult

    /// Creates an evaluator over a function that cleans text.
    public init(correct: @escaping (String) -> CorrectionResult) {
        self.correct = correct
    }

    /// Creates an evaluator over a corrector.
    public init(corrector: Corrector) {
        self.correct = { corrector.correct($0) }
    }

    /// Evaluates every case and aggregates the results.
    ///
    /// - Complexity: one corrector run per case, plus a diff of each input against its output and
    ///   its expected text (near-linear when they differ in few places).
    public func evaluate(_ cases: [EvaluationCase]) -> EvaluationReport {
        EvaluationReport(cases.map(evaluate))
    }

    /// Runs the corrector on one case and compares.
    public func evaluate(_ evaluationCase: EvaluationCase) -> CaseEvaluation {
        let result = correct(evaluationCase.input)
        return Self.compare(evaluationCase, result: result)
    }

    /// Compares a corrector's result with a case's expected text (see ``Evaluator``).
    ///
    /// - Parameters:
    ///   - evaluationCase: the case; `result.original` must be its input.
    ///   - result: what the corrector returned for the input (spans in the input).
    public static func compare(_ evaluationCase: EvaluationCase, result: CorrectionResult) -> CaseEvaluation {
        let input = evaluationCase.input
        let bytes = Array(input.utf8)
        let expectedEdits = TextDiff.edits(from: input, to: evaluationCase.expected)
        let appliedEdits = TextDiff.edits(from: input, to: result.corrected)
        let correctionSpans = result.corrections.map { (rule: $0.ruleID, range: minimalRange(of: $0), confidence: $0.confidence) }

        // Group overlapping edits: expected edits are indices 0..<e, applied ones e..<(e + a).
        let all = expectedEdits.map { (range: $0.range, isExpected: true) } + appliedEdits.map { (range: $0.range, isExpected: false) }
        var groups: [[Int]] = []
        var groupRange: [TextRange] = []
        for index in all.indices.sorted(by: { all[$0].range < all[$1].range }) {
            let range = all[index].range
            if let last = groupRange.last, touches(last, range) || isPunctuationGap(last.end..<max(last.end, range.start), in: bytes) {
                groups[groups.count - 1].append(index)
                groupRange[groupRange.count - 1] = TextRange(start: last.start, end: max(last.end, range.end))
            } else {
                groups.append([index])
                groupRange.append(range)
            }
        }

        var clusters: [EditCluster] = []
        for (members, span) in zip(groups, groupRange) {
            let expected = members.filter { $0 < expectedEdits.count }.map { expectedEdits[$0] }
            let applied = members.filter { $0 >= expectedEdits.count }.map { appliedEdits[$0 - expectedEdits.count] }
            let expectedText = TextEdit.apply(expected, to: bytes, in: span)
            let gotText = TextEdit.apply(applied, to: bytes, in: span)
            let status: EditCluster.Status
            if expected.isEmpty {
                status = .spurious
            } else if applied.isEmpty {
                status = .missed
            } else {
                status = expectedText.utf8.elementsEqual(gotText.utf8) ? .correct : .wrong
            }
            let expectedKinds = expected.map { edit in
                Self.kind(of: edit, in: evaluationCase)
            }
            let appliedRules = applied.map { edit -> [String] in
                let rules = Set(correctionSpans.filter { touches($0.range, edit.range) }.map(\.rule))
                return rules.isEmpty ? [unattributed] : rules.sorted()
            }
            let appliedConfidences = applied.map { edit -> Double in
                correctionSpans.filter { touches($0.range, edit.range) }.map(\.confidence).min() ?? 1
            }
            let kind: String
            if let first = expectedKinds.first {
                kind = first
            } else if evaluationCase.labelsEachEdit, let edit = applied.first {
                kind = DamageKind.infer(original: edit.original, replacement: edit.replacement)
            } else {
                kind = evaluationCase.kind
            }
            clusters.append(EditCluster(
                status: status, range: span,
                original: String(decoding: bytes[span.asRange], as: UTF8.self),
                expected: expectedText, got: gotText,
                expectedEdits: expected, expectedKinds: expectedKinds,
                appliedEdits: applied, appliedRules: appliedRules, appliedConfidences: appliedConfidences, kind: kind,
                suggestedBy: Array(Set(result.suggestions.filter { touches($0.range, span) }.map(\.ruleID))).sorted(),
                flaggedBy: Array(Set(result.findings.filter { touches($0.range, span) }.map(\.ruleID))).sorted()))
        }
        return CaseEvaluation(evaluationCase: evaluationCase, output: result.corrected, clusters: clusters,
                              corrections: result.corrections, suggestions: result.suggestions, findings: result.findings)
    }

    /// The kind of one expected edit: the case's kind; for a synthetic document the kind of the
    /// first injected change it overlaps; for an article, or when no injected change overlaps it,
    /// the kind ``DamageKind/infer(original:replacement:)`` gives.
    static func kind(of edit: TextEdit, in evaluationCase: EvaluationCase) -> String {
        guard evaluationCase.labelsEachEdit else { return evaluationCase.kind }
        if let truth = evaluationCase.truth, let label = truth.first(where: { touches($0.edit.range, edit.range) }) {
            return label.kind
        }
        return DamageKind.infer(original: edit.original, replacement: edit.replacement)
    }

    /// Whether two edits are adjacent, or separated only by up to three punctuation marks
    /// (`,` `.` `;`): then the two are grouped. Stray marks are ambiguous to align (", , x" loses
    /// its first or its second ", "), and the diff may cut the expected and the applied text at
    /// different ones.
    static func isPunctuationGap(_ gap: Range<Int>, in bytes: [UInt8]) -> Bool {
        guard gap.count <= 3 else { return false }
        return bytes[gap].allSatisfy { $0 == 0x2C || $0 == 0x2E || $0 == 0x3B }
    }

    /// Whether two spans overlap: two non-empty spans share a byte; an empty span (an insertion)
    /// lies inside the other or at either of its ends.
    static func touches(_ a: TextRange, _ b: TextRange) -> Bool {
        if a.isEmpty { return b.start <= a.start && a.start <= b.end }
        if b.isEmpty { return a.start <= b.start && b.start <= a.end }
        return a.start < b.end && b.start < a.end
    }

    /// A correction's span without the bytes its original and its replacement share at the start
    /// and at the end (cut on scalar boundaries); the whole span when the original's length does
    /// not match the span (a correction made on text an earlier rule had changed).
    static func minimalRange(of correction: Correction) -> TextRange {
        let original = Array(correction.original.utf8)
        let replacement = Array(correction.replacement.utf8)
        guard original.count == correction.range.count else { return correction.range }
        var prefix = 0
        let limit = min(original.count, replacement.count)
        while prefix < limit && original[prefix] == replacement[prefix] { prefix += 1 }
        while prefix > 0 && ((prefix < original.count && original[prefix] & 0xC0 == 0x80)
                             || (prefix < replacement.count && replacement[prefix] & 0xC0 == 0x80)) { prefix -= 1 }
        var suffix = 0
        while suffix < limit - prefix && original[original.count - 1 - suffix] == replacement[replacement.count - 1 - suffix] { suffix += 1 }
        while suffix > 0 && ((original.count - suffix < original.count && original[original.count - suffix] & 0xC0 == 0x80)
                             || (replacement.count - suffix < replacement.count && replacement[replacement.count - suffix] & 0xC0 == 0x80)) { suffix -= 1 }
        return TextRange(start: correction.range.start + prefix, end: correction.range.end - suffix)
    }
}
