/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the assessment: any intake that parses is assessed
 * and written out, and the safety invariants must hold: scores in 0..1
 * adding up to 1 and ranked, every red flag's minimum met by the
 * disposition, bone suspicion means no running, the hop test never asked
 * for when unsafe, the JSON well formed, the disclaimer once in the text.
 * Any crash, sanitizer report or broken invariant is a finding.
 */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/assess.h"
#include "runhip/intake.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct rh_assessment a;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rh_intake in;
    struct rh_err err;
    if (rh_intake_parse((const char *)data, size, &in, &err))
        return 0;
    if (rh_assess(&in, &a, &err))
        abort();
    double sum = 0;
    for (int i = 0; i < a.n_conditions; i++) {
        if (!(a.conditions[i].score >= 0 && a.conditions[i].score <= 1))
            abort();
        if (i && a.conditions[i].score > a.conditions[i - 1].score)
            abort();
        sum += a.conditions[i].score;
    }
    if (fabs(sum - 1) > 1e-6 || !(a.confidence >= 0 && a.confidence <= 1))
        abort();
    for (int i = 0; i < a.n_flags; i++) {
        if (a.disposition < a.flags[i].min_disposition || a.running < a.flags[i].min_running)
            abort();
        if (strcmp(a.flags[i].id, "stress_fracture_signs") == 0 && a.running != RH_RUNNING_STOP)
            abort();
    }
    for (int i = 0; i < a.n_missing; i++)
        if (a.hop_unsafe && strcmp(a.missing[i], "test_hop") == 0)
            abort();
    struct rh_buf b;
    rh_buf_init(&b, 0);
    if (rh_assessment_to_json(&a, &b))
        abort();
    json_error_t je;
    json_t *j = json_loadb(b.data, b.len, 0, &je);
    if (!j)
        abort();
    json_decref(j);
    rh_buf_reset(&b);
    if (rh_assessment_to_text(&a, &b))
        abort();
    const char *d = strstr(b.data, rh_assess_disclaimer());
    if (!d || strstr(d + 1, rh_assess_disclaimer()))
        abort();
    rh_buf_release(&b);
    return 0;
}
