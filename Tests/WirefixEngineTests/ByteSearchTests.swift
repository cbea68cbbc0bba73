import Testing
import WirefixEngine

@Suite struct ByteSearchTests {
    /// Each search agrees with a byte-by-byte scan from every start, across word boundaries.
    @Test func searchesAgreeWithAByteByByteScan() {
        let bytes = Array("Plain ASCII text, then Peña; more (text).\nAnd an é at the end.".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for from in 0...buffer.count {
                for to in from...buffer.count {
                    let slice = from..<to
                    #expect(ByteSearch.firstIndex(of: 0x28, in: buffer, from: from, to: to) == (slice.first { bytes[$0] == 0x28 } ?? to))
                    #expect(ByteSearch.firstNonASCII(in: buffer, from: from, to: to) == (slice.first { bytes[$0] >= 0x80 } ?? to))
                    #expect(ByteSearch.firstIndex(ofAny: 0x2C, 0x3B, 0x2E, in: buffer, from: from, to: to)
                            == (slice.first { [0x2C, 0x3B, 0x2E].contains(bytes[$0]) } ?? to))
                }
            }
            #expect(ByteSearch.count(of: 0x0A, in: buffer) == 1)
            #expect(ByteSearch.count(of: 0x2E, in: buffer) == 2)
        }
    }
}
