/* SPDX-License-Identifier: MIT */
/*
 * runhip checkin: the weekly overuse check-in (four OSTRC-style questions in
 * runhip's own words, severity 0..100). Asked on a terminal; --answers gives
 * the option numbers for scripts and tests; --list shows the stored scores
 * and their trend.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/intake.h"
#include "runhip/plan.h"
#include "runhip/quest.h"
#include "runhip/text.h"
#include "runhip/triage.h"
#include "util/banned.h"

/* words22: the check-in's words, data/wording.txt [cli_checkin], a closed
 * set of printf formats checked before anything is asked or stored; the
 * questions and their options are the library's (rh_ostrc_question) */
#define W(key) rh_cli_words("cli_checkin", (key))
static const struct rh_words_format checkin_words[] = {
    {"answers_long", ""}, {"answers_many", "d"}, {"answers_skip_first", ""},
    {"answers_bad", "dds"}, {"answers_none", ""}, {"ask_intro", ""}, {"ask_keys", ""},
    {"prompt_first", "d"}, {"prompt", "d"}, {"no_answer", ""}, {"first_question", ""},
    {"stopped", ""}, {"skipped", ""}, {"first_needed", ""}, {"type_number", "d"},
    {"signs_ask", ""}, {"signs_prompt", ""}, {"signs_bad", "sd"}, {"note_ask", ""},
    {"note_prompt", ""}, {"note_what", ""}, {"list_none", ""}, {"list_head", ""}, {"yes", ""},
    {"no", ""}, {"not_tty", ""}, {"future", "s"}, {"result", "sds"}, {"result_skipped_one", "sdss"},
    {"result_skipped_many", "sdss"}, {"substantial", ""}, {"trend", ""},
};
#define WC(key) rh_cli_words("cli_common", (key))

static int parse_answers(const char *s, int *a, size_t *n)
{
    char buf[64];
    if (strlen(s) >= sizeof buf) {
        rh_cli_error("checkin", "%s", W("answers_long"));
        return RH_EXIT_DATA;
    }
    snprintf(buf, sizeof buf, "%s", s);
    *n = 0;
    char *save = NULL;
    for (char *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        long v;
        bool skip = strcmp(w, "-") == 0 || strcmp(w, "skip") == 0;
        if (*n == RH_OSTRC_ITEMS) {
            rh_cli_error("checkin", W("answers_many"), RH_OSTRC_ITEMS);
            return RH_EXIT_DATA;
        }
        if (skip && *n == 0) {
            rh_cli_error("checkin", "%s", W("answers_skip_first"));
            return RH_EXIT_DATA;
        }
        if (skip) {
            a[(*n)++] = RH_OSTRC_SKIPPED;
            continue;
        }
        if (rh_parse_long(w, &v) || v < 1 || v > RH_OSTRC_OPTIONS) {
            rh_cli_error("checkin", W("answers_bad"), (int)*n + 1, RH_OSTRC_OPTIONS, w);
            return RH_EXIT_DATA;
        }
        a[(*n)++] = (int)v;
    }
    if (*n == 0) {
        rh_cli_error("checkin", "%s", W("answers_none"));
        return RH_EXIT_DATA;
    }
    /* the answers' contradictions: the library's one rule, as the web's */
    struct rh_err e;
    rh_err_clear(&e);
    if (rh_ostrc_answers_check(a, *n, &e)) {
        rh_cli_error("checkin", "--answers: %s", e.msg);
        return RH_EXIT_DATA;
    }
    return 0;
}

/* Asks the questions on the terminal. As in assess: Enter (or s) skips a
 * question, b goes back to the previous one, q stops with nothing stored.
 * Question 1 decides the others, so it cannot be skipped: Enter twice there
 * stops. Returns 0 with the answers, 1 when the runner stopped, or an exit
 * status. */
