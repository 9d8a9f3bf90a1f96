/* SPDX-License-Identifier: MIT */
/* The one dispatch table: name, function, one-line summary, usage text.
 * Keep it in alphabetical order; see cli.h for how to add a command. */
#include "cli/cli.h"

const struct rh_command rh_commands[] = {
    {"checkin", cmd_checkin, "weekly overuse check-in (OSTRC-style, severity 0-100)",
     "usage: runhip checkin [--answers A,B,C,D] [--date D] [--json]\n"
     "       runhip checkin --list [--json]\n"
     "\n"
     "Four questions about the past seven days (taking part, changed training,\n"
     "performance, pain), each answered with an option 1-4 scored 0/8/17/25;\n"
     "severity is the sum (0-100). Answering 1 to the first question (full\n"
     "participation, no trouble) ends at 0; 4 (could not take part) ends at 100.\n"
     "Asked interactively on a terminal.\n"
     "\n"
     "  --answers A,B,C,D  option numbers for scripts (just A when A is 1 or 4)\n"
     "  --date D           the last day of the week (default: today, UTC)\n"
     "  --list             show the stored check-ins and the trend\n"
     "  --json             JSON (one object a line with --list)\n"},
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
    {"log", cmd_log, "diary: pain, sessions, and clearance to run",
     "usage: runhip log pain N [--date D] [--during-run N] [--next-morning N] [--note TEXT]\n"
     "       runhip log session KIND [--date D] [--minutes N] [--rpe N] [--note TEXT]\n"
     "       runhip log cleared [--date D] [--note TEXT]\n"
     "\n"
     "pain: pain now 0-10, with pain during the run or session and the next\n"
     "morning. The pain rule judges the entry and moves the plan: up to 5/10\n"
     "during activity that settles by the next morning and does not rise week\n"
     "on week: stay (or move on); more: one stage back; warning words in the note\n"
     "(numbness, fever, night pain, cannot bear weight, bladder) or pain rising\n"
     "over three entries: see someone.\n"
     "session: KIND is strength, mobility, cross_train, rest or run; --minutes\n"
     "0-1440, --rpe effort 0-10.\n"
     "cleared: a doctor or physiotherapist has cleared you to run; lifts the\n"
     "plan's running block (after a red flag or a stop).\n"
     "\n"
     "  --date D   YYYY-MM-DD (default: today, UTC)\n"},
    {"plan", cmd_plan, "recovery and return-to-run plan for the latest assessment",
     "usage: runhip plan [--json] [--ics FILE]\n"
     "\n"
     "The plan for the latest assessment (made and stored the first time): phases\n"
     "with entry and exit criteria, two weeks of sessions, the three-day test and\n"
     "walk-run ladder, weekly volume from your own volume before the pain.\n"
     "\n"
     "  --json      the plan as one JSON document\n"
     "  --ics FILE  also write the next four weeks as an iCalendar file\n"},
};
const size_t rh_n_commands = sizeof rh_commands / sizeof rh_commands[0];
