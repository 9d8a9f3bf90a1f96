# runhip serve: usage errors, a real start on a free port (--port 0) that
# prints the address and stops cleanly on SIGTERM with exit 0, and a bind to
# all addresses that makes an access token and prints it once, in the link.
# Every wait is for output or the exit, bounded by a deadline generous
# enough for a loaded machine (60 s); none is a fixed sleep.
. tests/cli/lib.sh

t serve_bad_port
expect 1 "$RUNHIP" --db "$T/s.db" serve --port 70000
has "not a port number" "$T/err"
expect 1 "$RUNHIP" --db "$T/s.db" serve --port abc
has "not a port number" "$T/err"

t serve_bad_bind
expect 1 "$RUNHIP" --db "$T/s.db" serve --bind example.org --port 0
has "not a numeric IPv4 or IPv6 address" "$T/err"

# start_and_stop ARGS...: runs serve in the background until its address is
# printed, then SIGTERM; the output stays in $T/out, $T/err
start_and_stop() {
    # emptied first: the background job's own redirection may come after
    # wait_until has read the previous start's address and sent SIGTERM
    # before the server set its handler (exit 143 under load)
    : >"$T/out"
    "$RUNHIP" --db "$T/s.db" serve --port 0 "$@" >"$T/out" 2>"$T/err" &
    pid=$!
    wait_until grep -q "http://" "$T/out"
    kill -TERM $pid
    if ! wait_until gone $pid; then
        no "still running 60 s after SIGTERM"
        kill -KILL $pid
    fi
    wait $pid
    st=$?
    [ "$st" = 0 ] || no "exit $st after SIGTERM: $(cat "$T/err")"
    has "stopped" "$T/out"
}

t serve_starts_and_stops
start_and_stop
has "runhip: http://127.0.0.1:[0-9]*/$" "$T/out"
hasnt "token" "$T/out"

t serve_open_bind_needs_token
start_and_stop --bind 0.0.0.0
has "runhip: http://0.0.0.0:[0-9]*/?token=[0-9a-f]\{32\}$" "$T/out"
has "shown only now" "$T/out"
# a fresh token each start
tok1=$(grep -o "token=[0-9a-f]*" "$T/out")
start_and_stop --bind 0.0.0.0 --host my.pi
tok2=$(grep -o "token=[0-9a-f]*" "$T/out")
[ -n "$tok1" ] && [ "$tok1" != "$tok2" ] || no "the token is not new: $tok1 $tok2"
hasnt "needs --host" "$T/out"

end
