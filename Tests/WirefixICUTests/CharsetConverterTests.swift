import Testing
import WirefixICU

@Suite struct CharsetConverterTests {
    @Test func windows1252Decode() throws {
        let cp1252 = try CharsetConverter(name: "windows-1252")
        #expect(cp1252.name == "windows-1252")
        #expect(cp1252.canonicalName == "ibm-5348_P100-1997")
        // UTF-8 "í" (C3 AD) misread as windows-1252: the classic mojibake.
        #expect(scalars(try cp1252.decode([0xC3, 0xAD])) == [0xC3, 0xAD])
        #expect(try cp1252.decode([0xC3, 0xAD]) == "Ã\u{AD}")
        #expect(try cp1252.decode([0x80, 0x93, 0x94]) == "€“”")
        #expect(try cp1252.decode([]) == "")
        // ICU maps the bytes Microsoft leaves undefined to the C1 control of the same value.
        #expect(scalars(try cp1252.decode([0x41, 0x81])) == [0x41, 0x81])
    }

    @Test func windows1252EncodeIsStrict() throws {
        let cp1252 = try CharsetConverter(name: "windows-1252")
        #expect(try cp1252.encode("Ã") == [0xC3])
        #expect(try cp1252.encode("€") == [0x80])
        #expect(try cp1252.encode("Peña") == [0x50, 0x65, 0xF1, 0x61])
        #expect(try cp1252.encode("") == [])
        let hebrew = #expect(throws: ICUError.self) { try cp1252.encode("ab\u{5D0}") }
        #expect(hebrew?.name == "U_INVALID_CHAR_FOUND")
        #expect(hebrew?.detail == "U+5D0 at UTF-16 offset 2 cannot be encoded in windows-1252")
        // No fallback mapping: Ā does not silently become A.
        #expect(throws: ICUError.self) { try cp1252.encode("\u{100}") }
        #expect(throws: ICUError.self) { try cp1252.encode("😀") }
    }

    @Test func roundTrip() throws {
        let cp1250 = try CharsetConverter(name: "windows-1250")
        let text = "Łódź Dvořák Győr Şimşek"
        #expect(try cp1250.decode(cp1250.encode(text)) == text)
        // Romanian S-comma (U+0218) is not in windows-1250, only S-cedilla (U+015E) is.
        let romanian = #expect(throws: ICUError.self) { try cp1250.encode("Ștefan") }
        #expect(romanian?.detail == "U+218 at UTF-16 offset 0 cannot be encoded in windows-1250")
    }

    @Test func decodeErrorsAreReportedNotSubstituted() throws {
        let greek = #expect(throws: ICUError.self) {
            try CharsetConverter(name: "windows-1253").decode([0x41, 0xD2])
        }
        #expect(greek?.name == "U_INVALID_CHAR_FOUND")
        #expect(greek?.detail == "byte offset 1 (0xD2) is not valid windows-1253")

        let utf8 = try CharsetConverter(name: "UTF-8")
        #expect(try utf8.decode([0x61, 0xE2, 0x82, 0xAC]) == "a€")
        let illegal = #expect(throws: ICUError.self) { try utf8.decode([0x61, 0xC3, 0x28]) }
        #expect(illegal?.name == "U_ILLEGAL_CHAR_FOUND")
        #expect(illegal?.detail == "byte offset 1 (0xC3 0x28) is not valid UTF-8")
        let truncated = #expect(throws: ICUError.self) { try utf8.decode([0x61, 0xE2, 0x82]) }
        #expect(truncated?.name == "U_TRUNCATED_CHAR_FOUND")
    }

    @Test func unknownConverterNames() {
        let unknown = #expect(throws: ICUError.self) { try CharsetConverter(name: "no-such-charset") }
        #expect(unknown?.name == "U_FILE_ACCESS_ERROR")
        let empty = #expect(throws: ICUError.self) { try CharsetConverter(name: "") }
        #expect(empty?.name == "U_ILLEGAL_ARGUMENT_ERROR")
    }

    @Test func windows1252Table() throws {
        let table = try CharsetConverter.singleByteTable(name: "windows-1252")
        #expect(table.count == 256)
        #expect(table[0x80] == "€")
        #expect(table[0x81] == nil)
        #expect(table[0x41] == "A")
        #expect(table[0xC3] == "Ã")
        #expect(table[0x8E] == "Ž")
        #expect(table.indices.filter { table[$0] == nil } == [0x81, 0x8D, 0x8F, 0x90, 0x9D])
        let raw = try CharsetConverter.singleByteTable(name: "windows-1252", includingC1Controls: true)
        #expect(raw[0x81] == "\u{81}")
        #expect(raw.allSatisfy { $0 != nil })
    }

    @Test func otherCodePageTables() throws {
        let mac = try CharsetConverter.singleByteTable(name: "macintosh")
        #expect(mac[0x8E] == "é")
        #expect(mac[0x80] == "Ä")
        let cp437 = try CharsetConverter.singleByteTable(name: "ibm-437")
        #expect(cp437[0x8E] == "Ä")
        #expect(cp437[0xC3] == "├")
        #expect(cp437[0x1A] == "\u{1C}") // ICU's IBM control-code rotation
        let cp1251 = try CharsetConverter.singleByteTable(name: "windows-1251")
        #expect(cp1251[0xC3] == "Г")
        #expect(cp1251[0x98] == nil)
        #expect(try CharsetConverter.singleByteTable(name: "windows-1250")[0xC3] == "Ă")
        let latin1 = try CharsetConverter.singleByteTable(name: "ISO-8859-1")
        #expect(latin1[0xE9] == "é")
        #expect(latin1[0x85] == nil)
        #expect(try CharsetConverter.singleByteTable(name: "ISO-8859-1", includingC1Controls: true)[0x85] == "\u{85}")
        let ascii = try CharsetConverter.singleByteTable(name: "US-ASCII")
        #expect(ascii[0x7F] == "\u{7F}")
        #expect(ascii[0x80...].allSatisfy { $0 == nil })
    }

    @Test func multiByteCharsetHasNoTable() {
        let error = #expect(throws: ICUError.self) { try CharsetConverter.singleByteTable(name: "UTF-8") }
        #expect(error?.name == "U_ILLEGAL_ARGUMENT_ERROR")
    }
}
