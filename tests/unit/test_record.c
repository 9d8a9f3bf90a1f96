/* SPDX-License-Identifier: MIT */
/*
 * The true record (issue 9): local days, one outing kept once, the
 * upgrade of a version-1 database, the profile. Real corpus files.
 */
#include <sqlite3.h>
#include <unistd.h>

#include "harness.h"
#include "runhip/fit.h"
#include "runhip/import.h"
#include "runhip/load.h"
#include "runhip/store.h"

#define C RH_SHARED "/corpus/"

/* The schema of version 1 as it was released (frozen: the upgrade starts
 * from databases written by it). */
static const char v1_schema[] =
    "CREATE TABLE meta(\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT NOT NULL);\n"
    "CREATE TABLE activity(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  content_hash TEXT NOT NULL UNIQUE,\n"
    "  file TEXT NOT NULL,\n"
    "  format TEXT NOT NULL CHECK(format IN ('fit','gpx','tcx','')),\n"
    "  sport TEXT NOT NULL,\n"
    "  sub_sport TEXT,\n"
    "  name TEXT, gear TEXT, device TEXT,\n"
    "  start_utc INTEGER,\n"
    "  elapsed_s REAL, timer_s REAL, distance_m REAL,\n"
    "  n_records INTEGER NOT NULL CHECK(n_records >= 0),\n"
    "  cadence_spm REAL, avg_hr REAL, max_hr REAL, temp_c REAL,\n"
    "  elev_gain_m REAL, avg_power_w REAL,\n"
    "  has_gps INTEGER NOT NULL CHECK(has_gps IN (0,1)),\n"
    "  track BLOB, splits BLOB,\n"
    "  imported_utc INTEGER NOT NULL);\n"
    "CREATE INDEX activity_start ON activity(start_utc);\n"
    "CREATE TABLE pain(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  day INTEGER NOT NULL,\n"
    "  pain INTEGER NOT NULL CHECK(pain BETWEEN 0 AND 10),\n"
    "  during_run INTEGER CHECK(during_run IS NULL OR during_run BETWEEN 0 AND 10),\n"
    "  next_morning INTEGER CHECK(next_morning IS NULL OR next_morning BETWEEN 0 AND 10),\n"
    "  note TEXT,\n"
    "  created_utc INTEGER NOT NULL);\n"
    "CREATE INDEX pain_day ON pain(day);\n"
    "CREATE TABLE session(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  day INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL CHECK(kind IN ('strength','mobility','cross_train','rest','run')),\n"
    "  minutes REAL CHECK(minutes IS NULL OR minutes BETWEEN 0 AND 1440),\n"
    "  rpe INTEGER CHECK(rpe IS NULL OR rpe BETWEEN 0 AND 10),\n"
    "  note TEXT,\n"
    "  created_utc INTEGER NOT NULL);\n"
    "CREATE INDEX session_day ON session(day);\n"
    "CREATE TABLE shoe(\n"
    "  name TEXT PRIMARY KEY,\n"
    "  distance_before_km REAL NOT NULL DEFAULT 0,\n"
    "  first_day INTEGER, retired_day INTEGER);\n"
    "CREATE TABLE assessment(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  created_utc INTEGER NOT NULL,\n"
    "  intake TEXT NOT NULL,\n"
    "  result TEXT NOT NULL);\n"
    "CREATE TABLE plan(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  assessment_id INTEGER REFERENCES assessment(id) ON DELETE SET NULL,\n"
    "  created_utc INTEGER NOT NULL,\n"
    "  state TEXT NOT NULL);\n"
    "CREATE TABLE checkin(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  day INTEGER NOT NULL,\n"
    "  q1 INTEGER, q2 INTEGER, q3 INTEGER, q4 INTEGER,\n"
    "  severity INTEGER NOT NULL CHECK(severity BETWEEN 0 AND 100),\n"
    "  substantial INTEGER NOT NULL CHECK(substantial IN (0,1)));\n";

static char db_path[600];
static const char *fresh_db(void)
{
    snprintf(db_path, sizeof db_path, "%s/r.db", test_tmpdir());
    return db_path;
}

