import WirefixEngine
import WirefixLexicon

/// Sentences that mention a name rather than the person: the name discussed as a string ("is a
/// common typo", "a common name in Texas") or a different bearer beside the entity itself
/// ("Princess Eleanor visited Spain's Princess Leonor").
extension NameMatch {
    /// Words that make a sentence talk about a name as written, not about its bearer.
    static let nameAsWordCues: Set<String> = [
        "typo", "typos", "misspelling", "misspellings", "misspelled", "misspelt", "spelling",
        "spellings", "spelled", "spelt", "misspell", "misspells",
    ]

    /// Word pairs that do the same: "a common name", "a popular surname".
    static let nameAsWordPairs: Set<[String]> = [
        ["common", "name"], ["popular", "name"], ["common", "surname"], ["popular", "surname"],
        ["common", "names"], ["popular", "names"], ["common", "surnames"],
    ]

    /// The byte range of the match's sentence: out to the sentence ends on either side, at most
    /// `window` tokens each way.
    func sentenceRange(in document: Document, window: Int = 30) -> Range<Int> {
        let all = document.tokens
        let bytes = document.bytes
        var first = match.tokenRange.lowerBound
        while first > 0, match.tokenRange.lowerBound - first < window,
              !NameMatch.crossesSentence(bytes, all[first - 1].range.upperBound..<all[first].range.lowerBound) { first -= 1 }
        var last = match.tokenRange.upperBound - 1
        while last + 1 < all.count, last - match.tokenRange.upperBound < window,
              !NameMatch.crossesSentence(bytes, all[last].range.upperBound..<all[last + 1].range.lowerBound) { last += 1 }
        return all[first].range.lowerBound..<all[last].range.upperBound
    }

    /// Why the sentence speaks of the name rather than of the entity, or nil: a word of
    /// ``nameAsWordCues`` or a pair of ``nameAsWordPairs`` in it, or the entity's canonical name
    /// written in it elsewhere (then the match is someone else's name).
    func mentionOfName(in document: Document) -> String? {
        let sentence = sentenceRange(in: document)
        let indices = document.tokenIndices(in: sentence)
        var previous: String?
        for index in indices where !match.tokenRange.contains(index) {
            let word = document.folded(document.tokens[index])
            if NameMatch.nameAsWordCues.contains(word) { return "the sentence speaks of the name as written (\"\(word)\")" }
            if let before = previous, NameMatch.nameAsWordPairs.contains([before, word]) {
                return "the sentence speaks of the name as a name (\"\(before) \(word)\")"
            }
            previous = word
        }
        // The canonical name itself elsewhere in the sentence.
        let canonical = Array(entity.canonical.utf8)
        let bytes = document.bytes
        if canonical.count >= 4, sentence.count >= canonical.count {
            var start = sentence.lowerBound
            while start + canonical.count <= sentence.upperBound {
                if bytes[start] == canonical[0], !match.byteRange.overlaps(start..<(start + canonical.count)),
                   bytes[start..<(start + canonical.count)].elementsEqual(canonical) {
                    return "\(entity.canonical) is named in the same sentence, so this is someone else"
                }
                start += 1
            }
        }
        return nil
    }
}
