/* SPDX-License-Identifier: MIT */
/*
 * runhip/assess.h: the hip-pain assessment engine. From one intake record
 * (runhip/intake.h) it checks the red-flag rules, ranks every condition of
 * the knowledge base (data/conditions.txt), classifies the pain type, counts
 * the six-question checklist, applies the duration rules and decides what
 * to do now (disposition) and what to do about running. Every statement
 * carries the answers that produced it. Information, not a diagnosis.
 *
 * The knowledge base lives in data/conditions.txt, data/red_flags.txt and
 * data/assess_rules.txt, compiled into the library and read once (thread
 * safe) on first use. See docs/internals/assess.md.
 *
 * Ownership: struct rh_assessment is a plain caller-owned value made of
 * fixed-size arrays (large: allocate it, or make it static, rather than
 * put it on a thread's stack); rh_assess never allocates. The const char *
 * members (ids, names, missing keys, the ids of red flags set aside) point
 * into the library's static knowledge base and stay valid for the life of
 * the program. The output functions append
 * to a caller-owned struct rh_buf.
 */
#ifndef RUNHIP_ASSESS_H
#define RUNHIP_ASSESS_H

#include "runhip/intake.h"
#include "runhip/util.h"

#define RH_ASSESS_MAX_CONDITIONS 24
#define RH_ASSESS_MAX_FLAGS 16
#define RH_ASSESS_MAX_WHY 8
/* One explanation line (a reason with the answers behind it and its
 * source), sized from the data: the loader records a rule whose line could
 * be longer (src/assess/assess_kb.c, check_shown_length) and the tests keep
 * the shipped base free of them, so no line is cut; if one ever were, it
 * ends at a whole word with " ..." rather than failing the assessment. A
 * red flag's reason (its trigger and the escalations that raised it) has
 * RH_ASSESS_FLAG_WHY_LEN: the loader refuses a flag whose reason could be
 * longer, with its figures (review 12), so none is ever cut; the same for
 * a flag's exception (data/red_flags.txt unless =, rh_assess_set_aside). */
#define RH_ASSESS_WHY_LEN 1024
#define RH_ASSESS_FLAG_WHY_LEN (RH_ASSESS_WHY_LEN * 4)
/* A reason for the verdict's care or running (disposition_why,
 * running_why: "LEVEL: CAUSE: reason (answers: A) [S]") names a level, a
 * cause and a rule whose answers may be many (claudication, session 14,
 * branch flagexc): RH_ASSESS_LEVEL_WHY_LEN. The loader measures each such
 * line by the words it writes (the rule's own level and words, not the
 * longest any could have) and records one that could be longer, as above. */
#define RH_ASSESS_LEVEL_WHY_LEN (RH_ASSESS_WHY_LEN * 2)
#define RH_ASSESS_MAX_MISSING 8
#define RH_ASSESS_MAX_ADVICE 10

/* Ordered: a later value is a stronger recommendation. */
enum rh_disposition {
    RH_DISP_SELF_CARE = 0,
    RH_DISP_MODIFY_TRAINING,
    RH_DISP_SEE_PHYSIO,      /* within 1-2 weeks */
    RH_DISP_SEE_DOCTOR_SOON, /* within days */
    RH_DISP_URGENT,          /* today */
    RH_DISP__COUNT
};
/* Ordered: a later value is a bigger cut in running. */
enum rh_running {
    RH_RUNNING_CONTINUE = 0,
    RH_RUNNING_REDUCE,
    RH_RUNNING_CROSS_TRAIN_ONLY,
    RH_RUNNING_STOP,
    RH_RUNNING__COUNT
};
enum rh_pain_type {
    RH_PAIN_MUSCLE = 0,
    RH_PAIN_JOINT,
    RH_PAIN_NERVE,
    RH_PAIN_MIXED,
    RH_PAIN_UNCLEAR,
    RH_PAIN__COUNT
};

