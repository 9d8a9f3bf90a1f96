/* SPDX-License-Identifier: MIT */
/*
 * Benchmark of the training-load report: 10 years of daily data (3,650
 * days, 4,000 activities: a run most days, some doubles, strength sessions,
 * tracks on a few routes, heart rate, cadence, two pairs of shoes a year, a
 * pain entry a week) in a temporary database, then the whole report (build
 * from the store, JSON, text and SVG) timed over several rounds. Target:
 * under 50 ms. Fixed seed; prints a checksum of the outputs so a broken
 * build cannot pass as a fast one.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "runhip/load.h"

#define DAYS 3650
#define ACTIVITIES 4000
#define ROUNDS 15

static int add(struct rh_store *s, int32_t day, int slot, bool strength, uint64_t hash)
{
    struct rh_activity a;
    rh_activity_init(&a);
    a.format = RH_FMT_FIT;
    a.has_start = true;
    a.start_utc = (int64_t)day * 86400 + 6 * 3600 + slot * 5 * 3600;
    a.content_hash = hash;
    a.n_records = 1000;
    a.file = rh_strdup("bench.fit");
    a.device = rh_strdup("bench");
    struct rh_trackpt pts[128];
    if (strength) {
        a.sport = RH_SPORT_STRENGTH;
        a.total_timer_s = 1800;
    } else {
        a.sport = RH_SPORT_RUNNING;
        double km = 5 + 10 * rnd() + (day % 7 == 6 ? 10 : 0);
        a.total_distance_m = km * 1000;
        a.total_timer_s = km * (300 + 60 * rnd());
        a.avg_hr = 130 + 30 * rnd();
        a.max_hr = a.avg_hr + 20;
        a.avg_cadence_spm = 160 + 20 * rnd();
        a.avg_temperature_c = 5 + 25 * rnd();
        a.elevation_gain_m = 200 * rnd();
        char gear[32];
        snprintf(gear, sizeof gear, "pair %d", day / 180);
        a.gear = rh_strdup(gear);
        int route = (int)(rnd() * 4);
        for (int i = 0; i < 128; i++) {
            double t = 2 * M_PI * i / 128;
            pts[i].lat_e7 = (int32_t)lround((47.0 + 0.04 * route + 0.01 * sin(t)) * 1e7);
            pts[i].lon_e7 = (int32_t)lround((8.0 + 0.015 * cos(t)) * 1e7);
        }
        a.track = pts;
        a.n_track = 128;
        a.has_gps = true;
    }
    struct rh_err e;
    int r = rh_store_activity_add(s, &a, NULL, &e);
    if (r)
        fprintf(stderr, "bench_load: %s\n", e.msg);
    a.track = NULL;
    a.n_track = 0;
    rh_activity_release(&a);
    return r;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    char dir[] = "/tmp/runhip-bench-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char path[64];
    snprintf(path, sizeof path, "%s/load.db", dir);
    struct rh_store *s;
    struct rh_err e;
    if (rh_store_open(path, 0, &s, &e)) {
        fprintf(stderr, "bench_load: %s\n", e.msg);
        return 1;
    }
    int32_t day0 = rh_days_from_civil(2016, 1, 1);
    uint64_t hash = 1;
    int n = 0;
    rh_store_begin(s, &e);
    /* 3,650 days: a run on ~85% of days, doubles and strength sessions to
     * make up 4,000 activities */
    for (int d = 0; d < DAYS && n < ACTIVITIES; d++) {
        bool rest = rnd() < 0.15;
        if (!rest && !add(s, day0 + d, 0, false, hash++))
            n++;
        int left_days = DAYS - d - 1;
        double want = (double)(ACTIVITIES - n) / (left_days ? left_days : 1);
        if (n < ACTIVITIES && (rest || rnd() < want - 0.85) &&
            !add(s, day0 + d, 1, rnd() < 0.6, hash++))
            n++;
        if (d % 7 == 3) {
            struct rh_pain_entry p = {0};
            p.day = day0 + d;
            p.pain = (int)(rnd() * 5);
            p.during_run = p.next_morning = -1;
            rh_store_pain_add(s, &p, NULL, NULL);
        }
        if (d % 4 == 1) {
            struct rh_session ss = {0};
            ss.day = day0 + d;
            ss.kind = RH_SESSION_MOBILITY;
            ss.minutes = 20;
            ss.rpe = -1;
            rh_store_session_add(s, &ss, NULL, NULL);
        }
    }
    while (n < ACTIVITIES && !add(s, day0 + DAYS - 1, 2 + n, true, hash++))
        n++;
    if (rh_store_commit(s, &e)) {
        fprintf(stderr, "bench_load: %s\n", e.msg);
        return 1;
    }
    int32_t as_of = day0 + DAYS - 1;
    double t[ROUNDS], tb[ROUNDS], tj[ROUNDS], tc[ROUNDS];
    uint64_t sum = 0;
    size_t n_findings = 0, bytes = 0;
    for (int k = 0; k < ROUNDS; k++) {
        double t0 = now_ms(), c0 = cpu_ms();
        struct rh_load_report r;
        if (rh_load_report_build(s, as_of, &r, &e)) {
            fprintf(stderr, "bench_load: %s\n", e.msg);
            return 1;
        }
        double t1 = now_ms();
        struct rh_buf b;
        rh_buf_init(&b, 0);
        rh_load_write_json(&r, &b);
        double t2 = now_ms();
        rh_load_write_text(&r, &b);
        rh_load_write_svg(&r, &b);
        t[k] = now_ms() - t0;
        tc[k] = cpu_ms() - c0;
        tb[k] = t1 - t0;
        tj[k] = t2 - t1;
        if (k == 0) {
            for (size_t i = 0; i < b.len; i++)
                sum = sum * 31 + (unsigned char)b.data[i];
            n_findings = r.n_findings;
            bytes = b.len;
            printf("history: %zu days, %zu runs, %zu weeks, %ld activities stored\n", r.n_days,
                   r.n_runs, r.n_weeks, rh_store_activity_count(s, NULL));
        }
        rh_buf_release(&b);
        rh_load_report_release(&r);
    }
    qsort(t, ROUNDS, sizeof *t, cmp);
    qsort(tb, ROUNDS, sizeof *tb, cmp);
    qsort(tj, ROUNDS, sizeof *tj, cmp);
    qsort(tc, ROUNDS, sizeof *tc, cmp);
    printf("  of which: build %.1f ms, JSON %.1f ms (medians)\n", tb[ROUNDS / 2], tj[ROUNDS / 2]);
    printf("load report (build + JSON + text + SVG), 10 years: median %.1f ms wall, %.1f ms "
           "CPU, min %.1f ms wall, over %d rounds (target < 50 ms)\n",
           t[ROUNDS / 2], tc[ROUNDS / 2], t[0], ROUNDS);
    printf("output %zu bytes, %zu findings, checksum %016llx\n", bytes, n_findings,
           (unsigned long long)sum);
    rh_store_close(s);
    if (getenv("BENCH_KEEP")) {
        printf("kept %s\n", path);
        return 0;
    }
    unlink(path);
    char side[80];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    rmdir(dir);
    /* CPU time: a busy machine stretches the wall time, not the work */
    return tc[ROUNDS / 2] < 50 ? 0 : 1;
}
