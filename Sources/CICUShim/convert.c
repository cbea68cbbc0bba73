/*
 * Charset conversion. A UConverter carries conversion state, so every use takes the handle's
 * mutex. Both callbacks are STOP: an unmappable or illegal sequence is an error, never a
 * substitution character.
 */
#include "CICUShim.h"

#include <pthread.h>
#include <stdlib.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

struct wfx_converter {
    UConverter *cnv;
    pthread_mutex_t lock;
};

wfx_converter *wfx_converter_open(const char *name, int32_t *status) {
    if (name[0] == '\0') { /* ucnv_open("") would silently open the platform default. */
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(name, &st);
    if (U_SUCCESS(st)) ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    if (U_SUCCESS(st)) ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    if (U_FAILURE(st)) {
        if (cnv != NULL) ucnv_close(cnv);
        *status = st;
        return NULL;
    }
    wfx_converter *handle = malloc(sizeof *handle);
    if (handle == NULL) {
        ucnv_close(cnv);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    handle->cnv = cnv;
    if (pthread_mutex_init(&handle->lock, NULL) != 0) {
        ucnv_close(cnv);
        free(handle);
        *status = U_INTERNAL_PROGRAM_ERROR;
        return NULL;
    }
    *status = st; /* may carry U_AMBIGUOUS_ALIAS_WARNING */
    return handle;
}

void wfx_converter_close(wfx_converter *converter) {
    if (converter == NULL) return;
    ucnv_close(converter->cnv);
    pthread_mutex_destroy(&converter->lock);
    free(converter);
}

const char *wfx_converter_name(const wfx_converter *converter) {
    UErrorCode st = U_ZERO_ERROR;
    const char *name = ucnv_getName(converter->cnv, &st);
    return (U_SUCCESS(st) && name != NULL) ? name : "";
}

int32_t wfx_converter_max_char_size(const wfx_converter *converter) {
    return (int32_t)ucnv_getMaxCharSize(converter->cnv);
}

static int is_conversion_error(UErrorCode st) {
    return st == U_INVALID_CHAR_FOUND || st == U_ILLEGAL_CHAR_FOUND || st == U_TRUNCATED_CHAR_FOUND;
}

/* Re-runs decoding in chunks to find the byte offset of the first offending sequence. */
static int32_t decode_error_offset(UConverter *cnv, const uint8_t *src, int32_t src_length) {
    UChar chunk[256];
    const char *source = (const char *)src;
    const char *source_limit = source + src_length;
    ucnv_resetToUnicode(cnv);
    for (;;) {
        UErrorCode st = U_ZERO_ERROR;
        UChar *target = chunk;
        ucnv_toUnicode(cnv, &target, chunk + 256, &source, source_limit, NULL, 1, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) continue;
        int32_t offset = -1;
        if (U_FAILURE(st)) {
            char invalid[32];
            int8_t invalid_length = (int8_t)sizeof invalid;
            UErrorCode st2 = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv, invalid, &invalid_length, &st2);
            offset = (int32_t)(source - (const char *)src);
            if (U_SUCCESS(st2)) offset -= invalid_length;
            if (offset < 0) offset = 0;
        }
        ucnv_resetToUnicode(cnv);
        return offset;
    }
}

/* Re-runs encoding in chunks to find the UTF-16 offset of the first unmappable character. */
static int32_t encode_error_offset(UConverter *cnv, const uint16_t *src, int32_t src_length) {
    char chunk[256];
    const UChar *source = (const UChar *)src;
    const UChar *source_limit = source + src_length;
    ucnv_resetFromUnicode(cnv);
    for (;;) {
        UErrorCode st = U_ZERO_ERROR;
        char *target = chunk;
        ucnv_fromUnicode(cnv, &target, chunk + 256, &source, source_limit, NULL, 1, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) continue;
        int32_t offset = -1;
        if (U_FAILURE(st)) {
            UChar invalid[32];
            int8_t invalid_length = (int8_t)(sizeof invalid / sizeof invalid[0]);
            UErrorCode st2 = U_ZERO_ERROR;
            ucnv_getInvalidUChars(cnv, invalid, &invalid_length, &st2);
            offset = (int32_t)(source - (const UChar *)src);
            if (U_SUCCESS(st2)) offset -= invalid_length;
            if (offset < 0) offset = 0;
        }
        ucnv_resetFromUnicode(cnv);
        return offset;
    }
}

int32_t wfx_converter_decode(wfx_converter *converter, const uint8_t *src, int32_t src_length,
                             uint16_t *dest, int32_t capacity, int32_t *error_offset,
                             int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    *error_offset = -1;
    pthread_mutex_lock(&converter->lock);
    /* ucnv_toUChars resets the converter first and flushes at the end. */
    int32_t length = ucnv_toUChars(converter->cnv, (UChar *)dest, capacity,
                                   (const char *)src, src_length, &st);
    if (is_conversion_error(st)) *error_offset = decode_error_offset(converter->cnv, src, src_length);
    pthread_mutex_unlock(&converter->lock);
    *status = st;
    return length;
}

void wfx_converter_decode_each_byte(wfx_converter *converter, uint16_t *dest, int32_t units_per_byte,
                                    int32_t *lengths, int32_t *status) {
    *status = U_ZERO_ERROR;
    pthread_mutex_lock(&converter->lock);
    for (int32_t byte = 0; byte < 256; byte++) {
        UErrorCode st = U_ZERO_ERROR;
        const char source = (char)(uint8_t)byte;
        /* ucnv_toUChars resets the converter first and flushes at the end. */
        int32_t length = ucnv_toUChars(converter->cnv, (UChar *)(dest + byte * units_per_byte), units_per_byte,
                                       &source, 1, &st);
        if (is_conversion_error(st)) {
            lengths[byte] = -1;
        } else if (st == U_BUFFER_OVERFLOW_ERROR) {
            lengths[byte] = -2;
        } else if (U_FAILURE(st)) {
            *status = st;
            break;
        } else {
            lengths[byte] = length;
        }
    }
    pthread_mutex_unlock(&converter->lock);
}

int32_t wfx_converter_encode(wfx_converter *converter, const uint16_t *src, int32_t src_length,
                             uint8_t *dest, int32_t capacity, int32_t *error_offset,
                             int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    *error_offset = -1;
    pthread_mutex_lock(&converter->lock);
    int32_t length = ucnv_fromUChars(converter->cnv, (char *)dest, capacity,
                                     (const UChar *)src, src_length, &st);
    if (is_conversion_error(st)) *error_offset = encode_error_offset(converter->cnv, src, src_length);
    pthread_mutex_unlock(&converter->lock);
    *status = st;
    return length;
}
