/* SPDX-License-Identifier: MIT */
/*
 * The training-load report: reads the stored activities, diary and profile
 * up to an as-of day, computes the daily series, the weeks counted back from
 * the as-of day, the rolling figures and the per-run comparisons, then the
 * findings of data/load_rules.txt ranked by the strength of their evidence.
 * Formulas, units and sources: docs/internals/load.md.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/load_int.h"
#include "util/banned.h"

#define MAX_HISTORY_DAYS 7320 /* 20 years: older activities are left out */

const char *rh_load_method_name(enum rh_load_method m)
{
    static const char *const names[] = {"none", "srpe", "trimp", "pace"};
    return (unsigned)m < RH_LOAD__COUNT ? names[m] : "none";
}

const char *rh_run_type_name(enum rh_run_type t)
{
    static const char *const names[] = {"easy", "moderate", "long", "hard"};
    return (unsigned)t < RH_RUN__COUNT ? names[t] : "easy";
}

void rh_load_report_release(struct rh_load_report *r)
{
    if (!r)
        return;
    rh_free(r->days);
    rh_free(r->weeks);
    rh_free(r->cal_weeks);
    rh_free(r->runs);
    rh_free(r->shoes);
    rh__load_rules_free(r->rules);
    memset(r, 0, sizeof *r);
}

const struct rh_load_finding *rh_load_report_finding(const struct rh_load_report *r, const char *id)
{
    for (size_t i = 0; i < r->n_findings; i++)
        if (strcmp(r->findings[i].id, id) == 0)
            return &r->findings[i];
    return NULL;
}

/* ---- small numeric helpers ---------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Percentile (0..1, linear between order statistics) of v[0..n), sorting v. */
static double percentile(double *v, size_t n, double p)
{
    if (!n)
        return RH_NONE;
    qsort(v, n, sizeof *v, cmp_double);
    double pos = p * (double)(n - 1);
    size_t lo = (size_t)floor(pos);
    size_t hi = lo + 1 < n ? lo + 1 : lo;
    return v[lo] + (v[hi] - v[lo]) * (pos - (double)lo);
}

static double run_speed(const struct rh_load_run *u)
{
    return u->km > 0 && u->minutes > 0 ? u->km * 1000.0 / (u->minutes * 60.0) : RH_NONE;
}

/* ---- the build context -------------------------------------------------- */

struct cal_week;

struct ctx {
    struct rh_store *s;
    struct rh_load_report *r;
    const struct rh__load_settings *set;
    struct rh_err *err;
    struct rh_session *sess;
    size_t n_sess;
    double p10_speed, p90_speed;
    double *rsum_load; /* prefix sums over days: rsum[i] = sum of days[0..i) */
    double *ewma_a, *ewma_c;
    double *srpe_fixed, *srpe_rate; /* per day, see srpe_tables */
    int *srpe_n;
    bool *sess_own; /* per diary session: a logged run counted as its own outing */
    size_t week_run; /* first run not before the week being filled */
    struct cal_week *cw; /* the calendar weeks of weekly_jump */
    size_t n_cw;
};

/* hist29: a run on level ground, whose step rate means what the low_cadence
 * line means (data/load_rules.txt cadence_level_climb_m_km): not a trail run
 * (the file's sport), climbing under the line a km. A run without a
 * distance is judged by its sport alone. */
static bool level_run(const struct ctx *c, const struct rh_load_run *u)
{
    if (u->trail)
        return false;
    return !(u->km > 0 && u->elev_m / u->km >= c->set->cadence_level_climb_m_km);
}

/* session 30 (walk30): the step rate the training is judged by, one
 * function for the training reader's low_cadence line and the assessment's
 * training figures (rh_load_fill_intake): the median of the recent runs on
 * level ground (level_run), when there are at least cadence_min_runs of
 * them; RH_NONE otherwise (a trail's or a hill's step rate, or that of a
 * first few outings, is not the one the line is about). */
double rh__load_judged_cadence(const struct rh__load_settings *set, const struct rh_load_now *now)
{
    if (now->cadence_level_runs >= (int)set->cadence_min_runs && rh_has(now->cadence_level_spm))
        return now->cadence_level_spm;
    return RH_NONE;
}

static int oom(struct ctx *c)
{
    return rh_err_set(c->err, RH_ENOMEM, "out of memory");
}

static size_t day_index(const struct rh_load_report *r, int32_t day)
{
    return (size_t)(day - r->first_day);
}

/* Reads a profile number (meta key) in [lo, hi]; NaN when absent or bad. */
static int profile_number(struct ctx *c, const char *key, double lo, double hi, double *out)
{
    char *v = NULL;
    *out = RH_NONE;
    int rc = rh_store_meta_get(c->s, key, &v, c->err);
    if (rc)
        return rc;
    double d;
    if (v && rh_parse_double(v, &d) == 0 && d >= lo && d <= hi)
        *out = d;
    rh_free(v);
    return 0;
}

static int read_profile(struct ctx *c, const struct rh_store_load_row *acts, size_t n)
{
    struct rh_load_report *r = c->r;
    int rc = profile_number(c, "profile.rest_hr", 25, 120, &r->rest_hr);
    if (!rc)
        rc = profile_number(c, "profile.max_hr", 100, 240, &r->max_hr);
    if (rc)
        return rc;
    /* sex and birth year: the profile's, else the latest assessment's
     * answers (rh_load_person, session 17) */
    struct rh_load_person who;
    if ((rc = rh_load_person(c->s, &who, c->err)))
        return rc;
    r->trimp_female = strcmp(who.sex, "female") == 0;
    r->rest_hr_from_profile = rh_has(r->rest_hr);
    r->max_hr_from_profile = rh_has(r->max_hr);
    if (!r->rest_hr_from_profile)
        r->rest_hr = c->set->assumed_rest_hr;
    r->max_hr_lone_peak = RH_NONE;
    r->max_hr_age = RH_NONE;
    if (!r->max_hr_from_profile) {
        /* data/load_rules.txt max_hr_lone_peak_bpm: the highest session
         * peak of the recordings whose file is complete (a file that ended
         * early is left out), unless it stands alone far above all others
         * (a glitch): then the second highest; at least the age-predicted
         * maximum when the birth year is known (max_hr_age_*) */
        double top[2];
        int k = 2, n_top = 0;
        for (size_t i = 0; i < n; i++) {
            double h = rh_has(acts[i].max_hr) ? acts[i].max_hr : acts[i].avg_hr;
            if (!rh_has(h) || h > 240)
                continue;
            if (acts[i].truncated) {
                r->max_hr_left_out++;
                continue;
            }
            r->max_hr_recordings++;
            /* keep the k highest, highest first */
            int j;
            if (n_top < k)
                j = n_top++;
            else if (h > top[k - 1])
                j = k - 1;
            else
                continue;
            top[j] = h;
            while (j > 0 && top[j - 1] < top[j]) {
                double t = top[j - 1];
                top[j - 1] = top[j];
                top[j] = t;
                j--;
            }
        }
        r->max_hr = n_top ? top[0] : RH_NONE;
        if (n_top == 2 && top[0] - top[1] > c->set->max_hr_lone_peak_bpm) {
            r->max_hr = top[1];
            r->max_hr_lone_peak = top[0];
        }
        double by = who.birth_year > 0 ? who.birth_year : RH_NONE;
        int y, mo, dd;
        rh_civil_from_days(r->as_of, &y, &mo, &dd);
        int age = rh_has(by) ? y - (int)by : -1; /* the age this year */
        if (age >= 10 && age <= 100) {
            r->max_hr_age = c->set->max_hr_age_a - c->set->max_hr_age_b * age;
            if (rh_has(r->max_hr) && r->max_hr < r->max_hr_age)
                r->max_hr = r->max_hr_age;
        }
    }
    return 0;
}

/* Diary run sessions with an RPE, summed per day once: minutes x RPE of
 * sessions that give their minutes, and the RPE of those that do not (their
 * load is the day's recorded run minutes x RPE). */
static int srpe_tables(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    c->srpe_fixed = rh_calloc(r->n_days, sizeof(double));
    c->srpe_rate = rh_calloc(r->n_days, sizeof(double));
    c->srpe_n = rh_calloc(r->n_days, sizeof(int));
    if (!c->srpe_fixed || !c->srpe_rate || !c->srpe_n)
        return oom(c);
    for (size_t i = 0; i < c->n_sess; i++) {
        const struct rh_session *e = &c->sess[i];
        if (e->kind != RH_SESSION_RUN || e->rpe < 0 || e->day < r->first_day ||
            e->day > r->as_of || c->sess_own[i])
            continue;
        size_t k = day_index(r, e->day);
        if (rh_has(e->minutes)) {
            if (!(e->minutes > 0))
                continue;
            c->srpe_fixed[k] += e->minutes * e->rpe;
            c->srpe_n[k] |= 1;
        } else {
            c->srpe_rate[k] += e->rpe;
            c->srpe_n[k] |= 2;
        }
    }
    return 0;
}

/* Session-RPE load of day d given its recorded run minutes; *any is false
 * when the diary has no usable RPE that day. */
static double srpe_of_day(const struct ctx *c, int32_t d, double recorded_min, bool *any)
{
    size_t k = day_index(c->r, d);
    bool rate = (c->srpe_n[k] & 2) && recorded_min > 0;
    *any = (c->srpe_n[k] & 1) || rate;
    return c->srpe_fixed[k] + (rate ? c->srpe_rate[k] * recorded_min : 0);
}

/* ---- per-run and per-day figures ---------------------------------------- */

/* The first recorded run (r->runs, sorted by day) on or after day d. */
static size_t first_run_from(const struct rh_load_report *r, int32_t d)
{
    size_t lo = 0, hi = r->n_runs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->runs[mid].day < d)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Which runs logged by hand (`log session run`) are outings of their own.
 * A logged run is either the runner's rating of a recorded run or an outing
 * no file recorded (a treadmill run without a watch). The rule, for each
 * logged run of local day d:
 *  - no recorded run on d: its own outing; its km, minutes and load count;
 *  - no km given: it rates d's recorded running (its RPE and minutes give
 *    the day's session-RPE load, as `log session run --rpe` always did);
 *  - km given: it is the same outing as a recorded run of d whose distance
 *    is within logged_run_match (a share of the larger) of its km and that
 *    no other logged run of d took, the closest first; then the recording
 *    counts, once, rated by the logged run. Else it is a second outing of
 *    that day (a 5 km treadmill run beside a 12 km recorded one) and counts
 *    in full beside the recording.
 * So a run logged by hand and later imported from a file (or imported
 * first and logged after) counts once, and two outings of one day twice.
 * Decided on the stored records each time the report is built, so the
 * order in which they were entered does not matter. */
static int logged_runs_own(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    if (c->n_sess && !(c->sess_own = rh_calloc(c->n_sess, sizeof *c->sess_own)))
        return oom(c);
    bool *taken = rh_calloc(r->n_runs ? r->n_runs : 1, sizeof *taken);
    if (!taken)
        return oom(c);
    for (size_t k = 0; k < c->n_sess; k++) {
        const struct rh_session *e = &c->sess[k];
        if (e->kind != RH_SESSION_RUN || e->day < r->first_day || e->day > r->as_of)
            continue;
        size_t i = first_run_from(r, e->day);
        if (i >= r->n_runs || r->runs[i].day != e->day) {
            c->sess_own[k] = true; /* no recorded run that day */
            continue;
        }
        if (!(e->km > 0))
            continue; /* the rating of the day's recorded running */
        size_t best = r->n_runs;
        double best_diff = 0;
        for (; i < r->n_runs && r->runs[i].day == e->day; i++) {
            double big = e->km > r->runs[i].km ? e->km : r->runs[i].km;
            double diff = fabs(e->km - r->runs[i].km) / big;
            if (taken[i] || diff > c->set->logged_run_match)
                continue;
            if (best == r->n_runs || diff < best_diff) {
                best = i;
                best_diff = diff;
            }
        }
        if (best < r->n_runs)
            taken[best] = true; /* the recording of this logged run */
        else
            c->sess_own[k] = true;
    }
    rh_free(taken);
    return 0;
}

/* runner19: the longest run logged by hand as an outing of its own
 * (logged_runs_own) of days [from, to]; 0 when none. A run the watch did
 * not record (it died on a 34 km trail run) is a run like a recorded one
 * for the longest of the 30 days ([settings] spike_window_days) before a run (the single-run spike, both
 * as the spike and as what a later run is measured against). */
static double logged_longest(const struct ctx *c, int32_t from, int32_t to)
{
    double longest = 0;
    for (size_t k = 0; c->sess_own && k < c->n_sess; k++) {
        const struct rh_session *e = &c->sess[k];
        if (c->sess_own[k] && e->kind == RH_SESSION_RUN && e->day >= from && e->day <= to &&
            e->km > longest)
            longest = e->km;
    }
    return longest;
}

