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

    /// The number of cases (sentence cases and articles).
    public var cases: Int
    /// Of them, the negatives.
    public var negatives: Int
    /// Of them, the whole articles.
    public var articles: Int
    /// Of them, the non-negative cases whose expected text equals the input (damage to suggest
    /// only).
    public var suggestOnly: Int
    /// Everything together.
    public var total: EvaluationScore
    /// Per rule, by identifier; then ``Evaluator/noRule`` and ``Evaluator/unattributed`` if used.
    public var byRule: [Row]
    /// Per kind, in the order of ``DamageKind/all`` and then by name.
    public var byKind: [Row]
    /// Per set: `cases` (lines of case files) and `articles`.
    public var bySet: [Row]
    /// Every cluster with a false positive, in case order.
    public var falsePositives: [Issue]
    /// Every cluster with a miss, in case order.
    public var misses: [Issue]

    private enum CodingKeys: String, CodingKey {
        case cases, negatives, articles, suggestOnly = "suggest_only", total, byRule = "by_rule", byKind = "by_kind"
        case bySet = "by_set", falsePositives = "false_positives", misses
    }

    /// Aggregates per-case evaluations.
    ///
    /// - Complexity: linear in the number of clusters, suggestions and findings.
    public init(_ evaluations: [CaseEvaluation]) {
        var rules: [String: EvaluationScore] = [:]
        var kinds: [String: EvaluationScore] = [:]
        var sets: [String: EvaluationScore] = [:]
        var total = EvaluationScore()
        var falsePositives: [Issue] = []
        var misses: [Issue] = []
        for evaluation in evaluations {
            let item = evaluation.evaluationCase
            let set = item.isArticle ? "articles" : "cases"
            var caseScore = EvaluationScore(cases: 1, exactCases: evaluation.isExact ? 1 : 0,
                                            suggestions: evaluation.suggestions.count, findings: evaluation.findings.count)
            sets[set, default: EvaluationScore()] += caseScore
            total += caseScore
            if !item.isArticle {
                kinds[item.kind, default: EvaluationScore()].cases += 1
                if evaluation.isExact { kinds[item.kind, default: EvaluationScore()].exactCases += 1 }
            }
            for suggestion in evaluation.suggestions {
                rules[suggestion.ruleID, default: EvaluationScore()].suggestions += 1
                if !item.isArticle { kinds[item.kind, default: EvaluationScore()].suggestions += 1 }
            }
            for finding in evaluation.findings {
                rules[finding.ruleID, default: EvaluationScore()].findings += 1
                if !item.isArticle { kinds[item.kind, default: EvaluationScore()].findings += 1 }
            }
            caseScore = EvaluationScore()
            for cluster in evaluation.clusters {
                let isCorrect = cluster.status == .correct
                // Applied edits: per rule and per kind.
                for rulesOfEdit in cluster.appliedRules {
                    for rule in rulesOfEdit {
                        rules[rule, default: EvaluationScore()].applied += 1
                        if isCorrect { rules[rule, default: EvaluationScore()].correct += 1 }
                    }
                    kinds[cluster.kind, default: EvaluationScore()].applied += 1
                    if isCorrect { kinds[cluster.kind, default: EvaluationScore()].correct += 1 }
                    caseScore.applied += 1
                    if isCorrect { caseScore.correct += 1 }
                }
                // Expected edits: per kind, and per rule as the type documents.
                var owners = Set(cluster.appliedRules.joined())
                if !isCorrect { owners.formUnion(cluster.suggestedBy + cluster.flaggedBy) }
                if owners.isEmpty { owners = [Evaluator.noRule] }
                for kind in cluster.expectedKinds {
                    kinds[kind, default: EvaluationScore()].expected += 1
                    if isCorrect { kinds[kind, default: EvaluationScore()].found += 1 }
                    for rule in owners {
                        rules[rule, default: EvaluationScore()].expected += 1
                        if isCorrect { rules[rule, default: EvaluationScore()].found += 1 }
                    }
                    caseScore.expected += 1
                    if isCorrect { caseScore.found += 1 }
                }
                guard cluster.status != .correct else { continue }
                let line = evaluation.context(of: cluster)
                let excerpt = evaluation.excerpt(of: cluster)
                let issue = Issue(id: item.id, kind: cluster.kind, status: cluster.status, rules: cluster.rules,
                                  suggestedBy: cluster.suggestedBy, flaggedBy: cluster.flaggedBy, range: cluster.range,
                                  original: excerpt.input, got: excerpt.got, expected: excerpt.expected,
                                  inputLine: line.input, gotLine: line.got, expectedLine: line.expected, note: item.note)
                if cluster.isFalsePositive { falsePositives.append(issue) }
                if cluster.isMiss { misses.append(issue) }
            }
            sets[set, default: EvaluationScore()] += caseScore
            total += caseScore
        }
        self.cases = evaluations.count
        self.negatives = evaluations.filter { $0.evaluationCase.isNegative }.count
        self.articles = evaluations.filter { $0.evaluationCase.isArticle }.count
        self.suggestOnly = evaluations.filter { !$0.evaluationCase.isNegative && !$0.evaluationCase.isArticle && $0.evaluationCase.expectsNoChange }.count
        self.total = total
        let special = [Evaluator.noRule, Evaluator.unattributed]
        self.byRule = rules.keys.filter { !special.contains($0) }.sorted().map { Row(name: $0, score: rules[$0]!) }
            + special.compactMap { name in rules[name].map { Row(name: name, score: $0) } }
        let order = DamageKind.all + [EvaluationCase.articleKind]
        self.byKind = kinds.keys.sorted { lhs, rhs in
            let left = order.firstIndex(of: lhs) ?? order.count
            let right = order.firstIndex(of: rhs) ?? order.count
            return left != right ? left < right : lhs < rhs
        }.map { Row(name: $0, score: kinds[$0]!) }
        self.bySet = ["cases", "articles"].compactMap { name in sets[name].map { Row(name: name, score: $0) } }
        self.falsePositives = falsePositives
        self.misses = misses
    }
}
