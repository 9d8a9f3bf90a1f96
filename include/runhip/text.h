/* SPDX-License-Identifier: MIT */
/*
 * runhip/text.h: the words people read. One place for the user-facing
 * wording of internal names (data/wording.txt: dispositions with their time
 * frame, running advice, pain types, ranking words, answers as plain
 * clauses and as clinical terms) and for readable citations of every source
 * key (data/references.txt). The terminal, the dashboard, the calendar and
 * the hand-off report all go through it, so they say the same thing.
 *
 * Sources are never shown as keys: rh_refs numbers them in the order they
 * are first cited ("[1, 2]") and writes the list at the end. rh_text_finish
 * turns a text written with keys and internal ids (the plan, the diary, the
 * load report) into plain words with numbered sources.
 *
 * Ownership: every const char * returned points into static storage read
 * once (thread safe) from the compiled-in files and valid for the life of
 * the program. struct rh_refs is a plain caller-owned value. Output goes to
 * caller-owned struct rh_buf.
 */
#ifndef RUNHIP_TEXT_H
#define RUNHIP_TEXT_H

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "runhip/util.h"

#define RH_REFS_MAX 64

/* The references cited so far in one document, numbered from 1. */
struct rh_refs {
    int n;
    int ref[RH_REFS_MAX]; /* index into the reference table */
    /* a parent answered for a child (review 8 #21): the answers behind a
     * reason are said of "your child" (data/wording.txt [text] child_person) */
    bool child;
};

/* s with the words of map ("FROM>TO; FROM>TO": a FROM at a word start and
 * ending a word is replaced, the first that fits) rewritten, appended to
 * out: a sentence for the runner said of another person (the clinician's
 * third person, data/wording.txt [text] third_person.clinical; a parent's
 * child, child_person). 0 or RH_ENOMEM. */
int rh_text_person(const char *map, const char *s, struct rh_buf *out);
/* The same in place: s (a string of cap bytes, the caller's) rewritten with
 * map; left as it is when map is NULL, the words would not fit cap or
 * memory runs out (a heading said of the runner is better than none). */
void rh_text_person_in_place(const char *map, char *s, size_t cap);
/* s (the caller's) with its first letter in lower case, for a heading
 * said inside a sentence ("pain after a fall; ..."), unless an acronym
 * opens it ("MRI ..."). */
void rh_text_lower_first(char *s);

/* The one filler of the positional "{}" holes of the data files' words
 * (data/plan_rules.txt [text], data/wording.txt): tmpl with each "{}", in
 * order, replaced by the next of args[0..n-1], written to dst. A hole after
 * the last argument, or after a NULL one, is kept as "{}". Named figures
 * ("{value}") are the load report's own filler, and "{}" with "{s}" a
 * count's (rh_text_fill_count below).
 * Ownership: dst is the caller's, cap bytes, written whole (always
 * NUL-terminated when cap > 0; cut at a character boundary when the text
 * does not fit); tmpl (NULL: "") and args are borrowed, read only and not
 * kept. Returns the length written. */
size_t rh_text_fill(char *dst, size_t cap, const char *tmpl, const char *const *args, size_t n);

/* A template of the data files with a count: tpl with its "{}" replaced by
 * value (n bytes) and each "{s}" by rh_plural_s of that value ("it started
 * {} day{s} ago": "1 day", "3 days"), appended to out. 0 or RH_ENOMEM. */
int rh_text_fill_count(struct rh_buf *out, const char *tpl, const char *value, size_t n);

/* 0, or RH_EFORMAT if a compiled-in file does not parse (err says where). */
int rh_text_check(struct rh_err *err);

/* data/wording.txt: the runner's words for SECTION/KEY (the part before
 * " | "), or NULL. rh_words_clinical: the part after it (else the runner's). */
const char *rh_words(const char *section, const char *key);
/* rh_words, or "" when it cannot be read: for a caller whose section was
 * checked whole (rh_words_format_check and its kin) before any of its words
 * is used, so a missing text was refused at start. Never NULL. */
const char *rh_words_or_empty(const char *section, const char *key);
const char *rh_words_clinical(const char *section, const char *key);
/* A closed section of data/wording.txt (words18): 0 when it holds exactly
 * these keys, RH_EFORMAT naming the first unknown or missing one else. The
 * part that reads the section owns its key list and checks it at load. */
int rh_words_section_check(const char *section, const char *const *keys, size_t n,
                           struct rh_err *err);
