/* SPDX-License-Identifier: MIT */
/*
 * The walk: from one path given by the user to a sequence of sources (the
 * raw bytes of each activity file with its display name). Folders are read
 * recursively in byte order of the names so two runs see the same order.
 * Zip archives are recognised by content and streamed entry by entry with
 * libarchive: only one member is in memory at a time (capped at
 * RH_IMPORT_MEMBER_MAX); a member that is itself a zip (Garmin Connect
 * exports) is walked from memory. A Strava activities.csv is read in a
 * first pass that skips every other member's data, so each activity file
 * meets its CSV row in the second pass whatever the member order.
 * Also here: gzip inflation for the decode step.
 */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "archive/archive_int.h"
#include "util/banned.h"

#define CSV_MAX ((size_t)64 << 20)

/* A file or folder by identity, whatever the path that reached it. */
struct fid {
    dev_t dev;
    ino_t ino;
};

struct walk {
    rh_import_src_fn fn; /* NULL: only count bytes (rh_import_scan_bytes) */
    void *ctx;
    uint64_t pending;    /* input bytes read but not yet attached to a source */
    uint64_t scanned;    /* bytes counted when fn is NULL */
    struct fid *seen;    /* folders visited: each once, so links cannot loop */
    size_t n_seen, cap_seen;
    char *root;          /* real path of the folder given, or NULL */
    struct fid skip[4];  /* the database and its journal files */
    size_t n_skip;
    /* a Strava activities.csv found in a folder (an unzipped export): its
     * rows name the files below that folder */
    const struct rh__strava *csv;
    size_t csv_dir_len; /* length of that folder's path with its '/' */
};

void rh_import_src_free(struct rh_import_src *src)
{
    if (!src)
        return;
    rh_free(src->name);
    rh_free(src->data);
    rh_free(src->csv_name);
    rh_free(src->csv_type);
    rh_free(src->csv_gear);
    rh_free(src->path);
    rh_free(src->member);
    rh_free(src);
}

/* Hands a source over (taking name and data); returns the callback's value
 * or RH_ENOMEM. */
static int emit(struct walk *w, char *name, unsigned char *data, size_t len, bool named,
                const struct rh__strava_row *row, int code, const struct rh_err *why)
{
    struct rh_import_src *s = rh_calloc(1, sizeof *s);
    if (!s) {
        rh_free(name);
        rh_free(data);
        return RH_ENOMEM;
    }
    s->name = name;
    s->data = data;
    s->len = len;
    s->named = named;
    s->in_bytes = w->pending;
    w->pending = 0;
    s->walk_code = code;
    rh_err_clear(&s->walk_err);
    if (why)
        s->walk_err = *why;
    if (row) {
        s->csv_name = row->name ? rh_strdup(row->name) : NULL;
        s->csv_type = row->type ? rh_strdup(row->type) : NULL;
        s->csv_gear = row->gear ? rh_strdup(row->gear) : NULL;
        if ((row->name && !s->csv_name) || (row->type && !s->csv_type) ||
            (row->gear && !s->csv_gear)) {
            rh_import_src_free(s);
            return RH_ENOMEM;
        }
    }
    if (!name) {
        rh_import_src_free(s);
        return RH_ENOMEM;
    }
    return w->fn(w->ctx, s);
}

/* Emits a failure for name (copied): [file_words] key, with the
 * system's reason why as its one hole when not NULL. */
static int emit_fail(struct walk *w, const char *name, int code, const char *key, const char *why)
{
    struct rh_err e;
    rh_err_clear(&e);
    if (why)
        rh__file_err(&e, code, key, "why", why, (const char *)NULL);
    else
        rh__file_err(&e, code, key, (const char *)NULL);
    return emit(w, rh_strdup(name), NULL, 0, true, NULL, code, &e);
}

/* [file_words] key with one hole, a size in MB. */
static int err_mb(struct rh_err *err, int code, const char *key, size_t max)
{
    char mb[32];
    snprintf(mb, sizeof mb, "%zu", max >> 20);
    return rh__file_err(err, code, key, "mb", mb, (const char *)NULL);
}

