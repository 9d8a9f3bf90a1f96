/* SPDX-License-Identifier: MIT */
/*
 * The runhip program: shared helpers for the cmd_<name>.c files and the one
 * dispatch table (commands.c). Only src/cli/ and src/server/ may print,
 * exit or read the environment.
 *
 * Adding a command: write cmd_<name>.c with
 *     int cmd_<name>(struct rh_cli *cli, int argc, char **argv);
 * (argv[0] is the command name; parse options with getopt_long, optind is
 * reset before each call and opterr is 0: report '?' with rh_cli_bad_option),
 * declare it below and add one line to rh_commands[] in commands.c, kept in
 * alphabetical order. `runhip help` and `runhip CMD --help` come from the
 * table, so the usage text lives there and nowhere else.
 */
#ifndef RUNHIP_CLI_H
#define RUNHIP_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "runhip/plan.h"
#include "runhip/store.h"
#include "runhip/text.h"
#include "runhip/util.h"

/* Exit status of cli.md. A value the runner gave that is wrong (a number out
 * of range, a date that does not exist or lies ahead, an unknown word, a
 * file that cannot be read), on the command line or in a file, is bad input:
 * 1. A command line of the wrong shape (unknown command or option, an
 * argument missing or left over, options that exclude each other) is a
 * usage error: 2. */
enum rh_exit {
    RH_EXIT_OK = 0,
    RH_EXIT_DATA = 1,  /* the input was bad */
    RH_EXIT_USAGE = 2, /* usage error */
    RH_EXIT_IO = 3,    /* the database or the file system failed */
};

struct rh_cli {
    const char *db_opt; /* --db PATH, or NULL */
    bool stdout_tty;
    bool stdin_tty;
    bool in_demo; /* running as a step of `runhip demo` */
    bool has_today; /* --today D or $RUNHIP_TODAY was given */
    int32_t today;  /* that local day number, valid when has_today */
    int64_t now;    /* $RUNHIP_NOW (tests): the clock's instant, 0 the system clock */
};

typedef int (*rh_cmd_fn)(struct rh_cli *cli, int argc, char **argv);

struct rh_command {
    const char *name;
    rh_cmd_fn fn;
};
/* words22b: 0, or the error reported and its exit status, unless
 * data/wording.txt [cli_help] holds exactly the help's keys (commands.c). */
int rh_cli_help_check(void);
/* A command's part of [cli_help]: "summary" (one line for `runhip help`) or
 * "usage" (the text of `runhip help CMD` and `CMD --help`), its lines
 * marked as the section says ("" when missing: checked first). */
const char *rh_cli_help_words(const struct rh_command *cmd, const char *part);

extern const struct rh_command rh_commands[];
extern const size_t rh_n_commands;

/* The command called name, or NULL. */
const struct rh_command *rh_cli_find(const char *name);
/* Runs a command as main would (resets getopt, handles --help). */
int rh_cli_run(struct rh_cli *cli, int argc, char **argv);

/* Resolves the database path (--db, $RUNHIP_DB, $XDG_DATA_HOME/runhip/,
 * ~/.local/share/runhip/). 0, or -1 if no home can be found. */
int rh_cli_db_path(const struct rh_cli *cli, char *out, size_t n);
/* Opens the store, creating its directory; prints the error and returns an
 * exit status on failure, 0 on success. */
int rh_cli_open_store(struct rh_cli *cli, struct rh_store **s);
/* For commands that only read (activities, load, plan): opens the database
 * only when it exists; else says that none exists at that path and how to
 * start (exit 3), and creates nothing. */
int rh_cli_open_existing(struct rh_cli *cli, struct rh_store **s);
/* For the commands that read the plan (plan, today): the plan's knowledge
 * base and the existing database, both or neither. 0 with *kb and *s
 * owned by the caller (rh_plan_kb_free, rh_store_close); else the error is
 * said under cmd's name and the exit status returned, nothing left open. */
int rh_cli_open_plan(struct rh_cli *cli, const char *cmd, struct rh_plan_kb **kb,
                     struct rh_store **s);

/* The terminal writers' side of the one sanitiser (rh_buf_term_str):
 * rh_cli_safe gives s with control characters shown escaped, in one of 8
 * static buffers (valid until 8 more calls; cut at 2 KB), for names in
 * printf; rh_cli_write_text writes a whole report (newlines kept). Every
 * error message goes through it too (rh_cli_error, rh_cli_report). */
const char *rh_cli_safe(const char *s);
int rh_cli_write_text(FILE *f, const char *text, size_t len);
/* rh_cli_write_text with every line longer than width columns broken at
 * spaces, its next lines hanging under its words (after the indent and a
 * bullet "- ", "* ", "!! ", "1. " or "[1] "): a report read on a terminal
 * (ux27: `runhip assess` printed lines of 150 and more characters, which
 * the terminal cut mid-word). */
