/* SPDX-License-Identifier: MIT */
/*
 * FIT decoder: every plain .fit of the shared corpus (fit/ and bad/) against
 * refs.jsonl, the damaged files, and hand-built FIT buffers with known
 * values (definitions redefined mid-file, big-endian definitions, compressed
 * timestamps, developer fields, chained files, invalid sentinels).
 */
#include <jansson.h>

#include "harness.h"
#include "runhip/fit.h"

/* ---- helpers ------------------------------------------------------------ */

static char *slurp_corpus(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", RH_SHARED, rel);
    char *p = test_slurp(path, len);
    if (!p)
        fprintf(stderr, "cannot read %s\n", path);
    return p;
}

static int decode_corpus(const char *rel, struct rh_activity *a, struct rh_err *warn,
                         struct rh_err *err)
{
    size_t len = 0;
    /* initialised first: a file that cannot be read leaves an empty
     * activity that the caller may still release */
    rh_activity_init(a);
    rh_err_clear(warn);
    char *buf = slurp_corpus(rel, &len);
    if (!buf)
        return -999;
    int rc = rh_fit_decode(buf, len, a, warn, err);
    free(buf);
    return rc;
}

static bool iso_eq(int64_t t, const char *iso)
{
    char out[21];
    rh_time_format_iso(t, out);
    return strcmp(out, iso) == 0;
}

/* ---- refs.jsonl --------------------------------------------------------- */

/* Fields of a reference line we do not match, and why. Each is a real
 * difference in reading, not a tolerance problem. */
struct exception {
    const char *file, *field, *reason;
};
static const struct exception exceptions[] = {
    {"bad/sportslib_broken.fit", "n_records",
     "the 12-byte header announces 0 data bytes (a file never finalised) and the SDK stops "
     "with a CRC error at byte 14; runhip warns and reads the 2319 records that follow"},
    {"bad/sportslib_broken.fit", "start_time_utc",
     "same file: the SDK reads nothing, runhip starts at its first record"},
    {"bad/sportslib_broken.fit", "has_gps", "same file: its recovered records have positions"},
    {"bad/muktihari_valid_only_contain_fileid.fit", "start_time_utc",
     "no session, so the SDK has no start; runhip falls back to the time of the one record "
     "(checked against rec_first_time_utc instead)"},
    {"bad/derived_trunc60_sportslib_20171011_run_2088390344.fit", "start_time_utc",
     "no session survives the truncation, so the SDK has no start; runhip falls back to the "
     "first record time (checked against rec_first_time_utc instead)"},
    {"fit/tormoder_0134902991.fit", "avg_hr",
     "the session says 0 bpm, which is no reading: runhip keeps it missing (cli.md, values "
     "that are not measurements)"},
    {"fit/tormoder_0134902991.fit", "max_hr", "same file: a maximum of 0 bpm is no reading"},
};
#define N_EXCEPTIONS (sizeof exceptions / sizeof *exceptions)
static int exception_hits[N_EXCEPTIONS];

/* The reason when (file, field) is a listed exception (and counts the hit). */
static const char *exception_for(const char *file, const char *field)
{
    for (size_t i = 0; i < N_EXCEPTIONS; i++)
        if (strcmp(exceptions[i].file, file) == 0 && strcmp(exceptions[i].field, field) == 0) {
            exception_hits[i]++;
            return exceptions[i].reason;
        }
    return NULL;
}

static int n_ref_files, n_ref_clean, n_ref_errors;

