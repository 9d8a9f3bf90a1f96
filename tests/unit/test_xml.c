/* SPDX-License-Identifier: MIT */
/*
 * GPX and TCX readers: every plain .gpx/.tcx of the shared corpus against
 * refs.jsonl (with a table of explained disagreements), then small
 * hand-written documents for namespaces, GPX 1.0, extensions, bad roots,
 * malformed and truncated XML, overlong text, chunked feeding and
 * allocation failures.
 */
#include <dirent.h>
#include <jansson.h>

#include "harness.h"
#include "runhip/import.h"
#include "runhip/xml.h"
#include "xml/xml_int.h"

/* ---- corpus against refs.jsonl ------------------------------------------ */

/* Fields where runhip knowingly differs from the reference, and why. */
static const struct {
    const char *file, *field, *reason;
} exceptions[] = {
    {"", "", ""}, /* sentinel; real entries above it */
};

static bool excepted(const char *file, const char *field)
{
    for (size_t i = 0; i < sizeof exceptions / sizeof exceptions[0]; i++)
        if (strcmp(exceptions[i].file, file) == 0 && strcmp(exceptions[i].field, field) == 0)
            return true;
    return false;
}

static int n_compared, n_files;

static double jnum(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static void check_field(const char *file, const char *field, double ours, double ref,
                        double rel, double abs_tol)
{
    if (excepted(file, field))
        return;
    n_compared++;
    if (isnan(ref)) {
        if (!isnan(ours)) {
            th_checks_failed++;
            fprintf(stderr, "%s: %s: ref null, ours %.3f\n", file, field, ours);
        }
        return;
    }
    double tol = fabs(ref) * rel > abs_tol ? fabs(ref) * rel : abs_tol;
    if (!(fabs(ours - ref) <= tol)) {
        th_checks_failed++;
        fprintf(stderr, "%s: %s: ref %.3f, ours %.3f (tol %.3f)\n", file, field, ref, ours, tol);
    }
}

static bool wanted(const char *file)
{
    size_t n = strlen(file);
    if (strchr(file, '!') || n < 5)
        return false;
    if (strncmp(file, "gpx/", 4) && strncmp(file, "tcx/", 4) && strncmp(file, "bad/", 4))
        return false;
    return strcmp(file + n - 4, ".gpx") == 0 || strcmp(file + n - 4, ".tcx") == 0;
}

static void compare_one(json_t *ref)
{
    const char *file = json_string_value(json_object_get(ref, "file"));
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", RH_SHARED, file);
    size_t len;
    char *buf = test_slurp(path, &len);
    if (!buf) {
        th_checks_failed++;
        fprintf(stderr, "%s: cannot read\n", path);
        return;
    }
    n_files++;
    bool tcx = strcmp(file + strlen(file) - 4, ".tcx") == 0;
    CHECK_INT(rh_xml_sniff(buf, len), tcx ? RH_FMT_TCX : RH_FMT_GPX);
    struct rh_activity a;
    struct rh_err warn, err;
    rh_activity_init(&a);
    int rc = tcx ? rh_tcx_decode(buf, len, &a, &warn, &err)
                 : rh_gpx_decode(buf, len, &a, &warn, &err);
    free(buf);
    json_t *jerr = json_object_get(ref, "error");
    double ref_n = jnum(ref, "n_records");
    if (jerr) {
        /* the peers stopped at a truncation: we keep what was read */
        if (rc != 0 || warn.code != RH_ETRUNC || a.n_records < 1) {
            th_checks_failed++;
            fprintf(stderr, "%s: want partial result with RH_ETRUNC, got rc %d warn %d (%s)\n",
                    file, rc, warn.code, rc ? err.msg : warn.msg);
        }
        n_compared++;
        rh_activity_release(&a);
        return;
    }
    if (ref_n == 0) {
        if (rc >= 0 || !err.msg[0]) {
            th_checks_failed++;
            fprintf(stderr, "%s: no records: want a clear error, got rc %d\n", file, rc);
        }
        n_compared++;
        rh_activity_release(&a);
        return;
    }
    if (rc != 0 || warn.code != 0) {
        th_checks_failed++;
        fprintf(stderr, "%s: rc %d (%s) warn %d (%s)\n", file, rc, err.msg, warn.code, warn.msg);
        rh_activity_release(&a);
        return;
    }
    CHECK_INT(a.format, tcx ? RH_FMT_TCX : RH_FMT_GPX);
    const char *st = json_string_value(json_object_get(ref, "start_time_utc"));
    if (!excepted(file, "start_time_utc")) {
        n_compared++;
        if (st) {
            int64_t t;
            CHECK_INT(rh_time_parse_iso(st, &t), 0);
            if (!a.has_start || a.start_utc != t) {
                th_checks_failed++;
                fprintf(stderr, "%s: start %s, ours %lld\n", file, st, (long long)a.start_utc);
            }
        } else if (a.has_start) {
            th_checks_failed++;
            fprintf(stderr, "%s: ref has no start, ours has one\n", file);
        }
    }
    check_field(file, "total_elapsed_s", a.total_elapsed_s, jnum(ref, "total_elapsed_s"), 0.005,
                0.01);
    check_field(file, "total_timer_s", a.total_timer_s, jnum(ref, "total_timer_s"), 0.005, 0.01);
    check_field(file, "total_distance_m", a.total_distance_m, jnum(ref, "total_distance_m"),
                0.005, 0.01);
    check_field(file, "n_records", (double)a.n_records, ref_n, 0, 0);
    check_field(file, "avg_cadence_spm", a.avg_cadence_spm, jnum(ref, "avg_cadence_spm"), 0, 1);
    check_field(file, "avg_hr", a.avg_hr, jnum(ref, "avg_hr"), 0, 1);
    check_field(file, "max_hr", a.max_hr, jnum(ref, "max_hr"), 0, 1);
    json_t *gps = json_object_get(ref, "has_gps");
    check_field(file, "has_gps", a.has_gps, json_is_true(gps), 0, 0);
    const char *sport = json_string_value(json_object_get(ref, "sport"));
    if (!excepted(file, "sport")) {
        n_compared++;
        CHECK_STR(rh_sport_name(a.sport), sport ? sport : "other");
    }
    const char *raw = json_string_value(json_object_get(ref, "sport_raw"));
    if (raw)
        CHECK_STR(a.sub_sport, raw);
    const char *creator = json_string_value(json_object_get(ref, "creator"));
    if (creator)
        CHECK_STR(a.device, creator);
    else
        CHECK(a.device == NULL);
    rh_activity_release(&a);
}

static void test_corpus_refs(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/refs.jsonl", RH_SHARED);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[16384];
    while (fgets(line, sizeof line, f)) {
        json_error_t je;
        json_t *ref = json_loads(line, 0, &je);
        CHECK(ref != NULL);
        if (!ref)
            continue;
        const char *file = json_string_value(json_object_get(ref, "file"));
        if (file && wanted(file))
            compare_one(ref);
        json_decref(ref);
    }
    fclose(f);
    printf("     corpus: %d files, %d fields compared, %zu exceptions\n", n_files, n_compared,
           sizeof exceptions / sizeof exceptions[0] - 1);
    CHECK(n_files >= 24);
}

static void test_binary_inputs_refused(void)
{
    /* every FIT, zip and gzip file of the corpus given to the XML readers:
     * a clear error, never a crash or a partial activity */
    const char *dirs[] = {"bad", "fit", "export"};
    int n = 0;
    for (int d = 0; d < 3; d++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/corpus/%s", RH_SHARED, dirs[d]);
        DIR *dp = opendir(dir);
        CHECK(dp != NULL);
        if (!dp)
            continue;
        struct dirent *e;
        while ((e = readdir(dp))) {
            size_t l = strlen(e->d_name);
            if (e->d_name[0] == '.' || (l > 4 && (strcmp(e->d_name + l - 4, ".gpx") == 0 ||
                                                  strcmp(e->d_name + l - 4, ".tcx") == 0)))
                continue;
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            size_t len;
            char *buf = test_slurp(path, &len);
            if (!buf)
                continue;
            for (int t = 0; t < 2; t++) {
                struct rh_activity a;
                struct rh_err w, er;
                rh_activity_init(&a);
                int rc = t ? rh_tcx_decode(buf, len, &a, &w, &er)
                           : rh_gpx_decode(buf, len, &a, &w, &er);
                if (rc >= 0 || !er.msg[0]) {
                    th_checks_failed++;
                    fprintf(stderr, "%s: rc %d, want a clear error\n", path, rc);
                }
                rh_activity_release(&a);
            }
            CHECK_INT(rh_xml_sniff(buf, len), RH_FMT_NONE);
            free(buf);
            n++;
        }
        closedir(dp);
    }
    CHECK(n >= 40);
}

/* ---- hand-written documents --------------------------------------------- */

static int dec_gpx(const char *doc, struct rh_activity *a, struct rh_err *warn,
                   struct rh_err *err)
{
    rh_activity_init(a);
    return rh_gpx_decode(doc, strlen(doc), a, warn, err);
}

static int dec_tcx(const char *doc, struct rh_activity *a, struct rh_err *warn,
                   struct rh_err *err)
{
    rh_activity_init(a);
    return rh_tcx_decode(doc, strlen(doc), a, warn, err);
}

/* Two points 0.001 degree of latitude apart: 111.195 m on R = 6371008.8. */
#define TWO_PTS(P, T1, T2)                                                                         \
    "<" P "trkpt lat=\"45.0\" lon=\"6.0\"><" P "time>" T1 "</" P "time></" P "trkpt>"             \
    "<" P "trkpt lat=\"45.001\" lon=\"6.0\"><" P "time>" T2 "</" P "time></" P "trkpt>"

static void test_gpx_odd_prefix(void)
{
    const char *doc = "<?xml version=\"1.0\"?>\n"
                      "<g:gpx xmlns:g=\"http://www.topografix.com/GPX/1/1\" creator=\"x\">"
                      "<g:trk><g:name>Odd</g:name><g:type>Run</g:type><g:trkseg>" TWO_PTS(
                          "g:", "2020-01-01T10:00:00Z", "2020-01-01T10:01:00.5Z")
                      "</g:trkseg></g:trk></g:gpx>";
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_gpx(doc, &a, &w, &e), 0);
    CHECK_INT(a.n_records, 2);
    CHECK_NEAR(a.total_distance_m, 111.195, 0.01);
    CHECK_NEAR(a.total_elapsed_s, 60.5, 1e-6);
    CHECK_INT(a.start_utc, 1577872800);
    CHECK_STR(a.name, "Odd");
    CHECK_STR(a.device, "x");
    CHECK_INT(a.sport, RH_SPORT_RUNNING);
    CHECK_STR(a.sub_sport, "Run");
    CHECK(!rh_has(a.total_timer_s));
    rh_activity_release(&a);
    CHECK_INT(rh_xml_sniff(doc, strlen(doc)), RH_FMT_GPX);
}

