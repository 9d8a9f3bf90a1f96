/* SPDX-License-Identifier: MIT */
/*
 * runhip/import.h: finding activity files in whatever the runner hands over
 * (files, folders, .gz, .zip, Strava bulk exports, Garmin Connect exports
 * with zips inside a zip) and importing them into the store.
 *
 * Three layers, each usable on its own:
 *  - the walk: rh_import_walk() turns one path into a sequence of "sources"
 *    (raw bytes of one file or archive member, with its display name
 *    "archive!member" and the Strava CSV row that describes it);
 *  - the decode: rh_import_decode() turns one source into an activity
 *    (gzip inflated, format sniffed from the content, FIT/GPX/TCX decoder);
 *  - the pipeline: rh_import_run() walks in one thread, decodes on every
 *    core, and hands each result, in walk order, to one consumer thread
 *    that stores it (one transaction per activity) and reports it.
 *
 * Ownership: a struct rh_import_src handed to a rh_import_src_fn belongs to
 * the callee, who frees it with rh_import_src_free. Results given to the
 * on_result callback are valid only during the call. Paths are borrowed.
 */
#ifndef RUNHIP_IMPORT_H
#define RUNHIP_IMPORT_H

#include "runhip/activity.h"
#include "runhip/store.h"
#include "runhip/util.h"

/* Largest single file or archive member read or inflated (bytes). */
#define RH_IMPORT_MEMBER_MAX ((size_t)256 << 20)
/* Deepest nesting of zips inside zips that is followed. */
#define RH_IMPORT_ZIP_DEPTH 4

/* One file found by the walk, not decoded yet. */
struct rh_import_src {
    char *name;          /* path as given, or "archive!member[!member]" */
    unsigned char *data; /* raw bytes (may still be gzip); NULL if walk_code */
    size_t len;
    char *csv_name;      /* Strava activities.csv "Activity Name", or NULL */
    char *csv_type;      /* "Activity Type" ("Run", "Ride", ...), or NULL */
    char *csv_gear;      /* "Activity Gear", or NULL */
    bool named;          /* given by the user (not found in a folder or zip) */
    uint64_t in_bytes;   /* bytes of input (on disk) this source accounts for */
    int walk_code;       /* 0, or why the walk could not read it */
    struct rh_err walk_err;
    /* Too big to hand over in memory (an Apple Health export.xml): data is
     * NULL and the decoder streams it from path (a file on disk), or from
     * the zip member member of the archive at path. */
    bool stream;
    enum rh_format stream_fmt; /* the format the walk recognised */
    char *path;
    char *member; /* NULL for a plain file */
};
/* Frees src and everything it owns (NULL is fine). */
void rh_import_src_free(struct rh_import_src *src);

/* Receives one source and owns it from then on. A non-zero return stops
 * the walk and is returned by rh_import_walk. */
typedef int (*rh_import_src_fn)(void *ctx, struct rh_import_src *src);

/* Walks path: a folder recursively (entries in byte order of their names,
 * hidden entries skipped), a plain file, or a zip archive (by content, not
 * name: members entry by entry, zips inside followed up to
 * RH_IMPORT_ZIP_DEPTH, __MACOSX/ and "._" resource forks skipped, a Strava
 * activities.csv read first and attached to the rows' files). What cannot
 * be read (missing file, corrupt zip, member over RH_IMPORT_MEMBER_MAX) is
 * handed over as a source with walk_code set, and the walk goes on.
 * Returns 0, RH_ENOMEM, or the callback's non-zero value. */
int rh_import_walk(const char *path, rh_import_src_fn fn, void *ctx, struct rh_err *err);
/* As rh_import_walk; also: each folder is visited once (by device and
 * inode, so symbolic-link loops end), a link found in the tree is followed
 * only to a folder inside the tree given, pipes, sockets and devices are
 * skipped (never opened), and the database at except_db (with its -wal,
 * -shm and -journal files) is skipped when except_db is not NULL. A missing
 * path is RH_ENOTFOUND; an empty zip archive is RH_EEMPTY. */
int rh_import_walk_except(const char *path, const char *except_db, rh_import_src_fn fn,
                          void *ctx, struct rh_err *err);

