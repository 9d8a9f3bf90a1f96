/* SPDX-License-Identifier: MIT */
/*
 * TCX (Garmin Training Center Database v2) on the streaming reader.
 * Activities/Activity (also inside a MultiSportSession) with its laps and
 * trackpoints; a Course is a planned route, not an activity, and is refused.
 * The summary follows the corpus references: start = first Lap@StartTime
 * (else the Activity Id), timer and distance = sums of the lap totals, heart
 * rate from the laps weighted by lap time (else the trackpoints), cadence
 * = 2 x timer-weighted LX/AvgRunCadence (else 2 x the trackpoint mean) for
 * foot sports, elapsed = last trackpoint time - start. Several activities in
 * one file are summed into one summary. A truncated file keeps only what the
 * trackpoints say: lap totals of a lap cut in half would overstate it.
 */
#include <stdio.h>
#include <string.h>

#include "xml/xml_int.h"
#include "util/banned.h"

static enum rh_sport tcx_sport(const char *s)
{
    if (strcmp(s, "Running") == 0)
        return RH_SPORT_RUNNING;
    if (strcmp(s, "Biking") == 0)
        return RH_SPORT_CYCLING;
    return RH_SPORT_OTHER;
}

static const char *attr(const char **atts, const char *name)
{
    for (; atts && atts[0]; atts += 2)
        if (strcmp(atts[0], name) == 0)
            return atts[1];
    return NULL;
}

static void clear_tp(struct rh_xml_reader *r)
{
    rh_point_clear(&r->pt);
    r->tp_runcad = r->tp_cad = RH_NONE;
}

/* Children in the TCX namespace, by parent. */
static int tcx_child(struct rh_xml_reader *r, int parent, const char *local, const char **atts)
{
    switch (parent) {
    case T_ROOT:
        if (strcmp(local, "Activities") == 0)
            return T_ACTIVITIES;
        if (strcmp(local, "Courses") == 0) {
            r->seen_course = true;
            return T_COURSES;
        }
        return E_OTHER;
    case T_ACTIVITIES:
    case T_MULTI_SUB:
        if (strcmp(local, "Activity") == 0) {
            if (!rh__xml_unit_begin(r))
                return E_OTHER; /* another outing of the file */
            const char *sp = attr(atts, "Sport");
            enum rh_sport s = tcx_sport(sp ? sp : "");
            rh__xml_unit_sport(r, s);
            if (r->n_activity == 0) {
                r->first_sport = s;
                r->a->sport = s;
                snprintf(r->a->sub_sport, sizeof r->a->sub_sport, "%s", sp ? sp : "");
            } else if (s != r->first_sport && !r->mixed_sport) {
                r->mixed_sport = true;
                r->a->sport = RH_SPORT_OTHER;
                snprintf(r->a->sub_sport, sizeof r->a->sub_sport, "multisport");
            }
            r->n_activity++;
            r->seen_activity = true;
            return T_ACTIVITY;
        }
        if (parent == T_ACTIVITIES && strcmp(local, "MultiSportSession") == 0)
            return T_MULTI;
        return E_OTHER;
    case T_MULTI:
        return strcmp(local, "FirstSport") == 0 || strcmp(local, "NextSport") == 0 ? T_MULTI_SUB
                                                                                   : E_OTHER;
    case T_ACTIVITY:
        if (strcmp(local, "Lap") == 0) {
            const char *st = attr(atts, "StartTime");
            double t;
            int off;
            bool timed = st && rh__xml_time_zoned(st, &t, &off);
            if (timed && !rh_has(r->start_t)) {
                r->start_t = t;
                rh__xml_time_offset(r->a, off);
            }
            rh__xml_unit_time(r, timed ? t : RH_NONE);
            r->lap_time = r->lap_dist = r->lap_avghr = r->lap_maxhr = r->lap_runcad = RH_NONE;
            return T_LAP;
        }
        if (strcmp(local, "Id") == 0)
            return T_ID;
        if (strcmp(local, "Creator") == 0)
            return T_CREATOR;
        return E_OTHER;
    case T_CREATOR:
        return strcmp(local, "Name") == 0 ? T_CREATOR_NAME : E_OTHER;
    case T_LAP:
        if (strcmp(local, "Track") == 0) {
            rh_act_builder_segment(&r->b);
            return T_TRACK;
        }
        if (strcmp(local, "TotalTimeSeconds") == 0)
            return T_LAP_TIME;
        if (strcmp(local, "DistanceMeters") == 0)
            return T_LAP_DIST;
        if (strcmp(local, "AverageHeartRateBpm") == 0)
            return T_LAP_AVGHR;
        if (strcmp(local, "MaximumHeartRateBpm") == 0)
            return T_LAP_MAXHR;
        if (strcmp(local, "Extensions") == 0)
            return T_LAP_EXT;
        return E_OTHER;
    case T_LAP_AVGHR:
    case T_LAP_MAXHR:
    case T_TP_HR:
        return strcmp(local, "Value") == 0 ? T_VALUE : E_OTHER;
    case T_TRACK:
        if (strcmp(local, "Trackpoint") == 0) {
            clear_tp(r);
            return T_TP;
        }
        return E_OTHER;
    case T_TP:
        switch (local[0]) {
        case 'T':
            return strcmp(local, "Time") == 0 ? T_TP_TIME : E_OTHER;
        case 'P':
            return strcmp(local, "Position") == 0 ? T_POS : E_OTHER;
        case 'A':
            return strcmp(local, "AltitudeMeters") == 0 ? T_ALT : E_OTHER;
        case 'D':
            return strcmp(local, "DistanceMeters") == 0 ? T_TP_DIST : E_OTHER;
        case 'H':
            return strcmp(local, "HeartRateBpm") == 0 ? T_TP_HR : E_OTHER;
        case 'C':
            return strcmp(local, "Cadence") == 0 ? T_TP_CAD : E_OTHER;
        case 'E':
            return strcmp(local, "Extensions") == 0 ? T_TP_EXT : E_OTHER;
        default:
            return E_OTHER;
        }
    case T_POS:
        if (strcmp(local, "LatitudeDegrees") == 0)
            return T_LAT;
        if (strcmp(local, "LongitudeDegrees") == 0)
            return T_LON;
        return E_OTHER;
    default:
        return E_OTHER;
    }
}

