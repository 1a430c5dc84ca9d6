#include <unicode/unorm2.h>
#include "CICU.h"

// unorm2_get*Instance returns ICU-owned singletons: "Do not delete the returned UNormalizer2 instance."
static const UNormalizer2 *instance(int32_t form, UErrorCode *status) {
    switch (form) {
    case 0: return unorm2_getNFCInstance(status);
    case 1: return unorm2_getNFDInstance(status);
    case 2: return unorm2_getNFKCInstance(status);
    case 3: return unorm2_getNFKCCasefoldInstance(status);
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t cicu_normalizer_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest,
                                  int32_t capacity, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    const UNormalizer2 *n = instance(form, &code);
    int32_t result = 0;
    if (U_SUCCESS(code)) result = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &code);
    *status = (int32_t)code;
    return result;
}

int32_t cicu_normalizer_is_normalized(int32_t form, const uint16_t *src, int32_t length, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    const UNormalizer2 *n = instance(form, &code);
    UBool result = 0;
    if (U_SUCCESS(code)) result = unorm2_isNormalized(n, (const UChar *)src, length, &code);
    *status = (int32_t)code;
    return result ? 1 : 0;
}
