/* SPDX-License-Identifier: MIT */
/*
 * runhip today [--json]: what the web app's Today page shows, in the
 * terminal: the warnings in force, today's session from the plan and why,
 * the pain rule and what to log (rh_plan_today_text, the same library
 * function, rh_plan_today, as the page). Before any assessment it says so,
 * with the red flags the diary keeps (rh_diary_unassessed), if any.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/plan.h"
#include "util/banned.h"

/* words22: the command's own words, data/wording.txt [cli_today], a closed
 * set checked before anything is read; the day's words are the library's
 * (rh_plan_today_text) */
#define W(key) rh_cli_words("cli_today", (key))
#define WC(key) rh_cli_words("cli_common", (key))
static const struct rh_words_format today_words[] = {{"no_plan", ""}, {"no_plan_how", ""}};

int cmd_today(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{0}};
    int c = rh_cli_words_check("today", "cli_today", today_words,
                               sizeof today_words / sizeof *today_words);
    if (c) /* before anything is read */
        return c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
        return rh_cli_bad_option("today", argc, argv);
    if (optind < argc) {
        rh_cli_unexpected("today", argv[optind]);
        return RH_EXIT_USAGE;
    }
    struct rh_err err;
    rh_err_clear(&err);
    struct rh_plan_kb *kb;
    struct rh_store *s;
    int rc = rh_cli_open_plan(cli, "today", &kb, &s);
    if (rc)
        return rc;
    struct rh_plan_state st;
    int64_t plan_id = 0;
    struct rh_buf out;
    rh_buf_init(&out, 0);
    int r = rh_plan_current(s, kb, &plan_id, &st, &err);
    if (r == RH_ENOTFOUND) {
        /* no assessment: no plan, and so no session; the diary's red
         * flags are said all the same */
        struct rh_err e2;
        rh_err_clear(&e2);
        if (rh_diary_unassessed(s, &st, &e2) == 0)
            r = rh_plan_unassessed_text(kb, &st, &out, &err);
        else
            r = rh_buf_printf(&out, "%s\n%s\n", W("no_plan"), W("no_plan_how"));
        if (r) {
            rc = err.code ? rh_cli_report("today", &err) : RH_EXIT_IO;
            goto done;
        }
        goto write;
    }
    if (r) {
        rc = rh_cli_report("today", &err);
        goto done;
    }
    {
        /* the warning list with the assessment's reasons, as the web's
         * Today page gives it (the plan is the latest assessment's) */
        char *result = rh_plan_assessment_result(s, &st);
        r = rh_plan_today_text(kb, &st, s, result, rh_cli_today(cli), &out, &err);
        rh_free(result);
        if (r) {
            rc = rh_cli_report("today", &err);
            goto done;
        }
    }
write:
    errno = 0;
    bool bad = rh_cli_put_text(stdout, out.data, out.len, 0) != 0 || fflush(stdout) != 0;
    if (bad) {
        rh_cli_error("today", WC("cannot_write_output"), errno ? strerror(errno) : WC("write_failed"));
        clearerr(stdout);
        rc = RH_EXIT_IO;
    }
done:
    rh_buf_release(&out);
    rh_store_close(s);
    rh_plan_kb_free(kb);
    return rc;
}
