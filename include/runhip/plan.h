/* SPDX-License-Identifier: MIT */
/*
 * runhip/plan.h: the recovery and return-to-run plan, the pain diary rule and
 * the weekly OSTRC-style check-in.
 *
 * A plan is a small state (struct rh_plan_state) kept in the store as JSON:
 * which condition it treats, which phase it is in, whether running is blocked
 * until a professional clears it, the three-day test and walk-run ladder step,
 * and the history of moves. Everything shown (text, JSON, iCalendar) is
 * rendered from that state plus the knowledge base (data/exercises.txt and
 * data/plan_rules.txt, compiled in), so a rendered plan never goes stale.
 *
 * Ownership: rh_plan_kb_load returns a knowledge base freed with
 * rh_plan_kb_free. A struct rh_plan_state is caller-owned and holds no heap
 * memory. Output goes into a caller-owned struct rh_buf. Input pointers are
 * borrowed for the duration of the call. The library never prints.
 */
#ifndef RUNHIP_PLAN_H
#define RUNHIP_PLAN_H

#include "runhip/store.h"
#include "runhip/text.h"
#include "runhip/triage.h"
#include "runhip/util.h"

/* ---- knowledge base ------------------------------------------------------ */

#define RH_PLAN_PHASES(X)                                                                          \
    X(CALM, "calm")                                                                                \
    X(MOTION, "motion")                                                                            \
    X(STRENGTH, "strength")                                                                        \
    X(RETURN, "return")                                                                            \
    X(FULL, "full")

enum rh_phase {
#define RH__PH(n, s) RH_PHASE_##n,
    RH_PLAN_PHASES(RH__PH)
#undef RH__PH
        RH_PHASE__COUNT
};
/* Static id ("calm") of a phase; "?" when out of range. */
const char *rh_phase_id(enum rh_phase p);
/* The phase as people read it ("Calm it down", data/plan_rules.txt); static. */
const char *rh_phase_name(enum rh_phase p);

struct rh_exercise {
    char id[48];
    char name[96];
    char kind[16];          /* release stretch warmup strength isometric eccentric balance */
    char desc[512];
    char dose[192];
    char conditions[512];   /* space-separated ids, or "all" */
    unsigned phases;        /* bit (1u << enum rh_phase) */
    char too_early[256];
    char avoid_for[256];    /* space-separated ids, may be empty */
    char avoid_why[900];    /* "IDS: reason | IDS: reason", or one bare reason */
    char source[160];
    char loads[160];        /* space-separated load tags (what it does to the hip), may be empty */
    char daily[64];         /* done every day, when ("morning and evening"); "" on its days only */
    /* session 27 (webplan27): what a name a runner may not know ("TFL
     * release with a ball", "Copenhagen adduction") is, in plain words; ""
     * for a name that says it. Said after the name where it first appears
     * on a screen (rh_plan_plain_names). */
    char plain[200];
};

/* At most this many exercises (data/exercises.txt; the loader refuses more):
 * the names said so far on a screen are kept as bits (struct rh_plan_said). */
#define RH_PLAN_MAX_EXERCISES 256

struct rh_plan_kb; /* opaque: exercises, phases, rules */

/* Parses the compiled-in data files. 0, or RH_ESYNTAX/RH_EKEY/RH_EFORMAT with
 * the file and line in err. Free with rh_plan_kb_free. */
int rh_plan_kb_load(struct rh_plan_kb **out, struct rh_err *err);
/* As rh_plan_kb_load, from given texts (for tests of the loader). */
int rh_plan_kb_parse(const char *exercises, const char *rules, struct rh_plan_kb **out,
                     struct rh_err *err);
/* Frees a knowledge base (NULL is fine). */
void rh_plan_kb_free(struct rh_plan_kb *kb);
/* The exercise table (owned by kb), *n entries. */
const struct rh_exercise *rh_plan_kb_exercises(const struct rh_plan_kb *kb, size_t *n);
/* A rule value "section"/"key" (owned by kb), or NULL. */
const char *rh_plan_kb_get(const struct rh_plan_kb *kb, const char *section, const char *key);
/* True when exercise e suits condition (NULL: any) in phase p and is not
 * left out for that condition. */
bool rh_plan_exercise_fits(const struct rh_exercise *e, const char *condition, enum rh_phase p);

/* ---- plan state ------------------------------------------------------------ */

enum rh_run_mode {
    RH_RUN_OFF = 0,  /* stop or cross_train_only: three-day test, then the ladder */
    RH_RUN_REDUCED,  /* reduce: short easy runs in rehab, volume rebuilt later */
    RH_RUN_CONTINUE, /* continue: easy running throughout */
};

#define RH_PLAN_MAX_FINDINGS 16
#define RH_PLAN_MAX_MOVES 32

struct rh_plan_move {
    int32_t day;
    int from, to;   /* enum rh_phase */
    int ladder;     /* ladder step after the move (0 none) */
    char why[200];
};

/* A week left out of the volume before the pain, and why. */
#define RH_PLAN_MAX_BASE_OUT 4
struct rh_plan_base_out {
    int32_t from, to; /* the week, local days */
    double km;
    char why[16];     /* the load finding's kind: "jump" or "spike" */
};

