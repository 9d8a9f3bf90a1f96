# A day is the runner's local day (src/util/tz.c rh_tz_day): when the runner
# names a time zone (runhip profile set tz) after an assessment and its plan
# were stored, the plan's day of making is its assessment's local day in the
# new zone, and the plan, today, the assessment page, the report and the
# plan's JSON all say that same day (session 26, tz26). The plans here were
# made in the system zone ($TZ) at a --today's local noon, a day on which
# the new zone's day differs from the old one's.
. tests/cli/lib.sh
R() { "$RUNHIP" --db "$DB" "$@"; }

# same_day ZONE_BEFORE ZONE_AFTER ASSESS_DAY LOCAL_DAY WORDS: the plan made
# on ASSESS_DAY in ZONE_BEFORE, then ZONE_AFTER named; everything says
# LOCAL_DAY (WORDS: the assessment page's "Made on" day in words)
same_day() {
    DB="$T/$(echo "$1" | tr / _).db"
    TZ=$1 expect 0 R --today "$3" assess --in samples/demo/intake.txt
    TZ=$1 expect 0 R --today "$3" plan
    has "your assessment of $3\." "$T/out"
    TZ=$1 expect 0 R profile set tz "$2"
    TZ=$1 expect 0 R --today "$4" plan
    has "your assessment of $4\." "$T/out"
    has "Current phase since $4;" "$T/out"
    has "$4 Calm it down: plan made from your assessment of $4," "$T/out"
    hasnt "assessment of $3" "$T/out"
    TZ=$1 expect 0 R --today "$4" plan --json
    has "\"start_date\": *\"$4\"" "$T/out"
    has "\"phase_date\": *\"$4\"" "$T/out"
    TZ=$1 expect 0 R --today "$4" today
    has "^Today, [A-Za-z]* $4$" "$T/out"
    TZ=$1 expect 0 R --today "$4" report --html "$T/report.html"
    has "Assessment made on $5" "$T/report.html"
    has "since $4; plan started $4" "$T/report.html"
    if command -v curl >/dev/null 2>&1; then
        : >"$T/sout"
        TZ=$1 RUNHIP_TODAY=$4 "$RUNHIP" --db "$DB" serve --port 0 >"$T/sout" 2>"$T/serr" &
        pid=$!
        wait_until grep -q "http://" "$T/sout" || no "serve did not start: $(cat "$T/serr")"
        url=$(grep -o "http://[0-9.:]*/" "$T/sout" | head -1)
        curl -s "${url}assessment" >"$T/as.html"
        has "Made on $5" "$T/as.html"
        curl -s "${url}plan" >"$T/pl.html"
        has "your assessment of $4" "$T/pl.html"
        has "Current phase since $4;" "$T/pl.html" # the terminal's words (webplan27)
        hasnt "assessment of $3" "$T/pl.html"
        curl -s "${url}api/plan" >"$T/pl.json"
        has "\"start_date\": *\"$4\"" "$T/pl.json"
        kill -TERM $pid
        wait_until gone $pid || kill -KILL $pid
        wait $pid 2>/dev/null
    else
        echo "  skipped the web: no curl" >&2
    fi
}

# UTC noon of 5 December is 01:00 on the 6th in Auckland (+13 in summer)
t zone_named_later_east_dates_the_plan_on_the_local_day
same_day UTC Pacific/Auckland 2026-12-05 2026-12-06 "Sunday 6 December 2026"

# Tokyo's noon of 5 December is 19:00 on the 4th in Los Angeles (the
# tester's "Friday 4 December ... 19:13" against "assessment of 2026-12-05")
t zone_named_later_west_dates_the_plan_on_the_local_day
same_day Asia/Tokyo America/Los_Angeles 2026-12-05 2026-12-04 "Friday 4 December 2026"

# the same zone throughout: nothing moves
t zone_unchanged_keeps_the_day
DB="$T/same.db"
TZ=UTC expect 0 R --today 2026-12-05 assess --in samples/demo/intake.txt
TZ=UTC expect 0 R profile set tz UTC
TZ=UTC expect 0 R --today 2026-12-05 plan --json
has '"start_date": *"2026-12-05"' "$T/out"
has '"phase_date": *"2026-12-05"' "$T/out"

end