/* A closed section whose texts are printf formats (words20: the web's
 * pages' own words): each key with the conversions its text must hold, in
 * order ("s": %s, "d": %d, "l": %ld, "f": %f/%g; "%%" none), so a text cannot ask
 * for a value the code does not give. 0, or RH_EFORMAT naming the first
 * unknown, missing or mismatched key. */
struct rh_words_format {
    const char *key, *conv;
};
int rh_words_format_check(const char *section, const struct rh_words_format *keys, size_t n,
                          struct rh_err *err);
/* The same, and no text may hold markup ('<', '>' or '&'): for words a web
 * page writes as they are, inside its own tags. */
int rh_words_plain_format_check(const char *section, const struct rh_words_format *keys,
                                size_t n, struct rh_err *err);

/* words27: a closed section whose texts have named holes, "{name}" (the
 * plan's reasons, the check-in's scoring errors): each key with the names
 * its code fills, separated by spaces ("" none). The text must use each of
 * them, in any order and as often as it likes, and no other "{...}": a
 * text cannot ask for a value the code does not give, nor leave out one it
 * gives. A value is written by the code (a count, "%zu" or "%.1f", is
 * formatted there), so the text holds no printf conversion: '%' is a
 * percent sign. 0, or RH_EFORMAT naming the first unknown, missing or
 * mismatched key and the hole. */
struct rh_words_named {
    const char *key, *names;
};
int rh_words_named_check(const char *section, const struct rh_words_named *keys, size_t n,
                         struct rh_err *err);
/* loadw25: rh_words_named_check, and no markup in the texts (written
 * inside an SVG's or a page's tags as they are: the chart's [load_chart]). */
int rh_words_plain_named_check(const char *section, const struct rh_words_named *keys,
                               size_t n, struct rh_err *err);
/* Whether a call that fills key of keys[0..nk-1] with names[0..n-1] gives
 * exactly that key's holes, each once (the callers assert it in a debug
 * build: the text was checked against the table, the call is checked
 * against it). Borrows everything; false for a key not in the table. */
bool rh_words_named_call_ok(const struct rh_words_named *keys, size_t nk, const char *key,
                            const char *const *names, size_t n);
/* [section] key of keys[0..nk-1] into dst (cap bytes, rh_text_fill_named),
 * its holes filled by the NULL-ended NAME, VALUE pairs of ap (at most 8;
 * asserted to be exactly the key's, rh_words_named_call_ok); the length it
 * needs (>= cap: cut). The one reader of such pairs (the store's errors,
 * the plan's reasons, the load's messages). Borrows everything. */
size_t rh_words_fill_pairs(char *dst, size_t cap, const char *section,
                           const struct rh_words_named *keys, size_t nk, const char *key,
                           va_list ap);
/* A family of runner-facing messages: one section with named holes and
 * the table its code fills it by (the store's errors, the load's messages,
 * the importer's file words), checked against the table once a program
 * before its first message (rh_words_named_check; a failure, such as
 * memory running out while the texts load, is tried again). Each module
 * keeps one as a static value (RH_WORDS_FAMILY); the functions below are
 * its one way to say a message. */
struct rh_words_family {
    const char *section;
    const struct rh_words_named *keys;
    size_t n;
    atomic_bool ok; /* checked */
};
#define RH_WORDS_FAMILY(section, table) {(section), (table), sizeof(table) / sizeof *(table), false}
/* 0 once f's section checks against its table, or the check's error. */
int rh_words_family_check(struct rh_words_family *f, struct rh_err *err);
/* key's text into buf (cap bytes) with the NULL-ended NAME, VALUE pairs of
 * ap filled in (rh_words_fill_pairs); "" when f does not check. The length
 * it needs (>= cap: cut). */
size_t rh_words_family_say(struct rh_words_family *f, char *buf, size_t cap, const char *key,
                           va_list ap);
/* err (if not NULL) set to code, line (-1: none) and key's text filled as
 * rh_words_family_say fills it; when f does not check, to the check's
 * error with code (a build whose data is broken). Returns code. */
int rh_words_family_err(struct rh_words_family *f, struct rh_err *err, int code, long line,
                        const char *key, va_list ap);
/* words25: what the decoders and the importer tell a runner about a file
 * they read, data/wording.txt [file_words] (each key with the names its
 * code fills): the one table the section is checked against before its
 * first message, for a test to read rather than copy. *n (not NULL) is set
 * to its length. Ownership: the library's static, read-only table, valid
 * for the life of the program; never freed nor written by the caller. */
