/* SPDX-License-Identifier: MIT */
/*
 * runhip plan [--json] [--ics FILE]: the recovery and return-to-run plan for
 * the latest assessment. The plan is made (and stored) the first time it is
 * asked for after an assessment; later calls render the stored state, which
 * the diary (runhip log) moves on or back. Before any assessment it says the
 * red flags the diary keeps (rh_diary_unassessed), if any.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "runhip/plan.h"
#include "util/banned.h"

#define ICS_DAYS 28

/* words22: the command's own words, data/wording.txt [cli_plan], a closed
 * set of printf formats checked before anything is read; the plan's words
 * are the library's (rh_plan_text_assessed, [plan_words]) */
#define W(key) rh_cli_words("cli_plan", (key))
#define WC(key) rh_cli_words("cli_common", (key))
static const struct rh_words_format plan_words[] = {
    {"cannot_write_ics", ""}, {"runs_prompt", ""}, {"runs_again", ""}, {"runs_bad", "s"},
    {"no_assessment", ""},    {"ics_stopped", "s"}, {"ics_written", "ds"},
};

static int write_file(const char *path, const struct rh_buf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        rh_cli_error(path, "%s", W("cannot_write_ics"));
        return RH_EXIT_IO;
    }
    size_t n = b->len ? fwrite(b->data, 1, b->len, f) : 0;
    if (fclose(f) != 0 || n != b->len) {
        rh_cli_error(path, "%s", W("cannot_write_ics"));
        return RH_EXIT_IO;
    }
    return 0;
}

/* The calendar file of an earlier export, to update it (NULL when there is
 * none or it cannot be read: a fresh export). *text: rh_free. */
