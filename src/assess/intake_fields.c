/* SPDX-License-Identifier: MIT */
/*
 * The intake vocabulary and key table: the canonical word lists generated
 * from the X-macros of runhip/intake.h, word look-up with the documented
 * synonyms, and one table row per key of intake.md (in its order) saying
 * where the value lives in struct rh_intake and what range it has. The
 * readers, writers and the questionnaire all go through this table.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess/intake_int.h"
#include "text/file_words.h"
#include "util/banned.h"

/* ---- word lists ---------------------------------------------------------- */

#define W(n, w) #w,
static const char *const sex_words[] = {RH_SEX_WORDS(W)};
static const char *const side_words[] = {RH_SIDE_WORDS(W)};
static const char *const location_words[] = {RH_LOCATION_WORDS(W)};
static const char *const onset_words[] = {RH_ONSET_WORDS(W)};
static const char *const event_words[] = {RH_ONSET_EVENT_WORDS(W)};
static const char *const episodes_words[] = {RH_EPISODES_WORDS(W)};
static const char *const character_words[] = {RH_CHARACTER_WORDS(W)};
static const char *const worse_words[] = {RH_WORSE_WORDS(W)};
static const char *const better_words[] = {RH_BETTER_WORDS(W)};
static const char *const sign_words[] = {RH_SIGN_WORDS(W)};
static const char *const test_words[] = {RH_TEST_WORDS(W)};
static const char *const check_words[] = {RH_CHECK_WORDS(W)};
static const char *const surface_words[] = {RH_SURFACE_WORDS(W)};
static const char *const change_words[] = {RH_CHANGE_WORDS(W)};
static const char *const history_words[] = {RH_HISTORY_WORDS(W)};
#undef W

#define LIST(a) {a, (int)(sizeof a / sizeof a[0])}
static const struct {
    const char *const *words;
    int n;
} lists[RH_INTAKE_LIST__COUNT] = {
    [RH_INTAKE_LIST_SEX] = LIST(sex_words),
    [RH_INTAKE_LIST_SIDE] = LIST(side_words),
    [RH_INTAKE_LIST_LOCATION] = LIST(location_words),
    [RH_INTAKE_LIST_ONSET] = LIST(onset_words),
    [RH_INTAKE_LIST_ONSET_EVENT] = LIST(event_words),
    [RH_INTAKE_LIST_EPISODES] = LIST(episodes_words),
    [RH_INTAKE_LIST_CHARACTER] = LIST(character_words),
    [RH_INTAKE_LIST_WORSE] = LIST(worse_words),
    [RH_INTAKE_LIST_BETTER] = LIST(better_words),
    [RH_INTAKE_LIST_SIGN] = LIST(sign_words),
    [RH_INTAKE_LIST_TEST] = LIST(test_words),
    [RH_INTAKE_LIST_CHECK] = LIST(check_words),
    [RH_INTAKE_LIST_SURFACE] = LIST(surface_words),
    [RH_INTAKE_LIST_CHANGE] = LIST(change_words),
    [RH_INTAKE_LIST_HISTORY] = LIST(history_words),
};
#undef LIST

_Static_assert(sizeof(enum rh_sex) == sizeof(int) && sizeof(enum rh_side) == sizeof(int) &&
                   sizeof(enum rh_onset) == sizeof(int) &&
                   sizeof(enum rh_onset_event) == sizeof(int) &&
                   sizeof(enum rh_episodes) == sizeof(int) &&
                   sizeof(enum rh_surface) == sizeof(int),
               "scalar enums are read through int pointers");
_Static_assert(RH_WORSE__COUNT <= 32 && RH_SIGN__COUNT <= 32 && RH_HIST__COUNT <= 32,
               "list masks are 32 bits");

int32_t rh_intake_onset_day(const struct rh_intake *in, int32_t answered_day)
{
    if (!in || in->duration_days < 0 || answered_day < 0)
        return -1;
    return answered_day - in->duration_days;
}

const char *rh_intake_word(enum rh_intake_list list, int value)
{
    if ((int)list < 0 || list >= RH_INTAKE_LIST__COUNT || value < 0 || value >= lists[list].n)
        return NULL;
    return lists[list].words[value];
}

int rh_intake_word_count(enum rh_intake_list list)
{
    if ((int)list < 0 || list >= RH_INTAKE_LIST__COUNT)
        return 0;
    return lists[list].n;
}

