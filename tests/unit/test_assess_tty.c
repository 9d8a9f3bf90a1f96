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
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "runhip/intake.h"
#include "runhip/store.h"

struct pty {
    int master;
    pid_t pid;
    char buf[1 << 16];
    size_t len;
    char seen[1 << 18]; /* everything shown, for checks on the whole session */
    size_t seen_len;
};

static const char *runhip(void)
{
    const char *p = getenv("RUNHIP");
    return p && *p ? p : "build/san/runhip";
}

/* Runs `runhip --db DB assess` on the slave side of a new pty. */
static bool start(struct pty *p, const char *db)
{
    memset(p, 0, sizeof *p);
    p->master = posix_openpt(O_RDWR | O_NOCTTY);
    if (p->master < 0 || grantpt(p->master) || unlockpt(p->master) || !ptsname(p->master))
        return false;
    char slave[256];
    snprintf(slave, sizeof slave, "%s", ptsname(p->master));
    fflush(NULL);
    p->pid = fork();
    if (p->pid < 0)
        return false;
    if (p->pid == 0) {
        close(p->master);
        setsid();
        int s = open(slave, O_RDWR);
        if (s < 0)
            _exit(99);
        dup2(s, 0);
        dup2(s, 1);
        dup2(s, 2);
        if (s > 2)
            close(s);
        execl(runhip(), "runhip", "--db", db, "assess", (char *)NULL);
        _exit(98);
    }
    return true;
}

/* Reads until a or b (b may be NULL) is shown: 1 for a, 2 for b, 0 on
 * timeout (60 s without output) or end. The text up to the match is consumed. */
static int expect2(struct pty *p, const char *a, const char *b)
{
    /* a generous deadline (60 s without output) for a loaded machine */
    for (int waited = 0; waited < 600;) {
        p->buf[p->len] = '\0';
        char *ha = strstr(p->buf, a), *hb = b ? strstr(p->buf, b) : NULL;
        if (ha || hb) {
            int which = ha && (!hb || ha <= hb) ? 1 : 2;
            const char *h = which == 1 ? ha : hb;
            size_t cut = (size_t)(h - p->buf) + strlen(which == 1 ? a : b);
            memmove(p->buf, p->buf + cut, p->len - cut);
            p->len -= cut;
            return which;
        }
        struct pollfd pfd = {p->master, POLLIN, 0};
        if (poll(&pfd, 1, 100) <= 0) {
            waited++;
            continue;
        }
        if (p->len + 4096 >= sizeof p->buf) {
            memmove(p->buf, p->buf + p->len - 1024, 1024);
            p->len = 1024;
        }
        ssize_t n = read(p->master, p->buf + p->len, sizeof p->buf - 1 - p->len);
        if (n <= 0)
            return 0;
        if (p->seen_len + (size_t)n < sizeof p->seen - 1) {
            memcpy(p->seen + p->seen_len, p->buf + p->len, (size_t)n);
            p->seen_len += (size_t)n;
            p->seen[p->seen_len] = '\0';
        }
        p->len += (size_t)n;
    }
    return 0;
}

static bool expect(struct pty *p, const char *s)
{
    bool ok = expect2(p, s, NULL) == 1;
    if (!ok)
        fprintf(stderr, "  the terminal never showed '%s'; last: %.300s\n", s, p->buf);
    return ok;
}

static void send(struct pty *p, const char *s)
{
    if (write(p->master, s, strlen(s)) != (ssize_t)strlen(s))
        CHECK(0);
}

/* Presses Enter on every screen until the result; returns how many. The
 * current screen's prompt must not have been consumed yet. */
static int enter_to_end(struct pty *p)
{
    int n = 0;
    while (n < 80 && expect2(p, "Answer (", "WHAT TO DO NOW") == 1) {
        send(p, "\n");
        n++;
    }
    return n;
}

