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
    }

    @Test func nulByteMeansBinary() {
        #expect(message([0x61, 0x62, 0x00, 0x63]) == "in.txt: binary file (NUL byte at offset 2)")
        // UTF-16 text is refused as binary too, even with --lossy.
        #expect(message([0xFF, 0xFE, 0x61, 0x00], lossy: true) == "in.txt: binary file (NUL byte at offset 3)")
    }

    @Test func invalidUTF8IsRefusedWithItsOffset() {
        // "caf" then a Latin-1 é (0xE9) then "!": 0xE9 at offset 3 needs two continuation bytes.
        #expect(message([0x63, 0x61, 0x66, 0xE9, 0x21]) == "in.txt: invalid UTF-8 at byte offset 3 (use --lossy to replace invalid bytes)")
        // The offset counts the byte-order mark: the stray 0x80 is the file's byte 4.
        #expect(message([0xEF, 0xBB, 0xBF, 0x61, 0x80]) == "in.txt: invalid UTF-8 at byte offset 4 (use --lossy to replace invalid bytes)")
        #expect(message([0xC0, 0xAF], path: "-") == "<stdin>: invalid UTF-8 at byte offset 0 (use --lossy to replace invalid bytes)")
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
