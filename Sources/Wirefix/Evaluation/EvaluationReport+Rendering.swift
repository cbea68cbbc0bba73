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
        var out = "Evaluation of \(cases) cases: \(summary)\n\n"
        out += Self.renderTable(title: "By rule", rows: byRule, withCases: false)
        out += "\n" + Self.renderTable(title: "By kind", rows: byKind, withCases: true)
        out += "\n" + Self.renderTable(title: "By set", rows: bySet + [Row(name: "total", score: total)], withCases: true)

        if bytes >= 100_000 || bySet.contains(where: { $0.name == "clean-copy" }) {
            out += "\n" + perMegabyte() + "\n"
        }
        out += "\nFalse positives: \(falsePositiveCount)\(falsePositives.count < falsePositiveCount ? " (first \(falsePositives.count) listed)" : "")\n"
        var byRule: [String: [Issue]] = [:]
        for issue in falsePositives {
            for rule in issue.rules.isEmpty ? [Evaluator.unattributed] : issue.rules { byRule[rule, default: []].append(issue) }
        }
        for rule in byRule.keys.sorted() {
            out += "  \(rule) (\(byRule[rule]!.count))\n"
            for issue in byRule[rule]! { out += Self.render(issue) }
        }
        out += "\nMisses: \(missCount)\(misses.count < missCount ? " (first \(misses.count) listed)" : "")\n"
        var byKind: [String: [Issue]] = [:]
        for issue in misses { byKind[issue.kind, default: []].append(issue) }
        let order = DamageKind.all
        for kind in byKind.keys.sorted(by: { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }) {
            out += "  \(kind) (\(byKind[kind]!.count))\n"
            for issue in byKind[kind]! { out += Self.render(issue) }
        }
        return out
    }

    /// What was evaluated, in words: "546 sentence cases (219 negatives, 22 to suggest only) and
    /// 15 articles", followed by the synthetic documents and clean-copy files when there are any.
    var summary: String {
        var sentences = 0, synthetic = 0, clean = 0
        for row in bySet {
            switch row.name {
            case "articles": break
            case "synthetic": synthetic = row.score.cases
            case "clean-copy": clean = row.score.cases
            default: sentences += row.score.cases  // `cases` and the named sets of case files
            }
        }
        var parts: [String] = []
        if sentences > 0 || (synthetic == 0 && clean == 0) {
            parts.append("\(sentences) sentence cases (\(negatives) negatives, \(suggestOnly) to suggest only)")
        }
        if articles > 0 || parts.count == 1 && synthetic == 0 && clean == 0 { parts.append("\(articles) articles") }
        if synthetic > 0 { parts.append("\(synthetic) synthetic documents") }
        if clean > 0 { parts.append("\(clean) clean-copy files") }
        let joined = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts.last! : parts[0]
        return joined + (bytes >= 100_000 ? String(format: ", %.2f MB", Double(bytes) / 1_000_000) : "")
    }

    /// Applied corrections, suggestions and findings per MB (10⁶ bytes) of input: in total, and
    /// per set when there are several.
    public func perMegabyte() -> String {
        func line(_ name: String, _ score: EvaluationScore, _ size: Int) -> String {
            let megabytes = max(Double(size) / 1_000_000, 1e-9)
            return String(format: "Per MB%@: %.1f applied, %.1f suggestions, %.1f findings (%.2f MB of input)",
                          name.isEmpty ? "" : " (\(name))", Double(score.applied) / megabytes,
                          Double(score.suggestions) / megabytes, Double(score.findings) / megabytes, Double(size) / 1_000_000)
        }
        if bySet.count == 1, let only = bySet.first { return line(only.name, only.score, bytes) }
        return ([line("", total, bytes)] + bySet.map { line($0.name, $0.score, bytesBySet[$0.name] ?? 0) }).joined(separator: "\n")
    }

    /// The calibration tables: precision per confidence bucket of the applied edits (run with
    /// the apply threshold at 0 so every correction is applied), and the threshold sweep.
    public static func calibrationTable(buckets: EvaluationReport, sweep: [(threshold: Double, report: EvaluationReport)],
                                        chosen: Double?, target: Double) -> String {
        var out = "Precision per confidence bucket (every correction applied)\n"
        var lines = [["confidence", "applied", "correct", "wrong", "precision"]]
        for row in buckets.byConfidence {
            lines.append([row.name, "\(row.score.applied)", "\(row.score.correct)", "\(row.score.wrong)", percent(row.score.precision)])
        }
        out += aligned(lines)
        out += "\nThreshold sweep (corrections applied from the threshold up)\n"
        lines = [["threshold", "applied", "correct", "wrong", "expected", "found", "precision", "recall", "F1", "suggest"]]
        for (threshold, report) in sweep {
            let score = report.total
            lines.append([String(format: "%.2f", threshold), "\(score.applied)", "\(score.correct)", "\(score.wrong)",
                          "\(score.expected)", "\(score.found)", percent(score.precision), percent(score.recall),
                          percent(score.f1), "\(score.suggestions)"])
        }
        out += aligned(lines)
        if let chosen {
            out += String(format: "\nLowest threshold with precision ≥ %.1f%% there, at every higher threshold and in every bucket up to 0.90: %.2f\n", target * 100, chosen)
        } else {
            out += String(format: "\nNo threshold keeps precision ≥ %.1f%%\n", target * 100)
        }
        return out
    }

    /// The calibration as JSON (schema `wirefix-calibration/1`): `buckets` (rows of
    /// ``byConfidence`` of the run with every correction applied), `sweep` (per threshold, the
    /// total score), `target` and `chosen` (`null` when no threshold keeps the target).
    public static func calibrationJSON(buckets: EvaluationReport, sweep: [(threshold: Double, report: EvaluationReport)],
                                       chosen: Double?, target: Double) -> String {
        struct Point: Encodable {
            let threshold: Double
            let score: EvaluationScore
        }
        struct Calibration: Encodable {
            let schema = "wirefix-calibration/1"
            let buckets: [Row]
            let sweep: [Point]
            let target: Double
            let chosen: Double?

            enum CodingKeys: String, CodingKey { case schema, buckets, sweep, target, chosen }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(schema, forKey: .schema)
                try container.encode(buckets, forKey: .buckets)
                try container.encode(sweep, forKey: .sweep)
                try container.encode(target, forKey: .target)
                try container.encode(chosen, forKey: .chosen)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let value = Calibration(buckets: buckets.byConfidence, sweep: sweep.map { Point(threshold: $0.threshold, score: $0.report.total) },
                                target: target, chosen: chosen)
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Rows of cells, the first column left-aligned and the others right-aligned.
    static func aligned(_ lines: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: lines.first?.count ?? 0)
        for line in lines { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return lines.map { line in
            line.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
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
        return aligned(lines)
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
