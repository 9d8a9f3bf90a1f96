/* SPDX-License-Identifier: MIT */
/*
 * Suunto SML (Moveslink2 "sml" logs of Ambit watches and the GPS Track
 * POD) on the streaming reader: sml/DeviceLog with a Header (summary),
 * Device and Samples. Everything is in SI units: heart rate and cadence in
 * Hz (x 60 for beats a minute; cadence counts one foot, so x 120 for steps
 * a minute in foot sports), coordinates in radians, temperature in kelvin.
 *
 * Time: the header's DateTime is local with no zone; the samples' UTC are
 * UTC. The offset is their difference at the first sample, rounded to a
 * quarter hour, and the start is DateTime minus that offset. A sample whose
 * UTC lacks its Z (the closing pause event of every Moveslink2 log carries
 * the local start time there) is not a time: it would make the move an hour
 * longer.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "xml/xml_int.h"
#include "util/banned.h"

/* Suunto's activity types (as libambit lists them) that map to a sport;
 * 1 is "not specified sport". */
static const struct {
    int code;
    enum rh_sport sport;
} sml_sports[] = {
    {3, RH_SPORT_RUNNING},  {81, RH_SPORT_TRAIL_RUNNING}, {4, RH_SPORT_CYCLING},
    {5, RH_SPORT_CYCLING},  {16, RH_SPORT_CYCLING},       {10, RH_SPORT_WALKING},
    {11, RH_SPORT_WALKING}, {6, RH_SPORT_SWIMMING},       {82, RH_SPORT_SWIMMING},
    {22, RH_SPORT_STRENGTH},
};

static enum rh_sport sml_sport(int code)
{
    for (size_t i = 0; i < sizeof sml_sports / sizeof *sml_sports; i++)
        if (sml_sports[i].code == code)
            return sml_sports[i].sport;
    return RH_SPORT_OTHER;
}

#define RAD2DEG (180.0 / 3.14159265358979323846)
#define KELVIN 273.15

static int child(const struct rh_xml_reader *r, enum rh__xml_ns ns, const char *local,
                 const char *const *names, const int *ids, size_t n)
{
    if (ns != r->root_ns)
        return E_OTHER;
    for (size_t i = 0; i < n; i++)
        if (strcmp(local, names[i]) == 0)
            return ids[i];
    return E_OTHER;
}

#define CHILD(names, ids) child(r, ns, local, names, ids, sizeof ids / sizeof *ids)

int rh__sml_start(struct rh_xml_reader *r, int parent, enum rh__xml_ns ns, const char *local,
                  const char **atts)
{
    (void)atts;
    switch (parent) {
    case E_OTHER: /* the root */
        r->root_ns = ns;
        r->sml_local_t = r->sml_first_utc = r->sml_last_utc = RH_NONE;
        r->sml_hr_avg = r->sml_hr_max = r->sml_cad_avg = RH_NONE;
        r->sml_duration = r->sml_distance = RH_NONE;
        return S_ROOT;
    case S_ROOT: {
        static const char *const n[] = {"DeviceLog"};
        static const int id[] = {S_LOG};
        return CHILD(n, id);
    }
    case S_LOG: {
        static const char *const n[] = {"Header", "Device", "Samples"};
        static const int id[] = {S_HEADER, S_DEVICE, S_SAMPLES};
        return CHILD(n, id);
    }
    case S_HEADER: {
        static const char *const n[] = {"Duration", "Distance", "ActivityType",
                                        "DateTime", "HR",       "Cadence"};
        static const int id[] = {S_H_DURATION, S_H_DISTANCE, S_H_ACTTYPE,
                                 S_H_DATETIME, S_H_HR,       S_H_CAD};
        return CHILD(n, id);
    }
    case S_H_HR:
    case S_H_CAD: {
        static const char *const n[] = {"Avg", "Max"};
        static const int id[] = {S_AVG, S_MAX};
        return CHILD(n, id);
    }
    case S_DEVICE: {
        static const char *const n[] = {"Name"};
        static const int id[] = {S_DEV_NAME};
        return CHILD(n, id);
    }
    case S_SAMPLES: {
        static const char *const n[] = {"Sample"};
        static const int id[] = {S_SAMPLE};
        int s = CHILD(n, id);
        if (s == S_SAMPLE) {
            rh_point_clear(&r->pt);
            r->sml_periodic = false;
        }
        return s;
    }
    case S_SAMPLE: {
        static const char *const n[] = {"HR",        "Cadence",     "Temperature", "Distance",
                                        "Speed",     "Latitude",    "Longitude",   "GPSAltitude",
                                        "Altitude",  "UTC",         "SampleType"};
        static const int id[] = {S_SM_HR,   S_SM_CAD, S_SM_TEMP, S_SM_DIST, S_SM_SPEED, S_SM_LAT,
                                 S_SM_LON,  S_SM_ALT, S_SM_ALT,  S_SM_UTC,  S_SM_TYPE};
        return CHILD(n, id);
    }
    default:
        return E_OTHER;
    }
}

