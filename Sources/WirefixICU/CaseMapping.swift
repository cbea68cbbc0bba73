internal import CICUShim

/// Full, locale-sensitive case mapping (Unicode 15 `SpecialCasing` data via ICU 72).
///
/// Unlike per-character mapping, results can change length ("ß" uppercases to "SS") and depend on
/// the locale: Turkish and Azerbaijani map "i" ↔ "İ" and "ı" ↔ "I", Lithuanian keeps dots on
/// accented "i". All functions are thread-safe.
///
/// Locales are ICU locale IDs such as `"en"`, `"tr"` or `"lt"`; the empty string means ICU's root
/// locale (language-independent mappings). Unknown locales behave like root.
public enum CaseMapping {
    /// Lowercases `text` (`u_strToLower`).
    ///
    /// - Parameters:
    ///   - text: Any string; may be empty.
    ///   - locale: ICU locale ID; `""` (the default) for language-independent rules.
    /// - Returns: The lowercased string, e.g. `lowercase("İSTANBUL", locale: "tr") == "istanbul"`.
    /// - Throws: ``ICUError`` if ICU fails (e.g. missing case data).
    /// - Complexity: O(n).
    public static func lowercase(_ text: String, locale: String = "") throws(ICUError) -> String {
        try map(text, kind: WFX_CASE_LOWER, locale: locale, operation: "u_strToLower")
    }

    /// Uppercases `text` (`u_strToUpper`).
    ///
    /// - Parameters:
    ///   - text: Any string; may be empty.
    ///   - locale: ICU locale ID; `""` (the default) for language-independent rules.
    /// - Returns: The uppercased string, e.g. `uppercase("i", locale: "tr") == "İ"`,
    ///   `uppercase("straße") == "STRASSE"`.
    /// - Throws: ``ICUError`` if ICU fails.
    /// - Complexity: O(n).
    public static func uppercase(_ text: String, locale: String = "") throws(ICUError) -> String {
        try map(text, kind: WFX_CASE_UPPER, locale: locale, operation: "u_strToUpper")
    }

    /// Titlecases `text` (`u_strToTitle` with the locale's word break iterator): the first
    /// cased letter of each word is titlecased and the rest of the word lowercased.
    ///
    /// - Parameters:
    ///   - text: Any string; may be empty.
    ///   - locale: ICU locale ID; `""` (the default) for language-independent rules. Also tailors
    ///     word boundaries and, for `"nl"`, the "ij" digraph.
    /// - Returns: The titlecased string, e.g. `"delcy rodríguez"` → `"Delcy Rodríguez"`,
    ///   `"NICOLÁS MADURO"` → `"Nicolás Maduro"`.
    /// - Throws: ``ICUError`` if ICU fails (e.g. cannot open the break iterator).
    /// - Complexity: O(n).
    public static func titlecase(_ text: String, locale: String = "") throws(ICUError) -> String {
        try map(text, kind: WFX_CASE_TITLE, locale: locale, operation: "u_strToTitle")
    }

    private static func map(
        _ text: String, kind: wfx_case_kind, locale: String, operation: String
    ) throws(ICUError) -> String {
        try ICUCall.withUTF16(text, operation: operation) { (src, length) throws(ICUError) in
            try ICUCall.fillString(operation: operation, capacity: Int(length) + Int(length) / 4 + 16) {
                dest, capacity, status in
                locale.withCString { cLocale in
                    wfx_case_map(kind, cLocale, src, length, dest, capacity, &status)
                }
            }
        }
    }
}
