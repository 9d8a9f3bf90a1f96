/* SPDX-License-Identifier: MIT */
/*
 * Inside the library: the table of intake keys (intake.md order) that the
 * text reader, the JSON reader, both writers and the questionnaire share,
 * so that a key is described once.
 */
#ifndef RUNHIP_ASSESS_INTAKE_INT_H
#define RUNHIP_ASSESS_INTAKE_INT_H

#include <stddef.h>

#include "runhip/intake.h"

enum rh__ifield_kind {
    RH__IF_INT,  /* int, -1 = not answered */
    RH__IF_NUM,  /* double, RH_NONE = not answered */
    RH__IF_ENUM, /* enum (int sized), -1 = not answered */
    RH__IF_TRI,  /* signed char enum rh_tri */
    RH__IF_LIST, /* uint32_t mask + bool has_ flag */
};

struct rh__ifield {
    const char *key;
    enum rh__ifield_kind kind;
    size_t off;     /* offset of the value in struct rh_intake */
    size_t has_off; /* RH__IF_LIST: offset of the has_<list> flag */
    int list;       /* enum rh_intake_list for ENUM and LIST, else -1 */
    double min, max; /* INT and NUM */
    size_t unk_off;  /* LIST: offset of the mask of words left unknown by the
                      * questionnaire (character_unknown, history_unknown), 0: none */
};

#define RH__MAX_IFIELDS 64 /* bound on rh__n_ifields, for per-key arrays */
extern const struct rh__ifield rh__ifields[];
extern const int rh__n_ifields;

/* The questionnaire's own yes/no key "answering" (rh_intake.for_child: a
 * parent answers for a child), outside rh__ifields: no intake file has it. */
extern const struct rh__ifield rh__ifield_answering;
/* The field called key (exact, canonical spelling), or NULL. */
const struct rh__ifield *rh__ifield_find(const char *key);
/* True when in answers f. */
bool rh__ifield_answered(const struct rh__ifield *f, const struct rh_intake *in);
/* Marks f "not answered" in in. */
void rh__ifield_clear(const struct rh__ifield *f, struct rh_intake *in);
/* Stores a value in f after checking it (range for INT/NUM, "whole number"
 * for INT, valid index for ENUM, 0/1 for TRI, valid bits for LIST); on
 * failure fills err (message naming the key, line) and leaves in as is.
 * Returns 0, RH_ERANGE or RH_ESYNTAX. */
int rh__ifield_set_num(const struct rh__ifield *f, struct rh_intake *in, double v, long line,
                       struct rh_err *err);
int rh__ifield_set_word(const struct rh__ifield *f, struct rh_intake *in, int v);
int rh__ifield_set_mask(const struct rh__ifield *f, struct rh_intake *in, uint32_t mask);
/* Reads f's value: number (INT/NUM), word index (ENUM, TRI 0/1) or mask. */
double rh__ifield_num(const struct rh__ifield *f, const struct rh_intake *in);
int rh__ifield_word(const struct rh__ifield *f, const struct rh_intake *in);
uint32_t rh__ifield_mask(const struct rh__ifield *f, const struct rh_intake *in);
/* LIST: the words of f that are unknown although the list was answered (a
 * skipped follow-up screen); 0 for every other field. */
uint32_t rh__ifield_unknown(const struct rh__ifield *f, const struct rh_intake *in);
/* Questions still to come (review 8 B1): while a questionnaire is being
 * answered, the keys of the screens not yet reached (key[i], the index of
 * rh__ifields) and, for a list, the words they ask (words[i]). The rules
 * read such an answer as unknown, "answered?" included, so that a rule
 * that holds on the answers so far holds whatever the rest will be. */
struct rh__pending {
    bool key[RH__MAX_IFIELDS];
    uint32_t words[RH__MAX_IFIELDS];
};
/* The name of the red flag that the answers in `in` already make a
 * same-day (urgent) one, whatever the questions in p will be answered
 * (p NULL: none to come); NULL when there is none. assess.c. */
const char *rh__assess_urgent_certain(const struct rh_intake *in, const struct rh__pending *p);
/* A held_if line of [held_tests] certain from the answers so far (session 12). */
bool rh__assess_held_if(const struct rh_intake *in, const struct rh__pending *p);
/* Whether the hop self-test is held: a [hop_safety] line of
 * data/assess_rules.txt holds on the answers in `in` (a red flag it names
 * raised as its triggers alone say), p the questions still to come
 * (session 22). */
bool rh__assess_hop_held(const struct rh_intake *in, const struct rh__pending *p);
/* The same for any loading self-test named by a [hop_safety] line (key
 * "test_single_leg_stand"...; session 22, runner22b), and whether any
 * line names key at all. */
bool rh__assess_load_held(const struct rh_intake *in, const struct rh__pending *p,
                          const char *key);
bool rh__assess_load_test(const char *key);
/* What the answers show of that flag, in its "seen" words (data/red_flags.txt),
 * for the sentence of rh_quest_urgent_words: "a pop felt when the pain began
 * and a limp", not the flag's name for every case (session 11, branch rev11c,
 * review 11 #17); its name when none is seen. false: no such flag. */
bool rh__assess_urgent_title(const struct rh_intake *in, const struct rh__pending *p, char *out,
                             size_t cap);
/* Whether the self-test asked by intake key `key` is held back once a
 * same-day red flag is certain (data/assess_rules.txt [held_tests]). */
bool rh__assess_test_held(const char *key);
/* Whether a red-flag rule reads intake key `key` (an answer to it may make
 * a same-day red flag certain). */
bool rh__assess_key_in_flags(const char *key);

/* Number of keys of the table that in answers. */
int rh__intake_answered(const struct rh_intake *in);

/* err set to RH_EKEY at line for a key that is not in the table, naming
 * the nearest keys of the table (data/wording.txt [file_words]
 * intake_unknown_key*); returns RH_EKEY. */
int rh__intake_unknown_key(const char *key, long line, struct rh_err *err);
/* Looks word up in f's list (ENUM and LIST fields, synonyms accepted);
 * *v gets its index. On failure fills err with a message naming the key and
 * the expected words (RH_EKEY) and sets the line. */
int rh__ifield_parse_word(const struct rh__ifield *f, const char *word, long line,
                          struct rh_err *err, int *v);
/* Parses a yes/no word (yes, no, true, false, y, n; any case): 1, 0 or -1. */
int rh__tri_word(const char *s);
/* Shortest "%.*g" precision (1..17) that reads back as exactly v. */
int rh__num_precision(double v);
/* Appends the value of answered field f in the text syntax (canonical
 * words, "none" for an empty list, shortest exact number) to out. */
int rh__ifield_format(const struct rh__ifield *f, const struct rh_intake *in, struct rh_buf *out);
/* The JSON half of rh_intake_parse (intake_json.c); same contract. */
int rh__intake_parse_json(const char *text, size_t len, struct rh_intake *out,
                          struct rh_err *err);

#endif
