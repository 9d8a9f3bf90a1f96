/* SPDX-License-Identifier: MIT */
/*
 * The import: decoding one source (gzip, format sniffing, decoder, Strava
 * CSV details) and the pipeline that runs it over many files.
 *
 * Pipeline: one walker thread reads files and archive members into a ring
 * of RING slots; N decoder threads (one per core) take the oldest slot not
 * yet claimed and decode it; the calling thread consumes the slots in walk
 * order, stores each activity in its own transaction and reports it. The
 * walker may not run more than RING sources ahead of the consumer, so
 * memory stays bounded by RING members whatever the number of files, and
 * results come out in the same order every run.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "archive/archive_int.h"
#include "runhip/fit.h"
#include "runhip/xml.h"
#include "util/banned.h"

/* ---- decode -------------------------------------------------------------- */

struct strava_type {
    const char *word;
    enum rh_sport sport;
};
/* Strava's activity types (as written in activities.csv) that map to a
 * runhip sport; the others are "other". */
static const struct strava_type strava_types[] = {
    {"Run", RH_SPORT_RUNNING},
    {"Trail Run", RH_SPORT_TRAIL_RUNNING},
    {"TrailRun", RH_SPORT_TRAIL_RUNNING},
    {"Virtual Run", RH_SPORT_TREADMILL},
    {"VirtualRun", RH_SPORT_TREADMILL},
    {"Walk", RH_SPORT_WALKING},
    {"Hike", RH_SPORT_WALKING},
    {"Ride", RH_SPORT_CYCLING},
    {"Virtual Ride", RH_SPORT_CYCLING},
    {"VirtualRide", RH_SPORT_CYCLING},
    {"E-Bike Ride", RH_SPORT_CYCLING},
    {"EBikeRide", RH_SPORT_CYCLING},
    {"Mountain Bike Ride", RH_SPORT_CYCLING},
    {"MountainBikeRide", RH_SPORT_CYCLING},
    {"Gravel Ride", RH_SPORT_CYCLING},
    {"GravelRide", RH_SPORT_CYCLING},
    {"Swim", RH_SPORT_SWIMMING},
    {"Weight Training", RH_SPORT_STRENGTH},
    {"WeightTraining", RH_SPORT_STRENGTH},
    {"Crossfit", RH_SPORT_STRENGTH},
    {"Workout", RH_SPORT_OTHER},
    {"Rowing", RH_SPORT_OTHER},
    {"Elliptical", RH_SPORT_OTHER},
    {"Yoga", RH_SPORT_OTHER},
};

int rh_import_strava_sport(const char *type, enum rh_sport *out)
{
    for (size_t i = 0; i < sizeof strava_types / sizeof *strava_types; i++) {
        if (strcmp(type, strava_types[i].word) == 0) {
            *out = strava_types[i].sport;
            return 0;
        }
    }
    return RH_EKEY;
}

static bool is_gzip(const unsigned char *p, size_t n)
{
    return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* The Strava row's words win over the file's, except that a file's more
 * precise kind of run (trail, treadmill) is kept when Strava says "Run". */
static int apply_csv(const struct rh_import_src *src, struct rh_activity *a, struct rh_err *err)
{
    if ((src->csv_name && rh_activity_set_str(&a->name, src->csv_name)) ||
        (src->csv_gear && rh_activity_set_str(&a->gear, src->csv_gear)))
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    enum rh_sport sp;
    if (src->csv_type && rh_import_strava_sport(src->csv_type, &sp) == 0) {
        if (!(sp == RH_SPORT_RUNNING && rh_sport_is_run(a->sport)))
            a->sport = sp;
    }
    return 0;
}

/* Names from files and export lists are checked on the way in, once, here:
 * no control characters, valid UTF-8, a bounded length (rh_name_clean). */
#define NAME_MAX_BYTES 256
static int clean_names(struct rh_activity *a, struct rh_err *err)
{
    char **slots[] = {&a->name, &a->gear, &a->device};
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++) {
        if (!*slots[i])
            continue;
        char *c = rh_name_clean(*slots[i], NAME_MAX_BYTES);
        if (!c)
            return rh_err_set(err, RH_ENOMEM, "out of memory");
        rh_free(*slots[i]);
        *slots[i] = c;
        if (!*c) {
            rh_free(c);
            *slots[i] = NULL;
        }
    }
    return 0;
}

