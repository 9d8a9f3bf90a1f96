/* SPDX-License-Identifier: MIT */
/*
 * The questionnaire state machine (runhip/quest.h). The screens are read
 * from data/questions.txt with rh_kv_parse and checked when loaded (every
 * key, word and condition must exist; a condition may only look at keys
 * asked earlier). The answers are kept per screen; the intake record is
 * always recomposed from them in screen order, so that a screen hidden by
 * a changed earlier answer simply stops counting, and going back never
 * loses anything. A screen's conditions are evaluated on the record
 * composed from the screens before it only.
 */
#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "assess/intake_int.h"
#include "assess/quest_int.h"
#include "runhip/quest.h"
#include "runhip/text.h"
#include "util/banned.h"

struct cond {
    const struct rh__ifield *f;
    uint32_t words;  /* list/enum: word bits; yes/no: bit 1 yes, bit 0 no */
    double below;    /* a number: "KEY below N" holds when answered and < N (0: none) */
    bool unanswered; /* "unanswered" named */
    bool never;      /* never_if (else ask_if) */
    bool moot;       /* cannot_apply_if (a never_if): the screen's words are "no" */
};

struct screen {
    struct rh_quest_item item; /* strings below are owned */
    struct rh_quest_choice *choices;
    int cap_choices;
    const struct rh__ifield *f;
    uint32_t words; /* MANY: the words this screen asks */
    struct cond *conds;
    int n_conds;
    struct rh_buf art;
    /* a parent answering for a child (rh_intake.for_child): the screen in
     * the parent's words (data: child, child_choice), its strings owned */
    struct rh_quest_item child;
    struct rh_quest_choice *child_choices;
    const char *child_text;
    char **child_labels; /* per choice (n_child_labels), NULL: the runner's label */
    int n_child_labels;
    bool held; /* a self-test held back once a same-day red flag is certain */
    bool flags; /* a red-flag rule reads its key */
    bool hop;   /* a loading self-test (the hop, the one-leg stand): also held by
                 * data/assess_rules.txt [hop_safety] */
    /* ONE: when several choices are typed, the one to give (data: several =
     * WORD, WORD... | why), the first of these among them; n_several 0: none */
    int several[16];
    int n_several;
    const char *several_why;
    double double_below; /* NUMBER: a value under this is offered doubled (strides) */
    char *double_note;   /* the question that offers it ("{} ... {2}") */
};

struct rh__quest_set {
    struct screen *s;
    int n, cap;
};


/* ---- loading ------------------------------------------------------------------ */

static void screen_release(struct screen *s)
{
    rh_free((void *)s->item.id);
    rh_free((void *)s->item.text);
    rh_free((void *)s->item.help);
    rh_free((void *)s->item.typing);
    rh_free((void *)s->item.unsure);
    rh_free((void *)s->item.none);
    rh_free((void *)s->several_why);
    rh_free((void *)s->child_text);
    for (int i = 0; s->child_labels && i < s->n_child_labels; i++)
        rh_free(s->child_labels[i]);
    rh_free(s->child_labels);
    rh_free(s->child_choices);
    rh_free((void *)s->item.unit);
    for (int i = 0; i < s->item.n_choices; i++) {
        rh_free((void *)s->choices[i].word);
        rh_free((void *)s->choices[i].label);
    }
    rh_free(s->choices);
    rh_free(s->conds);
    rh_buf_release(&s->art);
    rh_free(s->double_note);
}

static void set_free(struct rh__quest_set *set)
{
    if (!set)
        return;
    for (int i = 0; i < set->n; i++)
        screen_release(&set->s[i]);
    rh_free(set->s);
    rh_free(set);
}

struct load {
    struct rh__quest_set *set;
    long section_line;
};

static int dup_into(const char **dst, const char *v, const char *what, long line,
                    struct rh_err *err)
{
    if (*dst)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: '%s' given twice", what);
    if (!(*dst = rh_strdup(v)))
        return RH_ENOMEM;
    return 0;
}

static int add_choice(struct screen *s, const char *word, int value, const char *label)
{
    if (s->item.n_choices == s->cap_choices) {
        int cap = s->cap_choices ? 2 * s->cap_choices : 8;
        void *p = rh_realloc(s->choices, (size_t)cap * sizeof *s->choices);
        if (!p)
            return RH_ENOMEM;
        s->choices = p;
        s->cap_choices = cap;
    }
    struct rh_quest_choice *c = &s->choices[s->item.n_choices];
    c->word = rh_strdup(word);
    c->label = rh_strdup(label);
    c->value = value;
    s->item.n_choices++;
    return c->word && c->label ? 0 : RH_ENOMEM;
}

/* The index of word in f's vocabulary (canonical spelling only), or -1. */
static int exact_word(const struct rh__ifield *f, const char *w)
{
    if (f->kind == RH__IF_TRI)
        return strcmp(w, "yes") == 0 ? 1 : strcmp(w, "no") == 0 ? 0 : -1;
    enum rh_intake_list l = (enum rh_intake_list)f->list;
    for (int i = 0; i < rh_intake_word_count(l); i++)
        if (strcmp(rh_intake_word(l, i), w) == 0)
            return i;
    return -1;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* child_choice = word: label, after that word's choice: its label for a
 * parent answering for a child. */
static int parse_child_choice(struct screen *s, const char *v, long line, struct rh_err *err)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", v);
    char *colon = strchr(buf, ':');
    if (!colon)
        return rh_err_setl(err, RH_EFORMAT, line,
                           "questions: expected 'child_choice = word: label'");
    *colon = '\0';
    char *word = trim(buf), *label = trim(colon + 1);
    int k = -1;
    for (int i = 0; i < s->item.n_choices; i++)
        if (strcmp(s->choices[i].word, word) == 0)
            k = i;
    if (k < 0 || !*label)
        return rh_err_setl(err, RH_EFORMAT, line,
                           "questions: child_choice '%s' needs a choice given before it and a label",
                           word);
    if (k >= s->n_child_labels) {
        int n = s->item.n_choices;
        void *p = rh_realloc(s->child_labels, (size_t)n * sizeof *s->child_labels);
        if (!p)
            return RH_ENOMEM;
        s->child_labels = p;
        for (int i = s->n_child_labels; i < n; i++)
            s->child_labels[i] = NULL;
        s->n_child_labels = n;
    }
    if (s->child_labels[k])
        return rh_err_setl(err, RH_EFORMAT, line, "questions: child_choice '%s' given twice", word);
    return (s->child_labels[k] = rh_strdup(label)) ? 0 : RH_ENOMEM;
}

static int parse_choice(struct screen *s, const char *v, long line, struct rh_err *err)
{
    if (!s->f)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: 'choice' before 'key'");
    if (s->f->kind == RH__IF_INT || s->f->kind == RH__IF_NUM)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: %s takes a number, not choices",
                           s->f->key);
    char buf[512];
    snprintf(buf, sizeof buf, "%s", v);
    char *colon = strchr(buf, ':');
    if (!colon)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: expected 'choice = word: label'");
    *colon = '\0';
    char *word = trim(buf), *label = trim(colon + 1);
    int idx = exact_word(s->f, word);
    if (idx < 0)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: '%s' is not a word of %s", word,
                           s->f->key);
    if (!*label)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: choice '%s' has no label", word);
    for (int i = 0; i < s->item.n_choices; i++)
        if (s->choices[i].value == idx)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: choice '%s' given twice", word);
    if (s->f->kind == RH__IF_LIST)
        s->words |= RH_BIT(idx);
    return add_choice(s, word, idx, label);
}

/* several = WORD, WORD... | why: on a one-answer screen, after its choices
 * (review 11 #2: "4 5" for a pop while sprinting was refused without saying
 * which one to give). */
static int parse_several(struct screen *s, const char *v, long line, struct rh_err *err)
{
    if (!s->f || s->f->kind == RH__IF_LIST || !s->item.n_choices)
        return rh_err_setl(err, RH_EFORMAT, line,
                           "questions: 'several' is for a one-answer screen, after its choices");
    if (s->n_several)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: 'several' given twice");
    char buf[512];
    snprintf(buf, sizeof buf, "%s", v);
    char *bar = strchr(buf, '|');
    if (!bar || !*trim(bar + 1))
        return rh_err_setl(err, RH_EFORMAT, line, "questions: expected 'several = WORD, WORD... | why'");
    *bar = '\0';
    char *save = NULL;
    for (char *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        w = trim(w);
        int idx = exact_word(s->f, w), k = -1;
        for (int i = 0; idx >= 0 && i < s->item.n_choices; i++)
            if (s->choices[i].value == idx)
                k = i;
        if (k < 0)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: several: '%s' is not a choice above", w);
        if (s->n_several == (int)(sizeof s->several / sizeof s->several[0]))
            return rh_err_setl(err, RH_EFORMAT, line, "questions: several: too many words");
        s->several[s->n_several++] = k;
    }
    if (!s->n_several)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: several: no word");
    return dup_into(&s->several_why, trim(bar + 1), "several", line, err);
}

