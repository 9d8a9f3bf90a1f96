/* SPDX-License-Identifier: MIT */
/*
 * runhip/triage.h: one triage for every input. A diary entry (pain scores,
 * structured signs, a free-text note) is turned into a partial intake record
 * and run through the assessment's own red-flag rules (rh_assess, the rules
 * of data/red_flags.txt), so that a sign gets the same name, the same advice
 * and the same urgency (the disposition scale of intake.md) wherever it is
 * entered: questionnaire, diary, check-in or plan.
 *
 * The note reader (rh_note_read) finds intake words in everyday writing:
 * phrase lists with misspellings, British and American words, contractions
 * and negation ("no numbness", "the limp has gone") in data/diary_phrases.txt,
 * compiled in and read once (thread safe) on first use.
 *
 * Ownership: every struct here is a plain caller-owned value (fixed arrays);
 * the const char * members point into the library's static knowledge bases
 * and live as long as the program. Input pointers are borrowed for the call.
 */
#ifndef RUNHIP_TRIAGE_H
#define RUNHIP_TRIAGE_H

#include "runhip/assess.h"
#include "runhip/intake.h"
#include "runhip/store.h"

#define RH_NOTE_MAX_FINDINGS 24
#define RH_ASIDE_UNCHANGED 1
#define RH_ASIDE_PRESSURE 2
/* session 23 (branch diary27): a fever denied as the infection the note names
 * ("a cold with a temperature") with the joints told spared ("no joint pain"),
 * and the finding of that named illness, which reads back as the fever set
 * aside; rh_triage_entry counts the fever again when the entry gives pain of
 * 5/10 or more */
#define RH_ASIDE_FEVER_SPARED 3

struct rh_note_finding {
    char fact[32];   /* the [fact.NAME] of data/diary_phrases.txt, or "temperature" */
    char words[96];  /* the note's words that matched, as written ("3rd", not "3 rd";
                        white space made one space) */
    char sets[96];   /* intake words it stands for: "signs:fever" (space separated) */
    char reads[32];  /* the [note_read] word of data/wording.txt that says what it was
                        read as, where its intake words would say it wrongly ("pins and
                        needles in my foot" stands for a numb foot but is tingling), or "" */
    bool negated;    /* found but negated ("no numbness"): not counted */
    char aside;      /* session 21 (branch runner21b): negated as numbness told
                        long-standing and unchanged (RH_ASIDE_UNCHANGED) or as pressure
                        that passes ("sat in the car 3 hours, leg tingly":
                        RH_ASIDE_PRESSURE), else 0 */
    int from, to;    /* the bytes of the note the words are (to: one past the last) */
};

/* What a note says, as intake words. Lists are RH_BIT masks of intake.h;
 * onset_event and side are -1 when the note does not say. */
struct rh_note_reading {
    int n;
    struct rh_note_finding f[RH_NOTE_MAX_FINDINGS];
    uint32_t signs, worse_with, character, location;
    int onset_event; /* enum rh_onset_event or -1 */
    int side;        /* enum rh_side or -1 */
    uint32_t history, better_with, recent_change;
    int onset; /* enum rh_onset or -1 */
    int episodes; /* enum rh_episodes or -1 ("the third time it locked") */
    int pain;  /* the last pain score the note tells ("8/10"), 0..10, or -1 */
    int age;   /* the writer's age the note tells ("I'm 70"), or -1 */
    unsigned note_facts; /* RH_BIT(RH_NOTE_FACT_*): what the intake has no word for */
    bool proxy; /* session 21 (branch diary25): written for the runner by someone else
                   ("she limps"): its reading is said of the runner, not "you" */
    /* session 23 (plan27): a weight loss told with its amount, and how it
     * was judged (rh_note_read_weighed): body_kg the runner's body weight
     * given to the reader (0: not known); loss_kg the amount told in kg,
     * loss_amount and loss_time the note's own words for it and for the
     * time ("4 kg", "3 months"; "" none told), loss_months that time in
     * months (0: none told), loss_pct the amount as a percentage of body_kg
     * (0: not known); loss_judged an enum rh_loss_judged */
    double body_kg, loss_kg, loss_months, loss_pct;
    double loss_limit_pct, loss_limit_months; /* the rule's: [matcher] loss_pct, loss_months */
    double loss_rate_pct; /* a time longer than loss_limit_months: the share lost over
                             loss_limit_months at that rate (0: not longer) */
    char loss_amount[48], loss_time[48];
    int loss_judged;
};

