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
#include <unistd.h>

#include "cli/cli.h"
#include "runhip/assess.h"
#include "runhip/intake.h"
#include "runhip/load.h"
#include "runhip/plan.h"
#include "runhip/quest.h"
#include "util/banned.h"

#define INTAKE_MAX (1 << 20) /* an intake is a few hundred bytes */

/* words22: the command's own words, data/wording.txt [cli_assess], a closed
 * set of printf formats checked before anything is read; the assessment's
 * words are the library's (rh_assessment_write_text), the questionnaire's
 * [cli_quest] */
#define W(key) rh_cli_words("cli_assess", (key))
static const struct rh_words_format assess_words[] = {
    {"cannot_open", "s"},  {"too_large", "d"},     {"cannot_read", "s"}, {"cannot_store", "s"},
    {"from_runs", "s"},    {"draft_kept", ""},     {"draft_go_on", ""},  {"unexpected", "s"},
    {"stdin_name", ""},    {"not_tty", ""},        {"failed", "s"},      {"save_ask", ""},
    {"not_saved", ""},     {"todo_heading", ""},   {"no_such", ""},
};

/* Reads a whole file ("-" = stdin) into b. 0, or prints and returns an exit status. */
static int read_input(const char *path, struct rh_buf *b)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        /* session 34 (hyg34): a wrong name says what to do, as import's */
        if (errno == ENOENT)
            rh_cli_error(path, "%s", W("no_such"));
        else
            rh_cli_error(path, W("cannot_open"), strerror(errno));
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
        rh_cli_error(path, W("too_large"), INTAKE_MAX);
        return RH_EXIT_DATA;
    }
    if (r || bad) {
        rh_cli_error(path, W("cannot_read"), r ? rh_strerror(r) : strerror(errno));
        return r == RH_ENOMEM ? RH_EXIT_IO : RH_EXIT_DATA;
    }
    return 0;
}

/* Stores intake and result with the library's one call (as the web form
 * does); prints and returns an exit status on failure. */
static int store_it(struct rh_store *s, const struct rh_intake *in, const struct rh_assessment *a,
                    int64_t created, unsigned flags, int64_t *id)
{
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_assessment_save(s, in, a, created, flags, id, &err);
    if (r) {
        if (!err.msg[0])
            rh_err_set(&err, r, W("cannot_store"), rh_strerror(r));
        return rh_cli_report(rh_store_path(s), &err);
    }
    return 0;
}

/* Training fields from the stored activities (the one hook point):
 * weekly_km, km_change_pct, cadence_spm, shoe_km and same_route come from
 * the data where it can say, marked in intake.from_data, and the assessment
 * reports them as "training_from_data". A failure here only costs those
 * fields: the answers are still assessed (red flags must not wait for a
 * training report). */
static void fill_from_runs(struct rh_cli *cli, struct rh_store *s, struct rh_intake *in)
{
    struct rh_err lerr;
    rh_err_clear(&lerr);
    if (rh_load_fill_intake(s, rh_cli_today(cli), in, &lerr) != 0)
        rh_cli_error("assess", W("from_runs"), lerr.msg);
}

/* The figures suggested again when the answer of when the pain began
 * changes: those of the weeks before it, as the assessment takes them. */
struct resuggest {
    struct rh_store *s;
    int32_t today;
    struct rh_intake *data;
    int duration_days; /* the answer data was measured for */
};

static void resuggest(void *arg, struct rh_quest *q)
{
    struct resuggest *r = arg;
    struct rh_intake so_far;
    if (rh_quest_intake(q, &so_far) != 0 || so_far.duration_days == r->duration_days)
        return;
    r->duration_days = so_far.duration_days;
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_load_quest_figures(r->s, r->today, &so_far, r->data, &err) != 0)
        rh_intake_init(r->data); /* no figures: none offered */
    (void)rh_quest_suggest(q, r->data, NULL);
}

/* The questionnaire, with the watch's figures to confirm and a draft to
 * resume or keep (in the database's meta table). 0 done, 1 stopped, < 0 an
 * error. */
