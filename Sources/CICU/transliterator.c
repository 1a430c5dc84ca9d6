#include <string.h>
#include <unicode/utrans.h>
#include "CICU.h"

cicu_transliterator *cicu_transliterator_open(const uint16_t *id, int32_t id_length, const uint16_t *rules,
                                              int32_t rules_length, int32_t *parse_line, int32_t *parse_offset,
                                              int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    UParseError parse_error;
    memset(&parse_error, 0, sizeof parse_error);
    UTransliterator *t = utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD, (const UChar *)rules,
                                      rules ? rules_length : 0, &parse_error, &code);
    if (parse_line) *parse_line = parse_error.line;
    if (parse_offset) *parse_offset = parse_error.offset;
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        utrans_close(t);
        return NULL;
    }
    return (cicu_transliterator *)t;
}

cicu_transliterator *cicu_transliterator_clone(const cicu_transliterator *t, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    UTransliterator *clone = utrans_clone((const UTransliterator *)t, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        utrans_close(clone);
        return NULL;
    }
    return (cicu_transliterator *)clone;
}

void cicu_transliterator_close(cicu_transliterator *t) { utrans_close((UTransliterator *)t); }

int32_t cicu_transliterator_transliterate(const cicu_transliterator *t, const uint16_t *src, int32_t length,
                                          uint16_t *dest, int32_t capacity, int32_t *status) {
    if (U_FAILURE((UErrorCode)*status)) return 0;
    if (length > capacity) {
        // Transliteration works in place, so the source must fit before ICU can say how much room it needs.
        *status = U_BUFFER_OVERFLOW_ERROR;
        return length;
    }
    memcpy(dest, src, (size_t)length * sizeof(uint16_t));
    UErrorCode code = U_ZERO_ERROR;
    int32_t text_length = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)t, (UChar *)dest, &text_length, capacity, 0, &limit, &code);
    // The in-place API reports a result longer than the buffer as truncation, or as overflow.
    if (code == U_STRING_NOT_TERMINATED_WARNING) code = U_ZERO_ERROR;
    if (U_SUCCESS(code) && text_length > capacity) code = U_BUFFER_OVERFLOW_ERROR;
    *status = (int32_t)code;
    return text_length;
}
