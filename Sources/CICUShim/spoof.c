/*
 * Spoof checking (UTS 39) and script lookup.
 *
 * Thread safety: the USpoofChecker is configured only in wfx_spoof_open. Afterwards it is used
 * exclusively through ICU functions taking `const USpoofChecker *` (uspoof_check2,
 * uspoof_areConfusable, uspoof_getSkeleton), which ICU documents as safe to call concurrently on
 * one instance. Each check opens and closes its own USpoofCheckResult.
 */
#include "CICUShim.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>

_Static_assert(WFX_SPOOF_RESTRICTION_LEVEL == USPOOF_RESTRICTION_LEVEL, "spoof bit mismatch");
_Static_assert(WFX_SPOOF_INVISIBLE == USPOOF_INVISIBLE, "spoof bit mismatch");
_Static_assert(WFX_SPOOF_MIXED_NUMBERS == USPOOF_MIXED_NUMBERS, "spoof bit mismatch");
_Static_assert(WFX_SPOOF_HIDDEN_OVERLAY == USPOOF_HIDDEN_OVERLAY, "spoof bit mismatch");
_Static_assert(WFX_SPOOF_SINGLE_SCRIPT_CONFUSABLE == USPOOF_SINGLE_SCRIPT_CONFUSABLE, "spoof bit mismatch");
_Static_assert(WFX_SPOOF_MIXED_SCRIPT_CONFUSABLE == USPOOF_MIXED_SCRIPT_CONFUSABLE, "spoof bit mismatch");
_Static_assert(WFX_SPOOF_WHOLE_SCRIPT_CONFUSABLE == USPOOF_WHOLE_SCRIPT_CONFUSABLE, "spoof bit mismatch");
_Static_assert(WFX_LEVEL_ASCII == USPOOF_ASCII, "restriction level mismatch");
_Static_assert(WFX_LEVEL_SINGLE_SCRIPT_RESTRICTIVE == USPOOF_SINGLE_SCRIPT_RESTRICTIVE, "restriction level mismatch");
_Static_assert(WFX_LEVEL_HIGHLY_RESTRICTIVE == USPOOF_HIGHLY_RESTRICTIVE, "restriction level mismatch");
_Static_assert(WFX_LEVEL_MODERATELY_RESTRICTIVE == USPOOF_MODERATELY_RESTRICTIVE, "restriction level mismatch");
_Static_assert(WFX_LEVEL_MINIMALLY_RESTRICTIVE == USPOOF_MINIMALLY_RESTRICTIVE, "restriction level mismatch");
_Static_assert(WFX_LEVEL_UNRESTRICTIVE == USPOOF_UNRESTRICTIVE, "restriction level mismatch");

struct wfx_spoof {
    USpoofChecker *checker;
};

wfx_spoof *wfx_spoof_open(int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    USpoofChecker *checker = uspoof_open(&st);
    if (U_SUCCESS(st)) {
        uspoof_setChecks(checker,
                         USPOOF_CONFUSABLE | USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE |
                             USPOOF_MIXED_NUMBERS | USPOOF_HIDDEN_OVERLAY | USPOOF_AUX_INFO,
                         &st);
    }
    if (U_SUCCESS(st)) uspoof_setRestrictionLevel(checker, USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(st)) {
        if (checker != NULL) uspoof_close(checker);
        *status = st;
        return NULL;
    }
    wfx_spoof *handle = malloc(sizeof *handle);
    if (handle == NULL) {
        uspoof_close(checker);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    handle->checker = checker;
    *status = st;
    return handle;
}

void wfx_spoof_close(wfx_spoof *spoof) {
    if (spoof == NULL) return;
    uspoof_close(spoof->checker);
    free(spoof);
}

int32_t wfx_spoof_check(const wfx_spoof *spoof, const uint16_t *text, int32_t text_length,
                        int32_t *restriction_level, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    *restriction_level = 0;
    USpoofCheckResult *result = uspoof_openCheckResult(&st);
    int32_t bits = 0;
    if (U_SUCCESS(st)) {
        bits = uspoof_check2(spoof->checker, (const UChar *)text, text_length, result, &st);
    }
    if (U_SUCCESS(st)) {
        *restriction_level = (int32_t)uspoof_getCheckResultRestrictionLevel(result, &st);
    }
    if (result != NULL) uspoof_closeCheckResult(result);
    *status = st;
    return U_SUCCESS(st) ? (bits & USPOOF_ALL_CHECKS) : 0;
}

int32_t wfx_spoof_confusable(const wfx_spoof *spoof, const uint16_t *a, int32_t a_length,
                             const uint16_t *b, int32_t b_length, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t bits = uspoof_areConfusable(spoof->checker, (const UChar *)a, a_length,
                                        (const UChar *)b, b_length, &st);
    *status = st;
    return U_SUCCESS(st) ? (bits & USPOOF_CONFUSABLE) : 0;
}

int32_t wfx_spoof_skeleton(const wfx_spoof *spoof, const uint16_t *text, int32_t text_length,
                           uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t length = uspoof_getSkeleton(spoof->checker, 0 /* unused since ICU 58 */,
                                        (const UChar *)text, text_length,
                                        (UChar *)dest, capacity, &st);
    *status = st;
    return length;
}

int32_t wfx_contains_default_ignorable(const uint16_t *text, int32_t text_length) {
    int32_t i = 0;
    while (i < text_length) {
        UChar32 c;
        U16_NEXT(text, i, text_length, c);
        if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return 1;
    }
    return 0;
}

const char *wfx_script_short_name(uint32_t code_point, int32_t *is_common_or_inherited,
                                  int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)code_point, &st);
    *status = st;
    if (U_FAILURE(st)) {
        *is_common_or_inherited = 1;
        return NULL;
    }
    *is_common_or_inherited =
        (script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script == USCRIPT_UNKNOWN) ? 1 : 0;
    return uscript_getShortName(script);
}
