/* SPDX-License-Identifier: MIT */
/* The diary (pain entries, sessions, shoes, weekly check-ins) and the JSON
 * documents (assessments, plans) in the store. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "runhip/text.h"
#include "store/store_int.h"
#include "util/banned.h"

static int64_t now_utc(void)
{
    return (int64_t)time(NULL);
}

static void bind_opt_int(sqlite3_stmt *st, int i, int v)
{
    if (v >= 0)
        sqlite3_bind_int(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

static int col_opt_int(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

/* Runs one prepared insert/update as a write, returning the new row id. */
static int step_write(struct rh_store *s, sqlite3_stmt *st, int64_t *id, struct rh_err *err,
                      const char *what)
{
    int r = 0;
    if (sqlite3_step(st) != SQLITE_DONE)
        r = rh__store_fail(s, err, what);
    else if (id)
        *id = sqlite3_last_insert_rowid(s->db);
    sqlite3_finalize(st);
    return r;
}

/* [store_words] key with one hole, a whole number (d), an id (id) or a
 * figure as %g writes it (g) */
static int store_err_d(struct rh_err *err, int code, const char *key, const char *name, int v)
{
    char b[16];
    snprintf(b, sizeof b, "%d", v);
    return rh__store_err(err, code, key, name, b, NULL);
}

static int store_err_id(struct rh_err *err, int code, const char *key, int64_t id)
{
    char b[24];
    snprintf(b, sizeof b, "%lld", (long long)id);
    return rh__store_err(err, code, key, "id", b, NULL);
}

static int store_err_g(struct rh_err *err, int code, const char *key, const char *name, double v)
{
    char b[32];
    snprintf(b, sizeof b, "%g", v);
    return rh__store_err(err, code, key, name, b, NULL);
}

/* ---- the day of an entry (schema 10) ----------------------------------- */

int32_t rh_store_entry_day(const struct rh_store *s, int64_t dated_utc, int32_t stored_day)
{
    return dated_utc > 0 ? rh_tz_day(rh_store_zone(s), dated_utc) : stored_day;
}

void rh__store_sql_entry_day(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const struct rh_store *s = sqlite3_user_data(ctx);
    int64_t at = sqlite3_value_type(argv[0]) == SQLITE_INTEGER ? sqlite3_value_int64(argv[0]) : 0;
    sqlite3_result_int64(ctx, rh_store_entry_day(s, at, sqlite3_value_int(argv[1])));
}

void rh_store_pin_clock(struct rh_store *s, bool has_day, int32_t day, int64_t now)
{
    s->clock_now = now > 0 ? now : 0;
    s->clock_day_pinned = has_day;
    s->clock_day = day;
}

int64_t rh_store_entry_moment(const struct rh_store *s, int32_t day)
{
    if (s->profile_zone)
        return 0; /* the runner's own zone: the day is theirs as stored */
    int64_t now = s->clock_now > 0      ? s->clock_now
                  : s->clock_day_pinned ? rh_tz_noon(rh_store_zone(s), s->clock_day)
                                        : now_utc();
    return now > 0 && rh_tz_day(rh_store_zone(s), now) == day ? now : 0;
}

/* The instant entry e of day is stored with while the runner has named no
 * zone: its own (checked to fall on day in the store's zone: RH_EINVAL,
 * nothing stored), else the store's clock when e is of the day of logging
 * (rh_store_entry_moment); 0 (the day stands) otherwise, and whenever the
 * profile names the zone (an instant given is checked all the same). */
static int dated_of(const struct rh_store *s, int64_t given, int32_t day, int64_t *at,
                    struct rh_err *err)
{
    *at = 0;
    if (given < 0)
        return rh__store_err(err, RH_EINVAL, "dated_bad", NULL);
    if (given == 0) {
        *at = rh_store_entry_moment(s, day);
        return 0;
    }
    if (rh_tz_day(rh_store_zone(s), given) != day) {
        char t[21], d[11];
        rh_time_format_iso(given, t);
        rh_date_format(day, d);
        return rh__store_err(err, RH_EINVAL, "dated_off_day", "at", t, "day", d, "zone",
                             rh_tz_name(rh_store_zone(s)), NULL);
    }
    *at = s->profile_zone ? 0 : given;
    return 0;
}

static void bind_dated(sqlite3_stmt *st, int i, int64_t at)
{
    if (at > 0)
        sqlite3_bind_int64(st, i, at);
    else
        sqlite3_bind_null(st, i);
}

static int64_t col_dated(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, i);
}

