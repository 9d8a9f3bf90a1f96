/* SPDX-License-Identifier: MIT */
/*
 * The one table of activity formats: for each, how its content is
 * recognised (sniff) and how it is decoded into one or more activities
 * (decode, which hands each to a callback). rh_import_decode_each picks the
 * first entry whose sniff accepts the content. A new format is one entry
 * here plus its decoder.
 *
 * Also here: the inputs a decoder reads from. A source in memory is read
 * whole; a streamed source (an Apple Health export.xml of a gigabyte) is
 * read chunk by chunk from its file or zip member, never extracted to disk
 * nor held whole in memory, and the files beside it (route GPX) are read
 * from the same folder or zip.
 */
#include <archive.h>
#include <assert.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "archive/archive_int.h"
#include "runhip/fit.h"
#include "runhip/xml.h"
#include "util/banned.h"

#define SIBLING_MAX ((size_t)64 << 20) /* largest route file read beside an export */
#define FILE_CHUNK ((size_t)256 << 10)

/* ---- inputs ----------------------------------------------------------------- */

struct input {
    const struct rh_import_src *src;
    /* whole content in memory */
    const unsigned char *data;
    size_t len;
    bool mem_given; /* the one read() of a memory input is done */
    /* streamed */
    int fd;
    unsigned char *chunk;
    struct archive *ar;
    int64_t ar_seen;
    _Atomic uint64_t *progress;
};

static void note_progress(struct input *in, uint64_t n)
{
    if (in->progress && n)
        atomic_fetch_add(in->progress, n);
}

static int input_read(void *ctx, const void **buf, size_t *len, struct rh_err *err)
{
    struct input *in = ctx;
    *buf = NULL;
    *len = 0;
    if (in->data) {
        if (!in->mem_given) {
            in->mem_given = true;
            *buf = in->data;
            *len = in->len;
        }
        return 0;
    }
    if (in->ar) {
        const void *b;
        size_t n;
        la_int64_t off;
        int r = archive_read_data_block(in->ar, &b, &n, &off);
        if (r == ARCHIVE_EOF)
            return 0;
        if (r < ARCHIVE_WARN)
            return rh__file_err_detail(err, RH_EFORMAT, -1, "member_damaged",
                                       archive_error_string(in->ar)
                                           ? archive_error_string(in->ar)
                                           : "corrupt data");
        int64_t now = archive_filter_bytes(in->ar, -1);
        if (now > in->ar_seen) {
            note_progress(in, (uint64_t)(now - in->ar_seen));
            in->ar_seen = now;
        }
        *buf = b;
        *len = n;
        return 0;
    }
    for (;;) {
        ssize_t k = read(in->fd, in->chunk, FILE_CHUNK);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return rh__file_err(err, RH_EIO, "cannot_read", "why", strerror(errno),
                                (const char *)NULL);
        note_progress(in, (uint64_t)k);
        *buf = in->chunk;
        *len = (size_t)k;
        return 0;
    }
}

/* Opens the zip or tar at path positioned at the data of member. */
static struct archive *open_member(const char *path, const char *member, struct rh_err *err)
{
    struct archive *a = archive_read_new();
    if (!a) {
        rh_err_set(err, RH_ENOMEM, "out of memory");
        return NULL;
    }
    rh__archive_support(a);
    if (archive_read_open_filename(a, path, 64 * 1024) != ARCHIVE_OK) {
        char k[64];
        rh__file_say(k, sizeof k, "kind_archive", (const char *)NULL);
        rh__file_err(err, RH_EFORMAT, "archive_unopened", "kind", k, (const char *)NULL);
        if (err)
            rh__file_with_detail(err->msg, sizeof err->msg, err->msg,
                                 archive_error_string(a) ? archive_error_string(a)
                                                         : "unknown error");
        archive_read_free(a);
        return NULL;
    }
    struct archive_entry *e;
    while (archive_read_next_header(a, &e) >= ARCHIVE_WARN) {
        const char *n = archive_entry_pathname(e);
        if (n && strcmp(n, member) == 0)
            return a;
        archive_read_data_skip(a);
    }
    rh__file_err(err, RH_ENOTFOUND, "member_gone", "member", member, (const char *)NULL);
    archive_read_free(a);
    return NULL;
}