/* List-specific synonyms (input only). */
static const struct {
    enum rh_intake_list list;
    const char *word, *canonical;
} synonyms[] = {
    {RH_INTAKE_LIST_SEX, "f", "female"},     {RH_INTAKE_LIST_SEX, "m", "male"},
    {RH_INTAKE_LIST_SEX, "woman", "female"}, {RH_INTAKE_LIST_SEX, "man", "male"},
    {RH_INTAKE_LIST_SIDE, "l", "left"},      {RH_INTAKE_LIST_SIDE, "r", "right"},
};

int rh_intake_word_find(enum rh_intake_list list, const char *word)
{
    if ((int)list < 0 || list >= RH_INTAKE_LIST__COUNT || !word)
        return -1;
    char norm[64];
    size_t n = strlen(word);
    if (n == 0 || n >= sizeof norm)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = (char)tolower((unsigned char)word[i]);
        norm[i] = (c == '-' || c == ' ') ? '_' : c;
    }
    norm[n] = '\0';
    for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
        if (synonyms[i].list == list && strcmp(synonyms[i].word, norm) == 0) {
            word = synonyms[i].canonical;
            n = strlen(word);
            memcpy(norm, word, n + 1);
            break;
        }
    for (int i = 0; i < lists[list].n; i++)
        if (strcmp(lists[list].words[i], norm) == 0)
            return i;
    return -1;
}

int rh__tri_word(const char *s)
{
    static const char *const yes[] = {"yes", "y", "true"};
    static const char *const no[] = {"no", "n", "false"};
    char norm[8];
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof norm)
        return -1;
    for (size_t i = 0; i <= n; i++)
        norm[i] = (char)tolower((unsigned char)s[i]);
    for (int i = 0; i < 3; i++) {
        if (strcmp(norm, yes[i]) == 0)
            return 1;
        if (strcmp(norm, no[i]) == 0)
            return 0;
    }
    return -1;
}

int rh__num_precision(double v)
{
    char tmp[40];
    if (v == floor(v) && fabs(v) < 1e15) /* whole: all integer digits, no exponent */
        return fabs(v) < 1 ? 1 : (int)floor(log10(fabs(v))) + 1;
    for (int p = 1; p < 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*g", p, v);
        if (strtod(tmp, NULL) == v)
            return p;
    }
    return 17;
}

/* ---- the key table ------------------------------------------------------- */

#define OFF(m) offsetof(struct rh_intake, m)
#define F_INT(k, lo, hi) {#k, RH__IF_INT, OFF(k), 0, -1, lo, hi, 0},
#define F_NUM(k, lo, hi) {#k, RH__IF_NUM, OFF(k), 0, -1, lo, hi, 0},
#define F_ENUM(k, l) {#k, RH__IF_ENUM, OFF(k), 0, RH_INTAKE_LIST_##l, 0, 0, 0},
#define F_LIST(k, l) {#k, RH__IF_LIST, OFF(k), OFF(has_##k), RH_INTAKE_LIST_##l, 0, 0, 0},
/* a list whose follow-up words the questionnaire may leave unknown */
#define F_LISTU(k, l) {#k, RH__IF_LIST, OFF(k), OFF(has_##k), RH_INTAKE_LIST_##l, 0, 0, OFF(k##_unknown)},
#define F_TEST(n, w) {"test_" #w, RH__IF_TRI, OFF(test) + RH_TEST_##n, 0, -1, 0, 1, 0},
#define F_CHECK(n, w) {"check_" #w, RH__IF_TRI, OFF(check) + RH_CHECK_##n, 0, -1, 0, 1, 0},

const struct rh__ifield rh__ifields[] = {
    F_INT(age, 10, 100) F_ENUM(sex, SEX) F_ENUM(side, SIDE) F_LIST(location, LOCATION)
    F_ENUM(onset, ONSET) F_ENUM(onset_event, ONSET_EVENT) F_INT(duration_days, 0, 3650)
    F_ENUM(episodes, EPISODES) F_LISTU(character, CHARACTER) F_INT(pain_now, 0, 10)
    F_INT(pain_run, 0, 10) F_INT(pain_worst, 0, 10) F_INT(pain_next_morning, 0, 10)
    F_LIST(worse_with, WORSE) F_LIST(better_with, BETTER) F_LIST(signs, SIGN)
    RH_TEST_WORDS(F_TEST) RH_CHECK_WORDS(F_CHECK)
    F_NUM(weekly_km, 0, 400) F_NUM(km_change_pct, -100, 1000) F_NUM(years_running, 0, 80)
    F_INT(cadence_spm, 100, 250) F_INT(shoe_km, 0, 10000) F_NUM(sitting_hours, 0, 24)
    F_INT(strength_per_week, 0, 14) F_ENUM(surface, SURFACE)
    {"same_route", RH__IF_TRI, OFF(same_route), 0, -1, 0, 1, 0},
    F_LIST(recent_change, CHANGE) F_LISTU(history, HISTORY)
};
const int rh__n_ifields = (int)(sizeof rh__ifields / sizeof rh__ifields[0]);
_Static_assert(sizeof rh__ifields / sizeof rh__ifields[0] <= RH__MAX_IFIELDS, "raise RH__MAX_IFIELDS");

