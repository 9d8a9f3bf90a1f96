/* SPDX-License-Identifier: MIT */
/* Fills the training fields of an intake from the load report, so the
 * assessment can use the data instead of the runner's guess. A field is
 * filled only when the data can say (see rh_load_fill_intake in load.h). */
#include <math.h>
#include <stdio.h>

#include "load/load_int.h"
#include "runhip/text.h"
#include "util/banned.h"

/* Records the runner's answer the recorded figure of bit replaces. */
static void replaced(struct rh_intake *in, unsigned bit, int i, bool answered, double answer)
{
    in->from_data |= bit;
    if (answered) {
        in->data_answered |= bit;
        in->data_answer[i] = answer;
    } else {
        in->data_answered &= ~bit;
    }
}

int rh_load_week_before(int32_t day, int32_t *last, struct rh_err *err)
{
    struct rh__load_rules *rules = NULL;
    int rc = rh__load_rules_load(&rules, err);
    if (rc)
        return rc;
    *last = rh__load_week_start(day, (int)rules->set.week_first_day) - 1;
    rh__load_rules_free(rules);
    return 0;
}

void rh__load_cadence_target(const struct rh__load_settings *set, double spm, double *lo,
                             double *hi)
{
    double base = round(spm);
    *lo = round(base * (1 + set->cadence_raise_low_pct / 100));
    *hi = round(base * (1 + set->cadence_raise_high_pct / 100));
}

int rh_load_cadence_target(double spm, double *lo, double *hi, struct rh_err *err)
{
    *lo = *hi = RH_NONE;
    struct rh__load_rules *rules = NULL;
    int rc = rh__load_rules_load(&rules, err);
    if (rc)
        return rc;
    if (rh_has(spm) && spm > 0)
        rh__load_cadence_target(&rules->set, spm, lo, hi);
    rh__load_rules_free(rules);
    return 0;
}

void rh__load_shoe_guidance(const struct rh__load_rules *r, double km, bool retired, char *out,
                            size_t cap)
{
    const struct rh__load_rule *w = rh__load_rule_of(r, RH_FINDING_worn_shoes);
    char lo[32], hi[32];
    snprintf(lo, sizeof lo, "%g", r->set.shoe_low_km);
    snprintf(hi, sizeof hi, "%g", w->threshold);
    const char *src = rh_ref_short(w->source);
    if (!src)
        src = w->source;
    if (!retired && km > w->threshold)
        rh__load_say(out, cap, "shoe_past", "low", lo, "high", hi, "source", src, "advice",
                     w->advice, NULL);
    else
        rh__load_say(out, cap, "shoe_guidance", "low", lo, "high", hi, "source", src, NULL);
}

int rh_load_shoe_guidance(double km, bool retired, char *out, size_t cap, struct rh_err *err)
{
    if (cap)
        out[0] = '\0';
    struct rh__load_rules *rules = NULL;
    int rc = rh__load_rules_load(&rules, err);
    if (rc)
        return rc;
    rc = rh__load_words_check(err);
    if (!rc)
        rh__load_shoe_guidance(rules, km, retired, out, cap);
    rh__load_rules_free(rules);
    return rc;
}

int rh_load_cadence_raise(double *low_pct, double *high_pct, struct rh_err *err)
{
    *low_pct = *high_pct = RH_NONE;
    struct rh__load_rules *rules = NULL;
    int rc = rh__load_rules_load(&rules, err);
    if (rc)
        return rc;
    *low_pct = rules->set.cadence_raise_low_pct;
    *high_pct = rules->set.cadence_raise_high_pct;
    rh__load_rules_free(rules);
    return 0;
}

/* The load report up to day: 0 with r built (the caller releases it), 1
 * when there is nothing to build it from (no activity, no diary run: the
 * intake keeps the runner's own answers; err cleared), else the error. */
static int report_or_none(struct rh_store *s, int32_t day, struct rh_load_report *r,
                          struct rh_err *err)
{
    int rc = rh_load_report_build(s, day, r, err);
    if (rc == RH_EEMPTY) {
        rh_err_clear(err);
        return 1;
    }
    return rc;
}

/* data/load_rules.txt onset_lead_days: the calendar weeks end with the
 * week before the onset's, so a jump that began in the onset's own week, a
 * few days before the pain, was "+0%" (load19). The distance of the
 * onset_lead_days days before the onset against the same number of days
 * of the 4 weeks before them; taken when it is the larger change. */
static int lead_change(struct rh_store *s, struct rh_intake *in, struct rh_err *err)
{
    struct rh_load_report r;
    int rc = report_or_none(s, in->data_onset_day - 1, &r, err);
    if (rc)
        return rc > 0 ? 0 : rc;
    const struct rh__load_settings *set = &r.rules->set;
    long lead = (long)set->onset_lead_days, n = (long)r.n_days;
    in->data_lead_days = 0;
    if (lead >= 1 && n >= 5 * lead) {
        double km = 0, base = 0;
        for (long i = n - lead; i < n; i++)
            km += r.days[i].km;
        for (long i = n - 5 * lead; i < n - lead; i++)
            base += r.days[i].km;
        base /= 4; /* the same number of days, on average */
        double pct = (km / base - 1) * 100;
        /* larger than the calendar weeks' figure; with none, it stands in
         * for the runner's answer as that figure would */
        bool had = (in->from_data & RH_FROM_DATA_KM_CHANGE) != 0;
        if (base * 7 / (double)lead >= set->weekly_jump_min_base_km && pct <= 1000 &&
            (!had || round(pct) > in->km_change_pct)) {
            double was = in->km_change_pct;
            bool answered = had ? (in->data_answered & RH_FROM_DATA_KM_CHANGE) != 0 : rh_has(was);
            double said = had ? in->data_answer[1] : was;
            in->km_change_pct = round(pct);
            in->data_lead_days = (int)lead;
            replaced(in, RH_FROM_DATA_KM_CHANGE, 1, answered, said);
        }
    }
    rh_load_report_release(&r);
    return 0;
}

