/* SPDX-License-Identifier: MIT */
/*
 * The knowledge base reader and the rule language of the assessment engine.
 *
 * data/conditions.txt, data/red_flags.txt and data/assess_rules.txt are
 * "[section]" / "key = value" files (rh_kv_parse). A rule line is
 *     LEVEL-or-WEIGHT | EXPRESSION | reason | source
 * and the expression is parsed here into a node pool: atoms named after
 * intake keys, joined with &, |, !, parentheses and Nof(...). Evaluation is
 * three-valued so that an unanswered question is never read as "no".
 */
#include <assert.h>
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess/assess_int.h"
#include "assess/quest_int.h"
#include "runhip/text.h"
#include "util/banned.h"

const char *const rh__disposition_names[RH_DISP__COUNT] = {
    "self_care", "modify_training", "see_physio", "see_doctor_soon", "urgent"};
const char *const rh__running_names[RH_RUNNING__COUNT] = {"continue", "reduce", "cross_train_only",
                                                       "stop"};

/* ---- atoms: named, typed and read through the intake key table ----------- */

/* Intake keys of the checklist ("check_sharp_socket"...), from the X-macro. */
#define CK(n, w) "check_" #w,
static const char *const check_keys[] = {RH_CHECK_WORDS(CK) NULL};
#undef CK

static const struct rh__ifield *ifield(int field)
{
    return field >= 0 && field < rh__n_ifields ? &rh__ifields[field] : NULL;
}

/* The name of a field in rules and explanations: the intake key. */
static const char *field_name(int field)
{
    if (field == FLD_FLAG)
        return "flag";
    if (field == FLD_CHECKLIST)
        return "checklist_warnings";
    if (field == FLD_ANSWERED)
        return "answered";
    if (field == FLD_NOTE)
        return "note";
    const struct rh__ifield *f = ifield(field);
    return f ? f->key : "?";
}

static bool is_number(int field)
{
    const struct rh__ifield *f = ifield(field);
    if (f)
        return f->kind == RH__IF_INT || f->kind == RH__IF_NUM;
    return field == FLD_CHECKLIST || field == FLD_ANSWERED;
}

static int find_field(const char *s, size_t n)
{
    for (int f = 0; f < FLD__COUNT; f++) {
        if (f >= rh__n_ifields && f < FLD_FLAG)
            continue;
        const char *name = field_name(f);
        if (strlen(name) == n && memcmp(name, s, n) == 0)
            return f;
    }
    return -1;
}

/* Exact canonical word of a list (rules use the canonical words only). */
static int word_of(int list, const char *w, size_t n)
{
    for (int i = 0; i < rh_intake_word_count((enum rh_intake_list)list); i++) {
        const char *c = rh_intake_word((enum rh_intake_list)list, i);
        if (strlen(c) == n && memcmp(c, w, n) == 0)
            return i;
    }
    return -1;
}

/* ---- expression parser ----------------------------------------------------- */

struct parser {
    struct rh__kb *kb;
    const char *p;
    struct rh_err *err;
    int failed;
    bool bare;  /* ?key: no word or comparison needed */
    bool check; /* checking a term on its own: a use there is not a use */
};

static void skip(struct parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t')
        ps->p++;
}

static int fail(struct parser *ps, const char *what)
{
    if (!ps->failed)
        rh_err_set(ps->err, RH_ESYNTAX, "%s at '%.30s'", what, ps->p);
    ps->failed = 1;
    return -1;
}

static int new_node(struct parser *ps, int kind)
{
    struct rh__kb *kb = ps->kb;
    if (kb->n_nodes >= KB_MAX_NODES)
        return fail(ps, "too many expression nodes");
    int i = kb->n_nodes++;
    struct rh__node *n = &kb->nodes[i];
    memset(n, 0, sizeof *n);
    n->kind = (uint8_t)kind;
    n->first = n->next = -1;
    n->rhs = -1;
    n->word = -1;
    n->term = -1;
    return i;
}

static void add_child(struct rh__kb *kb, int parent, int child)
{
    struct rh__node *p = &kb->nodes[parent];
    if (p->first < 0) {
        p->first = (int16_t)child;
        return;
    }
    int c = p->first;
    while (kb->nodes[c].next >= 0)
        c = kb->nodes[c].next;
    kb->nodes[c].next = (int16_t)child;
}

static int is_ident(int ch)
{
    return isalnum(ch) || ch == '_';
}

static int parse_or(struct parser *ps);

/* atom: key[:word] | key OP (number|key) | yes/no key | flag:id */
static int parse_atom(struct parser *ps)
{
    const char *s = ps->p;
    while (is_ident((unsigned char)*ps->p))
        ps->p++;
    size_t n = (size_t)(ps->p - s);
    if (n == 0)
        return fail(ps, "expected an answer name");
    int node = new_node(ps, NODE_ATOM);
    if (node < 0)
        return -1;
    struct rh__node *a = &ps->kb->nodes[node];
    int f = find_field(s, n);
    if (f < 0)
        return fail(ps, "unknown answer name");
    a->field = (uint8_t)f;
    const struct rh__ifield *fi = ifield(f);
    if (*ps->p == ':') {
        ps->p++;
        const char *w = ps->p;
        while (is_ident((unsigned char)*ps->p))
            ps->p++;
        size_t wn = (size_t)(ps->p - w);
        if (f == FLD_FLAG) {
            for (int i = 0; i < ps->kb->n_flags; i++)
                if (strlen(ps->kb->flags[i].id) == wn && memcmp(ps->kb->flags[i].id, w, wn) == 0)
                    a->word = (int16_t)i;
            if (a->word < 0)
                return fail(ps, "unknown red flag (define it before use)");
            return node;
        }
        if (f == FLD_NOTE) {
            if ((a->word = (int16_t)rh_note_fact_find(w, wn)) < 0)
                return fail(ps, "unknown note fact");
            return node;
        }
        if (!fi || (fi->kind != RH__IF_LIST && fi->kind != RH__IF_ENUM) ||
            (a->word = (int16_t)word_of(fi->list, w, wn)) < 0)
            return fail(ps, "unknown word");
        return node;
    }
    if (ps->bare)
        return node;
    if (is_number(f)) {
        skip(ps);
        const char *o = ps->p;
        if (o[0] == '>' && o[1] == '=')
            a->op = OP_GE, ps->p += 2;
        else if (o[0] == '<' && o[1] == '=')
            a->op = OP_LE, ps->p += 2;
        else if (o[0] == '=' && o[1] == '=')
            a->op = OP_EQ, ps->p += 2;
        else if (o[0] == '>')
            a->op = OP_GT, ps->p++;
        else if (o[0] == '<')
            a->op = OP_LT, ps->p++;
        else
            return fail(ps, "expected a comparison after a number answer");
        skip(ps);
        const char *v = ps->p;
        while (is_ident((unsigned char)*ps->p) || *ps->p == '.' || *ps->p == '-')
            ps->p++;
        char buf[64];
        size_t vn = (size_t)(ps->p - v);
        if (vn == 0 || vn >= sizeof buf)
            return fail(ps, "expected a number");
        memcpy(buf, v, vn);
        buf[vn] = '\0';
        if (rh_parse_double(buf, &a->num) != 0) {
            int r = find_field(v, vn);
            if (r < 0 || !is_number(r))
                return fail(ps, "expected a number or a number answer");
            a->rhs = (int8_t)r;
            /* "key+N": the compared answer plus N (a change that matters,
             * e.g. pain_now>=pain_worst+2); num holds N, 0 without it */
            if (*ps->p == '+') {
                const char *d = ++ps->p;
                while (*ps->p >= '0' && *ps->p <= '9')
                    ps->p++;
                size_t dn = (size_t)(ps->p - d);
                if (dn == 0 || dn >= sizeof buf)
                    return fail(ps, "expected a number after '+'");
                memcpy(buf, d, dn);
                buf[dn] = '\0';
                if (rh_parse_double(buf, &a->num) != 0)
                    return fail(ps, "expected a number after '+'");
            }
        }
        return node;
    }
    if (!fi || fi->kind != RH__IF_TRI)
        return fail(ps, "this answer needs ':word'");
    return node;
}

/* The term named s[0..n), or NULL. */
static struct rh__term *find_term(struct rh__kb *kb, const char *s, size_t n)
{
    for (int i = 0; i < kb->n_terms; i++)
        if (strlen(kb->terms[i].name) == n && memcmp(kb->terms[i].name, s, n) == 0)
            return &kb->terms[i];
    return NULL;
}

/* "@name": the named term's expression, parsed here as if it were written
 * in parentheses (a fresh copy of its nodes, so evaluation, explanations
 * and the unknown answers are exactly those of the written-out text). */
static int parse_term(struct parser *ps)
{
    const char *s = ++ps->p;
    while (is_ident((unsigned char)*ps->p))
        ps->p++;
    size_t n = (size_t)(ps->p - s);
    if (n == 0)
        return fail(ps, "expected a term name after '@'");
    struct rh__term *t = find_term(ps->kb, s, n);
    if (!t) {
        ps->p = s - 1;
        return fail(ps, "unknown term (declare it in data/terms.txt)");
    }
    if (t->busy) {
        ps->p = s - 1;
        return fail(ps, "a term that refers back to itself");
    }
    const char *after = ps->p;
    ps->p = t->expr;
    t->busy = true;
    int e = parse_or(ps);
    t->busy = false;
    if (e < 0)
        return -1;
    skip(ps);
    if (*ps->p != '\0')
        return fail(ps, "unexpected text");
    if (!ps->check) {
        t->used = true;
        ps->kb->nodes[e].term = (int16_t)(t - ps->kb->terms); /* its value is kept (rh__ctx.memo) */
    }
    ps->p = after;
    return e;
}

static int parse_unary(struct parser *ps)
{
    skip(ps);
    if (*ps->p == '@')
        return parse_term(ps);
    if (*ps->p == '!') {
        ps->p++;
        int node = new_node(ps, NODE_NOT);
        int c = node < 0 ? -1 : parse_unary(ps);
        if (c < 0)
            return -1;
        add_child(ps->kb, node, c);
        return node;
    }
    if (*ps->p == '?') {
        ps->p++;
        ps->bare = true;
        int a = parse_atom(ps);
        ps->bare = false;
        if (a >= 0)
            ps->kb->nodes[a].kind = NODE_ANSWERED;
        return a;
    }
    if (*ps->p == '(') {
        ps->p++;
        int e = parse_or(ps);
        skip(ps);
        if (e < 0)
            return -1;
        if (*ps->p != ')')
            return fail(ps, "expected ')'");
        ps->p++;
        return e;
    }
    if (isdigit((unsigned char)ps->p[0]) && ps->p[1] == 'o' && ps->p[2] == 'f' && ps->p[3] == '(') {
        int node = new_node(ps, NODE_COUNT);
        if (node < 0)
            return -1;
        ps->kb->nodes[node].num = ps->p[0] - '0';
        ps->p += 4;
        for (;;) {
            int c = parse_or(ps);
            if (c < 0)
                return -1;
            add_child(ps->kb, node, c);
            skip(ps);
            if (*ps->p == ',') {
                ps->p++;
                continue;
            }
            if (*ps->p == ')') {
                ps->p++;
                return node;
            }
            return fail(ps, "expected ',' or ')' in Nof(...)");
        }
    }
    return parse_atom(ps);
}

