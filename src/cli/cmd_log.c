/* SPDX-License-Identifier: MIT */
/*
 * runhip log pain|session|cleared: the diary. A pain entry is checked, stored,
 * judged by the pain-monitoring rule, and moves the plan (all in one
 * transaction: a failure stores nothing). A session entry records training
 * done. "cleared" records that a doctor or physiotherapist has cleared the
 * runner to run again, which lifts a running block of the plan.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/plan.h"
#include "runhip/text.h"
#include "util/banned.h"

/* words21: the replies' words, data/wording.txt [cli_log], a closed set of
 * printf formats checked before anything is logged; words22: its usage
 * errors too (the options' names stay in C), read with the commands' one
 * accessor (rh_cli_words) */
#define W(key) rh_cli_words("cli_log", (key))
static const struct rh_words_format log_words[] = {
    {"logged", "ds"}, {"logged_during", "d"}, {"logged_during_kind", "ds"}, {"list_activity", "s"}, {"logged_morning", "ds"}, {"attached", "dsd"},
    {"attached_verdict", "s"}, {"pain_says", "s"}, {"you", ""}, {"your_child", ""},
    {"blocked", "s"}, {"hold", "s"}, {"flag_unassessed", ""}, {"hold_unassessed", ""},
    {"blocked_earlier", ""}, {"no_plan", ""}, {"session", "ss"},
    {"session_km", "f"}, {"minutes_one", "f"}, {"minutes_many", "f"}, {"minutes_part", "f"}, {"session_effort", "d"},
    {"cleared", "s"},
    {"visit", "ss"}, {"assess_next", ""}, {"list_none", "d"}, {"list_head", ""},
    {"list_sessions", ""}, {"list_sessions_head", ""}, {"list_sessions_none", "d"},
    {"not_whole", "ss"}, {"out_of_range", "slll"}, {"future", "ss"}, {"pain_needed", ""},
    {"stored_no_answer", ""}, {"minutes_bad", "s"}, {"km_bad", "s"}, {"session_needed", ""},
    {"session_unknown", "s"}, {"visit_needed", ""}, {"what_needed", ""}, {"what_unknown", "s"},
    {"visit_weeks_how", "s"},
};

/* the line for an entry logged before any assessment (data/wording.txt) */
static const char *no_assessment(void)
{
    const char *w = rh_words("text", "no_assessment.terminal");
    return w ? w : "";
}

static int parse_int(const char *what, const char *s, long lo, long hi, int *out)
{
    long v;
    if (rh_parse_long(s, &v)) {
        rh_cli_error("log", W("not_whole"), what, s);
        return RH_EXIT_DATA;
    }
    if (v < lo || v > hi) {
        rh_cli_error("log", W("out_of_range"), what, lo, hi, v);
        return RH_EXIT_DATA;
    }
    *out = (int)v;
    return 0;
}

static int parse_date(const char *s, int32_t *day)
{
    char why[120];
    if (rh_date_parse_said(s, day, why, sizeof why)) {
        rh_cli_error("log", "--date: %s", why);
        return RH_EXIT_DATA;
    }
    return 0;
}

/* cli.md: dates after today (--today) are refused. */
static int not_future(int32_t day, int32_t today)
{
    if (day <= today)
        return 0;
    char d[11], t[11];
    rh_date_format(day, d);
    rh_date_format(today, t);
    rh_cli_error("log", W("future"), d, t);
    return RH_EXIT_DATA;
}

/* The plan's knowledge and the diary's store, both or neither (the kb is
 * freed when the store cannot be opened): the opening of every `log` verb
 * that changes the diary. */
static int open_kb_store(struct rh_cli *cli, struct rh_plan_kb **kb, struct rh_store **s,
                         struct rh_err *err)
{
    if (rh_plan_kb_load(kb, err))
        return rh_cli_report("log", err);
    int rc = rh_cli_open_store(cli, s);
    if (rc)
        rh_plan_kb_free(*kb);
    return rc;
}

/* One of the note reader's statements (rh_note_statements) as an element of
 * note_read: its words (null for the assessment's known nerve sign), what it
 * means and what it says, the same words as the terminal and the web. */
struct json_note {
    struct rh_buf *b;
    int k;
};

