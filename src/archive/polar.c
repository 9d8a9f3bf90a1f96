/* SPDX-License-Identifier: MIT */
/*
 * Polar Flow bulk export: one training-session-*.json is one activity.
 * Read defensively, since no real export could be used to build it: the
 * session's own totals where present (exportVersion 2.x has
 * averageHeartRate/maximumHeartRate at the top), else its exercises'
 * (older exports keep heartRate {avg, max} and distance in each exercise),
 * else the samples'. startTime/stopTime are local with no zone;
 * timeZoneOffset (minutes) gives UTC. Samples (heartRate, speed, distance,
 * altitude, cadence, and recordedRoute for positions) are merged by their
 * dateTime into points for the builder.
 *
 * Polar writes bare NaN and Infinity tokens where a sample had no value,
 * which is not JSON: a pre-pass turns them (outside strings) into null,
 * which is what they mean, so jansson can read the rest.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/banned.h"

/* ---- the NaN pre-pass ---------------------------------------------------------- */

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.';
}

int rh__json_bare_nan(const char *s, size_t n, struct rh_buf *out, size_t *count)
{
    static const struct {
        const char *w;
        size_t len;
    } toks[] = {{"-Infinity", 9}, {"Infinity", 8}, {"NaN", 3}};
    bool in_str = false;
    size_t done = 0; /* bytes of s already copied */
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = false;
            continue;
        }
        if (c == '"') {
            in_str = true;
            continue;
        }
        if ((c != 'N' && c != 'I' && c != '-') || (i > 0 && word_char(s[i - 1])))
            continue;
        for (size_t k = 0; k < sizeof toks / sizeof *toks; k++) {
            size_t l = toks[k].len;
            if (n - i >= l && memcmp(s + i, toks[k].w, l) == 0 &&
                (i + l == n || !word_char(s[i + l]))) {
                int r = rh_buf_append(out, s + done, i - done);
                if (!r)
                    r = rh_buf_append(out, "null", 4);
                if (r)
                    return r;
                (*count)++;
                i += l - 1;
                done = i + 1;
                break;
            }
        }
    }
    return rh_buf_append(out, s + done, n - done);
}

/* ---- reading ------------------------------------------------------------------------ */

/* "2023-05-21T09:14:03.000" (local, no zone) -> seconds as if UTC. */
static bool local_time(const char *s, double *t)
{
    int64_t v;
    if (!s || rh_time_parse_iso(s, &v) != 0)
        return false;
    const char *dot = strchr(s, '.');
    double frac = 0;
    if (dot) {
        double scale = 0.1;
        for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++, scale /= 10)
            frac += (*p - '0') * scale;
    }
    *t = (double)v + frac;
    return true;
}

/* ISO 8601 duration "PT1500.000S", "PT1H2M3S", "P1DT2H" -> seconds. */
static bool iso_duration(const char *s, double *out)
{
    if (!s || *s != 'P')
        return false;
    s++;
    double total = 0;
    bool in_time = false, any = false;
    while (*s) {
        if (*s == 'T') {
            in_time = true;
            s++;
            continue;
        }
        char *end;
        double v = strtod(s, &end);
        if (end == s || v < 0)
            return false;
        switch (*end) {
        case 'D':
            total += v * 86400;
            break;
        case 'H':
            total += v * 3600;
            break;
        case 'M':
            total += in_time ? v * 60 : v * 30 * 86400;
            break;
        case 'S':
            total += v;
            break;
        default:
            return false;
        }
        any = true;
        s = end + 1;
    }
    *out = total;
    return any;
}

static double jnum(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : RH_NONE;
}

