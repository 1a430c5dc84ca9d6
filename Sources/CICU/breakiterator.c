#include <unicode/ubrk.h>
#include "CICU.h"

cicu_break *cicu_break_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode code = (UErrorCode)*status;
    UBreakIterator *b = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        ubrk_close(b);
        return NULL;
    }
    return (cicu_break *)b;
}

void cicu_break_close(cicu_break *b) { ubrk_close((UBreakIterator *)b); }

int32_t cicu_break_boundaries(cicu_break *b, const uint16_t *text, int32_t length, int32_t *boundaries,
                              int32_t *statuses, int32_t capacity, int32_t *status) {
    static const UChar empty[1] = {0};
    UBreakIterator *it = (UBreakIterator *)b;
    UErrorCode code = (UErrorCode)*status;
    ubrk_setText(it, (const UChar *)text, length, &code);
    int32_t count = 0;
    if (U_SUCCESS(code)) {
        for (int32_t p = ubrk_first(it); p != UBRK_DONE; p = ubrk_next(it)) {
            if (count < capacity) {
                boundaries[count] = p;
                statuses[count] = count == 0 ? 0 : ubrk_getRuleStatus(it);
            }
            count++;
        }
        if (count > capacity) code = U_BUFFER_OVERFLOW_ERROR;
    }
    // The iterator keeps a pointer to the text: detach it so no dangling pointer outlives the caller's buffer.
    UErrorCode ignored = U_ZERO_ERROR;
    ubrk_setText(it, empty, 0, &ignored);
    *status = (int32_t)code;
    return count;
}
