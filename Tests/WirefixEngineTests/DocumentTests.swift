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

    /// Lines longer than the nearby scan are found through the index of line feeds, with the
    /// same answer, for spans inside one long line, across a line feed, and at the very ends.
    @Test func lineRangeOnLongLinesIsTheSameLine() {
        let long = String(repeating: "The minister spoke , and left. ", count: 60)  // 1,860 bytes
        let text = "Headline\n" + long + "\n\n" + long + "\nend"
        let document = Document(text)
        let bytes = Array(text.utf8)
        func naive(_ range: Range<Int>) -> Range<Int> {
            var lineStart = range.lowerBound
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            var lineEnd = range.upperBound
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            return lineStart..<lineEnd
        }
        var start = 0
        while start <= bytes.count {
            for length in [0, 1, 5, 40, 900] where start + length <= bytes.count {
                #expect(document.lineRange(containing: start..<(start + length)) == naive(start..<(start + length)), "\(start)+\(length)")
            }
            start += 7
        }
        #expect(document.lineRange(containing: 1_000..<1_005) == 9..<(9 + long.utf8.count))
        #expect(document.lineRange(containing: bytes.count..<bytes.count) == (bytes.count - 3)..<bytes.count)
    }

    @Test func bytesEqualComparesBytesNotCanonicalEquivalence() {
        let document = Document("Rodri\u{301}guez Rodríguez")
        #expect(document.bytes(in: 0..<11, equal: "Rodri\u{301}guez"))
        #expect(!document.bytes(in: 0..<11, equal: "Rodríguez"))
        #expect(document.bytes(in: 12..<22, equal: "Rodríguez"))
        #expect(document.bytes(in: 3..<3, equal: ""))
    }

    /// A document computes a value once per key; keys with the same name are one key, keys
    /// with different names keep their values apart.
    @Test func cachedComputesOncePerKey() {
        let document = Document("Some text.")
        let first = CacheKey("tests.document.first")
        let second = CacheKey("tests.document.second")
        var computed = 0
        #expect(document.cached(first) { computed += 1; return 1 } == 1)
        #expect(document.cached(CacheKey("tests.document.first")) { computed += 1; return 2 } == 1)
        #expect(document.cached(second) { computed += 1; return "two" } == "two")
        #expect(computed == 2)
        #expect(first == CacheKey("tests.document.first") && first != second)
        #expect(first.description == "tests.document.first")
        // A new document starts empty.
        #expect(Document("Some text.").cached(first) { 3 } == 3)
    }
}