/* Number from a JSON object, NaN when null or absent. */
static double jnum(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* refs sport words -> runhip's sport (the mapping documented in fit.md). */
static const char *expect_sport(const char *sport, const char *sub)
{
    if (!sport)
        return NULL;
    sub = sub ? sub : "";
    if (!strcmp(sport, "running"))
        return !strcmp(sub, "trail")                                         ? "trail_running"
               : !strcmp(sub, "treadmill") || !strcmp(sub, "indoor_running") ? "treadmill"
                                                                              : "running";
    if (!strcmp(sport, "walking") || !strcmp(sport, "hiking"))
        return "walking";
    if (!strcmp(sport, "cycling"))
        return "cycling";
    if (!strcmp(sport, "swimming"))
        return "swimming";
    if (!strcmp(sport, "training") && !strcmp(sub, "strength_training"))
        return "strength";
    return "other";
}

static int mismatch(const char *file, const char *field, const char *what)
{
    const char *why = exception_for(file, field);
    if (why)
        return 0;
    fprintf(stderr, "  %s: %s: %s\n", file, field, what);
    return 1;
}

static int near_rel(const char *file, const char *field, double got, double want, double rel,
                    double abs_tol)
{
    if (isnan(want))
        return 0;
    double tol = fabs(want) * rel > abs_tol ? fabs(want) * rel : abs_tol;
    if (!isnan(got) && fabs(got - want) <= tol)
        return 0;
    char what[128];
    snprintf(what, sizeof what, "got %.3f, want %.3f", got, want);
    return mismatch(file, field, what);
}

static int check_ref_line(json_t *ref)
{
    const char *file = jstr(ref, "file");
    struct rh_activity a;
    struct rh_err warn, err;
    int bad = 0;
    int rc = decode_corpus(file, &a, &warn, &err);
    n_ref_files++;
    double want_n = jnum(ref, "n_records");
    bool is_fit = json_is_true(json_object_get(ref, "fit_is_fit"));
    if (rc < 0) {
        /* only acceptable when the reference read nothing either */
        n_ref_errors++;
        if (!(want_n == 0 && jnum(ref, "n_sessions") == 0)) {
            fprintf(stderr, "  %s: decode failed: %s\n", file, err.msg);
            bad++;
        }
        rh_activity_release(&a);
        return bad;
    }
    if (!is_fit)
        bad += mismatch(file, "fit_is_fit", "decoded a file the reference says is not FIT");
    if (json_is_true(json_object_get(ref, "fit_integrity_ok")) && warn.code)
        bad += mismatch(file, "integrity", warn.msg);
    if (json_is_false(json_object_get(ref, "fit_integrity_ok")) && !warn.code)
        bad += mismatch(file, "integrity", "no warning for a file that fails integrity");
    char what[160];
    if ((double)a.n_records != want_n) {
        snprintf(what, sizeof what, "got %ld, want %.0f", a.n_records, want_n);
        bad += mismatch(file, "n_records", what);
    }
    const char *start = jstr(ref, "start_time_utc");
    if (!start && a.has_start) {
        bad += mismatch(file, "start_time_utc", "a start where the reference has none");
        start = jstr(ref, "rec_first_time_utc");
    }
    if (start && (!a.has_start || !iso_eq(a.start_utc, start))) {
        char got[21] = "none";
        if (a.has_start)
            rh_time_format_iso(a.start_utc, got);
        snprintf(what, sizeof what, "got %s, want %s", got, start);
        bad += mismatch(file, "start_time_utc", what);
    }
    bad += near_rel(file, "total_elapsed_s", a.total_elapsed_s, jnum(ref, "total_elapsed_s"),
                    0.005, 0.01);
    bad += near_rel(file, "total_timer_s", a.total_timer_s, jnum(ref, "total_timer_s"), 0.005,
                    0.01);
    bad += near_rel(file, "total_distance_m", a.total_distance_m, jnum(ref, "total_distance_m"),
                    0.005, 0.01);
    /* cadence: the session figure, else (records only) the record mean */
    double cad = jnum(ref, "avg_cadence_spm");
    if (isnan(cad) && rh_sport_is_foot(a.sport))
        cad = jnum(ref, "rec_avg_cadence_spm");
    bad += near_rel(file, "avg_cadence_spm", a.avg_cadence_spm, cad, 0, 1.0);
    double hr = jnum(ref, "avg_hr"), mx = jnum(ref, "max_hr");
    if (isnan(hr) && jnum(ref, "n_sessions") >= 0 && isnan(mx))
        hr = jnum(ref, "rec_avg_hr"), mx = jnum(ref, "rec_max_hr");
    bad += near_rel(file, "avg_hr", a.avg_hr, hr, 0, 1.0);
    bad += near_rel(file, "max_hr", a.max_hr, mx, 0, 1.0);
    bool gps = json_is_true(json_object_get(ref, "has_gps"));
    if (gps != a.has_gps)
        bad += mismatch(file, "has_gps", gps ? "no GPS read" : "GPS where the reference has none");
    const char *sport = expect_sport(jstr(ref, "sport"), jstr(ref, "sub_sport"));
    if (sport && strcmp(sport, rh_sport_name(a.sport))) {
        snprintf(what, sizeof what, "got %s, want %s", rh_sport_name(a.sport), sport);
        bad += mismatch(file, "sport", what);
    }
    const char *man = jstr(ref, "manufacturer");
    if (man) {
        char dev[96];
        json_t *p = json_object_get(ref, "product");
        if (json_is_string(p))
            snprintf(dev, sizeof dev, "%s %s", man, json_string_value(p));
        else if (json_is_integer(p))
            snprintf(dev, sizeof dev, "%s %lld", man, (long long)json_integer_value(p));
        else if (jstr(ref, "product_name"))
            snprintf(dev, sizeof dev, "%s %s", man, jstr(ref, "product_name"));
        else
            snprintf(dev, sizeof dev, "%s", man);
        if (!a.device || strcmp(a.device, dev)) {
            snprintf(what, sizeof what, "got \"%s\", want \"%s\"", a.device ? a.device : "",
                     dev);
            bad += mismatch(file, "device", what);
        }
    }
    if (!bad)
        n_ref_clean++;
    rh_activity_release(&a);
    return bad;
}

static void test_refs_jsonl(void)
{
    size_t len;
    char *text = slurp_corpus("refs.jsonl", &len);
    CHECK(text != NULL);
    if (!text)
        return;
    int bad = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        json_error_t je;
        json_t *ref = json_loads(line, 0, &je);
        CHECK(ref != NULL);
        if (!ref)
            continue;
        const char *file = jstr(ref, "file");
        size_t n = file ? strlen(file) : 0;
        if (file && (!strncmp(file, "fit/", 4) || !strncmp(file, "bad/", 4)) && n > 4 &&
            !strcmp(file + n - 4, ".fit") && !strchr(file, '!'))
            bad += check_ref_line(ref);
        json_decref(ref);
    }
    free(text);
    printf("refs: %d FIT files, %d agree (with the listed exceptions), %d rejected as unreadable, %zu exceptions\n",
           n_ref_files, n_ref_clean, n_ref_errors, N_EXCEPTIONS);
    for (size_t i = 0; i < N_EXCEPTIONS; i++) {
        printf("  exception %s %s: %s\n", exceptions[i].file, exceptions[i].field,
               exceptions[i].reason);
        CHECK(exception_hits[i] > 0); /* an exception that no longer applies must go */
    }
    CHECK_INT(bad, 0);
    CHECK(n_ref_files >= 40);
}

/* ---- a hand-built FIT file ------------------------------------------------ */

/* Bitwise FIT CRC (reflected 0xA001), independent of the library's tables. */
static uint16_t crc_bitwise(const uint8_t *p, size_t n)
{
    uint16_t c = 0;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (uint16_t)((c >> 1) ^ 0xA001) : (uint16_t)(c >> 1);
    }
    return c;
}

struct fb {
    uint8_t b[4096];
    size_t n;
};

static void put(struct fb *f, const void *p, size_t n)
{
    memcpy(f->b + f->n, p, n);
    f->n += n;
}
static void put8(struct fb *f, unsigned v)
{
    f->b[f->n++] = (uint8_t)v;
}
static void putn(struct fb *f, uint64_t v, int n, bool be)
{
    for (int i = 0; i < n; i++)
        put8(f, (unsigned)(v >> (8 * (be ? n - 1 - i : i))) & 0xFF);
}

