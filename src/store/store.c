/* SPDX-License-Identifier: MIT */
/*
 * The store: opening, schema creation and migration by PRAGMA user_version,
 * transactions, and the settings table. See docs/internals/store.md.
 *
 * Durability: WAL journal with synchronous=NORMAL survives a killed process
 * at any point (a power cut may lose the last commits, never corrupt);
 * every write is in a transaction, so a kill mid-write leaves only what was
 * committed before it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runhip/text.h"
#include "store/store_int.h"
#include "util/banned.h"

/* migrations[v] upgrades a database from version v to v + 1. */
static const char *const migrations[] = {
    /* 0 -> 1: the first schema */
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
    "  substantial INTEGER NOT NULL CHECK(substantial IN (0,1)));\n",
    /* 1 -> 2: the true record (issue 9). Activities get their UTC offset
     * and local day (filled after this script from the zone: see
     * post_migration), where their sport came from, an end for overlap
     * search, the runner's exclusion, what makes one recording richer than
     * another, and the new formats; the other files of one outing go to
     * activity_also; the profile gets its own checked table. */
    "CREATE TABLE activity_v2(\n"
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
    "INSERT INTO activity_v2(id, content_hash, file, format, sport, sub_sport, name, gear, device,\n"
    "  start_utc, end_utc, has_summary, elapsed_s, timer_s, distance_m, n_records, cadence_spm,\n"
    "  avg_hr, max_hr, temp_c, elev_gain_m, avg_power_w, has_gps, track, splits, imported_utc)\n"
    " SELECT id, content_hash, file, format, sport, sub_sport, name, gear, device,\n"
    "  start_utc, start_utc + CAST(round(coalesce(elapsed_s, timer_s, 0)) AS INTEGER),\n"
    "  format = 'fit' AND timer_s IS NOT NULL, elapsed_s, timer_s, distance_m, n_records,\n"
    "  cadence_spm, avg_hr, max_hr, temp_c, elev_gain_m, avg_power_w, has_gps, track, splits,\n"
    "  imported_utc FROM activity;\n"
    "DROP TABLE activity;\n"
    "ALTER TABLE activity_v2 RENAME TO activity;\n"
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
    "  value TEXT NOT NULL);\n"
    "INSERT INTO profile(key, value) SELECT substr(key, 9), value FROM meta\n"
    "  WHERE key IN ('profile.sex','profile.birth_year','profile.rest_hr','profile.max_hr');\n"
    "DELETE FROM meta\n"
    "  WHERE key IN ('profile.sex','profile.birth_year','profile.rest_hr','profile.max_hr');\n",
    /* 2 -> 3: a run logged by hand says how far it went (log session run
     * --km); the overlap search finds outings longer than its look-back
     * (multi-day events) through a small index of only those (see
     * find_match in store_activity.c: the bound is RH__LONG_OUTING_S). */
    "ALTER TABLE session ADD COLUMN km REAL CHECK(km IS NULL OR (km > 0 AND km <= 1000));\n"
    "CREATE INDEX activity_long ON activity(start_utc)\n"
    "  WHERE end_utc - start_utc > " RH__LONG_OUTING_SQL ";\n",
    /* 3 -> 4: where the temperature came from (the device's sensor or the
     * weather's air), for the heat finding's wrist margin. Before it was
     * kept, an Apple Health export's temperature was always the weather's
     * (HKWeatherTemperature) and every other format's the device's. */
    "ALTER TABLE activity ADD COLUMN temp_source TEXT\n"
    "  CHECK(temp_source IS NULL OR temp_source IN ('sensor','air'));\n"
    "UPDATE activity SET temp_source =\n"
    "  CASE WHEN format = 'apple_health' THEN 'air' ELSE 'sensor' END\n"
    "  WHERE temp_c IS NOT NULL;\n",
    /* 4 -> 5: the warning signs ticked with a diary entry or a check-in
     * (the intake's sign words and the diary's ticks, "fever, tingling"),
     * kept with the entry as they were given; NULL when none was ticked
     * (every entry before this version). The CHECK repeats the store's
     * check of the words' shape (rh_store_signs_check). */
    "ALTER TABLE pain ADD COLUMN signs TEXT\n"
    "  CHECK(signs IS NULL OR (length(signs) BETWEEN 1 AND " RH__SIGNS_MAX_SQL "\n"
    "    AND signs NOT GLOB '*[^a-z_, ]*'));\n"
    "ALTER TABLE checkin ADD COLUMN signs TEXT\n"
    "  CHECK(signs IS NULL OR (length(signs) BETWEEN 1 AND " RH__SIGNS_MAX_SQL "\n"
    "    AND signs NOT GLOB '*[^a-z_, ]*'));\n",
    /* 5 -> 6: the check-in's note in the runner's own words (ux11, review
     * 10 #19), kept as a diary entry's note is, for the hand-off report;
     * NULL when none (every check-in before this version) */
    "ALTER TABLE checkin ADD COLUMN note TEXT CHECK(note IS NULL OR length(note) >= 1);\n",
    /* 6 -> 7: a visit to a doctor or physiotherapist with what they decided
     * about running (review 11 #4: a restriction is no clearance): cleared,
     * no running or cross-training only for 1-52 weeks, or walk-run; the
     * weeks go with a restriction and only with one */
    "CREATE TABLE visit(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  day INTEGER NOT NULL,\n"
    "  outcome TEXT NOT NULL\n"
    "    CHECK(outcome IN ('cleared','no_running','walk_run','cross_train')),\n"
    "  weeks INTEGER CHECK(weeks IS NULL OR weeks BETWEEN 1 AND 52),\n"
    "  note TEXT CHECK(note IS NULL OR length(note) >= 1),\n"
    "  created_utc INTEGER NOT NULL,\n"
    "  CHECK((outcome IN ('no_running','cross_train')) = (weeks IS NOT NULL)));\n"
    "CREATE INDEX visit_day ON visit(day);\n",
    /* 7 -> 8: the runner's body weight (profile key weight_kg, session 23,
     * plan27: a weight loss a note tells with its amount is judged as a
     * share of it). SQLite cannot change a CHECK in place: the table is
     * made again with the new key allowed and its rows copied, in the
     * migration's one transaction (a kill leaves version 7 whole). */
    "CREATE TABLE profile_v8(\n"
    "  key TEXT PRIMARY KEY\n"
    "    CHECK(key IN ('tz','sex','birth_year','rest_hr','max_hr','weight_kg')),\n"
    "  value TEXT NOT NULL);\n"
    "INSERT INTO profile_v8(key, value) SELECT key, value FROM profile;\n"
    "DROP TABLE profile;\n"
    "ALTER TABLE profile_v8 RENAME TO profile;\n",
    /* 8 -> 9: which activity a diary entry's pain during activity belongs
     * to (session 23, plan27: a run, a walk, cross-training, a strength or
     * a mobility session), as the runner said it; NULL when not said (every
     * entry before this version, and the day's pain alone). It does not
     * change what counts as a run. */
    "ALTER TABLE pain ADD COLUMN activity TEXT CHECK(activity IS NULL OR\n"
    "  activity IN ('run','walk','cross_train','strength','mobility'));\n"
    "",
    /* 9 -> 10: the runner's local day (session 27). A diary entry, a
     * session, a visit or a check-in logged for the day it was logged on
     * keeps that instant (dated_utc), and its day is read as the instant's
     * local day in the zone of the moment of reading (rh_store_entry_day):
     * a zone named after logging dates it on the runner's own day. NULL:
     * the runner named the day, or it was stored before this version (its
     * stored day stands). Check-ins get their creation moment, which the
     * other tables had. Columns only, in the migration's one transaction. */
    "ALTER TABLE pain ADD COLUMN dated_utc INTEGER CHECK(dated_utc IS NULL OR dated_utc > 0);\n"
    "ALTER TABLE session ADD COLUMN dated_utc INTEGER\n"
    "  CHECK(dated_utc IS NULL OR dated_utc > 0);\n"
    "ALTER TABLE visit ADD COLUMN dated_utc INTEGER CHECK(dated_utc IS NULL OR dated_utc > 0);\n"
    "ALTER TABLE checkin ADD COLUMN created_utc INTEGER;\n"
    "ALTER TABLE checkin ADD COLUMN dated_utc INTEGER\n"
    "  CHECK(dated_utc IS NULL OR dated_utc > 0);\n",
};
#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))
_Static_assert(N_MIGRATIONS == RH_STORE_SCHEMA_VERSION, "one migration per schema version");

