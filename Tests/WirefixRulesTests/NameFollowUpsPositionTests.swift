import Testing
@testable import WirefixRules

/// `NameFollowUpsRule.startsByPosition`: a word is capitalized by its position after the start of
/// the text, a line break, sentence punctuation or an opening quotation mark, and not after other
/// characters, including ones whose UTF-8 merely ends in a quotation mark's last byte.
@Suite struct NameFollowUpsPositionTests {
    func byPosition(_ before: String) -> Bool {
        let bytes = Array((before + "Castle").utf8)
        return NameFollowUpsRule.startsByPosition(before.utf8.count, in: bytes)
    }

    @Test func openingMarksAndSentenceEndsCount() {
        #expect(byPosition(""))
        #expect(byPosition("He left. "))
        #expect(byPosition("\n"))
        #expect(byPosition("She said \u{201C}"))
        #expect(byPosition("She said \u{2018}"))
        #expect(byPosition("Il dit \u{AB}"))
        #expect(byPosition("(\""))
    }

    @Test func otherCharactersDoNot() {
        #expect(!byPosition("the "))
        #expect(!byPosition("the \u{201D}"))
        // U+271C (E2 9C 9C) and U+0E1C (E0 B8 9C) end in 0x9C like U+201C but open nothing.
        #expect(!byPosition("\u{271C}"))
        #expect(!byPosition("\u{0E1C} "))
        // U+0418 (D0 98) ends in 0x98 like U+2018.
        #expect(!byPosition("\u{0418} "))
    }
}
