/* SPDX-License-Identifier: MIT */
/*
 * The assessment written out: one JSON object (read back by the plan from
 * the store, shape fixed in docs/internals/assess.md) and a plain-text
 * report for people, red flags first, the disclaimer once.
 */
#include <stdio.h>
#include <string.h>

#include "runhip/assess.h"
#include "util/banned.h"

const char *rh_assess_disclaimer(void)
{
    return "This is information to help you decide what to do, not a diagnosis: only a "
           "clinician who examines you can tell what is wrong.";
}

static int json_why(struct rh_buf *b, const struct rh_why *w)
{
    int r = rh_buf_puts(b, "[");
    for (int i = 0; r == 0 && i < w->n; i++) {
        if (i)
            r = rh_buf_puts(b, ",");
        if (r == 0)
            r = rh_buf_json_str(b, w->text[i]);
    }
    return r ? r : rh_buf_puts(b, "]");
}

static const char *const data_keys[] = {"weekly_km", "km_change_pct", "cadence_spm", "shoe_km",
                                        "same_route"};

int rh_assessment_to_json(const struct rh_assessment *a, struct rh_buf *b)
{
    int r = rh_buf_puts(b, "{\"disclaimer\":");
    if (!r)
        r = rh_buf_json_str(b, rh_assess_disclaimer());
    if (!r)
        r = rh_buf_puts(b, ",\"conditions\":[");
    for (int i = 0; !r && i < a->n_conditions; i++) {
        const struct rh_assess_condition *c = &a->conditions[i];
        r = rh_buf_puts(b, i ? ",{\"id\":" : "{\"id\":");
        if (!r)
            r = rh_buf_json_str(b, c->id);
        if (!r)
            r = rh_buf_puts(b, ",\"name\":");
        if (!r)
            r = rh_buf_json_str(b, c->name);
        if (!r)
            r = rh_buf_printf(b, ",\"score\":%.4f,\"why\":", c->score);
        if (!r)
            r = json_why(b, &c->why);
        if (!r)
            r = rh_buf_puts(b, "}");
    }
    if (!r)
        r = rh_buf_printf(b, "],\"pain_type\":\"%s\",\"pain_type_why\":",
                          rh_pain_type_name(a->pain_type));
    if (!r)
        r = json_why(b, &a->pain_type_why);
    if (!r)
        r = rh_buf_puts(b, ",\"red_flags\":[");
    for (int i = 0; !r && i < a->n_flags; i++) {
        r = rh_buf_puts(b, i ? ",{\"id\":" : "{\"id\":");
        if (!r)
            r = rh_buf_json_str(b, a->flags[i].id);
        if (!r)
            r = rh_buf_puts(b, ",\"why\":");
        if (!r)
            r = rh_buf_json_str(b, a->flags[i].why);
        if (!r)
            r = rh_buf_puts(b, "}");
    }
    if (!r)
        r = rh_buf_printf(b, "],\"checklist_warnings\":%d,\"disposition\":\"%s\",\"disposition_why\":",
                          a->checklist_warnings, rh_disposition_name(a->disposition));
    if (!r)
        r = json_why(b, &a->disposition_why);
    if (!r)
        r = rh_buf_printf(b, ",\"running\":\"%s\",\"running_why\":", rh_running_name(a->running));
    if (!r)
        r = json_why(b, &a->running_why);
    if (!r)
        r = rh_buf_puts(b, ",\"advice\":");
    if (!r)
        r = json_why(b, &a->advice);
    if (!r)
        r = rh_buf_printf(b, ",\"confidence\":%.2f,\"missing\":[", a->confidence);
    for (int i = 0; !r && i < a->n_missing; i++) {
        if (i)
            r = rh_buf_puts(b, ",");
        if (!r)
            r = rh_buf_json_str(b, a->missing[i]);
    }
    if (!r)
        r = rh_buf_puts(b, "],\"training_from_data\":[");
    int k = 0;
    for (int i = 0; !r && i < 5; i++) {
        if (!(a->from_data & (1u << i)))
            continue;
        if (k++)
            r = rh_buf_puts(b, ",");
        if (!r)
            r = rh_buf_json_str(b, data_keys[i]);
    }
    if (!r)
        r = rh_buf_puts(b, "]}");
    return r;
}

static const char *disp_text(enum rh_disposition d)
{
    switch (d) {
    case RH_DISP_URGENT: return "Get medical help today (emergency department or urgent care).";
    case RH_DISP_SEE_DOCTOR_SOON: return "See a doctor within the next few days.";
    case RH_DISP_SEE_PHYSIO: return "Book a physiotherapist (ideally a sports physio) within 1-2 weeks.";
    case RH_DISP_MODIFY_TRAINING: return "Change your training for now and watch how the pain responds.";
    default: return "Look after it yourself; it should settle within days.";
    }
}

