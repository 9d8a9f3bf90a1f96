/* SPDX-License-Identifier: MIT */
/*
 * FIT file -> struct rh_activity. One pass over the messages of the reader:
 * records go to the activity builder point by point (so splits and the
 * simplified track are made without keeping the records), session messages
 * are summed, file_id gives the device. The summary follows the semantics
 * of the corpus reference values (see docs/internals/fit.md): the sessions
 * win where the file has them, the records fill the rest.
 */
#include <stdio.h>
#include <string.h>

#include "fit/fit_int.h"
#include "text/file_words.h"
#include "util/banned.h"

/* FIT sport / sub_sport numbers used in the mapping (Profile.xlsx, Types). */
enum {
    SPORT_RUNNING = 1,
    SPORT_CYCLING = 2,
    SPORT_TRANSITION = 3,
    SPORT_FITNESS_EQUIPMENT = 4,
    SPORT_SWIMMING = 5,
    SPORT_TRAINING = 10,
    SPORT_WALKING = 11,
    SPORT_HIKING = 17,
    SUB_TREADMILL = 1,
    SUB_TRAIL = 3,
    SUB_STRENGTH_TRAINING = 20,
    SUB_INDOOR_RUNNING = 45,
};

#define MANUFACTURER_GARMIN 1
#define MANUFACTURER_DYNASTREAM_OEM 13
#define MANUFACTURER_DYNASTREAM 15

struct decode {
    struct rh_activity *a;
    struct rh_act_builder b;
    double v[RH__FIT_NSLOTS];
    /* sessions */
    long n_sessions;
    bool have_start;
    double start; /* FIT seconds */
    double elapsed, timer, dist, ascent;
    bool has_elapsed, has_timer, has_dist, has_ascent;
    double hr_wsum, hr_w, max_hr;
    double cad_wsum, cad_w; /* foot sessions, steps per minute */
    double temp_wsum, temp_w, pow_wsum, pow_w;
    int sport, sub_sport; /* of the first session, -1 if none */
    bool sport_mixed, sub_mixed;
    /* the legs of a multisport file, when asked for */
    struct rh_fit_legs *legs;
    struct rh_fit_leg *leg;
    /* one leg read on its own (rh_fit_decode_leg): its summary, its records */
    const struct rh_fit_leg *only;
    double only_t0, only_t1; /* the records kept, Unix seconds */
    double only_dist0;       /* device distance at its first record */
    /* sport message, when there is no session */
    int msg_sport, msg_sub_sport;
    /* records */
    long n_records;
    bool have_rec_time;
    double rec_time; /* first record, FIT seconds */
    double last_dist; /* last plausible record distance, metres */
    bool have_pos;
    double last_lat, last_lon; /* last record position, degrees */
    double csd_dist;  /* compressed speed/distance accumulator, metres */
    unsigned csd_last; /* last 12-bit distance count */
    bool csd_any;
    /* file_id / device_info */
    bool have_file_id;
    double manufacturer, product, time_created;
    char product_name[32];
    double dev_manufacturer, dev_product;
};

/* x when lo <= x <= hi, else absent: a file may declare any base type for
 * a field, so values are checked before they become integers or points. */
static double in_range(double x, double lo, double hi)
{
    return x >= lo && x <= hi ? x : RH_NONE;
}

/* An enum-like value (sport, manufacturer, ...) as int, -1 when absent. */
static int small_int(double x)
{
    return x >= 0 && x <= 65535 ? (int)x : -1;
}

/* Fills d->v for the message's profile slots (scale and offset applied). */
static void load_slots(struct decode *d, const struct rh_fit_msg *m)
{
    const struct rh_fit_def *def = m->def;
    for (unsigned i = 0; i < def->n_unset; i++)
        d->v[def->unset[i]] = RH_NONE;
    for (unsigned i = 0; i < def->n_slotted; i++) {
        const struct rh_fit_field *f = &m->fields[def->slotted[i]];
        double x = rh__fit_raw(m->data, f, m->big_endian);
        const struct rh__fit_slot_info *si = &rh__fit_slots[f->slot];
        d->v[f->slot] = x * si->inv_scale - si->offset; /* NaN stays NaN */
    }
}

