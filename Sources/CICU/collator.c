#include <unicode/ucol.h>
#include "CICU.h"

cicu_collator *cicu_collator_open(const char *locale, int32_t strength, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    UCollator *c = ucol_open(locale, &code);
    if (U_SUCCESS(code)) {
        UCollationStrength s = strength == 0 ? UCOL_PRIMARY : strength == 1 ? UCOL_SECONDARY : UCOL_TERTIARY;
        // Attributes are set here only: after this the collator is used through const functions alone.
        ucol_setStrength(c, s);
    }
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        ucol_close(c);
        return NULL;
    }
    return (cicu_collator *)c;
}

void cicu_collator_close(cicu_collator *c) { ucol_close((UCollator *)c); }

int32_t cicu_collator_compare(const cicu_collator *c, const uint16_t *a, int32_t a_length, const uint16_t *b,
                              int32_t b_length) {
    UCollationResult r = ucol_strcoll((const UCollator *)c, (const UChar *)a, a_length, (const UChar *)b, b_length);
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

int32_t cicu_collator_sort_key(const cicu_collator *c, const uint16_t *src, int32_t length, uint8_t *dest,
                               int32_t capacity) {
    return ucol_getSortKey((const UCollator *)c, (const UChar *)src, length, dest, capacity);
}
