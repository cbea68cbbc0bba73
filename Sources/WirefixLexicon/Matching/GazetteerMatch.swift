/// A span of text that matches one or more ``NameVariant``s of the gazetteer.
public struct GazetteerMatch: Sendable, Hashable {
    /// Indices into the token array the match was found in (half-open).
    public var tokenRange: Range<Int>
    /// UTF-8 byte offsets of the span, from the first token's start to the last token's end.
    public var byteRange: Range<Int>
    /// The variants (indices into ``Gazetteer/variants``) whose folded tokens equal the span's.
    /// More than one means the span fits several forms or entities.
    public var variantIndices: [Int]

    /// Creates a match.
    public init(tokenRange: Range<Int>, byteRange: Range<Int>, variantIndices: [Int]) {
        self.tokenRange = tokenRange
        self.byteRange = byteRange
        self.variantIndices = variantIndices
    }
}
