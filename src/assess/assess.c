/* SPDX-License-Identifier: MIT */
/*
 * The assessment engine: one intake in, one rh_assessment out.
 *
 * Order of work: (1) red-flag rules of data/red_flags.txt (clinical_facts
 * A1), each with the answers that fired it; (2) every condition of
 * data/conditions.txt scored as prior + the weights of its features whose
 * expression is "yes", then normalised with a softmax so the scores add up
 * to 1; (3) pain type from the group features of data/assess_rules.txt;
 * (4) the six-question checklist; (5) disposition and running advice as the
 * highest level asked for by the top conditions, the general rules
 * (checklist, duration, pain levels) and the red flags; (6) confidence and
 * the unanswered questions that would change the result most. Unanswered
 * questions are "unknown", never "no". No allocation; see
 * docs/internals/assess.md.
 */
#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess/assess_int.h"
#include "runhip/text.h"
#include "util/banned.h"

size_t rh__text_fit(char *text, size_t cap, int len)
{
    assert(cap > 8);
    if (len < 0) {
        text[0] = '\0';
        return 0;
    }
    if ((size_t)len < cap)
        return (size_t)len;
    /* cut before the last blank that leaves room for " ..." */
    static const char more[] = " ...";
    size_t end = cap - sizeof more;
    while (end > 0 && text[end] != ' ')
        end--;
    memcpy(text + end, more, sizeof more);
    return end + sizeof more - 1;
}

/* One more line of a list of *n lines of width bytes each at text. */
static void why_vadd(int *n, char *text, size_t width, const char *fmt, va_list ap)
{
    if (*n >= RH_ASSESS_MAX_WHY)
        return;
    char *line = text + (size_t)*n * width;
    int len = vsnprintf(line, width, fmt, ap);
    /* the loader records a rule whose line could pass the buffer and the
     * tests keep the shipped base free of them; if it happens, cut at a
     * word rather than fail */
    rh__text_fit(line, width, len);
    (*n)++;
}

