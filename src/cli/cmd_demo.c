/* SPDX-License-Identifier: MIT */
/*
 * runhip demo: the whole journey on the bundled sample athlete, in a
 * temporary database. The journey is a list of ordinary runhip commands;
 * a step whose command this build does not have is left out, so the demo
 * grows with the program. Sample files: samples/demo/ (made by
 * tools/gen_sample.py; see samples/demo/README.md).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/banned.h"

#define MAX_ARGS 16

struct step {
    const char *title; /* its key in data/wording.txt [cli_demo] */
    const char *args[MAX_ARGS]; /* "@S": the sample folder, "@T": the temporary folder;
                                   args[0] "@diary": replay samples/demo/diary.txt */
    bool quiet;                 /* hide stdout (setup steps) */
    const char *today;          /* the pinned day taken as today (--today) */
    bool what_if;               /* run on a copy of the database (the story goes on unharmed) */
};

/* words21: the demo's words, data/wording.txt [cli_demo] (the steps' titles
 * by key, the frame around them), a closed set of printf formats checked
 * before the demo starts (demo_words_check) */
static const struct rh_words_format demo_words[] = {
    {"step_export", ""}, {"step_files", ""}, {"step_activities", ""}, {"step_profile", ""},
    {"step_diary", ""}, {"step_load", ""}, {"step_assess", ""}, {"step_plan", ""},
    {"step_good_day", ""}, {"step_good_day2", ""}, {"step_plan_after", ""},
    {"step_what_if", ""}, {"step_plan_sign", ""}, {"step_calendar", ""}, {"step_checkin", ""},
    {"step_checkin_list", ""}, {"step_report", ""}, {"intro", ""}, {"not_diagnosis", ""},
    {"database", "s"}, {"db_unused", "s"}, {"back_own", ""}, {"no_steps", ""}, {"kept", "s"},
    {"keep_hint", ""}, {"updated", ""}, {"cancelled", ""}, {"calendar_one", "ddd"},
    {"calendar_many", "ddd"}, {"no_diary", ""}, {"diary_loaded", "ds"},
    /* words22b: its errors */
    {"shoe_line", ""}, {"shoes_whole", "l"}, {"db_unreadable", ""}, {"db_copy", ""},
    {"ics_unreadable", ""}, {"diary_line", ""}, {"diary_failed", ""}, {"no_samples", "s"},
    {"no_tmp", "s"}, {"step_failed", "sd"},
};

/* A text of [cli_demo] ("" if it could not be read: cmd_demo refuses first). */
#define W(key) rh_cli_words("cli_demo", (key))

/* The journey. The sample athlete's last recorded day is 2026-11-22. */
static const struct step journey[] = {
    {"step_export",
     {"import", "@S/export_strava.zip", NULL}, false, "2026-11-22", false},
    {"step_files", {"import", "@S/files", NULL}, false,
     "2026-11-22", false},
    {"step_activities", {"activities", NULL}, false, "2026-11-22", false},
    {"step_profile",
     {"profile", "set", "birth_year", "1988", NULL}, false, "2026-11-22", false},
    {"step_diary", {"@diary", NULL}, true,
     "2026-11-22", false},
    {"step_load",
     {"load", "--as-of", "2026-11-22", "--svg", "@T/load.svg", NULL}, false, "2026-11-22", false},
    {"step_assess",
     {"assess", "--in", "@S/intake.txt", NULL}, false, "2026-11-23", false},
    {"step_plan",
     {"plan", "--ics", "@T/plan.ics", NULL}, false, "2026-11-23", false},
    {"step_good_day",
     {"log", "pain", "2", "--date", "2026-11-23", "--during-run", "2", "--next-morning", "1",
      "--note", "easy cross-training, felt fine", NULL},
     false, "2026-11-24", false},
    {"step_good_day2", {"log", "pain", "1", "--date", "2026-11-25", "--during-run", "2",
      "--next-morning", "1", NULL}, false, "2026-11-26", false},
    {"step_plan_after", {"plan", NULL}, false, "2026-11-26", false},
    {"step_what_if",
     {"log", "pain", "3", "--date", "2026-11-27", "--note",
      "woke me at night when I rolled onto the sore side, and my leg gave way on the stairs with "
      "pins and needles in my foot",
      NULL},
     false, "2026-11-27", true},
    {"step_plan_sign",
     {"plan", "--ics", "@T/plan.ics", NULL}, false, "2026-11-27", true},
    {"step_calendar",
     {"@calendar", "@T/plan.ics", NULL}, false, "2026-11-27", true},
    {"step_checkin",
     {"checkin", "--answers", "2,3,2,2", "--date", "2026-11-29", NULL}, false, "2026-11-29", false},
    {"step_checkin_list", {"checkin", "--list", NULL}, false, "2026-11-29", false},
    {"step_report",
     {"report", "--html", "@T/report.html", NULL}, false, "2026-11-29", false},
};

