/* SPDX-License-Identifier: MIT */
/* GET /checkin: the weekly check-in form (the four OSTRC-style questions,
 * radio buttons, the texts of rh_ostrc_question/option) and the trend of the
 * stored ones. POST /checkin: scored by rh_ostrc_score and stored with
 * rh_store_checkin_add, as `runhip checkin` does; a bad answer is named and
 * nothing is stored. */
#include <string.h>

#include "server/server_int.h"
#include "util/banned.h"

#define TREND_ROWS 12

const char *weekday_name(int32_t day);

static void form(struct ctx *c, const int *given)
{
    put(c, "<form method=\"post\" action=\"/checkin\">\n<p>Four questions about the past seven "
           "days. If you answer the first with the first or the last option, that is "
           "enough.</p>\n");
    csrf_field(c);
    for (int q = 0; q < RH_OSTRC_ITEMS; q++) {
        pf(c, "<fieldset>\n<legend>%d. ", q + 1);
        esc(c, rh_ostrc_question(q));
        put(c, "</legend>\n");
        for (int o = 1; o <= RH_OSTRC_OPTIONS; o++) {
            pf(c, "<label><input type=\"radio\" name=\"q%d\" value=\"%d\"%s%s> ", q + 1, o,
               given && given[q] == o ? " checked" : "", q == 0 && o == 1 ? " required" : "");
            esc(c, rh_ostrc_option(q, o));
            put(c, "</label>\n");
        }
        put(c, "</fieldset>\n");
    }
    put(c, "<button type=\"submit\">Save this week's check-in</button>\n</form>\n");
}

static void trend(struct ctx *c)
{
    struct rh_checkin *ck = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    put(c, "<h2>Your check-ins</h2>\n");
    if (rh_store_checkin_list(c->s, &ck, &n, &err)) {
        put(c, "<p class=\"error\">The check-ins could not be read: ");
        esc(c, err.msg);
        put(c, "</p>\n");
        return;
    }
    if (n == 0) {
        put(c, "<p>None stored yet.</p>\n");
        rh_free(ck);
        return;
    }
    put(c, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"check-ins\"><table>"
           "\n<thead><tr><th scope=\"col\">Week ending</th><th scope=\"col\">Severity (0-100)"
           "</th><th scope=\"col\">Change</th><th scope=\"col\">Substantial problem</th></tr>"
           "</thead>\n<tbody>\n");
    size_t from = n > TREND_ROWS ? n - TREND_ROWS : 0;
    for (size_t i = n; i-- > from;) {
        char d[11], change[16] = "-";
        rh_date_format(ck[i].day, d);
        if (i > 0)
            snprintf(change, sizeof change, "%+d", ck[i].severity - ck[i - 1].severity);
        pf(c, "<tr><td>%s %s</td><td class=\"num\">%d</td><td class=\"num\">%s</td><td>%s</td>"
              "</tr>\n",
           weekday_name(ck[i].day), d, ck[i].severity, change, ck[i].substantial ? "yes" : "no");
    }
    put(c, "</tbody></table></div>\n<p class=\"note\">A single runner's score changes by chance "
           "by up to about 35 points from week to week, so read the trend over several "
           "weeks.</p>\n");
    rh_free(ck);
}

int page_checkin(struct ctx *c)
{
    page_begin(c, "Weekly check-in");
    int a[RH_OSTRC_ITEMS] = {0};
    if (c->post) {
        size_t n = 0;
        char v[8];
        bool bad = false;
        for (int q = 0; q < RH_OSTRC_ITEMS; q++) {
            char key[4] = {'q', (char)('1' + q), 0, 0};
            long x;
            if (!ffield(c, key, v, sizeof v))
                break;
            if (rh_parse_long(v, &x) || x < 1 || x > RH_OSTRC_OPTIONS) {
                bad = true;
                break;
            }
            a[q] = (int)x;
            n = (size_t)q + 1;
        }
        struct rh_checkin ck;
        struct rh_err err;
        rh_err_clear(&err);
        int r = bad ? rh_err_set(&err, RH_ERANGE, "an answer is not one of the options")
                    : rh_ostrc_score(a, n, c->today, &ck, &err);
        if (!r)
            r = rh_store_checkin_add(c->s, &ck, NULL, &err);
        if (r) {
            c->res->status = 400;
            put(c, "<p class=\"error\" role=\"alert\">Not saved: ");
            esc(c, err.msg);
            put(c, "</p>\n");
            form(c, a);
        } else {
            pf(c, "<p class=\"ok\" role=\"status\">Saved: severity %d out of 100%s.</p>\n",
               ck.severity, ck.substantial ? ", a substantial problem" : "");
        }
    } else {
        form(c, NULL);
    }
    trend(c);
    page_end(c);
    return 0;
}
