// CICU: the only code that sees ICU's headers. This header uses plain C types only, so Swift modules that
// import Foundation (which bundles its own ICU headers) can still import the Swift wrapper above it.
#ifndef CICU_H
#define CICU_H
#include <stdint.h>

/// The name of an ICU error code ("U_ILLEGAL_ARGUMENT_ERROR").
const char *cicu_error_name(int32_t code);

#endif
