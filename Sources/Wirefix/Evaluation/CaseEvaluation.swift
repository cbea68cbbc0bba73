/// What one case gave: the output, the comparison cluster by cluster, and what the tool reported.
public struct CaseEvaluation: Sendable, Hashable {
    /// The case.
    public var evaluationCase: EvaluationCase
    /// The tool's output.
    public var output: String
    /// The places where the expected text or the output differ from the input, in input order.
    public var clusters: [EditCluster]
    /// The corrections the tool applied (spans in the input).
    public var corrections: [Correction]
    /// The corrections the tool only suggested.
    public var suggestions: [Correction]
    /// The findings of detect-only rules.
    public var findings: [Correction]

    /// Whether the output equals the expected text byte for byte.
    public var isExact: Bool { output.utf8.elementsEqual(evaluationCase.expected.utf8) }

    /// The input line(s) around a cluster with the expected and the output versions of them: the
    /// whole text for a one-line case.
    ///
    /// - Returns: `(input, got, expected)`, without line terminators at either end.
    public func context(of cluster: EditCluster) -> (input: String, got: String, expected: String) {
        let bytes = Array(evaluationCase.input.utf8)
        var start = cluster.range.start
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var end = cluster.range.end
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        let texts = texts(over: TextRange(start: start, end: end))
        func chomp(_ text: String) -> String { text.hasSuffix("\r") ? String(text.dropLast()) : text }
        return (chomp(texts.input), chomp(texts.got), chomp(texts.expected))
    }

    /// A short readable excerpt around a cluster: its span widened to the runs of non-space
    /// characters it touches, and by one more run on a side where it starts or ends with a space,
    /// or on both sides when it holds no letter or digit (an inserted space, a deleted comma).
    ///
    /// - Returns: `(input, got, expected)` over the excerpt.
    public func excerpt(of cluster: EditCluster) -> (input: String, got: String, expected: String) {
        let bytes = Array(evaluationCase.input.utf8)
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var start = cluster.range.start
        var end = cluster.range.end
        while start > 0 && !isBlank(bytes[start - 1]) { start -= 1 }
        while end < bytes.count && !isBlank(bytes[end]) { end += 1 }
        let hasWord = bytes[start..<end].contains { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 >= 0x80 }
        if !hasWord || (start < end && bytes[start] == 0x20) {
            while start > 0 && bytes[start - 1] == 0x20 { start -= 1 }
            while start > 0 && !isBlank(bytes[start - 1]) { start -= 1 }
        }
        if !hasWord || (start < end && bytes[end - 1] == 0x20) {
            while end < bytes.count && bytes[end] == 0x20 { end += 1 }
            while end < bytes.count && !isBlank(bytes[end]) { end += 1 }
        }
        return texts(over: TextRange(start: start, end: end))
    }

    /// The input, the output and the expected text over a span of the input, widened to whole
    /// clusters where one crosses its ends.
    func texts(over range: TextRange) -> (input: String, got: String, expected: String) {
        let bytes = Array(evaluationCase.input.utf8)
        var span = range
        for other in clusters where other.range.start < span.start && other.range.end >= span.start
            || other.range.end > span.end && other.range.start <= span.end {
            span = TextRange(start: min(span.start, other.range.start), end: max(span.end, other.range.end))
        }
        let inside = clusters.filter { $0.range.start >= span.start && $0.range.end <= span.end }
        return (String(decoding: bytes[span.asRange], as: UTF8.self),
                TextEdit.apply(inside.flatMap(\.appliedEdits), to: bytes, in: span),
                TextEdit.apply(inside.flatMap(\.expectedEdits), to: bytes, in: span))
    }
}
