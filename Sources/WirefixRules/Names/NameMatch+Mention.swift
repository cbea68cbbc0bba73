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

    /// The words of ``nameAsWordCues`` and ``nameAsWordPairs``, each with its bytes packed as
    /// ``PackedASCII`` packs them (the first eight, then the rest).
    private static let mentionWords: [(word: String, low: UInt64, high: UInt64)] = {
        let words = Set(nameAsWordCues).union(nameAsWordPairs.flatMap { $0 })
        return words.sorted().map { word in
            let packed = Array(word.utf8).withUnsafeBufferPointer { PackedASCII.lowercasedPair(0..<$0.count, in: $0)! }
            return (word, packed.low, packed.high)
        }
    }()

    /// The word of ``mentionWords`` that the ASCII token `range` (at most 16 bytes) folds to, or
    /// `nil` when it folds to none of them (a word that is no cue and begins no pair).
    static func mentionWord(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let packed = PackedASCII.lowercasedPair(range, in: bytes) else { return nil }
        for entry in mentionWords where entry.low == packed.low && entry.high == packed.high { return entry.word }
        return nil
    }

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

    /// Whether the match's sentence is in another language than English (Spanish, Portuguese,
    /// Italian…): at least two of its lowercase words outside the match say so, and they
    /// outnumber its English function words ("the", "of", "and"…). A word says so when it is a
    /// Spanish function word (``NameCaseRule/spanishFunctionWords``, "de", "el", "que"), or is no
    /// English word of the word list ("pide", "portavoz", "visitou", "según"). A name written in
    /// such a sentence is written that language's way ("Volodímir Zelenski", "Leão XIV"), which
    /// is no misspelling there.
    func isInForeignSentence(in document: Document, context: RuleContext) -> Bool {
        let indices = document.tokenIndices(in: sentenceRange(in: document))
        let tokens = document.tokens
        var foreign = 0, english = 0
        for index in indices where !match.tokenRange.contains(index) && tokens[index].isLowercase {
            let word = document.folded(tokens[index])
            if Self.englishFunctionWords.contains(word) { english += 1; continue }
            if NameCaseRule.spanishFunctionWords.contains(word) || word == "de" || !context.words.contains(word) { foreign += 1 }
        }
        return foreign >= 2 && foreign > english
    }

    /// English function words that Spanish does not use: what an English sentence is made of.
    static let englishFunctionWords: Set<String> = [
        "the", "of", "and", "to", "in", "is", "was", "for", "on", "with", "that", "by", "at", "from",
        "his", "her", "he", "she", "it", "they", "their", "has", "have", "had", "were", "are", "said",
        "will", "would", "which", "who", "this", "an", "not", "but", "or", "after", "about",
    ]

    /// Why the sentence speaks of the name rather than of the entity, or nil: a word of
    /// ``nameAsWordCues`` or a pair of ``nameAsWordPairs`` in it, or the entity's canonical name
    /// written in it elsewhere (then the match is someone else's name).
    func mentionOfName(in document: Document) -> String? {
        let sentence = sentenceRange(in: document)
        let indices = document.tokenIndices(in: sentence)
        let tokens = document.tokens
        var previous: String?
        for index in indices where !match.tokenRange.contains(index) {
            let token = tokens[index]
            let word: String
            if token.shape.contains(.ascii) && token.range.count <= 16 {
                // An ASCII token folds to its lowercase bytes: compared packed with the few words
                // that matter, it needs no string unless it is one of them (folding every word of
                // the sentence into a string cost some 20,000 instructions a name).
                guard let known = document.withBytes({ NameMatch.mentionWord(token.range, in: $0) }) else {
                    previous = nil
                    continue
                }
                word = known
            } else {
                word = document.folded(token)
            }
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