const struct rh_words_named *rh_file_words_keys(size_t *n);
/* tmpl (NULL: "") with each "{NAME}" of names[0..n-1] replaced by vals[i];
 * any other brace is written as it is. dst: the caller's, cap bytes, always
 * NUL-terminated when cap > 0 and cut at a character boundary. Returns the
 * length the whole text needs, as snprintf does (>= cap: it was cut). The
 * one filler of named holes (the load report's figures too). */
size_t rh_text_fill_named(char *dst, size_t cap, const char *tmpl, const char *const *names,
                          const char *const *vals, size_t n);

/* The display name of an internal id with underscores or a plain id of the
 * data files (condition, red flag, load finding, plan phase, exercise,
 * disposition, running level), or NULL when it is not known. */
const char *rh_text_id_name(const char *id, size_t len);

/* The ranking word for a condition at position pos (0 = top) with score
 * against the top score: "most likely", "also likely", "possible", "less
 * likely". */
const char *rh_text_rank_word(int pos, double score, double top);
/* plain30: the length of a condition's name before its gloss, the plain
 * words in parentheses that end it ("gluteal tendinopathy (sore tendons at
 * the bony point ...)": 20, the name without " (...)"); strlen(name) when
 * it ends in no gloss. A page sets the name apart (bold) and the gloss as
 * ordinary text after it. */
size_t rh_text_name_gloss_at(const char *name);

/* The heading over the assessment's "what helps" list, one decision for
 * every output (the terminal's assess, the web's assessment and today
 * pages): while running is stopped, by the answers' own running level
 * ("stop", "cross_train_only") or by the plan's notice (stopped: see
 * rh_plan_notice_advice), the running advice in the list is for after
 * that, and the heading says so; else "What helps". Static words from
 * data/wording.txt [text] advice*. */
enum rh_advice_when {
    RH_ADVICE_NOW = 0, /* running is not stopped by anything outside the answers */
    RH_ADVICE_CLEARED, /* stopped until a doctor or physiotherapist clears it */
    RH_ADVICE_SETTLED, /* stopped until the diary settles (the pain rule) */
    /* session 22 (runner22): held until a pelvic-health physiotherapist has
     * checked the pelvic floor (a note's pelvic-floor symptom): the visit
     * brings running back, not the pain settling */
    RH_ADVICE_PELVIC,
};
/* by_flag (rh_assess_running_by_flag): a warning sign holds running. Held
 * at cross_train_only by the answers alone (a strain that still hurts on
 * walking), with nothing else stopping it, nobody has to clear it: the
 * heading says "once you can run again" ([text] advice.running_back). */
const char *rh_text_advice_heading(const char *running, bool by_flag, enum rh_advice_when stopped);
/* True when that heading says the list is for after a stop (the web sets
 * the list apart then). */
bool rh_text_advice_later(const char *running, enum rh_advice_when stopped);
/* The heading over the red flags' own advice when the rest is for after a
 * stop (rh_assessment.advice_now, review 10 #14): advice for now. */
const char *rh_text_advice_now_heading(void);

/* A line (an advice, a "what helps", a plan's text) as it may be said
 * under the care in force, level (enum rh_disposition): its clauses (parts
 * between "; " or sentences) that name the care of a lower level (the
 * phrases of data/wording.txt [disposition] LEVEL.said: "see a doctor
 * within days" under a same-day verdict) are left out, the sources at its
 * end kept; a line left with nothing appends nothing. *changed (may be
 * NULL): whether a clause was left out. 0 or the append's error. */
int rh_text_within_care(const char *line, int level, struct rh_buf *out, bool *changed);
/* The same, leaving out the clauses that hold one of phrases ("a; b",
 * case-insensitive): an advice line's own booking when the verdict's one
 * booking already asks for it (session 23, plan27). */
int rh_text_without_phrases(const char *line, const char *phrases, struct rh_buf *out,
                            bool *changed);

/* The reasons behind an assessment's final care and running levels: an
 * entry of its disposition_why or running_why ("LEVEL: reason [sources]")
 * gives a reason for the final level when it starts with that level's
 * name. Returns the reason (a text for rh_text_finish), or NULL when the
 * entry is about another level. The terminal and the hand-off report show
 * the first RH_TEXT_CARE_WHY and RH_TEXT_RUNNING_WHY of them. */
