import Foundation
import WirefixEngine

/// Reports every correction, suggestion and finding as JSON, schema `wirefix-report/2`.
///
/// The document is a ``JSONReport``: pretty-printed, keys sorted, slashes not escaped, ending in
/// a line feed, so that equal reports are equal strings. The schema is documented on
/// ``JSONReport`` and in `Documentation/JSONReport.md`.
public enum JSONReporter: Reporter {
    /// `json`.
    public static let identifier = "json"

    /// The report as a JSON document.
    public static func generateReport(_ report: CorrectionReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(JSONReport(report)), as: UTF8.self) + "\n"
        } catch {
            // Only a non-finite confidence could fail, and Correction clamps confidence to 0...1.
            preconditionFailure("a wirefix report failed to encode as JSON: \(error)")
        }
    }
}
