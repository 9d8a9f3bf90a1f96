/* SPDX-License-Identifier: MIT */
/*
 * Which training-load findings are shown beside the chart (review 8 #10):
 * those of the latest weeks, and those of the weeks before the pain began,
 * which led to it and which the plan cites, so that they do not drop out of
 * the Training page and the hand-off report a few weeks later.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "load/load_int.h"
#include "runhip/intake.h"
#include "runhip/load.h"
#include "runhip/store.h"
#include "util/banned.h"

int rh_load_onset_day(struct rh_store *s, int32_t *onset_day, struct rh_err *err)
{
    *onset_day = -1;
    int64_t aid, created;
    char *intake = NULL, *result = NULL;
    int r = rh_store_assessment_latest(s, &aid, &created, &intake, &result, err);
    rh_free(result);
    if (r == RH_ENOTFOUND) {
        rh_free(intake);
        rh_err_clear(err);
        return 0;
    }
    if (r) {
        rh_free(intake);
        return r;
    }
    struct rh_intake in;
    rh_intake_init(&in);
    struct rh_err ie;
    rh_err_clear(&ie);
    /* an unreadable stored intake says no onset, not an error of the page */
    if (intake && rh_intake_parse(intake, strlen(intake), &in, &ie) == 0 && in.duration_days > 0)
        *onset_day = rh_tz_day(rh_store_zone(s), created) - in.duration_days;
    rh_free(intake);
    return 0;
}

int rh_load_findings_shown(struct rh_store *s, const struct rh_load_report *latest,
                           struct rh_load_shown *out, struct rh_err *err)
{
    memset(out, 0, sizeof *out);
    out->onset_day = -1;
    for (size_t i = 0; i < latest->n_findings; i++)
        out->latest[out->n_latest++] = &latest->findings[i];
    int32_t onset;
    int r = rh_load_onset_day(s, &onset, err);
    if (r)
        return r;
    /* the weeks before the pain began are part of the latest weeks' own
     * findings when the pain began after the as-of day, or in their window */
    if (onset < 0 || onset >= latest->as_of)
        return 0;
    out->onset_day = onset;
    /* the weeks before the pain began end the day before it: the run of
     * the onset day is the one that hurt, not the training that led to it
     * (runner16: it moved the shown step rate off the assessment's) */
    r = rh_load_report_build(s, onset - 1, &out->before, err);
    if (r == RH_EEMPTY) {
        rh_err_clear(err);
        return 0;
    }
    if (r)
        return r;
    for (size_t i = 0; i < out->before.n_findings; i++) {
        const struct rh_load_finding *f = &out->before.findings[i];
        /* nothing known before the pain is no finding of those weeks */
        if (strcmp(f->id, "too_little_data") == 0)
            continue;
        /* a finding the latest weeks still show (the same kind) is said
         * once, with its latest figures */
        bool dup = false;
        for (size_t k = 0; k < out->n_latest && !dup; k++)
            dup = strcmp(out->latest[k]->id, f->id) == 0;
        if (!dup)
            out->before_onset[out->n_before++] = f;
    }
    return 0;
}

const char *rh_load_shown_heading(const struct rh_load_report *r, const struct rh_load_shown *sh,
                                  bool before, char *buf, size_t cap)
{
    if (!cap)
        return "";
    if (!before) {
        snprintf(buf, cap, "%s", rh__load_text(r->rules, RH_TEXT_FINDINGS_LATEST));
        return buf;
    }
    char od[11] = "";
    if (sh->onset_day >= 0) /* the last day of those weeks: the day before the onset */
        rh_date_format(sh->before.as_of, od);
    const char *const names[] = {"onset"}, *const vals[] = {od};
    rh__load_fill(buf, cap, rh__load_text(r->rules, RH_TEXT_FINDINGS_BEFORE), names, vals, 1);
    return buf;
}

const char *rh_load_shown_after(const struct rh_load_report *r, const struct rh_load_shown *sh,
                                const struct rh_load_finding *f, char *buf, size_t cap)
{
    if (!cap)
        return "";
    buf[0] = '\0';
    /* onset_day is set only when the pain began before the latest as-of
     * day (rh_load_findings_shown); a finding whose last day is after it
     * measured runs done on the existing pain (review 9 #11) */
    if (!sh || sh->onset_day < 0 || !f || !rh_load_finding_after(r, f, sh->onset_day))
        return buf;
    char od[11];
    rh_date_format(sh->onset_day, od);
    const char *const names[] = {"onset"}, *const vals[] = {od};
    rh__load_fill(buf, cap, rh__load_text(r->rules, RH_TEXT_FINDINGS_AFTER), names, vals, 1);
    return buf;
}