int rh__store_fail(struct rh_store *s, struct rh_err *err, const char *what)
{
    /* SQLite out of memory (its allocations go through the seam) is said as such */
    int code = s && s->db && (sqlite3_errcode(s->db) & 0xff) == SQLITE_NOMEM ? RH_ENOMEM : RH_EDB;
    return rh_err_set(err, code, "%s: %s", what, s && s->db ? sqlite3_errmsg(s->db) : "?");
}

int rh__store_prepare(struct rh_store *s, const char *sql, sqlite3_stmt **st, struct rh_err *err)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        *st = NULL;
        return rh__store_fail(s, err, "cannot prepare statement");
    }
    return 0;
}

/* Without a copy (SQLITE_STATIC): a copy is an allocation, and a failed one
 * leaves NULL bound with the statement still runnable, which would store a
 * row without its text. v must stay alive until the statement has run. */
int rh__bind_text(sqlite3_stmt *st, int i, const char *v)
{
    return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

int rh__bind_double(sqlite3_stmt *st, int i, double v)
{
    return rh_has(v) ? sqlite3_bind_double(st, i, v) : sqlite3_bind_null(st, i);
}

double rh__col_double(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? RH_NONE : sqlite3_column_double(st, i);
}

char *rh__col_strdup(sqlite3_stmt *st, int i, bool *oom)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t)
        return NULL;
    char *c = rh_strdup((const char *)t);
    if (!c)
        *oom = true;
    return c;
}