static int parse_and(struct parser *ps)
{
    int first = parse_unary(ps);
    if (first < 0)
        return -1;
    skip(ps);
    if (*ps->p != '&')
        return first;
    int node = new_node(ps, NODE_AND);
    if (node < 0)
        return -1;
    add_child(ps->kb, node, first);
    while (*ps->p == '&') {
        ps->p++;
        int c = parse_unary(ps);
        if (c < 0)
            return -1;
        add_child(ps->kb, node, c);
        skip(ps);
    }
    return node;
}

static int parse_or(struct parser *ps)
{
    int first = parse_and(ps);
    if (first < 0)
        return -1;
    skip(ps);
    if (*ps->p != '|')
        return first;
    int node = new_node(ps, NODE_OR);
    if (node < 0)
        return -1;
    add_child(ps->kb, node, first);
    while (*ps->p == '|') {
        ps->p++;
        int c = parse_and(ps);
        if (c < 0)
            return -1;
        add_child(ps->kb, node, c);
        skip(ps);
    }
    return node;
}

static int expr_parse(struct rh__kb *kb, const char *text, bool check, struct rh_err *err)
{
    struct parser ps = {kb, text, err, 0, false, check};
    int root = parse_or(&ps);
    if (root < 0)
        return RH_ESYNTAX;
    skip(&ps);
    if (*ps.p != '\0') {
        fail(&ps, "unexpected text");
        return RH_ESYNTAX;
    }
    return root;
}

int rh__expr_parse(struct rh__kb *kb, const char *text, struct rh_err *err)
{
    return expr_parse(kb, text, false, err);
}

/* ---- evaluation -------------------------------------------------------------- */

/* Numeric value as an interval [*lo, *hi]; returns false when unknown. */
static bool num_value(const struct rh__ctx *c, int field, double *lo, double *hi)
{
    double v = RH_NONE;
    if (field == FLD_CHECKLIST) {
        *lo = c->checklist_warn;
        *hi = c->checklist_warn + c->checklist_unknown;
        return true;
    }
    if (field == FLD_ANSWERED) {
        if (c->pending)
            return false; /* more answers may come: unknown */
        v = c->answered;
    }
    else if (ifield(field))
        v = rh__ifield_num(ifield(field), c->in);
    if (!rh_has(v))
        return false;
    *lo = *hi = v;
    return true;
}

static bool cmp(int op, double a, double b)
{
    switch (op) {
    case OP_GT: return a > b;
    case OP_GE: return a >= b;
    case OP_LT: return a < b;
    case OP_LE: return a <= b;
    default: return a == b;
    }
}

static int eval_atom(const struct rh__ctx *c, const struct rh__node *a)
{
    const struct rh_intake *in = c->in;
    if (a->field == FLD_FLAG)
        return c->flag[a->word];
    if (a->field == FLD_NOTE) /* a note tells it or not: never unknown */
        return (in->note_facts & RH_BIT(a->word)) ? TRI_YES : TRI_NO;
    const struct rh__ifield *f = ifield(a->field);
    if (f && !is_number(a->field)) {
        if (!rh__ifield_answered(f, in))
            return TRI_UNKNOWN;
        switch (f->kind) {
        case RH__IF_LIST:
            if (rh__ifield_mask(f, in) & RH_BIT(a->word))
                return TRI_YES;
            /* a leg growing weaker, or a foot that slaps or catches, is a
             * weak leg too: every rule about a weak leg reads it (the
             * intake keeps the one word the runner gave) */
            if (f->list == RH_INTAKE_LIST_SIGN && a->word == RH_SIGN_WEAK_ONE_SIDE &&
                (rh__ifield_mask(f, in) & RH_BIT(RH_SIGN_WEAK_PROGRESSIVE)))
                return TRI_YES;
            /* a word a screen still to come asks */
            if (c->pending && (c->pending->words[a->field] & RH_BIT(a->word)))
                return TRI_UNKNOWN;
            /* a word whose follow-up screen was skipped or not shown
             * (clicking, locking, numbness; missed periods, ...) is
             * unknown, not "no" */
            return (rh__ifield_unknown(f, in) & RH_BIT(a->word)) ? TRI_UNKNOWN : TRI_NO;
        case RH__IF_ENUM: return rh__ifield_word(f, in) == a->word ? TRI_YES : TRI_NO;
        default: return rh__ifield_word(f, in) ? TRI_YES : TRI_NO; /* RH__IF_TRI */
        }
    }
    double lo, hi, rlo, rhi;
    if (!num_value(c, a->field, &lo, &hi))
        return TRI_UNKNOWN;
    if (a->rhs >= 0) {
        if (!num_value(c, a->rhs, &rlo, &rhi))
            return TRI_UNKNOWN;
        rlo += a->num; /* "key+N" */
        rhi += a->num;
    } else {
        rlo = rhi = a->num;
    }
    /* yes if it holds at every corner of the intervals, no if at none */
    bool all = cmp(a->op, lo, rlo) && cmp(a->op, lo, rhi) && cmp(a->op, hi, rlo) &&
               cmp(a->op, hi, rhi);
    bool any = cmp(a->op, lo, rlo) || cmp(a->op, lo, rhi) || cmp(a->op, hi, rlo) ||
               cmp(a->op, hi, rhi);
    if (a->op == OP_EQ && lo != hi)
        any = true; /* an interval may contain the value */
    return all ? TRI_YES : any ? TRI_UNKNOWN : TRI_NO;
}

/* Was the question of an atom answered at all? */
static bool answered(const struct rh__ctx *c, const struct rh__node *a)
{
    double lo, hi;
    if (a->field == FLD_FLAG)
        return a->word < 0 || c->flag[a->word] != TRI_UNKNOWN;
    if (a->field == FLD_NOTE)
        return true;
    const struct rh__ifield *f = ifield(a->field);
    if (f && f->kind == RH__IF_LIST && a->word >= 0)
        /* ?key:word (session 27, ux27): the word itself was answered, yes
         * or no, not left unknown by a follow-up screen skipped or never
         * shown (a recent birth is not asked of a man): an exception
         * written "!(?history:postpartum & history:postpartum)" holds
         * only when the birth was said, so an unasked word never silences
         * the trigger it guards */
        return rh__ifield_answered(f, c->in) && !(rh__ifield_unknown(f, c->in) & RH_BIT(a->word));
    if (f)
        return rh__ifield_answered(f, c->in);
    return num_value(c, a->field, &lo, &hi);
}

static int expr_value(const struct rh__ctx *c, const struct rh__node *n)
{
    switch (n->kind) {
    case NODE_ATOM: return eval_atom(c, n);
    case NODE_ANSWERED:
        if (answered(c, n))
            return TRI_YES;
        /* a question still to come may yet be answered */
        if (c->pending && ifield(n->field) &&
            (c->pending->key[n->field] ||
             (n->word >= 0 ? c->pending->words[n->field] & RH_BIT(n->word) : c->pending->words[n->field])))
            return TRI_UNKNOWN;
        return TRI_NO;
    case NODE_NOT: {
        int v = rh__expr_eval(c, n->first);
        return v == TRI_UNKNOWN ? TRI_UNKNOWN : !v;
    }
    case NODE_AND: {
        int res = TRI_YES;
        for (int k = n->first; k >= 0; k = c->kb->nodes[k].next) {
            int v = rh__expr_eval(c, k);
            if (v == TRI_NO)
                return TRI_NO;
            if (v == TRI_UNKNOWN)
                res = TRI_UNKNOWN;
        }
        return res;
    }
    case NODE_OR: {
        int res = TRI_NO;
        for (int k = n->first; k >= 0; k = c->kb->nodes[k].next) {
            int v = rh__expr_eval(c, k);
            if (v == TRI_YES)
                return TRI_YES;
            if (v == TRI_UNKNOWN)
                res = TRI_UNKNOWN;
        }
        return res;
    }
    default: { /* NODE_COUNT */
        int yes = 0, unk = 0;
        for (int k = n->first; k >= 0; k = c->kb->nodes[k].next) {
            int v = rh__expr_eval(c, k);
            yes += v == TRI_YES;
            unk += v == TRI_UNKNOWN;
        }
        return yes >= n->num ? TRI_YES : yes + unk < n->num ? TRI_NO : TRI_UNKNOWN;
    }
    }
}

int rh__expr_eval(const struct rh__ctx *c, int node)
{
    const struct rh__node *n = &c->kb->nodes[node];
    if (n->term < 0 || !c->memo)
        return expr_value(c, n);
    signed char *m = &c->memo[n->term];
    if (*m == MEMO_UNSET)
        *m = (signed char)expr_value(c, n);
    return *m;
}

/* How much a yes expression's support is worth when its list answers are
 * ticked wholesale. An atom "list:word" that holds counts dilute/ticked
 * when more than `dilute` words of that list are ticked; "and" needs every
 * part (the weakest counts), "or" takes its best-supported true part; a
 * negated part, a count Nof(...) and every other answer count in full (an
 * absent word is as telling from a runner who ticks much, and Nof is how a
 * rule asks about many ticks on purpose). */
static double dilution(const struct rh__ctx *c, int node)
{
    const struct rh__node *nd = &c->kb->nodes[node];
    switch (nd->kind) {
    case NODE_ATOM: {
        const struct rh__ifield *f = ifield(nd->field);
        double lim = f ? c->kb->dilute[nd->field] : 0;
        if (!f || f->kind != RH__IF_LIST || lim <= 0 || nd->word < 0)
            return 1;
        uint32_t m = rh__ifield_mask(f, c->in);
        int ticked = 0;
        for (; m; m &= m - 1)
            ticked++;
        return ticked > lim ? lim / ticked : 1;
    }
    case NODE_AND: {
        double d = 1;
        for (int k = nd->first; k >= 0; k = c->kb->nodes[k].next) {
            double e = dilution(c, k);
            if (e < d)
                d = e;
        }
        return d;
    }
    case NODE_OR: {
        double d = 0;
        for (int k = nd->first; k >= 0; k = c->kb->nodes[k].next)
            if (rh__expr_eval(c, k) == TRI_YES) {
                double e = dilution(c, k);
                if (e > d)
                    d = e;
            }
        return d > 0 ? d : 1;
    }
    default: return 1; /* NOT, COUNT, ANSWERED */
    }
}

double rh__expr_dilution(const struct rh__ctx *c, int node)
{
    return dilution(c, node);
}

static void fmt_num(char *b, size_t n, double v)
{
    if (v == (long)v)
        snprintf(b, n, "%ld", (long)v);
    else
        snprintf(b, n, "%.1f", v);
}

