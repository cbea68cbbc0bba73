import WirefixEngine

/// Cleans an input of any length in bounded memory: bytes go in as they are read, cleaned chunks
/// come out in input order.
///
/// The input is cut into chunks of about ``targetChunkBytes`` at the safest boundary there is:
/// after a blank line (a paragraph ends) when one lies within ``maximumChunkBytes``; otherwise,
/// for a single paragraph longer than that, after a line feed, then after the space that ends a
/// sentence (". " before a capital letter, then before a lowercase one), then after a clause
/// (", " or "; "), then after any space or tab, and only as a last resort before a scalar (never
/// inside one's UTF-8 bytes). No name, glued word or punctuation debris spans a paragraph,
/// sentence or clause boundary, so each chunk is cleaned as the whole text would be (but for
/// evidence further back in a sentence of over a megabyte);
/// what the rules need of earlier chunks (people named in full, for a lone surname later; the
/// line before the cut, for a repeated caption) travels in a ``TextHistory``.
///
/// Memory is bounded by ``maximumChunkBytes`` plus what one ``feed(_:)`` call brings, whatever
/// the input's length.
///
/// ```swift
/// var stream = StreamingCorrector(corrector: try Corrector())
/// for block in blocks {                      // e.g. 64 KiB reads of a file
///     for chunk in stream.feed(block) { write(chunk.result.correctedUTF8) }
/// }
/// for chunk in stream.finish() { write(chunk.result.correctedUTF8) }
/// ```
public struct StreamingCorrector: Sendable {
    /// One cleaned chunk.
    public struct Chunk: Sendable {
        /// The UTF-8 byte offset of the chunk's first byte in the whole input.
        public let byteOffset: Int
        /// The chunk's result. `original` and `corrected` are the chunk's text; every correction's
        /// range is a UTF-8 byte range into the **whole input**, and its location a line and
        /// column of the whole input.
        public let result: CorrectionResult
    }

    /// Cleans one chunk after the history of the chunks before it: a pipeline's
    /// `run(_:after:)`.
    public typealias ChunkCleaner = @Sendable (String, TextHistory) -> (result: CorrectionResult, history: TextHistory)

    /// Cleans one chunk, given as UTF-8 bytes, after the history of the chunks before it: a
    /// pipeline's `run(utf8:after:)`, which makes no `String` of the chunk.
    public typealias UTF8ChunkCleaner = @Sendable ([UInt8], TextHistory) -> (result: CorrectionResult, history: TextHistory)

    /// What cleans each chunk.
    private let utf8Cleaner: UTF8ChunkCleaner

    /// What cleans each chunk, as a cleaner of strings.
    public var cleaner: ChunkCleaner {
        let clean = utf8Cleaner
        return { text, history in clean(Array(text.utf8), history) }
    }
    /// The chunk size to aim for, in bytes.
    public let targetChunkBytes: Int
    /// The largest chunk, in bytes: a paragraph longer than this is cut inside.
    public let maximumChunkBytes: Int

    /// The input not yet cleaned: `pending[pendingStart...]` (the front is dropped in one move
    /// per feed, not per chunk).
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var consumed = 0
    private var columnsBefore = 0
    private var history = TextHistory()

    /// Creates a streaming corrector.
    ///
    /// - Parameters:
    ///   - corrector: cleans each chunk.
    ///   - targetChunkBytes: the chunk size to aim for (default 64 KiB; at least 1).
    ///   - maximumChunkBytes: the largest chunk (default 1 MiB; at least `targetChunkBytes`).
    public init(corrector: Corrector, targetChunkBytes: Int = 1 << 16, maximumChunkBytes: Int = 1 << 20) {
        self.init(utf8Cleaner: { corrector.pipeline.run(utf8: $0, after: $1) }, targetChunkBytes: targetChunkBytes,
                  maximumChunkBytes: maximumChunkBytes)
    }

    /// Creates a streaming corrector over any chunk cleaner (for example a pipeline of chosen
    /// rules).
    public init(cleaner: @escaping ChunkCleaner, targetChunkBytes: Int = 1 << 16, maximumChunkBytes: Int = 1 << 20) {
        self.init(utf8Cleaner: { cleaner(String(decoding: $0, as: UTF8.self), $1) }, targetChunkBytes: targetChunkBytes,
                  maximumChunkBytes: maximumChunkBytes)
    }

