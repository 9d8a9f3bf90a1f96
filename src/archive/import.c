/* SPDX-License-Identifier: MIT */
/*
 * The import: the Strava activity types and the pipeline that runs the
 * decode (formats.c) over many files. One source may give several
 * activities (an Apple Health export: one per workout); each is stored and
 * reported on its own, in the order the decoder found them.
 *
 * Pipeline: one walker thread reads files and archive members into a ring
 * of RING slots; N decoder threads (one per core) take the oldest slot not
 * yet claimed and decode it; the calling thread consumes the slots in walk
 * order, stores each activity in its own transaction and reports it. The
 * walker may not run more than RING sources ahead of the consumer, so
 * memory stays bounded by RING members whatever the number of files, and
 * results come out in the same order every run.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "archive/archive_int.h"
#include "runhip/text.h"
#include "util/banned.h"

/* ---- decode -------------------------------------------------------------- */

struct strava_type {
    const char *word;
    enum rh_sport sport;
};
/* Strava's activity types (as written in activities.csv) that map to a
 * runhip sport; the others are "other". */
static const struct strava_type strava_types[] = {
    {"Run", RH_SPORT_RUNNING},
    {"Trail Run", RH_SPORT_TRAIL_RUNNING},
    {"TrailRun", RH_SPORT_TRAIL_RUNNING},
    {"Virtual Run", RH_SPORT_TREADMILL},
    {"VirtualRun", RH_SPORT_TREADMILL},
    {"Walk", RH_SPORT_WALKING},
    {"Hike", RH_SPORT_WALKING},
    {"Ride", RH_SPORT_CYCLING},
    {"Virtual Ride", RH_SPORT_CYCLING},
    {"VirtualRide", RH_SPORT_CYCLING},
    {"E-Bike Ride", RH_SPORT_CYCLING},
    {"EBikeRide", RH_SPORT_CYCLING},
    {"Mountain Bike Ride", RH_SPORT_CYCLING},
    {"MountainBikeRide", RH_SPORT_CYCLING},
    {"Gravel Ride", RH_SPORT_CYCLING},
    {"GravelRide", RH_SPORT_CYCLING},
    {"Swim", RH_SPORT_SWIMMING},
    {"Weight Training", RH_SPORT_STRENGTH},
    {"WeightTraining", RH_SPORT_STRENGTH},
    {"Crossfit", RH_SPORT_STRENGTH},
    {"Workout", RH_SPORT_OTHER},
    {"Rowing", RH_SPORT_OTHER},
    {"Elliptical", RH_SPORT_OTHER},
    {"Yoga", RH_SPORT_OTHER},
};

int rh_import_strava_sport(const char *type, enum rh_sport *out)
{
    for (size_t i = 0; i < sizeof strava_types / sizeof *strava_types; i++) {
        if (strcmp(type, strava_types[i].word) == 0) {
            *out = strava_types[i].sport;
            return 0;
        }
    }
    return RH_EKEY;
}

/* ---- pipeline ------------------------------------------------------------- */

#define RING 16
#define MAX_THREADS 8

/* One decoded activity of a source. */
struct item {
    struct rh_activity a;
    struct rh_err warn;
};

struct slot {
    struct rh_import_src *src;
    struct item *items; /* what the source gave, in order */
    size_t n_items, cap_items;
    int rc;
    struct rh_err err;
    bool done;
};

static void slot_clear(struct slot *s)
{
    for (size_t i = 0; i < s->n_items; i++)
        rh_activity_release(&s->items[i].a);
    rh_free(s->items);
    s->items = NULL;
    s->n_items = s->cap_items = 0;
}

/* rh_activity_fn of the decoders: keeps each activity in the slot. */
static int slot_take(void *ctx, struct rh_activity *a, const struct rh_err *warn)
{
    struct slot *s = ctx;
    if (s->n_items == s->cap_items) {
        size_t nc = s->cap_items ? s->cap_items * 2 : 1;
        struct item *ni = rh_realloc(s->items, nc * sizeof *ni);
        if (!ni) {
            rh_activity_release(a);
            return rh_err_set(&s->err, RH_ENOMEM, "out of memory");
        }
        s->items = ni;
        s->cap_items = nc;
    }
    struct item *it = &s->items[s->n_items++];
    it->a = *a;
    rh_err_clear(&it->warn);
    if (warn)
        it->warn = *warn;
    return 0;
}

struct pipe {
    pthread_mutex_t mu;
    pthread_cond_t cv_space;  /* walker waits for a free slot */
    pthread_cond_t cv_work;   /* decoders wait for a source */
    pthread_cond_t cv_done;   /* consumer waits for a decoded slot */
    struct slot ring[RING];
    uint64_t produced, claimed, consumed;
    bool walk_over, stop;
    int walk_rc;
    struct rh_err walk_err;
    const char *const *paths;
    size_t n_paths;
    const char *except_db; /* the store's own file: never imported */
    _Atomic uint64_t stream_bytes; /* input consumed by streamed sources being decoded */
};

