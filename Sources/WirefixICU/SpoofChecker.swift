internal import CICUShim

/// Detects visually confusable ("spoofed") text per UTS 39, with ICU 72's `USpoofChecker` and
/// Unicode 15 confusables data.
///
/// The checker is configured once (confusable, restriction-level, invisible, mixed-numbers and
/// hidden-overlay checks; restriction level "Highly Restrictive"; all characters allowed) and never
/// modified afterwards. Thread safety: one instance may be shared across threads without a lock;
/// this relies on ICU's documented guarantee that `uspoof_check2`, `uspoof_areConfusable` and
/// `uspoof_getSkeleton`, which take a `const USpoofChecker *`, may be called concurrently on the
/// same checker.
///
/// Checks treat the whole string as one identifier; check a name, not a paragraph.
public final class SpoofChecker: Sendable {
    /// The shim handle (`wfx_spoof`). Never reassigned and only passed to ICU functions that take
    /// a const checker (thread-safe per ICU), hence `nonisolated(unsafe)` is sound.
    nonisolated(unsafe) private let handle: OpaquePointer

    /// Opens and configures a spoof checker.
    ///
    /// - Throws: ``ICUError`` if ICU cannot load its confusables data (e.g. `U_FILE_ACCESS_ERROR`).
    public init() throws(ICUError) {
        var status: Int32 = WFX_U_ZERO_ERROR
        guard let handle = wfx_spoof_open(&status), status <= 0 else {
            throw ICUError(code: status > 0 ? status : WFX_U_ILLEGAL_ARGUMENT_ERROR, operation: "uspoof_open")
        }
        self.handle = handle
    }

    deinit {
        wfx_spoof_close(handle)
    }

    /// Runs the UTS 39 checks on `text`, treated as a single identifier.
    ///
    /// ``SpoofCheckResult/restrictionLevelExceeded``, ``SpoofCheckResult/mixedNumbers`` and
    /// ``SpoofCheckResult/hiddenOverlay`` come straight from `uspoof_check2`.
    /// ``SpoofCheckResult/invisible`` combines ICU's invisible check (which only catches a repeated
    /// non-spacing mark, "e\u{301}\u{301}") with a scan for Default_Ignorable_Code_Point
    /// characters (ZERO WIDTH SPACE, joiners, soft hyphen, BOM, variation selectors), which ICU
    /// would only reject through an allowed-character profile. Since ICU 58 that function no longer reports confusables for a single
    /// string, so the two confusable flags are derived by comparing `text` with its own
    /// ``skeleton(_:)`` using `uspoof_areConfusable`:
    /// - ``SpoofCheckResult/mixedScriptConfusable``: `text` is mixed-script while its skeleton is
    ///   single-script, i.e. it imitates a single-script string ("Mаduro" with Cyrillic "а").
    /// - ``SpoofCheckResult/wholeScriptConfusable``: `text` and its skeleton are single-script in
    ///   disjoint scripts (Cyrillic "сосо" vs Latin "coco").
    ///
    /// - Parameter text: A name or identifier; the empty string passes.
    /// - Returns: The failed checks; empty when `text` looks safe.
    /// - Throws: ``ICUError`` if ICU fails.
    /// - Complexity: O(n); runs up to five ICU passes over the text (check, ignorable scan, skeleton,
    ///   check of the skeleton, comparison).
    public func check(_ text: String) throws(ICUError) -> SpoofCheckResult {
        if text.isEmpty { return [] }
        let (bits, level) = try checkBits(text)
        var result: SpoofCheckResult = []
        if bits & WFX_SPOOF_RESTRICTION_LEVEL != 0 { result.insert(.restrictionLevelExceeded) }
        let hasIgnorable = try containsDefaultIgnorable(text)
        if bits & WFX_SPOOF_INVISIBLE != 0 || hasIgnorable { result.insert(.invisible) }
        if bits & WFX_SPOOF_MIXED_NUMBERS != 0 { result.insert(.mixedNumbers) }
        if bits & WFX_SPOOF_HIDDEN_OVERLAY != 0 { result.insert(.hiddenOverlay) }

        let skeleton = try skeleton(text)
        let confusable = try confusableBits(text, skeleton)
        if confusable & (WFX_SPOOF_MIXED_SCRIPT_CONFUSABLE | WFX_SPOOF_WHOLE_SCRIPT_CONFUSABLE) != 0 {
            let skeletonLevel = try checkBits(skeleton).level
            let textIsSingleScript = level <= WFX_LEVEL_SINGLE_SCRIPT_RESTRICTIVE
            let skeletonIsSingleScript = skeletonLevel <= WFX_LEVEL_SINGLE_SCRIPT_RESTRICTIVE
            if !textIsSingleScript && skeletonIsSingleScript { result.insert(.mixedScriptConfusable) }
            if confusable & WFX_SPOOF_WHOLE_SCRIPT_CONFUSABLE != 0 { result.insert(.wholeScriptConfusable) }
        }
        return result
    }

