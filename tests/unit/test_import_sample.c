/* SPDX-License-Identifier: MIT */
/*
 * The demo athlete of samples/demo/ (made by tools/gen_sample.py): its
 * intake parses with every key valid, its Strava export imports completely
 * with names and the shoe from activities.csv, the twelve weeks have 4-5
 * runs each with a jump of about 45% in week 10, and the shoe ends near
 * 650 km with shoes.txt's before_km.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "runhip/import.h"
#include "runhip/intake.h"
#include "runhip/store.h"

#define SAMPLES "samples/demo"

static void test_intake_is_valid(void)
{
    size_t n;
    char *t = test_slurp(SAMPLES "/intake.txt", &n);
    CHECK(t != NULL);
    if (!t)
        return;
    struct rh_intake in;
    struct rh_err e;
    rh_err_clear(&e);
    int r = rh_intake_parse(t, n, &in, &e);
    if (r)
        fprintf(stderr, "intake.txt:%ld: %s\n", e.line, e.msg);
    CHECK_INT(r, 0);
    CHECK_INT(in.duration_days, 12);
    free(t);
}

static double before_km(void)
{
    char *t = test_slurp(SAMPLES "/shoes.txt", NULL);
    double km = -1;
    const char *p = t ? strstr(t, "before_km = ") : NULL;
    if (p)
        km = strtod(p + 12, NULL);
    free(t);
    return km;
}

static void test_export_weeks_jump_and_shoe(void)
{
    const char *d = test_tmpdir();
    char db[600];
    snprintf(db, sizeof db, "%s/s.db", d);
    struct rh_store *s = NULL;
    CHECK_INT(rh_store_open(db, 0, &s, NULL), 0);
    if (!s)
        return;
    struct rh_import_opts o = {s, 0, NULL, NULL, false, NULL, 0, NULL, NULL};
    struct rh_import_stats st;
    const char *paths[] = {SAMPLES "/export_strava.zip", SAMPLES "/files"};
    CHECK_INT(rh_import_run(paths, 2, &o, &st, NULL), 0);
    CHECK_INT(st.imported, 53); /* 52 files and the strength session entered by hand */
    CHECK_INT(st.failed, 0);
    struct rh_activity *a = NULL;
    size_t n = 0;
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &a, &n, NULL), 0);
    CHECK_INT(n, 53);
    int32_t monday;
    rh_date_parse("2026-08-31", &monday);
    double week_km[12] = {0}, shoe_km = 0;
    int week_runs[12] = {0};
    for (size_t i = 0; i < n; i++) {
        int w = (rh_day_of_time(a[i].start_utc) - monday) / 7;
        CHECK(w >= 0 && w < 12);
        if (w < 0 || w >= 12)
            continue;
        if (a[i].format == RH_FMT_NONE) { /* the CSV's row without a file */
            CHECK_INT(a[i].sport, RH_SPORT_STRENGTH);
            CHECK_STR(a[i].name ? a[i].name : "", "Gym, legs");
            CHECK_NEAR(a[i].total_elapsed_s, 1800, 1e-9);
        }
        if (rh_sport_is_run(a[i].sport)) {
            week_runs[w]++;
            week_km[w] += a[i].total_distance_m / 1000;
        }
        if (a[i].gear) {
            CHECK_STR(a[i].gear, "Road shoe A");
            shoe_km += a[i].total_distance_m / 1000;
            CHECK(a[i].name != NULL);
            CHECK(a[i].avg_cadence_spm >= 160 && a[i].avg_cadence_spm <= 170);
            CHECK(a[i].avg_hr > 120 && a[i].avg_hr < 175);
            CHECK(a[i].has_gps);
        }
    }
    for (int w = 0; w < 12; w++)
        CHECK(week_runs[w] >= 4 && week_runs[w] <= 5);
    double before4 = (week_km[5] + week_km[6] + week_km[7] + week_km[8]) / 4;
    double jump = week_km[9] / before4 - 1;
    CHECK(jump > 0.40 && jump < 0.50);
    CHECK_NEAR(before_km() + shoe_km, 650, 5);
    rh_activity_array_free(a, n);
    rh_store_close(s);
}

int main(void)
{
    RUN(test_intake_is_valid);
    RUN(test_export_weeks_jump_and_shoe);
    return TEST_END();
}
