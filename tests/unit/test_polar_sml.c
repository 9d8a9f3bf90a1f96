/* SPDX-License-Identifier: MIT */
/*
 * The Polar Flow JSON and Suunto SML readers on their own: the bare-NaN
 * pre-pass (strings untouched), offsets, units, the SML pause event whose
 * UTC lacks its Z, and each bad input's clear error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "harness.h"
#include "runhip/xml.h"

static void test_bare_nan_prepass(void)
{
    const char in[] = "{\"a\":NaN,\"b\":\"NaN intervals\",\"c\":[Infinity,-Infinity,1,-2],"
                      "\"NaNx\":2,\"d\":\"say \\\"NaN\\\"\",\"e\":NaNa}";
    struct rh_buf out;
    rh_buf_init(&out, 0);
    size_t n = 0;
    CHECK_INT(rh__json_bare_nan(in, strlen(in), &out, &n), 0);
    CHECK_INT(n, 3);
    CHECK_STR(out.data, "{\"a\":null,\"b\":\"NaN intervals\",\"c\":[null,null,1,-2],"
                        "\"NaNx\":2,\"d\":\"say \\\"NaN\\\"\",\"e\":NaNa}");
    rh_buf_release(&out);
}

static int decode_polar(const char *doc, struct rh_activity *a, struct rh_err *err)
{
    struct rh_err warn;
    rh_activity_init(a);
    rh_err_clear(err);
    return rh__polar_decode((const unsigned char *)doc, strlen(doc), a, &warn, err);
}

static void test_polar_session(void)
{
    /* the older layout: totals only in the exercise, a NaN sample, an
     * offset west of UTC that moves the day */
    const char doc[] =
        "{\"exportVersion\":\"1.6\",\"name\":\"NaN intervals\",\"startTime\":\"2023-01-09T23:30:00.000\","
        "\"stopTime\":\"2023-01-10T00:00:00.000\",\"timeZoneOffset\":-300,\"exercises\":[{"
        "\"sport\":\"TRAIL_RUNNING\",\"distance\":5000.0,\"duration\":\"PT29M30S\","
        "\"heartRate\":{\"avg\":140,\"max\":170},\"samples\":{\"heartRate\":["
        "{\"dateTime\":\"2023-01-09T23:30:00.000\",\"value\":NaN},"
        "{\"dateTime\":\"2023-01-09T23:30:01.000\",\"value\":141},"
        "{\"dateTime\":\"2023-01-09T23:30:02.000\"}]}}]}";
    struct rh_activity a;
    struct rh_err err;
    CHECK_INT(decode_polar(doc, &a, &err), 0);
    CHECK_STR(a.name, "NaN intervals");
    CHECK_INT(a.sport, RH_SPORT_TRAIL_RUNNING);
    CHECK_INT(a.start_utc, 1673325000); /* 2023-01-10T04:30:00Z */
    CHECK(a.has_offset);
    CHECK_INT(a.utc_offset_min, -300);
    CHECK_NEAR(a.total_elapsed_s, 1800, 1e-6);
    CHECK_NEAR(a.total_timer_s, 1770, 1e-6);
    CHECK_NEAR(a.total_distance_m, 5000, 1e-6);
    CHECK_NEAR(a.avg_hr, 140, 1e-9);
    CHECK_NEAR(a.max_hr, 170, 1e-9);
    CHECK_INT(a.n_records, 1); /* the NaN and the dropout carry no value */
    rh_activity_release(&a);
}

static void test_polar_sample_list(void)
{
    /* samples as one list of records, each with its fields */
    const char doc[] =
        "{\"startTime\":\"2023-05-21T09:00:00.000\",\"timeZoneOffset\":120,\"exercises\":[{"
        "\"sport\":\"RUNNING\",\"samples\":["
        "{\"dateTime\":\"2023-05-21T09:00:00.000\",\"heartRate\":120,\"latitude\":47.0,"
        "\"longitude\":8.0},"
        "{\"dateTime\":\"2023-05-21T09:00:10.000\",\"heartRate\":140,\"latitude\":47.001,"
        "\"longitude\":8.0}]}]}";
    struct rh_activity a;
    struct rh_err err;
    CHECK_INT(decode_polar(doc, &a, &err), 0);
    CHECK_INT(a.n_records, 2);
    CHECK(a.has_gps);
    CHECK_NEAR(a.avg_hr, 130, 1e-9);
    CHECK_NEAR(a.total_distance_m, 111.2, 0.5); /* the route measured: no distance given */
    CHECK_INT(a.utc_offset_min, 120);
    rh_activity_release(&a);
}

static void test_polar_bad_inputs(void)
{
    struct rh_activity a;
    struct rh_err err;
    CHECK_INT(decode_polar("{\"exportVersion\":\"2.4\",\n\"exercises\":[", &a, &err), RH_ESYNTAX);
    CHECK_INT(err.line, 2);
    rh_activity_release(&a);
    CHECK_INT(decode_polar("{\"exportVersion\":\"2.4\"}", &a, &err), RH_EUNSUPPORTED);
    CHECK(strstr(err.msg, "Polar training session") != NULL);
    rh_activity_release(&a);
    CHECK_INT(decode_polar("{\"exercises\":[{}]}", &a, &err), RH_EUNSUPPORTED);
    rh_activity_release(&a);
    CHECK_INT(decode_polar("[1,2]", &a, &err), RH_EUNSUPPORTED);
    rh_activity_release(&a);
    CHECK(rh__polar_sniff((const unsigned char *)"  {\"exportVersion\":1}", 21));
    CHECK(!rh__polar_sniff((const unsigned char *)"[\"exportVersion\"]", 17));
    CHECK(!rh__polar_sniff((const unsigned char *)"{\"type\":1}", 10));
}

