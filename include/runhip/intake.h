/* SPDX-License-Identifier: MIT */
/*
 * runhip/intake.h: the intake record of ../shared/spec/intake.md: what the
 * runner answered, from the questionnaire, a file or the API.
 *
 * Every field is optional. "Not answered" is kept apart from "no": scalars
 * use -1 (ints), RH_NONE (doubles), RH_TRI_UNKNOWN (yes/no) or the _UNKNOWN
 * enum value; a list has its has_<list> flag false when not answered (an
 * answered empty list is has_<list> true with mask 0).
 *
 * The word lists are X-macros: X(ENUM_SUFFIX, word). The canonical words
 * are the vocabulary of intake.md, in its order; enum values are bit
 * positions for list masks (1u << RH_LOC_FRONT ...).
 *
 * Ownership: struct rh_intake is a plain value (no pointers); the caller
 * owns it. Strings returned by the name functions are static.
 */
#ifndef RUNHIP_INTAKE_H
#define RUNHIP_INTAKE_H

#include "runhip/util.h"

enum rh_tri { RH_TRI_UNKNOWN = -1, RH_TRI_NO = 0, RH_TRI_YES = 1 };

#define RH_SEX_WORDS(X) X(FEMALE, female) X(MALE, male) X(OTHER, other)
#define RH_SIDE_WORDS(X) X(LEFT, left) X(RIGHT, right) X(BOTH, both)
#define RH_LOCATION_WORDS(X)                                                                       \
    X(FRONT, front) X(GROIN, groin) X(OUTER, outer) X(OUTER_THIGH, outer_thigh)                    \
    X(OUTER_KNEE, outer_knee) X(BUTTOCK, buttock) X(SIT_BONE, sit_bone) X(DEEP, deep)              \
    X(LOW_BACK, low_back) X(DOWN_LEG, down_leg)
#define RH_ONSET_WORDS(X) X(GRADUAL, gradual) X(SUDDEN, sudden)
#define RH_ONSET_EVENT_WORDS(X)                                                                    \
    X(NONE, none) X(SLIP, slip) X(FALL, fall) X(POP, pop) X(SPRINT, sprint) X(KICK, kick)
#define RH_EPISODES_WORDS(X) X(FIRST, first) X(RECURRING, recurring)
#define RH_CHARACTER_WORDS(X)                                                                      \
    X(DULL_ACHE, dull_ache) X(TIGHT, tight) X(SHARP, sharp) X(STABBING, stabbing)                  \
    X(BURNING, burning) X(PINCHING, pinching) X(CLICKING, clicking) X(CATCHING, catching)          \
    X(LOCKING, locking) X(SNAPPING, snapping) X(NUMBNESS, numbness) X(TINGLING, tingling)          \
    X(RADIATING, radiating)
#define RH_WORSE_WORDS(X)                                                                          \
    X(RUN_START, run_start) X(RUN_LATER, run_later) X(AFTER_RUN, after_run) X(SITTING, sitting)    \
    X(RISING, rising) X(NIGHT, night) X(REST, rest) X(MORNING, morning) X(STAIRS, stairs)          \
    X(HILLS, hills) X(LYING_ON_SIDE, lying_on_side) X(KNEE_TO_CHEST, knee_to_chest)                \
    X(WALKING, walking) X(STANDING_ONE_LEG, standing_one_leg) X(HOPPING, hopping)                  \
    X(CROSSING_LEGS, crossing_legs) X(COUGH_SNEEZE, cough_sneeze) X(KICKING, kicking)              \
    X(SQUATTING, squatting) X(TWISTING, twisting)
#define RH_BETTER_WORDS(X)                                                                         \
    X(STRETCHING, stretching) X(WARM_UP, warm_up) X(MOVEMENT, movement) X(REST, rest)              \
    X(HEAT, heat) X(MASSAGE, massage) X(NOTHING, nothing)