static int input_open(struct input *in, const struct rh_import_src *src, _Atomic uint64_t *progress,
                      struct rh_err *err)
{
    memset(in, 0, sizeof *in);
    in->src = src;
    in->fd = -1;
    in->progress = progress;
    if (!src->stream)
        return 0;
    if (src->member) {
        in->ar = open_member(src->path, src->member, err);
        return in->ar ? 0 : err ? err->code : RH_EFORMAT;
    }
    in->fd = open(src->path, O_RDONLY);
    if (in->fd < 0)
        return rh__file_err(err, RH_EIO, "cannot_open", "why", strerror(errno),
                            (const char *)NULL);
    in->chunk = rh_malloc(FILE_CHUNK);
    if (!in->chunk)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    return 0;
}

static void input_close(struct input *in)
{
    if (in->ar)
        archive_read_free(in->ar);
    if (in->fd >= 0)
        close(in->fd);
    rh_free(in->chunk);
    memset(in, 0, sizeof *in);
    in->fd = -1;
}

/* The folder of a path ("a/b/export.xml" -> "a/b/", "export.xml" -> ""). */
static char *folder_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return rh_strndup(path, s ? (size_t)(s - path + 1) : 0);
}

static int path_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* Files beside a streamed source: members of the same zip, or files of the
 * same folder. paths are sorted; each found one is read whole (at most
 * SIBLING_MAX) and handed to got. */
static int input_siblings(void *ctx, const char *const *paths, size_t n,
                          int (*got)(void *gctx, size_t i, const void *data, size_t len),
                          void *gctx, struct rh_err *err)
{
    struct input *in = ctx;
    const struct rh_import_src *src = in->src;
    if (!src->stream || n == 0)
        return 0;
    char *folder = folder_of(src->member ? src->member : src->path);
    if (!folder)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    size_t fl = strlen(folder);
    int r = 0;
    struct rh_buf b;
    rh_buf_init(&b, SIBLING_MAX);
    if (src->member) {
        /* one pass over the zip: each member under the folder that is asked for */
        struct archive *a = archive_read_new();
        if (!a) {
            rh_free(folder);
            return rh_err_set(err, RH_ENOMEM, "out of memory");
        }
        rh__archive_support(a);
        if (archive_read_open_filename(a, src->path, 64 * 1024) == ARCHIVE_OK) {
            struct archive_entry *e;
            while (r == 0 && archive_read_next_header(a, &e) >= ARCHIVE_WARN) {
                const char *mn = archive_entry_pathname(e);
                if (!mn || strncmp(mn, folder, fl) != 0 || archive_entry_filetype(e) != AE_IFREG) {
                    archive_read_data_skip(a);
                    continue;
                }
                /* "/workout-routes/x.gpx" in the document is folder + "workout-routes/x.gpx" */
                char key[1024];
                snprintf(key, sizeof key, "/%s", mn + fl);
                const char *const *hit = bsearch(key, paths, n, sizeof *paths, path_cmp);
                if (!hit) {
                    archive_read_data_skip(a);
                    continue;
                }
                rh_buf_reset(&b);
                char chunk[64 * 1024];
                la_ssize_t k;
                int br = 0;
                int64_t before = archive_filter_bytes(a, -1);
                while (br == 0 && (k = archive_read_data(a, chunk, sizeof chunk)) > 0)
                    br = rh_buf_append(&b, chunk, (size_t)k);
                int64_t after = archive_filter_bytes(a, -1);
                if (after > before) /* the route's bytes, for the progress figures */
                    note_progress(in, (uint64_t)(after - before));
                if (br == RH_ENOMEM) {
                    r = rh_err_set(err, RH_ENOMEM, "out of memory");
                    break;
                }
                if (br)
                    continue; /* too big to be a route: left out */
                /* every asked path equal to this one (several workouts may share it) */
                size_t i = (size_t)(hit - paths);
                while (i > 0 && strcmp(paths[i - 1], key) == 0)
                    i--;
                for (; r == 0 && i < n && strcmp(paths[i], key) == 0; i++)
                    r = got(gctx, i, b.data ? b.data : "", b.len);
            }
        }
        archive_read_free(a);
    } else {
        for (size_t i = 0; i < n && r == 0; i++) {
            const char *rel = paths[i];
            while (*rel == '/')
                rel++;
            if (strstr(rel, "..")) /* stays inside the export's folder */
                continue;
            char full[4096];
            if ((size_t)snprintf(full, sizeof full, "%s%s", folder, rel) >= sizeof full)
                continue;
            int fd = open(full, O_RDONLY);
            if (fd < 0)
                continue;
            struct stat st;
            if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > SIBLING_MAX) {
                close(fd);
                continue;
            }
            rh_buf_reset(&b);
            int br = rh_buf_reserve(&b, (size_t)st.st_size + 1);
            ssize_t k = 0;
            while (br == 0 && (k = read(fd, b.data + b.len, b.cap - b.len - 1)) > 0)
                b.len += (size_t)k;
            close(fd);
            if (br) {
                r = rh_err_set(err, RH_ENOMEM, "out of memory");
                break;
            }
            if (k == 0)
                r = got(gctx, i, b.data, b.len);
        }
    }
    rh_buf_release(&b);
    rh_free(folder);
    return r;
}

