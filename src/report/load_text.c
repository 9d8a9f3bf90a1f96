/* SPDX-License-Identifier: MIT */
/*
 * The training-load report as plain text for a runner: the findings first
 * (ranked by the strength of their evidence, each with its numbers, the
 * threshold, what the evidence says and what to do), then the figures of the
 * last weeks with a one-line explanation of each, and how load was measured.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "load/load_int.h"
#include "runhip/text.h"
#include "util/banned.h"

#define WRAP 78

/* words20: the report's own words, data/wording.txt [load_words], a closed
 * set of printf formats checked before each report is written
 * (rh_load_text_words_check): each key with the conversions its call gives */
static const struct rh_words_format load_words[] = {
    {"title", "sssds"}, {"as_of_newest", ""}, {"as_of_today", ""},
    {"counted", "ds"}, {"counted_logged", "d"}, {"not_counted", ""}, {"not_running", ""},
    {"excluded", "d"}, {"undated", "d"}, {"quiet_try", "s"}, {"short", ""},
    {"findings_none", ""}, {"findings_count", "d"}, {"findings_heading_count", "sd"},
    {"findings_heading_none", "s"}, {"measured", "sss"}, {"evidence", "ss"},
    {"what_to_do", ""}, {"weeks_head", ""}, {"weeks_columns", ""}, {"weeks_legend", "f"},
    {"figures_head", ""}, {"distance", "ss"}, {"change", "ss"}, {"rest", "ddd"},
    {"longest", "s"}, {"longest_on", "ss"}, {"sessions", "ss"}, {"na", ""},
    {"cadence", "sdss"}, {"route_none", "dsdfd"}, {"route", "sddd"}, {"ratio_gap", "s"},
    {"ratio", "ssss"}, {"ratio_note", ""}, {"monotony", "ss"}, {"types", "ddddds"},
    {"types_estimated", ""}, {"shoes", "sfs"}, {"shoes_retired", ""}, {"method", "dsdd"},
    {"method_hr", "fsfs"}, {"from_profile", ""}, {"rest_assumed", ""}, {"info", ""},
};

int rh_load_text_words_check(struct rh_err *err)
{
    return rh_words_format_check("load_words", load_words, sizeof load_words / sizeof *load_words,
                                 err);
}

/* A text of [load_words] ("" if missing: the check refuses that first). */
static const char *W(const char *key)
{
    return rh_words_or_empty("load_words", key);
}

/* Appends text wrapped at WRAP columns: the first line starts with first,
 * the others with cont. */
static int wrap2(struct rh_buf *b, const char *first, const char *cont, const char *text)
{
    size_t col = 0;
    int r = 0;
    const char *p = text;
    while (!r && *p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        /* a source list ("[Key; Key]", "[1, 2]") is one word, kept with the word before */
        bool source = *p == '[' && strchr(p, ']');
        if (source)
            e = strchr(p, ']') + 1;
        while (*e && *e != ' ')
            e++;
        size_t wl = (size_t)(e - p);
        if (!wl)
            break;
        if (col == 0) {
            r = rh_buf_puts(b, first);
            col = strlen(first);
        } else if (col + 1 + wl > WRAP && !source) {
            r = rh_buf_printf(b, "\n%s", cont);
            col = strlen(cont);
        } else {
            r = rh_buf_puts(b, " ");
            col++;
        }
        if (!r)
            r = rh_buf_append(b, p, wl);
        col += wl;
        p = e;
    }
    return r ? r : rh_buf_puts(b, "\n");
}

static int wrap(struct rh_buf *b, const char *indent, const char *text)
{
    return wrap2(b, indent, indent, text);
}

