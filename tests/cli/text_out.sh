# Raw bytes from files never reach a terminal or a JSON reader (issue 15):
# names with escape sequences and invalid UTF-8 from a Strava export, a
# member name with an escape sequence, names stored by an older runhip;
# and load --svg's value (- for stdout).
. tests/cli/lib.sh
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:exitcode=86"
RUN=samples/demo/files/2026-09-16_running.gpx
WALK=samples/demo/files/2026-10-17_walking.gpx
ESC=$(printf '\033')
# json_lines FILE: every line is one JSON document
json_lines() { python3 -c 'import json,sys
n=0
for line in open(sys.argv[1], "rb"):
    json.loads(line.decode("utf-8")); n += 1
print(n)' "$1"; }

python3 - "$T/export.zip" "$RUN" "$WALK" <<'PY'
import sys, zipfile
out, run, walk = sys.argv[1:4]
csv = (b"Activity ID,Activity Date,Activity Name,Activity Type,Activity Gear,Filename\n"
       b"1,x,\"Run \x1b]0;pwned\x07 \x1b[2J\",Run,\"Shoe \xff\x1b[31m\",activities/1.gpx\n"
       b"2,x,\"Walk \xc3\",Walk,,activities/2.gpx\n")
with zipfile.ZipFile(out, "w") as z:
    z.writestr("activities.csv", csv)
    z.write(run, "activities/1.gpx")
    z.write(walk, "activities/2.gpx")
    z.writestr("activities/bad\x1b[2J.gpx", b"<gpx><trk>")
PY

t no_escape_sequence_reaches_the_terminal
expect 1 "$RUNHIP" --db "$T/a.db" import "$T/export.zip"
has "imported 2" "$T/out"
! grep -q "$ESC" "$T/err" || no "an escape character reached stderr: $(od -c "$T/err" | head -3)"
has 'bad\\x1b\[2J.gpx' "$T/err"
expect 0 "$RUNHIP" --db "$T/a.db" activities
! grep -q "$ESC" "$T/out" || no "an escape character reached stdout"
has "Run ]0;pwned" "$T/out"
# cli26: the bare columns' units said once, and the legend fits 80 columns
has "spm: steps a minute (cadence); HR: average heart rate in bpm (beats a minute)" "$T/out"
[ "$(grep -c 'beats a minute' "$T/out")" = 1 ] || no "the units are not said once"
[ "$(grep 'beats a minute' "$T/out" | wc -c)" -le 81 ] || no "the units line is wider than 80"
expect 1 "$RUNHIP" inspect "$T/export.zip"
! grep -q "$ESC" "$T/out" "$T/err" || no "inspect let an escape character through"

t activities_json_valid_whatever_the_names
expect 0 "$RUNHIP" --db "$T/a.db" activities --json
[ "$(json_lines "$T/out")" = 2 ] || no "activities --json is not 2 JSON lines"
# names stored by an older runhip, before names were checked on the way in
sqlite3 "$T/a.db" "UPDATE activity SET name = X'4C756E6368FF1B5B324A', gear = X'53686F65C3' WHERE id = 1"
expect 0 "$RUNHIP" --db "$T/a.db" activities --json
[ "$(json_lines "$T/out")" = 2 ] || no "one bad name broke activities --json"
expect 0 "$RUNHIP" --db "$T/a.db" activities
! grep -q "$ESC" "$T/out" || no "a stored escape character reached stdout"
has 'Lunch\\xff\\x1b\[2J' "$T/out"

t load_json_valid_with_a_long_multibyte_shoe_name
# 62 ASCII bytes then a 2-byte character: the cut to 63 bytes must not split it
sqlite3 "$T/a.db" "UPDATE activity SET gear = '$(printf '%062d' 0)é' WHERE id = 1"
expect 0 "$RUNHIP" --db "$T/a.db" load --json --as-of 2026-10-20
[ "$(json_lines "$T/out")" = 1 ] || no "load --json is not valid JSON"
has "00000000000000000000000000000000000000000000000000000000000000" "$T/out"

t load_svg_needs_a_value_and_dash_is_stdout
expect 2 "$RUNHIP" --db "$T/a.db" load --svg
has "option '--svg' needs a value" "$T/err"
(cd "$T" && "$RUNHIP" --db "$T/a.db" load --as-of 2026-10-20 --svg - >"$T/out" 2>"$T/err") ||
    no "load --svg - failed: $(head -c 300 "$T/err")"
has "<svg" "$T/out"
hasnt "Chart written" "$T/out"
[ ! -e "$T/-" ] || no "wrote a file named -"
expect 2 "$RUNHIP" --db "$T/a.db" load --json --svg -

end
