/* SPDX-License-Identifier: MIT */
/*
 * runhip/activity.h: one recorded activity as runhip keeps it (the summary of
 * cli.md, a simplified track and per-kilometre splits), and the builder that
 * every decoder (FIT, GPX, TCX) feeds point by point.
 *
 * Ownership: struct rh_activity is caller-owned; its strings and arrays are
 * owned by it and freed by rh_activity_release(). The builder writes into an
 * activity the caller owns and keeps no pointer to the points it is given.
 */
#ifndef RUNHIP_ACTIVITY_H
#define RUNHIP_ACTIVITY_H

#include "runhip/util.h"

enum rh_sport {
    RH_SPORT_OTHER = 0,
    RH_SPORT_RUNNING,
    RH_SPORT_TRAIL_RUNNING,
    RH_SPORT_TREADMILL,
    RH_SPORT_WALKING,
    RH_SPORT_CYCLING,
    RH_SPORT_SWIMMING,
    RH_SPORT_STRENGTH,
    RH_SPORT__COUNT
};
/* cli.md name ("running", "trail_running", ...); never NULL. */
const char *rh_sport_name(enum rh_sport s);
/* Canonical name -> sport. 0 or RH_EKEY. */
int rh_sport_parse(const char *name, enum rh_sport *out);
/* True for running, trail running, treadmill and walking (cadence in spm). */
bool rh_sport_is_foot(enum rh_sport s);
/* True for the three running sports. */
bool rh_sport_is_run(enum rh_sport s);

enum rh_format {
    RH_FMT_NONE = 0,
    RH_FMT_FIT,
    RH_FMT_GPX,
    RH_FMT_TCX,
    RH_FMT_APPLE, /* a workout of an Apple Health export */
    RH_FMT_POLAR, /* a Polar Flow training-session JSON */
    RH_FMT_SML,   /* Suunto SML (Moveslink2) */
};
/* "fit", "gpx", "tcx", "apple_health", "polar", "sml" ("" for none). */
const char *rh_format_name(enum rh_format f);

/* One sample as a decoder sees it. Every double may be RH_NONE (absent).
 * t is UTC seconds (fractions allowed). cad_spm is steps per minute (both
 * feet) for foot sports and revolutions per minute otherwise: decoders
 * convert strides to steps. dist_m is the device's cumulative distance. */
struct rh_point {
    double t;
    double lat, lon; /* degrees */
    double alt_m;
    double dist_m;
    double speed_mps;
    double hr_bpm;
    double cad_spm;
    double temp_c;
    double power_w;
};
/* Sets every field of p to RH_NONE. */
void rh_point_clear(struct rh_point *p);

/* A point of the simplified track, for route comparison. */
struct rh_trackpt {
    int32_t lat_e7, lon_e7; /* degrees x 1e7 */
};

/* One whole kilometre (the last split may be shorter: dist_m says). */
struct rh_split {
    double dist_m;
    double time_s; /* elapsed time over the split */
    double avg_hr_bpm;
    double avg_cad_spm;
    double elev_gain_m;
};

/* Where an activity's sport comes from (cli.md `sport_source`). */
enum rh_sport_source {
    RH_SPORT_SRC_FILE = 0,   /* "file": the recording says */
    RH_SPORT_SRC_EXPORT_CSV, /* "export_csv": the export's activity list says */
    RH_SPORT_SRC_INFERRED,   /* "inferred": from speed, cadence and heart rate */
    RH_SPORT_SRC_USER,       /* "user": set by the runner */
};

/* Where an activity's temperature came from: the device's own sensor (a
 * watch on the wrist, warmed by the skin: FIT, GPX atemp, Suunto SML), or
 * the air, the weather's temperature (Apple Health HKWeatherTemperature).
 * The heat finding adds its wrist margin only to sensor readings
 * (data/load_rules.txt heat_watch_margin_c). */
enum rh_temp_source {
    RH_TEMP_SRC_SENSOR = 0, /* "sensor": the device's own (the default) */
    RH_TEMP_SRC_AIR,        /* "air": the weather's air temperature */
};

