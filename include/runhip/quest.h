/* SPDX-License-Identifier: MIT */
/*
 * runhip/quest.h: the hip-pain questionnaire as a state machine without
 * I/O, so that a terminal (src/cli/questionnaire.c) and a web form can both
 * drive it. The questions are data (data/questions.txt, compiled in): each
 * screen asks one intake key (or some words of a list key), has plain
 * words, choices, and conditions that make the questionnaire adaptive.
 *
 * Use: rh_quest_init, then loop { item = rh_quest_current(q); show it;
 * rh_quest_answer / rh_quest_skip / rh_quest_back / rh_quest_quit } until
 * item is NULL; then rh_quest_intake gives the record; rh_quest_release.
 * Skipping leaves the key "not answered", never "no"; going back keeps the
 * answers given later (they are ignored while their screen is hidden).
 *
 * Ownership: struct rh_quest is caller-owned, set up by rh_quest_init and
 * freed by rh_quest_release. Items and their strings belong to q and stay
 * valid until rh_quest_release.
 */
#ifndef RUNHIP_QUEST_H
#define RUNHIP_QUEST_H

#include "runhip/intake.h"

enum rh_quest_kind {
    RH_QUEST_ONE,    /* one of the choices */
    RH_QUEST_MANY,   /* any number of the choices (0 = none of them) */
    RH_QUEST_YESNO,  /* choices are yes (value 1) and no (value 0) */
    RH_QUEST_NUMBER, /* a number in [min, max] */
};

struct rh_quest_choice {
    const char *word;  /* canonical intake word ("groin", "yes") */
    const char *label; /* plain words shown to the runner */
    int value;         /* word index in the key's list; yes 1, no 0 */
};

struct rh_quest_item {
    const char *id;   /* screen id ("location") */
    const char *key;  /* intake key the answer goes to */
    const char *text; /* the question */
    const char *help; /* longer help, or NULL */
    const char *typing; /* how to type the answer at a keyboard, or NULL */
    const char *unsure; /* the words of "not sure" on this screen (data: unsure), or NULL:
                           use rh_quest_extra */
    const char *none; /* MANY: the words of "none of these" (data: none), or NULL:
                           use rh_quest_extra */
    const char *art;  /* text picture (lines joined by '\n'), or NULL */
    const char *unit; /* NUMBER: unit shown after the value, or NULL */
    enum rh_quest_kind kind;
    bool whole;       /* NUMBER: whole numbers only */
    double min, max;  /* NUMBER: allowed range */
    int n_choices;
    const struct rh_quest_choice *choices;
};

enum rh_quest_state { RH_QUEST_ASKING, RH_QUEST_DONE, RH_QUEST_QUIT };

#define RH_QUEST_TYPED 160 /* an answer as typed, at most (longer is cut) */
#define RH_QUEST_NOTE 200
/* rh_quest_answer: the answer needs the runner's yes first (rh_quest_confirm) */
#define RH_QUEST_CONFIRM 1

struct rh__quest_set;
struct rh__quest_ans {
    /* private */
    bool answered;
    double num;
    int word;
    unsigned mask;
    char typed[RH_QUEST_TYPED];
    char note[RH_QUEST_NOTE];
};
struct rh_quest {
    /* private: use the functions below */
    struct rh__quest_set *set;
    struct rh__quest_ans *ans;
    int *trail; /* screens answered or skipped, for back */
    int n_trail, cur;
    enum rh_quest_state state;
    bool has_pending; /* an answer waiting for rh_quest_confirm */
    struct rh__quest_ans pending;
    bool ended; /* passed beyond the last question once (kept in the draft) */
};

/* Loads the compiled-in questions and starts at the first screen. Returns
 * 0, RH_ENOMEM, or RH_EFORMAT (a bad data/questions.txt, with its line). */
int rh_quest_init(struct rh_quest *q, struct rh_err *err);
/* As rh_quest_init, from the given questions text (for tests and tools). */
int rh_quest_init_from(struct rh_quest *q, const char *text, size_t len, struct rh_err *err);
/* Frees what q holds; q may then be re-initialised. */
void rh_quest_release(struct rh_quest *q);

/* The screen to show now, or NULL when the questionnaire is over (finished
 * or quit: see rh_quest_state). */
