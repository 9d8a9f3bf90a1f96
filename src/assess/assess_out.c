/* SPDX-License-Identifier: MIT */
/*
 * The assessment written out: one JSON object (read back by the plan from
 * the store, shape fixed in docs/internals/assess.md) and a plain-text
 * report for people, red flags first, the disclaimer once.
 */
#include <stdio.h>
#include <string.h>

#include <ctype.h>
#include <stdlib.h>

#include "runhip/assess.h"
#include "runhip/text.h"
#include "util/banned.h"

/* The words live in data/wording.txt [text] disclaimer (one place); the
 * fallback is for a table that lost them. */
const char *rh_assess_disclaimer_of(bool for_child)
{
    const char *d = for_child ? rh_words("text", "disclaimer.child") : NULL;
    if (!d)
        d = rh_words("text", "disclaimer");
    return d ? d : ""; /* every [text] key is required (rh_text_check) */
}

const char *rh_assess_disclaimer(void)
{
    return rh_assess_disclaimer_of(false);
}

/* n lines of width bytes each at text, as a JSON array of strings */
static int json_lines(struct rh_buf *b, int n, const char *text, size_t width)
{
    int r = rh_buf_puts(b, "[");
    for (int i = 0; r == 0 && i < n; i++) {
        if (i)
            r = rh_buf_puts(b, ",");
        if (r == 0)
            r = rh_buf_json_str(b, text + (size_t)i * width);
    }
    return r ? r : rh_buf_puts(b, "]");
}

/* A red flag's object opened, after lead: {"id":ID,"why":WHY (the caller
 * adds its other members and the closing brace); the fired flags and those
 * set aside by their exception are written alike. 0 or RH_ENOMEM. */
static int json_flag_open(struct rh_buf *b, const char *lead, const char *id, const char *why)
{
    int r = rh_buf_printf(b, "%s{\"id\":", lead);
    if (!r)
        r = rh_buf_json_str(b, id);
    if (!r)
        r = rh_buf_puts(b, ",\"why\":");
    if (!r)
        r = rh_buf_json_str(b, why);
    return r;
}

static int json_why(struct rh_buf *b, const struct rh_why *w)
{
    return json_lines(b, w->n, w->text[0], sizeof w->text[0]);
}

static int json_level_why(struct rh_buf *b, const struct rh_level_why *w)
{
    return json_lines(b, w->n, w->text[0], sizeof w->text[0]);
}

void rh_assessment_data_note(const struct rh_assessment *a, char *buf, size_t cap)
{
    if (!cap)
        return;
    buf[0] = '\0';
    if (!a->data_not_recent)
        return;
    char d[11] = "";
    if (a->data_newest_run >= 0)
        rh_date_format(a->data_newest_run, d);
    char kept[96];
    if (rh_has(a->data_kept_weekly_km))
        snprintf(kept, sizeof kept, "your answer of %.0f km a week was kept",
                 a->data_kept_weekly_km);
    else
        snprintf(kept, sizeof kept, "your training figures are your own answers");
    /* the weeks before the pain began, when its start is known (review 7b N2) */
    char when[48] = "this assessment";
    if (a->data_before_onset) {
        char o[11];
        rh_date_format(a->data_onset_day, o);
        snprintf(when, sizeof when, "the pain began on %s", o);
    }
    /* review 11 #12: the newest run before the pain, when it began */
    const char *newest = a->data_before_onset ? "your newest run before the pain began is "
                                              : "your newest run is ";
    if (a->data_patchy)
        snprintf(buf, cap, "Fewer than %d of the %d weeks before %s have a recorded "
                 "run (%s%s): %s.", a->data_cover_weeks, a->data_window_weeks,
                 when, newest, d, kept);
    else
        snprintf(buf, cap, "No runs recorded in the %d weeks before %s (%s%s): %s.",
                 a->data_window_weeks, when, d[0] ? newest : "none is stored", d, kept);
}

#define CK(n, w) "check_" #w,
static const char *const check_keys[RH_CHECK__COUNT] = {RH_CHECK_WORDS(CK)};
#undef CK

const char *rh_assess_check_key(int i)
{
    return i >= 0 && i < RH_CHECK__COUNT ? check_keys[i] : NULL;
}

