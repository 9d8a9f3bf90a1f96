/* SPDX-License-Identifier: MIT */
/*
 * The import layer: the CSV reader and the Strava table, gzip inflation,
 * the walk over folders and zips (names, order, skipped members, nested
 * zips, a corrupt member), and the pipeline into a store (duplicates, a bad
 * file counted and nothing stored for it).
 */
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "archive/archive_int.h"
#include "harness.h"
#include "runhip/import.h"
#include "runhip/store.h"

#define CORPUS RH_SHARED "/corpus"

/* ---- CSV ---------------------------------------------------------------- */

struct rows {
    char text[16][8][64];
    size_t nf[16];
    long line[16];
    int n;
};

static int grab(void *ctx, char **f, size_t n, long line, struct rh_err *err)
{
    (void)err;
    struct rows *r = ctx;
    if (r->n >= 16)
        return -99;
    r->nf[r->n] = n;
    r->line[r->n] = line;
    for (size_t i = 0; i < n && i < 8; i++)
        snprintf(r->text[r->n][i], 64, "%s", f[i]);
    r->n++;
    return 0;
}

static void test_csv_quotes_commas_newlines(void)
{
    const char *t = "\xEF\xBB\xBF"
                    "a,b,c\r\n"
                    "1,\"Oct 11, 2017, 4:48 PM\",\"say \"\"hi\"\"\"\r\n"
                    "2,\"two\nlines\",\n"
                    "3,,last";
    struct rows r = {0};
    struct rh_err e;
    CHECK_INT(rh__csv_parse(t, strlen(t), grab, &r, &e), 0);
    CHECK_INT(r.n, 4);
    CHECK_STR(r.text[0][0], "a");
    CHECK_STR(r.text[1][1], "Oct 11, 2017, 4:48 PM");
    CHECK_STR(r.text[1][2], "say \"hi\"");
    CHECK_STR(r.text[2][1], "two\nlines");
    CHECK_INT(r.nf[2], 3);
    CHECK_STR(r.text[2][2], "");
    CHECK_INT(r.line[3], 5); /* the record after a quoted newline */
    CHECK_STR(r.text[3][2], "last");
}

static void test_csv_errors_name_the_line(void)
{
    struct rows r = {0};
    struct rh_err e;
    const char *open = "a,b\n1,\"never closed\n2,3\n";
    CHECK_INT(rh__csv_parse(open, strlen(open), grab, &r, &e), RH_ESYNTAX);
    CHECK_INT(e.line, 2);
    CHECK_STR(e.msg, "the export's activity list (activities.csv) is damaged here and cannot be "
                     "read (for a bug report: a quoted field never ends)");
    memset(&r, 0, sizeof r);
    const char *stray = "a,b\n\"x\"y,2\n";
    CHECK_INT(rh__csv_parse(stray, strlen(stray), grab, &r, &e), RH_ESYNTAX);
    CHECK_INT(e.line, 2);
    CHECK(strstr(e.msg, "(for a bug report: a character after a quoted field)") != NULL);
}

static void test_strava_table(void)
{
    const char *t = "Activity ID,Activity Name,Activity Type,Distance,Activity Gear,Filename,"
                    "Distance\n"
                    "1,\"Hills, then home\",Run,3.2,Road shoe A,activities/1.fit.gz,3200\n"
                    "2,Hand entry,Weight Training,0,,,\n"
                    "3,Ride,Ride,20,,activities/3.gpx.gz,20000\n";
    struct rh__strava s;
    rh__strava_init(&s);
    struct rh_err e;
    CHECK_INT(rh__strava_load(&s, t, strlen(t), &e), 0);
    CHECK_INT(s.n, 2); /* the hand entry has no file */
    s.prefix = rh_strdup("export_9/");
    const struct rh__strava_row *r = rh__strava_find(&s, "export_9/activities/1.fit.gz");
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(r->name, "Hills, then home");
        CHECK_STR(r->type, "Run");
        CHECK_STR(r->gear, "Road shoe A");
    }
    r = rh__strava_find(&s, "export_9/activities/3.gpx.gz");
    CHECK(r && r->gear == NULL);
    CHECK(rh__strava_find(&s, "activities/1.fit.gz") == NULL);
    rh__strava_release(&s);
    const char *nofile = "Activity ID,Activity Name\n1,x\n";
    rh__strava_init(&s);
    CHECK_INT(rh__strava_load(&s, nofile, strlen(nofile), &e), RH_EFORMAT);
    rh__strava_release(&s);
}

