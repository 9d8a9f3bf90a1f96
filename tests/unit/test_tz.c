/* SPDX-License-Identifier: MIT */
/* Time zones: the tz database files, their POSIX rules, local days. */
#include "harness.h"
#include "runhip/util.h"

static int64_t at(const char *iso)
{
    int64_t t = 0;
    CHECK_INT(rh_time_parse_iso(iso, &t), 0);
    return t;
}

static int32_t off(const char *zone, const char *iso)
{
    struct rh_tz *tz = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_tz_load(zone, &tz, &err);
    CHECK_INT(r, 0);
    if (r) {
        fprintf(stderr, "%s\n", err.msg);
        return 9999;
    }
    int32_t o = rh_tz_offset_min(tz, at(iso));
    rh_tz_free(tz);
    return o;
}

static void test_daylight_saving_from_the_database(void)
{
    /* California: PST until 2024-03-10 10:00Z, PDT until 2024-11-03 09:00Z */
    CHECK_INT(off("America/Los_Angeles", "2024-03-10T09:59:59Z"), -480);
    CHECK_INT(off("America/Los_Angeles", "2024-03-10T10:00:00Z"), -420);
    CHECK_INT(off("America/Los_Angeles", "2024-11-03T08:59:59Z"), -420);
    CHECK_INT(off("America/Los_Angeles", "2024-11-03T09:00:00Z"), -480);
    /* Sydney: summer time in January, not in July */
    CHECK_INT(off("Australia/Sydney", "2023-01-15T00:00:00Z"), 660);
    CHECK_INT(off("Australia/Sydney", "2023-07-15T00:00:00Z"), 600);
    /* h26dev: Adelaide, half an hour with summer time (blind histories
     * 461-480): ACDT +10:30 until 2025-04-06 03:00 local (16:30Z the day
     * before), ACST +9:30 until 2025-10-05 02:00 local (16:30Z) */
    CHECK_INT(off("Australia/Adelaide", "2025-04-05T16:29:59Z"), 630);
    CHECK_INT(off("Australia/Adelaide", "2025-04-05T16:30:00Z"), 570);
    CHECK_INT(off("Australia/Adelaide", "2025-10-04T16:29:59Z"), 570);
    CHECK_INT(off("Australia/Adelaide", "2025-10-04T16:30:00Z"), 630);
    /* quarter hours and far future (after the listed transitions: the rule) */
    CHECK_INT(off("Asia/Kathmandu", "2020-01-01T00:00:00Z"), 345);
    CHECK_INT(off("Europe/Berlin", "2090-07-01T12:00:00Z"), 120);
    CHECK_INT(off("Europe/Berlin", "2090-12-01T12:00:00Z"), 60);
    CHECK_INT(off("UTC", "2020-01-01T00:00:00Z"), 0);
}

static void test_posix_rules_without_a_file(void)
{
    CHECK_INT(off("<+0330>-3:30", "2020-06-01T00:00:00Z"), 210);
    CHECK_INT(off("XST5XDT,M3.2.0,M11.1.0", "2025-07-04T12:00:00Z"), -240);
    CHECK_INT(off("XST5XDT,M3.2.0,M11.1.0", "2025-01-04T12:00:00Z"), -300);
    /* southern rule: summer across the new year */
    CHECK_INT(off("AEST-10AEDT,M10.1.0,M4.1.0/3", "2025-01-10T00:00:00Z"), 660);
    CHECK_INT(off("AEST-10AEDT,M10.1.0,M4.1.0/3", "2025-06-10T00:00:00Z"), 600);
}

static void test_unknown_and_unsafe_names_refused(void)
{
    struct rh_tz *tz = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    CHECK_INT(rh_tz_load("Mars/Olympus_Mons", &tz, &err), RH_ENOTFOUND);
    CHECK(tz == NULL);
    CHECK(strstr(err.msg, "Mars/Olympus_Mons") != NULL);
    CHECK_INT(rh_tz_load("../../etc/passwd", &tz, &err), RH_ENOTFOUND);
    CHECK(!rh_tz_name_ok("/etc/passwd"));
    CHECK(rh_tz_name_ok("America/Argentina/Buenos_Aires"));
    /* not a TZif file */
    CHECK_INT(rh_tz_parse("hello", 5, "x", &tz, &err), RH_EFORMAT);
    CHECK(tz == NULL);
}

/* fuzz27 (fuzz_tz): an offset beyond a day is refused, not taken. A POSIX
 * rule's offset has hours 0 to 24 (POSIX.1-2017 8.3): "XXX167" (the 167
 * hours a rule's change time may have) put every activity a week off its
 * day; a TZif type's utoff beyond RFC 8536's [-89999, 93599] (a broken
 * file: -976,566,600 s, found by the fuzzer) likewise. */
