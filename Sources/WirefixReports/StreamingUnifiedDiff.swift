import WirefixEngine

/// A unified diff made while the two texts come in pieces (a file cleaned as a stream, chunk by
/// chunk), in memory that does not grow with the texts: hunks go to ``ReportSpool``s, and only
/// the lines of the current piece, the partial line at its end and a few lines of context are
/// held.
///
/// Each piece's complete lines are diffed as ``UnifiedDiff`` diffs two texts (Myers' algorithm,
/// or lines paired by position past ``pairingBudget``), and the edit scripts of the
/// pieces, one after another, form the script of the whole: a valid diff of the whole texts,
/// which `patch -p1` and `git apply` apply, though a line moved across a piece's end is shown as
/// deleted and inserted rather than kept. Within a run of changed lines, deletions come before
/// insertions, across pieces too, and hunks are formed as ``UnifiedDiff`` forms them (changes at
/// most twice the context apart share one), so when every piece's script is the one the whole
/// texts would get (changes made in place, as cleaning makes them), the bytes are
/// ``UnifiedDiff/makeBytes(old:new:oldLabel:newLabel:context:)``'s.
///
/// Memory holds a few copies of the longest line: a line is compared whole.
final class StreamingUnifiedDiff {
    private let oldLabel: String
    private let newLabel: String
    private let context: Int
    private let spillThreshold: Int
    private let temporaryDirectory: String

    /// The diff so far: headers and closed hunks.
    private let output: ReportSpool
    private var wroteHeaders = false
    /// The partial line at the end of what came of each text.
    private var oldCarry: [UInt8] = []
    private var newCarry: [UInt8] = []
    /// Lines of each text consumed by the edit script so far.
    private var oldConsumed = 0
    private var newConsumed = 0
    /// Up to ``context`` kept lines since the last hunk closed: the next hunk's leading context.
    private var before: [ArraySlice<UInt8>] = []
    /// The open hunk, if any: its body so far, where it starts and its line counts.
    private var body: ReportSpool?
    private var hunkOldStart = 0, hunkNewStart = 0, hunkOldCount = 0, hunkNewCount = 0
    /// Kept lines after the open hunk's last change, up to twice the context: they become its
    /// trailing context, or join it to the next change.
    private var trailing: [ArraySlice<UInt8>] = []
    /// The current run of changed lines: deletions and insertions, written out (deletions first)
    /// when a kept line or the end comes.
    private var deletions: ReportSpool
    private var insertions: ReportSpool
    private var deletionCount = 0, insertionCount = 0

    /// The most work (lines of both pieces times lines that differ in place) given to Myers'
    /// algorithm for a piece of equal line counts before its lines are paired by position. Lower
    /// than ``UnifiedDiff/pairingBudget``, which a whole file reaches: a piece of wire copy (64 KiB,
    /// some 500 lines) whose every paragraph changed reached it in none of its pieces, and Myers'
    /// algorithm over them took 1.9 s of a 40 MB file's 8.4 s. A piece with a few changes (40 of 500
    /// lines) is still diffed by Myers' algorithm, in a few milliseconds.
    static let pairingBudget = 20_000

