# Names and notes the runner types are checked on the way in (issue 15):
# one check in the library (rh_entry_check) behind `shoes add`, `activities
# --set ID shoe=NAME`, `log pain|session|cleared --note` and `checkin
# --note`: valid UTF-8, no control characters (a note may hold line breaks),
# a length limit; a clear error, exit 1, and nothing stored.
. tests/cli/lib.sh
C="$RH_SHARED/corpus"
D="$T/e.db"
R() { TZ=UTC "$RUNHIP" --db "$D" --today 2026-06-01 "$@"; }
q() { sqlite3 "$D" "$1" 2>/dev/null; }
ESC=$(printf '\033')
BAD=$(printf 'Road\377')          # a byte that is not UTF-8
RLO=$(printf 'abc\342\200\256exe') # U+202E, right-to-left override
LONG=$(printf '%065d' 0)           # 65 characters
E64=$(python3 -c 'print("\u00e9" * 64)')

t bad_shoe_name_refused_before_any_database
expect 1 R shoes add "Trail${ESC}[2J"
has "runhip: shoes: the shoe name has a control character (\\\\x1b) at character 6" "$T/err"
[ ! -e "$D" ] || no "a refused name created the database"
! grep -q "$ESC" "$T/err" || no "the escape character reached the terminal"
expect 1 R shoes add "$BAD"
has "the shoe name is not valid UTF-8 text" "$T/err"
expect 1 R shoes add "$RLO"
has "control character (\\\\u202e)" "$T/err"
expect 1 R shoes add "$LONG"
has "the shoe name is 65 characters long; at most 64" "$T/err"
expect 1 R shoes add "   "
has "the shoe name is empty" "$T/err"
expect 1 R shoes add "$(printf 'two\nlines')"
[ ! -e "$D" ] || no "a refused name created the database"
expect 0 R shoes add "$E64"
expect 0 R shoes add "Road shoe"
[ "$(q 'SELECT count(*) FROM shoe')" = 2 ] || no "expected the two good shoes stored"

t bad_shoe_name_on_an_activity_refused
expect 0 R import "$C/gpx/gc_Move_2014_01_16_19_48_44.gpx"
id=$(R activities --json --from 2000-01-01 | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -1)
[ -n "$id" ] || no "no activity imported"
expect 0 R activities --set "$id" "shoe=Road shoe"
expect 1 R activities --set "$id" "shoe=Road${ESC}]0;pwned"
has "runhip: activities: the shoe name has a control character" "$T/err"
expect 1 R activities --set "$id" "shoe=$BAD"
expect 1 R activities --set "$id" "shoe=$LONG"
[ "$(q "SELECT gear FROM activity WHERE id = $id")" = "Road shoe" ] || no "the shoe changed"
expect 0 R activities --set "$id" "shoe=Road shoe"
has "activity $id: shoe set to Road shoe" "$T/out"
expect 0 R activities --set "$id" "shoe=none"
[ "$(q "SELECT gear IS NULL FROM activity WHERE id = $id")" = 1 ] || no "shoe=none did not clear"
# session 34 (hyg34): said as taken off, not "shoe set to none" or "set to "
has "activity $id: no shoe now (its distance no longer counts for any shoe)" "$T/out"
hasnt "set to" "$T/out"
expect 0 R activities --set "$id" "shoe="
has "activity $id: no shoe now" "$T/out"