/* A short list of reasons, each naming the answers behind it. */
struct rh_why {
    int n;
    char text[RH_ASSESS_MAX_WHY][RH_ASSESS_WHY_LEN];
};
/* The same for the verdict's levels, with longer lines. */
struct rh_level_why {
    int n;
    char text[RH_ASSESS_MAX_WHY][RH_ASSESS_LEVEL_WHY_LEN];
};

struct rh_assess_condition {
    const char *id;   /* conditions.md id, static */
    const char *name; /* display name, static */
    /* session 11 (branch rev11c), review 11 #9: the clinician's name as
     * shown, one label per condition: the [shown_as] name when one holds
     * (as name), else the condition's clinical name. Static. */
    const char *clinical_name;
    double score;     /* 0..1; the scores of all conditions add up to 1 */
    double raw;       /* the sum of prior and weights before normalising */
    struct rh_why why; /* answers that raised (+) or lowered (-) it */
};

struct rh_assess_flag {
    const char *id;   /* red-flag id of conditions.md, static */
    const char *name; /* plain-language name, static */
    enum rh_disposition min_disposition;
    enum rh_running min_running;
    /* raised below its full level, as information (data/red_flags.txt
     * "low ="): the care and running are the verdict's; it does not hold
     * up a training plan (session 12, branch flaginfo) */
    bool low;
    char why[RH_ASSESS_FLAG_WHY_LEN]; /* the rule and the answers that fired it */
};

/* A red flag that a trigger would have raised but whose exception holds
 * (data/red_flags.txt "unless =": one exception all its triggers share,
 * session 14, branch flagexc), so it was not raised: said once, with the
 * exception's reason, the answers behind it and its source. */
struct rh_assess_set_aside {
    const char *id; /* red-flag id, static (the knowledge base) */
    /* "reason (answers: A) [S]": an exception names the warning signs
     * absent, so its answers are long; the loader refuses one whose line
     * could pass this buffer, with its figures, so none is ever cut */
    char why[RH_ASSESS_FLAG_WHY_LEN];
};
#define RH_ASSESS_MAX_SET_ASIDE 4