static int parse_cond(struct rh__quest_set *set, struct screen *s, const char *v, bool never,
                      long line, struct rh_err *err)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", v);
    char *is = strstr(buf, " is ");
    char *below = strstr(buf, " below ");
    if (below && !is) { /* "age below 18": a number answered and under N */
        *below = '\0';
        char *k = trim(buf);
        struct cond nc = {rh__ifield_find(k), 0, 0, false, never, false};
        if (!nc.f || (nc.f->kind != RH__IF_INT && nc.f->kind != RH__IF_NUM) ||
            rh_parse_double(trim(below + 7), &nc.below) || nc.below <= 0)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: expected 'NUMBER_KEY below N'");
        bool before = false;
        for (int i = 0; i < set->n - 1; i++)
            before |= strcmp(set->s[i].item.key, k) == 0;
        if (!before)
            return rh_err_setl(err, RH_EFORMAT, line,
                               "questions: condition on '%s', which no earlier screen asks", k);
        void *np = rh_realloc(s->conds, (size_t)(s->n_conds + 1) * sizeof *s->conds);
        if (!np)
            return RH_ENOMEM;
        s->conds = np;
        s->conds[s->n_conds++] = nc;
        return 0;
    }
    if (!is)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: expected 'KEY is WORD, ...'");
    *is = '\0';
    char *key = trim(buf);
    struct cond c = {rh__ifield_find(key), 0, 0, false, never, false};
    if (!c.f)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: unknown key '%s' in a condition",
                           key);
    if (c.f->kind == RH__IF_INT || c.f->kind == RH__IF_NUM)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: conditions on numbers (%s) are not supported", key);
    bool earlier = false;
    for (int i = 0; i < set->n - 1; i++)
        if (strcmp(set->s[i].item.key, key) == 0)
            earlier = true;
    if (!earlier)
        return rh_err_setl(err, RH_EFORMAT, line,
                           "questions: condition on '%s', which no earlier screen asks", key);
    char *save = NULL;
    for (char *w = strtok_r(is + 4, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        w = trim(w);
        if (strcmp(w, "unanswered") == 0) {
            c.unanswered = true;
            continue;
        }
        int idx = exact_word(c.f, w);
        if (idx < 0)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: '%s' is not a word of %s", w,
                               key);
        c.words |= RH_BIT(idx);
    }
    void *p = rh_realloc(s->conds, (size_t)(s->n_conds + 1) * sizeof *s->conds);
    if (!p)
        return RH_ENOMEM;
    s->conds = p;
    s->conds[s->n_conds++] = c;
    return 0;
}

/* Checks a finished screen and fills what follows from its key. */
static int finish_screen(struct screen *s, long line, struct rh_err *err)
{
    if (!s->f || !s->item.text)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: screen '%s' needs key and text",
                           s->item.id);
    int n_words = s->f->kind == RH__IF_TRI
                      ? 2
                      : rh_intake_word_count((enum rh_intake_list)s->f->list);
    switch (s->f->kind) {
    case RH__IF_INT:
    case RH__IF_NUM:
        s->item.kind = RH_QUEST_NUMBER;
        s->item.whole = s->f->kind == RH__IF_INT;
        s->item.min = s->f->min;
        s->item.max = s->f->max;
        break;
    case RH__IF_TRI:
        s->item.kind = RH_QUEST_YESNO;
        if (s->item.n_choices == 0) {
            int r = add_choice(s, "yes", 1, "Yes");
            if (r || (r = add_choice(s, "no", 0, "No")))
                return r;
        }
        if (s->item.n_choices != 2)
            return rh_err_setl(err, RH_EFORMAT, line,
                               "questions: screen '%s' needs both yes and no", s->item.id);
        break;
    case RH__IF_ENUM:
        s->item.kind = RH_QUEST_ONE;
        if (s->item.n_choices != n_words)
            return rh_err_setl(err, RH_EFORMAT, line,
                               "questions: screen '%s' must offer every word of %s",
                               s->item.id, s->f->key);
        break;
    case RH__IF_LIST:
        s->item.kind = RH_QUEST_MANY;
        if (s->item.n_choices == 0)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: screen '%s' has no choices",
                               s->item.id);
        break;
    }
    if (s->item.none && s->item.kind != RH_QUEST_MANY)
        return rh_err_setl(err, RH_EFORMAT, line,
                           "questions: screen '%s': 'none' is only for a list of several answers",
                           s->item.id);
    s->item.key = s->f->key;
    s->item.choices = s->choices;
    s->item.art = s->art.len ? s->art.data : NULL;
    /* the parent's screen: the runner's, with the parent's words where given */
    s->child = s->item;
    if (s->child_text)
        s->child.text = s->child_text;
    if (s->n_child_labels && s->item.n_choices) {
        s->child_choices = rh_calloc((size_t)s->item.n_choices, sizeof *s->child_choices);
        if (!s->child_choices)
            return RH_ENOMEM;
        for (int i = 0; i < s->item.n_choices; i++) {
            s->child_choices[i] = s->choices[i];
            if (i < s->n_child_labels && s->child_labels[i])
                s->child_choices[i].label = s->child_labels[i];
        }
        s->child.choices = s->child_choices;
    }
    return 0;
}

static int load_cb(void *ctx, const char *section, const char *key, const char *value, long line,
                   struct rh_err *err)
{
    struct load *ld = ctx;
    struct rh__quest_set *set = ld->set;
    if (!*section)
        return rh_err_setl(err, RH_EFORMAT, line, "questions: '%s' before the first [screen]",
                           key);
    if (set->n == 0 || strcmp(set->s[set->n - 1].item.id, section) != 0) {
        if (set->n > 0) {
            int r = finish_screen(&set->s[set->n - 1], ld->section_line, err);
            if (r)
                return r;
        }
        for (int i = 0; i < set->n; i++)
            if (strcmp(set->s[i].item.id, section) == 0)
                return rh_err_setl(err, RH_EFORMAT, line, "questions: screen '%s' given twice",
                                   section);
        if (set->n == set->cap) {
            int cap = set->cap ? 2 * set->cap : 64;
            void *p = rh_realloc(set->s, (size_t)cap * sizeof *set->s);
            if (!p)
                return RH_ENOMEM;
            set->s = p;
            set->cap = cap;
        }
        struct screen *s = &set->s[set->n++];
        memset(s, 0, sizeof *s);
        rh_buf_init(&s->art, 1 << 16);
        if (!(s->item.id = rh_strdup(section)))
            return RH_ENOMEM;
        ld->section_line = line;
    }
    struct screen *s = &set->s[set->n - 1];
    if (strcmp(key, "key") == 0) {
        if (s->f)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: 'key' given twice");
        if (!(s->f = strcmp(value, rh__ifield_answering.key) == 0 ? &rh__ifield_answering
                                                                   : rh__ifield_find(value)))
            return rh_err_setl(err, RH_EFORMAT, line, "questions: unknown intake key '%s'", value);
        s->item.key = s->f->key;
        return 0;
    }
    if (strcmp(key, "text") == 0)
        return dup_into(&s->item.text, value, key, line, err);
    if (strcmp(key, "help") == 0)
        return dup_into(&s->item.help, value, key, line, err);
    if (strcmp(key, "typing") == 0)
        return dup_into(&s->item.typing, value, key, line, err);
    if (strcmp(key, "unsure") == 0)
        return dup_into(&s->item.unsure, value, key, line, err);
    if (strcmp(key, "none") == 0)
        return dup_into(&s->item.none, value, key, line, err);
    if (strcmp(key, "child") == 0)
        return dup_into(&s->child_text, value, key, line, err);
    if (strcmp(key, "child_choice") == 0)
        return parse_child_choice(s, value, line, err);
    if (strcmp(key, "unit") == 0)
        return dup_into(&s->item.unit, value, key, line, err);
    if (strcmp(key, "art") == 0) {
        if (value[0] == '|')
            value++;
        int r = s->art.len ? rh_buf_puts(&s->art, "\n") : 0;
        return r ? r : rh_buf_puts(&s->art, value);
    }
    if (strcmp(key, "choice") == 0)
        return parse_choice(s, value, line, err);
    if (strcmp(key, "several") == 0)
        return parse_several(s, value, line, err);
    if (strcmp(key, "double_below") == 0) {
        if (rh_parse_double(value, &s->double_below) || s->double_below <= 0)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: double_below takes a number");
        return 0;
    }
    if (strcmp(key, "double_note") == 0) {
        if (s->double_note)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: 'double_note' given twice");
        return (s->double_note = rh_strdup(value)) ? 0 : RH_ENOMEM;
    }
    if (strcmp(key, "ask_if") == 0 || strcmp(key, "never_if") == 0) {
        if (!s->f)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: '%s' before 'key'", key);
        return parse_cond(set, s, value, key[0] == 'n', line, err);
    }
    /* walk29: a never_if whose screen's words cannot apply when it holds
     * (periods, a birth, breastfeeding for a man): they are "no", as a
     * file's "history = none" says, not "not asked" */
    if (strcmp(key, "cannot_apply_if") == 0) {
        if (!s->f)
            return rh_err_setl(err, RH_EFORMAT, line, "questions: '%s' before 'key'", key);
        if (s->f->kind != RH__IF_LIST)
            return rh_err_setl(err, RH_EFORMAT, line,
                               "questions: 'cannot_apply_if' is only for a list");
        int r = parse_cond(set, s, value, true, line, err);
        if (!r)
            s->conds[s->n_conds - 1].moot = true;
        return r;
    }
    return rh_err_setl(err, RH_EFORMAT, line, "questions: unknown attribute '%s'", key);
}

