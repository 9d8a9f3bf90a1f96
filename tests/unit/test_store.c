/* SPDX-License-Identifier: MIT */
/* The store: schema creation and migration, refusal of newer schemas and of
 * non-databases, rollback, a reader while a writer commits, a writer killed
 * mid-transaction, activities and diary round trips, and bad inputs that
 * must store nothing. */
#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "runhip/load.h"
#include "runhip/plan.h"
#include "runhip/store.h"
#include "store/store_int.h" /* rh__store_migrate_pause */

/* Back from schema 10 to 9 (frozen: 9 had no entry instants). */
#define TO_V9                                                                                      \
    "ALTER TABLE pain DROP COLUMN dated_utc; ALTER TABLE session DROP COLUMN dated_utc;"          \
    "ALTER TABLE visit DROP COLUMN dated_utc; ALTER TABLE checkin DROP COLUMN dated_utc;"         \
    "ALTER TABLE checkin DROP COLUMN created_utc;"

static char *db_in(const char *dir, const char *name)
{
    static char p[600];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

static int raw_exec(const char *path, const char *sql)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return -1;
    int r = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return r;
}

static long raw_count(const char *path, const char *table)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    char sql[128];
    long n = -1;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
}

static void make_activity(struct rh_activity *a, int64_t start, uint64_t hash)
{
    rh_activity_init(a);
    a->format = RH_FMT_GPX;
    a->sport = RH_SPORT_RUNNING;
    a->has_start = true;
    a->start_utc = start;
    a->total_distance_m = 10000;
    a->total_elapsed_s = 3000;
    a->n_records = 600;
    a->avg_cadence_spm = 168;
    a->content_hash = hash;
    rh_activity_set_str(&a->file, "run.gpx");
    rh_activity_set_str(&a->device, "garmin fenix5");
    rh_activity_set_str(&a->gear, "Road shoe A");
}

static void test_create_new_database_with_parent_dirs(void)
{
    const char *dir = test_tmpdir();
    char path[600];
    snprintf(path, sizeof path, "%s/a/b/runhip.db", dir);
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, RH_STORE_MKDIR, &s, &e), 0);
    CHECK(s != NULL);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    CHECK_INT(rh_store_activity_count(s, &e), 0);
    rh_store_close(s);
    /* WAL and the tables are there for a plain SQLite reader */
    CHECK_INT(raw_count(path, "activity"), 0);
    CHECK_INT(raw_count(path, "pain"), 0);
    CHECK_INT(raw_count(path, "plan"), 0);
}

/* The bytes of path equal those in before (and no journal file appeared). */
static void check_untouched(const char *path, const char *before, size_t n)
{
    size_t n2 = 0;
    char *now = test_slurp(path, &n2);
    CHECK(now && n == n2 && memcmp(before, now, n) == 0);
    free(now);
    char side[700];
    snprintf(side, sizeof side, "%s-wal", path);
    CHECK(access(side, F_OK) != 0);
    snprintf(side, sizeof side, "%s-journal", path);
    CHECK(access(side, F_OK) != 0);
}

/* Another program's SQLite file is refused, whatever it holds, and left
 * byte for byte as it was: no runhip tables, no WAL switch. */
static void test_foreign_sqlite_refused_untouched(void)
{
    static const char *const foreign[] = {
        "CREATE TABLE unrelated(x); INSERT INTO unrelated VALUES(1);",
        /* a table with a runhip name: the old migration failed after WAL */
        "CREATE TABLE activity(a, b); INSERT INTO activity VALUES(1, 2);",
        /* user_version 1 but not runhip's tables */
        "CREATE TABLE notes(t); PRAGMA user_version = 1;",
        /* another program's marker */
        "PRAGMA application_id = 1234; CREATE TABLE t(x);",
    };
    const char *dir = test_tmpdir();
    for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "other%zu.db", i);
        const char *path = db_in(dir, name);
        CHECK_INT(raw_exec(path, foreign[i]), 0);
        size_t n = 0;
        char *before = test_slurp(path, &n);
        CHECK(before && n > 0);
        for (unsigned flags = 0; flags <= RH_STORE_EXISTING; flags += RH_STORE_EXISTING) {
            struct rh_store *s = NULL;
            struct rh_err e;
            rh_err_clear(&e);
            CHECK_INT(rh_store_open(path, flags, &s, &e), RH_EDB);
            CHECK(s == NULL);
            CHECK(strstr(e.msg, "another program") != NULL);
            CHECK(strstr(e.msg, "untouched") != NULL);
            if (before)
                check_untouched(path, before, n);
        }
        free(before);
    }
}

/* An empty file (touch runhip.db) and a database made by the first runhip,
 * before the marker, are runhip's: opened, migrated, and marked. */
static void test_empty_and_first_version_databases_open(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "empty.db");
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    rh_store_close(s);
    CHECK_INT(raw_count(path, "activity"), 0);
    CHECK_INT(raw_count(path, "pragma_application_id WHERE application_id = 1380469072"), 1);

    /* a database made before the marker: runhip's tables, application_id 0 */
    path = db_in(dir, "v1.db");
    s = NULL;
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (s)
        rh_store_close(s);
    CHECK_INT(raw_exec(path, "PRAGMA application_id = 0"), 0);
    CHECK_INT(raw_count(path, "pragma_application_id WHERE application_id = 0"), 1);
    s = NULL;
    CHECK_INT(rh_store_open(path, RH_STORE_EXISTING, &s, &e), 0);
    if (s)
        rh_store_close(s);
    CHECK_INT(raw_count(path, "pragma_application_id WHERE application_id = 1380469072"), 1);
}

/* Session 23 (plan27): schema 8 lets the profile hold the body weight
 * (weight_kg); a database of schema 7, whose profile's CHECK knew only the
 * five keys before, is migrated in one transaction: its rows kept, the new
 * key then stored; schema 7 refused it. */
