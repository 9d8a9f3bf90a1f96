/* SPDX-License-Identifier: MIT */
/*
 * The weekly overuse check-in, scored the way the OSTRC overuse questionnaire
 * (version 2) scores it [Clarsen13][Clarsen20][ostRc]: four items about the
 * last seven days (taking part, changed training, performance, pain), each
 * answered with one of four options scored 0, 8, 17 or 25; severity is the
 * sum (0..100). Full participation without a problem ends the check-in at 0;
 * not being able to take part ends it at 100. A "substantial problem" is
 * item 1 = 25, or item 2 >= 17, or item 3 >= 17 (rh_ostrc_substantial_words). The instrument's own item
 * texts are licensed, so the questions below are runhip's own wording.
 */
#include <stdio.h>
#include <string.h>

#include "plan/plan_int.h"
#include "runhip/plan.h"
#include "runhip/text.h"
#include "runhip/triage.h"
#include "util/banned.h"

static const int option_score[RH_OSTRC_OPTIONS] = {0, 8, 17, 25};

/* words22b: the questions, their options and what "substantial" means are
 * data/wording.txt [checkin_items], a closed set checked at load
 * (rh__ostrc_words_check, from the plan's load): item N's question qN, its
 * options qN.1 to qN.4 (scored 0, 8, 17 and 25 above), and substantial:
 * what "a substantial problem" means, the one definition every output uses
 * (review 7b N13): Clarsen13 counts a problem as substantial when it
 * reduces training volume or performance to a moderate or severe extent
 * (items 2 and 3 answered with one of the two most severe options, 17 or
 * 25) or stops participation altogether (item 1 = 25); neither the pain
 * item nor the severity score decides it. In the words of the options. */
#define OW(key) rh__words("checkin_items", (key))

static const struct rh_words_format ostrc_words[] = {
    {"q1", ""},   {"q1.1", ""}, {"q1.2", ""}, {"q1.3", ""}, {"q1.4", ""},
    {"q2", ""},   {"q2.1", ""}, {"q2.2", ""}, {"q2.3", ""}, {"q2.4", ""},
    {"q3", ""},   {"q3.1", ""}, {"q3.2", ""}, {"q3.3", ""}, {"q3.4", ""},
    {"q4", ""},   {"q4.1", ""}, {"q4.2", ""}, {"q4.3", ""}, {"q4.4", ""},
    {"substantial", ""},
};

/* The key of item (0..3) and option (1..4; 0: the question itself). */
static const char *const item_keys[RH_OSTRC_ITEMS][RH_OSTRC_OPTIONS + 1] = {
    {"q1", "q1.1", "q1.2", "q1.3", "q1.4"},
    {"q2", "q2.1", "q2.2", "q2.3", "q2.4"},
    {"q3", "q3.1", "q3.2", "q3.3", "q3.4"},
    {"q4", "q4.1", "q4.2", "q4.3", "q4.4"},
};

/* words27: the scoring's errors, data/wording.txt [checkin_errors], with
 * named holes (a count is said whatever its C type: no "%zu" in the data) */
static const struct rh_words_named ostrc_errors[] = {
    {"none", ""},
    {"too_many", "items n"},
    {"first_skipped", ""},
    {"out_of_range", "answer options given"},
    {"all_needed", "given n"},
    {"no_problem_then_problem", "first answer second"},
};

int rh__ostrc_words_check(struct rh_err *err)
{
    int r = rh_words_format_check("checkin_items", ostrc_words,
                                  sizeof ostrc_words / sizeof *ostrc_words, err);
    return r ? r
             : rh_words_named_check("checkin_errors", ostrc_errors,
                                    sizeof ostrc_errors / sizeof *ostrc_errors, err);
}

const struct rh_words_named *rh_ostrc_error_keys(size_t *n)
{
    *n = sizeof ostrc_errors / sizeof *ostrc_errors;
    return ostrc_errors;
}

