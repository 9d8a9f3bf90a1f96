/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the web's POST forms with a database: the bodies a
 * browser (or anything on the network that has the form's token) sends to
 * the Diary, Check-in, Profile, Shoes, Activity, Plan and questionnaire
 * pages and the questionnaire's API, through rh_server_handle.
 *
 * The input's first byte picks the route; the rest of its first line is
 * the query; the rest is the url-encoded body, after "csrf=<token>&" so
 * that the form is taken. Each input starts from a copy of one database
 * made once: a profile, a stored assessment and its plan, an activity and
 * a shoe. After the POST the route's page is asked for again (GET) with
 * the query, reading what the POST stored.
 *
 * Invariants: every answer has a status in 100..599; a refused form (400
 * or 413, or any 4xx) stores nothing: every row of every table of the
 * database is the same before and after. Any crash, leak, sanitizer report
 * or broken invariant is a finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "runhip/assess.h"
#include "runhip/intake.h"
#include "runhip/plan.h"
#include "runhip/server.h"
#include "runhip/store.h"

#include "plan_fixture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const routes[] = {
    "/diary", "/checkin", "/profile", "/shoes", "/activity",
    "/plan", "/questionnaire", "/api/questionnaire",
};
#define N_ROUTES (sizeof routes / sizeof *routes)

static const char intake_text[] = "age = 34\nsex = female\nside = right\n"
                                  "location = outer\nonset = gradual\n"
                                  "duration_days = 42\ncharacter = dull_ache\n"
                                  "pain_run = 6\nworse_with = run_later, walking\n"
                                  "weekly_km = 40\nkm_change_pct = 35\n";

static char tmpl[512], path[512];
static struct rh_plan_kb *kb; /* kept for the process */

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_forms: %s: %s\n", what, detail ? detail : "");
    abort();
}

static void unlink_db(const char *p)
{
    char side[600];
    unlink(p);
    snprintf(side, sizeof side, "%s-wal", p);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", p);
    unlink(side);
    snprintf(side, sizeof side, "%s-journal", p);
    unlink(side);
}

static void drop_template(void)
{
    unlink_db(tmpl);
}

/* The database every input starts from, made once (removed at exit). */
static void setup(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir || strlen(dir) > 400)
        dir = "/tmp";
    snprintf(tmpl, sizeof tmpl, "%s/fuzz_forms_%ld_t.db", dir, (long)getpid());
    snprintf(path, sizeof path, "%s/fuzz_forms_%ld.db", dir, (long)getpid());
    unlink_db(tmpl);
    atexit(drop_template);
    struct rh_err err;
    rh_err_clear(&err);
    struct rh_buf ij, rj;
    fuzz_plan_fixture(intake_text, &kb, &ij, &rj, die);
    struct rh_store *s;
    if (rh_store_open(tmpl, 0, &s, &err))
        die("store", err.msg);
    const int32_t d0 = rh_days_from_civil(2026, 11, 2);
    if (rh_store_profile_set(s, "birth_year", "1990", &err))
        die("profile", err.msg);
    if (rh_store_assessment_add(s, (int64_t)d0 * 86400 + 36000, ij.data, rj.data, NULL, &err))
        die("assessment", err.msg);
    if (rh_store_shoe_put(s, "Road shoe", 0, d0 - 100, -1, &err))
        die("shoe", err.msg);
    struct rh_activity act;
    rh_activity_init(&act);
    act.sport = RH_SPORT_RUNNING;
    act.format = RH_FMT_GPX;
    act.has_start = true;
    act.start_utc = (int64_t)(d0 - 3) * 86400 + 25000;
    act.total_timer_s = act.total_elapsed_s = 1800;
    act.total_distance_m = 5000;
    act.n_records = 1;
    act.content_hash = 77;
    act.file = rh_strdup("fuzz.gpx");
    act.name = rh_strdup("Morning run");
    if (rh_store_activity_add(s, &act, NULL, &err))
        die("activity", err.msg);
    rh_activity_release(&act);
    /* the plan made after the activity: its inputs up to date, so that a
     * page's refresh of them (rh_plan_current) writes nothing */
    static struct rh_plan_state st;
    int64_t pid;
    if (rh_plan_current(s, kb, &pid, &st, &err))
        die("plan", err.msg);
    rh_store_close(s);
    rh_buf_release(&ij);
    rh_buf_release(&rj);
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (!in || !out)
        die("copy", from);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            die("copy", to);
    fclose(in);
    if (fclose(out))
        die("copy", to);
}