/* The sample folder: --samples, else samples/demo in the source tree, else
 * the installed copy beside the program (<prefix>/bin/../share/runhip/demo),
 * else the usual prefixes. */
static const char *find_samples(const char *opt)
{
    static const char *const candidates[] = {"samples/demo", "/usr/local/share/runhip/demo",
                                             "/usr/share/runhip/demo"};
    static char beside[4000];
    if (opt)
        return access(opt, R_OK) == 0 ? opt : NULL;
    if (access(candidates[0], R_OK) == 0)
        return candidates[0];
    ssize_t n = readlink("/proc/self/exe", beside, sizeof beside - 64);
    if (n > 0) {
        beside[n] = '\0';
        char *slash = strrchr(beside, '/');
        if (slash) {
            snprintf(slash, sizeof beside - (size_t)(slash - beside), "/../share/runhip/demo");
            if (access(beside, R_OK) == 0)
                return beside;
        }
    }
    for (size_t i = 1; i < sizeof candidates / sizeof *candidates; i++)
        if (access(candidates[i], R_OK) == 0)
            return candidates[i];
    return NULL;
}

/* Loads samples/demo/shoes.txt: "[name]" then "before_km = N". */
struct shoe_ctx {
    struct rh_store *s;
};
static int shoe_cb(void *ctx, const char *section, const char *key, const char *value, long line,
                   struct rh_err *err)
{
    struct shoe_ctx *c = ctx;
    double km;
    if (strcmp(key, "before_km") != 0 || rh_parse_double(value, &km))
        return rh_err_setl(err, RH_ESYNTAX, line, "%s", W("shoe_line"));
    /* first day not known: the shoe list takes the first run in them */
    return rh_store_shoe_put(c->s, section, km, -1, -1, err);
}

static int load_shoes(struct rh_cli *cli, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/shoes.txt", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char text[8192];
    size_t n = fread(text, 1, sizeof text - 1, f);
    bool whole = feof(f) && !ferror(f);
    fclose(f);
    text[n] = '\0';
    if (!whole) {
        rh_cli_error(path, W("shoes_whole"), (long)(sizeof text - 1));
        return RH_EXIT_DATA;
    }
    struct rh_store *s;
    int r = rh_cli_open_store(cli, &s);
    if (r)
        return r;
    struct rh_err err;
    rh_err_clear(&err);
    struct shoe_ctx c = {s};
    r = rh_kv_parse(text, n, shoe_cb, &c, &err);
    rh_store_close(s);
    return r ? rh_cli_report(path, &err) : 0;
}

/* Runs a command with stdout sent to /dev/null. */
static int run_quiet(struct rh_cli *cli, int argc, char **argv)
{
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    FILE *null = fopen("/dev/null", "w");
    if (saved < 0 || !null) {
        if (null)
            fclose(null);
        if (saved >= 0)
            close(saved);
        return rh_cli_run(cli, argc, argv);
    }
    dup2(fileno(null), STDOUT_FILENO);
    int r = rh_cli_run(cli, argc, argv);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    fclose(null);
    return r;
}

/* Splits a line into words; "double quotes" group words. Returns the count,
 * or -1 for an unclosed quote or too many words. Modifies line in place. */
static int split_words(char *line, char **words, int max)
{
    int n = 0;
    char *p = line;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            break;
        if (n == max)
            return -1;
        char *w = p, *o = p;
        bool quoted = false;
        while (*p && (quoted || (*p != ' ' && *p != '\t'))) {
            if (*p == '"') {
                quoted = !quoted;
                p++;
                continue;
            }
            *o++ = *p++;
        }
        if (quoted)
            return -1;
        if (*p)
            p++;
        *o = '\0';
        words[n++] = w;
    }
    return n;
}

/* Copies a closed database (and its WAL files, when there are any). */
static int copy_db(const char *from, const char *to)
{
    static const char *const ext[] = {"", "-wal", "-shm"};
    for (size_t k = 0; k < sizeof ext / sizeof *ext; k++) {
        char a[4200], b[4200];
        snprintf(a, sizeof a, "%s%s", from, ext[k]);
        snprintf(b, sizeof b, "%s%s", to, ext[k]);
        FILE *in = fopen(a, "rb");
        if (!in) {
            if (k == 0) {
                rh_cli_error(a, "%s", W("db_unreadable"));
                return RH_EXIT_IO;
            }
            continue;
        }
        FILE *out = fopen(b, "wb");
        char buf[65536];
        size_t n;
        bool bad = !out;
        while (!bad && (n = fread(buf, 1, sizeof buf, in)) > 0)
            bad = fwrite(buf, 1, n, out) != n;
        bad |= ferror(in) != 0;
        fclose(in);
        if (out && fclose(out) != 0)
            bad = true;
        if (bad) {
            rh_cli_error(b, "%s", W("db_copy"));
            return RH_EXIT_IO;
        }
    }
    return 0;
}

