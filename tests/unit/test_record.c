/* SPDX-License-Identifier: MIT */
/*
 * The true record (issue 9): local days, one outing kept once, the
 * upgrade of a version-1 database, the profile. Real corpus files.
 */
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include "store/store_int.h" /* the overlap statements, for their query plan */

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

/* The schema of version 2 as main wrote it (a frozen snapshot: the
 * upgrade to 3 starts from databases written by it). */
static const char v2_schema[] =
    "CREATE TABLE meta(\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT NOT NULL);\n"
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
    "  substantial INTEGER NOT NULL CHECK(substantial IN (0,1)));\n"
    "CREATE TABLE \"activity\"(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  content_hash TEXT NOT NULL UNIQUE,\n"
    "  file TEXT NOT NULL,\n"
    "  format TEXT NOT NULL\n"
    "    CHECK(format IN ('fit','gpx','tcx','apple_health','polar','sml','')),\n"
    "  sport TEXT NOT NULL,\n"
    "  sport_source TEXT NOT NULL DEFAULT 'file'\n"
    "    CHECK(sport_source IN ('file','export_csv','inferred','user')),\n"
    "  sub_sport TEXT,\n"
    "  name TEXT, gear TEXT, device TEXT,\n"
    "  start_utc INTEGER,\n"
    "  end_utc INTEGER CHECK(end_utc IS NULL OR end_utc >= start_utc),\n"
    "  utc_offset_min INTEGER CHECK(utc_offset_min IS NULL OR utc_offset_min BETWEEN -1440 AND 1440),\n"
    "  offset_source TEXT CHECK(offset_source IN ('file','zone')),\n"
    "  local_day INTEGER,\n"
    "  excluded INTEGER NOT NULL DEFAULT 0 CHECK(excluded IN (0,1)),\n"
    "  truncated INTEGER NOT NULL DEFAULT 0 CHECK(truncated IN (0,1)),\n"
    "  has_summary INTEGER NOT NULL DEFAULT 0 CHECK(has_summary IN (0,1)),\n"
    "  elapsed_s REAL, timer_s REAL, distance_m REAL,\n"
    "  n_records INTEGER NOT NULL CHECK(n_records >= 0),\n"
    "  cadence_spm REAL, avg_hr REAL, max_hr REAL, temp_c REAL,\n"
    "  elev_gain_m REAL, avg_power_w REAL,\n"
    "  has_gps INTEGER NOT NULL CHECK(has_gps IN (0,1)),\n"
    "  track BLOB, splits BLOB,\n"
    "  imported_utc INTEGER NOT NULL);\n"
    "CREATE INDEX activity_start ON activity(start_utc);\n"
    "CREATE INDEX activity_local_day ON activity(local_day);\n"
    "CREATE TABLE activity_also(\n"
    "  activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,\n"
    "  content_hash TEXT NOT NULL UNIQUE,\n"
    "  file TEXT NOT NULL,\n"
    "  format TEXT NOT NULL,\n"
    "  device TEXT);\n"
    "CREATE INDEX activity_also_activity ON activity_also(activity_id);\n"
    "CREATE TABLE profile(\n"
    "  key TEXT PRIMARY KEY CHECK(key IN ('tz','sex','birth_year','rest_hr','max_hr')),\n"
    "  value TEXT NOT NULL);\n";

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
    struct rh_import_opts o = {s, 1, on_result, NULL, false, c, 0, NULL, NULL};
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
    /* review 7b N11: 218.8 km in 14:02:39 (15.6 km/h for 14 hours, beyond
     * the 12-hour world best) is not one run: "other", typed or untyped;
     * a 100-mile race in 24 hours (6.7 km/h) stays a run */
    b.sport = RH_SPORT_OTHER;
    b.sport_source = RH_SPORT_SRC_FILE;
    b.avg_cadence_spm = 165;
    b.total_timer_s = 14 * 3600 + 2 * 60 + 39;
    b.total_distance_m = 218780;
    CHECK(rh_infer_too_fast_for_hours(&b, &r));
    CHECK_INT(rh_activity_infer_sport(&b, &r), RH_INFER_SET);
    CHECK_INT(b.sport, RH_SPORT_OTHER);
    CHECK_INT(b.sport_source, RH_SPORT_SRC_INFERRED);
    b.sport = RH_SPORT_RUNNING;
    b.sport_source = RH_SPORT_SRC_FILE;
    CHECK_INT(rh_activity_infer_sport(&b, &r), RH_INFER_CORRECTED);
    CHECK_INT(b.sport, RH_SPORT_OTHER);
    b.sport = RH_SPORT_RUNNING;
    b.sport_source = RH_SPORT_SRC_FILE;
    b.total_timer_s = 24 * 3600;
    b.total_distance_m = 160934;
    CHECK(!rh_infer_too_fast_for_hours(&b, &r));
    CHECK_INT(rh_activity_infer_sport(&b, &r), RH_INFER_NONE);
    CHECK_INT(b.sport, RH_SPORT_RUNNING);
    /* the world bests of data/sport_inference.txt are runs: 100 km in
     * 6:05:35, 177.41 km in 12 hours, 319.614 km in 24 hours */
    static const struct { double s, m; } best[] = {
        {6 * 3600 + 5 * 60 + 35, 100000}, {12 * 3600, 177410}, {24 * 3600, 319614}};
    for (size_t k = 0; k < sizeof best / sizeof best[0]; k++) {
        b.total_timer_s = best[k].s;
        b.total_distance_m = best[k].m;
        CHECK(!rh_infer_too_fast_for_hours(&b, &r));
        b.total_distance_m = best[k].m * 1.03; /* a little faster than the limits: not a run */
        CHECK(rh_infer_too_fast_for_hours(&b, &r) == (k < 2));
    }
    b.total_timer_s = 24 * 3600;
    b.total_distance_m = 160934;
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

