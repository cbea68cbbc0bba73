import Testing
import WirefixLexicon

@Suite struct TokenizerTests {
    private func words(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer.tokens(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test func splitsOnPunctuationApostrophesAndHyphens() {
        #expect(words("Maduro's God-given (PSUV)who 2.5") == ["Maduro", "s", "God", "given", "PSUV", "who", "2", "5"])
    }

    @Test func keepsAccentedAndDecomposedLettersInOneToken() {
        #expect(words("Rodríguez Rodri\u{301}guez Évole") == ["Rodríguez", "Rodri\u{301}guez", "Évole"])
    }

    @Test func zeroWidthCharactersInsideAWordDoNotSplitIt() {
        #expect(words("Ca\u{200B}bello \u{200B}x") == ["Ca\u{200B}bello", "x"])
        // The invisible operators, U+180E and U+FEFF likewise; a leading U+FEFF (a byte-order
        // mark) starts no token.
        #expect(words("Pe\u{2063}tro Pe\u{180E}tro Ca\u{FEFF}bello \u{FEFF}Lima f\u{2061}") == ["Pe\u{2063}tro", "Pe\u{180E}tro", "Ca\u{FEFF}bello", "Lima", "f"])
    }

    @Test func shapes() {
        let tokens = Tokenizer.tokens(in: "iPhone McDonald MADURO Maduro maduro Ñandú")
        #expect(tokens[0].shape.contains(.innerUppercase))
        #expect(!tokens[0].isTitleCase)
        #expect(tokens[1].shape.contains(.innerUppercase))
        #expect(tokens[2].isAllUppercase)
        #expect(tokens[3].isTitleCase)
        #expect(tokens[4].isLowercase)
        #expect(tokens[5].isTitleCase)
        #expect(!tokens[5].shape.contains(.ascii))
    }
}