struct rh_activity {
    int64_t id; /* store row id; 0 when not stored */
    char *file; /* path as given (archive members as "archive!member") */
    enum rh_format format;
    enum rh_sport sport;
    char sub_sport[32]; /* the file's own sub-sport word, "" if none */
    char *name;         /* activity title (Strava CSV, GPX name), or NULL */
    char *gear;         /* shoe or bike name, or NULL */
    char *device;       /* "manufacturer product" or creator, or NULL */
    bool has_start;
    int64_t start_utc; /* valid when has_start */
    /* Minutes east of UTC at the start, from the file itself (FIT
     * local_timestamp - timestamp, Apple +hhmm, Polar timeZoneOffset, SML
     * header time against sample UTC); valid when has_offset. Decoders set
     * it only from the file; the store fills the profile zone's otherwise. */
    bool has_offset;
    int32_t utc_offset_min;
    enum rh_sport_source sport_source;
    bool excluded;    /* the runner excluded it from every count (store) */
    bool truncated;   /* the file ended early (decoder warning RH_ETRUNC) */
    bool has_summary; /* the file carries its own totals (FIT session, TCX lap) */
    double total_elapsed_s;
    double total_timer_s;
    double total_distance_m;
    long n_records;
    double avg_cadence_spm;
    double avg_hr, max_hr;
    double avg_temperature_c;
    enum rh_temp_source temp_source; /* of avg_temperature_c, when it has one */
    double elevation_gain_m;
    double avg_power_w;
    bool has_gps;
    uint64_t content_hash; /* of the file's bytes; 0 if unknown */
    /* One outing of a GPX or TCX of several, or one leg of a multisport
     * FIT (src/archive/formats.c): the hash of the whole file, which is
     * what an older runhip stored it under as one activity; else 0. Its
     * own content_hash is the file's and its number (part). Not stored. */
    uint64_t whole_hash;
    int part;
    struct rh_trackpt *track;
    size_t n_track;
    struct rh_split *splits;
    size_t n_splits;
};

void rh_activity_init(struct rh_activity *a);
void rh_activity_release(struct rh_activity *a);
/* Sets *slot to a copy of s (freeing the old value). 0 or RH_ENOMEM. */
int rh_activity_set_str(char **slot, const char *s);
/* Values that are not measurements (cli.md "Values that are not
 * measurements"): a heart rate of 0 or 250 and above (a Forerunner writes
 * 255 for "no reading"), a cadence of 0, a temperature outside -40..60 C.
 * They are missing (NaN), never figures. */
#define RH_HR_MAX_VALID 249.0
#define RH_TEMP_MIN_VALID (-40.0)
#define RH_TEMP_MAX_VALID 60.0
static inline bool rh_hr_plausible(double bpm)
{
    return bpm > 0 && bpm <= RH_HR_MAX_VALID;
}
static inline bool rh_cadence_plausible(double c)
{
    return c > 0 && c < 400;
}
static inline bool rh_temp_plausible(double t)
{
    return t >= RH_TEMP_MIN_VALID && t <= RH_TEMP_MAX_VALID;
}
/* Sets the summary values that are not measurements to missing. */
void rh_activity_drop_implausible(struct rh_activity *a);
/* The local day the activity started: its UTC offset when known (from the
 * file, or filled by the store from the zone), else the UTC day. */
int32_t rh_activity_local_day(const struct rh_activity *a);
/* The activity's minutes east of UTC at its start (cli.md): the file's own
 * when it has a plausible one, else tz's at the start instant (tz NULL: 0). */
int32_t rh_activity_offset_in(const struct rh_activity *a, const struct rh_tz *tz);
/* Fills a->utc_offset_min (and has_offset) by rh_activity_offset_in, so a
 * decoded activity that is not stored gets the local day it would be stored
 * with; nothing when it has no start time. */
void rh_activity_set_offset(struct rh_activity *a, const struct rh_tz *tz);
/* cli.md sport_source word: "file", "export_csv", "inferred", "user". */
const char *rh_sport_source_name(enum rh_sport_source s);
int rh_sport_source_parse(const char *name, enum rh_sport_source *out);
/* temp_source word: "sensor", "air" (the store's and the JSON's). */
const char *rh_temp_source_name(enum rh_temp_source s);
int rh_temp_source_parse(const char *name, enum rh_temp_source *out);
/* Duration to use for load: timer time if known, else elapsed, else NaN. */
double rh_activity_duration_s(const struct rh_activity *a);
/* Pace in seconds per km, or NaN where a pace means nothing: not on foot
 * (a ride's "3:05/km" would read as a sprint), under 100 m, or no time.
 * The one rule of the terminal's and the web's activity lists. */
double rh_activity_pace_s_km(const struct rh_activity *a);
/* session 21 (branch runner21b): whether the activity has a distance to
 * show: recorded and above 0 (an indoor ride stored with 0 m has none, as one
 * stored without; every list says "-" alike: terminal, web Training and
 * activity pages). */
bool rh_activity_has_distance(const struct rh_activity *a);

/* Great-circle distance in metres (R = 6 371 008.8 m). */
double rh_haversine_m(double lat1, double lon1, double lat2, double lon2);

/* Receives one decoded activity from a decoder that may find several in one
 * file (an Apple Health export holds every workout). The callee takes over
 * everything *a owns (it may copy the struct as it is); the caller neither
 * uses nor releases it afterwards, whatever the return. warn (NULL, or code
 * 0 when clean) says the activity is partial. A non-zero return stops the
 * decoder, which returns that value. */
