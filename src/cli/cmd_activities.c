/* SPDX-License-Identifier: MIT */
/*
 * runhip activities [--sport S] [--from D] [--to D] [--json]: the stored
 * activities, oldest first, on their local days. For people a table (id,
 * date, sport, distance, time, pace, cadence, heart rate, shoe, name) and
 * totals by sport; with --json one object a line with the fields of cli.md.
 * --set ID KEY=VALUE and --delete ID correct the record.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/import.h"
#include "runhip/text.h"
#include "util/banned.h"

/* words22: the command's own words, data/wording.txt [cli_activities], a
 * closed set of printf formats checked before anything is read (the
 * table's columns, the figures' units and the sports' names are layout or
 * the library's) */
#define W(key) rh_cli_words("cli_activities", (key))
#define WC(key) rh_cli_words("cli_common", (key))
static const struct rh_words_format activities_words[] = {
    {"excluded_mark", ""}, {"not_number", "s"},   {"set_usage", ""},     {"set_done", "lss"}, {"set_no_shoe", "l"},
    {"merged_one", "dl"},  {"merged_many", "dl"}, {"deleted", "ll"},     {"sport_bad", "s"},
    {"date_bad", "ss"},    {"set_delete", ""},    {"from_after_to", "ss"}, {"head_id", ""},
    {"head_date", ""},     {"head_sport", ""},    {"head_km", ""},       {"head_time", ""},
    {"head_pace", ""},     {"head_spm", ""},      {"head_hr", ""},       {"head_shoe", ""},
    {"head_name", ""},     {"none_match", ""},    {"none_yet", ""},      {"total_one", "l"},
    {"total_many", "l"},   {"sport_total", "slf"}, {"excluded_total", "l"}, {"inferred_note", ""},
    {"too_fast", "lfsf"},  {"units", ""},
};

static void show_row(const struct rh_activity *a)
{
    char date[11] = "-", km[32] = "-", dur[64], pace[64] = "-", cad[32] = "-", hr[32] = "-";
    if (a->has_start)
        rh_date_format(rh_activity_local_day(a), date);
    double d = rh_activity_duration_s(a);
    rh_fmt_duration(d, dur, sizeof dur);
    if (rh_activity_has_distance(a))
        snprintf(km, sizeof km, "%.2f", a->total_distance_m / 1000);
    double ps = rh_activity_pace_s_km(a);
    if (rh_has(ps)) {
        long p = (long)(ps + 0.5);
        snprintf(pace, sizeof pace, "%ld:%02ld/km", p / 60, p % 60);
    }
    if (rh_has(a->avg_cadence_spm))
        snprintf(cad, sizeof cad, "%.0f", a->avg_cadence_spm);
    if (rh_has(a->avg_hr))
        snprintf(hr, sizeof hr, "%.0f", a->avg_hr);
    char sport[40];
    snprintf(sport, sizeof sport, "%s%s", rh_sport_name(a->sport),
             a->sport_source == RH_SPORT_SRC_INFERRED ? "?" : "");
    /* a file without a name (or only blanks) says so, not an empty column */
    bool named = false;
    for (const char *p = a->name; p && *p && !named; p++)
        named = !isspace((unsigned char)*p);
    const char *none = rh_words("text", "no_name");
    printf("%5lld  %-10s  %-14s %7s %8s %9s %4s %4s  %-14s %s%s%s\n", (long long)a->id, date, sport,
           km, dur, pace, cad, hr, a->gear ? rh_cli_safe(a->gear) : "-",
           a->excluded ? W("excluded_mark") : "", a->excluded ? " " : "",
           named ? rh_cli_safe(a->name) : none ? none : "");
}

static int parse_id(const char *v, int64_t *id)
{
    long x;
    if (rh_parse_long(v, &x) || x <= 0) {
        rh_cli_error("activities", W("not_number"), v);
        return RH_EXIT_DATA;
    }
    *id = x;
    return 0;
}