#define RH_SIGN_WORDS(X)                                                                           \
    X(SWELLING, swelling) X(REDNESS, redness) X(WARMTH, warmth) X(BRUISING, bruising)              \
    X(FEVER, fever) X(LIMP, limp) X(CANNOT_BEAR_WEIGHT, cannot_bear_weight)                        \
    X(REDUCED_MOTION, reduced_motion) X(WEAK_ONE_SIDE, weak_one_side) X(NUMB_FOOT, numb_foot)      \
    X(LUMP_GROIN, lump_groin) X(WEIGHT_LOSS, weight_loss) X(NIGHT_SWEATS, night_sweats)            \
    X(BLADDER_BOWEL, bladder_bowel) X(LUMP_STUCK, lump_stuck) X(WORSENING, worsening)              \
    X(WEAK_PROGRESSIVE, weak_progressive)
/* self-tests: key is "test_<word>" */
#define RH_TEST_WORDS(X)                                                                           \
    X(KNEE_TO_CHEST, knee_to_chest) X(HOP, hop) X(SINGLE_LEG_STAND, single_leg_stand)              \
    X(CROSS_LEGGED, cross_legged) X(PRESS_OUTER, press_outer)                                      \
    X(HIP_FLEXOR_LENGTH, hip_flexor_length) X(RESISTED_KNEE_LIFT, resisted_knee_lift)              \
    X(SQUEEZE, squeeze)
/* checklist: key is "check_<word>"; BETTER_STRETCH warns when answered no */
#define RH_CHECK_WORDS(X)                                                                          \
    X(SHARP_SOCKET, sharp_socket) X(BETTER_STRETCH, better_stretch)                                \
    X(WORSE_SITTING_NIGHT, worse_sitting_night) X(UNEVEN_STAND, uneven_stand)                      \
    X(WEAK_SIDE, weak_side) X(WALK_SQUAT_STAIRS, walk_squat_stairs)
#define RH_SURFACE_WORDS(X)                                                                        \
    X(ROAD, road) X(TRAIL, trail) X(TRACK, track) X(TREADMILL, treadmill) X(MIXED, mixed)
#define RH_CHANGE_WORDS(X)                                                                         \
    X(MORE_KM, more_km) X(SPEEDWORK, speedwork) X(HILLS, hills) X(NEW_SHOES, new_shoes)            \
    X(NEW_SURFACE, new_surface) X(RACE, race) X(RETURN_FROM_BREAK, return_from_break)
#define RH_HISTORY_WORDS(X)                                                                        \
    X(HIP_INJURY_BEFORE, hip_injury_before) X(STRESS_FRACTURE_BEFORE, stress_fracture_before)      \
    X(LOW_BONE_DENSITY, low_bone_density) X(MISSED_PERIODS, missed_periods)                        \
    X(LOW_ENERGY_INTAKE, low_energy_intake) X(POSTPARTUM, postpartum) X(CANCER, cancer)            \
    X(STEROIDS, steroids) X(BACK_PROBLEMS, back_problems) X(HIP_DYSPLASIA, hip_dysplasia)          \
    X(OSTEOARTHRITIS, osteoarthritis) X(SICKLE_CELL, sickle_cell) X(HEAVY_ALCOHOL, heavy_alcohol)  \
    X(BREASTFEEDING, breastfeeding)

/* Scalar enums: RH_SEX_UNKNOWN (-1) is "not answered". */
enum rh_sex { RH_SEX_UNKNOWN = -1, RH_SEX_FEMALE, RH_SEX_MALE, RH_SEX_OTHER, RH_SEX__COUNT };
enum rh_side { RH_SIDE_UNKNOWN = -1, RH_SIDE_LEFT, RH_SIDE_RIGHT, RH_SIDE_BOTH, RH_SIDE__COUNT };
enum rh_onset { RH_ONSET_UNKNOWN = -1, RH_ONSET_GRADUAL, RH_ONSET_SUDDEN, RH_ONSET__COUNT };
enum rh_onset_event {
    RH_EVENT_UNKNOWN = -1,
#define X(n, w) RH_EVENT_##n,
    RH_ONSET_EVENT_WORDS(X)
#undef X
        RH_EVENT__COUNT
};
enum rh_episodes { RH_EPISODES_UNKNOWN = -1, RH_EPISODES_FIRST, RH_EPISODES_RECURRING, RH_EPISODES__COUNT };
enum rh_surface {
    RH_SURFACE_UNKNOWN = -1,
#define X(n, w) RH_SURFACE_##n,
    RH_SURFACE_WORDS(X)
#undef X
        RH_SURFACE__COUNT
};