/* Counts the bytes on disk under path (folders recursively, hidden entries
 * skipped) for a progress bar. Never fails: unreadable entries count 0. */
uint64_t rh_import_scan_bytes(const char *path);

/* Decodes one source into a (which the caller has rh_activity_init'ed):
 * inflates gzip (also a gzip named .fit) into a buffer of at most
 * RH_IMPORT_MEMBER_MAX, recognises FIT by its header and GPX/TCX by the
 * XML root, runs the decoder, then sets a->file to src->name, the content
 * hash over the inflated bytes, and the name, sport and gear from the
 * Strava CSV row. Returns 0 (a usable activity; *warn may carry RH_ECRC or
 * RH_ETRUNC), RH_EUNSUPPORTED when the content is no activity format, or
 * another negative code with *err; on failure a is released. */
int rh_import_decode(const struct rh_import_src *src, struct rh_activity *a, struct rh_err *warn,
                     struct rh_err *err);

/* Decodes every activity of one source (most files hold one; an Apple
 * Health export holds one per workout), handing each to fn as it is
 * completed, with the same finishing as rh_import_decode (file, hash, CSV
 * details). The format is chosen by the one table of format handlers
 * (src/archive/formats.c). progress (may be NULL) is raised by the input
 * bytes a streamed source has consumed so far. Returns 0, RH_EUNSUPPORTED,
 * another negative code with *err (activities already handed over stay
 * valid), or fn's non-zero value. */
int rh_import_decode_each(const struct rh_import_src *src, rh_activity_fn fn, void *ctx,
                          _Atomic uint64_t *progress, struct rh_err *err);

/* Maps a Strava "Activity Type" ("Run", "Trail Run", "Ride", ...) to a
 * sport. 0, or RH_EKEY when the word is not known. */
/* Every kind of file the importer reads, from its one table of format
 * handlers (src/archive/formats.c) and the containers around them, in
 * words for a runner: "watch files .fit, .gpx, .tcx, Suunto .sml, ...,
 * any of these gzipped (.gz) or a Strava or Garmin export .zip". Written
 * into buf (cut at cap); returns the full length. */
size_t rh_import_formats_words(char *buf, size_t cap);
/* The same as file name endings for an upload form's accept attribute
 * (".fit,.gpx,...,.FIT,.GPX,..."); returns the full length. */
size_t rh_import_formats_accept(char *buf, size_t cap);

int rh_import_strava_sport(const char *type, enum rh_sport *out);

/* ---- the sport of an untyped recording (infer.c, data/sport_inference.txt) */

struct rh_infer_rules {
    double transition_kmh, min_kmh, run_min_cadence_spm, band_kmh, run_min_hr;
    double run_max_kmh, run_max_min_minutes, run_infer_max_kmh, cycle_max_kmh;
    double run_ultra_hours, run_ultra_max_kmh, run_long_hours, run_long_max_kmh;
};
/* Parses the thresholds (every key required, unknown keys refused). */
int rh_infer_rules_parse(const char *text, size_t len, struct rh_infer_rules *out,
                         struct rh_err *err);
/* The compiled-in data/sport_inference.txt. */
int rh_infer_rules_default(struct rh_infer_rules *out, struct rh_err *err);
enum rh_infer_outcome {
    RH_INFER_NONE = 0,  /* left as it was */
    RH_INFER_SET,       /* an untyped recording got a sport */
    RH_INFER_CORRECTED, /* a foot sport was impossible (too fast): now cycling or other */
};
/* Infers a's sport from its average speed (then cadence and heart rate
 * near the walk-run transition) when it is "other", and corrects a foot
 * sport faster than anyone runs; sets sport_source to inferred when it
 * changes anything. A sport set by the runner is never touched. */
enum rh_infer_outcome rh_activity_infer_sport(struct rh_activity *a,
                                              const struct rh_infer_rules *r);

/* Whether a lasted hours at an average speed beyond the ultra-distance
 * world bests (data/sport_inference.txt [running] ultra_* and long_*): not
 * one run on foot, so rh_activity_infer_sport counts it as "other". */
bool rh_infer_too_fast_for_hours(const struct rh_activity *a, const struct rh_infer_rules *r);

/* ---- pipeline ------------------------------------------------------------ */