int rh_cli_write_wrapped(FILE *f, const char *text, size_t len, size_t width);
/* "runhip: <where>: <what>" on stderr. where may be NULL. */
void rh_cli_error(const char *where, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints an rh_err as "runhip: <where>[:<line>]: <msg>" and returns the exit
 * status for its code. */
int rh_cli_report(const char *where, const struct rh_err *e);
/* Text the runner typed (a name, a note) checked by the library's one
 * validator (rh_entry_check) before anything is opened or stored: 0, or
 * the error reported and its exit status (1). */
int rh_cli_check_entry(const char *where, const char *s, enum rh_entry_kind kind,
                       const char *what);
/* words22: the commands' own words, data/wording.txt [cli_<command>] and
 * [cli_common] (words.c). rh_cli_words: the text of section/key, "" when it
 * cannot be read (the command checked its section first); a command file
 * names its section once: #define W(key) rh_cli_words("cli_plan", (key)).
 * rh_cli_words_check: 0, or the error reported for cmd and its exit status,
 * unless the section holds exactly keys (each with the conversions its
 * calls give) and [cli_common] its own (the questionnaire, linked alone by
 * its test, checks [cli_quest] itself). rh_cli_unexpected: "unexpected
 * argument" for cmd. */
static inline const char *rh_cli_words(const char *section, const char *key)
{
    return rh_words_or_empty(section, key);
}
int rh_cli_words_check(const char *cmd, const char *section, const struct rh_words_format *keys,
                       size_t n);
void rh_cli_unexpected(const char *cmd, const char *arg);
/* Exit status for a library error code (RH_EDB/RH_EIO/RH_ENOMEM -> 3,
 * others -> 1, 0 -> 0). */
int rh_cli_exit_for(int code);
/* For getopt's '?': prints the bad option and a pointer to --help; returns 2. */
int rh_cli_bad_option(const char *cmd, int argc, char **argv);
/* Prints the usage of cmd to f ([cli_help] checked first): 0, or the
 * error reported and its exit status. */
int rh_cli_usage(const struct rh_command *cmd, FILE *f);

/* The interactive questionnaire (questionnaire.c) on a terminal or any
 * stream pair: one screen per question (the screen is cleared with a plain
 * ANSI sequence only when out is a terminal); a number or word answers,
 * Enter skips, b goes back, q quits, ? shows help. Returns 0 when the
 * runner got to the end (*intake holds the answers), 1 when they quit or
 * the input ended (*intake is left "not answered": nothing is to be
 * saved), or a negative RH_E* code on a read/write error or a broken
 * questions file (message already printed to stderr). cli may be NULL. */
struct rh_intake;
struct rh_quest;
int rh_cli_questionnaire(struct rh_cli *cli, FILE *in, FILE *out, struct rh_intake *intake);
/* As rh_cli_questionnaire, with: figures suggested from the stored runs
 * (shown with their note, Enter keeps them), a draft to resume, and a
 * buffer that gets the draft when the runner stops (left empty when
 * nothing was typed). opt may be NULL. */
struct rh_cli_quest_opts {
    const char *draft; /* a saved draft (rh_quest_draft text), or NULL */
    size_t draft_len;
    struct rh_buf *save;
    const struct rh_intake *suggest; /* figures from the stored runs (rh_quest_suggest), or NULL */
    /* called before each screen is shown: suggests the figures again for
     * the answers so far (once the runner said when the pain began, those
     * of the weeks before it: rh_load_quest_figures), or NULL */
    void (*resuggest)(void *arg, struct rh_quest *q);
    void *arg;
};
int rh_cli_questionnaire_opts(struct rh_cli *cli, FILE *in, FILE *out, struct rh_intake *intake,
                              const struct rh_cli_quest_opts *opt);
/* Asks a yes/no question ("save this assessment?") with dflt on Enter.
 * Returns 1 yes, 0 no, or RH_EIO when the input ends or fails (no answer:
 * callers treat it as no). */
int rh_cli_ask_yes_no(FILE *in, FILE *out, const char *question, bool dflt);

/* Writes a text for people to f in plain words (rh_text_document: numbered
 * sources listed at the end; flags RH_TEXT_*). 0 or an RH_E* code. */
int rh_cli_put_text(FILE *f, const char *text, size_t len, unsigned flags);
/* Appends the plan's move after a diary entry or a check-in to b, one line
 * said by log and checkin alike: from one phase to another, a step on the
 * walk-run ladder, or staying in phase `to` when it did not move. 0 or an
 * RH_E* code. */
int rh_cli_plan_move(struct rh_buf *b, bool moved, enum rh_phase from, enum rh_phase to,
                     int ladder_from, int ladder_to);

/* The commands, one cmd_<name>.c each. */
int cmd_activities(struct rh_cli *cli, int argc, char **argv);
int cmd_assess(struct rh_cli *cli, int argc, char **argv);
int cmd_checkin(struct rh_cli *cli, int argc, char **argv);
int cmd_demo(struct rh_cli *cli, int argc, char **argv);
int cmd_help(struct rh_cli *cli, int argc, char **argv);
int cmd_import(struct rh_cli *cli, int argc, char **argv);
int cmd_inspect(struct rh_cli *cli, int argc, char **argv);
int cmd_load(struct rh_cli *cli, int argc, char **argv);
int cmd_log(struct rh_cli *cli, int argc, char **argv);
int cmd_plan(struct rh_cli *cli, int argc, char **argv);
int cmd_profile(struct rh_cli *cli, int argc, char **argv);
int cmd_report(struct rh_cli *cli, int argc, char **argv);
int cmd_serve(struct rh_cli *cli, int argc, char **argv);
int cmd_shoes(struct rh_cli *cli, int argc, char **argv);
int cmd_today(struct rh_cli *cli, int argc, char **argv);

/* The local day taken as today: --today / $RUNHIP_TODAY when given, else
 * the program's clock in the runner's zone (rh_cli_zone). (main.c) */
int32_t rh_cli_today(const struct rh_cli *cli);
/* The clock: $RUNHIP_NOW's instant when given, else the system's. (main.c) */
int64_t rh_cli_now(const struct rh_cli *cli);
/* The runner's zone: the profile's when the database exists and names one,
 * else $TZ, else the system's; NULL (UTC) when none loads. Freed by the
 * caller with rh_tz_free. (main.c) */
struct rh_tz *rh_cli_zone(const struct rh_cli *cli);

#endif
