/// Converts UTF-8 byte offsets of one text into ``SourceLocation`` values.
///
/// Build it once per text: construction is O(*n*) in the number of bytes; each lookup is
/// O(log *l* + *c*), where *l* is the number of lines and *c* the length of the line in bytes.
public struct LineIndex: Sendable {
    private let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Indexes the lines of `text`.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Indexes the lines of a UTF-8 buffer.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var offset = ByteSearch.firstIndex(of: 0x0A, in: buffer, from: 0, to: buffer.count)
            while offset < buffer.count {
                starts.append(offset + 1)
                offset = ByteSearch.firstIndex(of: 0x0A, in: buffer, from: offset + 1, to: buffer.count)
            }
        }
        lineStarts = starts
    }

    /// The number of lines; a text ending in LF has an empty last line.
    public var lineCount: Int { lineStarts.count }

    /// The line and column of the byte at `offset`.
    ///
    /// - Parameter offset: a UTF-8 byte offset, `0...bytes.count`. Offsets past the end are clamped.
    public func location(ofByteOffset offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, bytes.count))
        let line = line(at: offset)
        return SourceLocation(line: line + 1, column: column(counting: lineStarts[line]..<offset, from: 1))
    }

    /// The 0-based line holding `offset` (binary search over the line starts).
    private func line(at offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// `column` advanced by the scalars that start in `range`: every byte that is not a UTF-8
    /// continuation byte starts one.
    private func column(counting range: Range<Int>, from column: Int) -> Int {
        var column = column
        for index in range where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// Locates offsets one after another, each lookup continuing from the previous one when it
    /// lies further on the same line: *k* ascending offsets on one line of *c* bytes cost
    /// O(*k* log *l* + *c*) instead of O(*k* · *c*) (a single line of a megabyte with thousands
    /// of corrections, such as text extracted without line breaks, took minutes).
    public struct Cursor: Sendable {
        private let index: LineIndex
        private var line = 0
        private var offset = 0
        private var column = 1

        /// A cursor at the start of `index`'s text.
        public init(_ index: LineIndex) { self.index = index }

        /// The line and column of the byte at `offset` (see ``LineIndex/location(ofByteOffset:)``,
        /// which this equals for every offset, in any order).
        public mutating func location(ofByteOffset offset: Int) -> SourceLocation {
            let offset = max(0, min(offset, index.bytes.count))
            let line = index.line(at: offset)
            if line == self.line && offset >= self.offset {
                column = index.column(counting: self.offset..<offset, from: column)
            } else {
                column = index.column(counting: index.lineStarts[line]..<offset, from: 1)
            }
            self.line = line
            self.offset = offset
            return SourceLocation(line: line + 1, column: column)
        }
    }

    /// The byte range of line `line` (1-based) without its line terminator (LF or CRLF).
    public func byteRange(ofLine line: Int) -> Range<Int> {
        precondition(line >= 1 && line <= lineStarts.count, "line \(line) out of range")
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, end - 1 < bytes.count, bytes[end - 1] == 0x0D, line < lineStarts.count { end -= 1 }
        return start..<end
    }
}