static void test_profile_weight_migrated_from_7(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "v7.db");
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (s)
        rh_store_close(s);
    /* back to schema 7's profile table, with a row in it */
    CHECK_INT(raw_exec(path, TO_V9 "DROP TABLE profile;"
                             "CREATE TABLE profile(key TEXT PRIMARY KEY CHECK(key IN "
                             "('tz','sex','birth_year','rest_hr','max_hr')), value TEXT NOT NULL);"
                             "INSERT INTO profile VALUES('max_hr','188');"
                             "ALTER TABLE pain DROP COLUMN activity;"
                             "PRAGMA user_version = 7;"),
              0);
    CHECK(raw_exec(path, "INSERT INTO profile VALUES('weight_kg','60')") != 0);
    s = NULL;
    CHECK_INT(rh_store_open(path, RH_STORE_EXISTING, &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    char *v = NULL;
    CHECK_INT(rh_store_profile_get(s, "max_hr", &v, &e), 0);
    CHECK_STR(v ? v : "", "188");
    rh_free(v);
    CHECK_INT(rh_store_profile_set(s, "weight_kg", "60", &e), 0);
    v = NULL;
    CHECK_INT(rh_store_profile_get(s, "weight_kg", &v, &e), 0);
    CHECK_STR(v ? v : "", "60");
    rh_free(v);
    CHECK(rh_profile_check("weight_kg", "20", &e) != 0); /* 25..250 kg */
    rh_store_close(s);
}

/* Session 23 (plan27): schema 9 keeps which activity a pain entry's pain
 * during activity was in; a database of schema 8 gains the column (its
 * entries none), and an entry's activity goes in and out, only with a pain
 * during activity and only one of the list. */
static void test_pain_activity_migrated_from_8(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "v8.db");
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (!s)
        return;
    struct rh_pain_entry old = {.day = 20000, .pain = 2, .during_run = 3, .next_morning = -1};
    CHECK_INT(rh_store_pain_add(s, &old, NULL, &e), 0);
    rh_store_close(s);
    CHECK_INT(raw_exec(path, TO_V9 "ALTER TABLE pain DROP COLUMN activity; PRAGMA user_version = 8;"),
              0);
    s = NULL;
    CHECK_INT(rh_store_open(path, RH_STORE_EXISTING, &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    struct rh_pain_entry in = {.day = 20001, .pain = 1, .during_run = 4, .next_morning = -1};
    snprintf(in.activity, sizeof in.activity, "cross_train");
    CHECK_INT(rh_store_pain_add(s, &in, NULL, &e), 0);
    struct rh_pain_entry bad = in;
    snprintf(bad.activity, sizeof bad.activity, "swim");
    CHECK_INT(rh_store_pain_add(s, &bad, NULL, &e), RH_EINVAL);
    bad = in;
    bad.during_run = -1; /* an activity without its pain during it */
    CHECK_INT(rh_store_pain_add(s, &bad, NULL, &e), RH_EINVAL);
    struct rh_pain_entry *got = NULL;
    size_t n = 0;
    CHECK_INT(rh_store_pain_list(s, 19999, 20002, &got, &n, &e), 0);
    CHECK_INT((long)n, 2);
    if (n == 2) {
        CHECK_STR(got[0].activity, "");
        CHECK_STR(got[1].activity, "cross_train");
    }
    rh_pain_array_free(got, n);
    rh_store_close(s);
    /* the CHECK holds in the file itself */
    CHECK(raw_exec(path, "UPDATE pain SET activity = 'swim'") != 0);
}

/* The day number of "YYYY-MM-DD" and the instant of "YYYY-MM-DDTHH:MM:SSZ". */
static int32_t day_of(const char *d)
{
    int32_t v = 0;
    CHECK_INT(rh_date_parse(d, &v), 0);
    return v;
}

static int64_t at_of(const char *t)
{
    int64_t v = 0;
    CHECK_INT(rh_time_parse_iso(t, &v), 0);
    return v;
}

/* A value of the file itself (one integer of one row; -1 none, -2 NULL). */
static int64_t raw_int(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_type(st, 0) == SQLITE_NULL ? -2 : sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

/* The days of the pain entries of days from..to, in order, into got (at
 * most 8); their number. */
static size_t pain_days(struct rh_store *s, int32_t from, int32_t to, int32_t got[8])
{
    struct rh_pain_entry *pe = NULL;
    size_t n = 0;
    struct rh_err e;
    CHECK_INT(rh_store_pain_list(s, from, to, &pe, &n, &e), 0);
    for (size_t i = 0; i < n && i < 8; i++)
        got[i] = pe[i].day;
    rh_pain_array_free(pe, n);
    return n;
}

/* One of each kind of entry of day, its instant given (0: the store's). */
static void log_all(struct rh_store *s, int32_t day, int64_t at, const char *note)
{
    struct rh_err e;
    struct rh_pain_entry p = {.day = day, .pain = 2, .during_run = -1, .next_morning = -1,
                              .note = (char *)note, .dated_utc = at};
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), 0);
    struct rh_session ss = {.day = day, .kind = RH_SESSION_STRENGTH, .minutes = 20, .rpe = -1,
                            .dated_utc = at};
    CHECK_INT(rh_store_session_add(s, &ss, NULL, &e), 0);
    static struct rh_checkin c;
    memset(&c, 0, sizeof c);
    c.day = day;
    c.q[0] = 8;
    c.q[1] = c.q[2] = c.q[3] = 0;
    c.severity = 8;
    c.dated_utc = at;
    CHECK_INT(rh_store_checkin_add(s, &c, NULL, &e), 0);
    static struct rh_visit v;
    memset(&v, 0, sizeof v);
    v.day = day;
    v.outcome = RH_VISIT_CLEARED;
    v.dated_utc = at;
    CHECK_INT(rh_store_visit_add(s, &v, NULL, &e), 0);
}

/* Every kind of entry of the store: n of them, each on day (the pain
 * entries, sessions, check-ins and visits alike). */
static void check_all_on(struct rh_store *s, int32_t day, size_t n)
{
    struct rh_err e;
    int32_t got[8] = {0};
    CHECK_INT((long)pain_days(s, day, day, got), (long)n);
    struct rh_session *ss = NULL;
    size_t k = 0;
    CHECK_INT(rh_store_session_list(s, day, day, &ss, &k, &e), 0);
    CHECK_INT((long)k, (long)n);
    rh_session_array_free(ss, k);
    struct rh_checkin *cs = NULL;
    CHECK_INT(rh_store_checkin_list(s, &cs, &k, &e), 0);
    CHECK_INT((long)k, (long)n);
    for (size_t i = 0; i < k; i++)
        CHECK_INT(cs[i].day, day);
    rh_free(cs);
    struct rh_visit *vs = NULL;
    CHECK_INT(rh_store_visit_list(s, &vs, &k, &e), 0);
    CHECK_INT((long)k, (long)n);
    for (size_t i = 0; i < k; i++)
        CHECK_INT(vs[i].day, day);
    rh_free(vs);
}

/* Session 27: an entry logged for the day of logging before the runner
 * named a zone keeps its instant; its day is that instant's local day in
 * the zone of reading (the system's while none is named), and the zone
 * named later dates it on the runner's day for good: at 22:30 UTC on 5
 * December it is the 6th in Auckland, and a change of zone after that (a
 * trip) leaves it there. At 03:30 UTC on the 6th it is the 5th in Los
 * Angeles. A day the runner named stays. */
static void test_entry_days_follow_the_zone_named(void)
{
    const char *dir = test_tmpdir();
    const int32_t d4 = day_of("2026-12-04"), d5 = day_of("2026-12-05"), d6 = day_of("2026-12-06");
    const int64_t evening = at_of("2026-12-05T22:30:00Z"), night = at_of("2026-12-06T03:30:00Z");
    struct rh_store *s = NULL;
    struct rh_err e;
    const char *path = db_in(dir, "east.db");
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    log_all(s, d5, evening, "given");
    rh_store_pin_clock(s, false, 0, evening + 60); /* logged at the clock: 22:31 UTC */
    CHECK(rh_store_entry_moment(s, d5) == evening + 60);
    CHECK(rh_store_entry_moment(s, d4) == 0); /* a day named: no instant */
    log_all(s, d5, 0, "clock");
    struct rh_pain_entry named = {.day = d4, .pain = 1, .during_run = -1, .next_morning = -1};
    CHECK_INT(rh_store_pain_add(s, &named, NULL, &e), 0);
    check_all_on(s, d5, 2);
    int32_t got[8] = {0};
    CHECK_INT((long)pain_days(s, d4, d6, got), 3);
    CHECK_INT(got[0], d4);
    rh_store_close(s);
    /* read in another system zone while none is named: its day there */
    s = NULL;
    CHECK_INT(rh_store_open_tz(path, 0, "Pacific/Auckland", &s, &e), 0);
    if (!s)
        return;
    check_all_on(s, d6, 2);
    rh_store_close(s);
    s = NULL;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    check_all_on(s, d5, 2);
    CHECK_INT(rh_store_profile_set(s, "tz", "Pacific/Auckland", &e), 0);
    check_all_on(s, d6, 2);
    CHECK_INT((long)pain_days(s, d4, d6, got), 3);
    CHECK_INT(got[0], d4); /* named: stays */
    CHECK_INT(got[1], d6);
    CHECK_INT(got[2], d6);
    /* written on that day in the file, the instant cleared: the day is kept */
    CHECK_INT(raw_int(path, "SELECT count(*) FROM pain WHERE dated_utc IS NULL AND day = 20793"),
              2);
    CHECK_INT(raw_int(path, "SELECT count(*) FROM checkin WHERE day = 20793 AND dated_utc IS NULL"
                            " AND created_utc > 0"),
              2);
    /* a trip to Los Angeles: the days lived in Auckland stay */
    CHECK_INT(rh_store_profile_set(s, "tz", "America/Los_Angeles", &e), 0);
    check_all_on(s, d6, 2);
    /* a zone named: an entry logged now is on the zone's day as stored */
    CHECK(rh_store_entry_moment(s, d5) == 0);
    rh_store_close(s);

    /* the other way: 19:30 on the 5th in Los Angeles is the 6th in UTC */
    path = db_in(dir, "west.db");
    s = NULL;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    rh_store_pin_clock(s, false, 0, night);
    log_all(s, d6, 0, "night");
    check_all_on(s, d6, 1);
    CHECK_INT(rh_store_profile_set(s, "tz", "America/Los_Angeles", &e), 0);
    check_all_on(s, d5, 1);
    rh_store_close(s);
    /* reopened (another program): the same day */
    s = NULL;
    CHECK_INT(rh_store_open_tz(path, RH_STORE_READONLY, "UTC", &s, &e), 0);
    if (!s)
        return;
    check_all_on(s, d5, 1);
    rh_store_close(s);

    /* a pinned day (--today): its local noon, 01:00 the next day in Auckland */
    path = db_in(dir, "pinned.db");
    s = NULL;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    rh_store_pin_clock(s, true, d5, 0);
    CHECK(rh_store_entry_moment(s, d5) == at_of("2026-12-05T12:00:00Z"));
    log_all(s, d5, 0, "pinned");
    CHECK_INT(rh_store_profile_set(s, "tz", "Pacific/Auckland", &e), 0);
    check_all_on(s, d6, 1);
    rh_store_close(s);
}

/* An entry's instant that is not on its day, or before 1970: refused with
 * a plain message, for every kind of entry, and nothing stored. */
static void test_entry_instant_off_its_day_refused(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "bad.db");
    const int32_t d5 = day_of("2026-12-05");
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    const int64_t bad[] = {at_of("2026-12-06T00:00:00Z"), at_of("2026-12-04T23:59:59Z"), -5};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        rh_err_clear(&e);
        struct rh_pain_entry p = {.day = d5, .pain = 2, .during_run = -1, .next_morning = -1,
                                  .dated_utc = bad[i]};
        CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), RH_EINVAL);
        CHECK(strstr(e.msg, bad[i] > 0 ? "is not on the entry's day 2026-12-05 in the time zone UTC"
                                       : "cannot be before 1970") != NULL);
        CHECK(strstr(e.msg, "nothing was stored") != NULL);
        struct rh_session ss = {.day = d5, .kind = RH_SESSION_REST, .minutes = RH_NONE, .rpe = -1,
                                .dated_utc = bad[i]};
        CHECK_INT(rh_store_session_add(s, &ss, NULL, &e), RH_EINVAL);
        static struct rh_checkin c;
        memset(&c, 0, sizeof c);
        c.day = d5;
        c.severity = 0;
        c.dated_utc = bad[i];
        CHECK_INT(rh_store_checkin_add(s, &c, NULL, &e), RH_EINVAL);
        static struct rh_visit v;
        memset(&v, 0, sizeof v);
        v.day = d5;
        v.outcome = RH_VISIT_CLEARED;
        v.dated_utc = bad[i];
        CHECK_INT(rh_store_visit_add(s, &v, NULL, &e), RH_EINVAL);
    }
    rh_store_close(s);
    CHECK_INT(raw_count(path, "pain"), 0);
    CHECK_INT(raw_count(path, "session"), 0);
    CHECK_INT(raw_count(path, "checkin"), 0);
    CHECK_INT(raw_count(path, "visit"), 0);
    /* nor by another path: the schema refuses an instant of 0 or before */
    CHECK(raw_exec(path, "INSERT INTO pain(day, pain, created_utc, dated_utc)"
                         " VALUES (20792, 1, 0, 0)") != 0);
    CHECK(raw_exec(path, "INSERT INTO checkin(day, severity, substantial, dated_utc)"
                         " VALUES (20792, 0, 0, -1)") != 0);
    CHECK_INT(raw_count(path, "pain"), 0);
}