static void test_gpx_default_ns_and_wrong_prefix_ns(void)
{
    /* default namespace; and a "gpx:" prefix bound to a foreign URI is not GPX */
    const char *ok = "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>" TWO_PTS(
        "", "2020-01-01T10:00:00Z", "2020-01-01T10:00:10Z") "</trkseg></trk></gpx>";
    const char *foreign = "<gpx:gpx xmlns:gpx=\"http://example.com/not-gpx\"><gpx:trk/></gpx:gpx>";
    /* trkpt elements of another namespace inside a real GPX are not points */
    const char *mixed =
        "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:o=\"http://example.com/o\">"
        "<trk><trkseg><o:trkpt lat=\"1\" lon=\"1\"/>" TWO_PTS("", "2020-01-01T10:00:00Z",
                                                            "2020-01-01T10:00:10Z")
        "</trkseg></trk></gpx>";
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_gpx(ok, &a, &w, &e), 0);
    CHECK_INT(a.n_records, 2);
    rh_activity_release(&a);
    CHECK_INT(dec_gpx(foreign, &a, &w, &e), RH_EFORMAT);
    CHECK_STR(e.msg, "this is not a GPX file (it holds a 'gpx' document of another kind): runhip "
                     "cannot read an activity from it");
    rh_activity_release(&a);
    CHECK_INT(rh_xml_sniff(foreign, strlen(foreign)), RH_FMT_NONE);
    CHECK_INT(dec_gpx(mixed, &a, &w, &e), 0);
    CHECK_INT(a.n_records, 2);
    rh_activity_release(&a);
}

static void test_gpx10(void)
{
    /* GPX 1.0: name under gpx, foreign elements straight in the trkpt,
     * two segments (no distance across the gap), rte points ignored */
    const char *doc =
        "<gpx version=\"1.0\" xmlns=\"http://www.topografix.com/GPX/1/0\" "
        "xmlns:x=\"http://example.com/x\"><name>Ten</name>"
        "<rte><rtept lat=\"1\" lon=\"1\"/></rte><wpt lat=\"2\" lon=\"2\"/>"
        "<trk><trkseg>"
        "<trkpt lat=\"45.0\" lon=\"6.0\"><ele>100</ele><time>2020-01-01T10:00:00Z</time>"
        "<x:hr>120.5</x:hr></trkpt>"
        "<trkpt lat=\"45.001\" lon=\"6.0\"><ele>110</ele><time>2020-01-01T10:00:30Z</time>"
        "<x:hr>130.5</x:hr></trkpt></trkseg><trkseg>"
        "<trkpt lat=\"46.0\" lon=\"6.0\"><time>2020-01-01T10:05:00Z</time></trkpt>"
        "<trkpt lat=\"46.001\" lon=\"6.0\"/>"
        "</trkseg></trk></gpx>";
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_gpx(doc, &a, &w, &e), 0);
    CHECK_INT(a.n_records, 4);
    CHECK_NEAR(a.total_distance_m, 2 * 111.195, 0.02);
    CHECK_NEAR(a.total_elapsed_s, 300, 1e-9);
    CHECK_NEAR(a.avg_hr, 125.5, 1e-9); /* fractional HR kept */
    CHECK_NEAR(a.max_hr, 130.5, 1e-9);
    CHECK_NEAR(a.elevation_gain_m, 10, 1e-9);
    CHECK_STR(a.name, "Ten");
    CHECK_INT(a.sport, RH_SPORT_OTHER);
    CHECK_STR(a.sub_sport, "");
    rh_activity_release(&a);
}

