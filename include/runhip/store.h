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

#define RH_STORE_SCHEMA_VERSION 10
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
/* As rh_store_open; system_zone is the zone to use while the profile names
 * none (the program passes $TZ; NULL or "" for /etc/localtime). An unknown
 * name falls back to /etc/localtime. */
int rh_store_open_tz(const char *path, unsigned flags, const char *system_zone,
                     struct rh_store **out, struct rh_err *err);
void rh_store_close(struct rh_store *s);
/* code24: the store's errors a runner reads (the diary's, the shoes', the
 * visits' and the check-ins'), each the key of its text in data/wording.txt
 * [store_words] with the named holes its code fills (struct
 * rh_words_named, runhip/text.h): the one table the section is checked
 * against (rh_words_named_check) when a store is first opened (a section
 * that does not fit it: RH_EFORMAT, no store opened) and before its first
 * message, for a test to read rather than copy. *n (not NULL) is set to
 * its length. Ownership: the library's static, read-only table, valid for
 * the life of the program; never freed nor written by the caller. */
struct rh_words_named;
const struct rh_words_named *rh_store_words_keys(size_t *n);
/* The schema version of the open database (PRAGMA user_version). */
int rh_store_version(struct rh_store *s);
/* The path the store was opened with (owned by the store). */
const char *rh_store_path(const struct rh_store *s);
/* For a handle kept open across requests (the web app's read-only ones):
 * *version is SQLite's data_version, which changes when another connection
 * has committed; when it changed since the last call, the profile's zone is
 * read again. 0 or a store error. */
int rh_store_refresh(struct rh_store *s, int64_t *version, struct rh_err *err);

int rh_store_begin(struct rh_store *s, struct rh_err *err);
int rh_store_commit(struct rh_store *s, struct rh_err *err);
void rh_store_rollback(struct rh_store *s);

/* ---- settings and athlete profile (key -> text value) ----------------- */
/* "profile.KEY" for a profile key (below) reads and writes the profile
 * (checked); "profile.weight_kg" and others are free for the parts. */
int rh_store_meta_set(struct rh_store *s, const char *key, const char *value, struct rh_err *err);
/* *value is NULL when the key is absent (returns 0). Free with rh_free. */
int rh_store_meta_get(struct rh_store *s, const char *key, char **value, struct rh_err *err);

/* ---- the runner's profile (cli.md `profile`) -------------------------- */
/* Keys: tz, sex, birth_year, rest_hr, max_hr (the old settings keys
 * "profile.KEY" of rh_store_meta_get/set reach the same rows). */
struct rh_profile_key {
    const char *key;
    long lo, hi;      /* range of a number; 0, 0 for words */
    const char *what; /* plain words for help and errors (data/wording.txt
                       * [store_words] what_KEY; "" while they cannot be read) */
};
/* The table of keys (static; *n entries). */
const struct rh_profile_key *rh_profile_keys(size_t *n);
/* Checks a value for a key: 0, RH_EKEY (unknown key), RH_ESYNTAX/RH_ERANGE
 * (bad value), RH_ENOTFOUND (unknown time zone), each with a message. */
int rh_profile_check(const char *key, const char *value, struct rh_err *err);
/* As rh_profile_check, on the local day `today` (a day number): also
 * refuses a year of birth after today's year (RH_ERANGE). The program and
 * the web check with this one. */
int rh_profile_check_on(const char *key, const char *value, int32_t today, struct rh_err *err);
/* The value as it is stored: for sex the intake's word for it (its one table
 * of words and synonyms: "F", "f" and "Female" are "female"; static), else
 * value itself. value must have passed rh_profile_check. */
const char *rh_profile_value(const char *key, const char *value);
/* *value NULL when unset. Free with rh_free. */
int rh_store_profile_get(struct rh_store *s, const char *key, char **value, struct rh_err *err);
/* Checks and stores (value NULL: unsets). Setting tz re-dates, in the same
 * transaction, every activity whose file gave no UTC offset. */
int rh_store_profile_set(struct rh_store *s, const char *key, const char *value,
                         struct rh_err *err);
