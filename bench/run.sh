#!/bin/bash
# SPDX-License-Identifier: MIT
# The import benchmark (run by `make bench` after the bench_* programs):
#  1. builds bench/out/data, 2,000 distinct activities made from the corpus
#     by ../shared/corpus/tools/make_bench.sh (kept between runs; git-ignored);
#  2. times `runhip import` of the whole folder into a fresh database (wall
#     time, activities/s, MB/s, peak RSS), both cores, best of RUNS runs;
#  3. times decoding alone on one core (`runhip inspect --jobs 1`) for the
#     FIT files and for the GPX+TCX files;
#  4. runs build/rel/bench/bench_fit and bench_xml on the folder if built;
#  5. times the peers where they can be installed: Garmin's @garmin/fitsdk
#     (npm, into bench/out/node_modules) on the FIT files and gpsbabel on the
#     GPX and TCX files (apt-get when run as root; never in CI);
#  and prints one table side by side.
#
#   sh bench/run.sh            (RH_SHARED: the shared folder, default ../shared)
#   RUNS=5 N=2000 NO_PEERS=1 sh bench/run.sh
[ -z "${BASH_VERSION:-}" ] && exec bash "$0" "$@"
set -uo pipefail
cd "$(dirname "$0")/.."
SHARED=${RH_SHARED:-../shared}
C="$SHARED/corpus"
OUT=$PWD/bench/out
DATA=$OUT/data
N=${N:-2000}
RUNS=${RUNS:-3}
RUNHIP=${RUNHIP:-build/rel/runhip}
mkdir -p "$OUT"
[ -x "$RUNHIP" ] || make --no-print-directory build/rel/runhip >/dev/null || exit 1

if [ ! -f "$DATA/bench.tsv" ] || [ "$(($(wc -l <"$DATA/bench.tsv") - 1))" != "$N" ]; then
    echo "== building $N activities in $DATA (once)"
    bash "$C/tools/make_bench.sh" "$C" "$DATA" "$N" || exit 1
fi
mb() { du -sb "$@" | awk '{s += $1} END {printf "%.1f", s / 1e6}'; }
nfiles() { find "$@" -type f \( -name '*.fit' -o -name '*.gpx' -o -name '*.tcx' \) | wc -l; }
ALL_MB=$(mb "$DATA/fit" "$DATA/gpx" "$DATA/tcx")
FIT_MB=$(mb "$DATA/fit")
XML_MB=$(mb "$DATA/gpx" "$DATA/tcx")
GPX_MB=$(mb "$DATA/gpx")
TCX_MB=$(mb "$DATA/tcx")
ALL_N=$(nfiles "$DATA")
FIT_N=$(nfiles "$DATA/fit")
XML_N=$(nfiles "$DATA/gpx" "$DATA/tcx")
GPX_N=$(nfiles "$DATA/gpx")
TCX_N=$(nfiles "$DATA/tcx")
ROWS=()
row() { # name input files MB seconds [rss_mb] [note]   (CPU seconds from the last best())
    local rate per
    rate=$(awk -v m="$4" -v s="$5" 'BEGIN {printf "%.1f", m / s}')
    per=$(awk -v n="$3" -v s="$5" 'BEGIN {printf "%.0f", n / s}')
    local cpu cpurate
    cpu=$(cat "$OUT/cpu.txt")
    cpurate=$(awk -v m="$4" -v c="$cpu" 'BEGIN {if (c > 0) printf "%.1f", m / c; else print "-"}')
    ROWS+=("| $1 | $2 | $3 | $4 | $5 | $cpu | $rate | $cpurate | $per | ${6:--} | ${7:-} |")
}
# best wall time and its peak RSS over RUNS runs of a command; prints "s rss_mb"
best() {
    local b="" rss="" i t
    for i in $(seq "$RUNS"); do
        [ -n "${PREP:-}" ] && eval "$PREP"
        /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" "$@" >"$OUT/last.out" 2>"$OUT/last.err"
        # the last line: GNU time puts "Command exited with non-zero status
        # N" before it when the command failed (an import with a bad file)
        read -r t m u sy <<<"$(tail -n 1 "$OUT/time.txt")" || continue
        if [ -z "$b" ] || awk -v a="$t" -v c="$b" 'BEGIN {exit !(a < c)}'; then
            b=$t
            rss=$(awk -v k="$m" 'BEGIN {printf "%.0f", k / 1024}')
            awk -v u="$u" -v s="$sy" 'BEGIN {printf "%.2f", u + s}' >"$OUT/cpu.txt"
        fi
    done
    echo "$b $rss"
}
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

