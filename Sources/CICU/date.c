#include <unicode/udat.h>
#include "CICU.h"

cicu_date *cicu_date_open(const char *locale, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    // A fixed zone keeps the result independent of the machine's TZ; symbols do not depend on it anyway.
    UDateFormat *d = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, locale, u"UTC", -1, NULL, -1, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        udat_close(d);
        return NULL;
    }
    return (cicu_date *)d;
}

void cicu_date_close(cicu_date *d) { udat_close((UDateFormat *)d); }

static UDateFormatSymbolType symbol_type(int32_t kind) {
    switch (kind) {
    case 0: return UDAT_MONTHS;
    case 1: return UDAT_STANDALONE_MONTHS;
    case 2: return UDAT_SHORT_MONTHS;
    case 3: return UDAT_WEEKDAYS;
    default: return UDAT_SHORT_WEEKDAYS;
    }
}

int32_t cicu_date_symbol_count(const cicu_date *d, int32_t kind) {
    return udat_countSymbols((const UDateFormat *)d, symbol_type(kind));
}

int32_t cicu_date_symbol(const cicu_date *d, int32_t kind, int32_t index, uint16_t *dest, int32_t capacity,
                         int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    int32_t result = udat_getSymbols((const UDateFormat *)d, symbol_type(kind), index, (UChar *)dest, capacity,
                                     &code);
    *status = (int32_t)code;
    return result;
}
