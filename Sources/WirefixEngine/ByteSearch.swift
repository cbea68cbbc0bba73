import Foundation

/// Searches of UTF-8 buffers many bytes at a time, for the scans rules and the pipeline make over
/// whole chunks (line feeds, parentheses, punctuation, non-ASCII bytes), which otherwise cost a
/// compare and a branch per byte.
///
/// Offsets are UTF-8 byte offsets into the buffer; every search looks at `bytes[from..<to]` and
/// answers `to` when it finds nothing.
public enum ByteSearch {
    /// The offset of the first `byte` in `bytes[from..<to]` (with the C library's `memchr`).
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = bytes.baseAddress else { return to }
        guard let found = memchr(base + from, Int32(byte), to - from) else { return to }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// How many times `byte` occurs in `bytes`.
    public static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        var index = firstIndex(of: byte, in: bytes, from: 0, to: bytes.count)
        while index < bytes.count {
            total += 1
            index = firstIndex(of: byte, in: bytes, from: index + 1, to: bytes.count)
        }
        return total
    }

    /// The offset of the first byte of `bytes[from..<to]` that is not ASCII (0x80 or more).
    public static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return to }
        var index = from
        while index + 8 <= to && base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { index += 8 }
        while index < to && bytes[index] < 0x80 { index += 1 }
        return index
    }

    /// The offset of the first two consecutive `byte`s in `bytes[from..<to]` (both inside the
    /// range), or `to`: eight bytes a time, overlapping by one so that no pair is split.
    public static func firstIndex(ofPair byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return to }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(byte) &* ones
        var index = from
        while index + 8 <= to {
            let x = base.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern
            // Bytes equal to `byte` (a superset: a borrow may mark a byte after a true one); a
            // pair needs two marks side by side, and the bytes are then read one by one.
            let marks = (x &- ones) & ~x & highs
            if marks & (marks >> 8) != 0 { break }
            index += 7
        }
        while index + 1 < to {
            if bytes[index] == byte && bytes[index + 1] == byte { return index }
            index += 1
        }
        return to
    }

    /// The offset of the first byte of `bytes[from..<to]` equal to any of the three bytes.
    public static func firstIndex(ofAny first: UInt8, _ second: UInt8, _ third: UInt8,
                                  in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return to }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let a = UInt64(first) &* ones, b = UInt64(second) &* ones, c = UInt64(third) &* ones
        // A word holds a byte equal to the pattern's when (word ^ pattern) has a zero byte.
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var index = from
        while index + 8 <= to {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hasZero(word ^ a) || hasZero(word ^ b) || hasZero(word ^ c) { break }
            index += 8
        }
        while index < to {
            let byte = bytes[index]
            if byte == first || byte == second || byte == third { return index }
            index += 1
        }
        return to
    }
}
