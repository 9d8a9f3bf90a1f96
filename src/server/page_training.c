/* SPDX-License-Identifier: MIT */
/* GET /training: the training-load chart (with a text alternative) and
 * findings, then the activities newest first, a page at a time
 * (?offset=&limit=). */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "runhip/import.h"
#include "server/server_int.h"
#include "util/banned.h"

#define PAGE_ROWS 20

/* words21b: the page's own words, data/wording.txt [web_training], a closed
 * set of printf formats without markup checked when the server first loads
 * its rules (page_training_words_check); the links and tags stay here. */
static const struct rh_words_format training_words[] = {
    {"title", ""}, {"week_heading", ""}, {"week_region", ""}, {"week_caption", ""},
    {"col_week", ""}, {"col_km", ""}, {"col_change", ""}, {"col_runs", ""}, {"col_longest", ""},
    {"col_rest", ""}, {"load_heading", ""}, {"none_up_to", "ss"}, {"as_of_today", ""},
    {"none_yet", "s"}, {"import_link", ""}, {"load_failed", ""}, {"as_of_given", "ss"},
    {"as_of_now", "ss"}, {"as_of_newest", "ss"}, {"acwr", ""}, {"means_heading", ""},
    {"means_trimp", ""}, {"means_ratio", "dd"}, {"means_monotony", ""}, {"see_weeks", "s"},
    {"figcaption", "s"}, {"findings_failed", ""}, {"no_finding", ""}, {"findings_heading", ""},
    {"evidence", "s"}, {"measured", ""}, {"what_to_do", ""}, {"excluded", ""},
    {"label_km", ""}, {"label_time", ""}, {"label_pace", ""}, {"label_hr", ""},
    {"label_shoe", ""}, {"activities_heading", ""}, {"acts_failed", ""}, {"none_stored", ""},
    {"acts_region", ""}, {"acts_caption", ""}, {"col_date", ""}, {"col_name", ""},
    {"col_sport", ""}, {"col_time", ""}, {"col_pace", ""}, {"col_hr", ""}, {"col_shoe", ""},
    {"range", "ddd"}, {"newer", ""}, {"older", ""},
};

int page_training_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_training", training_words,
                                       sizeof training_words / sizeof *training_words, err);
}

#define W(key) web_words("web_training", (key))

/* The text key with its one %s: s, escaped. */
static void pf_esc(struct ctx *c, const char *key, const char *s)
{
    struct rh_buf e;
    rh_buf_init(&e, 0);
    int r = rh_server_html_escape(&e, s ? s : "");
    if (!r)
        pf(c, W(key), e.data ? e.data : "");
    else if (!c->err)
        c->err = r;
    rh_buf_release(&e);
}

/* The weeks as a table: the chart's text alternative; the calendar weeks
 * (Monday to Sunday) of the terminal's table, the chart and the weekly_jump
 * finding, as many as the terminal's table and the sentence of no recent
 * runs (rh_load_table_range), the current week named as not over yet. */
static void week_table(struct ctx *c, const struct rh_load_report *rep)
{
    size_t n;
    const struct rh_load_week *w = rh_load_table_range(rep, 0, &n);
    pf(c, "<h3>%s</h3>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
          "aria-label=\"%s\"><table class=\"weeks\">\n<caption>%s</caption>\n<thead><tr>"
          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
          "</tr></thead>\n<tbody>\n",
       W("week_heading"), W("week_region"), W("week_caption"), W("col_week"), W("col_km"),
       W("col_change"), W("col_runs"), W("col_longest"), W("col_rest"));
    for (size_t i = n; i-- > 0;) {
        char d[40], ch[24];
        rh_load_week_label(rep, &w[i], d, sizeof d);
        /* "+44%", or from a tiny base "+17 km", as the terminal's table */
        if (!*rh_load_change_words(w[i].change_prev_pct, w[i].change_prev_km, ch, sizeof ch))
            snprintf(ch, sizeof ch, "-");
        /* the week not over is named in words, which may wrap on a phone
         * (a date never does) */
        put(c, w[i].partial ? "<tr><td class=\"wk\">" : "<tr><td>");
        esc(c, d);
        pf(c, "</td><td class=\"num\">%.1f</td><td class=\"num\">%s</td>"
              "<td class=\"num\">%d</td><td class=\"num\">%.1f</td><td class=\"num\">%d</td>"
              "</tr>\n",
           rh_has(w[i].km) ? w[i].km : 0, ch, w[i].runs,
           rh_has(w[i].longest_km) ? w[i].longest_km : 0, w[i].rest_days);
    }
    put(c, "</tbody></table></div>\n");
}

