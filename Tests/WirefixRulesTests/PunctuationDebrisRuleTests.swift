import Testing
import Wirefix
import WirefixTestSupport
@testable import WirefixRules

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

    /// A word that is also an abbreviation, its stop spaced off: the suggestion drops the stop
    /// (review 17: it offered "no.,", which an editor accepting it would publish); with the stop
    /// against the word the abbreviation keeps it.
    @Test func aWordLikeAbbreviationSpacedOffIsSuggestedWithoutItsStop() throws {
        let word = try SingleRule.run("punctuation_debris", "Voters said no . , and the measure failed.")
        #expect(word.corrected == "Voters said no . , and the measure failed.")
        let suggestion = try #require(word.suggestions.first)
        #expect(suggestion.original == " . ,")
        #expect(suggestion.replacement == ",")
        #expect(suggestion.confidence == 0.5)
        let abbreviation = try SingleRule.run("punctuation_debris", "See Fig. , 3 for the data.")
        #expect(abbreviation.corrected == "See Fig., 3 for the data.")
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

    /// The line memo answers as reading the line anew for every position would (the definitions
    /// below), for positions asked in ascending and in random order, on lines with guillemets of
    /// both kinds, command lines and prose.
    @Test func theLineMemoAgreesWithReadingEachLine() {
        func insideGuillemets(_ index: Int, in bytes: [UInt8]) -> Bool {
            var position = index
            while position > 0, bytes[position - 1] != 0x0A {
                position -= 1
                let byte = bytes[position]
                if byte == 0xAB || byte == 0xBB, position > 0, bytes[position - 1] == 0xC2 { return byte == 0xAB }
                if byte == 0xB9 || byte == 0xBA, position > 1, bytes[position - 1] == 0x80, bytes[position - 2] == 0xE2 { return byte == 0xB9 }
            }
            return false
        }
        let text = "Il a dit « non ; jamais » , puis ‹ oui › ; fin.\n$ ls -l ; cd ..\n\n    code ; here\nprose , again « open ;"
        let bytes = Array(text.utf8)
        var ascending = LineMemo()
        for index in 0...bytes.count {
            #expect(ascending.isMachineLine(around: index, in: bytes) == ByteClass.isMachineLine(around: index, in: bytes), "machine at \(index)")
            #expect(ascending.isInsideGuillemets(index, in: bytes) == insideGuillemets(index, in: bytes), "guillemets at \(index)")
        }
        var generator = SystemRandomNumberGenerator()
        var shuffled = LineMemo()
        for _ in 0..<1_000 {
            let index = Int.random(in: 0...bytes.count, using: &generator)
            #expect(shuffled.isInsideGuillemets(index, in: bytes) == insideGuillemets(index, in: bytes), "guillemets at \(index)")
            #expect(shuffled.isMachineLine(around: index, in: bytes) == ByteClass.isMachineLine(around: index, in: bytes), "machine at \(index)")
        }
        // Inline code: ranges of up to 6 bytes, on lines with backticks, in random order.
        let code = Array("Call `dropwhile` and `next after` here.\nNo `tick here\n``double`` and `x`".utf8)
        var codeMemo = LineMemo()
        for _ in 0..<1_000 {
            let start = Int.random(in: 0...code.count, using: &generator)
            let end = min(code.count, start + Int.random(in: 0...6, using: &generator))
            #expect(codeMemo.isInInlineCode(start..<end, in: code) == ByteClass.isInInlineCode(start..<end, in: code), "code at \(start)..<\(end)")
        }
        #expect(ByteClass.isInInlineCode(6..<15, in: code))
        #expect(!ByteClass.isInInlineCode(17..<20, in: code))
        // The answers themselves: inside « … », after », on the shell line.
        #expect(insideGuillemets(Array("Il a dit « non ;".utf8).count - 1, in: bytes))
        #expect(!insideGuillemets(Array("Il a dit « non ; jamais » ,".utf8).count - 1, in: bytes))
        #expect(ByteClass.isMachineLine(around: bytes.firstIndex(of: 0x24)!, in: bytes))
    }

    /// Wire copy indents paragraphs with a tab or spaces: such a line that reads as prose is
    /// prose, and the spacing rules fix it; indented code and commands stay machine text.
    @Test func anIndentedParagraphIsProseAndIndentedCodeIsNot() {
        for prose in ["\tThe vice minister said the plan had failed. , in May.",
                      "    Officials said the talks would resume on Monday in Lima.",
                      "\t\u{201C}We will not leave,\u{201D} the opposition leader told reporters.",
                      "    The agreement was signed. Both sides left the room"] {
            #expect(!ByteClass.isMachineLine(Array(prose.utf8)), "\(prose)")
        }
        for code in ["    x = foo(a, b)", "\tfor item in items: print(item)", "    return self.value",
                     "\tmake install PREFIX=/usr , then run it", "    # the loop ends here when the list is empty.",
                     "    let total_count be the sum of all of the values here.", "\tshort indented line .",
                     "    ls -la ; cd the folder , then look at it.", "    print(\"Hello , world and all of you.\")",
                     "    raise ValueError(\"the value , it seems, is wrong here.\")", "    -- the table , as it stands, is never read."] {
            #expect(ByteClass.isMachineLine(Array(code.utf8)), "\(code)")
        }
        let fixed = Fixtures.corrector.correct("\tThe vice minister said the plan had failed. , in May.\n")
        #expect(fixed.corrected == "\tThe vice minister said the plan had failed, in May.\n")
    }
}