static int build_runs_and_days(struct ctx *c, const struct rh_store_load_row *acts, size_t n)
{
    struct rh_load_report *r = c->r;
    const struct rh__load_settings *set = c->set;
    size_t n_run = 0;
    for (size_t i = 0; i < n; i++)
        n_run += rh_sport_is_run(acts[i].sport);
    if (n_run && !(r->runs = rh_calloc(n_run, sizeof *r->runs)))
        return oom(c);
    double *speeds = rh_calloc(n_run ? n_run : 1, sizeof *speeds);
    if (!speeds)
        return oom(c);
    size_t n_speed = 0;
    for (size_t i = 0; i < n; i++) {
        const struct rh_store_load_row *a = &acts[i];
        int32_t d = a->day;
        if (d < r->first_day || d > r->as_of)
            continue;
        struct rh_load_day *day = &r->days[day_index(r, d)];
        if (a->sport == RH_SPORT_STRENGTH) {
            day->strength++;
            continue;
        }
        if (!rh_sport_is_run(a->sport)) {
            r->left_out.not_running[a->sport]++;
            if (rh_has(a->distance_m) && a->distance_m > 0)
                r->left_out.not_running_km[a->sport] += a->distance_m / 1000;
            continue;
        }
        struct rh_load_run *u = &r->runs[r->n_runs++];
        u->id = a->id;
        u->day = d;
        u->km = rh_has(a->distance_m) && a->distance_m > 0 ? a->distance_m / 1000 : 0;
        double dur = rh_has(a->timer_s) ? a->timer_s : a->elapsed_s;
        u->minutes = rh_has(dur) && dur > 0 ? dur / 60 : 0;
        u->elev_m = rh_has(a->elev_gain_m) ? a->elev_gain_m : 0;
        u->trail = a->sport == RH_SPORT_TRAIL_RUNNING;
        u->cad_spm =
            rh_has(a->cadence_spm) && a->cadence_spm >= 100 && a->cadence_spm <= 250
                ? a->cadence_spm
                : RH_NONE;
        u->avg_hr = rh_has(a->avg_hr) && a->avg_hr > 0 ? a->avg_hr : RH_NONE;
        u->temp_c = a->temp_c;
        u->temp_source = a->temp_source;
        u->prev30_longest_km = u->vs_longest_pct = RH_NONE;
        memcpy(u->gear, a->gear, sizeof u->gear);
        double sp = run_speed(u);
        if (rh_has(sp))
            speeds[n_speed++] = sp;
        day->km += u->km;
        day->minutes += u->minutes;
        day->elev_m += u->elev_m;
        day->runs++;
    }
    /* the runner's own pace range */
    double *tmp = speeds;
    r->ref_speed_mps = percentile(tmp, n_speed, 0.5);
    c->p10_speed = percentile(tmp, n_speed, 0.1);
    c->p90_speed = percentile(tmp, n_speed, 0.9);
    rh_free(speeds);
    int rc;
    if ((rc = logged_runs_own(c)) || (rc = srpe_tables(c)))
        return rc;

    /* load of each run */
    bool hr_ok = rh_has(r->max_hr) && r->max_hr > r->rest_hr + 20;
    double ta = r->trimp_female ? 0.86 : 0.64, tb = r->trimp_female ? 1.67 : 1.92;
    for (size_t i = 0; i < r->n_runs; i++) {
        struct rh_load_run *u = &r->runs[i];
        if (rh_has(u->avg_hr) && hr_ok) {
            double hrr = (u->avg_hr - r->rest_hr) / (r->max_hr - r->rest_hr);
            hrr = hrr < 0 ? 0 : hrr > 1 ? 1 : hrr;
            u->load = u->minutes * hrr * ta * exp(tb * hrr);
            u->method = RH_LOAD_TRIMP;
        } else {
            double sp = run_speed(u);
            double f = rh_has(sp) && rh_has(r->ref_speed_mps) && r->ref_speed_mps > 0
                           ? sp / r->ref_speed_mps
                           : 1.0;
            u->load = u->minutes * f * f;
            u->method = RH_LOAD_PACE;
        }
    }
    /* session-RPE replaces the other methods on days the diary has an RPE */
    size_t i = 0;
    while (i < r->n_runs) {
        size_t j = i;
        while (j < r->n_runs && r->runs[j].day == r->runs[i].day)
            j++;
        struct rh_load_day *day = &r->days[day_index(r, r->runs[i].day)];
        bool any;
        double srpe = srpe_of_day(c, r->runs[i].day, day->minutes, &any);
        for (size_t k = i; k < j; k++) {
            struct rh_load_run *u = &r->runs[k];
            if (any) {
                u->method = RH_LOAD_SRPE;
                u->load =
                    day->minutes > 0 ? srpe * u->minutes / day->minutes : srpe / (double)(j - i);
            }
            day->load += u->load;
            day->methods |= 1u << u->method;
            r->method_runs[u->method]++;
        }
        i = j;
    }
    /* diary: runs logged by hand that are outings of their own (see
     * logged_runs_own), strength, mobility */
    for (size_t k = 0; k < c->n_sess; k++) {
        const struct rh_session *e = &c->sess[k];
        if (e->day < r->first_day || e->day > r->as_of)
            continue;
        struct rh_load_day *day = &r->days[day_index(r, e->day)];
        if (e->kind == RH_SESSION_STRENGTH)
            day->strength++;
        else if (e->kind == RH_SESSION_MOBILITY)
            day->mobility++;
        else if (e->kind == RH_SESSION_RUN && c->sess_own[k]) {
            /* a run no file recorded; with its km and no minutes, the
             * minutes at the runner's usual pace */
            double m = rh_has(e->minutes) ? e->minutes
                       : e->km > 0 && rh_has(r->ref_speed_mps) && r->ref_speed_mps > 0
                           ? e->km * 1000 / r->ref_speed_mps / 60
                           : 0;
            day->runs++;
            r->logged_runs++;
            day->km += e->km;
            day->minutes += m;
            if (e->rpe >= 0) {
                day->load += m * e->rpe;
                day->methods |= 1u << RH_LOAD_SRPE;
                r->method_runs[RH_LOAD_SRPE]++;
            } else {
                /* the pace method, as the report calls it: minutes x
                 * (speed / usual speed)^2 when the entry gives both km and
                 * minutes (runner18: 5 km in 31 min counted 31, the
                 * minutes alone, under "minutes x (speed / your usual
                 * speed)^2"); 1 for the factor otherwise */
                double f = 1.0;
                if (e->km > 0 && m > 0 && rh_has(r->ref_speed_mps) && r->ref_speed_mps > 0)
                    f = e->km * 1000 / (m * 60) / r->ref_speed_mps;
                day->load += m * f * f;
                day->methods |= 1u << RH_LOAD_PACE;
                r->method_runs[RH_LOAD_PACE]++;
            }
        }
    }
    enum rh_load_method best = RH_LOAD_NONE;
    for (int m = 1; m < RH_LOAD__COUNT; m++)
        if (r->method_runs[m] > r->method_runs[best])
            best = (enum rh_load_method)m;
    r->main_method = best;
    (void)set;
    return 0;
}

/* Run types and the comparison with the longest run of the 30 days before
 * ([settings] spike_window_days). */
static void classify_runs(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    const struct rh__load_settings *set = c->set;
    /* prefix sums of minutes and runs per day for the 28-day mean duration */
    size_t nd = r->n_days;
    bool hr_ok = rh_has(r->max_hr) && r->max_hr > r->rest_hr + 20;
    size_t lo = 0; /* first run inside the 30-day window of run i */
    int32_t window = (int32_t)set->spike_window_days;
    for (size_t i = 0; i < r->n_runs; i++) {
        struct rh_load_run *u = &r->runs[i];
        size_t di = day_index(r, u->day);
        /* mean run duration of the 28 days ending that day */
        double mins = 0;
        int runs = 0;
        for (size_t k = di + 1 >= 28 ? di + 1 - 28 : 0; k <= di && k < nd; k++) {
            mins += r->days[k].minutes;
            runs += r->days[k].runs;
        }
        double mean = runs ? mins / runs : RH_NONE;
        u->type = RH_RUN_EASY;
        double pos = RH_NONE;
        if (hr_ok && rh_has(u->avg_hr))
            pos = (u->avg_hr - r->rest_hr) / (r->max_hr - r->rest_hr);
        bool by_hr = rh_has(pos);
        if (!by_hr) {
            double sp = run_speed(u);
            if (rh_has(sp) && rh_has(c->p10_speed) && c->p90_speed - c->p10_speed > 0.05)
                pos = (sp - c->p10_speed) / (c->p90_speed - c->p10_speed);
        }
        if (runs >= 3 && rh_has(mean) && u->minutes >= set->long_run_factor * mean)
            u->type = RH_RUN_LONG;
        else if (rh_has(pos) && pos >= (by_hr ? set->hard_hrr : set->hard_pace_position))
            u->type = RH_RUN_HARD;
        else if (rh_has(pos) && pos >= (by_hr ? set->moderate_hrr : set->moderate_pace_position))
            u->type = RH_RUN_MODERATE;
        /* longest of days [d-30, d-1] (spike_window_days), with at least
         * spike_min_days of data before (fewer than 30: the days there are) */
        while (lo < i && r->runs[lo].day < u->day - window)
            lo++;
        if (u->day - (int32_t)set->spike_min_days < r->first_day)
            continue;
        double longest = 0;
        for (size_t k = lo; k < i && r->runs[k].day < u->day; k++)
            if (r->runs[k].km > longest)
                longest = r->runs[k].km;
        double hand = logged_longest(c, u->day - window, u->day - 1);
        if (hand > longest)
            longest = hand;
        if (longest > 0 && u->km > 0) {
            u->prev30_longest_km = longest;
            u->vs_longest_pct = (u->km / longest - 1.0) * 100.0;
        }
    }
}

/* Distance of the days [from, to] (clipped to the data). */
static double days_km(const struct rh_load_report *r, int32_t from, int32_t to)
{
    double km = 0;
    for (int32_t d = from < r->first_day ? r->first_day : from; d <= to && d <= r->as_of; d++)
        km += r->days[day_index(r, d)].km;
    return km;
}

/* Races: a run of a half or full marathon's distance whose 7 days before
 * were a taper (at most race_taper_share of the mean week of the 4 weeks
 * before them, all inside the data), or that was run at a race's pace: its
 * minutes a km at most race_pace_share of those of the runner's long runs
 * of the 28 days before (minutes: NaN or 0 when unknown: no such reading).
 * h26dev: a run after such a week at the long runs' own effort (minutes a
 * km at least race_long_pace_share of theirs and a heart rate at most
 * race_long_hr_bpm above their mean, both known) is a long run, no race.
 * data/load_rules.txt says why. */
static bool race_on(const struct rh_load_report *r, const struct rh__load_settings *set,
                    const double dist[2], int32_t day, double km, double minutes, double hr)
{
    bool race_km = false;
    for (size_t k = 0; k < 2; k++)
        race_km |= fabs(km - dist[k]) <= set->race_km_tolerance * dist[k];
    if (!race_km)
        return false;
    bool long_effort = false;
    if (minutes > 0) {
        double long_min = 0, long_km = 0, long_hr = 0;
        int n_hr = 0;
        for (size_t i = first_run_from(r, day - 28); i < r->n_runs && r->runs[i].day < day; i++)
            if (r->runs[i].type == RH_RUN_LONG && r->runs[i].km > 0 && r->runs[i].minutes > 0) {
                long_min += r->runs[i].minutes;
                long_km += r->runs[i].km;
                if (rh_has(r->runs[i].avg_hr)) {
                    long_hr += r->runs[i].avg_hr;
                    n_hr++;
                }
            }
        double pace = minutes / km, long_pace = long_km > 0 ? long_min / long_km : 0;
        if (long_km > 0 && pace <= set->race_pace_share * long_pace)
            return true;
        long_effort = long_km > 0 && n_hr > 0 && rh_has(hr) && hr > 0 &&
                      pace >= set->race_long_pace_share * long_pace &&
                      hr <= long_hr / n_hr + set->race_long_hr_bpm;
    }
    if (long_effort || day - 35 < r->first_day)
        return false;
    double before = days_km(r, day - 7, day - 1);
    double usual = days_km(r, day - 35, day - 8) / 4;
    return usual > 0 && before <= set->race_taper_share * usual;
}

static void find_races(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    const struct rh__load_settings *set = c->set;
    const double dist[2] = {set->race_half_km, set->race_full_km};
    for (size_t i = 0; i < r->n_runs; i++)
        r->runs[i].race =
            race_on(r, set, dist, r->runs[i].day, r->runs[i].km, r->runs[i].minutes,
                    r->runs[i].avg_hr);
}

/* Rolling loads: prefix sums and the two EWMAs over the days. */
static int rolling(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    size_t nd = r->n_days;
    c->rsum_load = rh_calloc(nd + 1, sizeof(double));
    c->ewma_a = rh_calloc(nd, sizeof(double));
    c->ewma_c = rh_calloc(nd, sizeof(double));
    if (!c->rsum_load || !c->ewma_a || !c->ewma_c)
        return oom(c);
    r->lambda_acute = 2.0 / (c->set->acute_days + 1);
    r->lambda_chronic = 2.0 / (c->set->chronic_days + 1);
    /* both averages start at the mean daily load of the first chronic
     * window, so the first weeks are not biased low (docs/internals/load.md) */
    size_t nseed = nd < (size_t)c->set->chronic_days ? nd : (size_t)c->set->chronic_days;
    double seed = 0;
    for (size_t i = 0; i < nseed; i++)
        seed += r->days[i].load;
    seed = nseed ? seed / (double)nseed : 0;
    double ea = seed, ec = seed;
    for (size_t i = 0; i < nd; i++) {
        double l = r->days[i].load;
        c->rsum_load[i + 1] = c->rsum_load[i] + l;
        ea = r->lambda_acute * l + (1 - r->lambda_acute) * ea;
        ec = r->lambda_chronic * l + (1 - r->lambda_chronic) * ec;
        c->ewma_a[i] = ea;
        c->ewma_c[i] = ec;
    }
    return 0;
}

/* Sum of day loads over day indexes [a, b] (clipped to the data). */
static double load_sum(const struct ctx *c, long a, long b)
{
    long nd = (long)c->r->n_days;
    if (a < 0)
        a = 0;
    if (b >= nd)
        b = nd - 1;
    if (b < a)
        return 0;
    return c->rsum_load[b + 1] - c->rsum_load[a];
}

static double ratio(double a, double b)
{
    return b > 1e-12 ? a / b : RH_NONE;
}