static void on_file_id(struct decode *d, const struct rh_fit_msg *m)
{
    if (d->have_file_id)
        return; /* chained files: the first file_id names the device */
    d->have_file_id = true;
    d->manufacturer = d->v[RH__FIT_FILE_MANUFACTURER];
    d->product = d->v[RH__FIT_FILE_PRODUCT];
    d->time_created = in_range(d->v[RH__FIT_FILE_TIME_CREATED], 0, 4294967295.0);
    rh_fit_field_str(m, rh_fit_msg_field(m, RH__FIT_FILE_PRODUCT_NAME), d->product_name,
                     sizeof d->product_name);
}

static bool foot_sport(int sport)
{
    return sport == SPORT_RUNNING || sport == SPORT_WALKING || sport == SPORT_HIKING;
}

static enum rh_sport map_sport(int sport, int sub);
static void add_leg(struct decode *d, int sport, int sub);

static void on_session(struct decode *d)
{
    const double *v = d->v;
    int sport = small_int(v[RH__FIT_SES_SPORT]);
    int sub = small_int(v[RH__FIT_SES_SUB_SPORT]);
    if (d->n_sessions == 0) {
        d->sport = sport;
        d->sub_sport = sub;
    } else {
        d->sport_mixed |= sport != d->sport;
        d->sub_mixed |= sub != d->sub_sport;
    }
    d->n_sessions++;
    if (d->legs && sport != SPORT_TRANSITION)
        add_leg(d, sport, sub);
    if (!d->have_start && rh_has(in_range(v[RH__FIT_SES_START_TIME], 0, 4294967295.0))) {
        d->have_start = true;
        d->start = v[RH__FIT_SES_START_TIME];
    }
    double el = v[RH__FIT_SES_TOTAL_ELAPSED_TIME], tm = v[RH__FIT_SES_TOTAL_TIMER_TIME];
    if (rh_has(el)) {
        d->elapsed += el;
        d->has_elapsed = true;
    }
    if (rh_has(tm)) {
        d->timer += tm;
        d->has_timer = true;
    }
    if (rh_has(v[RH__FIT_SES_TOTAL_DISTANCE])) {
        d->dist += v[RH__FIT_SES_TOTAL_DISTANCE];
        d->has_dist = true;
    }
    if (rh_has(v[RH__FIT_SES_TOTAL_ASCENT])) {
        d->ascent += v[RH__FIT_SES_TOTAL_ASCENT];
        d->has_ascent = true;
    }
    /* averages are weighted by timer time (elapsed when there is none) */
    double w = rh_has(tm) && tm > 0 ? tm : rh_has(el) && el > 0 ? el : 1.0;
    if (rh_hr_plausible(v[RH__FIT_SES_AVG_HEART_RATE])) { /* 0 and 255: no reading */
        d->hr_wsum += w * v[RH__FIT_SES_AVG_HEART_RATE];
        d->hr_w += w;
    }
    double mx = v[RH__FIT_SES_MAX_HEART_RATE];
    if (rh_hr_plausible(mx) && (!rh_has(d->max_hr) || mx > d->max_hr))
        d->max_hr = mx;
    if (foot_sport(sport) && rh_has(v[RH__FIT_SES_AVG_CADENCE])) {
        double frac = v[RH__FIT_SES_AVG_FRACTIONAL_CADENCE];
        double spm = 2.0 * (v[RH__FIT_SES_AVG_CADENCE] + (rh_has(frac) ? frac : 0.0));
        d->cad_wsum += w * spm;
        d->cad_w += w;
    }
    if (rh_has(v[RH__FIT_SES_AVG_TEMPERATURE])) {
        d->temp_wsum += w * v[RH__FIT_SES_AVG_TEMPERATURE];
        d->temp_w += w;
    }
    if (rh_has(v[RH__FIT_SES_AVG_POWER])) {
        d->pow_wsum += w * v[RH__FIT_SES_AVG_POWER];
        d->pow_w += w;
    }
}

