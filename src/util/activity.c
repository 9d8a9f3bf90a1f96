/* SPDX-License-Identifier: MIT */
/* The activity summary and the builder that every decoder feeds. The
 * builder streams: it keeps running sums, the current split and a sparse
 * track, never the whole list of points. */
#include <math.h>
#include <string.h>

#include "runhip/activity.h"
#include "util/banned.h"

static const char *const sport_names[RH_SPORT__COUNT] = {
    [RH_SPORT_OTHER] = "other",         [RH_SPORT_RUNNING] = "running",
    [RH_SPORT_TRAIL_RUNNING] = "trail_running", [RH_SPORT_TREADMILL] = "treadmill",
    [RH_SPORT_WALKING] = "walking",     [RH_SPORT_CYCLING] = "cycling",
    [RH_SPORT_SWIMMING] = "swimming",   [RH_SPORT_STRENGTH] = "strength",
};

const char *rh_sport_name(enum rh_sport s)
{
    return (unsigned)s < RH_SPORT__COUNT ? sport_names[s] : "other";
}

int rh_sport_parse(const char *name, enum rh_sport *out)
{
    for (int i = 0; i < RH_SPORT__COUNT; i++)
        if (name && strcmp(name, sport_names[i]) == 0) {
            *out = (enum rh_sport)i;
            return 0;
        }
    return RH_EKEY;
}

bool rh_sport_is_run(enum rh_sport s)
{
    return s == RH_SPORT_RUNNING || s == RH_SPORT_TRAIL_RUNNING || s == RH_SPORT_TREADMILL;
}

bool rh_sport_is_foot(enum rh_sport s)
{
    return rh_sport_is_run(s) || s == RH_SPORT_WALKING;
}

const char *rh_format_name(enum rh_format f)
{
    switch (f) {
    case RH_FMT_FIT:
        return "fit";
    case RH_FMT_GPX:
        return "gpx";
    case RH_FMT_TCX:
        return "tcx";
    case RH_FMT_APPLE:
        return "apple_health";
    case RH_FMT_POLAR:
        return "polar";
    case RH_FMT_SML:
        return "sml";
    default:
        return "";
    }
}

void rh_point_clear(struct rh_point *p)
{
    p->t = p->lat = p->lon = p->alt_m = p->dist_m = p->speed_mps = RH_NONE;
    p->hr_bpm = p->cad_spm = p->temp_c = p->power_w = RH_NONE;
}

void rh_activity_init(struct rh_activity *a)
{
    memset(a, 0, sizeof *a);
    a->total_elapsed_s = a->total_timer_s = a->total_distance_m = RH_NONE;
    a->avg_cadence_spm = a->avg_hr = a->max_hr = RH_NONE;
    a->avg_temperature_c = a->elevation_gain_m = a->avg_power_w = RH_NONE;
}

void rh_activity_release(struct rh_activity *a)
{
    rh_free(a->file);
    rh_free(a->name);
    rh_free(a->gear);
    rh_free(a->device);
    rh_free(a->track);
    rh_free(a->splits);
    rh_activity_init(a);
}

int rh_activity_set_str(char **slot, const char *s)
{
    char *c = NULL;
    if (s && !(c = rh_strdup(s)))
        return RH_ENOMEM;
    rh_free(*slot);
    *slot = c;
    return 0;
}

void rh_activity_drop_implausible(struct rh_activity *a)
{
    if (!rh_hr_plausible(a->avg_hr))
        a->avg_hr = RH_NONE;
    if (!rh_hr_plausible(a->max_hr))
        a->max_hr = RH_NONE;
    if (!rh_cadence_plausible(a->avg_cadence_spm))
        a->avg_cadence_spm = RH_NONE;
    if (!rh_temp_plausible(a->avg_temperature_c))
        a->avg_temperature_c = RH_NONE;
    for (size_t i = 0; i < a->n_splits; i++) {
        if (!rh_hr_plausible(a->splits[i].avg_hr_bpm))
            a->splits[i].avg_hr_bpm = RH_NONE;
        if (!rh_cadence_plausible(a->splits[i].avg_cad_spm))
            a->splits[i].avg_cad_spm = RH_NONE;
    }
}

int32_t rh_activity_local_day(const struct rh_activity *a)
{
    return rh_local_day(a->start_utc, a->has_offset ? a->utc_offset_min : 0);
}