/* A synthetic recording: start, seconds, km, sport and records (the more,
 * the richer); the content hash from the name. */
static void synth(struct rh_activity *a, const char *file, int64_t start, double secs, double km,
                  enum rh_sport sp, long records)
{
    rh_activity_init(a);
    rh_activity_set_str(&a->file, file);
    a->format = RH_FMT_GPX;
    a->sport = sp;
    a->has_start = true;
    a->start_utc = start;
    a->total_elapsed_s = a->total_timer_s = secs;
    a->total_distance_m = km * 1000;
    a->n_records = records;
    a->content_hash = 1469598103934665603ull;
    for (const char *p = file; *p; p++)
        a->content_hash = (a->content_hash ^ (unsigned char)*p) * 1099511628211ull;
}

static void put(struct rh_store *s, struct rh_activity *a, enum rh_store_put_outcome want)
{
    struct rh_store_put res;
    struct rh_err e;
    CHECK_INT(rh_store_activity_put(s, a, &res, &e), 0);
    CHECK_INT(res.outcome, want);
    rh_activity_release(a);
}

static void test_long_outings_found_by_the_overlap_search(void)
{
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    struct rh_activity a;
    int64_t t = 1717200000; /* 2024-06-01 */
    /* a 30 h ultra, then a second watch's recording of its last 20 h */
    synth(&a, "ultra_watch.gpx", t, 30 * 3600.0, 160, RH_SPORT_TRAIL_RUNNING, 9000);
    put(s, &a, RH_STORE_ADDED);
    synth(&a, "ultra_phone.gpx", t + 10 * 3600, 20 * 3600.0, 100, RH_SPORT_TRAIL_RUNNING, 100);
    put(s, &a, RH_STORE_DUPLICATE);
    /* a 72 h multi-day event, then the phone's recording of its third day
     * (it starts 52 h after the event: beyond the start index's look-back) */
    t += 10 * 86400;
    synth(&a, "multiday_watch.gpx", t, 72 * 3600.0, 240, RH_SPORT_TRAIL_RUNNING, 20000);
    put(s, &a, RH_STORE_ADDED);
    synth(&a, "multiday_day3.gpx", t + 52 * 3600, 16 * 3600.0, 70, RH_SPORT_TRAIL_RUNNING, 100);
    put(s, &a, RH_STORE_DUPLICATE);
    /* the same the other way round: the short one first, the long one
     * richer, arriving second, replaces it */
    t += 10 * 86400;
    synth(&a, "stage3.gpx", t + 50 * 3600, 10 * 3600.0, 50, RH_SPORT_TRAIL_RUNNING, 100);
    put(s, &a, RH_STORE_ADDED);
    synth(&a, "stages.gpx", t, 70 * 3600.0, 200, RH_SPORT_TRAIL_RUNNING, 20000);
    put(s, &a, RH_STORE_REPLACED);
    /* a run after the multi-day event ended is its own */
    synth(&a, "after.gpx", t + 71 * 3600, 3600.0, 10, RH_SPORT_RUNNING, 100);
    put(s, &a, RH_STORE_ADDED);
    CHECK_INT(rh_store_activity_count(s, &e), 4);
    rh_store_close(s);
    remove_db();
}

