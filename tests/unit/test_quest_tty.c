/* SPDX-License-Identifier: MIT */
/*
 * The terminal questionnaire (src/cli/questionnaire.c), driven two ways:
 * through plain streams (a scripted transcript) and through a real
 * pseudo-terminal (posix_openpt + fork), where the runner answers, skips,
 * goes back, asks for help and quits without saving.
 *
 * The program's src/cli/ files are not in the library, so this test
 * compiles the one file it tests into itself (it depends on nothing else
 * of src/cli/).
 */
#define _XOPEN_SOURCE 700 /* posix_openpt, grantpt, unlockpt, ptsname */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "pty.h"

#include "cli/questionnaire.c"

/* ---- plain streams ------------------------------------------------------------- */

struct run {
    int r;
    struct rh_intake in;
    char *out; /* transcript, malloc'ed */
    char *flat; /* the same, every run of spaces and newlines one space (ux27:
                 * the lines are wrapped), malloc'ed */
};

static void run_script(const char *script, struct run *res)
{
    FILE *in = fmemopen((void *)script, strlen(script), "r");
    FILE *out = tmpfile();
    res->r = rh_cli_questionnaire(NULL, in, out, &res->in);
    long n = ftell(out);
    rewind(out);
    res->out = calloc(1, (size_t)n + 1);
    if (fread(res->out, 1, (size_t)n, out) != (size_t)n)
        res->out[0] = '\0';
    fclose(in);
    fclose(out);
    res->flat = calloc(1, (size_t)n + 1);
    size_t k = 0;
    for (const char *p = res->out; *p; p++) {
        bool space = *p == ' ' || *p == '\n';
        if (!space || (k && res->flat[k - 1] != ' '))
            res->flat[k++] = space ? ' ' : *p;
    }
}

static void intake_text(const struct rh_intake *in, char *buf, size_t n)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    rh_intake_to_text(in, &b);
    snprintf(buf, n, "%s", b.data ? b.data : "");
    rh_buf_release(&b);
}

/* "34\n1\n" followed by enough Enters to get to the end. */
static char *with_enters(const char *head)
{
    size_t n = strlen(head);
    char *s = malloc(n + 81);
    memcpy(s, head, n);
    memset(s + n, '\n', 80);
    s[n + 80] = '\0';
    return s;
}

static void test_streams_answer_skip_finish(void)
{
    struct run res;
    char *script = with_enters("34\n1\n\n\n\n2 8\n"); /* side, signs, weakness skipped */
    run_script(script, &res);
    CHECK_INT(res.r, 0);
    char text[1024];
    intake_text(&res.in, text, sizeof text);
    CHECK_STR(text, "age = 34\nsex = female\nlocation = groin, deep\n");
    CHECK(strstr(res.out, "hip check. Question 1, about ") != NULL);
    CHECK(strstr(res.out, "   4  I would rather not say") != NULL); /* as the web form */
    CHECK(strstr(res.out, "not a diagnosis") != NULL);
    CHECK(strstr(res.out, "FRONT") != NULL);   /* the diagram */
    CHECK(strstr(res.out, "  10  Spreads down the back of the leg") != NULL);
    CHECK(strstr(res.out, "last question") != NULL);
    CHECK(strstr(res.out, "\033[") == NULL); /* no escape codes into a file */
    /* groin and deep: the clicking screen came; sex female: periods came */
    CHECK(strstr(res.out, "Clicking") != NULL);
    CHECK(strstr(res.out, "periods") != NULL);
    free(res.out);
    free(res.flat);
    free(script);
}

/* The widest line of a transcript, in columns (UTF-8 characters; the
 * screen-clearing code is not in a file's transcript). */
static size_t widest_line(const char *s)
{
    size_t best = 0, col = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '\n') {
            col = 0;
            continue;
        }
        if (((unsigned char)*p & 0xC0) != 0x80 && ++col > best)
            best = col;
    }
    return best;
}

/* ux27: a long question, a long choice and the urgent notice ran past the
 * edge of an 80-column terminal, which cut them mid-word ("wai" / "t for
 * the end"); every line now fits in 78 columns, broken at spaces, and a
 * choice's second line hangs under its words, not under its number. */