/* The zone of the activities without an offset of their own: the profile's,
 * else the system's. Owned by the store, valid until the next profile
 * change or rh_store_close. */
const struct rh_tz *rh_store_zone(const struct rh_store *s);

/* ---- activities -------------------------------------------------------- */
/* One outing is one activity (cli.md). A recording matches a stored
 * activity when it is the same file (also one kept in also_in), or when
 * the two time spans overlap by 80% or more of the shorter one in the same
 * sport family (foot, cycling, swimming; an untyped one matches any), or
 * when both started the same second on the same device.
 * 0 with *id set when found, RH_ENOTFOUND when not. */
int rh_store_activity_find(struct rh_store *s, const struct rh_activity *a, int64_t *id,
                           struct rh_err *err);
enum rh_store_put_outcome {
    RH_STORE_ADDED = 0, /* a new activity */
    RH_STORE_DUPLICATE, /* the stored one is as rich or richer: a's file is in its also_in */
    RH_STORE_REPLACED,  /* a is richer: it replaced the stored recording, whose file
                         * moved to also_in (id, exclusion and the runner's sport kept) */
};
/* What an outing took of the whole record it replaces (rh_store_activity_split). */
enum rh_store_kept {
    RH_STORE_KEPT_SHOE = 1u << 0,     /* its shoe */
    RH_STORE_KEPT_EXCLUDED = 1u << 1, /* left out of every count, as the whole was */
    RH_STORE_KEPT_SPORT = 1u << 2,    /* the sport the runner gave the whole */
};
struct rh_store_put {
    enum rh_store_put_outcome outcome;
    int64_t id;             /* the activity stored, or matched */
    char matched_file[512]; /* DUPLICATE/REPLACED: the stored recording's file */
    bool same_content;      /* DUPLICATE: the very same file was seen before */
    unsigned kept;          /* rh_store_activity_split: RH_STORE_KEPT_* */
};
/* Stores a (summary, track, splits, its UTC offset: the file's when
 * plausible, else the store zone's at the start; its local day), or merges
 * it with the stored recording of the same outing, keeping the richer (a
 * complete file over a truncated one, then: a summary, more records, heart
 * rate, cadence). */
int rh_store_activity_put(struct rh_store *s, const struct rh_activity *a,
                          struct rh_store_put *res, struct rh_err *err);
/* A file of several outings (a GPX or TCX of several, a multisport FIT)
 * that a runhip before session 21 stored whole, as one activity under the
 * whole file's content hash (rh_activity.whole_hash): what is known of it. */
struct rh_store_whole {
    int64_t id;          /* the activity that held the whole file */
    char file[512];
    char gear[256];      /* its shoe, "" if none */
    char name[256];      /* its name, "" if none */
    enum rh_sport sport;
    bool sport_user;     /* the runner set the sport (activities --set) */
    bool excluded;       /* the runner left it out of every count */
};
/* 0 with *w when an activity holds the file of whole_hash whole, else
 * RH_ENOTFOUND (or a store error). */
int rh_store_activity_whole(struct rh_store *s, uint64_t whole_hash, struct rh_store_whole *w,
                            struct rh_err *err);
/* Stores the n outings (legs) of one file in place of the activity that
 * holds it whole, in one transaction: each outing as rh_store_activity_put
 * would, that activity passed over by the overlap rules (res[i], or
 * perr[i] when the store refused that outing's values: res[i].id 0); the
 * whole's other recordings (also_in) go to its longest outing of the
 * whole's sport family, else the longest; the whole goes; then each
 * outing stored as a new activity takes what the runner set on the whole
 * where it fits (res[i].kept): its exclusion; its shoe on an outing on
 * foot with none; the sport the runner gave it on an outing whose sport
 * the file does not say. *w says what the whole was. RH_ENOTFOUND with
 * nothing written when no activity holds the file whole (any more) or no
 * outing could be stored; a store error rolls everything back. */
int rh_store_activity_split(struct rh_store *s, uint64_t whole_hash,
                            const struct rh_activity *const *parts, size_t n,
                            struct rh_store_put *res, struct rh_err *perr,
                            struct rh_store_whole *w, struct rh_err *err);
