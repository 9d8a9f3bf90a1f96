# runhip serve: usage errors, the warning for a non-loopback address, and a
# real start on a free port (--port 0) that prints the URL and stops cleanly
# on SIGTERM with exit 0. Every wait is bounded (at most 5 s).
. tests/cli/lib.sh

t serve_bad_port
expect 2 "$RUNHIP" --db "$T/s.db" serve --port 70000
has "not a port number" "$T/err"
expect 2 "$RUNHIP" --db "$T/s.db" serve --port abc
has "not a port number" "$T/err"

t serve_bad_bind
expect 2 "$RUNHIP" --db "$T/s.db" serve --bind example.org --port 0
has "not a numeric IPv4 or IPv6 address" "$T/err"
has "is not a loopback address" "$T/err"

t serve_starts_and_stops
"$RUNHIP" --db "$T/s.db" serve --port 0 >"$T/out" 2>"$T/err" &
pid=$!
i=0
while [ $i -lt 50 ] && ! grep -q "http://127.0.0.1:" "$T/out"; do
    sleep 0.1
    i=$((i + 1))
done
has "runhip dashboard: http://127.0.0.1:[0-9]*/" "$T/out"
kill -TERM $pid
i=0
while [ $i -lt 50 ] && kill -0 $pid 2>/dev/null; do
    sleep 0.1
    i=$((i + 1))
done
if kill -0 $pid 2>/dev/null; then
    no "still running 5 s after SIGTERM"
    kill -KILL $pid
fi
wait $pid
st=$?
[ "$st" = 0 ] || no "exit $st after SIGTERM: $(cat "$T/err")"
has "stopped" "$T/out"
hasnt "warning" "$T/err"

end