/* Record field 8, compressed_speed_distance: 12 bits of speed (1/100 m/s)
 * and 12 bits of distance (1/16 m, rolling over), Profile.xlsx. */
static void compressed_speed_distance(struct decode *d, const struct rh_fit_msg *m,
                                      struct rh_point *p)
{
    const struct rh_fit_field *f = rh_fit_msg_field(m, RH__FIT_RECORD_COMPRESSED_SPEED_DISTANCE);
    if (!f || f->size < 3)
        return;
    const uint8_t *b = m->data + f->off;
    unsigned speed = b[0] | (unsigned)(b[1] & 0x0F) << 8;
    unsigned dist = (unsigned)(b[1] >> 4) | (unsigned)b[2] << 4;
    if (!rh_has(p->speed_mps) && speed != 0xFFF)
        p->speed_mps = speed / 100.0;
    if (d->csd_any && d->csd_dist < 2e6)
        d->csd_dist += ((dist - d->csd_last) & 0xFFF) / 16.0;
    else
        d->csd_dist = dist / 16.0;
    d->csd_any = true;
    d->csd_last = dist;
    if (!rh_has(p->dist_m))
        p->dist_m = d->csd_dist;
}

static int on_record(struct decode *d, const struct rh_fit_msg *m)
{
    const double *v = d->v;
    struct rh_point p;
    p.t = m->has_timestamp ? (double)m->timestamp + RH_FIT_EPOCH : RH_NONE;
    /* a leg keeps the records of its own time, from its start to its end */
    if (d->only && !(rh_has(p.t) && p.t >= d->only_t0 && p.t <= d->only_t1))
        return 0;
    d->n_records++;
    if (m->has_timestamp && !d->have_rec_time) {
        d->have_rec_time = true;
        d->rec_time = m->timestamp;
    }
    p.lat = v[RH__FIT_REC_POSITION_LAT];
    p.lon = v[RH__FIT_REC_POSITION_LONG];
    p.alt_m = rh_has(v[RH__FIT_REC_ENHANCED_ALTITUDE]) ? v[RH__FIT_REC_ENHANCED_ALTITUDE]
                                                       : v[RH__FIT_REC_ALTITUDE];
    /* at most 2000 km, and no jump forward of more than 100 km from one
     * record to the next: larger figures are broken fields, not a ride */
    p.dist_m = in_range(v[RH__FIT_REC_DISTANCE], 0, 2e6);
    if (rh_has(p.dist_m)) {
        if (rh_has(d->last_dist) && p.dist_m - d->last_dist > 1e5)
            p.dist_m = RH_NONE;
        else
            d->last_dist = p.dist_m;
    }
    p.speed_mps =
        rh_has(v[RH__FIT_REC_ENHANCED_SPEED]) ? v[RH__FIT_REC_ENHANCED_SPEED] : v[RH__FIT_REC_SPEED];
    p.hr_bpm = v[RH__FIT_REC_HEART_RATE];
    /* strides (or revolutions) per minute -> steps: 2 x (cadence + fraction);
     * halved again for sports that are not on foot once the sport is known */
    double cad = v[RH__FIT_REC_CADENCE], frac = v[RH__FIT_REC_FRACTIONAL_CADENCE];
    p.cad_spm = rh_has(cad) ? 2.0 * (cad + (rh_has(frac) ? frac : 0.0)) : RH_NONE;
    p.temp_c = v[RH__FIT_REC_TEMPERATURE];
    p.power_w = v[RH__FIT_REC_POWER];
    if (m->def->n_fields && m->size >= 3 && !rh_has(p.dist_m))
        compressed_speed_distance(d, m, &p);
    if (d->only && rh_has(p.dist_m)) {
        /* the device counts on from the legs before: the leg's own way */
        if (!rh_has(d->only_dist0))
            d->only_dist0 = p.dist_m;
        p.dist_m = p.dist_m >= d->only_dist0 ? p.dist_m - d->only_dist0 : RH_NONE;
    }
    if (rh_has(p.lat) && rh_has(p.lon)) {
        /* a jump of over a degree between two records is a GPS glitch or a
         * gap, not distance: the builder starts a new segment there. Past
         * 2000 km of track, positions are broken data and are dropped. */
        if (d->have_pos &&
            (fabs(p.lat - d->last_lat) > 1.0 || fabs(p.lon - d->last_lon) > 1.0))
            rh_act_builder_segment(&d->b);
        d->have_pos = true;
        d->last_lat = p.lat;
        d->last_lon = p.lon;
        if (d->b.seg_dist_m > 2e6)
            p.lat = p.lon = RH_NONE;
    }
    return rh_act_builder_point(&d->b, &p);
}