/* List words: bit positions. */
enum rh_location {
#define X(n, w) RH_LOC_##n,
    RH_LOCATION_WORDS(X)
#undef X
        RH_LOC__COUNT
};
enum rh_character {
#define X(n, w) RH_CHAR_##n,
    RH_CHARACTER_WORDS(X)
#undef X
        RH_CHAR__COUNT
};
enum rh_worse {
#define X(n, w) RH_WORSE_##n,
    RH_WORSE_WORDS(X)
#undef X
        RH_WORSE__COUNT
};
enum rh_better {
#define X(n, w) RH_BETTER_##n,
    RH_BETTER_WORDS(X)
#undef X
        RH_BETTER__COUNT
};
enum rh_sign {
#define X(n, w) RH_SIGN_##n,
    RH_SIGN_WORDS(X)
#undef X
        RH_SIGN__COUNT
};
enum rh_selftest {
#define X(n, w) RH_TEST_##n,
    RH_TEST_WORDS(X)
#undef X
        RH_TEST__COUNT
};
enum rh_check {
#define X(n, w) RH_CHECK_##n,
    RH_CHECK_WORDS(X)
#undef X
        RH_CHECK__COUNT
};
enum rh_change {
#define X(n, w) RH_CHANGE_##n,
    RH_CHANGE_WORDS(X)
#undef X
        RH_CHANGE__COUNT
};
enum rh_history {
#define X(n, w) RH_HIST_##n,
    RH_HISTORY_WORDS(X)
#undef X
        RH_HIST__COUNT
};

#define RH_BIT(x) (1u << (x))

/* Training fields that can come from stored activities (rh_intake.from_data). */
enum rh_intake_data_field {
    RH_FROM_DATA_WEEKLY_KM = 1u << 0,
    RH_FROM_DATA_KM_CHANGE = 1u << 1,
    RH_FROM_DATA_CADENCE = 1u << 2,
    RH_FROM_DATA_SHOE_KM = 1u << 3,
    RH_FROM_DATA_SAME_ROUTE = 1u << 4,
};