    /// Creates a streaming corrector over any cleaner of UTF-8 chunks (for example a pipeline's
    /// `run(utf8:after:)`): no `String` is made of a chunk or its output unless someone reads
    /// the result's texts.
    public init(utf8Cleaner: @escaping UTF8ChunkCleaner, targetChunkBytes: Int = 1 << 16, maximumChunkBytes: Int = 1 << 20) {
        self.utf8Cleaner = utf8Cleaner
        self.targetChunkBytes = max(1, targetChunkBytes)
        self.maximumChunkBytes = max(self.targetChunkBytes, maximumChunkBytes)
    }

    /// Adds the next bytes of the input and returns the chunks that are now complete.
    ///
    /// - Parameter bytes: the next bytes of a valid UTF-8 input; a call may end inside a scalar.
    /// - Complexity: linear in the bytes fed, plus the rules' work on the chunks returned.
    public mutating func feed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [Chunk] {
        if pendingStart > 0 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        pending.append(contentsOf: bytes)
        var chunks: [Chunk] = []
        while let cut = nextCut(isFinal: false) {
            chunks.append(clean(count: cut))
        }
        return chunks
    }

    /// Cleans what is left at the end of the input.
    public mutating func finish() -> [Chunk] {
        var chunks: [Chunk] = []
        while pendingStart < pending.count {
            let cut = nextCut(isFinal: true) ?? pending.count - pendingStart
            chunks.append(clean(count: cut))
        }
        pending = []
        pendingStart = 0
        return chunks
    }

    private func nextCut(isFinal: Bool) -> Int? {
        pending.withUnsafeBufferPointer { all in
            ChunkBoundary.cut(UnsafeBufferPointer(rebasing: all[pendingStart...]), target: targetChunkBytes,
                              maximum: maximumChunkBytes, isFinal: isFinal)
        }
    }

    /// Cleans the first `count` pending bytes as one chunk.
    private mutating func clean(count: Int) -> Chunk {
        let bytes = Array(pending[pendingStart..<pendingStart + count])
        pendingStart += count
        let before = history
        let offset = consumed
        let columns = columnsBefore
        let (result, next) = utf8Cleaner(bytes, before)
        history = next
        consumed += count
        columnsBefore = Self.columns(after: bytes, startingAt: columnsBefore)

        func place(_ correction: Correction) -> Correction {
            var placed = correction
            placed.range = TextRange(start: correction.range.start + offset, end: correction.range.end + offset)
            if var location = correction.location {
                if location.line == 1 { location.column += columns }
                location.line += before.linesBefore
                placed.location = location
            }
            return placed
        }
        return Chunk(byteOffset: offset, result: result.mappingCorrections(place))
    }

    /// The scalars on the last line after `bytes` (UTF-8), which started `column` scalars into its
    /// line.
    static func columns(after bytes: [UInt8], startingAt column: Int) -> Int {
        // Only the bytes after the last line feed count.
        var start = bytes.count
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var count = start > 0 ? 0 : column
        for byte in bytes[start...] where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}

/// Where to cut a chunk off the front of a buffer (see ``StreamingCorrector``).
enum ChunkBoundary {
    /// The length of the next chunk, or `nil` to wait for more input.
    ///
    /// - Parameters:
    ///   - bytes: the pending input.
    ///   - target: the chunk size to aim for.
    ///   - maximum: the largest chunk.
    ///   - isFinal: whether the input ends after `bytes`.
    static func cut<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, target: Int, maximum: Int, isFinal: Bool) -> Int?
        where Bytes.Index == Int {
        if bytes.isEmpty { return nil }
        if isFinal && bytes.count <= target { return bytes.count }
        if !isFinal && bytes.count < target { return nil }
        let limit = min(bytes.count, maximum)
        // The first paragraph end at or after the target, so that a chunk is about the target's
        // size whatever the size of the feeds (taking the last one before the maximum made every
        // chunk of a file read in 1 MiB blocks about 1 MiB, and a chunk's tokens, documents and
        // analyses some 20 MB).
        if let paragraph = firstParagraphEnd(bytes, from: target, upTo: limit) { return paragraph }
        if isFinal && bytes.count <= maximum { return bytes.count }
        if let paragraph = lastParagraphEnd(bytes, upTo: limit) { return paragraph }
        if !isFinal && bytes.count < maximum { return nil }
        // One paragraph longer than the maximum: cut inside it, as safely as possible.
        if let line = lastIndex(in: bytes, upTo: limit, where: { $0 == 0x0A }) { return line + 1 }
        if let sentence = lastSentenceEnd(bytes, upTo: limit) { return sentence }
        // Copy in lowercase ("... met the minister. then delcy rodriguez ..."): a stop, a space
        // and a lowercase letter still end a sentence; then a clause (", " or "; "), which no
        // name spans; only then any space.
        if let sentence = lastSentenceEnd(bytes, upTo: limit, beforeLowercase: true) { return sentence }
        if let clause = lastClauseEnd(bytes, upTo: limit) { return clause }
        if let space = lastIndex(in: bytes, upTo: limit, where: { $0 == 0x20 || $0 == 0x09 }) { return space + 1 }
        // No space at all: before an ASCII byte if there is one, else before any scalar.
        // (Read no further than the last byte: with exactly `maximum` bytes pending, `limit` is
        // their end.)
        let last = min(limit, bytes.count - 1)
        var index = last
        while index > 1 && (bytes[index] & 0xC0 == 0x80 || bytes[index] >= 0x80) { index -= 1 }
        if index > 1 { return index }
        index = last
        while index > 1 && bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return max(1, index)
    }