/* Who answers (rh_intake.for_child): a key of the questionnaire only, read
 * by no intake file and written by no writer, so not in rh__ifields. */
const struct rh__ifield rh__ifield_answering = {"answering", RH__IF_TRI, OFF(for_child), 0, -1,
                                                 0, 1, 0};

const struct rh__ifield *rh__ifield_find(const char *key)
{
    for (int i = 0; i < rh__n_ifields; i++)
        if (strcmp(rh__ifields[i].key, key) == 0)
            return &rh__ifields[i];
    return NULL;
}

/* How near a key of the table is to what was typed (smaller is nearer,
 * -1 not near): a key it begins (pain: pain_now) or a part of it between
 * underscores (worst: pain_worst), else a few letters off (agee: age;
 * at most a third of its letters, at least one). */
static int nearness(const char *typed, const char *key)
{
    size_t n = strlen(typed);
    if (n >= 3 && strncmp(key, typed, n) == 0)
        return 0;
    for (const char *p = strstr(key, typed); n >= 3 && p; p = strstr(p + 1, typed))
        if ((p == key || p[-1] == '_') && (p[n] == '\0' || p[n] == '_'))
            return 1;
    int d = rh_edit_distance(typed, key);
    int most = (int)(n / 3) > 1 ? (int)(n / 3) : 1;
    return d <= most ? 1 + d : -1;
}

int rh__intake_unknown_key(const char *key, long line, struct rh_err *err)
{
    /* cli26: a tester's "pain" got only "unknown key 'pain'": the nearest
     * keys of the one table, at most three, nearest first then in the
     * table's order, none much farther than the nearest */
    char typed[48];
    size_t n = strlen(key);
    if (n >= sizeof typed)
        n = sizeof typed - 1;
    for (size_t i = 0; i < n; i++) {
        char c = (char)tolower((unsigned char)key[i]);
        typed[i] = (c == '-' || c == ' ') ? '_' : c;
    }
    typed[n] = '\0';
    int best[3], found = 0, score[RH__MAX_IFIELDS];
    for (int i = 0; i < rh__n_ifields; i++)
        score[i] = nearness(typed, rh__ifields[i].key);
    for (int s = 0; s <= 1 + (int)sizeof typed && found < 3; s++)
        for (int i = 0; i < rh__n_ifields && found < 3; i++)
            if (score[i] == s && (!found || s <= score[best[0]] + 1))
                best[found++] = i;
    char shown[48];
    snprintf(shown, sizeof shown, "%.40s", key);
    if (!found)
        return rh__file_errl(err, RH_EKEY, line, "intake_unknown_key", "key", shown,
                             (const char *)NULL);
    char near[200] = "";
    if (found == 1) {
        snprintf(near, sizeof near, "%s", rh__ifields[best[0]].key);
    } else {
        char list[160] = "";
        for (int k = 0; k + 1 < found; k++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "",
                     rh__ifields[best[k]].key);
        rh__file_say(near, sizeof near, "intake_or", "list", list, "last",
                     rh__ifields[best[found - 1]].key, (const char *)NULL);
    }
    return rh__file_errl(err, RH_EKEY, line, "intake_unknown_key_near", "key", shown, "near",
                         near, (const char *)NULL);
}

#define AT(in, f, T) ((T *)(void *)((char *)(in) + (f)->off))
#define CAT(in, f, T) ((const T *)(const void *)((const char *)(in) + (f)->off))

bool rh__ifield_answered(const struct rh__ifield *f, const struct rh_intake *in)
{
    switch (f->kind) {
    case RH__IF_INT:
    case RH__IF_ENUM:
        return *CAT(in, f, int) >= 0;
    case RH__IF_NUM:
        return rh_has(*CAT(in, f, double));
    case RH__IF_TRI:
        return *CAT(in, f, signed char) != RH_TRI_UNKNOWN;
    case RH__IF_LIST:
        return *(const bool *)(const void *)((const char *)in + f->has_off);
    }
    return false;
}

