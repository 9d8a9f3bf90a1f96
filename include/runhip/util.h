/* SPDX-License-Identifier: MIT */
/*
 * runhip/util.h: errors, allocation, bounded buffers, UTC time and small
 * helpers shared by every part of the library.
 *
 * Conventions (whole library):
 *  - A function that can fail returns int: 0 (RH_OK) or a negative RH_E*
 *    code. Details go into an optional caller-owned struct rh_err (NULL is
 *    accepted everywhere).
 *  - Pointers in prototypes are borrowed unless the comment says otherwise.
 *    Returned heap memory is freed with the function the comment names.
 *  - Absent numeric values are NaN (RH_NONE) for doubles; test with rh_has().
 *  - Times are UTC seconds since 1970 (int64_t); dates are "YYYY-MM-DD"
 *    or days since 1970-01-01 (int32_t "day numbers").
 *  - The library never exits, prints, or reads the environment.
 */
#ifndef RUNHIP_UTIL_H
#define RUNHIP_UTIL_H

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- errors ---------------------------------------------------------- */

/* One list generates the enum, rh_strerror() and rh_errname().
 * Codes are never renumbered; add new ones at the end. */
#define RH_ERRNO_MAP(X)                                                                            \
    X(OK, 0, "success")                                                                            \
    X(ENOMEM, -1, "out of memory")                                                                 \
    X(EINVAL, -2, "invalid argument")                                                              \
    X(EIO, -3, "input/output error")                                                               \
    X(EFORMAT, -4, "not a valid file of this format")                                              \
    X(ETRUNC, -5, "file is truncated")                                                             \
    X(ECRC, -6, "checksum mismatch")                                                               \
    X(ERANGE, -7, "value out of range")                                                            \
    X(EKEY, -8, "unknown key or word")                                                             \
    X(EDB, -9, "database error")                                                                   \
    X(ENOTFOUND, -10, "not found")                                                                 \
    X(EDUP, -11, "already stored")                                                                 \
    X(EVERSION, -12, "written by a newer version of runhip")                                       \
    X(EUNSUPPORTED, -13, "not supported")                                                          \
    X(ELIMIT, -14, "size limit exceeded")                                                          \
    X(EEMPTY, -15, "no data")                                                                      \
    X(ESYNTAX, -16, "syntax error")

enum rh_errcode {
#define RH__ENUM(name, val, text) RH_##name = val,
    RH_ERRNO_MAP(RH__ENUM)
#undef RH__ENUM
};

/* Static text for a code ("out of memory"); never NULL. */
const char *rh_strerror(int code);
/* Static name for a code ("RH_ENOMEM"); never NULL. */
const char *rh_errname(int code);

/* Caller-owned error details. line/offset are -1 when unknown. */
struct rh_err {
    int code;
    long line;     /* 1-based line in a text input, -1 if none */
    long offset;   /* byte offset in a binary input, -1 if none */
    char msg[512]; /* human text, lower-case start, no final full stop */
};