int32_t rh_activity_offset_in(const struct rh_activity *a, const struct rh_tz *tz)
{
    if (a->has_offset && rh_utc_offset_plausible(a->utc_offset_min))
        return a->utc_offset_min;
    return rh_tz_offset_min(tz, a->start_utc);
}

void rh_activity_set_offset(struct rh_activity *a, const struct rh_tz *tz)
{
    if (!a->has_start)
        return;
    a->utc_offset_min = rh_activity_offset_in(a, tz);
    a->has_offset = true;
}

static const char *const source_names[] = {
    [RH_SPORT_SRC_FILE] = "file",
    [RH_SPORT_SRC_EXPORT_CSV] = "export_csv",
    [RH_SPORT_SRC_INFERRED] = "inferred",
    [RH_SPORT_SRC_USER] = "user",
};

const char *rh_sport_source_name(enum rh_sport_source s)
{
    return (unsigned)s < sizeof source_names / sizeof *source_names ? source_names[s] : "file";
}

int rh_sport_source_parse(const char *name, enum rh_sport_source *out)
{
    for (size_t i = 0; name && i < sizeof source_names / sizeof *source_names; i++)
        if (strcmp(name, source_names[i]) == 0) {
            *out = (enum rh_sport_source)i;
            return 0;
        }
    return RH_EKEY;
}

static const char *const temp_source_names[] = {
    [RH_TEMP_SRC_SENSOR] = "sensor",
    [RH_TEMP_SRC_AIR] = "air",
};

const char *rh_temp_source_name(enum rh_temp_source s)
{
    return (unsigned)s < sizeof temp_source_names / sizeof *temp_source_names
               ? temp_source_names[s]
               : "sensor";
}

int rh_temp_source_parse(const char *name, enum rh_temp_source *out)
{
    for (size_t i = 0; name && i < sizeof temp_source_names / sizeof *temp_source_names; i++)
        if (strcmp(name, temp_source_names[i]) == 0) {
            *out = (enum rh_temp_source)i;
            return 0;
        }
    return RH_EKEY;
}

double rh_activity_duration_s(const struct rh_activity *a)
{
    if (rh_has(a->total_timer_s) && a->total_timer_s > 0)
        return a->total_timer_s;
    return a->total_elapsed_s;
}

bool rh_activity_has_distance(const struct rh_activity *a)
{
    return rh_has(a->total_distance_m) && a->total_distance_m > 0;
}

double rh_activity_pace_s_km(const struct rh_activity *a)
{
    double d = rh_activity_duration_s(a);
    if (!rh_sport_is_foot(a->sport) || !rh_has(a->total_distance_m) || a->total_distance_m < 100 ||
        !rh_has(d) || d <= 0)
        return NAN;
    return d / (a->total_distance_m / 1000);
}

/* sin(x): for |x| <= 0.05 rad its Taylor series to x^9 (relative error
 * below 1e-20), else libm. Points of a track are metres apart, so the
 * series is the common case and keeps the decoders fast. */
static double sin_small(double x)
{
    if (!(fabs(x) <= 0.05))
        return sin(x);
    double x2 = x * x;
    return x * (1 + x2 * (-1.0 / 6 + x2 * (1.0 / 120 + x2 * (-1.0 / 5040 + x2 * (1.0 / 362880)))));
}

/* asin(y) for 0 <= y <= 1: the series to y^9 below 0.05 (relative error
 * below 3e-15, i.e. under 2 nm at 600 km), else libm. */
static double asin_small(double y)
{
    if (!(y <= 0.05))
        return asin(y);
    double y2 = y * y;
    return y * (1 + y2 * (1.0 / 6 + y2 * (3.0 / 40 + y2 * (15.0 / 336 + y2 * (105.0 / 3456)))));
}

double rh_haversine_m(double lat1, double lon1, double lat2, double lon2)
{
    const double R = 6371008.8, rad = M_PI / 180.0;
    double s1 = sin_small((lat2 - lat1) * rad / 2), s2 = sin_small((lon2 - lon1) * rad / 2);
    /* cos(lat1) cos(lat2) = cos^2(mean) - sin^2(dlat / 2): one cos instead of two */
    double cm = cos((lat1 + lat2) * rad / 2);
    double h = s1 * s1 + (cm * cm - s1 * s1) * s2 * s2;
    if (h > 1)
        h = 1;
    if (h < 0)
        h = 0;
    return 2 * R * asin_small(sqrt(h));
}