int rh_import_decode(const struct rh_import_src *src, struct rh_activity *a, struct rh_err *warn,
                     struct rh_err *err)
{
    rh_err_clear(warn);
    if (src->walk_code) {
        if (err)
            *err = src->walk_err;
        return src->walk_code;
    }
    const unsigned char *data = src->data;
    size_t len = src->len;
    struct rh_buf inflated;
    rh_buf_init(&inflated, RH_IMPORT_MEMBER_MAX);
    int r = 0;
    if (len == 0) {
        r = rh_err_set(err, RH_EEMPTY, "empty file");
        goto out;
    }
    if (is_gzip(data, len)) {
        if ((r = rh__gunzip(data, len, &inflated, err)) != 0)
            goto out;
        data = (const unsigned char *)inflated.data;
        len = inflated.len;
        if (len == 0) {
            r = rh_err_set(err, RH_EEMPTY, "the gzip data holds an empty file");
            goto out;
        }
    }
    struct rh_hash h;
    rh_hash_init(&h);
    rh_hash_update(&h, data, len);
    enum rh_format fmt = RH_FMT_NONE;
    if (rh_fit_sniff(data, len)) {
        fmt = RH_FMT_FIT;
        r = rh_fit_decode(data, len, a, warn, err);
    } else {
        fmt = rh_xml_sniff(data, len);
        if (fmt == RH_FMT_GPX)
            r = rh_gpx_decode(data, len, a, warn, err);
        else if (fmt == RH_FMT_TCX)
            r = rh_tcx_decode(data, len, a, warn, err);
        else if (len >= 4 && data[0] == 'P' && data[1] == 'K')
            r = rh_err_set(err, RH_EUNSUPPORTED, "a zip inside a gzip file is not supported");
        else
            r = rh_err_set(err, RH_EUNSUPPORTED, "not a FIT, GPX or TCX file");
    }
    if (r)
        goto out;
    a->format = fmt;
    a->content_hash = rh_hash_final(&h);
    if (rh_activity_set_str(&a->file, src->name)) {
        r = rh_err_set(err, RH_ENOMEM, "out of memory");
        goto out;
    }
    if (!(r = apply_csv(src, a, err)))
        r = clean_names(a, err);
out:
    rh_buf_release(&inflated);
    if (r)
        rh_activity_release(a);
    return r;
}

/* ---- pipeline ------------------------------------------------------------- */

#define RING 16
#define MAX_THREADS 8

struct slot {
    struct rh_import_src *src;
    struct rh_activity a;
    int rc;
    struct rh_err warn, err;
    bool done;
};

struct pipe {
    pthread_mutex_t mu;
    pthread_cond_t cv_space;  /* walker waits for a free slot */
    pthread_cond_t cv_work;   /* decoders wait for a source */
    pthread_cond_t cv_done;   /* consumer waits for a decoded slot */
    struct slot ring[RING];
    uint64_t produced, claimed, consumed;
    bool walk_over, stop;
    int walk_rc;
    struct rh_err walk_err;
    const char *const *paths;
    size_t n_paths;
    const char *except_db; /* the store's own file: never imported */
};

