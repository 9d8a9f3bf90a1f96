/* SPDX-License-Identifier: MIT */
/*
 * runhip activities [--json]: the stored activities, oldest first. For
 * people a table (date, sport, distance, time, pace, cadence, heart rate,
 * shoe, name); with --json one object a line with the fields of cli.md.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/import.h"
#include "util/banned.h"

static void fmt_dur(double s, char *out, size_t n)
{
    if (!rh_has(s) || s < 0) {
        snprintf(out, n, "-");
        return;
    }
    long t = (long)(s + 0.5);
    if (t >= 3600)
        snprintf(out, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(out, n, "%ld:%02ld", t / 60, t % 60);
}

static void show_row(const struct rh_activity *a)
{
    char date[11] = "-", km[32] = "-", dur[64], pace[64] = "-", cad[32] = "-", hr[32] = "-";
    if (a->has_start)
        rh_date_format(rh_activity_local_day(a), date);
    double d = rh_activity_duration_s(a);
    fmt_dur(d, dur, sizeof dur);
    if (rh_has(a->total_distance_m)) {
        snprintf(km, sizeof km, "%.2f", a->total_distance_m / 1000);
        if (rh_has(d) && a->total_distance_m >= 100 && rh_sport_is_foot(a->sport)) {
            long p = (long)(d / (a->total_distance_m / 1000) + 0.5);
            snprintf(pace, sizeof pace, "%ld:%02ld/km", p / 60, p % 60);
        }
    }
    if (rh_has(a->avg_cadence_spm))
        snprintf(cad, sizeof cad, "%.0f", a->avg_cadence_spm);
    if (rh_has(a->avg_hr))
        snprintf(hr, sizeof hr, "%.0f", a->avg_hr);
    printf("%-10s  %-13s %7s %8s %9s %4s %4s  %-14s %s\n", date, rh_sport_name(a->sport), km, dur,
           pace, cad, hr, a->gear ? rh_cli_safe(a->gear) : "-", a->name ? rh_cli_safe(a->name) : "");
}

int cmd_activities(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"json", no_argument, NULL, 'J'}, {0}};
    bool json = false;
    int ch;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch == 'J')
            json = true;
        else
            return rh_cli_bad_option("activities", argc, argv);
    }
    if (optind < argc) {
        rh_cli_error("activities", "unexpected argument '%s'", argv[optind]);
        return RH_EXIT_USAGE;
    }
    struct rh_store *s;
    int status = rh_cli_open_existing(cli, &s);
    if (status)
        return status;
    struct rh_activity *acts = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_store_activities(s, INT64_MIN, INT64_MAX, RH_STORE_WITH_UNDATED, &acts, &n, &err);
    if (r) {
        status = rh_cli_report(rh_store_path(s), &err);
        rh_store_close(s);
        return status;
    }
    if (!json && n == 0)
        printf("no activities stored yet; add some with 'runhip import PATH'\n");
    else if (!json)
        printf("%-10s  %-13s %7s %8s %9s %4s %4s  %-14s %s\n", "date", "sport", "km", "time",
               "pace", "spm", "HR", "shoe", "name");
    struct rh_buf b;
    rh_buf_init(&b, 0);
    double km = 0;
    for (size_t i = 0; i < n && status == 0; i++) {
        if (!json) {
            show_row(&acts[i]);
            if (rh_has(acts[i].total_distance_m))
                km += acts[i].total_distance_m / 1000;
            continue;
        }
        rh_buf_reset(&b);
        char **also = NULL;
        size_t n_also = 0;
        if (rh_store_activity_also(s, acts[i].id, &also, &n_also, &err)) {
            status = rh_cli_report(rh_store_path(s), &err);
        } else if (rh_import_activity_json_also(&acts[i], (const char *const *)also, n_also,
                                                &b)) {
            rh_cli_error("activities", "out of memory");
            status = RH_EXIT_IO;
        } else {
            puts(b.data);
        }
        rh_store_strings_free(also, n_also);
    }
    if (!json && n)
        printf("%zu activit%s, %.1f km\n", n, n == 1 ? "y" : "ies", km);
    rh_buf_release(&b);
    rh_activity_array_free(acts, n);
    rh_store_close(s);
    return status;
}
