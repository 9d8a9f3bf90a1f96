/* SPDX-License-Identifier: MIT */
/*
 * runhip: main parses the global options and dispatches to a subcommand from
 * the table in commands.c. Also the helpers every command shares: database
 * path, error printing, exit codes, usage.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/banned.h"

const struct rh_command *rh_cli_find(const char *name)
{
    for (size_t i = 0; name && i < rh_n_commands; i++)
        if (strcmp(rh_commands[i].name, name) == 0)
            return &rh_commands[i];
    return NULL;
}

/* words22b: the help's words, data/wording.txt [cli_help]; main's own
 * errors (options before the command, the command's name, the database,
 * getopt's bad options for every command) [cli_main], a closed set of
 * printf formats checked before any option is read */
#define HW(key) rh_cli_words("cli_help", (key))
#define MW(key) rh_cli_words("cli_main", (key))
#define WC(key) rh_cli_words("cli_common", (key))

static const struct rh_words_format main_words[] = {
    {"needs_value", "ss"},  {"unknown_option", "ss"}, {"bad_short", "ss"},
    {"bad_option", "ss"},   {"no_db_path", ""},       {"no_db", ""},
    {"help_too_many", ""},  {"not_a_command", "s"},   {"did_you_mean", "ss"},
    {"not_a_date", "ss"},   {"db_needs_path", ""},    {"db_empty", ""},
    {"today_needs_date", ""}, {"unknown_top_option", "s"}, {"global_after", "sssss"},
    {"not_an_instant", "s"},
};

/* A text of [cli_help] written to f as its lines say: a backslash and n
 * (after the space that joined its line to the one before, or opening the
 * text) is a new line, "%%" one percent sign; with roff, roff's special characters
 * escaped. */
static void help_put(FILE *f, const char *t, bool roff)
{
    bool bol = true;
    while (*t) {
        char c = *t++;
        if (c == ' ' && t[0] == '\\' && t[1] == 'n') {
            c = '\n';
            t += 2;
        } else if (c == '\\' && *t == 'n') {
            c = '\n';
            t++;
        } else if (c == '%' && *t == '%') {
            t++;
        }
        if (roff && bol && (c == '.' || c == '\''))
            fputs("\\&", f);
        if (roff && c == '\\')
            fputs("\\e", f);
        else if (roff && c == '-')
            fputs("\\-", f);
        else
            fputc(c, f);
        bol = c == '\n';
    }
}

int rh_cli_usage(const struct rh_command *cmd, FILE *f)
{
    int r = rh_cli_help_check();
    if (!r)
        help_put(f, rh_cli_help_words(cmd, "usage"), false);
    return r;
}

const char *rh_cli_safe(const char *s)
{
    static char ring[8][2048];
    static unsigned next;
    char *out = ring[next++ % 8];
    struct rh_buf b;
    rh_buf_init(&b, 0);
    if (!s || rh_buf_term_str(&b, s, false) != 0) {
        snprintf(out, sizeof ring[0], "%s", s ? "?" : "");
    } else {
        size_t k = b.len ? rh_utf8_cut(b.data, sizeof ring[0] - 1) : 0;
        memcpy(out, b.data ? b.data : "", k);
        out[k] = '\0';
    }
    rh_buf_release(&b);
    return out;
}

int rh_cli_write_text(FILE *f, const char *text, size_t len)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    /* text is NUL-terminated by its writer; len is checked against it */
    int r = len && text[len] == '\0' ? rh_buf_term_str(&b, text, true) : 0;
    if (!r && b.len && fwrite(b.data, 1, b.len, f) != b.len)
        r = RH_EIO;
    rh_buf_release(&b);
    return r;
}

/* Writes "runhip: <where>: <msg>" with both parts sanitised. */
static void error_line(const char *where, long line, const char *msg)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int r = rh_buf_puts(&b, "runhip: ");
    if (!r && where) {
        r = rh_buf_term_str(&b, where, false);
        if (!r && line > 0)
            r = rh_buf_printf(&b, ":%ld", line);
        if (!r)
            r = rh_buf_puts(&b, ": ");
    }
    if (!r)
        r = rh_buf_term_str(&b, msg, true);
    if (!r)
        r = rh_buf_puts(&b, "\n");
    if (r)
        fprintf(stderr, "runhip: out of memory\n");
    else
        fwrite(b.data, 1, b.len, stderr);
    rh_buf_release(&b);
}

