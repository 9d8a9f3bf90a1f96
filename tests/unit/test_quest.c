/* SPDX-License-Identifier: MIT */
/*
 * The questionnaire state machine: the compiled-in questions cover the
 * whole intake vocabulary; answer, skip, back, quit; bad answers; the
 * adaptive branches (clicking/locking, numbness, periods) and the hop-test
 * safety rule of clinical_facts.md A2; errors in a questions file.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "open_vignettes.h"
#include "runhip/assess.h"
#include "runhip/quest.h"

static const char *cur_id(const struct rh_quest *q)
{
    const struct rh_quest_item *it = rh_quest_current(q);
    return it ? it->id : "(end)";
}

/* Skips screens until id is current; false if the end comes first. */
static bool skip_to(struct rh_quest *q, const char *id)
{
    while (rh_quest_current(q) && strcmp(cur_id(q), id) != 0)
        rh_quest_skip(q);
    return rh_quest_current(q) != NULL;
}

static void answer(struct rh_quest *q, const char *id, const char *text)
{
    if (!skip_to(q, id)) {
        fprintf(stderr, "  screen %s never came\n", id);
        CHECK(0);
        return;
    }
    struct rh_err e;
    int r = rh_quest_answer(q, text, &e);
    if (r)
        fprintf(stderr, "  answer '%s' to %s: %s\n", text, id, e.msg);
    CHECK_INT(r, 0);
}

/* True if screen id comes up before the end when everything else is
 * skipped. */
static bool comes_up(struct rh_quest *q, const char *id)
{
    return skip_to(q, id);
}

static void test_questions_cover_the_intake(void)
{
    struct rh_quest q;
    struct rh_err e;
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_STR(cur_id(&q), "age");
    /* every key of intake.md is asked; every word of every list offered */
    static const char *const keys[] = {
        "age", "sex", "side", "location", "onset", "onset_event", "duration_days", "episodes",
        "character", "pain_now", "pain_run", "pain_worst", "pain_next_morning", "worse_with",
        "better_with", "signs", "test_knee_to_chest", "test_hop", "test_single_leg_stand",
        "test_cross_legged", "test_press_outer", "test_hip_flexor_length",
        "test_resisted_knee_lift", "test_squeeze", "check_sharp_socket", "check_better_stretch",
        "check_worse_sitting_night", "check_uneven_stand", "check_weak_side",
        "check_walk_squat_stairs", "weekly_km", "km_change_pct", "years_running", "cadence_spm",
        "shoe_km", "sitting_hours", "strength_per_week", "surface", "same_route",
        "recent_change", "history"};
    uint32_t offered[sizeof keys / sizeof keys[0]] = {0};
    int n_screens = 0;
    while (rh_quest_current(&q)) {
        const struct rh_quest_item *it = rh_quest_current(&q);
        n_screens++;
        CHECK(it->text && strlen(it->text) > 10);
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            if (strcmp(keys[k], it->key) == 0) {
                offered[k] |= 1u << 31; /* asked */
                for (int c = 0; c < it->n_choices; c++)
                    if (it->kind == RH_QUEST_MANY)
                        offered[k] |= RH_BIT(it->choices[c].value);
            }
        /* "none of these" where needed for the hop test to come up */
        if (!strcmp(it->id, "worse_with") || !strcmp(it->id, "signs") ||
            !strcmp(it->id, "history"))
            CHECK_INT(rh_quest_answer(&q, "0", &e), 0);
        else if (!strcmp(it->id, "check_weak_side")) /* its follow-up comes only after a yes */
            CHECK_INT(rh_quest_answer(&q, "yes", &e), 0);
        else
            rh_quest_skip(&q);
    }
    /* ux11: heavy drinking on a screen of its own; words12: a birth and
     * breastfeeding on theirs (not under 16) */
    CHECK_INT(n_screens, 47);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (!(offered[k] >> 31)) {
            fprintf(stderr, "  key %s never asked\n", keys[k]);
            CHECK(0);
        }
    CHECK_INT(offered[3] & 0x7fffffff, (1u << RH_LOC__COUNT) - 1);
    CHECK_INT(offered[8] & 0x7fffffff, (1u << RH_CHAR__COUNT) - 1);
    CHECK_INT(offered[13] & 0x7fffffff, (1u << RH_WORSE__COUNT) - 1);
    CHECK_INT(offered[14] & 0x7fffffff, (1u << RH_BETTER__COUNT) - 1);
    /* every sign is offered: a felt weakness is asked as check_weak_side,
     * its follow-up offers the nerve signs, weak_progressive and (walk29)
     * weak_one_side, a leg that lost strength below the hip */
    CHECK_INT(offered[15] & 0x7fffffff, (1u << RH_SIGN__COUNT) - 1);
    CHECK_INT(offered[39] & 0x7fffffff, (1u << RH_CHANGE__COUNT) - 1);
    CHECK_INT(offered[40] & 0x7fffffff, (1u << RH_HIST__COUNT) - 1);
    rh_quest_release(&q);
    /* everything skipped: nothing answered, never "no" */
    CHECK_INT(rh_quest_init(&q, &e), 0);
    while (rh_quest_current(&q))
        rh_quest_skip(&q);
    CHECK_INT(rh_quest_state_of(&q), RH_QUEST_DONE);
    struct rh_intake in, empty;
    rh_intake_init(&empty);
    CHECK_INT(rh_quest_intake(&q, &in), 0);
    CHECK(rh_intake_equal(&in, &empty));
    CHECK(!in.has_location && !in.has_signs && in.test[RH_TEST_HOP] == RH_TRI_UNKNOWN);
    rh_quest_release(&q);
}

static void test_location_screen_has_the_diagram(void)
{
    struct rh_quest q;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    CHECK(skip_to(&q, "location"));
    const struct rh_quest_item *it = rh_quest_current(&q);
    CHECK(it->art != NULL);
    CHECK(it->art && strstr(it->art, "FRONT") && strstr(it->art, "SIDE") &&
          strstr(it->art, "BACK"));
    CHECK(it->art && strchr(it->art, '\n'));
    CHECK_INT(it->kind, RH_QUEST_MANY);
    CHECK_INT(it->n_choices, 10);
    CHECK_STR(it->choices[1].word, "groin");
    CHECK_STR(it->choices[7].word, "deep");
    rh_quest_release(&q);
}

/* session 21 (runner21): the bladder choice sets a postnatal leak on
 * running apart (a pelvic-floor matter, not the emergency sign) */
static void test_bladder_choice_sets_a_postnatal_leak_apart(void)
{
    struct rh_quest q;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    CHECK(skip_to(&q, "signs"));
    const struct rh_quest_item *it = rh_quest_current(&q);
    bool seen = false;
    for (int c = 0; it && c < it->n_choices; c++)
        if (strcmp(it->choices[c].word, "bladder_bowel") == 0) {
            seen = true;
            CHECK(strstr(it->choices[c].label, "New trouble controlling the bladder or bowels") != NULL);
            CHECK(strstr(it->choices[c].label, "since having a baby is the pelvic floor, not this") != NULL);
            /* ux28: numbness between the legs is offered where a runner
             * looks for it, in the intake's word for that emergency */
            CHECK(strstr(it->choices[c].label, "numbness between the legs or round the bottom (the "
                                               "saddle area)") != NULL);
        }
    CHECK(seen);
    rh_quest_release(&q);
}

static void test_answer_skip_back(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_buf b;
    struct rh_intake in;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_INT(rh_quest_back(&q), RH_ENOTFOUND); /* nothing before the first */
    CHECK_INT(rh_quest_answer(&q, "34", &e), 0);
    CHECK_STR(cur_id(&q), "sex");
    CHECK_INT(rh_quest_answer(&q, "1", &e), 0); /* female */
    CHECK_STR(cur_id(&q), "side");
    CHECK_INT(rh_quest_skip(&q), 0);
    CHECK_STR(cur_id(&q), "signs"); /* the warning signs early */
    CHECK_INT(rh_quest_skip(&q), 0);
    CHECK_STR(cur_id(&q), "check_weak_side");
    CHECK_INT(rh_quest_skip(&q), 0);
    CHECK_STR(cur_id(&q), "location");
    CHECK_INT(rh_quest_answer(&q, "2, deep", &e), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.age, 34);
    CHECK_INT(in.sex, RH_SEX_FEMALE);
    CHECK_INT(in.side, RH_SIDE_UNKNOWN); /* skipped = not answered */
    CHECK_INT(in.location, RH_BIT(RH_LOC_GROIN) | RH_BIT(RH_LOC_DEEP));
    /* back over the skipped screen to sex: the earlier answer is kept */
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_STR(cur_id(&q), "location");
    CHECK_INT(rh_quest_current_answer(&q, &b), 1);
    CHECK_STR(b.data, "2, deep"); /* as typed */
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_STR(cur_id(&q), "check_weak_side");
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_STR(cur_id(&q), "signs");
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_STR(cur_id(&q), "side");
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_STR(cur_id(&q), "sex");
    rh_buf_reset(&b);
    CHECK_INT(rh_quest_current_answer(&q, &b), 1);
    CHECK_STR(b.data, "1");
    CHECK_INT(rh_quest_answer(&q, "male", &e), 0);
    CHECK_STR(cur_id(&q), "side");
    CHECK_INT(rh_quest_answer(&q, "r", &e), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.sex, RH_SEX_MALE);
    CHECK_INT(in.side, RH_SIDE_RIGHT);
    CHECK_INT(in.location, RH_BIT(RH_LOC_GROIN) | RH_BIT(RH_LOC_DEEP)); /* kept */
    int pos, total;
    rh_quest_progress(&q, &pos, &total);
    CHECK_INT(pos, 4);
    CHECK_INT(total, 43); /* not: numbness (groin, deep), periods (male); the hop is offered
                           * with screens skipped (session 30, walk30) */
    /* skip to the end, then back from the end */
    while (rh_quest_current(&q))
        rh_quest_skip(&q);
    CHECK_INT(rh_quest_state_of(&q), RH_QUEST_DONE);
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_INT(rh_quest_state_of(&q), RH_QUEST_ASKING);
    CHECK(rh_quest_current(&q) != NULL);
    /* quit: nothing more, no record */
    rh_quest_quit(&q);
    CHECK(rh_quest_current(&q) == NULL);
    CHECK_INT(rh_quest_state_of(&q), RH_QUEST_QUIT);
    CHECK_INT(rh_quest_intake(&q, &in), RH_EINVAL);
    CHECK_INT(rh_quest_answer(&q, "1", &e), RH_EINVAL);
    CHECK_INT(rh_quest_skip(&q), RH_EINVAL);
    CHECK_INT(rh_quest_back(&q), RH_EINVAL);
    rh_quest_release(&q);
    rh_buf_release(&b);
}

static void bad_answer(struct rh_quest *q, const char *text, int code, const char *want)
{
    struct rh_err e;
    const char *before = cur_id(q);
    CHECK_INT(rh_quest_answer(q, text, &e), code);
    if (!strstr(e.msg, want)) {
        fprintf(stderr, "  '%s' lacks '%s'\n", e.msg, want);
        CHECK(0);
    }
    CHECK_STR(cur_id(q), before); /* still on the same screen */
}

static void test_bad_answers(void)
{
    struct rh_quest q;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    bad_answer(&q, "old enough", RH_ESYNTAX, "type a number from 10 to 100");
    bad_answer(&q, "140", RH_ERANGE, "140 is out of range");
    bad_answer(&q, "34.5", RH_ESYNTAX, "whole number");
    bad_answer(&q, "  ", RH_ESYNTAX, "no answer");
    answer(&q, "age", "34");
    /* 4 is its "not sure" (rh_quest_extra): 5 is past the choices */
    bad_answer(&q, "5", RH_EKEY, "'5' is not one of the choices: type a number from 1 to 4");
    bad_answer(&q, "robot", RH_EKEY, "'robot' is not one of the choices");
    skip_to(&q, "location");
    bad_answer(&q, "0 2", RH_ESYNTAX, "0 (none) cannot go with other choices");
    bad_answer(&q, "2 11", RH_EKEY, "'11' is not one of the choices");
    skip_to(&q, "character");
    bad_answer(&q, "clicking", RH_EKEY, "not one of the choices"); /* asked on its own screen */
    skip_to(&q, "weekly_km");
    bad_answer(&q, "400.5", RH_ERANGE, "from 0 to 400");
    struct rh_err e;
    CHECK_INT(rh_quest_answer(&q, "42.5", &e), 0);
    struct rh_intake in;
    rh_quest_intake(&q, &in);
    CHECK_NEAR(in.weekly_km, 42.5, 0);
    rh_quest_release(&q);
}

