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

end