/* Figures of the week ending at day index e. */
static void fill_week(struct ctx *c, struct rh_load_week *w, long e)
{
    struct rh_load_report *r = c->r;
    const struct rh__load_settings *set = c->set;
    int acute = (int)set->acute_days, chronic = (int)set->chronic_days;
    w->to = r->first_day + (int32_t)e;
    w->from = w->to - 6;
    w->longest_km = 0;
    double cad = 0;
    int n_cad = 0, run_days = 0, known_days = 0;
    double loads[7];
    long nd = (long)r->n_days;
    for (int k = 0; k < 7; k++) {
        long i = e - 6 + k;
        loads[k] = 0;
        if (i < 0 || i >= nd) /* before the data, or after the as-of day */
            continue;
        const struct rh_load_day *d = &r->days[i];
        known_days++;
        loads[k] = d->load;
        w->km += d->km;
        w->minutes += d->minutes;
        w->elev_m += d->elev_m;
        w->load += d->load;
        w->runs += d->runs;
        w->strength += d->strength;
        w->mobility += d->mobility;
        run_days += d->runs > 0;
    }
    w->rest_days = known_days - run_days;
    /* weeks are filled oldest first: skip the runs before this week once */
    while (c->week_run < r->n_runs && r->runs[c->week_run].day < w->from)
        c->week_run++;
    for (size_t k = c->week_run; k < r->n_runs && r->runs[k].day <= w->to; k++) {
        const struct rh_load_run *u = &r->runs[k];
        w->type_count[u->type]++;
        if (u->km > w->longest_km)
            w->longest_km = u->km;
        if (rh_has(u->cad_spm)) {
            cad += u->cad_spm;
            n_cad++;
        }
    }
    /* a run logged by hand with its km and no file is an outing of its own
     * (logged_runs_own): it can be the week's longest too (review 9 #13:
     * a week of one logged 4 km run showed "longest 0.0") */
    for (size_t k = 0; k < c->n_sess; k++) {
        const struct rh_session *ls = &c->sess[k];
        if (ls->kind == RH_SESSION_RUN && c->sess_own[k] && ls->day >= w->from && ls->day <= w->to &&
            ls->day >= r->first_day && ls->day <= r->as_of && ls->km > w->longest_km)
            w->longest_km = ls->km;
    }
    w->cadence_spm = n_cad ? cad / n_cad : RH_NONE;
    /* Foster monotony over the 7 daily loads (population SD) */
    double mean = w->load / 7, var = 0;
    for (int k = 0; k < 7; k++)
        var += (loads[k] - mean) * (loads[k] - mean);
    double sd = sqrt(var / 7);
    w->monotony = known_days < 7 || !(mean > 0) ? RH_NONE
                  : sd < 1e-9 * mean            ? set->monotony_cap
                                                : fmin(mean / sd, set->monotony_cap);
    w->strain = rh_has(w->monotony) ? w->load * w->monotony : RH_NONE;
    /* acute:chronic ratios on the week's last day (of the current calendar
     * week: the as-of day) */
    w->acwr_rolling = w->acwr_rolling_uncoupled = w->acwr_ewma = w->acwr_ewma_uncoupled = RH_NONE;
    if (e >= nd)
        e = nd - 1;
    if (e + 1 >= chronic) {
        double a = load_sum(c, e - acute + 1, e) / acute;
        w->acwr_rolling = ratio(a, load_sum(c, e - chronic + 1, e) / chronic);
        w->acwr_rolling_uncoupled =
            ratio(a, load_sum(c, e - chronic + 1, e - acute) / (chronic - acute));
        w->acwr_ewma = ratio(c->ewma_a[e], c->ewma_c[e]);
        if (e - acute + 1 >= chronic)
            w->acwr_ewma_uncoupled = ratio(c->ewma_a[e], c->ewma_c[e - acute]);
    }
    /* back after a gap (data/load_rules.txt acwr_gap_days): the latest
     * stretch of days without a run that reaches into the 28 days, ended by
     * a run of those days, after a run before it (the data's first weeks
     * are too_little_data's). While the chronic window still holds part of
     * the gap (the 28 days after the return), its average is dragged down
     * by it and the ratio is no measure (load19: 2.61 twelve days after a
     * 7-week gap); the gap's length counts, not the part still inside. */
    w->gap_days = 0;
    w->gap_from = w->gap_to = -1;
    w->gap_before_weekly_km = RH_NONE;
    for (long i = e; i > e - chronic + 1 && i > 0 && i < (long)nd; i--) {
        if (r->days[i].runs == 0 || r->days[i - 1].runs != 0)
            continue;
        long j = i - 1;
        while (j >= 0 && r->days[j].runs == 0)
            j--;
        long len = i - 1 - j;
        if (len < (long)set->acwr_gap_days || i - 1 < e - chronic + 1)
            continue;
        if (j < 0) {
            /* no run at all before: the data begin with other sports (years
             * of rides, then a first run), so too_little_data is silent,
             * and the 28 days hold only this week's running: the ratio is
             * 4.00 however little was run (runner18). Not worked out; no
             * gap to speak of either. */
            w->acwr_rolling = w->acwr_rolling_uncoupled = w->acwr_ewma =
                w->acwr_ewma_uncoupled = RH_NONE;
            break;
        }
        w->gap_days = (int)len;
        w->gap_from = r->first_day + (int32_t)(j + 1);
        w->gap_to = r->first_day + (int32_t)(i - 1);
        long a = j - chronic + 1 < 0 ? 0 : j - chronic + 1;
        double km = 0;
        for (long k = a; k <= j; k++)
            km += r->days[k].km;
        w->gap_before_weekly_km = km / (double)(j - a + 1) * 7;
        w->acwr_rolling = w->acwr_rolling_uncoupled = w->acwr_ewma = w->acwr_ewma_uncoupled =
            RH_NONE;
        break;
    }
}

/* The change of km on a base distance: in %, or, when the base is under
 * weekly_jump_min_base_km, in km (a percentage of a tiny base says
 * nothing: 3 km to 20 km is "+565%"; data/load_rules.txt). has_base: the
 * base lies inside the data. */
static void set_change(const struct ctx *c, double km, double base, bool has_base, double *pct,
                       double *dkm)
{
    *pct = *dkm = RH_NONE;
    if (!has_base || !rh_has(base) || !rh_has(km))
        return;
    if (base >= c->set->weekly_jump_min_base_km)
        *pct = (km / base - 1) * 100;
    else
        *dkm = km - base;
}

static int build_weeks(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    size_t nw = (r->n_days + 6) / 7;
    if (!(r->weeks = rh_calloc(nw, sizeof *r->weeks)))
        return oom(c);
    r->n_weeks = nw;
    for (size_t k = 0; k < nw; k++) {
        long e = (long)r->n_days - 1 - (long)(nw - 1 - k) * 7;
        struct rh_load_week *w = &r->weeks[k];
        fill_week(c, w, e);
        /* a week that starts before the data has no "week before" */
        set_change(c, w->km, k >= 1 ? r->weeks[k - 1].km : RH_NONE,
                   k >= 1 && r->weeks[k - 1].from >= r->first_day, &w->change_prev_pct,
                   &w->change_prev_km);
        double m = k >= 4 ? (r->weeks[k - 1].km + r->weeks[k - 2].km + r->weeks[k - 3].km +
                             r->weeks[k - 4].km) /
                                4
                          : RH_NONE;
        set_change(c, w->km, m, k >= 4 && r->weeks[k - 4].from >= r->first_day,
                   &w->change_4wk_pct, &w->change_4wk_km);
    }
    return 0;
}

bool rh_load_gap_words(const struct rh_load_report *r, char *buf, size_t cap)
{
    const struct rh_load_now *n = &r->now;
    int runs = r->n_weeks ? r->weeks[r->n_weeks - 1].runs : 0;
    if (!cap)
        return false;
    buf[0] = '\0';
    if (n->gap_days <= 0)
        return false;
    char a[11], b[11], again[11], before[160], weeks_n[16], km[32], runs_n[16], km_before[32];
    rh_date_format(n->gap_from, a);
    rh_date_format(n->gap_to, b);
    /* the first day whose 28 days (chronic_days) begin after the gap */
    rh_date_format(n->gap_to + (int32_t)r->rules->set.chronic_days, again);
    int weeks = n->gap_days / 7;
    if (rh_has(n->gap_before_weekly_km)) {
        snprintf(km_before, sizeof km_before, "%.1f", n->gap_before_weekly_km);
        const char *const bn[] = {"km"}, *const bv[] = {km_before};
        rh__load_fill(before, sizeof before, rh__load_text(r->rules, RH_TEXT_GAP_BEFORE), bn, bv,
                      1);
    } else {
        snprintf(before, sizeof before, "%s", rh__load_text(r->rules, RH_TEXT_GAP_NONE_BEFORE));
    }
    /* words20: the figures are those of the 7 days to the as-of day (the
     * report's last week, r->weeks), not the calendar week ("this week so
     * far" in the weekly table): the words of data/load_rules.txt [text] gap */
    snprintf(weeks_n, sizeof weeks_n, "%d", weeks);
    snprintf(km, sizeof km, "%.1f", n->weekly_km);
    snprintf(runs_n, sizeof runs_n, "%d", runs);
    const char *const names[] = {"weeks", "weeks_s", "from", "to", "again",
                                 "km",    "runs",    "runs_s", "before"};
    const char *const vals[] = {weeks_n, rh_plural_s(weeks), a,      b, again,
                                km,      runs_n,             rh_plural_s(runs), before};
    rh__load_fill(buf, cap, rh__load_text(r->rules, RH_TEXT_GAP), names, vals,
                  sizeof names / sizeof *names);
    return true;
}

/* Median of v[0..n) (sorts v); RH_NONE when n == 0 (include/runhip/load.h). */
double rh_load_median(double *v, size_t n)
{
    return percentile(v, n, 0.5);
}

static int current_figures(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    struct rh_load_now *now = &r->now;
    const struct rh_load_week *last = &r->weeks[r->n_weeks - 1];
    int32_t recent_from = r->as_of - ((int32_t)c->set->recent_days - 1);
    now->weekly_km = last->km;
    now->change_prev_pct = last->change_prev_pct;
    now->change_4wk_pct = last->change_4wk_pct;
    now->change_prev_km = last->change_prev_km;
    now->change_4wk_km = last->change_4wk_km;
    now->acwr_rolling = last->acwr_rolling;
    now->acwr_rolling_uncoupled = last->acwr_rolling_uncoupled;
    now->acwr_ewma = last->acwr_ewma;
    now->acwr_ewma_uncoupled = last->acwr_ewma_uncoupled;
    now->gap_days = last->gap_days;
    now->gap_from = last->gap_from;
    now->gap_to = last->gap_to;
    now->gap_before_weekly_km = last->gap_before_weekly_km;
    now->monotony = last->monotony;
    now->strain = last->strain;
    now->rest_days_last_week = last->rest_days;
    /* the usual weekly km: the mean of the last 4 weeks that lie inside the
     * data; strength and mobility: the habit, the mean of the last (up to)
     * strength_weeks weeks inside the data (data/load_rules.txt) */
    double km = 0, st = 0, mo = 0;
    int nfull = 0, nses = 0;
    int ses_weeks = c->set->strength_weeks >= 1 ? (int)c->set->strength_weeks : 1;
    now->strength_weeks_none = 0;
    for (size_t k = r->n_weeks; k-- > 0 && nses < ses_weeks;) {
        if (r->weeks[k].from < r->first_day)
            break;
        if (nfull < 4) {
            km += r->weeks[k].km;
            nfull++;
        }
        st += r->weeks[k].strength;
        mo += r->weeks[k].mobility;
        now->strength_weeks_none += r->weeks[k].strength == 0;
        nses++;
    }
    now->usual_weekly_km = nfull == 4 ? km / 4 : RH_NONE;
    now->strength_per_week = nses ? st / nses : RH_NONE;
    now->mobility_per_week = nses ? mo / nses : RH_NONE;
    now->strength_sessions = (int)st;
    now->mobility_sessions = (int)mo;
    now->session_weeks = nses;
    /* longest run of days with a run, inside the last 28 days */
    now->longest_streak = 0;
    now->streak_from = now->streak_to = -1;
    int streak = 0;
    for (int32_t d = recent_from - 40; d <= r->as_of; d++) {
        bool ran = d >= r->first_day && r->days[day_index(r, d)].runs > 0;
        streak = ran ? streak + 1 : 0;
        if (ran && d >= recent_from && streak > now->longest_streak) {
            now->longest_streak = streak;
            now->streak_to = d;
            now->streak_from = d - streak + 1;
        }
    }
    /* cadence: medians and trend */
    double *v = rh_calloc(r->n_runs ? r->n_runs : 1, sizeof *v);
    if (!v)
        return oom(c);
    size_t n = 0, m = 0;
    for (size_t k = 0; k < r->n_runs; k++)
        if (r->runs[k].day >= recent_from && rh_has(r->runs[k].cad_spm))
            v[n++] = r->runs[k].cad_spm;
    now->cadence_spm = rh_load_median(v, n);
    now->cadence_runs = (int)n;
    /* hist29: the runs on level ground, the step rate low_cadence judges
     * (data/load_rules.txt cadence_level_climb_m_km): not a trail run, and
     * climbing under the line a km */
    size_t nl = 0;
    for (size_t k = 0; k < r->n_runs; k++) {
        const struct rh_load_run *u = &r->runs[k];
        if (u->day >= recent_from && rh_has(u->cad_spm) && level_run(c, u))
            v[nl++] = u->cad_spm;
    }
    now->cadence_level_spm = rh_load_median(v, nl);
    now->cadence_level_runs = (int)nl;
    /* the weeks before ([settings] cadence_before_days) */
    int32_t before_from = recent_from - (int32_t)c->set->cadence_before_days;
    for (size_t k = 0; k < r->n_runs; k++)
        if (r->runs[k].day < recent_from && r->runs[k].day >= before_from &&
            rh_has(r->runs[k].cad_spm))
            v[m++] = r->runs[k].cad_spm;
    now->cadence_prev_spm = rh_load_median(v, m);
    rh_free(v);
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int nt = 0;
    for (size_t k = 0; k < r->n_runs; k++) {
        const struct rh_load_run *u = &r->runs[k];
        if (u->day < r->as_of - 83 || !rh_has(u->cad_spm))
            continue;
        double x = (double)(u->day - r->as_of) / 7.0;
        sx += x;
        sy += u->cad_spm;
        sxx += x * x;
        sxy += x * u->cad_spm;
        nt++;
    }
    double den = nt * sxx - sx * sx;
    now->cadence_trend_spm_per_week = nt >= 3 && den > 1e-9 ? (nt * sxy - sx * sy) / den : RH_NONE;
    /* heat, longest run */
    now->longest_run_km = 0;
    now->longest_run_day = -1;
    for (size_t k = 0; k < r->n_runs; k++) {
        const struct rh_load_run *u = &r->runs[k];
        if (u->km > now->longest_run_km) {
            now->longest_run_km = u->km;
            now->longest_run_day = u->day;
        }
    }
    /* runner19: a run logged by hand as an outing of its own is a run of
     * the history too (a 34 km logged run beside "longest 11.1 km") */
    for (size_t k = 0; c->sess_own && k < c->n_sess; k++) {
        const struct rh_session *e = &c->sess[k];
        if (c->sess_own[k] && e->kind == RH_SESSION_RUN && e->day <= r->as_of &&
            e->km > now->longest_run_km) {
            now->longest_run_km = e->km;
            now->longest_run_day = e->day;
        }
    }
    return 0;
}