static int json_statement(void *arg, const char *words, const char *means, const char *says)
{
    struct json_note *j = arg;
    int w = 0;
    if (j->k++)
        w |= rh_buf_puts(j->b, ",");
    w |= rh_buf_puts(j->b, "{\"words\":");
    w |= words ? rh_buf_json_str(j->b, words) : rh_buf_puts(j->b, "null");
    w |= rh_buf_puts(j->b, ",\"means\":");
    w |= rh_buf_json_str(j->b, means);
    w |= rh_buf_puts(j->b, ",\"says\":");
    w |= rh_buf_json_str(j->b, says);
    w |= rh_buf_puts(j->b, "}");
    return w;
}

/* Every append checked: 0, or an error (out of memory) and nothing printed. */
static int print_json(const struct rh_diary_outcome *o)
{
    int w = 0;
    static const char *const verdicts[] = {"good", "stay", "step_back", "see"};
    struct rh_buf b;
    rh_buf_init(&b, 0);
    w |= rh_buf_puts(&b, "{\"red_flags\":[");
    for (int i = 0; i < o->triage.n_flags; i++) {
        if (i)
            w |= rh_buf_puts(&b, ",");
        w |= rh_buf_json_str(&b, o->triage.flags[i].id);
    }
    w |= rh_buf_puts(&b, "],\"urgency\":");
    if (o->urgency >= 0)
        w |= rh_buf_json_str(&b, rh_disposition_name((enum rh_disposition)o->urgency));
    else
        w |= rh_buf_puts(&b, "null");
    /* restricted: a clinician's restriction in force (the library's
     * rh_diary_outcome.restricted, with or without an assessment), said
     * apart from blocked as plan --json does */
    w |= rh_buf_printf(&b, ",\"blocked\":%s,\"restricted\":%s,\"verdict\":",
                       o->blocked ? "true" : "false", o->restricted ? "true" : "false");
    w |= rh_buf_json_str(&b, verdicts[o->pain.verdict]);
    w |= rh_buf_puts(&b, ",\"why\":");
    w |= rh_buf_json_str(&b, o->pain.why);
    w |= rh_buf_puts(&b, ",\"note_read\":[");
    int k = 0;
    for (int i = 0; i < o->triage.note.n; i++) {
        const struct rh_note_finding *f = &o->triage.note.f[i];
        if (f->negated)
            continue;
        if (k++)
            w |= rh_buf_puts(&b, ",");
        w |= rh_buf_puts(&b, "{\"words\":");
        w |= rh_buf_json_str(&b, f->words);
        w |= rh_buf_puts(&b, ",\"means\":");
        w |= rh_buf_json_str(&b, f->sets);
        w |= rh_buf_puts(&b, "}");
    }
    /* session 22 (branch diary26): a sign set aside and why, and tingling
     * the assessment already had, as the terminal and the web say them */
    struct json_note jn = {&b, k};
    w |= rh_note_statements(&o->triage.note, o->have_plan && o->st.for_child, json_statement, &jn);
    /* session 24 (branch notes24): how a weight loss told with its amount
     * was judged, with the line the text output says of it (the library's
     * rh_note_weight_line: one judgement, one wording) */
    w |= rh_buf_puts(&b, "],\"weight\":");
    const char *judged = rh_loss_judged_id(o->triage.note.loss_judged);
    if (judged) {
        struct rh_buf line;
        rh_buf_init(&line, 0);
        w |= rh_note_weight_line(&o->triage.note, false, &line);
        while (!w && line.len && line.data[line.len - 1] == '\n')
            line.data[--line.len] = '\0';
        w |= rh_buf_puts(&b, "{\"judged\":");
        w |= rh_buf_json_str(&b, judged);
        w |= rh_buf_puts(&b, ",\"says\":");
        w |= rh_buf_json_str(&b, line.data ? line.data : "");
        w |= rh_buf_puts(&b, "}");
        rh_buf_release(&line);
    } else {
        w |= rh_buf_puts(&b, "null");
    }
    w |= rh_buf_puts(&b, ",\"phase\":");
    if (o->have_plan)
        w |= rh_buf_json_str(&b, rh_phase_id(o->st.phase));
    else
        w |= rh_buf_puts(&b, "null");
    w |= rh_buf_puts(&b, "}\n");
    if (!w && b.data)
        (void)fwrite(b.data, 1, b.len, stdout); /* a failed write: main's exit 3 */
    rh_buf_release(&b);
    return w;
}

