/* SPDX-License-Identifier: MIT */
/* code24: the training load's words that are not a finding's are
 * data/wording.txt [load_messages], texts with named holes checked against
 * the library's own table (rh_load_words_keys) before a report is built.
 * Each is checked whole, as `runhip load` and `runhip profile` (and the
 * web's Profile page) say it, in the words the C said before the move: a
 * text lost, or a hole filled with the wrong value, fails here. */
#include "harness.h"
#include "named_table_check.h"
#include "runhip/load.h"
#include "runhip/store.h"
#include "runhip/text.h"

static void test_table_checks_the_section(void)
{
    size_t n = 0;
    const struct rh_words_named *all = rh_load_words_keys(&n);
    CHECK(all != NULL && n > 5 && n <= 64);
    check_named_table("load_messages", all, n, 3);
}

/* runhip load with nothing stored */
static void test_nothing_stored(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/load.db", test_tmpdir());
    struct rh_store *s = NULL;
    struct rh_err e;
    rh_err_clear(&e);
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (!s)
        return;
    struct rh_load_report r;
    CHECK_INT(rh_load_report_build(s, rh_days_from_civil(2026, 12, 4), &r, &e), RH_EEMPTY);
    CHECK_STR(e.msg, "no activities stored up to 2026-12-04; import watch files with 'runhip "
                     "import'");
    rh_store_close(s);
}

/* The heart rates in use, said by the profile when the runner set none */
static void test_heart_rates_in_use(void)
{
    char out[700];
    struct rh_load_hr_in_use u = {.rest_hr = 60, .max_hr = 186, .max_recordings = 12,
                                  .max_lone_peak = RH_NONE, .max_age = RH_NONE};
    rh_load_hr_in_use_words(&u, false, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "in use: 60 beats a minute, assumed");
    rh_load_hr_in_use_words(&u, true, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "in use: 186 beats a minute, estimated: the highest peak of your 12 complete "
                   "recordings; run types are approximate until you set your measured maximum, "
                   "or at least your birth year, with 'runhip profile set' or on the Profile "
                   "page");
    u.max_recordings = 1;
    u.max_lone_peak = 221;
    u.max_left_out = 2;
    u.max_age = 190;
    rh_load_hr_in_use_words(&u, true, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "in use: 186 beats a minute, estimated from your age as 208 - 0.7 x age, as "
                   "your 1 complete recording peak no higher, leaving out a lone peak of 221, "
                   "leaving out 2 that ended early; run types are approximate until you set "
                   "your measured maximum with 'runhip profile set' or on the Profile page");
    u.max_recordings = 3;
    u.max_age = 180;
    u.max_lone_peak = RH_NONE;
    u.max_left_out = 0;
    rh_load_max_hr_basis(&u, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "estimated: the highest peak of your 3 complete recordings; run types are "
                   "approximate until you set your measured maximum with 'runhip profile set' "
                   "or on the Profile page");
    rh_load_max_hr_basis(&u, RH_LOAD_WHERE_PROFILE, out, sizeof out);
    CHECK_STR(out, "estimated: the highest peak of your 3 complete recordings; run types are "
                   "approximate until you set your measured maximum in the field above");
    u.max_age = 200;
    rh_load_max_hr_basis(&u, RH_LOAD_WHERE_ANY, out, sizeof out);
    const char *by_age = "estimated from your age as 208 - 0.7 x age, as your 3 complete "
                         "recordings peak no higher; run types";
    CHECK(strncmp(out, by_age, strlen(by_age)) == 0);
    /* words24b: the formula is said from the settings' numbers, the ones
     * the caller gives (rh_load_hr_of_report: data/load_rules.txt
     * max_hr_age_a, max_hr_age_b), not written in the words */
    u.age_a = 211;
    u.age_b = 0.64;
    rh_load_max_hr_basis(&u, RH_LOAD_WHERE_ANY, out, sizeof out);
    const char *by_other = "estimated from your age as 211 - 0.64 x age, as your 3 complete "
                           "recordings peak no higher; run types";
    CHECK(strncmp(out, by_other, strlen(by_other)) == 0);
    u.max_recordings = 1;
    rh_load_max_hr_basis(&u, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK(strncmp(out, "estimated from your age as 211 - 0.64 x age, as your 1 complete "
                       "recording peak no higher; run types",
                  strlen("estimated from your age as 211 - 0.64 x age, as your 1 complete "
                         "recording peak no higher; run types")) == 0);
    u.max_recordings = 3;
    u.age_a = u.age_b = 0;
    u.max_hr = RH_NONE;
    rh_load_hr_in_use_words(&u, true, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "in use: none (no recording has a heart rate)");
    u.rest_from_profile = u.max_from_profile = true;
    rh_load_hr_in_use_words(&u, false, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "");
    rh_load_hr_in_use_words(&u, true, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "");
}

/* The sex and birth year taken from the assessment */
static void test_person_in_use(void)
{
    char out[400];
    struct rh_load_person p = {.sex = "female", .birth_year = 1988, .sex_from_assessment = true,
                               .birth_year_from_assessment = true,
                               .assessment_day = rh_days_from_civil(2026, 11, 23),
                               .age_answered = 38};
    rh_load_person_words(&p, false, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "in use: female, from your answer in your assessment of 2026-11-23; set "
                   "yours with 'runhip profile set sex WORD' or on the Profile page");
    rh_load_person_words(&p, true, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "in use: about 1988, from your age (38) in your assessment of 2026-11-23; "
                   "set yours with 'runhip profile set birth_year YEAR' or on the Profile page");
    /* cli26: on the Profile page, under the field itself, the words do not
     * send the runner to the page they are on */
    rh_load_person_words(&p, false, RH_LOAD_WHERE_PROFILE, out, sizeof out);
    CHECK_STR(out, "in use: female, from your answer in your assessment of 2026-11-23; set "
                   "yours in the field above");
    rh_load_person_words(&p, true, RH_LOAD_WHERE_PROFILE, out, sizeof out);
    CHECK(strstr(out, "Profile page") == NULL && strstr(out, "runhip profile") == NULL);
    CHECK(strstr(out, "set yours in the field above") != NULL);
    p.sex_from_assessment = p.birth_year_from_assessment = false;
    rh_load_person_words(&p, true, RH_LOAD_WHERE_ANY, out, sizeof out);
    CHECK_STR(out, "");
}

int main(void)
{
    RUN(test_table_checks_the_section);
    RUN(test_nothing_stored);
    RUN(test_heart_rates_in_use);
    RUN(test_person_in_use);
    return TEST_END();
}