/* A database of schema 9 with an entry of each kind (no instants): the
 * path. */
static const char *v9_db(const char *dir, const char *name)
{
    const char *path = db_in(dir, name);
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return path;
    log_all(s, day_of("2026-12-05"), 0, "old"); /* any instant goes with the columns */
    rh_store_close(s);
    CHECK_INT(raw_exec(path, TO_V9 "PRAGMA user_version = 9;"), 0);
    return path;
}

/* Schema 9 -> 10: the entries of a version 9 database keep their stored
 * day whatever zone is named after (they have no instant), check-ins get a
 * creation moment column (unknown for the old ones), and new entries are
 * dated as schema 10 dates them. */
static void test_entry_days_migrated_from_9(void)
{
    const char *dir = test_tmpdir();
    const char *path = v9_db(dir, "v9.db");
    CHECK_INT(raw_int(path, "PRAGMA user_version"), 9);
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    const int32_t d5 = day_of("2026-12-05"), d6 = day_of("2026-12-06");
    check_all_on(s, d5, 1);
    struct rh_checkin *cs = NULL;
    size_t n = 0;
    CHECK_INT(rh_store_checkin_list(s, &cs, &n, &e), 0);
    CHECK_INT((long)n, 1);
    if (n == 1)
        CHECK(cs[0].created_utc == 0 && cs[0].dated_utc == 0);
    rh_free(cs);
    rh_store_pin_clock(s, false, 0, at_of("2026-12-05T23:00:00Z"));
    struct rh_pain_entry p = {.day = d5, .pain = 3, .during_run = -1, .next_morning = -1};
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), 0);
    CHECK_INT(rh_store_profile_set(s, "tz", "Asia/Tokyo", &e), 0);
    int32_t got[8] = {0};
    CHECK_INT((long)pain_days(s, d5, d6, got), 2);
    CHECK_INT(got[0], d5); /* the old entry: its stored day */
    CHECK_INT(got[1], d6); /* 08:00 on the 6th in Tokyo */
    check_all_on(s, d5, 1);
    rh_store_close(s);
}

/* An assessment's result with one warning sign, as integ stored it before
 * session 32 (old: no level and running on the flag) or as run32 stores it
 * (the running the assessment lowered to "reduce"). */
