/* SPDX-License-Identifier: MIT */
/* words25: what the decoders and the importer tell a runner about a file
 * are data/wording.txt [file_words], texts with named holes checked against
 * the library's own table (rh_file_words_keys). Each message is checked
 * whole, as `runhip import` says it, on a real bad file: the corpus's bad
 * files read in place (corpus/bad), or one made from a corpus file in a
 * temporary folder (cut, damaged, emptied) where the bad set has none of
 * its kind. The terminal's line and --json's "message" carry the same text
 * (the program run on the bad files), and no message speaks of the
 * decoder's insides (a CRC, a local message type, an architecture byte, a
 * chained file's index, expat's "XML error"). */
#include <jansson.h>
#include <sys/wait.h>

#include "harness.h"
#include "named_table_check.h"
#include "runhip/import.h"
#include "runhip/store.h"
#include "runhip/text.h"

#define BAD RH_SHARED "/corpus/bad/"
#define CORPUS RH_SHARED "/corpus/"

/* The section fits the library's table; a hole dropped or added is refused
 * naming the key; no text is lost. */
static void test_table_checks_the_section(void)
{
    size_t n = 0;
    const struct rh_words_named *all = rh_file_words_keys(&n);
    CHECK(all != NULL && n > 40 && n <= 200);
    check_named_table("file_words", all, n, 10);
}

/* What an import said of each source: its status and its message, as
 * --json's "message" carries it (a failure's error, a stored one's
 * warning). */
struct said {
    int n;
    int status[16];
    char msg[16][1400];
};

static void on_result(void *ctx, const struct rh_import_result *r)
{
    struct said *s = ctx;
    if (s->n >= 16)
        return;
    int i = s->n++;
    s->status[i] = (int)r->status;
    s->msg[i][0] = '\0';
    if (r->status == RH_IMPORT_FAILED) {
        snprintf(s->msg[i], sizeof s->msg[i], "%s", r->err ? r->err->msg : "");
    } else if (r->status == RH_IMPORT_STORED) {
        const char *w = rh_import_result_warning(r, s->msg[i], sizeof s->msg[i]);
        if (!w)
            s->msg[i][0] = '\0';
        else if (!r->part_kind) /* the terminal's words are the same */
            CHECK_STR(r->warn->msg, s->msg[i]);
    }
}

static int32_t today; /* the runner's today for the import */

/* Imports path into a new store; *said holds what was said. */
static void import_one(const char *path, struct said *s)
{
    char db[700];
    snprintf(db, sizeof db, "%s/w.db", test_tmpdir());
    struct rh_store *st = NULL;
    struct rh_err e;
    rh_err_clear(&e);
    memset(s, 0, sizeof *s);
    CHECK_INT(rh_store_open(db, 0, &st, &e), 0);
    if (!st)
        return;
    struct rh_import_opts o = {st, 1, on_result, NULL, false, s, today, NULL, NULL};
    struct rh_import_stats stats;
    CHECK_INT(rh_import_run(&path, 1, &o, &stats, &e), 0);
    rh_store_close(st);
}

/* No message speaks of the decoder's insides. */
static void plain(const char *msg)
{
    static const char *const inside[] = {"CRC",          "local message", "architecture",
                                         "FIT file 1",   "FIT file 2",    "XML error",
                                         "decoded clean", "export.xml\"", "member "};
    for (size_t i = 0; i < sizeof inside / sizeof *inside; i++)
        if (strstr(msg, inside[i])) {
            printf("  '%s' in: %s\n", inside[i], msg);
            CHECK(!strstr(msg, inside[i]));
        }
}

/* path is said as want (status and message whole). */
static void says(const char *path, int status, const char *want)
{
    struct said s;
    import_one(path, &s);
    CHECK_INT(s.n, 1);
    if (s.n < 1)
        return;
    if (s.status[0] != status || strcmp(s.msg[0], want) != 0)
        printf("  %s\n", path);
    CHECK_INT(s.status[0], status);
    CHECK_STR(s.msg[0], want);
    plain(s.msg[0]);
}

#define CUT_KEPT "what was recorded before is kept"

