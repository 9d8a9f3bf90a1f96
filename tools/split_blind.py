#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Split a folder of blind vignettes ONCE into a development and a test half.

Usage: tools/split_blind.py RAW_DIR DEST_DIR SEED

Every NNN_name.txt of RAW_DIR is copied byte for byte into DEST_DIR/dev/ or
DEST_DIR/test/. The split is stratified by the expected top condition (the
"# top:" header line, the only line read): the cases of each condition are
sorted by name, shuffled with random.Random(SEED), and dealt alternately to
the two halves; a condition with an odd number of cases gives its extra case
to the half that is smaller at that point (ties: dev first, then test, in
turn), so both halves have every condition and about the same size.

The script refuses to run if DEST_DIR/dev or DEST_DIR/test exists: a frozen
set is split once. It prints only counts, never a case's name or text, so
that running it shows nothing of the test half.

blind4 was split with: tools/split_blind.py /work/notes/blind4_raw tests/vignettes/blind4 20261201
"""
import os
import random
import re
import shutil
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    raw, dest, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    dev, test = os.path.join(dest, "dev"), os.path.join(dest, "test")
    if os.path.exists(dev) or os.path.exists(test):
        sys.exit("split_blind: %s already split (dev/ or test/ exists); a frozen set is split once" % dest)
    names = sorted(n for n in os.listdir(raw) if re.fullmatch(r"\d{3,4}_[A-Za-z0-9_.-]+\.txt", n))
    groups = {}
    for n in names:
        with open(os.path.join(raw, n), encoding="utf-8") as f:
            m = re.search(r"^# top:\s*(\S+)", f.read(), re.M)
        if not m:
            sys.exit("split_blind: a case has no '# top:' line (%d cases read)" % len(names))
        groups.setdefault(m.group(1), []).append(n)
    rng = random.Random(seed)
    halves = {"dev": [], "test": []}
    turn = 0
    for top in sorted(groups):
        cases = sorted(groups[top])
        rng.shuffle(cases)
        half = len(cases) // 2
        first, second = ("dev", "test")
        if len(cases) % 2:
            if len(halves["dev"]) > len(halves["test"]) or (
                len(halves["dev"]) == len(halves["test"]) and turn % 2
            ):
                first, second = ("test", "dev")
            turn += 1
        halves[first] += cases[: len(cases) - half]
        halves[second] += cases[len(cases) - half :]
    os.makedirs(dev)
    os.makedirs(test)
    for h, d in (("dev", dev), ("test", test)):
        for n in halves[h]:
            shutil.copyfile(os.path.join(raw, n), os.path.join(d, n))
    print("split_blind: %d cases, %d conditions: dev %d, test %d (seed %d)"
          % (len(names), len(groups), len(halves["dev"]), len(halves["test"]), seed))


if __name__ == "__main__":
    main()
