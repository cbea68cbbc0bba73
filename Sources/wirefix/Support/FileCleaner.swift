import Foundation
import Wirefix
import WirefixReports
import WirefixLexicon
#if canImport(Glibc)
import Glibc
#endif

/// Cleans one validated input and produces its output bytes and its report.
///
/// A byte-order mark is taken off before the rules run and put back after, so no rule can
/// remove it; the report's spans are shifted by its three bytes so that they stay offsets into
/// the file. Columns are left as the rules computed them, without the mark: an editor does not
/// show it, so the first character after it is column 1.
///
/// With `--lossy`, the output is the repaired text whether or not a rule changed anything: the
/// replacement of invalid bytes with U+FFFD is itself a change of the file.
enum FileCleaner {
    /// The cleaned bytes and the report for `input`.
    static func clean(_ input: InputText, with correct: CorrectText) -> (output: [UInt8], report: FileReport) {
        var result = correct.chunk.map { chunked(input.utf8, cleaner: $0) } ?? correct(input.text)
        if input.hasByteOrderMark {
            result = shifted(result, byByteOrderMark: InputReader.byteOrderMark)
        }
        let report = FileReport(path: input.path, result: result, replacedInvalidBytes: input.replacedInvalidBytes,
                                rawOriginal: input.rawBytes)
        return (result.correctedUTF8, report)
    }

    /// Cleans a text held in memory chunk by chunk, as a stream would (see `StreamingCorrector`):
    /// the same result as cleaning it whole, since chunks end at paragraph ends and carry what
    /// later chunks need, but a long file costs linear time: a rule that changes one paragraph
    /// makes its chunk, not the whole file, be read again.
    static func chunked(_ original: [UInt8], cleaner: @escaping StreamingCorrector.UTF8ChunkCleaner) -> CorrectionResult {
        var streaming = StreamingCorrector(utf8Cleaner: cleaner)
        let chunks = streaming.feed(original) + streaming.finish()
        if chunks.count == 1 { return chunks[0].result }
        var corrected: [UInt8] = []
        corrected.reserveCapacity(original.count + 1024)
        for chunk in chunks { corrected += chunk.result.correctedUTF8 }
        return CorrectionResult(
            originalUTF8: original, correctedUTF8: corrected,
            corrections: chunks.flatMap(\.result.corrections), suggestions: chunks.flatMap(\.result.suggestions),
            findings: chunks.flatMap(\.result.findings))
    }

    /// The result as if `prefix` (one scalar, no line feed) had stood before the text: ranges
    /// shifted by its bytes, locations unchanged (the mark is not counted as a column).
    static func shifted(_ result: CorrectionResult, byByteOrderMark prefix: [UInt8]) -> CorrectionResult {
        func shift(_ correction: Correction) -> Correction {
            var moved = correction
            moved.range = TextRange(start: correction.range.start + prefix.count, end: correction.range.end + prefix.count)
            return moved
        }
        return CorrectionResult(originalUTF8: prefix + result.originalUTF8, correctedUTF8: prefix + result.correctedUTF8,
                                corrections: result.corrections.map(shift), suggestions: result.suggestions.map(shift),
                                findings: result.findings.map(shift))
    }
}

extension FileCleaner {
    /// Files at least this large (in bytes) are cleaned as a stream, in bounded memory, when no
    /// report needs their whole text (the diff report does). `WIREFIX_STREAMING_THRESHOLD`
    /// overrides it (tests set it low).
    static let streamingThreshold: Int = {
        if let value = ProcessInfo.processInfo.environment["WIREFIX_STREAMING_THRESHOLD"], let bytes = Int(value), bytes >= 0 {
            return bytes
        }
        return 8 << 20
    }()

    /// The size of one read: 1 MiB, or `WIREFIX_STREAMING_BLOCK_BYTES` (tests set it small, so
    /// that scalars and names fall across block ends in a small file).
    static let blockBytes: Int = {
        if let value = ProcessInfo.processInfo.environment["WIREFIX_STREAMING_BLOCK_BYTES"], let bytes = Int(value), bytes >= 4 {
            return bytes
        }
        return 1 << 20
    }()

