/* SPDX-License-Identifier: MIT */
/* Store queries the training-load report needs beyond store.h: the list of
 * shoes and the day of the newest activity (the default as-of day). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/load.h"
#include "store/store_int.h"
#include "util/banned.h"

static int shoe_by_name(const void *a, const void *b)
{
    return strcmp(((const struct rh_store_shoe *)a)->name, ((const struct rh_store_shoe *)b)->name);
}

/* One more shoe at the end of *arr (grown by doubling); NULL with err set
 * when memory runs out (*arr is kept and still owned by the caller). */
static struct rh_store_shoe *shoe_push(struct rh_store_shoe **arr, size_t *cnt, size_t *cap,
                                       struct rh_err *err)
{
    if (*cnt == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        struct rh_store_shoe *na = rh_realloc(*arr, nc * sizeof **arr);
        if (!na) {
            rh_err_set(err, RH_ENOMEM, "out of memory");
            return NULL;
        }
        *arr = na;
        *cap = nc;
    }
    struct rh_store_shoe *e = &(*arr)[(*cnt)++];
    memset(e, 0, sizeof *e);
    return e;
}

int rh_store_shoe_list(struct rh_store *s, struct rh_store_shoe **out, size_t *n,
                       struct rh_err *err)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    int r = rh__store_prepare(
        s,
        /* a first day not given: the first stored run in the pair, else
         * not known (older rows may hold -1 for it) */
        "SELECT name, distance_before_km, CASE WHEN first_day >= 0 THEN first_day ELSE"
        " (SELECT min(local_day) FROM activity WHERE gear = shoe.name AND local_day IS NOT NULL)"
        " END, retired_day FROM shoe ORDER BY name",
        &st, err);
    if (r)
        return r;
    struct rh_store_shoe *arr = NULL;
    size_t cnt = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct rh_store_shoe *e = shoe_push(&arr, &cnt, &cap, err);
        if (!e) {
            r = RH_ENOMEM;
            break;
        }
        const unsigned char *name = sqlite3_column_text(st, 0);
        snprintf(e->name, sizeof e->name, "%s", name ? (const char *)name : "");
        e->distance_before_km = sqlite3_column_double(st, 1);
        e->first_day = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 2);
        e->retired_day = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 3);
    }
    if (!r && rc != SQLITE_DONE)
        r = rh__store_fail(s, err, rh__store_word("fail_list_shoes"));
    sqlite3_finalize(st);
    /* pairs named only by activities (an export's gear, a shoe set on an
     * activity): listed with what they ran, as the load report counts them;
     * only gear of foot sports (an export names bikes too) */
    if (!r)
        r = rh__store_prepare(s,
                              "SELECT gear, sport, min(local_day) FROM activity WHERE gear <> ''"
                              " AND NOT excluded AND gear NOT IN (SELECT name FROM shoe)"
                              " GROUP BY gear, sport ORDER BY gear",
                              &st, err);
    if (!r) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            enum rh_sport sp;
            const unsigned char *g = sqlite3_column_text(st, 0);
            const char *gs = g ? (const char *)g : "";
            if (rh_sport_parse((const char *)sqlite3_column_text(st, 1), &sp) ||
                !rh_sport_is_foot(sp) || !*gs)
                continue;
            int32_t day = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 2);
            struct rh_store_shoe *e = NULL;
            if (cnt && strncmp(arr[cnt - 1].name, gs, sizeof arr->name - 1) == 0 &&
                arr[cnt - 1].distance_before_km == 0 && arr[cnt - 1].retired_day < 0)
                e = &arr[cnt - 1]; /* the same gear in another foot sport */
            if (e) {
                if (day >= 0 && (e->first_day < 0 || day < e->first_day))
                    e->first_day = day;
                continue;
            }
            if (!(e = shoe_push(&arr, &cnt, &cap, err))) {
                r = RH_ENOMEM;
                break;
            }
            /* cut at a character boundary, never inside one (issue 15) */
            snprintf(e->name, sizeof e->name, "%.*s", (int)rh_utf8_cut(gs, sizeof e->name - 1), gs);
            e->distance_before_km = 0;
            e->first_day = day;
            e->retired_day = -1;
        }
        if (!r && rc != SQLITE_DONE)
            r = rh__store_fail(s, err, rh__store_word("fail_list_shoes"));
        sqlite3_finalize(st);
    }
    if (!r && cnt > 1)
        qsort(arr, cnt, sizeof *arr, shoe_by_name);
    if (r) {
        rh_free(arr);
        return r;
    }
    *out = arr;
    *n = cnt;
    return 0;
}

/* The stored pair called name into *out: false when there is none. The
 * name is checked first (rh_entry_check): nothing is read for a bad one. */
static int shoe_find(struct rh_store *s, const char *name, struct rh_store_shoe *out, bool *found,
                     struct rh_err *err)
{
    *found = false;
    if (!name || !*name)
        return rh__store_err(err, RH_EINVAL, "shoe_no_name", NULL);
    int r = rh_entry_check(name, RH_ENTRY_NAME, rh__store_word("the_shoe_name"), err);
    if (r)
        return r;
    struct rh_store_shoe *tab = NULL;
    size_t n = 0;
    r = rh_store_shoe_list(s, &tab, &n, err);
    for (size_t i = 0; !r && i < n; i++)
        if (strcmp(tab[i].name, name) == 0) {
            *out = tab[i];
            *found = true;
        }
    rh_free(tab);
    return r;
}

/* shoe_find for a shoe that must exist: RH_ENOTFOUND, with the way to see
 * the stored ones, when it does not. */
