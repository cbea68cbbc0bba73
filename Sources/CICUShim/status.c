/* Status names and version information. */
#include "CICUShim.h"

#include <unicode/uchar.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

_Static_assert(WFX_U_ZERO_ERROR == U_ZERO_ERROR, "status mismatch");
_Static_assert(WFX_U_ILLEGAL_ARGUMENT_ERROR == U_ILLEGAL_ARGUMENT_ERROR, "status mismatch");
_Static_assert(WFX_U_INVALID_CHAR_FOUND == U_INVALID_CHAR_FOUND, "status mismatch");
_Static_assert(WFX_U_TRUNCATED_CHAR_FOUND == U_TRUNCATED_CHAR_FOUND, "status mismatch");
_Static_assert(WFX_U_ILLEGAL_CHAR_FOUND == U_ILLEGAL_CHAR_FOUND, "status mismatch");
_Static_assert(WFX_U_BUFFER_OVERFLOW_ERROR == U_BUFFER_OVERFLOW_ERROR, "status mismatch");
_Static_assert(WFX_U_UNSUPPORTED_ERROR == U_UNSUPPORTED_ERROR, "status mismatch");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar must be 16 bits");

const char *wfx_error_name(int32_t status) {
    /* u_errorName returns "[BOGUS UErrorCode]" for unknown values, never NULL. */
    return u_errorName((UErrorCode)status);
}

void wfx_icu_version(uint8_t *out_four) {
    UVersionInfo info;
    u_getVersion(info);
    for (int i = 0; i < 4; i++) out_four[i] = info[i];
}

void wfx_unicode_version(uint8_t *out_four) {
    UVersionInfo info;
    u_getUnicodeVersion(info);
    for (int i = 0; i < 4; i++) out_four[i] = info[i];
}