/* ---- builder ---------------------------------------------------------- */

#define GAIN_HYSTERESIS_M 3.0
#define SPLIT_JUMP_M 100000.0 /* 100 km between two points: a glitch */

double rh_gps_max_mps(enum rh_sport s)
{
    if (rh_sport_is_foot(s))
        return RH_GPS_FOOT_MAX_MPS;
    return s == RH_SPORT_CYCLING ? RH_GPS_CYCLE_MAX_MPS : RH_GPS_ANY_MAX_MPS;
}

/* True when going d metres from a fix at t0 to one at t1 is faster than the
 * sport allows. Without two increasing times nothing is judged (a file that
 * gives every fix the same time, as gpxpy_Mojstrovka.gpx does, has no
 * speeds). Fixes closer than a second count as a second apart. */
static bool gps_jump(const struct rh_act_builder *b, double d, double t0, double t1)
{
    if (!rh_has(t0) || !rh_has(t1) || t1 <= t0)
        return false;
    double dt = t1 - t0 < 1.0 ? 1.0 : t1 - t0;
    return d > rh_gps_max_mps(b->a->sport) * dt + RH_GPS_SLACK_M;
}

void rh_act_builder_init(struct rh_act_builder *b, struct rh_activity *a)
{
    memset(b, 0, sizeof *b);
    b->a = a;
    b->first_t = b->last_t = RH_NONE;
    b->last_pos_t = b->cand_t = RH_NONE;
    b->hr_max = RH_NONE;
    b->alt_ref = b->split_alt_ref = RH_NONE;
    b->split_t0 = RH_NONE;
    rh_buf_init(&b->splits, 64u << 20);
    rh_buf_init(&b->track, 64u << 20);
}

void rh_act_builder_release(struct rh_act_builder *b)
{
    rh_buf_release(&b->splits);
    rh_buf_release(&b->track);
}

void rh_act_builder_segment(struct rh_act_builder *b)
{
    b->new_segment = true;
}

static int close_split(struct rh_act_builder *b, double end_m, double end_t)
{
    struct rh_split s;
    s.dist_m = end_m - b->split_start_m;
    /* fabs: a track whose times run backwards has splits of forward length */
    s.time_s = rh_has(end_t) && rh_has(b->split_t0) ? fabs(end_t - b->split_t0) : RH_NONE;
    s.avg_hr_bpm = b->split_hr_n ? b->split_hr / (double)b->split_hr_n : RH_NONE;
    s.avg_cad_spm = b->split_cad_n ? b->split_cad / (double)b->split_cad_n : RH_NONE;
    s.elev_gain_m = b->split_gain;
    b->split_start_m = end_m;
    b->split_t0 = end_t;
    b->split_hr = b->split_cad = b->split_gain = 0;
    b->split_hr_n = b->split_cad_n = 0;
    return rh_buf_append(&b->splits, &s, sizeof s);
}

/* Adds a position to the simplified track if it is RH_TRACK_STEP_M from the
 * last one added. */
static int track_add(struct rh_act_builder *b, double lat, double lon)
{
    /* the great-circle distance is at most R (|dlat| + |dlon|) (along the
     * meridian, then the parallel): below the step no haversine is needed */
    const double deg_m = 6371008.8 * M_PI / 180.0;
    bool near = b->kept_any && (fabs(lat - b->kept_lat) + fabs(lon - b->kept_lon)) * deg_m < RH_TRACK_STEP_M;
    if (b->kept_any && (near || rh_haversine_m(b->kept_lat, b->kept_lon, lat, lon) < RH_TRACK_STEP_M))
        return 0;
    struct rh_trackpt tp = {(int32_t)lround(lat * 1e7), (int32_t)lround(lon * 1e7)};
    int r = rh_buf_append(&b->track, &tp, sizeof tp);
    if (r)
        return r;
    b->kept_any = true;
    b->kept_lat = lat;
    b->kept_lon = lon;
    return 0;
}

/* The last kept position was a jump: it leaves the track if it was its last
 * point, and the candidate takes its place. */