struct rh_plan_state {
    int64_t assessment_id;
    int32_t start_day;      /* the day the plan was made */
    int32_t phase_day;      /* the day the current phase began */
    enum rh_phase phase;
    enum rh_run_mode run_mode;
    char condition[48];     /* top-ranked condition id, "" if none */
    char condition_name[160];
    /* the assessment could not rank the causes (too few answers): a general,
     * pain-guided plan; unranked_ask: the topics that would make it
     * specific, in plain words ("" if none) (review 8, 4) */
    bool unranked;
    char unranked_ask[400];
    char disposition[32];
    char running[32];
    char pain_type[32];
    char red_flags[256];    /* space-separated red-flag ids of the assessment */
    char disclaimer[400];
    bool blocked;           /* no running until cleared */
    char block_reason[640];
    bool cleared;
    int32_t cleared_day;
    char cleared_note[4 * RH_ENTRY_NOTE_MAX + 1]; /* a note as rh_entry_check allows it */
    bool test_needed;       /* the three-day test gates the first run */
    bool test_passed;
    int ladder_step;        /* 0 before the ladder, 1..n on it */
    int ladder_done;        /* good sessions at the current ladder step */
    int good_streak;        /* good diary entries in a row in this phase */
    bool see_someone;
    char see_why[1000];     /* whole sentences, the most urgent first */
    double base_weekly_km;  /* pre-injury weekly running volume, RH_NONE unknown */
    double base_cadence;    /* pre-injury running cadence (spm), RH_NONE unknown */
    int n_base_runs;        /* runs the base figures come from */
    /* the newest run stored before the pain began: -1 none stored, -2 not
     * known (a plan stored before this was kept); says why the volume
     * before the pain is unknown */
    int32_t base_newest_run;
    char findings[RH_PLAN_MAX_FINDINGS][24]; /* training-load finding ids */
    int n_findings;
    struct rh_plan_move moves[RH_PLAN_MAX_MOVES]; /* newest last */
    int n_moves;
    /* added by the second version (absent in older stored plans: defaults) */
    bool hold;              /* a pain rule stopped running until the diary settles */
    char hold_reason[300];
    bool bone_stress;       /* suspected bone stress injury: every rule pain-free */
    /* review9 #2: the assessment itself ranked a bone stress injury among its
     * top three causes (not a red flag a clearance ends). A clearance keeps
     * bone_stress only for this reason, and the plan says why
     * (rh_plan_made_for, [text] cleared_bone_kept). */
    bool bone_stress_ranked;
    char diary_flags[256];  /* space-separated red-flag ids raised by the diary */
    int diary_urgency;      /* enum rh_disposition of the diary's flags, -1 none */
    int hold_urgency;       /* enum rh_disposition of the hold, -1 none */
    char hold_flags[64];    /* pain red flags behind the hold (worsening_fast), space-separated */
    char cleared_flags[256]; /* red-flag ids a professional has cleared */
    /* runner20: the runs of the first phase went because a check-in's score
     * stepped it back (not the diary's pain): the goal says so */
    bool runs_off_checkin;
    bool rest_leg;          /* a stop-running red flag in force: no walking prescribed */
    /* the first and the latest day a diary entry or check-in raised a red
     * flag of diary_flags (0: none, or an older stored plan) */
    int32_t diary_since, diary_day;
    /* session 21 (branch diary25): a later diary note told that a clinician
     * has now seen it ("went to a&e, docs said not infected"): its day (0:
     * none) and its words; while the block waits for the visit to be
     * recorded, the notice says to record what they decided, not to go to
     * an emergency department again (rh_plan_notice) */
    int32_t seen_told_day;
    char seen_told[100];
    /* review9 #6: each diary flag's own urgency and days, so that no screen
     * gives every flag the most urgent one's urgency or one range of days:
     * "ID:URGENCY:FIRST:LATEST" space-separated (enum rh_disposition, local
     * day numbers); "" none, or a plan stored before it (then diary_urgency
     * and diary_since..diary_day stand for each) */
    char diary_marks[512];
    int32_t hold_day;       /* the day of the entry behind the hold (0: none, or older) */
    char kept_flags[256];   /* diary_flags carried from before this plan's assessment */
    bool hold_kept;         /* the hold was carried from before this plan's assessment */
    /* the base volume: weeks of the 4 before the pain left out (the load
     * report flagged them as a jump or a spike), and days run in pain */
    struct rh_plan_base_out base_out[RH_PLAN_MAX_BASE_OUT];
    int n_base_out;
    int base_pain_days;     /* days run in pain left out of the usual weeks */
    int base_thin_runs;     /* runs of too few weeks to count (rh_plan_inputs) */
    /* what the notes said behind diary_flags, in the runner's words: a line
     * "ID\tWORDS\tREASON\n" for each flag a note raised (WORDS as
     * rh_triage_flag.said, REASON why it matters: the rule's reason); "" none */
    char diary_said[1200];
    /* how each flag of diary_flags reads, as the entry's answer said it
     * (rh_triage_flag_title, rh_triage_flag_reason): a line
     * "ID\tTITLE\tBECAUSE\n" ("A numb foot or leg", "because you wrote
     * ..."), so the plan, today and the report name it as the assessment
     * and the diary did; "" none (a plan stored before: the flag's name) */
    char diary_titles[1200];
    /* session 34 (branch hyg34): diary_titles as it was when the latest
     * clearance ended them (rh_plan_clear empties diary_titles), so the
     * reply names each sign by the heading the runner was shown ("Stiffness
     * for more than an hour each morning"), not the rule's general title;
     * "" none (a plan stored before it: the general title) */
    char cleared_titles[1200];
    /* the day of the latest good entry that counted towards moving on (the
     * streak, the three-day test, a ladder stage; 0: none): one day counts
     * once however many entries it has */
    int32_t good_day;
    /* the Monday of the week whose check-in stepped the plan back (0: none):
     * a check-in that replaces it does not step back once more */
    int32_t checkin_back_week;
    /* the assessment's answers the "see someone if" triggers are checked
     * against: how many days the pain had lasted and pain now (-1: not
     * answered, or a plan stored before them) */
    int intake_days, intake_pain_now;
    /* the other "see someone if" triggers of the condition that the answers
     * already meet ([condition.X] refer_answers), in plain clauses joined
     * with "; " ("" none, or a plan stored before them) */
    char refer_said[400];
    /* review 9 #11: the training-load findings (ids of findings[]) dated
     * after the pain began on findings_onset (runs done on an existing
     * pain, labelled so, never shown as a cause); "" / 0 none */
    char findings_after[256];
    int32_t findings_onset;
    /* review 9 #9: runs recorded in the 4 weeks before the plan's start
     * (-1: not known, a plan stored before it); the calm weeks never plan
     * more runs a week than these did (rh_plan_reduced_runs) */
    int recent_runs;
    /* session 24 (runner24): those runs leave too many of the 4 weeks
     * empty to show the runner's week (rh_load_usual_weeks_covered, the
     * rule by which recorded runs stand in for the assessment's answers):
     * the runner's own answer (runs_answered) then counts, uncapped by
     * them, and is asked for (absent in older stored plans: false) */
    bool recent_thin;
    /* review 10 #10: the pain is long-standing ([volume] long_standing_days
     * of data/plan_rules.txt): the base figures are the runner's recent
     * tolerated running (the whole weeks before the assessment, runs of
     * days logged with pain above [pain] acceptable_max left out), not the
     * weeks before a pain that began months ago */
    bool base_recent;
    /* the runner's own answer to how many days a week they run
     * (rh_plan_set_runs, asked where the plan is made when no recorded
     * run gives it: rh_plan_runs_ask); 0 not answered */
    int runs_answered;
    /* review 10 (child10): copied from the assessment when the plan is
     * made. for_child: a parent answered for a child, so the plan's, the
     * Today page's, the diary's and the report's sentences speak of the
     * child ([text] child_person); clearance_need: what a clearance must
     * have covered (rh_assessment.clearance_need), "" none (absent in older
     * stored plans: false, "") */
    bool for_child;
    /* session 22 (runner22b): the assessment booked a pelvic-health
     * physiotherapist (rh_assessment.care_pelvic; false in older plans) */
    bool care_pelvic;
    /* session 23 (plan27): after a birth without the pelvic floor's
     * pattern, the physiotherapist's booking asks for the pelvic-health
     * check too (rh_assessment.care_postnatal; false in older plans) */
    bool care_postnatal;
    char clearance_need[1024];
    /* review 11 #3: every red flag the diary or a check-in raised, kept
     * through clearances and re-assessments for the hand-off report:
     * "ID:URGENCY:FIRST:LATEST:CLEARED" space-separated, oldest first
     * (URGENCY enum rh_disposition, local days; CLEARED the day a
     * professional's clearance answered it, 0 not cleared); "" none, or a
     * plan stored before it (read it with rh_plan_flag_log) */
    char flag_log[1024];
    /* review 11 #14: the day the pain began (the assessment's answer of how
     * long it had lasted), 0 not known (or a plan stored before it): the
     * time rule's physiotherapist counts from it */
    int32_t onset_day;
    /* review 11 #4 (session 12, branch loop12): the latest visit recorded
     * with its outcome (runhip log visit; rh_visit_outcome_name: "cleared",
     * "no_running", "walk_run", "cross_train"), "" none or a clearance of
     * before it (log cleared); visit_weeks its restriction's weeks (0 none);
     * run_from: no running (no run, walk-run or test day) before this day,
     * the end of the restriction (0 none) */
    char visit[16];
    int visit_weeks;
    int32_t run_from;
    /* review 11 #5: the hold is for a pelvic-floor symptom the diary read
     * (leaking on a run or since a birth, heaviness): a settled entry does
     * not lift it, a recorded visit (the pelvic-floor check) does */
    bool pelvic_hold;
    /* session 22 (branch diary26): the hold is for a fracture a clinician
     * diagnosed, told in a note ([note_read] fracture_diagnosed): their plan,
     * no running until a visit is recorded (runhip log visit, log cleared);
     * a settled entry does not lift it */
    bool diagnosed_hold;
    /* session 22 (runner22): the [run_answer.ID] sections of
     * data/plan_rules.txt whose answer the assessment gave (hills that
     * hurt): every run session says their advice; space-separated ids, ""
     * none (or a plan stored before them) */
    char run_answers[128];
    /* session 32 (branch run32): the running that came with each warning
     * sign, kept with it, so that the plan, Today, the run mode, the web
     * pages and the report say what the assessment and the diary said
     * (rh_plan_sign_stops_running). flag_running: the assessment's flags
     * in force, "ID:LEVEL:RUNNING" space-separated (its result's level and
     * running of each: data/red_flags.txt running, lowered by running_if or
     * trigger_running); diary_running: the diary's, "ID:RUNNING", the most
     * restrictive an entry or check-in raised it with since it was raised.
     * A sign not listed (a plan or a result stored before them) stops
     * running at a doctor's level, as every one did before. */
    char flag_running[512];
    char diary_running[512];
};

/* One red flag the diary or a check-in raised (st->flag_log): from its
 * first to its latest entry, and the clearance that answered it. */
struct rh_plan_flag_event {
    char id[48];
    int urgency;       /* enum rh_disposition */
    int32_t first, latest;
    int32_t cleared;   /* the day of the clearance, 0 not cleared */
};
/* More events than st->flag_log can hold (each takes at least 10 of its
 * 1024 characters and a real id far more): room enough for all of them. */
#define RH_PLAN_FLAG_LOG_MAX 64
/* The events of st->flag_log, oldest first, at most max into ev; returns
 * how many. */
int rh_plan_flag_log(const struct rh_plan_state *st, struct rh_plan_flag_event *ev, int max);

/* Session 32 (branch run32): THE rule of whether warning sign id stops
 * running until a professional has seen the runner, from its level
 * (urgency: enum rh_disposition) and the running that came with it
 * (running: enum rh_running, -1 not known): a stop always does, and so
 * does care needed today; from data/plan_rules.txt [pain] flag_stop_level
 * (a doctor within days) it does unless the running that came with it is
 * "reduce" or "continue": lowered below the flag's own (data/red_flags.txt
 * running_if, a trigger's trigger_running) or the flag's own at the
 * flag's own level (a groin lump's: rh_assess_flag_disposition): the
 * doctor's visit stays, and running goes on within the pain rule until
 * then, as the assessment and the diary say it (session 32: one answer);
 * a sign raised above its own level keeps no running of that level;
 * running not known (-1: a plan stored before run32) stops it, as before;
 * below that level (a physiotherapist's) it does not. Every place that decides a block (the
 * plan's making, the diary's and check-in's moves, a new assessment's
 * plan keeping the diary's signs, the notice of the plan, Today, the run
 * mode, the web pages and the report) asks it. */
bool rh_plan_sign_stops_running(const struct rh_plan_kb *kb, const char *id, int urgency,
                                int running);
/* The running kept with the assessment's flag id (st->flag_running) as
 * enum rh_running, and its level into *urgency; -1 (and -1) when not kept. */
int rh_plan_flag_running(const struct rh_plan_state *st, const char *id, int *urgency);
/* The running kept with the diary's flag id (st->diary_running), -1 none. */
int rh_plan_diary_running(const struct rh_plan_state *st, const char *id);
/* Whether any flag of the assessment in force (st->red_flags), or of the
 * diary (st->diary_flags, at its own level in st->diary_marks), stops
 * running by rh_plan_sign_stops_running; a flag of the assessment with no
 * level and running kept does. */
bool rh_plan_flags_stop_running(const struct rh_plan_kb *kb, const struct rh_plan_state *st);
bool rh_plan_diary_stops_running(const struct rh_plan_kb *kb, const struct rh_plan_state *st);

/* True when the plan may schedule no running (a red flag waiting for a
 * professional, or a pain rule holding runs until the diary settles). */