/* FNV-1a over every row of every table (names, values, in rowid order). */
static uint64_t db_digest(const char *p)
{
    sqlite3 *db;
    if (sqlite3_open_v2(p, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        die("digest", sqlite3_errmsg(db));
    uint64_t h = 1469598103934665603ULL;
    sqlite3_stmt *t, *q;
    if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name",
                           -1, &t, NULL) != SQLITE_OK)
        die("digest", sqlite3_errmsg(db));
    while (sqlite3_step(t) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(t, 0);
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", name);
        if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
            die("digest", sqlite3_errmsg(db));
        for (const char *c = name; *c; c++)
            h = (h ^ (unsigned char)*c) * 1099511628211ULL;
        while (sqlite3_step(q) == SQLITE_ROW)
            for (int i = 0; i < sqlite3_column_count(q); i++) {
                const unsigned char *v = sqlite3_column_blob(q, i);
                int n = sqlite3_column_bytes(q, i);
                h = (h ^ (uint64_t)sqlite3_column_type(q, i)) * 1099511628211ULL;
                for (int k = 0; k < n; k++)
                    h = (h ^ v[k]) * 1099511628211ULL;
                h = (h ^ 0xff) * 1099511628211ULL;
            }
        sqlite3_finalize(q);
    }
    sqlite3_finalize(t);
    sqlite3_close(db);
    return h;
}

static int ask(const char *method, const char *target, const char *body, size_t len)
{
    struct rh_server_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.db_path = path;
    cfg.csrf = "fuzzcsrf";
    cfg.has_today = true;
    cfg.today = rh_days_from_civil(2026, 11, 8);
    cfg.zone = "UTC";
    struct rh_server_request req;
    memset(&req, 0, sizeof req);
    req.method = method;
    req.target = target;
    req.host = "127.0.0.1:8080";
    req.body = body;
    req.body_len = len;
    req.content_length = len;
    req.has_body = body != NULL;
    struct rh_server_response res;
    rh_server_response_init(&res);
    int r = rh_server_handle(&cfg, &req, &res);
    int status = r == 0 ? res.status : -1;
    if (r == 0 && (status < 100 || status > 599))
        abort();
    if (getenv("FUZZ_FORMS_SHOW")) /* the answer, to read a finding */
        fprintf(stderr, "%s %s: %d\n%.*s\n", method, target, status, (int)res.body.len,
                res.body.data ? res.body.data : "");
    rh_server_response_release(&res);
    return status;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > RH_SERVER_FORM_MAX)
        return 0;
    if (!*tmpl)
        setup();
    const char *route = routes[data[0] % N_ROUTES];
    const uint8_t *nl = memchr(data + 1, '\n', size - 1);
    size_t qlen = nl ? (size_t)(nl - data - 1) : size - 1;
    const uint8_t *body = nl ? nl + 1 : data + size;
    size_t blen = (size_t)(data + size - body);
    /* the query: as sent, cut at a NUL (a request line holds none) */
    char *target = malloc(strlen(route) + qlen + 2);
    static const char pre[] = "csrf=fuzzcsrf&";
    char *form = malloc(sizeof pre + blen);
    if (!target || !form)
        return 0;
    strcpy(target, route);
    if (qlen && memchr(data + 1, '\0', qlen) == NULL && memchr(data + 1, ' ', qlen) == NULL) {
        size_t t = strlen(target);
        target[t] = '?';
        memcpy(target + t + 1, data + 1, qlen);
        target[t + 1 + qlen] = '\0';
    }
    memcpy(form, pre, sizeof pre - 1);
    memcpy(form + sizeof pre - 1, body, blen);
    form[sizeof pre - 1 + blen] = '\0';

    unlink_db(path);
    copy_file(tmpl, path);
    uint64_t before = db_digest(path);
    int status = ask("POST", target, form, sizeof pre - 1 + blen);
    if (status >= 400 && status < 500 && db_digest(path) != before) {
        fprintf(stderr, "fuzz_forms: %s answered %d\n", target, status);
        if (getenv("FUZZ_FORMS_KEEP")) /* the databases before and after, to compare */
            copy_file(path, getenv("FUZZ_FORMS_KEEP"));
        die("a refused form stored something", target);
    }
    (void)ask("GET", target, NULL, 0);
    unlink_db(path);
    free(target);
    free(form);
    return 0;
}