void rh__ifield_clear(const struct rh__ifield *f, struct rh_intake *in)
{
    switch (f->kind) {
    case RH__IF_INT:
    case RH__IF_ENUM:
        *AT(in, f, int) = -1;
        break;
    case RH__IF_NUM:
        *AT(in, f, double) = RH_NONE;
        break;
    case RH__IF_TRI:
        *AT(in, f, signed char) = RH_TRI_UNKNOWN;
        break;
    case RH__IF_LIST:
        *AT(in, f, uint32_t) = 0;
        *(bool *)(void *)((char *)in + f->has_off) = false;
        break;
    }
}

static void format_num(char *out, size_t n, double v)
{
    snprintf(out, n, "%.*g", rh__num_precision(v), v);
}

int rh__ifield_set_num(const struct rh__ifield *f, struct rh_intake *in, double v, long line,
                       struct rh_err *err)
{
    char a[40], lo[40], hi[40];
    format_num(a, sizeof a, v);
    format_num(lo, sizeof lo, f->min);
    format_num(hi, sizeof hi, f->max);
    if (f->kind != RH__IF_INT && f->kind != RH__IF_NUM)
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected a word, not a number", f->key);
    /* a decimal in a whole-number field is said as such first ("age: 3.5 is
     * not a whole number", not "out of range": session 21, spec audit) */
    if (f->kind == RH__IF_INT && !isnan(v) && fabs(v) < 1e15 && v != floor(v))
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: %s is not a whole number", f->key, a);
    if (!(v >= f->min && v <= f->max))
        return rh_err_setl(err, RH_ERANGE, line, "%s: %s is out of range (%s..%s)", f->key, a, lo,
                           hi);
    if (f->kind == RH__IF_INT) {
        if (v != floor(v))
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: %s is not a whole number", f->key, a);
        *AT(in, f, int) = (int)v;
    } else {
        *AT(in, f, double) = v == 0 ? 0.0 : v; /* no negative zero */
    }
    return 0;
}

int rh__ifield_set_word(const struct rh__ifield *f, struct rh_intake *in, int v)
{
    if (f->kind == RH__IF_TRI) {
        if (v != 0 && v != 1)
            return RH_EINVAL;
        *AT(in, f, signed char) = (signed char)v;
        return 0;
    }
    if (f->kind != RH__IF_ENUM || v < 0 || v >= rh_intake_word_count((enum rh_intake_list)f->list))
        return RH_EINVAL;
    *AT(in, f, int) = v;
    return 0;
}

int rh__ifield_set_mask(const struct rh__ifield *f, struct rh_intake *in, uint32_t mask)
{
    int n = rh_intake_word_count((enum rh_intake_list)f->list);
    if (f->kind != RH__IF_LIST || (n < 32 && (mask >> n) != 0))
        return RH_EINVAL;
    *AT(in, f, uint32_t) = mask;
    *(bool *)(void *)((char *)in + f->has_off) = true;
    return 0;
}

double rh__ifield_num(const struct rh__ifield *f, const struct rh_intake *in)
{
    if (f->kind == RH__IF_INT)
        return *CAT(in, f, int) < 0 ? RH_NONE : *CAT(in, f, int);
    if (f->kind == RH__IF_NUM)
        return *CAT(in, f, double);
    return RH_NONE;
}

int rh__ifield_word(const struct rh__ifield *f, const struct rh_intake *in)
{
    if (f->kind == RH__IF_ENUM)
        return *CAT(in, f, int);
    if (f->kind == RH__IF_TRI)
        return *CAT(in, f, signed char);
    return -1;
}

uint32_t rh__ifield_mask(const struct rh__ifield *f, const struct rh_intake *in)
{
    return f->kind == RH__IF_LIST ? *CAT(in, f, uint32_t) : 0;
}

uint32_t rh__ifield_unknown(const struct rh__ifield *f, const struct rh_intake *in)
{
    if (f->kind != RH__IF_LIST || f->unk_off == 0)
        return 0;
    return *(const uint32_t *)(const void *)((const char *)in + f->unk_off);
}

int rh__intake_answered(const struct rh_intake *in)
{
    int n = 0;
    for (int i = 0; i < rh__n_ifields; i++)
        n += rh__ifield_answered(&rh__ifields[i], in);
    return n;
}

