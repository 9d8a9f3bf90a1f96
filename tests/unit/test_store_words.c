/* SPDX-License-Identifier: MIT */
/* code24: the store's errors a runner reads are data/wording.txt
 * [store_words], texts with named holes checked at the store's open
 * against the library's own table (rh_store_words_keys). Each message is
 * checked whole, as `runhip log`, `runhip shoes`, `runhip checkin` and the
 * web's forms say it (the words the C said before the move), so a text
 * lost, or a hole filled with the wrong value, fails here. */
#include <sqlite3.h>

#include "harness.h"
#include "named_table_check.h"
#include "runhip/load.h"
#include "runhip/store.h"
#include "runhip/text.h"

static struct rh_store *open_tmp(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/words.db", test_tmpdir());
    struct rh_store *s = NULL;
    struct rh_err e;
    rh_err_clear(&e);
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    return s;
}

/* The section fits the library's table; a hole dropped or added is refused
 * naming the key; each text filled with its own values is whole. */
static void test_table_checks_the_section(void)
{
    size_t n = 0;
    const struct rh_words_named *all = rh_store_words_keys(&n);
    CHECK(all != NULL && n > 10 && n <= 128);
    check_named_table("store_words", all, n, 5);
}

#define MSG(call, code, want)                                                                      \
    do {                                                                                           \
        rh_err_clear(&e);                                                                          \
        CHECK_INT((call), (code));                                                                 \
        CHECK_STR(e.msg, (want));                                                                  \
    } while (0)

static void test_diary_messages(void)
{
    struct rh_store *s = open_tmp();
    if (!s)
        return;
    struct rh_err e;
    char long_signs[RH_SIGNS_TEXT_MAX + 8];
    memset(long_signs, 'a', sizeof long_signs - 1);
    long_signs[sizeof long_signs - 1] = '\0';
    MSG(rh_store_signs_check(long_signs, &e), RH_EFORMAT, "signs: at most 399 characters");
    MSG(rh_store_signs_check("limp, Fever", &e), RH_EFORMAT,
        "signs: words of a-z and _ separated by ', ', got 'limp, Fever'");
    MSG(rh_pain_activity_check("swim", &e), RH_EINVAL,
        "activity: 'swim' is not run, walk, cross_train, strength or mobility");
    struct rh_pain_entry p = {.day = 20000, .pain = 11, .during_run = -1, .next_morning = -1};
    MSG(rh_store_pain_add(s, &p, NULL, &e), RH_ERANGE, "pain must be 0..10, got 11");
    p.pain = 3;
    p.during_run = 12;
    MSG(rh_store_pain_add(s, &p, NULL, &e), RH_ERANGE,
        "pain during the run must be 0..10, got 12");
    p.during_run = -1;
    p.next_morning = 11;
    MSG(rh_store_pain_add(s, &p, NULL, &e), RH_ERANGE, "next-morning pain must be 0..10, got 11");
    p.next_morning = -1;
    snprintf(p.activity, sizeof p.activity, "run");
    MSG(rh_store_pain_add(s, &p, NULL, &e), RH_EINVAL,
        "the activity goes with the pain during it (--during-run)");
    p.activity[0] = '\0';
    p.note = (char *)"sore\x01";
    rh_err_clear(&e);
    CHECK_INT(rh_store_pain_add(s, &p, NULL, &e), RH_ESYNTAX);
    CHECK(strncmp(e.msg, "the note has a control character", 32) == 0);
    p.note = NULL;
    MSG(rh_store_pain_set_next_morning(s, 1, 11, &e), RH_ERANGE,
        "next-morning pain must be 0..10, got 11");
    MSG(rh_store_pain_set_next_morning(s, 999, 2, &e), RH_ENOTFOUND, "no pain entry 999");

    struct rh_session se = {.day = 20000, .kind = RH_SESSION__COUNT, .minutes = RH_NONE,
                            .rpe = -1};
    MSG(rh_store_session_add(s, &se, NULL, &e), RH_EKEY, "unknown session kind");
    se.kind = RH_SESSION_RUN;
    se.minutes = 2000;
    MSG(rh_store_session_add(s, &se, NULL, &e), RH_ERANGE, "minutes must be 0..1440, got 2000");
    se.minutes = 30;
    se.rpe = 11;
    MSG(rh_store_session_add(s, &se, NULL, &e), RH_ERANGE, "RPE must be 0..10, got 11");
    se.rpe = -1;
    se.km = 1000.5;
    MSG(rh_store_session_add(s, &se, NULL, &e), RH_ERANGE, "km must be 0..1000, got 1000.5");
    se.km = 50;
    MSG(rh_store_session_add(s, &se, NULL, &e), RH_ERANGE,
        "50 km in 30 minutes is faster than anyone runs: give the run's time in minutes, or "
        "leave the time out");
    se.minutes = 1;
    se.km = 2.5;
    MSG(rh_store_session_add(s, &se, NULL, &e), RH_ERANGE,
        "2.5 km in 1 minute is faster than anyone runs: give the run's time in minutes, or "
        "leave the time out");
    se.kind = RH_SESSION_STRENGTH;
    se.minutes = 30;
    MSG(rh_store_session_add(s, &se, NULL, &e), RH_EINVAL,
        "km is for a run, not a strength session");

    struct rh_checkin c = {.day = 20000, .severity = 101};
    MSG(rh_store_checkin_add(s, &c, NULL, &e), RH_ERANGE, "severity must be 0..100, got 101");
    c.severity = 8;
    memset(c.note, 'x', sizeof c.note);
    MSG(rh_store_checkin_add(s, &c, NULL, &e), RH_ERANGE, "the note is too long");

    MSG(rh_store_assessment_latest(s, NULL, NULL, &(char *){NULL}, &(char *){NULL}, &e),
        RH_ENOTFOUND, "no assessment stored yet");
    char *state = NULL;
    MSG(rh_store_plan_latest(s, NULL, NULL, &state, &e), RH_ENOTFOUND, "no plan stored yet");
    MSG(rh_store_plan_update(s, 42, "{}", &e), RH_ENOTFOUND, "no plan 42");
    rh_store_close(s);
}