static void test_bad_corpus_in_a_runners_words(void)
{
    today = rh_days_from_civil(2099, 1, 1);
    says(BAD "derived_badcrc_fitparse_garmin-fenix-5-run.fit", RH_IMPORT_STORED,
         "the file does not pass its own integrity check: all of the recording was read and "
         "kept, but some of its values may be wrong; check that its time and distance look "
         "right among your activities (for a bug report: the file checksum does not match, at "
         "byte 5595)");
    says(BAD "derived_empty.fit", RH_IMPORT_FAILED,
         "the file is empty, there is nothing in it to import: copy or export the activity "
         "again from your watch or its app");
    says(BAD "derived_trunc50_tcxparser_test.tcx", RH_IMPORT_STORED,
         "the file is cut off before its end: the recording stops 15 minutes in; " CUT_KEPT
         " (for a bug report: it ends inside an open element, at line 2332)");
    says(BAD "derived_trunc60_sportslib_20171011_run_2088390344.fit", RH_IMPORT_STORED,
         "the file is cut off before its end: the recording stops 15 minutes in; " CUT_KEPT
         " (for a bug report: the header announces 13814 bytes of data, 8284 are present)");
    says(BAD "derived_trunc70_togeojson_run.gpx", RH_IMPORT_STORED,
         "the file is cut off before its end: the recording stops 10 minutes in; " CUT_KEPT
         " (for a bug report: it ends inside an open element, at line 1309)");
    says(BAD "fitparse_strava-android-app-201.10-b1218918.fit", RH_IMPORT_STORED,
         "the file is cut off before its end: the recording stops 59 minutes in; " CUT_KEPT
         " (for a bug report: the header announces 78236 bytes of data, 78219 are present)");
    says(BAD "gc_MetadataOnly.gpx", RH_IMPORT_FAILED,
         "this file holds no recorded track, there is nothing to import: routes and waypoints "
         "are plans, not recordings, and are not read (for a bug report: tracks in it: 0)");
    says(BAD "gpsbabel_course.tcx", RH_IMPORT_FAILED,
         "this is a planned route (a course), not a recording of an outing: there is nothing "
         "to import");
    says(BAD "gpsbabel_lezyne_super_gps-garmin_fit-sample-bad-endian.fit", RH_IMPORT_STORED,
         "part of the file is damaged and cannot be read: the recording stops 1 h 31 min in; "
         CUT_KEPT " (for a bug report: a definition at byte 22225 gives the byte order 229; "
         "the file checksum does not match, at byte 48409)");
    says(BAD "gpxpy_Mojstrovka.gpx", RH_IMPORT_FAILED,
         "it is dated 1901-12-13: the watch's clock was not set when it was recorded, so it "
         "was not stored");
    says(BAD "muktihari_valid_only_contain_fileid.fit", RH_IMPORT_FAILED,
         "nothing was recorded in it (no time and no distance): it was not stored");
    says(BAD "sportslib_broken.fit", RH_IMPORT_STORED,
         "the watch did not finish writing this file (its battery may have run out, or it was "
         "reset during the outing): the recording stops 38 minutes in; " CUT_KEPT
         " (for a bug report: the header gives a data size of 0)");
    says(BAD "togeojson_unique_trkpt.gpx", RH_IMPORT_FAILED,
         "nothing was recorded in it (no time and no distance): it was not stored");
    /* the good ones of the bad set say nothing */
    says(BAD "derived_gzip_named_fit_gc_10kUNLP2014-Garmin15.fit", RH_IMPORT_STORED, "");
    says(BAD "gc_2012_02_05_09_03_59.fit", RH_IMPORT_STORED, "");
    /* dated after the runner's today */
    today = rh_days_from_civil(2010, 1, 1);
    says(BAD "derived_trunc70_togeojson_run.gpx", RH_IMPORT_FAILED,
         "it is dated 2012-10-24, after today: it was not stored; check the date and time of "
         "your watch");
    today = rh_days_from_civil(2099, 1, 1);
}

/* A new file in dir named name: the first cut bytes of the corpus file
 * from (all of it: cut 0), then more (n bytes) when not NULL. */
static const char *made(const char *dir, const char *name, const char *from, size_t cut,
                        const void *more, size_t n)
{
    static char path[8][700];
    static int k;
    char *p = path[k++ % 8];
    snprintf(p, sizeof path[0], "%s/%s", dir, name);
    FILE *out = fopen(p, "wb");
    CHECK(out != NULL);
    if (!out)
        return p;
    if (from) {
        size_t len = 0;
        char *data = test_slurp(from, &len);
        CHECK(data != NULL);
        if (data)
            fwrite(data, 1, cut && cut < len ? cut : len, out);
        free(data);
    }
    if (more)
        fwrite(more, 1, n, out);
    fclose(out);
    return p;
}

