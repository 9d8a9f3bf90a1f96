/* SPDX-License-Identifier: MIT */
/*
 * A file of several outings that an older runhip (before session 21)
 * stored whole, as ONE activity under the whole file's content hash, then
 * imported again by `runhip import` as a program ($RUNHIP, set by make
 * check): its outings (legs) replace that activity in one transaction,
 * taking what the runner set on it where it fits, and never losing a record
 * entered by hand; each line names its outing or leg.
 *
 * The old database is made here as the old version stored it: the whole
 * file decoded as one activity (rh_xml_decode_part with want -1,
 * rh_fit_decode_legs' whole), under the hash of the whole file, through
 * rh_store_activity_put. Files are made from the corpus, read in place.
 */
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "runhip/fit.h"
#include "runhip/store.h"
#include "runhip/xml.h"

#define C RH_SHARED "/corpus/"

static char dir[512], db[600], out[700], err[700], tcx[700], fitf[700];

static char *prog(void)
{
    const char *p = getenv("RUNHIP");
    return (char *)(p ? p : "build/san/runhip");
}

/* Runs "$RUNHIP --db DB args" with stdout/stderr to files; exit status. */
static int run(const char *args)
{
    char cmd[3000];
    snprintf(cmd, sizeof cmd, "'%s' --db '%s' %s >'%s' 2>'%s'", prog(), db, args, out, err);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* How many lines of text hold s. */
static int lines_with(const char *text, const char *s)
{
    int n = 0;
    for (const char *l = text; l && *l;) {
        const char *nl = strchr(l, '\n');
        size_t len = nl ? (size_t)(nl - l) : strlen(l);
        const char *hit = strstr(l, s);
        n += hit && hit < l + len;
        l = nl ? nl + 1 : NULL;
    }
    return n;
}

static char *slurp(const char *p)
{
    char *t = test_slurp(p, NULL);
    return t ? t : calloc(1, 1);
}

/* Writes each open...close span of text to f, a line each. */
static void append_tagged(FILE *f, const char *text, const char *open, const char *close)
{
    const char *a = strstr(text, open);
    while (a) {
        const char *b = strstr(a, close);
        if (!b)
            break;
        b += strlen(close);
        fwrite(a, 1, (size_t)(b - a), f);
        fputc('\n', f);
        a = strstr(b, open);
    }
}

/* A TCX of two Activities, a 2017 run and a 2013 ride (as
 * tests/cli/import_hostile.sh builds it): two outings. */
static void make_tcx(void)
{
    char *run_ = test_slurp(C "tcx/sportslib_garmin.tcx", NULL);
    char *ride = test_slurp(C "tcx/gpsbabel_kona2013.tcx", NULL);
    CHECK(run_ && ride);
    if (!run_ || !ride)
        return;
    FILE *f = fopen(tcx, "w");
    const char *acts = strstr(run_, "<Activities>");
    fwrite(run_, 1, (size_t)(acts - run_) + strlen("<Activities>"), f);
    fputc('\n', f);
    append_tagged(f, run_, "<Activity ", "</Activity>");
    append_tagged(f, ride, "<Activity ", "</Activity>");
    fputs("</Activities></TrainingCenterDatabase>\n", f);
    fclose(f);
    free(run_);
    free(ride);
}

static uint64_t hash_of(const void *p, size_t n)
{
    struct rh_hash h;
    rh_hash_init(&h);
    rh_hash_update(&h, p, n);
    return rh_hash_final(&h);
}

/* Stores path whole, as a runhip before session 21 did: one activity of
 * the whole file under its whole content hash. Its id. */
static int64_t store_whole(struct rh_store *s, const char *path, enum rh_format fmt)
{
    size_t n = 0;
    char *data = test_slurp(path, &n);
    struct rh_activity a;
    struct rh_err w, e;
    rh_activity_init(&a);
    int r;
    if (fmt == RH_FMT_FIT) {
        struct rh_fit_legs legs;
        struct rh_fit_leg *leg = calloc(RH_FIT_LEGS_MAX, sizeof *leg);
        r = rh_fit_decode_legs(data, n, &a, &legs, leg, &w, &e);
        CHECK(legs.mixed);
        free(leg);
    } else {
        struct rh_xml_parts *parts = calloc(1, sizeof *parts);
        r = rh_xml_decode_part(fmt, data, n, parts, -1, &a, &w, &e);
        CHECK_INT(parts->n, 2);
        free(parts);
    }
    CHECK_INT(r, 0);
    a.format = fmt;
    a.content_hash = hash_of(data, n);
    rh_activity_set_str(&a.file, path);
    struct rh_store_put put;
    CHECK_INT(rh_store_activity_put(s, &a, &put, &e), 0);
    CHECK_INT(put.outcome, RH_STORE_ADDED);
    rh_activity_release(&a);
    free(data);
    return put.id;
}

static struct rh_store *open_db(void)
{
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(db, 0, &s, &e), 0);
    return s;
}

