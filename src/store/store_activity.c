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

/* The two recordings of one outing belong to one sport family (cli.md):
 * on foot, cycling, swimming, strength; an untyped recording ("other") is
 * a family of its own. The import infers the sport of every untyped file
 * before it is matched (src/archive/infer.c), so an "other" left is one
 * whose speed, cadence and heart rate did not say it was on foot (or said
 * it was not): it may be the same outing as another untyped recording, not
 * as a run. Matching it with a run would let a richer untyped recording
 * swallow the run and take its kilometres out of the load; keeping both
 * never counts a kilometre twice, since "other" is not counted as running
 * (the load report lists it as left out). */
static int sport_family(enum rh_sport sp)
{
    if (rh_sport_is_foot(sp))
        return 1;
    if (sp == RH_SPORT_CYCLING)
        return 2;
    if (sp == RH_SPORT_SWIMMING)
        return 3;
    if (sp == RH_SPORT_STRENGTH)
        return 4;
    return 0; /* other: unknown */
}

static bool same_family(enum rh_sport x, enum rh_sport y)
{
    return sport_family(x) == sport_family(y);
}

/* What is known of a recording to choose the richer of two (cli.md: a
 * complete file over a truncated one, then more of: session summary,
 * records, heart rate, cadence; last, the one that knows its own local
 * time, as a FIT does and its TCX export does not). */
struct richness {
    bool complete, summary;
    long records;
    bool hr, cadence, own_offset;
};

static struct richness richness_of(const struct rh_activity *a)
{
    return (struct richness){!a->truncated,
                             a->has_summary,
                             a->n_records,
                             rh_has(a->avg_hr),
                             rh_has(a->avg_cadence_spm),
                             a->has_offset && rh_utc_offset_plausible(a->utc_offset_min)};
}

/* > 0 when x is richer than y, 0 when as rich. */
static int richer(const struct richness *x, const struct richness *y)
{
    if (x->complete != y->complete)
        return x->complete ? 1 : -1;
    if (x->summary != y->summary)
        return x->summary ? 1 : -1;
    if (x->records != y->records)
        return x->records > y->records ? 1 : -1;
    if (x->hr != y->hr)
        return x->hr ? 1 : -1;
    if (x->cadence != y->cadence)
        return x->cadence ? 1 : -1;
    if (x->own_offset != y->own_offset)
        return x->own_offset ? 1 : -1;
    return 0;
}

/* End of the recorded span: start plus elapsed (else timer) time. */
static int64_t end_of(const struct rh_activity *a)
{
    double d = rh_has(a->total_elapsed_s) && a->total_elapsed_s > 0 ? a->total_elapsed_s
                                                                     : a->total_timer_s;
    return a->start_utc + (rh_has(d) && d > 0 && d < 30 * 86400.0 ? (int64_t)llround(d) : 0);
}

/* The stored activity recording the same outing as a (same content, or
 * time spans overlapping by >= 80% of the shorter one in the same sport
 * family, or the same start second and the same named device). 0 with m filled,
 * RH_ENOTFOUND, or a store error. */
struct match {
    int64_t id;
    bool same_content;
    char file[512];
    struct richness rich;
    enum rh_sport sport;
    enum rh_sport_source source;
};

const char rh__store_hash_sql[] =
    "SELECT id, file FROM activity WHERE content_hash = ?1 UNION ALL "
    "SELECT x.activity_id, a.file FROM activity_also x JOIN activity a"
    " ON a.id = x.activity_id WHERE x.content_hash = ?1 LIMIT 1";

/* The stored outings a recording from ?1 to ?2 may overlap: those that
 * start within it or up to RH__LONG_OUTING_S before it (on the start
 * index), and the few longer ones that started earlier and are still
 * going at ?1 (on the partial index of long outings). Each half reads only
 * the rows near the new start, so the cost per import does not grow with
 * the number stored (bench/bench_store.c). */
#define OVERLAP_COLS                                                                               \
    "SELECT id, file, sport, start_utc, end_utc, device = ?3, truncated, has_summary,"           \
    " n_records, avg_hr IS NOT NULL, cadence_spm IS NOT NULL, sport_source,"                      \
    " offset_source IS 'file' FROM activity"
const char rh__store_overlap_sql[] =
    OVERLAP_COLS " WHERE start_utc > ?1 - " RH__LONG_OUTING_SQL " AND start_utc <= ?2"
    " UNION ALL " OVERLAP_COLS " WHERE end_utc - start_utc > " RH__LONG_OUTING_SQL
    " AND start_utc <= ?1 - " RH__LONG_OUTING_SQL " AND end_utc > ?1"
    " ORDER BY 4, 1";