static const char *sign_result(bool old)
{
    static char buf[1024];
    snprintf(buf, sizeof buf,
             "{\"disclaimer\":\"Information, not a diagnosis.\",\"conditions\":[{\"id\":"
             "\"lumbar_referred\",\"name\":\"n\",\"score\":0.8,\"why\":[\"t\"]}],"
             "\"pain_type\":\"nerve\",\"pain_type_why\":[],\"red_flags\":[{\"id\":"
             "\"night_or_rest_pain\",\"why\":\"test\"%s}],\"checklist_warnings\":0,"
             "\"disposition\":\"see_doctor_soon\",\"disposition_why\":[],\"running\":\"reduce\","
             "\"running_why\":[],\"advice\":[],\"confidence\":0.5,\"missing\":[],"
             "\"training_from_data\":[]}",
             old ? "" : ",\"level\":\"see_doctor_soon\",\"running\":\"reduce\"");
    return buf;
}

/* session 32 (branch run32): the running a warning sign came with is kept
 * with it in the plan's stored state (JSON text in the plan table: no
 * column and no schema version of its own). A database of schema 9 whose
 * plan and assessment were stored before (no level or running with the
 * sign) opens, migrates to the current schema and reads its plan as it
 * was: the sign stops running, as every sign did then. A plan of a new
 * assessment, stored in the same database in its transaction, keeps the
 * sign's lowered running and runs. */
static void test_plan_sign_running_in_an_old_database(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "old_plan.db");
    struct rh_plan_kb *kb = NULL;
    struct rh_err e;
    CHECK_INT(rh_plan_kb_load(&kb, &e), 0);
    if (!kb)
        return;
    static struct rh_plan_state st, back;
    CHECK_INT(rh_plan_build(kb, sign_result(true), 1, day_of("2026-12-01"), NULL, &st, &e), 0);
    CHECK(st.blocked && !*st.flag_running);
    char *json = NULL;
    CHECK_INT(rh_plan_state_to_json(&st, &json, &e), 0);
    /* the state as an earlier build wrote it: without the new keys */
    json_t *o = json ? json_loads(json, 0, NULL) : NULL;
    rh_free(json);
    CHECK(o != NULL);
    if (!o) {
        rh_plan_kb_free(kb);
        return;
    }
    json_object_del(o, "flag_running");
    json_object_del(o, "diary_running");
    char *old_state = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    struct rh_store *s = NULL;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    int64_t aid = 0, pid = 0;
    CHECK_INT(rh_store_assessment_add(s, 1764547200, "{}", sign_result(true), &aid, &e), 0);
    CHECK_INT(rh_store_plan_add(s, aid, 1764547200, old_state, &pid, &e), 0);
    free(old_state);
    rh_store_close(s);
    CHECK_INT(raw_exec(path, TO_V9 "PRAGMA user_version = 9;"), 0);
    CHECK_INT(raw_int(path, "PRAGMA user_version"), 9);
    s = NULL;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s) {
        rh_plan_kb_free(kb);
        return;
    }
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    int64_t id = 0, a2 = 0;
    char *got = NULL;
    CHECK_INT(rh_store_plan_latest(s, &id, &a2, &got, &e), 0);
    CHECK(id == pid && a2 == aid);
    CHECK_INT(got ? rh_plan_state_from_json(got, &back, &e) : -1, 0);
    rh_free(got);
    CHECK(back.blocked && rh_plan_no_running(&back));
    CHECK(!*back.flag_running && !*back.diary_running);
    CHECK(rh_plan_flags_stop_running(kb, &back));
    /* a new assessment's plan, its sign's running kept, in the same store */
    CHECK_INT(rh_plan_build(kb, sign_result(false), 2, day_of("2026-12-02"), NULL, &st, &e), 0);
    CHECK(!st.blocked && st.run_mode == RH_RUN_REDUCED);
    json = NULL;
    CHECK_INT(rh_plan_state_to_json(&st, &json, &e), 0);
    CHECK_INT(rh_store_assessment_add(s, 1764633600, "{}", sign_result(false), &aid, &e), 0);
    CHECK_INT(rh_store_plan_add(s, aid, 1764633600, json, &pid, &e), 0);
    rh_free(json);
    got = NULL;
    CHECK_INT(rh_store_plan_latest(s, &id, &a2, &got, &e), 0);
    CHECK(id == pid);
    CHECK_INT(got ? rh_plan_state_from_json(got, &back, &e) : -1, 0);
    rh_free(got);
    CHECK_STR(back.flag_running, "night_or_rest_pain:see_doctor_soon:reduce");
    CHECK(!back.blocked && !rh_plan_no_running(&back) && !rh_plan_flags_stop_running(kb, &back));
    rh_store_close(s);
    rh_plan_kb_free(kb);
}

static void pause_in_migration_10(int to_version)
{
    if (to_version == 10)
        raise(SIGSTOP);
}

/* The migration to schema 10 is one transaction: a process killed inside
 * it, its columns added but not committed, leaves version 9 whole (its
 * rows, no new column); the next open migrates it. */
static void test_migration_to_10_killed_leaves_9(void)
{
    const char *dir = test_tmpdir();
    const char *path = v9_db(dir, "k9.db");
    pid_t pid = fork();
    if (pid == 0) {
        rh__store_migrate_pause = pause_in_migration_10;
        struct rh_store *c = NULL;
        rh_store_open_tz(path, 0, "UTC", &c, NULL);
        _exit(4); /* not reached: killed while stopped */
    }
    int status = 0;
    waitpid(pid, &status, WUNTRACED);
    CHECK(WIFSTOPPED(status));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    CHECK_INT(raw_int(path, "PRAGMA user_version"), 9);
    CHECK_INT(raw_int(path, "SELECT count(*) FROM pragma_table_info('pain')"
                            " WHERE name = 'dated_utc'"),
              0);
    CHECK_INT(raw_int(path, "SELECT count(*) FROM pragma_table_info('checkin')"
                            " WHERE name = 'created_utc'"),
              0);
    CHECK_INT(raw_count(path, "pain"), 1);
    CHECK_INT(raw_count(path, "checkin"), 1);
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), 10);
    check_all_on(s, day_of("2026-12-05"), 1);
    rh_store_close(s);
    CHECK_INT(raw_exec(path, "PRAGMA integrity_check"), 0);
}

/* A text file, a folder: refused with their reason, nothing created. */
static void test_not_sqlite_or_folder_refused(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "notes.txt");
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("x", f); /* shorter than a SQLite header */
        fclose(f);
    }
    struct rh_store *s = NULL;
    struct rh_err e;
    rh_err_clear(&e);
    CHECK_INT(rh_store_open(path, 0, &s, &e), RH_EDB);
    CHECK(strstr(e.msg, "not an SQLite file") != NULL);
    check_untouched(path, "x", 1);
    rh_err_clear(&e);
    CHECK(rh_store_open(dir, 0, &s, &e) != 0);
    CHECK(strstr(e.msg, "folder") != NULL);
}

/* RH_STORE_EXISTING (read-only commands): a missing database is
 * RH_ENOTFOUND, and neither the file nor its folders are created. */
static void test_existing_only_creates_nothing(void)
{
    const char *dir = test_tmpdir();
    char path[700];
    snprintf(path, sizeof path, "%s/sub/runhip.db", dir);
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, RH_STORE_EXISTING | RH_STORE_MKDIR, &s, &e), RH_ENOTFOUND);
    CHECK(s == NULL);
    CHECK(access(path, F_OK) != 0);
    snprintf(path, sizeof path, "%s/sub", dir);
    CHECK(access(path, F_OK) != 0);
    snprintf(path, sizeof path, "%s/runhip.db", dir);
    CHECK_INT(rh_store_open(path, RH_STORE_READONLY, &s, &e), RH_ENOTFOUND);
    CHECK(access(path, F_OK) != 0);
}

