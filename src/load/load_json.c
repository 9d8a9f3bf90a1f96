/* SPDX-License-Identifier: MIT */
/*
 * The load report as one JSON document: how loads were measured, the
 * current figures, the weekly series (whole history, calendar weeks), the daily and per-run
 * series of the last 12 weeks, shoes, pain markers and the findings with
 * their ids, values, thresholds, units, dates, evidence and advice.
 * Missing figures are null. Key names are part of the contract with the
 * dashboard and the assessment; see docs/internals/load.md.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "load/load_int.h"
#include "util/banned.h"

#define SERIES_DAYS 84

int rh__json_num(struct rh_buf *b, double v, int decimals)
{
    static const double scale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (!isfinite(v))
        return rh_buf_puts(b, "null");
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    double m = v * scale[decimals];
    if (fabs(m) >= 9e15)
        return rh_buf_printf(b, "%.*f", decimals, v);
    /* fixed-point by hand: printf's float path is the slow part of a big
     * report */
    long long q = llround(m);
    char tmp[40], *p = tmp + sizeof tmp;
    unsigned long long u = q < 0 ? (unsigned long long)(-q) : (unsigned long long)q;
    for (int d = 0; d < decimals; d++) {
        *--p = (char)('0' + u % 10);
        u /= 10;
    }
    if (decimals)
        *--p = '.';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (q < 0)
        *--p = '-';
    return rh_buf_append(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* "key":value helpers; each writes a leading comma unless first. */
struct jw {
    struct rh_buf *b;
    int r;
};

static void key(struct jw *w, const char *k, bool first)
{
    if (w->r)
        return;
    if (!first)
        w->r = rh_buf_puts(w->b, ",");
    if (!w->r)
        w->r = rh_buf_json_str(w->b, k);
    if (!w->r)
        w->r = rh_buf_puts(w->b, ":");
}

static void num(struct jw *w, const char *k, double v, int dec, bool first)
{
    key(w, k, first);
    if (!w->r)
        w->r = rh__json_num(w->b, v, dec);
}

static void inum(struct jw *w, const char *k, long v, bool first)
{
    key(w, k, first);
    if (!w->r)
        w->r = rh_buf_printf(w->b, "%ld", v);
}

static void str(struct jw *w, const char *k, const char *v, bool first)
{
    key(w, k, first);
    if (!w->r)
        w->r = rh_buf_json_str(w->b, v);
}

static void date(struct jw *w, const char *k, int32_t d, bool first)
{
    char t[11];
    if (d < 0) {
        key(w, k, first);
        if (!w->r)
            w->r = rh_buf_puts(w->b, "null");
        return;
    }
    rh_date_format(d, t);
    str(w, k, t, first);
}

static void raw(struct jw *w, const char *s)
{
    if (!w->r)
        w->r = rh_buf_puts(w->b, s);
}

static void methods_note(struct jw *w, const struct rh_load_report *r)
{
    /* words24b: data/load_rules.txt [text] json.methods */
    char note[400];
    const char *const names[] = {"main"};
    const char *const vals[] = {rh_load_method_name(r->main_method)};
    rh__load_fill(note, sizeof note, rh__load_text(r->rules, RH_TEXT_JSON_METHODS), names, vals, 1);
    str(w, "note", note, false);
}

/* The findings fs[0..n) as JSON objects, comma-separated. */
static void findings_json(struct jw *w, const struct rh_load_finding *const *fs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct rh_load_finding *f = fs[i];
        raw(w, i ? ",{" : "{");
        str(w, "id", f->id, true);
        inum(w, "rank", f->rank, false);
        num(w, "value", f->value, 2, false);
        num(w, "threshold", f->threshold, 2, false);
        str(w, "unit", f->unit, false);
        date(w, "from", f->from, false);
        date(w, "to", f->to, false);
        str(w, "title", f->title, false);
        /* the figure against the threshold in plain words, the line the
         * terminal's load and the Training page give (rh_load_finding_measure) */
        char m[400];
        str(w, "measure", rh_load_finding_measure(f, m, sizeof m), false);
        str(w, "detail", f->detail, false);
        str(w, "evidence", f->evidence, false);
        str(w, "evidence_strength", f->strength, false);
        str(w, "source", f->source, false);
        str(w, "advice", f->advice, false);
        /* review 10 #4: the advice waits for the clearance (null: for now) */
        if (f->deferred)
            str(w, "advice_deferred", f->deferred, false);
        else
            raw(w, ",\"advice_deferred\":null");
        raw(w, "}");
    }
}

/* One array of weeks: the rolling 7-day windows ending on the as-of day
 * (`weeks`, the meaning cli.md keeps from the first version) or the calendar
 * weeks of the Training page (`calendar_weeks`, Monday to Sunday, the last
 * one with this_week_so_far while it is not over). */