/* Resets e (if not NULL) to "no error". */
void rh_err_clear(struct rh_err *e);
/* Fills e (if not NULL) with code and a printf-style message; returns code. */
int rh_err_set(struct rh_err *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* As rh_err_set, also recording a line number. */
int rh_err_setl(struct rh_err *e, int code, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- allocation -------------------------------------------------------- */

/* All library allocation goes through these, so tests can count and fail
 * them. They return NULL on failure (never abort). */
void *rh_malloc(size_t n);
void *rh_calloc(size_t n, size_t size);
void *rh_realloc(void *p, size_t n);
void rh_free(void *p);
/* Copy of s (NULL gives NULL); free with rh_free. */
char *rh_strdup(const char *s);
char *rh_strndup(const char *s, size_t n);

/* Test hook: make the n-th allocation from now fail (0 disables).
 * Returns the number of allocations made since the last call. */
long rh_alloc_fail_after(long n);
/* How many allocations have failed in this thread so far. A reader whose
 * library turns an allocation failure into a syntax error or a cut string
 * (jansson's lexer, expat) compares it before and after the call, so that
 * running out of memory is reported as such, never as a bad file. */
long rh_alloc_failures(void);

/* ---- bounded growable buffer -------------------------------------------- */

/* A byte buffer with a hard cap (max == 0: 1 GiB). data is always NUL
 * terminated when len > 0. Caller owns the struct; rh_buf_release frees. */
struct rh_buf {
    char *data;
    size_t len, cap, max;
};
void rh_buf_init(struct rh_buf *b, size_t max);
void rh_buf_release(struct rh_buf *b);
void rh_buf_reset(struct rh_buf *b); /* len = 0, memory kept */
int rh_buf_reserve(struct rh_buf *b, size_t extra);
int rh_buf_append(struct rh_buf *b, const void *p, size_t n);
int rh_buf_puts(struct rh_buf *b, const char *s);
int rh_buf_printf(struct rh_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int rh_buf_vprintf(struct rh_buf *b, const char *fmt, va_list ap);
/* The one JSON string writer: appends s as a JSON string literal (quotes,
 * control characters escaped), or null when s is NULL. The output is
 * always valid UTF-8: a byte sequence that is not UTF-8 becomes U+FFFD. */
int rh_buf_json_str(struct rh_buf *b, const char *s);
/* As rh_buf_json_str, for the first n bytes of s (NUL bytes escaped). */
int rh_buf_json_strn(struct rh_buf *b, const char *s, size_t n);
/* Takes the buffer's memory (caller frees with rh_free) and re-inits b. */
char *rh_buf_take(struct rh_buf *b);

/* ---- fixed-size strings ------------------------------------------------- */

/* Appends printf-style text to the NUL-terminated string in dst (capacity
 * cap), truncating at the end; does nothing when dst is already full. */
void rh_str_appendf(char *dst, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void rh_str_vappendf(char *dst, size_t cap, const char *fmt, va_list ap);

/* ---- text from files (util/text.c) ------------------------------------ */

/* Length (1-4) of the valid UTF-8 character at s (n bytes available) with
 * its code point in *cp, or 0 when the bytes are not UTF-8 (overlong forms
 * and surrogates included). */
size_t rh_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Length of the longest prefix of s of at most max bytes that does not cut
 * a character in two. */
size_t rh_utf8_cut(const char *s, size_t max);
/* Columns the n bytes at s take on a terminal: its characters (bytes less
 * UTF-8 continuation bytes; the program's words are Latin script, one
 * column a character). */
size_t rh_utf8_columns(const char *s, size_t n);
/* A name from a file made fit to store and show (the one check of names on
 * the way in): control characters become spaces, runs of spaces fold,
 * leading and trailing spaces go, bytes that are not UTF-8 become U+FFFD,
 * and it is cut to at most max bytes at a character boundary. NULL for
 * NULL or out of memory; free with rh_free. */
char *rh_name_clean(const char *s, size_t max);
/* The edit distance (insertions, deletions, substitutions) of two short
 * words, for "did you mean"; RH_EDIT_FAR when either is longer than
 * RH_EDIT_MAX bytes. Borrows both strings. */
enum { RH_EDIT_MAX = 40, RH_EDIT_FAR = 99 };
int rh_edit_distance(const char *a, const char *b);
/* The one HTML escaper (the web's pages, the hand-off report, the list of
 * sources): s appended to b with & < > " as entities (' too with
 * RH_HTML_APOS, as the web's pages ask), a control character but tab and
 * line feed dropped (C0 and DEL: what a stored text from elsewhere may hold,
 * the fuzz_writers target found ESC and \x01 in the report), and a byte that
 * is not UTF-8 written as U+FFFD. NULL appends nothing. 0 or RH_ENOMEM /
 * RH_ELIMIT (b's limit). s is borrowed; b the caller's. */
#define RH_HTML_APOS 1u
int rh_html_escape(struct rh_buf *b, const char *s, unsigned flags);
/* The one check of text a runner types in (a shoe name, a diary note, a
 * web form field), made before anything is stored: valid UTF-8, no control
 * character (C0, DEL, C1, or a mark that reorders the line; a note may hold
 * line breaks and tabs), at most RH_ENTRY_*_MAX characters, and a name not
 * blank. Names that come from files are cleaned instead (rh_name_clean).
 * `what` names the field in the message ("the shoe name"). 0 (a NULL note
 * is no note), or RH_ESYNTAX / RH_ELIMIT with the reason in plain words. */
enum rh_entry_kind { RH_ENTRY_NAME, RH_ENTRY_NOTE };
#define RH_ENTRY_NAME_MAX 64   /* characters */
#define RH_ENTRY_NOTE_MAX 1000 /* characters */
int rh_entry_check(const char *s, enum rh_entry_kind kind, const char *what, struct rh_err *err);

/* The one helper for a count said in words (review 11 #17: "1 days", "1
 * strength sessions"): "" when n is 1 (or -1), else "s", as in
 * printf("%d day%s", n, rh_plural_s(n)). Templates of the data files write
 * "{} day{s}" (rh_text_fill_count). */
const char *rh_plural_s(double n);
/* The one sanitiser of text for a terminal: appends s with every control
 * character shown escaped (\x1b, \r, \u009b; also \n and \t unless
 * keep_newlines) and bytes that are not UTF-8 as \xNN, so a file can never
 * send an escape sequence to the screen. */
int rh_buf_term_str(struct rh_buf *b, const char *s, bool keep_newlines);

/* ---- numbers ------------------------------------------------------------ */

#define RH_NONE ((double)NAN)
static inline bool rh_has(double x)
{
    return !isnan(x);
}

/* Strict number parsing: whole string, no trailing garbage, decimal only
 * (no hexadecimal, no "inf" or "nan"). 0 or RH_ESYNTAX. */
int rh_parse_long(const char *s, long *out);
int rh_parse_double(const char *s, double *out);

/* ---- time and dates (UTC only; no time zone from the environment) ------ */

/* Days since 1970-01-01 for a proleptic Gregorian date. */
int32_t rh_days_from_civil(int y, int m, int d);
void rh_civil_from_days(int32_t days, int *y, int *m, int *d);
/* "YYYY-MM-DD" -> day number. 0 or RH_ESYNTAX (also for invalid dates). */
int rh_date_parse(const char *s, int32_t *day);
/* As rh_date_parse; on failure msg says why in plain words ("'2026-02-30'
 * is not a day of the calendar: February 2026 has 28 days", or "is not a
 * date: give it as YYYY-MM-DD"). */
int rh_date_parse_said(const char *s, int32_t *day, char *msg, size_t cap);
/* day number -> "YYYY-MM-DD" into out (at least 11 bytes). */
void rh_date_format(int32_t day, char out[static 11]);
/* "YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm|-hh:mm)" -> UTC seconds. A missing
 * zone is taken as UTC. 0 or RH_ESYNTAX. */
int rh_time_parse_iso(const char *s, int64_t *t);
/* UTC seconds -> "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void rh_time_format_iso(int64_t t, char out[static 21]);
/* Floor division helpers for day numbers of a UTC time. */
static inline int32_t rh_day_of_time(int64_t t)
{
    return (int32_t)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400));
}
/* Seconds as "h:mm:ss" (an hour or more) or "m:ss"; "-" when absent or
 * negative. Writes at most n bytes into out. */
void rh_fmt_duration(double s, char *out, size_t n);
/* Day of week of a day number: 0 = Monday .. 6 = Sunday. */
int rh_weekday(int32_t day);
/* A day in words, "Tuesday 1 December 2026", into out (n bytes; 32 hold
 * every day). */
void rh_day_words(int32_t day, char *out, size_t n);
/* A UTC instant as a local time in words, "Tuesday 1 December 2026 at
 * 12:00", utc_offset_min minutes east of UTC (rh_tz_offset_min); 40 bytes
 * hold every time. */
void rh_time_words(int64_t t, int32_t utc_offset_min, char *out, size_t n);

/* ---- local days and time zones (tz.c) ------------------------------------ */

/* The runner's days are local calendar days: a UTC instant t is on day
 * rh_local_day(t, minutes east of UTC). */
static inline int32_t rh_local_day(int64_t t, int32_t utc_offset_min)
{
    return rh_day_of_time(t + (int64_t)utc_offset_min * 60);
}
/* A file's own UTC offset counts only when plausible: within 14 hours of
 * UTC and a whole number of quarter hours (cli.md). */
bool rh_utc_offset_plausible(int32_t minutes);

/* Where the tz database's compiled files are (Debian package tzdata). */
#ifndef RH_TZ_DIR
#define RH_TZ_DIR "/usr/share/zoneinfo"
#endif
/* A time zone read from the tz database (TZif files and their POSIX rule
 * for later years; daylight saving included). Opaque; owned by the caller,
 * freed with rh_tz_free. Read-only after loading: safe to share between
 * threads. */
struct rh_tz;
/* Loads a zone by IANA name ("America/Los_Angeles"), "UTC", or a POSIX TZ
 * rule ("EST5EDT,M3.2.0,M11.1.0"); a leading ':' is ignored. NULL or ""
 * loads the system zone (/etc/localtime; UTC when there is none). The
 * library never reads $TZ: the program passes it here. 0, RH_ENOTFOUND
 * (unknown name, with a message), RH_EFORMAT, RH_ENOMEM. */
int rh_tz_load(const char *name, struct rh_tz **out, struct rh_err *err);
/* As rh_tz_load with names looked up under dir instead of RH_TZ_DIR. */
int rh_tz_load_from(const char *dir, const char *name, struct rh_tz **out, struct rh_err *err);
/* Parses TZif bytes (RFC 8536) as the zone called name. */
int rh_tz_parse(const void *buf, size_t len, const char *name, struct rh_tz **out,
                struct rh_err *err);
void rh_tz_free(struct rh_tz *tz);
/* The name the zone was loaded as ("UTC" for NULL); owned by tz. */
const char *rh_tz_name(const struct rh_tz *tz);
/* True when name has the form of a tz database name (no path tricks). */
bool rh_tz_name_ok(const char *name);
/* Minutes east of UTC in tz at instant t (NULL tz: 0). */
int32_t rh_tz_offset_min(const struct rh_tz *tz, int64_t t);
/* The local day of instant t in tz. */
int32_t rh_tz_day(const struct rh_tz *tz, int64_t t);
/* The instant of local noon of day in tz (NULL tz: 12:00 UTC), whose
 * rh_tz_day is day: a pinned day's stored records are dated so. */
int64_t rh_tz_noon(const struct rh_tz *tz, int32_t day);

/* ---- hashing ------------------------------------------------------------ */

/* Streaming 64-bit content hash (not cryptographic): used to recognise a
 * file seen before. Caller-owned state. */
struct rh_hash {
    uint64_t h;
    uint64_t n;
};
void rh_hash_init(struct rh_hash *s);
void rh_hash_update(struct rh_hash *s, const void *p, size_t n);
uint64_t rh_hash_final(const struct rh_hash *s);

/* ---- sections-and-keys text files (for data/ and intake-like inputs) --- */

/* Reads a text made of "[section]" headers and "key = value" lines ('#'
 * starts a comment line; a value may continue on following lines that start
 * with whitespace, joined by a single space). For each entry cb is called
 * with the current section (or "" before any), key, value and line; the
 * strings are valid only during the call. A non-zero return from cb stops
 * the walk and is returned. Syntax errors give RH_ESYNTAX with the line. */
typedef int (*rh_kv_cb)(void *ctx, const char *section, const char *key, const char *value,
                        long line, struct rh_err *err);
int rh_kv_parse(const char *text, size_t len, rh_kv_cb cb, void *ctx, struct rh_err *err);

/* ---- embedded data files -------------------------------------------------- */

/* RH_EMBED(sym, "data/file.txt") at file scope defines
 *   extern const char sym[]; extern const char sym##_end[];
 * holding the bytes of the file (NUL terminated), assembled from the repo
 * root. The .c file that uses it must be named *_data.c so the Makefile
 * rebuilds it when data/ changes. */
#define RH__STR(x) #x
#define RH_EMBED(sym, path)                                                                        \
    __asm__(".section .rodata\n"                                                                   \
            ".global " RH__STR(sym) "\n"                                                           \
            ".balign 16\n" RH__STR(sym) ":\n"                                                      \
            ".incbin \"" path "\"\n"                                                               \
            ".global " RH__STR(sym) "_end\n" RH__STR(sym) "_end:\n"                                \
            ".byte 0\n"                                                                            \
            ".previous\n");                                                                        \
    extern const char sym[];                                                                       \
    extern const char sym##_end[]

#endif