static void test_gpx_extensions_v1_v2(void)
{
    const char *doc =
        "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" "
        "xmlns:t1=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\" "
        "xmlns:t2=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\" "
        "xmlns:z=\"http://example.com/amazfit\">"
        "<trk><name>T</name><type>running</type><trkseg>"
        "<trkpt lat=\"45\" lon=\"6\"><time>2020-01-01T10:00:00Z</time><extensions>"
        "<t1:TrackPointExtension><t1:hr>140</t1:hr><t1:cad>80</t1:cad><t1:atemp>20</t1:atemp>"
        "</t1:TrackPointExtension></extensions></trkpt>"
        "<trkpt lat=\"45\" lon=\"6\"><time>2020-01-01T10:00:01Z</time><extensions>"
        "<t2:TrackPointExtension><t2:hr>150</t2:hr><t2:cad>90</t2:cad><t2:atemp>22</t2:atemp>"
        "</t2:TrackPointExtension></extensions></trkpt>"
        /* plain hr from another namespace (and no namespace): the TPX one wins */
        "<trkpt lat=\"45\" lon=\"6\"><time>2020-01-01T10:00:02Z</time><extensions>"
        "<z:heartrate>10</z:heartrate><t1:TrackPointExtension><t1:hr>160</t1:hr>"
        "</t1:TrackPointExtension><cad>0</cad></extensions></trkpt>"
        "<trkpt lat=\"45\" lon=\"6\"><time>2020-01-01T10:00:03Z</time><extensions>"
        "<z:hr>170</z:hr><z:cadence>85</z:cadence></extensions></trkpt>"
        "</trkseg></trk></gpx>";
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_gpx(doc, &a, &w, &e), 0);
    CHECK_INT(a.n_records, 4);
    CHECK_NEAR(a.avg_hr, (140 + 150 + 160 + 170) / 4.0, 1e-9);
    CHECK_NEAR(a.max_hr, 170, 1e-9);
    /* strides -> steps; the zero cadence is not counted */
    CHECK_NEAR(a.avg_cadence_spm, 2 * (80 + 90 + 85) / 3.0, 1e-9);
    CHECK_NEAR(a.avg_temperature_c, 21, 1e-9);
    CHECK_INT(a.temp_source, RH_TEMP_SRC_SENSOR); /* atemp: the watch's own */
    CHECK_INT(a.sport, RH_SPORT_RUNNING);
    CHECK(a.has_gps);
    CHECK_NEAR(a.total_distance_m, 0, 1e-9);
    rh_activity_release(&a);
}

static void test_gpx_sport_words(void)
{
    CHECK_INT(rh__gpx_sport("9"), RH_SPORT_RUNNING);
    CHECK_INT(rh__gpx_sport("RUNNING"), RH_SPORT_RUNNING);
    CHECK_INT(rh__gpx_sport("1"), RH_SPORT_CYCLING);
    CHECK_INT(rh__gpx_sport("road_biking"), RH_SPORT_CYCLING);
    CHECK_INT(rh__gpx_sport("Hiking"), RH_SPORT_WALKING);
    CHECK_INT(rh__gpx_sport("trail_running"), RH_SPORT_TRAIL_RUNNING);
    CHECK_INT(rh__gpx_sport("jkljkl"), RH_SPORT_OTHER);
    CHECK_INT(rh__gpx_sport(""), RH_SPORT_OTHER);
}

static void test_wrong_root_and_not_xml(void)
{
    struct rh_activity a;
    struct rh_err w, e;
    const char *tcx = "<TrainingCenterDatabase "
                      "xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"/>";
    CHECK_INT(dec_gpx(tcx, &a, &w, &e), RH_EFORMAT);
    CHECK_STR(e.msg, "this is not a GPX file (it holds a 'TrainingCenterDatabase' document): "
                     "runhip cannot read an activity from it");
    rh_activity_release(&a);
    CHECK_INT(dec_tcx("<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"/>", &a, &w, &e),
              RH_EFORMAT);
    rh_activity_release(&a);
    CHECK_INT(dec_gpx("<kml><Document/></kml>", &a, &w, &e), RH_EFORMAT);
    CHECK_STR(e.msg, "this is not a GPX file (it holds a 'kml' document): runhip cannot read an "
                     "activity from it");
    rh_activity_release(&a);
    CHECK_INT(dec_gpx("", &a, &w, &e), RH_EEMPTY);
    CHECK_STR(e.msg, "the file is empty, there is nothing in it to import: copy or export the "
                     "activity again from your watch or its app");
    rh_activity_release(&a);
    CHECK_INT(dec_gpx("\x89PNG\r\n", &a, &w, &e), RH_ESYNTAX);
    CHECK_STR(e.msg, "the file is damaged where it stops being readable: nothing was imported "
                     "from it; export the activity again from your watch's app (for a bug "
                     "report: not well-formed (invalid token), at line 1, column 1)");
    rh_activity_release(&a);
    CHECK_INT(rh_xml_sniff("", 0), RH_FMT_NONE);
    CHECK_INT(rh_xml_sniff(tcx, strlen(tcx)), RH_FMT_TCX);
}

static void test_encodings(void)
{
    /* windows-1252 (0x80 is the euro sign), Latin-1, and an unknown one */
    const char *cp = "<?xml version=\"1.0\" encoding=\"Windows-1252\"?>"
                     "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>\x80 5\xe9</name>"
                     "<trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>";
    const char *l1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                     "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>\xe9</name>"
                     "<trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>";
    const char *bad = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><gpx/>";
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_gpx(cp, &a, &w, &e), 0);
    CHECK_STR(a.name, "\xe2\x82\xac 5\xc3\xa9");
    rh_activity_release(&a);
    CHECK_INT(rh_xml_sniff(cp, strlen(cp)), RH_FMT_GPX);
    CHECK_INT(dec_gpx(l1, &a, &w, &e), 0);
    CHECK_STR(a.name, "\xc3\xa9");
    rh_activity_release(&a);
    CHECK_INT(dec_gpx(bad, &a, &w, &e), RH_ESYNTAX);
    CHECK(strstr(e.msg, "encoding") != NULL);
    rh_activity_release(&a);
}

