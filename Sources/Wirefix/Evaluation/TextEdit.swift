/// One edit of a text: the UTF-8 byte range ``range`` of a source text replaced by
/// ``replacement``. An empty range is an insertion at `range.start`; an empty replacement is a
/// deletion.
///
/// JSON encodes it as `{"range": {"start": 6, "end": 8}, "original": "…", "replacement": "…"}`.
public struct TextEdit: Sendable, Hashable, Codable {
    /// The span of the source text that is replaced, in UTF-8 byte offsets.
    public var range: TextRange
    /// The source text in ``range``.
    public var original: String
    /// The text that replaces it.
    public var replacement: String

    /// Creates an edit.
    ///
    /// - Parameters:
    ///   - range: UTF-8 byte offsets into the source text, on scalar boundaries.
    ///   - original: the source text in `range`.
    ///   - replacement: the new text.
    public init(range: TextRange, original: String, replacement: String) {
        self.range = range
        self.original = original
        self.replacement = replacement
    }

    /// Applies edits to the span `span` of `source`.
    ///
    /// - Parameters:
    ///   - edits: non-overlapping edits inside `span`, in any order; edits outside it are ignored.
    ///   - source: the UTF-8 bytes of the source text.
    ///   - span: UTF-8 byte offsets, on scalar boundaries.
    /// - Returns: the text of `span` with the edits made.
    /// - Complexity: O(*n* + *e* log *e*) for a span of *n* bytes and *e* edits.
    public static func apply(_ edits: [TextEdit], to source: [UInt8], in span: TextRange) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(span.count + 16)
        var cursor = span.start
        for edit in edits.sorted(by: { $0.range < $1.range })
        where edit.range.start >= cursor && edit.range.end <= span.end {
            output.append(contentsOf: source[cursor..<edit.range.start])
            output.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.end
        }
        output.append(contentsOf: source[cursor..<span.end])
        return String(decoding: output, as: UTF8.self)
    }
}
