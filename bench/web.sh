#!/bin/bash
# SPDX-License-Identifier: MIT
# The web app under load (not part of make check; figures in bench/README.md):
#  1. the 2,000-activity bench database (bench/out/data from bench/run.sh's
#     generator, imported once into bench/out/web.db) with the demo runner's
#     assessment and plan;
#  2. `runhip serve` (release build) on a free loopback port;
#  3. wrk, bounded, on the today page and small API routes at 64 and 256
#     connections: four runs of IMPORT_S s (3) "during an import", each on a
#     fresh database with only the assessment and plan into which the whole
#     folder is being imported (every activity a write, so nothing the
#     server keeps stays valid), then DURATION s (10) a run on the full
#     database alone;
#  4. SLOW slow clients (200) that trickle their headers for SLOW_S s (60)
#     while wrk sends ordinary requests on 8 connections; the share of those
#     answered is printed.
# Every step is bounded by its duration; the server is stopped at the end.
#
#   bash bench/web.sh          (RH_SHARED: the shared folder, default ../shared)
#   DURATION=10 SLOW=200 SLOW_S=60 bash bench/web.sh
#   ONLY=during bash bench/web.sh   (only step 3's runs during an import)
#   ONLY=inproc bash bench/web.sh   (no wrk: bench_web --during, 4 and 16
#                                    threads, each beside its own import;
#                                    figures that hold on a busy machine)
[ -z "${BASH_VERSION:-}" ] && exec bash "$0" "$@"
set -uo pipefail
cd "$(dirname "$0")/.."
SHARED=${RH_SHARED:-../shared}
OUT=$PWD/bench/out
DATA=$OUT/data
N=${N:-2000}
DURATION=${DURATION:-10}
SLOW=${SLOW:-200}
SLOW_S=${SLOW_S:-60}
RUNHIP=${RUNHIP:-build/rel/runhip}
TODAY=2026-12-01
command -v wrk >/dev/null || { echo "bench/web.sh: needs wrk (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$OUT"
make --no-print-directory build/rel/runhip >/dev/null || exit 1
if [ ! -f "$DATA/bench.tsv" ] || [ "$(($(wc -l <"$DATA/bench.tsv") - 1))" != "$N" ]; then
    echo "== building $N activities in $DATA (once)"
    bash "$SHARED/corpus/tools/make_bench.sh" "$SHARED/corpus" "$DATA" "$N" || exit 1
fi
DB=$OUT/web.db
if [ ! -f "$DB" ]; then
    echo "== importing them into $DB (once)"
    "$RUNHIP" --db "$DB" import --jobs 2 "$DATA" | tail -n 1
    "$RUNHIP" --db "$DB" --today $TODAY assess --in samples/demo/intake.txt >/dev/null
    "$RUNHIP" --db "$DB" --today $TODAY plan >/dev/null
fi
# the database a run "during an import" is measured on while the whole
# folder is imported into it: the demo runner's assessment and plan, no
# activity yet (a re-import of stored files would only find duplicates and
# write nothing); made afresh for each such run, since an import of the
# folder now takes only a few seconds
LIVE=$OUT/web-live.db
fresh_live() {
    rm -f "$LIVE" "$LIVE-wal" "$LIVE-shm"
    "$RUNHIP" --db "$LIVE" --today $TODAY assess --in samples/demo/intake.txt >/dev/null
    "$RUNHIP" --db "$LIVE" --today $TODAY plan >/dev/null
}

# in process (build/rel/bench/bench_web --during): the server's own part
# during an import, which holds on a shared machine where wrk's does not
if [ "${ONLY:-}" = inproc ]; then
    BENCH_WEB=${BENCH_WEB:-build/rel/bench/bench_web}
    make --no-print-directory build/rel/bench/bench_web >/dev/null || exit 1
    echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    for t in 4 16; do
        fresh_live
        "$RUNHIP" --db "$LIVE" import --jobs 1 "$DATA" >"$OUT/web-import.log" 2>&1 &
        IMP=$!
        sleep 0.3
        "$BENCH_WEB" "$LIVE" --during "${IMPORT_S:-3}" $t
        kill -0 $IMP 2>/dev/null || echo "   (the import had ended before the run did)"
        wait $IMP
    done
    exit 0
fi

SRV=
start_server() { # database
    [ -n "$SRV" ] && { kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; }
    LOG=$OUT/web-serve.log
    "$RUNHIP" --db "$1" --today $TODAY serve --port 0 >"$LOG" 2>&1 &
    SRV=$!
    for _ in $(seq 50); do grep -q "http://" "$LOG" && break; sleep 0.1; done
    BASE=$(grep -o "http://127.0.0.1:[0-9]*" "$LOG" | head -n 1)
    [ -n "$BASE" ] || { echo "bench/web.sh: the server did not start: $(cat "$LOG")" >&2; exit 1; }
}
trap '[ -n "$SRV" ] && kill $SRV 2>/dev/null; wait 2>/dev/null' EXIT
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work inflates the figures)"