static void test_clicking_only_for_deep_or_groin_pain(void)
{
    static const struct {
        const char *location;
        bool asked;
    } cases[] = {{"outer", false}, {"buttock, outer_thigh", false}, {"groin", true},
                 {"deep", true},   {"front, deep", true},           {NULL, true},
                 {"front", true}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rh_quest q;
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        if (cases[i].location)
            answer(&q, "location", cases[i].location);
        answer(&q, "character", "sharp");
        bool up = comes_up(&q, "character_mechanical");
        if (up != cases[i].asked) {
            fprintf(stderr, "  location %s\n", cases[i].location ? cases[i].location : "-");
            CHECK(0);
        }
        rh_quest_release(&q);
    }
    /* answered: joins the character list; skipped: those words unknown */
    struct rh_quest q;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "location", "groin");
    answer(&q, "character", "pinching");
    answer(&q, "character_mechanical", "1 3");
    rh_quest_intake(&q, &in);
    CHECK_INT(in.character,
              RH_BIT(RH_CHAR_PINCHING) | RH_BIT(RH_CHAR_CLICKING) | RH_BIT(RH_CHAR_LOCKING));
    /* nerve screen not asked (groin, no radiating): numbness, tingling unknown */
    CHECK_INT(in.character_unknown, RH_BIT(RH_CHAR_NUMBNESS) | RH_BIT(RH_CHAR_TINGLING));
    /* going back to location and changing it hides the clicking screen */
    while (strcmp(cur_id(&q), "location") != 0)
        CHECK_INT(rh_quest_back(&q), 0);
    struct rh_err e;
    CHECK_INT(rh_quest_answer(&q, "outer", &e), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.character, RH_BIT(RH_CHAR_PINCHING));
    CHECK(in.character_unknown & RH_BIT(RH_CHAR_LOCKING));
    rh_quest_release(&q);
    /* skipped: unknown, never "no" */
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "location", "deep");
    answer(&q, "character", "dull_ache");
    CHECK(skip_to(&q, "character_mechanical"));
    rh_quest_skip(&q);
    rh_quest_intake(&q, &in);
    CHECK(in.has_character);
    CHECK_INT(in.character, RH_BIT(RH_CHAR_DULL_ACHE));
    CHECK(in.character_unknown & RH_BIT(RH_CHAR_CLICKING));
    rh_quest_release(&q);
}

static void test_numbness_only_when_it_spreads(void)
{
    static const struct {
        const char *location, *character;
        bool asked;
    } cases[] = {{"outer", "sharp", false},      {"groin", "dull_ache", false},
                 {"down_leg", "sharp", true},    {"low_back, buttock", "tight", true},
                 {"buttock", "radiating", true}, {NULL, "sharp", true},
                 {"buttock, sit_bone", "dull_ache", true}, {"outer_thigh", "burning", true}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rh_quest q;
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        if (cases[i].location)
            answer(&q, "location", cases[i].location);
        answer(&q, "character", cases[i].character);
        if (comes_up(&q, "character_nerve") != cases[i].asked) {
            fprintf(stderr, "  case %zu\n", i);
            CHECK(0);
        }
        rh_quest_release(&q);
    }
    struct rh_quest q;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "location", "down_leg");
    answer(&q, "character", "burning");
    answer(&q, "character_nerve", "tingling");
    rh_quest_intake(&q, &in);
    CHECK_INT(in.character, RH_BIT(RH_CHAR_BURNING) | RH_BIT(RH_CHAR_TINGLING));
    rh_quest_release(&q);
}

static void test_periods_only_for_female_or_unknown_sex(void)
{
    static const struct {
        const char *sex;
        bool asked;
    } cases[] = {{"female", true}, {"male", false}, {"other", true}, {NULL, true}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rh_quest q;
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        if (cases[i].sex)
            answer(&q, "sex", cases[i].sex);
        CHECK(comes_up(&q, "history_energy") == cases[i].asked);
        rh_quest_release(&q);
    }
    struct rh_quest q;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "sex", "male");
    /* runner23b: eating too little for the training (RED-S) is asked of a
     * man too, on the health-history screen everyone sees (Mountjoy 2018,
     * 2023); only the periods stay on the screen he is not shown */
    CHECK(skip_to(&q, "history"));
    const struct rh_quest_item *hit = rh_quest_current(&q);
    bool energy = false, periods = false;
    for (int i = 0; hit && i < hit->n_choices; i++) {
        energy |= !strcmp(hit->choices[i].word, "low_energy_intake");
        periods |= !strcmp(hit->choices[i].word, "missed_periods");
    }
    CHECK(energy && !periods);
    answer(&q, "history", "back_problems");
    rh_quest_intake(&q, &in);
    CHECK_INT(in.history, RH_BIT(RH_HIST_BACK_PROBLEMS));
    /* review 10 #20 (child10): nor a birth in the past year; eating too
     * little was answered (no) on the screen he saw; walk29: periods, a
     * birth and breastfeeding cannot apply to him (cannot_apply_if): "no",
     * as his file's "history = none", not unknown; the drinking screen he
     * skipped stays unknown */
    CHECK_INT(in.history_unknown, RH_BIT(RH_HIST_HEAVY_ALCOHOL)); /* skipped (ux11) */
    rh_quest_release(&q);
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "sex", "female");
    answer(&q, "history", "0");
    answer(&q, "history_energy", "missed_periods");
    answer(&q, "history_birth", "0");
    answer(&q, "history_alcohol", "no");
    rh_quest_intake(&q, &in);
    CHECK_INT(in.history, RH_BIT(RH_HIST_MISSED_PERIODS));
    CHECK_INT(in.history_unknown, 0);
    rh_quest_release(&q);
}

/* review 11 #13 (words12): a birth in the past year and breastfeeding are
 * asked of a woman (or sex not given) from 16, never of the parent of a
 * 13-year-old girl nor of a man; not asked, the words stay not answered;
 * periods and eating are still asked of a girl's parent, in a parent's words */
static void test_no_birth_question_under_16(void)
{
    static const struct {
        const char *age, *sex, *answering;
        bool asked;
    } cases[] = {{"13", "female", "yes", false}, {"15", "female", "no", false},
                 {"16", "female", "yes", true},  {"16", "female", "no", true},
                 {"34", "female", NULL, true},   {"34", "male", NULL, false},
                 {NULL, NULL, NULL, true}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rh_quest q;
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        if (cases[i].age)
            answer(&q, "age", cases[i].age);
        if (cases[i].sex)
            answer(&q, "sex", cases[i].sex);
        if (cases[i].answering)
            answer(&q, "answering", cases[i].answering);
        if (comes_up(&q, "history_birth") != cases[i].asked) {
            fprintf(stderr, "  age %s, %s\n", cases[i].age ? cases[i].age : "not given",
                    cases[i].sex ? cases[i].sex : "sex not given");
            CHECK(0);
        }
        rh_quest_release(&q);
    }
    struct rh_quest q;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "age", "13");
    answer(&q, "sex", "female");
    answer(&q, "answering", "yes");
    CHECK(skip_to(&q, "history_energy"));
    const struct rh_quest_item *it = rh_quest_current(&q);
    bool periods = false;
    for (int i = 0; it && i < it->n_choices; i++) {
        CHECK(strcmp(it->choices[i].word, "postpartum") != 0);
        CHECK(strcmp(it->choices[i].word, "breastfeeding") != 0);
        if (!strcmp(it->choices[i].word, "missed_periods")) {
            periods = true;
            CHECK_STR(it->choices[i].label,
                      "My child's periods have stopped, or come less often than before");
        }
    }
    CHECK(periods);
    answer(&q, "history_energy", "0");
    rh_quest_intake(&q, &in);
    CHECK(in.has_history && !(in.history & RH_BIT(RH_HIST_POSTPARTUM)));
    CHECK(in.history_unknown & RH_BIT(RH_HIST_POSTPARTUM));
    CHECK(in.history_unknown & RH_BIT(RH_HIST_BREASTFEEDING));
    rh_quest_release(&q);
    /* a woman answers it */
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "age", "31");
    answer(&q, "sex", "female");
    answer(&q, "history_birth", "1 2");
    rh_quest_intake(&q, &in);
    CHECK_INT(in.history & (RH_BIT(RH_HIST_POSTPARTUM) | RH_BIT(RH_HIST_BREASTFEEDING)),
              RH_BIT(RH_HIST_POSTPARTUM) | RH_BIT(RH_HIST_BREASTFEEDING));
    rh_quest_release(&q);
}

/* review 11 #2 (words12): the onset event is one answer (intake.md: one
 * word); several typed are refused saying plainly that one is wanted and
 * which to give (data/questions.txt several =), nothing taken */
static void test_onset_event_one_answer(void)
{
    struct rh_quest q;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    CHECK(skip_to(&q, "onset_event"));
    bad_answer(&q, "4 5", RH_EKEY, "'4 5' is 2 answers, and this question takes one: type 4 (");
    bad_answer(&q, "5, 4", RH_EKEY, "takes one: type 4 (when more than one happened, a pop");
    bad_answer(&q, "pop and sprint", RH_EKEY, "'pop and sprint' is 2 answers");
    bad_answer(&q, "5 3", RH_EKEY, "takes one: type 3 ("); /* a fall before a sprint */
    bad_answer(&q, "4 9", RH_EKEY, "'4 9' is not one of the choices");
    bad_answer(&q, "4 4", RH_EKEY, "'4 4' is not one of the choices"); /* one answer, twice */
    struct rh_quest_given g;
    CHECK_INT(rh_quest_given(&q, "onset_event", &g), 0);
    CHECK(!g.has);
    answer(&q, "onset_event", "4");
    struct rh_intake in;
    rh_quest_intake(&q, &in);
    CHECK_INT(in.onset_event, RH_EVENT_POP);
    rh_quest_release(&q);
    /* a one-answer screen without several =: one wanted, no pick named */
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    CHECK(skip_to(&q, "side"));
    bad_answer(&q, "1 2", RH_EKEY, "'1 2' is 2 answers, and this question takes one: type the "
                                   "one number that fits best");
    rh_quest_release(&q);
}

/* review 11 #17 (words12): an answer not understood is read back whole
 * ("'reduced sensation down the outside of my' is not one of the choices"
 * was cut at 40 bytes), a very long one cut at a word with "..." */
static void test_bad_answer_read_back_whole(void)
{
    struct rh_quest q;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    CHECK(skip_to(&q, "signs"));
    bad_answer(&q, "a numb foot and reduced sensation down the outside of my leg", RH_EKEY,
               "'reduced sensation down the outside of my leg' is not one of the choices");
    char longer[200];
    snprintf(longer, sizeof longer, "reduced sensation %s",
             "all the way down the outside of my leg to the foot which is worse after long "
             "runs but better in the morning after a hot bath but never quite gone");
    struct rh_err e;
    CHECK_INT(rh_quest_answer(&q, longer, &e), RH_EKEY);
    CHECK(strstr(e.msg, "...' is not one of the choices") != NULL);
    CHECK(strstr(e.msg, "reduced sensation all the way") != NULL);
    rh_quest_release(&q);
    /* a one-choice screen says 1 or 0, not "from 1 to 1" (the weakness
     * screen has two choices since walk29: the heavy-drinking one) */
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    CHECK(skip_to(&q, "history_alcohol"));
    bad_answer(&q, "4", RH_EKEY, "'4' is not one of the choices: type 1 if it fits, or 0 if not");
    rh_quest_release(&q);
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "check_weak_side", "yes");
    CHECK(skip_to(&q, "weakness_kind"));
    bad_answer(&q, "4", RH_EKEY, "'4' is not one of the choices: type a number from 1 to 2");
    rh_quest_release(&q);
}