/* Hands over a streamed source: the file at path, or its zip member. */
static int emit_stream(struct walk *w, char *name, const char *path, const char *member,
                       enum rh_format fmt, bool named)
{
    struct rh_import_src *s = rh_calloc(1, sizeof *s);
    if (!s) {
        rh_free(name);
        return RH_ENOMEM;
    }
    s->name = name;
    s->named = named;
    s->in_bytes = w->pending;
    w->pending = 0;
    rh_err_clear(&s->walk_err);
    s->stream = true;
    s->stream_fmt = fmt;
    s->path = rh_strdup(path);
    s->member = member ? rh_strdup(member) : NULL;
    if (!name || !s->path || (member && !s->member)) {
        rh_import_src_free(s);
        return RH_ENOMEM;
    }
    return w->fn(w->ctx, s);
}

static char *join(const char *a, const char *sep, const char *b)
{
    size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
    char *p = rh_malloc(la + ls + lb + 1);
    if (!p)
        return NULL;
    memcpy(p, a, la);
    memcpy(p + la, sep, ls);
    memcpy(p + la + ls, b, lb + 1);
    return p;
}

static bool is_zip(const unsigned char *p, size_t n)
{
    return n >= 4 && p[0] == 'P' && p[1] == 'K' &&
           ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6));
}

/* A tar archive: "ustar" at byte 257 of its first header (POSIX and GNU). */
static bool is_tar(const unsigned char *p, size_t n)
{
    return n >= 262 && memcmp(p + 257, "ustar", 5) == 0;
}

/* A gzip-compressed tar (.tar.gz, .tgz): the first header, decompressed,
 * is a tar header. Only the first block is inflated. */
static bool is_tar_gz_mem(const void *data, size_t len);

/* Base name of a member path (after the last '/'). */
static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Mac resource forks and metadata folders carry no activities. */
static bool skip_member(const char *path)
{
    if (strncmp(path, "__MACOSX/", 9) == 0 || strstr(path, "/__MACOSX/"))
        return true;
    const char *b = base_name(path);
    return strncmp(b, "._", 2) == 0 || strcmp(b, ".DS_Store") == 0;
}

bool rh__apple_side_file(const char *path)
{
    const char *b = base_name(path);
    if (strcmp(b, "export_cda.xml") == 0)
        return true;
    /* the parent folder is workout-routes */
    size_t bl = (size_t)(b - path);
    static const char dir[] = "workout-routes/";
    size_t dl = sizeof dir - 1;
    return bl >= dl && strncmp(b - dl, dir, dl) == 0 && (bl == dl || b[-(long)dl - 1] == '/');
}

/* ---- zip archives ----------------------------------------------------------- */

/* Where an archive's bytes come from: a file on disk or a member in memory. */
struct zsrc {
    const char *path;
    const unsigned char *mem;
    size_t len;
    bool tar; /* a tar, maybe gzip-compressed, not a zip */
};

void rh__archive_support(struct archive *a)
{
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    archive_read_support_filter_gzip(a);
}

/* The words for the archive in messages. */
static const char *zkind(const struct zsrc *z, char *buf, size_t cap)
{
    rh__file_say(buf, cap, z->tar ? "kind_tar" : "kind_zip", (const char *)NULL);
    return buf;
}

/* Inflates the start of gzip data (at most the first 4 KB of it, as read)
 * and looks for a tar header: no archive is opened for a .fit.gz. */
static bool is_tar_gz_mem(const void *data, size_t len)
{
    const unsigned char *p = data;
    if (len < 2 || p[0] != 0x1f || p[1] != 0x8b)
        return false;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return false;
    unsigned char block[512];
    zs.next_in = (unsigned char *)(uintptr_t)data;
    zs.avail_in = (uInt)(len < 4096 ? len : 4096);
    zs.next_out = block;
    zs.avail_out = sizeof block;
    int zr = inflate(&zs, Z_SYNC_FLUSH);
    size_t got = sizeof block - zs.avail_out;
    inflateEnd(&zs);
    return (zr == Z_OK || zr == Z_STREAM_END || zr == Z_BUF_ERROR) && is_tar(block, got);
}

