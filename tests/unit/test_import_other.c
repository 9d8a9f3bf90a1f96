/* SPDX-License-Identifier: MIT */
/*
 * Apple Health, Polar and Suunto SML fixtures of the corpus through the
 * program, against refs_other.jsonl (made by an independent reader):
 * `runhip inspect --json` of each file (run inside the corpus folder, so
 * names match the refs' "file"; "archive!member" lines by inspecting the
 * archive). Every refs line must be decoded, once, and agree: distance
 * within 1%, elapsed and timer time within 1 s, heart rate within 1 bpm,
 * cadence within 1 spm, start time, local day, offset and sport exact.
 * Several workouts of one export.xml share "file"; the start tells them
 * apart. Also: the walk of an export folder gives its workouts and never
 * its route GPX, and the same export as a bare file, a folder and a zip is
 * stored once.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define CORPUS RH_SHARED "/corpus"

static const char *runhip(void)
{
    const char *r = getenv("RUNHIP");
    return r && *r ? r : "build/san/runhip";
}

/* Removes a folder made by test_tmpdir (tests leave nothing behind). */
static void remove_dir(const char *dir)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

/* Runs cmd in the corpus folder; returns its stdout lines as a JSON array. */
static json_t *run_lines(const char *cmd)
{
    char full[4096];
    snprintf(full, sizeof full, "cd '%s' && %s", CORPUS, cmd);
    FILE *p = popen(full, "r");
    json_t *all = json_array();
    if (!p)
        return all;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, p) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        CHECK(o != NULL);
        if (o)
            json_array_append_new(all, o);
    }
    free(line);
    pclose(p);
    return all;
}

static int n_fields;

static void near(const char *what, const char *field, json_t *ours, json_t *ref, double rel,
                 double abs_tol)
{
    json_t *r = json_object_get(ref, field), *o = json_object_get(ours, field);
    if (!r || json_is_null(r))
        return;
    n_fields++;
    if (!json_is_number(o)) {
        fprintf(stderr, "  %s: %s: ours null, refs %g\n", what, field, json_number_value(r));
        th_checks_failed++;
        return;
    }
    double a = json_number_value(o), b = json_number_value(r);
    double tol = rel * fabs(b) > abs_tol ? rel * fabs(b) : abs_tol;
    if (fabs(a - b) > tol) {
        fprintf(stderr, "  %s: %s: ours %g, refs %g\n", what, field, a, b);
        th_checks_failed++;
    }
}

static void same_str(const char *what, const char *field, const char *ours, const char *ref)
{
    n_fields++;
    if (!ours || !ref || strcmp(ours, ref) != 0) {
        fprintf(stderr, "  %s: %s: ours %s, refs %s\n", what, field, ours ? ours : "null",
                ref ? ref : "null");
        th_checks_failed++;
    }
}

static void compare(const char *what, json_t *o, json_t *ref)
{
    near(what, "total_distance_m", o, ref, 0.01, 0.5);
    near(what, "total_elapsed_s", o, ref, 0, 1.0);
    near(what, "total_timer_s", o, ref, 0, 1.0);
    near(what, "avg_hr", o, ref, 0, 1.0);
    near(what, "max_hr", o, ref, 0, 1.0);
    near(what, "avg_cadence_spm", o, ref, 0, 1.0);
    near(what, "utc_offset_min", o, ref, 0, 0);
    same_str(what, "local_date", json_string_value(json_object_get(o, "local_date")),
             json_string_value(json_object_get(ref, "local_date")));
    /* the refs' null sport ("not specified") is runhip's "other" */
    const char *rs = json_string_value(json_object_get(ref, "sport"));
    same_str(what, "sport", json_string_value(json_object_get(o, "sport")), rs ? rs : "other");
    json_t *g = json_object_get(ref, "has_gps");
    n_fields++;
    if (json_is_true(g) != json_is_true(json_object_get(o, "has_gps"))) {
        fprintf(stderr, "  %s: has_gps differs\n", what);
        th_checks_failed++;
    }
}

/* The formats compared (all of refs_other.jsonl). */
static bool format_read(const char *fmt)
{
    static const char *const done[] = {"apple_health", "polar", "sml"};
    for (size_t i = 0; i < sizeof done / sizeof *done; i++)
        if (strcmp(fmt, done[i]) == 0)
            return true;
    return false;
}