/* --set ID KEY=VALUE and --delete ID: one change, one transaction. */
static int edit(struct rh_cli *cli, const char *set_id, const char *kv, const char *del_id)
{
    int64_t id;
    int st = parse_id(set_id ? set_id : del_id, &id);
    if (st)
        return st;
    char key[32] = "";
    const char *value = NULL;
    if (set_id) {
        const char *eq = kv ? strchr(kv, '=') : NULL;
        if (!eq || eq == kv || (size_t)(eq - kv) >= sizeof key) {
            rh_cli_error("activities", "%s", W("set_usage"));
            return RH_EXIT_USAGE;
        }
        memcpy(key, kv, (size_t)(eq - kv));
        key[eq - kv] = '\0';
        value = eq + 1;
        if (strcmp(key, "shoe") == 0 && !rh_store_shoe_unset(value) &&
            (st = rh_cli_check_entry("activities", value, RH_ENTRY_NAME, WC("shoe_name"))))
            return st;
    }
    struct rh_store *s;
    if ((st = rh_cli_open_existing(cli, &s)))
        return st;
    struct rh_err err;
    rh_err_clear(&err);
    size_t merged = 0;
    int r = set_id ? rh_store_activity_correct(s, id, key, value, &merged, &err)
                   : rh_store_activity_delete(s, id, &err);
    if (r) {
        st = rh_cli_report("activities", &err);
    } else if (set_id) {
        /* session 34 (hyg34): an empty shoe (or none) read "shoe set to " */
        if (strcmp(key, "shoe") == 0 && rh_store_shoe_unset(value))
            printf(W("set_no_shoe"), (long)id);
        else
            printf(W("set_done"), (long)id, key, rh_cli_safe(value));
        printf("\n");
        if (merged) {
            printf(W(merged == 1 ? "merged_one" : "merged_many"), (int)merged, (long)id);
            printf("\n");
        }
    } else {
        printf(W("deleted"), (long)id, (long)id);
        printf("\n");
    }
    rh_store_close(s);
    return st;
}

