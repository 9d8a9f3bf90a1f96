/* SPDX-License-Identifier: MIT */
/*
 * The Apple Health export.xml reader on its own: the sniffer, the same
 * result whatever the chunks the stream comes in, the records matched to
 * their workout (duplicates once, heart rate 0 dropped, the watch's steps
 * not added to the phone's), offsets, and every bad input's clear error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "runhip/xml.h"

/* A document in memory, handed out in chunks of step bytes. */
struct mem_io {
    const char *doc;
    size_t len, pos, step;
};

static int mem_read(void *ctx, const void **buf, size_t *len, struct rh_err *err)
{
    struct mem_io *m = ctx;
    (void)err;
    size_t n = m->len - m->pos;
    if (n > m->step)
        n = m->step;
    *buf = m->doc + m->pos;
    *len = n;
    m->pos += n;
    return 0;
}

struct got {
    struct rh_activity a[8];
    int n;
    struct rh_err warn;
};

static int keep(void *ctx, struct rh_activity *a, const struct rh_err *warn)
{
    struct got *g = ctx;
    if (warn && warn->code)
        g->warn = *warn;
    if (g->n < 8)
        g->a[g->n++] = *a;
    else
        rh_activity_release(a);
    return 0;
}

static void got_release(struct got *g)
{
    for (int i = 0; i < g->n; i++)
        rh_activity_release(&g->a[i]);
    g->n = 0;
}

static int decode(const char *doc, size_t len, size_t step, struct got *g, struct rh_err *err)
{
    struct mem_io m = {doc, len, 0, step};
    struct rh_stream_io io = {mem_read, NULL, &m};
    struct rh_err warn;
    memset(g, 0, sizeof *g);
    rh_err_clear(err);
    return rh_apple_decode(&io, keep, g, &warn, err);
}

#define W_RUN                                                                                     \
    "<Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"30\" "               \
    "durationUnit=\"min\" sourceName=\"My Watch\" startDate=\"2023-03-05 23:40:00 -0800\" "        \
    "endDate=\"2023-03-06 00:10:00 -0800\">"                                                       \
    "<WorkoutStatistics type=\"HKQuantityTypeIdentifierDistanceWalkingRunning\" "                  \
    "startDate=\"2023-03-05 23:40:00 -0800\" endDate=\"2023-03-06 00:10:00 -0800\" sum=\"5.5\" "   \
    "unit=\"km\"/></Workout>"

#define REC(type, src, s, e, v)                                                                    \
    "<Record type=\"HKQuantityTypeIdentifier" type "\" sourceName=\"" src "\" startDate=\"" s      \
    "\" endDate=\"" e "\" value=\"" v "\"/>\n"

