/* SPDX-License-Identifier: MIT */
/*
 * Apple Health export.xml: one activity per <Workout>, in one streaming
 * pass with expat (no namespaces, no text: everything is in attributes).
 *
 * The document holds the Records first (grouped by type) and the Workouts
 * after them, so the reader keeps, of all Records, only the HeartRate and
 * StepCount ones, packed in 8 and 12 bytes (a gigabyte export keeps a few
 * tens of MB), and matches them with the workouts at the end: heart rate
 * from the HeartRate Records whose start lies inside the workout (every
 * source, exact duplicates once), cadence from the StepCount Records wholly
 * inside a foot workout, from the workout's own source (else a watch's;
 * never the phone and the watch added together). Each workout's route comes
 * from its inline <Location>s (old exports) or from the GPX its
 * <FileReference> names, read through io->siblings after the pass.
 *
 * The temperature is the weather's (MetadataEntry HKWeatherTemperature of
 * an outdoor workout): the air's, not a sensor's on the wrist.
 *
 * Dates are "YYYY-MM-DD HH:MM:SS +hhmm": the offset printed on the start is
 * the activity's offset (it may differ from HKTimeZone; the printed one is
 * what the Health app showed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml/xml_int.h"
#include "util/banned.h"

#define HK "HKQuantityTypeIdentifier"
#define MAX_SOURCES 255      /* sources told apart; later ones share the last id */
#define RECORDS_MAX (6u << 20) /* HeartRate and StepCount Records kept, each */

/* ---- sports ---------------------------------------------------------------- */

static const struct {
    const char *word; /* after "HKWorkoutActivityType" */
    enum rh_sport sport;
} apple_sports[] = {
    {"Running", RH_SPORT_RUNNING},     {"Walking", RH_SPORT_WALKING},
    {"Hiking", RH_SPORT_WALKING},      {"Cycling", RH_SPORT_CYCLING},
    {"HandCycling", RH_SPORT_CYCLING}, {"Swimming", RH_SPORT_SWIMMING},
    {"TraditionalStrengthTraining", RH_SPORT_STRENGTH},
    {"FunctionalStrengthTraining", RH_SPORT_STRENGTH},
};

static enum rh_sport apple_sport(const char *raw)
{
    static const char pre[] = "HKWorkoutActivityType";
    if (strncmp(raw, pre, sizeof pre - 1) == 0)
        raw += sizeof pre - 1;
    for (size_t i = 0; i < sizeof apple_sports / sizeof *apple_sports; i++)
        if (strcmp(raw, apple_sports[i].word) == 0)
            return apple_sports[i].sport;
    return RH_SPORT_OTHER;
}

/* ---- units ------------------------------------------------------------------- */

static double len_unit(const char *u)
{
    static const struct {
        const char *u;
        double m;
    } t[] = {{"m", 1.0}, {"km", 1000.0}, {"cm", 0.01}, {"mi", 1609.344}, {"yd", 0.9144},
             {"ft", 0.3048}};
    for (size_t i = 0; u && i < sizeof t / sizeof *t; i++)
        if (strcmp(u, t[i].u) == 0)
            return t[i].m;
    return u ? RH_NONE : 1.0;
}

static double dur_unit(const char *u)
{
    static const struct {
        const char *u;
        double s;
    } t[] = {{"min", 60.0}, {"s", 1.0}, {"sec", 1.0}, {"h", 3600.0}, {"hr", 3600.0},
             {"ms", 0.001}};
    for (size_t i = 0; u && i < sizeof t / sizeof *t; i++)
        if (strcmp(u, t[i].u) == 0)
            return t[i].s;
    return u ? RH_NONE : 60.0;
}

/* A workout's HKWeatherTemperature, "71.15 degF" or "21.8 degC", in deg C;
 * RH_NONE when it is not a number with one of the two units. It is the air
 * temperature the watch took from the weather service for an outdoor
 * workout, the only temperature an Apple Watch export gives. */
static double weather_c(const char *v)
{
    char num[32];
    size_t n = 0;
    while (v[n] && v[n] != ' ' && n + 1 < sizeof num) {
        num[n] = v[n];
        n++;
    }
    num[n] = '\0';
    double t;
    if (v[n] != ' ' || !rh__xml_num(num, &t))
        return RH_NONE;
    const char *u = v + n + 1;
    double c = strcmp(u, "degC") == 0 ? t : strcmp(u, "degF") == 0 ? (t - 32) * 5 / 9 : RH_NONE;
    return rh_temp_plausible(c) ? c : RH_NONE;
}

