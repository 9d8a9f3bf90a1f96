/* SPDX-License-Identifier: MIT */
/*
 * runhip/store.h: the runner's database (SQLite). One module owns every SQL
 * statement; all are prepared with bound parameters, every write runs in a
 * transaction, the journal is WAL, and foreign keys are on.
 *
 * Ownership: rh_store_open returns a handle freed by rh_store_close. Strings
 * and arrays returned through out-parameters are owned by the caller and
 * freed with the function named beside each call. Input pointers are
 * borrowed for the duration of the call.
 *
 * Transactions: every write function runs in its own transaction unless the
 * caller has opened one with rh_store_begin, in which case it joins it.
 */
#ifndef RUNHIP_STORE_H
#define RUNHIP_STORE_H

#include "runhip/activity.h"
#include "runhip/util.h"

#define RH_STORE_SCHEMA_VERSION 1
/* PRAGMA application_id of a runhip database ("RHIP"): the marker that
 * tells runhip's file from another program's. */
#define RH_STORE_APP_ID 0x52484950

struct rh_store;

enum rh_store_flags {
    RH_STORE_READONLY = 1u << 0, /* open an existing database read-only */
    RH_STORE_MKDIR = 1u << 1,    /* create missing parent directories */
    RH_STORE_EXISTING = 1u << 2, /* open only a database that exists (read-write):
                                    RH_ENOTFOUND, nothing created, when there is none */
};

/* Opens (creating and migrating if needed) the database at path.
 * Only a missing or empty file, or runhip's own database (application_id
 * RH_STORE_APP_ID, or a first-version runhip database) is opened: any other
 * file, SQLite or not, is refused with RH_EDB and left byte for byte
 * untouched (the journal mode is switched only after that check). A
 * database whose schema is newer than this program's is refused with
 * RH_EVERSION and left untouched. With RH_STORE_EXISTING or
 * RH_STORE_READONLY a missing or empty file gives RH_ENOTFOUND and nothing
 * is created. Messages do not repeat the path (callers name it).
 * *out is set only on success; free with rh_store_close. */
int rh_store_open(const char *path, unsigned flags, struct rh_store **out, struct rh_err *err);
void rh_store_close(struct rh_store *s);
/* The schema version of the open database (PRAGMA user_version). */
int rh_store_version(struct rh_store *s);
/* The path the store was opened with (owned by the store). */
const char *rh_store_path(const struct rh_store *s);

int rh_store_begin(struct rh_store *s, struct rh_err *err);
int rh_store_commit(struct rh_store *s, struct rh_err *err);
void rh_store_rollback(struct rh_store *s);

/* ---- settings and athlete profile (key -> text value) ----------------- */
/* Known keys: "profile.sex", "profile.birth_year", "profile.rest_hr",
 * "profile.max_hr", "profile.weight_kg". Others are free for the parts. */
int rh_store_meta_set(struct rh_store *s, const char *key, const char *value, struct rh_err *err);
/* *value is NULL when the key is absent (returns 0). Free with rh_free. */
int rh_store_meta_get(struct rh_store *s, const char *key, char **value, struct rh_err *err);

/* ---- activities -------------------------------------------------------- */
/* Looks for an activity seen before: same content hash, or same start time
 * and device. 0 with *id set when found, RH_ENOTFOUND when not. */
int rh_store_activity_find(struct rh_store *s, const struct rh_activity *a, int64_t *id,
                           struct rh_err *err);
/* Stores a (summary, track, splits) unless it is a duplicate (RH_EDUP with
 * *id of the stored one). id may be NULL. */
int rh_store_activity_add(struct rh_store *s, const struct rh_activity *a, int64_t *id,
                          struct rh_err *err);
enum rh_store_list_flags {
    RH_STORE_WITH_TRACK = 1u << 0,
    RH_STORE_WITH_SPLITS = 1u << 1,
    RH_STORE_WITH_UNDATED = 1u << 2, /* also activities with no start time, listed last */
};
/* Activities with from_utc <= start < to_utc, oldest first (and, with
 * RH_STORE_WITH_UNDATED, those whose file had no time at all). *out is an
 * array of *n activities; free with rh_activity_array_free. */
int rh_store_activities(struct rh_store *s, int64_t from_utc, int64_t to_utc, unsigned flags,
                        struct rh_activity **out, size_t *n, struct rh_err *err);