/* Permissions: the message says "permission denied" or names the
 * read-only folder. (root passes permission checks: skipped there.) */
static void permission_messages(const char *dir)
{
    const char *path = db_in(dir, "p.db");
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (s)
        rh_store_close(s);
    chmod(path, 0);
    rh_err_clear(&e);
    CHECK(rh_store_open(path, 0, &s, &e) != 0);
    CHECK(strstr(e.msg, "permission denied") != NULL);
    chmod(path, 0600);
    char sub[700];
    snprintf(sub, sizeof sub, "%s/ro", dir);
    mkdir(sub, 0500);
    snprintf(sub, sizeof sub, "%s/ro/new.db", dir);
    rh_err_clear(&e);
    CHECK(rh_store_open(sub, 0, &s, &e) != 0);
    CHECK(strstr(e.msg, "read-only") != NULL);
    snprintf(sub, sizeof sub, "%s/ro", dir);
    chmod(sub, 0700);
}

static void test_permission_messages(void)
{
    const char *dir = test_tmpdir();
    if (geteuid() != 0) {
        permission_messages(dir);
        return;
    }
    /* root passes every permission check: run the checks as nobody */
    int before = th_checks_failed; /* earlier tests' failures are not the child's */
    pid_t pid = fork();
    if (pid == 0) {
        if (chown(dir, 65534, 65534) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
            _exit(99);
        permission_messages(dir);
        _exit(th_checks_failed > before ? 1 : 0);
    }
    int status = -1;
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        fprintf(stderr, "  the unprivileged child ended with status 0x%x\n", (unsigned)status);
}

static void test_newer_schema_refused_untouched(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "future.db");
    CHECK_INT(raw_exec(path, "PRAGMA application_id = 1380469072; CREATE TABLE t(x);"
                             "PRAGMA user_version = 99;"),
              0);
    struct stat before;
    CHECK_INT(stat(path, &before), 0);
    size_t n1, n2;
    char *bytes1 = test_slurp(path, &n1);
    struct rh_store *s = NULL;
    struct rh_err e;
    rh_err_clear(&e);
    CHECK_INT(rh_store_open(path, 0, &s, &e), RH_EVERSION);
    CHECK(s == NULL);
    CHECK(strstr(e.msg, "99") != NULL);
    CHECK(strstr(e.msg, "untouched") != NULL);
    char *bytes2 = test_slurp(path, &n2);
    CHECK(bytes1 && bytes2 && n1 == n2 && memcmp(bytes1, bytes2, n1) == 0);
    CHECK(access(db_in(dir, "future.db-wal"), F_OK) != 0); /* not switched to WAL */
    free(bytes1);
    free(bytes2);
}

static void test_not_a_database_refused(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "junk.db");
    FILE *f = fopen(path, "w");
    fputs("this is not a database, just text that is long enough to have a header....", f);
    fclose(f);
    struct rh_store *s = NULL;
    struct rh_err e;
    rh_err_clear(&e);
    CHECK_INT(rh_store_open(path, 0, &s, &e), RH_EDB);
    CHECK(strstr(e.msg, "not a runhip database") != NULL);
    CHECK(strstr(e.msg, "untouched") != NULL);
    CHECK_INT(rh_store_open("", 0, &s, &e), RH_EINVAL);
}

static void test_activity_round_trip_and_duplicates(void)
{
    const char *dir = test_tmpdir();
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(db_in(dir, "a.db"), 0, &s, &e), 0);
    if (!s)
        return;
    struct rh_activity a;
    make_activity(&a, 1700000000, 0xABCDEF0123456789ULL);
    struct rh_trackpt tp[2] = {{470000000, 80000000}, {-470000001, -1}};
    struct rh_split sp[1] = {{1000, 300, 150, 168, 5}};
    a.track = rh_malloc(sizeof tp);
    memcpy(a.track, tp, sizeof tp);
    a.n_track = 2;
    a.splits = rh_malloc(sizeof sp);
    memcpy(a.splits, sp, sizeof sp);
    a.n_splits = 1;
    int64_t id = 0, id2 = 0;
    CHECK_INT(rh_store_activity_add(s, &a, &id, &e), 0);
    CHECK(id > 0);
    /* same content hash: duplicate */
    CHECK_INT(rh_store_activity_add(s, &a, &id2, &e), RH_EDUP);
    CHECK_INT(id2, id);
    /* different hash, same start and device: duplicate */
    struct rh_activity b;
    make_activity(&b, 1700000000, 42);
    CHECK_INT(rh_store_activity_add(s, &b, NULL, &e), RH_EDUP);
    /* same span on another device: the same outing (cli.md), kept once */
    rh_activity_set_str(&b.device, "coros pace2");
    b.content_hash = 43;
    CHECK_INT(rh_store_activity_add(s, &b, NULL, &e), RH_EDUP);
    /* an hour after it ended: a different activity */
    b.start_utc += 3000 + 3600;
    b.content_hash = 44;
    CHECK_INT(rh_store_activity_add(s, &b, NULL, &e), 0);
    CHECK_INT(rh_store_activity_count(s, &e), 2);

    struct rh_activity *list;
    size_t n;
    CHECK_INT(rh_store_activities(s, 0, INT64_MAX, RH_STORE_WITH_TRACK | RH_STORE_WITH_SPLITS,
                                  &list, &n, &e),
              0);
    CHECK_INT((long)n, 2);
    if (n == 2) {
        struct rh_activity *g = &list[0];
        CHECK_INT(g->id, id);
        CHECK_STR(g->gear, "Road shoe A");
        CHECK_INT(g->sport, RH_SPORT_RUNNING);
        CHECK_INT(g->format, RH_FMT_GPX);
        CHECK_NEAR(g->total_distance_m, 10000, 0);
        CHECK(!rh_has(g->avg_hr)); /* absent stays absent */
        CHECK(g->content_hash == 0xABCDEF0123456789ULL);
        CHECK_INT((long)g->n_track, 2);
        if (g->n_track == 2) {
            CHECK_INT(g->track[1].lat_e7, -470000001);
            CHECK_INT(g->track[1].lon_e7, -1);
        }
        CHECK_INT((long)g->n_splits, 1);
        if (g->n_splits == 1)
            CHECK_NEAR(g->splits[0].avg_cad_spm, 168, 0);
    }
    rh_activity_array_free(list, n);
    /* an activity whose file had no time: listed last, only when asked for */
    struct rh_activity u;
    make_activity(&u, 0, 99);
    u.has_start = false;
    CHECK_INT(rh_store_activity_add(s, &u, NULL, &e), 0);
    rh_activity_release(&u);
    CHECK_INT(rh_store_activities(s, 0, INT64_MAX, 0, &list, &n, &e), 0);
    CHECK_INT((long)n, 2);
    rh_activity_array_free(list, n);
    CHECK_INT(rh_store_activities(s, 0, INT64_MAX, RH_STORE_WITH_UNDATED, &list, &n, &e), 0);
    CHECK_INT((long)n, 3);
    if (n == 3)
        CHECK(!list[2].has_start && list[0].has_start);
    rh_activity_array_free(list, n);
    /* the time window is half-open */
    CHECK_INT(rh_store_activities(s, 0, 1700000000, 0, &list, &n, &e), 0);
    CHECK_INT((long)n, 0);
    rh_activity_array_free(list, n);
    rh_activity_release(&a);
    rh_activity_release(&b);
    rh_store_close(s);
}