void rh_assessment_checklist_note(const struct rh_assessment *a, char *buf, size_t cap)
{
    if (!cap)
        return;
    buf[0] = '\0';
    int n = a->checklist_answered, w = a->checklist_warnings;
    if (n <= 0)
        return;
    size_t k = 0;
#define ADD(...)                                                                                   \
    do {                                                                                           \
        if (k < cap) {                                                                             \
            int w_ = snprintf(buf + k, cap - k, __VA_ARGS__);                                      \
            k = w_ < 0 ? cap : k + (size_t)w_;                                                     \
        }                                                                                          \
    } while (0)
    /* how many were answered: after a questionnaire stopped early, "0 of
     * the 6 were warnings" read as six clean answers (review 8 #21) */
    if (n == RH_CHECK__COUNT) {
        if (w == 0)
            ADD("Self-check: none of the 6 quick questions was a warning");
        else
            ADD("Self-check: %d of the 6 quick questions %s", w,
                w == 1 ? "was a warning" : "were warnings");
    } else {
        ADD("Self-check: you answered %d of the 6 quick questions", n);
        if (w == 0)
            ADD(n == 1 ? ", and it was not a warning" : ", and none was a warning");
        else if (w == n)
            ADD(n == 1 ? ", and it was a warning" : ", and all %d were warnings", n);
        else
            ADD("; %d %s", w, w == 1 ? "was a warning" : "were warnings");
    }
    /* which: the answer in the runner's words (data/wording.txt [answer]) */
    for (int i = 0, j = 0; i < RH_CHECK__COUNT; i++) {
        if (!(a->checklist_warned & RH_BIT(i)))
            continue;
        char key[64];
        snprintf(key, sizeof key, "%s%s", check_keys[i],
                 i == RH_CHECK_BETTER_STRETCH ? ".no" : "");
        const char *t = rh_words("answer", key);
        ADD("%s%s", j++ ? "; " : ": ", t ? t : check_keys[i]);
    }
    ADD(" (three or more warnings: scale back and get a professional to look at it).");
#undef ADD
    if (k >= cap && cap > 4)
        memcpy(buf + cap - 4, "...", 4);
}

static const char *const data_keys[] = {"weekly_km", "km_change_pct", "cadence_spm", "shoe_km",
                                        "same_route"};

/* One answer the recorded runs replaced, in the runner's units. */
static void answer_words(int i, double v, bool clinical, char *buf, size_t cap)
{
    switch (i) {
    case 0: snprintf(buf, cap, "%.0f km a week", v); break;
    case 1: snprintf(buf, cap, "%+.0f%%", v); break;
    case 2: snprintf(buf, cap, "%.0f steps a minute", v); break;
    case 3: snprintf(buf, cap, "%.0f km on %s shoes", v, clinical ? "the" : "your"); break;
    default: snprintf(buf, cap, "%s", v > 0 ? "mostly the same route" : "varied routes"); break;
    }
}

/* The runner's sentence, or (clinical) the hand-off report's in the third
 * person, its words data/wording.txt [text] from_data_*.clinical and the
 * [topic] words' clinical parts (review 8 #13). */
static void data_used(const struct rh_assessment *a, bool clinical, char *buf, size_t cap);

void rh_assessment_data_used(const struct rh_assessment *a, char *buf, size_t cap)
{
    data_used(a, false, buf, cap);
}

void rh_assessment_data_used_clinical(const struct rh_assessment *a, char *buf, size_t cap)
{
    data_used(a, true, buf, cap);
}

void rh_assessment_data_lead(int32_t onset_day, int lead_days, char *buf, size_t cap)
{
    if (!cap)
        return;
    buf[0] = '\0';
    const char *key = onset_day < 0   ? "from_data"
                      : lead_days > 0 ? "from_data.onset_lead"
                                      : "from_data.onset";
    const char *t = rh_words("text", key);
    char d[11] = "", n[16];
    if (onset_day >= 0)
        rh_date_format(onset_day, d);
    snprintf(n, sizeof n, "%d", lead_days);
    size_t at = 0;
    /* {date} and {days} filled, the rest as written */
    for (const char *p = t ? t : ""; *p && at + 1 < cap; p++) {
        const char *v = !strncmp(p, "{date}", 6) ? d : !strncmp(p, "{days}", 6) ? n : NULL;
        if (!v) {
            buf[at++] = *p;
            continue;
        }
        for (; *v && at + 1 < cap; v++)
            buf[at++] = *v;
        p += 5;
    }
    buf[at] = '\0';
}

