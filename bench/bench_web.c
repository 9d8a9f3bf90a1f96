/* SPDX-License-Identifier: MIT */
/*
 * What one request of the web app costs the server, in process (no
 * sockets, no libmicrohttpd: rh_server_handle as the daemon calls it, with
 * the server's cache of connections and answers): the today page and small
 * API routes answered from the cache ("kept": the same question on the
 * same data and day) and built afresh ("built": a query that is new each
 * time, as after every commit of an import running alongside). CPU time of
 * this process per request, one thread: on a machine shared with other
 * work the figures hold far better than requests per second.
 *
 *   build/rel/bench/bench_web DB [N]
 *   build/rel/bench/bench_web DB --during S [T]
 *
 * DB: a runhip database (bench/web.sh's bench/out/web.db, or the demo's:
 * `runhip demo --keep`); N requests a figure (default 2,000). Without DB it
 * says so and does nothing (make bench).
 *
 * --during: T threads (default 4, the server's pool) ask for the today
 * page for S seconds, as the daemon's workers do, while another program
 * writes to DB (`ONLY=inproc bash bench/web.sh` runs an import alongside):
 * the pages built (one per commit seen, not one per thread), the CPU of
 * this process per request and the wall time of a request (p50, p99,
 * max): what the server itself adds to wrk's figures, which on a shared
 * machine mostly measure the others' work.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runhip/server.h"
#include "server/server_int.h"

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Microseconds of CPU per request for n requests of path (fresh: a new
 * query each time, so nothing is kept); -1 when an answer is not 200. */
static double cost(const struct rh_server_config *cfg, const char *path, bool fresh, long n)
{
    char target[256];
    struct rh_server_response res;
    rh_server_response_init(&res);
    double t0 = 0;
    for (long i = -1; i < n; i++) { /* the first one (i = -1) warms up */
        if (i == 0)
            t0 = cpu_s();
        if (fresh)
            snprintf(target, sizeof target, "%s%sfresh=%ld", path, strchr(path, '?') ? "&" : "?",
                     i + 2);
        else
            snprintf(target, sizeof target, "%s", path);
        struct rh_server_request q = {.method = "GET", .target = target, .host = "127.0.0.1"};
        if (rh_server_handle(cfg, &q, &res) || res.status != 200) {
            fprintf(stderr, "bench_web: %s: status %d\n", target, res.status);
            rh_server_response_release(&res);
            return -1;
        }
    }
    double us = (cpu_s() - t0) / (double)n * 1e6;
    rh_server_response_release(&res);
    return us;
}

static double mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

#define DURING_MAX 4000000 /* requests timed a thread */

struct worker {
    const struct rh_server_config *cfg;
    double until;
    float *ms; /* wall milliseconds of each request */
    long n;
    int bad;
};

static void *work(void *p)
{
    struct worker *w = p;
    struct rh_server_response res;
    rh_server_response_init(&res);
    struct rh_server_request q = {.method = "GET", .target = "/", .host = "127.0.0.1"};
    for (double t = mono_s(); t < w->until && w->n < DURING_MAX;) {
        int r = rh_server_handle(w->cfg, &q, &res);
        double t2 = mono_s();
        if (r || res.status != 200)
            w->bad++;
        w->ms[w->n++] = (float)((t2 - t) * 1e3);
        t = t2;
    }
    rh_server_response_release(&res);
    return NULL;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

static int during(const struct rh_server_config *cfg, double secs, int nt)
{
    struct worker w[64];
    pthread_t th[64];
    if (nt < 1 || nt > 64)
        nt = 4;
    double c0 = cpu_s(), t0 = mono_s();
    uint64_t b0 = cache_builds(cfg->cache);
    for (int i = 0; i < nt; i++) {
        w[i] = (struct worker){.cfg = cfg, .until = t0 + secs};
        if (!(w[i].ms = malloc(DURING_MAX * sizeof *w[i].ms)) ||
            pthread_create(&th[i], NULL, work, &w[i])) {
            fprintf(stderr, "bench_web: no thread\n");
            return 1;
        }
    }
    long n = 0;
    int bad = 0;
    for (int i = 0; i < nt; i++) {
        pthread_join(th[i], NULL);
        n += w[i].n;
        bad += w[i].bad;
    }
    double cpu = cpu_s() - c0, wall = mono_s() - t0;
    uint64_t built = cache_builds(cfg->cache) - b0;
    float *all = malloc((size_t)(n ? n : 1) * sizeof *all);
    long k = 0;
    for (int i = 0; i < nt; i++) {
        if (all)
            memcpy(all + k, w[i].ms, (size_t)w[i].n * sizeof *all);
        k += w[i].n;
        free(w[i].ms);
    }
    if (!all || !n) {
        free(all);
        fprintf(stderr, "bench_web: no request answered\n");
        return 1;
    }
    qsort(all, (size_t)n, sizeof *all, cmp_float);
    printf("/ during writes, %d threads, %.1f s: %ld requests (%.0f a second), %llu pages built, "
           "%.1f CPU us a request, wall p50 %.1f us, p99 %.1f us, max %.1f ms, %d not 200\n",
           nt, wall, n, n / wall, (unsigned long long)built, cpu / (double)n * 1e6,
           all[n / 2] * 1e3, all[n * 99 / 100] * 1e3, all[n - 1], bad);
    free(all);
    return bad != 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        printf("bench_web: give a database (build/rel/bench/bench_web DB [N]); nothing done\n");
        return 0;
    }
    long n = argc > 2 ? strtol(argv[2], NULL, 10) : 2000;
    if (n < 1)
        n = 1;
    struct rh_server_cache *cache;
    struct rh_err err;
    if (rh_server_cache_new(&cache, &err)) {
        fprintf(stderr, "bench_web: %s\n", err.msg);
        return 1;
    }
    struct rh_server_config cfg = {.db_path = argv[1], .cache = cache, .csrf = "0123456789abcdef"};
    if (argc > 3 && !strcmp(argv[2], "--during")) {
        int st = during(&cfg, strtod(argv[3], NULL), argc > 4 ? atoi(argv[4]) : 4);
        rh_server_cache_free(cache);
        return st;
    }
    static const char *const paths[] = {"/", "/questionnaire", "/api/", "/api/assessment", "/api/activities?limit=20",
                                        "/app.css"};
    printf("%-28s %12s %12s   (CPU microseconds a request, %ld requests, one thread)\n", "path",
           "kept", "built", n);
    int status = 0;
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        double kept = cost(&cfg, paths[i], false, n);
        double built = cost(&cfg, paths[i], true, n);
        if (kept < 0 || built < 0)
            status = 1;
        printf("%-28s %12.1f %12.1f\n", paths[i], kept, built);
    }
    rh_server_cache_free(cache);
    return status;
}
