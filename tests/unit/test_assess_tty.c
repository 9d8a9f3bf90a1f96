/* SPDX-License-Identifier: MIT */
/*
 * A whole `runhip assess` session on a pseudo-terminal (posix_openpt +
 * fork + exec of the program under test, $RUNHIP): the runner answers,
 * skips, goes back, sees the result with its red flags, and saves it (the
 * stored intake is read back); quits half-way (nothing stored); declines
 * the save offer (nothing stored). The hop self-test must not be offered
 * when night pain has been reported.
 */
#define _XOPEN_SOURCE 700 /* posix_openpt, grantpt, unlockpt, ptsname */
#include <signal.h>

#include "harness.h"
#include "pty.h"
#include "runhip/intake.h"
#include "runhip/store.h"

/* Runs `runhip --db DB assess [OPT]` ($RUNHIP) on the slave side of a new
 * pty. */
static bool start_with(struct pty *p, const char *db, const char *opt)
{
    const char *prog = getenv("RUNHIP");
    static char a_db[] = "--db", a_cmd[] = "assess";
    char *argv[] = {(char *)(prog && *prog ? prog : "build/san/runhip"), a_db, (char *)db, a_cmd,
                    (char *)opt, NULL};
    return pty_run(p, argv);
}

static bool start(struct pty *p, const char *db)
{
    return start_with(p, db, NULL);
}

static void send(struct pty *p, const char *s)
{
    CHECK(pty_send(p, s));
}

/* Presses Enter on every screen until the result; returns how many. The
 * current screen's prompt must not have been consumed yet. */
static int enter_to_end(struct pty *p)
{
    int n = 0;
    while (n < 80 && pty_wait2(p, "Answer (", "WHAT TO DO NOW") == 1) {
        send(p, "\n");
        n++;
    }
    return n;
}

/* 1 and the stored intake if the database holds an assessment, 0 if not. */
static int stored(const char *db, struct rh_intake *in)
{
    if (access(db, F_OK) != 0)
        return 0;
    struct rh_store *s;
    struct rh_err e;
    if (rh_store_open(db, 0, &s, &e))
        return -1;
    int64_t id, t;
    char *ij = NULL, *rj = NULL;
    int r = rh_store_assessment_latest(s, &id, &t, &ij, &rj, &e);
    int found = r == 0;
    if (found && rh_intake_parse(ij, strlen(ij), in, &e))
        found = -1;
    rh_free(ij);
    rh_free(rj);
    rh_store_close(s);
    return found;
}

/* ux27: the widest line of text [from, to), in columns (UTF-8 characters;
 * the terminal's carriage returns are not columns) */
static size_t widest_between(const char *from, const char *to)
{
    size_t best = 0, col = 0;
    for (const char *c = from; c < to; c++) {
        if (*c == '\n') {
            col = 0;
            continue;
        }
        if (*c != '\r' && ((unsigned char)*c & 0xC0) != 0x80 && ++col > best)
            best = col;
    }
    return best;
}

/* whether hay holds the phrase, a run of spaces, line breaks and indents in
 * hay matching one space of it (the report is wrapped on a terminal) */
static bool has_wrapped(const char *hay, const char *phrase)
{
    for (const char *h = hay; *h; h++) {
        const char *a = h, *b = phrase;
        while (*b) {
            if (*b == ' ') {
                if (*a != ' ' && *a != '\n' && *a != '\r')
                    break;
                while (*a == ' ' || *a == '\n' || *a == '\r')
                    a++;
                b++;
            } else if (*a == *b) {
                a++;
                b++;
            } else {
                break;
            }
        }
        if (!*b)
            return true;
    }
    return false;
}

