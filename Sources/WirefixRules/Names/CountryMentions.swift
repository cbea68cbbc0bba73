import Foundation
import WirefixEngine
import WirefixLexicon

extension RuleContext {
    /// The codes of the countries that the bytes `range` of a document mention (see
    /// ``CountryTable``): the same answer as `countries.countries(mentionedIn: document.text(in:
    /// range))`, read from the document's own tokens, without allocating for ASCII words.
    ///
    /// - Parameter range: UTF-8 byte offsets into `document.bytes` that start and end at a token
    ///   boundary, a line break or the ends of the text (a line, a token, the words before a
    ///   token), so that the document's tokens inside it are the stretch's own tokens.
    /// - Complexity: O(log *n*) to find the tokens, then O(*t*) in their total length.
    func countries(mentionedIn range: Range<Int>, of document: Document) -> Set<String> {
        let tokens = document.tokens
        let slice = tokens[document.tokenIndices(in: range)]
        return document.withBytes { countries.countries(mentionedIn: slice, in: $0) }
    }

    /// The codes of the countries that the line `line` of a document mentions, computed once per
    /// line and document (the name rules ask for the same line once per name in it).
    ///
    /// - Parameter line: the byte range of a whole line, without its line break.
    func countries(mentionedInLine line: Range<Int>, of document: Document) -> Set<String> {
        let memo = document.cached(.lineCountries) { CountryMemo() }
        if let known = memo.value(for: line) { return known }
        let found = countries(mentionedIn: line, of: document)
        memo.store(found, for: line)
        return found
    }
}

/// The country mentions of the lines of one document, filled as rules ask; carried over to the
/// next document for the lines its edits left alone (see ``DocumentSplice``).
final class CountryMemo: DocumentAnalysis, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [Range<Int>: Set<String>] = [:]

    init() {}

    func carried(to document: Document, by splice: DocumentSplice) -> CountryMemo? {
        let memo = CountryMemo()
        let changed = splice.pieces.filter(\.isChanged).map(\.old)
        lock.lock()
        let known = lines
        lock.unlock()
        for (line, countries) in known {
            // A line keeps its text (and its line breaks) when no changed stretch reaches from
            // its line break before to its line break after.
            var low = 0, high = changed.count
            while low < high {
                let mid = (low + high) / 2
                if changed[mid].upperBound < line.lowerBound { low = mid + 1 } else { high = mid }
            }
            if low < changed.count && changed[low].lowerBound <= line.upperBound { continue }
            let shift = splice.pieces[splice.pieceIndex(ofOldOffset: line.lowerBound)].byteShift
            memo.lines[(line.lowerBound + shift)..<(line.upperBound + shift)] = countries
        }
        return memo
    }

    func value(for line: Range<Int>) -> Set<String>? {
        lock.lock()
        defer { lock.unlock() }
        return lines[line]
    }

    func store(_ value: Set<String>, for line: Range<Int>) {
        lock.lock()
        defer { lock.unlock() }
        lines[line] = value
    }
}
