/* SPDX-License-Identifier: MIT */
/*
 * The terminal front end of the questionnaire: draws one screen per
 * question of the library state machine (runhip/quest.h) and maps keys to
 * its moves. It works on any pair of streams, so tests can drive it through
 * a pseudo-terminal or plain files; the screen is only cleared (with the
 * plain ANSI "home + erase" sequence, no terminfo) when out is a terminal.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "runhip/intake.h"
#include "runhip/quest.h"
#include "runhip/text.h"
#include "util/banned.h"

#define CLEAR_SCREEN "\033[H\033[2J"
#define WIDTH 78 /* the terminal's lines, as the notice's (rh_plan_notice_text) */

/* words22: the questionnaire's frame, data/wording.txt [cli_quest], a closed
 * set of printf formats checked before the first question (printed here:
 * the test links this file alone); the questions are data/questions.txt's,
 * the first question's line [text] quest.intro, the web form's too */
#define W(key) rh_cli_words("cli_quest", (key))
static const struct rh_words_format quest_words[] = {
    {"title", "s"},      {"number", "ff"},     {"number_whole", "ff"}, {"keep_figure", ""},
    {"your_answer", "s"}, {"not_known", ""},   {"prompt_kept", ""},    {"prompt", ""},
    {"help", ""},        {"answer_yn", ""},    {"draft_bad", "s"},     {"first_question", ""},
    {"retype", ""},      {"sorry", "s"},       {"stopped_early", ""},  {"last", ""},
    {"stopped_one", "d"}, {"stopped_many", "d"}, {"nothing_saved", ""},
};

/* Text on lines of at most WIDTH columns, broken at spaces (ux27: a long
 * question, a choice, the urgent notice and a help note ran past the edge
 * of an 80-column terminal, cut mid-word by it): the first line starts with
 * first ("  14  ", "!! "), the next ones with indent, so a choice's second
 * line hangs under its words; a newline in the text starts a new line. The
 * line ends with a newline when nl is true (a prompt stays on its line). */
static void put_wrapped_in(FILE *out, const char *first, const char *indent, const char *text,
                           bool nl)
{
    fputs(first, out);
    size_t col = rh_utf8_columns(first, strlen(first));
    size_t pad = rh_utf8_columns(indent, strlen(indent));
    bool fresh = true; /* nothing of the text on this line yet */
    for (const char *p = text; *p;) {
        if (*p == '\n') {
            fputc('\n', out);
            fputs(indent, out);
            col = pad;
            fresh = true;
            p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            continue;
        }
        size_t n = strcspn(p, " \n"), w = rh_utf8_columns(p, n);
        if (!fresh && col + 1 + w > WIDTH) {
            fputc('\n', out);
            fputs(indent, out);
            col = pad;
        } else if (!fresh) {
            fputc(' ', out);
            col++;
        }
        fwrite(p, 1, n, out);
        col += w;
        fresh = false;
        p += n;
    }
    if (nl)
        fputc('\n', out);
}

static void put_wrapped(FILE *out, const char *text)
{
    put_wrapped_in(out, "", "", text, true);
}

/* Reads one line into buf (newline removed, rest of an overlong line
 * dropped). 1 on a line, 0 at end of input, RH_EIO on a read error. */
static int read_line(FILE *in, char *buf, size_t n)
{
    if (!fgets(buf, (int)n, in))
        return ferror(in) ? RH_EIO : 0;
    size_t len = strlen(buf);
    if (len && buf[len - 1] == '\n') {
        buf[--len] = '\0';
    } else if (!feof(in)) {
        int c;
        while ((c = fgetc(in)) != EOF && c != '\n')
            ;
    }
    while (len && isspace((unsigned char)buf[len - 1]))
        buf[--len] = '\0';
    return 1;
}

