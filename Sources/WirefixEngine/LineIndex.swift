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
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < offset {
            // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: low + 1, column: column)
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