const struct rh_quest_item *rh_quest_current(const struct rh_quest *q);
enum rh_quest_state rh_quest_state_of(const struct rh_quest *q);
/* ux11: whether the questionnaire has been passed beyond its last question
 * at least once (answered or skipped to the end, not stopped early with
 * rh_quest_finish), even if the runner went back since; kept in the draft
 * (rh_quest_draft, rh_quest_resume). A front end's "save it anyway" is for
 * such answers only. */
bool rh_quest_ended(const struct rh_quest *q);
/* Whether a parent or carer is answering for a child (review 8 #21: the
 * screen "answering", asked under 18): rh_quest_current and rh_quest_page
 * then give the screens in the parent's words ("How old is your child?"),
 * and rh_quest_intake sets rh_intake.for_child. */
bool rh_quest_for_child(const struct rh_quest *q);

/* Answers the current screen from typed text, read as a person writes it:
 * a choice number, word or the start of its label (ONE); several separated
 * by blanks, commas, "and" or "or", "0" or "none" for none of them (MANY);
 * yes/no/y/n or 1/2 (YESNO); a number, also in words up to twenty, with
 * "about", a unit, or a duration in days, weeks, months or years on a
 * screen asking days (NUMBER). "not sure" or "don't know" leave the screen
 * not answered. Moves on and returns 0; on a bad answer returns
 * RH_ESYNTAX, RH_EKEY or RH_ERANGE with a message for the runner in err and
 * stays on the screen. RH_QUEST_CONFIRM: the figure looks like half of
 * what is asked (a cadence in strides): err->msg asks the runner, and
 * rh_quest_confirm(q, yes) takes the doubled figure or stays to retype.
 * RH_EINVAL when nothing is being asked. */
int rh_quest_answer(struct rh_quest *q, const char *text, struct rh_err *err);
int rh_quest_confirm(struct rh_quest *q, bool yes);
/* The answer a screen with choices offers after them, one table for both
 * front ends (review 8 #21: the web offered "Not sure" where the terminal
 * did not): on a one-answer or yes/no screen "not sure" (its label the
 * screen's `unsure` words, else "Not sure"; typed as its number,
 * n_choices + 1, or its words), on a several-answer screen "none" ("None of
 * these", typed 0). word is what rh_quest_answer takes. false on a number
 * screen (a number screen takes "not sure" typed). */
struct rh_quest_extra {
    const char *word, *label;
    int number;
};
bool rh_quest_extra(const struct rh_quest_item *it, struct rh_quest_extra *out);
/* Whether the current screen holds an answer from before (going back, a
 * resumed draft, a figure from the watch data). */
bool rh_quest_has_answer(const struct rh_quest *q);
/* Enter: moves on keeping the current screen's answer as it is (none
 * stays none). 0 or RH_EINVAL. */
int rh_quest_keep(struct rh_quest *q);
/* Suggests an answer for the (first one-value) screen of intake key `key`
 * from other data, e.g. the runner's stored runs: text as typed, and a
 * note saying where it comes from (shown with the screen). A screen the
 * runner answered keeps its answer. 0, RH_ENOTFOUND, or a parse error. */
int rh_quest_prefill(struct rh_quest *q, const char *key, const char *text, const char *note);
/* Suggests the training figures of data (the fields marked in
 * data->from_data, as rh_load_fill_intake fills them from the stored
 * runs) with rh_quest_prefill and note (NULL: "Your watch data says");
 * the number suggested. Both front ends call it, so they offer the same
 * figures written the same way. */
int rh_quest_suggest(struct rh_quest *q, const struct rh_intake *data, const char *note);
/* Marks in in->from_data each figure of data the runner kept as suggested,
 * and copies why the runs offered none (data->data_not_recent, ...). */
void rh_quest_mark_kept(const struct rh_intake *data, struct rh_intake *in);
/* The note of a suggested answer on the current screen, or NULL. */
const char *rh_quest_current_note(const struct rh_quest *q);

/* Drafts: the answers typed so far and the current screen as text
 * ("screen = typed answer" lines), and back. rh_quest_resume replays a
 * draft onto a fresh questionnaire (answers to screens that no longer
 * exist or no longer parse are dropped) and returns the number of answers
 * restored, or an RH_E* error. rh_quest_draft_count: answers typed. */