static int next_from(const struct rh_quest *q, int i);

int rh_quest_init_from(struct rh_quest *q, const char *text, size_t len, struct rh_err *err)
{
    memset(q, 0, sizeof *q);
    q->state = RH_QUEST_QUIT; /* until loaded */
    q->cur = -1;
    rh_err_clear(err);
    struct rh__quest_set *set = rh_calloc(1, sizeof *set);
    if (!set)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    struct load ld = {set, 0};
    int r = rh_kv_parse(text, len, load_cb, &ld, err);
    if (!r && set->n == 0)
        r = rh_err_set(err, RH_EFORMAT, "questions: no screens");
    if (!r)
        r = finish_screen(&set->s[set->n - 1], ld.section_line, err);
    if (r == RH_ESYNTAX) { /* a broken file is a data-format error */
        if (err)
            err->code = RH_EFORMAT;
        r = RH_EFORMAT;
    }
    if (!r) {
        q->ans = rh_calloc((size_t)set->n, sizeof *q->ans);
        q->trail = rh_calloc((size_t)set->n + 1, sizeof *q->trail);
        if (!q->ans || !q->trail)
            r = rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    if (r) {
        if (r == RH_ENOMEM)
            rh_err_set(err, r, "out of memory");
        set_free(set);
        rh_free(q->ans);
        rh_free(q->trail);
        memset(q, 0, sizeof *q);
        q->state = RH_QUEST_QUIT;
        q->cur = -1;
        return r;
    }
    for (int i = 0; i < set->n; i++) {
        set->s[i].held = rh__assess_test_held(set->s[i].item.key);
        set->s[i].flags = rh__assess_key_in_flags(set->s[i].item.key);
        set->s[i].hop = rh__assess_load_test(set->s[i].item.key);
    }
    q->set = set;
    q->state = RH_QUEST_ASKING;
    q->cur = -1;
    q->n_trail = 0;
    q->cur = next_from(q, -1); /* the first screen shown */
    if (q->cur < 0)
        q->state = RH_QUEST_DONE;
    return 0;
}

int rh_quest_init(struct rh_quest *q, struct rh_err *err)
{
    size_t len;
    const char *text = rh__quest_text(&len);
    return rh_quest_init_from(q, text, len, err);
}

void rh_quest_release(struct rh_quest *q)
{
    set_free(q->set);
    rh_free(q->ans);
    rh_free(q->trail);
    memset(q, 0, sizeof *q);
    q->state = RH_QUEST_QUIT;
    q->cur = -1;
}

/* ---- composing the record ------------------------------------------------------ */

static uint32_t *unknown_of(const struct rh__ifield *f, struct rh_intake *in)
{
    if (strcmp(f->key, "character") == 0)
        return &in->character_unknown;
    if (strcmp(f->key, "history") == 0)
        return &in->history_unknown;
    return NULL;
}

static bool cond_holds(const struct cond *c, const struct rh_intake *in)
{
    const struct rh__ifield *f = c->f;
    if (!rh__ifield_answered(f, in))
        return c->unanswered;
    if (c->below > 0)
        return rh__ifield_num(f, in) < c->below;
    switch (f->kind) {
    case RH__IF_LIST: {
        if (rh__ifield_mask(f, in) & c->words)
            return true;
        uint32_t unk = strcmp(f->key, "character") == 0 ? in->character_unknown
                       : strcmp(f->key, "history") == 0   ? in->history_unknown
                                                          : 0;
        return c->unanswered && (unk & c->words);
    }
    case RH__IF_ENUM:
    case RH__IF_TRI:
        return (c->words & RH_BIT(rh__ifield_word(f, in))) != 0;
    default:
        return false;
    }
}

static bool visible(const struct screen *s, const struct rh_intake *in);

/* Whether screen s will never be shown whatever comes: hidden by its
 * ask_if / never_if lines on keys already answered (the birth screen of a
 * man). Session 27 (ux27): such a screen is no question still to come, so
 * a same-day warning that waits only for it is said at once (new bladder
 * trouble was warned of 27 screens late). */
static bool never_shown(const struct screen *s, const struct rh_intake *in)
{
    if (!in || s->n_conds == 0)
        return false;
    for (int i = 0; i < s->n_conds; i++)
        if (!rh__ifield_answered(s->conds[i].f, in))
            return false;
    return !visible(s, in);
}

/* The questions of screens [from, n) as still to come (in: the record so
 * far, to leave out the screens it already hides; NULL: none left out). */
static void pending_from(const struct rh__quest_set *set, int from, const struct rh_intake *in,
                         struct rh__pending *p)
{
    memset(p, 0, sizeof *p);
    for (int j = from < 0 ? 0 : from; j < set->n; j++) {
        const struct screen *s = &set->s[j];
        if (s->f == &rh__ifield_answering) /* read by no rule */
            continue;
        if (never_shown(s, in))
            continue;
        int k = (int)(s->f - rh__ifields);
        if (s->f->kind == RH__IF_LIST)
            p->words[k] |= s->words;
        else
            p->key[k] = true;
    }
}

/* The name of the red flag that the record of screens [0, upto) already
 * makes a same-day one, whatever the screens from upto on are answered;
 * NULL when none (review 8 B1). */
static const char *urgent_before(const struct rh__quest_set *set, int upto,
                                 const struct rh_intake *in)
{
    struct rh__pending p;
    pending_from(set, upto, in, &p);
    return rh__assess_urgent_certain(in, &p);
}

/* visible, and a held self-test not while a same-day red flag is certain
 * from the record of the screens before it (in). *urgent caches that
 * certainty within one pass (-1 not known yet): it only grows as answers
 * come, so once certain it stays so. */
static bool visible_at(const struct rh__quest_set *set, int i, const struct rh_intake *in,
                       int *urgent)
{
    const struct screen *s = &set->s[i];
    if (!visible(s, in))
        return false;
    if (s->hop) {
        /* session 22 (runner22, runner22b): not when the answers before it
         * already point to a bone stress injury, whose advice is not to hop
         * nor to stand on the leg alone */
        struct rh__pending p;
        pending_from(set, i + 1, in, &p);
        /* the other loading self-tests after it read as not given too
         * (session 22, runner22b): a line that holds this one holds them
         * as well, so they will not be asked (the one-leg stand comes
         * before the hop, whose "not known painless" the sign reads) */
        for (int j = i + 1; j < set->n; j++)
            if (set->s[j].hop && set->s[j].f->kind != RH__IF_LIST)
                p.key[set->s[j].f - rh__ifields] = false;
        if (rh__assess_load_held(in, &p, s->item.key))
            return false;
    }
    if (!s->held)
        return true;
    int u = urgent ? *urgent : -1;
    if (u != 1)
        u = urgent_before(set, i, in) != NULL;
    if (urgent)
        *urgent = u ? 1 : -1; /* not certain: ask again at the next one */
    if (u)
        return false;
    /* session 12 (urgent12): nor while a held_if line is certain */
    struct rh__pending p;
    pending_from(set, i, in, &p);
    return !rh__assess_held_if(in, &p);
}

static bool visible(const struct screen *s, const struct rh_intake *in)
{
    bool has_ask = false, ask = false;
    for (int i = 0; i < s->n_conds; i++) {
        const struct cond *c = &s->conds[i];
        bool h = cond_holds(c, in);
        if (c->never && h)
            return false;
        if (!c->never) {
            has_ask = true;
            ask = ask || h;
        }
    }
    return !has_ask || ask;
}

/* The record from the answers of screens [0, upto); *shown (if not NULL)
 * gets whether screen `upto` would be shown. */
static void compose(const struct rh_quest *q, int upto, struct rh_intake *out, bool *shown)
{
    rh_intake_init(out);
    const struct rh__quest_set *set = q->set;
    int urgent = -1;
    for (int i = 0; i < upto && i < set->n; i++) {
        const struct screen *s = &set->s[i];
        const struct rh__quest_ans *a = &q->ans[i];
        const struct rh__ifield *f = s->f;
        uint32_t *unk = unknown_of(f, out);
        if (!visible_at(set, i, out, &urgent) || !a->answered) {
            bool moot = false;
            for (int k = 0; k < s->n_conds; k++)
                moot |= s->conds[k].moot && cond_holds(&s->conds[k], out);
            if (unk && !moot)
                *unk |= s->words;
            continue;
        }
        switch (s->item.kind) {
        case RH_QUEST_NUMBER:
            rh__ifield_set_num(f, out, a->num, -1, NULL);
            break;
        case RH_QUEST_ONE:
        case RH_QUEST_YESNO:
            rh__ifield_set_word(f, out, a->word);
            break;
        case RH_QUEST_MANY: {
            uint32_t m = rh__ifield_answered(f, out) ? rh__ifield_mask(f, out) : 0;
            rh__ifield_set_mask(f, out, m | a->mask);
            if (unk)
                *unk &= ~s->words;
            break;
        }
        }
    }
    if (shown)
        *shown = upto < set->n && visible_at(set, upto, out, &urgent);
    if (!out->has_character)
        out->character_unknown = 0;
    if (!out->has_history)
        out->history_unknown = 0;
}

static bool shown_at(const struct rh_quest *q, int j)
{
    struct rh_intake tmp;
    bool shown;
    compose(q, j, &tmp, &shown);
    return shown;
}

static int next_from(const struct rh_quest *q, int i)
{
    for (int j = i + 1; j < q->set->n; j++)
        if (shown_at(q, j))
            return j;
    return -1;
}

int rh_quest_intake(const struct rh_quest *q, struct rh_intake *out)
{
    if (!q->set || q->state == RH_QUEST_QUIT)
        return RH_EINVAL;
    compose(q, q->set->n, out, NULL);
    return 0;
}

/* the questionnaire read once for rh__quest_word_offered (never released:
 * it lives as long as the program, as the knowledge base does) */
static pthread_once_t offered_once = PTHREAD_ONCE_INIT;
static struct rh_quest offered_q;
static bool offered_ok;

static void offered_load(void)
{
    offered_ok = rh_quest_init(&offered_q, NULL) == 0;
}

int rh__quest_word_offered(const struct rh__ifield *f, int word, const struct rh_intake *in)
{
    pthread_once(&offered_once, offered_load);
    if (!offered_ok || word < 0 || word >= 32)
        return -1;
    int found = -1;
    for (int i = 0; i < offered_q.set->n; i++) {
        const struct screen *s = &offered_q.set->s[i];
        if (s->f != f || !(s->words & RH_BIT(word)))
            continue;
        if (visible(s, in))
            return 1;
        found = 0;
    }
    return found;
}

int rh_quest_would_ask(const struct rh_quest *q, const char *id, const struct rh_intake *in)
{
    for (int i = 0; q->set && i < q->set->n; i++)
        if (strcmp(q->set->s[i].item.id, id) == 0)
            return visible_at(q->set, i, in, NULL) ? 1 : 0;
    return -1;
}

/* ---- moving ---------------------------------------------------------------------- */

/* Whether a parent answers for a child (the screen of "answering", shown
 * and answered yes): the screens then speak of "your child". */
static bool for_child(const struct rh_quest *q)
{
    for (int i = 0; q->set && i < q->set->n; i++)
        if (q->set->s[i].f == &rh__ifield_answering) {
            struct rh_intake in;
            bool shown = false;
            compose(q, i, &in, &shown);
            return shown && q->ans[i].answered && q->ans[i].word == 1;
        }
    return false;
}

/* Screen i as the runner or the parent reads it. */
static const struct rh_quest_item *item_of(const struct rh_quest *q, int i, bool child)
{
    return child ? &q->set->s[i].child : &q->set->s[i].item;
}

const struct rh_quest_item *rh_quest_current(const struct rh_quest *q)
{
    if (q->state != RH_QUEST_ASKING || q->cur < 0)
        return NULL;
    return item_of(q, q->cur, q->cur > 0 && for_child(q));
}

bool rh_quest_for_child(const struct rh_quest *q)
{
    return q->set && for_child(q);
}

enum rh_quest_state rh_quest_state_of(const struct rh_quest *q)
{
    return q->state;
}

static void advance(struct rh_quest *q)
{
    q->trail[q->n_trail++] = q->cur;
    q->cur = next_from(q, q->cur);
    if (q->cur < 0) {
        q->state = RH_QUEST_DONE;
        q->ended = true;
    }
}

bool rh_quest_ended(const struct rh_quest *q)
{
    return q && q->set && q->state != RH_QUEST_QUIT && q->ended;
}

int rh_quest_skip(struct rh_quest *q)
{
    if (!rh_quest_current(q))
        return RH_EINVAL;
    /* cleared, typed words and suggestion too: a draft must not bring it back */
    q->ans[q->cur].answered = false;
    q->ans[q->cur].typed[0] = '\0';
    q->ans[q->cur].note[0] = '\0';
    advance(q);
    return 0;
}

int rh_quest_back(struct rh_quest *q)
{
    if (!q->set || q->state == RH_QUEST_QUIT)
        return RH_EINVAL;
    if (q->n_trail == 0)
        return RH_ENOTFOUND;
    q->cur = q->trail[--q->n_trail];
    q->state = RH_QUEST_ASKING;
    return 0;
}

/* The record of the screens before the current one (all of them at the
 * end) and where the questions still to come begin. */
static int record_now(const struct rh_quest *q, struct rh_intake *in)
{
    int upto = q->state == RH_QUEST_ASKING && q->cur >= 0 ? q->cur : q->set->n;
    compose(q, upto, in, NULL);
    return upto;
}

const char *rh_quest_urgent(const struct rh_quest *q)
{
    if (!q->set || q->state == RH_QUEST_QUIT)
        return NULL;
    struct rh_intake in;
    int upto = record_now(q, &in);
    return urgent_before(q->set, upto, &in);
}

void rh_quest_urgent_what(const struct rh_quest *q, char *out, size_t cap)
{
    if (!cap)
        return;
    out[0] = '\0';
    if (!q->set || q->state == RH_QUEST_QUIT)
        return;
    struct rh_intake in;
    int upto = record_now(q, &in);
    struct rh__pending p;
    pending_from(q->set, upto, &in, &p);
    (void)rh__assess_urgent_title(&in, &p, out, cap);
}

void rh_quest_urgent_words(const char *flag, char *out, size_t cap)
{
    if (!cap)
        return;
    out[0] = '\0';
    const char *now = rh_words("text", "urgent.now"), *tests = rh_words("text", "urgent.tests");
    if (!flag || !now)
        return;
    const char *ph = strstr(now, "{}");
    if (ph)
        snprintf(out, cap, "%.*s%s%s %s", (int)(ph - now), now, flag, ph + 2, tests ? tests : "");
    else
        snprintf(out, cap, "%s %s", now, tests ? tests : "");
}

int rh_quest_finish(struct rh_quest *q)
{
    if (!rh_quest_current(q))
        return RH_EINVAL;
    q->trail[q->n_trail++] = q->cur;
    q->cur = -1;
    q->state = RH_QUEST_DONE;
    return 0;
}

void rh_quest_quit(struct rh_quest *q)
{
    q->state = RH_QUEST_QUIT;
}

void rh_quest_progress(const struct rh_quest *q, int *pos, int *total)
{
    *pos = *total = 0;
    for (int j = 0; q->set && j < q->set->n; j++)
        if (shown_at(q, j)) {
            ++*total;
            if (q->state == RH_QUEST_ASKING && j <= q->cur)
                ++*pos;
        }
}

void rh_quest_progress_words(const struct rh_quest *q, int n, char *out, size_t cap)
{
    int pos, total;
    rh_quest_progress(q, &pos, &total);
    if (n < 1)
        n = 1;
    int left = total - (pos + n - 1);
    char more[48];
    if (left > 0)
        snprintf(more, sizeof more, "about %d more to go", left);
    else
        snprintf(more, sizeof more, "nearly done");
    if (n > 1)
        snprintf(out, cap, "Questions %d to %d, %s", pos, pos + n - 1, more);
    else
        snprintf(out, cap, "Question %d, %s", pos, more);
}

/* ---- answers ----------------------------------------------------------------------- */

/* Everyday answers: "not sure" is unknown, numbers may be words, come with
 * "about" or a unit, and a duration may be in weeks, months or years. */

static bool is_unknown_answer(const char *t)
{
    static const char *const words[] = {"not sure", "unsure", "don't know", "dont know",
                                        "do not know", "dunno", "no idea", "unknown",
                                        "not known", "i don't know", "i dont know",
                                        "i do not know", "idk", "can't say", "cannot say",
                                        "not sure really"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcasecmp(t, words[i]) == 0)
            return true;
    return false;
}

/* Lower-cases in place and turns curly apostrophes into plain ones. */
static void lower(char *t)
{
    char *w = t;
    for (char *r = t; *r; r++) {
        if ((unsigned char)r[0] == 0xe2 && (unsigned char)r[1] == 0x80 &&
            ((unsigned char)r[2] == 0x98 || (unsigned char)r[2] == 0x99)) {
            *w++ = '\'';
            r += 2;
            continue;
        }
        *w++ = (char)tolower((unsigned char)*r);
    }
    *w = '\0';
}

static bool number_word(const char *w, double *v)
{
    static const char *const small[] = {"zero",    "one",     "two",       "three",    "four",
                                        "five",    "six",     "seven",     "eight",    "nine",
                                        "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                                        "twenty"};
    for (int i = 0; i <= 20; i++)
        if (strcmp(w, small[i]) == 0) {
            *v = i;
            return true;
        }
    static const struct {
        const char *w;
        double v;
    } more[] = {{"none", 0}, {"no", 0}, {"a", 1}, {"an", 1}, {"a couple", 2}, {"couple", 2},
                {"a few", 3}, {"few", 3}, {"half", 0.5}, {"a half", 0.5}, {"thirty", 30},
                {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80},
                {"ninety", 90}, {"a hundred", 100}, {"hundred", 100}};
    for (size_t i = 0; i < sizeof more / sizeof *more; i++)
        if (strcmp(w, more[i].w) == 0) {
            *v = more[i].v;
            return true;
        }
    return false;
}

/* Strips a leading word (and the blanks after it) when t starts with it. */
static bool strip_lead(char **t, const char *w)
{
    size_t n = strlen(w);
    if (strncmp(*t, w, n) != 0 || ((*t)[n] && (*t)[n] != ' ' && w[n - 1] != '~'))
        return false;
    *t += n;
    while (**t == ' ')
        (*t)++;
    return true;
}

static bool strip_tail(char *t, const char *w)
{
    size_t n = strlen(t), k = strlen(w);
    if (n < k || strcmp(t + n - k, w) != 0)
        return false;
    if (n > k && isalnum((unsigned char)t[n - k - 1]) && isalpha((unsigned char)w[0]))
        return false;
    t[n - k] = '\0';
    n -= k;
    while (n && t[n - 1] == ' ')
        t[--n] = '\0';
    return true;
}

/* A number typed as a person would: "14", "about 10", "ten", "2 weeks" (a
 * duration in days: unit_days), "8 hours", "20%". 0 or RH_ESYNTAX. */
static int everyday_number(const char *text, bool unit_days, double *out, bool *converted)
{
    *converted = false;
    char buf[160];
    snprintf(buf, sizeof buf, "%s", text);
    lower(buf);
    char *t = trim(buf);
    static const char *const leads[] = {"about", "around", "roughly", "approximately", "approx.",
                                        "approx", "maybe", "nearly", "almost", "circa", "ca.",
                                        "perhaps", "some", "over", "under", "~"};
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < sizeof leads / sizeof *leads; i++)
            again |= strip_lead(&t, leads[i]);
    }
    static const char *const tails[] = {"or so", "ish", "-ish", "roughly", "or thereabouts",
                                        "ago", "a day", "per day", "a week", "per week", "a month",
                                        "per month", "/week", "/wk", "/day", "a minute",
                                        "per minute", "/min", "/10", "out of 10", "of 10", "%",
                                        "percent", "per cent", "km", "kms", "kilometres",
                                        "kilometers", "k", "years old", "years", "year", "yrs",
                                        "hours", "hour", "hrs", "h", "steps", "spm",
                                        "strides", "sessions", "session", "times", "x"};
    double mult = 1;
    if (unit_days) {
        static const struct {
            const char *w;
            double days;
        } units[] = {{"days", 1}, {"day", 1}, {"weeks", 7}, {"week", 7}, {"wks", 7}, {"wk", 7},
                     {"months", 30}, {"month", 30}, {"years", 365}, {"year", 365}};
        strip_tail(t, "ago");
        for (size_t i = 0; i < sizeof units / sizeof *units; i++)
            if (strip_tail(t, units[i].w)) {
                mult = units[i].days;
                break;
            }
    }
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
            if (!unit_days || strcmp(tails[i], "ago") != 0)
                again |= strip_tail(t, tails[i]);
    }
    *converted = mult != 1;
    if (!*t && mult != 1) { /* "a week" */
        *out = mult;
        return 0;
    }
    char *plus = strstr(t, " and a half");
    double half = 0;
    if (plus) {
        *plus = '\0';
        half = 0.5;
    }
    double v;
    if (rh_parse_double(t, &v) == 0 || number_word(t, &v)) {
        *out = (v + half) * mult;
        return 0;
    }
    /* "10-14": the middle of a range */
    char *dash = strchr(t, '-');
    double a, b;
    if (dash && dash != t) {
        *dash = '\0';
        if (rh_parse_double(trim(t), &a) == 0 && rh_parse_double(trim(dash + 1), &b) == 0 &&
            b >= a) {
            *out = (a + b) / 2 * mult;
            return 0;
        }
    }
    return RH_ESYNTAX;
}