static const struct {
    const char *word;
    enum rh_sport sport;
} polar_sports[] = {
    {"RUNNING", RH_SPORT_RUNNING},
    {"ROAD_RUNNING", RH_SPORT_RUNNING},
    {"TRACK_AND_FIELD_RUNNING", RH_SPORT_RUNNING},
    {"TREADMILL_RUNNING", RH_SPORT_TREADMILL},
    {"TRAIL_RUNNING", RH_SPORT_TRAIL_RUNNING},
    {"WALKING", RH_SPORT_WALKING},
    {"HIKING", RH_SPORT_WALKING},
    {"NORDIC_WALKING", RH_SPORT_WALKING},
    {"CYCLING", RH_SPORT_CYCLING},
    {"ROAD_BIKING", RH_SPORT_CYCLING},
    {"MOUNTAIN_BIKING", RH_SPORT_CYCLING},
    {"INDOOR_CYCLING", RH_SPORT_CYCLING},
    {"SWIMMING", RH_SPORT_SWIMMING},
    {"POOL_SWIMMING", RH_SPORT_SWIMMING},
    {"OPEN_WATER_SWIMMING", RH_SPORT_SWIMMING},
    {"STRENGTH_TRAINING", RH_SPORT_STRENGTH},
};

static enum rh_sport polar_sport(const char *w)
{
    for (size_t i = 0; w && i < sizeof polar_sports / sizeof *polar_sports; i++)
        if (strcmp(w, polar_sports[i].word) == 0)
            return polar_sports[i].sport;
    return RH_SPORT_OTHER;
}

/* One time-stamped sample, before merging by time. */
struct smp {
    double t;
    int field; /* index into struct rh_point, see set_field */
    double v, v2, v3;
};

enum { F_HR, F_SPEED, F_DIST, F_ALT, F_CAD, F_POS };

static int smp_cmp(const void *x, const void *y)
{
    const struct smp *a = x, *b = y;
    return (a->t > b->t) - (a->t < b->t);
}

static int push(struct smp **v, size_t *n, size_t *cap, const struct smp *s)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 1024;
        struct smp *nv = rh_realloc(*v, nc * sizeof *nv);
        if (!nv)
            return RH_ENOMEM;
        *v = nv;
        *cap = nc;
    }
    (*v)[(*n)++] = *s;
    return 0;
}

/* Adds every sample array of one exercise to *v (grown as needed). */
static int collect(json_t *samples, double off_s, struct smp **v, size_t *n, size_t *cap,
                   const bool foot)
{
    static const struct {
        const char *key;
        int field;
    } arrays[] = {{"heartRate", F_HR},  {"speed", F_SPEED},   {"distance", F_DIST},
                  {"altitude", F_ALT},  {"cadence", F_CAD},   {"recordedRoute", F_POS}};
    (void)foot;
    if (json_is_array(samples)) {
        /* a list of samples, each with its own fields ("heartRate": 140,
         * "latitude": ...) instead of one list per field */
        size_t i;
        json_t *e;
        json_array_foreach(samples, i, e) {
            double t;
            if (!local_time(json_string_value(json_object_get(e, "dateTime")), &t))
                continue;
            for (size_t k = 0; k < sizeof arrays / sizeof *arrays; k++) {
                struct smp s = {t - off_s, arrays[k].field, RH_NONE, RH_NONE, RH_NONE};
                if (s.field == F_POS) {
                    s.v = jnum(e, "latitude");
                    s.v2 = jnum(e, "longitude");
                    s.v3 = jnum(e, "altitude");
                    if (!rh_has(s.v) || !rh_has(s.v2) || fabs(s.v) > 90 || fabs(s.v2) > 180)
                        continue;
                } else if (!rh_has(s.v = jnum(e, arrays[k].key))) {
                    continue;
                }
                if (push(v, n, cap, &s))
                    return RH_ENOMEM;
            }
        }
        return 0;
    }
    for (size_t k = 0; k < sizeof arrays / sizeof *arrays; k++) {
        json_t *arr = json_object_get(samples, arrays[k].key);
        size_t i;
        json_t *e;
        json_array_foreach(arr, i, e) {
            double t;
            if (!local_time(json_string_value(json_object_get(e, "dateTime")), &t))
                continue;
            struct smp s = {t - off_s, arrays[k].field, RH_NONE, RH_NONE, RH_NONE};
            if (s.field == F_POS) {
                s.v = jnum(e, "latitude");
                s.v2 = jnum(e, "longitude");
                s.v3 = jnum(e, "altitude");
                if (!rh_has(s.v) || !rh_has(s.v2) || fabs(s.v) > 90 || fabs(s.v2) > 180)
                    continue;
            } else {
                s.v = jnum(e, "value"); /* absent or null (a dropout): no value */
                if (!rh_has(s.v))
                    continue;
            }
            if (push(v, n, cap, &s))
                return RH_ENOMEM;
        }
    }
    return 0;
}

