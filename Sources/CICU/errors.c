#include <unicode/utypes.h>
#include "CICU.h"

const char *cicu_error_name(int32_t code) { return u_errorName((UErrorCode)code); }