/* Shows the events of a calendar file that an export changed: SEQUENCE
 * above 0 (updated) or STATUS:CANCELLED (dropped). */
static int show_calendar(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        rh_cli_error(path, "%s", W("ics_unreadable"));
        return RH_EXIT_IO;
    }
    char line[1024], date[16] = "", summary[1200] = "";
    int seq = 0, updated = 0, cancelled = 0, kept = 0;
    bool cancel = false, in_event = false, in_summary = false;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] != ' ')
            in_summary = false;
        if (strcmp(line, "BEGIN:VEVENT") == 0) {
            in_event = true;
            seq = 0;
            cancel = false;
            date[0] = summary[0] = '\0';
        } else if (in_event && strncmp(line, "SEQUENCE:", 9) == 0) {
            long v;
            seq = rh_parse_long(line + 9, &v) == 0 ? (int)v : 0;
        } else if (in_event && strncmp(line, "DTSTART;VALUE=DATE:", 19) == 0 &&
                   strlen(line) == 27) {
            snprintf(date, sizeof date, "%.4s-%.2s-%.2s", line + 19, line + 23, line + 25);
        } else if (in_event && strncmp(line, "SUMMARY:", 8) == 0) {
            snprintf(summary, sizeof summary, "%s", line + 8);
            in_summary = true;
            continue;
        } else if (in_event && in_summary && line[0] == ' ') {
            size_t len = strlen(summary);
            snprintf(summary + len, sizeof summary - len, "%s", line + 1);
            continue;
        } else if (in_event && strcmp(line, "STATUS:CANCELLED") == 0) {
            cancel = true;
        } else if (in_event && strcmp(line, "END:VEVENT") == 0) {
            in_event = false;
            if (!cancel && seq == 0) {
                kept++;
                continue;
            }
            cancel ? cancelled++ : updated++;
            char plain[1200];
            size_t k = 0;
            for (const char *q = summary; *q && k + 1 < sizeof plain; q++)
                if (*q != '\\')
                    plain[k++] = *q;
            plain[k] = '\0';
            /* plain30: the calendar's own field (SEQUENCE) is not a runner's word */
            printf("%s  %-9s  %s\n", date, W(cancel ? "cancelled" : "updated"), plain);
        }
    }
    bool bad = ferror(f);
    fclose(f);
    printf("\n");
    printf(W(*rh_plural_s(updated) ? "calendar_many" : "calendar_one"), updated, cancelled, kept);
    printf("\n");
    return bad ? RH_EXIT_IO : 0;
}

/* Replays samples/demo/diary.txt: one runhip command per line (no leading
 * "runhip"), run quietly; prints how many entries were loaded. */
static int replay_diary(struct rh_cli *cli, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/diary.txt", dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("%s\n", W("no_diary"));
        return 0;
    }
    char line[1024];
    int lineno = 0, done = 0, status = 0;
    while (status == 0 && fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        char *words[MAX_ARGS + 1];
        int n = split_words(line, words, MAX_ARGS);
        if (n < 0) {
            fprintf(stderr, "runhip: %s:%d: %s\n", path, lineno, W("diary_line"));
            status = RH_EXIT_DATA;
            break;
        }
        if (n == 0)
            continue;
        words[n] = NULL;
        if (!rh_cli_find(words[0]))
            continue;
        status = run_quiet(cli, n, words);
        if (status)
            fprintf(stderr, "runhip: %s:%d: %s\n", path, lineno, W("diary_failed"));
        else
            done++;
    }
    fclose(f);
    if (status == 0) {
        printf(W("diary_loaded"), done, path);
        printf("\n");
    }
    return status;
}