static void why_add(struct rh_why *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void why_add(struct rh_why *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    why_vadd(&w->n, w->text[0], sizeof w->text[0], fmt, ap);
    va_end(ap);
}

static void level_why_add(struct rh_level_why *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void level_why_add(struct rh_level_why *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    why_vadd(&w->n, w->text[0], sizeof w->text[0], fmt, ap);
    va_end(ap);
}

/* memo: KB_MAX_TERMS values kept for c's terms (c->memo) */
static void ctx_init(struct rh__ctx *c, const struct rh__kb *kb, const struct rh_intake *in,
                     signed char *memo)
{
    memset(c, 0, sizeof *c);
    memset(memo, MEMO_UNSET, KB_MAX_TERMS);
    c->memo = memo;
    c->in = in;
    c->kb = kb;
    for (int i = 0; i < RH_CHECK__COUNT; i++) {
        int v = in->check[i];
        if (v < 0)
            c->checklist_unknown++;
        else if (i == RH_CHECK_BETTER_STRETCH ? v == 0 : v == 1)
            c->checklist_warn++;
    }
    c->answered = rh__intake_answered(in);
    for (int i = 0; i < KB_MAX_FLAGS; i++)
        c->flag[i] = TRI_UNKNOWN;
}

/* ---- unanswered questions that matter ----------------------------------- */

#define MAX_KEYS 64
struct impact {
    int n;
    const char *key[MAX_KEYS];
    const char *topic[MAX_KEYS]; /* rh_words("topic", key[i]), looked up once */
    double w[MAX_KEYS];
    double add; /* weight of the current rule */
};

static void impact_cb(void *arg, const char *key)
{
    struct impact *im = arg;
    /* the same key again (the most common case) needs no look-up: no
     * earlier slot matched it when it was added */
    for (int i = 0; i < im->n; i++)
        if (im->key[i] == key) {
            im->w[i] += im->add;
            return;
        }
    /* one open question however many of its words matter ("whether the
     * leg feels numb or tingles" for numbness and tingling) */
    const char *t = rh_words("topic", key);
    for (int i = 0; i < im->n; i++) {
        const char *ti = t ? im->topic[i] : NULL;
        if (strcmp(im->key[i], key) == 0 || (ti && strcmp(t, ti) == 0)) {
            im->w[i] += im->add;
            return;
        }
    }
    if (im->n < MAX_KEYS) {
        im->key[im->n] = key;
        im->topic[im->n] = t;
        im->w[im->n++] = im->add;
    }
}

/* ---- sources -------------------------------------------------------------------- */

/* The sources of a statement ("A; B; C") as this runner is to read them:
 * a source that speaks of some runners only (a birth and breastfeeding,
 * periods, adolescents: data/assess_rules.txt [sources], "cite_if = KEY |
 * EXPRESSION | reason | source") is dropped unless its expression is yes
 * for these answers; the rule may have fired for another of its reasons
 * (session 18, fix18a: a man's stress-fracture warning cited bone in
 * pregnancy). Never drops them all: then src as written. Writes buf (size
 * n) and returns it, or src when nothing is dropped. */
static const char *cite(const struct rh__ctx *c, const char *src, char *buf, size_t n)
{
    const struct rh__kb *kb = c->kb;
    size_t len = 0;
    bool dropped = false;
    buf[0] = '\0';
    for (const char *p = src; *p;) {
        const char *e = strchr(p, ';');
        size_t kl = e ? (size_t)(e - p) : strlen(p);
        const char *k = p;
        size_t kk = kl;
        while (kk && *k == ' ')
            k++, kk--;
        while (kk && k[kk - 1] == ' ')
            kk--;
        bool keep = true;
        for (int i = kb->kind_at[RULE_CITE_IF]; i < kb->kind_at[RULE_CITE_IF + 1] && keep; i++) {
            const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
            if (strlen(rule->cite) == kk &&
                strncmp(rule->cite, k, kk) == 0 && rh__expr_eval(c, rule->expr) != TRI_YES)
                keep = false;
        }
        if (!keep)
            dropped = true;
        else if (kk && len + kk + 3 < n) {
            len += (size_t)snprintf(buf + len, n - len, "%s%.*s", len ? "; " : "", (int)kk, k);
        }
        p = e ? e + 1 : p + kl;
    }
    return dropped && len ? buf : src;
}
#define CITE(c, s) cite((c), (s), (char[KB_SOURCE]){0}, KB_SOURCE)

/* ---- red flags --------------------------------------------------------------- */

/* The first rule of a kind owned by condition or red flag ci that holds
 * for these answers (usual_if, usual_run_if, a flag's unless: the first
 * that holds wins), or NULL. */
static const struct rh__rule *first_rule_holding(const struct rh__ctx *c, const struct rh__kb *kb,
                                                 int ci, int kind)
{
    for (int i = kb->kind_at[kind]; i < kb->kind_at[kind + 1]; i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        if (rule->owner == ci && rh__expr_eval(c, rule->expr) == TRI_YES)
            return rule;
    }
    return NULL;
}

/* The first exception of red flag f that holds for these answers
 * (data/red_flags.txt "unless =", session 14, branch flagexc), or NULL.
 * While it holds none of the flag's triggers fires; one that is unknown
 * does not hold (erring safe: the flag fires as its triggers say). */
static const struct rh__rule *flag_unless(const struct rh__ctx *c, int f)
{
    return first_rule_holding(c, c->kb, f, RULE_FLAG_UNLESS);
}

/* Session 27 (ux27): words of `character` and `history` that a follow-up
 * screen did not ask (a recent birth is never asked of a man, nor under 16;
 * a screen skipped) are unknown, and "!unknown" is unknown: an exception
 * over such a word silenced its trigger, so a man who answered his history
 * and ticked new bladder trouble had no warning sign. Not knowing must
 * never be safer than "no": a trigger or escalation fires when it holds
 * with those words as they are OR read as "no" (cn below), whichever
 * raises it; an exception (`unless`) still holds only as the answers are
 * (tests/unit/test_assess.c test_session27_unknown_never_hides_flag). The
 * [care] bookings that follow a flag's level are read the same way
 * (session 28, rh_assess). */
static int flag_eval(const struct rh__ctx *c, const struct rh__ctx *cn, int expr,
                     const struct rh__ctx **by)
{
    int v = rh__expr_eval(c, expr);
    *by = c;
    if (v != TRI_YES && cn && rh__expr_eval(cn, expr) == TRI_YES) {
        *by = cn;
        return TRI_YES;
    }
    return v;
}

/* The answers with the words no screen asked read as "no" (above), or
 * NULL when every word was asked. said_no, store and memo are the caller's. */
static struct rh__ctx *said_no_ctx(const struct rh__ctx *c, struct rh_intake *said_no,
                                   struct rh__ctx *store, signed char *memo, size_t memo_size)
{
    if (!c->in->history_unknown && !c->in->character_unknown)
        return NULL;
    *said_no = *c->in;
    said_no->history_unknown = said_no->character_unknown = 0;
    *store = *c;
    store->in = said_no;
    memset(memo, MEMO_UNSET, memo_size);
    store->memo = memo;
    return store;
}

static void eval_flags(struct rh__ctx *c, struct rh_assessment *out, struct impact *im)
{
    const struct rh__kb *kb = c->kb;
    struct rh_intake said_no;
    struct rh__ctx cn_store, *cn;
    signed char memo_no[KB_MAX_TERMS];
    cn = said_no_ctx(c, &said_no, &cn_store, memo_no, sizeof memo_no);
    for (int f = 0; f < kb->n_flags; f++) {
        const struct rh__flag *fl = &kb->flags[f];
        /* res: any trigger; full: those not of a "low" level (session 12,
         * branch flaginfo), what the flag is to the other rules */
        int res = TRI_NO, full = TRI_NO;
        const struct rh__rule *fired = NULL;
        const struct rh__ctx *fired_by = c, *by;
        const struct rh__rule *unless = flag_unless(c, f);
        bool set_aside = false; /* a trigger held, the exception too */
        /* session 31 (branch n29ret): the running of the triggers that
         * fired, when every one has its own (trigger_running); -1 else */
        int own_run = -2;
        for (int i = kb->kind_at[RULE_TRIGGER]; i < kb->kind_at[RULE_TRIGGER + 1]; i++) {
            const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
            if (rule->owner != f)
                continue;
            int v = flag_eval(c, cn, rule->expr, &by);
            if (unless) {
                set_aside |= v == TRI_YES;
                continue; /* the flag's exception holds: no trigger fires */
            }
            /* the trigger of the highest level shows; a trigger below the
             * flag's disposition raises the flag at its own level */
            if (v == TRI_YES && (!fired || rule->level > fired->level)) {
                fired = rule;
                fired_by = by;
            }
            bool low = rule->level < fl->disposition && fl->low[rule->level].set;
            if (v == TRI_YES)
                own_run = !rule->own_run || own_run == -1 ? -1
                          : rule->run > own_run           ? rule->run
                                                          : own_run;
            if (v == TRI_YES)
                res = TRI_YES;
            else if (v == TRI_UNKNOWN && res != TRI_YES)
                res = TRI_UNKNOWN;
            if (!low && v == TRI_YES)
                full = TRI_YES;
            else if (!low && v == TRI_UNKNOWN && full != TRI_YES)
                full = TRI_UNKNOWN;
        }
        c->flag[f] = (signed char)res;
        if (cn)
            cn->flag[f] = (signed char)res;
        /* said once, whichever triggers it set aside */
        if (set_aside && out->n_set_aside < RH_ASSESS_MAX_SET_ASIDE) {
            struct rh_assess_set_aside *sa = &out->set_aside[out->n_set_aside++];
            char answers[RH_ASSESS_FLAG_WHY_LEN];
            rh__expr_explain(c, unless->expr, answers, sizeof answers);
            sa->id = fl->id;
            rh__text_fit(sa->why, sizeof sa->why,
                         snprintf(sa->why, sizeof sa->why, "%s (answers: %s) [%s]", unless->reason,
                                  answers, CITE(c, unless->source)));
        }
        if (res == TRI_UNKNOWN || (res == TRI_YES && full == TRI_UNKNOWN)) {
            /* an unanswered question could reveal a red flag: ask it first */
            for (int i = kb->kind_at[RULE_TRIGGER]; i < kb->kind_at[RULE_TRIGGER + 1]; i++) {
                const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
                if (rule->owner == f && rh__expr_eval(c, rule->expr) == TRI_UNKNOWN) {
                    im->add = 4.0;
                    rh__expr_unknown_keys(c, rule->expr, impact_cb, im);
                }
            }
        }
        if (res != TRI_YES || out->n_flags >= RH_ASSESS_MAX_FLAGS)
            continue;
        struct rh_assess_flag *of = &out->flags[out->n_flags++];
        of->id = kb->flags[f].id;
        of->low = false;
        of->name = kb->flags[f].name;
        of->min_disposition = (enum rh_disposition)(fired->level < kb->flags[f].disposition
                                                        ? fired->level
                                                        : kb->flags[f].disposition);
        of->min_running = (enum rh_running)kb->flags[f].running;
        if (own_run >= 0)
            of->min_running = (enum rh_running)own_run;
        /* as long as the flag's reason: the loader bounds one trigger's
         * line by that buffer, not by RH_ASSESS_WHY_LEN (session 14) */
        char answers[RH_ASSESS_FLAG_WHY_LEN];
        rh__expr_explain(fired_by, fired->expr, answers, sizeof answers);
        size_t len = rh__text_fit(of->why, sizeof of->why,
                                  snprintf(of->why, sizeof of->why, "%s (answers: %s) [%s]",
                                           fired->reason, answers, CITE(c, fired->source)));
        for (int i = kb->kind_at[RULE_FLAG_ESC]; i < kb->kind_at[RULE_FLAG_ESC + 1]; i++) {
            const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
            if (rule->owner != f || flag_eval(c, cn, rule->expr, &by) != TRI_YES ||
                rule->level <= (int)of->min_disposition)
                continue;
            of->min_disposition = (enum rh_disposition)rule->level;
            /* an escalated flag is the full flag: its own running */
            of->min_running = (enum rh_running)kb->flags[f].running;
            rh__expr_explain(by, rule->expr, answers, sizeof answers);
            /* the level is raised even if its words no longer fit */
            if (sizeof of->why - len > 32)
                len += rh__text_fit(of->why + len, sizeof of->why - len,
                                    snprintf(of->why + len, sizeof of->why - len,
                                             "; raised to %s: %s (answers: %s) [%s]",
                                             rh__disposition_names[rule->level], rule->reason,
                                             answers, CITE(c, rule->source)));
        }
        /* below its full level (a lower trigger, no escalation to it), the
         * flag's "low" line of that level sets the running minimum: the
         * flag's own is for its full level; to the other rules (flag:ID:
         * a cause kept in view, a score) it is as its full triggers say
         * (session 12, branch flaginfo) */
        if ((int)of->min_disposition < fl->disposition && fl->low[of->min_disposition].set) {
            of->min_running = (enum rh_running)fl->low[of->min_disposition].running;
            of->low = true;
            c->flag[f] = (signed char)full;
        }
        /* session 31 (branch run40): its running_if lines (data/red_flags.txt):
         * the first that holds sets a lower running minimum, the flag's
         * visit unchanged; decide() says that line's reason (kept on the
         * context: found once, session 32) */
        const struct rh__rule *run_if = first_rule_holding(c, kb, f, RULE_FLAG_RUN);
        if (run_if && run_if->level < (int)of->min_running) {
            of->min_running = (enum rh_running)run_if->level;
            c->run_if[f] = run_if;
        }
    }
}

/* ---- conditions ---------------------------------------------------------------- */

struct fired {
    double w;
    int rule;
};

static void normalise(const struct rh__kb *kb, struct rh_assessment *out);

/* Scores every condition in one pass over its features; val[r] is the
 * value of feature rule r's expression, computed here and reused
 * afterwards. */
static void score_conditions(struct rh__ctx *c, struct rh_assessment *out, signed char *val,
                             double *known, double *unknown)
{
    const struct rh__kb *kb = c->kb;
    struct fired fl[KB_MAX_CONDS][RH_ASSESS_MAX_WHY];
    int nf[KB_MAX_CONDS];
    for (int i = 0; i < kb->n_conds; i++) {
        struct rh_assess_condition *oc = &out->conditions[i];
        oc->id = kb->conds[i].id;
        oc->name = kb->conds[i].name;
        oc->clinical_name = kb->conds[i].clinical_name[0] ? kb->conds[i].clinical_name
                                                          : kb->conds[i].name;
        oc->raw = kb->conds[i].prior;
        known[i] = unknown[i] = 0;
        nf[i] = 0;
    }
    for (int j = kb->kind_at[RULE_FEATURE]; j < kb->kind_at[RULE_FEATURE + 1]; j++) {
        int r = kb->by_kind[j];
        const struct rh__rule *rule = &kb->rules[r];
        val[r] = (signed char)rh__expr_eval(c, rule->expr);
        int i = rule->owner, v = val[r];
        if (v == TRI_UNKNOWN) {
            unknown[i] += fabs(rule->weight);
            continue;
        }
        known[i] += fabs(rule->weight);
        if (v != TRI_YES)
            continue;
        double w = rule->weight > 0 ? rule->weight * rh__expr_dilution(c, rule->expr) : rule->weight;
        out->conditions[i].raw += w;
        /* keep the strongest reasons */
        int slot = nf[i] < RH_ASSESS_MAX_WHY ? nf[i]++ : -1;
        if (slot < 0) {
            int weakest = 0;
            for (int k = 1; k < nf[i]; k++)
                if (fabs(fl[i][k].w) < fabs(fl[i][weakest].w))
                    weakest = k;
            if (fabs(fl[i][weakest].w) >= fabs(w))
                continue;
            slot = weakest;
        }
        fl[i][slot].w = w;
        fl[i][slot].rule = r;
    }
    for (int i = 0; i < kb->n_conds; i++) {
        struct rh_assess_condition *oc = &out->conditions[i];
        struct fired *f = fl[i];
        /* strongest first */
        for (int a = 1; a < nf[i]; a++)
            for (int b = a; b > 0 && fabs(f[b].w) > fabs(f[b - 1].w); b--) {
                struct fired t = f[b];
                f[b] = f[b - 1];
                f[b - 1] = t;
            }
        for (int k = 0; k < nf[i]; k++) {
            const struct rh__rule *rule = &kb->rules[f[k].rule];
            char answers[RH_ASSESS_WHY_LEN];
            rh__expr_explain(c, rule->expr, answers, sizeof answers);
            why_add(&oc->why, "%+.1f %s: %s [%s]", f[k].w, answers, rule->reason,
                    CITE(c, rule->source));
        }
    }
    out->n_conditions = kb->n_conds;
    normalise(kb, out);
}

/* softmax with the temperature of data/assess_rules.txt */
static void normalise(const struct rh__kb *kb, struct rh_assessment *out)
{
    double mx = -1e9, sum = 0;
    for (int i = 0; i < out->n_conditions; i++)
        if (out->conditions[i].raw > mx)
            mx = out->conditions[i].raw;
    for (int i = 0; i < out->n_conditions; i++) {
        out->conditions[i].score = exp((out->conditions[i].raw - mx) / kb->temperature);
        sum += out->conditions[i].score;
    }
    for (int i = 0; i < out->n_conditions; i++)
        out->conditions[i].score /= sum;
}

/* A dangerous cause whose pattern or red flag is in the answers stays in
 * the top three even when benign conditions score higher
 * (data/assess_rules.txt [keep_in_top3]; at most three kept, in the
 * table's order). With m causes kept, the top three are they and the best
 * 3 - m others: a kept cause not above the (4 - m)th best other is set just
 * above it, with its reason shown first; a cause kept by a lead line
 * (session 30, walk30) is set above the best of the others instead. Runs
 * before sorting (conditions in knowledge-base order). */
static void keep_dangerous(struct rh__ctx *c, struct rh_assessment *out)
{
    const struct rh__kb *kb = c->kb;
    int rule_of[KB_MAX_CONDS];
    int m = 0;
    for (int i = 0; i < out->n_conditions; i++)
        rule_of[i] = -1;
    for (int i = kb->kind_at[RULE_KEEP]; i < kb->kind_at[RULE_KEEP + 1] && m < 3; i++) {
        int r = kb->by_kind[i];
        const struct rh__rule *rule = &kb->rules[r];
        if (rule_of[rule->owner] < 0 && rh__expr_eval(c, rule->expr) == TRI_YES) {
            rule_of[rule->owner] = r;
            m++;
        }
    }
    if (m == 0)
        return;
    /* u: the (4 - m)th best of the others (ties: knowledge-base order) */
    int u = -1;
    for (int i = 0; i < out->n_conditions; i++) {
        if (rule_of[i] >= 0)
            continue;
        int better = 0;
        for (int j = 0; j < out->n_conditions; j++)
            better += rule_of[j] < 0 && (out->conditions[j].raw > out->conditions[i].raw ||
                                         (out->conditions[j].raw == out->conditions[i].raw && j < i));
        if (better == 3 - m)
            u = i;
    }
    assert(u >= 0); /* 21 conditions, at most three kept */
    double above = out->conditions[u].raw + 0.01;
    /* session 30 (walk30): a cause kept by a lead line goes above the best
     * of the others, not only into the top three */
    double first = -1e9;
    for (int i = 0; i < out->n_conditions; i++)
        if (rule_of[i] < 0 && out->conditions[i].raw > first)
            first = out->conditions[i].raw;
    first += 0.01;
    bool lifted = false;
    for (int i = 0; i < out->n_conditions; i++) {
        if (rule_of[i] < 0)
            continue;
        const struct rh__rule *rule = &kb->rules[rule_of[i]];
        if (out->conditions[i].raw >= (rule->lead ? first : above))
            continue;
        out->conditions[i].raw = rule->lead ? first : above;
        lifted = true;
        struct rh_why *w = &out->conditions[i].why;
        /* plain29: a finding the kept line says again, word for word at
         * its start ("the answers fit the warning signs of a bone stress
         * injury" under "listed here because ...: the answers fit the
         * warning signs of a bone stress injury (the neck of ...)"), is
         * left out: the runner read the same line twice */
        for (int j = 0; j < w->n;) {
            /* a finding: "+3.5 ANSWERS: REASON [SOURCES]" */
            const char *said = w->text[j][0] == '+' ? strstr(w->text[j], ": ") : NULL;
            const char *cut = said ? strstr(said, " [") : NULL;
            size_t k = cut ? (size_t)(cut - said - 2) : 0;
            if (k >= 20 && strncmp(rule->reason, said + 2, k) == 0 &&
                (rule->reason[k] == '\0' || rule->reason[k] == ' ' || rule->reason[k] == ',')) {
                memmove(w->text[j], w->text[j + 1], (size_t)(w->n - j - 1) * sizeof w->text[0]);
                w->n--;
            } else {
                j++;
            }
        }
        int n = w->n < RH_ASSESS_MAX_WHY ? w->n : RH_ASSESS_MAX_WHY - 1;
        memmove(w->text[1], w->text[0], (size_t)n * sizeof w->text[0]);
        w->n = n;
        char answers[RH_ASSESS_WHY_LEN];
        rh__expr_explain(c, rule->expr, answers, sizeof answers);
        rh__text_fit(w->text[0], RH_ASSESS_WHY_LEN,
                     snprintf(w->text[0], RH_ASSESS_WHY_LEN, "%s%s (answers: %s) [%s]",
                              RH__KEEP_PREFIX, rule->reason, answers, CITE(c, rule->source)));
        w->n++;
    }
    if (lifted)
        normalise(kb, out);
}

static int cond_index(const struct rh__kb *kb, const char *id)
{
    for (int i = 0; i < kb->n_conds; i++)
        if (kb->conds[i].id == id)
            return i;
    return -1;
}

/* By score, highest first (ties keep knowledge-base order). A condition
 * is large (its reasons: 8 KB), so their indexes are sorted (a stable
 * insertion sort) and each condition is then moved once to its place. */
static void sort_conditions(struct rh_assessment *out)
{
    int n = out->n_conditions, order[RH_ASSESS_MAX_CONDITIONS];
    for (int a = 0; a < n; a++) {
        int b = a;
        while (b > 0 && out->conditions[order[b - 1]].score < out->conditions[a].score) {
            order[b] = order[b - 1];
            b--;
        }
        order[b] = a;
    }
    /* place k takes condition order[k]: each cycle of the permutation
     * followed with its first condition held aside */
    bool done[RH_ASSESS_MAX_CONDITIONS] = {false};
    for (int k = 0; k < n; k++) {
        if (done[k])
            continue;
        struct rh_assess_condition t = out->conditions[k];
        int j = k;
        for (; order[j] != k; j = order[j]) {
            out->conditions[j] = out->conditions[order[j]];
            done[j] = true;
        }
        out->conditions[j] = t;
        done[j] = true;
    }
}

/* ---- pain type ------------------------------------------------------------------ */

static void pain_type(struct rh__ctx *c, struct rh_assessment *out)
{
    const struct rh__kb *kb = c->kb;
    static const char *const gname[3] = {"muscle", "joint", "nerve"};
    double g[3] = {0, 0, 0};
    for (int i = kb->kind_at[RULE_PAIN]; i < kb->kind_at[RULE_PAIN + 1]; i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        if (rh__expr_eval(c, rule->expr) == TRI_YES)
            g[rule->owner] += rule->weight;
    }
    /* A clinician names the pain after what it most likely is: the leading
     * condition's own kind (data/conditions.txt pain_type) counts toward
     * its group with pain_top_weight times its score; a leading cause that
     * is neither muscle, joint nor nerve (a hernia, an organ, a tumour)
     * leaves the kind unclear when it leads clearly, unless the answers
     * alone plainly show one kind (pain_other_named: an infected joint
     * hurts like a joint, a compressed cauda equina like a nerve). */
    const struct rh_assess_condition *lead = &out->conditions[0];
    int lci = cond_index(kb, lead->id);
    int lg = lci >= 0 ? rh__pain_group(kb->conds[lci].pain_type) : -2;
    /* with too few answers to rank the causes, none is "the likeliest" */
    const char *lead_is = out->unranked ? "the first of the causes that fit so far"
                                        : "the likeliest cause";
    /* runner20: a name with a clause after ": " ("... or a hip flexor strain:
     * an X-ray tells them apart") is said with the clause in brackets here:
     * a reason's ": " separates its answers from its words, and the name's
     * own read as the reason ("an X-ray tells them apart, is muscle pain") */
    char lead_name[400];
    const char *colon = strstr(lead->name, ": ");
    if (colon)
        snprintf(lead_name, sizeof lead_name, "%.*s (%s)", (int)(colon - lead->name), lead->name,
                 colon + 2);
    else
        snprintf(lead_name, sizeof lead_name, "%s", lead->name);
    if (lg >= 0 && kb->pain_top_weight > 0) {
        g[lg] += kb->pain_top_weight * lead->score;
    } else if (lg == -1 && kb->pain_top_weight > 0 && lead->score >= kb->pain_other_score) {
        int best = 0;
        for (int k = 1; k < 3; k++)
            if (g[k] > g[best])
                best = k;
        bool plain = kb->pain_other_named > 0 && g[best] >= kb->pain_other_named;
        for (int k = 0; k < 3 && plain; k++)
            plain = k == best || g[k] < kb->pain_mixed_ratio * g[best];
        if (!plain) {
            out->pain_type = RH_PAIN_UNCLEAR;
            why_add(&out->pain_type_why,
                    "%s, %s, is not a muscle, joint or nerve problem", lead_is, lead_name);
            return;
        }
        why_add(&out->pain_type_why,
                "%s, %s, is not a muscle, joint or nerve problem, but the answers plainly "
                "show %s pain",
                lead_is, lead_name, gname[best]);
    }
    int order[3] = {0, 1, 2};
    for (int a = 1; a < 3; a++)
        for (int b = a; b > 0 && g[order[b]] > g[order[b - 1]]; b--) {
            int t = order[b];
            order[b] = order[b - 1];
            order[b - 1] = t;
        }
    int top = order[0], second = order[1];
    int shown[3] = {0, 0, 0};
    /* session 33 (run33): below the threshold, the answers name one kind
     * only (every other group at 0 or less) and it is the leading cause's:
     * a short form's plain muscle soreness is muscle pain, not unclear */
    bool alone = kb->pain_alone_min > 0 && g[top] < kb->pain_threshold && lg == top &&
                 g[top] >= kb->pain_alone_min && g[second] <= 0 && g[order[2]] <= 0;
    if (alone) {
        out->pain_type = (enum rh_pain_type)top;
        why_add(&out->pain_type_why, "only %s features (%.1f), none of another kind", gname[top],
                g[top]);
        shown[top] = 1;
    } else if (g[top] < kb->pain_threshold) {
        out->pain_type = RH_PAIN_UNCLEAR;
        why_add(&out->pain_type_why,
                "no group reached %.1f (muscle %.1f, joint %.1f, nerve %.1f): too few telling "
                "answers",
                kb->pain_threshold, g[0], g[1], g[2]);
        shown[top] = 1;
    } else if (g[second] >= kb->pain_threshold && g[second] >= kb->pain_mixed_ratio * g[top]) {
        out->pain_type = RH_PAIN_MIXED;
        why_add(&out->pain_type_why, "both %s (%.1f) and %s (%.1f) features are present",
                gname[top], g[top], gname[second], g[second]);
        shown[top] = shown[second] = 1;
    } else {
        out->pain_type = (enum rh_pain_type)top;
        why_add(&out->pain_type_why, "%s features %.1f against %s %.1f and %s %.1f", gname[top],
                g[top], gname[second], g[second], gname[order[2]], g[order[2]]);
        shown[top] = 1;
    }
    if (lg >= 0 && kb->pain_top_weight > 0 && shown[lg])
        why_add(&out->pain_type_why, "%s: %s, %s, is %s", gname[lg], lead_is, lead_name,
                rh__pain_words(kb->conds[lci].pain_type));
    /* plain30: one statement is said once. Rules of a group that share
     * their reason word for word (the pelvic girdle's pain, said alike of a
     * runner after a birth and of any other) make one line, at the place of
     * the first, with the answers of the strongest: the weights all count,
     * the runner reads the sentence once. */
    const struct rh__rule *said[RH_ASSESS_MAX_WHY] = {0};
    int said_at[RH_ASSESS_MAX_WHY];
    int n_said = 0;
    for (int i = kb->kind_at[RULE_PAIN]; i < kb->kind_at[RULE_PAIN + 1]; i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        if (!shown[rule->owner] || rule->weight <= 0 ||
            rh__expr_eval(c, rule->expr) != TRI_YES)
            continue;
        int same = -1;
        for (int k = 0; k < n_said && same < 0; k++)
            if (said[k]->owner == rule->owner && !strcmp(said[k]->reason, rule->reason))
                same = k;
        if (same >= 0 && rule->weight <= said[same]->weight)
            continue;
        char answers[RH_ASSESS_WHY_LEN];
        rh__expr_explain(c, rule->expr, answers, sizeof answers);
        if (same >= 0) { /* the stronger rule's answers, in the first's place */
            int at = said_at[same];
            char *line = out->pain_type_why.text[at];
            int len = snprintf(line, sizeof out->pain_type_why.text[at], "%s: %s: %s [%s]",
                               gname[rule->owner], answers, rule->reason,
                               CITE(c, rule->source));
            rh__text_fit(line, sizeof out->pain_type_why.text[at], len);
            said[same] = rule;
            continue;
        }
        if (n_said < RH_ASSESS_MAX_WHY && out->pain_type_why.n < RH_ASSESS_MAX_WHY) {
            said[n_said] = rule;
            said_at[n_said++] = out->pain_type_why.n;
        }
        why_add(&out->pain_type_why, "%s: %s: %s [%s]", gname[rule->owner], answers, rule->reason,
                CITE(c, rule->source));
    }
}

/* ---- disposition and running ----------------------------------------------------- */

struct level_reason {
    int level;
    char text[RH_ASSESS_LEVEL_WHY_LEN];
};
struct levels {
    int n;
    struct level_reason r[48];
};

static void lv_add(struct levels *lv, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void lv_add(struct levels *lv, int level, const char *fmt, ...)
{
    if (lv->n >= (int)(sizeof lv->r / sizeof lv->r[0]))
        return;
    struct level_reason *r = &lv->r[lv->n++];
    r->level = level;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(r->text, sizeof r->text, fmt, ap);
    va_end(ap);
    rh__text_fit(r->text, sizeof r->text, len); /* sized by the loader; cut at a word if not */
}

/* The highest level, with its reasons first (then the lower ones). */
static int lv_finish(struct levels *lv, struct rh_level_why *why, const char *const *names)
{
    int best = 0;
    for (int i = 0; i < lv->n; i++)
        if (lv->r[i].level > best)
            best = lv->r[i].level;
    for (int l = best; l >= 0; l--)
        for (int i = 0; i < lv->n; i++)
            if (lv->r[i].level == l)
                level_why_add(why, "%s: %s", names[l], lv->r[i].text);
    return best;
}

static void rule_reason(const struct rh__ctx *c, const struct rh__rule *rule, struct levels *lv,
                        const char *prefix)
{
    char answers[RH_ASSESS_LEVEL_WHY_LEN];
    rh__expr_explain(c, rule->expr, answers, sizeof answers);
    lv_add(lv, rule->level, "%s%s (answers: %s) [%s]", prefix, rule->reason, answers,
           CITE(c, rule->source));
}

/* Too few answers to rank the causes: the first [ranking] rule that holds
 * says why. */
static void unranked(struct rh__ctx *c, struct rh_assessment *out)
{
    const struct rh__kb *kb = c->kb;
    for (int i = kb->kind_at[RULE_UNRANKED]; i < kb->kind_at[RULE_UNRANKED + 1] && !out->unranked;
         i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        if (rh__expr_eval(c, rule->expr) != TRI_YES)
            continue;
        char answers[RH_ASSESS_WHY_LEN];
        rh__expr_explain(c, rule->expr, answers, sizeof answers);
        out->unranked = true;
        rh__text_fit(out->unranked_why, sizeof out->unranked_why,
                     snprintf(out->unranked_why, sizeof out->unranked_why,
                              "%s (answers: %s) [%s]", rule->reason, answers, CITE(c, rule->source)));
    }
}

/* A cause raised for a reason its name does not fit (review 7 A12: a
 * teenager's avulsion kept as "infection, tumour or other disease") is
 * shown by the name its [shown_as] rule gives (data/assess_rules.txt): the
 * first that holds. */
static void shown_names(struct rh__ctx *c, struct rh_assessment *out)
{
    const struct rh__kb *kb = c->kb;
    for (int k = 0; k < out->n_conditions; k++) {
        int ci = cond_index(kb, out->conditions[k].id);
        for (int i = kb->kind_at[RULE_NAME]; i < kb->kind_at[RULE_NAME + 1]; i++) {
            const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
            if (rule->owner == ci && rh__expr_eval(c, rule->expr) == TRI_YES) {
                out->conditions[k].name = rule->reason;
                out->conditions[k].clinical_name = rule->reason;
                break;
            }
        }
    }
}

static int seen_answers(const char *why, const char *said_sets, struct rh_buf *items,
                        struct rh_buf *srcs);

/* the running reason of a red flag: decide() writes "red flag ID=..." */
#define FLAG_REASON "red flag "

bool rh_assess_running_by_flag(const char *const *why, int n)
{
    static const enum rh_running held[] = {RH_RUNNING_CROSS_TRAIN_ONLY, RH_RUNNING_STOP};
    for (int i = 0; why && i < n; i++)
        for (size_t k = 0; why[i] && k < sizeof held / sizeof *held; k++) {
            const char *lv = rh_running_name(held[k]);
            size_t ln = strlen(lv);
            if (strncmp(why[i], lv, ln) == 0 &&
                strncmp(why[i] + ln, ": " FLAG_REASON, strlen(": " FLAG_REASON)) == 0)
                return true;
        }
    return false;
}

_Static_assert(RULE_RUN_IF == RULE_ESCALATE + 1 && RULE_RUN == RULE_DISP + 1,
               "decide() reads each pair of kinds as one span of rh__kb.by_kind");

static void decide(struct rh__ctx *c, struct rh_assessment *out)
{
    const struct rh__kb *kb = c->kb;
    struct levels disp, run; /* 48 reasons each: only the count is zeroed */
    disp.n = run.n = 0;
    /* red flags first */
    for (int i = 0; i < out->n_flags; i++) {
        const struct rh_assess_flag *f = &out->flags[i];
        /* session 31 (run40): a running minimum its running_if line set
         * lower than the flag's own is said in that line's words, as a
         * general running rule is (no "red flag" lead: its level is not
         * the flag's hold on running) */
        const struct rh__rule *run_if = NULL;
        for (int k = 0; k < kb->n_flags; k++)
            if (kb->flags[k].id == f->id) {
                run_if = c->run_if[k];
                break;
            }
        if (run_if && run_if->level != (int)f->min_running)
            run_if = NULL; /* a later rule moved the minimum */
        /* "red flag ID=HEADING: NAME": the heading of what was seen (review
         * 10 #17: "A limp", not the flag's "Pain after an injury") */
        char seen[200];
        rh_assess_flag_title(f->id, f->why, seen, sizeof seen);
        for (char *p = strstr(seen, ": "); p; p = strstr(p, ": "))
            *p = ',';
        /* ux28: with the answers that raised it, so that the reason says
         * why ("a warning sign: pain that could come from a stress
         * fracture, because it hurts in the groin and hopping on the leg
         * hurt"), not only which sign */
        struct rh_buf items;
        rh_buf_init(&items, RH_ASSESS_WHY_LEN / 2);
        if (seen_answers(f->why, NULL, &items, NULL) || !items.len) {
            lv_add(&disp, f->min_disposition, FLAG_REASON "%s=%s: %s", f->id, seen, f->name);
            if (!run_if)
                lv_add(&run, f->min_running, FLAG_REASON "%s=%s: %s", f->id, seen, f->name);
        } else {
            lv_add(&disp, f->min_disposition, FLAG_REASON "%s=%s: %s (answers: %s)", f->id, seen,
                   f->name, items.data);
            if (!run_if)
                lv_add(&run, f->min_running, FLAG_REASON "%s=%s: %s (answers: %s)", f->id, seen,
                       f->name, items.data);
        }
        if (run_if)
            rule_reason(c, run_if, &run, "");
        rh_buf_release(&items);
    }
    /* the top condition and close runners-up */
    double top = out->conditions[0].score;
    int top_care = RH_DISP_SELF_CARE;
    for (int k = 0; k < out->n_conditions; k++) {
        const struct rh_assess_condition *oc = &out->conditions[k];
        if (k > 0 && oc->score < kb->ref_disp_ratio * top)
            break;
        int ci = cond_index(kb, oc->id);
        const struct rh__cond *cd = &kb->conds[ci];
        char prefix[KB_NAME + 40];
        /* unranked: the level of a cause the answers cannot rule out
         * (erring safe), not of one they point to */
        const char *care = out->unranked ? RH__UNRANKED_CARE : RH_TEXT_USUAL_CARE;
        const char *name = oc->name; /* as shown (shown_names) */
        snprintf(prefix, sizeof prefix, "%s: ", name);
        /* the usual care, or its variant for a stated case (usual_if, the
         * first that holds: a diagnosis already made that stays mild) */
        const struct rh__rule *usual = first_rule_holding(c, kb, ci, RULE_USUAL_IF);
        /* session 34 (over34): a less likely cause's usual care one level
         * above the likeliest cause's counts at that level when the
         * [ranking] runner_up_care line holds (mild pain, nothing worse) */
        int care_level = usual ? usual->level : (int)cd->disposition;
        if (k == 0)
            top_care = care_level;
        const struct rh__rule *mild =
            k > 0 && !out->unranked ? first_rule_holding(c, kb, -1, RULE_RUNNER_UP_CARE) : NULL;
        if (mild && (top_care > mild->level || care_level != mild->level + 1))
            mild = NULL;
        /* the visit: the cause it comes from, and that it fits */
        if (mild)
            rule_reason(c, mild, &disp, prefix);
        else if (usual)
            rule_reason(c, usual, &disp, prefix);
        else if (out->unranked)
            lv_add(&disp, cd->disposition, "%s%s [%s]", care, name, CITE(c, cd->disp_source));
        else
            lv_add(&disp, cd->disposition, "%s fits your answers, and this is the usual care for it [%s]",
                   name, CITE(c, cd->disp_source));
        /* the running advice says why in the condition's own words
         * (review 7 B13: "the usual care for X" said nothing) */
        /* its running twin (usual_run_if, session 13): the first that holds
         * replaces the usual running advice; run_if lines still raise it.
         * Session 25 (ret28, blind28 dev 5246): with too few answers to rank
         * the causes too, as usual_if does for the visit: a stated case (a
         * known arthritis that stays mild) keeps its running with its care */
        const struct rh__rule *usual_run = first_rule_holding(c, kb, ci, RULE_USUAL_RUN_IF);
        /* session 33 (run33): with too few answers, a cause only not ruled
         * out whose running is reduce runs at the [ranking] unranked_run
         * line's level when it holds (nothing told points to an injury);
         * never a cross-training or a stop */
        const struct rh__rule *unranked_run =
            out->unranked && !usual_run && cd->running == RH_RUNNING_REDUCE
                ? first_rule_holding(c, kb, -1, RULE_UNRANKED_RUN)
                : NULL;
        if (unranked_run && unranked_run->level >= (int)cd->running)
            unranked_run = NULL;
        if (mild)
            ; /* its running too: the likeliest cause's, within the pain rule */
        else if (usual_run)
            rule_reason(c, usual_run, &run, prefix);
        else if (unranked_run)
            rule_reason(c, unranked_run, &run, prefix);
        else if (out->unranked)
            lv_add(&run, cd->running, "%s%s [%s]", care, name, CITE(c, cd->run_source));
        else
            lv_add(&run, cd->running, "%s: %s [%s; %s]", name, cd->running_why, CITE(c, cd->run_source),
                   CITE(c, cd->run_why_source));
        /* its escalations to disp, its run_if lines to run, each in file order */
        for (int i = kb->kind_at[RULE_ESCALATE]; i < kb->kind_at[RULE_RUN_IF + 1]; i++) {
            const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
            if (rule->owner != ci)
                continue;
            /* a runner-up's escalation below the set level (a physio to
             * treat it) follows only the likeliest cause; its usual care
             * and a doctor's visit still count (erring safe) */
            if (k > 0 && rule->kind == RULE_ESCALATE && rule->level < kb->runner_up_escalation_from)
                continue;
            if (rh__expr_eval(c, rule->expr) != TRI_YES)
                continue;
            rule_reason(c, rule, rule->kind == RULE_ESCALATE ? &disp : &run, prefix);
        }
    }
    /* general rules: checklist, duration, pain levels */
    for (int i = kb->kind_at[RULE_DISP]; i < kb->kind_at[RULE_RUN + 1]; i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        if (rh__expr_eval(c, rule->expr) != TRI_YES)
            continue;
        rule_reason(c, rule, rule->kind == RULE_DISP ? &disp : &run, "");
    }
    out->disposition = (enum rh_disposition)lv_finish(&disp, &out->disposition_why,
                                                      rh__disposition_names);
    out->running = (enum rh_running)lv_finish(&run, &out->running_why, rh__running_names);
}

static void advise(struct rh__ctx *c, struct rh_assessment *out)
{
    const struct rh__kb *kb = c->kb;
    for (int i = 0; i < out->n_flags; i++) {
        for (int f = 0; f < kb->n_flags; f++) {
            if (kb->flags[f].id != out->flags[i].id)
                continue;
            /* below its full level, the advice of that level (low =) */
            int at = (int)out->flags[i].min_disposition;
            /* above it, the advice of the highest level reached (high =) */
            int hi = at;
            while (hi > kb->flags[f].disposition && !kb->flags[f].high[hi].set)
                hi--;
            if (at < kb->flags[f].disposition && kb->flags[f].low[at].set)
                why_add(&out->advice, "%s", kb->flags[f].low[at].advice);
            else if (hi > kb->flags[f].disposition)
                why_add(&out->advice, "%s", kb->flags[f].high[hi].advice);
            else if (kb->flags[f].advice[0])
                why_add(&out->advice, "%s", kb->flags[f].advice);
            /* its advice_if lines that hold, for whom they fit (session
             * 11, branch rev11c, review 11 #10) */
            for (int k = kb->kind_at[RULE_FLAG_ADVICE]; k < kb->kind_at[RULE_FLAG_ADVICE + 1]; k++) {
                const struct rh__rule *rule = &kb->rules[kb->by_kind[k]];
                if (rule->owner != f || rh__expr_eval(c, rule->expr) != TRI_YES)
                    continue;
                char answers[RH_ASSESS_WHY_LEN];
                rh__expr_explain(c, rule->expr, answers, sizeof answers);
                why_add(&out->advice, "%s (answers: %s) [%s]", rule->reason, answers,
                        CITE(c, rule->source));
            }
        }
    }
    out->advice_now = out->advice.n;
    /* the top condition's own advice, unless a red flag it implies has
     * already said the same */
    int ci = cond_index(kb, out->conditions[0].id);
    bool said = false;
    for (int i = 0; ci >= 0 && i < out->n_flags; i++)
        said |= strstr(kb->conds[ci].flags, out->flags[i].id) != NULL;
    /* session 26 (asm26): worded for the running advice in force (its
     * advice_run line for that level), so that "stop running" is never
     * said beside "keep running in reduced amounts" */
    const char *own = ci < 0 ? "" : kb->conds[ci].advice;
    if (ci >= 0 && (unsigned)out->running < RH_RUNNING__COUNT &&
        kb->conds[ci].advice_run[out->running][0])
        own = kb->conds[ci].advice_run[out->running];
    if (ci >= 0 && own[0] && !said && !out->unranked)
        why_add(&out->advice, "%s", own);
    /* advice speaks of what is shown: a red flag that did not fire (yes)
     * is not shown, so to an advice line it is no (review 8 #5: "night
     * pain is not a warning sign here" while no flag reads it as one) */
    signed char fired[KB_MAX_FLAGS];
    memcpy(fired, c->flag, sizeof fired);
    for (int f = 0; f < KB_MAX_FLAGS; f++)
        if (c->flag[f] != TRI_YES)
            c->flag[f] = TRI_NO;
    for (int i = kb->kind_at[RULE_ADVICE]; i < kb->kind_at[RULE_ADVICE + 1]; i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        if (rh__expr_eval(c, rule->expr) != TRI_YES)
            continue;
        char answers[RH_ASSESS_WHY_LEN];
        rh__expr_explain(c, rule->expr, answers, sizeof answers);
        why_add(&out->advice, "%s (answers: %s) [%s]", rule->reason, answers, CITE(c, rule->source));
    }
    memcpy(c->flag, fired, sizeof fired);
}

/* Every advice line agrees with the care in force: a clause that names the
 * care of a lower level ("see a doctor within days" when the verdict is a
 * doctor today) is left out, and a line left with nothing is not given
 * (rh_text_within_care, the phrases of data/wording.txt). Out of memory:
 * the line stays as it was. */
static int advice_within_care(struct rh_assessment *out)
{
    struct rh_buf b;
    rh_buf_init(&b, RH_ASSESS_WHY_LEN);
    int kept = 0, kept_now = 0, r = 0;
    for (int i = 0; i < out->advice.n; i++) {
        bool changed = false;
        int now = i < out->advice_now;
        rh_buf_reset(&b);
        r = rh_text_within_care(out->advice.text[i], (int)out->disposition, &b, &changed);
        /* session 23 (plan27): the verdict's one booking already asks for
         * the postnatal pelvic-health check (care_pelvic, care_postnatal):
         * an advice line's own booking of it is left out */
        if (!r && (out->care_pelvic || out->care_postnatal)) {
            const char *again = rh_words("disposition", "see_physio.pelvic_again");
            if (again && *again) {
                struct rh_buf b2;
                rh_buf_init(&b2, RH_ASSESS_WHY_LEN);
                bool ch2 = false;
                r = rh_text_without_phrases(b.data ? b.data : "", again, &b2, &ch2);
                if (!r && ch2) {
                    rh_buf_reset(&b);
                    r = rh_buf_append(&b, b2.data ? b2.data : "", b2.len);
                    changed = true;
                }
                rh_buf_release(&b2);
            }
        }
        if (r || !changed) {
            if (kept != i)
                memcpy(out->advice.text[kept], out->advice.text[i], RH_ASSESS_WHY_LEN);
            kept++;
            kept_now += now;
        } else if (b.len) {
            rh__text_fit(out->advice.text[kept], RH_ASSESS_WHY_LEN,
                         snprintf(out->advice.text[kept], RH_ASSESS_WHY_LEN, "%s", b.data));
            kept++;
            kept_now += now;
        }
    }
    out->advice.n = kept;
    out->advice_now = kept_now;
    rh_buf_release(&b);
    return r;
}

/* Whether the space-separated list of intake keys holds key. */
static bool tests_have(const char *list, const char *key)
{
    size_t kl = strlen(key);
    for (const char *t = list; *t;) {
        size_t k = strcspn(t, " ");
        if (k == kl && strncmp(t, key, k) == 0)
            return true;
        t += k;
        t += strspn(t, " ");
    }
    return false;
}

/* Whether the loading self-test `key` is held: an [hop_safety] line that
 * names it holds (data/assess_rules.txt; session 22, runner22b: the one
 * table for the hop and the one-leg stand). */
static bool load_unsafe(const struct rh__ctx *c, const char *key)
{
    const struct rh__kb *kb = c->kb;
    for (int i = kb->kind_at[RULE_HOP_UNSAFE]; key && i < kb->kind_at[RULE_HOP_UNSAFE + 1]; i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        if (tests_have(rule->tests, key) && rh__expr_eval(c, rule->expr) == TRI_YES)
            return true;
    }
    return false;
}

static bool hop_unsafe(const struct rh__ctx *c)
{
    return load_unsafe(c, "test_hop");
}

/* The red flags as their triggers and exceptions alone make them (no
 * escalation, no output), for a rule that reads flag:ID before rh_assess
 * has raised them: the hop safety of the questionnaire (session 22,
 * runner22). A flag whose exception holds is no; a trigger that may still
 * hold keeps it unknown. */
static void flags_only(struct rh__ctx *c)
{
    const struct rh__kb *kb = c->kb;
    for (int f = 0; f < kb->n_flags; f++) {
        int res = TRI_NO;
        if (!flag_unless(c, f))
            for (int i = kb->kind_at[RULE_TRIGGER];
                 i < kb->kind_at[RULE_TRIGGER + 1] && res != TRI_YES; i++) {
                const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
                if (rule->owner != f)
                    continue;
                int v = rh__expr_eval(c, rule->expr);
                if (v == TRI_YES || v == TRI_UNKNOWN)
                    res = v;
            }
        c->flag[f] = (signed char)res;
    }
}

bool rh_assess_hop_unsafe(const struct rh_intake *in)
{
    return rh__assess_hop_held(in, NULL);
}

/* Session 22 (runner22): the hop is not asked when the answers so far
 * already make a [hop_safety] line hold, a red flag that it names too
 * (the stress fracture's, whose advice says not to hop): the hop's own
 * answer read as not given, the questions after it (p) as unknown. */
bool rh__assess_hop_held(const struct rh_intake *in, const struct rh__pending *p)
{
    return rh__assess_load_held(in, p, "test_hop");
}

bool rh__assess_load_held(const struct rh_intake *in, const struct rh__pending *p,
                          const char *key)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    if (!kb || !in)
        return true; /* erring safe */
    struct rh__ctx c;
    signed char memo[KB_MAX_TERMS];
    ctx_init(&c, kb, in, memo);
    c.pending = p;
    flags_only(&c);
    return load_unsafe(&c, key);
}

bool rh__assess_load_test(const char *key)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    for (int i = kb ? kb->kind_at[RULE_HOP_UNSAFE] : 0;
         kb && key && i < kb->kind_at[RULE_HOP_UNSAFE + 1]; i++)
        if (tests_have(kb->rules[kb->by_kind[i]].tests, key))
            return true;
    return false;
}

/* Review 8 B1: a same-day red flag that the answers so far already make
 * certain (p: the questions still to come read as unknown). Only its
 * triggers and escalations are read, in file order, as eval_flags does. */
/* why (cap bytes, may be NULL): the answers of the triggers that fired the
 * flag returned, "(answers: ...)" each, for rh_assess_flag_title (session
 * 11, branch rev11c, review 11 #13/#17). */
static const char *urgent_certain(const struct rh_intake *in, const struct rh__pending *p,
                                  char *why, size_t cap)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    if (!kb || !in)
        return NULL;
    struct rh__ctx c;
    signed char memo[KB_MAX_TERMS];
    ctx_init(&c, kb, in, memo);
    c.pending = p;
    for (int f = 0; f < kb->n_flags; f++) {
        int res = TRI_NO, level = -1;
        if (flag_unless(&c, f)) { /* its exception holds: not raised */
            c.flag[f] = TRI_NO;
            continue;
        }
        for (int i = kb->kind_at[RULE_TRIGGER]; i < kb->kind_at[RULE_TRIGGER + 1]; i++) {
            const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
            if (rule->owner != f)
                continue;
            int v = rh__expr_eval(&c, rule->expr);
            if (v == TRI_YES && why && cap > 32) {
                char answers[RH_ASSESS_WHY_LEN];
                rh__expr_explain(&c, rule->expr, answers, sizeof answers);
                size_t at = strlen(why);
                if (at < cap)
                    snprintf(why + at, cap - at, " (answers: %s)", answers);
            }
            if (v == TRI_YES) {
                res = TRI_YES;
                int l = rule->level < kb->flags[f].disposition ? rule->level
                                                               : kb->flags[f].disposition;
                level = l > level ? l : level;
            } else if (v == TRI_UNKNOWN && res != TRI_YES) {
                res = TRI_UNKNOWN;
            }
        }
        c.flag[f] = (signed char)res;
        if (res != TRI_YES)
            continue;
        for (int i = kb->kind_at[RULE_FLAG_ESC]; i < kb->kind_at[RULE_FLAG_ESC + 1]; i++) {
            const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
            if (rule->owner == f && rule->level > level && rh__expr_eval(&c, rule->expr) == TRI_YES)
                level = rule->level;
        }
        if (level >= RH_DISP_URGENT)
            return kb->flags[f].name;
        if (why)
            why[0] = '\0'; /* not this flag's */
    }
    return NULL;
}

