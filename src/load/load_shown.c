/* SPDX-License-Identifier: MIT */
/*
 * Which training-load findings are shown beside the chart (review 8 #10):
 * those of the latest weeks, and those of the weeks before the pain began,
 * which led to it and which the plan cites, so that they do not drop out of
 * the Training page and the hand-off report a few weeks later.
 */
#include <string.h>

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
    r = rh_load_report_build(s, onset, &out->before, err);
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

void rh_load_shown_release(struct rh_load_shown *sh)
{
    rh_load_report_release(&sh->before);
    memset(sh, 0, sizeof *sh);
    sh->onset_day = -1;
}