/* self: the id of a stored a looking for another record of its outing (its
 * own content is stored, so only the overlap rules can match), else 0.
 * skip: a row the overlap rules pass over (the whole file an older runhip
 * stored, which its outings replace), else 0. */
static int find_match_but(struct rh_store *s, const struct rh_activity *a, int64_t self,
                          int64_t skip, struct match *m, struct rh_err *err)
{
    sqlite3_stmt *st;
    char hex[17];
    hash_hex(a->content_hash, hex);
    memset(m, 0, sizeof *m);
    int r = self ? 0 : rh__store_prepare(s, rh__store_hash_sql, &st, err);
    if (r)
        return r;
    if (self)
        goto overlap;
    rh__bind_text(st, 1, hex);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        m->id = sqlite3_column_int64(st, 0);
        m->same_content = true;
        const unsigned char *f = sqlite3_column_text(st, 1);
        snprintf(m->file, sizeof m->file, "%s", f ? (const char *)f : "");
    } else if (rc != SQLITE_DONE) {
        r = rh__store_fail(s, err, rh__store_word("fail_look_up_activity"));
    }
    sqlite3_finalize(st);
overlap:
    if (r || m->same_content || !a->has_start)
        return r ? r : m->same_content ? 0 : RH_ENOTFOUND;
    int64_t start = a->start_utc, end = end_of(a);
    r = rh__store_prepare(s, rh__store_overlap_sql, &st, err);
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, start);
    sqlite3_bind_int64(st, 2, end);
    rh__bind_text(st, 3, a->device);
    double best = -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_int64(st, 0) == self || (skip && sqlite3_column_int64(st, 0) == skip))
            continue;
        enum rh_sport sp;
        if (rh_sport_parse((const char *)sqlite3_column_text(st, 2), &sp))
            sp = RH_SPORT_OTHER;
        int64_t s2 = sqlite3_column_int64(st, 3);
        int64_t e2 = sqlite3_column_type(st, 4) == SQLITE_NULL ? s2 : sqlite3_column_int64(st, 4);
        bool same_dev = sqlite3_column_int(st, 5) != 0;
        double score;
        if (s2 == start && same_dev) {
            score = 2; /* the same recording device and start second */
        } else {
            if (!same_family(a->sport, sp))
                continue;
            int64_t lo = s2 > start ? s2 : start, hi = e2 < end ? e2 : end;
            int64_t shorter = (e2 - s2) < (end - start) ? (e2 - s2) : (end - start);
            if (shorter <= 0 || hi <= lo)
                continue;
            score = (double)(hi - lo) / (double)shorter;
            if (score < 0.8)
                continue;
        }
        if (score <= best)
            continue;
        best = score;
        m->id = sqlite3_column_int64(st, 0);
        const unsigned char *f = sqlite3_column_text(st, 1);
        snprintf(m->file, sizeof m->file, "%s", f ? (const char *)f : "");
        m->sport = sp;
        m->rich = (struct richness){sqlite3_column_int(st, 6) == 0, sqlite3_column_int(st, 7) != 0,
                                    (long)sqlite3_column_int64(st, 8),
                                    sqlite3_column_int(st, 9) != 0,
                                    sqlite3_column_int(st, 10) != 0,
                                    sqlite3_column_int(st, 12) != 0};
        if (rh_sport_source_parse((const char *)sqlite3_column_text(st, 11), &m->source))
            m->source = RH_SPORT_SRC_FILE;
    }
    if (rc != SQLITE_DONE)
        r = rh__store_fail(s, err, rh__store_word("fail_look_up_overlapping_activities"));
    sqlite3_finalize(st);
    return r ? r : best >= 0 ? 0 : RH_ENOTFOUND;
}

static int find_match(struct rh_store *s, const struct rh_activity *a, int64_t self,
                      struct match *m, struct rh_err *err)
{
    return find_match_but(s, a, self, 0, m, err);
}