bool rh_plan_no_running(const struct rh_plan_state *st);
/* Session 22 (branch diary26b): why running is stopped, which says what
 * lifts it, the one answer every sentence about the stop takes its words
 * from (the check-in, the plan, Today, the diary's replies, the report):
 * a warning sign waits for a professional's clearance (BLOCK, the first:
 * it outranks any hold), a fracture a clinician diagnosed for their
 * clearance (DIAGNOSED), a pelvic-floor symptom for a pelvic-health
 * physiotherapist's check (PELVIC), both recorded as a visit; only the
 * pain rule's own hold (PAIN) is lifted by the diary settling. */
enum rh_hold_kind {
    RH_HOLD_NONE,
    RH_HOLD_PAIN,
    RH_HOLD_PELVIC,
    RH_HOLD_DIAGNOSED,
    RH_HOLD_BLOCK,
};
enum rh_hold_kind rh_plan_hold_kind(const struct rh_plan_state *st);
/* The words of data/plan_rules.txt [section] key for the stop in force
 * (rh_plan_hold_kind): key_blocked, key_diagnosed or key_pelvic where the
 * stop is that kind's and the variant is written, else key itself (the pain
 * rule's hold). The knowledge base's check requires the variants of every
 * key said under those stops (rh_plan_kb_load). NULL when there is no
 * such key. */
const char *rh_plan_hold_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              const char *section, const char *key);
/* The same for a kind given (an entry's own hold, before the plan is moved) */
const char *rh_plan_hold_kind_text(const struct rh_plan_kb *kb, enum rh_hold_kind kind,
                                   const char *section, const char *key);
/* The goal of phase p as every output says it (the terminal's plan, the
 * web's today and plan pages) on day: for the current phase while running is
 * stopped (rh_plan_no_running), its goal_stopped, which does not speak of
 * running as if it went on; while a recorded visit's restriction is in
 * force on day (rh_plan_restricted), the restriction's own goal ([text]
 * goal_visit_OUTCOME); else its goal. Static (the knowledge base). */
const char *rh_plan_phase_goal(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                               enum rh_phase p, int32_t day);
/* True when a professional has cleared every red flag of the assessment
 * (st->cleared_flags, on st->cleared_day) and no red flag has stopped
 * running since: the plan follows that clearance, the assessment's advice
 * to see a doctor first is no longer in force. */
bool rh_plan_after_clearance(const struct rh_plan_state *st);
/* The status of the clearance in force, as one line ("Cleared to run by a
 * professional on 2017-10-26: physio: ok to run."), into out (cap bytes);
 * false with "" when none is in force (none recorded, or a red flag has
 * stopped running since). A recorded visit with another outcome (a
 * restriction, walk-run) is said instead, in its own words
 * (rh_plan_visit_text; kb may be NULL to skip it). The plan, `runhip today`
 * and the web's Today and Plan pages say it so, each time they are shown.
 * Not what a clearance did when it was recorded: that is
 * rh_plan_clearance_effect. kb and st are borrowed; out is the caller's. */
bool rh_plan_clearance_status(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              char *out, size_t cap);
/* The one time frame for seeing someone (review 8 #19): the assessment's
 * disposition when it is urgent or see_doctor_soon, else see_physio; its words are
 * data/wording.txt [disposition] (LEVEL, LEVEL.short). Static, never NULL. */
const char *rh_plan_booking_level(const struct rh_plan_state *st);
/* The reminder to book a visit, shown (the web's Today page) until one is
 * recorded (runhip log cleared, the Diary's "cleared" form): when the
 * assessment advised seeing a physiotherapist or a doctor within days, or
 * the condition's "see someone if" is already met by the answers. The
 * words of rh_plan_booking_level and [text] booking_until into out; false
 * (out "") when no booking is due. */
bool rh_plan_booking(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                     size_t cap);
/* fix18b: the booking of rh_plan_booking when it is the one visit for two
 * reasons (words19: the assessment advised a doctor and the diary logged a
 * warning sign of a physiotherapist's level), or (book23) the booking that
 * sign makes when the assessment booked no one (a change of training,
 * self-care): said by `runhip plan`, the web's Plan page and the calendar's
 * booking event as Today says it. false (out "") otherwise. */
bool rh_plan_booking_both(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                          size_t cap);
/* The most urgent disposition in force (assessment or diary) as an
 * enum rh_disposition value, and the red flags in force (the assessment's
 * and the diary's since it, space-separated, into buf). */
int rh_plan_urgency(const struct rh_plan_state *st);
/* The heading of the "see someone" notice in the words of the most urgent
 * disposition in force (data/wording.txt [disposition] LEVEL.heading: "Get
 * medical help today", never a milder one above it); static, never NULL. */
const char *rh_plan_see_heading(const struct rh_plan_state *st);

/* session 17 (diaryword2): the heading of the warning signs one entry raised
 * (a diary entry, a check-in), by their most urgent level (enum
 * rh_disposition, -1: unknown): below [pain] flag_stop_level data/plan_rules.txt
 * [text] entry_signs_physio, else entry_signs_doctor. True when below (a
 * physiotherapist's level: no red alert). */
bool rh_plan_entry_signs_heading(const struct rh_plan_kb *kb, int urgency, const char **heading);
/* fix19b: whether a warning box of the level urgency (enum rh_disposition,
 * -1: unknown) is the red alert: at or above data/plan_rules.txt [pain]
 * alert_level (care the same day), or unknown; below it (a physiotherapist,
 * a doctor within days) the amber box. The one colour rule of the web's
 * boxes (the plan's notice, a diary entry's or a check-in's signs). */
bool rh_plan_level_alert(const struct rh_plan_kb *kb, int urgency);
void rh_plan_flags_in_force(const struct rh_plan_state *st, char *buf, size_t cap);

/* What the plan builder needs besides the assessment. */
struct rh_plan_inputs {
    const char *const *findings; /* training-load finding ids (borrowed) */
    size_t n_findings;
    double base_weekly_km;       /* RH_NONE when unknown */
    double base_cadence;         /* RH_NONE when unknown */
    int n_base_runs;
    int32_t base_newest_run;     /* newest run before the pain, -1 none stored */
    struct rh_plan_base_out base_out[RH_PLAN_MAX_BASE_OUT]; /* weeks left out */
    int n_base_out;
    int base_pain_days;          /* days run in pain left out */
    /* runner23: runs recorded in the weeks counted when they were too few
     * weeks to stand for the usual ones (rh_load_usual_weeks_covered): the
     * base figures then stay unknown (the runner's answer stands) */
    int base_thin_runs;
    /* review 9 #11: findings[i] dated after the pain began (onset_day) */
    bool findings_after[RH_PLAN_MAX_FINDINGS];
    int32_t onset_day;           /* 0 unknown */
    int recent_runs;             /* runs of the 4 weeks before the start, -1 unknown */
    bool recent_thin;            /* session 24: too few of those weeks hold a run */
    bool base_recent;            /* review 10 #10: base from recent tolerated running */
};

/* Builds a fresh plan state from an assessment's result JSON (the shape of
 * the assessment part). A malformed document gives RH_EFORMAT naming the
 * field; an unknown finding id gives RH_EKEY. */
int rh_plan_build(const struct rh_plan_kb *kb, const char *result_json, int64_t assessment_id,
                  int32_t today, const struct rh_plan_inputs *in, struct rh_plan_state *out,
                  struct rh_err *err);

/* Pre-injury figures from the stored runs: mean weekly km over the `weeks`
 * weeks before before_day (running sports only) and the mean cadence of those
 * runs. Figures are RH_NONE when there is no run. Returns 0 or an error. */
int rh_plan_base_from_activities(const struct rh_activity *a, size_t n, int32_t before_day,
                                 int weeks, double *weekly_km, double *cadence, int *n_runs);

struct rh_load_report; /* runhip/load.h */
/* The volume before the pain from the load report built as of the day
 * before the pain began (r->as_of == before_day - 1, else RH_EINVAL): the
 * mean of the usual weeks of the `weeks` before it, leaving out the weeks
 * the report's findings flag as a weekly jump or a long-run spike (in
 * in->base_out) and the runs of days logged with pain above pain_max (counted
 * in in->base_pain_days); cadence: the median of the runs of all `weeks`
 * weeks (a flagged week's too), those of days logged in pain left out, as
 * the load report takes it. Fills the base fields of *in (RH_NONE when no
 * run is kept); 0, RH_EINVAL or RH_ENOMEM. */
int rh_plan_base_from_report(const struct rh_load_report *r, int32_t before_day, int weeks,
                             int pain_max, struct rh_plan_inputs *in);

/* State <-> JSON text (the stored form). to_json: *json freed with rh_free.
 * from_json: RH_EFORMAT on a malformed document. */
int rh_plan_state_to_json(const struct rh_plan_state *st, char **json, struct rh_err *err);
int rh_plan_state_from_json(const char *json, struct rh_plan_state *st, struct rh_err *err);

/* Records that a professional cleared the runner to run again. */
void rh_plan_clear(struct rh_plan_state *st, int32_t day, const char *note);
/* Dates the plan's making (its start, the phase begun then and the move that
 * says so) on `day`, its assessment's local day in the runner's zone now
 * (rh_tz_day of the assessment's instant): a plan stored before the runner
 * named a zone, or moved, was dated in the zone of then. Diary and check-in
 * days stay. Returns whether anything changed. */
bool rh_plan_redate(struct rh_plan_state *st, int32_t day);
/* Records a visit to a doctor or physiotherapist (v checked with
 * rh_visit_check): the red flags in force were seen, as rh_plan_clear, and
 * running follows what the clinician decided: cleared, no running (or
 * cross-training only) before v->day + 7 x weeks (st->run_from: the
 * calendar's run days until then are rest, or cross-training), or walk-run
 * (the walk-run ladder in place of the plan's own first running step). */