/* As rh_store_activity_put; a duplicate gives RH_EDUP with *id of the
 * stored one. id may be NULL. */
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
/* One page of all the activities (the undated ones last): offset rows
 * skipped, at most limit rows, oldest first, or newest first when
 * newest_first. *total: how many there are in all (rh_store_activity_count).
 * Only the page's rows are read. Free *out with rh_activity_array_free. */
int rh_store_activity_page(struct rh_store *s, size_t offset, size_t limit, bool newest_first,
                           unsigned flags, struct rh_activity **out, size_t *n, size_t *total,
                           struct rh_err *err);
/* Activity id into *out (release with rh_activity_release); RH_ENOTFOUND. */
int rh_store_activity_get(struct rh_store *s, int64_t id, unsigned flags, struct rh_activity *out,
                          struct rh_err *err);
/* The other files recording activity id's outing (cli.md also_in), in the
 * order they came. *files: *n strings, free with rh_store_strings_free. */
int rh_store_activity_also(struct rh_store *s, int64_t id, char ***files, size_t *n,
                           struct rh_err *err);
void rh_store_strings_free(char **v, size_t n);
/* Number of stored activities, or a negative error. */
long rh_store_activity_count(struct rh_store *s, struct rh_err *err);

/* ---- the runner's corrections (cli.md `activities --set/--delete`) ----- */
/* KEY sport (a sport name; sport_source becomes "user"), shoe (a name, or
 * "none"), excluded ("yes": left out of every count, "no"). 0, RH_EKEY
 * (bad key or value, with the accepted ones), RH_ENOTFOUND (no such id). */
int rh_store_activity_set(struct rh_store *s, int64_t id, const char *key, const char *value,
                          struct rh_err *err);
/* Whether a shoe correction's value takes the shoe off ("" or "none"):
 * the one reading for the store and each front end's reply. value is
 * borrowed, not NULL. */
bool rh_store_shoe_unset(const char *value);
/* As rh_store_activity_set, and a sport correction looks for the outing
 * again (the import's duplicate rules, cli.md): another stored activity
 * that now records the same outing is merged into id (the richer recording
 * kept in the row, the other file in also_in, the runner's sport, a name
 * or shoe only the other had), so that the outing counts once. *merged
 * (may be NULL): how many were merged in. */
int rh_store_activity_correct(struct rh_store *s, int64_t id, const char *key, const char *value,
                              size_t *merged, struct rh_err *err);
/* Deletes activity id and its also_in list. 0 or RH_ENOTFOUND. */
int rh_store_activity_delete(struct rh_store *s, int64_t id, struct rh_err *err);
/* Kilometres and number of the activities (not excluded) run in pair name:
 * those naming it, and the runs naming no pair when it was the one pair in
 * use that day (RH__STORE_SHOE_OF_ACTIVITY, store_int.h). */
int rh_store_shoe_km(struct rh_store *s, const char *name, double *km, long *n_runs,
                     struct rh_err *err);

/* ---- diary: pain entries ------------------------------------------------ */
/* ---- the day of a diary entry (schema 10, session 27) -------------------
 * A pain entry, a session, a check-in or a visit logged for the day it was
 * logged on keeps the instant it was logged (dated_utc; at a pinned day's
 * local noon, as rh_tz_noon); its day is that instant's local day in the
 * store's zone now, so a zone named or changed later (runhip profile set
 * tz) moves it to the runner's own day, everywhere it is read. An entry for
 * a day the runner named, earlier than the day of logging, and every entry
 * stored before schema 10, keeps its stored day. */
/* The day of an entry: the local day of dated_utc in the store's zone when
 * dated_utc > 0, else stored_day. Every list of entries reads its days
 * through it (also as the SQL function rh_entry_day of the store's
 * connection). */
int32_t rh_store_entry_day(const struct rh_store *s, int64_t dated_utc, int32_t stored_day);
/* The instant an entry of day is dated by when stored now: the store's
 * clock (rh_store_pin_clock, else the system clock) when its local day is
 * day; else 0 (the day was named: it stands). */
