/* SPDX-License-Identifier: MIT */
/*
 * The words people read: wording of internal names, readable numbered
 * references, and the rewrite of texts written with keys and ids into plain
 * words (runhip/text.h).
 */
#include <assert.h>
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runhip/assess.h"
#include "text/text_int.h"
#include "util/banned.h"

#define POOL_SIZE (512 * 1024) /* data/wording.txt and references.txt held about 160 kB in session 21 */
#define MAX_WORDS 3000 /* 1,162 texts in session 21, 2,000 reached in session 27 (physio27): room for more */
#define WORD_HASH 8192 /* a power of two, over twice MAX_WORDS */
_Static_assert(WORD_HASH >= 2 * MAX_WORDS && (WORD_HASH & (WORD_HASH - 1)) == 0, "hash size");
#define MAX_REFS 256
#define MAX_IDS 400

struct word {
    const char *section, *key, *runner, *clinical;
};
struct ref {
    const char *key, *also, *shrt, *full;
    bool hidden;
    bool compact_short; /* compact = short (phys28): the compact list's citation */
};
struct idname {
    const char *id, *name;
    int file; /* ID_CONDITIONS, ID_RED_FLAGS, ... (the order load reads them in) */
};
enum { ID_CONDITIONS, ID_RED_FLAGS, ID_LOAD, ID_PLAN, ID_EXERCISES };

static struct {
    char pool[POOL_SIZE];
    size_t used;
    int n_words, n_refs, n_ids;
    struct word words[MAX_WORDS];
    struct ref refs[MAX_REFS];
    struct idname ids[MAX_IDS];
    /* session 20 (branch fuzz20): words[] by section and key, so that a
     * look-up is a few comparisons, not a walk of every word (the
     * assessment looks up thousands a diary entry: 50 ms of its 52) */
    int hash[WORD_HASH]; /* 1 + index into words, 0 empty */
    int status;
    struct rh_err err;
} T;