struct rh_intake {
    /* person */
    int age; /* 10..100, -1 */
    enum rh_sex sex;
    enum rh_side side;
    /* where */
    bool has_location;
    uint32_t location; /* RH_BIT(RH_LOC_*) */
    /* how it started */
    enum rh_onset onset;
    enum rh_onset_event onset_event;
    int duration_days; /* 0..3650, -1 */
    enum rh_episodes episodes;
    /* what it feels like */
    bool has_character;
    uint32_t character;
    /* pain scores 0..10, -1 */
    int pain_now, pain_run, pain_worst, pain_next_morning;
    /* when it hurts / what helps / signs */
    bool has_worse_with, has_better_with, has_signs;
    uint32_t worse_with, better_with, signs;
    /* self-tests and checklist: enum rh_tri each */
    signed char test[RH_TEST__COUNT];
    signed char check[RH_CHECK__COUNT];
    /* training and history */
    double weekly_km;     /* 0..400, RH_NONE */
    double km_change_pct; /* -100..1000, RH_NONE */
    double years_running; /* 0..80, RH_NONE */
    int cadence_spm;      /* 100..250, -1 */
    int shoe_km;          /* 0..10000, -1 */
    double sitting_hours; /* 0..24, RH_NONE */
    int strength_per_week; /* 0..14, -1 */
    enum rh_surface surface;
    signed char same_route; /* enum rh_tri */
    bool has_recent_change, has_history;
    uint32_t recent_change, history;
    /* provenance: RH_FROM_DATA_* bits of fields filled from the stored
     * activities rather than answered */
    unsigned from_data;
    /* Added after the first contract (questionnaire only, like from_data not
     * carried by the file syntaxes): words of `character` and `history` that
     * are NOT answered although has_character / has_history is true, because
     * the screen asking about them was skipped or not shown (clicking,
     * catching, locking; numbness, tingling; missed periods, low energy
     * intake). A set bit here means "unknown", not "no". */
    uint32_t character_unknown, history_unknown;
    /* Set by rh_load_fill_intake when runs are stored but do not cover the
     * weeks before the assessment (data_cover_weeks of data_window_weeks
     * with a run), so none of them stood
     * in for an answer: the newest run's day (-1 when no run is stored). */
    bool data_not_recent;
    int32_t data_newest_run;
    int data_window_weeks, data_cover_weeks; /* weeks looked at, weeks with a run needed */
    bool data_patchy; /* some of those weeks have a run, too few */
    /* Set by rh_load_fill_intake (review 7b N2): the figures count the
     * weeks before the pain began (duration_days), not the weeks after it,
     * when the runner may already have cut back: data_onset_day is the day
     * the pain began (valid when data_before_onset). data_answer[i] is the
     * runner's own answer that the recorded figure of bit i (RH_FROM_DATA_*)
     * replaced, valid when bit i of data_answered is set. */
    bool data_before_onset;
    int32_t data_onset_day;
    /* data/load_rules.txt onset_lead_days: when km_change_pct is the change
     * of the days just before the onset against the 4 weeks before them
     * (a jump that began in the onset's calendar week), their number; 0
     * when it is the calendar weeks' change */
    int data_lead_days;
    unsigned data_answered;
    double data_answer[5];
    /* Added for the diary (no intake key, not carried by the file syntaxes
     * nor the questionnaire): what a diary note tells that the intake has no
     * word for, bits RH_BIT(RH_NOTE_FACT_*). The red-flag rules read them as
     * note:WORD (data/red_flags.txt); data/diary_phrases.txt sets them. */
    unsigned note_facts;
    /* Added for the questionnaire (review 8 #21; no intake key, not carried
     * by the file syntaxes): RH_TRI_YES when a parent or carer answered for
     * a child, so the questions and the reasons say "your child"; the
     * questionnaire asks it of a runner under 18 (data/questions.txt
     * [answering]). */
    signed char for_child;
};

/* Facts only a diary note tells (rh_intake.note_facts): a high-energy
 * injury (struck by a vehicle, knocked off a bike, a heavy collision); a
 * weak foot (it drops, slaps or catches the toes: the weakness is below the
 * hip, where only a nerve explains it); a bad limp or walking told as
 * really painful (the severe pain a fall's same-day rule asks for, in words);
 * a little urine leaked on coughing, sneezing, laughing or jumping (stress
 * incontinence, not the bladder sign of cauda equina on its own); night pain
 * told as whatever way one lies (not the positional pain of lying on a sore
 * tendon). */
