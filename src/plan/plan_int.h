/* SPDX-License-Identifier: MIT */
/* Shared inside src/plan/ only: the knowledge-base layout and helpers. */
#ifndef RUNHIP_PLAN_INT_H
#define RUNHIP_PLAN_INT_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "runhip/activity.h"
#include "runhip/plan.h"
#include "runhip/text.h"

#define RH__LADDER_MAX 12

/* session 32 (branch dia29): the most [matcher] rewrite entries the note
 * reader (src/plan/note.c) holds, here so that the tests of the table's
 * limit follow it when it is raised (they held the old number before) */
#define RH__NOTE_MAX_REWRITE 1536 /* session 34 (branch dia42, the voices of notes43 and notes44): was 1408; session 32 (dia29 and dia37 merged, data/diary_voices.txt): was 960 */
/* and the most [matcher] expand entries (session 32, branch dia29: was a
 * fixed 576 in note.c, full with the voices' negations) */
#define RH__NOTE_MAX_EXPAND 1280 /* dia29 and dia37 merged (dia37 alone: 1024) */

/* snprintf whose truncation is intended (the result is checked so that
 * -Wformat-truncation does not flag a deliberate cut). */
#define rh__fmt(...) ((void)(snprintf(__VA_ARGS__) < 0))
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

struct rh__rule {
    char *section, *key, *value;
    long line;
};

struct rh_plan_kb {
    struct rh_exercise *ex;
    size_t n_ex;
    struct rh__rule *rules;
    size_t n_rules;
    int n_ladder; /* stages [ladder.1] .. [ladder.n] */
};

/* Copies whole sentences of src into dst (cap bytes): when src does not
 * fit, it is cut after the last sentence that does (". "), never mid-word;
 * a first sentence too long on its own is cut at a word and ends "...". */
void rh__copy_sentences(char *dst, size_t cap, const char *src);

/* When the diary logged its flags, in words: "from 2026-11-20 to
 * 2026-11-24" or "on 2026-11-24"; "" when the day is not known (day <= 0).
 * out holds at least 32 bytes. */
void rh__diary_span(int32_t since, int32_t day, char *out, size_t cap);
/* review9 #6: a diary flag's own urgency and first and latest days from
 * st->diary_marks; false (nothing set) when it has none (an older plan). */
bool rh__diary_mark_get(const char *marks, const char *id, int *urgency, int32_t *first,
                        int32_t *latest);
/* The "see someone if" triggers of the state's condition ([condition.X]
 * refer_answers: "key:word" answers, "+" joining those that must all be
 * given, "," between triggers) that the intake in already meets, as plain
 * clauses joined with "; " into st->refer_said ("" none). */
struct rh_intake;
/* The inputs of a plan into st, replacing those it held (plan.c). */
int rh__plan_set_inputs(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                        const struct rh_plan_inputs *in, struct rh_err *err);
/* The plan's advice for the training-load finding id ([finding.ID]
 * advice) in out, its figures filled in: {cadence} the runner's step rate
 * and the load report's target, {raise} the raise of lo_pct to hi_pct
 * percent (the load rules' cadence_raise_*_pct, rh_load_cadence_raise),
 * {increase} [volume] weekly_increase_pct, the ramp the plan's weeks use.
 * Empty when the finding has no advice. */
void rh__plan_finding_advice(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                             const char *id, double lo_pct, double hi_pct, char *out, size_t cap);
void rh__refer_answers(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                       const struct rh_intake *in);
/* st->run_answers from the assessment's answers in (session 22). */
void rh__run_answers(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                     const struct rh_intake *in);

/* Phase id -> enum; 0 or RH_EKEY. */
int rh__phase_parse(const char *s, enum rh_phase *out);
/* A numeric rule value, or dflt when absent or not a number. */
double rh__kb_num(const struct rh_plan_kb *kb, const char *section, const char *key, double dflt);
/* True when word is one of the space-separated words of list. */
bool rh__word_in(const char *list, const char *word);
/* session 33 (branch hyg33): the words of a space-separated list (the
 * plan's id lists, st->red_flags, st->diary_flags, a data line's words) one
 * at a time, the list read where it is (const, never copied, no
 * allocation): the next word after *at into w (cap bytes, NUL-ended), *at
 * moved past it; false when none is left. Spaces between words, any
 * number, are skipped as strtok_r(" ") skipped them. A word of cap bytes or
 * more is given cut to cap - 1 (the lists' words are ids and data words,
 * shorter than RH__WORD_MAX). The loop:
 *     char w[RH__WORD_MAX];
 *     for (const char *at = list; rh__word_next(&at, w, sizeof w);)
 */