static void test_shoe_messages(void)
{
    struct rh_store *s = open_tmp();
    if (!s)
        return;
    struct rh_err e;
    MSG(rh_store_shoe_put(s, "", 0, -1, -1, &e), RH_EINVAL, "a shoe needs a name");
    MSG(rh_store_shoe_put(s, "Pegasus", 20000, -1, -1, &e), RH_ERANGE,
        "shoe distance must be 0..10000 km");
    MSG(rh_store_shoe_put(s, "Pegasus", 0, 20000, 19999, &e), RH_ERANGE,
        "'Pegasus' cannot be retired on 2024-10-03, before its first day 2024-10-04; nothing "
        "changed");
    rh_err_clear(&e);
    CHECK_INT(rh_store_shoe_put(s, "Peg\x02", 0, -1, -1, &e), RH_ESYNTAX);
    CHECK(strncmp(e.msg, "the shoe name has a control character", 37) == 0);
    rh_store_close(s);
}

static void test_visit_messages(void)
{
    struct rh_err e;
    struct rh_visit v;
    enum rh_visit_outcome o;
    MSG(rh_visit_outcome_parse("maybe", &o, &e), RH_EKEY,
        "unknown visit outcome 'maybe' (cleared, no_running, walk_run or cross_train)");
    MSG(rh_visit_from_words(&v, 20000, "", NULL, NULL, &e), RH_EINVAL,
        "say what the visit decided: cleared to run, no running for some weeks, back to running "
        "as walk-run, or cross-training only for some weeks");
    MSG(rh_visit_from_words(&v, 20000, "no_running", "99", NULL, &e), RH_ERANGE,
        "the weeks must be a whole number from 1 to 52, got '99'");
    MSG(rh_visit_from_words(&v, 20000, "no_running", NULL, NULL, &e), RH_ERANGE,
        "no running needs its length in weeks, 1 to 52");
    MSG(rh_visit_from_words(&v, 20000, "cross_train", NULL, NULL, &e), RH_ERANGE,
        "cross-training only needs its length in weeks, 1 to 52");
    MSG(rh_visit_from_words(&v, 20000, "cleared", "2", NULL, &e), RH_ERANGE,
        "weeks go with a restriction (no running, or cross-training only), not with cleared to "
        "run");
    memset(&v, 0, sizeof v);
    v.outcome = RH_VISIT_CROSS_TRAIN;
    v.weeks = 60;
    MSG(rh_visit_check(&v, &e), RH_ERANGE,
        "cross-training only needs its length in weeks, 1 to 52, got 60");
    char note[sizeof v.note + 4];
    memset(note, 'x', sizeof note - 1);
    note[sizeof note - 1] = '\0';
    MSG(rh_visit_from_words(&v, 20000, "cleared", NULL, note, &e), RH_ELIMIT,
        "the note is too long");
}