int rh__named_err(struct rh_err *err, int code, const char *section, const char *key,
                  const char *const *names, const char *const *vals, size_t n)
{
    char msg[512];
    rh_text_fill_named(msg, sizeof msg, rh__words(section, key), names, vals, n);
    return rh_err_set(err, code, "%s", msg);
}

#define error_of(err, code, key, names, vals, n)                                                   \
    rh__named_err((err), (code), "checkin_errors", (key), (names), (vals), (n))

const char *rh_ostrc_substantial_words(void)
{
    return OW("substantial");
}

const char *rh_ostrc_hold_note(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    if (!kb || !st || !rh_plan_no_running(st))
        return NULL;
    /* session 22 (branch diary26b): until what lifts the stop in force (a
     * pelvic-floor check, the clearance of the clinician who diagnosed a
     * fracture), not "until the diary settles" whatever the stop; one text
     * a thread, as the web server answers from several */
    static _Thread_local char note[1600];
    const char *lifts[] = {rh_plan_hold_text(kb, st, "text", "hold_lifts")};
    const char *t = rh_plan_kb_get(kb, "text", "checkin_q1_hold");
    const char *a = rh_plan_kb_get(kb, "text", "checkin_q1_answer");
    if (!t || !a || !lifts[0])
        return NULL;
    size_t o = rh_text_fill(note, sizeof note, t, lifts, 1);
    if (o + 1 < sizeof note)
        (void)snprintf(note + o, sizeof note - o, " %s", a);
    return note;
}

const char *rh_ostrc_hold_score(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                                const struct rh_checkin *ck)
{
    if (!kb || !st || !ck || ck->q[0] != option_score[RH_OSTRC_OPTIONS - 1] ||
        !rh_plan_no_running(st))
        return NULL;
    return rh_plan_kb_get(kb, "text", "checkin_score_hold");
}

const char *rh_ostrc_question(int item)
{
    return item >= 0 && item < RH_OSTRC_ITEMS ? OW(item_keys[item][0]) : "";
}

int rh_ostrc_option_of_score(int score)
{
    for (int i = 0; i < RH_OSTRC_OPTIONS; i++)
        if (option_score[i] == score)
            return i + 1;
    return 0;
}

const char *rh_ostrc_option(int item, int option)
{
    return item >= 0 && item < RH_OSTRC_ITEMS && option >= 1 && option <= RH_OSTRC_OPTIONS
               ? OW(item_keys[item][option])
               : "";
}

int rh_ostrc_answers_check(const int *answers, size_t n, struct rh_err *err)
{
    /* 1 to question 1 ends at 0: a problem said after it would be dropped
     * without a word (runner16); the terminal and the web refuse it alike */
    for (size_t i = 1; n > 0 && answers[0] == 1 && i < n && i < RH_OSTRC_ITEMS; i++)
        if (answers[i] != RH_OSTRC_SKIPPED && answers[i] > 1) {
            char a[24];
            snprintf(a, sizeof a, "%zu", i + 1);
            const char *const nm[] = {"first", "answer", "second"};
            const char *const v[] = {rh_ostrc_option(0, 1), a, rh_ostrc_option(0, 2)};
            return error_of(err, RH_EINVAL, "no_problem_then_problem", nm, v, 3);
        }
    return 0;
}

