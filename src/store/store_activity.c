/* SPDX-License-Identifier: MIT */
/* Activities in the store: duplicate detection, insert, listing. The track
 * is stored as packed little-endian int32 pairs, the splits as packed
 * doubles (5 per split), so a row costs a few KB at most. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/store_int.h"
#include "util/banned.h"

#define SPLIT_FIELDS 5

static void hash_hex(uint64_t h, char out[17])
{
    snprintf(out, 17, "%016" PRIx64, h);
}

int rh_store_activity_find(struct rh_store *s, const struct rh_activity *a, int64_t *id,
                           struct rh_err *err)
{
    sqlite3_stmt *st;
    char hex[17];
    hash_hex(a->content_hash, hex);
    int r = rh__store_prepare(s,
                              "SELECT id FROM activity WHERE content_hash = ?1 "
                              "OR (?2 IS NOT NULL AND start_utc = ?2 AND device IS ?3) "
                              "ORDER BY id LIMIT 1",
                              &st, err);
    if (r)
        return r;
    rh__bind_text(st, 1, hex);
    if (a->has_start)
        sqlite3_bind_int64(st, 2, a->start_utc);
    else
        sqlite3_bind_null(st, 2);
    rh__bind_text(st, 3, a->device);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (id)
            *id = sqlite3_column_int64(st, 0);
        r = 0;
    } else if (rc == SQLITE_DONE) {
        r = RH_ENOTFOUND;
    } else {
        r = rh__store_fail(s, err, "cannot look up activity");
    }
    sqlite3_finalize(st);
    return r;
}

static void *pack_track(const struct rh_activity *a, size_t *len)
{
    *len = a->n_track * 8;
    unsigned char *p = rh_malloc(*len);
    if (!p)
        return NULL;
    for (size_t i = 0; i < a->n_track; i++) {
        uint32_t v[2] = {(uint32_t)a->track[i].lat_e7, (uint32_t)a->track[i].lon_e7};
        for (int k = 0; k < 2; k++)
            for (int b = 0; b < 4; b++)
                p[i * 8 + (size_t)k * 4 + (size_t)b] = (unsigned char)(v[k] >> (8 * b));
    }
    return p;
}

int rh_store_activity_add(struct rh_store *s, const struct rh_activity *a, int64_t *id,
                          struct rh_err *err)
{
    sqlite3_stmt *st = NULL;
    void *track = NULL;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    int64_t old;
    r = rh_store_activity_find(s, a, &old, err);
    if (r == 0) {
        if (id)
            *id = old;
        r = rh_err_set(err, RH_EDUP, "already stored as activity %" PRId64, old);
        goto out;
    }
    if (r != RH_ENOTFOUND)
        goto out;
    r = rh__store_prepare(
        s,
        "INSERT INTO activity(content_hash, file, format, sport, sub_sport, name, gear, device,"
        " start_utc, elapsed_s, timer_s, distance_m, n_records, cadence_spm, avg_hr, max_hr,"
        " temp_c, elev_gain_m, avg_power_w, has_gps, track, splits, imported_utc)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,"
        " CAST(strftime('%s','now') AS INTEGER))",
        &st, err);
    if (r)
        goto out;
    char hex[17];
    hash_hex(a->content_hash, hex);
    rh__bind_text(st, 1, hex);
    rh__bind_text(st, 2, a->file ? a->file : "");
    rh__bind_text(st, 3, rh_format_name(a->format));
    rh__bind_text(st, 4, rh_sport_name(a->sport));
    rh__bind_text(st, 5, a->sub_sport[0] ? a->sub_sport : NULL);
    rh__bind_text(st, 6, a->name);
    rh__bind_text(st, 7, a->gear);
    rh__bind_text(st, 8, a->device);
    if (a->has_start)
        sqlite3_bind_int64(st, 9, a->start_utc);
    rh__bind_double(st, 10, a->total_elapsed_s);
    rh__bind_double(st, 11, a->total_timer_s);
    rh__bind_double(st, 12, a->total_distance_m);
    sqlite3_bind_int64(st, 13, a->n_records);
    rh__bind_double(st, 14, a->avg_cadence_spm);
    rh__bind_double(st, 15, a->avg_hr);
    rh__bind_double(st, 16, a->max_hr);
    rh__bind_double(st, 17, a->avg_temperature_c);
    rh__bind_double(st, 18, a->elevation_gain_m);
    rh__bind_double(st, 19, a->avg_power_w);
    sqlite3_bind_int(st, 20, a->has_gps ? 1 : 0);
    if (a->n_track) {
        size_t len;
        if (!(track = pack_track(a, &len))) {
            r = rh_err_set(err, RH_ENOMEM, "out of memory");
            goto out;
        }
        sqlite3_bind_blob(st, 21, track, (int)len, SQLITE_STATIC);
    }
    if (a->n_splits) {
        /* doubles in host order are fine: the blob never leaves this machine's
         * database format, and NaN marks absent values */
        sqlite3_bind_blob(st, 22, a->splits, (int)(a->n_splits * sizeof *a->splits),
                          SQLITE_STATIC);
    }
    if (sqlite3_step(st) != SQLITE_DONE) {
        r = rh__store_fail(s, err, "cannot store activity");
        goto out;
    }
    if (id)
        *id = sqlite3_last_insert_rowid(s->db);
out:
    sqlite3_finalize(st);
    rh_free(track);
    return rh__store_wend(s, r, err);
}

void rh_activity_array_free(struct rh_activity *a, size_t n)
{
    if (!a)
        return;
    for (size_t i = 0; i < n; i++)
        rh_activity_release(&a[i]);
    rh_free(a);
}