static int ask(int *a, size_t *n, const char *hold)
{
    printf("%s\n%s\n", W("ask_intro"), W("ask_keys"));
    *n = 0;
    for (int q = 0; q < RH_OSTRC_ITEMS;) {
        printf("\n%d. %s\n", q + 1, rh_ostrc_question(q));
        /* running on hold: which answer fits a runner runhip has stopped
         * (rh_ostrc_hold_note, review 10 #21) */
        if (q == 0 && hold) {
            fflush(stdout);
            (void)rh_cli_put_text(stdout, hold, strlen(hold), RH_TEXT_NO_SOURCES);
            if (hold[strlen(hold) - 1] != '\n')
                putchar('\n');
        }
        for (int o = 1; o <= RH_OSTRC_OPTIONS; o++)
            printf("   %d) %s\n", o, rh_ostrc_option(q, o));
        int moved = 0; /* +1 answered, -1 back */
        bool empty_once = false;
        while (!moved) {
            char line[64];
            printf(W(q == 0 ? "prompt_first" : "prompt"), RH_OSTRC_OPTIONS);
            putchar(' ');
            fflush(stdout);
            if (!fgets(line, sizeof line, stdin)) {
                rh_cli_error("checkin", "%s", W("no_answer"));
                return RH_EXIT_DATA;
            }
            line[strcspn(line, "\r\n")] = '\0';
            long v;
            if (rh_parse_long(line, &v) == 0 && v >= 1 && v <= RH_OSTRC_OPTIONS) {
                a[q] = (int)v;
                moved = 1;
            } else if (strcmp(line, "b") == 0 || strcmp(line, "B") == 0) {
                if (q == 0)
                    printf("%s\n", W("first_question"));
                else
                    moved = -1;
            } else if (strcmp(line, "q") == 0 || strcmp(line, "Q") == 0 ||
                       (line[0] == '\0' && empty_once)) {
                printf("%s\n", W("stopped"));
                return 1;
            } else if (q > 0 && (line[0] == '\0' || strcmp(line, "s") == 0 ||
                                 strcmp(line, "skip") == 0 || strcmp(line, "-") == 0)) {
                /* not answered, never "no trouble": the score says so */
                printf("%s\n", W("skipped"));
                a[q] = RH_OSTRC_SKIPPED;
                moved = 1;
            } else if (line[0] == '\0') {
                printf("%s\n", W("first_needed"));
                empty_once = true;
            } else {
                printf(W("type_number"), RH_OSTRC_OPTIONS);
                putchar('\n');
            }
        }
        if (moved < 0) {
            q--;
            continue;
        }
        q++;
        if (q == 1 && (a[0] == 1 || a[0] == RH_OSTRC_OPTIONS))
            break;
    }
    *n = (size_t)((a[0] == 1 || a[0] == RH_OSTRC_OPTIONS) ? 1 : RH_OSTRC_ITEMS);
    return 0;
}

/* review9 #7: the web check-in's sign question and note on the terminal.
 * The signs are the intake's sign words (labelled as the web labels them);
 * the runner types their numbers or words, read by the library's one rule
 * (rh_triage_signs_parse), and the note is checked by rh_entry_check; both
 * go to rh_diary_checkin as --signs and --note do. Enter gives none; q stops
 * with nothing stored. note: at least 4 * RH_ENTRY_NOTE_MAX + 1 bytes.
 * Returns 0, 1 when the runner stopped, or an exit status. */
/* The signs listed: the number typed -> its word */
struct shown_signs {
    const char *word[64];
    int n;
};

static int show_sign(void *arg, const char *word, const char *label, uint32_t bit)
{
    (void)bit;
    struct shown_signs *sh = arg;
    if (sh->n >= (int)(sizeof sh->word / sizeof sh->word[0]))
        return 1;
    sh->word[sh->n++] = word;
    printf("   %d) %s\n", sh->n, label);
    return 0;
}