static struct archive *zopen(const struct zsrc *z, struct rh_err *err)
{
    struct archive *a = archive_read_new();
    if (!a) {
        rh_err_set(err, RH_ENOMEM, "out of memory");
        return NULL;
    }
    rh__archive_support(a);
    int rc = z->mem ? archive_read_open_memory(a, z->mem, z->len)
                    : archive_read_open_filename(a, z->path, 64 * 1024);
    if (rc != ARCHIVE_OK) {
        char k[64];
        rh__file_err(err, RH_EFORMAT, "archive_unopened", "kind", zkind(z, k, sizeof k),
                     (const char *)NULL);
        if (err)
            rh__file_with_detail(err->msg, sizeof err->msg, err->msg,
                                 archive_error_string(a) ? archive_error_string(a)
                                                         : "unknown error");
        archive_read_free(a);
        return NULL;
    }
    return a;
}

/* read_member: the member is to be streamed, not read; its format is
 * STREAM_IT + the enum rh_format */
#define STREAM_IT 1000

/* Reads the current member into a new buffer of at most max bytes. With
 * may_stream, returns STREAM_IT + format (and nothing) as soon as its first bytes
 * show a format that is decoded as a stream. */
static int read_member(struct archive *a, size_t max, unsigned char **out, size_t *len,
                       struct rh_err *err, bool may_stream, bool too_big)
{
    enum rh_format sf;
    struct rh_buf b;
    rh_buf_init(&b, max);
    char chunk[64 * 1024];
    bool sniffed = !may_stream;
    if (too_big && !may_stream)
        return err_mb(err, RH_ELIMIT, "member_too_large", max);
    for (;;) {
        la_ssize_t n = archive_read_data(a, chunk, sizeof chunk);
        if (!sniffed && (n <= 0 || b.len + (size_t)n >= 4096)) {
            sniffed = true;
            if (n > 0 && rh_buf_append(&b, chunk, (size_t)n) != 0)
                n = -1; /* reported below */
            else if ((sf = rh__stream_sniff((const unsigned char *)b.data, b.len)) !=
                     RH_FMT_NONE) {
                rh_buf_release(&b);
                return STREAM_IT + (int)sf;
            } else if (too_big) {
                rh_buf_release(&b);
                return err_mb(err, RH_ELIMIT, "member_too_large", max);
            } else if (n > 0) {
                continue;
            }
        }
        if (n == 0)
            break;
        if (n < 0) {
            rh__file_err_detail(err, RH_EFORMAT, -1, "member_damaged",
                                archive_error_string(a) ? archive_error_string(a)
                                                        : "corrupt data");
            rh_buf_release(&b);
            return RH_EFORMAT;
        }
        int r = rh_buf_append(&b, chunk, (size_t)n);
        if (r) {
            rh_buf_release(&b);
            if (r == RH_ELIMIT)
                return err_mb(err, RH_ELIMIT, "member_too_large", max);
            return rh_err_set(err, r, "out of memory");
        }
    }
    *len = b.len;
    *out = (unsigned char *)rh_buf_take(&b);
    if (!*out) /* empty member: keep a valid pointer */
        *out = rh_malloc(1);
    return *out ? 0 : rh_err_set(err, RH_ENOMEM, "out of memory");
}

/* First pass: find and read activities.csv (skipping all other data). */
static int zip_find_csv(const struct zsrc *z, struct rh__strava *t, struct rh_err *err)
{
    struct archive *a = zopen(z, err);
    if (!a)
        return 0; /* the second pass reports it */
    struct archive_entry *e;
    int r = 0;
    while (archive_read_next_header(a, &e) >= ARCHIVE_WARN) {
        const char *name = archive_entry_pathname(e);
        if (!name || skip_member(name) || strcmp(base_name(name), "activities.csv") != 0) {
            archive_read_data_skip(a);
            continue;
        }
        unsigned char *text;
        size_t len;
        struct rh_err ce;
        rh_err_clear(&ce);
        if (read_member(a, CSV_MAX, &text, &len, &ce, false, false) == 0) {
            t->prefix = rh_strndup(name, (size_t)(base_name(name) - name));
            if (!t->prefix)
                r = rh_err_set(err, RH_ENOMEM, "out of memory");
            else if (rh__strava_load(t, (const char *)text, len, &ce) == RH_ENOMEM)
                r = rh_err_set(err, RH_ENOMEM, "out of memory");
            rh_free(text);
        }
        break; /* a bad CSV only loses the names: the files still import */
    }
    archive_read_free(a);
    return r;
}