enum rh_note_fact {
    RH_NOTE_FACT_HIGH_ENERGY,
    RH_NOTE_FACT_FOOT_WEAK,
    RH_NOTE_FACT_WALK_SEVERE,
    RH_NOTE_FACT_STRESS_LEAK,
    RH_NOTE_FACT_NIGHT_ANY_SIDE,
    /* session 9, branch notes6dev: the writer says nothing hurts ("no aches
     * at all", "hip felt great") */
    RH_NOTE_FACT_PAIN_FREE,
    /* session 10, branch diary10: pain rising by the hour, within one day
     * ("getting worse by the hour", "in 6 hours from a twinge to can't lift
     * the leg"); a hop that cannot be done at all ("hopping on it is
     * impossible", "can't hop on it"), not only one that hurts */
    RH_NOTE_FACT_WORSE_HOURS,
    RH_NOTE_FACT_HOP_IMPOSSIBLE,
    /* session 10 (branch notes7dev): a pain the writer calls new ("new ache
     * in my left hip this month. Never had hip trouble"): not the pain the
     * latest assessment judged */
    RH_NOTE_FACT_NEW_PAIN,
    /* session 10 (branch diary11), review 10: a sudden change (a sharp pain
     * that came on a misstep, a kerb, a jolt: #5); the activity of the entry
     * told as a walk and no run (#5); another cause named for a fever
     * (mastitis, flu, a tooth: #7); pain told as agony (#11) */
    RH_NOTE_FACT_SUDDEN_CHANGE,
    RH_NOTE_FACT_WALK_ONLY,
    RH_NOTE_FACT_FEVER_CAUSE,
    RH_NOTE_FACT_AGONY,
    /* session 11 (branch rev11a), review 11 #1 #5: a blood thinner taken
     * (warfarin, apixaban, "blood thinners"); a knock to the head; a warning
     * sign after it (confusion, a headache since, dizziness, vomiting,
     * knocked out); a bruise or swelling that grows or turns tense; a
     * pelvic-floor symptom after a birth or with impact (leaking on the run,
     * heaviness or dragging down below) */
    RH_NOTE_FACT_ANTICOAGULANT,
    RH_NOTE_FACT_HEAD_INJURY,
    RH_NOTE_FACT_HEAD_WARNING,
    RH_NOTE_FACT_BLEED_GROWING,
    RH_NOTE_FACT_PELVIC_FLOOR,
    /* session 11 (branch rev11a), review 11 #8: the note tells what a
     * clinician found or ordered (x-rayed, diagnosed, crutches given) */
    RH_NOTE_FACT_CLINICIAN_SEEN,
    /* session 15 (branch diary16): a red-flag topic the note speaks of in
     * words the reader cannot resolve into a sign (being woken, the weight
     * the scales show, passing urine, the hip sticking), told of the
     * writer, not negated, not over and not explained; the red-flag rules
     * raise its flag softly only when no finding of that topic was read,
     * so that an unread way of writing leans to the safe side */
    RH_NOTE_FACT_TOPIC_NIGHT,
    RH_NOTE_FACT_TOPIC_WEIGHT,
    RH_NOTE_FACT_TOPIC_BLADDER,
    RH_NOTE_FACT_TOPIC_LOCK,
    /* session 21 (branch runner21b): the tingling or numbness the note
     * tells down the leg is one the latest assessment's answers already
     * had (its character tingling or numbness, location down_leg), not a
     * kind the assessment did not know; set by the triage from its context
     * (rh_triage_entry), and kept in the reading when a warning sign was
     * set aside for it (data/terms.txt known_leg_nerve_feel) */
    RH_NOTE_FACT_NERVE_KNOWN,
    /* session 23 (branch runner23b): the pain of the entry came on at one
     * moment of an effort ("sharp groin pain on the last rep"): no rule
     * reads it (the warnings raised are unchanged); a warning's reason then
     * names no answer of the assessment about how and when its pain began
     * (rh_triage_entry: "it came on slowly" is not true of this pain) */
    RH_NOTE_FACT_MOMENT_ONSET,
    /* session 27 (branch n25ret): a swelling told large after an injury
     * ("swelling up like a melon", "a huge swelling on the hip"): a big
     * bleed into the soft tissue or around a broken bone (red_flags.txt
     * [trauma]) */
    RH_NOTE_FACT_SWELLING_LARGE,
    /* session 28 (branch n26ret): a fall from a height (off a ladder, a
     * roof, a tree): in an older runner or one with thin bones a
     * mechanism that breaks the hip, the pelvis or the spine even when the
     * runner can still walk (red_flags.txt [trauma]) */
    RH_NOTE_FACT_FALL_HEIGHT,
    /* session 29 (branch lay29): a leg told shorter or turned outwards
     * (the sign of a displaced break of the top of the thigh bone), a
     * swelling told coming up fast after an injury (a bleed), and a groin
     * ache told lasting the whole day after runs where it once settled (a
     * bone stress injury going on) (red_flags.txt [trauma] and
     * [stress_fracture_signs]) */
    RH_NOTE_FACT_LAY29_LEG_DEFORMED,
    RH_NOTE_FACT_LAY29_SWELL_FAST,
    RH_NOTE_FACT_LAY29_ACHE_LINGERS,
    /* session 30 (branch walk30): stiffness told lasting more than an hour
     * each morning ("stiff every morning for a couple of hours"): the
     * inflammatory stiffness of a joint or spine disease, not the few
     * minutes of a running injury or of wear and tear (red_flags.txt
     * [night_or_rest_pain]) */
    RH_NOTE_FACT_MORNING_STIFF_LONG,
    RH_NOTE_FACT__COUNT
};