void rh_plan_visit(struct rh_plan_state *st, const struct rh_visit *v);
/* True when the visit's restriction stops running on day. */
bool rh_plan_restricted(const struct rh_plan_state *st, int32_t day);
/* The recorded visit in one sentence for the runner ([text] visit_*), or
 * false (buf "") when none with an outcome other than cleared is recorded. */
bool rh_plan_visit_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *buf,
                        size_t cap);
/* What the plan is made for, one or two sentences: the top-ranked condition
 * of the assessment, or a general pain-guided plan and why (too few answers
 * to rank the causes, and which answers would make it specific). */
void rh_plan_made_for(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *buf,
                      size_t cap);
/* What a clearance just recorded did to the plan, said once in the reply to
 * it (`runhip log cleared`, the web Diary's form), in one or two sentences
 * for the runner (st after rh_plan_clear): back to what the assessment
 * advised, or the three-day test first when it advised no running ([text]
 * cleared_back, cleared_test), and a kept bone-stress caution
 * (cleared_bone_kept). Not the status line of the clearance in force:
 * that is rh_plan_clearance_status. kb and st are borrowed; buf the caller's. */
void rh_plan_clearance_effect(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              char *buf, size_t cap);
/* The same reply when the plan had no running block (session 33, branch
 * hyg33): the warning signs in force the clearance ends (st->cleared_flags),
 * each by the heading the runner was shown (st->cleared_titles: a diary
 * sign's own, session 34, hyg34; else the rule's title) ([text]
 * cleared_no_block, cleared_no_block_one), or
 * that there was none (cleared_no_block_none), and a kept bone-stress
 * caution (cleared_bone_kept). st after rh_plan_clear; borrowed as above. */
void rh_plan_clearance_ended(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                             char *buf, size_t cap);
/* The whole reply to a clearance just recorded (st after rh_plan_clear,
 * was_blocked as rh_diary_cleared gives it), the same for `runhip log
 * cleared` and the web Diary's form: with no assessment yet, whether the
 * running block is lifted, the signs it ends named as above (or that none
 * was in force) and the way to a plan ([text] cleared_unassessed*,
 * session 34, hyg34); else
 * rh_plan_clearance_effect after a block, rh_plan_clearance_ended without
 * one. kb and st are borrowed; buf is the caller's. */
void rh_plan_clearance_reply(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                             bool was_blocked, char *buf, size_t cap);
/* What a visit just recorded does to the plan, for `runhip log visit` and
 * the web Diary's visit form alike (st after rh_plan_visit, was_blocked as
 * rh_diary_visit gives it): the visit's own restriction or walk-run
 * (rh_plan_visit_text); a clearance's reply as rh_plan_clearance_reply
 * says it (a running block lifted, or the warning signs a clearance ends
 * without one; before any assessment too, session 34, hyg34). False with
 * buf "" when there is nothing to say (a restriction before any
 * assessment: each front end then says how to make a plan). kb and st are
 * borrowed; buf is the caller's. */
bool rh_plan_visit_reply(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                         enum rh_visit_outcome outcome, bool was_blocked, char *buf, size_t cap);

/* ---- the pain-monitoring rule ---------------------------------------------- */

enum rh_pain_verdict {
    RH_PAIN_GOOD = 0,  /* safe and settled: counts towards moving on */
    RH_PAIN_STAY,      /* acceptable: stay at this stage */
    RH_PAIN_STEP_BACK, /* too much: one stage back */
    RH_PAIN_SEE,       /* a red flag or rising pain: see someone */
};

/* What the verdict means, in the words of data/wording.txt [verdict]
 * ("acceptable: stay at this stage"); static, never NULL. */
const char *rh_pain_verdict_text(enum rh_pain_verdict v);

struct rh_pain_result;
/* What one judged entry means (res is the caller's): the verdict's words,
 * but a pelvic-floor hold, which is no judgement of the pain, in its own
 * ([verdict] hold_pelvic); static, never NULL. Said alike by the terminal's
 * and the web's reply to an entry. */
const char *rh_pain_result_verdict(const struct rh_pain_result *res);

struct rh_triage; /* runhip/triage.h */

struct rh_pain_result {
    enum rh_pain_verdict verdict;
    int activity_pain;     /* during the activity; -1 for a pain-now entry */
    bool is_activity;      /* the entry has activity pain (--during-run) */
    bool hold;             /* a pain rule stops running until the diary settles */
    bool diagnosed;        /* session 21 (branch diary25): the note tells a fracture a
                              clinician diagnosed ([note_read] fracture_diagnosed): the
                              verdict says to follow their plan, no running until cleared */
    bool pelvic_hold;      /* session 20: with hold, the hold is the pelvic-floor one
                              (the note, not the pain: a visit lifts it) */
    bool settles;          /* the entry is settled: lifts a hold */
    bool blocked;          /* session 21: after the entry a warning sign in force
                              still stops running until a professional has seen
                              it (the plan's blocked): a pain within the rule is
                              said as such, not "keep going" */
    bool red_flag;         /* the triage raised a red flag that needs a professional */
    bool flag_physio;      /* session 17 (diaryword): with red_flag, every red flag of the
                              entry stands below data/plan_rules.txt [pain] flag_stop_level
                              (a physiotherapist's level) and running was not stopped
                              before: running goes on within the pain rule until the
                              physiotherapist has seen it (physio says how); the plan
                              keeps the signs in force without blocking running */
    bool pain_free;        /* judged by the pain-free rules (bone stress) */
    bool no_plan;          /* session 22: judged without a plan (no assessment yet):
                              the verdict speaks of the pain rule, not of a phase */
    bool moved;            /* the phase or ladder step changed */
    enum rh_phase from, to;
    int ladder_from, ladder_to;
    bool test_judged, test_passed;
    char why[1000];         /* the reasons, one sentence each */
    char hold_cause[240];   /* with hold: what held it, as a clause ("pain during
                               activity was 8/10 (7 or more)"), else "" */
    char physio[1000];      /* the time rule on persisting or returning pain, or "":
                               said when it first applies or its level changes
                               (loop16), not again at each entry after */
    bool physio_due;        /* the time rule applies (said now or before) */
    int see_level;          /* with RH_PAIN_SEE from the pain rule itself (no red flag):
                               the enum rh_disposition it calls for, whose words
                               (data/wording.txt [disposition]) give the time frame;
                               else -1 */
};

/* Session 22 (branch diary26b): an entry judged without a plan (st NULL)
 * said under the stop kept before any assessment (held: that state, NULL
 * none): a pelvic-floor symptom's or a diagnosed fracture's hold is not
 * lifted by the pain rule, so its verdict says the hold (res->pelvic_hold,
 * res->diagnosed) and pain within the rule is not "keep going in this
 * phase" ([text] judge_stay_held with what lifts it). */
void rh_plan_judge_held(const struct rh_plan_kb *kb, const struct rh_plan_state *held,
                        const struct rh_pain_entry *e, struct rh_pain_result *res);
/* Judges the newest entry entries[n-1] (entries oldest first, including
 * earlier ones for the week-on-week and rising checks) without changing
 * anything. st may be NULL (no plan). triage: the entry's red flags
 * (runhip/triage.h), or NULL. */
int rh_plan_judge(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                  const struct rh_pain_entry *entries, size_t n, const struct rh_triage *triage,
                  struct rh_pain_result *res, struct rh_err *err);
/* Moves the plan as a judged entry says (res from rh_plan_judge; its move
 * fields are filled in). strength_sessions: strength sessions logged since
 * st->phase_day. */
int rh_plan_move(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                 const struct rh_pain_entry *entries, size_t n, const struct rh_triage *triage,
                 int strength_sessions, struct rh_pain_result *res, struct rh_err *err);
/* The entry triaged without an assessment context (rh_triage_entry), then
 * rh_plan_judge and (st not NULL) rh_plan_move. */
int rh_plan_on_pain(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                    const struct rh_pain_entry *entries, size_t n, int strength_sessions,
                    struct rh_pain_result *res, struct rh_err *err);

/* The weekly check-in moves the plan (rules at rh_plan_on_checkin in
 * plan.c, thresholds in data/plan_rules.txt [checkin]); triage: the red
 * flags of its note or signs, or NULL. why (cap bytes) gets the reasons. */
int rh_plan_on_checkin(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                       const struct rh_checkin *ck, const struct rh_triage *triage, char *why,
                       size_t cap, bool *moved);

/* ---- the daily loop (store + rules): what the program and the server call ---- */

/* The plan of the latest assessment: the stored one, or made now (and
 * stored) from the assessment, the runner's volume before the pain began
 * (the assessment's duration_days) and the training-load findings. A plan
 * made after a re-assessment keeps the history and the clearance of the plan
 * before it. RH_ENOTFOUND (with a message) when there is no assessment. */
int rh_plan_current(struct rh_store *s, const struct rh_plan_kb *kb, int64_t *plan_id,
                    struct rh_plan_state *st, struct rh_err *err);

/* The result JSON of the assessment the plan st was made from, when it is
 * still the latest one stored, for the warning list's reasons
 * (rh_plan_text_assessed and the pages); NULL when there is none or a newer
 * assessment has no plan yet. Owned by the caller (rh_free). */
char *rh_plan_assessment_result(struct rh_store *s, const struct rh_plan_state *st);