static unsigned word_hash(const char *section, const char *key)
{
    unsigned h = 2166136261u;
    for (const char *p = section; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    h = (h ^ 0xffu) * 16777619u;
    for (const char *p = key; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    return h & (WORD_HASH - 1);
}

/* The index of words[]: the first of two words of the same section and key wins, as
 * a walk from the top found it. */
static void hash_words(void)
{
    memset(T.hash, 0, sizeof T.hash);
    for (int i = 0; i < T.n_words; i++) {
        unsigned h = word_hash(T.words[i].section, T.words[i].key);
        for (;; h = (h + 1) & (WORD_HASH - 1)) {
            int k = T.hash[h] - 1;
            if (k < 0) {
                T.hash[h] = i + 1;
                break;
            }
            if (strcmp(T.words[k].section, T.words[i].section) == 0 &&
                strcmp(T.words[k].key, T.words[i].key) == 0)
                break;
        }
    }
}

/* Read once; running out of memory while reading is not kept: the next
 * call reads again (like the assessment's knowledge base), so one failed
 * allocation cannot silence every text for the rest of the process. */
static pthread_mutex_t t_mu = PTHREAD_MUTEX_INITIALIZER;
static int t_state = 1; /* 1: not read yet; RH_ENOMEM: read again next time */

static const char *pool_dup(const char *s, size_t n)
{
    if (T.used + n + 1 > POOL_SIZE)
        return NULL;
    char *d = T.pool + T.used;
    memcpy(d, s, n);
    d[n] = '\0';
    T.used += n + 1;
    return d;
}

static const char *trim_dup(const char *b, const char *e)
{
    while (b < e && isspace((unsigned char)*b))
        b++;
    while (e > b && isspace((unsigned char)e[-1]))
        e--;
    return pool_dup(b, (size_t)(e - b));
}

/* ---- reading the files ------------------------------------------------------ */

static int wording_cb(void *ctx, const char *section, const char *key, const char *value,
                      long line, struct rh_err *err)
{
    (void)ctx;
    if (T.n_words >= MAX_WORDS)
        return rh_err_setl(err, RH_ELIMIT, line, "data/wording.txt: too many entries");
    struct word *w = &T.words[T.n_words];
    const char *bar = strstr(value, " | ");
    w->section = trim_dup(section, section + strlen(section));
    w->key = trim_dup(key, key + strlen(key));
    if (bar) {
        w->runner = trim_dup(value, bar);
        w->clinical = trim_dup(bar + 3, value + strlen(value));
    } else {
        w->runner = trim_dup(value, value + strlen(value));
        w->clinical = w->runner;
    }
    if (!w->section || !w->key || !w->runner || !w->clinical)
        return rh_err_setl(err, RH_ELIMIT, line, "data/wording.txt: text pool full");
    if (!section[0])
        return rh_err_setl(err, RH_EFORMAT, line, "data/wording.txt: '%s' outside a section", key);
    T.n_words++;
    return 0;
}

static struct ref *ref_find_key(const char *key, size_t n);

static int refs_cb(void *ctx, const char *section, const char *key, const char *value, long line,
                   struct rh_err *err)
{
    (void)ctx;
    if (!section[0])
        return rh_err_setl(err, RH_EFORMAT, line, "data/references.txt: '%s' outside a section",
                           key);
    struct ref *r = T.n_refs ? &T.refs[T.n_refs - 1] : NULL;
    if (!r || strcmp(r->key, section) != 0) {
        if (T.n_refs >= MAX_REFS)
            return rh_err_setl(err, RH_ELIMIT, line, "data/references.txt: too many sources");
        if (ref_find_key(section, strlen(section)))
            return rh_err_setl(err, RH_EFORMAT, line, "data/references.txt: [%s] twice", section);
        r = &T.refs[T.n_refs++];
        memset(r, 0, sizeof *r);
        r->key = pool_dup(section, strlen(section));
        r->also = "";
    }
    const char *v = trim_dup(value, value + strlen(value));
    if (!v || !r->key)
        return rh_err_setl(err, RH_ELIMIT, line, "data/references.txt: text pool full");
    if (strcmp(key, "short") == 0)
        r->shrt = v;
    else if (strcmp(key, "full") == 0)
        r->full = v;
    else if (strcmp(key, "also") == 0)
        r->also = v;
    else if (strcmp(key, "hidden") == 0)
        r->hidden = strcmp(v, "yes") == 0;
    else if (strcmp(key, "compact") == 0 && strcmp(v, "short") == 0)
        r->compact_short = true;
    else
        return rh_err_setl(err, RH_EFORMAT, line, "data/references.txt: unknown key '%s'", key);
    return 0;
}

/* Section names with a display name ("name" or "title") in the other data files. */
static int ids_cb(void *ctx, const char *section, const char *key, const char *value, long line,
                  struct rh_err *err)
{
    (void)line;
    (void)err;
    if (!section[0] || (strcmp(key, "name") != 0 && strcmp(key, "title") != 0))
        return 0;
    const char *dot = strrchr(section, '.');
    const char *id = dot ? dot + 1 : section;
    for (int i = 0; i < T.n_ids; i++)
        if (strcmp(T.ids[i].id, id) == 0)
            return 0; /* the first file read wins (conditions before flags) */
    if (T.n_ids >= MAX_IDS)
        return 0;
    T.ids[T.n_ids].id = pool_dup(id, strlen(id));
    T.ids[T.n_ids].name = trim_dup(value, value + strlen(value));
    T.ids[T.n_ids].file = *(const int *)ctx;
    if (T.ids[T.n_ids].id && T.ids[T.n_ids].name)
        T.n_ids++;
    return 0;
}

/* The keys of data/wording.txt [text], each required and no other allowed
 * (words17): a typo in the file or a sentence lost from it fails the tests
 * (rh_text_check), so the code needs no English fallback of its own. */
static const char *const text_keys[] = {
    "assess.saved", "web.not_found.title", "web.not_found", "disclaimer", "disclaimer.child",
    "references", "from_data", "from_data.onset", "from_data.onset_lead",
    "from_data.recorded", "from_data.said", "suggest", "suggest.before_onset", "suggest.onset_lead", "flag_reason",
    "running_because", "running_because_of", "running_fits", "running_for", "advice",
    "advice.now", "advice.cleared", "advice.settled", "advice.pelvic", "advice.running_back",
    "log_session.terminal",
    "log_session.web", "no_assessment.terminal", "no_assessment.web", "no_name",
    "flag_from_note", "note_nothing.terminal", "note_nothing.web", "note_nothing.asked", "note_known_nerve", "note_aside_pressure", "note_aside_unchanged", "flag_because",
    "flag_from_note.clinical", "from_data_lead.clinical", "from_data_onset.clinical",
    "from_data_answers.clinical", "from_data_corrected.clinical", "none_listed.clinical",
    "child_person", "proxy_person",
    "third_person.clinical", "unranked.heading", "unranked.web", "unranked.note",
    "unranked.ask", "cause.no_reason", "unranked.save", "unranked.save.replaces", "flags.set_aside",
    "flags.set_aside.web", "answers.most", "answers.shown", "answers.more", "flags.high", "flags.low",
    "signs.unchecked", "unranked.first", "urgent.now", "urgent.tests", "urgent.offer",
    "urgent.button", "quest.intro", "save_not_at_end.web", "save_not_at_end.api",
    "activities.hand_logged.web", "import.nothing.web", "import.replaced",
    "diary.that_morning", "diary.this_morning", "diary.next_morning", "checkin.chance",
    "checkin.scale",
    "note_weight.over", "note_weight.under", "note_weight.amount.terminal", "note_weight.amount.web",
    "note_weight.small.terminal", "note_weight.small.web", "note_weight.time",
    "note_weight.over.slow", "note_weight.under.slow",
    "activity.run", "activity.walk", "activity.cross_train", "activity.strength",
    "activity.mobility", "session.strength", "session.mobility", "session.cross_train",
    "session.rest", "session.run",
};
/* A word as read, before the checks (word_find waits for them). */
static const struct word *word_find_raw(const char *section, const char *key)
{
    for (int i = 0; i < T.n_words; i++)
        if (strcmp(T.words[i].section, section) == 0 && strcmp(T.words[i].key, key) == 0)
            return &T.words[i];
    return NULL;
}

/* Words of other sections the code reads without a fallback. */
static const struct {
    const char *section, *key;
} needed_words[] = {{"note_read", "stress_leak"},
                    {"topic_advice", "topic_bladder"},
                    {"topic_advice", "topic_night"},
                    {"topic_advice", "topic_weight"},
                    {"topic_advice", "topic_lock"},
                    {"note_read_fact", "saddle"},
                    {"note_read", "saddle_numb"},
                    {"note_title", "saddle_numb"}};

/* words18: data/wording.txt [reason], also a closed set */
static const char *const reason_keys[] = {"absence_words", "clinician_only", "filler_words"};

static int check_words(struct rh_err *err)
{
    size_t nk = sizeof text_keys / sizeof *text_keys;
    size_t nr = sizeof reason_keys / sizeof *reason_keys;
    for (int i = 0; i < T.n_words; i++) {
        if (strcmp(T.words[i].section, "reason") == 0) {
            size_t k = 0;
            while (k < nr && strcmp(reason_keys[k], T.words[i].key) != 0)
                k++;
            if (k == nr)
                return rh_err_set(err, RH_EFORMAT, "data/wording.txt: [reason] unknown key '%s'",
                                  T.words[i].key);
        }
    }
    for (size_t k = 0; k < nr; k++)
        if (!word_find_raw("reason", reason_keys[k]))
            return rh_err_set(err, RH_EFORMAT, "data/wording.txt: [reason] has no '%s'",
                              reason_keys[k]);
    for (int i = 0; i < T.n_words; i++) {
        if (strcmp(T.words[i].section, "text") != 0)
            continue;
        size_t k = 0;
        while (k < nk && strcmp(text_keys[k], T.words[i].key) != 0)
            k++;
        if (k == nk)
            return rh_err_set(err, RH_EFORMAT, "data/wording.txt: [text] unknown key '%s'",
                              T.words[i].key);
    }
    for (size_t k = 0; k < nk; k++) {
        int i = 0;
        while (i < T.n_words &&
               (strcmp(T.words[i].section, "text") != 0 || strcmp(T.words[i].key, text_keys[k]) != 0))
            i++;
        if (i == T.n_words)
            return rh_err_set(err, RH_EFORMAT, "data/wording.txt: [text] has no '%s'", text_keys[k]);
    }
    /* ux28: [answer_said_by] names [answer] keys on both sides */
    for (int i = 0; i < T.n_words; i++) {
        if (strcmp(T.words[i].section, "answer_said_by") != 0)
            continue;
        if (!word_find_raw("answer", T.words[i].key) || !T.words[i].runner ||
            !word_find_raw("answer", T.words[i].runner))
            return rh_err_set(err, RH_EFORMAT,
                              "data/wording.txt: [answer_said_by] '%s' names no [answer] key",
                              T.words[i].key);
    }
    for (size_t k = 0; k < sizeof needed_words / sizeof *needed_words; k++) {
        int i = 0;
        while (i < T.n_words && (strcmp(T.words[i].section, needed_words[k].section) != 0 ||
                                 strcmp(T.words[i].key, needed_words[k].key) != 0))
            i++;
        if (i == T.n_words)
            return rh_err_set(err, RH_EFORMAT, "data/wording.txt: [%s] has no '%s'",
                              needed_words[k].section, needed_words[k].key);
    }
    return 0;
}

static void load(void)
{
    T.used = 0;
    T.n_words = T.n_refs = T.n_ids = 0;
    rh_err_clear(&T.err);
    T.status = rh_kv_parse(rh__text_wording, (size_t)(rh__text_wording_end - rh__text_wording),
                           wording_cb, NULL, &T.err);
    if (!T.status)
        hash_words();
    if (!T.status)
        T.status = check_words(&T.err);
    if (!T.status)
        T.status = rh_kv_parse(rh__text_references,
                               (size_t)(rh__text_references_end - rh__text_references), refs_cb,
                               NULL, &T.err);
    for (int i = 0; !T.status && i < T.n_refs; i++)
        if (!T.refs[i].shrt)
            T.status = rh_err_set(&T.err, RH_EFORMAT, "data/references.txt: [%s] has no short",
                                  T.refs[i].key);
    struct {
        const char *b, *e;
    } files[] = {{rh__text_conditions, rh__text_conditions_end},
                 {rh__text_red_flags, rh__text_red_flags_end},
                 {rh__text_load_rules, rh__text_load_rules_end},
                 {rh__text_plan_rules, rh__text_plan_rules_end},
                 {rh__text_exercises, rh__text_exercises_end}};
    for (size_t i = 0; !T.status && i < sizeof files / sizeof files[0]; i++) {
        struct rh_err e;
        rh_err_clear(&e);
        /* the owners' loaders check these files; a syntax error only costs
         * names here, running out of memory is read again */
        int file = (int)i;
        if (rh_kv_parse(files[i].b, (size_t)(files[i].e - files[i].b), ids_cb, &file, &e) ==
            RH_ENOMEM)
            T.status = rh_err_set(&T.err, RH_ENOMEM, "out of memory");
    }
}

static bool ready(void)
{
    pthread_mutex_lock(&t_mu);
    if (t_state == 1 || t_state == RH_ENOMEM) {
        load();
        t_state = T.status == RH_ENOMEM ? RH_ENOMEM : T.status;
    }
    int st = t_state;
    pthread_mutex_unlock(&t_mu);
    return st == 0;
}

int rh_text_check(struct rh_err *err)
{
    if (ready())
        return 0;
    if (err)
        *err = T.err;
    return T.status;
}

/* ---- wording ---------------------------------------------------------------- */

static const struct word *word_find(const char *section, const char *key)
{
    if (!ready() || !section || !key)
        return NULL;
    for (unsigned h = word_hash(section, key);; h = (h + 1) & (WORD_HASH - 1)) {
        int k = T.hash[h] - 1;
        if (k < 0)
            return NULL;
        if (strcmp(T.words[k].section, section) == 0 && strcmp(T.words[k].key, key) == 0)
            return &T.words[k];
    }
}

const char *rh_words(const char *section, const char *key)
{
    const struct word *w = word_find(section, key);
    return w ? w->runner : NULL;
}

const char *rh_words_or_empty(const char *section, const char *key)
{
    const char *w = rh_words(section, key);
    return w ? w : "";
}

int rh_words_section_check(const char *section, const char *const *keys, size_t n,
                           struct rh_err *err)
{
    if (!ready())
        return rh_text_check(err);
    for (int i = 0; i < T.n_words; i++) {
        if (strcmp(T.words[i].section, section) != 0)
            continue;
        size_t k = 0;
        while (k < n && strcmp(keys[k], T.words[i].key) != 0)
            k++;
        if (k == n)
            return rh_err_set(err, RH_EFORMAT, "data/wording.txt: [%s] unknown key '%s'", section,
                              T.words[i].key);
    }
    for (size_t k = 0; k < n; k++)
        if (!word_find(section, keys[k]))
            return rh_err_set(err, RH_EFORMAT, "data/wording.txt: [%s] has no '%s'", section,
                              keys[k]);
    return 0;
}

/* The conversions of a printf text: "s", "d" or "f" each, "%%" none; -1
 * for any other (the caller gives none such). */
static int format_conversions(const char *t, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = t; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        p += strspn(p, "-+ #0123456789.");
        if (*p == 'l' && (p[1] == 'd' || p[1] == 'i')) { /* %ld: a long, said apart */
            if (n + 1 >= cap)
                return -1;
            out[n++] = 'l';
            p++;
            continue;
        }
        char c = *p == 's' ? 's' : (*p == 'd' || *p == 'i') ? 'd'
                 : *p && strchr("fgeFGE", *p)             ? 'f'
                                                          : 0;
        if (!c || n + 1 >= cap)
            return -1;
        out[n++] = c;
    }
    out[n] = '\0';
    return 0;
}

int rh_words_format_check(const char *section, const struct rh_words_format *keys, size_t n,
                          struct rh_err *err)
{
    const char *names[256] = {0};
    if (n > sizeof names / sizeof *names)
        return rh_err_set(err, RH_ELIMIT, "[%s]: too many keys to check", section);
    for (size_t i = 0; i < n; i++)
        names[i] = keys[i].key;
    int r = rh_words_section_check(section, names, n, err);
    for (size_t i = 0; !r && i < n; i++) {
        char got[16];
        const char *t = rh_words(section, keys[i].key);
        if (!t || format_conversions(t, got, sizeof got) || strcmp(got, keys[i].conv))
            r = rh_err_set(err, RH_EFORMAT,
                           "data/wording.txt: [%s] %s: the text must hold the conversions "
                           "'%s' in order",
                           section, keys[i].key, keys[i].conv);
    }
    return r;
}

/* The length of the hole "{name}" at p (p at '{'), 0 when none closes it. */
static size_t hole_len(const char *p)
{
    const char *e = strchr(p + 1, '}');
    return e ? (size_t)(e - p) + 1 : 0;
}

/* Whether the space-separated list names holds name (len bytes). */
static bool names_hold(const char *names, const char *name, size_t len)
{
    for (const char *p = names; *p;) {
        p += strspn(p, " ");
        size_t k = strcspn(p, " ");
        if (k && k == len && !strncmp(p, name, len))
            return true;
        p += k;
    }
    return false;
}

bool rh_words_named_call_ok(const struct rh_words_named *keys, size_t nk, const char *key,
                            const char *const *names, size_t n)
{
    size_t k = 0;
    while (k < nk && strcmp(keys[k].key, key) != 0)
        k++;
    if (k == nk)
        return false;
    size_t want = 0;
    for (const char *p = keys[k].names; *p;) {
        p += strspn(p, " ");
        size_t l = strcspn(p, " ");
        if (l) {
            bool given = false;
            for (size_t i = 0; i < n && !given; i++)
                given = strlen(names[i]) == l && !strncmp(names[i], p, l);
            if (!given)
                return false;
            want++;
        }
        p += l;
    }
    return want == n;
}

size_t rh_words_fill_pairs(char *dst, size_t cap, const char *section,
                           const struct rh_words_named *keys, size_t nk, const char *key,
                           va_list ap)
{
    const char *names[8], *vals[8];
    size_t n = 0;
    for (const char *nm; n < 8 && (nm = va_arg(ap, const char *));) {
        names[n] = nm;
        vals[n++] = va_arg(ap, const char *);
    }
    assert(rh_words_named_call_ok(keys, nk, key, names, n));
    (void)keys; /* read by the assertion only */
    (void)nk;
    return rh_text_fill_named(dst, cap, rh_words(section, key), names, vals, n);
}

int rh_words_named_check(const char *section, const struct rh_words_named *keys, size_t n,
                         struct rh_err *err)
{
    const char *names[256] = {0};
    if (n > sizeof names / sizeof *names)
        return rh_err_set(err, RH_ELIMIT, "[%s]: too many keys to check", section);
    for (size_t i = 0; i < n; i++)
        names[i] = keys[i].key;
    int r = rh_words_section_check(section, names, n, err);
    for (size_t i = 0; !r && i < n; i++) {
        const char *t = rh_words(section, keys[i].key);
        /* every hole the text uses is one the code fills */
        for (const char *p = t ? strchr(t, '{') : NULL; !r && p; p = strchr(p + 1, '{')) {
            size_t hl = hole_len(p);
            if (hl < 3 || !names_hold(keys[i].names, p + 1, hl - 2))
                r = rh_err_set(err, RH_EFORMAT,
                               "data/wording.txt: [%s] %s: '%.*s' is no value its code gives "
                               "(it gives: %s)",
                               section, keys[i].key, hl ? (int)hl : 1, p,
                               *keys[i].names ? keys[i].names : "none");
        }
        /* and every value the code gives is said */
        for (const char *p = keys[i].names; !r && *p;) {
            p += strspn(p, " ");
            size_t k = strcspn(p, " ");
            char hole[64];
            snprintf(hole, sizeof hole, "{%.*s}", (int)k, p);
            if (k && (!t || !strstr(t, hole)))
                r = rh_err_set(err, RH_EFORMAT, "data/wording.txt: [%s] %s: the text must say %s",
                               section, keys[i].key, hole);
            p += k;
        }
    }
    return r;
}

int rh_words_plain_format_check(const char *section, const struct rh_words_format *keys,
                                size_t n, struct rh_err *err)
{
    int r = rh_words_format_check(section, keys, n, err);
    for (size_t i = 0; !r && i < n; i++)
        if (strpbrk(rh_words(section, keys[i].key), "<>&"))
            r = rh_err_set(err, RH_EFORMAT, "data/wording.txt: [%s] %s: no markup", section,
                           keys[i].key);
    return r;
}

int rh_words_plain_named_check(const char *section, const struct rh_words_named *keys,
                               size_t n, struct rh_err *err)
{
    int r = rh_words_named_check(section, keys, n, err);
    for (size_t i = 0; !r && i < n; i++)
        if (strpbrk(rh_words(section, keys[i].key), "<>&"))
            r = rh_err_set(err, RH_EFORMAT, "data/wording.txt: [%s] %s: no markup", section,
                           keys[i].key);
    return r;
}

const char *rh_words_clinical(const char *section, const char *key)
{
    const struct word *w = word_find(section, key);
    return w ? w->clinical : NULL;
}

const char *rh_text_id_name(const char *id, size_t len)
{
    if (!ready() || len == 0 || len >= 64)
        return NULL;
    char k[80];
    memcpy(k, id, len);
    k[len] = '\0';
    for (int i = 0; i < T.n_ids; i++)
        if (strcmp(T.ids[i].id, k) == 0)
            return T.ids[i].name;
    char s[96];
    snprintf(s, sizeof s, "%s.short", k);
    const char *w = rh_words("disposition", s);
    if (!w)
        w = rh_words("running", s);
    if (!w)
        w = rh_words("pain_type", k);
    return w;
}

const char *rh_text_rank_word(int pos, double score, double top)
{
    const char *cs = rh_words("rank", "close.share"), *ps = rh_words("rank", "possible.share");
    double close = 0.5, possible = 0.1;
    if (cs)
        (void)rh_parse_double(cs, &close);
    if (ps)
        (void)rh_parse_double(ps, &possible);
    const char *w;
    if (pos == 0)
        w = rh_words("rank", "first");
    else if (top > 0 && score >= close * top)
        w = rh_words("rank", "close");
    else if (top > 0 && score >= possible * top)
        w = rh_words("rank", "possible");
    else
        w = rh_words("rank", "unlikely");
    return w ? w : "";
}

bool rh_text_advice_later(const char *running, enum rh_advice_when stopped)
{
    return stopped != RH_ADVICE_NOW ||
           (running && (strcmp(running, "stop") == 0 || strcmp(running, "cross_train_only") == 0));
}

const char *rh_text_advice_now_heading(void)
{
    const char *w = rh_words("text", "advice.now");
    return w ? w : "";
}

const char *rh_text_advice_heading(const char *running, bool by_flag, enum rh_advice_when stopped)
{
    const char *k = "advice";
    if (stopped == RH_ADVICE_SETTLED)
        k = "advice.settled";
    else if (stopped == RH_ADVICE_PELVIC)
        k = "advice.pelvic";
    else if (stopped == RH_ADVICE_NOW && !by_flag && running &&
             strcmp(running, "cross_train_only") == 0)
        k = "advice.running_back"; /* the answers' own hold: nobody has to clear it */
    else if (rh_text_advice_later(running, stopped))
        k = "advice.cleared";
    const char *w = rh_words("text", k);
    return w ? w : "";
}

const char *rh_text_level_reason(const char *level, const char *why)
{
    size_t n = level ? strlen(level) : 0;
    if (!n || !why || strncmp(why, level, n) != 0 || strncmp(why + n, ": ", 2) != 0)
        return NULL;
    return why + n + 2;
}

/* A reason's tail: its answers (inside the last "(answers: ...)") and its
 * sources (inside the last "[...]"); false when it has not both. */
static bool reason_tail(const char *s, const char **ans, size_t *an, const char **src, size_t *sn)
{
    static const char tag[] = "(answers: ";
    const char *sb = strrchr(s, '[');
    const char *se = sb ? strchr(sb, ']') : NULL;
    if (!se)
        return false;
    *src = sb + 1;
    *sn = (size_t)(se - sb - 1);
    const char *p = NULL;
    for (const char *q = s; (q = strstr(q, tag)) != NULL && q < sb; q++)
        p = q;
    if (!p)
        return false;
    const char *a = p + sizeof tag - 1, *e = a;
    for (int depth = 1; e < sb; e++)
        if (*e == '(')
            depth++;
        else if (*e == ')' && --depth == 0)
            break;
    if (e >= sb || e == a)
        return false;
    *ans = a;
    *an = (size_t)(e - a);
    return true;
}

/* Whether every item of list a (items split by sep outside brackets) is an
 * item of list b. */
static bool items_within(const char *a, size_t an, const char *b, size_t bn, const char *sep)
{
    size_t sl = strlen(sep);
    for (size_t i = 0; i < an;) {
        size_t j = i;
        for (int depth = 0; j < an; j++) {
            if (a[j] == '(')
                depth++;
            else if (a[j] == ')')
                depth--;
            else if (!depth && j + sl <= an && strncmp(a + j, sep, sl) == 0)
                break;
        }
        bool found = false;
        for (size_t x = 0; x < bn && !found;) {
            size_t y = x;
            for (int depth = 0; y < bn; y++) {
                if (b[y] == '(')
                    depth++;
                else if (b[y] == ')')
                    depth--;
                else if (!depth && y + sl <= bn && strncmp(b + y, sep, sl) == 0)
                    break;
            }
            found = y - x == j - i && strncmp(b + x, a + i, j - i) == 0;
            x = y + sl;
        }
        if (!found)
            return false;
        i = j + sl;
    }
    return true;
}

bool rh_text_reason_repeats(const char *reason, const char *care_level,
                            const char *const *care_why, int n)
{
    const char *ra = NULL, *rs = NULL;
    size_t ran = 0, rsn = 0;
    bool tail = reason && reason_tail(reason, &ra, &ran, &rs, &rsn);
    for (int i = 0, k = 0; reason && i < n && k < RH_TEXT_CARE_WHY; i++) {
        /* the same words; their sources may differ ("[LEAP18]" and "[Silbernagel07]") */
        const char *c = rh_text_level_reason(care_level, care_why[i]);
        const char *cb = c ? strstr(c, " [") : NULL, *rb = strstr(reason, " [");
        size_t cn = c ? (cb ? (size_t)(cb - c) : strlen(c)) : 0;
        size_t rn = rb ? (size_t)(rb - reason) : strlen(reason);
        if (c && ++k && cn == rn && strncmp(c, reason, rn) == 0)
            return true;
        /* session 24 (runner24): one reason said once. A reason that rests
         * on nothing the care reason shown has not given already, every
         * answer and every source of it among that reason's, says that
         * reason again in other words ("pain that has not settled by the
         * next morning means your runs were too much" under the care,
         * "pain that does not settle by the next morning: reduce load"
         * under running) */
        const char *ca, *cs;
        size_t can, csn;
        if (c && tail && reason_tail(c, &ca, &can, &cs, &csn) &&
            items_within(ra, ran, ca, can, ", ") && items_within(rs, rsn, cs, csn, "; "))
            return true;
    }
    return false;
}

static size_t tail_start(const char *s, size_t n);

/* Whether reasons a and b say the same words, their answers and sources
 * apart, one of them maybe under a condition's name ("NAME: words"): a
 * condition's rule and a general rule of the same words (words17: "your
 * strain still hurts too much to run on" twice in a row). */
static bool same_words(const char *a, const char *b)
{
    size_t an = tail_start(a, strlen(a)), bn = tail_start(b, strlen(b));
    if (an < bn) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if (!bn)
        return false;
    if (an == bn)
        return strncmp(a, b, an) == 0;
    return an > bn + 2 && strncmp(a + an - bn, b, bn) == 0 && a[an - bn - 2] == ':' &&
           a[an - bn - 1] == ' ';
}

int rh_text_level_reasons(const char *level, const char *const *why, int n, const char *care_level,
                          const char *const *care, int ncare, const char **out, int max)
{
    int k = 0;
    for (int i = 0; i < n && k < max; i++) {
        const char *r = rh_text_level_reason(level, why[i]);
        /* "the usual care for X" names the level's origin, not a reason
         * (review 7 B13): the engine keeps it, people are not shown it */
        if (r && strncmp(r, RH_TEXT_USUAL_CARE, strlen(RH_TEXT_USUAL_CARE)) == 0)
            continue;
        bool again = false; /* the same words said already: once */
        for (int j = 0; r && j < k && !again; j++)
            again = same_words(out[j], r);
        if (r && !again && !(care && rh_text_reason_repeats(r, care_level, care, ncare)))
            out[k++] = r;
    }
    return k;
}

/* ---- references --------------------------------------------------------------- */

static bool list_has(const char *list, const char *s, size_t n)
{
    const char *p = list;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *e = p;
        while (*e && *e != ',')
            e++;
        const char *t = e;
        while (t > p && t[-1] == ' ')
            t--;
        if ((size_t)(t - p) == n && strncasecmp(p, s, n) == 0)
            return true;
        p = e;
    }
    return false;
}