/* ux11 (review 10 #20): heavy drinking is not asked under 16 (its own
 * screen, never_if age below 16), asked from 16 and when the age is not
 * given; its "none" reads "No". Not asked, the word stays not answered. */
static void test_no_alcohol_question_under_16(void)
{
    static const struct {
        const char *age;
        bool asked;
    } cases[] = {{"10", false}, {"13", false}, {"15", false}, {"16", true}, {"40", true},
                 {NULL, true}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rh_quest q;
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        if (cases[i].age)
            answer(&q, "age", cases[i].age);
        if (comes_up(&q, "history_alcohol") != cases[i].asked) {
            fprintf(stderr, "  age %s\n", cases[i].age ? cases[i].age : "not given");
            CHECK(0);
        }
        rh_quest_release(&q);
    }
    /* nor on the list of the other history words */
    struct rh_quest q;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    CHECK_INT(rh_quest_seek(&q, "history"), 0);
    const struct rh_quest_item *it = rh_quest_current(&q);
    for (int i = 0; it && i < it->n_choices; i++)
        CHECK(strcmp(it->choices[i].word, "heavy_alcohol") != 0);
    rh_quest_release(&q);
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "age", "13");
    answer(&q, "sex", "male");
    answer(&q, "history", "0");
    rh_quest_intake(&q, &in);
    CHECK(in.has_history && in.history == 0);
    CHECK(in.history_unknown & RH_BIT(RH_HIST_HEAVY_ALCOHOL));
    rh_quest_release(&q);
    /* an adult answers it; "No" is its none */
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "age", "40");
    answer(&q, "history", "0");
    CHECK(skip_to(&q, "history_alcohol"));
    struct rh_quest_extra x;
    CHECK(rh_quest_extra(rh_quest_current(&q), &x));
    CHECK_STR(x.label, "No");
    answer(&q, "history_alcohol", "1");
    rh_quest_intake(&q, &in);
    CHECK_INT(in.history & RH_BIT(RH_HIST_HEAVY_ALCOHOL), RH_BIT(RH_HIST_HEAVY_ALCOHOL));
    rh_quest_release(&q);
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "age", "40");
    answer(&q, "history_alcohol", "no");
    rh_quest_intake(&q, &in);
    CHECK(in.has_history && !(in.history_unknown & RH_BIT(RH_HIST_HEAVY_ALCOHOL)));
    rh_quest_release(&q);
}

/* ux11: rh_quest_ended: passed beyond the last question once (not a stop
 * half-way with rh_quest_finish), kept through a draft and going back. */
static void test_ended_kept_in_the_draft(void)
{
    struct rh_quest q, r;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    CHECK(!rh_quest_ended(&q));
    CHECK_INT(rh_quest_answer(&q, "40", NULL), 0);
    CHECK_INT(rh_quest_finish(&q), 0); /* stopped early: not the end */
    CHECK(!rh_quest_ended(&q));
    rh_quest_release(&q);
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    CHECK_INT(rh_quest_answer(&q, "40", NULL), 0);
    while (rh_quest_current(&q))
        rh_quest_skip(&q);
    CHECK(rh_quest_ended(&q));
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK(rh_quest_ended(&q)); /* going back does not undo it */
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_quest_draft(&q, &b), 0);
    CHECK_INT(rh_quest_init(&r, NULL), 0);
    CHECK(rh_quest_resume(&r, b.data, b.len, NULL) > 0);
    CHECK(rh_quest_ended(&r));
    rh_quest_release(&r);
    rh_buf_release(&b);
    rh_quest_release(&q);
}

/* An intake with the screens before the hop test answered "nothing wrong". */
static void clean_intake(struct rh_intake *in)
{
    rh_intake_init(in);
    in->has_worse_with = in->has_signs = in->has_history = true;
    in->worse_with = RH_BIT(RH_WORSE_RUN_LATER);
    in->signs = 0;
    in->history = RH_BIT(RH_HIST_BACK_PROBLEMS);
}

/* The warning signs are screened early, as a clinician does (not after
 * twenty other questions): the signs screen is among the first four. */
static void test_red_flag_screen_comes_early(void)
{
    struct rh_quest q;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    int at = 1;
    while (rh_quest_current(&q) && strcmp(cur_id(&q), "signs") != 0) {
        rh_quest_skip(&q);
        at++;
    }
    if (at > 4)
        fprintf(stderr, "  the signs come at screen %d\n", at);
    CHECK(rh_quest_current(&q) != NULL && at <= 4);
    rh_quest_release(&q);
}

static void test_hop_test_never_offered_with_stress_fracture_signs(void)
{
    struct rh_quest q;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    clean_intake(&in);
    CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 1);
    CHECK_INT(rh_quest_would_ask(&q, "no_such_screen", &in), -1);
    static const int worse[] = {RH_WORSE_NIGHT, RH_WORSE_REST, RH_WORSE_WALKING,
                                RH_WORSE_HOPPING, RH_WORSE_STANDING_ONE_LEG};
    for (size_t i = 0; i < sizeof worse / sizeof worse[0]; i++) {
        clean_intake(&in);
        in.worse_with |= RH_BIT(worse[i]);
        CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 0);
    }
    static const int signs[] = {RH_SIGN_LIMP, RH_SIGN_CANNOT_BEAR_WEIGHT};
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
        clean_intake(&in);
        in.signs |= RH_BIT(signs[i]);
        CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 0);
    }
    clean_intake(&in);
    in.history |= RH_BIT(RH_HIST_STRESS_FRACTURE_BEFORE);
    CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 0);
    clean_intake(&in);
    in.test[RH_TEST_SINGLE_LEG_STAND] = RH_TRI_YES;
    CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 0);
    /* review 10 #1 (child10): nor the single-leg stand on a leg that limps
     * or cannot take weight */
    clean_intake(&in);
    CHECK_INT(rh_quest_would_ask(&q, "test_single_leg_stand", &in), 1);
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
        clean_intake(&in);
        in.signs |= RH_BIT(signs[i]);
        CHECK_INT(rh_quest_would_ask(&q, "test_single_leg_stand", &in), 0);
    }
    /* session 30 (walk30): the screens that could show the signs were
     * skipped: offered, the question saying when not to hop (a skipped
     * screen left a possible bone stress injury unasked) */
    clean_intake(&in);
    in.has_worse_with = false;
    CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 1);
    clean_intake(&in);
    in.has_signs = false;
    CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 1);
    clean_intake(&in);
    in.has_history = false;
    CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 1);
    clean_intake(&in);
    in.history_unknown = RH_BIT(RH_HIST_STRESS_FRACTURE_BEFORE);
    CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 1);
    /* ... and still not once a skipped screen's sign is told elsewhere:
     * hopping ticked among what makes it worse, with the signs skipped */
    clean_intake(&in);
    in.has_signs = false;
    in.worse_with |= RH_BIT(RH_WORSE_HOPPING);
    CHECK_INT(rh_quest_would_ask(&q, "test_hop", &in), 0);
    {
        const struct rh_quest_item *it = NULL;
        rh_quest_release(&q);
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        CHECK_INT(rh_quest_seek(&q, "test_hop"), 0);
        it = rh_quest_current(&q);
        CHECK(it && strstr(it->text, "only if walking and standing on the sore leg do not hurt"));
        CHECK(it && strstr(it->text, "never had a stress fracture"));
        struct rh_quest_extra x;
        CHECK(it && rh_quest_extra(it, &x) && strcmp(x.label, "I did not try it") == 0);
    }
    rh_quest_release(&q);

    /* whole sessions: night pain -> never shown; a limp -> never shown;
     * nothing worrying -> shown */
    static const struct {
        const char *screen, *ans;
        bool hop;
    } runs[] = {{"worse_with", "night", false},      {"signs", "limp", false},
                {"worse_with", "walking", false},    {"history", "stress_fracture_before", false},
                {"test_single_leg_stand", "yes", false}, {NULL, NULL, true}};
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        answer(&q, "sex", "male");
        /* in the questions' order: the warning signs come early */
        answer(&q, "signs", runs[i].screen && !strcmp(runs[i].screen, "signs") ? runs[i].ans : "0");
        answer(&q, "worse_with",
               runs[i].screen && !strcmp(runs[i].screen, "worse_with") ? runs[i].ans : "run_later");
        answer(&q, "history", runs[i].screen && !strcmp(runs[i].screen, "history") ? runs[i].ans : "0");
        if (runs[i].screen && !strcmp(runs[i].screen, "test_single_leg_stand"))
            answer(&q, "test_single_leg_stand", "yes");
        bool seen = false;
        while (rh_quest_current(&q)) {
            if (!strcmp(cur_id(&q), "test_hop"))
                seen = true;
            rh_quest_skip(&q);
        }
        if (seen != runs[i].hop) {
            fprintf(stderr, "  run %zu: hop %s\n", i, seen ? "offered" : "not offered");
            CHECK(0);
        }
        rh_quest_release(&q);
    }
}

/* Session 22 (runner22): groin pain on runs after a 40% rise in weekly
 * distance already raises the stress fracture's warning sign without the
 * hop, and that sign's advice says not to test the hip by hopping: the hop
 * is not asked then (data/assess_rules.txt [hop_safety], one rule for the
 * terminal and the web form, which share this state machine), nor named
 * among the questions that would help. The same pain without the rise is
 * no such sign: the hop is asked. */
static void test_hop_not_asked_when_the_answers_point_to_the_bone(void)
{
    static const struct {
        const char *change, *history;
        bool hop;
    } runs[] = {{"40", "0", false}, {"5", "0", true}, {"5", "missed_periods", false}};
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        struct rh_quest q;
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        answer(&q, "age", "27");
        answer(&q, "sex", "female");
        answer(&q, "signs", "0");
        answer(&q, "location", "groin front");
        answer(&q, "worse_with", "run_later after_run");
        answer(&q, "km_change_pct", runs[i].change);
        answer(&q, "history", "0");
        if (strcmp(runs[i].history, "0") != 0)
            answer(&q, "history_energy", runs[i].history);
        bool seen = false, stand = false;
        while (rh_quest_current(&q)) {
            seen |= !strcmp(cur_id(&q), "test_hop");
            stand |= !strcmp(cur_id(&q), "test_single_leg_stand");
            rh_quest_skip(&q);
        }
        /* session 22 (runner22b): nor the one-leg stand, the other loading
         * self-test of [hop_safety], once the sign is raised */
        if (stand != runs[i].hop)
            fprintf(stderr, "  run %zu: one-leg stand %s\n", i, stand ? "offered" : "not offered");
        CHECK(stand == runs[i].hop);
        if (seen != runs[i].hop)
            fprintf(stderr, "  run %zu: hop %s\n", i, seen ? "offered" : "not offered");
        CHECK(seen == runs[i].hop);
        struct rh_intake in;
        CHECK_INT(rh_quest_intake(&q, &in), 0);
        struct rh_assessment a;
        CHECK_INT(rh_assess(&in, &a, NULL), 0);
        bool flag = false, missing = false, missing_stand = false;
        for (int k = 0; k < a.n_flags; k++)
            flag |= !strcmp(a.flags[k].id, "stress_fracture_signs");
        for (int k = 0; k < a.n_missing; k++) {
            missing |= !strcmp(a.missing[k], "test_hop");
            missing_stand |= !strcmp(a.missing[k], "test_single_leg_stand");
        }
        CHECK(flag == !runs[i].hop); /* the sign that says not to hop */
        CHECK(!(flag && missing));
        CHECK(!(flag && missing_stand));
        CHECK(rh_assess_hop_unsafe(&in) == !runs[i].hop);
        rh_quest_release(&q);
    }
}