static void remove_db(void)
{
    char p[700];
    const char *sfx[] = {"", "-wal", "-shm", "-journal"};
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s%s", db_path, sfx[i]);
        unlink(p);
    }
    char *slash = strrchr(db_path, '/');
    if (slash) {
        *slash = '\0';
        rmdir(db_path);
    }
}

struct collect {
    int n_dup, n_replaced, n_stored, n_failed;
    int64_t last_id;
    char matched[512];
};

static void on_result(void *ctx, const struct rh_import_result *r)
{
    struct collect *c = ctx;
    if (r->status == RH_IMPORT_DUPLICATE) {
        c->n_dup++;
        c->n_replaced += r->replaced;
        snprintf(c->matched, sizeof c->matched, "%s", r->matched ? r->matched : "");
    } else if (r->status == RH_IMPORT_STORED) {
        c->n_stored++;
    } else if (r->status == RH_IMPORT_FAILED) {
        c->n_failed++;
    }
    c->last_id = r->id;
}

static void import1(struct rh_store *s, const char *path, struct collect *c)
{
    struct rh_import_opts o = {s, 1, on_result, NULL, false, c, 0};
    struct rh_import_stats st;
    struct rh_err e;
    rh_err_clear(&e);
    CHECK_INT(rh_import_run(&path, 1, &o, &st, &e), 0);
}

static void test_fit_offsets_are_the_files_own(void)
{
    /* every corpus FIT with an activity message: the decoder's offset is the
     * message's local_timestamp - timestamp, read here with the bare reader */
    const char *files[] = {"fit/gc_10kUNLP2014-Garmin15.fit",
                           "fit/sportslib_20171011_run_2088390344.fit",
                           "fit/fitparse_garmin-fenix-5-run.fit"};
    int with_offset = 0;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[600];
        snprintf(path, sizeof path, C "%s", files[i]);
        size_t len;
        char *buf = test_slurp(path, &len);
        CHECK(buf != NULL);
        if (!buf)
            continue;
        /* the reference: scan for the activity message (34) with the reader */
        struct rh_fit_reader *rd = malloc(sizeof *rd);
        rh_fit_reader_init(rd, buf, len);
        struct rh_fit_msg m;
        bool found = false;
        long ref = 0;
        while (!found && rh_fit_next(rd, &m, NULL) > 0) {
            if (m.global != 34 || !m.has_timestamp)
                continue;
            const struct rh_fit_field *f = rh_fit_msg_field(&m, 5);
            if (!f)
                continue;
            ref = (long)rh_fit_field_raw(&m, f) - (long)m.timestamp;
            found = true;
        }
        free(rd);
        struct rh_activity a;
        rh_activity_init(&a);
        struct rh_err w, e;
        CHECK_INT(rh_fit_decode(buf, len, &a, &w, &e), 0);
        CHECK_INT(a.has_offset, found && ref % 900 == 0 && labs(ref) <= 14 * 3600);
        if (found && a.has_offset) {
            CHECK_INT(a.utc_offset_min * 60L, ref);
            with_offset++;
        }
        rh_activity_release(&a);
        free(buf);
    }
    CHECK(with_offset >= 2);
}

