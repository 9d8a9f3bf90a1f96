# The scenario suite: each tests/scenarios/*.txt is a runner's story told to
# the program (an intake, an assessment, diary entries, check-ins, a
# clearance) with the plan state expected after each step. One test per file.
#
# Lines:
#   intake KEY = VALUE        an answer of the intake (intake.md), accumulated
#   assess DATE               runhip --today DATE assess --in <the intake>
#   log DATE ARGS...          runhip --today DATE log pain ARGS... --json
#   session DATE KIND         runhip --today DATE log session KIND
#   checkin DATE ANSWERS ...  runhip --today DATE checkin --answers ANSWERS ...
#   checkin_says WORDS        the last check-in's output contains WORDS
#   cleared DATE              runhip --today DATE log cleared
#   expect KEY=VALUE...       the plan (runhip plan --json on the last date):
#     phase, blocked (true/false), hold, bone_stress, urgency, red_flags
#     (comma list, exactly those), runs (yes: some run/walk_run/test day in the
#     calendar, no: none), text~WORDS (the plan text contains WORDS, _ for space),
#     text!~WORDS (it does not)
#   expect_log KEY=VALUE...   the last log's JSON: red_flags, urgency, blocked, verdict
#   fails DATE ARGS...        runhip --today DATE log pain ARGS must fail (exit 1)
#   run DATE KM               a recorded run of KM km that morning (a TCX file, imported)
#   ics DATE                  runhip --today DATE plan --ics <the calendar file> (a re-export
#                             of the file before, as a calendar app would keep it)
#   expect_ics KEY=VALUE...   the last export against the one before: every earlier UID
#     is still there; an unchanged event keeps its SEQUENCE and DTSTAMP, a changed one
#     has SEQUENCE + 1; cancelled=yes/no (some event newly STATUS:CANCELLED),
#     unchanged=yes (some event kept as it was), changed=yes (some event updated)
#   expect: numbers compare to one decimal (base_weekly_km=24.0)
. tests/cli/lib.sh

run_scenario() {
    f=$1
    db="$T/$(basename "$f" .txt).db"
    rm -f "$db" "$T/intake.txt"
    : >"$T/intake.txt"
    day=""
    ln=0
    while IFS= read -r line || [ -n "$line" ]; do
        ln=$((ln + 1))
        case "$line" in '' | '#'*) continue ;; esac
        set -f
        # shellcheck disable=SC2086
        eval "set -- $line"
        set +f
        cmd=$1
        shift
        case "$cmd" in
        intake) echo "$*" >>"$T/intake.txt" ;;
        assess)
            day=$1
            "$RUNHIP" --db "$db" --today "$day" assess --in "$T/intake.txt" --json >"$T/out" 2>"$T/err" ||
                no "$f:$ln: assess failed: $(cat "$T/err")"
            ;;
        log)
            day=$1
            shift
            "$RUNHIP" --db "$db" --today "$day" log pain "$@" --date "$day" --json >"$T/log.json" 2>"$T/err" ||
                no "$f:$ln: log failed: $(cat "$T/err")"
            ;;
        fails)
            day=$1
            shift
            "$RUNHIP" --db "$db" --today "$day" log pain "$@" >"$T/out" 2>"$T/err"
            st=$?
            [ "$st" = 1 ] || no "$f:$ln: expected exit 1, got $st"
            ;;
        run)
            day=$1
            mkdir -p "$T/runs"
            python3 - "$1" "$2" "$T/runs/$1.tcx" <<'PY' || no "$f:$ln: cannot write the run"
import datetime, sys
day, km, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
t0 = datetime.datetime.fromisoformat(day + "T07:00:00+00:00")
secs = int(km * 360)  # 6:00 per km
fmt = "%Y-%m-%dT%H:%M:%SZ"
pts = "".join(
    "<Trackpoint><Time>%s</Time><DistanceMeters>%.1f</DistanceMeters><Cadence>82</Cadence></Trackpoint>"
    % ((t0 + datetime.timedelta(seconds=secs * i // 10)).strftime(fmt), km * 100 * i)
    for i in range(11))
open(path, "w").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
    'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
    '<Activity Sport="Running"><Id>%s</Id><Lap StartTime="%s"><TotalTimeSeconds>%d'
    '</TotalTimeSeconds><DistanceMeters>%.1f</DistanceMeters><Track>%s</Track></Lap>'
    '</Activity></Activities></TrainingCenterDatabase>\n'
    % (t0.strftime(fmt), t0.strftime(fmt), secs, km * 1000, pts))
PY
            "$RUNHIP" --db "$db" --today "$day" import "$T/runs/$1.tcx" >"$T/out" 2>"$T/err" ||
                no "$f:$ln: import failed: $(cat "$T/err")"
            ;;
        ics)
            day=$1
            if [ -f "$T/cal.ics" ]; then cp "$T/cal.ics" "$T/prev.ics"; else rm -f "$T/prev.ics"; fi
            "$RUNHIP" --db "$db" --today "$day" plan --ics "$T/cal.ics" >"$T/out" 2>"$T/err" ||
                no "$f:$ln: plan --ics failed: $(cat "$T/err")"
            ;;
        expect_ics)
            python3 - "$T/prev.ics" "$T/cal.ics" "$f:$ln" "$@" <<'PY' || no "$f:$ln: calendar expectation not met"