int rh_load_fill_intake(struct rh_store *s, int32_t as_of_day, struct rh_intake *in,
                        struct rh_err *err)
{
    /* review 7b N2: the figures stand for the training that led to the pain,
     * so they count the weeks before it began (duration_days days ago), not
     * the weeks after it, when the runner may already have cut back */
    /* ... in whole calendar weeks, as the load report's weekly_jump counts
     * them: the figures end with the last week before the week the pain
     * began in */
    int32_t ref_day = as_of_day;
    if (in->duration_days > 0) {
        in->data_before_onset = true;
        in->data_onset_day = rh_intake_onset_day(in, as_of_day);
        int rc = rh_load_week_before(in->data_onset_day, &ref_day, err);
        if (rc)
            return rc;
    } else {
        in->data_before_onset = false;
    }
    struct rh_load_report r;
    int rc = report_or_none(s, ref_day, &r, err);
    if (rc)
        return rc > 0 ? 0 : rc;
    /* only recordings that cover the weeks before stand for the runner's
     * training then (data/load_rules.txt intake_cover_weeks) */
    const struct rh__load_settings *set = &r.rules->set;
    if (!rh_load_usual_weeks_covered(&r)) {
        in->data_not_recent = true;
        in->data_newest_run = r.newest_run_day;
        in->data_window_weeks = (int)set->intake_window_weeks;
        in->data_cover_weeks = (int)set->intake_cover_weeks;
        rh_load_report_release(&r);
        /* review 11 #12: the newest run before the pain began, counting the
         * days of its week before it (a run on the day before the onset) */
        if (in->data_before_onset &&
            (rc = rh_load_newest_run_before(s, in->data_onset_day, &in->data_newest_run, err)))
            return rc;
        in->data_patchy = in->data_newest_run > ref_day - 7 * in->data_window_weeks;
        return 0;
    }
    const struct rh_load_now *now = &r.now;
    /* usual weekly distance: mean of 4 whole weeks of data */
    if (rh_has(now->usual_weekly_km) && now->usual_weekly_km <= 400) {
        double was = in->weekly_km;
        in->weekly_km = round(now->usual_weekly_km * 10) / 10;
        replaced(in, RH_FROM_DATA_WEEKLY_KM, 0, rh_has(was), was);
    }
    /* intake.md: change of the last week against the 4 before */
    if (rh_has(now->change_4wk_pct) && now->change_4wk_pct >= -100 && now->change_4wk_pct <= 1000) {
        double was = in->km_change_pct;
        in->km_change_pct = round(now->change_4wk_pct);
        replaced(in, RH_FROM_DATA_KM_CHANGE, 1, rh_has(was), was);
    }
    /* session 30 (walk30): the step rate of the level runs, as the training
     * reader judges it (rh__load_judged_cadence), not of every run: a trail
     * or hill run's short steps made a low step rate the training did not
     * have, and a runner's own answer stands when there are too few */
    double spm = rh__load_judged_cadence(set, now);
    if (rh_has(spm) && spm >= 100 && spm <= 250) {
        int was = in->cadence_spm;
        in->cadence_spm = (int)lround(spm);
        replaced(in, RH_FROM_DATA_CADENCE, 2, was >= 0, was);
    }
    if (rh_has(now->same_route_share)) {
        const struct rh__load_rule *rule = rh__load_rule_of(r.rules, RH_FINDING_same_route);
        int was = in->same_route;
        in->same_route = now->same_route_share * 100 > rule->threshold ? RH_TRI_YES : RH_TRI_NO;
        replaced(in, RH_FROM_DATA_SAME_ROUTE, 4, was == RH_TRI_YES || was == RH_TRI_NO, was);
    }
    rh_load_report_release(&r);
    if (in->data_before_onset && (rc = lead_change(s, in, err)))
        return rc;
    /* the shoes: their distance now (the question asks about the current
     * pair), and never below the runner's answer: the recordings may start
     * after the shoes did (review 7b N2) */
    rc = rh_load_report_build(s, as_of_day, &r, err);
    if (rc == RH_EEMPTY) {
        rh_err_clear(err);
        return 0;
    }
    if (rc)
        return rc;
    now = &r.now;
    if (now->current_shoe && rh_has(now->current_shoe_km) && now->current_shoe_km <= 10000 &&
        (in->shoe_km < 0 || lround(now->current_shoe_km) >= in->shoe_km)) {
        int was = in->shoe_km;
        in->shoe_km = (int)lround(now->current_shoe_km);
        replaced(in, RH_FROM_DATA_SHOE_KM, 3, was >= 0, was);
    }
    rh_load_report_release(&r);
    return 0;
}

int rh_load_quest_figures(struct rh_store *s, int32_t today, const struct rh_intake *so_far,
                          struct rh_intake *data, struct rh_err *err)
{
    rh_intake_init(data);
    /* how long ago the pain began, when already answered: the figures are
     * then those of the weeks before it, as the assessment takes them */
    data->duration_days = so_far ? so_far->duration_days : -1;
    return rh_load_fill_intake(s, today, data, err);
}
