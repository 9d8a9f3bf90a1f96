# Faults as a runner meets them (issue 15): a reader that goes away before
# the assessment is written must not lose it.
. tests/cli/lib.sh
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:exitcode=86"

t assessment_saved_when_the_reader_is_gone
# stdout is a pipe whose reading end is already closed: the first write
# fails (SIGPIPE by default), deterministically, whatever the timing
python3 - "$RUNHIP" "$T/a.db" samples/demo/intake.txt <<'PY'
import os, subprocess, sys
prog, db, intake = sys.argv[1:4]
r, w = os.pipe()
os.close(r)
p = subprocess.run([prog, "--db", db, "assess", "--in", intake], stdout=w,
                   stderr=subprocess.PIPE)
os.close(w)
sys.stderr.write(p.stderr.decode("utf-8", "replace"))
sys.exit(0 if p.returncode >= 0 else 1)
PY
[ $? = 0 ] || no "assess was killed by a signal"
[ "$(sqlite3 "$T/a.db" 'SELECT count(*) FROM assessment' 2>/dev/null)" = 1 ] ||
    no "the assessment was not saved"

t output_to_a_full_disk_is_exit_3
if [ -w /dev/full ]; then
    "$RUNHIP" --db "$T/a.db" plan >/dev/full 2>"$T/err"
    st=$?
    [ "$st" = 3 ] || no "plan to /dev/full: exit $st"
    has "cannot write the output" "$T/err"
fi

t the_daily_loop_to_a_full_disk_is_exit_3_with_one_clear_error
# every command of the daily loop: a full disk is exit 3 and one message
# that names it, and the calendar file too
if [ -w /dev/full ]; then
    "$RUNHIP" --db "$T/loop.db" --today 2026-11-22 assess --in samples/demo/intake.txt >/dev/null 2>&1
    for args in "plan" "plan --json" "log pain 2 --note slept_fine" "log pain 2 --json" \
        "checkin --answers 1" "log cleared"; do
        # shellcheck disable=SC2086
        "$RUNHIP" --db "$T/loop.db" --today 2026-11-23 $args >/dev/full 2>"$T/err"
        st=$?
        [ "$st" = 3 ] || no "$args to /dev/full: exit $st"
        has "No space left on device" "$T/err"
        [ "$(wc -l <"$T/err")" = 1 ] || no "$args: not one error line: $(cat "$T/err")"
    done
    "$RUNHIP" --db "$T/loop.db" --today 2026-11-23 plan --ics /dev/full >/dev/null 2>"$T/err"
    st=$?
    [ "$st" = 3 ] || no "plan --ics /dev/full: exit $st"
    has "cannot write the calendar file" "$T/err"
fi

end
