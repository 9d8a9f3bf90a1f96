#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Split a blind file of diary notes ONCE into a development and a test half.

Usage: tools/split_notes.py RAW_FILE DEST_DIR SEED

RAW_FILE has the lines of tests/notes/notes.txt (EXPECT | CONTEXT | NOTE,
'#' comments). The notes are grouped by their first expected red flag
("-" for none), each group sorted, shuffled with random.Random(SEED) and
dealt alternately, so that both halves have about the same mix. Writes
DEST_DIR/dev.txt and DEST_DIR/test.txt, each starting with the raw file's
comment lines. Refuses to run if either exists: a frozen set is split once.
Prints only counts, never a note.
"""
import os
import random
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    raw, dest, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    dev, test = os.path.join(dest, "dev.txt"), os.path.join(dest, "test.txt")
    if os.path.exists(dev) or os.path.exists(test):
        sys.exit("split_notes: %s already split; a frozen set is split once" % dest)
    head, groups = [], {}
    with open(raw, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if not s:
                continue
            if s.startswith("#"):
                head.append(line.rstrip("\n"))
                continue
            if s.count("|") < 2:
                sys.exit("split_notes: a line has no EXPECT | CONTEXT | NOTE shape")
            first = s.split("|", 1)[0].split()
            key = first[0].split(":")[0] if first else "-"
            groups.setdefault(key, []).append(line.rstrip("\n"))
    rng = random.Random(seed)
    halves = {"dev": [], "test": []}
    turn = 0
    for key in sorted(groups):
        lines = sorted(groups[key])
        rng.shuffle(lines)
        for ln in lines:
            h = ("dev", "test")[turn % 2]
            halves[h].append(ln)
            turn += 1
    os.makedirs(dest, exist_ok=True)
    for h, path in (("dev", dev), ("test", test)):
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(head + halves[h]) + "\n")
    n = sum(len(v) for v in groups.values())
    print("split_notes: %d notes (%d with a red flag): dev %d, test %d (seed %d)"
          % (n, n - len(groups.get("-", [])), len(halves["dev"]), len(halves["test"]), seed))


if __name__ == "__main__":
    main()
