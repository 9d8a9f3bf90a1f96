/* SPDX-License-Identifier: MIT */
/* The one dispatch table: name, function, one-line summary, usage text.
 * Keep it in alphabetical order; see cli.h for how to add a command. */
#include "cli/cli.h"

const struct rh_command rh_commands[] = {
    {"activities", cmd_activities, "list the stored activities",
     "usage: runhip activities [--json]\n"
     "\n"
     "Lists the stored activities, oldest first: date, sport, distance, time, pace,\n"
     "cadence (steps a minute), heart rate, shoe and name.\n"
     "\n"
     "  --json  one JSON object a line with the fields of inspect --json\n"},
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
    {"import", cmd_import, "import activity files, folders and export archives",
     "usage: runhip import [--jobs N] PATH...\n"
     "\n"
     "Stores every activity found under the paths: .fit, .gpx and .tcx files (also\n"
     "gzip-compressed), folders (recursively), and .zip archives such as a Strava\n"
     "bulk export (names, types and gear from its activities.csv) or a Garmin\n"
     "Connect export (zips inside the zip). Formats are recognised by content.\n"
     "Each activity is stored in its own transaction; one seen before (same content,\n"
     "or same start time and device) is counted as a duplicate. A bad file is named\n"
     "with the reason and the import goes on. Exit status 1 if any file failed.\n"
     "\n"
     "  --jobs N  decoding threads (default: one per processor)\n"},
    {"inspect", cmd_inspect, "decode activity files without storing them",
     "usage: runhip inspect [--json] [--jobs N] FILE...\n"
     "\n"
     "Decodes activity files (and folders and archives, as import does) and shows\n"
     "each activity's summary without storing anything.\n"
     "\n"
     "  --json  one JSON object a line: file, format, sport, start_time_utc,\n"
     "          total_elapsed_s, total_timer_s, total_distance_m, n_records,\n"
     "          avg_cadence_spm, avg_hr, max_hr, has_gps, avg_temperature_c,\n"
     "          elevation_gain_m and more (null where the file does not say)\n"
     "  --jobs N  decoding threads (default: one per processor)\n"},
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