int rh_ostrc_score(const int *answers, size_t n, int32_t day, struct rh_checkin *out,
                   struct rh_err *err)
{
    memset(out, 0, sizeof *out);
    out->day = day;
    for (int i = 0; i < RH_OSTRC_ITEMS; i++)
        out->q[i] = -1;
    char sn[24], sa[24], so[12], sg[12], si[12];
    snprintf(sn, sizeof sn, "%zu", n);
    snprintf(si, sizeof si, "%d", RH_OSTRC_ITEMS);
    if (n == 0)
        return error_of(err, RH_EINVAL, "none", NULL, NULL, 0);
    if (n > RH_OSTRC_ITEMS) {
        const char *const nm[] = {"items", "n"}, *const v[] = {si, sn};
        return error_of(err, RH_EINVAL, "too_many", nm, v, 2);
    }
    if (answers[0] == RH_OSTRC_SKIPPED)
        return error_of(err, RH_EINVAL, "first_skipped", NULL, NULL, 0);
    for (size_t i = 0; i < n; i++)
        if ((answers[i] < 1 || answers[i] > RH_OSTRC_OPTIONS) &&
            !(i > 0 && answers[i] == RH_OSTRC_SKIPPED)) {
            snprintf(sa, sizeof sa, "%zu", i + 1);
            snprintf(so, sizeof so, "%d", RH_OSTRC_OPTIONS);
            snprintf(sg, sizeof sg, "%d", answers[i]);
            const char *const nm[] = {"answer", "options", "given"}, *const v[] = {sa, so, sg};
            return error_of(err, RH_ERANGE, "out_of_range", nm, v, 3);
        }
    int rc = rh_ostrc_answers_check(answers, n, err);
    if (rc)
        return rc;
    int q1 = option_score[answers[0] - 1];
    out->q[0] = q1;
    if (answers[0] == 1 || answers[0] == RH_OSTRC_OPTIONS) {
        /* full participation without a problem ends at 0; could not take part
         * ends at 100; the other items are not asked */
        out->severity = answers[0] == 1 ? 0 : 100;
        out->substantial = q1 == 25;
        return 0;
    }
    if (n != RH_OSTRC_ITEMS) {
        snprintf(sg, sizeof sg, "%d", answers[0]);
        const char *const nm[] = {"given", "n"}, *const v[] = {sg, sn};
        return error_of(err, RH_EINVAL, "all_needed", nm, v, 2);
    }
    /* a skipped item is not answered, never "no trouble": the sum of the
     * answered items is a lower bound of the severity, and substantial is
     * said only from what was answered */
    int sum = 0;
    for (int i = 0; i < RH_OSTRC_ITEMS; i++) {
        out->q[i] = answers[i] == RH_OSTRC_SKIPPED ? -1 : option_score[answers[i] - 1];
        sum += out->q[i] < 0 ? 0 : out->q[i];
    }
    out->severity = sum;
    out->substantial = out->q[0] == 25 || out->q[1] >= 17 || out->q[2] >= 17;
    return 0;
}

int rh_ostrc_skipped(const struct rh_checkin *c)
{
    if (c->q[0] != 8 && c->q[0] != 17) /* Q1 ended it, or nothing scored */
        return 0;
    int n = 0;
    for (int i = 1; i < RH_OSTRC_ITEMS; i++)
        n += c->q[i] < 0;
    return n;
}

int rh_checkin_json(const struct rh_checkin *c, struct rh_buf *b)
{
    char d[11];
    rh_date_format(c->day, d);
    int r = rh_buf_printf(b, "{\"date\":\"%s\",\"severity\":%d,\"substantial\":%s,\"q\":[", d,
                          c->severity, c->substantial ? "true" : "false");
    for (int q = 0; q < RH_OSTRC_ITEMS && !r; q++) {
        if (c->q[q] >= 0)
            r = rh_buf_printf(b, "%s%d", q ? "," : "", c->q[q]);
        else
            r = rh_buf_printf(b, "%snull", q ? "," : "");
    }
    if (!r) /* the warning signs ticked with it (schema 5) */
        r = rh_buf_puts(b, "],\"signs\":");
    if (!r)
        r = rh_triage_signs_json(c->signs, b);
    if (!r) /* the note in the runner's words (schema 6), null when none */
        r = rh_buf_puts(b, ",\"note\":");
    if (!r)
        r = *c->note ? rh_buf_json_str(b, c->note) : rh_buf_puts(b, "null");
    return r ? r : rh_buf_puts(b, "}");
}
