/* SPDX-License-Identifier: MIT */
/*
 * runhip shoes [add NAME [--km-before N] [--from D] | retire NAME [--date D] |
 *               reuse NAME]:
 * the runner's shoes with the distance they have run (before runhip, plus
 * the activities that name them).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/load.h"
#include "util/banned.h"

/* words22: the command's own words, data/wording.txt [cli_shoes], a closed
 * set of printf formats checked before anything is read (the table's
 * columns are layout) */
#define W(key) rh_cli_words("cli_shoes", (key))
static const struct rh_words_format shoes_words[] = {
    {"none", ""},         {"head_shoe", ""},    {"head_km", ""},       {"head_runs", ""},
    {"head_from", ""},    {"head_retired", ""}, {"km_bad", "s"},       {"after_today", "s"},
    {"not_date", "s"},    {"unknown", "s"},     {"needs_name", "s"},   {"reuse_only", ""},
    {"see_help", ""},     {"added", "s"},        {"updated", "s"},
    {"retired", "s"},     {"in_use_again", "s"}, {"not_retired", "s"},
};

static int list(struct rh_store *s)
{
    struct rh_store_shoe *tab = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_store_shoe_list(s, &tab, &n, &err))
        return rh_cli_report(rh_store_path(s), &err);
    if (n == 0)
        printf("%s\n", W("none"));
    else
        printf("%-24s %9s %6s  %-10s %s\n", W("head_shoe"), W("head_km"), W("head_runs"),
               W("head_from"), W("head_retired"));
    int status = 0;
    for (size_t i = 0; i < n && !status; i++) {
        double km = 0;
        long runs = 0;
        if (rh_store_shoe_km(s, tab[i].name, &km, &runs, &err)) {
            status = rh_cli_report(rh_store_path(s), &err);
            break;
        }
        char from[11] = "-", ret[11] = "-";
        if (tab[i].first_day >= 0)
            rh_date_format(tab[i].first_day, from);
        if (tab[i].retired_day >= 0)
            rh_date_format(tab[i].retired_day, ret);
        printf("%-24s %9.1f %6ld  %-10s %s\n", rh_cli_safe(tab[i].name),
               tab[i].distance_before_km + km, runs,
               from, ret);
        /* polish29: the guidance runhip load gives, from the same rule */
        char guide[512];
        if (rh_load_shoe_guidance(tab[i].distance_before_km + km, tab[i].retired_day >= 0, guide,
                                  sizeof guide, &err)) {
            status = rh_cli_report(rh_store_path(s), &err);
            break;
        }
        char line[sizeof guide + 3]; /* "  ", the guidance, "\n" */
        snprintf(line, sizeof line, "  %s\n", guide);
        rh_cli_write_wrapped(stdout, line, strlen(line), 78);
    }
    rh_free(tab);
    return status;
}

int cmd_shoes(struct rh_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"km-before", required_argument, NULL, 'k'},
                                         {"from", required_argument, NULL, 'f'},
                                         {"date", required_argument, NULL, 'd'},
                                         {0}};
    double before = 0;
    int32_t day = -1;
    bool has_before = false;
    int c = rh_cli_words_check("shoes", "cli_shoes", shoes_words,
                               sizeof shoes_words / sizeof *shoes_words);
    if (c) /* before anything is read */
        return c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'k' && rh_parse_double(optarg, &before) == 0 && before >= 0 && before <= 10000) {
            has_before = true;
        } else if (c == 'k') {
            rh_cli_error("shoes", W("km_bad"), optarg);
            return RH_EXIT_DATA;
        } else if ((c == 'f' || c == 'd') && rh_date_parse(optarg, &day) == 0) {
            if (day > rh_cli_today(cli)) {
                rh_cli_error("shoes", W("after_today"), optarg);
                return RH_EXIT_DATA;
            }
        } else if (c == 'f' || c == 'd') {
            rh_cli_error("shoes", W("not_date"), optarg);
            return RH_EXIT_DATA;
        } else {
            return rh_cli_bad_option("shoes", argc, argv);
        }
    }
    const char *verb = optind < argc ? argv[optind] : NULL;
    const char *name = optind + 1 < argc ? argv[optind + 1] : NULL;
    if (verb && strcmp(verb, "add") && strcmp(verb, "retire") && strcmp(verb, "reuse")) {
        rh_cli_error("shoes", W("unknown"), verb);
        return RH_EXIT_USAGE;
    }
    if (verb && (!name || !*name || optind + 2 != argc)) {
        rh_cli_error("shoes", W("needs_name"), verb);
        return RH_EXIT_USAGE;
    }
    if (verb && !strcmp(verb, "reuse") && (day >= 0 || has_before)) {
        rh_cli_error("shoes", "%s", W("reuse_only"));
        return RH_EXIT_USAGE;
    }
    int bad = verb ? rh_cli_check_entry("shoes", name, RH_ENTRY_NAME, rh_cli_words("cli_common", "shoe_name")) : 0;
    if (bad)
        return bad;
    if (!verb && optind != argc) {
        rh_cli_error("shoes", "%s", W("see_help"));
        return RH_EXIT_USAGE;
    }
    struct rh_store *s;
    int status = verb ? rh_cli_open_store(cli, &s) : rh_cli_open_existing(cli, &s);
    if (status)
        return status;
    struct rh_err err;
    rh_err_clear(&err);
    if (!verb) {
        status = list(s);
        rh_store_close(s);
        return status;
    }
    int r;
    if (strcmp(verb, "add") == 0) {
        bool updated = false;
        r = rh_store_shoe_add(s, name, has_before ? before : RH_NONE, day, rh_cli_today(cli),
                              &updated, &err);
        if (!r)
        {
            printf(W(updated ? "updated" : "added"), rh_cli_safe(name));
            printf("\n");
        }
    } else if (strcmp(verb, "retire") == 0) {
        r = rh_store_shoe_retire(s, name, day, rh_cli_today(cli), &err);
        if (!r)
        {
            printf(W("retired"), rh_cli_safe(name));
            printf("\n");
        }
    } else {
        bool was = false;
        r = rh_store_shoe_reuse(s, name, &was, &err);
        if (!r)
        {
            printf(W(was ? "in_use_again" : "not_retired"), rh_cli_safe(name));
            printf("\n");
        }
    }
    if (r)
        status = rh_cli_report("shoes", &err);
    rh_store_close(s);
    return status;
}
