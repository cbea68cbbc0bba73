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
/// Lines are in file order, then in span order. Standard input is named `<stdin>`.
///
/// **Locations.** `path:line:column` is the start of the span: lines from 1, ending at LF (a CR
/// before the LF belongs to its line); columns from 1, counted in Unicode scalars (a precomposed
/// "é" is one, a decomposed one two), the way an editor counts characters. A UTF-8 byte-order mark
/// at the start of a file is not counted: the first character after it is column 1.
///
/// **Quoted text.** Texts are shown between double quotes with ``VisibleText``'s notation (Swift's
/// string-literal escapes): `\"` and `\\` for a quote and a backslash, `\n`, `\r`, `\t` for line
/// feed, carriage return and tab, and `\u{…}` (the code point in hexadecimal) for every other
/// invisible or ambiguous character: controls, format characters (zero-width space `\u{200B}`,
/// soft hyphen `\u{AD}`, joiners, bidi marks), spaces other than U+0020 (no-break space
/// `\u{A0}`), private-use and unassigned code points, and U+FFFD (`\u{FFFD}`). So `"Ã\u{AD}"` is
/// the two characters "Ã" and a soft hyphen: the bytes of "í" read as Windows-1252. When the
/// original and the replacement would still look alike (a decomposed and a precomposed "é"),
/// every non-ASCII scalar of the pair is escaped: `"Jose\u{301}" → "Jos\u{E9}"`.
///
/// Errors (inputs that could not be read) are not part of this report; the tool prints them on
/// standard error.
public enum TextReporter: Reporter {
    /// `text`.
    public static let identifier = "text"

    /// One line per correction, suggestion and finding of the file, in span order, each ending in a
    /// line feed; and a line for the bytes `--lossy` replaced, if any.
    public static func sectionBytes(for file: FileReport) -> [UInt8] {
        var output = ""
        let path = file.displayPath
        var locator = FileReport.Locator(file)
        for correction in file.result.all {
            appendLine(for: correction, at: locator.location(of: correction), path: path, to: &output)
        }
        appendTrailer(replacedInvalidBytes: file.replacedInvalidBytes, path: path, to: &output)
        return Array(output.utf8)
    }

    /// Appends the line of one correction, suggestion or finding at `location` of the file shown
    /// as `path`.
    static func appendLine(for correction: Correction, at location: SourceLocation, path: String, to output: inout String) {
        output += "\(path):\(location.line):\(location.column): "
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

    /// Appends the line that closes a file's section, when there is one: how many invalid bytes
    /// `--lossy` replaced.
    static func appendTrailer(replacedInvalidBytes: Int, path: String, to output: inout String) {
        if replacedInvalidBytes > 0 {
            output += "\(path): replaced \(count(replacedInvalidBytes, "invalid UTF-8 byte")) with U+FFFD\n"
        }
    }

    /// Makes a file's section as it is cleaned as a stream: each chunk's lines are written to a
    /// ``ReportSpool`` as the chunk comes, so memory does not grow with the file.
    public static func sectionBuilder(path: String, spillThreshold: Int, temporaryDirectory: String) -> any ReportSectionBuilder {
        TextSectionBuilder(path: path, spool: ReportSpool(spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory))
    }

    /// The totals line after the files' lines: `2 files, 1 changed: 3 corrections, 1 suggestion, 0 findings`.
    public static func frame(summary: ReportSummary, errors: [ReportError]) -> ReportFrame {
        let totals = summary.totals
        let line = "\(count(summary.files, "file")), \(summary.changedFiles) changed: "
            + "\(count(totals.corrections, "correction")), \(count(totals.suggestions, "suggestion")), "
            + "\(count(totals.findings, "finding"))\n"
        return ReportFrame(tail: Array(line.utf8))
    }

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

    /// The text in double quotes, with `"` and `\\` escaped and invisible scalars as `\u{…}`
    /// (see ``VisibleText``).
    static func quoted(_ text: String, escapingNonASCII: Bool = false) -> String {
        "\"" + VisibleText.escaped(text, escapingQuotes: true, escapingNonASCII: escapingNonASCII) + "\""
    }

    /// See ``VisibleText/needsEscape(_:)``.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        VisibleText.needsEscape(scalar)
    }
}
