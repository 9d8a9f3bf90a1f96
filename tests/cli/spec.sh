#!/bin/sh
# The contracts of ../shared/spec/cli.md and intake.md, sentence by sentence,
# as someone who never read the code would check them against the program.
. "$(dirname "$0")/lib.sh"
R() { "$RUNHIP" --db "$T/s.db" --today 2026-11-20 "$@"; }

t log_pain_json_blocked_keeps_an_earlier_red_flag
# cli.md: blocked is "true when, after this entry, the plan schedules no
# running"; with no assessment yet, `plan --json` keeps the earlier fever
expect 0 R log pain 3 --signs fever --json --date 2026-11-19
has '"blocked":true' "$T/out"
expect 0 R log pain 2 --json
has '"red_flags":\[\]' "$T/out"
has '"blocked":true' "$T/out"
expect 0 R log pain 2
has 'No running' "$T/out"
hasnt 'No plan yet' "$T/out"
expect 0 R plan --json
has '"blocked": true' "$T/out"
expect 0 R checkin --answers 1 --json
has '"blocked":true' "$T/out"
expect 0 R log cleared
expect 0 R log pain 2 --json
has '"blocked":false' "$T/out"
rm -f "$T/s.db"*

t log_pain_signs_without_assessment_says_how_to_get_a_plan
# review 7b, N23: the last line says plainly that there is no assessment yet
expect 0 R log pain 4 --signs fever --date 2026-11-19
has "keep saying it\.$" "$T/out"
[ "$(tail -n 1 "$T/out")" = "No assessment yet: run 'runhip assess' to get a plan." ] ||
    no "the last line is '$(tail -n 1 "$T/out")'"
hasnt "The plan is made after" "$T/out"
rm -f "$T/s.db"*

t help_log_names_every_option_of_cli_md
# cli.md: log pain N [--date D] [--during-run N] [--next-morning N]
# [--note TEXT] [--signs WORDS] [--json]; days are local days
expect 0 "$RUNHIP" help log
for o in --date --during-run --next-morning --note --signs --json --minutes --km; do
    has "$o" "$T/out"
done
hasnt 'UTC' "$T/out"
expect 0 "$RUNHIP" help checkin
hasnt 'UTC' "$T/out"

t inspect_json_local_date_as_import_stores_it
# cli.md: local_date and utc_offset_min in inspect --json "where they apply":
# a file without an offset of its own is dated in the runner's zone, as
# import dates it (12:11 UTC is the next day in Kiritimati, UTC+14)
f=$RH_SHARED/corpus/fit/fitparse_2013-02-06-12-11-14.fit
expect 0 env TZ=Pacific/Kiritimati "$RUNHIP" --db "$T/none.db" inspect --json "$f"
has '"local_date":"2013-02-07","utc_offset_min":840' "$T/out"
[ -e "$T/none.db" ] && no "inspect created a database"
expect 0 R profile set tz America/Los_Angeles
expect 0 env TZ=Pacific/Kiritimati "$RUNHIP" --db "$T/s.db" inspect --json "$f"
has '"local_date":"2013-02-06","utc_offset_min":-480' "$T/out"
expect 0 R import "$f"
expect 0 R activities --json
has '"local_date":"2013-02-06","utc_offset_min":-480' "$T/out"
rm -f "$T/s.db"*

t intake_numbers_are_decimal_and_a_bad_file_stores_nothing
# intake.md: "a number out of range or a malformed line is a clear error
# naming the file, the line and the key; nothing is guessed"
expect 0 R profile set tz UTC
printf 'sex = female\nage = 0x1e\n' >"$T/in.txt"
expect 1 R assess --in "$T/in.txt"
has "in.txt:2: age: '0x1e' is not a number" "$T/err"
printf 'weekly_km = infinity\n' >"$T/in.txt"
expect 1 R assess --in "$T/in.txt"
has "in.txt:1: weekly_km:" "$T/err"
expect 1 R plan --json
has 'no assessment yet' "$T/err"
rm -f "$T/s.db"*

t a_wrong_value_is_bad_input_1_a_wrong_shape_is_usage_2
# cli.md: 1 the input was bad (a message names what), 2 usage error; the same
# wrong date gives the same status in every command
for args in "log pain 3 --date 2026-02-30" "load --as-of 2026-02-30" \
    "activities --from 2026-02-30" "shoes add X --from 2026-02-30" \
    "checkin --answers 1 --date 2026-02-30" "log pain 11" "log pain 3 --date 2026-11-21" \
    "shoes add X --from 2026-11-21" "activities --sport jogging" "import --jobs 0 x.fit"; do
    # shellcheck disable=SC2086
    expect 1 R $args
    has "runhip: " "$T/err"
done
expect 1 "$RUNHIP" --db "$T/s.db" --today 2026-02-30 activities
for args in "frobnicate" "log pain" "log pain 3 4" "load --frob" "activities extra" "log pain 3 --date"; do
    # shellcheck disable=SC2086
    expect 2 R $args