/* ---- the handlers ------------------------------------------------------------ */

/* Hands one single-activity decoder's result on. */
static int single(int rc, struct rh_activity *a, const struct rh_err *warn, rh_activity_fn fn,
                  void *ctx)
{
    if (rc) {
        rh_activity_release(a);
        return rc;
    }
    return fn(ctx, a, warn);
}

/* One outing's or leg's identity, from the whole file's hash state
 * (*whole, hashed once by the caller): whole_hash, the file's own hash (what
 * an older runhip stored the whole file as), and content_hash, the file's
 * content then "\n<kind> <i>", so a second import finds each part again. */
static void part_hashes(struct rh_activity *a, const struct rh_hash *whole, const char *kind,
                        int i)
{
    struct rh_hash h = *whole;
    a->whole_hash = rh_hash_final(&h);
    a->part = i;
    char tag[32];
    int tn = snprintf(tag, sizeof tag, "\n%s %d", kind, i);
    assert(tn > 0 && (size_t)tn < sizeof tag);
    rh_hash_update(&h, tag, (size_t)tn);
    a->content_hash = rh_hash_final(&h);
}

/* A multisport FIT (a triathlon) is several outings: each leg is stored as
 * its own activity from its session (a run leg counts as a run, the ride as
 * a ride), transitions left out. Each leg is read once more from the file
 * in memory with only the records of its own time (rh_fit_decode_leg): its
 * splits, track and the figures its session does not say (a run leg's
 * cadence) are its own; the file's device and offset go with every leg.
 * Each leg's identity is the file's content and its number. */
static int emit_legs(struct input *in, struct rh_activity *a, const struct rh_fit_legs *legs,
                     const struct rh_fit_leg *leg, const struct rh_err *warn, rh_activity_fn fn,
                     void *ctx, struct rh_err *err)
{
    int r = 0;
    bool truncated = a->truncated;
    rh_activity_release(a);
    struct rh_hash whole; /* the whole file's, hashed once for every leg */
    rh_hash_init(&whole);
    rh_hash_update(&whole, in->data, in->len);
    for (int i = 0; i < legs->n && r == 0; i++) {
        struct rh_activity l;
        struct rh_err lwarn;
        rh_activity_init(&l);
        r = rh_fit_decode_leg(in->data, in->len, &leg[i], &l, &lwarn, err);
        if (r) {
            rh_activity_release(&l);
            break;
        }
        l.format = RH_FMT_FIT;
        l.truncated = truncated;
        part_hashes(&l, &whole, "leg", i);
        r = fn(ctx, &l, warn);
    }
    return r;
}