static int print_text(const struct rh_pain_entry *e, const struct rh_diary_outcome *o)
{
    int w = 0;
    struct rh_buf txt; /* in plain words through the text layer (runhip/text.h) */
    rh_buf_init(&txt, 0);
    char d[11];
    rh_date_format(e->day, d);
    w |= rh_buf_printf(&txt, W("logged"), e->pain, d);
    const char *act = rh_pain_activity_said(e); /* plan27: "a run" */
    if (e->during_run >= 0 && act)
        w |= rh_buf_printf(&txt, W("logged_during_kind"), e->during_run, act);
    else if (e->during_run >= 0)
        w |= rh_buf_printf(&txt, W("logged_during"), e->during_run);
    if (e->next_morning >= 0 && !o->attached)
        w |= rh_buf_printf(&txt, W("logged_morning"), e->next_morning, rh_pain_reply_morning(e));
    w |= rh_buf_printf(&txt, ".\n");
    if (*o->morning_note)
        w |= rh_buf_printf(&txt, "%s\n", o->morning_note);
    if (o->attached) {
        char a[11];
        rh_date_format(o->attached_day, a);
        w |= rh_buf_printf(&txt, W("attached"), e->next_morning, a, o->attached_during);
        w |= rh_buf_puts(&txt, "\n");
        w |= rh_buf_printf(&txt, W("attached_verdict"), rh_pain_result_verdict(&o->attached_result));
        w |= rh_buf_printf(&txt, "\n  %s\n", o->attached_result.why);
    }
    w |= rh_note_reading_lines(e->note, &o->triage.note, false,
                               o->have_plan && o->st.for_child, &txt); /* as checkin and the web */
    w |= rh_buf_printf(&txt, W("pain_says"), rh_pain_result_verdict(&o->pain));
    w |= rh_buf_printf(&txt, "\n  %s\n", o->pain.why);
    if (*o->pain.physio)
        w |= rh_buf_printf(&txt, "  %s\n", o->pain.physio);
    if (o->have_plan) {
        const struct rh_plan_state *st = &o->st;
        w |= rh_cli_plan_move(&txt, o->pain.moved, o->pain.from,
                              o->pain.moved ? o->pain.to : st->phase, o->pain.ladder_from,
                              o->pain.ladder_to);
        const char *who = W(st->for_child ? "your_child" : "you"); /* a parent's plan (ux11) */
        if (st->blocked) {
            w |= rh_buf_printf(&txt, W("blocked"), who);
            w |= rh_buf_puts(&txt, "\n");
        } else if (st->hold && !o->pain.hold && !st->pelvic_hold &&
                   !o->pain.diagnosed) { /* an earlier entry's hold: this one's (or the
                                            verdict of a diagnosed fracture) says it */
            w |= rh_buf_printf(&txt, W("hold"), who);
            w |= rh_buf_puts(&txt, "\n");
        }
    } else if (o->pain.red_flag) {
        w |= rh_buf_printf(&txt, "%s\n%s\n", W("flag_unassessed"), no_assessment());
    } else if (o->pain.hold) {
        /* session 22 (branch diary26b): a pelvic-floor symptom's or a
         * diagnosed fracture's hold is not lifted by the diary settling:
         * its verdict above says what lifts it, as with a plan */
        if (!o->pain.pelvic_hold && !o->pain.diagnosed)
            w |= rh_buf_printf(&txt, "%s\n", W("hold_unassessed"));
        w |= rh_buf_printf(&txt, "%s\n", no_assessment());
    } else if (o->blocked) {
        /* no plan yet: today says why; the plan comes from an assessment */
        w |= rh_buf_printf(&txt, "%s\n%s\n", W("blocked_earlier"), no_assessment());
    } else {
        w |= rh_buf_printf(&txt, "%s\n", W("no_plan"));
    }
    if (!w)
        (void)rh_cli_put_text(stdout, txt.data, txt.len, 0); /* a failed write: main's exit 3 */
    rh_buf_release(&txt);
    return w;
}