int rh__store_anchor_entry_days(struct rh_store *s, struct rh_err *err)
{
    static const char *const sql[] = {
        "UPDATE pain SET day = rh_entry_day(dated_utc, day), dated_utc = NULL"
        " WHERE dated_utc IS NOT NULL",
        "UPDATE session SET day = rh_entry_day(dated_utc, day), dated_utc = NULL"
        " WHERE dated_utc IS NOT NULL",
        "UPDATE checkin SET day = rh_entry_day(dated_utc, day), dated_utc = NULL"
        " WHERE dated_utc IS NOT NULL",
        "UPDATE visit SET day = rh_entry_day(dated_utc, day), dated_utc = NULL"
        " WHERE dated_utc IS NOT NULL",
    };
    int r = 0;
    for (size_t i = 0; !r && i < sizeof sql / sizeof *sql; i++) {
        sqlite3_stmt *st;
        if (!(r = rh__store_prepare(s, sql[i], &st, err)))
            r = step_write(s, st, NULL, err, rh__store_word("fail_date_entries_time_zone"));
    }
    return r;
}

/* ---- pain --------------------------------------------------------------- */

int rh_store_signs_check(const char *text, struct rh_err *err)
{
    size_t n = text ? strnlen(text, RH_SIGNS_TEXT_MAX) : 0;
    if (n >= RH_SIGNS_TEXT_MAX)
        return store_err_d(err, RH_EFORMAT, "signs_long", "max", RH__SIGNS_MAX);
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        bool word = (c >= 'a' && c <= 'z') || c == '_';
        /* a word, or ", " between two words */
        bool sep = c == ',' && i > 0 && i + 2 < n && text[i + 1] == ' ' && text[i - 1] != ' ';
        bool space = c == ' ' && i > 0 && text[i - 1] == ',';
        if (!word && !sep && !space) {
            char got[61];
            snprintf(got, sizeof got, "%.60s", text);
            return rh__store_err(err, RH_EFORMAT, "signs_bad", "got", got, NULL);
        }
    }
    return 0;
}

static const char *const pain_activities[] = {"run", "walk", "cross_train", "strength",
                                              "mobility"};

const char *const *rh_pain_activities(size_t *n)
{
    *n = sizeof pain_activities / sizeof *pain_activities;
    return pain_activities;
}

int rh_pain_activity_check(const char *kind, struct rh_err *err)
{
    if (!kind || !*kind)
        return 0;
    for (size_t i = 0; i < sizeof pain_activities / sizeof *pain_activities; i++)
        if (strcmp(kind, pain_activities[i]) == 0)
            return 0;
    return rh__store_err(err, RH_EINVAL, "activity_bad", "kind", kind, NULL);
}

/* The signs text as stored: NULL for none. */
static void bind_signs(sqlite3_stmt *st, int i, const char *signs)
{
    rh__bind_text(st, i, signs && *signs ? signs : NULL);
}

static void col_signs(sqlite3_stmt *st, int i, char out[RH_SIGNS_TEXT_MAX])
{
    const unsigned char *t = sqlite3_column_text(st, i);
    snprintf(out, RH_SIGNS_TEXT_MAX, "%s", t ? (const char *)t : "");
}

int rh_store_pain_add(struct rh_store *s, const struct rh_pain_entry *e, int64_t *id,
                      struct rh_err *err)
{
    if (e->pain < 0 || e->pain > 10)
        return store_err_d(err, RH_ERANGE, "pain_range", "pain", e->pain);
    if (e->during_run > 10 || e->during_run < -1)
        return store_err_d(err, RH_ERANGE, "during_range", "pain", e->during_run);
    if (e->next_morning > 10 || e->next_morning < -1)
        return store_err_d(err, RH_ERANGE, "morning_range", "pain", e->next_morning);
    int bad = rh_entry_check(e->note, RH_ENTRY_NOTE, rh__store_word("the_note"), err);
    if (!bad)
        bad = rh_store_signs_check(e->signs, err);
    if (!bad)
        bad = rh_pain_activity_check(e->activity, err);
    if (!bad && e->activity[0] && e->during_run < 0)
        bad = rh__store_err(err, RH_EINVAL, "activity_alone", NULL);
    int64_t at = 0;
    if (!bad)
        bad = dated_of(s, e->dated_utc, e->day, &at, err);
    if (bad)
        return bad;
    sqlite3_stmt *st;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s,
                                "INSERT INTO pain(day, pain, during_run, next_morning, note, "
                                "created_utc, signs, activity, dated_utc) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
                                &st, err))) {
        sqlite3_bind_int(st, 1, e->day);
        sqlite3_bind_int(st, 2, e->pain);
        bind_opt_int(st, 3, e->during_run);
        bind_opt_int(st, 4, e->next_morning);
        rh__bind_text(st, 5, e->note);
        sqlite3_bind_int64(st, 6, e->created_utc ? e->created_utc : now_utc());
        bind_signs(st, 7, e->signs);
        rh__bind_text(st, 8, e->activity[0] ? e->activity : NULL);
        bind_dated(st, 9, at);
        r = step_write(s, st, id, err, rh__store_word("fail_store_pain_entry"));
    }
    return rh__store_wend(s, r, err);
}

