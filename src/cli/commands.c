/* SPDX-License-Identifier: MIT */
/* The one dispatch table: name, function, one-line summary, usage text.
 * Keep it in alphabetical order; see cli.h for how to add a command. */
#include "cli/cli.h"

const struct rh_command rh_commands[] = {
    {"demo", cmd_demo, "run the whole journey on the bundled sample athlete",
     "usage: runhip demo [--samples DIR] [--keep]\n"
     "\n"
     "Loads the bundled sample athlete into a temporary database and shows the\n"
     "whole journey: import, training-load report, assessment, plan and diary.\n"
     "\n"
     "  --samples DIR  sample folder (default: samples/demo, then the installed copy)\n"
     "  --keep         keep the temporary database and print its path\n"},
    {"help", cmd_help, "show the commands, or one command's usage",
     "usage: runhip help [COMMAND]\n"
     "       runhip help --man    the manual page (roff), made from this table\n"},
};
const size_t rh_n_commands = sizeof rh_commands / sizeof rh_commands[0];
