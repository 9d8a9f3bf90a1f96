/* SPDX-License-Identifier: MIT */
/*
 * The whole corpus through the program, compared with refs.jsonl:
 *  - `runhip inspect --json fit gpx tcx` (run inside the corpus folder, so
 *    names match the refs' "file") for every plain file;
 *  - `runhip import` of the archives (the zips of export/ and fit/, the .fit.gz of fit/)
 *    then `runhip activities --json` for the "archive!member" lines.
 * Tolerances of the issue: start time exact, distance and times within
 * 0.5%, record counts exact, cadence and heart rate within 1. Where refs
 * has no session value, cli.md asks for the record mean, so the refs'
 * rec_* value is the one compared. Listed exceptions carry their reason.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define CORPUS RH_SHARED "/corpus"

/* Known disagreements, each with its reason. None is needed today: every
 * compared field of every refs line agrees within the tolerances. A field
 * whose refs value is null (and that has no rec_* stand-in) is not compared. */
struct exception {
    const char *file;
    const char *field;
    const char *reason;
};
static const struct exception exceptions[] = {
    {"fit/tormoder_0134902991.fit", "avg_hr",
     "the session says 0 bpm, which is no reading (cli.md): runhip gives null"},
    {"fit/tormoder_0134902991.fit", "max_hr", "same: 0 bpm is no reading"},
    {NULL, NULL, NULL},
};

static bool excepted(const char *file, const char *field)
{
    for (const struct exception *e = exceptions; e->file; e++)
        if (strcmp(e->file, file) == 0 && strcmp(e->field, field) == 0)
            return true;
    return false;
}

static const char *runhip(void)
{
    const char *r = getenv("RUNHIP");
    return r && *r ? r : "build/san/runhip";
}

/* Runs cmd in the corpus folder; returns its stdout as JSON lines keyed by
 * "file" (a new object; decref). */
static json_t *run_lines(const char *cmd)
{
    char full[4096];
    snprintf(full, sizeof full, "cd '%s' && %s", CORPUS, cmd);
    FILE *p = popen(full, "r");
    json_t *by_file = json_object();
    if (!p)
        return by_file;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, p) > 0) {
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        CHECK(o != NULL);
        if (!o)
            continue;
        const char *f = json_string_value(json_object_get(o, "file"));
        const char *st = json_string_value(json_object_get(o, "start_time_utc"));
        if (f && st) {
            /* each activity also under "file@start": the legs of a
             * multisport file share its name */
            char key[1200];
            snprintf(key, sizeof key, "%s@%s", f, st);
            json_object_set(by_file, key, o);
        }
        if (f)
            json_object_set_new(by_file, f, o);
        else
            json_decref(o);
    }
    free(line);
    pclose(p);
    return by_file;
}

static int n_compared, n_fields;

static void near(const char *file, const char *field, json_t *ours, json_t *ref, double rel,
                 double abs_tol, json_t *fallback)
{
    if (json_is_null(ref) || !ref) {
        ref = fallback; /* refs has no session value: the record mean */
        if (!ref || json_is_null(ref))
            return;
    }
    n_fields++;
    if (excepted(file, field))
        return;
    if (!json_is_number(ours)) {
        fprintf(stderr, "  %s: %s: ours null, refs %g\n", file, field, json_number_value(ref));
        th_checks_failed++;
        return;
    }
    double a = json_number_value(ours), b = json_number_value(ref);
    double tol = rel * fabs(b) > abs_tol ? rel * fabs(b) : abs_tol;
    if (fabs(a - b) > tol) {
        fprintf(stderr, "  %s: %s: ours %g, refs %g\n", file, field, a, b);
        th_checks_failed++;
    }
}

static void compare(const char *file, json_t *ours, json_t *ref)
{
    n_compared++;
    json_t *rs = json_object_get(ref, "start_time_utc");
    if (json_is_string(rs) && !excepted(file, "start_time_utc")) {
        n_fields++;
        /* refs may carry fractions (GPX): compare whole seconds */
        char want[21];
        snprintf(want, sizeof want, "%.19sZ", json_string_value(rs));
        const char *got = json_string_value(json_object_get(ours, "start_time_utc"));
        if (!got || strcmp(got, want) != 0) {
            fprintf(stderr, "  %s: start_time_utc: ours %s, refs %s\n", file,
                    got ? got : "null", want);
            th_checks_failed++;
        }
    }
    near(file, "total_elapsed_s", json_object_get(ours, "total_elapsed_s"),
         json_object_get(ref, "total_elapsed_s"), 0.005, 1.0, NULL);
    near(file, "total_timer_s", json_object_get(ours, "total_timer_s"),
         json_object_get(ref, "total_timer_s"), 0.005, 1.0, NULL);
    near(file, "total_distance_m", json_object_get(ours, "total_distance_m"),
         json_object_get(ref, "total_distance_m"), 0.005, 1.0, NULL);
    near(file, "n_records", json_object_get(ours, "n_records"), json_object_get(ref, "n_records"),
         0, 0, NULL);
    near(file, "avg_cadence_spm", json_object_get(ours, "avg_cadence_spm"),
         json_object_get(ref, "avg_cadence_spm"), 0, 1.0,
         json_object_get(ref, "rec_avg_cadence_spm"));
    near(file, "avg_hr", json_object_get(ours, "avg_hr"), json_object_get(ref, "avg_hr"), 0, 1.0,
         json_object_get(ref, "rec_avg_hr"));
    near(file, "max_hr", json_object_get(ours, "max_hr"), json_object_get(ref, "max_hr"), 0, 1.0,
         json_object_get(ref, "rec_max_hr"));
    json_t *g = json_object_get(ref, "has_gps");
    if (json_is_boolean(g) && !excepted(file, "has_gps")) {
        n_fields++;
        if (json_is_true(g) != json_is_true(json_object_get(ours, "has_gps"))) {
            fprintf(stderr, "  %s: has_gps differs\n", file);
            th_checks_failed++;
        }
    }
}