/* The distances of the rows entered by hand in an activities.csv, in
 * metres, in order (at most 8). */
struct km_rows {
    double m[8];
    int n;
};

static int keep_distance(void *ctx, struct rh_activity *a, const struct rh_err *warn)
{
    (void)warn;
    struct km_rows *k = ctx;
    if (k->n < 8)
        k->m[k->n++] = a->total_distance_m;
    rh_activity_release(a);
    return 0;
}

static struct km_rows manual_distances(const char *csv)
{
    struct km_rows k = {{0}, 0};
    struct rh_err e;
    rh_err_clear(&e);
    CHECK_INT(rh__strava_manual_decode(csv, strlen(csv), "activities.csv", keep_distance, &k, &e),
              0);
    return k;
}

/* Strava writes the first Distance column in the account's unit, km or
 * miles (issue 15): read in metres from the second Distance column when
 * there is one (even if the first is in miles), else in the unit the
 * header names, else in the unit the rows agree on (their average speed,
 * or the only reading possible for the sport over the time), else km. */
static void test_strava_manual_distance_units(void)
{
#define HEAD "Activity ID,Activity Date,Activity Type,"
#define JUN(d) "\"Jun " #d ", 2014, 6:00:00 AM\""
    static const struct {
        const char *why, *csv;
        double m[2]; /* the hand-entered rows' metres */
    } cases[] = {
        {"the metres column, whatever the first says",
         HEAD "Distance,Filename,Moving Time,Distance\n1," JUN(1) ",Run,6.21,,3000,10000\n",
         {10000}},
        {"the metres column blank in the hand-entered row: the unit the filed row shows "
         "beside its metres (miles)",
         HEAD "Distance,Filename,Moving Time,Distance\n1," JUN(1) ",Run,5.00,activities/1.fit,"
              "2400,8046.7\n2," JUN(2) ",Run,3.00,,1500,\n",
         {3 * 1609.344}},
        {"the header names it", HEAD "Distance (mi),Filename\n1," JUN(1) ",Run,2.5,\n",
         {2.5 * 1609.344}},
        {"the average speed in m/s: 6.2 in 50 minutes at 3.33 m/s is 10 km, so miles, for "
         "every row",
         HEAD "Distance,Filename,Moving Time,Average Speed\n1," JUN(1) ",Run,6.2,,3000,3.33\n"
              "2," JUN(3) ",Run,4,,2000,\n",
         {6.2 * 1609.344, 4 * 1609.344}},
        {"14.5 in an hour: a run in km, faster than anyone runs for an hour in miles",
         HEAD "Distance,Filename,Moving Time\n1," JUN(1) ",Run,14.5,,3600\n", {14500}},
        {"a ride of 40 in an hour: 64 km/h in miles is no bicycle",
         HEAD "Distance,Filename,Moving Time\n1," JUN(1) ",Ride,40,,3600\n", {40000}},
        {"a walk of 1.5 in an hour: 1.5 km/h is standing still, 2.4 km/h a walk",
         HEAD "Distance,Filename,Moving Time\n1," JUN(1) ",Walk,1.5,,3600\n",
         {1.5 * 1609.344}},
        {"nothing to tell: km, Strava's default", HEAD "Distance,Filename\n1," JUN(1) ",Run,5,\n",
         {5000}},
    };
#undef HEAD
#undef JUN
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct km_rows k = manual_distances(cases[i].csv);
        int want = cases[i].m[1] > 0 ? 2 : 1;
        CHECK_INT(k.n, want);
        for (int r = 0; r < want && r < k.n; r++)
            if (fabs(k.m[r] - cases[i].m[r]) > 0.01) {
                CHECK(!"the distance in metres");
                fprintf(stderr, "  %s: row %d: %.2f m, not %.2f\n", cases[i].why, r + 1, k.m[r],
                        cases[i].m[r]);
            }
    }
}