static void test_session_saved(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/a.db", test_tmpdir());
    struct pty p;
    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "How old are you?"));
    send(&p, "29\n");
    CHECK(pty_wait(&p, "What sex"));
    send(&p, "\n"); /* skip, then go back and answer */
    CHECK(pty_wait(&p, "Which hip hurts?"));
    send(&p, "b\n");
    CHECK(pty_wait(&p, "What sex"));
    send(&p, "female\n");
    CHECK(pty_wait(&p, "Which hip hurts?"));
    send(&p, "2\n");
    /* the warning signs come early: skipped (then not answered) */
    CHECK(pty_wait(&p, "Have you noticed any of these?"));
    send(&p, "\n");
    CHECK(pty_wait(&p, "feel weaker"));
    send(&p, "\n");
    CHECK(pty_wait(&p, "FRONT"));
    CHECK(pty_wait(&p, "Answer ("));
    send(&p, "2 8\n"); /* groin, deep */
    /* Enter through to "when does it hurt", answer night and walking */
    while (pty_wait2(&p, "Answer (", "When does it hurt") == 1)
        send(&p, "\n");
    CHECK(pty_wait(&p, "Answer ("));
    send(&p, "night walking\n");
    int n = enter_to_end(&p);
    CHECK(n > 20);
    CHECK(strstr(p.seen, "Clicking") != NULL); /* groin/deep: asked */
    CHECK(strstr(p.seen, "periods") != NULL);  /* female: asked */
    CHECK(strstr(p.seen, "hop gently") == NULL); /* night pain: never offered */
    CHECK(pty_wait(&p, "MOST LIKELY CAUSES"));
    CHECK(strstr(p.seen, "WARNING SIGNS") != NULL);
    CHECK(has_wrapped(p.seen, "signs of a bone stress injury"));
    CHECK(strstr(p.seen, "stress_fracture_signs") == NULL);
    CHECK(pty_wait(&p, "Save this assessment"));
    /* ux27: on a terminal the report's lines are broken at spaces within 78
     * columns (they ran to 300 and more, cut mid-word by the terminal), the
     * next line of a reason hanging under its words */
    const char *from = strstr(p.seen, "WARNING SIGNS"), *to = strstr(p.seen, "Save this assessment");
    CHECK(from && to && from < to && widest_between(from, to) <= 78);
    int hung = 0; /* a reason ("  - ") whose next line hangs under its words */
    for (const char *l = from; l && to && l < to; l = strchr(l, '\n')) {
        l++;
        const char *nl = strchr(l, '\n');
        if (nl && strncmp(l, "  - ", 4) == 0 && strncmp(nl + 1, "    ", 4) == 0 && nl[5] != ' ')
            hung++;
    }
    CHECK(hung > 0);
    send(&p, "y\n");
    CHECK(pty_wait(&p, "Saved as your latest assessment"));
    CHECK_INT(pty_end(&p), 0);
    struct rh_intake in;
    CHECK_INT(stored(db, &in), 1);
    CHECK_INT(in.age, 29);
    CHECK_INT(in.sex, RH_SEX_FEMALE);
    CHECK_INT(in.side, RH_SIDE_RIGHT);
    CHECK_INT(in.location, RH_BIT(RH_LOC_GROIN) | RH_BIT(RH_LOC_DEEP));
    CHECK_INT(in.worse_with, RH_BIT(RH_WORSE_NIGHT) | RH_BIT(RH_WORSE_WALKING));
    CHECK(!in.has_signs);                          /* skipped: not answered */
    CHECK_INT(in.test[RH_TEST_HOP], RH_TRI_UNKNOWN); /* never asked */
}

/* Presses Enter until `screen` is shown (its prompt not consumed); false if
 * the result came first. */
static bool enter_to(struct pty *p, const char *screen)
{
    for (int n = 0; n < 80; n++) {
        int w = pty_wait2(p, screen, "Answer (");
        if (w == 1)
            return true;
        if (w != 2)
            return false;
        send(p, "\n");
    }
    return false;
}

static char *draft_of(const char *db)
{
    struct rh_store *s;
    struct rh_err e;
    char *v = NULL;
    if (rh_store_open(db, 0, &s, &e))
        return NULL;
    if (rh_store_meta_get(s, "assess_draft", &v, &e))
        v = NULL;
    rh_store_close(s);
    return v;
}

/* Quitting keeps the answers as a draft in the database; the next `runhip
 * assess` offers to go on, back shows the answer as typed, Enter keeps it;
 * everyday answers and a cadence in strides on the way; once finished, the
 * draft is gone. */
static void test_session_quit_and_resume(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/q.db", test_tmpdir());
    struct pty p;
    struct rh_intake in;
    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "How old are you?"));
    send(&p, "about 44\n");
    CHECK(pty_wait(&p, "What sex"));
    send(&p, "q\n");
    CHECK(pty_wait(&p, "kept as a draft"));
    CHECK_INT(pty_end(&p), 0);
    CHECK(strstr(p.seen, "MOST LIKELY CAUSES") == NULL);
    CHECK_INT(stored(db, &in), 0); /* no assessment */
    char *d = draft_of(db);
    CHECK(d && strstr(d, "age = about 44"));
    rh_free(d);

    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "Go on where you stopped?"));
    send(&p, "y\n");
    CHECK(pty_wait(&p, "What sex"));
    CHECK(pty_wait(&p, "Answer ("));
    send(&p, "b\n");
    CHECK(pty_wait(&p, "How old are you?"));
    CHECK(pty_wait(&p, "Your answer: about 44"));
    CHECK(pty_wait(&p, "Enter = keep it"));
    send(&p, "\n"); /* Enter keeps it */
    CHECK(pty_wait(&p, "What sex"));
    CHECK(pty_wait(&p, "Answer ("));
    send(&p, "male\n");
    CHECK(enter_to(&p, "How many days ago did it start?"));
    CHECK(pty_wait(&p, "Answer ("));
    send(&p, "2 weeks\n");
    CHECK(enter_to(&p, "What does the pain feel like?"));
    CHECK(pty_wait(&p, "Answer ("));
    send(&p, "dull ache, burning\n");
    CHECK(enter_to(&p, "How many steps a minute"));
    CHECK(pty_wait(&p, "Answer ("));
    send(&p, "84\n");
    CHECK(pty_wait(&p, "strides"));
    CHECK(pty_wait(&p, "168 steps a minute? [Y/n]"));
    send(&p, "y\n");
    CHECK(enter_to_end(&p) > 5);
    CHECK(pty_wait(&p, "Save this assessment"));
    send(&p, "y\n");
    CHECK(pty_wait(&p, "Saved as your latest assessment"));
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(stored(db, &in), 1);
    CHECK_INT(in.age, 44);
    CHECK_INT(in.sex, RH_SEX_MALE);
    CHECK_INT(in.duration_days, 14);
    CHECK_INT(in.character, RH_BIT(RH_CHAR_DULL_ACHE) | RH_BIT(RH_CHAR_BURNING));
    CHECK_INT(in.cadence_spm, 168);
    d = draft_of(db);
    CHECK(!d || !*d); /* finished: no draft offered any more */
    rh_free(d);
}