/* The choice a token names: its number from 1, its word (with the usual
 * synonyms), or the start of exactly one choice's label. -1 if none. */
static int find_choice(const struct screen *s, const char *tok)
{
    long n;
    if (rh_parse_long(tok, &n) == 0)
        return n >= 1 && n <= s->item.n_choices ? (int)n - 1 : -1;
    int v = s->f->kind == RH__IF_TRI ? rh__tri_word(tok)
                                     : rh_intake_word_find((enum rh_intake_list)s->f->list, tok);
    for (int i = 0; v >= 0 && i < s->item.n_choices; i++)
        if (s->choices[i].value == v)
            return i;
    size_t tl = strlen(tok);
    int found = -1;
    for (int i = 0; tl >= 3 && i < s->item.n_choices; i++) {
        const char *l = s->choices[i].label;
        if (strncasecmp(l, tok, tl) == 0 && !isalnum((unsigned char)l[tl])) {
            if (found >= 0)
                return -1; /* ambiguous */
            found = i;
        }
        /* "a dull ache" / "dull ache": the label without its article */
        if (strncasecmp(l, "a ", 2) == 0 && strncasecmp(l + 2, tok, tl) == 0 &&
            !isalnum((unsigned char)l[2 + tl]) && found != i) {
            if (found >= 0)
                return -1;
            found = i;
        }
    }
    return found;
}

