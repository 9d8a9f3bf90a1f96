/* SPDX-License-Identifier: MIT */
/*
 * `runhip load` as a program ($RUNHIP, set by make check): a database made
 * with the library (a 40% jump history), then the text report with the
 * default as-of day, --as-of, --json (only JSON on stdout), --svg, and the
 * bad inputs: --as-of not a date, an unknown option, an extra argument, an
 * empty database, an SVG path that cannot be written.
 */
#include <jansson.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "runhip/load.h"
#include "test_load_synth.h"

static char dir[512], db[600], out[700], err[700];

/* Runs "$RUNHIP --db DB args" with stdout/stderr to files; exit status. */
static int run(const char *dbpath, const char *args)
{
    const char *prog = getenv("RUNHIP");
    char cmd[2400];
    snprintf(cmd, sizeof cmd, "'%s' --db '%s' %s >'%s' 2>'%s'", prog ? prog : "build/san/runhip",
             dbpath, args, out, err);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *slurp_out(void)
{
    char *t = test_slurp(out, NULL);
    return t ? t : calloc(1, 1);
}

static char *slurp_err(void)
{
    char *t = test_slurp(err, NULL);
    return t ? t : calloc(1, 1);
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(err, sizeof err, "%s/err", dir);
    snprintf(db, sizeof db, "%s/jump.db", dir);
    struct rh_store *s;
    if (rh_store_open_tz(db, 0, "UTC", &s, NULL))
        exit(2);
    for (int w = 0; w < 4; w++)
        for (int k = 0; k < 3; k++)
            syn_add(s, SYN_DAY0 + 7 * w + 2 * k, syn_plain(10, 60));
    for (int k = 0; k < 4; k++)
        syn_add(s, SYN_DAY0 + 28 + 2 * k, syn_plain(10.5, 63));
    rh_store_close(s);
}

static void test_text_default_as_of(void)
{
    /* as of today by default (cli.md, second version): the newest run is
     * on day 28 + 6 = 2026-02-08, taken as today */
    CHECK_INT(run(db, "--today 2026-02-08 load"), 0);
    char *o = slurp_out();
    CHECK(strstr(o, "Training load as of 2026-02-08, today") != NULL);
    /* the finding by its title, not its id */
    CHECK(strstr(o, "Weekly distance went up by more than 30%") != NULL);
    CHECK(strstr(o, "[weekly_jump]") == NULL);
    CHECK(strstr(o, "42.0 km against 30.0 km") != NULL);
    free(o);
}

static void test_json_only_json(void)
{
    CHECK_INT(run(db, "load --json --as-of 2026-02-08"), 0);
    char *o = slurp_out();
    json_error_t je;
    json_t *j = json_loads(o, 0, &je);
    CHECK(j != NULL);
    if (j) {
        CHECK_STR(json_string_value(json_object_get(j, "as_of_source")), "given");
        json_t *f = json_array_get(json_object_get(j, "findings"), 0);
        CHECK_STR(json_string_value(json_object_get(f, "id")), "weekly_jump");
        CHECK_NEAR(json_number_value(json_object_get(f, "value")), 40, 1e-9);
        json_decref(j);
    }
    free(o);
}

static void test_svg_written(void)
{
    char args[800], svg[700];
    snprintf(svg, sizeof svg, "%s/chart.svg", dir);
    snprintf(args, sizeof args, "load --svg '%s'", svg);
    CHECK_INT(run(db, args), 0);
    char *o = slurp_out();
    CHECK(strstr(o, "Chart written to") != NULL);
    free(o);
    char *c = test_slurp(svg, NULL);
    CHECK(c && strstr(c, "<svg") && strstr(c, "</svg>"));
    free(c);
    /* with --json the chart is written and stdout stays pure JSON */
    snprintf(args, sizeof args, "load --json --svg '%s'", svg);
    CHECK_INT(run(db, args), 0);
    o = slurp_out();
    CHECK(o[0] == '{');
    json_t *j = json_loads(o, 0, NULL);
    CHECK(j != NULL);
    json_decref(j);
    free(o);
}

static void test_bad_inputs(void)
{
    CHECK_INT(run(db, "load --as-of 2026-13-01"), 1);
    char *e = slurp_err();
    CHECK(strstr(e, "runhip: load: --as-of: '2026-13-01' is not a date (expected YYYY-MM-DD)") !=
          NULL);
    free(e);
    CHECK_INT(run(db, "load --as-of yesterday"), 1);
    CHECK_INT(run(db, "load --frob"), 2);
    e = slurp_err();
    CHECK(strstr(e, "--frob") != NULL);
    free(e);
    CHECK_INT(run(db, "load extra"), 2);
    /* a day before any data */
    CHECK_INT(run(db, "load --as-of 2020-01-01"), 1);
    e = slurp_err();
    CHECK(strstr(e, "no activities stored up to 2020-01-01") != NULL);
    free(e);
    /* an SVG that cannot be written */
    CHECK_INT(run(db, "load --svg /nonexistent-dir/x.svg"), 3);
    e = slurp_err();
    CHECK(strstr(e, "runhip: /nonexistent-dir/x.svg: cannot write") != NULL);
    free(e);
}

static void test_empty_database(void)
{
    char empty[700];
    snprintf(empty, sizeof empty, "%s/empty.db", dir);
    /* no database at all: load says so and creates none */
    CHECK_INT(run(empty, "load"), 3);
    char *e = slurp_err();
    CHECK(strstr(e, "no runhip database here yet") != NULL);
    free(e);
    CHECK(access(empty, F_OK) != 0);
    /* a database with no activities */
    struct rh_store *s;
    CHECK_INT(rh_store_open(empty, 0, &s, NULL), 0);
    rh_store_close(s);
    CHECK_INT(run(empty, "load"), 1);
    e = slurp_err();
    CHECK(strstr(e, "runhip: load: no activities stored yet") != NULL);
    free(e);
    char *o = slurp_out();
    CHECK_INT(strlen(o), 0);
    free(o);
    CHECK_INT(run(empty, "load --json --as-of 2026-01-01"), 1);
    o = slurp_out();
    CHECK_INT(strlen(o), 0);
    free(o);
}

int main(void)
{
    setup();
    RUN(test_text_default_as_of);
    RUN(test_json_only_json);
    RUN(test_svg_written);
    RUN(test_bad_inputs);
    RUN(test_empty_database);
    return TEST_END();
}
