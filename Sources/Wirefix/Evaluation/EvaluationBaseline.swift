import Foundation

/// The committed figures of an evaluation, against which a later run is checked: the report's
/// counts and scores without its lists of false positives and misses, the apply threshold and the
/// corpora it was measured on.
///
/// JSON (schema `wirefix-eval-baseline/1`): `{"schema", "threshold", "corpus": [paths],
/// "report": {…}}`, the report as ``EvaluationReport/json()`` writes it with empty
/// `false_positives` and `misses`. Keys are sorted, so a committed baseline diffs cleanly.
public struct EvaluationBaseline: Sendable, Hashable, Codable {
    /// The schema identifier.
    public static let schema = "wirefix-eval-baseline/1"

    /// Always ``schema``.
    public var schema: String
    /// The apply threshold the figures were measured at.
    public var threshold: Double
    /// The corpus paths, as given.
    public var corpus: [String]
    /// The report, without its issue lists.
    public var report: EvaluationReport

    /// Creates a baseline from a report (its issue lists are dropped).
    public init(report: EvaluationReport, threshold: Double, corpus: [String]) {
        var summary = report
        summary.falsePositives = []
        summary.misses = []
        self.schema = Self.schema
        self.threshold = threshold
        self.corpus = corpus
        self.report = summary
    }

    /// The baseline as pretty-printed JSON with sorted keys, ending with a line feed.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a baseline file.
    ///
    /// - Throws: ``EvaluationError`` naming the file when it cannot be read, is not JSON of this
    ///   schema, or lacks a field.
    public static func load(path: String) throws(EvaluationError) -> EvaluationBaseline {
        let text = try EvaluationCorpus.readText(path)
        do {
            let baseline = try JSONDecoder().decode(EvaluationBaseline.self, from: Data(text.utf8))
            guard baseline.schema == schema else {
                throw EvaluationError(file: path, "schema '\(baseline.schema)', expected '\(schema)'")
            }
            return baseline
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw EvaluationError(file: path, "not a \(schema) file: \(error)")
        }
    }
}