/* How a weight loss told with its amount was judged (session 23, plan27;
 * data/diary_phrases.txt [matcher] small_loss_kg, loss_pct, loss_months) */
enum rh_loss_judged {
    RH_LOSS_NONE = 0,  /* no amount told */
    RH_LOSS_SMALL,     /* body weight not known: under small_loss_kg, no weight loss */
    RH_LOSS_AMOUNT,    /* body weight not known: the amount alone made it one */
    RH_LOSS_UNDER,     /* under loss_pct of the body weight over the time: none */
    RH_LOSS_OVER       /* loss_pct of the body weight or more over the time: one */
};

/* Reads a note (UTF-8, any length; NULL is an empty note; its first 2,048
 * words and marks are read, so every note the diary takes, 1,000
 * characters, is read whole). Fills *out.
 * 0, or RH_EFORMAT if the compiled-in phrase file does not load (err names
 * the line). */
int rh_note_read(const char *note, struct rh_note_reading *out, struct rh_err *err);
/* The same, with the runner's body weight in kg (0: not known): a weight
 * loss told with its amount is judged as a percentage of it over the time
 * the note gives (session 23, plan27). */
int rh_note_read_weighed(const char *note, double body_kg, struct rh_note_reading *out,
                         struct rh_err *err);

/* Whether finding i of r is shown to the writer ("Your note: ... read as"):
 * not negated, and its words do not lie inside the longer words of another
 * finding shown ("numb" inside "foot went numb": the note is read once
 * there, review 7b N22). What it stands for still counts (r's lists). */
bool rh_note_finding_shown(const struct rh_note_reading *r, int i);

/* What finding f was read as, in plain words for the writer ("pins and
 * needles or tingling in a foot", "you limp"): its own [note_read] wording
 * or the words of the intake words it stands for. 0 or RH_ENOMEM. */
struct rh_buf;
int rh_note_finding_words(const struct rh_note_finding *f, struct rh_buf *out);

/* session 10 (branch diary11), review 10 #11: whether a note with words in
 * it was read as nothing (no finding shown, no fact and no sign), so the
 * terminal and the web say so (data/wording.txt [text] note_nothing.terminal,
 * note_nothing.web). */
bool rh_note_read_nothing(const char *note, const struct rh_note_reading *r);

/* What a note was read as, for the writer, the same lines wherever a note is
 * given (runhip log, runhip checkin, the web diary and check-in; ux11): one
 * line per finding shown ("Your note "limp" was read as: you limp."), or,
 * for a note read as nothing, the one line that says so (data/wording.txt
 * [text] note_nothing.web when web, else note_nothing.terminal, which names
 * --signs). child: a parent's diary, the finding said of the child ("your
 * child limps", data/wording.txt [text] child_person). Each line ends with
 * '\n'; nothing for an empty note. 0 or RH_ENOMEM. */
/* Where the note was given, for the words of a note read as nothing
 * (runner23b): a command-line note (note_nothing.terminal, names --signs),
 * the web (note_nothing.web, the form's Signs), or a terminal that has just
 * offered the sign list (the interactive check-in: note_nothing.asked, which
 * does not send the runner to an option after the list was on the screen).
 * false and true, as callers passed before, are the first two. */
enum rh_note_said { RH_NOTE_SAID_OPTION = 0, RH_NOTE_SAID_WEB = 1, RH_NOTE_SAID_ASKED = 2 };

int rh_note_reading_lines(const char *note, const struct rh_note_reading *r, int where,
                          bool child, struct rh_buf *out);

/* session 22 (branch diary26): the note reader's statements beside its
 * findings, said the same by the terminal, the JSON and the web: numbness or
 * tingling set aside on purpose (means "set_aside:unchanged" or
 * "set_aside:pressure", words: what the note said) and tingling or numbness
 * the assessment already had (means "note:nerve_known", words NULL), each
 * with what it says (data/wording.txt [text] note_aside_*, note_known_nerve)
 * of the one the note is about (you, a parent's child, or "the runner" in a
 * note written for them by someone else). fn is called once per statement
 * and stops the walk with a non-zero return, which is returned; 0 or
 * RH_ENOMEM. */
typedef int rh_note_statement_fn(void *arg, const char *words, const char *means,
                                 const char *says);
int rh_note_statements(const struct rh_note_reading *r, bool child, rh_note_statement_fn *fn,
                       void *arg);