/* Runs one parameterless statement (BEGIN, COMMIT, PRAGMA). */
static int exec1(struct rh_store *s, const char *sql, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s, sql, &st, err);
    if (r)
        return r;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ;
    if (rc != SQLITE_DONE)
        r = rh__store_fail(s, err, sql);
    sqlite3_finalize(st);
    return r;
}

/* Runs a multi-statement script, statement by statement, each prepared. */
static int exec_script(struct rh_store *s, const char *sql, struct rh_err *err)
{
    const char *tail = sql;
    while (tail && *tail) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(s->db, tail, -1, &st, &tail) != SQLITE_OK)
            return rh__store_fail(s, err, "schema");
        if (!st)
            break; /* only white space left */
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return rh__store_fail(s, err, "schema");
    }
    return 0;
}

int rh_store_version(struct rh_store *s)
{
    sqlite3_stmt *st;
    int v = -1;
    if (rh__store_prepare(s, "PRAGMA user_version", &st, NULL))
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

const char *rh_store_path(const struct rh_store *s)
{
    return s->path;
}

int rh_store_begin(struct rh_store *s, struct rh_err *err)
{
    if (s->txn_depth > 0)
        return rh_err_set(err, RH_EINVAL, "a transaction is already open");
    int r = exec1(s, "BEGIN IMMEDIATE", err);
    if (!r)
        s->txn_depth = 1;
    return r;
}

int rh_store_commit(struct rh_store *s, struct rh_err *err)
{
    if (s->txn_depth == 0)
        return rh_err_set(err, RH_EINVAL, "no transaction is open");
    int r = exec1(s, "COMMIT", err);
    if (r) {
        rh_store_rollback(s);
        return r;
    }
    s->txn_depth = 0;
    return 0;
}

void rh_store_rollback(struct rh_store *s)
{
    if (s->txn_depth == 0 && sqlite3_get_autocommit(s->db))
        return;
    exec1(s, "ROLLBACK", NULL);
    s->txn_depth = 0;
}

int rh__store_wbegin(struct rh_store *s, struct rh_err *err)
{
    if (s->readonly)
        return rh_err_set(err, RH_EINVAL, "the database is open read-only");
    if (s->txn_depth > 0)
        return 0;
    return exec1(s, "BEGIN IMMEDIATE", err);
}

int rh__store_wend(struct rh_store *s, int rc, struct rh_err *err)
{
    if (s->txn_depth > 0)
        return rc; /* the caller commits or rolls back */
    if (rc) {
        exec1(s, "ROLLBACK", NULL);
        return rc;
    }
    int r = exec1(s, "COMMIT", err);
    if (r)
        exec1(s, "ROLLBACK", NULL);
    return r;
}

static int make_parent_dirs(const char *path, struct rh_err *err)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s", path) >= (int)sizeof tmp)
        return rh__store_err(err, RH_ELIMIT, "db_path_long", NULL);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
            return rh__store_err(err, RH_EIO, "db_mkdir", "dir", tmp, "why", strerror(errno),
                                 NULL);
        *p = '/';
    }
    return 0;
}

