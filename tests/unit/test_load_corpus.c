/* SPDX-License-Identifier: MIT */
/*
 * The load report on the shared corpus: every plain .fit, .gpx and .tcx
 * file is decoded with the project's decoders and stored, then the report
 * is built as of the newest activity. Real files spread over years, with
 * and without heart rate, cadence and temperature: the report must count
 * exactly the stored runs, agree with their summed distance, keep cadence
 * in range, and give a JSON document and an SVG chart that parse.
 */
#include <dirent.h>
#include <expat.h>
#include <jansson.h>

#include "harness.h"
#include "runhip/fit.h"
#include "runhip/load.h"
#include "runhip/xml.h"

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

struct totals {
    int stored, runs;
    int32_t day[200];
    double km[200];
    int64_t id[200];
};

static void load_dir(struct rh_store *s, const char *sub, struct totals *t)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/corpus/%s", RH_SHARED, sub);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        enum rh_format fmt = ends_with(e->d_name, ".fit")   ? RH_FMT_FIT
                             : ends_with(e->d_name, ".gpx") ? RH_FMT_GPX
                             : ends_with(e->d_name, ".tcx") ? RH_FMT_TCX
                                                            : RH_FMT_NONE;
        if (fmt == RH_FMT_NONE)
            continue;
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *buf = test_slurp(path, &len);
        CHECK(buf != NULL);
        if (!buf)
            continue;
        struct rh_activity a;
        rh_activity_init(&a);
        struct rh_err warn, err;
        int r = fmt == RH_FMT_FIT   ? rh_fit_decode(buf, len, &a, &warn, &err)
                : fmt == RH_FMT_GPX ? rh_gpx_decode(buf, len, &a, &warn, &err)
                                    : rh_tcx_decode(buf, len, &a, &warn, &err);
        /* the importer's job, done here: the file's content hash */
        struct rh_hash h;
        rh_hash_init(&h);
        rh_hash_update(&h, buf, len);
        a.content_hash = rh_hash_final(&h);
        free(buf);
        if (r == 0 && a.has_start) {
            a.format = fmt;
            rh_activity_set_str(&a.file, path);
            struct rh_store_put put;
            /* one outing once: a richer copy replaces the run it matched */
            if (rh_store_activity_put(s, &a, &put, &err) == 0 &&
                put.outcome != RH_STORE_DUPLICATE) {
                int k = t->runs;
                for (int i = 0; i < t->runs; i++)
                    if (put.outcome == RH_STORE_REPLACED && t->id[i] == put.id)
                        k = i;
                if (put.outcome == RH_STORE_ADDED)
                    t->stored++;
                if (rh_sport_is_run(a.sport) && k < 200) {
                    double km = rh_has(a.total_distance_m) && a.total_distance_m > 0
                                    ? a.total_distance_m / 1000
                                    : 0;
                    /* the local day: the file's own offset, else UTC (the zone) */
                    t->day[k] = rh_local_day(a.start_utc, a.has_offset ? a.utc_offset_min : 0);
                    t->km[k] = km;
                    t->id[k] = put.id;
                    if (k == t->runs)
                        t->runs++;
                }
            }
        }
        rh_activity_release(&a);
    }
    closedir(d);
}

static void XMLCALL no_start(void *ud, const XML_Char *n, const XML_Char **a)
{
    (void)n;
    (void)a;
    (*(int *)ud)++;
}

static void test_corpus_report(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/corpus.db", test_tmpdir());
    struct rh_store *s;
    struct rh_err e;
    CHECK_INT(rh_store_open_tz(path, 0, "UTC", &s, &e), 0);
    struct totals t = {0};
    load_dir(s, "fit", &t);
    load_dir(s, "gpx", &t);
    load_dir(s, "tcx", &t);
    CHECK(t.stored >= 30);
    CHECK(t.runs >= 10);
    int32_t as_of;
    CHECK_INT(rh_store_activity_last_day(s, &as_of, &e), 0);
    /* the report reaches back 20 years (7,320 days): the corpus has a 1990
     * run (fitparse_compressed-speed-distance.fit) that falls outside */
    int runs = 0;
    double run_km = 0, longest_km = 0;
    for (int i = 0; i < t.runs; i++) {
        if (t.day[i] < as_of - 7319)
            continue;
        runs++;
        run_km += t.km[i];
        if (t.km[i] > longest_km)
            longest_km = t.km[i];
    }
    CHECK_INT(runs, t.runs - 1);
    struct rh_load_report r;
    CHECK_INT(rh_load_report_build(s, as_of, &r, &e), 0);
    CHECK_INT(r.n_runs, runs);
    double km = 0;
    for (size_t i = 0; i < r.n_weeks; i++)
        km += r.weeks[i].km;
    CHECK_NEAR(km, run_km, 1e-6);
    CHECK_NEAR(r.now.longest_run_km, longest_km, 1e-9);
    CHECK(r.history_days > 365); /* the corpus spans years */
    /* hist30: the corpus spans years but holds a run now and then, under
     * 1.5 a week over its last 4 weeks and over all of it: a record too
     * sparse to judge, said as runs too few, never as days too few */
    const struct rh_load_finding *few = rh_load_report_finding(&r, "too_little_data");
    CHECK(r.sparse && r.recent_runs < 6 && r.all_runs == (int)r.n_runs);
    CHECK(few && strcmp(few->unit, "runs") == 0 && few->value == r.recent_runs);
    CHECK(!rh_load_report_finding(&r, "weekly_jump") && !rh_load_report_finding(&r, "few_strength"));
    for (size_t i = 0; i < r.n_runs; i++) {
        CHECK(!rh_has(r.runs[i].cad_spm) ||
              (r.runs[i].cad_spm >= 100 && r.runs[i].cad_spm <= 250));
        CHECK(r.runs[i].load >= 0 && isfinite(r.runs[i].load));
        CHECK(r.runs[i].method != RH_LOAD_NONE);
    }
    int methods = r.method_runs[RH_LOAD_SRPE] + r.method_runs[RH_LOAD_TRIMP] +
                  r.method_runs[RH_LOAD_PACE];
    CHECK_INT(methods, runs);
    CHECK(r.method_runs[RH_LOAD_TRIMP] > 0); /* several corpus runs have heart rate */
    CHECK(!r.max_hr_from_profile && rh_has(r.max_hr));
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_load_write_json(&r, &b), 0);
    json_error_t je;
    json_t *j = json_loads(b.data, 0, &je);
    CHECK(j != NULL);
    json_decref(j);
    rh_buf_reset(&b);
    CHECK_INT(rh_load_write_svg(&r, &b), 0);
    XML_Parser p = XML_ParserCreate("UTF-8");
    int n_el = 0;
    XML_SetUserData(p, &n_el);
    XML_SetElementHandler(p, no_start, NULL);
    CHECK(XML_Parse(p, b.data, (int)b.len, 1) == XML_STATUS_OK);
    XML_ParserFree(p);
    CHECK(n_el > 50);
    rh_buf_release(&b);
    rh_load_report_release(&r);
    rh_store_close(s);
}

int main(void)
{
    RUN(test_corpus_report);
    return TEST_END();
}