/* A run on that day, recorded or logged by hand as an outing of its own
 * (the report's days; false outside them). */
static bool ran_on(const struct rh_load_report *r, int32_t day)
{
    return day >= r->first_day && day - r->first_day < (int32_t)r->n_days &&
           r->days[day - r->first_day].runs > 0;
}

bool rh_load_finding_after(const struct rh_load_report *r, const struct rh_load_finding *f,
                           int32_t onset_day)
{
    if (!r || !f || onset_day < 0 || f->to <= onset_day)
        return false;
    /* a finding of the diary's sessions (few strength sessions) counts days,
     * not runs: its weeks after the onset are after it */
    if (f->log && *f->log)
        return true;
    /* data/load_rules.txt onset_lead (the weekly jump's) and
     * onset_lead_days: such a finding whose week has runs in the days up to
     * the onset began before the pain, a possible cause, not runs on an
     * existing pain (load19) */
    if (f->onset_lead && r->rules) {
        const struct rh__load_settings *set = &r->rules->set;
        int32_t a = rh__load_week_start(f->to, (int)set->week_first_day);
        int32_t lo = onset_day - (int32_t)set->onset_lead_days;
        if (a < lo)
            a = lo;
        for (int32_t d = a; d <= onset_day; d++)
            if (ran_on(r, d))
                return false;
    }
    /* runs done on the existing pain: for a finding whose figures count
     * the runs logged by hand (data/load_rules.txt hand_logged), a day of
     * its weeks after the onset with a run, recorded or logged by hand as
     * an outing of its own (the days' runs; words20: only the watch's were
     * counted); for one measured on the recordings (a step rate, a route),
     * a recorded run */
    if (f->hand_logged) {
        for (int32_t d = f->from > onset_day ? f->from : onset_day + 1; d <= f->to; d++)
            if (ran_on(r, d))
                return true;
        return false;
    }
    for (size_t i = 0; i < r->n_runs; i++)
        if (r->runs[i].day > onset_day && r->runs[i].day >= f->from && r->runs[i].day <= f->to)
            return true;
    return false;
}

int rh_load_newest_run_before(struct rh_store *s, int32_t day, int32_t *newest,
                              struct rh_err *err)
{
    *newest = -1;
    struct rh_load_report r;
    memset(&r, 0, sizeof r);
    int rc = rh_load_report_build(s, day - 1, &r, err);
    if (rc == RH_EEMPTY) {
        rh_err_clear(err);
        return 0;
    }
    if (rc)
        return rc;
    *newest = r.newest_run_day;
    rh_load_report_release(&r);
    return 0;
}

int rh_load_after_onset_label(int32_t onset_day, char *buf, size_t cap, struct rh_err *err)
{
    if (cap)
        buf[0] = '\0';
    struct rh__load_rules *rules = NULL;
    int rc = rh__load_rules_load(&rules, err);
    if (rc)
        return rc;
    char od[11];
    rh_date_format(onset_day, od);
    const char *const names[] = {"onset"}, *const vals[] = {od};
    if (cap)
        rh__load_fill(buf, cap, rh__load_text(rules, RH_TEXT_FINDINGS_AFTER), names, vals, 1);
    rh__load_rules_free(rules);
    return 0;
}

int rh__load_value_digits(const char *unit)
{
    /* a ratio to two places (its threshold as written: 1.5, not 1.50),
     * every other figure whole */
    return unit && strcmp(unit, "ratio") == 0 ? 2 : 0;
}