/* The files of activity id (also_in), joined by spaces. */
static void also_of(struct rh_store *s, int64_t id, char *out, size_t n)
{
    char **f = NULL;
    size_t k = 0;
    struct rh_err e;
    out[0] = '\0';
    CHECK_INT(rh_store_activity_also(s, id, &f, &k, &e), 0);
    for (size_t i = 0; i < k; i++)
        rh_str_appendf(out, n, "%s%s", i ? " " : "", f[i]);
    rh_store_strings_free(f, k);
}

/* Two recordings of one outing are both kept while their sports differ
 * (an untyped "other" and a run); corrected to running, the activity is
 * that outing, counted once (issue 15): one row under the corrected id,
 * with the richer recording, the other file in also_in, the runner's sport
 * kept; a name or shoe only one of them had is kept. */
static void test_sport_correction_counts_an_outing_once(void)
{
    const char *dir = test_tmpdir();
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(db_in(dir, "m.db"), 0, &s, &e), 0);
    if (!s)
        return;
    const int64_t t = 1700000000;
    struct rh_activity c, m, other;
    make_activity(&c, t, 1); /* the phone's GPX, untyped, poorer */
    c.sport = RH_SPORT_OTHER;
    c.n_records = 300;
    rh_activity_set_str(&c.file, "phone.gpx");
    rh_activity_set_str(&c.device, "phone");
    rh_activity_set_str(&c.name, "Morning loop");
    rh_activity_set_str(&c.gear, NULL);
    make_activity(&m, t + 20, 2); /* the watch's FIT: a run, richer */
    m.format = RH_FMT_FIT;
    m.avg_hr = 150;
    rh_activity_set_str(&m.file, "watch.fit");
    make_activity(&other, t + 86400, 3); /* another day */
    int64_t ic = 0, im = 0, io = 0;
    CHECK_INT(rh_store_activity_add(s, &c, &ic, &e), 0);
    CHECK_INT(rh_store_activity_add(s, &m, &im, &e), 0);
    CHECK_INT(rh_store_activity_add(s, &other, &io, &e), 0);
    CHECK_INT(rh_store_activity_count(s, &e), 3);

    CHECK_INT(rh_store_activity_set(s, ic, "sport", "running", &e), 0);
    CHECK_INT(rh_store_activity_count(s, &e), 2);
    struct rh_activity g;
    CHECK_INT(rh_store_activity_get(s, ic, 0, &g, &e), 0);
    CHECK_INT(g.sport, RH_SPORT_RUNNING);
    CHECK_INT(g.sport_source, RH_SPORT_SRC_USER);
    CHECK_INT(g.n_records, 600); /* the watch's recording */
    CHECK_STR(g.file, "watch.fit");
    CHECK_STR(g.name, "Morning loop");
    CHECK_STR(g.gear, "Road shoe A");
    CHECK(g.content_hash == 2);
    rh_activity_release(&g);
    CHECK_INT(rh_store_activity_get(s, im, 0, &g, &e), RH_ENOTFOUND);
    char also[256];
    also_of(s, ic, also, sizeof also);
    CHECK_STR(also, "phone.gpx");
    /* a file of either recording is known: imported again, a duplicate */
    CHECK_INT(rh_store_activity_add(s, &c, NULL, &e), RH_EDUP);
    CHECK_INT(rh_store_activity_add(s, &m, NULL, &e), RH_EDUP);
    CHECK_INT(rh_store_activity_count(s, &e), 2);

    /* the corrected one richer: its recording stays, the run's file joins */
    struct rh_activity c2, m2;
    make_activity(&c2, t + 3 * 86400, 11);
    c2.sport = RH_SPORT_CYCLING; /* typed wrongly on the device */
    c2.n_records = 900;
    rh_activity_set_str(&c2.file, "rich.fit");
    rh_activity_set_str(&c2.device, "edge");
    make_activity(&m2, t + 3 * 86400 + 60, 12);
    m2.n_records = 100;
    rh_activity_set_str(&m2.file, "poor.gpx");
    rh_activity_set_str(&m2.device, "phone");
    int64_t ic2 = 0, im2 = 0;
    CHECK_INT(rh_store_activity_add(s, &c2, &ic2, &e), 0);
    CHECK_INT(rh_store_activity_add(s, &m2, &im2, &e), 0);
    CHECK_INT(rh_store_activity_count(s, &e), 4);
    size_t merged = 9;
    CHECK_INT(rh_store_activity_correct(s, ic2, "sport", "running", &merged, &e), 0);
    CHECK_INT((long)merged, 1);
    CHECK_INT(rh_store_activity_count(s, &e), 3);
    CHECK_INT(rh_store_activity_get(s, ic2, 0, &g, &e), 0);
    CHECK_STR(g.file, "rich.fit");
    CHECK_INT(g.n_records, 900);
    CHECK_INT(g.sport, RH_SPORT_RUNNING);
    rh_activity_release(&g);
    also_of(s, ic2, also, sizeof also);
    CHECK_STR(also, "poor.gpx");
    CHECK_INT(rh_store_activity_get(s, im2, 0, &g, &e), RH_ENOTFOUND);

    /* a correction that makes no outing the same merges nothing */
    CHECK_INT(rh_store_activity_correct(s, io, "sport", "trail_running", &merged, &e), 0);
    CHECK_INT((long)merged, 0);
    CHECK_INT(rh_store_activity_count(s, &e), 3);
    rh_activity_release(&c);
    rh_activity_release(&m);
    rh_activity_release(&other);
    rh_activity_release(&c2);
    rh_activity_release(&m2);
    rh_store_close(s);
}

static void test_rollback_leaves_nothing(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "r.db");
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (!s)
        return;
    struct rh_activity a;
    make_activity(&a, 1700000000, 1);
    CHECK_INT(rh_store_begin(s, &e), 0);
    CHECK_INT(rh_store_activity_add(s, &a, NULL, &e), 0);
    struct rh_pain_entry p = {.day = 20000, .pain = 4, .during_run = 5, .next_morning = -1};
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), 0);
    /* a failing write inside the same transaction: the caller rolls back */
    p.pain = 11;
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), RH_ERANGE);
    rh_store_rollback(s);
    CHECK_INT(rh_store_activity_count(s, &e), 0);
    rh_activity_release(&a);
    rh_store_close(s);
    CHECK_INT(raw_count(path, "pain"), 0);
    CHECK_INT(raw_count(path, "activity"), 0);
}

static void test_bad_diary_inputs_store_nothing(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "d.db");
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (!s)
        return;
    struct rh_pain_entry p = {.day = 20000, .pain = -1, .during_run = -1, .next_morning = -1};
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), RH_ERANGE);
    p.pain = 3;
    p.during_run = 12;
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), RH_ERANGE);
    CHECK(strstr(e.msg, "during the run") != NULL);
    p.during_run = 2;
    p.next_morning = 11;
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), RH_ERANGE);
    struct rh_session ss = {.day = 20000, .kind = RH_SESSION_STRENGTH, .minutes = 2000, .rpe = -1};
    CHECK_INT(rh_store_session_add(s, &ss, NULL, &e), RH_ERANGE);
    ss.minutes = 30;
    ss.rpe = 11;
    CHECK_INT(rh_store_session_add(s, &ss, NULL, &e), RH_ERANGE);
    ss.rpe = -1;
    ss.kind = (enum rh_session_kind)42;
    CHECK_INT(rh_store_session_add(s, &ss, NULL, &e), RH_EKEY);
    struct rh_checkin c = {.day = 20000, .q = {0, 0, 0, 0}, .severity = 101};
    CHECK_INT(rh_store_checkin_add(s, &c, NULL, &e), RH_ERANGE);
    CHECK_INT(rh_store_shoe_put(s, "", 0, 0, -1, &e), RH_EINVAL);
    CHECK_INT(rh_store_shoe_put(s, "x", -5, 0, -1, &e), RH_ERANGE);
    rh_store_close(s);
    CHECK_INT(raw_count(path, "pain"), 0);
    CHECK_INT(raw_count(path, "session"), 0);
    CHECK_INT(raw_count(path, "checkin"), 0);
    CHECK_INT(raw_count(path, "shoe"), 0);
}