int rh_quest_draft(const struct rh_quest *q, struct rh_buf *out);
int rh_quest_resume(struct rh_quest *q, const char *draft, size_t len, struct rh_err *err);
int rh_quest_draft_count(const struct rh_quest *q);
/* Leaves the current screen not answered and moves on. 0 or RH_EINVAL. */
int rh_quest_skip(struct rh_quest *q);
/* Goes back to the previous screen shown (also from the end). 0, or
 * RH_ENOTFOUND at the first screen, RH_EINVAL after quitting. */
int rh_quest_back(struct rh_quest *q);
/* Review 8 B1: the plain name of the red flag that the answers given so
 * far already make a same-day one, whatever the questions still to come
 * are answered (the rules of data/red_flags.txt, the questions to come
 * read as unknown); NULL when there is none. While it holds, the self-tests
 * that load or move the sore hip (data/assess_rules.txt [held_tests]) are
 * not asked, and a front end offers to stop with rh_quest_finish; both
 * front ends say it in the words of rh_quest_urgent_words. */
const char *rh_quest_urgent(const struct rh_quest *q);
/* The words a front end shows while rh_quest_urgent holds (flag: its
 * result): what the answers already call for, that the self-tests are
 * left out and why, and the offer to see the advice now. Into out. */
void rh_quest_urgent_words(const char *flag, char *out, size_t cap);
/* Session 11 (branch rev11c), review 11 #17: what the answers show of the
 * flag of rh_quest_urgent, in its own words ("a pop felt when the pain
 * began and a limp", "pain after a fall"), for rh_quest_urgent_words in
 * place of the flag's name; "" when rh_quest_urgent is NULL. Into out. */
void rh_quest_urgent_what(const struct rh_quest *q, char *out, size_t cap);
/* Ends the questionnaire here, keeping every answer given (the screens
 * after the current one stay not answered): rh_quest_intake then gives
 * the record. 0, or RH_EINVAL when nothing is being asked. */
int rh_quest_finish(struct rh_quest *q);
/* Stops: rh_quest_current gives NULL and rh_quest_intake RH_EINVAL. */
void rh_quest_quit(struct rh_quest *q);

/* The answer kept for the current screen (from an earlier pass, after
 * going back, a draft or a suggestion), as the runner typed it (which
 * rh_quest_answer accepts), appended to out. Returns 1 if there is one, 0
 * if not, or an RH_E* error. */
int rh_quest_current_answer(const struct rh_quest *q, struct rh_buf *out);
/* Position of the current screen among the screens shown for the answers
 * so far (1-based) and their total (it changes as answers change). */
void rh_quest_progress(const struct rh_quest *q, int *pos, int *total);
/* Where the runner is, in the words both front ends show (review 8 #21:
 * "question 6 of 43", then "question 7 of 41", as answers hid screens): the
 * position and about how many are still to come for the answers so far,
 * never a total that an answer changes ("Question 6, about 37 more to go";
 * n > 1, a page of n screens: "Questions 6 to 9, about 34 more to go").
 * Into out. */
void rh_quest_progress_words(const struct rh_quest *q, int n, char *out, size_t cap);

/* The intake record from the answers (hidden screens ignored; words of a
 * list on a skipped or hidden screen go to character_unknown /
 * history_unknown). Works while asking too; RH_EINVAL after quitting. */
int rh_quest_intake(const struct rh_quest *q, struct rh_intake *out);

/* Whether screen id would be shown for the answers in `in` (conditions
 * only; for tests and the web form). -1 if there is no such screen. */
int rh_quest_would_ask(const struct rh_quest *q, const char *id, const struct rh_intake *in);

/* The plain words the questionnaire shows for the intake word `word` of
 * key (the label of its choice on the first screen of key that offers it, e.g.
 * signs/numb_foot: "A numb foot"), or NULL. Owned by q. Other forms that
 * offer the same words (the web diary) show these labels, never their own. */
const char *rh_quest_word_label(const struct rh_quest *q, const char *key, const char *word);

/* ---- pages: several screens at once (the web form) ----------------------------------
 * The web form shows a few screens per page and takes their answers in one
 * go; it keeps no state between requests but the draft (rh_quest_draft /
 * rh_quest_resume, stored with rh_quest_draft_save). A page is the current
 * screen and the screens shown after it, as long as none of them has a
 * condition on a key asked on the page (so an answer on the page never
 * changes which screens the page holds), at most RH_QUEST_PAGE_MAX screens
 * and `room` choices (a number counts as one; the first screen always
 * fits). Answer a page with rh_quest_answer / rh_quest_skip /
 * rh_quest_keep screen by screen, in order: rh_quest_check first tells
 * whether every answer would be taken. */