static int dec_fit(struct input *in, rh_activity_fn fn, void *ctx, struct rh_err *err)
{
    struct rh_activity a;
    struct rh_err warn;
    struct rh_fit_legs legs;
    struct rh_fit_leg *leg = rh_malloc(RH_FIT_LEGS_MAX * sizeof *leg);
    if (!leg)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    rh_activity_init(&a);
    rh_err_clear(&warn);
    int rc = rh_fit_decode_legs(in->data, in->len, &a, &legs, leg, &warn, err);
    if (rc == 0)
        a.format = RH_FMT_FIT;
    if (rc == 0 && legs.mixed) {
        rc = emit_legs(in, &a, &legs, leg, &warn, fn, ctx, err);
        rh_free(leg);
        return rc;
    }
    rh_free(leg);
    return single(rc, &a, &warn, fn, ctx);
}

/* A GPX or TCX file: one activity, or one an outing when its tracks or
 * Activities are several outings (rh_xml_parts: a different sport, or more
 * than RH_OUTING_GAP_S between them). Each outing is read again from the
 * file in memory with only its own units; its identity is the file's
 * content and its number, so a second import finds each as a duplicate.
 * A cut file's warning goes with its last outing, where it was cut. */
static int dec_xml_parts(struct input *in, enum rh_format fmt, rh_activity_fn fn, void *ctx,
                         struct rh_err *err)
{
    struct rh_activity a;
    struct rh_err warn;
    struct rh_xml_parts *parts = rh_malloc(sizeof *parts);
    if (!parts)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    rh_activity_init(&a);
    rh_err_clear(&warn);
    int rc = rh_xml_decode_part(fmt, in->data, in->len, parts, -1, &a, &warn, err);
    if (rc == 0)
        a.format = fmt;
    if (rc != 0 || parts->n <= 1) {
        rh_free(parts);
        return single(rc, &a, &warn, fn, ctx);
    }
    rh_activity_release(&a);
    struct rh_hash whole; /* the whole file's, hashed once for every outing */
    rh_hash_init(&whole);
    rh_hash_update(&whole, in->data, in->len);
    int r = 0, first_fail = 0, n_given = 0;
    for (int k = 0; k < parts->n && r == 0; k++) {
        struct rh_err pwarn;
        rh_activity_init(&a);
        int dr = rh_xml_decode_part(fmt, in->data, in->len, parts, k, &a, &pwarn, err);
        if (dr) {
            /* an outing that does not decode alone (laps without points in
             * a cut file) is left out; the file fails only if all do */
            rh_activity_release(&a);
            if (!first_fail)
                first_fail = dr;
            continue;
        }
        n_given++;
        a.format = fmt;
        part_hashes(&a, &whole, "outing", k);
        if (k < parts->n - 1)
            rh_err_clear(&pwarn);
        r = fn(ctx, &a, &pwarn);
    }
    rh_free(parts);
    if (r == 0 && n_given == 0)
        return first_fail;
    if (r == 0)
        rh_err_clear(err);
    return r;
}

static int dec_gpx(struct input *in, rh_activity_fn fn, void *ctx, struct rh_err *err)
{
    return dec_xml_parts(in, RH_FMT_GPX, fn, ctx, err);
}

static int dec_tcx(struct input *in, rh_activity_fn fn, void *ctx, struct rh_err *err)
{
    return dec_xml_parts(in, RH_FMT_TCX, fn, ctx, err);
}

static int dec_sml(struct input *in, rh_activity_fn fn, void *ctx, struct rh_err *err)
{
    struct rh_activity a;
    struct rh_err warn;
    rh_activity_init(&a);
    rh_err_clear(&warn);
    int rc = rh_sml_decode(in->data, in->len, &a, &warn, err);
    if (rc == 0)
        a.format = RH_FMT_SML;
    return single(rc, &a, &warn, fn, ctx);
}

static int dec_polar(struct input *in, rh_activity_fn fn, void *ctx, struct rh_err *err)
{
    struct rh_activity a;
    struct rh_err warn;
    rh_activity_init(&a);
    rh_err_clear(&warn);
    int rc = rh__polar_decode(in->data, in->len, &a, &warn, err);
    if (rc == 0)
        a.format = RH_FMT_POLAR;
    return single(rc, &a, &warn, fn, ctx);
}