/* Review 8 B1: once the answers make a same-day red flag certain (a
 * limping 14-year-old hurt while sprinting), the self-tests that load or
 * move the hip are not asked, and the questionnaire can stop there with
 * every answer kept. A flag is certain only when no answer still to come
 * can undo it (red, swollen skin is an infection unless the onset question,
 * still to come, tells of a fall). */
static const char *const held[] = {"test_single_leg_stand", "test_hop", "test_resisted_knee_lift",
                                   "test_squeeze", "test_knee_to_chest", "test_hip_flexor_length",
                                   "test_cross_legged"};

static bool is_held(const char *id)
{
    for (size_t k = 0; k < sizeof held / sizeof *held; k++)
        if (!strcmp(held[k], id))
            return true;
    return false;
}

static void test_review8_urgent_holds_self_tests(void)
{
    struct rh_quest q;
    for (int teen = 0; teen < 2; teen++) {
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        answer(&q, "age", teen ? "14" : "30");
        answer(&q, "sex", "male");
        answer(&q, "signs", teen ? "limp" : "0");
        answer(&q, "location", "groin front");
        answer(&q, "onset", "sudden");
        CHECK(skip_to(&q, "onset_event"));
        CHECK(rh_quest_urgent(&q) == NULL); /* the onset event is still to come */
        answer(&q, "onset_event", "sprint");
        /* session 12 (urgent12, issue 11): a teenager's limp after a clear
         * sprint is same-day only with a sign still to come (pain at rest,
         * at night, the knee...): not certain here, but the self-tests that
         * pull on the tendon stay held ([held_tests] held_if) */
        const char *flag = rh_quest_urgent(&q);
        CHECK(flag == NULL);
        if (teen && flag) {
            char words[1200];
            rh_quest_urgent_words(flag, words, sizeof words);
            CHECK(strstr(words, "medical help today") != NULL);
            CHECK(strstr(words, flag) != NULL);
            CHECK(strstr(words, "standing on it") != NULL); /* what is left out, and why */
            CHECK(strstr(words, "worse") != NULL);
        }
        int held_seen = 0, press_seen = 0;
        while (rh_quest_current(&q)) {
            held_seen += is_held(cur_id(&q));
            press_seen += !strcmp(cur_id(&q), "test_press_outer");
            rh_quest_skip(&q);
        }
        CHECK_INT(press_seen, 1); /* touching the hip is still asked */
        if (teen)
            CHECK_INT(held_seen, 0);
        else
            CHECK(held_seen >= 5); /* the hop test has its own rule */
        struct rh_intake in;
        CHECK_INT(rh_quest_intake(&q, &in), 0);
        for (size_t k = 0; teen && k < sizeof held / sizeof *held; k++)
            CHECK_INT(rh_quest_would_ask(&q, held[k], &in), 0);
        rh_quest_release(&q);
    }
    /* stopping early keeps the answers given (a stiff hip: same day) */
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "age", "14");
    answer(&q, "signs", "limp reduced_motion");
    answer(&q, "location", "groin");
    answer(&q, "onset", "sudden");
    answer(&q, "onset_event", "kick");
    CHECK(rh_quest_urgent(&q) != NULL);
    CHECK_INT(rh_quest_finish(&q), 0);
    CHECK(rh_quest_current(&q) == NULL);
    CHECK_INT(rh_quest_state_of(&q), RH_QUEST_DONE);
    CHECK_INT(rh_quest_finish(&q), RH_EINVAL);
    struct rh_intake in;
    CHECK_INT(rh_quest_intake(&q, &in), 0);
    CHECK_INT(in.age, 14);
    CHECK_INT(in.onset_event, RH_EVENT_KICK);
    CHECK(in.signs & RH_BIT(RH_SIGN_LIMP));
    CHECK(rh_quest_urgent(&q) != NULL);
    rh_quest_release(&q);
    /* red, swollen skin: certain only once the onset says no injury */
    for (int fall = 0; fall < 2; fall++) {
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        answer(&q, "age", "40");
        answer(&q, "signs", "redness swelling");
        CHECK(skip_to(&q, "onset_event"));
        CHECK(rh_quest_urgent(&q) == NULL);
        answer(&q, "onset_event", fall ? "fall" : "none");
        CHECK((rh_quest_urgent(&q) != NULL) == (fall == 0));
        rh_quest_release(&q);
    }
}

/* Session 27 (ux27): new bladder or bowel trouble is a same-day warning
 * at once for a man (the birth screen, never shown to him, no longer
 * counts as a question still to come) and stays one at the end when he
 * answered his health history (the unasked birth word once silenced it);
 * a woman's birth screen still to come keeps the pelvic-floor question
 * open, and at the end, skipped, the emergency stands. */
static void test_session27_bladder_unasked_birth(void)
{
    struct rh_quest q;
    for (int woman = 0; woman < 2; woman++) {
        CHECK_INT(rh_quest_init(&q, NULL), 0);
        answer(&q, "age", "35");
        answer(&q, "sex", woman ? "female" : "male");
        answer(&q, "signs", "bladder_bowel");
        const char *flag = rh_quest_urgent(&q);
        if (woman)
            CHECK(flag == NULL); /* her birth screen is still to come */
        else
            CHECK(flag != NULL); /* warned at once */
        answer(&q, "history", "0");
        while (rh_quest_current(&q))
            rh_quest_skip(&q);
        struct rh_intake in;
        CHECK_INT(rh_quest_intake(&q, &in), 0);
        struct rh_assessment a;
        struct rh_err err;
        CHECK_INT(rh_assess(&in, &a, &err), 0);
        CHECK_INT(a.disposition, RH_DISP_URGENT);
        bool bladder = false;
        for (int i = 0; i < a.n_flags; i++)
            bladder |= strcmp(a.flags[i].id, "bladder_bowel") == 0;
        CHECK(bladder);
        rh_quest_release(&q);
    }
}

/* session 28 (walk28, found walking the questionnaire as a runner): a
 * runner with both buttocks and the sit bones aching and numb where he sits
 * was never asked about numbness (the nerve screen came only for pain down
 * the leg or in the low back), so the saddle-numbness emergency the same
 * facts raise from a file could not be raised from the terminal or the web
 * form. Every open vignette is answered screen by screen as its runner would
 * (a screen's words from the vignette's answers, a screen not shown left
 * unasked); the flags the whole answers raise must all be raised, at no
 * lower level, by what the questionnaire asked. */
static int quest_answers_from(const char *text, const struct rh_quest_item *it, char *out, size_t cap)
{
    /* a weak side is told on its own screen, not among the signs */
    if (strcmp(it->key, "check_weak_side") == 0 && !strstr(text, "\ncheck_weak_side = ") &&
        strstr(text, "weak_one_side")) {
        snprintf(out, cap, "yes");
        return 1;
    }
    size_t klen = strlen(it->key);
    for (const char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        if (strncmp(l, it->key, klen) != 0 || strncmp(l + klen, " = ", 3) != 0)
            continue;
        const char *v = l + klen + 3;
        size_t vn = strcspn(v, "\n");
        if (it->kind != RH_QUEST_MANY) {
            snprintf(out, cap, "%.*s", (int)vn, v);
            return 1;
        }
        out[0] = '\0';
        for (int c = 0; c < it->n_choices; c++) {
            size_t wn = strlen(it->choices[c].word);
            for (const char *w = v; w < v + vn; w += strcspn(w, ",\n"), w += strspn(w, ", ")) {
                if (strncmp(w, it->choices[c].word, wn) == 0 && strchr(",\n", w[wn] ? w[wn] : '\n')) {
                    size_t o = strlen(out);
                    snprintf(out + o, cap - o, "%s%s", o ? ", " : "", it->choices[c].word);
                    break;
                }
            }
        }
        if (!out[0])
            snprintf(out, cap, "0");
        return 1;
    }
    return 0;
}

/* Answers the questionnaire screen by screen as the runner of TEXT (an
 * intake file's lines) would: a screen's words from the file's answers
 * (quest_answers_from), a screen the file does not answer skipped; stores
 * what was asked in *ASKED. With RH_SHOW set, prints it under PATH. */
static void quest_walk(const char *text, const char *path, struct rh_intake *asked)
{
    struct rh_err err;
    struct rh_quest q;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    for (const struct rh_quest_item *it; (it = rh_quest_current(&q));) {
        char ans[512];
        if (!quest_answers_from(text, it, ans, sizeof ans)) {
            rh_quest_skip(&q);
            continue;
        }
        int r = rh_quest_answer(&q, ans, &err);
        if (r == RH_QUEST_CONFIRM)
            rh_quest_confirm(&q, true);
        else if (r != 0)
            rh_quest_skip(&q);
    }
    CHECK_INT(rh_quest_intake(&q, asked), 0);
    rh_quest_release(&q);
    if (path && getenv("RH_SHOW")) {
        struct rh_buf t;
        rh_buf_init(&t, 0);
        rh_intake_to_text(asked, &t);
        fprintf(stderr, "%s asked:\n%s\n", path, t.data ? t.data : "");
        rh_buf_release(&t);
    }
}

/* quest_walk on FULL written out in the intake's own words (one answer a
 * line, as rh_intake_to_text gives it). */
static void quest_walk_canon(const struct rh_intake *full, const char *path,
                             struct rh_intake *asked)
{
    struct rh_buf canon;
    rh_buf_init(&canon, 0);
    CHECK_INT(rh_intake_to_text(full, &canon), 0);
    quest_walk(canon.data ? canon.data : "", path, asked);
    rh_buf_release(&canon);
}

static int quest_hides_flag_in(const char *path, const char *text)
{
    struct rh_intake full, asked;
    struct rh_err err;
    static struct rh_assessment a, b;
    int rc = rh_intake_parse(text, strlen(text), &full, &err);
    /* a weak leg is asked in two steps (one side weaker, then what kind:
     * growing weaker, weak_progressive, or lost strength below the hip, the
     * contract's weak_one_side since walk29): compared like any answer */
    /* the hop is withheld on purpose where it could complete a fracture
     * (test_hop_test_never_offered_with_stress_fracture_signs): not asked */
    if (rc == 0)
        full.test[RH_TEST_HOP] = RH_TRI_UNKNOWN;
    if (rc != 0 || rh_assess(&full, &a, &err) != 0 || a.n_flags == 0)
        return -1;
    quest_walk_canon(&full, path, &asked);
    if (rh_assess(&asked, &b, &err) != 0)
        return -1;
    int hidden = 0;
    for (int i = 0; i < a.n_flags; i++) {
        bool found = false;
        for (int j = 0; j < b.n_flags; j++)
            found |= strcmp(a.flags[i].id, b.flags[j].id) == 0;
        if (!found) {
            fprintf(stderr, "  %s: %s not raised by the questionnaire\n", path, a.flags[i].id);
            hidden++;
        }
    }
    /* and the one booking the same: the pelvic-health or postnatal one */
    if (a.disposition == b.disposition &&
        (a.care_pelvic != b.care_pelvic || a.care_postnatal != b.care_postnatal)) {
        fprintf(stderr, "  %s: the questionnaire books pelvic %d postnatal %d, not %d %d\n", path,
                b.care_pelvic, b.care_postnatal, a.care_pelvic, a.care_postnatal);
        hidden++;
    }
    if (!hidden && b.disposition < a.disposition) {
        fprintf(stderr, "  %s: the questionnaire's level %d below %d\n", path, (int)b.disposition,
                (int)a.disposition);
        hidden++;
    }
    return hidden;
}

static int quest_hides_flag(const char *path)
{
    char *text = test_slurp(path, NULL);
    if (!text)
        return -1;
    int h = quest_hides_flag_in(path, text);
    free(text);
    return h;
}

