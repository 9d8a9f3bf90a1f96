/* SPDX-License-Identifier: MIT */
/*
 * GPX 1.0 and 1.1 on the streaming reader: trk/trkseg/trkpt only (routes
 * and waypoints are not activities), with elevation, time, and heart rate,
 * cadence and air temperature from Garmin's TrackPointExtension v1/v2 or
 * from plain hr/heartrate/cad/cadence/atemp/temp elements of other
 * namespaces (Amazfit, Movescount, GPX 1.0 files that put them straight
 * in the trkpt). Each trkseg starts a builder segment, so no distance is
 * counted across a gap. The first trk/type gives the sport; its raw word
 * is kept in sub_sport.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "xml/xml_int.h"
#include "util/banned.h"

static const struct {
    const char *word;
    enum rh_sport sport;
} sport_words[] = {
    /* Strava writes its activity-type numbers: 1 ride, 4 hike, 9 run, 10 walk */
    {"running", RH_SPORT_RUNNING},
    {"run", RH_SPORT_RUNNING},
    {"9", RH_SPORT_RUNNING},
    {"street_running", RH_SPORT_RUNNING},
    {"track_running", RH_SPORT_RUNNING},
    {"trail_running", RH_SPORT_TRAIL_RUNNING},
    {"trail running", RH_SPORT_TRAIL_RUNNING},
    {"trailrunning", RH_SPORT_TRAIL_RUNNING},
    {"trail_run", RH_SPORT_TRAIL_RUNNING},
    {"trail run", RH_SPORT_TRAIL_RUNNING},
    {"trailrun", RH_SPORT_TRAIL_RUNNING},
    {"trail", RH_SPORT_TRAIL_RUNNING},
    {"treadmill_running", RH_SPORT_TREADMILL},
    {"treadmill", RH_SPORT_TREADMILL},
    {"cycling", RH_SPORT_CYCLING},
    {"biking", RH_SPORT_CYCLING},
    {"road_biking", RH_SPORT_CYCLING},
    {"mountain_biking", RH_SPORT_CYCLING},
    {"gravel_cycling", RH_SPORT_CYCLING},
    {"ride", RH_SPORT_CYCLING},
    {"1", RH_SPORT_CYCLING},
    {"walking", RH_SPORT_WALKING},
    {"walk", RH_SPORT_WALKING},
    {"10", RH_SPORT_WALKING},
    {"hiking", RH_SPORT_WALKING},
    {"hike", RH_SPORT_WALKING},
    {"4", RH_SPORT_WALKING},
    {"swimming", RH_SPORT_SWIMMING},
    {"open_water_swimming", RH_SPORT_SWIMMING},
};

enum rh_sport rh__gpx_sport(const char *word)
{
    char low[48];
    size_t n = 0;
    for (; word[n] && n < sizeof low - 1; n++)
        low[n] = (char)tolower((unsigned char)word[n]);
    if (word[n])
        return RH_SPORT_OTHER; /* longer than any known word */
    low[n] = '\0';
    for (size_t i = 0; i < sizeof sport_words / sizeof sport_words[0]; i++)
        if (strcmp(low, sport_words[i].word) == 0)
            return sport_words[i].sport;
    return RH_SPORT_OTHER;
}

static bool in_root_ns(const struct rh_xml_reader *r, enum rh__xml_ns ns)
{
    return ns == r->root_ns;
}

/* An element inside a trkpt's extensions (or a foreign element directly in
 * a GPX 1.0 trkpt): a value we read, or a container to search below. */
static int ext_child(enum rh__xml_ns ns, const char *local)
{
    if (ns == RH__NS_TPX1 || ns == RH__NS_TPX2) {
        if (strcmp(local, "hr") == 0)
            return G_TPX_HR;
        if (strcmp(local, "cad") == 0)
            return G_TPX_CAD;
        if (strcmp(local, "atemp") == 0)
            return G_TPX_TEMP;
        if (strcmp(local, "TrackPointExtension") == 0)
            return G_EXT;
        return E_OTHER;
    }
    if (strcmp(local, "hr") == 0 || strcmp(local, "heartrate") == 0)
        return G_X_HR;
    if (strcmp(local, "cad") == 0 || strcmp(local, "cadence") == 0)
        return G_X_CAD;
    if (strcmp(local, "atemp") == 0 || strcmp(local, "temp") == 0)
        return G_X_TEMP;
    return G_EXT;
}

static double attr_num(const char **atts, const char *name)
{
    for (; atts && atts[0]; atts += 2) {
        if (strcmp(atts[0], name) == 0) {
            double v;
            return rh__xml_num(atts[1], &v) ? v : RH_NONE;
        }
    }
    return RH_NONE;
}

