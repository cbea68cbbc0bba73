import WirefixEngine
import WirefixReports

/// Hand-built results with hand-counted offsets, shared by the reporter tests.
///
/// `notes/a.txt` holds `"Hi teh café.\nFINDME\n"`: H=0 i=1 ␠=2 t=3 e=4 h=5 ␠=6 c=7 a=8 f=9
/// é=10…11 .=12 LF=13, F=14 … E=19, LF=20.
enum SampleReports {
    static func correction(_ ruleID: String, _ start: Int, _ end: Int, line: Int, column: Int, _ original: String,
                           _ replacement: String, confidence: Double, entity: String? = nil, explanation: String,
                           disposition: Correction.Disposition) -> Correction {
        var correction = Correction(ruleID: ruleID, range: TextRange(start: start, end: end), original: original,
                                    replacement: replacement, confidence: confidence, entityID: entity,
                                    explanation: explanation, disposition: disposition)
        correction.location = SourceLocation(line: line, column: column)
        return correction
    }

    static let typo = correction("test_typo", 3, 6, line: 1, column: 4, "teh", "the", confidence: 0.9,
                                 explanation: "\"teh\" is a common typing error", disposition: .applied)
    static let accent = correction("test_accent", 7, 12, line: 1, column: 8, "café", "cafe", confidence: 0.4,
                                   entity: "cafe-example", explanation: "house style drops the accent", disposition: .suggestion)
    static let marker = correction("test_finding", 14, 20, line: 2, column: 1, "FINDME", "FINDME", confidence: 1,
                                   explanation: "a marker left in the copy", disposition: .finding)

    /// One changed file with a correction, a suggestion and a finding.
    static let changed = FileReport(
        path: "notes/a.txt",
        result: CorrectionResult(original: "Hi teh café.\nFINDME\n", corrected: "Hi the café.\nFINDME\n",
                                 corrections: [typo], suggestions: [accent], findings: [marker]),
        replacedInvalidBytes: 0)

    /// The bytes of standard input in ``lossyInput``: "ok ", two invalid bytes (FF, FE), LF.
    static let lossyBytes: [UInt8] = Array("ok ".utf8) + [0xFF, 0xFE, 0x0A]

    /// Standard input read with `--lossy`: no rule changed it, but its two invalid bytes were
    /// replaced with U+FFFD, so its output differs from its bytes.
    static let lossyInput = FileReport(
        path: "-",
        result: CorrectionResult(original: "ok \u{FFFD}\u{FFFD}\n", corrected: "ok \u{FFFD}\u{FFFD}\n",
                                 corrections: [], suggestions: [], findings: []),
        replacedInvalidBytes: 2, rawOriginal: lossyBytes)

    /// A file nothing changed.
    static let unchanged = FileReport(
        path: "notes/b.txt",
        result: CorrectionResult(original: "plain\n", corrected: "plain\n", corrections: [], suggestions: [], findings: []))

    static let both = CorrectionReport(files: [changed, lossyInput])
}
