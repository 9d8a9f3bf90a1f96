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

/* words20: the report's own words, data/wording.txt [load_words], checked
 * before each report is written (rh_load_text_words_check). loadw25: texts
 * with named holes, each key with the values its call gives (the store's
 * and the load's messages alike: rh_words_named_check) */
static const struct rh_words_named load_words[] = {
    {"title", "as_of when first days days_s"},
    {"as_of_newest", ""},
    {"as_of_today", ""},
    {"counted", "runs runs_s"},
    {"counted_logged", "logged"},
    {"not_counted", ""},
    {"not_running", ""},
    {"excluded", "n"},
    {"undated", "n"},
    {"quiet_try", "day"},
    {"short", ""},
    {"findings_none", ""},
    {"findings_count", "n"},
    {"findings_heading_count", "heading n"},
    {"findings_heading_none", "heading"},
    {"measured", "measure from to"},
    {"evidence", "strength source"},
    {"what_to_do", ""},
    {"weeks_head", ""},
    {"weeks_columns", ""},
    {"weeks_legend", "base acute chronic"},
    {"figures_head", ""},
    {"distance", "km usual"},
    {"change", "prev four"},
    {"rest", "rest recent_weeks streak"},
    {"longest", "km"},
    {"longest_on", "km day"},
    {"sessions", "strength mobility"},
    {"na", ""},
    {"cadence", "spm recent_weeks before before_weeks trend"},
    {"route_none", "runs runs_s recent_weeks need heat hot"},
    {"route", "share runs recent_weeks heat hot"},
    {"ratio_gap", "acute chronic gap"},
    {"ratio_none", "acute chronic newest"},
    {"ratio", "acute chronic rolling rolling_uncoupled ewma ewma_uncoupled"},
    {"ratio_note", "acute_factor acute chronic_factor chronic low high"},
    {"monotony", "monotony strain"},
    {"monotony_none", "acute"},
    {"monotony_note", ""},
    {"types", "recent_weeks easy moderate long hard estimated"},
    {"types_estimated", ""},
    {"shoes", "name km retired guidance"},
    {"shoes_retired", ""},
    {"method", "srpe srpe_s trimp pace"},
    {"method_hr", "rest rest_from max max_from"},
    {"from_profile", ""},
    {"rest_assumed", ""},
    {"info", ""},
};

int rh_load_text_words_check(struct rh_err *err)
{
    return rh_words_named_check("load_words", load_words, sizeof load_words / sizeof *load_words,
                                err);
}

/* A text of [load_words] ("" if missing: the check refuses that first). */
static const char *W(const char *key)
{
    return rh_words_or_empty("load_words", key);
}

/* [load_words] key into dst (cap bytes), its holes filled by the NULL-ended
 * NAME, VALUE pairs (rh_words_fill_pairs); dst. */
static const char *fill(char *dst, size_t cap, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    (void)rh_words_fill_pairs(dst, cap, "load_words", load_words,
                              sizeof load_words / sizeof *load_words, key, ap);
    va_end(ap);
    return dst;
}