int64_t rh_store_entry_moment(const struct rh_store *s, int32_t day);
/* Pins the store's clock for the entries stored after it (tests, demos,
 * --today): at instant now when now > 0, else at the local noon of day
 * (in the zone of the moment of storing) when has_day; neither: the
 * system clock. */
void rh_store_pin_clock(struct rh_store *s, bool has_day, int32_t day, int64_t now);

/* The warning signs ticked with an entry, as words separated by ", "
 * ("fever, wakes_at_night": rh_triage_signs_words writes them,
 * rh_triage_signs_parse reads them); "" when none was ticked. */
#define RH_SIGNS_TEXT_MAX 400
/* 0 when text is "" or words of a-z and _ separated by ", " (shorter than
 * RH_SIGNS_TEXT_MAX); else RH_EFORMAT naming the problem. Which words are
 * signs is the triage's to check (rh_triage_signs_parse). */
int rh_store_signs_check(const char *text, struct rh_err *err);
struct rh_pain_entry {
    int64_t id;
    int32_t day;      /* day number (see util.h) */
    int pain;         /* 0..10 now */
    int during_run;   /* 0..10, -1 not given */
    int next_morning; /* 0..10, -1 not given */
    char *note;       /* owned; may be NULL */
    int64_t created_utc;
    char signs[RH_SIGNS_TEXT_MAX]; /* the signs ticked with it, "" none (schema 5) */
    /* the activity the pain during activity was in, as the runner said it
     * (schema 9, session 23, plan27): one of rh_pain_activities, "" not said;
     * only with during_run. Shown with the entry; no count depends on it. */
    char activity[16];
    int64_t dated_utc; /* the instant its day is of, 0 none (rh_store_entry_day, schema 10) */
};
/* The activities a pain entry can name, in the order forms list them
 * ("run", "walk", "cross_train", "strength", "mobility"); *n their number. */
const char *const *rh_pain_activities(size_t *n);
/* 0 when kind is "" or one of rh_pain_activities; else RH_EINVAL naming
 * them. */
int rh_pain_activity_check(const char *kind, struct rh_err *err);
/* Validates ranges (RH_ERANGE) and stores. id may be NULL. */
int rh_store_pain_add(struct rh_store *s, const struct rh_pain_entry *e, int64_t *id,
                      struct rh_err *err);
/* Sets the next-morning pain of stored entry id (0..10). RH_ENOTFOUND if
 * there is no such entry. */
int rh_store_pain_set_next_morning(struct rh_store *s, int64_t id, int next_morning,
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
    double km;      /* run sessions: kilometres run, 0 if not given */
    int64_t dated_utc; /* the instant its day is of, 0 none (rh_store_entry_day, schema 10) */
};
/* Validates (RH_ERANGE: minutes 0..1440, RPE 0..10, km 0..1000; RH_EINVAL:
 * km on a session that is not a run) and stores. id may be NULL. */
int rh_store_session_add(struct rh_store *s, const struct rh_session *e, int64_t *id,
                         struct rh_err *err);
int rh_store_session_list(struct rh_store *s, int32_t from_day, int32_t to_day,
                          struct rh_session **out, size_t *n, struct rh_err *err);
void rh_session_array_free(struct rh_session *e, size_t n);

/* ---- shoes ------------------------------------------------------------- */
/* Registers or updates a pair: distance_before_km is what the pair ran
 * before runhip saw it; retired_day -1 while in use. Activities refer to a
 * pair by activity.gear == name. RH_ERANGE (nothing stored) for a distance
 * outside 0..10000 km or a retired_day before first_day. */
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
    char signs[RH_SIGNS_TEXT_MAX]; /* the signs ticked with it, "" none (schema 5) */
    char note[4 * RH_ENTRY_NOTE_MAX + 1]; /* the runner's own words with it, "" none (schema 6) */
    int64_t created_utc; /* when it was stored, 0 unknown (before schema 10) */
    int64_t dated_utc;   /* the instant its day is of, 0 none (rh_store_entry_day, schema 10) */
};
/* Validates (severity, signs, the note as rh_entry_check) and stores. */
int rh_store_checkin_add(struct rh_store *s, const struct rh_checkin *c, int64_t *id,
                         struct rh_err *err);
