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
        if bytes.withContiguousStorageIfAvailable({ advance(over: $0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { advance(over: $0) }
        }
    }

    /// Moves past `bytes`: the line feeds counted in one pass, the columns only after the last.
    /// (Every block of a valid file is moved past, so this is on the path of every clean run;
    /// byte by byte with both counts it cost some 4% of a run on clean copy.)
    mutating func advance(over bytes: UnsafeBufferPointer<UInt8>) {
        var feeds = 0
        var lastFeed = -1
        for index in bytes.indices where bytes[index] == 0x0A {
            feeds += 1
            lastFeed = index
        }
        if feeds > 0 {
            line += feeds
            column = 1
        }
        for byte in bytes[(lastFeed + 1)...] where byte & 0xC0 != 0x80 { column += 1 }
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