/* Kinds of damage the bad set has none of, made from corpus files. */
static void test_made_from_the_corpus(void)
{
    today = rh_days_from_civil(2099, 1, 1);
    const char *d = test_tmpdir();
    const char *fit = CORPUS "fit/fitparse_activity-small-fenix2-run.fit";
    says(made(d, "head.fit", fit, 13, NULL, 0), RH_IMPORT_FAILED,
         "the file stops after 13 bytes, before anything was recorded in it: there is nothing "
         "to import; copy it again from your watch");
    says(made(d, "tail.fit", fit, 0, "not a recording", 15), RH_IMPORT_STORED,
         "the file ends with 15 bytes that are not part of the recording: they were left out, "
         "and the whole recording before them is kept");
    {
        size_t len = 0;
        unsigned char *data = (unsigned char *)test_slurp(fit, &len);
        CHECK(data && len > 14 && data[0] == 14);
        if (data && len > 14) {
            data[12] ^= 0x5A; /* the header's own check value */
            says(made(d, "header.fit", NULL, 0, data, len), RH_IMPORT_STORED,
                 "the start of the file is damaged: all of the recording was read and kept, but "
                 "some of its values may be wrong; check that its time and distance look right "
                 "among your activities (for a bug report: the header checksum does not match, "
                 "at byte 12)");
        }
        free(data);
    }
    const char *gpx = CORPUS "gpx/togeojson_run.gpx";
    says(made(d, "start.gpx", gpx, 820, NULL, 0), RH_IMPORT_FAILED,
         "the file is cut off before its first recorded point: there is nothing to import; "
         "copy or export it again (for a bug report: it ends inside an open element, at line "
         "14)");
    {
        size_t len = 0;
        char *data = test_slurp(gpx, &len);
        CHECK(data && len > 3000);
        if (data && len > 3000) {
            memcpy(data + 2000, "<<", 2);
            says(made(d, "damaged.gpx", NULL, 0, data, len), RH_IMPORT_FAILED,
                 "the file is damaged where it stops being readable: nothing was imported from "
                 "it; export the activity again from your watch's app (for a bug report: not "
                 "well-formed (invalid token), at line 48, column 15)");
        }
        free(data);
    }
    says(made(d, "notes.txt", NULL, 0, "a run by the river\n", 19), RH_IMPORT_FAILED,
         "runhip cannot read an activity from this file: it reads the files of watches and "
         "their apps (FIT, GPX, TCX, Suunto, Apple Health and Polar)");
    says(made(d, "cut.fit.gz", CORPUS "fit/gc_14582164182.fit.gz", 10, NULL, 0),
         RH_IMPORT_FAILED,
         "the compressed (gzip) file is cut off before anything in it could be unpacked: "
         "download or copy it again");
    says(made(d, "empty.zip", NULL, 0,
              "PK\005\006\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000",
              22),
         RH_IMPORT_FAILED, "the zip archive is empty: it holds no files");
    {
        /* the list's hand-entered run is kept; the file it cuts through,
         * then the archive, are said (libarchive's reason after them) */
        struct said s;
        import_one(made(d, "cut.zip", CORPUS "export/strava_export_dev.zip", 5000, NULL, 0),
                   &s);
        CHECK_INT(s.n, 3);
        static const char *const want[] = {
            "the archive is cut off or damaged at this file, so it cannot be read; download or "
            "copy the archive again (for a bug report: ",
            "the zip archive is damaged after its first 2 files: the rest of it cannot be "
            "read; download or copy it again (for a bug report: "};
        for (int i = 1; i < 3 && i < s.n; i++) {
            CHECK_INT(s.status[i], RH_IMPORT_FAILED);
            CHECK(!strncmp(s.msg[i], want[i - 1], strlen(want[i - 1])));
            plain(s.msg[i]);
        }
    }
    says(made(d, "cut.json", CORPUS "polar/handmade_polar_v24_run.json", 300, NULL, 0),
         RH_IMPORT_FAILED,
         "the Polar file is damaged and cannot be read; download it again from Polar Flow (for "
         "a bug report: '}' expected near end of file)");
    says(CORPUS "no such run.fit", RH_IMPORT_FAILED,
         "there is no such file or folder: check its name and where it is");
}

/* The program says the same words on the terminal and in --json. */
static void test_terminal_and_json_alike(void)
{
    static const char *const files[] = {"derived_trunc60_sportslib_20171011_run_2088390344.fit",
                                        "derived_empty.fit", "gpsbabel_course.tcx",
                                        "derived_badcrc_fitparse_garmin-fenix-5-run.fit",
                                        "muktihari_valid_only_contain_fileid.fit"};
    const char *rh = getenv("RUNHIP");
    const char *d = test_tmpdir();
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char cmd[2000], out[700], err[700];
        snprintf(out, sizeof out, "%s/out%zu", d, i);
        snprintf(err, sizeof err, "%s/err%zu", d, i);
        snprintf(cmd, sizeof cmd,
                 "'%s' --db '%s/t%zu.db' import '%s%s' 2>'%s' >/dev/null; "
                 "'%s' --db '%s/j%zu.db' import --json '%s%s' >'%s' 2>/dev/null",
                 rh && *rh ? rh : "build/san/runhip", d, i, BAD, files[i], err,
                 rh && *rh ? rh : "build/san/runhip", d, i, BAD, files[i], out);
        CHECK(system(cmd) != -1);
        json_error_t je;
        json_t *doc = json_load_file(out, 0, &je);
        CHECK(doc != NULL);
        json_t *r0 = json_array_get(json_object_get(doc, "results"), 0);
        const char *msg = json_string_value(json_object_get(r0, "message"));
        const char *status = json_string_value(json_object_get(r0, "status"));
        CHECK(msg && *msg && status);
        char *term = test_slurp(err, NULL);
        CHECK(term != NULL);
        if (msg && term) {
            char line[1600];
            snprintf(line, sizeof line, "%s%s: %s%s\n", BAD, files[i],
                     status && !strcmp(status, "stored") ? "warning: " : "", msg);
            if (!strstr(term, line))
                printf("  terminal: %s  json: %s\n", term, msg);
            CHECK(strstr(term, line) != NULL);
        }
        free(term);
        json_decref(doc);
    }
}

int main(void)
{
    RUN(test_table_checks_the_section);
    RUN(test_bad_corpus_in_a_runners_words);
    RUN(test_made_from_the_corpus);
    RUN(test_terminal_and_json_alike);
    return TEST_END();
}