static void test_fixtures_match_refs_other(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/refs_other.jsonl", CORPUS);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    json_t *refs = json_array();
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *r = json_loads(line, 0, NULL);
        if (r)
            json_array_append_new(refs, r);
    }
    free(line);
    fclose(f);
    CHECK_INT(json_array_size(refs), 14);
    /* one inspect per file on disk (an archive holds its members' lines) */
    json_t *ours = json_object(); /* disk path -> array of activities */
    size_t i;
    json_t *ref;
    int compared = 0;
    json_array_foreach(refs, i, ref) {
        const char *file = json_string_value(json_object_get(ref, "file"));
        const char *fmt = json_string_value(json_object_get(ref, "format"));
        if (!file || !fmt || !format_read(fmt))
            continue;
        char disk[512];
        snprintf(disk, sizeof disk, "%s", file);
        char *bang = strchr(disk, '!');
        if (bang)
            *bang = '\0';
        if (!json_object_get(ours, disk)) {
            char cmd[1024];
            snprintf(cmd, sizeof cmd, "'%s' inspect --json '%s'", runhip(), disk);
            json_object_set_new(ours, disk, run_lines(cmd));
        }
        /* the activity of this file with this start, exactly once */
        json_t *got = NULL, *o;
        size_t k;
        int n = 0;
        const char *start = json_string_value(json_object_get(ref, "start_time_utc"));
        json_array_foreach(json_object_get(ours, disk), k, o) {
            const char *of = json_string_value(json_object_get(o, "file"));
            const char *os = json_string_value(json_object_get(o, "start_time_utc"));
            if (of && os && start && strcmp(of, file) == 0 && strcmp(os, start) == 0) {
                got = o;
                n++;
            }
        }
        char what[700];
        snprintf(what, sizeof what, "%s@%s", file, start ? start : "?");
        if (n != 1) {
            fprintf(stderr, "  %s: decoded %d times\n", what, n);
            th_checks_failed++;
            continue;
        }
        compare(what, got, ref);
        compared++;
    }
    /* and nothing more than the refs: each file gave as many activities as it has lines */
    const char *disk;
    json_t *arr;
    json_object_foreach(ours, disk, arr) {
        size_t want = 0;
        json_array_foreach(refs, i, ref) {
            const char *file = json_string_value(json_object_get(ref, "file"));
            size_t dl = strlen(disk);
            if (file && strncmp(file, disk, dl) == 0 && (file[dl] == '\0' || file[dl] == '!'))
                want++;
        }
        if (json_array_size(arr) != want) {
            fprintf(stderr, "  %s: %zu activities, refs have %zu\n", disk, json_array_size(arr),
                    want);
            th_checks_failed++;
        }
    }
    CHECK_INT(compared, 14);
    printf("apple/polar/suunto: %d activities, %d fields compared\n", compared, n_fields);
    json_decref(ours);
    json_decref(refs);
}

/* The export folder gives its four workouts; the route GPX beside them is
 * part of the outdoor run, never an activity of its own. */
static void test_export_folder_walk(void)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' inspect --json apple/handmade_ios16", runhip());
    json_t *all = run_lines(cmd);
    CHECK_INT(json_array_size(all), 4);
    size_t i;
    json_t *o;
    int with_route = 0;
    json_array_foreach(all, i, o) {
        CHECK_STR(json_string_value(json_object_get(o, "format")), "apple_health");
        if (json_is_true(json_object_get(o, "has_gps"))) {
            with_route++;
            CHECK_INT(json_integer_value(json_object_get(o, "n_records")), 625);
        }
    }
    CHECK_INT(with_route, 1);
    json_decref(all);
}

/* The dogsheep run as a bare export.xml, an unzipped folder and the zip:
 * one activity in the store, the other two are duplicates. */
