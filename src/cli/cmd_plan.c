/* SPDX-License-Identifier: MIT */
/*
 * runhip plan [--json] [--ics FILE]: the recovery and return-to-run plan for
 * the latest assessment. The plan is made (and stored) the first time it is
 * asked for after an assessment; later calls render the stored state, which
 * the diary (runhip log) moves on or back.
 *
 * Also rh_cli_plan_current, shared with cmd_log.c: finds or makes the plan
 * of the latest assessment.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "runhip/load.h"
#include "runhip/plan.h"
#include "util/banned.h"

#define BASE_WEEKS 4 /* pre-injury volume: mean of the 4 weeks before the assessment */
#define ICS_DAYS 28

/* The runner's own figures and training-load findings before the
 * assessment day. ids/ptrs are caller storage for the finding ids, so the
 * inputs stay valid until the plan is built (which copies them). */
static int plan_inputs(struct rh_store *s, const struct rh_plan_kb *kb, int32_t before_day,
                       struct rh_plan_inputs *in,
                       char ids[RH_PLAN_MAX_FINDINGS][24], const char *ptrs[RH_PLAN_MAX_FINDINGS],
                       struct rh_err *err)
{
    struct rh_activity *acts;
    size_t n;
    memset(in, 0, sizeof *in);
    int r = rh_store_activities(s, ((int64_t)before_day - 7 * BASE_WEEKS) * 86400,
                                (int64_t)before_day * 86400, 0, &acts, &n, err);
    if (r)
        return r;
    rh_plan_base_from_activities(acts, n, before_day, BASE_WEEKS, &in->base_weekly_km,
                                 &in->base_cadence, &in->n_base_runs);
    rh_activity_array_free(acts, n);
    for (int i = 0; i < RH_PLAN_MAX_FINDINGS; i++)
        ptrs[i] = ids[i];
    in->findings = ptrs;
    in->n_findings = 0;
    /* Training-load finding ids (weekly_jump, low_cadence, ...) from the
     * load report as of the assessment day; no stored runs: none. An id the
     * plan rules do not know is left out rather than failing the plan. */
    struct rh_load_report rep;
    memset(&rep, 0, sizeof rep);
    r = rh_load_report_build(s, before_day, &rep, err);
    if (r == RH_EEMPTY) {
        rh_err_clear(err);
        return 0;
    }
    if (r)
        return r;
    for (size_t i = 0; i < rep.n_findings && in->n_findings < RH_PLAN_MAX_FINDINGS; i++) {
        char sec[64];
        snprintf(sec, sizeof sec, "finding.%s", rep.findings[i].id);
        if (rh_plan_kb_get(kb, sec, "advice"))
            snprintf(ids[in->n_findings++], sizeof ids[0], "%s", rep.findings[i].id);
    }
    rh_load_report_release(&rep);
    return 0;
}

int rh_cli_plan_current(struct rh_store *s, const struct rh_plan_kb *kb, int64_t *plan_id,
                        struct rh_plan_state *st, struct rh_err *err)
{
    int64_t aid, created, pid, paid;
    char *intake = NULL, *result = NULL, *state = NULL;
    int r = rh_store_assessment_latest(s, &aid, &created, &intake, &result, err);
    if (r == RH_ENOTFOUND)
        return rh_err_set(err, RH_ENOTFOUND,
                          "no assessment yet: run 'runhip assess' first, the plan follows it");
    if (r)
        return r;
    r = rh_store_plan_latest(s, &pid, &paid, &state, err);
    if (r == 0 && paid == aid) {
        r = rh_plan_state_from_json(state, st, err);
        *plan_id = pid;
        goto out;
    }
    if (r && r != RH_ENOTFOUND)
        goto out;
    rh_err_clear(err);
    int32_t day = rh_day_of_time(created);
    struct rh_plan_inputs in;
    char ids[RH_PLAN_MAX_FINDINGS][24];
    const char *ptrs[RH_PLAN_MAX_FINDINGS];
    if ((r = plan_inputs(s, kb, day, &in, ids, ptrs, err)))
        goto out;
    if ((r = rh_plan_build(kb, result, aid, day, &in, st, err)))
        goto out;
    char *json;
    if ((r = rh_plan_state_to_json(st, &json, err)))
        goto out;
    r = rh_store_plan_add(s, aid, (int64_t)time(NULL), json, plan_id, err);
    rh_free(json);
out:
    rh_free(intake);
    rh_free(result);
    rh_free(state);
    return r;
}

static int write_file(const char *path, const struct rh_buf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        rh_cli_error(path, "cannot write the calendar file");
        return RH_EXIT_IO;
    }
    size_t n = b->len ? fwrite(b->data, 1, b->len, f) : 0;
    if (fclose(f) != 0 || n != b->len) {
        rh_cli_error(path, "cannot write the calendar file");
        return RH_EXIT_IO;
    }
    return 0;
}

int cmd_plan(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'j'}, {"ics", required_argument, NULL, 'i'}, {0}};
    bool json = false;
    const char *ics = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'j')
            json = true;
        else if (c == 'i')
            ics = optarg;
        else
            return rh_cli_bad_option("plan", argc, argv);
    }
    if (optind < argc) {
        rh_cli_error("plan", "unexpected argument '%s'", argv[optind]);
        return RH_EXIT_USAGE;
    }
    struct rh_err err;
    rh_err_clear(&err);
    struct rh_plan_kb *kb;
    if (rh_plan_kb_load(&kb, &err))
        return rh_cli_report("plan", &err);
    struct rh_store *s;
    int rc = rh_cli_open_store(cli, &s);
    if (rc) {
        rh_plan_kb_free(kb);
        return rc;
    }
    struct rh_plan_state st;
    int64_t plan_id = 0;
    struct rh_buf out;
    rh_buf_init(&out, 0);
    int r = rh_cli_plan_current(s, kb, &plan_id, &st, &err);
    if (r) {
        rc = rh_cli_report("plan", &err);
        goto done;
    }
    int32_t from = rh_cli_today(cli);
    if (from < st.phase_day)
        from = st.phase_day;
    if (ics) {
        struct rh_buf cal;
        rh_buf_init(&cal, 0);
        r = rh_plan_ics(kb, &st, from, ICS_DAYS, (int64_t)time(NULL), plan_id, &cal, &err);
        if (r)
            rc = rh_cli_report("plan", &err);
        else
            rc = write_file(ics, &cal);
        rh_buf_release(&cal);
        if (rc)
            goto done;
    }
    r = json ? rh_plan_json(kb, &st, from, &out, &err) : rh_plan_text(kb, &st, from, &out, &err);
    if (r) {
        rc = rh_cli_report("plan", &err);
        goto done;
    }
    if (json)
        fwrite(out.data, 1, out.len, stdout);
    else
        (void)rh_cli_put_text(stdout, out.data, out.len, 0);
    if (ics && !json)
        printf("\nCalendar with the next %d days written to %s.\n", ICS_DAYS, ics);
done:
    rh_buf_release(&out);
    rh_store_close(s);
    rh_plan_kb_free(kb);
    return rc;
}