void rh_cli_error(const char *where, const char *fmt, ...)
{
    char msg[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    msg[rh_utf8_cut(msg, sizeof msg - 1)] = '\0';
    error_line(where, 0, msg);
}

int rh_cli_exit_for(int code)
{
    switch (code) {
    case 0:
        return RH_EXIT_OK;
    case RH_EDB:
    case RH_EIO:
    case RH_ENOMEM:
    case RH_EVERSION:
        return RH_EXIT_IO;
    case RH_EINVAL:
        return RH_EXIT_USAGE;
    default:
        return RH_EXIT_DATA;
    }
}

int rh_cli_report(const char *where, const struct rh_err *e)
{
    const char *msg = e->msg[0] ? e->msg : rh_strerror(e->code);
    error_line(where, e->line, msg);
    return rh_cli_exit_for(e->code);
}

int rh_cli_check_entry(const char *where, const char *s, enum rh_entry_kind kind,
                       const char *what)
{
    struct rh_err e;
    rh_err_clear(&e);
    return rh_entry_check(s, kind, what, &e) ? rh_cli_report(where, &e) : 0;
}

int rh_cli_bad_option(const char *cmd, int argc, char **argv)
{
    const char *bad = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
    if (strncmp(bad, "--", 2) == 0) {
        /* getopt_long sets optopt to a known long option's value when its
         * value is missing, and to 0 for an unknown option */
        size_t n = strcspn(bad, "=");
        char *name = malloc(n + 1); /* the option without its value */
        if (name) {
            memcpy(name, bad, n);
            name[n] = '\0';
        }
        /* ux26: a global option after the command ("runhip today --today
         * 2026-12-04", as today's help speaks of --today) says where it goes,
         * not only that the command does not know it */
        static const char *const globals[][2] = {{"--today", "DATE"}, {"--db", "PATH"}};
        const char *holder = NULL;
        for (size_t g = 0; name && g < sizeof globals / sizeof *globals; g++)
            if (!strcmp(name, globals[g][0]))
                holder = globals[g][1];
        if (holder)
            rh_cli_error(cmd, MW("global_after"), name, cmd, name, holder, cmd);
        else
            rh_cli_error(cmd, MW(optopt ? "needs_value" : "unknown_option"), name ? name : bad,
                         cmd);
        free(name);
    } else if (optopt && optopt != '?') {
        char letter[2] = {(char)optopt, '\0'};
        rh_cli_error(cmd, MW("bad_short"), letter, cmd);
    } else {
        rh_cli_error(cmd, MW("bad_option"), bad, cmd);
    }
    return RH_EXIT_USAGE;
}

int rh_cli_db_path(const struct rh_cli *cli, char *out, size_t n)
{
    const char *p;
    int w;
    if (cli->db_opt && *cli->db_opt)
        w = snprintf(out, n, "%s", cli->db_opt);
    else if ((p = getenv("RUNHIP_DB")) && *p)
        w = snprintf(out, n, "%s", p);
    else if ((p = getenv("XDG_DATA_HOME")) && *p == '/')
        w = snprintf(out, n, "%s/runhip/runhip.db", p);
    else if ((p = getenv("HOME")) && *p)
        w = snprintf(out, n, "%s/.local/share/runhip/runhip.db", p);
    else
        return -1;
    return w > 0 && (size_t)w < n ? 0 : -1;
}

static int open_store(struct rh_cli *cli, unsigned flags, struct rh_store **s)
{
    char path[4096];
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_cli_db_path(cli, path, sizeof path)) {
        rh_cli_error(NULL, "%s", MW("no_db_path"));
        return RH_EXIT_USAGE;
    }
    int r = rh_store_open_tz(path, flags, getenv("TZ"), s, &err);
    if (!r) /* the entries logged now are dated by the program's clock */
        rh_store_pin_clock(*s, cli->has_today, cli->today, cli->now);
    if (r == RH_ENOTFOUND) {
        rh_cli_error(path, "%s", MW("no_db"));
        return RH_EXIT_IO;
    }
    if (r) {
        rh_cli_report(path, &err);
        return RH_EXIT_IO;
    }
    return 0;
}

int rh_cli_open_store(struct rh_cli *cli, struct rh_store **s)
{
    return open_store(cli, RH_STORE_MKDIR, s);
}

int rh_cli_open_existing(struct rh_cli *cli, struct rh_store **s)
{
    return open_store(cli, RH_STORE_EXISTING, s);
}