struct rh_assessment {
    int n_conditions; /* every condition of the knowledge base, best first */
    struct rh_assess_condition conditions[RH_ASSESS_MAX_CONDITIONS];
    enum rh_pain_type pain_type;
    struct rh_why pain_type_why;
    int n_flags; /* red flags that fired, in data/red_flags.txt order */
    struct rh_assess_flag flags[RH_ASSESS_MAX_FLAGS];
    /* red flags not raised because their exception held (JSON
     * red_flags_set_aside), in data/red_flags.txt order */
    int n_set_aside;
    struct rh_assess_set_aside set_aside[RH_ASSESS_MAX_SET_ASIDE];
    int checklist_warnings; /* 0..6 */
    int checklist_answered; /* 0..6 */
    unsigned checklist_warned; /* RH_BIT(RH_CHECK_*) of each item answered as a warning */
    enum rh_disposition disposition;
    struct rh_level_why disposition_why;
    enum rh_running running;
    struct rh_level_why running_why;
    struct rh_why advice; /* what to do now, each with its reason */
    int advice_now;       /* the first advice_now lines are the red flags' own
                             advice, for now even while running waits for a
                             clearance (review 10 #14); the rest follow the
                             heading rh_text_advice_heading (JSON advice_now) */
    double confidence;    /* 0..1: answered share of what matters x separation */
    int n_missing;        /* unanswered intake keys that would change it most */
    const char *missing[RH_ASSESS_MAX_MISSING];
    unsigned from_data;   /* RH_FROM_DATA_* copied from the intake */
    /* copied from the intake: the stored runs did not cover the weeks
     * before, so the answers about training were kept (the newest run's
     * day, -1 none; the weeks looked at) */
    bool data_not_recent;
    int32_t data_newest_run;
    int data_window_weeks, data_cover_weeks;
    bool data_patchy;
    double data_kept_weekly_km; /* the runner's answer then kept, RH_NONE none */
    /* copied from the intake (review 7b N2): the figures count the weeks
     * before the pain began on data_onset_day; the answers they replaced */
    bool data_before_onset;
    int32_t data_onset_day;
    int data_lead_days; /* intake.h */
    unsigned data_answered;
    double data_answer[5];
    /* the recorded figure of bit i (RH_FROM_DATA_*), copied from the intake
     * (review 10 #18: shown next to the runner's answer) */
    double data_value[5];
    bool hop_unsafe;      /* A2: do not ask this runner to hop */
    bool care_pelvic;     /* the physiotherapist to book is a pelvic-health one
                             (data/assess_rules.txt [care] pelvic; words
                             [disposition] see_physio.pelvic; JSON care_pelvic) */
    bool care_postnatal;  /* after a birth without that pattern: the one booking
                             (a physiotherapist's) asks for the pelvic-health
                             check too (data/assess_rules.txt [care] postnatal;
                             [disposition] see_physio.postnatal; JSON
                             care_postnatal; session 23, plan27) */
    bool for_child;       /* a parent answered for a child (rh_intake.for_child):
                             the reasons say "your child" (JSON for_child) */
    /* What a professional's clearance must have covered for these answers
     * (data/assess_rules.txt [clearance], review 10 #3: "an X-ray of both
     * hips ..."), the first need that holds, with its sources "[S]"; ""
     * none (JSON clearance_need). A clearance whose note names only another
     * part (rh_diary_cleared) is refused with these words. */
    char clearance_need[RH_ASSESS_WHY_LEN];
    /* The answers are too few to rank the causes (data/assess_rules.txt,
     * [ranking]): the conditions stay in score order, but none may be
     * called the most likely, the leading one's own advice is not given
     * and the levels name no cause as established; unranked_why says why
     * in plain words (its reason, the answers and the source). Red flags
     * are unaffected. */
    bool unranked;
    char unranked_why[RH_ASSESS_WHY_LEN];
};

/* The sentence that says why no recorded run stood in for the runner's
 * answers (a->data_not_recent): "No runs recorded in the 4 weeks before
 * this assessment (your newest run is 2023-06-10): your answer of 50 km a
 * week was kept." Written into buf ("" when the data were used or there
 * were none). The terminal, the JSON (training_data_not_recent) and the
 * web page show this one sentence. */
void rh_assessment_data_note(const struct rh_assessment *a, char *buf, size_t cap);

/* The sentence that says which training figures the recorded runs gave
 * (a->from_data), over which weeks, and the runner's answers they were used
 * instead of (review 7b N2): "Taken from your recorded runs of the 4 weeks
 * before the pain began (2026-11-14): your weekly distance and the change
 * in your weekly distance, used instead of your answers (45 km a week,
 * +46%)." "" when none. The terminal, the JSON (training_from_data_note),
 * the web page and the hand-off show this one sentence. */
void rh_assessment_data_used(const struct rh_assessment *a, char *buf, size_t cap);
/* Its lead-in, the one the web's assessment page says too (of an
 * assessment stored before training_from_data_note; words20): "Taken from
 * your recorded runs:", with onset_day (a local day, -1 unknown) "... of
 * the weeks before the pain began on 2026-11-22:", and with lead_days > 0
 * (data/load_rules.txt onset_lead_days) "... (the change: the 7 days
 * before it against the 4 weeks before them):". Words of data/wording.txt
 * [text] from_data, from_data.onset, from_data.onset_lead. Into buf. */
void rh_assessment_data_lead(int32_t onset_day, int lead_days, char *buf, size_t cap);
/* The same for a clinician (the hand-off report): third person, "watch
 * figures", the answers they replaced as the runner's. */
void rh_assessment_data_used_clinical(const struct rh_assessment *a, char *buf, size_t cap);