static enum rh_sport map_sport(int sport, int sub)
{
    switch (sport) {
    case SPORT_RUNNING:
        if (sub == SUB_TREADMILL || sub == SUB_INDOOR_RUNNING)
            return RH_SPORT_TREADMILL;
        return sub == SUB_TRAIL ? RH_SPORT_TRAIL_RUNNING : RH_SPORT_RUNNING;
    case SPORT_WALKING:
    case SPORT_HIKING:
        return RH_SPORT_WALKING;
    case SPORT_CYCLING:
        return RH_SPORT_CYCLING;
    case SPORT_SWIMMING:
        return RH_SPORT_SWIMMING;
    case SPORT_TRAINING:
    case SPORT_FITNESS_EQUIPMENT:
        if (sub == SUB_STRENGTH_TRAINING)
            return RH_SPORT_STRENGTH;
        if (sport == SPORT_FITNESS_EQUIPMENT && sub == SUB_TREADMILL)
            return RH_SPORT_TREADMILL;
        return RH_SPORT_OTHER;
    default:
        return RH_SPORT_OTHER;
    }
}

static void sub_sport_word(char out[static 32], int sub)
{
    out[0] = '\0';
    if (sub < 0)
        return;
    const char *n = rh_fit_sub_sport_name((unsigned)sub);
    if (n)
        snprintf(out, 32, "%s", n);
    else
        snprintf(out, 32, "%d", sub);
}

static void set_sub_sport(struct rh_activity *a, int sub)
{
    sub_sport_word(a->sub_sport, sub);
}

/* The session in d->v as one leg of a multisport file. */
static void add_leg(struct decode *d, int sport, int sub)
{
    const double *v = d->v;
    enum rh_sport s = map_sport(sport, sub);
    if (d->legs->n > 0 && s != d->leg[0].sport)
        d->legs->mixed = true;
    if (d->legs->n >= RH_FIT_LEGS_MAX)
        return;
    struct rh_fit_leg *l = &d->leg[d->legs->n++];
    memset(l, 0, sizeof *l);
    l->sport = s;
    sub_sport_word(l->sub_sport, sub);
    double st = in_range(v[RH__FIT_SES_START_TIME], 0, 4294967295.0);
    l->has_start = rh_has(st);
    l->start_utc = l->has_start ? (int64_t)st + RH_FIT_EPOCH : 0;
    l->elapsed_s = v[RH__FIT_SES_TOTAL_ELAPSED_TIME];
    l->timer_s = v[RH__FIT_SES_TOTAL_TIMER_TIME];
    l->dist_m = v[RH__FIT_SES_TOTAL_DISTANCE];
    l->ascent_m = v[RH__FIT_SES_TOTAL_ASCENT];
    l->avg_hr = rh_hr_plausible(v[RH__FIT_SES_AVG_HEART_RATE]) ? v[RH__FIT_SES_AVG_HEART_RATE]
                                                               : RH_NONE;
    l->max_hr = rh_hr_plausible(v[RH__FIT_SES_MAX_HEART_RATE]) ? v[RH__FIT_SES_MAX_HEART_RATE]
                                                               : RH_NONE;
    l->cad_spm = RH_NONE;
    if (foot_sport(sport) && rh_has(v[RH__FIT_SES_AVG_CADENCE])) {
        double frac = v[RH__FIT_SES_AVG_FRACTIONAL_CADENCE];
        l->cad_spm = 2.0 * (v[RH__FIT_SES_AVG_CADENCE] + (rh_has(frac) ? frac : 0.0));
    }
    l->temp_c = v[RH__FIT_SES_AVG_TEMPERATURE];
    l->power_w = v[RH__FIT_SES_AVG_POWER];
}

