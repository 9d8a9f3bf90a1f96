/* SPDX-License-Identifier: MIT */
/*
 * A program under test on a pseudo-terminal, for the tests of interactive
 * commands. Waits are for output, with a generous deadline (60 s without
 * any output), never fixed sleeps, so a loaded machine does not fail them.
 * Include after harness.h; define _XOPEN_SOURCE 700 before any include.
 */
#ifndef RUNHIP_TEST_PTY_H
#define RUNHIP_TEST_PTY_H

#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PTY_IDLE_POLLS 600 /* x 100 ms without output */

struct pty {
    int master;
    pid_t pid;
    char buf[1 << 16];
    size_t len;
};

/* Runs argv (argv[0] is the program path) on the slave side of a new pty. */
static inline bool pty_run(struct pty *p, char *const argv[])
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
        execv(argv[0], argv);
        _exit(98);
    }
    return true;
}

/* Reads until s is shown (consuming up to it): true, or false on the
 * deadline or the end of output. */
static inline bool pty_wait(struct pty *p, const char *s)
{
    for (int idle = 0; idle < PTY_IDLE_POLLS;) {
        p->buf[p->len] = '\0';
        char *h = strstr(p->buf, s);
        if (h) {
            size_t cut = (size_t)(h - p->buf) + strlen(s);
            memmove(p->buf, p->buf + cut, p->len - cut);
            p->len -= cut;
            return true;
        }
        struct pollfd pfd = {p->master, POLLIN, 0};
        if (poll(&pfd, 1, 100) <= 0) {
            idle++;
            continue;
        }
        if (p->len + 4096 >= sizeof p->buf) {
            memmove(p->buf, p->buf + p->len - 1024, 1024);
            p->len = 1024;
        }
        ssize_t n = read(p->master, p->buf + p->len, sizeof p->buf - 1 - p->len);
        if (n <= 0)
            break;
        p->len += (size_t)n;
    }
    fprintf(stderr, "  the terminal never showed '%s'; last: %.300s\n", s, p->buf);
    return false;
}

static inline bool pty_send(struct pty *p, const char *s)
{
    return write(p->master, s, strlen(s)) == (ssize_t)strlen(s);
}

/* Drains the terminal until the program ends; its exit status or -1. */
static inline int pty_end(struct pty *p)
{
    char sink[4096];
    for (;;) {
        struct pollfd pfd = {p->master, POLLIN, 0};
        int r = poll(&pfd, 1, 100);
        if (r > 0 && read(p->master, sink, sizeof sink) <= 0)
            break; /* the slave side closed: the program ended */
        if (r == 0 && waitpid(p->pid, NULL, WNOHANG) != 0)
            break;
    }
    int status = -1;
    waitpid(p->pid, &status, 0);
    close(p->master);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#endif