/* Children in the ActivityExtension v2 namespace. */
static int ax_child(int parent, const char *local)
{
    switch (parent) {
    case T_LAP_EXT:
        return strcmp(local, "LX") == 0 ? T_LX : E_OTHER;
    case T_LX:
        return strcmp(local, "AvgRunCadence") == 0 ? T_LX_RUNCAD : E_OTHER;
    case T_TP_EXT:
        return strcmp(local, "TPX") == 0 ? T_TPX : E_OTHER;
    case T_TPX:
        if (strcmp(local, "RunCadence") == 0)
            return T_TPX_RUNCAD;
        if (strcmp(local, "Speed") == 0)
            return T_TPX_SPEED;
        if (strcmp(local, "Watts") == 0)
            return T_TPX_WATTS;
        return E_OTHER;
    default:
        return E_OTHER;
    }
}

int rh__tcx_start(struct rh_xml_reader *r, int parent, enum rh__xml_ns ns, const char *local,
                  const char **atts)
{
    if (parent == E_OTHER) {
        r->root_ns = ns; /* the root's namespace: TCX or none */
        return T_ROOT;
    }
    if (ns == r->root_ns)
        return tcx_child(r, parent, local, atts);
    if (ns == RH__NS_AX2)
        return ax_child(parent, local);
    return E_OTHER;
}

static void fail_oom(struct rh_xml_reader *r, int rc)
{
    if (rc)
        rh__xml_fail(r, rc, "cannot add a trackpoint: %s", rh_strerror(rc));
}