/* Session 12 (branch urgent12): a held_if line of [held_tests] that the
 * answers of c make certain (with c->pending, the questions still to come
 * read as unknown): the held self-tests are held then too. One test for the
 * questionnaire (rh__assess_held_if) and the result (rh_assess). */
static bool held_if_holds(const struct rh__ctx *c)
{
    const struct rh__kb *kb = c->kb;
    for (int i = kb->kind_at[RULE_HELD_IF]; i < kb->kind_at[RULE_HELD_IF + 1]; i++)
        if (rh__expr_eval(c, kb->rules[kb->by_kind[i]].expr) == TRI_YES)
            return true;
    return false;
}

bool rh__assess_held_if(const struct rh_intake *in, const struct rh__pending *p)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    if (!kb || !in)
        return false;
    struct rh__ctx c;
    signed char memo[KB_MAX_TERMS];
    ctx_init(&c, kb, in, memo);
    c.pending = p;
    return held_if_holds(&c);
}

const char *rh__assess_urgent_certain(const struct rh_intake *in, const struct rh__pending *p)
{
    return urgent_certain(in, p, NULL, 0);
}

bool rh__assess_urgent_title(const struct rh_intake *in, const struct rh__pending *p, char *out,
                             size_t cap)
{
    if (!cap)
        return false;
    out[0] = '\0';
    char why[4 * RH_ASSESS_WHY_LEN] = "";
    const char *name = urgent_certain(in, p, why, sizeof why);
    if (!name)
        return false;
    const struct rh__kb *kb = rh__kb_get(NULL);
    for (int f = 0; kb && f < kb->n_flags; f++)
        if (kb->flags[f].name == name)
            rh_assess_flag_title(kb->flags[f].id, why, out, cap);
    if (!out[0])
        snprintf(out, cap, "%s", name);
    /* inside a sentence: "... medical help today: a pop felt when ..." */
    out[0] = (char)tolower((unsigned char)out[0]);
    return true;
}