/* field triples: number, size, base type */
static void fb_def(struct fb *f, unsigned local, unsigned global, bool be, const uint8_t *fields,
                   int nf, const uint8_t *devf, int nd)
{
    put8(f, 0x40 | (nd ? 0x20 : 0) | local);
    put8(f, 0);
    put8(f, be ? 1 : 0);
    putn(f, global, 2, be);
    put8(f, (unsigned)nf);
    put(f, fields, 3 * (size_t)nf);
    if (nd) {
        put8(f, (unsigned)nd);
        put(f, devf, 3 * (size_t)nd);
    }
}

#define T0 1000000030u /* FIT seconds; low 5 bits 30, so +3 rolls the 5-bit counter */
#define SEMI(deg) ((int64_t)((deg) * 2147483648.0 / 180.0))

/* A 14-byte header, then: file_id; record (LE, local 1); a compressed-
 * timestamp record (local 2); local 1 redefined big-endian; a record with
 * invalid values; developer_data_id + field_description + a record with a
 * developer field; a session. Returns the size; records = 5. */
static size_t build_fit(struct fb *f)
{
    f->n = 0;
    uint8_t hdr[14] = {14, 0x20, 0x08, 0x08, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
    put(f, hdr, 14);
    static const uint8_t fid[] = {0, 1, 0x00, 1, 2, 0x84, 2, 2, 0x84, 4, 4, 0x86};
    fb_def(f, 0, 0, false, fid, 4, NULL, 0);
    put8(f, 0);
    putn(f, 4, 1, false);
    putn(f, 1, 2, false);    /* garmin */
    putn(f, 2697, 2, false); /* fenix5 */
    putn(f, T0 - 60, 4, false);
    static const uint8_t rec1[] = {253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 3, 1, 0x02,
                                   4,   1, 0x02, 5, 4, 0x86, 53, 1, 0x02};
    fb_def(f, 1, 20, false, rec1, 7, NULL, 0);
    put8(f, 1);
    putn(f, T0, 4, false);
    putn(f, (uint64_t)SEMI(45.0), 4, false);
    putn(f, (uint64_t)SEMI(-90.0), 4, false);
    putn(f, 150, 1, false);
    putn(f, 85, 1, false);
    putn(f, 0, 4, false);
    putn(f, 64, 1, false); /* 0.5 stride: 2 x 85.5 = 171 spm */
    /* local 2: record without timestamp, used with a compressed header */
    static const uint8_t rec2[] = {3, 1, 0x02, 5, 4, 0x86};
    fb_def(f, 2, 20, false, rec2, 2, NULL, 0);
    put8(f, 0x80 | 2 << 5 | ((T0 + 3) & 0x1F));
    putn(f, 152, 1, false);
    putn(f, 100000, 4, false); /* 1000 m */
    /* local 1 redefined, big-endian, other fields */
    static const uint8_t rec3[] = {253, 4, 0x86, 5, 4, 0x86, 3, 1, 0x02};
    fb_def(f, 1, 20, true, rec3, 3, NULL, 0);
    put8(f, 1);
    putn(f, T0 + 10, 4, true);
    putn(f, 200000, 4, true); /* 2000 m */
    putn(f, 160, 1, true);
    put8(f, 1);
    putn(f, T0 + 11, 4, true);
    putn(f, 0xFFFFFFFF, 4, true); /* invalid distance */
    putn(f, 0xFF, 1, true);       /* invalid heart rate */
    /* developer data: id, one field description ("Power", uint16), a record */
    static const uint8_t ddi[] = {3, 1, 0x02};
    fb_def(f, 3, 207, false, ddi, 1, NULL, 0);
    put8(f, 3);
    put8(f, 0);
    static const uint8_t fd[] = {0, 1, 0x02, 1, 1, 0x02, 2, 1, 0x02, 3, 8, 0x07};
    fb_def(f, 3, 206, false, fd, 4, NULL, 0);
    put8(f, 3);
    put8(f, 0);
    put8(f, 0);
    put8(f, 0x84);
    put(f, "Power\0\0\0", 8);
    static const uint8_t rec4[] = {253, 4, 0x86, 3, 1, 0x02};
    static const uint8_t dev4[] = {0, 2, 0};
    fb_def(f, 3, 20, false, rec4, 2, dev4, 1);
    put8(f, 3);
    putn(f, T0 + 20, 4, false);
    putn(f, 158, 1, false);
    putn(f, 0xBEEF, 2, false); /* developer bytes to skip */
    static const uint8_t ses[] = {253, 4, 0x86, 2, 4, 0x86, 5, 1, 0x00, 6, 1, 0x00,
                                  7,   4, 0x86, 8, 4, 0x86, 9, 4, 0x86, 16, 1, 0x02,
                                  17,  1, 0x02, 18, 1, 0x02, 92, 1, 0x02};
    fb_def(f, 4, 18, false, ses, 11, NULL, 0);
    put8(f, 4);
    putn(f, T0 + 20, 4, false);
    putn(f, T0, 4, false);
    putn(f, 1, 1, false);       /* running */
    putn(f, 3, 1, false);       /* trail */
    putn(f, 20000, 4, false);   /* 20 s */
    putn(f, 18000, 4, false);   /* 18 s */
    putn(f, 210000, 4, false);  /* 2100 m */
    putn(f, 155, 1, false);
    putn(f, 170, 1, false);
    putn(f, 86, 1, false);
    putn(f, 32, 1, false); /* 0.25: 2 x 86.25 = 172.5 spm */
    uint32_t data = (uint32_t)(f->n - 14);
    for (int i = 0; i < 4; i++)
        f->b[4 + i] = (uint8_t)(data >> (8 * i));
    uint16_t hc = crc_bitwise(f->b, 12);
    f->b[12] = (uint8_t)hc;
    f->b[13] = (uint8_t)(hc >> 8);
    uint16_t c = crc_bitwise(f->b, f->n);
    putn(f, c, 2, false);
    return f->n;
}

/* A file of sessions only: each {sport, sub_sport, avg_cadence} with 60 s
 * of timer time. */
static size_t build_sessions(struct fb *f, const uint8_t (*ss)[3], int n)
{
    f->n = 0;
    uint8_t hdr[12] = {12, 0x10, 0x08, 0x08, 0, 0, 0, 0, '.', 'F', 'I', 'T'};
    put(f, hdr, 12);
    static const uint8_t ses[] = {2, 4, 0x86, 5, 1, 0x00, 6, 1, 0x00, 8, 4, 0x86, 18, 1, 0x02};
    fb_def(f, 0, 18, false, ses, 5, NULL, 0);
    for (int i = 0; i < n; i++) {
        put8(f, 0);
        putn(f, T0 + 60u * (unsigned)i, 4, false);
        put8(f, ss[i][0]);
        put8(f, ss[i][1]);
        putn(f, 60000, 4, false);
        put8(f, ss[i][2]);
    }
    uint32_t data = (uint32_t)(f->n - 12);
    for (int i = 0; i < 4; i++)
        f->b[4 + i] = (uint8_t)(data >> (8 * i));
    putn(f, crc_bitwise(f->b, f->n), 2, false);
    return f->n;
}

static void test_sport_mapping(void)
{
    static const struct {
        uint8_t s[2][3];
        int n;
        const char *sport, *sub;
        double cad;
    } cases[] = {
        {{{1, 0, 85}}, 1, "running", "generic", 170},
        {{{1, 3, 85}}, 1, "trail_running", "trail", 170},
        {{{1, 1, 85}}, 1, "treadmill", "treadmill", 170},
        {{{1, 45, 85}}, 1, "treadmill", "indoor_running", 170},
        {{{11, 0, 55}}, 1, "walking", "generic", 110},
        {{{17, 0, 50}}, 1, "walking", "generic", 100},
        {{{2, 7, 90}}, 1, "cycling", "road", NAN},
        {{{5, 17, 30}}, 1, "swimming", "lap_swimming", NAN},
        {{{10, 20, 0xFF}}, 1, "strength", "strength_training", NAN},
        {{{10, 26, 0xFF}}, 1, "other", "cardio_training", NAN},
        {{{4, 14, 25}}, 1, "other", "indoor_rowing", NAN},
        {{{1, 0, 80}, {1, 0, 90}}, 2, "running", "generic", 170}, /* timer-weighted */
        {{{2, 0, 90}, {1, 0, 85}}, 2, "other", "", 170},          /* multisport: run only */
        {{{1, 0, 85}, {1, 3, 85}}, 2, "running", "", 170},        /* sub_sports differ */
        {{{1, 200, 85}}, 1, "running", "200", 170},               /* unknown sub_sport */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct fb f;
        size_t n = build_sessions(&f, cases[i].s, cases[i].n);
        struct rh_activity a;
        struct rh_err warn, err;
        rh_activity_init(&a);
        CHECK_INT(rh_fit_decode(f.b, n, &a, &warn, &err), 0);
        CHECK_INT(warn.code, 0);
        CHECK_STR(rh_sport_name(a.sport), cases[i].sport);
        CHECK_STR(a.sub_sport, cases[i].sub);
        if (isnan(cases[i].cad))
            CHECK(isnan(a.avg_cadence_spm));
        else
            CHECK_NEAR(a.avg_cadence_spm, cases[i].cad, 1e-9);
        CHECK_NEAR(a.total_timer_s, 60.0 * cases[i].n, 1e-9);
        CHECK_INT(a.start_utc, (int64_t)T0 + RH_FIT_EPOCH);
        CHECK_INT(a.n_records, 0);
        rh_activity_release(&a);
    }
}

static void test_crc_matches_bitwise(void)
{
    uint8_t b[300];
    for (int i = 0; i < 300; i++)
        b[i] = (uint8_t)(i * 37 + 11);
    for (size_t n = 0; n <= 300; n += 7)
        CHECK_INT(rh_fit_crc16(0, b, n), crc_bitwise(b, n));
    CHECK_INT(rh_fit_crc16(rh_fit_crc16(0, b, 100), b + 100, 200), crc_bitwise(b, 300));
}

static void test_handmade_iterator(void)
{
    struct fb f;
    size_t n = build_fit(&f);
    struct rh_fit_reader *r = malloc(sizeof *r);
    struct rh_fit_msg m;
    struct rh_err err;
    rh_fit_reader_init(r, f.b, n);
    uint32_t ts[8];
    double hr[8], dist[8];
    bool be[8], comp[8];
    int nrec = 0, nmsg = 0, rc;
    while ((rc = rh_fit_next(r, &m, &err)) > 0) {
        nmsg++;
        if (m.global != 20 || nrec >= 8)
            continue;
        ts[nrec] = m.has_timestamp ? m.timestamp : 0;
        hr[nrec] = rh_fit_field_raw(&m, rh_fit_msg_field(&m, 3));
        dist[nrec] = rh_fit_field_raw(&m, rh_fit_msg_field(&m, 5));
        be[nrec] = m.big_endian;
        comp[nrec] = m.compressed;
        if (nrec == 4) {
            CHECK_INT(m.n_fields, 3);
            CHECK_INT(m.fields[2].dev, 0);
            CHECK_INT(m.fields[2].size, 2);
            /* typed by its field_description (uint16) */
            CHECK_NEAR(rh_fit_field_raw(&m, &m.fields[2]), 0xBEEF, 0);
        }
        nrec++;
    }
    CHECK_INT(rc, 0);
    CHECK_INT(r->warn.code, 0);
    CHECK_INT(nmsg, 9); /* file_id, 5 records, developer_data_id, field_description, session */
    CHECK_INT(nrec, 5);
    CHECK_INT(ts[0], T0);
    CHECK_INT(ts[1], T0 + 3); /* compressed: 5-bit offset rolled over */
    CHECK(comp[1] && !comp[0]);
    CHECK_INT(ts[2], T0 + 10);
    CHECK(be[2] && be[3] && !be[0]);
    CHECK_NEAR(dist[2], 200000, 0);
    CHECK_NEAR(hr[0], 150, 0);
    CHECK_NEAR(hr[1], 152, 0);
    CHECK(isnan(hr[3]) && isnan(dist[3])); /* 0xFF.. sentinels are absent */
    CHECK_NEAR(hr[4], 158, 0);             /* read past the developer field correctly */
    CHECK_INT(r->n_field_descriptions, 1);
    CHECK_INT(r->n_developer_data_ids, 1);
    CHECK_INT(r->n_devdesc, 1);
    CHECK_STR(r->devdesc[0].name, "Power");
    CHECK_INT(r->devdesc[0].base_type, 0x84);
    CHECK_INT(r->n_files, 1);
    free(r);
}

static void test_handmade_activity(void)
{
    struct fb f;
    size_t n = build_fit(&f);
    struct rh_activity a;
    struct rh_err warn, err;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(f.b, n, &a, &warn, &err), 0);
    CHECK_INT(warn.code, 0);
    CHECK_INT(a.format, RH_FMT_FIT);
    CHECK_STR(rh_sport_name(a.sport), "trail_running");
    CHECK_STR(a.sub_sport, "trail");
    CHECK(a.has_start);
    CHECK_INT(a.start_utc, (int64_t)T0 + RH_FIT_EPOCH);
    CHECK_NEAR(a.total_elapsed_s, 20, 1e-9);
    CHECK_NEAR(a.total_timer_s, 18, 1e-9);
    CHECK_NEAR(a.total_distance_m, 2100, 1e-9);
    CHECK_INT(a.n_records, 5);
    CHECK_NEAR(a.avg_cadence_spm, 172.5, 1e-9);
    CHECK_NEAR(a.avg_hr, 155, 1e-9);
    CHECK_NEAR(a.max_hr, 170, 1e-9);
    CHECK(a.has_gps);
    CHECK_STR(a.device, "garmin fenix5");
    CHECK_INT(a.n_track, 1);
    if (a.n_track) {
        CHECK_INT(a.track[0].lat_e7, 450000000);
        CHECK_INT(a.track[0].lon_e7, -900000000);
    }
    /* device distance 0 -> 1000 -> 2000 m: two whole kilometres */
    CHECK_INT(a.n_splits, 2);
    if (a.n_splits == 2) {
        CHECK_NEAR(a.splits[0].time_s, 3, 1e-9);
        CHECK_NEAR(a.splits[1].time_s, 7, 1e-9);
        CHECK_NEAR(a.splits[0].avg_cad_spm, 171, 1e-9); /* 2 x (85 + 64/128) */
    }
    rh_activity_release(&a);

    /* a bad file CRC: warning, same data */
    f.b[n - 1] ^= 0xFF;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(f.b, n, &a, &warn, &err), 0);
    CHECK_INT(warn.code, RH_ECRC);
    CHECK_INT(a.n_records, 5);
    CHECK_NEAR(a.total_distance_m, 2100, 1e-9);
    rh_activity_release(&a);
    f.b[n - 1] ^= 0xFF;
    /* a bad header CRC: warning, same data */
    f.b[12] ^= 0x55;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(f.b, n, &a, &warn, &err), 0);
    CHECK_INT(warn.code, RH_ECRC);
    CHECK(strstr(warn.msg, "header") != NULL);
    CHECK_INT(a.n_records, 5);
    rh_activity_release(&a);
    f.b[12] ^= 0x55;
}