static int walk_zip(struct walk *w, const struct zsrc *z, const char *display, int depth);

static int walk_zip(struct walk *w, const struct zsrc *z, const char *display, int depth)
{
    struct rh__strava csv;
    rh__strava_init(&csv);
    struct rh_err err;
    rh_err_clear(&err);
    int r = zip_find_csv(z, &csv, &err);
    if (r) {
        rh__strava_release(&csv);
        return r;
    }
    struct archive *a = zopen(z, &err);
    if (!a) {
        rh__strava_release(&csv);
        return emit(w, rh_strdup(display), NULL, 0, true, NULL, err.code, &err);
    }
    int64_t seen = 0;
    int members = 0;
    long emitted = 0;
    bool broken = false;
    struct archive_entry *e;
    for (;;) {
        int hr = archive_read_next_header(a, &e);
        if (hr == ARCHIVE_EOF)
            break;
        if (hr < ARCHIVE_WARN) {
            /* the rest of the archive cannot be found: say so and stop */
            char k[64], n[32];
            snprintf(n, sizeof n, "%d", members);
            zkind(z, k, sizeof k);
            if (members > 1)
                rh__file_err(&err, RH_EFORMAT, "archive_corrupt", "kind", k, "n", n,
                             (const char *)NULL);
            else
                rh__file_err(&err, RH_EFORMAT,
                             members ? "archive_corrupt_one" : "archive_corrupt_start", "kind", k,
                             (const char *)NULL);
            rh__file_with_detail(err.msg, sizeof err.msg, err.msg,
                                 archive_error_string(a) ? archive_error_string(a)
                                                         : "bad header");
            r = emit(w, rh_strdup(display), NULL, 0, true, NULL, RH_EFORMAT, &err);
            broken = true; /* said once: not "empty" as well */
            break;
        }
        members++;
        const char *mname = archive_entry_pathname(e);
        /* activities.csv too: its rows without a file are activities (csv.c) */
        if (!mname || archive_entry_filetype(e) != AE_IFREG || skip_member(mname) ||
            rh__apple_side_file(mname)) {
            archive_read_data_skip(a);
            continue;
        }
        char *full = join(display, "!", mname);
        if (!full) {
            r = RH_ENOMEM;
            break;
        }
        unsigned char *data = NULL;
        size_t len = 0;
        rh_err_clear(&err);
        int mr;
        /* a member of a zip on disk may be streamed (read again by the decoder) */
        bool too_big = archive_entry_size_is_set(e) &&
                       archive_entry_size(e) > (int64_t)RH_IMPORT_MEMBER_MAX;
        mr = read_member(a, RH_IMPORT_MEMBER_MAX, &data, &len, &err, !z->mem, too_big);
        int64_t now = archive_filter_bytes(a, -1);
        if (!z->mem && now > seen) {
            w->pending += (uint64_t)(now - seen);
            seen = now;
        }
        if (mr == RH_ENOMEM) {
            rh_free(full);
            r = RH_ENOMEM;
            break;
        }
        emitted++;
        if (mr > STREAM_IT) {
            archive_read_data_skip(a);
            r = emit_stream(w, full, z->path, mname, (enum rh_format)(mr - STREAM_IT),
                            false);
        } else if (mr) {
            r = emit(w, full, NULL, 0, false, NULL, mr, &err);
        } else if (is_zip(data, len) && depth < RH_IMPORT_ZIP_DEPTH) {
            struct zsrc inner = {NULL, data, len, false};
            r = walk_zip(w, &inner, full, depth + 1);
            rh_free(data);
            rh_free(full);
        } else {
            r = emit(w, full, data, len, false, rh__strava_find(&csv, mname), 0, NULL);
        }
        if (r)
            break;
    }
    if (!z->mem) {
        /* the rest of the file (central directory): counted once, with
         * whatever comes next */
        int64_t now = archive_filter_bytes(a, -1);
        if (now > seen)
            w->pending += (uint64_t)(now - seen);
    }
    archive_read_free(a);
    rh__strava_release(&csv);
    if (r == 0 && emitted == 0 && !broken) {
        char k[64];
        rh__file_err(&err, RH_EEMPTY, members == 0 ? "archive_empty" : "archive_no_activities",
                     "kind", zkind(z, k, sizeof k), (const char *)NULL);
        r = emit(w, rh_strdup(display), NULL, 0, true, NULL, RH_EEMPTY, &err);
    }
    return r;
}