static bool test_held(const struct rh__kb *kb, const char *key)
{
    for (int i = kb ? kb->kind_at[RULE_HELD_TEST] : 0;
         kb && key && i < kb->kind_at[RULE_HELD_TEST + 1]; i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        if (strcmp(rh__ifields[kb->nodes[rule->expr].field].key, key) == 0)
            return true;
    }
    return false;
}

static bool node_uses(const struct rh__kb *kb, int node, int field)
{
    const struct rh__node *n = &kb->nodes[node];
    if ((n->kind == NODE_ATOM || n->kind == NODE_ANSWERED) &&
        (n->field == field || (n->kind == NODE_ATOM && n->rhs == field)))
        return true;
    for (int k = n->first; k >= 0; k = kb->nodes[k].next)
        if (node_uses(kb, k, field))
            return true;
    return false;
}

bool rh__assess_key_in_flags(const char *key)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    const struct rh__ifield *f = key ? rh__ifield_find(key) : NULL;
    if (!kb || !f)
        return kb == NULL; /* erring safe */
    int field = (int)(f - rh__ifields);
    for (int r = 0; r < kb->n_rules; r++) {
        const struct rh__rule *rule = &kb->rules[r];
        if ((rule->kind == RULE_TRIGGER || rule->kind == RULE_FLAG_ESC ||
             rule->kind == RULE_FLAG_UNLESS) &&
            node_uses(kb, rule->expr, field))
            return true;
    }
    return false;
}