static void explain_atom(const struct rh__ctx *c, const struct rh__node *a, bool neg, char *out,
                         size_t n)
{
    if (out[0])
        rh_str_appendf(out, n, ", ");
    if (a->field == FLD_FLAG) {
        /* ux28: "red flag ID#MASK": the seen lines of what raised it in
         * this runner (rh__flag_seen_mask), so that the reason says what
         * was ticked, not the flag's whole heading ("new bladder, bowel or
         * nerve trouble in both legs" when only the bladder was) */
        const char *id = c->kb->flags[a->word].id;
        unsigned seen = 0;
        for (int i = 0; !neg && c->out && i < c->out->n_flags && !seen; i++)
            if (strcmp(c->out->flags[i].id, id) == 0)
                seen = rh__flag_seen_mask(id, c->out->flags[i].why);
        if (seen)
            rh_str_appendf(out, n, "red flag %s#%u", id, seen);
        else
            rh_str_appendf(out, n, "%sred flag %s", neg ? "no " : "", id);
        return;
    }
    if (a->field == FLD_NOTE) {
        rh_str_appendf(out, n, "%snote=%s", neg ? "no " : "", rh_note_fact_word(a->word));
        return;
    }
    const struct rh__ifield *f = ifield(a->field);
    if (f && f->kind == RH__IF_TRI) {
        rh_str_appendf(out, n, "%s=%s", f->key, neg ? "no" : "yes");
        return;
    }
    if (f && !is_number(a->field)) {
        const char *w = rh_intake_word((enum rh_intake_list)f->list, a->word);
        if (neg)
            rh_str_appendf(out, n, "%s%s%s", f->key, f->kind == RH__IF_LIST ? " without " : "!=", w);
        else
            rh_str_appendf(out, n, "%s=%s", f->key, w);
        return;
    }
    static const char *const ops[] = {"", ">", ">=", "<", "<=", "=="};
    static const char *const nops[] = {"", "<=", "<", ">=", ">", "!="};
    double lo, hi;
    char v[32], r[128];
    if (a->field == FLD_CHECKLIST)
        snprintf(v, sizeof v, "%d", c->checklist_warn);
    else if (num_value(c, a->field, &lo, &hi))
        fmt_num(v, sizeof v, lo);
    else
        snprintf(v, sizeof v, "?");
    if (a->rhs >= 0) {
        char rv[32] = "?";
        if (num_value(c, a->rhs, &lo, &hi))
            fmt_num(rv, sizeof rv, lo);
        if (a->num > 0) {
            char off[32];
            fmt_num(off, sizeof off, a->num);
            snprintf(r, sizeof r, "%s %s + %s", field_name(a->rhs), rv, off);
        } else {
            snprintf(r, sizeof r, "%s %s", field_name(a->rhs), rv);
        }
    } else {
        fmt_num(r, sizeof r, a->num);
    }
    rh_str_appendf(out, n, "%s=%s (%s %s)", field_name(a->field), v, neg ? nops[a->op] : ops[a->op], r);
}

/* "none of 1of(location:front, ..., location:down_leg)" on a list answered
 * "none of these": "location=none", the answer given, rather than every
 * word denied one by one ("the knee does not hurt" when the runner only
 * found no place on the list; review 10 #1). */
static bool explain_none(const struct rh__ctx *c, const struct rh__node *nd, char *out, size_t n)
{
    int field = -1;
    for (int k = nd->first; k >= 0; k = c->kb->nodes[k].next) {
        const struct rh__node *a = &c->kb->nodes[k];
        if (a->kind != NODE_ATOM || (field >= 0 && a->field != field))
            return false;
        field = a->field;
    }
    const struct rh__ifield *f = field >= 0 ? ifield(field) : NULL;
    if (!f || f->kind != RH__IF_LIST || !rh__ifield_answered(f, c->in) ||
        rh__ifield_mask(f, c->in) != 0)
        return false;
    rh_str_appendf(out, n, "%s%s=none", out[0] ? ", " : "", f->key);
    return true;
}

/* An AND of two or more tests besides "answered" guards: the body of an
 * exception "!(...)" (session 11, branch rev11c; explain below). */
static bool is_exception(const struct rh__kb *kb, int node)
{
    const struct rh__node *nd = &kb->nodes[node];
    if (nd->kind != NODE_AND)
        return false;
    int tests = 0;
    for (int k = nd->first; k >= 0; k = kb->nodes[k].next)
        if (kb->nodes[k].kind != NODE_ANSWERED)
            tests++;
    return tests >= 2;
}

/* exc: inside an exception "!(A & B ...)" that does not apply (session 11,
 * branch rev11c, review 11 #2). A reason names only what supports the
 * conclusion: a finding present there still counts (night pain that rules
 * out "rest stiffness with no night pain"), a number that only misses the
 * exception's threshold does not ("weekly distance changed by 0%", from
 * "not soreness after a race or a big week", read as a reason for a stress
 * fracture). A guarded single test, "!(?key & key<=7)", is no exception and
 * still names its answer. */
static void explain_exception(const struct rh__ctx *c, int node, char *out, size_t n);

static void explain(const struct rh__ctx *c, int node, bool neg, bool exc, char *out, size_t n)
{
    const struct rh__node *nd = &c->kb->nodes[node];
    switch (nd->kind) {
    case NODE_ATOM:
        if (exc && nd->field != FLD_FLAG && nd->field != FLD_NOTE && is_number(nd->field))
            return;
        explain_atom(c, nd, neg, out, n);
        return;
    case NODE_ANSWERED: {
        const char *key = field_name(nd->field);
        rh_str_appendf(out, n, "%s%s %s", out[0] ? ", " : "", key, neg ? "not answered" : "answered");
        return;
    }
    case NODE_NOT:
        if (!neg && is_exception(c->kb, nd->first)) {
            explain_exception(c, nd->first, out, n);
            return;
        }
        explain(c, nd->first, !neg, exc || is_exception(c->kb, nd->first), out, n);
        return;
    case NODE_COUNT:
        if (neg && explain_none(c, nd, out, n))
            return;
        /* fall through */
    default: {
        /* the children that hold the result in the direction it went */
        int want = neg ? TRI_NO : TRI_YES;
        for (int k = nd->first; k >= 0; k = c->kb->nodes[k].next)
            if (rh__expr_eval(c, k) == want)
                explain(c, k, neg, exc, out, n);
        return;
    }
    }
}

/* session 20 (branch diary24): an exception "!(A & !B & ...)" that does
 * not apply because a test it requires fails (A: not a race, not a problem
 * of months) is explained by that failure alone; a finding that would also
 * have ruled it out (B present: "!@bone_risk_history" inside "not the
 * soreness after a race") is said as a reason only when nothing else
 * does; else it stays in the answers marked "also " (the diary still reads
 * a sign among them as the entry's, new_note_reason in src/plan/triage.c). Else a
 * diary's night pain was said to be "because ... your periods have
 * stopped", a history that only kept race soreness from excusing it. */
static void explain_exception(const struct rh__ctx *c, int node, char *out, size_t n)
{
    const struct rh__node *nd = &c->kb->nodes[node];
    bool required_fails = false;
    for (int k = nd->first; k >= 0; k = c->kb->nodes[k].next)
        if (c->kb->nodes[k].kind != NODE_NOT && c->kb->nodes[k].kind != NODE_ANSWERED &&
            rh__expr_eval(c, k) == TRI_NO)
            required_fails = true;
    for (int k = nd->first; k >= 0; k = c->kb->nodes[k].next) {
        if (rh__expr_eval(c, k) != TRI_NO)
            continue;
        if (!(required_fails && c->kb->nodes[k].kind == NODE_NOT)) {
            explain(c, k, true, true, out, n);
            continue;
        }
        /* kept in the list, marked "also " (what the diary reads of it,
         * a sign among the answers, stays), but not said as a reason
         * (rh_assess_flag_because's seen_item leaves it out) */
        char aside[RH_ASSESS_LEVEL_WHY_LEN];
        aside[0] = '\0';
        explain(c, k, true, true, aside, sizeof aside);
        int depth = 0;
        const char *start = aside;
        for (const char *p = aside;; p++) {
            if (*p == '(')
                depth++;
            else if (*p == ')' && depth)
                depth--;
            if (*p && !(*p == ',' && !depth))
                continue;
            while (*start == ' ')
                start++;
            if (p > start)
                rh_str_appendf(out, n, "%salso %.*s", out[0] ? ", " : "", (int)(p - start), start);
            if (!*p)
                break;
            start = p + 1;
        }
    }
}

void rh__expr_explain(const struct rh__ctx *c, int node, char *out, size_t n)
{
    if (n)
        out[0] = '\0';
    explain(c, node, false, false, out, n);
    /* the loader sized every rule's answers below the buffers (explain_bound)
     * and records any that is not; a full buffer is cut at a word */
    if (n > 8 && strlen(out) + 1 >= n)
        rh__text_fit(out, n, (int)n);
}

/* The topic key of one word of an answered list whose screen was skipped or
 * not shown (review 10 #13): "character.numbness", so that "Answering these
 * would help most" names the question still open, never the one answered
 * ("what the pain feels like"); NULL when data/wording.txt [topic] has no
 * words for it. A word of the health history that the questionnaire never
 * asks of this runner (its screen's ask_if and never_if lines: periods are
 * not asked of a man, breastfeeding not of a runner under 16; eating too
 * little is asked of everyone since runner23b) is no open question for them (runner23: a man of 63 was told
 * that "whether you eat less than your training needs" would help most, a
 * question he had never been shown; the sex was written here again). The
 * same for a word of what the pain feels like (polish29: numbness was named
 * for groin pain alone, whose nerve screen the questionnaire never shows). */
#define CT(n, w) "character." #w,
#define HT(n, w) "history." #w,
static const char *const char_topic[] = {RH_CHARACTER_WORDS(CT)};
static const char *const hist_topic[] = {RH_HISTORY_WORDS(HT)};
#undef CT
#undef HT
static const char *word_topic(const struct rh__ctx *c, const struct rh__ifield *f, int word)
{
    const char *k = NULL;
    if (f->list == RH_INTAKE_LIST_CHARACTER && word >= 0 &&
        word < (int)(sizeof char_topic / sizeof *char_topic) &&
        rh__quest_word_offered(f, word, c->in) != 0)
        k = char_topic[word];
    else if (f->list == RH_INTAKE_LIST_HISTORY && word >= 0 &&
             word < (int)(sizeof hist_topic / sizeof *hist_topic) &&
             rh__quest_word_offered(f, word, c->in) != 0)
        k = hist_topic[word];
    return k && rh_words("topic", k) ? k : NULL;
}

void rh__expr_unknown_keys(const struct rh__ctx *c, int node, void (*cb)(void *, const char *),
                           void *arg)
{
    const struct rh__node *nd = &c->kb->nodes[node];
    if (nd->kind == NODE_ANSWERED)
        return;
    if (nd->kind == NODE_ATOM) {
        if (eval_atom(c, nd) != TRI_UNKNOWN || nd->field == FLD_FLAG || nd->field == FLD_ANSWERED)
            return;
        if (nd->field == FLD_CHECKLIST) {
            for (int i = 0; i < RH_CHECK__COUNT; i++)
                if (c->in->check[i] < 0)
                    cb(arg, check_keys[i]);
        } else {
            const struct rh__ifield *f = ifield(nd->field);
            if (f && f->kind == RH__IF_LIST && rh__ifield_answered(f, c->in)) {
                /* the list was answered: only this word is open */
                const char *k = word_topic(c, f, nd->word);
                if (k)
                    cb(arg, k);
                return;
            }
            /* a comparison of two answers ("pain_now>=pain_worst+2") is
             * open for the side not answered only: the worst pain given is
             * never asked again (session 11, integration) */
            if (!f || !rh__ifield_answered(f, c->in))
                cb(arg, field_name(nd->field));
            if (nd->rhs >= 0 && nd->rhs != FLD_CHECKLIST && nd->rhs != FLD_ANSWERED) {
                const struct rh__ifield *rf = ifield(nd->rhs);
                if (!rf || !rh__ifield_answered(rf, c->in))
                    cb(arg, field_name(nd->rhs));
            }
        }
        return;
    }
    for (int k = nd->first; k >= 0; k = c->kb->nodes[k].next)
        if (rh__expr_eval(c, k) == TRI_UNKNOWN)
            rh__expr_unknown_keys(c, k, cb, arg);
}