/* What a migration needs beyond SQL, run in its transaction right after
 * its script: to_version is the version the script has just made. */
static int post_migration(struct rh_store *s, int to_version, struct rh_err *err)
{
    switch (to_version) {
    case 2: /* local days: offsets of the stored activities from the zone */
        return rh__store_fill_zone_offsets(s, false, err);
    default:
        return 0;
    }
}

void (*rh__store_migrate_pause)(int to_version);

static int migrate(struct rh_store *s, int from, struct rh_err *err)
{
    for (int v = from; v < RH_STORE_SCHEMA_VERSION; v++) {
        int r = exec1(s, "BEGIN IMMEDIATE", err);
        if (r)
            return r;
        /* re-read inside the lock: another process may have migrated */
        int now = rh_store_version(s);
        if (now > v) {
            exec1(s, "ROLLBACK", NULL);
            v = now - 1;
            continue;
        }
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        r = exec_script(s, migrations[v], err);
        if (!r)
            r = post_migration(s, v + 1, err);
        if (!r && rh__store_migrate_pause)
            rh__store_migrate_pause(v + 1);
        if (r || (r = exec1(s, pragma, err)) ||
            (r = exec1(s, "COMMIT", err))) {
            exec1(s, "ROLLBACK", NULL);
            return r;
        }
    }
    return 0;
}

/* What is at path before SQLite touches it. */
enum probe_kind { PROBE_NONE, PROBE_EMPTY, PROBE_SQLITE };

/* Why path cannot be read or written, in plain words, from the file system
 * itself (SQLite only says "unable to open database file"). Empty when
 * nothing is wrong that the file system can tell. */
/* Why a file or folder cannot be written, in words: a read-only file
 * system, or permission denied ([store_words] fs_read_only, fs_denied). */
static const char *denied_words(int e)
{
    return rh__store_word(e == EROFS ? "fs_read_only" : "fs_denied");
}

static void fs_reason(const char *path, bool write, char *out, size_t n)
{
    out[0] = '\0';
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    if (access(path, F_OK) == 0) {
        if (access(path, R_OK) != 0) {
            const char *const nm[] = {"why"}, *const v[] = {strerror(errno)};
            rh_text_fill_named(out, n, rh__store_word("fs_unreadable"), nm, v, 1);
            return;
        }
        if (write && access(path, W_OK) != 0) {
            const char *const nm[] = {"reason"}, *const v[] = {denied_words(errno)};
            rh_text_fill_named(out, n, rh__store_word("fs_unwritable"), nm, v, 1);
            return;
        }
    }
    if (access(dir, X_OK) != 0) {
        const char *const nm[] = {"dir"}, *const v[] = {dir};
        rh_text_fill_named(out, n, rh__store_word("fs_folder_closed"), nm, v, 1);
        return;
    }
    if (write && access(dir, W_OK) != 0) {
        const char *const nm[] = {"dir", "reason"}, *const v[] = {dir, denied_words(errno)};
        rh_text_fill_named(out, n, rh__store_word("fs_folder_readonly"), nm, v, 2);
    }
}

/* Reads up to n bytes from the start of path into head through SQLite's
 * default file layer (see probe()); *got is how many the file held. Returns
 * 0, or -1 with *e set (RH_ENOMEM, or RH_EIO when it cannot be opened or read). */
static int read_head(const char *path, unsigned char *head, size_t n, ssize_t *got, int *e)
{
    sqlite3_vfs *vfs = sqlite3_vfs_find(NULL);
    if (!vfs) {
        *e = RH_EIO;
        return -1;
    }
    char *full = rh_calloc(1, (size_t)vfs->mxPathname + 1);
    sqlite3_file *f = rh_calloc(1, (size_t)vfs->szOsFile);
    int rc = -1;
    *e = RH_ENOMEM;
    if (full && f && vfs->xFullPathname(vfs, path, vfs->mxPathname + 1, full) == SQLITE_OK) {
        int out = 0;
        *e = RH_EIO;
        if (vfs->xOpen(vfs, full, f, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out) == SQLITE_OK) {
            sqlite3_int64 size = 0;
            if (f->pMethods->xFileSize(f, &size) == SQLITE_OK) {
                size_t want = size < (sqlite3_int64)n ? (size_t)size : n;
                if (want == 0 || f->pMethods->xRead(f, head, (int)want, 0) == SQLITE_OK) {
                    *got = (ssize_t)want;
                    rc = 0;
                }
            }
        }
        if (f->pMethods)
            f->pMethods->xClose(f);
    }
    rh_free(f);
    rh_free(full);
    return rc;
}