int rh_store_activity_find(struct rh_store *s, const struct rh_activity *a, int64_t *id,
                           struct rh_err *err)
{
    struct match m;
    int r = find_match(s, a, 0, &m, err);
    if (r == 0 && id)
        *id = m.id;
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

/* The columns written for a recording, in the order of bind_recording. */
#define REC_COLS                                                                                   \
    "content_hash, file, format, sport, sub_sport, name, gear, device, start_utc, elapsed_s,"     \
    " timer_s, distance_m, n_records, cadence_spm, avg_hr, max_hr, temp_c, elev_gain_m,"          \
    " avg_power_w, has_gps, track, splits, end_utc, utc_offset_min, offset_source, local_day,"    \
    " sport_source, truncated, has_summary, temp_source"
#define REC_N 30

/* Binds the recording's columns as ?1..?30; *track is the packed track to
 * free after the statement. Text is bound without a copy (rh__bind_text), so
 * hex is the caller's, alive until the statement has run. */
static int bind_recording(struct rh_store *s, sqlite3_stmt *st, const struct rh_activity *a,
                          char hex[static 17], void **track, struct rh_err *err)
{
    hash_hex(a->content_hash, hex);
    rh__bind_text(st, 1, hex);
    rh__bind_text(st, 2, a->file ? a->file : "");
    rh__bind_text(st, 3, rh_format_name(a->format));
    rh__bind_text(st, 4, rh_sport_name(a->sport));
    rh__bind_text(st, 5, a->sub_sport[0] ? a->sub_sport : NULL);
    rh__bind_text(st, 6, a->name);
    rh__bind_text(st, 7, a->gear);
    rh__bind_text(st, 8, a->device);
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
        if (!(*track = pack_track(a, &len)))
            return rh_err_set(err, RH_ENOMEM, "out of memory");
        sqlite3_bind_blob(st, 21, *track, (int)len, SQLITE_STATIC);
    }
    if (a->n_splits) {
        /* doubles in host order are fine: the blob never leaves this machine's
         * database format, and NaN marks absent values */
        sqlite3_bind_blob(st, 22, a->splits, (int)(a->n_splits * sizeof *a->splits),
                          SQLITE_STATIC);
    }
    if (a->has_start) {
        /* the file's own offset when plausible, else the zone's at the start */
        bool own = a->has_offset && rh_utc_offset_plausible(a->utc_offset_min);
        int32_t off = rh_activity_offset_in(a, s->tz);
        sqlite3_bind_int64(st, 9, a->start_utc);
        sqlite3_bind_int64(st, 23, end_of(a));
        sqlite3_bind_int(st, 24, off);
        rh__bind_text(st, 25, own ? "file" : "zone");
        sqlite3_bind_int(st, 26, rh_local_day(a->start_utc, off));
    }
    rh__bind_text(st, 27, rh_sport_source_name(a->sport_source));
    sqlite3_bind_int(st, 28, a->truncated ? 1 : 0);
    sqlite3_bind_int(st, 29, a->has_summary ? 1 : 0);
    rh__bind_text(st, 30,
                  rh_has(a->avg_temperature_c) ? rh_temp_source_name(a->temp_source) : NULL);
    return 0;
}

/* Records the stored row's file as another recording of it, then writes
 * a's recording over the row (keeping the runner's exclusion, and the
 * runner's or better-known sport and the gear and name when a has none). */
static int replace_row(struct rh_store *s, const struct rh_activity *a, const struct match *m,
                       struct rh_err *err)
{
    sqlite3_stmt *st = NULL;
    void *track = NULL;
    int r = rh__store_prepare(s,
                              "INSERT INTO activity_also(activity_id, content_hash, file, format,"
                              " device) SELECT id, content_hash, file, format, device FROM activity"
                              " WHERE id = ?1",
                              &st, err);
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, m->id);
    if (sqlite3_step(st) != SQLITE_DONE)
        r = rh__store_fail(s, err, rh__store_word("fail_keep_other_recording"));
    sqlite3_finalize(st);
    if (r)
        return r;
    r = rh__store_prepare(
        s,
        "UPDATE activity SET (" REC_COLS ") = (?1, ?2, ?3,"
        " CASE WHEN sport_source = 'user' OR (?4 = 'other' AND sport <> 'other') THEN sport"
        " ELSE ?4 END, ?5, coalesce(?6, name), coalesce(?7, gear), ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26,"
        " CASE WHEN sport_source = 'user' OR (?4 = 'other' AND sport <> 'other') THEN"
        " sport_source ELSE ?27 END, ?28, ?29, ?30) WHERE id = ?31",
        &st, err);
    if (r)
        return r;
    char hex[17];
    if (!(r = bind_recording(s, st, a, hex, &track, err))) {
        sqlite3_bind_int64(st, 31, m->id);
        if (sqlite3_step(st) != SQLITE_DONE)
            r = rh__store_fail(s, err, rh__store_word("fail_replace_stored_recording"));
    }
    sqlite3_finalize(st);
    rh_free(track);
    return r;
}