    /// A diff from `oldLabel` to `newLabel` with `context` lines of context; spools hold up to
    /// `spillThreshold` bytes in memory each, the rest in temporary files in `temporaryDirectory`.
    init(oldLabel: String, newLabel: String, context: Int = UnifiedDiff.contextLines, spillThreshold: Int,
         temporaryDirectory: String) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        self.context = max(0, context)
        self.spillThreshold = spillThreshold
        self.temporaryDirectory = temporaryDirectory
        output = ReportSpool(spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
        deletions = ReportSpool(spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
        insertions = ReportSpool(spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
    }

    /// Adds the next piece of each text (either may be empty).
    ///
    /// - Throws: ``ReportSpoolError`` when a temporary file cannot be written.
    ///
    /// - Complexity: O(*n*) in the pieces' bytes, plus the diff of their complete lines: a piece
    ///   that ends no line is only appended to the partial line (a long line is not copied again
    ///   for each of its pieces).
    func add(old: [UInt8], new: [UInt8]) throws(ReportSpoolError) {
        let oldLines = Self.completeLines(adding: old, to: &oldCarry)
        let newLines = Self.completeLines(adding: new, to: &newCarry)
        try diff(oldLines, newLines)
    }

    /// The lines that `piece` completes after the partial line `carry` (none when it holds no
    /// line feed), leaving in `carry` the partial line after them.
    private static func completeLines(adding piece: [UInt8], to carry: inout [UInt8]) -> [UInt8] {
        guard let last = piece.lastIndex(of: 0x0A) else {
            carry += piece
            return []
        }
        var lines = carry
        carry = []
        lines += piece[...last]
        carry += piece[(last + 1)...]
        return lines
    }

    /// Ends both texts and returns the diff: no bytes when they are equal.
    ///
    /// - Throws: ``ReportSpoolError`` when a temporary file cannot be written.
    func finish() throws(ReportSpoolError) -> ReportSpool {
        try diff(oldCarry, newCarry)
        oldCarry = []
        newCarry = []
        try flushRun()
        if body != nil { try closeHunk() }
        return output
    }

    /// Diffs one piece's lines and feeds the script to the hunks.
    private func diff(_ old: [UInt8], _ new: [UInt8]) throws(ReportSpoolError) {
        if old.isEmpty && new.isEmpty { return }
        let oldLines = UnifiedDiff.lines(of: old)
        let newLines = UnifiedDiff.lines(of: new)
        let operations = UnifiedDiff.pairedScript(from: oldLines, to: newLines, above: Self.pairingBudget)
            ?? UnifiedDiff.editScript(from: oldLines, to: newLines)
        for operation in operations {
            switch (operation.old, operation.new) {
            case let (old?, _?): try keep(oldLines[old])
            case let (old?, nil):
                try Self.append(UInt8(ascii: "-"), oldLines[old], to: deletions)
                deletionCount += 1
                oldConsumed += 1
            case let (nil, new?):
                try Self.append(UInt8(ascii: "+"), newLines[new], to: insertions)
                insertionCount += 1
                newConsumed += 1
            case (nil, nil): preconditionFailure("an edit operation touches no line")
            }
        }
    }

    /// A line both texts keep.
    private func keep(_ line: ArraySlice<UInt8>) throws(ReportSpoolError) {
        try flushRun()
        oldConsumed += 1
        newConsumed += 1
        if body != nil {
            trailing.append(line)
            // More kept lines than two contexts: the next change gets a hunk of its own.
            if trailing.count > 2 * context { try closeHunk() }
        } else if context > 0 {
            before.append(line)
            if before.count > context { before.removeFirst() }
        }
    }

    /// Writes the current run of changes into the open hunk (opening one with the leading
    /// context when none is open).
    private func flushRun() throws(ReportSpoolError) {
        if deletionCount == 0 && insertionCount == 0 { return }
        let hunk: ReportSpool
        if let body {
            hunk = body
            for line in trailing { try Self.append(UInt8(ascii: " "), line, to: hunk) }
            hunkOldCount += trailing.count
            hunkNewCount += trailing.count
            trailing = []
        } else {
            hunk = ReportSpool(spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
            body = hunk
            hunkOldStart = oldConsumed - deletionCount - before.count
            hunkNewStart = newConsumed - insertionCount - before.count
            for line in before { try Self.append(UInt8(ascii: " "), line, to: hunk) }
            hunkOldCount = before.count
            hunkNewCount = before.count
            before = []
        }
        try hunk.append(contentsOf: deletions)
        try hunk.append(contentsOf: insertions)
        hunkOldCount += deletionCount
        hunkNewCount += insertionCount
        deletionCount = 0
        insertionCount = 0
        deletions = ReportSpool(spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
        insertions = ReportSpool(spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
    }

    /// Ends the open hunk with up to ``context`` of the kept lines after it, writes it out, and
    /// keeps the last ``context`` of them as the next hunk's leading context.
    private func closeHunk() throws(ReportSpoolError) {
        guard let hunk = body else { return }
        let kept = trailing.prefix(context)
        for line in kept { try Self.append(UInt8(ascii: " "), line, to: hunk) }
        hunkOldCount += kept.count
        hunkNewCount += kept.count
        if !wroteHeaders {
            try output.append(UnifiedDiff.headers(oldLabel: oldLabel, newLabel: newLabel))
            wroteHeaders = true
        }
        try output.append(UnifiedDiff.hunkHeader(oldBefore: hunkOldStart, oldCount: hunkOldCount,
                                                 newBefore: hunkNewStart, newCount: hunkNewCount))
        try output.append(contentsOf: hunk)
        before = context > 0 ? Array(trailing.suffix(context)) : []
        trailing = []
        body = nil
    }

    /// Appends a line of the diff (see ``UnifiedDiff/appendLine(_:_:to:)``) to `spool`.
    private static func append(_ marker: UInt8, _ line: ArraySlice<UInt8>, to spool: ReportSpool) throws(ReportSpoolError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count + 1)
        UnifiedDiff.appendLine(marker, line, to: &bytes)
        try spool.append(bytes)
    }
}

/// The diff report's section, made as the chunks come (see ``DiffReporter``).
final class DiffSectionBuilder: ReportSectionBuilder {
    private let diff: StreamingUnifiedDiff

    init(path: String, spillThreshold: Int, temporaryDirectory: String) {
        let label = DiffReporter.label(for: path)
        diff = StreamingUnifiedDiff(oldLabel: DiffReporter.headerName("a/" + label), newLabel: DiffReporter.headerName("b/" + label),
                                    spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
    }

    func add(_ chunk: CorrectionResult) throws(ReportSpoolError) {
        try diff.add(old: chunk.originalUTF8, new: chunk.correctedUTF8)
    }

    func finish(changed: Bool, replacedInvalidBytes: Int) throws(ReportSpoolError) -> ReportSection {
        ReportSection([.spool(try diff.finish())])
    }
}