/* Returns whether a load report was shown (runs logged by hand make one
 * with no activity stored). */
static bool load_section(struct ctx *c)
{
    struct rh_load_report rep;
    struct rh_err err;
    rh_err_clear(&err);
    pf(c, "<section id=\"load\" aria-labelledby=\"lh\">\n<h2 id=\"lh\">%s</h2>\n",
       W("load_heading"));
    /* ?as_of=YYYY-MM-DD: the report as of an earlier day (the CLI's
     * load --as-of); a bad or future date is today's */
    char asq[16];
    int32_t as_of = c->today;
    bool given = false;
    if (qfield(c, "as_of", asq, sizeof asq) && rh_date_parse(asq, &as_of) == 0 &&
        as_of <= c->today)
        given = true;
    else
        as_of = c->today;
    int r = given ? rh_load_report_build(c->s, as_of, &rep, &err)
                  : load_report(c->s, c->today, &rep, &err);
    if (r) {
        char a[256];
        if (r == RH_EEMPTY && given) {
            snprintf(a, sizeof a, "<a href=\"/training\">%s</a>", W("as_of_today"));
            put(c, "<p>");
            pf(c, W("none_up_to"), asq, a);
            put(c, "</p>\n");
        } else if (r == RH_EEMPTY) {
            snprintf(a, sizeof a, "<a href=\"/import\">%s</a>", W("import_link"));
            put(c, "<p>");
            pf(c, W("none_yet"), a);
            put(c, "</p>\n");
        } else {
            pf(c, "<p class=\"error\">%s ", W("load_failed"));
            esc(c, err.msg);
            put(c, "</p>\n");
        }
        put(c, "</section>\n");
        return false;
    }
    char day[11];
    rh_date_format(rep.as_of, day);
    const char *mn = rh_load_method_name(rep.main_method);
    const char *mw = rh_words("load_method", mn);
    put(c, "<p class=\"note\">");
    pf(c, W(given ? "as_of_given" : rep.as_of_is_today ? "as_of_now" : "as_of_newest"), day,
       mw ? mw : mn);
    if (given)
        pf(c, " <a href=\"/training\">%s</a>", W("as_of_today"));
    put(c, "</p>\n");
    /* no runs in the weeks the chart shows: say so, and offer the newest
     * run's weeks (the CLI says the same, with load --as-of) */
    /* back after a gap: what is known instead of the ratio's spike
     * (rh_load_gap_words, as `runhip load` says it) */
    char gap[600];
    if (rh_load_gap_words(&rep, gap, sizeof gap)) {
        pf(c, "<p class=\"note\" id=\"acwr-gap\">%s ", W("acwr"));
        esc(c, gap);
        put(c, "</p>\n");
    }
    char quiet[160];
    if (rh_load_quiet_note(&rep, quiet, sizeof quiet)) {
        put(c, "<p class=\"warn\"><strong>");
        esc(c, quiet);
        put(c, "</strong>");
        if (rep.newest_run_day >= 0) {
            char nd[11];
            rh_date_format(rep.newest_run_day, nd);
            pf(c, " <a href=\"/training?as_of=%s\">", nd);
            pf(c, W("see_weeks"), nd);
            put(c, "</a>.");
        }
        put(c, "</p>\n");
    }
    put(c, "<figure class=\"chart\">\n");
    if (!c->err)
        c->err = load_chart_html(c, &rep);
    put(c, "<figcaption>");
    pf(c, W("figcaption"), "<a href=\"/api/load\">/api/load</a>");
    put(c, "</figcaption>\n</figure>\n");
    /* plain30: what the chart's figures mean, one sentence each, where they
     * are shown; TRIMP when the load is measured by heart rate */
    pf(c, "<div class=\"note\" id=\"load-terms\">\n<h3>%s</h3>\n", W("means_heading"));
    if (rep.main_method == RH_LOAD_TRIMP)
        pf(c, "<p>%s</p>\n", W("means_trimp"));
    /* the days of the averages, from their factors 2/(N+1) */
    int acute = rep.lambda_acute > 0 ? (int)lround(2 / rep.lambda_acute - 1) : 0;
    int chronic = rep.lambda_chronic > 0 ? (int)lround(2 / rep.lambda_chronic - 1) : 0;
    put(c, "<p>");
    pf(c, W("means_ratio"), acute, chronic);
    pf(c, "</p>\n<p>%s</p>\n</div>\n", W("means_monotony"));
    week_table(c, &rep);
    /* the latest weeks' findings and those of the weeks before the pain
     * began (the library decides: rh_load_findings_shown; review 8 #10) */
    struct rh_load_shown sh;
    rh_err_clear(&err);
    if (rh_load_findings_shown(c->s, &rep, &sh, &err)) {
        pf(c, "<p class=\"error\">%s ", W("findings_failed"));
        esc(c, err.msg);
        put(c, "</p>\n");
    } else if (training_deferred(c)) {
        rh_load_shown_defer(&rep, &sh); /* review 10 #4 */
    }
    if (!sh.n_latest && !sh.n_before)
        pf(c, "<p>%s</p>\n", W("no_finding"));
    for (int part = 0; part < 2; part++) {
        size_t n = part ? sh.n_before : sh.n_latest;
        const struct rh_load_finding *const *fs = part ? sh.before_onset : sh.latest;
        if (!n)
            continue;
        char head[200]; /* the headings the terminal's load gives too */
        if (part) {
            put(c, "<h3 id=\"before-onset\">");
            esc(c, rh_load_shown_heading(&rep, &sh, true, head, sizeof head));
            put(c, "</h3>\n");
        } else if (sh.n_before) {
            put(c, "<h3>");
            esc(c, rh_load_shown_heading(&rep, &sh, false, head, sizeof head));
            put(c, "</h3>\n");
        } else {
            pf(c, "<h3>%s</h3>\n", W("findings_heading"));
        }
        for (size_t i = 0; i < n; i++) {
            const struct rh_load_finding *f = fs[i];
            put(c, "<div class=\"finding\"><p><strong>");
            char after[200]; /* dated after the pain began (review 9 #11) */
            if (*rh_load_shown_after(&rep, &sh, f, after, sizeof after)) {
                esc(c, after);
                put(c, ": ");
            }
            esc(c, f->title ? f->title : f->id);
            put(c, "</strong> <span class=\"note\">");
            pf_esc(c, "evidence", f->strength);
            pf(c, "</span></p>\n<p class=\"note\">%s ", W("measured"));
            char m[400];
            esc(c, rh_load_finding_measure(f, m, sizeof m));
            put(c, "</p>\n<p>");
            plain(c, f->detail);
            put(c, "</p>\n");
            if (f->advice) {
                pf(c, "<p><em>%s</em> ", W("what_to_do"));
                if (f->deferred) { /* on hold until cleared (review 10 #4) */
                    put(c, "<strong>");
                    esc(c, f->deferred);
                    put(c, "</strong> ");
                }
                plain(c, f->advice);
                char hint[200]; /* what to log: the Diary page, not a command */
                if (*rh_load_log_hint(f, true, hint, sizeof hint)) {
                    put(c, " <a href=\"/diary#session\">");
                    esc(c, hint);
                    put(c, "</a>");
                }
                put(c, "</p>\n");
            }
            put(c, "</div>\n");
        }
    }
    rh_load_shown_release(&sh);
    put(c, "</section>\n");
    rh_load_report_release(&rep);
    return true;
}