/* session 24 (branch notes24): how a weight loss told with its amount was
 * judged (r->loss_judged not RH_LOSS_NONE), the one line the terminal and
 * the web say of it (data/wording.txt [text] note_weight.*; web: the web's
 * words), ending with '\n', appended to out; nothing when no amount was
 * told. rh_note_reading_lines says it; the JSON carries the same line.
 * 0 or RH_ENOMEM. rh_loss_judged_id: "small", "amount", "under", "over",
 * or NULL for RH_LOSS_NONE. */
int rh_note_weight_line(const struct rh_note_reading *r, bool web, struct rh_buf *out);
const char *rh_loss_judged_id(int judged);

/* Checks the phrase file: parses it and checks every intake word it names.
 * For tests of the loader: text need not be the compiled-in file. */
int rh_note_kb_check(const char *text, size_t len, struct rh_err *err);
/* The same for the phrase file and the words of other voices read after it
 * (data/diary_voices.txt; voices may be NULL): an error names the file its
 * line is in, "diary_phrases.txt: " or "diary_voices.txt: ", with that
 * file's own line number in err->line (session 33, branch hyg33). */
int rh_note_kb_check_pair(const char *phrases, size_t len, const char *voices, size_t len2,
                          struct rh_err *err);

/* The diary's ticks that are no `signs` word of the intake
 * (data/diary_phrases.txt [tick.NAME]: "wakes_at_night", "tingling"), each
 * standing for what a fact of the note reader stands for, so a tick is
 * judged as the same words written in a note are. In a signs mask tick i
 * is bit RH_TICK_SHIFT + i, above the intake's signs. */
#define RH_TICK_SHIFT 24
#define RH_TICK_MASK (~((1u << RH_TICK_SHIFT) - 1u))
int rh_note_tick_count(void);
const char *rh_note_tick_word(int i);  /* "tingling"; NULL out of range */
const char *rh_note_tick_label(int i); /* "Tingling or pins and needles" */
int rh_note_tick_find(const char *word); /* its index, or -1 */
/* Adds to r what the ticks of signs (bits RH_TICK_SHIFT + i) stand for. */
void rh_note_apply_ticks(uint32_t signs, struct rh_note_reading *r);

struct rh_triage_flag {
    const char *id;   /* red-flag id of conditions.md (static) */
    const char *name; /* plain-language name (static) */
    enum rh_disposition urgency;
    enum rh_running running;
    char why[RH_ASSESS_FLAG_WHY_LEN]; /* the rule and the answers that fired it */
    char said[200]; /* what of the note raised it, in the writer's own words, quoted
                       ("\"sweat heavily at night\""; more joined with "and"), "" when
                       the note did not (a ticked sign, a pain score) */
    char said_sets[200]; /* the intake words those quoted words stand for
                            ("signs:weight_loss worse_with:night"), not
                            said twice in the reason (review 9 #5) */
    const char *heading; /* session 17 (diaryword): the heading of what the note's
                            words were read as, when every finding that raised the
                            flag has its own (data/wording.txt [note_read_fact],
                            [note_title]: "Numbness of the saddle area", not the
                            intake word's "New bladder or bowel trouble"); NULL
                            else (static) */
};

/* How an entry's red flag is named to the writer, the one name of the
 * terminal's and the web's diary and check-in answers: what raised it in
 * their own words when the note did ("you wrote \"sweat heavily at
 * night\"", data/wording.txt [text] flag_from_note), else the flag's
 * name. Into out (cap bytes). */
void rh_triage_flag_title(const struct rh_triage_flag *f, char *out, size_t cap);
/* The flag as one statement: its title (rh_triage_flag_title), then, when
 * the note raised it, why that matters (the rule's reason, without the
 * answers and the sources): "you wrote \"sweat heavily at night\": heavy
 * sweating at night can be a sign of an illness of the whole body ...". */
void rh_triage_flag_words(const struct rh_triage_flag *f, char *out, size_t cap);
/* The flag as the sentence "Warning sign: ..." (data/wording.txt
 * [plan_words] warning_sign) around rh_triage_flag_words, its first word
 * in lower case mid-sentence. Into out (cap bytes). */
void rh_triage_flag_sign(const struct rh_triage_flag *f, char *out, size_t cap);
/* Why the flag matters, as the runner reads it on the terminal and the web
 * alike: the rule's reason without the answers, the sources and the rule's
 * exclusions ("" when there is none). */
void rh_triage_flag_reason(const struct rh_triage_flag *f, char *out, size_t cap);
/* session 17 (branch diaryword): whether the flag was raised by a red-flag
 * topic of the note (an answer note:topic_* among those that fired it: the
 * note only touched the sign, in words runhip cannot read for sure); the
 * topic's word ("topic_bladder") into topic (cap bytes) when so. Its reason
 * (rh_triage_flag_reason) then asks the question and says when it is urgent
 * (data/wording.txt [topic_advice]), not the sign's own advice. */