static void test_untyped_recording_is_no_run(void)
{
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    struct rh_activity a;
    int64_t t = 1717200000;
    /* an untyped recording the import could not call a run (a car, at
     * 60 km/h), richer than the run recorded over the same hour: the run
     * is stored and counted, not swallowed by it */
    synth(&a, "drive.gpx", t, 3600, 60, RH_SPORT_OTHER, 5000);
    put(s, &a, RH_STORE_ADDED);
    synth(&a, "run.gpx", t + 60, 3500, 11, RH_SPORT_RUNNING, 100);
    put(s, &a, RH_STORE_ADDED);
    /* and a run first, then the untyped one: both kept too */
    t += 86400;
    synth(&a, "run2.gpx", t, 3600, 11, RH_SPORT_RUNNING, 100);
    put(s, &a, RH_STORE_ADDED);
    synth(&a, "other2.gpx", t, 3600, 11, RH_SPORT_OTHER, 5000);
    put(s, &a, RH_STORE_ADDED);
    /* two untyped recordings of one outing are one */
    synth(&a, "other2b.gpx", t + 30, 3500, 11, RH_SPORT_OTHER, 50);
    put(s, &a, RH_STORE_DUPLICATE);
    /* the same start second and device stays one recording, whatever the sport */
    t += 86400;
    synth(&a, "dev_a.gpx", t, 3600, 11, RH_SPORT_RUNNING, 100);
    rh_activity_set_str(&a.device, "Garmin fr945");
    put(s, &a, RH_STORE_ADDED);
    synth(&a, "dev_b.gpx", t, 60, 0.2, RH_SPORT_OTHER, 10);
    rh_activity_set_str(&a.device, "Garmin fr945");
    put(s, &a, RH_STORE_DUPLICATE);
    CHECK_INT(rh_store_activity_count(s, &e), 5);
    int32_t d0;
    rh_date_parse("2024-06-01", &d0);
    struct rh_load_report r;
    CHECK_INT(rh_load_report_build(s, d0 + 2, &r, &e), 0);
    CHECK_NEAR(r.days[r.n_days - 3].km, 11, 0.01);
    CHECK_NEAR(r.days[r.n_days - 2].km, 11, 0.01);
    rh_load_report_release(&r);
    rh_store_close(s);
    remove_db();
}

/* The query plan of sql: every step reads through an index, none scans a
 * table. want: index names that must appear. */
static void check_plan(struct rh_store *s, const char *sql, const char *const *want, size_t n_want)
{
    char q[2048];
    snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st;
    CHECK_INT(sqlite3_prepare_v2(s->db, q, -1, &st, NULL), SQLITE_OK);
    char all[2048] = "";
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(st, 3);
        size_t k = strlen(all);
        snprintf(all + k, sizeof all - k, "%s; ", d);
        if (strncmp(d, "SCAN ", 5) == 0 && !strstr(d, "USING") && !strstr(d, "TEMP B-TREE"))
            CHECK(!"a table scan" || !d);
    }
    sqlite3_finalize(st);
    for (size_t i = 0; i < n_want; i++)
        if (!strstr(all, want[i])) {
            printf("  plan: %s\n", all);
            CHECK(!"index not used");
        }
}

static void test_duplicate_lookups_are_indexed(void)
{
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    /* with rows in the table and ANALYZE-free statistics, as a runner's
     * database has: 300 activities, a few of them long */
    struct rh_activity a;
    for (int i = 0; i < 300; i++) {
        char f[32];
        snprintf(f, sizeof f, "a%03d.gpx", i);
        synth(&a, f, 1600000000 + (int64_t)i * 3 * 86400, i % 50 ? 3600 : 60 * 3600.0, 10,
              RH_SPORT_RUNNING, 100);
        put(s, &a, RH_STORE_ADDED);
    }
    const char *overlap[] = {"USING INDEX activity_start", "USING INDEX activity_long"};
    check_plan(s, rh__store_overlap_sql, overlap, 2);
    const char *hash[] = {"USING INDEX sqlite_autoindex_activity_1",
                          "USING INDEX sqlite_autoindex_activity_also_1"};
    check_plan(s, rh__store_hash_sql, hash, 2);
    rh_store_close(s);
    remove_db();
}

/* A database as an older version left it: version 2's schema, runhip's
 * application id, then the rows (and the later version's additions and
 * user_version) of sql. Returns its path, or NULL when SQLite refused. */
static const char *old_db(const char *sql)
{
    const char *path = fresh_db();
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, v2_schema, NULL, NULL, NULL), SQLITE_OK);
    char mark[64];
    snprintf(mark, sizeof mark, "PRAGMA application_id = %d;", (int)RH_STORE_APP_ID);
    CHECK_INT(sqlite3_exec(db, mark, NULL, NULL, NULL), SQLITE_OK);
    int r = sqlite3_exec(db, sql, NULL, NULL, NULL);
    CHECK_INT(r, SQLITE_OK);
    sqlite3_close(db);
    return r == SQLITE_OK ? path : NULL;
}