static const char *run_text(enum rh_running r)
{
    switch (r) {
    case RH_RUNNING_STOP: return "Stop running until you have been checked.";
    case RH_RUNNING_CROSS_TRAIN_ONLY: return "Do not run for now; keep fit with cycling, swimming or other pain-free training.";
    case RH_RUNNING_REDUCE: return "Keep running only in reduced amounts, with pain during the run at most 5/10 and settled by the next morning.";
    default: return "You can keep running easily.";
    }
}

int rh_assessment_to_text(const struct rh_assessment *a, struct rh_buf *b)
{
    int r = 0;
    if (a->n_flags) {
        r = rh_buf_printf(b, "!! RED FLAGS (%d): these answers need a doctor's attention\n",
                          a->n_flags);
        for (int i = 0; !r && i < a->n_flags; i++)
            r = rh_buf_printf(b, "!! %s [%s], at least %s\n   why: %s\n", a->flags[i].name,
                              a->flags[i].id, rh_disposition_name(a->flags[i].min_disposition),
                              a->flags[i].why);
        if (!r)
            r = rh_buf_puts(b, "\n");
    }
    if (!r)
        r = rh_buf_printf(b, "WHAT TO DO NOW: %s (%s)\n  %s\n", disp_text(a->disposition),
                          rh_disposition_name(a->disposition), run_text(a->running));
    /* the reasons for the final levels (the JSON keeps the lower ones too) */
    const char *dn = rh_disposition_name(a->disposition), *rn = rh_running_name(a->running);
    for (int i = 0, k = 0; !r && i < a->disposition_why.n && k < 4; i++)
        if (strncmp(a->disposition_why.text[i], dn, strlen(dn)) == 0 && ++k)
            r = rh_buf_printf(b, "  - because %s\n", a->disposition_why.text[i] + strlen(dn) + 2);
    for (int i = 0, k = 0; !r && i < a->running_why.n && k < 3; i++)
        if (strncmp(a->running_why.text[i], rn, strlen(rn)) == 0 && ++k)
            r = rh_buf_printf(b, "  - running (%s): %s\n", rn, a->running_why.text[i] + strlen(rn) + 2);
    for (int i = 0; !r && i < a->advice.n; i++)
        r = rh_buf_printf(b, "  * %s\n", a->advice.text[i]);
    if (!r)
        r = rh_buf_puts(b, "\nMOST LIKELY CAUSES\n");
    for (int i = 0; !r && i < a->n_conditions && i < 3; i++) {
        const struct rh_assess_condition *c = &a->conditions[i];
        r = rh_buf_printf(b, "%d. %s [%s], score %.2f\n", i + 1, c->name, c->id, c->score);
        for (int k = 0; !r && k < c->why.n && k < 5; k++)
            r = rh_buf_printf(b, "   %s\n", c->why.text[k]);
    }
    if (!r)
        r = rh_buf_printf(b, "\nPAIN TYPE: %s\n", rh_pain_type_name(a->pain_type));
    for (int i = 0; !r && i < a->pain_type_why.n && i < 4; i++)
        r = rh_buf_printf(b, "  - %s\n", a->pain_type_why.text[i]);
    if (!r)
        r = rh_buf_printf(b, "\nChecklist warnings: %d of 6 (three or more: scale back and get "
                             "a professional evaluation)\n",
                          a->checklist_warnings);
    if (!r)
        r = rh_buf_printf(b, "Confidence: %.2f\n", a->confidence);
    if (!r && a->n_missing) {
        r = rh_buf_puts(b, "Answering these would change the result most:");
        for (int i = 0; !r && i < a->n_missing; i++)
            r = rh_buf_printf(b, "%s %s", i ? "," : "", a->missing[i]);
        if (!r)
            r = rh_buf_puts(b, "\n");
    }
    if (!r && a->from_data) {
        r = rh_buf_puts(b, "Training figures taken from your recorded runs:");
        int k = 0;
        for (int i = 0; !r && i < 5; i++)
            if (a->from_data & (1u << i))
                r = rh_buf_printf(b, "%s %s", k++ ? "," : "", data_keys[i]);
        if (!r)
            r = rh_buf_puts(b, "\n");
    }
    if (!r)
        r = rh_buf_printf(b, "\n%s\n", rh_assess_disclaimer());
    return r;
}

/* Added for the diary's triage (src/plan/triage.c): the same words for a
 * disposition wherever it is shown. */
const char *rh_disposition_text(enum rh_disposition d)
{
    return disp_text(d);
}
