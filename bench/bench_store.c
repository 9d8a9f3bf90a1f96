/* SPDX-License-Identifier: MIT */
/*
 * The cost of storing one activity as the history grows (issue 9: "import
 * of a 10,000-activity history under the same per-file cost, no quadratic
 * scan"). Puts N synthetic activities (default 10,000: 27 years of a run
 * most days, some doubles, a few multi-day events, each with a 128-point
 * track and its splits, like a decoded file) into a fresh temporary
 * database, each in its own transaction through rh_store_activity_put, the
 * call the import makes, so every put runs the duplicate search (content
 * hash, then the overlap search). Prints the time per activity for each
 * block of 1,000, then two passes over the full store: every file again
 * (found by its hash) and a second recording of every 10th outing (a
 * different file overlapping it: found by the overlap search). A put that
 * scanned the table would cost ten times more in the last block than in
 * the first.
 *
 *   build/rel/bench/bench_store [N [KEEP.db]]
 *
 * With KEEP.db the database is written there and kept (the history for an
 * import timed on top of it; bench/README.md), else in a temporary folder
 * removed at the end.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "runhip/store.h"

#define BLOCK 1000

/* Activity i of the history: start, duration and sport are a function of
 * i alone, so the passes can make the same outing again. */
static void make(struct rh_activity *a, long i, uint64_t hash, const char *file)
{
    rh_activity_init(a);
    a->format = RH_FMT_FIT;
    a->has_start = true;
    /* 0.95 days apart on average: some days have two */
    a->start_utc = 946684800 + (int64_t)i * 82080 + (i % 7) * 1800;
    /* a multi-day cycling tour now and then, runs in the days it covers */
    bool multi = i % 997 == 0;
    a->sport = multi ? RH_SPORT_CYCLING
               : i % 997 > 3 && i % 11 == 0 ? RH_SPORT_CYCLING
                                            : RH_SPORT_RUNNING;
    a->total_elapsed_s = a->total_timer_s = multi ? 60 * 3600.0 : 1800 + (double)(i % 60) * 60;
    a->total_distance_m = a->total_timer_s * (a->sport == RH_SPORT_CYCLING ? 7.0 : 3.0);
    a->n_records = (long)a->total_timer_s;
    a->has_summary = true;
    a->avg_hr = 140 + (double)(i % 20);
    a->content_hash = hash;
    a->file = rh_strdup(file);
    a->device = rh_strdup("bench watch");
    a->n_track = 128;
    a->track = rh_calloc(a->n_track, sizeof *a->track);
    for (size_t k = 0; a->track && k < a->n_track; k++) {
        a->track[k].lat_e7 = 480000000 + (int32_t)(k * 900) + (int32_t)(rnd() * 100);
        a->track[k].lon_e7 = 20000000 + (int32_t)(k * 700);
    }
    a->n_splits = (size_t)(a->total_distance_m / 1000) % 64;
    a->splits = rh_calloc(a->n_splits ? a->n_splits : 1, sizeof *a->splits);
    for (size_t k = 0; a->splits && k < a->n_splits; k++)
        a->splits[k] = (struct rh_split){1000, 300, 150, 170, 5};
}