static void test_malformed_line(void)
{
    const char *doc = "<?xml version=\"1.0\"?>\n<gpx xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
                      "<trk><trkseg>\n<trkpt lat=\"1\" lon=\"2\"></trkseg>\n</trk></gpx>\n";
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_gpx(doc, &a, &w, &e), RH_ESYNTAX);
    CHECK_INT(e.line, 4);
    CHECK(strstr(e.msg, "mismatched tag") != NULL);
    rh_activity_release(&a);
    /* an unbound prefix is an error, not a guess */
    CHECK_INT(dec_gpx("<g:gpx><g:trk/></g:gpx>", &a, &w, &e), RH_ESYNTAX);
    rh_activity_release(&a);
}

static void test_no_points(void)
{
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_gpx("<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><metadata><time>"
                      "2020-01-01T00:00:00Z</time></metadata><trk><trkseg/></trk></gpx>",
                      &a, &w, &e),
              RH_EEMPTY);
    CHECK_STR(e.msg, "this file holds no recorded track, there is nothing to import: routes and "
                     "waypoints are plans, not recordings, and are not read (for a bug report: "
                     "tracks in it: 1)");
    rh_activity_release(&a);
}

static void test_truncated(void)
{
    const char *doc = "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>" TWO_PTS(
        "", "2020-01-01T10:00:00Z", "2020-01-01T10:00:10Z") "<trkpt lat=\"45.002\" lo";
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_gpx(doc, &a, &w, &e), 0);
    CHECK_INT(w.code, RH_ETRUNC);
    CHECK_INT(a.n_records, 2);
    rh_activity_release(&a);
    CHECK_INT(dec_gpx("<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg><trkpt",
                      &a, &w, &e),
              RH_ETRUNC);
    rh_activity_release(&a);
}

static void test_overlong_text(void)
{
    /* 8 MB of junk in an element we read fails at the text cap; the same
     * junk in an element we skip streams through */
    size_t junk = 8u << 20;
    const char *head = "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
                       "<trkpt lat=\"45\" lon=\"6\"><ele>";
    const char *mid = "</ele></trkpt><trkpt lat=\"45\" lon=\"6\"><desc>";
    const char *tail = "</desc></trkpt></trkseg></trk></gpx>";
    size_t hl = strlen(head), ml = strlen(mid), tl = strlen(tail);
    char *doc = malloc(hl + junk + ml + junk + tl + 1);
    memcpy(doc, head, hl);
    memset(doc + hl, '7', junk);
    memcpy(doc + hl + junk, mid, ml);
    memset(doc + hl + junk + ml, 'x', junk);
    memcpy(doc + hl + junk + ml + junk, tail, tl + 1);
    struct rh_activity a;
    struct rh_err w, e;
    rh_activity_init(&a);
    CHECK_INT(rh_gpx_decode(doc, strlen(doc), &a, &w, &e), RH_ELIMIT);
    CHECK(strstr(e.msg, "longer than") != NULL);
    rh_activity_release(&a);
    /* only the skipped one */
    memset(doc + hl, ' ', junk);
    rh_activity_init(&a);
    CHECK_INT(rh_gpx_decode(doc, strlen(doc), &a, &w, &e), RH_ELIMIT); /* blanks count too */
    rh_activity_release(&a);
    char *doc2 = malloc(hl + ml + junk + tl + 1);
    memcpy(doc2, head, hl);
    memcpy(doc2 + hl, mid, ml);
    memset(doc2 + hl + ml, 'x', junk);
    memcpy(doc2 + hl + ml + junk, tail, tl + 1);
    rh_activity_init(&a);
    CHECK_INT(rh_gpx_decode(doc2, strlen(doc2), &a, &w, &e), 0);
    CHECK_INT(a.n_records, 2);
    rh_activity_release(&a);
    /* a 40 MB attribute value needs more than expat's cap */
    size_t big = 40u << 20;
    char *doc3 = malloc(big + 200);
    int n = snprintf(doc3, 200, "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" creator=\"");
    memset(doc3 + n, 'c', big);
    snprintf(doc3 + n + big, 100, "\"/>");
    rh_activity_init(&a);
    CHECK_INT(rh_gpx_decode(doc3, strlen(doc3), &a, &w, &e), RH_ELIMIT);
    rh_activity_release(&a);
    free(doc);
    free(doc2);
    free(doc3);
    /* a 2 GB text node fed in 1 MB pieces: refused at the first piece */
    size_t piece = 1u << 20;
    char *junk_piece = malloc(piece);
    memset(junk_piece, 'j', piece);
    struct rh_xml_reader *r;
    rh_activity_init(&a);
    CHECK_INT(rh_xml_reader_new(&r, RH_FMT_GPX, &a), 0);
    const char *open_name = "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>";
    CHECK_INT(rh_xml_reader_feed(r, open_name, strlen(open_name), &e), 0);
    int fed = 0, rc = 0;
    for (; fed < 2048 && rc == 0; fed++)
        rc = rh_xml_reader_feed(r, junk_piece, piece, &e);
    CHECK_INT(rc, RH_ELIMIT);
    CHECK_INT(fed, 1);
    CHECK_INT(rh_xml_reader_feed(r, "x", 1, &e), RH_ELIMIT); /* stays stopped */
    CHECK(rh_xml_reader_finish(r, &w, &e) < 0);
    rh_xml_reader_free(r);
    rh_activity_release(&a);
    free(junk_piece);
}

static void test_chunked_feed(void)
{
    /* the push reader gives the same answer for any split, down to one byte */
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/gpx/sportslib_20171008_run_2067489619.gpx",
             RH_SHARED);
    size_t len;
    char *buf = test_slurp(path, &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    struct rh_activity whole, part;
    struct rh_err w, e;
    rh_activity_init(&whole);
    CHECK_INT(rh_gpx_decode(buf, len, &whole, &w, &e), 0);
    size_t steps[] = {1, 7, 4096};
    for (size_t s = 0; s < 3; s++) {
        struct rh_xml_reader *r;
        rh_activity_init(&part);
        CHECK_INT(rh_xml_reader_new(&r, RH_FMT_NONE, &part), 0);
        for (size_t off = 0; off < len; off += steps[s]) {
            size_t n = len - off < steps[s] ? len - off : steps[s];
            if (rh_xml_reader_feed(r, buf + off, n, &e)) {
                CHECK(0);
                break;
            }
        }
        CHECK_INT(rh_xml_reader_finish(r, &w, &e), 0);
        rh_xml_reader_free(r);
        CHECK_INT(part.format, RH_FMT_GPX);
        CHECK_INT(part.n_records, whole.n_records);
        CHECK_NEAR(part.total_distance_m, whole.total_distance_m, 1e-9);
        CHECK_NEAR(part.avg_hr, whole.avg_hr, 1e-9);
        CHECK_INT(part.n_splits, whole.n_splits);
        rh_activity_release(&part);
    }
    rh_activity_release(&whole);
    free(buf);
}

