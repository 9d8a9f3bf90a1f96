/* SPDX-License-Identifier: MIT */
/*
 * runhip assess [--in FILE|-] [--json]: the hip-pain assessment.
 *
 * The intake comes from a file (text or JSON, rh_intake_parse) or, with no
 * --in and a terminal on stdin, from the interactive questionnaire. Answers
 * piped into a non-terminal stdin are refused with a pointer to --in, so a
 * script never drives the questionnaire by accident. The result is printed
 * (text, or the JSON of rh_assessment_to_json with --json) and stored with
 * its intake; after the questionnaire the runner is asked first, and
 * nothing is stored when they quit.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "runhip/assess.h"
#include "runhip/intake.h"
#include "runhip/load.h"
#include "util/banned.h"

#define INTAKE_MAX (1u << 20) /* an intake is a few hundred bytes */

/* Reads a whole file ("-" = stdin) into b. 0, or prints and returns an exit status. */
static int read_input(const char *path, struct rh_buf *b)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        rh_cli_error(path, "cannot open: %s", strerror(errno));
        return RH_EXIT_DATA;
    }
    char chunk[4096];
    size_t n;
    int r = 0;
    while (r == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        r = rh_buf_append(b, chunk, n);
    bool bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (r == RH_ELIMIT) {
        rh_cli_error(path, "too large for an intake (over %u bytes)", INTAKE_MAX);
        return RH_EXIT_DATA;
    }
    if (r || bad) {
        rh_cli_error(path, "cannot read: %s", r ? rh_strerror(r) : strerror(errno));
        return r == RH_ENOMEM ? RH_EXIT_IO : RH_EXIT_DATA;
    }
    return 0;
}

/* Stores intake and result; prints and returns an exit status on failure. */
static int store_it(struct rh_store *s, const struct rh_intake *in, const struct rh_buf *result,
                    int64_t *id)
{
    struct rh_buf ij;
    struct rh_err err;
    rh_err_clear(&err);
    rh_buf_init(&ij, INTAKE_MAX);
    int r = rh_intake_to_json(in, &ij);
    if (r == 0)
        r = rh_store_assessment_add(s, (int64_t)time(NULL), ij.data, result->data, id, &err);
    rh_buf_release(&ij);
    if (r) {
        if (!err.msg[0])
            rh_err_set(&err, r, "cannot store the assessment: %s", rh_strerror(r));
        return rh_cli_report(rh_store_path(s), &err);
    }
    return 0;
}

int cmd_assess(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"in", required_argument, NULL, 'i'},
                                         {"json", no_argument, NULL, 'j'},
                                         {NULL, 0, NULL, 0}};
    const char *in_path = NULL;
    bool json = false;
    int c;
    while ((c = getopt_long(argc, argv, "i:j", opts, NULL)) != -1) {
        switch (c) {
        case 'i': in_path = optarg; break;
        case 'j': json = true; break;
        default: return rh_cli_bad_option("assess", argc, argv);
        }
    }
    if (optind < argc) {
        rh_cli_error("assess", "unexpected argument '%s' (see runhip assess --help)", argv[optind]);
        return RH_EXIT_USAGE;
    }

    /* 1. the answers */
    struct rh_intake intake;
    bool interactive = false;
    if (in_path) {
        struct rh_buf text;
        struct rh_err err;
        rh_err_clear(&err);
        rh_buf_init(&text, INTAKE_MAX);
        int st = read_input(in_path, &text);
        if (st == 0 && rh_intake_parse(text.data ? text.data : "", text.len, &intake, &err) != 0)
            st = rh_cli_report(strcmp(in_path, "-") == 0 ? "<stdin>" : in_path, &err);
        rh_buf_release(&text);
        if (st)
            return st;
    } else if (cli->stdin_tty) {
        /* with --json, stdout carries only the JSON: the questions go to stderr */
        FILE *qout = json ? stderr : stdout;
        int r = rh_cli_questionnaire(cli, stdin, qout, &intake);
        if (r == 1)
            return RH_EXIT_OK; /* the runner quit: nothing to assess or save */
        if (r < 0)
            return rh_cli_exit_for(r);
        interactive = true;
    } else {
        rh_cli_error("assess",
                     "stdin is not a terminal, so the questions cannot be asked; write the "
                     "answers to a file and use --in FILE (or --in - to read them from stdin)");
        return RH_EXIT_USAGE;
    }

    struct rh_store *s;
    int st = rh_cli_open_store(cli, &s);
    if (st)
        return st;

    /* 2. training fields from the stored activities (the one hook point):
     * weekly_km, km_change_pct, cadence_spm, shoe_km and same_route come
     * from the data where it can say, marked in intake.from_data, and the
     * assessment reports them as "training_from_data". A failure here only
     * costs those fields: the answers are still assessed (red flags must
     * not wait for a training report). */
    struct rh_err lerr;
    rh_err_clear(&lerr);
    if (rh_load_fill_intake(s, rh_cli_today(cli), &intake, &lerr) != 0)
        rh_cli_error("assess", "training figures not taken from the stored runs: %s", lerr.msg);

    /* 3. the assessment */
    static struct rh_assessment a; /* large; one per process */
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_assess(&intake, &a, &err);
    struct rh_buf result, shown;
    rh_buf_init(&result, 0);
    rh_buf_init(&shown, 0);
    if (r == 0)
        r = rh_assessment_to_json(&a, &result);
    if (r == 0 && !json)
        r = rh_assessment_to_text(&a, &shown);
    if (r) {
        if (!err.msg[0])
            rh_err_set(&err, r, "assessment failed: %s", rh_strerror(r));
        st = rh_cli_report("assess", &err);
        goto out;
    }

    /* 4. answers from a file are stored before anything is shown, so that
     * `assess --in FILE | head` cannot lose the assessment when the reader
     * goes away; after the questionnaire the runner decides, below */
    int64_t id = 0;
    bool saved = false;
    if (!interactive) {
        if ((st = store_it(s, &intake, &result, &id)))
            goto out;
        saved = true;
    }

    /* 5. show it */
    if (json) {
        fputs(result.data, stdout);
        fputc('\n', stdout);
    } else {
        rh_cli_write_text(stdout, shown.data, shown.len);
    }
    fflush(stdout);

    /* 6. store it (after the questionnaire only if the runner says so) */
    if (interactive) {
        FILE *qout = json ? stderr : stdout;
        if (rh_cli_ask_yes_no(stdin, qout, "Save this assessment (and your answers)?", true) == 1) {
            st = store_it(s, &intake, &result, &id);
            saved = st == 0;
        } else if (!json) {
            puts("Not saved.");
        }
    }
    if (saved && !json)
        printf("Saved as assessment %lld; `runhip plan` builds the return-to-run plan from it.\n",
               (long long)id);
out:
    rh_buf_release(&result);
    rh_buf_release(&shown);
    rh_store_close(s);
    return st;
}