bool rh__assess_test_held(const char *key)
{
    return test_held(rh__kb_get(NULL), key);
}

int rh_assess(const struct rh_intake *in, struct rh_assessment *out, struct rh_err *err)
{
    if (!in || !out)
        return rh_err_set(err, RH_EINVAL, "rh_assess: NULL argument");
    struct rh_err kerr;
    rh_err_clear(&kerr);
    const struct rh__kb *kb = rh__kb_get(&kerr);
    if (!kb) {
        if (err)
            *err = kerr;
        return kerr.code ? kerr.code : RH_EFORMAT;
    }
    memset(out, 0, sizeof *out);
    struct rh__ctx c;
    signed char memo[KB_MAX_TERMS];
    ctx_init(&c, kb, in, memo);
    struct impact im = {0};
    out->from_data = in->from_data;
    out->data_not_recent = in->data_not_recent;
    out->data_newest_run = in->data_newest_run;
    out->data_cover_weeks = in->data_cover_weeks;
    out->data_window_weeks = in->data_window_weeks;
    out->data_kept_weekly_km = in->weekly_km;
    out->data_patchy = in->data_patchy;
    out->data_before_onset = in->data_before_onset;
    out->data_onset_day = in->data_onset_day;
    out->data_lead_days = in->data_lead_days;
    out->data_answered = in->data_answered;
    memcpy(out->data_answer, in->data_answer, sizeof out->data_answer);
    out->data_value[0] = in->weekly_km;
    out->data_value[1] = in->km_change_pct;
    out->data_value[2] = in->cadence_spm >= 0 ? in->cadence_spm : RH_NONE;
    out->data_value[3] = in->shoe_km >= 0 ? in->shoe_km : RH_NONE;
    out->data_value[4] = in->same_route >= 0 ? (double)(in->same_route == RH_TRI_YES) : RH_NONE;
    out->for_child = in->for_child == RH_TRI_YES;
    out->checklist_warnings = c.checklist_warn;
    out->checklist_answered = RH_CHECK__COUNT - c.checklist_unknown;
    for (int i = 0; i < RH_CHECK__COUNT; i++)
        if (in->check[i] >= 0 && (i == RH_CHECK_BETTER_STRETCH ? in->check[i] == 0
                                                                : in->check[i] == 1))
            out->checklist_warned |= RH_BIT(i);

    eval_flags(&c, out, &im);
    c.out = out; /* a reason naming a flag names what was seen of it */
    out->hop_unsafe = hop_unsafe(&c);
    for (int i = kb->kind_at[RULE_CLEAR]; i < kb->kind_at[RULE_CLEAR + 1] && !out->clearance_need[0];
         i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        if (rh__expr_eval(&c, rule->expr) == TRI_YES)
            snprintf(out->clearance_need, sizeof out->clearance_need, "%s [%s]", rule->reason,
                     CITE(&c, rule->source));
    }

    double known[KB_MAX_CONDS], unknown[KB_MAX_CONDS];
    signed char val[KB_MAX_RULES];
    score_conditions(&c, out, val, known, unknown);
    keep_dangerous(&c, out);
    /* value of the unanswered questions: weighted by how likely the
     * condition is, over the conditions as they stand */
    for (int i = kb->kind_at[RULE_FEATURE]; i < kb->kind_at[RULE_FEATURE + 1]; i++) {
        int r = kb->by_kind[i];
        const struct rh__rule *rule = &kb->rules[r];
        if (val[r] != TRI_UNKNOWN)
            continue;
        im.add = fabs(rule->weight) * (out->conditions[rule->owner].score + 0.02);
        rh__expr_unknown_keys(&c, rule->expr, impact_cb, &im);
    }
    /* confidence: answered share of the top three conditions' feature
     * weight, times how clearly the first stands apart from the second */
    sort_conditions(out);
    double kn = 0, un = 0;
    for (int k = 0; k < 3 && k < out->n_conditions; k++) {
        int ci = cond_index(kb, out->conditions[k].id);
        kn += known[ci];
        un += unknown[ci];
    }
    double coverage = kn + un > 0 ? kn / (kn + un) : 0;
    double p1 = out->conditions[0].score, p2 = out->n_conditions > 1 ? out->conditions[1].score : 0;
    double sep = p1 + p2 > 0 ? p1 / (p1 + p2) : 0.5;
    out->confidence = coverage * sep;

    unranked(&c, out);
    shown_names(&c, out);
    pain_type(&c, out);
    decide(&c, out);
    /* session 22 (runner22b): one booking, the pelvic-health
     * physiotherapist's, when a [care] pelvic line of its level holds.
     * Read as the flags are (eval_flags): with the words no screen asked
     * as they are or as "no" (session 28, walk28: a woman after a birth who
     * ticked new bladder trouble on the questionnaire, never asked about
     * numbness for pain at the front, had her flag lowered to the pelvic
     * floor's physiotherapist by the "no" reading, but the booking, read
     * only as the answers are, was neither the pelvic-health nor the
     * postnatal one: a sports physiotherapist, where a file of the same
     * answers booked the pelvic-health physiotherapist) */
    struct rh_intake care_no;
    struct rh__ctx care_store;
    signed char care_memo[KB_MAX_TERMS];
    const struct rh__ctx *cno = said_no_ctx(&c, &care_no, &care_store, care_memo, sizeof care_memo);
    const struct rh__ctx *by; /* which reading held: not needed here */
    for (int i = kb->kind_at[RULE_CARE_PELVIC]; i < kb->kind_at[RULE_CARE_PELVIC + 1] &&
                                                 !out->care_pelvic; i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        out->care_pelvic = rule->level == (int)out->disposition &&
                           flag_eval(&c, cno, rule->expr, &by) == TRI_YES;
    }
    /* session 23 (plan27): after a birth without that pattern, the one
     * booking asks for the postnatal pelvic-health check too */
    for (int i = kb->kind_at[RULE_CARE_POSTNATAL]; i < kb->kind_at[RULE_CARE_POSTNATAL + 1] &&
                                                    !out->care_pelvic && !out->care_postnatal; i++) {
        const struct rh__rule *rule = &kb->rules[kb->by_kind[i]];
        out->care_postnatal = rule->level == (int)out->disposition &&
                              flag_eval(&c, cno, rule->expr, &by) == TRI_YES;
    }
    advise(&c, out);
    (void)advice_within_care(out);

    /* the unanswered questions that would change it most; never the hop
     * test when hopping is unsafe (A2) */
    /* the held self-tests: once it needs a doctor today, or when a held_if
     * line holds (data/assess_rules.txt [held_tests]) */
    bool hold = out->disposition == RH_DISP_URGENT || held_if_holds(&c);
    /* those never asked weigh nothing (each key read once, not once per
     * question chosen) */
    for (int i = 0; i < im.n; i++) {
        /* nor a loading self-test that [hop_safety] holds (session 22,
         * runner22b: the one-leg stand under the stress fracture's sign) */
        if ((out->hop_unsafe && strcmp(im.key[i], "test_hop") == 0) || load_unsafe(&c, im.key[i]))
            im.w[i] = 0;
        /* nor a self-test that loads the hip once it needs a doctor
         * today (review 8 B1): the answer would change nothing */
        if (hold && test_held(kb, im.key[i]))
            im.w[i] = 0;
    }
    while (out->n_missing < RH_ASSESS_MAX_MISSING) {
        int best = -1;
        for (int i = 0; i < im.n; i++) {
            if (im.w[i] <= 0.05)
                continue;
            if (best < 0 || im.w[i] > im.w[best])
                best = i;
        }
        if (best < 0)
            break;
        out->missing[out->n_missing++] = im.key[best];
        im.w[best] = 0;
    }
    return 0;
}

