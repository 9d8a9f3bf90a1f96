/* SPDX-License-Identifier: MIT */
/*
 * Assessment speed. Parses every vignette of tests/vignettes/ (argv[1]) once,
 * then assesses them round after round for about two seconds (argv[2]) and
 * prints assessments per second, microseconds per assessment (the target is
 * well under 1 ms), the median, 99th percentile and slowest single call, and a checksum of the top
 * conditions and dispositions so a build that assesses nothing cannot pass
 * for a fast one. The JSON writer is timed separately; its first round hashes
 * every vignette's whole JSON (FNV-1a), so two builds can be shown to give the
 * same output byte for byte. One core.
 *
 *   build/rel/bench/bench_assess [FOLDER] [SECONDS]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runhip/assess.h"
#include "runhip/intake.h"

#define MAX_CASES 512

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    fclose(f);
    if (p) {
        p[n] = '\0';
        *len = (size_t)n;
    }
    return p;
}

static struct rh_intake cases[MAX_CASES];
#define MAX_SAMPLES 400000
static double samples[MAX_SAMPLES];

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}
static struct rh_assessment out;

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests/vignettes";
    double seconds = argc > 2 ? atof(argv[2]) : 2.0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "bench_assess: cannot open %s\n", dir);
        return 1;
    }
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < MAX_CASES) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        size_t len;
        char *text = slurp(path, &len);
        struct rh_err err;
        if (text && rh_intake_parse(text, len, &cases[n], &err) == 0)
            n++;
        else
            fprintf(stderr, "bench_assess: %s: skipped\n", path);
        free(text);
    }
    closedir(d);
    if (n == 0) {
        fprintf(stderr, "bench_assess: no vignettes in %s\n", dir);
        return 1;
    }
    struct rh_err err;
    if (rh_assess(&cases[0], &out, &err) != 0) { /* loads the knowledge base */
        fprintf(stderr, "bench_assess: %s\n", err.msg);
        return 1;
    }
    unsigned long long sum = 0;
    long count = 0;
    double worst = 0;
    double t0 = now_s(), t;
    do {
        for (int i = 0; i < n; i++) {
            double a = now_s();
            rh_assess(&cases[i], &out, &err);
            double b = now_s() - a;
            if (b > worst)
                worst = b;
            if (count < MAX_SAMPLES)
                samples[count] = b;
            if (count < n) /* the first round only, so the sum does not depend on speed */
                for (const char *p = out.conditions[0].id; *p; p++)
                    sum = sum * 31 + (unsigned char)*p + (unsigned)out.disposition;
            count++;
        }
        t = now_s() - t0;
    } while (t < seconds);
    long ns = count < MAX_SAMPLES ? count : MAX_SAMPLES;
    qsort(samples, (size_t)ns, sizeof *samples, cmp_double);
    printf("assess: %d vignettes, %ld assessments in %.2f s: %.0f per second, %.1f us each; "
           "median %.1f us, 99th percentile %.1f us, slowest %.1f us (scheduler noise "
           "included) (checksum %llx)\n",
           n, count, t, count / t, 1e6 * t / count, 1e6 * samples[ns / 2],
           1e6 * samples[ns * 99 / 100], 1e6 * worst, sum);

    struct rh_buf b;
    rh_buf_init(&b, 0);
    long jcount = 0;
    size_t bytes = 0;
    unsigned long long jsum = 14695981039346656037ULL; /* FNV-1a 64 */
    t0 = now_s();
    do {
        for (int i = 0; i < n; i++) {
            rh_assess(&cases[i], &out, &err);
            rh_buf_reset(&b);
            rh_assessment_to_json(&out, &b);
            bytes += b.len;
            if (jcount < n) /* the first round only, as above */
                for (size_t k = 0; k < b.len; k++)
                    jsum = (jsum ^ (unsigned char)b.data[k]) * 1099511628211ULL;
            jcount++;
        }
        t = now_s() - t0;
    } while (t < seconds / 2);
    printf("assess + JSON: %.1f us each (%zu bytes on average) (JSON checksum %016llx)\n",
           1e6 * t / jcount, bytes / (size_t)jcount, jsum);
    rh_buf_release(&b);
    return 0;
}