/* "2016-11-14 07:25:41 -0700" -> UTC seconds and minutes east of UTC. */
static bool apple_time(const char *s, int64_t *t, int *off_min)
{
    int v[6];
    static const int len[6] = {4, 2, 2, 2, 2, 2};
    static const char sep[5] = {'-', '-', ' ', ':', ':'};
    if (!s)
        return false;
    for (int k = 0; k < 6; k++) {
        int x = 0;
        for (int i = 0; i < len[k]; i++, s++) {
            if (*s < '0' || *s > '9')
                return false;
            x = x * 10 + (*s - '0');
        }
        v[k] = x;
        if (k == 5) /* the zone follows: " +hhmm", "+hhmm", "Z" */
            break;
        if (*s != sep[k] && !(k == 2 && *s == 'T'))
            return false;
        s++;
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 60)
        return false;
    while (*s == ' ')
        s++;
    int sign = 1, off = 0;
    if (*s == '+' || *s == '-') {
        sign = *s++ == '-' ? -1 : 1;
        int d[4], nd = 0;
        for (; nd < 4 && *s >= '0' && *s <= '9'; s++)
            d[nd++] = *s - '0';
        if (nd != 4)
            return false;
        int oh = d[0] * 10 + d[1], om = d[2] * 10 + d[3];
        if (oh > 23 || om > 59)
            return false;
        off = sign * (oh * 60 + om);
    } else if (*s == 'Z') {
        s++;
    } else {
        return false;
    }
    if (*s)
        return false;
    *t = (int64_t)rh_days_from_civil(v[0], v[1], v[2]) * 86400 + v[3] * 3600 + v[4] * 60 + v[5] -
         (int64_t)off * 60;
    *off_min = off;
    return true;
}

/* ---- records kept -------------------------------------------------------------- */

struct hr_rec { /* 8 bytes */
    uint32_t t;   /* start, UTC seconds */
    uint16_t v10; /* bpm x 10 */
    uint8_t src;
    uint8_t pad;
};

struct step_rec { /* 12 bytes */
    uint32_t t;   /* start */
    uint32_t end; /* end */
    uint16_t v;   /* steps (rounded) */
    uint8_t src;
    uint8_t pad;
};

/* ---- workouts -------------------------------------------------------------------- */

struct workout {
    struct rh_activity a;
    int64_t t0, t1;
    uint8_t src;
    bool indoor;
    double attr_dist_m;               /* totalDistance, or NaN */
    double stat_dist_m[4];            /* WorkoutStatistics: walk/run, cycling, swimming, other */
    double stat_hr_avg, stat_hr_max;  /* WorkoutStatistics HeartRate */
    char *route;                      /* FileReference path, or NULL */
    struct rh_act_builder b;          /* inline <Location>s */
    bool building;
    bool cut; /* the document ended inside it */
};

enum { DIST_FOOT, DIST_CYCLE, DIST_SWIM, DIST_OTHER };

struct apple {
    XML_Parser p;
    struct rh__xml_mem m;
    int depth;
    bool root_ok;
    int fail;
    struct rh_err ferr;
    /* sources: names interned, id = index + 1 (0: none) */
    char *src_name[MAX_SOURCES];
    size_t n_src;
    size_t last_src;
    /* kept records */
    struct hr_rec *hr;
    size_t n_hr, cap_hr;
    struct step_rec *st;
    size_t n_st, cap_st;
    bool records_capped;
    /* workouts */
    struct workout *w;
    size_t n_w, cap_w;
    struct workout *cur; /* the open <Workout> (depth 2) */
    int route_depth;     /* depth of the open <WorkoutRoute>, 0 if none */
    long skipped_workouts;
    struct rh_err first_skip;
};

static void fail(struct apple *ap, int code, const char *fmt, const char *arg)
{
    if (!ap->fail) {
        ap->fail = code;
        rh_err_setl(&ap->ferr, code, (long)XML_GetCurrentLineNumber(ap->p), fmt, arg);
    }
    XML_StopParser(ap->p, XML_FALSE);
}

static const char *att(const char **atts, const char *name)
{
    for (; *atts; atts += 2)
        if (strcmp(atts[0], name) == 0)
            return atts[1];
    return NULL;
}

static uint8_t source_id(struct apple *ap, const char *name)
{
    if (!name)
        return 0;
    if (ap->last_src && strcmp(ap->src_name[ap->last_src - 1], name) == 0)
        return (uint8_t)ap->last_src;
    for (size_t i = 0; i < ap->n_src; i++) {
        if (strcmp(ap->src_name[i], name) == 0) {
            ap->last_src = i + 1;
            return (uint8_t)(i + 1);
        }
    }
    if (ap->n_src == MAX_SOURCES)
        return MAX_SOURCES;
    char *c = rh_strdup(name);
    if (!c) {
        fail(ap, RH_ENOMEM, "%s", "out of memory");
        return 0;
    }
    ap->src_name[ap->n_src++] = c;
    ap->last_src = ap->n_src;
    return (uint8_t)ap->n_src;
}