static void test_streams_lines_fit_the_terminal(void)
{
    struct run res;
    char *s = with_enters("34\nfemale\nright\n");
    run_script(s, &res);
    CHECK_INT(res.r, 0);
    CHECK(widest_line(res.out) <= WIDTH);
    /* the bladder choice of the warning signs, the longest, on two lines */
    const char *c = strstr(res.out, "  14  New trouble controlling the bladder or bowels, or");
    CHECK(c != NULL);
    const char *nl = c ? strchr(c, '\n') : NULL;
    CHECK(nl && strncmp(nl + 1, "      ", 6) == 0 && nl[7] != ' ');
    /* the question with its typing hint, broken between words */
    CHECK(strstr(res.out, "e.g. 20 for 20% more") != NULL || strstr(res.out, "20 for\n20%") != NULL ||
          strstr(res.out, "e.g.\n20 for 20%") != NULL);
    CHECK(strstr(res.out, "20\n% more") == NULL);
    free(res.out);
    free(res.flat);
    free(s);
    /* the urgent notice and its offer */
    run_script("14\nmale\nright\nyes\nlimp reduced_motion\nno\ngroin front\nsudden\nsprint\ny\n", &res);
    CHECK_INT(res.r, 0);
    CHECK(widest_line(res.out) <= WIDTH);
    const char *u = strstr(res.out, "!! Your answers already call for medical help today:");
    CHECK(u != NULL);
    nl = u ? strchr(u, '\n') : NULL;
    CHECK(nl && strncmp(nl + 1, "   ", 3) == 0 && nl[4] != ' ');
    free(res.out);
    free(res.flat);
}

/* Review 8 B1: the answers of a limping 14-year-old hurt while sprinting
 * make a same-day red flag certain at the onset: the terminal says so at
 * once, in the library's words (the web form's), and offers to stop. Yes:
 * it ends there with the answers kept; no: it goes on without a self-test
 * that loads the hip. */
static void test_streams_urgent_offer(void)
{
    /* a parent answers (review 8 #21: asked under 18) */
    /* session 12 (urgent12, issue 11): with a stiff hip (a sign of a slip);
     * a limp after a clear sprint alone is a doctor within days */
    static const char head[] =
        "14\nmale\nright\nyes\nlimp reduced_motion\nno\ngroin front\nsudden\nsprint\n";
    for (int go_on = 0; go_on < 2; go_on++) {
        struct run res;
        char script[256];
        snprintf(script, sizeof script, "%s%s", head, go_on ? "n\n" : "y\n");
        char *s = go_on ? with_enters(script) : strdup(script);
        run_script(s, &res);
        CHECK_INT(res.r, 0);
        CHECK(strstr(res.out, "!! Your answers already call for medical help today: ") != NULL);
        /* session 11 (rev11c), review 11 #17: what was seen, in the flag's
         * own words; no fall for a boy who did not fall */
        CHECK(strstr(res.flat, "medical help today: a sprint injury while still growing and a "
                              "limp.") != NULL);
        CHECK(strstr(res.flat, "started with a fall") == NULL);
        CHECK(strstr(res.out, "are left out from here on") != NULL);
        CHECK(strstr(res.out, "See what to do now, with the answers given so far? [Y/n]") != NULL);
        CHECK_INT(res.in.age, 14);
        CHECK_INT(res.in.onset_event, RH_EVENT_SPRINT);
        /* the parent is asked about the child, and the screen says so */
        CHECK(strstr(res.out, "Are you answering these questions for your child?") != NULL);
        CHECK(strstr(res.out, "Has your child had any of these?") != NULL);
        CHECK(strstr(res.out, "My child cannot put weight on the leg") != NULL);
        CHECK(strstr(res.flat, "Have you noticed any of these?") == NULL);
        CHECK_INT(res.in.for_child, RH_TRI_YES);
        CHECK(strstr(res.flat, "Self-test: stand on the sore leg") == NULL);
        CHECK(strstr(res.flat, "Self-test: sitting, lift the bent knee") == NULL);
        CHECK(strstr(res.flat, "squeeze a ball") == NULL);
        if (go_on) {
            CHECK(strstr(res.out, "last question") != NULL);
            CHECK(strstr(res.out, "press firmly on the bony point") != NULL); /* still asked */
        } else {
            CHECK(strstr(res.out, "Stopped here: what to do now follows.") != NULL);
            CHECK(strstr(res.flat, "How many days ago did it start?") == NULL);
        }
        free(res.out);
        free(res.flat);
        free(s);
    }
}

