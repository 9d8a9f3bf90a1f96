/* SPDX-License-Identifier: MIT */
/* Shared inside src/store/ only: the handle and statement helpers. */
#ifndef RUNHIP_STORE_INT_H
#define RUNHIP_STORE_INT_H

#include <sqlite3.h>

#include "runhip/store.h"

struct rh_store {
    sqlite3 *db;
    char *path;
    int txn_depth; /* >0 while the caller holds a transaction */
    bool readonly;
    struct rh_tz *tz;     /* the profile zone, else the system zone (owned) */
    char *system_zone;    /* the zone name the program gave, or NULL (owned) */
    char *profile_zone;   /* the profile's zone name s->tz was loaded from, or NULL (owned) */
    int64_t data_version; /* rh_store_refresh's last data_version, -1 before */
    bool clock_day_pinned; /* rh_store_pin_clock: at clock_day's local noon */
    int32_t clock_day;
    int64_t clock_now; /* rh_store_pin_clock: at this instant (> 0) */
};

/* Test seam (tests/unit/test_store.c): called inside a migration's
 * transaction, after its script, before its commit (to_version the version
 * it makes), so a test can kill the process there. NULL: nothing. */
extern void (*rh__store_migrate_pause)(int to_version);
/* The SQL function rh_entry_day(dated_utc, day) of a store's connection
 * (its user data the store): rh_store_entry_day. */
void rh__store_sql_entry_day(sqlite3_context *ctx, int argc, sqlite3_value **argv);
/* SQL: the entries (a table with day, dated_utc, the select's "d" their
 * rh_entry_day) of days ?1 to ?2. A day read in another zone than it was
 * stored in is at most 2 days from it (offsets of -12 to +14 hours), so
 * the stored day's index narrows the search and d decides. */
/* The zone the runner has just named (s->tz): the entries logged before
 * it, while none was named (dated_utc set), are written on their local day
 * in it and keep that day from then on (dated_utc cleared), so a later
 * change of zone (a trip, a move) leaves the days lived where they were.
 * Joins the caller's transaction. */
int rh__store_anchor_entry_days(struct rh_store *s, struct rh_err *err);
#define RH__ENTRY_DAYS_SQL "day BETWEEN ?1 - 2 AND ?2 + 2 AND d BETWEEN ?1 AND ?2"

/* Outings longer than this (2 days, in seconds) are few (multi-day events)
 * and kept in their own partial index (activity_long, schema 3), so the
 * overlap search looks back this far on the start index and finds the
 * longer ones on theirs. The SQL text must be the literal for SQLite to use
 * the partial index. */
#define RH__LONG_OUTING_S 172800
#define RH__SQLSTR_(x) #x
#define RH__SQLSTR(x) RH__SQLSTR_(x)
#define RH__LONG_OUTING_SQL RH__SQLSTR(RH__LONG_OUTING_S)
/* The longest signs text of a diary entry or check-in (schema 5's CHECK
 * needs the literal): RH_SIGNS_TEXT_MAX less its terminating zero. */
#define RH__SIGNS_MAX 399
#define RH__SIGNS_MAX_SQL RH__SQLSTR(RH__SIGNS_MAX)
_Static_assert(RH__SIGNS_MAX == RH_SIGNS_TEXT_MAX - 1, "one limit of the signs text");
/* The statement that finds the stored activities a new recording may
 * overlap (?1 its start, ?2 its end, ?3 its device): both halves use an
 * index (test_record checks the query plan). */
extern const char rh__store_overlap_sql[];
/* SQL: the pair of shoes the row `activity` was run in. Its gear when the
 * file names one; else, for a run (the sports of rh_sport_is_run), the
 * registered pair when exactly one was in use on its local day (from its
 * first day, not yet retired): most files (FIT, GPX, TCX) name no shoe, and
 * a runner who registered one pair runs in it. With two or more pairs in
 * use it cannot be told: NULL. The shoe list, `shoes` and the load report
 * all count by it. */