/* Every prefix of the file: an error for a broken header, else the records
 * that are complete and a truncation warning; never more records. */
static void test_handmade_every_truncation(void)
{
    struct fb f;
    size_t n = build_fit(&f);
    long last = 0;
    for (size_t k = 0; k < n; k++) {
        struct rh_activity a;
        struct rh_err warn, err;
        rh_activity_init(&a);
        int rc = rh_fit_decode(f.b, k, &a, &warn, &err);
        if (k < 14) {
            CHECK(rc < 0);
            CHECK(err.msg[0] != '\0');
        } else if (rc == 0) {
            CHECK_INT(warn.code, RH_ETRUNC);
            CHECK(a.n_records >= last && a.n_records <= 5);
            last = a.n_records;
        } else {
            CHECK_INT(rc, RH_EEMPTY); /* header only, no whole message yet */
        }
        rh_activity_release(&a);
    }
    CHECK_INT(last, 5);
}

static void test_handmade_chained_and_padding(void)
{
    struct fb f;
    size_t n = build_fit(&f);
    uint8_t *two = calloc(1, 2 * n + 16);
    memcpy(two, f.b, n);
    memcpy(two + n, f.b, n);
    struct rh_activity a;
    struct rh_err warn, err;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(two, 2 * n, &a, &warn, &err), 0);
    CHECK_INT(warn.code, 0);
    CHECK_INT(a.n_records, 10);
    CHECK_NEAR(a.total_elapsed_s, 40, 1e-9);
    CHECK_NEAR(a.total_distance_m, 4200, 1e-9);
    rh_activity_release(&a);
    /* zero padding after the last file is accepted silently */
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(two, 2 * n + 16, &a, &warn, &err), 0);
    CHECK_INT(warn.code, 0);
    CHECK_INT(a.n_records, 10);
    rh_activity_release(&a);
    /* other bytes after it are noted */
    memset(two + n, 'x', 16);
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(two, n + 16, &a, &warn, &err), 0);
    CHECK_INT(warn.code, RH_EFORMAT);
    CHECK_INT(a.n_records, 5);
    rh_activity_release(&a);
    free(two);
}