/* Grows a kept-record array; false when full or out of memory. */
static bool grow(struct apple *ap, void **arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    if (n >= RECORDS_MAX) {
        ap->records_capped = true;
        return false;
    }
    size_t nc = *cap ? *cap + *cap / 2 : 4096;
    if (nc > RECORDS_MAX)
        nc = RECORDS_MAX;
    void *np = rh_realloc(*arr, nc * size);
    if (!np) {
        fail(ap, RH_ENOMEM, "%s", "out of memory");
        return false;
    }
    *arr = np;
    *cap = nc;
    return true;
}

static void on_record(struct apple *ap, const char **atts)
{
    const char *type = NULL, *srcn = NULL, *sd = NULL, *ed = NULL, *val = NULL;
    for (const char **a = atts; *a; a += 2) {
        const char *k = a[0];
        switch (k[0]) {
        case 't':
            if (strcmp(k, "type") == 0)
                type = a[1];
            break;
        case 's':
            if (strcmp(k, "sourceName") == 0)
                srcn = a[1];
            else if (strcmp(k, "startDate") == 0)
                sd = a[1];
            break;
        case 'e':
            if (strcmp(k, "endDate") == 0)
                ed = a[1];
            break;
        case 'v':
            if (strcmp(k, "value") == 0)
                val = a[1];
            break;
        default:
            break;
        }
    }
    if (!type || strncmp(type, HK, sizeof HK - 1) != 0)
        return;
    type += sizeof HK - 1;
    bool is_hr = strcmp(type, "HeartRate") == 0;
    if (!is_hr && strcmp(type, "StepCount") != 0)
        return;
    int64_t t0, t1;
    int off;
    double v;
    if (!apple_time(sd, &t0, &off) || !apple_time(ed, &t1, &off) || !val ||
        !rh__xml_num(val, &v) || t0 < 0 || t0 > UINT32_MAX || t1 < t0 || t1 > UINT32_MAX)
        return;
    if (is_hr) {
        /* heart rate 0 or 250 and above is not a measurement */
        if (!(v > 0 && v < 250))
            return;
        if (!grow(ap, (void **)&ap->hr, &ap->cap_hr, ap->n_hr, sizeof *ap->hr))
            return;
        struct hr_rec *r = &ap->hr[ap->n_hr++];
        r->t = (uint32_t)t0;
        r->v10 = (uint16_t)(v * 10 + 0.5);
        r->src = source_id(ap, srcn);
        r->pad = 0;
    } else {
        if (!(v >= 0 && v < 65535))
            return;
        if (!grow(ap, (void **)&ap->st, &ap->cap_st, ap->n_st, sizeof *ap->st))
            return;
        struct step_rec *r = &ap->st[ap->n_st++];
        r->t = (uint32_t)t0;
        r->end = (uint32_t)t1;
        r->v = (uint16_t)(v + 0.5);
        r->src = source_id(ap, srcn);
        r->pad = 0;
    }
}

/* "<<HKDevice: 0x..>, name:Apple Watch, manufacturer:Apple Inc., model:Watch,
 * hardware:Watch6,2, software:9.5>" -> "Apple Watch Watch6,2". */
static void device_words(const char *dev, char *out, size_t cap)
{
    out[0] = '\0';
    if (!dev)
        return;
    const char *keys[] = {"name:", "hardware:"};
    for (size_t k = 0; k < 2; k++) {
        const char *p = strstr(dev, keys[k]);
        if (!p)
            continue;
        p += strlen(keys[k]);
        size_t n = 0;
        /* up to the ", key:" that follows (the hardware name has its own comma) */
        for (const char *q = p; *q && *q != '>'; q++, n++) {
            if (*q == ',' && q[1] == ' ') {
                const char *c = strchr(q + 2, ':');
                const char *nc = strchr(q + 2, ',');
                if (c && (!nc || c < nc))
                    break;
            }
        }
        if (n)
            rh_str_appendf(out, cap, "%s%.*s", out[0] ? " " : "", (int)n, p);
    }
}

