/* SPDX-License-Identifier: MIT */
/*
 * runhip inspect FILE... [--json]: decodes activity files (and folders and
 * archives, like import) without storing anything, and shows each activity's
 * summary: a line for humans, or one JSON object a line with --json.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/import.h"
#include "util/banned.h"

/* words22b: the command's own words, data/wording.txt [cli_inspect], a
 * closed set of printf formats checked before anything else (the line's
 * layout and the JSON's keys stay here) */
static const struct rh_words_format inspect_words[] = {
    {"start", "s"},          {"km", "f"},           {"records", "l"},
    {"hr", "f"},             {"cadence", "f"},      {"gps", ""},
    {"no_gps", ""},          {"sport", "ss"},       {"file_says", "s"},
    {"why_corrected", ""},   {"why_inferred", ""},  {"why_export", ""},
    {"why_user", ""},        {"why_file", ""},      {"warning", "s"},
    {"bad_jobs", "s"},       {"no_file", ""},
};
#define W(key) rh_cli_words("cli_inspect", (key))
#define WC(key) rh_cli_words("cli_common", (key))

struct inspect_ctx {
    bool json;
    int fail;                /* exit status so far */
    const struct rh_tz *tz;  /* the runner's zone: local days as import stores them */
};

/* Where the sport an import would store comes from, in words. */
static const char *sport_why(const struct rh_import_result *r)
{
    switch (r->sport_source) {
    case RH_SPORT_SRC_INFERRED:
        return W(r->inferred == RH_INFER_CORRECTED ? "why_corrected" : "why_inferred");
    case RH_SPORT_SRC_EXPORT_CSV:
        return W("why_export");
    case RH_SPORT_SRC_USER:
        return W("why_user");
    case RH_SPORT_SRC_FILE:
    default:
        return W("why_file");
    }
}

static void show_human(const struct rh_import_result *r)
{
    const struct rh_activity *a = r->a;
    char when[21] = "-";
    if (a->has_start)
        rh_time_format_iso(a->start_utc, when);
    printf("%s\n  %s%s%s%s%s, ", rh_cli_safe(a->file), rh_format_name(a->format),
           a->format != RH_FMT_NONE ? " " : "", rh_sport_name(r->sport),
           a->sub_sport[0] ? "/" : "", rh_cli_safe(a->sub_sport));
    printf(W("start"), when);
    if (rh_has(a->total_distance_m)) {
        fputs(", ", stdout);
        printf(W("km"), a->total_distance_m / 1000);
    }
    double d = rh_activity_duration_s(a);
    if (rh_has(d))
        printf(", %d:%02d:%02d", (int)(d / 3600), (int)(d / 60) % 60, (int)d % 60);
    fputs(", ", stdout);
    printf(W("records"), a->n_records);
    if (rh_has(a->avg_hr)) {
        fputs(", ", stdout);
        printf(W("hr"), a->avg_hr);
    }
    if (rh_has(a->avg_cadence_spm)) {
        fputs(", ", stdout);
        printf(W("cadence"), a->avg_cadence_spm);
    }
    printf(", %s\n", W(a->has_gps ? "gps" : "no_gps"));
    /* the sport as import would store it, and why (the file may say
     * nothing, or something impossible) */
    fputs("  ", stdout);
    printf(W("sport"), rh_sport_name(r->sport), sport_why(r));
    if (r->sport != a->sport) {
        fputs("; ", stdout);
        printf(W("file_says"), rh_sport_name(a->sport));
    }
    printf(")\n");
    if (a->device || a->name)
        printf("  %s%s%s\n", a->device ? rh_cli_safe(a->device) : "",
               a->device && a->name ? ", " : "", a->name ? rh_cli_safe(a->name) : "");
}

static void on_result(void *vctx, const struct rh_import_result *r)
{
    struct inspect_ctx *c = vctx;
    if (r->status == RH_IMPORT_FAILED) {
        /* as in import: a file that cannot be read or decoded is a bad
         * input (1); only running out of memory is exit 3 */
        int st = rh_cli_report(r->name, r->err);
        st = r->err && r->err->code == RH_ENOMEM ? RH_EXIT_IO : RH_EXIT_DATA;
        if (st > c->fail)
            c->fail = st;
        return;
    }
    if (r->status == RH_IMPORT_SKIPPED || !r->a)
        return;
    if (r->warn && r->warn->code && !r->warn_shared) {
        /* code24: a warning a file's legs or outings share is said once,
         * naming them (as runhip import says it) */
        char parts[1024];
        fprintf(stderr, "runhip: %s: ", rh_cli_safe(r->name));
        if (r->warn_parts && rh_import_result_warning_parts(r, parts, sizeof parts))
            fprintf(stderr, "%s: ", rh_cli_safe(parts));
        fprintf(stderr, W("warning"),
                rh_cli_safe(r->warn->msg[0] ? r->warn->msg : rh_strerror(r->warn->code)));
        fputs("\n", stderr);
    }
    /* the local day and offset the activity would be stored with (cli.md:
     * the file's own offset when plausible, else the runner's zone) */
    struct rh_activity local = *r->a;
    rh_activity_set_offset(&local, c->tz);
    struct rh_import_result lr = *r;
    lr.a = &local;
    r = &lr;
    if (!c->json) {
        show_human(r);
        return;
    }
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int rc = rh_import_activity_json(r->a, &b);
    if (rc == 0 && b.len > 0 && b.data[b.len - 1] == '}') {
        /* "sport" and "sport_source" are what the file says; the import's
         * own after the inference go beside them */
        b.data[--b.len] = '\0';
        rc = rh_buf_puts(&b, ",\"import_sport\":") ||
             rh_buf_json_str(&b, rh_sport_name(r->sport)) ||
             rh_buf_puts(&b, ",\"import_sport_source\":") ||
             rh_buf_json_str(&b, rh_sport_source_name(r->sport_source)) || rh_buf_puts(&b, "}");
    }
    if (rc == 0) {
        puts(b.data);
    } else {
        rh_cli_error(r->name, "%s", WC("out_of_memory"));
        c->fail = RH_EXIT_IO;
    }
    rh_buf_release(&b);
}

int cmd_inspect(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'J'}, {"jobs", required_argument, NULL, 'j'}, {0}};
    struct inspect_ctx c = {false, 0, NULL};
    long jobs = 0;
    int ch = rh_cli_words_check("inspect", "cli_inspect", inspect_words,
                                sizeof inspect_words / sizeof *inspect_words);
    if (ch)
        return ch;
    while ((ch = getopt_long(argc, argv, "j:", opts, NULL)) != -1) {
        if (ch == 'J') {
            c.json = true;
        } else if (ch == 'j') {
            if (rh_parse_long(optarg, &jobs) || jobs < 1 || jobs > 64) {
                rh_cli_error("inspect", W("bad_jobs"), optarg);
                return RH_EXIT_DATA;
            }
        } else {
            return rh_cli_bad_option("inspect", argc, argv);
        }
    }
    if (optind >= argc) {
        rh_cli_error("inspect", "%s", W("no_file"));
        return RH_EXIT_USAGE;
    }
    struct rh_tz *tz = rh_cli_zone(cli);
    c.tz = tz;
    struct rh_import_opts o = {NULL, (int)jobs, on_result, NULL, false, &c, 0, NULL, NULL};
    struct rh_import_stats st;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_import_run((const char *const *)argv + optind, (size_t)(argc - optind), &o, &st,
                          &err);
    rh_tz_free(tz);
    if (r)
        return rh_cli_report("inspect", &err);
    return c.fail;
}