static void weeks_json(struct jw *w, const struct rh_load_week *ws, size_t n, bool calendar)
{
    for (size_t i = 0; i < n; i++) {
        const struct rh_load_week *k = &ws[i];
        raw(w, i ? ",{" : "{");
        date(w, "from", k->from, true);
        date(w, "to", k->to, false);
        if (calendar)
            raw(w, k->partial ? ",\"this_week_so_far\":true" : ",\"this_week_so_far\":false");
        num(w, "km", k->km, 2, false);
        num(w, "minutes", k->minutes, 1, false);
        num(w, "elev_m", k->elev_m, 0, false);
        num(w, "load", k->load, 1, false);
        num(w, "change_prev_pct", k->change_prev_pct, 1, false);
        num(w, "change_4wk_pct", k->change_4wk_pct, 1, false);
        num(w, "change_prev_km", k->change_prev_km, 1, false);
        num(w, "change_4wk_km", k->change_4wk_km, 1, false);
        num(w, "acwr_rolling", k->acwr_rolling, 3, false);
        num(w, "acwr_rolling_uncoupled", k->acwr_rolling_uncoupled, 3, false);
        num(w, "acwr_ewma", k->acwr_ewma, 3, false);
        num(w, "acwr_ewma_uncoupled", k->acwr_ewma_uncoupled, 3, false);
        num(w, "monotony", k->monotony, 3, false);
        num(w, "strain", k->strain, 1, false);
        inum(w, "runs", k->runs, false);
        inum(w, "rest_days", k->rest_days, false);
        inum(w, "strength", k->strength, false);
        inum(w, "mobility", k->mobility, false);
        raw(w, ",\"types\":{");
        for (int t = 0; t < RH_RUN__COUNT; t++)
            inum(w, rh_run_type_name((enum rh_run_type)t), k->type_count[t], t == 0);
        raw(w, "}");
        num(w, "longest_km", k->longest_km, 2, false);
        num(w, "cadence_spm", k->cadence_spm, 1, false);
        raw(w, "}");
    }
}

int rh_load_write_json(const struct rh_load_report *r, struct rh_buf *out)
{
    return rh_load_write_json_shown(r, NULL, out);
}