/* A whole number as words fill ("%d") */
static const char *num(char *dst, size_t cap, int v)
{
    snprintf(dst, cap, "%d", v);
    return dst;
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

/* One figure line: [load_words] key filled with the NULL-ended NAME, VALUE
 * pairs, then wrapped with a hanging indent. */
static int line(struct rh_buf *b, const char *key, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, key);
    (void)rh_words_fill_pairs(text, sizeof text, "load_words", load_words,
                              sizeof load_words / sizeof *load_words, key, ap);
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
        fill(text, sizeof text, "measured", "measure", rh_load_finding_measure(f, m, sizeof m),
             "from", d1, "to", d2, NULL);
        rc = wrap(b, "   ", text);
    }
    if (!rc)
        rc = wrap(b, "   ", f->detail);
    if (!rc)
    {
        char ev[200];
        fill(ev, sizeof ev, "evidence", "strength", f->strength, "source", f->source, NULL);
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
    char head[200], t[400], n[16];
    num(n, sizeof n, (int)n_latest);
    if (!n_before)
        fill(t, sizeof t, "findings_count", "n", n, NULL);
    else if (n_latest)
        fill(t, sizeof t, "findings_heading_count", "heading",
             rh_load_shown_heading(r, sh, false, head, sizeof head), "n", n, NULL);
    else
        fill(t, sizeof t, "findings_heading_none", "heading",
             rh_load_shown_heading(r, sh, false, head, sizeof head), NULL);
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
        /* plain31: a week wholly after the newest run has no ratio to show,
         * not "0.00" (the figures stay in the JSON) */
        if (rh_load_week_after_data(r, w->from))
            snprintf(a, sizeof a, "%s", W("na"));
        else
            fmt_num(a, sizeof a, w->acwr_rolling, 2, "");
        fmt_num(m, sizeof m, w->monotony, 2, "");
        rc = rh_buf_printf(b, "  %-16s %6.1f %7s %7s %5d %4d %8d %5s %9s %5.1f\n", d, w->km, c1,
                           c2, w->runs, w->rest_days, w->strength, a, m, w->longest_km);
    }
    char legend[600], base[32], acute[16], chronic[16];
    const struct rh__load_settings *set = &r->rules->set;
    snprintf(base, sizeof base, "%g", set->weekly_jump_min_base_km);
    snprintf(acute, sizeof acute, "%g", set->acute_days);
    snprintf(chronic, sizeof chronic, "%g", set->chronic_days);
    fill(legend, sizeof legend, "weeks_legend", "base", base, "acute", acute, "chronic", chronic,
         NULL);
    if (!rc)
        rc = wrap(b, "  ", legend);
    if (!rc)
        rc = rh_buf_puts(b, "\n");
    return rc;
}