static int ask_signs_note(uint32_t *signs, char *note, size_t ncap)
{
    struct rh_err err;
    struct shown_signs sh = {.n = 0};
    printf("\n%s\n", W("signs_ask"));
    /* the web's ticks, in its order (rh_triage_sign_choices) */
    (void)rh_triage_sign_choices(show_sign, &sh);
    int n = sh.n;
    for (;;) {
        char line[512], words[1024] = "";
        printf("%s ", W("signs_prompt"));
        fflush(stdout);
        if (!fgets(line, sizeof line, stdin)) {
            rh_cli_error("checkin", "%s", W("no_answer"));
            return RH_EXIT_DATA;
        }
        line[strcspn(line, "\r\n")] = '\0';
        if (strcmp(line, "q") == 0 || strcmp(line, "Q") == 0) {
            printf("%s\n", W("stopped"));
            return 1;
        }
        /* a number stands for its word; a word is given to the rule as typed */
        char *save = NULL;
        for (char *t = strtok_r(line, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            while (*t == ' ')
                t++;
            long v;
            const char *w = rh_parse_long(t, &v) == 0 && v >= 1 && v <= n ? sh.word[v - 1] : t;
            rh_str_appendf(words, sizeof words, "%s%s", *words ? ", " : "", w);
        }
        rh_err_clear(&err);
        if (rh_triage_signs_parse(words, signs, &err) == 0)
            break;
        printf(W("signs_bad"), err.msg, n);
        putchar('\n');
    }
    printf("\n%s\n", W("note_ask"));
    for (;;) {
        char line[4 * RH_ENTRY_NOTE_MAX + 2];
        printf("%s ", W("note_prompt"));
        fflush(stdout);
        if (!fgets(line, sizeof line, stdin)) {
            rh_cli_error("checkin", "%s", W("no_answer"));
            return RH_EXIT_DATA;
        }
        line[strcspn(line, "\r\n")] = '\0';
        if (!*line || rh_cli_check_entry("checkin", line, RH_ENTRY_NOTE, W("note_what")) == 0) {
            size_t len = strlen(line); /* within the limit rh_entry_check allows */
            if (len >= ncap)
                len = ncap - 1;
            memcpy(note, line, len);
            note[len] = '\0';
            return 0;
        }
    }
}

static int list(struct rh_cli *cli, bool json)
{
    struct rh_store *s;
    int rc = rh_cli_open_existing(cli, &s);
    if (rc)
        return rc;
    struct rh_checkin *c;
    size_t n;
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_store_checkin_list(s, &c, &n, &err)) {
        rc = rh_cli_report("checkin", &err);
        rh_store_close(s);
        return rc;
    }
    if (!json && n == 0)
        printf("%s\n", W("list_none"));
    else if (!json)
        printf("%s\n", W("list_head"));
    for (size_t i = 0; i < n; i++) {
        char d[11];
        rh_date_format(c[i].day, d);
        if (json) {
            struct rh_buf b;
            rh_buf_init(&b, 0);
            if (rh_checkin_json(&c[i], &b) == 0)
                printf("%s\n", b.data);
            rh_buf_release(&b);
            continue;
        }
        char change[16] = "     -";
        if (i > 0)
            snprintf(change, sizeof change, "%+6d", c[i].severity - c[i - 1].severity);
        printf("%s  %8d  %s  %-11s ", d, c[i].severity, change, W(c[i].substantial ? "yes" : "no"));
        for (int q = 0; q < RH_OSTRC_ITEMS; q++) {
            if (c[i].q[q] >= 0)
                printf(" %2d", c[i].q[q]);
            else
                printf("  -");
        }
        printf("\n");
        if (*c[i].signs) { /* the warning signs ticked with it, in the form's words */
            char said[600];
            rh_triage_signs_said(c[i].signs, said, sizeof said);
            printf("            ");
            printf(WC("signs_ticked"), said);
            printf("\n");
        }
        if (*c[i].note) /* the runner's own words (schema 6) */
        {
            printf("            ");
            printf(WC("note_said"), c[i].note);
            printf("\n");
        }
    }
    if (!json && n > 0) {
        /* the web Check-in's sentences too (data/wording.txt [text]): what
         * the figures mean (ux28), and with a trend its chance, one list of
         * sources */
        const char *scale = rh_words("text", "checkin.scale");
        const char *chance = n > 1 ? rh_words("text", "checkin.chance") : NULL;
        char t[1400];
        snprintf(t, sizeof t, "\n%s\n%s%s%s", scale ? scale : "", chance ? "\n" : "",
                 chance ? chance : "", chance ? "\n" : "");
        (void)rh_cli_put_text(stdout, t, strlen(t), 0);
    }
    rh_free(c);
    rh_store_close(s);
    return 0;
}

/* The plan's state before this check-in, from the database when there is
 * one (the plan's, or before any assessment the diary's red flags): for
 * question 1 while running is on hold. false when there is none. */
static bool plan_before(struct rh_cli *cli, const struct rh_plan_kb *kb, struct rh_plan_state *st)
{
    char path[4096];
    if (rh_cli_db_path(cli, path, sizeof path))
        return false;
    struct rh_store *s;
    struct rh_err e;
    rh_err_clear(&e);
    if (rh_store_open(path, RH_STORE_EXISTING, &s, &e))
        return false;
    int64_t pid;
    int r = rh_plan_current(s, kb, &pid, st, &e);
    if (r == RH_ENOTFOUND) {
        rh_err_clear(&e);
        r = rh_diary_unassessed(s, st, &e);
    }
    rh_store_close(s);
    return r == 0;
}