int rh_cli_open_plan(struct rh_cli *cli, const char *cmd, struct rh_plan_kb **kb,
                     struct rh_store **s)
{
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_plan_kb_load(kb, &err))
        return rh_cli_report(cmd, &err);
    int rc = rh_cli_open_existing(cli, s);
    if (rc) {
        rh_plan_kb_free(*kb);
        *kb = NULL;
    }
    return rc;
}

static int print_commands(FILE *f)
{
    int r = rh_cli_help_check();
    if (r)
        return r;
    help_put(f, HW("top.usage"), false);
    for (size_t i = 0; i < rh_n_commands; i++) {
        fprintf(f, "  %-12s ", rh_commands[i].name);
        help_put(f, rh_cli_help_words(&rh_commands[i], "summary"), false);
        fputc('\n', f);
    }
    help_put(f, HW("top.options"), false);
    return 0;
}

/* The man page, made from the dispatch table so the two cannot drift: its
 * roff here, its words [cli_help]'s (man.files and the usages escaped for
 * roff, the others written as they are). */
static int print_man(FILE *f)
{
    int r = rh_cli_help_check();
    if (r)
        return r;
    fprintf(f, ".TH RUNHIP 1 \"\" \"runhip %s\" \"User Commands\"\n", RH_VERSION);
    fputs(".SH NAME\nrunhip \\- ", f);
    help_put(f, HW("man.name"), false);
    fputs("\n.SH SYNOPSIS\n.B runhip\n[\\-\\-db PATH] COMMAND [OPTIONS] [ARGS]\n"
          ".SH DESCRIPTION\n",
          f);
    help_put(f, HW("man.description"), false);
    fputs(".SH COMMANDS\n", f);
    for (size_t i = 0; i < rh_n_commands; i++) {
        fprintf(f, ".SS %s\n", rh_commands[i].name);
        fputs(".nf\n", f);
        help_put(f, rh_cli_help_words(&rh_commands[i], "usage"), true);
        fputs(".fi\n", f);
    }
    fputs(".SH FILES\n", f);
    help_put(f, HW("man.files"), true);
    fputs(".SH EXIT STATUS\n", f);
    help_put(f, HW("man.exit"), false);
    return 0;
}

int cmd_help(struct rh_cli *cli, int argc, char **argv)
{
    (void)cli;
    if (argc == 2 && strcmp(argv[1], "--man") == 0)
        return print_man(stdout);
    if (argc > 2) {
        rh_cli_error("help", "%s", MW("help_too_many"));
        return RH_EXIT_USAGE;
    }
    if (argc == 2) {
        const struct rh_command *c = rh_cli_find(argv[1]);
        if (!c) {
            rh_cli_error("help", MW("not_a_command"), argv[1]);
            return RH_EXIT_USAGE;
        }
        return rh_cli_usage(c, stdout);
    }
    return print_commands(stdout);
}

static int unknown_command(const char *name)
{
    const char *best = NULL;
    int bd = RH_EDIT_FAR;
    for (size_t i = 0; i < rh_n_commands; i++) {
        int d = rh_edit_distance(name, rh_commands[i].name);
        if (d < bd) {
            bd = d;
            best = rh_commands[i].name;
        }
    }
    if (best && bd <= 2)
        rh_cli_error(NULL, MW("did_you_mean"), name, best);
    else
        rh_cli_error(NULL, MW("not_a_command"), name);
    return RH_EXIT_USAGE;
}

int rh_cli_run(struct rh_cli *cli, int argc, char **argv)
{
    const struct rh_command *c = rh_cli_find(argv[0]);
    if (!c)
        return unknown_command(argv[0]);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            return rh_cli_usage(c, stdout);
        }
    }
    optind = 0; /* glibc: full re-initialisation of getopt */
    opterr = 0;
    optopt = 0;
    fflush(stdout);
    int r = c->fn(cli, argc, argv);
    errno = 0;
    bool failed = fflush(stdout) != 0 || ferror(stdout);
    struct stat so;
    bool pipe_out = fstat(STDOUT_FILENO, &so) == 0 && S_ISFIFO(so.st_mode);
    if (failed && errno != EPIPE && !pipe_out) {
        /* a full disk or a closed terminal; a reader that went away (EPIPE,
         * `runhip activities | head`) is not an error */
        rh_cli_error(NULL, WC("cannot_write_output"), errno ? strerror(errno) : "error");
        if (r == 0)
            r = RH_EXIT_IO;
    }
    return r;
}

