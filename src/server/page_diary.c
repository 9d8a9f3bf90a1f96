/* SPDX-License-Identifier: MIT */
/* GET /diary: the pain entries and sessions of the last weeks with a pain
 * chart (and its table as the text alternative). */
#include <string.h>

#include "server/server_int.h"
#include "util/banned.h"

#define DIARY_DAYS 42

const char *weekday_name(int32_t day);

/* Pain now by day as a small bar chart that scales to the width (viewBox),
 * text at 12 px or more; the table below carries the same figures. */
static void pain_chart(struct ctx *c, const struct rh_pain_entry *p, size_t n, int32_t from,
                       int32_t to)
{
    int days = (int)(to - from + 1);
    int w = days * 10 + 40, h = 140;
    pf(c, "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
          "role=\"img\" aria-labelledby=\"pc\"><title id=\"pc\">Pain now (0-10) by day, the last "
          "%d days; the figures are in the table below</title>\n",
       w, h, days);
    for (int y = 0; y <= 10; y += 5)
        pf(c, "<line x1=\"30\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
              "<text x=\"24\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%d</text>\n",
           w, 120 - y * 10, 120 - y * 10, 124 - y * 10, y);
    for (size_t i = 0; i < n; i++) {
        if (p[i].day < from || p[i].day > to)
            continue;
        int x = 32 + (int)(p[i].day - from) * 10, bh = p[i].pain * 10;
        pf(c, "<rect x=\"%d\" y=\"%d\" width=\"8\" height=\"%d\" fill=\"%s\"/>\n", x, 120 - bh,
           bh > 0 ? bh : 1, p[i].pain >= 5 ? "#b3261e" : p[i].pain >= 3 ? "#e39b00" : "#1e6b30");
    }
    char a[11], b[11];
    rh_date_format(from, a);
    rh_date_format(to, b);
    pf(c, "<text x=\"30\" y=\"138\" font-size=\"12\">%s</text><text x=\"%d\" y=\"138\" "
          "font-size=\"12\" text-anchor=\"end\">%s</text>\n</svg></figure>\n",
       a, w, b);
}

void html_diary_lists(struct ctx *c);
void html_diary_lists(struct ctx *c)
{
    struct rh_pain_entry *pain = NULL;
    struct rh_session *ses = NULL;
    size_t np = 0, ns = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int32_t from = c->today - DIARY_DAYS + 1;
    int r = rh_store_pain_list(c->s, from, c->today, &pain, &np, &err);
    if (!r)
        r = rh_store_session_list(c->s, from, c->today, &ses, &ns, &err);
    if (r) {
        put(c, "<p class=\"error\">The diary could not be read: ");
        esc(c, err.msg);
        put(c, "</p>\n");
        rh_pain_array_free(pain, np);
        return;
    }
    put(c, "<h2>Pain, the last six weeks</h2>\n");
    if (np == 0) {
        put(c, "<p>No pain logged in the last six weeks.</p>\n");
    } else {
        pain_chart(c, pain, np, from, c->today);
        put(c, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"pain entries\">"
               "<table>\n<thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Now</th>"
               "<th scope=\"col\">During the run</th><th scope=\"col\">Next morning</th>"
               "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
        for (size_t i = np; i-- > 0;) {
            char d[11], dr[16] = "-", nm[16] = "-";
            rh_date_format(pain[i].day, d);
            if (pain[i].during_run >= 0)
                snprintf(dr, sizeof dr, "%d", pain[i].during_run);
            if (pain[i].next_morning >= 0)
                snprintf(nm, sizeof nm, "%d", pain[i].next_morning);
            pf(c, "<tr><td>%s %s</td><td class=\"num\">%d</td><td class=\"num\">%s</td>"
                  "<td class=\"num\">%s</td><td>",
               weekday_name(pain[i].day), d, pain[i].pain, dr, nm);
            esc(c, pain[i].note ? pain[i].note : "");
            put(c, "</td></tr>\n");
        }
        put(c, "</tbody></table></div>\n");
    }
    put(c, "<h2>Sessions</h2>\n");
    if (ns == 0) {
        put(c, "<p>No session logged in the last six weeks.</p>\n");
    } else {
        put(c, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"sessions\">"
               "<table>\n<thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Kind</th>"
               "<th scope=\"col\">Minutes</th><th scope=\"col\">Effort (0-10)</th>"
               "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
        for (size_t i = ns; i-- > 0;) {
            char d[11], mn[16] = "-", rpe[16] = "-";
            rh_date_format(ses[i].day, d);
            if (rh_has(ses[i].minutes))
                snprintf(mn, sizeof mn, "%.0f", ses[i].minutes);
            if (ses[i].rpe >= 0)
                snprintf(rpe, sizeof rpe, "%d", ses[i].rpe);
            pf(c, "<tr><td>%s %s</td><td>", weekday_name(ses[i].day), d);
            word(c, rh_session_kind_name(ses[i].kind));
            pf(c, "</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td>", mn, rpe);
            esc(c, ses[i].note ? ses[i].note : "");
            put(c, "</td></tr>\n");
        }
        put(c, "</tbody></table></div>\n");
    }
    rh_pain_array_free(pain, np);
    rh_session_array_free(ses, ns);
}

int page_diary(struct ctx *c)
{
    page_begin(c, "Diary");
    put(c, "<p>Log your pain and sessions with <code>runhip log</code>; they show here.</p>\n");
    html_diary_lists(c);
    page_end(c);
    return 0;
}
