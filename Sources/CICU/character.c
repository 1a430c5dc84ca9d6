#include <unicode/uchar.h>
#include "CICU.h"

int32_t cicu_char_east_asian_columns(int32_t c) {
    int32_t w = u_getIntPropertyValue((UChar32)c, UCHAR_EAST_ASIAN_WIDTH);
    return (w == U_EA_WIDE || w == U_EA_FULLWIDTH) ? 2 : 1;
}

int32_t cicu_char_category(int32_t c) { return (int32_t)u_charType((UChar32)c); }

int32_t cicu_char_is_default_ignorable(int32_t c) {
    return u_hasBinaryProperty((UChar32)c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ? 1 : 0;
}

int32_t cicu_char_is_emoji_presentation(int32_t c) {
    return u_hasBinaryProperty((UChar32)c, UCHAR_EMOJI_PRESENTATION) ? 1 : 0;
}
