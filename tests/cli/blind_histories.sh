# Blind training histories (tests/histories/blind/README.md and blind23/README.md): 80 runners'
# logs by four outside authors who never saw runhip, with the points a coach
# would make; each written as its devices' export files, imported, and
# `runhip load` scored against the author. Prints the figures (FIGURE lines:
# per file details for the dev set only, aggregates for the frozen test set)
# and fails when a set's figure gets worse than its recorded level.
. tests/cli/lib.sh

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" tests/histories/blind.py "$RUNHIP" "$T"