static void draw(FILE *out, bool tty, const struct rh_quest *q, const struct rh_quest_item *it,
                 const char *note)
{
    int pos, total;
    rh_quest_progress(q, &pos, &total);
    (void)total;
    if (tty)
        fputs(CLEAR_SCREEN, out);
    char where[96];
    rh_quest_progress_words(q, 1, where, sizeof where);
    fprintf(out, W("title"), where);
    fputc('\n', out);
    if (pos == 1)
        put_wrapped(out, rh_cli_words("text", "quest.intro"));
    fputc('\n', out);
    if (it->typing) {
        struct rh_buf qt;
        rh_buf_init(&qt, 0);
        if (rh_buf_printf(&qt, "%s %s", it->text, it->typing) == 0)
            put_wrapped(out, qt.data);
        else
            put_wrapped(out, it->text);
        rh_buf_release(&qt);
    } else {
        put_wrapped(out, it->text);
    }
    fputc('\n', out);
    if (it->art)
        fprintf(out, "%s\n\n", it->art);
    if (it->kind == RH_QUEST_NUMBER) {
        fputs("   ", out);
        fprintf(out, W(it->whole ? "number_whole" : "number"), it->min, it->max);
        fprintf(out, "%s%s.\n", it->unit ? " " : "", it->unit ? it->unit : "");
    } else {
        char num[16];
        for (int i = 0; i < it->n_choices; i++) {
            snprintf(num, sizeof num, "  %2d  ", i + 1);
            put_wrapped_in(out, num, "      ", it->choices[i].label, true);
        }
        struct rh_quest_extra x; /* "Not sure" or "None of these", as the web form */
        if (rh_quest_extra(it, &x)) {
            snprintf(num, sizeof num, "  %2d  ", x.number);
            put_wrapped_in(out, num, "      ", x.label, true);
        }
    }
    struct rh_buf prev;
    rh_buf_init(&prev, 4096);
    bool has = rh_quest_current_answer(q, &prev) == 1;
    const char *from = rh_quest_current_note(q);
    if (has && from)
        fprintf(out, "\n%s: %s\n%s\n", from, prev.data, W("keep_figure"));
    else if (has) {
        fputc('\n', out);
        fprintf(out, W("your_answer"), prev.data);
        fputc('\n', out);
    } else if (rh_quest_has_answer(q))
        fprintf(out, "\n%s\n", W("not_known"));
    rh_buf_release(&prev);
    if (note && *note) {
        fputc('\n', out);
        put_wrapped(out, note);
    }
    fprintf(out, "\n%s ", W(rh_quest_has_answer(q) ? "prompt_kept" : "prompt"));
    fflush(out);
}

/* Reads a yes/no answer for a confirmation (Enter = yes). 1, 0, or <= 0 at the end. */
static int confirm(FILE *in, FILE *out, bool echo, const char *question)
{
    char line[64];
    for (;;) {
        fputc('\n', out);
        put_wrapped_in(out, "", "", question, false);
        fputs(" [Y/n] ", out);
        fflush(out);
        int got = read_line(in, line, sizeof line);
        if (got <= 0)
            return got < 0 ? got : -1;
        if (echo)
            fprintf(out, "%s\n", line);
        const char *a = line;
        while (isspace((unsigned char)*a))
            a++;
        if (!*a || *a == 'y' || *a == 'Y')
            return 1;
        if (*a == 'n' || *a == 'N')
            return 0;
        fprintf(out, "%s\n", W("answer_yn"));
    }
}

int rh_cli_questionnaire(struct rh_cli *cli, FILE *in, FILE *out, struct rh_intake *intake)
{
    return rh_cli_questionnaire_opts(cli, in, out, intake, NULL);
}

