import Testing
import WirefixEngine

@Suite struct DocumentTests {
    /// The line around a span, found eight bytes at a time, is the line a byte-by-byte scan finds.
    @Test func lineRangeIsTheLineAroundTheSpan() {
        let text = "short\n\nA longer line of text, well past eight bytes.\nx\nlast line without a feed"
        let document = Document(text)
        let bytes = Array(text.utf8)
        for start in 0...bytes.count {
            for end in start...min(bytes.count, start + 3) {
                var lineStart = start
                while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
                var lineEnd = end
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                #expect(document.lineRange(containing: start..<end) == lineStart..<lineEnd, "\(start)..<\(end)")
            }
        }
        #expect(document.text(in: document.lineRange(containing: 20..<24)) == "A longer line of text, well past eight bytes.")
        #expect(document.lineRange(containing: 6..<6) == 6..<6)
    }

    @Test func bytesEqualComparesBytesNotCanonicalEquivalence() {
        let document = Document("Rodri\u{301}guez Rodríguez")
        #expect(document.bytes(in: 0..<11, equal: "Rodri\u{301}guez"))
        #expect(!document.bytes(in: 0..<11, equal: "Rodríguez"))
        #expect(document.bytes(in: 12..<22, equal: "Rodríguez"))
        #expect(document.bytes(in: 3..<3, equal: ""))
    }
}