done
[ -e "$T/s.db" ] && no "a refused command created the database"
rm -f "$T/s.db"*

t dates_after_today_are_refused_in_every_command
# cli.md: --today D is "the local day taken as today by every command ...
# dates after it are refused like future dates"; nothing is stored
expect 0 R profile set tz UTC
for args in "log session strength --date 2026-11-21" "log session run --km 5 --date 2026-11-21" \
    "log pain 2 --date 2026-11-21" "checkin --answers 1 --date 2026-11-21" \
    "log cleared --date 2026-11-21" "shoes add X --from 2026-11-21" "load --as-of 2026-11-21"; do
    # shellcheck disable=SC2086
    expect 1 R $args
    has "future\|after today" "$T/err"
done
expect 0 R checkin --list
has "No weekly check-in" "$T/out"
expect 0 R log session strength --date 2026-11-20
expect 0 R import samples/demo/files/2026-09-16_running.gpx
expect 0 R --today 2026-11-22 load --as-of 2026-11-22 --json
python3 -c 'import json,sys
d={x["date"]:x for x in json.load(open(sys.argv[1]))["days"]}
assert d["2026-11-20"]["strength"]==1, d["2026-11-20"]
assert d["2026-11-21"]["strength"]==0 and d["2026-11-21"]["km"]==0, d["2026-11-21"]' "$T/out" ||
    no "a refused session was stored"
rm -f "$T/s.db"*

t shoes_lists_the_pairs_the_activities_name
# cli.md: "shoes  list shoes with their distance"; a Strava export names the
# pair of each run (its gear), and the load report already counts it
S() { "$RUNHIP" --db "$T/s.db" --today 2026-11-22 "$@"; }
expect 0 S import samples/demo/export_strava.zip
expect 0 S shoes
has "Road shoe A .* 4[0-9][0-9]\.[0-9] .* 4[0-9] .*2026-09-01" "$T/out"
hasnt "no shoes yet" "$T/out"
expect 0 S shoes retire "Road shoe A" --date 2026-11-20
expect 0 S shoes
has "Road shoe A .*2026-11-20" "$T/out"
rm -f "$T/s.db"*

t log_pain_signs_are_read_as_in_intake_lists
# cli.md: --signs WORDS: "signs words of intake.md separated by commas, as in
# intake lists" (synonyms such as a space for '_', none, no word twice)
expect 0 R log pain 2 --signs "Cannot bear weight" --json
has '"red_flags":\["cannot_bear_weight"\]' "$T/out"
expect 0 R log cleared
expect 0 R log pain 2 --signs none --json
has '"red_flags":\[\]' "$T/out"
expect 1 R log pain 2 --signs "fever, fever"
has "runhip: log: --signs: 'fever' is listed twice" "$T/err"
expect 1 R checkin --answers 1 --signs "fevr"
has "runhip: checkin: --signs: unknown word 'fevr'" "$T/err"
rm -f "$T/s.db"*

t log_pain_offers_the_diary_ticks_the_web_offers
# review 8 #21: "wakes me at night" and "tingling" are in the web diary's
# list of signs; the terminal takes the same words, says them in its help,
# and judges them as the same words in a note
expect 0 "$RUNHIP" log --help
has "wakes_at_night" "$T/out"
has "tingling (tingling or pins and" "$T/out"
expect 0 R log pain 2 --signs wakes_at_night --json
has '"red_flags":\["night_or_rest_pain"\]' "$T/out"
expect 0 R log cleared
expect 0 R log pain 2 --note "the pain wakes me at night" --json
has '"red_flags":\["night_or_rest_pain"\]' "$T/out"
expect 0 R log cleared
expect 1 R log pain 2 --signs "tingling, tingling"
has "runhip: log: --signs: 'tingling' is listed twice" "$T/err"
expect 1 R log pain 2 --signs "tingle"
has "worsening, weak_progressive, wakes_at_night, tingling)" "$T/err"
rm -f "$T/s.db"*

t profile_sex_takes_the_words_intake_takes
# the words an intake file accepts for sex (F, m, any case) are taken by
# profile set too, stored as the intake's word (F was refused before)
for w in F f Female FEMALE; do
    expect 0 R profile set sex "$w"
    has "sex set to female" "$T/out"
done
expect 0 R profile set sex M
has "sex set to male" "$T/out"
expect 0 R profile
has "^sex  *male" "$T/out"
expect 1 R profile set sex x
has "sex: 'x' is not female (f), male (m) or other" "$T/err"
expect 0 R profile
has "^sex  *male" "$T/out"
printf 'sex = F\n' >"$T/sx.txt"
expect 0 R assess --in "$T/sx.txt" --json
has "sex=female" "$T/out"
rm -f "$T/s.db"* "$T/sx.txt"

end