int cmd_demo(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"samples", required_argument, NULL, 's'}, {"keep", no_argument, NULL, 'k'}, {0}};
    const char *samples_opt = NULL;
    bool keep = false;
    int c;
    int wrc = rh_cli_words_check("demo", "cli_demo", demo_words,
                                 sizeof demo_words / sizeof *demo_words);
    if (wrc)
        return wrc;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 's')
            samples_opt = optarg;
        else if (c == 'k')
            keep = true;
        else
            return rh_cli_bad_option("demo", argc, argv);
    }
    if (optind < argc) {
        rh_cli_unexpected("demo", argv[optind]);
        return RH_EXIT_USAGE;
    }
    const char *dir = find_samples(samples_opt);
    if (!dir) {
        rh_cli_error("demo", W("no_samples"), samples_opt ? samples_opt : "samples/demo");
        return RH_EXIT_IO;
    }
    /* under $TMPDIR, as mktemp(1) does */
    const char *tdir = getenv("TMPDIR");
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s/runhip-demo-XXXXXX", tdir && *tdir == '/' ? tdir : "/tmp");
    if (!mkdtemp(tmp)) {
        rh_cli_error("demo", W("no_tmp"), strerror(errno));
        return RH_EXIT_IO;
    }
    char db[sizeof tmp + 16];
    _Static_assert(sizeof db > sizeof tmp + 10, "room for /runhip.db");
    snprintf(db, sizeof db, "%s/runhip.db", tmp);
    struct rh_cli dcli = *cli;
    dcli.db_opt = db;
    dcli.in_demo = true;

    printf("%s\n%s\n", W("intro"), W("not_diagnosis"));
    printf(W("database"), db);
    printf("\n");
    /* said, not silently ignored: the demo never writes into the runner's own */
    if (cli->db_opt && *cli->db_opt) {
        printf(W("db_unused"), rh_cli_safe(cli->db_opt));
        printf("\n");
    }
    int status = load_shoes(&dcli, dir);
    int shown = 0;
    char whatif_db[sizeof tmp + 16];
    snprintf(whatif_db, sizeof whatif_db, "%s/whatif.db", tmp);
    bool copied = false;
    for (size_t i = 0; status == 0 && i < sizeof journey / sizeof *journey; i++) {
        const struct step *st = &journey[i];
        if (st->what_if && !copied) {
            status = copy_db(db, whatif_db);
            copied = true;
            if (status)
                break;
        }
        /* said when the story leaves the copy (review 7b, N19): the
         * report after it shows no warning sign */
        if (copied && !st->what_if && i > 0 && journey[i - 1].what_if)
            printf("\n%s\n", W("back_own"));
        dcli.db_opt = st->what_if ? whatif_db : db;
        /* every step on its pinned day, so the story reads in order whatever
         * the clock says */
        dcli.has_today = rh_date_parse(st->today, &dcli.today) == 0;
        if (strcmp(st->args[0], "@calendar") == 0) {
            char p[sizeof tmp + 32];
            snprintf(p, sizeof p, "%s%s", tmp, st->args[1] + 2);
            printf("\n== %s\n\n", W(st->title));
            status = show_calendar(p);
            continue;
        }
        if (strcmp(st->args[0], "@diary") == 0) {
            if (!rh_cli_find("log"))
                continue;
            printf("\n== %s\n\n", W(st->title));
            status = replay_diary(&dcli, dir);
            continue;
        }
        if (!rh_cli_find(st->args[0]))
            continue; /* this build does not have the command yet */
        char *args[MAX_ARGS + 1];
        char bufs[MAX_ARGS][4096];
        int n = 0;
        for (; st->args[n]; n++) {
            const char *a = st->args[n];
            if (strncmp(a, "@S", 2) == 0)
                snprintf(bufs[n], sizeof bufs[n], "%s%s", dir, a + 2);
            else if (strncmp(a, "@T", 2) == 0)
                snprintf(bufs[n], sizeof bufs[n], "%s%s", tmp, a + 2);
            else
                snprintf(bufs[n], sizeof bufs[n], "%s", a);
            args[n] = bufs[n];
        }
        args[n] = NULL;
        printf("\n== %s\n$ runhip", W(st->title));
        for (int k = 0; k < n; k++)
            printf(" %s", args[k]);
        printf("\n\n");
        status = st->quiet ? run_quiet(&dcli, n, args) : rh_cli_run(&dcli, n, args);
        shown++;
        if (status)
            rh_cli_error("demo", W("step_failed"), args[0], status);
    }
    if (shown == 0)
        printf("\n%s\n", W("no_steps"));
    if (keep) {
        printf("\n");
        printf(W("kept"), tmp);
        printf("\n");
    } else {
        const char *files[] = {"runhip.db", "runhip.db-wal", "runhip.db-shm", "load.svg",
                               "plan.ics", "report.html", "whatif.db", "whatif.db-wal",
                               "whatif.db-shm"};
        if (rh_cli_find("report"))
            printf("\n%s\n", W("keep_hint"));
        char p[sizeof tmp + 32];
        for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
            snprintf(p, sizeof p, "%s/%s", tmp, files[i]);
            unlink(p);
        }
        rmdir(tmp);
    }
    return status;
}
