/* SPDX-License-Identifier: MIT */
/*
 * Diary note reading speed. Reads the notes of a notes file (argv[1], the
 * format of tests/notes: `EXPECT | CONTEXT | NOTE` lines; default
 * tests/notes/notes.txt) round after round for about two seconds (argv[2])
 * and prints notes per second, microseconds per note (mean, median, 99th
 * percentile, slowest), what a year of daily notes costs, and a checksum of
 * every finding read (its fact and whether it was negated) so that a build
 * that reads nothing cannot pass for a fast one, and two builds can be shown
 * to read the same. One core. There is no peer: the yardstick is the
 * runner's wait (a diary page of a year of notes) and the reader before
 * session 28's first-word index (bench/README.md).
 *
 *   build/rel/bench/bench_notes [FILE] [SECONDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runhip/triage.h"
#include "runhip/util.h"

#define MAX_NOTES 4096
#define NOTE_MAX 1024
#define MAX_SAMPLES 200000

static char notes[MAX_NOTES][NOTE_MAX];
static double samples[MAX_SAMPLES];

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* FNV-1a over the findings of one reading */
static unsigned long long fold(unsigned long long h, const struct rh_note_reading *r)
{
    for (int i = 0; i < r->n; i++) {
        for (const char *p = r->f[i].fact; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
        h = (h ^ (unsigned char)(r->f[i].negated ? '-' : '+')) * 1099511628211ULL;
    }
    return (h ^ '|') * 1099511628211ULL;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "tests/notes/notes.txt";
    double secs = argc > 2 ? atof(argv[2]) : 2.0;
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "bench_notes: cannot open %s\n", path);
        return 1;
    }
    int n = 0;
    char line[4 * NOTE_MAX];
    while (n < MAX_NOTES && fgets(line, sizeof line, f)) {
        char *bar = strrchr(line, '|');
        if (line[0] == '#' || !bar)
            continue;
        bar++;
        while (*bar == ' ')
            bar++;
        bar[strcspn(bar, "\r\n")] = '\0';
        snprintf(notes[n++], NOTE_MAX, "%s", bar);
    }
    fclose(f);
    if (n == 0) {
        fprintf(stderr, "bench_notes: no notes in %s\n", path);
        return 1;
    }
    struct rh_note_reading r;
    struct rh_err err = {0};
    unsigned long long sum = 14695981039346656037ULL;
    int flagged = 0;
    for (int i = 0; i < n; i++) { /* the first round: the checksum, and loads the rules */
        if (rh_note_read(notes[i], &r, &err) != 0) {
            fprintf(stderr, "bench_notes: %s\n", err.msg);
            return 1;
        }
        sum = fold(sum, &r);
        flagged += r.n > 0;
    }
    long reads = 0;
    int ns = 0;
    double t0 = now_s(), t = t0;
    while (t - t0 < secs) {
        for (int i = 0; i < n; i++) {
            double a = now_s();
            rh_note_read(notes[i], &r, &err);
            t = now_s();
            if (ns < MAX_SAMPLES)
                samples[ns++] = t - a;
            reads++;
        }
    }
    qsort(samples, (size_t)ns, sizeof samples[0], cmp_double);
    double each = (t - t0) / (double)reads;
    printf("notes: %d notes of %s, %ld readings in %.2f s: %.0f per second, %.1f us each "
           "(median %.1f, p99 %.1f, slowest %.1f); a year of daily notes %.0f ms; %d with a "
           "finding (checksum %llx)\n",
           n, path, reads, t - t0, (double)reads / (t - t0), each * 1e6, samples[ns / 2] * 1e6,
           samples[ns * 99 / 100] * 1e6, samples[ns - 1] * 1e6, each * 365 * 1e3, flagged, sum);
    return 0;
}