/* The stored activities (caller frees). */
static size_t list(struct rh_activity **a)
{
    struct rh_store *s = open_db();
    size_t n = 0;
    struct rh_err e;
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, RH_STORE_WITH_UNDATED, a, &n, &e), 0);
    rh_store_close(s);
    return n;
}

static const struct rh_activity *of_sport(const struct rh_activity *a, size_t n, enum rh_sport sp)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].sport == sp)
            return &a[i];
    return NULL;
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    snprintf(db, sizeof db, "%s/old.db", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(err, sizeof err, "%s/err", dir);
    snprintf(tcx, sizeof tcx, "%s/two.tcx", dir);
    snprintf(fitf, sizeof fitf, C "fit/muktihari_triathlon_summary_first.fit");
    make_tcx();
}

/* The old database of the TCX: a run entered by hand in Strava that the
 * whole file replaced (its row now one of the whole's other recordings), a
 * run entered by hand the same afternoon apart, a run logged by hand
 * (runhip log session run), and the runner's shoe and exclusion on the
 * whole. Returns the whole's id. */
static int64_t old_tcx_db(bool shoe, bool excluded)
{
    struct rh_store *s = open_db();
    struct rh_err e;
    /* a run entered by hand in Strava that evening, apart from every outing */
    struct rh_activity m;
    rh_activity_init(&m);
    m.format = RH_FMT_NONE;
    m.sport = RH_SPORT_RUNNING;
    m.has_start = true;
    m.start_utc = 1504047600; /* 2017-08-29 23:00 */
    m.total_elapsed_s = 1800;
    m.total_distance_m = 5000;
    m.content_hash = 0x5678;
    rh_activity_set_str(&m.file, "export.zip!activities.csv#222");
    CHECK_INT(rh_store_activity_add(s, &m, NULL, &e), 0);
    rh_activity_release(&m);
    int64_t whole = store_whole(s, tcx, RH_FMT_TCX);
    rh_store_close(s);
    /* a run entered by hand in Strava that the whole file, richer, had
     * replaced: its row one of the whole's other recordings (as
     * rh_store_activity_put's replacement leaves it) */
    sqlite3 *h;
    CHECK_INT(sqlite3_open(db, &h), SQLITE_OK);
    char sql[300];
    snprintf(sql, sizeof sql,
             "INSERT INTO activity_also(activity_id, content_hash, file, format, device)"
             " VALUES(%lld, '0000000000001234', 'export.zip!activities.csv#111', '', NULL)",
             (long long)whole);
    CHECK_INT(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    s = open_db();
    struct rh_session ses = {0};
    ses.day = rh_days_from_civil(2017, 8, 30);
    ses.kind = RH_SESSION_RUN;
    ses.minutes = 30;
    ses.note = NULL;
    ses.km = 5;
    ses.rpe = -1;
    CHECK_INT(rh_store_session_add(s, &ses, NULL, &e), 0);
    if (shoe)
        CHECK_INT(rh_store_activity_set(s, whole, "shoe", "Pegasus 40", &e), 0);
    if (excluded)
        CHECK_INT(rh_store_activity_set(s, whole, "excluded", "yes", &e), 0);
    rh_store_close(s);
    return whole;
}

static long count_sql(const char *sql)
{
    sqlite3 *h;
    long n = -1;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return n;
}

static void test_tcx_whole_replaced_by_its_outings(void)
{
    setup();
    int64_t whole = old_tcx_db(true, true);
    /* the runner called the blend (stored as "other") a run: the hand-
     * entered run of the afternoon became one of its recordings */
    struct rh_store *s0 = open_db();
    struct rh_err e0;
    CHECK_INT(rh_store_activity_set(s0, whole, "sport", "running", &e0), 0);
    rh_store_close(s0);
    struct rh_activity *a;
    size_t n = list(&a);
    CHECK_INT(n, 2); /* the whole and the evening's hand-entered run */
    rh_activity_array_free(a, n);
    CHECK_INT(run("import"), 2); /* no path: a usage error, nothing changed */
    char args[800];
    snprintf(args, sizeof args, "import '%s'", tcx);
    CHECK_INT(run(args), 0);
    char *o = slurp(out);
    CHECK(strstr(o, "imported 2, duplicates 0, failed 0"));
    char want[2000];
    snprintf(want, sizeof want,
             "the running outing that started 2017-08-29 15:23: stored on its own in place of "
             "activity %lld (%s), which an older runhip stored as one activity for the whole file; "
             "left out of every count, as you had set activity %lld; with the shoe Pegasus 40, as "
             "activity %lld had",
             (long long)whole, tcx, (long long)whole, (long long)whole);
    CHECK(strstr(o, want));
    if (!strstr(o, want))
        fprintf(stderr, "got:\n%s\n", o);
    /* the ride: its own outing, no shoe (not on foot), still left out */
    const char *rl = strstr(o, "the cycling outing that started 2013-10-12");
    CHECK(rl);
    if (rl) {
        const char *eol = strchr(rl, '\n');
        size_t ll = eol ? (size_t)(eol - rl) : strlen(rl);
        char line[1000];
        snprintf(line, sizeof line, "%.*s", (int)ll, rl);
        CHECK(strstr(line, "left out of every count"));
        CHECK(!strstr(line, "shoe"));
    }
    free(o);
    n = list(&a);
    CHECK_INT(n, 3); /* the evening's run, the run outing, the ride */
    const struct rh_activity *r = NULL, *ride = of_sport(a, n, RH_SPORT_CYCLING);
    for (size_t i = 0; i < n; i++)
        if (a[i].sport == RH_SPORT_RUNNING && a[i].format == RH_FMT_TCX)
            r = &a[i];
    CHECK(r && ride);
    if (r && ride) {
        CHECK(r->id != whole && ride->id != whole);
        CHECK_NEAR(r->total_distance_m, 11090, 10);
        CHECK_NEAR(ride->total_distance_m, 180220, 10);
        CHECK_STR(r->gear ? r->gear : "", "Pegasus 40");
        CHECK(ride->gear == NULL);
        CHECK(r->excluded && ride->excluded);
        /* the hand-entered run the whole had replaced: kept, with the run */
        struct rh_store *s = open_db();
        char **files;
        size_t nf;
        struct rh_err e;
        CHECK_INT(rh_store_activity_also(s, r->id, &files, &nf, &e), 0);
        CHECK_INT(nf, 1);
        if (nf == 1)
            CHECK_STR(files[0], "export.zip!activities.csv#111");
        rh_store_strings_free(files, nf);
        rh_store_close(s);
    }
    rh_activity_array_free(a, n);
    CHECK_INT(count_sql("SELECT count(*) FROM activity WHERE file LIKE '%activities.csv#222'"), 1);
    CHECK_INT(count_sql("SELECT count(*) FROM session WHERE kind = 'run'"), 1);
    /* a third import finds each outing, naming it */
    CHECK_INT(run(args), 0);
    o = slurp(out);
    CHECK(strstr(o, "imported 0, duplicates 2, failed 0"));
    CHECK(strstr(o,
                 ": the running outing that started 2017-08-29 15:23: already imported: your run "
                 "of Tuesday 29 August 2017 at 15:23, "));
    CHECK(strstr(o, ": the cycling outing that started 2013-10-12 "));
    CHECK(!strstr(o, "older runhip"));
    free(o);
}

/* Without the runner's shoe or exclusion: the outings count, the week's
 * distance is the run's alone (not the ride's). */
static void test_tcx_whole_plain(void)
{
    setup();
    int64_t whole = old_tcx_db(false, false);
    /* the ride's own file was imported too (the whole, untyped, did not
     * match it): the ride outing is its duplicate, kept once */
    char args[800];
    snprintf(args, sizeof args, "import '%s'", C "tcx/gpsbabel_kona2013.tcx");
    CHECK_INT(run(args), 0);
    long ride = count_sql("SELECT id FROM activity WHERE file LIKE '%gpsbabel_kona2013.tcx'");
    snprintf(args, sizeof args, "import '%s'", tcx);
    CHECK_INT(run(args), 0);
    char *o = slurp(out);
    CHECK(strstr(o, "imported 1, duplicates 1, failed 0"));
    char want[2000];
    snprintf(want, sizeof want,
             "the cycling outing that started 2013-10-12 18:17: the same outing as your ride of "
             "Saturday 12 October 2013 at 18:17, 180.2 km (activity %ld) (%s), kept once; activity "
             "%lld (%s), which an older runhip stored as one activity for the whole file, is "
             "replaced by its outings\n",
             ride, C "tcx/gpsbabel_kona2013.tcx", (long long)whole, tcx);
    CHECK(strstr(o, want));
    if (!strstr(o, want))
        fprintf(stderr, "got:\n%s\nwanted:\n%s\n", o, want);
    CHECK(!strstr(o, "left out of every count"));
    CHECK(!strstr(o, "with the shoe"));
    free(o);
    CHECK_INT(count_sql("SELECT count(*) FROM activity WHERE NOT excluded"), 3);
    CHECK_NEAR(count_sql("SELECT CAST(sum(distance_m) AS INTEGER) FROM activity"
                         " WHERE sport = 'running' AND local_day = (SELECT local_day FROM activity"
                         " WHERE format = 'tcx' AND sport = 'running')"),
               11090 + 5000, 10);
}

static void test_fit_whole_replaced_by_its_legs(void)
{
    setup();
    struct rh_store *s = open_db();
    int64_t whole = store_whole(s, fitf, RH_FMT_FIT);
    struct rh_err e;
    /* the runner called the blend a run: each leg's file sport stands */
    CHECK_INT(rh_store_activity_set(s, whole, "sport", "running", &e), 0);
    CHECK_INT(rh_store_activity_set(s, whole, "shoe", "Vaporfly", &e), 0);
    rh_store_close(s);
    char args[800];
    /* --json: the same words, each result's leg under "part" */
    snprintf(args, sizeof args, "import --json '%s'", fitf);
    CHECK_INT(run(args), 0);
    char *o = slurp(out);
    json_error_t je;
    json_t *j = json_loads(o, 0, &je); /* one document, nothing else */
    CHECK(j != NULL);
    CHECK_INT(json_integer_value(json_object_get(j, "imported")), 3);
    CHECK_INT(json_integer_value(json_object_get(j, "duplicates")), 0);
    json_t *res = json_object_get(j, "results");
    CHECK_INT(json_array_size(res), 3);
    const char *sports[] = {"swimming", "cycling", "running"};
    for (size_t i = 0; i < 3 && i < json_array_size(res); i++) {
        json_t *x = json_array_get(res, i), *part = json_object_get(x, "part");
        CHECK_STR(json_string_value(json_object_get(x, "status")), "stored");
        CHECK_STR(json_string_value(json_object_get(part, "kind")), "leg");
        CHECK_STR(json_string_value(json_object_get(part, "sport")), sports[i]);
        const char *st = json_string_value(json_object_get(part, "start_local"));
        CHECK(st && strncmp(st, "2023-09-02T", 11) == 0);
        CHECK_INT(json_integer_value(json_object_get(x, "replaces_whole")), whole);
        char want[200];
        snprintf(want, sizeof want, "the %s leg that started 2023-09-02 ", sports[i]);
        const char *msg = json_string_value(json_object_get(x, "message"));
        CHECK(msg && strstr(msg, want) && strstr(msg, "stored on its own in place of activity"));
        CHECK(msg && !strstr(msg, "counted as running, as you had set"));
    }
    json_decref(j);
    free(o);
    struct rh_activity *a;
    size_t n = list(&a);
    CHECK_INT(n, 3);
    const struct rh_activity *runleg = of_sport(a, n, RH_SPORT_RUNNING),
                             *bike = of_sport(a, n, RH_SPORT_CYCLING),
                             *swim = of_sport(a, n, RH_SPORT_SWIMMING);
    CHECK(runleg && bike && swim);
    if (runleg && bike && swim) {
        CHECK_NEAR(runleg->total_distance_m, 4491.51, 1);
        CHECK_STR(runleg->gear ? runleg->gear : "", "Vaporfly");
        CHECK(bike->gear == NULL && swim->gear == NULL);
        CHECK(!runleg->excluded);
        CHECK_INT(runleg->sport_source, RH_SPORT_SRC_FILE);
    }
    rh_activity_array_free(a, n);
    snprintf(args, sizeof args, "import '%s'", fitf);
    CHECK_INT(run(args), 0);
    o = slurp(out);
    CHECK(strstr(o, "imported 0, duplicates 3, failed 0"));
    CHECK(strstr(o, "the running leg that started 2023-09-02 08:56: already imported: your run of "
                    "Saturday 2 September 2023 at 08:56, 4.5 km (activity "));
    free(o);
}

/* A store failure at the last write of the replacement (the whole's
 * deletion refused by a trigger, as a full disk would fail it): exit 3,
 * a clear error, and nothing of it stored. */
static void test_split_is_one_transaction(void)
{
    setup();
    int64_t whole = old_tcx_db(true, false);
    sqlite3 *h;
    CHECK_INT(sqlite3_open(db, &h), SQLITE_OK);
    CHECK_INT(sqlite3_exec(h,
                           "CREATE TRIGGER keep BEFORE DELETE ON activity BEGIN"
                           " SELECT RAISE(ABORT, 'the disk is full'); END",
                           NULL, NULL, NULL),
              SQLITE_OK);
    sqlite3_close(h);
    char args[800];
    snprintf(args, sizeof args, "import '%s'", tcx);
    CHECK_INT(run(args), 3);
    char *e = slurp(err);
    CHECK(strstr(e, "cannot take out the whole file: the disk is full"));
    free(e);
    CHECK_INT(count_sql("SELECT count(*) FROM activity"), 2);
    char q[200];
    snprintf(q, sizeof q, "SELECT count(*) FROM activity WHERE id = %lld AND gear = 'Pegasus 40'",
             (long long)whole);
    CHECK_INT(count_sql(q), 1);
    CHECK_INT(count_sql("SELECT count(*) FROM activity_also"), 1);
    CHECK_INT(sqlite3_open(db, &h), SQLITE_OK);
    CHECK_INT(sqlite3_exec(h, "DROP TRIGGER keep", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    CHECK_INT(run(args), 0);
    CHECK_INT(count_sql("SELECT count(*) FROM activity"), 3);
}

/* Killed at any moment of the re-import, the database holds either the
 * whole or all its outings, never both, never neither. */
static void test_killed_anywhere(void)
{
    setup();
    old_tcx_db(true, true);
    char copy[700];
    snprintf(copy, sizeof copy, "%s/keep.db", dir);
    char cmd[4000];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", db, copy);
    CHECK_INT(system(cmd), 0);
    int saw_whole = 0, saw_split = 0;
    for (int k = 0; k < 12; k++) {
        snprintf(cmd, sizeof cmd, "cp '%s' '%s' && rm -f '%s-wal' '%s-shm'", copy, db, db, db);
        CHECK_INT(system(cmd), 0);
        pid_t pid = fork();
        if (pid == 0) {
            int fd = open("/dev/null", O_WRONLY);
            dup2(fd, 1);
            dup2(fd, 2);
            execl(prog(), prog(), "--db", db, "import", tcx, (char *)NULL);
            _exit(127);
        }
        struct timespec ts = {0, (long)k * 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int st;
        waitpid(pid, &st, 0);
        long whole = count_sql("SELECT count(*) FROM activity WHERE gear = 'Pegasus 40'"
                               " AND format = 'tcx' AND sport <> 'cycling' AND distance_m > 100000");
        long outings = count_sql("SELECT count(*) FROM activity WHERE format = 'tcx'"
                                 " AND distance_m < 100000 OR sport = 'cycling'");
        CHECK((whole == 1 && outings == 0) || (whole == 0 && outings == 2));
        CHECK_INT(count_sql("SELECT count(*) FROM activity WHERE file LIKE '%#222'"), 1);
        CHECK_INT(count_sql("SELECT count(*) FROM activity_also"), 1);
        saw_whole += whole == 1;
        saw_split += whole == 0;
    }
    fprintf(stderr, "  killed 12 times: %d before the replacement, %d after\n", saw_whole,
            saw_split);
}

/* Bad inputs: each a clear error, and the whole stays as it was. */
static void test_bad_inputs_store_nothing(void)
{
    setup();
    int64_t whole = old_tcx_db(true, false);
    char args[2000], q[200];
    snprintf(q, sizeof q, "SELECT count(*) FROM activity WHERE id = %lld", (long long)whole);
    /* every outing dated after the day taken as today */
    snprintf(args, sizeof args, "--today 2013-01-01 import '%s'", tcx);
    CHECK_INT(run(args), 1);
    char *e = slurp(err);
    CHECK(strstr(e, "it is dated 2017-08-29, after today: it was not stored"));
    CHECK(strstr(e, "it is dated 2013-10-12, after today: it was not stored"));
    /* runner23: each refused outing is named, as its other lines are */
    CHECK(strstr(e, "the cycling outing that started 2013-10-12"));
    CHECK(strstr(e, "outing that started 2017-08-29"));
    free(e);
    CHECK_INT(count_sql(q), 1);
    CHECK_INT(count_sql("SELECT count(*) FROM activity"), 2);
    /* the file cut in its first outing's header: not the same file, not XML */
    char cut[700];
    snprintf(cut, sizeof cut, "%s/cut.tcx", dir);
    snprintf(args, sizeof args, "head -c 300 '%s' > '%s'", tcx, cut);
    CHECK_INT(system(args), 0);
    snprintf(args, sizeof args, "import '%s'", cut);
    CHECK_INT(run(args), 1);
    e = slurp(err);
    CHECK(strstr(e, "cut.tcx: "));
    free(e);
    /* --json: the failure in the document, exit 1 */
    snprintf(args, sizeof args, "import --json '%s'", cut);
    CHECK_INT(run(args), 1);
    e = slurp(out);
    json_error_t je;
    json_t *j = json_loads(e, 0, &je);
    CHECK(j != NULL);
    json_t *x = json_array_get(json_object_get(j, "results"), 0);
    CHECK_STR(json_string_value(json_object_get(x, "status")), "failed");
    CHECK(json_string_value(json_object_get(x, "message")) != NULL);
    CHECK(json_is_null(json_object_get(x, "activity_id")));
    CHECK_INT(json_integer_value(json_object_get(j, "failed")), 1);
    json_decref(j);
    free(e);
    CHECK_INT(count_sql(q), 1);
    CHECK_INT(count_sql("SELECT count(*) FROM activity"), 2);
    /* a database that cannot be written (read-only file) */
    snprintf(args, sizeof args, "chmod a-w '%s'", db);
    CHECK_INT(system(args), 0);
    if (access(db, W_OK) != 0) { /* not as root */
        snprintf(args, sizeof args, "import '%s'", tcx);
        CHECK(run(args) != 0);
    }
    snprintf(args, sizeof args, "chmod u+w '%s'", db);
    CHECK_INT(system(args), 0);
    CHECK_INT(count_sql(q), 1);
    CHECK_INT(count_sql("SELECT count(*) FROM activity"), 2);
}

/* words27: a cut file stored as several outings or legs names the outing
 * or leg its warning is about, as the import's other lines name them
 * ("two.tcx: the cycling outing that started 2013-10-12 18:17: ..."), on
 * the terminal and in --json's message; before, each said only the file. */
static void test_cut_outing_named(void)
{
    setup();
    snprintf(db, sizeof db, "%s/cut.db", dir);
    char cut[700], args[4000];
    /* the TCX cut inside its second outing, the ride (its last 2 kB) */
    snprintf(cut, sizeof cut, "%s/cut3.tcx", dir);
    snprintf(args, sizeof args, "head -c $(( $(wc -c < '%s') - 2000 )) '%s' > '%s'", tcx, tcx,
             cut);
    CHECK_INT(system(args), 0);
    snprintf(args, sizeof args, "import '%s'", cut);
    CHECK_INT(run(args), 0);
    char *e = slurp(err);
    CHECK(strstr(e, "cut3.tcx: the cycling outing that started 2013-10-12 18:17: warning: "));
    CHECK(!strstr(e, "cut3.tcx: warning:"));
    CHECK(!strstr(e, "running outing")); /* the run before the cut was whole */
    free(e);
    CHECK_INT(count_sql("SELECT count(*) FROM activity"), 2);
    /* a multisport FIT cut in its run leg: its truncation is the file's,
     * so it is said once, naming every leg stored from it (code24: it was
     * said three times, once a leg) */
    char fcut[700];
    snprintf(fcut, sizeof fcut, "%s/tri_cut.fit", dir);
    snprintf(args, sizeof args, "head -c 150000 '%s' > '%s'", fitf, fcut);
    CHECK_INT(system(args), 0);
    snprintf(db, sizeof db, "%s/cut_fit.db", dir);
    snprintf(args, sizeof args, "import '%s'", fcut);
    CHECK_INT(run(args), 0);
    e = slurp(err);
    CHECK(strstr(e, "tri_cut.fit: the swimming leg that started 2023-09-02 08:15, the cycling leg "
                    "that started 2023-09-02 08:29 and the running leg that started 2023-09-02 "
                    "08:56: warning: the file is cut off before its end: the recording stops "));
    CHECK_INT(lines_with(e, ": warning: "), 1);
    CHECK(!strstr(e, "tri_cut.fit: warning:"));
    free(e);
    /* --json: the one message, with the first leg; the others' null */
    snprintf(db, sizeof db, "%s/cut_fit2.db", dir);
    snprintf(args, sizeof args, "import --json '%s'", fcut);
    CHECK_INT(run(args), 0);
    e = slurp(out);
    json_error_t je;
    json_t *j = json_loads(e, 0, &je);
    CHECK(j != NULL);
    json_t *rs = json_object_get(j, "results");
    CHECK_INT((long)json_array_size(rs), 3);
    const char *m0 = json_string_value(json_object_get(json_array_get(rs, 0), "message"));
    for (size_t i = 0; i < json_array_size(rs); i++) {
        json_t *x = json_array_get(rs, i);
        json_t *part = json_object_get(x, "part");
        const char *sp = json_string_value(json_object_get(part, "sport"));
        const char *at = json_string_value(json_object_get(part, "start_local"));
        char leg[120];
        snprintf(leg, sizeof leg, "the %s leg that started %.10s %.5s", sp ? sp : "?",
                 at ? at : "?", at && strlen(at) > 11 ? at + 11 : "?");
        CHECK(m0 && strstr(m0, leg));
        if (i)
            CHECK(json_is_null(json_object_get(x, "message")));
    }
    CHECK(m0 && strstr(m0, " and the running leg that started 2023-09-02 08:56: the file is cut "
                           "off before its end: the recording stops "));
    json_decref(j);
    free(e);
}

/* code24: every triathlon of the corpus, cut short so that two legs or more
 * are stored from it: one warning line for the file (import and inspect
 * alike), naming each leg stored, as --json's parts name them. */
static void test_cut_triathlons_warn_once(void)
{
    setup();
    static const struct {
        const char *file;
        long cut; /* bytes kept */
        int legs; /* legs stored from what is left */
    } tri[] = {
        {"fit/muktihari_triathlon_summary_first.fit", 210000, 3},
        {"fit/gc_MultiSport-2019-11-24.fit", 3000000, 2},
        {"fit/sportslib_20181013_kona_ironman.fit", 1900000, 2},
        {"fit/fitparse_sample_mulitple_header.fit", 70000, 3},
    };
    for (size_t t = 0; t < sizeof tri / sizeof *tri; t++) {
        char fcut[700], args[2000];
        snprintf(fcut, sizeof fcut, "%s/tri%zu.fit", dir, t);
        snprintf(args, sizeof args, "head -c %ld '%s%s' > '%s'", tri[t].cut, C, tri[t].file, fcut);
        CHECK_INT(system(args), 0);
        snprintf(db, sizeof db, "%s/tri%zu.db", dir, t);
        snprintf(args, sizeof args, "import --json '%s'", fcut);
        CHECK_INT(run(args), 0);
        char *o = slurp(out);
        json_error_t je;
        json_t *j = json_loads(o, 0, &je);
        json_t *rs = json_object_get(j, "results");
        CHECK_INT((long)json_array_size(rs), tri[t].legs);
        char legs[8][120];
        int n = 0, said = 0;
        for (size_t i = 0; i < json_array_size(rs) && n < 8; i++) {
            json_t *x = json_array_get(rs, i), *part = json_object_get(x, "part");
            const char *sp = json_string_value(json_object_get(part, "sport"));
            const char *at = json_string_value(json_object_get(part, "start_local"));
            CHECK_STR(json_string_value(json_object_get(part, "kind")), "leg");
            snprintf(legs[n++], sizeof legs[0], "the %s leg that started %.10s %.5s",
                     sp ? sp : "?", at ? at : "?", at && strlen(at) > 11 ? at + 11 : "?");
            said += json_is_string(json_object_get(x, "message"));
        }
        CHECK_INT(said, 1);
        json_decref(j);
        free(o);
        /* the terminal: a new database, one line naming every leg */
        snprintf(db, sizeof db, "%s/tri%zu_t.db", dir, t);
        snprintf(args, sizeof args, "import '%s'", fcut);
        CHECK_INT(run(args), 0);
        char *e = slurp(err);
        CHECK_INT(lines_with(e, ": warning: "), 1);
        CHECK(strstr(e, "the file is cut off before its end: the recording stops ") != NULL);
        for (int i = 0; i < n; i++)
            CHECK(strstr(e, legs[i]) != NULL);
        free(e);
        /* inspect (nothing stored) says it once too */
        snprintf(args, sizeof args, "inspect '%s'", fcut);
        CHECK_INT(run(args), 0);
        e = slurp(err);
        CHECK_INT(lines_with(e, ": warning: "), 1);
        for (int i = 0; i < n; i++)
            CHECK(strstr(e, legs[i]) != NULL);
        free(e);
        remove(fcut);
    }
}

int main(void)
{
    RUN(test_tcx_whole_replaced_by_its_outings);
    RUN(test_tcx_whole_plain);
    RUN(test_fit_whole_replaced_by_its_legs);
    RUN(test_split_is_one_transaction);
    RUN(test_killed_anywhere);
    RUN(test_bad_inputs_store_nothing);
    RUN(test_cut_outing_named);
    RUN(test_cut_triathlons_warn_once);
    return TEST_END();
}
