/* SPDX-License-Identifier: MIT */
/*
 * The plan's knowledge base: data/exercises.txt and data/plan_rules.txt are
 * compiled in here and parsed into an exercise table and a flat list of
 * (section, key, value) rules. The loader is strict: an unknown key, a
 * missing required key, an unknown phase word, a condition id the rules do
 * not know, or a weekly template that breaks the strength-day spacing is an
 * error with its line, so a bad edit of data/ fails the tests, not a runner.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "plan/plan_int.h"
#include "runhip/assess.h"
#include "runhip/text.h"
#include "util/banned.h"

RH_EMBED(rh__plan_exercises_txt, "data/exercises.txt");
RH_EMBED(rh__plan_rules_txt, "data/plan_rules.txt");

static const char *const phase_ids[] = {
#define RH__PH(n, s) s,
    RH_PLAN_PHASES(RH__PH)
#undef RH__PH
};

const char *rh_phase_id(enum rh_phase p)
{
    return (unsigned)p < RH_PHASE__COUNT ? phase_ids[p] : "?";
}

int rh__phase_parse(const char *s, enum rh_phase *out)
{
    for (int i = 0; i < RH_PHASE__COUNT; i++)
        if (strcmp(s, phase_ids[i]) == 0) {
            *out = (enum rh_phase)i;
            return 0;
        }
    return RH_EKEY;
}

void rh_plan_kb_free(struct rh_plan_kb *kb)
{
    if (!kb)
        return;
    for (size_t i = 0; i < kb->n_rules; i++) {
        rh_free(kb->rules[i].section);
        rh_free(kb->rules[i].key);
        rh_free(kb->rules[i].value);
    }
    rh_free(kb->rules);
    rh_free(kb->ex);
    rh_free(kb);
}

const struct rh_exercise *rh_plan_kb_exercises(const struct rh_plan_kb *kb, size_t *n)
{
    *n = kb->n_ex;
    return kb->ex;
}

const char *rh_plan_kb_get(const struct rh_plan_kb *kb, const char *section, const char *key)
{
    for (size_t i = 0; i < kb->n_rules; i++)
        if (strcmp(kb->rules[i].section, section) == 0 && strcmp(kb->rules[i].key, key) == 0)
            return kb->rules[i].value;
    return NULL;
}

double rh__kb_num(const struct rh_plan_kb *kb, const char *section, const char *key, double dflt)
{
    const char *v = rh_plan_kb_get(kb, section, key);
    double d;
    return v && rh_parse_double(v, &d) == 0 ? d : dflt;
}

bool rh__word_in(const char *list, const char *word)
{
    size_t n = strlen(word);
    if (!n)
        return false;
    for (const char *p = list; (p = strstr(p, word)) != NULL; p += n) {
        bool start = p == list || p[-1] == ' ';
        bool end = p[n] == '\0' || p[n] == ' ';
        if (start && end)
            return true;
    }
    return false;
}

bool rh_plan_exercise_fits(const struct rh_exercise *e, const char *condition, enum rh_phase p)
{
    if (!(e->phases & (1u << p)))
        return false;
    if (!condition || !*condition)
        return strcmp(e->conditions, "all") == 0;
    if (rh__word_in(e->avoid_for, condition))
        return false;
    return strcmp(e->conditions, "all") == 0 || rh__word_in(e->conditions, condition);
}

/* ---- exercises ---------------------------------------------------------- */

struct ex_ctx {
    struct rh_plan_kb *kb;
    struct rh_exercise *cur;
    long cur_line;
};

static int set_field(char *dst, size_t cap, const char *v, const char *key, long line,
                     struct rh_err *err)
{
    size_t n = strlen(v);
    if (n >= cap)
        return rh_err_setl(err, RH_ELIMIT, line, "data/exercises.txt: '%s' is longer than %zu bytes",
                           key, cap - 1);
    memcpy(dst, v, n + 1);
    return 0;
}

