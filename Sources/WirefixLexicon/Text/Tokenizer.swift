/// Splits UTF-8 text into word ``Token``s in one pass.
///
/// ASCII bytes take a fast path (a 128-entry class table, no decoding). A non-ASCII scalar is
/// decoded and classified with the Swift standard library's Unicode properties: letters (L*),
/// combining marks (M*) and decimal digits join a token. Zero-width joiners/non-joiners, the
/// word joiner, the invisible operators (U+2061–U+2064), U+180E, U+FEFF and the soft hyphen
/// *inside* a word also join, so damaged words stay one token.
///
/// - Complexity: O(*n*) in the number of bytes.
public enum Tokenizer {
    /// The word tokens of a UTF-8 buffer.
    ///
    /// - Parameter bytes: valid UTF-8.
    /// - Returns: tokens in text order, with UTF-8 byte ranges into `bytes`.
    public static func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(bytes.count / 6)
        appendTokens(in: bytes, range: 0..<bytes.count, to: &result)
        return result
    }

    /// Appends the word tokens of the stretch `range` of a UTF-8 buffer, tokenized as if the
    /// stretch stood alone, to `result`.
    ///
    /// - Parameters:
    ///   - bytes: valid UTF-8.
    ///   - range: UTF-8 byte offsets on scalar boundaries. When the bytes just outside it are
    ///     ASCII and neither letters nor digits (or the ends of the buffer), the tokens are
    ///     exactly the tokens of the whole buffer that lie inside it.
    ///   - result: where the tokens go, with byte ranges into `bytes`.
    public static func appendTokens(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, to result: inout [Token]) {
        var index = range.lowerBound
        let count = range.upperBound
        var start = -1
        var shape: Token.Shape = []
        var previousWasLower = false
        var sawLetter = false

        @inline(__always) func finish(at end: Int) {
            if start >= 0 {
                result.append(Token(range: start..<end, shape: shape))
                start = -1
            }
        }

        guard index < count, let base = bytes.baseAddress else { return }
        let classes = asciiClasses
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                var cls = classes[Int(byte)]
                if cls == 0 {
                    finish(at: index)
                    index += 1
                    continue
                }
                if start < 0 {
                    start = index; shape = [.ascii]; previousWasLower = false; sawLetter = false
                }
                // The run of ASCII letters and digits, with the shape in a register.
                var raw = shape.rawValue
                var lower = previousWasLower, letter = sawLetter
                while true {
                    switch cls {
                    case 1: // uppercase
                        if !letter { raw |= Token.Shape.startsUppercase.rawValue }
                        if lower { raw |= Token.Shape.innerUppercase.rawValue }
                        raw |= Token.Shape.hasUppercase.rawValue | Token.Shape.hasLetter.rawValue
                        lower = false; letter = true
                    case 2: // lowercase
                        raw |= Token.Shape.hasLowercase.rawValue | Token.Shape.hasLetter.rawValue
                        lower = true; letter = true
                    default: // digit
                        raw |= Token.Shape.hasDigit.rawValue
                    }
                    index += 1
                    guard index < count else { break }
                    let next = base[index]
                    guard next < 0x80 else { break }
                    cls = classes[Int(next)]
                    if cls == 0 { break }
                }
                shape = Token.Shape(rawValue: raw); previousWasLower = lower; sawLetter = letter
                continue
            }
            // Non-ASCII: decode one scalar.
            let (scalar, length) = decodeScalar(bytes, at: index)
            let kind = classify(scalar)
            if kind == .separator || (kind == .joiner && start < 0) {
                finish(at: index)
                index += length
                continue
            }
            if kind == .joiner {
                // Joins only when a letter follows.
                let next = index + length
                if next < count {
                    let (following, _) = decodeScalar(bytes, at: next)
                    let followingKind = following.value < 0x80
                        ? (classes[Int(following.value)] == 0 ? ScalarKind.separator : .lower)
                        : classify(following)
                    if followingKind == .separator || followingKind == .joiner {
                        finish(at: index); index += length; continue
                    }
                } else {
                    finish(at: index); index += length; continue
                }
            }
            if start < 0 {
                start = index; shape = []; previousWasLower = false; sawLetter = false
            }
            shape.remove(.ascii)
            switch kind {
            case .upper:
                if !sawLetter { shape.insert(.startsUppercase) }
                if previousWasLower { shape.insert(.innerUppercase) }
                shape.formUnion([.hasUppercase, .hasLetter]); previousWasLower = false; sawLetter = true
            case .lower:
                shape.formUnion([.hasLowercase, .hasLetter]); previousWasLower = true; sawLetter = true
            case .otherLetter:
                shape.insert(.hasLetter); sawLetter = true
            case .digit:
                shape.insert(.hasDigit)
            case .mark, .joiner, .separator:
                break
            }
            index += length
        }
        finish(at: count)
    }

    /// The word tokens of a string. See ``tokens(in:)-(UnsafeBufferPointer<UInt8>)``.
    public static func tokens(in text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { tokens(in: $0) }
    }

    // 0 separator, 1 upper, 2 lower, 3 digit; allocated once and never freed, read without
    // bounds checks in the loop.
    nonisolated(unsafe) private static let asciiClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
        for value in 0..<128 {
            switch value {
            case 0x41...0x5A: table[value] = 1
            case 0x61...0x7A: table[value] = 2
            case 0x30...0x39: table[value] = 3
            default: table[value] = 0
            }
        }
        return UnsafePointer(table)
    }()

    enum ScalarKind { case separator, upper, lower, otherLetter, digit, mark, joiner }

    static func classify(_ scalar: Unicode.Scalar) -> ScalarKind {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061...0x2064, 0x180E, 0xFEFF: return .joiner
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter: return .lower
        case .otherLetter, .modifierLetter: return .otherLetter
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .digit
        default: return .separator
        }
    }

    /// The scalar of valid UTF-8 that ends at byte offset `end`, with the offset it starts at;
    /// `nil` at the start of the buffer.
    public static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (Unicode.Scalar, Int)? {
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return (decodeScalar(bytes, at: start).0, start)
    }

    /// Decodes the scalar starting at byte `index` of valid UTF-8, with its length in bytes.
    @inline(__always)
    public static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let count = bytes.count
        if b0 < 0xE0, index + 1 < count {
            let value = ((b0 & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0, index + 2 < count {
            let value = ((b0 & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        }
        if index + 3 < count {
            let value = ((b0 & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }
}
