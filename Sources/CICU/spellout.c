#include <unicode/unum.h>
#include "CICU.h"

cicu_spellout *cicu_spellout_open(const char *locale, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &code);
    if (U_SUCCESS(code)) unum_setAttribute(f, UNUM_LENIENT_PARSE, 1);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        unum_close(f);
        return NULL;
    }
    return (cicu_spellout *)f;
}

void cicu_spellout_close(cicu_spellout *s) { unum_close((UNumberFormat *)s); }

int64_t cicu_spellout_parse(const cicu_spellout *s, const uint16_t *text, int32_t length, int32_t *end,
                            int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    int32_t position = 0;
    int64_t value = unum_parseInt64((const UNumberFormat *)s, (const UChar *)text, length, &position, &code);
    *end = U_SUCCESS(code) ? position : 0;
    *status = (int32_t)code;
    return value;
}

int32_t cicu_spellout_format(cicu_spellout *s, int64_t value, const uint16_t *rule_set, int32_t rule_set_length,
                             uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    UNumberFormat *f = (UNumberFormat *)s;
    UChar saved[128];
    int32_t saved_length = 0;
    if (rule_set) {
        saved_length = unum_getTextAttribute(f, UNUM_DEFAULT_RULESET, saved, 128, &code);
        if (U_SUCCESS(code)) unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, (const UChar *)rule_set,
                                                   rule_set_length, &code);
    }
    int32_t result = 0;
    if (U_SUCCESS(code)) result = unum_formatInt64(f, value, (UChar *)dest, capacity, NULL, &code);
    if (rule_set && saved_length > 0 && saved_length < 128) {
        UErrorCode ignored = U_ZERO_ERROR;
        unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, saved, saved_length, &ignored);
    }
    *status = (int32_t)code;
    return result;
}

int32_t cicu_spellout_rule_sets(const cicu_spellout *s, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    int32_t result = unum_getTextAttribute((const UNumberFormat *)s, UNUM_PUBLIC_RULESETS, (UChar *)dest, capacity,
                                           &code);
    *status = (int32_t)code;
    return result;
}
