import Testing
@testable import Wirefix
import WirefixEngine
import WirefixTestSupport

/// Cleaning in chunks gives what cleaning whole gives, wherever the cuts fall.
@Suite struct StreamingCorrectorTests {
    /// Streams `text` in feeds of `feedBytes` and returns the joined output and all chunks.
    func stream(_ text: String, target: Int, maximum: Int, feedBytes: Int = 4096) -> (String, [StreamingCorrector.Chunk]) {
        var streaming = StreamingCorrector(corrector: Fixtures.corrector, targetChunkBytes: target, maximumChunkBytes: maximum)
        let bytes = Array(text.utf8)
        var chunks: [StreamingCorrector.Chunk] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + feedBytes)
            chunks += streaming.feed(bytes[start..<end])
            start = end
        }
        chunks += streaming.finish()
        return (chunks.map(\.result.corrected).joined(), chunks)
    }

    @Test func theExampleArticleInSmallChunksEqualsTheWholeResult() throws {
        let original = try Fixtures.sharedText("examples/000_84da54e6fe4aab52.txt")
        let expected = try Fixtures.sharedText("examples/000_84da54e6fe4aab52.expected.txt")
        let whole = Fixtures.corrector.correct(original)
        // Target 300 bytes: nearly every paragraph becomes its own chunk; feeds of 7 bytes split
        // multibyte scalars between feeds.
        let (output, chunks) = stream(original, target: 300, maximum: 1 << 20, feedBytes: 7)
        #expect(chunks.count > 5)
        #expect(output.utf8.elementsEqual(expected.utf8))
        let streamed = chunks.flatMap(\.result.corrections)
        #expect(streamed.map(\.range) == whole.corrections.map(\.range))
        #expect(streamed.map(\.location) == whole.corrections.map(\.location))
        #expect(streamed.map(\.replacement) == whole.corrections.map(\.replacement))
        #expect(chunks.flatMap(\.result.findings).map(\.location) == whole.findings.map(\.location))
    }

    @Test func aNameAfterACutInsideAnOverlongLineIsStillFixed() {
        // One line of 60 sentences with no line feed; a maximum of 500 bytes forces cuts at
        // sentence ends. The calque sits where a blind cut at 500 bytes would split it.
        let filler = "The session went on for hours. "
        var text = String(repeating: filler, count: 15) // 465 bytes
        text += "Deputy God given hair chaired the session. "
        text += String(repeating: filler, count: 30)
        let whole = Fixtures.corrector.correct(text)
        #expect(whole.corrected.contains("Deputy Diosdado Cabello chaired"))
        let (output, chunks) = stream(text, target: 200, maximum: 500)
        #expect(chunks.count >= 3)
        #expect(output == whole.corrected)
        let fix = chunks.flatMap(\.result.corrections).first { $0.replacement == "Diosdado Cabello" }
        #expect(fix?.range == TextRange(start: 472, end: 486))
        #expect(fix?.location == SourceLocation(line: 1, column: 473))
    }

    @Test func aLoneSurnameInALaterChunkFollowsAFullNameInAnEarlierOne() {
        let text = "The vice minister Rander Peña spoke on Monday.\n\n"
            + String(repeating: "The talks went on through the night.\n\n", count: 20)
            + "Pena said the talks went well.\n"
        let whole = Fixtures.corrector.correct(text)
        #expect(whole.corrected.hasSuffix("Peña said the talks went well.\n"))
        let (output, chunks) = stream(text, target: 100, maximum: 200)
        #expect(chunks.count >= 5)
        #expect(output == whole.corrected)
        let fix = chunks.flatMap(\.result.corrections).first { $0.ruleID == "name_follow_ups" }
        #expect(fix?.location == SourceLocation(line: 43, column: 1))
        #expect(fix?.range.start == text.utf8.count - "Pena said the talks went well.\n".utf8.count)
    }

    @Test func aCaptionRepeatedAcrossALineCutIsFoundWithItsLineNumber() {
        // No blank line anywhere, so the cut falls at a line feed, between the two captions.
        let caption = "Protesters gather outside the court in the capital"
        let lines = (10...19).map { "Line \($0) of ordinary wire copy.\n" }.joined()
        let text = lines + caption + "\n" + caption + " (EFE)\n" + lines
        let whole = Fixtures.corrector.correct(text)
        #expect(whole.findings.map(\.location) == [SourceLocation(line: 12, column: 1)])
        let cut = lines.utf8.count + caption.utf8.count + 1
        let (_, chunks) = stream(text, target: cut, maximum: cut)
        #expect(chunks.first?.result.original.utf8.count == cut)
        let findings = chunks.flatMap(\.result.findings)
        #expect(findings.map(\.location) == [SourceLocation(line: 12, column: 1)])
        #expect(findings.first?.explanation == whole.findings.first?.explanation)
        #expect(findings.first?.explanation.contains("line 11") == true)
    }

    @Test func chunkBoundariesPreferParagraphsThenLinesThenSentences() {
        let paragraph = Array("One. Two.\n\nThree. Four.\nFive six".utf8)
        #expect(ChunkBoundary.cut(paragraph, target: 5, maximum: 100, isFinal: false) == 11)
        let crlf = Array("One.\r\n\r\nTwo".utf8)
        #expect(ChunkBoundary.cut(crlf, target: 2, maximum: 100, isFinal: false) == 8)
        // No blank line: wait for more input until the maximum is reached.
        let lines = Array("One two.\nThree four. Five".utf8)
        #expect(ChunkBoundary.cut(lines, target: 5, maximum: 100, isFinal: false) == nil)
        #expect(ChunkBoundary.cut(lines, target: 5, maximum: 20, isFinal: false) == 9)
        let sentences = Array("One two. Three four. five Six".utf8)
        #expect(ChunkBoundary.cut(sentences, target: 5, maximum: 27, isFinal: false) == 9)
        let words = Array("one two three four".utf8)
        #expect(ChunkBoundary.cut(words, target: 5, maximum: 12, isFinal: false) == 8)
        // Copy in lowercase: a stop before a lowercase letter ends a sentence; then a clause.
        let lowercase = Array("one two. three, four five".utf8)
        #expect(ChunkBoundary.cut(lowercase, target: 5, maximum: 20, isFinal: false) == 9)
        let clauses = Array("one two, three four five".utf8)
        #expect(ChunkBoundary.cut(clauses, target: 5, maximum: 20, isFinal: false) == 9)
        // No space: never inside a scalar's bytes ("é" is C3 A9).
        let glued = Array("ééééé".utf8)
        let cut = ChunkBoundary.cut(glued, target: 2, maximum: 5, isFinal: false)
        #expect(cut == 4)
        #expect(ChunkBoundary.cut(Array("short".utf8), target: 100, maximum: 200, isFinal: true) == 5)
        // Exactly the maximum pending, no space: the cut is read from the bytes there are.
        #expect(ChunkBoundary.cut(Array("abcdefghij".utf8), target: 2, maximum: 10, isFinal: false) == 9)
    }

    @Test func theFirstParagraphEndAfterTheTargetEndsTheChunkWithTheBlankLinesAfterIt() {
        // Not the last paragraph end before the maximum: a chunk is about the target's size
        // however much was fed at once.
        let paragraphs = Array("A.\n\nB.\n\nC.\n\nD".utf8)
        #expect(ChunkBoundary.cut(paragraphs, target: 1, maximum: 100, isFinal: false) == 4)
        #expect(ChunkBoundary.cut(paragraphs, target: 5, maximum: 100, isFinal: false) == 8)
        #expect(ChunkBoundary.cut(paragraphs, target: 5, maximum: 100, isFinal: true) == 8)
        // A run of blank lines (one with a space) stays with the chunk before it.
        let run = Array("A.\n\n\n \nB.\n".utf8)
        #expect(ChunkBoundary.cut(run, target: 1, maximum: 100, isFinal: false) == 7)
        // None after the target: the last one before it.
        let early = Array("A.\n\nA long last paragraph".utf8)
        #expect(ChunkBoundary.cut(early, target: 10, maximum: 100, isFinal: false) == 4)
    }

    @Test func aLongLowercaseParagraphIsCutBetweenSentencesNotInsideANameOrItsSentence() {
        // One line, no capital after any full stop, far longer than the maximum chunk: the cuts
        // fall after ". " and ", ", so every name and its sentence's evidence stay whole (review 16:
        // a cut at the last space split "delcy | rodriguez" and a place from its person).
        let sentence = "on monday the governor of zulia met delcy rodriguez in caracas, and rander penaindicated the plan. "
        let text = String(repeating: sentence, count: 40) + "\n"
        let whole = Fixtures.corrector.correct(text)
        #expect(whole.corrected.components(separatedBy: "Delcy Rodríguez").count == 41)
        #expect(whole.corrected.components(separatedBy: "Peña indicated").count == 41)
        for maximum in [150, 257, 333, 1000] {
            let (output, chunks) = stream(text, target: 64, maximum: maximum, feedBytes: 97)
            #expect(output == whole.corrected, "maximum \(maximum)")
            #expect(chunks.count > 1)
        }
    }

    @Test func aLargeFeedIsCutIntoChunksOfAboutTheTargetSize() throws {
        let article = try Fixtures.sharedText("examples/000_84da54e6fe4aab52.txt")
        var text = ""
        while text.utf8.count < 40_000 { text += article + "\n\n" }
        let whole = Fixtures.corrector.correct(text)
        // One feed of the whole text, as a file read in 1 MiB blocks gives.
        let (output, chunks) = stream(text, target: 4096, maximum: 1 << 20, feedBytes: 1 << 20)
        #expect(output == whole.corrected)
        let sizes = chunks.map(\.result.original.utf8.count)
        #expect(sizes.count >= 9)
        // Every chunk but the last ends at the first paragraph end at or after 4,096 bytes.
        for size in sizes.dropLast() { #expect(size >= 4096 && size < 4096 + 2000) }
        #expect(chunks.flatMap(\.result.corrections).map(\.range) == whole.corrections.map(\.range))
    }
}