static void data_used(const struct rh_assessment *a, bool clinical, char *buf, size_t cap)
{
    if (!cap)
        return;
    buf[0] = '\0';
    if (!a->from_data)
        return;
    size_t n = 0;
#define ADD(...)                                                                                   \
    do {                                                                                           \
        if (n < cap) {                                                                             \
            int w_ = snprintf(buf + n, cap - n, __VA_ARGS__);                                      \
            n = w_ < 0 ? cap : n + (size_t)w_;                                                     \
        }                                                                                          \
    } while (0)
    const char *lead = clinical ? rh_words("text", "from_data_lead.clinical") : NULL;
    const char *onset = clinical ? rh_words("text", "from_data_onset.clinical") : NULL;
    if (clinical && lead && onset) {
        const char *ph = strstr(onset, "{}");
        char d[11] = "";
        if (a->data_before_onset)
            rh_date_format(a->data_onset_day, d);
        /* the table marks which figures they are: when, and what the
         * runner had answered (no list of the figures again) */
        if (a->data_before_onset && ph)
            ADD("%s %.*s%s%s", lead, (int)(ph - onset), onset, d, ph + 2);
        else
            ADD("%s", lead);
    } else {
        /* the runner's: the one lead-in the web's page says too */
        char w[320];
        rh_assessment_data_lead(a->data_before_onset ? a->data_onset_day : -1,
                                a->data_before_onset ? a->data_lead_days : 0, w, sizeof w);
        ADD("%s", w);
    }
    const char *rec_w = rh_words("text", "from_data.recorded"),
               *said_w = rh_words("text", "from_data.said");
    rec_w = rec_w ? rec_w : "";
    said_w = said_w ? said_w : "";
    int k = 0, total = 0;
    for (int i = 0; i < 5; i++)
        total += (a->from_data >> i) & 1u;
    /* the runner's: each figure with its recorded value and the answer it
     * was used instead of (review 10 #18: "recorded: 36 km a week; you said
     * 20 km a week"); the clinician's table shows the figures */
    for (int i = 0; i < 5 && !clinical; i++) {
        if (!(a->from_data & (1u << i)))
            continue;
        const char *t = rh_words("topic", data_keys[i]);
        char rec[48] = "", said[48] = "";
        if (rh_has(a->data_value[i]))
            answer_words(i, a->data_value[i], false, rec, sizeof rec);
        if (a->data_answered & (1u << i))
            answer_words(i, a->data_answer[i], false, said, sizeof said);
        ADD("%s%s", k == 0 ? " " : k == total - 1 ? " and " : ", ", t ? t : data_keys[i]);
        if (*rec || *said)
            ADD(" (%s%s%s%s%s%s%s)", *rec ? rec_w : "", *rec ? " " : "", rec,
                *rec && *said ? "; " : "", *said ? said_w : "", *said ? " " : "", said);
        k++;
    }
    k = 0;
    for (int i = 0; i < 5 && clinical; i++) {
        if (!(a->from_data & a->data_answered & (1u << i)))
            continue;
        char w[48];
        answer_words(i, a->data_answer[i], clinical, w, sizeof w);
        const char *ins = rh_words("text", "from_data_answers.clinical");
        if (k == 0 && ins)
            ADD("; %s: %s", ins, w);
        else
            ADD("%s%s", k == 0 ? ", used instead of your answers (" : ", ", w);
        k++;
    }
    ADD(".");
#undef ADD
    if (n >= cap && cap > 4)
        memcpy(buf + cap - 4, "...", 4);
}

