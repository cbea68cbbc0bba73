/// What a scalar decoded from a re-encoded mojibake sequence is, for the ``MojibakeRule``'s
/// plausibility checks. A repair must produce a character that real text is made of; anything
/// else (controls, private use, IPA, combining marks, rare extensions) means the match was a
/// coincidence.
enum MojibakeScalarClass: Equatable {
    /// A Latin letter a European name or word uses: Latin-1 letters, Latin Extended-A (without
    /// ĸ, ŉ, ſ) and the Romanian comma-below letters Ș ș Ț ț.
    case latinLetter
    /// A Latin-1 symbol or space U+00A0...U+00BF, or × ÷.
    case latin1Symbol
    /// Punctuation or a symbol from a three- or four-byte sequence: quotes, dashes, ellipsis,
    /// currency, letterlike (™), arrows, math, dingbats, emoji.
    case symbol
    /// A letter of a script that mojibake turns into long runs; accepted only in runs of
    /// several such letters.
    case script(Script)
    /// Not something a repair may produce.
    case implausible

    /// Scripts whose letters are accepted only in runs.
    enum Script: Equatable {
        case greek, cyrillic, hebrew, arabic, cjk
    }

    /// Classifies a decoded scalar value.
    static func of(_ value: UInt32) -> MojibakeScalarClass {
        switch value {
        case 0xA0...0xBF, 0xD7, 0xF7: return .latin1Symbol
        case 0xC0...0xFF: return .latinLetter
        case 0x138, 0x149, 0x17F: return .implausible
        case 0x100...0x17F, 0x218...0x21B: return .latinLetter
        case 0x386, 0x388...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3CE: return .script(.greek)
        case 0x400...0x45F, 0x490, 0x491: return .script(.cyrillic)
        case 0x5D0...0x5EA: return .script(.hebrew)
        case 0x621...0x64A, 0x660...0x669, 0x671...0x6D3: return .script(.arabic)
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x2100...0x218F,
             0x2190...0x23FF, 0x2460...0x27BF, 0x2B00...0x2BFF:
            return .symbol
        case 0x3000...0x303F, 0x3041...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7A3, 0xFF01...0xFF5E:
            return .script(.cjk)
        case 0x1F000...0x1FAFF: return .symbol
        default: return .implausible
        }
    }
}

/// Letter and case tests on scalar values, with an ASCII fast path.
enum ScalarCase {
    /// Whether the scalar is a letter (general category L*).
    static func isLetter(_ value: UInt32?) -> Bool {
        guard let value else { return false }
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Whether the scalar is an uppercase letter.
    static func isUpper(_ value: UInt32?) -> Bool {
        guard let value else { return false }
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    /// Whether the scalar is a lowercase letter.
    static func isLower(_ value: UInt32?) -> Bool {
        guard let value else { return false }
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return Unicode.Scalar(value)?.properties.isLowercase ?? false
    }
}
