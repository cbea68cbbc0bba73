import WirefixEngine

/// Turns the results of cleaning one or more files into a report.
public protocol Reporter: Sendable {
    /// The name used on the command line: `diff`, `json`, `text`.
    static var identifier: String { get }
    /// The report as text.
    static func generateReport(_ report: CorrectionReport) -> String
}

/// The results of one run: one entry per file (or one for standard input).
public struct CorrectionReport: Sendable {
    /// Per-file results, in the order the files were given.
    public var files: [FileReport]

    /// Creates a report.
    public init(files: [FileReport]) { self.files = files }
}

/// The result of cleaning one file.
public struct FileReport: Sendable {
    /// The path as the user gave it, or `-` for standard input.
    public var path: String
    /// What cleaning produced.
    public var result: CorrectionResult
    /// How many invalid UTF-8 bytes `--lossy` replaced with U+FFFD before cleaning (0 otherwise).
    public var replacedInvalidBytes: Int

    /// Creates a file report.
    public init(path: String, result: CorrectionResult, replacedInvalidBytes: Int = 0) {
        self.path = path
        self.result = result
        self.replacedInvalidBytes = replacedInvalidBytes
    }
}