enum rh_import_status {
    RH_IMPORT_STORED = 0, /* decoded and stored (or decoded, without a store) */
    RH_IMPORT_DUPLICATE,  /* decoded; the store had this outing already (matched,
                           * replaced say which and whether this one took its place) */
    RH_IMPORT_FAILED,     /* could not be read or decoded: err says why */
    RH_IMPORT_SKIPPED,    /* found in a folder or zip, not an activity file */
};

struct rh_import_result {
    const char *name;
    enum rh_import_status status;
    const struct rh_activity *a; /* NULL when failed or skipped */
    const struct rh_err *warn;   /* warn->code != 0 for a partial result */
    const struct rh_err *err;    /* the reason, for FAILED and DUPLICATE */
    int64_t id;                  /* row stored, or the row it duplicates */
    const char *matched;         /* DUPLICATE: the stored recording's file */
    /* imp26: DUPLICATE: the stored activity it matched (id) as the runner
     * knows it, its sport, local start and distance (or time), in the
     * words of data/wording.txt [import] stored_*: "your run of Tuesday 3
     * June 2025 at 07:12, 10.2 km"; borrowed, valid during on_result */
    const char *matched_what;
    bool replaced;               /* DUPLICATE: this richer one replaced it */
    bool same_file;              /* DUPLICATE: the very same file was seen before */
    enum rh_infer_outcome inferred; /* the sport was inferred, or corrected (impossible) */
    /* The sport the import stores and where it comes from (after the
     * inference). Without a store (inspect) a keeps what the file says and
     * these say what an import would store. */
    enum rh_sport sport;
    enum rh_sport_source sport_source;
    /* One outing of a GPX or TCX of several ("outing"), or one leg of a
     * multisport FIT ("leg"), else NULL: named in its note by its sport
     * and its local start, part_start "YYYY-MM-DDTHH:MM:SS". */
    const char *part_kind;
    char part_start[21];
    /* code24: a warning the file's other outings or legs stored with it
     * share word for word (a multisport FIT cut short: one truncation,
     * every leg) is said once, with the first of them: warn_parts there
     * names them all ("the swimming leg that started ..., the cycling leg
     * that started ... and the running leg that started ..."), and
     * warn_shared is set on the others, whose warning is said with it
     * (rh_import_result_warning gives NULL for them). NULL and false when
     * the warning is the result's own. warn_parts is borrowed: valid
     * during the on_result call. */
    const char *warn_parts;
    bool warn_shared;
    /* Its file was stored whole, as one activity, by a runhip before
     * session 21: whole_id (whole_file), which its outings replace
     * (rh_store_activity_split); 0 otherwise. kept says what this outing
     * took of what the runner set on it (RH_STORE_KEPT_*; kept_shoe the
     * shoe's name). */
    int64_t whole_id;
    const char *whole_file;
    unsigned kept;
    const char *kept_shoe;
};

/* The outing or leg a result is about as a JSON object appended to b,
 * {"kind":"outing"|"leg","sport":"...","start_local":"YYYY-MM-DDTHH:MM:SS"},
 * or null when it is a whole file's (the web's /import?as=json and
 * `runhip import --json` alike). 0 or RH_ENOMEM. */
int rh_import_result_part_json(const struct rh_import_result *r, struct rh_buf *b);

/* The words of the results' notes, data/wording.txt [import]: 0, or
 * RH_EFORMAT naming a missing, unknown or mismatched text. rh_import_run
 * checks them before it stores anything. */
int rh_import_words_check(struct rh_err *err);

/* What a result means to the runner beyond "imported", in one plain
 * sentence without the file's own name (terminal and web alike): a
 * duplicate names the stored activity it matched by what it was and when
 * (r->matched_what; imp26: a runner does not know activity numbers):
 * "already imported: your run of Tuesday 3 June 2025 at 07:12, 10.2 km
 * (a.fit)", "the same outing as your run of ... (a.fit), kept once", "...
 * recorded more fully: it replaces a.fit"; an impossible pace the
 * sport it was counted as; an outing or leg of a file of several is named
 * first ("the cycling outing that started 2024-05-01 08:10: already
 * imported: your ride of ... (a.tcx)"), and one that replaces the activity an
 * older runhip stored the whole file as says so, and what it kept of it.
 * The words are data/wording.txt [import]. Writes into buf (cap bytes, NUL-terminated,
 * owned by the caller); returns 0 when there is nothing to say. */