/* The self-check sentence (review 8 #21): how many of the six quick
 * questions were answered, which of them were warnings, in the runner's
 * words, and the rule of three: "Self-check: 2 of the 6 quick questions were
 * warnings: the pain is sharp or pinching in the hip socket; walking,
 * squatting or stairs hurt (three or more ...)." "" when none was answered.
 * The terminal, the JSON (checklist_note) and the web page show it. */
#define RH_ASSESS_CHECK_NOTE 640
void rh_assessment_checklist_note(const struct rh_assessment *a, char *buf, size_t cap);

/* The kind of pain's statements as the runner reads them, the terminal's
 * and the web's Assessment page alike (runner23: the page had no kind of
 * pain): one line of pain_type_why ("muscle: ANSWERS: REASON [S]") into out
 * (cap bytes), a finding "+1 ANSWERS: REASON [S]" (*feature true: read with
 * rh_text_feature) or, with no answers behind it, the sentence "REASON [S]"
 * (*feature false: rh_text_reason); NULL for a line for developers (the
 * sums of weights). The first RH_ASSESS_PAIN_TYPE_SAID of them are said. */
#define RH_ASSESS_PAIN_TYPE_SAID 4
const char *rh_assess_pain_type_statement(const char *why, char *out, size_t cap, bool *feature);
/* "good: the questions that matter most were answered and one cause stands
 * out" and the like (data/wording.txt [confidence]) for a confidence of
 * 0..1; "" when the words are missing. Terminal and web alike. */
const char *rh_assess_confidence_words(double confidence);
/* The notice that the warning-signs question was not answered and nothing
 * raised a flag ("Warning signs not answered: ... the advice below assumes
 * there are none", data/wording.txt [text] signs.unchecked), said first by
 * the terminal and the web Assessment page alike; NULL when it does not
 * apply. Static words. _of: the same from a result document's figures (the
 * number of its red flags, whether "signs" is among its missing). */
const char *rh_assess_signs_unchecked(const struct rh_assessment *a);
const char *rh_assess_signs_unchecked_of(int n_flags, bool signs_missing);
/* The intake key of checklist item i (RH_CHECK_*: "check_sharp_socket"), NULL
 * out of range. */
const char *rh_assess_check_key(int i);

/* Assesses one intake. Fills *out completely (no allocation). Returns 0, or
 * RH_EINVAL for NULL arguments, or RH_EFORMAT if the compiled-in knowledge
 * base cannot be read (a build error; err says the file and line). */
int rh_assess(const struct rh_intake *in, struct rh_assessment *out, struct rh_err *err);

/* review9 #8: the one rule for "too little answered" that the terminal and
 * the web questionnaire share: the answers are too few to rank the causes
 * (a->unranked) and no red flag is to be kept. Such an assessment is saved
 * only when the runner says so (default no): saved, it would be the one the
 * plan, the web app and the report follow. */
bool rh_assessment_too_thin(const struct rh_assessment *a);

/* A2 hop-test safety: true when the answers already point to a bone stress
 * injury (night, rest or walking pain, a limp, cannot bear weight, a stress
 * fracture before, or the stress fracture's warning sign raised without the
 * hop: data/assess_rules.txt [hop_safety]), so a questionnaire must not ask
 * the runner to hop. */
bool rh_assess_hop_unsafe(const struct rh_intake *in);

/* Appends the result as one JSON object (shape in docs/internals/assess.md):
 * disclaimer, conditions, pain_type, pain_type_why, red_flags,
 * checklist_warnings, disposition, disposition_why, running, running_why,
 * advice, confidence, missing, training_from_data. 0 or RH_ENOMEM/RH_ELIMIT. */
/* Whether a warning sign (a red flag) is among the reasons that hold
 * running at cross_train_only or stop: then a doctor or physiotherapist has
 * to clear it; else the answers alone hold it (a strain that still hurts on
 * walking) and nobody has to (rh_text_advice_heading). why: the n reasons
 * of running_why as stored ("LEVEL: reason", rh_assessment.running_why or
 * the JSON's running_why), read only, owned by the caller. */