struct rh_tz *rh_cli_zone(const struct rh_cli *cli)
{
    /* the profile's zone when the database names one (read without creating
     * or upgrading anything), else $TZ, else the system's */
    char path[4096];
    struct rh_store *s = NULL;
    struct rh_tz *tz = NULL;
    if (cli && rh_cli_db_path(cli, path, sizeof path) == 0 && access(path, R_OK) == 0 &&
        rh_store_open_tz(path, RH_STORE_READONLY, getenv("TZ"), &s, NULL) == 0) {
        const struct rh_tz *z = rh_store_zone(s);
        if (z && rh_tz_load(rh_tz_name(z), &tz, NULL) != 0)
            tz = NULL;
        rh_store_close(s);
        if (tz)
            return tz;
    }
    if (rh_tz_load(getenv("TZ"), &tz, NULL) != 0 && rh_tz_load(NULL, &tz, NULL) != 0)
        return NULL;
    return tz;
}

int32_t rh_cli_today(const struct rh_cli *cli)
{
    if (cli && cli->has_today)
        return cli->today;
    int64_t now = rh_cli_now(cli);
    struct rh_tz *tz = rh_cli_zone(cli);
    int32_t day = tz ? rh_tz_day(tz, now) : rh_day_of_time(now);
    rh_tz_free(tz);
    return day;
}

int64_t rh_cli_now(const struct rh_cli *cli)
{
    return cli && cli->now > 0 ? cli->now : (int64_t)time(NULL);
}

static int set_today(struct rh_cli *cli, const char *v, const char *what)
{
    if (rh_date_parse(v, &cli->today) != 0) {
        rh_cli_error(NULL, MW("not_a_date"), what, v);
        return RH_EXIT_DATA;
    }
    cli->has_today = true;
    return 0;
}

int main(int argc, char **argv)
{
    /* a reader that goes away (| head) makes writes fail with EPIPE instead
     * of killing runhip in the middle of saving an assessment or an import */
    signal(SIGPIPE, SIG_IGN);
    struct rh_cli cli = {0};
    cli.stdout_tty = isatty(STDOUT_FILENO);
    cli.stdin_tty = isatty(STDIN_FILENO);
    int wr = rh_cli_words_check(NULL, "cli_main", main_words, sizeof main_words / sizeof *main_words);
    if (wr)
        return wr;
    const char *env_today = getenv("RUNHIP_TODAY");
    if (env_today && *env_today && set_today(&cli, env_today, "RUNHIP_TODAY"))
        return RH_EXIT_DATA;
    /* tests: the clock at an instant (a time of day, which --today has not) */
    const char *env_now = getenv("RUNHIP_NOW");
    if (env_now && *env_now && (rh_time_parse_iso(env_now, &cli.now) || cli.now <= 0)) {
        rh_cli_error(NULL, MW("not_an_instant"), env_now);
        return RH_EXIT_DATA;
    }
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            return print_commands(stdout);
        }
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            printf("runhip %s (schema %d)\n", RH_VERSION, RH_STORE_SCHEMA_VERSION);
            return 0;
        }
        if (strcmp(a, "--db") == 0 || strncmp(a, "--db=", 5) == 0) {
            if (a[4] == '=') {
                cli.db_opt = a + 5;
            } else if (i + 1 < argc) {
                cli.db_opt = argv[++i];
            } else {
                rh_cli_error(NULL, "%s", MW("db_needs_path"));
                return RH_EXIT_USAGE;
            }
            if (!*cli.db_opt) {
                rh_cli_error(NULL, "%s", MW("db_empty"));
                return RH_EXIT_USAGE;
            }
            continue;
        }
        if (strcmp(a, "--today") == 0 || strncmp(a, "--today=", 8) == 0) {
            const char *v = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                rh_cli_error(NULL, "%s", MW("today_needs_date"));
                return RH_EXIT_USAGE;
            }
            if (set_today(&cli, v, "--today"))
                return RH_EXIT_DATA;
            continue;
        }
        rh_cli_error(NULL, MW("unknown_top_option"), a);
        return RH_EXIT_USAGE;
    }
    if (i >= argc) {
        int r = print_commands(stderr);
        return r ? r : RH_EXIT_USAGE;
    }
    return rh_cli_run(&cli, argc - i, argv + i);
}