bool rh_quest_extra(const struct rh_quest_item *it, struct rh_quest_extra *out)
{
    if (!it || it->kind == RH_QUEST_NUMBER || (it->unsure && strcmp(it->unsure, "-") == 0))
        return false;
    if (it->kind == RH_QUEST_MANY) {
        *out = (struct rh_quest_extra){"none", it->none ? it->none : "None of these", 0};
        return true;
    }
    *out = (struct rh_quest_extra){"not sure", it->unsure ? it->unsure : "Not sure",
                                   it->n_choices + 1};
    return true;
}

/* Whether low (lower-cased, trimmed) picks the screen's "not sure": its
 * number after the choices or its own words (rh_quest_extra). */
static bool picks_unsure(const struct screen *s, const char *low)
{
    struct rh_quest_extra x;
    if (!rh_quest_extra(&s->item, &x) || s->item.kind == RH_QUEST_MANY)
        return false;
    long n;
    if (rh_parse_long(low, &n) == 0)
        return n == x.number;
    return strcasecmp(low, x.label) == 0;
}

/* A one-answer screen answered with several of its choices ("4 5", "4, 5",
 * "pop and sprint"): said plainly, with the one to give when the screen
 * says (several =); 0 when tok is not several choices. */
static int several_choices(const struct screen *s, const char *tok, struct rh_err *err)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", tok);
    lower(buf);
    bool picked[64] = {false};
    int n = 0;
    char *save = NULL;
    for (char *w = strtok_r(buf, " ,;/&+", &save); w; w = strtok_r(NULL, " ,;/&+", &save)) {
        if (!strcmp(w, "and") || !strcmp(w, "or"))
            continue;
        int c = find_choice(s, w);
        if (c < 0 || c >= 64)
            return 0; /* not only choices: the usual message */
        n += !picked[c];
        picked[c] = true;
    }
    if (n < 2)
        return 0;
    for (int i = 0; i < s->n_several; i++)
        if (picked[s->several[i]])
            return rh_err_set(err, RH_EKEY,
                              "'%.120s' is %d answers, and this question takes one: type %d (%s)",
                              tok, n, s->several[i] + 1, s->several_why);
    return rh_err_set(err, RH_EKEY,
                      "'%.120s' is %d answers, and this question takes one: type the one number "
                      "that fits best",
                      tok, n);
}

static int bad_choice(const struct screen *s, const char *tok, struct rh_err *err)
{
    int r = s->item.kind != RH_QUEST_MANY ? several_choices(s, tok, err) : 0;
    if (r)
        return r;
    /* the words read back whole (review 11 #17: "'reduced sensation down the
     * outside of my' is not one of the choices"), or cut at a word with
     * "..." when very long */
    char said[128];
    size_t n = strlen(tok);
    if (n < sizeof said) {
        snprintf(said, sizeof said, "%s", tok);
    } else {
        size_t k = sizeof said - 4;
        while (k > 0 && tok[k] != ' ')
            k--;
        if (k == 0)
            k = sizeof said - 4;
        while (k > 0 && ((unsigned char)tok[k] & 0xC0) == 0x80) /* a whole character */
            k--;
        snprintf(said, sizeof said, "%.*s...", (int)k, tok);
    }
    /* the number after the choices only when the screen shows its "not
     * sure" (runner20: "Are you answering for your child?" lists 1 and 2,
     * and a wrong answer said "type a number from 1 to 3") */
    struct rh_quest_extra x;
    int last = s->item.n_choices +
               (s->item.kind != RH_QUEST_MANY && rh_quest_extra(&s->item, &x) ? 1 : 0);
    if (s->item.kind == RH_QUEST_MANY && s->item.n_choices == 1)
        return rh_err_set(err, RH_EKEY, "'%s' is not one of the choices: type 1 if it fits, or 0 "
                          "if not", said);
    return rh_err_set(err, RH_EKEY, "'%s' is not one of the choices: type a number from 1 to %d%s",
                      said, last,
                      s->item.kind == RH_QUEST_MANY ? " (several are fine), or 0 for none" : "");
}