#define RH__STORE_SHOE_OF_ACTIVITY                                                                 \
    "(CASE WHEN activity.gear IS NOT NULL AND activity.gear <> '' THEN activity.gear"             \
    " WHEN activity.sport IN ('running', 'trail_running', 'treadmill')"                           \
    " AND activity.local_day IS NOT NULL THEN (SELECT CASE WHEN count(*) = 1 THEN min(p.name) END" \
    " FROM shoe p WHERE (p.first_day IS NULL OR p.first_day <= activity.local_day)"               \
    " AND (p.retired_day IS NULL OR p.retired_day < 0 OR p.retired_day > activity.local_day))"    \
    " END)"
/* Where a recording's content hash is looked up (?1): indexed too. */
extern const char rh__store_hash_sql[];

/* Looks for another stored record of stored activity id's outing (the
 * import's overlap rules, after a sport correction) and merges each one
 * found into id, adding to *merged. Joins the open transaction. */
int rh__store_activity_rematch(struct rh_store *s, int64_t id, size_t *merged, struct rh_err *err);

/* code24: the store's errors a runner reads, data/wording.txt
 * [store_words] (store_words.c), texts with named holes. rh__store_err:
 * err set to code and the text of key with its holes filled by the
 * NAME, VALUE pairs that follow (const char *, ended by NULL; exactly the
 * names the table gives key, asserted); returns code. rh__store_word: a
 * text without holes ("" when missing: the store's open refuses that
 * first). rh__store_words_check: the section against the table, once a
 * program (rh_store_open_tz runs it first). */
int rh__store_err(struct rh_err *err, int code, const char *key, ...);
const char *rh__store_word(const char *key);
int rh__store_words_check(struct rh_err *err);

/* Maps a SQLite failure to RH_EDB with its message. */
int rh__store_fail(struct rh_store *s, struct rh_err *err, const char *what);
/* Prepares sql (RH_EDB on failure). */
int rh__store_prepare(struct rh_store *s, const char *sql, sqlite3_stmt **st, struct rh_err *err);
/* Runs a write in its own transaction unless the caller holds one:
 * rh__store_wbegin before, rh__store_wend(ok) after. */
int rh__store_wbegin(struct rh_store *s, struct rh_err *err);
int rh__store_wend(struct rh_store *s, int rc, struct rh_err *err);
/* Binds text or NULL. */
/* text bound without a copy: v must stay alive until the statement has run */
int rh__bind_text(sqlite3_stmt *st, int i, const char *v);
/* Binds a double or NULL when absent (NaN). */
int rh__bind_double(sqlite3_stmt *st, int i, double v);
/* Column as double, NaN for NULL. */
double rh__col_double(sqlite3_stmt *st, int i);
/* Column as a new string (NULL for NULL); sets *oom on allocation failure. */
char *rh__col_strdup(sqlite3_stmt *st, int i, bool *oom);
/* Runs sql (one "?1" bound to key) and copies the first column of its first
 * row into *value (caller frees; NULL when no row). `what` names the read in
 * an error. 0, RH_ENOMEM or a store error. */
int rh__store_get_text(struct rh_store *s, const char *sql, const char *key, const char *what,
                       char **value, struct rh_err *err);

/* Loads the system zone (system_zone, NULL for /etc/localtime) into s->tz;
 * an unknown name falls back to the system file, as the C library does. */
int rh__store_zone_init(struct rh_store *s, const char *system_zone, struct rh_err *err);
/* Replaces s->tz by the profile's zone when the profile names one. */
int rh__store_zone_from_profile(struct rh_store *s, struct rh_err *err);
/* Loads the zone again when the profile's zone name is not the one loaded
 * (set, changed or unset by another connection). */
int rh__store_zone_refresh(struct rh_store *s, struct rh_err *err);
/* Sets utc_offset_min and local_day of the activities whose offset comes
 * from the zone (all: when only_missing is false; else only those with no
 * offset yet) from s->tz at each start. Joins the open transaction. */
int rh__store_fill_zone_offsets(struct rh_store *s, bool only_missing, struct rh_err *err);

#endif