static void activity_row(struct ctx *c, const struct rh_activity *a)
{
    char date[11] = "-", km[32] = "-", dur[64], pace[32] = "-", hr[32] = "-";
    if (a->has_start)
        rh_date_format(rh_activity_local_day(a), date);
    double secs = rh_activity_duration_s(a);
    rh_fmt_duration(secs, dur, sizeof dur);
    if (rh_activity_has_distance(a))
        snprintf(km, sizeof km, "%.2f", a->total_distance_m / 1000);
    double ps = rh_activity_pace_s_km(a); /* the terminal's rule: none for a ride */
    if (rh_has(ps))
        rh_fmt_duration(ps, pace, sizeof pace);
    if (rh_has(a->avg_hr))
        snprintf(hr, sizeof hr, "%.0f", a->avg_hr);
    /* classes and labels let a phone show each row as a card (app.css) */
    pf(c, "<tr><td class=\"d\">%s</td><td class=\"n\"><a href=\"/activity?id=%lld\">", date,
       (long long)a->id);
    esc(c, a->name && *a->name ? a->name : rh_sport_name(a->sport));
    put(c, "</a>");
    if (a->excluded)
        pf(c, " <span class=\"note\">%s</span>", W("excluded"));
    put(c, "</td><td class=\"s\">");
    word(c, rh_sport_name(a->sport));
    pf(c, "</td><td class=\"num\" data-l=\"%s\">%s</td><td class=\"num\" data-l=\"%s\">%s</td>"
          "<td class=\"num\" data-l=\"%s\">%s</td><td class=\"num\" data-l=\"%s\">%s</td>"
          "<td class=\"g\" data-l=\"%s\">",
       W("label_km"), km, W("label_time"), dur, W("label_pace"), pace, W("label_hr"), hr,
       W("label_shoe"));
    esc(c, a->gear ? a->gear : "-");
    put(c, "</td></tr>\n");
}