static int figures_text(const struct rh_load_report *r, struct rh_buf *b)
{
    const struct rh_load_now *n = &r->now;
    const struct rh__load_settings *set = &r->rules->set;
    char v1[32], v2[32], v3[32], v4[32], i1[16], i2[16];
    /* the numbers of data/load_rules.txt [settings] the lines say: the
     * weeks of "the last 4 weeks" (recent_days), of the step rate's weeks
     * before (cadence_before_days), the ratio's days (acute_days,
     * chronic_days) and the heat line in air (finding.heat's threshold) */
    char recent[16], before[16], acute[16], chronic[16], heat[32];
    num(recent, sizeof recent, rh__load_recent_weeks(set));
    num(before, sizeof before, rh__load_cadence_before_weeks(set));
    snprintf(acute, sizeof acute, "%g", set->acute_days);
    snprintf(chronic, sizeof chronic, "%g", set->chronic_days);
    const struct rh__load_rule *hr = rh__load_rule(r->rules, "heat");
    snprintf(heat, sizeof heat, "%g", hr ? hr->threshold : 0);
    int rc = rh_buf_printf(b, "%s\n", W("figures_head"));
    if (!rc)
        rc = line(b, "distance", "km", fmt_num(v1, sizeof v1, n->weekly_km, 1, "km"), "usual",
                  fmt_num(v2, sizeof v2, n->usual_weekly_km, 1, "km"), NULL);
    /* plain30: the last 7 days wholly after the newest run (the imported
     * data ended before them) have no data yet, not a drop of 100%, as the
     * weekly tables' weeks (polish29); nor is there a change to say with
     * too short a history: no line of "-100%" or "n/a" (the figures stay in
     * the JSON, and the assessment's intake reads a week of rest before the
     * pain began as the drop it is) */
    bool after_data = r->n_weeks && rh_load_week_after_data(r, r->weeks[r->n_weeks - 1].from);
    bool change = !after_data && (rh_has(n->change_prev_pct) || rh_has(n->change_prev_km) ||
                                  rh_has(n->change_4wk_pct) || rh_has(n->change_4wk_km));
    if (!rc && change)
        rc = line(b, "change", "prev",
                  fmt_change(v1, sizeof v1, n->change_prev_pct, n->change_prev_km), "four",
                  fmt_change(v2, sizeof v2, n->change_4wk_pct, n->change_4wk_km), NULL);
    if (!rc)
        rc = line(b, "rest", "rest", num(i1, sizeof i1, n->rest_days_last_week), "recent_weeks",
                  recent, "streak", num(i2, sizeof i2, n->longest_streak), NULL);
    if (!rc) {
        char d[11] = "";
        if (n->longest_run_day >= 0)
            rh_date_format(n->longest_run_day, d);
        fmt_num(v1, sizeof v1, n->longest_run_km, 1, "km");
        rc = d[0] ? line(b, "longest_on", "km", v1, "day", d, NULL)
                  : line(b, "longest", "km", v1, NULL);
    }
    if (!rc) {
        /* whole sessions and the mean with the precision it has (never
         * "0.2" for 0.25): rh_load_sessions_words */
        char sw[80], mw[80];
        rh_load_sessions_words(n, false, sw, sizeof sw);
        rh_load_sessions_words(n, true, mw, sizeof mw);
        rc = line(b, "sessions", "strength", *sw ? sw : W("na"), "mobility", *mw ? mw : W("na"),
                  NULL);
    }
    if (!rc)
        rc = line(b, "cadence", "spm", fmt_num(v1, sizeof v1, n->cadence_spm, 0, "spm"),
                  "recent_weeks", recent, "before",
                  fmt_num(v2, sizeof v2, n->cadence_prev_spm, 0, "spm"), "before_weeks", before,
                  "trend", fmt_num(v3, sizeof v3, n->cadence_trend_spm_per_week, 1, "spm"), NULL);
    char hot[16], runs[16];
    num(hot, sizeof hot, n->hot_runs);
    num(runs, sizeof runs, n->tracked_runs);
    if (!rc && !rh_has(n->same_route_share)) { /* runner16: not "n/a of 6 runs" */
        char need[32];
        snprintf(need, sizeof need, "%.0f", set->route_min_runs);
        rc = line(b, "route_none", "runs", runs, "runs_s", rh_plural_s(n->tracked_runs),
                  "recent_weeks", recent, "need", need, "heat", heat, "hot", hot, NULL);
    } else if (!rc) {
        rc = line(b, "route", "share", fmt_num(v1, sizeof v1, n->same_route_share * 100, 0, "%"),
                  "runs", runs, "recent_weeks", recent, "heat", heat, "hot", hot, NULL);
    }
    char gap[600], newest[11] = "";
    if (r->newest_run_day >= 0)
        rh_date_format(r->newest_run_day, newest);
    /* plain31: the last days wholly after the newest run (the data ended
     * before the as-of day): no recent runs, said so, not a ratio of 0.00 */
    if (!rc && after_data)
        rc = line(b, "ratio_none", "acute", acute, "chronic", chronic, "newest", newest, NULL);
    else if (!rc && rh_load_gap_words(r, gap, sizeof gap))
        rc = line(b, "ratio_gap", "acute", acute, "chronic", chronic, "gap", gap, NULL);
    else if (!rc)
        rc = line(b, "ratio", "acute", acute, "chronic", chronic, "rolling",
                  fmt_num(v1, sizeof v1, n->acwr_rolling, 2, ""), "rolling_uncoupled",
                  fmt_num(v2, sizeof v2, n->acwr_rolling_uncoupled, 2, ""), "ewma",
                  fmt_num(v3, sizeof v3, n->acwr_ewma, 2, ""), "ewma_uncoupled",
                  fmt_num(v4, sizeof v4, n->acwr_ewma_uncoupled, 2, ""), NULL);
    if (!rc) {
        /* the weighted averages' factors 2/(N+1) of the two windows */
        char note[600], fa[32], fc[32], lo[32], hi[32];
        snprintf(fa, sizeof fa, "%.2g", 2 / (set->acute_days + 1));
        snprintf(fc, sizeof fc, "%.2g", 2 / (set->chronic_days + 1));
        snprintf(lo, sizeof lo, "%g", set->acwr_band_low);
        snprintf(hi, sizeof hi, "%g", set->acwr_band_high);
        fill(note, sizeof note, "ratio_note", "acute_factor", fa, "acute", acute,
             "chronic_factor", fc, "chronic", chronic, "low", lo, "high", hi, NULL);
        rc = wrap(b, "    ", note);
    }
    if (!rc && after_data)
        rc = line(b, "monotony_none", "acute", acute, NULL);
    else if (!rc)
        rc = line(b, "monotony", "monotony", fmt_num(v1, sizeof v1, n->monotony, 2, ""), "strain",
                  fmt_num(v2, sizeof v2, n->strain, 0, ""), NULL);
    if (!rc) /* plain30: what it means, in one plain sentence */
        rc = wrap(b, "    ", W("monotony_note"));
    /* run types of the last 4 weeks (recent_days) */
    int types[RH_RUN__COUNT] = {0};
    for (size_t i = 0; i < r->n_runs; i++)
        if (r->runs[i].day > r->as_of - (int32_t)set->recent_days)
            types[r->runs[i].type]++;
    char est[200] = "";
    if (rh_load_max_hr_estimated(r))
        snprintf(est, sizeof est, " %s", W("types_estimated"));
    if (!rc) {
        char t1[16], t2[16], t3[16], t4[16];
        rc = line(b, "types", "recent_weeks", recent, "easy",
                  num(t1, sizeof t1, types[RH_RUN_EASY]), "moderate",
                  num(t2, sizeof t2, types[RH_RUN_MODERATE]), "long",
                  num(t3, sizeof t3, types[RH_RUN_LONG]), "hard",
                  num(t4, sizeof t4, types[RH_RUN_HARD]), "estimated", est, NULL);
    }
    for (size_t i = 0; !rc && i < r->n_shoes; i++) {
        const struct rh_load_shoe *p = &r->shoes[i];
        char km[32];
        snprintf(km, sizeof km, "%.0f", p->total_km);
        char guide[512];
        rh__load_shoe_guidance(r->rules, p->total_km, p->retired, guide, sizeof guide);
        rc = line(b, "shoes", "name", p->name, "km", km, "retired",
                  p->retired ? W("shoes_retired") : "", "guidance", guide, NULL);
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
    rh_load_max_hr_basis(&u, RH_LOAD_WHERE_ANY, out, cap);
    return out;
}

static int method_text(const struct rh_load_report *r, struct rh_buf *b)
{
    char text[900], basis[300], srpe[16], trimp[16], pace[16];
    fill(text, sizeof text, "method", "srpe", num(srpe, sizeof srpe, r->method_runs[RH_LOAD_SRPE]),
         "srpe_s", rh_plural_s(r->method_runs[RH_LOAD_SRPE]), "trimp",
         num(trimp, sizeof trimp, r->method_runs[RH_LOAD_TRIMP]), "pace",
         num(pace, sizeof pace, r->method_runs[RH_LOAD_PACE]), NULL);
    size_t n = strlen(text);
    if (r->method_runs[RH_LOAD_TRIMP] && n > 0 && n + 1 < sizeof text) {
        text[n++] = ' ';
        char rest[32], max[32];
        snprintf(rest, sizeof rest, "%.0f", r->rest_hr);
        snprintf(max, sizeof max, "%.0f", r->max_hr);
        fill(text + n, sizeof text - n, "method_hr", "rest", rest, "rest_from",
             r->rest_hr_from_profile ? W("from_profile") : W("rest_assumed"), "max", max,
             "max_from",
             r->max_hr_from_profile ? W("from_profile") : max_hr_basis(r, basis, sizeof basis),
             NULL);
    }
    return wrap(b, "", text);
}

/* "Counted: 40 runs. Not counted: cycling 5 (77.2 km), not running; 2 you
 * excluded; 1 without a date." so that no activity vanishes silently. */
static int left_out_text(const struct rh_load_report *r, struct rh_buf *out)
{
    const struct rh_load_left_out *l = &r->left_out;
    char t[200], c[16];
    fill(t, sizeof t, "counted", "runs", num(c, sizeof c, (int)r->n_runs), "runs_s",
         rh_plural_s((double)r->n_runs), NULL);
    int rc = rh_buf_puts(out, t);
    if (!rc && r->logged_runs) {
        fill(t, sizeof t, "counted_logged", "logged", num(c, sizeof c, r->logged_runs), NULL);
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
        fill(t, sizeof t, "excluded", "n", num(c, sizeof c, l->excluded), NULL);
        rc = rh_buf_printf(out, "%s%s %s", any ? "" : " ", any ? ";" : W("not_counted"), t);
    }
    any = any || l->excluded;
    if (!rc && l->undated) {
        fill(t, sizeof t, "undated", "n", num(c, sizeof c, l->undated), NULL);
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
    char days[16];
    fill(t, sizeof t, "title", "as_of", a, "when", when, "first", f, "days",
         num(days, sizeof days, r->history_days), "days_s", rh_plural_s(r->history_days), NULL);
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
            fill(try_ + 1, sizeof try_ - 1, "quiet_try", "day", d, NULL);
        }
        rc = rh_buf_printf(out, "%s%s\n\n", quiet, try_);
    }
    /* fewer days than the figures need ([settings] min_history_days) */
    if (!rc && r->history_days < r->rules->set.min_history_days)
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