#define TCX_HEAD                                                                                   \
    "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" " \
    "xmlns:ax=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">"

static const char tcx_two_laps[] =
    TCX_HEAD "<Activities><Activity Sport=\"Running\"><Id>2020-01-01T09:59:59Z</Id>"
             "<Lap StartTime=\"2020-01-01T10:00:00Z\"><TotalTimeSeconds>100</TotalTimeSeconds>"
             "<DistanceMeters>300</DistanceMeters>"
             "<AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>"
             "<MaximumHeartRateBpm><Value>150</Value></MaximumHeartRateBpm>"
             "<Track><Trackpoint><Time>2020-01-01T10:00:00Z</Time>"
             "<Position><LatitudeDegrees>45</LatitudeDegrees><LongitudeDegrees>6</LongitudeDegrees>"
             "</Position><DistanceMeters>0</DistanceMeters><HeartRateBpm><Value>100</Value>"
             "</HeartRateBpm><Extensions><ax:TPX><ax:RunCadence>80</ax:RunCadence></ax:TPX>"
             "</Extensions></Trackpoint>"
             "<Trackpoint><Time>2020-01-01T10:01:40Z</Time><DistanceMeters>300</DistanceMeters>"
             "</Trackpoint></Track>"
             "<Extensions><ax:LX><ax:AvgRunCadence>85</ax:AvgRunCadence></ax:LX></Extensions>"
             "</Lap><Lap StartTime=\"2020-01-01T10:01:40Z\"><TotalTimeSeconds>300"
             "</TotalTimeSeconds><DistanceMeters>700</DistanceMeters>"
             "<AverageHeartRateBpm><Value>160</Value></AverageHeartRateBpm>"
             "<MaximumHeartRateBpm><Value>170</Value></MaximumHeartRateBpm>"
             "<Track><Trackpoint><Time>2020-01-01T10:06:50Z</Time></Trackpoint></Track>"
             "<Extensions><ax:LX><ax:AvgRunCadence>89</ax:AvgRunCadence></ax:LX></Extensions>"
             "</Lap><Creator><Name>Watch X</Name></Creator></Activity></Activities>"
             "</TrainingCenterDatabase>";

static void test_tcx_laps(void)
{
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_tcx(tcx_two_laps, &a, &w, &e), 0);
    CHECK_INT(a.format, RH_FMT_TCX);
    CHECK_INT(a.sport, RH_SPORT_RUNNING);
    CHECK_INT(a.start_utc, 1577872800); /* the lap's start, not the Id */
    CHECK_NEAR(a.total_timer_s, 400, 1e-9);
    CHECK_NEAR(a.total_distance_m, 1000, 1e-9);
    CHECK_NEAR(a.total_elapsed_s, 410, 1e-9);
    CHECK_NEAR(a.avg_hr, (140 * 100 + 160 * 300) / 400.0, 1e-9);
    CHECK_NEAR(a.max_hr, 170, 1e-9);
    CHECK_NEAR(a.avg_cadence_spm, 2 * (85 * 100 + 89 * 300) / 400.0, 1e-9);
    CHECK_INT(a.n_records, 3); /* with or without Position */
    CHECK(a.has_gps);
    CHECK_STR(a.device, "Watch X");
    rh_activity_release(&a);
}

static void test_reader_api(void)
{
    struct rh_xml_reader *r;
    struct rh_activity a;
    struct rh_err w, e;
    rh_activity_init(&a);
    CHECK_INT(rh_xml_reader_new(&r, RH_FMT_FIT, &a), RH_EINVAL);
    CHECK_INT(rh_xml_reader_new(&r, RH_FMT_TCX, NULL), RH_EINVAL);
    /* RH_FMT_NONE: the root decides */
    CHECK_INT(rh_xml_reader_new(&r, RH_FMT_NONE, &a), 0);
    CHECK_INT(rh_xml_reader_feed(r, tcx_two_laps, strlen(tcx_two_laps), &e), 0);
    CHECK_INT(rh_xml_reader_finish(r, &w, &e), 0);
    CHECK_INT(rh_xml_reader_finish(r, &w, &e), RH_EINVAL); /* only once */
    rh_xml_reader_free(r);
    rh_xml_reader_free(NULL);
    CHECK_INT(a.format, RH_FMT_TCX);
    CHECK_INT(a.n_records, 3);
    rh_activity_release(&a);
    /* the sniffer looks at the first 4 KB only */
    char doc[6000];
    int n = snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?><!--");
    memset(doc + n, '-', 5000);
    snprintf(doc + n + 5000, 200, "-><gpx xmlns=\"http://www.topografix.com/GPX/1/1\"/>");
    CHECK_INT(rh_xml_sniff(doc, strlen(doc)), RH_FMT_NONE);
    CHECK_INT(rh_xml_sniff(doc + n + 5002, strlen(doc + n + 5002)), RH_FMT_GPX);
}

static void test_tcx_course_and_empty(void)
{
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_tcx(TCX_HEAD "<Courses><Course><Name>c</Name><Track><Trackpoint><Time>"
                               "2020-01-01T10:00:00Z</Time></Trackpoint></Track></Course>"
                               "</Courses></TrainingCenterDatabase>",
                      &a, &w, &e),
              RH_EFORMAT);
    CHECK_STR(e.msg, "this is a planned route (a course), not a recording of an outing: there "
                     "is nothing to import");
    rh_activity_release(&a);
    CHECK_INT(dec_tcx(TCX_HEAD "<Activities/></TrainingCenterDatabase>", &a, &w, &e),
              RH_EEMPTY);
    CHECK_STR(e.msg, "this TCX file holds no recorded activity: there is nothing to import");
    rh_activity_release(&a);
}

static void test_tcx_multi_and_trackpoint_cadence(void)
{
    /* two activities are summed; trackpoint cadence when laps have none */
    const char *doc =
        TCX_HEAD "<Activities>"
                 "<Activity Sport=\"Running\"><Id>2020-01-01T10:00:00Z</Id><Lap "
                 "StartTime=\"2020-01-01T10:00:00Z\"><TotalTimeSeconds>60</TotalTimeSeconds>"
                 "<DistanceMeters>200</DistanceMeters><Track><Trackpoint><Time>"
                 "2020-01-01T10:00:00Z</Time><HeartRateBpm><Value>120</Value></HeartRateBpm>"
                 "<Cadence>80</Cadence></Trackpoint></Track></Lap></Activity>"
                 "<Activity Sport=\"Running\"><Id>2020-01-01T11:00:00Z</Id><Lap "
                 "StartTime=\"2020-01-01T11:00:00Z\"><TotalTimeSeconds>40</TotalTimeSeconds>"
                 "<DistanceMeters>100</DistanceMeters><Track><Trackpoint><Time>"
                 "2020-01-01T11:00:00Z</Time><HeartRateBpm><Value>140</Value></HeartRateBpm>"
                 "<Extensions><ax:TPX><ax:RunCadence>90</ax:RunCadence></ax:TPX></Extensions>"
                 "</Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>";
    struct rh_activity a;
    struct rh_err w, e;
    CHECK_INT(dec_tcx(doc, &a, &w, &e), 0);
    CHECK_NEAR(a.total_timer_s, 100, 1e-9);
    CHECK_NEAR(a.total_distance_m, 300, 1e-9);
    CHECK_NEAR(a.avg_hr, 130, 1e-9);
    CHECK_NEAR(a.avg_cadence_spm, 170, 1e-9);
    CHECK_NEAR(a.total_elapsed_s, 3600, 1e-9);
    CHECK_INT(a.n_records, 2);
    CHECK(!a.has_gps);
    rh_activity_release(&a);
}