/* The longest text explain() can write for an expression, whatever the
 * answers: every atom at most once (the tree is walked once), each at its
 * longest (a negated list word, the longest word of its list, a number of
 * the 31 characters explain_atom keeps), with its ", " separator. The
 * loader checks every line the engine can show against its buffer with it,
 * so no explanation is ever cut. */
/* The widest a number answer is written (fmt_num: an integer, or one
 * decimal), from its range in the key table; "?" when unanswered. */
static size_t num_width(int field)
{
    const struct rh__ifield *f = ifield(field);
    if (!f)
        return 3; /* checklist warnings, answered keys: small counts */
    int a = snprintf(NULL, 0, "%.1f", f->min), b = snprintf(NULL, 0, "%.1f", f->max);
    return (size_t)(a > b ? a : b);
}

/* Whether a count Nof(...) names every word of one list answer and nothing
 * else: none of them holding is then that list answered "none of these",
 * which explain_none writes as "key=none". */
static bool count_covers_list(const struct rh__kb *kb, const struct rh__node *nd, int *field)
{
    uint32_t seen = 0;
    *field = -1;
    for (int k = nd->first; k >= 0; k = kb->nodes[k].next) {
        const struct rh__node *a = &kb->nodes[k];
        if (a->kind != NODE_ATOM || a->word < 0 || (*field >= 0 && a->field != *field))
            return false;
        *field = a->field;
        seen |= (uint32_t)1 << a->word;
    }
    const struct rh__ifield *f = *field >= 0 ? ifield(*field) : NULL;
    if (!f || f->kind != RH__IF_LIST)
        return false;
    int n = rh_intake_word_count((enum rh_intake_list)f->list);
    return n < 32 && seen == (((uint32_t)1 << n) - 1);
}

static size_t explain_bound_dir(const struct rh__kb *kb, int node, bool neg, bool exc);

static size_t explain_bound(const struct rh__kb *kb, int node)
{
    return explain_bound_dir(kb, node, false, false);
}

/* explain_bound in the direction the node is explained (neg: under a "!";
 * exc: inside an exception, where explain() writes no number) */
static size_t explain_bound_dir(const struct rh__kb *kb, int node, bool neg, bool exc)
{
    const struct rh__node *nd = &kb->nodes[node];
    size_t sep = 2, n = 0;
    switch (nd->kind) {
    case NODE_ATOM: {
        const struct rh__ifield *f = ifield(nd->field);
        if (nd->field == FLD_FLAG) {
            /* "no red flag ID", or "red flag ID#MASK" (explain_atom) */
            const struct rh__flag *fl =
                nd->word >= 0 && nd->word < kb->n_flags ? &kb->flags[nd->word] : NULL;
            size_t id = fl ? strlen(fl->id) : KB_ID - 1;
            unsigned most = fl && fl->n_seen < 32 ? (1u << fl->n_seen) - 1 : 0xffffffffu;
            return sep + id +
                   (neg ? strlen("no red flag ")
                        : strlen("red flag #") + (size_t)snprintf(NULL, 0, "%u", most));
        }
        if (nd->field == FLD_NOTE)
            return sep + strlen("no note=") + strlen(rh_note_fact_word(nd->word));
        if (exc && is_number(nd->field))
            return 0; /* as explain(): a number missing an exception's threshold */
        if (f && f->kind == RH__IF_TRI)
            return sep + strlen(f->key) + strlen("=yes");
        if (f && !is_number(nd->field)) {
            /* explain_atom writes the atom's own word: "key=w", or under
             * a "!" "key without w" (a list) or "key!=w" (session 14,
             * branch flagexc: the bound was the longest word of the list
             * and " without " for every atom, far above what is written) */
            const char *word = rh_intake_word((enum rh_intake_list)f->list, nd->word);
            size_t w = word ? strlen(word) : 0;
            for (int i = 0; !word && i < rh_intake_word_count((enum rh_intake_list)f->list); i++) {
                size_t l = strlen(rh_intake_word((enum rh_intake_list)f->list, i));
                w = l > w ? l : w; /* no word of its own (never in the shipped base) */
            }
            const char *op = !neg ? "=" : f->kind == RH__IF_LIST ? " without " : "!=";
            return sep + strlen(f->key) + strlen(op) + w;
        }
        /* "key=V (op R)": V the answer's number, R the rule's number or
         * "key V" for a compared answer */
        size_t r = nd->rhs >= 0 ? strlen(field_name(nd->rhs)) + 1 + num_width(nd->rhs) +
                                      (nd->num > 0 ? strlen(" + ") + (size_t)snprintf(NULL, 0, "%.1f", nd->num) : 0)
                                : (size_t)snprintf(NULL, 0, "%.1f", nd->num);
        return sep + strlen(field_name(nd->field)) + strlen("= (>= )") + num_width(nd->field) + r;
    }
    case NODE_ANSWERED: return sep + strlen(field_name(nd->field)) + strlen(" not answered");
    case NODE_NOT:
        return explain_bound_dir(kb, nd->first, !neg, exc || is_exception(kb, nd->first));
    case NODE_COUNT: {
        int field;
        if (neg && count_covers_list(kb, nd, &field))
            return sep + strlen(field_name(field)) + strlen("=none");
    }
        /* fall through */
    default:
        for (int k = nd->first; k >= 0; k = kb->nodes[k].next)
            n += explain_bound_dir(kb, k, neg, exc);
        return n;
    }
}

int rh__pain_group(const char *kind)
{
    static const struct {
        const char *word;
        int group;
    } map[] = {{"muscle", 0}, {"tendon", 0}, {"bursa", 0}, {"band", 0},  {"joint", 1},
               {"bone", 1},   {"nerve", 2},  {"other", -1}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(kind, map[i].word) == 0)
            return map[i].group;
    return -2;
}

/* A condition's kind of pain in words: "tendon pain"; the iliotibial band
 * is neither a muscle nor a tendon (review 7 B16). */
