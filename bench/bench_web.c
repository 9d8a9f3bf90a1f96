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
 *
 * DB: a runhip database (bench/web.sh's bench/out/web.db, or the demo's:
 * `runhip demo --keep`); N requests a figure (default 2,000). Without DB it
 * says so and does nothing (make bench).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runhip/server.h"

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