static int put(struct rh_store *s, long i, uint64_t hash, const char *file,
               enum rh_store_put_outcome want)
{
    struct rh_activity a;
    make(&a, i, hash, file);
    struct rh_store_put res;
    struct rh_err e;
    int r = rh_store_activity_put(s, &a, &res, &e);
    rh_activity_release(&a);
    if (r) {
        fprintf(stderr, "bench_store: put %ld: %s\n", i, e.msg);
        return 1;
    }
    if (res.outcome != want) {
        fprintf(stderr, "bench_store: put %ld: outcome %d, expected %d\n", i, res.outcome, want);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 10000;
    if (n < BLOCK || n > 1000000) {
        fprintf(stderr, "usage: bench_store [N >= %d]\n", BLOCK);
        return 2;
    }
    char dir[] = "/tmp/runhip-bench-store-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char path[4096];
    bool keep = argc > 2;
    snprintf(path, sizeof path, "%s", keep ? argv[2] : dir);
    if (!keep)
        snprintf(path + strlen(path), sizeof path - strlen(path), "/b.db");
    struct rh_store *s = NULL;
    struct rh_err e;
    int bad = 0;
    if (rh_store_open_tz(path, 0, "UTC", &s, &e)) {
        fprintf(stderr, "bench_store: %s\n", e.msg);
        bad = 1;
        goto out;
    }
    printf("%ld activities, each put in its own transaction (duplicate search included)\n", n);
    printf("%10s %14s %14s\n", "stored", "wall ms/put", "CPU ms/put");
    double first = 0, last = 0, at2000 = 0, t0 = now_ms(), tb = t0;
    double cfirst = 0, clast = 0, c0 = cpu_ms(), cb = c0;
    for (long i = 0; i < n && !bad; i++) {
        char f[32];
        snprintf(f, sizeof f, "a%06ld.fit", i);
        bad = put(s, i, 0x1000000ull + (uint64_t)i, f, RH_STORE_ADDED);
        if ((i + 1) % BLOCK == 0) {
            double t = now_ms(), per = (t - tb) / BLOCK, c = cpu_ms(), cper = (c - cb) / BLOCK;
            printf("%10ld %14.3f %14.3f\n", i + 1, per, cper);
            if (i + 1 == BLOCK) {
                first = per;
                cfirst = cper;
            }
            if (i + 1 == 2000)
                at2000 = per;
            last = per;
            clast = cper;
            tb = t;
            cb = c;
        }
    }
    double all = now_ms() - t0, call = cpu_ms() - c0;
    /* every file again: found by its content hash */
    double t1 = now_ms(), c1 = cpu_ms();
    for (long i = 0; i < n && !bad; i++) {
        char f[32];
        snprintf(f, sizeof f, "a%06ld.fit", i);
        bad = put(s, i, 0x1000000ull + (uint64_t)i, f, RH_STORE_DUPLICATE);
    }
    double again = (now_ms() - t1) / (double)n, cagain = (cpu_ms() - c1) / (double)n;
    /* a second recording (another file) of every 10th outing: found by overlap */
    double t2 = now_ms(), c2 = cpu_ms();
    long m = 0;
    for (long i = 0; i < n && !bad; i += 10, m++) {
        char f[32];
        snprintf(f, sizeof f, "b%06ld.gpx", i);
        bad = put(s, i, 0x9000000000ull + (uint64_t)i, f, RH_STORE_DUPLICATE);
    }
    double overlap = m ? (now_ms() - t2) / (double)m : 0;
    double coverlap = m ? (cpu_ms() - c2) / (double)m : 0;
    long count = rh_store_activity_count(s, &e);
    printf("all %ld: %.0f ms wall, %.0f ms CPU; wall ms/put in the block of 1,000 ending at "
           "1,000 stored %.3f, at 2,000 %.3f, at %ld %.3f (last/first %.2f); CPU ms/put first "
           "block %.3f, last %.3f (last/first %.2f)\n",
           n, all, call, first, at2000, n, last, last / first, cfirst, clast, clast / cfirst);
    printf("again (same files, found by hash): %.3f wall, %.3f CPU ms/put; other files of %ld "
           "outings (found by overlap): %.3f wall, %.3f CPU ms/put\n",
           again, cagain, m, overlap, coverlap);
    printf("stored: %ld activities (expected %ld)\n", count, n);
    if (count != n)
        bad = 1;
out:
    rh_store_close(s);
    const char *sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; !keep && i < 3; i++) {
        char p[4200];
        snprintf(p, sizeof p, "%s%s", path, sfx[i]);
        unlink(p);
    }
    rmdir(dir);
    return bad;
}
