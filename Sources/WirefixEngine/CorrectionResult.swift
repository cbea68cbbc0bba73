/// What cleaning one text produced: the corrected text and every correction, suggestion and
/// finding, each with its span in the **original** input (UTF-8 byte offsets and line:column).
public struct CorrectionResult: Sendable, Hashable {
    /// The input as given.
    public let original: String
    /// The text with every applied correction.
    public let corrected: String
    /// Applied corrections, in order of their original span.
    public let corrections: [Correction]
    /// Corrections reported but not applied, in order of their original span.
    public let suggestions: [Correction]
    /// Problems reported by detect-only rules, in order of their original span.
    public let findings: [Correction]

    /// Creates a result.
    public init(original: String, corrected: String, corrections: [Correction], suggestions: [Correction], findings: [Correction]) {
        self.original = original
        self.corrected = corrected
        self.corrections = corrections
        self.suggestions = suggestions
        self.findings = findings
    }

    /// Whether the corrected text differs from the original, byte for byte: a change that is only
    /// NFC composition ("e" + U+0301 → "é") counts, though Swift compares the two strings equal.
    public var changed: Bool { !original.utf8.elementsEqual(corrected.utf8) }

    /// Corrections, suggestions and findings together, in order of their original span.
    public var all: [Correction] {
        (corrections + suggestions + findings).sorted { ($0.range, $0.ruleID) < ($1.range, $1.ruleID) }
    }
}