static void test_handmade_undefined_local(void)
{
    struct fb f;
    size_t n = build_fit(&f);
    /* make the first record's header point at local type 9, never defined */
    size_t at = 14 + 6 + 12 + 1 + 9 + 6 + 21; /* file_id def+data, record def */
    CHECK_INT(f.b[at], 1);
    f.b[at] = 9;
    uint16_t c = crc_bitwise(f.b, n - 2);
    f.b[n - 2] = (uint8_t)c;
    f.b[n - 1] = (uint8_t)(c >> 8);
    struct rh_activity a;
    struct rh_err warn, err;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(f.b, n, &a, &warn, &err), 0); /* the file_id decoded */
    CHECK_INT(warn.code, RH_EFORMAT);
    /* words25: in a runner's words, the record's type only in the detail */
    char want[200];
    snprintf(want, sizeof want,
             "part of the file is damaged and cannot be read: what was recorded before the cut "
             "is kept (for a bug report: a record at byte %zu is of type 9, never defined "
             "before it)",
             (size_t)at);
    CHECK_STR(warn.msg, want);
    CHECK_INT(warn.offset, (long)at);
    CHECK_INT(a.n_records, 0);
    CHECK_STR(a.device, "garmin fenix5");
    rh_activity_release(&a);
    /* with a bad CRC as well, the CRC mismatch (the root cause) is reported */
    f.b[n - 1] ^= 0xFF;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(f.b, n, &a, &warn, &err), 0);
    CHECK_INT(warn.code, RH_ECRC);
    CHECK_INT(a.n_records, 0);
    rh_activity_release(&a);
}