static void test_days_follow_the_profile_zone(void)
{
    /* a TCX (no offset of its own) lands on the profile zone's local day,
     * and changing the zone re-dates it */
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    struct collect c = {0};
    import1(s, C "tcx/gc_10kUNLP2014-Garmin15.tcx", &c); /* 2014-10-11T18:08:45Z */
    CHECK_INT(c.n_stored, 1);
    struct rh_activity *a;
    size_t n;
    int32_t d11, d12;
    rh_date_parse("2014-10-11", &d11);
    rh_date_parse("2014-10-12", &d12);
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &a, &n, &e), 0);
    CHECK_INT((long)n, 1);
    if (n == 1) {
        CHECK_INT(a[0].utc_offset_min, 0);
        CHECK_INT(rh_activity_local_day(&a[0]), d11);
    }
    rh_activity_array_free(a, n);
    CHECK_INT(rh_store_profile_set(s, "tz", "Asia/Tokyo", &e), 0);
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &a, &n, &e), 0);
    if (n == 1) {
        CHECK_INT(a[0].utc_offset_min, 540);
        CHECK_INT(rh_activity_local_day(&a[0]), d12); /* 03:08 on the 12th in Tokyo */
    }
    rh_activity_array_free(a, n);
    /* the load report counts it on the local day */
    struct rh_store_load_row *rows;
    CHECK_INT(rh_store_load_rows(s, d12, d12, &rows, &n, &e), 0);
    CHECK_INT((long)n, 1);
    rh_free(rows);
    /* across a daylight-saving change: Los Angeles in March 2014 vs October */
    CHECK_INT(rh_store_profile_set(s, "tz", "America/Los_Angeles", &e), 0);
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &a, &n, &e), 0);
    if (n == 1)
        CHECK_INT(a[0].utc_offset_min, -420); /* PDT in October */
    rh_activity_array_free(a, n);
    /* a bad zone is refused and changes nothing */
    CHECK_INT(rh_store_profile_set(s, "tz", "Mars/Base", &e), RH_ENOTFOUND);
    char *v = NULL;
    CHECK_INT(rh_store_profile_get(s, "tz", &v, &e), 0);
    CHECK_STR(v, "America/Los_Angeles");
    rh_free(v);
    CHECK_INT(rh_store_profile_set(s, "rest_hr", "300", &e), RH_ERANGE);
    CHECK_INT(rh_store_profile_set(s, "weight", "70", &e), RH_EKEY);
    CHECK_INT(rh_store_profile_set(s, "sex", "female", &e), 0);
    /* the old settings key reaches the same row */
    CHECK_INT(rh_store_meta_get(s, "profile.sex", &v, &e), 0);
    CHECK_STR(v, "female");
    rh_free(v);
    rh_store_close(s);
    /* reopened: the profile zone is the store's zone */
    CHECK_INT(rh_store_open_tz(db_path, 0, "UTC", &s, &e), 0);
    if (s)
        CHECK_STR(rh_tz_name(rh_store_zone(s)), "America/Los_Angeles");
    rh_store_close(s);
    remove_db();
}

static void test_one_outing_in_three_formats_is_one_activity(void)
{
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    struct collect c = {0};
    /* the TCX first, then the FIT of the same 10 km race: the FIT (a session
     * summary) is richer and takes its place */
    import1(s, C "tcx/gc_10kUNLP2014-Garmin15.tcx", &c);
    import1(s, C "fit/gc_10kUNLP2014-Garmin15.fit", &c);
    CHECK_INT(c.n_stored, 1);
    CHECK_INT(c.n_dup, 1);
    CHECK(strstr(c.matched, "gc_10kUNLP2014-Garmin15.tcx") != NULL);
    /* the two services' GPX exports of one outing */
    import1(s, C "gpx/sportslib_movescount.gpx", &c);
    import1(s, C "gpx/sportslib_sports-tracker.gpx", &c);
    CHECK_INT(c.n_stored, 2);
    CHECK_INT(c.n_dup, 2);
    /* another run of the same service, months before: its own activity */
    import1(s, C "tcx/sportslib_movescount.tcx", &c);
    CHECK_INT(c.n_stored, 3);
    CHECK_INT(rh_store_activity_count(s, &e), 3);
    /* re-importing any of them: a duplicate, nothing added */
    import1(s, C "tcx/gc_10kUNLP2014-Garmin15.tcx", &c);
    CHECK_INT(c.n_dup, 3);
    CHECK_INT(rh_store_activity_count(s, &e), 3);
    struct rh_activity *a;
    size_t n;
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &a, &n, &e), 0);
    CHECK_INT((long)n, 3);
    if (n == 3) {
        CHECK_INT(a[0].format, RH_FMT_FIT);
        char **also;
        size_t na;
        CHECK_INT(rh_store_activity_also(s, a[0].id, &also, &na, &e), 0);
        CHECK_INT((long)na, 1);
        if (na == 1)
            CHECK(strstr(also[0], ".tcx") != NULL);
        rh_store_strings_free(also, na);
    }
    rh_activity_array_free(a, n);
    rh_store_close(s);
    remove_db();
}