static int dec_apple(struct input *in, rh_activity_fn fn, void *ctx, struct rh_err *err)
{
    struct rh_stream_io io = {input_read, input_siblings, in};
    struct rh_err warn;
    rh_err_clear(&warn);
    return rh_apple_decode(&io, fn, ctx, &warn, err);
}

/* A Strava activities.csv: its rows without a file (entered by hand). */
static int dec_strava_csv(struct input *in, rh_activity_fn fn, void *ctx, struct rh_err *err)
{
    return rh__strava_manual_decode((const char *)in->data, in->len, in->src->name, fn, ctx, err);
}

static bool sniff_fit(const unsigned char *p, size_t n)
{
    return rh_fit_sniff(p, n);
}
static bool sniff_gpx(const unsigned char *p, size_t n)
{
    return rh_xml_sniff(p, n) == RH_FMT_GPX;
}
static bool sniff_tcx(const unsigned char *p, size_t n)
{
    return rh_xml_sniff(p, n) == RH_FMT_TCX;
}
static bool sniff_sml(const unsigned char *p, size_t n)
{
    return rh_xml_sniff(p, n) == RH_FMT_SML;
}
static bool sniff_apple(const unsigned char *p, size_t n)
{
    return rh_apple_sniff(p, n);
}

struct handler {
    enum rh_format fmt;
    bool (*sniff)(const unsigned char *head, size_t n); /* the first bytes (up to SNIFF_LEN) */
    bool streams; /* decodes a streamed source (else needs the whole content in memory) */
    int (*decode)(struct input *in, rh_activity_fn fn, void *ctx, struct rh_err *err);
    const char *words; /* what a runner has, for the lists of accepted files */
    const char *exts;  /* the usual file name endings, space-separated */
};

/* In order of trial: the binary FIT header first, then the XML roots. The
 * format is sniffed from the content, never from the name: the words and
 * endings are for people (the web's upload form, rh_import_formats_words). */
static const struct handler handlers[] = {
    {RH_FMT_FIT, sniff_fit, false, dec_fit, "watch files .fit", ".fit"},
    {RH_FMT_GPX, sniff_gpx, false, dec_gpx, ".gpx", ".gpx"},
    {RH_FMT_TCX, sniff_tcx, false, dec_tcx, ".tcx", ".tcx"},
    {RH_FMT_SML, sniff_sml, false, dec_sml, "Suunto .sml", ".sml"},
    {RH_FMT_APPLE, sniff_apple, true, dec_apple,
     "an Apple Health export (export.zip, or its export.xml)", ".xml"},
    {RH_FMT_POLAR, rh__polar_sniff, false, dec_polar,
     "Polar Flow training-session-*.json", ".json"},
    /* no file format: entered by hand */
    {RH_FMT_NONE, rh__strava_sniff, false, dec_strava_csv, "a Strava activities.csv", ".csv"},
};

/* What holds them (src/archive/walk.c): gzip around any one file, zip
 * archives (exports) with files or zips inside, tar archives (plain or
 * gzipped) read the same way. */
static const struct {
    const char *words, *exts;
} containers[] = {
    {"any of these gzipped (.gz)", ".gz"},
    {"a Strava or Garmin export .zip", ".zip"},
    {"a .tar or .tgz of them", ".tar,.tgz"}, /* one accept entry, two endings */
};

size_t rh_import_formats_words(char *buf, size_t cap)
{
    size_t n = sizeof handlers / sizeof *handlers, m = sizeof containers / sizeof *containers;
    size_t len = 0;
    if (cap)
        buf[0] = '\0';
    for (size_t i = 0; i < n + m; i++) {
        const char *w = i < n ? handlers[i].words : containers[i - n].words;
        int k = snprintf(buf + (len < cap ? len : cap), len < cap ? cap - len : 0, "%s%s",
                         i == 0 ? "" : i + 1 == n + m ? " or " : ", ", w);
        if (k > 0)
            len += (size_t)k;
    }
    return len;
}