/* ---- files and folders ------------------------------------------------------ */

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_path(struct walk *w, const char *path, bool named, int depth);

static int folder_csv(struct walk *w, const char *dir, struct rh__strava *t);
static const struct rh__strava_row *folder_row(const struct walk *w, const char *path);
static int read_file(int fd, size_t size, unsigned char **out, size_t *len, struct rh_err *err);

static int walk_dir(struct walk *w, const char *path, int depth)
{
    DIR *d = opendir(path);
    if (!d)
        return w->fn ? emit_fail(w, path, RH_EIO, "folder_unopened", strerror(errno)) : 0;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int r = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue; /* ".", "..", hidden files and folders */
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            char **nn = rh_realloc(names, nc * sizeof *nn);
            if (!nn) {
                r = RH_ENOMEM;
                break;
            }
            names = nn;
            cap = nc;
        }
        if (!(names[n] = rh_strdup(de->d_name))) {
            r = RH_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, name_cmp);
    size_t pl = strlen(path);
    bool slash = pl > 0 && path[pl - 1] == '/';
    struct rh__strava csv;
    bool own_csv = false;
    for (size_t i = 0; i < n && r == 0 && w->fn && !w->csv; i++)
        if (strcmp(names[i], "activities.csv") == 0 && (r = folder_csv(w, path, &csv)) == 0 &&
            csv.n) {
            own_csv = true;
            w->csv = &csv;
            w->csv_dir_len = pl + (slash ? 0 : 1);
        }
    for (size_t i = 0; i < n && r == 0; i++) {
        char *child = join(path, slash ? "" : "/", names[i]);
        if (!child) {
            r = RH_ENOMEM;
            break;
        }
        if (strcmp(names[i], "__MACOSX") != 0 && !rh__apple_side_file(child))
            r = walk_path(w, child, false, depth + 1);
        rh_free(child);
    }
    for (size_t i = 0; i < n; i++)
        rh_free(names[i]);
    rh_free(names);
    if (own_csv) {
        w->csv = NULL;
        rh__strava_release(&csv);
    }
    return r;
}

/* The row of the folder's activities.csv that names path, or NULL. */
static const struct rh__strava_row *folder_row(const struct walk *w, const char *path)
{
    if (!w->csv || strlen(path) <= w->csv_dir_len)
        return NULL;
    return rh__strava_find(w->csv, path + w->csv_dir_len);
}

/* Reads dir/activities.csv into *t (an unzipped Strava export: names, types
 * and gear of the files it lists). A list that cannot be read is reported
 * as a failed source and the walk goes on without it (t->n == 0).
 * Returns 0 or RH_ENOMEM or the callback's value. */