int rh_store_pain_set_next_morning(struct rh_store *s, int64_t id, int next_morning,
                                   struct rh_err *err)
{
    if (next_morning < 0 || next_morning > 10)
        return store_err_d(err, RH_ERANGE, "morning_range", "pain", next_morning);
    sqlite3_stmt *st;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s, "UPDATE pain SET next_morning = ?2 WHERE id = ?1", &st, err))) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, next_morning);
        r = step_write(s, st, NULL, err, rh__store_word("fail_update_pain_entry"));
        if (!r && sqlite3_changes(s->db) == 0)
            r = store_err_id(err, RH_ENOTFOUND, "no_pain_entry", id);
    }
    return rh__store_wend(s, r, err);
}

void rh_pain_array_free(struct rh_pain_entry *e, size_t n)
{
    for (size_t i = 0; e && i < n; i++)
        rh_free(e[i].note);
    rh_free(e);
}

/* Generic list loop: grows *arr by elem bytes per row and calls fill. */
typedef int (*fill_fn)(sqlite3_stmt *st, void *elem);
static int list_rows(struct rh_store *s, sqlite3_stmt *st, size_t elem, fill_fn fill, void **out,
                     size_t *n, struct rh_err *err)
{
    char *arr = NULL;
    size_t cnt = 0, cap = 0;
    int rc, r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (cnt == cap) {
            size_t nc = cap ? cap * 2 : 32;
            char *na = rh_realloc(arr, nc * elem);
            if (!na) {
                r = rh_err_set(err, RH_ENOMEM, "out of memory");
                break;
            }
            arr = na;
            cap = nc;
        }
        memset(arr + cnt * elem, 0, elem);
        r = fill(st, arr + cnt * elem);
        cnt++;
        if (r) {
            rh_err_set(err, r, "out of memory");
            break;
        }
    }
    if (!r && rc != SQLITE_DONE)
        r = rh__store_fail(s, err, rh__store_word("fail_read_diary"));
    sqlite3_finalize(st);
    *out = arr;
    *n = cnt;
    return r;
}

/* Frees an array list_query filled (n rows) after a failure. */
typedef void (*drop_fn)(void *arr, size_t n);

/* Every row of a query into a new array (*out, *n), the query's ?1 and ?2
 * bound to days[0] and days[1] unless days is NULL. On failure nothing is
 * returned: the rows read so far are freed by drop (rh_free when NULL, for
 * rows that hold no pointers: the check-ins and the visits). */
static int list_query(struct rh_store *s, const char *sql, const int32_t *days, size_t elem,
                      fill_fn fill, drop_fn drop, void **out, size_t *n, struct rh_err *err)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    int r = rh__store_prepare(s, sql, &st, err);
    if (r)
        return r;
    if (days) {
        sqlite3_bind_int(st, 1, days[0]);
        sqlite3_bind_int(st, 2, days[1]);
    }
    void *arr;
    r = list_rows(s, st, elem, fill, &arr, n, err);
    if (r) {
        if (drop)
            drop(arr, *n);
        else
            rh_free(arr);
        *n = 0;
        return r;
    }
    *out = arr;
    return 0;
}

static int list_all(struct rh_store *s, const char *sql, size_t elem, fill_fn fill, void **out,
                    size_t *n, struct rh_err *err)
{
    return list_query(s, sql, NULL, elem, fill, NULL, out, n, err);
}

static int fill_pain(sqlite3_stmt *st, void *p)
{
    struct rh_pain_entry *e = p;
    bool oom = false;
    e->id = sqlite3_column_int64(st, 0);
    e->day = sqlite3_column_int(st, 1);
    e->pain = sqlite3_column_int(st, 2);
    e->during_run = col_opt_int(st, 3);
    e->next_morning = col_opt_int(st, 4);
    e->note = rh__col_strdup(st, 5, &oom);
    e->created_utc = sqlite3_column_int64(st, 6);
    col_signs(st, 7, e->signs);
    const unsigned char *act = sqlite3_column_text(st, 8);
    snprintf(e->activity, sizeof e->activity, "%s", act ? (const char *)act : "");
    e->dated_utc = col_dated(st, 9);
    return oom ? RH_ENOMEM : 0;
}

static void drop_pain(void *arr, size_t n)
{
    rh_pain_array_free(arr, n);
}