size_t rh_import_result_note(const struct rh_import_result *r, char *buf, size_t cap);
/* words27: the outing or leg a result of a file of several is about, as
 * its lines name it ("the cycling outing that started 2013-10-12 18:17",
 * "the running leg that started ..."), for the warning of a cut file stored
 * as several outings (terminal, `import --json` and the web alike: each
 * outing's own, never only the file's name). Writes into buf (cap bytes,
 * NUL-terminated, the caller's); returns 0 when the result is no part. */
size_t rh_import_result_part_words(const struct rh_import_result *r, char *buf, size_t cap);
/* What the warning of a result of a file of several is about, as its
 * lines name it: its outing or leg (rh_import_result_part_words), or all
 * the outings or legs that share it when it says it for them
 * (r->warn_parts, joined by data/wording.txt [import] parts_more and
 * parts_last). Writes into buf (cap bytes, NUL-terminated, the caller's);
 * returns 0 when the warning is a whole file's. */
size_t rh_import_result_warning_parts(const struct rh_import_result *r, char *buf, size_t cap);
/* The warning of a result stored from a cut or damaged file (r->warn), the
 * outing or leg first when it is one of several ("the cycling outing that
 * started ...: the file is cut off before its end ..."), or all of them when they
 * share it (rh_import_result_warning_parts), into buf (cap bytes, the
 * caller's); NULL when there is none, or when another result of the file
 * says it (r->warn_shared), else buf. */
const char *rh_import_result_warning(const struct rh_import_result *r, char *buf, size_t cap);

struct rh_import_stats {
    long imported, duplicates, failed, skipped, warnings;
    long replaced; /* duplicates that replaced a poorer stored recording */
    long files_done;
    uint64_t bytes_done, bytes_total; /* input bytes on disk */
    double elapsed_s;
};

struct rh_import_opts {
    struct rh_store *store; /* NULL: decode only (inspect) */
    int threads;            /* decoder threads; 0: one per online CPU */
    /* Called in the consumer thread, in walk order, for every source. */
    void (*on_result)(void *ctx, const struct rh_import_result *r);
    /* Called in the consumer thread about every 100 ms and once at the end
     * (only when bytes_total is computed: scan = true). */
    void (*on_progress)(void *ctx, const struct rh_import_stats *st);
    bool scan; /* measure bytes_total first (for a progress bar) */
    void *ctx;
    /* The runner's local today: with a store, recordings dated after it
     * (or before 2000-01-01) are refused as failed. 0: no date check. */
    int32_t today;
    /* A stored activity's file named under shown_from (a path) is stored
     * as shown_as followed by the rest of its name: an upload's spool file
     * keeps the name the browser sent ("Morning run.gpx", "export.zip!a.fit").
     * NULL: the names as walked. */
    const char *shown_from, *shown_as;
};

/* Imports (or only decodes, without a store) every activity under paths.
 * A bad file is counted in st->failed and reported through on_result; the
 * run goes on. Returns 0, or RH_EDB/RH_EIO (the store failed: the run stops
 * after the last committed activity) or RH_ENOMEM, with *err. */
int rh_import_run(const char *const *paths, size_t n, const struct rh_import_opts *o,
                  struct rh_import_stats *st, struct rh_err *err);

/* ---- output -------------------------------------------------------------- */

/* Appends one JSON object (no newline) with every cli.md field of a (null
 * where absent) plus id, sub_sport, name, gear, device, avg_power_w,
 * content_hash. 0 or RH_ENOMEM/RH_ELIMIT. */
int rh_import_activity_json(const struct rh_activity *a, struct rh_buf *out);
/* As rh_import_activity_json, with the keys of the second version:
 * local_date and utc_offset_min (null where the offset is unknown),
 * sport_source, and for a stored activity (a->id != 0) excluded and
 * also_in (the n_also other files of the same outing). */
int rh_import_activity_json_also(const struct rh_activity *a, const char *const *also_in,
                                 size_t n_also, struct rh_buf *out);

#endif