static int pipe_put(void *ctx, struct rh_import_src *src)
{
    struct pipe *p = ctx;
    pthread_mutex_lock(&p->mu);
    while (!p->stop && p->produced - p->consumed >= RING)
        pthread_cond_wait(&p->cv_space, &p->mu);
    if (p->stop) {
        pthread_mutex_unlock(&p->mu);
        rh_import_src_free(src);
        return RH_EINVAL; /* stops the walk */
    }
    struct slot *s = &p->ring[p->produced % RING];
    s->src = src;
    s->done = false;
    p->produced++;
    pthread_cond_signal(&p->cv_work);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

static void *walker_main(void *arg)
{
    struct pipe *p = arg;
    int r = 0;
    struct rh_err err;
    rh_err_clear(&err);
    for (size_t i = 0; i < p->n_paths && r == 0; i++)
        r = rh_import_walk_except(p->paths[i], p->except_db, pipe_put, p, &err);
    pthread_mutex_lock(&p->mu);
    p->walk_over = true;
    if (r == RH_ENOMEM) {
        p->walk_rc = r;
        p->walk_err = err;
    }
    pthread_cond_broadcast(&p->cv_work);
    pthread_cond_broadcast(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void *decoder_main(void *arg)
{
    struct pipe *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->claimed == p->produced && !p->walk_over)
            pthread_cond_wait(&p->cv_work, &p->mu);
        if (p->stop || p->claimed == p->produced)
            break;
        struct slot *s = &p->ring[p->claimed % RING];
        p->claimed++;
        pthread_mutex_unlock(&p->mu);
        s->items = NULL;
        s->n_items = s->cap_items = 0;
        rh_err_clear(&s->err);
        long failed = rh_alloc_failures();
        s->rc = rh_import_decode_each(s->src, slot_take, s, &p->stream_bytes, &s->err);
        if (s->rc && s->rc != RH_ENOMEM && rh_alloc_failures() != failed) {
            /* a parser that ran out of memory says "not XML" or the like:
             * the file is not bad, the memory was short (issue 15) */
            s->rc = RH_ENOMEM;
            rh_err_set(&s->err, RH_ENOMEM, "out of memory while reading it");
        }
        pthread_mutex_lock(&p->mu);
        s->done = true;
        pthread_cond_broadcast(&p->cv_done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static bool activity_ext(const char *name)
{
    static const char *const exts[] = {".fit", ".gpx", ".tcx", ".sml", ".fit.gz", ".gpx.gz", ".tcx.gz"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t k = strlen(exts[i]);
        if (n >= k && strcasecmp(name + n - k, exts[i]) == 0)
            return true;
    }
    return false;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The sport-inference thresholds, parsed once (read-only afterwards). */
static struct rh_infer_rules infer_rules;
static int infer_rc;
static pthread_once_t infer_once = PTHREAD_ONCE_INIT;
static void infer_init(void)
{
    infer_rc = rh_infer_rules_default(&infer_rules, NULL);
}

/* Why a decoded recording is not stored (cli.md: dated before 2000 or after
 * today, or no time at all, like a course; or no time span and no distance,
 * one moment), or 0. */
static int refuse(const struct rh_import_opts *o, const struct rh_activity *a, struct rh_err *e)
{
    if (!a->has_start && a->format == RH_FMT_NONE) { /* a row of an export's list */
        const char *id = a->file ? strrchr(a->file, '#') : NULL;
        return rh__file_err(e, RH_ESYNTAX, "row_date", "id", id ? id + 1 : "?",
                            (const char *)NULL);
    }
    if (!a->has_start)
        return rh__file_err(e, RH_EUNSUPPORTED, "no_times", (const char *)NULL);
    int32_t day = rh_activity_local_day(a), y2k = rh_days_from_civil(2000, 1, 1);
    char d[11];
    rh_date_format(day, d);
    /* a row of an export's list (an activity entered by hand, no file) is
     * named by its activity id: "activities.csv: dated 2021-01-05" named
     * only the list (runner18) */
    const char *row = a->format == RH_FMT_NONE && a->file ? strrchr(a->file, '#') : NULL;
    if (day < y2k)
        return row ? rh__file_err(e, RH_ERANGE, "before_2000_row", "id", row + 1, "day", d,
                                  (const char *)NULL)
                   : rh__file_err(e, RH_ERANGE, "before_2000", "day", d, (const char *)NULL);
    if (o->today && day > o->today)
        return row ? rh__file_err(e, RH_ERANGE, "after_today_row", "id", row + 1, "day", d,
                                  (const char *)NULL)
                   : rh__file_err(e, RH_ERANGE, "after_today", "day", d, (const char *)NULL);
    /* one moment and no way covered (a FIT of only its file_id, a GPX of
     * one track point): no outing to count (runner16: listed as "0:00") */
    bool timed = (rh_has(a->total_elapsed_s) && a->total_elapsed_s > 0) ||
                 (rh_has(a->total_timer_s) && a->total_timer_s > 0);
    bool moved = rh_has(a->total_distance_m) && a->total_distance_m > 0;
    if (!timed && !moved)
        return rh__file_err(e, RH_EEMPTY, "nothing_recorded", (const char *)NULL);
    return 0;
}

/* One decoded activity's result, made before it is reported. */
struct pending {
    struct rh_import_result res;
    struct rh_err se;
    bool to_store; /* not refused: to be stored (or counted, without a store) */
    char *parts;   /* res.warn_parts, owned (rh_free after it is reported) */
    char what[256]; /* res.matched_what: the stored activity a duplicate matched */
};

/* An outing of a file of several, or a leg: its kind, sport and local
 * start, for the line that names it (r->part_kind NULL otherwise). */
static void name_part(const struct rh_import_opts *o, const struct rh_activity *a,
                      struct rh_import_result *r)
{
    if (!a->whole_hash || !a->has_start)
        return;
    r->part_kind = a->format == RH_FMT_FIT ? "leg" : "outing";
    int32_t off = rh_activity_offset_in(a, o->store ? rh_store_zone(o->store) : NULL);
    rh_time_format_iso(a->start_utc + (int64_t)off * 60, r->part_start);
    r->part_start[19] = '\0'; /* local: no Z */
}

static const char *W(const char *key);
static const char *sport_words(enum rh_sport sp, char out[static 32]);
static void matched_words(struct rh_store *store, int64_t id, const struct rh_activity *mine,
                          char *buf, size_t cap);

/* Puts the head that names an outing or a leg ("the cycling leg that
 * started 2023-09-02 15:15: ") before the text of msg (cap bytes), in the
 * words of rh_import_result_part_words; nothing for a whole file. */
static void part_head(const struct rh_import_result *r, char *msg, size_t cap)
{
    char head[256];
    if (!rh_import_result_part_words(r, head, sizeof head))
        return;
    size_t hl = strlen(head), k = strlen(msg);
    if (hl + 2 + k < cap) {
        memmove(msg + hl + 2, msg, k + 1);
        memcpy(msg, head, hl);
        memcpy(msg + hl, ": ", 2);
    }
}

/* Whether r's warning would be said (a stored outing or leg of a file of
 * several, with a warning), and whether a and b say the same one. */
static bool part_warned(const struct rh_import_result *r)
{
    return r->status == RH_IMPORT_STORED && r->part_kind && r->warn && r->warn->code;
}

static bool same_warning(const struct rh_import_result *a, const struct rh_import_result *b)
{
    return a->warn->code == b->warn->code && !strcmp(a->warn->msg, b->warn->msg);
}

/* code24: the outings or legs of one file (p[0..n), reported together)
 * whose warning is the same word for word say it once, with the first of
 * them, naming them all: a triathlon FIT cut short said its truncation on
 * each of its three legs. The words are [import] parts_more (", ") and
 * parts_last (" and "). Out of memory, each says its own, as before. */
static void share_warnings(struct pending *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct rh_import_result *first = &p[i].res;
        if (!part_warned(first) || first->warn_shared || first->warn_parts)
            continue;
        size_t last = i, count = 1;
        for (size_t j = i + 1; j < n; j++)
            if (part_warned(&p[j].res) && same_warning(first, &p[j].res)) {
                last = j;
                count++;
            }
        if (count < 2)
            continue;
        struct rh_buf b, t;
        rh_buf_init(&b, 0);
        rh_buf_init(&t, 0);
        int e = 0;
        for (size_t j = i, said = 0; j <= last && !e; j++) {
            if (j > i && !(part_warned(&p[j].res) && same_warning(first, &p[j].res)))
                continue;
            char one[256];
            rh_import_result_part_words(&p[j].res, one, sizeof one);
            said++;
            rh_buf_reset(&t);
            if (said == 1)
                e = rh_buf_puts(&t, one);
            else
                e = rh_buf_printf(&t, W(j == last ? "parts_last" : "parts_more"),
                                  b.data ? b.data : "", one);
            struct rh_buf swap = b;
            b = t;
            t = swap;
        }
        rh_buf_release(&t);
        if (e || !b.data) {
            rh_buf_release(&b);
            continue;
        }
        p[i].parts = rh_buf_take(&b);
        first->warn_parts = p[i].parts;
        for (size_t j = i + 1; j <= last; j++)
            if (part_warned(&p[j].res) && same_warning(first, &p[j].res))
                p[j].res.warn_shared = true;
    }
}

/* Readies one decoded activity: its shown name, plausible figures, sport,
 * and whether it is refused (then its result says why). */
static void prepare_one(const struct rh_import_opts *o, const char *name, struct item *it,
                        struct rh_import_stats *st, struct pending *p)
{
    p->res = (struct rh_import_result){.name = name, .status = RH_IMPORT_STORED, .a = &it->a,
                                       .warn = &it->warn, .sport = RH_SPORT_OTHER,
                                       .sport_source = RH_SPORT_SRC_FILE};
    rh_err_clear(&p->se);
    p->to_store = true;
    struct rh_import_result *res = &p->res;
    if (it->warn.code)
        st->warnings++;
    /* the name the runner knows (an upload's name as sent, not its spool) */
    size_t fl = o->shown_from && o->shown_as ? strlen(o->shown_from) : 0;
    if (fl && it->a.file && strncmp(it->a.file, o->shown_from, fl) == 0) {
        size_t nl = strlen(o->shown_as) + strlen(it->a.file + fl) + 1;
        char *nm = rh_malloc(nl);
        if (nm) { /* out of memory: the walked name stays */
            snprintf(nm, nl, "%s%s", o->shown_as, it->a.file + fl);
            rh_free(it->a.file);
            it->a.file = nm;
        }
    }
    rh_activity_drop_implausible(&it->a);
    pthread_once(&infer_once, infer_init);
    if (o->store && infer_rc == 0) {
        res->inferred = rh_activity_infer_sport(&it->a, &infer_rules);
    } else if (infer_rc == 0) {
        /* inspect: a keeps what the file says; the result says what an
         * import would store (the inference reads and sets only figures
         * and the sport, so a shallow copy is enough) */
        struct rh_activity copy = it->a;
        res->inferred = rh_activity_infer_sport(&copy, &infer_rules);
        res->sport = copy.sport;
        res->sport_source = copy.sport_source;
    }
    if (o->store || infer_rc != 0) {
        res->sport = it->a.sport;
        res->sport_source = it->a.sport_source;
    }
    name_part(o, &it->a, res);
    if (o->store && refuse(o, &it->a, &p->se)) {
        /* runner23: a leg or an outing of a file of several is named, as
         * its other lines are: a triathlon dated after today said the same
         * line three times */
        if (res->part_kind)
            part_head(res, p->se.msg, sizeof p->se.msg);
        res->status = RH_IMPORT_FAILED;
        res->a = NULL;
        res->err = &p->se;
        st->failed++;
        p->to_store = false;
    }
}

/* The result of a store's put (ar its return, se its reason). Returns 0
 * or a store failure. */
static int put_done(struct rh_store *store, const struct rh_store_put *put, int ar,
                    struct item *it, struct rh_import_stats *st, struct pending *p,
                    struct rh_err *err)
{
    struct rh_import_result *res = &p->res;
    res->id = put->id;
    if (ar == 0 && put->outcome != RH_STORE_ADDED) {
        res->status = RH_IMPORT_DUPLICATE;
        res->matched = put->matched_file;
        matched_words(store, put->id, &it->a, p->what, sizeof p->what);
        res->matched_what = p->what;
        res->replaced = put->outcome == RH_STORE_REPLACED;
        res->same_file = put->same_content;
        rh_err_set(&p->se, RH_EDUP, "already stored as activity %lld (%s)", (long long)put->id,
                   put->matched_file);
        res->err = &p->se;
        st->duplicates++;
        st->replaced += res->replaced;
    } else if (ar == 0) {
        it->a.id = res->id;
        st->imported++;
    } else if (ar == RH_EDB || ar == RH_EIO || ar == RH_ENOMEM) {
        if (err)
            *err = p->se;
        return ar;
    } else {
        /* the store refused this activity's values */
        res->status = RH_IMPORT_FAILED;
        res->a = NULL;
        res->err = &p->se;
        st->failed++;
    }
    return 0;
}

/* Stores and reports one decoded activity. Returns 0 or a store failure. */
static int consume_one(const struct rh_import_opts *o, const char *name, struct item *it,
                       struct rh_import_stats *st, struct rh_err *err)
{
    struct pending p;
    struct rh_store_put put; /* the result's matched file, until it is reported */
    prepare_one(o, name, it, st, &p);
    if (p.to_store && o->store) {
        int ar = rh_store_activity_put(o->store, &it->a, &put, &p.se);
        int r = put_done(o->store, &put, ar, it, st, &p, err);
        if (r)
            return r;
    } else if (p.to_store) {
        st->imported++;
    }
    if (o->on_result)
        o->on_result(o->ctx, &p.res);
    return 0;
}

/* The tail of consume_split and consume_parts: the results p[0..n) of one
 * file's outings or legs, reported together in order, a warning they share
 * said once, with the first of them (share_warnings). */
static void report_parts(const struct rh_import_opts *o, struct pending *p, size_t n)
{
    share_warnings(p, n);
    for (size_t i = 0; i < n; i++)
        if (o->on_result)
            o->on_result(o->ctx, &p[i].res);
}

/* Frees the n results of p (NULL: none) and the names they shared. */
static void free_pending(struct pending *p, size_t n)
{
    for (size_t i = 0; p && i < n; i++)
        rh_free(p[i].parts);
    rh_free(p);
}

/* A file of several outings (legs) that an older runhip stored whole, as
 * one activity: its outings take that activity's place, in one
 * transaction (rh_store_activity_split), then each is reported naming the
 * activity it replaces. 1 when no activity holds the file whole (the
 * caller stores the outings one by one), else 0 or a store failure. */
static int consume_split(const struct rh_import_opts *o, struct slot *s,
                         struct rh_import_stats *st, struct rh_err *err)
{
    struct rh_store_whole w;
    struct rh_err le;
    rh_err_clear(&le);
    int r = rh_store_activity_whole(o->store, s->items[0].a.whole_hash, &w, &le);
    if (r == RH_ENOTFOUND)
        return 1;
    if (r) {
        if (err)
            *err = le;
        return r;
    }
    size_t n = s->n_items;
    struct pending *p = rh_calloc(n, sizeof *p);
    const struct rh_activity **parts = rh_calloc(n, sizeof *parts);
    struct rh_store_put *puts = rh_calloc(n, sizeof *puts);
    struct rh_err *perr = rh_calloc(n, sizeof *perr);
    size_t *at = rh_calloc(n, sizeof *at);
    if (!p || !parts || !puts || !perr || !at) {
        r = rh_err_set(err, RH_ENOMEM, "out of memory");
        goto out;
    }
    struct rh_import_stats before = *st;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        prepare_one(o, s->src->name, &s->items[i], st, &p[i]);
        if (p[i].to_store) {
            at[k] = i;
            parts[k++] = &s->items[i].a;
        }
    }
    r = k ? rh_store_activity_split(o->store, s->items[0].a.whole_hash, parts, k, puts, perr, &w,
                                    &le)
          : RH_ENOTFOUND;
    if (r == RH_ENOTFOUND) {
        /* split by another import meanwhile, or nothing to store: as usual */
        *st = before;
        r = 1;
        goto out;
    }
    if (r) {
        if (err)
            *err = le;
        goto out;
    }
    for (size_t j = 0; j < k && !r; j++) {
        struct pending *pj = &p[at[j]];
        pj->se = perr[j];
        r = put_done(o->store, &puts[j], perr[j].code ? perr[j].code : 0, &s->items[at[j]], st,
                     pj, err);
        pj->res.whole_id = w.id;
        pj->res.whole_file = w.file;
        pj->res.kept = puts[j].kept;
        pj->res.kept_shoe = w.gear;
        if (puts[j].kept & RH_STORE_KEPT_SPORT)
            pj->res.sport = w.sport; /* as stored */
    }
    if (!r)
        report_parts(o, p, n);
out:
    free_pending(p, n);
    rh_free(parts);
    rh_free(puts);
    rh_free(perr);
    rh_free(at);
    return r;
}

/* The outings or legs of one file (a GPX or TCX of several, a multisport
 * FIT), stored one by one as consume_one does, then reported together, so
 * that a warning they share is said once (share_warnings). 1 when there is
 * no memory to hold their results (the caller goes one by one, as before:
 * nothing is done yet), else 0 or a store failure (the parts stored before
 * it are reported). */
static int consume_parts(const struct rh_import_opts *o, struct slot *s,
                         struct rh_import_stats *st, struct rh_err *err)
{
    size_t n = s->n_items;
    struct pending *p = rh_calloc(n, sizeof *p);
    struct rh_store_put *puts = rh_calloc(n, sizeof *puts); /* the matched files */
    int r = 1;
    size_t done = 0;
    if (!p || !puts)
        goto out;
    r = 0;
    for (; done < n; done++) {
        struct item *it = &s->items[done];
        prepare_one(o, s->src->name, it, st, &p[done]);
        if (p[done].to_store && o->store) {
            int ar = rh_store_activity_put(o->store, &it->a, &puts[done], &p[done].se);
            r = put_done(o->store, &puts[done], ar, it, st, &p[done], err);
            if (r)
                break;
        } else if (p[done].to_store) {
            st->imported++;
        }
    }
    report_parts(o, p, done);
out:
    free_pending(p, n);
    rh_free(puts);
    return r;
}

/* Stores or reports what one source gave: each activity, then the reason
 * it failed (if it did). Returns 0 or a store failure. */
static int consume(const struct rh_import_opts *o, struct slot *s, struct rh_import_stats *st,
                   struct rh_err *err)
{
    st->files_done++;
    st->bytes_done += s->src->in_bytes;
    /* a file of several outings: stored whole by an older runhip? */
    size_t from = 0;
    if (o->store && s->n_items > 0 && s->items[0].a.whole_hash) {
        int r = consume_split(o, s, st, err);
        if (r < 0)
            return r;
        if (r == 0)
            from = s->n_items;
    }
    if (from == 0 && s->n_items > 1 && s->items[0].a.whole_hash) {
        int r = consume_parts(o, s, st, err);
        if (r < 0)
            return r;
        if (r == 0)
            from = s->n_items;
    }
    for (size_t i = from; i < s->n_items; i++) {
        int r = consume_one(o, s->src->name, &s->items[i], st, err);
        if (r)
            return r;
    }
    if (s->rc == 0 && s->n_items > 0)
        return 0;
    struct rh_err none;
    rh_err_clear(&none);
    struct rh_import_result res = {.name = s->src->name, .status = RH_IMPORT_FAILED,
                                   .warn = &none, .err = &s->err, .sport = RH_SPORT_OTHER,
                                   .sport_source = RH_SPORT_SRC_FILE};
    if (s->rc == 0) {
        rh__file_err(&s->err, RH_EEMPTY, "no_activity", (const char *)NULL);
        st->failed++;
    } else if ((s->rc == RH_EUNSUPPORTED || s->rc == RH_EEMPTY) && s->n_items == 0 &&
               !s->src->named && /* notes.txt in a folder, empty or not: skipped */
               !activity_ext(s->src->name)) {
        res.status = RH_IMPORT_SKIPPED;
        st->skipped++;
    } else {
        st->failed++;
    }
    if (o->on_result)
        o->on_result(o->ctx, &res);
    return 0;
}

int rh_import_run(const char *const *paths, size_t n, const struct rh_import_opts *o,
                  struct rh_import_stats *st, struct rh_err *err)
{
    memset(st, 0, sizeof *st);
    /* the results' words are read before anything is stored */
    int wr = o->on_result ? rh_import_words_check(err) : 0;
    if (wr)
        return wr;
    double t0 = now_s();
    if (o->scan)
        for (size_t i = 0; i < n; i++)
            st->bytes_total += rh_import_scan_bytes(paths[i]);
    int nthreads = o->threads;
    if (nthreads <= 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        nthreads = c > 0 ? (int)c : 1;
    }
    if (nthreads > MAX_THREADS)
        nthreads = MAX_THREADS;

    struct pipe *p = rh_calloc(1, sizeof *p);
    if (!p)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv_space, NULL);
    pthread_cond_init(&p->cv_work, NULL);
    pthread_cond_init(&p->cv_done, NULL);
    p->paths = paths;
    p->n_paths = n;
    p->except_db = o->store ? rh_store_path(o->store) : NULL;
    rh_err_clear(&p->walk_err);

    pthread_t walker, dec[MAX_THREADS];
    int started = 0, r = 0;
    bool walker_up = pthread_create(&walker, NULL, walker_main, p) == 0;
    if (!walker_up)
        r = rh_err_set(err, RH_ENOMEM, "cannot start the reading thread");
    for (int i = 0; r == 0 && i < nthreads; i++) {
        if (pthread_create(&dec[i], NULL, decoder_main, p) != 0)
            break;
        started++;
    }
    if (r == 0 && started == 0)
        r = rh_err_set(err, RH_ENOMEM, "cannot start a decoding thread");

    double last_progress = 0;
    pthread_mutex_lock(&p->mu);
    while (r == 0) {
        struct slot *s = &p->ring[p->consumed % RING];
        while (!(p->consumed < p->produced && s->done) &&
               !(p->walk_over && p->consumed == p->produced)) {
            if (!(o->on_progress && o->scan)) {
                pthread_cond_wait(&p->cv_done, &p->mu);
                continue;
            }
            /* a long streamed source still shows its progress */
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += 200 * 1000 * 1000;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&p->cv_done, &p->mu, &until);
            double t = now_s();
            if (t - last_progress >= 0.1) {
                struct rh_import_stats live = *st;
                live.bytes_done += atomic_load(&p->stream_bytes);
                live.elapsed_s = t - t0;
                o->on_progress(o->ctx, &live);
                last_progress = t;
            }
        }
        if (p->consumed == p->produced)
            break; /* walk over, all consumed */
        pthread_mutex_unlock(&p->mu);
        r = consume(o, s, st, err);
        /* a streamed source's bytes are counted as its decoder reads them */
        if (s->src->stream)
            st->bytes_done += atomic_exchange(&p->stream_bytes, 0);
        slot_clear(s);
        rh_import_src_free(s->src);
        s->src = NULL;
        double t = now_s();
        if (o->on_progress && o->scan && t - last_progress >= 0.1) {
            st->elapsed_s = t - t0;
            o->on_progress(o->ctx, st);
            last_progress = t;
        }
        pthread_mutex_lock(&p->mu);
        p->consumed++;
        pthread_cond_signal(&p->cv_space);
    }
    p->stop = true;
    pthread_cond_broadcast(&p->cv_space);
    pthread_cond_broadcast(&p->cv_work);
    pthread_mutex_unlock(&p->mu);
    if (walker_up)
        pthread_join(walker, NULL);
    for (int i = 0; i < started; i++)
        pthread_join(dec[i], NULL);
    /* sources left behind by a stopped run */
    for (uint64_t k = p->consumed; k < p->produced; k++) {
        struct slot *s = &p->ring[k % RING];
        if (s->done)
            slot_clear(s);
        rh_import_src_free(s->src);
    }
    if (r == 0 && p->walk_rc) {
        r = p->walk_rc;
        if (err)
            *err = p->walk_err;
    }
    pthread_cond_destroy(&p->cv_space);
    pthread_cond_destroy(&p->cv_work);
    pthread_cond_destroy(&p->cv_done);
    pthread_mutex_destroy(&p->mu);
    rh_free(p);
    st->elapsed_s = now_s() - t0;
    if (o->on_progress && o->scan)
        o->on_progress(o->ctx, st);
    return r;
}

/* data/wording.txt [import]: a closed set of printf formats. */
static const struct rh_words_format import_words[] = {
    {"outing", "ss"},         {"leg", "ss"},           {"not_on_foot", "ddfs"},
    {"already", "ss"},        {"same_outing", "ss"},   {"fuller", "ss"},
    {"split", "ds"},          {"split_matched", "ds"}, {"kept_excluded", "d"},
    {"kept_shoe", "sd"},      {"kept_sport", "sd"},    {"parts_more", "ss"},
    {"parts_last", "ss"},     {"stored_km", "ssf"},    {"stored_minutes", "ssf"},
    {"stored", "ss"},         {"stored_undated", "s"},
};

/* A sport's noun as Today names a recorded activity ("run", "ride"):
 * data/wording.txt [plan_words] recorded.SPORT, one place for it (imp26). */
static const char *sport_noun(enum rh_sport sp)
{
    char key[48];
    snprintf(key, sizeof key, "recorded.%s", rh_sport_name(sp));
    return rh_words("plan_words", key);
}

int rh_import_words_check(struct rh_err *err)
{
    int r = rh_words_format_check("import", import_words,
                                  sizeof import_words / sizeof *import_words, err);
    for (int sp = 0; !r && sp < RH_SPORT__COUNT; sp++)
        if (!sport_noun((enum rh_sport)sp))
            r = rh_err_set(err, RH_EFORMAT,
                           "data/wording.txt: [plan_words] recorded.%s is missing (the import "
                           "names a stored activity by it)",
                           rh_sport_name((enum rh_sport)sp));
    return r;
}

/* A text of [import] ("" if it could not be read: rh_import_run checks
 * them first). */
static const char *W(const char *key)
{
    return rh_words_or_empty("import", key);
}

/* Appends ("; " between sentences) a formatted text to buf at *k. */
static void add(char *buf, size_t cap, size_t *k, const char *sep, const char *fmt, ...)
{
    if (*k >= cap - 1)
        return;
    if (*k) {
        snprintf(buf + *k, cap - *k, "%s", sep);
        *k += strlen(buf + *k);
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + *k, cap - *k, fmt, ap);
    va_end(ap);
    *k += strlen(buf + *k);
}

/* A sport in words: its name with spaces ("trail running"). */
static const char *sport_words(enum rh_sport sp, char out[static 32])
{
    snprintf(out, 32, "%s", rh_sport_name(sp));
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = ' ';
    return out;
}

/* imp26: the stored activity id that a duplicate matched, as the runner
 * knows it (a runner does not know activity numbers): its sport's noun,
 * its local start in words (rh_time_words, at the offset it is stored
 * with, the one its stored local day was made with and `runhip
 * activities` dates it by: rh_activity_offset_in) and its distance, or
 * its time without one, in
 * the words of [import] stored_*. mine, the same outing decoded now, says
 * it should the stored one not be read (out of memory). */
static void matched_words(struct rh_store *store, int64_t id, const struct rh_activity *mine,
                          char *buf, size_t cap)
{
    struct rh_activity got;
    struct rh_err e;
    bool read = store && rh_store_activity_get(store, id, 0, &got, &e) == 0;
    const struct rh_activity *a = read ? &got : mine;
    const char *noun = sport_noun(a->sport);
    char sw[32], when[64];
    if (!noun)
        noun = sport_words(a->sport, sw);
    if (!a->has_start) {
        snprintf(buf, cap, W("stored_undated"), noun);
    } else {
        rh_time_words(a->start_utc, rh_activity_offset_in(a, store ? rh_store_zone(store) : NULL),
                      when, sizeof when);
        double t = rh_activity_duration_s(a);
        if (rh_activity_has_distance(a))
            snprintf(buf, cap, W("stored_km"), noun, when, a->total_distance_m / 1000);
        else if (rh_has(t) && t > 0)
            snprintf(buf, cap, W("stored_minutes"), noun, when, t / 60);
        else
            snprintf(buf, cap, W("stored"), noun, when);
    }
    if (read)
        rh_activity_release(&got);
}

size_t rh_import_result_note(const struct rh_import_result *r, char *buf, size_t cap)
{
    if (!cap)
        return 0;
    buf[0] = '\0';
    size_t k = 0;
    bool dup = r->status == RH_IMPORT_DUPLICATE;
    bool split = r->whole_id && r->status == RH_IMPORT_STORED;
    if (r->status != RH_IMPORT_FAILED && r->inferred == RH_INFER_CORRECTED && r->a) {
        double t = rh_activity_duration_s(r->a), km = r->a->total_distance_m / 1000;
        long p = km > 0 ? (long)(t / km + 0.5) : 0;
        add(buf, cap, &k, "; ", W("not_on_foot"), (int)(p / 60), (int)(p % 60), t / 60,
            rh_sport_name(r->a->sport));
    }
    const char *m = r->matched ? r->matched : "";
    const char *what = r->matched_what ? r->matched_what : "";
    int whole = (int)r->whole_id;
    char sw[32];
    if (dup && r->replaced)
        add(buf, cap, &k, "; ", W("fuller"), what, m);
    else if (dup && r->same_file)
        add(buf, cap, &k, "; ", W("already"), what, m);
    else if (dup)
        add(buf, cap, &k, "; ", W("same_outing"), what, m);
    if (split)
        add(buf, cap, &k, "; ", W("split"), whole, r->whole_file ? r->whole_file : "");
    else if (r->whole_id && dup)
        add(buf, cap, &k, "; ", W("split_matched"), whole, r->whole_file ? r->whole_file : "");
    if (r->kept & RH_STORE_KEPT_EXCLUDED)
        add(buf, cap, &k, "; ", W("kept_excluded"), whole);
    if ((r->kept & RH_STORE_KEPT_SHOE) && r->kept_shoe)
        add(buf, cap, &k, "; ", W("kept_shoe"), r->kept_shoe, whole);
    if (r->kept & RH_STORE_KEPT_SPORT)
        add(buf, cap, &k, "; ", W("kept_sport"), sport_words(r->sport, sw), whole);
    if (k && r->part_kind && r->a) {
        /* the outing or leg first: "the cycling outing that started ...: " */
        part_head(r, buf, cap);
        k = strlen(buf);
    }
    return k;
}

size_t rh_import_result_part_words(const struct rh_import_result *r, char *buf, size_t cap)
{
    if (!cap)
        return 0;
    buf[0] = '\0';
    if (!r->part_kind || !r->a)
        return 0;
    char when[20], sw[32];
    snprintf(when, sizeof when, "%.10s %.5s", r->part_start, r->part_start + 11);
    snprintf(buf, cap, W(strcmp(r->part_kind, "leg") ? "outing" : "leg"),
             sport_words(r->sport, sw), when);
    return strlen(buf);
}

size_t rh_import_result_warning_parts(const struct rh_import_result *r, char *buf, size_t cap)
{
    if (!cap)
        return 0;
    if (!r->warn_parts)
        return rh_import_result_part_words(r, buf, cap);
    snprintf(buf, cap, "%s", r->warn_parts);
    return strlen(buf);
}

const char *rh_import_result_warning(const struct rh_import_result *r, char *buf, size_t cap)
{
    if (!cap || !r->warn || !r->warn->code || r->warn_shared)
        return NULL;
    const char *msg = r->warn->msg[0] ? r->warn->msg : rh_strerror(r->warn->code);
    char head[1024];
    if (rh_import_result_warning_parts(r, head, sizeof head))
        snprintf(buf, cap, "%s: %s", head, msg); /* as the note's lines name it */
    else
        snprintf(buf, cap, "%s", msg);
    return buf;
}

int rh_import_result_part_json(const struct rh_import_result *r, struct rh_buf *b)
{
    if (!r->part_kind)
        return rh_buf_puts(b, "null");
    return rh_buf_puts(b, "{\"kind\":") || rh_buf_json_str(b, r->part_kind) ||
                   rh_buf_puts(b, ",\"sport\":") || rh_buf_json_str(b, rh_sport_name(r->sport)) ||
                   rh_buf_puts(b, ",\"start_local\":") || rh_buf_json_str(b, r->part_start) ||
                   rh_buf_puts(b, "}")
               ? RH_ENOMEM
               : 0;
}