const char *rh_load_finding_measure(const struct rh_load_finding *f, char *out, size_t n)
{
    if (!n)
        return "";
    out[0] = '\0';
    if (!f || !f->measure)
        return out;
    /* the figure as the finding was judged on (rh__load_value_digits) */
    char v[32], t[32], w[32], ss[32], sl[32];
    snprintf(v, sizeof v, "%.*f", rh__load_value_digits(f->unit), f->value);
    snprintf(t, sizeof t, "%g", f->threshold);
    /* a count a week in whole sessions of the finding's weeks: under 1.5
     * a week over 4 weeks is under 6 sessions */
    int weeks = (f->to - f->from + 1) / 7;
    if (weeks < 1)
        weeks = 1;
    snprintf(w, sizeof w, "%d week%s", weeks, weeks == 1 ? "" : "s");
    snprintf(ss, sizeof ss, "%.0f", round(f->value * weeks));
    snprintf(sl, sizeof sl, "%.0f", ceil(f->threshold * weeks - 1e-9));
    const char *const names[] = {"value", "threshold", "weeks", "sessions", "sessions_line"};
    const char *const vals[] = {v, t, w, ss, sl};
    rh__load_fill(out, n, f->measure, names, vals, 5);
    return out;
}

void rh_load_shown_release(struct rh_load_shown *sh)
{
    rh_load_report_release(&sh->before);
    memset(sh, 0, sizeof *sh);
    sh->onset_day = -1;
}

const char *rh_load_change_words(double pct, double km, char *out, size_t n)
{
    if (!n)
        return "";
    out[0] = '\0';
    if (rh_has(pct) && isfinite(pct))
        snprintf(out, n, "%+.0f%%", pct);
    else if (rh_has(km) && isfinite(km)) /* from a tiny base: the km, not a percentage */
        snprintf(out, n, "%+.0f km", fabs(km) < 0.5 ? 0.0 : km);
    return out;
}

const char *rh_load_sessions_words(const struct rh_load_now *now, bool mobility, char *out,
                                   size_t n)
{
    if (!n)
        return "";
    out[0] = '\0';
    double per = mobility ? now->mobility_per_week : now->strength_per_week;
    int count = mobility ? now->mobility_sessions : now->strength_sessions;
    int weeks = now->session_weeks;
    if (!rh_has(per) || weeks < 1)
        return out;
    /* words24b: the words are data/wording.txt [load_messages] sessions_* */
    char span[80], wk[16], cnt[16];
    snprintf(wk, sizeof wk, "%d", weeks);
    snprintf(cnt, sizeof cnt, "%d", count);
    if (weeks == 1)
        rh__load_say(span, sizeof span, "sessions_span_one", NULL);
    else
        rh__load_say(span, sizeof span, "sessions_span", "weeks", wk, NULL);
    if (count == 0) {
        rh__load_say(out, n, "sessions_none", "span", span, NULL);
        return out;
    }
    /* ux28: how often, as people say it: "about once every 8 weeks", "about
     * twice a week" (it said "0.125 a week"); the count and its weeks are
     * said before it */
    char rate[80];
    if (per > 0 && per < 1 && (int)lround(1 / per) >= 2) {
        char every[16];
        snprintf(every, sizeof every, "%ld", lround(1 / per));
        rh__load_say(rate, sizeof rate, "sessions_rate_every", "n", every, NULL);
    } else if (lround(per) <= 1) {
        rh__load_say(rate, sizeof rate, "sessions_rate_once", NULL);
    } else if (lround(per) == 2) {
        rh__load_say(rate, sizeof rate, "sessions_rate_twice", NULL);
    } else {
        char times[16];
        snprintf(times, sizeof times, "%ld", lround(per));
        rh__load_say(rate, sizeof rate, "sessions_rate_times", "n", times, NULL);
    }
    if (weeks == 1 && count == 1)
        rh__load_say(out, n, "sessions_one_alone", "span", span, NULL);
    else if (weeks == 1) /* the mean of one week is its count */
        rh__load_say(out, n, "sessions_alone", "n", cnt, "span", span, NULL);
    else if (count == 1)
        rh__load_say(out, n, "sessions_one", "span", span, "rate", rate, NULL);
    else
        rh__load_say(out, n, "sessions_many", "n", cnt, "span", span, "rate", rate, NULL);
    return out;
}

static void defer_report(struct rh_load_report *r)
{
    if (!r || !r->rules)
        return;
    const char *lead = rh__load_text(r->rules, RH_TEXT_ADVICE_DEFERRED);
    for (size_t i = 0; i < r->n_findings; i++) {
        r->findings[i].deferred = lead;
        r->findings[i].log = ""; /* nothing to log now */
    }
}

void rh_load_shown_defer(struct rh_load_report *r, struct rh_load_shown *sh)
{
    defer_report(r);
    if (sh)
        defer_report(&sh->before);
}