int rh_store_pain_list(struct rh_store *s, int32_t from_day, int32_t to_day,
                       struct rh_pain_entry **out, size_t *n, struct rh_err *err)
{
    const int32_t days[2] = {from_day, to_day};
    void *arr;
    int r = list_query(s,
                       "SELECT id, rh_entry_day(dated_utc, day) AS d, pain, during_run,"
                       " next_morning, note, created_utc, signs, activity, dated_utc FROM pain"
                       " WHERE " RH__ENTRY_DAYS_SQL " ORDER BY d, id",
                       days, sizeof **out, fill_pain, drop_pain, &arr, n, err);
    *out = arr;
    return r;
}

/* ---- sessions ----------------------------------------------------------- */

static const char *const kind_names[RH_SESSION__COUNT] = {"strength", "mobility", "cross_train",
                                                          "rest", "run"};

const char *rh_session_kind_name(enum rh_session_kind k)
{
    return (unsigned)k < RH_SESSION__COUNT ? kind_names[k] : "rest";
}

int rh_session_kind_parse(const char *name, enum rh_session_kind *out)
{
    for (int i = 0; i < RH_SESSION__COUNT; i++)
        if (name && strcmp(name, kind_names[i]) == 0) {
            *out = (enum rh_session_kind)i;
            return 0;
        }
    return RH_EKEY;
}

int rh_store_session_add(struct rh_store *s, const struct rh_session *e, int64_t *id,
                         struct rh_err *err)
{
    if ((unsigned)e->kind >= RH_SESSION__COUNT)
        return rh__store_err(err, RH_EKEY, "session_kind", NULL);
    if (rh_has(e->minutes) && (e->minutes < 0 || e->minutes > 1440))
        return store_err_g(err, RH_ERANGE, "minutes_range", "minutes", e->minutes);
    if (e->rpe > 10 || e->rpe < -1)
        return store_err_d(err, RH_ERANGE, "rpe_range", "rpe", e->rpe);
    if (!(e->km >= 0 && e->km <= 1000)) /* NaN too */
        return store_err_g(err, RH_ERANGE, "km_range", "km", e->km);
    if (e->km > 0 && e->kind != RH_SESSION_RUN)
        return rh__store_err(err, RH_EINVAL, "km_not_run", "kind", rh_session_kind_name(e->kind),
                             NULL);
    /* a run given with its distance and time is one a runner can run: no
     * faster than the fastest a track point may go on foot (12.5 m/s, 1:20
     * a km; RH_GPS_FOOT_MAX_MPS), so 0 minutes or a typo ("--km 50 --minutes
     * 30") is refused rather than counted (session 21, spec audit) */
    if (e->km > 0 && rh_has(e->minutes) && e->km * 1000 > e->minutes * 60 * RH_GPS_FOOT_MAX_MPS) {
        char km[32], min[32];
        snprintf(km, sizeof km, "%g", e->km);
        snprintf(min, sizeof min, "%g", e->minutes);
        return e->minutes == 1
                   ? rh__store_err(err, RH_ERANGE, "too_fast_one", "km", km, NULL)
                   : rh__store_err(err, RH_ERANGE, "too_fast", "km", km, "minutes", min, NULL);
    }
    int bad = rh_entry_check(e->note, RH_ENTRY_NOTE, rh__store_word("the_note"), err);
    int64_t at = 0;
    if (!bad)
        bad = dated_of(s, e->dated_utc, e->day, &at, err);
    if (bad)
        return bad;
    sqlite3_stmt *st;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s,
                                "INSERT INTO session(day, kind, minutes, rpe, note, created_utc,"
                                " km, dated_utc) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)",
                                &st, err))) {
        sqlite3_bind_int(st, 1, e->day);
        rh__bind_text(st, 2, rh_session_kind_name(e->kind));
        rh__bind_double(st, 3, e->minutes);
        bind_opt_int(st, 4, e->rpe);
        rh__bind_text(st, 5, e->note);
        sqlite3_bind_int64(st, 6, e->created_utc ? e->created_utc : now_utc());
        rh__bind_double(st, 7, e->km > 0 ? e->km : RH_NONE);
        bind_dated(st, 8, at);
        r = step_write(s, st, id, err, rh__store_word("fail_store_session"));
    }
    return rh__store_wend(s, r, err);
}

void rh_session_array_free(struct rh_session *e, size_t n)
{
    for (size_t i = 0; e && i < n; i++)
        rh_free(e[i].note);
    rh_free(e);
}

static int fill_session(sqlite3_stmt *st, void *p)
{
    struct rh_session *e = p;
    bool oom = false;
    e->id = sqlite3_column_int64(st, 0);
    e->day = sqlite3_column_int(st, 1);
    if (rh_session_kind_parse((const char *)sqlite3_column_text(st, 2), &e->kind))
        e->kind = RH_SESSION_REST;
    e->minutes = rh__col_double(st, 3);
    e->rpe = col_opt_int(st, 4);
    e->note = rh__col_strdup(st, 5, &oom);
    e->created_utc = sqlite3_column_int64(st, 6);
    e->km = sqlite3_column_type(st, 7) == SQLITE_NULL ? 0 : sqlite3_column_double(st, 7);
    e->dated_utc = col_dated(st, 8);
    return oom ? RH_ENOMEM : 0;
}

