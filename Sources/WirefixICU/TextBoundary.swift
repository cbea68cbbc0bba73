internal import CICUShim

/// Word and sentence segmentation (UAX #29) with ICU 72 break iterators and Unicode 15 data,
/// tailored by locale.
///
/// Results are `String.Index` ranges into the string that was passed in (ICU's UTF-16 offsets are
/// converted back), so `text[range]` yields each segment. All functions are thread-safe: each call
/// opens its own break iterator.
public enum TextBoundary {
    /// Finds the words of `text`, skipping spaces and punctuation.
    ///
    /// Only segments that ICU classifies as words (rule status ≥ `UBRK_WORD_NONE_LIMIT`: letters,
    /// numbers, kana, ideographs) are returned. Apostrophes inside words stay attached
    /// ("Maduro's" is one word); hyphens split words.
    ///
    /// - Parameters:
    ///   - text: The text to segment; may be empty.
    ///   - locale: An ICU locale ID such as `"en"`, `"fr"` or `"ja"`; unknown locales fall back
    ///     to ICU's root rules rather than failing.
    /// - Returns: `String.Index` ranges into `text`, in order and non-overlapping; `[]` for text
    ///   without words.
    /// - Throws: ``ICUError`` if ICU cannot open a break iterator (e.g. missing data).
    /// - Complexity: O(n) in the length of `text`.
    public static func words(in text: String, locale: String = "en") throws(ICUError) -> [Range<String.Index>] {
        try segments(of: text, kind: WFX_BREAK_WORD, locale: locale, operation: "ubrk_open(word)")
    }

    /// Splits `text` into sentences.
    ///
    /// Each range runs from the start of a sentence up to the start of the next one, so it
    /// includes the terminating punctuation and the trailing spaces; together the ranges cover
    /// all of `text`. ICU's standard rules do not know abbreviations: "Dr. Smith" is split after
    /// "Dr. " (no suppression list is applied).
    ///
    /// - Parameters:
    ///   - text: The text to segment; may be empty.
    ///   - locale: An ICU locale ID such as `"en"`; unknown locales fall back to root rules.
    /// - Returns: `String.Index` ranges into `text`, in order, contiguous; `[]` for empty text.
    /// - Throws: ``ICUError`` if ICU cannot open a break iterator.
    /// - Complexity: O(n) in the length of `text`.
    public static func sentences(in text: String, locale: String = "en") throws(ICUError) -> [Range<String.Index>] {
        try segments(of: text, kind: WFX_BREAK_SENTENCE, locale: locale, operation: "ubrk_open(sentence)")
    }

    /// Runs the shim's segmenter and converts its UTF-16 offset pairs to `String.Index` ranges.
    private static func segments(
        of text: String, kind: wfx_break_kind, locale: String, operation: String
    ) throws(ICUError) -> [Range<String.Index>] {
        if text.isEmpty { return [] }
        let bounds = try ICUCall.withUTF16(text, operation: operation) { (src, length) throws(ICUError) -> [Int32] in
            // There are never more segments than code units; the retry covers the impossible case.
            try ICUCall.fill(Int32(0), operation: operation, capacity: 2 * Int(length)) {
                dest, capacity, status in
                let pairs = locale.withCString { cLocale in
                    wfx_break_segments(kind, cLocale, src, length, dest, capacity / 2, &status)
                }
                return 2 * pairs
            }
        }
        // Offsets ascend, so walking one cursor through the UTF-16 view keeps the whole
        // conversion O(n) (equivalent to String.Index(utf16Offset:in:) for each offset).
        let utf16 = text.utf16
        let count = utf16.count
        var cursor = utf16.startIndex
        var cursorOffset = 0
        func index(at offset: Int32) throws(ICUError) -> String.Index {
            let target = Int(offset)
            guard target >= cursorOffset, target <= count else {
                throw ICUError(code: WFX_U_ILLEGAL_ARGUMENT_ERROR, operation: operation,
                               detail: "boundary offset \(offset) out of order or beyond \(count)")
            }
            cursor = utf16.index(cursor, offsetBy: target - cursorOffset)
            cursorOffset = target
            return cursor
        }
        var ranges: [Range<String.Index>] = []
        ranges.reserveCapacity(bounds.count / 2)
        var i = 0
        while i + 1 < bounds.count {
            let start = try index(at: bounds[i])
            let end = try index(at: bounds[i + 1])
            ranges.append(start..<end)
            i += 2
        }
        return ranges
    }
}
