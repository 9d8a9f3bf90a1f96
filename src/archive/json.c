/* SPDX-License-Identifier: MIT */
/*
 * One activity as a JSON object (the fields of cli.md for `inspect --json`
 * and `activities --json`), written with jansson. Absent values are null;
 * numbers are rounded to 0.001 like the corpus references.
 */
#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "runhip/import.h"
#include "util/json_int.h"
#include "util/banned.h"

static json_t *num(double v)
{
    if (!rh_has(v) || !isfinite(v))
        return json_null();
    return json_real(round(v * 1000.0) / 1000.0);
}

static json_t *str(const char *s)
{
    return s && *s ? rh__json_text(s) : json_null();
}

int rh_import_activity_json(const struct rh_activity *a, struct rh_buf *out)
{
    return rh_import_activity_json_also(a, NULL, 0, out);
}

int rh_import_activity_json_also(const struct rh_activity *a, const char *const *also_in,
                                 size_t n_also, struct rh_buf *out)
{
    json_t *o = json_object();
    if (!o)
        return RH_ENOMEM;
    char when[21] = "";
    if (a->has_start)
        rh_time_format_iso(a->start_utc, when);
    char hash[17];
    snprintf(hash, sizeof hash, "%016" PRIx64, a->content_hash);
    int bad = 0;
    if (a->id)
        bad |= json_object_set_new(o, "id", json_integer(a->id));
    bad |= json_object_set_new(o, "file", str(a->file));
    bad |= json_object_set_new(o, "format",
                               a->format == RH_FMT_NONE ? json_null()
                                                        : json_string(rh_format_name(a->format)));
    bad |= json_object_set_new(o, "sport", json_string(rh_sport_name(a->sport)));
    bad |= json_object_set_new(o, "sub_sport", str(a->sub_sport));
    bad |= json_object_set_new(o, "name", str(a->name));
    bad |= json_object_set_new(o, "gear", str(a->gear));
    bad |= json_object_set_new(o, "device", str(a->device));
    bad |= json_object_set_new(o, "start_time_utc", a->has_start ? json_string(when) : json_null());
    /* the file's own offset and the local day it gives (cli.md, second
     * version); null when the file has none */
    char day[11] = "";
    if (a->has_start && a->has_offset)
        rh_date_format(rh_activity_local_day(a), day);
    bad |= json_object_set_new(o, "local_date", day[0] ? json_string(day) : json_null());
    bad |= json_object_set_new(o, "utc_offset_min",
                               a->has_offset ? json_integer(a->utc_offset_min) : json_null());
    bad |= json_object_set_new(o, "total_elapsed_s", num(a->total_elapsed_s));
    bad |= json_object_set_new(o, "total_timer_s", num(a->total_timer_s));
    bad |= json_object_set_new(o, "total_distance_m", num(a->total_distance_m));
    bad |= json_object_set_new(o, "n_records", json_integer(a->n_records));
    bad |= json_object_set_new(o, "avg_cadence_spm", num(a->avg_cadence_spm));
    bad |= json_object_set_new(o, "avg_hr", num(a->avg_hr));
    bad |= json_object_set_new(o, "max_hr", num(a->max_hr));
    bad |= json_object_set_new(o, "has_gps", json_boolean(a->has_gps));
    bad |= json_object_set_new(o, "avg_temperature_c", num(a->avg_temperature_c));
    bad |= json_object_set_new(o, "temperature_source",
                               rh_has(a->avg_temperature_c)
                                   ? json_string(rh_temp_source_name(a->temp_source))
                                   : json_null());
    bad |= json_object_set_new(o, "elevation_gain_m", num(a->elevation_gain_m));
    bad |= json_object_set_new(o, "avg_power_w", num(a->avg_power_w));
    bad |= json_object_set_new(o, "n_splits", json_integer((json_int_t)a->n_splits));
    bad |= json_object_set_new(o, "n_track", json_integer((json_int_t)a->n_track));
    bad |= json_object_set_new(o, "content_hash", json_string(hash));
    bad |= json_object_set_new(o, "sport_source",
                               json_string(rh_sport_source_name(a->sport_source)));
    if (a->id) {
        bad |= json_object_set_new(o, "excluded", json_boolean(a->excluded));
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < n_also; i++)
            bad |= json_array_append_new(arr, json_string(also_in[i]));
        bad |= arr ? json_object_set_new(o, "also_in", arr) : -1;
    }
    char *text = bad ? NULL : json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
    json_decref(o);
    if (!text)
        return RH_ENOMEM;
    int r = rh_buf_puts(out, text);
    free(text);
    return r;
}