/* The everyday words of "none of these" on a screen of several answers. */
static bool none_word(const char *p)
{
    return strcmp(p, "0") == 0 || strcmp(p, "none") == 0 || strcmp(p, "nothing") == 0 ||
           strcmp(p, "none of these") == 0 || strcmp(p, "no") == 0;
}

/* One part of a list answer: a phrase ("dull ache"), or several numbers or
 * words separated by blanks ("2 8"). */
static int many_part(const struct screen *s, char *part, uint32_t *mask, struct rh_err *err)
{
    char *p = trim(part);
    strip_lead(&p, "and");
    strip_lead(&p, "or");
    p = trim(p);
    if (!*p)
        return 0;
    /* a choice of the screen first: "nothing" is better_with's "Nothing
     * helps" there, not "none of these" (session 28) */
    int c = find_choice(s, p);
    if (c < 0 && none_word(p))
        return rh_err_set(err, RH_ESYNTAX, "0 (none) cannot go with other choices");
    if (c >= 0) {
        *mask |= RH_BIT(s->choices[c].value);
        return 0;
    }
    if (!strchr(p, ' '))
        return bad_choice(s, p, err);
    char whole[160];
    snprintf(whole, sizeof whole, "%s", p);
    char *save = NULL;
    for (char *tok = strtok_r(p, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
        if (strcmp(tok, "0") == 0)
            return rh_err_set(err, RH_ESYNTAX, "0 (none) cannot go with other choices");
        int k = find_choice(s, tok);
        if (k < 0)
            return bad_choice(s, isdigit((unsigned char)tok[0]) ? tok : whole, err);
        *mask |= RH_BIT(s->choices[k].value);
    }
    return 0;
}

static int parse_answer_text(const struct screen *s, const char *text, struct rh__quest_ans *a,
                             struct rh_err *err);

/* Reads text as an answer to screen s into *a. 0, or an error for the
 * runner in err. Unknown ("not sure") gives a->answered false. An answer
 * longer than a->typed keeps, as typed, the same answer in the screen's
 * own short form (the choices' numbers, the figure): the typed text is what
 * a draft replays, and a list cut in the middle of a word was dropped on
 * replay, so every sign ticked on the web form's first screen (172
 * characters of words) was lost, fever and bladder trouble with them
 * (session 28, walk28). */
static int parse_answer(const struct screen *s, const char *text, struct rh__quest_ans *a,
                        struct rh_err *err)
{
    int r = parse_answer_text(s, text, a, err);
    if (r || strlen(text) < sizeof a->typed)
        return r;
    char *o = a->typed;
    size_t cap = sizeof a->typed, n = 0;
    o[0] = '\0';
    if (!a->answered) {
        snprintf(o, cap, "not sure");
        return 0;
    }
    switch (s->item.kind) {
    case RH_QUEST_NUMBER: snprintf(o, cap, "%.*g", rh__num_precision(a->num), a->num); break;
    case RH_QUEST_ONE:
    case RH_QUEST_YESNO:
        for (int i = 0; i < s->item.n_choices; i++)
            if (s->choices[i].value == a->word)
                snprintf(o, cap, "%d", i + 1);
        break;
    case RH_QUEST_MANY:
        for (int i = 0; i < s->item.n_choices && n + 4 < cap; i++)
            if (a->mask & RH_BIT(s->choices[i].value))
                n += (size_t)snprintf(o + n, cap - n, "%s%d", n ? " " : "", i + 1);
        if (!n)
            snprintf(o, cap, "0");
        break;
    }
    return 0;
}

static int parse_answer_text(const struct screen *s, const char *text, struct rh__quest_ans *a,
                             struct rh_err *err)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", text);
    char *t = trim(buf);
    if (!*t)
        return rh_err_set(err, RH_ESYNTAX, "no answer typed");
    struct rh__quest_ans z = {true, RH_NONE, -1, 0, "", ""};
    *a = z;
    snprintf(a->typed, sizeof a->typed, "%s", t);
    char low[512];
    snprintf(low, sizeof low, "%s", t);
    lower(low);
    if (is_unknown_answer(low) || picks_unsure(s, low)) {
        a->answered = false;
        return 0;
    }
    switch (s->item.kind) {
    case RH_QUEST_NUMBER: {
        double v;
        char lo[32], hi[32];
        snprintf(lo, sizeof lo, "%.*g", rh__num_precision(s->item.min), s->item.min);
        snprintf(hi, sizeof hi, "%.*g", rh__num_precision(s->item.max), s->item.max);
        bool days = s->item.unit && strcmp(s->item.unit, "days") == 0, converted;
        if (everyday_number(t, days, &v, &converted))
            return rh_err_set(err, RH_ESYNTAX, "please type a number from %s to %s%s", lo, hi,
                              days ? " (\"3 weeks\" or \"2 months\" is fine too)" : "");
        if (s->item.whole && converted)
            v = floor(v + 0.5); /* "1.5 weeks": 10.5 days, a whole number is asked */
        bool halved = s->double_below > 0 && v < s->double_below && v * 2 >= s->item.min &&
                      v * 2 <= s->item.max; /* strides: rh_quest_answer asks */
        if (!halved && (v < s->item.min || v > s->item.max))
            return rh_err_set(err, RH_ERANGE, "%.*g is out of range: please type a number from %s to %s",
                              rh__num_precision(v), v, lo, hi);
        if (s->item.whole && v != floor(v))
            return rh_err_set(err, RH_ESYNTAX, "please type a whole number from %s to %s", lo, hi);
        a->num = v;
        break;
    }
    case RH_QUEST_ONE:
    case RH_QUEST_YESNO: {
        int c = find_choice(s, low);
        if (c < 0 && s->item.kind == RH_QUEST_YESNO) {
            if (strncmp(low, "yes", 3) == 0 || strncmp(low, "yeah", 4) == 0 ||
                strncmp(low, "yep", 3) == 0)
                c = find_choice(s, "yes");
            else if (strncmp(low, "no", 2) == 0 && !isalpha((unsigned char)low[2]))
                c = find_choice(s, "no");
            else if (strcmp(low, "nope") == 0)
                c = find_choice(s, "no");
        }
        if (c < 0)
            return bad_choice(s, t, err);
        a->word = s->choices[c].value;
        break;
    }
    case RH_QUEST_MANY: {
        /* a word or label of one of the screen's choices is that choice:
         * better_with's "nothing" (Nothing helps, a warning sign with pain
         * that lasts) was read as "none of these" when the web form sent it
         * or a runner typed it (session 28, walk28) */
        if (find_choice(s, low) < 0 && none_word(low))
            break;
        /* parts: commas, semicolons, " and ", " or " */
        char *p = low;
        for (char *q; (q = strstr(p, " and ")) || (q = strstr(p, " or "));) {
            q[0] = ',';
            p = q + 1;
        }
        char *save = NULL;
        for (char *part = strtok_r(low, ",;", &save); part; part = strtok_r(NULL, ",;", &save)) {
            int r = many_part(s, part, &a->mask, err);
            if (r)
                return r;
        }
        break;
    }
    }
    return 0;
}

static bool asks_double(const struct screen *s, const struct rh__quest_ans *a)
{
    return a->answered && s->item.kind == RH_QUEST_NUMBER && s->double_below > 0 &&
           a->num < s->double_below && a->num * 2 <= s->item.max && a->num * 2 >= s->item.min;
}

/* The question offering the doubled figure, into err->msg (code 0). */
static void double_question(const struct screen *s, const struct rh__quest_ans *a,
                            struct rh_err *err)
{
    char v1[32], v2[32];
    snprintf(v1, sizeof v1, "%.*g", rh__num_precision(a->num), a->num);
    snprintf(v2, sizeof v2, "%.*g", rh__num_precision(a->num * 2), a->num * 2);
    const char *note = s->double_note ? s->double_note : "Did you mean {2} ({} doubled)?";
    char msg[sizeof err->msg];
    size_t k = 0;
    for (const char *p = note; *p && k + 1 < sizeof msg; p++) {
        const char *ins = NULL;
        if (p[0] == '{' && p[1] == '}')
            ins = v1, p += 1;
        else if (p[0] == '{' && p[1] == '2' && p[2] == '}')
            ins = v2, p += 2;
        if (ins)
            k += (size_t)snprintf(msg + k, sizeof msg - k, "%s", ins);
        else
            msg[k++] = *p;
        if (k >= sizeof msg)
            k = sizeof msg - 1;
    }
    msg[k] = '\0';
    rh_err_set(err, 0, "%s", msg);
}

int rh_quest_answer(struct rh_quest *q, const char *text, struct rh_err *err)
{
    rh_err_clear(err);
    if (!rh_quest_current(q))
        return rh_err_set(err, RH_EINVAL, "no question is being asked");
    const struct screen *s = &q->set->s[q->cur];
    struct rh__quest_ans a;
    int r = parse_answer(s, text, &a, err);
    if (r)
        return r;
    q->has_pending = false;
    if (asks_double(s, &a)) {
        /* "84" cadence: a watch showing strides (one foot); ask before doubling */
        q->has_pending = true;
        q->pending = a;
        q->pending.num = a.num * 2;
        double_question(s, &a, err);
        return RH_QUEST_CONFIRM;
    }
    q->ans[q->cur] = a;
    advance(q);
    return 0;
}