    /// The end of the first blank line that ends at or after `start` and at or before `limit`,
    /// and of the blank lines right after it: the offset just past "\n", spaces, tabs or CRs and
    /// "\n" (and any further lines of only spaces, tabs or CRs ended within `limit`).
    static func firstParagraphEnd<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, from start: Int, upTo limit: Int) -> Int?
        where Bytes.Index == Int {
        var index = max(1, start - 1)
        while index < limit {
            if bytes[index] == 0x0A {
                var back = index - 1
                while back >= 0 && (bytes[back] == 0x20 || bytes[back] == 0x09 || bytes[back] == 0x0D) { back -= 1 }
                if back >= 0 && bytes[back] == 0x0A {
                    var end = index + 1
                    while true {
                        var next = end
                        while next < limit && (bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D) { next += 1 }
                        guard next < limit && bytes[next] == 0x0A else { return end }
                        end = next + 1
                    }
                }
            }
            index += 1
        }
        return nil
    }

    /// The end of the last blank line that ends at or before `limit`: the offset just past
    /// "\n" followed by spaces, tabs or CRs and "\n".
    static func lastParagraphEnd<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, upTo limit: Int) -> Int?
        where Bytes.Index == Int {
        var index = limit - 1
        while index > 0 {
            if bytes[index] == 0x0A {
                var back = index - 1
                while back >= 0 && (bytes[back] == 0x20 || bytes[back] == 0x09 || bytes[back] == 0x0D) { back -= 1 }
                if back >= 0 && bytes[back] == 0x0A { return index + 1 }
            }
            index -= 1
        }
        return nil
    }

    /// Just past the space after the last ".", "!" or "?" that is followed by a space and an
    /// ASCII capital letter (or, with `beforeLowercase`, a lowercase one), at or before `limit`.
    static func lastSentenceEnd<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, upTo limit: Int, beforeLowercase: Bool = false) -> Int?
        where Bytes.Index == Int {
        let (low, high): (UInt8, UInt8) = beforeLowercase ? (0x61, 0x7A) : (0x41, 0x5A)
        var index = limit - 1
        while index >= 2 {
            let mark = bytes[index - 2]
            if bytes[index - 1] == 0x20 && (mark == 0x2E || mark == 0x21 || mark == 0x3F)
                && bytes[index] >= low && bytes[index] <= high { return index }
            index -= 1
        }
        return nil
    }

    /// Just past the space after the last "," or ";" that is followed by a space, at or before
    /// `limit`: a clause boundary, which no name, glued word or debris spans.
    static func lastClauseEnd<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, upTo limit: Int) -> Int?
        where Bytes.Index == Int {
        var index = limit - 1
        while index >= 2 {
            let mark = bytes[index - 2]
            if bytes[index - 1] == 0x20 && (mark == 0x2C || mark == 0x3B) && bytes[index] != 0x20 { return index }
            index -= 1
        }
        return nil
    }

    static func lastIndex<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, upTo limit: Int, where predicate: (UInt8) -> Bool) -> Int?
        where Bytes.Index == Int {
        var index = limit - 1
        while index >= 1 {
            if predicate(bytes[index]) { return index }
            index -= 1
        }
        return nil
    }
}