static struct ref *ref_find_key(const char *key, size_t n)
{
    for (int i = 0; i < T.n_refs; i++)
        if (strlen(T.refs[i].key) == n && strncasecmp(T.refs[i].key, key, n) == 0)
            return &T.refs[i];
    for (int i = 0; i < T.n_refs; i++)
        if (T.refs[i].also && list_has(T.refs[i].also, key, n))
            return &T.refs[i];
    return NULL;
}

static bool has_word(const char *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++)
        if (strncasecmp(s + i, w, wl) == 0 && (i == 0 || !isalnum((unsigned char)s[i - 1])) &&
            (i + wl == n || !isalnum((unsigned char)s[i + wl])))
            return true;
    return false;
}

/* One token of a source list: -1 unknown, -2 a design note (not numbered),
 * else the reference index. */
static int ref_of_token(const char *s, size_t n)
{
    /* drop a parenthetical note, a trailing "[X]" marker and " / 17" */
    const char *e = s + n;
    for (const char *p = s; p < e; p++)
        if (*p == '(' || *p == '[' || *p == ':' || (*p == '/' && p > s && p[-1] == ' ')) {
            e = p;
            break;
        }
    while (s < e && isspace((unsigned char)*s))
        s++;
    while (e > s && (isspace((unsigned char)e[-1]) || e[-1] == '.' || e[-1] == ':'))
        e--;
    n = (size_t)(e - s);
    if (n == 0)
        return -2;
    if (has_word(s, n, "design") || (n == 1 && *s == 'X') ||
        (n > 6 && strncmp(s, "issue ", 6) == 0)) /* a design note, our issue tracker */
        return -2;
    if (strstr(s, "clinical_facts") && (size_t)(strstr(s, "clinical_facts") - s) < n) {
        struct ref *r = ref_find_key("clinical_facts", 14);
        return !r ? -1 : r->hidden ? -2 : (int)(r - T.refs);
    }
    struct ref *r = ref_find_key(s, n);
    if (!r && n > 5 && strncasecmp(s, "seed ", 5) == 0) { /* "seed 002 [X]" done; "seed 1" */
        char k[16], num[8];
        long v = -1;
        size_t dn = 0;
        while (dn + 5 < n && dn < sizeof num - 1 && isdigit((unsigned char)s[5 + dn]))
            num[dn] = s[5 + dn], dn++;
        num[dn] = '\0';
        if (dn == 0 || rh_parse_long(num, &v) != 0)
            return -1;
        snprintf(k, sizeof k, "seed %03ld", v);
        r = ref_find_key(k, strlen(k));
    }
    if (!r)
        return -1;
    return r->hidden ? -2 : (int)(r - T.refs);
}

/* Calls cb for every top-level token of a source list (split at ; and , outside
 * parentheses and brackets). */
static void each_token(const char *s, size_t n, void (*cb)(void *, const char *, size_t), void *arg)
{
    int depth = 0;
    bool note = false; /* "Key: a note, with commas" runs to the next ';' */
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? s[i] : ';';
        if (c == '(' || c == '[')
            depth++;
        else if ((c == ')' || c == ']') && depth > 0)
            depth--;
        else if (c == ':' && depth == 0)
            note = true;
        else if ((c == ';' || (c == ',' && !note)) && depth == 0) {
            if (i > start)
                cb(arg, s + start, i - start);
            start = i + 1;
            note = false;
        }
    }
}

struct cite_ctx {
    int idx[RH_REFS_MAX];
    int n, unknown, known;
};

static void cite_cb(void *arg, const char *s, size_t n)
{
    struct cite_ctx *c = arg;
    const char *p = s, *e = s + n;
    while (p < e && isspace((unsigned char)*p))
        p++;
    if (p == e)
        return;
    int r = ref_of_token(p, (size_t)(e - p));
    if (r == -1) {
        c->unknown++;
        return;
    }
    if (r == -2)
        return;
    c->known++;
    for (int i = 0; i < c->n; i++)
        if (c->idx[i] == r)
            return;
    if (c->n < RH_REFS_MAX)
        c->idx[c->n++] = r;
}

const char *rh_ref_short(const char *key)
{
    if (!ready() || !key)
        return NULL;
    const struct ref *r = ref_find_key(key, strlen(key));
    return r ? r->shrt : NULL;
}

bool rh_refs_known(const char *sources, size_t len)
{
    if (!ready())
        return false;
    struct cite_ctx c = {.n = 0};
    each_token(sources, len, cite_cb, &c);
    return c.unknown == 0;
}

void rh_refs_init(struct rh_refs *r)
{
    r->n = 0;
    r->child = false;
}

int rh_text_person(const char *map, const char *s, struct rh_buf *out)
{
    int rc = 0;
    for (const char *p = s; !rc && p && *p;) {
        bool done = false;
        bool word_start = p == s || !isalpha((unsigned char)p[-1]);
        for (const char *m = map; word_start && m && *m && !done;) {
            const char *gt = strchr(m, '>');
            const char *end = strstr(m, "; ");
            if (!end)
                end = m + strlen(m);
            if (!gt || gt > end)
                break;
            size_t fl = (size_t)(gt - m);
            if (fl && strncmp(p, m, fl) == 0 && !isalpha((unsigned char)p[fl])) {
                rc = rh_buf_append(out, gt + 1, (size_t)(end - gt - 1));
                p += fl;
                done = true;
            }
            m = *end ? end + 2 : end;
        }
        if (!done && !rc)
            rc = rh_buf_append(out, p++, 1);
    }
    return rc;
}

void rh_text_person_in_place(const char *map, char *s, size_t cap)
{
    if (!map || !s || !cap || !*s)
        return;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    if (rh_text_person(map, s, &t) == 0 && t.data && t.len < cap)
        memcpy(s, t.data, t.len + 1);
    rh_buf_release(&t);
}

void rh_text_lower_first(char *s)
{
    if (s[0] && !isupper((unsigned char)s[1]))
        s[0] = (char)tolower((unsigned char)s[0]);
}

/* The answers behind a reason said of a child (refs->child): b rewritten
 * with data/wording.txt [text] child_person. */
static int child_answers(const struct rh_refs *refs, bool clinical, struct rh_buf *b)
{
    const char *map = rh_words("text", "child_person");
    if (!refs || !refs->child || clinical || !map || !b->len)
        return 0;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    int rc = rh_text_person(map, b->data, &t);
    if (!rc) {
        rh_buf_reset(b);
        rc = rh_buf_append(b, t.data ? t.data : "", t.len);
    }
    rh_buf_release(&t);
    return rc;
}

static int refs_number(struct rh_refs *r, int idx)
{
    for (int i = 0; i < r->n; i++)
        if (r->ref[i] == idx)
            return i + 1;
    if (r->n >= RH_REFS_MAX)
        return 0;
    r->ref[r->n++] = idx;
    return r->n;
}

static int cite_numbers(struct rh_refs *r, const struct cite_ctx *c, struct rh_buf *out)
{
    int nums[RH_REFS_MAX], k = 0;
    for (int i = 0; i < c->n; i++) {
        int num = refs_number(r, c->idx[i]);
        if (num)
            nums[k++] = num;
    }
    if (!k)
        return 0;
    /* ascending, so "[1, 3]" reads in order */
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && nums[j - 1] > nums[j]; j--) {
            int t = nums[j];
            nums[j] = nums[j - 1];
            nums[j - 1] = t;
        }
    int rc = rh_buf_puts(out, " [");
    for (int i = 0; !rc && i < k; i++)
        rc = rh_buf_printf(out, "%s%d", i ? ", " : "", nums[i]);
    return rc ? rc : rh_buf_puts(out, "]");
}

int rh_refs_cite(struct rh_refs *r, const char *sources, size_t len, struct rh_buf *out,
                 int *unknown)
{
    if (!ready())
        return T.status;
    struct cite_ctx c = {.n = 0};
    each_token(sources, len, cite_cb, &c);
    if (unknown)
        *unknown = c.unknown;
    if (!r)
        return 0;
    return cite_numbers(r, &c, out);
}

int rh_refs_write(const struct rh_refs *r, bool full, struct rh_buf *out)
{
    if (!r->n || !ready())
        return 0;
    const char *h = rh_words("text", "references");
    int rc = rh_buf_printf(out, "%s\n", h ? h : "");
    for (int i = 0; !rc && i < r->n; i++) {
        const struct ref *f = &T.refs[r->ref[i]];
        rc = rh_buf_printf(out, "  [%d] %s\n", i + 1, full && f->full ? f->full : f->shrt);
    }
    return rc;
}

int rh_refs_write_html(const struct rh_refs *r, struct rh_buf *out)
{
    if (!r->n || !ready())
        return 0;
    int rc = rh_buf_puts(out, "<ol class=\"refs\">\n");
    for (int i = 0; !rc && i < r->n; i++) {
        const struct ref *f = &T.refs[r->ref[i]];
        rc = rh_buf_puts(out, "<li>");
        if (!rc)
            rc = rh_html_escape(out, f->full ? f->full : f->shrt, 0);
        if (!rc)
            rc = rh_buf_puts(out, "</li>\n");
    }
    return rc ? rc : rh_buf_puts(out, "</ol>\n");
}

/* phys28: the citation of f as a compact list gives it, into out: where
 * its [section] says compact = short, the short one (a web article's: its
 * title, site and kind); a journal article's authors, then its journal,
 * year, volume and pages without the title or a closing note ("Grimaldi A,
 * et al. Br J Sports Med 2017;51:519-524."); else the full one as it is.
 * A journal article is told by a "YYYY;" after the authors' ". " and a
 * ". " before it (the title's end); a doi in the closing note is kept. */
