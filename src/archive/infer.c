/* SPDX-License-Identifier: MIT */
/*
 * The sport of a recording whose file names none, and the correction of an
 * impossible one, from average speed, cadence and heart rate. The
 * thresholds and their sources are data (data/sport_inference.txt).
 */
#include <stdio.h>
#include <string.h>

#include "runhip/import.h"
#include "util/banned.h"

/* The keys of data/sport_inference.txt, each once: section, key, field. */
#define INFER_KEYS(X)                                                                              \
    X(walk_run, transition_kmh)                                                                    \
    X(walk_run, min_kmh)                                                                           \
    X(walk_run, run_min_cadence_spm)                                                               \
    X(walk_run, band_kmh)                                                                          \
    X(walk_run, run_min_hr)                                                                        \
    X(running, max_kmh)                                                                            \
    X(running, min_minutes)                                                                        \
    X(running, infer_max_kmh)                                                                      \
    X(running, ultra_hours)                                                                        \
    X(running, ultra_max_kmh)                                                                      \
    X(running, long_hours)                                                                         \
    X(running, long_max_kmh)                                                                       \
    X(cycling, max_kmh)

enum {
#define E(sec, key) K_##sec##_##key,
    INFER_KEYS(E)
#undef E
        N_KEYS
};
static const char *const key_sec[N_KEYS] = {
#define S(sec, key) #sec,
    INFER_KEYS(S)
#undef S
};
static const char *const key_name[N_KEYS] = {
#define N(sec, key) #key,
    INFER_KEYS(N)
#undef N
};

struct parse {
    double v[N_KEYS];
    bool seen[N_KEYS];
};

static int on_entry(void *ctx, const char *section, const char *key, const char *value, long line,
                    struct rh_err *err)
{
    struct parse *p = ctx;
    for (int i = 0; i < N_KEYS; i++) {
        if (strcmp(section, key_sec[i]) || strcmp(key, key_name[i]))
            continue;
        if (p->seen[i])
            return rh_err_setl(err, RH_EKEY, line, "sport inference: [%s] %s given twice",
                               section, key);
        if (rh_parse_double(value, &p->v[i]) || p->v[i] < 0)
            return rh_err_setl(err, RH_ESYNTAX, line, "sport inference: [%s] %s: '%s' is not a "
                               "number", section, key, value);
        p->seen[i] = true;
        return 0;
    }
    return rh_err_setl(err, RH_EKEY, line, "sport inference: unknown key [%s] %s", section, key);
}

int rh_infer_rules_parse(const char *text, size_t len, struct rh_infer_rules *out,
                         struct rh_err *err)
{
    struct parse p;
    memset(&p, 0, sizeof p);
    int r = rh_kv_parse(text, len, on_entry, &p, err);
    for (int i = 0; !r && i < N_KEYS; i++)
        if (!p.seen[i])
            r = rh_err_set(err, RH_EKEY, "sport inference: [%s] %s is missing", key_sec[i],
                           key_name[i]);
    if (r)
        return r;
    out->transition_kmh = p.v[K_walk_run_transition_kmh];
    out->min_kmh = p.v[K_walk_run_min_kmh];
    out->run_min_cadence_spm = p.v[K_walk_run_run_min_cadence_spm];
    out->band_kmh = p.v[K_walk_run_band_kmh];
    out->run_min_hr = p.v[K_walk_run_run_min_hr];
    out->run_max_kmh = p.v[K_running_max_kmh];
    out->run_max_min_minutes = p.v[K_running_min_minutes];
    out->run_infer_max_kmh = p.v[K_running_infer_max_kmh];
    out->cycle_max_kmh = p.v[K_cycling_max_kmh];
    out->run_ultra_hours = p.v[K_running_ultra_hours];
    out->run_ultra_max_kmh = p.v[K_running_ultra_max_kmh];
    out->run_long_hours = p.v[K_running_long_hours];
    out->run_long_max_kmh = p.v[K_running_long_max_kmh];
    return 0;
}

bool rh_infer_too_fast_for_hours(const struct rh_activity *a, const struct rh_infer_rules *r)
{
    double t = rh_activity_duration_s(a), d = a->total_distance_m;
    if (!rh_has(t) || !rh_has(d) || t <= 0)
        return false;
    double kmh = d / t * 3.6;
    return (t >= r->run_ultra_hours * 3600 && kmh > r->run_ultra_max_kmh) ||
           (t >= r->run_long_hours * 3600 && kmh > r->run_long_max_kmh);
}

enum rh_infer_outcome rh_activity_infer_sport(struct rh_activity *a,
                                              const struct rh_infer_rules *r)
{
    double t = rh_activity_duration_s(a), d = a->total_distance_m;
    if (a->sport_source == RH_SPORT_SRC_USER || !rh_has(t) || !rh_has(d) || t < 60 || d < 100)
        return RH_INFER_NONE;
    double kmh = d / t * 3.6;
    bool untyped = a->sport == RH_SPORT_OTHER;
    /* too fast to be on foot, for long enough: a ride */
    if (kmh > r->run_max_kmh && t >= r->run_max_min_minutes * 60 &&
        (untyped || rh_sport_is_foot(a->sport))) {
        bool was_foot = !untyped;
        if (kmh > r->cycle_max_kmh) {
            if (!was_foot)
                return RH_INFER_NONE;
            a->sport = RH_SPORT_OTHER; /* a car, not a run */
        } else {
            a->sport = RH_SPORT_CYCLING;
        }
        a->sport_source = RH_SPORT_SRC_INFERRED;
        return was_foot ? RH_INFER_CORRECTED : RH_INFER_SET;
    }
    /* hours at a speed beyond the ultra-distance world bests: not one run
     * on foot, and not a ride either (review 7b N11): "other" */
    if ((untyped || rh_sport_is_foot(a->sport)) && rh_infer_too_fast_for_hours(a, r)) {
        bool was_foot = !untyped;
        a->sport = RH_SPORT_OTHER;
        a->sport_source = RH_SPORT_SRC_INFERRED;
        return was_foot ? RH_INFER_CORRECTED : RH_INFER_SET;
    }
    if (!untyped || kmh < r->min_kmh)
        return RH_INFER_NONE;
    bool run;
    bool cad_run = rh_has(a->avg_cadence_spm) && a->avg_cadence_spm >= r->run_min_cadence_spm;
    bool hr_run = rh_has(a->avg_hr) && a->avg_hr >= r->run_min_hr;
    if (kmh > r->run_infer_max_kmh)
        return RH_INFER_NONE; /* fast but short: nothing sure */
    if (kmh >= r->transition_kmh + r->band_kmh)
        run = true;
    else if (kmh < r->transition_kmh - r->band_kmh)
        run = cad_run; /* a slow run still has a runner's cadence */
    else
        run = cad_run || hr_run;
    a->sport = run ? RH_SPORT_RUNNING : RH_SPORT_WALKING;
    a->sport_source = RH_SPORT_SRC_INFERRED;
    return RH_INFER_SET;
}