static const char doc_small[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE HealthData [\n<!ELEMENT HealthData ANY>\n]>\n"
    "<HealthData locale=\"en_US\">\n"
    /* inside the run: 150 twice from one source (a duplicate), 160, and a 0 */
    REC("HeartRate", "My Watch", "2023-03-05 23:45:00 -0800", "2023-03-05 23:45:00 -0800", "150")
    REC("HeartRate", "My Watch", "2023-03-05 23:45:00 -0800", "2023-03-05 23:45:00 -0800", "150")
    REC("HeartRate", "Strap", "2023-03-05 23:50:00 -0800", "2023-03-05 23:50:00 -0800", "160")
    REC("HeartRate", "Strap", "2023-03-05 23:51:00 -0800", "2023-03-05 23:51:00 -0800", "0")
    /* outside */
    REC("HeartRate", "My Watch", "2023-03-06 00:20:00 -0800", "2023-03-06 00:20:00 -0800", "70")
    /* steps: the watch's 2 700 in the run; the phone's over the same minutes */
    REC("StepCount", "My Watch", "2023-03-05 23:40:00 -0800", "2023-03-05 23:55:00 -0800", "1300")
    REC("StepCount", "My Watch", "2023-03-05 23:55:00 -0800", "2023-03-06 00:10:00 -0800", "1400")
    REC("StepCount", "Phone", "2023-03-05 23:40:00 -0800", "2023-03-06 00:10:00 -0800", "2600")
    /* partly outside: not counted */
    REC("StepCount", "My Watch", "2023-03-06 00:05:00 -0800", "2023-03-06 00:15:00 -0800", "900")
    W_RUN "\n</HealthData>\n";

static void test_sniff(void)
{
    CHECK(rh_apple_sniff(doc_small, strlen(doc_small)));
    CHECK(rh_apple_sniff("<HealthData locale=\"en\">", 24));
    CHECK(rh_apple_sniff("\xEF\xBB\xBF<!-- c --> <HealthData>", 28));
    CHECK(!rh_apple_sniff("<HealthDataX>", 13));
    CHECK(!rh_apple_sniff("<gpx version=\"1.1\">", 19));
    CHECK(!rh_apple_sniff("", 0));
    CHECK(!rh_apple_sniff("<?xml version", 13));
}

static void test_records_matched_to_the_workout(void)
{
    struct got g;
    struct rh_err err;
    CHECK_INT(decode(doc_small, strlen(doc_small), 1 << 20, &g, &err), 0);
    CHECK_INT(g.n, 1);
    if (g.n != 1)
        return;
    struct rh_activity *a = &g.a[0];
    CHECK_INT(a->format, RH_FMT_APPLE);
    CHECK_INT(a->sport, RH_SPORT_RUNNING);
    CHECK_INT(a->start_utc, 1678088400); /* 2023-03-06T07:40:00Z */
    CHECK(a->has_offset);
    CHECK_INT(a->utc_offset_min, -480);
    CHECK_NEAR(a->total_elapsed_s, 1800, 1e-9);
    CHECK_NEAR(a->total_timer_s, 1800, 1e-9);
    CHECK_NEAR(a->total_distance_m, 5500, 1e-6);
    CHECK_NEAR(a->avg_hr, 155, 1e-9); /* (150 + 160) / 2: the duplicate once, the 0 dropped */
    CHECK_NEAR(a->max_hr, 160, 1e-9);
    CHECK_NEAR(a->avg_cadence_spm, 2700.0 / 30, 1e-9); /* the watch's steps only */
    CHECK(!a->has_gps);
    CHECK(a->content_hash != 0);
    got_release(&g);
}

static void test_chunks_do_not_change_the_result(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/corpus/apple/handmade_ios16/apple_health_export/export.xml",
             RH_SHARED);
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    static char doc[4 << 20];
    size_t len = fread(doc, 1, sizeof doc, f);
    fclose(f);
    struct got whole, bits;
    struct rh_err err;
    CHECK_INT(decode(doc, len, len, &whole, &err), 0);
    CHECK_INT(decode(doc, len, 7919, &bits, &err), 0);
    CHECK_INT(whole.n, 4);
    CHECK_INT(bits.n, 4);
    for (int i = 0; i < whole.n && i < bits.n; i++) {
        CHECK_INT(whole.a[i].start_utc, bits.a[i].start_utc);
        CHECK_NEAR(whole.a[i].avg_hr, bits.a[i].avg_hr, 1e-9);
        CHECK_NEAR(whole.a[i].total_distance_m, bits.a[i].total_distance_m, 1e-9);
        CHECK_INT(whole.a[i].content_hash, bits.a[i].content_hash);
    }
    /* the treadmill run is 18:30 -0700: the next day in UTC */
    if (whole.n == 4) {
        CHECK_INT(whole.a[1].sport, RH_SPORT_TREADMILL);
        CHECK_INT(whole.a[1].utc_offset_min, -420);
        CHECK_INT(whole.a[3].sport, RH_SPORT_WALKING);
        CHECK_INT(whole.a[3].utc_offset_min, 120);
    }
    got_release(&whole);
    got_release(&bits);
}

static void test_offsets_and_bad_dates(void)
{
    /* an implausible offset (+1407) is not the activity's offset; a
     * workout without readable dates is left out with a warning */
    static const char doc[] =
        "<HealthData>"
        "<Workout workoutActivityType=\"HKWorkoutActivityTypeWalking\" "
        "startDate=\"2023-03-05 10:00:00 +1407\" endDate=\"2023-03-05 10:20:00 +1407\"/>"
        "<Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" "
        "startDate=\"yesterday\" endDate=\"2023-03-05 10:20:00 +0100\"/>"
        /* the zone written without its blank still counts, sign and all */
        "<Workout workoutActivityType=\"HKWorkoutActivityTypeHiking\" "
        "startDate=\"2023-03-06 10:00:00-0330\" endDate=\"2023-03-06T11:00:00-0330\"/>"
        "</HealthData>";
    struct got g;
    struct rh_err err;
    CHECK_INT(decode(doc, strlen(doc), 5, &g, &err), 0);
    CHECK_INT(g.n, 2);
    if (g.n == 2) {
        CHECK(!g.a[0].has_offset);
        CHECK_INT(g.a[0].sport, RH_SPORT_WALKING);
        CHECK(!rh_has(g.a[0].total_distance_m));
        CHECK(g.a[1].has_offset);
        CHECK_INT(g.a[1].utc_offset_min, -210);
        CHECK_INT(g.a[1].start_utc, 1678109400); /* 2023-03-06T13:30:00Z */
        CHECK_NEAR(g.a[1].total_elapsed_s, 3600, 1e-9);
    }
    CHECK_INT(g.warn.code, RH_EFORMAT);
    CHECK_STR(g.warn.msg, "1 workout has no date runhip can read and was left out; the others "
                          "are kept");
    got_release(&g);
}