int rh_quest_confirm(struct rh_quest *q, bool yes)
{
    if (!rh_quest_current(q) || !q->has_pending)
        return RH_EINVAL;
    q->has_pending = false;
    if (!yes)
        return 0; /* the runner types the figure again */
    char typed[RH_QUEST_TYPED];
    snprintf(typed, sizeof typed, "%.*g", rh__num_precision(q->pending.num), q->pending.num);
    snprintf(q->pending.typed, sizeof q->pending.typed, "%s", typed);
    q->ans[q->cur] = q->pending;
    advance(q);
    return 0;
}

bool rh_quest_has_answer(const struct rh_quest *q)
{
    return rh_quest_current(q) && (q->ans[q->cur].answered || q->ans[q->cur].typed[0]);
}

int rh_quest_keep(struct rh_quest *q)
{
    if (!rh_quest_current(q))
        return RH_EINVAL;
    advance(q); /* the answer (or "not known") stays as it was */
    return 0;
}

const char *rh_quest_current_note(const struct rh_quest *q)
{
    if (!rh_quest_current(q) || !q->ans[q->cur].note[0])
        return NULL;
    return q->ans[q->cur].note;
}

int rh_quest_current_answer(const struct rh_quest *q, struct rh_buf *out)
{
    if (!rh_quest_current(q))
        return 0;
    const struct rh__quest_ans *a = &q->ans[q->cur];
    if (!a->answered && !a->typed[0])
        return 0;
    int r = rh_buf_puts(out, a->typed);
    return r ? r : 1;
}

/* Whether the runner has moved on from screen i (kept, answered, skipped). */
static bool passed(const struct rh_quest *q, int i)
{
    for (int k = 0; k < q->n_trail; k++)
        if (q->trail[k] == i)
            return true;
    return false;
}

int rh_quest_prefill(struct rh_quest *q, const char *key, const char *text, const char *note)
{
    if (!q->set)
        return RH_EINVAL;
    for (int i = 0; i < q->set->n; i++) {
        const struct screen *s = &q->set->s[i];
        if (strcmp(s->f->key, key) != 0 || s->item.kind == RH_QUEST_MANY)
            continue;
        struct rh__quest_ans a;
        struct rh_err err;
        rh_err_clear(&err);
        int r = parse_answer(s, text, &a, &err);
        if (r)
            return r;
        if ((q->ans[i].answered || q->ans[i].typed[0]) && !(q->ans[i].note[0] && !passed(q, i)))
            return 0; /* the runner's own answer stands, and a suggestion passed */
        snprintf(a.note, sizeof a.note, "%s", note ? note : "");
        q->ans[i] = a;
        return 0;
    }
    return RH_ENOTFOUND;
}

/* ---- drafts ---------------------------------------------------------------------- */

int rh_quest_draft(const struct rh_quest *q, struct rh_buf *out)
{
    if (!q->set)
        return RH_EINVAL;
    int r = rh_buf_puts(out, "# runhip questionnaire draft: screen = the answer as typed\n");
    for (int i = 0; !r && i < q->set->n; i++) {
        const struct rh__quest_ans *a = &q->ans[i];
        if (!a->typed[0] || a->note[0])
            continue; /* not answered, or only suggested from the watch data */
        r = rh_buf_printf(out, "%s = ", q->set->s[i].item.id);
        for (const char *p = a->typed; !r && *p; p++) /* one line each */
            r = rh_buf_append(out, *p == '\n' || *p == '\r' ? " " : p, 1);
        if (!r)
            r = rh_buf_puts(out, "\n");
    }
    if (!r && q->cur >= 0)
        r = rh_buf_printf(out, "@at = %s\n", q->set->s[q->cur].item.id);
    if (!r && q->ended)
        r = rh_buf_puts(out, "@end = yes\n");
    return r;
}

int rh_quest_draft_count(const struct rh_quest *q)
{
    int n = 0;
    for (int i = 0; q->set && i < q->set->n; i++)
        n += q->ans[i].typed[0] && !q->ans[i].note[0];
    return n;
}

struct resume {
    struct rh_quest *q;
    int at;
    int n;
};

static int resume_cb(void *ctx, const char *section, const char *key, const char *value, long line,
                     struct rh_err *err)
{
    (void)section;
    (void)line;
    (void)err;
    struct resume *rs = ctx;
    const struct rh__quest_set *set = rs->q->set;
    for (int i = 0; i < set->n; i++) {
        if (strcmp(set->s[i].item.id, key) == 0) {
            struct rh__quest_ans a;
            struct rh_err e;
            rh_err_clear(&e);
            if (parse_answer(&set->s[i], value, &a, &e) == 0) { /* questions changed: dropped */
                rs->q->ans[i] = a;
                rs->n++;
            }
            return 0;
        }
        if (strcmp(key, "@at") == 0 && strcmp(set->s[i].item.id, value) == 0)
            rs->at = i;
    }
    if (strcmp(key, "@end") == 0 && strcmp(value, "yes") == 0)
        rs->q->ended = true;
    return 0;
}

int rh_quest_resume(struct rh_quest *q, const char *draft, size_t len, struct rh_err *err)
{
    if (!q->set || q->state == RH_QUEST_QUIT)
        return RH_EINVAL;
    struct resume rs = {q, -1, 0};
    int r = rh_kv_parse(draft, len, resume_cb, &rs, err);
    if (r)
        return r;
    /* the screens shown before the saved place form the trail, so back works */
    q->n_trail = 0;
    q->state = RH_QUEST_ASKING;
    q->cur = next_from(q, -1);
    while (q->cur >= 0 && rs.at >= 0 && q->cur < rs.at) {
        q->trail[q->n_trail++] = q->cur;
        q->cur = next_from(q, q->cur);
    }
    if (q->cur < 0)
        q->state = RH_QUEST_DONE;
    return rs.n;
}

/* ---- pages: several screens at once (the web form) --------------------------------- */

static int screen_index(const struct rh_quest *q, const char *id)
{
    for (int i = 0; q->set && id && i < q->set->n; i++)
        if (strcmp(q->set->s[i].item.id, id) == 0)
            return i;
    return -1;
}

/* Whether screen j has a condition on the key of one of the screens in page[0..n).
 * A held self-test also depends on every page screen whose key a red-flag
 * rule reads: an answer there may make a same-day red flag certain. */
static bool depends_on(const struct rh_quest *q, int j, const int *page, int n)
{
    const struct screen *s = &q->set->s[j];
    for (int k = 0; s->held && k < n; k++)
        if (q->set->s[page[k]].flags)
            return true;
    for (int c = 0; c < s->n_conds; c++)
        for (int k = 0; k < n; k++)
            if (s->conds[c].f == q->set->s[page[k]].f)
                return true;
    return false;
}

static int weight(const struct screen *s)
{
    return s->item.kind == RH_QUEST_NUMBER ? 1 : s->item.n_choices;
}

/* The screens of the page that starts at screen `from` (shown), into page[]. */
static int page_from(const struct rh_quest *q, int from, int room, int page[RH_QUEST_PAGE_MAX])
{
    int n = 0, used = 0;
    page[n++] = from;
    used = weight(&q->set->s[from]);
    for (int j = from + 1; j < q->set->n && n < RH_QUEST_PAGE_MAX; j++) {
        if (depends_on(q, j, page, n))
            break; /* its showing may change with an answer on this page */
        if (!shown_at(q, j))
            continue;
        if (used + weight(&q->set->s[j]) > room)
            break;
        used += weight(&q->set->s[j]);
        page[n++] = j;
    }
    return n;
}

int rh_quest_page(const struct rh_quest *q, int room, const struct rh_quest_item *items[RH_QUEST_PAGE_MAX])
{
    if (!rh_quest_current(q))
        return 0;
    int page[RH_QUEST_PAGE_MAX];
    int n = page_from(q, q->cur, room, page);
    bool child = for_child(q);
    for (int i = 0; i < n; i++)
        items[i] = item_of(q, page[i], child);
    return n;
}

/* Whether screen j (after the page page[0..n)) could be shown for some
 * answers to the page, the other answers as they are: a condition on a
 * key the page asks may go either way, the others hold or not as now.
 * *held_now: whether a same-day red flag is already certain before the
 * page, worked out at the first held screen and kept for the later ones of
 * one rh_quest_page_last (-1: not yet). */