/* The value of "# key: value" in a vignette's header ("" if absent). */
static void d29_header(const char *text, const char *key, char *out, size_t cap)
{
    out[0] = '\0';
    size_t kl = strlen(key);
    for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        if (strncmp(p, "# ", 2) == 0 && strncmp(p + 2, key, kl) == 0 && p[2 + kl] == ':') {
            const char *v = p + 3 + kl;
            while (*v == ' ')
                v++;
            size_t n = strcspn(v, "\n");
            if (n >= cap)
                n = cap - 1;
            memcpy(out, v, n);
            out[n] = '\0';
            return;
        }
    }
}

/* One case of the danger29 stress set told through the questionnaire, as
 * a runner at the terminal would: its answers given screen by screen
 * (screens it has no answer for skipped, held tests not asked). 1 if the
 * result is below its author's level or its dangerous cause is out of the
 * top three, 0 if not, -1 for a file it does not judge. */
static int d29_unsafe_through_quest(const char *path)
{
    if (!strstr(path, "/danger29/"))
        return -1;
    char *text = test_slurp(path, NULL);
    if (!text)
        return -1;
    char top[64], disp[64];
    d29_header(text, "top", top, sizeof top);
    d29_header(text, "disposition", disp, sizeof disp);
    enum rh_disposition least = RH_DISP_SELF_CARE;
    struct rh_intake full, asked;
    struct rh_err err;
    static struct rh_assessment b;
    int rc = rh_intake_parse(text, strlen(text), &full, &err);
    free(text);
    CHECK_INT(rc, 0);
    CHECK_INT(rh_disposition_parse(disp, &least), 0);
    if (rc != 0)
        return -1;
    quest_walk_canon(&full, path, &asked);
    CHECK_INT(rh_assess(&asked, &b, &err), 0);
    int in3 = 0;
    for (int k = 0; k < 3 && k < b.n_conditions; k++)
        in3 |= strcmp(b.conditions[k].id, top) == 0;
    if (!in3 || b.disposition < least) {
        fprintf(stderr, "  %s: through the questionnaire %s %s, disposition %s (expected %s)\n",
                path, top, in3 ? "in the top three" : "out of the top three",
                rh_disposition_name(b.disposition), disp);
        return 1;
    }
    return 0;
}

/* Session 29 (danger29, issue 11): every dangerous presentation of the
 * engine's own stress set (tests/vignettes/danger29) keeps, when told
 * through the terminal questionnaire, its dangerous cause in the top three
 * and a disposition at least its author's; the same walk as the flags'.
 * Session 29 left two short forms whose only sign of a stress fracture is
 * the painful hop (2902: deep pain after a doubled week; 2906: buttock pain
 * while breastfeeding), since the hop was never offered while what makes
 * the pain worse, what is seen or the health history was unanswered.
 * Session 30 (walk30): the hop is offered then, its question saying when not
 * to hop (data/questions.txt [test_hop]); none is lost now. */
#define D29_QUEST_UNSAFE 0
static void test_session29_danger_set_through_questionnaire(void)
{
    int unsafe = 0;
    int seen = open_vignettes_walk(d29_unsafe_through_quest, &unsafe);
    CHECK(seen >= 40);
    CHECK(unsafe <= D29_QUEST_UNSAFE);
}

static void test_session28_questionnaire_never_hides_flag(void)
{
    int hidden = 0;
    int seen = open_vignettes_walk(quest_hides_flag, &hidden);
    CHECK(seen >= 150);
    CHECK_INT(hidden, 0);
    /* "nothing" on the screen that offers "Nothing helps" is that choice,
     * alone or with others (the web form sends the word); elsewhere it is
     * still "none of these" */
    struct rh_quest q;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    answer(&q, "better_with", "nothing");
    answer(&q, "recent_change", "nothing");
    CHECK_INT(rh_quest_intake(&q, &in), 0);
    CHECK(in.has_better_with && in.better_with == RH_BIT(RH_BETTER_NOTHING));
    CHECK(in.has_recent_change && in.recent_change == 0);
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_INT(rh_quest_back(&q), 0);
    while (strcmp(cur_id(&q), "better_with") != 0)
        CHECK_INT(rh_quest_back(&q), 0);
    struct rh_err e;
    CHECK_INT(rh_quest_answer(&q, "rest, nothing", &e), 0);
    CHECK_INT(rh_quest_intake(&q, &in), 0);
    CHECK(in.better_with == (RH_BIT(RH_BETTER_NOTHING) | RH_BIT(RH_BETTER_REST)));
    rh_quest_release(&q);
    /* the runners of walk28 whose flag the questionnaire could not raise */
    static const char *const walkers[] = {
        /* both buttocks and the sit bones, numb where he sits: the nerve
         * screen was never shown (saddle numbness, bladder_bowel) */
        "age = 45\nsex = male\nside = both\nlocation = buttock, sit_bone\nonset = gradual\n"
        "character = dull_ache, burning, numbness\nsigns = none\nworse_with = sitting\n",
        /* one buttock and the sit bone numb on both sides' seat */
        "age = 38\nsex = female\nside = both\nlocation = sit_bone\ncharacter = numbness\n"
        "signs = none\nhistory = none\n",
        /* sharp pain at the front of the hip that locks: the inside-the-hip
         * screen was never shown (locking) */
        "age = 27\nsex = female\nside = right\nlocation = front\nonset = gradual\n"
        "character = sharp, locking\nsigns = none\npain_worst = 6\nworse_with = twisting\n",
        /* nothing helps, ticked on the web (the word "nothing" was read as
         * none of these): pain that nothing eases, new after 50 */
        "age = 62\nsex = male\nside = right\nsigns = none\nlocation = groin, deep\n"
        "onset = gradual\nonset_event = none\nduration_days = 40\ncharacter = dull_ache\n"
        "pain_now = 6\npain_worst = 8\nworse_with = walking\nbetter_with = nothing\n",
        /* a month after a birth, new bladder trouble ticked, aching at the
         * front of both hips on runs: the pelvic-health physiotherapist, not
         * a sports one (numbness never asked for pain at the front) */
        "age = 31\nsex = female\nside = both\nsigns = bladder_bowel\ncheck_weak_side = no\n"
        "location = front, groin\nonset = gradual\nonset_event = none\nduration_days = 30\n"
        "character = dull_ache\npain_now = 2\npain_run = 4\npain_worst = 4\n"
        "worse_with = run_later\nbetter_with = rest\nhistory = postpartum\n",
    };
    for (size_t i = 0; i < sizeof walkers / sizeof walkers[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "walk28 runner %zu", i + 1);
        int h = quest_hides_flag_in(name, walkers[i]);
        CHECK(h >= 0);
        CHECK_INT(h, 0);
    }
}

/* session 29 (walk29): the same facts say the same from a file and from the
 * questionnaire, the hop included: a file's painful hop where walking
 * already hurts (which the questionnaire rightly never asks) no longer
 * decides the older stiff hip's stress-fracture warning (data/terms.txt
 * older_oa_no_bone_story, Milgrom21); a leg that lost strength below the
 * hip with numbness down it is told on the weakness screen (weak_one_side)
 * and raises the nerve flag as a file does; the race's soreness with the
 * health history skipped is read alike. Every flag, and the level. */
static void walk29_same(const char *name, const char *text, const char *want_flag)
{
    struct rh_intake full, asked;
    struct rh_err err;
    static struct rh_assessment a, b;
    CHECK_INT(rh_intake_parse(text, strlen(text), &full, &err), 0);
    CHECK_INT(rh_assess(&full, &a, &err), 0);
    quest_walk(text, NULL, &asked);
    CHECK_INT(rh_assess(&asked, &b, &err), 0);
    int diff = a.n_flags != b.n_flags || a.disposition != b.disposition;
    for (int i = 0; i < a.n_flags && !diff; i++)
        diff |= strcmp(a.flags[i].id, b.flags[i].id) != 0;
    bool has = !want_flag;
    for (int i = 0; i < b.n_flags; i++)
        has |= want_flag && !strcmp(b.flags[i].id, want_flag);
    if (diff || !has)
        fprintf(stderr, "  %s: file %d flags level %d, questionnaire %d flags level %d (%s)\n", name,
                a.n_flags, (int)a.disposition, b.n_flags, (int)b.disposition,
                b.n_flags ? b.flags[0].id : "none");
    CHECK(!diff);
    CHECK(has);
}

static void test_session29_walk29_same_from_file_and_questionnaire(void)
{
    /* a 67-year-old's stiff groin: walking, hopping and mornings hurt, no
     * rise in training, no bone risk: the arthritic hip from both */
    walk29_same("stiff hop-positive hip",
                "age = 67\nsex = male\nside = left\nsigns = reduced_motion\ncheck_weak_side = no\n"
                "location = groin, deep\nonset = gradual\nonset_event = none\nduration_days = 60\n"
                "character = dull_ache\npain_now = 3\npain_run = 4\npain_worst = 5\n"
                "worse_with = walking, hopping, morning\nbetter_with = movement\nkm_change_pct = 0\n"
                "recent_change = none\nhistory = none\ntest_hop = yes\n",
                NULL);
    /* the same with a rise in load: the warning from both */
    walk29_same("stiff hip after a rise in load",
                "age = 61\nsex = female\nside = left\nsigns = none\ncheck_weak_side = no\n"
                "location = groin, deep\nonset = gradual\nonset_event = none\nduration_days = 35\n"
                "character = dull_ache\npain_now = 3\npain_run = 5\npain_worst = 5\n"
                "worse_with = walking, morning, hopping\nkm_change_pct = 50\n"
                "recent_change = more_km\nhistory = none\ntest_hop = yes\n",
                "stress_fracture_signs");
    /* sciatica, numb down the leg, cannot rise on the toes */
    walk29_same("weak calf with numbness",
                "age = 47\nsex = male\nside = left\nsigns = weak_one_side\ncheck_weak_side = yes\n"
                "location = low_back, buttock, down_leg\nonset = gradual\nonset_event = none\n"
                "duration_days = 25\ncharacter = sharp, radiating, numbness, tingling\npain_now = 5\n"
                "pain_worst = 7\nworse_with = sitting, cough_sneeze, run_later\n"
                "better_with = movement\nhistory = back_problems\n",
                "neuro_deficit");
    /* a felt weakness on stairs with tingling down the leg: no nerve flag */
    walk29_same("felt weakness, tingling",
                "age = 38\nsex = female\nside = right\nsigns = none\ncheck_weak_side = yes\n"
                "location = low_back, down_leg\nonset = gradual\nonset_event = none\n"
                "duration_days = 20\ncharacter = radiating, tingling\npain_now = 3\npain_worst = 5\n"
                "worse_with = sitting, run_later\nbetter_with = movement, stretching\nhistory = none\n",
                NULL);
    /* a 61-year-old man's bruised sprint pop (walk29): his unasked periods,
     * birth and breastfeeding kept the torn muscle's exception from holding
     * on the terminal and the web, not in his file */
    walk29_same("man's bruised pop",
                "age = 61\nsex = male\nside = right\nsigns = bruising\ncheck_weak_side = no\n"
                "location = front, groin\nonset = sudden\nonset_event = pop\nduration_days = 4\n"
                "character = sharp\npain_now = 4\npain_run = 7\npain_worst = 7\n"
                "worse_with = walking, kicking, stairs\nbetter_with = rest\n"
                "test_resisted_knee_lift = yes\nhistory = none\n",
                NULL);
    /* two days after a marathon, both legs, history skipped */
    walk29_same("race soreness, history skipped",
                "age = 29\nsex = male\nside = both\nsigns = none\ncheck_weak_side = no\n"
                "location = front, groin, buttock, outer_thigh\nonset = gradual\nonset_event = none\n"
                "duration_days = 2\ncharacter = dull_ache, tight\npain_now = 4\npain_worst = 5\n"
                "worse_with = stairs, walking, rising, hopping\nbetter_with = movement, massage\n"
                "recent_change = race\n",
                NULL);
}

/* session 28 (walk28, the web form with every box ticked): an answer longer
 * than RH_QUEST_TYPED was cut in the middle of a word, and the draft that
 * carries the web form from page to page replayed the cut text, failed and
 * dropped it: every sign ticked (fever, bladder trouble, a lump that will
 * not go back in) was lost. A long answer survives the draft whole. */
