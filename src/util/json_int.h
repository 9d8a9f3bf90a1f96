/* SPDX-License-Identifier: MIT */
/* Inside the library only: the jansson side of the one JSON string writer. */
#ifndef RUNHIP_UTIL_JSON_INT_H
#define RUNHIP_UTIL_JSON_INT_H

#include <jansson.h>
#include <stdbool.h>

#include "runhip/text.h"
#include "runhip/util.h"

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

/* The reasons for a final care or running level as an HTML list, the one
 * list of the web's assessment and today pages and the hand-off report. */
struct rh__reasons_html {
    json_t *doc;            /* the stored result: its "conditions" name groups */
    json_t *why;            /* the level's reasons ("disposition_why", "running_why") */
    const char *level;      /* the final level */
    int max;                /* shown at most (rh__json_level_reasons) */
    json_t *care;           /* the care level's reasons, left out when repeated; NULL none */
    const char *care_level; /* with care */
    bool running;           /* running reasons: each names its own cause */
    bool clinical;          /* the clinician's words, the runner in the third person */
    const char *open;       /* written before the first reason (ends in "<li>") */
    unsigned html_flags;    /* rh_html_escape's flags */
};
/* Writes q's reasons into out as rh__json_level_reasons chooses them: each
 * in plain words with refs' numbers for its sources, reasons in a row about
 * one condition under its name once, q->open before the first and
 * "</li>\n</ul>\n" after the last; nothing when none is shown. *n: their
 * count. 0, or an error code (RH_ENOMEM) with out partly written. */
int rh__json_reasons_html(const struct rh__reasons_html *q, struct rh_refs *refs,
                          struct rh_buf *out, int *n);

#endif