static int compact_citation(const struct ref *f, struct rh_buf *out)
{
    const char *c = f->full ? f->full : f->shrt;
    if (f->compact_short && f->shrt)
        return rh_html_escape(out, f->shrt, 0);
    const char *au = strstr(c, ". ");
    const char *yr = NULL;
    for (const char *p = au ? au + 2 : NULL; p && *p && !yr; p++)
        if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
            isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) && p[4] == ';' &&
            (p == c || !isdigit((unsigned char)p[-1])))
            yr = p;
    const char *jo = NULL; /* the journal: after the last ". " before the year */
    int depth = 0;         /* not a year inside a note's brackets */
    for (const char *p = au ? au + 2 : NULL; p && yr && p < yr; p++) {
        depth += (*p == '(') - (*p == ')');
        if (p[0] == '.' && p[1] == ' ')
            jo = p + 2;
    }
    if (!jo || depth)
        return rh_html_escape(out, c, 0);
    size_t end = strlen(jo);
    /* a closing note " (...)" that ends the citation, unless it gives a doi */
    const char *note = strstr(yr, " (");
    size_t n = strlen(c);
    bool closes = n >= 2 && (c[n - 1] == ')' || (c[n - 1] == '.' && c[n - 2] == ')'));
    if (note && closes && strncmp(note + 2, "doi", 3) != 0)
        end = (size_t)(note - jo);
    bool stop = end < strlen(jo); /* a note cut: the citation ends there */
    while (end && jo[end - 1] == '.') {
        end--;
        stop = true;
    }
    struct rh_buf t;
    rh_buf_init(&t, 0);
    int rc = rh_buf_printf(&t, "%.*s %.*s%s", (int)(au + 1 - c), c, (int)end, jo, stop ? "." : "");
    if (!rc)
        rc = rh_html_escape(out, t.data, 0);
    rh_buf_release(&t);
    return rc;
}

int rh_refs_write_html_print(const struct rh_refs *r, struct rh_buf *out)
{
    if (!r->n || !ready())
        return 0;
    int rc = rh_buf_puts(out, "<ol class=\"refs\">\n");
    for (int i = 0; !rc && i < r->n; i++) {
        const struct ref *f = &T.refs[r->ref[i]];
        struct rh_buf b;
        rh_buf_init(&b, 0);
        rc = compact_citation(f, &b);
        const char *full = f->full ? f->full : f->shrt;
        struct rh_buf e;
        rh_buf_init(&e, 0);
        if (!rc)
            rc = rh_html_escape(&e, full, 0);
        if (!rc && b.data && e.data && strcmp(b.data, e.data) != 0)
            rc = rh_buf_printf(out,
                               "<li><span class=\"full\">%s</span>"
                               "<span class=\"brief\">%s</span></li>\n",
                               e.data, b.data);
        else if (!rc)
            rc = rh_buf_printf(out, "<li>%s</li>\n", e.data ? e.data : "");
        rh_buf_release(&b);
        rh_buf_release(&e);
    }
    return rc ? rc : rh_buf_puts(out, "</ol>\n");
}

/* ---- templates ------------------------------------------------------------------ */

/* Appends n bytes of s to dst (len bytes used of cap); false when they did
 * not all fit (what fits is kept, cut at a character boundary). */
static bool put_n(char *dst, size_t cap, size_t *len, const char *s, size_t n)
{
    size_t room = cap - 1 - *len, k = n <= room ? n : rh_utf8_cut(s, room);
    memcpy(dst + *len, s, k);
    *len += k;
    dst[*len] = '\0';
    return k == n;
}

size_t rh_text_fill(char *dst, size_t cap, const char *tmpl, const char *const *args, size_t n)
{
    if (!cap)
        return 0;
    size_t len = 0, a = 0;
    dst[0] = '\0';
    const char *p = tmpl ? tmpl : "";
    for (bool fits = true; fits && *p;) {
        const char *hole = strstr(p, "{}");
        while (hole && (a >= n || !args[a]))
            hole = NULL; /* no argument left: the rest as it is */
        size_t k = hole ? (size_t)(hole - p) : strlen(p);
        fits = put_n(dst, cap, &len, p, k);
        p += k;
        if (fits && hole) {
            fits = put_n(dst, cap, &len, args[a], strlen(args[a]));
            a++;
            p += 2;
        }
    }
    return len;
}

size_t rh_text_fill_named(char *dst, size_t cap, const char *tmpl, const char *const *names,
                          const char *const *vals, size_t n)
{
    size_t len = 0, need = 0;
    bool fits = cap > 0;
    if (cap)
        dst[0] = '\0';
    for (const char *p = tmpl ? tmpl : ""; *p;) {
        size_t k = strcspn(p, "{");
        const char *v = NULL;
        size_t hl = p[k] ? hole_len(p + k) : 0;
        for (size_t i = 0; hl > 2 && i < n && !v; i++)
            if (strlen(names[i]) == hl - 2 && !strncmp(p + k + 1, names[i], hl - 2))
                v = vals[i] ? vals[i] : "";
        if (p[k] && !v)
            k++; /* a brace of no hole: as it is */
        need += k;
        if (fits)
            fits = put_n(dst, cap, &len, p, k);
        p += k;
        if (v) {
            need += strlen(v);
            if (fits)
                fits = put_n(dst, cap, &len, v, strlen(v));
            p += hl;
        }
    }
    return need;
}

/* ---- answers in words -------------------------------------------------------- */

int rh_text_fill_count(struct rh_buf *out, const char *tpl, const char *v, size_t vn)
{
    char num[64];
    snprintf(num, sizeof num, "%.*s", (int)(vn < sizeof num ? vn : sizeof num - 1), v);
    double d = 0;
    const char *s = rh_parse_double(num, &d) == 0 ? rh_plural_s(d) : "s";
    int rc = 0;
    for (const char *p = tpl; !rc && *p;) {
        if (p[0] == '{' && p[1] == '}') {
            rc = rh_buf_append(out, v, vn);
            p += 2;
        } else if (p[0] == '{' && p[1] == 's' && p[2] == '}') {
            rc = rh_buf_puts(out, s);
            p += 3;
        } else {
            size_t k = strcspn(p + 1, "{") + 1;
            rc = rh_buf_append(out, p, k);
            p += k;
        }
    }
    return rc;
}

/* Fills {} of a template with v ({s}: its plural ending). */
static int fill(struct rh_buf *out, const char *tpl, const char *v, size_t vn)
{
    return rh_text_fill_count(out, tpl, v, vn);
}

#define ANS_MARKS 64
struct ans_ctx {
    struct rh_buf parts;   /* clauses separated by '\x1f' */
    bool clinical;
    int n;
    /* words16: a clause that says an answer given ("you ran a race"), not
     * one absent ("there is no numbness", "the groin does not hurt"); a
     * long list shows these first (rh_text_answers) */
    bool given[ANS_MARKS];
    bool item_absent; /* of the item being said (ans_item) */
    /* words18: a word the rule found absent from a list answer ("the
     * groin does not hurt", "it did not start with a fall"): the rule's
     * guard, said only when the statement speaks of an absence */
    bool negated[ANS_MARKS];
    bool item_negated;
    /* the statement the answers are reasons of, when it speaks of an
     * absence (speaks_of_absence): a word found absent that it names is
     * one of its reasons ("... or the knee hurts": "the knee does not
     * hurt"); NULL: none is */
    const char *stmt;
    size_t stmt_n;
    /* ux28: the [answer] keys of the answers given in the list ("a\x1fb"),
     * so that one said by another's words (data/wording.txt
     * [answer_said_by]) is said once */
    struct rh_buf keys;
};

/* The [answer] key of an answer given, "x=yes" -> "x", "x=word" -> "x.word"
 * (a number, a "no" or an absence: none, ""). */
static void item_answer_key(const char *s, size_t n, char *key, size_t cap)
{
    key[0] = '\0';
    while (n && isspace((unsigned char)*s))
        s++, n--;
    const char *eq = memchr(s, '=', n);
    if (!eq || eq == s || eq[-1] == '!' || memchr(s, ' ', (size_t)(eq - s)))
        return;
    const char *v = eq + 1;
    size_t vn = strcspn(v, " ,");
    if (vn > (size_t)(s + n - v))
        vn = (size_t)(s + n - v);
    if (!vn || isdigit((unsigned char)v[0]) || v[0] == '-' || (vn == 2 && !strncmp(v, "no", 2)) ||
        (vn == 4 && !strncmp(v, "none", 4)))
        return;
    if (vn == 3 && !strncmp(v, "yes", 3))
        snprintf(key, cap, "%.*s", (int)(eq - s), s);
    else
        snprintf(key, cap, "%.*s.%.*s", (int)(eq - s), s, (int)vn, v);
}

static bool has_key(const struct rh_buf *keys, const char *k)
{
    size_t kl = strlen(k);
    for (const char *p = keys->data; kl && p && *p;) {
        const char *e = strchr(p, '\x1f');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == kl && memcmp(p, k, n) == 0)
            return true;
        p = e ? e + 1 : NULL;
    }
    return false;
}

static bool names_word(const char *s, size_t n, const char *w, size_t wl);

static int ans_clause(struct ans_ctx *a, const char *s)
{
    if (!s || !*s)
        return 0;
    /* the same clause once */
    if (a->parts.data) {
        const char *p = a->parts.data;
        size_t sl = strlen(s);
        while (p && *p) {
            const char *e = strchr(p, '\x1f');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            if (n == sl && memcmp(p, s, n) == 0)
                return 0;
            p = e ? e + 1 : NULL;
        }
    }
    int rc = a->n ? rh_buf_puts(&a->parts, "\x1f") : 0;
    if (!rc)
        rc = rh_buf_puts(&a->parts, s);
    if (!rc && a->n < ANS_MARKS) {
        a->given[a->n] = !a->item_absent;
        a->negated[a->n] = a->item_negated;
    }
    a->n += rc == 0;
    return rc;
}

static const char *wd(struct ans_ctx *a, const char *key)
{
    return a->clinical ? rh_words_clinical("answer", key) : rh_words("answer", key);
}

/* One item of an engine answer list. */
static int ans_item(struct ans_ctx *a, const char *s, size_t n)
{
    char item[200], key[420];
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (!n || n >= sizeof item)
        return 0;
    memcpy(item, s, n);
    item[n] = '\0';
    if (!a->clinical) {
        /* ux28: an answer another answer given says too is said by it */
        item_answer_key(item, n, key, sizeof key);
        const char *by = key[0] ? rh_words("answer_said_by", key) : NULL;
        if (by && has_key(&a->keys, by))
            return 0;
    }
    struct rh_buf tmp;
    rh_buf_init(&tmp, 4096);
    int rc = 0;
    char *p;
    /* what the rule found absent: "x without y", "x!=y", "x=no", "x=none" */
    size_t il = strlen(item);
    a->item_absent = strstr(item, " without ") || strstr(item, "!=") ||
                     (il > 3 && strcmp(item + il - 3, "=no") == 0) ||
                     (il > 5 && strcmp(item + il - 5, "=none") == 0);
    const char *neg = strstr(item, " without ");
    const char *ne = strstr(item, "!=");
    a->item_negated = neg || ne;
    if (a->item_negated && a->stmt) {
        /* the word's parts of four letters or more ("lying_on_side": lying,
         * side), any named in the statement */
        const char *w = neg ? neg + 9 : ne + 2;
        while (*w && a->item_negated) {
            size_t wl = strcspn(w, "_ ");
            if (wl >= 4 && names_word(a->stmt, a->stmt_n, w, wl))
                a->item_negated = false;
            w += wl;
            while (*w == '_' || *w == ' ')
                w++;
        }
    }
    if (strncmp(item, "red flag ", 9) == 0 || strncmp(item, "no red flag ", 12) == 0) {
        bool no = item[0] == 'n';
        char *id = item + (no ? 12 : 9);
        /* "red flag ID#MASK": what was seen of it (ux28) */
        char *hash = strchr(id, '#');
        unsigned long seen = hash ? strtoul(hash + 1, NULL, 10) : 0;
        if (hash)
            *hash = '\0';
        const char *nm = rh_text_id_name(id, strlen(id));
        /* the runner reads the flag's heading (data/red_flags.txt title:
         * "pain after an injury"), never the rule's whole definition ("... or
         * a limp in a child" told to a 68-year-old, review 11 #9, #17); the
         * clinician the same heading (session 13, web13: the report named
         * trauma by its whole definition) */
        char title[300];
        if (nm && rh_assess_flag_name(id)) {
            rh_assess_flag_title_seen(id, (unsigned)seen, title, sizeof title);
            title[0] = (char)tolower((unsigned char)title[0]);
            nm = title;
        }
        const char *tpl = wd(a, "red_flag"); /* "your answers show a warning sign: {}" */
        if (!no && nm)
            rc = tpl ? fill(&tmp, tpl, nm, strlen(nm)) : rh_buf_puts(&tmp, nm);
    } else if ((p = strstr(item, " without ")) != NULL) {
        *p = '\0';
        snprintf(key, sizeof key, "%s.%s.no", item, p + 9);
        rc = rh_buf_puts(&tmp, wd(a, key) ? wd(a, key) : "");
    } else if ((p = strstr(item, "!=")) != NULL) {
        *p = '\0';
        snprintf(key, sizeof key, "%s.%s.no", item, p + 2);
        rc = rh_buf_puts(&tmp, wd(a, key) ? wd(a, key) : "");
    } else if ((p = strstr(item, " answered")) != NULL || strstr(item, " not answered")) {
        /* "question answered" says nothing a runner needs */
    } else if ((p = strchr(item, '=')) != NULL) {
        *p = '\0';
        char *v = p + 1;
        char *sp = strchr(v, ' '); /* "6 (>= 4)": the value, then the rule */
        if (sp)
            *sp = '\0';
        const char *w;
        if (strcmp(v, "yes") == 0) {
            w = wd(a, item);
        } else if (strcmp(v, "no") == 0) {
            snprintf(key, sizeof key, "%s.no", item);
            w = wd(a, key);
        } else if (isdigit((unsigned char)v[0]) || v[0] == '-') {
            /* a value with words of its own ("km_change_pct.-100"), else the template */
            snprintf(key, sizeof key, "%s.%s", item, v);
            const char *exact = wd(a, key);
            if (exact)
                rc = rh_buf_puts(&tmp, exact);
            else if ((w = wd(a, item)) != NULL)
                rc = fill(&tmp, w, v, strlen(v));
            w = NULL;
        } else {
            snprintf(key, sizeof key, "%s.%s", item, v);
            w = wd(a, key);
        }
        if (w)
            rc = rh_buf_puts(&tmp, w);
    }
    if (!rc && tmp.len)
        rc = ans_clause(a, tmp.data);
    rh_buf_release(&tmp);
    return rc;
}

