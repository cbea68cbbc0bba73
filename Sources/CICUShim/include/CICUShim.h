/*
 * CICUShim: the only code in Wirefix that includes ICU's headers (<unicode/...>).
 *
 * This header deliberately includes nothing from ICU. Swift cannot import ICU's headers next to
 * Foundation's private ICU copy (duplicate UErrorCode), and ICU's symbols are version-renamed
 * (utrans_openU is really utrans_openU_72), so Swift calls these plain `wfx_` functions instead.
 *
 * Conventions used by every function below:
 *  - Text is UTF-16, passed as (pointer, length in code units); lengths never include a NUL.
 *  - `status` is an ICU UErrorCode value stored as int32_t. It is an out-parameter: each function
 *    overwrites it. 0 is U_ZERO_ERROR, negative values are warnings, positive values are errors.
 *  - Functions that fill a caller buffer follow ICU's preflighting contract: they return the full
 *    length needed (in code units) and set status to WFX_U_BUFFER_OVERFLOW_ERROR when `capacity`
 *    was too small; the caller retries with a buffer of the returned length.
 *  - Nothing here aborts the process; every failure is reported through `status`.
 */
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status codes (values checked against ICU's UErrorCode in status.c) ---- */

#define WFX_U_ZERO_ERROR 0
#define WFX_U_ILLEGAL_ARGUMENT_ERROR 1
#define WFX_U_INVALID_CHAR_FOUND 10
#define WFX_U_TRUNCATED_CHAR_FOUND 11
#define WFX_U_ILLEGAL_CHAR_FOUND 12
#define WFX_U_BUFFER_OVERFLOW_ERROR 15
#define WFX_U_UNSUPPORTED_ERROR 16

/** ICU's symbolic name for a status code, e.g. "U_INVALID_ID". Never NULL; static storage. */
const char *_Nonnull wfx_error_name(int32_t status);

/** The ISO 3166-1 alpha-2 region codes ICU knows (uloc_getISOCountries), as a NULL-terminated
 *  array of NUL-terminated strings in ICU's static storage. Never NULL. */
const char *_Nullable const *_Nonnull wfx_iso_countries(void);

/** ICU's library version as four components, e.g. {72, 1, 0, 0}. */
void wfx_icu_version(uint8_t *_Nonnull out_four);

/** The Unicode version of ICU's data as four components, e.g. {15, 0, 0, 0}. */
void wfx_unicode_version(uint8_t *_Nonnull out_four);

/* ---- Normalization (normalize.c) ---- */

typedef enum wfx_norm_form {
    WFX_NORM_NFC = 0,
    WFX_NORM_NFD = 1,
    WFX_NORM_NFKC = 2,
    WFX_NORM_NFKC_CASEFOLD = 3
} wfx_norm_form;

/** Normalizes `src` into `dest`; returns the normalized length (preflighting contract). */
int32_t wfx_normalize(wfx_norm_form form,
                      const uint16_t *_Nonnull src, int32_t src_length,
                      uint16_t *_Nonnull dest, int32_t capacity,
                      int32_t *_Nonnull status);

/** 1 when `src` is already in `form`, 0 otherwise (also 0 on error; check status). */
int32_t wfx_is_normalized(wfx_norm_form form,
                          const uint16_t *_Nonnull src, int32_t src_length,
                          int32_t *_Nonnull status);

/** Quick check result: 0 = no, 1 = yes, 2 = maybe (ICU's UNormalizationCheckResult values). */
int32_t wfx_quick_check(wfx_norm_form form,
                        const uint16_t *_Nonnull src, int32_t src_length,
                        int32_t *_Nonnull status);

/* ---- Transliteration (translit.c) ---- */

/** A UTransliterator plus the mutex that serializes every use of it. */
typedef struct wfx_translit wfx_translit;

/** Where rule parsing failed (copied from ICU's UParseError). Contexts are NUL-terminated. */
typedef struct wfx_parse_error {
    int32_t line;
    int32_t offset;
    uint16_t pre_context[16];
    uint16_t post_context[16];
} wfx_parse_error;

/**
 * Opens a forward transliterator. With `rules` NULL, `id` names a system transliterator
 * (e.g. "Any-Latin; Latin-ASCII"); otherwise `rules` are compiled and `id` is only a name.
 * Returns NULL on failure, with status set and `parse_error` filled for rule syntax errors.
 */
wfx_translit *_Nullable wfx_translit_open(const uint16_t *_Nonnull id, int32_t id_length,
                                          const uint16_t *_Nullable rules, int32_t rules_length,
                                          wfx_parse_error *_Nonnull parse_error,
                                          int32_t *_Nonnull status);

void wfx_translit_close(wfx_translit *_Nullable translit);

/**
 * Transliterates `src` into `dest` (thread-safe: takes the handle's lock).
 * Returns the result length (preflighting contract).
 */
int32_t wfx_translit_transliterate(wfx_translit *_Nonnull translit,
                                   const uint16_t *_Nonnull src, int32_t src_length,
                                   uint16_t *_Nonnull dest, int32_t capacity,
                                   int32_t *_Nonnull status);

/* ---- Text boundaries (brk.c) ---- */

typedef enum wfx_break_kind {
    WFX_BREAK_WORD = 0,
    WFX_BREAK_SENTENCE = 1
} wfx_break_kind;

/**
 * Segments `text` and writes [start, end) UTF-16 offset pairs into `bounds` (2 ints per segment).
 * For WFX_BREAK_WORD only segments whose rule status is >= UBRK_WORD_NONE_LIMIT (letters,
 * numbers, kana, ideographs) are kept. Returns the number of segments; when it exceeds
 * `segment_capacity`, status is WFX_U_BUFFER_OVERFLOW_ERROR and only the first ones are written.
 */
int32_t wfx_break_segments(wfx_break_kind kind, const char *_Nonnull locale,
                           const uint16_t *_Nonnull text, int32_t text_length,
                           int32_t *_Nonnull bounds, int32_t segment_capacity,
                           int32_t *_Nonnull status);

/* ---- Case mapping (casemap.c) ---- */

typedef enum wfx_case_kind {
    WFX_CASE_LOWER = 0,
    WFX_CASE_UPPER = 1,
    WFX_CASE_TITLE = 2
} wfx_case_kind;

/** Full, locale-sensitive case mapping (u_strToLower/Upper/Title); preflighting contract. */
int32_t wfx_case_map(wfx_case_kind kind, const char *_Nonnull locale,
                     const uint16_t *_Nonnull src, int32_t src_length,
                     uint16_t *_Nonnull dest, int32_t capacity,
                     int32_t *_Nonnull status);

/* ---- Spoof checking and scripts (spoof.c) ---- */

/** A USpoofChecker. Configured once in wfx_spoof_open, then only used through const ICU calls. */
typedef struct wfx_spoof wfx_spoof;

wfx_spoof *_Nullable wfx_spoof_open(int32_t *_Nonnull status);
void wfx_spoof_close(wfx_spoof *_Nullable spoof);

/** Bits reported by wfx_spoof_check (same values as ICU's USpoofChecks). */
#define WFX_SPOOF_RESTRICTION_LEVEL 16
#define WFX_SPOOF_INVISIBLE 32
#define WFX_SPOOF_MIXED_NUMBERS 128
#define WFX_SPOOF_HIDDEN_OVERLAY 256

/** Restriction levels reported by wfx_spoof_check (same values as ICU's URestrictionLevel). */
#define WFX_LEVEL_ASCII 0x10000000
#define WFX_LEVEL_SINGLE_SCRIPT_RESTRICTIVE 0x20000000
#define WFX_LEVEL_HIGHLY_RESTRICTIVE 0x30000000
#define WFX_LEVEL_MODERATELY_RESTRICTIVE 0x40000000
#define WFX_LEVEL_MINIMALLY_RESTRICTIVE 0x50000000
#define WFX_LEVEL_UNRESTRICTIVE 0x60000000

/**
 * Single-identifier check (uspoof_check2). Returns the failed-check bits (WFX_SPOOF_*) and stores
 * the string's UTS 39 restriction level (WFX_LEVEL_*) in `restriction_level`.
 */
int32_t wfx_spoof_check(const wfx_spoof *_Nonnull spoof,
                        const uint16_t *_Nonnull text, int32_t text_length,
                        int32_t *_Nonnull restriction_level,
                        int32_t *_Nonnull status);

/** Bits reported by wfx_spoof_confusable (same values as ICU's USpoofChecks). */
#define WFX_SPOOF_SINGLE_SCRIPT_CONFUSABLE 1
#define WFX_SPOOF_MIXED_SCRIPT_CONFUSABLE 2
#define WFX_SPOOF_WHOLE_SCRIPT_CONFUSABLE 4

/** Two-string confusability (uspoof_areConfusable): 0 when not confusable, else WFX_SPOOF_*_CONFUSABLE bits. */
int32_t wfx_spoof_confusable(const wfx_spoof *_Nonnull spoof,
                             const uint16_t *_Nonnull a, int32_t a_length,
                             const uint16_t *_Nonnull b, int32_t b_length,
                             int32_t *_Nonnull status);

/** UTS 39 skeleton (uspoof_getSkeleton); preflighting contract. */
int32_t wfx_spoof_skeleton(const wfx_spoof *_Nonnull spoof,
                           const uint16_t *_Nonnull text, int32_t text_length,
                           uint16_t *_Nonnull dest, int32_t capacity,
                           int32_t *_Nonnull status);

/**
 * 1 when `text` contains a Default_Ignorable_Code_Point (zero-width space/joiners, soft hyphen,
 * word joiner, BOM, variation selectors, ...), else 0. Unpaired surrogates are not ignorable.
 */
int32_t wfx_contains_default_ignorable(const uint16_t *_Nonnull text, int32_t text_length);

/**
 * The Script property of a code point as an ISO 15924 short name ("Latn", "Cyrl", "Zyyy" for
 * Common, "Zinh" for Inherited). Sets *is_common_or_inherited to 1 for Common/Inherited/Unknown.
 * Returns NULL on error.
 */
const char *_Nullable wfx_script_short_name(uint32_t code_point,
                                            int32_t *_Nonnull is_common_or_inherited,
                                            int32_t *_Nonnull status);

/* ---- Charset conversion (convert.c) ---- */

/** A UConverter with stop callbacks in both directions, plus the mutex that serializes it. */
typedef struct wfx_converter wfx_converter;

/** Opens a converter by name or alias; both callbacks are set to STOP (no substitution). */
wfx_converter *_Nullable wfx_converter_open(const char *_Nonnull name, int32_t *_Nonnull status);
void wfx_converter_close(wfx_converter *_Nullable converter);

/** ICU's canonical name for the converter (e.g. "ibm-5348_P100-1997"). Static storage. */
const char *_Nonnull wfx_converter_name(const wfx_converter *_Nonnull converter);

/** Maximum bytes per character when encoding (1 for single-byte code pages). */
int32_t wfx_converter_max_char_size(const wfx_converter *_Nonnull converter);

/**
 * Decodes bytes to UTF-16 (preflighting contract). On an unmappable, illegal or truncated byte
 * sequence the status is U_INVALID_CHAR_FOUND / U_ILLEGAL_CHAR_FOUND / U_TRUNCATED_CHAR_FOUND and
 * `error_offset` receives the byte offset where the offending sequence starts (else -1).
 */
int32_t wfx_converter_decode(wfx_converter *_Nonnull converter,
                             const uint8_t *_Nonnull src, int32_t src_length,
                             uint16_t *_Nonnull dest, int32_t capacity,
                             int32_t *_Nonnull error_offset,
                             int32_t *_Nonnull status);

/**
 * Decodes each byte value 0...255 on its own, as `wfx_converter_decode` would one byte: the
 * units for byte b go to dest[b * units_per_byte ...] and lengths[b] receives their number, or
 * -1 when the byte is unmappable, illegal or truncated in the code page, or -2 when it decodes to
 * more than `units_per_byte` units. Any other failure stops the table: its status is returned
 * in `status`. One call for a whole single-byte table (256 calls through Swift cost some
 * 6,000 instructions a byte).
 */
void wfx_converter_decode_each_byte(wfx_converter *_Nonnull converter,
                                    uint16_t *_Nonnull dest, int32_t units_per_byte,
                                    int32_t *_Nonnull lengths,
                                    int32_t *_Nonnull status);

/**
 * Encodes UTF-16 to bytes (preflighting contract, capacity in bytes). On an unmappable character
 * the status is U_INVALID_CHAR_FOUND and `error_offset` receives the UTF-16 offset of the
 * character (else -1).
 */
int32_t wfx_converter_encode(wfx_converter *_Nonnull converter,
                             const uint16_t *_Nonnull src, int32_t src_length,
                             uint8_t *_Nonnull dest, int32_t capacity,
                             int32_t *_Nonnull error_offset,
                             int32_t *_Nonnull status);

#ifdef __cplusplus
}
#endif

#endif /* CICUSHIM_H */
