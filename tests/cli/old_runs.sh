# Review 7 (A5, A8, A19, B29) through the program and the web app: a runner
# whose recordings are months old. The recorded runs must not replace the
# runner's own answers (A5), load says plainly that there are no recent runs
# and how to see them (A19), the terminal and the web say the same; the
# maximum heart rate in use is shown with how it was estimated (A8, B29);
# the import page lists every format of the importer's table (B29).
. tests/cli/lib.sh
S=samples/demo
DB="$T/old.db"
R() { "$RUNHIP" --db "$DB" "$@"; }
if [ ! -d "$S" ]; then
    echo "  skipped: samples/demo is not in this tree" >&2
    end
    exit $?
fi
R --today 2026-11-22 import "$S/export_strava.zip" >/dev/null 2>&1
printf 'age = 34\nsex = male\nlocation = outer\nonset = gradual\nduration_days = 14\npain_run = 5\nweekly_km = 50\n' >"$T/in.txt"

t load_says_no_recent_runs_and_how_to_see_them
expect 0 R --today 2027-06-01 load
has "No runs in the last 8 weeks; your newest run is 2026-11-22\. Try 'runhip load --as-of 2026-11-22'" "$T/out"
expect 0 R --today 2027-06-01 load --as-of 2026-11-22
hasnt "No runs in the last" "$T/out"
expect 0 R --today 2027-06-01 load --json
has '"newest_run":"2026-11-22"' "$T/out"

t old_runs_keep_the_runners_answer
expect 0 R --today 2027-06-01 assess --in "$T/in.txt"
has "No runs recorded in the 4 weeks before the pain began on 2027-05-18 (your newest run before the pain began is 2026-11-22): your answer of 50 km a week was kept\." "$T/out"
hasnt "Taken from your recorded runs" "$T/out"
expect 0 R --today 2027-06-01 assess --in "$T/in.txt" --json
has '"training_data_not_recent":"No runs recorded in the 4 weeks' "$T/out"
has '"training_from_data":\[\]' "$T/out"
# the runs of the weeks before do stand in (the control)
expect 0 R --today 2026-11-23 assess --in "$T/in.txt" --json
has '"training_from_data":\["weekly_km"' "$T/out"
hasnt "training_data_not_recent" "$T/out"

t plan_uses_the_answer_when_no_runs_are_recent
# no recent runs but an answered weekly distance: the plan uses the answer,
# as the assessment said it did (review 7b, N14), and says why
expect 0 R --today 2027-06-01 assess --in "$T/in.txt"
expect 0 R --today 2027-06-01 plan
has "based on your answer of about 50 km a" "$T/out"
has "recorded in the 4 weeks before the pain began" "$T/out"
has "2026-11-22)" "$T/out"
hasnt "volume before the pain is unknown" "$T/out"
hasnt "no runs stored" "$T/out"
expect 0 R --today 2027-06-01 report --html "$T/r.html"
# the physio's report in the third person (review 11 #12)
has "the runner's newest run before the pain began is 2026-11-22): the runner's answer of 50 km a week was kept" "$T/r.html"
has "weekly distance 50 km" "$T/r.html"