static void test_session28_long_answer_survives_the_draft(void)
{
    static const char *const screens[][2] = {
        {"signs", "swelling, redness, warmth, bruising, fever, limp, cannot_bear_weight, "
                  "reduced_motion, numb_foot, lump_groin, lump_stuck, weight_loss, night_sweats, "
                  "bladder_bowel, worsening"},
        {"duration_days", "                                                                  "
                          "                                                                  "
                          "                  about 3 weeks"},
        {"worse_with", "run_start, run_later, after_run, sitting, rising, night, rest, morning, "
                       "stairs, hills, lying_on_side, knee_to_chest, walking, standing_one_leg, "
                       "hopping, crossing_legs, cough_sneeze, kicking, squatting, twisting"},
    };
    struct rh_quest q, r;
    struct rh_intake a, b;
    CHECK_INT(rh_quest_init(&q, NULL), 0);
    for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
        CHECK(strlen(screens[i][1]) >= RH_QUEST_TYPED);
        answer(&q, screens[i][0], screens[i][1]);
    }
    CHECK_INT(rh_quest_intake(&q, &a), 0);
    CHECK(a.has_signs && (a.signs & RH_BIT(RH_SIGN_FEVER)) && (a.signs & RH_BIT(RH_SIGN_WORSENING)));
    CHECK(a.has_worse_with && (a.worse_with & RH_BIT(RH_WORSE_TWISTING)));
    CHECK_INT(a.duration_days, 21);
    struct rh_buf d;
    rh_buf_init(&d, 0);
    CHECK_INT(rh_quest_draft(&q, &d), 0);
    CHECK_INT(rh_quest_init(&r, NULL), 0);
    struct rh_err e;
    CHECK_INT(rh_quest_resume(&r, d.data, d.len, &e), 3);
    CHECK_INT(rh_quest_intake(&r, &b), 0);
    CHECK_INT(b.signs, a.signs);
    CHECK_INT(b.worse_with, a.worse_with);
    CHECK_INT(b.duration_days, 21);
    rh_buf_release(&d);
    rh_quest_release(&q);
    rh_quest_release(&r);
}

static void bad_file(const char *text, long line, const char *want)
{
    struct rh_quest q;
    struct rh_err e;
    CHECK_INT(rh_quest_init_from(&q, text, strlen(text), &e), RH_EFORMAT);
    CHECK_INT(e.line, line);
    if (!strstr(e.msg, want)) {
        fprintf(stderr, "  '%s' lacks '%s'\n", e.msg, want);
        CHECK(0);
    }
    CHECK(rh_quest_current(&q) == NULL);
    rh_quest_release(&q);
}

static void test_questions_file_errors(void)
{
    bad_file("[a]\nkey = agee\ntext = How old?\n", 2, "unknown intake key 'agee'");
    bad_file("[a]\nkey = sex\ntext = Sex?\nchoice = female: F\n", 2, "must offer every word of sex");
    bad_file("[a]\nkey = signs\ntext = Signs?\nchoice = fevr: Fever\n", 4, "'fevr' is not a word of signs");
    bad_file("[a]\nkey = signs\ntext = S?\nchoice = fever: F\nask_if = location is groin\n", 5,
             "which no earlier screen asks");
    bad_file("[a]\nkey = age\n", 2, "needs key and text");
    bad_file("[a]\nkey = age\ntext = A?\ncolour = red\n", 4, "unknown attribute 'colour'");
    bad_file("key = age\n", 1, "before the first [screen]");
    bad_file("[a]\nkey = age\ntext = A?\nchoice = 3: three\n", 4, "takes a number");
    bad_file("[a]\nkey = age\ntext = A?\n[b]\nkey = pain_now\ntext = P?\nask_if = age is 3\n", 7,
             "conditions on numbers");
    bad_file("[a]\nkey = age\ntext = A?\n[b]\nkey = age\ntext = B\n[a]\nhelp = x\n", 8, "screen 'a' given twice");
    bad_file("", -1, "no screens");
    bad_file("[a]\nkey = age\ntext = A?\nnone = No\n", 2, "'none' is only for a list");
    /* a minimal good file */
    struct rh_quest q;
    struct rh_err e;
    const char *good = "[a]\nkey = same_route\ntext = Same route?\n"
                       "[b]\nkey = shoe_km\ntext = Shoes?\nask_if = same_route is yes\n";
    CHECK_INT(rh_quest_init_from(&q, good, strlen(good), &e), 0);
    CHECK_INT(rh_quest_answer(&q, "n", &e), 0);
    CHECK(rh_quest_current(&q) == NULL);
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_INT(rh_quest_answer(&q, "1", &e), 0); /* 1 = yes */
    CHECK_STR(cur_id(&q), "b");
    CHECK_INT(rh_quest_answer(&q, "500", &e), 0);
    struct rh_intake in;
    CHECK_INT(rh_quest_intake(&q, &in), 0);
    CHECK_INT(in.same_route, RH_TRI_YES);
    CHECK_INT(in.shoe_km, 500);
    rh_quest_release(&q);
}

static void test_allocation_failures(void)
{
    for (long n = 1; n < 2000; n++) {
        struct rh_quest q;
        struct rh_err e;
        rh_alloc_fail_after(n);
        int r = rh_quest_init(&q, &e);
        rh_alloc_fail_after(0);
        if (r == 0) {
            rh_quest_release(&q);
            break;
        }
        CHECK_INT(r, RH_ENOMEM);
        CHECK(rh_quest_current(&q) == NULL);
        rh_quest_release(&q);
    }
}


/* Everyday answers: numbers in words, "about", units, durations in weeks,
 * "not sure", several words with commas and "and". */
static void test_everyday_answers(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_intake in;
    static const struct {
        const char *screen, *typed;
        double want; /* NUMBER screens */
    } nums[] = {{"age", "thirty-four", -1}, {"age", "about 34", 34}, {"age", "34 years", 34},
                {"duration_days", "2 weeks", 14}, {"duration_days", "about 10", 10},
                {"duration_days", "ten days", 10}, {"duration_days", "a month", 30},
                {"duration_days", "3 months", 90}, {"duration_days", "1.5 weeks", 11},
                {"duration_days", "twenty", 20}, {"pain_worst", "six", 6},
                {"pain_worst", "6/10", 6}, {"weekly_km", "about 40 km", 40},
                {"weekly_km", "30-40", 35}, {"sitting_hours", "8 hours", 8},
                {"km_change_pct", "20%", 20}};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        CHECK_INT(rh_quest_init(&q, &e), 0);
        CHECK(skip_to(&q, nums[i].screen));
        int r = rh_quest_answer(&q, nums[i].typed, &e);
        if (nums[i].want < 0) { /* not a number runhip reads: asked again */
            CHECK(r != 0);
            CHECK_STR(cur_id(&q), nums[i].screen);
        } else {
            CHECK_INT(r, 0);
            rh_quest_intake(&q, &in);
            double got = !strcmp(nums[i].screen, "age")             ? in.age
                         : !strcmp(nums[i].screen, "duration_days") ? in.duration_days
                         : !strcmp(nums[i].screen, "pain_worst")    ? in.pain_worst
                         : !strcmp(nums[i].screen, "weekly_km")     ? in.weekly_km
                         : !strcmp(nums[i].screen, "sitting_hours") ? in.sitting_hours
                                                                    : in.km_change_pct;
            if (got != nums[i].want)
                fprintf(stderr, "  '%s' on %s gave %g, not %g\n", nums[i].typed,
                        nums[i].screen, got, nums[i].want);
            CHECK(got == nums[i].want);
        }
        rh_quest_release(&q);
    }
    /* "not sure" and "don't know": not answered, and the questionnaire moves on */
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK(skip_to(&q, "duration_days"));
    CHECK_INT(rh_quest_answer(&q, "Not sure", &e), 0);
    CHECK_STR(cur_id(&q), "episodes");
    CHECK_INT(rh_quest_answer(&q, "don\u2019t know", &e), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.duration_days, -1);
    CHECK_INT(in.episodes, RH_EPISODES_UNKNOWN);
    /* several words: commas, "and", phrases of the labels */
    CHECK(skip_to(&q, "character"));
    CHECK_INT(rh_quest_answer(&q, "dull ache, burning and sharp", &e), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.character, RH_BIT(RH_CHAR_DULL_ACHE) | RH_BIT(RH_CHAR_BURNING) |
                                RH_BIT(RH_CHAR_SHARP));
    CHECK(skip_to(&q, "worse_with"));
    CHECK_INT(rh_quest_answer(&q, "stairs and lying on that side", &e), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.worse_with, RH_BIT(RH_WORSE_STAIRS) | RH_BIT(RH_WORSE_LYING_ON_SIDE));
    CHECK(skip_to(&q, "same_route"));
    CHECK_INT(rh_quest_answer(&q, "yeah", &e), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.same_route, RH_TRI_YES);
    rh_quest_release(&q);
}

/* Enter keeps an earlier answer; "-" (skip) clears it; back shows it as typed. */
static void test_enter_keeps_answers(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_buf b;
    struct rh_intake in;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK(!rh_quest_has_answer(&q));
    CHECK_INT(rh_quest_answer(&q, "about 34", &e), 0);
    CHECK_INT(rh_quest_answer(&q, "female", &e), 0);
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK(rh_quest_has_answer(&q));
    CHECK_INT(rh_quest_current_answer(&q, &b), 1);
    CHECK_STR(b.data, "about 34");
    CHECK_INT(rh_quest_keep(&q), 0); /* Enter */
    CHECK_INT(rh_quest_keep(&q), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.age, 34);
    CHECK_INT(in.sex, RH_SEX_FEMALE);
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_INT(rh_quest_skip(&q), 0); /* "-": cleared */
    rh_quest_intake(&q, &in);
    CHECK_INT(in.sex, RH_SEX_UNKNOWN);
    rh_quest_release(&q);
    rh_buf_release(&b);
}

/* A draft keeps what was typed and where the runner stopped; resuming puts
 * the answers back, back still works, and stale lines are dropped. */
static void test_draft_and_resume(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_buf d, b;
    struct rh_intake in;
    rh_buf_init(&d, 0);
    rh_buf_init(&b, 0);
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_INT(rh_quest_answer(&q, "34", &e), 0);
    CHECK_INT(rh_quest_answer(&q, "2", &e), 0);
    CHECK_INT(rh_quest_skip(&q), 0); /* side */
    CHECK_INT(rh_quest_skip(&q), 0); /* the warning signs */
    CHECK_INT(rh_quest_skip(&q), 0); /* a weaker side */
    CHECK_INT(rh_quest_answer(&q, "outer and front", &e), 0);
    CHECK_INT(rh_quest_draft_count(&q), 3);
    CHECK_INT(rh_quest_draft(&q, &d), 0);
    CHECK(strstr(d.data, "location = outer and front\n") != NULL);
    CHECK(strstr(d.data, "@at = onset\n") != NULL);
    rh_quest_release(&q);
    CHECK_INT(rh_buf_puts(&d, "no_such_screen = 3\nage = 34\n"), 0);
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_INT(rh_quest_resume(&q, d.data, d.len, &e), 4);
    CHECK_STR(cur_id(&q), "onset");
    rh_quest_intake(&q, &in);
    CHECK_INT(in.age, 34);
    CHECK_INT(in.sex, RH_SEX_MALE);
    CHECK_INT(in.location, RH_BIT(RH_LOC_OUTER) | RH_BIT(RH_LOC_FRONT));
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_STR(cur_id(&q), "location");
    CHECK_INT(rh_quest_current_answer(&q, &b), 1);
    CHECK_STR(b.data, "outer and front");
    rh_quest_release(&q);
    rh_buf_release(&d);
    rh_buf_release(&b);
}

/* A cadence under 120 is asked about as strides before it is doubled; a
 * figure from the watch is suggested and Enter keeps it. */
