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
    /// The report as the bytes to write. The same as ``generateReport(_:)``'s UTF-8 except where a
    /// format must carry bytes that are not UTF-8: the diff report's `-` lines hold the original
    /// bytes of a file whose invalid UTF-8 `--lossy` replaced.
    static func generateReportBytes(_ report: CorrectionReport) -> [UInt8]
}

extension Reporter {
    /// The UTF-8 of ``generateReport(_:)``.
    public static func generateReportBytes(_ report: CorrectionReport) -> [UInt8] {
        Array(generateReport(report).utf8)
    }
}

/// Every reporter, in the order the command line lists them.
public let reportersList: [any Reporter.Type] = [TextReporter.self, JSONReporter.self, DiffReporter.self]

/// The reporter whose ``Reporter/identifier`` is `identifier`, or `nil` when there is none.
public func reporter(identifier: String) -> (any Reporter.Type)? {
    reportersList.first { $0.identifier == identifier }
}

/// The results of one run: one entry per file cleaned (or one for standard input), and one per
/// input or step that failed.
public struct CorrectionReport: Sendable, Hashable {
    /// Per-file results, in the order the files were given.
    public var files: [FileReport]
    /// What failed, in the order it happened: inputs that could not be read or written, and
    /// problems that stopped the run (a bad lexicon, an output directory that cannot be made).
    public var errors: [ReportError]

    /// Creates a report.
    public init(files: [FileReport], errors: [ReportError] = []) {
        self.files = files
        self.errors = errors
    }

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

    /// How many files cleaning changed (see ``FileReport/changed``).
    public var changedFileCount: Int { files.count(where: \.changed) }
}

/// Something that failed during a run, for reports that carry errors (the JSON report).
public struct ReportError: Sendable, Hashable, Codable {
    /// The input the error is about, as given on the command line (`-` for standard input), or
    /// `nil` when it is about no single input (a lexicon, the output directory).
    public var path: String?
    /// The message as the tool prints it on standard error, without the `wirefix: ` prefix, e.g.
    /// `notes.txt: invalid UTF-8 at byte offset 17 (use --lossy to replace invalid bytes)`.
    public var message: String

    /// Creates an error entry.
    public init(path: String?, message: String) {
        self.path = path
        self.message = message
    }

    private enum CodingKeys: String, CodingKey { case path, message }

    /// Encodes both keys, writing `null` for a missing path.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(message, forKey: .message)
    }
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
    /// The file's bytes exactly as read, when they are not the UTF-8 of `result.original` (the file
    /// held invalid UTF-8 that `--lossy` replaced); `nil` when they are.
    public var rawOriginal: [UInt8]?
    /// For a file cleaned as a stream, whose texts were not kept (`result.original` and
    /// `result.corrected` are then empty, and no diff can be made): whether the output differs
    /// from the file as read. `nil` when the texts are kept.
    public var streamedChange: Bool?

    /// The ``path`` that stands for standard input.
    public static let standardInputPath = "-"

    /// Creates a file report.
    ///
    /// - Parameters:
    ///   - rawOriginal: the bytes as read, when `--lossy` replaced some of them; see ``rawOriginal``.
    public init(path: String, result: CorrectionResult, replacedInvalidBytes: Int = 0, rawOriginal: [UInt8]? = nil) {
        self.path = path
        self.result = result
        self.replacedInvalidBytes = replacedInvalidBytes
        self.rawOriginal = rawOriginal
    }

    /// Whether this report is for standard input.
    public var isStandardInput: Bool { path == Self.standardInputPath }

    /// The path for messages meant for people: `<stdin>` for standard input, else ``path``.
    public var displayPath: String { isStandardInput ? "<stdin>" : path }

    /// The bytes of the file as read: ``rawOriginal``, or the UTF-8 of `result.original`.
    public var originalBytes: [UInt8] { rawOriginal ?? result.originalUTF8 }

    /// Whether the output differs from the file as read: a correction was applied, or `--lossy`
    /// replaced invalid bytes with U+FFFD (a change of the file, even when no rule changed
    /// anything).
    public var changed: Bool {
        if let streamedChange { return streamedChange }
        if let rawOriginal { return rawOriginal != result.correctedUTF8 }
        return result.changed
    }

    /// The counts for this file.
    public var totals: ReportTotals {
        ReportTotals(corrections: result.corrections.count, suggestions: result.suggestions.count,
                     findings: result.findings.count, replacedInvalidBytes: replacedInvalidBytes)
    }

    /// The line and column of a correction of this file: the one the correction carries, or else
    /// one computed from `result.original`. Columns count Unicode scalars from 1 and do not count
    /// a byte-order mark at the start of the file.
    ///
    /// - Complexity: O(1) when the correction has its location; else O(*n*) in the file's bytes
    ///   (use ``Locator`` for many).
    public func location(of correction: Correction) -> SourceLocation {
        var locator = Locator(self)
        return locator.location(of: correction)
    }

    /// Finds the locations of corrections of one file, indexing its lines once, on first need.
    public struct Locator {
        private let original: String
        private var cursor: LineIndex.Cursor?

        /// A locator for the corrections of `file`.
        public init(_ file: FileReport) {
            original = file.result.original
        }

        /// See ``FileReport/location(of:)``.
        public mutating func location(of correction: Correction) -> SourceLocation {
            if let location = correction.location { return location }
            if cursor == nil { cursor = LineIndex.Cursor(LineIndex(original)) }
            var location = cursor!.location(ofByteOffset: correction.range.start)
            if location.line == 1, location.column > 1, original.unicodeScalars.first == "\u{FEFF}" {
                location.column -= 1
            }
            return location
        }
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