size_t rh_import_formats_accept(char *buf, size_t cap)
{
    size_t n = sizeof handlers / sizeof *handlers, m = sizeof containers / sizeof *containers;
    size_t len = 0;
    if (cap)
        buf[0] = '\0';
    for (int upper = 0; upper < 2; upper++)
        for (size_t i = 0; i < n + m; i++) {
            const char *e = i < n ? handlers[i].exts : containers[i - n].exts;
            char one[16];
            snprintf(one, sizeof one, "%s", e);
            for (char *p = one; upper && *p; p++)
                if (*p >= 'a' && *p <= 'z')
                    *p = (char)(*p - 'a' + 'A');
            int k = snprintf(buf + (len < cap ? len : cap), len < cap ? cap - len : 0, "%s%s",
                             len ? "," : "", one);
            if (k > 0)
                len += (size_t)k;
        }
    return len;
}

enum rh_format rh__stream_sniff(const unsigned char *head, size_t n)
{
    for (size_t i = 0; i < sizeof handlers / sizeof *handlers; i++)
        if (handlers[i].streams && handlers[i].sniff(head, n))
            return handlers[i].fmt;
    return RH_FMT_NONE;
}

/* ---- decode ------------------------------------------------------------------- */

static bool is_gzip(const unsigned char *p, size_t n)
{
    return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* The Strava row's words win over the file's, except that a file's more
 * precise kind of run (trail, treadmill) is kept when Strava says "Run". */
static int apply_csv(const struct rh_import_src *src, struct rh_activity *a, struct rh_err *err)
{
    if ((src->csv_name && rh_activity_set_str(&a->name, src->csv_name)) ||
        (src->csv_gear && rh_activity_set_str(&a->gear, src->csv_gear)))
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    enum rh_sport sp;
    if (src->csv_type && rh_import_strava_sport(src->csv_type, &sp) == 0) {
        if (!(sp == RH_SPORT_RUNNING && rh_sport_is_run(a->sport))) {
            a->sport = sp;
            a->sport_source = RH_SPORT_SRC_EXPORT_CSV;
        }
    }
    return 0;
}

/* Names from files and export lists are checked on the way in, once, here:
 * no control characters, valid UTF-8, a bounded length (rh_name_clean). */
#define NAME_MAX_BYTES 256
static int clean_names(struct rh_activity *a, struct rh_err *err)
{
    char **slots[] = {&a->name, &a->gear, &a->device};
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++) {
        if (!*slots[i])
            continue;
        char *c = rh_name_clean(*slots[i], NAME_MAX_BYTES);
        if (!c)
            return rh_err_set(err, RH_ENOMEM, "out of memory");
        rh_free(*slots[i]);
        *slots[i] = c;
        if (!*c) {
            rh_free(c);
            *slots[i] = NULL;
        }
    }
    return 0;
}

/* Finishes each activity a decoder hands over, then passes it on. */
struct finish {
    const struct rh_import_src *src;
    enum rh_format fmt;
    uint64_t hash; /* of the whole content, when it was in memory */
    rh_activity_fn fn;
    void *ctx;
    struct rh_err *err;
    int fail; /* a finishing failure (not the callback's) */
};

static int finish_one(void *ctx, struct rh_activity *a, const struct rh_err *warn)
{
    struct finish *f = ctx;
    int r = 0;
    if (a->format == RH_FMT_NONE)
        a->format = f->fmt;
    if (a->content_hash == 0)
        a->content_hash = f->hash;
    if (warn && warn->code == RH_ETRUNC)
        a->truncated = true; /* a complete copy of the outing will replace it */
    if (!a->file && rh_activity_set_str(&a->file, f->src->name)) /* one of many may name itself */
        r = rh_err_set(f->err, RH_ENOMEM, "out of memory");
    else if (!(r = apply_csv(f->src, a, f->err)))
        r = clean_names(a, f->err);
    if (r) {
        f->fail = r;
        rh_activity_release(a);
        return r;
    }
    return f->fn(f->ctx, a, warn);
}

#define SNIFF_LEN 4096