static void test_tcx_truncated(void)
{
    size_t n = strlen(tcx_two_laps);
    char *cut = strndup(tcx_two_laps, n * 2 / 3);
    struct rh_activity a;
    struct rh_err w, e;
    rh_activity_init(&a);
    CHECK_INT(rh_tcx_decode(cut, strlen(cut), &a, &w, &e), 0);
    CHECK_INT(w.code, RH_ETRUNC);
    CHECK_INT(a.n_records, 2);
    CHECK(!rh_has(a.total_timer_s)); /* lap totals are not trusted */
    CHECK_NEAR(a.total_distance_m, 300, 1e-9); /* the trackpoints' distance */
    rh_activity_release(&a);
    free(cut);
}

static void test_alloc_failures(void)
{
    /* every allocation failing in turn gives an error, never a crash/leak */
    int fails = 0;
    for (long i = 1; i < 400; i++) {
        struct rh_activity a;
        struct rh_err w, e;
        rh_activity_init(&a);
        rh_alloc_fail_after(i);
        int rc = rh_tcx_decode(tcx_two_laps, strlen(tcx_two_laps), &a, &w, &e);
        long made = rh_alloc_fail_after(0);
        rh_activity_release(&a);
        if (rc == 0 && made < i)
            break; /* ran to the end without reaching the failure */
        if (rc != 0) {
            fails++;
            if (!(rc == RH_ENOMEM || rc == RH_ELIMIT))
                fprintf(stderr, "fail at %ld: rc %d %s\n", i, rc, e.msg);
            CHECK(rc == RH_ENOMEM || rc == RH_ELIMIT);
            CHECK(e.msg[0] != '\0');
        }
    }
    CHECK(fails > 3);
}

/* ---- GPS jumps ----------------------------------------------------------- */

/* A GPX typed `type` written at test time: n fixes 10 s apart going north
 * at mps, fixes glitch .. glitch + count - 1 (if glitch >= 0) 0.18 degrees
 * (20 km) east of the line. */
static char *gps_doc_n(const char *type, int n, double mps, int glitch, int count)
{
    struct rh_buf b;
    rh_buf_init(&b, 1u << 24);
    bool ok = rh_buf_printf(&b, "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\" "
                                "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>%s</type>"
                                "<trkseg>", type) == 0;
    for (int i = 0; i < n; i++) {
        double lat = 45.0 + i * 10.0 * mps / 111195.08;
        double lon = 6.0 + (glitch >= 0 && i >= glitch && i < glitch + count ? 0.18 * 1.41421356 : 0.0);
        ok = ok && rh_buf_printf(&b, "<trkpt lat=\"%.7f\" lon=\"%.7f\"><time>2024-05-01T07:"
                                     "%02d:%02dZ</time></trkpt>", lat, lon, i * 10 / 60,
                                 i * 10 % 60) == 0;
    }
    ok = ok && rh_buf_printf(&b, "</trkseg></trk></gpx>") == 0 && rh_buf_append(&b, "", 1) == 0;
    CHECK(ok);
    return ok ? (char *)rh_buf_take(&b) : NULL;
}

static char *gps_doc(const char *type, int n, double mps, int glitch)
{
    return gps_doc_n(type, n, mps, glitch, 1);
}

/* Two wrong fixes in a row (a glitch pair: two positions 20 km off that
 * agree with each other) in the middle of a run: the track once went on
 * from them (and dropped its good point), as for a glitch at the start.
 * Against a confirmed position two are not enough: the distance and the
 * track stay on the line. */
static void test_gps_glitch_pair(void)
{
    const int n = 271;
    char *doc = gps_doc_n("running", n, 3.0, 135, 2);
    struct rh_activity a;
    struct rh_err w = {0}, e = {0};
    CHECK_INT(dec_gpx(doc, &a, &w, &e), 0);
    CHECK_NEAR(a.total_distance_m, 8100.0, 2.0);
    for (size_t i = 0; i < a.n_track; i++)
        CHECK(a.track[i].lon_e7 == 60000000);
    CHECK_INT(a.sport, RH_SPORT_RUNNING);
    rh_activity_release(&a);
    rh_free(doc);
}

/* One position 20 km off in a 45-minute run at 3 m/s (8.1 km) once made
 * runhip store a 34 km cycling ride. The jump is not counted, wherever it
 * is (first fix, middle, last), and the file's own sport stays. */
static void test_gps_jump_skipped(void)
{
    struct rh_infer_rules rules;
    CHECK_INT(rh_infer_rules_default(&rules, NULL), 0);
    const int n = 271; /* 270 intervals of 30 m: 8100 m */
    const int where[] = {-1, 0, 1, 135, n - 1};
    for (size_t k = 0; k < sizeof where / sizeof where[0]; k++) {
        char *doc = gps_doc("running", n, 3.0, where[k]);
        struct rh_activity a;
        struct rh_err w = {0}, e = {0};
        CHECK_INT(dec_gpx(doc, &a, &w, &e), 0);
        /* a skipped first or last fix loses its 30 m, no more */
        double want = where[k] == 0 || where[k] == n - 1 ? 8070.0 : 8100.0;
        if (where[k] > 0 && where[k] < n - 1)
            want = 8100.0; /* a middle fix: the line goes on straight */
        CHECK_NEAR(a.total_distance_m, want, 2.0);
        CHECK_INT(a.sport, RH_SPORT_RUNNING);
        CHECK_INT(rh_activity_infer_sport(&a, &rules), RH_INFER_NONE);
        CHECK_INT(a.sport, RH_SPORT_RUNNING);
        CHECK_INT(a.sport_source, RH_SPORT_SRC_FILE);
        /* the track stays on the line */
        for (size_t i = 0; i < a.n_track; i++)
            CHECK(a.track[i].lon_e7 == 60000000);
        rh_activity_release(&a);
        rh_free(doc);
    }
    /* a real ride typed cycling at 8 m/s keeps its distance and sport,
     * and its 20 km jump is skipped too */
    for (int g = -1; g <= 100; g += 101) {
        char *doc = gps_doc("cycling", 271, 8.0, g);
        struct rh_activity a;
        struct rh_err w = {0}, e = {0};
        CHECK_INT(dec_gpx(doc, &a, &w, &e), 0);
        CHECK_NEAR(a.total_distance_m, 21600.0, 5.0);
        CHECK_INT(a.sport, RH_SPORT_CYCLING);
        rh_activity_release(&a);
        rh_free(doc);
    }
    /* 12 m/s is a sprint, not a glitch: a fast untyped or running file is
     * counted whole (and a running file that fast for 45 minutes is then
     * corrected, as before) */
    char *doc = gps_doc("running", 271, 12.0, -1);
    struct rh_activity a;
    struct rh_err w = {0}, e = {0};
    CHECK_INT(dec_gpx(doc, &a, &w, &e), 0);
    CHECK_NEAR(a.total_distance_m, 32400.0, 5.0);
    CHECK_INT(rh_activity_infer_sport(&a, &rules), RH_INFER_CORRECTED);
    CHECK_INT(a.sport, RH_SPORT_CYCLING);
    rh_activity_release(&a);
    rh_free(doc);
}