int page_training(struct ctx *c)
{
    page_begin(c, W("title"));
    bool load_shown = load_section(c);
    struct rh_activity *acts = NULL;
    size_t n = 0, total = 0;
    struct rh_err err;
    rh_err_clear(&err);
    pf(c, "<section id=\"activities\" aria-labelledby=\"ah\">\n<h2 id=\"ah\">%s</h2>\n",
       W("activities_heading"));
    long off = qlong(c, "offset", 0, 0, LONG_MAX);
    long lim = qlong(c, "limit", PAGE_ROWS, 1, 200);
    /* only the page is read: dated newest first, then the undated */
    int r = rh_store_activity_page(c->s, (size_t)off, (size_t)lim, true, 0, &acts, &n, &total,
                                   &err);
    if (!r && n == 0 && total > 0) {
        /* past the end: the last page */
        off = (long)((total - 1) / (size_t)lim * (size_t)lim);
        r = rh_store_activity_page(c->s, (size_t)off, (size_t)lim, true, 0, &acts, &n, &total,
                                   &err);
    }
    if (r) {
        pf(c, "<p class=\"error\">%s ", W("acts_failed"));
        esc(c, err.msg);
        put(c, "</p>\n</section>\n");
        page_end(c);
        return 0;
    }
    if (total == 0) {
        /* fix18b: runs logged by hand made the weekly table above: "None
         * stored yet" under it read as if they were not counted */
        const char *hl = load_shown ? rh_words("text", "activities.hand_logged.web") : NULL;
        if (hl) {
            put(c, "<p>");
            esc(c, hl);
            pf(c, " <a href=\"/import\">%s</a></p>\n</section>\n", W("import_link"));
        } else {
            pf(c, "<p>%s</p>\n</section>\n", W("none_stored"));
        }
        page_end(c);
        return 0;
    }
    pf(c, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">"
          "<table class=\"acts\">\n<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
          "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
       W("acts_region"), W("acts_caption"), W("col_date"), W("col_name"), W("col_sport"),
       W("col_km"), W("col_time"), W("col_pace"), W("col_hr"), W("col_shoe"));
    long shown = (long)n;
    for (size_t k = 0; k < n; k++)
        activity_row(c, &acts[k]);
    put(c, "</tbody>\n</table></div>\n");
    /* counts of a page of rows: off is below total here */
    put(c, "<p class=\"note\">");
    pf(c, W("range"), (int)(off + 1), (int)(off + shown), (int)total);
    if (off > 0)
        pf(c, " <a href=\"/training?offset=%ld&amp;limit=%ld#activities\">%s</a>",
           off > lim ? off - lim : 0, lim, W("newer"));
    if ((size_t)(off + shown) < total)
        pf(c, " <a href=\"/training?offset=%ld&amp;limit=%ld#activities\">%s</a>",
           off + shown, lim, W("older"));
    put(c, "</p>\n</section>\n");
    rh_activity_array_free(acts, n);
    page_end(c);
    return 0;
}
