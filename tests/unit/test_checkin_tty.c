/* SPDX-License-Identifier: MIT */
/* `runhip checkin` on a terminal takes back and skip like assess (issue
 * 15): b goes back to the previous question, Enter skips one of questions
 * 2-4 (stored as not answered, the severity said to be a lower bound), q or
 * Enter twice on question 1 stops with nothing stored. Then, as the web
 * check-in, the warning signs and a note (review9 #7). */
#define _XOPEN_SOURCE 700 /* posix_openpt, grantpt, unlockpt, ptsname */
#include <sqlite3.h>

#include "harness.h"
#include "pty.h"
#include "runhip/intake.h"
#include "runhip/triage.h"

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

/* `runhip checkin [--date DATE]` ($RUNHIP) on a pty, today pinned to
 * 2026-11-30, on a database in a new folder (its path left in db). */
static bool start(struct pty *p, char *db, size_t n, const char *date)
{
    if (n)
        snprintf(db, n, "%s/c.db", test_tmpdir());
    const char *prog = getenv("RUNHIP");
    static char a_db[] = "--db", a_today[] = "--today", a_day[] = "2026-11-30", a_cmd[] = "checkin",
                a_date[] = "--date";
    char *argv[] = {(char *)(prog && *prog ? prog : "build/san/runhip"),
                    a_db,
                    db,
                    a_today,
                    a_day,
                    a_cmd,
                    date ? a_date : NULL,
                    (char *)date,
                    NULL};
    return pty_run(p, argv);
}

/* Waits for question q (none when 0), then for its prompt, and answers. */
static void answer(struct pty *p, int q, const char *text)
{
    if (q) {
        char want[16];
        snprintf(want, sizeof want, "%d. ", q);
        CHECK(pty_wait(p, want));
    }
    CHECK(pty_wait(p, "Your answer"));
    CHECK(pty_send(p, text));
}

/* The sign question and the note after the four questions: none of each. */
static void no_signs_no_note(struct pty *p)
{
    CHECK(pty_wait(p, "Signs (numbers"));
    CHECK(pty_send(p, "\n"));
    CHECK(pty_wait(p, "Note: "));
    CHECK(pty_send(p, "\n"));
}

static void test_back_changes_an_answer(void)
{
    char db[600];
    struct pty p;
    CHECK(start(&p, db, sizeof db, NULL));
    answer(&p, 0, "2\n");
    answer(&p, 2, "b\n");
    answer(&p, 1, "3\n");
    for (int q = 2; q <= 4; q++)
        answer(&p, q, "2\n");
    no_signs_no_note(&p);
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(checkins(db), 1);
}

/* One question skipped: the others answered and stored, the skipped one
 * stored as not answered, the severity said as a lower bound. */
static void test_skip_one_question(void)
{
    char db[600];
    struct pty p;
    CHECK(start(&p, db, sizeof db, NULL));
    answer(&p, 0, "2\n");
    CHECK(pty_wait(&p, "2. "));
    CHECK(pty_wait(&p, "Enter skip"));
    CHECK(pty_send(&p, "\n")); /* question 2 skipped */
    CHECK(pty_wait(&p, "Skipped."));
    answer(&p, 3, "3\n");
    answer(&p, 4, "2\n");
    no_signs_no_note(&p);
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
    struct pty p;
    CHECK(start(&p, db, sizeof db, NULL));
    answer(&p, 0, "\n");
    CHECK(pty_wait(&p, "press Enter again"));
    CHECK(pty_send(&p, "\n"));
    CHECK(pty_wait(&p, "nothing stored"));
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(checkins(db), 0);
    CHECK(start(&p, db, 0, NULL));
    answer(&p, 0, "2\n");
    answer(&p, 0, "q\n");
    CHECK(pty_wait(&p, "nothing stored"));
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(checkins(db), 0);
}

/* A number out of range is asked again; a week dated by --date; "no pain"
 * on question 1 ends the check-in there (severity 0). */
