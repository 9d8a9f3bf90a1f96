/* SPDX-License-Identifier: MIT */
/* Inside the library only: the jansson side of the one JSON string writer. */
#ifndef RUNHIP_UTIL_JSON_INT_H
#define RUNHIP_UTIL_JSON_INT_H

#include <jansson.h>

/* A JSON string of s that is always valid UTF-8 (bytes that are not UTF-8
 * become U+FFFD, as rh_buf_json_str does), json_null() for NULL, or NULL
 * when out of memory. jansson's own json_string() returns NULL for any
 * invalid byte, which callers took for "out of memory". */
json_t *rh__json_text(const char *s);

/* The strings of a JSON array (other members skipped), at most max of them,
 * into out (pointers into arr, borrowed while arr lives); their count. A
 * NULL or non-array arr gives 0. */
int rh__json_strings(json_t *arr, const char **out, int max);
/* Room for the reasons of a stored assessment's disposition_why or
 * running_why read back from JSON (the engine writes RH_ASSESS_MAX_WHY, 8). */
#define RH_JSON_REASONS_MAX 32

/* rh_text_level_reasons (runhip/text.h) on the JSON arrays of a stored
 * assessment or plan: the reasons of `why` shown for the final `level`,
 * without repeats of the care level's reasons `care` (NULL: none), at most
 * max (and RH_JSON_REASONS_MAX), into shown (borrowed from why while it
 * lives); their count. */
int rh__json_level_reasons(json_t *why, const char *level, json_t *care, const char *care_level,
                           const char **shown, int max);

/* Where a shown reason stands among reasons in a row about one condition
 * (rh_text_reason_subject with the names of doc's "conditions"): ALONE (no
 * neighbour about the same condition: said as it is), or FIRST, MIDDLE,
 * LAST of a group said under the condition's name once, each reason then
 * from shown[k] + *skip (its name left out). */
enum rh__reason_place { RH_REASON_ALONE, RH_REASON_FIRST, RH_REASON_MIDDLE, RH_REASON_LAST };
enum rh__reason_place rh__json_reason_place(json_t *doc, const char *const *shown, int n, int k,
                                            size_t *skip);
/* The names of doc's "conditions" (borrowed from doc), at most max; their
 * count: the subjects rh_text_running_reason knows a reason "NAME: ..." by. */
int rh__json_condition_names(json_t *doc, const char **names, int max);

#endif
