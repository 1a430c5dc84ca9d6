#include <unicode/unumberformatter.h>
#include "CICU.h"

cicu_number *cicu_number_open(const char *locale, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    UNumberFormatter *n = unumf_openForSkeletonAndLocale(u"", 0, locale, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        unumf_close(n);
        return NULL;
    }
    return (cicu_number *)n;
}

void cicu_number_close(cicu_number *n) { unumf_close((UNumberFormatter *)n); }

int32_t cicu_number_format(const cicu_number *n, int64_t value, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    // unumberformatter.h: the formatter "can be shared between threads. Each thread should have its own local
    // UFormattedNumber", so the result object lives only for this call.
    UFormattedNumber *result = unumf_openResult(&code);
    int32_t length = 0;
    if (U_SUCCESS(code)) unumf_formatInt((const UNumberFormatter *)n, value, result, &code);
    if (U_SUCCESS(code)) length = unumf_resultToString(result, (UChar *)dest, capacity, &code);
    unumf_closeResult(result);
    *status = (int32_t)code;
    return length;
}
