import Testing
import WirefixLexicon
@testable import WirefixRules

/// `NameMatch.mentionWord`: the packed comparison that spares folding every word of a sentence
/// must give the folded word exactly when the token folds to a cue or pair word.
@Suite struct NameMentionTests {
    private func word(_ text: String) -> String? {
        let bytes = Array("\(text) ".utf8)  // a byte after the token: the one-load path
        let alone = Array(text.utf8)         // the token at the buffer's end: the byte loop
        let first = bytes.withUnsafeBufferPointer { NameMatch.mentionWord(0..<text.utf8.count, in: $0) }
        let second = alone.withUnsafeBufferPointer { NameMatch.mentionWord(0..<alone.count, in: $0) }
        #expect(first == second)
        return first
    }

    @Test func cueAndPairWordsAreFoundInAnyCase() {
        #expect(word("typo") == "typo")
        #expect(word("Typo") == "typo")
        #expect(word("COMMON") == "common")
        #expect(word("Names") == "names")
        #expect(word("misspellings") == "misspellings")   // 12 bytes: two packed words
        #expect(word("MISSPELLED") == "misspelled")
        #expect(word("spelt") == "spelt")
    }

    @Test func otherWordsAreNot() {
        #expect(word("nameless") == nil)
        #expect(word("typos1") == nil)
        #expect(word("commons") == nil)
        #expect(word("name1") == nil)
        #expect(word("misspellingss") == nil)
        #expect(word("the") == nil)
    }

    @Test func everyCueAndPairWordIsKnown() {
        for cue in NameMatch.nameAsWordCues { #expect(word(cue) == cue) }
        for pair in NameMatch.nameAsWordPairs {
            for part in pair { #expect(word(part) == part) }
        }
    }
}