static void test_same_export_three_ways_is_one_activity(void)
{
    const char *dir = test_tmpdir();
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "'%s' --db '%s/o.db' import apple/dogsheep_export.xml "
             "apple/dogsheep_export_unzipped apple/dogsheep_export.zip 2>&1",
             runhip(), dir);
    char full[2300];
    snprintf(full, sizeof full, "cd '%s' && %s", CORPUS, cmd);
    FILE *p = popen(full, "r");
    CHECK(p != NULL);
    char out[4096] = "";
    size_t n = p ? fread(out, 1, sizeof out - 1, p) : 0;
    out[n] = '\0';
    if (p)
        pclose(p);
    CHECK(strstr(out, "imported 1, duplicates 2, failed 0") != NULL);
    if (!strstr(out, "imported 1, duplicates 2, failed 0"))
        fprintf(stderr, "%s\n", out);
    remove_dir(dir);
}

/* Runs cmd (in the corpus folder, stderr too) into out. */
static void run_text(const char *cmd, char *out, size_t cap)
{
    char full[4096];
    snprintf(full, sizeof full, "cd '%s' && %s 2>&1", CORPUS, cmd);
    FILE *p = popen(full, "r");
    CHECK(p != NULL);
    size_t n = p ? fread(out, 1, cap - 1, p) : 0;
    out[n] = '\0';
    if (p)
        pclose(p);
}

/* The three consecutive GPS Track POD moves of one morning stay three
 * activities; the hand-made Ambit3 run and the Apple Watch run of the same
 * outing are one, whichever comes first. */
static void test_outings_across_formats(void)
{
    const char *dir = test_tmpdir();
    char cmd[2048], out[8192];
    snprintf(cmd, sizeof cmd,
             "'%s' --db '%s/s.db' import suunto/stravalapandsplit_34FB984612000700-2016-03-17T07_41_38-0.sml "
             "suunto/stravalapandsplit_34FB984612000700-2016-03-17T08_02_04-0.sml "
             "suunto/stravalapandsplit_34FB984612000700-2016-03-17T09_02_56-0.sml",
             runhip(), dir);
    run_text(cmd, out, sizeof out);
    CHECK(strstr(out, "imported 3, duplicates 0, failed 0") != NULL);
    for (int order = 0; order < 2; order++) {
        const char *sml = "suunto/handmade_ambit3_run.sml";
        const char *apple = "apple/handmade_ios16";
        snprintf(cmd, sizeof cmd, "'%s' --db '%s/o%d.db' import %s %s && '%s' --db '%s/o%d.db' "
                 "activities --json", runhip(), dir, order, order ? apple : sml,
                 order ? sml : apple, runhip(), dir, order);
        run_text(cmd, out, sizeof out);
        /* four workouts of the export; the Ambit3 run is one of them */
        int n = 0;
        for (const char *p = out; (p = strstr(p, "\"start_time_utc\"")); p++)
            n++;
        CHECK_INT(n, 4);
        CHECK(strstr(out, "handmade_ambit3_run.sml") != NULL); /* named in also_in or kept */
    }
    remove_dir(dir);
}

/* A broken export names the file and stores nothing. */
static void test_broken_export_is_an_error(void)
{
    const char *dir = test_tmpdir();
    char doc[600], cmd[2048];
    snprintf(doc, sizeof doc, "%s/export.xml", dir);
    FILE *f = fopen(doc, "w");
    CHECK(f != NULL);
    if (!f) {
        remove_dir(dir);
        return;
    }
    fputs("<?xml version=\"1.0\"?>\n<HealthData locale=\"en\">\n<Workout workoutActivityType="
          "\"HKWorkoutActivityTypeRunning\" startDate=\"2023-01-01 10:00:00 +0100\" "
          "endDate=\"2023-01-01 10:30:00 +0100\"><Bad",
          f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "'%s' --db '%s/b.db' import '%s' 2>&1; echo status=$?", runhip(),
             dir, doc);
    FILE *p = popen(cmd, "r");
    char out[4096] = "";
    size_t n = p ? fread(out, 1, sizeof out - 1, p) : 0;
    out[n] = '\0';
    if (p)
        pclose(p);
    CHECK(strstr(out, "export.xml") != NULL);
    CHECK(strstr(out, "imported 0") != NULL);
    CHECK(strstr(out, "failed 1") != NULL);
    CHECK(strstr(out, "status=0") == NULL);
    remove_dir(dir);
}

int main(void)
{
    RUN(test_fixtures_match_refs_other);
    RUN(test_export_folder_walk);
    RUN(test_same_export_three_ways_is_one_activity);
    RUN(test_outings_across_formats);
    RUN(test_broken_export_is_an_error);
    return TEST_END();
}