bool rh_triage_flag_topic(const struct rh_triage_flag *f, char *topic, size_t cap);

struct rh_triage {
    int n_flags; /* red flags this entry raises (not already in force from the context) */
    struct rh_triage_flag flags[RH_ASSESS_MAX_FLAGS];
    bool has_urgency;            /* a red flag fired */
    enum rh_disposition urgency; /* the most urgent of them */
    struct rh_note_reading note; /* what the note said */
    uint32_t signs;              /* the entry's signs: given and read from the note */
};

/* Triage of one diary entry. context: the intake of the latest assessment
 * (NULL when there is none); only what does not change from day to day is
 * taken from it (person, where it hurts, how and when it started, history,
 * training, the worst pain), with duration_days moved on by days_since.
 * e: the entry (pain now, during activity, next morning, note); signs:
 * RH_BIT(RH_SIGN_*) given as structured signs. The red flags are those the
 * assessment's rules raise for context + entry but not for the context alone.
 * 0, or an error of the rules or phrase files. */
/* The words of a pain entry's activity after "during" ("a run",
 * data/wording.txt [text] activity.KIND), or NULL when the entry names none
 * (session 23, plan27). */
const char *rh_pain_activity_said(const struct rh_pain_entry *e);

/* A diary session's kind in the runner's words ("cross-training",
 * data/wording.txt [text] session.KIND; ux27), never NULL: the terminal,
 * Today and the web Diary say it; the stored name (rh_session_kind_name)
 * stays for the JSON and the command line. */
const char *rh_session_kind_said(enum rh_session_kind k);

int rh_triage_entry(const struct rh_intake *context, int days_since, const struct rh_pain_entry *e,
                    uint32_t signs, struct rh_triage *out, struct rh_err *err);
/* The same with the runner's body weight in kg (0: not known), by which the
 * note's weight loss told with an amount is judged (rh_note_read_weighed;
 * session 23, plan27). */
int rh_triage_entry_weighed(const struct rh_intake *context, int days_since,
                            const struct rh_pain_entry *e, uint32_t signs, double body_kg,
                            struct rh_triage *out, struct rh_err *err);

/* Parses comma-separated `signs` words of intake.md ("fever, limp") into a
 * mask, as the `signs` line of an intake file reads them (synonyms such as
 * "cannot bear weight", "none" for no sign; "" is no sign), and the diary's
 * tick words (rh_note_tick_word) into their bits. RH_EKEY naming an
 * unknown word, RH_ESYNTAX for a word twice or a line break. */
int rh_triage_signs_parse(const char *words, uint32_t *mask, struct rh_err *err);
/* The signs of mask as the words a diary entry or check-in keeps
 * (RH_SIGNS_TEXT_MAX, "fever, wakes_at_night": the intake's words in their
 * order, then the ticks'; rh_triage_signs_parse reads them back), "" for
 * none. RH_EKEY for a bit that is no sign (nothing written), RH_ELIMIT
 * when out is too small. */
int rh_triage_signs_words(uint32_t mask, char *out, size_t cap, struct rh_err *err);
/* Stored signs words (rh_triage_signs_words) as the runner reads them, the
 * labels of the forms' ticks ("Swelling; The pain wakes me at night",
 * data/questions.txt and data/diary_phrases.txt), "" for none; a word
 * runhip no longer knows is shown as it was stored. */
void rh_triage_signs_said(const char *words, char *out, size_t cap);
/* The warning signs a form offers to tick, in order, the diary's and the
 * check-in's, on the web and the terminal alike (runner23: the terminal's
 * check-in left out the diary's own ticks, night pain and tingling, that
 * the web's check-in offers): the intake's sign words the questionnaire
 * offers, with its labels, then the diary's ticks (rh_note_tick_*). fn gets
 * each word, its label and its bit of a signs mask; it returns nonzero to
 * stop, which is returned. */
typedef int rh_sign_choice_fn(void *arg, const char *word, const char *label, uint32_t bit);
int rh_triage_sign_choices(rh_sign_choice_fn *fn, void *arg);
/* Stored signs words as a JSON array of the words (["fever","tingling"],
 * [] for none), appended to b: the diary's and the check-ins' "signs". 0 or
 * RH_ENOMEM / RH_ELIMIT. */
int rh_triage_signs_json(const char *words, struct rh_buf *b);

#endif