static int route_figures(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    r->now.same_route_share = RH_NONE;
    struct rh_activity *acts = NULL;
    size_t n = 0;
    /* a day either side in UTC, then the local days */
    int32_t from_day = r->as_of - ((int32_t)c->set->recent_days - 1);
    int64_t from = (int64_t)(from_day - 1) * 86400;
    int rc = rh_store_activities(c->s, from, ((int64_t)r->as_of + 2) * 86400, RH_STORE_WITH_TRACK,
                                 &acts, &n, c->err);
    if (rc)
        return rc;
    size_t *idx = rh_calloc(n ? n : 1, sizeof *idx), m = 0;
    if (!idx) {
        rh_activity_array_free(acts, n);
        return oom(c);
    }
    for (size_t i = 0; i < n; i++)
        if (rh_sport_is_run(acts[i].sport) && acts[i].n_track >= 2 && !acts[i].excluded &&
            rh_activity_local_day(&acts[i]) >= from_day &&
            rh_activity_local_day(&acts[i]) <= r->as_of)
            idx[m++] = i;
    r->now.tracked_runs = (int)m;
    size_t group = 0;
    if (m >= (size_t)c->set->route_min_runs)
        rc = rh__load_route_share(acts, idx, m, c->set->route_cell_m, c->set->route_match,
                                  &r->now.same_route_share, &group);
    rh_free(idx);
    rh_activity_array_free(acts, n);
    return rc ? oom(c) : 0;
}

static int shoe_figures(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    struct rh_store_shoe *tab = NULL;
    size_t nt = 0;
    int rc = rh_store_shoe_list(c->s, &tab, &nt, c->err);
    if (rc)
        return rc;
    size_t cap = nt + 8;
    r->shoes = rh_calloc(cap, sizeof *r->shoes);
    if (!r->shoes) {
        rh_free(tab);
        return oom(c);
    }
    for (size_t i = 0; i < nt; i++) {
        struct rh_load_shoe *p = &r->shoes[r->n_shoes++];
        snprintf(p->name, sizeof p->name, "%s", tab[i].name);
        p->before_km = tab[i].distance_before_km;
        p->retired = tab[i].retired_day >= 0 && tab[i].retired_day <= r->as_of;
        p->last_day = -1;
    }
    rh_free(tab);
    for (size_t k = 0; k < r->n_runs; k++) {
        const struct rh_load_run *u = &r->runs[k];
        if (!u->gear[0])
            continue; /* the store names the pair of an untagged run when it can */
        struct rh_load_shoe *p = NULL;
        for (size_t i = 0; i < r->n_shoes && !p; i++)
            if (strcmp(r->shoes[i].name, u->gear) == 0)
                p = &r->shoes[i];
        if (!p) {
            if (r->n_shoes == cap) {
                struct rh_load_shoe *ns = rh_realloc(r->shoes, 2 * cap * sizeof *ns);
                if (!ns)
                    return oom(c);
                r->shoes = ns;
                cap *= 2;
            }
            p = &r->shoes[r->n_shoes++];
            memset(p, 0, sizeof *p);
            snprintf(p->name, sizeof p->name, "%s", u->gear);
            p->last_day = -1;
        }
        p->logged_km += u->km;
        p->runs++;
        p->last_day = u->day;
        r->now.current_shoe = p->name; /* runs are oldest first */
    }
    for (size_t i = 0; i < r->n_shoes; i++) {
        r->shoes[i].total_km = r->shoes[i].before_km + r->shoes[i].logged_km;
        if (r->now.current_shoe == r->shoes[i].name)
            r->now.current_shoe_km = r->shoes[i].total_km;
    }
    if (!r->now.current_shoe)
        r->now.current_shoe_km = RH_NONE;
    return 0;
}

/* ---- findings ------------------------------------------------------------ */

static struct rh_load_finding *add_finding(struct ctx *c, enum rh_load_finding_id id,
                                           double value, int32_t from, int32_t to,
                                           const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static struct rh_load_finding *add_finding(struct ctx *c, enum rh_load_finding_id id,
                                           double value, int32_t from, int32_t to,
                                           const char *fmt, ...)
{
    struct rh_load_report *r = c->r;
    const struct rh__load_rule *rule = rh__load_rule_of(r->rules, id);
    if (r->n_findings >= RH_LOAD_MAX_FINDINGS)
        return NULL;
    struct rh_load_finding *f = &r->findings[r->n_findings++];
    memset(f, 0, sizeof *f);
    snprintf(f->id, sizeof f->id, "%s", rh_load_finding_name(id));
    f->rank = rule->rank;
    f->value = value;
    f->threshold = rule->threshold;
    snprintf(f->unit, sizeof f->unit, "%s", rule->unit);
    snprintf(f->strength, sizeof f->strength, "%s", rule->strength);
    f->from = from;
    f->to = to;
    f->title = rule->title;
    f->evidence = rule->evidence;
    f->advice = rule->advice;
    f->measure = rule->measure;
    f->log = rule->log;
    f->hand_logged = rule->hand_logged;
    f->onset_lead = rule->onset_lead;
    f->source = rule->source;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->detail, sizeof f->detail, fmt, ap);
    va_end(ap);
    return f;
}

static double thr(const struct ctx *c, enum rh_load_finding_id id)
{
    return rh__load_rule_of(c->r->rules, id)->threshold;
}

static bool beyond(double v, double line);

/* Whether finding id's figure v is past its threshold as the runner reads
 * it: v at the decimals of its measure line (rh__load_value_digits), so a
 * ratio of 1.503, shown "a ratio of 1.50; concern starts above 1.5", is on
 * the line, not past it (h24dev). */
static bool past_line(const struct ctx *c, enum rh_load_finding_id id, double v)
{
    const struct rh__load_rule *rule = rh__load_rule_of(c->r->rules, id);
    double scale = pow(10, rh__load_value_digits(rule->unit));
    return beyond(round(v * scale) / scale, rule->threshold);
}

/* Whether a computed share or ratio is past a line ("more than 30%"): a
 * value on the line is not, even when the division that made it rounded a
 * hair above (13/10 - 1 is 0.30000000000000004): a run exactly 30% longer,
 * a week exactly 30% up, are not past them. */
static bool beyond(double v, double line)
{
    return v > line + 1e-9 * fmax(1.0, fabs(line));
}

static int cmp_rank(const void *a, const void *b)
{
    const struct rh_load_finding *x = a, *y = b;
    return (x->rank > y->rank) - (x->rank < y->rank);
}

/* The first day of "the last 4 weeks" of a finding ([settings]
 * recent_days), not before the data. */
static int32_t recent_start(const struct rh_load_report *r)
{
    int32_t d = r->as_of - ((int32_t)r->rules->set.recent_days - 1);
    return d < r->first_day ? r->first_day : d;
}

/* words24b: a finding's detail from its sentence of data/load_rules.txt,
 * the NAME, VALUE pairs of its figures (checked at load: a sentence names
 * only figures its finding gives, rh__load_rules_parse). */
static void say_detail(const struct ctx *c, struct rh_load_finding *f, enum rh__load_text t,
                       const char *const *names, const char *const *vals, size_t n)
{
    if (f)
        rh__load_fill(f->detail, sizeof f->detail, rh__load_text(c->r->rules, t), names, vals, n);
}

/* ... and a sentence of it said after the detail, a space between */
static void say_more(const struct ctx *c, struct rh_load_finding *f, enum rh__load_text t,
                     const char *const *names, const char *const *vals, size_t n)
{
    size_t used = f ? strlen(f->detail) : 0;
    if (f && used + 1 < sizeof f->detail) {
        f->detail[used++] = ' ';
        rh__load_fill(f->detail + used, sizeof f->detail - used, rh__load_text(c->r->rules, t),
                      names, vals, n);
    }
}

#define PAIRS(names, vals) names, vals, sizeof names / sizeof names[0]

/* {recent_weeks} of a finding's sentence: the weeks of "the last 4 weeks"
 * ([settings] recent_days, whole weeks) */
static const char *recent_weeks(const struct ctx *c, char *buf, size_t cap)
{
    snprintf(buf, cap, "%d", rh__load_recent_weeks(c->set));
    return buf;
}

static void find_long_run_spike(struct ctx *c)
{
    /* hist30: not judged on a record too sparse (too_little_data) */
    if (c->r->sparse)
        return;
    struct rh_load_report *r = c->r;
    const struct rh__load_settings *set = c->set;
    int32_t recent_from = r->as_of - ((int32_t)set->recent_days - 1);
    char d1[11];
    /* the single-session spike; a race after a taper is the planned peak */
    const struct rh_load_run *spike = NULL;
    int n_spikes = 0;
    for (size_t k = 0; k < r->n_runs; k++) {
        const struct rh_load_run *u = &r->runs[k];
        if (u->day < recent_from || !rh_has(u->vs_longest_pct) || u->race)
            continue;
        if (past_line(c, RH_FINDING_long_run_spike, u->vs_longest_pct)) {
            n_spikes++;
            if (!spike || u->vs_longest_pct > spike->vs_longest_pct)
                spike = u;
        }
    }
    /* runs logged by hand as outings of their own, measured alike: against
     * the longest run, recorded or logged, of the 30 days before
     * (spike_window_days), once
     * spike_min_days of data lie before them; a race after a taper is not */
    struct rh_load_run hand;
    const double dist[2] = {set->race_half_km, set->race_full_km};
    for (size_t k = 0; c->sess_own && k < c->n_sess; k++) {
        const struct rh_session *e = &c->sess[k];
        if (!c->sess_own[k] || e->kind != RH_SESSION_RUN || !(e->km > 0) || e->day < recent_from ||
            e->day > r->as_of || e->day - (int32_t)set->spike_min_days < r->first_day ||
            race_on(r, set, dist, e->day, e->km, e->minutes, RH_NONE))
            continue;
        int32_t window = (int32_t)set->spike_window_days;
        double longest = logged_longest(c, e->day - window, e->day - 1);
        for (size_t i = 0; i < r->n_runs; i++)
            if (r->runs[i].day >= e->day - window && r->runs[i].day < e->day &&
                r->runs[i].km > longest)
                longest = r->runs[i].km;
        if (!(longest > 0))
            continue;
        double p = (e->km / longest - 1.0) * 100.0;
        if (!past_line(c, RH_FINDING_long_run_spike, p))
            continue;
        n_spikes++;
        if (!spike || p > spike->vs_longest_pct) {
            memset(&hand, 0, sizeof hand);
            hand.day = e->day;
            hand.km = e->km;
            hand.prev30_longest_km = longest;
            hand.vs_longest_pct = p;
            spike = &hand;
        }
    }
    if (spike) {
        double p = spike->vs_longest_pct;
        /* Frandsen2025's band of the run ([settings] spike_band_*_pct) */
        bool large = p > set->spike_band_large_pct, moderate = p > set->spike_band_moderate_pct;
        double hr = large ? set->spike_hr_large : moderate ? set->spike_hr_moderate
                                                           : set->spike_hr_small;
        const struct rh__load_rules *ru = r->rules;
        char band[64], e_small[16], e_moderate[16], e_large[16];
        snprintf(e_small, sizeof e_small, "%g", set->spike_band_small_pct);
        snprintf(e_moderate, sizeof e_moderate, "%g", set->spike_band_moderate_pct);
        snprintf(e_large, sizeof e_large, "%g", set->spike_band_large_pct);
        const char *const edges[] = {"small", "moderate", "large"};
        const char *const edge_vals[] = {e_small, e_moderate, e_large};
        rh__load_fill(band, sizeof band,
                      rh__load_text(ru, large      ? RH_TEXT_SPIKE_BAND_LARGE
                                        : moderate ? RH_TEXT_SPIKE_BAND_MODERATE
                                                   : RH_TEXT_SPIKE_BAND_SMALL),
                      PAIRS(edges, edge_vals));
        /* with less than 30 days (spike_window_days) of data before the
         * run, the days there are */
        int window_days = (int)set->spike_window_days;
        int days = spike->day - r->first_day < window_days ? spike->day - r->first_day
                                                           : window_days;
        char window[96], f_days[16], f_km[32], f_pct[32], f_longest[32], f_times[32];
        snprintf(f_days, sizeof f_days, "%d", days);
        const char *const wn[] = {"days"};
        const char *const wv[] = {f_days};
        rh__load_fill(window, sizeof window,
                      rh__load_text(ru, days < window_days ? RH_TEXT_SPIKE_WINDOW_DAYS
                                                           : RH_TEXT_SPIKE_WINDOW_FULL),
                      wn, wv, 1);
        rh_date_format(spike->day, d1);
        snprintf(f_km, sizeof f_km, "%.1f", spike->km);
        snprintf(f_pct, sizeof f_pct, "%.0f", p);
        snprintf(f_longest, sizeof f_longest, "%.1f", spike->prev30_longest_km);
        snprintf(f_times, sizeof f_times, "%.1f", hr);
        const char *const names[] = {"day", "km", "pct", "window", "longest", "band", "times"};
        const char *const vals[] = {d1, f_km, f_pct, window, f_longest, band, f_times};
        _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
        struct rh_load_finding *f = add_finding(c, RH_FINDING_long_run_spike, p,
                                                spike->day - days, spike->day, "%s", "");
        say_detail(c, f, RH_TEXT_SPIKE, PAIRS(names, vals));
        if (n_spikes > 1) {
            char rw[16];
            const char *const on[] = {"recent_weeks"};
            const char *const ov[] = {recent_weeks(c, rw, sizeof rw)};
            say_more(c, f, RH_TEXT_SPIKE_OTHERS, PAIRS(on, ov));
        }
    }
}

/* Distance of the races of days [from, to] (counted apart: see find_races). */
static double races_km(const struct rh_load_report *r, int32_t from, int32_t to)
{
    double km = 0;
    for (size_t i = first_run_from(r, from); i < r->n_runs && r->runs[i].day <= to; i++)
        if (r->runs[i].race)
            km += r->runs[i].km;
    return km;
}

/* Whether recorded run u was in the heat: past the heat finding's line,
 * air, or a watch's sensor on the wrist past it plus heat_watch_margin_c
 * (data/load_rules.txt). *air: whether its reading was the weather's. */