/* ---- names ------------------------------------------------------------------------ */

const char *rh_assess_care_key(enum rh_disposition d, bool pelvic, bool postnatal)
{
    if (d == RH_DISP_SEE_PHYSIO && pelvic)
        return "see_physio.pelvic";
    if (d == RH_DISP_SEE_PHYSIO && postnatal)
        return "see_physio.postnatal";
    return rh_disposition_name(d);
}

const char *rh_disposition_name(enum rh_disposition d)
{
    return (unsigned)d < RH_DISP__COUNT ? rh__disposition_names[d] : "unknown";
}

const char *rh_running_name(enum rh_running r)
{
    return (unsigned)r < RH_RUNNING__COUNT ? rh__running_names[r] : "unknown";
}

const char *rh_pain_type_name(enum rh_pain_type p)
{
    static const char *const names[RH_PAIN__COUNT] = {"muscle", "joint", "nerve", "mixed",
                                                      "unclear"};
    return (unsigned)p < RH_PAIN__COUNT ? names[p] : "unknown";
}

int rh_disposition_parse(const char *s, enum rh_disposition *out)
{
    for (int i = 0; s && i < RH_DISP__COUNT; i++)
        if (strcmp(s, rh__disposition_names[i]) == 0) {
            *out = (enum rh_disposition)i;
            return 0;
        }
    return RH_EKEY;
}