void rh__tcx_end(struct rh_xml_reader *r, int id, int parent, const char *text)
{
    double v;
    switch (id) {
    case T_ID:
        if (!rh_has(r->id_t) && rh__xml_time(text, &v))
            r->id_t = v;
        break;
    case T_CREATOR_NAME:
        if (*text && !r->a->device && rh_activity_set_str(&r->a->device, text))
            rh__xml_fail(r, RH_ENOMEM, "out of memory");
        break;
    case T_LAP_TIME:
        if (rh__xml_num(text, &v) && v >= 0)
            r->lap_time = v;
        break;
    case T_LAP_DIST:
        if (rh__xml_num(text, &v) && v >= 0)
            r->lap_dist = v;
        break;
    case T_VALUE:
        if (!rh__xml_num(text, &v))
            break;
        if (parent == T_LAP_AVGHR)
            r->lap_avghr = v;
        else if (parent == T_LAP_MAXHR)
            r->lap_maxhr = v;
        else
            r->pt.hr_bpm = v;
        break;
    case T_LX_RUNCAD:
        if (rh__xml_num(text, &v))
            r->lap_runcad = v;
        break;
    case T_LAP: {
        r->n_laps++;
        double t = rh_has(r->lap_time) ? r->lap_time : 0;
        if (rh_has(r->lap_time)) {
            r->sum_time += r->lap_time;
            r->have_time = true;
        }
        if (rh_has(r->lap_dist)) {
            r->sum_dist += r->lap_dist;
            r->have_dist = true;
        }
        if (rh_has(r->lap_avghr) && r->lap_avghr > 0 && t > 0) {
            r->hr_w += r->lap_avghr * t;
            r->hr_wt += t;
        }
        if (rh_has(r->lap_maxhr) && (!rh_has(r->hr_max) || r->lap_maxhr > r->hr_max))
            r->hr_max = r->lap_maxhr;
        if (rh_has(r->lap_runcad) && r->lap_runcad > 0 && t > 0) {
            r->cad_w += r->lap_runcad * t;
            r->cad_wt += t;
        }
        break;
    }
    case T_TP_TIME: {
        int off;
        if (rh__xml_time_zoned(text, &v, &off)) {
            r->pt.t = v;
            rh__xml_time_offset(r->a, off);
        }
        break;
    }
    case T_LAT:
        if (rh__xml_num(text, &v))
            r->pt.lat = v;
        break;
    case T_LON:
        if (rh__xml_num(text, &v))
            r->pt.lon = v;
        break;
    case T_ALT:
        if (rh__xml_num(text, &v))
            r->pt.alt_m = v;
        break;
    case T_TP_DIST:
        if (rh__xml_num(text, &v))
            r->pt.dist_m = v;
        break;
    case T_TP_CAD:
        if (rh__xml_num(text, &v))
            r->tp_cad = v;
        break;
    case T_TPX_RUNCAD:
        if (rh__xml_num(text, &v))
            r->tp_runcad = v;
        break;
    case T_TPX_SPEED:
        if (rh__xml_num(text, &v))
            r->pt.speed_mps = v;
        break;
    case T_TPX_WATTS:
        if (rh__xml_num(text, &v))
            r->pt.power_w = v;
        break;
    case T_TP:
        /* RunCadence and Cadence are strides (or revolutions) a minute */
        if (rh_sport_is_foot(r->a->sport)) {
            double c = rh_has(r->tp_runcad) ? r->tp_runcad : r->tp_cad;
            r->pt.cad_spm = rh_has(c) ? 2 * c : RH_NONE;
        } else {
            r->pt.cad_spm = r->tp_cad;
        }
        fail_oom(r, rh_act_builder_point(&r->b, &r->pt));
        r->n_points++;
        rh__xml_unit_time(r, r->pt.t);
        break;
    default:
        break;
    }
}

int rh__tcx_finish(struct rh_xml_reader *r, bool truncated, struct rh_err *err)
{
    struct rh_activity *a = r->a;
    if (!r->seen_activity) {
        if (r->seen_course)
            return rh__file_err(err, RH_EFORMAT, "tcx_course", (const char *)NULL);
        if (truncated)
            return 0;
        return rh__file_err(err, RH_EEMPTY, "tcx_no_activity", (const char *)NULL);
    }
    if (r->n_points == 0 && (truncated || !r->have_time))
        return truncated ? 0 : rh__file_err(err, RH_EEMPTY, "tcx_no_points", (const char *)NULL);
    double start = rh_has(r->start_t) ? r->start_t : r->id_t;
    if (rh_has(start)) {
        a->has_start = true;
        a->start_utc = (int64_t)floor(start);
        if (rh_has(r->b.last_t))
            a->total_elapsed_s = r->b.last_t - start;
    }
    if (!truncated) {
        if (r->have_time) {
            a->total_timer_s = r->sum_time;
            a->has_summary = true; /* the laps' own totals */
        }
        if (r->have_dist)
            a->total_distance_m = r->sum_dist;
        if (r->hr_wt > 0)
            a->avg_hr = r->hr_w / r->hr_wt;
        if (rh_has(r->hr_max) && r->hr_max > 0)
            a->max_hr = r->hr_max;
        if (r->cad_wt > 0 && rh_sport_is_foot(a->sport))
            a->avg_cadence_spm = 2 * r->cad_w / r->cad_wt;
    }
    int rc = rh_act_builder_finish(&r->b);
    if (rc)
        return rh_err_set(err, rc, "cannot finish the activity: %s", rh_strerror(rc));
    return 0;
}