static bool run_hot(const struct ctx *c, const struct rh_load_run *u, bool *air)
{
    bool a = u->temp_source == RH_TEMP_SRC_AIR;
    if (air)
        *air = a;
    double line = thr(c, RH_FINDING_heat) + (a ? 0 : c->set->heat_watch_margin_c);
    return rh_has(u->temp_c) && u->temp_c > line;
}

/* Whether the days [from, to] (to clipped to the as-of day) were a hot week
 * (h24dev, jump_heat_share): more than that share of its recorded runs in
 * the heat. *hot and *runs: the counts. */
static bool hot_week(const struct ctx *c, int32_t from, int32_t to, int *hot, int *runs)
{
    const struct rh_load_report *r = c->r;
    *hot = *runs = 0;
    for (size_t i = first_run_from(r, from); i < r->n_runs && r->runs[i].day <= to &&
                                              r->runs[i].day <= r->as_of;
         i++) {
        (*runs)++;
        *hot += run_hot(c, &r->runs[i], NULL);
    }
    return *runs > 0 && *hot > c->set->jump_heat_share * *runs;
}

/* One calendar week of weekly_jump (data/load_rules.txt: the weeks a runner
 * reads, starting on week_first_day, in the local days). */
struct cal_week {
    int32_t from, to; /* to may lie after the as-of day: the current week */
    double km, race_km;
    bool inside; /* the whole week lies after the first day of data */
};

/* The first day of the calendar week of day d (first: 1 = Monday .. 7). */
int32_t rh__load_week_start(int32_t d, int first)
{
    int wd = (int)(((d + 3) % 7 + 7) % 7) + 1; /* day 0, 1970-01-01, was a Thursday (4) */
    return d - (wd - first + 7) % 7;
}

/* The calendar weeks from the one of the first day of data to the one of
 * the as-of day, into c->cw. */
static int cal_weeks(struct ctx *c)
{
    const struct rh_load_report *r = c->r;
    size_t *n = &c->n_cw;
    int first = (int)c->set->week_first_day;
    if (first < 1 || first > 7)
        first = 1;
    int32_t w0 = rh__load_week_start(r->first_day, first), wn = rh__load_week_start(r->as_of, first);
    *n = (size_t)((wn - w0) / 7 + 1);
    struct cal_week *w = c->cw = rh_calloc(*n, sizeof *w);
    struct rh_load_week *rw = c->r->cal_weeks = rh_calloc(*n, sizeof *rw);
    if (!w || !rw)
        return oom(c);
    c->r->n_cal_weeks = *n;
    c->week_run = 0; /* filled oldest first again */
    for (size_t k = 0; k < *n; k++) {
        w[k].from = w0 + 7 * (int32_t)k;
        w[k].to = w[k].from + 6;
        w[k].km = days_km(r, w[k].from, w[k].to);
        w[k].race_km = races_km(r, w[k].from, w[k].to);
        w[k].inside = w[k].from >= r->first_day;
        /* the same week with the figures of the weekly tables and the chart */
        fill_week(c, &rw[k], (long)day_index(r, w[k].to));
        rw[k].partial = w[k].to > r->as_of;
        rw[k].change_prev_pct = rw[k].change_4wk_pct = RH_NONE;
        rw[k].change_prev_km = rw[k].change_4wk_km = RH_NONE;
        if (rw[k].partial) /* a week not over: no change against a whole one */
            continue;
        /* polish29: a week wholly after the newest run (the imported data
         * ended before it) has no data yet, not a drop of 100% */
        if (rh_load_week_after_data(r, w[k].from))
            continue;
        set_change(c, rw[k].km, k >= 1 ? rw[k - 1].km : RH_NONE, k >= 1 && w[k - 1].inside,
                   &rw[k].change_prev_pct, &rw[k].change_prev_km);
        double m = k >= 4 ? (rw[k - 1].km + rw[k - 2].km + rw[k - 3].km + rw[k - 4].km) / 4
                          : RH_NONE;
        set_change(c, rw[k].km, m, k >= 4 && w[k - 4].inside, &rw[k].change_4wk_pct,
                   &rw[k].change_4wk_km);
    }
    return 0;
}

/* Whether week k rose beyond pct on week p (a week of at least the base),
 * more than jump_capacity_margin_pct above every week of the
 * jump_capacity_weeks before p back to a break (else it is the way back to
 * the usual level). *value: the rise, %. */
static bool rise_beyond(const struct ctx *c, const struct cal_week *w, size_t k, size_t p,
                        double pct, double *value)
{
    const struct rh__load_settings *set = c->set;
    double base = set->weekly_jump_min_base_km, cur = w[k].km - w[k].race_km;
    if (!w[p].inside || !(w[p].km >= base))
        return false;
    *value = (cur / w[p].km - 1) * 100;
    if (!beyond(*value, pct))
        return false;
    for (size_t j = p, n = 0; j-- > 0 && ++n <= (size_t)set->jump_capacity_weeks;) {
        if (!w[j].inside || w[j].km < base)
            break; /* a break: the level before it does not count */
        if (cur <= w[j].km * (1 + set->jump_capacity_margin_pct / 100))
            return false; /* back to (about) a level of the weeks just before */
    }
    return true;
}

/* Whether week k ends a build (hist31, data/load_rules.txt
 * jump_build_weeks, jump_build_pct): at least jump_build_weeks weeks in a
 * row, each longer than the week before (all of at least the base, inside
 * the data), whose distance rose on average (compounded) by more than
 * jump_build_pct a week, judged whole as the measure line shows it, from
 * the level before the build: the highest of the week before it and of the
 * jump_capacity_weeks weeks before that, back to a break. Races after a
 * taper are left out of week k. *base: the week before the build, *n its
 * weeks, *rate: the mean rise a week, %. */
static bool build_rise(const struct ctx *c, const struct cal_week *w, size_t k, size_t *base,
                       size_t *n, double *rate)
{
    const struct rh__load_settings *set = c->set;
    double min = set->weekly_jump_min_base_km, cur = w[k].km - w[k].race_km;
    size_t j = k;
    while (j > 0 && w[j - 1].inside && w[j - 1].km >= min &&
           (j == k ? cur : w[j].km) > w[j - 1].km)
        j--;
    if (j == k || (double)(k - j) < set->jump_build_weeks)
        return false;
    double level = w[j].km;
    for (size_t i = j, m = 0; i-- > 0 && ++m <= (size_t)set->jump_capacity_weeks;) {
        if (!w[i].inside || w[i].km < min)
            break; /* a break: the level before it does not count */
        level = fmax(level, w[i].km);
    }
    double r = (pow(cur / level, 1.0 / (double)(k - j)) - 1) * 100;
    if (!beyond(round(r), set->jump_build_pct))
        return false;
    *base = j;
    *n = k - j;
    *rate = r;
    return true;
}

/* A jump of calendar week k, as coaches read it (the settings of
 * data/load_rules.txt):
 *  1: more than the threshold above the week before (a week of at least the
 *     base distance; after one week off, shorter than a break, the last week
 *     run before it), unless the runner ran as much in one of the weeks just
 *     before the lower one with no break between (the way back to the usual
 *     level after a taper, a race or an easy week);
 *  2: after a break of weeks under the base, more than comeback_share of
 *     the mean week before the break (*value: that share in %, *level: the
 *     mean, *break_weeks);
 *  3: a ramp: jump_ramp_weeks weeks in a row each more than jump_ramp_pct
 *     above the week before (*value: the rise of week k on the week before
 *     the ramp, in %);
 *  4: a hot week (h24dev, jump_heat_share) more than jump_ramp_pct above
 *     the week before, under the rules of 1 (*value: the rise, in %).
 *  5: a build (hist31, build_rise): *value the mean rise a week,
 *     in %, *break_weeks its weeks, *cmp the week before it.
 * Races after a taper are left out of week k. *cmp: the week compared with.
 * The current week (not over yet) counts with its distance so far: it can
 * only grow, so a week already past the line is a jump. */
static int week_jump(const struct ctx *c, const struct cal_week *w, size_t k, double *value,
                     double *level, int *break_weeks, size_t *cmp)
{
    const struct rh__load_settings *set = c->set;
    double base = set->weekly_jump_min_base_km;
    if (k == 0 || !w[k - 1].inside)
        return 0;
    double cur = w[k].km - w[k].race_km;
    /* the weeks under the base just before week k */
    size_t b = 0;
    while (b < k && w[k - 1 - b].inside && w[k - 1 - b].km < base)
        b++;
    if (b == 0) {
        *cmp = k - 1;
        if (rise_beyond(c, w, k, k - 1, thr(c, RH_FINDING_weekly_jump), value))
            return 1;
        /* a ramp: this week and the jump_ramp_weeks - 1 before it each rose
         * beyond jump_ramp_pct on their week before */
        size_t n = (size_t)set->jump_ramp_weeks;
        bool ramp = n >= 1 && k >= n;
        for (size_t i = 0; ramp && i < n; i++) {
            double v;
            ramp = rise_beyond(c, w, k - i, k - i - 1, set->jump_ramp_pct, &v);
        }
        if (ramp) {
            *cmp = k - n;
            *value = (cur / w[k - n].km - 1) * 100;
            return 3;
        }
        /* a hot week: its line is the ramp's weekly rise */
        int hot, runs;
        if (hot_week(c, w[k].from, w[k].to, &hot, &runs) &&
            rise_beyond(c, w, k, k - 1, set->jump_ramp_pct, value))
            return 4;
        /* a build (hist31): jump_build_weeks or more weeks in a row each
         * longer than the week before, at more than jump_build_pct a week
         * on average from the level before it */
        size_t nb;
        if (build_rise(c, w, k, cmp, &nb, value)) {
            *break_weeks = (int)nb;
            return 5;
        }
        return 0;
    }
    if (b >= k || !w[k - 1 - b].inside)
        return 0;
    if (b < (size_t)set->comeback_break_weeks) {
        /* a week off: measured against the last week run before it */
        *cmp = k - 1 - b;
        *break_weeks = (int)b;
        return rise_beyond(c, w, k, k - 1 - b, thr(c, RH_FINDING_weekly_jump), value) ? 1 : 0;
    }
    double sum = 0;
    int n = 0;
    for (size_t i = k - 1 - b + 1; i-- > 0 && n < (int)set->comeback_level_weeks && w[i].inside;) {
        sum += w[i].km;
        n++;
    }
    if (!n)
        return 0;
    *level = sum / n;
    *break_weeks = (int)b;
    *cmp = k - 1 - b;
    if (!(*level >= base) || !beyond(cur / *level, set->comeback_share))
        return 0;
    *value = cur / *level * 100;
    return 2;
}

/* "the week of 2025-06-23 to 2025-06-29", or "this week (from ... to today, ...)" */
static void week_words(const struct rh_load_report *r, const struct cal_week *w, char *out,
                       size_t n)
{
    char d1[11], d2[11];
    rh_date_format(w->from, d1);
    rh_date_format(w->to < r->as_of ? w->to : r->as_of, d2);
    /* the week not over as the weekly tables name it (data/load_rules.txt
     * this_week), in the words of [text] week.* */
    const char *const names[] = {"from", "to", "this_week"};
    const char *const vals[] = {d1, d2, rh__load_text(r->rules, RH_TEXT_THIS_WEEK)};
    rh__load_fill(out, n,
                  rh__load_text(r->rules, w->to > r->as_of ? RH_TEXT_WEEK_CURRENT : RH_TEXT_WEEK_OF),
                  names, vals, 3);
}