int rh_running_parse(const char *s, enum rh_running *out)
{
    for (int i = 0; s && i < RH_RUNNING__COUNT; i++)
        if (strcmp(s, rh__running_names[i]) == 0) {
            *out = (enum rh_running)i;
            return 0;
        }
    return RH_EKEY;
}

int rh_assess_condition_count(void)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    return kb ? kb->n_conds : 0;
}

const char *rh_assess_condition_id(int i)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    return kb && i >= 0 && i < kb->n_conds ? kb->conds[i].id : NULL;
}

int rh_assess_flag_count(void)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    return kb ? kb->n_flags : 0;
}

const char *rh_assess_flag_id(int i)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    return kb && i >= 0 && i < kb->n_flags ? kb->flags[i].id : NULL;
}

/* The knowledge base's red flag of that id, NULL if none. */
static const struct rh__flag *kb_flag(const char *id)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    for (int i = 0; kb && id && i < kb->n_flags; i++)
        if (strcmp(kb->flags[i].id, id) == 0)
            return &kb->flags[i];
    return NULL;
}

const char *rh_assess_flag_source(const char *id)
{
    const struct rh__flag *f = kb_flag(id);
    return f ? f->disp_source : NULL;
}

const char *rh_assess_flag_name(const char *id)
{
    const struct rh__flag *f = kb_flag(id);
    return f ? f->name : NULL;
}

int rh_assess_flag_running(const char *id)
{
    const struct rh__flag *f = kb_flag(id);
    return f ? f->running : -1;
}

int rh_assess_flag_disposition(const char *id)
{
    const struct rh__flag *f = kb_flag(id);
    return f ? f->disposition : -1;
}

/* ---- a red flag as the runner reads it (review 9 #5, rev9c) ----------------- */

static bool why_has_one(const char *why, const char *answer);

/* Whether the answers of why ("... (answers: signs=night_sweats, age=15 (<=
 * 19)) [S]") hold answer ("signs:night_sweats", a key alone: "age", a
 * figure: "age<=16"), or each of several joined by " & " (words12, review
 * 11 #17: a child's heading only for a child). answer is a seen = line's,
 * at most KB_SEEN_ANSWER bytes with its nul (the loader refuses a longer
 * one), so nothing is cut here; anything longer holds nothing. */
