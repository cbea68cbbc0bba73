/// Aggregates case evaluations one at a time into an ``EvaluationReport``, so that a corpus of
/// any size can be scored without keeping every evaluation in memory.
///
/// See ``Evaluator`` for what is counted and how edits are attributed. Suggestions and findings
/// count per rule, per set, and per kind of the case they were reported in (not for articles and
/// synthetic documents, whose kinds are per edit).
public struct EvaluationTally: Sendable {
    private var rules: [String: EvaluationScore] = [:]
    private var kinds: [String: EvaluationScore] = [:]
    private var sets: [String: EvaluationScore] = [:]
    private var buckets: [Int: EvaluationScore] = [:]
    private var total = EvaluationScore()
    private var falsePositives: [EvaluationReport.Issue] = []
    private var misses: [EvaluationReport.Issue] = []
    private var falsePositiveCount = 0
    private var missCount = 0
    private var cases = 0
    private var negatives = 0
    private var articles = 0
    private var suggestOnly = 0
    private var bytes = 0
    private var bytesBySet: [String: Int] = [:]

    /// How many false positives and misses to keep for listing (each); `nil` keeps all. The
    /// counts are always complete.
    public var listLimit: Int?

    /// Creates an empty tally.
    ///
    /// - Parameter listLimit: the most false positives and misses to list, each; `nil` for all.
    public init(listLimit: Int? = nil) {
        self.listLimit = listLimit
    }

    /// Adds one case's evaluation.
    ///
    /// - Complexity: linear in its clusters, suggestions and findings.
    public mutating func add(_ evaluation: CaseEvaluation) {
        let item = evaluation.evaluationCase
        let set = item.set
        let perCaseKind = !item.labelsEachEdit
        cases += 1
        bytes += item.input.utf8.count
        bytesBySet[set, default: 0] += item.input.utf8.count
        if item.isNegative { negatives += 1 }
        if item.isArticle { articles += 1 }
        if !item.isNegative && !item.labelsEachEdit && item.kind != EvaluationCase.cleanCopyKind && item.expectsNoChange {
            suggestOnly += 1
        }
        var caseScore = EvaluationScore(cases: 1, exactCases: evaluation.isExact ? 1 : 0,
                                        suggestions: evaluation.suggestions.count, findings: evaluation.findings.count)
        if perCaseKind {
            kinds[item.kind, default: EvaluationScore()].cases += 1
            if evaluation.isExact { kinds[item.kind, default: EvaluationScore()].exactCases += 1 }
        }
        for suggestion in evaluation.suggestions {
            rules[suggestion.ruleID, default: EvaluationScore()].suggestions += 1
            if perCaseKind { kinds[item.kind, default: EvaluationScore()].suggestions += 1 }
        }
        for finding in evaluation.findings {
            rules[finding.ruleID, default: EvaluationScore()].findings += 1
            if perCaseKind { kinds[item.kind, default: EvaluationScore()].findings += 1 }
        }
        for cluster in evaluation.clusters {
            let isCorrect = cluster.status == .correct
            // Applied edits: per rule, per kind and per confidence bucket.
            for (index, rulesOfEdit) in cluster.appliedRules.enumerated() {
                for rule in rulesOfEdit {
                    rules[rule, default: EvaluationScore()].applied += 1
                    if isCorrect { rules[rule, default: EvaluationScore()].correct += 1 }
                }
                kinds[cluster.kind, default: EvaluationScore()].applied += 1
                if isCorrect { kinds[cluster.kind, default: EvaluationScore()].correct += 1 }
                let bucket = ConfidenceBuckets.index(of: index < cluster.appliedConfidences.count ? cluster.appliedConfidences[index] : 1)
                buckets[bucket, default: EvaluationScore()].applied += 1
                if isCorrect { buckets[bucket, default: EvaluationScore()].correct += 1 }
                caseScore.applied += 1
                if isCorrect { caseScore.correct += 1 }
            }
            // Expected edits: per kind, and per rule as ``Evaluator`` documents.
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
            if cluster.isFalsePositive { falsePositiveCount += 1 }
            if cluster.isMiss { missCount += 1 }
            let listFalsePositive = cluster.isFalsePositive && falsePositives.count < (listLimit ?? Int.max)
            let listMiss = cluster.isMiss && misses.count < (listLimit ?? Int.max)
            guard listFalsePositive || listMiss else { continue }
            let line = evaluation.context(of: cluster)
            let excerpt = evaluation.excerpt(of: cluster)
            let issue = EvaluationReport.Issue(
                id: item.id, kind: cluster.kind, status: cluster.status, rules: cluster.rules,
                suggestedBy: cluster.suggestedBy, flaggedBy: cluster.flaggedBy, range: cluster.range,
                original: excerpt.input, got: excerpt.got, expected: excerpt.expected,
                inputLine: line.input, gotLine: line.got, expectedLine: line.expected, note: item.note)
            if listFalsePositive { falsePositives.append(issue) }
            if listMiss { misses.append(issue) }
        }
        sets[set, default: EvaluationScore()] += caseScore
        total += caseScore
    }

