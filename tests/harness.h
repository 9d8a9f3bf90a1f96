/* SPDX-License-Identifier: MIT */
/*
 * A tiny test harness. A test file defines static void test_x(void)
 * functions, runs them with RUN(test_x) from main and ends with
 * return TEST_END(); which prints "N passed, N failed" (tests, not checks).
 * A failed check prints both operands and goes on.
 *
 *   CHECK(cond)  CHECK_INT(a, b)  CHECK_NEAR(a, b, tol)  CHECK_STR(a, b)
 *
 * RH_SHARED is the path of ../shared (set by the Makefile).
 * test_tmpdir() makes a fresh temporary folder for the current test.
 */
#ifndef RUNHIP_TEST_HARNESS_H
#define RUNHIP_TEST_HARNESS_H

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RH_SHARED
#define RH_SHARED "../shared"
#endif

static int th_pass, th_fail, th_checks_failed;
static const char *th_name = "";

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            th_checks_failed++;                                                                    \
            fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__, th_name, #cond);  \
        }                                                                                          \
    } while (0)

#define CHECK_INT(a, b)                                                                            \
    do {                                                                                           \
        long long th_a = (long long)(a), th_b = (long long)(b);                                    \
        if (th_a != th_b) {                                                                        \
            th_checks_failed++;                                                                    \
            fprintf(stderr, "%s:%d: %s: %s == %s failed: %lld != %lld\n", __FILE__, __LINE__,      \
                    th_name, #a, #b, th_a, th_b);                                                  \
        }                                                                                          \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                                      \
    do {                                                                                           \
        double th_a = (double)(a), th_b = (double)(b);                                             \
        if (!(fabs(th_a - th_b) <= (tol))) {                                                       \
            th_checks_failed++;                                                                    \
            fprintf(stderr, "%s:%d: %s: %s ~ %s failed: %.6g vs %.6g (tol %g)\n", __FILE__,        \
                    __LINE__, th_name, #a, #b, th_a, th_b, (double)(tol));                         \
        }                                                                                          \
    } while (0)

#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *th_a = (a), *th_b = (b);                                                       \
        if (!th_a || !th_b || strcmp(th_a, th_b) != 0) {                                           \
            th_checks_failed++;                                                                    \
            fprintf(stderr, "%s:%d: %s: %s == %s failed: \"%s\" != \"%s\"\n", __FILE__, __LINE__,  \
                    th_name, #a, #b, th_a ? th_a : "(null)", th_b ? th_b : "(null)");              \
        }                                                                                          \
    } while (0)

#define RUN(fn)                                                                                    \
    do {                                                                                           \
        th_name = #fn;                                                                             \
        int th_before = th_checks_failed;                                                          \
        fn();                                                                                      \
        if (th_checks_failed == th_before) {                                                       \
            th_pass++;                                                                             \
            printf("ok   %s\n", #fn);                                                              \
        } else {                                                                                   \
            th_fail++;                                                                             \
            printf("FAIL %s\n", #fn);                                                              \
        }                                                                                          \
        fflush(stdout);                                                                            \
    } while (0)

#define TEST_END() (printf("%d passed, %d failed\n", th_pass, th_fail), fflush(stdout), th_fail ? 1 : 0)

/* The folders made by test_tmpdir, removed with all they hold when the
 * test program exits (in the process that made them only: a forked child
 * that calls exit() leaves them alone), so make check leaves nothing. */
static char th_dirs[256][512];
static int th_n_dirs;
static pid_t th_owner;

/* Removes path and everything under it (links are not followed). */
static void th_rm_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0700); /* a test may have made it read-only */
        DIR *d = opendir(path);
        struct dirent *de;
        while (d && (de = readdir(d))) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            char child[4096];
            snprintf(child, sizeof child, "%s/%s", path, de->d_name);
            th_rm_tree(child);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void th_cleanup(void)
{
    if (getpid() != th_owner)
        return;
    for (int i = 0; i < th_n_dirs; i++)
        th_rm_tree(th_dirs[i]);
    th_n_dirs = 0;
}

/* A new empty folder under $TMPDIR (or /tmp), removed at exit; the path is
 * static storage valid until the next call. */
static inline const char *test_tmpdir(void)
{
    static char dir[512];
    const char *t = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/runhip-test-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(2);
    }
    if (th_n_dirs == 0 && th_owner == 0) {
        th_owner = getpid();
        atexit(th_cleanup);
    }
    if (th_n_dirs < (int)(sizeof th_dirs / sizeof th_dirs[0]))
        snprintf(th_dirs[th_n_dirs++], sizeof th_dirs[0], "%s", dir);
    return dir;
}

/* Reads a whole (small) file; returns malloc'ed NUL-terminated text or NULL. */
static inline char *test_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    fclose(f);
    if (p) {
        p[n] = '\0';
        if (len)
            *len = (size_t)n;
    }
    return p;
}

#endif