static void test_streams_back_help_and_bad_answers(void)
{
    struct run res;
    char *script = with_enters("abc\n?\n34\nb\n40\nb\nb\n41\n");
    run_script(script, &res);
    CHECK_INT(res.r, 0);
    CHECK_INT(res.in.age, 41);
    CHECK(strstr(res.out, "Sorry: please type a number from 10 to 100.") != NULL);
    CHECK(strstr(res.flat, "Type your age in whole years.") != NULL); /* the screen's help */
    CHECK(strstr(res.flat, "never as no") != NULL);                   /* the general help */
    CHECK(strstr(res.out, "Your answer: 34") != NULL); /* shown as typed after going back */
    CHECK(strstr(res.out, "This is the first question.") != NULL);
    free(res.out);
    free(res.flat);
    free(script);
}

static void test_streams_quit_and_end_of_input(void)
{
    struct run res;
    struct rh_intake empty;
    rh_intake_init(&empty);
    run_script("34\n2\nq\n", &res);
    CHECK_INT(res.r, 1);
    CHECK(rh_intake_equal(&res.in, &empty)); /* nothing kept */
    CHECK(strstr(res.out, "nothing was saved") != NULL);
    free(res.out);
    free(res.flat);
    run_script("34\n", &res); /* input ends half-way: as quitting */
    CHECK_INT(res.r, 1);
    CHECK(rh_intake_equal(&res.in, &empty));
    free(res.out);
    free(res.flat);
}

static int ask(const char *script, bool dflt, char **transcript)
{
    FILE *in = fmemopen((void *)script, strlen(script), "r");
    FILE *out = tmpfile();
    int r = rh_cli_ask_yes_no(in, out, "Save this assessment?", dflt);
    long n = ftell(out);
    rewind(out);
    *transcript = calloc(1, (size_t)n + 1);
    if (fread(*transcript, 1, (size_t)n, out) != (size_t)n)
        (*transcript)[0] = '\0';
    fclose(in);
    fclose(out);
    return r;
}

static void test_ask_yes_no(void)
{
    char *t;
    CHECK_INT(ask("\n", true, &t), 1);
    CHECK(strstr(t, "Save this assessment? [Y/n]") != NULL);
    free(t);
    CHECK_INT(ask("\n", false, &t), 0);
    CHECK(strstr(t, "[y/N]") != NULL);
    free(t);
    CHECK_INT(ask("YES\n", false, &t), 1);
    free(t);
    CHECK_INT(ask("maybe\nn\n", true, &t), 0);
    CHECK(strstr(t, "Please answer y or n.") != NULL);
    free(t);
    CHECK_INT(ask("", true, &t), RH_EIO); /* no answer at all */
    free(t);
}

/* ---- a real pseudo-terminal ------------------------------------------------------- */

/* The questionnaire's result comes back through a pipe (one session at a
 * time). */
static int res_fd = -1;

/* Starts rh_cli_questionnaire in a child on the slave side of a new pty
 * (pty.h). The child writes its return value and the intake text to a pipe. */
static bool pty_start(struct pty *p)
{
    int fds[2];
    if (pipe(fds))
        return false;
    int f = pty_fork(p);
    if (f == 0) {
        close(fds[0]);
        struct rh_intake intake;
        int r = rh_cli_questionnaire(NULL, stdin, stdout, &intake);
        fflush(stdout);
        struct rh_buf b;
        rh_buf_init(&b, 0);
        rh_buf_printf(&b, "%d\n", r);
        rh_intake_to_text(&intake, &b);
        if (write(fds[1], b.data, b.len) != (ssize_t)b.len)
            _exit(98);
        rh_buf_release(&b);
        _exit(0);
    }
    close(fds[1]);
    res_fd = fds[0];
    if (f < 0) {
        close(res_fd);
        return false;
    }
    return true;
}