static int pipe_put(void *ctx, struct rh_import_src *src)
{
    struct pipe *p = ctx;
    pthread_mutex_lock(&p->mu);
    while (!p->stop && p->produced - p->consumed >= RING)
        pthread_cond_wait(&p->cv_space, &p->mu);
    if (p->stop) {
        pthread_mutex_unlock(&p->mu);
        rh_import_src_free(src);
        return RH_EINVAL; /* stops the walk */
    }
    struct slot *s = &p->ring[p->produced % RING];
    s->src = src;
    s->done = false;
    p->produced++;
    pthread_cond_signal(&p->cv_work);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

static void *walker_main(void *arg)
{
    struct pipe *p = arg;
    int r = 0;
    struct rh_err err;
    rh_err_clear(&err);
    for (size_t i = 0; i < p->n_paths && r == 0; i++)
        r = rh_import_walk_except(p->paths[i], p->except_db, pipe_put, p, &err);
    pthread_mutex_lock(&p->mu);
    p->walk_over = true;
    if (r == RH_ENOMEM) {
        p->walk_rc = r;
        p->walk_err = err;
    }
    pthread_cond_broadcast(&p->cv_work);
    pthread_cond_broadcast(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void *decoder_main(void *arg)
{
    struct pipe *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->claimed == p->produced && !p->walk_over)
            pthread_cond_wait(&p->cv_work, &p->mu);
        if (p->stop || p->claimed == p->produced)
            break;
        struct slot *s = &p->ring[p->claimed % RING];
        p->claimed++;
        pthread_mutex_unlock(&p->mu);
        rh_activity_init(&s->a);
        rh_err_clear(&s->err);
        s->rc = rh_import_decode(s->src, &s->a, &s->warn, &s->err);
        pthread_mutex_lock(&p->mu);
        s->done = true;
        pthread_cond_broadcast(&p->cv_done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static bool activity_ext(const char *name)
{
    static const char *const exts[] = {".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t k = strlen(exts[i]);
        if (n >= k && strcasecmp(name + n - k, exts[i]) == 0)
            return true;
    }
    return false;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Stores or reports one decoded slot. Returns 0 or a store failure. */
static int consume(const struct rh_import_opts *o, struct slot *s, struct rh_import_stats *st,
                   struct rh_err *err)
{
    struct rh_import_result res = {s->src->name, RH_IMPORT_STORED, NULL, &s->warn, &s->err, 0};
    int r = 0;
    st->files_done++;
    st->bytes_done += s->src->in_bytes;
    /* a file found in a folder that is not an activity file (notes.txt,
     * empty or not) is skipped, not a failure */
    if ((s->rc == RH_EUNSUPPORTED || s->rc == RH_EEMPTY) && !s->src->named &&
        !activity_ext(s->src->name)) {
        res.status = RH_IMPORT_SKIPPED;
        st->skipped++;
    } else if (s->rc) {
        res.status = RH_IMPORT_FAILED;
        st->failed++;
    } else {
        res.a = &s->a;
        if (s->warn.code)
            st->warnings++;
        if (o->store) {
            struct rh_err se;
            rh_err_clear(&se);
            int ar = rh_store_activity_add(o->store, &s->a, &res.id, &se);
            if (ar == RH_EDUP) {
                res.status = RH_IMPORT_DUPLICATE;
                res.err = &se;
                st->duplicates++;
            } else if (ar == 0) {
                s->a.id = res.id;
                st->imported++;
            } else if (ar == RH_EDB || ar == RH_EIO || ar == RH_ENOMEM) {
                if (err)
                    *err = se;
                return ar;
            } else {
                /* the store refused this activity's values */
                res.status = RH_IMPORT_FAILED;
                res.err = &se;
                st->failed++;
                s->err = se;
            }
        } else {
            st->imported++;
        }
    }
    if (o->on_result)
        o->on_result(o->ctx, &res);
    return r;
}

int rh_import_run(const char *const *paths, size_t n, const struct rh_import_opts *o,
                  struct rh_import_stats *st, struct rh_err *err)
{
    memset(st, 0, sizeof *st);
    double t0 = now_s();
    if (o->scan)
        for (size_t i = 0; i < n; i++)
            st->bytes_total += rh_import_scan_bytes(paths[i]);
    int nthreads = o->threads;
    if (nthreads <= 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        nthreads = c > 0 ? (int)c : 1;
    }
    if (nthreads > MAX_THREADS)
        nthreads = MAX_THREADS;

    struct pipe *p = rh_calloc(1, sizeof *p);
    if (!p)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv_space, NULL);
    pthread_cond_init(&p->cv_work, NULL);
    pthread_cond_init(&p->cv_done, NULL);
    p->paths = paths;
    p->n_paths = n;
    p->except_db = o->store ? rh_store_path(o->store) : NULL;
    rh_err_clear(&p->walk_err);

    pthread_t walker, dec[MAX_THREADS];
    int started = 0, r = 0;
    bool walker_up = pthread_create(&walker, NULL, walker_main, p) == 0;
    if (!walker_up)
        r = rh_err_set(err, RH_ENOMEM, "cannot start the reading thread");
    for (int i = 0; r == 0 && i < nthreads; i++) {
        if (pthread_create(&dec[i], NULL, decoder_main, p) != 0)
            break;
        started++;
    }
    if (r == 0 && started == 0)
        r = rh_err_set(err, RH_ENOMEM, "cannot start a decoding thread");

    double last_progress = 0;
    pthread_mutex_lock(&p->mu);
    while (r == 0) {
        struct slot *s = &p->ring[p->consumed % RING];
        while (!(p->consumed < p->produced && s->done) &&
               !(p->walk_over && p->consumed == p->produced))
            pthread_cond_wait(&p->cv_done, &p->mu);
        if (p->consumed == p->produced)
            break; /* walk over, all consumed */
        pthread_mutex_unlock(&p->mu);
        r = consume(o, s, st, err);
        rh_activity_release(&s->a);
        rh_import_src_free(s->src);
        s->src = NULL;
        double t = now_s();
        if (o->on_progress && o->scan && t - last_progress >= 0.1) {
            st->elapsed_s = t - t0;
            o->on_progress(o->ctx, st);
            last_progress = t;
        }
        pthread_mutex_lock(&p->mu);
        p->consumed++;
        pthread_cond_signal(&p->cv_space);
    }
    p->stop = true;
    pthread_cond_broadcast(&p->cv_space);
    pthread_cond_broadcast(&p->cv_work);
    pthread_mutex_unlock(&p->mu);
    if (walker_up)
        pthread_join(walker, NULL);
    for (int i = 0; i < started; i++)
        pthread_join(dec[i], NULL);
    /* sources left behind by a stopped run */
    for (uint64_t k = p->consumed; k < p->produced; k++) {
        struct slot *s = &p->ring[k % RING];
        if (s->done)
            rh_activity_release(&s->a);
        rh_import_src_free(s->src);
    }
    if (r == 0 && p->walk_rc) {
        r = p->walk_rc;
        if (err)
            *err = p->walk_err;
    }
    pthread_cond_destroy(&p->cv_space);
    pthread_cond_destroy(&p->cv_work);
    pthread_cond_destroy(&p->cv_done);
    pthread_mutex_destroy(&p->mu);
    rh_free(p);
    st->elapsed_s = now_s() - t0;
    if (o->on_progress && o->scan)
        o->on_progress(o->ctx, st);
    return r;
}
