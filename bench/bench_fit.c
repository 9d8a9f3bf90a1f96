/* SPDX-License-Identifier: MIT */
/*
 * FIT decoding throughput: loads every .fit under a folder (argv[1], default
 * the corpus's fit/ folder) into memory, then decodes the whole set with
 * rh_fit_decode again and again for about two seconds on one core and
 * prints MB/s and activities/s per second of the thread's CPU time (wall
 * time beside it), over all passes and for the best (least disturbed) pass. Files are read before the clock starts, so
 * this measures the decoder (records, sessions, splits, track), not the disk.
 *
 *   build/rel/bench/bench_fit [folder] [seconds]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "runhip/fit.h"

struct file {
    char *data;
    size_t len;
};

static struct file *files;
static size_t n_files, cap_files;

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static void load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = n > 0 ? malloc((size_t)n) : NULL;
    if (p && fread(p, 1, (size_t)n, f) == (size_t)n) {
        if (n_files == cap_files) {
            cap_files = cap_files ? 2 * cap_files : 64;
            files = realloc(files, cap_files * sizeof *files);
            if (!files) {
                perror("realloc");
                exit(1);
            }
        }
        files[n_files].data = p;
        files[n_files].len = (size_t)n;
        n_files++;
    } else {
        free(p);
    }
    fclose(f);
}

static void walk(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(path);
        else if (S_ISREG(st.st_mode) && ends_with(e->d_name, ".fit"))
            load(path);
    }
    closedir(d);
}

static double now(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : RH_SHARED "/corpus/fit";
    double seconds = argc > 2 ? strtod(argv[2], NULL) : 2.0;
    walk(dir);
    if (!n_files) {
        fprintf(stderr, "bench_fit: no .fit file under %s\n", dir);
        return 1;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < n_files; i++)
        bytes += files[i].len;
    long rounds = 0, acts = 0, failed = 0, records = 0;
    /* the rate uses this thread's CPU time: on a busy machine wall time
     * measures the other processes too; both are printed */
    double t0 = now(CLOCK_THREAD_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC), t;
    double best = 0; /* shortest CPU time of one pass over the set */
    do {
        double p0 = now(CLOCK_THREAD_CPUTIME_ID);
        for (size_t i = 0; i < n_files; i++) {
            struct rh_activity a;
            struct rh_err warn, err;
            rh_activity_init(&a);
            if (rh_fit_decode(files[i].data, files[i].len, &a, &warn, &err) == 0) {
                acts++;
                records += a.n_records;
            } else {
                failed++;
            }
            rh_activity_release(&a);
        }
        rounds++;
        double p1 = now(CLOCK_THREAD_CPUTIME_ID);
        if (best == 0 || p1 - p0 < best)
            best = p1 - p0;
        t = p1 - t0;
    } while (t < seconds);
    double wall = now(CLOCK_MONOTONIC) - w0;
    double mb = (double)bytes * (double)rounds / 1e6;
    printf("bench_fit: %s: %zu files, %.1f MB, %ld rounds in %.2f s CPU (%.2f s wall)\n", dir,
           n_files, (double)bytes / 1e6, rounds, t, wall);
    printf("bench_fit: FIT decode %.0f MB/s, %.0f activities/s, %.1f M records/s per CPU "
           "second, one core (%.0f MB/s wall; %ld not decodable per round)\n",
           mb / t, (double)acts / t, (double)records / t / 1e6, mb / wall, failed / rounds);
    printf("bench_fit: best pass %.0f MB/s, %.0f activities/s\n", (double)bytes / 1e6 / best,
           (double)acts / (double)rounds / best);
    for (size_t i = 0; i < n_files; i++)
        free(files[i].data);
    free(files);
    return 0;
}
