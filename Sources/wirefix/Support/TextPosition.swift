/// The line and column of a byte in a text read in pieces, for error messages that name a place
/// in a file ("in.txt:3:14: invalid UTF-8 at byte offset 52").
///
/// Lines are counted by LF and the column counts Unicode scalars from the start of the line, as
/// ``SourceLocation`` does for corrections: each byte that is not a UTF-8 continuation byte
/// starts one. Both are 1-based. The caller leaves a byte-order mark out.
struct TextPosition: CustomStringConvertible {
    /// The line, from 1.
    private(set) var line = 1
    /// The column in Unicode scalars, from 1.
    private(set) var column = 1

    /// Moves past `bytes`. O(*n*) in their count.
    mutating func advance(over bytes: some Collection<UInt8>) {
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
    }

    /// The position of the byte at `offset` in `bytes`, counted from the start of `bytes`.
    static func of(offset: Int, in bytes: some Collection<UInt8>) -> TextPosition {
        var position = TextPosition()
        position.advance(over: bytes.prefix(offset))
        return position
    }

    /// `line:column`.
    var description: String { "\(line):\(column)" }
}