const char *rh__pain_words(const char *kind)
{
    static const struct {
        const char *word, *text;
    } map[] = {{"muscle", "muscle pain"}, {"tendon", "tendon pain"},
               {"bursa", "bursa pain"},   {"band", "pain where the band of tough tissue at the side of the thigh presses at the knee, not a tendon"},
               {"joint", "joint pain"},   {"bone", "bone pain"},
               {"nerve", "nerve pain"},   {"other", "other pain"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(kind, map[i].word) == 0)
            return map[i].text;
    return kind;
}

/* ---- the files ------------------------------------------------------------------ */

struct reader {
    struct rh__kb *kb;
    const char *file;
    int which; /* 0 conditions, 1 red flags, 2 rules, 3 terms */
};

static int level_of(const char *const *names, int count, const char *s, size_t n)
{
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return i;
    return -1;
}

/* Copies s[0..n) without its surrounding blanks into dst (size cap).
 * Returns the trimmed length; the copy is complete only if it is below cap
 * (callers treat a longer value as an error, never cut it silently). */
static size_t copy_trim(char *dst, size_t cap, const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    size_t full = n;
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
    return full;
}

/* A text field of the knowledge base: the trimmed value must fit its
 * buffer; an overlong one is a loader error naming the file, the line and
 * the field (a reason or source cut in the middle would be shown to the
 * runner as if whole). */
static int set_text(const struct reader *r, const char *what, char *dst, size_t cap, const char *s,
                    size_t n, long line, struct rh_err *err)
{
    size_t len = copy_trim(dst, cap, s, n);
    if (len < cap)
        return 0;
    return rh_err_setl(err, RH_EFORMAT, line,
                       "%s line %ld: the %s is %zu bytes long, more than the %zu the engine "
                       "keeps (shorten it, or raise the limit in src/assess/assess_int.h)",
                       r->file, line, what, len, cap - 1);
}

#define KB_PART (KB_TEXT * 2) /* one '|'-separated part of a line */
#define KB_MAX_PARTS 64

/* Splits "a | b | c | d" into up to max trimmed parts; returns the count,
 * or -1 when a part is longer than KB_PART - 1 bytes or there are more than
 * max parts (*bad is then the offending part's length, or 0 for too many
 * parts). */
static int split_bar(const char *v, char parts[][KB_PART], int max, size_t *bad)
{
    int k = 0;
    const char *s = v;
    for (;;) {
        const char *bar = strchr(s, '|');
        /* "|" inside an expression: the expression is the second part, and
         * may itself use '|'; so the reason and source are the last two */
        size_t n = bar ? (size_t)(bar - s) : strlen(s);
        if (k >= max) {
            *bad = 0;
            return -1;
        }
        size_t len = copy_trim(parts[k++], KB_PART, s, n);
        if (len >= KB_PART) {
            *bad = len;
            return -1;
        }
        if (!bar)
            return k;
        s = bar + 1;
    }
}

static int split_error(const struct reader *r, size_t bad, long line, struct rh_err *err)
{
    if (bad)
        return rh_err_setl(err, RH_EFORMAT, line,
                           "%s line %ld: a part between '|' is %zu bytes long, more than the %d "
                           "the engine keeps (shorten it)",
                           r->file, line, bad, KB_PART - 1);
    return rh_err_setl(err, RH_EFORMAT, line, "%s line %ld: more than %d parts between '|'",
                       r->file, line, KB_MAX_PARTS);
}

/* The longest line the engine can show for a rule (src/assess/assess.c
 * writes these formats; the rule's own level name, KB_LEVEL_NAME only for
 * a rule without one; KB_NAME bounds a condition's name, which a
 * [shown_as] line may replace), against the buffer it goes to: a
 * condition's own reasons RH_ASSESS_WHY_LEN, a level's reason
 * RH_ASSESS_LEVEL_WHY_LEN (session 14). A line that could pass its
 * buffer is not refused (a refused base fails every assessment): the
 * longest is recorded in kb->too_long, the engine cuts it at a word if it
 * ever happens (rh__text_fit), and test_assess checks that the compiled-in
 * base has none, so no explanation shown is ever cut. A red flag's reason
 * holds its longest trigger and, since only an escalation above the level
 * reached so far is added, the longest escalation to each higher level
 * ("; raised to LEVEL: ..."), in RH_ASSESS_FLAG_WHY_LEN: a flag whose
 * reason could pass it is refused with its figures (review 12: a flag's
 * reason is the safety-relevant one, and a limit met by a new rule is said
 * where the rule is written, not found by a test); so is a flag's exception
 * (unless =, said once when it sets the flag aside, session 14). 0 or
 * RH_ELIMIT. */
#define KB_LEVEL_NAME 16
static int check_shown_length(struct reader *r, const struct rh__rule *rule, long line,
                              struct rh_err *err)
{
    size_t base = strlen(rule->reason) + strlen(rule->source) +
                  explain_bound(r->kb, rule->expr);
    size_t need = 0, cap = RH_ASSESS_WHY_LEN;
    char w[64];
    /* the rule's own level is the one written (lv_finish, "; raised to"):
     * its name, not the longest a level could have (session 14) */
    bool run = rule->kind == RULE_RUN_IF || rule->kind == RULE_USUAL_RUN_IF ||
               rule->kind == RULE_RUN || rule->kind == RULE_FLAG_RUN ||
               rule->kind == RULE_UNRANKED_RUN;
    size_t lvname = rule->level >= 0 && rule->level < (run ? RH_RUNNING__COUNT : RH_DISP__COUNT)
                        ? strlen((run ? rh__running_names : rh__disposition_names)[rule->level])
                        : KB_LEVEL_NAME;
    switch (rule->kind) {
    case RULE_FEATURE: /* "%+.1f %s: %s [%s]" */
        need = (size_t)snprintf(w, sizeof w, "%+.1f", rule->weight) + base + strlen(" :  []");
        break;
    case RULE_ESCALATE: /* "LEVEL: NAME: reason (answers: A) [S]" (a level's reason) */
    case RULE_RUN_IF:
    case RULE_USUAL_IF:
    case RULE_USUAL_RUN_IF:
    case RULE_UNRANKED_RUN: /* "LEVEL: NAME: reason (answers: A) [S]" (assess.c, decide) */
    case RULE_RUNNER_UP_CARE: /* the same (assess.c, decide) */
    case RULE_FLAG_RUN: /* "LEVEL: red flag ID=SEEN: reason (answers: A) [S]" (assess.c, decide) */
        need = lvname + 2 + (KB_NAME - 1) + 2 + base + strlen(" (answers: ) []");
        cap = RH_ASSESS_LEVEL_WHY_LEN;
        break;
    case RULE_DISP: /* "LEVEL: reason (answers: A) [S]" */
    case RULE_RUN:
        need = lvname + 2 + base + strlen(" (answers: ) []");
        cap = RH_ASSESS_LEVEL_WHY_LEN;
        break;
    case RULE_ADVICE:   /* "reason (answers: A) [S]" */
    case RULE_FLAG_ADVICE: /* the same (src/assess/assess.c, advise) */
    case RULE_UNRANKED: /* the same (src/assess/assess.c, unranked) */
    case RULE_CARE_PELVIC: /* not shown: it only changes the booking's words */
    case RULE_CARE_POSTNATAL:
        need = base + strlen(" (answers: ) []");
        break;
    case RULE_CLEAR: /* "reason [S]" (rh_assessment.clearance_need): no answers */
        need = strlen(rule->reason) + strlen(rule->source) + strlen(" []");
        break;
    case RULE_NAME: /* a name, shown where the condition's name is (at most KB_NAME) */
        need = 0;
        break;
    case RULE_KEEP: /* "KEEP_PREFIX reason (answers: A) [S]" (src/assess/assess.c) */
        need = strlen(RH__KEEP_PREFIX) + base + strlen(" (answers: ) []");
        break;
    case RULE_PAIN: /* "GROUP: A: reason [S]" */
        need = strlen("muscle") + 2 + base + strlen(":  []");
        break;
    case RULE_FLAG_UNLESS: /* "reason (answers: A) [S]" (rh_assessment.set_aside), refused
                            * as a flag's reason is: it says why a flag was not raised */
        need = base + strlen(" (answers: ) []");
        cap = RH_ASSESS_FLAG_WHY_LEN;
        if (need >= cap)
            return rh_err_setl(err, RH_ELIMIT, line,
                               "%s line %ld: the exception of red flag [%s] could be %zu bytes "
                               "long (its reason with its answers and source), more than the "
                               "%zu the engine keeps (shorten the reason or the expression, or "
                               "raise RH_ASSESS_FLAG_WHY_LEN in include/runhip/assess.h)",
                               r->file, line, r->kb->flags[rule->owner].id, need, cap - 1);
        return 0;
    case RULE_TRIGGER:
    case RULE_FLAG_ESC: {
        struct rh__flag *f = &r->kb->flags[rule->owner];
        size_t one = base + strlen(" (answers: ) []");
        if (rule->kind == RULE_TRIGGER && one > f->why_trigger_max)
            f->why_trigger_max = one;
        assert(rule->level >= 0 && rule->level < RH_DISP__COUNT);
        if (rule->kind == RULE_FLAG_ESC) {
            size_t raised = strlen("; raised to : ") + lvname + one;
            if (raised > f->why_raised[rule->level])
                f->why_raised[rule->level] = raised;
        }
        need = f->why_trigger_max;
        for (int l = f->disposition + 1; l < RH_DISP__COUNT; l++)
            need += f->why_raised[l];
        cap = RH_ASSESS_FLAG_WHY_LEN;
        if (need >= cap)
            return rh_err_setl(err, RH_ELIMIT, line,
                               "%s line %ld: the reason of red flag [%s] could be %zu bytes long "
                               "(its longest trigger and its longest escalation to each higher "
                               "level, with their answers and sources), more than the %zu the "
                               "engine keeps (shorten a reason or an expression, or raise "
                               "RH_ASSESS_FLAG_WHY_LEN in include/runhip/assess.h)",
                               r->file, line, f->id, need, cap - 1);
        return 0;
    }
    default: return 0; /* hop safety: never shown */
    }
    if (need < cap ||
        (r->kb->too_long.need && need - cap <= r->kb->too_long.need - r->kb->too_long.cap))
        return 0;
    r->kb->too_long.need = need;
    r->kb->too_long.cap = cap;
    r->kb->too_long.file = r->file;
    r->kb->too_long.line = line;
    return 0;
}

/* The expression of "HEAD | EXPR | reason | source" (parts first .. n-3,
 * the expression's own '|' put back; first is 0 for a line without a
 * HEAD, "unless = EXPR | reason | source") into out (size cap). */
static int join_expr(const struct reader *r, char parts[][KB_PART], int first, int n, char *out,
                     size_t cap, long line, struct rh_err *err)
{
    out[0] = '\0';
    for (int i = first; i < n - 2; i++) {
        size_t len = strlen(out);
        int w = snprintf(out + len, cap - len, "%s%s", i > first ? " | " : "", parts[i]);
        if (w < 0 || (size_t)w >= cap - len)
            return rh_err_setl(err, RH_EFORMAT, line,
                               "%s line %ld: the expression is longer than the %zu bytes the "
                               "engine keeps (split it, or raise the limit in "
                               "src/assess/assess_kb.c)",
                               r->file, line, cap - 1);
    }
    return 0;
}

/* A reason's "@name": the named term's meaning, so a phrase several
 * reasons share is written once (with its term). An unknown name is a
 * loader error; the result must fit out (size cap). */
static int reason_phrases(struct reader *r, const char *in, char *out, size_t cap, long line,
                          struct rh_err *err)
{
    size_t n = 0;
    for (const char *p = in; *p;) {
        const char *piece = p;
        size_t len = 1;
        if (*p == '@') {
            const char *s = p + 1;
            while (is_ident((unsigned char)*s))
                s++;
            size_t nl = (size_t)(s - p - 1);
            struct rh__term *t = find_term(r->kb, p + 1, nl);
            if (!t)
                return rh_err_setl(err, RH_ESYNTAX, line,
                                   "%s line %ld: unknown term '@%.*s' in the reason (declare it "
                                   "in data/terms.txt)",
                                   r->file, line, (int)nl, p + 1);
            t->used = true;
            piece = t->meaning;
            len = strlen(t->meaning);
            p = s;
        } else {
            p++;
        }
        if (n + len >= cap)
            return rh_err_setl(err, RH_EFORMAT, line,
                               "%s line %ld: the reason with its terms' words is longer than the "
                               "%zu bytes the engine keeps",
                               r->file, line, cap - 1);
        memcpy(out + n, piece, len);
        n += len;
    }
    out[n] = '\0';
    return 0;
}

/* A rule line: HEAD | EXPR (may contain |) | reason | source. */
static int add_rule(struct reader *r, int kind, int owner, const char *value, bool level_is_run,
                    bool head_is_level, long line, struct rh_err *err)
{
    struct rh__kb *kb = r->kb;
    char parts[KB_MAX_PARTS][KB_PART];
    size_t bad;
    int n = split_bar(value, parts, KB_MAX_PARTS, &bad);
    if (n < 0)
        return split_error(r, bad, line, err);
    /* "unless = EXPRESSION | reason | source" has no HEAD (session 14) */
    int first = kind == RULE_FLAG_UNLESS ? 0 : 1;
    if (n < 3 + first || (!first && !parts[0][0]))
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected '%sEXPRESSION | reason | source'",
                           r->file, first ? "HEAD | " : "");
    if (kb->n_rules >= KB_MAX_RULES)
        return rh_err_setl(err, RH_ELIMIT, line, "%s: too many rules", r->file);
    struct rh__rule *rule = &kb->rules[kb->n_rules];
    memset(rule, 0, sizeof *rule);
    rule->kind = (uint8_t)kind;
    rule->owner = (int16_t)owner;
    if (kind == RULE_KEEP || kind == RULE_NAME) {
        rule->owner = -1;
        for (int i = 0; i < kb->n_conds; i++)
            if (strcmp(kb->conds[i].id, parts[0]) == 0)
                rule->owner = (int16_t)i;
        if (rule->owner < 0)
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: unknown condition '%s'", r->file,
                               parts[0]);
    } else if (kind == RULE_HOP_UNSAFE) {
        /* "unsafe = test_KEY ... | EXPRESSION | reason | source": the
         * loading self-tests the line holds (session 22, runner22b) */
        size_t tl = strlen(parts[0]);
        if (!tl || tl >= sizeof rule->tests)
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected 'unsafe = test_KEY ... | "
                               "EXPRESSION | reason | source'", r->file);
        memcpy(rule->tests, parts[0], tl + 1);
        for (const char *t = rule->tests; *t;) {
            size_t k = strcspn(t, " ");
            char key[KB_ID];
            const struct rh__ifield *f = NULL;
            if (k && k < sizeof key) {
                memcpy(key, t, k);
                key[k] = '\0';
                f = rh__ifield_find(key);
            }
            if (!f || f->kind != RH__IF_TRI || strncmp(f->key, "test_", 5) != 0)
                return rh_err_setl(err, RH_ESYNTAX, line, "%s: '%.*s' is not a self-test's key "
                                   "(test_KEY, a yes/no question)", r->file, (int)k, t);
            t += k;
            t += strspn(t, " ");
        }
        rule->level = -1;
    } else if (kind == RULE_CITE_IF) {
        /* "cite_if = KEY | EXPRESSION | reason | source" (session 18) */
        size_t kl = strlen(parts[0]);
        if (!kl || kl >= sizeof rule->cite || strpbrk(parts[0], "; "))
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected 'cite_if = KEY | EXPRESSION | "
                               "reason | source' (KEY one source key of data/references.txt)",
                               r->file);
        memcpy(rule->cite, parts[0], kl + 1);
        rule->level = -1;
    } else if (!first) {
        rule->level = -1; /* no level: an exception */
    } else if (head_is_level) {
        const char *const *names = level_is_run ? rh__running_names : rh__disposition_names;
        int count = level_is_run ? RH_RUNNING__COUNT : RH_DISP__COUNT;
        rule->level = level_of(names, count, parts[0], strlen(parts[0]));
        if (rule->level < 0)
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: unknown level '%s'", r->file, parts[0]);
    } else if (rh_parse_double(parts[0][0] == '+' ? parts[0] + 1 : parts[0], &rule->weight)) {
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: bad weight '%s'", r->file, parts[0]);
    }
    char expr[KB_TEXT * 4];
    if (join_expr(r, parts, first, n, expr, sizeof expr, line, err))
        return RH_EFORMAT;
    struct rh_err e2;
    rh_err_clear(&e2);
    int root = rh__expr_parse(kb, expr, &e2);
    if (root < 0)
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: %s", r->file, e2.msg);
    rule->expr = (int16_t)root;
    char reason[KB_PART];
    int rc = reason_phrases(r, parts[n - 2], reason, sizeof reason, line, err);
    if (rc)
        return rc;
    if (set_text(r, "reason", rule->reason, sizeof rule->reason, reason, strlen(reason), line,
                 err) ||
        set_text(r, "source", rule->source, sizeof rule->source, parts[n - 1], strlen(parts[n - 1]),
                 line, err))
        return RH_EFORMAT;
    if (!rule->reason[0] || !rule->source[0])
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: every rule needs a reason and a source",
                           r->file);
    rc = check_shown_length(r, rule, line, err);
    if (rc)
        return rc;
    kb->n_rules++;
    return 0;
}