static void test_numbers_and_times(void)
{
    double v;
    CHECK(rh__xml_num(" -12.5 ", &v) && v == -12.5);
    CHECK(rh__xml_num("45.20987707190215587615966796875", &v) &&
          fabs(v - 45.20987707190215587615966796875) < 1e-12);
    CHECK(rh__xml_num("1e3", &v) && v == 1000);
    CHECK(rh__xml_num(".5", &v) && v == 0.5);
    CHECK(!rh__xml_num("", &v));
    CHECK(!rh__xml_num("1.2.3", &v));
    CHECK(!rh__xml_num("nan", &v));
    CHECK(!rh__xml_num("1e999", &v));
    CHECK(rh__xml_time("2014-01-16T18:48:44.340Z", &v));
    CHECK_NEAR(v, 1389898124.34, 1e-6);
    CHECK(rh__xml_time("2014-01-16T19:48:44+01:00", &v) && v == 1389898124);
    CHECK(rh__xml_time("1901-12-13T20:45:52.2073437Z", &v));
    CHECK_NEAR(v, -2147483647.7926563, 1e-6);
    CHECK(!rh__xml_time("2014-13-16T18:48:44Z", &v));
    CHECK(!rh__xml_time("yesterday", &v));
}


/* ---- corpus files changed in memory (the corpus is read in place) ------- */

static char *find_bytes(char *hay, size_t n, const char *needle, size_t nn)
{
    for (size_t i = 0; i + nn <= n; i++)
        if (memcmp(hay + i, needle, nn) == 0)
            return hay + i;
    return NULL;
}

/* The corpus file rel with every `from` replaced by `to`, in a new buffer
 * (free); NULL when the file cannot be read. */
static char *corpus_replaced(const char *rel, const char *from, const char *to, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", RH_SHARED, rel);
    size_t n;
    char *buf = test_slurp(path, &n);
    if (!buf)
        return NULL;
    size_t nf = strlen(from), nt = strlen(to), count = 0;
    for (char *q = buf; (q = find_bytes(q, n - (size_t)(q - buf), from, nf)); q += nf)
        count++;
    char *out = malloc(n + count * (nt > nf ? nt - nf : 0) + 1);
    if (!out) {
        free(buf);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (i + nf <= n && memcmp(buf + i, from, nf) == 0) {
            memcpy(out + o, to, nt);
            o += nt;
            i += nf;
        } else {
            out[o++] = buf[i++];
        }
    }
    out[o] = 0;
    free(buf);
    *len = o;
    return out;
}

/* A GPX or TCX written in local time with its zone (-05:00) is stored on
 * the runner's local day with that offset: 18:29 on the 24th, not the UTC
 * 23:29, nor the next day. Before, the offset was dropped and the run of
 * togeojson_run.gpx moved to 2012-10-25 once its times said -05:00. */
static void test_local_times_keep_their_offset(void)
{
    size_t len;
    char *g = corpus_replaced("gpx/togeojson_run.gpx", ".000Z</time>", "-05:00</time>", &len);
    CHECK(g != NULL);
    if (!g)
        return;
    struct rh_activity a;
    struct rh_err w, e;
    rh_activity_init(&a);
    CHECK_INT(rh_gpx_decode(g, len, &a, &w, &e), 0);
    free(g);
    CHECK_INT(a.start_utc, 1351139380); /* 2012-10-24T23:29:40-05:00 = 2012-10-25T04:29:40Z */
    CHECK(a.has_offset);
    CHECK_INT(a.utc_offset_min, -300);
    int32_t day;
    CHECK_INT(rh_date_parse("2012-10-24", &day), 0);
    CHECK_INT(rh_activity_local_day(&a), day);
    rh_activity_release(&a);

    /* Z and +00:00 say nothing of where the runner was: no offset */
    g = corpus_replaced("gpx/togeojson_run.gpx", ".000Z</time>", "+00:00</time>", &len);
    CHECK(g != NULL);
    if (!g)
        return;
    rh_activity_init(&a);
    CHECK_INT(rh_gpx_decode(g, len, &a, &w, &e), 0);
    free(g);
    CHECK(!a.has_offset);
    rh_activity_release(&a);

    /* TCX: the lap's StartTime and the trackpoints alike */
    char *t = corpus_replaced("tcx/tcxparser_test.tcx", "Z<", "+09:30<", &len);
    CHECK(t != NULL);
    if (!t)
        return;
    char *t2 = t; /* the StartTime attributes end in Z" */
    size_t len2 = len;
    for (char *q = t2; (q = find_bytes(q, len2 - (size_t)(q - t2), "Z\"", 2)); q += 2)
        *q = ' '; /* a bare time: UTC, no offset of its own */
    rh_activity_init(&a);
    CHECK_INT(rh_tcx_decode(t2, len2, &a, &w, &e), 0);
    free(t);
    CHECK(a.has_offset);
    CHECK_INT(a.utc_offset_min, 570);
    rh_activity_release(&a);
}

/* Times that run backwards from the first point to the last (a reversed
 * track) span the same outing: before, togeojson_run.gpx with its times
 * reversed was stored with -948 s elapsed, starting at its end. */
static void test_times_backwards(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/gpx/togeojson_run.gpx", RH_SHARED);
    size_t n;
    char *buf = test_slurp(path, &n);
    CHECK(buf != NULL);
    if (!buf)
        return;
    /* collect the trackpoint times (each "<time>...</time>" after the
     * metadata's), then write them back in reverse order, same length */
    enum { MAXT = 512 };
    char *at[MAXT];
    size_t k = 0;
    const char *trk = strstr(buf, "<trk>");
    CHECK(trk != NULL);
    for (char *q = (char *)trk; k < MAXT && (q = strstr(q, "<time>")); q += 6)
        at[k++] = q + 6;
    CHECK(k == 206);
    size_t tl = (size_t)(strchr(at[0], '<') - at[0]);
    char(*copy)[40] = calloc(k, sizeof *copy);
    for (size_t i = 0; i < k; i++)
        memcpy(copy[i], at[i], tl);
    for (size_t i = 0; i < k; i++)
        memcpy(at[i], copy[k - 1 - i], tl);
    free(copy);
    struct rh_activity a;
    struct rh_err w, e;
    rh_activity_init(&a);
    CHECK_INT(rh_gpx_decode(buf, n, &a, &w, &e), 0);
    free(buf);
    CHECK_INT(a.start_utc, 1351121380); /* 2012-10-24T23:29:40Z, as forwards */
    CHECK_NEAR(a.total_elapsed_s, 948, 1e-9);
    CHECK_NEAR(a.total_distance_m, 3098.534, 0.01);
    for (size_t i = 0; i < a.n_splits; i++)
        CHECK(!rh_has(a.splits[i].time_s) || a.splits[i].time_s >= 0);
    rh_activity_release(&a);
}

