import WirefixEngine

/// Turns the results of cleaning one or more files into a report.
///
/// Reporters are stateless: a report is a pure function of a ``CorrectionReport``. Pick one by
/// name with ``reporter(identifier:)``; ``reportersList`` lists them all.
public protocol Reporter: Sendable {
    /// The name used on the command line: `diff`, `json`, `text`.
    static var identifier: String { get }
    /// The report as text. Empty input (no files) gives a valid, empty report of the format.
    static func generateReport(_ report: CorrectionReport) -> String
}

/// Every reporter, in the order the command line lists them.
public let reportersList: [any Reporter.Type] = [TextReporter.self, JSONReporter.self, DiffReporter.self]

/// The reporter whose ``Reporter/identifier`` is `identifier`, or `nil` when there is none.
public func reporter(identifier: String) -> (any Reporter.Type)? {
    reportersList.first { $0.identifier == identifier }
}

/// The results of one run: one entry per file (or one for standard input).
public struct CorrectionReport: Sendable, Hashable {
    /// Per-file results, in the order the files were given.
    public var files: [FileReport]

    /// Creates a report.
    public init(files: [FileReport]) { self.files = files }

    /// The counts summed over every file.
    public var totals: ReportTotals {
        files.reduce(into: ReportTotals()) { sum, file in
            let counts = file.totals
            sum.corrections += counts.corrections
            sum.suggestions += counts.suggestions
            sum.findings += counts.findings
            sum.replacedInvalidBytes += counts.replacedInvalidBytes
        }
    }

    /// How many files cleaning changed.
    public var changedFileCount: Int { files.count(where: { $0.result.changed }) }
}

/// The result of cleaning one file.
public struct FileReport: Sendable, Hashable {
    /// The path as the user gave it, or ``standardInputPath`` (`-`) for standard input.
    public var path: String
    /// What cleaning produced; its ranges are UTF-8 byte offsets into the file's bytes (after any
    /// `--lossy` replacement).
    public var result: CorrectionResult
    /// How many invalid UTF-8 bytes `--lossy` replaced with U+FFFD before cleaning (0 otherwise).
    public var replacedInvalidBytes: Int

    /// The ``path`` that stands for standard input.
    public static let standardInputPath = "-"

    /// Creates a file report.
    public init(path: String, result: CorrectionResult, replacedInvalidBytes: Int = 0) {
        self.path = path
        self.result = result
        self.replacedInvalidBytes = replacedInvalidBytes
    }

    /// Whether this report is for standard input.
    public var isStandardInput: Bool { path == Self.standardInputPath }

    /// The path for messages meant for people: `<stdin>` for standard input, else ``path``.
    public var displayPath: String { isStandardInput ? "<stdin>" : path }

    /// The counts for this file.
    public var totals: ReportTotals {
        ReportTotals(corrections: result.corrections.count, suggestions: result.suggestions.count,
                     findings: result.findings.count, replacedInvalidBytes: replacedInvalidBytes)
    }
}

/// How many corrections, suggestions, findings and replaced bytes a file or a run has.
public struct ReportTotals: Sendable, Hashable, Codable {
    /// Applied corrections.
    public var corrections: Int
    /// Corrections reported but not applied.
    public var suggestions: Int
    /// Problems reported by detect-only rules.
    public var findings: Int
    /// Invalid UTF-8 bytes replaced with U+FFFD by `--lossy`.
    public var replacedInvalidBytes: Int

    /// Creates totals; every count defaults to 0.
    public init(corrections: Int = 0, suggestions: Int = 0, findings: Int = 0, replacedInvalidBytes: Int = 0) {
        self.corrections = corrections
        self.suggestions = suggestions
        self.findings = findings
        self.replacedInvalidBytes = replacedInvalidBytes
    }

    private enum CodingKeys: String, CodingKey {
        case corrections, suggestions, findings
        case replacedInvalidBytes = "replaced_invalid_bytes"
    }
}
