import Testing
@testable import WirefixReports

/// `JSONReporter.indented(_:by:)` copies whole lines; these hold it to the byte-by-byte rule it
/// replaced: spaces before every line that is not empty, nothing else changed.
@Suite struct JSONIndentationTests {
    /// The rule, a byte at a time.
    private func reference(_ json: [UInt8], by spaces: Int) -> [UInt8] {
        var output: [UInt8] = []
        var atLineStart = true
        for byte in json {
            if atLineStart && byte != 0x0A { output += repeatElement(0x20, count: spaces) }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
        return output
    }

    @Test func emptyLinesStayEmptyAndTheLastLineIsIndentedWithoutALineFeed() {
        #expect(JSONReporter.indented(Array("[\n\n]".utf8), by: 4) == Array("    [\n\n    ]".utf8))
        #expect(JSONReporter.indented(Array("{\n  \"a\" : 1\n}\n".utf8), by: 2) == Array("  {\n    \"a\" : 1\n  }\n".utf8))
        #expect(JSONReporter.indented([], by: 6) == [])
        #expect(JSONReporter.indented([0x0A, 0x0A], by: 6) == [0x0A, 0x0A])
        #expect(JSONReporter.indented(Array("x".utf8), by: 0) == Array("x".utf8))
    }

    @Test func anyTextGetsTheSameBytesAsTheByteByByteRule() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x20, 0x7B, 0x22, 0x61, 0xC3, 0xA9]
        for round in 0..<500 {
            var json: [UInt8] = []
            for _ in 0..<(round % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                json.append(alphabet[Int(state >> 61)])
            }
            let spaces = round % 9
            #expect(JSONReporter.indented(json, by: spaces) == reference(json, by: spaces), "\(json) by \(spaces)")
        }
    }
}