static int add_also(struct rh_store *s, const struct rh_activity *a, int64_t id,
                    struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s,
                              "INSERT INTO activity_also(activity_id, content_hash, file, format,"
                              " device) VALUES(?1, ?2, ?3, ?4, ?5)",
                              &st, err);
    if (r)
        return r;
    char hex[17];
    hash_hex(a->content_hash, hex);
    sqlite3_bind_int64(st, 1, id);
    rh__bind_text(st, 2, hex);
    rh__bind_text(st, 3, a->file ? a->file : "");
    rh__bind_text(st, 4, rh_format_name(a->format));
    rh__bind_text(st, 5, a->device);
    if (sqlite3_step(st) != SQLITE_DONE)
        r = rh__store_fail(s, err, rh__store_word("fail_note_other_recording"));
    sqlite3_finalize(st);
    return r;
}

/* rh_store_activity_put inside the caller's transaction; skip as in
 * find_match_but. */
static int put_in(struct rh_store *s, const struct rh_activity *a, int64_t skip,
                  struct rh_store_put *res, struct rh_err *err)
{
    sqlite3_stmt *st = NULL;
    void *track = NULL;
    char hex[17]; /* bound without a copy: alive until the statement has run */
    memset(res, 0, sizeof *res);
    struct match m;
    int r = find_match_but(s, a, 0, skip, &m, err);
    if (r == 0) {
        res->id = m.id;
        snprintf(res->matched_file, sizeof res->matched_file, "%s", m.file);
        res->same_content = m.same_content;
        struct richness mine = richness_of(a);
        if (!m.same_content && richer(&mine, &m.rich) > 0) {
            res->outcome = RH_STORE_REPLACED;
            r = replace_row(s, a, &m, err);
        } else {
            res->outcome = RH_STORE_DUPLICATE;
            if (!m.same_content)
                r = add_also(s, a, m.id, err);
        }
        goto out;
    }
    if (r != RH_ENOTFOUND)
        goto out;
    r = rh__store_prepare(s,
                          "INSERT INTO activity(" REC_COLS ", imported_utc) VALUES(?1, ?2, ?3, ?4,"
                          " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
                          " ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,"
                          " CAST(strftime('%s','now') AS INTEGER))",
                          &st, err);
    if (r || (r = bind_recording(s, st, a, hex, &track, err)))
        goto out;
    if (sqlite3_step(st) != SQLITE_DONE) {
        r = rh__store_fail(s, err, rh__store_word("fail_store_activity"));
        goto out;
    }
    res->outcome = RH_STORE_ADDED;
    res->id = sqlite3_last_insert_rowid(s->db);
out:
    sqlite3_finalize(st);
    rh_free(track);
    return r;
}

int rh_store_activity_put(struct rh_store *s, const struct rh_activity *a,
                          struct rh_store_put *res, struct rh_err *err)
{
    memset(res, 0, sizeof *res);
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    return rh__store_wend(s, put_in(s, a, 0, res, err), err);
}

/* The richness of stored activity id, read as the overlap search reads it. */
static int row_richness(struct rh_store *s, int64_t id, struct richness *rich, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s,
                              "SELECT truncated, has_summary, n_records, avg_hr IS NOT NULL,"
                              " cadence_spm IS NOT NULL, offset_source IS 'file' FROM activity"
                              " WHERE id = ?1",
                              &st, err);
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        *rich = (struct richness){sqlite3_column_int(st, 0) == 0, sqlite3_column_int(st, 1) != 0,
                                  (long)sqlite3_column_int64(st, 2), sqlite3_column_int(st, 3) != 0,
                                  sqlite3_column_int(st, 4) != 0, sqlite3_column_int(st, 5) != 0};
    else
        r = rh__store_fail(s, err, rh__store_word("fail_read_activity"));
    sqlite3_finalize(st);
    return r;
}

/* The statements that merge stored activity ?2 into ?1 (the same outing):
 * ?2's files become other recordings of ?1, a name or shoe only ?2 had is
 * kept, ?2 goes. With `theirs`, ?2's recording is the richer: ?1's own
 * goes to its other recordings and ?1's row takes ?2's recording (not its
 * sport, exclusion or the time it came), its content hash set aside first
 * (the column is unique). NULL ends each list. */