int rh_import_decode_each(const struct rh_import_src *src, rh_activity_fn fn, void *ctx,
                          _Atomic uint64_t *progress, struct rh_err *err)
{
    if (src->walk_code) {
        if (err)
            *err = src->walk_err;
        return src->walk_code;
    }
    struct input in;
    int r = input_open(&in, src, progress, err);
    if (r) {
        input_close(&in);
        return r;
    }
    struct rh_buf inflated;
    rh_buf_init(&inflated, RH_IMPORT_MEMBER_MAX);
    const struct handler *h = NULL;
    struct finish f = {src, RH_FMT_NONE, 0, fn, ctx, err, 0};
    if (src->stream) {
        /* the walk sniffed it (rh__stream_sniff) and named its format */
        for (size_t i = 0; i < sizeof handlers / sizeof *handlers && !h; i++)
            if (handlers[i].streams && handlers[i].fmt == src->stream_fmt)
                h = &handlers[i];
        if (!h) {
            r = rh_err_set(err, RH_EINVAL, "no streaming decoder for this source");
            goto out;
        }
        f.fmt = h->fmt;
        r = h->decode(&in, finish_one, &f, err);
        goto out;
    }
    in.data = src->data;
    in.len = src->len;
    if (in.len == 0) {
        r = rh__file_err(err, RH_EEMPTY, "empty", (const char *)NULL);
        goto out;
    }
    if (is_gzip(in.data, in.len)) {
        /* a cut gzip (an interrupted download) gives what inflated: the
         * decoder then finds its content cut and keeps what decoded
         * cleanly, with its warning, as for a cut file that is not
         * compressed */
        r = rh__gunzip(in.data, in.len, &inflated, err);
        if (r == RH_ETRUNC && inflated.len > 0) {
            r = 0;
            rh_err_clear(err);
        }
        if (r != 0)
            goto out;
        in.data = (const unsigned char *)inflated.data;
        in.len = inflated.len;
        if (in.len == 0) {
            r = rh__file_err(err, RH_EEMPTY, "gzip_empty", (const char *)NULL);
            goto out;
        }
    }
    size_t sn = in.len < SNIFF_LEN ? in.len : SNIFF_LEN;
    for (size_t i = 0; i < sizeof handlers / sizeof *handlers && !h; i++)
        if (handlers[i].sniff(in.data, sn))
            h = &handlers[i];
    if (!h) {
        if (in.len >= 4 && in.data[0] == 'P' && in.data[1] == 'K')
            r = rh__file_err(err, RH_EUNSUPPORTED, "zip_in_gzip", (const char *)NULL);
        else
            r = rh__file_err(err, RH_EUNSUPPORTED, "not_activity", (const char *)NULL);
        goto out;
    }
    struct rh_hash hs;
    rh_hash_init(&hs);
    rh_hash_update(&hs, in.data, in.len);
    f.hash = rh_hash_final(&hs);
    f.fmt = h->fmt;
    r = h->decode(&in, finish_one, &f, err);
out:
    rh_buf_release(&inflated);
    input_close(&in);
    return r;
}

/* rh_import_decode: the first activity of the source. */
struct first {
    struct rh_activity *a;
    struct rh_err *warn;
    bool got;
};

static int take_first(void *ctx, struct rh_activity *a, const struct rh_err *warn)
{
    struct first *fs = ctx;
    if (fs->got) {
        rh_activity_release(a);
        return 0;
    }
    *fs->a = *a;
    if (warn && fs->warn)
        *fs->warn = *warn;
    fs->got = true;
    return 0;
}

int rh_import_decode(const struct rh_import_src *src, struct rh_activity *a, struct rh_err *warn,
                     struct rh_err *err)
{
    rh_err_clear(warn);
    struct first fs = {a, warn, false};
    rh_activity_init(a);
    int r = rh_import_decode_each(src, take_first, &fs, NULL, err);
    if (r == 0 && !fs.got)
        r = rh__file_err(err, RH_EFORMAT, "no_activity", (const char *)NULL);
    if (r)
        rh_activity_release(a);
    return r;
}