static void drop_sessions(void *arr, size_t n)
{
    rh_session_array_free(arr, n);
}

int rh_store_session_list(struct rh_store *s, int32_t from_day, int32_t to_day,
                          struct rh_session **out, size_t *n, struct rh_err *err)
{
    const int32_t days[2] = {from_day, to_day};
    void *arr;
    int r = list_query(s,
                       "SELECT id, rh_entry_day(dated_utc, day) AS d, kind, minutes, rpe, note,"
                       " created_utc, km, dated_utc FROM session WHERE " RH__ENTRY_DAYS_SQL
                       " ORDER BY d, id",
                       days, sizeof **out, fill_session, drop_sessions, &arr, n, err);
    *out = arr;
    return r;
}

/* ---- shoes -------------------------------------------------------------- */

int rh_store_shoe_put(struct rh_store *s, const char *name, double distance_before_km,
                      int32_t first_day, int32_t retired_day, struct rh_err *err)
{
    if (!name || !*name)
        return rh__store_err(err, RH_EINVAL, "shoe_no_name", NULL);
    int bad = rh_entry_check(name, RH_ENTRY_NAME, rh__store_word("the_shoe_name"), err);
    if (bad)
        return bad;
    if (!(distance_before_km >= 0 && distance_before_km <= 10000))
        return rh__store_err(err, RH_ERANGE, "shoe_distance", NULL);
    if (first_day >= 0 && retired_day >= 0 && retired_day < first_day) {
        /* a pair cannot be retired before it was first worn */
        char f[11], t[11];
        rh_date_format(first_day, f);
        rh_date_format(retired_day, t);
        return rh__store_err(err, RH_ERANGE, "shoe_retired_before", "name", name, "retired", t,
                             "first", f, NULL);
    }
    sqlite3_stmt *st;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s,
                                "INSERT INTO shoe(name, distance_before_km, first_day, retired_day)"
                                " VALUES(?1,?2,?3,?4) ON CONFLICT(name) DO UPDATE SET"
                                " distance_before_km = excluded.distance_before_km,"
                                " first_day = excluded.first_day,"
                                " retired_day = excluded.retired_day",
                                &st, err))) {
        rh__bind_text(st, 1, name);
        sqlite3_bind_double(st, 2, distance_before_km);
        if (first_day >= 0) /* else NULL: not known (rh_store_shoe_list) */
            sqlite3_bind_int(st, 3, first_day);
        if (retired_day >= 0)
            sqlite3_bind_int(st, 4, retired_day);
        r = step_write(s, st, NULL, err, rh__store_word("fail_store_shoe"));
    }
    return rh__store_wend(s, r, err);
}

/* ---- assessments and plans ---------------------------------------------- */

int rh_store_assessment_add(struct rh_store *s, int64_t created_utc, const char *intake_json,
                            const char *result_json, int64_t *id, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s,
                                "INSERT INTO assessment(created_utc, intake, result)"
                                " VALUES(?1,?2,?3)",
                                &st, err))) {
        sqlite3_bind_int64(st, 1, created_utc ? created_utc : now_utc());
        rh__bind_text(st, 2, intake_json ? intake_json : "{}");
        rh__bind_text(st, 3, result_json ? result_json : "{}");
        r = step_write(s, st, id, err, rh__store_word("fail_store_assessment"));
    }
    return rh__store_wend(s, r, err);
}

int rh_store_assessment_latest(struct rh_store *s, int64_t *id, int64_t *created_utc,
                               char **intake_json, char **result_json, struct rh_err *err)
{
    sqlite3_stmt *st;
    *intake_json = *result_json = NULL;
    int r = rh__store_prepare(s,
                              "SELECT id, created_utc, intake, result FROM assessment"
                              " ORDER BY created_utc DESC, id DESC LIMIT 1",
                              &st, err);
    if (r)
        return r;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        bool oom = false;
        if (id)
            *id = sqlite3_column_int64(st, 0);
        if (created_utc)
            *created_utc = sqlite3_column_int64(st, 1);
        *intake_json = rh__col_strdup(st, 2, &oom);
        *result_json = rh__col_strdup(st, 3, &oom);
        if (oom) {
            rh_free(*intake_json);
            rh_free(*result_json);
            *intake_json = *result_json = NULL;
            r = rh_err_set(err, RH_ENOMEM, "out of memory");
        }
    } else if (rc == SQLITE_DONE) {
        r = rh__store_err(err, RH_ENOTFOUND, "no_assessment", NULL);
    } else {
        r = rh__store_fail(s, err, rh__store_word("fail_read_assessment"));
    }
    sqlite3_finalize(st);
    return r;
}

