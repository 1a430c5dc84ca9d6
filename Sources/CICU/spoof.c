#include <unicode/uspoof.h>
#include "CICU.h"

cicu_spoof *cicu_spoof_open(int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    USpoofChecker *s = uspoof_open(&code);
    if (U_SUCCESS(code)) uspoof_setChecks(s, USPOOF_CONFUSABLE, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        uspoof_close(s);
        return NULL;
    }
    return (cicu_spoof *)s;
}

void cicu_spoof_close(cicu_spoof *s) { uspoof_close((USpoofChecker *)s); }

int32_t cicu_spoof_skeleton(const cicu_spoof *s, const uint16_t *src, int32_t length, uint16_t *dest,
                            int32_t capacity, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    int32_t result = uspoof_getSkeleton((const USpoofChecker *)s, 0, (const UChar *)src, length, (UChar *)dest,
                                        capacity, &code);
    *status = (int32_t)code;
    return result;
}

int32_t cicu_spoof_are_confusable(const cicu_spoof *s, const uint16_t *a, int32_t a_length, const uint16_t *b,
                                  int32_t b_length, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    int32_t result = uspoof_areConfusable((const USpoofChecker *)s, (const UChar *)a, a_length, (const UChar *)b,
                                          b_length, &code);
    *status = (int32_t)code;
    return result;
}