static int probe(const char *path, unsigned flags, enum probe_kind *kind, struct rh_err *err)
{
    struct stat st;
    char why[4400];
    if (stat(path, &st) != 0) {
        if (errno == ENOENT) {
            *kind = PROBE_NONE;
            return 0;
        }
        if (errno == EACCES) {
            fs_reason(path, false, why, sizeof why);
            return rh__store_err(err, RH_EIO, "db_cannot_open", "why",
                                 why[0] ? why : rh__store_word("fs_denied"), NULL);
        }
        return rh__store_err(err, RH_EIO, "db_cannot_open", "why", strerror(errno), NULL);
    }
    if (S_ISDIR(st.st_mode))
        return rh__store_err(err, RH_EIO, "db_folder", NULL);
    if (!S_ISREG(st.st_mode))
        return rh__store_err(err, RH_EDB, "db_not_regular", NULL);
    if (st.st_size == 0) {
        *kind = PROBE_EMPTY;
        return 0;
    }
    /* The first bytes are read through SQLite's own file layer, never with
     * open() and close(): closing any descriptor of a file drops every POSIX
     * lock this process holds on it, so a plain close() here would silently
     * release the locks of the connections the server keeps open, and the
     * next terminal command would take the database for unused and delete
     * its -wal and -shm files under the server ("disk I/O error", "database
     * disk image is malformed": https://www.sqlite.org/howtocorrupt.html,
     * section 2.2). SQLite's unix layer keeps such a descriptor open until
     * the last lock on the file is released. */
    unsigned char head[16];
    ssize_t got = 0;
    int e = 0;
    if (read_head(path, head, sizeof head, &got, &e) != 0) {
        fs_reason(path, !(flags & RH_STORE_READONLY), why, sizeof why);
        if (e == RH_ENOMEM) /* the C's last resort: the words may not be had */
            return rh_err_set(err, RH_ENOMEM, "cannot open the database: out of memory");
        return rh__store_err(err, RH_EIO, "db_cannot_open", "why",
                             why[0] ? why : rh__store_word("fs_cannot_read"), NULL);
    }
    if (got < (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
        return rh__store_err(err, RH_EDB, "db_not_sqlite", NULL);
    *kind = PROBE_SQLITE;
    return 0;
}

static int pragma_int(struct rh_store *s, const char *sql, int *v, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s, sql, &st, err);
    if (r)
        return r;
    if (sqlite3_step(st) == SQLITE_ROW)
        *v = sqlite3_column_int(st, 0);
    else
        r = rh__store_fail(s, err, sql);
    sqlite3_finalize(st);
    return r;
}

/* Decides, only reading, whether the open file is runhip's: its
 * application_id, or (a database of the first version, before the marker)
 * user_version >= 1 with the meta and activity tables; or an empty
 * database (no schema at all), which is ours to set up. *needs_marker is set for
 * a database that still needs its marker written (*needs_marker). */
static int check_marker(struct rh_store *s, int *version, bool *needs_marker, struct rh_err *err)
{
    int app = 0, uv = 0;
    int r;
    if ((r = pragma_int(s, "PRAGMA application_id", &app, err)) ||
        (r = pragma_int(s, "PRAGMA user_version", &uv, err)))
        return r == RH_ENOMEM ? r
                              : rh__store_err(err, RH_EDB, "db_not_runhip", "why",
                                              sqlite3_errmsg(s->db), NULL);
    *version = uv;
    *needs_marker = false;
    if (app == RH_STORE_APP_ID)
        return 0;
    if (app != 0) {
        char id[16];
        snprintf(id, sizeof id, "0x%08x", (unsigned)app);
        return rh__store_err(err, RH_EDB, "db_other_program", "id", id, NULL);
    }
    sqlite3_stmt *st;
    if ((r = rh__store_prepare(s,
                               "SELECT count(*), "
                               "  count(*) FILTER (WHERE type = 'table' AND name = 'meta'), "
                               "  count(*) FILTER (WHERE type = 'table' AND name = 'activity') "
                               "FROM sqlite_master",
                               &st, err)))
    {
        char why[sizeof err->msg];
        snprintf(why, sizeof why, "%s", err ? err->msg : "");
        return r == RH_ENOMEM ? r
                              : rh__store_err(err, RH_EDB, "db_not_runhip", "why",
                                              why[0] ? why : rh__store_word("db_schema_unread"),
                                              NULL);
    }
    int n_all = -1, n_meta = 0, n_act = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        n_all = sqlite3_column_int(st, 0);
        n_meta = sqlite3_column_int(st, 1);
        n_act = sqlite3_column_int(st, 2);
    }
    sqlite3_finalize(st);
    if (n_all < 0 && (sqlite3_errcode(s->db) & 0xff) == SQLITE_NOMEM)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    if (n_all < 0)
        return rh__store_err(err, RH_EDB, "db_not_runhip", "why", sqlite3_errmsg(s->db), NULL);
    if ((n_all == 0 && uv == 0) || (uv >= 1 && n_meta == 1 && n_act == 1)) {
        *needs_marker = true;
        return 0;
    }
    return rh__store_err(err, RH_EDB, "db_no_marker", NULL);
}

