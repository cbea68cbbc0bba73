import ArgumentParser
import Wirefix

/// The report formats `--report` accepts, one per reporter in `reportersList`.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    /// One line per correction, then totals (``TextReporter``).
    case text
    /// The `wirefix-report/2` JSON document (``JSONReporter``).
    case json
    /// A unified diff that `patch -p1` and `git apply` accept (``DiffReporter``).
    case diff

    /// The reporter that writes this format.
    var reporter: any Reporter.Type {
        switch self {
        case .text: TextReporter.self
        case .json: JSONReporter.self
        case .diff: DiffReporter.self
        }
    }

    /// Shown in `--help` for each value.
    var defaultValueDescription: String { rawValue }

    /// Shown in `--help` beside each value.
    static var allValueDescriptions: [String: String] {
        [
            "text": "One line per correction, suggestion and finding, then totals.",
            "json": "A JSON document, schema wirefix-report/2 (see Documentation/JSONReport.md).",
            "diff": "A unified diff of each changed file, for patch -p1 or git apply.",
        ]
    }
}