int rh_assessment_to_json(const struct rh_assessment *a, struct rh_buf *b)
{
    int r = rh_buf_puts(b, "{\"disclaimer\":");
    if (!r)
        r = rh_buf_json_str(b, rh_assess_disclaimer_of(a->for_child));
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
        if (!r && c->clinical_name) /* review 11 #9: the report's label, as shown */
            r = rh_buf_puts(b, ",\"clinical_name\":");
        if (!r && c->clinical_name)
            r = rh_buf_json_str(b, c->clinical_name);
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
        r = json_flag_open(b, i ? "," : "", a->flags[i].id, a->flags[i].why);
        /* session 32 (branch run32): every flag's own level and running
         * (its running_if or trigger_running lowered), which the plan keeps
         * with the sign (rh_plan_sign_stops_running) */
        if (!r)
            r = rh_buf_printf(b, "%s,\"level\":\"%s\",\"running\":\"%s\"",
                              a->flags[i].low ? ",\"low\":true" : "",
                              rh_disposition_name(a->flags[i].min_disposition),
                              rh_running_name(a->flags[i].min_running));
        if (!r)
            r = rh_buf_puts(b, "}");
    }
    /* session 14 (branch flagexc): a flag whose exception held, said once */
    for (int i = 0; !r && i < a->n_set_aside; i++) {
        r = json_flag_open(b, i ? "," : "],\"red_flags_set_aside\":[", a->set_aside[i].id,
                           a->set_aside[i].why);
        if (!r)
            r = rh_buf_puts(b, "}");
    }
    if (!r)
        r = rh_buf_printf(b, "],\"checklist_warnings\":%d,\"checklist_answered\":%d,"
                             "\"disposition\":\"%s\",",
                          a->checklist_warnings, a->checklist_answered,
                          rh_disposition_name(a->disposition));
    for (int i = 0, k = 0; !r && i < RH_CHECK__COUNT; i++)
        if (a->checklist_warned & RH_BIT(i))
            r = rh_buf_printf(b, "%s\"%s\"", k++ ? "," : "\"checklist_warned\":[", check_keys[i]);
    if (!r && a->checklist_warned)
        r = rh_buf_puts(b, "],");
    if (!r && a->checklist_answered) {
        char note[RH_ASSESS_CHECK_NOTE];
        rh_assessment_checklist_note(a, note, sizeof note);
        r = rh_buf_puts(b, "\"checklist_note\":");
        if (!r)
            r = rh_buf_json_str(b, note);
        if (!r)
            r = rh_buf_puts(b, ",");
    }
    if (!r)
        r = rh_buf_puts(b, "\"disposition_why\":");
    if (!r)
        r = json_level_why(b, &a->disposition_why);
    if (!r)
        r = rh_buf_printf(b, ",\"running\":\"%s\",\"running_why\":", rh_running_name(a->running));
    if (!r)
        r = json_level_why(b, &a->running_why);
    if (!r)
        r = rh_buf_printf(b, ",\"advice_now\":%d,\"advice\":", a->advice_now);
    if (!r)
        r = json_why(b, &a->advice);
    if (!r)
        r = rh_buf_printf(b, ",\"ranked\":%s", a->unranked ? "false" : "true");
    if (!r && a->for_child)
        r = rh_buf_puts(b, ",\"for_child\":true");
    if (!r && a->care_pelvic)
        r = rh_buf_puts(b, ",\"care_pelvic\":true");
    if (!r && a->care_postnatal)
        r = rh_buf_puts(b, ",\"care_postnatal\":true");
    if (!r && a->clearance_need[0]) {
        r = rh_buf_puts(b, ",\"clearance_need\":");
        if (!r)
            r = rh_buf_json_str(b, a->clearance_need);
    }
    if (!r && a->unranked) {
        r = rh_buf_puts(b, ",\"unranked_why\":");
        if (!r)
            r = rh_buf_json_str(b, a->unranked_why);
    }
    if (!r)
        r = rh_buf_printf(b, ",\"confidence\":%.2f,\"missing\":[", a->confidence);
    for (int i = 0; !r && i < a->n_missing; i++) {
        if (i)
            r = rh_buf_puts(b, ",");
        if (!r)
            r = rh_buf_json_str(b, a->missing[i]);
    }
    if (!r && a->data_not_recent) {
        char note[300];
        rh_assessment_data_note(a, note, sizeof note);
        r = rh_buf_puts(b, "],\"training_data_not_recent\":");
        if (!r)
            r = rh_buf_json_str(b, note);
        if (!r)
            r = rh_buf_puts(b, ",\"training_from_data\":[");
    } else if (!r)
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
    if (!r && a->from_data) {
        char used[600];
        rh_assessment_data_used(a, used, sizeof used);
        r = rh_buf_puts(b, "],\"training_from_data_note\":");
        if (!r)
            r = rh_buf_json_str(b, used);
        /* the same in the third person, for the clinician's report */
        rh_assessment_data_used_clinical(a, used, sizeof used);
        if (!r)
            r = rh_buf_puts(b, ",\"training_from_data_clinical\":");
        if (!r)
            r = rh_buf_json_str(b, used);
        if (!r)
            r = rh_buf_puts(b, "}");
    } else if (!r)
        r = rh_buf_puts(b, "]}");
    return r;
}

/* ---- the text for people (words and references: runhip/text.h) ---- */

/* One reason of the engine in plain words, on a line of its own. */
static int plain(struct rh_buf *b, const char *lead, const char *text, struct rh_refs *refs)
{
    int r = rh_buf_puts(b, lead);
    if (!r)
        r = rh_text_reason(text, refs, b);
    return r ? r : rh_buf_puts(b, "\n");
}

/* "   Why: because ..." of a red flag (rh_assess_flag_because), or its
 * rule's reason when no answer of the person names it. */
static int flag_because(struct rh_buf *b, const char *why, struct rh_refs *refs)
{
    struct rh_buf w;
    rh_buf_init(&w, 0);
    int r = rh_assess_flag_because(why, NULL, NULL, refs, &w);
    if (!r)
        r = w.len ? rh_buf_printf(b, "   Why: %s\n", w.data) : plain(b, "   Why: ", why, refs);
    rh_buf_release(&w);
    return r;
}