    /// The report of everything added so far.
    public var report: EvaluationReport {
        let special = [Evaluator.noRule, Evaluator.unattributed]
        let byRule = rules.keys.filter { !special.contains($0) }.sorted().map { EvaluationReport.Row(name: $0, score: rules[$0]!) }
            + special.compactMap { name in rules[name].map { EvaluationReport.Row(name: name, score: $0) } }
        let order = DamageKind.all + [EvaluationCase.articleKind, EvaluationCase.syntheticKind, EvaluationCase.cleanCopyKind]
        let byKind = kinds.keys.sorted { lhs, rhs in
            let left = order.firstIndex(of: lhs) ?? order.count
            let right = order.firstIndex(of: rhs) ?? order.count
            return left != right ? left < right : lhs < rhs
        }.map { EvaluationReport.Row(name: $0, score: kinds[$0]!) }
        // Named sets of case files (see ``EvaluationCorpus``) come after `cases`, by name.
        let fixed = ["articles", "synthetic", "clean-copy"]
        let named = sets.keys.filter { $0 != "cases" && !fixed.contains($0) }.sorted()
        let bySet = (["cases"] + named + fixed).compactMap { name in
            sets[name].map { EvaluationReport.Row(name: name, score: $0) }
        }
        let byConfidence = buckets.keys.sorted(by: >).map {
            EvaluationReport.Row(name: ConfidenceBuckets.name(of: $0), score: buckets[$0]!)
        }
        return EvaluationReport(
            cases: cases, negatives: negatives, articles: articles, suggestOnly: suggestOnly, bytes: bytes, bytesBySet: bytesBySet, total: total,
            byRule: byRule, byKind: byKind, bySet: bySet, byConfidence: byConfidence,
            falsePositives: falsePositives, misses: misses,
            falsePositiveCount: falsePositiveCount, missCount: missCount)
    }
}

/// The confidence buckets of a calibration: 0.05 wide from 0.30 up ("0.30-0.35", …,
/// "0.95-1.00", where 1.00 belongs to the last), and "<0.30" below.
public enum ConfidenceBuckets {
    /// The bucket index of a confidence: `⌊confidence × 20⌋` clamped to 5...19, where 5 stands
    /// for everything below 0.30 and 19 for 0.95 to 1.
    static func index(of confidence: Double) -> Int {
        min(19, max(5, Int((confidence * 20 + 1e-9).rounded(.down))))
    }

    /// The bucket's name: "0.90-0.95", or "<0.30" for the lowest.
    static func name(of index: Int) -> String {
        if index <= 5 { return "<0.30" }
        return String(format: "%.2f-%.2f", Double(index) / 20, Double(index + 1) / 20)
    }
}