/* The empty record: every key of the table "not answered" (so that a key
 * added to the table can never read as "answered 0"), provenance and the
 * questionnaire's unknown masks cleared. */
static const char *const note_fact_words[RH_NOTE_FACT__COUNT] = {"high_energy", "foot_weak",
                                                                      "walk_severe", "stress_leak",
                                                                      "night_any_side",
                                                                      "pain_free", "worse_hours",
                                                                      "hop_impossible", "new_pain",
                                                                      "sudden_change", "walk_only",
                                                                      "fever_cause", "agony",
                                                                      /* session 11 (branch rev11a) */
                                                                      "anticoagulant", "head_injury",
                                                                      "head_warning", "bleed_growing",
                                                                      "pelvic_floor", "clinician_seen",
                                                                      /* session 15 (branch diary16) */
                                                                      "topic_night", "topic_weight",
                                                                      "topic_bladder", "topic_lock",
                                                                      /* session 21 (branch runner21b) */
                                                                      "nerve_known",
                                                                      /* session 23 (branch runner23b) */
                                                                      "moment_onset",
                                                                      /* session 27 (branch n25ret) */
                                                                      "swelling_large",
                                                                      /* session 28 (branch n26ret) */
                                                                      "fall_height",
                                                                      /* session 29 (branch lay29) */
                                                                      "lay29_leg_deformed",
                                                                      "lay29_swell_fast",
                                                                      "lay29_ache_lingers",
                                                                      /* session 30 (branch walk30) */
                                                                      "morning_stiff_long"};
/* rh_intake.note_facts and rh_triage.note_facts hold one bit a word */
_Static_assert(RH_NOTE_FACT__COUNT <= 32, "note facts fit an unsigned of 32 bits");

const char *rh_note_fact_word(int fact)
{
    return fact >= 0 && fact < RH_NOTE_FACT__COUNT ? note_fact_words[fact] : NULL;
}

int rh_note_fact_find(const char *word, size_t n)
{
    for (int i = 0; i < RH_NOTE_FACT__COUNT; i++)
        if (strlen(note_fact_words[i]) == n && memcmp(note_fact_words[i], word, n) == 0)
            return i;
    return -1;
}

void rh_intake_init(struct rh_intake *in)
{
    memset(in, 0, sizeof *in);
    for (int i = 0; i < rh__n_ifields; i++)
        rh__ifield_clear(&rh__ifields[i], in);
    in->for_child = RH_TRI_UNKNOWN;
}

bool rh_intake_equal(const struct rh_intake *a, const struct rh_intake *b)
{
    for (int i = 0; i < rh__n_ifields; i++) {
        const struct rh__ifield *f = &rh__ifields[i];
        bool ha = rh__ifield_answered(f, a), hb = rh__ifield_answered(f, b);
        if (ha != hb)
            return false;
        if (!ha)
            continue;
        switch (f->kind) {
        case RH__IF_INT:
        case RH__IF_NUM:
            if (rh__ifield_num(f, a) != rh__ifield_num(f, b))
                return false;
            break;
        case RH__IF_ENUM:
        case RH__IF_TRI:
            if (rh__ifield_word(f, a) != rh__ifield_word(f, b))
                return false;
            break;
        case RH__IF_LIST:
            if (rh__ifield_mask(f, a) != rh__ifield_mask(f, b))
                return false;
            break;
        }
    }
    return true;
}

int rh__ifield_parse_word(const struct rh__ifield *f, const char *word, long line,
                          struct rh_err *err, int *v)
{
    enum rh_intake_list l = (enum rh_intake_list)f->list;
    int i = rh_intake_word_find(l, word);
    if (i >= 0) {
        *v = i;
        return 0;
    }
    /* all the words of the key, comma-separated (the diary's --signs
     * adds its ticks' after them, src/plan/triage.c) */
    char expect[400], shown[48];
    size_t n = 0;
    expect[0] = '\0';
    for (int k = 0; k < rh_intake_word_count(l) && n < sizeof expect; k++)
        n += (size_t)snprintf(expect + n, sizeof expect - n, "%s%s", k ? ", " : "",
                              rh_intake_word(l, k));
    snprintf(shown, sizeof shown, "%.40s", word);
    return rh__file_errl(err, RH_EKEY, line, "intake_unknown_word", "key", f->key, "word", shown,
                         "words", expect, (const char *)NULL);
}