int rh_store_open(const char *path, unsigned flags, struct rh_store **out, struct rh_err *err)
{
    return rh_store_open_tz(path, flags, NULL, out, err);
}

int rh_store_open_tz(const char *path, unsigned flags, const char *system_zone,
                     struct rh_store **out, struct rh_err *err)
{
    /* code24: the store's words, checked before anything is opened */
    int r = rh__store_words_check(err);
    if (r)
        return r;
    if (!path || !*path)
        return rh__store_err(err, RH_EINVAL, "db_no_path", NULL);
    bool existing = flags & (RH_STORE_EXISTING | RH_STORE_READONLY);
    enum probe_kind kind = PROBE_NONE;
    if ((r = probe(path, flags, &kind, err)))
        return r;
    if (existing && kind != PROBE_SQLITE)
        return rh__store_err(err, RH_ENOTFOUND, "db_none_yet", NULL);
    if (kind == PROBE_NONE && (flags & RH_STORE_MKDIR) && (r = make_parent_dirs(path, err)))
        return r;
    struct rh_store *s = rh_calloc(1, sizeof *s);
    if (!s || !(s->path = rh_strdup(path))) {
        rh_free(s);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    s->readonly = flags & RH_STORE_READONLY;
    s->data_version = -1;
    int oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (kind == PROBE_NONE)
        oflags |= SQLITE_OPEN_CREATE;
    char why[4400];
    if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        fs_reason(path, !s->readonly, why, sizeof why);
        if (!s->db && !why[0]) /* the C's last resort: the words may not be had */
            r = rh_err_set(err, RH_ENOMEM, "cannot %s the database: out of memory",
                           kind == PROBE_NONE ? "create" : "open");
        else
            r = rh__store_err(err, s->db ? RH_EDB : RH_ENOMEM,
                              kind == PROBE_NONE ? "db_cannot_create" : "db_cannot_open", "why",
                              why[0] ? why : sqlite3_errmsg(s->db), NULL);
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 10000);
    sqlite3_extended_result_codes(s->db, 1);
    int v = 0;
    bool needs_marker = false;
    if ((r = check_marker(s, &v, &needs_marker, err))) {
        fs_reason(path, !s->readonly, why, sizeof why);
        if (why[0])
            r = rh__store_err(err, RH_EIO,
                              kind == PROBE_NONE ? "db_cannot_create" : "db_cannot_open", "why",
                              why, NULL);
        goto fail;
    }
    if (v > RH_STORE_SCHEMA_VERSION) {
        char vs[16], ours[16];
        snprintf(vs, sizeof vs, "%d", v);
        snprintf(ours, sizeof ours, "%d", RH_STORE_SCHEMA_VERSION);
        r = rh__store_err(err, RH_EVERSION, "db_newer", "version", vs, "ours", ours, NULL);
        goto fail;
    }
    if ((r = exec1(s, "PRAGMA foreign_keys = ON", err)))
        goto fail;
    /* the entries' days, read in the zone of this store (rh_store_entry_day) */
    if (sqlite3_create_function_v2(s->db, "rh_entry_day", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, s,
                                   rh__store_sql_entry_day, NULL, NULL, NULL) != SQLITE_OK) {
        r = rh__store_fail(s, err, "rh_entry_day");
        goto fail;
    }
    /* the system zone until the profile names one (after the migrations) */
    if ((r = rh__store_zone_init(s, system_zone, err)))
        goto fail;
    if (!s->readonly) {
        /* only now, with the file known to be runhip's, is anything written */
        char mark[64];
        snprintf(mark, sizeof mark, "PRAGMA application_id = %d", (int)RH_STORE_APP_ID);
        if ((r = exec1(s, "PRAGMA journal_mode = WAL", err)) ||
            (r = exec1(s, "PRAGMA synchronous = NORMAL", err)) ||
            (needs_marker && (r = exec1(s, mark, err))))
            goto fail;
        if (v < RH_STORE_SCHEMA_VERSION && (r = migrate(s, v, err)))
            goto fail;
    } else if (v < RH_STORE_SCHEMA_VERSION) {
        r = rh__store_err(err, RH_EDB, "db_upgrade_readonly", NULL);
        goto fail;
    }
    if ((r = rh__store_zone_from_profile(s, err)))
        goto fail;
    *out = s;
    return 0;
fail:
    if (r == RH_EDB && s->db && err && strstr(err->msg, "unable to open") != NULL) {
        fs_reason(path, !s->readonly, why, sizeof why);
        if (why[0])
            r = rh__store_err(err, RH_EIO,
                              kind == PROBE_NONE ? "db_cannot_create" : "db_cannot_open", "why",
                              why, NULL);
    }
    rh_store_close(s);
    return r;
}