static char *read_previous(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct rh_buf b;
    rh_buf_init(&b, 16u << 20);
    char chunk[8192];
    size_t n;
    int r = 0;
    while (!r && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        r = rh_buf_append(&b, chunk, n);
    bool bad = ferror(f) || r;
    fclose(f);
    if (bad || !b.data) {
        rh_buf_release(&b);
        return NULL;
    }
    char *t = rh_strndup(b.data, b.len);
    rh_buf_release(&b);
    return t;
}

/* The plan's question of how many days a week the runner runs, on a
 * terminal (rh_plan_runs_ask): 1-7, Enter leaves it unanswered (the plan
 * says its assumption). *n: the answer, 0 for none. */
static void ask_runs(const char *question, int *n)
{
    *n = 0;
    for (int tries = 0; tries < 3; tries++) {
        printf("%s\n  %s ", question, W("runs_prompt"));
        fflush(stdout);
        char line[64];
        if (!fgets(line, sizeof line, stdin))
            return;
        line[strcspn(line, "\r\n")] = '\0';
        long v;
        if (!line[0] || (rh_parse_long(line, &v) == 0 && v >= 1 && v <= 7)) {
            *n = line[0] ? (int)v : 0;
            putchar('\n'); /* the plan after a blank line */
            return;
        }
        printf("  %s\n", W("runs_again"));
    }
}

int cmd_plan(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                         {"ics", required_argument, NULL, 'i'},
                                         {"runs-a-week", required_argument, NULL, 'r'},
                                         {0}};
    int c = rh_cli_words_check("plan", "cli_plan", plan_words, sizeof plan_words / sizeof *plan_words);
    if (c) /* before anything is read */
        return c;
    bool json = false;
    const char *ics = NULL;
    int runs = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'j') {
            json = true;
        } else if (c == 'i') {
            ics = optarg;
        } else if (c == 'r') {
            long v;
            if (rh_parse_long(optarg, &v) || v < 1 || v > 7) {
                rh_cli_error("plan", W("runs_bad"), optarg);
                return RH_EXIT_DATA;
            }
            runs = (int)v;
        } else {
            return rh_cli_bad_option("plan", argc, argv);
        }
    }
    if (optind < argc) {
        rh_cli_unexpected("plan", argv[optind]);
        return RH_EXIT_USAGE;
    }
    struct rh_err err;
    rh_err_clear(&err);
    struct rh_plan_kb *kb;
    struct rh_store *s;
    int rc = rh_cli_open_plan(cli, "plan", &kb, &s);
    if (rc)
        return rc;
    struct rh_plan_state st;
    int64_t plan_id = 0;
    struct rh_buf out;
    rh_buf_init(&out, 0);
    int r = rh_plan_current(s, kb, &plan_id, &st, &err);
    bool unassessed = false;
    if (r == RH_ENOTFOUND && !ics) {
        /* no assessment: the red flags the diary keeps are said all the same */
        struct rh_err e2;
        rh_err_clear(&e2);
        if (rh_diary_unassessed(s, &st, &e2) == 0) {
            r = 0;
            unassessed = true;
        }
    }
    if (r) {
        rc = rh_cli_report("plan", &err);
        goto done;
    }
    /* how often the runner runs, when the plan needs it and no recorded
     * run gives it: given, or asked on a terminal; kept in the plan */
    char question[400];
    if (!unassessed && !runs && cli->stdin_tty && !cli->in_demo && !json &&
        rh_plan_runs_ask(kb, &st, question, sizeof question))
        ask_runs(question, &runs);
    if (!unassessed && runs && rh_plan_set_runs(s, kb, runs, &st, &err)) {
        rc = rh_cli_report("plan", &err);
        goto done;
    }
    if (unassessed && runs) {
        rh_cli_error("plan", "%s", W("no_assessment"));
        rc = RH_EXIT_DATA;
        goto done;
    }
    if (unassessed) {
        r = json ? rh_plan_unassessed_json(&st, rh_cli_today(cli), &out, &err)
                 : rh_plan_unassessed_text(kb, &st, &out, &err);
        if (r) {
            rc = rh_cli_report("plan", &err);
            goto done;
        }
        goto write;
    }
    int32_t from = rh_cli_today(cli);
    if (from < st.phase_day)
        from = st.phase_day;
    if (ics) {
        struct rh_buf cal;
        rh_buf_init(&cal, 0);
        char *prev = read_previous(ics);
        r = rh_plan_ics_update(kb, &st, from, ICS_DAYS, (int64_t)time(NULL), prev, &cal, &err);
        rh_free(prev);
        if (r)
            rc = rh_cli_report("plan", &err);
        else
            rc = write_file(ics, &cal);
        rh_buf_release(&cal);
        if (rc)
            goto done;
    }
    /* the warning list with the assessment's reasons, as the web's plan page
     * gives it (the plan is the latest assessment's: rh_plan_current) */
    char *result = json ? NULL : rh_plan_assessment_result(s, &st);
    r = json ? rh_plan_json(kb, &st, from, &out, &err)
             : rh_plan_text_assessed(kb, &st, result, from, &out, &err);
    rh_free(result);
    if (r) {
        rc = rh_cli_report("plan", &err);
        goto done;
    }
    if (ics && !json &&
        (rh_plan_all_stopped(&st)
             ? rh_buf_puts(&out, "\n") || rh_buf_printf(&out, W("ics_stopped"), ics) ||
                   rh_buf_puts(&out, "\n")
             : rh_buf_puts(&out, "\n") || rh_buf_printf(&out, W("ics_written"), ICS_DAYS, ics) ||
                   rh_buf_puts(&out, "\n"))) {
        rh_cli_error("plan", "%s", WC("out_of_memory"));
        rc = RH_EXIT_IO;
        goto done;
    }
write:
    /* stop at the first failed write and say so, once, with the reason */
    errno = 0;
    bool bad = json ? fwrite(out.data, 1, out.len, stdout) != out.len
                    : rh_cli_put_text(stdout, out.data, out.len, 0) != 0;
    if (!bad)
        bad = fflush(stdout) != 0;
    if (bad) {
        rh_cli_error("plan", WC("cannot_write_output"), errno ? strerror(errno) : WC("write_failed"));
        clearerr(stdout); /* reported here, not again by main */
        rc = RH_EXIT_IO;
    }
done:
    rh_buf_release(&out);
    rh_store_close(s);
    rh_plan_kb_free(kb);
    return rc;
}