static void test_strava_sport_words(void)
{
    enum rh_sport sp;
    CHECK_INT(rh_import_strava_sport("Run", &sp), 0);
    CHECK_INT(sp, RH_SPORT_RUNNING);
    CHECK_INT(rh_import_strava_sport("Trail Run", &sp), 0);
    CHECK_INT(sp, RH_SPORT_TRAIL_RUNNING);
    CHECK_INT(rh_import_strava_sport("Ride", &sp), 0);
    CHECK_INT(sp, RH_SPORT_CYCLING);
    CHECK_INT(rh_import_strava_sport("Kitesurf Session", &sp), RH_EKEY);
}

/* ---- gzip ----------------------------------------------------------------- */

static size_t gz(const void *in, size_t n, unsigned char *out, size_t cap)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (unsigned char *)(uintptr_t)in;
    zs.avail_in = (uInt)n;
    zs.next_out = out;
    zs.avail_out = (uInt)cap;
    deflate(&zs, Z_FINISH);
    size_t k = cap - zs.avail_out;
    deflateEnd(&zs);
    return k;
}

static void test_gunzip(void)
{
    char text[5000];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)('a' + i % 23);
    unsigned char z[12000];
    size_t n1 = gz(text, sizeof text, z, sizeof z);
    size_t n2 = gz("tail", 4, z + n1, sizeof z - n1); /* two members back to back */
    struct rh_buf b;
    struct rh_err e;
    rh_buf_init(&b, 1 << 20);
    CHECK_INT(rh__gunzip(z, n1 + n2, &b, &e), 0);
    CHECK_INT(b.len, sizeof text + 4);
    CHECK(b.len == sizeof text + 4 && memcmp(b.data, text, sizeof text) == 0 &&
          memcmp(b.data + sizeof text, "tail", 4) == 0);
    rh_buf_release(&b);

    rh_buf_init(&b, 1 << 20);
    CHECK_INT(rh__gunzip(z, n1 / 2, &b, &e), RH_ETRUNC);
    rh_buf_release(&b);

    rh_buf_init(&b, 1000); /* inflates past the cap */
    CHECK_INT(rh__gunzip(z, n1, &b, &e), RH_ELIMIT);
    rh_buf_release(&b);

    unsigned char bad[64];
    memcpy(bad, z, 20);
    memset(bad + 10, 0xff, 40);
    rh_buf_init(&b, 1 << 20);
    CHECK_INT(rh__gunzip(bad, 50, &b, &e), RH_EFORMAT);
    rh_buf_release(&b);
}

/* ---- walk ------------------------------------------------------------------- */

struct seen {
    char names[32][256];
    int codes[32];
    bool has_csv[32];
    char csv_gear[32][64];
    size_t lens[32];
    int n;
};

static int collect(void *ctx, struct rh_import_src *src)
{
    struct seen *s = ctx;
    if (s->n < 32) {
        snprintf(s->names[s->n], 256, "%s", src->name);
        s->codes[s->n] = src->walk_code;
        s->has_csv[s->n] = src->csv_name != NULL;
        snprintf(s->csv_gear[s->n], 64, "%s", src->csv_gear ? src->csv_gear : "");
        s->lens[s->n] = src->len;
        s->n++;
    }
    rh_import_src_free(src);
    return 0;
}

static void write_file(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fwrite(p, 1, n, f);
        fclose(f);
    }
}

struct member {
    const char *name;
    const void *data;
    size_t len;
};

/* Writes a zip (stored members, so bytes can be damaged on purpose) into
 * memory; returns its size. */
static size_t make_zip(const struct member *m, int n, unsigned char *out, size_t cap)
{
    struct archive *a = archive_write_new();
    archive_write_set_format_zip(a);
    archive_write_set_options(a, "zip:compression=store");
    size_t used = 0;
    archive_write_open_memory(a, out, cap, &used);
    for (int i = 0; i < n; i++) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, m[i].name);
        archive_entry_set_size(e, (la_int64_t)m[i].len);
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_write_header(a, e);
        archive_write_data(a, m[i].data, m[i].len);
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return used;
}

