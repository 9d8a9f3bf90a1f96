/* SPDX-License-Identifier: MIT */
/*
 * runhip profile [set KEY VALUE]: the runner's profile (time zone, sex,
 * birth year, resting and maximum heart rate). The keys, their ranges and
 * their checks live in the library (rh_profile_keys, rh_profile_check).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/load.h"
#include "util/banned.h"

/* words22: the command's own words, data/wording.txt [cli_profile], a
 * closed set of printf formats checked before anything is read; the keys
 * are the library's (rh_profile_keys), their "in use" words too */
#define W(key) rh_cli_words("cli_profile", (key))
static const struct rh_words_format profile_words[] = {
    {"tz_system", "s"}, {"unknown", "s"}, {"set_needs", ""}, {"set_to", "ss"}, {"tz_set", "s"},
};

static int show(struct rh_cli *cli, struct rh_store *s)
{
    size_t n;
    const struct rh_profile_key *k = rh_profile_keys(&n);
    struct rh_err err;
    rh_err_clear(&err);
    /* the heart rates the training load uses when the profile has none */
    struct rh_load_hr_in_use hr;
    if (rh_load_hr_in_use(s, rh_cli_today(cli), &hr, &err))
        return rh_cli_report(rh_store_path(s), &err);
    /* sex and birth year the runner did not set: the latest assessment's */
    struct rh_load_person who;
    if (rh_load_person(s, &who, &err))
        return rh_cli_report(rh_store_path(s), &err);
    for (size_t i = 0; i < n; i++) {
        char *v = NULL;
        if (rh_store_profile_get(s, k[i].key, &v, &err))
            return rh_cli_report(rh_store_path(s), &err);
        char use[300] = "";
        bool is_max = strcmp(k[i].key, "max_hr") == 0;
        bool is_by = strcmp(k[i].key, "birth_year") == 0;
        if (!v && (is_max || strcmp(k[i].key, "rest_hr") == 0))
            rh_load_hr_in_use_words(&hr, is_max, RH_LOAD_WHERE_ANY, use, sizeof use);
        else if (!v && (is_by || strcmp(k[i].key, "sex") == 0))
            rh_load_person_words(&who, is_by, RH_LOAD_WHERE_ANY, use, sizeof use);
        if (strcmp(k[i].key, "tz") == 0 && !v)
        {
            printf("%-11s ", k[i].key);
            printf(W("tz_system"), rh_tz_name(rh_store_zone(s)));
            printf("\n");
        }
        else
            printf("%-11s %s%s%s%s\n", k[i].key, v ? rh_cli_safe(v) : "-", use[0] ? " (" : "",
                   use, use[0] ? ")" : "");
        rh_free(v);
    }
    return 0;
}

int cmd_profile(struct rh_cli *cli, int argc, char **argv)
{
    int wrc = rh_cli_words_check("profile", "cli_profile", profile_words,
                                 sizeof profile_words / sizeof *profile_words);
    if (wrc) /* before anything is read */
        return wrc;
    if (argc > 1 && strcmp(argv[1], "set") != 0) {
        rh_cli_error("profile", W("unknown"), argv[1]);
        return RH_EXIT_USAGE;
    }
    if (argc > 1 && argc != 4) {
        rh_cli_error("profile", "%s", W("set_needs"));
        return RH_EXIT_USAGE;
    }
    struct rh_err err;
    rh_err_clear(&err);
    if (argc == 4 && rh_profile_check_on(argv[2], argv[3], rh_cli_today(cli), &err)) /* before touching any database */
        return rh_cli_report("profile", &err);
    struct rh_store *s;
    int status = argc == 1 ? rh_cli_open_existing(cli, &s) : rh_cli_open_store(cli, &s);
    if (status)
        return status;
    if (argc == 1) {
        status = show(cli, s);
    } else if (rh_store_profile_set(s, argv[2], argv[3], &err)) {
        status = rh_cli_report("profile", &err);
    } else if (strcmp(argv[2], "birth_year") == 0) {
        /* what it changes: the maximum heart rate estimated from age */
        struct rh_load_hr_in_use hr;
        char words[400];
        if (rh_load_hr_in_use(s, rh_cli_today(cli), &hr, &err)) {
            status = rh_cli_report(rh_store_path(s), &err);
        } else {
            rh_load_birth_year_words(&hr, rh_profile_value(argv[2], argv[3]), words,
                                     sizeof words);
            printf("%s\n", rh_cli_safe(words));
        }
    } else {
        printf(W("set_to"), argv[2], rh_cli_safe(rh_profile_value(argv[2], argv[3])));
        printf("\n");
        if (strcmp(argv[2], "tz") == 0) {
            printf(W("tz_set"), rh_cli_safe(argv[3]));
            printf("\n");
        }
    }
    rh_store_close(s);
    return status;
}
