/* Word and sentence segmentation with a break iterator opened per call (no shared state). */
#include "CICUShim.h"

#include <unicode/ubrk.h>

int32_t wfx_break_segments(wfx_break_kind kind, const char *locale,
                           const uint16_t *text, int32_t text_length,
                           int32_t *bounds, int32_t segment_capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UBreakIteratorType type = kind == WFX_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE;
    UBreakIterator *bi = ubrk_open(type, locale, (const UChar *)text, text_length, &st);
    if (U_FAILURE(st)) {
        if (bi != NULL) ubrk_close(bi);
        *status = st;
        return 0;
    }
    int32_t count = 0;
    int32_t start = ubrk_first(bi);
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
        /* The rule status describes the segment that ends at the boundary just returned. */
        if (kind == WFX_BREAK_WORD && ubrk_getRuleStatus(bi) < UBRK_WORD_NONE_LIMIT) continue;
        if (count < segment_capacity) {
            bounds[2 * count] = start;
            bounds[2 * count + 1] = end;
        }
        count++;
    }
    ubrk_close(bi);
    *status = count > segment_capacity ? U_BUFFER_OVERFLOW_ERROR : st;
    return count;
}