/* Deletes one check-in (a later one of the same week replaces it). */
int rh_store_checkin_delete(struct rh_store *s, int64_t id, struct rh_err *err);
int rh_store_checkin_list(struct rh_store *s, struct rh_checkin **out, size_t *n,
                          struct rh_err *err); /* free with rh_free */

/* ---- visits to a doctor or physiotherapist (schema 7) -------------------- */
/* What the clinician decided about running (review 11 #4): cleared to run,
 * no running for some weeks, walk-run, or cross-training only for some
 * weeks. The words are those of `runhip log visit` and the stored column. */
enum rh_visit_outcome {
    RH_VISIT_CLEARED = 0, /* cleared to run */
    RH_VISIT_NO_RUNNING,  /* no running for `weeks` weeks */
    RH_VISIT_WALK_RUN,    /* running comes back as walk-run */
    RH_VISIT_CROSS_TRAIN, /* cross-training only, no running, for `weeks` weeks */
    RH_VISIT__COUNT
};
#define RH_VISIT_WEEKS_MAX 52
/* "cleared", "no_running", "walk_run", "cross_train"; "?" out of range. */
const char *rh_visit_outcome_name(enum rh_visit_outcome o);
/* The same decisions in plain words, for a person ("cleared to run", "no
 * running for some weeks", "back to running as walk-run", "cross-training
 * only, no running, for some weeks"); "?" out of range. */
const char *rh_visit_outcome_said(enum rh_visit_outcome o);
/* True for the decisions that restrict running for some weeks (no_running,
 * cross_train): they take their weeks. */
bool rh_visit_restricts(enum rh_visit_outcome o);
/* Parses one of those words (a hyphen for the underscore is taken too);
 * RH_EKEY naming the words when it is none of them. */
int rh_visit_outcome_parse(const char *word, enum rh_visit_outcome *out, struct rh_err *err);
struct rh_visit {
    int64_t id;
    int32_t day;
    enum rh_visit_outcome outcome;
    int weeks;     /* no_running, cross_train: 1..RH_VISIT_WEEKS_MAX; else 0 */
    char note[4 * RH_ENTRY_NOTE_MAX + 1]; /* the runner's words, "" none */
    int64_t dated_utc; /* the instant its day is of, 0 none (rh_store_entry_day, schema 10) */
};
/* Checks a visit without storing it: a restriction (no_running,
 * cross_train) needs its weeks, 1..RH_VISIT_WEEKS_MAX (RH_ERANGE); the
 * other outcomes take none (RH_ERANGE); the note as rh_entry_check. */
int rh_visit_check(const struct rh_visit *v, struct rh_err *err);
/* What a visit decided, in plain words with its weeks ("no running for 6
 * weeks", "back to running as walk-run"), into buf (cap bytes). */
void rh_visit_said_of(const struct rh_visit *v, char *buf, size_t cap);
/* A visit from the words a person gave (the terminal's `log visit`, the web
 * diary's form), checked as rh_visit_check: day; decision, one of
 * rh_visit_outcome_parse's words (NULL or "": RH_EINVAL, saying what to
 * give); weeks, NULL or "" for none, else a whole number 1..
 * RH_VISIT_WEEKS_MAX (RH_ERANGE); note, NULL for none. Every message is
 * plain words, the same wherever they came from; *v is filled (and only
 * valid) on 0. */
int rh_visit_from_words(struct rh_visit *v, int32_t day, const char *decision, const char *weeks,
                        const char *note, struct rh_err *err);
/* Validates (rh_visit_check) and stores; id may be NULL. */
int rh_store_visit_add(struct rh_store *s, const struct rh_visit *v, int64_t *id,
                       struct rh_err *err);
/* Every stored visit, oldest first (free with rh_free). */
int rh_store_visit_list(struct rh_store *s, struct rh_visit **out, size_t *n,
                        struct rh_err *err);

#endif
