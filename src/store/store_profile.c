/* SPDX-License-Identifier: MIT */
/*
 * The runner's profile (cli.md `profile`): one checked row per key, and the
 * time zone the store uses for every activity whose file gave no offset.
 * Changing the zone re-dates those activities in the same transaction, so
 * every figure follows it.
 */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "runhip/intake.h"
#include "store/store_int.h"
#include "util/banned.h"

/* The profile keys and their accepted values, once; what each is, in plain
 * words for help and errors, is data/wording.txt [store_words] what_KEY
 * (code24), filled in on first use. */
#define PROFILE_KEYS(X)                                                                            \
    X(tz, 0, 0)                                                                                    \
    X(sex, 0, 0)                                                                                   \
    X(birth_year, 1900, 2100)                                                                      \
    X(rest_hr, 25, 120)                                                                            \
    X(max_hr, 100, 240)                                                                            \
    X(weight_kg, 25, 250)

static struct rh_profile_key keys[] = {
#define K(name, lo, hi) {#name, lo, hi, ""},
    PROFILE_KEYS(K)
#undef K
};
static const char *const what_keys[] = {
#define K(name, lo, hi) "what_" #name,
    PROFILE_KEYS(K)
#undef K
};
static pthread_mutex_t keys_mu = PTHREAD_MUTEX_INITIALIZER;
static bool keys_said;

/* The keys' words, once their section checked (until then, and when memory
 * runs out loading them, ""; tried again on the next call); under the lock,
 * so a reader after its own call sees them whole. */
static const struct rh_profile_key *keys_with_words(void)
{
    pthread_mutex_lock(&keys_mu);
    if (!keys_said && rh__store_words_check(NULL) == 0) {
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
            keys[i].what = rh__store_word(what_keys[i]);
        keys_said = true;
    }
    pthread_mutex_unlock(&keys_mu);
    return keys;
}

const struct rh_profile_key *rh_profile_keys(size_t *n)
{
    *n = sizeof keys / sizeof *keys;
    return keys_with_words();
}

static const struct rh_profile_key *find_key(const char *key)
{
    keys_with_words();
    for (size_t i = 0; key && i < sizeof keys / sizeof *keys; i++)
        if (strcmp(keys[i].key, key) == 0)
            return &keys[i];
    return NULL;
}

int rh_profile_check(const char *key, const char *value, struct rh_err *err)
{
    const struct rh_profile_key *k = find_key(key);
    if (!k)
        return rh__store_err(err, RH_EKEY, "profile_key", "key", key ? key : "", NULL);
    if (!value || !*value)
        return rh__store_err(err, RH_EINVAL, "profile_value", "key", k->key, "what", k->what,
                             NULL);
    if (strcmp(k->key, "tz") == 0) {
        struct rh_tz *tz = NULL;
        int r = rh_tz_load(value, &tz, err);
        rh_tz_free(tz);
        return r;
    }
    if (strcmp(k->key, "sex") == 0) {
        /* the words an intake file takes (female/f, male/m, other, any case) */
        if (rh_intake_word_find(RH_INTAKE_LIST_SEX, value) < 0)
            return rh__store_err(err, RH_ERANGE, "profile_sex", "value", value, NULL);
        return 0;
    }
    long v;
    if (rh_parse_long(value, &v))
        return rh__store_err(err, RH_ESYNTAX, "profile_number", "what", k->what, "value", value,
                             NULL);
    if (v < k->lo || v > k->hi) {
        char vs[24], lo[24], hi[24];
        snprintf(vs, sizeof vs, "%ld", v);
        snprintf(lo, sizeof lo, "%ld", k->lo);
        snprintf(hi, sizeof hi, "%ld", k->hi);
        return rh__store_err(err, RH_ERANGE, "profile_range", "what", k->what, "value", vs, "lo",
                             lo, "hi", hi, NULL);
    }
    return 0;
}

int rh_profile_check_on(const char *key, const char *value, int32_t today, struct rh_err *err)
{
    int r = rh_profile_check(key, value, err);
    if (r || strcmp(key, "birth_year") != 0)
        return r;
    /* a runner is not born after today (cli.md: dates after today are
     * refused like future dates); the year of today itself is kept */
    long v;
    int y, m, d;
    rh_civil_from_days(today, &y, &m, &d);
    if (!rh_parse_long(value, &v) && v > y) {
        char vs[24], ys[16];
        snprintf(vs, sizeof vs, "%ld", v);
        snprintf(ys, sizeof ys, "%d", y);
        return rh__store_err(err, RH_ERANGE, "profile_born_later", "year", vs, "this_year", ys,
                             NULL);
    }
    return 0;
}

const char *rh_profile_value(const char *key, const char *value)
{
    if (key && value && strcmp(key, "sex") == 0) {
        const char *w = rh_intake_word(RH_INTAKE_LIST_SEX, rh_intake_word_find(RH_INTAKE_LIST_SEX, value));
        assert(w); /* checked by rh_profile_check */
        return w ? w : value;
    }
    return value;
}

int rh_store_profile_get(struct rh_store *s, const char *key, char **value, struct rh_err *err)
{
    *value = NULL;
    if (!find_key(key))
        return rh_profile_check(key, NULL, err);
    return rh__store_get_text(s, "SELECT value FROM profile WHERE key = ?1", key,
                              "cannot read the profile", value, err);
}