typedef int (*rh_activity_fn)(void *ctx, struct rh_activity *a, const struct rh_err *warn);

/* ---- builder ---------------------------------------------------------- */

#define RH_TRACK_MAX 256   /* points kept in the simplified track */
#define RH_TRACK_STEP_M 25 /* minimum spacing before decimation */

/* GPS glitches (a jump at the start, in a tunnel, under trees): a position
 * that the previous kept one could only reach above these speeds is not
 * counted in the distance nor the track, as GPS tools do. The allowance is
 * added to speed x time so that ordinary fix noise never counts as a jump.
 * Foot: the fastest human sprint peaks at 12.4 m/s (U. Bolt, 100 m, Berlin
 * 2009, IAAF biomechanics report), so no runner or walker covers more
 * between two fixes. Cycling: road descents top out near 130 km/h
 * (36 m/s). Any other or unknown sport: 100 m/s (360 km/h, faster than any
 * train in service), which only a glitch exceeds.
 * Allowance: a phone's GPS is typically within 4.9 m under open sky and
 * worse near buildings, bridges and trees (gps.gov, GPS accuracy); 30 m
 * covers two bad fixes. */
#define RH_GPS_FOOT_MAX_MPS 12.5
#define RH_GPS_CYCLE_MAX_MPS 36.0
#define RH_GPS_ANY_MAX_MPS 100.0
#define RH_GPS_SLACK_M 30.0
/* Refused positions that must agree to move the track away from a
 * confirmed position: a glitch pair (two wrong fixes in a row, multipath
 * near buildings) is not enough. */
#define RH_GPS_AGREE_FIXES 3
/* The fastest speed a position can imply between fixes for this sport. */
double rh_gps_max_mps(enum rh_sport s);

/* Accumulates points and fills what the decoder did not set. Caller-owned;
 * rh_act_builder_release frees its scratch memory. */
struct rh_act_builder {
    struct rh_activity *a;
    long n;
    double first_t, last_t;
    bool have_pos;
    double last_lat, last_lon, seg_dist_m;
    double last_pos_t; /* time of the last kept position, or RH_NONE */
    /* positions refused as jumps that agree with each other (each within
     * reach of the one before), kept in case the jump was the last kept
     * one (a glitch at the start): when enough agree, the track goes on
     * from them. Two are enough against a kept position that no fix has
     * confirmed (the first one); against a confirmed one (reached from the
     * one before it without a jump) two are a glitch pair and it takes
     * RH_GPS_AGREE_FIXES (a real move the speeds cannot tell, such as a
     * ride on a train with the recording on). */
    bool have_cand;
    double cand_lat, cand_lon, cand_t;          /* the latest of them */
    double cand_lat0, cand_lon0, cand_dist_m;   /* the first, the way along them */
    int cand_n;                                 /* how many agree */
    bool last_confirmed;                        /* the last kept position */
    long n_gps_jumps; /* positions refused as jumps */
    double hr_sum, hr_max;
    long hr_n;
    double cad_sum;
    long cad_n;
    double temp_sum;
    long temp_n;
    double pow_sum;
    long pow_n;
    double alt_ref; /* hysteresis reference for elevation gain */
    double gain_m;
    /* splits */
    double cum_m;       /* distance used for splits (device or track) */
    double split_t0, split_start_m, split_hr, split_cad, split_gain;
    long split_hr_n, split_cad_n;
    double split_alt_ref;
    struct rh_buf splits; /* array of struct rh_split */
    /* track */
    double kept_lat, kept_lon;
    bool kept_any;
    struct rh_buf track; /* array of struct rh_trackpt */
    bool new_segment;
};

/* Starts building into a (which the caller has rh_activity_init'ed and may
 * have partly filled: fields already set are kept). */
void rh_act_builder_init(struct rh_act_builder *b, struct rh_activity *a);
/* Adds one sample (copied). 0, RH_ENOMEM or RH_ELIMIT. */
int rh_act_builder_point(struct rh_act_builder *b, const struct rh_point *p);
/* Starts a new track segment: no distance is counted across the gap. */
void rh_act_builder_segment(struct rh_act_builder *b);
/* Fills every field still absent from the points (start, elapsed time from
 * first to last timed point, distance by haversine within segments, without
 * the positions refused as jumps (RH_GPS_*), means
 * and maxima, elevation gain with a 3 m hysteresis, splits, track) and sets
 * n_records to the number of points if the decoder left it at 0.
 * Releases the scratch memory. 0 or RH_ENOMEM. */
int rh_act_builder_finish(struct rh_act_builder *b);
void rh_act_builder_release(struct rh_act_builder *b);

#endif
