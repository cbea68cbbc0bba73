import WirefixEngine

/// Makes one file's section of a report while the file is cleaned as a stream, one chunk's result
/// at a time, so that a report over a file of any size is made in bounded memory: what the
/// section holds goes to ``ReportSpool``s, which move to a temporary file past their threshold.
///
/// Feed it the chunks' results in file order with ``add(_:)``, then call
/// ``finish(changed:replacedInvalidBytes:)`` once: the section has the same bytes as
/// ``Reporter/sectionBytes(for:)`` gives for a ``FileReport`` of the whole file (for the diff
/// report, see ``DiffReporter/sectionBuilder(path:spillThreshold:temporaryDirectory:)``).
///
/// A class-bound protocol: a builder is handed from the thread that cleans the file to the one
/// that assembles the report, and used by one thread at a time.
public protocol ReportSectionBuilder: AnyObject {
    /// Adds the result of the file's next chunk.
    ///
    /// - Parameter chunk: the chunk's texts (UTF-8, the chunk's own bytes: a byte-order mark the
    ///   stream keeps out of the rules is added as a chunk of its own, with no corrections) and its
    ///   corrections, suggestions and findings, with spans as UTF-8 byte offsets into the whole
    ///   file and locations (line and column) in the whole file, as `StreamingCorrector` gives them.
    /// - Throws: ``ReportSpoolError`` when a temporary file cannot be written (a full disk); the
    ///   builder is then unusable.
    func add(_ chunk: CorrectionResult) throws(ReportSpoolError)

    /// Ends the file and returns its section (no bytes when the format has nothing to say about
    /// it, as the diff of an unchanged file).
    ///
    /// - Parameters:
    ///   - changed: whether the output differs from the file as read (see ``FileReport/changed``).
    ///   - replacedInvalidBytes: how many invalid bytes `--lossy` replaced.
    /// - Returns: the section, whose spools the builder hands over.
    /// - Throws: ``ReportSpoolError`` as for ``add(_:)``.
    func finish(changed: Bool, replacedInvalidBytes: Int) throws(ReportSpoolError) -> ReportSection
}

extension Reporter {
    /// A builder that keeps every chunk's result and makes the section from the whole
    /// ``FileReport`` at the end: correct for any reporter, but its memory grows with the file.
    /// The built-in reporters stream instead.
    public static func sectionBuilder(path: String, spillThreshold: Int, temporaryDirectory: String) -> any ReportSectionBuilder {
        CollectingSectionBuilder(path: path, makeSection: sectionBytes(for:))
    }
}

/// Keeps the chunks and makes the section at the end (see ``Reporter/sectionBuilder(path:spillThreshold:temporaryDirectory:)``).
final class CollectingSectionBuilder: ReportSectionBuilder {
    private let path: String
    private let makeSection: (FileReport) -> [UInt8]
    private var original: [UInt8] = []
    private var corrected: [UInt8] = []
    private var corrections: [Correction] = [], suggestions: [Correction] = [], findings: [Correction] = []

    init(path: String, makeSection: @escaping (FileReport) -> [UInt8]) {
        self.path = path
        self.makeSection = makeSection
    }

    func add(_ chunk: CorrectionResult) throws(ReportSpoolError) {
        original += chunk.originalUTF8
        corrected += chunk.correctedUTF8
        corrections += chunk.corrections
        suggestions += chunk.suggestions
        findings += chunk.findings
    }

    func finish(changed: Bool, replacedInvalidBytes: Int) throws(ReportSpoolError) -> ReportSection {
        let result = CorrectionResult(originalUTF8: original, correctedUTF8: corrected, corrections: corrections,
                                      suggestions: suggestions, findings: findings)
        var file = FileReport(path: path, result: result, replacedInvalidBytes: replacedInvalidBytes)
        file.streamedChange = changed
        return ReportSection(bytes: makeSection(file))
    }
}

/// The text report's section, line by line as the chunks come (see ``TextReporter``).
final class TextSectionBuilder: ReportSectionBuilder {
    private let path: String
    private let displayPath: String
    private let spool: ReportSpool
    /// The bytes of the file added so far: where the last chunk ends.
    private var offset = 0
    /// Items with an empty span at the end of the last chunk: one of the next chunk's may sort
    /// before them (by rule id), so they wait for it.
    private var pending: [Correction] = []

