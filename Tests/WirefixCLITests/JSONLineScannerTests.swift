import Foundation
import Testing
@testable import wirefix

/// The JSON scanner behind `clean --jsonl`: strict RFC 8259, spans of top-level values.
@Suite struct JSONLineScannerTests {
    func scan(_ line: String) throws(JSONLineScanner.ScanError) -> JSONLineScanner.Object {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONLineScanner.ScanError) in
            try JSONLineScanner.scanObject(buffer)
        }
    }

    /// The value text of each member, as written.
    func values(_ line: String) throws -> [String: String] {
        let bytes = Array(line.utf8)
        let object = try scan(line)
        return Dictionary(uniqueKeysWithValues: object.members.map {
            ($0.key, String(decoding: bytes[$0.value], as: UTF8.self))
        })
    }

    @Test func findsTopLevelValuesOnly() throws {
        let line = #" { "id" : -12.5e+3, "nested":{"text":"inner","a":[1,{"b":[]},"x\"y"]} ,"text":"out\"er",  "ok":true,"none":null,"list":[ ] } "#
        let object = try scan(line)
        #expect(object.members.map(\.key) == ["id", "nested", "text", "ok", "none", "list"])
        #expect(try values(line) == [
            "id": "-12.5e+3", "nested": #"{"text":"inner","a":[1,{"b":[]},"x\"y"]}"#, "text": #""out\"er""#,
            "ok": "true", "none": "null", "list": "[ ]",
        ])
        #expect(object.closingBrace == line.utf8.count - 2)
    }

    @Test func keysAreDecoded() throws {
        #expect(try scan(#"{"te\u0078t":"a","\ud83d\ude00":0,"":1}"#).members.map(\.key) == ["text", "😀", ""])
    }

    @Test func emptyObject() throws {
        #expect(try scan("{}").members.isEmpty)
        #expect(try scan(" \t{ }\r").members.isEmpty)
    }

    @Test(arguments: [
        (#"[1,2]"#, 0, "the line is not a JSON object"),
        (#""text""#, 0, "the line is not a JSON object"),
        (#"{"a":1} x"#, 8, "text after the object"),
        (#"{"a":1}{}"#, 7, "text after the object"),
        (#"{"a" 1}"#, 5, "expected ':' after the key"),
        (#"{a:1}"#, 1, "expected a key"),
        (#"{"a":1,}"#, 7, "expected a key"),
        (#"{"a":01}"#, 6, "expected ',' or '}' after a value"),
        (#"{"a":1.}"#, 7, "expected a digit"),
        (#"{"a":-}"#, 6, "expected a digit"),
        (#"{"a":1e}"#, 7, "expected a digit"),
        (#"{"a":tru}"#, 5, "expected a value"),
        (#"{"a":"x\q"}"#, 7, "invalid escape in a string"),
        (#"{"a":"\u12G4"}"#, 6, "\\u must be followed by four hexadecimal digits"),
        (#"{"a":"open}"#, 5, "the string is not closed"),
        ("{\"a\":\"tab\there\"}", 9, "a control character in a string must be escaped"),
        (#"{"a":[1,2}"#, 9, "expected ',' or ']'"),
        (#"{"a":{"b":1]}"#, 11, "expected ',' or '}'"),
        (#"{"a":[1,2"#, 9, "an array or object is not closed"),
        (#"{"a":1"#, 6, "the object is not closed"),
        (#"{"a":}"#, 5, "expected a value"),
        (#"{"a":+1}"#, 5, "expected a value"),
    ])
    func rejects(_ line: String, offset: Int, message: String) {
        do {
            _ = try scan(line)
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message == message)
        }
    }

    @Test func deepNestingNeedsNoStack() throws {
        let depth = 200_000
        let line = #"{"a":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + #","text":"x"}"#
        #expect(try scan(line).members.map(\.key) == ["a", "text"])
    }

    func decode(_ literal: String) -> String? {
        let bytes = Array(literal.utf8)
        return bytes.withUnsafeBufferPointer { JSONLineScanner.decodeString($0, 0..<bytes.count) }
    }

    @Test func decodesEscapes() {
        #expect(decode(#""plain""#) == "plain")
        #expect(decode(#""a\"b\\c\/d\be\ff\ng\rh\ti""#) == "a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti")
        #expect(decode(#""caf\u00e9 \u00C9""#) == "café É")
        #expect(decode(#""\ud83d\ude00!""#) == "😀!")
        #expect(decode(#""nul\u0000""#) == "nul\u{0}")
        // Unpaired surrogates cannot be a string.
        #expect(decode(#""\ud83d""#) == nil)
        #expect(decode(#""\ud83dx""#) == nil)
        #expect(decode(#""\ude00""#) == nil)
        #expect(decode(#""\ud83d\u0041""#) == nil)
    }

    func encode(_ text: String, asciiOnly: Bool) -> String {
        var bytes: [UInt8] = []
        JSONLineScanner.encodeString(text, asciiOnly: asciiOnly, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func encodesMinimally() {
        #expect(encode("a\"b\\c/d\u{8}\u{C}\n\r\t\u{1}\u{1F}\u{7F}é😀\u{2028}", asciiOnly: false)
                == #""a\"b\\c/d\b\f\n\r\t\u0001\u001f"# + "\u{7F}é😀\u{2028}\"")
        #expect(encode("café 😀", asciiOnly: true) == #""caf\u00e9 \ud83d\ude00""#)
        // Three-byte scalars, and runs copied whole between escapes.
        #expect(encode("€ \u{2028}ab\"cd\u{FFFF}", asciiOnly: true) == #""\u20ac \u2028ab\"cd\uffff""#)
        #expect(encode("€ ab\ncd", asciiOnly: false) == "\"€ ab\\ncd\"")
        // What it encodes, it decodes.
        for text in ["", "x", "a\"\\\u{0}\u{1F}é😀\u{FFFF}\u{10FFFF}"] {
            #expect(decode(encode(text, asciiOnly: true)) == text)
            #expect(decode(encode(text, asciiOnly: false)) == text)
        }
    }

    @Test func blockReaderReturnsWholeLines() throws {
        let reader = LineBlockReader(.bytes(Array("ab\ncd\nef".utf8)), chunkSize: 4)
        var blocks: [String] = []
        while let block = try reader.nextBlock() { blocks.append(String(decoding: block, as: UTF8.self)) }
        #expect(blocks == ["ab\n", "cd\n", "ef"])
        let empty = LineBlockReader(.bytes([]))
        #expect(try empty.nextBlock() == nil)
    }
}