int rh_store_plan_add(struct rh_store *s, int64_t assessment_id, int64_t created_utc,
                      const char *state_json, int64_t *id, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s,
                                "INSERT INTO plan(assessment_id, created_utc, state)"
                                " VALUES(?1,?2,?3)",
                                &st, err))) {
        if (assessment_id > 0)
            sqlite3_bind_int64(st, 1, assessment_id);
        sqlite3_bind_int64(st, 2, created_utc ? created_utc : now_utc());
        rh__bind_text(st, 3, state_json ? state_json : "{}");
        r = step_write(s, st, id, err, rh__store_word("fail_store_plan"));
    }
    return rh__store_wend(s, r, err);
}

int rh_store_plan_update(struct rh_store *s, int64_t id, const char *state_json,
                         struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s, "UPDATE plan SET state = ?2 WHERE id = ?1", &st, err))) {
        sqlite3_bind_int64(st, 1, id);
        rh__bind_text(st, 2, state_json ? state_json : "{}");
        r = step_write(s, st, NULL, err, rh__store_word("fail_update_plan"));
        if (!r && sqlite3_changes(s->db) == 0)
            r = store_err_id(err, RH_ENOTFOUND, "no_plan_id", id);
    }
    return rh__store_wend(s, r, err);
}

int rh_store_plan_latest(struct rh_store *s, int64_t *id, int64_t *assessment_id,
                         char **state_json, struct rh_err *err)
{
    sqlite3_stmt *st;
    *state_json = NULL;
    int r = rh__store_prepare(s,
                              "SELECT id, assessment_id, state FROM plan"
                              " ORDER BY created_utc DESC, id DESC LIMIT 1",
                              &st, err);
    if (r)
        return r;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        bool oom = false;
        if (id)
            *id = sqlite3_column_int64(st, 0);
        if (assessment_id)
            *assessment_id = sqlite3_column_int64(st, 1);
        *state_json = rh__col_strdup(st, 2, &oom);
        if (oom)
            r = rh_err_set(err, RH_ENOMEM, "out of memory");
    } else if (rc == SQLITE_DONE) {
        r = rh__store_err(err, RH_ENOTFOUND, "no_plan", NULL);
    } else {
        r = rh__store_fail(s, err, rh__store_word("fail_read_plan"));
    }
    sqlite3_finalize(st);
    return r;
}

/* ---- check-ins ---------------------------------------------------------- */

int rh_store_checkin_add(struct rh_store *s, const struct rh_checkin *c, int64_t *id,
                         struct rh_err *err)
{
    if (c->severity < 0 || c->severity > 100)
        return store_err_d(err, RH_ERANGE, "severity_range", "severity", c->severity);
    int bad = rh_store_signs_check(c->signs, err);
    if (!bad && memchr(c->note, '\0', sizeof c->note) == NULL)
        bad = rh__store_err(err, RH_ERANGE, "note_long", NULL);
    if (!bad)
        bad = rh_entry_check(c->note, RH_ENTRY_NOTE, rh__store_word("the_note"), err);
    int64_t at = 0;
    if (!bad)
        bad = dated_of(s, c->dated_utc, c->day, &at, err);
    if (bad)
        return bad;
    sqlite3_stmt *st;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s,
                                "INSERT INTO checkin(day, q1, q2, q3, q4, severity, substantial,"
                                " signs, note, created_utc, dated_utc) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
                                &st, err))) {
        sqlite3_bind_int(st, 1, c->day);
        for (int i = 0; i < 4; i++)
            bind_opt_int(st, 2 + i, c->q[i]);
        sqlite3_bind_int(st, 6, c->severity);
        sqlite3_bind_int(st, 7, c->substantial ? 1 : 0);
        bind_signs(st, 8, c->signs);
        rh__bind_text(st, 9, *c->note ? c->note : NULL);
        sqlite3_bind_int64(st, 10, c->created_utc > 0 ? c->created_utc : now_utc());
        bind_dated(st, 11, at);
        r = step_write(s, st, id, err, rh__store_word("fail_store_check_in"));
    }
    return rh__store_wend(s, r, err);
}

int rh_store_checkin_delete(struct rh_store *s, int64_t id, struct rh_err *err)
{
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    sqlite3_stmt *st;
    if (!(r = rh__store_prepare(s, "DELETE FROM checkin WHERE id = ?1", &st, err))) {
        sqlite3_bind_int64(st, 1, id);
        r = step_write(s, st, NULL, err, rh__store_word("fail_replace_check_in"));
    }
    return rh__store_wend(s, r, err);
}

