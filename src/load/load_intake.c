/* SPDX-License-Identifier: MIT */
/* Fills the training fields of an intake from the load report, so the
 * assessment can use the data instead of the runner's guess. A field is
 * filled only when the data can say (see rh_load_fill_intake in load.h). */
#include <math.h>

#include "load/load_int.h"
#include "util/banned.h"

int rh_load_fill_intake(struct rh_store *s, int32_t as_of_day, struct rh_intake *in,
                        struct rh_err *err)
{
    struct rh_load_report r;
    int rc = rh_load_report_build(s, as_of_day, &r, err);
    if (rc == RH_EEMPTY) {
        rh_err_clear(err);
        return 0;
    }
    if (rc)
        return rc;
    /* only recordings that cover the weeks before stand for the runner's
     * training now (data/load_rules.txt intake_cover_weeks) */
    const struct rh__load_settings *set = &r.rules->set;
    if (!rh_load_weeks_covered(&r, (int)set->intake_window_weeks, (int)set->intake_cover_weeks)) {
        in->data_not_recent = true;
        in->data_newest_run = r.newest_run_day;
        in->data_window_weeks = (int)set->intake_window_weeks;
        in->data_cover_weeks = (int)set->intake_cover_weeks;
        in->data_patchy = r.newest_run_day > as_of_day - 7 * in->data_window_weeks;
        rh_load_report_release(&r);
        return 0;
    }
    const struct rh_load_now *now = &r.now;
    /* usual weekly distance: mean of 4 whole weeks of data */
    if (rh_has(now->usual_weekly_km) && now->usual_weekly_km <= 400) {
        in->weekly_km = round(now->usual_weekly_km * 10) / 10;
        in->from_data |= RH_FROM_DATA_WEEKLY_KM;
    }
    /* intake.md: change of the last week against the 4 before */
    if (rh_has(now->change_4wk_pct) && now->change_4wk_pct >= -100 && now->change_4wk_pct <= 1000) {
        in->km_change_pct = round(now->change_4wk_pct);
        in->from_data |= RH_FROM_DATA_KM_CHANGE;
    }
    if (rh_has(now->cadence_spm) && now->cadence_spm >= 100 && now->cadence_spm <= 250) {
        in->cadence_spm = (int)lround(now->cadence_spm);
        in->from_data |= RH_FROM_DATA_CADENCE;
    }
    if (now->current_shoe && rh_has(now->current_shoe_km) && now->current_shoe_km <= 10000) {
        in->shoe_km = (int)lround(now->current_shoe_km);
        in->from_data |= RH_FROM_DATA_SHOE_KM;
    }
    if (rh_has(now->same_route_share)) {
        const struct rh__load_rule *rule = rh__load_rule_of(r.rules, RH_FINDING_same_route);
        in->same_route = now->same_route_share * 100 > rule->threshold ? RH_TRI_YES : RH_TRI_NO;
        in->from_data |= RH_FROM_DATA_SAME_ROUTE;
    }
    rh_load_report_release(&r);
    return 0;
}