t profile_shows_the_heart_rates_in_use
expect 0 R --today 2027-06-01 profile
has "rest_hr     - (in use: 60 beats a minute, assumed)" "$T/out"
# session 17: sex and age the runner did not set are the latest
# assessment's answers (34, male, on 2027-06-01), said with where they came
# from; the age gives the maximum heart rate (208 - 0.7 x 34 = 184), above
# the recordings' highest peak (170)
has "sex         - (in use: male, from your answer in your assessment of 2027-06-01; set yours" "$T/out"
has "birth_year  - (in use: about 1993, from your age (34) in your assessment of 2027-06-01" "$T/out"
has "max_hr      - (in use: 184 beats a minute, estimated from your age as 208 - 0.7 x age" "$T/out"
expect 0 R --today 2027-06-01 load --json
has '"max_bpm":184,' "$T/out"
has '"max_age_predicted":184,' "$T/out"
expect 0 R --today 2026-11-22 profile set birth_year 1988
# it says what it changes (review 7b, N18)
has "^birth year 1988: maximum heart rate now estimated as 181 a minute (208 - 0.7 x age, Tanaka 2001)$" "$T/out"
expect 0 R --today 2026-11-22 profile
has "in use: 181 beats a minute, estimated from your age as 208 - 0.7 x age" "$T/out"
# what the runner sets wins over the assessment's answers
has "^birth_year  1988$" "$T/out"
expect 0 R profile set max_hr 185
expect 0 R --today 2026-11-22 profile
has "max_hr      185$" "$T/out"
expect 0 R --today 2026-11-22 profile set birth_year 1988
has "birth year 1988: the maximum heart rate in use stays your profile's max_hr, 185 a minute" "$T/out"

t birth_year_before_any_recording_says_the_rule_load_applies
# runner23b: set before any recording, the birth year said its estimate (164)
# "will be used", and load then used the recordings' higher peak (170): the
# words say the rule (the higher of the two), from data/load_rules.txt
DB_KEEP=$DB
DB="$T/by.db"
expect 0 R --today 2026-11-22 profile set birth_year 1963
has "estimated from age as 164 a minute (208 - 0.7 x age, Tanaka 2001); once recordings with a heart rate are stored, runhip uses the higher of this and their peak" "$T/out"
hasnt "used once" "$T/out"
R --today 2026-11-22 import "$S/export_strava.zip" >/dev/null 2>&1
expect 0 R --today 2026-11-22 load --json
has '"max_bpm":170,' "$T/out"
expect 0 R --today 2026-11-22 profile set birth_year 1963
has "maximum heart rate stays 170 a minute, the peak of your recordings, above the 164 estimated" "$T/out"
DB=$DB_KEEP

t web_says_the_same
if command -v curl >/dev/null 2>&1; then
    RUNHIP_TODAY=2027-06-01 "$RUNHIP" --db "$DB" serve --port 0 >"$T/sout" 2>"$T/serr" &
    pid=$!
    wait_until grep -q "http://" "$T/sout" || no "serve did not start: $(cat "$T/serr")"
    url=$(grep -o "http://[0-9.:]*/" "$T/sout" | head -1)
    curl -s "${url}training" >"$T/tr.html"
    has "No runs in the last 8 weeks; your newest run is 2026-11-22\." "$T/tr.html"
    has 'href="/training?as_of=2026-11-22"' "$T/tr.html"
    # the page's weekly table shows the weeks its sentence speaks of
    rows=$(sed -n '/<h3>Weekly table/,/<\/table>/p' "$T/tr.html" | grep -c '^<tr><td[ >]')
    [ "$rows" = 8 ] || no "the weekly table shows $rows weeks, the sentence 8"
    curl -s "${url}training?as_of=2026-11-22" >"$T/tr2.html"
    has "As of 2026-11-22\." "$T/tr2.html"
    hasnt "No runs in the last" "$T/tr2.html"
    curl -s "${url}assessment" >"$T/as.html"
    has "your answer of 50 km a week was kept" "$T/as.html"
    curl -s "${url}profile" >"$T/pr.html"
    has 'id="p-rest_hr-use">In use: 60 beats a minute, assumed' "$T/pr.html"
    curl -s "${url}import" >"$T/im.html"
    for w in ".fit" ".gpx" ".tcx" "Suunto .sml" "Apple Health" "Polar Flow" "activities.csv" ".gz" ".zip"; do
        has "$w" "$T/im.html"
    done
    has 'accept="[^"]*\.sml[^"]*\.json[^"]*"' "$T/im.html"
    kill -TERM $pid
    wait_until gone $pid || kill -KILL $pid
    wait $pid 2>/dev/null
else
    echo "  skipped: no curl" >&2
fi

end
