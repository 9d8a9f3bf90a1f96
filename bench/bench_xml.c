/* SPDX-License-Identifier: MIT */
/*
 * GPX and TCX decoding throughput. Reads every .gpx and .tcx file under a
 * folder (argv[1], default RH_SHARED "/corpus") into memory, then decodes
 * them round after round for about two seconds per format and prints MB/s
 * and activities/s for each (and, for scale, what bare namespace-aware
 * expat with empty handlers reaches on the same bytes), with a checksum of the results so a build
 * that decodes nothing cannot pass for a fast one. One core.
 *
 *   build/rel/bench/bench_xml [FOLDER] [SECONDS]   (SECONDS < 0: -SECONDS rounds)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <expat.h>

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
    double t0 = now(), t = t0, c0 = cpu_now(), done_bytes = 0, sum = 0, best = 1e30;
    long acts = 0, failed = 0, rounds = 0;
    /* a negative SECONDS means exactly that many rounds (for perf stat) */
    while (seconds < 0 ? rounds < (long)-seconds : (t - t0 < seconds || rounds == 0)) {
        double r0 = cpu_now();
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
        double rt = cpu_now() - r0;
        if (rt < best)
            best = rt;
        t = now();
    }
    double el = t - t0, cpu = cpu_now() - c0;
    /* CPU time is the fairer figure on a shared machine; wall time beside it */
    printf("%s: %zu files, %.1f MB, %ld rounds: %.1f MB/s, %.0f activities/s on CPU time "
           "(%.2f s; best round %.1f MB/s, %.0f act/s); %.1f MB/s wall (%.2f s); "
           "%ld failed per round, checksum %.0f\n",
           name, n, bytes / 1e6, rounds, done_bytes / 1e6 / cpu, acts / cpu, cpu,
           bytes / 1e6 / best, (double)(acts / rounds) / best, done_bytes / 1e6 / el, el,
           failed / rounds, sum / rounds);
}

static void XMLCALL bare_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    *(long *)ud += name[0];
}

static void XMLCALL bare_end(void *ud, const XML_Char *name)
{
    (void)ud;
    (void)name;
}

/* The floor under any expat-based reader: parse only, no work. */
static void run_bare(bool tcx, double seconds)
{
    size_t bytes = 0;
    for (size_t i = 0; i < n_files; i++)
        bytes += files[i].tcx == tcx ? files[i].len : 0;
    if (!bytes)
        return;
    double t0 = now(), best = 1e30;
    long rounds = 0, sink = 0;
    while (now() - t0 < seconds || rounds == 0) {
        double r0 = cpu_now();
        for (size_t i = 0; i < n_files; i++) {
            if (files[i].tcx != tcx)
                continue;
            XML_Parser p = XML_ParserCreateNS(NULL, '\x01');
            XML_SetUserData(p, &sink);
            XML_SetElementHandler(p, bare_start, bare_end);
            for (size_t off = 0; off < files[i].len; off += 1u << 18) {
                size_t n = files[i].len - off < (1u << 18) ? files[i].len - off : 1u << 18;
                XML_Parse(p, files[i].data + off, (int)n, XML_FALSE);
            }
            XML_Parse(p, "", 0, XML_TRUE);
            XML_ParserFree(p);
        }
        rounds++;
        double rt = cpu_now() - r0;
        if (rt < best)
            best = rt;
    }
    printf("%s: bare expat (namespaces, empty handlers) best round %.1f MB/s [%ld]\n",
           tcx ? "TCX" : "GPX", bytes / 1e6 / best, sink % 10);
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
    if (seconds > 0) {
        run_bare(false, seconds / 2);
        run_bare(true, seconds / 2);
    }
    for (size_t i = 0; i < n_files; i++)
        free(files[i].data);
    free(files);
    return 0;
}