/* fuzz25: a file whose header checksum does not match and that is then
 * cut short is said to be cut (RH_ETRUNC, what was kept), not "all of the
 * recording was read": the header's mismatch stays in the detail. The
 * same for a chained file cut after a first one whose checksum fails. */
static void test_damaged_then_cut(void)
{
    struct fb f;
    size_t n = build_fit(&f);
    struct rh_activity a;
    struct rh_err warn, err;
    f.b[12] ^= 0x55;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(f.b, n - 30, &a, &warn, &err), 0);
    CHECK_INT(warn.code, RH_ETRUNC);
    CHECK(strncmp(warn.msg, "the file is cut off before its end: the recording stops", 55) == 0);
    CHECK(strstr(warn.msg, "all of the recording was read") == NULL);
    CHECK(strstr(warn.msg, "(for a bug report: the header checksum does not match, at byte "
                           "12; the header announces ") != NULL);
    CHECK(a.n_records > 0 && a.n_records <= 5);
    rh_activity_release(&a);
    f.b[12] ^= 0x55;
    /* chained: the first file's checksum fails, the second is cut */
    uint8_t *two = calloc(1, 2 * n);
    CHECK(two != NULL);
    if (!two)
        return;
    memcpy(two, f.b, n);
    memcpy(two + n, f.b, n);
    two[n - 1] ^= 0xFF;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(two, 2 * n - 30, &a, &warn, &err), 0);
    CHECK_INT(warn.code, RH_ETRUNC);
    CHECK(strncmp(warn.msg, "the file is cut off before its end: ", 36) == 0);
    CHECK(strstr(warn.msg, "(for a bug report: the file checksum does not match, at byte ") !=
          NULL);
    CHECK(a.n_records > 5);
    rh_activity_release(&a);
    free(two);
}

static void test_alloc_failures(void)
{
    struct fb f;
    size_t n = build_fit(&f);
    for (long k = 1; k < 40; k++) {
        struct rh_activity a;
        struct rh_err warn, err;
        rh_activity_init(&a);
        rh_alloc_fail_after(k);
        int rc = rh_fit_decode(f.b, n, &a, &warn, &err);
        rh_alloc_fail_after(0);
        CHECK(rc == 0 || rc == RH_ENOMEM);
        if (rc == 0)
            CHECK_INT(a.n_records, 5);
        rh_activity_release(&a);
    }
}

/* ---- corpus files, one behaviour each -------------------------------------- */

static void test_bad_crc_file(void)
{
    struct rh_activity a;
    struct rh_err warn, err;
    CHECK_INT(decode_corpus("bad/derived_badcrc_fitparse_garmin-fenix-5-run.fit", &a, &warn, &err),
              0);
    CHECK_INT(warn.code, RH_ECRC);
    CHECK(warn.offset > 0);
    CHECK_INT(a.n_records, 21);
    CHECK_NEAR(a.total_distance_m, 157.56, 0.01);
    CHECK_STR(rh_sport_name(a.sport), "running");
    rh_activity_release(&a);
}

static void test_truncated_files(void)
{
    struct rh_activity a;
    struct rh_err warn, err;
    CHECK_INT(decode_corpus("bad/derived_trunc60_sportslib_20171011_run_2088390344.fit", &a,
                            &warn, &err),
              0);
    CHECK_INT(warn.code, RH_ETRUNC);
    CHECK_INT(a.n_records, 232);
    CHECK(a.has_start);
    CHECK(a.total_distance_m > 2000 && a.total_distance_m < 2100); /* records: 2032.74 m */
    CHECK(a.n_splits >= 2);
    rh_activity_release(&a);
    CHECK_INT(decode_corpus("bad/fitparse_strava-android-app-201.10-b1218918.fit", &a, &warn,
                            &err),
              0);
    CHECK_INT(warn.code, RH_ETRUNC);
    CHECK_INT(a.n_records, 473);
    rh_activity_release(&a);
}

static void test_not_fit(void)
{
    struct rh_activity a;
    struct rh_err warn, err;
    CHECK_INT(decode_corpus("bad/derived_empty.fit", &a, &warn, &err), RH_EEMPTY);
    CHECK_STR(err.msg, "the file is empty, there is nothing in it to import: copy or export the "
                       "activity again from your watch or its app");
    rh_activity_release(&a);
    CHECK_INT(decode_corpus("bad/derived_gzip_named_fit_gc_10kUNLP2014-Garmin15.fit", &a, &warn,
                            &err),
              RH_EFORMAT);
    CHECK_STR(err.msg, "the file is compressed (gzip): unpack it first, then import the file it "
                       "holds");
    CHECK_INT(a.n_records, 0);
    rh_activity_release(&a);
    const char *text = "<?xml version=\"1.0\"?><gpx></gpx>";
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(text, strlen(text), &a, &warn, &err), RH_EFORMAT);
    CHECK_STR(err.msg, "runhip cannot read an activity from this file: it does not begin as a "
                       "watch's activity file (FIT) does");
    CHECK(!rh_fit_sniff(text, strlen(text)));
    CHECK_INT(rh_fit_decode("\x0e\x10", 2, &a, &warn, &err), RH_EFORMAT);
    CHECK_STR(err.msg, "runhip cannot read an activity from this file: at 2 bytes it is too "
                       "short to be a watch's activity file (FIT)");
    CHECK_INT(rh_fit_decode(NULL, 0, &a, &warn, &err), RH_EEMPTY);
    rh_activity_release(&a);
}