/* The next answer of a list "a=x, b=y (c, d), e": an item ends at a comma
 * outside brackets, the last at the end. *pos walks s[0..n] (start at 0);
 * the item is s[*from .. *from + *len); false once every item was given. */
static bool next_answer(const char *s, size_t n, size_t *pos, size_t *from, size_t *len)
{
    int depth = 0;
    for (size_t i = *pos; *pos <= n && i <= n; i++) {
        char c = i < n ? s[i] : ',';
        if (c == '(')
            depth++;
        else if (c == ')' && depth)
            depth--;
        else if (c == ',' && depth == 0) {
            *from = *pos;
            *len = i - *pos;
            *pos = i + 1;
            return true;
        }
    }
    return false;
}

/* words18: a reason names the answers that support its statement, the
 * answers given first ("because running hurts 6/10"), never every word a
 * rule's guard found absent ("the pain is not at the front of the hip, the
 * groin does not hurt, ..."). keep_absent: the statement is about an
 * absence (rh_text_speaks_of_absence, a finding against a cause), so the
 * words found absent are its reasons and are said, after the others; they
 * are said too when nothing else is. */
static bool speaks_of_absence(const char *s, size_t n);

static int answers_said(const char *answers, size_t len, bool clinical, bool keep_absent,
                        const char *stmt, size_t stmt_n, struct rh_buf *out)
{
    if (!ready())
        return T.status;
    struct ans_ctx a = {.clinical = clinical};
    if (stmt && speaks_of_absence(stmt, stmt_n)) {
        a.stmt = stmt;
        a.stmt_n = stmt_n;
    }
    rh_buf_init(&a.parts, 1 << 16);
    rh_buf_init(&a.keys, 1 << 16);
    int rc = 0;
    for (int pass = 0; pass < 2 && !rc; pass++) {
        size_t pos = 0, from, n;
        while (!rc && next_answer(answers, len, &pos, &from, &n)) {
            if (pass == 1) {
                rc = ans_item(&a, answers + from, n);
            } else if (!clinical) {
                char k[200];
                item_answer_key(answers + from, n, k, sizeof k);
                if (k[0])
                    rc = rh_buf_printf(&a.keys, "%s%s", a.keys.len ? "\x1f" : "", k);
            }
        }
    }
    int m = a.n < ANS_MARKS ? a.n : ANS_MARKS;
    bool any_given = false;
    for (int i = 0; i < m; i++)
        any_given |= a.given[i];
    /* the clauses in the order said: given first, each where it stood */
    int order[ANS_MARKS], said_n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < m; i++)
            if (a.given[i] == (pass == 0) && (keep_absent || !any_given || !a.negated[i]))
                order[said_n++] = i;
    /* words16: a runner's list longer than data/wording.txt [text]
     * answers.most says answers.shown of them and how many more ("... and 9
     * other answers"): the same long list on every reason of one cause
     * filled a phone's screen. The clinician's report keeps every answer. */
    long most = 0, shown = 0;
    const char *wm = rh_words("text", "answers.most"), *ws = rh_words("text", "answers.shown");
    const char *more = rh_words("text", "answers.more");
    bool cut = !clinical && wm && ws && more && rh_parse_long(wm, &most) == 0 &&
               rh_parse_long(ws, &shown) == 0 && shown > 0 && shown < most && said_n > most;
    int say = cut ? (int)shown : said_n, left = cut ? said_n - (int)shown : 0;
    /* where each clause starts in a.parts */
    const char *at[ANS_MARKS];
    size_t ln[ANS_MARKS];
    const char *p = a.parts.data;
    for (int i = 0; p && i < m; i++) {
        const char *e = strchr(p, '\x1f');
        at[i] = p;
        ln[i] = e ? (size_t)(e - p) : strlen(p);
        p = e ? e + 1 : NULL;
    }
    /* "a, b and c" (clinical: "a; b; c") */
    for (int k = 0; !rc && k < say; k++) {
        bool last = !left && k == say - 1;
        if (k)
            rc = rh_buf_puts(out, clinical ? "; " : last ? " and " : ", ");
        if (!rc)
            rc = rh_buf_append(out, at[order[k]], ln[order[k]]);
    }
    if (!rc && left) {
        char num[16];
        int nn = snprintf(num, sizeof num, "%d", left);
        rc = rh_buf_puts(out, " and ");
        if (!rc)
            rc = fill(out, more, num, (size_t)nn);
    }
    rh_buf_release(&a.parts);
    rh_buf_release(&a.keys);
    return rc;
}

int rh_text_answers(const char *answers, size_t len, bool clinical, struct rh_buf *out)
{
    return answers_said(answers, len, clinical, true, NULL, 0, out);
}

/* ---- the rewrite ---------------------------------------------------------------- */

static size_t match_close(const char *s, size_t n, size_t open)
{
    char o = s[open], c = o == '(' ? ')' : ']';
    int depth = 0;
    for (size_t i = open; i < n; i++) {
        if (s[i] == o)
            depth++;
        else if (s[i] == c && --depth == 0)
            return i;
        else if (s[i] == '\n' && o == '(' && i + 1 < n && s[i + 1] == '\n')
            return 0; /* never across paragraphs */
    }
    return 0;
}

/* words18: whether a statement speaks of an absence ("... with no night or
 * rest pain", "hopping is painless"): a word of data/wording.txt [reason]
 * absence_words in the words shown, leaving out its sources and its
 * answers. */
static bool speaks_of_absence(const char *s, size_t n)
{
    const char *words = rh_words("reason", "absence_words");
    for (size_t i = 0; words && i < n; i++) {
        if (s[i] == '[' || (s[i] == '(' && n - i >= 10 && strncmp(s + i, "(answers: ", 10) == 0)) {
            size_t e = match_close(s, n, i);
            if (e) {
                i = e;
                continue;
            }
        }
        if (!isalpha((unsigned char)s[i]) || (i && isalpha((unsigned char)s[i - 1])))
            continue;
        /* each of the words, ", " apart, whole words only */
        for (const char *w = words; *w;) {
            size_t wl = strcspn(w, ",");
            while (wl && w[wl - 1] == ' ')
                wl--;
            if (wl && i + wl <= n && strncasecmp(s + i, w, wl) == 0 &&
                (i + wl == n || !isalpha((unsigned char)s[i + wl])))
                return true;
            w += strcspn(w, ",");
            while (*w == ',' || *w == ' ')
                w++;
        }
    }
    return false;
}

/* Whether w[0..wl) stands in s as a word (or a word's start: "knee",
 * "knees"), outside its sources and answers. */
static bool names_word(const char *s, size_t n, const char *w, size_t wl)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '[' || (s[i] == '(' && n - i >= 10 && strncmp(s + i, "(answers: ", 10) == 0)) {
            size_t e = match_close(s, n, i);
            if (e) {
                i = e;
                continue;
            }
        }
        if ((i && isalpha((unsigned char)s[i - 1])) || i + wl > n)
            continue;
        if (strncasecmp(s + i, w, wl) == 0 &&
            (i + wl == n || !isalpha((unsigned char)s[i + wl]) || s[i + wl] == 's'))
            return true;
    }
    return false;
}

static bool is_idch(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* An assessment stored by an older runhip kept the notes for developers that
 * its data files then had inside the reasons ("(seed table: feel)",
 * "(clinical_facts F4)", "(weak, LR+ about 1)", "(score 0.95)"). The data
 * files are plain words now (tests/unit/test_plain_words.c checks every
 * reason of the engine before any rewrite); only a stored reason (the
 * renderers of the engine's reasons: rh_text_reason, rh_text_feature) drops
 * such a note, keeping the sources it named. */
static bool stored_note(const char *s, size_t n)
{
    static const char *const marks[] = {"clinical_facts", "seed", "design", "score ", "LR+"};
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        size_t wl = strlen(marks[m]);
        for (size_t i = 0; i + wl <= n; i++)
            if (strncasecmp(s + i, marks[m], wl) == 0)
                return true;
    }
    return false;
}

/* Where the parenthesis that closes s[0..n) at its end opens, or n when
 * s does not end with one or it never opens. */
static size_t trailing_paren_open(const char *s, size_t n)
{
    if (!n || s[n - 1] != ')')
        return n;
    int depth = 0;
    for (size_t i = n; i-- > 0;) {
        if (s[i] == ')')
            depth++;
        else if (s[i] == '(' && --depth == 0)
            return i;
    }
    return n;
}

/* Whether s[0..n) ends with a parenthesis people read (not a note for
 * developers that the rewrite drops), so that "(because ...)" may join it. */
static bool closes_plain_note(const char *s, size_t n)
{
    size_t i = trailing_paren_open(s, n);
    if (i == n)
        return false;
    return !stored_note(s + i + 1, n - i - 2);
}

static const char *const strength_words[] = {"strong", "moderate", "weak", "very weak", "limited"};

struct fin {
    struct rh_refs *refs;
    struct rh_buf *out;
    struct cite_ctx pend; /* sources waiting to be written as " [n, m]" */
    int shown[RH_REFS_MAX], n_shown; /* numbers written on the current line */
    size_t from;
    bool at_end; /* the last flush: nothing follows the list */
};

static void pend_add(struct cite_ctx *p, const struct cite_ctx *c)
{
    for (int i = 0; i < c->n; i++) {
        bool dup = false;
        for (int k = 0; k < p->n; k++)
            dup |= p->idx[k] == c->idx[i];
        if (!dup && p->n < RH_REFS_MAX)
            p->idx[p->n++] = c->idx[i];
    }
}

/* Writes the waiting sources (minus those already on this line). */
static int flush(struct fin *f)
{
    if (!f->pend.n)
        return 0;
    struct cite_ctx c = {.n = 0};
    for (int i = 0; i < f->pend.n; i++) {
        bool seen = false;
        for (int k = 0; k < f->n_shown; k++)
            seen |= f->shown[k] == f->pend.idx[i];
        if (!seen && c.n < RH_REFS_MAX) {
            c.idx[c.n++] = f->pend.idx[i];
            if (f->n_shown < RH_REFS_MAX)
                f->shown[f->n_shown++] = f->pend.idx[i];
        }
    }
    f->pend.n = 0;
    if (!c.n)
        return 0;
    /* the list goes right after its word ("word [1]"), also when the numbers are
     * dropped; a word that follows it keeps its blank (tidy takes the blank
     * away before punctuation) */
    bool blank = false;
    while (f->out->len > f->from && f->out->data[f->out->len - 1] == ' ') {
        f->out->data[--f->out->len] = '\0';
        blank = true;
    }
    int rc = f->refs ? cite_numbers(f->refs, &c, f->out) : 0;
    return !rc && blank && !f->at_end ? rh_buf_puts(f->out, " ") : rc;
}

static int cite_into(struct fin *f, const char *s, size_t n, bool *all_known)
{
    struct cite_ctx c = {.n = 0};
    each_token(s, n, cite_cb, &c);
    bool ok = c.unknown == 0 && (c.known > 0 || c.n == 0);
    if (all_known)
        *all_known = ok;
    if (ok)
        pend_add(&f->pend, &c);
    return 0;
}

/* Known source keys mentioned anywhere in s (for a dropped note). */
static int cite_mentions(struct fin *f, const char *s, size_t n)
{
    struct cite_ctx c = {.n = 0};
    for (size_t i = 0; i < n;) {
        if (!isalnum((unsigned char)s[i]) || (i && isalnum((unsigned char)s[i - 1]))) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '-' || s[j] == '_'))
            j++;
        size_t k = j;
        if (j - i == 4 && strncasecmp(s + i, "seed", 4) == 0 && j + 4 <= n && s[j] == ' ' &&
            isdigit((unsigned char)s[j + 1]))
            k = j + 4;
        int r = ref_of_token(s + i, k - i);
        if (r >= 0 && c.n < RH_REFS_MAX) {
            bool dup = false;
            for (int q = 0; q < c.n; q++)
                dup |= c.idx[q] == r;
            if (!dup)
                c.idx[c.n++] = r;
        }
        i = k > i ? k : i + 1;
    }
    pend_add(&f->pend, &c);
    return 0;
}

/* Removes a space the rewrite left before punctuation and doubled spaces. */
static void tidy(struct rh_buf *b, size_t from)
{
    if (!b->data)
        return;
    char *d = b->data + from, *w = d;
    for (char *r = d; *r; r++) {
        if ((*r == '.' || *r == ',' || *r == ';' || *r == ':' || *r == ')' || *r == '\n') && w > d &&
            w[-1] == ' ' && w - 1 > d && w[-2] != '\n' && w[-2] != ' ')
            w--;
        *w++ = *r;
    }
    *w = '\0';
    b->len = (size_t)(w - b->data);
}

/* A command the runner types, quoted ('runhip profile set rest_hr N' or
 * `runhip plan`): its length up to and with the closing quote, else 0. Its
 * words stay as they are: the runner must type them. */
static size_t command_span(const char *s, size_t n, size_t i)
{
    if (i + 8 > n || (s[i] != '\'' && s[i] != '`') || strncmp(s + i + 1, "runhip ", 7) != 0)
        return 0;
    for (size_t j = i + 8; j < n && s[j] != '\n'; j++)
        if (s[j] == s[i])
            return j - i + 1;
    return 0;
}

/* stored: an assessment's reason (maybe from an older runhip); clinical: its
 * answers in clinical terms ("(worst pain NRS 6/10)", the hand-off report). */
