/// A half-open range of UTF-8 byte offsets into a text.
///
/// Wirefix speaks of positions in **UTF-8 byte offsets** everywhere in its public API: `start` is
/// the offset of the first byte of the span and `end` the offset one past its last byte. They are
/// stable across platforms and languages, unlike `String.Index` or UTF-16 offsets, and they are
/// what a JSON report consumer or a byte-oriented tool (`dd`, `cut -b`) needs.
///
/// JSON encodes it as `{"start": 6, "end": 8}`.
public struct TextRange: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Offset of the first byte, counted from 0.
    public var start: Int
    /// Offset one past the last byte; `end >= start`.
    public var end: Int

    /// Creates a range from `start` up to, but not including, `end`.
    ///
    /// - Precondition: `0 <= start <= end`.
    public init(start: Int, end: Int) {
        precondition(start >= 0 && start <= end, "TextRange(start: \(start), end: \(end)) is not a valid range")
        self.start = start
        self.end = end
    }

    /// Creates a range from a Swift half-open range of byte offsets.
    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    /// The number of bytes covered.
    public var count: Int { end - start }

    /// Whether the range covers no bytes.
    public var isEmpty: Bool { start == end }

    /// The same range as a Swift `Range<Int>`.
    public var asRange: Range<Int> { start..<end }

    /// Whether the two ranges share at least one byte, or are the same empty position.
    public func overlaps(_ other: TextRange) -> Bool {
        if isEmpty || other.isEmpty { return start == other.start || (other.start > start && other.start < end) || (start > other.start && start < other.end) }
        return start < other.end && other.start < end
    }

    /// Orders by `start`, then by `end`.
    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    /// `start..<end`, in bytes.
    public var description: String { "\(start)..<\(end)" }
}