int rh_cli_questionnaire_opts(struct rh_cli *cli, FILE *in, FILE *out, struct rh_intake *intake,
                              const struct rh_cli_quest_opts *opt)
{
    (void)cli;
    rh_intake_init(intake);
    struct rh_quest q;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_words_format_check("cli_quest", quest_words, sizeof quest_words / sizeof *quest_words,
                                  &err);
    if (r) {
        fprintf(stderr, "runhip: %s\n", err.msg);
        return r;
    }
    r = rh_quest_init(&q, &err);
    if (r) { /* printed here, not with rh_cli_report, so tests can link this file alone */
        fprintf(stderr, "runhip: data/questions.txt:%ld: %s\n", err.line, err.msg);
        return r;
    }
    if (opt && opt->suggest)
        (void)rh_quest_suggest(&q, opt->suggest, NULL);
    if (opt && opt->draft) {
        rh_err_clear(&err);
        int n = rh_quest_resume(&q, opt->draft, opt->draft_len, &err);
        if (n < 0) {
            fputs("runhip: ", stderr);
            fprintf(stderr, W("draft_bad"), err.msg[0] ? err.msg : rh_strerror(n));
            fputc('\n', stderr);
            rh_quest_release(&q);
            if ((r = rh_quest_init(&q, &err)))
                return r;
        }
    }
    bool tty = isatty(fileno(out));
    bool echo = !isatty(fileno(in)); /* nothing echoes what is typed: we do */
    char note[700] = "";
    char line[512];
    const struct rh_quest_item *it;
    bool offered = false, early = false;
    while ((it = rh_quest_current(&q))) {
        if (opt && opt->resuggest) /* the figures for the answers so far */
            opt->resuggest(opt->arg, &q);
        /* a same-day red flag is certain (review 8 B1): said at once, with
         * the offer to see the advice now; the library leaves the
         * self-tests that load the hip out from here */
        const char *flag = offered ? NULL : rh_quest_urgent(&q);
        if (flag) {
            offered = true;
            char words[1200], what[400];
            rh_quest_urgent_what(&q, what, sizeof what); /* review 11 #17: its own words */
            rh_quest_urgent_words(what[0] ? what : flag, words, sizeof words);
            const char *offer = rh_words("text", "urgent.offer");
            if (tty)
                fputs(CLEAR_SCREEN, out);
            put_wrapped_in(out, "!! ", "   ", words, true);
            int yes = confirm(in, out, echo, offer ? offer : "");
            if (yes < 0) {
                r = yes == -1 ? 1 : yes;
                break;
            }
            if (yes == 1) {
                rh_quest_finish(&q);
                early = true;
                break;
            }
        }
        draw(out, tty, &q, it, note);
        if (ferror(out)) {
            r = RH_EIO;
            break;
        }
        note[0] = '\0';
        int got = read_line(in, line, sizeof line);
        if (got <= 0) { /* end of input: as quitting; a read error: as an error */
            if (echo)
                fputc('\n', out);
            r = got < 0 ? got : 1;
            break;
        }
        if (echo)
            fprintf(out, "%s\n", line);
        const char *a = line;
        while (isspace((unsigned char)*a))
            a++;
        if (!*a) {
            if (rh_quest_has_answer(&q))
                rh_quest_keep(&q);
            else
                rh_quest_skip(&q);
        } else if (strcmp(a, "-") == 0 || strcasecmp(a, "skip") == 0) {
            rh_quest_skip(&q);
        } else if (strcmp(a, "q") == 0 || strcmp(a, "Q") == 0 || strcasecmp(a, "quit") == 0) {
            r = 1;
            break;
        } else if (strcmp(a, "b") == 0 || strcmp(a, "B") == 0 || strcasecmp(a, "back") == 0) {
            if (rh_quest_back(&q) == RH_ENOTFOUND)
                snprintf(note, sizeof note, "%s", W("first_question"));
        } else if (strcmp(a, "?") == 0 || strcasecmp(a, "help") == 0) {
            snprintf(note, sizeof note, "%s%s%s", it->help ? it->help : "",
                     it->help ? "\n" : "", W("help"));
        } else {
            int ar = rh_quest_answer(&q, a, &err);
            if (ar == RH_QUEST_CONFIRM) {
                int yes = confirm(in, out, echo, err.msg);
                if (yes < 0) {
                    r = yes == -1 ? 1 : yes;
                    break;
                }
                rh_quest_confirm(&q, yes == 1);
                if (yes == 0)
                    snprintf(note, sizeof note, "%s", W("retype"));
            } else if (ar) {
                snprintf(note, sizeof note, W("sorry"), err.msg);
            }
        }
    }
    if (r == 0 && rh_quest_state_of(&q) == RH_QUEST_DONE) {
        r = rh_quest_intake(&q, intake);
        if (tty)
            fputs(CLEAR_SCREEN, out);
        fprintf(out, "%s\n", W(early ? "stopped_early" : "last"));
    } else if (r == 1) {
        int n = rh_quest_draft_count(&q);
        if (opt && opt->save && n > 0 && rh_quest_draft(&q, opt->save) == 0)
        {
            fputc('\n', out);
            fprintf(out, W(n == 1 ? "stopped_one" : "stopped_many"), n);
            fputc('\n', out);
        } else
            fprintf(out, "\n%s\n", W("nothing_saved"));
    }
    if (r != 0)
        rh_intake_init(intake);
    fflush(out);
    rh_quest_release(&q);
    if (r < 0)
        fprintf(stderr, "runhip: questionnaire: %s\n", rh_strerror(r));
    return r;
}

int rh_cli_ask_yes_no(FILE *in, FILE *out, const char *question, bool dflt)
{
    char line[64];
    for (;;) {
        fprintf(out, "%s [%s] ", question, dflt ? "Y/n" : "y/N");
        fflush(out);
        int got = read_line(in, line, sizeof line);
        if (got <= 0) {
            fputc('\n', out);
            fflush(out);
            return RH_EIO;
        }
        if (!isatty(fileno(in)))
            fprintf(out, "%s\n", line);
        const char *a = line;
        while (isspace((unsigned char)*a))
            a++;
        if (!*a)
            return dflt ? 1 : 0;
        char w[8];
        size_t n = strlen(a);
        if (n < sizeof w) {
            for (size_t i = 0; i <= n; i++)
                w[i] = (char)tolower((unsigned char)a[i]);
            if (!strcmp(w, "y") || !strcmp(w, "yes"))
                return 1;
            if (!strcmp(w, "n") || !strcmp(w, "no"))
                return 0;
        }
        fprintf(out, "%s\n", W("answer_yn"));
    }
}
