import Synchronization
import WirefixEngine
import WirefixLexicon

/// The lines of a document that are headlines: at least three words, and every word in
/// capitals or at least three in four capitalized (Title Case leaves a few short function words
/// in lowercase: "of", "the"). In a headline capital letters say nothing about names.
///
/// Read line by line as the rules ask, and kept per document: a line's answer costs one walk
/// over its own tokens (O(log *n*) to find them), and asking again about the same line O(1), so
/// the lines no name stands on are never read.
final class HeadlineLines: Sendable {
    /// The answers so far, by byte range.
    private let answers = Mutex<[Range<Int>: Bool]>([:])

    init() {}

    /// Whether the text `line` of `document` is a headline: a whole line (without its line
    /// feed), or several lines judged together (a name that spans a line break). A token never
    /// spans a line feed, so a line's tokens are those that start in it.
    ///
    /// - Parameter line: UTF-8 byte offsets into `document.bytes`, from the start of a line to
    ///   the end of a line.
    func isHeadline(_ line: Range<Int>, in document: Document) -> Bool {
        if let known = answers.withLock({ $0[line] }) { return known }
        let answer = HeadlineLines.isHeadline(tokens: document.tokens[document.tokenIndices(in: line)].lazy.filter { $0.range.upperBound <= line.upperBound })
        answers.withLock { $0[line] = answer }
        return answer
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