/* Lezyne Super GPS: after the activity come bytes that start with a
 * compressed-timestamp header (the SDK stops there) and the CRC fails. */
static void test_lezyne_file(void)
{
    size_t len;
    char *buf = slurp_corpus("bad/gpsbabel_lezyne_super_gps-garmin_fit-sample-bad-endian.fit", &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    CHECK(rh_fit_sniff(buf, len));
    struct rh_fit_reader *r = malloc(sizeof *r);
    struct rh_fit_msg m;
    struct rh_err err;
    long compressed = 0, records = 0;
    rh_fit_reader_init(r, buf, len);
    while (rh_fit_next(r, &m, &err) > 0) {
        compressed += m.compressed;
        records += m.global == 20;
    }
    CHECK_INT(compressed, 1);
    CHECK_INT(records, 804);
    CHECK_INT(r->warn.code, RH_ECRC);
    free(r);
    struct rh_activity a;
    struct rh_err warn;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(buf, len, &a, &warn, &err), 0);
    CHECK_INT(warn.code, RH_ECRC);
    CHECK_NEAR(a.total_distance_m, 8074, 0.01);
    CHECK_STR(a.device, "lezyne 4");
    CHECK_STR(rh_sport_name(a.sport), "cycling");
    CHECK(a.n_track > 0);
    rh_activity_release(&a);
    free(buf);
}

/* Sigma ROX 11.1 writes every definition big-endian. */
static void test_big_endian_file(void)
{
    size_t len;
    char *buf = slurp_corpus("fit/gc_SigmaRox11_1.fit", &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    struct rh_fit_reader *r = malloc(sizeof *r);
    struct rh_fit_msg m;
    struct rh_err err;
    long be = 0, total = 0;
    rh_fit_reader_init(r, buf, len);
    while (rh_fit_next(r, &m, &err) > 0) {
        be += m.big_endian;
        total++;
    }
    CHECK(total > 7259);
    CHECK_INT(be, total);
    free(r);
    struct rh_activity a;
    struct rh_err warn;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(buf, len, &a, &warn, &err), 0);
    CHECK_INT(warn.code, 0);
    CHECK_INT(a.n_records, 7259);
    CHECK_NEAR(a.total_distance_m, 54304.86, 0.01);
    CHECK_NEAR(a.avg_hr, 134, 0.5);
    CHECK_STR(a.device, "sigmasport 49");
    char iso[21];
    rh_time_format_iso(a.start_utc, iso);
    CHECK_STR(iso, "2024-09-19T15:30:30Z");
    /* big-endian semicircles give a plausible track */
    CHECK(a.n_track > 100);
    for (size_t i = 0; i < a.n_track; i++)
        CHECK(abs(a.track[i].lat_e7) <= 900000000 && abs(a.track[i].lon_e7) <= 1800000000);
    rh_activity_release(&a);
    free(buf);
}

static void test_chained_file(void)
{
    size_t len;
    char *buf = slurp_corpus("fit/fitparse_sample_mulitple_header.fit", &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    struct rh_fit_reader *r = malloc(sizeof *r);
    struct rh_fit_msg m;
    struct rh_err err;
    long sessions = 0;
    rh_fit_reader_init(r, buf, len);
    while (rh_fit_next(r, &m, &err) > 0)
        sessions += m.global == 18;
    CHECK_INT(r->n_files, 4);
    CHECK_INT(sessions, 5);
    CHECK_INT(r->warn.code, 0);
    free(r);
    struct rh_activity a;
    struct rh_err warn;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(buf, len, &a, &warn, &err), 0);
    CHECK_STR(rh_sport_name(a.sport), "other"); /* swim, bike, run and transitions */
    CHECK_STR(a.sub_sport, "");
    CHECK_INT(a.n_records, 1773);
    rh_activity_release(&a);
    free(buf);
}