bool rh_assess_running_by_flag(const char *const *why, int n);
int rh_assessment_to_json(const struct rh_assessment *a, struct rh_buf *out);

/* Appends a plain-text report for people: red flags first, what to do now,
 * the top conditions with reasons, pain type, what would change the answer,
 * and the disclaimer once. 0 or RH_ENOMEM/RH_ELIMIT. */
int rh_assessment_to_text(const struct rh_assessment *a, struct rh_buf *out);
/* As rh_assessment_to_text, in plain words with numbered sources listed at
 * the end; flags: RH_ASSESS_TEXT_FULL_SOURCES for the long citations. */
#define RH_ASSESS_TEXT_FULL_SOURCES 1u
int rh_assessment_write_text(const struct rh_assessment *a, unsigned flags, struct rh_buf *out);
/* What to do now when something outside the answers overrules them (the
 * plan's notice: a red flag or a pain hold the diary keeps in force): its
 * care, running and reason are said under WHAT TO DO NOW, then `after` (what
 * the answers alone point to once it is lifted) before the answers' reasons.
 * Sentences; the pointers are the caller's. */
struct rh_assess_todo {
    const char *care, *running, *why, *after;
    int advice; /* enum rh_advice_when (runhip/text.h): whether the notice
                   stops running, for the "what helps" heading */
};
/* As rh_assessment_write_text; todo NULL: the assessment's own advice. */
int rh_assessment_write_text_todo(const struct rh_assessment *a, unsigned flags,
                                  const struct rh_assess_todo *todo, struct rh_buf *out);

/* The key of data/wording.txt [disposition] that books the care of level d:
 * "see_physio.pelvic" when pelvic (rh_assessment.care_pelvic) and d is the
 * physiotherapist's, else rh_disposition_name(d) (session 22, runner22b);
 * "see_physio.postnatal" when postnatal (rh_assessment.care_postnatal, not
 * pelvic) and d is the physiotherapist's (session 23, plan27). */
const char *rh_assess_care_key(enum rh_disposition d, bool pelvic, bool postnatal);

/* Static names: "see_physio", "cross_train_only", "muscle"... */
const char *rh_disposition_name(enum rh_disposition d);
const char *rh_running_name(enum rh_running r);
const char *rh_pain_type_name(enum rh_pain_type p);
/* Parses a canonical name; 0 or RH_EKEY. */
int rh_disposition_parse(const char *s, enum rh_disposition *out);
int rh_running_parse(const char *s, enum rh_running *out);

/* What a disposition asks the runner to do, in the words the assessment
 * uses ("Get medical help today ..."), for every place that shows one
 * (static). */
const char *rh_disposition_text(enum rh_disposition d);

/* The one-sentence disclaimer (static). */
const char *rh_assess_disclaimer(void);
/* The same said to a parent who answered for a child (for_child: "only a
 * clinician who examines your child"; data/wording.txt [text]
 * disclaimer.child), or rh_assess_disclaimer(). Static. */
const char *rh_assess_disclaimer_of(bool for_child);
/* What to do, said to a parent of their child where a parent answered
 * (for_child: "pain that wakes you" -> "pain that wakes your child",
 * data/wording.txt [text] child_person; review 10 child10): the red flags'
 * own advice for now and the advice headings, as the terminal's `runhip
 * assess` and the web's assessment page both say them. s as it is
 * otherwise (or when the words do not fit). Appended to out; 0 or
 * RH_ENOMEM. */
int rh_assess_said_to(bool for_child, const char *s, struct rh_buf *out);

/* Condition and red-flag ids of the knowledge base (static strings), for
 * tests and the plan: number of conditions / flags, and the i-th id. */