    /// Cleans a file as a stream: blocks are read, validated, cut into chunks at paragraph (or,
    /// inside an overlong paragraph, line, sentence or space) boundaries and cleaned one after
    /// another (see `StreamingCorrector`), so memory stays bounded whatever the file's size.
    ///
    /// Without `lossy`, the whole file is validated first (NUL bytes, UTF-8), so that nothing is
    /// written for a file that fails, as for a file read whole. A byte-order mark is written
    /// through and kept out of the rules, and the spans are shifted past it.
    ///
    /// - Parameters:
    ///   - path: the input as the user named it (`-` for standard input): errors and the report
    ///     name it.
    ///   - source: the file to read, when it is not `path` (standard input kept in a temporary
    ///     file).
    ///   - write: receives the output, chunk by chunk, in order.
    ///   - keepsCorrections: whether the returned report keeps every correction; without it only
    ///     their numbers are kept, so that memory stays bounded however many there are.
    ///   - validate: validates the file before it is cleaned (`path`, `source`) and returns its
    ///     length (``validate(path:source:)``; tests pass another, to change the file between the
    ///     two readings).
    ///   - section: makes the file's report section as the chunks come (see
    ///     `ReportSectionBuilder`), in bounded memory. When its temporary file cannot be written
    ///     the file is still cleaned: the builder is dropped and the error returned.
    /// - Returns: the report (corrections with spans into the file, when kept; texts not kept,
    ///   see `FileReport.streamedChange`), the numbers of corrections, suggestions, findings and
    ///   bytes read, whether the output differs, and why `section` was dropped, if it was.
    /// - Throws: ``CLIError`` naming the path: unreadable, binary, invalid UTF-8, or what `write`
    ///   throws.
    static func stream(path: String, source: String? = nil, lossy: Bool, keepsCorrections: Bool = true,
                       section: (any ReportSectionBuilder)? = nil, cleaner: @escaping StreamingCorrector.UTF8ChunkCleaner,
                       validate: (String, String?) throws(CLIError) -> Int = { (path, source) throws(CLIError) in try validate(path: path, source: source) },
                       write: ([UInt8]) throws(CLIError) -> Void) throws(CLIError) -> StreamOutcome {
        // Validated first; the bytes then read must be the same (a file written to while it is
        // cleaned is an error, not silently repaired or cut).
        let validated = lossy ? nil : try validate(path, source)
        func changedWhileRead(_ what: String) -> CLIError {
            CLIError("\(InputReader.displayPath(path)): changed while being read (\(what)); nothing was written for it")
        }
        let file = try BlockReader(path: source ?? path, name: path)
        defer { file.close() }
        var streaming = StreamingCorrector(utf8Cleaner: cleaner)
        var corrections: [Correction] = [], suggestions: [Correction] = [], findings: [Correction] = []
        var changed = false
        var replaced = 0
        var counts = BatchTotals(files: 1)
        var shift = 0
        var carry: [UInt8] = []
        var first = true
        var section = section
        var sectionFailure: ReportSpoolError?
        func addToSection(_ chunk: CorrectionResult) {
            do throws(ReportSpoolError) { try section?.add(chunk) } catch {
                sectionFailure = error
                section = nil
            }
        }
        func take(_ chunks: [StreamingCorrector.Chunk]) throws(CLIError) {
            for chunk in chunks {
                let result = chunk.result
                // Bytes compared as buffers: the generic comparison of the two UTF-8 views cost
                // some 7% of a run on clean copy.
                if !changed && result.changed { changed = true }
                try write(result.correctedUTF8)
                func moved(_ correction: Correction) -> Correction {
                    var moved = correction
                    moved.range = TextRange(start: correction.range.start + shift, end: correction.range.end + shift)
                    return moved
                }
                counts.corrections += result.corrections.count
                counts.suggestions += result.suggestions.count
                counts.findings += result.findings.count
                if section != nil { addToSection(shift == 0 ? result : result.mappingCorrections(moved)) }
                guard keepsCorrections else { continue }
                corrections += result.corrections.map(moved)
                suggestions += result.suggestions.map(moved)
                findings += result.findings.map(moved)
            }
        }
        while var block = try file.next() {
            counts.bytes += block.count
            if first {
                first = false
                if block.starts(with: InputReader.byteOrderMark) {
                    try write(InputReader.byteOrderMark)
                    block.removeFirst(InputReader.byteOrderMark.count)
                    shift = InputReader.byteOrderMark.count
                    // The mark is kept out of the rules, not out of the file's text.
                    addToSection(CorrectionResult(originalUTF8: InputReader.byteOrderMark, correctedUTF8: InputReader.byteOrderMark,
                                                  corrections: [], suggestions: [], findings: []))
                }
            }
            let start = counts.bytes - block.count - carry.count
            var bytes = carry + block
            // Keep an incomplete scalar at the end for the next block.
            let complete = completePrefixLength(bytes)
            carry = Array(bytes[complete...])
            bytes.removeSubrange(complete...)
            if let invalid = UTF8Validation.firstInvalidOffset(in: bytes) {
                guard lossy else { throw changedWhileRead("invalid UTF-8 at byte offset \(start + invalid) after it was validated") }
                let repaired = InputReader.replacingInvalidSequences(in: bytes, from: invalid)
                bytes = repaired.bytes
                replaced += repaired.replaced
            }
            try take(streaming.feed(bytes))
        }
        if let validated, validated != counts.bytes || !carry.isEmpty {
            throw changedWhileRead("\(validated) bytes validated, \(counts.bytes) read")
        }
        if !carry.isEmpty {
            // An incomplete scalar at the end of the file (only reachable with --lossy).
            let repaired = InputReader.replacingInvalidSequences(in: carry, from: 0)
            replaced += repaired.replaced
            try take(streaming.feed(repaired.bytes))
        }
        try take(streaming.finish())
        if replaced > 0 { changed = true }
        let result = CorrectionResult(original: "", corrected: "", corrections: corrections, suggestions: suggestions, findings: findings)
        var report = FileReport(path: path, result: result, replacedInvalidBytes: replaced)
        report.streamedChange = changed
        counts.changedFiles = changed ? 1 : 0
        var made: ReportSection?
        if let section {
            do throws(ReportSpoolError) { made = try section.finish(changed: changed, replacedInvalidBytes: replaced) } catch {
                sectionFailure = error
            }
        }
        return StreamOutcome(report: report, counts: counts, changed: changed, section: made, sectionFailure: sectionFailure)
    }