static void on_workout(struct apple *ap, const char **atts)
{
    if (ap->n_w == ap->cap_w) {
        size_t nc = ap->cap_w ? ap->cap_w * 2 : 16;
        struct workout *nw = rh_realloc(ap->w, nc * sizeof *nw);
        if (!nw) {
            fail(ap, RH_ENOMEM, "%s", "out of memory");
            return;
        }
        ap->w = nw;
        ap->cap_w = nc;
    }
    struct workout *w = &ap->w[ap->n_w++];
    memset(w, 0, sizeof *w);
    rh_activity_init(&w->a);
    w->attr_dist_m = w->stat_hr_avg = w->stat_hr_max = RH_NONE;
    for (int i = 0; i < 4; i++)
        w->stat_dist_m[i] = RH_NONE;
    ap->cur = w;
    struct rh_activity *a = &w->a;
    a->format = RH_FMT_APPLE;
    const char *raw = att(atts, "workoutActivityType");
    const char *sd = att(atts, "startDate"), *ed = att(atts, "endDate");
    const char *srcn = att(atts, "sourceName");
    int off = 0, off1;
    if (!raw || !apple_time(sd, &w->t0, &off) || !apple_time(ed, &w->t1, &off1) ||
        w->t1 < w->t0) {
        a->has_start = false; /* left out at the end, with a warning */
        return;
    }
    a->sport = apple_sport(raw);
    static const char pre[] = "HKWorkoutActivityType";
    snprintf(a->sub_sport, sizeof a->sub_sport, "%s",
             strncmp(raw, pre, sizeof pre - 1) == 0 ? raw + sizeof pre - 1 : raw);
    a->has_start = true;
    a->start_utc = w->t0;
    /* a file's own offset counts when plausible: within 14 h, quarter hours */
    if (off >= -14 * 60 && off <= 14 * 60 && off % 15 == 0) {
        a->has_offset = true;
        a->utc_offset_min = off;
    }
    a->total_elapsed_s = (double)(w->t1 - w->t0);
    double d, u;
    const char *dur = att(atts, "duration");
    if (dur && rh__xml_num(dur, &d) && rh_has(u = dur_unit(att(atts, "durationUnit"))) && d >= 0)
        a->total_timer_s = d * u;
    const char *td = att(atts, "totalDistance");
    if (td && rh__xml_num(td, &d) && rh_has(u = len_unit(att(atts, "totalDistanceUnit"))) &&
        d >= 0)
        w->attr_dist_m = d * u;
    w->src = source_id(ap, srcn);
    char dev[128];
    device_words(att(atts, "device"), dev, sizeof dev);
    const char *devname = dev[0] ? dev : srcn;
    if (devname && rh_activity_set_str(&a->device, devname))
        fail(ap, RH_ENOMEM, "%s", "out of memory");
    /* the workout's identity: the same workout in a zip, a folder or a
     * bare export.xml is the same activity */
    struct rh_hash h;
    rh_hash_init(&h);
    rh_hash_update(&h, "apple_health\n", 13);
    rh_hash_update(&h, raw, strlen(raw));
    rh_hash_update(&h, sd, strlen(sd));
    rh_hash_update(&h, ed, strlen(ed));
    if (srcn)
        rh_hash_update(&h, srcn, strlen(srcn));
    a->content_hash = rh_hash_final(&h);
}

static void on_statistics(struct workout *w, const char **atts)
{
    const char *type = att(atts, "type");
    if (!type || strncmp(type, HK, sizeof HK - 1) != 0)
        return;
    type += sizeof HK - 1;
    double v, u;
    if (strcmp(type, "HeartRate") == 0) {
        const char *avg = att(atts, "average"), *max = att(atts, "maximum");
        if (avg && rh__xml_num(avg, &v))
            w->stat_hr_avg = v;
        if (max && rh__xml_num(max, &v))
            w->stat_hr_max = v;
        return;
    }
    if (strncmp(type, "Distance", 8) != 0)
        return;
    const char *sum = att(atts, "sum");
    if (!sum || !rh__xml_num(sum, &v) || v < 0 || !rh_has(u = len_unit(att(atts, "unit"))))
        return;
    int k = strcmp(type, "DistanceWalkingRunning") == 0 ? DIST_FOOT
            : strcmp(type, "DistanceCycling") == 0      ? DIST_CYCLE
            : strcmp(type, "DistanceSwimming") == 0     ? DIST_SWIM
                                                        : DIST_OTHER;
    w->stat_dist_m[k] = v * u;
}