const char *rh_text_level_reason(const char *level, const char *why);

/* Appends s[0..n) to out without the engine's exclusions (" (not ...)",
 * " (unless ...)", " (nor ...)"; the "(answers: ...)" kept): the positive
 * reason a runner reads (rh_text_reason does this; the clinical text keeps
 * them). */
int rh_text_drop_exclusions(const char *s, size_t n, struct rh_buf *out);
#define RH_TEXT_CARE_WHY 4
#define RH_TEXT_RUNNING_WHY 3
/* The likely causes the runner reads (the terminal's `runhip assess` and the
 * web's /assessment): the first RH_TEXT_TOP_CAUSES of the ranking, each with
 * its first RH_TEXT_CAUSE_WHY reasons (review 11 #16: the web showed 8, the
 * terminal 5). The hand-off report has its own, shorter, two-page limit. */
#define RH_TEXT_TOP_CAUSES 3
#define RH_TEXT_CAUSE_WHY 5

/* Whether a running reason (rh_text_level_reason) only repeats one of the
 * reasons shown for the care level care_level (the first RH_TEXT_CARE_WHY of
 * its n entries care_why, each "LEVEL: reason [sources]"), its words the
 * same whatever its sources: "the usual care for X" backs both levels and
 * is said once; or (session 24) in other words, when every answer of its
 * "(answers: ...)" and every source of its "[...]" is one of that care
 * reason's: the next morning's pain said under the care and again under
 * running. */
bool rh_text_reason_repeats(const char *reason, const char *care_level,
                            const char *const *care_why, int n);

/* The reasons shown for a final level, the one choice of the terminal, the
 * web and the hand-off report: of why[0..n) the entries about level
 * (rh_text_level_reason), leaving out those that repeat a reason of the
 * care level (rh_text_reason_repeats; care may be NULL: none left out), at
 * most max, and those that only name where the level came from ("the usual
 * care for X", RH_TEXT_USUAL_CARE: no reason for people). out[k] points
 * into why[] (borrowed); returns their count. */
#define RH_TEXT_USUAL_CARE "the usual care for "

int rh_text_level_reasons(const char *level, const char *const *why, int n, const char *care_level,
                          const char *const *care, int ncare, const char **out, int max);

/* The subject a reason starts with: the length of its leading "NAME: " when
 * NAME is one of names[0..n) (the assessment's condition names), else 0.
 * Reasons in a row about one condition say its name once, as a heading
 * over the rest of each (reason + the length). */
size_t rh_text_reason_subject(const char *reason, const char *const *names, int n);

void rh_refs_init(struct rh_refs *r);
/* Reads a source list ("LEAP18; seed 001 (design: the numbers)"), numbers
 * every known source in r and appends " [1, 2]" to out (nothing when no
 * known source is named; notes of our own design are never numbered).
 * Returns 0, RH_ENOMEM or RH_ELIMIT. *unknown (may be NULL) counts tokens
 * that are not a source key. */
int rh_refs_cite(struct rh_refs *r, const char *sources, size_t len, struct rh_buf *out,
                 int *unknown);
/* polish29: the short name of the source with this key (data/references.txt
 * short, "Malisoux and colleagues, 2015: ..."), or NULL. */
const char *rh_ref_short(const char *key);
/* Whether every token of a source list is a known key (or a design note). */
bool rh_refs_known(const char *sources, size_t len);
/* Appends the numbered list: a heading line and one "  [n] citation" line
 * a reference (full: the long citation with journal or address). Nothing
 * when r is empty. html: an <ol> list, escaped. */
int rh_refs_write(const struct rh_refs *r, bool full, struct rh_buf *out);
int rh_refs_write_html(const struct rh_refs *r, struct rh_buf *out);
/* phys28: the <ol> list for a page that prints (the hand-off report): each
 * citation whole in <span class="full"> and, where shorter, compact in
 * <span class="brief"> (a journal article's authors, journal, year, volume
 * and pages; a web article's short citation, data/references.txt compact =
 * short), the page's style sheet showing one of them. */
int rh_refs_write_html_print(const struct rh_refs *r, struct rh_buf *out);

/* Plain clauses for an engine answer list ("pain_worst=6 (>= 4), location=outer,
 * test_hop=no, red flag X"), joined with commas and "and": "your worst pain
 * was 6/10 and it hurts at the side of the hip, on the bony point".
 * clinical: the clinical terms instead. Appends nothing for an empty list. */