int rh_store_profile_set(struct rh_store *s, const char *key, const char *value,
                         struct rh_err *err)
{
    int r = find_key(key) ? 0 : rh_profile_check(key, value, err);
    if (!r && value)
        r = rh_profile_check(key, value, err);
    if (r)
        return r;
    struct rh_tz *newtz = NULL;
    bool is_tz = strcmp(key, "tz") == 0;
    if (is_tz && value && (r = rh_tz_load(value, &newtz, err)))
        return r;
    if (is_tz && !value && (r = rh_tz_load(s->system_zone, &newtz, err)))
        return r;
    /* the name the store keeps of the zone the runner named (NULL: none) */
    char *newname = NULL;
    if (is_tz && value && !(newname = rh_strdup(value))) {
        rh_tz_free(newtz);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    sqlite3_stmt *st = NULL;
    if ((r = rh__store_wbegin(s, err))) {
        rh_tz_free(newtz);
        rh_free(newname);
        return r;
    }
    r = rh__store_prepare(s,
                          value ? "INSERT INTO profile(key, value) VALUES(?1, ?2) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
                                : "DELETE FROM profile WHERE key = ?1",
                          &st, err);
    if (!r) {
        rh__bind_text(st, 1, key);
        if (value)
            rh__bind_text(st, 2, rh_profile_value(key, value));
        if (sqlite3_step(st) != SQLITE_DONE)
            r = rh__store_fail(s, err, rh__store_word("fail_save_profile"));
    }
    sqlite3_finalize(st);
    struct rh_tz *old = s->tz;
    if (!r && is_tz) {
        s->tz = newtz; /* re-date the activities dated by the zone */
        r = rh__store_fill_zone_offsets(s, false, err);
        /* the diary's entries logged before any zone was named: on their
         * day in the zone named, for good (session 27) */
        if (!r && value)
            r = rh__store_anchor_entry_days(s, err);
    }
    r = rh__store_wend(s, r, err);
    if (is_tz) {
        /* a caller's transaction rolled back later leaves s->tz ahead of
         * the database until the store is reopened */
        if (r)
            s->tz = old;
        rh_tz_free(r ? newtz : old);
        if (!r) {
            rh_free(s->profile_zone);
            s->profile_zone = newname;
            newname = NULL;
        }
        rh_free(newname);
    }
    return r;
}

const struct rh_tz *rh_store_zone(const struct rh_store *s)
{
    return s->tz;
}

int rh__store_zone_init(struct rh_store *s, const char *system_zone, struct rh_err *err)
{
    rh_free(s->system_zone);
    s->system_zone = NULL;
    if (system_zone && *system_zone && !(s->system_zone = rh_strdup(system_zone)))
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    struct rh_tz *tz = NULL;
    int r = rh_tz_load(system_zone, &tz, NULL);
    if (r == RH_ENOMEM)
        return rh_err_set(err, r, "out of memory");
    if (r && (r = rh_tz_load(NULL, &tz, err))) /* a bad $TZ: the system file */
        return r;
    rh_tz_free(s->tz);
    s->tz = tz;
    return 0;
}

int rh__store_zone_from_profile(struct rh_store *s, struct rh_err *err)
{
    char *name = NULL;
    int r = rh_store_profile_get(s, "tz", &name, err);
    if (r || !name)
        return r;
    struct rh_tz *tz = NULL;
    r = rh_tz_load(name, &tz, err);
    if (r == 0) {
        rh_tz_free(s->tz);
        s->tz = tz;
        rh_free(s->profile_zone);
        s->profile_zone = name;
        name = NULL;
    } else if (r != RH_ENOMEM) {
        r = 0; /* the zone went from this system's database: keep the system's */
    }
    rh_free(name);
    return r;
}

int rh__store_zone_refresh(struct rh_store *s, struct rh_err *err)
{
    char *name = NULL;
    int r = rh_store_profile_get(s, "tz", &name, err);
    if (r)
        return r;
    bool same = name && s->profile_zone ? strcmp(name, s->profile_zone) == 0
                                        : !name && !s->profile_zone;
    rh_free(name);
    if (same)
        return 0;
    char *sys = NULL;
    if (s->system_zone && !(sys = rh_strdup(s->system_zone)))
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    rh_free(s->profile_zone);
    s->profile_zone = NULL;
    r = rh__store_zone_init(s, sys, err);
    rh_free(sys);
    return r ? r : rh__store_zone_from_profile(s, err);
}

int rh__store_fill_zone_offsets(struct rh_store *s, bool only_missing, struct rh_err *err)
{
    sqlite3_stmt *sel = NULL, *upd = NULL;
    int r = rh__store_prepare(s,
                              only_missing
                                  ? "SELECT id, start_utc FROM activity WHERE start_utc IS NOT "
                                    "NULL AND offset_source IS NULL"
                                  : "SELECT id, start_utc FROM activity WHERE start_utc IS NOT "
                                    "NULL AND (offset_source IS NULL OR offset_source = 'zone')",
                              &sel, err);
    if (!r)
        r = rh__store_prepare(s,
                              "UPDATE activity SET utc_offset_min = ?2, local_day = ?3,"
                              " offset_source = 'zone' WHERE id = ?1",
                              &upd, err);
    int rc = SQLITE_DONE;
    while (!r && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
        int64_t t = sqlite3_column_int64(sel, 1);
        int32_t off = rh_tz_offset_min(s->tz, t);
        sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
        sqlite3_bind_int(upd, 2, off);
        sqlite3_bind_int(upd, 3, rh_local_day(t, off));
        if (sqlite3_step(upd) != SQLITE_DONE)
            r = rh__store_fail(s, err, rh__store_word("fail_date_activities_time_zone"));
        sqlite3_reset(upd);
    }
    if (!r && rc != SQLITE_DONE)
        r = rh__store_fail(s, err, rh__store_word("fail_list_activities_to_date"));
    sqlite3_finalize(sel);
    sqlite3_finalize(upd);
    return r;
}