    init(path: String, spool: ReportSpool) {
        self.path = path
        displayPath = FileReport.displayPath(for: path)
        self.spool = spool
    }

    func add(_ chunk: CorrectionResult) throws(ReportSpoolError) {
        offset += chunk.originalUTF8.count
        let items = pending.isEmpty ? chunk.all : (pending + chunk.corrections + chunk.suggestions + chunk.findings).sortedBySpan()
        let waiting = items.reversed().prefix { $0.range.start >= offset }.count
        pending = Array(items.suffix(waiting))
        try write(items.dropLast(waiting))
    }

    func finish(changed: Bool, replacedInvalidBytes: Int) throws(ReportSpoolError) -> ReportSection {
        try write(pending[...])
        pending = []
        var output = ""
        TextReporter.appendTrailer(replacedInvalidBytes: replacedInvalidBytes, path: displayPath, to: &output)
        if !output.isEmpty { try spool.append(Array(output.utf8)) }
        return ReportSection([.spool(spool)])
    }

    private func write(_ items: ArraySlice<Correction>) throws(ReportSpoolError) {
        if items.isEmpty { return }
        var output = ""
        for item in items {
            // A streamed chunk's corrections carry their location in the whole file.
            let location = item.location ?? SourceLocation(line: 1, column: 1)
            TextReporter.appendLine(for: item, at: location, path: displayPath, to: &output)
        }
        try spool.append(Array(output.utf8))
    }
}

/// The JSON report's section: each chunk's items are encoded as the chunk comes, into one spool
/// per array (`corrections`, `findings`, `suggestions`), and put inside the file's object at the
/// end, when its `changed` and `totals` are known (see ``JSONReporter``).
final class JSONSectionBuilder: ReportSectionBuilder {
    private let path: String
    private let arrays: [ReportSpool]
    private var totals = ReportTotals()

    init(path: String, spillThreshold: Int, temporaryDirectory: String) {
        self.path = path
        arrays = (0..<3).map { _ in ReportSpool(spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory) }
    }

    func add(_ chunk: CorrectionResult) throws(ReportSpoolError) {
        totals.corrections += chunk.corrections.count
        totals.suggestions += chunk.suggestions.count
        totals.findings += chunk.findings.count
        // In key order: corrections, findings, suggestions.
        for (spool, items) in zip(arrays, [chunk.corrections, chunk.findings, chunk.suggestions]) where !items.isEmpty {
            if spool.count > 0 { try spool.append(Array(",\n".utf8)) }
            try spool.append(JSONReporter.itemLines(items))
        }
    }

    func finish(changed: Bool, replacedInvalidBytes: Int) throws(ReportSpoolError) -> ReportSection {
        totals.replacedInvalidBytes = replacedInvalidBytes
        let parts = JSONReporter.fileSkeleton(path: path, changed: changed, totals: totals)
        return ReportSection([.bytes(parts[0]), .spool(arrays[0]), .bytes(parts[1]), .spool(arrays[1]),
                              .bytes(parts[2]), .spool(arrays[2]), .bytes(parts[3])])
    }
}

/// One file's section of a report, in pieces: bytes in memory and ``ReportSpool``s (which may be
/// in temporary files), in order.
public struct ReportSection: Sendable {
    /// A piece of a section.
    public enum Piece: Sendable {
        /// Bytes in memory.
        case bytes([UInt8])
        /// The bytes of a spool.
        case spool(ReportSpool)
    }

    /// The pieces, in order.
    public var pieces: [Piece]

    /// A section of `pieces`.
    public init(_ pieces: [Piece]) {
        self.pieces = pieces
    }

    /// A section of `bytes`.
    public init(bytes: [UInt8]) {
        pieces = [.bytes(bytes)]
    }

    /// The section's length in bytes.
    public var count: Int {
        pieces.reduce(0) { total, piece in
            switch piece {
            case .bytes(let bytes): total + bytes.count
            case .spool(let spool): total + spool.count
            }
        }
    }

    /// Calls `body` with the section's bytes, in order, in one or more pieces.
    ///
    /// - Throws: what `body` throws; ``ReportSpoolError`` when a spool's temporary file cannot be
    ///   read.
    public func forEachPiece(_ body: ([UInt8]) throws -> Void) throws {
        for piece in pieces {
            switch piece {
            case .bytes(let bytes): if !bytes.isEmpty { try body(bytes) }
            case .spool(let spool): try spool.forEachPiece(body)
            }
        }
    }
}
