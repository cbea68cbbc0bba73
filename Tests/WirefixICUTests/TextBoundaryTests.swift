import Testing
import WirefixICU

@Suite struct TextBoundaryTests {
    private func sentenceStrings(_ text: String, locale: String = "en") throws -> [String] {
        try TextBoundary.sentences(in: text, locale: locale).map { String(text[$0]) }
    }

    private func wordStrings(_ text: String, locale: String = "en") throws -> [String] {
        try TextBoundary.words(in: text, locale: locale).map { String(text[$0]) }
    }

    @Test func sentencesSplitAfterEveryAbbreviation() throws {
        // ICU's standard rules know no abbreviations: "Dr." and "Mr." end sentences.
        #expect(try sentenceStrings("Dr. Smith met Mr. Lee. They spoke.")
            == ["Dr. ", "Smith met Mr. ", "Lee. ", "They spoke."])
    }

    @Test func sentenceSuppressionViaLocaleKeyword() throws {
        // CLDR 42's English suppression list has "Mr." but not "Dr.".
        #expect(try sentenceStrings("Dr. Smith met Mr. Lee. They spoke.", locale: "en@ss=standard")
            == ["Dr. ", "Smith met Mr. Lee. ", "They spoke."])
    }

    @Test func sentenceRangesCoverTheWholeText() throws {
        let text = "Maduro habló. ¿Quién respondió? Nadie."
        let ranges = try TextBoundary.sentences(in: text, locale: "es")
        #expect(ranges.map { String(text[$0]) } == ["Maduro habló. ", "¿Quién respondió? ", "Nadie."])
        #expect(ranges.first?.lowerBound == text.startIndex)
        #expect(ranges.last?.upperBound == text.endIndex)
        #expect(try TextBoundary.sentences(in: "") == [])
    }

    @Test func wordsKeepApostrophesAndAccents() throws {
        #expect(try wordStrings("Nicolás Maduro's") == ["Nicolás", "Maduro's"])
        #expect(try wordStrings("Nicolás Maduro’s") == ["Nicolás", "Maduro’s"])
        let text = "Nicolás Maduro's"
        let ranges = try TextBoundary.words(in: text)
        #expect(ranges.first?.lowerBound == text.startIndex)
        #expect(ranges.last?.upperBound == text.endIndex)
    }

    @Test func wordsSkipPunctuationSpacesAndEmoji() throws {
        #expect(try wordStrings("Hello, world! 42 times — 👍🏽 ok")
            == ["Hello", "world", "42", "times", "ok"])
        #expect(try wordStrings("e-mail 3.5 U.S.A. can't") == ["e", "mail", "3.5", "U.S.A", "can't"])
        #expect(try wordStrings("... !? —") == [])
        #expect(try wordStrings("") == [])
    }

    @Test func wordOffsetsSurviveSurrogatePairsAndCombiningMarks() throws {
        // 𝐀𝐁 are two UTF-16 surrogate pairs; e + U+0301 is two scalars but one Character.
        let text = "👍🏽 𝐀𝐁 e\u{301}tat 日本語テキスト"
        let words = try wordStrings(text)
        #expect(words == ["𝐀𝐁", "e\u{301}tat", "日本語", "テキスト"])
        #expect(words.map { scalars($0).count } == [2, 5, 3, 4])
    }
}