static void test_upgrade_from_version_2(void)
{
    /* a 60 h event and a run logged by hand, as version 2 stored them */
    const char *path = old_db(
                           "INSERT INTO activity(content_hash, file, format, sport, start_utc,"
                           " end_utc, utc_offset_min, offset_source, local_day, elapsed_s,"
                           " distance_m, n_records, has_gps, imported_utc) VALUES"
                           " ('00000000000000bb', 'event.fit', 'fit', 'trail_running',"
                           " 1717200000, 1717416000, 0, 'zone', 19875, 216000, 200000, 9000, 1,"
                           " 0);"
                           "INSERT INTO session(day, kind, minutes, rpe, created_utc) VALUES"
                           " (19870, 'run', 30, 5, 0);"
                           "PRAGMA user_version = 2;");
    if (!path)
        return;
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    /* the old session has no km; a new one keeps its km */
    struct rh_session ns = {.day = 19871, .kind = RH_SESSION_RUN, .minutes = RH_NONE, .rpe = -1,
                            .km = 8.5};
    CHECK_INT(rh_store_session_add(s, &ns, NULL, &e), 0);
    struct rh_session *ss;
    size_t n;
    CHECK_INT(rh_store_session_list(s, 19870, 19871, &ss, &n, &e), 0);
    CHECK_INT((long)n, 2);
    if (n == 2) {
        CHECK(ss[0].km == 0);
        CHECK_NEAR(ss[0].minutes, 30, 1e-9);
        CHECK_NEAR(ss[1].km, 8.5, 1e-9);
    }
    rh_session_array_free(ss, n);
    /* km on a session that is not a run, or out of range: refused, nothing stored */
    ns.kind = RH_SESSION_STRENGTH;
    CHECK_INT(rh_store_session_add(s, &ns, NULL, &e), RH_EINVAL);
    ns.kind = RH_SESSION_RUN;
    ns.km = 1500;
    CHECK_INT(rh_store_session_add(s, &ns, NULL, &e), RH_ERANGE);
    ns.km = -2;
    CHECK_INT(rh_store_session_add(s, &ns, NULL, &e), RH_ERANGE);
    CHECK_INT(rh_store_session_list(s, 19870, 19871, &ss, &n, &e), 0);
    CHECK_INT((long)n, 2);
    rh_session_array_free(ss, n);
    /* the stored long event is found by the overlap search of its third day */
    struct rh_activity a;
    synth(&a, "day3.gpx", 1717200000 + 50 * 3600, 8 * 3600.0, 30, RH_SPORT_TRAIL_RUNNING, 10);
    put(s, &a, RH_STORE_DUPLICATE);
    rh_store_close(s);
    remove_db();
}

/* Version 3 -> 4: the temperature's source. A version 3 database kept no
 * source; its Apple Health temperatures were the weather's (air), every
 * other format's the device's sensor; a row without a temperature gets no
 * source. A new activity stores its own. */
static void test_upgrade_from_version_3(void)
{
    const char *path = old_db(
                           /* version 3's additions, frozen */
                           "ALTER TABLE session ADD COLUMN km REAL CHECK(km IS NULL OR"
                           " (km > 0 AND km <= 1000));"
                           "CREATE INDEX activity_long ON activity(start_utc)"
                           " WHERE end_utc - start_utc > 172800;"
                           "INSERT INTO activity(content_hash, file, format, sport, start_utc,"
                           " end_utc, utc_offset_min, offset_source, local_day, elapsed_s,"
                           " distance_m, n_records, temp_c, has_gps, imported_utc) VALUES"
                           " ('00000000000000c1', 'export.xml', 'apple_health', 'running',"
                           " 1717200000, 1717201800, 0, 'zone', 19875, 1800, 5000, 1, 29, 0, 0),"
                           " ('00000000000000c2', 'run.fit', 'fit', 'running',"
                           " 1717300000, 1717301800, 0, 'zone', 19876, 1800, 5000, 1, 29, 0, 0),"
                           " ('00000000000000c3', 'run.gpx', 'gpx', 'running',"
                           " 1717400000, 1717401800, 0, 'zone', 19877, 1800, 5000, 1, NULL, 0, 0);"
                           "PRAGMA user_version = 3;");
    if (!path)
        return;
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    struct rh_store_load_row *rows;
    size_t n;
    CHECK_INT(rh_store_load_rows(s, 19875, 19877, &rows, &n, &e), 0);
    CHECK_INT((long)n, 3);
    if (n == 3) {
        CHECK_INT(rows[0].temp_source, RH_TEMP_SRC_AIR);
        CHECK_INT(rows[1].temp_source, RH_TEMP_SRC_SENSOR);
        CHECK(!rh_has(rows[2].temp_c));
    }
    rh_free(rows);
    /* a new one keeps its own source, read back as stored */
    struct rh_activity a;
    synth(&a, "weather.xml", 1717500000, 1800, 5, RH_SPORT_RUNNING, 0);
    a.avg_temperature_c = 31;
    a.temp_source = RH_TEMP_SRC_AIR;
    put(s, &a, RH_STORE_ADDED);
    struct rh_activity g;
    int64_t id = 0;
    sqlite3_stmt *st = NULL;
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT id, temp_source FROM activity WHERE file ="
                                     " 'weather.xml'", -1, &st, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    id = sqlite3_column_int64(st, 0);
    CHECK_STR((const char *)sqlite3_column_text(st, 1), "air");
    sqlite3_finalize(st);
    /* the schema refuses a word it does not know */
    CHECK(sqlite3_exec(db, "UPDATE activity SET temp_source = 'wrist'", NULL, NULL, NULL) !=
          SQLITE_OK);
    sqlite3_close(db);
    CHECK_INT(rh_store_activity_get(s, id, 0, &g, &e), 0);
    CHECK_INT(g.temp_source, RH_TEMP_SRC_AIR);
    CHECK_NEAR(g.avg_temperature_c, 31, 1e-9);
    rh_activity_release(&g);
    rh_store_close(s);
    remove_db();
}

