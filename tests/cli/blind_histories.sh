# Blind training histories (tests/histories/blind/README.md, blind23/README.md,
# blind24/README.md and blind25/README.md): 160 runners' logs by eight outside authors who never saw runhip, with the points a coach
# would make; each written as its devices' export files, imported, and
# `runhip load` scored against the author. Prints the figures (FIGURE lines:
# per file details for the open sets, aggregates for the frozen test sets)
# and fails when a set's figure gets worse than its recorded level.
. tests/cli/lib.sh

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" tests/histories/blind.py "$RUNHIP" "$T"