static bool may_show(const struct rh_quest *q, int j, const int *page, int n, int *held_now)
{
    struct rh_intake in;
    bool shown;
    compose(q, j, &in, &shown);
    if (shown)
        return true;
    const struct screen *s = &q->set->s[j];
    if (s->held && visible(s, &in)) {
        /* a same-day red flag already certain before this page holds it
         * whatever the page's answers (the certainty only grows, as
         * visible_at says): a page whose answers a flag's exception or a
         * negated answer reads does not make it "Next" (session 15) */
        if (*held_now < 0) {
            struct rh_intake before;
            compose(q, q->cur, &before, NULL);
            *held_now = urgent_before(q->set, q->cur, &before) != NULL;
        }
        if (*held_now)
            return false;
        /* hidden by a same-day red flag: no answer can undo it, and only
         * an answer a red-flag rule reads could have made it */
        bool flags = false;
        for (int k = 0; k < n; k++)
            flags |= q->set->s[page[k]].flags;
        if (!flags)
            return false;
    }
    bool has_ask = false, ask = false;
    for (int c = 0; c < s->n_conds; c++) {
        const struct cond *cd = &s->conds[c];
        bool on_page = false;
        for (int k = 0; k < n && !on_page; k++)
            on_page = cd->f == q->set->s[page[k]].f;
        if (cd->never) {
            if (!on_page && cond_holds(cd, &in))
                return false;
            continue;
        }
        has_ask = true;
        ask = ask || on_page || cond_holds(cd, &in);
    }
    return !has_ask || ask;
}

bool rh_quest_page_last(const struct rh_quest *q, int room)
{
    if (!rh_quest_current(q))
        return true;
    int page[RH_QUEST_PAGE_MAX];
    int n = page_from(q, q->cur, room, page);
    assert(n >= 1 && page[0] == q->cur);
    int held_now = -1;
    for (int j = q->cur + 1, k = 1; j < q->set->n; j++) {
        if (k < n && page[k] == j) {
            k++;
            continue;
        }
        if (may_show(q, j, page, n, &held_now))
            return false;
    }
    return true;
}

/* Puts the questionnaire on screen `at` with the screens shown before it as
 * the trail (as a resumed draft does). */
static void place(struct rh_quest *q, int at)
{
    q->n_trail = 0;
    q->state = RH_QUEST_ASKING;
    q->has_pending = false;
    q->cur = next_from(q, -1);
    while (q->cur >= 0 && at >= 0 && q->cur < at) {
        q->trail[q->n_trail++] = q->cur;
        q->cur = next_from(q, q->cur);
    }
    if (q->cur < 0) {
        q->state = RH_QUEST_DONE;
        q->ended = true;
    }
}

const char *rh_quest_word_label(const struct rh_quest *q, const char *key, const char *word)
{
    for (int i = 0; q->set && key && word && i < q->set->n; i++) {
        const struct rh_quest_item *it = &q->set->s[i].item;
        if (!it->key || strcmp(it->key, key) != 0)
            continue;
        for (int k = 0; k < it->n_choices; k++)
            if (strcmp(it->choices[k].word, word) == 0)
                return it->choices[k].label;
    }
    return NULL;
}

int rh_quest_seek(struct rh_quest *q, const char *id)
{
    if (!q->set || q->state == RH_QUEST_QUIT)
        return RH_EINVAL;
    int at = screen_index(q, id);
    if (at < 0 || !shown_at(q, at))
        return RH_ENOTFOUND;
    place(q, at);
    return 0;
}

int rh_quest_page_back(struct rh_quest *q, int room)
{
    if (!q->set || q->state == RH_QUEST_QUIT)
        return RH_EINVAL;
    int end = q->state == RH_QUEST_DONE || q->cur < 0 ? q->set->n : q->cur;
    int prev = -1, page[RH_QUEST_PAGE_MAX];
    for (int p = next_from(q, -1); p >= 0 && p < end;) {
        prev = p;
        int n = page_from(q, p, room, page);
        p = next_from(q, page[n - 1]);
    }
    if (prev < 0)
        return RH_ENOTFOUND;
    place(q, prev);
    return 0;
}

int rh_quest_check(const struct rh_quest *q, const char *id, const char *text, struct rh_err *err)
{
    rh_err_clear(err);
    int i = screen_index(q, id);
    if (i < 0)
        return rh_err_set(err, RH_ENOTFOUND, "no question '%.40s'", id ? id : "");
    struct rh__quest_ans a;
    int r = parse_answer(&q->set->s[i], text, &a, err);
    if (r)
        return r;
    if (asks_double(&q->set->s[i], &a)) {
        double_question(&q->set->s[i], &a, err);
        return RH_QUEST_CONFIRM;
    }
    return 0;
}

int rh_quest_given(const struct rh_quest *q, const char *id, struct rh_quest_given *out)
{
    memset(out, 0, sizeof *out);
    out->word = -1;
    int i = screen_index(q, id);
    if (i < 0)
        return RH_ENOTFOUND;
    const struct rh__quest_ans *a = &q->ans[i];
    out->has = a->answered || a->typed[0];
    out->answered = a->answered;
    out->word = a->answered ? a->word : -1;
    out->mask = a->answered ? a->mask : 0;
    out->num = a->num;
    out->typed = a->typed;
    out->note = a->note[0] ? a->note : NULL;
    return 0;
}

/* ---- figures from the stored runs ------------------------------------------------- */

/* The training fields the stored runs can give (rh_load_fill_intake), as
 * the questionnaire suggests them: the figure as text, or false when in
 * has none. */
static const struct {
    unsigned bit;
    const char *key;
} suggested[] = {
    {RH_FROM_DATA_WEEKLY_KM, "weekly_km"}, {RH_FROM_DATA_KM_CHANGE, "km_change_pct"},
    {RH_FROM_DATA_CADENCE, "cadence_spm"}, {RH_FROM_DATA_SHOE_KM, "shoe_km"},
    {RH_FROM_DATA_SAME_ROUTE, "same_route"},
};

static bool figure_text(unsigned bit, const struct rh_intake *in, char out[32])
{
    switch (bit) {
    case RH_FROM_DATA_WEEKLY_KM:
        return !isnan(in->weekly_km) && snprintf(out, 32, "%.1f", in->weekly_km) > 0;
    case RH_FROM_DATA_KM_CHANGE:
        return !isnan(in->km_change_pct) && snprintf(out, 32, "%.0f", in->km_change_pct) > 0;
    case RH_FROM_DATA_CADENCE:
        return in->cadence_spm >= 0 && snprintf(out, 32, "%d", in->cadence_spm) > 0;
    case RH_FROM_DATA_SHOE_KM:
        return in->shoe_km >= 0 && snprintf(out, 32, "%d", in->shoe_km) > 0;
    case RH_FROM_DATA_SAME_ROUTE:
        return in->same_route != RH_TRI_UNKNOWN &&
               snprintf(out, 32, "%s", in->same_route == RH_TRI_YES ? "yes" : "no") > 0;
    }
    return false;
}

int rh_quest_suggest(struct rh_quest *q, const struct rh_intake *data, const char *note)
{
    int n = 0;
    /* data/wording.txt [text]: the figures of the weeks before the pain
     * began say so (the shoes' distance is today's: the question asks about
     * the pair run in now) */
    const char *plain = rh_words("text", "suggest"), *before = rh_words("text", "suggest.before_onset");
    if (!plain)
        plain = "Your watch data says";
    /* suggested again (other figures, for the answers so far): an earlier
     * suggestion the runner has not reached yet goes */
    for (int i = 0; q->set && i < q->set->n; i++)
        if (q->ans[i].note[0] && !passed(q, i))
            memset(&q->ans[i], 0, sizeof q->ans[i]); /* as a screen never answered */
    /* the change measured over the days just before the onset (data/
     * load_rules.txt onset_lead_days, load19), said so as the assessment's
     * sentence says it ([text] suggest.onset_lead, its {} the days) */
    char lead[200] = "";
    const char *lt = rh_words("text", "suggest.onset_lead"), *ph = lt ? strstr(lt, "{}") : NULL;
    if (ph && data->data_before_onset && data->data_lead_days > 0) {
        char days[16];
        snprintf(days, sizeof days, "%d", data->data_lead_days);
        const char *const args[] = {days};
        rh_text_fill(lead, sizeof lead, lt, args, 1);
    }
    for (size_t i = 0; i < sizeof suggested / sizeof *suggested; i++) {
        char t[32];
        const char *nt = note ? note
                         : *lead && suggested[i].bit == RH_FROM_DATA_KM_CHANGE ? lead
                         : data->data_before_onset && before &&
                                   suggested[i].bit != RH_FROM_DATA_SHOE_KM ? before
                                                                            : plain;
        if ((data->from_data & suggested[i].bit) && figure_text(suggested[i].bit, data, t) &&
            rh_quest_prefill(q, suggested[i].key, t, nt) == 0)
            n++;
    }
    return n;
}

void rh_quest_mark_kept(const struct rh_intake *data, struct rh_intake *in)
{
    /* the runs offered nothing, and why: said with the assessment */
    in->data_not_recent = data->data_not_recent;
    in->data_newest_run = data->data_newest_run;
    in->data_window_weeks = data->data_window_weeks;
    in->data_cover_weeks = data->data_cover_weeks;
    in->data_patchy = data->data_patchy;
    /* the weeks they were measured over: those before the pain began */
    in->data_before_onset = data->data_before_onset;
    in->data_onset_day = data->data_onset_day;
    in->data_lead_days = data->data_lead_days;
    for (size_t i = 0; i < sizeof suggested / sizeof *suggested; i++) {
        char a[32], b[32];
        unsigned bit = suggested[i].bit;
        if ((data->from_data & bit) && figure_text(bit, data, a) && figure_text(bit, in, b) &&
            strcmp(a, b) == 0)
            in->from_data |= bit;
    }
}
