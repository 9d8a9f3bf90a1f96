/* SPDX-License-Identifier: MIT */
/* `runhip checkin` on a terminal takes back and skip like assess (issue
 * 15): b goes back to the previous question, Enter skips one of questions
 * 2-4 (stored as not answered, the severity said to be a lower bound), q or
 * Enter twice on question 1 stops with nothing stored. */
#define _XOPEN_SOURCE 700 /* posix_openpt, grantpt, unlockpt, ptsname */
#include <sqlite3.h>

#include "harness.h"
#include "pty.h"

/* The first number a query on db gives (0 when there is no database). */
static long query(const char *db, const char *sql)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    long n = 0;
    if (access(db, F_OK) != 0 || sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return n;
}

static long checkins(const char *db)
{
    return query(db, "SELECT count(*) FROM checkin");
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

/* One question skipped: the others answered and stored, the skipped one
 * stored as not answered, the severity said as a lower bound. */
static void test_skip_one_question(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/c.db", test_tmpdir());
    struct pty p;
    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "2\n"));
    CHECK(pty_wait(&p, "2. "));
    CHECK(pty_wait(&p, "Enter skip"));
    CHECK(pty_send(&p, "\n")); /* question 2 skipped */
    CHECK(pty_wait(&p, "Skipped."));
    CHECK(pty_wait(&p, "3. "));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "3\n"));
    CHECK(pty_wait(&p, "4. "));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "2\n"));
    CHECK(pty_wait(&p, "severity at least 33/100"));
    CHECK_INT(pty_end(&p), 0);
    CHECK(strstr(p.seen, "because question 2 was skipped") != NULL);
    CHECK_INT(checkins(db), 1);
    CHECK_INT(query(db, "SELECT severity FROM checkin"), 33); /* 8 + 17 + 8 */
    CHECK_INT(query(db, "SELECT count(*) FROM checkin WHERE q2 IS NULL AND q3 = 17"), 1);
}

/* Question 1 decides the others: Enter there asks again, and Enter twice
 * (or q anywhere) stops with nothing stored. */
static void test_stop_stores_nothing(void)
{
    char db[600];
    snprintf(db, sizeof db, "%s/c.db", test_tmpdir());
    struct pty p;
    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "\n"));
    CHECK(pty_wait(&p, "press Enter again"));
    CHECK(pty_send(&p, "\n"));
    CHECK(pty_wait(&p, "nothing stored"));
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(checkins(db), 0);
    CHECK(start(&p, db));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "2\n"));
    CHECK(pty_wait(&p, "Your answer"));
    CHECK(pty_send(&p, "q\n"));
    CHECK(pty_wait(&p, "nothing stored"));
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(checkins(db), 0);
}

int main(void)
{
    RUN(test_back_changes_an_answer);
    RUN(test_skip_one_question);
    RUN(test_stop_stores_nothing);
    return TEST_END();
}