/* Version 4 -> 5: the warning signs ticked with a diary entry or a
 * check-in. A version 4 database's entries open with none; a new entry
 * keeps its words, read back as stored; a signs text of the wrong shape is
 * refused by the store and by the schema, nothing stored. */
static void test_upgrade_from_version_4(void)
{
    const char *path = old_db(
                           /* versions 3 and 4's additions, frozen */
                           "ALTER TABLE session ADD COLUMN km REAL CHECK(km IS NULL OR"
                           " (km > 0 AND km <= 1000));"
                           "CREATE INDEX activity_long ON activity(start_utc)"
                           " WHERE end_utc - start_utc > 172800;"
                           "ALTER TABLE activity ADD COLUMN temp_source TEXT"
                           " CHECK(temp_source IS NULL OR temp_source IN ('sensor','air'));"
                           "INSERT INTO pain(day, pain, during_run, next_morning, note,"
                           " created_utc) VALUES (19870, 3, 4, NULL, 'sore', 0);"
                           "INSERT INTO checkin(day, q1, q2, q3, q4, severity, substantial)"
                           " VALUES (19870, 8, 8, 0, 0, 16, 0);"
                           "PRAGMA user_version = 4;");
    if (!path)
        return;
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    struct rh_pain_entry np = {.day = 19871, .pain = 2, .during_run = -1, .next_morning = -1,
                               .signs = "fever, wakes_at_night"};
    CHECK_INT(rh_store_pain_add(s, &np, NULL, &e), 0);
    struct rh_pain_entry bad = np;
    snprintf(bad.signs, sizeof bad.signs, "fever; limp");
    CHECK_INT(rh_store_pain_add(s, &bad, NULL, &e), RH_EFORMAT);
    CHECK(strstr(e.msg, "signs") != NULL);
    snprintf(bad.signs, sizeof bad.signs, "fever,");
    CHECK_INT(rh_store_pain_add(s, &bad, NULL, &e), RH_EFORMAT);
    struct rh_pain_entry *pe = NULL;
    size_t n = 0;
    CHECK_INT(rh_store_pain_list(s, 19870, 19871, &pe, &n, &e), 0);
    CHECK_INT((long)n, 2);
    if (n == 2) {
        CHECK_STR(pe[0].signs, "");
        CHECK_STR(pe[0].note, "sore");
        CHECK_STR(pe[1].signs, "fever, wakes_at_night");
    }
    rh_pain_array_free(pe, n);
    struct rh_checkin ck = {.day = 19872, .q = {8, 0, 0, 0}, .severity = 8,
                            .signs = "tingling"};
    CHECK_INT(rh_store_checkin_add(s, &ck, NULL, &e), 0);
    snprintf(ck.signs, sizeof ck.signs, "Tingling");
    CHECK_INT(rh_store_checkin_add(s, &ck, NULL, &e), RH_EFORMAT);
    struct rh_checkin *cs = NULL;
    CHECK_INT(rh_store_checkin_list(s, &cs, &n, &e), 0);
    CHECK_INT((long)n, 2);
    if (n == 2) {
        CHECK_STR(cs[0].signs, "");
        CHECK_STR(cs[1].signs, "tingling");
    }
    rh_free(cs);
    rh_store_close(s);
    /* the schema refuses what the store refuses, by any path */
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK(sqlite3_exec(db, "UPDATE pain SET signs = 'DROP TABLE' WHERE day = 19871", NULL, NULL,
                       NULL) != SQLITE_OK);
    CHECK(sqlite3_exec(db, "UPDATE checkin SET signs = '' WHERE day = 19872", NULL, NULL, NULL) !=
          SQLITE_OK);
    sqlite3_close(db);
    remove_db();
}

/* Version 5 -> 6 (ux11, review 10 #19): the check-in's own-words note. A
 * version 5 database's check-ins open with none; a new one keeps its note,
 * read back as stored; a note the diary would refuse (a control
 * character, too long) is refused, nothing stored. */