/* A UTC time only when it says so (a trailing Z or an explicit offset). */
static bool utc_time(const char *text, double *t)
{
    size_t n = strlen(text);
    if (n < 20)
        return false;
    const char *z = text + n - 1;
    bool zoned = *z == 'Z' || *z == 'z' || (n >= 25 && (text[n - 6] == '+' || text[n - 6] == '-'));
    return zoned && rh__xml_time(text, t);
}

void rh__sml_end(struct rh_xml_reader *r, int id, int parent, const char *text)
{
    struct rh_activity *a = r->a;
    double v;
    bool num = rh__xml_num(text, &v);
    switch (id) {
    case S_H_DURATION:
        if (num && v >= 0)
            r->sml_duration = v;
        break;
    case S_H_DISTANCE:
        if (num && v >= 0)
            r->sml_distance = v;
        break;
    case S_H_ACTTYPE:
        /* a number beyond int's range is no activity type (fuzz25: an
         * ActivityType of 1e116 was converted to int, undefined) */
        if (num && v > INT_MIN - 1.0 && v < INT_MAX + 1.0) {
            a->sport = sml_sport((int)v);
            snprintf(a->sub_sport, sizeof a->sub_sport, "%d", (int)v);
        }
        break;
    case S_H_DATETIME: {
        double t;
        /* local time without zone: read as if UTC, corrected at the end */
        if (rh__xml_time(text, &t))
            r->sml_local_t = t;
        break;
    }
    case S_AVG:
    case S_MAX:
        if (!num || v <= 0)
            break;
        if (parent == S_H_HR)
            *(id == S_AVG ? &r->sml_hr_avg : &r->sml_hr_max) = v * 60.0;
        else if (parent == S_H_CAD && id == S_AVG)
            r->sml_cad_avg = v;
        break;
    case S_DEV_NAME:
        if (*text && !a->device && rh_activity_set_str(&a->device, text))
            rh__xml_fail(r, RH_ENOMEM, "out of memory");
        break;
    case S_SM_HR:
        /* 0 Hz is no reading; 250 bpm and above is not a measurement */
        if (num && v > 0 && v * 60.0 < 250)
            r->pt.hr_bpm = v * 60.0;
        break;
    case S_SM_CAD:
        if (num && v > 0)
            r->pt.cad_spm = v * (rh_sport_is_foot(a->sport) ? 120.0 : 60.0);
        break;
    case S_SM_TEMP:
        if (num && v - KELVIN >= -40 && v - KELVIN <= 60)
            r->pt.temp_c = v - KELVIN;
        break;
    case S_SM_DIST:
        if (num && v >= 0)
            r->pt.dist_m = v;
        break;
    case S_SM_SPEED:
        if (num && v >= 0)
            r->pt.speed_mps = v;
        break;
    case S_SM_LAT:
        if (num && v >= -1.5708 && v <= 1.5708)
            r->pt.lat = v * RAD2DEG;
        break;
    case S_SM_LON:
        if (num && v >= -3.1416 && v <= 3.1416)
            r->pt.lon = v * RAD2DEG;
        break;
    case S_SM_ALT:
        if (num)
            r->pt.alt_m = v;
        break;
    case S_SM_UTC: {
        double t;
        if (utc_time(text, &t))
            r->pt.t = t;
        break;
    }
    case S_SM_TYPE:
        r->sml_periodic = strcmp(text, "periodic") == 0;
        break;
    case S_SAMPLE: {
        if (rh_has(r->pt.t)) {
            if (!rh_has(r->sml_first_utc) || r->pt.t < r->sml_first_utc)
                r->sml_first_utc = r->pt.t;
            if (!rh_has(r->sml_last_utc) || r->pt.t > r->sml_last_utc)
                r->sml_last_utc = r->pt.t;
        }
        if (r->sml_periodic)
            r->sml_n_periodic++;
        /* only the samples that carry a measurement are points */
        if (!rh_has(r->pt.lat) && !rh_has(r->pt.hr_bpm) && !rh_has(r->pt.dist_m) &&
            !rh_has(r->pt.cad_spm) && !rh_has(r->pt.temp_c) && !rh_has(r->pt.speed_mps))
            break;
        if (rh_has(r->pt.lat) != rh_has(r->pt.lon))
            r->pt.lat = r->pt.lon = RH_NONE;
        int rc = rh_act_builder_point(&r->b, &r->pt);
        if (rc)
            rh__xml_fail(r, rc, "cannot add a sample: %s", rh_strerror(rc));
        else
            r->n_points++;
        break;
    }
    default:
        break;
    }
}

