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
    {"load", cmd_load, "training-load report: figures, findings, chart",
     "usage: runhip load [--as-of DATE] [--json] [--svg FILE]\n"
     "\n"
     "Looks at the stored activities and diary for training errors behind hip pain:\n"
     "weekly distance and its change, a run much longer than the recent longest,\n"
     "cadence, rest days, strength sessions, same route, heat, shoe distance, and\n"
     "the acute:chronic load ratio and monotony (shown as contested figures).\n"
     "Each finding gives its value, threshold, dates, evidence and advice.\n"
     "\n"
     "  --as-of DATE  report as of this day, YYYY-MM-DD (default: the day of the\n"
     "                newest stored activity)\n"
     "  --json        print one JSON document (series and findings) instead of text\n"
     "  --svg FILE    also write a chart (weekly distance, load ratio, monotony,\n"
     "                pain entries) as SVG to FILE\n"},
};
const size_t rh_n_commands = sizeof rh_commands / sizeof rh_commands[0];
