/* SPDX-License-Identifier: MIT */
/* jansson strings that are always valid UTF-8 (see json_int.h). */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "runhip/text.h"
#include "runhip/util.h"
#include "util/json_int.h"
#include "util/banned.h"

json_t *rh__json_text(const char *s)
{
    if (!s)
        return json_null();
    size_t n = strlen(s), i = 0;
    uint32_t cp;
    while (i < n) {
        size_t k = rh_utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            break;
        i += k;
    }
    if (i == n)
        return json_stringn(s, n);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int r = 0;
    for (i = 0; i < n && r == 0;) {
        size_t k = rh_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            r = rh_buf_append(&b, "\xEF\xBF\xBD", 3);
            i++;
        } else {
            r = rh_buf_append(&b, s + i, k);
            i += k;
        }
    }
    json_t *j = r ? NULL : json_stringn(b.data, b.len);
    rh_buf_release(&b);
    return j;
}

int rh__json_strings(json_t *arr, const char **out, int max)
{
    int n = 0;
    for (size_t i = 0; json_is_array(arr) && i < json_array_size(arr) && n < max; i++)
        if (json_is_string(json_array_get(arr, i)))
            out[n++] = json_string_value(json_array_get(arr, i));
    return n;
}

int rh__json_level_reasons(json_t *why, const char *level, json_t *care, const char *care_level,
                           const char **shown, int max)
{
    const char *cw[RH_JSON_REASONS_MAX], *wv[RH_JSON_REASONS_MAX];
    int ncw = rh__json_strings(care, cw, RH_JSON_REASONS_MAX);
    int nw = rh__json_strings(why, wv, RH_JSON_REASONS_MAX);
    return rh_text_level_reasons(level, wv, nw, care_level, care ? cw : NULL, ncw, shown,
                                 max < RH_JSON_REASONS_MAX ? max : RH_JSON_REASONS_MAX);
}

/* Whether reasons a and b start with the same condition name, its length
 * in *len (0: a names none). */
static bool same_subject(const char *a, const char *b, const char *const *names, int nn,
                         size_t *len)
{
    *len = rh_text_reason_subject(a, names, nn);
    return *len && b && !strncmp(a, b, *len);
}

int rh__json_condition_names(json_t *doc, const char **names, int max)
{
    int nn = 0;
    json_t *conds = json_object_get(doc, "conditions");
    for (size_t i = 0; i < json_array_size(conds) && nn < max; i++) {
        json_t *name = json_object_get(json_array_get(conds, i), "name");
        if (json_is_string(name))
            names[nn++] = json_string_value(name);
    }
    return nn;
}

enum rh__reason_place rh__json_reason_place(json_t *doc, const char *const *shown, int n, int k,
                                            size_t *skip)
{
    assert(k >= 0 && k < n);
    const char *names[RH_JSON_REASONS_MAX];
    int nn = rh__json_condition_names(doc, names, RH_JSON_REASONS_MAX);
    size_t len;
    bool prev = k > 0 && same_subject(shown[k], shown[k - 1], names, nn, &len);
    bool next = k + 1 < n && same_subject(shown[k], shown[k + 1], names, nn, &len);
    *skip = prev || next ? len : 0;
    return prev && next ? RH_REASON_MIDDLE
           : prev       ? RH_REASON_LAST
           : next       ? RH_REASON_FIRST
                        : RH_REASON_ALONE;
}

/* One reason of q into out: its words (clinical: the referral letter's,
 * then in the third person), escaped. */
static int reason_html(const struct rh__reasons_html *q, const char *why, const char **names,
                       int nn, struct rh_refs *refs, struct rh_buf *out)
{
    struct rh_buf t, p;
    rh_buf_init(&t, 0);
    rh_buf_init(&p, 0);
    int r = q->running ? rh_text_running_reason(q->level, why, names, nn, q->clinical, refs, &t)
            : q->clinical ? rh_text_reason_clinical(why, refs, &t)
                          : rh_text_reason(why, refs, &t);
    const char *said = t.data ? t.data : "";
    if (!r && q->clinical) {
        r = rh_text_person(rh_words("text", "third_person.clinical"), said, &p);
        said = p.data ? p.data : "";
    }
    if (!r)
        r = rh_html_escape(out, said, q->html_flags);
    rh_buf_release(&p);
    rh_buf_release(&t);
    return r;
}

int rh__json_reasons_html(const struct rh__reasons_html *q, struct rh_refs *refs,
                          struct rh_buf *out, int *n)
{
    const char *shown[RH_JSON_REASONS_MAX];
    *n = rh__json_level_reasons(q->why, q->level, q->care, q->care_level, shown, q->max);
    const char *names[RH_JSON_REASONS_MAX];
    int nn = rh__json_condition_names(q->doc, names, RH_JSON_REASONS_MAX);
    int r = 0;
    for (int k = 0; k < *n && !r; k++) {
        /* reasons in a row about one condition: its name once, over them;
         * a running reason names its own cause (rh_text_running_reason) */
        size_t skip = 0;
        enum rh__reason_place at =
            q->running ? RH_REASON_ALONE : rh__json_reason_place(q->doc, shown, *n, k, &skip);
        r = rh_buf_puts(out, k ? "</li>\n<li>" : q->open);
        if (!r && at == RH_REASON_FIRST) {
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)(skip - 2), shown[k]);
            r = rh_html_escape(out, name, q->html_flags);
            if (!r)
                r = rh_buf_puts(out, ":\n<ul>\n<li>");
        }
        if (!r)
            r = reason_html(q, shown[k] + skip, names, nn, refs, out);
        if (!r && at == RH_REASON_LAST)
            r = rh_buf_puts(out, "</li>\n</ul>");
    }
    if (!r && *n)
        r = rh_buf_puts(out, "</li>\n</ul>\n");
    return r;
}
