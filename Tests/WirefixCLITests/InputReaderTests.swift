import Foundation
import Testing
@testable import wirefix

/// Reading and validating input bytes: what is refused, with which message, and what `--lossy`
/// replaces.
@Suite struct InputReaderTests {
    func decode(_ bytes: [UInt8], lossy: Bool = false) throws(CLIError) -> InputText {
        try InputReader.decode(bytes, path: "in.txt", lossy: lossy)
    }

    func message(_ bytes: [UInt8], path: String = "in.txt", lossy: Bool = false) -> String? {
        do throws(CLIError) {
            _ = try InputReader.decode(bytes, path: path, lossy: lossy)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func validTextPassesUnchanged() throws {
        let text = try decode(Array("Peña\r\nsaid\n".utf8))
        #expect(text.text == "Peña\r\nsaid\n")
        #expect(Array(text.text.utf8) == Array("Peña\r\nsaid\n".utf8))
        #expect(text.hasByteOrderMark == false)
        #expect(text.replacedInvalidBytes == 0)
    }

    @Test func emptyInputIsEmptyText() throws {
        let text = try decode([])
        #expect(text.text.isEmpty)
        #expect(text.hasByteOrderMark == false)
    }

    @Test func byteOrderMarkIsSetAside() throws {
        let text = try decode([0xEF, 0xBB, 0xBF, 0x61, 0x0A])
        #expect(text.hasByteOrderMark)
        #expect(text.text == "a\n")
        // The bytes the streaming cleaner reads: the body, without the mark.
        #expect(text.utf8 == [0x61, 0x0A])
    }

    @Test func aNULByteIsFoundWherever() throws {
        // memchr: at the start, past the first eight bytes, and as the last byte.
        #expect(message([0]) == "in.txt: binary file (NUL byte at offset 0)")
        #expect(message(Array("0123456789abcdef".utf8) + [0, 0x41]) == "in.txt: binary file (NUL byte at offset 16)")
        #expect(message(Array("Peña".utf8) + [0]) == "in.txt: binary file (NUL byte at offset 5)")
    }

    @Test func nulByteMeansBinary() {
        #expect(message([0x61, 0x62, 0x00, 0x63]) == "in.txt: binary file (NUL byte at offset 2)")
        // UTF-16 text is refused as binary too, even with --lossy.
        #expect(message([0xFF, 0xFE, 0x61, 0x00], lossy: true) == "in.txt: binary file (NUL byte at offset 3)")
    }

    @Test func invalidUTF8IsRefusedWithItsOffset() {
        // "caf" then a Latin-1 é (0xE9) then "!": 0xE9 at offset 3 needs two continuation bytes.
        #expect(message([0x63, 0x61, 0x66, 0xE9, 0x21]) == "in.txt:1:4: invalid UTF-8 at byte offset 3 (use --lossy to replace invalid bytes)")
        // The offset counts the byte-order mark: the stray 0x80 is the file's byte 4.
        #expect(message([0xEF, 0xBB, 0xBF, 0x61, 0x80]) == "in.txt:1:2: invalid UTF-8 at byte offset 4 (use --lossy to replace invalid bytes)")
        #expect(message([0xC0, 0xAF], path: "-") == "<stdin>:1:1: invalid UTF-8 at byte offset 0 (use --lossy to replace invalid bytes)")
        // Line 3 ("ñu" then the stray byte): "é" and "ñ" are one column each, CR LF ends line 1.
        let text: [UInt8] = Array("caf\u{E9}\r\nok\n\u{F1}u".utf8) + [0x80]
        #expect(message(text) == "in.txt:3:3: invalid UTF-8 at byte offset 13 (use --lossy to replace invalid bytes)")
    }

    @Test func aPositionCountsLinesAndScalars() {
        let bytes = Array("a\u{E9}b\ncafe\u{301}!\n\n".utf8)
        #expect(TextPosition.of(offset: 0, in: bytes).description == "1:1")
        // After "a", "é" (2 bytes): column 3.
        #expect(TextPosition.of(offset: 3, in: bytes).description == "1:3")
        // "e" + U+0301 are two scalars: "!" is column 6 of line 2.
        #expect(TextPosition.of(offset: 11, in: bytes).description == "2:6")
        #expect(TextPosition.of(offset: bytes.count, in: bytes).description == "4:1")
        var pieces = TextPosition()
        pieces.advance(over: bytes[..<2])
        pieces.advance(over: bytes[2...])
        #expect(pieces.description == "4:1")
        // A piece without a line feed goes on counting columns; a cut inside "é" counts it once.
        var cut = TextPosition()
        cut.advance(over: bytes[..<2])
        #expect(cut.description == "1:3")
        cut.advance(over: bytes[2..<4])
        #expect(cut.description == "1:4")
        cut.advance(over: bytes[4..<11])
        #expect(cut.description == "2:6")
    }

    @Test func lossyReplacesMaximalSubparts() throws {
        // One stray byte: one U+FFFD.
        let one = try decode([0x61, 0xFF, 0x62], lossy: true)
        #expect(one.text == "a\u{FFFD}b")
        #expect(one.replacedInvalidBytes == 1)
        // A truncated three-byte sequence (E2 82 of "€") is one maximal subpart: one U+FFFD, 2 bytes.
        let truncated = try decode([0x78, 0xE2, 0x82, 0x79], lossy: true)
        #expect(truncated.text == "x\u{FFFD}y")
        #expect(truncated.replacedInvalidBytes == 2)
        // C0 is never valid and AF is a lone continuation: two U+FFFD.
        let overlong = try decode([0xC0, 0xAF], lossy: true)
        #expect(overlong.text == "\u{FFFD}\u{FFFD}")
        #expect(overlong.replacedInvalidBytes == 2)
        // A surrogate (ED A0 80): ED's second byte must be 80…9F, so each byte is its own subpart.
        let surrogate = try decode([0xED, 0xA0, 0x80, 0x2E], lossy: true)
        #expect(surrogate.text == "\u{FFFD}\u{FFFD}\u{FFFD}.")
        #expect(surrogate.replacedInvalidBytes == 3)
        // Valid text between invalid bytes survives; a trailing lead byte is replaced.
        let mixed = try decode(Array("é".utf8) + [0x80] + Array("ñ".utf8) + [0xF0, 0x9F], lossy: true)
        #expect(mixed.text == "é\u{FFFD}ñ\u{FFFD}")
        #expect(mixed.replacedInvalidBytes == 3)
    }

    @Test func aStreamedFileNamesTheSamePlaceAsOneReadWhole() throws {
        // A file too large to read whole is validated block by block: the invalid byte's line and
        // column are carried across blocks, and the byte-order mark is no column.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let line = Array("Rander Pe\u{F1}a spoke.\n".utf8)
        var bytes = InputReader.byteOrderMark
        while bytes.count < FileCleaner.blockBytes + 100 { bytes += line }
        let lines = (bytes.count - 3) / line.count
        bytes += Array("A caf".utf8) + [0xE9] + Array("!\n".utf8)
        let path = try directory.write("big.txt", bytes)
        let expected = "\(path):\(lines + 1):6: invalid UTF-8 at byte offset \(bytes.count - 3) (use --lossy to replace invalid bytes)"
        #expect(throws: CLIError(expected)) { try FileCleaner.validate(path: path) }
        #expect(message(bytes, path: path) == expected)
    }

    @Test func unreadablePathsNameThePathAndTheReason() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let reader = InputReader(lossy: false, readStandardInput: { () throws(CLIError) in [] })
        #expect(throws: CLIError("\(directory.path("missing.txt")): cannot read: No such file or directory")) {
            try reader.read(directory.path("missing.txt"))
        }
        #expect(throws: CLIError("\(directory.url.path): cannot read: Is a directory")) {
            try reader.read(directory.url.path)
        }
    }

    @Test func dashReadsStandardInput() throws {
        let reader = InputReader(lossy: false, readStandardInput: { () throws(CLIError) in Array("from stdin".utf8) })
        let text = try reader.read("-")
        #expect(text.text == "from stdin")
        #expect(text.path == "-")
        #expect(text.displayPath == "<stdin>")
    }
}
