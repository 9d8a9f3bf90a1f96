/* SPDX-License-Identifier: MIT */
/*
 * Synthetic training histories for the load tests and the benchmark: runs
 * inserted with rh_store_activity_add into a fresh temporary database, at
 * 07:00 UTC on the given day, with a loop track around one of a few
 * far-apart centres when a route number is given.
 */
#ifndef RUNHIP_TEST_LOAD_SYNTH_H
#define RUNHIP_TEST_LOAD_SYNTH_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/activity.h"
#include "runhip/store.h"

/* A day number well inside the calendar: Monday 2026-01-05. */
#define SYN_DAY0 20458

struct syn_run {
    double km, minutes;
    double cad, hr, temp; /* NAN when absent */
    const char *gear;
    int route; /* -1: no track */
    enum rh_sport sport;
    double climb; /* metres up in all (0: none recorded) */
};

static uint64_t syn_hash = 1000;

static inline struct syn_run syn_plain(double km, double minutes)
{
    struct syn_run r = {km, minutes, NAN, NAN, NAN, NULL, -1, RH_SPORT_RUNNING, 0};
    return r;
}

/* Opens a new store in a fresh temporary folder (aborts the test program
 * when it cannot: nothing else can run). */
static inline struct rh_store *syn_open(char *path, size_t n)
{
    snprintf(path, n, "%s/load.db", test_tmpdir());
    struct rh_store *s = NULL;
    struct rh_err e;
    if (rh_store_open_tz(path, 0, "UTC", &s, &e)) { /* days are UTC days here */
        fprintf(stderr, "cannot open %s: %s\n", path, e.msg);
        exit(2);
    }
    return s;
}

/* Stores one activity; returns its row id (0 on failure, reported). */
static inline int64_t syn_add(struct rh_store *s, int32_t day, struct syn_run r)
{
    struct rh_activity a;
    rh_activity_init(&a);
    a.sport = r.sport;
    a.format = RH_FMT_FIT;
    a.has_start = true;
    /* starts spread over the day (05:00..19:00 UTC), so that two runs of
     * one day are two outings, not one recorded twice */
    a.start_utc = (int64_t)day * 86400 + 5 * 3600 + (int64_t)(syn_hash % 15) * 3600;
    a.total_timer_s = r.minutes * 60;
    a.total_elapsed_s = r.minutes * 60;
    a.total_distance_m = r.km * 1000;
    a.avg_cadence_spm = r.cad;
    a.avg_hr = r.hr;
    a.max_hr = isnan(r.hr) ? NAN : r.hr + 15;
    a.avg_temperature_c = r.temp;
    if (r.climb > 0)
        a.elevation_gain_m = r.climb;
    a.n_records = 1;
    a.content_hash = ++syn_hash;
    a.file = rh_strdup("synthetic.fit");
    a.device = rh_strdup("synthetic");
    if (r.gear)
        a.gear = rh_strdup(r.gear);
    struct rh_trackpt pts[64];
    if (r.route >= 0) {
        /* a 1 km radius loop; centres 0.05 degrees (about 5 km) apart */
        double clat = 48.0 + 0.05 * r.route, clon = 11.0;
        for (int i = 0; i < 64; i++) {
            double t = 2 * M_PI * i / 64;
            pts[i].lat_e7 = (int32_t)llround((clat + 0.009 * sin(t)) * 1e7);
            pts[i].lon_e7 = (int32_t)llround((clon + 0.0134 * cos(t)) * 1e7);
        }
        a.track = pts;
        a.n_track = 64;
        a.has_gps = true;
    }
    int64_t id = 0;
    struct rh_err e;
    if (rh_store_activity_add(s, &a, &id, &e))
        fprintf(stderr, "syn_add: %s\n", e.msg);
    a.track = NULL;
    a.n_track = 0;
    rh_activity_release(&a);
    return id;
}

#endif