echo "== load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work inflates wall times; CPU s does not)"
echo "== runhip import of $ALL_N files ($ALL_MB MB), $(nproc) cores, best of $RUNS"
PREP="rm -f $OUT/bench.db $OUT/bench.db-wal $OUT/bench.db-shm"
read -r s rss <<<"$(best "$RUNHIP" --db "$OUT/bench.db" import "$DATA")"
tail -n 1 "$OUT/last.out"
row "runhip import (decode + SQLite, $(nproc) threads)" "fit+gpx+tcx" "$ALL_N" "$ALL_MB" "$s" "$rss"
IMPORT_S=$s
IMPORT_RSS=$rss
# peak memory must not grow with the number of files: the same on a quarter
read -r s4 rss4 <<<"$(best "$RUNHIP" --db "$OUT/bench.db" import "$DATA/fit" )"
row "runhip import, FIT only" "fit" "$FIT_N" "$FIT_MB" "$s4" "$rss4"
PREP=""

echo "== decoding only, one core (runhip inspect --jobs 1)"
read -r s rss <<<"$(best "$RUNHIP" inspect --jobs 1 "$DATA/fit")"
row "runhip FIT decode, 1 core" "fit" "$FIT_N" "$FIT_MB" "$s" "$rss"
read -r s rss <<<"$(best "$RUNHIP" inspect --jobs 1 "$DATA/gpx")"
row "runhip GPX decode, 1 core" "gpx" "$GPX_N" "$GPX_MB" "$s" "$rss"
read -r s rss <<<"$(best "$RUNHIP" inspect --jobs 1 "$DATA/tcx")"
row "runhip TCX decode, 1 core" "tcx" "$TCX_N" "$TCX_MB" "$s" "$rss"

for b in build/rel/bench/bench_fit build/rel/bench/bench_xml; do
    if [ -x "$b" ]; then
        echo "== $b $DATA"
        RH_BENCH_DIR="$DATA" "$b" "$DATA" | tail -n 20
    fi
done

if [ -z "${NO_PEERS:-}" ]; then
    if [ ! -d "$OUT/node_modules/@garmin/fitsdk" ] && command -v npm >/dev/null; then
        echo "== npm install @garmin/fitsdk into $OUT/node_modules"
        npm install --silent --no-audit --no-fund --prefix "$OUT" @garmin/fitsdk@21.217.0 >/dev/null 2>&1 ||
            echo "bench: npm install failed; skipping @garmin/fitsdk" >&2
    fi
    if [ -d "$OUT/node_modules/@garmin/fitsdk" ] && command -v node >/dev/null; then
        echo "== @garmin/fitsdk on the FIT files (one core)"
        export NODE_MODULES_DIR="$OUT/node_modules"
        RUNS_SAVE=$RUNS
        RUNS=1
        read -r s rss <<<"$(best node "$C/tools/bench_fit.mjs" fitsdk "$DATA/fit")"
        RUNS=$RUNS_SAVE
        row "@garmin/fitsdk 21.217.0 (node)" "fit" "$FIT_N" "$FIT_MB" "$s" "$rss" \
            "failed on $(sed -n 's/.*"failed":\([0-9]*\).*/\1/p' "$OUT/last.out") files"
    fi
    if ! command -v gpsbabel >/dev/null && [ "$(id -u)" = 0 ] && [ -z "${CI:-}" ]; then
        echo "== apt-get install gpsbabel"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gpsbabel >/dev/null 2>&1 ||
            echo "bench: cannot install gpsbabel" >&2
    fi
    if command -v gpsbabel >/dev/null; then
        echo "== gpsbabel on the GPX and TCX files (one process each, one core)"
        args=()
        for f in "$DATA"/gpx/*.gpx; do args+=(-f "$f"); done
        read -r s rss <<<"$(best gpsbabel -t -i gpx "${args[@]}" -o unicsv -F /dev/null)"
        row "gpsbabel $(gpsbabel -V 2>/dev/null | awk '/Version/ {print $NF}') GPX" "gpx" "$GPX_N" "$GPX_MB" "$s" "$rss"
        args=()
        for f in "$DATA"/tcx/*.tcx; do args+=(-f "$f"); done
        read -r s rss <<<"$(best gpsbabel -t -i gtrnctr "${args[@]}" -o unicsv -F /dev/null)"
        row "gpsbabel TCX" "tcx" "$TCX_N" "$TCX_MB" "$s" "$rss"
    fi
fi

echo
echo "| run | input | files | MB | best wall s | CPU s | MB/s (wall) | MB per CPU s | files/s (wall) | peak RSS MB | note |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo "(CPU s = user + system time of all threads; MB per CPU s is the throughput of one busy core)"
echo
awk -v s="$IMPORT_S" 'BEGIN {exit !(s < 5)}' && echo "target met: $ALL_N-file import in $IMPORT_S s (< 5 s), peak RSS $IMPORT_RSS MB" ||
    echo "target missed: $ALL_N-file import took $IMPORT_S s (target < 5 s)"