    /// The UTS 39 skeleton of `text` (`uspoof_getSkeleton`): NFD, then every character replaced
    /// by its confusable prototype, then NFD again. Two strings are confusable exactly when their
    /// skeletons are equal. Skeletons are for comparison only, not for display; they keep case
    /// distinctions (ICU 58+), and may look odd ("m" becomes "rn").
    ///
    /// - Returns: The skeleton, in NFD.
    /// - Throws: ``ICUError`` if ICU fails.
    /// - Complexity: O(n).
    public func skeleton(_ text: String) throws(ICUError) -> String {
        let operation = "uspoof_getSkeleton"
        return try ICUCall.withUTF16(text, operation: operation) { (src, length) throws(ICUError) in
            try ICUCall.fillString(operation: operation, capacity: Int(length) * 2 + 16) {
                dest, capacity, status in
                wfx_spoof_skeleton(handle, src, length, dest, capacity, &status)
            }
        }
    }

    /// Tells whether `a` and `b` are visually confusable, i.e. have equal ``skeleton(_:)``s
    /// (`uspoof_areConfusable`). Identical strings are confusable.
    ///
    /// - Throws: ``ICUError`` if ICU fails.
    /// - Complexity: O(n + m).
    public func areConfusable(_ a: String, _ b: String) throws(ICUError) -> Bool {
        try confusableBits(a, b) != 0
    }

    /// The distinct scripts of the characters in `text`, as ISO 15924 four-letter codes in order
    /// of first appearance (`uscript_getScript` + `uscript_getShortName`), e.g. `["Latn", "Cyrl"]`
    /// for "Mаduro" with a Cyrillic "а". Characters of the Common ("Zyyy": digits, punctuation,
    /// spaces), Inherited ("Zinh": combining marks) and Unknown ("Zzzz": unassigned) scripts are
    /// ignored. Uses the Script property, not Script_Extensions.
    ///
    /// - Returns: Script codes such as `"Latn"`, `"Cyrl"`, `"Grek"`, `"Hani"`, `"Arab"`; `[]`
    ///   for text without script-specific characters. Code points ICU cannot classify are skipped.
    /// - Complexity: O(n) in the number of Unicode scalars.
    public static func scripts(of text: String) -> [String] {
        var seen: [String] = []
        for scalar in text.unicodeScalars {
            var ignorable: Int32 = 0
            var status: Int32 = WFX_U_ZERO_ERROR
            guard let name = wfx_script_short_name(scalar.value, &ignorable, &status),
                  status <= 0, ignorable == 0
            else { continue }
            let code = String(cString: name)
            if !seen.contains(code) { seen.append(code) }
        }
        return seen
    }

    /// True when `text` contains a Default_Ignorable_Code_Point (per ICU's property data).
    private func containsDefaultIgnorable(_ text: String) throws(ICUError) -> Bool {
        try ICUCall.withUTF16(text, operation: "u_hasBinaryProperty") { (src, length) throws(ICUError) in
            wfx_contains_default_ignorable(src, length) != 0
        }
    }

    /// `uspoof_check2` bits and the UTS 39 restriction level of `text`.
    private func checkBits(_ text: String) throws(ICUError) -> (bits: Int32, level: Int32) {
        let operation = "uspoof_check2"
        return try ICUCall.withUTF16(text, operation: operation) { (src, length) throws(ICUError) in
            var status: Int32 = WFX_U_ZERO_ERROR
            var level: Int32 = 0
            let bits = wfx_spoof_check(handle, src, length, &level, &status)
            try ICUError.check(status, operation)
            return (bits, level)
        }
    }

    /// `uspoof_areConfusable` bits for `a` and `b`.
    private func confusableBits(_ a: String, _ b: String) throws(ICUError) -> Int32 {
        let operation = "uspoof_areConfusable"
        return try ICUCall.withUTF16(a, operation: operation) { (aPtr, aLength) throws(ICUError) in
            try ICUCall.withUTF16(b, operation: operation) { (bPtr, bLength) throws(ICUError) in
                var status: Int32 = WFX_U_ZERO_ERROR
                let bits = wfx_spoof_confusable(handle, aPtr, aLength, bPtr, bLength, &status)
                try ICUError.check(status, operation)
                return bits
            }
        }
    }
}