    /// What ``stream(path:source:lossy:keepsCorrections:section:cleaner:write:)`` gives.
    struct StreamOutcome {
        /// The file's report: its corrections when kept, not its texts.
        var report: FileReport
        /// The numbers of corrections, suggestions, findings and bytes read.
        var counts: BatchTotals
        /// Whether the output differs from the file as read.
        var changed: Bool
        /// The report section made as the chunks came, when a builder was given and did not fail.
        var section: ReportSection?
        /// Why the builder failed (its temporary file could not be written).
        var sectionFailure: ReportSpoolError?
    }

    /// Reads the whole file once and throws the error reading it whole would: a NUL byte or the
    /// first invalid UTF-8 byte, with its line, column and offset in the file. `source`, when
    /// given, is the file read; the errors name `path`. Returns the file's length in bytes.
    @discardableResult
    static func validate(path: String, source: String? = nil) throws(CLIError) -> Int {
        let file = try BlockReader(path: source ?? path, name: path)
        defer { file.close() }
        var offset = 0
        var carry: [UInt8] = []
        var position = TextPosition()
        func invalidUTF8(at offset: Int) -> CLIError {
            CLIError("\(InputReader.displayPath(path)):\(position): invalid UTF-8 at byte offset \(offset) (use --lossy to replace invalid bytes)")
        }
        while var block = try file.next() {
            if let nul = block.firstIndex(of: 0) {
                throw CLIError("\(InputReader.displayPath(path)): binary file (NUL byte at offset \(offset + nul))")
            }
            let start = offset - carry.count
            block = carry + block
            let complete = completePrefixLength(block)
            // The byte-order mark is no column.
            let skipped = start == 0 && block.starts(with: InputReader.byteOrderMark) ? InputReader.byteOrderMark.count : 0
            let invalid = block.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: $0[..<complete])) }
            if let invalid {
                position.advance(over: block[min(skipped, invalid)..<invalid])
                throw invalidUTF8(at: start + invalid)
            }
            position.advance(over: block[min(skipped, complete)..<complete])
            carry = Array(block[complete...])
            offset = start + block.count
        }
        if !carry.isEmpty {
            throw invalidUTF8(at: offset - carry.count)
        }
        return offset
    }

    /// The length of `bytes` without an incomplete UTF-8 sequence at its end (a lead byte whose
    /// continuation bytes have not been read yet).
    static func completePrefixLength(_ bytes: [UInt8]) -> Int {
        var index = bytes.count - 1
        var back = 0
        while index >= 0 && back < 3 && bytes[index] & 0xC0 == 0x80 { index -= 1; back += 1 }
        guard index >= 0 else { return bytes.count }
        let lead = bytes[index]
        let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return bytes.count - index < needed ? index : bytes.count
    }
}

/// Reads a file in blocks of `FileCleaner.blockBytes`.
final class BlockReader {
    private let descriptor: Int32
    /// The name errors give: the path, or the input it holds (`-` for standard input kept in a
    /// temporary file).
    private let path: String
    /// Whether ``close()`` closes the descriptor (not one the reader was given).
    private let ownsDescriptor: Bool

    /// Opens `path`; errors name it as `name` (default: the path itself).
    init(path: String, name: String? = nil) throws(CLIError) {
        self.path = name ?? path
        ownsDescriptor = true
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { throw CLIError("\(InputReader.displayPath(name ?? path)): cannot read: \(POSIXFile.errorText())") }
    }

    /// Reads an open descriptor (standard input), naming it `name` in errors; ``close()`` leaves
    /// it open.
    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        path = name
        ownsDescriptor = false
    }

    /// The next block, or `nil` at the end of the file.
    func next() throws(CLIError) -> [UInt8]? {
        var block = [UInt8](repeating: 0, count: FileCleaner.blockBytes)
        var filled = 0
        while filled < block.count {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError("\(InputReader.displayPath(path)): cannot read: \(POSIXFile.errorText())")
            }
            if count == 0 { break }
            filled += count
        }
        if filled == 0 { return nil }
        block.removeSubrange(filled...)
        return block
    }

    func close() { if ownsDescriptor { _ = Glibc.close(descriptor) } }
}