static int fill_checkin(sqlite3_stmt *st, void *p)
{
    struct rh_checkin *c = p;
    c->id = sqlite3_column_int64(st, 0);
    c->day = sqlite3_column_int(st, 1);
    for (int i = 0; i < 4; i++)
        c->q[i] = col_opt_int(st, 2 + i);
    c->severity = sqlite3_column_int(st, 6);
    c->substantial = sqlite3_column_int(st, 7) != 0;
    col_signs(st, 8, c->signs);
    const unsigned char *t = sqlite3_column_text(st, 9); /* NULL: none */
    snprintf(c->note, sizeof c->note, "%s", t ? (const char *)t : "");
    c->created_utc = col_dated(st, 10); /* NULL before schema 10: 0 */
    c->dated_utc = col_dated(st, 11);
    return 0;
}

int rh_store_checkin_list(struct rh_store *s, struct rh_checkin **out, size_t *n,
                          struct rh_err *err)
{
    void *arr;
    int r = list_all(s,
                     "SELECT id, rh_entry_day(dated_utc, day) AS d, q1, q2, q3, q4, severity,"
                     " substantial, signs, note, created_utc, dated_utc FROM checkin"
                     " ORDER BY d, id",
                     sizeof **out, fill_checkin, &arr, n, err);
    *out = arr;
    return r;
}

/* ---- visits (schema 7) -------------------------------------------------- */

static const char *const visit_words[RH_VISIT__COUNT] = {
    [RH_VISIT_CLEARED] = "cleared",
    [RH_VISIT_NO_RUNNING] = "no_running",
    [RH_VISIT_WALK_RUN] = "walk_run",
    [RH_VISIT_CROSS_TRAIN] = "cross_train",
};

/* the same decisions in plain words (the web form, the error messages) */
/* code24: what each decision is in words, data/wording.txt [store_words]
 * visit_KEY (and visit_KEY_weeks, _week, with its weeks) */
static const char *const visit_keys[RH_VISIT__COUNT] = {
    [RH_VISIT_CLEARED] = "visit_cleared",
    [RH_VISIT_NO_RUNNING] = "visit_no_running",
    [RH_VISIT_WALK_RUN] = "visit_walk_run",
    [RH_VISIT_CROSS_TRAIN] = "visit_cross_train",
};

const char *rh_visit_outcome_name(enum rh_visit_outcome o)
{
    return (unsigned)o < RH_VISIT__COUNT ? visit_words[o] : "?";
}

const char *rh_visit_outcome_said(enum rh_visit_outcome o)
{
    return (unsigned)o < RH_VISIT__COUNT ? rh__store_word(visit_keys[o]) : "?";
}

void rh_visit_said_of(const struct rh_visit *v, char *buf, size_t cap)
{
    if (!cap)
        return;
    if (rh_visit_restricts(v->outcome) && v->weeks > 0) {
        bool no_run = v->outcome == RH_VISIT_NO_RUNNING;
        char w[16];
        snprintf(w, sizeof w, "%d", v->weeks);
        const char *const nm[] = {"weeks"}, *const val[] = {w};
        if (v->weeks == 1)
            snprintf(buf, cap, "%s",
                     rh__store_word(no_run ? "visit_no_running_week" : "visit_cross_train_week"));
        else
            rh_text_fill_named(buf, cap,
                               rh__store_word(no_run ? "visit_no_running_weeks"
                                                     : "visit_cross_train_weeks"),
                               nm, val, 1);
    } else {
        snprintf(buf, cap, "%s", rh_visit_outcome_said(v->outcome));
    }
}

bool rh_visit_restricts(enum rh_visit_outcome o)
{
    return o == RH_VISIT_NO_RUNNING || o == RH_VISIT_CROSS_TRAIN;
}

int rh_visit_outcome_parse(const char *word, enum rh_visit_outcome *out, struct rh_err *err)
{
    char w[24];
    size_t n = word ? strlen(word) : 0;
    if (n > 0 && n < sizeof w) {
        for (size_t i = 0; i <= n; i++)
            w[i] = word[i] == '-' ? '_' : word[i];
        for (int o = 0; o < RH_VISIT__COUNT; o++)
            if (!strcmp(w, visit_words[o])) {
                *out = (enum rh_visit_outcome)o;
                return 0;
            }
    }
    char said[41];
    snprintf(said, sizeof said, "%.40s", word ? word : "");
    return rh__store_err(err, RH_EKEY, "visit_unknown", "word", said, NULL);
}