int cmd_checkin(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"answers", required_argument, NULL, 'a'},
                                         {"date", required_argument, NULL, 'd'},
                                         {"list", no_argument, NULL, 'l'},
                                         {"json", no_argument, NULL, 'j'},
                                         {"note", required_argument, NULL, 'n'},
                                         {"signs", required_argument, NULL, 's'},
                                         {0}};
    int wrc = rh_cli_words_check("checkin", "cli_checkin", checkin_words,
                                 sizeof checkin_words / sizeof *checkin_words);
    if (wrc) /* before anything is asked or stored */
        return wrc;
    const char *answers = NULL, *note = NULL;
    static char typed[4 * RH_ENTRY_NOTE_MAX + 1]; /* the note asked on the terminal */
    uint32_t signs = 0;
    bool signs_given = false, asked_signs = false;
    struct rh_err err;
    rh_err_clear(&err);
    int32_t day = rh_cli_today(cli);
    bool do_list = false, json = false;
    int c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'a':
            answers = optarg;
            break;
        case 'd': {
            char why[120];
            if (rh_date_parse_said(optarg, &day, why, sizeof why)) {
                rh_cli_error("checkin", "--date: %s", why);
                return RH_EXIT_DATA;
            }
            break;
        }
        case 'l':
            do_list = true;
            break;
        case 'j':
            json = true;
            break;
        case 'n': {
            int bad = rh_cli_check_entry("checkin", optarg, RH_ENTRY_NOTE, "--note");
            if (bad)
                return bad;
            note = optarg;
            break;
        }
        case 's':
            if (rh_triage_signs_parse(optarg, &signs, &err)) {
                rh_cli_error("checkin", "--%s", err.msg); /* "signs: ..." */
                return RH_EXIT_DATA;
            }
            signs_given = true;
            break;
        default:
            return rh_cli_bad_option("checkin", argc, argv);
        }
    }
    if (optind < argc) {
        rh_cli_unexpected("checkin", argv[optind]);
        return RH_EXIT_USAGE;
    }
    if (do_list)
        return list(cli, json);
    int a[RH_OSTRC_ITEMS];
    size_t n;
    int rc;
    struct rh_plan_kb *kb;
    if (rh_plan_kb_load(&kb, &err))
        return rh_cli_report("checkin", &err);
    struct rh_plan_state *before = rh_calloc(1, sizeof *before);
    if (before && !plan_before(cli, kb, before)) {
        rh_free(before);
        before = NULL;
    }
    int stop = -1; /* the exit status when nothing is to be stored */
    if (answers) {
        if ((rc = parse_answers(answers, a, &n)))
            stop = rc;
    } else if (cli->stdin_tty && !json) {
        if ((rc = ask(a, &n, rh_ostrc_hold_note(kb, before))))
            stop = rc == 1 ? RH_EXIT_OK : rc;
    } else {
        rh_cli_error("checkin", "%s", W("not_tty"));
        stop = RH_EXIT_USAGE;
    }
    if (stop < 0 && !answers) {
        /* the sign question and the note, unless given as options */
        bool given = signs_given || note;
        if (!given && (rc = ask_signs_note(&signs, typed, sizeof typed)))
            stop = rc == 1 ? RH_EXIT_OK : rc;
        if (!given && *typed)
            note = typed;
        asked_signs = !given; /* the sign list was offered on the screen */
    }
    if (stop >= 0) {
        rh_free(before);
        rh_plan_kb_free(kb);
        return stop;
    }
    rc = 0;
    struct rh_checkin ck;
    if (!rc && rh_ostrc_score(a, n, day, &ck, &err))
        rc = rh_cli_report("checkin", &err);
    if (!rc && day > rh_cli_today(cli)) {
        char d[11];
        rh_date_format(day, d);
        rh_cli_error("checkin", W("future"), d);
        rc = RH_EXIT_DATA;
    }
    /* what a 100 means while running is on hold, said with the score */
    const char *held = rc ? NULL : rh_ostrc_hold_score(kb, before, &ck);
    char held_text[1024] = "";
    if (held)
        snprintf(held_text, sizeof held_text, "%s", held);
    rh_free(before);
    struct rh_store *s = NULL;
    if (rc || (rc = rh_cli_open_store(cli, &s))) {
        rh_plan_kb_free(kb);
        return rc;
    }
    struct rh_checkin_outcome *o = rh_calloc(1, sizeof *o);
    int r = o ? rh_diary_checkin(s, kb, &ck, note, signs, rh_cli_today(cli), o, &err)
              : rh_err_set(&err, RH_ENOMEM, "%s", WC("out_of_memory"));
    rh_store_close(s);
    rh_plan_kb_free(kb);
    if (r) {
        rh_free(o);
        return rh_cli_report("checkin", &err);
    }
    char d[11];
    rh_date_format(day, d);
    if (json) {
        printf("{\"date\":\"%s\",\"severity\":%d,\"substantial\":%s,\"red_flags\":[", d,
               ck.severity, ck.substantial ? "true" : "false");
        for (int i = 0; i < o->triage.n_flags; i++)
            printf("%s\"%s\"", i ? "," : "", o->triage.flags[i].id);
        printf("],\"blocked\":%s", o->blocked ? "true" : "false");
        if (o->replaced) {
            char rd[11];
            rh_date_format(o->replaced_day, rd);
            printf(",\"replaced\":\"%s\"", rd);
        }
        printf("}\n");
        rh_free(o);
        return 0;
    }
    /* one text, every append checked, through the text layer (plain words)
     * and the terminal sanitiser; a failed write is main's exit 3 */
    struct rh_buf txt;
    rh_buf_init(&txt, 0);
    int w;
    int skipped = rh_ostrc_skipped(&ck);
    if (skipped) {
        char which[64] = "";
        for (int q = 1; q < RH_OSTRC_ITEMS; q++)
            if (ck.q[q] < 0)
                rh_str_appendf(which, sizeof which, "%s%d", *which ? ", " : "", q + 1);
        w = rh_buf_printf(&txt, W(skipped > 1 ? "result_skipped_many" : "result_skipped_one"),
                          d, ck.severity, ck.substantial ? W("substantial") : "", which);
    } else {
        w = rh_buf_printf(&txt, W("result"), d, ck.severity,
                          ck.substantial ? W("substantial") : "");
    }
    if (!w)
        w = rh_buf_puts(&txt, "\n");
    if (!w && o->replaced)
        w = rh_buf_printf(&txt, "%s\n", o->replaced_text);
    if (!w && o->have_plan && *o->why) {
        w = rh_buf_printf(&txt, "%s\n", o->why);
        if (!w && o->moved && o->from != o->st.phase)
            w = rh_cli_plan_move(&txt, true, o->from, o->st.phase, 0, 0);
    } else if (!w && o->triage.n_flags) {
        for (int i = 0; !w && i < o->triage.n_flags; i++) {
            /* review 9 #5: what was seen, and why, not the rule's name */
            char sign[RH_ASSESS_FLAG_WHY_LEN + 64]; /* data/wording.txt warning_sign */
            rh_triage_flag_sign(&o->triage.flags[i], sign, sizeof sign);
            w = rh_buf_printf(&txt, "%s", sign);
            if (!w)
                w = rh_buf_printf(&txt, " %s\n", rh_disposition_text(o->triage.flags[i].urgency));
        }
    }
    if (!w) /* what the note was read as, or that nothing was (as log and the web) */
        w = rh_note_reading_lines(note, &o->triage.note,
                                  asked_signs ? RH_NOTE_SAID_ASKED : RH_NOTE_SAID_OPTION,
                                  o->have_plan && o->st.for_child, &txt);
    if (!w && *held_text)
        w = rh_buf_printf(&txt, "%s\n", held_text);
    if (!w && ck.severity > 0) {
        const char *sw = rh_ostrc_substantial_words();
        w = rh_buf_printf(&txt, "%c%s. [Clarsen13]\n", sw[0] - 'a' + 'A', sw + 1);
    }
    if (!w)
        w = rh_buf_printf(&txt, "%s\n", W("trend"));
    if (w) {
        rh_buf_release(&txt);
        rh_free(o);
        rh_cli_error("checkin", "%s", WC("out_of_memory"));
        return RH_EXIT_IO;
    }
    (void)rh_cli_put_text(stdout, txt.data, txt.len, 0);
    rh_buf_release(&txt);
    rh_free(o);
    return 0;
}