/* A pair stored without its first day (the demo's) shows the day of its
 * first stored run, or none (never 1970-01-01); a given day stays; reuse
 * undoes retire and keeps the rest. */
static void test_shoe_first_day_and_reuse(void)
{
    const char *dir = test_tmpdir();
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(db_in(dir, "shoe.db"), 0, &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_shoe_put(s, "Road shoe A", 208, -1, -1, &e), 0);
    CHECK_INT(rh_store_shoe_put(s, "Spare", 0, 19000, -1, &e), 0);
    struct rh_store_shoe *tab = NULL;
    size_t n = 0;
    CHECK_INT(rh_store_shoe_list(s, &tab, &n, &e), 0);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(tab[0].name, "Road shoe A");
        CHECK_INT(tab[0].first_day, -1);
        CHECK_INT(tab[1].first_day, 19000);
    }
    rh_free(tab);
    struct rh_activity a;
    make_activity(&a, 1699963200, 0x1234ULL); /* 2023-11-14 noon UTC, in "Road shoe A" */
    CHECK_INT(rh_store_activity_add(s, &a, NULL, &e), 0);
    rh_activity_release(&a);
    CHECK_INT(rh_store_shoe_list(s, &tab, &n, &e), 0);
    if (n == 2) {
        CHECK_INT(tab[0].first_day, 1699963200 / 86400);
        CHECK_INT(tab[1].first_day, 19000);
    }
    rh_free(tab);
    bool was = true;
    CHECK_INT(rh_store_shoe_reuse(s, "Spare", &was, &e), 0);
    CHECK(!was);
    CHECK_INT(rh_store_shoe_retire(s, "Spare", 19100, 19200, &e), 0);
    CHECK_INT(rh_store_shoe_reuse(s, "Spare", &was, &e), 0);
    CHECK(was);
    CHECK_INT(rh_store_shoe_list(s, &tab, &n, &e), 0);
    if (n == 2) {
        CHECK_INT(tab[1].retired_day, -1);
        CHECK_INT(tab[1].first_day, 19000);
    }
    rh_free(tab);
    CHECK_INT(rh_store_shoe_reuse(s, "Nobody's", &was, &e), RH_ENOTFOUND);
    CHECK(strstr(e.msg, "no shoe called") != NULL);
    rh_store_close(s);
}

static void test_diary_documents_and_settings(void)
{
    const char *dir = test_tmpdir();
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(db_in(dir, "x.db"), 0, &s, &e), 0);
    if (!s)
        return;
    char note[] = "sore after hills";
    struct rh_pain_entry p = {.day = 20001, .pain = 3, .during_run = 4, .next_morning = 2,
                              .note = note};
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), 0);
    p.day = 20000;
    p.note = NULL;
    p.during_run = -1;
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), 0);
    struct rh_pain_entry *pl;
    size_t n;
    CHECK_INT(rh_store_pain_list(s, 19000, 21000, &pl, &n, &e), 0);
    CHECK_INT((long)n, 2);
    if (n == 2) {
        CHECK_INT(pl[0].day, 20000); /* by day */
        CHECK_INT(pl[0].during_run, -1);
        CHECK(pl[0].note == NULL);
        CHECK_STR(pl[1].note, "sore after hills");
    }
    rh_pain_array_free(pl, n);
    struct rh_session ss = {.day = 20000, .kind = RH_SESSION_STRENGTH, .minutes = 30, .rpe = 6};
    CHECK_INT(rh_store_session_add(s, &ss, NULL, &e), 0);
    struct rh_session *sl;
    CHECK_INT(rh_store_session_list(s, 20000, 20000, &sl, &n, &e), 0);
    CHECK_INT((long)n, 1);
    if (n == 1) {
        CHECK_INT(sl[0].kind, RH_SESSION_STRENGTH);
        CHECK_INT(sl[0].rpe, 6);
    }
    rh_session_array_free(sl, n);
    enum rh_session_kind k;
    CHECK_INT(rh_session_kind_parse("cross_train", &k), 0);
    CHECK_INT(k, RH_SESSION_CROSS_TRAIN);
    CHECK_INT(rh_session_kind_parse("yoga", &k), RH_EKEY);

    int64_t aid = 0, pid = 0, got = 0;
    CHECK_INT(rh_store_assessment_add(s, 100, "{\"age\":40}", "{\"disposition\":\"see_physio\"}",
                                      &aid, &e),
              0);
    char *in = NULL, *res = NULL;
    CHECK_INT(rh_store_assessment_latest(s, &got, NULL, &in, &res, &e), 0);
    CHECK_INT(got, aid);
    CHECK_STR(in, "{\"age\":40}");
    rh_free(in);
    rh_free(res);
    char *st = NULL;
    CHECK_INT(rh_store_plan_latest(s, NULL, NULL, &st, &e), RH_ENOTFOUND);
    CHECK_INT(rh_store_plan_add(s, aid, 200, "{\"phase\":1}", &pid, &e), 0);
    CHECK_INT(rh_store_plan_update(s, pid, "{\"phase\":2}", &e), 0);
    CHECK_INT(rh_store_plan_update(s, pid + 100, "{}", &e), RH_ENOTFOUND);
    CHECK_INT(rh_store_plan_latest(s, &got, NULL, &st, &e), 0);
    CHECK_STR(st, "{\"phase\":2}");
    rh_free(st);

    struct rh_checkin c = {.day = 20000, .q = {8, 17, 0, 8}, .severity = 33, .substantial = true};
    CHECK_INT(rh_store_checkin_add(s, &c, NULL, &e), 0);
    struct rh_checkin *cl;
    CHECK_INT(rh_store_checkin_list(s, &cl, &n, &e), 0);
    CHECK_INT((long)n, 1);
    if (n == 1) {
        CHECK_INT(cl[0].severity, 33);
        CHECK(cl[0].substantial);
        CHECK_INT(cl[0].q[1], 17);
    }
    rh_free(cl);

    char *v = NULL;
    CHECK_INT(rh_store_meta_get(s, "profile.max_hr", &v, &e), 0);
    CHECK(v == NULL);
    CHECK_INT(rh_store_meta_set(s, "profile.max_hr", "188", &e), 0);
    CHECK_INT(rh_store_meta_set(s, "profile.max_hr", "190", &e), 0);
    CHECK_INT(rh_store_meta_get(s, "profile.max_hr", &v, &e), 0);
    CHECK_STR(v, "190");
    rh_free(v);
    rh_store_close(s);
}

/* A reader sees the last committed state while a writer holds an open
 * transaction, and sees the new rows after the commit (WAL). */