int rh_store_refresh(struct rh_store *s, int64_t *version, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s, "PRAGMA data_version", &st, err);
    if (r)
        return r;
    int64_t v = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else
        r = rh__store_fail(s, err, "cannot read the data version");
    sqlite3_finalize(st);
    if (r)
        return r;
    if (s->data_version >= 0 && v != s->data_version) {
        /* the profile may name another zone now, or none */
        r = rh__store_zone_refresh(s, err);
    }
    if (!r)
        s->data_version = v;
    *version = v;
    return r;
}

void rh_store_close(struct rh_store *s)
{
    if (!s)
        return;
    if (s->db) {
        if (!sqlite3_get_autocommit(s->db))
            exec1(s, "ROLLBACK", NULL);
        sqlite3_close(s->db);
    }
    rh_tz_free(s->tz);
    rh_free(s->system_zone);
    rh_free(s->profile_zone);
    rh_free(s->path);
    rh_free(s);
}

/* "profile.KEY" of a profile key: KEY, else NULL. */
static const char *profile_key(const char *key)
{
    if (strncmp(key, "profile.", 8) != 0)
        return NULL;
    size_t n;
    const struct rh_profile_key *k = rh_profile_keys(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(key + 8, k[i].key) == 0)
            return k[i].key;
    return NULL;
}

int rh_store_meta_set(struct rh_store *s, const char *key, const char *value, struct rh_err *err)
{
    if (profile_key(key))
        return rh_store_profile_set(s, profile_key(key), value, err);
    sqlite3_stmt *st = NULL;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s,
                                "INSERT INTO meta(key, value) VALUES(?1, ?2) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                &st, err))) {
        rh__bind_text(st, 1, key);
        rh__bind_text(st, 2, value ? value : "");
        if (sqlite3_step(st) != SQLITE_DONE)
            r = rh__store_fail(s, err, rh__store_word("fail_save_setting"));
    }
    sqlite3_finalize(st);
    return rh__store_wend(s, r, err);
}

int rh__store_get_text(struct rh_store *s, const char *sql, const char *key, const char *what,
                       char **value, struct rh_err *err)
{
    sqlite3_stmt *st;
    *value = NULL;
    int r = rh__store_prepare(s, sql, &st, err);
    if (r)
        return r;
    rh__bind_text(st, 1, key);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        bool oom = false;
        *value = rh__col_strdup(st, 0, &oom);
        if (oom)
            r = rh_err_set(err, RH_ENOMEM, "out of memory");
    } else if (rc != SQLITE_DONE) {
        r = rh__store_fail(s, err, what);
    }
    sqlite3_finalize(st);
    return r;
}

int rh_store_meta_get(struct rh_store *s, const char *key, char **value, struct rh_err *err)
{
    *value = NULL;
    if (profile_key(key))
        return rh_store_profile_get(s, profile_key(key), value, err);
    return rh__store_get_text(s, "SELECT value FROM meta WHERE key = ?1", key, "cannot read setting",
                              value, err);
}