/* One session on a new database: `first` typed at the first question
 * (NULL: none), then Enter on every screen until `result` is shown (NULL:
 * not waited for), `save` typed at the save offer (NULL: none), then `last`
 * shown (NULL: none). The program must end with status 0. Returns 1 if the
 * database holds an assessment afterwards, else 0; the session's record
 * stays in *p. */
static int session(struct pty *p, const char *opt, const char *first, const char *result,
                   const char *save, const char *last)
{
    char db[600];
    snprintf(db, sizeof db, "%s/s.db", test_tmpdir());
    struct rh_intake in;
    CHECK(start_with(p, db, opt));
    if (first) {
        CHECK(pty_wait(p, "How old are you?"));
        CHECK(pty_wait(p, "Answer ("));
        send(p, first);
    }
    if (result)
        CHECK(enter_to(p, result));
    if (save) {
        CHECK(pty_wait(p, "Save this assessment"));
        send(p, save);
    }
    if (last)
        CHECK(pty_wait(p, last));
    CHECK_INT(pty_end(p), 0);
    return stored(db, &in);
}

static void test_session_not_saved(void)
{
    struct pty p;
    CHECK_INT(session(&p, NULL, "38\n", "WHAT TO DO NOW", "n\n", "Not saved."), 0);
}

/* q on the first screen stops at once: said so, nothing stored. */
static void test_quit_at_once(void)
{
    struct pty p;
    CHECK_INT(session(&p, NULL, "q\n", NULL, NULL, "nothing was saved"), 0);
}

/* Every question skipped: too few answers to rank the causes, so Enter at
 * the save offer does not save it (review 8, 4); it is said why, and "y"
 * saves it. */
static void test_all_skipped_saved_by_enter(void)
{
    struct pty p;
    CHECK_INT(session(&p, NULL, NULL, "WHAT TO DO NOW", "\n", "Not saved."), 0);
    CHECK(strstr(p.seen, "too few to rank the causes") != NULL);
    CHECK(strstr(p.seen, "Save this assessment (and your answers)? [y/N]") != NULL);
    CHECK_INT(session(&p, NULL, NULL, "WHAT TO DO NOW", "y\n", "Saved as your latest assessment"), 1);
}

/* With --json the result is the JSON document; declined, nothing stored. */
static void test_json_session_declined(void)
{
    struct pty p;
    CHECK_INT(session(&p, "--json", NULL, "\"disposition\":", "n\n", NULL), 0);
    CHECK(strstr(p.seen, "WHAT TO DO NOW") == NULL); /* the JSON only */
}

/* A hold the diary logged before (8/10 during a run) stays in force: after
 * the questions, once saved, the notice and what to do now as it says (no
 * running, why), in place of the answers' own advice shown before saving. */
static void test_kept_hold_said_after_saving(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/k.db", test_tmpdir());
    const char *prog = getenv("RUNHIP");
    static char a_db[] = "--db", a_log[] = "log", a_pain[] = "pain", a_6[] = "6",
                a_run[] = "--during-run", a_8[] = "8";
    char *argv[] = {(char *)(prog && *prog ? prog : "build/san/runhip"), a_db, db, a_log, a_pain,
                    a_6, a_run, a_8, NULL};
    struct pty p;
    CHECK(pty_run(&p, argv));
    CHECK(pty_wait(&p, "No running until the diary settles"));
    CHECK_INT(pty_end(&p), 0);
    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "How old are you?"));
    enter_to_end(&p);
    CHECK(pty_wait(&p, "Save this assessment"));
    send(&p, "y\n");
    CHECK(pty_wait(&p, "Saved as your latest assessment"));
    CHECK(pty_wait(&p, "NO RUNNING until the diary settles"));
    CHECK(pty_wait(&p, "WHAT TO DO NOW, with what your diary logged (in place of the advice above)"));
    CHECK(pty_wait(&p, "No running until the diary settles: an entry within the pain rule"));
    CHECK(pty_wait(&p, "pain during activity was 8/10"));
    CHECK_INT(pty_end(&p), 0);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    RUN(test_session_saved);
    RUN(test_session_quit_and_resume);
    RUN(test_session_not_saved);
    RUN(test_quit_at_once);
    RUN(test_all_skipped_saved_by_enter);
    RUN(test_json_session_declined);
    RUN(test_kept_hold_said_after_saving);
    return TEST_END();
}