static void test_partial_then_complete(void)
{
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    struct collect c = {0};
    import1(s, C "bad/derived_trunc60_sportslib_20171011_run_2088390344.fit", &c);
    CHECK_INT(c.n_stored, 1);
    int64_t id = c.last_id;
    import1(s, C "fit/sportslib_20171011_run_2088390344.fit", &c);
    CHECK_INT(c.n_dup, 1);
    CHECK_INT(c.n_replaced, 1);
    CHECK_INT(c.last_id, id);
    /* and the other way round nothing changes */
    import1(s, C "bad/derived_trunc60_sportslib_20171011_run_2088390344.fit", &c);
    CHECK_INT(c.n_replaced, 1);
    struct rh_activity *a;
    size_t n;
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &a, &n, &e), 0);
    CHECK_INT((long)n, 1);
    if (n == 1) {
        CHECK(!a[0].truncated);
        CHECK(strstr(a[0].file, "fit/sportslib_20171011") != NULL);
        CHECK(a[0].total_distance_m > 3000);
    }
    rh_activity_array_free(a, n);
    rh_store_close(s);
    remove_db();
}

static void test_upgrade_from_version_1(void)
{
    const char *path = fresh_db();
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, v1_schema, NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db,
                           "INSERT INTO activity(content_hash, file, format, sport, start_utc,"
                           " elapsed_s, distance_m, n_records, has_gps, imported_utc) VALUES"
                           " ('00000000000000aa', 'old.gpx', 'gpx', 'running', 1717468200,"
                           " 3000, 10000, 100, 1, 0);"
                           "INSERT INTO meta(key, value) VALUES('profile.rest_hr', '48');"
                           "INSERT INTO shoe(name, distance_before_km) VALUES('Road shoe A', 120);"
                           "PRAGMA user_version = 1;",
                           NULL, NULL, NULL),
              SQLITE_OK);
    sqlite3_close(db);
    struct rh_store *s = NULL;
    struct rh_err e;
    /* 2024-06-04T02:30Z: Monday evening in California */
    CHECK_INT(rh_store_open_tz(path, 0, "America/Los_Angeles", &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    struct rh_activity *a;
    size_t n;
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &a, &n, &e), 0);
    CHECK_INT((long)n, 1);
    if (n == 1) {
        int32_t mon;
        rh_date_parse("2024-06-03", &mon);
        CHECK(a[0].has_offset);
        CHECK_INT(a[0].utc_offset_min, -420);
        CHECK_INT(rh_activity_local_day(&a[0]), mon);
        CHECK_INT(a[0].sport_source, RH_SPORT_SRC_FILE);
        CHECK(!a[0].excluded);
    }
    rh_activity_array_free(a, n);
    char *v = NULL;
    CHECK_INT(rh_store_profile_get(s, "rest_hr", &v, &e), 0);
    CHECK_STR(v, "48");
    rh_free(v);
    struct rh_store_shoe *sh;
    CHECK_INT(rh_store_shoe_list(s, &sh, &n, &e), 0);
    CHECK_INT((long)n, 1);
    rh_free(sh);
    /* the new formats are accepted by the format check */
    struct rh_activity b;
    rh_activity_init(&b);
    b.format = RH_FMT_SML;
    b.sport = RH_SPORT_RUNNING;
    b.content_hash = 7;
    rh_activity_set_str(&b.file, "x.sml");
    CHECK_INT(rh_store_activity_add(s, &b, NULL, &e), 0);
    rh_activity_release(&b);
    rh_store_close(s);
    remove_db();
}

static const struct rh_activity *by_file(const struct rh_activity *a, size_t n, const char *end)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(a[i].file), m = strlen(end);
        if (k >= m && strcmp(a[i].file + k - m, end) == 0)
            return &a[i];
    }
    return NULL;
}

