import WirefixEngine

/// The document ``JSONReporter`` writes, schema `wirefix-report/2`; decode a report with
/// `JSONDecoder().decode(JSONReport.self, from: data)`.
///
/// Shape (keys are sorted in the output; `Documentation/JSONReport.md` has the full description):
///
/// ```json
/// {
///   "errors" : [
///     { "message" : "missing.txt: cannot read: No such file or directory", "path" : "missing.txt" }
///   ],
///   "files" : [
///     {
///       "changed" : true,
///       "corrections" : [
///         {
///           "column" : 7, "confidence" : 0.95, "end" : 21, "entity_id" : "diosdado-cabello",
///           "explanation" : "…", "line" : 1, "original" : "God given hair",
///           "replacement" : "Diosdado Cabello", "rule_id" : "calque_names", "start" : 7
///         }
///       ],
///       "findings" : [ ],
///       "path" : "article.txt",
///       "suggestions" : [ ],
///       "totals" : { "corrections" : 1, "findings" : 0, "replaced_invalid_bytes" : 0, "suggestions" : 0 }
///     }
///   ],
///   "schema" : "wirefix-report/2",
///   "totals" : { "changed_files" : 1, "corrections" : 1, "files" : 1, "findings" : 0,
///                "replaced_invalid_bytes" : 0, "suggestions" : 0 }
/// }
/// ```
///
/// `start` and `end` are UTF-8 byte offsets into the file as read (after any `--lossy`
/// replacement), half-open; `line` and `column` are 1-based, the column counted in Unicode
/// scalars and not counting a byte-order mark at the start of the file. A later schema that
/// removes or changes a key gets a new number; added keys keep it.
///
/// Changes from `wirefix-report/1`: the `errors` array; `changed` (and `changed_files`) also
/// count a file whose invalid bytes `--lossy` replaced; columns on line 1 of a file with a
/// byte-order mark no longer count the mark.
public struct JSONReport: Sendable, Hashable, Codable {
    /// The schema identifier of this version: `wirefix-report/2`.
    public static let schemaIdentifier = "wirefix-report/2"

    /// Always ``schemaIdentifier`` for reports this version writes.
    public var schema: String
    /// What failed: inputs that could not be read or written and problems that stopped the run,
    /// in the order they happened. Empty when everything succeeded.
    public var errors: [ReportError]
    /// Counts over every file.
    public var totals: Summary
    /// One entry per file, in the order the files were given.
    public var files: [File]

    /// Counts over a whole run.
    public struct Summary: Sendable, Hashable, Codable {
        /// Files cleaned (files that failed to read are not counted).
        public var files: Int
        /// Files whose output differs from the file as read (see ``File/changed``).
        public var changedFiles: Int
        /// Applied corrections.
        public var corrections: Int
        /// Suggestions: corrections not applied.
        public var suggestions: Int
        /// Findings of detect-only rules.
        public var findings: Int
        /// Invalid UTF-8 bytes replaced with U+FFFD (`--lossy`).
        public var replacedInvalidBytes: Int

        private enum CodingKeys: String, CodingKey {
            case files, corrections, suggestions, findings
            case changedFiles = "changed_files"
            case replacedInvalidBytes = "replaced_invalid_bytes"
        }
    }

    /// The results for one file.
    public struct File: Sendable, Hashable, Codable {
        /// The path as given on the command line; `-` for standard input.
        public var path: String
        /// Whether the output differs from the file as read: a correction was applied or `--lossy`
        /// replaced invalid bytes.
        public var changed: Bool
        /// Counts for this file.
        public var totals: ReportTotals
        /// Applied corrections, in order of their span.
        public var corrections: [Item]
        /// Corrections reported but not applied (confidence below the threshold, or overlapping a
        /// stronger one), in order of their span.
        public var suggestions: [Item]
        /// Problems a detect-only rule reports; never applied. `replacement` equals `original`.
        public var findings: [Item]
    }

    /// One correction, suggestion or finding.
    public struct Item: Sendable, Hashable, Codable {
        /// The rule's identifier, e.g. `calque_names`.
        public var ruleID: String
        /// UTF-8 byte offset of the span's first byte in the file, from 0.
        public var start: Int
        /// UTF-8 byte offset one past the span's last byte.
        public var end: Int
        /// The line of `start`, from 1.
        public var line: Int
        /// The column of `start` in Unicode scalars, from 1.
        public var column: Int
        /// The text of the span.
        public var original: String
        /// The text proposed for the span.
        public var replacement: String
        /// The rule's confidence, 0...1.
        public var confidence: Double
        /// The lexicon entity the rule relied on, or `nil` (JSON `null`).
        public var entityID: String?
        /// One line of evidence.
        public var explanation: String

        private enum CodingKeys: String, CodingKey {
            case start, end, line, column, original, replacement, confidence, explanation
            case ruleID = "rule_id"
            case entityID = "entity_id"
        }

        /// Encodes every key, writing `null` for a missing entity id.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ruleID, forKey: .ruleID)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(original, forKey: .original)
            try container.encode(replacement, forKey: .replacement)
            try container.encode(confidence, forKey: .confidence)
            try container.encode(entityID, forKey: .entityID)
            try container.encode(explanation, forKey: .explanation)
        }
    }

    /// Builds the document for a report.
    ///
    /// - Complexity: O(*n*) in the number of corrections, plus O(*b*) per file in bytes when a
    ///   correction lacks its location and one has to be computed.
    public init(_ report: CorrectionReport) {
        self.init(summary: report.summary, errors: report.errors, files: report.files.map(File.init))
    }

    /// The document for a run of `summary` and `errors`, listing `files`.
    init(summary: ReportSummary, errors: [ReportError], files: [File]) {
        schema = Self.schemaIdentifier
        self.errors = errors
        totals = Summary(files: summary.files, changedFiles: summary.changedFiles,
                         corrections: summary.totals.corrections, suggestions: summary.totals.suggestions,
                         findings: summary.totals.findings, replacedInvalidBytes: summary.totals.replacedInvalidBytes)
        self.files = files
    }
}

extension JSONReport.File {
    /// The entry for one file's report.
    ///
    /// - Complexity: O(*n*) in the number of corrections, plus O(*b*) in the file's bytes when a
    ///   correction lacks its location and one has to be computed.
    public init(_ file: FileReport) {
        var locator = FileReport.Locator(file)
        func item(_ correction: Correction) -> JSONReport.Item {
            JSONReport.Item(correction, at: locator.location(of: correction))
        }
        self.init(path: file.path, changed: file.changed, totals: file.totals,
                  corrections: file.result.corrections.map(item), suggestions: file.result.suggestions.map(item),
                  findings: file.result.findings.map(item))
    }
}

extension JSONReport.Item {
    /// The entry of `correction`, whose span starts at `location`.
    init(_ correction: Correction, at location: SourceLocation) {
        self.init(ruleID: correction.ruleID, start: correction.range.start, end: correction.range.end,
                  line: location.line, column: location.column, original: correction.original,
                  replacement: correction.replacement, confidence: correction.confidence,
                  entityID: correction.entityID, explanation: correction.explanation)
    }
}