static void find_weekly_jump(struct ctx *c)
{
    /* hist30: not judged on a record too sparse (too_little_data) */
    if (c->r->sparse)
        return;
    struct rh_load_report *r = c->r;
    size_t nw = c->n_cw;
    const struct cal_week *w = c->cw;
    /* of the weeks ending in the last jump_recent_days days: the latest
     * comeback, else the largest rise on the week before, else a hot week's
     * rise, else a ramp, else the latest build (the longest: its weeks) */
    static const int prio[6] = {0, 4, 6, 2, 3, 1};
    size_t jk = 0, jc = 0;
    int kind = 0;
    double jv = 0, jlevel = 0;
    int jbreak = 0;
    int32_t recent = r->as_of - (int32_t)c->set->jump_recent_days + 1;
    for (size_t k = 0; k < nw; k++) {
        if (w[k].to < recent)
            continue;
        double v = 0, level = 0;
        int b = 0;
        size_t cmp = 0;
        int got = week_jump(c, w, k, &v, &level, &b, &cmp);
        if (!got || prio[got] < prio[kind] || (got == kind && got != 2 && got != 5 && v <= jv))
            continue;
        jk = k, jc = cmp, kind = got, jv = v, jlevel = level, jbreak = b;
    }
    if (!kind)
        return;
    const struct cal_week *jw = &w[jk], *pw = &w[jc];
    int32_t to = jw->to < r->as_of ? jw->to : r->as_of;
    char wk[80], pk[80];
    week_words(r, jw, wk, sizeof wk);
    week_words(r, pw, pk, sizeof pk);
    double cur = jw->km - jw->race_km;
    /* the sentences are data/load_rules.txt's [finding.weekly_jump] detail.* */
    const struct rh__load_rules *ru = r->rules;
    char f_km[32], f_before[32], f_change[32], f_off[16], f_weeks[16], f_line[32], f_base[32],
        f_share[32], f_level[32], f_race[32];
    snprintf(f_km, sizeof f_km, "%.1f", cur);
    snprintf(f_before, sizeof f_before, "%.1f", pw->km);
    snprintf(f_change, sizeof f_change, "%+.0f%%", jv);
    snprintf(f_off, sizeof f_off, "%d", jbreak);
    snprintf(f_weeks, sizeof f_weeks, "%d", kind == 3 ? (int)c->set->jump_ramp_weeks : jbreak);
    snprintf(f_line, sizeof f_line, "%.0f",
             kind == 5 ? c->set->jump_build_pct : c->set->jump_ramp_pct);
    snprintf(f_base, sizeof f_base, "%.0f", c->set->weekly_jump_min_base_km);
    snprintf(f_share, sizeof f_share, "%.0f", jv);
    snprintf(f_level, sizeof f_level, "%.1f", jlevel);
    snprintf(f_race, sizeof f_race, "%.1f", jw->race_km);
    const char *const names[] = {"week",    "km",    "before", "before_week", "change",
                                 "off",     "off_s", "weeks",  "weeks_s",     "line",
                                 "base",    "share", "level"};
    const char *const vals[] = {wk,     f_km,   f_before, pk,
                                f_change, f_off, rh_plural_s(jbreak), f_weeks,
                                rh_plural_s(kind == 3 ? (int)c->set->jump_ramp_weeks : jbreak),
                                f_line, f_base, f_share,  f_level};
    _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
    const char *const race_n[] = {"km"};
    const char *const race_v[] = {f_race};
    struct rh_load_finding *f = NULL;
    if (kind == 2) {
        f = add_finding(c, RH_FINDING_weekly_jump, jv, jw->from - 7 * jbreak, to, "%s", "");
        say_detail(c, f, RH_TEXT_JUMP_COMEBACK, PAIRS(names, vals));
        if (f) { /* measured against the level before the break, not the week before */
            f->threshold = c->set->comeback_share * 100;
            snprintf(f->unit, sizeof f->unit, "%% of usual");
        }
        return; /* its km are the week's without the race, said as they were */
    }
    if (kind == 5) {
        /* a build: its figure the mean rise a week over its weeks, from the
         * first of them, the whole rise said in its detail */
        snprintf(f_change, sizeof f_change, "%+.0f%%", (cur / pw->km - 1) * 100);
        f = add_finding(c, RH_FINDING_weekly_jump, jv, pw->from + 7, to, "%s", "");
        say_detail(c, f, RH_TEXT_JUMP_BUILD, PAIRS(names, vals));
        if (f) {
            f->threshold = c->set->jump_build_pct;
            f->measure = rh__load_text(ru, RH_TEXT_JUMP_BUILD_MEASURE);
            f->title = rh__load_text(ru, RH_TEXT_JUMP_BUILD_TITLE);
            f->advice = rh__load_text(ru, RH_TEXT_JUMP_BUILD_ADVICE);
        }
    } else if (kind == 3) {
        f = add_finding(c, RH_FINDING_weekly_jump, jv, pw->from, to, "%s", "");
        say_detail(c, f, RH_TEXT_JUMP_RAMP, PAIRS(names, vals));
        if (f) /* the line of a ramp is its weekly rise */
            f->threshold = c->set->jump_ramp_pct;
    } else if (kind == 4) {
        /* a hot week (data/load_rules.txt jump_heat_share): its own title
         * and words, its line the ramp's weekly rise */
        int hot, runs;
        hot_week(c, jw->from, jw->to, &hot, &runs);
        char f_hot[16], f_runs[16], f_limit[32], f_hline[32], f_usual[32];
        snprintf(f_hot, sizeof f_hot, "%d", hot);
        snprintf(f_runs, sizeof f_runs, "%d", runs);
        snprintf(f_limit, sizeof f_limit, "%g", thr(c, RH_FINDING_heat));
        snprintf(f_hline, sizeof f_hline, "%g", c->set->jump_ramp_pct);
        snprintf(f_usual, sizeof f_usual, "%g", thr(c, RH_FINDING_weekly_jump));
        const char *const hn[] = {"week", "km",    "before", "change", "hot",
                                  "runs", "limit", "line",   "usual"};
        const char *const hv[] = {wk,     f_km,    f_before, f_change, f_hot,
                                  f_runs, f_limit, f_hline,  f_usual};
        _Static_assert(sizeof hn / sizeof hn[0] == sizeof hv / sizeof hv[0], "pairs");
        f = add_finding(c, RH_FINDING_weekly_jump, jv, pw->from, to, "%s", "");
        say_detail(c, f, RH_TEXT_JUMP_HEAT, PAIRS(hn, hv));
        if (f) {
            f->threshold = c->set->jump_ramp_pct;
            f->title = rh__load_text(ru, RH_TEXT_JUMP_HEAT_TITLE);
        }
    } else {
        f = add_finding(c, RH_FINDING_weekly_jump, jv, pw->from, to, "%s", "");
        say_detail(c, f, jbreak > 0 ? RH_TEXT_JUMP_OFF : RH_TEXT_JUMP, PAIRS(names, vals));
    }
    if (jw->race_km > 0)
        say_more(c, f, RH_TEXT_JUMP_RACE, PAIRS(race_n, race_v));
}

static void find_low_cadence(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    const struct rh_load_now *now = &r->now;
    int32_t recent_from = recent_start(r);
    /* cadence: judged on the runs on level ground, at least
     * cadence_min_runs of them (hist29, data/load_rules.txt): a step rate of
     * a trail or a hill, or of a first few outings, is not the one the line
     * is about */
    double spm = rh__load_judged_cadence(c->set, now);
    if (rh_has(spm) && spm < thr(c, RH_FINDING_low_cadence)) {
        /* the plan gives the same target (rh_load_cadence_target) */
        double lo, hi;
        rh__load_cadence_target(c->set, spm, &lo, &hi);
        char f_spm[32], f_before[32], f_low[32], f_high[32], f_from[32], f_to[32], rw[16];
        char bw[16];
        snprintf(bw, sizeof bw, "%d", rh__load_cadence_before_weeks(c->set));
        snprintf(f_spm, sizeof f_spm, "%.0f", spm);
        snprintf(f_before, sizeof f_before, "%.0f",
                 rh_has(now->cadence_prev_spm) ? now->cadence_prev_spm : 0);
        snprintf(f_low, sizeof f_low, "%g", c->set->cadence_raise_low_pct);
        snprintf(f_high, sizeof f_high, "%g", c->set->cadence_raise_high_pct);
        snprintf(f_from, sizeof f_from, "%.0f", lo);
        snprintf(f_to, sizeof f_to, "%.0f", hi);
        const char *const names[] = {"spm",  "before", "low",          "high",
                                     "from", "to",     "recent_weeks", "before_weeks"};
        const char *const vals[] = {f_spm,  f_before, f_low,
                                    f_high, f_from,   f_to,
                                    recent_weeks(c, rw, sizeof rw), bw};
        _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
        struct rh_load_finding *f =
            add_finding(c, RH_FINDING_low_cadence, spm, recent_from, r->as_of, "%s", "");
        say_detail(c, f,
                   rh_has(now->cadence_prev_spm) ? RH_TEXT_CADENCE_BEFORE : RH_TEXT_CADENCE,
                   PAIRS(names, vals));
        /* hist29: the trail and hilly runs left out, said */
        int left = now->cadence_runs - now->cadence_level_runs;
        if (left > 0) {
            char f_runs[16], f_left[16], f_climb[32];
            snprintf(f_runs, sizeof f_runs, "%d", now->cadence_level_runs);
            snprintf(f_left, sizeof f_left, "%d", left);
            snprintf(f_climb, sizeof f_climb, "%g", c->set->cadence_level_climb_m_km);
            const char *const ln[] = {"runs", "left_out", "climb"};
            const char *const lv[] = {f_runs, f_left, f_climb};
            _Static_assert(sizeof ln / sizeof ln[0] == sizeof lv / sizeof lv[0], "pairs");
            say_more(c, f, RH_TEXT_CADENCE_LEVEL, PAIRS(ln, lv));
        }
    }
}

static void find_no_rest(struct ctx *c)
{
    const struct rh_load_now *now = &c->r->now;
    char d1[11], d2[11];
    /* rest */
    if (now->longest_streak >= thr(c, RH_FINDING_no_rest)) {
        rh_date_format(now->streak_from, d1);
        rh_date_format(now->streak_to, d2);
        char f_days[16];
        snprintf(f_days, sizeof f_days, "%d", now->longest_streak);
        const char *const names[] = {"days", "from", "to"};
        const char *const vals[] = {f_days, d1, d2};
        _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
        say_detail(c,
                   add_finding(c, RH_FINDING_no_rest, now->longest_streak, now->streak_from,
                               now->streak_to, "%s", ""),
                   RH_TEXT_NO_REST, PAIRS(names, vals));
    }
}

static void find_few_strength(struct ctx *c)
{
    /* hist30: not judged on a record too sparse (too_little_data) */
    if (c->r->sparse)
        return;
    struct rh_load_report *r = c->r;
    const struct rh_load_now *now = &r->now;
    /* strength: a habit, read over weeks; with under strength_min_days of
     * data (a new watch, a new diary) an empty diary says nothing yet */
    if (r->history_days < c->set->strength_min_days)
        return;
    /* h25ret: a weekly habit with a break of up to strength_pause_weeks
     * (a race, a holiday) is kept (data/load_rules.txt) */
    if (rh_has(now->strength_per_week) && now->strength_per_week < thr(c, RH_FINDING_few_strength) &&
        now->strength_weeks_none > (int)c->set->strength_pause_weeks) {
        int weeks = now->session_weeks > 0 ? now->session_weeks : 1;
        int32_t from = r->as_of - (7 * weeks - 1);
        if (from < r->first_day)
            from = r->first_day;
        /* its window said, so it is the one strength figure the report
         * gives (review 8 #13: "0.2 a week lately" beside "1.0 a week") */
        char d1[11], d2[11], wk[16], none[16], pause[16];
        rh_date_format(from, d1);
        rh_date_format(r->as_of, d2);
        snprintf(wk, sizeof wk, "%d", weeks);
        snprintf(none, sizeof none, "%d", now->strength_weeks_none);
        snprintf(pause, sizeof pause, "%g", c->set->strength_pause_weeks);
        /* counted in whole sessions, the mean with the precision it has
         * ("0.25 a week", never "0.2" against a line of 0.25) */
        char sw[80], mw[80];
        rh_load_sessions_words(now, false, sw, sizeof sw);
        rh_load_sessions_words(now, true, mw, sizeof mw);
        struct rh_load_finding *f = add_finding(c, RH_FINDING_few_strength,
                                                now->strength_per_week, from, r->as_of, "%s", "");
        if (!f)
            return;
        /* none logged: runhip cannot tell "none done" from "none logged",
         * and says so (data/load_rules.txt detail.none) */
        const char *const names[] = {"from",     "to",      "weeks", "sessions",
                                     "mobility", "without", "pause", "pause_s"};
        const char *const vals[] = {
            d1, d2, wk, sw, mw, none, pause, rh_plural_s((int)c->set->strength_pause_weeks)};
        rh__load_fill(f->detail, sizeof f->detail,
                      rh__load_text(r->rules, now->strength_sessions ? RH_TEXT_STRENGTH_SOME
                                                                     : RH_TEXT_STRENGTH_NONE),
                      PAIRS(names, vals));
    }
}

static void find_same_route(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    const struct rh_load_now *now = &r->now;
    int32_t recent_from = recent_start(r);
    /* same route */
    if (rh_has(now->same_route_share) &&
        past_line(c, RH_FINDING_same_route, now->same_route_share * 100)) {
        char f_share[32], f_runs[16], rw[16];
        snprintf(f_share, sizeof f_share, "%.0f", now->same_route_share * 100);
        snprintf(f_runs, sizeof f_runs, "%d", now->tracked_runs);
        const char *const names[] = {"share", "runs", "recent_weeks"};
        const char *const vals[] = {f_share, f_runs, recent_weeks(c, rw, sizeof rw)};
        _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
        say_detail(c,
                   add_finding(c, RH_FINDING_same_route, now->same_route_share * 100,
                               recent_from, r->as_of, "%s", ""),
                   RH_TEXT_SAME_ROUTE, PAIRS(names, vals));
    }
}

static void find_heat(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    int32_t recent_from = recent_start(r);
    char d1[11];
    /* heat */
    const struct rh_load_run *hot = NULL;
    double hot_air = 0; /* the hottest run's temperature as air */
    int n_hot = 0, n_air = 0;
    /* the threshold is air; a watch's sensor on the wrist reads warmer, so
     * its readings need the margin on top; the weather's air temperature
     * (an Apple Health export's) does not (load_rules.txt) */
    double margin = c->set->heat_watch_margin_c;
    double air_thr = thr(c, RH_FINDING_heat);
    double watch_thr = air_thr + margin;
    double hot_minutes = 0;
    for (size_t k = 0; k < r->n_runs; k++) {
        const struct rh_load_run *u = &r->runs[k];
        bool air;
        if (u->day < recent_from || !run_hot(c, u, &air))
            continue;
        n_hot++;
        n_air += air;
        hot_minutes += rh_has(u->minutes) ? u->minutes : 0;
        double as_air = air ? u->temp_c : u->temp_c - margin;
        if (!hot || as_air > hot_air) {
            hot = u;
            hot_air = as_air;
        }
    }
    r->now.hot_runs = n_hot;
    /* a way of training, not one short warm outing: an hour past the line
     * (heat_min_minutes, h24dev) over at least two runs (heat_min_runs,
     * hist24), data/load_rules.txt */
    if (!hot || hot_minutes < c->set->heat_min_minutes || n_hot < c->set->heat_min_runs)
        return;
    rh_date_format(hot->day, d1);
    /* the sentences are data/load_rules.txt's [finding.heat] detail.* */
    const struct rh__load_rules *ru = r->rules;
    int n_watch = n_hot - n_air;
    char f_n[16], f_air[16], f_watch[16], f_limit[32], f_wlimit[32], f_margin[32], f_hot[32];
    char rw[16];
    snprintf(f_n, sizeof f_n, "%d", n_hot);
    snprintf(f_air, sizeof f_air, "%d", n_air);
    snprintf(f_watch, sizeof f_watch, "%d", n_watch);
    snprintf(f_limit, sizeof f_limit, "%.0f", air_thr);
    snprintf(f_wlimit, sizeof f_wlimit, "%.0f", watch_thr);
    snprintf(f_margin, sizeof f_margin, "%.0f", margin);
    snprintf(f_hot, sizeof f_hot, "%.0f", hot->temp_c);
    const char *const names[] = {"n",      "n_air",   "n_watch",       "limit", "watch_limit",
                                 "margin", "hottest", "hottest_where", "day",   "recent_weeks"};
    const char *const vals[] = {
        f_n,      f_air, f_watch,
        f_limit,  f_wlimit,
        f_margin, f_hot,
        rh__load_text(ru, hot->temp_source == RH_TEMP_SRC_AIR ? RH_TEXT_HEAT_WHERE_AIR
                                                              : RH_TEXT_HEAT_WHERE_WATCH),
        d1,
        recent_weeks(c, rw, sizeof rw)};
    _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
    enum rh__load_text t = n_air == 0     ? (n_hot == 1 ? RH_TEXT_HEAT_WATCH_ONE : RH_TEXT_HEAT_WATCH)
                           : n_watch == 0 ? (n_hot == 1 ? RH_TEXT_HEAT_AIR_ONE : RH_TEXT_HEAT_AIR)
                                          : RH_TEXT_HEAT_BOTH;
    struct rh_load_finding *f =
        add_finding(c, RH_FINDING_heat, hot->temp_c, recent_from, r->as_of, "%s", "");
    if (f)
        rh__load_fill(f->detail, sizeof f->detail, rh__load_text(ru, t), names, vals,
                      sizeof names / sizeof names[0]);
}