static int log_pain(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"date", required_argument, NULL, 'd'},
                                         {"during-run", required_argument, NULL, 'r'},
                                         {"activity", required_argument, NULL, 'a'},
                                         {"next-morning", required_argument, NULL, 'm'},
                                         {"note", required_argument, NULL, 'n'},
                                         {"signs", required_argument, NULL, 's'},
                                         {"json", no_argument, NULL, 'j'},
                                         {0}};
    struct rh_pain_entry e = {.day = rh_cli_today(cli), .during_run = -1, .next_morning = -1};
    int c, rc;
    bool json = false;
    uint32_t signs = 0;
    struct rh_err err;
    rh_err_clear(&err);
    /* a negative pain ("log pain -1") is a pain out of range (exit 1, cli.md:
     * the input was bad), not an unknown option: getopt would take it for
     * one; the value of an option ("--during-run -1") is its option's */
    for (int i = 1; i < argc; i++) {
        bool value_of_option = argv[i - 1][0] == '-' && argv[i - 1][1] == '-' &&
                               !strchr(argv[i - 1], '=') && strcmp(argv[i - 1], "--json") != 0;
        if (argv[i][0] == '-' && isdigit((unsigned char)argv[i][1]) && !value_of_option)
            return parse_int("pain", argv[i], 0, 10, &e.pain);
    }
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if ((rc = parse_date(optarg, &e.day)))
                return rc;
            break;
        case 'r':
            if ((rc = parse_int("--during-run", optarg, 0, 10, &e.during_run)))
                return rc;
            break;
        case 'a': /* plan27: checked by the library, as the web form's */
            if (rh_pain_activity_check(optarg, &err)) {
                rh_cli_error("log", "--%s", err.msg); /* "activity: ..." */
                return RH_EXIT_DATA;
            }
            snprintf(e.activity, sizeof e.activity, "%s", optarg);
            break;
        case 'm':
            if ((rc = parse_int("--next-morning", optarg, 0, 10, &e.next_morning)))
                return rc;
            break;
        case 'n':
            if ((rc = rh_cli_check_entry("log", optarg, RH_ENTRY_NOTE, "--note")))
                return rc;
            e.note = optarg;
            break;
        case 's':
            if (rh_triage_signs_parse(optarg, &signs, &err)) {
                rh_cli_error("log", "--%s", err.msg); /* "signs: ..." */
                return RH_EXIT_DATA;
            }
            break;
        case 'j':
            json = true;
            break;
        default:
            return rh_cli_bad_option("log", argc, argv);
        }
    }
    if (optind + 1 != argc) {
        if (optind >= argc)
            rh_cli_error("log", "%s", W("pain_needed"));
        else
            rh_cli_unexpected("log", argv[optind + 1]);
        return RH_EXIT_USAGE;
    }
    if ((rc = parse_int("pain", argv[optind], 0, 10, &e.pain)))
        return rc;
    int32_t today = rh_cli_today(cli);
    if ((rc = not_future(e.day, today)))
        return rc;
    struct rh_plan_kb *kb;
    struct rh_store *s;
    if ((rc = open_kb_store(cli, &kb, &s, &err)))
        return rc;
    struct rh_diary_outcome *o = rh_calloc(1, sizeof *o);
    if (!o) {
        rh_err_set(&err, RH_ENOMEM, "%s", rh_cli_words("cli_common", "out_of_memory"));
        rc = rh_cli_report("log", &err);
    } else if (rh_diary_pain(s, kb, &e, signs, today, o, &err)) {
        rc = rh_cli_report("log", &err);
    } else if (json ? print_json(o) : print_text(&e, o)) {
        rh_err_set(&err, RH_ENOMEM, "%s", W("stored_no_answer"));
        rc = rh_cli_report("log", &err);
    }
    rh_free(o);
    rh_store_close(s);
    rh_plan_kb_free(kb);
    return rc;
}