/* Waits for the program to end; its exit status (or -1). */
static int finish(struct pty *p)
{
    char sink[4096];
    struct pollfd pfd = {p->master, POLLIN, 0};
    for (int i = 0; i < 100 && waitpid(p->pid, NULL, WNOHANG) == 0; i++)
        if (poll(&pfd, 1, 100) > 0 && read(p->master, sink, sizeof sink) <= 0)
            break;
    int status;
    waitpid(p->pid, &status, 0);
    close(p->master);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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

static void test_session_saved(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/a.db", test_tmpdir());
    struct pty p;
    CHECK(start(&p, db));
    CHECK(expect(&p, "How old are you?"));
    send(&p, "29\n");
    CHECK(expect(&p, "What sex"));
    send(&p, "\n"); /* skip, then go back and answer */
    CHECK(expect(&p, "Which hip hurts?"));
    send(&p, "b\n");
    CHECK(expect(&p, "What sex"));
    send(&p, "female\n");
    CHECK(expect(&p, "Which hip hurts?"));
    send(&p, "2\n");
    CHECK(expect(&p, "FRONT"));
    CHECK(expect(&p, "Answer ("));
    send(&p, "2 8\n"); /* groin, deep */
    /* Enter through to "when does it hurt", answer night and walking */
    while (expect2(&p, "Answer (", "When does it hurt") == 1)
        send(&p, "\n");
    CHECK(expect(&p, "Answer ("));
    send(&p, "night walking\n");
    int n = enter_to_end(&p);
    CHECK(n > 20);
    CHECK(strstr(p.seen, "Clicking") != NULL); /* groin/deep: asked */
    CHECK(strstr(p.seen, "periods") != NULL);  /* female: asked */
    CHECK(strstr(p.seen, "hop gently") == NULL); /* night pain: never offered */
    CHECK(expect(&p, "MOST LIKELY CAUSES"));
    CHECK(strstr(p.seen, "RED FLAGS") != NULL);
    CHECK(strstr(p.seen, "signs of a bone stress injury") != NULL);
    CHECK(strstr(p.seen, "stress_fracture_signs") == NULL);
    CHECK(expect(&p, "Save this assessment"));
    send(&p, "y\n");
    CHECK(expect(&p, "Saved as assessment"));
    CHECK_INT(finish(&p), 0);
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
        int w = expect2(p, screen, "Answer (");
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
    CHECK(expect(&p, "How old are you?"));
    send(&p, "about 44\n");
    CHECK(expect(&p, "What sex"));
    send(&p, "q\n");
    CHECK(expect(&p, "kept as a draft"));
    CHECK_INT(finish(&p), 0);
    CHECK(strstr(p.seen, "MOST LIKELY CAUSES") == NULL);
    CHECK_INT(stored(db, &in), 0); /* no assessment */
    char *d = draft_of(db);
    CHECK(d && strstr(d, "age = about 44"));
    rh_free(d);

    CHECK(start(&p, db));
    CHECK(expect(&p, "Go on where you stopped?"));
    send(&p, "y\n");
    CHECK(expect(&p, "What sex"));
    CHECK(expect(&p, "Answer ("));
    send(&p, "b\n");
    CHECK(expect(&p, "How old are you?"));
    CHECK(expect(&p, "Your answer: about 44"));
    CHECK(expect(&p, "Enter = keep it"));
    send(&p, "\n"); /* Enter keeps it */
    CHECK(expect(&p, "What sex"));
    CHECK(expect(&p, "Answer ("));
    send(&p, "male\n");
    CHECK(enter_to(&p, "How many days ago did it start?"));
    CHECK(expect(&p, "Answer ("));
    send(&p, "2 weeks\n");
    CHECK(enter_to(&p, "What does the pain feel like?"));
    CHECK(expect(&p, "Answer ("));
    send(&p, "dull ache, burning\n");
    CHECK(enter_to(&p, "How many steps a minute"));
    CHECK(expect(&p, "Answer ("));
    send(&p, "84\n");
    CHECK(expect(&p, "strides"));
    CHECK(expect(&p, "168 steps a minute? [Y/n]"));
    send(&p, "y\n");
    CHECK(enter_to_end(&p) > 5);
    CHECK(expect(&p, "Save this assessment"));
    send(&p, "y\n");
    CHECK(expect(&p, "Saved as assessment"));
    CHECK_INT(finish(&p), 0);
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

static void test_session_not_saved(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/n.db", test_tmpdir());
    struct pty p;
    struct rh_intake in;
    CHECK(start(&p, db));
    CHECK(expect(&p, "How old are you?"));
    CHECK(expect(&p, "Answer ("));
    send(&p, "38\n");
    CHECK(enter_to_end(&p) > 30);
    CHECK(expect(&p, "Save this assessment"));
    send(&p, "n\n");
    CHECK(expect(&p, "Not saved."));
    CHECK_INT(finish(&p), 0);
    CHECK_INT(stored(db, &in), 0);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    RUN(test_session_saved);
    RUN(test_session_quit_and_resume);
    RUN(test_session_not_saved);
    return TEST_END();
}