#define RH__WORD_MAX 64
static inline bool rh__word_next(const char **at, char *w, size_t cap)
{
    const char *p = *at;
    while (*p == ' ')
        p++;
    size_t n = strcspn(p, " ");
    *at = p + n;
    if (!n || !cap)
        return false;
    size_t k = n < cap ? n : cap - 1;
    memcpy(w, p, k);
    w[k] = '\0';
    return true;
}
/* Why exercise e is left out for condition (its avoid_why clauses naming it,
 * and the bone clause when bone stress is suspected; else its bare reason),
 * joined with "; " into out: never a reason for a condition not suspected
 * (review 8, 21). */
void rh__avoid_why(const struct rh_exercise *e, const char *condition, bool bone, char *out,
                   size_t cap);
/* The diary's red flags in the runner's words (rh_plan_state.diary_said):
 * put sets the line of flag f written on day (nothing when its note did not
 * raise it); get finds flag id's words, reason and that day ("" for a plan
 * stored before the day was kept), false when there is none. */
void rh__said_put(char *list, size_t cap, const struct rh_triage_flag *f, int32_t day);
/* The level from which a warning sign the diary raised stops running
 * (data/plan_rules.txt [pain] flag_stop_level; session 17, diaryword). */
enum rh_disposition rh__flag_stop_level(const struct rh_plan_kb *kb);
/* session 32 (run32): the running a diary or check-in flag id was raised
 * with, kept in st->diary_running (the most restrictive while in force) */
void rh__plan_diary_running_add(struct rh_plan_state *st, const char *id, int running);
bool rh__said_get(const char *list, const char *id, char *words, size_t wcap, char *reason,
                  size_t rcap, char date[11]);
/* The diary's red flags as their entry named them (rh_plan_state.diary_titles):
 * put sets flag f's title and reason; get finds flag id's, false when
 * there is none (a plan stored before them). */
void rh__title_put(char *list, size_t cap, const struct rh_triage_flag *f);
bool rh__title_get(const char *list, const char *id, char *title, size_t tcap, char *because,
                   size_t bcap);
/* A flag's name to the runner: "you wrote WORDS" when said is not "", else name. */
void rh__said_title(const char *said, const char *name, char *out, size_t cap);
/* Session kind of weekday (0 = Monday) in template [week.<week>]. */
const char *rh__week_kind(const struct rh_plan_kb *kb, const char *week, int weekday);
/* data/plan_rules.txt [recorded]: an activity of sport recorded on a day of
 * kind does that day's session. */
bool rh__recorded_does(const struct rh_plan_kb *kb, enum rh_sport sport, const char *kind);

/* data/wording.txt [plan_words]: exactly the keys plan_render.c reads, each
 * text with the printf conversions its call gives (words18) */
int rh__plan_words_check(struct rh_err *err);
/* A text of data/wording.txt [plan_words] ("" when missing: the load
 * refuses that first). */
const char *rh__plan_word(const char *key);
/* words22b: the library's other closed sections of data/wording.txt, each
 * read through one macro of its file (#define OW(key) rh__words("SECTION",
 * (key))) and checked at load by its own table: [checkin_items]
 * (ostrc.c), [plan_moves] (plan.c). rh__words: the text of section/key, "" when missing (the load
 * refuses that first). */
int rh__ostrc_words_check(struct rh_err *err);
/* [plan_moves] (plan.c): the reasons of the plan's moves and stops */
int rh__plan_moves_check(struct rh_err *err);
/* words27: [plan_why], the judgement's reasons with named holes (plan.c) */
int rh__plan_why_check(struct rh_err *err);
/* words27: err set to code and the text of section/key with its named
 * holes names[0..n-1] filled by vals[] (rh_text_fill_named); returns code.
 * For the library's errors said to the runner ([checkin_errors] of ostrc.c,
 * [diary_words] of diary.c), each section checked at the plan's load. */
int rh__named_err(struct rh_err *err, int code, const char *section, const char *key,
                  const char *const *names, const char *const *vals, size_t n);
/* [diary_words] (diary.c) */
int rh__diary_words_check(struct rh_err *err);
static inline const char *rh__words(const char *section, const char *key)
{
    return rh_words_or_empty(section, key);
}
/* What running does while a warning sign of a physiotherapist's level
 * waits for the visit: [text] key (flag_physio_running, or
 * flag_physio_running_doctor while the booking is a doctor's) with its {}
 * filled by the plan's pain rule in force, the words of Today's "Pain
 * rule:" line (pain_rule_today, or its bone-stress variant: no pain is
 * acceptable; fix19, review of session 18), and its {stop} by what a run
 * that hurts does under that rule (flag_physio_stop, or its _pain_free
 * variant; fix19c). st may be NULL (the usual rule). Into dst (cap bytes, the caller's). */
void rh__physio_running(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                        const char *key, char *dst, size_t cap);
/* rh_plan_on_checkin, with *flags_len the bytes of why that say the warning
 * signs and their care (what a banner of the signs says; the rest of why is
 * what running does meanwhile and what the score does) */
int rh__plan_on_checkin(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                        const struct rh_checkin *ck, const struct rh_triage *triage, char *why,
                        size_t cap, bool *moved, size_t *flags_len);

#endif