int cmd_activities(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"json", no_argument, NULL, 'J'},
                                         {"sport", required_argument, NULL, 's'},
                                         {"from", required_argument, NULL, 'f'},
                                         {"to", required_argument, NULL, 't'},
                                         {"set", required_argument, NULL, 'S'},
                                         {"delete", required_argument, NULL, 'D'},
                                         {0}};
    bool json = false, has_sport = false;
    enum rh_sport sport = RH_SPORT_OTHER;
    int32_t from = INT32_MIN, to = INT32_MAX;
    const char *set_id = NULL, *del_id = NULL;
    int ch = rh_cli_words_check("activities", "cli_activities", activities_words,
                                sizeof activities_words / sizeof *activities_words);
    if (ch) /* before anything is read */
        return ch;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch == 'J') {
            json = true;
        } else if (ch == 's') {
            if (rh_sport_parse(optarg, &sport)) {
                rh_cli_error("activities", W("sport_bad"), optarg);
                return RH_EXIT_DATA;
            }
            has_sport = true;
        } else if (ch == 'f' || ch == 't') {
            if (rh_date_parse(optarg, ch == 'f' ? &from : &to)) {
                rh_cli_error("activities", W("date_bad"), ch == 'f' ? "from" : "to", optarg);
                return RH_EXIT_DATA;
            }
        } else if (ch == 'S') {
            set_id = optarg;
        } else if (ch == 'D') {
            del_id = optarg;
        } else {
            return rh_cli_bad_option("activities", argc, argv);
        }
    }
    if (set_id && del_id) {
        rh_cli_error("activities", "%s", W("set_delete"));
        return RH_EXIT_USAGE;
    }
    if (set_id) {
        if (optind + 1 != argc) {
            rh_cli_error("activities", "%s", W("set_usage"));
            return RH_EXIT_USAGE;
        }
        return edit(cli, set_id, argv[optind], NULL);
    }
    if (optind < argc) {
        rh_cli_unexpected("activities", argv[optind]);
        return RH_EXIT_USAGE;
    }
    if (del_id)
        return edit(cli, NULL, NULL, del_id);
    /* session 21 (branch runner21b): a period that ends before it begins
     * is a wrong value, bad input (cli.md), not an empty list */
    if (from != INT32_MIN && to != INT32_MAX && from > to) {
        char f[16], t[16];
        rh_date_format(from, f);
        rh_date_format(to, t);
        rh_cli_error("activities", W("from_after_to"), f, t);
        return RH_EXIT_DATA;
    }
    bool filtered = has_sport || from != INT32_MIN || to != INT32_MAX;
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
    struct rh_buf b;
    rh_buf_init(&b, 0);
    /* totals by sport, excluded activities apart */
    long count[RH_SPORT__COUNT] = {0}, shown = 0, n_excl = 0;
    bool any_inferred = false;
    double km[RH_SPORT__COUNT] = {0};
    for (size_t i = 0; i < n && status == 0; i++) {
        const struct rh_activity *a = &acts[i];
        if (has_sport && a->sport != sport)
            continue;
        if (filtered && (from != INT32_MIN || to != INT32_MAX) &&
            (!a->has_start || rh_activity_local_day(a) < from || rh_activity_local_day(a) > to))
            continue;
        if (!json) {
            if (shown++ == 0)
                printf("%5s  %-10s  %-14s %7s %8s %9s %4s %4s  %-14s %s\n", W("head_id"),
                       W("head_date"), W("head_sport"), W("head_km"), W("head_time"),
                       W("head_pace"), W("head_spm"), W("head_hr"), W("head_shoe"),
                       W("head_name"));
            show_row(a);
            any_inferred |= a->sport_source == RH_SPORT_SRC_INFERRED;
            if (a->excluded) {
                n_excl++;
            } else {
                count[a->sport]++;
                if (rh_has(a->total_distance_m))
                    km[a->sport] += a->total_distance_m / 1000;
            }
            continue;
        }
        rh_buf_reset(&b);
        char **also = NULL;
        size_t n_also = 0;
        if (rh_store_activity_also(s, a->id, &also, &n_also, &err)) {
            status = rh_cli_report(rh_store_path(s), &err);
        } else if (rh_import_activity_json_also(a, (const char *const *)also, n_also, &b)) {
            rh_cli_error("activities", "%s", WC("out_of_memory"));
            status = RH_EXIT_IO;
        } else {
            puts(b.data);
        }
        rh_store_strings_free(also, n_also);
    }
    if (!json && shown == 0)
        printf("%s\n", W(filtered ? "none_match" : "none_yet"));
    if (!json && shown) {
        printf(W(shown == 1 ? "total_one" : "total_many"), shown);
        const char *sep = " ";
        for (int k = 0; k < RH_SPORT__COUNT; k++) {
            if (!count[k])
                continue;
            printf("%s", sep);
            printf(W("sport_total"), rh_sport_name((enum rh_sport)k), count[k], km[k]);
            sep = ", ";
        }
        if (n_excl)
        {
            printf("%s", sep);
            printf(W("excluded_total"), n_excl);
        }
        printf("\n");
        /* the units of the table's bare columns (cli26: a tester read "HR"
         * and "spm" without one) */
        printf("%s\n", W("units"));
        if (any_inferred)
            printf("%s\n", W("inferred_note"));
        /* hours faster than the ultra-distance world bests: not a run, and
         * the row says why it is "other" (review 7b N11) */
        struct rh_infer_rules ir;
        struct rh_err ierr;
        rh_err_clear(&ierr);
        if (any_inferred && rh_infer_rules_default(&ir, &ierr) == 0)
            for (size_t i = 0; i < n; i++) {
                const struct rh_activity *a = &acts[i];
                if (a->sport != RH_SPORT_OTHER || a->sport_source != RH_SPORT_SRC_INFERRED ||
                    (has_sport && a->sport != sport) || !rh_infer_too_fast_for_hours(a, &ir))
                    continue;
                if (filtered && (from != INT32_MIN || to != INT32_MAX) &&
                    (!a->has_start || rh_activity_local_day(a) < from ||
                     rh_activity_local_day(a) > to))
                    continue;
                char dur[16];
                double t = rh_activity_duration_s(a), dist = a->total_distance_m / 1000;
                rh_fmt_duration(t, dur, sizeof dur);
                printf(W("too_fast"), (long)a->id, dist, dur, dist / (t / 3600));
                printf("\n");
            }
    }
    rh_buf_release(&b);
    rh_activity_array_free(acts, n);
    rh_store_close(s);
    return status;
}
