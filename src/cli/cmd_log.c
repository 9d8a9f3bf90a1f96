/* SPDX-License-Identifier: MIT */
/*
 * runhip log pain|session|cleared: the diary. A pain entry is checked, stored,
 * judged by the pain-monitoring rule, and moves the plan (all in one
 * transaction: a failure stores nothing). A session entry records training
 * done. "cleared" records that a doctor or physiotherapist has cleared the
 * runner to run again, which lifts a running block of the plan.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/plan.h"
#include "util/banned.h"

#define HISTORY_DAYS 60

static int parse_int(const char *what, const char *s, long lo, long hi, int *out)
{
    long v;
    if (rh_parse_long(s, &v)) {
        rh_cli_error("log", "%s must be a whole number, got '%s'", what, s);
        return RH_EXIT_DATA;
    }
    if (v < lo || v > hi) {
        rh_cli_error("log", "%s must be %ld..%ld, got %ld", what, lo, hi, v);
        return RH_EXIT_DATA;
    }
    *out = (int)v;
    return 0;
}

static int parse_date(const char *s, int32_t *day)
{
    if (rh_date_parse(s, day)) {
        rh_cli_error("log", "--date must be a date YYYY-MM-DD, got '%s'", s);
        return RH_EXIT_DATA;
    }
    return 0;
}

static const char *verdict_text(enum rh_pain_verdict v)
{
    switch (v) {
    case RH_PAIN_GOOD: return "fine: carry on";
    case RH_PAIN_STAY: return "acceptable: stay at this stage";
    case RH_PAIN_STEP_BACK: return "too much: step back one stage";
    case RH_PAIN_SEE: return "see a physiotherapist or doctor";
    }
    return "?";
}

static int count_strength(struct rh_store *s, int32_t from, int32_t to, int *n, struct rh_err *err)
{
    struct rh_session *ss;
    size_t k;
    int r = rh_store_session_list(s, from, to, &ss, &k, err);
    if (r)
        return r;
    *n = 0;
    for (size_t i = 0; i < k; i++)
        *n += ss[i].kind == RH_SESSION_STRENGTH;
    rh_session_array_free(ss, k);
    return 0;
}

static int log_pain(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"date", required_argument, NULL, 'd'},
                                         {"during-run", required_argument, NULL, 'r'},
                                         {"next-morning", required_argument, NULL, 'm'},
                                         {"note", required_argument, NULL, 'n'},
                                         {0}};
    struct rh_pain_entry e = {.day = rh_cli_today(cli), .during_run = -1, .next_morning = -1};
    int c, rc;
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
        case 'm':
            if ((rc = parse_int("--next-morning", optarg, 0, 10, &e.next_morning)))
                return rc;
            break;
        case 'n':
            e.note = optarg;
            break;
        default:
            return rh_cli_bad_option("log", argc, argv);
        }
    }
    if (optind + 1 != argc) {
        rh_cli_error("log", optind >= argc ? "log pain needs the pain now, 0..10"
                                           : "unexpected argument '%s'",
                     optind < argc ? argv[optind + 1] : "");
        return RH_EXIT_USAGE;
    }
    if ((rc = parse_int("pain", argv[optind], 0, 10, &e.pain)))
        return rc;

    struct rh_err err;
    rh_err_clear(&err);
    struct rh_plan_kb *kb;
    if (rh_plan_kb_load(&kb, &err))
        return rh_cli_report("log", &err);
    struct rh_store *s;
    if ((rc = rh_cli_open_store(cli, &s))) {
        rh_plan_kb_free(kb);
        return rc;
    }
    struct rh_plan_state st;
    struct rh_pain_result res;
    struct rh_pain_entry *hist = NULL;
    size_t nh = 0;
    int64_t plan_id = 0;
    bool have_plan = false;
    int r = rh_store_begin(s, &err);
    if (!r)
        r = rh_store_pain_add(s, &e, NULL, &err);
    if (!r)
        r = rh_store_pain_list(s, e.day - HISTORY_DAYS, e.day, &hist, &nh, &err);
    if (!r) {
        int pr = rh_cli_plan_current(s, kb, &plan_id, &st, &err);
        if (pr == 0)
            have_plan = true;
        else if (pr != RH_ENOTFOUND)
            r = pr;
        else
            rh_err_clear(&err);
    }
    int strength = 0;
    if (!r && have_plan)
        r = count_strength(s, st.phase_day, e.day, &strength, &err);
    if (!r)
        r = rh_plan_on_pain(kb, have_plan ? &st : NULL, hist, nh, strength, &res, &err);
    if (!r && have_plan) {
        char *json;
        r = rh_plan_state_to_json(&st, &json, &err);
        if (!r) {
            r = rh_store_plan_update(s, plan_id, json, &err);
            rh_free(json);
        }
    }
    if (!r)
        r = rh_store_commit(s, &err);
    if (r) {
        rh_store_rollback(s);
        rc = rh_cli_report("log", &err);
        goto done;
    }
    char d[11];
    rh_date_format(e.day, d);
    struct rh_buf txt; /* in plain words through the text layer */
    rh_buf_init(&txt, 0);
    rh_buf_printf(&txt, "Logged pain %d/10 on %s", e.pain, d);
    if (e.during_run >= 0)
        rh_buf_printf(&txt, ", %d/10 during activity", e.during_run);
    if (e.next_morning >= 0)
        rh_buf_printf(&txt, ", %d/10 the next morning", e.next_morning);
    rh_buf_printf(&txt, ".\nWhat the pain says now: %s.\n  %s\n", verdict_text(res.verdict), res.why);
    if (*res.physio)
        rh_buf_printf(&txt, "  %s\n", res.physio);
    if (have_plan) {
        if (res.moved && res.from != res.to)
            rh_buf_printf(&txt, "Plan: moved from phase '%s' to '%s'.\n", rh_phase_id(res.from),
                   rh_phase_id(res.to));
        else if (res.moved)
            rh_buf_printf(&txt, "Plan: walk-run stage %d -> %d.\n", res.ladder_from, res.ladder_to);
        else
            rh_buf_printf(&txt, "Plan: stays in phase '%s'.\n", rh_phase_id(st.phase));
        if (st.blocked)
            rh_buf_printf(&txt, "No running until a professional clears you (runhip log cleared).\n");
    } else {
        rh_buf_printf(&txt, "No plan yet: after 'runhip assess', 'runhip plan' makes one and the diary "
               "moves it.\n");
    }
    (void)rh_cli_put_text(stdout, txt.data, txt.len, 0);
    rh_buf_release(&txt);
