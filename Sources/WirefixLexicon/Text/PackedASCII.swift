/// Short runs of ASCII text packed into one `UInt64` (the first byte in the lowest eight bits),
/// letters lowercased: the keys of small word tables and memos that stay in the processor's
/// cache (``EnglishWordList/isFrequent(token:in:)``, the glue rule's memo of word-list answers).
///
/// Read with one unaligned load and lowercased eight bytes at a time (SWAR: a byte `b` < 0x80 is
/// an uppercase letter when `b + 0x3F` reaches 0x80 and `b + 0x25` does not, and no sum carries
/// into the next byte), where a byte-by-byte loop cost some 100 instructions a word, for every
/// word of the text.
public enum PackedASCII {
    /// The bytes `range` of `bytes` (one to eight of them), packed and lowercased, or `nil` when
    /// one of them is not ASCII.
    @inlinable @inline(__always)
    public static func lowercased(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let count = range.count
        assert(count >= 1 && count <= 8 && range.lowerBound >= 0 && range.upperBound <= bytes.count,
               "PackedASCII takes one to eight bytes of the buffer")
        var word: UInt64
        if range.lowerBound &+ 8 <= bytes.count {
            word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + range.lowerBound).loadUnaligned(as: UInt64.self))
            // Keep the low `count` bytes (all eight when `count` is 8: the shift is then 0).
            word &= ~0 &>> (UInt64(truncatingIfNeeded: 8 &- count) &<< 3)
        } else {
            word = 0
            var shift: UInt64 = 0
            for index in range {
                word |= UInt64(bytes[index]) &<< shift
                shift &+= 8
            }
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        guard word & (ones &* 0x80) == 0 else { return nil }
        let atLeastA = (word &+ ones &* 0x3F) & (ones &* 0x80)
        let pastZ = (word &+ ones &* 0x25) & (ones &* 0x80)
        return word | ((atLeastA & ~pastZ) &>> 2)
    }

    /// The bytes `range` of `bytes` (one to sixteen of them), packed and lowercased as two words:
    /// `low` the first eight, `high` the rest (0 when there are none); `nil` when one of them is
    /// not ASCII. No ASCII token holds a NUL byte, so the two words tell its length too.
    @inlinable @inline(__always)
    public static func lowercasedPair(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt64)? {
        let split = Swift.min(range.upperBound, range.lowerBound &+ 8)
        guard let low = lowercased(range.lowerBound..<split, in: bytes) else { return nil }
        guard split < range.upperBound else { return (low, 0) }
        guard let high = lowercased(split..<range.upperBound, in: bytes) else { return nil }
        return (low, high)
    }
}