/* What a visit decided, in words (log visit's reply, log list, the plan,
 * the report, the web's Diary) */
static void test_visit_words(void)
{
    CHECK_STR(rh_visit_outcome_said(RH_VISIT_CLEARED), "cleared to run");
    CHECK_STR(rh_visit_outcome_said(RH_VISIT_NO_RUNNING), "no running for some weeks");
    CHECK_STR(rh_visit_outcome_said(RH_VISIT_WALK_RUN), "back to running as walk-run");
    CHECK_STR(rh_visit_outcome_said(RH_VISIT_CROSS_TRAIN),
              "cross-training only, no running, for some weeks");
    CHECK_STR(rh_visit_outcome_said(RH_VISIT__COUNT), "?");
    struct rh_visit v = {.outcome = RH_VISIT_NO_RUNNING, .weeks = 6};
    char said[200];
    rh_visit_said_of(&v, said, sizeof said);
    CHECK_STR(said, "no running for 6 weeks");
    v.weeks = 1;
    rh_visit_said_of(&v, said, sizeof said);
    CHECK_STR(said, "no running for 1 week");
    v.outcome = RH_VISIT_CROSS_TRAIN;
    rh_visit_said_of(&v, said, sizeof said);
    CHECK_STR(said, "cross-training only, no running, for 1 week");
    v.weeks = 3;
    rh_visit_said_of(&v, said, sizeof said);
    CHECK_STR(said, "cross-training only, no running, for 3 weeks");
    v.outcome = RH_VISIT_WALK_RUN;
    v.weeks = 0;
    rh_visit_said_of(&v, said, sizeof said);
    CHECK_STR(said, "back to running as walk-run");
}

static void test_profile_messages(void)
{
    struct rh_err e;
    size_t n = 0;
    const struct rh_profile_key *k = rh_profile_keys(&n);
    CHECK_INT((long)n, 6);
    for (size_t i = 0; i < n; i++) {
        char key[64];
        snprintf(key, sizeof key, "what_%s", k[i].key);
        CHECK_STR(k[i].what, rh_words_or_empty("store_words", key));
        CHECK(*k[i].what);
    }
    MSG(rh_profile_check("foo", "1", &e), RH_EKEY,
        "'foo' is not a profile key: use tz, sex, birth_year, rest_hr, max_hr or weight_kg");
    MSG(rh_profile_check("birth_year", "", &e), RH_EINVAL, "birth_year needs a value (year of birth)");
    MSG(rh_profile_check("sex", "", &e), RH_EINVAL,
        "sex needs a value (female, male or other (the heart-rate load formula differs))");
    MSG(rh_profile_check("sex", "q", &e), RH_ERANGE,
        "sex: 'q' is not female (f), male (m) or other");
    MSG(rh_profile_check("birth_year", "abc", &e), RH_ESYNTAX,
        "year of birth: 'abc' is not a whole number");
    MSG(rh_profile_check("rest_hr", "500", &e), RH_ERANGE,
        "resting heart rate, beats per minute: 500 is outside 25..120");
    MSG(rh_profile_check("weight_kg", "5", &e), RH_ERANGE, "body weight, kg: 5 is outside 25..250");
    MSG(rh_profile_check_on("birth_year", "2090", rh_days_from_civil(2026, 12, 4), &e), RH_ERANGE,
        "year of birth: 2090 is after this year (2026)");
}