static const char *const merge_keep_mine[] = {
    "INSERT INTO activity_also(activity_id, content_hash, file, format, device)"
    " SELECT ?1, content_hash, file, format, device FROM activity WHERE id = ?2",
    NULL};
static const char *const merge_keep_theirs[] = {
    "INSERT INTO activity_also(activity_id, content_hash, file, format, device)"
    " SELECT id, content_hash, file, format, device FROM activity WHERE id = ?1",
    "UPDATE activity SET content_hash = 'merged ' || content_hash WHERE id = ?2",
    "UPDATE activity SET (content_hash, file, format, sub_sport, device, start_utc, elapsed_s,"
    " timer_s, distance_m, n_records, cadence_spm, avg_hr, max_hr, temp_c, elev_gain_m,"
    " avg_power_w, has_gps, track, splits, end_utc, utc_offset_min, offset_source, local_day,"
    " truncated, has_summary, temp_source) = (SELECT substr(content_hash, 8), file, format,"
    " sub_sport, device, start_utc, elapsed_s, timer_s, distance_m, n_records, cadence_spm,"
    " avg_hr, max_hr, temp_c, elev_gain_m, avg_power_w, has_gps, track, splits, end_utc,"
    " utc_offset_min, offset_source, local_day, truncated, has_summary, temp_source FROM activity WHERE id = ?2) WHERE id = ?1",
    NULL};
static const char *const merge_both[] = {
    "UPDATE activity_also SET activity_id = ?1 WHERE activity_id = ?2",
    "UPDATE activity SET (name, gear) = (SELECT coalesce(k.name, g.name), coalesce(k.gear, g.gear)"
    " FROM activity k, activity g WHERE k.id = ?1 AND g.id = ?2) WHERE id = ?1",
    "DELETE FROM activity WHERE id = ?2",
    NULL};

static int run_merge(struct rh_store *s, const char *const *sql, int64_t keep, int64_t gone,
                     struct rh_err *err)
{
    int r = 0;
    for (; !r && *sql; sql++) {
        sqlite3_stmt *st;
        if ((r = rh__store_prepare(s, *sql, &st, err)))
            break;
        sqlite3_bind_int64(st, 1, keep);
        sqlite3_bind_int64(st, 2, gone);
        if (sqlite3_step(st) != SQLITE_DONE)
            r = rh__store_fail(s, err, rh__store_word("fail_merge_two_records_outing"));
        sqlite3_finalize(st);
    }
    return r;
}

int rh__store_activity_rematch(struct rh_store *s, int64_t id, size_t *merged, struct rh_err *err)
{
    /* each merge takes one row away: the rounds end */
    for (;;) {
        struct rh_activity a;
        int r = rh_store_activity_get(s, id, 0, &a, err);
        if (r)
            return r;
        struct match m;
        r = find_match(s, &a, id, &m, err);
        rh_activity_release(&a);
        if (r == RH_ENOTFOUND)
            return 0;
        struct richness mine;
        if (r || (r = row_richness(s, id, &mine, err)))
            return r;
        if ((r = run_merge(s, richer(&m.rich, &mine) > 0 ? merge_keep_theirs : merge_keep_mine,
                           id, m.id, err)) ||
            (r = run_merge(s, merge_both, id, m.id, err)))
            return r;
        ++*merged;
    }
}

