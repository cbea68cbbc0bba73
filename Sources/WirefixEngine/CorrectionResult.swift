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
    public var changed: Bool {
        guard original.utf8.count == corrected.utf8.count else { return true }
        var original = original, corrected = corrected
        return original.withUTF8 { old in corrected.withUTF8 { new in !old.elementsEqual(new) } }
    }

    /// Corrections, suggestions and findings together, in order of their original span.
    public var all: [Correction] { (corrections + suggestions + findings).sortedBySpan() }
}

extension [Correction] {
    /// The corrections sorted by span, then rule id (stably): ranked by index over their spans,
    /// not moved while sorting (a correction is a large struct, five strings).
    func sortedBySpan() -> [Correction] {
        let spans = map(\.range)
        return indices.sorted { left, right in
            spans[left] != spans[right] ? spans[left] < spans[right] : self[left].ruleID < self[right].ruleID
        }.map { self[$0] }
    }
}