/* The word of a note fact ("high_energy"), or NULL. */
const char *rh_note_fact_word(int fact);

/* The note fact of a word of n bytes, or -1. */
int rh_note_fact_find(const char *word, size_t n);

/* Sets every field to "not answered". */
void rh_intake_init(struct rh_intake *in);

/* ---- vocabulary --------------------------------------------------------- */

/* The word lists, for rh_intake_word and friends. */
enum rh_intake_list {
    RH_INTAKE_LIST_SEX,
    RH_INTAKE_LIST_SIDE,
    RH_INTAKE_LIST_LOCATION,
    RH_INTAKE_LIST_ONSET,
    RH_INTAKE_LIST_ONSET_EVENT,
    RH_INTAKE_LIST_EPISODES,
    RH_INTAKE_LIST_CHARACTER,
    RH_INTAKE_LIST_WORSE,
    RH_INTAKE_LIST_BETTER,
    RH_INTAKE_LIST_SIGN,
    RH_INTAKE_LIST_TEST,
    RH_INTAKE_LIST_CHECK,
    RH_INTAKE_LIST_SURFACE,
    RH_INTAKE_LIST_CHANGE,
    RH_INTAKE_LIST_HISTORY,
    RH_INTAKE_LIST__COUNT
};

/* The canonical word of value in list ("groin" for RH_INTAKE_LIST_LOCATION,
 * RH_LOC_GROIN); static string, NULL when list or value is out of range. */
const char *rh_intake_word(enum rh_intake_list list, int value);
/* Number of words in list (0 for a bad list). */
int rh_intake_word_count(enum rh_intake_list list);
/* The value of word in list, or -1. Accepts the documented synonyms:
 * any case, '-' or ' ' for '_', and a few list-specific ones (sex f/m,
 * side l/r). */
int rh_intake_word_find(enum rh_intake_list list, const char *word);

/* True when a and b hold the same answers (every field of the file
 * syntaxes; from_data and the *_unknown masks are ignored). Doubles are
 * compared exactly, "not answered" equals "not answered". */
bool rh_intake_equal(const struct rh_intake *a, const struct rh_intake *b);

/* ---- reading and writing (text syntax and JSON of intake.md) ------------ */

/* Parses an intake record. The syntax is detected: JSON when the first
 * non-blank character is '{', else the text syntax (key = value lines).
 * Both syntaxes get the same validation: an unknown key, an unknown list
 * word, a number out of range, a wrong type, a malformed line or a
 * duplicate key fail with a message naming the key and err->line set to
 * the line (1-based). Returns 0, or RH_EKEY (unknown key or word),
 * RH_ERANGE (number out of range), RH_ESYNTAX (malformed line, wrong type,
 * bad JSON, duplicate key), RH_ENOMEM. On failure *out is reset
 * to "not answered" (nothing half-read is kept). text need not be NUL
 * terminated. */
int rh_intake_parse(const char *text, size_t len, struct rh_intake *out, struct rh_err *err);

/* Appends the text syntax of in (one "key = value" line per answered field,
 * intake.md order, canonical words, an answered empty list as "none") to
 * out. Returns 0, RH_ENOMEM or RH_ELIMIT (out's cap). */
int rh_intake_to_text(const struct rh_intake *in, struct rh_buf *out);

/* Appends in as one JSON object (keys in intake.md order, absent fields
 * omitted, lists as arrays, yes/no as true/false) plus a newline to out.
 * Returns 0, RH_ENOMEM or RH_ELIMIT. */
int rh_intake_to_json(const struct rh_intake *in, struct rh_buf *out);

/* physio27: the local day the pain began, answered_day (the day the
 * answers were given) less duration_days; -1 when the duration is not known
 * or answered_day is negative. The load's figures before the onset and the
 * report's history row both take it from here. */
int32_t rh_intake_onset_day(const struct rh_intake *in, int32_t answered_day);

#endif