/* "level | source": each level line has its own source; a second line
 * for the same level is an error (it would silently replace the first). */
/* A red flag's "title = TITLE | SOURCE" or "seen = ANSWER | TITLE | SOURCE"
 * (review 9 #5): ANSWER is an intake key ("age") or KEY:WORD
 * ("signs:night_sweats"), as the flag's "(answers: ...)" write it. */
static int flag_title(struct reader *r, struct rh__flag *f, bool seen, const char *v, long line,
                      struct rh_err *err)
{
    char parts[4][KB_PART];
    size_t bad;
    int n = split_bar(v, parts, 4, &bad);
    if (n < 0)
        return split_error(r, bad, line, err);
    if (n != (seen ? 3 : 2) || !parts[0][0] || !parts[n - 1][0] || (seen && !parts[1][0]))
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected '%s'", r->file,
                           seen ? "ANSWER | title | source" : "title | source");
    if (!seen) {
        if (f->title[0])
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: [%s] title given twice", r->file, f->id);
        if (set_text(r, "title", f->title, sizeof f->title, parts[0], strlen(parts[0]), line, err) ||
            set_text(r, "source", f->title_source, sizeof f->title_source, parts[1],
                     strlen(parts[1]), line, err))
            return RH_EFORMAT;
        return 0;
    }
    if (f->n_seen >= KB_MAX_SEEN)
        return rh_err_setl(err, RH_ELIMIT, line, "%s: [%s] too many seen lines", r->file, f->id);
    /* KEY, KEY:WORD or KEY<=N / KEY>=N, several joined by " & " (all seen) */
    for (const char *p = parts[0]; *p; p++) {
        bool cmp = (p[0] == '<' || p[0] == '>') && p[1] == '=' && p > parts[0] &&
                   ((p[2] >= '0' && p[2] <= '9') || p[2] == '-');
        if (cmp) {
            p += 2; /* the number follows */
            continue;
        }
        if (!(*p == '_' || *p == ':' || *p == '.' || *p == '&' || *p == ' ' ||
              (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
            return rh_err_setl(err, RH_ESYNTAX, line,
                               "%s: seen answer '%s' is not KEY, KEY:WORD or KEY<=N, joined by &",
                               r->file, parts[0]);
    }
    if (set_text(r, "seen answer", f->seen[f->n_seen].answer, sizeof f->seen[0].answer, parts[0],
                 strlen(parts[0]), line, err) ||
        set_text(r, "seen title", f->seen[f->n_seen].title, sizeof f->seen[0].title, parts[1],
                 strlen(parts[1]), line, err))
        return RH_EFORMAT;
    f->n_seen++;
    return 0;
}

/* "low = LEVEL | RUNNING | advice | source" of a [flag] (session 12,
 * branch flaginfo): the flag raised by a trigger below its disposition, at
 * LEVEL, sets the running minimum RUNNING and shows this advice in place
 * of the flag's own. LEVEL is below the flag's disposition (given first),
 * once per level. */
static int flag_low(struct reader *r, struct rh__flag *f, const char *v, long line,
                    struct rh_err *err)
{
    char parts[6][KB_PART];
    size_t bad;
    int n = split_bar(v, parts, 6, &bad);
    if (n < 0)
        return split_error(r, bad, line, err);
    if (n != 4 || !parts[2][0] || !parts[3][0])
        return rh_err_setl(err, RH_ESYNTAX, line,
                           "%s: expected 'low = LEVEL | RUNNING | advice | source'", r->file);
    int lv = level_of(rh__disposition_names, RH_DISP__COUNT, parts[0], strlen(parts[0]));
    int run = level_of(rh__running_names, RH_RUNNING__COUNT, parts[1], strlen(parts[1]));
    if (lv < 0 || run < 0)
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: unknown level '%s'", r->file,
                           lv < 0 ? parts[0] : parts[1]);
    if (f->disposition < 0 || lv >= f->disposition)
        return rh_err_setl(err, RH_ESYNTAX, line,
                           "%s: 'low' needs the flag's disposition first and a level below it",
                           r->file);
    if (f->low[lv].set)
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: 'low = %s' given twice", r->file, parts[0]);
    if (set_text(r, "advice", f->low[lv].advice, sizeof f->low[lv].advice, parts[2],
                 strlen(parts[2]), line, err) ||
        set_text(r, "source", f->low[lv].source, sizeof f->low[lv].source, parts[3],
                 strlen(parts[3]), line, err))
        return RH_EFORMAT;
    f->low[lv].running = run;
    f->low[lv].set = true;
    return 0;
}

/* "high = LEVEL | advice | source" of a [flag] (session 19, fix19c): the
 * flag escalated to LEVEL or above shows this advice in place of its own.
 * LEVEL is above the flag's disposition (given first), once per level. */
static int flag_high(struct reader *r, struct rh__flag *f, const char *v, long line,
                     struct rh_err *err)
{
    char parts[5][KB_PART];
    size_t bad;
    int n = split_bar(v, parts, 5, &bad);
    if (n < 0)
        return split_error(r, bad, line, err);
    if (n != 3 || !parts[1][0] || !parts[2][0])
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected 'high = LEVEL | advice | source'",
                           r->file);
    int lv = level_of(rh__disposition_names, RH_DISP__COUNT, parts[0], strlen(parts[0]));
    if (lv < 0)
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: unknown level '%s'", r->file, parts[0]);
    if (f->disposition < 0 || lv <= f->disposition)
        return rh_err_setl(err, RH_ESYNTAX, line,
                           "%s: 'high' needs the flag's disposition first and a level above it",
                           r->file);
    if (f->high[lv].set)
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: 'high = %s' given twice", r->file, parts[0]);
    if (set_text(r, "advice", f->high[lv].advice, sizeof f->high[lv].advice, parts[1],
                 strlen(parts[1]), line, err) ||
        set_text(r, "source", f->high[lv].source, sizeof f->high[lv].source, parts[2],
                 strlen(parts[2]), line, err))
        return RH_EFORMAT;
    f->high[lv].set = true;
    return 0;
}

static int head_level(struct reader *r, const char *v, bool run, int *level, char *source,
                      size_t source_cap, long line, struct rh_err *err)
{
    char parts[4][KB_PART];
    size_t bad;
    if (*level >= 0)
        return rh_err_setl(err, RH_ESYNTAX, line, "%s line %ld: '%s' given twice", r->file, line,
                           run ? "running" : "disposition");
    int n = split_bar(v, parts, 4, &bad);
    if (n < 0)
        return split_error(r, bad, line, err);
    const char *const *names = run ? rh__running_names : rh__disposition_names;
    int lv = level_of(names, run ? RH_RUNNING__COUNT : RH_DISP__COUNT, parts[0], strlen(parts[0]));
    if (lv < 0 || n != 2 || !parts[1][0])
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected 'LEVEL | source'", r->file);
    if (set_text(r, "source", source, source_cap, parts[1], strlen(parts[1]), line, err))
        return RH_EFORMAT;
    *level = lv;
    return 0;
}

static int cond_cb(struct reader *r, const char *section, const char *key, const char *value,
                   long line, struct rh_err *err)
{
    struct rh__kb *kb = r->kb;
    if (!section[0])
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: key outside a [condition]", r->file);
    if (kb->n_conds == 0 || strcmp(kb->conds[kb->n_conds - 1].id, section) != 0) {
        for (int i = 0; i < kb->n_conds; i++)
            if (strcmp(kb->conds[i].id, section) == 0)
                return rh_err_setl(err, RH_ESYNTAX, line, "%s: [%s] twice", r->file, section);
        if (kb->n_conds >= KB_MAX_CONDS)
            return rh_err_setl(err, RH_ELIMIT, line, "%s: too many conditions", r->file);
        struct rh__cond *c = &kb->conds[kb->n_conds++];
        memset(c, 0, sizeof *c);
        if (set_text(r, "condition id", c->id, sizeof c->id, section, strlen(section), line, err))
            return RH_EFORMAT;
        c->disposition = c->running = -1;
    }
    int ci = kb->n_conds - 1;
    struct rh__cond *c = &kb->conds[ci];
    if (strcmp(key, "name") == 0)
        return set_text(r, "name", c->name, sizeof c->name, value, strlen(value), line, err);
    else if (strcmp(key, "clinical_name") == 0)
        return set_text(r, "clinical_name", c->clinical_name, sizeof c->clinical_name, value,
                        strlen(value), line, err);
    else if (strcmp(key, "region") == 0)
        return set_text(r, "region", c->region, sizeof c->region, value, strlen(value), line, err);
    else if (strcmp(key, "pain_type") == 0)
        return set_text(r, "pain_type", c->pain_type, sizeof c->pain_type, value, strlen(value),
                        line, err);
    else if (strcmp(key, "recovery") == 0)
        return set_text(r, "recovery", c->recovery, sizeof c->recovery, value, strlen(value), line,
                        err);
    else if (strcmp(key, "red_flags") == 0)
        return set_text(r, "red_flags", c->flags, sizeof c->flags, value, strlen(value), line, err);
    else if (strcmp(key, "advice") == 0)
        return set_text(r, "advice", c->advice, sizeof c->advice, value, strlen(value), line, err);
    else if (strcmp(key, "advice_run") == 0) {
        /* session 26 (asm26): "LEVEL ... | text | source": the advice when
         * the running advice in force is one of these levels (each level
         * once); the text cites inline as advice does */
        char parts[4][KB_PART];
        size_t bad;
        int n = split_bar(value, parts, 4, &bad);
        if (n < 0)
            return split_error(r, bad, line, err);
        int lvs[RH_RUNNING__COUNT], nl = 0;
        for (const char *p = parts[0]; n == 3 && *p;) {
            size_t w = strcspn(p, " ,");
            int lv = w ? level_of(rh__running_names, RH_RUNNING__COUNT, p, w) : -2;
            if (lv == -2) {
                p++;
                continue;
            }
            if (lv < 0 || c->advice_run[lv][0] || nl == RH_RUNNING__COUNT)
                return rh_err_setl(err, RH_ESYNTAX, line,
                                   "%s line %ld: unknown or repeated running level in advice_run",
                                   r->file, line);
            lvs[nl++] = lv;
            p += w;
        }
        if (n != 3 || !nl || !parts[1][0] || !parts[2][0])
            return rh_err_setl(err, RH_ESYNTAX, line,
                               "%s: expected 'advice_run = LEVEL ... | text | source'", r->file);
        for (int i = 0; i < nl; i++)
            if (set_text(r, "advice_run", c->advice_run[lvs[i]], sizeof c->advice_run[lvs[i]],
                         parts[1], strlen(parts[1]), line, err))
                return RH_EFORMAT;
        return 0;
    } else if (strcmp(key, "prior") == 0) {
        char parts[4][KB_PART];
        size_t bad;
        int n = split_bar(value, parts, 4, &bad);
        if (n < 0)
            return split_error(r, bad, line, err);
        if (n < 3 || rh_parse_double(parts[0], &c->prior))
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected 'prior = N | reason | source'",
                               r->file);
    } else if (strcmp(key, "disposition") == 0)
        return head_level(r, value, false, &c->disposition, c->disp_source,
                          sizeof c->disp_source, line, err);
    else if (strcmp(key, "running") == 0)
        return head_level(r, value, true, &c->running, c->run_source, sizeof c->run_source, line,
                          err);
    else if (strcmp(key, "running_why") == 0) {
        /* "TEXT | source": why the usual running advice, shown with it */
        char parts[4][KB_PART];
        size_t bad;
        int n = split_bar(value, parts, 4, &bad);
        if (n < 0)
            return split_error(r, bad, line, err);
        if (n != 2 || !parts[0][0] || !parts[1][0] || c->running_why[0])
            return rh_err_setl(err, RH_ESYNTAX, line,
                               "%s: expected 'running_why = reason | source' once", r->file);
        if (set_text(r, "running_why", c->running_why, sizeof c->running_why, parts[0],
                     strlen(parts[0]), line, err) ||
            set_text(r, "source", c->run_why_source, sizeof c->run_why_source, parts[1],
                     strlen(parts[1]), line, err))
            return RH_EFORMAT;
    } else if (strcmp(key, "feature") == 0)
        return add_rule(r, RULE_FEATURE, ci, value, false, false, line, err);
    else if (strcmp(key, "escalate") == 0)
        return add_rule(r, RULE_ESCALATE, ci, value, false, true, line, err);
    else if (strcmp(key, "run_if") == 0)
        return add_rule(r, RULE_RUN_IF, ci, value, true, true, line, err);
    else if (strcmp(key, "usual_if") == 0)
        return add_rule(r, RULE_USUAL_IF, ci, value, false, true, line, err);
    else if (strcmp(key, "usual_run_if") == 0)
        return add_rule(r, RULE_USUAL_RUN_IF, ci, value, true, true, line, err);
    else
        return rh_err_setl(err, RH_EKEY, line, "%s: unknown key '%s'", r->file, key);
    return 0;
}

