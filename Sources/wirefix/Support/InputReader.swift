import WirefixEngine
import WirefixLexicon
import WirefixReports

/// One input, read and validated: the text to clean and what was done to get it.
struct InputText: Equatable {
    /// The path as given, or `-` for standard input.
    var path: String
    /// The text's UTF-8 bytes without its byte-order mark, if it had one: valid UTF-8 (after
    /// `--lossy`'s repair).
    var utf8: [UInt8]
    /// The text without its byte-order mark, if it had one (made from ``utf8`` when read: the
    /// streaming cleaner works on the bytes and never needs it).
    var text: String { String(decoding: utf8, as: UTF8.self) }
    /// Whether the input began with a UTF-8 byte-order mark (EF BB BF), which the output keeps.
    var hasByteOrderMark: Bool
    /// How many invalid bytes `--lossy` replaced with U+FFFD; 0 without it.
    var replacedInvalidBytes: Int
    /// The input's bytes exactly as read (byte-order mark included) when `--lossy` replaced some of
    /// them, so that the diff report can show the original bytes; `nil` when nothing was replaced.
    var rawBytes: [UInt8]? = nil

    /// The path for messages: `<stdin>` for standard input.
    var displayPath: String { InputReader.displayPath(path) }
}

/// Reads inputs as bytes and turns them into text, refusing what is not UTF-8 text.
///
/// A file is refused when it cannot be read, when it holds a NUL byte (a binary file, or text in
/// UTF-16/32), or when it is not valid UTF-8 (unless ``lossy``, which replaces each maximal
/// invalid subsequence with one U+FFFD, as the Unicode Standard recommends in §3.9 "U+FFFD
/// Substitution of Maximal Subparts"). Errors name the file and the byte offset.
struct InputReader {
    /// Replace invalid UTF-8 instead of refusing it.
    var lossy: Bool
    /// Reads standard input to its end.
    var readStandardInput: () throws(CLIError) -> [UInt8]

    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `<stdin>` for `-`, else the path.
    static func displayPath(_ path: String) -> String { FileReport.displayPath(for: path) }

    /// Reads and validates `path` (`-` reads standard input).
    ///
    /// - Throws: ``CLIError`` naming the path: unreadable, binary, or invalid UTF-8.
    func read(_ path: String) throws(CLIError) -> InputText {
        let bytes: [UInt8]
        do {
            bytes = path == "-" ? try readStandardInput() : try POSIXFile.readFile(atPath: path)
        } catch {
            throw CLIError("\(Self.displayPath(path)): cannot read: \(error.message)")
        }
        return try Self.decode(bytes, path: path, lossy: lossy)
    }

    /// Validates and decodes bytes read from `path`.
    ///
    /// - Throws: ``CLIError`` `<path>: binary file (NUL byte at offset N)` or
    ///   `<path>:<line>:<column>: invalid UTF-8 at byte offset N (use --lossy to replace invalid
    ///   bytes)`, the column in Unicode scalars (``TextPosition``) and N counting from the file's
    ///   first byte.
    /// - Complexity: O(*n*) in the number of bytes.
    static func decode(_ bytes: [UInt8], path: String, lossy: Bool) throws(CLIError) -> InputText {
        // memchr, not a byte loop: this and the validation below are the only passes over a
        // file before cleaning, and neither makes a String (a third pass).
        let nul = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: 0, in: $0, from: 0, to: $0.count) }
        if nul < bytes.count {
            throw CLIError("\(displayPath(path)): binary file (NUL byte at offset \(nul))")
        }
        let hasByteOrderMark = bytes.starts(with: byteOrderMark)
        let body = hasByteOrderMark ? Array(bytes[byteOrderMark.count...]) : bytes
        guard let invalid = UTF8Validation.firstInvalidOffset(in: body) else {
            return InputText(path: path, utf8: body, hasByteOrderMark: hasByteOrderMark, replacedInvalidBytes: 0, rawBytes: nil)
        }
        guard lossy else {
            let offset = invalid + (hasByteOrderMark ? byteOrderMark.count : 0)
            let position = TextPosition.of(offset: invalid, in: body)
            throw CLIError("\(displayPath(path)):\(position): invalid UTF-8 at byte offset \(offset) (use --lossy to replace invalid bytes)")
        }
        let (valid, replaced) = replacingInvalidSequences(in: body, from: invalid)
        return InputText(path: path, utf8: valid, hasByteOrderMark: hasByteOrderMark, replacedInvalidBytes: replaced,
                         rawBytes: replaced > 0 ? bytes : nil)
    }

    /// Replaces each maximal invalid subsequence with U+FFFD (EF BF BD).
    ///
    /// - Parameters:
    ///   - bytes: the input.
    ///   - first: the offset of the first invalid byte, as ``UTF8Validation`` found it.
    /// - Returns: valid UTF-8 and the number of bytes replaced.
    static func replacingInvalidSequences(in bytes: [UInt8], from first: Int) -> (bytes: [UInt8], replaced: Int) {
        var output = Array(bytes[..<first])
        output.reserveCapacity(bytes.count + 16)
        var replaced = 0
        var index = first
        while index < bytes.count {
            let length = maximalSubpartLength(bytes, at: index)
            output += [0xEF, 0xBF, 0xBD]
            replaced += length
            index += length
            let rest = bytes[index...]
            let nextInvalid = rest.withContiguousStorageIfAvailable { UTF8Validation.firstInvalidOffset(in: $0) } ?? nil
            let validEnd = nextInvalid.map { index + $0 } ?? bytes.count
            output += bytes[index..<validEnd]
            index = validEnd
        }
        return (output, replaced)
    }

    /// The length, 1...3, of the maximal subpart at an invalid position: the longest prefix of a
    /// well-formed sequence (Unicode Table 3-7) that starts there, or 1 when none does.
    static func maximalSubpartLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let (needed, low, high): (Int, UInt8, UInt8) = switch lead {
        case 0xC2...0xDF: (1, 0x80, 0xBF)
        case 0xE0: (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (2, 0x80, 0xBF)
        case 0xED: (2, 0x80, 0x9F)
        case 0xF0: (3, 0x90, 0xBF)
        case 0xF1...0xF3: (3, 0x80, 0xBF)
        case 0xF4: (3, 0x80, 0x8F)
        default: (0, 0, 0)
        }
        var length = 1
        while length <= needed, index + length < bytes.count {
            let byte = bytes[index + length]
            let (min, max): (UInt8, UInt8) = length == 1 ? (low, high) : (0x80, 0xBF)
            guard byte >= min && byte <= max else { break }
            length += 1
        }
        // A complete sequence is valid and never reaches here; cap at the incomplete prefix.
        return Swift.min(length, needed == 0 ? 1 : needed)
    }
}
