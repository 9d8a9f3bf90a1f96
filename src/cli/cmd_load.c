/* SPDX-License-Identifier: MIT */
/*
 * runhip load [--as-of DATE] [--json] [--svg FILE]: the training-load
 * report of the stored activities and diary (see include/runhip/load.h).
 * Without --as-of the report is as of the day of the newest stored
 * activity, and says so.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/load.h"
#include "runhip/plan.h"
#include "util/banned.h"

/* words22: the command's own words, data/wording.txt [cli_load], a closed
 * set of printf formats checked before anything is read; the report's are
 * [load_words] and data/load_rules.txt's */
#define W(key) rh_cli_words("cli_load", (key))
#define WC(key) rh_cli_words("cli_common", (key))
static const struct rh_words_format load_cli_words[] = {
    {"stdout_failed", "s"}, {"not_date", "s"}, {"future", "ss"}, {"svg_name", ""},
    {"svg_json", ""},       {"no_activities", ""}, {"chart_written", "s"},
};

/* Writes the chart to path, or to stdout for "-". */
static int write_file(const char *path, const struct rh_buf *b)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(b->data, 1, b->len, stdout) != b->len || fflush(stdout) != 0) {
            rh_cli_error("load", W("stdout_failed"), strerror(errno));
            return RH_EXIT_IO;
        }
        return 0;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        rh_cli_error(path, WC("cannot_write"), strerror(errno));
        return RH_EXIT_IO;
    }
    size_t n = b->len;
    bool ok = fwrite(b->data, 1, n, f) == n;
    ok = (fclose(f) == 0) && ok;
    if (!ok) {
        rh_cli_error(path, WC("cannot_write"), strerror(errno));
        return RH_EXIT_IO;
    }
    return 0;
}

int cmd_load(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"as-of", required_argument, NULL, 'a'},
                                         {"json", no_argument, NULL, 'j'},
                                         {"svg", required_argument, NULL, 's'},
                                         {0}};
    const char *as_of_opt = NULL, *svg_path = NULL;
    bool json = false;
    int c = rh_cli_words_check("load", "cli_load", load_cli_words,
                               sizeof load_cli_words / sizeof *load_cli_words);
    if (c) /* before anything is read */
        return c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'a')
            as_of_opt = optarg;
        else if (c == 'j')
            json = true;
        else if (c == 's')
            svg_path = optarg;
        else
            return rh_cli_bad_option("load", argc, argv);
    }
    if (optind < argc) {
        rh_cli_error("load", WC("unexpected_help"), argv[optind], "load");
        return RH_EXIT_USAGE;
    }
    int32_t as_of = 0;
    if (as_of_opt && rh_date_parse(as_of_opt, &as_of)) {
        rh_cli_error("load", W("not_date"), as_of_opt);
        return RH_EXIT_DATA;
    }
    if (as_of_opt && as_of > rh_cli_today(cli)) {
        /* cli.md: dates after today (--today) are refused like future dates */
        char t[11];
        rh_date_format(rh_cli_today(cli), t);
        rh_cli_error("load", W("future"), as_of_opt, t);
        return RH_EXIT_DATA;
    }
    if (svg_path && !*svg_path) {
        rh_cli_error("load", "%s", W("svg_name"));
        return RH_EXIT_USAGE;
    }
    bool svg_stdout = svg_path && strcmp(svg_path, "-") == 0;
    if (svg_stdout && json) {
        rh_cli_error("load", "%s", W("svg_json"));
        return RH_EXIT_USAGE;
    }
    struct rh_store *s;
    int rc = rh_cli_open_existing(cli, &s);
    if (rc)
        return rc;
    struct rh_err err;
    rh_err_clear(&err);
    if (!as_of_opt)
        as_of = rh_cli_today(cli);
    struct rh_load_report rep;
    /* the library decides whether there is anything to count: a run logged
     * by hand (log session run --km N) counts with no file imported
     * (runner18: "no activities stored yet" answered a runner whose diary
     * held one) */
    int r = rh_load_report_build(s, as_of, &rep, &err);
    if (r == RH_EEMPTY && !as_of_opt) {
        rh_cli_error("load", "%s", W("no_activities"));
        rh_store_close(s);
        return RH_EXIT_DATA;
    }
    if (r) {
        rh_store_close(s);
        return rh_cli_report("load", &err);
    }
    /* the findings the Training page and the report show: the latest
     * weeks' and those of the weeks before the pain began (review 8 #10) */
    struct rh_load_shown sh;
    r = rh_load_findings_shown(s, &rep, &sh, &err);
    if (!r) {
        /* while the plan stops running and leg exercise, the findings'
         * advice waits for the clearance (review 10 #4) */
        struct rh_plan_kb *kb = NULL;
        bool defer = false;
        r = rh_plan_kb_load(&kb, &err);
        if (!r)
            r = rh_plan_training_deferred(s, kb, &defer, &err);
        rh_plan_kb_free(kb);
        if (!r && defer)
            rh_load_shown_defer(&rep, &sh);
    }
    rh_store_close(s);
    if (r) {
        rh_load_shown_release(&sh);
        rh_load_report_release(&rep);
        return rh_cli_report("load", &err);
    }
    rep.as_of_is_today = !as_of_opt;
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int status = 0;
    if (svg_path) {
        if (rh_load_write_svg(&rep, &b)) {
            rh_cli_error("load", "%s", WC("out_of_memory"));
            status = RH_EXIT_IO;
        } else {
            status = write_file(svg_path, &b);
        }
        rh_buf_reset(&b);
    }
    if (!status && !svg_stdout) {
        r = json ? rh_load_write_json_shown(&rep, &sh, &b) : rh_load_write_text_shown(&rep, &sh, &b);
        if (r) {
            rh_cli_error("load", "%s", WC("out_of_memory"));
            status = RH_EXIT_IO;
        } else {
            if (json)
                fwrite(b.data, 1, b.len, stdout);
            else
                (void)rh_cli_put_text(stdout, b.data, b.len, 0);
            if (svg_path && !json)
            {
                printf(W("chart_written"), svg_path);
                printf("\n");
            }
        }
    }
    rh_buf_release(&b);
    rh_load_shown_release(&sh);
    rh_load_report_release(&rep);
    return status;
}