static void test_correction_messages(void)
{
    struct rh_store *s = open_tmp();
    if (!s)
        return;
    struct rh_err e;
    MSG(rh_store_activity_set(s, 5, NULL, NULL, &e), RH_EINVAL,
        "KEY=VALUE needed: sport, shoe or excluded");
    MSG(rh_store_activity_set(s, 5, "sport", "bike", &e), RH_EKEY,
        "sport: 'bike' is not one of other, running, trail_running, treadmill, walking, cycling, "
        "swimming, strength");
    MSG(rh_store_activity_set(s, 5, "excluded", "maybe", &e), RH_EKEY,
        "excluded: 'maybe' is not yes or no");
    MSG(rh_store_activity_set(s, 5, "foo", "1", &e), RH_EKEY,
        "'foo' cannot be set: use sport, shoe or excluded");
    MSG(rh_store_activity_set(s, 5, "sport", "running", &e), RH_ENOTFOUND,
        "there is no activity 5; see 'runhip activities'");
    rh_err_clear(&e);
    CHECK_INT(rh_store_activity_set(s, 5, "shoe", "Peg\x03", &e), RH_ESYNTAX);
    CHECK(strncmp(e.msg, "the shoe name has a control character", 37) == 0);
    MSG(rh_store_shoe_retire(s, "Nope", -1, 20000, &e), RH_ENOTFOUND,
        "no shoe called 'Nope'; see 'runhip shoes'");
    MSG(rh_store_shoe_retire(s, "", -1, 20000, &e), RH_EINVAL, "a shoe needs a name");
    int32_t day = 0;
    MSG(rh_store_activity_last_day(s, &day, &e), RH_ENOTFOUND, "no activities stored");
    rh_store_close(s);
}

static int raw_sql(const char *path, const char *sql)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return -1;
    int r = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return r;
}

/* The database's own errors, said after its path by the caller */
static void test_database_messages(void)
{
    struct rh_err e;
    struct rh_store *s = NULL;
    const char *dir = test_tmpdir();
    char p[700], q[800], want[300];
    MSG(rh_store_open("", 0, &s, &e), RH_EINVAL, "no database path");
    MSG(rh_store_open(dir, 0, &s, &e), RH_EIO, "is a folder, not a database file");
    MSG(rh_store_open("/dev/null", 0, &s, &e), RH_EDB,
        "is not a runhip database (not a regular file); it was left untouched");
    snprintf(p, sizeof p, "%s/text.db", dir);
    FILE *f = fopen(p, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("not a database at all, just words\n", f);
        fclose(f);
    }
    MSG(rh_store_open(p, 0, &s, &e), RH_EDB,
        "is not a runhip database (not an SQLite file); it was left untouched");
    snprintf(p, sizeof p, "%s/other.db", dir);
    CHECK_INT(raw_sql(p, "PRAGMA application_id = 1234; CREATE TABLE t(x);"), 0);
    MSG(rh_store_open(p, 0, &s, &e), RH_EDB,
        "is the database of another program (application id 0x000004d2), not runhip's; it was "
        "left untouched");
    snprintf(p, sizeof p, "%s/nomark.db", dir);
    CHECK_INT(raw_sql(p, "CREATE TABLE t(x);"), 0);
    MSG(rh_store_open(p, 0, &s, &e), RH_EDB,
        "is an SQLite database of another program (it has no runhip marker); runhip refused to "
        "open it and left it untouched");
    snprintf(p, sizeof p, "%s/none.db", dir);
    MSG(rh_store_open(p, RH_STORE_EXISTING, &s, &e), RH_ENOTFOUND, "no runhip database here yet");
    /* a folder where a file is: the path's folders cannot be made */
    snprintf(q, sizeof q, "%s/sub/x.db", p);
    f = fopen(p, "w");
    if (f)
        fclose(f);
    MSG(rh_store_open(q, RH_STORE_MKDIR, &s, &e), RH_EIO,
        "cannot open the database: Not a directory");
    /* a folder that cannot be made (Linux's /proc takes none) */
    MSG(rh_store_open("/proc/runhip-code24/x.db", RH_STORE_MKDIR, &s, &e), RH_EIO,
        "cannot create directory '/proc/runhip-code24': No such file or directory");
    /* a schema newer than this runhip's; one older, opened read-only */
    snprintf(p, sizeof p, "%s/new.db", dir);
    CHECK_INT(rh_store_open(p, 0, &s, &e), 0);
    rh_store_close(s);
    CHECK_INT(raw_sql(p, "PRAGMA user_version = 99;"), 0);
    snprintf(want, sizeof want,
             "has schema version 99, newer than this runhip's %d; upgrade runhip (the database "
             "was left untouched)", RH_STORE_SCHEMA_VERSION);
    MSG(rh_store_open(p, 0, &s, &e), RH_EVERSION, want);
    CHECK_INT(raw_sql(p, "PRAGMA user_version = 1;"), 0);
    MSG(rh_store_open(p, RH_STORE_READONLY, &s, &e), RH_EDB,
        "needs an upgrade but was opened read-only");
}

