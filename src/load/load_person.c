/* SPDX-License-Identifier: MIT */
/*
 * Session 17: the runner's sex and birth year as the training load uses
 * them: the profile's when the runner set them, else the latest
 * assessment's answers (its sex; its age, as a birth year of the
 * assessment's year less the age), never over what the runner set
 * (include/runhip/load.h, rh_load_person).
 */
#include <stdio.h>
#include <string.h>

#include "load/load_int.h"
#include "runhip/intake.h"
#include "util/banned.h"

int rh_load_person(struct rh_store *s, struct rh_load_person *out, struct rh_err *err)
{
    memset(out, 0, sizeof *out);
    out->birth_year = -1;
    out->age_answered = -1;
    out->assessment_day = -1;
    char *sex = NULL, *by = NULL;
    int rc = rh_store_profile_get(s, "sex", &sex, err);
    if (!rc)
        rc = rh_store_profile_get(s, "birth_year", &by, err);
    if (rc) {
        rh_free(sex);
        return rc;
    }
    if (sex)
        snprintf(out->sex, sizeof out->sex, "%s", sex);
    long y = 0;
    if (by && sscanf(by, "%ld", &y) == 1 && y >= 1900 && y <= 2100)
        out->birth_year = (int)y;
    rh_free(sex);
    rh_free(by);
    if (out->sex[0] && out->birth_year > 0)
        return 0;
    /* what the runner did not set: the latest assessment's answers */
    int64_t id = 0, created = 0;
    char *intake = NULL, *result = NULL;
    /* SQLite treats some refused allocations as benign and answers "no
     * row": an allocation refused meanwhile is out of memory all the same
     * (as intake_json.c and import.c count them) */
    long failed = rh_alloc_failures();
    rc = rh_store_assessment_latest(s, &id, &created, &intake, &result, err);
    rh_free(result);
    if (rh_alloc_failures() != failed && rc != RH_ENOMEM) {
        rh_free(intake);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    if (rc == RH_ENOTFOUND) {
        rh_err_clear(err);
        return 0;
    }
    if (rc)
        return rc;
    struct rh_intake in;
    rh_intake_init(&in);
    struct rh_err ie;
    rh_err_clear(&ie);
    int pr = rh_intake_parse(intake, strlen(intake), &in, &ie);
    rh_free(intake);
    if (pr == RH_ENOMEM)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    if (pr)
        return 0; /* an intake this build cannot read: nothing taken from it */
    int32_t day = rh_tz_day(rh_store_zone(s), created);
    if (!out->sex[0] && (in.sex == RH_SEX_FEMALE || in.sex == RH_SEX_MALE)) {
        snprintf(out->sex, sizeof out->sex, "%s", in.sex == RH_SEX_FEMALE ? "female" : "male");
        out->sex_from_assessment = true;
        out->assessment_day = day;
    }
    if (out->birth_year < 0 && in.age >= 10 && in.age <= 100) {
        int yy, mm, dd;
        rh_civil_from_days(day, &yy, &mm, &dd);
        out->birth_year = yy - in.age;
        out->age_answered = in.age;
        out->birth_year_from_assessment = true;
        out->assessment_day = day;
    }
    return 0;
}

void rh_load_person_words(const struct rh_load_person *p, bool birth_year,
                          enum rh_load_where where, char *buf, size_t cap)
{
    if (!cap)
        return;
    buf[0] = '\0';
    char d[11] = "";
    if (p->assessment_day >= 0)
        rh_date_format(p->assessment_day, d);
    /* code24: the words are data/wording.txt [load_messages] person_* */
    if (birth_year && p->birth_year_from_assessment) {
        char y[16], age[16];
        snprintf(y, sizeof y, "%d", p->birth_year);
        snprintf(age, sizeof age, "%d", p->age_answered);
        char wh[200];
        rh__load_where(wh, sizeof wh, where, " birth_year YEAR", true);
        rh__load_say(buf, cap, "person_birth_year", "year", y, "age", age, "day", d, "where", wh,
                     NULL);
    } else if (!birth_year && p->sex_from_assessment) {
        char wh[200];
        rh__load_where(wh, sizeof wh, where, " sex WORD", true);
        rh__load_say(buf, cap, "person_sex", "sex", p->sex, "day", d, "where", wh, NULL);
    }
}