static int finish(const char *in, size_t n, struct rh_refs *refs, struct rh_buf *out, bool stored,
                  bool clinical)
{
    if (!ready())
        return T.status;
    static const struct fin zero;
    struct fin f = zero;
    f.refs = refs;
    f.out = out;
    f.from = out->len;
    size_t from = out->len;
    int rc = 0;
    size_t i = 0;
    while (!rc && i < n) {
        char ch = in[i];
        size_t cmd = command_span(in, n, i);
        if (cmd) {
            rc = flush(&f);
            if (!rc)
                rc = rh_buf_append(out, in + i, cmd);
            i += cmd;
            continue;
        }
        if (ch == '[' || ch == '(') {
            size_t e = match_close(in, n, i);
            if (!e && ch == '[') {
                /* a source list cut off by a fixed-size reason: to the end of the line */
                size_t k = i + 1;
                while (k < n && in[k] != '\n' && in[k] != '[')
                    k++;
                if ((k == n || in[k] == '\n') && k > i + 1 && rh_refs_known(in + i + 1, k - i - 1)) {
                    bool known;
                    rc = cite_into(&f, in + i + 1, k - i - 1, &known);
                    i = k;
                    continue;
                }
            }
            if (e) {
                const char *s = in + i + 1;
                size_t sn = e - i - 1;
                bool one_id = sn > 2 && sn < 64, us = false;
                for (size_t q = 0; one_id && q < sn; q++) {
                    one_id &= is_idch(s[q]);
                    us |= s[q] == '_';
                }
                if (one_id && us && rh_text_id_name(s, sn)) {
                    /* "Title [finding_id]", "Name (condition_id)": the name is there */
                    while (out->len > from && out->data[out->len - 1] == ' ')
                        out->data[--out->len] = '\0';
                    i = e + 1;
                    continue;
                }
                if (ch == '[') {
                    bool known;
                    rc = cite_into(&f, s, sn, &known);
                    if (!rc && known) {
                        i = e + 1;
                        continue;
                    }
                } else if (sn > 8 && strncmp(s, "answers: ", 9) == 0) {
                    struct rh_buf tmp;
                    rh_buf_init(&tmp, 0);
                    /* the statement: the line the answers stand in */
                    size_t ls = i, le = e;
                    while (ls > 0 && in[ls - 1] != '\n')
                        ls--;
                    while (le < n && in[le] != '\n')
                        le++;
                    rc = answers_said(s + 9, sn - 9, clinical, false, in + ls, le - ls, &tmp);
                    if (!rc)
                        rc = child_answers(f.refs, clinical, &tmp);
                    /* "(a rule of thumb) (because ...)": one parenthesis,
                     * "(a rule of thumb; because ...)" (review 7 B28) */
                    size_t end = out->len;
                    while (end > from && out->data[end - 1] == ' ')
                        end--;
                    if (!rc && tmp.len && end > from && closes_plain_note(out->data + from, end - from)) {
                        out->len = end - 1;
                        out->data[out->len] = '\0';
                        rc = rh_buf_printf(out, "; %s%s)", clinical ? "" : "because ", tmp.data);
                    } else if (!rc && tmp.len)
                        rc = rh_buf_printf(out, "%s(%s%s)",
                                           out->len > from && out->data[out->len - 1] != ' ' ? " " : "",
                                           clinical ? "" : "because ", tmp.data);
                    rh_buf_release(&tmp);
                    i = e + 1;
                    continue;
                } else {
                    /* "(moderate, Frandsen2025)": strength and source */
                    size_t comma = 0;
                    for (size_t q = 0; q < sn; q++)
                        if (s[q] == ',') {
                            comma = q;
                            break;
                        }
                    bool strength = false;
                    for (size_t w = 0; comma && w < sizeof strength_words / sizeof *strength_words;
                         w++)
                        strength |= strlen(strength_words[w]) == comma &&
                                    strncmp(s, strength_words[w], comma) == 0;
                    if (strength && rh_refs_known(s + comma + 1, sn - comma - 1)) {
                        rc = flush(&f);
                        if (!rc)
                            rc = rh_buf_printf(out, "(%.*s)", (int)comma, s);
                        if (!rc)
                            rc = cite_into(&f, s + comma + 1, sn - comma - 1, NULL);
                        i = e + 1;
                        continue;
                    }
                    bool single_id = sn > 2 && sn < 64;
                    bool has_us = false;
                    for (size_t q = 0; single_id && q < sn; q++) {
                        single_id &= is_idch(s[q]);
                        has_us |= s[q] == '_';
                    }
                    if ((single_id && has_us && rh_text_id_name(s, sn)) ||
                        (stored && stored_note(s, sn)) ||
                        (rh_refs_known(s, sn) && !isdigit((unsigned char)s[0]))) {
                        /* drop the note, keep the sources it named */
                        rc = cite_mentions(&f, s, sn);
                        i = e + 1;
                        if (i < n && in[i] == ' ' && out->len > from &&
                            out->data[out->len - 1] == ' ')
                            i++;
                        continue;
                    }
                }
            }
        }
        /* a stored reason's "seed 001 says": a numbered source */
        if (stored && (ch == 's' || ch == 'S') && (i == 0 || !isalnum((unsigned char)in[i - 1])) &&
            i + 8 <= n && strncasecmp(in + i, "seed ", 5) == 0 && isdigit((unsigned char)in[i + 5])) {
            size_t j = i + 5;
            while (j < n && isdigit((unsigned char)in[j]))
                j++;
            rc = flush(&f);
            if (!rc)
                rc = rh_buf_puts(out, ch == 'S' ? "A runners' guide" : "a runners' guide");
            if (!rc)
                rc = cite_mentions(&f, in + i, j - i);
            if (!rc)
                rc = flush(&f);
            i = j;
            continue;
        }
        /* an internal id: its display name; 'calm' (a quoted id) too */
        if (is_idch(ch) && (i == 0 || (!is_idch(in[i - 1]) && in[i - 1] != '/' &&
                                       in[i - 1] != '.' && in[i - 1] != '-'))) {
            size_t j = i;
            bool us = false;
            while (j < n && is_idch(in[j]))
                us |= in[j++] == '_';
            bool quoted = i > 0 && in[i - 1] == '\'' && j < n && in[j] == '\'';
            bool path = j < n && (in[j] == '/' || (in[j] == '.' && j + 1 < n &&
                                                    isalpha((unsigned char)in[j + 1])));
            const char *nm = (us || quoted) && !path ? rh_text_id_name(in + i, j - i) : NULL;
            rc = flush(&f);
            if (!rc)
                rc = nm ? rh_buf_puts(out, nm) : rh_buf_append(out, in + i, j - i);
            i = j;
            continue;
        }
        if (ch != ' ' && ch != '\t')
            rc = flush(&f);
        if (ch == '\n')
            f.n_shown = 0;
        if (!rc)
            rc = rh_buf_append(out, &ch, 1);
        i++;
    }
    f.at_end = true;
    if (!rc)
        rc = flush(&f);
    if (!rc)
        tidy(out, from);
    return rc;
}

int rh_text_finish(const char *in, size_t n, struct rh_refs *refs, struct rh_buf *out)
{
    return finish(in, n, refs, out, false, false);
}

/* The engine's exclusions in a reason, " (not ...)" or " (unless ...)",
 * tell a clinician what the rule leaves out; a runner reads them as a maze
 * of negations (review 7 B15). People get the positive reason; the
 * clinical text (the hand-off report) keeps them. The answers' own
 * "(answers: ...)" are left alone. */
/* ---- care named in a line, against the care in force ---------------------------- */

static bool has_phrase(const char *s, size_t n, const char *ph, size_t pn)
{
    /* the first letter before the whole phrase (perf24: every line of
     * advice is read for every phrase of every lower level) */
    int first = pn ? tolower((unsigned char)ph[0]) : 0;
    for (size_t i = 0; pn && i + pn <= n; i++)
        if (tolower((unsigned char)s[i]) == first && strncasecmp(s + i, ph, pn) == 0)
            return true;
    return false;
}

/* Whether s[0..n) holds one of the phrases "a; b; c" (plan27; also
 * names_lower_care's phrases of a level). */
static bool names_phrase(const char *s, size_t n, const char *phrases)
{
    const char *ph = phrases;
    while (ph && *ph) {
        const char *e = strchr(ph, ';');
        size_t pn = e ? (size_t)(e - ph) : strlen(ph);
        while (pn && ph[pn - 1] == ' ')
            pn--;
        if (has_phrase(s, n, ph, pn))
            return true;
        ph = e ? e + 1 : NULL;
        while (ph && *ph == ' ')
            ph++;
    }
    return false;
}

/* Whether s[0..n) names the care of a level below level: one of the phrases
 * of data/wording.txt [disposition] LEVEL.said ("a; b; c"); or (words21)
 * that of this level or one below in words that only say it again, its
 * LEVEL.again ("worth having checked" under "Book a physiotherapist"). */
static bool names_lower_care(const char *s, size_t n, int level)
{
    for (int k2 = 0; k2 < 2 * ((int)RH_DISP__COUNT); k2++) {
        int l = k2 / 2;
        bool again = k2 % 2;
        if (l > level || (!again && l == level))
            continue;
        char k[48];
        snprintf(k, sizeof k, "%s.%s", rh_disposition_name((enum rh_disposition)l),
                 again ? "again" : "said");
        if (names_phrase(s, n, rh_words("disposition", k)))
            return true;
    }
    return false;
}

/* Where the sources and the engine's "(answers: ...)" at the end of a line
 * begin (with the blank before them), or n. */
static size_t tail_start(const char *s, size_t n)
{
    size_t e = n;
    for (;;) {
        size_t k = e;
        while (k && (s[k - 1] == ' ' || s[k - 1] == '.'))
            k--;
        if (!k || (s[k - 1] != ']' && s[k - 1] != ')'))
            return e;
        char c = s[k - 1], o = c == ']' ? '[' : '(';
        int depth = 0;
        size_t i = k;
        while (i-- > 0) {
            if (s[i] == c)
                depth++;
            else if (s[i] == o && --depth == 0)
                break;
        }
        if (depth || (o == '(' && strncmp(s + i, "(answers:", 9) != 0))
            return e;
        while (i && s[i - 1] == ' ')
            i--;
        e = i;
    }
}

/* A clause of s[0..n) to leave out: one naming a care below level (or this
 * level's again words) when phrases is NULL, else one holding a phrase. */
static bool drop_clause(const char *s, size_t n, int level, const char *phrases)
{
    return phrases ? names_phrase(s, n, phrases) : names_lower_care(s, n, level);
}

static int without_clauses(const char *line, int level, const char *phrases, struct rh_buf *out,
                           bool *changed);

int rh_text_within_care(const char *line, int level, struct rh_buf *out, bool *changed)
{
    return without_clauses(line, level, NULL, out, changed);
}

int rh_text_without_phrases(const char *line, const char *phrases, struct rh_buf *out,
                            bool *changed)
{
    return without_clauses(line, 0, phrases ? phrases : "", out, changed);
}

static int without_clauses(const char *line, int level, const char *phrases, struct rh_buf *out,
                           bool *changed)
{
    size_t n = strlen(line);
    if (changed)
        *changed = false;
    if (!drop_clause(line, n, level, phrases))
        return rh_buf_append(out, line, n);
    size_t body = tail_start(line, n);
    /* clauses: split at a top-level "; " or ". X" */
    enum { MAXC = 24 };
    size_t from[MAXC], to[MAXC], nc = 0;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < body && nc < MAXC - 1; i++) {
        char ch = line[i];
        if (ch == '(' || ch == '[')
            depth++;
        else if ((ch == ')' || ch == ']') && depth)
            depth--;
        else if (!depth && i + 2 < body && line[i + 1] == ' ' &&
                 (ch == ';' || (ch == '.' && isupper((unsigned char)line[i + 2])))) {
            from[nc] = start, to[nc] = ch == '.' ? i + 1 : i, nc++;
            start = i + 2;
        }
    }
    from[nc] = start, to[nc] = body, nc++;
    bool any = false;
    int r = 0;
    size_t at = out->len;
    for (size_t c = 0; !r && c < nc; c++) {
        if (drop_clause(line + from[c], to[c] - from[c], level, phrases)) {
            if (changed)
                *changed = true;
            continue;
        }
        bool cap = c > 0 && !any; /* a clause that now starts the line */
        if (any) {
            bool dot = out->data[out->len - 1] == '.';
            if (line[from[c] - 2] == '.') /* a new sentence */
                r = rh_buf_puts(out, dot ? " " : ". ");
            else if (dot)
                r = rh_buf_puts(out, " "), cap = true;
            else
                r = rh_buf_puts(out, "; ");
        }
        if (!r && cap) {
            char up = (char)toupper((unsigned char)line[from[c]]);
            r = rh_buf_append(out, &up, 1);
            if (!r)
                r = rh_buf_append(out, line + from[c] + 1, to[c] - from[c] - 1);
        } else if (!r) {
            r = rh_buf_append(out, line + from[c], to[c] - from[c]);
        }
        any = true;
    }
    /* a sentence's full stop kept from a clause that no longer ends the
     * line, when the line's own body had none (its answers and sources
     * follow: "... muscles (because ...) [3]", not "muscles. (because") */
    if (!r && any && out->len > at && out->data[out->len - 1] == '.' && body &&
        line[body - 1] != '.')
        out->data[--out->len] = '\0';
    if (!r && any) {
        /* the full stop goes after the sources, as the line had it */
        size_t tn = n - body;
        if (out->len > at && out->data[out->len - 1] == '.' && tn && line[n - 1] == '.')
            out->data[--out->len] = '\0';
        r = rh_buf_append(out, line + body, tn);
    }
    return r;
}