static void test_walk_folder_sorted_hidden_skipped(void)
{
    const char *d = test_tmpdir();
    char p[600];
    snprintf(p, sizeof p, "%s/sub", d);
    mkdir(p, 0755);
    const char *names[] = {"b.gpx", "a.fit", ".hidden.fit", "sub/c.tcx", "Z.txt"};
    for (int i = 0; i < 5; i++) {
        snprintf(p, sizeof p, "%s/%s", d, names[i]);
        write_file(p, "x", 1);
    }
    struct seen s = {0};
    CHECK_INT(rh_import_walk(d, collect, &s, NULL), 0);
    CHECK_INT(s.n, 4);
    const char *want[] = {"Z.txt", "a.fit", "b.gpx", "sub/c.tcx"};
    for (int i = 0; i < 4 && i < s.n; i++) {
        snprintf(p, sizeof p, "%s/%s", d, want[i]);
        CHECK_STR(s.names[i], p);
    }
    struct seen m = {0};
    snprintf(p, sizeof p, "%s/missing.fit", d);
    CHECK_INT(rh_import_walk(p, collect, &m, NULL), 0);
    CHECK_INT(m.n, 1);
    CHECK_INT(m.codes[0], RH_ENOTFOUND); /* a missing input: exit 1 everywhere (issue 15) */
}

static void test_walk_zip_nested_macosx_csv(void)
{
    static unsigned char inner[4096], outer[16384];
    const struct member in[] = {{"x.fit", "FITDATA1", 8}, {"y.gpx", "<gpx/>", 6}};
    size_t ni = make_zip(in, 2, inner, sizeof inner);
    const char *csv = "Activity ID,Activity Name,Activity Type,Activity Gear,Filename\n"
                      "7,\"Tempo, hot\",Run,Shoe B,activities/7.fit.gz\n";
    const struct member out[] = {{"activities/7.fit.gz", "GZ", 2},
                                 {"__MACOSX/activities/._7.fit.gz", "junk", 4},
                                 {"activities/._7.fit.gz", "junk", 4},
                                 {"DI/Uploaded.zip", inner, ni},
                                 {"activities.csv", csv, strlen(csv)}};
    size_t no = make_zip(out, 5, outer, sizeof outer);
    const char *d = test_tmpdir();
    char p[600];
    snprintf(p, sizeof p, "%s/export.bin", d); /* the name does not matter */
    write_file(p, outer, no);
    struct seen s = {0};
    CHECK_INT(rh_import_walk(p, collect, &s, NULL), 0);
    CHECK_INT(s.n, 4); /* the three files, and activities.csv (its rows without a file) */
    char want[700];
    snprintf(want, sizeof want, "%s!activities/7.fit.gz", p);
    CHECK_STR(s.names[0], want);
    CHECK(s.has_csv[0]); /* the CSV came after the file in the zip */
    CHECK_STR(s.csv_gear[0], "Shoe B");
    snprintf(want, sizeof want, "%s!DI/Uploaded.zip!x.fit", p);
    CHECK_STR(s.names[1], want);
    CHECK_INT(s.lens[1], 8);
    snprintf(want, sizeof want, "%s!DI/Uploaded.zip!y.gpx", p);
    CHECK_STR(s.names[2], want);
    CHECK(!s.has_csv[1]);
    snprintf(want, sizeof want, "%s!activities.csv", p);
    CHECK_STR(s.names[3], want);
}

static unsigned char *corpus_file(const char *rel, size_t *n)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", CORPUS, rel);
    return (unsigned char *)test_slurp(p, n);
}

/* A zip whose first member's bytes are damaged (CRC mismatch): that member
 * fails with its name, the next one still imports. */
