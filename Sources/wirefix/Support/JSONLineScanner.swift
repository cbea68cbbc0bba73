/// A small, strict JSON scanner for one line of JSON Lines: it checks that the line is one JSON
/// object (RFC 8259) and finds the byte span of each top-level member's value, without building
/// the object, so that a line can be rewritten in one place and kept byte for byte elsewhere.
///
/// The grammar is RFC 8259's: whitespace is space, tab, line feed and carriage return; strings
/// hold no raw control character (below U+0020) and only the escapes `\" \\ \/ \b \f \n \r \t
/// \uXXXX`; numbers are `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`; literals are `true`,
/// `false`, `null`. Nested objects and arrays are skipped without recursion, so depth is not
/// limited by the stack. The caller checks that the bytes are UTF-8 first.
///
/// Offsets are byte offsets into the line, counted from 0.
enum JSONLineScanner {
    /// Why a line is not one JSON object.
    struct ScanError: Error, Equatable {
        /// The byte offset where the problem was found.
        var offset: Int
        /// What was expected or found, e.g. `expected ':' after the key`.
        var message: String
        /// Whether the line is valid JSON-looking text that is simply not an object (it starts with
        /// something other than `{`).
        var notAnObject = false
    }

    /// One member of the top-level object.
    struct Member: Equatable {
        /// The key, decoded (escapes resolved).
        var key: String
        /// The span of the value: from its first byte to just past its last.
        var value: Range<Int>
    }

    /// The top-level object of a line.
    struct Object: Equatable {
        /// Its members, in order (a key that appears twice appears twice).
        var members: [Member]
        /// The offset of its closing `}`.
        var closingBrace: Int
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// Scans `line` (without its line feed) as one JSON object, with optional whitespace around it.
    ///
    /// - Throws: ``ScanError`` at the first byte that does not fit.
    /// - Complexity: O(*n*) in the length of the line.
    static func scanObject(_ line: UnsafeBufferPointer<UInt8>) throws(ScanError) -> Object {
        var index = skipWhitespace(line, 0)
        guard index < line.count else { throw ScanError(offset: index, message: "empty line", notAnObject: true) }
        guard line[index] == UInt8(ascii: "{") else {
            throw ScanError(offset: index, message: "the line is not a JSON object", notAnObject: true)
        }
        index = skipWhitespace(line, index + 1)
        var members: [Member] = []
        if index < line.count, line[index] == UInt8(ascii: "}") {
            return try finish(line, closingBrace: index, members: members)
        }
        while true {
            guard index < line.count, line[index] == quote else { throw ScanError(offset: index, message: "expected a key") }
            let keyEnd = try skipString(line, index)
            guard let key = decodeString(line, index..<keyEnd) else {
                throw ScanError(offset: index, message: "the key holds an unpaired surrogate escape")
            }
            index = skipWhitespace(line, keyEnd)
            guard index < line.count, line[index] == UInt8(ascii: ":") else {
                throw ScanError(offset: index, message: "expected ':' after the key")
            }
            let valueStart = skipWhitespace(line, index + 1)
            let valueEnd = try skipValue(line, valueStart)
            members.append(Member(key: key, value: valueStart..<valueEnd))
            index = skipWhitespace(line, valueEnd)
            guard index < line.count else { throw ScanError(offset: index, message: "the object is not closed") }
            if line[index] == UInt8(ascii: ",") {
                index = skipWhitespace(line, index + 1)
            } else if line[index] == UInt8(ascii: "}") {
                return try finish(line, closingBrace: index, members: members)
            } else {
                throw ScanError(offset: index, message: "expected ',' or '}' after a value")
            }
        }
    }

    /// Checks that only whitespace follows the closing brace.
    private static func finish(_ line: UnsafeBufferPointer<UInt8>, closingBrace: Int, members: [Member]) throws(ScanError) -> Object {
        let end = skipWhitespace(line, closingBrace + 1)
        guard end == line.count else { throw ScanError(offset: end, message: "text after the object") }
        return Object(members: members, closingBrace: closingBrace)
    }

