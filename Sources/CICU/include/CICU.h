// CICU: the only code that sees ICU's headers. This header uses plain C types only, so Swift modules that
// import Foundation (which bundles its own ICU headers) can still import the Swift wrapper above it.
//
// Conventions: functions are named cicu_<service>_<verb>; every fallible function takes `int32_t *status`
// carrying the raw UErrorCode (initialise it to 0; negative values are warnings, positive ones errors).
// Functions that write UTF-16 into `dest` return the length ICU needs; when it exceeds `capacity` the status is
// U_BUFFER_OVERFLOW_ERROR (15) and the caller retries once with that size.
#ifndef CICU_H
#define CICU_H
#include <stdint.h>

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if !__has_feature(nullability)
#define _Nonnull
#define _Nullable
#endif

// MARK: errors

/// The name of an ICU error code ("U_ILLEGAL_ARGUMENT_ERROR").
const char *_Nonnull cicu_error_name(int32_t code);

// MARK: normalizer (unorm2; instances belong to ICU and are never closed)

/// Which ICU-owned normalizer to use: 0 NFC, 1 NFD, 2 NFKC, 3 NFKC_Casefold.
int32_t cicu_normalizer_normalize(int32_t form, const uint16_t *_Nonnull src, int32_t length,
                                  uint16_t *_Nullable dest, int32_t capacity, int32_t *_Nonnull status);
/// 1 when `src` is already in the form, else 0.
int32_t cicu_normalizer_is_normalized(int32_t form, const uint16_t *_Nonnull src, int32_t length,
                                      int32_t *_Nonnull status);

// MARK: transliterator (utrans; stateful, one per thread)

typedef struct cicu_transliterator cicu_transliterator;
/// Opens a system transform (`rules` NULL) or compiles `rules` under the name `id`.
/// On a rule syntax error `parse_line` / `parse_offset` (may be NULL) receive the position.
cicu_transliterator *_Nullable cicu_transliterator_open(const uint16_t *_Nonnull id, int32_t id_length,
                                                        const uint16_t *_Nullable rules, int32_t rules_length,
                                                        int32_t *_Nullable parse_line,
                                                        int32_t *_Nullable parse_offset,
                                                        int32_t *_Nonnull status);
cicu_transliterator *_Nullable cicu_transliterator_clone(const cicu_transliterator *_Nonnull t,
                                                         int32_t *_Nonnull status);
void cicu_transliterator_close(cicu_transliterator *_Nullable t);
/// Copies `src` into `dest` and transforms it there.
int32_t cicu_transliterator_transliterate(const cicu_transliterator *_Nonnull t, const uint16_t *_Nonnull src,
                                          int32_t length, uint16_t *_Nonnull dest, int32_t capacity,
                                          int32_t *_Nonnull status);

// MARK: spoof checker (uspoof; const checks are thread-safe)

typedef struct cicu_spoof cicu_spoof;
cicu_spoof *_Nullable cicu_spoof_open(int32_t *_Nonnull status);
void cicu_spoof_close(cicu_spoof *_Nullable s);
int32_t cicu_spoof_skeleton(const cicu_spoof *_Nonnull s, const uint16_t *_Nonnull src, int32_t length,
                            uint16_t *_Nullable dest, int32_t capacity, int32_t *_Nonnull status);
/// Nonzero (a USpoofChecks bit set) when the two strings are confusable.
int32_t cicu_spoof_are_confusable(const cicu_spoof *_Nonnull s, const uint16_t *_Nonnull a, int32_t a_length,
                                  const uint16_t *_Nonnull b, int32_t b_length, int32_t *_Nonnull status);

// MARK: collator (ucol; const functions are thread-safe)

typedef struct cicu_collator cicu_collator;
/// `strength`: 0 primary, 1 secondary, 2 tertiary.
cicu_collator *_Nullable cicu_collator_open(const char *_Nonnull locale, int32_t strength,
                                            int32_t *_Nonnull status);
void cicu_collator_close(cicu_collator *_Nullable c);
/// -1, 0 or 1.
int32_t cicu_collator_compare(const cicu_collator *_Nonnull c, const uint16_t *_Nonnull a, int32_t a_length,
                              const uint16_t *_Nonnull b, int32_t b_length);
/// The sort key length including its terminating zero byte; when larger than `capacity`, call again.
int32_t cicu_collator_sort_key(const cicu_collator *_Nonnull c, const uint16_t *_Nonnull src, int32_t length,
                               uint8_t *_Nullable dest, int32_t capacity);

