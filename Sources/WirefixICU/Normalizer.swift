internal import CICUShim

/// Unicode normalization through ICU's shared `UNormalizer2` instances (ICU 72, Unicode 15).
///
/// All functions are thread-safe: ICU's normalizer singletons are immutable.
/// Pure-ASCII input takes a fast path for NFC, NFD and NFKC, because ASCII text is already in
/// those forms; no ICU call is made then.
public enum Normalizer {
    /// Returns `text` converted to the normalization form `form`.
    ///
    /// - Parameters:
    ///   - text: Any string; may be empty.
    ///   - form: The target form.
    /// - Returns: The normalized string (the same value when `text` is already normalized).
    /// - Throws: ``ICUError`` if ICU cannot load its normalization data
    ///   (e.g. `U_FILE_ACCESS_ERROR`) or the text exceeds `Int32.max` UTF-16 code units.
    /// - Complexity: O(n) in the length of `text`; O(n) without any ICU call for pure ASCII
    ///   when `form` is not ``NormalizationForm/nfkcCasefold``.
    public static func normalize(_ text: String, to form: NormalizationForm) throws(ICUError) -> String {
        if form.asciiIsNormalized && ICUCall.isASCII(text) { return text }
        let operation = "unorm2_normalize(\(form.rawValue))"
        return try ICUCall.withUTF16(text, operation: operation) { (src, length) throws(ICUError) in
            try ICUCall.fillString(operation: operation, capacity: Int(length) + Int(length) / 2 + 16) {
                dest, capacity, status in
                wfx_normalize(form.shimForm, src, length, dest, capacity, &status)
            }
        }
    }

    /// Tells whether `text` is already in the normalization form `form` (a definite answer,
    /// unlike ``quickCheck(_:form:)``).
    ///
    /// - Returns: `true` when `normalize(text, to: form) == text` would hold.
    /// - Throws: ``ICUError`` if ICU cannot load its normalization data.
    /// - Complexity: O(n); pure-ASCII input returns `true` immediately after the ASCII scan for
    ///   NFC, NFD and NFKC.
    public static func isNormalized(_ text: String, form: NormalizationForm) throws(ICUError) -> Bool {
        if form.asciiIsNormalized && ICUCall.isASCII(text) { return true }
        let operation = "unorm2_isNormalized(\(form.rawValue))"
        return try ICUCall.withUTF16(text, operation: operation) { (src, length) throws(ICUError) in
            var status: Int32 = WFX_U_ZERO_ERROR
            let result = wfx_is_normalized(form.shimForm, src, length, &status)
            try ICUError.check(status, operation)
            return result != 0
        }
    }

    /// Runs the fast normalization quick check of UAX #15 on `text`.
    ///
    /// - Returns: ``QuickCheckResult/yes`` or ``QuickCheckResult/no`` when the check is decisive,
    ///   ``QuickCheckResult/maybe`` otherwise (NFC and NFKC only; NFD never answers `maybe`).
    /// - Throws: ``ICUError`` if ICU cannot load its normalization data.
    /// - Complexity: O(n), usually faster than ``isNormalized(_:form:)``; pure-ASCII input
    ///   answers ``QuickCheckResult/yes`` without an ICU call for NFC, NFD and NFKC.
    public static func quickCheck(_ text: String, form: NormalizationForm) throws(ICUError) -> QuickCheckResult {
        if form.asciiIsNormalized && ICUCall.isASCII(text) { return .yes }
        let operation = "unorm2_quickCheck(\(form.rawValue))"
        return try ICUCall.withUTF16(text, operation: operation) { (src, length) throws(ICUError) in
            var status: Int32 = WFX_U_ZERO_ERROR
            let result = wfx_quick_check(form.shimForm, src, length, &status)
            try ICUError.check(status, operation)
            switch result {
            case 0: return .no
            case 1: return .yes
            default: return .maybe
            }
        }
    }
}