static void set_field(struct rh_point *p, const struct smp *s, bool foot)
{
    switch (s->field) {
    case F_HR:
        if (s->v > 0 && s->v < 250)
            p->hr_bpm = s->v;
        break;
    case F_SPEED:
        if (s->v >= 0)
            p->speed_mps = s->v / 3.6; /* Polar writes km/h */
        break;
    case F_DIST:
        if (s->v >= 0)
            p->dist_m = s->v;
        break;
    case F_ALT:
        p->alt_m = s->v;
        break;
    case F_CAD:
        /* Polar's running cadence is steps a minute already (its watches
         * show steps); not doubled. Cycling: rpm. */
        (void)foot;
        if (s->v > 0)
            p->cad_spm = s->v;
        break;
    case F_POS:
        p->lat = s->v;
        p->lon = s->v2;
        if (rh_has(s->v3))
            p->alt_m = s->v3;
        break;
    default:
        break;
    }
}

int rh__polar_decode(const unsigned char *data, size_t len, struct rh_activity *a,
                     struct rh_err *warn, struct rh_err *err)
{
    rh_err_clear(warn);
    struct rh_buf fixed_text;
    rh_buf_init(&fixed_text, 0);
    size_t fixed;
    if (rh__json_bare_nan((const char *)data, len, &fixed_text, &fixed) != 0) {
        rh_buf_release(&fixed_text);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    json_error_t je;
    json_t *root = json_loadb(fixed_text.data ? fixed_text.data : "", fixed_text.len, 0, &je);
    rh_buf_release(&fixed_text);
    if (!root)
        return rh__file_err_detail(err, RH_ESYNTAX, je.line, "polar_damaged", je.text);
    int r = 0;
    struct smp *v = NULL;
    size_t n = 0, cap = 0;
    json_t *exs = json_object_get(root, "exercises");
    if (!json_is_object(root) || !json_is_array(exs)) {
        r = rh__file_err(err, RH_EUNSUPPORTED, "polar_not_session", (const char *)NULL);
        goto out;
    }
    double t0, t1;
    if (!local_time(json_string_value(json_object_get(root, "startTime")), &t0)) {
        json_t *e0 = json_array_get(exs, 0);
        if (!local_time(json_string_value(json_object_get(e0, "startTime")), &t0)) {
            r = rh__file_err(err, RH_EUNSUPPORTED, "polar_no_start", (const char *)NULL);
            goto out;
        }
    }
    /* the session's offset, else the first exercise's (older exports) */
    json_t *tz = json_object_get(root, "timeZoneOffset");
    if (!json_is_integer(tz))
        tz = json_object_get(json_array_get(exs, 0), "timezoneOffset");
    double off_s = 0;
    if (json_is_integer(tz)) {
        json_int_t off = json_integer_value(tz);
        if (off >= -14 * 60 && off <= 14 * 60 && off % 15 == 0) {
            a->has_offset = true;
            a->utc_offset_min = (int32_t)off;
            off_s = (double)off * 60;
        }
    }
    a->has_start = true;
    a->start_utc = (int64_t)(t0 - off_s);
    if (local_time(json_string_value(json_object_get(root, "stopTime")), &t1) && t1 >= t0)
        a->total_elapsed_s = t1 - t0;
    double d;
    if (iso_duration(json_string_value(json_object_get(root, "duration")), &d))
        a->total_timer_s = d;
    a->total_distance_m = jnum(root, "distance");
    a->avg_hr = jnum(root, "averageHeartRate");
    a->max_hr = jnum(root, "maximumHeartRate");
    /* sport: the exercises' if they agree */
    size_t i;
    json_t *e;
    enum rh_sport sp = RH_SPORT_OTHER;
    bool first = true;
    double ex_dist = 0, ex_timer = 0, hr_w = 0, hr_wt = 0, hr_max = RH_NONE;
    bool have_ex_dist = false, have_ex_timer = false;
    json_array_foreach(exs, i, e) {
        const char *w = json_string_value(json_object_get(e, "sport"));
        enum rh_sport s = polar_sport(w);
        if (first) {
            sp = s;
            if (w)
                snprintf(a->sub_sport, sizeof a->sub_sport, "%s", w);
            first = false;
        } else if (s != sp) {
            sp = RH_SPORT_OTHER;
            snprintf(a->sub_sport, sizeof a->sub_sport, "multisport");
        }
        double ed = jnum(e, "distance"), et;
        if (rh_has(ed)) {
            ex_dist += ed;
            have_ex_dist = true;
        }
        bool has_et = iso_duration(json_string_value(json_object_get(e, "duration")), &et);
        if (has_et) {
            ex_timer += et;
            have_ex_timer = true;
        }
        json_t *hr = json_object_get(e, "heartRate");
        double ha = jnum(hr, "avg"), hm = jnum(hr, "max");
        if (rh_has(ha) && ha > 0) {
            double wgt = has_et && et > 0 ? et : 1;
            hr_w += ha * wgt;
            hr_wt += wgt;
        }
        if (rh_has(hm) && hm > 0 && (!rh_has(hr_max) || hm > hr_max))
            hr_max = hm;
        if ((r = collect(json_object_get(e, "samples"), off_s, &v, &n, &cap, false)) != 0) {
            rh_err_set(err, r, "out of memory");
            goto out;
        }
    }
    a->sport = sp;
    if (!rh_has(a->total_distance_m) && have_ex_dist)
        a->total_distance_m = ex_dist;
    if (!rh_has(a->total_timer_s) && have_ex_timer)
        a->total_timer_s = ex_timer;
    if (!rh_has(a->avg_hr) && hr_wt > 0)
        a->avg_hr = hr_w / hr_wt;
    if (!rh_has(a->max_hr) && rh_has(hr_max))
        a->max_hr = hr_max;
    /* values that are not measurements */
    if (rh_has(a->avg_hr) && !(a->avg_hr > 0 && a->avg_hr < 250))
        a->avg_hr = RH_NONE;
    if (rh_has(a->max_hr) && !(a->max_hr > 0 && a->max_hr < 250))
        a->max_hr = RH_NONE;
    if (rh_has(a->total_distance_m) && a->total_distance_m < 0)
        a->total_distance_m = RH_NONE;
    const char *dev = json_string_value(json_object_get(root, "deviceId"));
    if (dev && *dev) {
        char name[64];
        snprintf(name, sizeof name, "Polar %s", dev);
        if (rh_activity_set_str(&a->device, name)) {
            r = rh_err_set(err, RH_ENOMEM, "out of memory");
            goto out;
        }
    }
    const char *title = json_string_value(json_object_get(root, "name"));
    if (title && *title && rh_activity_set_str(&a->name, title)) {
        r = rh_err_set(err, RH_ENOMEM, "out of memory");
        goto out;
    }
    /* the samples, merged by time into points */
    if (n > 1)
        qsort(v, n, sizeof *v, smp_cmp);
    struct rh_act_builder b;
    rh_act_builder_init(&b, a);
    long distinct = 0;
    bool foot = rh_sport_is_foot(sp);
    for (size_t k = 0; k < n && r == 0;) {
        struct rh_point p;
        rh_point_clear(&p);
        p.t = v[k].t;
        size_t j = k;
        for (; j < n && v[j].t == v[k].t; j++)
            set_field(&p, &v[j], foot);
        k = j;
        distinct++;
        r = rh_act_builder_point(&b, &p);
    }
    if (r == 0) {
        a->n_records = distinct;
        r = rh_act_builder_finish(&b);
    }
    rh_act_builder_release(&b);
    if (r) {
        rh_err_set(err, r, "cannot build the activity: %s", rh_strerror(r));
        goto out;
    }
    (void)fixed; /* a bare NaN is a missing value, not a fault of the file */
out:
    rh_free(v);
    json_decref(root);
    return r;
}

bool rh__polar_sniff(const unsigned char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    if (i >= n || p[i] != '{')
        return false;
    static const char *const keys[] = {"\"exportVersion\"", "\"exercises\""};
    for (size_t k = 0; k < 2; k++) {
        size_t l = strlen(keys[k]);
        for (size_t j = i; j + l <= n; j++)
            if (p[j] == '"' && memcmp(p + j, keys[k], l) == 0)
                return true;
    }
    return false;
}
