/// The aggregate of an evaluation: scores per rule, per kind, per set (sentence cases and
/// articles) and in total, with every false positive and every miss.
///
/// See ``Evaluator`` for what is counted and how edits are attributed, ``table()`` for the text
/// form and ``json()`` for the JSON form (schema `wirefix-eval/1`).
public struct EvaluationReport: Sendable, Hashable, Codable {
    /// One false positive or miss: a cluster of one case, with the line it is in.
    public struct Issue: Sendable, Hashable, Codable {
        /// The case's id.
        public var id: String
        /// The kind the cluster counts under.
        public var kind: String
        /// `wrong` (a false positive and a miss at once), `spurious` (a false positive only) or
        /// `missed` (a miss only).
        public var status: EditCluster.Status
        /// The rules that made the applied edits.
        public var rules: [String]
        /// Rules that suggested something there without applying it.
        public var suggestedBy: [String]
        /// Detect-only rules that reported a finding there.
        public var flaggedBy: [String]
        /// The cluster's span in the input, in UTF-8 byte offsets.
        public var range: TextRange
        /// The input around the span (``CaseEvaluation/excerpt(of:)``).
        public var original: String
        /// The output around the span.
        public var got: String
        /// The expected text around the span.
        public var expected: String
        /// The input line(s) holding the span: the whole input for a one-line case.
        public var inputLine: String
        /// The same line(s) in the output.
        public var gotLine: String
        /// The same line(s) in the expected text.
        public var expectedLine: String
        /// The case's note.
        public var note: String

        private enum CodingKeys: String, CodingKey {
            case id, kind, status, rules, suggestedBy = "suggested_by", flaggedBy = "flagged_by", range
            case original, got, expected, inputLine = "input_line", gotLine = "got_line", expectedLine = "expected_line", note
        }
    }

    /// One named row of scores.
    public struct Row: Sendable, Hashable, Codable {
        /// The rule identifier, the kind, or the set.
        public var name: String
        /// Its counts.
        public var score: EvaluationScore
    }

    /// The number of cases (sentence cases, articles, synthetic documents, clean-copy files).
    public var cases: Int
    /// Of them, the negatives.
    public var negatives: Int
    /// Of them, the whole articles.
    public var articles: Int
    /// Of them, the non-negative sentence cases whose expected text equals the input (damage to
    /// suggest or report only).
    public var suggestOnly: Int
    /// The size of all inputs together, in UTF-8 bytes.
    public var bytes: Int
    /// The size of the inputs of each set (``EvaluationCase/set``), in UTF-8 bytes.
    public var bytesBySet: [String: Int]
    /// Everything together.
    public var total: EvaluationScore
    /// Per rule, by identifier; then ``Evaluator/noRule`` and ``Evaluator/unattributed`` if used.
    public var byRule: [Row]
    /// Per kind, in the order of ``DamageKind/all`` and then by name.
    public var byKind: [Row]
    /// Per set (``EvaluationCase/set``): `cases`, `articles`, `synthetic`, `clean-copy`, those
    /// present.
    public var bySet: [Row]
    /// Applied edits per confidence bucket (see ``ConfidenceBuckets``): only `applied` and
    /// `correct` are counted. Meaningful for calibration when the corrector applied everything
    /// (apply threshold 0).
    public var byConfidence: [Row]
    /// Every cluster with a false positive, in case order (the first ``listLimit`` when set).
    public var falsePositives: [Issue]
    /// Every cluster with a miss, in case order (the first ``listLimit`` when set).
    public var misses: [Issue]
    /// The number of clusters with a false positive, listed or not.
    public var falsePositiveCount: Int
    /// The number of clusters with a miss, listed or not.
    public var missCount: Int

    private enum CodingKeys: String, CodingKey {
        case cases, negatives, articles, suggestOnly = "suggest_only", bytes, bytesBySet = "bytes_by_set", total, byRule = "by_rule", byKind = "by_kind"
        case bySet = "by_set", byConfidence = "by_confidence", falsePositives = "false_positives", misses
        case falsePositiveCount = "false_positive_count", missCount = "miss_count"
    }

    /// Aggregates per-case evaluations.
    ///
    /// - Complexity: linear in the number of clusters, suggestions and findings.
    public init(_ evaluations: [CaseEvaluation]) {
        var tally = EvaluationTally()
        for evaluation in evaluations { tally.add(evaluation) }
        self = tally.report
    }

    /// Creates a report from its parts (see ``EvaluationTally``).
    init(cases: Int, negatives: Int, articles: Int, suggestOnly: Int, bytes: Int, bytesBySet: [String: Int], total: EvaluationScore,
         byRule: [Row], byKind: [Row], bySet: [Row], byConfidence: [Row], falsePositives: [Issue], misses: [Issue],
         falsePositiveCount: Int, missCount: Int) {
        self.cases = cases
        self.negatives = negatives
        self.articles = articles
        self.suggestOnly = suggestOnly
        self.bytes = bytes
        self.bytesBySet = bytesBySet
        self.total = total
        self.byRule = byRule
        self.byKind = byKind
        self.bySet = bySet
        self.byConfidence = byConfidence
        self.falsePositives = falsePositives
        self.misses = misses
        self.falsePositiveCount = falsePositiveCount
        self.missCount = missCount
    }
}
