import WirefixEngine

/// Turns the results of cleaning one or more files into a report.
///
/// Reporters are stateless: a report is a pure function of a ``CorrectionReport``. Pick one by
/// name with ``reporter(identifier:)``; ``reportersList`` lists them all.
///
/// A report is made of one section per file, in the files' order, inside a frame that depends
/// only on the run's ``ReportSummary`` and errors: ``frame(summary:errors:)``'s `head`, the
/// sections joined by its `separator`, then its `tail`. A long run can so make each file's
/// section as soon as the file is cleaned, free the file's texts, and write the report at the end
/// from the sections (see ``ReportAssembler``), in memory that does not grow with the files'
/// texts; ``generateReportBytes(_:)`` gives the same bytes from a whole ``CorrectionReport``.
public protocol Reporter: Sendable {
    /// The name used on the command line: `diff`, `json`, `text`.
    static var identifier: String { get }
    /// The report as text. Empty input (no files) gives a valid, empty report of the format.
    static func generateReport(_ report: CorrectionReport) -> String
    /// The report as the bytes to write. The same as ``generateReport(_:)``'s UTF-8 except where a
    /// format must carry bytes that are not UTF-8: the diff report's `-` lines hold the original
    /// bytes of a file whose invalid UTF-8 `--lossy` replaced.
    static func generateReportBytes(_ report: CorrectionReport) -> [UInt8]
    /// The bytes of the report about one file (possibly none: an unchanged file in a diff).
    static func sectionBytes(for file: FileReport) -> [UInt8]
    /// What goes around the files' sections in a run of `summary` and `errors`.
    static func frame(summary: ReportSummary, errors: [ReportError]) -> ReportFrame
    /// Makes the section of a file cleaned as a stream, chunk by chunk (see
    /// ``ReportSectionBuilder``): its spools keep up to `spillThreshold` bytes in memory each, the
    /// rest in temporary files in `temporaryDirectory`. The default keeps the whole file's result
    /// and calls ``sectionBytes(for:)`` at the end; the built-in reporters stream.
    static func sectionBuilder(path: String, spillThreshold: Int, temporaryDirectory: String) -> any ReportSectionBuilder
}

extension Reporter {
    /// The frame's head, the non-empty sections of `report`'s files joined by its separator, and
    /// its tail.
    public static func generateReportBytes(_ report: CorrectionReport) -> [UInt8] {
        let frame = frame(summary: report.summary, errors: report.errors)
        var output = frame.head
        var wroteSection = false
        for file in report.files {
            let section = sectionBytes(for: file)
            if section.isEmpty { continue }
            if wroteSection { output += frame.separator }
            output += section
            wroteSection = true
        }
        output += frame.tail
        return output
    }

    /// ``generateReportBytes(_:)`` decoded as UTF-8 (bytes that are not become U+FFFD).
    public static func generateReport(_ report: CorrectionReport) -> String {
        String(decoding: generateReportBytes(report), as: UTF8.self)
    }
}

/// The bytes a report puts before, between and after its files' sections.
public struct ReportFrame: Sendable, Hashable {
    /// Before the first section (also when there is none).
    public var head: [UInt8]
    /// Between two non-empty sections; the same whatever the run (``ReportAssembler`` reads it
    /// before the run's counts are known).
    public var separator: [UInt8]
    /// After the last section.
    public var tail: [UInt8]

    /// Creates a frame; each part defaults to no bytes.
    public init(head: [UInt8] = [], separator: [UInt8] = [], tail: [UInt8] = []) {
        self.head = head
        self.separator = separator
        self.tail = tail
    }
}

/// The counts of a run that a report's frame shows: files, changed files, and the totals.
public struct ReportSummary: Sendable, Hashable {
    /// Files reported.
    public var files = 0
    /// Files whose output differs from their input (see ``FileReport/changed``).
    public var changedFiles = 0
    /// Corrections, suggestions, findings and replaced bytes over all files.
    public var totals = ReportTotals()

    /// An empty summary.
    public init() {}

    /// Counts one more file.
    public mutating func add(_ file: FileReport) {
        add(changed: file.changed, totals: file.totals)
    }

