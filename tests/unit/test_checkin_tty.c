/* SPDX-License-Identifier: MIT */
/* `runhip checkin` on a terminal takes back and skip like assess (issue
 * 15): b goes back to the previous question, q or Enter twice stops with
 * nothing stored. */
#define _XOPEN_SOURCE 700 /* posix_openpt, grantpt, unlockpt, ptsname */
#include <sqlite3.h>

#include "harness.h"
#include "pty.h"

static long checkins(const char *db)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    long n = 0;
    if (access(db, F_OK) != 0 || sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM checkin", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return n;
}

static bool start(struct pty *p, const char *db)
{
    const char *prog = getenv("RUNHIP");
    static char a_db[] = "--db", a_today[] = "--today", a_day[] = "2026-11-30",
                a_cmd[] = "checkin";
    char *argv[] = {(char *)(prog && *prog ? prog : "build/san/runhip"), a_db, (char *)db,
                    a_today, a_day, a_cmd, NULL};
    return pty_run(p, argv);
}

static void test_back_changes_an_answer(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/c.db", test_tmpdir());
    struct pty p;
    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "2\n"));
    CHECK(pty_wait(&p, "2. "));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "b\n"));
    CHECK(pty_wait(&p, "1. "));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "3\n"));
    for (int q = 2; q <= 4; q++) {
        char want[16];
        snprintf(want, sizeof want, "%d. ", q);
        CHECK(pty_wait(&p, want));
        CHECK(pty_wait(&p, "Your answer"));
        CHECK(pty_send(&p, "2\n"));
    }
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(checkins(db), 1);
}

static void test_skip_stores_nothing(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/c.db", test_tmpdir());
    struct pty p;
    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "2\n"));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "\n"));
    CHECK(pty_wait(&p, "press Enter again"));
    CHECK(pty_send(&p, "\n"));
    CHECK(pty_wait(&p, "nothing stored"));
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(checkins(db), 0);
    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "q\n"));
    CHECK(pty_wait(&p, "nothing stored"));
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(checkins(db), 0);
}

int main(void)
{
    RUN(test_back_changes_an_answer);
    RUN(test_skip_stores_nothing);
    return TEST_END();
}