int rh_visit_check(const struct rh_visit *v, struct rh_err *err)
{
    if ((unsigned)v->outcome >= RH_VISIT__COUNT)
        return rh_err_set(err, RH_EINVAL, "unknown visit outcome %d", (int)v->outcome);
    bool restriction = rh_visit_restricts(v->outcome);
    if (restriction && (v->weeks < 1 || v->weeks > RH_VISIT_WEEKS_MAX)) {
        const char *what = rh__store_word(v->outcome == RH_VISIT_NO_RUNNING
                                              ? "restriction_no_running"
                                              : "restriction_cross_train");
        char max[16], weeks[16];
        snprintf(max, sizeof max, "%d", RH_VISIT_WEEKS_MAX);
        snprintf(weeks, sizeof weeks, "%d", v->weeks);
        if (v->weeks == 0)
            return rh__store_err(err, RH_ERANGE, "visit_weeks_needed", "restriction", what, "max",
                                 max, NULL);
        return rh__store_err(err, RH_ERANGE, "visit_weeks_range", "restriction", what, "max", max,
                             "weeks", weeks, NULL);
    }
    if (!restriction && v->weeks != 0)
        return rh__store_err(err, RH_ERANGE, "visit_weeks_alone", "decision",
                             rh_visit_outcome_said(v->outcome), NULL);
    if (memchr(v->note, '\0', sizeof v->note) == NULL)
        return rh__store_err(err, RH_ERANGE, "note_long", NULL);
    return rh_entry_check(v->note, RH_ENTRY_NOTE, rh__store_word("the_note"), err);
}

int rh_visit_from_words(struct rh_visit *v, int32_t day, const char *decision, const char *weeks,
                        const char *note, struct rh_err *err)
{
    memset(v, 0, sizeof *v);
    v->day = day;
    if (!decision || !*decision)
        return rh__store_err(err, RH_EINVAL, "visit_say", NULL);
    int r = rh_visit_outcome_parse(decision, &v->outcome, err);
    if (r)
        return r;
    if (weeks && *weeks) {
        long w;
        if (rh_parse_long(weeks, &w) || w < 1 || w > RH_VISIT_WEEKS_MAX) {
            char max[16], said[21];
            snprintf(max, sizeof max, "%d", RH_VISIT_WEEKS_MAX);
            snprintf(said, sizeof said, "%.20s", weeks);
            return rh__store_err(err, RH_ERANGE, "visit_weeks_bad", "max", max, "weeks", said,
                                 NULL);
        }
        v->weeks = (int)w;
    }
    if (note && strlen(note) >= sizeof v->note)
        return rh__store_err(err, RH_ELIMIT, "note_long", NULL);
    snprintf(v->note, sizeof v->note, "%s", note ? note : "");
    return rh_visit_check(v, err);
}

int rh_store_visit_add(struct rh_store *s, const struct rh_visit *v, int64_t *id,
                       struct rh_err *err)
{
    int bad = rh_visit_check(v, err);
    int64_t at = 0;
    if (!bad)
        bad = dated_of(s, v->dated_utc, v->day, &at, err);
    if (bad)
        return bad;
    sqlite3_stmt *st;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    if (!(r = rh__store_prepare(s,
                                "INSERT INTO visit(day, outcome, weeks, note, created_utc,"
                                " dated_utc) VALUES(?1,?2,?3,?4,?5,?6)",
                                &st, err))) {
        sqlite3_bind_int(st, 1, v->day);
        rh__bind_text(st, 2, rh_visit_outcome_name(v->outcome));
        if (v->weeks > 0)
            sqlite3_bind_int(st, 3, v->weeks);
        else
            sqlite3_bind_null(st, 3);
        rh__bind_text(st, 4, *v->note ? v->note : NULL);
        sqlite3_bind_int64(st, 5, now_utc());
        bind_dated(st, 6, at);
        r = step_write(s, st, id, err, rh__store_word("fail_store_visit"));
    }
    return rh__store_wend(s, r, err);
}

static int fill_visit(sqlite3_stmt *st, void *p)
{
    struct rh_visit *v = p;
    v->id = sqlite3_column_int64(st, 0);
    v->day = sqlite3_column_int(st, 1);
    const unsigned char *o = sqlite3_column_text(st, 2);
    struct rh_err e;
    if (rh_visit_outcome_parse(o ? (const char *)o : "", &v->outcome, &e))
        v->outcome = RH_VISIT_CLEARED; /* the schema's CHECK allows no other */
    v->weeks = sqlite3_column_type(st, 3) == SQLITE_NULL ? 0 : sqlite3_column_int(st, 3);
    const unsigned char *t = sqlite3_column_text(st, 4);
    snprintf(v->note, sizeof v->note, "%s", t ? (const char *)t : "");
    v->dated_utc = col_dated(st, 5);
    return 0;
}

int rh_store_visit_list(struct rh_store *s, struct rh_visit **out, size_t *n, struct rh_err *err)
{
    void *arr;
    int r = list_all(s, "SELECT id, rh_entry_day(dated_utc, day) AS d, outcome, weeks, note,"
                     " dated_utc FROM visit ORDER BY d, id",
                     sizeof **out, fill_visit, &arr, n, err);
    *out = arr;
    return r;
}
