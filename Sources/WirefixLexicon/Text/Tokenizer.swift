/// Splits UTF-8 text into word ``Token``s in one pass.
///
/// ASCII bytes take a fast path (a 128-entry class table, no decoding). A non-ASCII scalar is
/// decoded and classified with the Swift standard library's Unicode properties: letters (L*),
/// combining marks (M*) and decimal digits join a token. Zero-width joiners/non-joiners and the
/// soft hyphen *inside* a word also join, so damaged words stay one token.
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

        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                let cls = asciiClass[Int(byte)]
                if cls == 0 {
                    finish(at: index)
                    index += 1
                    continue
                }
                if start < 0 {
                    start = index; shape = [.ascii]; previousWasLower = false; sawLetter = false
                }
                switch cls {
                case 1: // uppercase
                    if !sawLetter { shape.insert(.startsUppercase) }
                    if previousWasLower { shape.insert(.innerUppercase) }
                    shape.formUnion([.hasUppercase, .hasLetter]); previousWasLower = false; sawLetter = true
                case 2: // lowercase
                    shape.formUnion([.hasLowercase, .hasLetter]); previousWasLower = true; sawLetter = true
                default: // digit
                    shape.insert(.hasDigit)
                }
                index += 1
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
                        ? (asciiClass[Int(following.value)] == 0 ? ScalarKind.separator : .lower)
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

    // 0 separator, 1 upper, 2 lower, 3 digit
    private static let asciiClass: [UInt8] = (0..<128).map { value -> UInt8 in
        switch value {
        case 0x41...0x5A: return 1
        case 0x61...0x7A: return 2
        case 0x30...0x39: return 3
        default: return 0
        }
    }

    enum ScalarKind { case separator, upper, lower, otherLetter, digit, mark, joiner }

    static func classify(_ scalar: Unicode.Scalar) -> ScalarKind {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060: return .joiner
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