ROWS=()
run() { # label connections path
    local out
    out=$(wrk -t2 -c"$2" -d"${DURATION}s" --timeout 5s --latency "$BASE$3" 2>&1)
    local rps p50 p99 errs non2xx
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errs=$(awk '/Socket errors/ {gsub(",", ""); print "connect " $4 ", read " $6 ", write " $8 ", timeout " $10}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    ROWS+=("| $1 | $2 | \`$3\` | ${rps:-?} | ${p50:-?} | ${p99:-?} | ${non2xx:-0} | ${errs:-none} |")
    echo "$1, $2 connections, $3: ${rps:-?} requests/s, p50 ${p50:-?}, p99 ${p99:-?}, non-2xx ${non2xx:-0}, errors: ${errs:-none}"
}

echo "== wrk ${DURATION} s a run; during an import ${IMPORT_S:-3} s, each run on its own fresh import"
IMPORT_S=${IMPORT_S:-3}
during() { # connections path
    fresh_live
    start_server "$LIVE"
    local t0
    t0=$(date +%s.%N)
    "$RUNHIP" --db "$LIVE" import --jobs 1 "$DATA" >"$OUT/web-import.log" 2>&1 &
    IMP=$!
    sleep 0.3
    DURATION=$IMPORT_S run "during an import" "$1" "$2"
    kill -0 $IMP 2>/dev/null || echo "   (the import had ended before the run did)"
    wait $IMP
    echo "   (the import alongside, $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s: $(tail -n 1 "$OUT/web-import.log"))"
    grep -qi "locked" "$OUT/web-import.log" "$LOG" && echo "   'database is locked' seen!"
}
during 64 /
during 64 /api/assessment
during 256 /
during 256 "/api/activities?limit=20"
table() {
    echo
    echo "| run | connections | path | requests/s | p50 | p99 | non-2xx | socket errors |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
}
[ "${ONLY:-}" = during ] && { table; exit 0; }
start_server "$DB"
for c in 64 256; do
    run "alone" $c /
    run "alone" $c /api/
    run "alone" $c /api/assessment
    run "alone" $c "/api/activities?limit=20"
done

echo "== $SLOW slow clients for $SLOW_S s, ordinary requests alongside"
python3 - "$BASE" "$SLOW" "$SLOW_S" >"$OUT/web-slow.log" 2>&1 <<'EOF' &
import socket, sys, time
base, n, secs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
host, port = base.split("//")[1].split(":")
socks, cut = [], 0
for _ in range(n):
    s = socket.create_connection((host, int(port)), timeout=5)
    s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    socks.append(s)
end = time.time() + secs
while time.time() < end:
    for s in list(socks):
        try:
            s.sendall(b"X-slow: 1\r\n")
        except OSError:
            cut += 1
            socks.remove(s)
            # a slow client that was cut comes back, as an attacker would
            try:
                s2 = socket.create_connection((host, int(port)), timeout=5)
                s2.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                socks.append(s2)
            except OSError:
                pass
    time.sleep(1)
print(f"slow connections cut by the deadline: {cut}")
EOF
SL=$!
sleep 2
out=$(wrk -t1 -c8 -d"$((SLOW_S - 4))s" --timeout 5s "$BASE/api/" 2>&1)
wait $SL
total=$(awk '/requests in/ {print $1}' <<<"$out")
errs=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
ok=$((total - ${non2xx:-0}))
echo "ordinary requests during the slow clients: $total sent, $ok answered 200, errors ${errs:-0} ($(awk -v o="$ok" -v t="$total" -v e="${errs:-0}" 'BEGIN {if (t + e > 0) printf "%.1f", 100 * o / (t + e); else print "?"}')% answered)"
cat "$OUT/web-slow.log"
table
