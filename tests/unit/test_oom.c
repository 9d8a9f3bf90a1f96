/* SPDX-License-Identifier: MIT */
/*
 * Every allocation of an import and of an assessment failing in turn
 * (issue 15): the n-th allocation through the library's seam (jansson's
 * included) fails, for n = 1, 2, ... until a run makes no more than n. Each
 * run must end without a crash or a leak (ASan checks at exit), with a
 * clear error when it fails, and with nothing half-stored: the activities
 * in the store are whole, the assessment is stored whole or not at all.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include "harness.h"
#include "runhip/assess.h"
#include "runhip/import.h"
#include "runhip/intake.h"
#include "runhip/store.h"

static const char gpx[] =
    "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\"><trk><name>Easy \xC3\xA9</name>"
    "<type>running</type><trkseg>"
    "<trkpt lat=\"47.0\" lon=\"8.0\"><ele>400</ele><time>2024-05-01T06:00:00Z</time></trkpt>"
    "<trkpt lat=\"47.001\" lon=\"8.001\"><ele>401</ele><time>2024-05-01T06:00:10Z</time></trkpt>"
    "<trkpt lat=\"47.002\" lon=\"8.002\"><ele>402</ele><time>2024-05-01T06:00:20Z</time></trkpt>"
    "</trkseg></trk></gpx>\n";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
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

struct seen {
    long failed_oom, failed_other;
};

static void on_result(void *ctx, const struct rh_import_result *r)
{
    struct seen *s = ctx;
    if (r->status != RH_IMPORT_FAILED)
        return;
    if (!r->err || !r->err->msg[0])
        s->failed_other += 1000; /* a failure without words */
    else if (r->err->code == RH_ENOMEM)
        s->failed_oom++;
    else {
        s->failed_other++;
        fprintf(stderr, "  %s: failed with %s, not out of memory: %s\n", r->name,
                rh_errname(r->err->code), r->err->msg);
    }
}

static void test_every_allocation_of_an_import_fails_in_turn(void)
{
    const char *dir = test_tmpdir();
    char files[600], db[600], p[700];
    snprintf(files, sizeof files, "%s/files", dir);
    snprintf(db, sizeof db, "%s/oom.db", dir);
    mkdir(files, 0700);
    snprintf(p, sizeof p, "%s/a.gpx", files);
    write_file(p, gpx);
    snprintf(p, sizeof p, "%s/notes.txt", files);
    write_file(p, "not an activity");
    struct rh_store *s = NULL;
    CHECK_INT(rh_store_open(db, 0, &s, NULL), 0);
    if (!s)
        return;
    const char *paths[] = {files};
    long n = 1, runs = 0;
    for (; n < 100000; n++) {
        rh_store_close(s);
        raw_exec(db, "DELETE FROM activity");
        s = NULL;
        if (rh_store_open(db, 0, &s, NULL) || !s)
            break;
        struct seen seen = {0, 0};
        struct rh_import_opts o = {.store = s, .threads = 1, .on_result = on_result, .ctx = &seen};
        struct rh_import_stats st;
        struct rh_err err;
        rh_err_clear(&err);
        rh_alloc_fail_after(n);
        int r = rh_import_run(paths, 1, &o, &st, &err);
        long made = rh_alloc_fail_after(0);
        runs++;
        if (r) {
            CHECK_INT(r, RH_ENOMEM);
            CHECK(err.msg[0] != '\0');
            if (r != RH_ENOMEM)
                fprintf(stderr, "  allocation %ld: %s: %s\n", n, rh_errname(r), err.msg);
        }
        CHECK_INT(seen.failed_other, 0);
        /* whatever is stored is whole */
        struct rh_activity *acts = NULL;
        size_t na = 0;
        CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, RH_STORE_WITH_UNDATED, &acts, &na,
                                      NULL),
                  0);
        CHECK(na <= 1);
        if (na == 1) {
            CHECK_INT(acts[0].n_records, 3);
            CHECK(acts[0].name && strcmp(acts[0].name, "Easy \xC3\xA9") == 0);
        }
        bool complete = r == 0 && st.imported == 1 && st.failed == 0;
        if (r == 0) /* what import counted is what the store holds */
            CHECK_INT((long)na, st.imported);
        rh_activity_array_free(acts, na);
        if (made < n) { /* no allocation failed: the walk of failures is over */
            CHECK(complete);
            break;
        }
    }
    rh_store_close(s);
    printf("  import: %ld runs, each failing one more allocation\n", runs);
    CHECK(runs > 20);
}

static const char intake[] = "{\"age\": 48, \"sex\": \"male\", \"location\": [\"outer\", "
                             "\"outer_thigh\"], \"worse_with\": [\"lying_on_side\", \"stairs\"],"
                             " \"test_press_outer\": true, \"sitting_hours\": 7.5}";