struct rh_diary_outcome {
    int64_t entry_id;
    bool attached;               /* --next-morning went to the day before's entry */
    int32_t attached_day;
    int attached_during;
    struct rh_pain_result attached_result; /* that entry judged (when attached) */
    struct rh_triage triage;     /* red flags this entry raised */
    struct rh_pain_result pain;  /* the pain rule on this entry */
    bool have_plan;
    int64_t plan_id;
    struct rh_plan_state st;     /* the plan after the entry */
    int urgency;                 /* enum rh_disposition the entry calls for */
    bool blocked;                /* after the entry no running is scheduled */
    /* a clinician's restriction in force on today (rh_plan_restricted): of
     * the plan, or without an assessment of the state that keeps the
     * diary's red flags and visits (rh_diary_unassessed); said apart from
     * blocked, as plan --json says it (words14) */
    bool restricted;
    /* which morning a next-morning figure that completed no earlier entry
     * was taken as, in words ([text] morning_alone, morning_today): "" when
     * it needs no word (attached, or an entry of an earlier day) */
    char morning_note[400];
};

/* Logs a pain entry (*in: day, pain, during_run, next_morning, note;
 * signs: RH_BIT(RH_SIGN_*) given as structured signs) and moves the plan, in
 * one transaction: nothing is stored when anything fails. A date after
 * today is RH_ERANGE. The next-morning figure, the same in the terminal and
 * the web form: given alone (no pain during activity), it is this morning's
 * pain after the day before's activity and completes that day's activity
 * entry that lacks one (judged first; this entry is stored as pain now);
 * with no such entry it stays on this entry as this morning's pain. Given
 * with pain during activity, it is the morning after that same activity
 * (a whole activity logged the morning after, or with its date); for an
 * entry of today out->morning_note says which morning it was taken as. */
int rh_diary_pain(struct rh_store *s, const struct rh_plan_kb *kb, const struct rh_pain_entry *in,
                  uint32_t signs, int32_t today, struct rh_diary_outcome *out, struct rh_err *err);

/* The morning of a stored entry's morning figure, one rule for every
 * diary view (runner18): given with no pain during activity that day
 * (during_run < 0), next_morning is that day's own morning, not the next
 * one, and the views say it "3 that morning" (`runhip log list`, the web
 * Diary, the report's diary; never under the next morning); given with an
 * activity, it is the next morning's. Returns the words said after the
 * figure (data/wording.txt [text] diary.that_morning: "that morning") for an
 * own morning, NULL when the entry has no morning figure or it is the next
 * morning's. e: read only, not kept (the caller's). The words returned are
 * the library's, static: never freed, valid while the program runs. */
const char *rh_pain_own_morning(const struct rh_pain_entry *e);

/* The words said after a new entry's morning figure in the reply to it
 * (`runhip log pain`, the web entry): "this morning" for that day's own
 * morning, "the next morning" for the morning after an activity, the same
 * rule as rh_pain_own_morning (data/wording.txt [text] diary.this_morning,
 * diary.next_morning). NULL when the entry has no morning figure. Static
 * words of the library, never freed. */
const char *rh_pain_reply_morning(const struct rh_pain_entry *e);

struct rh_checkin_outcome {
    struct rh_triage triage;     /* red flags of the check-in's note and signs */
    bool have_plan;
    struct rh_plan_state st;     /* the plan after the check-in */
    bool moved;
    enum rh_phase from;
    char why[2000];
    /* words19: why without its warning-sign sentences (what a banner of the
     * signs, the web's, already says): what running does meanwhile and what
     * the score does; the whole of why when there are no signs */
    char why_rest[2000];
    bool blocked;
    /* one check-in a week (Monday to Sunday): it replaced the one of
     * replaced_day, and replaced_text says so (data/plan_rules.txt
     * [checkin] replaced, with that date) */
    bool replaced;
    int32_t replaced_day;
    char replaced_text[400];
};
/* Stores a scored check-in (ck from rh_ostrc_score), triages its note and
 * signs through the assessment's red-flag rules and moves the plan, in one
 * transaction. One check-in a week is kept: one already stored for the same
 * Monday-to-Sunday week is replaced (out->replaced). A date after today is
 * RH_ERANGE. */
int rh_diary_checkin(struct rh_store *s, const struct rh_plan_kb *kb, const struct rh_checkin *ck,
                     const char *note, uint32_t signs, int32_t today,
                     struct rh_checkin_outcome *out, struct rh_err *err);

/* The red flags diary entries and check-ins raised while there is no
 * assessment yet, kept in a plan state without an assessment (assessment_id
 * 0; only its flag fields mean anything: diary_flags, diary_urgency, blocked,
 * block_reason, see_someone, see_why, cleared*): 0 with *st, or RH_ENOTFOUND
 * when an assessment exists (its plan says the flags) or none was raised.
 * rh_plan_unassessed_text and _json render it. */
int rh_diary_unassessed(struct rh_store *s, struct rh_plan_state *st, struct rh_err *err);

/* A new assessment's plan keeps the red flags the diary raised before it
 * (old: the plan before, or the state rh_diary_unassessed keeps) until a
 * professional's clearance is recorded after them: they stay in force (no
 * running, whom to see) and the plan says why in plain words, once (a flag
 * the new assessment raises itself is not said again). They lapse only when
 * the latest of them is older than [pain] diary_flag_keep_days of
 * data/plan_rules.txt on the assessment day (day) and later_entries: diary
 * entries were logged after it that no longer raised it. A hold of the pain
 * rule (old->hold: pain getting worse quickly, severe or unsettled pain) is
 * kept too, with its reason, pain flags and urgency: a questionnaire does not
 * settle the pain; the next entry that settles lifts it, or a clearance. */
void rh_plan_keep_diary_flags(const struct rh_plan_kb *kb, const struct rh_plan_state *old,
                              struct rh_plan_state *st, int32_t day, bool later_entries);

/* True when the plan keeps a red flag the diary raised before its own
 * assessment and that assessment did not raise (rh_plan_keep_diary_flags). */
bool rh_plan_keeps_diary_flags(const struct rh_plan_state *st);

/* True when the red flag `id` (a data/red_flags.txt id) raised by the diary
 * or a check-in is in force in the plan (st->diary_flags). Borrows both. */
bool rh_plan_diary_flag_in_force(const struct rh_plan_state *st, const char *id);

/* Records a clearance by a professional on day (not after today) in the
 * current plan (without an assessment: of the red flags rh_diary_unassessed
 * keeps); *was_blocked: running had been stopped. */
int rh_diary_cleared(struct rh_store *s, const struct rh_plan_kb *kb, int32_t day, int32_t today,
                     const char *note, struct rh_plan_state *st, bool *was_blocked,
                     struct rh_err *err);
/* Records a visit and its outcome (v->day not after today, RH_ERANGE; a
 * malformed restriction: rh_visit_check's error) in the store's visit
 * table and in the current plan (rh_plan_visit), in one transaction:
 * nothing is stored when anything fails. As rh_diary_cleared without an
 * assessment. */
int rh_diary_visit(struct rh_store *s, const struct rh_plan_kb *kb, const struct rh_visit *v,
                   int32_t today, struct rh_plan_state *st, bool *was_blocked,
                   struct rh_err *err);

/* ---- the notice: what every output of the plan says first ------------------- */

enum rh_notice_kind {
    RH_NOTICE_NONE = 0, /* nothing to warn about */
    RH_NOTICE_BLOCK,    /* no running until a professional clears the runner */
    RH_NOTICE_HOLD,     /* no running until the diary settles (the pain rule) */
    RH_NOTICE_SEE,      /* running goes on; see someone */
};

#define RH_NOTICE_MAX_FLAGS 24
struct rh_notice_flag {
    const char *id;   /* red-flag id (static, the assessment's knowledge base) */
    const char *name; /* its plain-language name (static) */
    int urgency;      /* enum rh_disposition of where it was entered */
    bool diary;       /* entered in the diary or a check-in (else the assessment) */
    char from[320];   /* where and when, in words: "logged on 2026-11-20" */
    char why[RH_ASSESS_FLAG_WHY_LEN]; /* the assessment's rule and answers (result_json
                                         given), "" else: rh_text_reason words it */
    char matters[RH_ASSESS_WHY_LEN]; /* one a diary note raised: why what it said matters (the
                          rule's reason, plain words), "" else */
    char title[300];  /* how every output names it: what was seen in this person
                         (rh_assess_flag_title, review 9 #5: "Sweating at night"),
                         the flag's plain title when that is not known */
    char said[200];   /* what the runner wrote, quoted ("\"sweat heavily at night\""),
                         when a note raised it, else "" (the clinician's report
                         shows it beside the name) */
    char said_on[11]; /* the day of that note, "YYYY-MM-DD", "" when not known */
};

/* The plan's notice, one for every output (the terminal's plan, assess and
 * today, the web's plan, today and assessment pages): its parts are shown in
 * the order of the fields, the most urgent first, each flag and the action
 * said once. */