    /// Counts one more file, by its counts alone.
    public mutating func add(changed: Bool, totals file: ReportTotals) {
        files += 1
        if changed { changedFiles += 1 }
        totals.corrections += file.corrections
        totals.suggestions += file.suggestions
        totals.findings += file.findings
        totals.replacedInvalidBytes += file.replacedInvalidBytes
    }
}

/// Builds a report from its files' sections, made one at a time as files are cleaned, and
/// writes it when the run is over: the same bytes as ``Reporter/generateReportBytes(_:)`` for the
/// same files. Sections are held in memory up to a spill threshold, then in an unlinked temporary
/// file (see ``ReportSpool``), so a run over an archive holds in memory only the texts of the
/// files in flight, not every file's report. A copy shares the sections appended so far with the
/// original (they are one ``ReportSpool``); append through one copy only.
public struct ReportAssembler {
    /// The reporter whose sections and frame these are.
    public let reporter: any Reporter.Type
    /// The counts of the files appended so far.
    public private(set) var summary = ReportSummary()
    private var spool: ReportSpool
    private let separator: [UInt8]
    private var wroteSection = false

    /// An empty report for `reporter`; sections beyond `spillThreshold` bytes in all go to a
    /// temporary file in `temporaryDirectory`.
    public init(reporter: any Reporter.Type, spillThreshold: Int = ReportSpool.defaultSpillThreshold,
                temporaryDirectory: String = ReportSpool.defaultTemporaryDirectory) {
        self.reporter = reporter
        // The separator does not depend on the run (see ``ReportFrame``).
        separator = reporter.frame(summary: ReportSummary(), errors: []).separator
        spool = ReportSpool(spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
    }

    /// Adds the section of one more file (from `reporter.sectionBytes(for:)`) and its counts.
    ///
    /// - Throws: ``ReportSpoolError`` when the section had to go to the temporary file and could
    ///   not be written there (a full disk); the assembler is then unusable.
    public mutating func append(_ section: [UInt8], changed: Bool, totals: ReportTotals) throws(ReportSpoolError) {
        summary.add(changed: changed, totals: totals)
        if section.isEmpty { return }
        if wroteSection { try spool.append(separator) }
        try spool.append(section)
        wroteSection = true
    }

    /// Adds the section of one more file, made in pieces (see ``ReportSectionBuilder``), and its
    /// counts. The spools' bytes are copied into the report's own.
    ///
    /// - Throws: ``ReportSpoolError`` when the report's temporary file cannot be written or a
    ///   section's read back; the assembler is then unusable.
    public mutating func append(_ section: ReportSection, changed: Bool, totals: ReportTotals) throws(ReportSpoolError) {
        summary.add(changed: changed, totals: totals)
        if section.count == 0 { return }
        if wroteSection { try spool.append(separator) }
        for piece in section.pieces {
            switch piece {
            case .bytes(let bytes): try spool.append(bytes)
            case .spool(let source): try spool.append(contentsOf: source)
            }
        }
        wroteSection = true
    }

    /// ``append(_:changed:totals:)`` with the counts of `file`.
    public mutating func append(_ section: [UInt8], summarizing file: FileReport) throws(ReportSpoolError) {
        try append(section, changed: file.changed, totals: file.totals)
    }

    /// Writes the whole report, in pieces, through `write`: the frame's head (with the counts of
    /// every file appended and `errors`), the sections, the tail.
    ///
    /// - Throws: what `write` throws, which stops the report there; ``ReportSpoolError`` when the
    ///   spilled sections cannot be read back.
    public func write(errors: [ReportError], to write: ([UInt8]) throws -> Void) throws {
        let frame = reporter.frame(summary: summary, errors: errors)
        try write(frame.head)
        try spool.forEachPiece(write)
        try write(frame.tail)
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
    public var totals: ReportTotals { summary.totals }

    /// How many files cleaning changed (see ``FileReport/changed``).
    public var changedFileCount: Int { files.count(where: \.changed) }

    /// The files, changed files and totals of the run.
    public var summary: ReportSummary {
        files.reduce(into: ReportSummary()) { $0.add($1) }
    }
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
    public var displayPath: String { Self.displayPath(for: path) }

    /// `<stdin>` for ``standardInputPath``, else `path`.
    public static func displayPath(for path: String) -> String { path == standardInputPath ? "<stdin>" : path }

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