static void test_upgrade_from_version_5(void)
{
    const char *path = old_db(
                           /* versions 3, 4 and 5's additions, frozen */
                           "ALTER TABLE session ADD COLUMN km REAL CHECK(km IS NULL OR"
                           " (km > 0 AND km <= 1000));"
                           "CREATE INDEX activity_long ON activity(start_utc)"
                           " WHERE end_utc - start_utc > 172800;"
                           "ALTER TABLE activity ADD COLUMN temp_source TEXT"
                           " CHECK(temp_source IS NULL OR temp_source IN ('sensor','air'));"
                           "ALTER TABLE pain ADD COLUMN signs TEXT"
                           " CHECK(signs IS NULL OR (length(signs) BETWEEN 1 AND 400"
                           " AND signs NOT GLOB '*[^a-z_, ]*'));"
                           "ALTER TABLE checkin ADD COLUMN signs TEXT"
                           " CHECK(signs IS NULL OR (length(signs) BETWEEN 1 AND 400"
                           " AND signs NOT GLOB '*[^a-z_, ]*'));"
                           "INSERT INTO checkin(day, q1, q2, q3, q4, severity, substantial, signs)"
                           " VALUES (19870, 8, 8, 0, 0, 16, 0, 'limp');"
                           "PRAGMA user_version = 5;");
    if (!path)
        return;
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    static struct rh_checkin ck = {.day = 19872, .q = {25}, .severity = 100,
                                   .substantial = true, .signs = "limp",
                                   .note = "limp, baby keeps me up, hip aches when I carry her"};
    CHECK_INT(rh_store_checkin_add(s, &ck, NULL, &e), 0);
    static struct rh_checkin bad;
    bad = ck;
    snprintf(bad.note, sizeof bad.note, "bell\a");
    CHECK_INT(rh_store_checkin_add(s, &bad, NULL, &e), RH_ESYNTAX);
    memset(bad.note, 'x', RH_ENTRY_NOTE_MAX + 1);
    bad.note[RH_ENTRY_NOTE_MAX + 1] = '\0';
    CHECK_INT(rh_store_checkin_add(s, &bad, NULL, &e), RH_ELIMIT);
    struct rh_checkin *cs = NULL;
    size_t n = 0;
    CHECK_INT(rh_store_checkin_list(s, &cs, &n, &e), 0);
    CHECK_INT((long)n, 2);
    if (n == 2) {
        CHECK_STR(cs[0].note, "");
        CHECK_STR(cs[0].signs, "limp");
        CHECK_STR(cs[1].note, "limp, baby keeps me up, hip aches when I carry her");
    }
    rh_free(cs);
    rh_store_close(s);
    /* the schema refuses an empty note by any path (none is NULL) */
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK(sqlite3_exec(db, "UPDATE checkin SET note = '' WHERE day = 19872", NULL, NULL, NULL) !=
          SQLITE_OK);
    sqlite3_close(db);
    remove_db();
}


/* Version 6 -> 7 (session 12, branch loop12, review 11 #4): a visit and
 * what the clinician decided. A version 6 database opens with no visit; a
 * restriction is stored with its weeks and read back; a malformed one (no
 * weeks, weeks with a clearance, a note with a control character) is
 * refused with a plain message and nothing stored; the schema refuses the
 * same by any path. */
static void test_upgrade_from_version_6(void)
{
    const char *path = old_db(
                           /* versions 3 to 6's additions, frozen */
                           "ALTER TABLE session ADD COLUMN km REAL CHECK(km IS NULL OR"
                           " (km > 0 AND km <= 1000));"
                           "CREATE INDEX activity_long ON activity(start_utc)"
                           " WHERE end_utc - start_utc > 172800;"
                           "ALTER TABLE activity ADD COLUMN temp_source TEXT"
                           " CHECK(temp_source IS NULL OR temp_source IN ('sensor','air'));"
                           "ALTER TABLE pain ADD COLUMN signs TEXT"
                           " CHECK(signs IS NULL OR (length(signs) BETWEEN 1 AND 400"
                           " AND signs NOT GLOB '*[^a-z_, ]*'));"
                           "ALTER TABLE checkin ADD COLUMN signs TEXT"
                           " CHECK(signs IS NULL OR (length(signs) BETWEEN 1 AND 400"
                           " AND signs NOT GLOB '*[^a-z_, ]*'));"
                           "ALTER TABLE checkin ADD COLUMN note TEXT"
                           " CHECK(note IS NULL OR length(note) >= 1);"
                           "PRAGMA user_version = 6;");
    if (!path)
        return;
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    CHECK_INT(rh_store_version(s), RH_STORE_SCHEMA_VERSION);
    struct rh_visit *vs = NULL;
    size_t n = 9;
    CHECK_INT(rh_store_visit_list(s, &vs, &n, &e), 0);
    CHECK_INT((long)n, 0);
    rh_free(vs);
    static struct rh_visit v, bad;
    memset(&v, 0, sizeof v);
    v.day = 20791;
    v.outcome = RH_VISIT_NO_RUNNING;
    v.weeks = 6;
    snprintf(v.note, sizeof v.note, "A&E: AIIS avulsion, crutches, no running 6 weeks");
    CHECK_INT(rh_store_visit_add(s, &v, NULL, &e), 0);
    bad = v;
    bad.weeks = 0;
    CHECK_INT(rh_store_visit_add(s, &bad, NULL, &e), RH_ERANGE);
    CHECK(strstr(e.msg, "needs its length in weeks, 1 to 52") != NULL);
    bad = v;
    bad.outcome = RH_VISIT_CLEARED;
    CHECK_INT(rh_store_visit_add(s, &bad, NULL, &e), RH_ERANGE);
    bad = v;
    snprintf(bad.note, sizeof bad.note, "bell\a");
    CHECK_INT(rh_store_visit_add(s, &bad, NULL, &e), RH_ESYNTAX);
    memset(&bad, 0, sizeof bad);
    bad.day = 20792;
    bad.outcome = RH_VISIT_WALK_RUN;
    CHECK_INT(rh_store_visit_add(s, &bad, NULL, &e), 0);
    CHECK_INT(rh_store_visit_list(s, &vs, &n, &e), 0);
    CHECK_INT((long)n, 2);
    if (n == 2) {
        CHECK_INT((int)vs[0].outcome, (int)RH_VISIT_NO_RUNNING);
        CHECK_INT(vs[0].weeks, 6);
        CHECK_STR(vs[0].note, "A&E: AIIS avulsion, crutches, no running 6 weeks");
        CHECK_INT((int)vs[1].outcome, (int)RH_VISIT_WALK_RUN);
        CHECK_INT(vs[1].weeks, 0);
        CHECK_STR(vs[1].note, "");
    }
    rh_free(vs);
    rh_store_close(s);
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK(sqlite3_exec(db, "INSERT INTO visit(day, outcome, weeks, created_utc)"
                           " VALUES (20793, 'no_running', NULL, 0)", NULL, NULL, NULL) != SQLITE_OK);
    CHECK(sqlite3_exec(db, "INSERT INTO visit(day, outcome, weeks, created_utc)"
                           " VALUES (20793, 'cleared', 3, 0)", NULL, NULL, NULL) != SQLITE_OK);
    CHECK(sqlite3_exec(db, "INSERT INTO visit(day, outcome, weeks, created_utc)"
                           " VALUES (20793, 'maybe', NULL, 0)", NULL, NULL, NULL) != SQLITE_OK);
    sqlite3_close(db);
    remove_db();
}