static int parse_phases(const char *v, unsigned *out, long line, struct rh_err *err)
{
    *out = 0;
    char w[RH__WORD_MAX];
    for (const char *at = v; rh__word_next(&at, w, sizeof w);) {
        enum rh_phase p;
        if (rh__phase_parse(w, &p))
            return rh_err_setl(err, RH_EKEY, line, "data/exercises.txt: unknown phase '%s'", w);
        *out |= 1u << p;
    }
    if (!*out)
        return rh_err_setl(err, RH_EFORMAT, line, "data/exercises.txt: no phase given");
    return 0;
}

/* ---- the reasons an exercise is left out ---------------------------------- */

/* The clause [c, c + n) of avoid_why: its ids into ids ("" for a bare
 * reason) and where its reason starts; -1 when its ids name a condition
 * that avoid_for does not list. */
static int avoid_clause(const char *avoid_for, const char *c, size_t n, char *ids, size_t icap,
                        const char **reason)
{
    ids[0] = '\0';
    *reason = c;
    const char *colon = memchr(c, ':', n);
    if (!colon || colon + 1 >= c + n || colon[1] != ' ')
        return 0;
    size_t k = (size_t)(colon - c);
    for (size_t i = 0; i < k; i++)
        if (!(islower((unsigned char)c[i]) || c[i] == '_' || c[i] == ' '))
            return 0; /* a bare reason with a colon in it */
    if (k == 0 || k >= icap)
        return -1;
    memcpy(ids, c, k);
    ids[k] = '\0';
    char w[RH__WORD_MAX];
    for (const char *at = ids; rh__word_next(&at, w, sizeof w);)
        if (!rh__word_in(avoid_for, w))
            return -1;
    *reason = colon + 2;
    return 0;
}

void rh__avoid_why(const struct rh_exercise *e, const char *condition, bool bone, char *out,
                   size_t cap)
{
    if (!cap)
        return;
    out[0] = '\0';
    for (int bare = 0; bare < 2 && !*out; bare++)
        for (const char *c = e->avoid_why; *c;) {
            const char *end = strstr(c, " | ");
            size_t n = end ? (size_t)(end - c) : strlen(c);
            char ids[256];
            const char *r;
            if (avoid_clause(e->avoid_for, c, n, ids, sizeof ids, &r) == 0 &&
                (bare ? !*ids
                      : *ids && (rh__word_in(ids, condition) ||
                                 (bone && rh__word_in(ids, "stress_fracture"))))) {
                int rn = (int)(n - (size_t)(r - c));
                char one[400];
                rh__fmt(one, sizeof one, "%.*s", rn, r);
                if (!strstr(out, one))
                    rh_str_appendf(out, cap, "%s%s", *out ? "; " : "", one);
            }
            c = end ? end + 3 : c + n;
        }
}

static int check_avoid(const struct rh_exercise *e, long line, struct rh_err *err)
{
    char covered[256] = "";
    bool bare = false;
    for (const char *c = e->avoid_why; *c;) {
        const char *end = strstr(c, " | ");
        size_t n = end ? (size_t)(end - c) : strlen(c);
        char ids[256];
        const char *r;
        if (avoid_clause(e->avoid_for, c, n, ids, sizeof ids, &r))
            return rh_err_setl(err, RH_EKEY, line,
                               "data/exercises.txt: exercise '%s': avoid_why names a condition "
                               "that avoid_for does not list ('%.*s')",
                               e->id, (int)n, c);
        if ((size_t)(r - c) >= n)
            return rh_err_setl(err, RH_EFORMAT, line,
                               "data/exercises.txt: exercise '%s': avoid_why has a clause with "
                               "no reason", e->id);
        if (*ids)
            rh_str_appendf(covered, sizeof covered, " %s", ids);
        else
            bare = true;
        c = end ? end + 3 : c + n;
    }
    char w[RH__WORD_MAX];
    for (const char *at = e->avoid_for; !bare && rh__word_next(&at, w, sizeof w);)
        if (!rh__word_in(covered, w))
            return rh_err_setl(err, RH_EFORMAT, line,
                               "data/exercises.txt: exercise '%s' is left out for '%s' with no "
                               "reason for it in avoid_why", e->id, w);
    return 0;
}