static void test_every_allocation_of_an_assessment_fails_in_turn(void)
{
    const char *dir = test_tmpdir();
    char db[600];
    snprintf(db, sizeof db, "%s/a.db", dir);
    struct rh_store *s = NULL;
    CHECK_INT(rh_store_open(db, 0, &s, NULL), 0);
    if (!s)
        return;
    static struct rh_assessment a;
    long n = 1, runs = 0, stored = 0;
    for (; n < 100000; n++) {
        struct rh_intake in;
        struct rh_err err;
        rh_err_clear(&err);
        struct rh_buf res, text, ij;
        rh_buf_init(&res, 0);
        rh_buf_init(&text, 0);
        rh_buf_init(&ij, 0);
        rh_alloc_fail_after(n);
        int r = rh_intake_parse(intake, strlen(intake), &in, &err);
        if (!r)
            r = rh_assess(&in, &a, &err);
        if (!r)
            r = rh_assessment_to_json(&a, &res);
        if (!r)
            r = rh_assessment_to_text(&a, &text);
        if (!r)
            r = rh_intake_to_json(&in, &ij);
        int64_t id = 0;
        if (!r)
            r = rh_store_assessment_add(s, (int64_t)time(NULL), ij.data, res.data, &id, &err);
        long made = rh_alloc_fail_after(0);
        runs++;
        if (r) {
            CHECK(r == RH_ENOMEM || r == RH_ELIMIT);
            if (r != RH_ENOMEM && r != RH_ELIMIT)
                fprintf(stderr, "  allocation %ld: %s: %s\n", n, rh_errname(r), err.msg);
        } else {
            stored++;
            /* what was stored reads back whole */
            int64_t lid, t;
            char *ri = NULL, *rr = NULL;
            CHECK_INT(rh_store_assessment_latest(s, &lid, &t, &ri, &rr, NULL), 0);
            CHECK(ri && rr && strcmp(rr, res.data) == 0 && strcmp(ri, ij.data) == 0);
            rh_free(ri);
            rh_free(rr);
        }
        rh_buf_release(&res);
        rh_buf_release(&text);
        rh_buf_release(&ij);
        if (made < n) {
            CHECK_INT(r, 0);
            break;
        }
    }
    rh_store_close(s);
    printf("  assessment: %ld runs, %ld stored\n", runs, stored);
    CHECK(runs > 20);
}

/* The step between the allocations failed by a walk that would otherwise
 * be long: every one when RH_OOM_STRIDE=1 (a full walk, by hand), else
 * about `runs` runs spread over the `total` allocations, the first 40 all
 * visited. */
static long walk_step(long n, long total, long runs)
{
    const char *e = getenv("RH_OOM_STRIDE");
    long stride = e && *e ? atol(e) : total / runs;
    if (stride < 1 || n < 40)
        return 1;
    return stride;
}

static long pain_count(const char *db, int *bad_notes)
{
    struct rh_store *s = NULL;
    struct rh_pain_entry *e = NULL;
    size_t n = 0;
    if (rh_store_open(db, 0, &s, NULL)) /* an empty file is set up as new */
        return -1;
    if (rh_store_pain_list(s, 0, 40000, &e, &n, NULL))
        n = (size_t)-1;
    for (size_t i = 0; i < n && n != (size_t)-1; i++)
        if (!e[i].note || strcmp(e[i].note, "stiff \xC3\xA9") != 0 || e[i].pain != 4)
            ++*bad_notes;
    rh_pain_array_free(e, n == (size_t)-1 ? 0 : n);
    rh_store_close(s);
    return (long)n;
}

/* SQLite's own allocations go through the seam too: creating a database
 * (every migration), storing a diary entry and closing, with each
 * allocation failing in turn (a bounded walk: see walk_step). No crash, no
 * leak, out of memory said as such, and the file is whole afterwards:
 * opened again it holds the entry whole or not at all. */
static void test_sqlite_allocations_fail_in_turn(void)
{
    const char *dir = test_tmpdir();
    char db[600];
    long total = 0, runs = 0, failed = 0;
    for (long n = 0;; ) {
        snprintf(db, sizeof db, "%s/s%ld.db", dir, n);
        struct rh_err err;
        rh_err_clear(&err);
        char note[] = "stiff \xC3\xA9";
        struct rh_pain_entry e = {.day = 20000, .pain = 4, .during_run = -1, .next_morning = -1,
                                  .note = note};
        struct rh_store *s = NULL;
        rh_alloc_fail_after(n);
        int r = rh_store_open(db, 0, &s, &err);
        if (!r)
            r = rh_store_pain_add(s, &e, NULL, &err);
        rh_store_close(s);
        long made = rh_alloc_fail_after(0);
        if (n == 0) { /* the dry run: how many allocations there are */
            CHECK_INT(r, 0);
            total = made;
            n = 1;
            continue;
        }
        runs++;
        if (r) {
            failed++;
            CHECK_INT(r, RH_ENOMEM);
            if (r != RH_ENOMEM)
                fprintf(stderr, "  allocation %ld: %s: %s\n", n, rh_errname(r), err.msg);
        }
        int bad = 0;
        long have = access(db, F_OK) == 0 ? pain_count(db, &bad) : 0;
        CHECK(have == (r ? 0 : 1));
        CHECK_INT(bad, 0);
        if (have != (r ? 0 : 1))
            fprintf(stderr, "  allocation %ld: %ld entries after %s\n", n, have, rh_errname(r));
        char side[700];
        remove(db);
        snprintf(side, sizeof side, "%s-wal", db);
        remove(side);
        snprintf(side, sizeof side, "%s-shm", db);
        remove(side);
        if (made < n) /* no allocation failed: past the last one */
            break;
        n += walk_step(n, total, 150);
    }
    printf("  create and store: %ld allocations (SQLite's included), %ld runs, %ld failed\n",
           total, runs, failed);
    CHECK(total > 200); /* SQLite's allocations are counted */
    CHECK(runs > 40);
}

int main(void)
{
    RUN(test_every_allocation_of_an_import_fails_in_turn);
    RUN(test_every_allocation_of_an_assessment_fails_in_turn);
    RUN(test_sqlite_allocations_fail_in_turn);
    return TEST_END();
}