struct rh_plan_notice {
    enum rh_notice_kind kind;
    int urgency;          /* rh_plan_urgency: the most urgent disposition in force */
    const char *heading;  /* the action ("Get medical help today"), or for a hold
                             "No running until the pain settles" (static) */
    char stop[700];       /* the rule for running and the reasons that are not
                             flags, a sentence; "" for RH_NOTICE_SEE */
    int n_flags;          /* the red flags in force, most urgent first, each once */
    struct rh_notice_flag flags[RH_NOTICE_MAX_FLAGS];
    char action[1000];    /* what to do, without the heading again */
    char not_covered[700]; /* a clearance that does not cover this, or "" */
    char comeback[400];   /* how running comes back (the terminal's words; the web
                             links the diary instead) */
    bool kept;            /* a red flag or a hold the diary raised before the
                             plan's assessment is in force (the assessment alone
                             does not say it) */
    bool diary;           /* a red flag or a hold the diary raised, before or
                             after the plan's assessment, is in force: the notice
                             stands over the assessment's own advice */
    int care;             /* the care to show with the assessment (enum
                             rh_disposition): its own disposition, raised to the
                             urgency of what the diary keeps in force */
    char care_why[600];   /* when care is above the assessment's own: why, in words */
    /* what to do now, when the notice stops running the assessment allowed or
     * asks for more care than it did: every "what to do now" says these, not
     * the assessment's own levels (which then come after todo_after) */
    bool overrules;
    char todo_care[300];    /* the care with its time frame, a sentence */
    char todo_running[300]; /* the running, a sentence */
    char todo_why[900];     /* the reason in plain words, a sentence or two */
    char todo_why_above[400]; /* the same under the notice, which lists the
                               diary's warning signs: without the list again
                               ("... still in force (listed above) ..."); ""
                               when todo_why names none */
    char todo_after[400];   /* "When ... cleared you, your answers point to: see a
                               physiotherapist within 1-2 weeks; less running, ..." */
    /* review 10 (child10): a parent answered for a child (the plan's
     * for_child): the sentences above are said of the child (data/wording.txt
     * [text] child_person, "advised your child to stop running"), and every
     * output says a flag's answers so ("because your child is 13") */
    bool child;
    /* review 11 #5: the hold waits for a pelvic-floor check (st->pelvic_hold),
     * not for the diary to settle */
    bool pelvic;
    /* session 22 (branch diary26): the hold waits for the clinician who
     * diagnosed a fracture told in a note (st->diagnosed_hold) */
    bool diagnosed;
    /* session 17 (diaryword2): a notice of a physiotherapist's level only
     * (the diary's signs below [pain] flag_stop_level, running goes on):
     * heading [text] flag_physio_heading, shown without the red alert */
    bool physio;
    /* fix19b: the notice's level (urgency) asks for care the same day
     * (rh_plan_level_alert): the red alert; else the amber box */
    bool alert;
    /* session 21 (branch diary25): a later note told a clinician has seen
     * it (st->seen_told_day): heading and action say to record the visit */
    bool seen_told;
};

/* Fills *out from the plan state; result_json: the assessment's stored
 * result (NULL: the flags' reasons stay ""). 0, or RH_ENOMEM. */
int rh_plan_notice(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                   const char *result_json, struct rh_plan_notice *out, struct rh_err *err);
/* True while a warning sign that needs medical help today stops all
 * training: every day of the calendar is the same rest ("No training: get
 * medical help first") and the iCalendar export holds that one event, on its
 * first day, with the reason. */
bool rh_plan_all_stopped(const struct rh_plan_state *st);
/* True while running is blocked until a professional has seen the runner
 * (a red flag not yet cleared with runhip log cleared) and nothing is urgent:
 * the calendar loads the hip in no way (no hip or leg exercise, no
 * cycling, swimming or other cross-training), only rest and, on the strength
 * days, seated upper-body work, each day saying why ([text] blocked_*). */
bool rh_plan_seen_first(const struct rh_plan_state *st);
/* Review 10 #4: true while the plan stops running and leg exercise (a red
 * flag of the assessment or the diary not yet cleared, advice to stop
 * running, urgent care: st->blocked): the training findings prescribe
 * nothing now (rh_load_shown_defer), the terminal's load, the Training page
 * and /api/load alike. */
bool rh_plan_defers_training(const struct rh_plan_state *st);
/* The same for the store: the plan of the latest assessment
 * (rh_plan_current, made and stored when there is none yet), else the red
 * flags kept before any assessment (rh_diary_unassessed); *defer false
 * without either. 0 or their error. */
int rh_plan_training_deferred(struct rh_store *s, const struct rh_plan_kb *kb, bool *defer,
                              struct rh_err *err);
/* The pain rule in force in one line with its sources ("[...]"): the
 * bone-stress variant (no pain acceptable) when one is suspected. */
const char *rh_plan_pain_rule_summary(const struct rh_plan_kb *kb, const struct rh_plan_state *st);
/* Whether the plan's move i says what move i-1 said (the same day, phases
 * and words: a plan made again from a second assessment of the same day,
 * words18): its history line is said once. */
bool rh_plan_move_repeated(const struct rh_plan_state *st, int i);
/* What a logged session of kind k is answered with while a warning sign
 * blocks the plan ([text] blocked_session, urgent_session, then "Why: " and
 * the block's reason), the same in the terminal and the web app; "" when
 * nothing blocks, for a rest day, or when there is no plan. out holds cap
 * bytes. 0, or an error other than "no assessment". */
int rh_diary_session_reminder(struct rh_store *s, const struct rh_plan_kb *kb,
                              enum rh_session_kind k, char *out, size_t cap, struct rh_err *err);

/* What to do now under the notice, in place of the assessment's own levels,
 * in the order every output says it: [0] the care with its time frame, [1]
 * the running, [2] the reason, [3] what the answers alone point to once it
 * is lifted; the one list of those sentences that the terminal's assess,
 * the web's assessment page and the hand-off report lay out and escape.
 * Returns RH_NOTICE_TODO_PARTS, or 0 (out untouched) when the notice (may
 * be NULL) does not overrule the answers (n->overrules). The pointers point
 * into n. */
#define RH_NOTICE_TODO_PARTS 4
int rh_plan_notice_todo(const struct rh_plan_notice *n, const char *out[RH_NOTICE_TODO_PARTS]);
/* Whether the notice (may be NULL) stops running, for the heading of the
 * assessment's "what helps" list (rh_text_advice_heading): a block until a
 * professional clears it, a hold until the diary settles, or neither. */
enum rh_advice_when rh_plan_notice_advice(const struct rh_plan_notice *n);

/* The notice as text for the terminal (wrapped at 78 columns), its parts in
 * the order of the struct, then care_why when set; appended to out; nothing
 * when kind is RH_NOTICE_NONE. */
int rh_plan_notice_text(const struct rh_plan_notice *n, struct rh_buf *out);

/* ---- calendar and output ---------------------------------------------------- */

struct rh_plan_day {
    int32_t day;
    char kind[16];        /* strength mobility cross_train run test rest */
    char title[160];
    char detail[2048];    /* what to do, one item a line ("\n" separated) */
    int n_daily;          /* exercises done every day (a rest day with some is an event) */
};

/* The sessions of ndays days from from_day (ndays <= 366). *out: rh_free. */
/* While a warning sign waits for a professional (the days are rest or seated
 * upper-body work): the rule for every day, said once, with its reason and
 * the sources of the warning signs in force ("[GGC-RF, NICE-OA]"). false
 * (buf "") when no such block is in force. */
bool rh_plan_block_note(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *buf,
                        size_t cap);
/* The same rule under the notice, which names the warning signs and their
 * reasons: the reason not said again ([text] blocked_why_above), so a page
 * or the terminal's plan lists them once. */
bool rh_plan_block_note_under(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              char *buf, size_t cap);
/* The calendar event for the visit to book (review 8, 12 and 19): its title
 * ("Book a visit: see a physiotherapist within 1-2 weeks") and a description
 * that stands on its own (what to do, why in plain words, the sources that
 * apply, how to record the visit); the time frame is the one of
 * rh_plan_booking_level, or under a block the warning sign's in force. false
 * when no visit is due, or a warning sign needs a doctor today (that day's
 * event says so). */
bool rh_plan_booking_event(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                           char *title, size_t tcap, char *desc, size_t dcap);
/* The exercises the plan prescribes in its current phase (its strength days,
 * its mobility day, and what is done every day), in that order, at most max;
 * none while a block or a same-day warning sign keeps the hip unloaded. For
 * the hand-off report's "Exercises prescribed" (review 8, 21). */
size_t rh_plan_prescribed(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                          const struct rh_exercise **out, size_t max);
/* The last index of the days alike to days[i] in a row (the same title and
 * detail), so terminal and web fold them the same way: "from ... to ...,
 * every day". */
int rh_plan_day_run(const struct rh_plan_day *days, int n, int i);
/* Session 26 (ux26): the plan's History line of move i ("2026-11-25 Calm it
 * down -> Restore motion: 2 good diary entries in a row, pain now 1/10"), as
 * `runhip plan` prints it and the web's Plan page lists it (the page said
 * only the phase and its day, never why it moved); false (out "") for a
 * move said already (rh_plan_move_repeated) or out of range. */
bool rh_plan_history_line(const struct rh_plan_state *st, int i, char *out, size_t cap);
/* Session 26 (ux26): the plan's notes on exercises, as `runhip plan` prints
 * them and the web's Plan page shows them (the page had neither: a runner on
 * the web never learnt that clamshells or foam rolling are left out for a
 * gluteal tendinopathy, nor why): the exercises of later phases under
 * not_yet_head ("Not yet:"), each "NAME (from phase N): why", and those left
 * out for the condition under left_out_head ("Left out for NAME:"), each
 * "NAME: why [sources]"; items one a line, "" (and no heading) when none. */
struct rh_plan_ex_notes {
    char not_yet_head[300];
    char not_yet[8192];
    char left_out_head[400];
    char left_out[16384];
};
void rh_plan_exercise_notes(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                            struct rh_plan_ex_notes *out);
/* Session 27 (webplan27): an exercise name a runner may not know ("TFL
 * release with a ball", "Copenhagen adduction") says what it is in plain
 * words where it first appears on a screen (`runhip plan`, `runhip today`,
 * the web's Plan and Today pages), from its [exercise.ID] plain: the names
 * said so far on one screen, zeroed before its first text. */
struct rh_plan_said {
    unsigned char bits[RH_PLAN_MAX_EXERCISES / 8];
};
/* Copies text into out (cap bytes, cut at cap) with every exercise name in
 * it that has plain words and that said has not had yet followed by them at
 * its first mention: "NAME (PLAIN)", or "NAME (WHAT; PLAIN)" for a name that
 * ends in brackets of its own; marks those names said. Names match whole,
 * as written (case and all). */