static bool exclusion_at(const char *s, size_t n, size_t i)
{
    return s[i] == ' ' && i + 2 < n && s[i + 1] == '(' &&
           (strncmp(s + i + 2, "not ", 4) == 0 || strncmp(s + i + 2, "unless ", 7) == 0 ||
            strncmp(s + i + 2, "nor ", 4) == 0);
}

/* s[0..n) into out without the asides " (...)" that aside_at(s, n, i)
 * says start at i (its closing bracket matched); the engine's own
 * "(answers: ...)" is copied whole when keep_answers, so that nothing
 * inside it is taken for an aside. */
static int drop_asides(const char *s, size_t n, bool (*aside_at)(const char *, size_t, size_t),
                       bool keep_answers, struct rh_buf *out)
{
    int r = 0;
    for (size_t i = 0; !r && i < n; i++) {
        if (keep_answers && s[i] == '(' && strncmp(s + i, "(answers: ", 10) == 0) {
            size_t e = match_close(s, n, i);
            if (e) {
                r = rh_buf_append(out, s + i, e - i + 1);
                i = e;
                continue;
            }
        }
        if (aside_at(s, n, i)) {
            size_t e = match_close(s, n, i + 1);
            if (e) {
                i = e;
                continue;
            }
        }
        r = rh_buf_append(out, s + i, 1);
    }
    return r;
}

int rh_text_drop_exclusions(const char *s, size_t n, struct rh_buf *out)
{
    return drop_asides(s, n, exclusion_at, true, out);
}

static bool answers_span(const char *s, size_t n, size_t *from, size_t *to);

/* Whether w[0..wl) is one of data/wording.txt [reason] filler_words. */
static bool filler(const char *w, size_t wl)
{
    const char *words = rh_words("reason", "filler_words");
    for (const char *p = words; p && *p;) {
        size_t pl = strcspn(p, ",");
        while (pl && p[pl - 1] == ' ')
            pl--;
        if (pl == wl && !strncasecmp(p, w, wl))
            return true;
        p += strcspn(p, ",");
        while (*p == ',' || *p == ' ')
            p++;
    }
    return false;
}

/* Whether every word of four letters or more of a clause stands in s
 * (a word's start too: "limp", "limps"). */
static bool words_within(const char *clause, const char *s)
{
    for (const char *w = clause; *w;) {
        while (*w && !isalpha((unsigned char)*w))
            w++;
        size_t wl = 0;
        while (isalpha((unsigned char)w[wl]))
            wl++;
        if (wl >= 4 && !filler(w, wl)) {
            bool found = false;
            for (const char *p = s; *p && !found; p++)
                found = (p == s || !isalpha((unsigned char)p[-1])) && !strncasecmp(p, w, wl);
            if (!found)
                return false;
        }
        w += wl;
    }
    return true;
}

/* paren: the answers said in parentheses, after a "because of" already
 * said (rh_text_running_reason): "..., because of a warning sign: a limp
 * (you limp)", never "because ... because" */
static int reason_in(const char *why, bool clinical, struct rh_refs *refs, struct rh_buf *out,
                     bool paren)
{
    if (!why)
        return 0;
    /* "red flag ID: NAME" (a level a red flag raised): in plain words, the
     * flag's heading (data/red_flags.txt title), not the rule's category
     * ("cancer history, unexplained weight loss, night sweats or new pain
     * after 50"); the list of warning signs says what was seen */
    const char *colon = strstr(why, ": ");
    if (strncmp(why, "red flag ", 9) == 0 && colon) {
        char id[64], title[300];
        /* "red flag ID=HEADING: NAME" (the heading of what was seen), or
         * "red flag ID: NAME" (an assessment stored before it) */
        const char *eq = memchr(why + 9, '=', (size_t)(colon - why - 9));
        snprintf(id, sizeof id, "%.*s", (int)((eq ? eq : colon) - why - 9), why + 9);
        if (rh_assess_flag_name(id)) {
            if (eq)
                snprintf(title, sizeof title, "%.*s", (int)(colon - eq - 1), eq + 1);
            else
                rh_assess_flag_title(id, NULL, title, sizeof title);
            /* of a parent's child, as the flag's own heading says it
             * (rh_assess_flag_title_said, words15) */
            struct rh_buf t;
            rh_buf_init(&t, 0);
            if (refs && refs->child && !clinical && rh_assess_said_to(true, title, &t) == 0 &&
                t.data && t.len < sizeof title)
                memcpy(title, t.data, t.len + 1);
            rh_buf_release(&t);
            title[0] = (char)tolower((unsigned char)title[0]);
            /* ux28: the answers that raised it, when the engine gave them
             * ("red flag ID=HEADING: NAME (answers: ...)"): the reason says
             * why, not only which sign */
            struct rh_buf ans;
            rh_buf_init(&ans, 0);
            size_t af, at;
            int r = 0;
            if (answers_span(colon, strlen(colon), &af, &at)) {
                const char *in = colon + af;
                while (*in == ' ')
                    in++;
                in += 10; /* "(answers: " */
                /* an answer the heading already says ("it wakes you at
                 * night" under "pain that wakes you at night") is left out */
                struct rh_buf kept, one;
                rh_buf_init(&kept, 0);
                rh_buf_init(&one, 0);
                size_t n_in = (size_t)(colon + at - 1 - in), pos = 0, st, n;
                while (!r && next_answer(in, n_in, &pos, &st, &n)) {
                    rh_buf_reset(&one);
                    r = answers_said(in + st, n, clinical, false, NULL, 0, &one);
                    if (!r && one.len && !words_within(one.data, title))
                        r = rh_buf_printf(&kept, "%s%.*s", kept.len ? "," : "", (int)n, in + st);
                }
                if (!r && kept.len)
                    r = answers_said(kept.data, kept.len, clinical, false, NULL, 0, &ans);
                rh_buf_release(&kept);
                rh_buf_release(&one);
                /* of a parent's child, as the flag's own "because" says it */
                const char *map = rh_words("text", "child_person");
                if (!r && ans.len && refs && refs->child && !clinical && map) {
                    struct rh_buf c;
                    rh_buf_init(&c, 0);
                    r = rh_text_person(map, ans.data, &c);
                    if (!r) {
                        rh_buf_reset(&ans);
                        r = rh_buf_puts(&ans, c.data ? c.data : "");
                    }
                    rh_buf_release(&c);
                }
            }
            /* the clinician reads the flag by what was seen, as the runner
             * did, not by the rule's whole definition (session 13, web13) */
            if (!r && clinical)
                r = ans.len ? rh_buf_printf(out, "a red flag: %s (%s)", title, ans.data)
                            : rh_buf_printf(out, "a red flag: %s", title);
            else if (!r) {
                const char *lead = rh_words("text", "flag_reason");
                const char *because = rh_words("text", "flag_because");
                r = ans.len && paren ? rh_buf_printf(out, "%s: %s (%s)", lead ? lead : "", title,
                                                     ans.data)
                    : ans.len && because
                        ? rh_buf_printf(out, "%s: %s, %s %s", lead ? lead : "", title, because,
                                        ans.data)
                        : rh_buf_printf(out, "%s: %s", lead ? lead : "", title);
            }
            rh_buf_release(&ans);
            return r;
        }
        return rh_buf_printf(out, "a red flag: %s", colon + 2);
    }
    if (clinical)
        return finish(why, strlen(why), refs, out, true, clinical);
    struct rh_buf pos;
    rh_buf_init(&pos, 0);
    int r = rh_text_drop_exclusions(why, strlen(why), &pos);
    if (!r)
        r = finish(pos.data ? pos.data : "", pos.len, refs, out, true, clinical);
    rh_buf_release(&pos);
    return r;
}

static int reason(const char *why, bool clinical, struct rh_refs *refs, struct rh_buf *out)
{
    return reason_in(why, clinical, refs, out, false);
}

size_t rh_text_reason_subject(const char *reason, const char *const *names, int n)
{
    for (int i = 0; reason && i < n; i++) {
        size_t len = names[i] ? strlen(names[i]) : 0;
        if (len && !strncmp(reason, names[i], len) && reason[len] == ':' && reason[len + 1] == ' ' &&
            reason[len + 2])
            return len + 2;
    }
    return 0;
}

int rh_text_reason(const char *why, struct rh_refs *refs, struct rh_buf *out)
{
    return reason(why, false, refs, out);
}

int rh_text_reason_clinical(const char *why, struct rh_refs *refs, struct rh_buf *out)
{
    return reason(why, true, refs, out);
}

/* The engine's " (answers: ...)" in a reason: where it starts (with its
 * blank) and ends (after its parenthesis), false when there is none. */
static bool answers_span(const char *s, size_t n, size_t *from, size_t *to)
{
    for (size_t i = 0; i + 10 <= n; i++) {
        if (strncmp(s + i, "(answers: ", 10) != 0)
            continue;
        size_t e = match_close(s, n, i);
        if (!e)
            return false;
        *from = i;
        while (*from && s[*from - 1] == ' ')
            (*from)--;
        *to = e + 1;
        return true;
    }
    return false;
}

/* plain31: in text (a reason of a running rule), the clause after ": "
 * that names the running level's own words (lead, data/wording.txt
 * [running]; a "No running ..." lead is matched by "no running") as its
 * end: "a groin lump that may be trapped: no running until a surgeon has
 * seen it [4]". Only the clause's source markers may follow it. Returns
 * the clause's start (after the ": ") and sets *end to its end, trailing
 * blanks left out; NULL when text has no such clause. */
static const char *level_clause(const char *text, const char *lead, const char **end)
{
    char head[64];
    bool no_run = strncmp(lead, "No running", 10) == 0;
    snprintf(head, sizeof head, ": %s", no_run ? "No running" : lead);
    head[2] = (char)tolower((unsigned char)head[2]);
    size_t hl = strlen(head) - 2;
    const char *nr = strstr(text, head);
    if (!nr)
        return NULL;
    const char *cl = nr + 2;
    if (cl[hl] != ' ' && cl[hl] != ',' && cl[hl] != '\0' && cl[hl] != '[')
        return NULL; /* the lead's words begin a longer word */
    const char *ce = cl + strcspn(cl, "[.;");
    while (ce > cl && ce[-1] == ' ')
        ce--;
    const char *tail = ce + strspn(ce, " ");
    if (*tail == '[')
        tail += strcspn(tail, "]") + (tail[strcspn(tail, "]")] == ']');
    if (*tail != '\0' || (size_t)(ce - cl) < hl)
        return NULL;
    *end = ce;
    return cl;
}

int rh_text_running_reason(const char *level, const char *why, const char *const *names,
                           int n_names, bool clinical, struct rh_refs *refs, struct rh_buf *out)
{
    if (!why)
        return 0;
    /* the level said first, as a runner would say it (data/wording.txt
     * [running] LEVEL.why): "Less running for now" */
    char key[48];
    snprintf(key, sizeof key, "%s.why", level ? level : "");
    const char *lead = clinical ? rh_words_clinical("running", key) : rh_words("running", key);
    const char *because = rh_words("text", "running_because");
    const char *of = rh_words("text", "running_because_of");
    const char *fits = rh_words("text", "running_fits");
    /* words missing from data/wording.txt: the reason as it is */
    if (!lead || !because || !of || !fits || !rh_words("text", "running_for"))
        return reason(why, clinical, refs, out);
    int r = 0;
    if (strncmp(why, "red flag ", 9) == 0) {
        /* "No running until you have been checked, because of a warning
         * sign: a limp" */
        r = rh_buf_printf(out, "%s, %s ", lead, of);
        return r ? r : reason_in(why, clinical, refs, out, true);
    }
    size_t subject = rh_text_reason_subject(why, names, n_names);
    const char *body = why + subject;
    size_t n = strlen(body), af = 0, at = 0;
    bool has_answers = answers_span(body, n, &af, &at);
    struct rh_buf ans, rest, text;
    rh_buf_init(&ans, 0);
    rh_buf_init(&rest, 0);
    rh_buf_init(&text, 0);
    if (has_answers && !clinical) {
        /* the statement as the runner is shown it: without the exclusions
         * reason() drops */
        struct rh_buf shown;
        rh_buf_init(&shown, 0);
        r = rh_text_drop_exclusions(body, n, &shown);
        if (!r)
            r = answers_said(body + af + 1 + 10, at - af - 1 - 10 - 1, clinical, false,
                             shown.data ? shown.data : "", shown.len, &ans);
        rh_buf_release(&shown);
        if (!r)
            r = child_answers(refs, clinical, &ans);
        if (!r)
            r = rh_buf_append(&rest, body, af);
        if (!r)
            r = rh_buf_append(&rest, body + at, n - at);
    } else {
        r = rh_buf_append(&rest, body, n);
    }
    if (!r)
        r = reason(rest.data ? rest.data : "", clinical, refs, &text);
    char name[256] = "";
    if (subject > 2)
        snprintf(name, sizeof name, "%.*s", (int)(subject - 2), why);
    if (!r && clinical) {
        /* as a referral letter: "Reduced running for iliotibial band
         * syndrome. The band ..."; "Reduced running. Pain that does not
         * settle by the next morning: reduce load (next-morning pain NRS
         * 3/10) [4]" (the findings after the words they explain) */
        if (*name && !has_answers)
            r = rh_buf_printf(out, "%s %s %s. ", lead, rh_words("text", "running_for"), name);
        else
            r = rh_buf_printf(out, "%s. ", lead);
    } else if (!r) {
        /* plain31: a rule that names the level's own words as its end says
         * them once, with that end, not after the level's lead: "No running
         * until a surgeon has seen the lump, because there is a lump in the
         * groin: a groin lump that may be trapped [4]"; "No running for
         * now, only cross-training" keeps what follows its comma */
        const char *ce = NULL;
        const char *cl = (ans.len || *name) && text.len ? level_clause(text.data, lead, &ce) : NULL;
        const char *keep = strncmp(lead, "No running", 10) == 0 ? strchr(lead, ',') : NULL;
        if (cl) {
            r = rh_buf_printf(out, "%c%.*s%s, %s ", toupper((unsigned char)*cl),
                              (int)(ce - cl - 1), cl + 1, keep ? keep : "", because);
            if (!r)
                r = ans.len ? rh_buf_append(out, ans.data, ans.len)
                            : rh_buf_printf(out, "%s %s", fits, name);
            /* the reason before the clause (its ": " dropped), then what
             * follows the clause (its source markers) */
            if (!r)
                r = rh_buf_printf(out, ": %.*s%s", (int)(cl - 2 - text.data), text.data, ce);
            text.len = 0; /* said */
        } else if (ans.len)
            r = rh_buf_printf(out, "%s, %s %s. ", lead, because, ans.data);
        else if (*name)
            r = rh_buf_printf(out, "%s, %s %s %s. ", lead, because, fits, name);
        else
            r = rh_buf_printf(out, "%s. ", lead);
    }
    if (!r && text.len) {
        text.data[0] = (char)toupper((unsigned char)text.data[0]);
        r = rh_buf_append(out, text.data, text.len);
    } else if (!r && out->len > 1 && out->data[out->len - 1] == ' ') {
        out->data[--out->len] = '\0';
    }
    rh_buf_release(&ans);
    rh_buf_release(&rest);
    rh_buf_release(&text);
    return r;
}