static int row_to_activity(sqlite3_stmt *st, unsigned flags, struct rh_activity *a)
{
    bool oom = false;
    rh_activity_init(a);
    a->id = sqlite3_column_int64(st, 0);
    a->file = rh__col_strdup(st, 1, &oom);
    const char *fmt = (const char *)sqlite3_column_text(st, 2);
    a->format = RH_FMT_NONE;
    for (enum rh_format f = RH_FMT_FIT; fmt && f <= RH_FMT_SML; f++)
        if (strcmp(fmt, rh_format_name(f)) == 0)
            a->format = f;
    const char *sport = (const char *)sqlite3_column_text(st, 3);
    if (rh_sport_parse(sport, &a->sport))
        a->sport = RH_SPORT_OTHER;
    const char *sub = (const char *)sqlite3_column_text(st, 4);
    snprintf(a->sub_sport, sizeof a->sub_sport, "%s", sub ? sub : "");
    a->name = rh__col_strdup(st, 5, &oom);
    a->gear = rh__col_strdup(st, 6, &oom);
    a->device = rh__col_strdup(st, 7, &oom);
    a->has_start = sqlite3_column_type(st, 8) != SQLITE_NULL;
    a->start_utc = sqlite3_column_int64(st, 8);
    a->total_elapsed_s = rh__col_double(st, 9);
    a->total_timer_s = rh__col_double(st, 10);
    a->total_distance_m = rh__col_double(st, 11);
    a->n_records = (long)sqlite3_column_int64(st, 12);
    a->avg_cadence_spm = rh__col_double(st, 13);
    a->avg_hr = rh__col_double(st, 14);
    a->max_hr = rh__col_double(st, 15);
    a->avg_temperature_c = rh__col_double(st, 16);
    a->elevation_gain_m = rh__col_double(st, 17);
    a->avg_power_w = rh__col_double(st, 18);
    a->has_gps = sqlite3_column_int(st, 19) != 0;
    const char *hex = (const char *)sqlite3_column_text(st, 20);
    a->content_hash = 0;
    for (const char *p = hex; p && *p; p++)
        a->content_hash = a->content_hash << 4 |
                          (uint64_t)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
    if (flags & RH_STORE_WITH_TRACK) {
        const unsigned char *p = sqlite3_column_blob(st, 21);
        size_t n = (size_t)sqlite3_column_bytes(st, 21) / 8;
        if (p && n) {
            if (!(a->track = rh_malloc(n * sizeof *a->track))) {
                oom = true;
            } else {
                for (size_t i = 0; i < n; i++) {
                    uint32_t v[2] = {0, 0};
                    for (int k = 0; k < 2; k++)
                        for (int b = 0; b < 4; b++)
                            v[k] |= (uint32_t)p[i * 8 + (size_t)k * 4 + (size_t)b] << (8 * b);
                    a->track[i].lat_e7 = (int32_t)v[0];
                    a->track[i].lon_e7 = (int32_t)v[1];
                }
                a->n_track = n;
            }
        }
    }
    if (flags & RH_STORE_WITH_SPLITS) {
        const void *p = sqlite3_column_blob(st, 22);
        size_t n = (size_t)sqlite3_column_bytes(st, 22) / sizeof(struct rh_split);
        if (p && n) {
            if (!(a->splits = rh_malloc(n * sizeof *a->splits)))
                oom = true;
            else {
                memcpy(a->splits, p, n * sizeof *a->splits);
                a->n_splits = n;
            }
        }
    }
    return oom ? RH_ENOMEM : 0;
}

int rh_store_activities(struct rh_store *s, int64_t from_utc, int64_t to_utc, unsigned flags,
                        struct rh_activity **out, size_t *n, struct rh_err *err)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    int r = rh__store_prepare(
        s,
        "SELECT id, file, format, sport, sub_sport, name, gear, device, start_utc, elapsed_s,"
        " timer_s, distance_m, n_records, cadence_spm, avg_hr, max_hr, temp_c, elev_gain_m,"
        " avg_power_w, has_gps, content_hash, track, splits FROM activity"
        " WHERE (start_utc >= ?1 AND start_utc < ?2) OR (?3 AND start_utc IS NULL)"
        " ORDER BY start_utc IS NULL, start_utc, id",
        &st, err);
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, from_utc);
    sqlite3_bind_int64(st, 2, to_utc);
    sqlite3_bind_int(st, 3, (flags & RH_STORE_WITH_UNDATED) ? 1 : 0);
    struct rh_activity *arr = NULL;
    size_t cnt = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (cnt == cap) {
            size_t nc = cap ? cap * 2 : 64;
            struct rh_activity *na = rh_realloc(arr, nc * sizeof *arr);
            if (!na) {
                r = rh_err_set(err, RH_ENOMEM, "out of memory");
                break;
            }
            arr = na;
            cap = nc;
        }
        r = row_to_activity(st, flags, &arr[cnt]);
        cnt++;
        if (r) {
            rh_err_set(err, r, "out of memory");
            break;
        }
    }
    if (!r && rc != SQLITE_DONE)
        r = rh__store_fail(s, err, "cannot list activities");
    sqlite3_finalize(st);
    if (r) {
        rh_activity_array_free(arr, cnt);
        return r;
    }
    *out = arr;
    *n = cnt;
    return 0;
}

long rh_store_activity_count(struct rh_store *s, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s, "SELECT count(*) FROM activity", &st, err);
    if (r)
        return r;
    long c = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        c = (long)sqlite3_column_int64(st, 0);
    else
        c = rh__store_fail(s, err, "cannot count activities");
    sqlite3_finalize(st);
    return c;
}
