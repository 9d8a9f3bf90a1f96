#!/bin/bash
# SPDX-License-Identifier: MIT
# The Apple Health benchmark: a big export.zip against the parsing limit.
#  1. makes a realistic export.zip with ../shared/corpus/tools/make_apple_export.py
#     (about 1.1 GB of export.xml at the default --workouts 1500 --years 5)
#     in a temporary folder, and unzips its export.xml beside it for xmlwf;
#  2. times `xmlwf` (expat's own tool: parsing only, no work) on export.xml;
#  3. times `runhip inspect --json` (every workout decoded, not stored) and
#     `runhip import` into a fresh database, straight from the zip (the XML
#     is streamed out of the zip, never extracted), with the peak RSS;
#  4. checks the workouts against export.expected.json (count, local day,
#     sport, distance within 1%, heart rate within 1 bpm);
#  5. prints the figures and the verdict: import at most 3x xmlwf's time,
#     peak memory at most 64 MB; then deletes every file it made.
#
#   bash bench/apple.sh                  (RH_SHARED: the shared folder)
#   WORKOUTS=300 YEARS=1 bash bench/apple.sh   (a smaller export)
# Needs xmlwf (Debian package expat), unzip and python3. Mind the disk: the
# zip and the unzipped export.xml take about 1.3 GB while it runs.
[ -z "${BASH_VERSION:-}" ] && exec bash "$0" "$@"
set -uo pipefail
cd "$(dirname "$0")/.."
SHARED=${RH_SHARED:-../shared}
RUNHIP=${RUNHIP:-$PWD/build/rel/runhip}
WORKOUTS=${WORKOUTS:-1500}
YEARS=${YEARS:-5}
for t in xmlwf unzip python3 /usr/bin/time; do
    command -v "$t" >/dev/null || { echo "apple.sh: needs $t (xmlwf: apt-get install expat)"; exit 1; }
done
[ -x "$RUNHIP" ] || make --no-print-directory build/rel/runhip >/dev/null || exit 1
DIR=$(mktemp -d "${TMPDIR:-/tmp}/runhip-apple-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
echo "== making the export ($WORKOUTS workouts, $YEARS years) in $DIR"
nice -n 10 python3 "$SHARED/corpus/tools/make_apple_export.py" "$DIR/export.zip" \
    --workouts "$WORKOUTS" --years "$YEARS" --seed 1 >/dev/null || exit 1
unzip -p "$DIR/export.zip" apple_health_export/export.xml >"$DIR/export.xml" || exit 1
XML_MB=$(du -b "$DIR/export.xml" | awk '{printf "%.0f", $1 / 1e6}')
ZIP_MB=$(du -b "$DIR/export.zip" | awk '{printf "%.0f", $1 / 1e6}')

# wall seconds and peak RSS (MB) of a command, its output to $DIR/out
timed() {
    /usr/bin/time -f "%e %M" -o "$DIR/time" "$@" >"$DIR/out" 2>"$DIR/err"
    local rc=$?
    awk '{printf "%s %.1f", $1, $2 / 1024}' "$DIR/time"
    return $rc
}

echo "== xmlwf export.xml ($XML_MB MB)"
read -r XS XR < <(timed xmlwf "$DIR/export.xml")
[ -s "$DIR/out" ] && { echo "xmlwf found an error:"; head -3 "$DIR/out"; }
echo "== runhip inspect --json export.zip ($ZIP_MB MB)"
read -r IS IR < <(timed "$RUNHIP" inspect --json "$DIR/export.zip")
cp "$DIR/out" "$DIR/ours.jsonl"
echo "== runhip import export.zip"
read -r MS MR < <(timed "$RUNHIP" --db "$DIR/b.db" import "$DIR/export.zip")
IMPORT_LINE=$(tail -1 "$DIR/out")
[ -s "$DIR/err" ] && head -3 "$DIR/err"

echo "== checking the workouts against export.expected.json"
python3 - "$DIR/ours.jsonl" "$DIR/export.expected.json" <<'EOF'
import json, sys
ours = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
exp = json.load(open(sys.argv[2]))
want = exp["activities"] if isinstance(exp, dict) else exp
by = {(o["start_time_utc"]): o for o in ours}
bad = 0
for w in want:
    o = by.get(w["start_time_utc"])
    if o is None:
        bad += 1; print("  missing", w["start_time_utc"]); continue
    def near(k, rel, ab):
        global bad
        a, b = o.get(k), w.get(k)
        if b is None: return
        if a is None or abs(a - b) > max(rel * abs(b), ab):
            bad += 1; print("  %s %s: ours %s, expected %s" % (w["start_time_utc"], k, a, b))
    near("total_distance_m", 0.01, 0.5); near("total_elapsed_s", 0, 1); near("total_timer_s", 0, 1)
    near("avg_hr", 0, 1); near("max_hr", 0, 1); near("avg_cadence_spm", 0, 1)
    for k in ("local_date", "sport"):
        if o.get(k) != (w.get(k) or "other"):
            bad += 1; print("  %s %s: ours %s, expected %s" % (w["start_time_utc"], k, o.get(k), w.get(k)))
print("  %d workouts expected, %d decoded, %d differences" % (len(want), len(ours), bad))
sys.exit(1 if bad or len(ours) != len(want) else 0)
EOF
OK=$?

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo
echo "| step | input | wall s | peak RSS MB | x xmlwf |"
echo "|---|---|---|---|---|"
echo "| xmlwf (parse only) | export.xml, $XML_MB MB | $XS | $XR | 1.00 |"
echo "| runhip inspect (decode) | export.zip, $ZIP_MB MB | $IS | $IR | $(ratio "$IS" "$XS") |"
echo "| runhip import (decode + store) | export.zip, $ZIP_MB MB | $MS | $MR | $(ratio "$MS" "$XS") |"
echo
echo "import: $IMPORT_LINE"
awk -v m="$MS" -v x="$XS" -v r="$MR" -v ok="$OK" 'BEGIN {
    v = (m <= 3 * x && r <= 64 && ok == 0) ? "PASS" : "FAIL";
    printf "%s: import %.1f s <= 3 x %.1f s, peak %.1f MB <= 64 MB, workouts %s\n", v, m, x, r,
           ok == 0 ? "agree" : "differ";
    exit v == "PASS" ? 0 : 1 }'