static void test_strides_and_watch_figures(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_intake in;
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK(skip_to(&q, "cadence_spm"));
    CHECK_INT(rh_quest_answer(&q, "84", &e), RH_QUEST_CONFIRM);
    CHECK(strstr(e.msg, "strides") != NULL && strstr(e.msg, "168") != NULL);
    CHECK_STR(cur_id(&q), "cadence_spm");
    CHECK_INT(rh_quest_confirm(&q, false), 0); /* no: type it again */
    CHECK_STR(cur_id(&q), "cadence_spm");
    CHECK_INT(rh_quest_answer(&q, "84", &e), RH_QUEST_CONFIRM);
    CHECK_INT(rh_quest_confirm(&q, true), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.cadence_spm, 168);
    CHECK_INT(rh_quest_answer(&q, "170", &e), 0); /* steps already: no question */
    rh_quest_release(&q);

    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_INT(rh_quest_prefill(&q, "cadence_spm", "165", "Your watch data says"), 0);
    CHECK_INT(rh_quest_prefill(&q, "no_such_key", "1", "x"), RH_ENOTFOUND);
    CHECK(skip_to(&q, "cadence_spm") || true);
    /* skip_to skips: go back to the screen and keep the suggestion with Enter */
    rh_quest_release(&q);
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_INT(rh_quest_prefill(&q, "cadence_spm", "165", "Your watch data says"), 0);
    while (rh_quest_current(&q) && strcmp(cur_id(&q), "cadence_spm") != 0)
        rh_quest_skip(&q);
    CHECK(rh_quest_has_answer(&q));
    CHECK_STR(rh_quest_current_note(&q), "Your watch data says");
    CHECK_INT(rh_quest_current_answer(&q, &b), 1);
    CHECK_STR(b.data, "165");
    CHECK_INT(rh_quest_keep(&q), 0);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.cadence_spm, 165);
    CHECK_INT(rh_quest_draft_count(&q), 0); /* a suggestion is not the runner's typing */
    rh_quest_release(&q);
    rh_buf_release(&b);
}

/* One weakness question; only a sudden or progressive loss of strength or
 * foot control is the nerve sign (a red flag), ordinary weakness is not. */
static void test_weakness_follow_up(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK(skip_to(&q, "check_weak_side"));
    CHECK_INT(rh_quest_answer(&q, "no", &e), 0);
    CHECK(strcmp(cur_id(&q), "weakness_kind") != 0); /* no follow-up after a no */
    rh_quest_release(&q);
    for (int neuro = 0; neuro < 2; neuro++) {
        CHECK_INT(rh_quest_init(&q, &e), 0);
        CHECK(skip_to(&q, "check_weak_side"));
        CHECK_INT(rh_quest_answer(&q, "yes", &e), 0);
        CHECK_STR(cur_id(&q), "weakness_kind");
        CHECK_INT(rh_quest_answer(&q, neuro ? "1" : "0", &e), 0);
        rh_quest_intake(&q, &in);
        CHECK_INT(in.check[RH_CHECK_WEAK_SIDE], RH_TRI_YES);
        CHECK_INT((in.signs & RH_BIT(RH_SIGN_WEAK_PROGRESSIVE)) != 0, neuro);
        CHECK_INT((in.signs & RH_BIT(RH_SIGN_WEAK_ONE_SIDE)) != 0, 0); /* "1" is the first */
        /* review 10 #2: the yes is the nerve sign wherever the pain is,
         * groin pain included, never ordinary weakness */
        CHECK_INT(rh_quest_answer(&q, "groin", &e), 0);
        rh_quest_intake(&q, &in);
        static struct rh_assessment a;
        CHECK_STR(cur_id(&q), "onset"); /* the place was kept */
        CHECK_INT(rh_assess(&in, &a, &e), 0);
        bool flagged = false;
        for (int i = 0; i < a.n_flags; i++)
            flagged |= !strcmp(a.flags[i].id, "neuro_deficit");
        CHECK_INT(flagged, neuro);
        if (neuro)
            CHECK(a.disposition >= RH_DISP_SEE_DOCTOR_SOON);
        rh_quest_release(&q);
    }
}


/* Pages for the web form: a few screens at once, never one whose showing
 * depends on another answer of the same page; back by pages; a check that
 * says what rh_quest_answer would say without moving; a skip forgets. */
/* Whether a page is the last one is the library's: a screen that an
 * answer on the page could open counts as one more (the count of screens
 * shown so far does not know it), one that a condition off the page rules
 * out does not. */
static void test_page_last(void)
{
    struct rh_quest q;
    struct rh_err e;
    const struct rh_quest_item *it[RH_QUEST_PAGE_MAX];
    const char *text = "[a]\nkey = same_route\ntext = Same route?\n"
                       "[b]\nkey = test_squeeze\ntext = Squeeze?\n"
                       "[c]\nkey = shoe_km\ntext = Shoes?\nask_if = test_squeeze is yes\n"
                       "never_if = same_route is no\n";
    CHECK_INT(rh_quest_init_from(&q, text, strlen(text), &e), 0);
    CHECK_INT(rh_quest_page(&q, 10, it), 2); /* a and b: c hangs on b */
    CHECK(!rh_quest_page_last(&q, 10));
    CHECK_INT(rh_quest_answer(&q, "yes", &e), 0);
    /* at b: c is hidden for now (b unanswered) but a yes opens it */
    CHECK_INT(rh_quest_page(&q, 10, it), 1);
    int pos, total;
    rh_quest_progress(&q, &pos, &total);
    CHECK(pos == total); /* the count says last: wrong */
    CHECK(!rh_quest_page_last(&q, 10));
    CHECK_INT(rh_quest_answer(&q, "yes", &e), 0);
    CHECK_STR(cur_id(&q), "c");
    CHECK(rh_quest_page_last(&q, 10));
    /* a "no" kept on b: c hidden, still one answer away */
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_INT(rh_quest_answer(&q, "no", &e), 0);
    CHECK(rh_quest_current(&q) == NULL);
    CHECK(rh_quest_page_last(&q, 10)); /* nothing asked */
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_STR(cur_id(&q), "b");
    CHECK(!rh_quest_page_last(&q, 10));
    /* a "no" on a rules c out whatever b says: b's page is the last */
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_INT(rh_quest_answer(&q, "no", &e), 0);
    CHECK_STR(cur_id(&q), "b");
    CHECK(rh_quest_page_last(&q, 10));
    rh_quest_release(&q);

    /* the real questions: the last page of a walk that skips is the last */
    CHECK_INT(rh_quest_init(&q, &e), 0);
    int lasts = 0;
    while (rh_quest_page(&q, 10, it) > 0) {
        bool last = rh_quest_page_last(&q, 10);
        lasts += last;
        int n = rh_quest_page(&q, 10, it);
        for (int i = 0; i < n; i++)
            CHECK_INT(rh_quest_skip(&q), 0);
        CHECK(!last || rh_quest_current(&q) == NULL);
    }
    CHECK_INT(lasts, 1);
    rh_quest_release(&q);
}

static void test_pages(void)
{
    struct rh_quest q;
    struct rh_err e, e2;
    const struct rh_quest_item *it[RH_QUEST_PAGE_MAX];
    CHECK_INT(rh_quest_init(&q, &e), 0);
    int n = rh_quest_page(&q, 10, it);
    CHECK_INT(n, 3);
    CHECK_STR(it[0]->id, "age");
    CHECK_STR(it[2]->id, "side");
    CHECK_INT(rh_quest_page(&q, 1, it), 1); /* the first screen always fits */
    CHECK_INT(rh_quest_page_back(&q, 10), RH_ENOTFOUND);
    /* the check: same code and message as an answer, and no move */
    static const char *const typed[] = {"7", "x", "about 34", "not sure", ""};
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        struct rh_quest q2;
        CHECK_INT(rh_quest_init(&q2, &e2), 0);
        int a = rh_quest_answer(&q2, typed[i], &e2);
        int c = rh_quest_check(&q, "age", typed[i], &e);
        CHECK_INT(c, a);
        CHECK_STR(e.msg, e2.msg);
        rh_quest_release(&q2);
    }
    CHECK_STR(cur_id(&q), "age");
    CHECK_INT(rh_quest_check(&q, "nowhere", "1", &e), RH_ENOTFOUND);
    /* walk by pages, skipping: the nerve screen (asked when the pain
     * radiates) never shares a page with the character screen */
    int starts = 0;
    bool saw_character = false;
    while ((n = rh_quest_page(&q, 10, it)) > 0) {
        starts++;
        for (int i = 0; i < n; i++) {
            if (!strcmp(it[i]->id, "character")) {
                saw_character = true;
                for (int j = i + 1; j < n; j++)
                    CHECK(strcmp(it[j]->id, "character_nerve") != 0);
            }
            if (!strcmp(it[i]->id, "location"))
                CHECK_INT(n, 1); /* ten choices: a page of its own */
            CHECK_STR(cur_id(&q), it[i]->id);
            CHECK_INT(rh_quest_skip(&q), 0);
        }
    }
    CHECK(saw_character);
    CHECK(starts > 8 && starts < 41);
    /* back by pages from the end, to the first */
    int back = 0;
    while (rh_quest_page_back(&q, 10) == 0)
        back++;
    CHECK_INT(back, starts);
    CHECK_STR(cur_id(&q), "age");
    /* seek: a shown screen, not a hidden one */
    CHECK_INT(rh_quest_seek(&q, "onset"), 0);
    CHECK_STR(cur_id(&q), "onset");
    CHECK_INT(rh_quest_back(&q), 0); /* the screens before are the way back */
    CHECK_STR(cur_id(&q), "location");
    CHECK_INT(rh_quest_seek(&q, "history_energy"), 0); /* sex not answered: asked */
    CHECK_INT(rh_quest_seek(&q, "character_nerve"), 0);
    rh_quest_release(&q);

    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_INT(rh_quest_answer(&q, "34", &e), 0);
    CHECK_INT(rh_quest_answer(&q, "male", &e), 0);
    CHECK_INT(rh_quest_seek(&q, "history_energy"), RH_ENOTFOUND); /* hidden for a man */
    CHECK_INT(rh_quest_seek(&q, "no_such_screen"), RH_ENOTFOUND);
    struct rh_quest_given g;
    CHECK_INT(rh_quest_given(&q, "sex", &g), 0);
    CHECK(g.has && g.answered && g.word == RH_SEX_MALE);
    /* a skip forgets the typed answer: a draft cannot bring it back */
    CHECK_INT(rh_quest_back(&q), 0);
    CHECK_INT(rh_quest_skip(&q), 0);
    CHECK_INT(rh_quest_given(&q, "sex", &g), 0);
    CHECK(!g.has);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_quest_draft(&q, &b), 0);
    CHECK(strstr(b.data, "age = 34") && !strstr(b.data, "sex ="));
    rh_buf_release(&b);
    rh_quest_release(&q);
}

/* The figures of the stored runs, suggested the same way for the terminal
 * and the web form, and marked as from the data when kept. */
static void test_suggest_from_runs(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_intake data, in;
    rh_intake_init(&data);
    data.weekly_km = 42.37;
    data.same_route = RH_TRI_YES;
    data.cadence_spm = 172;
    data.from_data = RH_FROM_DATA_WEEKLY_KM | RH_FROM_DATA_SAME_ROUTE | RH_FROM_DATA_CADENCE;
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_INT(rh_quest_suggest(&q, &data, NULL), 3);
    CHECK_INT(rh_quest_seek(&q, "weekly_km"), 0);
    CHECK_STR(rh_quest_current_note(&q), "Your watch data says");
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_quest_current_answer(&q, &b), 1);
    CHECK_STR(b.data, "42.4");
    rh_buf_release(&b);
    CHECK_INT(rh_quest_keep(&q), 0);
    CHECK_INT(rh_quest_seek(&q, "cadence_spm"), 0);
    CHECK_INT(rh_quest_answer(&q, "180", &e), 0); /* the runner's own figure */
    CHECK_INT(rh_quest_intake(&q, &in), 0);
    CHECK_NEAR(in.weekly_km, 42.4, 1e-9);
    CHECK_INT(in.same_route, RH_TRI_YES);
    CHECK_INT(in.from_data, 0);
    rh_quest_mark_kept(&data, &in);
    CHECK_INT(in.from_data, RH_FROM_DATA_WEEKLY_KM | RH_FROM_DATA_SAME_ROUTE);
    /* suggestions are not the runner's answers: no draft line */
    CHECK_INT(rh_quest_draft_count(&q), 1);
    rh_quest_release(&q);
}