static int track_reanchor(struct rh_act_builder *b)
{
    size_t n = b->track.len / sizeof(struct rh_trackpt);
    if (n && b->kept_any && b->kept_lat == b->last_lat && b->kept_lon == b->last_lon) {
        b->track.len -= sizeof(struct rh_trackpt);
        b->kept_any = n > 1;
        if (n > 1) {
            const struct rh_trackpt *t = (const struct rh_trackpt *)b->track.data + (n - 2);
            b->kept_lat = t->lat_e7 / 1e7;
            b->kept_lon = t->lon_e7 / 1e7;
        }
    }
    return track_add(b, b->cand_lat0, b->cand_lon0);
}

int rh_act_builder_point(struct rh_act_builder *b, const struct rh_point *p)
{
    int r;
    b->n++;
    if (rh_has(p->t)) {
        if (!rh_has(b->first_t))
            b->first_t = p->t;
        b->last_t = p->t;
        if (!rh_has(b->split_t0))
            b->split_t0 = p->t;
    }
    bool pos = rh_has(p->lat) && rh_has(p->lon) && fabs(p->lat) <= 90 && fabs(p->lon) <= 180;
    if (pos && b->have_pos && !b->new_segment) {
        double d = rh_haversine_m(b->last_lat, b->last_lon, p->lat, p->lon);
        double dc = 0;
        if (!gps_jump(b, d, b->last_pos_t, p->t)) {
            b->seg_dist_m += d;
            b->have_cand = false;
            b->last_confirmed = true;
        } else if (b->have_cand &&
                   !gps_jump(b, dc = rh_haversine_m(b->cand_lat, b->cand_lon, p->lat, p->lon),
                             b->cand_t, p->t) &&
                   b->cand_n + 1 >= (b->last_confirmed ? RH_GPS_AGREE_FIXES : 2)) {
            /* enough fixes agree against the last kept one: that one was
             * the jump (or the gap was real); go on from them, no distance
             * across */
            b->seg_dist_m += b->cand_dist_m + dc;
            b->have_cand = false;
            if ((r = track_reanchor(b)))
                return r;
            b->last_confirmed = true;
        } else {
            if (b->have_cand && !gps_jump(b, dc, b->cand_t, p->t)) {
                b->cand_n++; /* one more agrees: not yet enough */
                b->cand_dist_m += dc;
            } else {
                b->have_cand = true;
                b->cand_n = 1;
                b->cand_dist_m = 0;
                b->cand_lat0 = p->lat;
                b->cand_lon0 = p->lon;
            }
            b->cand_lat = p->lat;
            b->cand_lon = p->lon;
            b->cand_t = p->t;
            b->n_gps_jumps++;
            pos = false; /* neither distance nor track */
        }
    }
    if (pos) {
        if (!b->have_pos || b->new_segment)
            b->last_confirmed = false; /* a first fix: nothing confirms it yet */
        b->have_pos = true;
        b->new_segment = false;
        b->have_cand = false;
        b->last_lat = p->lat;
        b->last_lon = p->lon;
        b->last_pos_t = p->t;
        if ((r = track_add(b, p->lat, p->lon)))
            return r;
    }
    /* The device's cumulative distance drives the splits when present. */
    if (rh_has(p->dist_m) && p->dist_m >= b->cum_m)
        b->cum_m = p->dist_m;
    else if (!rh_has(p->dist_m) && pos)
        b->cum_m = b->seg_dist_m > b->cum_m ? b->seg_dist_m : b->cum_m;
    if (rh_hr_plausible(p->hr_bpm)) {
        b->hr_sum += p->hr_bpm;
        b->hr_n++;
        if (!rh_has(b->hr_max) || p->hr_bpm > b->hr_max)
            b->hr_max = p->hr_bpm;
        b->split_hr += p->hr_bpm;
        b->split_hr_n++;
    }
    if (rh_cadence_plausible(p->cad_spm)) {
        b->cad_sum += p->cad_spm;
        b->cad_n++;
        b->split_cad += p->cad_spm;
        b->split_cad_n++;
    }
    if (rh_temp_plausible(p->temp_c)) {
        b->temp_sum += p->temp_c;
        b->temp_n++;
    }
    if (rh_has(p->power_w)) {
        b->pow_sum += p->power_w;
        b->pow_n++;
    }
    if (rh_has(p->alt_m)) {
        if (!rh_has(b->alt_ref)) {
            b->alt_ref = p->alt_m;
        } else if (p->alt_m - b->alt_ref >= GAIN_HYSTERESIS_M) {
            double g = p->alt_m - b->alt_ref;
            b->gain_m += g;
            b->split_gain += g;
            b->alt_ref = p->alt_m;
        } else if (b->alt_ref - p->alt_m >= GAIN_HYSTERESIS_M) {
            b->alt_ref = p->alt_m;
        }
    }
    if (b->cum_m - b->split_start_m >= SPLIT_JUMP_M) {
        /* a jump no runner makes between two points (a glitch in the
         * device's distance or the position) is one split, not one a
         * kilometre: a 28 KB file once asked for a million (fuzz_tcx) */
        if ((r = close_split(b, b->cum_m, p->t)))
            return r;
    }
    while (b->cum_m - b->split_start_m >= 1000.0) {
        /* the split ends at this point's time */
        double end_m = b->split_start_m + 1000.0;
        if ((r = close_split(b, end_m, p->t)))
            return r;
    }
    return 0;
}