/* The refs' sessions when their sports differ (transitions aside): a
 * multisport file, stored as one activity a leg; NULL otherwise. */
static json_t *mixed_sessions(json_t *ref)
{
    json_t *ses = json_object_get(ref, "sessions"), *s;
    size_t i;
    const char *first = NULL;
    bool mixed = false;
    json_array_foreach(ses, i, s) {
        const char *sp = json_string_value(json_object_get(s, "sport"));
        if (!sp || strcmp(sp, "transition") == 0)
            continue;
        if (!first)
            first = sp;
        else if (strcmp(first, sp) != 0)
            mixed = true;
    }
    return mixed ? ses : NULL;
}

static int n_legs;

/* Each leg of a multisport file against its session of the refs. */
static void compare_legs(const char *file, json_t *ours, json_t *ses)
{
    json_t *s;
    size_t i;
    json_array_foreach(ses, i, s) {
        const char *sp = json_string_value(json_object_get(s, "sport"));
        const char *st = json_string_value(json_object_get(s, "start_time_utc"));
        if (!sp || !st || strcmp(sp, "transition") == 0)
            continue;
        char key[1200], name[1200];
        snprintf(key, sizeof key, "%s@%.19sZ", file, st);
        snprintf(name, sizeof name, "%s leg %zu", file, i);
        json_t *o = json_object_get(ours, key);
        n_legs++;
        if (!o) {
            fprintf(stderr, "  %s: no activity starts at %s\n", name, st);
            th_checks_failed++;
            continue;
        }
        const char *want = strcmp(sp, "running") == 0 ? "running" : sp;
        const char *got = json_string_value(json_object_get(o, "sport"));
        if (!got || strcmp(got, want) != 0) {
            fprintf(stderr, "  %s: sport %s, refs %s\n", name, got ? got : "null", want);
            th_checks_failed++;
        }
        near(name, "total_elapsed_s", json_object_get(o, "total_elapsed_s"),
             json_object_get(s, "total_elapsed_s"), 0.005, 1.0, NULL);
        near(name, "total_timer_s", json_object_get(o, "total_timer_s"),
             json_object_get(s, "total_timer_s"), 0.005, 1.0, NULL);
        near(name, "total_distance_m", json_object_get(o, "total_distance_m"),
             json_object_get(s, "total_distance_m"), 0.005, 1.0, NULL);
    }
}

/* Every refs line selected by want() must be in ours and agree. */
static void against_refs(json_t *ours, bool (*want)(const char *file))
{
    char path[600];
    snprintf(path, sizeof path, "%s/refs.jsonl", CORPUS);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *ref = json_loads(line, 0, NULL);
        if (!ref)
            continue;
        const char *file = json_string_value(json_object_get(ref, "file"));
        if (file && want(file)) {
            json_t *o = json_object_get(ours, file);
            json_t *legs = mixed_sessions(ref);
            if (legs) {
                compare_legs(file, ours, legs);
            } else if (!o) {
                fprintf(stderr, "  %s: not decoded\n", file);
                th_checks_failed++;
            } else {
                compare(file, o, ref);
            }
        }
        json_decref(ref);
    }
    free(line);
    fclose(f);
}

static bool is_member(const char *file)
{
    size_t n = strlen(file);
    return strchr(file, '!') != NULL || (n > 7 && strcmp(file + n - 7, ".fit.gz") == 0);
}

static bool is_plain(const char *file)
{
    return !is_member(file) && strncmp(file, "bad/", 4) != 0;
}

static void test_archive_members_through_import_and_activities(void)
{
    const char *dir = test_tmpdir();
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "'%s' --db '%s/r.db' import export fit/gc_2019-09-07-11-22-19.zip "
             "fit/gc_Fr955v19.28andStryd.fit.zip fit/gc_14582164182.fit.gz >/dev/null && "
             "'%s' --db '%s/r.db' activities --json",
             runhip(), dir, runhip(), dir);
    n_compared = 0;
    json_t *ours = run_lines(cmd);
    /* 11 files and the Strava export's treadmill run entered by hand (a row
     * of its activities.csv with no file; not in the refs) */
    CHECK_INT(json_object_size(ours), 24); /* under "file" and "file@start" */
    CHECK(json_object_get(ours, "export/strava_export_dev.zip!activities.csv#1006") != NULL);
    against_refs(ours, is_member);
    CHECK_INT(n_compared, 11);
    printf("archive members: %d activities, %d fields compared\n", n_compared, n_fields);
    json_decref(ours);
}

static void test_corpus_inspect_matches_refs(void)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' inspect --json fit gpx tcx", runhip());
    n_compared = n_fields = 0;
    json_t *ours = run_lines(cmd);
    n_legs = 0;
    against_refs(ours, is_plain);
    CHECK(n_compared >= 46);
    /* the 4 multisport files (3 of them triathlons, 1 chained FIT): a leg
     * each for swim, ride and run; a run leg is a run of its own distance */
    CHECK_INT(n_legs, 12);
    printf("plain files: %d activities, %d multisport legs, %d fields compared\n", n_compared,
           n_legs, n_fields);
    json_decref(ours);
}

int main(void)
{
    RUN(test_archive_members_through_import_and_activities);
    RUN(test_corpus_inspect_matches_refs);
    return TEST_END();
}