static int folder_csv(struct walk *w, const char *dir, struct rh__strava *t)
{
    rh__strava_init(t);
    size_t pl = strlen(dir);
    char *path = join(dir, pl && dir[pl - 1] == '/' ? "" : "/", "activities.csv");
    if (!path)
        return RH_ENOMEM;
    struct rh_err err;
    rh_err_clear(&err);
    int r = 0;
    int fd = open(path, O_RDONLY);
    struct stat st;
    unsigned char *data = NULL;
    size_t len = 0;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        rh__file_err(&err, RH_EIO, "list_unreadable", "why", strerror(errno), (const char *)NULL);
    else if ((uint64_t)st.st_size > CSV_MAX)
        err_mb(&err, RH_ELIMIT, "list_too_large", CSV_MAX);
    else if ((r = read_file(fd, (size_t)st.st_size, &data, &len, &err)) == 0)
        r = rh__strava_load(t, (const char *)data, len, &err);
    if (fd >= 0)
        close(fd);
    rh_free(data);
    if (r == RH_ENOMEM) {
        rh_free(path);
        rh__strava_release(t);
        return r;
    }
    r = 0;
    if (err.code) {
        rh__strava_release(t);
        r = emit(w, path, NULL, 0, true, NULL, err.code, &err);
        return r;
    }
    rh_free(path);
    return 0;
}

/* Reads a whole file of known size into a new buffer. */
static int read_file(int fd, size_t size, unsigned char **out, size_t *len, struct rh_err *err)
{
    unsigned char *p = rh_malloc(size ? size : 1);
    if (!p)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    size_t got = 0;
    while (got < size) {
        ssize_t k = read(fd, p + got, size - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            rh_free(p);
            return rh__file_err(err, RH_EIO, "cannot_read", "why", strerror(errno),
                                (const char *)NULL);
        }
        if (k == 0)
            break; /* shrank while reading: take what is there */
        got += (size_t)k;
    }
    *out = p;
    *len = got;
    return 0;
}

static bool fid_in(const struct fid *set, size_t n, const struct stat *st)
{
    for (size_t i = 0; i < n; i++)
        if (set[i].dev == st->st_dev && set[i].ino == st->st_ino)
            return true;
    return false;
}

/* Marks a folder visited; false when it was already (a loop or a second
 * link to it). */
static int visit_dir(struct walk *w, const struct stat *st, bool *first)
{
    *first = !fid_in(w->seen, w->n_seen, st);
    if (!*first)
        return 0;
    if (w->n_seen == w->cap_seen) {
        size_t nc = w->cap_seen ? w->cap_seen * 2 : 32;
        struct fid *nn = rh_realloc(w->seen, nc * sizeof *nn);
        if (!nn)
            return RH_ENOMEM;
        w->seen = nn;
        w->cap_seen = nc;
    }
    w->seen[w->n_seen++] = (struct fid){st->st_dev, st->st_ino};
    return 0;
}

/* Is the folder a symbolic link leads to inside the tree being walked? */
static bool inside_root(const struct walk *w, const char *path)
{
    if (!w->root)
        return false;
    char *real = realpath(path, NULL);
    if (!real)
        return false;
    size_t n = strlen(w->root);
    bool in = strncmp(real, w->root, n) == 0 &&
              (real[n] == '/' || real[n] == '\0' || (n == 1 && w->root[0] == '/'));
    free(real); /* realpath's memory comes from malloc */
    return in;
}

