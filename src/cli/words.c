/* SPDX-License-Identifier: MIT */
/*
 * words22: the commands' own words are data/wording.txt [cli_<command>],
 * closed sets of printf formats (as [cli_log] and [cli_demo] of words21),
 * and [cli_common] the words several commands share. One accessor, and one
 * check a command runs before anything else: its section holds exactly the
 * keys it declares (once, in its own table), each with the conversions its
 * calls give, and [cli_common] too. tests/unit/test_cli_words.c checks that
 * every key a file asks for is in its table.
 */
#include "cli/cli.h"
#include "runhip/text.h"
#include "util/banned.h"

#define WC(key) rh_cli_words("cli_common", (key))

static const struct rh_words_format common_words[] = {
    {"unexpected", "s"},   {"out_of_memory", ""},   {"cannot_write_output", "s"},
    {"write_failed", ""},  {"cannot_write", "s"},   {"plan_moved", "ss"},
    {"plan_ladder", "dd"}, {"plan_stays", "s"},   {"signs_ticked", "s"},
    {"note_said", "s"},    {"unexpected_help", "ss"},
    {"shoe_name", ""},
};

int rh_cli_words_check(const char *cmd, const char *section, const struct rh_words_format *keys,
                       size_t n)
{
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_words_format_check("cli_common", common_words,
                              sizeof common_words / sizeof *common_words, &err) ||
        rh_words_format_check(section, keys, n, &err))
        return rh_cli_report(cmd, &err);
    return 0;
}

void rh_cli_unexpected(const char *cmd, const char *arg)
{
    rh_cli_error(cmd, WC("unexpected"), arg);
}
