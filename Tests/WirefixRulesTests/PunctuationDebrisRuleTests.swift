import Testing
import Wirefix
import WirefixTestSupport

/// Edges of the punctuation-debris rule that its examples do not pin down: spans, explanations,
/// confidences and the machine-text exclusions.
@Suite struct PunctuationDebrisRuleTests {
    @Test func aStrayFullStopBeforeACommaIsOneCorrection() throws {
        let result = try SingleRule.run("punctuation_debris", "for the second time. , in March")
        let correction = try #require(result.corrections.first)
        #expect(result.corrections.count == 1)
        #expect(correction.range == TextRange(start: 19, end: 22))
        #expect(correction.original == ". ,")
        #expect(correction.replacement == ",")
        #expect(correction.confidence == 0.85)
        #expect(correction.explanation == "stray full stop before a comma; kept the comma")
    }

    @Test func aSpaceBeforeACommaIsOneCorrection() throws {
        let result = try SingleRule.run("punctuation_debris", "Дж. spoke , and")
        let correction = try #require(result.corrections.first)
        // "Дж. " is 6 bytes, "spoke" 5 more.
        #expect(correction.range == TextRange(start: 11, end: 13))
        #expect(correction.confidence == 0.9)
        #expect(correction.explanation == "space before a comma after a word; removed the space")
        #expect(result.corrected == "Дж. spoke, and")
    }

    @Test func aSemicolonIsLessCertain() throws {
        let result = try SingleRule.run("punctuation_debris", "He waited ; nobody came.")
        #expect(result.corrected == "He waited; nobody came.")
        #expect(result.corrections.first?.confidence == 0.8)
    }

    @Test func anAbbreviationKeepsItsFullStop() throws {
        let result = try SingleRule.run("punctuation_debris", "Acme Inc. , the maker")
        #expect(result.corrected == "Acme Inc., the maker")
        #expect(result.corrections.first?.explanation == "space before a comma after an abbreviation; kept the abbreviation's full stop")
    }

    @Test func spacesBeforeAStopAfterAnAddressAreDeliberate() throws {
        for text in ["Write to help@example.org .", "See /usr/share/doc .", "It is socket.error .", "Use `x` ."] {
            let result = try SingleRule.run("punctuation_debris", text)
            #expect(result.corrections.isEmpty, "\(text)")
        }
    }

    @Test func commandLinesAndCodeBlocksAreLeftAlone() throws {
        for text in ["python -m compileall .", "    destroy .", "$ ls -l .", "unzip ; touch ; mount", "from . import foo"] {
            let result = try SingleRule.run("punctuation_debris", text)
            #expect(result.corrections.isEmpty, "\(text)")
        }
    }

    @Test func wideGapsAreLeftAlone() throws {
        #expect(try SingleRule.run("punctuation_debris", "l   . i.").corrections.isEmpty)
        #expect(try SingleRule.run("punctuation_debris", "it ended  .").corrected == "it ended.")
    }

    @Test func aSpaceAfterAnEllipsisGoesAndTheEllipsisStays() throws {
        let result = try SingleRule.run("punctuation_debris", "He said... , then left.")
        let correction = try #require(result.corrections.first)
        #expect(correction.range == TextRange(start: 10, end: 12))
        #expect(correction.confidence == 0.85)
        #expect(correction.explanation == "space between an ellipsis and a comma; removed the space")
        #expect(result.corrected == "He said..., then left.")
    }

    @Test func spacedNumbersAndFrenchQuotesAreLeftAlone() throws {
        for text in ["The meeting is at 10 . 30 a.m. on Monday.", "The fine was 1 . 5 million bolivars.",
                     "Le président a déclaré : « Nous ne céderons pas ; jamais ! »"] {
            let result = try SingleRule.run("punctuation_debris", text)
            #expect(result.corrected == text)
            #expect(result.suggestions.isEmpty)
        }
        // Outside the guillemets the line is ordinary copy.
        #expect(try SingleRule.run("punctuation_debris", "« Oui ; non » , dit-il.").corrected == "« Oui ; non », dit-il.")
    }
}
