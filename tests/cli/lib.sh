# Shared by tests/cli/*.sh: RUNHIP is the program under test, RH_SHARED the
# shared folder. Each "t NAME" starts a test; "ok"/"no" record checks; "end"
# prints "N passed, N failed".
set -u
: "${RUNHIP:=build/san/runhip}"
: "${RH_SHARED:=../shared}"
T=$(mktemp -d "${TMPDIR:-/tmp}/runhip-cli-XXXXXX")
trap 'rm -rf "$T"' EXIT
export RUNHIP_DB="$T/default.db"
pass=0
fail=0
cur=""
cur_bad=0
t() { flush_test; cur=$1; cur_bad=0; }
flush_test() {
    [ -z "$cur" ] && return
    if [ "$cur_bad" = 0 ]; then pass=$((pass + 1)); echo "ok   $cur"; else fail=$((fail + 1)); echo "FAIL $cur"; fi
    cur=""
}
ok() { :; }
no() { cur_bad=1; echo "  $cur: $*" >&2; }
# expect STATUS CMD...: runs CMD, keeps stdout in $T/out and stderr in $T/err
expect() {
    want=$1; shift
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" = "$want" ] || no "expected exit $want, got $got: $* ($(head -c 300 "$T/err"))"
}
# wait_until CMD...: runs CMD every 0.1 s until it succeeds; false after
# 60 s. Tests wait for a state (output shown, a file grown, a process gone)
# with this generous deadline for a loaded machine, never a fixed time.
wait_until() {
    wu_i=0
    while ! "$@"; do
        [ $wu_i -ge 600 ] && return 1
        sleep 0.1
        wu_i=$((wu_i + 1))
    done
}
# gone PID: the process has ended
gone() { ! kill -0 "$1" 2>/dev/null; }
has() { grep -q -- "$1" "$2" || no "'$1' not found in $2: $(head -c 300 "$2")"; }
hasnt() { ! grep -q -- "$1" "$2" || no "'$1' unexpectedly found in $2"; }
end() { flush_test; echo "$pass passed, $fail failed"; [ "$fail" = 0 ]; }