void rh_plan_plain_names(const struct rh_plan_kb *kb, struct rh_plan_said *said, const char *text,
                         char *out, size_t cap);
/* Session 27 (webplan27): parts of `runhip plan` the web's Plan page did not
 * show, now from these calls on both (a runner using only the web app never
 * saw the pain rule after each session nor the training findings that
 * shaped the plan). The assessment's advice with when it is for
 * ("Assessment advice: ...; running: ..."), into out (cap bytes); 0 or
 * RH_ENOMEM. */
int rh_plan_advice_line(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                        size_t cap);
/* Since when the plan is in its phase and its good diary entries in a row
 * ("Current phase since D; good diary entries in a row: N."). */
void rh_plan_phase_since(const struct rh_plan_state *st, char *out, size_t cap);
/* In the return phase: the three-day test still to pass before the first
 * run, or the walk-run ladder's stage; false (out "") otherwise. Without how
 * to log it: [plan_words] three_day_log is the terminal's command. */
bool rh_plan_return_step(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                         size_t cap);
/* The findings of the runner's training data that shaped the plan (each a
 * line: the week's findings first, then the run's, each with its advice and
 * sources, those after the pain began labelled so), under the heading
 * rh_plan_findings_heading ("From your training data", no colon); the
 * count (0: none, out ""). RH_PLAN_FINDINGS_CAP bytes hold them all. */
#define RH_PLAN_FINDINGS_CAP 4096
int rh_plan_findings(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                     size_t cap);
const char *rh_plan_findings_heading(void);
/* The pain rule to judge each session by, in full with its sources (the
 * variant in force: a bone-stress suspicion, a pelvic-floor hold, ...; said
 * of a parent's child), under rh_plan_pain_rule_heading ("Pain rule after
 * each session", no colon; [plan_words] pain_rule_log is the terminal's
 * command to log it). */
void rh_plan_pain_rule_after(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                             char *out, size_t cap);
const char *rh_plan_pain_rule_heading(void);
/* Session 26 (ux26): the exercises the days' details name (an item
 * "- NAME: DOSE", or the daily line's "NAME, DOSE"), each once, in the
 * order they first appear: out (owned by kb), at most max; the count. Their
 * desc says how to do them, which no page or command showed: "Pallof
 * press: 2-3 x 10 each side" alone left a runner guessing. `runhip today`,
 * `runhip plan` and the web's Today and Plan pages list them under [text]
 * howto_head / howto_plan_head with howto_dose. */
size_t rh_plan_days_exercises(const struct rh_plan_kb *kb, const struct rh_plan_day *days, int n,
                              const struct rh_exercise **out, size_t max);
/* Whether a dose of ex[0..n) has sets ("2-3 x 10-12"): the terminal and
 * the web then say what such a dose means ([text] howto_dose) first.
 * Borrows ex. */
bool rh_plan_doses_have_sets(const struct rh_exercise *const *ex, size_t n);
int rh_plan_calendar(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                     int32_t from_day, int ndays, struct rh_plan_day **out,
                     struct rh_err *err);

/* Weekly running volume targets from the first running week: up to max
 * weeks into km[]; returns the number written (0 when running is off). */
int rh_plan_volume(const struct rh_plan_kb *kb, const struct rh_plan_state *st, double *km,
                   int max);
/* The runs a week of the phases before return to running while runs are
 * only reduced: the runner's usual number before the pain (st->n_base_runs
 * over the weeks counted; data/plan_rules.txt [volume] runs_per_week when
 * unknown), at least 1, at most the run days of week.rehab_reduced, and no
 * more than the runs recorded in the last 4 weeks, unless the runner gave
 * their own number and those runs are too patchy to show their week
 * (st->recent_thin, session 24). */
int rh_plan_reduced_runs(const struct rh_plan_kb *kb, const struct rh_plan_state *st);
/* Where the number of runs a week of the calm phases comes from, said when
 * it is not the weeks before the pain (review 9 #9): capped by the runs
 * recorded in the last 4 weeks, or an assumption ([text] runs_recent,
 * runs_assumed); false (out "") otherwise or when runs are not reduced. */
bool rh_plan_runs_said(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                       size_t cap);
/* Whether the plan needs the runner's number of runs a week: runs are only
 * reduced in the phases before return to running, and neither the runs
 * recorded before the pain nor those of the last 4 weeks give it (too
 * patchy ones do not: st->recent_thin), nor an answer (st->runs_answered).
 * The return-to-run ladder's own frequency does not depend on it ([volume]
 * runs_per_week, a run every other day).
 * Then question (cap bytes) gets the words to ask ([text] runs_question). */
bool rh_plan_runs_ask(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *question,
                      size_t cap);
/* The runner's answer, n days a week (1..7, else RH_ERANGE naming the
 * range): kept in the latest plan (made first when the latest assessment
 * has none), in one transaction; *st the plan after it. RH_ENOTFOUND with
 * no assessment. The calm weeks then plan that many runs
 * (rh_plan_reduced_runs), capped as before. */
int rh_plan_set_runs(struct rh_store *s, const struct rh_plan_kb *kb, int n,
                     struct rh_plan_state *st, struct rh_err *err);
/* The km of such a week, what those runs add up to: reduce_fraction of the
 * volume before the pain, or the runs times rehab_run_km_max when that is
 * less; RH_NONE when the volume before the pain is unknown. The first week
 * of rh_plan_volume while runs are reduced. */
double rh_plan_reduced_km(const struct rh_plan_kb *kb, const struct rh_plan_state *st);

/* The parts of the plan that `runhip plan` prints and the web's Plan page
 * shows, made here once (words17: the page lacked them): the words are the
 * same, each rendered by its own front end. Sources stay as "[KEY; KEY]"
 * lists for the front end to number (rh_text_finish, the web's plain()). */

/* The condition's note and when to see someone: note (said under a block
 * or after a clearance, and of a parent's child), see ("limping, pain above
 * 5/10, or a pop ...") and its sources, met: the triggers the runner's own
 * answers already meet and whom to see when ("" when none). False (all "")
 * when the plan has no condition. */
struct rh_plan_see {
    char note[1000];
    char see[400];
    char see_heading[64]; /* "See someone if" */
    char source[200];
    char met[400];
};
bool rh_plan_see_someone(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                         struct rh_plan_see *out);

/* One phase of the plan: its number and name, where the runner is (current,
 * done: before the current one, whose goal and criteria are not repeated),
 * and for the others its goal, entry and exit criteria (each said of a
 * parent's child) with the sources of the exit. */
struct rh_plan_phase_words {
    int number; /* 1.. */
    const char *name;
    bool current, done;
    char goal[1200], entry[1200], exit[1200];
    char source[200];
};
/* The heading over the phases ("Phases"), how the runner moves through them
 * ("you move on when the diary meets ..."), and what marks the current one
 * ("you are here"), the last two said of a parent's child. */
const char *rh_plan_phases_heading(const struct rh_plan_kb *kb);
const char *rh_plan_phases_when(const struct rh_plan_kb *kb, const struct rh_plan_state *st);
const char *rh_plan_phase_here(const struct rh_plan_kb *kb, const struct rh_plan_state *st);
void rh_plan_phase_words(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                         enum rh_phase p, int32_t day, struct rh_plan_phase_words *out);

/* The weekly running volume: heading; base: where the volume before the pain
 * comes from (or why it is unknown); runs: where the calm weeks' runs a week
 * come from (rh_plan_runs_said); cadence; none: why there is no running week
 * yet ("None until you are cleared."); the weeks (rh_plan_volume) with,
 * after the first, reduced: what the calm weeks' runs add up to; note: how
 * the weeks rise (the ladder's stages, a cautious example). "" where a part
 * is not said. */
#define RH_PLAN_VOLUME_WEEKS 16
struct rh_plan_volume_words {
    char heading[80];
    char base[900];
    char runs[500];
    char cadence[120];
    char none[80];
    double km[RH_PLAN_VOLUME_WEEKS];
    int n_weeks;
    char reduced[300];
    char note[400];
};
void rh_plan_volume_words(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                          struct rh_plan_volume_words *out);

/* The plan as text, as one JSON document, and as an RFC 5545 iCalendar
 * (CRLF, folded at 75 octets, escaped) whose events cover ndays from
 * from_day; dtstamp is the creation time written into each event. */
int rh_plan_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st, int32_t from_day,
                 struct rh_buf *out, struct rh_err *err);
/* As rh_plan_text, with the plan's assessment's stored result (result_json,
 * NULL: none) for its warning list: each of its red flags named by what
 * was seen, with its reason, as the web's plan page and `assess` say it. */
int rh_plan_text_assessed(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                          const char *result_json, int32_t from_day, struct rh_buf *out,
                          struct rh_err *err);
/* What to do on one day, as the web's Today page and `runhip today` both
 * show it (one place: review 10 #21): the day's session, whether a notice
 * blocks running (the notice itself is rh_plan_notice's), the visit to book,
 * the day the assessment's warnings were cleared, the block's rule under the
 * notice, the phase and its goal (the why), the pain rule in force and what
 * to log. Strings point into kb or are held here. */
