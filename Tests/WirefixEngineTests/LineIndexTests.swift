import Testing
import WirefixEngine

@Suite struct LineIndexTests {
    @Test func locatesLinesAndScalarColumns() {
        let index = LineIndex("ab\ncé d\n")
        #expect(index.lineCount == 3)
        #expect(index.location(ofByteOffset: 0) == SourceLocation(line: 1, column: 1))
        #expect(index.location(ofByteOffset: 3) == SourceLocation(line: 2, column: 1))
        // "c" (1 byte) "é" (2 bytes) " " then "d" at byte 3 + 4 = 7: the 4th scalar of line 2.
        #expect(index.location(ofByteOffset: 7) == SourceLocation(line: 2, column: 4))
        #expect(index.location(ofByteOffset: 9) == SourceLocation(line: 3, column: 1))
    }

    @Test func lineRangesExcludeCRLF() {
        let index = LineIndex("one\r\ntwo")
        #expect(index.byteRange(ofLine: 1) == 0..<3)
        #expect(index.byteRange(ofLine: 2) == 5..<8)
    }

    /// The cursor gives the index's answer for offsets in any order: ascending (the pipeline's
    /// order, continuing along a line), backwards, across lines and past the end.
    @Test func theCursorAgreesWithTheIndexInAnyOrder() {
        let text = "ab\ncé d ñ x\n\nlast line «é»\n"
        let index = LineIndex(text)
        let count = text.utf8.count
        var ascending = LineIndex.Cursor(index)
        for offset in 0...(count + 2) {
            #expect(ascending.location(ofByteOffset: offset) == index.location(ofByteOffset: offset), "offset \(offset)")
        }
        var generator = SystemRandomNumberGenerator()
        var shuffled = LineIndex.Cursor(index)
        for _ in 0..<500 {
            let offset = Int.random(in: -1...(count + 1), using: &generator)
            #expect(shuffled.location(ofByteOffset: offset) == index.location(ofByteOffset: offset), "offset \(offset)")
        }
        #expect(ascending.location(ofByteOffset: 10) == SourceLocation(line: 2, column: 7))
    }
}