/* Waits for the child; returns its questionnaire result and the intake text. */
static int pty_finish(struct pty *p, char *text, size_t n)
{
    char res[4096];
    size_t len = 0;
    ssize_t k;
    /* the terminal is drained first, so the child is never blocked writing */
    CHECK_INT(pty_end(p), 0);
    while (len < sizeof res - 1 && (k = read(res_fd, res + len, sizeof res - 1 - len)) > 0)
        len += (size_t)k;
    res[len] = '\0';
    close(res_fd);
    res_fd = -1;
    char *nl = strchr(res, '\n');
    snprintf(text, n, "%s", nl ? nl + 1 : "");
    return len ? (int)strtol(res, NULL, 10) : -999;
}

static void test_pty_answer_skip_back_quit(void)
{
    struct pty p;
    CHECK(pty_start(&p));
    CHECK(pty_wait(&p, CLEAR_SCREEN)); /* a terminal: the screen is cleared */
    CHECK(pty_wait(&p, "Question 1, about"));
    CHECK(pty_wait(&p, "How old are you?"));
    CHECK(pty_wait(&p, "Answer (Enter = skip"));
    pty_send(&p, "34\n");
    CHECK(pty_wait(&p, "Question 2, about"));
    CHECK(pty_wait(&p, "What sex"));
    pty_send(&p, "\n"); /* skip */
    CHECK(pty_wait(&p, "Which hip hurts?"));
    pty_send(&p, "b\n"); /* back */
    CHECK(pty_wait(&p, "What sex"));
    pty_send(&p, "2\n");
    CHECK(pty_wait(&p, "Which hip hurts?"));
    pty_send(&p, "?\n");
    CHECK(pty_wait(&p, "b goes back one question"));
    pty_send(&p, "q\n"); /* quit without saving */
    CHECK(pty_wait(&p, "Stopped: nothing was saved."));
    char text[2048];
    CHECK_INT(pty_finish(&p, text, sizeof text), 1);
    CHECK_STR(text, ""); /* nothing kept */
}

static void test_pty_to_the_end(void)
{
    struct pty p;
    CHECK(pty_start(&p));
    CHECK(pty_wait(&p, "How old are you?"));
    pty_send(&p, "52\n");
    CHECK(pty_wait(&p, "What sex"));
    pty_send(&p, "male\n");
    CHECK(pty_wait(&p, "Which hip hurts?"));
    pty_send(&p, "1\n");
    /* the warning signs early, then the weakness: skipped here */
    CHECK(pty_wait(&p, "Have you noticed any of these?"));
    pty_send(&p, "\n");
    CHECK(pty_wait(&p, "feel weaker"));
    pty_send(&p, "\n");
    CHECK(pty_wait(&p, "FRONT"));
    CHECK(pty_wait(&p, "BACK"));
    CHECK(pty_wait(&p, "Answer ("));
    pty_send(&p, "3 4\n");
    /* Enter through every other screen to the end */
    int screens = 0, got;
    while ((got = pty_wait2(&p, "Answer (", "last question")) == 1 && screens < 60) {
        pty_send(&p, "\n");
        screens++;
    }
    CHECK_INT(got, 2);
    /* 45 screens less the 4 answered and the 2 skipped above, clicking
     * (outer pain), periods (male); heavy drinking has a screen of its own
     * (ux11); numbness is asked for pain down the outside of the thigh
     * (session 28, walk28: the thigh's skin nerve); the hop is offered with
     * screens skipped (session 30, walk30: saying when not to hop) */
    CHECK_INT(screens, 37);
    char text[2048];
    CHECK_INT(pty_finish(&p, text, sizeof text), 0);
    CHECK_STR(text, "age = 52\nsex = male\nside = left\nlocation = outer, outer_thigh\n");
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    RUN(test_streams_answer_skip_finish);
    RUN(test_streams_back_help_and_bad_answers);
    RUN(test_streams_urgent_offer);
    RUN(test_streams_lines_fit_the_terminal);
    RUN(test_streams_quit_and_end_of_input);
    RUN(test_ask_yes_no);
    RUN(test_pty_answer_skip_back_quit);
    RUN(test_pty_to_the_end);
    return TEST_END();
}
