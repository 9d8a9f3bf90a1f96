/* SPDX-License-Identifier: MIT */
/* Shared inside src/archive/ (and its unit tests) only: the CSV reader, the
 * Strava activities.csv table and gzip inflation. */
#ifndef RUNHIP_ARCHIVE_INT_H
#define RUNHIP_ARCHIVE_INT_H

#include "runhip/import.h"
#include "text/file_words.h"

/* Called once per CSV record with its fields (NUL-terminated, valid only
 * during the call) and the 1-based line where the record starts. A
 * non-zero return stops the parse and is returned. */
typedef int (*rh__csv_row_fn)(void *ctx, char **fields, size_t n, long line, struct rh_err *err);

/* Reads RFC 4180 CSV: fields separated by commas, records by CRLF or LF,
 * a field in double quotes may hold commas, newlines and "" for a quote.
 * A UTF-8 byte order mark is skipped. An unterminated quote or a stray
 * character after a closing quote is RH_ESYNTAX with the line.
 * Returns 0, RH_ENOMEM, RH_ESYNTAX or the callback's value. */
int rh__csv_parse(const char *text, size_t len, rh__csv_row_fn fn, void *ctx, struct rh_err *err);

/* The rows of a Strava activities.csv that name a file. */
struct rh__strava_row {
    char *file; /* "activities/123.fit.gz" as in the Filename column */
    char *name, *type, *gear; /* NULL when empty */
};
struct rh__strava {
    struct rh__strava_row *rows; /* sorted by file */
    size_t n, cap;
    char *prefix; /* folder of activities.csv inside the zip ("" at the root) */
};
void rh__strava_init(struct rh__strava *t);
void rh__strava_release(struct rh__strava *t);
/* Reads the CSV text into t (header row: columns found by name).
 * 0, RH_ENOMEM, RH_ESYNTAX, RH_EFORMAT (no Filename column). */
int rh__strava_load(struct rh__strava *t, const char *text, size_t len, struct rh_err *err);
/* The row for a zip member name (prefix + Filename), or NULL. */
const struct rh__strava_row *rh__strava_find(const struct rh__strava *t, const char *member);

/* True when head starts (after a byte order mark) with the header of a
 * Strava activities.csv ("Activity ID,"). */
bool rh__strava_sniff(const unsigned char *head, size_t n);
/* The activities of a Strava activities.csv that have no file (entered by
 * hand: a treadmill run, a manual entry), one to fn each: the row's date
 * (UTC), type (sport_source export_csv), elapsed and moving time,
 * distance, name and gear; file "SOURCE#ID" and a content hash of the
 * export's id and date (no format: ""). Rows with a file are left to
 * their files. 0, RH_EEMPTY (no such row), RH_ESYNTAX, RH_EFORMAT (no
 * Activity Date or Filename column), RH_ENOMEM, or fn's value. */
int rh__strava_manual_decode(const char *text, size_t len, const char *source, rh_activity_fn fn,
                             void *ctx, struct rh_err *err);

/* The walk of bytes in memory named name: a zip archive (as a zip file on
 * disk would be walked) or else one file. For the fuzz target and tests. */
int rh__import_walk_mem(const void *data, size_t len, const char *name, rh_import_src_fn fn,
                        void *ctx, struct rh_err *err);

/* Inflates gzip data (several members back to back allowed) into out,
 * whose max caps the size. 0, RH_ELIMIT, RH_ETRUNC, RH_EFORMAT, RH_ENOMEM. */
int rh__gunzip(const void *data, size_t len, struct rh_buf *out, struct rh_err *err);

/* Copies the JSON text s (n bytes) into out with every bare NaN, Infinity
 * and -Infinity token outside strings replaced by null (Polar writes them
 * for missing samples; they are not JSON). *count says how many.
 * 0 or RH_ENOMEM/RH_ELIMIT. */
int rh__json_bare_nan(const char *s, size_t n, struct rh_buf *out, size_t *count);

/* A Polar Flow training-session JSON into a (rh_activity_init'ed). 0,
 * RH_EUNSUPPORTED (JSON, but no training session), RH_ESYNTAX, RH_EFORMAT
 * or RH_ENOMEM with *err. */
int rh__polar_decode(const unsigned char *data, size_t len, struct rh_activity *a,
                     struct rh_err *warn, struct rh_err *err);
/* True when head looks like a Polar training session: a JSON object whose
 * first bytes name exportVersion or exercises. */
bool rh__polar_sniff(const unsigned char *head, size_t n);

/* The format of the first bytes of a file or member (head, n) when it is
 * one that is decoded as a stream (an Apple Health export.xml), else
 * RH_FMT_NONE: the walk then hands over a streamed source of that format
 * instead of reading it into memory. */
enum rh_format rh__stream_sniff(const unsigned char *head, size_t n);

/* A member or file of an Apple Health export that belongs to a workout and
 * is never an activity of its own (workout-routes/...), or that is no
 * activity and may be large (export_cda.xml). */
bool rh__apple_side_file(const char *path);

/* The archive formats the walk reads, set on a new libarchive reader: zip,
 * and tar (plain or gzip-compressed, as .tar.gz and .tgz exports come). */
struct archive;
void rh__archive_support(struct archive *a);

#endif