/* What a load is worked out from, in the runner's words (the acute:chronic
 * ratio's and the monotony's details; data/load_rules.txt [text] by.*) */
static const char *by_words(const struct rh_load_report *r)
{
    switch (r->main_method) {
    case RH_LOAD_SRPE:
        return rh__load_text(r->rules, RH_TEXT_BY_SRPE);
    case RH_LOAD_TRIMP:
        return rh__load_text(r->rules, RH_TEXT_BY_TRIMP);
    case RH_LOAD_PACE:
        return rh__load_text(r->rules, RH_TEXT_BY_PACE);
    default:
        return "";
    }
}

static void find_acwr_high(struct ctx *c)
{
    /* hist30: not judged on a record too sparse (too_little_data) */
    if (c->r->sparse)
        return;
    struct rh_load_report *r = c->r;
    const struct rh_load_now *now = &r->now;
    /* acute:chronic ratio (contested); not in the week of a race after a
     * taper, which is high by design (data/load_rules.txt) */
    for (size_t k = first_run_from(r, r->as_of - 6); k < r->n_runs; k++)
        if (r->runs[k].race)
            return;
    /* hist29: judged on the rolling ratio, the one its line of 1.5 was
     * found on; the weighted one, which the day's own run lifts, is said
     * beside it (data/load_rules.txt [finding.acwr_high]) */
    double acwr = rh_has(now->acwr_rolling) ? now->acwr_rolling : 0;
    if (past_line(c, RH_FINDING_acwr_high, acwr)) {
        char f_acute[32], f_chronic[32], f_ratio[32], f_ewma[32], f_rolling[32];
        snprintf(f_acute, sizeof f_acute, "%g", c->set->acute_days);
        snprintf(f_chronic, sizeof f_chronic, "%g", c->set->chronic_days);
        snprintf(f_ratio, sizeof f_ratio, "%.2f", acwr);
        snprintf(f_ewma, sizeof f_ewma, "%.2f", now->acwr_ewma);
        snprintf(f_rolling, sizeof f_rolling, "%.2f", now->acwr_rolling);
        const char *const names[] = {"acute", "chronic", "ratio", "ewma", "rolling", "by"};
        const char *const vals[] = {f_acute, f_chronic, f_ratio, f_ewma, f_rolling, by_words(r)};
        _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
        say_detail(c,
                   add_finding(c, RH_FINDING_acwr_high, acwr,
                               r->as_of - ((int32_t)c->set->chronic_days - 1), r->as_of, "%s",
                               ""),
                   RH_TEXT_ACWR, PAIRS(names, vals));
    }
}

/* Whether the run days of week w are alike: the SD of their loads (the
 * population's) at most cv times their mean (monotony_runs_cv,
 * data/load_rules.txt). A week of one run day or none is not. */
static bool runs_alike(const struct rh_load_report *r, const struct rh_load_week *w, double cv)
{
    double sum = 0, sq = 0;
    int n = 0;
    for (int32_t d = w->from; d <= w->to; d++) {
        if (d < r->first_day || d > r->as_of)
            continue;
        const struct rh_load_day *day = &r->days[day_index(r, d)];
        if (day->runs <= 0)
            continue;
        sum += day->load;
        sq += day->load * day->load;
        n++;
    }
    if (n < 2 || !(sum > 0))
        return false;
    double mean = sum / n, var = sq / n - mean * mean;
    return sqrt(var > 0 ? var : 0) <= cv * mean;
}

static void find_monotony_high(struct ctx *c)
{
    /* hist30: not judged on a record too sparse (too_little_data) */
    if (c->r->sparse)
        return;
    struct rh_load_report *r = c->r;
    const struct rh__load_settings *set = c->set;
    /* monotony (contested): a habit over weeks, not one week of data */
    if (r->history_days < set->monotony_min_days)
        return;
    /* the last monotony_weeks whole calendar weeks (week_first_day: the
     * weeks of the runner's log; the current week counts once it is over)
     * each past the line: a pattern, not one week of a trip. 7-day windows
     * back from the as-of day counted a day not yet run as a rest day: a
     * runner of six equal runs a week and Sundays off, read on a Monday
     * before the run, had two rest days in the last 7 (data/load_rules.txt) */
    size_t nw = set->monotony_weeks >= 1 ? (size_t)set->monotony_weeks : 1;
    size_t end = r->n_cal_weeks;
    if (end > 0 && r->cal_weeks[end - 1].partial)
        end--;
    if (nw > end)
        return;
    for (size_t k = end - nw; k < end; k++)
        if (!rh_has(r->cal_weeks[k].monotony) ||
            !past_line(c, RH_FINDING_monotony_high, r->cal_weeks[k].monotony) ||
            !runs_alike(r, &r->cal_weeks[k], set->monotony_runs_cv))
            return;
    const struct rh_load_week *last = &r->cal_weeks[end - 1];
    char d1[11], d2[11], d3[11], f_mono[32], f_load[32], f_strain[32], f_line[32], f_weeks[16];
    rh_date_format(last->from, d1);
    rh_date_format(last->to, d2);
    rh_date_format(r->cal_weeks[end - nw].from, d3);
    snprintf(f_mono, sizeof f_mono, "%.2f", last->monotony);
    snprintf(f_load, sizeof f_load, "%.0f", last->load);
    snprintf(f_strain, sizeof f_strain, "%.0f", last->strain);
    snprintf(f_line, sizeof f_line, "%.1f", thr(c, RH_FINDING_monotony_high));
    snprintf(f_weeks, sizeof f_weeks, "%d", (int)nw);
    const char *const names[] = {"from", "to", "monotony", "same", "load", "by", "strain"};
    const char *const vals[] = {
        d1,     d2,
        f_mono, last->monotony >= set->monotony_cap ? rh__load_text(r->rules, RH_TEXT_MONOTONY_SAME)
                                                    : "",
        f_load, by_words(r),
        f_strain};
    _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
    struct rh_load_finding *f = add_finding(c, RH_FINDING_monotony_high, last->monotony,
                                            r->cal_weeks[end - nw].from, last->to, "%s", "");
    say_detail(c, f, RH_TEXT_MONOTONY, PAIRS(names, vals));
    if (nw > 1) {
        const char *const wn[] = {"line", "weeks", "first"};
        const char *const wv[] = {f_line, f_weeks, d3};
        _Static_assert(sizeof wn / sizeof wn[0] == sizeof wv / sizeof wv[0], "pairs");
        say_more(c, f, RH_TEXT_MONOTONY_WEEKS, PAIRS(wn, wv));
    }
}

/* The first run in pair q (-1 if none). */
static int32_t shoe_first_day(const struct rh_load_report *r, const struct rh_load_shoe *q)
{
    for (size_t k = 0; k < r->n_runs; k++)
        if (strcmp(r->runs[k].gear, q->name) == 0)
            return r->runs[k].day;
    return -1;
}

/* Whether pair p was replaced: another pair, not retired, came into use
 * after p's last run (its first run is later) and the runner still runs in
 * it. A coach tells a runner to replace a worn pair, not the pair already
 * replaced (the runner did not mark it retired). */
static bool shoe_replaced(const struct rh_load_report *r, const struct rh_load_shoe *p)
{
    for (size_t i = 0; i < r->n_shoes; i++) {
        const struct rh_load_shoe *q = &r->shoes[i];
        if (q == p || q->retired || q->runs == 0 || q->last_day < p->last_day)
            continue;
        if (shoe_first_day(r, q) > p->last_day)
            return true;
    }
    return false;
}

static void find_worn_shoes(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    int32_t recent_from = recent_start(r);
    /* shoes in use in the last 4 weeks ([settings] recent_days) */
    const struct rh_load_shoe *worn = NULL;
    int in_use = 0;
    for (size_t i = 0; i < r->n_shoes; i++) {
        const struct rh_load_shoe *p = &r->shoes[i];
        if (p->retired || p->last_day < recent_from || shoe_replaced(r, p))
            continue;
        in_use++;
        if (p->total_km > thr(c, RH_FINDING_worn_shoes) && (!worn || p->total_km > worn->total_km))
            worn = p;
    }
    if (worn) {
        char f_km[32], f_before[32], f_rec[32], f_pairs[16], rw[16];
        snprintf(f_km, sizeof f_km, "%.0f", worn->total_km);
        snprintf(f_before, sizeof f_before, "%.0f", worn->before_km);
        snprintf(f_rec, sizeof f_rec, "%.0f", worn->logged_km);
        snprintf(f_pairs, sizeof f_pairs, "%d", in_use);
        const char *const names[] = {"name", "km", "before", "recorded", "pairs", "recent_weeks"};
        const char *const vals[] = {worn->name, f_km,    f_before,
                                    f_rec,      f_pairs, recent_weeks(c, rw, sizeof rw)};
        _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
        say_detail(c,
                   add_finding(c, RH_FINDING_worn_shoes, worn->total_km, recent_from, r->as_of,
                               "%s", ""),
                   in_use == 1 ? RH_TEXT_SHOES_ONE : RH_TEXT_SHOES, PAIRS(names, vals));
    }
}

/* hist30: a record too sparse to judge (data/load_rules.txt
 * sparse_runs_week): at least min_history_days of data, yet under the line
 * of runs a week both over the last recent_days days and over all of it
 * (runs recorded and logged by hand). A runner back after a long break
 * keeps the comeback rules: all the data's mean is over the line. */
static void sparse_record(struct rh_load_report *r)
{
    const struct rh__load_settings *set = &r->rules->set;
    int32_t from = recent_start(r);
    r->recent_runs = r->all_runs = 0;
    for (size_t i = 0; i < r->n_days; i++) {
        r->all_runs += r->days[i].runs;
        if (r->days[i].day >= from)
            r->recent_runs += r->days[i].runs;
    }
    r->sparse = r->history_days >= set->min_history_days &&
                r->recent_runs < set->sparse_runs_week * set->recent_days / 7 &&
                r->all_runs < set->sparse_runs_week * r->history_days / 7;
}

static void find_too_little_data(struct ctx *c)
{
    struct rh_load_report *r = c->r;
    /* too little history */
    if (r->history_days < thr(c, RH_FINDING_too_little_data)) {
        const struct rh__load_settings *set = c->set;
        char f_days[16], f_spike[32], f_acute[32], f_chronic[32], f_cw[32], f_window[32];
        snprintf(f_days, sizeof f_days, "%d", r->history_days);
        snprintf(f_spike, sizeof f_spike, "%g", set->spike_min_days / 7);
        snprintf(f_acute, sizeof f_acute, "%g", set->acute_days);
        snprintf(f_chronic, sizeof f_chronic, "%g", set->chronic_days);
        snprintf(f_cw, sizeof f_cw, "%g", set->chronic_days / 7);
        snprintf(f_window, sizeof f_window, "%g", set->spike_window_days);
        const char *const names[] = {"days",    "spike_weeks",   "acute",
                                     "chronic", "chronic_weeks", "window_days"};
        const char *const vals[] = {f_days, f_spike, f_acute, f_chronic, f_cw, f_window};
        _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
        say_detail(c,
                   add_finding(c, RH_FINDING_too_little_data, r->history_days, r->first_day,
                               r->as_of, "%s", ""),
                   r->history_days == 1 ? RH_TEXT_LITTLE_DATA_ONE : RH_TEXT_LITTLE_DATA,
                   PAIRS(names, vals));
    } else if (r->sparse) {
        /* hist30: days enough, runs too few: the runs of the last weeks
         * against the line, in its own words (the .sparse sentences) */
        const struct rh__load_settings *set = c->set;
        const struct rh__load_rules *ru = r->rules;
        char f_runs[16], f_all[16], f_days[16], rw[16];
        snprintf(f_runs, sizeof f_runs, "%d", r->recent_runs);
        snprintf(f_all, sizeof f_all, "%d", r->all_runs);
        snprintf(f_days, sizeof f_days, "%d", r->history_days);
        const char *const names[] = {"runs", "runs_s", "recent_weeks", "all", "days"};
        const char *const vals[] = {f_runs, rh_plural_s(r->recent_runs), recent_weeks(c, rw, sizeof rw),
                                    f_all, f_days};
        _Static_assert(sizeof names / sizeof names[0] == sizeof vals / sizeof vals[0], "pairs");
        struct rh_load_finding *f = add_finding(c, RH_FINDING_too_little_data, r->recent_runs,
                                                recent_start(r), r->as_of, "%s", "");
        say_detail(c, f, RH_TEXT_SPARSE, PAIRS(names, vals));
        if (f) {
            f->threshold = ceil(set->sparse_runs_week * set->recent_days / 7 - 1e-9);
            snprintf(f->unit, sizeof f->unit, "%s", "runs");
            f->title = rh__load_text(ru, RH_TEXT_SPARSE_TITLE);
            f->measure = rh__load_text(ru, RH_TEXT_SPARSE_MEASURE);
            f->evidence = rh__load_text(ru, RH_TEXT_SPARSE_EVIDENCE);
            f->advice = rh__load_text(ru, RH_TEXT_SPARSE_ADVICE);
            f->source = rh__load_text(ru, RH_TEXT_SPARSE_SOURCE);
        }
    }
}

/* One function per finding, in the order of RH_LOAD_FINDINGS (load.h). */
static void (*const finders[RH_FINDING__COUNT])(struct ctx *c) = {
#define FINDER(id) [RH_FINDING_##id] = find_##id,
    RH_LOAD_FINDINGS(FINDER)
#undef FINDER
};

static void findings(struct ctx *c)
{
    for (size_t i = 0; i < RH_FINDING__COUNT; i++)
        finders[i](c);
    qsort(c->r->findings, c->r->n_findings, sizeof c->r->findings[0], cmp_rank);
}

