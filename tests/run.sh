#!/bin/sh
# Runs every unit-test program in $1 and every tests/cli/*.sh script, adds up
# their "N passed, N failed" lines and ends with the total. A program that
# dies without its summary line (crash, sanitizer report) counts as one
# failure. Exit status 1 if anything failed.
set -u
dir=$1
total_pass=0
total_fail=0
# every test runs with a private $TMPDIR: at the end it must be empty
# (tests clean up after themselves), and it is removed
outer_tmp=${TMPDIR:-/tmp}
TMPDIR=$(mktemp -d "$outer_tmp/runhip-check-XXXXXX") || exit 1
chmod 1777 "$TMPDIR" # like /tmp: a test may drop to an unprivileged user
export TMPDIR
log=$outer_tmp/runhip-tests.$$
run_one() {
    name=$1
    shift
    if [ -n "${RH_TEST_TIMEOUT:-}" ]; then
        timeout "$RH_TEST_TIMEOUT" "$@" >"$log" 2>&1
    else
        timeout 900 "$@" >"$log" 2>&1
    fi
    status=$?
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$summary" ]; then
        cat "$log"
        echo "FAIL $name: no summary line (exit status $status)"
        total_fail=$((total_fail + 1))
        return
    fi
    p=$(echo "$summary" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed.*/\1/')
    f=$(echo "$summary" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed.*/\2/')
    if [ "$f" != 0 ] || [ "$status" != 0 ]; then
        cat "$log"
        [ "$f" = 0 ] && f=1
    fi
    echo "$name: $p passed, $f failed"
    # measured figures a test reports (lines starting "FIGURE ") are shown too
    grep '^FIGURE ' "$log" | sed 's/^FIGURE /  /'
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
}
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
for t in "$dir"/test_*; do
    [ -x "$t" ] || continue
    case "$t" in *.d) continue ;; esac
    run_one "$(basename "$t")" "$t"
done
# the fuzz corpus, replayed by each target's plain-main build (fuzz/replay.c)
if [ -n "${RH_REPLAY:-}" ]; then
    for b in "$RH_REPLAY"/fuzz_*; do
        [ -x "$b" ] || continue
        case "$b" in *.d) continue ;; esac
        name=$(basename "$b")
        [ -d "fuzz/corpus/$name" ] || { echo "FAIL $name: no fuzz/corpus/$name"; total_fail=$((total_fail + 1)); continue; }
        run_one "replay_$name" "$b" "fuzz/corpus/$name"
    done
fi
for s in tests/cli/*.sh; do
    [ -f "$s" ] || continue
    case "$s" in */lib.sh) continue ;; esac
    run_one "$(basename "$s")" sh "$s"
done
rm -f "$log"
left=$(ls -A "$TMPDIR")
if [ -n "$left" ]; then
    echo "FAIL tests left files in \$TMPDIR:"
    echo "$left" | head -20
    total_fail=$((total_fail + 1))
else
    total_pass=$((total_pass + 1))
    echo "tmpdir_left_clean: 1 passed, 0 failed"
fi
chmod -R u+rwx "$TMPDIR" 2>/dev/null
rm -rf "$TMPDIR"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
