# Training histories as a coach and a sports physician read them: 18 runner
# stories written as watch and phone exports at test time
# (tests/histories/histories.py: GPX, TCX, Polar JSON, a Strava export
# folder), imported with the program and checked against the findings
# written down for each before the program ran, and against the runner's
# words (no internal ids or source keys in the findings).
. tests/cli/lib.sh

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" tests/histories/histories.py "$RUNHIP" "$T"