done:
    rh_pain_array_free(hist, nh);
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
                rh_cli_error("log", "--minutes must be a number 0..1440, got '%s'", optarg);
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
            e.note = optarg;
            break;
        default:
            return rh_cli_bad_option("log", argc, argv);
        }
    }
    if (optind + 1 != argc) {
        rh_cli_error("log", optind >= argc
                                ? "log session needs a kind: strength, mobility, cross_train, "
                                  "rest or run"
                                : "unexpected argument '%s'",
                     optind < argc ? argv[optind + 1] : "");
        return RH_EXIT_USAGE;
    }
    enum rh_session_kind k;
    if (rh_session_kind_parse(argv[optind], &k)) {
        rh_cli_error("log", "unknown session kind '%s' (strength, mobility, cross_train, rest, run)",
                     argv[optind]);
        return RH_EXIT_DATA;
    }
    e.kind = k;
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
        printf("Logged a %s session on %s", rh_session_kind_name(k), d);
        if (rh_has(e.minutes))
            printf(", %.0f minutes", e.minutes);
        if (e.rpe >= 0)
            printf(", effort %d/10", e.rpe);
        printf(".\n");
    }
    rh_store_close(s);
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
        if (c == 'd') {
            if ((rc = parse_date(optarg, &day)))
                return rc;
        } else if (c == 'n') {
            note = optarg;
        } else {
            return rh_cli_bad_option("log", argc, argv);
        }
    }
    if (optind != argc) {
        rh_cli_error("log", "unexpected argument '%s'", argv[optind]);
        return RH_EXIT_USAGE;
    }
    struct rh_err err;
    rh_err_clear(&err);
    struct rh_plan_kb *kb;
    if (rh_plan_kb_load(&kb, &err))
        return rh_cli_report("log", &err);
    struct rh_store *s;
    if ((rc = rh_cli_open_store(cli, &s))) {
        rh_plan_kb_free(kb);
        return rc;
    }
    struct rh_plan_state st;
    int64_t plan_id;
    bool was_blocked = false;
    int r = rh_store_begin(s, &err);
    if (!r)
        r = rh_cli_plan_current(s, kb, &plan_id, &st, &err);
    if (!r) {
        was_blocked = st.blocked;
        rh_plan_clear(&st, day, note);
        char *json;
        r = rh_plan_state_to_json(&st, &json, &err);
        if (!r) {
            r = rh_store_plan_update(s, plan_id, json, &err);
            rh_free(json);
        }
    }
    if (!r)
        r = rh_store_commit(s, &err);
    if (r) {
        rh_store_rollback(s);
        rc = rh_cli_report("log", &err);
    } else {
        char d[11];
        rh_date_format(day, d);
        printf("Recorded on %s that a professional cleared you to run%s%s.\n", d,
               note ? ": " : "", note ? note : "");
        printf(was_blocked ? "The running block is lifted; running returns through the plan's "
                             "phases, starting with the three-day test.\n"
                           : "The plan had no running block; nothing else changes.\n");
    }
    rh_store_close(s);
    rh_plan_kb_free(kb);
    return rc;
}

int cmd_log(struct rh_cli *cli, int argc, char **argv)
{
    if (argc < 2) {
        rh_cli_error("log", "say what to log: pain, session or cleared (runhip log --help)");
        return RH_EXIT_USAGE;
    }
    if (strcmp(argv[1], "pain") == 0)
        return log_pain(cli, argc - 1, argv + 1);
    if (strcmp(argv[1], "session") == 0)
        return log_session(cli, argc - 1, argv + 1);
    if (strcmp(argv[1], "cleared") == 0)
        return log_cleared(cli, argc - 1, argv + 1);
    rh_cli_error("log", "unknown diary entry '%s' (pain, session or cleared)", argv[1]);
    return RH_EXIT_USAGE;
}
