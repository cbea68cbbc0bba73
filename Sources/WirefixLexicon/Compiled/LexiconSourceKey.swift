/// A 128-bit hash of everything a compiled lexicon is built from: the path of each lexicon
/// directory in load order, the names of the entries in its `entities/`, `glosses/` and
/// `overrides/` folders, and the bytes of every `.tsv` file there, plus the image
/// ``ImageFormat/formatVersion`` and the identity of the running executable (so that a rebuilt or
/// upgraded Wirefix compiles anew). The lexicon cache names a compiled image by it, so any change
/// to a source file, a renamed or added file, or another directory order compiles anew.
///
/// The hash is Wirefix's own 64-bit-word multiply–rotate mix in two lanes with a final avalanche
/// (in the manner of MurmurHash3's `fmix64`). It detects accidental change, not tampering: it is
/// not cryptographic, and the cache directory must be as trusted as the lexicons themselves.
public struct LexiconSourceKey: Sendable, Hashable, CustomStringConvertible {
    /// The first 64 bits.
    public let high: UInt64
    /// The last 64 bits.
    public let low: UInt64

    /// Creates a key from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// 32 lowercase hexadecimal digits.
    public var description: String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }
}

/// Accumulates a ``LexiconSourceKey``.
///
/// - Complexity: O(*n*) in the bytes fed, eight bytes per step.
struct SourceHasher {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var length: UInt64 = 0

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        a = ((a ^ word) &* 0x9E37_79B9_7F4A_7C15)
        a = (a << 31) | (a >> 33)
        b = ((b ^ word) &* 0xC2B2_AE3D_27D4_EB4F)
        b = (b << 27) | (b >> 37)
        a = a &+ b
    }

    /// Feeds bytes.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail ^ (UInt64(count) << 56))
        length &+= UInt64(count)
    }

    /// Feeds a string, delimited (its length goes in too, so "ab"+"c" differs from "a"+"bc").
    mutating func combine(_ string: String) {
        var copy = string
        copy.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// Feeds an integer.
    mutating func combine(_ value: UInt64) { mix(value); length &+= 8 }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// The key.
    func finalize() -> LexiconSourceKey {
        let high = Self.avalanche(a ^ length)
        let low = Self.avalanche(b &+ high)
        return LexiconSourceKey(high: high, low: low)
    }
}
