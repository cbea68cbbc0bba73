import WirefixEngine
import WirefixLexicon

/// The lines of a document that are headlines: at least three words, and every word in
/// capitals or at least three in four capitalized (Title Case leaves a few short function words
/// in lowercase: "of", "the"). In a headline capital letters say nothing about names.
///
/// Computed once per document, in one pass over its tokens (O(*n*)), so that asking about
/// every name on a long line costs O(log *l*) each rather than a walk over the line's tokens.
final class HeadlineLines: Sendable {
    /// The ``Document/cached(_:_:)`` key.
    static let key = "wirefix.headlineLines"

    /// The byte ranges (without line feeds) of the headline lines, ascending.
    private let headlines: [Range<Int>]
    /// The byte ranges of all lines that hold a word, ascending.
    private let lines: [Range<Int>]

    init(_ document: Document) {
        var headlines: [Range<Int>] = []
        var lines: [Range<Int>] = []
        let tokens = document.tokens
        var index = 0
        while index < tokens.count {
            let line = document.lineRange(containing: tokens[index].range.lowerBound..<tokens[index].range.lowerBound)
            var end = index
            while end < tokens.count && tokens[end].range.upperBound <= line.upperBound { end += 1 }
            lines.append(line)
            if HeadlineLines.isHeadline(tokens: tokens[index..<max(end, index + 1)]) { headlines.append(line) }
            index = max(end, index + 1)
        }
        self.headlines = headlines
        self.lines = lines
    }

    /// Whether the line with byte range `line` is a headline, or nil when `line` is not one of
    /// the document's lines as a whole (a range that spans a line break).
    func isHeadline(_ line: Range<Int>) -> Bool? {
        func find(_ ranges: [Range<Int>]) -> Bool {
            let low = ranges.partitioningIndex { $0.lowerBound >= line.lowerBound }
            return low < ranges.count && ranges[low] == line
        }
        if find(headlines) { return true }
        if find(lines) { return false }
        // A line without words is no headline; a multi-line range is judged by the caller.
        return line.isEmpty ? false : nil
    }

    /// The headline test on the tokens of one line.
    static func isHeadline<Tokens: Sequence<Token>>(tokens: Tokens) -> Bool {
        var words = 0, capitalized = 0, lower = 0
        for token in tokens {
            guard token.shape.contains(.hasLetter) else { continue }
            words += 1
            if token.shape.contains(.startsUppercase) { capitalized += 1 }
            if token.shape.contains(.hasLowercase) { lower += 1 }
        }
        guard words >= 3 else { return false }
        if lower == 0 { return true }
        // Short function words stay lowercase in Title Case ("of", "the"): allow a few.
        return Double(capitalized) >= 0.75 * Double(words)
    }
}
