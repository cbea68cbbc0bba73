import Testing
import WirefixEngine
@testable import WirefixRules

/// Which lines are headlines, read line by line and kept per document.
@Suite struct HeadlineLinesTests {
    @Test func titleCaseAndCapitalLinesAreHeadlinesProseIsNot() {
        let longTitle = String(repeating: "Minister Meets Leaders Of The Region ", count: 20)  // 740 bytes
        let text = "Minister Meets Rivals In Caracas\n"  // 0: Title Case
            + "The minister met his rivals in Caracas on Monday.\n"  // 1: prose
            + "BREAKING NEWS TODAY\n"  // 2: capitals
            + "Two Words\n"  // 3: too short
            + "\n"  // 4: empty
            + longTitle + "\n"  // 5: a long Title Case line
            + "State of the Union of the Nations"  // 6: 3 of 7 capitalized, lowercase words: not
        let document = Document(text)
        let lines = HeadlineLines()
        let bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        func line(_ number: Int) -> Range<Int> {
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count
            return starts[number]..<end
        }
        #expect((0..<7).map { lines.isHeadline(line($0), in: document) } == [true, false, true, false, false, true, false])
        // Asked again: the same answers, kept.
        #expect((0..<7).map { lines.isHeadline(line($0), in: document) } == [true, false, true, false, false, true, false])
        // Lines across a line break are judged together: 8 of the 14 words capitalized, not a
        // headline; the headline and the capitals line together are one.
        #expect(lines.isHeadline(line(0).lowerBound..<line(1).upperBound, in: document) == false)
        #expect(lines.isHeadline(line(2).lowerBound..<line(3).upperBound, in: document) == true)
    }
}
