# A diary entry's day is the runner's local day (session 27, schema 10):
# an entry logged for the day of logging before the runner names a time
# zone keeps the moment it was logged, and the zone named later (runhip
# profile set tz) dates it on that moment's day there, for good: today's
# "Logged today", the diary (log list, checkin --list), the hand-off report
# and the web's Diary, Check-in and /api/diary all say that day. A day the
# runner named (--date) stays; a change of zone after that (a trip) moves
# nothing. The entries are logged late in the evening in UTC (the system
# zone here, $TZ), at a moment pinned with $RUNHIP_NOW.
. tests/cli/lib.sh
R() { "$RUNHIP" --db "$DB" "$@"; }
export TZ=UTC

# log_evening AT: an assessment, then at AT (UTC) a pain entry with its
# pain during a run, a strength session and a check-in of that day, and a
# pain entry of 2026-12-04 named with --date
log_evening() {
    RUNHIP_NOW=2026-12-05T12:00:00Z expect 0 R assess --in samples/demo/intake.txt
    RUNHIP_NOW=$1 expect 0 R log pain 2 --during-run 3 --note "evening run sore"
    RUNHIP_NOW=$1 expect 0 R log session strength --minutes 20
    RUNHIP_NOW=$1 expect 0 R checkin --answers 2,2,1,2 --signs none --note "ok week"
    RUNHIP_NOW=$1 expect 0 R log pain 1 --date 2026-12-04 --note "named day"
}

# shown_on AT DAY WEEKDAY: read at AT (UTC), the entries of the evening are
# on DAY everywhere, the named one on 2026-12-04, none on another day
shown_on() {
    RUNHIP_NOW=$1 expect 0 R today
    has "^Today, $3 $2$" "$T/out"
    has "Logged today: pain 2/10 (3/10 during activity); strength, 20 minutes\." "$T/out"
    RUNHIP_NOW=$1 expect 0 R log list --days 7
    has "^$2 *2 *3 " "$T/out"
    has "^2026-12-04 *1 " "$T/out"
    [ "$(sed '/^Sessions logged:/,$d' "$T/out" | grep -c '^2026-12-0')" = 2 ] ||
        no "two entries in: $(cat "$T/out")"
    # ux28: the session of the evening listed too, on the same local day
    sed -n '/^Sessions logged:/,$p' "$T/out" | grep -q "^$2  strength  *20 " ||
        no "the session not on $2: $(cat "$T/out")"
    RUNHIP_NOW=$1 expect 0 R checkin --list
    has "^$2 *24 " "$T/out"
    RUNHIP_NOW=$1 expect 0 R report --html "$T/report.html"
    has "<td class=\"d\">$2</td><td class=\"n\">2</td><td class=\"n\">3</td>" "$T/report.html"
    has "<td class=\"d\">2026-12-04</td><td class=\"n\">1</td>" "$T/report.html"
    has "<li>$2: <strong>24</strong>, in the runner's words: &ldquo;ok week&rdquo;" "$T/report.html"
    if command -v curl >/dev/null 2>&1; then
        : >"$T/sout"
        RUNHIP_TODAY=$2 "$RUNHIP" --db "$DB" serve --port 0 >"$T/sout" 2>"$T/serr" &
        pid=$!
        wait_until grep -q "http://" "$T/sout" || no "serve did not start: $(cat "$T/serr")"
        url=$(grep -o "http://[0-9.:]*/" "$T/sout" | head -1)
        curl -s "${url}diary" >"$T/diary.html"
        has "$2</td><td class=\"num\" data-l=\"now\">2<" "$T/diary.html"
        has "$2</td><td data-l=\"kind\">strength<" "$T/diary.html"
        curl -s "${url}checkin" >"$T/checkin.html"
        has "<td class=\"d\">[A-Za-z]* $2</td><td class=\"num\" data-l=\"severity\">24<" "$T/checkin.html"
        curl -s "${url}api/diary" >"$T/diary.json"
        has "\"date\":\"$2\",\"pain\":2,\"during_run\":3" "$T/diary.json"
        has "\"date\":\"2026-12-04\",\"pain\":1," "$T/diary.json"
        has "\"date\":\"$2\",\"kind\":\"strength\"" "$T/diary.json"
        kill -TERM $pid
        wait_until gone $pid || kill -KILL $pid
        wait $pid 2>/dev/null
    else
        echo "  skipped the web: no curl" >&2
    fi
}

