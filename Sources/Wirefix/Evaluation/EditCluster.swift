/// A place in one input where the expected text, the tool's output, or both differ from it: the
/// unit the evaluation compares.
///
/// Expected edits (input → expected) and applied edits (input → output) that overlap are grouped
/// into one cluster. The cluster is *correct* when the output over its span equals the expected
/// text over it, *wrong* when both changed it differently, *missed* when only the expected text
/// changes it, and *spurious* when only the output does.
public struct EditCluster: Sendable, Hashable, Codable {
    /// How the output compares with the expected text over the cluster.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The output equals the expected text: every edit in it is a true positive.
        case correct
        /// Both changed the span, differently: the applied edits are false positives and the
        /// expected edits misses.
        case wrong
        /// Only the expected text changes the span: a miss.
        case missed
        /// Only the output changes the span: a false positive.
        case spurious
    }

    /// The comparison's outcome.
    public var status: Status
    /// The span of the input the cluster covers, in UTF-8 byte offsets.
    public var range: TextRange
    /// The input over ``range``.
    public var original: String
    /// The expected text over ``range``.
    public var expected: String
    /// The output over ``range``.
    public var got: String
    /// The edits from the input to the expected text in the cluster.
    public var expectedEdits: [TextEdit]
    /// The damage kind of each expected edit: the case's kind, or for an article the kind
    /// inferred from the edit's shape.
    public var expectedKinds: [String]
    /// The edits from the input to the output in the cluster.
    public var appliedEdits: [TextEdit]
    /// For each applied edit, the identifiers of the rules whose applied corrections made it
    /// (`(unattributed)` when none overlaps it).
    public var appliedRules: [[String]]
    /// For each applied edit, the lowest confidence of the applied corrections that made it (1
    /// when none overlaps it): the edit is made only at apply thresholds up to this value.
    public var appliedConfidences: [Double]
    /// The kind the cluster's applied edits count under: the kind of its first expected edit; for
    /// a spurious cluster the case's kind, or for an article or a synthetic document the kind
    /// inferred from the edit.
    public var kind: String
    /// Rules that reported a suggestion overlapping the span.
    public var suggestedBy: [String]
    /// Detect-only rules that reported a finding overlapping the span.
    public var flaggedBy: [String]

    /// Every rule that made one of the applied edits, sorted, once each.
    public var rules: [String] { Array(Set(appliedRules.joined())).sorted() }

    /// Whether the cluster holds a false positive (``Status/wrong`` or ``Status/spurious``).
    public var isFalsePositive: Bool { status == .wrong || status == .spurious }

    /// Whether the cluster holds a miss (``Status/wrong`` or ``Status/missed``).
    public var isMiss: Bool { status == .wrong || status == .missed }
}
