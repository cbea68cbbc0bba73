import Foundation

/// What cleaning one text produced: the corrected text and every correction, suggestion and
/// finding, each with its span in the **original** input (UTF-8 byte offsets and line:column).
///
/// The texts are held as given: a result made from bytes (``Pipeline/run(utf8:after:)``) makes a
/// `String` of them only when ``original`` or ``corrected`` is first read, and one made from
/// strings gives its bytes by copying them. (Making a `String` of bytes validates them again; a
/// stream whose output is written as bytes never needs one.)
public struct CorrectionResult: Sendable, Hashable {
    /// The input as given.
    public var original: String { originalText.string }
    /// The text with every applied correction.
    public var corrected: String { correctedText.string }
    /// The UTF-8 bytes of ``original``.
    public var originalUTF8: [UInt8] { originalText.bytes }
    /// The UTF-8 bytes of ``corrected``.
    public var correctedUTF8: [UInt8] { correctedText.bytes }
    /// Applied corrections, in order of their original span.
    public let corrections: [Correction]
    /// Corrections reported but not applied, in order of their original span.
    public let suggestions: [Correction]
    /// Problems reported by detect-only rules, in order of their original span.
    public let findings: [Correction]

    private let originalText: UTF8Text
    private let correctedText: UTF8Text

    /// Creates a result.
    public init(original: String, corrected: String, corrections: [Correction], suggestions: [Correction], findings: [Correction]) {
        self.init(originalText: UTF8Text(original), correctedText: UTF8Text(corrected),
                  corrections: corrections, suggestions: suggestions, findings: findings)
    }

    /// Creates a result from the texts' UTF-8 bytes, which must be valid UTF-8 (as a
    /// ``Pipeline`` or a stream of its chunks produces).
    public init(originalUTF8: [UInt8], correctedUTF8: [UInt8], corrections: [Correction], suggestions: [Correction], findings: [Correction]) {
        self.init(originalText: UTF8Text(validBytes: originalUTF8), correctedText: UTF8Text(validBytes: correctedUTF8),
                  corrections: corrections, suggestions: suggestions, findings: findings)
    }

    init(originalText: UTF8Text, correctedText: UTF8Text, corrections: [Correction], suggestions: [Correction], findings: [Correction]) {
        self.originalText = originalText
        self.correctedText = correctedText
        self.corrections = corrections
        self.suggestions = suggestions
        self.findings = findings
    }

    /// Whether the corrected text differs from the original, byte for byte: a change that is only
    /// NFC composition ("e" + U+0301 → "é") counts, though Swift compares the two strings equal.
    public var changed: Bool { originalText != correctedText }

    /// Corrections, suggestions and findings together, in order of their original span.
    public var all: [Correction] { (corrections + suggestions + findings).sortedBySpan() }

    /// The result with `transform` applied to every correction, suggestion and finding (for
    /// example to place their spans in a longer input), and the texts kept as they are held.
    public func mappingCorrections(_ transform: (Correction) -> Correction) -> CorrectionResult {
        CorrectionResult(originalText: originalText, correctedText: correctedText, corrections: corrections.map(transform),
                         suggestions: suggestions.map(transform), findings: findings.map(transform))
    }

    /// Two results are equal when their texts are equal byte for byte and their corrections,
    /// suggestions and findings are equal.
    public static func == (lhs: CorrectionResult, rhs: CorrectionResult) -> Bool {
        lhs.originalText == rhs.originalText && lhs.correctedText == rhs.correctedText
            && lhs.corrections == rhs.corrections && lhs.suggestions == rhs.suggestions && lhs.findings == rhs.findings
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(originalText)
        hasher.combine(correctedText)
        hasher.combine(corrections)
        hasher.combine(suggestions)
        hasher.combine(findings)
    }
}

/// A text held as a `String` or as its UTF-8 bytes, whichever it was made from, with the other
/// form made on first need and kept. Compared and hashed by its bytes. Thread-safe.
final class UTF8Text: @unchecked Sendable, Hashable {
    private let lock = NSLock()
    private var storedString: String?
    private var storedBytes: [UInt8]?

    init(_ string: String) { storedString = string }

    /// `bytes` must be valid UTF-8.
    init(validBytes bytes: [UInt8]) { storedBytes = bytes }

    var string: String {
        lock.lock()
        defer { lock.unlock() }
        if let storedString { return storedString }
        let made = String(decoding: storedBytes!, as: UTF8.self)
        storedString = made
        return made
    }

    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let storedBytes { return storedBytes }
        let made = Array(storedString!.utf8)
        storedBytes = made
        return made
    }

    /// The byte count, without making the bytes of a string.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return storedBytes?.count ?? storedString!.utf8.count
    }

    static func == (lhs: UTF8Text, rhs: UTF8Text) -> Bool {
        if lhs === rhs { return true }
        guard lhs.count == rhs.count else { return false }
        return lhs.bytes == rhs.bytes
    }

    func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}

extension [Correction] {
    /// The corrections sorted by span, then rule id (stably): ranked by index over their spans,
    /// not moved while sorting (a correction is a large struct, five strings). The order of
    /// ``CorrectionResult/all``.
    ///
    /// - Complexity: O(*n* log *n*).
    public func sortedBySpan() -> [Correction] {
        // Most texts have none or one of a kind (a JSON Lines record asks three times).
        if count < 2 { return self }
        let spans = map(\.range)
        return indices.sorted { left, right in
            spans[left] != spans[right] ? spans[left] < spans[right] : self[left].ruleID < self[right].ruleID
        }.map { self[$0] }
    }
}