static int log_session(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"date", required_argument, NULL, 'd'},
                                         {"minutes", required_argument, NULL, 't'},
                                         {"rpe", required_argument, NULL, 'p'},
                                         {"note", required_argument, NULL, 'n'},
                                         {"km", required_argument, NULL, 'k'},
                                         {0}};
    struct rh_session e = {.day = rh_cli_today(cli), .minutes = RH_NONE, .rpe = -1};
    int c, rc;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if ((rc = parse_date(optarg, &e.day)))
                return rc;
            break;
        case 't': {
            double m;
            if (rh_parse_double(optarg, &m) || !(m >= 0 && m <= 1440)) {
                rh_cli_error("log", W("minutes_bad"), optarg);
                return RH_EXIT_DATA;
            }
            e.minutes = m;
            break;
        }
        case 'p':
            if ((rc = parse_int("--rpe", optarg, 0, 10, &e.rpe)))
                return rc;
            break;
        case 'n':
            if ((rc = rh_cli_check_entry("log", optarg, RH_ENTRY_NOTE, "--note")))
                return rc;
            e.note = optarg;
            break;
        case 'k': /* a run no file recorded: its distance (issue 9) */
            if (rh_parse_double(optarg, &e.km) || !(e.km > 0 && e.km <= 1000)) {
                rh_cli_error("log", W("km_bad"), optarg);
                return RH_EXIT_DATA;
            }
            break;
        default:
            return rh_cli_bad_option("log", argc, argv);
        }
    }
    if (optind + 1 != argc) {
        if (optind >= argc)
            rh_cli_error("log", "%s", W("session_needed"));
        else
            rh_cli_unexpected("log", argv[optind + 1]);
        return RH_EXIT_USAGE;
    }
    enum rh_session_kind k;
    if (rh_session_kind_parse(argv[optind], &k)) {
        rh_cli_error("log", W("session_unknown"), argv[optind]);
        return RH_EXIT_DATA;
    }
    e.kind = k;
    if ((rc = not_future(e.day, rh_cli_today(cli))))
        return rc;
    struct rh_store *s;
    if ((rc = rh_cli_open_store(cli, &s)))
        return rc;
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_store_session_add(s, &e, NULL, &err)) {
        rc = rh_cli_report("log", &err);
    } else {
        char d[11];
        rh_date_format(e.day, d);
        printf(W("session"), rh_session_kind_said(k), d);
        if (e.km > 0)
            printf(W("session_km"), e.km);
        if (rh_has(e.minutes))
            /* 20.5 stored is 20.5 said (spec21) */
            printf(W(e.minutes != (double)(long)e.minutes ? "minutes_part"
                     : e.minutes == 1                      ? "minutes_one"
                                                           : "minutes_many"),
                   e.minutes);
        if (e.rpe >= 0)
            printf(W("session_effort"), e.rpe);
        printf(".\n");
        /* while a warning sign blocks the plan: the library's reminder */
        struct rh_plan_kb *kb = NULL;
        char note[1600] = "";
        if (rh_plan_kb_load(&kb, &err) || rh_diary_session_reminder(s, kb, k, note, sizeof note, &err))
            rc = rh_cli_report("log", &err);
        else if (*note)
            (void)rh_cli_put_text(stdout, note, strlen(note), 0);
        if (*note)
            putchar('\n');
        rh_plan_kb_free(kb);
    }
    rh_store_close(s);
    return rc;
}

/* The --date and --note of log cleared and log visit (getopt's c and
 * optarg): 0 taken, an exit code for a bad value (said), -1 another option. */
static int date_note_option(int c, int32_t *day, const char **note)
{
    if (c == 'd')
        return parse_date(optarg, day);
    if (c != 'n')
        return -1;
    int rc = rh_cli_check_entry("log", optarg, RH_ENTRY_NOTE, "--note");
    if (rc == 0)
        *note = optarg;
    return rc;
}

static int log_cleared(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"date", required_argument, NULL, 'd'}, {"note", required_argument, NULL, 'n'}, {0}};
    int32_t day = rh_cli_today(cli);
    const char *note = NULL;
    int c, rc;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if ((rc = date_note_option(c, &day, &note)) > 0)
            return rc;
        if (rc < 0)
            return rh_cli_bad_option("log", argc, argv);
    }
    if (optind != argc) {
        rh_cli_unexpected("log", argv[optind]);
        return RH_EXIT_USAGE;
    }
    struct rh_err err;
    rh_err_clear(&err);
    struct rh_plan_kb *kb;
    struct rh_store *s;
    if ((rc = open_kb_store(cli, &kb, &s, &err)))
        return rc;
    struct rh_plan_state st;
    bool was_blocked = false;
    int r = rh_diary_cleared(s, kb, day, rh_cli_today(cli), note, &st, &was_blocked, &err);
    if (r) {
        rc = rh_cli_report("log", &err);
    } else {
        char d[11];
        rh_date_format(day, d);
        printf(W("cleared"), d);
        printf("%s%s.\n", note ? ": " : "", note ? note : "");
        char t[1200]; /* the library's one reply (the web Diary's too) */
        rh_plan_clearance_reply(kb, &st, was_blocked, t, sizeof t);
        printf("%s\n", t);
    }
    rh_store_close(s);
    rh_plan_kb_free(kb);
    return rc;
}

/* runhip log visit OUTCOME [--weeks N] [--date D] [--note TEXT]: a visit to
 * a doctor or physiotherapist with what they decided about running (review
 * 11 #4); the rules and the words are the library's (rh_diary_visit,
 * rh_plan_visit_text). */