static int shoe_get(struct rh_store *s, const char *name, struct rh_store_shoe *out,
                    struct rh_err *err)
{
    bool found;
    int r = shoe_find(s, name, out, &found, err);
    if (r)
        return r;
    if (!found)
        return rh__store_err(err, RH_ENOTFOUND, "no_shoe", "name", name, NULL);
    return 0;
}

int rh_store_shoe_add(struct rh_store *s, const char *name, double km_before, int32_t first_day,
                      int32_t today, bool *updated, struct rh_err *err)
{
    struct rh_store_shoe old;
    bool found;
    int r = shoe_find(s, name, &old, &found, err);
    if (r)
        return r;
    *updated = found;
    return rh_store_shoe_put(s, name, rh_has(km_before) ? km_before : found ? old.distance_before_km : 0,
                             first_day >= 0 ? first_day : found ? old.first_day : today,
                             found ? old.retired_day : -1, err);
}

int rh_store_shoe_retire(struct rh_store *s, const char *name, int32_t day, int32_t today,
                         struct rh_err *err)
{
    struct rh_store_shoe old;
    int r = shoe_get(s, name, &old, err);
    if (r)
        return r;
    return rh_store_shoe_put(s, name, old.distance_before_km, old.first_day,
                             day >= 0 ? day : today, err);
}

int rh_store_shoe_reuse(struct rh_store *s, const char *name, bool *was_retired,
                        struct rh_err *err)
{
    struct rh_store_shoe old;
    *was_retired = false;
    int r = shoe_get(s, name, &old, err);
    if (r)
        return r;
    if (old.retired_day < 0)
        return 0;
    *was_retired = true;
    return rh_store_shoe_put(s, name, old.distance_before_km, old.first_day, -1, err);
}

int rh_store_activity_last_day(struct rh_store *s, int32_t *day, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s, "SELECT max(local_day) FROM activity WHERE NOT excluded", &st,
                              err);
    if (r)
        return r;
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW)
        r = rh__store_fail(s, err, rh__store_word("fail_read_newest_activity"));
    else if (sqlite3_column_type(st, 0) == SQLITE_NULL)
        r = rh__store_err(err, RH_ENOTFOUND, "no_activities", NULL);
    else
        *day = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return r;
}

int rh_store_load_rows(struct rh_store *s, int32_t from_day, int32_t to_day,
                       struct rh_store_load_row **out, size_t *n, struct rh_err *err)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    int r = rh__store_prepare(s,
                              "SELECT id, start_utc, sport, elapsed_s, timer_s, distance_m,"
                              " cadence_spm, avg_hr, max_hr, temp_c, elev_gain_m, "
                              RH__STORE_SHOE_OF_ACTIVITY ","
                              " local_day, temp_source, truncated FROM activity WHERE local_day BETWEEN ?1 AND ?2"
                              " AND NOT excluded ORDER BY start_utc, id",
                              &st, err);
    if (r)
        return r;
    sqlite3_bind_int(st, 1, from_day);
    sqlite3_bind_int(st, 2, to_day);
    struct rh_store_load_row *arr = NULL;
    size_t cnt = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (cnt == cap) {
            size_t nc = cap ? cap * 2 : 256;
            struct rh_store_load_row *na = rh_realloc(arr, nc * sizeof *arr);
            if (!na) {
                r = rh_err_set(err, RH_ENOMEM, "out of memory");
                break;
            }
            arr = na;
            cap = nc;
        }
        struct rh_store_load_row *e = &arr[cnt++];
        e->id = sqlite3_column_int64(st, 0);
        e->start_utc = sqlite3_column_int64(st, 1);
        if (rh_sport_parse((const char *)sqlite3_column_text(st, 2), &e->sport))
            e->sport = RH_SPORT_OTHER;
        e->elapsed_s = rh__col_double(st, 3);
        e->timer_s = rh__col_double(st, 4);
        e->distance_m = rh__col_double(st, 5);
        e->cadence_spm = rh__col_double(st, 6);
        e->avg_hr = rh__col_double(st, 7);
        e->max_hr = rh__col_double(st, 8);
        e->temp_c = rh__col_double(st, 9);
        e->elev_gain_m = rh__col_double(st, 10);
        const unsigned char *g = sqlite3_column_text(st, 11);
        const char *gs = g ? (const char *)g : "";
        /* cut at a character boundary, never inside one (issue 15) */
        snprintf(e->gear, sizeof e->gear, "%.*s", (int)rh_utf8_cut(gs, sizeof e->gear - 1), gs);
        e->day = sqlite3_column_int(st, 12);
        if (rh_temp_source_parse((const char *)sqlite3_column_text(st, 13), &e->temp_source))
            e->temp_source = RH_TEMP_SRC_SENSOR; /* unknown: the wrist's margin, as before */
        e->truncated = sqlite3_column_int(st, 14) != 0;
    }
    if (!r && rc != SQLITE_DONE)
        r = rh__store_fail(s, err, rh__store_word("fail_list_activities"));
    sqlite3_finalize(st);
    if (r) {
        rh_free(arr);
        return r;
    }
    *out = arr;
    *n = cnt;
    return 0;
}

int rh_store_load_left_out(struct rh_store *s, int32_t from_day, int32_t to_day, int *excluded,
                           int *undated, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s,
                              "SELECT (SELECT count(*) FROM activity WHERE excluded AND local_day"
                              " BETWEEN ?1 AND ?2), (SELECT count(*) FROM activity WHERE"
                              " start_utc IS NULL)",
                              &st, err);
    if (r)
        return r;
    sqlite3_bind_int(st, 1, from_day);
    sqlite3_bind_int(st, 2, to_day);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *excluded = sqlite3_column_int(st, 0);
        *undated = sqlite3_column_int(st, 1);
    } else {
        r = rh__store_fail(s, err, rh__store_word("fail_count_activities_left_out"));
    }
    sqlite3_finalize(st);
    return r;
}