static int set_device(struct decode *d)
{
    int man = small_int(d->manufacturer), prod = small_int(d->product);
    if (man < 0) {
        man = small_int(d->dev_manufacturer);
        prod = small_int(d->dev_product);
    }
    if (man < 0)
        return 0;
    char text[96], mbuf[16], pbuf[16];
    unsigned mn = (unsigned)man;
    const char *mname = rh_fit_manufacturer_name(mn);
    if (!mname) {
        snprintf(mbuf, sizeof mbuf, "%u", mn);
        mname = mbuf;
    }
    const char *pname = NULL;
    if (prod >= 0) {
        unsigned pn = (unsigned)prod;
        if (mn == MANUFACTURER_GARMIN || mn == MANUFACTURER_DYNASTREAM ||
            mn == MANUFACTURER_DYNASTREAM_OEM)
            pname = rh_fit_garmin_product_name(pn);
        if (!pname) {
            snprintf(pbuf, sizeof pbuf, "%u", pn);
            pname = pbuf;
        }
    } else if (d->product_name[0]) {
        pname = d->product_name;
    }
    if (pname)
        snprintf(text, sizeof text, "%s %s", mname, pname);
    else
        snprintf(text, sizeof text, "%s", mname);
    return rh_activity_set_str(&d->a->device, text);
}

/* Everything the sessions and file_id say, before the builder fills the
 * rest from the records. */
static void summarise(struct decode *d)
{
    struct rh_activity *a = d->a;
    a->format = RH_FMT_FIT;
    a->n_records = d->n_records;
    if (d->only) {
        /* one leg: its session's summary; the builder adds from its records
         * what the session does not say */
        const struct rh_fit_leg *g = d->only;
        a->has_summary = true;
        a->sport = g->sport;
        snprintf(a->sub_sport, sizeof a->sub_sport, "%s", g->sub_sport);
        a->has_start = g->has_start;
        a->start_utc = g->start_utc;
        a->total_elapsed_s = g->elapsed_s;
        a->total_timer_s = g->timer_s;
        a->total_distance_m = g->dist_m;
        a->elevation_gain_m = g->ascent_m;
        a->avg_hr = g->avg_hr;
        a->max_hr = g->max_hr;
        a->avg_cadence_spm = g->cad_spm;
        a->avg_temperature_c = g->temp_c;
        a->temp_source = RH_TEMP_SRC_SENSOR;
        a->avg_power_w = g->power_w;
        return;
    }
    if (d->n_sessions) {
        a->has_summary = true;
        a->sport = d->sport_mixed ? RH_SPORT_OTHER : map_sport(d->sport, d->sub_sport);
        set_sub_sport(a, d->sport_mixed || d->sub_mixed ? -1 : d->sub_sport);
    } else if (d->msg_sport >= 0) {
        a->sport = map_sport(d->msg_sport, d->msg_sub_sport);
        set_sub_sport(a, d->msg_sub_sport);
    } else {
        a->sport = RH_SPORT_OTHER;
    }
    double start = d->have_start      ? d->start
                   : d->have_rec_time ? d->rec_time
                                      : d->time_created;
    if (rh_has(start)) {
        a->has_start = true;
        a->start_utc = (int64_t)start + RH_FIT_EPOCH;
    }
    if (d->has_elapsed)
        a->total_elapsed_s = d->elapsed;
    if (d->has_timer)
        a->total_timer_s = d->timer;
    if (d->has_dist)
        a->total_distance_m = d->dist;
    if (d->has_ascent)
        a->elevation_gain_m = d->ascent;
    if (d->hr_w > 0)
        a->avg_hr = d->hr_wsum / d->hr_w;
    if (rh_has(d->max_hr))
        a->max_hr = d->max_hr;
    if (d->cad_w > 0)
        a->avg_cadence_spm = d->cad_wsum / d->cad_w;
    if (d->temp_w > 0) {
        a->avg_temperature_c = d->temp_wsum / d->temp_w;
        a->temp_source = RH_TEMP_SRC_SENSOR; /* the device's own */
    }
    if (d->pow_w > 0)
        a->avg_power_w = d->pow_wsum / d->pow_w;
}