struct rh_plan_today {
    struct rh_plan_day day;
    bool block;              /* a notice blocks running until someone has seen you */
    char booking[400];       /* the visit to book ("" when none, or under a block) */
    int32_t cleared_day;     /* > 0: the assessment's warning signs were cleared that day */
    /* the status of the clearance in force (rh_plan_clearance_status):
     * "Cleared to run by a professional on D: NOTE.", "" when none; the
     * terminal's plan and today and the web's Today say this one line
     * (review 11 #16) */
    char cleared_line[4 * RH_ENTRY_NOTE_MAX + 80];
    char signs_cleared[300]; /* with cleared_day: the sentence that says so, else "" */
    char block_note[2400];   /* rh_plan_block_note_under, "" when no block */
    const char *phase_name;  /* the current phase's name */
    const char *goal;        /* its goal (rh_plan_phase_goal), or NULL; said after a
                                colon: its first letter in lower case (words19) */
    char goal_said[1200];    /* the goal as said (goal points here), of a parent's child too */
    bool for_child;          /* a parent's plan: said of the child ("your child is in ...") */
    const char *pain_rule;   /* the rule in force, cited, after "Pain rule: " (data/plan_rules.txt
                                [text] pain_rule_today) */
    const char *log;         /* what to log today, in words ([text] today_log) */
    /* loop16: what the diary already holds for the day (rh_plan_today with a
     * store; empty without one): "Logged today: pain 2/10 (3/10
     * during activity); mobility, 30 minutes." or "" */
    char logged[600];
    bool pain_logged;        /* a pain entry of the day is stored */
    bool session_logged;     /* a session, or a pain entry with the pain during it */
    /* the day's session is done: a diary session or a pain entry with the
     * pain during it (never on a rest day: an activity is not the rest),
     * or a recorded activity of the day's kind
     * (data/plan_rules.txt [recorded]: a ride on a cross-training day, a run
     * on a run day) */
    bool day_done;
    const char *head;        /* "What to do today", or "Done today" once the day is done */
    const char *button;      /* the web's link to the diary: "Log today's pain" or, once logged, more */
};
struct rh_store;
/* ux11: s (cap bytes) said of the child when st is a parent's plan
 * (st->for_child: "has seen you" -> "has seen your child", data/wording.txt
 * [text] child_person); left as it is otherwise, or when it would not fit. */
void rh_plan_said_of(const struct rh_plan_state *st, char *s, size_t cap);
/* words16: a stored plan's block reason in today's words. The part the
 * assessment gave it ("the assessment found warning signs: ...", stored in
 * the words of when the plan was made) is said again from its facts: the
 * stored assessment's result (result_json, the plan's own assessment), its
 * running and care levels; the diary's part after it is kept. Does nothing
 * when the plan is not blocked, its reason is not the assessment's, or
 * result_json is NULL. rh_plan_current calls it on every stored plan it
 * loads; a reader of the stored state calls it itself. */
void rh_plan_block_words(struct rh_plan_state *st, const char *result_json);
/* Fills *t for day (a local day number), and with s (NULL: not read) what
 * the day's diary and recordings already hold (loop16): t->logged says the
 * pain entries, sessions and recorded activities of the day ("Logged today:
 * pain 2/10 (3/10 during activity); mobility, 30 minutes."); what to log
 * (t->log), the session's heading (t->head) and the diary link (t->button)
 * then say what is left to log, not what was logged (data/plan_rules.txt
 * [text] today_*). One call for the terminal and the web. 0 or an RH_E*
 * code. */
int rh_plan_today(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                  struct rh_store *s, int32_t day, struct rh_plan_today *t, struct rh_err *err);
/* rh_plan_today as text for the terminal: the notice (warnings in force,
 * with the assessment's reasons from result_json, NULL: none), the day, the
 * session, why, the pain rule and what to log with the commands that log it;
 * with s (NULL: not read), what the day's diary already holds
 * (as rh_plan_today). */
int rh_plan_today_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                       struct rh_store *s, const char *result_json, int32_t day,
                       struct rh_buf *out, struct rh_err *err);
int rh_plan_json(const struct rh_plan_kb *kb, const struct rh_plan_state *st, int32_t from_day,
                 struct rh_buf *out, struct rh_err *err);
int rh_plan_ics(const struct rh_plan_kb *kb, const struct rh_plan_state *st, int32_t from_day,
                int ndays, int64_t dtstamp, int64_t plan_id, struct rh_buf *out,
                struct rh_err *err);

/* As rh_plan_ics, as a re-export of the file text previous (NULL: none):
 * UIDs name the day (stable across re-exports and re-assessments); an
 * event that changed gets SEQUENCE + 1 and the new DTSTAMP, an unchanged
 * one keeps both; an earlier event the plan no longer has (from from_day
 * on) is sent as STATUS:CANCELLED with SEQUENCE + 1; earlier events before
 * from_day are kept as they were. */
int rh_plan_ics_update(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                       int32_t from_day, int ndays, int64_t dtstamp, const char *previous,
                       struct rh_buf *out, struct rh_err *err);

/* As rh_plan_ics, for the served feed (/plan.ics) a calendar app subscribes
 * to: it updates itself, so it never asks for the plan to be exported
 * again (review9 #6). */
int rh_plan_ics_feed(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                     int32_t from_day, int ndays, int64_t dtstamp, struct rh_buf *out,
                     struct rh_err *err);

/* The red flags kept before any assessment (rh_diary_unassessed) as text,
 * in the plan's own words (the no-running block first, then whom to see),
 * and as the JSON of `plan --json` without a plan: red_flags, urgency,
 * blocked, restricted (a clinician's restriction in force on day,
 * rh_plan_restricted, as rh_plan_json says it), an empty calendar,
 * "assessed": false. */
int rh_plan_unassessed_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                            struct rh_buf *out, struct rh_err *err);
int rh_plan_unassessed_json(const struct rh_plan_state *st, int32_t day, struct rh_buf *out,
                            struct rh_err *err);

/* iCalendar helpers: appends "NAME:VALUE" escaped (\\ ; , newline) and folded
 * at 75 octets with CRLF (never inside a UTF-8 sequence). */
int rh_ics_prop(struct rh_buf *out, const char *name, const char *value);
/* Appends one already-escaped content line, folded, with CRLF. */
int rh_ics_line(struct rh_buf *out, const char *line);

/* ---- OSTRC-style weekly check-in --------------------------------------------- */

#define RH_OSTRC_ITEMS 4
#define RH_OSTRC_OPTIONS 4
/* Question and option texts in runhip's own words (static). */
const char *rh_ostrc_question(int item);
const char *rh_ostrc_option(int item, int option);
/* physio27: the option (1 to 4) an item score (0, 8, 17 or 25) stands
 * for; 0 for a skipped item (-1) or a score no option has. */
int rh_ostrc_option_of_score(int score);
/* While the plan has put running on hold (st: the plan's state, or the
 * diary's red flags before any assessment; NULL: none), the note said with
 * question 1, which answer fits a runner runhip has stopped and what its
 * score then means ([text] checkin_q1_hold with what lifts the stop in
 * force, [text] hold_lifts by rh_plan_hold_text, then checkin_q1_answer,
 * sourced there; session 22, branch diary26b); NULL when running is not on
 * hold. The text is the calling thread's, kept until its next call.
 * rh_ostrc_hold_score: the note
 * said with the score of a check-in whose question 1 was answered "not at
 * all" while on hold, or NULL. */
const char *rh_ostrc_hold_note(const struct rh_plan_kb *kb, const struct rh_plan_state *st);
const char *rh_ostrc_hold_score(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                                const struct rh_checkin *ck);
/* The one definition of a substantial problem, in plain words, starting
 * lower case without a final full stop: "a substantial problem means the hip
 * changed your training, or held back how well you ran, a fair amount or a
 * great deal, or stopped you taking part; pain alone and the score do not
 * make it substantial" [Clarsen13]. The terminal, the web, the plan and the
 * hand-off say it in these words. */
const char *rh_ostrc_substantial_words(void);
/* Scores an answer set: answers[i] is the option 1..4 chosen for item i, or
 * RH_OSTRC_SKIPPED for a question 2..4 the runner skipped; n the number
 * given. Q1 = 1 (full participation, no problem) scores 0 and ends; Q1 = 4
 * (could not take part) scores 100 and ends; otherwise all four are needed,
 * each answered or skipped. Items score 0/8/17/25, skipped or not asked -1;
 * with a skipped item the severity is the sum of the answered ones, a lower
 * bound (rh_ostrc_skipped counts them). RH_ERANGE/RH_EINVAL with a message
 * on bad answers. */
#define RH_OSTRC_SKIPPED (-1)
/* loop16: the answers' contradictions, one rule for the terminal and the web
 * (rh_ostrc_score applies it too): 1 to question 1 (no problem) with a
 * problem said after it is refused, RH_EINVAL with a message in the
 * questions' own words naming the option that fits; 0 otherwise. */
int rh_ostrc_answers_check(const int *answers, size_t n, struct rh_err *err);
int rh_ostrc_score(const int *answers, size_t n, int32_t day, struct rh_checkin *out,
                   struct rh_err *err);
/* The scoring's errors (rh_ostrc_score, rh_ostrc_answers_check), each the
 * key of its text in data/wording.txt [checkin_errors] with the named holes
 * the code fills (struct rh_words_named, runhip/text.h): the one table the
 * plan's load checks the section against (rh_words_named_check), for a test
 * or a tool to read rather than copy. *n (not NULL) is set to its length.
 * Ownership: the table is the library's, static and read only, valid for
 * the life of the program; never freed nor written by the caller. */
const struct rh_words_named *rh_ostrc_error_keys(size_t *n);
/* How many items of a scored check-in were skipped (asked, not answered):
 * none when Q1 ended it. */
int rh_ostrc_skipped(const struct rh_checkin *c);
/* One stored check-in as the JSON object of `checkin --list --json` (and
 * /api/checkin): {"date","severity","substantial","q":[4 scores or null]},
 * no newline. 0, RH_ENOMEM or RH_ELIMIT. */
int rh_checkin_json(const struct rh_checkin *c, struct rh_buf *b);

#endif