static int walk_path(struct walk *w, const char *path, bool named, int depth)
{
    struct stat lst, st;
    if (lstat(path, &lst) != 0) {
        if (!w->fn)
            return 0;
        if (errno == ENOENT || errno == ENOTDIR)
            return emit_fail(w, path, RH_ENOTFOUND, "no_such", NULL);
        return emit_fail(w, path, RH_EIO, "cannot_open", strerror(errno));
    }
    st = lst;
    bool link = S_ISLNK(lst.st_mode);
    if (link && stat(path, &st) != 0) {
        if (!w->fn || !named)
            return 0; /* a dangling link in a folder: nothing to import */
        return emit_fail(w, path, RH_ENOTFOUND, "link_nowhere", strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) {
        /* a link found in the tree is followed only to a folder inside it */
        if (link && !named && !inside_root(w, path))
            return 0;
        bool first;
        int r = visit_dir(w, &st, &first);
        if (r || !first)
            return r;
        if (depth > 64)
            return w->fn ? emit_fail(w, path, RH_ELIMIT, "nested_deep", NULL) : 0;
        return walk_dir(w, path, depth);
    }
    if (!S_ISREG(st.st_mode)) /* a pipe, socket or device: never opened */
        return named && w->fn ? emit_fail(w, path, RH_EUNSUPPORTED, "not_regular", NULL) : 0;
    if (fid_in(w->skip, w->n_skip, &st))
        return 0; /* the database itself and its journal files */
    if (!w->fn) {
        w->scanned += (uint64_t)st.st_size;
        return 0;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return emit_fail(w, path, RH_EIO, "cannot_open", strerror(errno));
    struct stat fst;
    if (fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode) || fst.st_ino != st.st_ino ||
        fst.st_dev != st.st_dev) {
        close(fd); /* replaced while we looked: not what was checked */
        return named ? emit_fail(w, path, RH_EIO, "file_changed", NULL)
                     : 0;
    }
    unsigned char head[4096];
    ssize_t hn = read(fd, head, sizeof head);
    if (hn >= 4 && is_zip(head, 4)) {
        close(fd);
        struct zsrc z = {path, NULL, 0, false};
        return walk_zip(w, &z, path, 1);
    }
    if (hn > 0 && (is_tar(head, (size_t)hn) ||
                   is_tar_gz_mem(head, (size_t)hn))) {
        close(fd);
        struct zsrc z = {path, NULL, 0, true};
        return walk_zip(w, &z, path, 1);
    }
    enum rh_format sf = hn > 0 ? rh__stream_sniff(head, (size_t)hn) : RH_FMT_NONE;
    if (sf != RH_FMT_NONE) {
        close(fd);
        /* its bytes are counted by the decoder as it reads them */
        return emit_stream(w, rh_strdup(path), path, NULL, sf, named);
    }
    if ((uint64_t)fst.st_size > RH_IMPORT_MEMBER_MAX) {
        close(fd);
        w->pending += (uint64_t)fst.st_size;
        struct rh_err le;
        rh_err_clear(&le);
        err_mb(&le, RH_ELIMIT, "file_too_large", RH_IMPORT_MEMBER_MAX);
        return emit(w, rh_strdup(path), NULL, 0, true, NULL, RH_ELIMIT, &le);
    }
    unsigned char *data = NULL;
    size_t len = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int r = lseek(fd, 0, SEEK_SET) == 0 ? read_file(fd, (size_t)fst.st_size, &data, &len, &err)
                                        : rh__file_err(&err, RH_EIO, "cannot_read", "why",
                                                       strerror(errno), (const char *)NULL);
    close(fd);
    w->pending += (uint64_t)fst.st_size;
    if (r == RH_ENOMEM)
        return r;
    if (r)
        return emit(w, rh_strdup(path), NULL, 0, named, NULL, r, &err);
    return emit(w, rh_strdup(path), data, len, named, folder_row(w, path), 0, NULL);
}

static int walk_root(struct walk *w, const char *path, const char *except_db)
{
    char *real = realpath(path, NULL);
    if (real) {
        w->root = rh_strdup(real);
        free(real); /* realpath's memory comes from malloc */
        if (!w->root)
            return RH_ENOMEM;
    }
    static const char *const sides[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; except_db && i < sizeof sides / sizeof *sides; i++) {
        char *p = join(except_db, "", sides[i]);
        if (!p)
            return RH_ENOMEM;
        struct stat st;
        if (stat(p, &st) == 0)
            w->skip[w->n_skip++] = (struct fid){st.st_dev, st.st_ino};
        rh_free(p);
    }
    return walk_path(w, path, true, 0);
}

static void walk_release(struct walk *w)
{
    rh_free(w->seen);
    rh_free(w->root);
}

int rh_import_walk_except(const char *path, const char *except_db, rh_import_src_fn fn,
                          void *ctx, struct rh_err *err)
{
    struct walk w = {.fn = fn, .ctx = ctx};
    int r = walk_root(&w, path, except_db);
    walk_release(&w);
    if (r == RH_ENOMEM)
        rh_err_set(err, r, "out of memory");
    return r;
}

int rh__import_walk_mem(const void *data, size_t len, const char *name, rh_import_src_fn fn,
                        void *ctx, struct rh_err *err)
{
    struct walk w = {.fn = fn, .ctx = ctx};
    int r;
    if (is_zip(data, len) || is_tar(data, len) || is_tar_gz_mem(data, len)) {
        struct zsrc z = {NULL, data, len, !is_zip(data, len)};
        r = walk_zip(&w, &z, name, 1);
    } else {
        unsigned char *copy = rh_malloc(len ? len : 1);
        if (!copy)
            r = RH_ENOMEM;
        else {
            if (len)
                memcpy(copy, data, len);
            r = emit(&w, rh_strdup(name), copy, len, true, NULL, 0, NULL);
        }
    }
    walk_release(&w);
    if (r == RH_ENOMEM)
        rh_err_set(err, r, "out of memory");
    return r;
}

int rh_import_walk(const char *path, rh_import_src_fn fn, void *ctx, struct rh_err *err)
{
    return rh_import_walk_except(path, NULL, fn, ctx, err);
}

uint64_t rh_import_scan_bytes(const char *path)
{
    struct walk w = {.fn = NULL};
    walk_root(&w, path, NULL);
    walk_release(&w);
    return w.scanned;
}

/* ---- gzip ------------------------------------------------------------------- */

int rh__gunzip(const void *data, size_t len, struct rh_buf *out, struct rh_err *err)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return rh_err_set(err, RH_ENOMEM, "cannot start zlib");
    /* the gzip trailer holds the size mod 2^32: a good first guess */
    const unsigned char *p = data;
    size_t guess = len >= 4 ? ((size_t)p[len - 4] | (size_t)p[len - 3] << 8 |
                               (size_t)p[len - 2] << 16 | (size_t)p[len - 1] << 24)
                            : 0;
    if (guess < len)
        guess = len * 4;
    if (guess > out->max)
        guess = out->max;
    int r = rh_buf_reserve(out, guess);
    zs.next_in = (unsigned char *)(uintptr_t)data;
    zs.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
    size_t in_left = len - zs.avail_in;
    while (r == 0) {
        if (out->cap - out->len < 2) {
            size_t room_max = out->max - out->len;
            if (room_max == 0) {
                r = RH_ELIMIT;
                break;
            }
            if ((r = rh_buf_reserve(out, out->cap < room_max ? out->cap : room_max)) != 0)
                break;
        }
        zs.next_out = (unsigned char *)out->data + out->len;
        size_t room = out->cap - out->len - 1;
        zs.avail_out = (uInt)(room > UINT32_MAX ? UINT32_MAX : room);
        uInt before = zs.avail_out;
        int zr = inflate(&zs, Z_NO_FLUSH);
        out->len += before - zs.avail_out;
        if (zr == Z_STREAM_END) {
            /* another gzip member may follow */
            if (zs.avail_in == 0 && in_left == 0)
                break;
            if (zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
                inflateReset(&zs);
                continue;
            }
            break; /* trailing garbage after the last member is ignored */
        }
        if (zr == Z_BUF_ERROR && zs.avail_in == 0) {
            if (in_left == 0) {
                r = RH_ETRUNC;
                break;
            }
        } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            r = zr == Z_MEM_ERROR ? RH_ENOMEM : RH_EFORMAT;
            break;
        }
        if (zs.avail_in == 0 && in_left > 0) {
            size_t k = in_left > UINT32_MAX ? UINT32_MAX : in_left;
            zs.avail_in = (uInt)k;
            in_left -= k;
        }
    }
    const char *zmsg = zs.msg ? zs.msg : "bad stream";
    char why[128];
    snprintf(why, sizeof why, "%s", zmsg);
    inflateEnd(&zs);
    if (out->data)
        out->data[out->len] = '\0';
    if (r == RH_ELIMIT)
        return err_mb(err, r, "gzip_too_large", out->max);
    if (r == RH_ETRUNC)
        return rh__file_err(err, r, "gzip_cut", (const char *)NULL);
    if (r == RH_EFORMAT)
        return rh__file_err_detail(err, r, -1, "gzip_damaged", why);
    if (r)
        return rh_err_set(err, r, "out of memory");
    return 0;
}
