/* Full, locale-sensitive case mapping. */
#include "CICUShim.h"

#include <unicode/ustring.h>

int32_t wfx_case_map(wfx_case_kind kind, const char *locale,
                     const uint16_t *src, int32_t src_length,
                     uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t length = 0;
    switch (kind) {
    case WFX_CASE_LOWER:
        length = u_strToLower((UChar *)dest, capacity, (const UChar *)src, src_length, locale, &st);
        break;
    case WFX_CASE_UPPER:
        length = u_strToUpper((UChar *)dest, capacity, (const UChar *)src, src_length, locale, &st);
        break;
    case WFX_CASE_TITLE:
        /* NULL break iterator: ICU opens a word break iterator for the locale. */
        length = u_strToTitle((UChar *)dest, capacity, (const UChar *)src, src_length, NULL, locale, &st);
        break;
    default:
        st = U_ILLEGAL_ARGUMENT_ERROR;
        break;
    }
    *status = st;
    return length;
}
