import Foundation

extension EvaluationReport {
    /// The JSON schema identifier ``json()`` writes.
    public static let schema = "wirefix-eval/1"

    /// The report as a pretty-printed JSON document: `{"schema": "wirefix-eval/1", "report": …}`
    /// where the report has `cases`, `negatives`, `articles`, `suggest_only`, `total`, `by_rule`,
    /// `by_kind`, `by_set` (rows `{"name", "score"}`, see ``EvaluationScore`` for the score's keys),
    /// `false_positives` and `misses` (see ``Issue``). Keys are sorted, so a committed report
    /// diffs cleanly. Ends with a line feed.
    public func json() -> String {
        struct Document: Encodable {
            let schema: String
            let report: EvaluationReport
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Document(schema: Self.schema, report: self)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The report as plain text: a summary line, the tables by rule, by kind and by set, the
    /// total, then every false positive grouped by rule and every miss grouped by kind, each with
    /// its case id, the span (input → got, expected) and the whole line (input, got, expected).
    /// Percentages have one decimal; `-` marks an undefined ratio.
    public func table() -> String {
        var out = "Evaluation of \(cases) cases: \(cases - articles) sentence cases (\(negatives) negatives, \(suggestOnly) to suggest only) and \(articles) articles\n\n"
        out += Self.renderTable(title: "By rule", rows: byRule, withCases: false)
        out += "\n" + Self.renderTable(title: "By kind", rows: byKind, withCases: true)
        out += "\n" + Self.renderTable(title: "By set", rows: bySet + [Row(name: "total", score: total)], withCases: true)

        out += "\nFalse positives: \(falsePositives.count)\n"
        var byRule: [String: [Issue]] = [:]
        for issue in falsePositives {
            for rule in issue.rules.isEmpty ? [Evaluator.unattributed] : issue.rules { byRule[rule, default: []].append(issue) }
        }
        for rule in byRule.keys.sorted() {
            out += "  \(rule) (\(byRule[rule]!.count))\n"
            for issue in byRule[rule]! { out += Self.render(issue) }
        }
        out += "\nMisses: \(misses.count)\n"
        var byKind: [String: [Issue]] = [:]
        for issue in misses { byKind[issue.kind, default: []].append(issue) }
        let order = DamageKind.all
        for kind in byKind.keys.sorted(by: { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }) {
            out += "  \(kind) (\(byKind[kind]!.count))\n"
            for issue in byKind[kind]! { out += Self.render(issue) }
        }
        return out
    }

    /// One issue: a header line and the line(s) it is in.
    static func render(_ issue: Issue) -> String {
        var header = "    \(issue.id) [\(issue.kind)] \(issue.status.rawValue): \(quoted(issue.original)) → got \(quoted(issue.got)), expected \(quoted(issue.expected))"
        if !issue.rules.isEmpty { header += "; applied by \(issue.rules.joined(separator: ", "))" }
        if !issue.suggestedBy.isEmpty { header += "; suggested by \(issue.suggestedBy.joined(separator: ", "))" }
        if !issue.flaggedBy.isEmpty { header += "; flagged by \(issue.flaggedBy.joined(separator: ", "))" }
        return header + "\n"
            + "      input:    \(visible(issue.inputLine))\n"
            + "      got:      \(visible(issue.gotLine))\n"
            + "      expected: \(visible(issue.expectedLine))\n"
    }

    /// Text in double quotes with invisible characters spelled out.
    static func quoted(_ text: String) -> String { "\"\(visible(text))\"" }

    /// Spells out invisible and combining characters as `<U+200B>` so a reader sees them.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format, .control, .nonspacingMark, .enclosingMark:
                result += "<U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))>"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A table of rows with aligned columns.
    static func renderTable(title: String, rows: [Row], withCases: Bool) -> String {
        var header = [title]
        if withCases { header += ["cases", "exact"] }
        header += ["applied", "correct", "wrong", "expected", "found", "missed", "precision", "recall", "F1", "suggest", "find"]
        var lines = [header]
        for row in rows {
            let score = row.score
            var cells = [row.name]
            if withCases { cells += ["\(score.cases)", "\(score.exactCases)"] }
            cells += ["\(score.applied)", "\(score.correct)", "\(score.wrong)", "\(score.expected)", "\(score.found)",
                      "\(score.missed)", percent(score.precision), percent(score.recall), percent(score.f1),
                      "\(score.suggestions)", "\(score.findings)"]
            lines.append(cells)
        }
        var widths = [Int](repeating: 0, count: header.count)
        for line in lines { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return lines.map { line in
            line.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `97.5%`, or `-` for `nil`.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f%%", value * 100)
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