int rh_act_builder_finish(struct rh_act_builder *b)
{
    struct rh_activity *a = b->a;
    int r = 0;
    if (a->n_records == 0)
        a->n_records = b->n;
    /* times that run backwards from the first point to the last (a track
     * reversed by an editor, its times with it) span the same outing: it
     * starts at the earlier end; a single point out of order in between
     * (a clock glitch) changes neither end */
    double t0 = b->first_t, t1 = b->last_t;
    if (rh_has(t0) && t1 < t0) {
        t0 = b->last_t;
        t1 = b->first_t;
    }
    if (!a->has_start && rh_has(t0)) {
        a->has_start = true;
        a->start_utc = (int64_t)floor(t0);
    }
    if (!rh_has(a->total_elapsed_s) && rh_has(t0))
        a->total_elapsed_s = t1 - t0;
    if (!rh_has(a->total_distance_m)) {
        if (b->cum_m > 0)
            a->total_distance_m = b->cum_m > b->seg_dist_m ? b->cum_m : b->seg_dist_m;
        else if (b->have_pos)
            a->total_distance_m = b->seg_dist_m;
    }
    if (!rh_has(a->avg_hr) && b->hr_n)
        a->avg_hr = b->hr_sum / (double)b->hr_n;
    if (!rh_has(a->max_hr) && rh_has(b->hr_max))
        a->max_hr = b->hr_max;
    if (!rh_has(a->avg_cadence_spm) && b->cad_n && rh_sport_is_foot(a->sport))
        a->avg_cadence_spm = b->cad_sum / (double)b->cad_n;
    if (!rh_has(a->avg_temperature_c) && b->temp_n) {
        /* record temperatures are the device's own sensor */
        a->avg_temperature_c = b->temp_sum / (double)b->temp_n;
        a->temp_source = RH_TEMP_SRC_SENSOR;
    }
    if (!rh_has(a->avg_power_w) && b->pow_n)
        a->avg_power_w = b->pow_sum / (double)b->pow_n;
    if (!rh_has(a->elevation_gain_m) && rh_has(b->alt_ref))
        a->elevation_gain_m = b->gain_m;
    if (b->have_pos)
        a->has_gps = true;
    /* last partial split, if it is at least 100 m */
    if (b->cum_m - b->split_start_m >= 100.0 && (r = close_split(b, b->cum_m, b->last_t)))
        goto out;
    rh_free(a->splits);
    a->n_splits = b->splits.len / sizeof(struct rh_split);
    a->splits = a->n_splits ? (struct rh_split *)rh_buf_take(&b->splits) : NULL;
    /* decimate the track evenly down to RH_TRACK_MAX points */
    size_t n = b->track.len / sizeof(struct rh_trackpt);
    rh_free(a->track);
    a->track = NULL;
    a->n_track = 0;
    if (n) {
        struct rh_trackpt *all = (struct rh_trackpt *)b->track.data;
        size_t keep = n < RH_TRACK_MAX ? n : RH_TRACK_MAX;
        a->track = rh_malloc(keep * sizeof *a->track);
        if (!a->track) {
            r = RH_ENOMEM;
            goto out;
        }
        for (size_t i = 0; i < keep; i++)
            a->track[i] = all[keep == 1 ? 0 : i * (n - 1) / (keep - 1)];
        a->n_track = keep;
    }
out:
    rh_act_builder_release(b);
    return r;
}
