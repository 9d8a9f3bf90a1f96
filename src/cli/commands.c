/* SPDX-License-Identifier: MIT */
/* The one dispatch table: name, function, one-line summary, usage text.
 * Keep it in alphabetical order; see cli.h for how to add a command. */
#include "cli/cli.h"

const struct rh_command rh_commands[] = {
    {"assess", cmd_assess, "hip-pain assessment: likely causes, red flags, what to do now",
     "usage: runhip assess [--in FILE|-] [--json] [--sources]\n"
     "\n"
     "Assesses hip pain from the runner's answers (the intake of intake.md): red flags\n"
     "first, the likely causes with the answers behind them, muscle/joint/nerve pain,\n"
     "what to do now and what to do about running. Information, not a diagnosis.\n"
     "With no --in and a terminal on stdin it asks the questions one screen at a time\n"
     "and offers to save the result; answers are not read from a pipe without --in.\n"
     "The assessment is stored with its answers for `runhip plan`.\n"
     "\n"
     "  --in FILE  read the answers from FILE (text or JSON; - for stdin)\n"
     "  --json     print the result as one JSON object (fields in docs/internals/assess.md)\n"
     "  --sources  list the sources with their full citations\n"},
    {"activities", cmd_activities, "list the stored activities",
     "usage: runhip activities [--sport S] [--from D] [--to D] [--json]\n"
     "       runhip activities --set ID KEY=VALUE   KEY: sport, shoe, excluded (yes/no)\n"
     "       runhip activities --delete ID\n"
     "\n"
     "Lists the stored activities, oldest first: number, local date, sport (with a ?\n"
     "when inferred from speed, cadence and heart rate), distance, time, pace,\n"
     "cadence (steps a minute), heart rate, shoe and name, then totals by sport.\n"
     "An excluded activity stays listed but counts nowhere.\n"
     "\n"
     "  --sport S     only this sport (running, trail_running, treadmill, walking,\n"
     "                cycling, swimming, strength, other)\n"
     "  --from D      only from this local day (YYYY-MM-DD)\n"
     "  --to D        only up to this local day\n"
     "  --json        one JSON object a line: the fields of inspect --json with id,\n"
     "                local_date, utc_offset_min, sport_source, excluded, also_in\n"
     "  --set ID KEY=VALUE  correct activity ID: sport=NAME, shoe=NAME (or none),\n"
     "                excluded=yes|no\n"
     "  --delete ID   delete activity ID (its file, imported again, brings it back)\n"},
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
    {"import", cmd_import, "import activity files, folders and export archives",
     "usage: runhip import [--jobs N] PATH...\n"
     "\n"
     "Stores every activity found under the paths: .fit, .gpx and .tcx files (also\n"
     "gzip-compressed), folders (recursively), and .zip archives such as a Strava\n"
     "bulk export, zipped or unzipped (names, types and gear from its activities.csv) or a Garmin\n"
     "Connect export (zips inside the zip). Formats are recognised by content.\n"
     "Each activity is stored in its own transaction. One outing is one activity:\n"
     "a file seen before, or a recording whose time overlaps a stored one of the\n"
     "same kind of sport by 80% or more, is a duplicate, named with the activity it\n"
     "matched; the richer recording is kept (a complete file over a cut one, then\n"
     "the one with a summary, more points, heart rate, cadence), the other file is\n"
     "listed in also_in. Days are local: the file's own UTC offset, else the\n"
     "profile's time zone (see 'runhip profile'). A bad file is named\n"
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
     "  --as-of DATE  report as of this local day, YYYY-MM-DD (default: today)\n"
     "  --json        print one JSON document (series and findings) instead of text\n"
     "  --svg FILE    also write a chart (weekly distance, load ratio, monotony,\n"
     "                pain entries) as SVG to FILE\n"},
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
    {"profile", cmd_profile, "your profile: time zone, sex, birth year, resting and maximum HR",
     "usage: runhip profile\n"
     "       runhip profile set KEY VALUE\n"
     "\n"
     "Shows or sets the profile. KEY:\n"
     "  tz          your time zone, a tz database name such as Europe/London or\n"
     "              America/Los_Angeles (default: the system's, $TZ or /etc/localtime);\n"
     "              activities whose file gives no UTC offset are dated in it\n"
     "  sex         female, male or other (the heart-rate load formula differs)\n"
     "  birth_year  year of birth\n"
     "  rest_hr     resting heart rate, 25-120 beats a minute\n"
     "  max_hr      maximum heart rate, 100-240 beats a minute\n"},
    {"report", cmd_report, "hand-off report for a physiotherapist or doctor (print-ready HTML)",
     "usage: runhip report [--html FILE]\n"
     "\n"
     "One to two printed pages for the clinician you see: your answers in clinical\n"
     "terms, red flags, the likely conditions and the findings behind them, the\n"
     "training-load chart with your pain entries, the diary's pain trend, the\n"
     "weekly check-in scores and what you did of the plan. Open the file in a\n"
     "browser and print it (or print to PDF).\n"
     "\n"
     "  --html FILE  where to write the page (default runhip-report.html)\n"},
    {"serve", cmd_serve, "the web app in the browser: today, diary, plan, training, import",
     "usage: runhip serve [--bind ADDR] [--port N] [--host NAME]\n"
     "\n"
     "Serves the web app until Ctrl-C: today's session and why, the diary, the weekly\n"
     "check-in, the plan (also as a calendar feed, /plan.ics), the assessment, the\n"
     "training load and activities, and import by upload; JSON under /api/.\n"
     "Only this computer can reach it unless --bind names another address; then a\n"
     "random access token is printed once in the link, and every request needs it.\n"
     "\n"
     "  --bind ADDR  numeric IPv4 or IPv6 address (default 127.0.0.1)\n"
     "  --port N     TCP port, 0 for any free one (default 8417)\n"
     "  --host NAME  a host name the server is reached by (besides its addresses and\n"
     "               localhost); others are refused (DNS rebinding). Comma-separated.\n"},
    {"shoes", cmd_shoes, "your shoes and the distance they have run",
     "usage: runhip shoes\n"
     "       runhip shoes add NAME [--km-before N] [--from D]\n"
     "       runhip shoes retire NAME [--date D]\n"
     "\n"
     "Lists the shoes with their distance: what they ran before runhip plus the\n"
     "activities that name them (set an activity's shoe with\n"
     "'runhip activities --set ID shoe=NAME').\n"
     "\n"
     "  --km-before N  kilometres the pair ran before its activities here\n"
     "  --from D       first day in use (default: today)\n"
     "  --date D       the day it was retired (default: today)\n"},
};
const size_t rh_n_commands = sizeof rh_commands / sizeof rh_commands[0];