# 22:30 UTC on Saturday 5 December is 11:30 on Sunday the 6th in Auckland
t logged_before_auckland_named_are_on_the_local_day
DB="$T/east.db"
log_evening 2026-12-05T22:30:00Z
shown_on 2026-12-05T22:40:00Z 2026-12-05 Saturday
expect 0 R profile set tz Pacific/Auckland
has "diary entries logged before a zone was named" "$T/out"
shown_on 2026-12-05T22:45:00Z 2026-12-06 Sunday

# then a trip to Los Angeles: the days lived in Auckland stay (19:00 on
# the 6th there)
t zone_changed_after_keeps_the_days_lived
expect 0 R profile set tz America/Los_Angeles
RUNHIP_NOW=2026-12-07T03:00:00Z expect 0 R log list --days 7
has "^2026-12-06 *2 *3 " "$T/out"
has "^2026-12-04 *1 " "$T/out"
RUNHIP_NOW=2026-12-07T03:00:00Z expect 0 R checkin --list
has "^2026-12-06 *24 " "$T/out"

# 03:30 UTC on Sunday the 6th is 19:30 on Saturday the 5th in Los Angeles
t logged_before_los_angeles_named_are_on_the_local_day
DB="$T/west.db"
log_evening 2026-12-06T03:30:00Z
shown_on 2026-12-06T03:40:00Z 2026-12-06 Sunday
expect 0 R profile set tz America/Los_Angeles
shown_on 2026-12-06T03:45:00Z 2026-12-05 Saturday

# late evening in UTC is the same day in Los Angeles (14:30): nothing moves
t logged_late_utc_stays_in_los_angeles
DB="$T/west2.db"
log_evening 2026-12-05T22:30:00Z
expect 0 R profile set tz America/Los_Angeles
shown_on 2026-12-05T22:45:00Z 2026-12-05 Saturday

# logged with the zone named: the zone's day, kept when it changes
t logged_with_the_zone_named_keeps_its_day
DB="$T/named.db"
expect 0 R profile set tz Pacific/Auckland
RUNHIP_NOW=2026-12-05T22:30:00Z expect 0 R log pain 4 --note "in Auckland"
has "on 2026-12-06" "$T/out"
expect 0 R profile set tz America/Los_Angeles
RUNHIP_NOW=2026-12-07T03:00:00Z expect 0 R log list --days 7
has "^2026-12-06 *4 " "$T/out"

# a moment that is no moment: a plain error, nothing stored
t bad_moment_refused_nothing_stored
DB="$T/bad.db"
for bad in yesterday 2026-12-05 2026-13-05T22:30:00Z 2026-12-05T25:00:00Z 1969-12-31T23:00:00Z; do
    RUNHIP_NOW=$bad expect 1 R log pain 2 --note "never stored"
    has "RUNHIP_NOW '$bad' is not a moment: use YYYY-MM-DDTHH:MM:SSZ" "$T/err"
done
RUNHIP_NOW=2026-12-05T22:30:00Z expect 1 R log pain 2 --date 2026-12-06
has "is in the future (today is 2026-12-05)" "$T/err"
# not even a database was made
RUNHIP_NOW=2026-12-05T22:30:00Z expect 3 R log list --days 30
has "no runhip database here yet" "$T/err"
[ ! -e "$DB" ] || no "a database was made"

end