import os, sys
def events(path):
    if not os.path.exists(path):
        return {}
    text = open(path, newline="").read().replace("\r\n ", "").replace("\r\n", "\n")
    out = {}
    for block in text.split("BEGIN:VEVENT")[1:]:
        block = block.split("END:VEVENT")[0]
        ev = {}
        for line in block.strip().split("\n"):
            if ":" in line:
                k, v = line.split(":", 1)
                ev.setdefault(k.split(";")[0], v)
        out[ev["UID"]] = ev
    return out
prev, cur = events(sys.argv[1]), events(sys.argv[2])
where = sys.argv[3]
bad = []
if not prev:
    bad.append("no earlier export to compare with")
counts = {"cancelled": 0, "unchanged": 0, "changed": 0}
for uid, p in prev.items():
    c = cur.get(uid)
    if c is None:
        bad.append("UID %s of the earlier export is gone" % uid)
        continue
    same = all(p.get(k) == c.get(k) for k in ("SUMMARY", "DESCRIPTION", "STATUS"))
    sp, sc = int(p.get("SEQUENCE", 0)), int(c.get("SEQUENCE", 0))
    if same:
        counts["unchanged"] += 1
        if sc != sp or p.get("DTSTAMP") != c.get("DTSTAMP"):
            bad.append("%s unchanged but SEQUENCE %d -> %d" % (uid, sp, sc))
    else:
        counts["changed"] += 1
        if sc != sp + 1:
            bad.append("%s changed but SEQUENCE %d -> %d" % (uid, sp, sc))
        if c.get("STATUS") == "CANCELLED" and p.get("STATUS") != "CANCELLED":
            counts["cancelled"] += 1
for kv in sys.argv[4:]:
    k, v = kv.split("=", 1)
    if (counts[k] > 0) != (v == "yes"):
        bad.append("%s=%s but %d such events" % (k, v, counts[k]))
if bad:
    print(where + ": " + "; ".join(bad), file=sys.stderr)
    sys.exit(1)
PY
            ;;
        session)
            day=$1
            "$RUNHIP" --db "$db" --today "$day" log session "$2" --date "$day" >"$T/out" 2>"$T/err" ||
                no "$f:$ln: session failed: $(cat "$T/err")"
            ;;
        checkin)
            day=$1
            answers=$2
            shift 2
            "$RUNHIP" --db "$db" --today "$day" checkin --answers "$answers" --date "$day" "$@" >"$T/checkin.txt" 2>"$T/err" ||
                no "$f:$ln: checkin failed: $(cat "$T/err")"
            ;;
        checkin_says)
            grep -q -- "$*" "$T/checkin.txt" || no "$f:$ln: check-in output lacks '$*': $(cat "$T/checkin.txt")"
            ;;
        cleared)
            day=$1
            "$RUNHIP" --db "$db" --today "$day" log cleared --date "$day" >"$T/out" 2>"$T/err" ||
                no "$f:$ln: cleared failed: $(cat "$T/err")"
            ;;
        expect | expect_log)
            if [ "$cmd" = expect ]; then
                "$RUNHIP" --db "$db" --today "$day" plan --json >"$T/plan.json" 2>"$T/err" ||
                    { no "$f:$ln: plan failed: $(cat "$T/err")"; continue; }
                "$RUNHIP" --db "$db" --today "$day" plan >"$T/plan.txt" 2>&1
                src="$T/plan.json"
            else
                src="$T/log.json"
            fi
            python3 - "$src" "$T/plan.txt" "$f:$ln" "$@" <<'PY' || no "$f:$ln: expectation not met"
import json, sys
doc = json.load(open(sys.argv[1]))
# the words as read: line breaks of the wrapped text are blanks
text = " ".join(open(sys.argv[2]).read().split()) if sys.argv[2] else ""
where = sys.argv[3]
bad = []
for kv in sys.argv[4:]:
    if "~" in kv and "=" not in kv.split("~")[0]:
        k, v = kv.split("~", 1)
        if k.endswith("!"):
            if v.replace("_", " ") in text:
                bad.append("plan text says %r" % v.replace("_", " "))
        elif v.replace("_", " ") not in text:
            bad.append("plan text lacks %r" % v.replace("_", " "))
        continue
    k, v = kv.split("=", 1)
    if k == "runs":
        kinds = [d["kind"] for d in doc["calendar"]]
        has = any(x in ("run", "walk_run", "test") for x in kinds)
        if has != (v == "yes"):
            bad.append("runs=%s but calendar kinds %s" % (v, kinds))
        continue
    got = doc.get(k)
    if k == "red_flags":
        want = sorted(x for x in v.split(",") if x)
        if sorted(got) != want:
            bad.append("red_flags %s, want %s" % (got, want))
        continue
    if isinstance(got, bool):
        got = "true" if got else "false"
    elif isinstance(got, float):
        got = "%.1f" % got
    if str(got) != v:
        bad.append("%s=%s, want %s" % (k, got, v))
if bad:
    print(where + ": " + "; ".join(bad), file=sys.stderr)
    sys.exit(1)
PY
            ;;
        *) no "$f:$ln: unknown scenario line '$cmd'" ;;
        esac
    done <"$f"
}

command -v python3 >/dev/null 2>&1 || { echo "0 passed, 0 failed"; exit 0; }
for f in tests/scenarios/*.txt; do
    t "scenario $(basename "$f" .txt)"
    run_scenario "$f" 2>"$T/why.all"
    [ -s "$T/why.all" ] && cat "$T/why.all" >&2
done
end