static void test_activity_messages(void)
{
    struct rh_store *s = open_tmp();
    if (!s)
        return;
    struct rh_err e;
    struct rh_activity a;
    rh_activity_init(&a);
    a.format = RH_FMT_GPX;
    a.sport = RH_SPORT_RUNNING;
    a.has_start = true;
    a.start_utc = 1700000000;
    a.total_distance_m = 10000;
    a.total_elapsed_s = 3000;
    a.n_records = 600;
    a.content_hash = 77;
    rh_activity_set_str(&a.file, "run.gpx");
    int64_t id = 0;
    CHECK_INT(rh_store_activity_add(s, &a, &id, &e), 0);
    MSG(rh_store_activity_add(s, &a, NULL, &e), RH_EDUP, "already stored as activity 1 (run.gpx)");
    struct rh_activity got;
    MSG(rh_store_activity_get(s, 999, 0, &got, &e), RH_ENOTFOUND, "no activity 999");
    rh_activity_release(&a);
    rh_store_close(s);
}

/* The database refuses a write (a trigger stands for a full disk or a
 * lock): what could not be done, then SQLite's own reason */
static void test_failure_messages(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/fail.db", test_tmpdir());
    struct rh_store *s = NULL;
    struct rh_err e;
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (!s)
        return;
    rh_store_close(s);
    static const char *const tables[] = {"pain", "session", "shoe", "checkin", "visit",
                                         "assessment", "plan", "profile"};
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        char sql[300];
        snprintf(sql, sizeof sql,
                 "CREATE TRIGGER no_%s BEFORE INSERT ON %s BEGIN SELECT RAISE(ABORT, "
                 "'refused by the test'); END;",
                 tables[i], tables[i]);
        CHECK_INT(raw_sql(path, sql), 0);
    }
    CHECK_INT(rh_store_open(path, 0, &s, &e), 0);
    if (!s)
        return;
    struct rh_pain_entry p = {.day = 20000, .pain = 3, .during_run = -1, .next_morning = -1};
    MSG(rh_store_pain_add(s, &p, NULL, &e), RH_EDB, "cannot store pain entry: refused by the test");
    struct rh_session se = {.day = 20000, .kind = RH_SESSION_STRENGTH, .minutes = 20, .rpe = -1};
    MSG(rh_store_session_add(s, &se, NULL, &e), RH_EDB, "cannot store session: refused by the test");
    MSG(rh_store_shoe_put(s, "Pegasus", 0, 20000, -1, &e), RH_EDB,
        "cannot store shoe: refused by the test");
    struct rh_checkin c = {.day = 20000, .severity = 8};
    MSG(rh_store_checkin_add(s, &c, NULL, &e), RH_EDB, "cannot store check-in: refused by the test");
    struct rh_visit v = {.day = 20000, .outcome = RH_VISIT_CLEARED};
    MSG(rh_store_visit_add(s, &v, NULL, &e), RH_EDB, "cannot store the visit: refused by the test");
    MSG(rh_store_assessment_add(s, 0, "{}", "{}", NULL, &e), RH_EDB,
        "cannot store assessment: refused by the test");
    MSG(rh_store_plan_add(s, 0, 0, "{}", NULL, &e), RH_EDB, "cannot store plan: refused by the test");
    MSG(rh_store_profile_set(s, "rest_hr", "50", &e), RH_EDB,
        "cannot save the profile: refused by the test");
    rh_store_close(s);
}

int main(void)
{
    RUN(test_table_checks_the_section);
    RUN(test_diary_messages);
    RUN(test_shoe_messages);
    RUN(test_visit_messages);
    RUN(test_visit_words);
    RUN(test_profile_messages);
    RUN(test_correction_messages);
    RUN(test_database_messages);
    RUN(test_activity_messages);
    RUN(test_failure_messages);
    return TEST_END();
}