static void test_offset_beyond_a_day_refused(void)
{
    struct rh_tz *tz = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    CHECK_INT(rh_tz_load_from("/nonexistent", "XXX167", &tz, &err), RH_ENOTFOUND);
    CHECK(tz == NULL);
    CHECK(strstr(err.msg, "'XXX167' is not a time zone") != NULL);
    CHECK_INT(rh_tz_load_from("/nonexistent", "XXX5YYY-100,M3.2.0,M11.1.0", &tz, &err),
              RH_ENOTFOUND);
    CHECK(tz == NULL);
    /* a rule date of more digits than an int holds: refused (was an
     * overflow, undefined behaviour, found by fuzz_tz) */
    CHECK_INT(rh_tz_load_from("/nonexistent", "XST5XDT,M99999999999.2.0,M11.1.0", &tz, &err),
              RH_ENOTFOUND);
    CHECK(tz == NULL);
    CHECK_INT(rh_tz_load_from("/nonexistent", "XST5XDT,M3.2.99999999999,M11.1.0", &tz, &err),
              RH_ENOTFOUND);
    CHECK(tz == NULL);
    /* the edges still load: 24:59 either way, and a change at 167 hours */
    CHECK_INT(off("<-2459>24:59", "2025-01-01T00:00:00Z"), -1499);
    CHECK_INT(off("<+2459>-24:59", "2025-01-01T00:00:00Z"), 1499);
    CHECK_INT(off("XST5XDT,M3.2.0/167,M11.1.0", "2025-07-04T12:00:00Z"), -240);
    /* a TZif (version 1) of one type whose utoff is -976,566,600 s */
    unsigned char f[44 + 6 + 4];
    memset(f, 0, sizeof f);
    memcpy(f, "TZif", 4);
    f[20 + 4 * 4 + 3] = 1; /* typecnt */
    f[20 + 5 * 4 + 3] = 4; /* charcnt */
    const unsigned char bad[4] = {0xc5, 0xca, 0x8f, 0x28}; /* -976566488 */
    memcpy(f + 44, bad, 4);
    memcpy(f + 50, "LMT", 4);
    CHECK_INT(rh_tz_parse(f, sizeof f, "Bad/Zone", &tz, &err), RH_EFORMAT);
    CHECK(tz == NULL);
    CHECK(strstr(err.msg, "broken time-zone file") != NULL);
    /* the same file with -8 hours loads */
    const unsigned char pst[4] = {0xff, 0xff, 0x8f, 0x80}; /* -28800 */
    memcpy(f + 44, pst, 4);
    CHECK_INT(rh_tz_parse(f, sizeof f, "Good/Zone", &tz, &err), 0);
    CHECK_INT(rh_tz_offset_min(tz, at("2025-01-01T00:00:00Z")), -480);
    rh_tz_free(tz);
}

static void test_local_days(void)
{
    /* a Monday-evening run in San Francisco is on Monday, not Tuesday (UTC) */
    int64_t t = at("2024-06-04T02:30:00Z");
    int32_t mon;
    rh_date_parse("2024-06-03", &mon);
    CHECK_INT(rh_local_day(t, -420), mon);
    CHECK_INT(rh_local_day(t, 0), mon + 1);
    /* a morning entry in Sydney */
    CHECK_INT(rh_local_day(at("2024-06-02T22:00:00Z"), 600), mon);
    /* h26dev: a Monday 00:20 run in Adelaide in winter (+9:30) is Sunday
     * 14:50 UTC, and a Monday 08:00 one in summer (+10:30) Sunday 21:30 */
    CHECK_INT(rh_local_day(at("2024-06-02T14:50:00Z"), 570), mon);
    CHECK_INT(rh_local_day(at("2024-06-02T14:50:00Z"), 0), mon - 1);
    CHECK_INT(rh_local_day(at("2024-06-02T21:30:00Z"), 630), mon);
    CHECK(rh_utc_offset_plausible(-420));
    CHECK(rh_utc_offset_plausible(345));
    CHECK(rh_utc_offset_plausible(840));
    CHECK(!rh_utc_offset_plausible(841));
    CHECK(!rh_utc_offset_plausible(-7));
}

/* Runner16: a pinned day's records are dated at its local noon, which is
 * that local day in every zone (12:00 UTC is the next day east of +12). */
static void test_local_noon(void)
{
    const char *zones[] = {"Pacific/Kiritimati", "Pacific/Auckland", "America/Los_Angeles",
                           "Pacific/Pago_Pago", "UTC"};
    int32_t day;
    CHECK_INT(rh_date_parse("2026-12-03", &day), 0);
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
        struct rh_tz *tz = NULL;
        struct rh_err err;
        CHECK_INT(rh_tz_load(zones[i], &tz, &err), 0);
        int64_t t = rh_tz_noon(tz, day);
        CHECK_INT(rh_tz_day(tz, t), day);
        CHECK_INT((t + rh_tz_offset_min(tz, t) * 60) % 86400, 43200);
        rh_tz_free(tz);
    }
    CHECK_INT(rh_tz_noon(NULL, day), (int64_t)day * 86400 + 43200);
}

int main(void)
{
    RUN(test_daylight_saving_from_the_database);
    RUN(test_posix_rules_without_a_file);
    RUN(test_unknown_and_unsafe_names_refused);
    RUN(test_offset_beyond_a_day_refused);
    RUN(test_local_days);
    RUN(test_local_noon);
    return TEST_END();
}