static int log_visit(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"date", required_argument, NULL, 'd'},
                                          {"note", required_argument, NULL, 'n'},
                                          {"weeks", required_argument, NULL, 'w'},
                                          {0}};
    static struct rh_visit v;
    int32_t day = rh_cli_today(cli);
    const char *note = NULL, *weeks = NULL;
    int c, rc;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if ((rc = date_note_option(c, &day, &note)) > 0)
            return rc;
        if (rc == 0)
            continue;
        if (c != 'w')
            return rh_cli_bad_option("log", argc, argv);
        weeks = optarg; /* checked by the library, as the web form's */
    }
    if (optind >= argc) {
        rh_cli_error("log", "%s", W("visit_needed"));
        return RH_EXIT_USAGE;
    }
    if (optind + 1 != argc) {
        rh_cli_unexpected("log", argv[optind + 1]);
        return RH_EXIT_USAGE;
    }
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_visit_from_words(&v, day, argv[optind], weeks, note, &err)) {
        /* session 34 (hyg34): a restriction without its weeks said what it
         * needs but not how the terminal takes it (the web has its field):
         * the option, with an example of this decision */
        if (!weeks && err.code == RH_ERANGE && rh_visit_restricts(v.outcome))
            rh_str_appendf(err.msg, sizeof err.msg, W("visit_weeks_how"),
                           rh_visit_outcome_name(v.outcome));
        return rh_cli_report("log", &err);
    }
    struct rh_plan_kb *kb;
    struct rh_store *s;
    if ((rc = open_kb_store(cli, &kb, &s, &err)))
        return rc;
    static struct rh_plan_state st;
    bool was_blocked = false;
    if (rh_diary_visit(s, kb, &v, rh_cli_today(cli), &st, &was_blocked, &err)) {
        rc = rh_cli_report("log", &err);
    } else {
        char d[11], t[1600], said[120];
        rh_date_format(v.day, d);
        rh_visit_said_of(&v, said, sizeof said);
        printf(W("visit"), d, said);
        printf("\n");
        if (rh_plan_visit_reply(kb, &st, v.outcome, was_blocked, t, sizeof t))
            printf("%s\n", t); /* the web's visit form says the same */
        /* a clearance's reply says how to make a plan already */
        if (st.assessment_id == 0 && v.outcome != RH_VISIT_CLEARED)
            printf("%s\n", W("assess_next"));
    }
    rh_store_close(s);
    rh_plan_kb_free(kb);
    return rc;
}

/* runhip log list [--days N]: the pain entries of the last N days (90),
 * oldest first, each with the signs ticked with it in the forms' words
 * (rh_triage_signs_said) and its note; then the sessions of those days
 * (ux28: strength, cross-training ... were never listed), as the web
 * Diary's table has them. */
