#!/bin/sh
# Session 21's contract audit (docs/spec_audit.md): each promise of
# ../shared/spec/cli.md and intake.md that the program did not keep, checked
# as a scripting user would check it.
. "$(dirname "$0")/lib.sh"
R() { "$RUNHIP" --db "$T/a.db" --today 2026-12-04 "$@"; }

t load_json_weeks_are_7_day_windows_ending_on_as_of
# cli.md "load --json keeps its keys": weeks are "7-day windows ending on
# as_of" (2026-12-04 is a Friday: the calendar week would end on Sunday the
# 6th); the Monday-to-Sunday weeks of the Training page are calendar_weeks
expect 0 R log session run --km 5 --date 2026-11-20
expect 0 R log session run --km 6 --date 2026-12-01
expect 0 R load --json
python3 - "$T/out" <<'PY' || no "weeks are not the 7-day windows ending on as_of"
import json, sys
o = json.load(open(sys.argv[1]))
w, c = o["weeks"], o["calendar_weeks"]
assert o["as_of"] == "2026-12-04"
assert (w[-1]["from"], w[-1]["to"], w[-1]["km"]) == ("2026-11-28", "2026-12-04", 6.0), w[-1]
assert (w[-2]["from"], w[-2]["to"]) == ("2026-11-21", "2026-11-27"), w[-2]
assert all("this_week_so_far" not in x for x in w)
assert (c[-1]["from"], c[-1]["to"], c[-1]["this_week_so_far"]) == ("2026-11-30", "2026-12-06", True)
PY
rm -f "$T/a.db"*

t profile_birth_year_after_today_is_refused
# cli.md: dates after --today are refused like future dates; a year of
# birth after this year was stored (2030 with today 2026-12-04)
expect 0 R profile set sex female
expect 1 R profile set birth_year 2030
has "year of birth: 2030 is after this year (2026)" "$T/err"
expect 0 R profile
has "^birth_year  *-" "$T/out"
expect 0 R profile set birth_year 1985
expect 0 R profile
has "^birth_year  *1985" "$T/out"
rm -f "$T/a.db"*

t log_pain_negative_is_bad_input_not_usage
# cli.md: exit 1 when the input was bad, 2 for a usage error; "log pain -1"
# is a pain out of range (getopt took it for an unknown option: exit 2)
expect 1 R log pain -1
has "runhip: log: pain must be 0..10, got -1" "$T/err"
expect 1 R log pain -2 --json
[ -s "$T/out" ] && no "log pain -2 --json printed on stdout"
expect 1 R log pain 3 --during-run -1
has "during-run must be 0..10, got -1" "$T/err"
expect 0 R log pain 2 --note -1
expect 0 R log list
[ "$(grep -c '^2026-12-04' "$T/out")" = 1 ] || no "one entry only, the good one: $(cat "$T/out")"
expect 2 R log pain -x
rm -f "$T/a.db"*

t activities_set_excluded_takes_the_json_words_too
# cli.md: "activities --set ID KEY=VALUE ... excluded (yes/no)"; activities
# --json says it as true/false, which a script gives back: true, false, Yes
# were refused ("'true' is not yes or no"); a word of neither stays refused
expect 0 R log session run --km 5 --date 2026-12-01
expect 0 R import "$RH_SHARED/corpus/fit/fitparse_garmin-fenix-5-run.fit"
expect 0 R activities --set 1 excluded=true
expect 0 R activities --json
has '"excluded":true' "$T/out"
expect 0 R activities --set 1 excluded=false
expect 0 R activities --json
has '"excluded":false' "$T/out"
expect 0 R activities --set 1 excluded=Yes
expect 0 R activities --json
has '"excluded":true' "$T/out"
expect 1 R activities --set 1 excluded=maybe
has "excluded: 'maybe' is not yes or no" "$T/err"
expect 0 R activities --json
has '"excluded":true' "$T/out"
rm -f "$T/a.db"*

t log_session_run_faster_than_anyone_runs_is_refused
# cli.md: "log session run ... --km N" is a run with no file, counted in the
# load; given with its time, it is one a runner can run: 5 km in 0 minutes
# or 50 km in 30 were stored and counted (exit 1 now, nothing stored)
expect 1 R log session run --km 5 --minutes 0
has "5 km in 0 minutes is faster than anyone runs" "$T/err"
expect 1 R log session run --km 50 --minutes 30
expect 0 R log session run --km 5 --minutes 19 --date 2026-12-02
expect 0 R log session run --km 8 --date 2026-12-03
expect 0 R load --json
python3 - "$T/out" <<'PY' || no "the load counts other runs than the two good ones"
import json, sys
o = json.load(open(sys.argv[1]))
assert o["counted"]["logged_runs"] == 2, o["counted"]
assert o["weeks"][-1]["km"] == 13.0, o["weeks"][-1]
PY
rm -f "$T/a.db"*

t log_session_says_the_minutes_it_stored
# cli.md "log session KIND [--minutes N]": 20.5 minutes were stored as 20.5
# (the load counts them) but the reply said "20 minutes"
expect 0 R log session mobility --minutes 20.5
has "^Logged a mobility session on 2026-12-04, 20.5 minutes\.$" "$T/out"
expect 0 R log session strength --minutes 1
has ", 1 minute\.$" "$T/out"
expect 0 R log session strength --minutes 30
has ", 30 minutes\.$" "$T/out"
rm -f "$T/a.db"*

end