const char *rh_assess_pain_type_statement(const char *why, char *out, size_t cap, bool *feature)
{
    /* "muscle: ANSWERS: REASON [S]"; the sums of weights are for developers */
    const char *c1 = why ? strstr(why, ": ") : NULL;
    if (!c1 || strchr(why, ' ') < c1 || !cap)
        return NULL;
    /* no answers behind it (the leading cause's own kind of pain): a
     * sentence, not a feature */
    *feature = strstr(c1 + 2, ": ") != NULL;
    snprintf(out, cap, "%s%s", *feature ? "+1 " : "", c1 + 2);
    return out;
}

const char *rh_assess_confidence_words(double confidence)
{
    const char *hm = rh_words("confidence", "high.min"), *mm = rh_words("confidence", "medium.min");
    double hi = 0.75, mid = 0.45;
    if (hm)
        (void)rh_parse_double(hm, &hi);
    if (mm)
        (void)rh_parse_double(mm, &mid);
    const char *cw = rh_words("confidence", confidence >= hi    ? "high"
                                            : confidence >= mid ? "medium"
                                                                : "low");
    return cw ? cw : "";
}

/* A condition's finding "+2.5 ANSWERS: REASON [SOURCES]": the reason first,
 * then what in the answers made it count. */
static int plain_feature(struct rh_buf *b, const char *text, struct rh_refs *refs)
{
    struct rh_buf line;
    rh_buf_init(&line, 0);
    bool against;
    int r = rh_text_feature(text, false, refs, &line, &against);
    if (!r)
        r = rh_buf_printf(b, "%s%s\n", against ? "   - against it: " : "   - ",
                          line.data ? line.data : "");
    rh_buf_release(&line);
    return r;
}

/* The topics; signs_first: the warning signs first (review 7 A11: they
 * decide whether to see a doctor at all). */
static const char *child_say(const struct rh_assessment *a, const char *s, char *buf, size_t cap);

/* child: a parent answered ("your child's health history", child_say) */
static int topic_list_ordered(struct rh_buf *b, const char *const *keys, int n, bool signs_first,
                              const struct rh_assessment *child)
{
    int r = 0, k = 0;
    for (int pass = signs_first ? 0 : 1; pass < 2; pass++)
        for (int i = 0; !r && i < n; i++) {
            if (signs_first && (strcmp(keys[i], "signs") == 0) != (pass == 0))
                continue;
            const char *t = rh_words("topic", keys[i]);
            char said[300];
            if (t && child)
                t = child_say(child, t, said, sizeof said);
            r = rh_buf_printf(b, "%s%s", k == 0 ? " " : k == n - 1 ? " and " : ", ",
                              t ? t : keys[i]);
            k++;
        }
    return r;
}


/* review 10 (child10): a sentence of what to do said of a parent's child
 * (data/wording.txt [text] child_person: "until your child has been
 * checked") into buf, or s itself when no parent answered (or it does not
 * fit). */
int rh_assess_said_to(bool for_child, const char *s, struct rh_buf *out)
{
    const char *map = for_child && s ? rh_words("text", "child_person") : NULL;
    if (!map)
        return rh_buf_puts(out, s ? s : "");
    struct rh_buf t;
    rh_buf_init(&t, 0);
    int r = rh_text_person(map, s, &t);
    if (!r)
        r = rh_buf_puts(out, t.data ? t.data : "");
    rh_buf_release(&t);
    return r;
}

static const char *child_say(const struct rh_assessment *a, const char *s, char *buf, size_t cap)
{
    if (!a->for_child || !s)
        return s;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    const char *out = s;
    if (rh_assess_said_to(true, s, &t) == 0 && t.data && t.len < cap) {
        memcpy(buf, t.data, t.len + 1);
        out = buf;
    }
    rh_buf_release(&t);
    return out;
}

void rh_assess_flag_title_said(bool for_child, const char *id, const char *why, char *out,
                               size_t cap)
{
    rh_assess_flag_title(id, why, out, cap);
    if (for_child) /* as rh_assess_said_to says it */
        rh_text_person_in_place(rh_words("text", "child_person"), out, cap);
}

/* report14: the heading for a clinician, of the runner in the third person
 * (data/wording.txt [text] third_person.clinical, as the hand-off report
 * says the runner's sentences: "Pain that wakes the runner at night") */
void rh_assess_flag_title_clinical(const char *id, const char *why, char *out, size_t cap)
{
    rh_assess_flag_title(id, why, out, cap);
    rh_text_person_in_place(rh_words("text", "third_person.clinical"), out, cap);
}

int rh_assessment_write_text(const struct rh_assessment *a, unsigned flags, struct rh_buf *b)
{
    return rh_assessment_write_text_todo(a, flags, NULL, b);
}