static void test_bad_inputs(void)
{
    struct got g;
    struct rh_err err;
    const char *gpx = "<gpx version=\"1.1\"></gpx>";
    CHECK_INT(decode(gpx, strlen(gpx), 100, &g, &err), RH_EFORMAT);
    CHECK_STR(err.msg, "this is not an Apple Health export (it holds a 'gpx' document): import "
                       "the export.zip the Health app makes, or the export.xml inside it");
    CHECK_INT(g.n, 0);
    const char *none = "<HealthData><Record type=\"x\"/></HealthData>";
    CHECK_INT(decode(none, strlen(none), 100, &g, &err), RH_EEMPTY);
    CHECK_STR(err.msg, "the Apple Health export holds no workouts: there is nothing to import");
    const char *broken = "<HealthData>\n<Workout workoutActivityType=\"a\" x=\"1\" x=\"2\"/>";
    CHECK_INT(decode(broken, strlen(broken), 100, &g, &err), RH_ESYNTAX);
    CHECK_INT(err.line, 2);
    CHECK_INT(g.n, 0);
    const char *empty = "";
    CHECK_INT(decode(empty, 0, 100, &g, &err), RH_EFORMAT);
    /* cut inside the records: nothing to keep */
    CHECK_INT(decode(doc_small, 300, 64, &g, &err), RH_ETRUNC);
    CHECK_INT(g.n, 0);
    /* cut after the workout: it is kept, with a warning */
    size_t cut = strlen(doc_small) - 8;
    CHECK_INT(decode(doc_small, cut, 64, &g, &err), 0);
    CHECK_INT(g.n, 1);
    CHECK_INT(g.warn.code, RH_ETRUNC);
    got_release(&g);
}

/* The weather's temperature of an outdoor workout (HKWeatherTemperature),
 * in degF or degC; anything else is no temperature. */
static void test_weather_temperature(void)
{
    static const struct {
        const char *value;
        double want;
    } t[] = {{"95 degF", 35},     {"71.6 degF", 22}, {"-4 degF", -20}, {"31.5 degC", 31.5},
             {"hot", RH_NONE},    {"95", RH_NONE},   {"95 K", RH_NONE}, {"95degF", RH_NONE},
             {"500 degF", RH_NONE}, {"", RH_NONE}};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        char doc[1024];
        snprintf(doc, sizeof doc,
                 "<HealthData locale=\"en_US\">\n<Workout workoutActivityType=\""
                 "HKWorkoutActivityTypeRunning\" duration=\"30\" durationUnit=\"min\" "
                 "sourceName=\"My Watch\" startDate=\"2023-07-05 18:00:00 -0700\" "
                 "endDate=\"2023-07-05 18:30:00 -0700\"><MetadataEntry key=\""
                 "HKWeatherTemperature\" value=\"%s\"/></Workout>\n</HealthData>\n",
                 t[i].value);
        struct got g;
        struct rh_err err;
        CHECK_INT(decode(doc, strlen(doc), 1 << 20, &g, &err), 0);
        CHECK_INT(g.n, 1);
        if (g.n == 1) {
            if (rh_has(t[i].want)) {
                CHECK_NEAR(g.a[0].avg_temperature_c, t[i].want, 1e-9);
                /* the weather's air, not a sensor on the wrist */
                CHECK_INT(g.a[0].temp_source, RH_TEMP_SRC_AIR);
            } else
                CHECK(!rh_has(g.a[0].avg_temperature_c));
        }
        got_release(&g);
    }
    /* the workouts of doc_small have no weather: no temperature */
    struct got g;
    struct rh_err err;
    CHECK_INT(decode(doc_small, strlen(doc_small), 1 << 20, &g, &err), 0);
    CHECK(g.n == 1 && !rh_has(g.a[0].avg_temperature_c));
    got_release(&g);
}

static void test_alloc_failures(void)
{
    /* every allocation failing in turn: a clean error, never a crash or leak */
    int fails = 0;
    for (long k = 1; k < 400; k++) {
        struct got g;
        struct rh_err err;
        rh_alloc_fail_after(k);
        int r = decode(doc_small, strlen(doc_small), 97, &g, &err);
        long made = rh_alloc_fail_after(0);
        CHECK(r == 0 || r == RH_ENOMEM);
        if (r != 0 && r != RH_ENOMEM)
            fprintf(stderr, "  failing allocation %ld: %d %s\n", k, r, err.msg);
        got_release(&g);
        fails += r == RH_ENOMEM;
        if (r == 0 && made < k)
            break;
    }
    CHECK(fails > 3);
}

int main(void)
{
    RUN(test_sniff);
    RUN(test_records_matched_to_the_workout);
    RUN(test_chunks_do_not_change_the_result);
    RUN(test_offsets_and_bad_dates);
    RUN(test_bad_inputs);
    RUN(test_weather_temperature);
    RUN(test_alloc_failures);
    return TEST_END();
}