int rh_store_activity_add(struct rh_store *s, const struct rh_activity *a, int64_t *id,
                          struct rh_err *err)
{
    struct rh_store_put res;
    int r = rh_store_activity_put(s, a, &res, err);
    if (r)
        return r;
    if (id)
        *id = res.id;
    if (res.outcome == RH_STORE_DUPLICATE)
    {
        char ids[24];
        snprintf(ids, sizeof ids, "%" PRId64, res.id);
        return rh__store_err(err, RH_EDUP, "activity_dup", "id", ids, "file", res.matched_file,
                             NULL);
    }
    return 0;
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
    a->has_offset = sqlite3_column_type(st, 23) != SQLITE_NULL;
    a->utc_offset_min = sqlite3_column_int(st, 23);
    if (rh_sport_source_parse((const char *)sqlite3_column_text(st, 24), &a->sport_source))
        a->sport_source = RH_SPORT_SRC_FILE;
    a->excluded = sqlite3_column_int(st, 25) != 0;
    a->truncated = sqlite3_column_int(st, 26) != 0;
    a->has_summary = sqlite3_column_int(st, 27) != 0;
    if (rh_temp_source_parse((const char *)sqlite3_column_text(st, 28), &a->temp_source))
        a->temp_source = RH_TEMP_SRC_SENSOR;
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

#define ACTIVITY_COLUMNS                                                                       \
    "id, file, format, sport, sub_sport, name, gear, device, start_utc, elapsed_s,"            \
    " timer_s, distance_m, n_records, cadence_spm, avg_hr, max_hr, temp_c, elev_gain_m,"     \
    " avg_power_w, has_gps, content_hash, track, splits, utc_offset_min, sport_source,"       \
    " excluded, truncated, has_summary, temp_source"

/* Steps st to its end, one activity a row; finalizes st. */
static int collect(struct rh_store *s, sqlite3_stmt *st, unsigned flags, struct rh_activity **out,
                   size_t *n, struct rh_err *err)
{
    struct rh_activity *arr = NULL;
    size_t cnt = 0, cap = 0;
    int rc, r = 0;
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
        r = rh__store_fail(s, err, rh__store_word("fail_list_activities"));
    sqlite3_finalize(st);
    if (r) {
        rh_activity_array_free(arr, cnt);
        return r;
    }
    *out = arr;
    *n = cnt;
    return 0;
}

int rh_store_activities(struct rh_store *s, int64_t from_utc, int64_t to_utc, unsigned flags,
                        struct rh_activity **out, size_t *n, struct rh_err *err)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    int r = rh__store_prepare(s,
                              "SELECT " ACTIVITY_COLUMNS " FROM activity"
                              " WHERE (start_utc >= ?1 AND start_utc < ?2) OR (?3 AND start_utc "
                              "IS NULL) ORDER BY start_utc IS NULL, start_utc, id",
                              &st, err);
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, from_utc);
    sqlite3_bind_int64(st, 2, to_utc);
    sqlite3_bind_int(st, 3, (flags & RH_STORE_WITH_UNDATED) ? 1 : 0);
    return collect(s, st, flags, out, n, err);
}

int rh_store_activity_page(struct rh_store *s, size_t offset, size_t limit, bool newest_first,
                           unsigned flags, struct rh_activity **out, size_t *n, size_t *total,
                           struct rh_err *err)
{
    *out = NULL;
    *n = 0;
    *total = 0;
    long all = rh_store_activity_count(s, err);
    if (all < 0)
        return (int)all;
    *total = (size_t)all;
    if (limit == 0 || offset >= (size_t)all)
        return 0;
    /* the page's ids are chosen on the index alone (no track or splits
     * sorted), then only those rows are read */
    sqlite3_stmt *st;
    int r = rh__store_prepare(
        s,
        newest_first
            ? "SELECT " ACTIVITY_COLUMNS " FROM activity WHERE id IN (SELECT id FROM activity"
              " ORDER BY start_utc IS NULL, start_utc DESC, id DESC LIMIT ?1 OFFSET ?2)"
              " ORDER BY start_utc IS NULL, start_utc DESC, id DESC"
            : "SELECT " ACTIVITY_COLUMNS " FROM activity WHERE id IN (SELECT id FROM activity"
              " ORDER BY start_utc IS NULL, start_utc, id LIMIT ?1 OFFSET ?2)"
              " ORDER BY start_utc IS NULL, start_utc, id",
        &st, err);
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
    sqlite3_bind_int64(st, 2, (int64_t)offset);
    return collect(s, st, flags, out, n, err);
}

int rh_store_activity_get(struct rh_store *s, int64_t id, unsigned flags, struct rh_activity *out,
                          struct rh_err *err)
{
    sqlite3_stmt *st;
    memset(out, 0, sizeof *out);
    int r = rh__store_prepare(s, "SELECT " ACTIVITY_COLUMNS " FROM activity WHERE id = ?1", &st,
                              err);
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, id);
    struct rh_activity *a = NULL;
    size_t n = 0;
    if ((r = collect(s, st, flags, &a, &n, err)))
        return r;
    if (n == 0) {
        rh_free(a);
        char ids[24];
        snprintf(ids, sizeof ids, "%lld", (long long)id);
        return rh__store_err(err, RH_ENOTFOUND, "activity_missing", "id", ids, NULL);
    }
    *out = a[0];
    rh_free(a);
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
        c = rh__store_fail(s, err, rh__store_word("fail_count_activities"));
    sqlite3_finalize(st);
    return c;
}