#define SML_HEAD                                                                                   \
    "<?xml version=\"1.0\"?><sml xmlns=\"http://www.suunto.com/schemas/sml\"><DeviceLog><Header>"  \
    "<Duration>25.0</Duration><Distance>80</Distance><ActivityType>3</ActivityType>"              \
    "<DateTime>2016-03-17T09:02:56</DateTime><HR><Avg>2.5</Avg><Max>3</Max></HR></Header>"        \
    "<Device><Name>Suunto Ambit3 Run</Name></Device><Samples>"

static void test_sml_units_and_pause_trap(void)
{
    const char doc[] =
        SML_HEAD
        "<Sample><HR>2.4</HR><Cadence>1.5</Cadence><Temperature>293.15</Temperature>"
        "<Distance>0</Distance><SampleType>periodic</SampleType>"
        "<UTC>2016-03-17T08:02:56.400Z</UTC></Sample>"
        "<Sample><Latitude>0.9</Latitude><Longitude>0.2</Longitude>"
        "<UTC>2016-03-17T08:03:06Z</UTC></Sample>"
        "<Sample><HR>2.6</HR><Distance>80</Distance><SampleType>periodic</SampleType>"
        "<UTC>2016-03-17T08:03:21Z</UTC></Sample>"
        /* the closing pause event: local time in UTC, without the Z */
        "<Sample><Events><Pause><State>True</State></Pause></Events>"
        "<UTC>2016-03-17T09:02:56</UTC></Sample>"
        "</Samples></DeviceLog></sml>";
    struct rh_activity a;
    struct rh_err warn, err;
    rh_activity_init(&a);
    CHECK_INT(rh_sml_decode(doc, strlen(doc), &a, &warn, &err), 0);
    CHECK_INT(a.sport, RH_SPORT_RUNNING);
    CHECK_INT(a.start_utc, 1458201776); /* 2016-03-17T08:02:56Z */
    CHECK_INT(a.utc_offset_min, 60);
    CHECK_NEAR(a.total_elapsed_s, 25, 1e-6); /* not an hour more */
    CHECK_NEAR(a.total_timer_s, 25, 1e-6);
    CHECK_NEAR(a.total_distance_m, 80, 1e-6);
    CHECK_NEAR(a.avg_hr, 150, 1e-6); /* 2.5 Hz */
    CHECK_NEAR(a.max_hr, 180, 1e-6);
    CHECK_NEAR(a.avg_cadence_spm, 180, 1e-6); /* 1.5 Hz of one foot */
    CHECK_NEAR(a.avg_temperature_c, 20, 1e-6);
    CHECK(a.has_gps);
    CHECK_INT(a.n_records, 2);
    CHECK_STR(a.device, "Suunto Ambit3 Run");
    CHECK_INT(rh_xml_sniff(doc, strlen(doc)), RH_FMT_SML);
    rh_activity_release(&a);
}

static void test_sml_bad_inputs(void)
{
    struct rh_activity a;
    struct rh_err warn, err;
    const char empty[] = "<sml xmlns=\"http://www.suunto.com/schemas/sml\"><DeviceLog/></sml>";
    rh_activity_init(&a);
    CHECK_INT(rh_sml_decode(empty, strlen(empty), &a, &warn, &err), RH_EEMPTY);
    CHECK_STR(err.msg, "this Suunto file holds no recorded samples and no start time: there is "
                       "nothing to import");
    rh_activity_release(&a);
    const char gpx[] = "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"/>";
    rh_activity_init(&a);
    CHECK_INT(rh_sml_decode(gpx, strlen(gpx), &a, &warn, &err), RH_EFORMAT);
    CHECK_STR(err.msg, "this is not a Suunto (SML) file (it holds a 'gpx' document): runhip "
                       "cannot read an activity from it");
    rh_activity_release(&a);
    /* cut in the samples: what was read is kept, with a warning */
    char cut[1024];
    snprintf(cut, sizeof cut, "%s<Sample><HR>2.4</HR><UTC>2016-03-17T08:02:56Z</UTC></Sample><Sa",
             SML_HEAD);
    rh_activity_init(&a);
    CHECK_INT(rh_sml_decode(cut, strlen(cut), &a, &warn, &err), 0);
    CHECK_INT(warn.code, RH_ETRUNC);
    rh_activity_release(&a);
    /* fuzz25: an ActivityType beyond int's range (was converted to int,
     * undefined behaviour) is no type: the sport is not read from it */
    const char big_type[] =
        "<sml xmlns=\"http://www.suunto.com/schemas/sml\"><DeviceLog><Header>"
        "<ActivityType>1e116</ActivityType><DateTime>2016-03-17T09:02:56</DateTime></Header>"
        "<Samples><Sample><HR>2.4</HR><UTC>2016-03-17T08:02:56Z</UTC></Sample>"
        "<Sample><HR>2.5</HR><UTC>2016-03-17T08:03:06Z</UTC></Sample></Samples>"
        "</DeviceLog></sml>";
    rh_activity_init(&a);
    CHECK_INT(rh_sml_decode(big_type, strlen(big_type), &a, &warn, &err), 0);
    CHECK_INT(a.sport, RH_SPORT_OTHER);
    CHECK_STR(a.sub_sport, "");
    CHECK_INT(a.n_records, 2);
    rh_activity_release(&a);
}

int main(void)
{
    RUN(test_bare_nan_prepass);
    RUN(test_polar_session);
    RUN(test_polar_sample_list);
    RUN(test_polar_bad_inputs);
    RUN(test_sml_units_and_pause_trap);
    RUN(test_sml_bad_inputs);
    return TEST_END();
}