/* Developer fields: descriptions kept, bytes skipped, counts as refs.jsonl. */
static void test_developer_fields(void)
{
    static const struct {
        const char *file;
        long descriptions, records_with_dev;
    } cases[] = {
        {"fit/sportslib_20181013_kona_ironman.fit", 7, 13019},
        {"fit/fitparse_20170518-191602-1740899583.fit", 33, -1},
        {"bad/fitparse_elemnt-bolt-no-application-id-inside-developer-data-id.fit", -1, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len;
        char *buf = slurp_corpus(cases[i].file, &len);
        CHECK(buf != NULL);
        if (!buf)
            continue;
        struct rh_fit_reader *r = malloc(sizeof *r);
        struct rh_fit_msg m;
        struct rh_err err;
        long with_dev = 0;
        rh_fit_reader_init(r, buf, len);
        while (rh_fit_next(r, &m, &err) > 0) {
            if (m.global != 20)
                continue;
            for (unsigned k = 0; k < m.n_fields; k++)
                if (m.fields[k].dev != RH_FIT_NO_SLOT) {
                    with_dev++;
                    break;
                }
        }
        if (cases[i].descriptions >= 0)
            CHECK_INT(r->n_field_descriptions, cases[i].descriptions);
        else
            CHECK(r->n_developer_data_ids > 0);
        if (cases[i].records_with_dev >= 0)
            CHECK_INT(with_dev, cases[i].records_with_dev);
        CHECK(r->n_devdesc > 0 && r->devdesc[0].name[0] != '\0');
        CHECK_INT(r->warn.code, 0);
        free(r);
        free(buf);
    }
}

static void test_compressed_timestamps(void)
{
    size_t len;
    char *buf = slurp_corpus("fit/fitparse_compressed-speed-distance.fit", &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    struct rh_fit_reader *r = malloc(sizeof *r);
    struct rh_fit_msg m;
    struct rh_err err;
    long compressed = 0, backwards = 0;
    uint32_t last = 0;
    rh_fit_reader_init(r, buf, len);
    while (rh_fit_next(r, &m, &err) > 0) {
        if (m.global != 20)
            continue;
        compressed += m.compressed;
        CHECK(m.has_timestamp);
        backwards += m.timestamp < last;
        last = m.timestamp;
    }
    CHECK(compressed > 700);
    CHECK_INT(backwards, 0);
    free(r);
    struct rh_activity a;
    struct rh_err warn;
    rh_activity_init(&a);
    CHECK_INT(rh_fit_decode(buf, len, &a, &warn, &err), 0);
    /* compressed distance feeds the splits: 10.25 km */
    CHECK(a.n_splits >= 10 && a.n_splits <= 11);
    rh_activity_release(&a);
    free(buf);
}

static void test_splits_and_track(void)
{
    struct rh_activity a;
    struct rh_err warn, err;
    CHECK_INT(decode_corpus("fit/gc_10kUNLP2014-Garmin15.fit", &a, &warn, &err), 0);
    CHECK_INT(a.n_splits, 10); /* 10 whole km; the last 10.8 m make no split */
    CHECK(a.n_track > 100 && a.n_track <= RH_TRACK_MAX);
    if (a.n_splits)
        CHECK(a.splits[0].time_s > 180 && a.splits[0].time_s < 600);
    rh_activity_release(&a);
    /* cycling: split cadence stays in revolutions per minute */
    CHECK_INT(decode_corpus("fit/fitparse_Edge810-Vector-2013-08-16-15-35-10.fit", &a, &warn, &err),
              0);
    CHECK(isnan(a.avg_cadence_spm));
    for (size_t i = 0; i < a.n_splits; i++)
        CHECK(isnan(a.splits[i].avg_cad_spm) || a.splits[i].avg_cad_spm < 130);
    rh_activity_release(&a);
}

/* A triathlon's legs each get the records of their own time: the records
 * add up to at most the file's, the run leg's splits are its own
 * kilometres with a run's cadence in steps, the ride's in revolutions. */
static void test_multisport_legs_split_records(void)
{
    static const char *files[] = {"fit/muktihari_triathlon_summary_first.fit",
                                  "fit/sportslib_20181013_kona_ironman.fit",
                                  "fit/gc_MultiSport-2019-11-24.fit",
                                  "fit/fitparse_sample_mulitple_header.fit"};
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        size_t len = 0;
        char *buf = slurp_corpus(files[f], &len);
        CHECK(buf != NULL);
        if (!buf)
            continue;
        struct rh_activity whole;
        struct rh_err warn, err;
        struct rh_fit_legs legs;
        struct rh_fit_leg leg[RH_FIT_LEGS_MAX];
        rh_activity_init(&whole);
        CHECK_INT(rh_fit_decode_legs(buf, len, &whole, &legs, leg, &warn, &err), 0);
        CHECK(legs.mixed);
        CHECK_INT(legs.n, 3);
        long sum = 0;
        int runs = 0;
        for (int i = 0; i < legs.n; i++) {
            struct rh_activity a;
            rh_activity_init(&a);
            CHECK_INT(rh_fit_decode_leg(buf, len, &leg[i], &a, &warn, &err), 0);
            CHECK(a.sport == leg[i].sport);
            CHECK(a.start_utc == leg[i].start_utc);
            CHECK(a.n_records > 0);
            sum += a.n_records;
            /* whole kilometres of its own distance, the last one shorter */
            double km = a.total_distance_m / 1000.0;
            CHECK(a.n_splits >= (size_t)floor(km) && a.n_splits <= (size_t)floor(km) + 1);
            if (a.n_splits > 1) {
                CHECK(a.splits[0].dist_m > 990 && a.splits[0].dist_m < 1010);
                CHECK(rh_has(a.splits[0].time_s) && a.splits[0].time_s > 0 &&
                      a.splits[0].time_s < a.total_elapsed_s);
            }
            if (a.sport == RH_SPORT_RUNNING) {
                runs++;
                CHECK(a.avg_cadence_spm > 140 && a.avg_cadence_spm < 200);
                for (size_t k = 0; k + 1 < a.n_splits; k++)
                    CHECK(a.splits[k].avg_cad_spm > 120 && a.splits[k].avg_cad_spm < 220);
            } else if (a.sport == RH_SPORT_CYCLING && a.n_splits > 1) {
                /* revolutions, not steps (none without a cadence sensor) */
                CHECK(!rh_has(a.splits[0].avg_cad_spm) || a.splits[0].avg_cad_spm < 130);
            }
            rh_activity_release(&a);
        }
        CHECK_INT(runs, 1);
        CHECK(sum > 0 && sum <= whole.n_records);
        rh_activity_release(&whole);
        free(buf);
    }
}

int main(void)
{
    RUN(test_crc_matches_bitwise);
    RUN(test_handmade_iterator);
    RUN(test_handmade_activity);
    RUN(test_handmade_every_truncation);
    RUN(test_handmade_chained_and_padding);
    RUN(test_handmade_undefined_local);
    RUN(test_damaged_then_cut);
    RUN(test_alloc_failures);
    RUN(test_sport_mapping);
    RUN(test_bad_crc_file);
    RUN(test_truncated_files);
    RUN(test_not_fit);
    RUN(test_lezyne_file);
    RUN(test_big_endian_file);
    RUN(test_chained_file);
    RUN(test_developer_fields);
    RUN(test_compressed_timestamps);
    RUN(test_splits_and_track);
    RUN(test_refs_jsonl);
    RUN(test_multisport_legs_split_records);
    return TEST_END();
}