static int ask(struct rh_cli *cli, struct rh_store *s, FILE *qout, struct rh_intake *intake)
{
    struct rh_cli_quest_opts opt;
    memset(&opt, 0, sizeof opt);
    struct rh_err err;
    rh_err_clear(&err);
    struct rh_intake data;
    (void)rh_load_quest_figures(s, rh_cli_today(cli), NULL, &data, &err); /* none: none offered */
    opt.suggest = &data; /* the figures the stored runs give, as suggested answers */
    struct resuggest again = {s, rh_cli_today(cli), &data, -1};
    opt.resuggest = resuggest;
    opt.arg = &again;
    char *draft = NULL;
    rh_err_clear(&err);
    if (rh_quest_draft_load(s, &draft, &err) == 0 && draft) {
        fprintf(qout, "%s\n", W("draft_kept"));
        int yes = rh_cli_ask_yes_no(stdin, qout, W("draft_go_on"), true);
        if (yes < 0) {
            rh_free(draft);
            return 1;
        }
        if (yes == 1) {
            opt.draft = draft;
            opt.draft_len = strlen(draft);
        }
    }
    struct rh_buf save;
    rh_buf_init(&save, 1u << 16);
    opt.save = &save;
    int r = rh_cli_questionnaire_opts(cli, stdin, qout, intake, &opt);
    rh_err_clear(&err);
    if (r == 1 && save.len) {
        if (rh_quest_draft_store(s, save.data, &err) != 0)
            (void)rh_cli_report(rh_store_path(s), &err);
    } else if (r == 0 && draft) {
        (void)rh_quest_draft_forget(s, &err); /* finished: no draft any more */
    }
    rh_buf_release(&save);
    rh_free(draft);
    if (r == 0)
        rh_quest_mark_kept(&data, intake); /* a figure kept from the watch is from the data */
    return r;
}

/* A red flag or a pain hold the diary raised before stays in force (the plan
 * keeps it until a clearance or a settled entry): the plan's notice says it,
 * ahead of the assessment's own advice, which it overrules: the care and
 * running it calls for (rh_plan_notice decides) go into *n for WHAT TO DO
 * NOW. Needs the stored assessment. Returns whether a notice was shown. */
static bool kept_notice(struct rh_store *s, const char *result_json, struct rh_plan_notice *n)
{
    struct rh_plan_kb *kb = NULL;
    struct rh_plan_state *ps = rh_calloc(1, sizeof *ps);
    int64_t pid;
    struct rh_err e2;
    rh_err_clear(&e2);
    struct rh_buf nt;
    rh_buf_init(&nt, 0);
    bool shown = false;
    memset(n, 0, sizeof *n);
    if (ps && rh_plan_kb_load(&kb, &e2) == 0 && rh_plan_current(s, kb, &pid, ps, &e2) == 0 &&
        rh_plan_notice(kb, ps, result_json, n, &e2) == 0 && n->kept) {
        char care_why[sizeof n->care_why];
        snprintf(care_why, sizeof care_why, "%s", n->care_why);
        if (n->overrules)
            n->care_why[0] = '\0'; /* WHAT TO DO NOW says the care and why */
        if (rh_plan_notice_text(n, &nt) == 0) {
            rh_cli_write_text(stdout, nt.data, nt.len);
            fputc('\n', stdout);
            shown = true;
        }
        snprintf(n->care_why, sizeof n->care_why, "%s", care_why);
    }
    if (!shown)
        n->overrules = false;
    rh_buf_release(&nt);
    rh_plan_kb_free(kb);
    rh_free(ps);
    return shown;
}