int rh__gpx_start(struct rh_xml_reader *r, int parent, enum rh__xml_ns ns, const char *local,
                  const char **atts)
{
    switch (parent) {
    case E_OTHER: /* the root */
        r->root_ns = ns;
        for (const char **at = atts; at && at[0]; at += 2)
            if (strcmp(at[0], "creator") == 0 && at[1][0] && !r->a->device &&
                rh_activity_set_str(&r->a->device, at[1]))
                rh__xml_fail(r, RH_ENOMEM, "out of memory");
        return G_GPX;
    case G_GPX:
        if (!in_root_ns(r, ns))
            return E_OTHER;
        if (strcmp(local, "trk") == 0) {
            if (!rh__xml_unit_begin(r))
                return E_OTHER; /* another outing of the file */
            r->n_trk++;
            return G_TRK;
        }
        if (strcmp(local, "metadata") == 0)
            return G_METADATA;
        if (strcmp(local, "name") == 0) /* GPX 1.0 keeps it here */
            return G_NAME;
        return E_OTHER;
    case G_METADATA:
        return in_root_ns(r, ns) && strcmp(local, "name") == 0 ? G_NAME : E_OTHER;
    case G_TRK:
        if (!in_root_ns(r, ns))
            return E_OTHER;
        if (strcmp(local, "trkseg") == 0) {
            rh_act_builder_segment(&r->b);
            return G_TRKSEG;
        }
        if (strcmp(local, "name") == 0)
            return G_NAME;
        if (strcmp(local, "type") == 0)
            return G_TYPE;
        return E_OTHER;
    case G_TRKSEG:
        if (!in_root_ns(r, ns) || strcmp(local, "trkpt") != 0)
            return E_OTHER;
        rh_point_clear(&r->pt);
        r->pt_hr_tpx = r->pt_cad_tpx = r->pt_temp_tpx = false;
        r->pt.lat = attr_num(atts, "lat");
        r->pt.lon = attr_num(atts, "lon");
        return G_TRKPT;
    case G_TRKPT:
        if (in_root_ns(r, ns)) {
            if (strcmp(local, "ele") == 0)
                return G_ELE;
            if (strcmp(local, "time") == 0)
                return G_TIME;
            if (strcmp(local, "extensions") == 0)
                return G_EXT;
            return E_OTHER;
        }
        return ext_child(ns, local); /* GPX 1.0: foreign elements in place */
    case G_EXT:
        return ext_child(ns, local);
    default:
        return E_OTHER;
    }
}

static void set_value(double *slot, bool *from_tpx, bool tpx, const char *text)
{
    double v;
    if ((tpx || !*from_tpx) && rh__xml_num(text, &v)) {
        *slot = v;
        *from_tpx = tpx;
    }
}

void rh__gpx_end(struct rh_xml_reader *r, int id, int parent, const char *text)
{
    struct rh_activity *a = r->a;
    switch (id) {
    case G_NAME:
        /* the first track's name wins over the file's name */
        if (!*text || (parent == G_TRK ? r->name_from_trk : a->name != NULL))
            break;
        if (rh_activity_set_str(&a->name, text))
            rh__xml_fail(r, RH_ENOMEM, "out of memory");
        if (parent == G_TRK)
            r->name_from_trk = true;
        break;
    case G_TYPE:
        if (*text && parent == G_TRK)
            rh__xml_unit_sport(r, rh__gpx_sport(text));
        if (r->have_type || !*text)
            break;
        r->have_type = true;
        snprintf(a->sub_sport, sizeof a->sub_sport, "%s", text);
        a->sport = rh__gpx_sport(text);
        break;
    case G_ELE: {
        double v;
        if (rh__xml_num(text, &v))
            r->pt.alt_m = v;
        break;
    }
    case G_TIME: {
        double t;
        int off;
        if (rh__xml_time_zoned(text, &t, &off)) {
            r->pt.t = t;
            rh__xml_time_offset(a, off);
        }
        break;
    }
    case G_TPX_HR:
    case G_X_HR:
        set_value(&r->pt.hr_bpm, &r->pt_hr_tpx, id == G_TPX_HR, text);
        break;
    case G_TPX_CAD:
    case G_X_CAD:
        set_value(&r->pt.cad_spm, &r->pt_cad_tpx, id == G_TPX_CAD, text);
        break;
    case G_TPX_TEMP:
    case G_X_TEMP:
        set_value(&r->pt.temp_c, &r->pt_temp_tpx, id == G_TPX_TEMP, text);
        break;
    case G_TRKPT: {
        /* cad is strides a minute; foot sports count steps (both feet) */
        if (rh_has(r->pt.cad_spm) && rh_sport_is_foot(a->sport))
            r->pt.cad_spm *= 2;
        int rc = rh_act_builder_point(&r->b, &r->pt);
        if (rc)
            rh__xml_fail(r, rc, "cannot add a track point: %s", rh_strerror(rc));
        else
            r->n_points++;
        rh__xml_unit_time(r, r->pt.t);
        break;
    }
    default:
        break;
    }
}

int rh__gpx_finish(struct rh_xml_reader *r, bool truncated, struct rh_err *err)
{
    if (r->n_points == 0) {
        if (truncated)
            return 0; /* the reader reports the truncation */
        char n[32], d[100];
        snprintf(n, sizeof n, "%d", r->n_trk);
        rh__file_say(d, sizeof d, "gpx_detail_tracks", "n", n, (const char *)NULL);
        rh__file_err(err, RH_EEMPTY, "gpx_no_points", (const char *)NULL);
        if (err)
            rh__file_with_detail(err->msg, sizeof err->msg, err->msg, d);
        return RH_EEMPTY;
    }
    int rc = rh_act_builder_finish(&r->b);
    if (rc)
        return rh_err_set(err, rc, "cannot finish the activity: %s", rh_strerror(rc));
    return 0;
}
