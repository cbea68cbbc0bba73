/// The problems found by ``SpoofChecker/check(_:)`` (UTS 39 security checks, ICU 72 /
/// Unicode 15 data). An empty set means the text passed every check.
public struct SpoofCheckResult: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The bit pattern; bits are Wirefix's own, not ICU's `USpoofChecks` values.
    public let rawValue: UInt32

    /// Creates a result from its bit pattern.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The text mixes scripts (its UTS 39 resolved script set is empty) and is confusable with a
    /// single-script string, e.g. "Mаduro" with a Cyrillic "а" (U+0430) looks like Latin "Maduro".
    public static let mixedScriptConfusable = SpoofCheckResult(rawValue: 1 << 0)

    /// The text is written in one script but is confusable with a string written entirely in
    /// another script, e.g. Cyrillic "сосо" looks like Latin "coco".
    public static let wholeScriptConfusable = SpoofCheckResult(rawValue: 1 << 1)

    /// The text's script mixture exceeds UTS 39 "Highly Restrictive": it is neither
    /// single-script nor Latin combined with Han/Hiragana/Katakana, Han/Bopomofo or Han/Hangul.
    public static let restrictionLevelExceeded = SpoofCheckResult(rawValue: 1 << 2)

    /// The text contains invisible characters or sequences unlikely to display: a
    /// Default_Ignorable_Code_Point (e.g. U+200B ZERO WIDTH SPACE, U+00AD SOFT HYPHEN) or the
    /// same non-spacing mark twice in a row ("e\u{301}\u{301}").
    public static let invisible = SpoofCheckResult(rawValue: 1 << 3)

    /// The text mixes digits from different numbering systems (e.g. ASCII and Arabic-Indic).
    public static let mixedNumbers = SpoofCheckResult(rawValue: 1 << 4)

    /// A combining dot above (U+0307) follows a character that would hide it, such as "i" or "l".
    public static let hiddenOverlay = SpoofCheckResult(rawValue: 1 << 5)

    /// The names of the flags that are set, e.g. `"[mixedScriptConfusable, restrictionLevelExceeded]"`.
    public var description: String {
        let names: [(SpoofCheckResult, String)] = [
            (.mixedScriptConfusable, "mixedScriptConfusable"),
            (.wholeScriptConfusable, "wholeScriptConfusable"),
            (.restrictionLevelExceeded, "restrictionLevelExceeded"),
            (.invisible, "invisible"),
            (.mixedNumbers, "mixedNumbers"),
            (.hiddenOverlay, "hiddenOverlay"),
        ]
        return "[" + names.filter { contains($0.0) }.map(\.1).joined(separator: ", ") + "]"
    }
}