    /// The offset of the first non-whitespace byte at or after `index`.
    static func skipWhitespace(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        var index = index
        while index < line.count {
            switch line[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }

    /// The offset just past the JSON value that starts at `start`; nested values are walked with
    /// an explicit stack.
    static func skipValue(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) throws(ScanError) -> Int {
        var containers: [UInt8] = [] // "{" or "[" for each open container
        var index = start
        while true {
            // A value starts at `index`.
            guard index < line.count else { throw ScanError(offset: index, message: "expected a value") }
            switch line[index] {
            case UInt8(ascii: "{"):
                index = skipWhitespace(line, index + 1)
                if index < line.count, line[index] == UInt8(ascii: "}") {
                    index += 1 // an empty object is a whole value
                } else {
                    containers.append(UInt8(ascii: "{"))
                    index = try skipKeyAndColon(line, index)
                    continue
                }
            case UInt8(ascii: "["):
                index = skipWhitespace(line, index + 1)
                if index < line.count, line[index] == UInt8(ascii: "]") {
                    index += 1 // an empty array is a whole value
                } else {
                    containers.append(UInt8(ascii: "["))
                    continue
                }
            case quote:
                index = try skipString(line, index)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                index = try skipNumber(line, index)
            case UInt8(ascii: "t"): index = try skipLiteral(line, index, "true")
            case UInt8(ascii: "f"): index = try skipLiteral(line, index, "false")
            case UInt8(ascii: "n"): index = try skipLiteral(line, index, "null")
            default:
                throw ScanError(offset: index, message: "expected a value")
            }
            // After a value: close containers or move to the next element.
            while true {
                guard let open = containers.last else { return index }
                index = skipWhitespace(line, index)
                guard index < line.count else { throw ScanError(offset: index, message: "an array or object is not closed") }
                let byte = line[index]
                if byte == UInt8(ascii: ",") {
                    index = skipWhitespace(line, index + 1)
                    if open == UInt8(ascii: "{") { index = try skipKeyAndColon(line, index) }
                    break
                }
                if (open == UInt8(ascii: "{") && byte == UInt8(ascii: "}")) || (open == UInt8(ascii: "[") && byte == UInt8(ascii: "]")) {
                    containers.removeLast()
                    index += 1
                    continue
                }
                throw ScanError(offset: index, message: open == UInt8(ascii: "{") ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
    }

    /// Skips `"key" :` and the whitespace after it; returns where the value starts.
    private static func skipKeyAndColon(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) throws(ScanError) -> Int {
        guard start < line.count, line[start] == quote else { throw ScanError(offset: start, message: "expected a key") }
        let index = skipWhitespace(line, try skipString(line, start))
        guard index < line.count, line[index] == UInt8(ascii: ":") else {
            throw ScanError(offset: index, message: "expected ':' after the key")
        }
        return skipWhitespace(line, index + 1)
    }

    /// The offset just past the string that starts with the quote at `start`.
    static func skipString(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) throws(ScanError) -> Int {
        var index = start + 1
        while index < line.count {
            let byte = line[index]
            if byte == quote { return index + 1 }
            if byte < 0x20 { throw ScanError(offset: index, message: "a control character in a string must be escaped") }
            if byte == backslash {
                guard index + 1 < line.count else { break }
                switch line[index + 1] {
                case quote, backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= line.count, (index + 2..<index + 6).allSatisfy({ hexValue(line[$0]) != nil }) else {
                        throw ScanError(offset: index, message: "\\u must be followed by four hexadecimal digits")
                    }
                    index += 6
                default:
                    throw ScanError(offset: index, message: "invalid escape in a string")
                }
            } else {
                index += 1
            }
        }
        throw ScanError(offset: start, message: "the string is not closed")
    }

    /// The offset just past the number that starts at `start`.
    static func skipNumber(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) throws(ScanError) -> Int {
        var index = start
        func isDigit(_ i: Int) -> Bool { i < line.count && line[i] >= UInt8(ascii: "0") && line[i] <= UInt8(ascii: "9") }
        func digits() throws(ScanError) {
            guard isDigit(index) else { throw ScanError(offset: index, message: "expected a digit") }
            while isDigit(index) { index += 1 }
        }
        if line[index] == UInt8(ascii: "-") { index += 1 }
        if index < line.count, line[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            try digits()
        }
        if index < line.count, line[index] == UInt8(ascii: ".") {
            index += 1
            try digits()
        }
        if index < line.count, line[index] == UInt8(ascii: "e") || line[index] == UInt8(ascii: "E") {
            index += 1
            if index < line.count, line[index] == UInt8(ascii: "+") || line[index] == UInt8(ascii: "-") { index += 1 }
            try digits()
        }
        return index
    }

    /// The offset just past `literal`, which must start at `start`.
    private static func skipLiteral(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ literal: StaticString) throws(ScanError) -> Int {
        let count = literal.utf8CodeUnitCount
        guard start + count <= line.count,
              (0..<count).allSatisfy({ line[start + $0] == literal.utf8Start[$0] }) else {
            throw ScanError(offset: start, message: "expected a value")
        }
        return start + count
    }

    /// The value of a hexadecimal digit, or `nil`.
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The text of a scanned string (`span` includes its quotes), escapes resolved; a
    /// `\uD83D\uDE00` surrogate pair becomes one scalar. `nil` when an escape is an unpaired
    /// surrogate, which no Unicode string can hold.
    static func decodeString(_ line: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> String? {
        let body = UnsafeBufferPointer(rebasing: line[(span.lowerBound + 1)..<(span.upperBound - 1)])
        guard body.contains(backslash) else { return String(decoding: body, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.count)
        var index = 0
        func hex4(_ at: Int) -> UInt32 {
            (at..<at + 4).reduce(0) { $0 << 4 | hexValue(body[$1])! }
        }
        while index < body.count {
            let byte = body[index]
            guard byte == backslash else {
                bytes.append(byte)
                index += 1
                continue
            }
            let escaped = body[index + 1]
            switch escaped {
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var value = hex4(index + 2)
                index += 6
                if (0xD800...0xDBFF).contains(value) {
                    guard index + 6 <= body.count, body[index] == backslash, body[index + 1] == UInt8(ascii: "u") else { return nil }
                    let low = hex4(index + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { return nil }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00...0xDFFF).contains(value) {
                    return nil
                }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                UTF8.encode(scalar) { bytes.append($0) }
                continue
            default: bytes.append(escaped) // \" \\ \/
            }
            index += 2
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a JSON string, quotes included, escaped minimally: `\"`, `\\`, `\b \f \n \r \t`,
    /// other control characters as `\u00XX`; everything else as it is, unless `asciiOnly`, which
    /// writes every non-ASCII scalar as `\uXXXX` (a surrogate pair above U+FFFF), as Python's
    /// `json.dumps` does by default. Hexadecimal digits are lowercase.
    static func encodeString(_ text: String, asciiOnly: Bool, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { encodeString(utf8: $0, asciiOnly: asciiOnly, into: &output) }
    }

    /// ``encodeString(_:asciiOnly:into:)`` of a text given as its UTF-8, which must be valid.
    static func encodeString(utf8: UnsafeBufferPointer<UInt8>, asciiOnly: Bool, into output: inout [UInt8]) {
        output.append(quote)
        func hex4(_ value: UInt32) {
            output.append(backslash)
            output.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((value >> UInt32(shift)) & 0xF)
                output.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            }
        }
        do {
            // Runs of bytes written as they are go out in one copy; only the bytes that need an
            // escape (and, with `asciiOnly`, each non-ASCII scalar) are written one by one.
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte >= 0x20 && byte != quote && byte != backslash && (byte < 0x80 || !asciiOnly) {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                switch byte {
                case 0x22: output.append(backslash); output.append(quote)
                case 0x5C: output.append(backslash); output.append(backslash)
                case 0x08: output.append(backslash); output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(backslash); output.append(UInt8(ascii: "f"))
                case 0x0A: output.append(backslash); output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(backslash); output.append(UInt8(ascii: "r"))
                case 0x09: output.append(backslash); output.append(UInt8(ascii: "t"))
                case 0..<0x20: hex4(UInt32(byte))
                default:
                    // A non-ASCII scalar under `asciiOnly`: the string's UTF-8 is valid, so the
                    // lead byte gives the length.
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                    for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
                    if value > 0xFFFF {
                        hex4(0xD800 + ((value - 0x10000) >> 10))
                        hex4(0xDC00 + ((value - 0x10000) & 0x3FF))
                    } else {
                        hex4(value)
                    }
                    index += length - 1
                }
                index += 1
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        output.append(quote)
    }
}
