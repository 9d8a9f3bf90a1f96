/* SPDX-License-Identifier: MIT */
/* GET /training: the training-load chart (with a text alternative) and
 * findings, then the activities newest first, a page at a time
 * (?offset=&limit=). */
#include <limits.h>
#include <string.h>

#include "runhip/import.h"
#include "server/server_int.h"
#include "util/banned.h"

#define PAGE_ROWS 20

/* The weeks as a table: the chart's text alternative; the calendar weeks
 * (Monday to Sunday) of the terminal's table, the chart and the weekly_jump
 * finding, as many as the terminal's table and the sentence of no recent
 * runs (rh_load_table_range), the current week named as not over yet. */
static void week_table(struct ctx *c, const struct rh_load_report *rep)
{
    size_t n;
    const struct rh_load_week *w = rh_load_table_range(rep, 0, &n);
    put(c, "<h3>Weekly table</h3>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
           "aria-label=\"weekly table\"><table class=\"weeks\">\n<caption>Weeks from Monday to Sunday, newest "
           "first</caption>\n<thead><tr><th scope=\"col\">Week of</th>"
           "<th scope=\"col\">km</th><th scope=\"col\">Change</th><th scope=\"col\">Runs</th>"
           "<th scope=\"col\">Longest km</th><th scope=\"col\">Rest days</th></tr></thead>\n"
           "<tbody>\n");
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
    put(c, "<section id=\"load\" aria-labelledby=\"lh\">\n<h2 id=\"lh\">Training load</h2>\n");
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
        if (r == RH_EEMPTY && given)
            pf(c, "<p>No activities stored up to %s. <a href=\"/training\">As of today</a></p>\n",
               asq);
        else if (r == RH_EEMPTY)
            put(c, "<p>No activities stored yet. <a href=\"/import\">Import</a> your watch "
                   "files or a Strava/Garmin export.</p>\n");
        else {
            put(c, "<p class=\"error\">The training-load report could not be built: ");
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
    pf(c, "<p class=\"note\">As of %s%s. Load measured as: %s.", day,
       given ? "" : rep.as_of_is_today ? ", today" : ", the day of the newest activity",
       mw ? mw : mn);
    if (given)
        put(c, " <a href=\"/training\">As of today</a>");
    put(c, "</p>\n");
    /* no runs in the weeks the chart shows: say so, and offer the newest
     * run's weeks (the CLI says the same, with load --as-of) */
    /* back after a gap: what is known instead of the ratio's spike
     * (rh_load_gap_words, as `runhip load` says it) */
    char gap[600];
    if (rh_load_gap_words(&rep, gap, sizeof gap)) {
        put(c, "<p class=\"note\" id=\"acwr-gap\">Acute:chronic load ratio: ");
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
            pf(c, " <a href=\"/training?as_of=%s\">See the weeks before %s</a>.", nd, nd);
        }
        put(c, "</p>\n");
    }
    put(c, "<figure class=\"chart\">\n");
    if (!c->err)
        c->err = load_chart_html(c, &rep);
    put(c, "<figcaption>Weekly load, the diary's pain and the trend; the same figures are in "
           "the weekly table, in words in the findings below, and as data at "
           "<a href=\"/api/load\">/api/load</a>.</figcaption>\n</figure>\n");
    week_table(c, &rep);
    /* the latest weeks' findings and those of the weeks before the pain
     * began (the library decides: rh_load_findings_shown; review 8 #10) */
    struct rh_load_shown sh;
    rh_err_clear(&err);
    if (rh_load_findings_shown(c->s, &rep, &sh, &err)) {
        put(c, "<p class=\"error\">The findings could not be read: ");
        esc(c, err.msg);
        put(c, "</p>\n");
    } else if (training_deferred(c)) {
        rh_load_shown_defer(&rep, &sh); /* review 10 #4 */
    }
    if (!sh.n_latest && !sh.n_before)
        put(c, "<p>No training-load finding: nothing in the numbers stands out.</p>\n");
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
            put(c, "<h3>Findings</h3>\n");
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
            put(c, "</strong> <span class=\"note\">(evidence: ");
            esc(c, f->strength);
            put(c, ")</span></p>\n<p class=\"note\">Measured: ");
            char m[400];
            esc(c, rh_load_finding_measure(f, m, sizeof m));
            put(c, "</p>\n<p>");
            plain(c, f->detail);
            put(c, "</p>\n");
            if (f->advice) {
                put(c, "<p><em>What to do:</em> ");
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
        put(c, " <span class=\"note\">(left out of every count)</span>");
    put(c, "</td><td class=\"s\">");
    word(c, rh_sport_name(a->sport));
    pf(c, "</td><td class=\"num\" data-l=\"km\">%s</td><td class=\"num\" data-l=\"time\">%s</td>"
          "<td class=\"num\" data-l=\"pace /km\">%s</td><td class=\"num\" data-l=\"HR\">%s</td>"
          "<td class=\"g\" data-l=\"shoe\">",
       km, dur, pace, hr);
    esc(c, a->gear ? a->gear : "-");
    put(c, "</td></tr>\n");
}

int page_training(struct ctx *c)
{
    page_begin(c, "Training");
    bool load_shown = load_section(c);
    struct rh_activity *acts = NULL;
    size_t n = 0, total = 0;
    struct rh_err err;
    rh_err_clear(&err);
    put(c, "<section id=\"activities\" aria-labelledby=\"ah\">\n<h2 id=\"ah\">Activities</h2>\n");
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
        put(c, "<p class=\"error\">The activities could not be read: ");
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
            put(c, " <a href=\"/import\">Import</a></p>\n</section>\n");
        } else {
            put(c, "<p>None stored yet.</p>\n</section>\n");
        }
        page_end(c);
        return 0;
    }
    put(c, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"activities table\">"
           "<table class=\"acts\">\n<caption>Newest first</caption>\n<thead><tr><th scope=\"col\">Date</th>"
           "<th scope=\"col\">Name</th><th scope=\"col\">Sport</th><th scope=\"col\">km</th>"
           "<th scope=\"col\">Time</th><th scope=\"col\">Pace /km</th><th scope=\"col\">HR</th>"
           "<th scope=\"col\">Shoe</th></tr></thead>\n<tbody>\n");
    long shown = (long)n;
    for (size_t k = 0; k < n; k++)
        activity_row(c, &acts[k]);
    put(c, "</tbody>\n</table></div>\n");
    pf(c, "<p class=\"note\">%ld to %ld of %zu.", off + 1, off + shown, total);
    if (off > 0)
        pf(c, " <a href=\"/training?offset=%ld&amp;limit=%ld#activities\">Newer</a>",
           off > lim ? off - lim : 0, lim);
    if ((size_t)(off + shown) < total)
        pf(c, " <a href=\"/training?offset=%ld&amp;limit=%ld#activities\">Older</a>",
           off + shown, lim);
    put(c, "</p>\n</section>\n");
    rh_activity_array_free(acts, n);
    page_end(c);
    return 0;
}