t bad_notes_refused_nothing_stored
before=$(q 'SELECT count(*) FROM pain')
expect 1 R log pain 3 --note "sore${ESC}[31m"
has "runhip: log: --note has a control character (\\\\x1b) at character 5" "$T/err"
expect 1 R log pain 3 --note "$BAD"
has "--note is not valid UTF-8 text" "$T/err"
expect 1 R log pain 3 --note "$(python3 -c 'print("a" * 1001)')"
has "--note is 1001 characters long; at most 1000" "$T/err"
[ "$(q 'SELECT count(*) FROM pain')" = "$before" ] || no "a refused note stored a pain entry"
expect 0 R log pain 3 --note "$(printf 'stiff in the morning\n\teased after 10 minutes')"
[ "$(q 'SELECT count(*) FROM pain')" = "$((before + 1))" ] || no "a good note with a line break was refused"
expect 1 R log session strength --note "$RLO"
has "control character (\\\\u202e)" "$T/err"
[ "$(q 'SELECT count(*) FROM session')" = 0 ] || no "a refused note stored a session"
expect 1 R log cleared --note "$BAD"
has "--note is not valid UTF-8 text" "$T/err"
expect 1 R checkin --answers 1 --note "ok${ESC}c"
has "runhip: checkin: --note has a control character" "$T/err"
[ "$(q 'SELECT count(*) FROM checkin')" = 0 ] || no "a refused note stored a check-in"

t diary_flags_name_the_words_one_time_frame
# review 7b N1, N6, N7, N9, N22 as a runner (the demo's intake: outer-hip
# tendon pain, a dull ache, no nerve sign)
D2="$T/n.db"
N() { TZ=UTC "$RUNHIP" --db "$D2" --today 2026-06-01 "$@"; }
N assess --in samples/demo/intake.txt >/dev/null 2>&1 || no "assess failed"
N plan >/dev/null 2>&1 || no "plan failed"
N log pain 3 --note "my leg gave way on the stairs" >"$T/out" 2>&1 || no "log failed"
hasnt "Warning sign" "$T/out"
N log pain 3 --note "my foot went numb" >"$T/out" 2>&1 || no "log failed"
has "because you wrote \"foot went numb\"" "$T/out" # review 9 #5
grep -q 'Your note "numb" was read as' "$T/out" && no "a reading inside a longer one is said again"
# session 27: numb inner thighs are the saddle area (a same-day sign), and
# the numb leg the same words raise is not said a second time
N log pain 3 --note "my groin and inner thighs feel numb" >"$T/out" 2>&1 || no "log failed"
has "numbness of the saddle area" "$T/out"
[ "$(grep -o 'numbness of the saddle area' "$T/out" | wc -l)" -eq 1 ] || no "the same warning sign said twice"
N log pain 3 --note "hit by a car on the way home, hip sore" >"$T/out" 2>&1 || no "log failed"
N log pain 3 --note "hip hot and swollen" >"$T/out" 2>&1 || no "log failed"
grep "Warning sign" "$T/out" | grep -q "within the next few days" && no "within days said under a same-day sign"
N plan --ics "$T/n.ics" >"$T/out" 2>&1 || no "plan failed"
hasnt "teenager" "$T/out"
hasnt "(not " "$T/out"
# the calendar's Why names what was written, not the rule title's teenager;
# it names the most urgent sign (the same-day "hit by a car"), not the newer
# within-days "hot and swollen" (review9 #6)
tr -d '\r' <"$T/n.ics" | sed ':a;N;$!ba;s/\n //g' >"$T/ics"
grep -q 'logged a warning sign (.*you wrote "hit by a car"' "$T/ics" || no "the calendar Why does not name the words of the most urgent sign"
grep -q "logged a warning sign (fever" "$T/ics" && no "the calendar Why names fever, not reported"

# ux28: log list lists the sessions under the pain entries (strength,
# cross-training ... were logged and never listed), with their minutes, km,
# effort and note, in the words the web Diary uses
t log_list_lists_sessions
D="$T/ls.db"
expect 0 R log session strength --minutes 30 --rpe 5 --note "band walks"
expect 0 R log session cross_train --minutes 45
expect 0 R log pain 2 --during-run 3
expect 0 R log list
has "^Sessions logged:" "$T/out"
has "^2026-06-01  strength  *30  *-  *5$" "$T/out"
has "note: band walks" "$T/out"
has "^2026-06-01  cross-training  *45  *-  *-$" "$T/out"
D="$T/ls2.db"
expect 0 R log pain 1
expect 0 R log list
has "No session logged in the last 90 days" "$T/out"

end