static int log_list(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"days", required_argument, NULL, 'n'}, {0}};
    int days = 90, c, rc;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c != 'n')
            return rh_cli_bad_option("log", argc, argv);
        if ((rc = parse_int("--days", optarg, 1, 3660, &days)))
            return rc;
    }
    if (optind != argc) {
        rh_cli_unexpected("log", argv[optind]);
        return RH_EXIT_USAGE;
    }
    struct rh_store *s;
    if ((rc = rh_cli_open_existing(cli, &s)))
        return rc;
    struct rh_pain_entry *e = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int32_t today = rh_cli_today(cli);
    if (rh_store_pain_list(s, today - days + 1, today, &e, &n, &err)) {
        rc = rh_cli_report("log", &err);
        rh_store_close(s);
        return rc;
    }
    if (n == 0)
        printf(W("list_none"), days);
    else
        printf("%s", W("list_head"));
    printf("\n");
    struct rh_buf txt;
    rh_buf_init(&txt, 0);
    int w = 0;
    for (size_t i = 0; i < n && !w; i++) {
        char d[11], dr[16] = "-", nm[32] = "-";
        rh_date_format(e[i].day, d);
        if (e[i].during_run >= 0)
            snprintf(dr, sizeof dr, "%d", e[i].during_run);
        /* which morning: the library's rule and words (rh_pain_own_morning) */
        const char *own = rh_pain_own_morning(&e[i]);
        if (e[i].next_morning >= 0)
            snprintf(nm, sizeof nm, "%d%s%s", e[i].next_morning, own ? " " : "", own ? own : "");
        w = rh_buf_printf(&txt, "%s  %3d  %6s  %14s\n", d, e[i].pain, dr, nm);
        const char *act = rh_pain_activity_said(&e[i]); /* plan27 */
        if (!w && act) {
            w = rh_buf_puts(&txt, "            ");
            w = w ? w : rh_buf_printf(&txt, W("list_activity"), act);
            w = w ? w : rh_buf_puts(&txt, "\n");
        }
        if (!w && *e[i].signs) {
            char said[600];
            rh_triage_signs_said(e[i].signs, said, sizeof said);
            w = rh_buf_puts(&txt, "            ");
            w = w ? w : rh_buf_printf(&txt, rh_cli_words("cli_common", "signs_ticked"), said);
            w = w ? w : rh_buf_puts(&txt, "\n");
        }
        if (!w && e[i].note && *e[i].note) {
            w = rh_buf_puts(&txt, "            ");
            w = w ? w : rh_buf_printf(&txt, rh_cli_words("cli_common", "note_said"), e[i].note);
            w = w ? w : rh_buf_puts(&txt, "\n");
        }
    }
    struct rh_session *ses = NULL;
    size_t ns = 0;
    if (!w && rh_store_session_list(s, today - days + 1, today, &ses, &ns, &err)) {
        rh_buf_release(&txt);
        rh_pain_array_free(e, n);
        rc = rh_cli_report("log", &err);
        rh_store_close(s);
        return rc;
    }
    if (!w)
        w = rh_buf_printf(&txt, "\n%s\n", W("list_sessions"));
    if (!w && ns == 0) {
        w = rh_buf_printf(&txt, W("list_sessions_none"), days);
        w = w ? w : rh_buf_puts(&txt, "\n");
    } else if (!w) {
        w = rh_buf_printf(&txt, "%s\n", W("list_sessions_head"));
    }
    for (size_t i = 0; i < ns && !w; i++) {
        char d[11], mn[16] = "-", km[24] = "-", rpe[16] = "-";
        rh_date_format(ses[i].day, d);
        if (rh_has(ses[i].minutes))
            snprintf(mn, sizeof mn, "%.0f", ses[i].minutes);
        if (ses[i].km > 0)
            snprintf(km, sizeof km, "%.2f", ses[i].km);
        if (ses[i].rpe >= 0)
            snprintf(rpe, sizeof rpe, "%d", ses[i].rpe);
        w = rh_buf_printf(&txt, "%s  %-17s  %7s  %6s  %6s\n", d,
                          rh_session_kind_said(ses[i].kind), mn, km, rpe);
        if (!w && ses[i].note && *ses[i].note) {
            w = rh_buf_puts(&txt, "            ");
            w = w ? w : rh_buf_printf(&txt, rh_cli_words("cli_common", "note_said"), ses[i].note);
            w = w ? w : rh_buf_puts(&txt, "\n");
        }
    }
    rh_session_array_free(ses, ns);
    if (!w)
        (void)rh_cli_put_text(stdout, txt.data, txt.len, 0);
    rh_buf_release(&txt);
    rh_pain_array_free(e, n);
    rh_store_close(s);
    if (w) {
        rh_err_set(&err, RH_ENOMEM, "%s", rh_cli_words("cli_common", "out_of_memory"));
        return rh_cli_report("log", &err);
    }
    return 0;
}

int cmd_log(struct rh_cli *cli, int argc, char **argv)
{
    int rc = rh_cli_words_check("log", "cli_log", log_words, sizeof log_words / sizeof *log_words);
    if (rc) /* before anything is stored */
        return rc;
    if (argc < 2) {
        rh_cli_error("log", "%s", W("what_needed"));
        return RH_EXIT_USAGE;
    }
    if (strcmp(argv[1], "pain") == 0)
        return log_pain(cli, argc - 1, argv + 1);
    if (strcmp(argv[1], "session") == 0)
        return log_session(cli, argc - 1, argv + 1);
    if (strcmp(argv[1], "cleared") == 0)
        return log_cleared(cli, argc - 1, argv + 1);
    if (strcmp(argv[1], "visit") == 0)
        return log_visit(cli, argc - 1, argv + 1);
    if (strcmp(argv[1], "list") == 0)
        return log_list(cli, argc - 1, argv + 1);
    rh_cli_error("log", W("what_unknown"), argv[1]);
    return RH_EXIT_USAGE;
}
