/* Locale data: the ISO 3166-1 region codes ICU knows. */
#include "CICUShim.h"

#include <unicode/uloc.h>

const char *const *wfx_iso_countries(void) {
    /* A NULL-terminated array in ICU's static storage; never NULL. */
    return uloc_getISOCountries();
}
