/* SPDX-License-Identifier: MIT */
/*
 * The assessment engine on hand-built intakes: each red-flag trigger alone
 * (and its near misses), the hop-test safety rule, unanswered questions
 * never counting as "no", the checklist and duration rules, pain type,
 * the JSON shape and the text report, and knowledge-base errors.
 */
#include <ctype.h>
#include <jansson.h>

#include "assess/assess_int.h"
#include "harness.h"
#include "open_vignettes.h"
#include "runhip/assess.h"
#include "runhip/text.h"

static struct rh_assessment A; /* large: keep it off the stack */

static void run(const struct rh_intake *in)
{
    struct rh_err err;
    rh_err_clear(&err);
    int rc = rh_assess(in, &A, &err);
    CHECK_INT(rc, 0);
    if (rc)
        fprintf(stderr, "rh_assess: %s\n", err.msg);
}

static const struct rh_assess_flag *flag(const char *id)
{
    for (int i = 0; i < A.n_flags; i++)
        if (strcmp(A.flags[i].id, id) == 0)
            return &A.flags[i];
    return NULL;
}

/* session 12 (branch flaginfo): the flag raised below a doctor's visit,
 * as information (data/red_flags.txt low =) */
static bool low_flag(const char *id)
{
    const struct rh_assess_flag *f = flag(id);
    return f && f->low && f->min_disposition < RH_DISP_SEE_DOCTOR_SOON &&
           f->min_running == RH_RUNNING_CONTINUE;
}

static bool missing(const char *key)
{
    for (int i = 0; i < A.n_missing; i++)
        if (strcmp(A.missing[i], key) == 0)
            return true;
    return false;
}

static void loc(struct rh_intake *in, int l)
{
    in->has_location = true;
    in->location |= RH_BIT(l);
}
static void worse(struct rh_intake *in, int w)
{
    in->has_worse_with = true;
    in->worse_with |= RH_BIT(w);
}
static void sign(struct rh_intake *in, int s)
{
    in->has_signs = true;
    in->signs |= RH_BIT(s);
}
static void hist(struct rh_intake *in, int h)
{
    in->has_history = true;
    in->history |= RH_BIT(h);
}
static void chr(struct rh_intake *in, int c)
{
    in->has_character = true;
    in->character |= RH_BIT(c);
}

/* The flag fires alone, with its minimum disposition met. */
static void expect_flag(const struct rh_intake *in, const char *id, enum rh_disposition min)
{
    run(in);
    const struct rh_assess_flag *f = flag(id);
    CHECK(f != NULL);
    if (!f) {
        fprintf(stderr, "  flag %s did not fire\n", id);
        return;
    }
    CHECK_INT(f->min_disposition, min);
    CHECK(A.disposition >= min);
    CHECK(strlen(f->why) > 10);
}

static void test_kb_has_every_id(void)
{
    static const char *const conds[] = {
        "iliopsoas_tightness", "tfl_tightness", "itb_syndrome", "hip_flexor_strain",
        "hip_flexor_tendinopathy", "trochanteric_bursitis", "iliopsoas_bursitis", "snapping_hip",
        "piriformis_syndrome", "fai", "labral_tear", "stress_fracture", "adductor_strain",
        "hamstring_tendinopathy", "hip_osteoarthritis", "lumbar_referred", "strength_imbalance",
        "inguinal_hernia", "osteonecrosis", "serious_pathology", "post_run_soreness"};
    static const char *const flags[] = {"cannot_bear_weight", "stress_fracture_signs",
                                        "night_or_rest_pain", "fever_hot_joint", "trauma",
                                        "cancer_or_weight_loss", "neuro_deficit", "bladder_bowel",
                                        "groin_lump", "worsening_fast", "joint_locking"};
    CHECK_INT(rh_assess_condition_count(), 21);
    CHECK_INT(rh_assess_flag_count(), 11);
    for (size_t i = 0; i < sizeof conds / sizeof *conds; i++) {
        bool found = false;
        for (int k = 0; k < rh_assess_condition_count(); k++)
            found |= strcmp(rh_assess_condition_id(k), conds[i]) == 0;
        CHECK(found);
    }
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
        bool found = false;
        for (int k = 0; k < rh_assess_flag_count(); k++)
            found |= strcmp(rh_assess_flag_id(k), flags[i]) == 0;
        CHECK(found);
    }
    CHECK(rh_assess_condition_id(99) == NULL);
}

static void test_null_arguments(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    struct rh_err err;
    CHECK_INT(rh_assess(NULL, &A, &err), RH_EINVAL);
    CHECK_INT(rh_assess(&in, NULL, &err), RH_EINVAL);
}

static void test_flag_bladder_bowel(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    sign(&in, RH_SIGN_BLADDER_BOWEL);
    expect_flag(&in, "bladder_bowel", RH_DISP_URGENT);
    CHECK_INT(A.running, RH_RUNNING_STOP);
    /* numbness down both legs, no bladder sign */
    rh_intake_init(&in);
    chr(&in, RH_CHAR_NUMBNESS);
    loc(&in, RH_LOC_DOWN_LEG);
    in.side = RH_SIDE_BOTH;
    expect_flag(&in, "bladder_bowel", RH_DISP_URGENT);
    /* one side only: not this flag */
    in.side = RH_SIDE_LEFT;
    run(&in);
    CHECK(flag("bladder_bowel") == NULL);
}

static void test_flag_fever_hot_joint(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    sign(&in, RH_SIGN_FEVER);
    expect_flag(&in, "fever_hot_joint", RH_DISP_URGENT);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    rh_intake_init(&in);
    sign(&in, RH_SIGN_WARMTH);
    run(&in);
    CHECK(flag("fever_hot_joint") == NULL); /* warmth alone is not enough */
    sign(&in, RH_SIGN_REDNESS);
    expect_flag(&in, "fever_hot_joint", RH_DISP_URGENT);
    /* septic hip without fever: groin pain, not bearing weight, swelling */
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    sign(&in, RH_SIGN_CANNOT_BEAR_WEIGHT);
    sign(&in, RH_SIGN_SWELLING);
    expect_flag(&in, "fever_hot_joint", RH_DISP_URGENT);
    CHECK(strstr(flag("fever_hot_joint")->why, "signs=swelling") != NULL);
    /* round 8: the same after more than three weeks is not the emergency
     * of an infected joint; night sweats then raise the cancer flag */
    in.duration_days = 22;
    run(&in);
    CHECK(flag("fever_hot_joint") == NULL);
    sign(&in, RH_SIGN_NIGHT_SWEATS);
    run(&in);
    CHECK(flag("fever_hot_joint") == NULL);
    CHECK(flag("cancer_or_weight_loss") != NULL);
    in.duration_days = 21;
    expect_flag(&in, "fever_hot_joint", RH_DISP_URGENT);
    /* atraumatic sudden loss of weight bearing with groin pain */
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    sign(&in, RH_SIGN_CANNOT_BEAR_WEIGHT);
    in.onset = RH_ONSET_SUDDEN;
    in.onset_event = RH_EVENT_NONE;
    expect_flag(&in, "fever_hot_joint", RH_DISP_URGENT);
    in.onset_event = RH_EVENT_FALL; /* after a fall: fracture, not this flag */
    run(&in);
    CHECK(flag("fever_hot_joint") == NULL);
    CHECK(flag("trauma") != NULL);
}

static void test_flag_cannot_bear_weight(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    sign(&in, RH_SIGN_CANNOT_BEAR_WEIGHT);
    expect_flag(&in, "cannot_bear_weight", RH_DISP_URGENT);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    CHECK(strstr(flag("cannot_bear_weight")->why, "signs=cannot_bear_weight") != NULL);
}

static void test_flag_trauma(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.onset = RH_ONSET_SUDDEN;
    in.onset_event = RH_EVENT_FALL;
    expect_flag(&in, "trauma", RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    sign(&in, RH_SIGN_CANNOT_BEAR_WEIGHT);
    expect_flag(&in, "trauma", RH_DISP_URGENT);
    in.onset_event = RH_EVENT_SLIP;
    in.signs = 0;
    run(&in);
    CHECK(flag("trauma") == NULL);
    /* a minor fall: under 50, a bruise, a painless hop, walking freely
     * (Robinson95): no fracture flag; each missing or worrying answer
     * brings it back */
    rh_intake_init(&in);
    in.onset = RH_ONSET_SUDDEN;
    in.onset_event = RH_EVENT_FALL;
    in.age = 28;
    sign(&in, RH_SIGN_BRUISING);
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    run(&in);
    CHECK(low_flag("trauma")); /* session 12 (flaginfo): information only */
    in.test[RH_TEST_HOP] = RH_TRI_UNKNOWN; /* hop not done */
    expect_flag(&in, "trauma", RH_DISP_SEE_DOCTOR_SOON);
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    in.age = 55; /* session 10: under 60 a painless-hop fall is a bruise */
    run(&in);
    CHECK(low_flag("trauma")); /* session 12 (flaginfo): information only */
    in.age = 60;
    expect_flag(&in, "trauma", RH_DISP_SEE_DOCTOR_SOON);
    in.age = 28;
    sign(&in, RH_SIGN_LIMP);
    expect_flag(&in, "trauma", RH_DISP_SEE_DOCTOR_SOON);
    in.signs = RH_BIT(RH_SIGN_BRUISING);
    hist(&in, RH_HIST_STEROIDS);
    expect_flag(&in, "trauma", RH_DISP_SEE_DOCTOR_SOON);
}

static void test_flag_stress_fracture(void)
{
    struct rh_intake in;
    /* a painful hop with groin, front or deep pain fires alone */
    rh_intake_init(&in);
    loc(&in, RH_LOC_DEEP);
    in.test[RH_TEST_HOP] = RH_TRI_YES;
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.running, RH_RUNNING_STOP);
    CHECK(strstr(flag("stress_fracture_signs")->why, "test_hop=yes") != NULL);
    rh_intake_init(&in);
    loc(&in, RH_LOC_FRONT);
    worse(&in, RH_WORSE_HOPPING);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    /* walking or one-leg pain: the flag while the hop test is not done (it
     * cannot safely be asked then), not with a painless hop alone (issue 11),
     * nor in an older runner with the arthritic picture */
    static const int walk_w[] = {RH_WORSE_WALKING, RH_WORSE_STANDING_ONE_LEG};
    for (size_t i = 0; i < sizeof walk_w / sizeof *walk_w; i++) {
        rh_intake_init(&in);
        loc(&in, RH_LOC_GROIN);
        worse(&in, walk_w[i]);
        expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
        in.test[RH_TEST_HOP] = RH_TRI_NO;
        run(&in);
        CHECK(flag("stress_fracture_signs") == NULL);
        in.test[RH_TEST_HOP] = RH_TRI_UNKNOWN;
        in.age = 62;
        hist(&in, RH_HIST_OSTEOARTHRITIS);
        run(&in);
        CHECK(flag("stress_fracture_signs") == NULL);
    }
    /* walking, night or one-leg pain with a painless hop test is not enough
     * (the arthritic hip hurts on walking too): it needs a strong bone risk
     * factor; a load rise counts only while the hop test is not done */
    static const int signs_w[] = {RH_WORSE_WALKING, RH_WORSE_NIGHT, RH_WORSE_STANDING_ONE_LEG};
    for (size_t i = 0; i < sizeof signs_w / sizeof *signs_w; i++) {
        rh_intake_init(&in);
        loc(&in, RH_LOC_GROIN);
        worse(&in, signs_w[i]);
        in.has_history = in.has_recent_change = true;
        in.test[RH_TEST_HOP] = RH_TRI_NO;
        run(&in);
        CHECK(flag("stress_fracture_signs") == NULL);
        in.test[RH_TEST_HOP] = signs_w[i] == RH_WORSE_NIGHT ? RH_TRI_UNKNOWN : RH_TRI_NO;
        in.km_change_pct = 45;
        if (signs_w[i] == RH_WORSE_NIGHT)
            expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
        /* a load rise with a painless hop: not the flag (issue 11) */
        in.test[RH_TEST_HOP] = RH_TRI_NO;
        run(&in);
        CHECK(flag("stress_fracture_signs") == NULL);
        /* a strong bone risk factor: a painless hop does not clear it */
        hist(&in, RH_HIST_LOW_BONE_DENSITY);
        expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    }
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    worse(&in, RH_WORSE_WALKING);
    worse(&in, RH_WORSE_REST);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    /* the same answers at the outer hip are not this flag */
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER);
    worse(&in, RH_WORSE_WALKING);
    worse(&in, RH_WORSE_REST);
    in.km_change_pct = 45;
    run(&in);
    CHECK(flag("stress_fracture_signs") == NULL);
    /* a limp that built up without a fall; not the limp of a kick strain */
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    sign(&in, RH_SIGN_LIMP);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    in.onset = RH_ONSET_SUDDEN;
    in.onset_event = RH_EVENT_KICK;
    in.has_history = in.has_recent_change = true;
    run(&in);
    CHECK(flag("stress_fracture_signs") == NULL);
    /* a stress fracture before with new gradual groin pain, until a hop is painless */
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    hist(&in, RH_HIST_STRESS_FRACTURE_BEFORE);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    run(&in);
    CHECK(flag("stress_fracture_signs") == NULL);
    /* pain with running after a 40% jump, hop not done: the flag; female
     * alone is not a risk factor; a painless hop clears it */
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    worse(&in, RH_WORSE_AFTER_RUN);
    in.sex = RH_SEX_FEMALE;
    in.has_history = in.has_recent_change = true;
    run(&in);
    CHECK(flag("stress_fracture_signs") == NULL);
    in.km_change_pct = 40;
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    CHECK(strstr(flag("stress_fracture_signs")->why, "km_change_pct=40") != NULL);
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    run(&in);
    CHECK(flag("stress_fracture_signs") == NULL);
    /* nothing but groin pain and an unanswered hop test: no flag, the hop
     * test is the question to ask */
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    run(&in);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(A.n_missing > 0);
    /* breastfeeding is a bone risk factor (issue 11's history word) */
    rh_intake_init(&in);
    loc(&in, RH_LOC_FRONT);
    worse(&in, RH_WORSE_RUN_LATER);
    hist(&in, RH_HIST_BREASTFEEDING);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    /* missed periods + low energy intake with walking pain */
    rh_intake_init(&in);
    loc(&in, RH_LOC_FRONT);
    worse(&in, RH_WORSE_WALKING);
    hist(&in, RH_HIST_MISSED_PERIODS);
    hist(&in, RH_HIST_LOW_ENERGY_INTAKE);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    CHECK_STR(A.conditions[0].id, "stress_fracture");
    /* with cannot bear weight it is urgent */
    sign(&in, RH_SIGN_CANNOT_BEAR_WEIGHT);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_URGENT);
}

static void test_hop_safety(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    worse(&in, RH_WORSE_RUN_LATER);
    in.has_signs = true;
    in.has_history = true;
    run(&in);
    CHECK(!A.hop_unsafe);
    CHECK(!rh_assess_hop_unsafe(&in));
    CHECK(missing("test_hop")); /* it would change the answer */
    static const int unsafe_w[] = {RH_WORSE_NIGHT, RH_WORSE_REST, RH_WORSE_WALKING};
    for (size_t i = 0; i < sizeof unsafe_w / sizeof *unsafe_w; i++) {
        rh_intake_init(&in);
        loc(&in, RH_LOC_GROIN);
        worse(&in, unsafe_w[i]);
        run(&in);
        CHECK(A.hop_unsafe);
        CHECK(rh_assess_hop_unsafe(&in));
        CHECK(!missing("test_hop"));
    }
    rh_intake_init(&in);
    sign(&in, RH_SIGN_LIMP);
    CHECK(rh_assess_hop_unsafe(&in));
    rh_intake_init(&in);
    sign(&in, RH_SIGN_CANNOT_BEAR_WEIGHT);
    CHECK(rh_assess_hop_unsafe(&in));
    rh_intake_init(&in);
    hist(&in, RH_HIST_STRESS_FRACTURE_BEFORE);
    CHECK(rh_assess_hop_unsafe(&in));
    run(&in);
    CHECK(!missing("test_hop"));
    CHECK(strstr(A.advice.text[0], "hopping") != NULL || A.n_flags == 0);
}

/* issue 11, round 2: night pain in a mechanical picture (an adult, little
 * pain now, no rest pain, something eases it) is not the night/rest flag;
 * in a teenager, with more pain now, with nothing easing it or (round 8)
 * with a painful hop, it is. */
static void test_flag_night_mechanical(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 40;
    loc(&in, RH_LOC_GROIN);
    worse(&in, RH_WORSE_NIGHT);
    worse(&in, RH_WORSE_SITTING);
    in.pain_now = 2;
    in.has_better_with = true;
    in.better_with = RH_BIT(RH_BETTER_STRETCHING);
    run(&in);
    CHECK(flag("night_or_rest_pain") == NULL);
    /* round 8: the same night pain with a painful hop is bone-stress pain */
    in.test[RH_TEST_HOP] = RH_TRI_YES;
    expect_flag(&in, "night_or_rest_pain", RH_DISP_SEE_DOCTOR_SOON);
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    run(&in);
    CHECK(flag("night_or_rest_pain") == NULL);
    in.age = 15;
    expect_flag(&in, "night_or_rest_pain", RH_DISP_SEE_DOCTOR_SOON);
    in.age = 40;
    in.pain_now = 5;
    expect_flag(&in, "night_or_rest_pain", RH_DISP_SEE_DOCTOR_SOON);
    in.pain_now = 2;
    in.better_with = RH_BIT(RH_BETTER_NOTHING);
    expect_flag(&in, "night_or_rest_pain", RH_DISP_SEE_DOCTOR_SOON);
    in.better_with = RH_BIT(RH_BETTER_STRETCHING);
    worse(&in, RH_WORSE_REST);
    expect_flag(&in, "night_or_rest_pain", RH_DISP_SEE_DOCTOR_SOON);
}

/* A limp with groin pain that built up is the stress-fracture flag, unless
 * the hop test is painless and no strong bone risk factor is present. */
static void test_flag_limp_painless_hop(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 35;
    loc(&in, RH_LOC_GROIN);
    sign(&in, RH_SIGN_LIMP);
    in.onset = RH_ONSET_GRADUAL;
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    run(&in);
    CHECK(flag("stress_fracture_signs") == NULL);
    hist(&in, RH_HIST_LOW_ENERGY_INTAKE);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
}

static void test_flag_night_or_rest(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    worse(&in, RH_WORSE_REST);
    expect_flag(&in, "night_or_rest_pain", RH_DISP_SEE_DOCTOR_SOON);
    rh_intake_init(&in);
    worse(&in, RH_WORSE_NIGHT);
    expect_flag(&in, "night_or_rest_pain", RH_DISP_SEE_DOCTOR_SOON);
    /* positional side-lying night pain at the outer hip alone: not the flag */
    worse(&in, RH_WORSE_LYING_ON_SIDE);
    loc(&in, RH_LOC_OUTER);
    in.test[RH_TEST_PRESS_OUTER] = RH_TRI_YES;
    run(&in);
    CHECK(flag("night_or_rest_pain") == NULL);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    /* side-lying night pain with deep groin pain: the flag */
    loc(&in, RH_LOC_GROIN);
    run(&in);
    CHECK(flag("night_or_rest_pain") != NULL);
    /* side-lying night pain, location unanswered: unknown, so the location
     * question comes first in the missing list */
    rh_intake_init(&in);
    worse(&in, RH_WORSE_NIGHT);
    worse(&in, RH_WORSE_LYING_ON_SIDE);
    run(&in);
    CHECK(flag("night_or_rest_pain") == NULL);
    CHECK(A.n_missing > 0 && strcmp(A.missing[0], "location") == 0);
}

static void test_flag_cancer(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    hist(&in, RH_HIST_CANCER);
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON);
    rh_intake_init(&in);
    sign(&in, RH_SIGN_WEIGHT_LOSS);
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON);
    rh_intake_init(&in);
    sign(&in, RH_SIGN_NIGHT_SWEATS);
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON);
    /* issue 11: age over 50 alone, with mechanical pain, is not the flag */
    rh_intake_init(&in);
    in.age = 56;
    in.episodes = RH_EPISODES_FIRST;
    in.duration_days = 20;
    loc(&in, RH_LOC_OUTER);
    worse(&in, RH_WORSE_STAIRS);
    in.has_signs = in.has_history = in.has_better_with = true;
    run(&in);
    CHECK(flag("cancer_or_weight_loss") == NULL);
    /* with pain at rest (non-mechanical) it is */
    worse(&in, RH_WORSE_REST);
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON);
    CHECK(strstr(flag("cancer_or_weight_loss")->why, "age=56") != NULL);
    in.episodes = RH_EPISODES_UNKNOWN; /* unanswered: still new pain */
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON);
    in.episodes = RH_EPISODES_RECURRING;
    run(&in);
    CHECK(flag("cancer_or_weight_loss") == NULL);
    in.episodes = RH_EPISODES_FIRST;
    in.age = 50;
    run(&in);
    CHECK(flag("cancer_or_weight_loss") == NULL); /* "over 50" */
    /* after a past cancer, soreness of both legs two days after new hill
     * work that moving eases is not bone pain (Cheung03); rest pain is */
    rh_intake_init(&in);
    hist(&in, RH_HIST_CANCER);
    in.side = RH_SIDE_BOTH;
    in.duration_days = 2;
    in.onset = RH_ONSET_GRADUAL;
    in.has_recent_change = true;
    in.recent_change = RH_BIT(RH_CHANGE_HILLS);
    in.has_better_with = true;
    in.better_with = RH_BIT(RH_BETTER_MOVEMENT);
    run(&in);
    CHECK(low_flag("cancer_or_weight_loss")); /* session 12 (flaginfo) */
    worse(&in, RH_WORSE_REST);
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON);
    in.worse_with = 0;
    in.duration_days = 10;
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON);
    /* round 8: after a past cancer, sit-bone pain that behaves like a
     * tendon in every way asked is not the flag; at night it is, and in
     * the groin it is */
    rh_intake_init(&in);
    hist(&in, RH_HIST_CANCER);
    loc(&in, RH_LOC_SIT_BONE);
    worse(&in, RH_WORSE_SITTING);
    in.has_better_with = true;
    in.better_with = RH_BIT(RH_BETTER_WARM_UP);
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    in.pain_now = 2;
    run(&in);
    CHECK(low_flag("cancer_or_weight_loss")); /* session 12 (flaginfo) */
    worse(&in, RH_WORSE_NIGHT);
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON);
    in.worse_with = RH_BIT(RH_WORSE_SITTING);
    loc(&in, RH_LOC_GROIN);
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_SEE_DOCTOR_SOON);
    /* with a nerve sign it is urgent */
    rh_intake_init(&in);
    hist(&in, RH_HIST_CANCER);
    sign(&in, RH_SIGN_NUMB_FOOT);
    expect_flag(&in, "cancer_or_weight_loss", RH_DISP_URGENT);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
}

/* round 8: pain on the hills a runner has recently added, past the days of
 * muscle soreness, is a change of training at least; within three days it
 * may be soreness, and without the change it is not this rule */
static int says_new_hills(void)
{
    int said = 0;
    for (int i = 0; i < A.disposition_why.n; i++)
        said |= strstr(A.disposition_why.text[i], "hills you have recently added") != NULL;
    return said;
}

static void test_rule_new_hills(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 30;
    loc(&in, RH_LOC_FRONT);
    chr(&in, RH_CHAR_TIGHT);
    worse(&in, RH_WORSE_HILLS);
    in.pain_run = 3;
    in.duration_days = 20;
    in.has_recent_change = true;
    in.recent_change = RH_BIT(RH_CHANGE_HILLS);
    run(&in);
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    CHECK(says_new_hills());
    in.duration_days = 2;
    run(&in);
    CHECK(!says_new_hills());
    in.duration_days = 20;
    in.recent_change = RH_BIT(RH_CHANGE_SPEEDWORK);
    run(&in);
    CHECK(!says_new_hills());
}

/* Issue 11, session 7: over-triage. The answers as text (intake.md). */
static void run_text(const char *text)
{
    struct rh_intake in;
    struct rh_err err;
    rh_err_clear(&err);
    int rc = rh_intake_parse(text, strlen(text), &in, &err);
    CHECK_INT(rc, 0);
    if (rc)
        fprintf(stderr, "rh_intake_parse: %s\n", err.msg);
    else
        run(&in);
}

static bool why_says(const char *words)
{
    for (int i = 0; i < A.disposition_why.n; i++)
        if (strstr(A.disposition_why.text[i], words))
            return true;
    return false;
}

/* runner20: the kind of pain names the likeliest cause; a name with a clause
 * after ": " ("...: an X-ray tells them apart") keeps that clause in
 * brackets, since a reason's ": " parts its answers from its words and the
 * terminal said "an X-ray tells them apart, is muscle pain". */
static void test_pain_type_names_a_cause_with_a_colon_whole(void)
{
    run_text("age = 16\nsex = male\nside = right\nsigns = limp\nlocation = front\n"
             "onset = sudden\nonset_event = pop\nduration_days = 2\npain_now = 3\n"
             "pain_worst = 8\n");
    bool said = false;
    for (int i = 0; i < A.pain_type_why.n; i++) {
        const char *t = A.pain_type_why.text[i];
        const char *c1 = strstr(t, ": ");
        if (strstr(t, "the likeliest cause")) {
            said = true;
            /* only the group's own ": " (no answers behind this sentence) */
            CHECK(c1 && strstr(c1 + 2, ": ") == NULL);
            CHECK(strstr(t, "(an X-ray tells them apart)") != NULL);
        }
    }
    CHECK(said);
}

/* A runner-up's own escalation to a physiotherapist (a tendon loading
 * programme) follows only the likeliest cause: a tight front-outer hip for
 * three weeks after new shoes, where a hip-flexor tendinopathy is only a
 * runner-up, was sent to a physio (blind6 dev 614's pattern). The same
 * weeks with the tendinopathy leading still go to a physio, and a
 * runner-up's doctor-level escalations still count. */
static void test_runner_up_escalation(void)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    CHECK(kb != NULL);
    if (kb)
        CHECK_INT(kb->runner_up_escalation_from, RH_DISP_SEE_DOCTOR_SOON);
    static const char tfl[] = "age = 30\nsex = female\nlocation = front, outer\n"
                              "onset = gradual\nonset_event = none\nduration_days = 25\n"
                              "character = tight, dull_ache\npain_now = 1\npain_run = 4\n"
                              "pain_worst = 4\nworse_with = run_later, after_run\n"
                              "better_with = stretching, massage\ntest_hip_flexor_length = yes\n"
                              "test_press_outer = no\ntest_hop = no\nrecent_change = new_shoes\n";
    run_text(tfl);
    CHECK(strcmp(A.conditions[0].id, "hip_flexor_tendinopathy") != 0);
    CHECK(A.disposition < RH_DISP_SEE_PHYSIO);
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING); /* the new shoes' rule */
    CHECK(!why_says("loading programme"));
    CHECK_INT(A.n_flags, 0);
    /* safety counterpart: the tendinopathy leading, same three weeks */
    static const char tendon[] = "age = 30\nsex = female\nlocation = front\n"
                                 "onset = gradual\nonset_event = none\nduration_days = 25\n"
                                 "character = dull_ache\npain_run = 4\npain_worst = 4\n"
                                 "worse_with = hills, stairs\ntest_resisted_knee_lift = yes\n"
                                 "test_hop = no\nrecent_change = hills\n";
    run_text(tendon);
    CHECK_STR(A.conditions[0].id, "hip_flexor_tendinopathy");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    CHECK(why_says("loading programme"));
}

/* One side feeling weaker with pain that keeps coming back is a weakness
 * pattern for a physiotherapist (main 057), kept when the runner-up's
 * tendon escalation no longer carries it; a first episode stays a change
 * of training with strength work. */
static void test_weak_side_recurring(void)
{
    static const char weak[] = "age = 46\nsex = male\nlocation = buttock, outer\n"
                               "onset = gradual\nduration_days = 30\nepisodes = recurring\n"
                               "character = dull_ache\npain_worst = 3\nsigns = none\n"
                               "test_press_outer = no\ntest_cross_legged = no\n"
                               "check_weak_side = yes\ncheck_uneven_stand = yes\n"
                               "strength_per_week = 0\n";
    run_text(weak);
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(why_says("one side feeling weaker"));
    CHECK_INT(A.n_flags, 0);
    static const char first[] = "age = 46\nsex = male\nlocation = buttock, outer\n"
                                "onset = gradual\nduration_days = 10\nepisodes = first\n"
                                "character = dull_ache\npain_worst = 3\nsigns = none\n"
                                "test_press_outer = no\ntest_cross_legged = no\n"
                                "check_weak_side = yes\ncheck_uneven_stand = yes\n"
                                "strength_per_week = 0\n";
    run_text(first);
    CHECK(!why_says("one side feeling weaker"));
    CHECK(A.disposition <= RH_DISP_MODIFY_TRAINING);
}

/* Known hip osteoarthritis that stays mild (told: worst at most 4/10, no
 * limp, no rest or night pain, next-morning pain below 4/10) is
 * self-managed: a change of training, not a physio (blind7 dev 1062). Not
 * yet diagnosed, flaring or limping, it still goes to a physio. */
static void test_known_oa_settled(void)
{
    static const char base[] = "age = 71\nsex = female\nlocation = groin\nonset = gradual\n"
                               "duration_days = 400\nepisodes = recurring\n"
                               "character = dull_ache, tight\npain_now = 2\npain_run = 3\n"
                               "pain_next_morning = 3\nworse_with = morning, after_run\n"
                               "better_with = movement, warm_up\nsigns = reduced_motion\n"
                               "test_knee_to_chest = yes\ntest_hop = no\n";
    char text[1024];
    snprintf(text, sizeof text, "%spain_worst = 4\nhistory = osteoarthritis\n", base);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_osteoarthritis");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("already diagnosed"));
    CHECK_INT(A.n_flags, 0);
    /* safety counterparts */
    snprintf(text, sizeof text, "%spain_worst = 6\nhistory = osteoarthritis\n", base);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%spain_worst = 4\nhistory = none\n", base);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%shistory = osteoarthritis\n", base); /* worst not told */
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%spain_worst = 4\nhistory = osteoarthritis\n", base);
    char *limp = strstr(text, "signs = reduced_motion");
    if (limp)
        memcpy(limp, "signs = limp          ", strlen("signs = reduced_motion"));
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
}

/* A man's quiet hernia known for months (never above 3/10) is watched or
 * repaired electively (HerniaSurge18): the hernia's own "surgeon within
 * days" follows the groin-lump flag's exception (flags 905). A woman's
 * lump, or one that hurts more, still goes to a doctor within days. */
static void test_known_quiet_hernia(void)
{
    static const char quiet[] = "age = 47\nsex = male\nlocation = groin\nonset = gradual\n"
                                "duration_days = 730\nepisodes = recurring\npain_now = 0\n"
                                "pain_run = 1\npain_worst = 2\nsigns = lump_groin\n"
                                "worse_with = cough_sneeze, run_later\nbetter_with = rest\n";
    run_text(quiet);
    CHECK_STR(A.conditions[0].id, "inguinal_hernia");
    CHECK(flag("groin_lump") == NULL);
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    CHECK(!why_says("surgical assessment within days"));
    static const char woman[] = "age = 47\nsex = female\nlocation = groin\nonset = gradual\n"
                                "duration_days = 730\nepisodes = recurring\npain_now = 0\n"
                                "pain_run = 1\npain_worst = 2\nsigns = lump_groin\n"
                                "worse_with = cough_sneeze, run_later\nbetter_with = rest\n";
    run_text(woman);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    static const char sore[] = "age = 47\nsex = male\nlocation = groin\nonset = gradual\n"
                               "duration_days = 730\nepisodes = recurring\npain_now = 1\n"
                               "pain_run = 4\npain_worst = 5\nsigns = lump_groin\n";
    run_text(sore);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
}

/* A young runner's knock on the side of the hip from a minor fall, hopping
 * and walking without pain, is a bruise: self care (blind7 dev 1071). A
 * limp, a painful hop or age 60+ is the fall flag's (a doctor), and beyond
 * two weeks the tendon's usual care returns. */
static void test_minor_fall_bruise(void)
{
    static const char bruise[] = "age = 28\nsex = male\nlocation = outer\nonset_event = fall\n"
                                 "signs = bruising\ntest_hop = no\n";
    run_text(bruise);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    CHECK(A.n_flags == 0 || (A.n_flags == 1 && low_flag("trauma"))); /* session 12 (flaginfo) */
    static const char limp[] = "age = 28\nsex = male\nlocation = outer\nonset_event = fall\n"
                               "signs = bruising, limp\ntest_hop = no\n";
    run_text(limp);
    CHECK(flag("trauma") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    /* session 10 (asmt10): at 50-59 the same bruise is no fracture flag
     * (fragility fractures from 60, NICE-CG124, Cummings02) but keeps a
     * change of training (blind11 test 1619); at 60 the flag returns */
    static const char older[] = "age = 58\nsex = male\nlocation = outer\nonset_event = fall\n"
                                "signs = bruising\ntest_hop = no\nduration_days = 4\n";
    run_text(older);
    CHECK(low_flag("trauma")); /* session 12 (flaginfo): information only */
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    static const char sixty[] = "age = 60\nsex = male\nlocation = outer\nonset_event = fall\n"
                                "signs = bruising\ntest_hop = no\n";
    run_text(sixty);
    CHECK(flag("trauma") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    static const char weeks[] = "age = 28\nsex = male\nlocation = outer\nonset_event = fall\n"
                                "signs = bruising\ntest_hop = no\nduration_days = 30\n";
    run_text(weeks);
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
}

/* Session 7 (b9dev, blind9 dev 1342): groin pain that hurts on hopping,
 * with a limp and still 5/10 or more at rest, is a femoral-neck crack far
 * along: a doctor today [Boden00]. The same picture with pain now 3/10 that
 * rest eases (blind8 dev 1267) stays within days. */
static void test_bone_stress_far_along(void)
{
    static const char far[] = "age = 30\nsex = male\nlocation = groin, deep\nonset = gradual\n"
                              "duration_days = 20\npain_now = 5\npain_run = 8\npain_worst = 8\n"
                              "worse_with = walking, hopping, rest\nbetter_with = nothing\n"
                              "signs = limp\ntest_hop = yes\nrecent_change = more_km\n";
    run_text(far);
    const struct rh_assess_flag *f = flag("stress_fracture_signs");
    CHECK(f != NULL);
    CHECK(f && f->min_disposition == RH_DISP_URGENT);
    CHECK(f && strstr(f->why, "crutches and a doctor today") != NULL);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    static const char eased[] = "age = 30\nsex = male\nlocation = groin, deep\nonset = gradual\n"
                                "duration_days = 20\npain_now = 3\npain_run = 6\npain_worst = 7\n"
                                "worse_with = walking, hopping, night\nbetter_with = rest\n"
                                "signs = limp\ntest_hop = yes\nrecent_change = more_km\n";
    run_text(eased);
    f = flag("stress_fracture_signs");
    CHECK(f && f->min_disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    static const char nolimp[] = "age = 30\nsex = male\nlocation = groin, deep\nonset = gradual\n"
                                 "duration_days = 20\npain_now = 5\npain_run = 8\npain_worst = 8\n"
                                 "worse_with = walking, hopping, rest\nbetter_with = nothing\n"
                                 "test_hop = yes\nrecent_change = more_km\n";
    run_text(nolimp);
    f = flag("stress_fracture_signs");
    CHECK(f && f->min_disposition == RH_DISP_SEE_DOCTOR_SOON);
}

/* Session 7 (b9dev, blind9 dev 1328): a weak side with the pelvis dropping,
 * for more than three months, is a physiotherapist's even when mild and the
 * signs question is unanswered [Mucha17; Treede19]; the same for six to
 * eight weeks (blind8 dev 1235, 1307) is a change of training. */
static void test_weak_side_persistent(void)
{
    static const char months[] = "age = 39\nsex = female\nlocation = buttock, outer\n"
                                 "onset = gradual\nduration_days = 120\nepisodes = recurring\n"
                                 "character = dull_ache, tight\npain_now = 1\npain_run = 3\n"
                                 "pain_worst = 4\nworse_with = run_later, standing_one_leg\n"
                                 "test_single_leg_stand = yes\ntest_press_outer = no\n"
                                 "check_weak_side = yes\nstrength_per_week = 0\n";
    run_text(months);
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    char weeks[sizeof months + 8];
    snprintf(weeks, sizeof weeks, "%s", months);
    char *d = strstr(weeks, "duration_days = 120");
    CHECK(d != NULL);
    if (d)
        memcpy(d, "duration_days = 050", strlen("duration_days = 120"));
    run_text(weeks);
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
}

/* Session 7 (b9dev, blind9 dev 1377): at 17 or younger, gradual pain at the
 * front of the pelvis with sprinting or kicking beyond two weeks is a change
 * of training (apophysitis) [Frush09; Arnaiz11]; session 8 (safety8, retired
 * blind7 test 1055): beyond one week, the time soreness after a new session
 * takes to fade [Cheung03]. Within a week, or in an adult, the tight hip
 * flexor's self care stays. */
static void test_teen_apophysitis(void)
{
    static const char teen[] = "age = 14\nsex = male\nlocation = front\nonset = gradual\n"
                               "onset_event = none\nduration_days = 20\n"
                               "character = tight, dull_ache\npain_now = 1\npain_run = 3\n"
                               "pain_worst = 4\nworse_with = kicking, run_later, sitting\n"
                               "better_with = stretching, warm_up\ntest_hip_flexor_length = yes\n"
                               "test_resisted_knee_lift = no\ntest_hop = no\n"
                               "recent_change = speedwork\n";
    run_text(teen);
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("apophysitis"));
    char adult[sizeof teen];
    snprintf(adult, sizeof adult, "%s", teen);
    memcpy(adult, "age = 24", 8);
    run_text(adult);
    CHECK(!why_says("apophysitis"));
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    char fresh[sizeof teen];
    snprintf(fresh, sizeof fresh, "%s", teen);
    char *d = strstr(fresh, "duration_days = 20");
    CHECK(d != NULL);
    if (d)
        memcpy(d, "duration_days = 06", strlen("duration_days = 20"));
    run_text(fresh);
    CHECK(!why_says("apophysitis"));
    if (d)
        memcpy(d, "duration_days = 10", strlen("duration_days = 20"));
    run_text(fresh);
    CHECK(why_says("apophysitis"));
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
}

/* Session 7 (b9dev, blind9 dev 1415, blind8 dev 1269): pain in both groins
 * brought on by standing on one leg, stairs or turning is pelvic girdle pain
 * at the pubic joint [Vleeming08], kept among the likeliest causes; one
 * groin with a painful squeeze and no one-leg pain stays a groin pull. */
static bool in_top3(const char *id)
{
    for (int k = 0; k < 3 && k < A.n_conditions; k++)
        if (strcmp(A.conditions[k].id, id) == 0)
            return true;
    return false;
}

static void test_pubic_girdle_pain(void)
{
    static const char both[] = "age = 32\nsex = female\nside = both\nlocation = groin, front\n"
                               "onset = gradual\nduration_days = 40\ncharacter = sharp, dull_ache\n"
                               "pain_now = 3\npain_run = 5\npain_worst = 6\n"
                               "worse_with = stairs, standing_one_leg, walking, twisting\n"
                               "better_with = rest\ntest_squeeze = yes\n"
                               "test_single_leg_stand = yes\ntest_hop = no\n";
    run_text(both);
    CHECK(in_top3("strength_imbalance"));
    static const char one[] = "age = 32\nsex = female\nside = left\nlocation = groin, front\n"
                              "onset = gradual\nduration_days = 40\ncharacter = sharp, dull_ache\n"
                              "pain_now = 3\npain_run = 5\npain_worst = 6\n"
                              "worse_with = stairs, walking, twisting\n"
                              "better_with = rest\ntest_squeeze = yes\n"
                              "test_single_leg_stand = no\ntest_hop = no\n";
    run_text(one);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK(!in_top3("strength_imbalance"));
}

/* Session 8 (safety8, retired blind7 test 1075): pain of 8/10 or more now,
 * begun suddenly, the injury question unanswered, is seen today and an
 * organ cause kept among the three likeliest [NICE-NG118; ACOG-Torsion19].
 * Told to have come with a sprint, or at 6/10, it is not this rule. */
static void test_sudden_severe_untold(void)
{
    static const char sudden[] = "age = 27\nsex = female\nside = right\nlocation = groin\n"
                                 "onset = sudden\npain_now = 8\n";
    run_text(sudden);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    CHECK(in_top3("serious_pathology"));
    static const char sprint[] = "age = 27\nsex = female\nside = right\nlocation = groin\n"
                                 "onset = sudden\nonset_event = sprint\npain_now = 8\n";
    run_text(sprint);
    CHECK(!why_says("twisted ovary"));
    static const char milder[] = "age = 27\nsex = female\nside = right\nlocation = groin\n"
                                 "onset = sudden\npain_now = 6\n";
    run_text(milder);
    CHECK(!why_says("twisted ovary"));
    CHECK(A.disposition < RH_DISP_URGENT);
}

/* Session 8 (safety8, retired blind7 test 1074): a fever with pain that
 * became severe within three days, no injury told, is worsening fast
 * [WSES20; SepticHip]; the same pain for ten days is not this trigger. */
static void test_fever_worsening_fast(void)
{
    static const char fever[] = "age = 18\nsex = male\nside = right\nlocation = front, groin\n"
                                "onset = sudden\nduration_days = 1\npain_now = 7\n"
                                "pain_worst = 8\nworse_with = walking, cough_sneeze\n"
                                "better_with = nothing\nsigns = fever\n";
    run_text(fever);
    CHECK(flag("worsening_fast") != NULL);
    CHECK(flag("fever_hot_joint") != NULL);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    char later[sizeof fever + 4];
    snprintf(later, sizeof later, "%s", fever);
    char *d = strstr(later, "duration_days = 1\n");
    CHECK(d != NULL);
    if (d)
        memcpy(d, "duration_days = 9", strlen("duration_days = 9"));
    run_text(later);
    CHECK(flag("worsening_fast") == NULL);
}

/* Session 8 (safety8, retired blind2 test 003, 004): a tight ache at the
 * front of the hip spreading down the side of the thigh, short of the knee,
 * is the TFL's referral area [TravellSimons92], not the iliopsoas'; with
 * outer-knee pain the band (ITB syndrome) leads. */
static void test_tfl_side_of_thigh(void)
{
    static const char tfl[] = "age = 24\nsex = male\nlocation = front, outer_thigh\n"
                              "character = tight\nrecent_change = speedwork\nsurface = track\n";
    run_text(tfl);
    CHECK(in_top3("tfl_tightness"));
    static const char knee[] = "age = 24\nsex = male\nlocation = front, outer_thigh, outer_knee\n"
                               "character = tight\nworse_with = run_later\n"
                               "recent_change = speedwork\nsurface = track\n";
    run_text(knee);
    CHECK_STR(A.conditions[0].id, "itb_syndrome");
}

/* Session 8 (b10dev, blind10 dev 1421, 1470): groin pain that hurts on
 * hopping, with a limp and night pain, in a runner with two signs of energy
 * deficiency is a femoral-neck crack far along whatever pain figure she
 * gives: a doctor today [Boden00; RobertsonWood17; REDs23]. Without the
 * night or rest pain, or with one risk factor only, it stays within days. */
static void test_bone_stress_reds_limp(void)
{
    static const char reds[] = "age = 22\nsex = female\nlocation = groin, deep\nonset = gradual\n"
                               "duration_days = 20\npain_now = 2\npain_run = 6\npain_worst = 6\n"
                               "worse_with = walking, hopping, night\nbetter_with = rest\n"
                               "signs = limp\ntest_hop = yes\n"
                               "history = missed_periods, low_energy_intake\n";
    run_text(reds);
    const struct rh_assess_flag *f = flag("stress_fracture_signs");
    CHECK(f && f->min_disposition == RH_DISP_URGENT);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    static const char noNight[] = "age = 22\nsex = female\nlocation = groin, deep\nonset = gradual\n"
                                  "duration_days = 20\npain_now = 2\npain_run = 6\npain_worst = 6\n"
                                  "worse_with = walking, hopping\nbetter_with = rest\n"
                                  "signs = limp\ntest_hop = yes\n"
                                  "history = missed_periods, low_energy_intake\n";
    run_text(noNight);
    f = flag("stress_fracture_signs");
    CHECK(f && f->min_disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    static const char oneRisk[] = "age = 22\nsex = female\nlocation = groin, deep\nonset = gradual\n"
                                  "duration_days = 20\npain_now = 2\npain_run = 6\npain_worst = 6\n"
                                  "worse_with = walking, hopping, night\nbetter_with = rest\n"
                                  "signs = limp\ntest_hop = yes\nhistory = missed_periods\n";
    run_text(oneRisk);
    f = flag("stress_fracture_signs");
    CHECK(f && f->min_disposition == RH_DISP_SEE_DOCTOR_SOON);
}

/* Session 8 (b10dev, blind10 dev 1476): a growing runner's front-of-hip
 * pain with running beyond two weeks is a change of training, not stretching
 * alone [Bergeron15; DiFiori14]; the same at 25, or at 15 within ten days,
 * stays self care. */
static void test_growing_runner_front_pain(void)
{
#define FRONT_TIGHT(age, days)                                                                \
    "age = " age "\nsex = female\nlocation = front\nonset = gradual\nduration_days = " days \
    "\ncharacter = tight\npain_now = 1\npain_run = 3\npain_worst = 3\n"                       \
    "worse_with = run_start, sitting\nbetter_with = warm_up, stretching\n"                    \
    "test_hip_flexor_length = yes\ntest_resisted_knee_lift = no\ntest_hop = no\n"
    run_text(FRONT_TIGHT("15", "25"));
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("growth plates"));
    run_text(FRONT_TIGHT("25", "25"));
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    run_text(FRONT_TIGHT("15", "10"));
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
#undef FRONT_TIGHT
}

/* Session 8 (b10dev, blind10 dev 1530): soreness in many places two days
 * after a race comes back after every race: neither the recurring-pain rule
 * nor the pain-monitoring rule sends it on [Cheung03]. The same answers a
 * week on are no longer soreness. */
static void test_post_race_soreness_recurring(void)
{
    static const char sore[] = "age = 40\nsex = male\nside = both\n"
                               "location = front, groin, outer_thigh, buttock\nonset = gradual\n"
                               "duration_days = 2\nepisodes = recurring\ncharacter = tight, dull_ache\n"
                               "pain_now = 5\npain_run = 7\npain_worst = 7\n"
                               "worse_with = stairs, walking, after_run\nbetter_with = movement, massage\n"
                               "test_hop = no\nrecent_change = race\n";
    run_text(sore);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    static const char week[] = "age = 40\nsex = male\nside = both\n"
                               "location = front, groin, outer_thigh, buttock\nonset = gradual\n"
                               "duration_days = 9\nepisodes = recurring\ncharacter = tight, dull_ache\n"
                               "pain_now = 5\npain_run = 7\npain_worst = 7\n"
                               "worse_with = stairs, walking, after_run\nbetter_with = movement, massage\n"
                               "test_hop = no\nrecent_change = race\n";
    run_text(week);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    /* the exception needs the days, the race and both sides answered */
    static const char unknown[] = "age = 40\nsex = male\nlocation = front\nepisodes = recurring\n"
                                  "pain_worst = 7\n";
    run_text(unknown);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
}

/* Session 8 (b10dev): ranking rules of blind10 dev's top-3 misses. A front
 * snap on rising or stairs is the internal snapping hip (1496) [SnapHip21;
 * Yen15]; one-sided pubic pain on one-leg standing and stairs after a birth
 * is pelvic girdle pain (1481) [Vleeming08]; a pelvis that drops on
 * one-leg stance with mild running pain is the weakness sign (1458)
 * [Grimaldi11]; relief from stretching weighs against a gluteal tendon
 * (1505); a 16-or-under who cannot take weight after a slip has an
 * unstable slipped growth plate until an X-ray (1465) [Loder93]. */
static void test_b10dev_ranking(void)
{
    static const char snap[] = "age = 24\nsex = male\nlocation = front, groin\nonset = gradual\n"
                               "duration_days = 50\ncharacter = snapping, sharp\npain_run = 4\n"
                               "pain_worst = 5\nworse_with = rising, hills\n"
                               "test_resisted_knee_lift = yes\ntest_hop = no\n";
    run_text(snap);
    CHECK(in_top3("snapping_hip"));
    static const char snapNoRise[] = "age = 24\nsex = male\nlocation = front, groin\nonset = gradual\n"
                                     "duration_days = 50\ncharacter = snapping, sharp\npain_run = 4\n"
                                     "pain_worst = 5\nworse_with = hills\n"
                                     "test_resisted_knee_lift = yes\ntest_hop = no\n";
    run_text(snapNoRise);
    double with_rise = 0, without = 0;
    for (int i = 0; i < A.n_conditions; i++)
        if (!strcmp(A.conditions[i].id, "snapping_hip"))
            without = A.conditions[i].score;
    run_text(snap);
    for (int i = 0; i < A.n_conditions; i++)
        if (!strcmp(A.conditions[i].id, "snapping_hip"))
            with_rise = A.conditions[i].score;
    CHECK(with_rise > without);
    static const char pgp[] = "age = 31\nsex = female\nlocation = groin\n"
                              "worse_with = standing_one_leg, stairs\nhistory = postpartum\n";
    run_text(pgp);
    CHECK(in_top3("strength_imbalance"));
    static const char noBirth[] = "age = 31\nsex = female\nlocation = groin\n"
                                  "worse_with = standing_one_leg, stairs\n";
    run_text(noBirth);
    CHECK(!in_top3("strength_imbalance"));
    static const char drop[] = "age = 35\nlocation = outer, buttock\npain_run = 2\n"
                               "test_single_leg_stand = yes\n";
    run_text(drop);
    CHECK(in_top3("strength_imbalance"));
    /* a tight front-side hip that stretching eases is the TFL, not a
     * gluteal tendon that stretching squeezes (1505) [GrimaldiFearon15] */
    static const char tfl[] = "age = 35\nlocation = front, outer\ncharacter = tight\n"
                              "better_with = stretching\n";
    run_text(tfl);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    static const char scfe[] = "age = 13\nsex = male\nlocation = groin, front\nonset = sudden\n"
                               "onset_event = slip\nduration_days = 0\npain_now = 8\n"
                               "signs = cannot_bear_weight, reduced_motion\n";
    run_text(scfe);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
}

/* Session 8 (b10dev, blind10 dev 1443): an older runner who slipped and
 * hops on the leg and walks without pain or a limp has a groin strain more
 * than a broken hip: a doctor within days still rules a fracture out, not
 * the same day. A limp or pain on walking keeps the same day [NICE-CG124]. */
static void test_slip_hop_painless_older(void)
{
    static const char hop[] = "age = 68\nsex = male\nlocation = groin\nonset = sudden\n"
                              "onset_event = slip\nduration_days = 2\npain_now = 3\n"
                              "worse_with = twisting\nsigns = bruising\ntest_squeeze = yes\n"
                              "test_hop = no\n";
    run_text(hop);
    CHECK(flag("trauma") != NULL);
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    static const char walk[] = "age = 68\nsex = male\nlocation = groin\nonset = sudden\n"
                               "onset_event = slip\nduration_days = 2\npain_now = 3\n"
                               "worse_with = twisting, walking\nsigns = bruising\ntest_squeeze = yes\n"
                               "test_hop = no\n";
    run_text(walk);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    static const char untested[] = "age = 68\nsex = male\nlocation = groin\nonset = sudden\n"
                                   "onset_event = slip\nduration_days = 2\npain_now = 3\n"
                                   "worse_with = twisting\nsigns = bruising\ntest_squeeze = yes\n";
    run_text(untested);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
}

/* Session 9 (b11dev, blind11 dev 1629): an older runner's buttock and
 * thigh pain that walking brings on and rest takes away, gone in between,
 * with no tender spot and no back pain or tingling, is claudication: the
 * leg's arteries are kept among the causes and a doctor sees it within days
 * [NICE-CG147; GerhardHerman16]. With back pain, tingling and back trouble
 * it is the spine's (neurogenic claudication), a physiotherapist's; a
 * pain that stays at rest is not claudication. */
static void test_claudication_sees_doctor(void)
{
#define CLAUD(extra_loc, chr, hist, now)                                                       \
    "age = 73\nsex = male\nside = right\nlocation = buttock, outer_thigh" extra_loc "\n"      \
    "onset = gradual\nduration_days = 120\nepisodes = recurring\ncharacter = " chr "\n"        \
    "pain_now = " now "\npain_run = 6\npain_worst = 6\npain_next_morning = 0\n"               \
    "worse_with = run_later, hills, walking\nbetter_with = rest\ntest_knee_to_chest = no\n"   \
    "test_hop = no\ntest_cross_legged = no\ntest_press_outer = no\n" hist
    run_text(CLAUD("", "tight, dull_ache", "", "0"));
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    CHECK(in_top3("serious_pathology"));
    CHECK(why_says("pulses"));
    for (int k = 0; k < 3 && k < A.n_conditions; k++)
        if (!strcmp(A.conditions[k].id, "serious_pathology"))
            CHECK(strstr(A.conditions[k].name, "arteries") != NULL);
    run_text(CLAUD(", low_back", "dull_ache, tingling", "history = back_problems\n", "0"));
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    CHECK(!why_says("pulses"));
    run_text(CLAUD("", "tight, dull_ache", "", "4"));
    CHECK(!why_says("pulses"));
#undef CLAUD
}

/* Session 9 (b11dev, blind11 dev 1654): a 10-year-old's limp with no
 * injury keeps Perthes disease in the top three; the avulsion of a
 * teenager's sprint, kick or pop is kept only when there was one
 * [Medscape-LCPD; Rossi01]. */
static void test_child_limp_no_injury_keeps_perthes(void)
{
    static const char child[] = "age = 10\nsex = male\nside = right\nlocation = front, deep\n"
                                "onset = gradual\nonset_event = none\nduration_days = 42\n"
                                "character = dull_ache\npain_now = 2\npain_run = 4\n"
                                "worse_with = after_run, walking\nbetter_with = rest\n"
                                "signs = limp, reduced_motion\n";
    run_text(child);
    CHECK(in_top3("osteonecrosis"));
    CHECK(!in_top3("hip_flexor_strain"));
    static const char sprint[] = "age = 15\nsex = male\nlocation = front\nonset = sudden\n"
                                 "onset_event = sprint\nduration_days = 1\npain_now = 5\n"
                                 "signs = limp, bruising\n";
    run_text(sprint);
    CHECK(in_top3("hip_flexor_strain"));
}

/* Session 9 (b11dev, blind11 dev 1675): groin pain on coughing with no
 * pain down the leg and no nerve sign is the inguinal canal's, not a nerve
 * root's [Doha15]: it outranks the back even with low-back pain ticked. */
static void test_cough_groin_not_nerve_root(void)
{
#define COUGH(loc)                                                                            \
    "age = 18\nsex = male\nside = both\nlocation = groin, front, low_back" loc "\n"          \
    "onset = gradual\nduration_days = 60\nepisodes = recurring\n"                            \
    "character = dull_ache, sharp, burning, tight\npain_now = 3\npain_run = 5\n"             \
    "worse_with = cough_sneeze, kicking, twisting, run_later, after_run, rising, morning\n"   \
    "test_squeeze = yes\ntest_hop = no\ntest_resisted_knee_lift = yes\n"                     \
    "recent_change = speedwork, more_km\n"
    double hernia = 0, lumbar = 0;
    run_text(COUGH(""));
    CHECK(in_top3("inguinal_hernia"));
    for (int i = 0; i < A.n_conditions; i++) {
        if (!strcmp(A.conditions[i].id, "inguinal_hernia"))
            hernia = A.conditions[i].score;
        if (!strcmp(A.conditions[i].id, "lumbar_referred"))
            lumbar = A.conditions[i].score;
    }
    CHECK(hernia > lumbar);
    /* with pain down the leg the cough counts for the nerve root again */
    double lumbar_leg = 0;
    run_text(COUGH(", down_leg"));
    for (int i = 0; i < A.n_conditions; i++)
        if (!strcmp(A.conditions[i].id, "lumbar_referred"))
            lumbar_leg = A.conditions[i].score;
    CHECK(lumbar_leg > lumbar);
#undef COUGH
}

/* Session 9 (b11dev, blind11 dev 1657): a bruise on the side of the hip
 * from a fall yesterday that the runner walks and hops on without pain is
 * self care, even when the bruise hurts 6/10 and the race was on a new
 * surface [Finucane20; Jarvinen05]; the same without the hop test stays
 * with a doctor (the fall flag). */
static void test_fall_bruise_self_care(void)
{
#define BRUISE(hop)                                                                           \
    "age = 24\nsex = female\nside = left\nlocation = outer, outer_thigh, buttock\n"         \
    "onset = sudden\nonset_event = fall\nduration_days = 1\nepisodes = first\n"              \
    "character = dull_ache, sharp, tight\npain_now = 4\npain_run = 4\npain_worst = 6\n"     \
    "worse_with = lying_on_side, rising, stairs, after_run, morning\n"                       \
    "better_with = movement, heat, massage\nsigns = bruising, swelling\n"                    \
    "test_press_outer = yes\n" hop "test_single_leg_stand = no\n"                            \
    "recent_change = race, new_surface\n"
    run_text(BRUISE("test_hop = no\n"));
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    run_text(BRUISE(""));
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
#undef BRUISE
}

static void test_flag_neuro(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    sign(&in, RH_SIGN_NUMB_FOOT);
    expect_flag(&in, "neuro_deficit", RH_DISP_SEE_DOCTOR_SOON);
    /* round 8: a weak leg with a numb foot that troubles walking (foot
     * drop) is seen today; the weak leg and numb foot alone within days;
     * session 18 (b20ret): pain on walking alone is the nerve root's pain,
     * not the gait's deficit (within days); a limp is seen today */
    sign(&in, RH_SIGN_WEAK_ONE_SIDE);
    expect_flag(&in, "neuro_deficit", RH_DISP_SEE_DOCTOR_SOON);
    worse(&in, RH_WORSE_WALKING);
    expect_flag(&in, "neuro_deficit", RH_DISP_SEE_DOCTOR_SOON);
    sign(&in, RH_SIGN_LIMP);
    expect_flag(&in, "neuro_deficit", RH_DISP_URGENT);
    rh_intake_init(&in);
    sign(&in, RH_SIGN_WEAK_ONE_SIDE);
    chr(&in, RH_CHAR_NUMBNESS);
    expect_flag(&in, "neuro_deficit", RH_DISP_SEE_DOCTOR_SOON);
    in.side = RH_SIDE_BOTH;
    expect_flag(&in, "neuro_deficit", RH_DISP_URGENT);
    /* weakness with buttock pain that came on gradually in the last three
     * days is a sore, worked muscle (Cheung03); older, it is a nerve sign */
    rh_intake_init(&in);
    sign(&in, RH_SIGN_WEAK_ONE_SIDE);
    loc(&in, RH_LOC_BUTTOCK);
    chr(&in, RH_CHAR_DULL_ACHE);
    in.onset = RH_ONSET_GRADUAL;
    in.duration_days = 2;
    run(&in);
    CHECK(flag("neuro_deficit") == NULL);
    in.duration_days = 10;
    expect_flag(&in, "neuro_deficit", RH_DISP_SEE_DOCTOR_SOON);
    in.duration_days = 2;
    in.onset = RH_ONSET_SUDDEN;
    expect_flag(&in, "neuro_deficit", RH_DISP_SEE_DOCTOR_SOON);
    /* issue 11: weakness without nerve signs (a painful hip or tendon) is not
     * a deficit; with pain down the leg, or rising pain, it is */
    rh_intake_init(&in);
    sign(&in, RH_SIGN_WEAK_ONE_SIDE);
    loc(&in, RH_LOC_OUTER);
    in.has_character = true;
    in.has_worse_with = true;
    in.pain_now = 3;
    in.pain_worst = 5;
    run(&in);
    CHECK(flag("neuro_deficit") == NULL);
    loc(&in, RH_LOC_DOWN_LEG);
    expect_flag(&in, "neuro_deficit", RH_DISP_SEE_DOCTOR_SOON);
    in.location = RH_BIT(RH_LOC_OUTER);
    in.pain_now = 6;
    expect_flag(&in, "neuro_deficit", RH_DISP_SEE_DOCTOR_SOON);
    /* the checklist's "one side feels weaker" is not a deficit */
    rh_intake_init(&in);
    in.check[RH_CHECK_WEAK_SIDE] = RH_TRI_YES;
    run(&in);
    CHECK(flag("neuro_deficit") == NULL);
}

/* Issue 11's under-triaged patterns. */
static void test_issue11_patterns(void)
{
    struct rh_intake in;
    /* a teenager's pop with bruising or a limp: possible avulsion fracture */
    rh_intake_init(&in);
    in.age = 15;
    loc(&in, RH_LOC_FRONT);
    in.onset = RH_ONSET_SUDDEN;
    in.onset_event = RH_EVENT_POP;
    sign(&in, RH_SIGN_BRUISING);
    run(&in);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.running, RH_RUNNING_STOP);
    /* the flag (trauma, so a diary note raises it too) and the rule both say why */
    CHECK(flag("trauma") != NULL);
    bool said = false;
    for (int i = 0; i < A.disposition_why.n; i++)
        said |= strstr(A.disposition_why.text[i], "avulsion") != NULL;
    CHECK(said);
    in.age = 30; /* an adult's pop: a strain, no avulsion rule */
    run(&in);
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running != RH_RUNNING_STOP);
    in.age = 17;
    in.signs = 0; /* no bruising, no limp: not this rule */
    run(&in);
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    in.age = 15; /* session 22 (b26dev): at 15 or under the pop alone is the flag's */
    run(&in);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(flag("trauma") != NULL);
    /* sudden severe pain at rest with no injury: not a physio case */
    rh_intake_init(&in);
    in.age = 40;
    loc(&in, RH_LOC_GROIN);
    loc(&in, RH_LOC_LOW_BACK);
    in.onset = RH_ONSET_SUDDEN;
    in.onset_event = RH_EVENT_NONE;
    in.pain_now = 8;
    expect_flag(&in, "night_or_rest_pain", RH_DISP_URGENT);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    in.pain_now = 3; /* mild, and nothing says it is non-mechanical */
    run(&in);
    CHECK(flag("night_or_rest_pain") == NULL);
    in.onset_event = RH_EVENT_SPRINT; /* a sprint injury is mechanical */
    in.pain_now = 8;
    run(&in);
    CHECK(flag("night_or_rest_pain") == NULL);
    /* an older runner with thin bones falls and limps: same day */
    rh_intake_init(&in);
    in.age = 67;
    loc(&in, RH_LOC_GROIN);
    in.onset = RH_ONSET_SUDDEN;
    in.onset_event = RH_EVENT_FALL;
    sign(&in, RH_SIGN_LIMP);
    in.pain_now = 4;
    expect_flag(&in, "trauma", RH_DISP_URGENT);
    in.age = 40; /* younger, bones not known to be thin: within days */
    expect_flag(&in, "trauma", RH_DISP_SEE_DOCTOR_SOON);
    hist(&in, RH_HIST_LOW_BONE_DENSITY);
    expect_flag(&in, "trauma", RH_DISP_URGENT);
    /* osteonecrosis risk factors of the new history words */
    rh_intake_init(&in);
    in.age = 35;
    loc(&in, RH_LOC_GROIN);
    worse(&in, RH_WORSE_WALKING);
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    hist(&in, RH_HIST_SICKLE_CELL);
    run(&in);
    CHECK_STR(A.conditions[0].id, "osteonecrosis");
}

/* Meralgia paraesthetica (a skin nerve at the pelvis, under the lumbar
 * label): a burning or tingling outer-thigh patch alone is the runner's own
 * care (belts, weight); a numb patch is examined once, not urgently; any
 * sign of the back or a nerve root sends to a physio as before. */
static void test_meralgia_disposition(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 40;
    loc(&in, RH_LOC_OUTER_THIGH);
    chr(&in, RH_CHAR_BURNING);
    chr(&in, RH_CHAR_TINGLING);
    run(&in);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    CHECK_INT(A.running, RH_RUNNING_CONTINUE);
    struct rh_intake numb = in;
    chr(&numb, RH_CHAR_NUMBNESS);
    run(&numb);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    CHECK(strstr(A.disposition_why.text[0], "GP") != NULL);
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    struct rh_intake back = in;
    loc(&back, RH_LOC_LOW_BACK);
    run(&back);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    /* with the location unanswered the label is not narrowed: a physio */
    struct rh_intake noloc;
    rh_intake_init(&noloc);
    chr(&noloc, RH_CHAR_RADIATING);
    loc(&noloc, RH_LOC_DOWN_LEG);
    run(&noloc);
    CHECK_INT(A.disposition >= RH_DISP_SEE_PHYSIO, 1);
}

static void test_flag_groin_lump(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    sign(&in, RH_SIGN_LUMP_GROIN);
    expect_flag(&in, "groin_lump", RH_DISP_SEE_DOCTOR_SOON);
    CHECK_STR(A.conditions[0].id, "inguinal_hernia");
    in.pain_now = 8;
    expect_flag(&in, "groin_lump", RH_DISP_URGENT);
    /* a hernia's dragging groin ache on walking is not read as a
     * femoral-neck stress fracture (HerniaSurge18), unless a limp or a
     * bone risk factor says bone */
    rh_intake_init(&in);
    sign(&in, RH_SIGN_LUMP_GROIN);
    loc(&in, RH_LOC_GROIN);
    worse(&in, RH_WORSE_WALKING);
    run(&in);
    CHECK(flag("groin_lump") != NULL);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(A.running < RH_RUNNING_STOP);
    sign(&in, RH_SIGN_LIMP);
    run(&in);
    CHECK(flag("stress_fracture_signs") != NULL);
    in.signs = RH_BIT(RH_SIGN_LUMP_GROIN);
    hist(&in, RH_HIST_MISSED_PERIODS);
    run(&in);
    CHECK(flag("stress_fracture_signs") != NULL);
}

static void test_flag_worsening(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.pain_now = 7;
    in.pain_worst = 5;
    expect_flag(&in, "worsening_fast", RH_DISP_SEE_DOCTOR_SOON);
    CHECK(strstr(flag("worsening_fast")->why, "pain_worst 5") != NULL);
    CHECK(strstr(flag("worsening_fast")->why, "pain_worst 5 + 2") != NULL);
    in.pain_now = 5;
    run(&in);
    CHECK(flag("worsening_fast") == NULL);
    /* session 9 (retire9): one point above the worst is within the scale's
     * error (Farrar01): no flag, but not settling either, a physiotherapist
     * (blind9 dev 1329; the noisy forms of blind9 and blind10) */
    in.pain_now = 6;
    run(&in);
    CHECK(flag("worsening_fast") == NULL);
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    rh_intake_init(&in);
    in.onset = RH_ONSET_GRADUAL;
    in.duration_days = 9;
    in.pain_now = 8;
    expect_flag(&in, "worsening_fast", RH_DISP_SEE_DOCTOR_SOON);
    in.duration_days = 30;
    run(&in);
    CHECK(flag("worsening_fast") == NULL);
}

static void test_flag_locking(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    chr(&in, RH_CHAR_LOCKING);
    expect_flag(&in, "joint_locking", RH_DISP_SEE_PHYSIO);
    sign(&in, RH_SIGN_CANNOT_BEAR_WEIGHT);
    expect_flag(&in, "joint_locking", RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.disposition, RH_DISP_URGENT); /* cannot_bear_weight */
    rh_intake_init(&in);
    chr(&in, RH_CHAR_CATCHING);
    run(&in);
    CHECK(flag("joint_locking") == NULL);
}

/* A word whose follow-up screen was skipped (clicking, after the runner
 * answered what the pain feels like) is unknown, not "no": the rule "no
 * snapping or clicking reported" must not fire. */
static double score_of(const char *id)
{
    for (int i = 0; i < A.n_conditions; i++)
        if (strcmp(A.conditions[i].id, id) == 0)
            return A.conditions[i].score;
    return -1;
}

static void test_skipped_followup_is_unknown(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_FRONT);
    loc(&in, RH_LOC_GROIN);
    chr(&in, RH_CHAR_DULL_ACHE);
    run(&in);
    double as_no = score_of("snapping_hip");
    in.character_unknown = RH_BIT(RH_CHAR_CLICKING) | RH_BIT(RH_CHAR_SNAPPING) |
                           RH_BIT(RH_CHAR_CATCHING) | RH_BIT(RH_CHAR_LOCKING);
    run(&in);
    double as_unknown = score_of("snapping_hip");
    CHECK(as_no >= 0 && as_unknown >= 0);
    CHECK(as_unknown > as_no);
}

/* Bone stress away from the groin: a pelvic or sacral stress fracture felt
 * in the buttock or low back, and a painful hop after a load jump wherever
 * the pain is. Each with its near miss (no risk factor: no flag). */
static void test_flag_stress_fracture_beyond_groin(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_BUTTOCK);
    worse(&in, RH_WORSE_WALKING);
    hist(&in, RH_HIST_MISSED_PERIODS);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.running, RH_RUNNING_STOP);
    CHECK(strstr(flag("stress_fracture_signs")->why, "location=buttock") != NULL);
    CHECK(strstr(flag("stress_fracture_signs")->why, "history=missed_periods") != NULL);
    rh_intake_init(&in); /* the same pain with no bone-stress risk factor */
    loc(&in, RH_LOC_BUTTOCK);
    worse(&in, RH_WORSE_WALKING);
    hist(&in, RH_HIST_BACK_PROBLEMS);
    run(&in);
    CHECK(flag("stress_fracture_signs") == NULL);
    rh_intake_init(&in); /* sit bone, one-leg stance, a 40% jump */
    loc(&in, RH_LOC_SIT_BONE);
    in.test[RH_TEST_SINGLE_LEG_STAND] = RH_TRI_YES;
    in.km_change_pct = 40;
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);

    rh_intake_init(&in); /* outer thigh, painful hop, 55% jump */
    loc(&in, RH_LOC_OUTER_THIGH);
    in.test[RH_TEST_HOP] = RH_TRI_YES;
    in.km_change_pct = 55;
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
    CHECK(strstr(flag("stress_fracture_signs")->why, "test_hop") != NULL);
    in.km_change_pct = 10; /* a painful hop with steady load and no risk factor */
    run(&in);
    CHECK(flag("stress_fracture_signs") == NULL);
    rh_intake_init(&in); /* pain on hopping after a return from a break */
    loc(&in, RH_LOC_OUTER);
    worse(&in, RH_WORSE_HOPPING);
    in.has_recent_change = true;
    in.recent_change = RH_BIT(RH_CHANGE_RETURN_FROM_BREAK);
    expect_flag(&in, "stress_fracture_signs", RH_DISP_SEE_DOCTOR_SOON);
}

/* An unanswered question is unknown, never "no". */
static void test_missing_is_not_no(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER);
    in.test[RH_TEST_PRESS_OUTER] = RH_TRI_YES;
    run(&in);
    double c_unanswered = A.confidence;
    double s_unanswered = A.conditions[0].score;
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    CHECK(A.n_missing > 0);
    /* answering "no" to the single-leg stand changes the ranking inputs
     * (and raises confidence), so unanswered was not treated as no */
    in.test[RH_TEST_SINGLE_LEG_STAND] = RH_TRI_NO;
    in.has_signs = true; /* answered: no signs */
    in.has_worse_with = true;
    in.has_character = true;
    in.has_history = true;
    run(&in);
    CHECK(A.confidence > c_unanswered);
    CHECK(A.conditions[0].score != s_unanswered || A.confidence != c_unanswered);
    /* an empty intake: no flags, low confidence, a cautious disposition */
    rh_intake_init(&in);
    run(&in);
    CHECK_INT(A.n_flags, 0);
    CHECK(A.confidence < 0.3);
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    CHECK(A.n_missing >= 5);
    CHECK(missing("location"));
}

static void test_checklist(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER);
    in.check[RH_CHECK_SHARP_SOCKET] = RH_TRI_YES;
    in.check[RH_CHECK_BETTER_STRETCH] = RH_TRI_YES; /* improves: no warning */
    in.check[RH_CHECK_UNEVEN_STAND] = RH_TRI_YES;
    run(&in);
    CHECK_INT(A.checklist_warnings, 2);
    CHECK_INT(A.checklist_answered, 3);
    in.check[RH_CHECK_BETTER_STRETCH] = RH_TRI_NO; /* does not improve: warning */
    run(&in);
    CHECK_INT(A.checklist_warnings, 3);
    /* the checklist scales back training; whom to see is decided by the
     * likely cause, the warning signs, the duration and the pain (here a
     * side-of-hip pain of unknown duration: training first) */
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(A.running >= RH_RUNNING_REDUCE);
    bool said = false;
    for (int i = 0; i < A.disposition_why.n; i++)
        said |= strstr(A.disposition_why.text[i], "checklist") != NULL;
    CHECK(said);
}

static void test_duration_rules(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER_KNEE);
    worse(&in, RH_WORSE_RUN_LATER);
    in.duration_days = 5;
    in.episodes = RH_EPISODES_FIRST;
    in.pain_worst = 3;
    run(&in);
    CHECK_STR(A.conditions[0].id, "itb_syndrome");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    /* issue 11: twelve days of mild pain is no reason for a physio by
     * itself (the seed's 7-10 and 10-14 day thresholds had no source and
     * sent self-limiting problems to one) */
    in.duration_days = 12;
    run(&in);
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    /* beyond two weeks, 6/10 on runs, the next morning not answered
     * (round 8): reduced load first, not yet a physio */
    in.duration_days = 16;
    in.pain_run = 6;
    run(&in);
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    /* ... and not settled by the next morning: the load is not managed */
    in.pain_next_morning = 3;
    run(&in);
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER_KNEE);
    worse(&in, RH_WORSE_RUN_LATER);
    in.duration_days = 16;
    in.episodes = RH_EPISODES_FIRST;
    in.pain_worst = 3;
    /* ... or 7/10 on runs, severe enough to stand in for the next morning */
    in.pain_run = 7;
    run(&in);
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    in.pain_run = 3;
    run(&in);
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    /* beyond six weeks: a physio (here also the band's own six-week rule);
     * words21: the guides' "worth having checked" is not said again under
     * the verdict that books the physiotherapist ([disposition]
     * see_physio.again), nor the reasons' "see a physiotherapist" */
    in.duration_days = 50;
    in.pain_worst = 6;
    run(&in);
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    bool conflict = false;
    for (int i = 0; i < A.advice.n; i++)
        conflict |= strstr(A.advice.text[i], "rule of thumb, untested in studies") != NULL;
    CHECK(!conflict);
    for (int i = 0; i < A.disposition_why.n; i++)
        CHECK(!strstr(A.disposition_why.text[i], "see a physio") &&
              !strstr(A.disposition_why.text[i], "physiotherapist should examine it"));
    bool six = false;
    for (int i = 0; i < A.disposition_why.n; i++)
        six |= strstr(A.disposition_why.text[i], "lasted more than six weeks") != NULL;
    CHECK(six);
    in.pain_run = -1;
    in.duration_days = 5;
    in.episodes = RH_EPISODES_RECURRING;
    run(&in);
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    /* recurring but mild: the runner's own load management */
    in.pain_worst = 3;
    run(&in);
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
}

static void test_pain_type(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    run(&in);
    CHECK_INT(A.pain_type, RH_PAIN_UNCLEAR);
    loc(&in, RH_LOC_DOWN_LEG);
    chr(&in, RH_CHAR_TINGLING);
    run(&in);
    CHECK_INT(A.pain_type, RH_PAIN_NERVE);
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    chr(&in, RH_CHAR_CATCHING);
    run(&in);
    CHECK_INT(A.pain_type, RH_PAIN_JOINT);
    bool names = false;
    for (int i = 0; i < A.pain_type_why.n; i++)
        names |= strstr(A.pain_type_why.text[i], "character=catching") != NULL;
    CHECK(names);
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER);
    chr(&in, RH_CHAR_DULL_ACHE);
    in.test[RH_TEST_PRESS_OUTER] = RH_TRI_YES;
    run(&in);
    CHECK_INT(A.pain_type, RH_PAIN_MUSCLE);
    chr(&in, RH_CHAR_NUMBNESS);
    loc(&in, RH_LOC_DOWN_LEG);
    run(&in);
    CHECK_INT(A.pain_type, RH_PAIN_MIXED);
}

static void test_ranking_normalised(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_SIT_BONE);
    worse(&in, RH_WORSE_SITTING);
    run(&in);
    CHECK_STR(A.conditions[0].id, "hamstring_tendinopathy");
    CHECK_INT(A.n_conditions, 21);
    double sum = 0;
    for (int i = 0; i < A.n_conditions; i++) {
        sum += A.conditions[i].score;
        CHECK(A.conditions[i].score >= 0 && A.conditions[i].score <= 1);
        if (i)
            CHECK(A.conditions[i].score <= A.conditions[i - 1].score);
    }
    CHECK_NEAR(sum, 1.0, 1e-9);
    CHECK(A.conditions[0].why.n >= 1);
    CHECK(strstr(A.conditions[0].why.text[0], "location=sit_bone") != NULL);
    /* a reason that lowered a condition is listed with its sign */
    bool lowered = false;
    for (int i = 0; i < A.n_conditions; i++)
        for (int k = 0; k < A.conditions[i].why.n; k++)
            lowered |= A.conditions[i].why.text[k][0] == '-';
    CHECK(lowered);
}

static void test_doms(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.side = RH_SIDE_BOTH;
    in.duration_days = 2;
    chr(&in, RH_CHAR_DULL_ACHE);
    in.has_recent_change = true;
    in.recent_change = RH_BIT(RH_CHANGE_RACE);
    in.pain_now = 2;
    in.has_signs = true;
    in.test[RH_TEST_HOP] = RH_TRI_NO;
    run(&in);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK_INT(A.n_flags, 0);
    CHECK_INT(A.running, RH_RUNNING_CONTINUE);
}

static void test_json_shape(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_GROIN);
    worse(&in, RH_WORSE_NIGHT);
    worse(&in, RH_WORSE_WALKING);
    in.weekly_km = 50;
    in.from_data = RH_FROM_DATA_WEEKLY_KM | RH_FROM_DATA_SAME_ROUTE;
    run(&in);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    json_error_t je;
    json_t *j = json_loadb(b.data, b.len, 0, &je);
    CHECK(j != NULL);
    if (!j) {
        fprintf(stderr, "bad JSON: %s\n", je.text);
        rh_buf_release(&b);
        return;
    }
    static const char *const keys[] = {"disclaimer", "conditions", "pain_type", "pain_type_why",
                                       "red_flags", "checklist_warnings", "checklist_answered", "disposition",
                                       "disposition_why", "running", "running_why", "advice_now", "advice",
                                       "ranked", "confidence", "missing", "training_from_data",
                                       "training_from_data_note", "training_from_data_clinical"};
    CHECK_INT(json_object_size(j), sizeof keys / sizeof *keys);
    /* the clinician's version: third person (review 8 #13) */
    const char *cl = json_string_value(json_object_get(j, "training_from_data_clinical"));
    CHECK(cl && strstr(cl, "Rows marked (watch): figures from the runner's recorded runs") == cl);
    CHECK(cl && strstr(cl, "your") == NULL && strstr(cl, "you ") == NULL);
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        CHECK(json_object_get(j, keys[i]) != NULL);
    json_t *conds = json_object_get(j, "conditions");
    CHECK_INT(json_array_size(conds), 21);
    json_t *c0 = json_array_get(conds, 0);
    CHECK(json_is_string(json_object_get(c0, "id")));
    CHECK(json_is_string(json_object_get(c0, "name")));
    CHECK(json_is_number(json_object_get(c0, "score")));
    CHECK(json_is_array(json_object_get(c0, "why")));
    json_t *flags = json_object_get(j, "red_flags");
    CHECK(json_array_size(flags) >= 2);
    CHECK(json_is_string(json_object_get(json_array_get(flags, 0), "why")));
    CHECK_STR(json_string_value(json_object_get(j, "disposition")), "see_doctor_soon");
    CHECK_STR(json_string_value(json_object_get(j, "running")), "stop");
    /* review 10 #14: the red flags' own advice comes first, counted */
    CHECK(json_integer_value(json_object_get(j, "advice_now")) >= 1);
    CHECK(json_integer_value(json_object_get(j, "advice_now")) <=
          (json_int_t)json_array_size(json_object_get(j, "advice")));
    CHECK(json_is_integer(json_object_get(j, "checklist_warnings")));
    json_t *fd = json_object_get(j, "training_from_data");
    CHECK_INT(json_array_size(fd), 2);
    CHECK_STR(json_string_value(json_array_get(fd, 0)), "weekly_km");
    CHECK_STR(json_string_value(json_array_get(fd, 1)), "same_route");
    /* review 7b N2: which answers the recorded figures replaced, in words */
    CHECK_STR(json_string_value(json_object_get(j, "training_from_data_note")),
              "Taken from your recorded runs: your weekly distance (recorded: 50 km a week) and "
              "whether you run the same route.");
    double conf = json_number_value(json_object_get(j, "confidence"));
    CHECK(conf >= 0 && conf <= 1);
    json_decref(j);
    rh_buf_release(&b);
}

/* cli26: a ranked cause with no reason of its own (its score its prior)
 * was shown bare ("Less likely: snapping hip" and nothing under it): each
 * shown cause carries its reasons or the line that says why it is listed */
static void test_cli26_every_shown_cause_says_why(void)
{
    run_text("location = outer_knee\nworse_with = run_later\n");
    const char *none = rh_words("text", "cause.no_reason");
    CHECK(none != NULL && *none);
    int bare = 0;
    for (int i = 0; i < A.n_conditions && i < RH_TEXT_TOP_CAUSES; i++)
        bare += A.conditions[i].why.n == 0;
    CHECK(bare > 0); /* the case the tester met */
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    const char *p = b.data ? strstr(b.data, "MOST LIKELY CAUSES") : NULL;
    CHECK(p != NULL);
    for (int i = 0; p && i < A.n_conditions && i < RH_TEXT_TOP_CAUSES; i++) {
        char head[160];
        snprintf(head, sizeof head, "%d. ", i + 1);
        p = strstr(p, head);
        CHECK(p != NULL);
        if (!p)
            break;
        const char *next = strchr(p, '\n');
        /* the line under the head is a reason: "   - " */
        CHECK(next && strncmp(next + 1, "   - ", 5) == 0);
        if (A.conditions[i].why.n == 0)
            CHECK(next && strncmp(next + 6, none, strlen(none)) == 0);
        p = next;
    }
    rh_buf_release(&b);
}

static void test_text_report(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    sign(&in, RH_SIGN_FEVER);
    loc(&in, RH_LOC_GROIN);
    run(&in);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(strncmp(b.data, "!! WARNING SIGNS", 16) == 0);
    const char *d = rh_assess_disclaimer();
    const char *first = strstr(b.data, d);
    CHECK(first != NULL);
    CHECK(first && strstr(first + 1, d) == NULL); /* once */
    /* plain words: the time frame, the answer as a clause, no ids */
    CHECK(strstr(b.data, "Get medical help today") != NULL);
    CHECK(strstr(b.data, "because you have a fever") != NULL);
    CHECK(strstr(b.data, "signs=fever") == NULL && strstr(b.data, "fever_hot_joint") == NULL);
    rh_buf_release(&b);
    /* without flags and the warning signs not answered, the report says
     * so first (review 7 A11); answered, it starts with what to do */
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER);
    run(&in);
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(strncmp(b.data, "!! Warning signs not answered", 29) == 0);
    CHECK(strstr(b.data, "the warning signs question") != NULL);
    rh_buf_release(&b);
    {
        struct rh_intake in2;
        struct rh_err e2;
        const char *t = "location = outer\nsigns = none\n";
        CHECK_INT(rh_intake_parse(t, strlen(t), &in2, &e2), 0);
        run(&in2);
    }
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(strncmp(b.data, "WHAT TO DO NOW", 14) == 0);
    rh_buf_release(&b);
    /* a capped buffer fails cleanly */
    rh_buf_init(&b, 64);
    CHECK(rh_assessment_to_text(&A, &b) != 0);
    rh_buf_release(&b);
    rh_buf_init(&b, 64);
    CHECK(rh_assessment_to_json(&A, &b) != 0);
    rh_buf_release(&b);
}

static void test_names(void)
{
    enum rh_disposition d;
    enum rh_running r;
    CHECK_INT(rh_disposition_parse("see_physio", &d), 0);
    CHECK_INT(d, RH_DISP_SEE_PHYSIO);
    CHECK_INT(rh_disposition_parse("soon", &d), RH_EKEY);
    CHECK_INT(rh_running_parse("cross_train_only", &r), 0);
    CHECK_INT(r, RH_RUNNING_CROSS_TRAIN_ONLY);
    CHECK_INT(rh_running_parse("walk", &r), RH_EKEY);
    CHECK_STR(rh_disposition_name(RH_DISP_URGENT), "urgent");
    CHECK_STR(rh_running_name(RH_RUNNING_STOP), "stop");
    CHECK_STR(rh_pain_type_name(RH_PAIN_MIXED), "mixed");
    CHECK(RH_DISP_SELF_CARE < RH_DISP_MODIFY_TRAINING && RH_DISP_SEE_PHYSIO < RH_DISP_URGENT);
}

/* ---- knowledge-base errors ------------------------------------------------ */

static struct rh__kb KB;

static int kb_try_terms(const char *terms, const char *conds, const char *flags,
                        const char *rules, struct rh_err *err)
{
    memset(&KB, 0, sizeof KB);
    rh_err_clear(err);
    return rh__kb_read(&KB, terms, strlen(terms), conds, strlen(conds), flags, strlen(flags), rules,
                       strlen(rules), err);
}

static int kb_try(const char *conds, const char *flags, const char *rules, struct rh_err *err)
{
    return kb_try_terms("", conds, flags, rules, err);
}

static const char *OK_FLAGS = "[trauma]\nname = fall\ndisposition = see_doctor_soon | X\n"
                              "running = stop | X\ntrigger = see_doctor_soon | onset_event:fall | "
                              "a fall | X\n";
static const char *OK_RULES = "[settings]\npain_threshold = 1.5 | d\n";
static const char *COND_HEAD = "[itb_syndrome]\nname = ITB\npain_type = tendon\n"
                               "disposition = self_care | X\nrunning = continue | X\n"
                               "running_why = it settles | X\nrecovery = weeks\n";

static void test_kb_errors(void)
{
    struct rh_err err;
    char buf[1024];
    snprintf(buf, sizeof buf, "%sfeature = +1 | location:groin | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), 0);
    /* unknown word */
    snprintf(buf, sizeof buf, "%sfeature = +1 | location:elbow | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    CHECK_INT(err.line, 8);
    CHECK(strstr(err.msg, "unknown word") != NULL);
    CHECK(strstr(err.msg, "data/conditions.txt") != NULL);
    /* unknown answer name */
    snprintf(buf, sizeof buf, "%sfeature = +1 | shoe_colour:red | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    /* no source */
    snprintf(buf, sizeof buf, "%sfeature = +1 | location:groin | reason\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    /* bad weight, bad level */
    snprintf(buf, sizeof buf, "%sfeature = lots | location:groin | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    snprintf(buf, sizeof buf, "%sescalate = soonish | location:groin | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    /* unbalanced parentheses, a trailing operator, an unknown flag */
    snprintf(buf, sizeof buf, "%sfeature = +1 | (location:groin | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    snprintf(buf, sizeof buf, "%sfeature = +1 | location:groin & | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    /* words12: a seen heading may join answers with & and compare a figure;
     * anything else is named */
    {
        char fl[512];
        snprintf(buf, sizeof buf, "%sfeature = +1 | location:groin | r | S\n", COND_HEAD);
        snprintf(fl, sizeof fl, "%sseen = signs:limp & age<=16 | A limp at 16 | X\n", OK_FLAGS);
        CHECK_INT(kb_try(buf, fl, OK_RULES, &err), 0);
        snprintf(fl, sizeof fl, "%sseen = age<=young | A child | X\n", OK_FLAGS);
        CHECK_INT(kb_try(buf, fl, OK_RULES, &err), RH_ESYNTAX);
        CHECK(strstr(err.msg, "is not KEY, KEY:WORD or KEY<=N") != NULL);
        snprintf(fl, sizeof fl, "%sseen = signs:limp | age | A child | X\n", OK_FLAGS);
        CHECK(kb_try(buf, fl, OK_RULES, &err) != 0);
        /* review 12: answers longer than the heading test keeps are
         * refused by their length and line, never cut when read */
        snprintf(fl, sizeof fl,
                 "%sseen = signs:limp & signs:cannot_bear_weight & age<=16 & age>=10"
                 " | A limp at 16 | X\n", OK_FLAGS);
        CHECK_INT(kb_try(buf, fl, OK_RULES, &err), RH_EFORMAT);
        CHECK(strstr(err.msg, "the seen answer is 57 bytes long, more than the 47 the engine "
                              "keeps") != NULL);
        CHECK(err.line > 0);
        snprintf(fl, sizeof fl, "%sseen = signs:limp & signs:cannot_bear_weight & age<=16 | "
                 "A limp at 16 | X\n", OK_FLAGS);
        CHECK_INT(kb_try(buf, fl, OK_RULES, &err), 0); /* 47 bytes: kept whole */
    }
    snprintf(buf, sizeof buf, "%sfeature = +1 | flag:no_such_flag | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    /* a number answer needs a comparison; a word answer needs a word */
    snprintf(buf, sizeof buf, "%sfeature = +1 | age | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    snprintf(buf, sizeof buf, "%sfeature = +1 | location | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    /* unknown key; missing required fields; a section twice */
    snprintf(buf, sizeof buf, "%scolour = blue\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_EKEY);
    CHECK_INT(kb_try("[fai]\nname = FAI\n", OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    snprintf(buf, sizeof buf, "%s[fai]\nname = x\n[itb_syndrome]\nname = y\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    /* a flag without running; rules without a threshold */
    CHECK_INT(kb_try(COND_HEAD, "[trauma]\nname = f\ndisposition = urgent | X\n", OK_RULES, &err),
              RH_EFORMAT);
    CHECK_INT(kb_try(COND_HEAD, OK_FLAGS, "[disposition]\n", &err), RH_EFORMAT);
    CHECK_INT(kb_try(COND_HEAD, OK_FLAGS, "[nonsense]\nx = 1\n", &err), RH_EKEY);
    /* a condition's kind of pain must be one the pain type can use */
    CHECK_INT(kb_try("[itb_syndrome]\nname = ITB\npain_type = tendonish\n"
                     "disposition = self_care | X\nrunning = continue | X\nrecovery = weeks\n",
                     OK_FLAGS, OK_RULES, &err),
              RH_EFORMAT);
    CHECK(strstr(err.msg, "pain_type 'tendonish'") != NULL);
    CHECK_INT(rh__pain_group("tendon"), 0);
    CHECK_INT(rh__pain_group("bone"), 1);
    CHECK_INT(rh__pain_group("nerve"), 2);
    CHECK_INT(rh__pain_group("other"), -1);
}

/* The usual disposition and the usual running advice each keep their own
 * source (a second line for either is an error, not a silent replacement),
 * and each reason shows its own. */
static void test_kb_level_sources(void)
{
    struct rh_err err;
    const char *both = "[itb_syndrome]\nname = ITB\npain_type = tendon\n"
                       "disposition = see_physio | VisitSrc\nrunning = reduce | RunSrc\n"
                       "running_why = the band settles | WhySrc\nrecovery = weeks\n";
    /* the running advice needs its reason (review 7 B13), given once */
    const char *no_why = "[itb_syndrome]\nname = ITB\npain_type = tendon\n"
                         "disposition = see_physio | VisitSrc\nrunning = reduce | RunSrc\n"
                         "recovery = weeks\n";
    CHECK_INT(kb_try(no_why, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    CHECK(strstr(err.msg, "running_why") != NULL);
    CHECK_INT(kb_try(both, OK_FLAGS, OK_RULES, &err), 0);
    CHECK_STR(KB.conds[0].running_why, "the band settles");
    CHECK_STR(KB.conds[0].run_why_source, "WhySrc");
    CHECK_STR(KB.conds[0].disp_source, "VisitSrc");
    CHECK_STR(KB.conds[0].run_source, "RunSrc");
    CHECK_STR(KB.flags[0].disp_source, "X");
    CHECK_STR(KB.flags[0].run_source, "X");
    char buf[1024];
    snprintf(buf, sizeof buf, "%sdisposition = urgent | Other\n", both);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    CHECK_INT(err.line, 8);
    CHECK(strstr(err.msg, "'disposition' given twice") != NULL);
    snprintf(buf, sizeof buf, "%srunning = stop | Other\n", both);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    CHECK(strstr(err.msg, "'running' given twice") != NULL);
    /* a level without its source, or with more than one part after it */
    CHECK_INT(kb_try("[itb_syndrome]\nname = ITB\npain_type = tendon\n"
                     "disposition = see_physio\nrunning = reduce | R\nrecovery = weeks\n",
                     OK_FLAGS, OK_RULES, &err),
              RH_ESYNTAX);
    CHECK_INT(err.line, 4);
    CHECK_INT(kb_try("[itb_syndrome]\nname = ITB\npain_type = tendon\n"
                     "disposition = see_physio | V\nrunning = reduce | R | extra\n"
                     "recovery = weeks\n",
                     OK_FLAGS, OK_RULES, &err),
              RH_ESYNTAX);
    CHECK_INT(err.line, 5);
    /* the compiled-in base: each reason cites its own line's source */
    const struct rh__kb *kb = rh__kb_get(&err);
    CHECK(kb != NULL);
    const struct rh__cond *gt = NULL;
    for (int i = 0; kb && i < kb->n_conds; i++)
        if (strcmp(kb->conds[i].id, "trochanteric_bursitis") == 0)
            gt = &kb->conds[i];
    CHECK(gt != NULL);
    if (!gt)
        return;
    CHECK(strcmp(gt->disp_source, gt->run_source) != 0);
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER);
    worse(&in, RH_WORSE_LYING_ON_SIDE);
    in.test[RH_TEST_PRESS_OUTER] = RH_TRI_YES;
    in.test[RH_TEST_SINGLE_LEG_STAND] = RH_TRI_YES;
    run(&in);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    char want_d[256], want_r[256];
    snprintf(want_d, sizeof want_d, "[%s]", gt->disp_source);
    snprintf(want_r, sizeof want_r, "[%s; %s]", gt->run_source, gt->run_why_source);
    bool d_ok = false, r_ok = false, r_wrong = false;
    for (int i = 0; i < A.disposition_why.n; i++)
        d_ok |= strstr(A.disposition_why.text[i], "usual care") &&
                strstr(A.disposition_why.text[i], want_d);
    /* the running advice gives the condition's own reason (review 7 B13),
     * with the level's source and the reason's */
    for (int i = 0; i < A.running_why.n; i++) {
        r_ok |= strstr(A.running_why.text[i], gt->running_why) &&
                strstr(A.running_why.text[i], want_r);
        r_wrong |= strstr(A.running_why.text[i], "usual care") != NULL;
    }
    CHECK(d_ok);
    CHECK(r_ok);
    CHECK(!r_wrong);
}

/* Review 7: the words of the assessment (answers given as text: run_text above). */

static bool text_has(const char *needle)
{
    struct rh_buf t;
    rh_buf_init(&t, 0);
    CHECK_INT(rh_assessment_write_text(&A, 0, &t), 0);
    bool has = t.data && strstr(t.data, needle) != NULL;
    rh_buf_release(&t);
    return has;
}

/* How many times needle stands in the assessment's words. */
static int text_count(const char *needle)
{
    struct rh_buf t;
    rh_buf_init(&t, 0);
    CHECK_INT(rh_assessment_write_text(&A, 0, &t), 0);
    int n = 0;
    for (const char *p = t.data; p && (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    rh_buf_release(&t);
    return n;
}

/* session 24 (runner24): a 12-year-old's limp and stiff hip (a possible
 * slipped growth plate) is told the X-ray of both hips in the frog-leg view
 * once, by the trauma flag's advice, not again in the urgent rule's reason
 * (data/assess_rules.txt; Peck17, NICE-CKS-Limp). */
static void test_session24_runner24_slip_xray_once(void)
{
    run_text("age = 12\nsex = male\nlocation = groin, outer_knee\nonset = gradual\n"
             "onset_event = none\nsigns = limp, reduced_motion\nduration_days = 20\npain_now = 3\n");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    CHECK(text_has("slipped growth plate at the hip"));
    CHECK_INT(text_count("frog-leg"), 1);
    CHECK_INT(text_count("ask for an X-ray of both hips"), 1);
}

/* session 24 (runner24): one reason said once. The next morning's pain
 * given under the care ("means your runs were too much", or over two weeks
 * "a physiotherapist can help you manage the load") is not said again
 * under running in other words ("Pain that does not settle by the next
 * morning: reduce load", src/text/text.c rh_text_reason_repeats); with no
 * such care reason shown, the running reason stays. */
static void test_session24_runner24_next_morning_once(void)
{
    static const char *const mod = "age = 35\nsex = female\nsigns = none\nlocation = front\n"
                                   "onset = gradual\nduration_days = 6\nworse_with = run_later\n"
                                   "pain_run = 3\npain_next_morning = 3\ncharacter = tight\n"
                                   "better_with = stretching\n";
    run_text(mod);
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK_INT(A.running, RH_RUNNING_REDUCE);
    CHECK_INT(text_count("pain that has not settled by the next morning means your runs"), 1);
    CHECK_INT(text_count("Pain that does not settle by the next morning: reduce load"), 0);
    run_text("age = 35\nsex = female\nsigns = none\nlocation = outer\nduration_days = 20\n"
             "pain_run = 6\npain_next_morning = 4\nworse_with = run_later\n");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    CHECK_INT(text_count("still does not settle by the next morning"), 1);
    CHECK_INT(text_count("Pain that does not settle by the next morning: reduce load"), 0);
    /* pain above 5/10 on runs rests on a source of its own: still said */
    CHECK_INT(text_count("Pain above 5/10 while running"), 1);
    run_text("age = 35\nsex = female\nsigns = none\nlocation = buttock\nduration_days = 5\n"
             "pain_next_morning = 4\n");
    CHECK_INT(text_count("Pain that does not settle by the next morning: reduce load"), 1);
}

/* A2: a limping 15-year-old after a pop at the front of the hip is a
 * same-day X-ray (a slipped growth plate can start with a sports injury;
 * NICE CKS acute childhood limp, RCH SUFE), and the trauma flag's advice no
 * longer says "within days, or today when ...". A sit-bone avulsion (where a
 * slipped growth plate does not hurt) stays a doctor within days. */
static void test_review7_teen_limp_same_day(void)
{
    run_text("age = 15\nsex = male\nlocation = front\nonset = sudden\nonset_event = pop\n"
             "duration_days = 2\npain_now = 8\npain_worst = 8\nsigns = limp, bruising\n"
             "test_resisted_knee_lift = yes\ntest_hop = yes\n");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    const struct rh_assess_flag *t = flag("trauma");
    CHECK(t && t->min_disposition == RH_DISP_URGENT);
    CHECK(!text_has("or today when"));
    CHECK(!text_has("within days, or today"));
    /* A12: kept among the causes for the fracture, shown as one */
    bool shown = false;
    for (int i = 0; i < A.n_conditions && i < 3; i++)
        if (strcmp(A.conditions[i].id, "serious_pathology") == 0)
            shown = strcmp(A.conditions[i].name,
                           "a fracture or growth-plate injury that needs an X-ray") == 0;
    CHECK(shown);
    CHECK(!text_has("infection, tumour or other disease"));
    /* ... and by its own name when its own features are there */
    run_text("age = 61\nsex = male\nlocation = groin, deep\nonset = gradual\n"
             "duration_days = 60\nworse_with = night, rest\nsigns = weight_loss, night_sweats\n");
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK_STR(A.conditions[0].name, "infection, tumour or other disease that needs a doctor");
    struct rh_err err;
    CHECK_INT(kb_try(COND_HEAD, OK_FLAGS, "[settings]\npain_threshold = 1.5 | d\n[shown_as]\n"
                     "name = no_such | age>50 | a name | S\n", &err), RH_ESYNTAX);
    run_text("age = 16\nsex = female\nlocation = sit_bone\nonset = sudden\nonset_event = sprint\n"
             "duration_days = 1\npain_now = 6\npain_worst = 7\nsigns = limp, bruising\n");
    CHECK(flag("trauma") != NULL);
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
}

/* Whether an advice line of A names the care of a lower level than the
 * verdict in force (the words themselves, not the filter's phrase list). */
static const char *advice_below_verdict(void)
{
    static const char *const soon[] = {"doctor within days", "examined within days",
                                       "check it within days", "within a few days"};
    static const char *const physio[] = {"see a physio", "physiotherapist look at it"};
    for (int i = 0; i < A.advice.n; i++) {
        char low[RH_ASSESS_WHY_LEN];
        size_t k = 0;
        for (; A.advice.text[i][k] && k + 1 < sizeof low; k++)
            low[k] = (char)tolower((unsigned char)A.advice.text[i][k]);
        low[k] = '\0';
        for (size_t j = 0; A.disposition == RH_DISP_URGENT && j < sizeof soon / sizeof *soon; j++)
            if (strstr(low, soon[j]))
                return A.advice.text[i];
        for (size_t j = 0;
             A.disposition >= RH_DISP_SEE_DOCTOR_SOON && j < sizeof physio / sizeof *physio; j++)
            if (strstr(low, physio[j]))
                return A.advice.text[i];
    }
    return NULL;
}

/* Walk-through 9: a teenager told to get an X-ray today (a limp, cannot
 * bear weight after a sprint) read in "What helps" a bone-stress advice to
 * "see a doctor within days for scans". Every advice line agrees with the
 * verdict: the clause naming a lower care is left out, the rest of the line
 * and its sources kept; the same over every vignette. */
static void test_advice_within_the_verdict(void)
{
    run_text("age = 15\nsex = male\nlocation = front\nonset = sudden\nonset_event = sprint\n"
             "duration_days = 3\ncharacter = sharp\npain_now = 5\npain_worst = 7\n"
             "worse_with = run_start, walking\nsigns = limp, cannot_bear_weight\n"
             "test_resisted_knee_lift = yes\n");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    const char *below = advice_below_verdict();
    if (below)
        fprintf(stderr, "  advice below the verdict: %s\n", below);
    CHECK(below == NULL);
    bool crutches = false;
    for (int i = 0; i < A.advice.n; i++)
        crutches |= strstr(A.advice.text[i], "Walk as little as pain allows and use crutches") &&
                    strstr(A.advice.text[i], "[Medscape-FNSF][RobertsonWood17].");
    CHECK(crutches);
    /* the same bone-stress advice under its own level keeps every word */
    run_text("age = 35\nsex = female\nlocation = groin\nonset = gradual\nduration_days = 20\n"
             "worse_with = run_start, walking\nhistory = low_energy_intake\nkm_change_pct = 40\n"
             "test_hop = yes\n");
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    {
        bool whole = false;
        for (int i = 0; i < A.advice.n; i++)
            whole |= strstr(A.advice.text[i], "see a doctor within days for scans") != NULL;
        CHECK(whole);
    }
    /* the rule on its own lines */
    struct rh_buf b;
    rh_buf_init(&b, 0);
    bool ch = false;
    const char *fever = "Get seen today: a joint infection damages the joint within days if "
                        "untreated. This is not bursitis. A hip that is only warm and swollen needs "
                        "a doctor within days [SepticHip][BSR-HotJoint06].";
    CHECK_INT(rh_text_within_care(fever, RH_DISP_URGENT, &b, &ch), 0);
    CHECK(ch);
    CHECK_STR(b.data, "Get seen today: a joint infection damages the joint within days if "
                      "untreated. This is not bursitis [SepticHip][BSR-HotJoint06].");
    rh_buf_reset(&b);
    const char *lump = "See a doctor within days for a surgical assessment; go today if the lump "
                       "cannot be pushed back [MSD-Hernia].";
    CHECK_INT(rh_text_within_care(lump, RH_DISP_URGENT, &b, &ch), 0);
    CHECK_STR(b.data, "Go today if the lump cannot be pushed back [MSD-Hernia].");
    rh_buf_reset(&b);
    CHECK_INT(rh_text_within_care(lump, RH_DISP_SEE_DOCTOR_SOON, &b, &ch), 0);
    CHECK(!ch);
    CHECK_STR(b.data, lump);
    rh_buf_reset(&b);
    const char *rule = "Pain that is getting worse should be examined within days (answers: "
                       "worsening=yes) [NICE-OA]";
    CHECK_INT(rh_text_within_care(rule, RH_DISP_URGENT, &b, &ch), 0);
    CHECK(ch);
    CHECK_INT((int)b.len, 0);
    rh_buf_release(&b);
    /* every vignette: no advice names a care below its verdict */
    DIR *d = opendir("tests/vignettes");
    CHECK(d != NULL);
    int seen = 0, bad = 0;
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "tests/vignettes/%s", e->d_name);
        char *text = test_slurp(path, NULL);
        if (!text)
            continue;
        struct rh_intake in;
        struct rh_err err;
        if (rh_intake_parse(text, strlen(text), &in, &err) == 0 && rh_assess(&in, &A, &err) == 0) {
            seen++;
            const char *l = advice_below_verdict();
            if (l) {
                fprintf(stderr, "  %s: advice below the verdict: %s\n", e->d_name, l);
                bad++;
            }
        }
        free(text);
    }
    if (d)
        closedir(d);
    CHECK(seen >= 80);
    CHECK_INT(bad, 0);
}

/* Review 8 B1-B3: a 14-year-old who limps after sudden groin and front pain
 * while sprinting. The result names no self-test that loads the hip among
 * the questions that would help (it needs a doctor today); the strain is
 * likely only once an X-ray has ruled out a pulled-off piece of bone or a
 * slipped growth plate, which is also listed; the bone-stress flag's why
 * is this runner's, its exceptions only for the clinician. */
static const char *const held_tests[] = {"test_single_leg_stand", "test_hop",
                                         "test_resisted_knee_lift", "test_squeeze",
                                         "test_knee_to_chest", "test_hip_flexor_length",
                                         "test_cross_legged"};

static void test_review8_teen_sprint_limp(void)
{
    /* session 12 (urgent12, issue 11): severe pain now is a same-day sign
     * (a slipped growth plate); no self-test that loads the hip is asked */
    run_text("age = 14\nsex = male\nside = right\nsigns = limp\nlocation = groin, front\n"
             "onset = sudden\nonset_event = sprint\npain_now = 8\n");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    for (size_t k = 0; k < sizeof held_tests / sizeof *held_tests; k++)
        if (missing(held_tests[k])) {
            fprintf(stderr, "  asks %s with a same-day flag\n", held_tests[k]);
            CHECK(0);
        }
    CHECK(!text_has("self-test"));
    /* ... without it, a clear sprint injury he walks on: within days */
    run_text("age = 14\nsex = male\nside = right\nsigns = limp\nlocation = groin, front\n"
             "onset = sudden\nonset_event = sprint\n");
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain"); /* the vignettes' id for it */
    /* session 11 (rev11c), review 11 #2: named by the avulsion first */
    CHECK_STR(A.conditions[0].name, "a piece of bone pulled off by the tendon, a slipped growth "
                                    "plate or a hip flexor strain: an X-ray tells them apart");
    CHECK(text_has("1. Most likely: a piece of bone pulled off by the tendon, a slipped growth"));
    bool kept = false;
    for (int i = 1; i < A.n_conditions && i < 3; i++)
        kept |= strcmp(A.conditions[i].id, "serious_pathology") == 0 &&
                strcmp(A.conditions[i].name,
                       "a fracture or growth-plate injury that needs an X-ray") == 0;
    CHECK(kept);
    CHECK(!text_has("has its own feature below"));
    /* with the pain on walking: the bone-stress flag too, in plain words */
    run_text("age = 14\nsex = male\nside = right\nsigns = limp\nlocation = groin, front\n"
             "onset = sudden\nonset_event = sprint\nduration_days = 2\npain_now = 5\n"
             "pain_worst = 8\nworse_with = walking, stairs, kicking\n");
    const struct rh_assess_flag *f = flag("stress_fracture_signs");
    CHECK(f != NULL);
    /* review 9 #5: headed by what was seen, explained by the answers only */
    CHECK(text_has("!! Pain that could come from a stress fracture."));
    CHECK(text_has("Why: because it hurts in the groin"));
    CHECK(!text_has("explains it otherwise"));
    CHECK(!text_has("older runner"));
    if (f) {
        struct rh_refs refs;
        rh_refs_init(&refs);
        struct rh_buf c;
        rh_buf_init(&c, 0);
        CHECK_INT(rh_text_reason_clinical(f->why, &refs, &c), 0);
        CHECK(c.data && strstr(c.data, "older runner") != NULL); /* the clinician's */
        rh_buf_release(&c);
    }
    /* 17-19: the pulled-off bone only; an adult's kick: a strain, and the
     * self-tests are asked again */
    run_text("age = 18\nsex = male\nsigns = limp\nlocation = front\nonset = sudden\n"
             "onset_event = kick\n");
    CHECK_STR(A.conditions[0].name, "a piece of bone pulled off by the tendon (avulsion fracture) "
                                    "or a hip flexor strain: an X-ray tells them apart");
    run_text("age = 28\nsex = male\nlocation = front\nonset = sudden\nonset_event = kick\n"
             "duration_days = 1\npain_now = 5\npain_worst = 7\nworse_with = kicking\n"
             "signs = limp\n");
    CHECK_STR(A.conditions[0].name,
              "hip flexor strain (torn fibres of a muscle at the front of the hip that lifts the knee)");
    CHECK(A.disposition < RH_DISP_URGENT);
    CHECK(missing("test_resisted_knee_lift"));
    /* a held self-test is named by its own yes/no key, nothing else */
    struct rh_err err;
    CHECK_INT(kb_try(COND_HEAD, OK_FLAGS, "[settings]\npain_threshold = 1.5 | d\n[held_tests]\n"
                     "held = urgent | test_squeeze | squeezing | S\n", &err), 0);
    CHECK_INT(kb_try(COND_HEAD, OK_FLAGS, "[settings]\npain_threshold = 1.5 | d\n[held_tests]\n"
                     "held = urgent | age>50 | old | S\n", &err), RH_ESYNTAX);
    CHECK_INT(kb_try(COND_HEAD, OK_FLAGS, "[settings]\npain_threshold = 1.5 | d\n[held_tests]\n"
                     "held = urgent | same_route | a route | S\n", &err), RH_ESYNTAX);
    CHECK_INT(kb_try(COND_HEAD, OK_FLAGS, "[settings]\npain_threshold = 1.5 | d\n[held_tests]\n"
                     "held = urgent | !test_hop | no hop | S\n", &err), RH_ESYNTAX);
}

/* B15: the night-pain flag tells the runner the positive reason only; the
 * clinical text keeps the exclusion. */
static void test_review7_positive_reason_only(void)
{
    run_text("age = 61\nsex = male\nlocation = groin, deep\nonset = gradual\n"
             "duration_days = 60\nworse_with = night, rest\nsigns = weight_loss, night_sweats\n"
             "pain_now = 5\n");
    const struct rh_assess_flag *f = flag("night_or_rest_pain");
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(strstr(f->why, "(not the stiffness") != NULL); /* the engine keeps it */
    CHECK(!text_has("(not the stiffness"));
    /* review 9 #5: the runner reads the answers seen in them, the rule's
     * reason is the clinician's (below) */
    CHECK(text_has("!! Pain that wakes you at night and pain at rest."));
    CHECK(text_has("Why: because "));
    struct rh_refs refs;
    rh_refs_init(&refs);
    struct rh_buf c;
    rh_buf_init(&c, 0);
    CHECK_INT(rh_text_reason_clinical(f->why, &refs, &c), 0);
    CHECK(c.data && strstr(c.data, "(not the stiffness") != NULL);
    rh_buf_release(&c);
    /* the answers' own parentheses stay */
    struct rh_buf p;
    rh_buf_init(&p, 0);
    const char *w = "a sign (not this) (unless that) (answers: x (not y)) end";
    CHECK_INT(rh_text_drop_exclusions(w, strlen(w), &p), 0);
    CHECK_STR(p.data, "a sign (answers: x (not y)) end");
    rh_buf_release(&p);
}

/* B13 and B16: ITB syndrome gets its own running reason, its own
 * stretching advice (the band does not lengthen) and is not called tendon
 * pain. */
static void test_review7_itb_words(void)
{
    run_text("age = 34\nsex = male\nlocation = outer_thigh, outer_knee\nonset = gradual\n"
             "duration_days = 21\nworse_with = run_later, hills\nbetter_with = stretching\n"
             "pain_run = 6\npain_now = 2\npain_worst = 6\nkm_change_pct = 35\n");
    CHECK_STR(A.conditions[0].id, "itb_syndrome");
    CHECK(!text_has("the usual care for iliotibial"));
    CHECK(!text_has("running, because the usual care"));
    CHECK(!text_has("about running"));
    CHECK(text_has("Less running for now, because your answers fit iliotibial band syndrome (the "
                   "tough band down the outside of the thigh, sore at the knee or hip). "
                   "The band is pressed against the outside of the knee"));
    /* the general pain rule's reason: said once, under the care (session
     * 24, runner24: the running rule's "Pain above 5/10 while running:
     * reduce load" rests on the same answer and sources; its form, answers
     * first, in test_session24_runner24_next_morning_once) */
    CHECK(text_has("pain above 5/10 during runs is beyond the acceptable zone"));
    CHECK(!text_has("Pain above 5/10 while running"));
    CHECK(!text_has("squeezes the sore tendons"));
    CHECK(text_has("does not lengthen"));
    CHECK(!text_has("is tendon pain"));
    CHECK(text_has("iliotibial band syndrome (the tough band down the outside of the thigh, sore "
                   "at the knee or hip), is pain where the band"));
    CHECK(text_has("Fairclough"));
}

/* B28: the kind of pain in plain words, a blank line before how sure this
 * is, and one parenthesis where a rule's note and its answers meet. */
static void test_review7_spacing(void)
{
    run_text("age = 52\nsex = female\nlocation = outer\nonset = gradual\nduration_days = 120\n"
             "episodes = recurring\npain_worst = 7\npain_next_morning = 5\npain_now = 4\n"
             "worse_with = lying_on_side, stairs, standing_one_leg, crossing_legs, rising\n"
             "test_press_outer = yes\n");
    CHECK(text_has("KIND OF PAIN: mostly muscle or tendon pain\n"));
    CHECK(text_has("\n\nHow sure this is: "));
    /* the verdict books a physiotherapist: the guides' "worth having
     * checked" is not said again (words21); a note and its answers still
     * meet in one parenthesis */
    CHECK(!text_has("worth having checked"));
    CHECK(text_has("(positional night pain; because lying on that side hurts and it hurts at the "
                   "side of the hip)"));
    CHECK(!text_has(") (because"));
    /* a test's accuracy is the clinician's: the runner reads plain words */
    CHECK(!text_has("MRI") && !text_has("specificity") && !text_has("sensitiv"));
}

/* A11: with the warning signs not answered and no red flag, the runner
 * reads so first, and the warning signs head what to answer. */
static void test_review7_sparse_asks_signs_first(void)
{
    run_text("age = 40\nlocation = buttock\npain_now = 3\nonset = gradual\n");
    CHECK(text_has("!! Warning signs not answered"));
    CHECK(text_has("Answering these would help most: the warning signs question"));
}

/* Named terms (data/terms.txt): "@name" stands for the term's expression
 * as if written there in parentheses, expanded when the files are read;
 * an unknown name, a name given twice, a cycle, an unused term and bad
 * syntax are each a loader error naming data/terms.txt (or the rule's
 * file) and the line. */
static void test_kb_terms(void)
{
    struct rh_err err;
    char buf[1024];
    const char *terms = "# comment\n"
                        "term = groin_or_deep | location:groin | location:deep | groin or deep | S\n"
                        "term = walking_groin | @groin_or_deep & worse_with:walking | g | S\n";
    /* a term of terms, used once: the rule's tree is that of the written-out
     * text (an OR inside an AND), one copy per use */
    snprintf(buf, sizeof buf, "%sfeature = +1 | @walking_groin & !signs:limp | r | S\n", COND_HEAD);
    CHECK_INT(kb_try_terms(terms, buf, OK_FLAGS, OK_RULES, &err), 0);
    int with_terms = KB.n_nodes;
    const struct rh__rule *rule = &KB.rules[KB.n_rules - 1];
    CHECK_INT(KB.nodes[rule->expr].kind, NODE_AND);
    snprintf(buf, sizeof buf,
             "%sfeature = +1 | ((location:groin | location:deep) & worse_with:walking) & "
             "!signs:limp | r | S\n",
             COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), 0);
    CHECK_INT(KB.n_nodes, with_terms); /* checking the terms left no nodes behind */
    /* evaluated as the text it stands for */
    snprintf(buf, sizeof buf, "%sfeature = +1 | @walking_groin | r | S\n", COND_HEAD);
    CHECK_INT(kb_try_terms(terms, buf, OK_FLAGS, OK_RULES, &err), 0);
    struct rh_intake in;
    rh_intake_init(&in);
    struct rh__ctx c = {.in = &in, .kb = &KB};
    int root = KB.rules[KB.n_rules - 1].expr;
    CHECK_INT(rh__expr_eval(&c, root), TRI_UNKNOWN);
    loc(&in, RH_LOC_DEEP);
    worse(&in, RH_WORSE_WALKING);
    CHECK_INT(rh__expr_eval(&c, root), TRI_YES);
    in.location = RH_BIT(RH_LOC_OUTER);
    CHECK_INT(rh__expr_eval(&c, root), TRI_NO);
    /* an unknown term in a rule: the rule's file and line */
    snprintf(buf, sizeof buf, "%sfeature = +1 | @groin_or_dep | r | S\n", COND_HEAD);
    CHECK_INT(kb_try_terms(terms, buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    CHECK_INT(err.line, 8);
    CHECK(strstr(err.msg, "data/conditions.txt") && strstr(err.msg, "unknown term") &&
          strstr(err.msg, "@groin_or_dep"));
    /* an unknown term inside a term: the term's line */
    CHECK_INT(kb_try_terms("term = a | @nope & age>50 | a | S\n", COND_HEAD, OK_FLAGS, OK_RULES,
                           &err),
              RH_ESYNTAX);
    CHECK_INT(err.line, 1);
    CHECK(strstr(err.msg, "data/terms.txt line 1: term 'a'") && strstr(err.msg, "unknown term"));
    /* a term given twice */
    CHECK_INT(kb_try_terms("term = a | age>50 | a | S\n\nterm = a | age>60 | b | S\n", COND_HEAD,
                           OK_FLAGS, OK_RULES, &err),
              RH_ESYNTAX);
    CHECK_INT(err.line, 3);
    CHECK(strstr(err.msg, "data/terms.txt line 3: term 'a' defined twice (first on line 1)"));
    /* a cycle, direct or through another term */
    CHECK_INT(kb_try_terms("term = a | @a & age>50 | a | S\n", COND_HEAD, OK_FLAGS, OK_RULES, &err),
              RH_ESYNTAX);
    CHECK_INT(err.line, 1);
    CHECK(strstr(err.msg, "refers back to itself") != NULL);
    CHECK_INT(kb_try_terms("term = a | @b | a | S\nterm = b | age>50 & !@a | b | S\n", COND_HEAD,
                           OK_FLAGS, OK_RULES, &err),
              RH_ESYNTAX);
    CHECK_INT(err.line, 1);
    CHECK(strstr(err.msg, "data/terms.txt line 1: term 'a'") &&
          strstr(err.msg, "refers back to itself"));
    /* a term no rule uses (a use inside an unused term does not count) */
    snprintf(buf, sizeof buf, "%sfeature = +1 | @groin_or_deep | r | S\n", COND_HEAD);
    CHECK_INT(kb_try_terms(terms, buf, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    CHECK_INT(err.line, 3);
    CHECK(strstr(err.msg, "data/terms.txt line 3: term 'walking_groin' is used by no rule"));
    /* "@name" in a reason: the term's meaning, written once; an unknown
     * name there is an error naming the rule's file and line */
    snprintf(buf, sizeof buf,
             "%sfeature = +1 | @walking_groin | pain (not @groin_or_deep: a hernia) | S\n",
             COND_HEAD);
    CHECK_INT(kb_try_terms(terms, buf, OK_FLAGS, OK_RULES, &err), 0);
    CHECK_STR(KB.rules[KB.n_rules - 1].reason, "pain (not groin or deep: a hernia)");
    snprintf(buf, sizeof buf, "%sfeature = +1 | @walking_groin | pain (not @groin) | S\n",
             COND_HEAD);
    CHECK_INT(kb_try_terms(terms, buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    CHECK_INT(err.line, 8);
    CHECK(strstr(err.msg, "data/conditions.txt line 8: unknown term '@groin' in the reason") !=
          NULL);
    /* bad syntax: in the expression, in the name, a missing part, another
     * key, a bare '@', a red flag (read after the terms) */
    CHECK_INT(kb_try_terms("term = a | age>50 & | a | S\n", COND_HEAD, OK_FLAGS, OK_RULES, &err),
              RH_ESYNTAX);
    CHECK(strstr(err.msg, "data/terms.txt line 1: term 'a'") != NULL);
    CHECK_INT(kb_try_terms("term = a b | age>50 | a | S\n", COND_HEAD, OK_FLAGS, OK_RULES, &err),
              RH_ESYNTAX);
    CHECK(strstr(err.msg, "data/terms.txt line 1: a term's name") != NULL);
    CHECK_INT(kb_try_terms("\nterm = a | age>50 | a\n", COND_HEAD, OK_FLAGS, OK_RULES, &err),
              RH_ESYNTAX);
    CHECK_INT(err.line, 2);
    CHECK(strstr(err.msg, "data/terms.txt line 2: expected 'term = name") != NULL);
    CHECK_INT(kb_try_terms("term = a | age>50 | | S\n", COND_HEAD, OK_FLAGS, OK_RULES, &err),
              RH_ESYNTAX);
    CHECK_INT(kb_try_terms("terms = a | age>50 | a | S\n", COND_HEAD, OK_FLAGS, OK_RULES, &err),
              RH_EKEY);
    CHECK(strstr(err.msg, "data/terms.txt line 1: unknown key 'terms'") != NULL);
    CHECK_INT(kb_try_terms("[x]\nterm = a | age>50 | a | S\n", COND_HEAD, OK_FLAGS, OK_RULES,
                           &err),
              RH_EKEY);
    snprintf(buf, sizeof buf, "%sfeature = +1 | @ & age>50 | r | S\n", COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_ESYNTAX);
    CHECK(strstr(err.msg, "expected a term name after '@'") != NULL);
    CHECK_INT(kb_try_terms("term = a | flag:trauma | a | S\n", COND_HEAD, OK_FLAGS, OK_RULES,
                           &err),
              RH_ESYNTAX);
    CHECK(strstr(err.msg, "unknown red flag") != NULL);
}

/* A reason, source, expression or text too long for the engine's buffers is
 * a loader error naming the file and line, never cut silently; a field of
 * exactly the limit loads whole. */
static void test_kb_overlong(void)
{
    struct rh_err err;
    static char buf[8192], longtext[4096];
    /* reasons keep KB_TEXT - 1 bytes: exactly that loads, one more fails */
    memset(longtext, 'r', KB_TEXT - 1);
    longtext[KB_TEXT - 1] = '\0';
    snprintf(buf, sizeof buf, "%sfeature = +1 | location:groin | %s | S\n", COND_HEAD, longtext);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), 0);
    CHECK_INT((int)strlen(KB.rules[KB.n_rules - 1].reason), KB_TEXT - 1);
    snprintf(buf, sizeof buf, "%sfeature = +1 | location:groin | %sr | S\n", COND_HEAD, longtext);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    CHECK_INT(err.line, 8);
    CHECK(strstr(err.msg, "data/conditions.txt line 8: the reason is 480 bytes long") != NULL);
    /* a source longer than KB_SOURCE - 1, in a rule and in a head line */
    memset(longtext, 's', KB_SOURCE);
    longtext[KB_SOURCE] = '\0';
    snprintf(buf, sizeof buf, "%sfeature = +1 | location:groin | r | %s\n", COND_HEAD, longtext);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    CHECK_INT(err.line, 8);
    CHECK(strstr(err.msg, "source is 80 bytes long") != NULL);
    snprintf(buf, sizeof buf, "[trauma]\nname = fall\ndisposition = urgent | %s\n", longtext);
    CHECK_INT(kb_try(COND_HEAD, buf, OK_RULES, &err), RH_EFORMAT);
    CHECK_INT(err.line, 3);
    CHECK(strstr(err.msg, "data/red_flags.txt line 3: the source") != NULL);
    /* a rule in data/assess_rules.txt */
    snprintf(buf, sizeof buf, "%s[disposition]\nrule = see_physio | age>50 | r | %s\n", OK_RULES,
             longtext);
    CHECK_INT(kb_try(COND_HEAD, OK_FLAGS, buf, &err), RH_EFORMAT);
    CHECK_INT(err.line, 4);
    CHECK(strstr(err.msg, "data/assess_rules.txt line 4: the source") != NULL);
    /* an expression whose parts together pass the expression buffer */
    size_t k = 0;
    longtext[0] = '\0';
    while (k + 40 < 2400)
        k += (size_t)snprintf(longtext + k, sizeof longtext - k,
                              "%slocation:groin & age>50 & location:front & location:deep & "
                              "location:outer & worse_with:walking & worse_with:sitting",
                              k ? " | " : "");
    snprintf(buf, sizeof buf, "%sfeature = +1 | %s | r | S\n", COND_HEAD, longtext);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    CHECK_INT(err.line, 8);
    CHECK(strstr(err.msg, "expression is longer") != NULL);
    /* more '|' than the reader keeps parts for */
    k = 0;
    longtext[0] = '\0';
    for (int i = 0; i < 70; i++)
        k += (size_t)snprintf(longtext + k, sizeof longtext - k, "%sage>50", i ? " | " : "");
    snprintf(buf, sizeof buf, "%sfeature = +1 | %s | r | S\n", COND_HEAD, longtext);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    CHECK(strstr(err.msg, "line 8: more than 64 parts") != NULL);
    /* one part between bars beyond its buffer */
    k = 0;
    longtext[0] = '\0';
    while (k + 40 < 1200)
        k += (size_t)snprintf(longtext + k, sizeof longtext - k, "%slocation:groin", k ? " & " : "");
    snprintf(buf, sizeof buf, "%sfeature = +1 | %s | r | S\n", COND_HEAD, longtext);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    CHECK(strstr(err.msg, "part between '|'") != NULL);
    /* texts of a condition and a flag; an id longer than KB_ID - 1 */
    memset(longtext, 'a', KB_TEXT);
    longtext[KB_TEXT] = '\0';
    snprintf(buf, sizeof buf, "%sadvice = %s\n", COND_HEAD, longtext);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    CHECK_INT(err.line, 8);
    CHECK(strstr(err.msg, "advice is") != NULL);
    longtext[KB_NAME] = '\0';
    snprintf(buf, sizeof buf, "%sname = %s\n", COND_HEAD, longtext);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    longtext[KB_ID] = '\0';
    snprintf(buf, sizeof buf, "[%s]\nname = x\n", longtext);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), RH_EFORMAT);
    CHECK(strstr(err.msg, "condition id") != NULL);
    /* the compiled-in knowledge base fits its buffers */
    CHECK(rh_assess_condition_count() > 0);
}

/* Too few answers to rank the causes (issue 11, round 8): with only age,
 * sex, side and the pain now, no cause is "most likely", the leading
 * cause's own advice is not given and no level is said to be a named
 * cause's usual care; a red flag still fires and leads; where it hurts and
 * what brings it on make a ranking again. */
static void test_unranked_when_too_few(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 35;
    in.sex = RH_SEX_FEMALE;
    in.side = RH_SIDE_LEFT;
    in.pain_now = 3;
    run(&in);
    CHECK(A.unranked);
    CHECK(strstr(A.unranked_why, "no cause can be called the most likely") != NULL);
    CHECK(strstr(A.unranked_why, "location not answered") != NULL);
    CHECK(strstr(A.unranked_why, "[Doha15;") != NULL);
    CHECK(A.n_flags == 0);
    CHECK(missing("location")); /* the question that matters most is asked */
    for (int i = 0; i < A.disposition_why.n; i++)
        CHECK(strstr(A.disposition_why.text[i], "the usual care for") == NULL);
    bool said = false;
    for (int i = 0; i < A.disposition_why.n; i++)
        said |= strstr(A.disposition_why.text[i], "too few to tell the cause") != NULL;
    CHECK(said);
    CHECK_INT(A.advice.n, 0); /* no cause's own advice: none is established */
    for (int i = 0; i < A.pain_type_why.n; i++)
        CHECK(strstr(A.pain_type_why.text[i], "likeliest") == NULL);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "MOST LIKELY") == NULL && strstr(b.data, "Most likely") == NULL);
    CHECK(b.data && strstr(b.data, "not ranked, your answers are too few") != NULL);
    CHECK(b.data && strstr(b.data, "answer the questions below first") != NULL);
    CHECK(b.data && strstr(b.data, "Answer these first, they tell the causes apart: where it hurts") !=
                        NULL);
    rh_buf_release(&b);
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "\"ranked\":false,\"unranked_why\":") != NULL);
    rh_buf_release(&b);
    /* the same few answers with a fever: the flag fires and leads the text */
    sign(&in, RH_SIGN_FEVER);
    run(&in);
    CHECK(A.unranked);
    CHECK(flag("fever_hot_joint") != NULL);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strncmp(b.data, "!! WARNING SIGNS", 16) == 0);
    CHECK(b.data && strstr(b.data, "answer the questions below first") == NULL); /* never softened */
    rh_buf_release(&b);
    /* where it hurts alone is not enough; with what brings it on it ranks */
    rh_intake_init(&in);
    in.age = 35;
    loc(&in, RH_LOC_OUTER);
    run(&in);
    CHECK(A.unranked);
    worse(&in, RH_WORSE_LYING_ON_SIDE);
    run(&in);
    CHECK(!A.unranked);
    CHECK(A.unranked_why[0] == '\0');
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "MOST LIKELY CAUSES") != NULL);
    rh_buf_release(&b);
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "\"ranked\":true,\"confidence\"") != NULL);
    rh_buf_release(&b);
}

/* An explanation line is never cut in what ships, and a long one never
 * fails an assessment: a rule whose reason, source and answers together
 * could pass RH_ASSESS_WHY_LEN loads, is recorded with its file and line
 * (kb.too_long), and would be cut at a word; the compiled-in base has none
 * and its longest reason is shown whole. A red flag whose trigger and
 * escalations could pass RH_ASSESS_FLAG_WHY_LEN is refused at load with
 * its figures (review 12). */
static void test_kb_explanation_fits(void)
{
    struct rh_err err;
    static char buf[16384], reason[KB_TEXT], expr[2048];
    memset(reason, 'r', KB_TEXT - 1);
    reason[KB_TEXT - 1] = '\0';
    /* a long reason with a short expression fits */
    snprintf(buf, sizeof buf, "%sfeature = +1 | location:groin | %s | S\n", COND_HEAD, reason);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), 0);
    CHECK_INT((long)KB.too_long.need, 0);
    /* with enough answers to explain it could pass the line: recorded */
    size_t k = 0;
    for (int i = 0; i < 6; i++)
        k += (size_t)snprintf(expr + k, sizeof expr - k,
                              "%sage>km_change_pct & pain_now>=pain_worst & weekly_km<duration_days",
                              i ? " | " : "");
    /* a level's reason has RH_ASSESS_LEVEL_WHY_LEN (session 14): these
     * answers fit it, twice as many could not */
    snprintf(buf, sizeof buf, "%sescalate = see_physio | %s | %s | S\n", COND_HEAD, expr, reason);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), 0);
    CHECK_INT((long)KB.too_long.need, 0);
    {
        static char expr2[4096];
        size_t k3 = 0;
        for (int i = 0; i < 14; i++)
            k3 += (size_t)snprintf(expr2 + k3, sizeof expr2 - k3,
                                   "%sage>km_change_pct & pain_now>=pain_worst & weekly_km<duration_days",
                                   i ? " | " : "");
        snprintf(buf, sizeof buf, "%sescalate = see_physio | %s | %s | S\n", COND_HEAD, expr2,
                 reason);
        CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), 0);
        CHECK_INT(KB.too_long.line, 8);
        CHECK(KB.too_long.file && strcmp(KB.too_long.file, "data/conditions.txt") == 0);
        CHECK(KB.too_long.need >= KB.too_long.cap && KB.too_long.cap == RH_ASSESS_LEVEL_WHY_LEN);
    }
    /* the same in a general rule and in advice */
    snprintf(buf, sizeof buf, "%s[advice]\nadvice = self_care | %s | %s | S\n", OK_RULES, expr,
             reason);
    CHECK_INT(kb_try(COND_HEAD, OK_FLAGS, buf, &err), 0);
    CHECK_INT(KB.too_long.line, 4);
    /* a red flag: only an escalation above the level reached so far is
     * added, so many escalations to one level fit (one is shown) */
    size_t k2 = strlen(expr);
    k = (size_t)snprintf(buf, sizeof buf, "[trauma]\nname = fall\ndisposition = see_physio | "
                                          "X\nrunning = stop | X\n");
    for (int i = 0; i < 8; i++)
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s = urgent | age>50 | %s | X\n",
                              i ? "escalate" : "trigger", reason);
    CHECK_INT(kb_try(COND_HEAD, buf, OK_RULES, &err), 0);
    CHECK_INT((long)KB.too_long.need, 0);
    /* ... but long escalations to each higher level together could not */
    for (int i = 6; i < 12; i++)
        k2 += (size_t)snprintf(expr + k2, sizeof expr - k2,
                               " | age>km_change_pct & pain_now>=pain_worst & weekly_km<duration_days");
    for (int i = 0; i < 3; i++) {
        k += (size_t)snprintf(buf + k, sizeof buf - k, "escalate = see_doctor_soon | %s | %s | X\n",
                              expr, reason);
        k += (size_t)snprintf(buf + k, sizeof buf - k, "escalate = urgent | %s | %s | X\n", expr,
                              reason);
    }
    CHECK_INT(kb_try(COND_HEAD, buf, OK_RULES, &err), RH_ELIMIT);
    {
        char want[160];
        snprintf(want, sizeof want, "the reason of red flag [trauma] could be ");
        CHECK(strstr(err.msg, want) != NULL);
        snprintf(want, sizeof want, "bytes long (its longest trigger and its longest escalation "
                 "to each higher level, with their answers and sources), more than the %d the "
                 "engine keeps", RH_ASSESS_FLAG_WHY_LEN - 1);
        CHECK(strstr(err.msg, want) != NULL);
        CHECK(strstr(err.msg, "data/red_flags.txt line ") == err.msg);
        CHECK(err.line > 0);
    }
    /* a text that did not fit ends at a whole word with " ..." */
    char cut[32];
    const char *night = "groin pain at night (answers: worse_with=night)";
    memcpy(cut, night, sizeof cut - 1);
    cut[sizeof cut - 1] = '\0';
    size_t kept = rh__text_fit(cut, sizeof cut, (int)strlen(night));
    CHECK_STR(cut, "groin pain at night ...");
    CHECK_INT((long)kept, (long)strlen(cut));
    CHECK_INT((long)rh__text_fit(cut, sizeof cut, 5), 5); /* a text that fits is kept */
    CHECK_STR(cut, "groin pain at night ...");
    /* one long word: nothing of it is kept rather than a broken word */
    memset(cut, 'x', sizeof cut - 1);
    cut[sizeof cut - 1] = '\0';
    rh__text_fit(cut, sizeof cut, 40);
    CHECK_STR(cut, " ...");
    /* the compiled-in base: nothing it can say is ever cut */
    const struct rh__kb *kb0 = rh__kb_get(&err);
    CHECK(kb0 != NULL);
    if (kb0 && kb0->too_long.need)
        fprintf(stderr, "%s line %ld: an explanation of up to %zu bytes for a buffer of %zu\n",
                kb0->too_long.file, kb0->too_long.line, kb0->too_long.need, kb0->too_long.cap);
    CHECK(kb0 && kb0->too_long.need == 0);
    /* the compiled-in base's longest reason reaches the runner whole */
    const struct rh__kb *kb = rh__kb_get(&err);
    CHECK(kb != NULL);
    const struct rh__rule *six = NULL;
    for (int r = 0; kb && r < kb->n_rules; r++)
        if (kb->rules[r].kind == RULE_DISP &&
            strncmp(kb->rules[r].reason, "pain that has lasted more than six weeks", 40) == 0)
            six = &kb->rules[r];
    CHECK(six != NULL);
    if (!six)
        return;
    CHECK(strlen(six->reason) > 60); /* the whole sentence reaches the runner, not a cut one */
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER);
    in.duration_days = 60;
    in.pain_worst = 6;
    run(&in);
    bool whole = false;
    char tail[128];
    snprintf(tail, sizeof tail, "[%s]", six->source);
    for (int i = 0; i < A.disposition_why.n; i++) {
        const char *t = strstr(A.disposition_why.text[i], six->reason);
        whole |= t && strstr(t, tail);
    }
    CHECK(whole);
}

/* Session 24 (perf24): the index of the rules by kind holds every rule
 * once, under its kind, in file order; a named term's copy is marked for
 * the memo, its value kept once evaluated; no marked copy reads a red flag
 * (whose value changes during an assessment: the loader refuses flag: in
 * a term); and the memo gives every rule of the compiled-in base the
 * value it has without it, on every vignette, whatever the flags. */
static bool node_reads_flag(const struct rh__kb *kb, int node)
{
    const struct rh__node *n = &kb->nodes[node];
    if ((n->kind == NODE_ATOM || n->kind == NODE_ANSWERED) && n->field == FLD_FLAG)
        return true;
    for (int k = n->first; k >= 0; k = kb->nodes[k].next)
        if (node_reads_flag(kb, k))
            return true;
    return false;
}

static void test_session24_perf24_rule_index_and_term_memo(void)
{
    struct rh_err err;
    char buf[1024];
    const char *terms = "term = older | age>50 | older | S\n"
                        "term = groin | location:groin | groin | S\n";
    snprintf(buf, sizeof buf,
             "%sfeature = +1 | @older | r | S\nfeature = +1 | @groin & @older | r | S\n",
             COND_HEAD);
    CHECK_INT(kb_try_terms(terms, buf, OK_FLAGS, OK_RULES, &err), 0);
    int older = KB.rules[1].expr, both = KB.rules[2].expr; /* [0]: the flag's trigger */
    CHECK_INT(KB.nodes[older].term, 0);
    CHECK_INT(KB.nodes[both].term, -1); /* an AND of two copies, each marked */
    CHECK_INT(KB.nodes[KB.nodes[both].first].term, 1);
    CHECK_INT(KB.kind_at[RULE_TRIGGER + 1] - KB.kind_at[RULE_TRIGGER], 1);
    CHECK_INT(KB.kind_at[RULE_FEATURE + 1] - KB.kind_at[RULE_FEATURE], 2);
    CHECK_INT(KB.by_kind[KB.kind_at[RULE_FEATURE]], 1);
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 60;
    signed char memo[KB_MAX_TERMS];
    memset(memo, MEMO_UNSET, sizeof memo);
    struct rh__ctx c = {.in = &in, .kb = &KB, .memo = memo};
    CHECK_INT(rh__expr_eval(&c, older), TRI_YES);
    CHECK_INT(memo[0], TRI_YES);
    CHECK_INT(memo[1], MEMO_UNSET);
    CHECK_INT(rh__expr_eval(&c, both), TRI_UNKNOWN);
    CHECK_INT(memo[1], TRI_UNKNOWN);

    const struct rh__kb *kb = rh__kb_get(&err);
    CHECK(kb != NULL);
    if (!kb)
        return;
    int n = 0;
    for (int k = 0; k < RULE__COUNT; k++) {
        int i = kb->kind_at[k];
        for (int r = 0; r < kb->n_rules; r++)
            if (kb->rules[r].kind == k) {
                CHECK(i < kb->kind_at[k + 1] && kb->by_kind[i] == r);
                i++;
                n++;
            }
        CHECK_INT(i, kb->kind_at[k + 1]);
    }
    CHECK_INT(n, kb->n_rules);
    int marked = 0;
    for (int i = 0; i < kb->n_nodes; i++)
        if (kb->nodes[i].term >= 0) {
            marked++;
            CHECK(!node_reads_flag(kb, i));
        }
    CHECK(marked > 100);
    DIR *d = opendir("tests/vignettes");
    CHECK(d != NULL);
    int seen = 0, differ = 0;
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "tests/vignettes/%s", e->d_name);
        char *text = test_slurp(path, NULL);
        struct rh_intake vin;
        if (text && rh_intake_parse(text, strlen(text), &vin, &err) == 0) {
            seen++;
            struct rh__ctx plain = {.in = &vin, .kb = kb, .answered = rh__intake_answered(&vin)};
            struct rh__ctx kept = plain;
            memset(memo, MEMO_UNSET, sizeof memo);
            kept.memo = memo;
            for (int v = TRI_UNKNOWN; v <= TRI_YES; v++) {
                memset(plain.flag, v, sizeof plain.flag);
                memset(kept.flag, v, sizeof kept.flag);
                for (int r = 0; r < kb->n_rules; r++)
                    differ += rh__expr_eval(&kept, kb->rules[r].expr) !=
                              rh__expr_eval(&plain, kb->rules[r].expr);
            }
        }
        free(text);
    }
    if (d)
        closedir(d);
    CHECK(seen >= 80);
    CHECK_INT(differ, 0);
}

static void test_expression_logic(void)
{
    struct rh_err err;
    char buf[1024];
    snprintf(buf, sizeof buf,
             "%sfeature = +1 | 2of(location:groin, location:deep, age>40) & !sex:male | r | S\n"
             "feature = +1 | pain_now>pain_worst | r | S\n"
             "feature = +1 | pain_now>=pain_worst+2 | r | S\n",
             COND_HEAD);
    CHECK_INT(kb_try(buf, OK_FLAGS, OK_RULES, &err), 0);
    int e1 = KB.rules[1].expr, e2 = KB.rules[2].expr; /* [0]: the flag's trigger */
    struct rh_intake in;
    rh_intake_init(&in);
    struct rh__ctx c = {.in = &in, .kb = &KB};
    CHECK_INT(rh__expr_eval(&c, e1), TRI_UNKNOWN);
    CHECK_INT(rh__expr_eval(&c, e2), TRI_UNKNOWN);
    loc(&in, RH_LOC_GROIN);
    CHECK_INT(rh__expr_eval(&c, e1), TRI_UNKNOWN); /* age and sex unknown */
    in.age = 30;
    CHECK_INT(rh__expr_eval(&c, e1), TRI_NO); /* 1 of 3, nothing unknown left */
    in.age = 41;
    CHECK_INT(rh__expr_eval(&c, e1), TRI_UNKNOWN); /* sex unknown */
    in.sex = RH_SEX_FEMALE;
    CHECK_INT(rh__expr_eval(&c, e1), TRI_YES);
    char out[256];
    rh__expr_explain(&c, e1, out, sizeof out);
    CHECK_STR(out, "location=groin, age=41 (> 40), sex!=male");
    in.pain_now = 6;
    in.pain_worst = 4;
    CHECK_INT(rh__expr_eval(&c, e2), TRI_YES);
    in.pain_worst = 6;
    CHECK_INT(rh__expr_eval(&c, e2), TRI_NO);
    /* "key+N" (session 9): the compared answer plus N */
    int e3 = KB.rules[3].expr;
    in.pain_now = 7;
    in.pain_worst = 6;
    CHECK_INT(rh__expr_eval(&c, e3), TRI_NO);
    in.pain_worst = 5;
    CHECK_INT(rh__expr_eval(&c, e3), TRI_YES);
    rh__expr_explain(&c, e3, out, sizeof out);
    CHECK_STR(out, "pain_now=7 (>= pain_worst 5 + 2)");
    snprintf(buf, sizeof buf, "%sfeature = +1 | pain_now>=pain_worst+ | r | S\n", COND_HEAD);
    CHECK(kb_try(buf, OK_FLAGS, OK_RULES, &err) != 0);
}

/* Noisy answers: beyond dilute.<list> ticked words a feature resting on the
 * list counts that share; "and" takes its weakest part, "or" its best true
 * part; negations, counts and other answers count in full. */
static void test_dilution(void)
{
    struct rh_err err;
    char buf[1024], rules[256];
    snprintf(buf, sizeof buf,
             "%sfeature = +1 | location:groin | r | S\n"
             "feature = +1 | location:groin & age>40 | r | S\n"
             "feature = +1 | location:groin | test_hop | r | S\n"
             "feature = +1 | location:groin & worse_with:walking | r | S\n"
             "feature = +1 | !location:deep | r | S\n"
             "feature = +1 | 3of(location:groin, location:front, location:outer) | r | S\n",
             COND_HEAD);
    snprintf(rules, sizeof rules, "%sdilute.location = 2 | r | S\ndilute.worse_with = 1 | r\n",
             OK_RULES);
    CHECK_INT(kb_try(buf, OK_FLAGS, rules, &err), 0);
    int e[6];
    for (int i = 0; i < 6; i++)
        e[i] = KB.rules[1 + i].expr;
    struct rh_intake in;
    rh_intake_init(&in);
    struct rh__ctx c = {.in = &in, .kb = &KB};
    loc(&in, RH_LOC_GROIN);
    loc(&in, RH_LOC_FRONT);
    in.age = 50;
    for (int i = 0; i < 6; i++)
        CHECK(rh__expr_dilution(&c, e[i]) == 1.0); /* two ticked: within the limit */
    loc(&in, RH_LOC_OUTER);
    loc(&in, RH_LOC_BUTTOCK);
    CHECK(rh__expr_dilution(&c, e[0]) == 0.5); /* 2 of 4 */
    CHECK(rh__expr_dilution(&c, e[1]) == 0.5); /* age counts in full, the weakest part 0.5 */
    in.test[RH_TEST_HOP] = 1;
    CHECK(rh__expr_dilution(&c, e[2]) == 1.0); /* "or": the painful hop holds in full */
    in.test[RH_TEST_HOP] = 0;
    CHECK(rh__expr_dilution(&c, e[2]) == 0.5);
    worse(&in, RH_WORSE_WALKING);
    worse(&in, RH_WORSE_SITTING);
    CHECK(rh__expr_dilution(&c, e[3]) == 0.5); /* and: min(2/4, 1/2) */
    CHECK(rh__expr_dilution(&c, e[4]) == 1.0); /* an absent word */
    CHECK(rh__expr_dilution(&c, e[5]) == 1.0); /* a count asks about many ticks */
    /* a setting on a field that is not a list is refused */
    snprintf(rules, sizeof rules, "%sdilute.age = 2 | r\n", OK_RULES);
    CHECK_INT(kb_try(buf, OK_FLAGS, rules, &err), RH_EKEY);
    /* the compiled-in knowledge base: a noisy intake's location feature
     * counts less than the same feature alone */
    struct rh_intake one, many;
    rh_intake_init(&one);
    loc(&one, RH_LOC_OUTER);
    many = one;
    loc(&many, RH_LOC_FRONT);
    loc(&many, RH_LOC_GROIN);
    loc(&many, RH_LOC_BUTTOCK);
    loc(&many, RH_LOC_LOW_BACK);
    loc(&many, RH_LOC_DEEP);
    struct rh_assessment a1, a2;
    CHECK_INT(rh_assess(&one, &a1, &err), 0);
    CHECK_INT(rh_assess(&many, &a2, &err), 0);
    double w1 = 0, w2 = 0;
    for (int k = 0; k < a1.n_conditions; k++)
        if (strcmp(a1.conditions[k].id, "trochanteric_bursitis") == 0)
            w1 = a1.conditions[k].raw;
    for (int k = 0; k < a2.n_conditions; k++)
        if (strcmp(a2.conditions[k].id, "trochanteric_bursitis") == 0)
            w2 = a2.conditions[k].raw;
    CHECK(w2 < w1);
}

/* ---- random intakes: the safety invariants hold for any answers ----------- */

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

static void random_intake(struct rh_intake *in)
{
    rh_intake_init(in);
#define MAYBE (rnd(3) != 0)
    if (MAYBE) in->age = 10 + (int)rnd(91);
    if (MAYBE) in->sex = (enum rh_sex)rnd(3);
    if (MAYBE) in->side = (enum rh_side)rnd(3);
    if (MAYBE) in->has_location = true, in->location = rnd(1u << RH_LOC__COUNT) & rnd(1u << RH_LOC__COUNT);
    if (MAYBE) in->onset = (enum rh_onset)rnd(2);
    if (MAYBE) in->onset_event = (enum rh_onset_event)rnd(RH_EVENT__COUNT);
    if (MAYBE) in->duration_days = (int)rnd(400);
    if (MAYBE) in->episodes = (enum rh_episodes)rnd(2);
    if (MAYBE) in->has_character = true, in->character = rnd(1u << RH_CHAR__COUNT) & rnd(1u << RH_CHAR__COUNT);
    if (MAYBE) in->pain_now = (int)rnd(11);
    if (MAYBE) in->pain_run = (int)rnd(11);
    if (MAYBE) in->pain_worst = (int)rnd(11);
    if (MAYBE) in->pain_next_morning = (int)rnd(11);
    if (MAYBE) in->has_worse_with = true, in->worse_with = rnd(1u << RH_WORSE__COUNT) & rnd(1u << RH_WORSE__COUNT) & rnd(1u << RH_WORSE__COUNT);
    if (MAYBE) in->has_better_with = true, in->better_with = rnd(1u << RH_BETTER__COUNT) & rnd(1u << RH_BETTER__COUNT);
    if (MAYBE) in->has_signs = true, in->signs = rnd(1u << RH_SIGN__COUNT) & rnd(1u << RH_SIGN__COUNT) & rnd(1u << RH_SIGN__COUNT) & rnd(1u << RH_SIGN__COUNT);
    for (int i = 0; i < RH_TEST__COUNT; i++)
        in->test[i] = (signed char)((int)rnd(3) - 1);
    for (int i = 0; i < RH_CHECK__COUNT; i++)
        in->check[i] = (signed char)((int)rnd(3) - 1);
    if (MAYBE) in->km_change_pct = (double)rnd(200) - 50;
    if (MAYBE) in->sitting_hours = rnd(16);
    if (MAYBE) in->strength_per_week = (int)rnd(5);
    if (MAYBE) in->same_route = (signed char)rnd(2);
    if (MAYBE) in->has_history = true, in->history = rnd(1u << RH_HIST__COUNT) & rnd(1u << RH_HIST__COUNT) & rnd(1u << RH_HIST__COUNT);
    if (MAYBE) in->has_recent_change = true, in->recent_change = rnd(1u << RH_CHANGE__COUNT) & rnd(1u << RH_CHANGE__COUNT);
#undef MAYBE
}

/* The dangerous causes the answers ask to keep in view
 * (data/assess_rules.txt [keep_in_top3], read from the data, not from the
 * engine): are they all among the first three shown? At most three are
 * kept, the first in the table's order. */
static bool kept_in_top3(const struct rh_intake *in)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    if (!kb)
        return false;
    struct rh__ctx c;
    memset(&c, 0, sizeof c);
    c.in = in;
    c.kb = kb;
    c.answered = rh__intake_answered(in);
    for (int f = 0; f < kb->n_flags; f++) {
        c.flag[f] = TRI_NO;
        for (int i = 0; i < A.n_flags; i++)
            if (strcmp(A.flags[i].id, kb->flags[f].id) == 0)
                c.flag[f] = A.flags[i].low ? TRI_NO : TRI_YES; /* flaginfo: information */
    }
    const char *kept[3];
    int m = 0;
    for (int r = 0; r < kb->n_rules && m < 3; r++) {
        const struct rh__rule *rule = &kb->rules[r];
        if (rule->kind != RULE_KEEP || rh__expr_eval(&c, rule->expr) != TRI_YES)
            continue;
        const char *id = kb->conds[rule->owner].id;
        bool seen = false;
        for (int k = 0; k < m; k++)
            seen |= strcmp(kept[k], id) == 0;
        if (!seen)
            kept[m++] = id;
    }
    for (int k = 0; k < m; k++) {
        bool top = false;
        for (int i = 0; i < 3 && i < A.n_conditions; i++)
            top |= strcmp(A.conditions[i].id, kept[k]) == 0;
        if (!top) {
            fprintf(stderr, "dangerous cause %s not in the top three\n", kept[k]);
            return false;
        }
    }
    return true;
}

/* Does the expression under node name red flag f? */
static bool expr_names_flag(const struct rh__kb *kb, int node, int f)
{
    if (node < 0)
        return false;
    const struct rh__node *nd = &kb->nodes[node];
    if (nd->kind == NODE_ATOM && nd->field == FLD_FLAG && nd->word == f)
        return true;
    for (int ch = nd->first; ch >= 0; ch = kb->nodes[ch].next)
        if (expr_names_flag(kb, ch, f))
            return true;
    return false;
}

/* Every red flag keeps a dangerous cause in view ([keep_in_top3] of
 * data/assess_rules.txt names it), except the two that point to no one
 * dangerous cause: pain getting worse quickly (any cause; its flag sends to
 * a doctor) and a locking hip (a mechanical joint problem). A new flag
 * without a line in the table fails here until that is decided. */
static void test_every_flag_keeps_a_cause(void)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    CHECK(kb != NULL);
    if (!kb)
        return;
    for (int f = 0; f < kb->n_flags; f++) {
        bool named = false;
        for (int r = 0; r < kb->n_rules; r++)
            if (kb->rules[r].kind == RULE_KEEP && expr_names_flag(kb, kb->rules[r].expr, f))
                named = true;
        bool exempt = strcmp(kb->flags[f].id, "worsening_fast") == 0 ||
                      strcmp(kb->flags[f].id, "joint_locking") == 0;
        if (named == exempt)
            fprintf(stderr, "red flag %s: %s\n", kb->flags[f].id,
                    named ? "exempt but named in [keep_in_top3]" : "keeps no cause in view");
        CHECK(named != exempt);
    }
}

/* A benign picture that scores high (gluteal tendinopathy at the outer hip)
 * with one dangerous pattern added: the dangerous cause is among the first
 * three; lifted there, its first reason says why it is kept. */
static void test_dangerous_cause_kept(void)
{
    static const char *const cause[] = {"stress_fracture", "serious_pathology", "inguinal_hernia",
                                        "serious_pathology", "serious_pathology", "lumbar_referred",
                                        "osteonecrosis"};
    int lifted = 0;
    for (int k = 0; k < 7; k++) {
        struct rh_intake in;
        rh_intake_init(&in);
        in.age = 45;
        in.sex = RH_SEX_FEMALE;
        in.onset = RH_ONSET_GRADUAL;
        in.duration_days = 60;
        loc(&in, RH_LOC_OUTER);
        worse(&in, RH_WORSE_LYING_ON_SIDE);
        worse(&in, RH_WORSE_STAIRS);
        in.test[RH_TEST_PRESS_OUTER] = RH_TRI_YES;
        run(&in);
        CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
        switch (k) {
        case 0:
        case 1: in.onset_event = RH_EVENT_FALL; break;
        case 2: sign(&in, RH_SIGN_LUMP_GROIN); break;
        case 3: hist(&in, RH_HIST_CANCER); break;
        case 4: sign(&in, RH_SIGN_FEVER); break;
        case 5: sign(&in, RH_SIGN_NUMB_FOOT); break;
        default:
            hist(&in, RH_HIST_STEROIDS);
            loc(&in, RH_LOC_GROIN);
        }
        run(&in);
        CHECK(kept_in_top3(&in));
        int at = -1;
        for (int i = 0; i < 3; i++)
            if (strcmp(A.conditions[i].id, cause[k]) == 0)
                at = i;
        CHECK(at >= 0);
        if (at < 0)
            fprintf(stderr, "case %d: %s not in the top three\n", k, cause[k]);
        else
            lifted += strncmp(A.conditions[at].why.text[0], RH__KEEP_PREFIX, strlen(RH__KEEP_PREFIX)) == 0;
    }
    CHECK(lifted >= 3); /* most would score below the top three on their own */
}

static void test_random_intakes_invariants(void)
{
    struct rh_intake in;
    int bad = 0;
    for (int n = 0; n < 3000 && bad < 5; n++) {
        random_intake(&in);
        run(&in);
        double sum = 0;
        for (int i = 0; i < A.n_conditions; i++)
            sum += A.conditions[i].score;
        bool ok = fabs(sum - 1) < 1e-9 && A.confidence >= 0 && A.confidence <= 1;
        for (int i = 0; i < A.n_flags; i++) {
            ok &= A.disposition >= A.flags[i].min_disposition;
            ok &= A.running >= A.flags[i].min_running;
            if (strcmp(A.flags[i].id, "stress_fracture_signs") == 0)
                ok &= A.running == RH_RUNNING_STOP;
        }
        if (A.hop_unsafe)
            ok &= !missing("test_hop");
        ok &= kept_in_top3(&in);
        enum rh_disposition before = A.disposition;
        /* a serious sign added to any answers: urgent, never lower; after
         * a birth, bladder trouble may be the pelvic floor's (session 22,
         * b25ret: data/terms.txt postpartum_pelvic_floor), never lower */
        static const int urgent_signs[] = {RH_SIGN_FEVER, RH_SIGN_CANNOT_BEAR_WEIGHT,
                                           RH_SIGN_BLADDER_BOWEL};
        struct rh_intake more = in;
        int added = urgent_signs[rnd(3)];
        sign(&more, added);
        run(&more);
        bool birth = in.has_history && (in.history & RH_BIT(RH_HIST_POSTPARTUM));
        if (added == RH_SIGN_BLADDER_BOWEL && birth)
            ok &= A.disposition >= before && A.disposition >= RH_DISP_SEE_PHYSIO;
        else
            ok &= A.disposition == RH_DISP_URGENT && A.disposition >= before;
        if (!ok)
            bad++;
    }
    CHECK_INT(bad, 0);
}

/* Every source named in the data files resolves to a key of the source
 * table of clinical_facts.md or of the table of sources added since
 * (docs/internals/assess.md, "Sources added"), a seed, a clinical_facts
 * section or "design" (with its reason: "design: careful sports
 * physician's judgement" where the literature is silent). */
static int check_sources(const char *section, const char *added, const char *sources)
{
    int bad = 0;
    char buf[KB_SOURCE];
    snprintf(buf, sizeof buf, "%s", sources);
    char *save = NULL;
    for (char *k = strtok_r(buf, ";", &save); k; k = strtok_r(NULL, ";", &save)) {
        while (*k == ' ')
            k++;
        size_t n = strlen(k);
        while (n && k[n - 1] == ' ')
            k[--n] = '\0';
        if (!*k || strncmp(k, "seed 00", 7) == 0 || strncmp(k, "clinical_facts", 14) == 0 ||
            strcmp(k, "design") == 0 || strncmp(k, "design: ", 8) == 0)
            continue;
        char pat[96];
        snprintf(pat, sizeof pat, "| %s ", k);
        bool ok = strstr(section, pat) != NULL;
        snprintf(pat, sizeof pat, "/ %s |", k);
        ok |= strstr(section, pat) != NULL;
        ok |= strcmp(k, "Hopayian17") == 0 && strstr(section, "| Hopayian10 / 17 |") != NULL;
        ok |= strcmp(k, "Seed004") == 0;
        snprintf(pat, sizeof pat, "| %s |", k);
        ok |= added && strstr(added, pat) != NULL;
        if (!ok) {
            fprintf(stderr, "unknown source key '%s'\n", k);
            bad++;
        }
    }
    return bad;
}

static void test_sources_resolve(void)
{
    char *facts = test_slurp(RH_SHARED "/spec/clinical_facts.md", NULL);
    CHECK(facts != NULL);
    if (!facts)
        return;
    const char *section = strstr(facts, "## Source keys");
    CHECK(section != NULL);
    char *doc = test_slurp("docs/internals/assess.md", NULL);
    CHECK(doc != NULL);
    const char *added = doc ? strstr(doc, "## Sources added") : NULL;
    CHECK(added != NULL);
    const struct rh__kb *kb = rh__kb_get(NULL);
    CHECK(kb != NULL);
    if (section && kb) {
        int bad = 0;
        for (int r = 0; r < kb->n_rules; r++)
            bad += check_sources(section, added, kb->rules[r].source);
        for (int i = 0; i < kb->n_conds; i++)
            bad += check_sources(section, added, kb->conds[i].disp_source) +
                   check_sources(section, added, kb->conds[i].run_source) +
                   check_sources(section, added, kb->conds[i].run_why_source);
        for (int i = 0; i < kb->n_flags; i++)
            bad += check_sources(section, added, kb->flags[i].disp_source) +
                   check_sources(section, added, kb->flags[i].run_source);
        CHECK_INT(bad, 0);
        CHECK(kb->n_rules > 300);
    }
    free(doc);
    free(facts);
}

/* Review 8 #5: night pain that no red flag reads as a warning (lying on the
 * sore side hurts too) is explained, not passed over in silence; the same
 * answers with a flag that reads the night pain say nothing of the kind. */
static bool advice_has(const char *words)
{
    for (int i = 0; i < A.advice.n; i++)
        if (strstr(A.advice.text[i], words))
            return true;
    return false;
}

static void test_review8_night_pain_explained(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 38;
    loc(&in, RH_LOC_OUTER);
    loc(&in, RH_LOC_OUTER_THIGH);
    worse(&in, RH_WORSE_NIGHT);
    worse(&in, RH_WORSE_LYING_ON_SIDE);
    run(&in);
    CHECK(flag("night_or_rest_pain") == NULL);
    CHECK(advice_has("Night pain is not a warning sign here"));
    CHECK(advice_has("whatever way you lie"));
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "Night pain is not a warning sign here"));
    CHECK(b.data && strstr(b.data, "answers:") == NULL);
    rh_buf_release(&b);
    /* no night pain: nothing said about it */
    in.worse_with &= ~RH_BIT(RH_WORSE_NIGHT);
    run(&in);
    CHECK(!advice_has("Night pain"));
    /* night pain with no position told: the flag's rule, no reassurance */
    in.worse_with = RH_BIT(RH_WORSE_NIGHT);
    run(&in);
    CHECK(flag("night_or_rest_pain") != NULL);
    CHECK(!advice_has("Night pain is not a warning sign"));
    /* positional, but a bone flag reads the night pain (low bone density,
     * the hop not known painless): no "not a warning sign" beside it */
    worse(&in, RH_WORSE_LYING_ON_SIDE);
    hist(&in, RH_HIST_LOW_BONE_DENSITY);
    run(&in);
    CHECK(flag("stress_fracture_signs") != NULL);
    CHECK(!advice_has("Night pain is not a warning sign"));
}

/* Review 8 #21: the self-check line says which questions warned, and how
 * many were answered (a questionnaire stopped early answered one). */
static void test_review8_checklist_named(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER);
    for (int i = 0; i < RH_CHECK__COUNT; i++)
        in.check[i] = RH_TRI_NO;
    in.check[RH_CHECK_SHARP_SOCKET] = RH_TRI_YES;
    in.check[RH_CHECK_BETTER_STRETCH] = RH_TRI_YES;
    in.check[RH_CHECK_WALK_SQUAT_STAIRS] = RH_TRI_YES;
    run(&in);
    CHECK_INT(A.checklist_warnings, 2);
    CHECK_INT(A.checklist_warned, RH_BIT(RH_CHECK_SHARP_SOCKET) | RH_BIT(RH_CHECK_WALK_SQUAT_STAIRS));
    char note[RH_ASSESS_CHECK_NOTE];
    rh_assessment_checklist_note(&A, note, sizeof note);
    CHECK(strstr(note, "2 of the 6 quick questions were warnings: the pain is sharp or pinching "
                       "in the hip socket; walking, squatting or stairs hurt") != NULL);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, note));
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    json_t *j = json_loads(b.data ? b.data : "", 0, NULL);
    CHECK(j != NULL);
    json_t *w = json_object_get(j, "checklist_warned");
    CHECK(json_is_array(w) && json_array_size(w) == 2);
    CHECK(json_is_string(json_object_get(j, "checklist_note")));
    json_decref(j);
    rh_buf_release(&b);
    /* "does not ease with stretching" is the warning of that item */
    in.check[RH_CHECK_BETTER_STRETCH] = RH_TRI_NO;
    run(&in);
    rh_assessment_checklist_note(&A, note, sizeof note);
    CHECK(strstr(note, "it does not ease with stretching or moving") != NULL);
    /* one question answered, no warning: not "0 of the 6 were warnings" */
    rh_intake_init(&in);
    in.check[RH_CHECK_WEAK_SIDE] = RH_TRI_NO;
    run(&in);
    rh_assessment_checklist_note(&A, note, sizeof note);
    CHECK(strstr(note, "you answered 1 of the 6 quick questions, and it was not a warning") != NULL);
    CHECK(strstr(note, "0 of the 6") == NULL);
    /* none answered: no line */
    rh_intake_init(&in);
    run(&in);
    rh_assessment_checklist_note(&A, note, sizeof note);
    CHECK_STR(note, "");
}

/* Review 8 #21: the gluteal tendinopathy's name for the runner is short;
 * the clinician's long one is kept for the report. */
static void test_review8_condition_names(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    loc(&in, RH_LOC_OUTER);
    worse(&in, RH_WORSE_LYING_ON_SIDE);
    run(&in);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    CHECK_STR(A.conditions[0].name,
              "gluteal tendinopathy (sore, overloaded tendons at the bony point on the side "
              "of the hip)");
    /* plain30: the gloss says what it is, not only where; so does a
     * reason that names a tendinopathy */
    CHECK(strstr(A.conditions[0].name, "tendons") != NULL);
    const char *cn = rh_assess_condition_clinical_name("trochanteric_bursitis");
    CHECK(cn && strcmp(cn, "trochanteric bursitis / gluteal tendinopathy (greater trochanteric "
                           "pain)") == 0);
    /* no clinical name of its own: the name */
    cn = rh_assess_condition_clinical_name("itb_syndrome");
    CHECK(cn && strcmp(cn, "iliotibial band syndrome") == 0);
    CHECK(rh_assess_condition_clinical_name("no_such_id") == NULL);
    /* ux27: a runner read "femoroacetabular impingement" with no idea what
     * it meant: the medical names a runner cannot read say in plain words
     * what they are, the clinician's name kept for the report */
    static const char *const plain[][2] = {
        {"fai", "femoroacetabular impingement"},
        {"labral_tear", "hip labrum tear"},
        {"iliopsoas_bursitis", "iliopsoas bursitis"},
        {"osteonecrosis", "avascular necrosis of the femoral head"},
        {"hamstring_tendinopathy", "proximal hamstring tendinopathy"},
        {"tfl_tightness", "tight or overworked tensor fasciae latae"},
    };
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
        const char *n = rh_assess_condition_name(plain[i][0]);
        cn = rh_assess_condition_clinical_name(plain[i][0]);
        CHECK(n && strncmp(n, plain[i][1], strlen(plain[i][1])) == 0 &&
              strncmp(n + strlen(plain[i][1]), " (", 2) == 0 && n[strlen(n) - 1] == ')');
        CHECK(cn && strcmp(cn, plain[i][1]) == 0);
    }
    /* plain30: a tendinopathy's gloss says what it is (a sore tendon), not
     * only where it hurts; the name and its gloss split where the web bolds
     * the name alone */
    static const char *const tendons[] = {"trochanteric_bursitis", "hip_flexor_tendinopathy",
                                          "hamstring_tendinopathy"};
    for (size_t i = 0; i < sizeof tendons / sizeof *tendons; i++) {
        const char *n = rh_assess_condition_name(tendons[i]);
        CHECK(n != NULL);
        if (!n)
            continue;
        size_t at = rh_text_name_gloss_at(n);
        CHECK(at < strlen(n));
        CHECK(strncmp(n + at, " (", 2) == 0);
        CHECK(strstr(n, "tendinopathy") && strstr(n, "tendinopathy") < n + at);
        CHECK(strstr(n + at, "tendon") != NULL);
        CHECK(strstr(n + at, "sore") != NULL);
    }
    CHECK_INT((int)rh_text_name_gloss_at("iliotibial band syndrome"), 24);
    CHECK_INT((int)rh_text_name_gloss_at("a (b) c"), 7);
    CHECK_INT((int)rh_text_name_gloss_at("strength imbalance / pelvic alignment problem (weak "
                                         "buttock (glutes) or trunk muscles)"),
              45);
    CHECK_INT((int)rh_text_name_gloss_at("(all of it)"), 11);
}

/* Review 8 #21: a parent answered for a child: the reasons say "your child"
 * (the JSON keeps it for the web page). */
static void test_review8_child_reasons(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 14;
    loc(&in, RH_LOC_GROIN);
    sign(&in, RH_SIGN_LIMP);
    run(&in);
    CHECK(!A.for_child);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "because you are 14, you limp"));
    in.for_child = RH_TRI_YES;
    run(&in);
    CHECK(A.for_child);
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "because your child is 14, your child limps"));
    CHECK(b.data && strstr(b.data, "because you are 14") == NULL);
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "\"for_child\":true"));
    rh_buf_release(&b);
}

/* Review 12: a red flag's advice is said of the child where a parent
 * answered (data/wording.txt [text] child_person, as the plan's notice and
 * the headings are), and to the runner otherwise. */
static void test_review12_parent_flag_advice(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 15;
    in.sex = RH_SEX_FEMALE;
    loc(&in, RH_LOC_GROIN);
    worse(&in, RH_WORSE_NIGHT);
    worse(&in, RH_WORSE_REST);
    sign(&in, RH_SIGN_NIGHT_SWEATS);
    sign(&in, RH_SIGN_WEIGHT_LOSS);
    in.for_child = RH_TRI_YES;
    run(&in);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "  * Pain at rest or pain that wakes your child is not the usual "
                                   "behaviour of a running overuse injury"));
    CHECK(b.data && strstr(b.data, "  * See a doctor within days and mention your child's history"));
    CHECK(b.data && !strstr(b.data, "wakes you is") && !strstr(b.data, "mention your history"));
    in.for_child = RH_TRI_NO;
    run(&in);
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "  * Pain at rest or pain that wakes you is not the usual"));
    CHECK(b.data && strstr(b.data, "mention your history"));
    rh_buf_release(&b);
}

/* words15: a parent's answers with a red flag (a 14-year-old whose hip
 * pain wakes him at night): the flag's heading and the reason line of its
 * level speak of the child, as its advice does (words14), never "Pain that
 * wakes you at night" to the parent; the runner's own answers keep "you". */
static void test_words15_parent_flag_heading(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 14;
    in.sex = RH_SEX_MALE;
    loc(&in, RH_LOC_FRONT);
    in.onset = RH_ONSET_GRADUAL;
    worse(&in, RH_WORSE_NIGHT);
    in.pain_now = 4;
    in.for_child = RH_TRI_YES;
    run(&in);
    CHECK(flag("night_or_rest_pain") != NULL);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    const char *t = b.data ? b.data : "";
    CHECK(strstr(t, "!! Pain that wakes your child at night.") != NULL);
    /* ux28: an answer the heading says already is not said again as its
     * reason ("..., because it wakes your child at night") */
    CHECK(strstr(t, "  - a warning sign: pain that wakes your child at night\n") != NULL);
    CHECK(strstr(t, "wakes you at night") == NULL);
    in.for_child = RH_TRI_NO;
    run(&in);
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    t = b.data ? b.data : "";
    CHECK(strstr(t, "!! Pain that wakes you at night.") != NULL);
    CHECK(strstr(t, "  - a warning sign: pain that wakes you at night\n") != NULL);
    rh_buf_release(&b);
}

/* ux28: a reason that names a warning sign names what was ticked: only the
 * bladder ticked read "your answers show a warning sign: new bladder,
 * bowel or nerve trouble in both legs" under every cause it raised; and a
 * sign's reason does not repeat its heading as its cause. */
static void test_ux28_flag_reason_says_what_was_ticked(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 40;
    in.sex = RH_SEX_MALE;
    in.side = RH_SIDE_LEFT;
    loc(&in, RH_LOC_BUTTOCK);
    in.onset = RH_ONSET_GRADUAL;
    in.pain_worst = 5;
    sign(&in, RH_SIGN_BLADDER_BOWEL);
    run(&in);
    CHECK(flag("bladder_bowel") != NULL);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    const char *t = b.data ? b.data : "";
    CHECK(strstr(t, "nerve trouble in both legs") == NULL);
    CHECK(strstr(t, "(because your answers show a warning sign: new bladder or bowel trouble, or "
                    "numbness between the legs)"));
    CHECK(strstr(t, "  - a warning sign: new bladder or bowel trouble, or numbness between the "
                    "legs\n") != NULL);
    rh_buf_release(&b);
}

/* Review 11 #13, #17 (words12): a parent reads the disclaimer and the
 * topics to answer said of the child; the trauma flag's heading names what
 * was seen for this runner's age, never the rule's whole definition ("...
 * or a limp in a child" to a 68-year-old, "pain after an injury" to a boy
 * who had none); counts of 1 are singular ("1 day", "1 strength session"). */
static void test_review11_words(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 14;
    in.sex = RH_SEX_MALE;
    loc(&in, RH_LOC_GROIN);
    sign(&in, RH_SIGN_CANNOT_BEAR_WEIGHT);
    in.for_child = RH_TRI_YES;
    run(&in);
    const struct rh_assess_flag *f = flag("trauma");
    CHECK(f != NULL);
    char title[300];
    rh_assess_flag_title("trauma", f ? f->why : NULL, title, sizeof title);
    CHECK_STR(title, "Not able to take weight on the leg at 16 or under");
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "only a clinician who examines your child can tell"));
    CHECK(b.data && !strstr(b.data, "who examines you can"));
    CHECK(b.data && !strstr(b.data, "a limp in a child") && !strstr(b.data, "Pain after an injury"));
    CHECK(b.data && strstr(b.data, "your child's health history"));
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "who examines your child can tell"));
    CHECK_STR(rh_assess_disclaimer_of(false), rh_assess_disclaimer());
    /* the runner herself: "you" */
    in.for_child = RH_TRI_NO;
    run(&in);
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, rh_assess_disclaimer()));
    /* a 68-year-old after a fall, limping: his own heading, and the
     * reasons name the flag by its heading, not the child's definition */
    rh_intake_init(&in);
    in.age = 68;
    in.sex = RH_SEX_MALE;
    in.onset = RH_ONSET_SUDDEN;
    in.onset_event = RH_EVENT_FALL;
    loc(&in, RH_LOC_GROIN);
    sign(&in, RH_SIGN_LIMP);
    run(&in);
    f = flag("trauma");
    CHECK(f != NULL);
    rh_assess_flag_title("trauma", f ? f->why : NULL, title, sizeof title);
    CHECK_STR(title, "Pain after a fall and a limp");
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && !strstr(b.data, "in a child") && !strstr(b.data, "at 16 or under"));
    /* counts: one of them is singular */
    static const char one[] = "age = 34\nsex = female\nlocation = outer\nonset = gradual\n"
                              "duration_days = 1\nstrength_per_week = 1\nyears_running = 1\n"
                              "pain_run = 4\nsigns = none\n";
    run_text(one);
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "it started 1 day ago"));
    CHECK(b.data && !strstr(b.data, "1 days") && !strstr(b.data, "1 strength sessions"));
    CHECK(b.data && !strstr(b.data, "{s}"));
    rh_buf_release(&b);
    struct rh_buf t;
    rh_buf_init(&t, 0);
    CHECK_INT(rh_text_fill_count(&t, "you do {} strength session{s} a week", "1", 1), 0);
    CHECK_STR(t.data, "you do 1 strength session a week");
    rh_buf_reset(&t);
    CHECK_INT(rh_text_fill_count(&t, "you do {} strength session{s} a week", "2", 1), 0);
    CHECK_STR(t.data, "you do 2 strength sessions a week");
    rh_buf_reset(&t);
    CHECK_INT(rh_text_fill_count(&t, "for {} year{s} {x}", "1.5", 3), 0);
    CHECK_STR(t.data, "for 1.5 years {x}");
    rh_buf_release(&t);
    CHECK_STR(rh_plural_s(1), "");
    CHECK_STR(rh_plural_s(0), "s");
    CHECK_STR(rh_plural_s(21), "s");
}

/* Review 10 #2: the questionnaire's yes to "a leg that got weaker suddenly
 * or keeps getting weaker, or a foot I cannot control well" is stored as
 * weak_progressive (an intake file may say it too): the nerve sign, a
 * doctor within days wherever the pain is (groin pain included), today
 * with the pain worsening or both legs; never "ordinary muscle weakness".
 * The contract's weak_one_side with pain only at the groin stays a hip
 * muscle's weakness. */
static void test_review10_progressive_weakness(void)
{
    static const char groin[] = "age = 38\nsex = female\nlocation = groin\nonset = gradual\n"
                                "duration_days = 20\ncharacter = sharp\npain_now = 3\n"
                                "pain_worst = 6\ncheck_weak_side = yes\nsigns = weak_progressive\n";
    run_text(groin);
    CHECK(flag("neuro_deficit") != NULL);
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running >= RH_RUNNING_CROSS_TRAIN_ONLY);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "ordinary muscle weakness") == NULL);
    CHECK(b.data && strstr(b.data, "A leg growing weaker, or a foot that slaps or catches"));
    rh_buf_release(&b);
    char text[400];
    snprintf(text, sizeof text, "%s%s", groin, "side = both\n");
    run_text(text);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    snprintf(text, sizeof text, "%s", groin);
    char *w = strstr(text, "weak_progressive");
    snprintf(w, sizeof text - (size_t)(w - text), "weak_progressive, worsening\n");
    run_text(text);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    /* any weak leg (the contract's word) with groin pain alone: no flag */
    snprintf(text, sizeof text, "%s", groin);
    w = strstr(text, "weak_progressive");
    snprintf(w, sizeof text - (size_t)(w - text), "weak_one_side\n");
    run_text(text);
    CHECK(flag("neuro_deficit") == NULL);
}

/* Review 10 #13: "Answering these would help most" never names a question
 * answered (character dull_ache, history "none of these"); a word of it
 * whose screen was not shown is named itself ("whether the leg feels numb
 * or tingles"), once however many of its words matter, and never periods
 * or breastfeeding for a man. polish29: only when the questionnaire would
 * show its screen for these answers (data/questions.txt character_nerve's
 * ask_if): never numbness for groin pain alone, still for pain down the leg. */
static void test_review10_missing_not_answered(void)
{
    for (int male = 0; male < 3; male++) {
        struct rh_intake in;
        rh_intake_init(&in);
        in.age = male ? 67 : 38;
        in.sex = male ? RH_SEX_MALE : RH_SEX_FEMALE;
        loc(&in, RH_LOC_GROIN);
        if (male == 2) /* the nerve screen is shown for pain down the leg */
            loc(&in, RH_LOC_DOWN_LEG);
        chr(&in, RH_CHAR_DULL_ACHE);
        in.character_unknown = RH_BIT(RH_CHAR_NUMBNESS) | RH_BIT(RH_CHAR_TINGLING) |
                               RH_BIT(RH_CHAR_CLICKING) | RH_BIT(RH_CHAR_CATCHING) |
                               RH_BIT(RH_CHAR_LOCKING);
        in.has_history = true;
        in.history = 0;
        in.history_unknown = RH_BIT(RH_HIST_MISSED_PERIODS) |
                             RH_BIT(RH_HIST_LOW_ENERGY_INTAKE) | RH_BIT(RH_HIST_BREASTFEEDING);
        in.has_signs = true;
        in.signs = 0;
        in.onset = RH_ONSET_GRADUAL;
        in.duration_days = 40;
        run(&in);
        CHECK(!missing("character"));
        CHECK(!missing("history"));
        int nerve = 0;
        for (int i = 0; i < A.n_missing; i++) {
            nerve += !strcmp(A.missing[i], "character.numbness") ||
                     !strcmp(A.missing[i], "character.tingling");
            /* runner23: nor the periods (the questionnaire's
             * history_energy, never shown to a man; eating too little is
             * asked of everyone since runner23b) */
            if (male)
                CHECK(strcmp(A.missing[i], "history.missed_periods") != 0 &&
                      strcmp(A.missing[i], "history.breastfeeding") != 0);
        }
        CHECK(nerve <= 1);
        if (male < 2) /* groin alone: character_nerve is never shown */
            CHECK(nerve == 0);
        struct rh_buf b;
        rh_buf_init(&b, 0);
        CHECK_INT(rh_assessment_to_text(&A, &b), 0);
        CHECK(b.data && strstr(b.data, "Answering these would help most"));
        CHECK(b.data && strstr(b.data, "what the pain feels like") == NULL);
        CHECK(b.data && strstr(b.data, "your health history") == NULL);
        if (male < 2)
            CHECK(b.data && strstr(b.data, "numb") == NULL);
        if (b.data && getenv("RH_SHOW"))
            fputs(strstr(b.data, "Answering"), stderr);
        rh_buf_release(&b);
    }
}

/* polish29: the swollen hip's advice (data/red_flags.txt [fever_hot_joint])
 * speaks of no sign the runner did not give: it told a runner with a warm,
 * swollen hip (or a red, swollen one) of "a hip that is hot and red, or hip
 * pain with fever"; a sign not given is named only as "if ... too". */
static void test_polish29_swollen_hip_advice_says_what_applies(void)
{
    static const char *const signs[] = {"warmth, swelling", "redness, swelling", "swelling, fever"};
    for (size_t k = 0; k < sizeof signs / sizeof *signs; k++) {
        char text[400];
        snprintf(text, sizeof text,
                 "age = 35\nsex = female\nlocation = outer\nonset = gradual\nduration_days = 10\n"
                 "pain_now = 4\npain_worst = 5\nsigns = %s\n",
                 signs[k]);
        run_text(text);
        CHECK(flag("fever_hot_joint") != NULL);
        bool said = false;
        for (int i = 0; i < A.advice.n; i++) {
            const char *t = A.advice.text[i];
            if (!strstr(t, "joint infection"))
                continue;
            said = true;
            CHECK(strstr(t, "hot and red") == NULL);
            CHECK(strstr(t, "pain with fever") == NULL);
            /* a fever or red skin only as "too" */
            const char *fv = strstr(t, "fever");
            CHECK(!fv || strncmp(fv, "fever too", 9) == 0);
            const char *rd = strstr(t, "red");
            CHECK(!rd || strncmp(rd, "red too", 7) == 0);
        }
        CHECK(said);
    }
}

/* runner23: "Answering these would help most" names no question the
 * questionnaire never shows this runner (data/questions.txt ask_if and
 * never_if, read there): a man of 63 was told "whether you eat less than
 * your training needs" would help most, a question asked only of women;
 * a girl of 15 is not asked about breastfeeding. The same answers with the
 * sex not given keep it: that screen is shown then. */
static void test_runner23_missing_only_what_is_asked(void)
{
    for (int k = 0; k < 3; k++) {
        struct rh_intake in;
        rh_intake_init(&in);
        in.age = k == 2 ? 15 : 63;
        in.sex = k == 0 ? RH_SEX_MALE : k == 1 ? RH_SEX_UNKNOWN : RH_SEX_FEMALE;
        loc(&in, RH_LOC_GROIN);
        loc(&in, RH_LOC_DEEP);
        in.onset = RH_ONSET_GRADUAL;
        in.duration_days = 120;
        in.has_signs = true;
        in.signs = 0;
        in.has_history = true;
        in.history = 0;
        /* the questionnaire marks the words of a hidden screen not known */
        in.history_unknown = RH_BIT(RH_HIST_MISSED_PERIODS) |
                             RH_BIT(RH_HIST_LOW_ENERGY_INTAKE) | RH_BIT(RH_HIST_BREASTFEEDING);
        in.pain_worst = 6;
        run(&in);
        bool energy = false, periods = false, feeding = false;
        for (int i = 0; i < A.n_missing; i++) {
            energy |= !strcmp(A.missing[i], "history.low_energy_intake");
            periods |= !strcmp(A.missing[i], "history.missed_periods");
            feeding |= !strcmp(A.missing[i], "history.breastfeeding");
        }
        /* runner23b: eating too little is asked of a man too (RED-S,
         * Mountjoy 2018/2023): left unknown, it may be open for him */
        if (k == 0)
            CHECK(!periods && !feeding);
        if (k == 1) /* sex not given: the screen is shown, the question open */
            CHECK(energy || periods);
        if (k == 2)
            CHECK(!feeding);
    }
}

/* Review 10 #12: age alone does not name avascular necrosis ("mostly adults
 * of 35-45" to a 38-year-old with no risk factor); after a birth, the
 * advice asks for a pelvic-floor check before running again (Goom19). */
static void test_review10_postpartum(void)
{
    static const char pp[] = "age = 38\nsex = female\nlocation = groin\nonset = gradual\n"
                             "duration_days = 27\ncharacter = dull_ache\npain_now = 3\n"
                             "pain_run = 6\npain_worst = 7\nworse_with = walking, run_later\n"
                             "signs = none\nhistory = postpartum, breastfeeding\n";
    run_text(pp);
    for (int i = 0; i < A.n_conditions; i++)
        for (int k = 0; k < A.conditions[i].why.n; k++)
            CHECK(strstr(A.conditions[i].why.text[k], "mostly adults of 35-45") == NULL);
    for (int i = 0; i < 3; i++)
        CHECK(strcmp(A.conditions[i].id, "osteonecrosis") != 0);
    /* session 21 (branch runner21b, runner21 "Left" B): running now (pain
     * on runs), one message: keep to the running advised and book the check,
     * never "before you run again" beside "keep running in reduced amounts" */
    bool floor = false, before = false;
    for (int i = 0; i < A.advice.n; i++) {
        floor |= strstr(A.advice.text[i], "keep to the running advised here") != NULL &&
                 strstr(A.advice.text[i], "check your pelvic floor") != NULL;
        before |= strstr(A.advice.text[i], "before you run again") != NULL;
    }
    CHECK(floor && !before);
    /* not running now: the check before running again */
    static const char pp_rest[] = "age = 38\nsex = female\nlocation = groin\nonset = gradual\n"
                                  "duration_days = 27\ncharacter = dull_ache\npain_now = 3\n"
                                  "pain_worst = 7\nworse_with = walking\n"
                                  "signs = none\nhistory = postpartum, breastfeeding\n";
    run_text(pp_rest);
    floor = before = false;
    for (int i = 0; i < A.advice.n; i++) {
        floor |= strstr(A.advice.text[i], "keep to the running advised here") != NULL;
        before |= strstr(A.advice.text[i], "pelvic floor checked") != NULL &&
                  strstr(A.advice.text[i], "before you run again") != NULL;
    }
    CHECK(!floor && before);
    /* with a risk factor the age still counts */
    static const char steroid[] = "age = 38\nsex = female\nlocation = groin\nonset = gradual\n"
                                  "duration_days = 27\nworse_with = walking\nhistory = steroids\n";
    run_text(steroid);
    bool age = false;
    for (int i = 0; i < A.n_conditions; i++)
        if (!strcmp(A.conditions[i].id, "osteonecrosis"))
            for (int k = 0; k < A.conditions[i].why.n; k++)
                age |= strstr(A.conditions[i].why.text[k], "mostly adults of 35-45") != NULL;
    CHECK(age);
}

/* Review 10 #1, #3, #16, #17 (child10): a limping 13-year-old whose parent
 * finds no place on the list ("None of these": front of the knee) gets the
 * slipped-growth-plate warning as when the place was skipped; the reasons
 * say no place was named (not "the knee does not hurt"); what to do now
 * names the flag by what was seen (a limp, not "pain after an injury"); the
 * clearance must cover an X-ray of both hips; muscle soreness is not
 * listed beside the slip. */
static void test_review10_child_limp_no_place(void)
{
    static const char none[] = "age = 13\nsex = male\nside = left\nsigns = limp\n"
                               "location = none\nonset = gradual\nonset_event = none\n"
                               "duration_days = 42\nworse_with = walking\n";
    run_text(none);
    CHECK(flag("trauma") != NULL);
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    CHECK_INT(A.running, RH_RUNNING_STOP);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(strstr(A.clearance_need, "both hips") != NULL);
    CHECK(strstr(A.clearance_need, "frog-leg") != NULL);
    for (int i = 0; i < 3; i++)
        CHECK(strcmp(A.conditions[i].id, "post_run_soreness") != 0);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "none of the places on the list fits"));
    CHECK(b.data && strstr(b.data, "the knee does not hurt") == NULL);
    CHECK(b.data && strstr(b.data, "a warning sign: a limp"));
    CHECK(b.data && strstr(b.data, "pain after an injury") == NULL);
    CHECK(b.data && strstr(b.data, "X-ray of both hips"));
    CHECK(b.data && strstr(b.data, "a sudden pop in a teenager") == NULL);
    rh_buf_reset(&b);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "\"clearance_need\":\"an X-ray of both hips"));
    rh_buf_release(&b);
    /* the parent's "knee" (stored as outer_knee) with a running story: the
     * slip first, soreness not in the top three */
    static const char knee[] = "age = 13\nsex = male\nside = left\nsigns = limp\n"
                               "location = outer_knee\nonset = gradual\nonset_event = none\n"
                               "duration_days = 42\nworse_with = run_later, walking\n";
    run_text(knee);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    for (int i = 0; i < 3; i++)
        CHECK(strcmp(A.conditions[i].id, "post_run_soreness") != 0);
    /* an adult's "none of these" is no slipped growth plate: no need */
    run_text("age = 30\nsex = male\nside = left\nsigns = limp\nlocation = none\n"
             "onset = gradual\nonset_event = none\n");
    CHECK(A.clearance_need[0] == '\0');
    /* a place on the list that is not the slip's (the buttock): no rule
     * reads it as none */
    run_text("age = 13\nsex = male\nside = left\nsigns = limp\nlocation = buttock\n"
             "onset = gradual\nonset_event = none\n");
    CHECK(A.clearance_need[0] == '\0');
}

/* Session 9 (retire9, retired blind9 test 1374): a week 40% longer with
 * pain on runs for 12 days is a training error to correct (Nielsen14):
 * a change of training, not self care; within three days, or with the
 * duration not told, the rule does not speak. */
static void test_load_jump_pain_on_runs(void)
{
    static const char jump[] = "age = 24\nsex = female\nlocation = front\nonset = gradual\n"
                               "duration_days = 12\ncharacter = tight\npain_now = 1\npain_run = 3\n"
                               "worse_with = run_later, sitting\nbetter_with = stretching\n"
                               "test_hip_flexor_length = yes\ntest_hop = no\nkm_change_pct = 40\n"
                               "recent_change = more_km\nsitting_hours = 9\n";
    run_text(jump);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    static const char steady[] = "age = 24\nsex = female\nlocation = front\nonset = gradual\n"
                                 "duration_days = 12\ncharacter = tight\npain_now = 1\npain_run = 3\n"
                                 "worse_with = run_later, sitting\nbetter_with = stretching\n"
                                 "test_hip_flexor_length = yes\ntest_hop = no\nkm_change_pct = 5\n"
                                 "sitting_hours = 9\n";
    run_text(steady);
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    static const char days[] = "age = 24\nsex = female\nlocation = front\nonset = gradual\n"
                               "duration_days = 2\ncharacter = tight\npain_now = 1\npain_run = 3\n"
                               "worse_with = run_later, sitting\nbetter_with = stretching\n"
                               "test_hip_flexor_length = yes\ntest_hop = no\nkm_change_pct = 40\n"
                               "sitting_hours = 9\n";
    run_text(days);
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
}

/* Session 9 (retire9, retired blind10 test 1479): after a birth, pain on
 * runs goes to a physiotherapist for a pelvic-health assessment and a
 * graded return (Goom19), even when the pain is mild; without the birth
 * the same answers stay a change of training. */
static void test_postpartum_pain_on_runs(void)
{
    static const char birth[] = "age = 30\nsex = female\nside = both\nlocation = buttock, outer\n"
                                "onset = gradual\nduration_days = 14\ncharacter = dull_ache, tight\n"
                                "pain_now = 1\npain_run = 4\npain_worst = 4\n"
                                "worse_with = run_later, after_run\nbetter_with = rest, stretching\n"
                                "test_single_leg_stand = yes\ntest_hop = no\ntest_press_outer = no\n"
                                "strength_per_week = 0\nhistory = postpartum\n";
    run_text(birth);
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    static const char none[] = "age = 30\nsex = female\nside = both\nlocation = buttock, outer\n"
                               "onset = gradual\nduration_days = 14\ncharacter = dull_ache, tight\n"
                               "pain_now = 1\npain_run = 4\npain_worst = 4\n"
                               "worse_with = run_later, after_run\nbetter_with = rest, stretching\n"
                               "test_single_leg_stand = yes\ntest_hop = no\ntest_press_outer = no\n"
                               "strength_per_week = 0\n";
    run_text(none);
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
}

/* Session 9 (retire9, retired blind9 test 1323): gradual groin pain with a
 * painful squeeze that keeps coming back over five weeks is adductor-related
 * groin pain, treated with a supervised strengthening programme (Doha15;
 * Holmich99); a first episode of two weeks stays a change of training. */
static void test_adductor_gradual_recurring(void)
{
    static const char rec[] = "age = 40\nsex = male\nlocation = groin\nonset = gradual\n"
                              "duration_days = 35\nepisodes = recurring\ncharacter = dull_ache, sharp\n"
                              "pain_now = 2\npain_run = 4\npain_worst = 5\n"
                              "worse_with = kicking, twisting, run_start, after_run\n"
                              "better_with = warm_up\ntest_squeeze = yes\ntest_hop = no\n"
                              "test_knee_to_chest = no\ntest_resisted_knee_lift = no\n";
    run_text(rec);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    static const char first[] = "age = 40\nsex = male\nlocation = groin\nonset = gradual\n"
                                "duration_days = 14\nepisodes = first\ncharacter = dull_ache, sharp\n"
                                "pain_now = 2\npain_run = 4\npain_worst = 5\n"
                                "worse_with = kicking, twisting, run_start, after_run\n"
                                "better_with = warm_up\ntest_squeeze = yes\ntest_hop = no\n"
                                "test_knee_to_chest = no\ntest_resisted_knee_lift = no\n";
    run_text(first);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
}

/* Review 9 #4: a 15-year-old's groin and front pain that began while
 * sprinting two days ago, with a limp: a hip flexor strain or a pulled-off
 * piece of bone (avulsion) ranks above a stress fracture, which builds up
 * over weeks; the same-day flag and the X-ray stay. With "sudden" left
 * unsaid (as the web form saved it) too. */
static int rank_of(const char *id)
{
    for (int i = 0; i < A.n_conditions; i++)
        if (strcmp(A.conditions[i].id, id) == 0)
            return i;
    return -1;
}

static void test_review9_teen_sprint(void)
{
    static const char *const base =
        "age = 15\nsex = male\nside = right\nlocation = front, groin\nonset_event = sprint\n"
        "duration_days = 2\ncharacter = sharp\npain_now = 4\npain_run = 7\n"
        "worse_with = walking, stairs, kicking, run_start\nsigns = limp\n"
        "test_resisted_knee_lift = yes\n";
    for (int sudden = 0; sudden < 2; sudden++) {
        char text[600];
        snprintf(text, sizeof text, "%s%s", base, sudden ? "onset = sudden\n" : "");
        struct rh_intake in;
        struct rh_err err;
        CHECK_INT(rh_intake_parse(text, strlen(text), &in, &err), 0);
        run(&in);
        CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
        CHECK(rank_of("stress_fracture") > rank_of("hip_flexor_strain"));
        if (sudden) /* the avulsion (a sudden sprint injury) before bone stress */
            CHECK(rank_of("serious_pathology") < rank_of("stress_fracture"));
        CHECK(flag("trauma") != NULL);
        /* session 12 (urgent12, issue 11): he walks on it after a clear
         * sprint injury: an X-ray within days, not the same day */
        CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    }
}

/* Review 9 #5: a red flag is headed by what was seen in this person and
 * explained by their answers only, never by the rule's category or the
 * risk factors they do not have. */
static void test_review9_flag_words(void)
{
    struct rh_intake in;
    rh_intake_init(&in);
    in.age = 15;
    loc(&in, RH_LOC_GROIN);
    sign(&in, RH_SIGN_NIGHT_SWEATS);
    run(&in);
    const struct rh_assess_flag *f = flag("cancer_or_weight_loss");
    CHECK(f != NULL);
    if (!f)
        return;
    char title[RH_ASSESS_FLAG_WHY_LEN];
    rh_assess_flag_title(f->id, f->why, title, sizeof title);
    CHECK_STR(title, "Sweating at night");
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assess_flag_because(f->why, NULL, NULL, NULL, &b), 0);
    CHECK_STR(b.data ? b.data : "", "because you sweat heavily at night");
    b.len = 0;
    CHECK_INT(rh_assessment_write_text(&A, 0, &b), 0);
    char *red = b.data ? strstr(b.data, "!! Sweating at night.") : NULL;
    char *end = red ? strstr(red, "\n\n") : NULL;
    CHECK(red && end);
    if (red && end) {
        *end = '\0'; /* the red flags' block alone */
        CHECK(!strstr(red, "after 50"));
        CHECK(!strstr(red, "cancer"));
        CHECK(strstr(red, "Why: because you sweat heavily at night") != NULL);
    }
    rh_buf_release(&b);
    /* both signs: both said in the heading */
    sign(&in, RH_SIGN_WEIGHT_LOSS);
    run(&in);
    f = flag("cancer_or_weight_loss");
    CHECK(f != NULL);
    if (f) {
        rh_assess_flag_title(f->id, f->why, title, sizeof title);
        CHECK(strstr(title, "Sweating at night") || strstr(title, "Losing weight"));
        CHECK(!strstr(title, "50"));
    }
    /* an adult runner's bone-stress flag: his answers, not the risk
     * factors he does not have (review 9 #5, runner A) */
    rh_intake_init(&in);
    in.age = 34;
    loc(&in, RH_LOC_GROIN);
    in.has_recent_change = true;
    in.recent_change |= RH_BIT(RH_CHANGE_MORE_KM);
    worse(&in, RH_WORSE_WALKING);
    run(&in);
    f = flag("stress_fracture_signs");
    CHECK(f != NULL);
    if (f) {
        rh_buf_init(&b, 0);
        CHECK_INT(rh_assess_flag_because(f->why, NULL, NULL, NULL, &b), 0);
        const char *w = b.data ? b.data : "";
        CHECK(!strncmp(w, "because ", 8));
        CHECK(!strstr(w, "missed periods") && !strstr(w, "breastfeeding") &&
              !strstr(w, "steroids") && !strstr(w, "bone risk"));
        rh_buf_release(&b);
        rh_assess_flag_title(f->id, f->why, title, sizeof title);
        CHECK(!strstr(title, "("));
    }
    /* every flag has a plain title (data/red_flags.txt title =) */
    for (int i = 0; i < rh_assess_flag_count(); i++) {
        rh_assess_flag_title(rh_assess_flag_id(i), NULL, title, sizeof title);
        CHECK(strcmp(title, rh_assess_flag_name(rh_assess_flag_id(i))) != 0);
        CHECK(title[0] >= 'A' && title[0] <= 'Z');
    }
}

/* Session 11 (asmt11): the rules of the session are exact, not only safe.
 * Each main-set vignette written for them (tests/vignettes/135-146: a rule
 * and its limit) gets exactly the disposition its header states, and the
 * red flags it requires; the vignette suite checks only that the level is
 * not below it. */
static void test_session11_exact_levels(void)
{
    static const char *const files[] = {
        "135_reds_front_hip_load_rise_hop_painless.txt", "136_reds_front_hip_settled_load.txt",
        "137_sore_all_over_day_after_half_walking.txt", "138_one_sided_groin_walking_after_race.txt",
        "139_sore_after_marathon_outer_hip_tender.txt", "140_novice_sore_both_legs.txt",
        "141_hip_flexor_tendon_warms_up_four_weeks.txt", "142_hip_flexor_tendon_hop_not_done.txt",
        "143_postpartum_mild_front_tightness_screen_passed.txt",
        "144_postpartum_front_tightness_pelvis_drops.txt", "145_more_km_gradual_tight_side.txt",
        "146_more_km_jump_tight_side.txt"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "tests/vignettes/%s", files[i]);
        char *text = test_slurp(path, NULL);
        CHECK(text != NULL);
        if (!text)
            continue;
        const char *d = strstr(text, "# disposition: ");
        const char *f = strstr(text, "# red_flags: ");
        CHECK(d && f);
        if (d && f) {
            char word[32] = "";
            sscanf(d + strlen("# disposition: "), "%31s", word);
            enum rh_disposition want = RH_DISP_URGENT;
            CHECK_INT(rh_disposition_parse(word, &want), 0);
            run_text(text);
            if (A.disposition != want)
                fprintf(stderr, "%s: %s, expected %s\n", files[i],
                        rh_disposition_name(A.disposition), word);
            CHECK_INT(A.disposition, want);
            f += strlen("# red_flags: ");
            if (strncmp(f, "none", 4) == 0)
                CHECK_INT(A.n_flags, 0);
            else {
                char id[64] = "";
                sscanf(f, "%63[a-z_]", id);
                CHECK(flag(id) != NULL);
            }
        }
        free(text);
    }
}

/* ux11: a limping child's "Why" under what to do now says the slipped
 * growth plate once (one rule, not the term and its older spelled-out
 * copy), whatever the place given. */
static void test_child_slip_said_once(void)
{
    static const char *const places[] = {"outer_knee", "groin", "none", NULL};
    for (int p = 0; places[p]; p++) {
        char in[256];
        snprintf(in, sizeof in, "age = 13\nsex = male\nside = left\nsigns = limp\n"
                 "location = %s\nonset = gradual\nonset_event = none\n", places[p]);
        run_text(in);
        CHECK_INT(A.disposition, RH_DISP_URGENT);
        int n = 0;
        for (int i = 0; i < A.disposition_why.n; i++)
            n += strstr(A.disposition_why.text[i], "slipped growth plate") != NULL;
        if (n != 1)
            fprintf(stderr, "  place %s: the slip said %d times\n", places[p], n);
        CHECK_INT(n, 1);
        struct rh_buf b;
        rh_buf_init(&b, 0);
        CHECK_INT(rh_assessment_to_text(&A, &b), 0);
        const char *w = b.data ? strstr(b.data, "WHAT TO DO NOW") : NULL;
        const char *e = w ? strstr(w, "MOST LIKELY") : NULL;
        int k = 0;
        for (const char *x = w; x && (!e || x < e) && (x = strstr(x, "see a hospital doctor today")); x++)
            k++;
        CHECK_INT(k, 1);
        rh_buf_release(&b);
    }
}

/* Session 11 (branch rev11c), review 11 #2: a 14-year-old's pop at the
 * front of the hip two days ago with a limp, walking, hopping and standing
 * on the leg hurting, the weekly distance unchanged: the cause first is the
 * one the X-ray must rule out (a pulled-off piece of bone), never the
 * stress fracture; the same-day level stays; the bone-stress flag's reasons
 * name no weekly change of 0% (nor a falling one). */
static void test_review11_teen_pop_avulsion_first(void)
{
    run_text("age = 14\nsex = male\nside = right\nsigns = limp\nlocation = front, groin\n"
             "onset = sudden\nonset_event = pop\nduration_days = 2\npain_worst = 8\n"
             "worse_with = walking, hopping, standing_one_leg\nkm_change_pct = 0\n");
    /* session 12 (urgent12, issue 11): walking on it after a clear pop */
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    CHECK(strcmp(A.conditions[0].id, "stress_fracture") != 0);
    CHECK(strstr(A.conditions[0].name, "X-ray") != NULL);
    const struct rh_assess_flag *f = flag("stress_fracture_signs");
    CHECK(f != NULL);
    if (f)
        CHECK(strstr(f->why, "km_change_pct") == NULL);
    CHECK(!text_has("weekly distance changed by 0%"));
    run_text("age = 30\nsex = female\nlocation = groin\nworse_with = walking\n"
             "km_change_pct = -20\nonset = gradual\n");
    f = flag("stress_fracture_signs");
    CHECK(f != NULL);
    if (f)
        CHECK(strstr(f->why, "km_change_pct") == NULL);
    CHECK(!text_has("weekly distance changed by -20%"));
}

/* Session 12 (branch urgent12, issue 11): a teenager's limp after a clear
 * sprint, kick or pop, walking on the leg, is an X-ray within days (an
 * apophyseal avulsion, treated without surgery: Rossi01, Schuett15); every
 * sign of a slipped growth plate or of no injury keeps the same day (NICE
 * CKS acute childhood limp, Peck17, Loder93). The trauma flag still fires
 * at both levels; the runner reads why within days and what makes it today. */
static const char teen_pop[] = "age = 15\nsex = male\nside = right\nlocation = front, groin\n"
                               "onset = sudden\nonset_event = pop\nduration_days = 2\n"
                               "pain_now = 4\npain_worst = 8\nworse_with = walking, stairs\n";

/* teen_pop with the lines of more in place of its own of the same key */
static void run_teen_pop(const char *more)
{
    char text[700] = "";
    size_t n = 0;
    for (const char *l = teen_pop; *l;) {
        const char *e = strchr(l, '\n');
        size_t key = strcspn(l, " =");
        bool replaced = false;
        for (const char *m = more; *m; m = strchr(m, '\n') + 1)
            replaced |= strncmp(m, l, key) == 0 && m[key] == ' ';
        if (!replaced)
            n += (size_t)snprintf(text + n, sizeof text - n, "%.*s", (int)(e - l + 1), l);
        l = e + 1;
    }
    snprintf(text + n, sizeof text - n, "%s", more);
    run_text(text);
}

static void test_session12_teen_limp_boundaries(void)
{
    /* a sprint pop, a limp, walking on it: a doctor within days */
    run_teen_pop("signs = limp\n");
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.running, RH_RUNNING_STOP);
    const struct rh_assess_flag *t = flag("trauma");
    CHECK(t && t->min_disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(text_has("A doctor within days, not today, fits this injury"));
    CHECK(text_has("Go today if the leg cannot take weight, the pain is severe at rest"));
    CHECK(text_has("frog-leg")); /* the X-ray of both hips is still asked for */
    /* no self-test that pulls on the tendon is asked before the X-ray */
    for (size_t k = 0; k < sizeof held_tests / sizeof *held_tests; k++)
        if (missing(held_tests[k])) {
            fprintf(stderr, "  asks %s of a possible avulsion\n", held_tests[k]);
            CHECK(0);
        }
    /* each same-day sign on the same answers: today, and no "within days" */
    static const char *const today[] = {
        "signs = limp, cannot_bear_weight\n",           /* an unstable slip or a fracture */
        "signs = limp, reduced_motion\n",               /* a stiff hip: a slip */
        "signs = limp\nepisodes = recurring\n",         /* pain before: a chronic slip */
        "signs = limp\nlocation = front, outer_knee\n", /* the slip's knee pain */
        "signs = limp\npain_now = 8\n",                 /* severe pain now */
        "signs = limp\nworse_with = walking, night\n",
        "signs = limp, fever\n",
    };
    for (size_t k = 0; k < sizeof today / sizeof *today; k++) {
        run_teen_pop(today[k]);
        if (A.disposition != RH_DISP_URGENT)
            fprintf(stderr, "  not today with %s", today[k]);
        CHECK_INT(A.disposition, RH_DISP_URGENT);
        CHECK(flag("trauma") != NULL);
        CHECK(!text_has("not today"));
    }
    /* a limp with no injury at 14: a slipped growth plate, today */
    run_text("age = 14\nsex = male\nside = left\nlocation = groin, front\nonset = gradual\n"
             "onset_event = none\nduration_days = 30\npain_now = 3\nsigns = limp\n"
             "worse_with = walking\n");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    t = flag("trauma");
    CHECK(t && t->min_disposition == RH_DISP_URGENT);
    CHECK(!text_has("not today"));
    /* a sparse form: a kick and a limp, the start not told (as the web form
     * saved it): the kick explains it, within days */
    run_text("age = 15\nsex = female\nlocation = front\nonset_event = kick\nsigns = limp\n");
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    CHECK(flag("trauma") != NULL);
    /* ... and the same limp with nothing told of how it began: today */
    run_text("age = 15\nsex = female\nlocation = front\nsigns = limp\n");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
}

/* Session 12 (branch urgent12, issue 11): a numb foot on one side is a
 * doctor within days; in both legs, or getting worse day by day, today
 * (NICE NG59 / CKS sciatica: a progressive or severe deficit is urgent). */
static void run_numb_foot(const char *side, const char *signs)
{
    char text[400];
    snprintf(text, sizeof text,
             "age = 42\nsex = female\nside = %s\nlocation = low_back, buttock, down_leg\n"
             "onset = gradual\nduration_days = 10\ncharacter = radiating, tingling\n"
             "pain_now = 4\nsigns = %s\n",
             side, signs);
    run_text(text);
}

static void test_session12_numb_foot_boundaries(void)
{
    run_numb_foot("right", "numb_foot");
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    const struct rh_assess_flag *n = flag("neuro_deficit");
    CHECK(n && n->min_disposition == RH_DISP_SEE_DOCTOR_SOON);
    run_numb_foot("both", "numb_foot");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    run_numb_foot("right", "numb_foot, worsening");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    n = flag("neuro_deficit");
    CHECK(n && n->min_disposition == RH_DISP_URGENT);
}

/* Session 12 (branch urgent12, issue 11): after a fall, pain only at the
 * side of the hip, below 5/10, a painless hop and no limp or walking pain is
 * a bruise at any age, the signs question answered or not; groin pain, an
 * untested hop or thin bones keep the fracture check within days. */
static void run_side_fall(const char *place, const char *hop, const char *history)
{
    char text[400];
    snprintf(text, sizeof text,
             "age = 62\nsex = female\nlocation = %s\nonset = sudden\nonset_event = fall\n"
             "duration_days = 8\npain_now = 2\npain_worst = 4\nworse_with = lying_on_side\n"
             "%s%s",
             place, hop, history);
    run_text(text);
}

static void test_session12_side_fall_hop_painless(void)
{
    /* the fall stays a warning sign, raised as information (flaginfo's low
     * flag, at self-care), not a doctor's visit */
    run_side_fall("outer", "test_hop = no\n", "");
    CHECK(flag("trauma") != NULL && flag("trauma")->low);
    CHECK(flag("trauma") && flag("trauma")->min_disposition == RH_DISP_SELF_CARE);
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    run_side_fall("outer, groin", "test_hop = no\n", "");
    CHECK(flag("trauma") != NULL && !flag("trauma")->low);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    run_side_fall("outer", "", "");
    CHECK(flag("trauma") != NULL && !flag("trauma")->low);
    run_side_fall("outer", "test_hop = no\n", "history = low_bone_density\n");
    CHECK(flag("trauma") != NULL && !flag("trauma")->low);
}

/* Review 11 #10: the child's X-ray views only for a child or teenager; an
 * older runner after a fall is told to ask for an MRI when the X-ray is
 * normal and he still cannot walk normally (NICE CG124). */
static void test_review11_fall_advice_by_age(void)
{
    run_text("age = 68\nsex = male\nlocation = groin, deep\nonset = sudden\n"
             "onset_event = fall\nduration_days = 6\nsigns = bruising, limp\n"
             "history = osteoarthritis\nworse_with = walking\n");
    CHECK(flag("trauma") != NULL);
    CHECK(!text_has("frog-leg"));
    CHECK(!text_has("child or teenager"));
    CHECK(text_has("ask for an MRI scan"));
    run_text("age = 14\nsex = male\nsigns = limp\nlocation = front\nonset = sudden\n"
             "onset_event = pop\n");
    CHECK(text_has("frog-leg"));
    CHECK(!text_has("ask for an MRI scan"));
}

/* Review 11 #9: one label per condition as shown, for the clinician too:
 * the fall fracture is "a broken bone", not "infection, tumour or other
 * disease", in the structure and in the JSON the report reads. */
static void test_review11_clinical_name_as_shown(void)
{
    run_text("age = 68\nsex = male\nlocation = groin, deep\nonset = sudden\n"
             "onset_event = fall\nduration_days = 6\nsigns = bruising, limp\n"
             "history = osteoarthritis\nworse_with = walking\n");
    bool seen = false;
    for (int i = 0; i < A.n_conditions; i++) {
        const struct rh_assess_condition *c = &A.conditions[i];
        CHECK(c->clinical_name != NULL);
        if (!c->clinical_name)
            continue;
        if (strcmp(c->id, "serious_pathology") == 0) {
            seen = true;
            CHECK_STR(c->clinical_name, "a broken bone (fracture) that needs an X-ray");
            CHECK_STR(c->name, c->clinical_name);
        } else if (strcmp(c->name, rh_assess_condition_clinical_name(c->id)) != 0 &&
                   strcmp(c->name, c->clinical_name) != 0) {
            CHECK_STR(c->clinical_name, rh_assess_condition_clinical_name(c->id));
        }
    }
    CHECK(seen);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "\"clinical_name\":\"a broken bone (fracture) that needs an "
                                   "X-ray\"") != NULL);
    rh_buf_release(&b);
}

/* Session 11 (integration): a rule comparing two answers ("pain now at
 * least two above the worst") is open only on its unanswered side: a worst
 * pain given is never listed under "Answering these would help most". */
static void test_comparison_asks_open_side_only(void)
{
    run_text("age = 68\nsex = male\nside = right\nlocation = groin, deep\n"
             "onset = sudden\nonset_event = fall\nduration_days = 6\npain_worst = 6\n"
             "signs = limp, bruising\nhistory = osteoarthritis\nworse_with = walking\n");
    CHECK(!missing("pain_worst"));
    run_text("age = 68\nsex = male\nside = right\nlocation = groin, deep\n"
             "onset = sudden\nonset_event = fall\nduration_days = 6\npain_now = 6\n"
             "signs = limp, bruising\nhistory = osteoarthritis\nworse_with = walking\n");
    CHECK(!missing("pain_now"));
}

/* Session 12 (b14dev): a condition's own reasons name WORDS. */
static bool cond_why_says(const char *id, const char *words)
{
    for (int k = 0; k < A.n_conditions; k++) {
        if (strcmp(A.conditions[k].id, id) != 0)
            continue;
        for (int i = 0; i < A.conditions[k].why.n; i++)
            if (strstr(A.conditions[k].why.text[i], words))
                return true;
    }
    return false;
}

/* Session 12 (b14dev): a bruise still swollen days after a fall is a
 * haematoma over the bone: a change of training for some days, not
 * "run as the pain allows" [Jarvinen05; HipPointers14]; a plain bruise
 * that hops and walks painlessly stays self care, and no red flag either
 * way (a painless hop and walk under 60 need no fracture ruled out). */
static void test_b14_swollen_bruise_after_fall(void)
{
    static const char swollen[] = "age = 41\nsex = female\nside = left\nlocation = outer\n"
                                  "onset = sudden\nonset_event = fall\nduration_days = 3\n"
                                  "character = dull_ache\npain_now = 3\npain_worst = 5\n"
                                  "worse_with = lying_on_side\nsigns = bruising, swelling\n"
                                  "test_hop = no\ntest_press_outer = yes\n";
    run_text(swollen);
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("bleeding into the muscle"));
    CHECK(low_flag("trauma")); /* session 12 (flaginfo): information only */
    static const char bruise[] = "age = 41\nsex = female\nside = left\nlocation = outer\n"
                                 "onset = sudden\nonset_event = fall\nduration_days = 3\n"
                                 "character = dull_ache\npain_now = 3\npain_worst = 5\n"
                                 "worse_with = lying_on_side\nsigns = bruising\n"
                                 "test_hop = no\ntest_press_outer = yes\n";
    run_text(bruise);
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    CHECK(!why_says("bleeding into the muscle"));
    CHECK(low_flag("trauma")); /* session 12 (flaginfo): information only */
    /* on the first day every bruise swells: not yet told apart */
    char day1[sizeof swollen];
    snprintf(day1, sizeof day1, "%s", swollen);
    char *d = strstr(day1, "duration_days = 3\n");
    CHECK(d != NULL);
    if (d)
        d[strlen("duration_days = ")] = '1';
    run_text(day1);
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
}

/* Session 12 (b14dev): both legs aching in many places for weeks since the
 * training went up, hop painless, no limp or sign of illness, is the whole
 * body's overload (overreaching) [Cheung03; Meeusen13]: the soreness is
 * kept among the likeliest causes although it has outlasted a week. One
 * leg aching in one place is not this rule. */
static void test_b14_training_soreness_both_legs(void)
{
    static const char both[] = "age = 24\nsex = male\nside = both\n"
                               "location = front, outer, buttock, outer_thigh\n"
                               "onset = gradual\nduration_days = 21\nepisodes = recurring\n"
                               "character = dull_ache, tight\npain_now = 2\npain_run = 4\n"
                               "pain_worst = 5\nworse_with = after_run, stairs\n"
                               "better_with = rest, massage\ntest_hop = no\n"
                               "weekly_km = 70\nkm_change_pct = 35\nrecent_change = more_km, race\n";
    run_text(both);
    CHECK(in_top3("post_run_soreness"));
    CHECK(cond_why_says("post_run_soreness", "overreaching"));
    static const char one[] = "age = 24\nsex = male\nside = right\nlocation = outer\n"
                              "onset = gradual\nduration_days = 21\nepisodes = recurring\n"
                              "character = dull_ache, tight\npain_now = 2\npain_run = 4\n"
                              "pain_worst = 5\nworse_with = after_run, stairs\n"
                              "better_with = rest, massage\ntest_hop = no\n"
                              "weekly_km = 70\nkm_change_pct = 35\nrecent_change = more_km, race\n";
    run_text(one);
    CHECK(!cond_why_says("post_run_soreness", "overreaching"));
    CHECK(!in_top3("post_run_soreness"));
}

/* Session 12 (b14dev): a woman's groin and deep pain that keeps coming
 * back, is there at rest and is no worse on runs is not a running injury:
 * the organs of the pelvis (endometriosis, an ovarian cyst) are kept in
 * view [NICE-NG73; RCOG-GTG62]. The same pain brought on by runs is. */
static void test_b14_pelvic_pain_not_from_running(void)
{
    static const char rest[] = "age = 31\nsex = female\nside = left\n"
                               "location = groin, deep\nonset = gradual\nonset_event = none\n"
                               "duration_days = 150\nepisodes = recurring\n"
                               "character = dull_ache, sharp\npain_now = 4\npain_run = 3\n"
                               "pain_worst = 7\nworse_with = rest\nbetter_with = heat\n";
    run_text(rest);
    CHECK(in_top3("serious_pathology"));
    CHECK(cond_why_says("serious_pathology", "endometriosis"));
    for (int k = 0; k < A.n_conditions; k++)
        if (strcmp(A.conditions[k].id, "serious_pathology") == 0)
            CHECK(strstr(A.conditions[k].name, "endometriosis") != NULL);
    static const char runs[] = "age = 31\nsex = female\nside = left\n"
                               "location = groin, deep\nonset = gradual\nonset_event = none\n"
                               "duration_days = 150\nepisodes = recurring\n"
                               "character = dull_ache\npain_now = 2\npain_run = 5\n"
                               "pain_worst = 7\nworse_with = after_run, rest\nbetter_with = heat\n";
    run_text(runs);
    CHECK(!cond_why_says("serious_pathology", "endometriosis"));
}

/* Issue 11, session 12 (top-3 on noisy forms): a runner who ticks many
 * places and triggers dilutes each tick, and the one sign that tells
 * (groin pain on coughing) must still count against the broad causes:
 * tenderness at the side of the hip, which most hip pain has (Grimaldi17:
 * sensitive, not specific), no longer outweighs it. A plain gluteal
 * tendinopathy with the same tenderness still leads. */
static void test_noisy_form_telling_sign(void)
{
    run_text("age = 34\nsex = male\nside = right\nlocation = groin, front, deep, outer\n"
             "onset = gradual\nduration_days = 70\ncharacter = dull_ache, sharp, tight, burning\n"
             "pain_now = 2\npain_run = 6\npain_worst = 7\n"
             "worse_with = cough_sneeze, kicking, twisting, sitting, rising, after_run, "
             "run_later, hills\nbetter_with = rest, warm_up, stretching\n"
             "test_squeeze = no\ntest_resisted_knee_lift = no\ntest_hop = no\n");
    CHECK_STR(A.conditions[0].id, "inguinal_hernia");
    CHECK_INT(A.n_flags, 0);
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    run_text("age = 52\nsex = female\nside = right\nlocation = outer\nonset = gradual\n"
             "duration_days = 70\ncharacter = dull_ache\npain_now = 3\npain_run = 5\n"
             "pain_worst = 6\nworse_with = lying_on_side, stairs, crossing_legs\n"
             "better_with = rest\ntest_press_outer = yes\ntest_single_leg_stand = yes\n"
             "test_hop = no\n");
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    CHECK(A.conditions[0].score > 0.8);
}

/* Issue 11, session 12: bone stress builds over weeks of running load
 * (Warden14). Groin pain with a limp and a painful hop in a runner on
 * long-term steroids whose training has not changed fits a femoral head
 * losing its blood supply first; the bone-stress flag, its doctor visit
 * and the stress fracture in the top three stay. A runner whose distance
 * jumped 40% three weeks ago still has the stress fracture first. */
static void test_bone_stress_needs_a_load_story(void)
{
    run_text("age = 61\nsex = male\nside = left\nlocation = groin, deep\nonset = gradual\n"
             "duration_days = 45\ncharacter = dull_ache\npain_now = 3\npain_run = 5\n"
             "pain_worst = 6\nworse_with = walking, rest, stairs\nsigns = limp\ntest_hop = yes\n"
             "km_change_pct = 0\nhistory = steroids\n");
    CHECK_STR(A.conditions[0].id, "osteonecrosis");
    CHECK(rank_of("stress_fracture") >= 0 && rank_of("stress_fracture") < 3);
    CHECK(flag("stress_fracture_signs") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    run_text("age = 27\nsex = female\nside = right\nlocation = groin, front\nonset = gradual\n"
             "onset_event = none\nduration_days = 20\ncharacter = dull_ache\npain_now = 2\n"
             "pain_run = 6\npain_worst = 6\nworse_with = run_later, hopping, walking\n"
             "better_with = rest\ntest_hop = yes\nkm_change_pct = 40\nrecent_change = more_km\n");
    CHECK_STR(A.conditions[0].id, "stress_fracture");
    CHECK(A.conditions[0].score > 0.7);
    CHECK(flag("stress_fracture_signs") != NULL);
}

/* Session 12 (physio12, issue 11): the same injury or diagnosis, mild and
 * told as such, is managed by the runner (a change of training); severe,
 * limping, bruised, stiffened or not settling, it goes to a physiotherapist.
 * Each pair differs only in the answers that make the difference. */
static const char *s12_top(void)
{
    return A.n_conditions ? A.conditions[0].id : "";
}

static void test_session12_mild_or_physio(void)
{
    /* a hip flexor strain in a sprint four days ago, 6/10 at worst, no
     * bruise, swelling or limp told and walking painless: graded return */
    static const char strain[] = "age = 26\nsex = male\nlocation = front\nonset = sudden\n"
                                 "onset_event = sprint\nduration_days = 4\nepisodes = first\n"
                                 "character = sharp\npain_now = 2\npain_run = 5\n"
                                 "worse_with = run_start, kicking\n"
                                 "test_resisted_knee_lift = yes\ntest_hop = no\n";
    char text[1024];
    snprintf(text, sizeof text, "%spain_worst = 6\nsigns = none\n", strain);
    run_text(text);
    CHECK_STR(s12_top(), "hip_flexor_strain");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(!why_says("grade it"));
    /* the same strain with a bruise, with a limp, or at 7/10 */
    static const char *const worse[] = {"pain_worst = 6\nsigns = bruising\n",
                                        "pain_worst = 6\nsigns = limp\n",
                                        "pain_worst = 7\nsigns = none\n"};
    for (size_t i = 0; i < sizeof worse / sizeof *worse; i++) {
        snprintf(text, sizeof text, "%s%s", strain, worse[i]);
        run_text(text);
        CHECK_STR(s12_top(), "hip_flexor_strain");
        CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
        CHECK(why_says("a strain this sore needs a physiotherapist to grade it"));
    }
    /* the signs not told: a 6/10 strain is not taken as mild */
    static const char untold[] = "age = 26\nsex = male\nlocation = front\nonset = sudden\n"
                                 "onset_event = sprint\nduration_days = 4\ncharacter = sharp\n"
                                 "pain_run = 5\npain_worst = 6\nworse_with = run_start, kicking\n"
                                 "test_resisted_knee_lift = yes\n";
    run_text(untold);
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);

    /* known hip osteoarthritis on a short form, morning stiffness only */
    static const char oa[] = "age = 70\nsex = female\nlocation = groin\nduration_days = 700\n"
                             "worse_with = morning\nhistory = osteoarthritis\n";
    run_text(oa);
    CHECK_STR(s12_top(), "hip_osteoarthritis");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("you manage it yourself"));
    /* the hip has stiffened, or walking hurts: examined */
    run_text("age = 70\nsex = female\nlocation = groin\nduration_days = 700\n"
             "worse_with = morning\nsigns = reduced_motion\nhistory = osteoarthritis\n");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    run_text("age = 70\nsex = female\nlocation = groin\nduration_days = 700\n"
             "worse_with = morning, walking\nhistory = osteoarthritis\n");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);

    /* a mild groin ache on coughing for ten days, no lump, first bout */
    static const char groin[] = "age = 34\nsex = male\nlocation = groin\nonset = gradual\n"
                                "duration_days = 10\nepisodes = first\ncharacter = dull_ache\n"
                                "pain_worst = 4\nworse_with = cough_sneeze\nsigns = none\n"
                                "test_squeeze = no\ntest_knee_to_chest = no\n";
    run_text(groin);
    CHECK_STR(s12_top(), "inguinal_hernia");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("mild groin ache"));
    /* five weeks on: a physiotherapist */
    run_text("age = 34\nsex = male\nlocation = groin\nonset = gradual\n"
             "duration_days = 35\nepisodes = first\ncharacter = dull_ache\n"
             "pain_worst = 4\nworse_with = cough_sneeze\nsigns = none\ntest_squeeze = no\n"
             "test_knee_to_chest = no\n");
    CHECK_STR(s12_top(), "inguinal_hernia");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);

    /* a pain that comes back: a short bout never above 5/10 that has not
     * settled by the next morning is a load to cut back first; the same
     * after five weeks, or at 7/10, is examined */
    static const char bout[] = "age = 33\nsex = female\nlocation = outer_knee, outer_thigh\n"
                               "onset = gradual\nepisodes = recurring\n"
                               "character = tight, dull_ache\npain_now = 1\npain_run = 4\n"
                               "pain_worst = 5\npain_next_morning = 3\n"
                               "worse_with = run_later, hills\nsigns = none\ntest_hop = no\n";
    snprintf(text, sizeof text, "%sduration_days = 20\n", bout);
    run_text(text);
    CHECK_STR(s12_top(), "itb_syndrome");
    CHECK(!why_says("keeps coming back"));
    CHECK(why_says("has not settled by the next morning"));
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sduration_days = 35\n", bout);
    run_text(text);
    CHECK(why_says("keeps coming back and is more than mild"));
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
}

/* Session 12 (branch flaginfo): a red flag is never left out to spare a
 * benign runner a doctor (clinical_facts A1): a minor fall with a painless
 * hop and walk, or a past cancer with clearly mechanical pain, raises its
 * flag below a doctor's visit, as information (data/red_flags.txt low =),
 * without the flag's own running minimum, under its own heading, with what
 * would make it a doctor's visit; the same answers with a limp, or with
 * night pain, keep the doctor's level. */
static void flaginfo_run(const char *text)
{
    struct rh_intake in;
    struct rh_err err;
    CHECK_INT(rh_intake_parse(text, strlen(text), &in, &err), 0);
    run(&in);
}

static bool json_has(const char *needle)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    bool has = b.data && strstr(b.data, needle) != NULL;
    rh_buf_release(&b);
    return has;
}

static void test_flaginfo_low_flags(void)
{
    static const char *const fall =
        "age = 33\nsex = male\nside = right\nlocation = outer\nonset = sudden\n"
        "onset_event = fall\nduration_days = 3\nepisodes = first\ncharacter = dull_ache\n"
        "pain_now = 3\npain_run = 3\npain_worst = 5\nworse_with = lying_on_side\n"
        "test_hop = no\ntest_press_outer = yes\ntest_single_leg_stand = no\n";
    char text[800];
    /* a minor fall: the flag at self-care, the care the bruise's own */
    snprintf(text, sizeof text, "%ssigns = bruising, swelling\n", fall);
    flaginfo_run(text);
    const struct rh_assess_flag *f = flag("trauma");
    CHECK(f != NULL);
    if (f) {
        CHECK(f->low);
        CHECK_INT(f->min_disposition, RH_DISP_SELF_CARE);
        CHECK_INT(f->min_running, RH_RUNNING_CONTINUE);
    }
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(A.running != RH_RUNNING_STOP);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis"); /* no fracture pulled up */
    CHECK(text_has("WORTH KNOWING (1)"));
    CHECK(!text_has("WARNING SIGNS"));
    CHECK(text_has("if you start to limp"));
    CHECK(!text_has("a broken bone has to be ruled out with an X-ray first"));
    CHECK(json_has("\"low\":true,\"level\":\"self_care\""));
    /* the same fall with a limp: a doctor within days, running stopped */
    snprintf(text, sizeof text, "%ssigns = bruising, limp\n", fall);
    flaginfo_run(text);
    f = flag("trauma");
    CHECK(f != NULL);
    if (f) {
        CHECK(!f->low);
        CHECK(f->min_disposition >= RH_DISP_SEE_DOCTOR_SOON);
        CHECK_INT(f->min_running, RH_RUNNING_STOP);
    }
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    CHECK(text_has("!! WARNING SIGNS (1)"));
    CHECK(!json_has("\"low\":true"));

    static const char *const cancer =
        "age = 55\nsex = female\nside = left\nlocation = outer\nonset = gradual\n"
        "duration_days = 45\nepisodes = first\ncharacter = dull_ache\npain_now = 2\n"
        "pain_run = 4\npain_worst = 5\nbetter_with = movement\ntest_press_outer = yes\n"
        "test_single_leg_stand = yes\ntest_hop = no\nhistory = cancer\nsigns = none\n";
    /* a past cancer, the pain mechanical: the flag at a physiotherapist */
    snprintf(text, sizeof text, "%sworse_with = lying_on_side, stairs, hills, after_run\n", cancer);
    flaginfo_run(text);
    f = flag("cancer_or_weight_loss");
    CHECK(f != NULL);
    if (f) {
        CHECK(f->low);
        CHECK_INT(f->min_disposition, RH_DISP_SEE_PHYSIO);
        CHECK_INT(f->min_running, RH_RUNNING_CONTINUE);
    }
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    CHECK(text_has("tell them about the cancer"));
    CHECK(text_has("if pain comes at night or at rest"));
    CHECK(rank_of("serious_pathology") > 2); /* not kept in view by the flag */
    /* the same with night pain: a doctor within days, as before */
    snprintf(text, sizeof text, "%sworse_with = night, stairs\n", cancer);
    flaginfo_run(text);
    f = flag("cancer_or_weight_loss");
    CHECK(f != NULL);
    if (f) {
        CHECK(!f->low);
        CHECK_INT(f->min_disposition, RH_DISP_SEE_DOCTOR_SOON);
    }
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
}

/* Session 13 (branch b13ret, retired blind13 test): the name a condition
 * is shown by in the last assessment ("" when not ranked). */
static const char *name_of(const char *id)
{
    for (int k = 0; k < A.n_conditions; k++)
        if (strcmp(A.conditions[k].id, id) == 0)
            return A.conditions[k].name;
    return "";
}

/* Session 13 (b13ret): low back and buttock pain for months, begun young,
 * waking him at night, stiff in the morning and eased by moving is
 * inflammatory back pain [NICE-NG65; Sieper09]: the back leads, axial
 * spondyloarthritis stays among the three likeliest under its own name, and
 * a doctor within days refers to a rheumatologist. Begun at 50, or a few
 * weeks old, it is not this pattern. */
static void run_back(int age, int days)
{
    char text[400];
    snprintf(text, sizeof text,
             "age = %d\nsex = male\nside = both\nlocation = low_back, buttock\n"
             "onset = gradual\nonset_event = none\nduration_days = %d\n"
             "character = dull_ache\npain_now = 3\npain_worst = 6\n"
             "worse_with = night, morning, rest\nbetter_with = movement\n",
             age, days);
    run_text(text);
}

/* Session 14, branch b14ret (retired blind14 test): one test per general
 * rule, each written from the answers, never from a case's wording. */

/* A teenager's pop, sprint or kick at the front: the walking pain and the
 * limp raise the bone-stress warning, but the avulsion (the strain label)
 * leads; the warning, its doctor and no running stay; an adult's same
 * story keeps the strain's bone-signs penalty. */
static void test_session14_teen_front_pop_leads(void)
{
    static const char *const teen =
        "age = 14\nsex = male\nside = right\nlocation = front\nonset = sudden\nonset_event = pop\n"
        "duration_days = 1\nepisodes = first\ncharacter = sharp\npain_now = 5\npain_worst = 8\n"
        "worse_with = walking, stairs, rising\nsigns = limp, swelling\n";
    run_text(teen);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
    CHECK(flag("stress_fracture_signs") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.running, RH_RUNNING_STOP);
    CHECK_INT(A.pain_type, RH_PAIN_MUSCLE);
}

/* Sudden groin pain of 8/10 or more with no injury told: same day and no
 * running; with swelling, or in a boy, the organ cause leads. */
static void test_session14_sudden_severe_groin(void)
{
    run_text("age = 14\nsex = male\nlocation = groin\nonset = sudden\npain_now = 9\nsigns = swelling\n");
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK_INT(A.disposition, RH_DISP_URGENT);
    CHECK_INT(A.running, RH_RUNNING_STOP);
    /* an injury told: neither rule */
    run_text("age = 14\nsex = male\nlocation = groin\nonset = sudden\nonset_event = kick\npain_now = 9\n"
             "signs = swelling\n");
    CHECK(rank_of("serious_pathology") != 0);
}

/* Aches in both legs and many places two days after new hills: soreness,
 * self care, its next-morning pain no reason for a change of training. */
static void test_session14_sore_after_hills(void)
{
    static const char *const base =
        "age = 57\nsex = female\nside = both\nlocation = buttock, front, groin, outer_thigh\n"
        "onset = gradual\nonset_event = none\nduration_days = 2\nepisodes = first\n"
        "character = dull_ache, tight\npain_now = 3\npain_worst = 4\npain_next_morning = 4\n"
        "test_hop = no\nsigns = none\nkm_change_pct = 0\nrecent_change = hills\n";
    run_text(base);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    CHECK_INT(A.pain_type, RH_PAIN_MUSCLE);
    /* one side, a week on: not soreness, the morning rule stands */
    char text[1024];
    snprintf(text, sizeof text, "%s", base);
    char *p = strstr(text, "side = both");
    memcpy(p, "side = left", 11);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
}

/* An ache on both sides at the back of the pelvis on walking and stairs,
 * under 50 with no rise in load: pelvic girdle pain leads, not bone
 * stress; with a painful hop bone stress is not lowered. */
static void test_session14_posterior_pelvic_girdle(void)
{
    run_text("age = 30\nsex = female\nside = both\nlocation = buttock\nworse_with = walking, stairs\n");
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    run_text("age = 30\nsex = female\nside = both\nlocation = buttock\nworse_with = walking, stairs\n"
             "test_hop = yes\n");
    CHECK(rank_of("stress_fracture") >= 0 && rank_of("stress_fracture") < 3);
    /* past a week and above 5/10 on one-leg standing: a physiotherapist */
    run_text("age = 31\nsex = female\nside = both\nlocation = groin, front, buttock\nonset = gradual\n"
             "duration_days = 20\npain_run = 6\npain_worst = 6\nworse_with = stairs, standing_one_leg, walking\n"
             "test_single_leg_stand = yes\ntest_hop = no\n");
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
}

/* After a birth, no strength work, an ache late in runs: the trunk and hip
 * muscles are among the three likeliest; bilateral back-of-pelvis pain
 * without bone signs does not send to a doctor. */
static void test_session14_postpartum_strength(void)
{
    run_text("age = 34\nsex = female\nside = both\nlocation = low_back, buttock\nonset = gradual\n"
             "duration_days = 21\nepisodes = first\ncharacter = dull_ache, tight\npain_now = 1\n"
             "pain_run = 3\npain_worst = 4\npain_next_morning = 2\nworse_with = run_later, after_run\n"
             "better_with = rest, stretching\nkm_change_pct = 50\nstrength_per_week = 0\n"
             "recent_change = return_from_break\nhistory = postpartum, breastfeeding\n");
    CHECK(rank_of("strength_imbalance") >= 0 && rank_of("strength_imbalance") < 3);
    CHECK(rank_of("stress_fracture") != 0);
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
}

/* Only a feeling of tightness at the front and side together: the TFL,
 * not a gluteal tendinopathy; a tender bony point keeps the tendon. */
static void test_session14_tight_front_side(void)
{
    run_text("age = 31\nsex = female\nlocation = front, outer\ncharacter = tight\nworse_with = run_later\n");
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    run_text("age = 31\nsex = female\nlocation = front, outer\ncharacter = tight\nworse_with = run_later\n"
             "test_press_outer = yes\n");
    CHECK(rank_of("trochanteric_bursitis") < rank_of("tfl_tightness"));
}

/* A two-day ache with the start not told is soreness before a tendon. */
static void test_session14_few_days_start_untold(void)
{
    run_text("age = 38\nsex = female\nlocation = buttock, outer_thigh\ncharacter = dull_ache\n"
             "duration_days = 2\nbetter_with = movement\n");
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
}

/* Pain type: a painless snap and click is the tendon's; groin pain on
 * coughing without back or leg pain is no nerve's; soreness two days
 * after a race is muscle pain even on a short form. */
static void test_session14_pain_type(void)
{
    run_text("age = 19\nsex = female\nlocation = front\ncharacter = snapping, clicking\n");
    CHECK(A.pain_type == RH_PAIN_MUSCLE || A.pain_type == RH_PAIN_UNCLEAR);
    run_text("age = 42\nsex = male\nlocation = groin\nworse_with = cough_sneeze, run_later\nduration_days = 60\n");
    CHECK(A.pain_type != RH_PAIN_NERVE);
    run_text("age = 35\nsex = female\nside = both\nduration_days = 2\nrecent_change = race\npain_now = 3\n");
    CHECK_INT(A.pain_type, RH_PAIN_MUSCLE);
}

/* A numb, tingling outer thigh with a tender bony point (a noisy form):
 * the thigh's skin nerve stays among the three likeliest. */
static void test_session14_numb_outer_thigh(void)
{
    run_text("age = 56\nsex = female\nside = right\nlocation = outer_thigh, outer, front, outer_knee\n"
             "onset = gradual\nonset_event = none\nduration_days = 30\n"
             "character = burning, numbness, tingling, radiating, stabbing, dull_ache\n"
             "pain_now = 3\npain_run = 4\npain_worst = 6\n"
             "worse_with = walking, run_later, after_run, lying_on_side, stairs, hills\n"
             "better_with = rest, massage\ntest_press_outer = yes\ntest_hop = no\nhistory = back_problems\n");
    CHECK(rank_of("lumbar_referred") >= 0 && rank_of("lumbar_referred") < 3);
}

static void test_session13_inflammatory_back_pain(void)
{
    run_back(31, 200);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK(in_top3("serious_pathology"));
    CHECK(strstr(name_of("serious_pathology"), "axial spondyloarthritis") != NULL);
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    CHECK(why_says("rheumatologist"));
    run_back(52, 200);
    CHECK(strstr(name_of("serious_pathology"), "axial spondyloarthritis") == NULL);
    CHECK(!why_says("rheumatologist"));
    run_back(31, 40);
    CHECK(!why_says("rheumatologist"));
}

/* Session 13 (b13ret): the hang-off-the-bed test stretches the TFL too
 * [Harvey98]; with pain at the front and the side together it raises the
 * TFL, not only the iliopsoas. */
static void test_session13_tfl_thomas_test(void)
{
    static const char base[] = "age = 36\nsex = male\nlocation = front, outer\n"
                               "onset = gradual\nduration_days = 18\ncharacter = tight\n"
                               "pain_worst = 3\nworse_with = run_later, sitting\n"
                               "sitting_hours = 9\n";
    run_text(base);
    double without = score_of("tfl_tightness");
    char text[sizeof base + 40];
    snprintf(text, sizeof text, "%stest_hip_flexor_length = yes\n", base);
    run_text(text);
    CHECK(score_of("tfl_tightness") > without);
    CHECK(in_top3("tfl_tightness"));
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
}

/* Session 13 (b13ret): pain that has reached 7/10 late in or after runs
 * for more than two weeks is beyond the pain-monitoring zone on those runs
 * [Silbernagel07], whatever the likeliest cause's usual care: a change of
 * training. At 5/10, or in its first two weeks, it is not this rule. */
static void run_worst(int worst, int days)
{
    char text[400];
    snprintf(text, sizeof text,
             "age = 27\nsex = female\nlocation = front, outer\nonset = gradual\n"
             "duration_days = %d\ncharacter = tight, dull_ache\npain_now = 0\n"
             "pain_run = 2\npain_worst = %d\nworse_with = run_later, after_run\n"
             "better_with = stretching, massage\ntest_press_outer = no\n"
             "test_hip_flexor_length = yes\n",
             days, worst);
    run_text(text);
}

static void test_session13_worst_seven_on_runs(void)
{
    run_worst(7, 21);
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("7/10 or more late in or after runs"));
    run_worst(5, 21);
    CHECK(!why_says("7/10 or more late in or after runs"));
    run_worst(7, 10);
    CHECK(!why_says("7/10 or more late in or after runs"));
}

/* Session 13 (b13ret): a buttock ache that came with added hill repeats,
 * worse on sitting, with no back or leg symptoms, is a deep buttock muscle
 * overloaded: a change of training first [Hopayian10; Nielsen14]. Pain down
 * the leg still sends the back to a physiotherapist. */
static void test_session13_buttock_after_new_hills(void)
{
    run_text("age = 17\nsex = female\nlocation = buttock\nworse_with = sitting, hills\n"
             "test_cross_legged = yes\nrecent_change = hills\n");
    CHECK_STR(A.conditions[0].id, "piriformis_syndrome");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    run_text("age = 17\nsex = female\nlocation = buttock, down_leg\n"
             "worse_with = sitting, hills\ntest_cross_legged = yes\nrecent_change = hills\n");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    run_text("age = 17\nsex = female\nlocation = buttock\nworse_with = sitting, hills\n"
             "test_cross_legged = yes\n");
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
}

/* Session 13 (b13ret): "no" to the checklist's sharp, deep or pinching pain
 * in the socket with a painless knee-to-chest test lowers impingement,
 * whatever words were ticked elsewhere [Warwick16; Reiman15]. */
static void test_session13_socket_check_no(void)
{
    static const char base[] = "age = 28\nsex = female\nlocation = front, groin\n"
                               "onset = gradual\nduration_days = 14\n"
                               "character = tight, dull_ache, pinching, clicking\n"
                               "worse_with = sitting, rising, run_start\n"
                               "better_with = warm_up, stretching\ntest_knee_to_chest = no\n"
                               "test_hip_flexor_length = yes\nsitting_hours = 9\n";
    run_text(base);
    double unknown = score_of("fai");
    char text[sizeof base + 40];
    snprintf(text, sizeof text, "%scheck_sharp_socket = no\n", base);
    run_text(text);
    CHECK(score_of("fai") < unknown);
    CHECK(strcmp(A.conditions[0].id, "fai") != 0);
    snprintf(text, sizeof text, "%scheck_sharp_socket = yes\n", base);
    run_text(text);
    CHECK(score_of("fai") >= unknown);
}

/* Session 13 (b13ret): a snap at the side of the hip that has hurt at most
 * 2/10 is the band flicking over the bone, not a gluteal tendinopathy
 * [SnapHip21; GrimaldiFearon15]: self care. A tender bony point keeps the
 * tendon in view. */
static void test_session13_painless_outer_snap(void)
{
    run_text("age = 23\nsex = female\nside = left\nlocation = outer\n"
             "character = snapping\npain_worst = 1\n");
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    CHECK_INT(A.running, RH_RUNNING_CONTINUE);
    double painless = score_of("trochanteric_bursitis");
    run_text("age = 23\nsex = female\nside = left\nlocation = outer\n"
             "character = snapping\npain_worst = 1\ntest_press_outer = yes\n");
    CHECK(score_of("trochanteric_bursitis") > painless);
}

/* Session 13 (b13ret): an ache in the buttock and at the side late in runs,
 * with no strength work, is the gluteal muscles tiring [Mucha17; ACSM]:
 * the strength imbalance is among the three likeliest. With strength work
 * twice a week it is not. */
static void test_session13_glutes_tiring(void)
{
    run_text("age = 44\nlocation = buttock, outer\nworse_with = run_later\n"
             "sitting_hours = 9\nstrength_per_week = 0\n");
    CHECK(in_top3("strength_imbalance"));
    double none = score_of("strength_imbalance");
    run_text("age = 44\nlocation = buttock, outer\nworse_with = run_later\n"
             "sitting_hours = 9\nstrength_per_week = 2\n");
    CHECK(score_of("strength_imbalance") < none);
}

/* Session 13 (branch over13): after a cancer, pain that rest eases, never
 * at night or at rest, mild, with a painless hop, away from the groin, is
 * mechanical pain (Finucane20: the warning sign is pain that rest does not
 * ease): the cancer flag is raised as information at a physiotherapist's
 * level, not a doctor's visit. Night pain keeps the doctor. */
static void test_session13_cancer_rest_eased_mechanical(void)
{
    static const char tendon[] = "age = 45\nsex = male\nside = right\nlocation = outer\n"
                                 "onset = gradual\nduration_days = 28\ncharacter = dull_ache\n"
                                 "pain_now = 2\npain_run = 4\nbetter_with = rest, massage\n"
                                 "test_press_outer = yes\ntest_hop = no\nrecent_change = hills\n"
                                 "history = cancer\n";
    char text[1024];
    snprintf(text, sizeof text, "%sworse_with = hills, stairs, lying_on_side\n", tendon);
    run_text(text);
    CHECK(low_flag("cancer_or_weight_loss"));
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%sworse_with = hills, stairs, night\n", tendon);
    run_text(text);
    CHECK(flag("cancer_or_weight_loss") != NULL && !flag("cancer_or_weight_loss")->low);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
}

/* Session 13 (b15dev, issue 11): an adult's low-back pain reaching at most
 * the buttock, under six weeks, with nothing from a nerve root, is
 * self-managed with the runs eased (NICE NG59): a change of training, not a
 * physiotherapist. Leg pain, numbness, six weeks or more, a teenager or a
 * runner of 50 still see one (or more). */
static const char b15_back[] = "sex = male\nside = left\nonset = gradual\nonset_event = none\n"
                               "episodes = recurring\npain_now = 3\n"
                               "pain_run = 2\npain_next_morning = 2\nworse_with = sitting, morning\n"
                               "better_with = movement, warm_up\nhistory = back_problems\n";

static void run_back_self_managed(const char *age, const char *place, const char *days, const char *worst,
                     const char *extra)
{
    char text[1024];
    /* extra: the character and signs lines (dull and tight, no sign unless told) */
    snprintf(text, sizeof text, "%sage = %s\nlocation = %s\nduration_days = %s\npain_worst = %s\n%s%s%s",
             b15_back, age, place, days, worst, extra,
             strstr(extra, "character =") ? "" : "character = dull_ache, tight\n",
             strstr(extra, "signs =") ? "" : "signs = none\n");
    run_text(text);
}

static void test_session13_back_pain_self_managed(void)
{
    run_back_self_managed("47", "low_back, buttock", "18", "4", "");
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK_INT(A.disposition, RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("back pain without a nerve root's signs"));
    CHECK_INT(A.running, RH_RUNNING_REDUCE);
    /* the boundaries: each still sees a physiotherapist or more */
    run_back_self_managed("47", "low_back, buttock, down_leg", "18", "4", "");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    run_back_self_managed("47", "low_back, buttock", "18", "4", "character = dull_ache, numbness\n");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    run_back_self_managed("47", "low_back, buttock", "43", "4", "");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    run_back_self_managed("47", "low_back, buttock", "18", "7", "");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    run_back_self_managed("16", "low_back, buttock", "18", "4", "");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    run_back_self_managed("50", "low_back, buttock", "18", "4", "");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    run_back_self_managed("47", "low_back, buttock", "18", "4", "signs = numb_foot\n");
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON); /* its own escalation */
}

/* Session 13 (b15dev, issue 11): hip osteoarthritis known for months that
 * stays at 3/10 or less, settles by the next morning, with no limp, no
 * stiffened hip, no rest or night pain and no jump in distance, is the
 * runner's own care with the running as before (NICE NG226): self care and
 * continue (usual_if and the new usual_run_if). A flare is not. */
static const char b15_oa[] = "age = 68\nsex = female\nside = left\nlocation = groin\nonset = gradual\n"
                             "onset_event = none\nepisodes = recurring\ncharacter = dull_ache, tight\n"
                             "pain_now = 1\npain_run = 2\nworse_with = morning\n"
                             "better_with = movement, warm_up\nhistory = osteoarthritis\n";

static void run_oa(const char *days, const char *worst, const char *morning, const char *extra)
{
    char text[1024];
    char next[40] = "";
    if (morning[0])
        snprintf(next, sizeof next, "pain_next_morning = %s\n", morning);
    snprintf(text, sizeof text, "%sduration_days = %s\npain_worst = %s\n%s%s", b15_oa, days, worst,
             next, extra);
    run_text(text);
}

static void test_session13_known_oa_stable(void)
{
    run_oa("1100", "3", "2", "signs = none\nkm_change_pct = 0\n");
    CHECK_STR(A.conditions[0].id, "hip_osteoarthritis");
    CHECK_INT(A.disposition, RH_DISP_SELF_CARE);
    CHECK_INT(A.running, RH_RUNNING_CONTINUE);
    CHECK(why_says("known, mild and steady arthritis"));
    /* not stable: each keeps the change of training (or more) and reduce */
    run_oa("1100", "4", "2", "signs = none\n");
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    CHECK(A.running >= RH_RUNNING_REDUCE);
    run_oa("60", "3", "2", "signs = none\n");
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    CHECK(A.running >= RH_RUNNING_REDUCE);
    run_oa("1100", "3", "3", "signs = none\n");
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    run_oa("1100", "3", "2", "signs = reduced_motion\n");
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    CHECK(A.running >= RH_RUNNING_REDUCE);
    run_oa("1100", "3", "2", "signs = none\nkm_change_pct = 30\n");
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    CHECK(A.running >= RH_RUNNING_REDUCE);
    /* session 33 (run33): the next morning not told, the stiffness of
     * this known arthritis easing with movement and nothing above 3/10
     * keeps the running (@r33_known_oa_eases_moving); the visit stays */
    run_oa("1100", "3", "", "signs = none\n");
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    CHECK_INT(A.running, RH_RUNNING_CONTINUE);
    run_oa("1100", "4", "", "signs = none\n");
    CHECK(A.running >= RH_RUNNING_REDUCE);
}

/* usual_run_if is read as a running level and belongs to a condition */
static void test_session13_usual_run_if_parsed(void)
{
    const struct rh__kb *kb = rh__kb_get(NULL);
    CHECK(kb != NULL);
    int n = 0;
    for (int r = 0; kb && r < kb->n_rules; r++)
        if (kb->rules[r].kind == RULE_USUAL_RUN_IF) {
            n++;
            CHECK(kb->rules[r].owner >= 0);
            CHECK(kb->rules[r].level >= RH_RUNNING_CONTINUE && kb->rules[r].level < RH_RUNNING__COUNT);
        }
    CHECK(n >= 1);
}

/* Session 14 (b15ret): a first bout of pain that has gone from none to 7/10
 * or more within three days, suddenly, with no injury, has risen fast
 * (data/red_flags.txt worsening_fast; HerniaSurge18, Finucane20). Not with
 * an injury, at 6/10, nor on the fourth day. */
static void run_sudden(const char *days, const char *now, const char *event)
{
    char text[512];
    snprintf(text, sizeof text,
             "age = 40\nsex = female\nside = left\nlocation = groin\nonset = sudden\n"
             "onset_event = %s\nepisodes = first\nduration_days = %s\npain_now = %s\n"
             "pain_worst = %s\ncharacter = sharp\n",
             event, days, now, now);
    run_text(text);
}

static void test_session14_sudden_severe_first_bout(void)
{
    run_sudden("1", "8", "none");
    CHECK(flag("worsening_fast") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    run_sudden("3", "7", "none");
    CHECK(flag("worsening_fast") != NULL);
    run_sudden("1", "8", "sprint");
    CHECK(flag("worsening_fast") == NULL);
    run_sudden("1", "6", "none");
    CHECK(flag("worsening_fast") == NULL);
    run_sudden("4", "8", "none");
    CHECK(flag("worsening_fast") == NULL);
}

/* Session 14 (b15ret): numbness or tingling is a nerve's, not a tight TFL's
 * nor a hip flexor tendon's (as for the gluteal tendons and the band):
 * a numb, tingling front-outer thigh ranks the nerve above both. */
static double cond_score(const char *id)
{
    for (int k = 0; k < rh_assess_condition_count(); k++)
        if (strcmp(A.conditions[k].id, id) == 0)
            return A.conditions[k].score;
    return -1.0;
}

static void test_session14_numb_is_not_a_tendon(void)
{
    static const char base[] = "age = 30\nsex = female\nside = right\nlocation = front, outer_thigh\n"
                               "onset = gradual\nduration_days = 14\npain_now = 2\n";
    char text[512];
    snprintf(text, sizeof text, "%scharacter = dull_ache\n", base);
    run_text(text);
    double tfl = cond_score("tfl_tightness"), hft = cond_score("hip_flexor_tendinopathy");
    snprintf(text, sizeof text, "%scharacter = numbness, tingling\n", base);
    run_text(text);
    CHECK(cond_score("tfl_tightness") < tfl);
    CHECK(cond_score("hip_flexor_tendinopathy") < hft);
    CHECK(cond_score("lumbar_referred") > cond_score("tfl_tightness"));
    CHECK(cond_score("lumbar_referred") > cond_score("hip_flexor_tendinopathy"));
}

/* Session 14 (b15ret): a short flare of known hip osteoarthritis (under
 * three weeks, nothing above 6/10, no limp, no rest or night pain) is the
 * runner's own flare plan (NICE-OA): a change of training, not a
 * physiotherapist; a limp, night pain or a month keeps the physiotherapist. */
static void test_session14_known_oa_flare(void)
{
    static const char base[] = "age = 74\nsex = female\nhistory = osteoarthritis\nlocation = groin\n";
    char text[512];
    snprintf(text, sizeof text, "%sworse_with = after_run, walking\nduration_days = 5\n", base);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_osteoarthritis");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sworse_with = after_run, walking\nduration_days = 30\n", base);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sworse_with = after_run, night\nduration_days = 5\n", base);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sworse_with = after_run\nsigns = limp\nduration_days = 5\n", base);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
}

/* Session 14 (b15ret): deep buttock pain on sitting or the figure-4 with
 * nothing of a nerve is muscle pain (Hopayian10); with pain down the leg or
 * tingling it stays a nerve's. */
static void test_session14_buttock_sitting_muscle(void)
{
    run_text("age = 35\nlocation = buttock\nworse_with = sitting\ntest_cross_legged = yes\n");
    CHECK(A.pain_type == RH_PAIN_MUSCLE);
    run_text("age = 35\nlocation = buttock, down_leg\ncharacter = tingling, radiating\n"
             "worse_with = sitting\ntest_cross_legged = yes\n");
    CHECK(A.pain_type == RH_PAIN_NERVE || A.pain_type == RH_PAIN_MIXED);
    CHECK(A.pain_type != RH_PAIN_MUSCLE);
}

/* ---- session 14, branch flagexc: a red flag's exception written once ---- */

/* "unless = EXPRESSION | reason | source" in a flag's block: parsed by the
 * loader with the flag's other rules; a malformed line, an unknown word or
 * term, a misspelt key and a line that could pass its buffer are refused
 * with the file and line. */
static void test_session14_unless_loader(void)
{
    struct rh_err err;
    static char fl[8192];
    snprintf(fl, sizeof fl, "%sunless = age>50 & ?signs & !signs:limp | older, no limp | X\n",
             OK_FLAGS);
    CHECK_INT(kb_try(COND_HEAD, fl, OK_RULES, &err), 0);
    int n = 0;
    for (int r = 0; r < KB.n_rules; r++)
        if (KB.rules[r].kind == RULE_FLAG_UNLESS) {
            n++;
            CHECK_INT(KB.rules[r].owner, 0);
            CHECK_STR(KB.rules[r].reason, "older, no limp");
            CHECK_STR(KB.rules[r].source, "X");
        }
    CHECK_INT(n, 1);
    /* malformed: no source; an empty expression */
    snprintf(fl, sizeof fl, "%sunless = age>50 | older\n", OK_FLAGS);
    CHECK_INT(kb_try(COND_HEAD, fl, OK_RULES, &err), RH_ESYNTAX);
    CHECK(strstr(err.msg, "expected 'EXPRESSION | reason | source'") != NULL);
    CHECK_INT(err.line, 6);
    snprintf(fl, sizeof fl, "%sunless =  | older | X\n", OK_FLAGS);
    CHECK_INT(kb_try(COND_HEAD, fl, OK_RULES, &err), RH_ESYNTAX);
    snprintf(fl, sizeof fl, "%sunless = age>50 |  | X\n", OK_FLAGS);
    CHECK_INT(kb_try(COND_HEAD, fl, OK_RULES, &err), RH_ESYNTAX);
    /* unknown words, keys and terms */
    snprintf(fl, sizeof fl, "%sunless = signs:purple | r | X\n", OK_FLAGS);
    CHECK_INT(kb_try(COND_HEAD, fl, OK_RULES, &err), RH_ESYNTAX);
    CHECK_INT(err.line, 6);
    snprintf(fl, sizeof fl, "%sunless = @no_such_term | r | X\n", OK_FLAGS);
    CHECK(kb_try(COND_HEAD, fl, OK_RULES, &err) != 0);
    snprintf(fl, sizeof fl, "%sunles = age>50 | r | X\n", OK_FLAGS);
    CHECK_INT(kb_try(COND_HEAD, fl, OK_RULES, &err), RH_EKEY);
    CHECK(strstr(err.msg, "unknown key 'unles'") != NULL);
    /* a condition has no exception of this kind */
    char cond[1024];
    snprintf(cond, sizeof cond, "%sunless = age>50 | r | X\n", COND_HEAD);
    CHECK_INT(kb_try(cond, OK_FLAGS, OK_RULES, &err), RH_EKEY);
    /* an exception's reason with its answers is bounded by
     * RH_ASSESS_FLAG_WHY_LEN (check_shown_length). Up to session 14 (3072
     * bytes) the 24 alternatives below passed it and were refused; since
     * session 15 (4096, the stress-fracture flag's exceptions and
     * escalations together needed 3470) the bound of their answers, each
     * answer counted once, fits, and the loader takes them: no single
     * expression the loader accepts can now pass the bound with these
     * answers. The refusal itself is the flag reason's, tested in
     * test_kb_explanation_fits. */
    static char reason[KB_TEXT];
    memset(reason, 'r', KB_TEXT - 1);
    reason[KB_TEXT - 1] = '\0';
    size_t k = (size_t)snprintf(fl, sizeof fl, "%sunless = ", OK_FLAGS);
    for (int i = 0; i < 24; i++)
        k += (size_t)snprintf(fl + k, sizeof fl - k,
                              "%sage>km_change_pct & pain_now>=pain_worst & weekly_km<duration_days",
                              i ? " | " : "");
    snprintf(fl + k, sizeof fl - k, " | %s | X\n", reason);
    CHECK_INT(kb_try(COND_HEAD, fl, OK_RULES, &err), 0);
}

/* The exception's own refusal (RULE_FLAG_UNLESS in check_shown_length):
 * an exception whose reason, source and answers could together pass
 * RH_ASSESS_FLAG_WHY_LEN is refused where it is written, with the file,
 * the line and the flag's name, not cut short when a runner meets it. The
 * 24 alternatives above fit since session 15; 48 of them cannot. */
static void test_unless_too_long_refused(void)
{
    struct rh_err err;
    /* an expression is at most 1919 bytes as written (a term 1023), so the
     * long one is made of named terms (data/terms.txt): "@half | @half" is
     * written out as both copies, each answer explained where it stands;
     * @whole is 48 alternatives, @half 24 */
    static char terms[4096], fl[4096];
    size_t k = (size_t)snprintf(terms, sizeof terms, "term = quarter | ");
    for (int i = 0; i < 12; i++)
        k += (size_t)snprintf(terms + k, sizeof terms - k,
                              "%sage>km_change_pct & pain_now>=pain_worst & weekly_km<duration_days",
                              i ? " | " : "");
    snprintf(terms + k, sizeof terms - k,
             " | q | S\nterm = half | @quarter | @quarter | h | S\n"
             "term = whole | @half | @half | w | S\n");
    static char reason[KB_TEXT];
    memset(reason, 'r', KB_TEXT - 1);
    reason[KB_TEXT - 1] = '\0';
    snprintf(fl, sizeof fl, "%sunless = @whole | %s | X\n", OK_FLAGS, reason);
    int rc = kb_try_terms(terms, COND_HEAD, fl, OK_RULES, &err);
    CHECK_INT(rc, RH_ELIMIT);
    CHECK_INT(err.line, 6);
    CHECK(strstr(err.msg, "the exception of red flag [trauma]") != NULL);
    CHECK(strstr(err.msg, "RH_ASSESS_FLAG_WHY_LEN") != NULL);
    /* one copy of it, with the same reason, fits and is taken */
    snprintf(terms + k, sizeof terms - k, " | q | S\nterm = half | @quarter | @quarter | h | S\n");
    snprintf(fl, sizeof fl, "%sunless = @half | %s | X\n", OK_FLAGS, reason);
    CHECK_INT(kb_try_terms(terms, COND_HEAD, fl, OK_RULES, &err), 0);
}

static bool set_aside(const char *id)
{
    for (int i = 0; i < A.n_set_aside; i++)
        if (strcmp(A.set_aside[i].id, id) == 0)
            return true;
    return false;
}

/* session 33 (run33): a line of the pain type's reasons says these words */
static bool pain_says(const char *words)
{
    for (int i = 0; i < A.pain_type_why.n; i++)
        if (strstr(A.pain_type_why.text[i], words))
            return true;
    return false;
}

static bool running_says(const char *words)
{
    for (int i = 0; i < A.running_why.n; i++)
        if (strstr(A.running_why.text[i], words))
            return true;
    return false;
}

/* Rule 1: two days after an ultra, aching and tight in both legs and many
 * places, hopping hurts on both sides, waddling: the soreness of the race
 * (Cheung03), said once as the stress-fracture flag's exception; the same
 * hop pain on one side is still the flag. */
static const char *s14_race =
    "age = 40\nsex = male\nlocation = front, groin, outer, outer_thigh, buttock, low_back\n"
    "duration_days = 2\nepisodes = first\ncharacter = dull_ache, tight, sharp\n"
    "pain_now = 5\npain_worst = 6\nworse_with = stairs, rising, squatting, walking, morning\n"
    "better_with = movement, massage\nsigns = limp\ntest_hop = yes\n"
    "test_single_leg_stand = yes\nweekly_km = 70\nrecent_change = race\n";

static void test_session14_race_soreness(void)
{
    char text[1024];
    snprintf(text, sizeof text, "%sside = both\n", s14_race);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(flag("worsening_fast") == NULL);
    CHECK(set_aside("stress_fracture_signs"));
    CHECK(A.n_set_aside >= 1 && strstr(A.set_aside[0].why, "muscle soreness of the race") != NULL);
    CHECK(A.n_set_aside >= 1 && strstr(A.set_aside[0].why, "side=both") != NULL);
    CHECK(A.n_set_aside >= 1 && strstr(A.set_aside[0].why, "[Cheung03; DOMS; RobertsonWood17]") != NULL);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_json(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "\"red_flags_set_aside\":[{\"id\":\"stress_fracture_signs\"") != NULL);
    rh_buf_release(&b);
    rh_buf_init(&b, 0);
    CHECK_INT(rh_assessment_to_text(&A, &b), 0);
    CHECK(b.data && strstr(b.data, "CHECKED, NOT A WARNING SIGN HERE") != NULL);
    /* said once, however many triggers it set aside */
    const char *first = b.data ? strstr(b.data, "CHECKED, NOT A WARNING SIGN HERE: Pain that could") : NULL;
    CHECK(first != NULL && strstr(first + 10, "NOT A WARNING SIGN HERE: Pain that could") == NULL);
    /* words16: after the verdict, not before it; its reason names the
     * answers given first, five of them, and how many more */
    const char *todo = b.data ? strstr(b.data, "WHAT TO DO NOW") : NULL;
    const char *causes = b.data ? strstr(b.data, "MOST LIKELY CAUSES") : NULL;
    CHECK(todo != NULL && first != NULL && todo < first);
    CHECK(causes != NULL && first != NULL && first < causes);
    const char *because = first ? strstr(first, "(because ") : NULL;
    const char *shut = because ? strchr(because, ')') : NULL;
    int commas = 0;
    for (const char *q = because; q && q < shut; q++)
        commas += *q == ',';
    CHECK(because != NULL && shut != NULL && commas <= 4);
    CHECK(because != NULL && strstr(because, "you ran a race") != NULL &&
          strstr(because, "other answers)") != NULL && strstr(because, "other answers)") < shut + 1);
    rh_buf_release(&b);
    /* the near misses: one side; night pain; a past stress fracture; five
     * days on; an injury that began it */
    snprintf(text, sizeof text, "%sside = left\n", s14_race);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    CHECK_INT(A.n_set_aside, 0);
    snprintf(text, sizeof text, "%sside = both\nhistory = stress_fracture_before\n", s14_race);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%s", s14_race);
    char *w = strstr(text, "worse_with = stairs");
    CHECK(w != NULL);
    if (w) {
        char t2[1200];
        snprintf(t2, sizeof t2, "%.*sworse_with = night, stairs%s", (int)(w - text), text,
                 w + strlen("worse_with = stairs"));
        strcat(t2, "side = both\n");
        run_text(t2);
        CHECK(flag("stress_fracture_signs") != NULL || flag("night_or_rest_pain") != NULL);
        CHECK(!set_aside("stress_fracture_signs"));
    }
    snprintf(text, sizeof text, "%sside = both\n", s14_race);
    char *d = strstr(text, "duration_days = 2");
    if (d)
        d[16] = '5';
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%sside = both\nonset = sudden\nonset_event = pop\n", s14_race);
    run_text(text);
    CHECK(!set_aside("stress_fracture_signs"));
}

/* Rule 2: an adult's pop in a sprint rep with a bruise and a limp is a torn
 * muscle, not a stress fracture (Askling07, Serner17); a teenager's is the
 * avulsion of the trauma flag; not taking weight keeps the flag. */
static const char *s14_pop =
    "sex = male\nside = right\nlocation = front\nonset = sudden\nonset_event = pop\n"
    "duration_days = 4\nepisodes = first\ncharacter = sharp\npain_now = 1\npain_worst = 3\n"
    "worse_with = kicking, stairs, walking, rising\ntest_resisted_knee_lift = yes\n"
    "weekly_km = 45\nrecent_change = speedwork\n";

static void test_session14_adult_pop_bruise(void)
{
    char text[1024];
    snprintf(text, sizeof text, "%sage = 35\nsigns = bruising, limp\n", s14_pop);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(set_aside("stress_fracture_signs"));
    CHECK(A.n_set_aside >= 1 && strstr(A.set_aside[0].why, "a torn muscle") != NULL);
    CHECK(A.n_set_aside >= 1 && strstr(A.set_aside[0].why, "[Askling07; Serner17; RobertsonWood17]") != NULL);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
    /* a teenager: the avulsion flag */
    snprintf(text, sizeof text, "%sage = 15\nsigns = bruising, limp\n", s14_pop);
    run_text(text);
    CHECK(flag("trauma") != NULL);
    CHECK(!set_aside("stress_fracture_signs"));
    /* no bruise, or no weight on the leg: the exception does not hold */
    snprintf(text, sizeof text, "%sage = 35\nsigns = limp\n", s14_pop);
    run_text(text);
    CHECK(!set_aside("stress_fracture_signs"));
    snprintf(text, sizeof text, "%sage = 35\nsigns = bruising, cannot_bear_weight\n", s14_pop);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL || flag("cannot_bear_weight") != NULL);
    CHECK(!set_aside("stress_fracture_signs"));
}

/* Session 15 (branch overtri): the stress-fracture flag's first trigger
 * kept its exception inline; it is now the flag's unless
 * (@bruised_strain_walks_painfree): a sudden slip that has bruised, hop
 * painful, walking painless and no limp is a strained muscle, said once as
 * set aside; a limp, walking pain or breastfeeding keeps the flag. */
static const char *s15_slip =
    "age = 30\nsex = female\nside = left\nlocation = groin\nonset = sudden\n"
    "onset_event = slip\nduration_days = 5\ncharacter = sharp\npain_now = 2\npain_worst = 5\n"
    "test_hop = yes\ntest_squeeze = yes\nweekly_km = 30\n";

static void test_session15_bruised_strain_unless(void)
{
    char text[1024];
    snprintf(text, sizeof text, "%ssigns = bruising\nworse_with = kicking, stairs\n", s15_slip);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(set_aside("stress_fracture_signs"));
    CHECK(A.n_set_aside >= 1 && strstr(A.set_aside[0].why, "a strained muscle") != NULL);
    CHECK(A.n_set_aside >= 1 &&
          strstr(A.set_aside[0].why, "[Serner17; Askling07; RobertsonWood17]") != NULL);
    /* a limp, walking pain or breastfeeding: the flag stands */
    snprintf(text, sizeof text, "%ssigns = bruising, limp\nworse_with = kicking\n", s15_slip);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%ssigns = bruising\nworse_with = walking\n", s15_slip);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%ssigns = bruising\nworse_with = kicking\nhistory = breastfeeding\n",
             s15_slip);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* no bruise: the hop pain is the flag's */
    snprintf(text, sizeof text, "%sworse_with = kicking\n", s15_slip);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
}

/* Session 15 (branch overtri): a weak side with a dropping pelvis and pain
 * "shooting" down the outer thigh from a bony point sore to press is a
 * gluteal tendon's referral (GrimaldiFearon15), not a nerve deficit; with
 * tingling, low back pain or pain below the knee it stays the nerve flag. */
static const char *s15_gt =
    "age = 38\nsex = female\nside = right\nlocation = outer, outer_thigh, buttock\n"
    "onset = gradual\nduration_days = 60\npain_now = 4\npain_worst = 6\n"
    "worse_with = lying_on_side, stairs, standing_one_leg\nsigns = weak_one_side\n"
    "test_press_outer = yes\ntest_single_leg_stand = yes\n";

static void test_session15_tendon_referral_not_nerve(void)
{
    char text[1024];
    snprintf(text, sizeof text, "%scharacter = dull_ache, radiating\n", s15_gt);
    run_text(text);
    CHECK(flag("neuro_deficit") == NULL);
    snprintf(text, sizeof text, "%scharacter = dull_ache, radiating, tingling\n", s15_gt);
    run_text(text);
    CHECK(flag("neuro_deficit") != NULL);
    snprintf(text, sizeof text, "%scharacter = dull_ache, radiating\ntest_press_outer = no\n",
             "age = 38\nsex = female\nside = right\nlocation = outer, outer_thigh, buttock\n"
             "onset = gradual\nduration_days = 60\npain_now = 4\npain_worst = 6\n"
             "worse_with = lying_on_side, stairs, standing_one_leg\nsigns = weak_one_side\n"
             "test_single_leg_stand = yes\n");
    run_text(text);
    CHECK(flag("neuro_deficit") != NULL);
}

/* Session 15 (branch overtri): night sweats in a woman of 45 to 55 whose
 * hip pain behaves like a strain are the menopause transition's hot flushes
 * (NICE-NG23, Mold12): no cancer flag, an advice line says what would make
 * them one; a man, weight loss or pain at rest keep the flag. */
static const char *s15_sweats =
    "age = 49\nside = right\nlocation = outer, outer_thigh\nonset = gradual\n"
    "duration_days = 70\npain_now = 4\npain_worst = 7\nbetter_with = movement, heat\n"
    "test_press_outer = yes\n";

static void test_session15_menopausal_sweats(void)
{
    char text[1024];
    snprintf(text, sizeof text, "%ssex = female\nsigns = night_sweats\n"
             "worse_with = lying_on_side, night, stairs\n", s15_sweats);
    run_text(text);
    CHECK(flag("cancer_or_weight_loss") == NULL);
    CHECK(advice_has("hot flushes of the menopause transition"));
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%ssex = male\nsigns = night_sweats\n"
             "worse_with = lying_on_side, night, stairs\n", s15_sweats);
    run_text(text);
    CHECK(flag("cancer_or_weight_loss") != NULL);
    CHECK(!advice_has("hot flushes of the menopause transition"));
    snprintf(text, sizeof text, "%ssex = female\nsigns = night_sweats, weight_loss\n"
             "worse_with = lying_on_side, stairs\n", s15_sweats);
    run_text(text);
    CHECK(flag("cancer_or_weight_loss") != NULL);
    snprintf(text, sizeof text, "%ssex = female\nsigns = night_sweats\nworse_with = rest, stairs\n",
             s15_sweats);
    run_text(text);
    CHECK(flag("cancer_or_weight_loss") != NULL);
}

/* Session 15 (branch overtri): after a birth without breastfeeding, a
 * pelvis that drops on a side felt weak, without pain on standing on it,
 * runs at 5/10 or less, is weak hip muscles, not the stress-fracture flag
 * (Grimaldi11, Goom19); pain on standing on the leg or breastfeeding keep it. */
static const char *s15_pp =
    "age = 31\nsex = female\nside = right\nlocation = buttock, outer\nonset = gradual\n"
    "duration_days = 30\ncharacter = dull_ache, tight\npain_now = 1\npain_run = 3\n"
    "pain_worst = 4\ntest_single_leg_stand = yes\ncheck_weak_side = yes\n"
    "recent_change = return_from_break\n";

static void test_session15_postpartum_weak_side(void)
{
    char text[1024];
    snprintf(text, sizeof text, "%sworse_with = after_run, run_later\nhistory = postpartum\n", s15_pp);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    snprintf(text, sizeof text,
             "%sworse_with = after_run, standing_one_leg\nhistory = postpartum\n", s15_pp);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text,
             "%sworse_with = after_run, run_later\nhistory = postpartum, breastfeeding\n", s15_pp);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
}

/* Session 15 (branch overtri): pain at the front of the pelvis on both
 * sides after a birth, on stairs and standing on one leg, no hop pain, is
 * pelvic girdle pain (Vleeming08): the stress-fracture flag is set aside;
 * one side, breastfeeding or a painful hop keep it. */
static const char *s15_pgp =
    "age = 29\nsex = female\nlocation = groin, front\nonset = gradual\nduration_days = 70\n"
    "pain_now = 4\npain_run = 6\npain_worst = 7\n"
    "worse_with = stairs, standing_one_leg, rising, walking, after_run\n"
    "recent_change = return_from_break\n";

static void test_session15_postpartum_pelvic_girdle(void)
{
    char text[1024];
    snprintf(text, sizeof text, "%sside = both\nhistory = postpartum\n", s15_pgp);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(set_aside("stress_fracture_signs"));
    CHECK(A.n_set_aside >= 1 && strstr(A.set_aside[0].why, "pelvic girdle") != NULL);
    snprintf(text, sizeof text, "%sside = left\nhistory = postpartum\n", s15_pgp);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%sside = both\nhistory = postpartum, breastfeeding\n", s15_pgp);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%sside = both\nhistory = postpartum\ntest_hop = yes\n", s15_pgp);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
}

/* Session 30, branch over30: one-sided pain low in the back of the pelvis
 * after a birth, without breastfeeding, that standing on that leg, stairs
 * and rising bring on, the hop not done, is pelvic girdle (sacroiliac)
 * pain for a pelvic-health physiotherapist, not a sacral stress fracture
 * (data/terms.txt postpartum_sacroiliac_girdle; Vleeming08, Goom19;
 * blind17 test 4277, blind26 dev 4941). Breastfeeding, a painful hop, a
 * jump in running, night pain or a bone risk factor keep the flag. */
static void test_session30_over30_sacroiliac_girdle(void)
{
    char text[1024];
    static const char *sij = "age = 31\nsex = female\nside = left\nlocation = buttock, low_back\n"
                             "onset = gradual\nduration_days = 40\ncharacter = dull_ache\n"
                             "pain_now = 2\npain_run = 5\n";
    snprintf(text, sizeof text,
             "%sworse_with = standing_one_leg, stairs, rising, walking\nhistory = postpartum\n",
             sij);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(set_aside("stress_fracture_signs"));
    CHECK_INT(A.disposition, RH_DISP_SEE_PHYSIO);
    /* each warning keeps the flag */
    snprintf(text, sizeof text,
             "%sworse_with = standing_one_leg, stairs, rising, walking\n"
             "history = postpartum, breastfeeding\n",
             sij);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text,
             "%sworse_with = standing_one_leg, stairs, rising, walking\nhistory = postpartum\n"
             "test_hop = yes\n",
             sij);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text,
             "%sworse_with = standing_one_leg, stairs, rising, walking\nhistory = postpartum\n"
             "km_change_pct = 60\n",
             sij);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text,
             "%sworse_with = standing_one_leg, stairs, night\nhistory = postpartum\n", sij);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text,
             "%sworse_with = standing_one_leg, stairs, rising, walking\n"
             "history = postpartum, low_bone_density\n",
             sij);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
}

/* Rule 3: claudication (the arteries' cause kept first) is treated by
 * walking: running is reduced, not stopped (NICE CG147, ESC 2017), and its
 * reason reaches the runner whole. */
static void test_session14_claudication_reduce(void)
{
    run_text("age = 74\nsex = male\nside = right\nlocation = buttock, outer_thigh\n"
             "onset = gradual\nduration_days = 90\nepisodes = recurring\n"
             "character = tight, dull_ache\npain_now = 0\npain_run = 6\n"
             "worse_with = walking, hills, run_later\nbetter_with = rest\n"
             "test_cross_legged = no\n");
    bool kept = false; /* the arteries' cause kept in the top three, by its name */
    for (int i = 0; i < 3 && i < A.n_conditions; i++)
        kept |= strcmp(A.conditions[i].id, "serious_pathology") == 0 &&
                strstr(A.conditions[i].name, "narrowed arteries") != NULL;
    CHECK(kept);
    CHECK_INT(A.disposition, RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.running, RH_RUNNING_REDUCE);
    CHECK(running_says("claudication is treated by walking into the pain"));
    CHECK(running_says("[NICE-CG147; Aboyans18]")); /* whole, its source at the end */
    /* the same with a past cancer: the cause is not the arteries' alone */
    run_text("age = 74\nsex = male\nside = right\nlocation = buttock, outer_thigh\n"
             "onset = gradual\nduration_days = 90\nepisodes = recurring\n"
             "character = tight, dull_ache\npain_now = 0\npain_run = 6\n"
             "worse_with = walking, hills, run_later\nbetter_with = rest\n"
             "history = cancer\n");
    CHECK(!running_says("claudication is treated by walking into the pain"));
}

/* ---- session 15, branch b16ret: the retired blind16 test half ---- */

/* Session 15 (b16ret): the band's pain stopping runs (7/10) beyond two
 * weeks with both signs of weak hip abductors (the pelvis drops, the side
 * feels weaker) goes to a physiotherapist's abductor programme
 * (Fredericson00); at 6/10, within two weeks or with one sign it stays a
 * change of training. */
static void test_session15_itb_weak_abductors(void)
{
    static const char base[] = "age = 36\nsex = female\nlocation = outer_knee, outer_thigh\n"
                               "onset = gradual\nworse_with = run_later, hills\npain_now = 0\n"
                               "pain_next_morning = 2\ntest_press_outer = no\n";
    char text[512];
    snprintf(text, sizeof text, "%spain_run = 7\nduration_days = 25\ntest_single_leg_stand = yes\ncheck_weak_side = yes\n", base);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "itb_syndrome");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%spain_run = 6\nduration_days = 25\ntest_single_leg_stand = yes\ncheck_weak_side = yes\n", base);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%spain_run = 7\nduration_days = 12\ntest_single_leg_stand = yes\ncheck_weak_side = yes\n", base);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%spain_run = 7\nduration_days = 25\ntest_single_leg_stand = yes\ncheck_weak_side = no\n", base);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
}

/* Session 15 (b16ret): a pelvic avulsion is a fracture of 11 to 17
 * (Eberbach17): at 18 a sprint injury with a bruise, walking with pain, is a
 * strain a physiotherapist grades; a limp at 18, or the same bruise at 17,
 * keeps the X-ray within days. */
static void test_session15_avulsion_ages(void)
{
    static const char story[] = "sex = male\nlocation = groin\nonset = sudden\nonset_event = sprint\n"
                                "duration_days = 2\npain_now = 4\npain_worst = 7\ntest_hop = no\n"
                                "worse_with = kicking, walking\ntest_squeeze = yes\n";
    char text[512];
    snprintf(text, sizeof text, "age = 18\n%ssigns = bruising\n", story);
    run_text(text);
    CHECK(flag("trauma") == NULL);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "age = 18\n%ssigns = bruising, limp\n", story);
    run_text(text);
    CHECK(flag("trauma") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "age = 17\n%ssigns = bruising\n", story);
    run_text(text);
    CHECK(flag("trauma") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
}

/* Session 15 (b16ret): both hips aching and stiff each morning for weeks
 * after 50 with weight loss is polymyalgia rheumatica (or another
 * inflammatory disease) before arthritis (Dasgupta10, Dasgupta12); without
 * the whole-body sign it is not. */
/* Session 15 (b16ret): the pelvis dropping on a one-leg stand, away from
 * the groin, the joint and the back, is the gluteal muscles' and tendons'
 * pain (Grimaldi17); with groin pain it tells nothing of the kind. */
static void test_session15_one_leg_stand_muscle(void)
{
    run_text("age = 29\nside = both\nworse_with = after_run\ntest_single_leg_stand = yes\n"
             "strength_per_week = 0\n");
    CHECK(A.pain_type == RH_PAIN_MUSCLE);
    run_text("age = 29\nside = both\nworse_with = after_run\ntest_single_leg_stand = no\n"
             "strength_per_week = 0\n");
    CHECK(A.pain_type != RH_PAIN_MUSCLE);
}

/* Session 15 (b16ret): a 15-year-old's one-sided low back pain on twisting
 * and standing on one leg, nothing down the leg, is the pars (a bone stress
 * injury), not a nerve's pain (StandaertHerring00); with tingling down the
 * leg it stays a nerve's. */
static void test_session15_teen_pars_not_nerve(void)
{
    static const char base[] = "age = 15\nside = right\nonset = gradual\nduration_days = 35\n"
                               "character = dull_ache, sharp\npain_run = 5\npain_worst = 6\n"
                               "worse_with = standing_one_leg, twisting, run_later\n";
    char text[512];
    snprintf(text, sizeof text, "%slocation = low_back, buttock\n", base);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_JOINT || A.pain_type == RH_PAIN_UNCLEAR);
    snprintf(text, sizeof text, "%slocation = low_back, buttock, down_leg\n", base);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_NERVE || A.pain_type == RH_PAIN_MIXED);
}

/* Session 15 (b16ret): a sore tendon's physiotherapist comes over two
 * weeks (duration_days>14, clinical_facts A5), not at fourteen days. */
static void test_session15_tendon_over_two_weeks(void)
{
    static const char base[] = "age = 45\nsex = female\nlocation = outer\nworse_with = lying_on_side, stairs\n"
                               "test_press_outer = yes\npain_worst = 4\n";
    char text[512];
    snprintf(text, sizeof text, "%sduration_days = 14\n", base);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sduration_days = 15\n", base);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
}

static int serious_said(const char *words)
{
    for (int i = 0; i < A.n_conditions; i++)
        if (strcmp(A.conditions[i].id, "serious_pathology") == 0)
            for (int k = 0; k < A.conditions[i].why.n; k++)
                if (strstr(A.conditions[i].why.text[k], words))
                    return 1;
    return 0;
}

static void test_session15_girdle_stiffness_systemic(void)
{
    static const char base[] = "age = 70\nsex = female\nside = both\n"
                               "location = buttock, outer_thigh, groin\nonset = gradual\n"
                               "character = dull_ache, tight\npain_now = 4\n"
                               "pain_worst = 6\nworse_with = morning, rising, stairs\n"
                               "better_with = movement, warm_up\ntest_hop = no\n";
    char text[512];
    snprintf(text, sizeof text, "%sduration_days = 35\nsigns = weight_loss, reduced_motion\n", base);
    run_text(text);
    CHECK(strcmp(A.conditions[0].id, "serious_pathology") == 0 ||
          strcmp(A.conditions[1].id, "serious_pathology") == 0);
    CHECK(serious_said("polymyalgia rheumatica"));
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%sduration_days = 35\nsigns = reduced_motion\n", base);
    run_text(text);
    CHECK(!serious_said("polymyalgia rheumatica"));
    snprintf(text, sizeof text, "%sduration_days = 7\nsigns = weight_loss, reduced_motion\n", base);
    run_text(text);
    CHECK(!serious_said("polymyalgia rheumatica"));
}

/* Session 16 (branch overtri2): rules that a general sign separates, each
 * with the answers that keep the higher level. */
/* Session 18 (b20ret, blind20 retired): rules read from blind20 and from the
 * kinds of over-triage left across every non-frozen set, each with the
 * answer that keeps the old level. */
static void test_session18_b20ret(void)
{
    /* a weak leg with a numb foot: within days when walking only hurts; a
     * limp or pain that nothing eases keeps today */
    static const char *root =
        "age = 46\nsex = male\nside = right\nlocation = buttock, down_leg, low_back\n"
        "onset = gradual\nduration_days = 21\ncharacter = radiating, numbness, tingling, sharp\n"
        "pain_now = 5\npain_worst = 8\nworse_with = sitting, cough_sneeze, walking\n"
        "signs = numb_foot, weak_one_side\nhistory = back_problems\n";
    char text[1024];
    snprintf(text, sizeof text, "%sbetter_with = movement\n", root);
    run_text(text);
    CHECK(flag("neuro_deficit") != NULL);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%sbetter_with = nothing\n", root);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text,
             "age = 46\nsex = male\nside = right\nlocation = buttock, down_leg, low_back\n"
             "onset = gradual\nduration_days = 21\ncharacter = radiating, numbness\n"
             "worse_with = sitting, walking\nbetter_with = movement\n"
             "signs = numb_foot, weak_one_side, limp\n");
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    /* soreness in both legs two days after a race, the signs not asked:
     * an ache moving eases is walked on (no stress-fracture flag, self
     * care); eased only by rest, the flag stays */
    static const char *race =
        "age = 38\nsex = female\nside = both\n"
        "location = front, outer_thigh, buttock, groin, low_back, outer\nonset = gradual\n"
        "duration_days = 2\ncharacter = dull_ache, tight, sharp\npain_now = 6\npain_run = 9\n"
        "pain_worst = 9\npain_next_morning = 8\nworse_with = stairs, rising, walking, morning\n"
        "recent_change = race\nkm_change_pct = 40\n";
    snprintf(text, sizeof text, "%sbetter_with = movement, massage\n", race);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%sbetter_with = rest\n", race);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    /* a recurring band's pain of 7/10 within four weeks that settles by the
     * next morning: a change of training; not settling, a physiotherapist */
    static const char *band =
        "age = 38\nsex = male\nside = left\nlocation = outer_knee, outer_thigh\n"
        "onset = gradual\nduration_days = 25\nepisodes = recurring\ncharacter = sharp, tight\n"
        "pain_now = 1\npain_run = 6\npain_worst = 7\nworse_with = run_later, hills\n"
        "better_with = rest\ntest_press_outer = no\n";
    snprintf(text, sizeof text, "%spain_next_morning = 2\n", band);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%spain_next_morning = 4\n", band);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    /* a limp with groin pain at 16: a girl's growth plate has closed (no
     * slipped growth plate, within days); a boy of 16 and a girl of 15 are
     * seen today */
    static const char *teen =
        "side = left\nlocation = groin, front, deep\nonset = gradual\nduration_days = 42\n"
        "character = dull_ache\npain_now = 3\nworse_with = walking, run_later\nsigns = limp\n";
    snprintf(text, sizeof text, "age = 16\nsex = female\n%s", teen);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(!why_says("slipped growth plate"));
    snprintf(text, sizeof text, "age = 16\nsex = male\n%s", teen);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "age = 15\nsex = female\n%s", teen);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "age = 16\n%s", teen);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
}

/* Session 17 (b19ret, blind19 retired): a sharp lock a movement brings on
 * is a recurring lock (a doctor within days); the band's outside pattern
 * is no stress fracture after a rise in load and, after a cancer, its own
 * care; the iliopsoas found by its tests, with no bone-loading story, is
 * not the walking stress-fracture sign; a bruise after a sprint is muscle
 * pain. Each with the answer that keeps the old level. */
/* session 18 (b21ret, retired blind21 4597): one side that feels weaker
 * in pain of two months that keeps coming back is a change of training
 * (strength work for that side), not self care; without the weak side the
 * same mild desk-worker's tight hip flexors stay self care (blind2 001,
 * blind6 605, blind7 1029, blind11 1715). data/assess_rules.txt,
 * Fredericson00, Mucha17. */
static void test_session18_b21ret_weak_side(void)
{
    static const char *desk =
        "age = 29\nsex = male\nside = both\nlocation = front\nonset = gradual\n"
        "character = tight, dull_ache\n"
        "pain_now = 2\npain_run = 2\npain_worst = 3\npain_next_morning = 1\n"
        "worse_with = sitting, rising, run_start\nbetter_with = warm_up, stretching, movement\n"
        "test_hip_flexor_length = yes\ntest_resisted_knee_lift = no\ntest_knee_to_chest = no\n"
        "sitting_hours = 11\nstrength_per_week = 0\nweekly_km = 20\n";
    static const char *months = "duration_days = 60\nepisodes = recurring\n";
    char text[1024];
    snprintf(text, sizeof text, "%s%scheck_weak_side = no\n", desk, months);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%s%scheck_weak_side = yes\n", desk, months);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(A.n_flags == 0);
    /* a first bout of five days with a weaker side: the old level */
    snprintf(text, sizeof text, "%sduration_days = 5\nepisodes = first\ncheck_weak_side = yes\n",
             desk);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
}

/* session 18 (b21ret, retired blind21 4553): a click that has hurt at most
 * 2/10, without catching or locking, is a snapping hip (self care, keep
 * running), no place told; with catching, or at 5/10, the old level. */
static void test_session18_b21ret_painless_click(void)
{
    run_text("age = 16\nsex = female\ncharacter = clicking\npain_worst = 1\ntest_knee_to_chest = no\n");
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    run_text("age = 16\nsex = female\ncharacter = clicking, catching\npain_worst = 1\n"
             "test_knee_to_chest = no\n");
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    run_text("age = 16\nsex = female\ncharacter = clicking\npain_worst = 5\ntest_knee_to_chest = no\n");
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
}

/* session 19 (b22ret, retired blind22 4633, the set's one unsafe case): a
 * hip that has been locking with a sharp groin pain for two months, with
 * nothing else answered, has locked again and again: a doctor within days
 * (data/red_flags.txt joint_locking, Groh09, Warwick16). Three weeks of it
 * stay at the flag's own level, a physiotherapist (blind 015), and a
 * painless snap told as a lock stays below a doctor. */
static bool has_flag(const char *id)
{
    for (int k = 0; k < A.n_flags; k++)
        if (strcmp(A.flags[k].id, id) == 0)
            return true;
    return false;
}

static void test_session19_b22ret_lock_weeks(void)
{
    run_text("age = 33\nside = right\nlocation = groin\ncharacter = locking, sharp\nduration_days = 60\n");
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(has_flag("joint_locking"));
    CHECK_STR(A.conditions[0].id, "labral_tear");
    run_text("age = 33\nside = right\nlocation = groin\ncharacter = locking, sharp\nduration_days = 21\n");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(has_flag("joint_locking"));
    run_text("age = 17\nside = left\nlocation = front, groin\ncharacter = snapping, clicking, locking\n"
             "duration_days = 120\nepisodes = recurring\npain_now = 1\npain_run = 2\npain_worst = 3\n");
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
}

/* session 19 (fix19c): the joint_locking flag raised to a doctor within
 * days (a lock of over six weeks, a recurring lock) says a doctor in its
 * advice, not "a physiotherapist or sports doctor" (data/red_flags.txt
 * high =); at the flag's own level (a physiotherapist) the words stay. */
static bool advice_says(const char *what)
{
    for (int i = 0; i < A.advice.n; i++)
        if (strstr(A.advice.text[i], what))
            return true;
    return false;
}

static void test_session19_fix19c_lock_advice_level(void)
{
    run_text("age = 33\nside = right\nlocation = groin\ncharacter = locking, sharp\nduration_days = 60\n");
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(!advice_says("physiotherapist or sports doctor"));
    CHECK(advice_says("A hip that locks"));
    CHECK(advice_says("doctor within days"));
    run_text("age = 33\nside = right\nlocation = groin\ncharacter = locking\nepisodes = recurring\n"
             "duration_days = 20\n");
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(!advice_says("physiotherapist or sports doctor"));
    run_text("age = 33\nside = right\nlocation = groin\ncharacter = locking, sharp\nduration_days = 21\n");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(advice_says("physiotherapist or sports doctor"));
}

/* session 19 (b22ret, retired blind22 4606): a swollen, warm and red front
 * thigh and groin for three days with no injury and no fever (a clot after
 * a long flight) is a disease for a doctor today, not a stress fracture:
 * red, warm skin lowers the stress fracture (data/conditions.txt,
 * clinical_facts F5, SepticHip). */
static void test_session19_b22ret_red_warm_not_bone(void)
{
    static const char *thigh =
        "age = 41\nsex = female\nside = left\nlocation = groin, front, deep\nonset = gradual\n"
        "onset_event = none\nduration_days = 3\ncharacter = dull_ache, tight\n"
        "pain_now = 5\npain_run = 6\npain_worst = 6\nworse_with = walking, standing_one_leg\n"
        "better_with = nothing\nrecent_change = race\n";
    char text[1024];
    snprintf(text, sizeof text, "%ssigns = swelling, warmth, redness\n", thigh);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.running == RH_RUNNING_STOP);
}

/* session 19 (b22ret, retired blind22 4629): hips that snap and catch for
 * months at 2/10 at most, with many boxes ticked, are a snapping hip first
 * (the tendon's snap is felt as a catch; SnapHip21, Yen15); the same snap
 * at 6/10 keeps the labrum's weight. data/conditions.txt snapping_hip. */
static void test_session19_b22ret_painless_snap(void)
{
    static const char *dancer =
        "age = 18\nsex = female\nside = both\nlocation = front, outer, groin\nonset = gradual\n"
        "duration_days = 200\nepisodes = recurring\ncharacter = snapping, clicking, catching, tight\n"
        "pain_run = 1\nworse_with = knee_to_chest, rising, crossing_legs, twisting, sitting\n"
        "better_with = stretching, movement\ntest_knee_to_chest = no\ntest_hop = no\n"
        "test_single_leg_stand = no\ntest_press_outer = no\ntest_hip_flexor_length = yes\n"
        "check_better_stretch = yes\nweekly_km = 20\nstrength_per_week = 2\n";
    char text[1024];
    snprintf(text, sizeof text, "%spain_now = 0\npain_worst = 2\n", dancer);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    double low = A.conditions[0].score;
    snprintf(text, sizeof text, "%spain_now = 3\npain_worst = 6\n", dancer);
    run_text(text);
    for (int k = 0; k < A.n_conditions; k++)
        if (strcmp(A.conditions[k].id, "snapping_hip") == 0)
            CHECK(A.conditions[k].score < low);
}

/* session 20 (b23ret, retired blind23 4716 and blind10 test 1512): a
 * sprint strain at the front of the hip told with neither when it happened
 * nor how bad it is goes to a physiotherapist to grade it (data/conditions.txt
 * hip_flexor_strain; Jarvinen05, Serner20); told a few days old, or with its
 * pain figures, it stays a change of training. */
static void test_session20_b23ret_strain_untimed(void)
{
    run_text("age = 25\nsex = male\nlocation = front\nonset = sudden\nonset_event = sprint\n"
             "test_resisted_knee_lift = yes\n");
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    run_text("age = 24\nonset = sudden\nonset_event = sprint\nlocation = front\n");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    /* session 30 (ret34, retired blind34 test 5984): told a few days old
     * but with a painful resisted knee lift and nothing of how bad, a
     * physiotherapist grades it as the groin strain's painful squeeze is
     * (test_session30_ret34); a few days old without the test, a change of
     * training */
    run_text("age = 22\nlocation = front\nonset = sudden\nonset_event = sprint\nduration_days = 4\n"
             "test_resisted_knee_lift = yes\n");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    run_text(
        "age = 22\nlocation = front\nonset = sudden\nonset_event = sprint\nduration_days = 4\n");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    run_text("age = 25\nlocation = front\nonset = sudden\nonset_event = sprint\npain_worst = 3\n"
             "test_resisted_knee_lift = yes\n");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
}

/* session 20 (b23ret, retired blind23 4708): front-of-hip pain on runs
 * after a birth, not breastfeeding, the hop not done, with no rise in load,
 * is not a stress fracture to rule out within days (data/red_flags.txt
 * stress_fracture_signs; Kovacs16); breastfeeding or a 60% rise in load
 * still raise the warning. */
static void test_session20_b23ret_birth_alone_not_bone(void)
{
    static const char *mum =
        "age = 27\nsex = female\nside = right\nlocation = front\nonset = gradual\n"
        "duration_days = 35\nepisodes = first\ncharacter = dull_ache\npain_now = 1\npain_run = 4\n"
        "pain_worst = 5\nworse_with = run_start, hills, stairs\nbetter_with = warm_up\n"
        "test_resisted_knee_lift = yes\ntest_hip_flexor_length = yes\ntest_knee_to_chest = no\n"
        "weekly_km = 30\n";
    char text[1024];
    snprintf(text, sizeof text, "%shistory = postpartum\nrecent_change = hills, speedwork\n", mum);
    run_text(text);
    CHECK(!has_flag("stress_fracture_signs"));
    CHECK_STR(A.conditions[0].id, "hip_flexor_tendinopathy");
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%shistory = postpartum, breastfeeding\nrecent_change = hills, speedwork\n", mum);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
    snprintf(text, sizeof text, "%shistory = postpartum\nkm_change_pct = 60\n", mum);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
}

/* session 20 (b23ret, retired blind23 4706): after a cancer, pain only at
 * the outer knee, none now, that comes on a few kilometres into a run is
 * the iliotibial band's (data/terms.txt itb_knee_only_on_runs): the cancer
 * flag is kept below a doctor's level (a change of training); the same
 * with pain at rest or at night, or at the outer hip too, stays a doctor. */
static void test_session20_b23ret_cancer_itb_knee(void)
{
    static const char *knee =
        "age = 36\nsex = male\nonset = gradual\nduration_days = 14\npain_now = 0\npain_run = 5\n"
        "recent_change = hills\nhistory = cancer\n";
    char text[1024];
    snprintf(text, sizeof text, "%slocation = outer_knee\nworse_with = run_later, hills\n", knee);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(has_flag("cancer_or_weight_loss"));
    CHECK_STR(A.conditions[0].id, "itb_syndrome");
    snprintf(text, sizeof text, "%slocation = outer_knee\nworse_with = run_later, hills, night\n", knee);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%slocation = outer_knee, outer\nworse_with = run_later, hills\n", knee);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
}

/* session 20 (b23ret, retired blind23 4694): one-sided pain low in the
 * back of the pelvis that standing on one leg brings on, after a birth, is
 * the sacroiliac joint's (pelvic girdle) pain: joint or mixed, not muscle
 * (data/assess_rules.txt [pain_type.joint]; Vleeming08). */
/* session 20 (runner20): a reason says only what was answered: "worse in
 * the morning" (worse_with = morning) was said as "short morning
 * stiffness", a stiffness and its length no answer gave */
/* session 21 (me21): a sprint or a kick told as what happened is itself a
 * sudden start; with the onset left blank a 14-year-old's kick with a
 * bruise is still a possible avulsion fracture (data/terms.txt
 * teen_avulsion: a doctor within days, no running until the X-ray), and
 * a gradual start told keeps it a tendon's overload. */
static void test_session21_me21_kick_onset_blank(void)
{
    run_text("age = 14\nonset_event = kick\nsigns = bruising\n");
    CHECK(flag("trauma") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    CHECK_INT(A.running, RH_RUNNING_STOP);
    run_text("age = 14\nonset = gradual\nonset_event = kick\nsigns = bruising\n");
    CHECK(flag("trauma") == NULL);
}

/* session 21 (me21): a pop at 13 at the sit bone, told with nothing else,
 * is examined (the growth plate of the commonest pelvic avulsion), not
 * left to a change of training; a pop at the outer hip is not. */
static void test_session21_me21_teen_pop_examined(void)
{
    run_text("age = 13\nlocation = sit_bone\nonset_event = pop\n");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    run_text("age = 14\nlocation = outer\nonset_event = pop\nsigns = none\npain_worst = 1\n");
    CHECK(A.disposition < RH_DISP_SEE_PHYSIO);
}

static void test_session20_morning_said_as_answered(void)
{
    run_text("age = 63\nsex = male\nside = right\nlocation = groin\nonset = gradual\n"
             "duration_days = 200\npain_now = 3\npain_worst = 5\n"
             "worse_with = morning, walking, stairs\n");
    int said = 0, stiff = 0;
    for (int i = 0; i < A.n_conditions; i++)
        for (int k = 0; k < A.conditions[i].why.n; k++) {
            said += strstr(A.conditions[i].why.text[k], "at its worst on getting going") != NULL;
            stiff += strstr(A.conditions[i].why.text[k], "morning stiffness") != NULL;
        }
    CHECK(said >= 1);
    CHECK_INT(stiff, 0);
}

static void test_session20_b23ret_pelvic_girdle_joint(void)
{
    run_text("age = 30\nsex = female\nside = left\nlocation = buttock, low_back\nonset = gradual\n"
             "onset_event = none\nduration_days = 40\nepisodes = first\n"
             "character = dull_ache, sharp, pinching\npain_now = 3\npain_run = 5\npain_worst = 6\n"
             "worse_with = standing_one_leg, stairs, rising, walking, crossing_legs, twisting\n"
             "better_with = heat, movement, massage\ntest_cross_legged = yes\n"
             "test_single_leg_stand = yes\ntest_hop = no\ntest_knee_to_chest = no\n"
             "test_press_outer = no\ncheck_uneven_stand = yes\ncheck_weak_side = yes\n"
             "check_sharp_socket = no\nweekly_km = 15\nstrength_per_week = 0\nsurface = mixed\n"
             "recent_change = return_from_break\nhistory = postpartum, back_problems\n");
    CHECK(A.pain_type == RH_PAIN_JOINT || A.pain_type == RH_PAIN_MIXED);
}

/* session 21 (b24ret, retired blind24 4788): at 16 or under a limp with a
 * stiff hip and no injury ranks the slipped growth plate first, before a
 * hip-flexor tendon or an impingement (data/conditions.txt
 * hip_flexor_tendinopathy, fai; Peck17, NICE-CKS-Limp), even with a
 * painless hop; a limp alone at 14 after kicking stays a tendon's. */
static void test_session21_b24ret_slip_before_tendon(void)
{
    run_text("age = 13\nsex = male\nside = left\nlocation = groin, front, deep\nonset = gradual\n"
             "onset_event = none\nduration_days = 30\nepisodes = first\ncharacter = dull_ache, tight\n"
             "pain_now = 3\npain_run = 5\npain_worst = 5\n"
             "worse_with = walking, run_start, stairs, squatting, crossing_legs, kicking, after_run\n"
             "better_with = rest, stretching\nsigns = limp, reduced_motion\ntest_knee_to_chest = yes\n"
             "test_hip_flexor_length = yes\ntest_hop = no\ntest_squeeze = no\n");
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);
}

/* session 21 (b24ret, retired blind24 4806, blind12 test 1722): a fever
 * with groin pain and no lump is not inguinal-related groin pain (a strain
 * of the abdominal wall) nor a hernia: an infection or an inflamed organ
 * ranks first (data/conditions.txt inguinal_hernia; Doha15, WSES20); with a
 * lump the hernia stays first. */
static void test_session21_b24ret_fever_not_inguinal(void)
{
    static const char *groin =
        "age = 19\nsex = male\nside = right\nlocation = groin, front\nonset = gradual\n"
        "onset_event = none\nduration_days = 1\nepisodes = first\ncharacter = dull_ache, sharp\n"
        "pain_now = 6\npain_worst = 7\nworse_with = walking, cough_sneeze, hopping\n"
        "better_with = nothing\nweekly_km = 30\n";
    char text[1024];
    snprintf(text, sizeof text, "%ssigns = fever\n", groin);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "%ssigns = lump_groin\n", groin);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "inguinal_hernia");
}

/* session 21 (b24ret, retired blind24 4815): groin pain on coughing with
 * the resisted knee lift and the squeeze both painless is neither the hip
 * flexor's nor the adductor's: inguinal-related groin pain first, by the
 * Doha classification (data/conditions.txt inguinal_hernia; Doha15, IRGP);
 * a painful resisted knee lift keeps the hip flexor in it. */
static void test_session21_b24ret_doha_inguinal(void)
{
    static const char *groin =
        "age = 26\nsex = male\nside = right\nlocation = groin, front\nonset = gradual\n"
        "duration_days = 35\nepisodes = first\ncharacter = sharp, dull_ache, pinching\n"
        "pain_now = 1\npain_run = 5\npain_worst = 6\npain_next_morning = 3\n"
        "worse_with = cough_sneeze, twisting, kicking, run_start, after_run, hills\n"
        "better_with = rest, warm_up\ntest_squeeze = no\ntest_knee_to_chest = no\ntest_hop = no\n"
        "weekly_km = 45\nkm_change_pct = 15\nrecent_change = speedwork, hills\n";
    char text[1024];
    snprintf(text, sizeof text, "%stest_resisted_knee_lift = no\n", groin);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "inguinal_hernia");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%stest_resisted_knee_lift = yes\n", groin);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_tendinopathy");
}

/* session 21 (b24ret, retired blind24 4818): a known hip dysplasia whose
 * groin pain has caught and clicked for five months, standing on the leg
 * painful, no rise in training or bone risk factor, is the socket's rim
 * (data/terms.txt dysplastic_rim_pain; Klaue91, Groh09): no stress-fracture
 * warning, a physiotherapist, running reduced; a rise in load, a limp or a
 * painful hop keeps the warning. */
static void test_session21_b24ret_dysplastic_rim(void)
{
    static const char *hip =
        "age = 41\nsex = female\nside = left\nlocation = groin, deep\nonset = gradual\n"
        "duration_days = 150\nepisodes = first\ncharacter = dull_ache, clicking, catching\n"
        "pain_now = 2\npain_run = 4\nworse_with = sitting, twisting, run_later\n"
        "test_knee_to_chest = yes\ntest_single_leg_stand = yes\nweekly_km = 30\n";
    char text[1024];
    snprintf(text, sizeof text, "%shistory = hip_dysplasia\n", hip);
    run_text(text);
    CHECK(!has_flag("stress_fracture_signs"));
    CHECK_STR(A.conditions[0].id, "labral_tear");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%shistory = hip_dysplasia\nkm_change_pct = 40\n", hip);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
    snprintf(text, sizeof text, "%shistory = hip_dysplasia\nsigns = limp\n", hip);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
    snprintf(text, sizeof text, "%shistory = hip_dysplasia\ntest_hop = yes\n", hip);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
    run_text(hip);
    CHECK(has_flag("stress_fracture_signs"));
}

/* session 24 (runner24): a 63-year-old's stiff groin and deep ache that
 * built up over two months with no rise in training, no bone risk factor,
 * no painful hop and no limp is the arthritic hip (data/terms.txt
 * older_oa_no_bone_story; NICE-OA, ACR91, Warden14): no stress-fracture
 * warning, even with night pain, which keeps its own (a doctor within
 * days). A rise in load, a bone risk, a painful hop, a limp, or the
 * training or the health history not asked keeps the warning. */
static void test_session24_runner24_older_oa_no_bone_story(void)
{
    static const char *hip =
        "age = 63\nsex = male\nlocation = groin, deep\nonset = gradual\nonset_event = none\n"
        "duration_days = 60\ncharacter = dull_ache\nworse_with = walking, morning, night\n";
    char text[1024];
    snprintf(text, sizeof text, "%srecent_change = none\nkm_change_pct = 0\nhistory = none\n", hip);
    run_text(text);
    CHECK(!has_flag("stress_fracture_signs"));
    CHECK(has_flag("night_or_rest_pain"));
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK_STR(A.conditions[0].id, "hip_osteoarthritis");
    snprintf(text, sizeof text, "%srecent_change = more_km\n", hip);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
    snprintf(text, sizeof text, "%srecent_change = none\nhistory = low_bone_density\n", hip);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
    snprintf(text, sizeof text, "%srecent_change = none\ntest_hop = yes\n", hip);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
    snprintf(text, sizeof text, "%srecent_change = none\nhistory = none\nsigns = limp\n", hip);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
    run_text(hip); /* the training not asked */
    CHECK(has_flag("stress_fracture_signs"));
    snprintf(text, sizeof text, "%srecent_change = none\n", hip); /* nor the health history */
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
}

/* session 21 (b24ret, retired blind24 4786 and 4804): a fever with a warm
 * hip that cannot take weight, felt deep in the hip, is an infected joint
 * whose pain is the joint's, even on a form of three answers
 * (data/assess_rules.txt [pain_type.joint]; SepticHip, Kocher99); the same
 * warmth and fever at the outer hip (a bursa) stays unclear. */
static void test_session22_b26dev(void)
{
    /* a tightness that stretching eases, brought on by more distance, how
     * much it hurts not told: a change of training even when the gluteal
     * tendon (read as a tight muscle) ranks first; pain told as mild keeps
     * self care */
    static const char *tight =
        "age = 26\nsex = female\nlocation = front, outer\ncharacter = tight, dull_ache\n"
        "better_with = stretching\nrecent_change = more_km\n";
    char text[1024];
    run_text(tight);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%spain_run = 2\npain_worst = 2\n", tight);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    /* a mild tight hip flexor with new intervals: self care at ten days,
     * a change of training past three weeks, not past six (no longer new) */
    static const char *flexor =
        "age = 22\nsex = male\nlocation = front, groin\nonset = gradual\n"
        "character = tight, dull_ache\npain_run = 3\nworse_with = sitting, rising, run_start\n"
        "better_with = warm_up, stretching, movement\ntest_hip_flexor_length = yes\n"
        "test_knee_to_chest = no\ntest_resisted_knee_lift = no\nsitting_hours = 11\n"
        "recent_change = speedwork\n";
    snprintf(text, sizeof text, "%sduration_days = 28\n", flexor);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sduration_days = 10\n", flexor);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    /* a pop at the hip at 13, no limp, bruise or walking pain: a possible
     * avulsion, a doctor within days and no running; at 17 a moderate pop
     * is a strain for a physiotherapist; a painless pop at 13 is no flag */
    static const char *pop =
        "sex = female\nlocation = front\nonset = sudden\nonset_event = pop\n"
        "duration_days = 1\npain_now = 3\nworse_with = run_start\nsigns = none\n";
    snprintf(text, sizeof text, "age = 13\npain_worst = 6\n%s", pop);
    run_text(text);
    CHECK(flag("trauma") != NULL);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_STOP);
    snprintf(text, sizeof text, "age = 17\npain_worst = 5\n%s", pop);
    run_text(text);
    CHECK(flag("trauma") == NULL);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text,
             "age = 13\nsex = female\nlocation = front\nonset = sudden\nonset_event = pop\n"
             "pain_worst = 2\ncharacter = snapping\n");
    run_text(text);
    CHECK(flag("trauma") == NULL);
    /* a boy's limp after a sprint: within days at five days (an avulsion,
     * the injury explains it), the same day at three weeks (the hip's) */
    static const char *limp =
        "age = 12\nsex = male\nside = right\nlocation = groin, front\nonset = sudden\n"
        "onset_event = sprint\npain_now = 4\npain_worst = 6\nworse_with = walking\n"
        "signs = limp\n";
    snprintf(text, sizeof text, "%sduration_days = 5\n", limp);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%sduration_days = 21\n", limp);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    /* the sacroiliac pattern under 50: a physiotherapist; the same back
     * pain without the one-leg stance stays self-managed */
    static const char *si =
        "age = 41\nsex = male\nside = right\nlocation = low_back, buttock\nonset = gradual\n"
        "duration_days = 35\ncharacter = dull_ache\npain_run = 4\npain_worst = 5\n";
    snprintf(text, sizeof text, "%sworse_with = standing_one_leg, stairs, rising\n", si);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sworse_with = morning\nbetter_with = movement\n", si);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    /* sudden groin pain 9/10 at its worst, at rest, the event left blank:
     * today, no running, an organ first; with a sprint told it is no colic */
    static const char *colic =
        "age = 31\nsex = male\nside = right\nlocation = groin\nonset = sudden\n"
        "duration_days = 1\ncharacter = stabbing\npain_now = 3\npain_worst = 9\n"
        "worse_with = rest\n";
    run_text(colic);
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.running == RH_RUNNING_STOP);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    snprintf(text, sizeof text, "%sonset_event = sprint\n", colic);
    run_text(text);
    CHECK(strcmp(A.conditions[0].id, "serious_pathology") != 0);
    /* sudden severe new groin pain today, no injury told, nothing said of
     * what eases it: the same day, the organ kept in view; with its sprint
     * told it is a strain */
    static const char *organ =
        "age = 23\nsex = female\nside = left\nlocation = groin, front\nonset = sudden\n"
        "duration_days = 0\npain_now = 6\npain_worst = 9\n";
    run_text(organ);
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.running == RH_RUNNING_STOP);
    bool kept = false;
    for (int i = 0; i < 3; i++)
        kept |= strcmp(A.conditions[i].id, "serious_pathology") == 0;
    CHECK(kept);
    snprintf(text, sizeof text, "%sonset_event = sprint\n", organ);
    run_text(text);
    CHECK(A.disposition < RH_DISP_URGENT);
    /* a deep pinch on pulling the knee to the chest with a painful squeeze
     * (a noisy form): the joint first; the runner's "not in the socket"
     * answer leaves the adductor first */
    static const char *pinch =
        "age = 31\nsex = female\nside = right\nlocation = groin, deep, front\n"
        "onset = gradual\nduration_days = 120\nepisodes = recurring\n"
        "character = pinching, dull_ache, sharp, tight\npain_now = 2\npain_run = 3\n"
        "pain_worst = 6\nworse_with = sitting, squatting, rising, knee_to_chest, twisting\n"
        "better_with = movement, warm_up\ntest_knee_to_chest = yes\ntest_squeeze = yes\n"
        "sitting_hours = 8\n";
    snprintf(text, sizeof text, "%scheck_sharp_socket = yes\n", pinch);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "fai");
    snprintf(text, sizeof text, "%scheck_sharp_socket = no\n", pinch);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    /* soreness in both legs two days after the first runs back from a
     * break, 4/10 the next morning: self care (the next-morning rule spares
     * it); the same after no change of training keeps a change of training */
    static const char *sore =
        "age = 48\nsex = female\nside = both\nlocation = front, buttock, outer_thigh\n"
        "onset = gradual\nduration_days = 2\ncharacter = dull_ache, tight\npain_now = 3\n"
        "pain_run = 2\npain_worst = 4\npain_next_morning = 4\n"
        "worse_with = morning, stairs, rising\nbetter_with = movement\ntest_hop = no\n";
    snprintf(text, sizeof text, "%srecent_change = return_from_break\n", sore);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%srecent_change = new_shoes\n", sore);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
}

static void test_session21_b24ret_septic_joint_pain(void)
{
    run_text("age = 30\nlocation = deep\nsigns = fever, warmth, cannot_bear_weight\n");
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.pain_type == RH_PAIN_JOINT);
    run_text("age = 44\nsex = male\nlocation = deep, groin\nduration_days = 2\n"
             "signs = fever, warmth, cannot_bear_weight\n");
    CHECK(A.pain_type == RH_PAIN_JOINT);
    run_text("age = 50\nlocation = outer\nsigns = fever, warmth, redness\n");
    CHECK(A.pain_type == RH_PAIN_UNCLEAR);
}

/* session 23 (b27dev, blind27 dev 5070): a leg that weakens with thigh or
 * buttock pain only at hard efforts, gone within minutes of rest, with
 * nothing in between, no tender spot and no back pain, tingling or numbness
 * is the iliac artery at effort (Peach12, Schep02): a doctor within days,
 * the artery among the first three causes, easy running, no nerve flag.
 * With back pain and tingling, pain at rest, or a tender bony point it is
 * not (the nerve flag stands where it would). */
static void test_session23_b27dev_iliac_flow_at_effort(void)
{
    static const char *leg = "age = 36\nsex = male\nside = left\nonset = gradual\n"
                             "duration_days = 150\npain_run = 7\npain_worst = 7\n"
                             "better_with = rest\nsigns = weak_one_side\ntest_hop = no\n";
    char text[1024];
    snprintf(text, sizeof text,
             "%slocation = front, outer_thigh, buttock\ncharacter = tight, burning\n"
             "pain_now = 0\nworse_with = run_later, hills\ntest_press_outer = no\n",
             leg);
    run_text(text);
    CHECK(!flag("neuro_deficit"));
    CHECK(set_aside("neuro_deficit"));
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_REDUCE);
    CHECK(in_top3("serious_pathology"));
    CHECK(rank_of("lumbar_referred") > rank_of("serious_pathology"));
    /* back pain and tingling: a nerve root's weakness, the flag stands */
    snprintf(text, sizeof text,
             "%slocation = front, outer_thigh, buttock, low_back\ncharacter = tight, tingling\n"
             "pain_now = 0\nworse_with = run_later, hills\ntest_press_outer = no\n",
             leg);
    run_text(text);
    CHECK(flag("neuro_deficit") != NULL);
    CHECK(!set_aside("neuro_deficit"));
    /* pain now, or at rest: not only at effort */
    snprintf(text, sizeof text,
             "%slocation = front, outer_thigh, buttock\ncharacter = tight, burning\n"
             "pain_now = 3\nworse_with = run_later, hills\ntest_press_outer = no\n",
             leg);
    run_text(text);
    CHECK(flag("neuro_deficit") != NULL);
    CHECK(!in_top3("serious_pathology"));
    snprintf(text, sizeof text,
             "%slocation = front, outer_thigh, buttock\ncharacter = tight, burning\n"
             "pain_now = 0\nworse_with = run_later, hills, rest\ntest_press_outer = no\n",
             leg);
    run_text(text);
    CHECK(flag("neuro_deficit") != NULL);
}

/* session 23 (b27dev, blind27 dev 5092): pain on both sides at the front
 * and the back of the pelvis after a birth is the girdle's three joints
 * (Albert02), even while breastfeeding: no stress-fracture warning, a
 * physiotherapist, joint pain; told on one side (or with a painful hop) a
 * breastfeeding mother's groin pain keeps the warning (Kovacs16). */
static void test_session23_b27dev_girdle_front_and_back(void)
{
    static const char *mum = "age = 27\nsex = female\nonset = gradual\nduration_days = 20\n"
                             "character = dull_ache, sharp\npain_now = 3\npain_run = 6\n"
                             "worse_with = walking, stairs, standing_one_leg, twisting, rising, "
                             "run_start\nbetter_with = rest, heat\ntest_single_leg_stand = yes\n"
                             "recent_change = return_from_break\n"
                             "history = postpartum, breastfeeding\n";
    char text[1024];
    snprintf(text, sizeof text, "%sside = both\nlocation = groin, front, buttock, low_back\n", mum);
    run_text(text);
    CHECK(!flag("stress_fracture_signs"));
    CHECK(set_aside("stress_fracture_signs"));
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(A.conditions[0].id && strcmp(A.conditions[0].id, "strength_imbalance") == 0);
    CHECK(A.pain_type == RH_PAIN_JOINT || A.pain_type == RH_PAIN_MIXED);
    /* the front only: the breastfeeding mother's pubic bone stays in view */
    snprintf(text, sizeof text, "%sside = both\nlocation = groin, front\n", mum);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* one side */
    snprintf(text, sizeof text, "%sside = left\nlocation = groin, front, buttock, low_back\n", mum);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* a painful hop */
    snprintf(text, sizeof text,
             "%sside = both\nlocation = groin, front, buttock, low_back\ntest_hop = yes\n", mum);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
}

/* session 23 (b27dev, blind27 dev 5095): a tender bony point at the side
 * of the hip, lying on it and standing on the leg painful, is the gluteal
 * tendon (Grimaldi17) even with the groin ticked after more distance, the
 * hop not tried; groin pain on walking keeps the stress-fracture warning. */
static void test_session23_b27dev_gluteal_tender_point(void)
{
    static const char *side = "age = 51\nsex = female\nside = left\nonset = gradual\n"
                              "duration_days = 120\npain_now = 3\npain_run = 5\npain_worst = 7\n"
                              "location = outer, outer_thigh, buttock, groin\n"
                              "test_press_outer = yes\ntest_single_leg_stand = yes\n"
                              "recent_change = hills, more_km\n";
    char text[1024];
    snprintf(text, sizeof text,
             "%sworse_with = lying_on_side, stairs, standing_one_leg, after_run\n", side);
    run_text(text);
    CHECK(!flag("stress_fracture_signs"));
    CHECK(set_aside("stress_fracture_signs"));
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(A.conditions[0].id && strcmp(A.conditions[0].id, "trochanteric_bursitis") == 0);
    snprintf(text, sizeof text,
             "%sworse_with = lying_on_side, stairs, standing_one_leg, after_run, walking\n", side);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* the bony point not tender: not the tendon's picture */
    snprintf(text, sizeof text,
             "age = 51\nsex = female\nside = left\nonset = gradual\nduration_days = 120\n"
             "pain_now = 3\npain_run = 5\npain_worst = 7\n"
             "location = outer, outer_thigh, buttock, groin\ntest_press_outer = no\n"
             "test_single_leg_stand = yes\nrecent_change = hills, more_km\n"
             "worse_with = lying_on_side, stairs, standing_one_leg, after_run\n");
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
}

/* session 23 (b27dev, blind27 dev 5102): catching or locking in the groin
 * weeks after a slip is the labrum (Zurich20), not a strained hip flexor;
 * ten days after the slip the strain stays first. */
static void test_session23_b27dev_catching_weeks_after_slip(void)
{
    static const char *slip = "age = 32\nsex = male\nside = left\nlocation = groin, front\n"
                              "onset = sudden\nonset_event = slip\ncharacter = sharp, catching, "
                              "clicking\npain_now = 2\npain_run = 4\npain_worst = 6\n"
                              "worse_with = twisting, knee_to_chest, squatting\n"
                              "test_knee_to_chest = yes\ntest_resisted_knee_lift = yes\n";
    char text[1024];
    snprintf(text, sizeof text, "%sduration_days = 50\n", slip);
    run_text(text);
    CHECK(rank_of("labral_tear") < rank_of("hip_flexor_strain"));
    snprintf(text, sizeof text, "%sduration_days = 10\n", slip);
    run_text(text);
    CHECK(rank_of("hip_flexor_strain") == 0);
}

/* session 23 (b27dev, blind27 dev 5128): a limp with a stiff hip at 16 or
 * under, no injury, is named joint pain even on a short form (a slipped
 * growth plate or Perthes disease); a limp alone stays unclear. */
static void test_session23_b27dev_child_stiff_hip_joint(void)
{
    run_text("age = 10\nsex = male\nduration_days = 42\nlocation = front\n"
             "signs = limp, reduced_motion\n");
    CHECK(A.pain_type == RH_PAIN_JOINT);
    run_text("age = 10\nsex = male\nduration_days = 42\nlocation = front\nsigns = limp\n");
    CHECK(A.pain_type == RH_PAIN_UNCLEAR);
}

/* session 22 (b25ret, retired blind25 4916): bladder trouble after a birth,
 * with no back, buttock or leg pain, no numbness or tingling (the feel told)
 * and no weak leg, is the pelvic floor (NICE-NG123, Goom19): the bladder
 * flag is raised as information at a physiotherapist, not the emergency;
 * back or leg pain, numbness, a weak leg, a feel not told or no birth keep
 * the emergency (Finucane20; data/terms.txt postpartum_pelvic_floor). The
 * pubic joint's pain on both sides after a birth stays in view with the hop
 * test not done. */
static void test_session22_b25ret_postpartum_pelvic_floor(void)
{
    static const char *mum = "age = 32\nsex = female\nside = both\nonset = gradual\n"
                             "duration_days = 40\npain_now = 1\npain_run = 3\n"
                             "worse_with = run_later, stairs, standing_one_leg\n";
    char text[1024];
    snprintf(text, sizeof text,
             "%slocation = groin, front\ncharacter = dull_ache\nsigns = bladder_bowel\n"
             "history = postpartum\n",
             mum);
    run_text(text);
    CHECK(has_flag("bladder_bowel"));
    CHECK(low_flag("bladder_bowel"));
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(rank_of("serious_pathology") > 2);
    /* the pubic joint's pain after a birth, the hop not done: in view
     * (data/conditions.txt strength_imbalance, Vleeming08) */
    CHECK(rank_of("strength_imbalance") >= 0 && rank_of("strength_imbalance") < 3);
    snprintf(text, sizeof text,
             "%slocation = groin, low_back\ncharacter = dull_ache\nsigns = bladder_bowel\n"
             "history = postpartum\n",
             mum);
    run_text(text);
    CHECK(has_flag("bladder_bowel") && !low_flag("bladder_bowel"));
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text,
             "%slocation = groin, front\ncharacter = dull_ache, tingling\n"
             "signs = bladder_bowel\nhistory = postpartum\n",
             mum);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text,
             "%slocation = groin, front\nsigns = bladder_bowel\nhistory = postpartum\n", mum);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text,
             "%slocation = groin, front\ncharacter = dull_ache\n"
             "signs = bladder_bowel, weak_one_side\nhistory = postpartum\n",
             mum);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text,
             "%slocation = groin, front\ncharacter = dull_ache\nsigns = bladder_bowel\n", mum);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
}

/* session 22 (b25ret, retired blind25 4850): with one-sided pain low in the
 * back of the pelvis on loading one leg, a painful figure-4 is the
 * sacroiliac joint's FABER test (Vleeming08): the pain is the joint's, not
 * the muscles'; the figure-4 with buttock pain alone stays the muscles'.
 * Told only there, the place itself counts 2.0 for the joint. */
static void test_session22_b25ret_faber_sacroiliac(void)
{
    run_text("age = 36\nsex = male\nside = right\nlocation = low_back, buttock\n"
             "onset = gradual\nduration_days = 50\ncharacter = dull_ache\n"
             "worse_with = standing_one_leg, stairs\ntest_single_leg_stand = yes\n"
             "test_cross_legged = yes\n");
    CHECK(A.pain_type == RH_PAIN_JOINT);
    run_text("age = 44\nsex = female\nside = left\nlocation = buttock\nonset = gradual\n"
             "duration_days = 21\ncharacter = dull_ache\nworse_with = sitting\n"
             "test_cross_legged = yes\n");
    CHECK(A.pain_type == RH_PAIN_MUSCLE);
    /* blind25 4887: told only at the back of the pelvis, no figure-4 told,
     * the joint reaches the muscles' share (mixed); told at the side of
     * the hip too, the gluteal tendon's muscle pain stays */
    static const char *mum = "age = 27\nsex = female\nside = left\nonset = gradual\n"
                             "duration_days = 45\ncharacter = dull_ache, sharp\npain_run = 5\n"
                             "worse_with = standing_one_leg, stairs, rising\n"
                             "better_with = movement, heat\ntest_hop = no\ntest_single_leg_stand = yes\n"
                             "strength_per_week = 0\nhistory = postpartum\n";
    char text[1024];
    snprintf(text, sizeof text, "%slocation = buttock, low_back\n", mum);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_MIXED || A.pain_type == RH_PAIN_JOINT);
    /* session 30 (ret34, retired blind34 test 5894): after a birth, pain
     * across the low back and the buttock is the pelvic girdle's even with
     * the side of the hip told (data/conditions.txt trochanteric_bursitis):
     * the joint's share stays; without the birth the gluteal tendon's
     * muscle pain does */
    snprintf(text, sizeof text, "%slocation = buttock, low_back, outer\n", mum);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_MIXED || A.pain_type == RH_PAIN_JOINT);
    static const char *no_birth = "age = 27\nsex = female\nside = left\nonset = gradual\n"
                                  "duration_days = 45\ncharacter = dull_ache, sharp\npain_run = 5\n"
                                  "worse_with = standing_one_leg, stairs, rising\n"
                                  "better_with = movement, heat\ntest_hop = no\n"
                                  "test_single_leg_stand = yes\nstrength_per_week = 0\n"
                                  "location = buttock, low_back, outer\n";
    run_text(no_birth);
    CHECK(A.pain_type == RH_PAIN_MUSCLE);
}

/* session 22 (b25ret, retired blind25 4850): lying on the side counts for a
 * gluteal tendon only where the side of the hip hurts or no place is told
 * (GrimaldiFearon15); pain at the back of the pelvis only that lying on the
 * side brings on is the pelvic girdle's (Vleeming08). */
static void test_session22_b25ret_side_lying_needs_side(void)
{
    static const char *mum = "age = 31\nsex = female\nside = right\nonset = gradual\n"
                             "duration_days = 35\ncharacter = dull_ache, sharp\npain_now = 3\n"
                             "pain_run = 5\nworse_with = standing_one_leg, rising, stairs, "
                             "lying_on_side\nbetter_with = movement\ntest_single_leg_stand = yes\n"
                             "test_cross_legged = yes\nhistory = postpartum\n";
    char text[1024];
    snprintf(text, sizeof text, "%slocation = buttock, low_back\n", mum);
    run_text(text);
    CHECK(rank_of("strength_imbalance") < rank_of("trochanteric_bursitis"));
    snprintf(text, sizeof text, "%slocation = buttock, low_back, outer\n", mum);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    run_text("age = 55\nsex = female\nduration_days = 60\n"
             "worse_with = lying_on_side, stairs, standing_one_leg\ntest_press_outer = yes\n");
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
}

/* session 23 (b26ret, retired blind26 test): each rule of the branch and its
 * limit (data/conditions.txt, data/terms.txt, data/red_flags.txt,
 * data/assess_rules.txt, "session 23 (b26ret"). */
/* session 24 (b28dev, blind28 dev 5246, 5272, 5210, 5257): each rule
 * pinned both ways (data/terms.txt b28_*). */
/* session 25 (b29dev): blind29 dev's rules (tests/vignettes/README.md,
 * "Session 25, branch b29dev"), each with the answer that undoes it */
static void test_session25_b29dev(void)
{
    char text[1024];
    /* an adult's sprint strain with a limp, the hop not tried: no bone
     * stress flag; a rise in load, a painful hop, a teenager or three
     * weeks keep it */
    static const char *str = "sex = male\nlocation = front\nonset = sudden\nonset_event = sprint\n"
                             "episodes = first\ncharacter = sharp\npain_now = 3\npain_worst = 7\n"
                             "worse_with = walking\nsigns = limp\ntest_resisted_knee_lift = yes\n";
    snprintf(text, sizeof text, "%sage = 31\nduration_days = 4\n", str);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sage = 31\nduration_days = 4\nrecent_change = more_km\n", str);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%sage = 31\nduration_days = 4\ntest_hop = yes\n", str);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%sage = 31\nduration_days = 21\n", str);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%sage = 31\nduration_days = 4\nhistory = missed_periods\n", str);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* a snap at the side, 1/10 on runs, the worst not told: self care;
     * 2/10 on runs keeps the gluteal tendon's change of training */
    static const char *snap = "age = 16\nsex = female\nlocation = outer\ncharacter = snapping\n";
    snprintf(text, sizeof text, "%spain_run = 1\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK_INT(A.running, RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%spain_run = 2\n", snap);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    /* both legs sore in many places the day after the first runs back,
     * hop painless: soreness, self care, muscle pain; with the hop not
     * told or a limp, not this rule */
    static const char *sore = "age = 24\nsex = female\nside = both\nlocation = groin, front, buttock\n"
                              "onset = gradual\nduration_days = 1\ncharacter = tight, dull_ache, pinching\n"
                              "pain_now = 4\nworse_with = walking, stairs, squatting\n"
                              "better_with = movement\ntest_squeeze = yes\n"
                              "recent_change = speedwork, return_from_break\n";
    snprintf(text, sizeof text, "%ssigns = none\ntest_hop = no\n", sore);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK_INT(A.pain_type, RH_PAIN_MUSCLE);
    snprintf(text, sizeof text, "%ssigns = none\n", sore);
    run_text(text);
    CHECK(strcmp(A.conditions[0].id, "post_run_soreness") != 0 || A.disposition > RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%ssigns = limp\ntest_hop = no\n", sore);
    run_text(text);
    CHECK(A.disposition > RH_DISP_SELF_CARE);
    /* a short flare of known arthritis after more distance, recurring,
     * the worst not told: a change of training; with a limp or 6/10 at
     * worst, a physiotherapist */
    static const char *oa = "age = 63\nsex = female\nlocation = groin\nonset = gradual\n"
                            "duration_days = 10\nepisodes = recurring\npain_now = 1\npain_run = 3\n"
                            "pain_next_morning = 3\nworse_with = morning, run_start\n"
                            "history = osteoarthritis\nrecent_change = more_km\nkm_change_pct = 35\n";
    snprintf(text, sizeof text, "%ssigns = none\n", oa);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_osteoarthritis");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%ssigns = limp\n", oa);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%ssigns = none\npain_worst = 6\n", oa);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
}

/* session 25 (r29test, blind29 test read): the weak hip abductors' picture
 * at 50 or over with the length not told (data/terms.txt
 * r29_weak_abductors_untold_tendon) and a snap that does not hurt now
 * (data/conditions.txt trochanteric_bursitis), each with the answer that
 * undoes it */
static void test_session25_r29test(void)
{
    char text[1024];
    /* back from a break, side and buttock, the pelvis drops, nothing of
     * the tendon told: a change of training, the weak abductors in view */
    static const char *hip = "age = 58\nsex = female\nlocation = outer, buttock\n"
                             "character = dull_ache\ntest_single_leg_stand = yes\n"
                             "recent_change = return_from_break\n";
    run_text(hip);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(in_top3("strength_imbalance"));
    /* a tender bony point, lying on the side or ten weeks: the tendon's
     * physiotherapist */
    snprintf(text, sizeof text, "%stest_press_outer = yes\n", hip);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sworse_with = lying_on_side\n", hip);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sduration_days = 70\n", hip);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    /* a snap at the side that does not hurt now, nothing else told: self
     * care, keep running; an ache or stairs that bring it on keep the
     * gluteal tendon's change of training */
    static const char *snap = "age = 18\nsex = female\nlocation = outer\n";
    snprintf(text, sizeof text, "%scharacter = snapping\npain_now = 0\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK_INT(A.running, RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%scharacter = snapping, dull_ache\npain_now = 0\n", snap);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%scharacter = snapping\npain_now = 0\nworse_with = stairs\n", snap);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
}

/* session 26 (blind30 test retired and read): a teenager short of energy
 * keeps a bone stress injury in the top three with a painless hop when the
 * groin pain builds with running (data/conditions.txt, stress_fracture,
 * 5456); pain at the start of runs that eases once warm is the tendon's
 * warm-up pattern, not a bone's, at 3/10 or more too (data/terms.txt
 * start_of_run_pain_only, 5434) */
static void test_session26_b30ret(void)
{
    char text[1024];
    static const char *teen = "age = 16\nsex = female\nlocation = front, groin\nonset = gradual\n"
                              "duration_days = 14\npain_run = 4\ntest_hop = no\n"
                              "history = missed_periods, low_energy_intake\n";
    snprintf(text, sizeof text, "%sworse_with = after_run, run_later\n", teen);
    run_text(text);
    CHECK(in_top3("stress_fracture"));
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    double teen_score = score_of("stress_fracture");
    /* an adult of the same answers: the bone is scored lower (the
     * teenager's feature is not added) */
    char adult[1024];
    snprintf(adult, sizeof adult, "%s", text);
    memcpy(adult, "age = 26", 8);
    run_text(adult);
    CHECK(score_of("stress_fracture") < teen_score);
    /* a footballer of 17 back from a break with speed work: groin pain at
     * the start of runs, 3/10, eased by warming up, a painful squeeze: a
     * groin strain to change training for, no stress-fracture warning */
    static const char *groin = "age = 17\nsex = male\nlocation = groin\nonset = gradual\n"
                               "duration_days = 10\ncharacter = tight, dull_ache\npain_run = 3\n"
                               "test_squeeze = yes\n"
                               "recent_change = speedwork, return_from_break\n";
    snprintf(text, sizeof text, "%sworse_with = kicking, run_start\nbetter_with = warm_up\n", groin);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK(A.disposition <= RH_DISP_SEE_PHYSIO);
    /* eased by warming up but it also hurts later in the run: the flag */
    snprintf(text, sizeof text, "%sbetter_with = warm_up\nworse_with = kicking, run_start, run_later\n", groin);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* at 62, eight months of side and groin pain that walking brings on,
     * no rise in load, no bone risk, no limp: a tendon or a joint, not a
     * stress fracture to rule out (5460); a jump in load, low bone density
     * or a limp bring the warning back */
    static const char *older = "age = 62\nsex = female\nlocation = outer, groin, buttock\n"
                               "onset = gradual\nduration_days = 240\nepisodes = recurring\n"
                               "pain_run = 3\nworse_with = lying_on_side, stairs, walking\n"
                               "test_press_outer = yes\n";
    run_text(older);
    CHECK(flag("stress_fracture_signs") == NULL);
    snprintf(text, sizeof text, "%skm_change_pct = 40\n", older);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%shistory = low_bone_density\n", older);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%sduration_days = 60\n", "age = 62\nsex = female\nlocation = outer, groin, buttock\nonset = gradual\nepisodes = recurring\npain_run = 3\nworse_with = lying_on_side, stairs, walking\ntest_press_outer = yes\n");
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* a woman's deep groin and front pain that keeps coming back, is there
     * at rest, no worse on runs, every self-test painless: the pelvis's
     * organs first (5453), not the hip flexor; with pain on runs above the
     * pain at rest, the running injury comes back first */
    static const char *pelvis = "age = 31\nsex = female\nlocation = groin, deep, front\n"
                                "onset = gradual\nduration_days = 150\nepisodes = recurring\n"
                                "character = dull_ache, stabbing\npain_now = 3\npain_worst = 8\n"
                                "worse_with = rest\nbetter_with = heat\ntest_knee_to_chest = no\n"
                                "test_hop = no\ntest_squeeze = no\ntest_press_outer = no\n";
    snprintf(text, sizeof text, "%spain_run = 2\n", pelvis);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    snprintf(text, sizeof text, "%spain_run = 5\n", pelvis);
    run_text(text);
    CHECK(strcmp(A.conditions[0].id, "serious_pathology") != 0);
}

/* Session 26 (b31dev, blind31 dev 5612, 5639, 5528): sudden pain at rest
 * or at night with no injury told, how much it hurts not told, is seen the
 * same day with no running and an organ kept in view (data/terms.txt
 * b31_sudden_rest_pain); its limits: ten days old, told as never above
 * 4/10, night pain only from lying on the sore side, brought on by running
 * or eased by moving or stretching. New speed work with pain after runs is
 * a change of training, unless told mild and settled by the next morning. */
static void test_session26_b31dev(void)
{
    char text[1024];
    static const char *base = "age = 44\nsex = male\nlocation = groin\nonset = sudden\n";
    snprintf(text, sizeof text, "%sworse_with = rest, night\n", base);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.running == RH_RUNNING_STOP);
    CHECK(in_top3("serious_pathology"));
    CHECK(flag("night_or_rest_pain") != NULL);
    /* told: no injury, three days: the same */
    snprintf(text, sizeof text, "%sonset_event = none\nduration_days = 3\nworse_with = rest\n",
             base);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    /* ten days old: a doctor within days, not the same day */
    snprintf(text, sizeof text, "%sduration_days = 10\nworse_with = rest, night\n", base);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    /* never above 4/10 */
    snprintf(text, sizeof text, "%spain_worst = 3\nworse_with = rest, night\n", base);
    run_text(text);
    CHECK(A.disposition < RH_DISP_URGENT);
    /* night pain only from lying on the sore side, nothing at rest */
    snprintf(text, sizeof text, "%sworse_with = night, lying_on_side\n", base);
    run_text(text);
    CHECK(A.disposition < RH_DISP_URGENT);
    /* brought on by running, or eased by moving: mechanical */
    snprintf(text, sizeof text, "%sworse_with = rest, run_later\n", base);
    run_text(text);
    CHECK(A.disposition < RH_DISP_URGENT);
    snprintf(text, sizeof text, "%sworse_with = rest, night\nbetter_with = movement\n", base);
    run_text(text);
    CHECK(A.disposition < RH_DISP_URGENT);
    /* an injury told (a slip) is not this rule's */
    snprintf(text, sizeof text, "%sonset_event = slip\nworse_with = rest\n", base);
    run_text(text);
    CHECK(!why_says("a twisted ovary, a pregnancy outside the womb"));
    /* new intervals, a tight front of the hip aching after the sessions:
     * a change of training; told mild and settled by the next morning,
     * or only at the start of runs, self care */
    static const char *speed = "age = 27\nsex = female\nlocation = front\nonset = gradual\n"
                               "duration_days = 12\ncharacter = tight\npain_run = 3\n"
                               "better_with = stretching\ntest_hip_flexor_length = yes\n"
                               "test_resisted_knee_lift = no\nrecent_change = speedwork\n";
    snprintf(text, sizeof text, "%sworse_with = after_run\n", speed);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("speed work"));
    snprintf(text, sizeof text, "%sworse_with = after_run\npain_worst = 3\npain_next_morning = 1\n",
             speed);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%sworse_with = run_start\n", speed);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
}

/* session 26, branch b31over (blind31 dev 5586): one-sided pain low in the
 * back of the pelvis after a birth, brought on by standing on that leg and
 * by rising, turning or lying on that side, is pelvic girdle (sacroiliac
 * joint) pain: joint or mixed, not muscle pain alone (data/terms.txt
 * b31over_postpartum_girdle_one_side, Vleeming08). Not without the birth,
 * nor with the side of the hip hurting with and after runs (the weak
 * buttock muscles' return to running). An adult's hip-flexor tendon that
 * warms up within six weeks, the hop told painless, is a change of training
 * with the next morning not told (blind11 dev 1674, blind29 test 5352). */
static bool pain_why_says(const char *s)
{
    for (int i = 0; i < A.pain_type_why.n; i++)
        if (strstr(A.pain_type_why.text[i], s) &&
            /* plain30: the girdle's line is shared with the pelvis's
             * own; the birth is said by its answers */
            (!strstr(s, "pelvic girdle") || strstr(A.pain_type_why.text[i], "history=postpartum")))
            return true;
    return false;
}

/* How many of the pain type's reasons say s. */
static int pain_why_count(const char *s)
{
    int n = 0;
    for (int i = 0; i < A.pain_type_why.n; i++)
        n += strstr(A.pain_type_why.text[i], s) != NULL;
    return n;
}

static void test_session26_b31over(void)
{
    char text[1024];
    static const char *girdle = "age = 31\nsex = female\nside = left\nonset = gradual\n"
                                "duration_days = 35\ncharacter = dull_ache, tight\npain_run = 4\n"
                                "better_with = movement, heat, massage\ntest_single_leg_stand = yes\n"
                                "test_hop = no\n";
    static const char *said = "pelvic girdle (sacroiliac joint) pain";
    snprintf(text, sizeof text,
             "%slocation = low_back, buttock\n"
             "worse_with = standing_one_leg, stairs, rising, lying_on_side, run_later\n"
             "history = postpartum\n",
             girdle);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_JOINT || A.pain_type == RH_PAIN_MIXED);
    CHECK(pain_why_says(said));
    /* plain30: the pelvis's line, its "nowhere else" and the birth's two
     * fire together and are said once, with the birth among its answers */
    CHECK_INT(pain_why_count(said), 1);
    /* turning in bed as well (the strongest, 3.0): still once */
    snprintf(text, sizeof text,
             "%slocation = low_back, buttock\n"
             "worse_with = standing_one_leg, twisting, rising\n"
             "history = postpartum\n",
             girdle);
    run_text(text);
    CHECK_INT(pain_why_count(said), 1);
    CHECK_INT(pain_why_count("sacroiliac"), 1);
    CHECK(pain_why_says(said));
    /* no birth told: the pelvis's line alone, once, without the birth */
    snprintf(text, sizeof text,
             "%slocation = low_back, buttock\nworse_with = standing_one_leg, twisting\n", girdle);
    run_text(text);
    CHECK_INT(pain_why_count(said), 1);
    CHECK(!pain_why_says(said));
    /* no birth told: not this line */
    snprintf(text, sizeof text,
             "%slocation = low_back, buttock\n"
             "worse_with = standing_one_leg, stairs, rising, lying_on_side, run_later\n",
             girdle);
    run_text(text);
    CHECK(!pain_why_says(said));
    /* standing on the leg only, no turning, rising or lying on the side */
    snprintf(text, sizeof text,
             "%slocation = low_back, buttock\nworse_with = standing_one_leg, run_later\n"
             "history = postpartum\n",
             girdle);
    run_text(text);
    CHECK(!pain_why_says(said));
    /* the side of the hip hurting with runs as well: the weak muscles' */
    snprintf(text, sizeof text,
             "%slocation = low_back, buttock, outer\n"
             "worse_with = standing_one_leg, stairs, rising, lying_on_side, run_later\n"
             "history = postpartum\n",
             girdle);
    run_text(text);
    CHECK(!pain_why_says(said));
    /* down the leg: not this line */
    snprintf(text, sizeof text,
             "%slocation = low_back, buttock, down_leg\n"
             "worse_with = standing_one_leg, stairs, rising, lying_on_side\n"
             "history = postpartum\n",
             girdle);
    run_text(text);
    CHECK(!pain_why_says(said));
    /* an adult's hip-flexor tendon, four weeks, eased once warmed up, 4/10
     * on runs, the hop told painless, the next morning not told: a change
     * of training (data/terms.txt hip_flexor_tendon_settling) */
    static const char *tendon = "age = 35\nsex = female\nlocation = front\nonset = gradual\n"
                                "duration_days = 28\ncharacter = dull_ache\npain_run = 4\n"
                                "worse_with = hills, run_start\nbetter_with = warm_up\n"
                                "test_resisted_knee_lift = yes\nrecent_change = hills\n";
    snprintf(text, sizeof text, "%stest_hop = no\n", tendon);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_tendinopathy");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    /* the hop not told, or painful: the physiotherapist (or more) */
    run_text(tendon);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%stest_hop = yes\n", tendon);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    /* the next morning told above 2/10, or past six weeks: the physiotherapist */
    snprintf(text, sizeof text, "%stest_hop = no\npain_next_morning = 3\n", tendon);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%stest_hop = no\n", tendon);
    char *d = strstr(text, "duration_days = 28");
    CHECK(d != NULL);
    if (d)
        memcpy(d, "duration_days = 49", 18);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
}

/* session 27, branch b33dev (blind33 dev, read after its first run): each
 * rule with the answer that undoes it.
 * 1. more distance with pain on runs is a change of training and less
 *    running when how long it has hurt is not told (5773); told as two days
 *    it is left to the soreness rules (self care).
 * 2. both groins sore two days after a hilly race: soreness, self care,
 *    impingement out of the lead (5762); on one side the rule does not hold.
 * 3. weight loss, groin pain at rest and at night, hop painless: a disease
 *    of the whole body first (5794); a painful hop puts the bone first.
 * 4. a hip that locks with groin pain, the side tender too: the labrum
 *    first (5812); a snapping tendon told with the lock lets the side lead.
 * 5. front pain down the outer thigh with a tight Thomas test: the TFL
 *    (5822); pain on the resisted knee lift puts the tendon first.
 * 6. a tight Thomas test with front pain, little else told: muscle pain
 *    (5773); with groin pain too the kind of pain stays unclear. */
static void test_session27_b33dev(void)
{
    char text[1024];
    static const char *jump = "age = 30\nsex = male\nlocation = front\ncharacter = tight\n"
                              "pain_run = 4\nsitting_hours = 9\ntest_hip_flexor_length = yes\n"
                              "recent_change = more_km\n";
    run_text(jump);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%sduration_days = 2\n", jump);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_CONTINUE);

    static const char *sore = "age = 23\nsex = female\nlocation = groin\nduration_days = 2\n"
                              "recent_change = race, hills\ntest_hop = no\n";
    snprintf(text, sizeof text, "%sside = both\n", sore);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(strcmp(A.conditions[1].id, "fai") != 0);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%sside = right\n", sore);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);

    static const char *wl = "age = 49\nsex = female\nside = right\nlocation = groin, deep\n"
                            "onset = gradual\nonset_event = none\nduration_days = 49\n"
                            "worse_with = night, rest\nsigns = weight_loss\nweekly_km = 30\n"
                            "history = missed_periods\n";
    snprintf(text, sizeof text, "%stest_hop = no\n", wl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_STOP);
    CHECK(has_flag("stress_fracture_signs"));
    snprintf(text, sizeof text, "%stest_hop = yes\n", wl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "stress_fracture");

    static const char *lock = "age = 44\nsex = female\nside = left\nlocation = groin, deep, outer\n"
                              "onset = sudden\nonset_event = slip\nduration_days = 90\n"
                              "episodes = recurring\npain_run = 4\npain_worst = 6\n"
                              "worse_with = twisting, squatting\ntest_press_outer = yes\n"
                              "test_single_leg_stand = yes\ntest_hop = no\n";
    snprintf(text, sizeof text, "%scharacter = sharp, catching, locking\n", lock);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "labral_tear");
    CHECK(has_flag("joint_locking"));
    snprintf(text, sizeof text, "%scharacter = sharp, catching, locking, snapping\n", lock);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");

    static const char *tfl = "age = 27\nsex = female\nside = left\nlocation = front, outer_thigh\n"
                             "onset = gradual\nduration_days = 14\ncharacter = tight, dull_ache\n"
                             "pain_run = 4\nworse_with = after_run, hills\nbetter_with = massage\n"
                             "test_press_outer = no\ntest_hip_flexor_length = yes\n"
                             "recent_change = hills\n";
    run_text(tfl);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    snprintf(text, sizeof text, "%stest_resisted_knee_lift = yes\n", tfl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_tendinopathy");

    static const char *thomas = "age = 38\npain_run = 3\nsitting_hours = 10\n"
                                "test_hip_flexor_length = yes\n";
    snprintf(text, sizeof text, "%slocation = front\n", thomas);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_MUSCLE);
    snprintf(text, sizeof text, "%slocation = front, groin\n", thomas);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_UNCLEAR);
}

/* session 28, branch ret32 (blind32 test retired and read; blind33 and
 * blind34 dev): each rule with the answer that undoes it (vignettes
 * 390-397).
 * 1. pain low in the back of the pelvis after a birth, on standing on that
 *    leg and on turning in bed, with the side of the hip aching after runs
 *    too: joint or mixed pain (5661); without turning or rising it is the
 *    weak buttock muscles' return-to-running ache, muscle pain.
 * 2. both sides sore since the first runs back, hop painless, a short
 *    form: soreness first, self care (5882); on one side it is not.
 * 3. a hip that locks: a doctor within days, running reduced, not stopped
 *    (5672); 8/10 on runs holds it (cross-training only).
 * 4. front pain down the side of the thigh, nothing at the bony point:
 *    the TFL, self care (5723); told at the side of the hip too, the
 *    gluteal tendon stays in view (its change of training until session
 *    32, when new shoes put the TFL clearly first).
 * 5. a child's evening ache in both thighs that rubbing eases: growing
 *    pains, self care (4113); a limp makes it a hip to X-ray today.
 * 6. weeks of groin pain on runs, now no weight on the leg, a strong bone
 *    risk, no fever: the stress fracture first, today (5675); a fever
 *    puts the infected joint first.
 * 7. both sides sore two days after a first gym class, "sudden", no
 *    injury: soreness, not a strain (5963); on one side the strain leads.
 * 8. a 13-year-old's limp with groin and front pain on walking: joint pain
 *    (5678); with only front pain the kind of pain stays unclear. */
static void test_session28_ret32(void)
{
    char text[1400];
    static const char *pgp = "age = 32\nsex = female\nside = right\nlocation = buttock, low_back, outer\n"
                             "onset = gradual\nduration_days = 35\nepisodes = first\n"
                             "character = dull_ache, sharp, clicking\npain_now = 2\npain_run = 4\n"
                             "pain_worst = 5\npain_next_morning = 3\nbetter_with = movement, heat, massage\n"
                             "test_single_leg_stand = yes\ntest_hop = no\ntest_knee_to_chest = no\n"
                             "test_press_outer = no\ncheck_uneven_stand = yes\ncheck_weak_side = yes\n"
                             "recent_change = return_from_break\nstrength_per_week = 0\n"
                             "history = postpartum\n";
    snprintf(text, sizeof text, "%sworse_with = standing_one_leg, stairs, rising, twisting, after_run\n", pgp);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    CHECK(A.pain_type == RH_PAIN_JOINT || A.pain_type == RH_PAIN_MIXED);
    snprintf(text, sizeof text, "%sworse_with = standing_one_leg, stairs, after_run\n", pgp);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_MUSCLE);

    static const char *back = "age = 15\nsex = male\nrecent_change = return_from_break\n"
                              "pain_next_morning = 2\ntest_hop = no\n";
    snprintf(text, sizeof text, "%sside = both\n", back);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%sside = right\n", back);
    run_text(text);
    CHECK(strcmp(A.conditions[0].id, "post_run_soreness") != 0);
    CHECK(A.disposition > RH_DISP_SELF_CARE);

    static const char *lock = "age = 35\nsex = male\nside = left\nlocation = groin, deep\n"
                              "onset = gradual\nonset_event = slip\nduration_days = 120\n"
                              "character = locking, catching, sharp\npain_now = 1\npain_worst = 7\n"
                              "worse_with = twisting, squatting\ntest_knee_to_chest = yes\ntest_hop = no\n";
    snprintf(text, sizeof text, "%spain_run = 4\n", lock);
    run_text(text);
    CHECK(has_flag("joint_locking"));
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_REDUCE);
    /* session 31 (run40): 8/10 on runs that settles (1/10 now, not told
     * to linger) is reduced by the pain-monitoring model; not settled by
     * the next morning it is cross-training (data/assess_rules.txt) */
    snprintf(text, sizeof text, "%spain_run = 8\n", lock);
    run_text(text);
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%spain_run = 8\npain_next_morning = 5\n", lock);
    run_text(text);
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);

    static const char *tfl = "age = 44\nsex = female\ncharacter = tight\nduration_days = 10\n"
                             "pain_run = 2\nrecent_change = new_shoes\n";
    snprintf(text, sizeof text, "%slocation = front, outer_thigh\n", tfl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    /* session 32 (b42d): with the side of the hip told as well, the
     * gluteal tendon stays in view (second); the new shoes now put the TFL
     * clearly first (conditions.txt tfl_tightness, "overworked by the
     * change"), so the tendon's change of training is no longer the
     * runner-up's care: 2/10 on runs for ten days is self care */
    snprintf(text, sizeof text, "%slocation = front, outer_thigh, outer\n", tfl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    CHECK_STR(A.conditions[1].id, "trochanteric_bursitis");
    CHECK(A.disposition == RH_DISP_SELF_CARE);

    static const char *grow = "age = 10\nsex = female\nside = both\nlocation = front, outer_thigh\n"
                              "worse_with = night, after_run\nbetter_with = massage\n";
    run_text(grow);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.n_flags == 0);
    snprintf(text, sizeof text, "%ssigns = limp\n", grow);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);

    static const char *fnsf = "age = 26\nsex = female\nside = left\nlocation = groin, deep\n"
                              "onset = sudden\nonset_event = none\nduration_days = 21\npain_now = 7\n"
                              "pain_worst = 9\nworse_with = walking, hopping\nweekly_km = 70\n"
                              "history = missed_periods, low_energy_intake, stress_fracture_before\n";
    snprintf(text, sizeof text, "%ssigns = cannot_bear_weight, limp\n", fnsf);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "stress_fracture");
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(has_flag("fever_hot_joint"));
    CHECK(has_flag("cannot_bear_weight"));
    snprintf(text, sizeof text, "%ssigns = cannot_bear_weight, limp, fever\n", fnsf);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);

    static const char *gym = "age = 31\nsex = male\nlocation = front, buttock, outer_thigh, low_back\n"
                             "onset = sudden\nonset_event = none\nduration_days = 2\n"
                             "character = dull_ache, tight, sharp\npain_now = 3\n"
                             "worse_with = stairs, rising\nbetter_with = movement, massage\ntest_hop = no\n";
    snprintf(text, sizeof text, "%sside = both\n", gym);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%sside = right\n", gym);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");

    static const char *scfe = "age = 13\nsex = male\nsigns = limp\nduration_days = 21\n"
                              "worse_with = walking\n";
    snprintf(text, sizeof text, "%slocation = groin, front\n", scfe);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.pain_type == RH_PAIN_JOINT);
    static const char *scfe_front = "age = 13\nsex = male\nsigns = limp\nduration_days = 21\n"
                                    "location = front\n";
    run_text(scfe_front);
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.pain_type == RH_PAIN_UNCLEAR);
}

/* Session 29, branch ret33 (tests/vignettes/README.md, "Session 29, branch
 * ret33"): blind33 test retired and read, each rule with the answer that
 * undoes it.
 * 1. pain at the front and the side of the hip together, nothing in the
 *    groin: the TFL before the iliopsoas tendon (5767); a painful resisted
 *    knee lift puts the tendon first.
 * 2. a groin strain of yesterday still 5/10 at rest: a physiotherapist, no
 *    running (5863); at 3/10 the mild strain's change of training.
 * 3. groin pain that catches five weeks after a slip, squeeze painful: the
 *    labrum before the adductor (5858); two weeks after, the strain leads.
 * 4. a tight front-side hip on runs since new hills, what brings it on not
 *    told: a change of training (vignette 300); told as after runs only,
 *    the tight muscle's self care.
 * 5. a boy of 12 with a limp and a stiff hip: the slipped growth plate
 *    before Perthes disease (blind36 dev 6122); at 11 Perthes is level.
 * 6. soreness after a race that makes walking hurt at 6/10: running
 *    reduced (blind36 dev 6162); at 5/10 it goes on. */
static double ret33_score(const char *id)
{
    for (int i = 0; i < A.n_conditions; i++)
        if (!strcmp(A.conditions[i].id, id))
            return A.conditions[i].score;
    return -1.0;
}

static void test_session29_ret33(void)
{
    char text[1400];
    static const char *tfl = "age = 31\nsex = male\nlocation = front, outer\nonset = gradual\n"
                             "duration_days = 14\ncharacter = tight, dull_ache\npain_run = 3\n"
                             "worse_with = hills\nbetter_with = warm_up, stretching\n"
                             "test_press_outer = no\nrecent_change = hills\n";
    run_text(tfl);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    snprintf(text, sizeof text, "%stest_resisted_knee_lift = yes\n", tfl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_tendinopathy");

    static const char *kick = "age = 27\nsex = female\nlocation = groin\nonset = sudden\n"
                              "onset_event = sprint\nduration_days = 1\ntest_squeeze = yes\n";
    snprintf(text, sizeof text, "%spain_now = 5\n", kick);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);
    snprintf(text, sizeof text, "%spain_now = 3\n", kick);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(A.running == RH_RUNNING_REDUCE);

    static const char *catching = "age = 35\nsex = male\nlocation = groin, deep\nonset = sudden\n"
                                  "onset_event = slip\ncharacter = catching, sharp\npain_run = 4\n"
                                  "pain_worst = 5\nworse_with = twisting, knee_to_chest\n"
                                  "test_knee_to_chest = yes\ntest_squeeze = yes\ntest_hop = no\n"
                                  "check_sharp_socket = yes\n";
    snprintf(text, sizeof text, "%sduration_days = 35\n", catching);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "labral_tear");
    snprintf(text, sizeof text, "%sduration_days = 14\n", catching);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "adductor_strain");

    static const char *hills = "age = 45\nsex = male\nlocation = front, outer\nonset = gradual\n"
                               "duration_days = 8\ncharacter = tight\npain_run = 2\n"
                               "better_with = massage\ntest_resisted_knee_lift = no\n"
                               "recent_change = hills\n";
    run_text(hills);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sworse_with = after_run\n", hills);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);

    static const char *limp = "sex = male\nside = left\nlocation = groin, front, outer_knee\n"
                              "onset = gradual\nduration_days = 35\ncharacter = dull_ache\n"
                              "pain_run = 4\nworse_with = walking, after_run\n"
                              "signs = limp, reduced_motion\n";
    snprintf(text, sizeof text, "%sage = 12\n", limp);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(in_top3("osteonecrosis"));
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "%sage = 11\n", limp);
    run_text(text);
    CHECK(ret33_score("osteonecrosis") >= ret33_score("serious_pathology") - 1e-9);

    static const char *sore = "age = 48\nsex = male\nside = both\nlocation = front, buttock\n"
                              "onset = gradual\nonset_event = none\nduration_days = 3\n"
                              "character = dull_ache, tight\npain_now = 3\n"
                              "worse_with = walking, stairs\nbetter_with = movement\ntest_hop = no\n"
                              "recent_change = race\n";
    snprintf(text, sizeof text, "%spain_worst = 6\n", sore);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%spain_worst = 5\n", sore);
    run_text(text);
    CHECK(A.running == RH_RUNNING_CONTINUE);
}

/* Session 31, branch ret35 (tests/vignettes/README.md, "Session 31, branch
 * ret35"): blind35 test retired and read; its three cases below their
 * authors' least urgent safe level, each rule with the answer that undoes
 * it.
 * 1. groin and deep pain, a painful hop, a limp, two signs of bones short
 *    of energy and the pain 5/10 even now: a doctor today (6081); at 4/10
 *    now, or with one bone sign, within days.
 * 2. a snap at the front that comes with a dull ache, runs at 2/10: a
 *    change of training (6073); without the ache, or with the worst pain
 *    at 1/10, the painless snap's self care.
 * 3. groin pain from kicking with a painful squeeze, three weeks on: a
 *    physiotherapist (6100); at 18 days, or with no kick, sprint or slip
 *    told, a change of training.
 * 4. pain type: both legs sore a day after the first run back from a
 *    break: muscle (6117); five days on, or one side, not named. */
static void test_session31_ret35(void)
{
    char text[1200];
    static const char *bone = "age = 19\nsex = female\nlocation = groin, deep, front\n"
                              "onset = gradual\nduration_days = 28\nsigns = limp\n"
                              "test_hop = yes\npain_run = 7\n"
                              "worse_with = walking, hopping, run_later\n";
    snprintf(text, sizeof text, "%spain_now = 5\nhistory = missed_periods, low_energy_intake\n",
             bone);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "stress_fracture");
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.running == RH_RUNNING_STOP);
    snprintf(text, sizeof text, "%spain_now = 4\nhistory = missed_periods, low_energy_intake\n",
             bone);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%spain_now = 5\nhistory = missed_periods\n", bone);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%shistory = missed_periods, low_energy_intake\n", bone);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);

    static const char *snap = "age = 20\nsex = female\nside = right\nlocation = front, groin\n"
                              "onset = gradual\nduration_days = 60\npain_now = 0\npain_run = 2\n"
                              "worse_with = hills, rising\nbetter_with = warm_up\n"
                              "test_hip_flexor_length = yes\ntest_knee_to_chest = no\n"
                              "test_resisted_knee_lift = no\n";
    snprintf(text, sizeof text, "%scharacter = snapping, clicking, dull_ache\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    /* its worst told at 2/10: b40dev's rule asks a change of training for
     * a snap hurting 2/10 on runs whose worst is not told */
    snprintf(text, sizeof text, "%scharacter = snapping, clicking\npain_worst = 2\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%scharacter = snapping, clicking, dull_ache\npain_worst = 1\n",
             snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);

    static const char *groin = "age = 17\nsex = male\nside = right\nlocation = groin\n"
                               "onset = gradual\ncharacter = sharp, tight\npain_run = 4\n"
                               "worse_with = kicking, twisting, run_start\n"
                               "better_with = warm_up\ntest_squeeze = yes\ntest_hop = no\n";
    snprintf(text, sizeof text, "%sonset_event = kick\nduration_days = 21\n", groin);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sonset_event = kick\nduration_days = 18\n", groin);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sonset_event = none\nduration_days = 21\n", groin);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);

    static const char *sore = "age = 16\nlocation = buttock, front\n"
                              "recent_change = return_from_break\n";
    snprintf(text, sizeof text, "%sside = both\nduration_days = 1\n", sore);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(A.pain_type == RH_PAIN_MUSCLE);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    /* session 33 (run33): its limits say nothing of the soreness (the
     * kind is then the lone muscle answer's, pain_alone_min) */
    snprintf(text, sizeof text, "%sside = both\nduration_days = 5\n", sore);
    run_text(text);
    CHECK(!pain_says("within three days"));
    snprintf(text, sizeof text, "%sside = right\nduration_days = 1\n", sore);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_UNCLEAR);
}

/* Session 30, branch ret34 (tests/vignettes/README.md, "Session 30, branch
 * ret34"): blind34 test retired and read, each rule with the answer that
 * undoes it.
 * 1. a sprint strain at the front, a painful resisted knee lift, four days
 *    old and nothing of how bad: a physiotherapist (5984); with a pain
 *    figure told, the mild strain's change of training.
 * 2. a snap at worst 3/10: a change of training (blind38 dev 6409); at
 *    worst 2/10 the painless snap's self care.
 * 3. front and side pain only, a tight hip flexor on testing, no gluteal
 *    tendon sign: the TFL before a gluteal tendon (5926); a tender bony
 *    point at the side puts the tendon first.
 * 4. after a birth, low back, buttock and side pain with a tender bony
 *    point: pelvic girdle pain (strength_imbalance) before a gluteal
 *    tendon (5894); without the birth the tendon leads.
 * 5. groin pain, a limp and low food intake with night sweats and weight
 *    loss: serious pathology before a stress fracture (blind34 dev 5912);
 *    without the sweats the stress fracture leads.
 * 6. pinching deep groin pain in the socket that stretching does not ease,
 *    the resisted knee lift painful too: impingement before the tendon
 *    (blind34 dev 5937); eased by stretching, the tendon stays first.
 * 7. below. */
static void test_session30_ret34(void)
{
    char text[1600];
    static const char *strain = "age = 27\nonset_event = sprint\nlocation = front\n"
                                "test_resisted_knee_lift = yes\nduration_days = 4\n";
    run_text(strain);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%spain_now = 2\n", strain);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);

    static const char *snap = "age = 19\nsex = female\nside = right\nlocation = front\n"
                              "onset = gradual\nduration_days = 90\nepisodes = recurring\n"
                              "character = snapping, clicking\npain_run = 2\n"
                              "worse_with = knee_to_chest, stairs\nbetter_with = stretching\n"
                              "test_knee_to_chest = no\ntest_hop = no\n";
    snprintf(text, sizeof text, "%spain_worst = 3\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%spain_worst = 2\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);

    static const char *tfl = "age = 42\nsex = female\nlocation = front, outer\n"
                             "worse_with = run_later\nrecent_change = new_shoes\n"
                             "test_hip_flexor_length = yes\n";
    run_text(tfl);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    snprintf(text, sizeof text, "%stest_press_outer = yes\n", tfl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");

    static const char *pgp = "age = 33\nsex = female\nside = right\n"
                             "location = buttock, low_back, groin, outer\nonset = gradual\n"
                             "duration_days = 45\nepisodes = first\n"
                             "character = dull_ache, sharp, clicking\npain_now = 3\npain_run = 5\n"
                             "pain_worst = 6\nworse_with = standing_one_leg, stairs, rising, "
                             "run_later, twisting\nbetter_with = stretching, movement, heat\n"
                             "test_single_leg_stand = yes\ntest_hop = no\ntest_press_outer = yes\n"
                             "test_cross_legged = yes\ntest_knee_to_chest = no\n"
                             "check_better_stretch = yes\ncheck_uneven_stand = yes\n"
                             "check_weak_side = yes\nweekly_km = 15\nkm_change_pct = 50\n"
                             "strength_per_week = 0\nrecent_change = return_from_break\n";
    snprintf(text, sizeof text, "%shistory = postpartum, breastfeeding\n", pgp);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    run_text(pgp);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");

    static const char *tb =
        "age = 24\nsex = female\nside = right\n"
        "location = groin, deep, front, buttock, outer_thigh\nonset = gradual\n"
        "duration_days = 60\ncharacter = dull_ache, tight, sharp\npain_now = 5\n"
        "pain_run = 7\npain_worst = 8\nworse_with = night, rest, walking, "
        "squatting, stairs, crossing_legs, morning\nbetter_with = nothing\n"
        "test_knee_to_chest = yes\ntest_press_outer = no\n"
        "weekly_km = 20\nhistory = low_energy_intake\n";
    snprintf(text, sizeof text, "%ssigns = limp, reduced_motion, weight_loss, night_sweats\n", tb);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%ssigns = limp, reduced_motion, weight_loss\n", tb);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "stress_fracture");
    CHECK(in_top3("serious_pathology"));

    static const char *pinch = "age = 26\nsex = male\nside = right\n"
                               "location = groin, deep, front, buttock\nonset = gradual\n"
                               "duration_days = 150\nepisodes = recurring\n"
                               "character = pinching, sharp, clicking, tight, dull_ache\n"
                               "pain_now = 2\npain_run = 5\npain_worst = 6\n"
                               "worse_with = sitting, squatting, knee_to_chest, crossing_legs, "
                               "rising, hills, twisting, run_later\n"
                               "better_with = stretching, rest, movement\n"
                               "test_knee_to_chest = yes\ntest_cross_legged = yes\n"
                               "test_hip_flexor_length = yes\ntest_squeeze = no\ntest_hop = no\n"
                               "test_resisted_knee_lift = yes\ncheck_sharp_socket = yes\n"
                               "recent_change = speedwork, hills\n";
    snprintf(text, sizeof text, "%scheck_better_stretch = no\n", pinch);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "fai");
    snprintf(text, sizeof text, "%scheck_better_stretch = yes\n", pinch);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_tendinopathy");

    /* 7. deep front and groin ache after hills and more distance, the
     *    resisted knee lift painful, no joint words: the iliopsoas bursa
     *    back in the top three (5941): impingement's weight falls by 1.0
     *    once what the pain feels like is told; not when it catches */
    static const char *psoas = "age = 40\nsex = female\nside = right\nlocation = front, groin\n"
                               "onset = gradual\nduration_days = 35\npain_now = 3\npain_run = 5\n"
                               "worse_with = hills, stairs, rising\ntest_resisted_knee_lift = yes\n"
                               "test_hip_flexor_length = yes\ntest_knee_to_chest = yes\n"
                               "recent_change = hills, more_km\n";
    snprintf(text, sizeof text, "%scharacter = dull_ache\n", psoas);
    run_text(text);
    CHECK(in_top3("iliopsoas_bursitis"));
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    double fai_told = -100.0, fai_untold = -100.0;
    for (int i = 0; i < A.n_conditions; i++)
        if (!strcmp(A.conditions[i].id, "fai"))
            fai_told = A.conditions[i].raw;
    run_text(psoas);
    for (int i = 0; i < A.n_conditions; i++)
        if (!strcmp(A.conditions[i].id, "fai"))
            fai_untold = A.conditions[i].raw;
    CHECK(fai_untold - fai_told > 0.99 && fai_untold - fai_told < 1.01);
    snprintf(text, sizeof text, "%scharacter = dull_ache, catching\n", psoas);
    run_text(text);
    for (int i = 0; i < A.n_conditions; i++)
        if (!strcmp(A.conditions[i].id, "fai"))
            CHECK(A.conditions[i].raw > fai_told + 0.5);
}

/* session 31 (b40dev, blind40 dev): each rule's effect and its limit */
static void test_session31_b40dev(void)
{
    char text[1400];
    /* a snap that hurts 2/10 on runs, its worst not told: a change of
     * training, running on; the worst told at 2/10 is the painless snap's
     * self care, and 1/10 on runs stays self care too */
    static const char *snap = "age = 15\nsex = female\nlocation = front\n"
                              "character = snapping, clicking\n";
    snprintf(text, sizeof text, "%spain_run = 2\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%spain_run = 2\npain_worst = 2\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%spain_run = 1\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);

    /* a woman's groin pain of months that hurts little more on runs than
     * now and far less than at its worst, every hip self-test done
     * painless, many boxes ticked: the pelvis first, a doctor within
     * days; a painful knee-to-chest keeps the hip's causes first */
    static const char *pelvis =
        "age = 26\nsex = female\nside = right\n"
        "location = groin, deep, low_back, buttock, front\nonset = gradual\n"
        "duration_days = 200\nepisodes = recurring\n"
        "character = dull_ache, stabbing, radiating, tight\n"
        "pain_now = 2\npain_run = 3\npain_worst = 8\n"
        "worse_with = sitting, morning, run_later, twisting, lying_on_side\n"
        "better_with = heat, rest\ntest_hop = no\ntest_press_outer = no\n"
        "test_cross_legged = no\ntest_squeeze = no\ntest_single_leg_stand = no\n"
        "check_sharp_socket = no\nweekly_km = 40\nkm_change_pct = 0\n";
    snprintf(text, sizeof text, "%stest_knee_to_chest = no\n", pelvis);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%stest_knee_to_chest = yes\n", pelvis);
    run_text(text);
    CHECK(strcmp(A.conditions[0].id, "serious_pathology") != 0);
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    /* the worst only two above the runs: not the pattern */
    snprintf(text, sizeof text, "%stest_knee_to_chest = no\n", pelvis);
    char *w = strstr(text, "pain_worst = 8");
    CHECK(w != NULL);
    if (w)
        w[13] = '5';
    run_text(text);
    CHECK(strcmp(A.conditions[0].id, "serious_pathology") != 0);
}

/* session 30 (b39dev, blind39 dev): each rule's effect and its limit */
/* session 31 (branch run40), issue 11: the running advice follows the
 * cause. Each rule's effect and its limit. */
static bool run_why_says(const char *words)
{
    for (int i = 0; i < A.running_why.n; i++)
        if (strstr(A.running_why.text[i], words))
            return true;
    return false;
}

static void test_session31_run40(void)
{
    char text[1024];
    /* a strain's cross-training is for its first weeks: catching in the
     * groin two months after a slip is the labrum's, run on less */
    static const char *slip = "age = 33\nsex = female\nside = left\nlocation = groin, deep\n"
                              "onset = sudden\nonset_event = slip\npain_now = 3\npain_run = 6\n"
                              "pain_worst = 8\nworse_with = twisting, squatting\n"
                              "test_knee_to_chest = yes\ntest_hop = no\n";
    snprintf(text, sizeof text, "%sduration_days = 60\ncharacter = sharp, catching, clicking\n", slip);
    run_text(text);
    CHECK(A.running == RH_RUNNING_REDUCE);
    CHECK(!run_why_says("your strain still hurts"));
    snprintf(text, sizeof text, "%sduration_days = 10\ncharacter = sharp, catching, clicking\n", slip);
    run_text(text);
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);
    CHECK(run_why_says("your strain still hurts"));
    snprintf(text, sizeof text, "%sduration_days = 60\ncharacter = sharp\n", slip);
    run_text(text);
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);

    /* 8/10 on runs that has settled (1/10 now, 2/10 the next morning) is
     * reduced; not settled, or its settling not told, cross-training */
    static const char *band = "age = 40\nsex = male\nside = right\n"
                              "location = outer_knee, outer_thigh\nonset = gradual\n"
                              "onset_event = none\nduration_days = 20\ncharacter = sharp\n"
                              "pain_run = 8\nworse_with = run_later, hills\ntest_hop = no\n";
    snprintf(text, sizeof text, "%spain_now = 1\npain_next_morning = 2\n", band);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "itb_syndrome");
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%spain_now = 1\npain_next_morning = 5\n", band);
    run_text(text);
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);
    snprintf(text, sizeof text, "%spain_now = 5\n", band);
    run_text(text);
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);
    run_text(band);
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);

    /* inflammatory back pain that moving eases: the night-pain flag keeps
     * the doctor, the running is reduced, said without the flag's "red
     * flag" hold; with weight loss the flag holds running again */
    static const char *ibp = "age = 28\nsex = male\nside = both\nlocation = buttock, low_back\n"
                             "onset = gradual\nonset_event = none\nduration_days = 150\n"
                             "episodes = recurring\ncharacter = dull_ache, tight\npain_now = 4\n"
                             "pain_run = 2\npain_worst = 6\n"
                             "worse_with = night, rest, morning, sitting\n";
    snprintf(text, sizeof text, "%sbetter_with = movement, warm_up\n", ibp);
    run_text(text);
    CHECK(has_flag("night_or_rest_pain"));
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_REDUCE);
    CHECK(run_why_says("inflammation of the spine"));
    CHECK(!rh_assess_running_by_flag((const char *const[]){A.running_why.text[0]}, 1));
    snprintf(text, sizeof text, "%sbetter_with = movement, warm_up\nsigns = weight_loss\n", ibp);
    run_text(text);
    CHECK(A.running >= RH_RUNNING_CROSS_TRAIN_ONLY);
    snprintf(text, sizeof text, "%sbetter_with = heat\n", ibp);
    run_text(text);
    CHECK(has_flag("night_or_rest_pain"));
    CHECK(A.running >= RH_RUNNING_CROSS_TRAIN_ONLY);

    /* a woman's pelvic pain that has come and gone for months, there at
     * rest and no worse on runs: reduce; for under six weeks, the flag's */
    static const char *pelvic = "age = 27\nsex = female\nside = right\n"
                                "location = groin, deep\nonset = gradual\nepisodes = recurring\n"
                                "character = dull_ache\npain_now = 3\npain_run = 2\n"
                                "pain_worst = 8\nworse_with = rest\nbetter_with = heat\n";
    snprintf(text, sizeof text, "%sduration_days = 240\n", pelvic);
    run_text(text);
    CHECK(has_flag("night_or_rest_pain"));
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%sduration_days = 30\n", pelvic);
    run_text(text);
    CHECK(has_flag("night_or_rest_pain"));
    CHECK(A.running >= RH_RUNNING_CROSS_TRAIN_ONLY);

    /* night pain lying on a sore outer hip that pressing reproduces, on a
     * noisy form that ticks the groin too: the tendons', reduced; a
     * painful hop keeps the flag's hold */
    static const char *gt = "age = 48\nsex = female\nside = left\n"
                            "location = outer, outer_thigh, buttock, groin\nonset = gradual\n"
                            "duration_days = 120\nepisodes = first\n"
                            "character = dull_ache, burning, sharp\npain_now = 5\npain_run = 5\n"
                            "pain_worst = 7\npain_next_morning = 5\n"
                            "worse_with = lying_on_side, night, stairs, crossing_legs\n"
                            "better_with = rest, heat\ntest_press_outer = yes\n"
                            "test_single_leg_stand = yes\n";
    snprintf(text, sizeof text, "%stest_hop = no\n", gt);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    CHECK(has_flag("night_or_rest_pain"));
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%stest_hop = yes\n", gt);
    run_text(text);
    CHECK(A.running >= RH_RUNNING_CROSS_TRAIN_ONLY);

    /* after a cancer, the gluteal tendons' pattern at the side of the hip
     * keeps the doctor and is run on less; rest pain keeps the hold */
    static const char *cgt = "age = 60\nsex = male\nside = right\nlocation = outer\n"
                             "onset = gradual\nduration_days = 42\ncharacter = dull_ache\n"
                             "pain_now = 2\npain_run = 4\npain_worst = 5\nbetter_with = movement\n"
                             "test_press_outer = yes\ntest_single_leg_stand = yes\n"
                             "history = cancer\n";
    snprintf(text, sizeof text, "%sworse_with = lying_on_side, hills, stairs\n", cgt);
    run_text(text);
    CHECK(has_flag("cancer_or_weight_loss"));
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%sworse_with = lying_on_side, hills, stairs, rest\n", cgt);
    run_text(text);
    CHECK(has_flag("cancer_or_weight_loss"));
    CHECK(A.running >= RH_RUNNING_CROSS_TRAIN_ONLY);

    /* after a cancer, a pain of months that keeps coming back and that
     * moving eases: reduce; of two months, the flag's hold */
    static const char *coa = "age = 66\nsex = female\nside = right\nlocation = groin, deep\n"
                             "onset = gradual\nepisodes = recurring\n"
                             "character = dull_ache, tight\npain_now = 3\npain_run = 4\n"
                             "pain_worst = 5\nworse_with = morning, rising, walking, stairs\n"
                             "better_with = movement, warm_up\nsigns = reduced_motion\n"
                             "test_knee_to_chest = yes\nhistory = osteoarthritis, cancer\n";
    snprintf(text, sizeof text, "%sduration_days = 240\n", coa);
    run_text(text);
    CHECK(has_flag("cancer_or_weight_loss"));
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%sduration_days = 60\n", coa);
    run_text(text);
    CHECK(has_flag("cancer_or_weight_loss"));
    CHECK(A.running >= RH_RUNNING_CROSS_TRAIN_ONLY);

    /* a tight TFL at 4/10 on runs since new hills: reduce; at 3/10, or
     * with no new work, it runs on */
    static const char *tfl = "age = 27\nsex = female\nside = right\nlocation = front, outer\n"
                             "onset = gradual\nduration_days = 14\ncharacter = tight, dull_ache\n"
                             "worse_with = hills\nbetter_with = warm_up, stretching\n"
                             "test_press_outer = no\n";
    snprintf(text, sizeof text, "%spain_run = 4\nrecent_change = hills\n", tfl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%spain_run = 3\nrecent_change = hills\n", tfl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    CHECK(A.running == RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%spain_run = 4\nrecent_change = none\n", tfl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    CHECK(A.running == RH_RUNNING_CONTINUE);
}

/* session 31, branch b41dev: blind41 dev's misses, each rule's effect and
 * its limit */
static bool b41_cond_says(const char *id, const char *words)
{
    for (int i = 0; i < A.n_conditions; i++)
        if (strcmp(A.conditions[i].id, id) == 0)
            for (int k = 0; k < A.conditions[i].why.n; k++)
                if (strstr(A.conditions[i].why.text[k], words))
                    return true;
    return false;
}

static void test_session31_b41dev(void)
{
    char text[1400];
    /* a woman's groin and deep pain for six months, coming and going,
     * eased by heat, the groin self-tests painless: the pelvis first, a
     * doctor within days, running on, less; at four months, eased by
     * stretching, or in a man the hip's causes stay first */
    static const char *pelvis = "age = 30\nside = right\nlocation = groin, deep\n"
                                "onset = gradual\nepisodes = recurring\n"
                                "character = dull_ache, stabbing\npain_now = 4\npain_run = 3\n"
                                "pain_worst = 8\nworse_with = sitting, twisting\n"
                                "test_knee_to_chest = no\ntest_squeeze = no\ntest_hop = no\n";
    snprintf(text, sizeof text, "%ssex = female\nduration_days = 200\nbetter_with = heat\n",
             pelvis);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_REDUCE);
    /* (merged with b40dev, whose term puts the pelvis first for these
     * answers too: pain no worse on runs than now, far below its worst,
     * every self-test painless; the limit checked is this rule's own) */
    snprintf(text, sizeof text, "%ssex = female\nduration_days = 120\nbetter_with = heat\n",
             pelvis);
    run_text(text);
    CHECK(!b41_cond_says("serious_pathology", "a woman's pain of six months"));
    snprintf(text, sizeof text,
             "%ssex = female\nduration_days = 200\nbetter_with = heat, stretching\n", pelvis);
    run_text(text);
    CHECK(!b41_cond_says("serious_pathology", "a woman's pain of six months"));
    snprintf(text, sizeof text, "%ssex = male\nduration_days = 200\nbetter_with = heat\n", pelvis);
    run_text(text);
    CHECK(strcmp(A.conditions[0].id, "serious_pathology") != 0);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);

    /* a tight hip flexor with more distance and new speed work at once, the
     * pain mild: a change of training; one change alone (speed work) stays
     * self care */
    static const char *tight = "age = 33\nsex = male\nlocation = front\nonset = gradual\n"
                               "duration_days = 12\ncharacter = tight\npain_run = 3\n"
                               "pain_worst = 4\nworse_with = run_later\n"
                               "better_with = stretching, warm_up\ntest_hip_flexor_length = yes\n"
                               "test_resisted_knee_lift = no\ntest_hop = no\n";
    snprintf(text, sizeof text, "%srecent_change = more_km, speedwork\n", tight);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("one change back at a time"));
    snprintf(text, sizeof text, "%srecent_change = hills\nkm_change_pct = 25\n", tight);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("one change back at a time"));
    snprintf(text, sizeof text, "%srecent_change = speedwork\n", tight);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(!why_says("one change back at a time"));

    /* the deep gluteal picture beside back pain: buttock pain worse sitting
     * shooting down the leg, the figure-4 painful, no cough pain: the deep
     * buttock second behind the back; with pain on coughing the rule is
     * silent */
    static const char *dgs = "age = 36\nsex = female\nside = left\n"
                             "location = buttock, down_leg, low_back\nonset = gradual\n"
                             "duration_days = 45\ncharacter = dull_ache, radiating, tingling\n"
                             "pain_now = 3\npain_worst = 6\ntest_cross_legged = yes\n"
                             "history = back_problems\n";
    snprintf(text, sizeof text, "%sworse_with = sitting, hills\n", dgs);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK_STR(A.conditions[1].id, "piriformis_syndrome");
    CHECK(b41_cond_says("piriformis_syndrome", "painful figure-4 and no pain on coughing"));
    snprintf(text, sizeof text, "%sworse_with = sitting, hills, cough_sneeze\n", dgs);
    run_text(text);
    CHECK(!b41_cond_says("piriformis_syndrome", "painful figure-4 and no pain on coughing"));
    CHECK_STR(A.conditions[0].id, "lumbar_referred");

    /* sudden severe back pain into both legs with numbness and the bladder:
     * the nerve roots first (cauda equina), same day; without numbness or
     * tingling the organ's weights stay */
    static const char *cauda = "age = 45\nsex = male\nside = both\n"
                               "location = low_back, buttock, down_leg\nonset = sudden\n"
                               "duration_days = 5\npain_now = 6\npain_worst = 9\n"
                               "worse_with = sitting, walking\nbetter_with = nothing\n"
                               "signs = bladder_bowel\nhistory = back_problems\n";
    snprintf(text, sizeof text, "%scharacter = sharp, radiating, numbness\n", cauda);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK(in_top3("serious_pathology"));
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "%scharacter = sharp, radiating\n", cauda);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);

    /* a snap at the side with a tender bony point, no pain lying on it:
     * the snapping hip first; pain lying on that side: the gluteal tendon */
    static const char *snap = "age = 20\nsex = male\nlocation = outer\nonset = gradual\n"
                              "duration_days = 30\ncharacter = snapping, dull_ache\n"
                              "pain_run = 3\npain_worst = 3\ntest_press_outer = yes\n";
    snprintf(text, sizeof text, "%sworse_with = run_later, after_run\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sworse_with = run_later, after_run, lying_on_side\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");

    /* a teenager's one-sided low back and buttock pain on twisting and
     * standing on one leg for a month: the spine (a pars stress injury)
     * first, a doctor within days; at 24 the rule is silent */
    static const char *pars = "sex = male\nside = right\nlocation = low_back, buttock\n"
                              "onset = gradual\nduration_days = 30\ncharacter = dull_ache, sharp\n"
                              "pain_run = 6\npain_worst = 6\n"
                              "worse_with = run_later, after_run, hills, twisting, standing_one_leg\n"
                              "better_with = rest\ntest_single_leg_stand = yes\ntest_hop = no\n"
                              "recent_change = hills, speedwork\n";
    snprintf(text, sizeof text, "age = 16\n%s", pars);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "age = 24\n%s", pars);
    run_text(text);
    CHECK(score_of("lumbar_referred") < 0.2);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
}

/* Session 32, branch b42d (blind42 dev, retired blind36 test): each rule
 * with its effect and its limit. */
static bool b42_run_says(const char *words)
{
    for (int i = 0; i < A.running_why.n; i++)
        if (strstr(A.running_why.text[i], words))
            return true;
    return false;
}

/* Session 33, branch b43d (blind43 dev, retired blind37 test): each rule
 * with its effect and its limit. */
static void test_session33_b43d(void)
{
    char text[1400];
    /* severe pain at rest that nothing eases, begun hours ago in an
     * interval session (blind43 dev 7002, a twisted ovary): not a strain,
     * the same day, the organ first; with a bruise, or 6/10 now, or eased
     * by rest, the sprint's strain keeps its own care */
    static const char *torsion = "age = 27\nsex = female\nside = right\nlocation = groin, front\n"
                                 "onset = sudden\nonset_event = sprint\nduration_days = 0\n"
                                 "character = sharp, stabbing\npain_worst = 9\n";
    snprintf(text, sizeof text, "%spain_now = 9\nworse_with = rest, walking\nbetter_with = nothing\n",
             torsion);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.running == RH_RUNNING_STOP);
    snprintf(text, sizeof text,
             "%spain_now = 9\nworse_with = rest, walking\nbetter_with = nothing\nsigns = bruising\n",
             torsion);
    run_text(text);
    CHECK(A.disposition != RH_DISP_URGENT);
    CHECK(strcmp(A.conditions[0].id, "serious_pathology") != 0);
    snprintf(text, sizeof text, "%spain_now = 6\nworse_with = rest, walking\nbetter_with = nothing\n",
             torsion);
    run_text(text);
    CHECK(A.disposition != RH_DISP_URGENT);
    snprintf(text, sizeof text, "%spain_now = 9\nworse_with = walking\nbetter_with = rest\n", torsion);
    run_text(text);
    CHECK(A.disposition != RH_DISP_URGENT);

    /* a missed period and a sudden groin pain since yesterday, 6/10 now
     * (blind43 dev 7079): the pregnancy outside the womb first, not bone
     * stress; with a past stress fracture the bone keeps its place */
    static const char *ectopic = "age = 29\nsex = female\nside = right\nlocation = groin, front, deep\n"
                                 "onset = sudden\nonset_event = none\nduration_days = 1\n"
                                 "character = sharp, stabbing\npain_now = 6\npain_worst = 8\n"
                                 "worse_with = walking, cough_sneeze, twisting\nbetter_with = nothing\n"
                                 "km_change_pct = 20\nrecent_change = more_km\n";
    snprintf(text, sizeof text, "%shistory = missed_periods\n", ectopic);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);
    double organ = score_of("serious_pathology");
    snprintf(text, sizeof text, "%shistory = missed_periods, stress_fracture_before\n", ectopic);
    run_text(text);
    CHECK(score_of("serious_pathology") < organ);
    CHECK_STR(A.conditions[0].id, "stress_fracture");
    CHECK(A.disposition == RH_DISP_URGENT);

    /* a kidney stone's colic from the low back into the groin, eased to
     * 2/10 now (blind43 dev 7078, blind32 dev 5754, blind39 dev 6507): a
     * doctor within days, the stone first; severe now, at 60 or with a
     * fever, the same day */
    static const char *colic = "sex = male\nside = right\nlocation = low_back, groin, front\n"
                               "onset = sudden\nonset_event = none\nduration_days = 3\n"
                               "character = stabbing, radiating\npain_worst = 9\n"
                               "worse_with = rest, night\nbetter_with = nothing\n";
    snprintf(text, sizeof text, "%sage = 45\npain_now = 2\n", colic);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(why_says("how a kidney stone often passes"));
    snprintf(text, sizeof text, "%sage = 45\npain_now = 7\n", colic);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(!why_says("how a kidney stone often passes"));
    snprintf(text, sizeof text, "%sage = 64\npain_now = 2\n", colic);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "%sage = 45\npain_now = 2\nsigns = fever\n", colic);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    /* the groin alone between waves (main 194): still the same day */
    run_text("age = 31\nsex = male\nlocation = groin\nonset = sudden\nduration_days = 1\n"
             "character = stabbing\npain_now = 3\npain_worst = 9\nworse_with = rest\n");
    CHECK(A.disposition == RH_DISP_URGENT);

    /* night pain in a hip that limps, eased by moving (retired blind37 test
     * 6353): the night-pain warning; from lying on the sore side with a
     * limp (blind26 dev 5016) it is the tendon's, no warning */
    static const char *night = "age = 67\nsex = female\nlocation = groin, deep\nonset = gradual\n"
                               "duration_days = 300\nepisodes = recurring\ncharacter = dull_ache\n"
                               "pain_now = 4\npain_worst = 7\nbetter_with = movement, warm_up, heat\n"
                               "history = osteoarthritis\n";
    snprintf(text, sizeof text, "%sworse_with = morning, night\nsigns = limp\n", night);
    run_text(text);
    CHECK(flag("night_or_rest_pain") != NULL);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%sworse_with = morning, night\nsigns = reduced_motion\n", night);
    run_text(text);
    CHECK(flag("night_or_rest_pain") == NULL);
    run_text("age = 59\nsex = female\nlocation = outer, outer_thigh\nonset = gradual\n"
             "duration_days = 180\ncharacter = dull_ache\npain_now = 4\npain_worst = 6\n"
             "worse_with = lying_on_side, night, stairs\nbetter_with = rest, heat\nsigns = limp\n"
             "test_press_outer = yes\ntest_hop = no\n");
    CHECK(flag("night_or_rest_pain") == NULL);

    /* morning stiffness of the hip at 57, eased by warming up, nothing
     * else told (blind43 dev 6989, blind19 test 4421, blind22 test 4668):
     * a change of training; with pain on walking, or at 70, a
     * physiotherapist */
    static const char *oa = "sex = male\nlocation = groin\nduration_days = 90\nbetter_with = warm_up\n";
    snprintf(text, sizeof text, "%sage = 57\nworse_with = morning\n", oa);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_osteoarthritis");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sage = 57\nworse_with = morning, walking\n", oa);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sage = 70\nworse_with = morning\n", oa);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);

    /* a first bout of a gluteal tendon two weeks after moving to a cambered
     * route, next morning 4/10 (blind43 dev 6987): a change of training;
     * recurring, a physiotherapist */
    static const char *gt = "age = 47\nsex = female\nside = left\nlocation = outer, outer_thigh\n"
                            "onset = gradual\nduration_days = 14\ncharacter = dull_ache\n"
                            "pain_now = 2\npain_run = 3\npain_worst = 5\npain_next_morning = 4\n"
                            "worse_with = lying_on_side, crossing_legs, stairs, after_run\n"
                            "test_press_outer = yes\ntest_single_leg_stand = yes\n"
                            "recent_change = new_surface\n";
    snprintf(text, sizeof text, "%sepisodes = first\n", gt);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sepisodes = recurring\n", gt);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);

    /* an adult's pop sprinting for the line at a race, the resisted knee
     * lift painful (blind43 dev 7046): a strain, no bone warning; after a
     * rise in distance the warning stands */
    static const char *pop = "age = 22\nsex = male\nside = right\nlocation = front\n"
                             "onset = sudden\nonset_event = sprint\nduration_days = 3\n"
                             "character = sharp\npain_now = 3\npain_run = 7\npain_worst = 7\n"
                             "worse_with = kicking, stairs, walking, run_start\n"
                             "test_resisted_knee_lift = yes\ntest_hip_flexor_length = yes\n";
    snprintf(text, sizeof text, "%srecent_change = race\n", pop);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%srecent_change = race, more_km\n", pop);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);

    /* groin pain on runs three months after twisting the hip in a slip,
     * a race ticked (blind43 dev 7017): the race's bone warning does not
     * read it; built up gradually it does */
    static const char *slip = "age = 31\nsex = female\nlocation = groin, deep\nduration_days = 100\n"
                              "character = clicking, catching\npain_run = 5\npain_worst = 7\n"
                              "worse_with = twisting, squatting, run_later\nrecent_change = race\n";
    snprintf(text, sizeof text, "%sonset = sudden\nonset_event = slip\n", slip);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    snprintf(text, sizeof text, "%sonset = gradual\n", slip);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);

    /* a boy of 15 with three months of deep hip pain at night and at rest,
     * more than on runs, the hop painless (blind43 dev 7010, an osteoid
     * osteoma): the bone's disease first, a doctor within days, cross-
     * training only; hop not told, running stops; at four weeks the
     * tendon keeps its place */
    static const char *teen = "age = 15\nsex = male\nside = right\nlocation = deep, groin, front\n"
                              "onset = gradual\ncharacter = dull_ache\npain_now = 5\npain_run = 3\n"
                              "worse_with = night, rest\n";
    snprintf(text, sizeof text, "%sduration_days = 90\ntest_hop = no\n", teen);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);
    snprintf(text, sizeof text, "%sduration_days = 90\n", teen);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.running == RH_RUNNING_STOP);
    snprintf(text, sizeof text, "%sduration_days = 90\ntest_hop = no\n", teen);
    run_text(text);
    double bone = score_of("serious_pathology");
    snprintf(text, sizeof text, "%sduration_days = 28\ntest_hop = no\n", teen);
    run_text(text);
    CHECK(score_of("serious_pathology") < bone);
}

/* Session 34, branch b44d (blind44 dev, retired blind39 test): each rule
 * with its effect and its limit. */
static void test_session34_b44d(void)
{
    char text[1400];
    /* mild pain on runs (4/10, 2/10 the next morning) since new shoes and
     * a new surface at once (blind44 dev 7117): the new loads eased, a
     * change of training; with the shoes the one change, self care */
    static const char *two = "age = 35\nsex = female\nside = right\nlocation = front, outer\n"
                             "onset = gradual\nduration_days = 20\ncharacter = tight, dull_ache\n"
                             "pain_now = 1\npain_run = 4\npain_worst = 4\npain_next_morning = 2\n"
                             "worse_with = run_later, after_run\nbetter_with = stretching\n";
    snprintf(text, sizeof text, "%srecent_change = new_shoes, new_surface\n", two);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%srecent_change = new_surface, hills\n", two);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%srecent_change = new_shoes\n", two);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);

    /* bladder trouble with back pain shooting down both legs with
     * numbness, begun suddenly with no injury, 7/10 now (blind44 dev
     * 7133): the back's nerve roots first (cauda equina), the serious
     * cause in the top three, the same day; a sudden severe pain with no
     * injury and nothing down the leg keeps the organ first */
    static const char *cauda = "age = 39\nsex = female\nside = both\nonset = sudden\n"
                               "onset_event = none\nduration_days = 3\npain_now = 7\npain_worst = 9\n";
    snprintf(text, sizeof text,
             "%slocation = low_back, buttock, down_leg\ncharacter = sharp, numbness, tingling\n"
             "worse_with = sitting, cough_sneeze\nsigns = bladder_bowel, numb_foot\n"
             "history = back_problems\n",
             cauda);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK(strcmp(A.conditions[1].id, "serious_pathology") == 0 ||
          strcmp(A.conditions[2].id, "serious_pathology") == 0);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "%slocation = groin, low_back\ncharacter = sharp\nbetter_with = nothing\n",
             cauda);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);

    /* an ache only at the front and the side of the hip since new track
     * sessions, nothing else told (blind44 dev 7181): the muscle in front
     * of the bony point first, not the gluteal tendon; begun suddenly and
     * sharp, the new work does not name the muscle */
    run_text("age = 27\nsex = female\nlocation = front, outer\nrecent_change = speedwork\n"
             "duration_days = 7\n");
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    double tfl = score_of("tfl_tightness");
    run_text("age = 27\nsex = female\nlocation = front, outer\nrecent_change = speedwork\n"
             "duration_days = 7\nonset = sudden\ncharacter = sharp\n");
    CHECK(score_of("tfl_tightness") < tfl);
    CHECK(strcmp(A.conditions[0].id, "tfl_tightness") != 0);

    /* a tight ache at the front and the side of the hip spreading down the
     * outer thigh, the groin ticked beside it, a desk job and a positive
     * hang-off-the-bed test (blind44 dev 7117): the muscle at the front of
     * the outer hip first; burning down the thigh (the skin nerve's) does
     * not speak for it, and the iliopsoas keeps its lead */
    static const char *side = "age = 35\nsex = female\nside = right\nonset = gradual\n"
                              "duration_days = 20\npain_run = 4\nworse_with = after_run, sitting\n"
                              "test_hip_flexor_length = yes\ntest_press_outer = no\nsitting_hours = 9\n"
                              "location = front, outer, outer_thigh, groin\n";
    snprintf(text, sizeof text, "%scharacter = tight, dull_ache\n", side);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    snprintf(text, sizeof text, "%scharacter = tight, burning\n", side);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");

    /* a fall at 71, groin pain and a limp, how it began not told (retired
     * blind39 test 6554): a fracture first, not the arthritis; the fall
     * told with a gradual start leaves the arthritis its weight */
    run_text("age = 71\nsex = female\nlocation = groin\nonset_event = fall\nsigns = limp\n");
    CHECK(strcmp(A.conditions[0].id, "hip_osteoarthritis") != 0);
    CHECK(A.disposition == RH_DISP_URGENT);
    double oa = score_of("hip_osteoarthritis");
    run_text("age = 71\nsex = female\nlocation = groin\nonset_event = fall\nsigns = limp\n"
             "onset = gradual\n");
    CHECK(score_of("hip_osteoarthritis") > oa);

    /* six months of a weak side, the pelvis dropping on one leg, mild
     * pain, the same route on nearly every run (blind44 dev 7152): the
     * route and the strength work changed first; without the same route
     * told, a physiotherapist */
    static const char *weak = "age = 36\nsex = female\nside = left\nlocation = outer, buttock\n"
                              "onset = gradual\nduration_days = 180\nepisodes = recurring\n"
                              "character = dull_ache, tight\npain_now = 1\npain_run = 3\npain_worst = 4\n"
                              "pain_next_morning = 2\nworse_with = run_later, standing_one_leg\n"
                              "better_with = stretching, movement\ncheck_weak_side = yes\n"
                              "test_single_leg_stand = yes\ntest_press_outer = no\ntest_hop = no\n"
                              "strength_per_week = 0\n";
    snprintf(text, sizeof text, "%ssame_route = yes\n", weak);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%ssame_route = no\n", weak);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);

    /* a mild snap at the side of the hip for two months, the bony point
     * tender, stretching easing it (blind44 dev 7159): the snapping band
     * first, a change of training; stretching not told, the tendon keeps
     * its lead */
    static const char *snap = "age = 28\nsex = female\nside = right\nlocation = outer\nonset = gradual\n"
                              "duration_days = 60\ncharacter = snapping, dull_ache\npain_now = 1\n"
                              "pain_run = 3\npain_worst = 3\nworse_with = run_later, stairs, after_run\n"
                              "test_press_outer = yes\ntest_single_leg_stand = no\n";
    snprintf(text, sizeof text, "%sbetter_with = stretching\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    run_text(snap);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
}

/* session 32, branch b41run */
static void test_session32_b41run(void)
{
    char text[1600];
    /* a tight front of the hip only, eased by a warm-up, nothing above
     * 3/10 and nothing but the run bringing it on (blind41 dev 6755,
     * blind26 dev 4959): a hip-flexor tendon kept in view beside the tight
     * muscle does not cut the running back */
    static const char *tight = "age = 21\nside = both\nlocation = front\ncharacter = tight\n"
                               "better_with = warm_up, movement\n";
    run_text(tight);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    /* its limits: pain above 3/10 on runs, more than two weeks, a painful
     * resisted knee lift, or hills bringing it on is the tendon's: reduced */
    snprintf(text, sizeof text, "%spain_run = 4\n", tight);
    run_text(text);
    CHECK(A.running != RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%sduration_days = 30\n", tight);
    run_text(text);
    CHECK(A.running != RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%stest_resisted_knee_lift = yes\n", tight);
    run_text(text);
    CHECK(A.running != RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%sworse_with = hills\n", tight);
    run_text(text);
    CHECK(A.running != RH_RUNNING_CONTINUE);
    /* a sharp or catching feeling is not a tight muscle's */
    run_text("age = 21\nside = both\nlocation = front\ncharacter = tight, sharp\n"
             "better_with = warm_up, movement\n");
    CHECK(!why_says("within the safe zone for a tendon"));

    /* many boxes ticked, the joint's answers plainly ahead of the muscle's
     * (blind2 dev 020): joint pain, not mixed (pain_mixed_ratio 0.85) */
    run_text("age = 32\nsex = female\nside = left\n"
             "location = groin, deep, front, buttock, outer\nonset = gradual\n"
             "onset_event = none\nduration_days = 150\nepisodes = recurring\n"
             "character = pinching, sharp, clicking, catching, dull_ache, tight\n"
             "pain_now = 3\npain_run = 4\npain_worst = 7\npain_next_morning = 4\n"
             "worse_with = squatting, sitting, knee_to_chest, twisting, rising, "
             "crossing_legs, stairs, run_later, after_run, morning\n"
             "better_with = stretching, heat, massage, rest\nsigns = reduced_motion\n"
             "test_knee_to_chest = yes\ntest_hop = no\ntest_single_leg_stand = yes\n"
             "test_cross_legged = yes\ntest_press_outer = no\n"
             "test_hip_flexor_length = yes\ntest_resisted_knee_lift = yes\n"
             "test_squeeze = no\ncheck_sharp_socket = yes\n");
    CHECK_INT(A.pain_type, RH_PAIN_JOINT);
    /* its limit: after a birth, one-sided pain at the back of the pelvis
     * on one-leg loading with the side of the hip told too: the pelvic
     * girdle's joint (now 1.5) and the gluteal tendon both plainly there
     * stay mixed; without the birth the tendon's muscle pain leads */
    static const char *girdle = "age = 27\nsex = female\nside = left\nonset = gradual\n"
                                "duration_days = 45\ncharacter = dull_ache, sharp\npain_run = 5\n"
                                "worse_with = standing_one_leg, stairs, rising\n"
                                "better_with = movement, heat\ntest_hop = no\n"
                                "test_single_leg_stand = yes\nstrength_per_week = 0\n"
                                "location = buttock, low_back, outer\n";
    snprintf(text, sizeof text, "%shistory = postpartum\n", girdle);
    run_text(text);
    CHECK_INT(A.pain_type, RH_PAIN_MIXED);
    run_text(girdle);
    CHECK_INT(A.pain_type, RH_PAIN_MUSCLE);
}

/* session 33, branch run33 */
static void test_session33_run33(void)
{
    char text[800];
    /* too few answers to rank the causes, nothing told that points to an
     * injury (blind8 test 1261, blind41 dev 6754): a cause only not ruled
     * out does not cut the running back; its visit still counts */
    static const char *sparse = "age = 66\nside = both\nlocation = buttock, outer_thigh\n"
                                "recent_change = return_from_break, race\n";
    snprintf(text, sizeof text, "%sduration_days = 2\nhistory = osteoarthritis\n", sparse);
    run_text(text);
    CHECK(A.unranked);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    CHECK(running_says("nothing told points to an injury"));
    /* its limits: pain above 3/10, more than a week, a sign, a painful
     * self-test, a bone risk, night pain, the side of the hip or the groin
     * keep the cause's "run less" (or more) */
    static const char *more[] = {"duration_days = 2\npain_worst = 5\n",
                                 "duration_days = 2\npain_next_morning = 3\n",
                                 "duration_days = 10\n",
                                 "duration_days = 2\nsigns = limp\n",
                                 "duration_days = 2\ntest_press_outer = yes\n",
                                 "duration_days = 2\nworse_with = night\n"};
    for (size_t k = 0; k < sizeof more / sizeof *more; k++) {
        snprintf(text, sizeof text, "%s%shistory = osteoarthritis\n", sparse, more[k]);
        run_text(text);
        CHECK(A.running != RH_RUNNING_CONTINUE);
    }
    snprintf(text, sizeof text, "%sduration_days = 2\nhistory = osteoarthritis, low_bone_density\n",
             sparse);
    run_text(text);
    CHECK(A.running != RH_RUNNING_CONTINUE);
    static const char *where[] = {"age = 30\nlocation = deep\n", "age = 30\nlocation = groin\n",
                                  "age = 16\nlocation = outer\nduration_days = 1\n",
                                  "age = 30\nside = left\n", "age = 15\nlocation = buttock\n"};
    for (size_t k = 0; k < sizeof where / sizeof *where; k++) {
        run_text(where[k]);
        CHECK(A.unranked);
        CHECK(A.running != RH_RUNNING_CONTINUE);
    }
    /* under 17 with how much it hurts told, the same holds */
    run_text("age = 15\nlocation = buttock\npain_now = 2\n");
    CHECK(A.running == RH_RUNNING_CONTINUE);
    /* never a cross-training or a stop: a sparse form with a possible
     * stress fracture keeps its stop */
    run_text("age = 19\nsex = female\nlocation = groin\n"
             "history = missed_periods, low_energy_intake\n");
    CHECK(A.unranked);
    CHECK(A.running == RH_RUNNING_STOP);

    /* known hip arthritis whose stiffness eases with moving, nothing above
     * 3/10 (blind8 test 1254, blind14 test 2054): keep running */
    static const char *oa = "age = 71\nsex = female\nlocation = deep\n"
                            "better_with = movement, warm_up\nhistory = osteoarthritis\n";
    snprintf(text, sizeof text, "%sworse_with = morning\n", oa);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_osteoarthritis");
    CHECK(A.running == RH_RUNNING_CONTINUE);
    /* its limits: 4/10 on runs, a stiffened hip, pain on walking, a bout
     * of three months or less */
    static const char *flare[] = {
        "worse_with = morning\npain_run = 4\n", "worse_with = morning\nsigns = reduced_motion\n",
        "worse_with = morning, walking\n", "worse_with = morning\nduration_days = 30\n"};
    for (size_t k = 0; k < sizeof flare / sizeof *flare; k++) {
        snprintf(text, sizeof text, "%s%s", oa, flare[k]);
        run_text(text);
        CHECK(A.running != RH_RUNNING_CONTINUE);
    }
    /* without the known arthritis, the same stiffness is not this rule's */
    run_text("age = 71\nsex = female\nlocation = deep\nworse_with = morning\n"
             "better_with = movement, warm_up\nhistory = none\n");
    CHECK(!running_says("stiffness that eases as you get going"));

    /* a short form whose only kind of answer is a muscle's, the leading
     * cause a muscle's (blind9 dev 1304, blind41 dev 6754): muscle pain,
     * not unclear; its limits: a joint answer beside it, or a leading cause
     * of no muscle, joint or nerve (a groin ache alone) stays unclear */
    run_text("age = 23\nsex = female\nlocation = buttock\npain_now = 3\nrecent_change = hills\n");
    CHECK_INT(A.pain_type, RH_PAIN_MUSCLE);
    CHECK(pain_says("only muscle features"));
    run_text("age = 23\nsex = female\nlocation = buttock\npain_now = 3\nrecent_change = hills\n"
             "worse_with = sitting\n");
    CHECK(!pain_says("only muscle features"));

    /* a fall and a leg that cannot take weight, the place not told
     * (blind40 dev 6646, blind41 dev 6794): a broken bone's pain, reported
     * as joint pain, not unclear */
    run_text("age = 74\nsex = female\nside = left\nonset_event = fall\n"
             "signs = cannot_bear_weight\n");
    CHECK_INT(A.pain_type, RH_PAIN_JOINT);
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.running == RH_RUNNING_STOP);
    /* its limit: with a fever it is not the fracture's (an infection) */
    run_text("age = 74\nsex = female\nside = left\nonset_event = fall\n"
             "signs = cannot_bear_weight, fever\n");
    CHECK(A.pain_type != RH_PAIN_JOINT);
}

/* Session 34 (over34, issue 11): the likeliest cause one the runner looks
 * after alone (a tight muscle), the runs at most 2/10 with nothing worse
 * told (data/terms.txt r34_runs_safe_zone): a less likely overuse injury's
 * change of training and its "run less" are not added (blind36 test 6204,
 * blind38 test 6443, blind26 dev 4959: self-care, running on) */
static void test_session34_over34(void)
{
    char text[600];
    static const char *tfl = "age = 42\nsex = female\nlocation = front, outer\ncharacter = tight\n"
                             "recent_change = new_shoes\n";
    snprintf(text, sizeof text, "%spain_run = 2\n", tfl);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    CHECK(why_says("a less likely cause, but your runs hurt at most 2/10"));
    /* its limits: 3/10 on runs, worse at its worst, a painful self-test of
     * the tendon, pain lying on the side, a recurring or long bout: the
     * runner-up's change of training and "run less" stand */
    static const char *more[] = {"pain_run = 3\n",
                                 "pain_run = 2\npain_worst = 5\n",
                                 "pain_run = 2\ntest_press_outer = yes\n",
                                 "pain_run = 2\nworse_with = lying_on_side\n",
                                 "pain_run = 2\nepisodes = recurring\n",
                                 "pain_run = 2\nduration_days = 60\n"};
    for (size_t k = 0; k < sizeof more / sizeof *more; k++) {
        snprintf(text, sizeof text, "%s%s", tfl, more[k]);
        run_text(text);
        CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
        CHECK(A.running == RH_RUNNING_REDUCE);
        CHECK(!why_says("a less likely cause, but your runs hurt at most 2/10"));
    }
    /* the likeliest cause's own change of training is never lowered: a
     * gluteal tendon first at 2/10 keeps it */
    run_text("age = 45\nsex = female\nlocation = outer\npain_run = 2\n");
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    /* nor a warning sign: a limp at 2/10 keeps its doctor */
    snprintf(text, sizeof text, "%spain_run = 2\nsigns = limp\n", tfl);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);

    /* the outer thigh's numb patch in its first two weeks, a first bout
     * (data/terms.txt r34_skin_nerve_first_fortnight; blind29 test 5349,
     * blind43 dev 7070): the belt comes off first, a change of training */
    static const char *patch =
        "age = 28\nsex = male\nlocation = outer_thigh, front\nonset = gradual\n"
        "character = burning, numbness, tingling\npain_run = 3\n";
    snprintf(text, sizeof text, "%sduration_days = 10\n", patch);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("in its first two weeks"));
    /* its limits: three weeks, a recurring patch, 6/10, back pain or a
     * weak leg keep the one check by a GP or physiotherapist (or more) */
    static const char *later[] = {"duration_days = 21\n",
                                  "duration_days = 10\nepisodes = recurring\n",
                                  "duration_days = 10\npain_worst = 6\n"};
    for (size_t k = 0; k < sizeof later / sizeof *later; k++) {
        snprintf(text, sizeof text, "%s%s", patch, later[k]);
        run_text(text);
        CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
        CHECK(!why_says("in its first two weeks"));
    }
    run_text("age = 28\nsex = male\nlocation = outer_thigh, low_back\nonset = gradual\n"
             "character = burning, numbness\nduration_days = 10\n");
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sduration_days = 10\nsigns = weak_one_side\n", patch);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    /* without numbness (burning alone) it stays the runner's own care */
    run_text(
        "age = 28\nsex = male\nlocation = outer_thigh\ncharacter = burning\nduration_days = 10\n"
        "pain_run = 2\n");
    CHECK(A.disposition <= RH_DISP_MODIFY_TRAINING);
}

static void test_session32_b42d(void)
{
    char text[1400];
    /* severe pain in the low back and the groin at rest and at night, no
     * movement bringing it on, the start not told (blind42 dev 6888,
     * blind36 test 6237): a kidney stone first, the same day, no running;
     * built up slowly, or brought on by sitting, it is not the colic */
    static const char *colic = "age = 53\nsex = male\nlocation = low_back, groin\n"
                               "character = sharp, radiating\npain_worst = 9\n";
    snprintf(text, sizeof text, "%sworse_with = rest, night\n", colic);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.running == RH_RUNNING_STOP);
    CHECK(why_says("no movement brings on"));
    snprintf(text, sizeof text, "%sworse_with = rest, night\nbetter_with = nothing\n",
             "age = 39\nsex = male\nlocation = low_back, groin\n"
             "character = stabbing, radiating\n");
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "%sworse_with = rest, night, sitting\n", colic);
    run_text(text);
    CHECK(!why_says("no movement brings on"));
    snprintf(text, sizeof text, "%sworse_with = rest, night\nonset = gradual\n", colic);
    run_text(text);
    CHECK(!why_says("no movement brings on"));
    CHECK(A.disposition != RH_DISP_URGENT);
    /* low now (between waves, told at 3/10): the within-days level of the
     * sudden colic's own lines, not this one */
    snprintf(text, sizeof text, "%sworse_with = rest, night\npain_now = 3\n", colic);
    run_text(text);
    CHECK(!why_says("no movement brings on"));

    /* a snap at the front that has hurt 4/10 on runs for two months
     * (blind42 dev 6919): a physiotherapist, runs reduced; at five weeks
     * a change of training, and at 3/10 on runs still runs reduced */
    static const char *snap = "age = 19\nsex = female\nlocation = front, groin\n"
                              "character = snapping, clicking\n";
    snprintf(text, sizeof text, "%spain_run = 4\nduration_days = 60\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(why_says("for six weeks or more has not settled"));
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%spain_run = 4\nduration_days = 35\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(!why_says("for six weeks or more has not settled"));
    snprintf(text, sizeof text, "%spain_run = 3\nduration_days = 60\n", snap);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(A.running == RH_RUNNING_REDUCE);
    CHECK(b42_run_says("a snap that hurts 3/10 or more on your runs"));
    snprintf(text, sizeof text, "%spain_run = 2\npain_worst = 2\nduration_days = 60\n", snap);
    run_text(text);
    CHECK(A.running == RH_RUNNING_CONTINUE);

    /* a tight front of the hip for two weeks since running on a new
     * surface, the runs not told (blind42 dev 6934): a change of training;
     * at ten days, or with an injury, the rule is silent */
    static const char *surf = "age = 46\nlocation = front\ncharacter = tight\n"
                              "recent_change = new_surface\nbetter_with = warm_up, stretching\n";
    snprintf(text, sizeof text, "%sduration_days = 14\n", surf);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("not settled in two weeks since you changed shoes or surface"));
    snprintf(text, sizeof text, "%sduration_days = 10\n", surf);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%sduration_days = 14\nonset_event = slip\n", surf);
    run_text(text);
    CHECK(!why_says("not settled in two weeks since you changed shoes or surface"));

    /* weak hip muscles, the pain told at 3/10 at its worst: running goes
     * on while the strength work builds them (blind42 dev 6900); back from
     * a long break the runs are reduced */
    static const char *weak = "age = 52\nsex = male\nside = right\nlocation = outer, buttock\n"
                              "onset = gradual\ncharacter = dull_ache\npain_run = 2\n"
                              "pain_next_morning = 2\npain_worst = 3\n"
                              "worse_with = run_later, after_run\nbetter_with = stretching, massage\n"
                              "test_single_leg_stand = yes\ntest_press_outer = no\ntest_hop = no\n"
                              "check_weak_side = yes\nstrength_per_week = 0\n";
    snprintf(text, sizeof text, "%skm_change_pct = 5\n", weak);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    CHECK(A.running == RH_RUNNING_CONTINUE);
    CHECK(b42_run_says("weak hip muscles with pain this mild"));
    snprintf(text, sizeof text, "%srecent_change = return_from_break\n", weak);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "strength_imbalance");
    CHECK(A.running == RH_RUNNING_REDUCE);
    CHECK(!b42_run_says("weak hip muscles with pain this mild"));

    /* a deep buttock ache on sitting and late in runs at 3/10, nothing of
     * the back or a nerve (blind42 dev 6907): a change of training; with
     * tingling, or at 5/10 on runs, the physiotherapist stays */
    static const char *butt = "age = 38\nsex = female\nside = left\nlocation = buttock\n"
                              "onset = gradual\nduration_days = 30\n"
                              "worse_with = sitting, run_later, crossing_legs\n"
                              "better_with = stretching, movement\ntest_cross_legged = yes\n";
    snprintf(text, sizeof text, "%scharacter = dull_ache\npain_run = 3\n", butt);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "piriformis_syndrome");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(why_says("a deep buttock ache this mild"));
    snprintf(text, sizeof text, "%scharacter = dull_ache, tingling\npain_run = 3\n", butt);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(!why_says("a deep buttock ache this mild"));
    snprintf(text, sizeof text, "%scharacter = dull_ache\npain_run = 5\n", butt);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    CHECK(!why_says("a deep buttock ache this mild"));

    /* a tight ache at the front and the side of the hip since the move to
     * trails, 2/10 on runs (retired blind36 test 6204): the muscle there
     * first; with the bony point at the side tender, the gluteal tendon */
    static const char *trail = "age = 42\nsex = female\nlocation = front, outer\n"
                               "character = tight, dull_ache\npain_run = 2\n"
                               "recent_change = new_surface\n";
    run_text(trail);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    CHECK(b41_cond_says("tfl_tightness", "overworked by the change"));
    snprintf(text, sizeof text, "%stest_press_outer = yes\n", trail);
    run_text(text);
    CHECK(!b41_cond_says("tfl_tightness", "overworked by the change"));
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");

    /* a sprint strain at the front of the hip three days ago, 6/10 at its
     * worst, runs not told (retired blind36 test 6225): cross-training for
     * now; at 4/10 at its worst, or ten days on, runs reduced */
    static const char *strain = "age = 22\nonset = sudden\nonset_event = sprint\n"
                                "location = front\n";
    snprintf(text, sizeof text, "%sduration_days = 3\npain_worst = 6\n", strain);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);
    CHECK(b42_run_says("a strain this painful in its first days"));
    snprintf(text, sizeof text, "%sduration_days = 3\npain_worst = 4\n", strain);
    run_text(text);
    CHECK(A.running == RH_RUNNING_REDUCE);
    CHECK(!b42_run_says("a strain this painful in its first days"));
    snprintf(text, sizeof text, "%sduration_days = 10\npain_worst = 6\n", strain);
    run_text(text);
    CHECK(!b42_run_says("a strain this painful in its first days"));

    /* a slip with a pop at the sit bone, bruising, a limp, the leg
     * tingling (retired blind36 test 6134): the torn hamstring first, muscle
     * pain; without the bruise (nothing of an injury's bleed) the deep
     * buttock keeps its place */
    static const char *sit = "age = 52\nsex = male\nside = right\n"
                             "location = sit_bone, buttock, down_leg\nonset = sudden\n"
                             "onset_event = slip\nduration_days = 4\ncharacter = sharp, tingling\n"
                             "pain_now = 5\npain_worst = 8\nworse_with = sitting, walking\n"
                             "test_cross_legged = no\n";
    snprintf(text, sizeof text, "%ssigns = bruising, limp\n", sit);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hamstring_tendinopathy");
    CHECK(A.pain_type == RH_PAIN_MUSCLE);
    CHECK(b41_cond_says("piriformis_syndrome", "whose bleed can irritate"));
    snprintf(text, sizeof text, "%ssigns = limp\n", sit);
    run_text(text);
    CHECK(!b41_cond_says("piriformis_syndrome", "whose bleed can irritate"));
    CHECK(!b41_cond_says("lumbar_referred", "whose bleed can irritate"));

    /* a mild ache in both buttocks the day after a first session, nothing
     * else told (retired blind36 test 6159): muscle pain; on one side the
     * soreness line is silent */
    run_text("age = 29\nsex = female\nside = both\nlocation = buttock\nduration_days = 1\n"
             "pain_now = 2\n");
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(A.pain_type == RH_PAIN_MUSCLE);
    run_text("age = 29\nsex = female\nside = left\nlocation = buttock\nduration_days = 1\n"
             "pain_now = 2\n");
    CHECK(!pain_says("a mild ache in both legs"));
}

static void test_session30_b39dev(void)
{
    char text[1400];
    /* a tightness at the front and side that came with a new surface, how
     * much it hurts not told: a change of training, running reduced; eased
     * by stretching, or told as mild, it stays self care, running on */
    static const char *tfl = "age = 28\nsex = male\nlocation = front, outer\ncharacter = tight\n"
                             "recent_change = new_surface\n";
    run_text(tfl);
    CHECK_STR(A.conditions[0].id, "tfl_tightness");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%sbetter_with = stretching\n", tfl);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%spain_run = 2\n", tfl);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_CONTINUE);

    /* the tight hip flexor's new work eased is less running; not when
     * massage or stretching eases it */
    static const char *ilio = "age = 34\nsex = female\nlocation = front\ncharacter = tight\n"
                              "recent_change = speedwork\nsitting_hours = 9\n"
                              "test_resisted_knee_lift = no\n";
    run_text(ilio);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%sbetter_with = massage\n", ilio);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "iliopsoas_tightness");
    CHECK(A.running == RH_RUNNING_CONTINUE);

    /* sudden severe pain shooting from the back down the leg with numbness
     * is a nerve root's (cauda equina with the bladder), not an organ's;
     * without the numbness or tingling the organ's weights stay */
    static const char *root = "age = 50\nsex = male\nside = both\n"
                              "location = low_back, buttock, down_leg\nonset = sudden\n"
                              "duration_days = 3\npain_now = 7\n"
                              "worse_with = sitting, cough_sneeze\nbetter_with = nothing\n"
                              "signs = bladder_bowel\nhistory = back_problems\n";
    snprintf(text, sizeof text, "%scharacter = radiating, numbness, tingling, sharp\n", root);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "lumbar_referred");
    CHECK(in_top3("serious_pathology"));
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "%scharacter = radiating, sharp\n", root);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_URGENT);

    /* a past cancer with weight loss and rest or night pain: the spread
     * of the cancer first, before a known arthritis; with pain only on
     * walking and stairs the arthritis stays first */
    static const char *met = "age = 61\nsex = male\nside = right\nlocation = groin, deep\n"
                             "onset = gradual\nduration_days = 60\ncharacter = dull_ache\n"
                             "pain_now = 4\npain_worst = 7\nsigns = weight_loss, reduced_motion\n"
                             "history = cancer, osteoarthritis\n";
    snprintf(text, sizeof text, "%sworse_with = night, rest, walking\n", met);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%sworse_with = walking, stairs\n", met);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_osteoarthritis");
    CHECK(in_top3("serious_pathology"));
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);

    /* both sides sore a day after new hills: soreness, self care with
     * easier running; with a limp the tendon's change of training stays */
    static const char *sore = "age = 16\nsex = female\nside = both\nlocation = buttock, outer\n"
                              "duration_days = 1\nrecent_change = hills\n";
    run_text(sore);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_REDUCE);
    snprintf(text, sizeof text, "%ssigns = limp\n", sore);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);

    /* a woman's recurring pelvic pain at rest whose worst is well above the
     * pain on runs, one point more on runs than now: the pelvis first;
     * two points more on runs: running brings it on, not the pelvis */
    static const char *pelvis = "age = 29\nsex = female\nside = left\n"
                                "location = groin, deep, buttock\nonset = gradual\n"
                                "duration_days = 240\nepisodes = recurring\ncharacter = dull_ache\n"
                                "pain_now = 2\npain_worst = 7\nworse_with = rest\n"
                                "test_knee_to_chest = no\ntest_hop = no\n";
    snprintf(text, sizeof text, "%spain_run = 3\n", pelvis);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%spain_run = 4\n", pelvis);
    run_text(text);
    CHECK(strcmp(A.conditions[0].id, "serious_pathology") != 0);

    /* front and groin pain for over six weeks, the start not told: a strain
     * weighs 1.0 less than at a month; a sudden start told keeps it */
    static const char *front = "age = 41\nlocation = front, groin\n"
                               "worse_with = hills, knee_to_chest\ntest_resisted_knee_lift = yes\n";
    snprintf(text, sizeof text, "%sduration_days = 30\n", front);
    run_text(text);
    CHECK(ret33_score("hip_flexor_strain") > 0.99 * ret33_score("iliopsoas_bursitis"));
    snprintf(text, sizeof text, "%sduration_days = 60\n", front);
    run_text(text);
    CHECK(ret33_score("hip_flexor_strain") < 0.7 * ret33_score("iliopsoas_bursitis"));
    CHECK(in_top3("iliopsoas_bursitis"));
    snprintf(text, sizeof text, "%sduration_days = 30\nonset = sudden\n", front);
    run_text(text);
    double month = ret33_score("hip_flexor_strain");
    snprintf(text, sizeof text, "%sduration_days = 60\nonset = sudden\n", front);
    run_text(text);
    CHECK(fabs(ret33_score("hip_flexor_strain") - month) < 1e-9);

    /* groin and deep pain felt as a sharp pain in the socket, with the
     * front and the side (the C-sign) and the back: the many places do not
     * count against the joint; with the socket's sharp pain denied, or two
     * places beyond the front and side (the buttock, the outer thigh), they
     * do */
    static const char *csign = "age = 32\nsex = male\nside = right\nonset = gradual\n"
                               "duration_days = 150\ncharacter = pinching, dull_ache\n"
                               "worse_with = sitting, squatting, knee_to_chest\n"
                               "test_knee_to_chest = yes\n";
    static const char *places = "three or more places away from the groin";
    static const char *c_sign = "location = groin, deep, front, outer, low_back\n";
    snprintf(text, sizeof text, "%s%scheck_sharp_socket = yes\n", csign, c_sign);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "fai");
    CHECK(!cond_why_says("fai", places));
    CHECK(!cond_why_says("labral_tear", places));
    snprintf(text, sizeof text, "%s%scheck_sharp_socket = no\n", csign, c_sign);
    run_text(text);
    CHECK(cond_why_says("fai", places));
    snprintf(text, sizeof text, "%s%s", csign,
             "check_sharp_socket = yes\n"
             "location = groin, deep, front, outer, buttock, outer_thigh\n");
    run_text(text);
    CHECK(cond_why_says("fai", places));
}

/* session 26 (blind32 dev 5689, read after its one run): a snap that hurts
 * 3/10 or more on runs is a change of training (data/conditions.txt
 * snapping_hip escalate); at 2/10 the painless picture stays self care */
/* session 27 (ux27): a word of `history` or `character` that a follow-up
 * screen did not ask (a recent birth is never asked of a man, nor under 16;
 * a skipped screen) is unknown, and an unknown answer must never hide a red
 * flag that answering it "no" would raise: not knowing cannot be safer than
 * no. Checked on every case of the engine's own vignettes and of the open
 * blind sets' development halves: the flags with every unset word of both
 * lists unknown include the flags with those words answered no. Before the
 * fix, a man who answered his history and ticked new bladder trouble had no
 * warning sign at all (data/red_flags.txt, bladder_bowel). */
static int unknown_hides_flag(const char *path)
{
    char *text = test_slurp(path, NULL);
    if (!text)
        return -1;
    struct rh_intake no;
    struct rh_err err;
    int rc = rh_intake_parse(text, strlen(text), &no, &err);
    free(text);
    if (rc != 0)
        return -1;
    /* the words not said: answered no, then left unknown */
    no.has_history = true;
    no.has_character = true;
    struct rh_intake unk = no;
    unk.history_unknown = ~no.history & (RH_BIT(RH_HIST__COUNT) - 1);
    unk.character_unknown = ~no.character & (RH_BIT(RH_CHAR__COUNT) - 1);
    if (rh_assess(&no, &A, &err) != 0)
        return -1;
    const char *want[RH_ASSESS_MAX_FLAGS];
    int n = A.n_flags;
    for (int i = 0; i < n; i++)
        want[i] = A.flags[i].id;
    if (rh_assess(&unk, &A, &err) != 0)
        return -1;
    int hidden = 0;
    for (int i = 0; i < n; i++) {
        bool found = false;
        for (int j = 0; j < A.n_flags; j++)
            found |= strcmp(A.flags[j].id, want[i]) == 0;
        if (!found) {
            fprintf(stderr, "  %s: %s hidden by unknown words\n", path, want[i]);
            hidden++;
        }
    }
    return hidden;
}

static void test_session27_unknown_never_hides_flag(void)
{
    int hidden = 0;
    int seen = open_vignettes_walk(unknown_hides_flag, &hidden);
    CHECK(seen >= 400);
    CHECK_INT(hidden, 0);
    /* the questionnaire's man: history answered, the birth never asked */
    struct rh_intake in;
    struct rh_err err;
    const char *man = "age = 35\nsex = male\nlocation = low_back, buttock\nonset = gradual\n"
                      "signs = bladder_bowel\nhistory = none\n";
    CHECK_INT(rh_intake_parse(man, strlen(man), &in, &err), 0);
    in.history_unknown = RH_BIT(RH_HIST_POSTPARTUM) | RH_BIT(RH_HIST_BREASTFEEDING);
    CHECK_INT(rh_assess(&in, &A, &err), 0);
    CHECK(A.disposition == RH_DISP_URGENT);
    CHECK(A.n_flags >= 1 && strcmp(A.flags[0].id, "bladder_bowel") == 0);
}

/* session 27 (retired blind31 test 5572): a 14-year-old's one-sided low
 * back pain on twisting and standing on one leg for six weeks, nothing
 * down the leg: a possible pars stress injury, a doctor within days and no
 * running; at two weeks the rule does not hold; at 18 it is no growing
 * spine's */
static void test_session27_teen_spondylolysis(void)
{
    static const char *back = "sex = male\nside = right\nlocation = low_back, buttock\n"
                              "onset = gradual\ncharacter = dull_ache\npain_run = 5\n"
                              "worse_with = standing_one_leg, twisting, run_later\n";
    char text[1024];
    snprintf(text, sizeof text, "age = 14\nduration_days = 42\n%s", back);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_CROSS_TRAIN_ONLY);
    snprintf(text, sizeof text, "age = 14\nduration_days = 14\n%s", back);
    run_text(text);
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "age = 18\nduration_days = 42\n%s", back);
    run_text(text);
    CHECK(A.disposition < RH_DISP_SEE_DOCTOR_SOON);
}

/* session 27, branch over27 (over-triage, issue 11): two rules that lower a
 * level where every open author asks for the lower one, each with the
 * answer that undoes it. A runner treated for cancer whose groin pain at
 * night or at rest hurts on hopping and makes them limp, the leg taking
 * weight, is a doctor within days (a very urgent X-ray, NICE-NG12), the
 * bone-stress flag, its stop and the cancer's flag kept; without the
 * cancer, or not bearing weight, it is today (data/red_flags.txt, vignette
 * 381). Both sides aching within three days of a race with a painless hop
 * is soreness, not impingement and its physiotherapist (data/conditions.txt,
 * the feature against impingement written with b33dev's; vignette 380); on
 * one side, with a pinching pain or a painful hop it is not. */
static void test_session27_over27(void)
{
    char text[1024];
    static const char *bone = "age = 64\nsex = male\nside = left\nlocation = groin, deep, front\n"
                              "onset = gradual\nduration_days = 35\nepisodes = first\n"
                              "character = dull_ache\npain_now = 5\npain_run = 6\npain_worst = 7\n"
                              "worse_with = night, rest, walking, stairs\nbetter_with = nothing\n"
                              "test_hop = yes\n";
    snprintf(text, sizeof text, "%ssigns = limp\nhistory = cancer\n", bone);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    CHECK(A.running == RH_RUNNING_STOP);
    CHECK(flag("stress_fracture_signs") != NULL);
    CHECK(flag("cancer_or_weight_loss") != NULL);
    snprintf(text, sizeof text, "%ssigns = limp\nhistory = osteoarthritis\n", bone);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "%ssigns = limp\n", bone);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    snprintf(text, sizeof text, "%ssigns = limp, cannot_bear_weight\nhistory = cancer\n", bone);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
    static const char *sore = "age = 15\nsex = female\nlocation = groin, front\nduration_days = 2\n"
                              "worse_with = squatting\nrecent_change = race\n";
    snprintf(text, sizeof text, "%sside = both\ntest_hop = no\n", sore);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "post_run_soreness");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%sside = right\ntest_hop = no\n", sore);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sside = both\ntest_hop = no\ncharacter = pinching\n", sore);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sside = both\ntest_hop = yes\n", sore);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    CHECK(flag("stress_fracture_signs") != NULL);
}

static void test_session26_painful_snap(void)
{
    static const char *snap = "age = 16\nsex = female\nlocation = outer\nonset = gradual\n"
                              "duration_days = 120\nepisodes = recurring\ncharacter = snapping\n"
                              "pain_now = 1\nworse_with = twisting, after_run\ntest_press_outer = no\n"
                              "test_hop = no\n";
    char text[1024];
    snprintf(text, sizeof text, "%spain_run = 3\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    /* session 31 (b40dev): 2/10 on runs stays the painless picture when
     * the worst is told at 2/10; its worst not told, a change of training
     * (test_session31_b40dev) */
    snprintf(text, sizeof text, "%spain_run = 2\npain_worst = 2\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%spain_run = 2\n", snap);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "snapping_hip");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
}

static void test_session24_b28dev(void)
{
    char text[1024];
    /* known arthritis, 2/10 on runs, settled by the next morning: self
     * care and running as before; 3/10 on runs, 3/10 the next morning or a
     * limp keep the change of training (or more) */
    static const char *oa = "age = 62\nsex = female\nlocation = groin\nonset = gradual\n"
                            "worse_with = morning\nhistory = osteoarthritis\n";
    snprintf(text, sizeof text, "%spain_run = 2\npain_next_morning = 0\n", oa);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_osteoarthritis");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    snprintf(text, sizeof text, "%spain_run = 3\npain_next_morning = 0\n", oa);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%spain_run = 2\npain_next_morning = 3\n", oa);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%spain_run = 2\npain_next_morning = 0\nsigns = limp\n", oa);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_MODIFY_TRAINING);
    /* the pain on runs not told: not the safe zone */
    snprintf(text, sizeof text, "%spain_next_morning = 0\n", oa);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    /* an adult's sit-bone tendon pain at four weeks within the limits: a
     * change of training; at six weeks, at 6/10, recurring or at 16 a
     * physiotherapist */
    static const char *pht = "sex = male\nlocation = sit_bone\nonset = gradual\n"
                             "character = dull_ache\npain_run = 3\nworse_with = sitting, hills\n";
    snprintf(text, sizeof text, "%sage = 48\nduration_days = 28\npain_worst = 4\n", pht);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hamstring_tendinopathy");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sage = 48\nduration_days = 42\npain_worst = 4\n", pht);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sage = 48\nduration_days = 28\npain_worst = 6\n", pht);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text,
             "%sage = 48\nduration_days = 28\npain_worst = 4\nepisodes = recurring\n", pht);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sage = 16\nduration_days = 28\npain_worst = 4\n", pht);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    /* mild recurring groin pain with a painful squeeze, ten days this time:
     * a change of training; at five weeks or at 5/10 a physiotherapist */
    static const char *add = "age = 24\nsex = male\nlocation = groin\nonset = gradual\n"
                             "episodes = recurring\nworse_with = kicking\ntest_squeeze = yes\n";
    snprintf(text, sizeof text, "%sduration_days = 10\npain_run = 2\n", add);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sduration_days = 35\npain_run = 2\n", add);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sduration_days = 10\npain_run = 5\n", add);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sduration_days = 10\n", add);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    /* groin pain on coughing and kicking, no lump: muscle pain; with a lump
     * told, or deep in the hip, it is not named so */
    static const char *ing = "age = 27\nsex = male\nlocation = groin\nonset = gradual\n"
                             "duration_days = 35\ncharacter = dull_ache, sharp\npain_run = 4\n"
                             "worse_with = cough_sneeze, kicking, twisting, run_later\n"
                             "test_squeeze = no\ntest_resisted_knee_lift = no\n";
    snprintf(text, sizeof text, "%ssigns = none\n", ing);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "inguinal_hernia");
    CHECK(A.pain_type == RH_PAIN_MUSCLE);
    snprintf(text, sizeof text, "%ssigns = lump_groin\n", ing);
    run_text(text);
    CHECK(A.pain_type == RH_PAIN_UNCLEAR);
}

static void test_session23_b26ret(void)
{
    char text[1024];
    /* a strain still at 5/10 on runs on day six: a physiotherapist; on day
     * four, or at 4/10 on day six, the mild strain's change of training */
    static const char *kick = "age = 24\nsex = male\nlocation = front\nonset = sudden\n"
                              "onset_event = kick\ncharacter = sharp\n"
                              "worse_with = kicking, run_start\ntest_resisted_knee_lift = yes\n";
    snprintf(text, sizeof text, "%sduration_days = 6\npain_run = 5\n", kick);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text, "%sduration_days = 4\npain_run = 5\n", kick);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sduration_days = 6\npain_run = 4\n", kick);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    /* a tightness that hills bring on: past three weeks a change of
     * training, at ten days self care */
    static const char *tight = "age = 38\nsex = female\nlocation = front\nonset = gradual\n"
                               "character = tight\npain_run = 3\npain_worst = 3\n"
                               "worse_with = sitting, run_start, hills\nbetter_with = warm_up\n"
                               "test_hip_flexor_length = yes\nsitting_hours = 9\n";
    snprintf(text, sizeof text, "%sduration_days = 35\n", tight);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text, "%sduration_days = 10\n", tight);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    /* the bone-stress warning of pain on runs after more distance, hop not
     * done: not when told only at the start of runs; later in runs it stays */
    static const char *front = "age = 49\nsex = male\nlocation = front\nrecent_change = more_km\n";
    snprintf(text, sizeof text, "%sworse_with = run_start, hills\n", front);
    run_text(text);
    CHECK(!has_flag("stress_fracture_signs"));
    snprintf(text, sizeof text, "%sworse_with = run_start, run_later\n", front);
    run_text(text);
    CHECK(has_flag("stress_fracture_signs"));
    /* session 23 (glut23, b26ret's measured rule): a first bout of gluteal
     * tendon pain within six weeks of more distance: a change of training;
     * recurring, at eight weeks, with a limp or with no rise in load told a
     * physiotherapist; night and rest pain not from lying on it: the flag */
    static const char *glut = "age = 46\nsex = female\nlocation = outer\nonset = gradual\n"
                              "pain_run = 4\npain_worst = 6\npain_next_morning = 3\n"
                              "test_press_outer = yes\ntest_hop = no\n";
    snprintf(text, sizeof text,
             "%sduration_days = 21\nepisodes = first\nworse_with = lying_on_side, stairs\n"
             "recent_change = more_km\n",
             glut);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "trochanteric_bursitis");
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text,
             "%sduration_days = 21\nepisodes = first\nworse_with = lying_on_side, stairs\n"
             "recent_change = speedwork\n",
             glut);
    run_text(text);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text,
             "%sduration_days = 21\nepisodes = recurring\nworse_with = lying_on_side, stairs\n"
             "recent_change = more_km\n",
             glut);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text,
             "%sduration_days = 56\nepisodes = first\nworse_with = lying_on_side, stairs\n"
             "recent_change = more_km\n",
             glut);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text,
             "%sduration_days = 21\nepisodes = first\nworse_with = lying_on_side, stairs\n"
             "recent_change = more_km\nsigns = limp\n",
             glut);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text,
             "%sduration_days = 21\nepisodes = first\nworse_with = lying_on_side, stairs\n", glut);
    run_text(text);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    snprintf(text, sizeof text,
             "%sduration_days = 21\nepisodes = first\nworse_with = stairs, night, rest\n"
             "recent_change = more_km\n",
             glut);
    run_text(text);
    CHECK(has_flag("night_or_rest_pain"));
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    /* a snap that does not hurt on runs: self care, running on */
    run_text("age = 20\nsex = female\nlocation = outer\ncharacter = snapping\npain_run = 0\n");
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    CHECK(A.running == RH_RUNNING_CONTINUE);
    /* night and rest pain much worse than on runs, nothing eases it: a
     * serious cause first */
    run_text("age = 14\nsex = female\nlocation = deep, groin, front\nonset = gradual\n"
             "onset_event = none\nduration_days = 60\npain_now = 4\npain_run = 2\n"
             "pain_worst = 6\nworse_with = night, rest\nbetter_with = nothing\ntest_hop = no\n");
    CHECK_STR(A.conditions[0].id, "serious_pathology");
    /* after 50, "nothing eases it" of a pain that began with a slip is no
     * warning sign; with no injury it still is */
    static const char *old = "age = 58\nsex = male\nlocation = groin, deep\nduration_days = 42\n"
                             "pain_now = 3\nbetter_with = nothing\n";
    snprintf(text, sizeof text, "%sonset = sudden\nonset_event = slip\n", old);
    run_text(text);
    CHECK(!has_flag("cancer_or_weight_loss"));
    snprintf(text, sizeof text, "%sonset = gradual\nonset_event = none\n", old);
    run_text(text);
    CHECK(has_flag("cancer_or_weight_loss"));
}

/* session 18 (b21ret, retired blind21 4559): a known hip dysplasia whose
 * groin pain catches keeps a torn labrum among the three likeliest causes
 * even when the pain spreads round the hip (Klaue91); the disposition stays
 * a physiotherapist (the dysplasia's orthopaedic opinion through the physio). */
static void test_session18_b21ret_dysplasia_labrum(void)
{
    static const char *hip =
        "age = 23\nsex = female\nside = left\nlocation = groin, deep, outer, front, buttock\n"
        "onset = gradual\nduration_days = 365\nepisodes = recurring\n"
        "pain_now = 3\npain_run = 5\npain_worst = 6\npain_next_morning = 4\n"
        "worse_with = run_later, standing_one_leg, stairs, sitting, lying_on_side, twisting\n"
        "test_knee_to_chest = yes\ntest_single_leg_stand = yes\ntest_press_outer = yes\ntest_hop = no\n";
    char text[1024];
    int in3 = 0;
    snprintf(text, sizeof text, "%scharacter = dull_ache, catching, sharp\nhistory = hip_dysplasia\n", hip);
    run_text(text);
    for (int k = 0; k < 3; k++)
        in3 |= strcmp(A.conditions[k].id, "labral_tear") == 0;
    CHECK(in3);
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    /* the same without the dysplasia: the weight is not added */
    double with = 0, without = 0;
    for (int k = 0; k < A.n_conditions; k++)
        if (strcmp(A.conditions[k].id, "labral_tear") == 0)
            with = A.conditions[k].score;
    snprintf(text, sizeof text, "%scharacter = dull_ache, catching, sharp\n", hip);
    run_text(text);
    for (int k = 0; k < A.n_conditions; k++)
        if (strcmp(A.conditions[k].id, "labral_tear") == 0)
            without = A.conditions[k].score;
    CHECK(with > without);
}

static void test_session17_b19ret(void)
{
    static const char *lock =
        "age = 38\nsex = female\nlocation = groin, deep\ncharacter = sharp, locking, clicking\n"
        "worse_with = twisting\n";
    static const char *itb =
        "age = 35\nsex = female\nside = right\n"
        "onset = gradual\nduration_days = 25\npain_now = 1\npain_run = 6\npain_worst = 6\n"
        "better_with = rest\n"
        "weekly_km = 50\nkm_change_pct = 25\nrecent_change = more_km, race\n";
    static const char *outer = "location = outer_knee, outer_thigh, outer, front\n";
    static const char *runs = "worse_with = run_later, hills, stairs\n";
    static const char *psoas =
        "age = 50\nsex = female\nside = left\nlocation = front, groin\nonset = gradual\n"
        "duration_days = 50\ncharacter = dull_ache\npain_now = 2\npain_run = 4\npain_worst = 5\n"
        "worse_with = rising, stairs, hills, walking\nbetter_with = rest\n"
        "test_resisted_knee_lift = yes\ntest_hip_flexor_length = yes\n";
    static const char *bruise =
        "age = 23\nsex = male\nside = left\nlocation = groin, front, deep\nonset = sudden\n"
        "onset_event = sprint\nduration_days = 3\ncharacter = sharp, pinching\npain_worst = 7\n"
        "worse_with = kicking, walking\nsigns = bruising\ntest_squeeze = yes\n";
    char text[1024];
    run_text(lock);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    run_text("age = 35\nlocation = deep\ncharacter = locking\n");
    CHECK(A.disposition == RH_DISP_SEE_PHYSIO);
    /* the band's pattern: no stress-fracture flag; groin pain keeps it */
    snprintf(text, sizeof text, "%s%s%s", itb, outer, runs);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    snprintf(text, sizeof text, "%slocation = groin, outer_knee\n%s", itb, runs);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* after a cancer, the band's pattern is its own care; walking pain is not */
    snprintf(text, sizeof text, "%s%s%shistory = cancer\ntest_hop = no\n", itb, outer, runs);
    run_text(text);
    CHECK(flag("cancer_or_weight_loss") != NULL);
    CHECK(A.disposition == RH_DISP_MODIFY_TRAINING);
    snprintf(text, sizeof text,
             "%s%sworse_with = run_later, walking\nhistory = cancer\ntest_hop = no\n", itb, outer);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_PHYSIO);
    /* the iliopsoas found by its tests; a rise in load or a limp keeps the flag */
    run_text(psoas);
    CHECK(flag("stress_fracture_signs") == NULL);
    snprintf(text, sizeof text, "%ssigns = limp\n", psoas);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    snprintf(text, sizeof text, "%skm_change_pct = 40\n", psoas);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* a bruise after a sprint: muscle pain */
    run_text(bruise);
    CHECK_INT(A.pain_type, RH_PAIN_MUSCLE);
}

static void test_session16_overtri2(void)
{
    static const char *race =
        "age = 59\nsex = female\nside = both\nlocation = front, buttock, outer_thigh\n"
        "duration_days = 2\npain_next_morning = 5\nrecent_change = race\nhistory = cancer\n";
    static const char *child =
        "age = 11\nsex = male\nside = both\nlocation = front, outer_thigh\n"
        "worse_with = night, after_run\nbetter_with = massage\n";
    static const char *cramp =
        "age = 28\nsex = male\nlocation = groin, front\nonset = sudden\nonset_event = none\n"
        "duration_days = 1\npain_now = 4\npain_run = 10\npain_worst = 10\n"
        "worse_with = walking, stairs\ntest_squeeze = yes\ntest_hop = no\n";
    static const char *oa =
        "age = 68\nsex = female\nside = left\nlocation = groin, deep\nonset = gradual\n"
        "onset_event = none\nduration_days = 10\npain_now = 3\npain_run = 4\npain_worst = 5\n"
        "worse_with = morning, after_run, walking\nkm_change_pct = 50\nrecent_change = more_km\n";
    static const char *snap =
        "age = 17\nsex = female\nside = right\nlocation = front\nonset = gradual\n"
        "duration_days = 120\ncharacter = snapping, clicking, locking\n"
        "worse_with = knee_to_chest, rising\n";
    static const char *root =
        "age = 52\nsex = male\nside = left\nlocation = low_back, buttock, down_leg\n"
        "onset = gradual\nduration_days = 21\ncharacter = radiating, numbness\n"
        "worse_with = sitting, night\nsigns = numb_foot, weak_one_side\n";
    char text[1024];
    /* soreness after a race on a short form: a past cancer is information */
    run_text(race);
    CHECK(A.disposition == RH_DISP_SELF_CARE);
    snprintf(text, sizeof text, "%sworse_with = night\n", race);
    run_text(text);
    CHECK(A.disposition >= RH_DISP_SEE_DOCTOR_SOON);
    /* growing pains are not the night-pain sign; a limp is */
    run_text(child);
    CHECK(flag("night_or_rest_pain") == NULL);
    snprintf(text, sizeof text, "%ssigns = limp\n", child);
    run_text(text);
    CHECK(flag("night_or_rest_pain") != NULL);
    /* cramps in both groins are no strain to grade; one groin is */
    snprintf(text, sizeof text, "%sside = both\n", cramp);
    run_text(text);
    CHECK(!why_says("a groin strain like yours"));
    snprintf(text, sizeof text, "%sside = left\n", cramp);
    run_text(text);
    CHECK(why_says("a groin strain like yours"));
    /* a known arthritic hip's flare after more running; low bone density
     * keeps the stress-fracture flag */
    snprintf(text, sizeof text, "%shistory = osteoarthritis\n", oa);
    run_text(text);
    CHECK(flag("stress_fracture_signs") == NULL);
    snprintf(text, sizeof text, "%shistory = osteoarthritis, low_bone_density\n", oa);
    run_text(text);
    CHECK(flag("stress_fracture_signs") != NULL);
    /* a snapping hip that barely hurts does not lock; at 6/10 it may */
    snprintf(text, sizeof text, "%spain_worst = 3\n", snap);
    run_text(text);
    CHECK(flag("joint_locking") == NULL);
    snprintf(text, sizeof text, "%spain_worst = 6\n", snap);
    run_text(text);
    CHECK(flag("joint_locking") != NULL);
    /* a nerve root's deficit at 52 with night pain: within days; after a
     * cancer: today */
    run_text(root);
    CHECK(A.disposition == RH_DISP_SEE_DOCTOR_SOON);
    snprintf(text, sizeof text, "%shistory = cancer\n", root);
    run_text(text);
    CHECK(A.disposition == RH_DISP_URGENT);
}

/* session 18 (fix18a): a source about some runners only (bone in
 * pregnancy and breastfeeding) is cited on a statement only when the reason
 * that needs it holds for this runner (data/assess_rules.txt [sources]). */
static const char fix18a_groin[] =
    "age = 34\nside = right\nlocation = groin\nonset = gradual\nonset_event = none\n"
    "duration_days = 21\nepisodes = first\ncharacter = dull_ache\npain_now = 2\npain_run = 4\n"
    "pain_worst = 5\npain_next_morning = 3\nworse_with = run_later, after_run\n"
    "better_with = warm_up\nweekly_km = 25\nsigns = none\ntest_squeeze = yes\n";

static bool fix18a_cites(const char *key)
{
    for (int i = 0; i < A.n_flags; i++)
        if (strstr(A.flags[i].why, key))
            return true;
    return false;
}

static void test_session18_fix18a_sources_for_this_runner(void)
{
    char text[1024];
    snprintf(text, sizeof text, "%ssex = male\nkm_change_pct = 30\nrecent_change = more_km\n"
             "history = none\n", fix18a_groin);
    run_text(text);
    CHECK(A.n_flags > 0);
    CHECK(!fix18a_cites("Kovacs16"));
    CHECK(fix18a_cites("RobertsonWood17"));
    snprintf(text, sizeof text, "%ssex = female\nkm_change_pct = 30\nrecent_change = more_km\n"
             "history = breastfeeding\n", fix18a_groin);
    run_text(text);
    CHECK(fix18a_cites("Kovacs16"));
}

/* session 18 (fix18a): squeezing the knees hurts with an adductor strain:
 * one running advice, the running level's with its reason; the advice list
 * no longer says another ("no running while walking or squeezing hurts"
 * beside "reduce"). */
static void test_session18_fix18a_one_running_advice(void)
{
    char text[1024];
    snprintf(text, sizeof text, "%ssex = male\nkm_change_pct = 0\nhistory = none\n", fix18a_groin);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "adductor_strain");
    CHECK(A.running == RH_RUNNING_REDUCE);
    bool why = false;
    for (int i = 0; i < A.running_why.n; i++)
        why |= strstr(A.running_why.text[i], "easy running within the pain limits") != NULL;
    CHECK(why);
    for (int i = 0; i < A.advice.n; i++)
        CHECK(!strstr(A.advice.text[i], "no running"));
}

/* words20: the sentence of the figures taken from the recorded runs, as
 * load19 wrote it (the 7 days before the onset set against the 4 weeks
 * before them), now from data/wording.txt [text] from_data*: the same bytes,
 * and its lead-in one call (rh_assessment_data_lead) the web page makes too */
static void test_data_used_words_one_place(void)
{
    struct rh_assessment *a = calloc(1, sizeof *a);
    CHECK(a != NULL);
    if (!a)
        return;
    a->from_data = RH_FROM_DATA_KM_CHANGE;
    a->data_value[1] = 93;
    a->data_answered = RH_FROM_DATA_KM_CHANGE;
    a->data_answer[1] = 0;
    a->data_before_onset = true;
    a->data_onset_day = rh_days_from_civil(2026, 11, 22);
    a->data_lead_days = 7;
    char buf[600], lead[320];
    rh_assessment_data_used(a, buf, sizeof buf);
    CHECK_STR(buf, "Taken from your recorded runs of the weeks before the pain began on "
                   "2026-11-22 (the change: the 7 days before it against the 4 weeks before "
                   "them): the change in your weekly distance (recorded: +93%; you said +0%).");
    rh_assessment_data_lead(a->data_onset_day, 7, lead, sizeof lead);
    CHECK(strncmp(buf, lead, strlen(lead)) == 0);
    a->data_lead_days = 0;
    rh_assessment_data_used(a, buf, sizeof buf);
    CHECK(strncmp(buf, "Taken from your recorded runs of the weeks before the pain began on "
                       "2026-11-22: the change", 88) == 0);
    a->data_before_onset = false;
    rh_assessment_data_used(a, buf, sizeof buf);
    rh_assessment_data_lead(-1, 0, lead, sizeof lead);
    CHECK_STR(lead, "Taken from your recorded runs:");
    CHECK_STR(lead, rh_words("text", "from_data"));
    CHECK(strncmp(buf, lead, strlen(lead)) == 0);
    free(a);
}

/* session 26 (asm26): one decision of how much to run, and the advice phrased
 * from it. A tester's hip-flexor strain from the web form read "keep running
 * in reduced amounts" beside "Stop running and cross-train until ... pain-free". */
static const char asm26_strain[] = "age = 24\nsex = male\nlocation = front\nonset = sudden\n"
                                   "onset_event = sprint\nduration_days = 3\nepisodes = first\n"
                                   "character = sharp\npain_now = 3\nworse_with = kicking\n"
                                   "signs = bruising\ntest_resisted_knee_lift = yes\n";

/* Whether hay holds needle, ignoring ASCII case. */
static bool asm26_has(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < n && hay[k] &&
               tolower((unsigned char)hay[k]) == tolower((unsigned char)needle[k]))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

static bool asm26_advice_has(const char *s)
{
    for (int i = 0; i < A.advice.n; i++)
        if (asm26_has(A.advice.text[i], s))
            return true;
    return false;
}

static void test_asm26_strain_advice_follows_running(void)
{
    char text[1024];
    /* 3/10 on runs: less running, and the advice keeps the runs short */
    snprintf(text, sizeof text, "%spain_run = 3\npain_worst = 4\n", asm26_strain);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
    CHECK_INT(A.running, RH_RUNNING_REDUCE);
    CHECK(!asm26_advice_has("stop running"));
    CHECK(!asm26_advice_has("cross-train until"));
    CHECK(asm26_advice_has("keep your runs short, easy and flat"));
    /* the same strain at 6/10 on runs: cross-training only, and its advice
     * says so (under the "once you can run again" heading) */
    snprintf(text, sizeof text, "%spain_run = 6\npain_worst = 6\n", asm26_strain);
    run_text(text);
    CHECK_STR(A.conditions[0].id, "hip_flexor_strain");
    CHECK_INT(A.running, RH_RUNNING_CROSS_TRAIN_ONLY);
    CHECK(asm26_advice_has("stop running and cross-train until"));
    CHECK(!asm26_advice_has("keep your runs"));
}

/* Every condition's advice, at every running level it could be shown with:
 * no "stop running" while running goes on, no "keep running" or "run less"
 * while it is stopped or cross-training only (the words of scan kept in
 * the report of asm26). A text that says both is a contradiction in data. */
static void test_asm26_no_condition_advice_contradicts_running(void)
{
    static const char *const stop_words[] = {"stop running", "no running", "rest from running",
                                             "without running", "cross-train until", "do not run"};
    static const char *const go_words[] = {"keep running", "run less", "keep to easy running",
                                           "running as the pain allows", "run every other day",
                                           "cut distance", "cut long and fast runs"};
    const struct rh__kb *kb = rh__kb_get(NULL);
    CHECK(kb != NULL);
    for (int c = 0; kb && c < kb->n_conds; c++) {
        /* the levels it can be shown with: from its lowest usual running
         * (running, or a usual_run_if line's) up, as run_if lines only raise */
        int lowest = kb->conds[c].running;
        for (int i = kb->kind_at[RULE_USUAL_RUN_IF]; i < kb->kind_at[RULE_USUAL_RUN_IF + 1]; i++)
            if (kb->rules[kb->by_kind[i]].owner == c && kb->rules[kb->by_kind[i]].level < lowest)
                lowest = kb->rules[kb->by_kind[i]].level;
        for (int lv = lowest; lv < RH_RUNNING__COUNT; lv++) {
            const char *t = kb->conds[c].advice_run[lv][0] ? kb->conds[c].advice_run[lv]
                                                           : kb->conds[c].advice;
            bool runs = lv == RH_RUNNING_CONTINUE || lv == RH_RUNNING_REDUCE;
            const char *const *w = runs ? stop_words : go_words;
            size_t n = runs ? sizeof stop_words / sizeof *stop_words
                            : sizeof go_words / sizeof *go_words;
            for (size_t k = 0; k < n; k++) {
                bool bad = asm26_has(t, w[k]);
                CHECK(!bad);
                if (bad)
                    fprintf(stderr, "  %s at %s says \"%s\"\n", kb->conds[c].id,
                            rh__running_names[lv], w[k]);
            }
        }
    }
}

int main(void)
{
    RUN(test_asm26_strain_advice_follows_running);
    RUN(test_asm26_no_condition_advice_contradicts_running);
    RUN(test_cli26_every_shown_cause_says_why);
    RUN(test_session18_fix18a_sources_for_this_runner);
    RUN(test_session18_fix18a_one_running_advice);
    RUN(test_flaginfo_low_flags);
    RUN(test_words15_parent_flag_heading);
    RUN(test_ux28_flag_reason_says_what_was_ticked);
    RUN(test_review9_teen_sprint);
    RUN(test_review9_flag_words);
    RUN(test_session11_exact_levels);
    RUN(test_kb_has_every_id);
    RUN(test_kb_terms);
    RUN(test_null_arguments);
    RUN(test_flag_bladder_bowel);
    RUN(test_flag_fever_hot_joint);
    RUN(test_flag_cannot_bear_weight);
    RUN(test_flag_trauma);
    RUN(test_flag_stress_fracture);
    RUN(test_flag_stress_fracture_beyond_groin);
    RUN(test_hop_safety);
    RUN(test_review8_teen_sprint_limp);
    RUN(test_flag_night_or_rest);
    RUN(test_flag_night_mechanical);
    RUN(test_flag_limp_painless_hop);
    RUN(test_flag_cancer);
    RUN(test_flag_neuro);
    RUN(test_rule_new_hills);
    RUN(test_runner_up_escalation);
    RUN(test_pain_type_names_a_cause_with_a_colon_whole);
    RUN(test_weak_side_recurring);
    RUN(test_known_oa_settled);
    RUN(test_known_quiet_hernia);
    RUN(test_minor_fall_bruise);
    RUN(test_bone_stress_far_along);
    RUN(test_weak_side_persistent);
    RUN(test_teen_apophysitis);
    RUN(test_pubic_girdle_pain);
    RUN(test_sudden_severe_untold);
    RUN(test_fever_worsening_fast);
    RUN(test_tfl_side_of_thigh);
    RUN(test_bone_stress_reds_limp);
    RUN(test_growing_runner_front_pain);
    RUN(test_post_race_soreness_recurring);
    RUN(test_b10dev_ranking);
    RUN(test_slip_hop_painless_older);
    RUN(test_load_jump_pain_on_runs);
    RUN(test_postpartum_pain_on_runs);
    RUN(test_adductor_gradual_recurring);
    RUN(test_claudication_sees_doctor);
    RUN(test_child_limp_no_injury_keeps_perthes);
    RUN(test_cough_groin_not_nerve_root);
    RUN(test_fall_bruise_self_care);
    RUN(test_issue11_patterns);
    RUN(test_meralgia_disposition);
    RUN(test_flag_groin_lump);
    RUN(test_flag_worsening);
    RUN(test_flag_locking);
    RUN(test_missing_is_not_no);
    RUN(test_skipped_followup_is_unknown);
    RUN(test_checklist);
    RUN(test_duration_rules);
    RUN(test_pain_type);
    RUN(test_ranking_normalised);
    RUN(test_doms);
    RUN(test_json_shape);
    RUN(test_text_report);
    RUN(test_names);
    RUN(test_kb_errors);
    RUN(test_kb_level_sources);
    RUN(test_kb_overlong);
    RUN(test_kb_explanation_fits);
    RUN(test_unranked_when_too_few);
    RUN(test_expression_logic);
    RUN(test_session24_perf24_rule_index_and_term_memo);
    RUN(test_dilution);
    RUN(test_sources_resolve);
    RUN(test_every_flag_keeps_a_cause);
    RUN(test_dangerous_cause_kept);
    RUN(test_random_intakes_invariants);
    RUN(test_review7_teen_limp_same_day);
    RUN(test_advice_within_the_verdict);
    RUN(test_review7_positive_reason_only);
    RUN(test_review7_itb_words);
    RUN(test_review7_spacing);
    RUN(test_review7_sparse_asks_signs_first);
    RUN(test_review8_night_pain_explained);
    RUN(test_review8_checklist_named);
    RUN(test_review8_condition_names);
    RUN(test_review8_child_reasons);
    RUN(test_review11_words);
    RUN(test_review12_parent_flag_advice);
    RUN(test_review10_progressive_weakness);
    RUN(test_review10_missing_not_answered);
    RUN(test_runner23_missing_only_what_is_asked);
    RUN(test_polish29_swollen_hip_advice_says_what_applies);
    RUN(test_review10_postpartum);
    RUN(test_review10_child_limp_no_place);
    RUN(test_child_slip_said_once);
    RUN(test_comparison_asks_open_side_only);
    RUN(test_review11_teen_pop_avulsion_first);
    RUN(test_review11_fall_advice_by_age);
    RUN(test_review11_clinical_name_as_shown);
    RUN(test_b14_swollen_bruise_after_fall);
    RUN(test_b14_training_soreness_both_legs);
    RUN(test_b14_pelvic_pain_not_from_running);
    RUN(test_noisy_form_telling_sign);
    RUN(test_bone_stress_needs_a_load_story);
    RUN(test_session12_mild_or_physio);
    RUN(test_session12_teen_limp_boundaries);
    RUN(test_session12_numb_foot_boundaries);
    RUN(test_session12_side_fall_hop_painless);
    RUN(test_session14_teen_front_pop_leads);
    RUN(test_session14_sudden_severe_groin);
    RUN(test_session14_sore_after_hills);
    RUN(test_session14_posterior_pelvic_girdle);
    RUN(test_session14_postpartum_strength);
    RUN(test_session14_tight_front_side);
    RUN(test_session14_few_days_start_untold);
    RUN(test_session14_pain_type);
    RUN(test_session14_numb_outer_thigh);
    RUN(test_session13_inflammatory_back_pain);
    RUN(test_session13_tfl_thomas_test);
    RUN(test_session13_worst_seven_on_runs);
    RUN(test_session13_buttock_after_new_hills);
    RUN(test_session13_socket_check_no);
    RUN(test_session13_painless_outer_snap);
    RUN(test_session13_glutes_tiring);
    RUN(test_session13_cancer_rest_eased_mechanical);
    RUN(test_session13_back_pain_self_managed);
    RUN(test_session13_known_oa_stable);
    RUN(test_session13_usual_run_if_parsed);
    RUN(test_session14_sudden_severe_first_bout);
    RUN(test_session14_numb_is_not_a_tendon);
    RUN(test_session14_known_oa_flare);
    RUN(test_session14_buttock_sitting_muscle);
    RUN(test_session14_unless_loader);
    RUN(test_unless_too_long_refused);
    RUN(test_session14_race_soreness);
    RUN(test_session14_adult_pop_bruise);
    RUN(test_session15_bruised_strain_unless);
    RUN(test_session16_overtri2);
    RUN(test_session19_b22ret_lock_weeks);
    RUN(test_session19_fix19c_lock_advice_level);
    RUN(test_session19_b22ret_red_warm_not_bone);
    RUN(test_session19_b22ret_painless_snap);
    RUN(test_session20_b23ret_strain_untimed);
    RUN(test_session20_b23ret_birth_alone_not_bone);
    RUN(test_session20_b23ret_cancer_itb_knee);
    RUN(test_session20_b23ret_pelvic_girdle_joint);
    RUN(test_session21_b24ret_slip_before_tendon);
    RUN(test_session21_b24ret_fever_not_inguinal);
    RUN(test_session21_b24ret_doha_inguinal);
    RUN(test_session21_b24ret_dysplastic_rim);
    RUN(test_session24_runner24_older_oa_no_bone_story);
    RUN(test_session24_runner24_slip_xray_once);
    RUN(test_session24_runner24_next_morning_once);
    RUN(test_session21_b24ret_septic_joint_pain);
    RUN(test_session22_b26dev);
    RUN(test_session23_b27dev_iliac_flow_at_effort);
    RUN(test_session23_b27dev_girdle_front_and_back);
    RUN(test_session23_b27dev_gluteal_tender_point);
    RUN(test_session23_b27dev_catching_weeks_after_slip);
    RUN(test_session23_b27dev_child_stiff_hip_joint);
    RUN(test_session22_b25ret_postpartum_pelvic_floor);
    RUN(test_session22_b25ret_faber_sacroiliac);
    RUN(test_session22_b25ret_side_lying_needs_side);
    RUN(test_session23_b26ret);
    RUN(test_session24_b28dev);
    RUN(test_session25_b29dev);
    RUN(test_session25_r29test);
    RUN(test_session26_b30ret);
    RUN(test_session26_b31dev);
    RUN(test_session26_painful_snap);
    RUN(test_session27_teen_spondylolysis);
    RUN(test_session27_unknown_never_hides_flag);
    RUN(test_session27_over27);
    RUN(test_session27_b33dev);
    RUN(test_session28_ret32);
    RUN(test_session29_ret33);
    RUN(test_session30_ret34);
    RUN(test_session31_ret35);
    RUN(test_session30_b39dev);
    RUN(test_session31_run40);

    RUN(test_session31_b40dev);
    RUN(test_session31_b41dev);
    RUN(test_session32_b42d);
    RUN(test_session32_b41run);
    RUN(test_session33_b43d);
    RUN(test_session34_b44d);
    RUN(test_session33_run33);
    RUN(test_session34_over34);
    RUN(test_session26_b31over);
    RUN(test_session20_morning_said_as_answered);
    RUN(test_session21_me21_kick_onset_blank);
    RUN(test_session21_me21_teen_pop_examined);
    RUN(test_session18_b21ret_weak_side);
    RUN(test_session18_b21ret_painless_click);
    RUN(test_session18_b21ret_dysplasia_labrum);
    RUN(test_session17_b19ret);
    RUN(test_session18_b20ret);
    RUN(test_session15_tendon_referral_not_nerve);
    RUN(test_session15_menopausal_sweats);
    RUN(test_session15_postpartum_weak_side);
    RUN(test_session15_postpartum_pelvic_girdle);
    RUN(test_session30_over30_sacroiliac_girdle);
    RUN(test_session14_claudication_reduce);
    RUN(test_session15_itb_weak_abductors);
    RUN(test_session15_avulsion_ages);
    RUN(test_session15_girdle_stiffness_systemic);
    RUN(test_session15_one_leg_stand_muscle);
    RUN(test_session15_teen_pars_not_nerve);
    RUN(test_session15_tendon_over_two_weeks);
    RUN(test_data_used_words_one_place);
    return TEST_END();
}