static void test_zip_corrupt_member_does_not_stop_the_rest(void)
{
    size_t na, nb;
    unsigned char *a = corpus_file("fit/fitparse_garmin-fenix-5-run.fit", &na);
    unsigned char *b = corpus_file("fit/gpsbabel_garmin-forerunner-10.fit", &nb);
    CHECK(a && b);
    if (!a || !b) {
        free(a);
        free(b);
        return;
    }
    size_t cap = na + nb + 4096;
    unsigned char *z = malloc(cap);
    const struct member m[] = {{"one.fit", a, na}, {"two.fit", b, nb}};
    size_t nz = make_zip(m, 2, z, cap);
    /* flip bytes in the middle of the first member's data */
    unsigned char *hit = NULL;
    for (size_t i = 0; i + 16 <= nz && !hit; i++)
        if (memcmp(z + i, a + 100, 16) == 0)
            hit = z + i;
    CHECK(hit != NULL);
    if (hit)
        hit[0] ^= 0x5a;
    const char *d = test_tmpdir();
    char zp[600], db[600];
    snprintf(zp, sizeof zp, "%s/two.zip", d);
    snprintf(db, sizeof db, "%s/t.db", d);
    write_file(zp, z, nz);
    struct rh_store *s = NULL;
    CHECK_INT(rh_store_open(db, 0, &s, NULL), 0);
    struct rh_import_opts o = {s, 2, NULL, NULL, false, NULL, 0, NULL, NULL};
    struct rh_import_stats st;
    const char *paths[] = {zp};
    CHECK_INT(rh_import_run(paths, 1, &o, &st, NULL), 0);
    CHECK_INT(st.failed, 1);
    CHECK_INT(st.imported, 1);
    struct rh_activity *acts = NULL;
    size_t n = 0;
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &acts, &n, NULL), 0);
    CHECK_INT(n, 1);
    char want[700];
    snprintf(want, sizeof want, "%s!two.fit", zp);
    if (n == 1)
        CHECK_STR(acts[0].file, want);
    rh_activity_array_free(acts, n);
    rh_store_close(s);
    free(a);
    free(b);
    free(z);
}

/* ---- pipeline ------------------------------------------------------------- */

struct tally {
    int stored, dup, failed, skipped;
    char failed_name[256];
    char failed_msg[600];
};

static void count(void *ctx, const struct rh_import_result *r)
{
    struct tally *t = ctx;
    switch (r->status) {
    case RH_IMPORT_STORED:
        t->stored++;
        break;
    case RH_IMPORT_DUPLICATE:
        t->dup++;
        break;
    case RH_IMPORT_FAILED:
        t->failed++;
        snprintf(t->failed_name, sizeof t->failed_name, "%s", r->name);
        snprintf(t->failed_msg, sizeof t->failed_msg, "%s", r->err->msg);
        break;
    case RH_IMPORT_SKIPPED:
        t->skipped++;
        break;
    }
}