/* The activity message's local_timestamp minus its timestamp is the
 * device's UTC offset at the end of the activity (FIT profile, activity
 * message, field 5); it counts only when plausible (whole quarter hours
 * within 14 h; cli.md) and the first one is kept. */
static void on_activity(struct decode *d, const struct rh_fit_msg *m)
{
    double local = d->v[RH__FIT_ACT_LOCAL_TIMESTAMP];
    if (d->a->has_offset || !m->has_timestamp || !rh_has(local))
        return;
    double diff = local - (double)m->timestamp;
    if (!(fabs(diff) <= 14 * 3600.0))
        return;
    long secs = lround(diff);
    if (secs % 60 != 0)
        return;
    int32_t min = (int32_t)(secs / 60);
    if (!rh_utc_offset_plausible(min))
        return;
    d->a->has_offset = true;
    d->a->utc_offset_min = min;
}

static void decode_init(struct decode *d, struct rh_activity *a)
{
    memset(d, 0, sizeof *d);
    d->a = a;
    d->sport = d->sub_sport = d->msg_sport = d->msg_sub_sport = -1;
    d->max_hr = d->last_dist = RH_NONE;
    d->manufacturer = d->product = d->time_created = RH_NONE;
    d->dev_manufacturer = d->dev_product = RH_NONE;
    for (unsigned i = 0; i < RH__FIT_NSLOTS; i++)
        d->v[i] = RH_NONE;
    rh_act_builder_init(&d->b, a);
}

int rh_fit_decode(const void *buf, size_t len, struct rh_activity *a, struct rh_err *warn,
                  struct rh_err *err)
{
    return rh_fit_decode_legs(buf, len, a, NULL, NULL, warn, err);
}

static int decode_file(const void *buf, size_t len, struct rh_activity *a,
                       struct rh_fit_legs *legs, struct rh_fit_leg *leg,
                       const struct rh_fit_leg *only, struct rh_err *warn, struct rh_err *err);

int rh_fit_decode_legs(const void *buf, size_t len, struct rh_activity *a,
                       struct rh_fit_legs *legs, struct rh_fit_leg *leg, struct rh_err *warn,
                       struct rh_err *err)
{
    return decode_file(buf, len, a, legs, leg, NULL, warn, err);
}

int rh_fit_decode_leg(const void *buf, size_t len, const struct rh_fit_leg *leg,
                      struct rh_activity *a, struct rh_err *warn, struct rh_err *err)
{
    return decode_file(buf, len, a, NULL, NULL, leg, warn, err);
}