int rh_load_write_json_shown(const struct rh_load_report *r, const struct rh_load_shown *sh,
                             struct rh_buf *out)
{
    struct jw w = {out, 0};
    const struct rh_load_now *now = &r->now;
    raw(&w, "{");
    date(&w, "as_of", r->as_of, true);
    str(&w, "as_of_source", r->as_of_is_newest  ? "newest_activity"
                          : r->as_of_is_today ? "today"
                                              : "given", false);
    date(&w, "first_day", r->first_day, false);
    inum(&w, "history_days", r->history_days, false);
    date(&w, "newest_run", r->newest_run_day, false);
    /* runs counted: recorded, and logged by hand with no file (issue 9) */
    raw(&w, ",\"counted\":{");
    inum(&w, "recorded_runs", (long)r->n_runs, true);
    inum(&w, "logged_runs", r->logged_runs, false);
    raw(&w, "}");
    /* what was not counted, and why (second version) */
    raw(&w, ",\"left_out\":{");
    inum(&w, "excluded", r->left_out.excluded, true);
    inum(&w, "undated", r->left_out.undated, false);
    raw(&w, ",\"not_running\":{");
    bool first_sport = true;
    for (int k = 0; k < RH_SPORT__COUNT; k++) {
        if (!r->left_out.not_running[k])
            continue;
        if (!first_sport)
            raw(&w, ",");
        first_sport = false;
        char key[64];
        snprintf(key, sizeof key, "\"%s\":{", rh_sport_name((enum rh_sport)k));
        raw(&w, key);
        inum(&w, "count", r->left_out.not_running[k], true);
        num(&w, "km", r->left_out.not_running_km[k], 1, false);
        raw(&w, "}");
    }
    raw(&w, "}}");
    raw(&w, ",\"load_method\":{");
    str(&w, "main", rh_load_method_name(r->main_method), true);
    inum(&w, "runs_srpe", r->method_runs[RH_LOAD_SRPE], false);
    inum(&w, "runs_trimp", r->method_runs[RH_LOAD_TRIMP], false);
    inum(&w, "runs_pace", r->method_runs[RH_LOAD_PACE], false);
    methods_note(&w, r);
    raw(&w, "},\"heart_rate\":{");
    num(&w, "rest_bpm", r->rest_hr, 0, true);
    str(&w, "rest_source", r->rest_hr_from_profile ? "profile" : "assumed", false);
    num(&w, "max_bpm", r->max_hr, 0, false);
    str(&w, "max_source",
        r->max_hr_from_profile ? "profile"
        : rh_has(r->max_hr)    ? "estimated_from_data"
                               : "none",
        false);
    /* the estimate's basis (data/load_rules.txt max_hr_lone_peak_bpm, max_hr_age_*) */
    inum(&w, "max_recordings", r->max_hr_recordings, false);
    inum(&w, "max_left_out_ended_early", r->max_hr_left_out, false);
    num(&w, "max_lone_peak_left_out", r->max_hr_lone_peak, 0, false);
    num(&w, "max_age_predicted", r->max_hr_age, 0, false);
    raw(&w, rh_load_max_hr_estimated(r) ? ",\"run_types_approximate\":true"
                                        : ",\"run_types_approximate\":false");
    str(&w, "trimp_weighting", r->trimp_female ? "female" : "male", false);
    raw(&w, "},\"ewma\":{");
    str(&w, "convention", "2/(N+1)", true);
    num(&w, "lambda_acute", r->lambda_acute, 4, false);
    num(&w, "lambda_chronic", r->lambda_chronic, 4, false);
    { /* words24b: data/load_rules.txt [text] json.ewma, its days the settings' */
        char note[400], acute[32], chronic[32];
        snprintf(acute, sizeof acute, "%g", r->rules->set.acute_days);
        snprintf(chronic, sizeof chronic, "%g", r->rules->set.chronic_days);
        const char *const names[] = {"acute", "chronic"};
        const char *const vals[] = {acute, chronic};
        rh__load_fill(note, sizeof note, rh__load_text(r->rules, RH_TEXT_JSON_EWMA), names, vals,
                      2);
        str(&w, "note", note, false);
    }
    raw(&w, "},\"now\":{");
    num(&w, "weekly_km", now->weekly_km, 2, true);
    num(&w, "usual_weekly_km", now->usual_weekly_km, 2, false);
    num(&w, "change_prev_pct", now->change_prev_pct, 1, false);
    num(&w, "change_4wk_pct", now->change_4wk_pct, 1, false);
    num(&w, "change_prev_km", now->change_prev_km, 1, false);
    num(&w, "change_4wk_km", now->change_4wk_km, 1, false);
    num(&w, "acwr_rolling", now->acwr_rolling, 3, false);
    num(&w, "acwr_rolling_uncoupled", now->acwr_rolling_uncoupled, 3, false);
    num(&w, "acwr_ewma", now->acwr_ewma, 3, false);
    num(&w, "acwr_ewma_uncoupled", now->acwr_ewma_uncoupled, 3, false);
    if (now->gap_days > 0) { /* back after a gap: the ratios above are null */
        char words[600];
        rh_load_gap_words(r, words, sizeof words);
        key(&w, "acwr_gap", false);
        if (!w.r)
            w.r = rh_buf_puts(w.b, "{");
        inum(&w, "days", now->gap_days, true);
        date(&w, "from", now->gap_from, false);
        date(&w, "to", now->gap_to, false);
        num(&w, "before_weekly_km", now->gap_before_weekly_km, 1, false);
        str(&w, "words", words, false);
        if (!w.r)
            w.r = rh_buf_puts(w.b, "}");
    }
    num(&w, "monotony", now->monotony, 3, false);
    num(&w, "strain", now->strain, 1, false);
    num(&w, "strength_per_week", now->strength_per_week, 3, false); /* eighths: 0.125 */
    num(&w, "mobility_per_week", now->mobility_per_week, 3, false);
    inum(&w, "rest_days_last_week", now->rest_days_last_week, false);
    inum(&w, "longest_streak_days", now->longest_streak, false);
    num(&w, "cadence_spm", now->cadence_spm, 1, false);
    num(&w, "cadence_prev_spm", now->cadence_prev_spm, 1, false);
    num(&w, "cadence_trend_spm_per_week", now->cadence_trend_spm_per_week, 2, false);
    num(&w, "same_route_pct", now->same_route_share * 100, 1, false);
    inum(&w, "tracked_runs", now->tracked_runs, false);
    inum(&w, "hot_runs", now->hot_runs, false);
    num(&w, "longest_run_km", now->longest_run_km, 2, false);
    date(&w, "longest_run_date", now->longest_run_day, false);
    str(&w, "current_shoe", now->current_shoe, false);
    num(&w, "current_shoe_km", now->current_shoe_km, 1, false);
    /* weeks: the 7-day windows ending on the as-of day, as cli.md's first
     * version has them ("keys stay, with their meaning"); calendar_weeks:
     * the Monday-to-Sunday weeks of the Training page, the terminal's table
     * and the chart, the last one the week so far (review 8 #18) */
    raw(&w, "},\"weeks\":[");
    weeks_json(&w, r->weeks, r->n_weeks, false);
    raw(&w, "],\"calendar_weeks\":[");
    weeks_json(&w, r->cal_weeks, r->n_cal_weeks, true);
    int32_t from = r->as_of - (SERIES_DAYS - 1);
    raw(&w, "],\"days\":[");
    bool first = true;
    for (size_t i = 0; i < r->n_days; i++) {
        const struct rh_load_day *d = &r->days[i];
        if (d->day < from)
            continue;
        raw(&w, first ? "{" : ",{");
        first = false;
        date(&w, "date", d->day, true);
        num(&w, "km", d->km, 2, false);
        num(&w, "minutes", d->minutes, 1, false);
        num(&w, "elev_m", d->elev_m, 0, false);
        num(&w, "load", d->load, 1, false);
        int nm = 0;
        enum rh_load_method m = RH_LOAD_NONE;
        for (int k = 1; k < RH_LOAD__COUNT; k++)
            if (d->methods & (1u << k)) {
                nm++;
                m = (enum rh_load_method)k;
            }
        str(&w, "method", nm > 1 ? "mixed" : rh_load_method_name(m), false);
        inum(&w, "runs", d->runs, false);
        inum(&w, "strength", d->strength, false);
        inum(&w, "mobility", d->mobility, false);
        key(&w, "pain", false);
        if (!w.r)
            w.r = d->pain >= 0 ? rh_buf_printf(out, "%d", d->pain) : rh_buf_puts(out, "null");
        raw(&w, "}");
    }
    raw(&w, "],\"runs\":[");
    first = true;
    for (size_t i = 0; i < r->n_runs; i++) {
        const struct rh_load_run *u = &r->runs[i];
        if (u->day < from)
            continue;
        raw(&w, first ? "{" : ",{");
        first = false;
        inum(&w, "id", (long)u->id, true);
        date(&w, "date", u->day, false);
        num(&w, "km", u->km, 2, false);
        num(&w, "minutes", u->minutes, 1, false);
        num(&w, "elev_m", u->elev_m, 0, false);
        num(&w, "cadence_spm", u->cad_spm, 1, false);
        num(&w, "avg_hr", u->avg_hr, 0, false);
        num(&w, "temperature_c", u->temp_c, 1, false);
        str(&w, "temperature_source",
            rh_has(u->temp_c) ? rh_temp_source_name(u->temp_source) : NULL, false);
        num(&w, "load", u->load, 1, false);
        str(&w, "method", rh_load_method_name(u->method), false);
        str(&w, "type", rh_run_type_name(u->type), false);
        num(&w, "longest_prev30_km", u->prev30_longest_km, 2, false);
        num(&w, "vs_longest_pct", u->vs_longest_pct, 1, false);
        str(&w, "gear", u->gear[0] ? u->gear : NULL, false);
        key(&w, "race", false);
        raw(&w, u->race ? "true}" : "false}");
    }
    raw(&w, "],\"shoes\":[");
    for (size_t i = 0; i < r->n_shoes; i++) {
        const struct rh_load_shoe *p = &r->shoes[i];
        raw(&w, i ? ",{" : "{");
        str(&w, "name", p->name, true);
        num(&w, "km", p->total_km, 1, false);
        num(&w, "before_km", p->before_km, 1, false);
        num(&w, "recorded_km", p->logged_km, 1, false);
        inum(&w, "runs", p->runs, false);
        date(&w, "last_used", p->last_day, false);
        key(&w, "retired", false);
        raw(&w, p->retired ? "true" : "false");
        raw(&w, "}");
    }
    raw(&w, "],\"findings\":[");
    {
        const struct rh_load_finding *fs[RH_LOAD_MAX_FINDINGS];
        size_t n = 0;
        for (size_t i = 0; i < r->n_findings && n < RH_LOAD_MAX_FINDINGS; i++)
            fs[n++] = &r->findings[i];
        findings_json(&w, fs, n);
    }
    raw(&w, "]");
    /* runner16: the findings of the weeks before the pain began, as the
     * terminal's load and the Training page give them (rh_load_findings_shown) */
    if (sh && sh->onset_day >= 0) {
        raw(&w, ",\"before_onset\":{");
        date(&w, "onset", sh->onset_day, true);
        date(&w, "to", sh->before.as_of, false);
        raw(&w, ",\"findings\":[");
        findings_json(&w, sh->before_onset, sh->n_before);
        raw(&w, "]}");
    }
    raw(&w, ",\"note\":");
    if (!w.r)
        w.r = rh_buf_json_str(out, rh__load_text(r->rules, RH_TEXT_JSON_INFO));
    raw(&w, "}\n");
    return w.r;
}