/* ---- what the data can stand for ------------------------------------------ */

bool rh_load_max_hr_estimated(const struct rh_load_report *r)
{
    if (r->max_hr_from_profile || !rh_has(r->max_hr))
        return false;
    for (size_t i = 0; i < r->n_runs; i++)
        if (rh_has(r->runs[i].avg_hr))
            return true;
    return false;
}

bool rh_load_weeks_covered(const struct rh_load_report *r, int weeks, int need)
{
    int with = 0;
    for (int w = 0; w < weeks; w++) {
        int32_t to = r->as_of - 7 * w, from = to - 6;
        bool any = false;
        for (int32_t d = from < r->first_day ? r->first_day : from; !any && d <= to; d++)
            any = r->days[day_index(r, d)].runs > 0;
        with += any;
    }
    return with >= need;
}

bool rh_load_usual_weeks_covered(const struct rh_load_report *r)
{
    return rh_load_weeks_covered(r, (int)r->rules->set.intake_window_weeks,
                                 (int)r->rules->set.intake_cover_weeks);
}

int rh_load_table_weeks(const struct rh_load_report *r)
{
    return (int)r->rules->set.table_weeks;
}

const struct rh_load_week *rh_load_table_range(const struct rh_load_report *r, size_t max,
                                               size_t *n)
{
    if (!max)
        max = (size_t)rh_load_table_weeks(r);
    *n = r->n_cal_weeks < max ? r->n_cal_weeks : max;
    return r->cal_weeks + (r->n_cal_weeks - *n);
}

const char *rh_load_week_label(const struct rh_load_report *r, const struct rh_load_week *w,
                               char *buf, size_t cap)
{
    char d[11];
    rh_date_format(w->from, d);
    snprintf(buf, cap, "%s", w->partial ? rh__load_text(r->rules, RH_TEXT_THIS_WEEK) : d);
    return buf;
}

bool rh_load_week_after_data(const struct rh_load_report *r, int32_t from)
{
    return r->newest_run_day >= 0 && from > r->newest_run_day;
}

bool rh_load_quiet_note(const struct rh_load_report *r, char *buf, size_t cap)
{
    int weeks = rh_load_table_weeks(r);
    if (cap)
        buf[0] = '\0';
    /* the calendar weeks the table shows (the current one counted) */
    size_t n;
    const struct rh_load_week *shown = rh_load_table_range(r, 0, &n);
    int32_t shown_from = n ? shown[0].from : r->as_of - 7 * weeks + 1;
    if (r->newest_run_day >= 0 && r->newest_run_day >= shown_from)
        return false;
    if (r->newest_run_day < 0) {
        snprintf(buf, cap, "%s", rh__load_text(r->rules, RH_TEXT_QUIET_NONE));
        return true;
    }
    char d[11], w[16];
    rh_date_format(r->newest_run_day, d);
    snprintf(w, sizeof w, "%d", weeks);
    const char *const names[] = {"weeks", "newest"}, *const vals[] = {w, d};
    rh__load_fill(buf, cap, rh__load_text(r->rules, RH_TEXT_QUIET_WEEKS), names, vals, 2);
    return true;
}

int rh_load_hr_in_use(struct rh_store *s, int32_t as_of_day, struct rh_load_hr_in_use *out,
                      struct rh_err *err)
{
    struct rh_load_report r;
    memset(out, 0, sizeof *out);
    int rc = rh_load_report_build(s, as_of_day, &r, err);
    if (rc == RH_EEMPTY) {
        /* no activity: the profile's values, else the assumed rest */
        rh_err_clear(err);
        struct rh__load_rules *rules = NULL;
        struct ctx c = {.s = s, .r = &r, .err = err};
        memset(&r, 0, sizeof r);
        r.as_of = as_of_day; /* the age this year */
        if ((rc = rh__load_rules_load(&rules, err)))
            return rc;
        c.set = &rules->set;
        rc = read_profile(&c, NULL, 0);
        out->age_a = rules->set.max_hr_age_a;
        out->age_b = rules->set.max_hr_age_b;
        rh__load_rules_free(rules);
        if (rc)
            return rc;
        rh_load_hr_of_report(&r, out);
        return 0;
    } else if (rc) {
        return rc;
    }
    rh_load_hr_of_report(&r, out);
    if (r.rules)
        rh_load_report_release(&r);
    return 0;
}

void rh__load_where(char *buf, size_t cap, enum rh_load_where where, const char *args,
                    bool one_field)
{
    if (where == RH_LOAD_WHERE_PROFILE)
        rh__load_say(buf, cap, one_field ? "where_field" : "where_page", NULL);
    else
        rh__load_say(buf, cap, "where_any", "args", args, NULL);
}

void rh_load_max_hr_basis(const struct rh_load_hr_in_use *u, enum rh_load_where where, char *buf,
                          size_t cap)
{
    if (!cap)
        return;
    /* code24: the words are data/wording.txt [load_messages] max_* */
    char n[16], how[200], lone[100] = "", early[100] = "", until[300], a[32], b[32];
    snprintf(n, sizeof n, "%d", u->max_recordings);
    bool by_age = rh_has(u->max_age) && u->max_hr <= u->max_age;
    /* words24b: the estimate's formula said from its numbers
     * (data/load_rules.txt max_hr_age_a, max_hr_age_b), the rules' when
     * the caller gave none */
    double age_a = u->age_a, age_b = u->age_b;
    if (by_age && !(age_a > 0)) {
        struct rh__load_rules *rules = NULL;
        struct rh_err err;
        if (!rh__load_rules_load(&rules, &err)) {
            age_a = rules->set.max_hr_age_a;
            age_b = rules->set.max_hr_age_b;
            rh__load_rules_free(rules);
        }
    }
    snprintf(a, sizeof a, "%g", age_a);
    snprintf(b, sizeof b, "%g", age_b);
    if (u->max_recordings == 1)
        rh__load_say(how, sizeof how, by_age ? "max_by_age_one" : "max_by_peak_one",
                     by_age ? "a" : NULL, a, "b", b, NULL);
    else if (by_age)
        rh__load_say(how, sizeof how, "max_by_age", "n", n, "a", a, "b", b, NULL);
    else
        rh__load_say(how, sizeof how, "max_by_peak", "n", n, NULL);
    if (rh_has(u->max_lone_peak)) {
        char bpm[16];
        snprintf(bpm, sizeof bpm, "%.0f", u->max_lone_peak);
        rh__load_say(lone, sizeof lone, "max_lone_peak", "bpm", bpm, NULL);
    }
    if (u->max_left_out) {
        char k[16];
        snprintf(k, sizeof k, "%d", u->max_left_out);
        rh__load_say(early, sizeof early, "max_ended_early", "n", k, NULL);
    }
    char wh[200];
    rh__load_where(wh, sizeof wh, where, "", rh_has(u->max_age));
    rh__load_say(until, sizeof until,
                 rh_has(u->max_age) ? "max_approximate" : "max_approximate_age", "where", wh,
                 NULL);
    snprintf(buf, cap, "%s%s%s%s", how, lone, early, until);
}

void rh_load_hr_in_use_words(const struct rh_load_hr_in_use *u, bool max, enum rh_load_where where,
                             char *buf, size_t cap)
{
    if (!cap)
        return;
    buf[0] = '\0';
    char bpm[16];
    if (!max) {
        snprintf(bpm, sizeof bpm, "%.0f", u->rest_hr);
        if (!u->rest_from_profile)
            rh__load_say(buf, cap, "rest_assumed", "bpm", bpm, NULL);
        return;
    }
    if (u->max_from_profile)
        return;
    if (!rh_has(u->max_hr)) {
        rh__load_say(buf, cap, "max_none", NULL);
        return;
    }
    char basis[600];
    rh_load_max_hr_basis(u, where, basis, sizeof basis);
    snprintf(bpm, sizeof bpm, "%.0f", u->max_hr);
    rh__load_say(buf, cap, "max_in_use", "bpm", bpm, "basis", basis, NULL);
}

void rh_load_hr_of_report(const struct rh_load_report *r, struct rh_load_hr_in_use *out)
{
    out->rest_hr = r->rest_hr;
    out->max_hr = r->max_hr;
    out->rest_from_profile = r->rest_hr_from_profile;
    out->max_from_profile = r->max_hr_from_profile;
    out->max_recordings = r->max_hr_recordings;
    out->max_left_out = r->max_hr_left_out;
    out->max_lone_peak = r->max_hr_lone_peak;
    out->max_age = r->max_hr_age;
    if (r->rules) {
        out->age_a = r->rules->set.max_hr_age_a;
        out->age_b = r->rules->set.max_hr_age_b;
    }
}

void rh_load_birth_year_words(const struct rh_load_hr_in_use *u, const char *year, char *buf,
                              size_t cap)
{
    if (!cap)
        return;
    buf[0] = '\0';
    /* runner23b: the words are data/load_rules.txt [text] birth_year.*; with
     * no recording yet they say the rule load then applies (the higher of
     * the estimate and the recordings' peak, [settings] max_hr_age_a), not
     * that the estimate "will be used" (a recorded peak of 182 was) */
    struct rh__load_rules *rules = NULL;
    struct rh_err err;
    if (rh__load_rules_load(&rules, &err))
        return;
    enum rh__load_text t = u->max_from_profile      ? RH_TEXT_BY_PROFILE
                           : !rh_has(u->max_age)    ? RH_TEXT_BY_SET
                           : !rh_has(u->max_hr)     ? RH_TEXT_BY_LATER
                           : u->max_hr <= u->max_age ? RH_TEXT_BY_AGE
                                                     : RH_TEXT_BY_PEAK;
    char mx[16] = "", am[16] = "", a[16], b[16];
    if (rh_has(u->max_hr))
        snprintf(mx, sizeof mx, "%.0f", u->max_hr);
    if (rh_has(u->max_age))
        snprintf(am, sizeof am, "%.0f", u->max_age);
    snprintf(a, sizeof a, "%g", rules->set.max_hr_age_a);
    snprintf(b, sizeof b, "%g", rules->set.max_hr_age_b);
    static const char *const names[] = {"year", "max", "age_max", "a", "b"};
    const char *vals[] = {year, mx, am, a, b};
    rh__load_fill(buf, cap, rh__load_text(rules, t), names, vals, 5);
    rh__load_rules_free(rules);
}

/* ---- the entry point ------------------------------------------------------ */

int rh_load_report_build(struct rh_store *s, int32_t as_of_day, struct rh_load_report *r,
                         struct rh_err *err)
{
    memset(r, 0, sizeof *r);
    struct ctx c = {.s = s, .r = r, .err = err};
    struct rh_store_load_row *acts = NULL;
    struct rh_pain_entry *pain = NULL;
    size_t n = 0, n_pain = 0;
    /* code24: the load's own words, checked before anything is read */
    int rc = rh__load_words_check(err);
    if (rc)
        goto out;
    rc = rh__load_rules_load(&r->rules, err);
    if (rc)
        goto out;
    c.set = &r->rules->set;
    r->as_of = as_of_day;
    int32_t earliest = as_of_day - MAX_HISTORY_DAYS + 1;
    rc = rh_store_load_rows(s, earliest, as_of_day, &acts,
                            &n, err);
    if (rc)
        goto out;
    if ((rc = rh_store_session_list(s, earliest, as_of_day, &c.sess, &c.n_sess, err)))
        goto out;
    /* the data start at the first activity or logged run */
    int32_t first = as_of_day + 1;
    for (size_t i = 0; i < n; i++)
        if (acts[i].day < first)
            first = acts[i].day;
    for (size_t i = 0; i < c.n_sess; i++)
        if (c.sess[i].kind == RH_SESSION_RUN && c.sess[i].day < first)
            first = c.sess[i].day;
    if (first > as_of_day) {
        char d[11];
        rh_date_format(as_of_day, d);
        rc = rh__load_err(err, RH_EEMPTY, "no_activities", "day", d, NULL);
        goto out;
    }
    r->first_day = first;
    r->history_days = as_of_day - first + 1;
    r->n_days = (size_t)r->history_days;
    if (!(r->days = rh_calloc(r->n_days, sizeof *r->days))) {
        rc = oom(&c);
        goto out;
    }
    for (size_t i = 0; i < r->n_days; i++) {
        r->days[i].day = first + (int32_t)i;
        r->days[i].pain = -1;
    }
    if ((rc = rh_store_pain_list(s, first, as_of_day, &pain, &n_pain, err)) ||
        (rc = rh_store_load_left_out(s, first, as_of_day, &r->left_out.excluded,
                                     &r->left_out.undated, err)))
        goto out;
    for (size_t i = 0; i < n_pain; i++) {
        /* the worst pain of the day: the pain now or, when it was worse,
         * during the day's activity (the chart says "the worst pain of each
         * day"; a run that hurt 3/10 with 2/10 now was drawn as 2/10). The
         * next-morning pain belongs to the morning after, so it stays out. */
        struct rh_load_day *d = &r->days[day_index(r, pain[i].day)];
        int worst = pain[i].during_run > pain[i].pain ? pain[i].during_run : pain[i].pain;
        if (worst > d->pain)
            d->pain = worst;
    }
    if ((rc = read_profile(&c, acts, n)) || (rc = build_runs_and_days(&c, acts, n)))
        goto out;
    r->newest_run_day = -1;
    for (size_t i = r->n_days; i-- > 0;)
        if (r->days[i].runs > 0) {
            r->newest_run_day = r->days[i].day;
            break;
        }
    classify_runs(&c);
    find_races(&c);
    if ((rc = rolling(&c)) || (rc = build_weeks(&c)) || (rc = current_figures(&c)) ||
        (rc = shoe_figures(&c)))
        goto out;
    rh_free(acts);
    acts = NULL;
    if ((rc = route_figures(&c)) || (rc = cal_weeks(&c)))
        goto out;
    sparse_record(r);
    findings(&c);
out:
    rh_free(acts);
    rh_pain_array_free(pain, n_pain);
    rh_session_array_free(c.sess, c.n_sess);
    rh_free(c.rsum_load);
    rh_free(c.ewma_a);
    rh_free(c.ewma_c);
    rh_free(c.srpe_fixed);
    rh_free(c.srpe_rate);
    rh_free(c.srpe_n);
    rh_free(c.sess_own);
    rh_free(c.cw);
    if (rc)
        rh_load_report_release(r);
    return rc;
}