/* The week ending on day d of report r: its km. */
static double day_km(const struct rh_load_report *r, int32_t d)
{
    return d >= r->first_day && d <= r->as_of ? r->days[d - r->first_day].km : -1;
}

static void test_logged_runs_counted_once(void)
{
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    int32_t d;
    rh_date_parse("2014-10-11", &d); /* the day of the 10 km race */
    struct collect c = {0};
    import1(s, C "fit/gc_10kUNLP2014-Garmin15.fit", &c);
    CHECK_INT(c.n_stored, 1);
    /* the race logged by hand too, with its km and effort: counted once */
    struct rh_session ss = {.day = d, .kind = RH_SESSION_RUN, .minutes = 45, .rpe = 8, .km = 10};
    CHECK_INT(rh_store_session_add(s, &ss, NULL, &e), 0);
    /* a treadmill run without a watch two days before: counted */
    struct rh_session tm = {.day = d - 2, .kind = RH_SESSION_RUN, .minutes = 30, .rpe = 4,
                            .km = 5};
    CHECK_INT(rh_store_session_add(s, &tm, NULL, &e), 0);
    /* a km-only one (no minutes) the day before: its minutes at the usual pace */
    struct rh_session ko = {.day = d - 1, .kind = RH_SESSION_RUN, .minutes = RH_NONE, .rpe = -1,
                            .km = 3};
    CHECK_INT(rh_store_session_add(s, &ko, NULL, &e), 0);
    struct rh_load_report r;
    CHECK_INT(rh_load_report_build(s, d, &r, &e), 0);
    double race = day_km(&r, d);
    CHECK(race > 9.9 && race < 10.5);
    CHECK_NEAR(day_km(&r, d - 2), 5, 1e-9);
    CHECK_NEAR(day_km(&r, d - 1), 3, 1e-9);
    CHECK(r.days[r.n_days - 2].minutes > 10); /* 3 km at the race's pace */
    CHECK_INT(r.days[r.n_days - 1].runs, 1);
    CHECK_NEAR(r.weeks[r.n_weeks - 1].km, race + 8, 1e-6);
    /* the race day's load is its session-RPE: 45 min x 8 */
    CHECK_NEAR(r.days[r.n_days - 1].load, 360, 1e-6);
    rh_load_report_release(&r);
    /* a second, shorter treadmill run the same day as the race: a run of its own */
    struct rh_session tm2 = {.day = d, .kind = RH_SESSION_RUN, .minutes = 25, .rpe = 3, .km = 4};
    CHECK_INT(rh_store_session_add(s, &tm2, NULL, &e), 0);
    CHECK_INT(rh_load_report_build(s, d, &r, &e), 0);
    CHECK_NEAR(day_km(&r, d), race + 4, 1e-6);
    CHECK_INT(r.days[r.n_days - 1].runs, 2);
    CHECK_NEAR(r.days[r.n_days - 1].load, 360 + 75, 1e-6);
    rh_load_report_release(&r);
    rh_store_close(s);
    remove_db();

    /* the other order: logged by hand first, the file imported after */
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    ss.rpe = -1;
    ss.minutes = RH_NONE;
    ss.km = 10.5;
    CHECK_INT(rh_store_session_add(s, &ss, NULL, &e), 0);
    CHECK_INT(rh_load_report_build(s, d, &r, &e), 0);
    CHECK_NEAR(day_km(&r, d), 10.5, 1e-9);
    rh_load_report_release(&r);
    import1(s, C "fit/gc_10kUNLP2014-Garmin15.fit", &c);
    CHECK_INT(rh_load_report_build(s, d, &r, &e), 0);
    CHECK_NEAR(day_km(&r, d), race, 1e-9);
    CHECK_INT(r.days[r.n_days - 1].runs, 1);
    rh_load_report_release(&r);
    rh_store_close(s);
    remove_db();
}