void rh_activity_array_free(struct rh_activity *a, size_t n);
/* Number of stored activities, or a negative error. */
long rh_store_activity_count(struct rh_store *s, struct rh_err *err);

/* ---- diary: pain entries ------------------------------------------------ */
struct rh_pain_entry {
    int64_t id;
    int32_t day;      /* day number (see util.h) */
    int pain;         /* 0..10 now */
    int during_run;   /* 0..10, -1 not given */
    int next_morning; /* 0..10, -1 not given */
    char *note;       /* owned; may be NULL */
    int64_t created_utc;
};
/* Validates ranges (RH_ERANGE) and stores. id may be NULL. */
int rh_store_pain_add(struct rh_store *s, const struct rh_pain_entry *e, int64_t *id,
                      struct rh_err *err);
/* Entries with from_day <= day <= to_day, by day then id. Free with
 * rh_pain_array_free. */
int rh_store_pain_list(struct rh_store *s, int32_t from_day, int32_t to_day,
                       struct rh_pain_entry **out, size_t *n, struct rh_err *err);
void rh_pain_array_free(struct rh_pain_entry *e, size_t n);

/* ---- diary: sessions (strength, mobility, cross-training, rest, run) --- */
enum rh_session_kind {
    RH_SESSION_STRENGTH = 0,
    RH_SESSION_MOBILITY,
    RH_SESSION_CROSS_TRAIN,
    RH_SESSION_REST,
    RH_SESSION_RUN, /* a run logged by hand, or an RPE for a recorded run */
    RH_SESSION__COUNT
};
const char *rh_session_kind_name(enum rh_session_kind k);
int rh_session_kind_parse(const char *name, enum rh_session_kind *out);
struct rh_session {
    int64_t id;
    int32_t day;
    enum rh_session_kind kind;
    double minutes; /* RH_NONE if not given */
    int rpe;        /* 0..10 (CR-10), -1 if not given */
    char *note;     /* owned; may be NULL */
    int64_t created_utc;
};
int rh_store_session_add(struct rh_store *s, const struct rh_session *e, int64_t *id,
                         struct rh_err *err);
int rh_store_session_list(struct rh_store *s, int32_t from_day, int32_t to_day,
                          struct rh_session **out, size_t *n, struct rh_err *err);
void rh_session_array_free(struct rh_session *e, size_t n);

/* ---- shoes ------------------------------------------------------------- */
/* Registers or updates a pair: distance_before_km is what the pair ran
 * before runhip saw it; retired_day -1 while in use. Activities refer to a
 * pair by activity.gear == name. */
int rh_store_shoe_put(struct rh_store *s, const char *name, double distance_before_km,
                      int32_t first_day, int32_t retired_day, struct rh_err *err);

/* ---- assessments and plans (documents stored as JSON text) ------------- */
int rh_store_assessment_add(struct rh_store *s, int64_t created_utc, const char *intake_json,
                            const char *result_json, int64_t *id, struct rh_err *err);
/* The newest assessment: RH_ENOTFOUND if none. Strings: free with rh_free. */
int rh_store_assessment_latest(struct rh_store *s, int64_t *id, int64_t *created_utc,
                               char **intake_json, char **result_json, struct rh_err *err);
int rh_store_plan_add(struct rh_store *s, int64_t assessment_id, int64_t created_utc,
                      const char *state_json, int64_t *id, struct rh_err *err);
int rh_store_plan_update(struct rh_store *s, int64_t id, const char *state_json,
                         struct rh_err *err);
/* The newest plan: RH_ENOTFOUND if none. Free the string with rh_free. */
int rh_store_plan_latest(struct rh_store *s, int64_t *id, int64_t *assessment_id,
                         char **state_json, struct rh_err *err);

/* ---- weekly check-in (OSTRC-style) -------------------------------------- */
struct rh_checkin {
    int64_t id;
    int32_t day;
    int q[4];      /* item scores 0/8/17/25, -1 if skipped */
    int severity;  /* 0..100 */
    bool substantial;
};
int rh_store_checkin_add(struct rh_store *s, const struct rh_checkin *c, int64_t *id,
                         struct rh_err *err);
int rh_store_checkin_list(struct rh_store *s, struct rh_checkin **out, size_t *n,
                          struct rh_err *err); /* free with rh_free */

#endif