int rh__sml_finish(struct rh_xml_reader *r, bool truncated, struct rh_err *err)
{
    struct rh_activity *a = r->a;
    if (r->n_points == 0 && !rh_has(r->sml_local_t)) {
        if (truncated)
            return 0; /* the reader reports the truncation */
        return rh__file_err(err, RH_EEMPTY, "sml_empty", (const char *)NULL);
    }
    /* the summary of the header wins over what the samples add up to */
    if (rh_has(r->sml_local_t) && rh_has(r->sml_first_utc)) {
        double diff = r->sml_local_t - r->sml_first_utc;
        long q = (long)(diff / 900.0 + (diff >= 0 ? 0.5 : -0.5));
        int off = (int)(q * 15);
        a->has_start = true;
        a->start_utc = (int64_t)(r->sml_local_t - off * 60.0);
        if (off >= -14 * 60 && off <= 14 * 60) {
            a->has_offset = true;
            a->utc_offset_min = off;
        }
        if (rh_has(r->sml_last_utc) && r->sml_last_utc >= r->sml_local_t - off * 60.0)
            a->total_elapsed_s = r->sml_last_utc - (r->sml_local_t - off * 60.0);
    }
    if (rh_has(r->sml_duration))
        a->total_timer_s = r->sml_duration;
    if (rh_has(r->sml_distance))
        a->total_distance_m = r->sml_distance;
    if (rh_has(r->sml_hr_avg) && r->sml_hr_avg < 250) {
        a->avg_hr = r->sml_hr_avg;
        if (rh_has(r->sml_hr_max) && r->sml_hr_max < 250)
            a->max_hr = r->sml_hr_max;
    }
    if (rh_has(r->sml_cad_avg) && rh_sport_is_foot(a->sport))
        a->avg_cadence_spm = r->sml_cad_avg * 120.0;
    if (r->sml_n_periodic)
        a->n_records = r->sml_n_periodic;
    int rc = rh_act_builder_finish(&r->b);
    if (rc)
        return rh_err_set(err, rc, "cannot finish the activity: %s", rh_strerror(rc));
    return 0;
}