/* Writes a GPX (no <type>: the sport is inferred) of the FIT file's records
 * into path: the same outing as a third format. Returns the points. */
static int fit_to_gpx(const char *fit, const char *path)
{
    size_t len;
    char *buf = test_slurp(fit, &len);
    if (!buf)
        return 0;
    FILE *f = fopen(path, "w");
    if (!f) {
        free(buf);
        return 0;
    }
    fprintf(f, "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" "
               "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>race</name><trkseg>\n");
    struct rh_fit_reader *rd = malloc(sizeof *rd);
    rh_fit_reader_init(rd, buf, len);
    struct rh_fit_msg m;
    int n = 0;
    while (rh_fit_next(rd, &m, NULL) > 0) {
        if (m.global != 20 || !m.has_timestamp)
            continue;
        const struct rh_fit_field *la = rh_fit_msg_field(&m, 0), *lo = rh_fit_msg_field(&m, 1);
        double lat = la ? rh_fit_field_raw(&m, la) : RH_NONE;
        double lon = lo ? rh_fit_field_raw(&m, lo) : RH_NONE;
        if (!rh_has(lat) || !rh_has(lon))
            continue;
        time_t t = (time_t)m.timestamp + RH_FIT_EPOCH;
        struct tm tm;
        gmtime_r(&t, &tm);
        char when[32];
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        fprintf(f, "<trkpt lat=\"%.7f\" lon=\"%.7f\"><time>%s</time></trkpt>\n",
                lat * (180.0 / 2147483648.0), lon * (180.0 / 2147483648.0), when);
        n++;
    }
    fprintf(f, "</trkseg></trk></gpx>\n");
    fclose(f);
    free(rd);
    free(buf);
    return n;
}

static void test_fit_tcx_gpx_of_one_outing(void)
{
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(fresh_db(), 0, "UTC", &s, &e), 0);
    if (!s)
        return;
    char gpx[700];
    snprintf(gpx, sizeof gpx, "%s/race_from_phone.gpx", test_tmpdir());
    CHECK(fit_to_gpx(C "fit/gc_10kUNLP2014-Garmin15.fit", gpx) > 500); /* 686 */
    /* the GPX first (fewest facts), the TCX, then the FIT: each richer */
    struct collect c = {0};
    import1(s, gpx, &c);
    import1(s, C "tcx/gc_10kUNLP2014-Garmin15.tcx", &c);
    import1(s, C "fit/gc_10kUNLP2014-Garmin15.fit", &c);
    CHECK_INT(c.n_stored, 1);
    CHECK_INT(c.n_dup, 2);
    CHECK_INT(c.n_replaced, 2);
    struct rh_activity *a;
    size_t n;
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &a, &n, &e), 0);
    CHECK_INT((long)n, 1);
    if (n == 1) {
        CHECK_INT(a[0].format, RH_FMT_FIT);
        CHECK_INT(a[0].sport, RH_SPORT_RUNNING);
        char **also;
        size_t na;
        CHECK_INT(rh_store_activity_also(s, a[0].id, &also, &na, &e), 0);
        CHECK_INT((long)na, 2);
        if (na == 2) {
            CHECK(strstr(also[0], "race_from_phone.gpx") != NULL);
            CHECK(strstr(also[1], "gc_10kUNLP2014-Garmin15.tcx") != NULL);
        }
        rh_store_strings_free(also, na);
        /* the week's distance counts the race once */
        struct rh_load_report r;
        CHECK_INT(rh_load_report_build(s, rh_activity_local_day(&a[0]), &r, &e), 0);
        CHECK(r.n_weeks > 0 && r.weeks[r.n_weeks - 1].km > 9.9 &&
              r.weeks[r.n_weeks - 1].km < 10.5);
        CHECK_INT(r.weeks[r.n_weeks - 1].runs, 1);
        rh_load_report_release(&r);
    }
    rh_activity_array_free(a, n);
    /* the three again, in any order: nothing new */
    import1(s, C "fit/gc_10kUNLP2014-Garmin15.fit", &c);
    import1(s, gpx, &c);
    CHECK_INT(rh_store_activity_count(s, &e), 1);
    unlink(gpx);
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
    RUN(test_upgrade_from_version_2);
    RUN(test_upgrade_from_version_3);
    RUN(test_upgrade_from_version_4);
    RUN(test_upgrade_from_version_5);
    RUN(test_upgrade_from_version_6); /* session 12 (branch loop12) */
    RUN(test_long_outings_found_by_the_overlap_search);
    RUN(test_untyped_recording_is_no_run);
    RUN(test_duplicate_lookups_are_indexed);
    RUN(test_logged_runs_counted_once);
    RUN(test_fit_tcx_gpx_of_one_outing);
    return TEST_END();
}