/* The outings of a GPX's tracks (RH_OUTING_GAP_S, runhip/xml.h): a new one
 * at a different type or after more than an hour; a track without a type,
 * or an hour exactly, keeps the outing before. Then each read alone. */
static const char *outing_trk(char *out, size_t cap, const char *type, const char *t0,
                              const char *t1)
{
    char ty[64] = "";
    if (type)
        snprintf(ty, sizeof ty, "<type>%s</type>", type);
    snprintf(out, cap,
             "<trk>%s<trkseg><trkpt lat=\"45.0\" lon=\"5.0\"><time>2020-01-01T%sZ</time>"
             "</trkpt><trkpt lat=\"45.01\" lon=\"5.0\"><time>2020-01-01T%sZ</time></trkpt>"
             "</trkseg></trk>",
             ty, t0, t1);
    return out;
}

static void test_gpx_outings(void)
{
    static const struct {
        const char *type[4], *t0[4], *t1[4];
        int n_trk, n_parts;
        int of[4];
    } cases[] = {
        /* one run cut in two, 10 minutes apart: one outing */
        {{"running", "running"}, {"10:00:00", "10:40:00"}, {"10:30:00", "11:00:00"}, 2, 1, {0, 0}},
        /* an hour exactly between them: still one */
        {{"running", NULL}, {"10:00:00", "11:30:00"}, {"10:30:00", "12:00:00"}, 2, 1, {0, 0}},
        /* an hour and a second: two */
        {{"running", "running"}, {"10:00:00", "11:30:01"}, {"10:30:00", "12:00:00"}, 2, 2, {0, 1}},
        /* a ride then a run straight after (a brick): two */
        {{"cycling", "running"}, {"10:00:00", "11:00:05"}, {"11:00:00", "11:30:00"}, 2, 2, {0, 1}},
        /* no type keeps the outing: run, untyped, run in the evening */
        {{"running", NULL, "running"}, {"07:00:00", "07:35:00", "18:00:00"},
         {"07:30:00", "07:50:00", "18:40:00"}, 3, 2, {0, 0, 1}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        char doc[4096], trk[512];
        size_t n = (size_t)snprintf(doc, sizeof doc,
                                    "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\">");
        for (int i = 0; i < cases[c].n_trk; i++)
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s",
                                  outing_trk(trk, sizeof trk, cases[c].type[i], cases[c].t0[i],
                                             cases[c].t1[i]));
        snprintf(doc + n, sizeof doc - n, "</gpx>");
        struct rh_xml_parts parts;
        struct rh_activity a;
        struct rh_err w, e;
        rh_activity_init(&a);
        CHECK_INT(rh_xml_decode_part(RH_FMT_GPX, doc, strlen(doc), &parts, -1, &a, &w, &e), 0);
        rh_activity_release(&a);
        CHECK_INT(parts.n, cases[c].n_parts);
        CHECK_INT(parts.n_units, cases[c].n_trk);
        for (int i = 0; i < cases[c].n_trk; i++)
            CHECK_INT(parts.of_unit[i], cases[c].of[i]);
        if (parts.n != 2)
            continue;
        /* each outing alone: its own start, its own points */
        int first2 = 0;
        while (parts.of_unit[first2] == 0)
            first2++;
        for (int k = 0; k < 2; k++) {
            rh_activity_init(&a);
            CHECK_INT(rh_xml_decode_part(RH_FMT_GPX, doc, strlen(doc), &parts, k, &a, &w, &e), 0);
            char want[32];
            snprintf(want, sizeof want, "2020-01-01T%sZ", cases[c].t0[k ? first2 : 0]);
            char got[21];
            rh_time_format_iso(a.start_utc, got);
            CHECK_STR(got, want);
            CHECK_INT(a.n_records, 2 * (k ? cases[c].n_trk - first2 : first2));
            rh_activity_release(&a);
        }
    }
}

/* More outings than RH_XML_OUTINGS_MAX: the later tracks join the last. */
static void test_gpx_outings_capped(void)
{
    char *doc = malloc(64 * 1024), trk[512];
    size_t n = (size_t)snprintf(doc, 64 * 1024, "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\">");
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(doc + n, 64 * 1024 - n, "%s",
                              outing_trk(trk, sizeof trk, i % 2 ? "cycling" : "running",
                                         "10:00:00", "10:10:00"));
    snprintf(doc + n, 64 * 1024 - n, "</gpx>");
    struct rh_xml_parts parts;
    struct rh_activity a;
    struct rh_err w, e;
    rh_activity_init(&a);
    CHECK_INT(rh_xml_decode_part(RH_FMT_GPX, doc, strlen(doc), &parts, -1, &a, &w, &e), 0);
    rh_activity_release(&a);
    CHECK_INT(parts.n, RH_XML_OUTINGS_MAX);
    CHECK_INT(parts.of_unit[39], RH_XML_OUTINGS_MAX - 1);
    free(doc);
}

int main(void)
{
    RUN(test_corpus_refs);
    RUN(test_binary_inputs_refused);
    RUN(test_gpx_odd_prefix);
    RUN(test_gpx_default_ns_and_wrong_prefix_ns);
    RUN(test_gpx10);
    RUN(test_gpx_extensions_v1_v2);
    RUN(test_gpx_sport_words);
    RUN(test_wrong_root_and_not_xml);
    RUN(test_encodings);
    RUN(test_malformed_line);
    RUN(test_no_points);
    RUN(test_truncated);
    RUN(test_overlong_text);
    RUN(test_chunked_feed);
    RUN(test_tcx_laps);
    RUN(test_reader_api);
    RUN(test_tcx_course_and_empty);
    RUN(test_tcx_multi_and_trackpoint_cadence);
    RUN(test_tcx_truncated);
    RUN(test_alloc_failures);
    RUN(test_numbers_and_times);
    RUN(test_gps_jump_skipped);
    RUN(test_gps_glitch_pair);
    RUN(test_local_times_keep_their_offset);
    RUN(test_times_backwards);
    RUN(test_gpx_outings);
    RUN(test_gpx_outings_capped);
    return TEST_END();
}