static int decode_file(const void *buf, size_t len, struct rh_activity *a,
                       struct rh_fit_legs *legs, struct rh_fit_leg *leg,
                       const struct rh_fit_leg *only, struct rh_err *warn, struct rh_err *err)
{
    struct decode d;
    struct rh_fit_msg m;
    long n_msgs = 0;
    int rc;
    rh_err_clear(warn);
    if (warn)
        warn->code = 0;
    /* the reader holds 16 definitions (about 65 KB): one allocation per file */
    struct rh_fit_reader *rp = rh_malloc(sizeof *rp);
    if (!rp)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
#define r (*rp)
    rh_fit_reader_init(&r, buf, len);
    decode_init(&d, a);
    if (legs && leg) {
        legs->n = 0;
        legs->mixed = false;
        d.legs = legs;
        d.leg = leg;
    }
    if (only) {
        d.only = only;
        d.only_dist0 = RH_NONE;
        /* no start or no elapsed time: no record is the leg's */
        d.only_t0 = only->has_start ? (double)only->start_utc : 1.0;
        d.only_t1 = only->has_start && rh_has(only->elapsed_s)
                        ? (double)only->start_utc + only->elapsed_s : 0.0;
    }
    /* the times of the file's first and last records: how far into the
     * recording a cut file could be read (a time more than a week after
     * the first is a clock's jump, not read as the last) */
    uint32_t first_ts = 0, last_ts = 0;
    bool have_first = false;
    while ((rc = rh_fit_next(&r, &m, err)) > 0) {
        n_msgs++;
        if (m.global == RH__FIT_MESG_RECORD && m.has_timestamp) {
            if (!have_first)
                first_ts = last_ts = m.timestamp;
            else if (m.timestamp > last_ts && m.timestamp - first_ts <= 7u * 86400u)
                last_ts = m.timestamp;
            have_first = true;
        }
        if (m.def->slot_lo == m.def->slot_hi)
            continue;
        load_slots(&d, &m);
        switch (m.global) {
        case RH__FIT_MESG_RECORD:
            if ((rc = on_record(&d, &m)) < 0) {
                rh_err_set(err, rc, "%s while reading records", rh_strerror(rc));
                goto fail;
            }
            break;
        case RH__FIT_MESG_SESSION:
            on_session(&d);
            break;
        case RH__FIT_MESG_FILE_ID:
            on_file_id(&d, &m);
            break;
        case RH__FIT_MESG_ACTIVITY:
            on_activity(&d, &m);
            break;
        case RH__FIT_MESG_SPORT:
            if (d.msg_sport < 0 && rh_has(d.v[RH__FIT_SPORT_SPORT])) {
                d.msg_sport = small_int(d.v[RH__FIT_SPORT_SPORT]);
                d.msg_sub_sport = small_int(d.v[RH__FIT_SPORT_SUB_SPORT]);
            }
            break;
        case RH__FIT_MESG_DEVICE_INFO:
            if (!rh_has(d.dev_manufacturer) && d.v[RH__FIT_DEV_DEVICE_INDEX] == 0) {
                d.dev_manufacturer = d.v[RH__FIT_DEV_MANUFACTURER];
                d.dev_product = d.v[RH__FIT_DEV_PRODUCT];
            }
            break;
        default:
            break;
        }
    }
    if (rc < 0)
        goto fail;
    if (n_msgs == 0) {
        rc = rh__file_err(err, RH_EEMPTY, "fit_nothing", (const char *)NULL);
        if (err) {
            rh__file_with_detail(err->msg, sizeof err->msg, err->msg, r.warn_detail);
            err->offset = r.warn.offset;
        }
        goto fail;
    }
    summarise(&d);
    if ((rc = set_device(&d)) < 0) {
        rh_err_set(err, rc, "%s", rh_strerror(rc));
        goto fail;
    }
    if ((rc = rh_act_builder_finish(&d.b)) < 0) {
        rh_err_set(err, rc, "%s while summarising records", rh_strerror(rc));
        rh_free(rp);
        return rc;
    }
    /* record cadence was doubled into steps; other sports keep rpm */
    if (!rh_sport_is_foot(a->sport))
        for (size_t i = 0; i < a->n_splits; i++)
            a->splits[i].avg_cad_spm /= 2.0;
    if (warn && r.warn.code) {
        *warn = r.warn;
        if (r.warn_cut) {
            /* what was kept, and the detail after it: up to the time the
             * activity says it ran (as runhip activities lists it), or for
             * one leg of several, the file's records (its legs share the
             * warning, said once) */
            double span = have_first ? (double)(last_ts - first_ts) : RH_NONE;
            if (!only && rh_has(a->total_elapsed_s) && a->total_elapsed_s > 0)
                span = a->total_elapsed_s;
            rh__file_warn_cut(warn, span, r.warn_detail);
        }
        else
            rh__file_with_detail(warn->msg, sizeof warn->msg, warn->msg, r.warn_detail);
    }
    rh_free(rp);
    return 0;
fail:
    rh_act_builder_release(&d.b);
    rh_free(rp);
    return rc;
#undef r
}
