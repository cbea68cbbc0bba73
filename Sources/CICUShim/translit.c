/*
 * Transliteration. ICU does not promise that one UTransliterator may be used from several threads
 * at once (compound and Any-* transliterators keep internal caches), so every call takes the
 * handle's mutex.
 */
#include "CICUShim.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utrans.h>

struct wfx_translit {
    UTransliterator *trans;
    pthread_mutex_t lock;
};

wfx_translit *wfx_translit_open(const uint16_t *id, int32_t id_length,
                                const uint16_t *rules, int32_t rules_length,
                                wfx_parse_error *parse_error, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    memset(parse_error, 0, sizeof *parse_error);
    parse_error->line = -1;
    parse_error->offset = -1;

    UTransliterator *trans = utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD,
                                          (const UChar *)rules, rules == NULL ? 0 : rules_length,
                                          &pe, &st);
    if (U_FAILURE(st) || trans == NULL) {
        parse_error->line = pe.line;
        parse_error->offset = pe.offset;
        memcpy(parse_error->pre_context, pe.preContext, sizeof parse_error->pre_context);
        memcpy(parse_error->post_context, pe.postContext, sizeof parse_error->post_context);
        parse_error->pre_context[15] = 0;
        parse_error->post_context[15] = 0;
        if (trans != NULL) utrans_close(trans);
        *status = U_FAILURE(st) ? st : U_INTERNAL_PROGRAM_ERROR;
        return NULL;
    }
    wfx_translit *handle = malloc(sizeof *handle);
    if (handle == NULL) {
        utrans_close(trans);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    handle->trans = trans;
    if (pthread_mutex_init(&handle->lock, NULL) != 0) {
        utrans_close(trans);
        free(handle);
        *status = U_INTERNAL_PROGRAM_ERROR;
        return NULL;
    }
    *status = st; /* may carry a warning */
    return handle;
}

void wfx_translit_close(wfx_translit *translit) {
    if (translit == NULL) return;
    utrans_close(translit->trans);
    pthread_mutex_destroy(&translit->lock);
    free(translit);
}

int32_t wfx_translit_transliterate(wfx_translit *translit,
                                   const uint16_t *src, int32_t src_length,
                                   uint16_t *dest, int32_t capacity, int32_t *status) {
    /* utrans_transUChars works in place, so the input is copied into dest first. When the result
     * does not fit, ICU reports U_BUFFER_OVERFLOW_ERROR with the needed length, and dest holds
     * garbage; the caller retries from the original input with a bigger buffer. */
    if (capacity < src_length) {
        *status = U_BUFFER_OVERFLOW_ERROR;
        return src_length;
    }
    memcpy(dest, src, (size_t)src_length * sizeof(uint16_t));
    UErrorCode st = U_ZERO_ERROR;
    int32_t length = src_length;
    int32_t limit = src_length;
    pthread_mutex_lock(&translit->lock);
    utrans_transUChars(translit->trans, (UChar *)dest, &length, capacity, 0, &limit, &st);
    pthread_mutex_unlock(&translit->lock);
    *status = st;
    return length;
}