static void test_untyped_runs_counted_and_garbage_refused(void)
{
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    struct collect c = {0};
    import1(s, C "gpx", &c);
    /* one route without times (gc_A_ride_mapped...) refused */
    CHECK_INT(c.n_failed, 1);
    struct rh_activity *a;
    size_t n;
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, RH_STORE_WITH_UNDATED, &a, &n, &e), 0);
    const struct rh_activity *x = by_file(a, n, "togeojson_run.gpx"); /* 3.1 km in 15:48 */
    CHECK(x && x->sport == RH_SPORT_RUNNING && x->sport_source == RH_SPORT_SRC_INFERRED);
    x = by_file(a, n, "gpxpy_korita-zbevnica.gpx"); /* 14.9 km in 3:43, a hike */
    CHECK(x && x->sport == RH_SPORT_WALKING && x->sport_source == RH_SPORT_SRC_INFERRED);
    x = by_file(a, n, "gpxpy_around-visnjan-with-car.gpx"); /* 19 km/h: not sure, not a run */
    CHECK(x && x->sport == RH_SPORT_OTHER);
    x = by_file(a, n, "sportslib_20190929_ride_4108490848.gpx"); /* the file says cycling */
    CHECK(x && x->sport == RH_SPORT_CYCLING && x->sport_source == RH_SPORT_SRC_FILE);
    for (size_t i = 0; i < n; i++)
        CHECK(a[i].has_start); /* nothing undated stored */
    rh_activity_array_free(a, n);
    /* a bicycle ride tagged running at 2:27/km for an hour: flagged and
     * counted as cycling; a runner's own sport is never touched */
    struct rh_infer_rules r;
    CHECK_INT(rh_infer_rules_default(&r, &e), 0);
    struct rh_activity b;
    rh_activity_init(&b);
    b.sport = RH_SPORT_RUNNING;
    b.total_timer_s = 3600;
    b.total_distance_m = 3600.0 / 147 * 1000;
    CHECK_INT(rh_activity_infer_sport(&b, &r), RH_INFER_CORRECTED);
    CHECK_INT(b.sport, RH_SPORT_CYCLING);
    b.sport = RH_SPORT_RUNNING;
    b.sport_source = RH_SPORT_SRC_USER;
    CHECK_INT(rh_activity_infer_sport(&b, &r), RH_INFER_NONE);
    /* near the walk-run transition the cadence decides */
    b.sport = RH_SPORT_OTHER;
    b.sport_source = RH_SPORT_SRC_FILE;
    b.total_distance_m = 7000; /* 7 km/h */
    b.avg_cadence_spm = 165;
    CHECK_INT(rh_activity_infer_sport(&b, &r), RH_INFER_SET);
    CHECK_INT(b.sport, RH_SPORT_RUNNING);
    b.sport = RH_SPORT_OTHER;
    b.avg_cadence_spm = 115;
    CHECK_INT(rh_activity_infer_sport(&b, &r), RH_INFER_SET);
    CHECK_INT(b.sport, RH_SPORT_WALKING);
    /* sentinels are missing values */
    b.avg_hr = 255;
    b.max_hr = 0;
    b.avg_cadence_spm = 0;
    b.avg_temperature_c = 127;
    rh_activity_drop_implausible(&b);
    CHECK(!rh_has(b.avg_hr) && !rh_has(b.max_hr) && !rh_has(b.avg_cadence_spm) &&
          !rh_has(b.avg_temperature_c));
    rh_activity_release(&b);
    /* the thresholds file: unknown and missing keys refused */
    const char bad[] = "[walk_run]\ntransition_kmh = 7\nspeed_of_light = 1\n";
    CHECK_INT(rh_infer_rules_parse(bad, sizeof bad - 1, &r, &e), RH_EKEY);
    CHECK(strstr(e.msg, "speed_of_light") != NULL);
    const char missing[] = "[walk_run]\ntransition_kmh = 7\n";
    CHECK_INT(rh_infer_rules_parse(missing, sizeof missing - 1, &r, &e), RH_EKEY);
    rh_store_close(s);
    remove_db();
}

int main(void)
{
    RUN(test_untyped_runs_counted_and_garbage_refused);
    RUN(test_fit_offsets_are_the_files_own);
    RUN(test_days_follow_the_profile_zone);
    RUN(test_one_outing_in_three_formats_is_one_activity);
    RUN(test_partial_then_complete);
    RUN(test_upgrade_from_version_1);
    return TEST_END();
}