static int flag_cb(struct reader *r, const char *section, const char *key, const char *value,
                   long line, struct rh_err *err)
{
    struct rh__kb *kb = r->kb;
    if (!section[0])
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: key outside a [flag]", r->file);
    if (kb->n_flags == 0 || strcmp(kb->flags[kb->n_flags - 1].id, section) != 0) {
        for (int i = 0; i < kb->n_flags; i++)
            if (strcmp(kb->flags[i].id, section) == 0)
                return rh_err_setl(err, RH_ESYNTAX, line, "%s: [%s] twice", r->file, section);
        if (kb->n_flags >= KB_MAX_FLAGS)
            return rh_err_setl(err, RH_ELIMIT, line, "%s: too many red flags", r->file);
        struct rh__flag *f = &kb->flags[kb->n_flags++];
        memset(f, 0, sizeof *f);
        if (set_text(r, "red flag id", f->id, sizeof f->id, section, strlen(section), line, err))
            return RH_EFORMAT;
        f->disposition = f->running = -1;
    }
    int fi = kb->n_flags - 1;
    struct rh__flag *f = &kb->flags[fi];
    if (strcmp(key, "name") == 0)
        return set_text(r, "name", f->name, sizeof f->name, value, strlen(value), line, err);
    else if (strcmp(key, "advice") == 0)
        return set_text(r, "advice", f->advice, sizeof f->advice, value, strlen(value), line, err);
    else if (strcmp(key, "disposition") == 0)
        return head_level(r, value, false, &f->disposition, f->disp_source,
                          sizeof f->disp_source, line, err);
    else if (strcmp(key, "running") == 0)
        return head_level(r, value, true, &f->running, f->run_source, sizeof f->run_source, line,
                          err);
    else if (strcmp(key, "trigger") == 0)
        return add_rule(r, RULE_TRIGGER, fi, value, false, true, line, err);
    /* session 31 (branch n29ret): "trigger_running = RUNNING | source"
     * right under a trigger of the flag: the running advice follows that
     * trigger, not only the flag (a doctor within days for an inflammatory
     * stiffness that exercise treats does not stop running) */
    else if (strcmp(key, "trigger_running") == 0) {
        struct rh__rule *last = kb->n_rules ? &kb->rules[kb->n_rules - 1] : NULL;
        if (!last || last->kind != RULE_TRIGGER || last->owner != fi || last->own_run)
            return rh_err_setl(err, RH_ESYNTAX, line,
                               "%s: 'trigger_running' must follow a trigger of its flag, once",
                               r->file);
        last->run = -1;
        if (head_level(r, value, true, &last->run, last->run_source, sizeof last->run_source, line,
                       err))
            return RH_EFORMAT;
        last->own_run = true;
        return 0;
    } else if (strcmp(key, "escalate") == 0)
        return add_rule(r, RULE_FLAG_ESC, fi, value, false, true, line, err);
    /* session 11 (branch rev11c), review 11 #10: advice for whom it fits
     * (a child's X-ray views, an older runner's MRI after a normal X-ray) */
    else if (strcmp(key, "advice_if") == 0)
        return add_rule(r, RULE_FLAG_ADVICE, fi, value, false, true, line, err);
    else if (strcmp(key, "low") == 0)
        return flag_low(r, f, value, line, err);
    /* session 31 (branch run40): the flag's running minimum for a pattern
     * whose running a careful sports physician judges by its cause while
     * the flag still sends to the doctor (night pain from lying on a sore
     * tendon, inflammatory back pain that moving eases): the first that
     * holds, and only ever lower than the flag's own */
    else if (strcmp(key, "running_if") == 0)
        return add_rule(r, RULE_FLAG_RUN, fi, value, true, true, line, err);
    else if (strcmp(key, "high") == 0)
        return flag_high(r, f, value, line, err);
    /* session 14 (branch flagexc): an exception every trigger of the flag
     * shares, written once: when it holds, the flag is not raised, and its
     * reason says why once (rh_assessment.set_aside) */
    else if (strcmp(key, "unless") == 0)
        return add_rule(r, RULE_FLAG_UNLESS, fi, value, false, false, line, err);
    else if (strcmp(key, "title") == 0 || strcmp(key, "seen") == 0)
        return flag_title(r, f, key[0] == 's', value, line, err);
    else
        return rh_err_setl(err, RH_EKEY, line, "%s: unknown key '%s'", r->file, key);
    return 0;
}

static int rules_cb(struct reader *r, const char *section, const char *key, const char *value,
                    long line, struct rh_err *err)
{
    struct rh__kb *kb = r->kb;
    static const char *const groups[] = {"pain_type.muscle", "pain_type.joint", "pain_type.nerve"};
    for (int g = 0; g < 3; g++)
        if (strcmp(section, groups[g]) == 0) {
            if (strcmp(key, "feature") != 0)
                return rh_err_setl(err, RH_EKEY, line, "%s: unknown key '%s'", r->file, key);
            return add_rule(r, RULE_PAIN, g, value, false, false, line, err);
        }
    if (strcmp(section, "settings") == 0) {
        double v;
        char parts[4][KB_PART];
        size_t bad;
        int n = split_bar(value, parts, 4, &bad);
        if (n < 0)
            return split_error(r, bad, line, err);
        if (strcmp(key, "runner_up_escalation_from") == 0) {
            for (int d = 0; n >= 2 && d < RH_DISP__COUNT; d++)
                if (strcmp(parts[0], rh__disposition_names[d]) == 0) {
                    kb->runner_up_escalation_from = d;
                    return 0;
                }
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected 'LEVEL | reason'", r->file);
        }
        if (n < 2 || rh_parse_double(parts[0], &v))
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected 'NUMBER | reason'", r->file);
        if (strcmp(key, "pain_threshold") == 0)
            kb->pain_threshold = v;
        else if (strcmp(key, "pain_mixed_ratio") == 0)
            kb->pain_mixed_ratio = v;
        else if (strcmp(key, "pain_top_weight") == 0)
            kb->pain_top_weight = v;
        else if (strcmp(key, "pain_other_score") == 0)
            kb->pain_other_score = v;
        else if (strcmp(key, "pain_other_named") == 0)
            kb->pain_other_named = v;
        else if (strcmp(key, "pain_alone_min") == 0)
            kb->pain_alone_min = v;
        else if (strcmp(key, "runner_up_ratio") == 0)
            kb->ref_disp_ratio = v;
        else if (strcmp(key, "score_temperature") == 0 && v > 0)
            kb->temperature = v;
        else if (strncmp(key, "dilute.", 7) == 0) {
            int f = find_field(key + 7, strlen(key + 7));
            const struct rh__ifield *fi = ifield(f);
            if (!fi || fi->kind != RH__IF_LIST || v < 1)
                return rh_err_setl(err, RH_EKEY, line,
                                   "%s: '%s': dilute.<list answer> = N (N at least 1)", r->file,
                                   key);
            kb->dilute[f] = v;
        }
        else
            return rh_err_setl(err, RH_EKEY, line, "%s: unknown setting '%s'", r->file, key);
        return 0;
    }
    if (strcmp(section, "disposition") == 0 && strcmp(key, "rule") == 0)
        return add_rule(r, RULE_DISP, -1, value, false, true, line, err);
    if (strcmp(section, "running") == 0 && strcmp(key, "rule") == 0)
        return add_rule(r, RULE_RUN, -1, value, true, true, line, err);
    if (strcmp(section, "advice") == 0 && strcmp(key, "advice") == 0)
        return add_rule(r, RULE_ADVICE, -1, value, false, true, line, err);
    if (strcmp(section, "keep_in_top3") == 0 && strcmp(key, "keep") == 0)
        return add_rule(r, RULE_KEEP, -1, value, false, false, line, err);
    if (strcmp(section, "keep_in_top3") == 0 && strcmp(key, "lead") == 0) {
        int rc = add_rule(r, RULE_KEEP, -1, value, false, false, line, err);
        if (!rc)
            kb->rules[kb->n_rules - 1].lead = true;
        return rc;
    }
    if (strcmp(section, "shown_as") == 0 && strcmp(key, "name") == 0) {
        int rc = add_rule(r, RULE_NAME, -1, value, false, false, line, err);
        if (!rc && strlen(kb->rules[kb->n_rules - 1].reason) >= KB_NAME)
            return rh_err_setl(err, RH_ELIMIT, line, "%s: a name shown is at most %d bytes",
                               r->file, KB_NAME - 1);
        return rc;
    }
    if (strcmp(section, "clearance") == 0 && strcmp(key, "need") == 0)
        return add_rule(r, RULE_CLEAR, -1, value, false, true, line, err);
    if (strcmp(section, "held_tests") == 0 && strcmp(key, "held") == 0) {
        int rc = add_rule(r, RULE_HELD_TEST, -1, value, false, true, line, err);
        if (rc)
            return rc;
        /* the expression is the self-test's own key, a yes/no question */
        const struct rh__node *nd = &kb->nodes[kb->rules[kb->n_rules - 1].expr];
        const struct rh__ifield *f = ifield(nd->field);
        if (nd->kind != NODE_ATOM || !f || f->kind != RH__IF_TRI || nd->word >= 0 ||
            strncmp(f->key, "test_", 5) != 0)
            return rh_err_setl(err, RH_ESYNTAX, line,
                               "%s: 'held = LEVEL | test_KEY | reason | source'", r->file);
        return 0;
    }
    /* session 12 (branch urgent12): the held self-tests are held also when
     * this holds, below a same-day level (a teenager's possible avulsion) */
    if (strcmp(section, "held_tests") == 0 && strcmp(key, "held_if") == 0)
        return add_rule(r, RULE_HELD_IF, -1, value, false, true, line, err);
    /* session 18 (fix18a): a source about some runners only (a birth,
     * breastfeeding, periods, an adolescent) is cited only for them */
    if (strcmp(section, "sources") == 0 && strcmp(key, "cite_if") == 0)
        return add_rule(r, RULE_CITE_IF, -1, value, false, false, line, err);
    if (strcmp(section, "hop_safety") == 0 && strcmp(key, "unsafe") == 0)
        return add_rule(r, RULE_HOP_UNSAFE, -1, value, false, false, line, err);
    /* session 22 (runner22b): the one booking of a postnatal runner */
    if (strcmp(section, "care") == 0 && strcmp(key, "pelvic") == 0)
        return add_rule(r, RULE_CARE_PELVIC, -1, value, false, true, line, err);
    /* session 23 (plan27): without that pattern, the one booking asks for
     * the postnatal pelvic-health check too */
    if (strcmp(section, "care") == 0 && strcmp(key, "postnatal") == 0)
        return add_rule(r, RULE_CARE_POSTNATAL, -1, value, false, true, line, err);
    if (strcmp(section, "ranking") == 0 && strcmp(key, "unranked") == 0)
        return add_rule(r, RULE_UNRANKED, -1, value, false, true, line, err);
    /* session 33 (run33): with too few answers, the running of a cause
     * not ruled out that would only reduce it, when this holds */
    if (strcmp(section, "ranking") == 0 && strcmp(key, "unranked_run") == 0)
        return add_rule(r, RULE_UNRANKED_RUN, -1, value, true, true, line, err);
    /* session 34 (over34): with the causes ranked, a less likely cause's
     * usual care one level above the likeliest cause's counts at that
     * cause's level when this holds (mild pain told, nothing worse) */
    if (strcmp(section, "ranking") == 0 && strcmp(key, "runner_up_care") == 0)
        return add_rule(r, RULE_RUNNER_UP_CARE, -1, value, false, true, line, err);
    return rh_err_setl(err, RH_EKEY, line, "%s: unknown key '%s' in [%s]", r->file, key, section);
}