/* One figure line: formatted, then wrapped with a hanging indent. */
static int line(struct rh_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int line(struct rh_buf *b, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return wrap2(b, "  ", "      ", text);
}

static const char *fmt_num(char *out, size_t n, double v, int dec, const char *unit)
{
    if (!rh_has(v) || !isfinite(v))
        snprintf(out, n, "%s", W("na"));
    else if (strcmp(unit, "ratio") == 0) /* a plain number: "1.80", not "1.80 ratio" */
        snprintf(out, n, "%.*f", dec, v);
    else /* "40%", "99% of usual", "170 spm" */
        snprintf(out, n, "%.*f%s%s", dec, v, unit[0] && unit[0] != '%' ? " " : "", unit);
    return out;
}

/* A change of distance: "+44%", from a tiny base "+17 km" (rh_load_change_words) */
static const char *fmt_change(char *out, size_t n, double pct, double km)
{
    if (!*rh_load_change_words(pct, km, out, n))
        snprintf(out, n, "%s", W("na"));
    return out;
}

/* One finding, numbered no. */
static int finding_text(const struct rh_load_finding *f, size_t no, struct rh_buf *b,
                        const char *after)
{
    char d1[11], d2[11], m[400];
    rh_date_format(f->from, d1);
    rh_date_format(f->to, d2);
    /* dated after the pain began: labelled so (rh_load_shown_after) */
    int rc = rh_buf_printf(b, "%zu. %s%s%s\n", no, after, *after ? ": " : "", f->title);
    if (!rc) {
        char text[600];
        snprintf(text, sizeof text, W("measured"), rh_load_finding_measure(f, m, sizeof m), d1,
                 d2);
        rc = wrap(b, "   ", text);
    }
    if (!rc)
        rc = wrap(b, "   ", f->detail);
    if (!rc)
    {
        char ev[200];
        snprintf(ev, sizeof ev, W("evidence"), f->strength, f->source);
        rc = rh_buf_printf(b, "   %s\n", ev);
    }
    if (!rc)
        rc = wrap(b, "     ", f->evidence);
    if (!rc)
        rc = rh_buf_printf(b, "   %s\n", W("what_to_do"));
    char hint[200];
    if (!rc && f->deferred) { /* on hold until cleared (review 10 #4) */
        char line[1400];
        snprintf(line, sizeof line, "%s %s", f->deferred, f->advice);
        rc = wrap(b, "     ", line);
    } else if (!rc && *rh_load_log_hint(f, false, hint, sizeof hint)) {
        char line[1200];
        snprintf(line, sizeof line, "%s %s", f->advice, hint);
        rc = wrap(b, "     ", line);
    } else if (!rc) {
        rc = wrap(b, "     ", f->advice);
    }
    if (!rc)
        rc = rh_buf_puts(b, "\n");
    return rc;
}

/* The findings: r's own, or (sh) those shown beside the chart, the latest
 * weeks' and the weeks' before the pain began under their headings. */
static int findings_text(const struct rh_load_report *r, const struct rh_load_shown *sh,
                         struct rh_buf *b)
{
    const struct rh_load_finding *own[RH_LOAD_MAX_FINDINGS];
    for (size_t i = 0; i < r->n_findings; i++)
        own[i] = &r->findings[i];
    const struct rh_load_finding *const *latest = sh ? sh->latest : own;
    size_t n_latest = sh ? sh->n_latest : r->n_findings, n_before = sh ? sh->n_before : 0;
    if (!n_latest && !n_before)
        return rh_buf_printf(b, "%s\n\n", W("findings_none"));
    char head[200], t[400];
    if (!n_before)
        snprintf(t, sizeof t, W("findings_count"), (int)n_latest);
    else if (n_latest)
        snprintf(t, sizeof t, W("findings_heading_count"),
                 rh_load_shown_heading(r, sh, false, head, sizeof head), (int)n_latest);
    else
        snprintf(t, sizeof t, W("findings_heading_none"),
                 rh_load_shown_heading(r, sh, false, head, sizeof head));
    int rc = rh_buf_printf(b, "%s\n\n", t);
    size_t no = 0;
    char after[200];
    for (size_t i = 0; !rc && i < n_latest; i++)
        rc = finding_text(latest[i], ++no, b,
                          rh_load_shown_after(r, sh, latest[i], after, sizeof after));
    if (!rc && n_before)
        rc = rh_buf_printf(b, "%s: %zu\n\n", rh_load_shown_heading(r, sh, true, head, sizeof head),
                           n_before);
    for (size_t i = 0; !rc && i < n_before; i++)
        rc = finding_text(sh->before_onset[i], ++no, b, "");
    return rc;
}

const char *rh_load_log_hint(const struct rh_load_finding *f, bool web, char *out, size_t n)
{
    if (!n)
        return "";
    out[0] = '\0';
    const char *w = f && f->log && *f->log
                        ? rh_words("text", web ? "log_session.web" : "log_session.terminal")
                        : NULL;
    const char *at = w ? strstr(w, "{}") : NULL;
    if (at)
        snprintf(out, n, "%.*s%s%s", (int)(at - w), w, f->log, at + 2);
    else if (w)
        snprintf(out, n, "%s", w);
    return out;
}

static int weeks_text(const struct rh_load_report *r, struct rh_buf *b)
{
    /* the calendar weeks (rh_load_table_range), as the web's table, the
     * chart and the weekly_jump finding count them */
    int rc = rh_buf_printf(b, "%s\n  %s\n", W("weeks_head"), W("weeks_columns"));
    size_t n;
    const struct rh_load_week *wk = rh_load_table_range(r, 0, &n);
    for (size_t i = 0; !rc && i < n; i++) {
        const struct rh_load_week *w = &wk[i];
        char d[40], c1[16], c2[16], a[16], m[16];
        rh_load_week_label(r, w, d, sizeof d);
        fmt_change(c1, sizeof c1, w->change_prev_pct, w->change_prev_km);
        fmt_change(c2, sizeof c2, w->change_4wk_pct, w->change_4wk_km);
        fmt_num(a, sizeof a, w->acwr_rolling, 2, "");
        fmt_num(m, sizeof m, w->monotony, 2, "");
        rc = rh_buf_printf(b, "  %-16s %6.1f %7s %7s %5d %4d %8d %5s %9s %5.1f\n", d, w->km, c1,
                           c2, w->runs, w->rest_days, w->strength, a, m, w->longest_km);
    }
    char legend[600];
    snprintf(legend, sizeof legend, W("weeks_legend"), r->rules->set.weekly_jump_min_base_km);
    if (!rc)
        rc = wrap(b, "  ", legend);
    if (!rc)
        rc = rh_buf_puts(b, "\n");
    return rc;
}

static int figures_text(const struct rh_load_report *r, struct rh_buf *b)
{
    const struct rh_load_now *n = &r->now;
    char v1[32], v2[32], v3[32], v4[32];
    /* the weeks of "the last 4 weeks" (data/load_rules.txt recent_days) */
    int recent_weeks = rh__load_recent_weeks(&r->rules->set);
    int rc = rh_buf_printf(b, "%s\n", W("figures_head"));
    if (!rc)
        rc = line(b, W("distance"),
                  fmt_num(v1, sizeof v1, n->weekly_km, 1, "km"),
                  fmt_num(v2, sizeof v2, n->usual_weekly_km, 1, "km"));
    if (!rc)
        rc = line(b, W("change"),
                  fmt_change(v1, sizeof v1, n->change_prev_pct, n->change_prev_km),
                  fmt_change(v2, sizeof v2, n->change_4wk_pct, n->change_4wk_km));
    if (!rc)
        rc = line(b, W("rest"),
                  n->rest_days_last_week, recent_weeks, n->longest_streak);
    if (!rc) {
        char d[11] = "";
        if (n->longest_run_day >= 0)
            rh_date_format(n->longest_run_day, d);
        fmt_num(v1, sizeof v1, n->longest_run_km, 1, "km");
        rc = d[0] ? line(b, W("longest_on"), v1, d) : line(b, W("longest"), v1);
    }
    if (!rc) {
        /* whole sessions and the mean with the precision it has (never
         * "0.2" for 0.25): rh_load_sessions_words */
        char sw[80], mw[80];
        rh_load_sessions_words(n, false, sw, sizeof sw);
        rh_load_sessions_words(n, true, mw, sizeof mw);
        rc = line(b, W("sessions"), *sw ? sw : W("na"), *mw ? mw : W("na"));
    }
    if (!rc)
        rc = line(b, W("cadence"),
                  fmt_num(v1, sizeof v1, n->cadence_spm, 0, "spm"), recent_weeks,
                  fmt_num(v2, sizeof v2, n->cadence_prev_spm, 0, "spm"),
                  fmt_num(v3, sizeof v3, n->cadence_trend_spm_per_week, 1, "spm"));
    if (!rc && !rh_has(n->same_route_share)) /* runner16: not "n/a of 6 runs" */
        rc = line(b, W("route_none"), n->tracked_runs, rh_plural_s(n->tracked_runs),
                  recent_weeks, r->rules->set.route_min_runs, n->hot_runs);
    else if (!rc)
        rc = line(b, W("route"),
                  fmt_num(v1, sizeof v1, n->same_route_share * 100, 0, "%"), n->tracked_runs,
                  recent_weeks, n->hot_runs);
    char gap[600];
    if (!rc && rh_load_gap_words(r, gap, sizeof gap))
        rc = line(b, W("ratio_gap"), gap);
    else if (!rc)
        rc = line(b, W("ratio"),
                  fmt_num(v1, sizeof v1, n->acwr_rolling, 2, ""),
                  fmt_num(v2, sizeof v2, n->acwr_rolling_uncoupled, 2, ""),
                  fmt_num(v3, sizeof v3, n->acwr_ewma, 2, ""),
                  fmt_num(v4, sizeof v4, n->acwr_ewma_uncoupled, 2, ""));
    if (!rc)
        rc = wrap(b, "    ", W("ratio_note"));
    if (!rc)
        rc = line(b, W("monotony"),
                  fmt_num(v1, sizeof v1, n->monotony, 2, ""),
                  fmt_num(v2, sizeof v2, n->strain, 0, ""));
    /* run types of the last 4 weeks (recent_days) */
    int types[RH_RUN__COUNT] = {0};
    for (size_t i = 0; i < r->n_runs; i++)
        if (r->runs[i].day > r->as_of - (int32_t)r->rules->set.recent_days)
            types[r->runs[i].type]++;
    char est[200] = "";
    if (rh_load_max_hr_estimated(r))
        snprintf(est, sizeof est, " %s", W("types_estimated"));
    if (!rc)
        rc = line(b, W("types"), recent_weeks, types[RH_RUN_EASY], types[RH_RUN_MODERATE], types[RH_RUN_LONG],
                  types[RH_RUN_HARD], est);
    for (size_t i = 0; !rc && i < r->n_shoes; i++) {
        const struct rh_load_shoe *p = &r->shoes[i];
        rc = line(b, W("shoes"), p->name, p->total_km, p->retired ? W("shoes_retired") : "");
    }
    if (!rc)
        rc = rh_buf_puts(b, "\n");
    return rc;
}

/* How the maximum was estimated (the library's words, as /profile). */
static const char *max_hr_basis(const struct rh_load_report *r, char *out, size_t cap)
{
    struct rh_load_hr_in_use u;
    rh_load_hr_of_report(r, &u);
    rh_load_max_hr_basis(&u, out, cap);
    return out;
}

static int method_text(const struct rh_load_report *r, struct rh_buf *b)
{
    char text[900], basis[300];
    int n = snprintf(text, sizeof text, W("method"), r->method_runs[RH_LOAD_SRPE],
                     rh_plural_s(r->method_runs[RH_LOAD_SRPE]), r->method_runs[RH_LOAD_TRIMP],
                     r->method_runs[RH_LOAD_PACE]);
    if (r->method_runs[RH_LOAD_TRIMP] && n > 0 && (size_t)n + 1 < sizeof text) {
        text[n++] = ' ';
        snprintf(text + n, sizeof text - (size_t)n, W("method_hr"), r->rest_hr,
                 r->rest_hr_from_profile ? W("from_profile") : W("rest_assumed"), r->max_hr,
                 r->max_hr_from_profile ? W("from_profile")
                                        : max_hr_basis(r, basis, sizeof basis));
    }
    return wrap(b, "", text);
}

/* "Counted: 40 runs. Not counted: cycling 5 (77.2 km), not running; 2 you
 * excluded; 1 without a date." so that no activity vanishes silently. */
static int left_out_text(const struct rh_load_report *r, struct rh_buf *out)
{
    const struct rh_load_left_out *l = &r->left_out;
    char t[200];
    snprintf(t, sizeof t, W("counted"), (int)r->n_runs, rh_plural_s((double)r->n_runs));
    int rc = rh_buf_puts(out, t);
    if (!rc && r->logged_runs) {
        snprintf(t, sizeof t, W("counted_logged"), r->logged_runs);
        rc = rh_buf_printf(out, " %s", t);
    }
    if (!rc)
        rc = rh_buf_puts(out, ".");
    bool any = false;
    for (int k = 0; !rc && k < RH_SPORT__COUNT; k++) {
        if (!l->not_running[k])
            continue;
        rc = rh_buf_printf(out, "%s%s %s %d (%.1f km)", any ? "" : " ", any ? "," : W("not_counted"),
                           rh_sport_name((enum rh_sport)k), l->not_running[k],
                           l->not_running_km[k]);
        any = true;
    }
    if (!rc && any)
        rc = rh_buf_printf(out, ", %s", W("not_running"));
    if (!rc && l->excluded) {
        snprintf(t, sizeof t, W("excluded"), l->excluded);
        rc = rh_buf_printf(out, "%s%s %s", any ? "" : " ", any ? ";" : W("not_counted"), t);
    }
    any = any || l->excluded;
    if (!rc && l->undated) {
        snprintf(t, sizeof t, W("undated"), l->undated);
        rc = rh_buf_printf(out, "%s%s %s", any ? "" : " ", any ? ";" : W("not_counted"), t);
    }
    if (!rc) /* the sentence of what was not counted ends here, if there was one */
        rc = rh_buf_puts(out, any || l->undated ? ".\n\n" : "\n\n");
    return rc;
}

int rh_load_write_text(const struct rh_load_report *r, struct rh_buf *out)
{
    return rh_load_write_text_shown(r, NULL, out);
}

int rh_load_write_text_shown(const struct rh_load_report *r, const struct rh_load_shown *sh,
                             struct rh_buf *out)
{
    struct rh_err werr;
    rh_err_clear(&werr);
    int rc = rh_load_text_words_check(&werr);
    if (rc)
        return rc;
    char a[11], f[11], when[200] = "", t[400];
    rh_date_format(r->as_of, a);
    rh_date_format(r->first_day, f);
    if (r->as_of_is_newest || r->as_of_is_today)
        snprintf(when, sizeof when, ", %s", W(r->as_of_is_newest ? "as_of_newest" : "as_of_today"));
    snprintf(t, sizeof t, W("title"), a, when, f, r->history_days, rh_plural_s(r->history_days));
    rc = rh_buf_printf(out, "%s\n\n", t);
    if (!rc)
        rc = left_out_text(r, out);
    char quiet[160];
    if (!rc && rh_load_quiet_note(r, quiet, sizeof quiet)) {
        char d[11] = "";
        if (r->newest_run_day >= 0)
            rh_date_format(r->newest_run_day, d);
        char try_[200] = "";
        if (d[0]) {
            try_[0] = ' ';
            snprintf(try_ + 1, sizeof try_ - 1, W("quiet_try"), d);
        }
        rc = rh_buf_printf(out, "%s%s\n\n", quiet, try_);
    }
    if (!rc && r->history_days < 28)
        rc = rh_buf_printf(out, "%s\n\n", W("short"));
    if (!rc)
        rc = findings_text(r, sh, out);
    if (!rc)
        rc = weeks_text(r, out);
    if (!rc)
        rc = figures_text(r, out);
    if (!rc)
        rc = method_text(r, out);
    if (!rc)
        rc = rh_buf_printf(out, "\n%s\n", W("info"));
    return rc;
}
