#include <unicode/upluralrules.h>
#include "CICU.h"

cicu_plural *cicu_plural_open(const char *locale, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    UPluralRules *p = uplrules_open(locale, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        uplrules_close(p);
        return NULL;
    }
    return (cicu_plural *)p;
}

void cicu_plural_close(cicu_plural *p) { uplrules_close((UPluralRules *)p); }

int32_t cicu_plural_select(const cicu_plural *p, double number, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    int32_t result = uplrules_select((const UPluralRules *)p, number, (UChar *)dest, capacity, &code);
    *status = (int32_t)code;
    return result;
}