#define RH_QUEST_PAGE_MAX 5
/* The screens of the page starting at the current screen, in order, into
 * items; their count (0 when nothing is asked). */
int rh_quest_page(const struct rh_quest *q, int room,
                  const struct rh_quest_item *items[RH_QUEST_PAGE_MAX]);
/* Whether the page starting at the current screen is the last one: no
 * screen after it can be shown, whatever the answers given on it (a screen
 * that an answer on the page could open counts as one more). Its button
 * can then say that the result comes next. true when nothing is asked. */
bool rh_quest_page_last(const struct rh_quest *q, int room);
/* Goes to screen id when it is shown for the answers so far (the screens
 * shown before it become the way back). 0, RH_ENOTFOUND (no such screen,
 * or hidden), RH_EINVAL after quitting. */
int rh_quest_seek(struct rh_quest *q, const char *id);
/* Goes to the first screen of the page before the current one (also from
 * the end). 0, RH_ENOTFOUND on the first page, RH_EINVAL after quitting. */
int rh_quest_page_back(struct rh_quest *q, int room);
/* Reads text as an answer to screen id exactly as rh_quest_answer would,
 * without taking it: 0, RH_QUEST_CONFIRM (err->msg asks), or the error
 * and message rh_quest_answer gives. RH_ENOTFOUND for an unknown screen. */
int rh_quest_check(const struct rh_quest *q, const char *id, const char *text,
                   struct rh_err *err);

/* What screen id holds: strings point into q, valid until q changes. */
struct rh_quest_given {
    bool has;        /* something given (an answer, "not sure", a suggestion) */
    bool answered;   /* false: not answered ("not sure", skipped) */
    int word;        /* ONE, YESNO: the choice's value; -1 */
    unsigned mask;   /* MANY: RH_BIT(choice value) of each chosen; 0 = none of them */
    double num;      /* NUMBER */
    const char *typed; /* as typed ("" when nothing) */
    const char *note;  /* where a suggestion comes from, or NULL */
};
/* 0, or RH_ENOTFOUND for an unknown screen. */
int rh_quest_given(const struct rh_quest *q, const char *id, struct rh_quest_given *out);

/* ---- the store: drafts and the finished assessment ----------------------------------
 * One draft per database, shared by `runhip assess` and the web form. */
struct rh_store;
struct rh_assessment;
/* The stored draft (rh_quest_draft's text) into *text (free with rh_free),
 * NULL when there is none. 0 or a store error. */
int rh_quest_draft_load(struct rh_store *s, char **text, struct rh_err *err);
/* Stores q's draft; a questionnaire with no answer typed and on its first
 * screen, or finished, leaves no draft. 0 or a store error. */
int rh_quest_draft_save(struct rh_store *s, const struct rh_quest *q, struct rh_err *err);
/* Stores a draft's text as it is ("" forgets it). */
int rh_quest_draft_store(struct rh_store *s, const char *text, struct rh_err *err);
/* Forgets the draft. */
int rh_quest_draft_forget(struct rh_store *s, struct rh_err *err);
/* The question asked before an assessment with too few answers is saved,
 * terminal and web alike: data/wording.txt [text] unranked.save, and, when
 * an assessment is stored already, unranked.save.replaces with its number
 * ("It would replace assessment 3."). Writes into buf (cap bytes, owned by
 * the caller, NUL-terminated); a store that cannot be read only leaves the
 * second sentence out. */
void rh_quest_thin_question(struct rh_store *s, char *buf, size_t cap);
/* Stores an assessment with its intake (both as JSON: what `runhip assess`
 * and the web form store), with RH_ASSESS_SAVE_FORGET_DRAFT also forgetting
 * the draft, in one transaction; *id (if not NULL) gets its id. */
#define RH_ASSESS_SAVE_FORGET_DRAFT 1u
int rh_assessment_save(struct rh_store *s, const struct rh_intake *in,
                       const struct rh_assessment *a, int64_t created_utc, unsigned flags,
                       int64_t *id, struct rh_err *err);

#endif