static bool why_has_answer(const char *why, const char *answer)
{
    char buf[KB_SEEN_ANSWER];
    if ((size_t)snprintf(buf, sizeof buf, "%s", answer) >= sizeof buf)
        return false;
    char *save = NULL;
    bool any = false;
    for (char *part = strtok_r(buf, "&", &save); part; part = strtok_r(NULL, "&", &save)) {
        while (*part == ' ')
            part++;
        size_t n = strlen(part);
        while (n && part[n - 1] == ' ')
            part[--n] = '\0';
        if (!n)
            continue;
        if (!why_has_one(why, part))
            return false;
        any = true;
    }
    return any;
}

static bool why_has_one(const char *why, const char *answer)
{
    /* "KEY:WORD" as "KEY=WORD", "KEY" as "KEY=": one byte more at most */
    char want[KB_SEEN_ANSWER + 1];
    /* "age<=16": the figure given, compared */
    const char *op = strstr(answer, "<=");
    if (!op)
        op = strstr(answer, ">=");
    if (op) {
        snprintf(want, sizeof want, "%.*s=", (int)(op - answer), answer);
        char *end;
        double limit = strtod(op + 2, &end);
        size_t wl = strlen(want);
        for (const char *ans = strstr(why, "(answers: "); ans; ans = strstr(ans + 1, "(answers: "))
            for (const char *p = strstr(ans, want); p; p = strstr(p + 1, want)) {
                char before = p[-1];
                if (before == '_' || (before >= 'a' && before <= 'z'))
                    continue;
                double v = strtod(p + wl, &end);
                if (end == p + wl)
                    continue;
                if (op[0] == '<' ? v <= limit : v >= limit)
                    return true;
            }
        return false;
    }
    const char *colon = strchr(answer, ':');
    if (colon)
        snprintf(want, sizeof want, "%.*s=%s", (int)(colon - answer), answer, colon + 1);
    else
        snprintf(want, sizeof want, "%s=", answer);
    size_t wl = strlen(want);
    for (const char *ans = strstr(why, "(answers: "); ans; ans = strstr(ans + 1, "(answers: "))
        for (const char *p = strstr(ans, want); p; p = strstr(p + 1, want)) {
            char before = p[-1], after = p[wl];
            bool word_before = before == '_' || (before >= 'a' && before <= 'z');
            bool word_after = colon && (after == '_' || (after >= 'a' && after <= 'z') ||
                                        (after >= '0' && after <= '9'));
            if (!word_before && !word_after)
                return true;
        }
    return false;
}

static void flag_title(const char *id, const char *why, unsigned want, char *out, size_t cap,
                       unsigned *mask)
{
    if (mask)
        *mask = 0;
    if (!cap)
        return;
    out[0] = '\0';
    const struct rh__flag *f = kb_flag(id);
    if (!f) {
        snprintf(out, cap, "%s", id ? id : "");
        return;
    }
    int k = 0; /* at most two of what was seen: "Sweating at night and losing weight ..." */
    for (int i = 0; (why || want) && i < f->n_seen && k < 2; i++) {
        if (why ? !why_has_answer(why, f->seen[i].answer)
                : i >= 32 || !(want & (1u << i)))
            continue;
        if (strstr(out, f->seen[i].title + 1))
            continue;
        if (mask && i < 32)
            *mask |= 1u << i;
        size_t at = strlen(out);
        snprintf(out + at, cap - at, "%s%c%s", k ? " and " : "",
                 k ? (char)tolower((unsigned char)f->seen[i].title[0]) : f->seen[i].title[0],
                 f->seen[i].title + 1);
        k++;
    }
    if (!k)
        snprintf(out, cap, "%s", f->title[0] ? f->title : f->name);
    out[0] = (char)toupper((unsigned char)out[0]);
}

void rh_assess_flag_title(const char *id, const char *why, char *out, size_t cap)
{
    flag_title(id, why, 0, out, cap, NULL);
}

void rh_assess_flag_title_seen(const char *id, unsigned seen, char *out, size_t cap)
{
    flag_title(id, NULL, seen, out, cap, NULL);
}

unsigned rh__flag_seen_mask(const char *id, const char *why)
{
    char t[RH_ASSESS_FLAG_WHY_LEN];
    unsigned mask = 0;
    if (why)
        flag_title(id, why, 0, t, sizeof t, &mask);
    return mask;
}

/* One item of an answers list the runner is told as seen in them: an answer
 * given ("signs=limp", "age=15 (<= 19)"), not what the rule leaves out
 * ("signs without fever", "x!=y"), an unanswered question or another flag. */
static bool seen_item(const char *s, size_t n, const char *said_sets)
{
    char item[200];
    while (n && *s == ' ')
        s++, n--;
    if (!n || n >= sizeof item)
        return false;
    memcpy(item, s, n);
    item[n] = '\0';
    /* "signs=weight_loss" the note's quoted words already say */
    char *eq = strchr(item, '=');
    if (eq && said_sets && *said_sets) {
        char set[200];
        snprintf(set, sizeof set, "%.*s:%s", (int)(eq - item), item, eq + 1);
        set[strcspn(set, " ")] = '\0';
        size_t sl = strlen(set);
        for (const char *p = strstr(said_sets, set); p; p = strstr(p + 1, set))
            if ((p == said_sets || p[-1] == ' ') && (p[sl] == ' ' || !p[sl]))
                return false;
    }
    return strchr(item, '=') && !strstr(item, "!=") && !strstr(item, " without ") &&
           !strstr(item, "answered") && strncmp(item, "red flag ", 9) != 0 &&
           strncmp(item, "no ", 3) != 0 && strncmp(item, "also ", 5) != 0;
}

/* The answers seen of a flag's why ("location=groin, test_hop=yes"), and
 * the sources of those reasons ("S1; S2"; srcs may be NULL). */
static int seen_answers(const char *why, const char *said_sets, struct rh_buf *items,
                        struct rh_buf *srcs)
{
    int rc = 0;
    for (const char *ans = why ? strstr(why, "(answers: ") : NULL; !rc && ans;
         ans = strstr(ans + 1, "(answers: ")) {
        const char *p = ans + 10, *start = p;
        int depth = 0;
        for (; !rc && *p; p++) {
            if (*p == '(')
                depth++;
            else if (*p == ')' && depth)
                depth--;
            else if ((*p == ',' && !depth) || (*p == ')' && !depth)) {
                if (seen_item(start, (size_t)(p - start), said_sets))
                    rc = rh_buf_printf(items, "%s%.*s", items->len ? ", " : "", (int)(p - start),
                                       start);
                start = p + 1;
                if (*p == ')')
                    break;
            }
        }
        /* the sources of that reason: " [S]" after the answers */
        if (!rc && srcs && *p == ')' && p[1] == ' ' && p[2] == '[') {
            const char *e = strchr(p + 3, ']');
            if (e)
                rc = rh_buf_printf(srcs, "%s%.*s", srcs->len ? "; " : "", (int)(e - p - 3), p + 3);
        }
    }
    return rc;
}

int rh_assess_flag_because(const char *why, const char *said, const char *said_sets,
                           struct rh_refs *refs, struct rh_buf *out)
{
    struct rh_buf items, srcs, words;
    rh_buf_init(&items, 0);
    rh_buf_init(&srcs, 0);
    rh_buf_init(&words, 0);
    int rc = seen_answers(why, said_sets, &items, &srcs);
    if (!rc && items.len)
        rc = rh_text_answers(items.data, items.len, false, &words);
    bool note = said && *said;
    if (!rc && (note || words.len)) {
        const char *because = rh_words("text", "flag_because");
        const char *wrote = rh_words("text", "flag_from_note");
        struct rh_buf line;
        rh_buf_init(&line, 0);
        rc = rh_buf_printf(&line, "%s %s%s%s%s%s", because ? because : "",
                           note ? (wrote ? wrote : "") : "", note ? " " : "",
                           note ? said : "", note && words.len ? ", and " : "",
                           words.len ? words.data : "");
        if (!rc && refs && refs->child) {
            const char *map = rh_words("text", "child_person");
            rc = map ? rh_text_person(map, line.data, out) : rh_buf_puts(out, line.data);
        } else if (!rc)
            rc = rh_buf_puts(out, line.data);
        rh_buf_release(&line);
        if (!rc && refs && srcs.len) {
            rc = rh_refs_cite(refs, srcs.data, srcs.len, out, NULL); /* " [1, 2]" */
        }
    }
    rh_buf_release(&items);
    rh_buf_release(&srcs);
    rh_buf_release(&words);
    return rc;
}

const char *rh_assess_condition_clinical_name(const char *id)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    for (int i = 0; kb && id && i < kb->n_conds; i++)
        if (strcmp(kb->conds[i].id, id) == 0)
            return kb->conds[i].clinical_name[0] ? kb->conds[i].clinical_name : kb->conds[i].name;
    return NULL;
}

const char *rh_assess_condition_name(const char *id)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    for (int i = 0; kb && id && i < kb->n_conds; i++)
        if (strcmp(kb->conds[i].id, id) == 0)
            return kb->conds[i].name;
    return NULL;
}

int rh_assess_names_clinical(const char *s, struct rh_buf *out)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    const char *done = s;
    for (const char *p = s; kb && p && *p; p++) {
        for (int i = 0; i < kb->n_conds; i++) {
            const char *name = kb->conds[i].name, *clin = kb->conds[i].clinical_name;
            size_t len = strlen(name);
            if (!clin[0] || !len || tolower((unsigned char)*p) != tolower((unsigned char)*name) ||
                strncmp(p + 1, name + 1, len - 1) != 0)
                continue;
            char first = isupper((unsigned char)*p) ? (char)toupper((unsigned char)*clin) : *clin;
            if (rh_buf_append(out, done, (size_t)(p - done)) || rh_buf_append(out, &first, 1) ||
                rh_buf_puts(out, clin + 1))
                return RH_ENOMEM;
            p += len - 1;
            done = p + 1;
            break;
        }
    }
    return s ? rh_buf_puts(out, done) : 0;
}

bool rh_assessment_too_thin(const struct rh_assessment *a)
{
    return a->unranked && a->n_flags == 0;
}