int rh_store_activity_also(struct rh_store *s, int64_t id, char ***files, size_t *n,
                           struct rh_err *err)
{
    sqlite3_stmt *st;
    *files = NULL;
    *n = 0;
    int r = rh__store_prepare(
        s, "SELECT file FROM activity_also WHERE activity_id = ?1 ORDER BY rowid", &st, err);
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, id);
    char **arr = NULL;
    size_t cnt = 0;
    int rc;
    bool oom = false;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        char **na = rh_realloc(arr, (cnt + 1) * sizeof *arr);
        if (!na) {
            oom = true;
            break;
        }
        arr = na;
        arr[cnt] = rh__col_strdup(st, 0, &oom);
        if (arr[cnt])
            cnt++;
    }
    if (oom)
        r = rh_err_set(err, RH_ENOMEM, "out of memory");
    else if (rc != SQLITE_DONE)
        r = rh__store_fail(s, err, rh__store_word("fail_list_other_recordings"));
    sqlite3_finalize(st);
    if (r) {
        rh_store_strings_free(arr, cnt);
        return r;
    }
    *files = arr;
    *n = cnt;
    return 0;
}

void rh_store_strings_free(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        rh_free(v[i]);
    rh_free(v);
}

/* ---- a file an older runhip stored whole ----------------------------------- */

/* Before session 21 a GPX or TCX of several outings, and a multisport FIT,
 * was stored as one activity under the whole file's content hash; now each
 * outing (leg) is its own activity under the file's hash and its number.
 * Re-imported, the outings replace that one record (rh_store_activity_split). */
static int whole_read(struct rh_store *s, uint64_t whole_hash, struct rh_store_whole *w,
                      struct rh_err *err)
{
    sqlite3_stmt *st;
    char hex[17];
    hash_hex(whole_hash, hex);
    memset(w, 0, sizeof *w);
    int r = rh__store_prepare(s,
                              "SELECT id, file, gear, sport, sport_source = 'user', excluded,"
                              " name FROM activity WHERE content_hash = ?1",
                              &st, err);
    if (r)
        return r;
    rh__bind_text(st, 1, hex);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        w->id = sqlite3_column_int64(st, 0);
        const unsigned char *f = sqlite3_column_text(st, 1), *g = sqlite3_column_text(st, 2),
                            *n = sqlite3_column_text(st, 6);
        snprintf(w->file, sizeof w->file, "%s", f ? (const char *)f : "");
        snprintf(w->gear, sizeof w->gear, "%s", g ? (const char *)g : "");
        snprintf(w->name, sizeof w->name, "%s", n ? (const char *)n : "");
        if (rh_sport_parse((const char *)sqlite3_column_text(st, 3), &w->sport))
            w->sport = RH_SPORT_OTHER;
        w->sport_user = sqlite3_column_int(st, 4) != 0;
        w->excluded = sqlite3_column_int(st, 5) != 0;
    } else if (rc == SQLITE_DONE) {
        r = RH_ENOTFOUND;
    } else {
        r = rh__store_fail(s, err, rh__store_word("fail_look_up_whole_file"));
    }
    sqlite3_finalize(st);
    return r;
}

int rh_store_activity_whole(struct rh_store *s, uint64_t whole_hash, struct rh_store_whole *w,
                            struct rh_err *err)
{
    return whole_hash ? whole_read(s, whole_hash, w, err) : RH_ENOTFOUND;
}

/* Runs sql with ?1 = id, ?2 = text (may be NULL), ?3 = another id. */
static int exec_ids(struct rh_store *s, const char *sql, int64_t id, const char *text,
                    int64_t id2, const char *what, struct rh_err *err)
{
    sqlite3_stmt *st;
    int r = rh__store_prepare(s, sql, &st, err);
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, id);
    rh__bind_text(st, 2, text);
    sqlite3_bind_int64(st, 3, id2);
    if (sqlite3_step(st) != SQLITE_DONE)
        r = rh__store_fail(s, err, what);
    sqlite3_finalize(st);
    return r;
}

/* What the runner set on the whole record that an outing stored from it
 * (added, a row of its own) takes: its exclusion (the runner's word on
 * that recording, which these outings are); its shoe, on an outing on foot
 * with no shoe of its own (a shoe is worn on foot, not on the bike or in
 * the pool); the sport the runner gave it, on an outing whose sport the
 * file does not say (untyped, or inferred from speed): where the file says
 * it, the file's word for that one outing is kept over a correction made
 * to a blend of several; a name only the whole had. */
