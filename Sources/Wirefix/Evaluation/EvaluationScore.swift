/// Counts of one row of an evaluation (a rule, a kind, or everything) and the precision, recall
/// and F1 they give.
///
/// Two units are counted. **Applied edits** are the edits between the input and the tool's
/// output (see ``TextDiff``): each is *correct* when its part of the output equals the expected
/// text there, and *wrong* otherwise (a false positive). **Expected edits** are the edits between
/// the input and the expected text: each is *found* when the output has it exactly, and *missed*
/// otherwise. So precision = correct / applied and recall = found / expected.
///
/// JSON writes every stored count plus `missed`, `wrong`, `precision`, `recall` and `f1`; a
/// ratio with a zero denominator is `null`.
public struct EvaluationScore: Sendable, Hashable, Codable {
    /// Cases counted in the row (kind and total rows; 0 in rule rows).
    public var cases = 0
    /// Of those, the cases whose output equals the expected text byte for byte.
    public var exactCases = 0
    /// Expected edits attributed to the row.
    public var expected = 0
    /// Of those, the ones the output has exactly.
    public var found = 0
    /// Applied edits attributed to the row.
    public var applied = 0
    /// Of those, the ones that match the expected text.
    public var correct = 0
    /// Corrections reported as suggestions (not applied).
    public var suggestions = 0
    /// Problems reported by detect-only rules.
    public var findings = 0

    /// Creates an empty score, or one with the given counts.
    public init(cases: Int = 0, exactCases: Int = 0, expected: Int = 0, found: Int = 0, applied: Int = 0,
                correct: Int = 0, suggestions: Int = 0, findings: Int = 0) {
        self.cases = cases
        self.exactCases = exactCases
        self.expected = expected
        self.found = found
        self.applied = applied
        self.correct = correct
        self.suggestions = suggestions
        self.findings = findings
    }

    /// Expected edits not found.
    public var missed: Int { expected - found }
    /// Applied edits that do not match the expected text: false positives.
    public var wrong: Int { applied - correct }

    /// correct / applied, or `nil` when nothing was applied.
    public var precision: Double? { applied > 0 ? Double(correct) / Double(applied) : nil }
    /// found / expected, or `nil` when nothing was expected.
    public var recall: Double? { expected > 0 ? Double(found) / Double(expected) : nil }
    /// The harmonic mean of precision and recall, or `nil` when either is `nil`; 0 when both are 0.
    public var f1: Double? {
        guard let precision, let recall else { return nil }
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    /// Adds another row's counts to this one.
    public static func += (lhs: inout EvaluationScore, rhs: EvaluationScore) {
        lhs.cases += rhs.cases
        lhs.exactCases += rhs.exactCases
        lhs.expected += rhs.expected
        lhs.found += rhs.found
        lhs.applied += rhs.applied
        lhs.correct += rhs.correct
        lhs.suggestions += rhs.suggestions
        lhs.findings += rhs.findings
    }

    private enum CodingKeys: String, CodingKey {
        case cases, exactCases = "exact_cases", expected, found, missed, applied, correct, wrong
        case precision, recall, f1, suggestions, findings
    }

    /// Decodes the stored counts; the derived values are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cases = try container.decode(Int.self, forKey: .cases)
        exactCases = try container.decode(Int.self, forKey: .exactCases)
        expected = try container.decode(Int.self, forKey: .expected)
        found = try container.decode(Int.self, forKey: .found)
        applied = try container.decode(Int.self, forKey: .applied)
        correct = try container.decode(Int.self, forKey: .correct)
        suggestions = try container.decode(Int.self, forKey: .suggestions)
        findings = try container.decode(Int.self, forKey: .findings)
    }

    /// Encodes the counts and the derived values (`null` for an undefined ratio).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cases, forKey: .cases)
        try container.encode(exactCases, forKey: .exactCases)
        try container.encode(expected, forKey: .expected)
        try container.encode(found, forKey: .found)
        try container.encode(missed, forKey: .missed)
        try container.encode(applied, forKey: .applied)
        try container.encode(correct, forKey: .correct)
        try container.encode(wrong, forKey: .wrong)
        try container.encode(precision, forKey: .precision)
        try container.encode(recall, forKey: .recall)
        try container.encode(f1, forKey: .f1)
        try container.encode(suggestions, forKey: .suggestions)
        try container.encode(findings, forKey: .findings)
    }
}
