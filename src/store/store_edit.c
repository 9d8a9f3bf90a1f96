/* SPDX-License-Identifier: MIT */
/*
 * The runner's corrections (cli.md `activities --set/--delete`, `shoes`):
 * each one statement in its own transaction, or the caller's.
 */
#include <stdio.h>
#include <string.h>

#include "assess/intake_int.h"
#include "store/store_int.h"
#include "util/banned.h"

/* Runs st (bound) as a write; RH_ENOTFOUND when it changed no row. */
static int write_one(struct rh_store *s, sqlite3_stmt *st, const char *what, struct rh_err *err,
                     int64_t id)
{
    int r = 0;
    if (sqlite3_step(st) != SQLITE_DONE)
        r = rh__store_fail(s, err, what);
    else if (sqlite3_changes(s->db) == 0) {
        char ids[24];
        snprintf(ids, sizeof ids, "%lld", (long long)id);
        r = rh__store_err(err, RH_ENOTFOUND, "activity_none", "id", ids, NULL);
    }
    sqlite3_finalize(st);
    return r;
}

bool rh_store_shoe_unset(const char *value)
{
    return !*value || strcmp(value, "none") == 0;
}

int rh_store_activity_set(struct rh_store *s, int64_t id, const char *key, const char *value,
                          struct rh_err *err)
{
    return rh_store_activity_correct(s, id, key, value, NULL, err);
}

int rh_store_activity_correct(struct rh_store *s, int64_t id, const char *key, const char *value,
                              size_t *merged, struct rh_err *err)
{
    size_t n_merged = 0;
    if (merged)
        *merged = 0;
    const char *sql;
    enum rh_sport sp = RH_SPORT_OTHER;
    int excluded = 0;
    if (!key || !value)
        return rh__store_err(err, RH_EINVAL, "set_needed", NULL);
    if (strcmp(key, "sport") == 0) {
        if (rh_sport_parse(value, &sp)) {
            char list[256] = "";
            size_t k = 0;
            for (enum rh_sport x = 0; x < RH_SPORT__COUNT; x++)
                k += (size_t)snprintf(list + k, sizeof list - k, "%s%s", x ? ", " : "",
                                      rh_sport_name(x));
            return rh__store_err(err, RH_EKEY, "set_sport", "value", value, "list", list, NULL);
        }
        sql = "UPDATE activity SET sport = ?2, sport_source = 'user' WHERE id = ?1";
    } else if (strcmp(key, "shoe") == 0) {
        int bad = !rh_store_shoe_unset(value)
                      ? rh_entry_check(value, RH_ENTRY_NAME, rh__store_word("the_shoe_name"), err)
                      : 0;
        if (bad)
            return bad;
        sql = "UPDATE activity SET gear = ?2 WHERE id = ?1";
    } else if (strcmp(key, "excluded") == 0) {
        /* the intake's words for yes and no (yes/y/true, no/n/false, any
         * case): a script may give back the JSON's true/false (session 21) */
        excluded = rh__tri_word(value);
        if (excluded < 0)
            return rh__store_err(err, RH_EKEY, "set_excluded", "value", value, NULL);
        sql = "UPDATE activity SET excluded = ?2 WHERE id = ?1";
    } else {
        return rh__store_err(err, RH_EKEY, "set_unknown", "key", key, NULL);
    }
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    sqlite3_stmt *st;
    if (!(r = rh__store_prepare(s, sql, &st, err))) {
        sqlite3_bind_int64(st, 1, id);
        if (strcmp(key, "sport") == 0)
            rh__bind_text(st, 2, rh_sport_name(sp));
        else if (strcmp(key, "shoe") == 0)
            rh__bind_text(st, 2, rh_store_shoe_unset(value) ? NULL : value);
        else
            sqlite3_bind_int(st, 2, excluded);
        r = write_one(s, st, rh__store_word("fail_change_activity"), err, id);
    }
    /* another sport may make it the same outing as another record */
    if (!r && strcmp(key, "sport") == 0)
        r = rh__store_activity_rematch(s, id, &n_merged, err);
    r = rh__store_wend(s, r, err);
    if (!r && merged)
        *merged = n_merged;
    return r;
}

int rh_store_activity_delete(struct rh_store *s, int64_t id, struct rh_err *err)
{
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    sqlite3_stmt *st;
    if (!(r = rh__store_prepare(s, "DELETE FROM activity WHERE id = ?1", &st, err))) {
        sqlite3_bind_int64(st, 1, id); /* its also_in rows go with it (foreign key) */
        r = write_one(s, st, rh__store_word("fail_delete_activity"), err, id);
    }
    return rh__store_wend(s, r, err);
}

int rh_store_shoe_km(struct rh_store *s, const char *name, double *km, long *n_runs,
                     struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s,
                              "SELECT coalesce(sum(distance_m), 0) / 1000.0, count(*) FROM activity"
                              " WHERE " RH__STORE_SHOE_OF_ACTIVITY " = ?1 AND NOT excluded",
                              &st, err);
    if (r)
        return r;
    rh__bind_text(st, 1, name);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *km = sqlite3_column_double(st, 0);
        *n_runs = (long)sqlite3_column_int64(st, 1);
    } else {
        r = rh__store_fail(s, err, rh__store_word("fail_add_up_shoes_distance"));
    }
    sqlite3_finalize(st);
    return r;
}