int rh_assessment_write_text_todo(const struct rh_assessment *a, unsigned flags,
                                  const struct rh_assess_todo *todo, struct rh_buf *b)
{
    struct rh_refs refs;
    rh_refs_init(&refs);
    refs.child = a->for_child; /* "because your child is 14" */
    int r = 0;
    /* a flag below a doctor's visit (a lower trigger, data/red_flags.txt
     * low =) is told apart, after those that need a doctor, at its own
     * level (session 12, branch flaginfo) */
    int n_doctor = 0;
    for (int i = 0; i < a->n_flags; i++)
        n_doctor += a->flags[i].min_disposition >= RH_DISP_SEE_DOCTOR_SOON;
    for (int pass = 0; !r && pass < 2; pass++) {
        int n = pass ? a->n_flags - n_doctor : n_doctor;
        if (!n)
            continue;
        if (pass) {
            const char *w = rh_words("text", "flags.low");
            const char *at = w ? strstr(w, "{}") : NULL;
            if (at)
                r = rh_buf_printf(b, "%.*s%d%s\n", (int)(at - w), w, n, at + 2);
            else
                r = rh_buf_printf(b, "%s (%d)\n", w ? w : "", n);
        } else {
            /* data/wording.txt [text] flags.high, {}: how many */
            const char *w = rh_words("text", "flags.high");
            const char *at = w ? strstr(w, "{}") : NULL;
            r = at ? rh_buf_printf(b, "!! %.*s%d%s\n", (int)(at - w), w, n, at + 2)
                   : rh_buf_printf(b, "!! %s\n", w ? w : "");
        }
        /* with a same-day level in force, a lower flag does not also say
         * "within the next few days" (review 7b N9): it takes the same-day
         * words, one time frame in one output */
        bool today = a->disposition == RH_DISP_URGENT;
        for (int i = 0; !r && i < a->n_flags; i++)
            today |= a->flags[i].min_disposition == RH_DISP_URGENT;
        for (int i = 0; !r && i < a->n_flags; i++) {
            if ((a->flags[i].min_disposition >= RH_DISP_SEE_DOCTOR_SOON) == (pass == 1))
                continue;
            enum rh_disposition fd = today && !pass ? RH_DISP_URGENT : a->flags[i].min_disposition;
            const char *d = rh_words("disposition", rh_disposition_name(fd));
            /* review 9 #5: headed by what was seen in this person and
             * explained by their own answers, not the rule's definition */
            char title[RH_ASSESS_FLAG_WHY_LEN];
            rh_assess_flag_title_said(a->for_child, a->flags[i].id, a->flags[i].why, title,
                                      sizeof title); /* of a parent's child (words15) */
            /* a low flag's care is the verdict's, said once below */
            r = rh_buf_printf(b, "%s%s.%s%s\n", pass ? "-- " : "!! ", title,
                              pass || !d ? "" : " ", pass || !d ? "" : d);
            if (!r)
                r = flag_because(b, a->flags[i].why, &refs);
        }
        if (!r)
            r = rh_buf_puts(b, "\n");
    }
    /* the warning signs not answered (review 7 A11): say so first, since
     * nothing here has checked them */
    const char *unchecked = rh_assess_signs_unchecked(a);
    if (!r && unchecked)
        r = rh_buf_printf(b, "!! %s\n\n", unchecked);
    char dbuf[400], rbuf[400];
    const char *dt = child_say(a, rh_words("disposition", rh_assess_care_key(a->disposition,
                                                                           a->care_pelvic, a->care_postnatal)),
                               dbuf, sizeof dbuf);
    const char *rt = child_say(a, rh_words("running", rh_running_name(a->running)), rbuf,
                               sizeof rbuf);
    const char *first = a->unranked && !a->n_flags ? rh_words("text", "unranked.first") : NULL;
    if (!r && todo)
        r = rh_buf_printf(b, "WHAT TO DO NOW\n  %s\n  %s\n  %s\n  %s\n", todo->care,
                          todo->running, todo->why, todo->after);
    else if (!r)
        r = rh_buf_printf(b, "WHAT TO DO NOW\n%s%s%s  %s\n  %s\n", first ? "  " : "", first ? first : "",
                          first ? "\n" : "", dt ? dt : "", rt ? rt : "");
    /* the reasons for the final levels (the JSON keeps the lower ones too) */
    const char *dn = rh_disposition_name(a->disposition), *rn = rh_running_name(a->running);
    const char *care[RH_ASSESS_MAX_WHY], *run[RH_ASSESS_MAX_WHY];
    for (int i = 0; i < a->disposition_why.n; i++)
        care[i] = a->disposition_why.text[i];
    for (int i = 0; i < a->running_why.n; i++)
        run[i] = a->running_why.text[i];
    const char *shown_care[RH_TEXT_CARE_WHY], *shown_run[RH_TEXT_RUNNING_WHY];
    int nc = rh_text_level_reasons(dn, care, a->disposition_why.n, NULL, NULL, 0, shown_care,
                                   RH_TEXT_CARE_WHY);
    int nr = rh_text_level_reasons(rn, run, a->running_why.n, dn, care, a->disposition_why.n,
                                   shown_run, RH_TEXT_RUNNING_WHY);
    if (!r && nc + nr)
        r = rh_buf_puts(b, todo ? "  Why your answers point there:\n" : "  Why:\n");
    const char *names[RH_ASSESS_MAX_CONDITIONS];
    int nn = 0;
    for (int i = 0; i < a->n_conditions && nn < RH_ASSESS_MAX_CONDITIONS; i++)
        names[nn++] = a->conditions[i].name;
    /* plain29: reasons in a row about one cause name it once, over them, as
     * the web's assessment page does (a glossed name said twice in a row
     * was two long lines of the same words) */
    for (int i = 0; !r && i < nc; i++) {
        size_t at = rh_text_reason_subject(shown_care[i], names, nn);
        bool prev = i > 0 && at && rh_text_reason_subject(shown_care[i - 1], names, nn) == at &&
                    strncmp(shown_care[i - 1], shown_care[i], at) == 0;
        bool next = i + 1 < nc && at &&
                    rh_text_reason_subject(shown_care[i + 1], names, nn) == at &&
                    strncmp(shown_care[i + 1], shown_care[i], at) == 0;
        if (next && !prev)
            r = rh_buf_printf(b, "  - %.*s:\n", (int)(at - 2), shown_care[i]);
        if (!r)
            r = prev || next ? plain(b, "    - ", shown_care[i] + at, &refs)
                             : plain(b, "  - ", shown_care[i], &refs);
    }
    for (int i = 0; !r && i < nr; i++) {
        r = rh_buf_puts(b, "  - ");
        if (!r)
            r = rh_text_running_reason(rn, shown_run[i], names, nn, false, &refs, b);
        if (!r)
            r = rh_buf_puts(b, "\n");
    }
    /* the red flags' own advice is for now; the rest is for after a stop
     * under its heading (rh_text_advice_heading, review 10 #14), both
     * spoken of the child where a parent answered (child10) */
    enum rh_advice_when when = todo ? (enum rh_advice_when)todo->advice : RH_ADVICE_NOW;
    int now = rh_text_advice_later(rn, when) ? a->advice_now : 0;
    char hbuf[400];
    if (!r && now)
        r = rh_buf_printf(b, "  %s:\n", child_say(a, rh_text_advice_now_heading(), hbuf, sizeof hbuf));
    for (int i = 0; !r && i < now; i++) {
        /* review 12: the red flag's advice said of a parent's child too */
        char abuf[2 * RH_ASSESS_WHY_LEN];
        r = plain(b, "  * ", child_say(a, a->advice.text[i], abuf, sizeof abuf), &refs);
    }
    bool by_flag = rh_assess_running_by_flag(run, a->running_why.n);
    if (!r && a->advice.n > now) /* its running advice for after a stop */
        r = rh_buf_printf(b, "  %s:\n",
                          child_say(a, rh_text_advice_heading(rn, by_flag, when), hbuf, sizeof hbuf));
    for (int i = now; !r && i < a->advice.n; i++)
        r = plain(b, "  * ", a->advice.text[i], &refs);
    /* a red flag set aside by its exception (data/red_flags.txt unless =,
     * session 14): what was checked and why it is not a warning sign here,
     * after the verdict (words16: printed first, its reason filled a
     * phone's first screen before what to do), as the web page has it */
    for (int i = 0; !r && i < a->n_set_aside; i++) {
        const char *w = rh_words("text", "flags.set_aside");
        char title[RH_ASSESS_FLAG_WHY_LEN];
        rh_assess_flag_title(a->set_aside[i].id, "", title, sizeof title);
        r = rh_buf_printf(b, "\n-- %s: %s\n", w ? w : "", title);
        if (!r)
            r = plain(b, "   Why: ", a->set_aside[i].why, &refs);
    }
    if (!r && a->unranked) {
        /* too few answers: say so and ask first; the causes that fit are
         * named without a rank */
        const char *h = rh_words("text", "unranked.heading"), *q = rh_words("text", "unranked.ask");
        r = rh_buf_printf(b, "\n%s\n", h ? h : "");
        if (!r)
            r = plain(b, "   Why: ", a->unranked_why, &refs);
        if (!r && a->n_missing) {
            r = rh_buf_printf(b, "   %s:", q ? q : "");
            if (!r)
                r = topic_list_ordered(b, a->missing, a->n_missing, false, a);
            if (!r)
                r = rh_buf_puts(b, ".\n");
        }
        for (int i = 0; !r && i < a->n_conditions && i < RH_TEXT_TOP_CAUSES; i++)
            r = rh_buf_printf(b, "   - %s\n", a->conditions[i].name);
    } else if (!r) {
        r = rh_buf_puts(b, "\nMOST LIKELY CAUSES, ranked by how well they fit your answers\n");
    }
    double top = a->n_conditions ? a->conditions[0].score : 0;
    for (int i = 0; !r && !a->unranked && i < a->n_conditions && i < RH_TEXT_TOP_CAUSES; i++) {
        const struct rh_assess_condition *c = &a->conditions[i];
        const char *w = rh_text_rank_word(i, c->score, top);
        r = rh_buf_printf(b, "%d. %c%s: %s\n", i + 1, toupper((unsigned char)w[0]), w + 1, c->name);
        for (int k = 0; !r && k < c->why.n && k < RH_TEXT_CAUSE_WHY; k++)
            r = plain_feature(b, c->why.text[k], &refs);
        /* cli26: no reason of its own (its score is its starting score,
         * data/conditions.txt prior): said, not left bare */
        const char *none = c->why.n ? NULL : rh_words("text", "cause.no_reason");
        if (!r && none)
            r = rh_buf_printf(b, "   - %s\n", none);
    }
    const char *pt = rh_words("pain_type", rh_pain_type_name(a->pain_type));
    if (!r)
        r = rh_buf_printf(b, "\nKIND OF PAIN: %s\n", pt ? pt : rh_pain_type_name(a->pain_type));
    for (int i = 0, k = 0; !r && i < a->pain_type_why.n && k < RH_ASSESS_PAIN_TYPE_SAID; i++) {
        char tmp[RH_ASSESS_WHY_LEN + 8];
        bool feature;
        if (!rh_assess_pain_type_statement(a->pain_type_why.text[i], tmp, sizeof tmp, &feature))
            continue;
        k++;
        r = feature ? plain_feature(b, tmp, &refs) : plain(b, "   - ", tmp, &refs);
    }
    if (!r && a->checklist_answered) {
        char note[RH_ASSESS_CHECK_NOTE];
        rh_assessment_checklist_note(a, note, sizeof note);
        r = rh_buf_printf(b, "\n%s\n", note);
    }
    if (!r) {
        const char *cw = rh_assess_confidence_words(a->confidence);
        /* a blank line after the kind of pain, as before the self-check
         * (review 7 B28) */
        r = rh_buf_printf(b, "%sHow sure this is: %s.\n", a->checklist_answered ? "" : "\n",
                          cw ? cw : "");
    }
    if (!r && a->n_missing && !a->unranked) { /* unranked: asked above, first */
        r = rh_buf_puts(b, "Answering these would help most:");
        if (!r)
            r = topic_list_ordered(b, a->missing, a->n_missing, true, a);
        if (!r)
            r = rh_buf_puts(b, ".\n");
    }
    if (!r && a->from_data) {
        char used[600];
        rh_assessment_data_used(a, used, sizeof used);
        r = rh_buf_printf(b, "%s\n", used);
    }
    if (!r && a->data_not_recent) {
        char note[300];
        rh_assessment_data_note(a, note, sizeof note);
        r = rh_buf_printf(b, "%s\n", note);
    }
    if (!r)
        r = rh_buf_printf(b, "\n%s\n", rh_assess_disclaimer_of(a->for_child));
    if (!r && refs.n) {
        r = rh_buf_puts(b, "\n");
        if (!r)
            r = rh_refs_write(&refs, (flags & RH_ASSESS_TEXT_FULL_SOURCES) != 0, b);
    }
    return r;
}

int rh_assessment_to_text(const struct rh_assessment *a, struct rh_buf *b)
{
    return rh_assessment_write_text(a, 0, b);
}

/* Added for the diary's triage (src/plan/triage.c): the same words for a
 * disposition wherever it is shown. */
const char *rh_disposition_text(enum rh_disposition d)
{
    /* data/wording.txt holds the words, with the time frame */
    const char *w = rh_words("disposition", rh_disposition_name(d));
    return w ? w : rh_disposition_name(d);
}

/* review 7 A11; session 28 (walk28): the web Assessment page said nothing
 * of it, only listing the question among those to answer */
const char *rh_assess_signs_unchecked(const struct rh_assessment *a)
{
    bool signs_open = false;
    for (int i = 0; i < a->n_missing; i++)
        signs_open |= strcmp(a->missing[i], "signs") == 0;
    return rh_assess_signs_unchecked_of(a->n_flags, signs_open);
}

const char *rh_assess_signs_unchecked_of(int n_flags, bool signs_missing)
{
    return signs_missing && !n_flags ? rh_words("text", "signs.unchecked") : NULL;
}