int rh_text_answers(const char *answers, size_t len, bool clinical, struct rh_buf *out);

/* One reason the assessment gives (a care or running level's, see
 * rh_text_level_reason; a red flag's; an advice) in plain words, its
 * sources numbered in refs: "a red flag: NAME" for a level a red flag
 * raised, else the reason with "(because ...)". An assessment stored by an
 * older runhip may hold the notes for developers its data files then had
 * ("(seed table: feel)", "seed 001 says"): they are dropped here, and in
 * rh_text_feature, keeping their sources. Appends no newline. */
int rh_text_reason(const char *why, struct rh_refs *refs, struct rh_buf *out);
/* rh_text_reason with the answers in clinical terms, as a referral letter
 * gives them: "(worst pain NRS 6/10)" (the hand-off report). */
int rh_text_reason_clinical(const char *why, struct rh_refs *refs, struct rh_buf *out);
/* A reason for the running level as every output says it (the terminal's
 * "Why", the web's assessment and today pages, the hand-off report), one
 * plain sentence with its reason first (words17), never the rule's text
 * "NAME: ..." alone: the level's words (data/wording.txt [running]
 * LEVEL.why), then why: "Less running for now, because running hurts 6/10.
 * Pain above 5/10 ... [2, 3]"; "..., because your answers fit iliotibial
 * band syndrome. The band is pressed ..."; "..., because of a warning
 * sign: a limp". A reason with answers says them, not its condition's
 * name (a condition's rule raised by them: its words say what they mean).
 * why: the reason after its "LEVEL: " (rh_text_level_reasons); names: the
 * conditions' names as shown, by which a reason "NAME: ..." is known
 * (rh_text_reason_subject); clinical: the report's words and answers in
 * clinical terms. Appends no newline. */
int rh_text_running_reason(const char *level, const char *why, const char *const *names,
                           int n_names, bool clinical, struct rh_refs *refs, struct rh_buf *out);

/* One finding behind a condition or a pain type as the assessment gives it
 * ("+2.5 ANSWERS: REASON [SOURCES]") in words: the reason, then the answers
 * that made it count, "(because your worst pain was 6/10)" (clinical: "(worst
 * pain NRS 6/10)"), then the sources numbered in refs. *against (may be NULL)
 * is set when the finding counts against the condition. A text of another
 * shape is only made plain (rh_text_finish). Appends no newline. */
int rh_text_feature(const char *why, bool clinical, struct rh_refs *refs, struct rh_buf *out,
                    bool *against);

/* What a diary note was read as ("signs:cannot_bear_weight signs:fever",
 * the intake words of the note matcher) as the answers' plain clauses,
 * joined with commas: "you cannot put weight on the leg, you have a
 * fever". A word without a clause is written with blanks for underscores.
 * A reading with a fact only a note tells (note:WORD) says that fact alone:
 * "knocked off my bike" is "an injury of high force", not also the fall the
 * rules file it as. */
int rh_text_note_words(const char *sets, struct rh_buf *out);

/* Rewrites a text for people: bracketed source lists become numbers in refs
 * (dropped when refs is NULL), "(answers: ...)" (the engine's reasons)
 * becomes "(because ...)", internal ids become their display names. The
 * words themselves are written for people at their source (data/, the
 * parts); nothing else is dropped or reworded here. */
int rh_text_finish(const char *in, size_t len, struct rh_refs *refs, struct rh_buf *out);

/* rh_text_finish over a whole document, then its numbered sources at the
 * end (a blank line, the heading, one line a source). Flags: */
#define RH_TEXT_FULL_SOURCES 1u /* the long citations */
#define RH_TEXT_NO_SOURCES 2u   /* no list (the numbers are dropped too) */
int rh_text_document(const char *in, size_t len, unsigned flags, struct rh_buf *out);

/* Whether text holds something a person should not see: an internal id
 * (a word_with_underscores that is not a command to type or a file name,
 * or a short id of the tables of conditions and red flags written as a
 * lowercase word: "fai"), a raw source key in brackets, a note for
 * developers ("seed 0", "seed table", "clinical_facts", "LR+", "(design"),
 * rule text ("(answers:", ">=", "key=value", "score 0."), a rule's weight
 * ("+1 the likeliest cause"), or a percentage score. Sets *what to a
 * static description and *at to the offset. For tests. */
bool rh_text_leak(const char *text, size_t len, const char **what, size_t *at);

#endif
