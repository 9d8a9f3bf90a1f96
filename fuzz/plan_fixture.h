/* SPDX-License-Identifier: MIT */
/*
 * The one fixture of the targets that need a runner with an assessment
 * (fuzz_forms.c, fuzz_writers.c): the plan rules loaded, an intake parsed
 * and assessed, both as the JSON the store keeps. Any failure is the
 * fixture's, not a finding: the caller's die() aborts with its message.
 */
#ifndef RH_FUZZ_PLAN_FIXTURE_H
#define RH_FUZZ_PLAN_FIXTURE_H

#include <string.h>

#include "runhip/assess.h"
#include "runhip/intake.h"
#include "runhip/plan.h"
#include "runhip/util.h"

/* *kb (kept for the process), *ij and *rj (the intake's and the
 * assessment's JSON, NUL-terminated, owned by the caller: rh_buf_release or
 * free) from intake (text syntax). die(what, detail) must not return. */
static void fuzz_plan_fixture(const char *intake, struct rh_plan_kb **kb, struct rh_buf *ij,
                              struct rh_buf *rj, void (*die)(const char *, const char *))
{
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_plan_kb_load(kb, &err))
        die("plan rules", err.msg);
    static struct rh_intake in;
    static struct rh_assessment a;
    if (rh_intake_parse(intake, strlen(intake), &in, &err) || rh_assess(&in, &a, &err))
        die("assessment", err.msg);
    rh_buf_init(ij, 0);
    rh_buf_init(rj, 0);
    if (rh_intake_to_json(&in, ij) || rh_assessment_to_json(&a, rj))
        die("assessment", "JSON");
}

#endif
