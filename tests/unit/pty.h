/* SPDX-License-Identifier: MIT */
/*
 * A program under test on a pseudo-terminal, for the tests of interactive
 * commands (assess, checkin, the questionnaire). Waits are for output, with a generous
 * deadline (60 s without any output), never fixed sleeps, so a loaded
 * machine does not fail them. Everything the terminal showed is kept in
 * `seen` for checks on the whole session.
 * Include after harness.h; define _XOPEN_SOURCE 700 before any include.
 */
#ifndef RUNHIP_TEST_PTY_H
#define RUNHIP_TEST_PTY_H

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PTY_IDLE_POLLS 600 /* x 100 ms without output */

struct pty {
    int master;
    pid_t pid;
    char buf[1 << 16]; /* shown and not yet consumed by a wait */
    size_t len;
    char seen[1 << 18]; /* everything shown, for checks on the whole session */
    size_t seen_len;
};

/* Forks a child whose stdin, stdout and stderr are the slave side of a new
 * pty (its controlling terminal): 1 in the parent, 0 in the child (which
 * ends with _exit), -1 on failure. */
static inline int pty_fork(struct pty *p)
{
    memset(p, 0, sizeof *p);
    p->master = posix_openpt(O_RDWR | O_NOCTTY);
    if (p->master < 0 || grantpt(p->master) || unlockpt(p->master) || !ptsname(p->master))
        return -1;
    char slave[256];
    snprintf(slave, sizeof slave, "%s", ptsname(p->master));
    fflush(NULL);
    p->pid = fork();
    if (p->pid < 0)
        return -1;
    if (p->pid > 0)
        return 1;
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
    return 0;
}

/* Runs argv (argv[0] is the program path) on the slave side of a new pty. */
static inline bool pty_run(struct pty *p, char *const argv[])
{
    int r = pty_fork(p);
    if (r == 0) {
        execv(argv[0], argv);
        _exit(98);
    }
    return r == 1;
}

/* Keeps n bytes just read in the whole-session record. */
static inline void pty_keep(struct pty *p, const char *d, size_t n)
{
    if (p->seen_len + n < sizeof p->seen - 1) {
        memcpy(p->seen + p->seen_len, d, n);
        p->seen_len += n;
        p->seen[p->seen_len] = '\0';
    }
}

/* Reads until a or b (b may be NULL) is shown: 1 for a, 2 for b (the one
 * shown first), 0 on the deadline or the end of output. The text up to and
 * including the match is consumed. */
static inline int pty_wait2(struct pty *p, const char *a, const char *b)
{
    for (int idle = 0; idle < PTY_IDLE_POLLS;) {
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
            idle++;
            continue;
        }
        if (p->len + 4096 >= sizeof p->buf) { /* keep the tail only */
            memmove(p->buf, p->buf + p->len - 1024, 1024);
            p->len = 1024;
        }
        ssize_t n = read(p->master, p->buf + p->len, sizeof p->buf - 1 - p->len);
        if (n <= 0)
            return 0;
        pty_keep(p, p->buf + p->len, (size_t)n);
        p->len += (size_t)n;
    }
    return 0;
}

/* Reads until s is shown (consuming up to it): true, or false (said on
 * stderr) on the deadline or the end of output. */
static inline bool pty_wait(struct pty *p, const char *s)
{
    if (pty_wait2(p, s, NULL) == 1)
        return true;
    p->buf[p->len] = '\0';
    fprintf(stderr, "  the terminal never showed '%s'; last: %.300s\n", s, p->buf);
    return false;
}

static inline bool pty_send(struct pty *p, const char *s)
{
    return write(p->master, s, strlen(s)) == (ssize_t)strlen(s);
}

/* Drains the terminal until the program ends (killed after the deadline
 * without output); its exit status, or -1. */
static inline int pty_end(struct pty *p)
{
    char sink[4096];
    int status = -1;
    bool reaped = false;
    for (int idle = 0;;) {
        struct pollfd pfd = {p->master, POLLIN, 0};
        int r = poll(&pfd, 1, 100);
        if (r > 0) {
            ssize_t n = read(p->master, sink, sizeof sink);
            if (n <= 0)
                break; /* the slave side closed: the program ended */
            pty_keep(p, sink, (size_t)n);
            idle = 0;
        } else if (waitpid(p->pid, &status, WNOHANG) == p->pid) {
            reaped = true; /* its status is in hand: not waited for twice */
            break;
        } else if (++idle >= PTY_IDLE_POLLS) {
            fprintf(stderr, "  the program did not end; killed\n");
            kill(p->pid, SIGKILL);
            break;
        }
    }
    if (!reaped && waitpid(p->pid, &status, 0) != p->pid)
        status = -1;
    close(p->master);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#endif