static void on_location(struct apple *ap, struct workout *w, const char **atts)
{
    struct rh_point pt;
    rh_point_clear(&pt);
    const char *la = att(atts, "latitude"), *lo = att(atts, "longitude");
    const char *al = att(atts, "altitude"), *dt = att(atts, "date");
    double v;
    int64_t t;
    int off;
    if (!la || !lo || !rh__xml_num(la, &pt.lat) || !rh__xml_num(lo, &pt.lon) ||
        fabs(pt.lat) > 90 || fabs(pt.lon) > 180)
        return;
    if (al && rh__xml_num(al, &v))
        pt.alt_m = v;
    if (apple_time(dt, &t, &off))
        pt.t = (double)t;
    if (!w->building) {
        /* the builder fills only what the workout left absent: the route
         * gives the track and the elevation, never times or distance */
        w->building = true;
        rh_act_builder_init(&w->b, &w->a);
    }
    int r = rh_act_builder_point(&w->b, &pt);
    if (r == RH_ENOMEM)
        fail(ap, r, "%s", "out of memory");
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    struct apple *ap = ud;
    int d = ++ap->depth;
    if (d == 1) {
        if (strcmp(name, "HealthData") != 0) {
            char msg[sizeof ap->ferr.msg];
            rh__file_say(msg, sizeof msg, "apple_root", "root", name, (const char *)NULL);
            fail(ap, RH_EFORMAT, "%s", msg);
            return;
        }
        ap->root_ok = true;
        return;
    }
    if (d == 2) {
        if (name[0] == 'R' && strcmp(name, "Record") == 0)
            on_record(ap, atts);
        else if (strcmp(name, "Workout") == 0)
            on_workout(ap, atts);
        return;
    }
    struct workout *w = ap->cur;
    if (!w)
        return;
    if (d == 3 && strcmp(name, "MetadataEntry") == 0) {
        const char *k = att(atts, "key"), *v = att(atts, "value");
        if (k && v && strcmp(k, "HKIndoorWorkout") == 0)
            w->indoor = strcmp(v, "1") == 0;
        else if (k && v && strcmp(k, "HKWeatherTemperature") == 0) {
            w->a.avg_temperature_c = weather_c(v);
            w->a.temp_source = RH_TEMP_SRC_AIR; /* the weather's, not the wrist's */
        }
    } else if (strcmp(name, "WorkoutStatistics") == 0) {
        on_statistics(w, atts);
    } else if (d == 3 && strcmp(name, "WorkoutRoute") == 0) {
        ap->route_depth = d;
    } else if (ap->route_depth && d == ap->route_depth + 1) {
        if (strcmp(name, "Location") == 0) {
            on_location(ap, w, atts);
        } else if (strcmp(name, "FileReference") == 0 && !w->route) {
            const char *path = att(atts, "path");
            if (path && *path && !(w->route = rh_strdup(path)))
                fail(ap, RH_ENOMEM, "%s", "out of memory");
        }
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    struct apple *ap = ud;
    (void)name;
    int d = ap->depth--;
    if (d == ap->route_depth)
        ap->route_depth = 0;
    if (d == 2 && ap->cur) {
        struct workout *w = ap->cur;
        if (w->building) {
            w->building = false;
            if (rh_act_builder_finish(&w->b) == RH_ENOMEM)
                fail(ap, RH_ENOMEM, "%s", "out of memory");
        }
        ap->cur = NULL;
    }
}

/* ---- after the pass ---------------------------------------------------------------- */

static int hr_cmp(const void *x, const void *y)
{
    const struct hr_rec *a = x, *b = y;
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    if (a->src != b->src)
        return a->src < b->src ? -1 : 1;
    return (a->v10 > b->v10) - (a->v10 < b->v10);
}

static int st_cmp(const void *x, const void *y)
{
    const struct step_rec *a = x, *b = y;
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    if (a->src != b->src)
        return a->src < b->src ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return (a->v > b->v) - (a->v < b->v);
}

/* Sorts and drops exact duplicates (same start, source, value[, end]). */
static void sort_records(struct apple *ap)
{
    if (ap->n_hr > 1) {
        qsort(ap->hr, ap->n_hr, sizeof *ap->hr, hr_cmp);
        size_t k = 1;
        for (size_t i = 1; i < ap->n_hr; i++)
            if (hr_cmp(&ap->hr[i], &ap->hr[k - 1]) != 0)
                ap->hr[k++] = ap->hr[i];
        ap->n_hr = k;
    }
    if (ap->n_st > 1) {
        qsort(ap->st, ap->n_st, sizeof *ap->st, st_cmp);
        size_t k = 1;
        for (size_t i = 1; i < ap->n_st; i++)
            if (st_cmp(&ap->st[i], &ap->st[k - 1]) != 0)
                ap->st[k++] = ap->st[i];
        ap->n_st = k;
    }
}

static size_t hr_lower(const struct apple *ap, int64_t t)
{
    size_t lo = 0, hi = ap->n_hr;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((int64_t)ap->hr[mid].t < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t st_lower(const struct apple *ap, int64_t t)
{
    size_t lo = 0, hi = ap->n_st;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((int64_t)ap->st[mid].t < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool is_watch(const char *name)
{
    return name && strstr(name, "Watch") != NULL;
}

/* Completes a workout's totals from its statistics and the kept records. */
static void complete(struct apple *ap, struct workout *w)
{
    struct rh_activity *a = &w->a;
    if (w->indoor && a->sport == RH_SPORT_RUNNING)
        a->sport = RH_SPORT_TREADMILL;
    /* distance: the sport's own statistic, else any distance statistic,
     * else the old attribute */
    int want = rh_sport_is_foot(a->sport)          ? DIST_FOOT
               : a->sport == RH_SPORT_CYCLING  ? DIST_CYCLE
               : a->sport == RH_SPORT_SWIMMING ? DIST_SWIM
                                               : -1;
    double dist = want >= 0 ? w->stat_dist_m[want] : RH_NONE;
    for (int k = 0; k < 4 && !rh_has(dist); k++)
        dist = w->stat_dist_m[k];
    if (!rh_has(dist))
        dist = w->attr_dist_m;
    if (rh_has(dist)) /* else what the inline route measured, if any */
        a->total_distance_m = dist;
    /* heart rate */
    double sum = 0, max = 0;
    long n = 0;
    for (size_t i = hr_lower(ap, w->t0); i < ap->n_hr && (int64_t)ap->hr[i].t <= w->t1; i++) {
        double v = ap->hr[i].v10 / 10.0;
        sum += v;
        if (v > max)
            max = v;
        n++;
    }
    if (n) {
        a->avg_hr = sum / (double)n;
        a->max_hr = max;
    } else if (rh_has(w->stat_hr_avg)) {
        a->avg_hr = w->stat_hr_avg;
        a->max_hr = w->stat_hr_max;
    }
    /* cadence: steps of the workout's own source, else of a watch */
    if (rh_sport_is_foot(a->sport)) {
        double steps[MAX_SOURCES + 1] = {0};
        bool any[MAX_SOURCES + 1] = {false};
        for (size_t i = st_lower(ap, w->t0); i < ap->n_st && (int64_t)ap->st[i].t <= w->t1; i++) {
            if ((int64_t)ap->st[i].end > w->t1)
                continue;
            steps[ap->st[i].src] += ap->st[i].v;
            any[ap->st[i].src] = true;
        }
        int pick = -1;
        if (w->src && any[w->src]) {
            pick = w->src;
        } else {
            /* the first watch by name, as the references choose */
            for (size_t s = 1; s <= ap->n_src; s++)
                if (any[s] && is_watch(ap->src_name[s - 1]) &&
                    (pick < 0 || strcmp(ap->src_name[s - 1], ap->src_name[pick - 1]) < 0))
                    pick = (int)s;
        }
        double mins = (rh_has(a->total_timer_s) && a->total_timer_s > 0 ? a->total_timer_s
                                                                        : a->total_elapsed_s) /
                      60.0;
        if (pick > 0 && mins > 0 && steps[pick] > 0)
            a->avg_cadence_spm = steps[pick] / mins;
    }
}

/* The route GPX of the workouts that reference one. */
struct routes {
    struct apple *ap;
    size_t *widx; /* workout of each sorted path */
};

static int got_route(void *ctx, size_t i, const void *data, size_t len)
{
    struct routes *rs = ctx;
    struct workout *w = &rs->ap->w[rs->widx[i]];
    if (w->a.has_gps)
        return 0; /* inline Locations already gave it */
    struct rh_activity g;
    struct rh_err warn, err;
    rh_activity_init(&g);
    if (rh_gpx_decode(data, len, &g, &warn, &err) == 0) {
        struct rh_activity *a = &w->a;
        rh_free(a->track);
        a->track = g.track;
        a->n_track = g.n_track;
        g.track = NULL;
        g.n_track = 0;
        rh_free(a->splits);
        a->splits = g.splits;
        a->n_splits = g.n_splits;
        g.splits = NULL;
        g.n_splits = 0;
        a->n_records = g.n_records;
        a->has_gps = g.has_gps;
        if (!rh_has(a->elevation_gain_m))
            a->elevation_gain_m = g.elevation_gain_m;
    }
    rh_activity_release(&g);
    return 0;
}

struct psort {
    const char *path;
    size_t w;
};

static int psort_cmp(const void *x, const void *y)
{
    const struct psort *a = x, *b = y;
    int c = strcmp(a->path, b->path);
    return c ? c : (a->w > b->w) - (a->w < b->w);
}

static int read_routes(struct apple *ap, const struct rh_stream_io *io, struct rh_err *err)
{
    if (!io->siblings)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < ap->n_w; i++)
        if (ap->w[i].route && ap->w[i].a.has_start)
            n++;
    if (!n)
        return 0;
    struct psort *ps = rh_malloc(n * sizeof *ps);
    const char **paths = rh_malloc(n * sizeof *paths);
    size_t *widx = rh_malloc(n * sizeof *widx);
    int r = 0;
    if (!ps || !paths || !widx) {
        r = rh_err_set(err, RH_ENOMEM, "out of memory");
    } else {
        size_t k = 0;
        for (size_t i = 0; i < ap->n_w; i++)
            if (ap->w[i].route && ap->w[i].a.has_start)
                ps[k++] = (struct psort){ap->w[i].route, i};
        qsort(ps, n, sizeof *ps, psort_cmp);
        for (size_t i = 0; i < n; i++) {
            paths[i] = ps[i].path;
            widx[i] = ps[i].w;
        }
        struct routes rs = {ap, widx};
        r = io->siblings(io->ctx, paths, n, got_route, &rs, err);
    }
    rh_free(ps);
    rh_free(paths);
    rh_free(widx);
    return r;
}

/* ---- entry points -------------------------------------------------------------------- */

bool rh_apple_sniff(const void *buf, size_t len)
{
    const char *p = buf, *end = p + len;
    if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        p += 3;
    /* skip blanks, the XML declaration and comments up to the first markup
     * that names the document: <!DOCTYPE HealthData or <HealthData */
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        size_t left = (size_t)(end - p);
        if (left >= 2 && p[0] == '<' && p[1] == '?') {
            const char *q = memchr(p, '>', left);
            if (!q)
                return false;
            p = q + 1;
        } else if (left >= 4 && memcmp(p, "<!--", 4) == 0) {
            const char *q = p + 4;
            while (q + 3 <= end && memcmp(q, "-->", 3) != 0)
                q++;
            if (q + 3 > end)
                return false;
            p = q + 3;
        } else {
            static const char dt[] = "<!DOCTYPE HealthData", el[] = "<HealthData";
            return (left >= sizeof dt - 1 && memcmp(p, dt, sizeof dt - 1) == 0) ||
                   (left >= sizeof el - 1 && memcmp(p, el, sizeof el - 1) == 0 &&
                    (left == sizeof el - 1 || strchr(" \t\r\n>/", p[sizeof el - 1])));
        }
    }
    return false;
}

static void apple_release(struct apple *ap)
{
    if (ap->p) {
        struct rh__xml_mem *saved = rh__xml_mem_enter(&ap->m);
        XML_ParserFree(ap->p);
        rh__xml_mem_enter(saved);
    }
    for (size_t i = 0; i < ap->n_src; i++)
        rh_free(ap->src_name[i]);
    rh_free(ap->hr);
    rh_free(ap->st);
    for (size_t i = 0; i < ap->n_w; i++) {
        if (ap->w[i].building)
            rh_act_builder_release(&ap->w[i].b);
        rh_activity_release(&ap->w[i].a);
        rh_free(ap->w[i].route);
    }
    rh_free(ap->w);
}

static int parse_error(struct apple *ap, struct rh_err *err)
{
    if (ap->fail) {
        if (err)
            *err = ap->ferr;
        return ap->fail;
    }
    long line = (long)XML_GetCurrentLineNumber(ap->p);
    if (ap->m.capped) {
        char mb[32];
        snprintf(mb, sizeof mb, "%u", RH_XML_MEM_MAX >> 20);
        return rh__file_errl(err, RH_ELIMIT, line, "too_large", "mb", mb, (const char *)NULL);
    }
    enum XML_Error code = XML_GetErrorCode(ap->p);
    if (ap->m.failed || code == XML_ERROR_NO_MEMORY)
        return rh_err_setl(err, RH_ENOMEM, line, "out of memory while parsing XML");
    return rh__xml_damaged(err, line, XML_ErrorString(code),
                           (long)XML_GetCurrentColumnNumber(ap->p) + 1);
}

#define PARSE_CHUNK (1u << 20)

int rh_apple_decode(const struct rh_stream_io *io, rh_activity_fn fn, void *ctx,
                    struct rh_err *warn, struct rh_err *err)
{
    rh_err_clear(warn);
    struct apple *ap = rh_calloc(1, sizeof *ap);
    if (!ap)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    rh_err_clear(&ap->ferr);
    int r = 0;
    ap->p = rh__xml_parser_new(&ap->m, NULL);
    if (!ap->p) {
        rh_free(ap);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    XML_SetUserData(ap->p, ap);
    XML_SetElementHandler(ap->p, on_start, on_end);
    bool truncated = false;
    struct rh_err trunc;
    rh_err_clear(&trunc);
    char cut_detail[200] = "";
    for (;;) {
        const void *buf;
        size_t len;
        if ((r = io->read(io->ctx, &buf, &len, err)) != 0)
            goto out;
        bool last = len == 0;
        const char *p = buf;
        do {
            int n = len > PARSE_CHUNK ? (int)PARSE_CHUNK : (int)len;
            struct rh__xml_mem *saved = rh__xml_mem_enter(&ap->m);
            enum XML_Status st = XML_Parse(ap->p, p, n, last ? XML_TRUE : XML_FALSE);
            rh__xml_mem_enter(saved);
            if (st != XML_STATUS_OK) {
                enum XML_Error code = XML_GetErrorCode(ap->p);
                if (last && !ap->fail && !ap->m.capped && !ap->m.failed && ap->root_ok &&
                    (code == XML_ERROR_UNCLOSED_TOKEN || code == XML_ERROR_NO_ELEMENTS ||
                     code == XML_ERROR_PARTIAL_CHAR)) {
                    /* cut short (an interrupted copy): the workouts read
                     * whole are kept, the open one is not */
                    truncated = true;
                    char l[32];
                    snprintf(l, sizeof l, "%ld", (long)XML_GetCurrentLineNumber(ap->p));
                    rh__file_say(cut_detail, sizeof cut_detail, "apple_detail_cut", "line", l,
                                 (const char *)NULL);
                    rh__file_errl(&trunc, RH_ETRUNC, (long)XML_GetCurrentLineNumber(ap->p),
                                  "apple_cut", (const char *)NULL);
                    rh__file_with_detail(trunc.msg, sizeof trunc.msg, trunc.msg, cut_detail);
                    if (ap->cur) {
                        if (ap->cur->building) {
                            rh_act_builder_release(&ap->cur->b);
                            ap->cur->building = false;
                        }
                        ap->cur->a.has_start = false;
                        ap->cur->cut = true;
                        ap->cur = NULL;
                    }
                    break;
                }
                if (!ap->root_ok && !ap->fail && !ap->m.capped && !ap->m.failed &&
                    code != XML_ERROR_NO_MEMORY)
                    r = rh__file_err(err, RH_EFORMAT, "apple_not", (const char *)NULL);
                else
                    r = parse_error(ap, err);
                goto out;
            }
            p += n;
            len -= (size_t)n;
        } while (len && !truncated);
        if (last)
            break;
    }
    if (!ap->root_ok) {
        r = rh__file_err(err, RH_EFORMAT, "apple_not", (const char *)NULL);
        goto out;
    }
    sort_records(ap);
    long kept = 0;
    for (size_t i = 0; i < ap->n_w; i++) {
        if (ap->w[i].a.has_start) {
            complete(ap, &ap->w[i]);
            kept++;
        } else if (!ap->w[i].cut) {
            ap->skipped_workouts++;
        }
    }
    if (!kept && truncated) {
        r = rh__file_errl(err, RH_ETRUNC, trunc.line, "apple_cut_nothing", (const char *)NULL);
        if (err)
            rh__file_with_detail(err->msg, sizeof err->msg, err->msg, cut_detail);
        goto out;
    }
    if (!kept) {
        r = rh__file_err(err, RH_EEMPTY, ap->n_w ? "apple_no_dates" : "apple_no_workouts",
                         (const char *)NULL);
        goto out;
    }
    if ((r = read_routes(ap, io, err)) != 0)
        goto out;
    struct rh_err wn;
    rh_err_clear(&wn);
    if (truncated)
        wn = trunc;
    else if (ap->skipped_workouts == 1)
        rh__file_err(&wn, RH_EFORMAT, "apple_skipped_one", (const char *)NULL);
    else if (ap->skipped_workouts) {
        char n[32];
        snprintf(n, sizeof n, "%ld", ap->skipped_workouts);
        rh__file_err(&wn, RH_EFORMAT, "apple_skipped", "n", n, (const char *)NULL);
    } else if (ap->records_capped) {
        char m[32];
        snprintf(m, sizeof m, "%u", (unsigned)RECORDS_MAX);
        rh__file_err(&wn, RH_ELIMIT, "apple_capped", "max", m, (const char *)NULL);
    }
    if (warn)
        *warn = wn;
    for (size_t i = 0; i < ap->n_w && r == 0; i++) {
        struct workout *w = &ap->w[i];
        if (!w->a.has_start)
            continue;
        struct rh_activity a = w->a;
        rh_activity_init(&w->a);
        r = fn(ctx, &a, wn.code ? &wn : NULL);
        rh_err_clear(&wn); /* said once */
    }
out:
    apple_release(ap);
    rh_free(ap);
    return r;
}