// MARK: break iterator (ubrk; stateful, one per thread)

typedef struct cicu_break cicu_break;
/// `kind`: 0 character, 1 word, 3 sentence (UBreakIteratorType).
cicu_break *_Nullable cicu_break_open(int32_t kind, const char *_Nonnull locale, int32_t *_Nonnull status);
void cicu_break_close(cicu_break *_Nullable b);
/// Fills `boundaries` with the UTF-16 offsets of all boundaries of `text` (starting with 0) and `statuses` with
/// the rule status of the segment that ends at each boundary (index 0 unused). Returns the count; when it exceeds
/// `capacity`, status is U_BUFFER_OVERFLOW_ERROR. The text is detached before returning.
int32_t cicu_break_boundaries(cicu_break *_Nonnull b, const uint16_t *_Nonnull text, int32_t length,
                              int32_t *_Nonnull boundaries, int32_t *_Nonnull statuses, int32_t capacity,
                              int32_t *_Nonnull status);

// MARK: spellout (legacy unum RBNF; stateful, one per thread)

typedef struct cicu_spellout cicu_spellout;
/// Opens a spellout formatter with lenient parsing on.
cicu_spellout *_Nullable cicu_spellout_open(const char *_Nonnull locale, int32_t *_Nonnull status);
void cicu_spellout_close(cicu_spellout *_Nullable s);
/// Parses from the start of `text`; `*end` receives the UTF-16 offset where parsing stopped (0: nothing parsed).
int64_t cicu_spellout_parse(const cicu_spellout *_Nonnull s, const uint16_t *_Nonnull text, int32_t length,
                            int32_t *_Nonnull end, int32_t *_Nonnull status);
/// Formats `value` with the named rule set (NULL: the default).
int32_t cicu_spellout_format(cicu_spellout *_Nonnull s, int64_t value, const uint16_t *_Nullable rule_set,
                             int32_t rule_set_length, uint16_t *_Nullable dest, int32_t capacity,
                             int32_t *_Nonnull status);
/// The public rule set names, separated by ';'.
int32_t cicu_spellout_rule_sets(const cicu_spellout *_Nonnull s, uint16_t *_Nullable dest, int32_t capacity,
                                int32_t *_Nonnull status);

// MARK: plural rules (upluralrules; uplrules_select is const)

typedef struct cicu_plural cicu_plural;
cicu_plural *_Nullable cicu_plural_open(const char *_Nonnull locale, int32_t *_Nonnull status);
void cicu_plural_close(cicu_plural *_Nullable p);
int32_t cicu_plural_select(const cicu_plural *_Nonnull p, double number, uint16_t *_Nullable dest,
                           int32_t capacity, int32_t *_Nonnull status);

// MARK: number formatter (unumf; thread-safe, a result object per call)

typedef struct cicu_number cicu_number;
cicu_number *_Nullable cicu_number_open(const char *_Nonnull locale, int32_t *_Nonnull status);
void cicu_number_close(cicu_number *_Nullable n);
int32_t cicu_number_format(const cicu_number *_Nonnull n, int64_t value, uint16_t *_Nullable dest,
                           int32_t capacity, int32_t *_Nonnull status);

// MARK: date symbols (udat)

typedef struct cicu_date cicu_date;
cicu_date *_Nullable cicu_date_open(const char *_Nonnull locale, int32_t *_Nonnull status);
void cicu_date_close(cicu_date *_Nullable d);
/// `kind`: 0 wide format months, 1 wide standalone months, 2 abbreviated format months, 3 wide format weekdays,
/// 4 abbreviated format weekdays. Weekday indexes follow ICU: 1 Sunday ... 7 Saturday (index 0 is empty).
int32_t cicu_date_symbol_count(const cicu_date *_Nonnull d, int32_t kind);
int32_t cicu_date_symbol(const cicu_date *_Nonnull d, int32_t kind, int32_t index, uint16_t *_Nullable dest,
                         int32_t capacity, int32_t *_Nonnull status);

// MARK: character properties

/// 2 for East Asian Wide or Fullwidth code points, else 1.
int32_t cicu_char_east_asian_columns(int32_t c);
/// The UCharCategory (general category) of a code point.
int32_t cicu_char_category(int32_t c);
/// 1 when the code point is Default_Ignorable_Code_Point.
int32_t cicu_char_is_default_ignorable(int32_t c);
/// 1 when the code point has Emoji_Presentation.
int32_t cicu_char_is_emoji_presentation(int32_t c);

#endif