int rh_assess_condition_count(void);
const char *rh_assess_condition_id(int i);
int rh_assess_flag_count(void);
const char *rh_assess_flag_id(int i);
/* The plain-language name of a red flag by its id (static), NULL if unknown. */
const char *rh_assess_flag_name(const char *id);
/* Session 32 (branch run32): the flag's own running minimum
 * (data/red_flags.txt running, enum rh_running), before a running_if or a
 * trigger's trigger_running lowered it; -1 for an unknown id. */
int rh_assess_flag_running(const char *id);
/* Session 32: the flag's own least urgent disposition (data/red_flags.txt
 * disposition, enum rh_disposition), the level its own running is for;
 * -1 for an unknown id. */
int rh_assess_flag_disposition(const char *id);
/* A condition's name for a clinician (the hand-off report: data/conditions.txt
 * clinical_name, else its name), NULL for an unknown id. The runner reads the
 * shorter name (review 8 #21). Static. */
const char *rh_assess_condition_clinical_name(const char *id);
/* A condition's own plain name (data/conditions.txt name), NULL for an
 * unknown id: a stored name that differs from it was given by a [shown_as]
 * rule of data/assess_rules.txt for these answers. Static. */
const char *rh_assess_condition_name(const char *id);
/* plain29: a text for the clinician with every condition's plain name (the
 * runner's, its medical words glossed: "hip osteoarthritis (the cartilage
 * ...)") replaced by its clinical name, where it has one of its own: the
 * hand-off report names causes as a clinician does, and its two pages keep
 * their room. The first letter keeps its case. Appends to out; 0 or
 * RH_ENOMEM. */
int rh_assess_names_clinical(const char *s, struct rh_buf *out);
/* A red flag as the runner and a parent read it (review 9 #5): the same
 * words on the terminal, the web, the calendar and the report.
 * rh_assess_flag_title: a heading for what was seen in this person, from
 * the flag's id and its why ("Sweating at night"; data/red_flags.txt seen =
 * and title =; the flag's name when it has neither). Into out (cap bytes).
 * rh_assess_flag_because: the reason naming only what was seen: the note's
 * words said (NULL or "" for none; said_sets: the intake words they stand
 * for, "signs:weight_loss", not said again) and the answers that fired it, without
 * the rule's definition ("because you wrote "lost 4 kg" and you sweat
 * heavily at night"), then the rule's sources cited in refs (NULL: none);
 * nothing when neither is known. 0 or RH_ENOMEM. */
struct rh_refs;
void rh_assess_flag_title(const char *id, const char *why, char *out, size_t cap);
/* ux28: the heading of the seen lines of bitmask seen (bit i: the flag's
 * i-th seen line of data/red_flags.txt), as a reason's "red flag ID#MASK"
 * names them; the flag's heading when none. */
void rh_assess_flag_title_seen(const char *id, unsigned seen, char *out, size_t cap);
/* rh_assess_flag_title said to whoever answered (words15): where a parent
 * answered for a child (for_child), of the child, as rh_assess_said_to says
 * the flag's advice ("Pain that wakes your child at night"); the heading as
 * it is otherwise (or when the child's words do not fit cap). The one
 * heading of a parent's red flag on the terminal, the web's assessment
 * page, the plan's notice and a level's reason line ("a warning sign: pain
 * that wakes your child at night", rh_text_reason with refs->child). */
void rh_assess_flag_title_said(bool for_child, const char *id, const char *why, char *out,
                               size_t cap);
/* rh_assess_flag_title for a clinician (the hand-off report, report14): of
 * the runner in the third person, data/wording.txt [text]
 * third_person.clinical ("Pain that wakes the runner at night"); the
 * heading as it is when the words do not fit cap. */
void rh_assess_flag_title_clinical(const char *id, const char *why, char *out, size_t cap);
int rh_assess_flag_because(const char *why, const char *said, const char *said_sets,
                           struct rh_refs *refs, struct rh_buf *out);
/* The sources of the flag's level of care ("GGC-RF; NICE-OA"), or NULL. */
const char *rh_assess_flag_source(const char *id);

#endif
