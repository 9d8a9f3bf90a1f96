/* SPDX-License-Identifier: MIT */
/*
 * GPX and TCX decoding throughput. Reads every .gpx and .tcx file under a
 * folder (argv[1], default RH_SHARED "/corpus") into memory, then decodes
 * them round after round for about two seconds per format and prints MB/s
 * and activities/s for each, with a checksum of the results so a build
 * that decodes nothing cannot pass for a fast one. One core.
 *
 *   build/rel/bench/bench_xml [FOLDER] [SECONDS]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "runhip/xml.h"

#ifndef RH_SHARED
#define RH_SHARED "../shared"
#endif

struct file {
    char *data;
    size_t len;
    bool tcx;
};

static struct file *files;
static size_t n_files, cap_files;

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static void add_file(const char *path, bool tcx)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || st.st_size <= 0) {
        fclose(f);
        return;
    }
    char *p = malloc((size_t)st.st_size);
    if (!p || fread(p, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        free(p);
        fclose(f);
        return;
    }
    fclose(f);
    if (n_files == cap_files) {
        cap_files = cap_files ? cap_files * 2 : 64;
        files = realloc(files, cap_files * sizeof *files);
        if (!files) {
            perror("realloc");
            exit(1);
        }
    }
    files[n_files++] = (struct file){p, (size_t)st.st_size, tcx};
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
        else if (ends_with(e->d_name, ".gpx"))
            add_file(path, false);
        else if (ends_with(e->d_name, ".tcx"))
            add_file(path, true);
    }
    closedir(d);
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

static double cpu_now(void)
{
    return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static void run(bool tcx, double seconds)
{
    size_t bytes = 0, n = 0;
    for (size_t i = 0; i < n_files; i++)
        if (files[i].tcx == tcx) {
            bytes += files[i].len;
            n++;
        }
    const char *name = tcx ? "TCX" : "GPX";
    if (!n) {
        printf("%s: no files\n", name);
        return;
    }
    double t0 = now(), t = t0, c0 = cpu_now(), done_bytes = 0, sum = 0;
    long acts = 0, failed = 0, rounds = 0;
    while (t - t0 < seconds || rounds == 0) {
        for (size_t i = 0; i < n_files; i++) {
            if (files[i].tcx != tcx)
                continue;
            struct rh_activity a;
            struct rh_err warn, err;
            rh_activity_init(&a);
            int rc = tcx ? rh_tcx_decode(files[i].data, files[i].len, &a, &warn, &err)
                         : rh_gpx_decode(files[i].data, files[i].len, &a, &warn, &err);
            if (rc == 0) {
                acts++;
                sum += (double)a.n_records + (rh_has(a.total_distance_m) ? a.total_distance_m : 0);
            } else {
                failed++;
            }
            rh_activity_release(&a);
        }
        done_bytes += (double)bytes;
        rounds++;
        t = now();
    }
    double el = t - t0, cpu = cpu_now() - c0;
    /* CPU time is the fairer figure on a shared machine; wall time beside it */
    printf("%s: %zu files, %.1f MB, %ld rounds: %.1f MB/s, %.0f activities/s on CPU time "
           "(%.2f s); %.1f MB/s wall (%.2f s); %ld failed per round, checksum %.0f\n",
           name, n, bytes / 1e6, rounds, done_bytes / 1e6 / cpu, acts / cpu, cpu,
           done_bytes / 1e6 / el, el, failed / rounds, sum / rounds);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : RH_SHARED "/corpus";
    double seconds = argc > 2 ? atof(argv[2]) : 2.0;
    walk(dir);
    if (!n_files) {
        fprintf(stderr, "bench_xml: no .gpx or .tcx files under %s\n", dir);
        return 1;
    }
    printf("bench_xml: %s\n", dir);
    run(false, seconds);
    run(true, seconds);
    for (size_t i = 0; i < n_files; i++)
        free(files[i].data);
    free(files);
    return 0;
}
