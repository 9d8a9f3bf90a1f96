/* SPDX-License-Identifier: MIT */
/* GET /profile: the runner's profile as a form made from the library's key
 * table (rh_profile_keys: time zone, sex, birth year, resting and maximum
 * heart rate). POST: every value checked with rh_profile_check first, then
 * stored with rh_store_profile_set in one transaction, as `runhip profile
 * set` does; a bad value is named and nothing is stored. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "runhip/load.h"
#include "server/server_int.h"
#include "util/banned.h"

/* words21b: the page's own words, data/wording.txt [web_profile], a closed
 * set of printf formats without markup checked when the server first loads
 * its rules (page_profile_words_check); the fields' names are the
 * library's (rh_profile_keys). */
static const struct rh_words_format profile_words[] = {
    {"title", ""}, {"too_long", "s"}, {"not_saved", ""}, {"saved", ""}, {"intro", ""},
    {"save", ""},
};

int page_profile_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_profile", profile_words,
                                       sizeof profile_words / sizeof *profile_words, err);
}

#define W(key) web_words("web_profile", (key))

int page_profile(struct ctx *c)
{
    size_t n;
    const struct rh_profile_key *k = rh_profile_keys(&n);
    struct rh_err err;
    rh_err_clear(&err);
    page_begin(c, W("title"));
    if (c->post) {
        char v[128];
        int r = 0;
        for (size_t i = 0; i < n && !r; i++) {
            if (!ffield(c, k[i].key, v, sizeof v))
                r = rh_err_set(&err, RH_ESYNTAX, W("too_long"), k[i].what);
            else if (v[0])
                r = rh_profile_check_on(k[i].key, v, c->today, &err);
        }
        if (!r)
            r = rh_store_begin(c->s, &err);
        for (size_t i = 0; i < n && !r; i++) {
            ffield(c, k[i].key, v, sizeof v);
            r = rh_store_profile_set(c->s, k[i].key, v[0] ? v : NULL, &err);
            if (r)
                rh_store_rollback(c->s);
        }
        if (!r)
            r = rh_store_commit(c->s, &err);
        if (r) {
            c->res->status = 400;
            pf(c, "<p class=\"error\" role=\"alert\">%s ", W("not_saved"));
            esc(c, err.msg);
            put(c, "</p>\n");
        } else {
            flash_begin(c);
            pf(c, "<p class=\"ok\" role=\"status\">%s</p>\n", W("saved"));
            flash_end(c);
        }
    }
    pf(c, "<form method=\"post\" action=\"/profile\">\n<p>%s</p>\n", W("intro"));
    csrf_field(c);
    /* the heart rates the training load uses when a field is empty (the
     * CLI's `profile` shows the same words) */
    struct rh_load_hr_in_use hr;
    bool hr_ok = rh_load_hr_in_use(c->s, c->today, &hr, &err) == 0;
    /* sex and birth year left empty: the latest assessment's answers, said
     * under the field (the field stays empty: saving keeps them unset) */
    struct rh_load_person who;
    bool who_ok = rh_load_person(c->s, &who, &err) == 0;
    for (size_t i = 0; i < n; i++) {
        char *v = NULL;
        rh_store_profile_get(c->s, k[i].key, &v, &err);
        /* the library's words, a capital first as a label */
        char what[128];
        snprintf(what, sizeof what, "%s", k[i].what);
        what[0] = (char)toupper((unsigned char)what[0]);
        pf(c, "<label for=\"p-%s\">", k[i].key);
        esc(c, what);
        put(c, "</label>\n");
        if (k[i].lo || k[i].hi)
            pf(c, "<input type=\"number\" inputmode=\"numeric\" id=\"p-%s\" name=\"%s\" min=\"%ld\" "
                  "max=\"%ld\" value=\"",
               k[i].key, k[i].key, k[i].lo, k[i].hi);
        else
            pf(c, "<input type=\"text\" id=\"p-%s\" name=\"%s\" maxlength=\"64\" value=\"",
               k[i].key, k[i].key);
        esc(c, v ? v : "");
        put(c, "\">\n");
        bool is_max = strcmp(k[i].key, "max_hr") == 0;
        bool is_by = strcmp(k[i].key, "birth_year") == 0;
        char use[300] = "";
        if (hr_ok && !v && (is_max || strcmp(k[i].key, "rest_hr") == 0))
            rh_load_hr_in_use_words(&hr, is_max, RH_LOAD_WHERE_PROFILE, use, sizeof use);
        else if (who_ok && !v && (is_by || strcmp(k[i].key, "sex") == 0))
            rh_load_person_words(&who, is_by, RH_LOAD_WHERE_PROFILE, use, sizeof use);
        if (use[0]) {
            use[0] = (char)toupper((unsigned char)use[0]);
            pf(c, "<p class=\"note\" id=\"p-%s-use\">", k[i].key);
            esc(c, use);
            put(c, ".</p>\n");
        }
        rh_free(v);
    }
    pf(c, "<button type=\"submit\">%s</button>\n</form>\n", W("save"));
    page_end(c);
    return 0;
}