static int give_whole(struct rh_store *s, const struct rh_store_whole *w,
                      const struct rh_activity *a, struct rh_store_put *res, struct rh_err *err)
{
    int r = 0;
    if (w->excluded && !(r = exec_ids(s, "UPDATE activity SET excluded = 1 WHERE id = ?1", res->id,
                                       NULL, 0, "cannot keep the exclusion", err)))
        res->kept |= RH_STORE_KEPT_EXCLUDED;
    bool untold = a->sport == RH_SPORT_OTHER || a->sport_source == RH_SPORT_SRC_INFERRED;
    if (!r && w->sport_user && untold && w->sport != a->sport) {
        r = exec_ids(s, "UPDATE activity SET sport = ?2, sport_source = 'user' WHERE id = ?1",
                     res->id, rh_sport_name(w->sport), 0, "cannot keep the sport", err);
        size_t merged = 0;
        if (!r && !(r = rh__store_activity_rematch(s, res->id, &merged, err)))
            res->kept |= RH_STORE_KEPT_SPORT;
    } else if (!r && w->sport_user && untold) {
        r = exec_ids(s, "UPDATE activity SET sport_source = 'user' WHERE id = ?1", res->id, NULL,
                     0, "cannot keep the sport", err);
    }
    enum rh_sport now = (res->kept & RH_STORE_KEPT_SPORT) ? w->sport : a->sport;
    if (!r && w->gear[0] && !a->gear && rh_sport_is_foot(now) &&
        !(r = exec_ids(s, "UPDATE activity SET gear = ?2 WHERE id = ?1 AND gear IS NULL", res->id,
                       w->gear, 0, "cannot keep the shoe", err)))
        res->kept |= RH_STORE_KEPT_SHOE;
    if (!r && w->name[0] && !a->name)
        r = exec_ids(s, "UPDATE activity SET name = ?2 WHERE id = ?1 AND name IS NULL", res->id,
                     w->name, 0, "cannot keep the name", err);
    return r;
}

int rh_store_activity_split(struct rh_store *s, uint64_t whole_hash,
                            const struct rh_activity *const *parts, size_t n,
                            struct rh_store_put *res, struct rh_err *perr,
                            struct rh_store_whole *w, struct rh_err *err)
{
    if (n == 0 || !whole_hash)
        return RH_ENOTFOUND;
    int r = rh__store_wbegin(s, err);
    if (r)
        return r;
    /* read again in the transaction: another import may have split it */
    if ((r = whole_read(s, whole_hash, w, err)))
        goto out;
    int64_t home = 0; /* where the whole's other recordings go */
    double home_s = -1;
    size_t stored = 0;
    for (size_t i = 0; i < n && !r; i++) {
        rh_err_clear(&perr[i]);
        int pr = put_in(s, parts[i], w->id, &res[i], &perr[i]);
        if (pr == RH_EDB || pr == RH_EIO || pr == RH_ENOMEM) {
            r = pr;
            if (err)
                *err = perr[i];
            break;
        }
        if (pr) {
            res[i].id = 0; /* the store refused this outing's values */
            continue;
        }
        stored++;
        /* the other recordings the whole had matched (by overlap in its
         * sport family) go to the longest outing of that family, else to
         * the longest: kept, never dropped (one may be a run the runner
         * entered by hand in Strava, which the file had replaced) */
        double d = rh_activity_duration_s(parts[i]);
        d = rh_has(d) ? d : 0;
        if (same_family(parts[i]->sport, w->sport))
            d += 1e9;
        if (d > home_s) {
            home_s = d;
            home = res[i].id;
        }
    }
    if (!r && stored == 0)
        r = RH_ENOTFOUND; /* no outing could be stored: the whole stays */
    if (!r)
        r = exec_ids(s, "UPDATE activity_also SET activity_id = ?3 WHERE activity_id = ?1", w->id,
                     NULL, home, "cannot keep the other recordings", err);
    if (!r)
        r = exec_ids(s, "DELETE FROM activity WHERE id = ?1", w->id, NULL, 0,
                     "cannot take out the whole file", err);
    /* then what the runner set on it (a sport given may match another
     * record: the whole is gone by then) */
    for (size_t i = 0; i < n && !r; i++)
        if (res[i].id && res[i].outcome == RH_STORE_ADDED)
            r = give_whole(s, w, parts[i], &res[i], err);
out:
    return rh__store_wend(s, r, err);
}
