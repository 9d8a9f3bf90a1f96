/* SPDX-License-Identifier: MIT */
/* The one dispatch table: name and function. Keep it in alphabetical order;
 * see cli.h for how to add a command. words22b: each command's one-line
 * summary and usage text are data/wording.txt [cli_help] NAME.summary and
 * NAME.usage, with the top-level help and the man page's words, a closed
 * set declared once below and checked before any of it is shown
 * (rh_cli_help_check). */
#include <stdio.h>

#include "cli/cli.h"
#include "util/banned.h"

const struct rh_command rh_commands[] = {
    {"assess", cmd_assess},
    {"activities", cmd_activities},
    {"checkin", cmd_checkin},
    {"demo", cmd_demo},
    {"help", cmd_help},
    {"import", cmd_import},
    {"inspect", cmd_inspect},
    {"load", cmd_load},
    {"log", cmd_log},
    {"plan", cmd_plan},
    {"profile", cmd_profile},
    {"report", cmd_report},
    {"serve", cmd_serve},
    {"shoes", cmd_shoes},
    {"today", cmd_today},
};
const size_t rh_n_commands = sizeof rh_commands / sizeof rh_commands[0];

/* Every command's NAME.summary and NAME.usage (test_cli_words checks the
 * table above against them), then the top-level help's and the man page's. */
static const struct rh_words_format help_words[] = {
    {"assess.summary", ""}, {"assess.usage", ""},
    {"activities.summary", ""}, {"activities.usage", ""},
    {"checkin.summary", ""}, {"checkin.usage", ""},
    {"demo.summary", ""}, {"demo.usage", ""},
    {"help.summary", ""}, {"help.usage", ""},
    {"import.summary", ""}, {"import.usage", ""},
    {"inspect.summary", ""}, {"inspect.usage", ""},
    {"load.summary", ""}, {"load.usage", ""},
    {"log.summary", ""}, {"log.usage", ""},
    {"plan.summary", ""}, {"plan.usage", ""},
    {"profile.summary", ""}, {"profile.usage", ""},
    {"report.summary", ""}, {"report.usage", ""},
    {"serve.summary", ""}, {"serve.usage", ""},
    {"shoes.summary", ""}, {"shoes.usage", ""},
    {"today.summary", ""}, {"today.usage", ""},
    {"top.usage", ""}, {"top.options", ""},
    {"man.name", ""}, {"man.description", ""},
    {"man.files", ""}, {"man.exit", ""},
};

int rh_cli_help_check(void)
{
    return rh_cli_words_check("help", "cli_help", help_words, sizeof help_words / sizeof *help_words);
}

const char *rh_cli_help_words(const struct rh_command *cmd, const char *part)
{
    char key[64];
    snprintf(key, sizeof key, "%s.%s", cmd->name, part);
    return rh_cli_words("cli_help", key);
}
