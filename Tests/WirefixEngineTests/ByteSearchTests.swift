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

    /// A pair of equal bytes is found wherever it falls against the eight-byte words (at a
    /// word's last byte and the next word's first too), and "! !" or "!\u{1}!" (borrows of the
    /// word test) are no pair.
    @Test func pairsAgreeWithAByteByByteScan() {
        let bytes = Array("a  b c d e f g h  i! !j\u{1}!!k  l m n o p q r s t u v w x y z  ".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for from in 0...buffer.count {
                for to in from...buffer.count {
                    for byte: UInt8 in [0x20, 0x21] {
                        let expected = (from..<max(from, to - 1)).first { bytes[$0] == byte && bytes[$0 + 1] == byte } ?? to
                        #expect(ByteSearch.firstIndex(ofPair: byte, in: buffer, from: from, to: to) == expected, "from \(from) to \(to)")
                    }
                }
            }
        }
    }
}