static void test_reader_while_writer_commits(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "c.db");
    struct rh_store *w = NULL, *r = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &w, &e), 0);
    CHECK_INT(rh_store_open(path, RH_STORE_READONLY, &r, &e), 0);
    if (!w || !r)
        return;
    struct rh_activity a;
    make_activity(&a, 1700000000, 7);
    CHECK_INT(rh_store_begin(w, &e), 0);
    CHECK_INT(rh_store_activity_add(w, &a, NULL, &e), 0);
    CHECK_INT(rh_store_activity_count(r, &e), 0); /* not committed yet, no blocking */
    CHECK_INT(rh_store_commit(w, &e), 0);
    CHECK_INT(rh_store_activity_count(r, &e), 1);
    /* a second process writes while this one reads */
    pid_t pid = fork();
    if (pid == 0) {
        struct rh_store *c = NULL;
        struct rh_activity b;
        if (rh_store_open(path, 0, &c, NULL))
            _exit(1);
        make_activity(&b, 1700100000, 8);
        int rc = rh_store_activity_add(c, &b, NULL, NULL);
        rh_store_close(c);
        _exit(rc == 0 ? 0 : 2);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_INT(rh_store_activity_count(r, &e), 2);
    rh_activity_release(&a);
    rh_store_close(r);
    rh_store_close(w);
}

/* The web app keeps connections open while terminal commands come and go
 * (review 9 #1). Opening and closing another store in the server's process
 * must not drop the locks of the connection it keeps (a plain close() of
 * the file would), or the terminal's command, closing last as it thinks,
 * deletes the -wal and -shm files under the server, whose next write then
 * fails with "disk I/O error". */
static void test_server_and_terminal_share_database(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "share.db");
    char shm[700];
    snprintf(shm, sizeof shm, "%s-shm", path);
    struct rh_store *kept = NULL, *req = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &kept, &e), 0);
    if (!kept)
        return;
    struct rh_activity a;
    make_activity(&a, 1700000000, 11);
    CHECK_INT(rh_store_activity_add(kept, &a, NULL, &e), 0);
    rh_activity_release(&a);
    /* a request of the server opens and closes its own store */
    CHECK_INT(rh_store_open(path, RH_STORE_READONLY, &req, &e), 0);
    rh_store_close(req);
    /* a terminal command writes and closes: another program, not a fork
     * (a forked child would inherit SQLite's record of this process's locks) */
    pid_t pid = fork();
    if (pid == 0) {
        execl("/proc/self/exe", "test_store", "--write-one", path, (char *)NULL);
        _exit(3);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    struct stat st;
    CHECK(stat(shm, &st) == 0); /* still in use by the kept connection */
    make_activity(&a, 1700200000, 13);
    CHECK_INT(rh_store_activity_add(kept, &a, NULL, &e), 0);
    rh_activity_release(&a);
    CHECK_INT(rh_store_activity_count(kept, &e), 3);
    rh_store_close(kept);
    CHECK_INT(raw_exec(path, "PRAGMA integrity_check"), 0);
}

/* A child commits 20 activities, then opens a transaction, writes more and
 * stops itself with SIGSTOP mid-transaction; the parent kills it with
 * SIGKILL. The database must open and hold exactly the committed 20. */
static void test_killed_writer_leaves_committed_data(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "k.db");
    pid_t pid = fork();
    if (pid == 0) {
        struct rh_store *c = NULL;
        if (rh_store_open(path, 0, &c, NULL))
            _exit(1);
        for (int i = 0; i < 20; i++) {
            struct rh_activity b;
            make_activity(&b, 1700000000 + i * 86400, 1000 + (uint64_t)i);
            if (rh_store_activity_add(c, &b, NULL, NULL))
                _exit(2);
            rh_activity_release(&b);
        }
        if (rh_store_begin(c, NULL))
            _exit(3);
        for (int i = 0; i < 500; i++) {
            struct rh_activity b;
            make_activity(&b, 1800000000 + i * 86400, 5000 + (uint64_t)i);
            rh_store_activity_add(c, &b, NULL, NULL);
            rh_activity_release(&b);
        }
        struct rh_pain_entry p = {.day = 20000, .pain = 4, .during_run = -1, .next_morning = -1};
        rh_store_pain_add(c, &p, NULL, NULL);
        raise(SIGSTOP); /* mid-transaction, uncommitted writes in the WAL */
        _exit(4);
    }
    int status = 0;
    waitpid(pid, &status, WUNTRACED);
    CHECK(WIFSTOPPED(status));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_activity_count(s, &e), 20);
    struct rh_pain_entry *pl;
    size_t n;
    CHECK_INT(rh_store_pain_list(s, 0, 100000, &pl, &n, &e), 0);
    CHECK_INT((long)n, 0);
    rh_pain_array_free(pl, n);
    rh_store_close(s);
    CHECK_INT(raw_exec(path, "PRAGMA integrity_check"), 0);
}

/* Every allocation failure during open and insert gives an error, never a
 * crash or a leak (the sanitizer build checks leaks at exit). */
static void test_allocation_failures(void)
{
    const char *dir = test_tmpdir();
    const char *path = db_in(dir, "m.db");
    struct rh_err e;
    for (long n = 1; n < 6; n++) {
        struct rh_store *s = NULL;
        rh_alloc_fail_after(n);
        int r = rh_store_open(path, 0, &s, &e);
        rh_alloc_fail_after(0);
        CHECK(r == 0 || r == RH_ENOMEM);
        if (s)
            rh_store_close(s);
    }
}

/* The other program of test_server_and_terminal_share_database: adds one
 * activity to the database at path and closes it, as a terminal command. */
static int write_one(const char *path)
{
    struct rh_store *c = NULL;
    struct rh_activity b;
    if (rh_store_open(path, 0, &c, NULL))
        return 1;
    make_activity(&b, 1700100000, 12);
    int rc = rh_store_activity_add(c, &b, NULL, NULL);
    rh_activity_release(&b);
    rh_store_close(c);
    return rc == 0 ? 0 : 2;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--write-one") == 0)
        return write_one(argv[2]);
    RUN(test_create_new_database_with_parent_dirs);
    RUN(test_foreign_sqlite_refused_untouched);
    RUN(test_empty_and_first_version_databases_open);
    RUN(test_profile_weight_migrated_from_7);
    RUN(test_pain_activity_migrated_from_8);
    RUN(test_entry_days_follow_the_zone_named);
    RUN(test_entry_instant_off_its_day_refused);
    RUN(test_entry_days_migrated_from_9);
    RUN(test_migration_to_10_killed_leaves_9);
    RUN(test_plan_sign_running_in_an_old_database); /* session 32 (branch run32) */
    RUN(test_not_sqlite_or_folder_refused);
    RUN(test_existing_only_creates_nothing);
    RUN(test_permission_messages);
    RUN(test_newer_schema_refused_untouched);
    RUN(test_not_a_database_refused);
    RUN(test_activity_round_trip_and_duplicates);
    RUN(test_sport_correction_counts_an_outing_once);
    RUN(test_rollback_leaves_nothing);
    RUN(test_bad_diary_inputs_store_nothing);
    RUN(test_diary_documents_and_settings);
    RUN(test_shoe_first_day_and_reuse);
    RUN(test_reader_while_writer_commits);
    RUN(test_server_and_terminal_share_database);
    RUN(test_killed_writer_leaves_committed_data);
    RUN(test_allocation_failures);
    return TEST_END();
}