/* words21: whether s[i] starts " (WORD" with WORD one of data/wording.txt
 * [reason] clinician_only (", " apart): a note of a test's accuracy ("100%
 * specific against MRI") the clinician's report keeps and the runner is not
 * shown; the statement before it says the same in plain words. */
static bool clinician_note_at(const char *s, size_t n, size_t i)
{
    if (s[i] != ' ' || i + 2 >= n || s[i + 1] != '(')
        return false;
    const char *words = rh_words("reason", "clinician_only");
    for (const char *w = words; w && *w;) {
        size_t wl = strcspn(w, ",");
        while (wl && w[wl - 1] == ' ')
            wl--;
        if (wl && i + 2 + wl <= n && !strncmp(s + i + 2, w, wl) &&
            (i + 2 + wl == n || !isalnum((unsigned char)s[i + 2 + wl])))
            return true;
        w += strcspn(w, ",");
        while (*w == ',' || *w == ' ')
            w++;
    }
    return false;
}

/* s[0..n) without its clinician-only notes, into out. */
static int drop_clinician_notes(const char *s, size_t n, struct rh_buf *out)
{
    return drop_asides(s, n, clinician_note_at, false, out);
}

int rh_text_feature(const char *why, bool clinical, struct rh_refs *refs, struct rh_buf *out,
                    bool *against)
{
    if (against)
        *against = false;
    if (!why)
        return 0;
    char *end;
    double w = strtod(why, &end);
    const char *colon = strstr(end, ": ");
    if (end == why || !colon)
        return finish(why, strlen(why), refs, out, true, clinical);
    if (against)
        *against = w < 0;
    const char *answers = end + 1, *reason = colon + 2;
    struct rh_buf ans, full, plainr;
    rh_buf_init(&ans, 0);
    rh_buf_init(&full, 0);
    rh_buf_init(&plainr, 0);
    /* the runner's statement without the clinician's notes */
    if (!clinical && drop_clinician_notes(reason, strlen(reason), &plainr) == 0 && plainr.data)
        reason = plainr.data;
    /* a finding against a cause is about what is absent: its words found
     * absent are its reasons */
    int r = answers_said(answers, (size_t)(colon - answers), clinical, w < 0, reason,
                         strlen(reason), &ans);
    if (!r)
        r = child_answers(refs, clinical, &ans);
    /* the sources stay at the end: the answers go before " [..." */
    const char *br = strrchr(reason, '[');
    size_t cut = br ? (size_t)(br - reason) : strlen(reason);
    while (cut && reason[cut - 1] == ' ')
        cut--;
    if (!r)
        r = rh_buf_append(&full, reason, cut);
    if (!r && ans.len && closes_plain_note(full.data, full.len)) {
        /* "X (a note) (because ...)": one parenthesis (review 7 B28) */
        full.data[--full.len] = '\0';
        r = rh_buf_printf(&full, clinical ? "; %s)" : "; because %s)", ans.data);
    } else if (!r && ans.len)
        r = rh_buf_printf(&full, clinical ? " (%s)" : " (because %s)", ans.data);
    if (!r && br)
        r = rh_buf_printf(&full, " %s", br);
    size_t at = out->len;
    if (!r && full.len)
        r = finish(full.data, full.len, refs, out, true, false);
    /* runner21: a source runhip does not show ("[clinical_facts B]") left
     * the space before it at the end of the line */
    while (!r && out->len > at && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    rh_buf_release(&ans);
    rh_buf_release(&full);
    rh_buf_release(&plainr);
    return r;
}

int rh_text_note_words(const char *sets, struct rh_buf *out)
{
    int r = 0, n = 0;
    /* a fact only a note tells (note:WORD) is what the words said; the
     * other words of the same reading are how the engine files it ("knocked
     * off my bike": a fall for the trauma rules), which the writer did not
     * write: only the fact is said then */
    bool facts = sets && (strncmp(sets, "note:", 5) == 0 || strstr(sets, " note:") != NULL);
    for (const char *p = sets; !r && p && *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if (facts && strncmp(p, "note:", 5) != 0) {
            p = e;
            continue;
        }
        if (e > p && e - p < 120) {
            char key[128], word[128];
            snprintf(key, sizeof key, "%.*s", (int)(e - p), p);
            char *c = strchr(key, ':');
            if (c)
                *c = '.';
            const char *clause = rh_words("answer", key);
            snprintf(word, sizeof word, "%s", c ? c + 1 : key);
            for (char *q = word; *q; q++)
                if (*q == '_')
                    *q = ' ';
            r = rh_buf_printf(out, "%s%s", n++ ? ", " : "", clause ? clause : word);
        }
        p = e;
    }
    return r;
}

/* ---- the leak check (tests) ------------------------------------------------------ */

bool rh_text_leak(const char *s, size_t n, const char **what, size_t *at)
{
    static const struct {
        const char *mark, *what;
    } marks[] = {{"seed 0", "a seed article named by its number"},
                 {"seed0", "a seed article key"},
                 {"clinical_facts", "a clinical-notes key"},
                 {"(answers:", "rule text: answers"},
                 {" (>= ", "rule text: a threshold"},
                 {" (> ", "rule text: a threshold"},
                 {" (<= ", "rule text: a threshold"},
                 {" (< ", "rule text: a threshold"},
                 {"score 0.", "a score as a number"},
                 {"(score ", "a score as a number"},
                 {"load finding ", "a load finding id"},
                 {"seed table", "a note for developers: a seed's table"},
                 {"(seed ", "a note for developers: a seed"},
                 {"seed guidance", "a note for developers: a seed"},
                 {"LR+", "a note for developers: a likelihood ratio"},
                 {"(design", "a note for developers: a design choice"},
                 {"design)", "a note for developers: a design choice"},
                 {"design:", "a note for developers: a design choice"},
                 {"explains it otherwise", "rule text: the exceptions of a rule"},
                 {"cannot safely be asked", "rule text: the exceptions of a rule"},
                 {">=", "rule text: a threshold"},
                 {"<=", "rule text: a threshold"}};
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
        for (size_t i = 0; i + strlen(marks[m].mark) <= n; i++)
            if (strncasecmp(s + i, marks[m].mark, strlen(marks[m].mark)) == 0) {
                *what = marks[m].what;
                *at = i;
                return true;
            }
    for (size_t i = 0; i < n; i++) {
        size_t cmd = command_span(s, n, i);
        if (cmd) {
            i += cmd - 1;
            continue;
        }
        /* "key=value": an answer as the engine writes it (commands are skipped above) */
        if (s[i] == '=' && i > 0 && is_idch(s[i - 1]) && i + 1 < n && is_idch(s[i + 1])) {
            *what = "rule text: key=value";
            *at = i;
            return true;
        }
        /* "+1 the likeliest cause", "(+2.5)": a rule's weight (a change of "+44%" is a figure) */
        if ((s[i] == '+' || s[i] == '-') && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' ||
                                             s[i - 1] == '\n') &&
            i + 1 < n && isdigit((unsigned char)s[i + 1])) {
            size_t j = i + 1;
            while (j < n && (isdigit((unsigned char)s[j]) || (s[j] == '.' && j + 1 < n &&
                                                               isdigit((unsigned char)s[j + 1]))))
                j++;
            if (s[i] == '+' && (j == n || s[j] == ' ' || s[j] == ')' || s[j] == '\n') &&
                !(j + 1 < n && s[j] == ' ' && (isdigit((unsigned char)s[j + 1]) ||
                                               strchr("kmsx%", s[j + 1])))) {
                *what = "a rule's weight";
                *at = i;
                return true;
            }
        }
        /* a word_with_underscores, or a short id of the tables of conditions and red
         * flags written as a word ("fai"; "FAI" in a name is the runner's word) */
        if (is_idch(s[i]) && (i == 0 || !is_idch(s[i - 1]))) {
            size_t j = i;
            bool us = false, alpha = false;
            while (j < n && is_idch(s[j])) {
                us |= s[j] == '_';
                alpha |= isalpha((unsigned char)s[j]) != 0;
                j++;
            }
            if (j + 1 < n && s[j] == '=' && is_idch(s[j + 1])) {
                *what = "rule text: key=value";
                *at = j;
                return true;
            }
            /* a word of a web address ("...guide-fai-syndrome") is no id */
            bool in_address = i > 0 && (s[i - 1] == '/' || s[i - 1] == '-' || s[i - 1] == '.') &&
                              j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.');
            if (!us && !in_address && j - i <= 4 && ready())
                for (int k = 0; k < T.n_ids; k++)
                    if ((T.ids[k].file == ID_CONDITIONS || T.ids[k].file == ID_RED_FLAGS) &&
                        strlen(T.ids[k].id) == j - i && strncmp(T.ids[k].id, s + i, j - i) == 0) {
                        *what = "an internal id (a condition or red flag)";
                        *at = i;
                        return true;
                    }
            bool path = (i > 0 && (s[i - 1] == '/' || s[i - 1] == '.' || s[i - 1] == '-' ||
                                   s[i - 1] == '=' || s[i - 1] == '$')) ||
                        (j < n && (s[j] == '/' || s[j] == '.' || s[j] == '=') && j + 1 < n &&
                         isalnum((unsigned char)s[j + 1]));
            if (us && alpha && !path) {
                *what = "an internal id";
                *at = i;
                return true;
            }
            i = j;
        }
        /* "[Key]" that is not a number list */
        if (s[i] == '[') {
            size_t e = i + 1;
            while (e < n && s[e] != ']' && s[e] != '\n')
                e++;
            if (e < n && s[e] == ']' && e > i + 1) {
                bool numbers = true;
                for (size_t q = i + 1; q < e; q++)
                    numbers &= isdigit((unsigned char)s[q]) || s[q] == ',' || s[q] == ' ';
                if (!numbers && rh_refs_known(s + i + 1, e - i - 1)) {
                    *what = "a source key in brackets";
                    *at = i;
                    return true;
                }
            }
        }
        /* "(96%)": a score as a percentage */
        if (s[i] == '(' && i + 3 < n && isdigit((unsigned char)s[i + 1])) {
            size_t j = i + 1;
            while (j < n && isdigit((unsigned char)s[j]))
                j++;
            if (j + 1 < n && s[j] == '%' && s[j + 1] == ')') {
                *what = "a score as a percentage";
                *at = i;
                return true;
            }
        }
    }
    return false;
}

int rh_text_document(const char *in, size_t len, unsigned flags, struct rh_buf *out)
{
    struct rh_refs refs;
    rh_refs_init(&refs);
    int rc = rh_text_finish(in, len, (flags & RH_TEXT_NO_SOURCES) ? NULL : &refs, out);
    if (!rc && refs.n && !(flags & RH_TEXT_NO_SOURCES)) {
        if (out->len && out->data[out->len - 1] != '\n')
            rc = rh_buf_puts(out, "\n");
        if (!rc)
            rc = rh_buf_puts(out, "\n");
        if (!rc)
            rc = rh_refs_write(&refs, (flags & RH_TEXT_FULL_SOURCES) != 0, out);
    }
    return rc;
}

int rh_words_family_check(struct rh_words_family *f, struct rh_err *err)
{
    if (atomic_load(&f->ok))
        return 0;
    int r = rh_words_named_check(f->section, f->keys, f->n, err);
    if (!r)
        atomic_store(&f->ok, true);
    return r;
}

size_t rh_words_family_say(struct rh_words_family *f, char *buf, size_t cap, const char *key,
                           va_list ap)
{
    if (rh_words_family_check(f, NULL)) {
        if (cap)
            buf[0] = '\0';
        return 0;
    }
    return rh_words_fill_pairs(buf, cap, f->section, f->keys, f->n, key, ap);
}

int rh_words_family_err(struct rh_words_family *f, struct rh_err *err, int code, long line,
                        const char *key, va_list ap)
{
    struct rh_err ce;
    if (rh_words_family_check(f, &ce)) {
        if (err) {
            *err = ce;
            err->code = code;
        }
        return code;
    }
    char msg[sizeof ((struct rh_err *)0)->msg];
    rh_words_fill_pairs(msg, sizeof msg, f->section, f->keys, f->n, key, ap);
    return rh_err_setl(err, code, line, "%s", msg);
}

size_t rh_text_name_gloss_at(const char *name)
{
    size_t n = strlen(name);
    if (n < 4)
        return n;
    /* the parenthesis that closes at the end, opened after a space */
    size_t i = trailing_paren_open(name, n);
    return i < n && i >= 2 && name[i - 1] == ' ' ? i - 1 : n;
}
