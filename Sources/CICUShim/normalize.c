/* Normalization through ICU's shared, immutable UNormalizer2 singletons (thread-safe). */
#include "CICUShim.h"

#include <unicode/unorm2.h>

static const UNormalizer2 *instance(wfx_norm_form form, UErrorCode *status) {
    switch (form) {
    case WFX_NORM_NFC: return unorm2_getNFCInstance(status);
    case WFX_NORM_NFD: return unorm2_getNFDInstance(status);
    case WFX_NORM_NFKC: return unorm2_getNFKCInstance(status);
    case WFX_NORM_NFKC_CASEFOLD: return unorm2_getInstance(NULL, "nfkc_cf", UNORM2_COMPOSE, status);
    }
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
}

int32_t wfx_normalize(wfx_norm_form form, const uint16_t *src, int32_t src_length,
                      uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *norm = instance(form, &st);
    int32_t length = 0;
    if (U_SUCCESS(st)) {
        length = unorm2_normalize(norm, (const UChar *)src, src_length, (UChar *)dest, capacity, &st);
    }
    *status = st;
    return length;
}

int32_t wfx_is_normalized(wfx_norm_form form, const uint16_t *src, int32_t src_length,
                          int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *norm = instance(form, &st);
    UBool result = 0;
    if (U_SUCCESS(st)) {
        result = unorm2_isNormalized(norm, (const UChar *)src, src_length, &st);
    }
    *status = st;
    return result ? 1 : 0;
}

int32_t wfx_quick_check(wfx_norm_form form, const uint16_t *src, int32_t src_length,
                        int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *norm = instance(form, &st);
    UNormalizationCheckResult result = UNORM_NO;
    if (U_SUCCESS(st)) {
        result = unorm2_quickCheck(norm, (const UChar *)src, src_length, &st);
    }
    *status = st;
    return (int32_t)result;
}