static int check_exercise(const struct rh_exercise *e, long line, struct rh_err *err)
{
    static const char *const kinds = "release stretch warmup strength isometric eccentric balance pelvic_floor";
    const char *missing = !*e->name        ? "name"
                          : !*e->kind      ? "kind"
                          : !*e->desc      ? "desc"
                          : !*e->dose      ? "dose"
                          : !*e->conditions ? "conditions"
                          : !e->phases     ? "phases"
                          : !*e->too_early ? "too_early"
                          : !*e->source    ? "source"
                                           : NULL;
    if (missing)
        return rh_err_setl(err, RH_EFORMAT, line, "data/exercises.txt: exercise '%s' has no '%s'",
                           e->id, missing);
    if (!rh__word_in(kinds, e->kind))
        return rh_err_setl(err, RH_EKEY, line, "data/exercises.txt: exercise '%s': unknown kind '%s'",
                           e->id, e->kind);
    /* a dose given per day is done every day: the calendar must say when */
    if (!*e->daily && (strstr(e->dose, " a day") || strstr(e->dose, "daily")))
        return rh_err_setl(err, RH_EFORMAT, line,
                           "data/exercises.txt: exercise '%s' is dosed per day ('%s') but has no "
                           "'daily' (when in the day)", e->id, e->dose);
    if (*e->avoid_for && !*e->avoid_why)
        return rh_err_setl(err, RH_EFORMAT, line,
                           "data/exercises.txt: exercise '%s' has avoid_for without avoid_why", e->id);
    return *e->avoid_for ? check_avoid(e, line, err) : 0;
}

static int ex_cb(void *ctx, const char *section, const char *key, const char *value, long line,
                 struct rh_err *err)
{
    struct ex_ctx *c = ctx;
    if (strncmp(section, "exercise.", 9) != 0 || !section[9])
        return rh_err_setl(err, RH_EFORMAT, line,
                           "data/exercises.txt: entry outside an [exercise.ID] section");
    if (!c->cur || strcmp(c->cur->id, section + 9) != 0) {
        if (c->cur) {
            int r = check_exercise(c->cur, c->cur_line, err);
            if (r)
                return r;
        }
        for (size_t i = 0; i < c->kb->n_ex; i++)
            if (strcmp(c->kb->ex[i].id, section + 9) == 0)
                return rh_err_setl(err, RH_EDUP, line, "data/exercises.txt: exercise '%s' twice",
                                   section + 9);
        /* the names said on a screen are bits of a fixed set (struct
         * rh_plan_said) */
        if (c->kb->n_ex >= RH_PLAN_MAX_EXERCISES)
            return rh_err_setl(err, RH_ELIMIT, line,
                               "data/exercises.txt: more than %d exercises",
                               RH_PLAN_MAX_EXERCISES);
        struct rh_exercise *nx = rh_realloc(c->kb->ex, (c->kb->n_ex + 1) * sizeof *nx);
        if (!nx)
            return rh_err_set(err, RH_ENOMEM, "out of memory");
        c->kb->ex = nx;
        c->cur = &nx[c->kb->n_ex++];
        memset(c->cur, 0, sizeof *c->cur);
        c->cur_line = line;
        int r = set_field(c->cur->id, sizeof c->cur->id, section + 9, "id", line, err);
        if (r)
            return r;
    }
    struct rh_exercise *e = c->cur;
#define F(k) if (strcmp(key, #k) == 0) return set_field(e->k, sizeof e->k, value, key, line, err)
    F(name);
    F(kind);
    F(desc);
    F(dose);
    F(conditions);
    F(too_early);
    F(avoid_for);
    F(avoid_why);
    F(source);
    F(loads);
    F(daily);
    F(plain);
#undef F
    if (strcmp(key, "phases") == 0)
        return parse_phases(value, &e->phases, line, err);
    return rh_err_setl(err, RH_EKEY, line, "data/exercises.txt: unknown key '%s'", key);
}

/* ---- rules --------------------------------------------------------------- */

