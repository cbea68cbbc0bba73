import WirefixEngine

/// Reports for people: one line per correction, suggestion and finding, then the totals.
///
/// ```text
/// article.txt:3:12: calque_names: "God given hair" → "Diosdado Cabello" (confidence 0.95; "hair" is a translation of "Cabello")
/// article.txt:5:1: suggestion: glued_words: "Lanhu" → "Lan Hu" (confidence 0.55; …)
/// article.txt:9:1: finding: repeated_caption: "Maduro with Chinese leaders (EFE)" (the caption repeats the line above)
/// article.txt: replaced 2 invalid UTF-8 bytes with U+FFFD
/// 1 file, 1 changed: 1 correction, 1 suggestion, 1 finding
/// ```
///
/// Lines are in file order, then in span order. Standard input is named `<stdin>`. Quoted text
/// shows control, format and other invisible characters as `\u{…}` escapes; when the original and
/// the replacement would still look alike (e.g. a decomposed and a precomposed "é"), every
/// non-ASCII scalar of the pair is escaped.
public enum TextReporter: Reporter {
    /// `text`.
    public static let identifier = "text"

    /// The report as lines of text, each ending in a line feed.
    public static func generateReport(_ report: CorrectionReport) -> String {
        var output = ""
        for file in report.files {
            let path = file.displayPath
            for correction in file.result.all {
                let location = correction.location.map { "\($0.line):\($0.column)" } ?? "?:?"
                output += "\(path):\(location): "
                switch correction.disposition {
                case .applied: break
                case .suggestion: output += "suggestion: "
                case .finding: output += "finding: "
                }
                output += "\(correction.ruleID): "
                if correction.disposition == .finding {
                    output += "\(quoted(correction.original)) (\(correction.explanation))\n"
                } else {
                    let (original, replacement) = quotedPair(correction.original, correction.replacement)
                    output += "\(original) → \(replacement) (confidence \(confidenceText(correction.confidence)); \(correction.explanation))\n"
                }
            }
            if file.replacedInvalidBytes > 0 {
                output += "\(path): replaced \(count(file.replacedInvalidBytes, "invalid UTF-8 byte")) with U+FFFD\n"
            }
        }
        let totals = report.totals
        output += "\(count(report.files.count, "file")), \(report.changedFileCount) changed: "
            + "\(count(totals.corrections, "correction")), \(count(totals.suggestions, "suggestion")), "
            + "\(count(totals.findings, "finding"))\n"
        return output
    }

    /// `0.95`: the confidence with two decimals.
    static func confidenceText(_ confidence: Double) -> String {
        let hundredths = Int((confidence * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `1 file`, `2 files`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// The two texts quoted; with every non-ASCII scalar escaped when they would look alike.
    static func quotedPair(_ original: String, _ replacement: String) -> (String, String) {
        let shownOriginal = quoted(original), shownReplacement = quoted(replacement)
        // `==` on String is canonical equivalence: true for NFC against NFD spellings.
        if shownOriginal == shownReplacement {
            return (quoted(original, escapingNonASCII: true), quoted(replacement, escapingNonASCII: true))
        }
        return (shownOriginal, shownReplacement)
    }

    /// The text in double quotes, with `"` and `\` escaped and invisible scalars as `\u{…}`.
    static func quoted(_ text: String, escapingNonASCII: Bool = false) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) || (escapingNonASCII && !scalar.isASCII) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Whether a scalar is invisible or ambiguous on a terminal: controls, format characters
    /// (zero-width space, joiners, BOM, bidi marks), line and paragraph separators, spaces other
    /// than U+0020, private-use, unassigned and replacement characters.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        case .spaceSeparator:
            return scalar != " "
        default:
            return scalar == "\u{FFFD}"
        }
    }
}