static void test_pipeline_duplicates_and_bad_files(void)
{
    const char *d = test_tmpdir();
    char db[600], dir[600], p[700];
    snprintf(db, sizeof db, "%s/t.db", d);
    snprintf(dir, sizeof dir, "%s/in", d);
    mkdir(dir, 0755);
    const char *srcs[] = {"fit/fitparse_garmin-fenix-5-run.fit", "gpx/togeojson_run.gpx",
                          "tcx/gpsbabel_kona2013.tcx", "fit/gc_14582164182.fit.gz"};
    for (int i = 0; i < 4; i++) {
        size_t n;
        unsigned char *b = corpus_file(srcs[i], &n);
        CHECK(b != NULL);
        snprintf(p, sizeof p, "%s/%d_%s", dir, i, strrchr(srcs[i], '/') + 1);
        if (b)
            write_file(p, b, n);
        free(b);
    }
    snprintf(p, sizeof p, "%s/9_empty.fit", dir);
    write_file(p, "", 0);
    snprintf(p, sizeof p, "%s/notes.txt", dir); /* not an activity: skipped quietly */
    write_file(p, "hello", 5);

    struct rh_store *s = NULL;
    CHECK_INT(rh_store_open(db, 0, &s, NULL), 0);
    struct tally t = {0};
    struct rh_import_opts o = {s, 0, count, NULL, true, &t, 0, NULL, NULL};
    struct rh_import_stats st;
    const char *paths[] = {dir};
    CHECK_INT(rh_import_run(paths, 1, &o, &st, NULL), 0);
    CHECK_INT(st.imported, 4);
    CHECK_INT(st.failed, 1);
    CHECK_INT(st.skipped, 1);
    CHECK_INT(t.stored, 4);
    CHECK(strstr(t.failed_name, "9_empty.fit") != NULL);
    CHECK(strstr(t.failed_msg, "empty") != NULL);
    CHECK(st.bytes_total > 0 && st.bytes_done == st.bytes_total);
    CHECK_INT(rh_store_activity_count(s, NULL), 4);

    /* again: everything is a duplicate, nothing new is stored */
    struct tally t2 = {0};
    o.ctx = &t2;
    CHECK_INT(rh_import_run(paths, 1, &o, &st, NULL), 0);
    CHECK_INT(st.duplicates, 4);
    CHECK_INT(st.imported, 0);
    CHECK_INT(t2.dup, 4);
    CHECK_INT(rh_store_activity_count(s, NULL), 4);

    /* without a store (inspect): decoded and reported, nothing written */
    struct tally t3 = {0};
    struct rh_import_opts oi = {NULL, 1, count, NULL, false, &t3, 0, NULL, NULL};
    CHECK_INT(rh_import_run(paths, 1, &oi, &st, NULL), 0);
    CHECK_INT(t3.stored, 4);
    CHECK_INT(t3.failed, 1);
    rh_store_close(s);
}

/* The Strava export of the corpus: names from activities.csv reach the store. */
static void test_strava_export_names(void)
{
    const char *d = test_tmpdir();
    char db[600];
    snprintf(db, sizeof db, "%s/t.db", d);
    struct rh_store *s = NULL;
    CHECK_INT(rh_store_open(db, 0, &s, NULL), 0);
    struct rh_import_opts o = {s, 0, NULL, NULL, false, NULL, 0, NULL, NULL};
    struct rh_import_stats st;
    const char *paths[] = {CORPUS "/export/strava_export_dev.zip"};
    CHECK_INT(rh_import_run(paths, 1, &o, &st, NULL), 0);
    CHECK_INT(st.imported, 6); /* 5 files and the treadmill run entered by hand */
    CHECK_INT(st.failed, 0);
    struct rh_activity *acts = NULL;
    size_t n = 0;
    CHECK_INT(rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &acts, &n, NULL), 0);
    CHECK_INT(n, 6);
    for (size_t i = 0; i < n; i++) {
        if (acts[i].format == RH_FMT_NONE) {
            CHECK_STR(acts[i].name, "Treadmill, entered by hand");
            CHECK(strstr(acts[i].file, "strava_export_dev.zip!activities.csv#1006") != NULL);
            CHECK_NEAR(acts[i].total_distance_m, 5000, 1e-9);
            CHECK_NEAR(acts[i].total_timer_s, 1800, 1e-9);
            CHECK_INT(acts[i].sport_source, RH_SPORT_SRC_EXPORT_CSV);
            continue;
        }
        CHECK_STR(acts[i].name, "Morning Run");
        CHECK_INT(acts[i].sport, RH_SPORT_RUNNING);
        CHECK(strstr(acts[i].file, "strava_export_dev.zip!activities/100") != NULL);
    }
    rh_activity_array_free(acts, n);
    rh_store_close(s);
}

int main(void)
{
    RUN(test_csv_quotes_commas_newlines);
    RUN(test_csv_errors_name_the_line);
    RUN(test_strava_table);
    RUN(test_strava_sport_words);
    RUN(test_strava_manual_distance_units);
    RUN(test_gunzip);
    RUN(test_walk_folder_sorted_hidden_skipped);
    RUN(test_walk_zip_nested_macosx_csv);
    RUN(test_zip_corrupt_member_does_not_stop_the_rest);
    RUN(test_pipeline_duplicates_and_bad_files);
    RUN(test_strava_export_names);
    return TEST_END();
}