int cmd_assess(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"in", required_argument, NULL, 'i'},
                                         {"json", no_argument, NULL, 'j'},
                                         {"sources", no_argument, NULL, 's'},
                                         {NULL, 0, NULL, 0}};
    int c = rh_cli_words_check("assess", "cli_assess", assess_words,
                               sizeof assess_words / sizeof *assess_words);
    if (c) /* before anything is read */
        return c;
    const char *in_path = NULL;
    bool json = false, full_sources = false;
    while ((c = getopt_long(argc, argv, "i:js", opts, NULL)) != -1) {
        switch (c) {
        case 'i': in_path = optarg; break;
        case 'j': json = true; break;
        case 's': full_sources = true; break;
        default: return rh_cli_bad_option("assess", argc, argv);
        }
    }
    if (optind < argc) {
        rh_cli_error("assess", W("unexpected"), argv[optind]);
        return RH_EXIT_USAGE;
    }

    /* 1. the answers */
    struct rh_intake intake;
    bool interactive = false;
    struct rh_store *s = NULL;
    int st;
    if (in_path) {
        struct rh_buf text;
        struct rh_err err;
        rh_err_clear(&err);
        rh_buf_init(&text, INTAKE_MAX);
        st = read_input(in_path, &text);
        if (st == 0 && rh_intake_parse(text.data ? text.data : "", text.len, &intake, &err) != 0)
            st = rh_cli_report(strcmp(in_path, "-") == 0 ? W("stdin_name") : in_path, &err);
        rh_buf_release(&text);
        if (st)
            return st;
        if ((st = rh_cli_open_store(cli, &s)))
            return st;
        fill_from_runs(cli, s, &intake);
    } else if (cli->stdin_tty) {
        if ((st = rh_cli_open_store(cli, &s)))
            return st;
        /* with --json, stdout carries only the JSON: the questions go to stderr */
        FILE *qout = json ? stderr : stdout;
        int r = ask(cli, s, qout, &intake);
        if (r == 1) { /* the runner stopped: nothing to assess; the draft is kept */
            rh_store_close(s);
            return RH_EXIT_OK;
        }
        if (r < 0) {
            rh_store_close(s);
            return rh_cli_exit_for(r);
        }
        interactive = true;
    } else {
        rh_cli_error("assess", "%s", W("not_tty"));
        return RH_EXIT_USAGE;
    }

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
    unsigned tflags = full_sources ? RH_ASSESS_TEXT_FULL_SOURCES : 0;
    if (r == 0 && !json && interactive)
        r = rh_assessment_write_text(&a, tflags, &shown);
    if (r) {
        if (!err.msg[0])
            rh_err_set(&err, r, W("failed"), rh_strerror(r));
        st = rh_cli_report("assess", &err);
        goto out;
    }

    /* 4. answers from a file are stored before anything is shown, so that
     * `assess --in FILE | head` cannot lose the assessment when the reader
     * goes away; after the questionnaire the runner decides, below */
    int64_t id = 0;
    bool saved = false;
    /* dated on --today when given, so that a pinned day dates the plan: at
     * its local noon (12:00 UTC is already the next day east of +12) */
    int64_t saved_at =
        cli->has_today ? rh_tz_noon(rh_store_zone(s), cli->today) : rh_cli_now(cli);
    if (!interactive) {
        if ((st = store_it(s, &intake, &a, saved_at, 0, &id)))
            goto out;
        saved = true;
    }

    /* 5. show it */
    static struct rh_plan_notice notice; /* large; one per process */
    if (json) {
        fputs(result.data, stdout);
        fputc('\n', stdout);
    } else {
        if (saved) { /* from a file: stored already, the notice first, and what
                        to do now as it says */
            kept_notice(s, result.data, &notice);
            const char *part[RH_NOTICE_TODO_PARTS] = {0};
            bool over = rh_plan_notice_todo(&notice, part) > 0;
            struct rh_assess_todo t = {.care = part[0], .running = part[1], .why = part[2],
                                       .after = part[3],
                                       .advice = (int)rh_plan_notice_advice(&notice)};
            if ((r = rh_assessment_write_text_todo(&a, tflags, over ? &t : NULL, &shown))) {
                rh_err_set(&err, r, W("failed"), rh_strerror(r));
                st = rh_cli_report("assess", &err);
                goto out;
            }
        }
        /* ux27: on a terminal its long lines broken at spaces, as the
         * plan's and the questions' are (a file or a pipe keeps them whole) */
        if (isatty(fileno(stdout)))
            rh_cli_write_wrapped(stdout, shown.data, shown.len, 78);
        else
            rh_cli_write_text(stdout, shown.data, shown.len);
    }
    fflush(stdout);

    /* 6. store it (after the questionnaire only if the runner says so) */
    if (interactive) {
        FILE *qout = json ? stderr : stdout;
        /* too few answers to rank the causes (and no warning sign to keep):
         * saving is not the default, and what it replaces is said (review
         * 8, 4) */
        bool thin = rh_assessment_too_thin(&a);
        if (thin) {
            char q[1024];
            rh_quest_thin_question(s, q, sizeof q);
            fprintf(qout, "\n%s", q);
            fputc('\n', qout);
        }
        if (rh_cli_ask_yes_no(stdin, qout, W("save_ask"), !thin) == 1) {
            st = store_it(s, &intake, &a, saved_at, 0, &id);
            saved = st == 0;
        } else if (!json) {
            puts(W("not_saved"));
        }
    }
    if (saved && !json) { /* loop16: never the store's number (data/wording.txt) */
        printf("%s\n", rh_cli_words("text", "assess.saved"));
    }
    const char *todo[RH_NOTICE_TODO_PARTS];
    if (saved && interactive && !json && kept_notice(s, result.data, &notice) &&
        rh_plan_notice_todo(&notice, todo)) {
        /* saved only now: the notice after the answers, and what to do now
         * as it says, in place of the answers' own advice shown above */
        struct rh_buf t;
        rh_buf_init(&t, 0);
        int w = rh_buf_printf(&t, "%s\n", W("todo_heading"));
        for (int k = 0; k < RH_NOTICE_TODO_PARTS; k++)
            w |= rh_buf_printf(&t, "  %s\n", todo[k]);
        if (w == 0)
            rh_cli_write_text(stdout, t.data, t.len);
        rh_buf_release(&t);
    }
out:
    rh_buf_release(&result);
    rh_buf_release(&shown);
    rh_store_close(s);
    return st;
}