/* term = name | EXPRESSION | meaning in plain words | source */
static int terms_cb(struct reader *r, const char *section, const char *key, const char *value,
                    long line, struct rh_err *err)
{
    struct rh__kb *kb = r->kb;
    if (section[0] || strcmp(key, "term") != 0)
        return rh_err_setl(err, RH_EKEY, line, "%s line %ld: unknown key '%s' (only 'term = ...')",
                           r->file, line, key);
    char parts[KB_MAX_PARTS][KB_PART];
    size_t bad;
    int n = split_bar(value, parts, KB_MAX_PARTS, &bad);
    if (n < 0)
        return split_error(r, bad, line, err);
    if (n < 4 || !parts[n - 2][0] || !parts[n - 1][0])
        return rh_err_setl(err, RH_ESYNTAX, line,
                           "%s line %ld: expected 'term = name | EXPRESSION | meaning | source'",
                           r->file, line);
    size_t nl = strlen(parts[0]);
    for (size_t i = 0; i < nl; i++)
        if (!is_ident((unsigned char)parts[0][i]))
            nl = 0;
    if (nl == 0 || nl >= KB_ID)
        return rh_err_setl(err, RH_ESYNTAX, line,
                           "%s line %ld: a term's name is letters, digits and '_' (at most %d), "
                           "not '%s'",
                           r->file, line, KB_ID - 1, parts[0]);
    const struct rh__term *first = find_term(kb, parts[0], nl);
    if (first)
        return rh_err_setl(err, RH_ESYNTAX, line,
                           "%s line %ld: term '%s' defined twice (first on line %ld)", r->file,
                           line, parts[0], first->line);
    if (kb->n_terms >= KB_MAX_TERMS)
        return rh_err_setl(err, RH_ELIMIT, line, "%s line %ld: more than %d terms", r->file, line,
                           KB_MAX_TERMS);
    struct rh__term *t = &kb->terms[kb->n_terms];
    memset(t, 0, sizeof *t);
    memcpy(t->name, parts[0], nl + 1);
    t->line = line;
    if (set_text(r, "meaning", t->meaning, sizeof t->meaning, parts[n - 2], strlen(parts[n - 2]),
                 line, err))
        return RH_EFORMAT;
    if (join_expr(r, parts, 1, n, t->expr, sizeof t->expr, line, err))
        return RH_EFORMAT;
    kb->n_terms++;
    return 0;
}

/* Every term parses on its own (names, words, other terms, no cycle): an
 * error names the term's own line. Its nodes are given back: a term gets
 * nodes only where a rule uses it. */
static int check_terms(struct reader *r, struct rh_err *err)
{
    struct rh__kb *kb = r->kb;
    for (int i = 0; i < kb->n_terms; i++) {
        int mark = kb->n_nodes;
        struct rh_err e2;
        rh_err_clear(&e2);
        int root = expr_parse(kb, kb->terms[i].expr, true, &e2);
        kb->n_nodes = mark;
        if (root < 0)
            return rh_err_setl(err, RH_ESYNTAX, kb->terms[i].line, "%s line %ld: term '%s': %s",
                               r->file, kb->terms[i].line, kb->terms[i].name, e2.msg);
    }
    return 0;
}

static int kv_cb(void *ctx, const char *section, const char *key, const char *value, long line,
                 struct rh_err *err)
{
    struct reader *r = ctx;
    if (r->which == 3)
        return terms_cb(r, section, key, value, line, err);
    if (r->which == 0)
        return cond_cb(r, section, key, value, line, err);
    if (r->which == 1)
        return flag_cb(r, section, key, value, line, err);
    return rules_cb(r, section, key, value, line, err);
}

/* Fills kb->by_kind and kb->kind_at from kb->rules (a counting sort:
 * file order kept within a kind), then checks the index against the
 * rules: every rule once, under its own kind. */
static void index_rules(struct rh__kb *kb)
{
    int count[RULE__COUNT] = {0};
    for (int r = 0; r < kb->n_rules; r++) {
        assert(kb->rules[r].kind < RULE__COUNT);
        count[kb->rules[r].kind]++;
    }
    kb->kind_at[0] = 0;
    for (int k = 0; k < RULE__COUNT; k++)
        kb->kind_at[k + 1] = kb->kind_at[k] + count[k];
    int next[RULE__COUNT];
    memcpy(next, kb->kind_at, sizeof next);
    for (int r = 0; r < kb->n_rules; r++)
        kb->by_kind[next[kb->rules[r].kind]++] = (int16_t)r;
    assert(kb->kind_at[RULE__COUNT] == kb->n_rules);
    for (int k = 0; k < RULE__COUNT; k++)
        for (int i = kb->kind_at[k]; i < kb->kind_at[k + 1]; i++)
            assert(kb->rules[kb->by_kind[i]].kind == k &&
                   (i == kb->kind_at[k] || kb->by_kind[i - 1] < kb->by_kind[i]));
}

int rh__kb_read(struct rh__kb *kb, const char *terms, size_t terms_len, const char *conditions,
                size_t conditions_len, const char *red_flags, size_t red_flags_len,
                const char *rules, size_t rules_len, struct rh_err *err)
{
    struct reader r = {kb, "data/terms.txt", 3};
    int rc = rh_kv_parse(terms, terms_len, kv_cb, &r, err);
    if (rc == 0)
        rc = check_terms(&r, err);
    if (rc == 0) {
        r.file = "data/red_flags.txt";
        r.which = 1;
        rc = rh_kv_parse(red_flags, red_flags_len, kv_cb, &r, err);
    }
    if (rc == 0) {
        r.file = "data/conditions.txt";
        r.which = 0;
        rc = rh_kv_parse(conditions, conditions_len, kv_cb, &r, err);
    }
    if (rc == 0) {
        r.file = "data/assess_rules.txt";
        r.which = 2;
        rc = rh_kv_parse(rules, rules_len, kv_cb, &r, err);
    }
    if (rc)
        return rc;
    for (int i = 0; i < kb->n_terms; i++)
        if (!kb->terms[i].used)
            return rh_err_setl(err, RH_EFORMAT, kb->terms[i].line,
                               "data/terms.txt line %ld: term '%s' is used by no rule (remove it)",
                               kb->terms[i].line, kb->terms[i].name);
    for (int i = 0; i < kb->n_conds; i++) {
        const struct rh__cond *c = &kb->conds[i];
        if (c->pain_type[0] && rh__pain_group(c->pain_type) == -2)
            return rh_err_set(err, RH_EFORMAT,
                              "data/conditions.txt: [%s] pain_type '%s' is none of muscle, "
                              "tendon, bursa, band, joint, bone, nerve, other",
                              c->id, c->pain_type);
        if (!c->name[0] || !c->pain_type[0] || c->disposition < 0 || c->running < 0 ||
            !c->recovery[0] || !c->running_why[0])
            return rh_err_set(err, RH_EFORMAT,
                              "data/conditions.txt: [%s] needs name, pain_type, disposition, "
                              "running, running_why and recovery",
                              c->id);
    }
    for (int i = 0; i < kb->n_flags; i++) {
        const struct rh__flag *f = &kb->flags[i];
        if (!f->name[0] || f->disposition < 0 || f->running < 0)
            return rh_err_set(err, RH_EFORMAT,
                              "data/red_flags.txt: [%s] needs name, disposition and running",
                              f->id);
    }
    if (kb->temperature <= 0)
        kb->temperature = 1;
    if (kb->n_conds == 0 || kb->n_flags == 0 || kb->pain_threshold <= 0)
        return rh_err_set(err, RH_EFORMAT, "knowledge base is incomplete");
    index_rules(kb);
    return 0;
}

static struct rh__kb the_kb;
static int kb_status = 1; /* 1: not read yet; RH_ENOMEM: read again next time */
static struct rh_err kb_err;
static pthread_mutex_t kb_mu = PTHREAD_MUTEX_INITIALIZER;

/* Reads the compiled-in knowledge base once. A format error stays (the
 * build is broken); running out of memory does not: the next call reads
 * again, so one failed allocation cannot disable assessments for good. */
const struct rh__kb *rh__kb_get(struct rh_err *err)
{
    pthread_mutex_lock(&kb_mu);
    if (kb_status == 1 || kb_status == RH_ENOMEM) {
        memset(&the_kb, 0, sizeof the_kb);
        rh_err_clear(&kb_err);
        long failed = rh_alloc_failures();
        int r = rh__kb_read(&the_kb, rh__kb_terms, (size_t)(rh__kb_terms_end - rh__kb_terms),
                            rh__kb_conditions,
                            (size_t)(rh__kb_conditions_end - rh__kb_conditions), rh__kb_red_flags,
                            (size_t)(rh__kb_red_flags_end - rh__kb_red_flags), rh__kb_rules,
                            (size_t)(rh__kb_rules_end - rh__kb_rules), &kb_err);
        if (r && (r == RH_ENOMEM || rh_alloc_failures() != failed)) {
            kb_status = RH_ENOMEM;
            rh_err_set(&kb_err, RH_ENOMEM, "out of memory");
        } else {
            kb_status = r ? RH_EFORMAT : 0;
        }
    }
    int st = kb_status;
    struct rh_err e = kb_err;
    pthread_mutex_unlock(&kb_mu);
    if (st) {
        if (err) {
            *err = e;
            err->code = st;
        }
        return NULL;
    }
    return &the_kb;
}