static int rule_cb(void *ctx, const char *section, const char *key, const char *value, long line,
                   struct rh_err *err)
{
    struct rh_plan_kb *kb = ctx;
    if (!*section)
        return rh_err_setl(err, RH_EFORMAT, line, "data/plan_rules.txt: entry before any section");
    if (rh_plan_kb_get(kb, section, key))
        return rh_err_setl(err, RH_EDUP, line, "data/plan_rules.txt: [%s] %s given twice", section,
                           key);
    struct rh__rule *nr = rh_realloc(kb->rules, (kb->n_rules + 1) * sizeof *nr);
    if (!nr)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    kb->rules = nr;
    struct rh__rule *r = &nr[kb->n_rules];
    r->section = rh_strdup(section);
    r->key = rh_strdup(key);
    r->value = rh_strdup(value);
    r->line = line;
    kb->n_rules++;
    if (!r->section || !r->key || !r->value)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    return 0;
}

static const char *const day_keys[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

const char *rh__week_kind(const struct rh_plan_kb *kb, const char *week, int weekday)
{
    char sec[48];
    rh__fmt(sec, sizeof sec, "week.%s", week);
    const char *v = rh_plan_kb_get(kb, sec, day_keys[weekday % 7]);
    return v ? v : "rest";
}

/* data/plan_rules.txt [recorded]: true when an activity of sport recorded
 * on a day of kind (a week template's word, "test" for the three-day test)
 * does that day's session. */
bool rh__recorded_does(const struct rh_plan_kb *kb, enum rh_sport sport, const char *kind)
{
    const char *v = rh_plan_kb_get(kb, "recorded", rh_sport_name(sport));
    if (!v || !kind)
        return false;
    char buf[160];
    rh__fmt(buf, sizeof buf, "%s", v);
    char *save = NULL;
    for (char *w = strtok_r(buf, ", ", &save); w; w = strtok_r(NULL, ", ", &save))
        if (strcmp(w, kind) == 0)
            return true;
    return false;
}

/* every [recorded] key is a sport (runhip/activity.h) and every word a day
 * kind */
static int check_recorded(const struct rh_plan_kb *kb, struct rh_err *err)
{
    for (size_t i = 0; i < kb->n_rules; i++) {
        const struct rh__rule *r = &kb->rules[i];
        if (strcmp(r->section, "recorded") != 0)
            continue;
        enum rh_sport sp;
        if (rh_sport_parse(r->key, &sp))
            return rh_err_setl(err, RH_EKEY, r->line,
                               "data/plan_rules.txt: [recorded] '%s' is not a sport", r->key);
        char buf[160];
        rh__fmt(buf, sizeof buf, "%s", r->value);
        char *save = NULL;
        for (char *w = strtok_r(buf, ", ", &save); w; w = strtok_r(NULL, ", ", &save))
            if (!rh__word_in("strength mobility cross_train run rest test", w))
                return rh_err_setl(err, RH_EKEY, r->line,
                                   "data/plan_rules.txt: [recorded] %s: unknown kind '%s'", r->key,
                                   w);
    }
    return 0;
}

static int check_week(const struct rh_plan_kb *kb, const char *week, struct rh_err *err)
{
    int strength[7], ns = 0, nm = 0;
    for (int d = 0; d < 7; d++) {
        char sec[48];
        rh__fmt(sec, sizeof sec, "week.%s", week);
        const char *k = rh_plan_kb_get(kb, sec, day_keys[d]);
        if (!k)
            return rh_err_set(err, RH_EFORMAT, "data/plan_rules.txt: [week.%s] has no '%s'", week,
                              day_keys[d]);
        if (!rh__word_in("strength mobility cross_train run rest", k))
            return rh_err_set(err, RH_EKEY, "data/plan_rules.txt: [week.%s] %s: unknown kind '%s'",
                              week, day_keys[d], k);
        if (strcmp(k, "strength") == 0)
            strength[ns++] = d;
        nm += strcmp(k, "mobility") == 0;
    }
    if (ns != 2 || nm != 1)
        return rh_err_set(err, RH_EFORMAT,
                          "data/plan_rules.txt: [week.%s] needs two strength days and one "
                          "mobility day (has %d and %d)",
                          week, ns, nm);
    int gap = strength[1] - strength[0];
    if (gap < 2 || gap > 3)
        return rh_err_set(err, RH_EFORMAT,
                          "data/plan_rules.txt: [week.%s] strength days must be 2-3 days apart "
                          "(are %d)",
                          week, gap);
    return 0;
}


/* An answer word of a "see someone if" trigger ("signs:limp") is known when
 * data/wording.txt [answer] has its plain clause ("signs.limp"). */
static bool answer_known(const struct rh_plan_kb *kb, const char *w)
{
    (void)kb;
    char key[80];
    rh__fmt(key, sizeof key, "%s", w);
    char *c = strchr(key, ':');
    if (c)
        *c = '.';
    return c && rh_words("answer", key);
}

static bool cross_train_known(const struct rh_plan_kb *kb, const char *w)
{
    char sec[64];
    rh__fmt(sec, sizeof sec, "cross_train.%s", w);
    return rh_plan_kb_get(kb, sec, "name") != NULL;
}

/* Checks every word (split at any of seps) of every [condition.X] key with
 * known(); the first unknown one is an error "data/plan_rules.txt: what 'w'"
 * on its line. */
static int each_condition_word(const struct rh_plan_kb *kb, const char *key, const char *seps,
                               bool (*known)(const struct rh_plan_kb *, const char *),
                               const char *what, struct rh_err *err)
{
    for (size_t i = 0; i < kb->n_rules; i++) {
        const struct rh__rule *r = &kb->rules[i];
        if (strncmp(r->section, "condition.", 10) != 0 || strcmp(r->key, key) != 0)
            continue;
        char buf[512];
        rh__fmt(buf, sizeof buf, "%s", r->value);
        char *save = NULL;
        for (char *w = strtok_r(buf, seps, &save); w; w = strtok_r(NULL, seps, &save))
            if (!known(kb, w))
                return rh_err_setl(err, RH_EKEY, r->line, "data/plan_rules.txt: %s '%s'", what, w);
    }
    return 0;
}

static int check_rules(struct rh_plan_kb *kb, struct rh_err *err)
{
    static const char *const phase_keys[] = {"name", "goal", "entry", "exit", "exit_good",
                                             "exit_max_pain", "exit_strength", "source"};
    for (int p = 0; p < RH_PHASE__COUNT; p++) {
        char sec[32];
        rh__fmt(sec, sizeof sec, "phase.%s", rh_phase_id((enum rh_phase)p));
        for (size_t k = 0; k < sizeof phase_keys / sizeof *phase_keys; k++)
            if (!rh_plan_kb_get(kb, sec, phase_keys[k]))
                return rh_err_set(err, RH_EFORMAT, "data/plan_rules.txt: [%s] has no '%s'", sec,
                                  phase_keys[k]);
    }
    static const char *const weeks[] = {"rehab", "rehab_reduced", "return", "full"};
    for (size_t w = 0; w < sizeof weeks / sizeof *weeks; w++) {
        int r = check_week(kb, weeks[w], err);
        if (r)
            return r;
    }
    {
        int r = check_recorded(kb, err);
        if (r)
            return r;
    }
    /* every answer a "see someone if" trigger is checked against is an
     * intake answer with its plain clause (data/wording.txt [answer]), and
     * every condition names cross-training that exists */
    /* a condition's pain trigger is the pain rule's limit, never a number
     * of its own (review 9 #10: one threshold across the plan) */
    for (size_t i = 0; i < kb->n_rules; i++) {
        const struct rh__rule *r = &kb->rules[i];
        if (strncmp(r->section, "condition.", 10) == 0 && strcmp(r->key, "pain_rule") == 0 &&
            strcmp(r->value, "monitored") != 0)
            return rh_err_setl(err, RH_EKEY, r->line, "data/plan_rules.txt: [%s] pain_rule: "
                               "only 'monitored', got '%s'", r->section, r->value);
        if (strncmp(r->section, "condition.", 10) == 0 && strcmp(r->key, "refer_pain") == 0 &&
            strcmp(r->value, "pain_rule") != 0)
            return rh_err_setl(err, RH_EKEY, r->line, "data/plan_rules.txt: [%s] refer_pain: "
                               "only 'pain_rule' (the [pain] acceptable_max limit), got '%s'",
                               r->section, r->value);
    }
    int bad = each_condition_word(kb, "refer_answers", ",+ ", answer_known,
                                  "refer_answers: unknown answer", err);
    if (!bad)
        bad = each_condition_word(kb, "cross_train", " ", cross_train_known,
                                  "unknown cross-training", err);
    if (bad)
        return bad;
    /* session 22: a [run_answer.ID] is an intake answer with its plain
     * clause, the advice every run then says, and its source; no other key */
    for (size_t i = 0; i < kb->n_rules; i++) {
        const struct rh__rule *r = &kb->rules[i];
        if (strncmp(r->section, "run_answer.", 11) != 0)
            continue;
        if (!rh__word_in("answer advice source", r->key))
            return rh_err_setl(err, RH_EKEY, r->line, "data/plan_rules.txt: [%s]: unknown key '%s'",
                               r->section, r->key);
        if (strcmp(r->key, "answer") == 0 && !answer_known(kb, r->value))
            return rh_err_setl(err, RH_EKEY, r->line,
                               "data/plan_rules.txt: [%s] answer: unknown answer '%s'", r->section,
                               r->value);
        if (strlen(r->section + 11) > 23)
            return rh_err_setl(err, RH_ELIMIT, r->line, "data/plan_rules.txt: [%s]: id too long",
                               r->section);
        static const char *const need[] = {"answer", "advice", "source"};
        for (size_t k = 0; k < sizeof need / sizeof *need; k++)
            if (!rh_plan_kb_get(kb, r->section, need[k]))
                return rh_err_setl(err, RH_EFORMAT, r->line, "data/plan_rules.txt: [%s] has no '%s'",
                                   r->section, need[k]);
    }
    for (int s = 1; s <= RH__LADDER_MAX; s++) {
        char sec[32];
        rh__fmt(sec, sizeof sec, "ladder.%d", s);
        if (!rh_plan_kb_get(kb, sec, "km"))
            break;
        kb->n_ladder = s;
    }
    if (kb->n_ladder == 0)
        return rh_err_set(err, RH_EFORMAT, "data/plan_rules.txt: no [ladder.1] stage");
    /* the texts the plan shows whatever its state */
    static const char *const texts[] = {"stop_exercise", "rest_day", "mobility_none", "easy_run",
                                        "pain_rule", "hold", "hold_heading", "urgent_day_title", "urgent_day", "urgent_day_rest", "urgent_day_seen_title", "urgent_day_seen", "goal_urgent_seen",
                                        "acute_injury", "todo_block", "todo_hold", "todo_hold_pelvic", "todo_after_hold_pelvic",
                                        "todo_after_block", "todo_after_hold", "todo_after_answers", "urgent_calendar", "urgent_calendar_feed",
                                        "calendar_log", "today_log", "checkin_q1_hold", "checkin_q1_answer", "judge_stay_held", "judge_stay_held_own", "judge_good_held", "judge_way_out_held",
                                        "checkin_score_hold",
                                        "blocked_day_title", "blocked_day", "blocked_upper_title",
                                        "blocked_upper", "blocked_upper_day", "blocked_why_above", "same_day", "runs_stop_first", "morning_alone", "morning_decides", "pelvic_hold_cause", "pelvic_hold", "pelvic_hold_notice", "pelvic_hold_heading", "diagnosed_hold_cause", "diagnosed_hold_notice", "diagnosed_hold_heading", "todo_hold_diagnosed", "todo_after_hold_diagnosed", "rest_day_diagnosed", "goal_diagnosed", "mobility_none_diagnosed", "day_diagnosed", "booking_pelvic", "rest_day_pelvic", "visit_no_running", "visit_cross_train", "visit_walk_run", "visit_no_running_unassessed", "visit_cross_train_unassessed", "visit_walk_run_unassessed", "restricted_day", "goal_visit_no_running", "goal_visit_cross_train", "goal_visit_walk_run",
                                        "morning_today", "refer_met", "refer_met_days",
                                        "refer_met_pain", "runs_recent", "runs_assumed", "runs_before", "runs_answered",
                                        "runs_recent_answered", "runs_answered_thin",
                                        "runs_now", "runs_now_few", "runs_most", "runs_question", "goal_blocked", "goal_urgent",
                                        "blocked_session", "urgent_session",
                                        "pain_rule_summary", "pain_rule_today", "today_logged", "note_blocked", "note_urgent",
                                        "not_yet_blocked", "judge_stay_settled",
                                        "judge_stay_unknown", "judge_move_on",
                                        "judge_move_on_ladder", "judge_not_back", "judge_bone_weight", "judge_rest_noted", "judge_rest_noted_no_plan", "checkin_runs_off", "goal_runs_off_checkin",
                                        "judge_stop_see", "judge_stop_hold", "judge_way_out",
                                        "judge_see", "flag_physio_running", "flag_physio_running_doctor", "flag_doctor_running", "flag_doctor_running_assessed", "flag_physio_stop", "flag_physio_heading",
                                        "entry_signs_physio", "entry_signs_doctor", "why_rising", "why_severe", "why_above", "why_above_pain_free",
                                        "why_limp", "why_worse_morning", "why_not_back",
                                        "cleared_back", "cleared_test", "cleared_no_block", "cleared_no_block_one", "cleared_no_block_none", "cleared_unassessed", "cleared_unassessed_one", "cleared_unassessed_none", "cleared_unassessed_free", "cleared_unassessed_free_one", "cleared_unassessed_free_none", "cleared_bone_kept", "signs_cleared", "made_for",
                                        "made_for_none", "made_for_unranked", "made_for_ask",
                                        "booking_until", "calendar_booking_sign", "why_severe_morning",
                                        "physio_design",
                                        "physio_returned", "physio_design_onset",
                                        
                                        "physio_design_pelvic",
                                        "physio_design_onset_pelvic",
                                        "booking_pelvic_short", "see_settle",
                                        "calendar_booking_title",
                                        "calendar_booking_assessed",
                                        "calendar_booking_assessed_none", "calendar_booking_for",
                                        "calendar_booking_refer", "calendar_booking_after",
                                        "see_someone_if", "howto_head", "howto_plan_head", "howto_dose", "phases", "phases_when", "phases_when_child", "phase_here",
                                        "phase_here_child", "phase_goal", "phase_entry",
                                        "phase_exit", "volume_heading", "volume_week",
                                        "volume_none_blocked", "volume_none_blocked_child",
                                        "volume_none_hold"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
        if (!rh_plan_kb_get(kb, "text", texts[k]))
            return rh_err_set(err, RH_EFORMAT, "data/plan_rules.txt: [text] has no '%s'",
                              texts[k]);
    /* the plan's own words in data/wording.txt [plan_words] (words18) */
    int pw = rh__plan_words_check(err);
    if (!pw) /* the check-in's questions and options (words22b) */
        pw = rh__ostrc_words_check(err);
    if (!pw) /* the reasons of the plan's moves (words22b) */
        pw = rh__plan_moves_check(err);
    if (!pw) /* what a diary entry's and a check-in's judgement say (words27) */
        pw = rh__plan_why_check(err);
    if (!pw) /* the diary's own errors and replies (words27) */
        pw = rh__diary_words_check(err);
    if (pw)
        return pw;
    /* the pain rule's own "see someone": a level of the one table of time
     * frames (data/wording.txt [disposition]), never a time frame of its own */
    static const char *const levels[] = {"see_level", "see_morning_level", "flag_stop_level",
                                         "alert_level"};
    for (size_t k = 0; k < sizeof levels / sizeof *levels; k++) {
        const char *v = rh_plan_kb_get(kb, "pain", levels[k]);
        enum rh_disposition d;
        if (!v || rh_disposition_parse(v, &d) || d < RH_DISP_SEE_PHYSIO)
            return rh_err_set(err, RH_EFORMAT,
                              "data/plan_rules.txt: [pain] %s must be see_physio, "
                              "see_doctor_soon or urgent (is '%s')",
                              levels[k], v ? v : "");
    }
    static const char *const ck_texts[] = {"replaced", "still_held",
                                           "stopped_no_step_back"};
    for (size_t k = 0; k < sizeof ck_texts / sizeof *ck_texts; k++)
        if (!rh_plan_kb_get(kb, "checkin", ck_texts[k]))
            return rh_err_set(err, RH_EFORMAT, "data/plan_rules.txt: [checkin] has no '%s'",
                              ck_texts[k]);
    /* session 22 (branch diary26b): the words said of a stop of running
     * (rh_plan_hold_text) have one for every kind of stop, so none falls
     * back to the pain rule's "until the diary settles" */
    static const char *const held[][2] = {
        {"text", "hold_lifts"}, {"text", "volume_none_hold"},
        {"checkin", "still_held"}, {"checkin", "held_no_problem"}};
    static const char *const kinds[] = {"", "_blocked", "_pelvic", "_diagnosed"};
    for (size_t k = 0; k < sizeof held / sizeof *held; k++)
        for (size_t j = 0; j < sizeof kinds / sizeof *kinds; j++) {
            /* the plan's volume says a block in its own words (for a child too) */
            if (!strcmp(held[k][1], "volume_none_hold") && j == 1)
                continue;
            char key[96];
            rh__fmt(key, sizeof key, "%s%s", held[k][1], kinds[j]);
            if (!rh_plan_kb_get(kb, held[k][0], key))
                return rh_err_set(err, RH_EFORMAT, "data/plan_rules.txt: [%s] has no '%s'",
                                  held[k][0], key);
        }
    /* one fact checked against the other: no exercise that a condition's plan
     * prescribes does what that condition leaves out ([condition.X] leave_out,
     * the exercises' load tags) */
    for (size_t i = 0; i < kb->n_rules; i++) {
        const struct rh__rule *r = &kb->rules[i];
        if (strncmp(r->section, "condition.", 10) != 0 || strcmp(r->key, "leave_out") != 0)
            continue;
        const char *cond = r->section + 10;
        for (size_t k = 0; k < kb->n_ex; k++) {
            const struct rh_exercise *e = &kb->ex[k];
            bool prescribed = false;
            for (int p = 0; p < RH_PHASE__COUNT; p++)
                prescribed |= (e->phases & (1u << p)) && rh_plan_exercise_fits(e, cond, (enum rh_phase)p);
            if (!prescribed || !*e->loads)
                continue;
            char w[RH__WORD_MAX];
            for (const char *at = e->loads; rh__word_next(&at, w, sizeof w);)
                if (rh__word_in(r->value, w))
                    return rh_err_setl(err, RH_EFORMAT, r->line,
                                       "data/exercises.txt: exercise '%s' is prescribed for %s, "
                                       "whose plan leaves out '%s'", e->id, cond, w);
        }
    }
    /* exercises only name conditions the rules know */
    for (size_t i = 0; i < kb->n_ex; i++) {
        const char *lists[2] = {kb->ex[i].conditions, kb->ex[i].avoid_for};
        for (int l = 0; l < 2; l++) {
            char w[RH__WORD_MAX];
            for (const char *at = lists[l]; rh__word_next(&at, w, sizeof w);) {
                char sec[80];
                rh__fmt(sec, sizeof sec, "condition.%s", w);
                if (strcmp(w, "all") != 0 && !rh_plan_kb_get(kb, sec, "note"))
                    return rh_err_set(err, RH_EKEY,
                                      "data/exercises.txt: exercise '%s' names unknown condition '%s'",
                                      kb->ex[i].id, w);
            }
        }
    }
    return 0;
}

int rh_plan_kb_parse(const char *exercises, const char *rules, struct rh_plan_kb **out,
                     struct rh_err *err)
{
    *out = NULL;
    struct rh_plan_kb *kb = rh_calloc(1, sizeof *kb);
    if (!kb)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    struct ex_ctx c = {kb, NULL, 0};
    int r = rh_kv_parse(exercises, strlen(exercises), ex_cb, &c, err);
    if (!r && c.cur)
        r = check_exercise(c.cur, c.cur_line, err);
    if (!r && kb->n_ex == 0)
        r = rh_err_set(err, RH_EFORMAT, "data/exercises.txt: no exercise");
    if (!r)
        r = rh_kv_parse(rules, strlen(rules), rule_cb, kb, err);
    if (!r)
        r = check_rules(kb, err);
    if (r) {
        rh_plan_kb_free(kb);
        return r;
    }
    *out = kb;
    return 0;
}

int rh_plan_kb_load(struct rh_plan_kb **out, struct rh_err *err)
{
    return rh_plan_kb_parse(rh__plan_exercises_txt, rh__plan_rules_txt, out, err);
}
