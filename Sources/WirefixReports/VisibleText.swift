/// Spells out characters a reader cannot see, so that reports and rule listings show exactly what
/// the text holds.
///
/// The notation, shared by the text report and `wirefix rules`:
///
/// | in the text | shown as |
/// |---|---|
/// | line feed, carriage return, tab | `\n`, `\r`, `\t` |
/// | a backslash | `\\` |
/// | a double quote (in quoted text only) | `\"` |
/// | any other invisible or ambiguous scalar (see ``needsEscape(_:)``) | `\u{…}`: its code point in hexadecimal, uppercase, without leading zeros — `\u{200B}` for a zero-width space, `\u{A0}` for a no-break space, `\u{AD}` for a soft hyphen, `\u{FFFD}` for the replacement character |
///
/// The notation is Swift's string-literal escape. `"Ã\u{AD}"` is therefore the two characters
/// `Ã` and U+00AD SOFT HYPHEN (the bytes C3 AD of "í" read as Windows-1252), not six visible ones.
public enum VisibleText {
    /// `text` with invisible scalars escaped as described on ``VisibleText``.
    ///
    /// - Parameters:
    ///   - escapingQuotes: also escape `"` (for text shown between double quotes).
    ///   - escapingNonASCII: escape every non-ASCII scalar, except those in `keeping`; for pairs of
    ///     texts that would otherwise look alike (a decomposed and a precomposed "é").
    ///   - keeping: scalars never escaped (e.g. the span markers ⟦ and ⟧ of rule examples).
    /// - Complexity: O(*n*) in the scalars of `text`.
    public static func escaped(_ text: String, escapingQuotes: Bool = false, escapingNonASCII: Bool = false,
                               keeping: Set<Unicode.Scalar> = []) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"" where escapingQuotes: result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if keeping.contains(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if needsEscape(scalar) || (escapingNonASCII && !scalar.isASCII) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Whether a scalar is invisible or ambiguous on a terminal: controls, format characters
    /// (zero-width space, joiners, soft hyphen, BOM, bidi marks), line and paragraph separators,
    /// spaces other than U+0020, private-use, unassigned and replacement characters.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        case .spaceSeparator:
            return scalar != " "
        default:
            return scalar == "\u{FFFD}"
        }
    }

    /// Whether two texts shown with ``escaped(_:escapingQuotes:escapingNonASCII:keeping:)`` would
    /// look alike although their scalars differ: canonically equivalent spellings (`==` on
    /// `String`), such as a decomposed and a precomposed "é".
    public static func looksAlike(_ first: String, _ second: String) -> Bool {
        first == second && !first.unicodeScalars.elementsEqual(second.unicodeScalars)
    }
}