/* Suggested again for the answers so far (the terminal's questionnaire, once
 * the runner says when the pain began: the weeks before it): a suggestion on
 * a screen not reached yet follows, and says which weeks; one kept stays. */
static void test_suggest_again(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_intake now, before;
    rh_intake_init(&now);
    now.weekly_km = 22.5;
    now.cadence_spm = 170;
    now.from_data = RH_FROM_DATA_WEEKLY_KM | RH_FROM_DATA_CADENCE;
    rh_intake_init(&before);
    before.weekly_km = 40;
    before.from_data = RH_FROM_DATA_WEEKLY_KM;
    before.data_before_onset = true;
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_INT(rh_quest_suggest(&q, &now, NULL), 2);
    CHECK_INT(rh_quest_suggest(&q, &before, NULL), 1);
    struct rh_quest_given g;
    CHECK_INT(rh_quest_given(&q, "cadence_spm", &g), 0);
    CHECK(!g.has); /* the earlier figure went with its suggestion */
    CHECK_INT(rh_quest_seek(&q, "weekly_km"), 0);
    CHECK_STR(rh_quest_current_note(&q), "Your watch data of the weeks before the pain began says");
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_quest_current_answer(&q, &b), 1);
    CHECK_STR(b.data, "40.0");
    rh_buf_release(&b);
    CHECK_INT(rh_quest_keep(&q), 0); /* kept: passed, it stays */
    (void)rh_quest_suggest(&q, &now, NULL);
    struct rh_intake in;
    CHECK_INT(rh_quest_intake(&q, &in), 0);
    CHECK_NEAR(in.weekly_km, 40, 1e-9);
    CHECK_INT(in.cadence_spm, 170); /* not reached yet: the new suggestion */
    rh_quest_mark_kept(&before, &in);
    CHECK(in.data_before_onset && (in.from_data & RH_FROM_DATA_WEEKLY_KM));
    rh_quest_release(&q);
}

/* words20: the change in weekly distance measured over the days just
 * before the onset (data/load_rules.txt onset_lead_days, load19) is
 * suggested with those words, as the assessment's sentence says them
 * ([text] suggest.onset_lead); the weekly distance keeps the weeks' */
static void test_suggest_lead_days(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_intake before;
    rh_intake_init(&before);
    before.weekly_km = 40;
    before.km_change_pct = 93;
    before.from_data = RH_FROM_DATA_WEEKLY_KM | RH_FROM_DATA_KM_CHANGE;
    before.data_before_onset = true;
    before.data_lead_days = 7;
    CHECK_INT(rh_quest_init(&q, &e), 0);
    CHECK_INT(rh_quest_suggest(&q, &before, NULL), 2);
    CHECK_INT(rh_quest_seek(&q, "km_change_pct"), 0);
    CHECK_STR(rh_quest_current_note(&q), "Your watch data of the 7 days before the pain began, "
                                         "against the 4 weeks before them, says");
    CHECK_INT(rh_quest_seek(&q, "weekly_km"), 0);
    CHECK_STR(rh_quest_current_note(&q), "Your watch data of the weeks before the pain began says");
    rh_quest_release(&q);
}

/* Review 8 #21: the answer offered after the choices comes from one table
 * for both front ends ("Not sure" on a one-answer screen, the sex screen's
 * own words, "None of these" on a several-answer one), and typing its
 * number or words leaves the screen not answered; the progress says how
 * far along and about how many are left, never a total that changes. */
static void test_review8_extra_choice_and_progress(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, &e), 0);
    char where[96];
    rh_quest_progress_words(&q, 1, where, sizeof where);
    CHECK(strncmp(where, "Question 1, about ", 18) == 0);
    CHECK(strstr(where, " more to go") != NULL);
    CHECK(strstr(where, " of ") == NULL);
    rh_quest_progress_words(&q, 3, where, sizeof where);
    CHECK(strncmp(where, "Questions 1 to 3, about ", 24) == 0);
    CHECK(skip_to(&q, "sex"));
    const struct rh_quest_item *it = rh_quest_current(&q);
    struct rh_quest_extra x;
    CHECK(rh_quest_extra(it, &x));
    CHECK_STR(x.word, "not sure");
    CHECK_STR(x.label, "I would rather not say");
    CHECK_INT(x.number, it->n_choices + 1);
    char num[8];
    snprintf(num, sizeof num, "%d", x.number);
    CHECK_INT(rh_quest_answer(&q, num, &e), 0); /* its number: not answered */
    CHECK_STR(cur_id(&q), "side");
    CHECK(rh_quest_extra(rh_quest_current(&q), &x));
    CHECK_STR(x.label, "Not sure");
    CHECK_INT(rh_quest_answer(&q, "4", &e), 0);
    CHECK(rh_quest_back(&q) == 0);
    CHECK(rh_quest_back(&q) == 0);
    CHECK_STR(cur_id(&q), "sex");
    CHECK_INT(rh_quest_answer(&q, "I would rather not say", &e), 0);
    CHECK_INT(rh_quest_answer(&q, "5", &e), RH_EKEY); /* side: 3 choices and not sure */
    CHECK(strstr(e.msg, "from 1 to 4") != NULL);
    rh_quest_intake(&q, &in);
    CHECK_INT(in.sex, RH_SEX_UNKNOWN);
    CHECK(skip_to(&q, "signs"));
    CHECK(rh_quest_extra(rh_quest_current(&q), &x));
    CHECK_STR(x.word, "none");
    CHECK_INT(x.number, 0);
    CHECK(skip_to(&q, "duration_days"));
    CHECK(!rh_quest_extra(rh_quest_current(&q), &x)); /* a number: "not sure" typed */
    rh_quest_release(&q);
}

/* Review 8 #21: under 18 the questionnaire asks who is answering; a parent
 * then reads every later screen about "your child" (the same screens, the
 * same answers), and the record says so; an adult is not asked. */
static void test_review8_parent_answers(void)
{
    struct rh_quest q;
    struct rh_err e;
    struct rh_intake in;
    CHECK_INT(rh_quest_init(&q, &e), 0);
    answer(&q, "age", "34");
    CHECK(!skip_to(&q, "answering") || 0); /* an adult: never shown */
    rh_quest_release(&q);
    CHECK_INT(rh_quest_init(&q, &e), 0);
    answer(&q, "age", "14");
    CHECK(skip_to(&q, "answering"));
    struct rh_quest_extra x;
    CHECK(!rh_quest_extra(rh_quest_current(&q), &x)); /* no "not sure" here */
    /* runner20: a wrong answer names the choices shown, 1 and 2 */
    bad_answer(&q, "none", RH_EKEY, "'none' is not one of the choices: type a number from 1 to 2");
    CHECK(!rh_quest_for_child(&q));
    CHECK_INT(rh_quest_answer(&q, "yes", &e), 0);
    CHECK(rh_quest_for_child(&q));
    const struct rh_quest_item *it = rh_quest_current(&q);
    CHECK_STR(it->id, "signs");
    CHECK_STR(it->text, "Has your child had any of these?");
    bool said = false;
    for (int i = 0; i < it->n_choices; i++)
        said |= strcmp(it->choices[i].label, "My child cannot put weight on the leg") == 0;
    CHECK(said);
    CHECK_INT(rh_quest_answer(&q, "limp", &e), 0);
    /* review 10 #1 (child10): the thigh and the knee anywhere on them, a
     * child's hip pain often being felt only there */
    CHECK(skip_to(&q, "location"));
    it = rh_quest_current(&q);
    CHECK(strstr(it->text, "thigh or the knee") != NULL);
    int knee = 0, thigh = 0;
    for (int i = 0; i < it->n_choices; i++) {
        knee += strcmp(it->choices[i].label, "The knee (front, inside or outside)") == 0 &&
                strcmp(it->choices[i].word, "outer_knee") == 0;
        thigh += strcmp(it->choices[i].label, "The thigh (front, inside or outside)") == 0 &&
                 strcmp(it->choices[i].word, "outer_thigh") == 0;
    }
    CHECK_INT(knee, 1);
    CHECK_INT(thigh, 1);
    CHECK(skip_to(&q, "pain_now"));
    CHECK(strstr(rh_quest_current(&q)->text, "your child's pain") != NULL);
    /* the web form's pages give the same words */
    const struct rh_quest_item *page[RH_QUEST_PAGE_MAX];
    CHECK(rh_quest_page(&q, 40, page) >= 1);
    CHECK(page[0] == rh_quest_current(&q));
    CHECK_INT(rh_quest_intake(&q, &in), 0);
    CHECK_INT(in.for_child, RH_TRI_YES);
    /* a draft keeps it */
    struct rh_buf d;
    rh_buf_init(&d, 0);
    CHECK_INT(rh_quest_draft(&q, &d), 0);
    struct rh_quest q2;
    CHECK_INT(rh_quest_init(&q2, &e), 0);
    CHECK(rh_quest_resume(&q2, d.data, d.len, &e) > 0);
    CHECK(rh_quest_for_child(&q2));
    rh_quest_release(&q2);
    rh_buf_release(&d);
    /* the runner themself: the runner's words */
    CHECK(rh_quest_back(&q) == 0);
    CHECK_INT(rh_quest_seek(&q, "answering"), 0);
    CHECK_INT(rh_quest_answer(&q, "no", &e), 0);
    CHECK(!rh_quest_for_child(&q));
    CHECK_STR(rh_quest_current(&q)->text, "Have you noticed any of these?");
    CHECK_INT(rh_quest_intake(&q, &in), 0);
    CHECK_INT(in.for_child, RH_TRI_NO);
    rh_quest_release(&q);
}

int main(void)
{
    RUN(test_suggest_from_runs);
    RUN(test_suggest_again);
    RUN(test_suggest_lead_days);
    RUN(test_pages);
    RUN(test_page_last);
    RUN(test_review8_urgent_holds_self_tests);
    RUN(test_session27_bladder_unasked_birth);
    RUN(test_questions_cover_the_intake);
    RUN(test_location_screen_has_the_diagram);
    RUN(test_answer_skip_back);
    RUN(test_bladder_choice_sets_a_postnatal_leak_apart);
    RUN(test_bad_answers);
    RUN(test_everyday_answers);
    RUN(test_enter_keeps_answers);
    RUN(test_draft_and_resume);
    RUN(test_strides_and_watch_figures);
    RUN(test_weakness_follow_up);
    RUN(test_clicking_only_for_deep_or_groin_pain);
    RUN(test_numbness_only_when_it_spreads);
    RUN(test_periods_only_for_female_or_unknown_sex);
    RUN(test_no_alcohol_question_under_16);
    RUN(test_no_birth_question_under_16);
    RUN(test_onset_event_one_answer);
    RUN(test_bad_answer_read_back_whole);
    RUN(test_ended_kept_in_the_draft);
    RUN(test_red_flag_screen_comes_early);
    RUN(test_hop_test_never_offered_with_stress_fracture_signs);
    RUN(test_hop_not_asked_when_the_answers_point_to_the_bone);
    RUN(test_questions_file_errors);
    RUN(test_session28_questionnaire_never_hides_flag);
    RUN(test_session29_danger_set_through_questionnaire);
    RUN(test_session29_walk29_same_from_file_and_questionnaire);
    RUN(test_session28_long_answer_survives_the_draft);
    RUN(test_allocation_failures);
    RUN(test_review8_extra_choice_and_progress);
    RUN(test_review8_parent_answers);
    return TEST_END();
}
