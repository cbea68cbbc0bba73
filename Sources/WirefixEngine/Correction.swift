/// One change a rule proposes, or one problem it reports, with the evidence behind it.
///
/// A rule emits corrections whose ``range`` points into the text *that rule received*. The
/// ``Pipeline`` then maps every range back into the caller's original input, sets ``location``
/// and ``disposition``, and hands the result out in a ``CorrectionResult``: so in a result, every
/// range is a UTF-8 byte range of the **original input**.
///
/// JSON keys are snake_case and part of the report schema (see `JSONReporter`).
public struct Correction: Sendable, Hashable, Codable {
    /// What the pipeline did with a correction.
    public enum Disposition: String, Sendable, Hashable, Codable, CaseIterable {
        /// Applied to the text: its confidence reached the apply threshold.
        case applied
        /// Reported, not applied: below the threshold, ambiguous, or overlapping a stronger one.
        case suggestion
        /// A problem reported by a detect-only rule; never applied.
        case finding
    }

    /// The stable identifier of the rule that produced it, e.g. `calque_names`.
    public var ruleID: String
    /// UTF-8 byte range of the span. In a rule's output: in the text the rule received. In a
    /// ``CorrectionResult``: in the original input.
    public var range: TextRange
    /// Line and column of `range.start` in the original input; set by the pipeline.
    public var location: SourceLocation?
    /// The text of the span as the rule saw it.
    public var original: String
    /// The proposed text; equal to `original` for findings.
    public var replacement: String
    /// How sure the rule is, from 0 (a guess) to 1 (certain). See each rule's documentation.
    public var confidence: Double
    /// The id of the lexicon entry the rule relied on, if any.
    public var entityID: String?
    /// One line of plain English that gives the evidence, e.g.
    /// `"Cabello" translated as "hair"; anchored by "Diosdado" of the same entity`.
    public var explanation: String
    /// Set by the pipeline; rules leave the default.
    public var disposition: Disposition

    /// Creates a correction. Rules normally use this initializer and leave `location` and
    /// `disposition` to the pipeline.
    ///
    /// - Parameters:
    ///   - ruleID: the producing rule's identifier.
    ///   - range: the UTF-8 byte range of `original` in the text the rule received.
    ///   - original: the text in `range`.
    ///   - replacement: the new text; pass `original` for a finding.
    ///   - confidence: 0...1, clamped.
    ///   - entityID: the lexicon entry used, if any.
    ///   - explanation: one line of evidence.
    ///   - disposition: `.finding` for detect-only rules; otherwise decided by the pipeline.
    public init(
        ruleID: String, range: TextRange, original: String, replacement: String,
        confidence: Double, entityID: String? = nil, explanation: String,
        disposition: Disposition = .applied
    ) {
        self.ruleID = ruleID
        self.range = range
        self.location = nil
        self.original = original
        self.replacement = replacement
        self.confidence = min(1, max(0, confidence))
        self.entityID = entityID
        self.explanation = explanation
        self.disposition = disposition
    }

    private enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id", range, location, original, replacement, confidence
        case entityID = "entity_id", explanation, disposition
    }
}