static void test_out_of_range_and_no_pain(void)
{
    char db[600];
    struct pty p;
    CHECK(start(&p, db, sizeof db, "2026-11-22"));
    CHECK(pty_wait(&p, "Over the past seven days"));
    answer(&p, 0, "2\n");
    answer(&p, 2, "9\n");
    CHECK(pty_wait(&p, "Please type a number from 1 to 4"));
    answer(&p, 0, "2\n");
    answer(&p, 3, "3\n");
    answer(&p, 4, "1\n");
    no_signs_no_note(&p);
    CHECK(pty_wait(&p, "severity 33/100"));
    CHECK_INT(pty_end(&p), 0);
    CHECK(start(&p, db, 0, "2026-11-29"));
    answer(&p, 1, "1\n");
    no_signs_no_note(&p);
    CHECK(pty_wait(&p, "severity 0/100"));
    CHECK_INT(pty_end(&p), 0);
    CHECK(strstr(p.seen, "2. Over the past") == NULL);
    CHECK_INT(checkins(db), 2);
    CHECK_INT(query(db, "SELECT count(*) FROM checkin WHERE day = 20779"), 1); /* 2026-11-22 */
}

/* review9 #7: a red flag can be entered in the terminal's check-in, as on
 * the web: a sign picked by its number and a note, read by the diary's
 * rules; the check-in is stored and running stops. A wrong number is asked
 * again. */
static void test_signs_and_note_raise_a_red_flag(void)
{
    char db[600];
    struct pty p;
    CHECK(start(&p, db, sizeof db, NULL));
    answer(&p, 1, "2\n");
    for (int q = 2; q <= 4; q++)
        answer(&p, q, "2\n");
    CHECK(pty_wait(&p, "Any of these this week?"));
    CHECK(pty_wait(&p, "Signs (numbers"));
    CHECK(pty_send(&p, "99\n"));
    CHECK(pty_wait(&p, "Not understood"));
    /* the number of "fever" in the list shown */
    int fever = 0;
    for (int i = 0; i < rh_intake_word_count(RH_INTAKE_LIST_SIGN); i++)
        if (strcmp(rh_intake_word(RH_INTAKE_LIST_SIGN, i), "fever") == 0)
            fever = i + 1;
    CHECK(fever > 0);
    char line[16];
    snprintf(line, sizeof line, "%d\n", fever);
    CHECK(pty_wait(&p, "Signs (numbers"));
    CHECK(pty_send(&p, line));
    CHECK(pty_wait(&p, "Note: "));
    CHECK(pty_send(&p, "felt shivery on Tuesday\n"));
    CHECK(pty_wait(&p, "severity"));
    CHECK_INT(pty_end(&p), 0);
    CHECK(strstr(p.seen, "Warning sign") != NULL);
    CHECK_INT(checkins(db), 1);
    CHECK_INT(query(db, "SELECT count(*) FROM checkin"), 1);
}

/* runner23: the terminal's check-in offers the signs the web's does, in
 * its order (rh_triage_sign_choices): it left out the diary's own ticks,
 * night pain and tingling, which `runhip checkin --help` names. The one
 * picked by its number is stored. */
struct nth {
    const char *want;
    int i, at;
};
static int find_sign(void *arg, const char *word, const char *label, uint32_t bit)
{
    (void)label;
    (void)bit;
    struct nth *n = arg;
    n->i++;
    if (strcmp(word, n->want) == 0)
        n->at = n->i;
    return 0;
}

static void test_signs_are_the_webs(void)
{
    char db[600];
    struct pty p;
    CHECK(start(&p, db, sizeof db, NULL));
    answer(&p, 1, "2\n");
    for (int q = 2; q <= 4; q++)
        answer(&p, q, "2\n");
    CHECK(pty_wait(&p, "Signs (numbers"));
    CHECK(strstr(p.seen, ") The pain wakes me at night") != NULL);
    CHECK(strstr(p.seen, ") Tingling or pins and needles") != NULL);
    struct nth n = {"wakes_at_night", 0, 0};
    CHECK_INT(rh_triage_sign_choices(find_sign, &n), 0);
    CHECK(n.at > 0);
    char line[16], shown[80];
    snprintf(shown, sizeof shown, "%d) The pain wakes me at night", n.at);
    CHECK(strstr(p.seen, shown) != NULL);
    snprintf(line, sizeof line, "%d\n", n.at);
    CHECK(pty_send(&p, line));
    CHECK(pty_wait(&p, "Note: "));
    CHECK(pty_send(&p, "\n"));
    CHECK(pty_wait(&p, "severity"));
    CHECK_INT(pty_end(&p), 0);
    CHECK_INT(query(db, "SELECT count(*) FROM checkin WHERE signs = 'wakes_at_night'"), 1);
}

int main(void)
{
    RUN(test_back_changes_an_answer);
    RUN(test_skip_one_question);
    RUN(test_stop_stores_nothing);
    RUN(test_out_of_range_and_no_pain);
    RUN(test_signs_and_note_raise_a_red_flag);
    RUN(test_signs_are_the_webs);
    return TEST_END();
}
