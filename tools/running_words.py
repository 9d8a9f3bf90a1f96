#!/usr/bin/env python3
"""Counts assessments whose advice lines use running words that contradict
the running advice in force, over the non-frozen vignettes (session 26, asm26).

usage: tools/running_words.py RUNHIP REPO_ROOT [why]
  RUNHIP      a built runhip (build/rel/runhip); each vignette is assessed with
              --in FILE --json into a throwaway database
  why         scan the shown "why" lines (disposition and running reasons at the
              levels in force) instead of the advice lines
"stop running" words count against continue/reduce (a conditional "stop
running if ..." does not); "keep running"/"run less" words against stop and
cross_train_only. The frozen halves are never opened."""
import json, os, re, subprocess, sys, tempfile
exe, root = sys.argv[1], sys.argv[2]
# the frozen halves (docs of the session protocol), never listed or opened
FROZEN = {("blind4", "test"), ("blind5", "test"), ("blind33", "test"), ("blind34", "test"),
          ("blind35", "test")}
SKIP_DIRS = {"blind36"}  # frozen whole when it lands (session 28)
files = []
vd = os.path.join(root, "tests/vignettes")
files += sorted(os.path.join(vd, f) for f in os.listdir(vd) if f.endswith(".txt"))
for d in sorted(os.listdir(vd)):
    if not d.startswith("blind") or d in SKIP_DIRS:
        continue
    for half in ("dev", "test"):
        if (d, half) in FROZEN:
            continue
        p = os.path.join(vd, d, half)
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".txt"))
STOP = re.compile(r"\b(stop running|no running|do not run|don't run|cross-train until|rest from running|without running|not run\b)", re.I)
GO = re.compile(r"\b(keep running|keep to easy running|running as the pain allows|run every other day|run less|keep your runs|runs? (?:short|easy)|keep active, running)", re.I)
db = tempfile.mkdtemp(prefix="asm26db.")
n = bad = 0
by = {}
for f in files:
    env = dict(os.environ, RUNHIP_DB=os.path.join(db, "db"))
    p = subprocess.run([exe, "assess", "--in", f, "--json"], capture_output=True, text=True, env=env)
    try:
        a = json.loads(p.stdout)
    except Exception:
        continue
    n += 1
    run = a["running"]
    if len(sys.argv) > 3 and sys.argv[3] == "why":
        lines = [t for t in a.get("disposition_why", []) if t.startswith(a["disposition"] + ": ")]
        lines += [t for t in a.get("running_why", []) if t.startswith(run + ": ")]
    else:
        lines = a.get("advice", [])
    hit = None
    for t in lines:
        if run in ("continue", "reduce") and any(
                " if " not in re.split(r"[.;]", t[m.start():])[0] for m in STOP.finditer(t)):
            hit = t; break  # a conditional stop ("stop running if you leak") is no contradiction
        if run in ("stop", "cross_train_only") and GO.search(t):
            hit = t; break
    if hit:
        bad += 1
        top = a["conditions"][0]["id"] if a.get("conditions") else "?"
        k = (top, run, hit[:60])
        by[k] = by.get(k, 0) + 1
for k, v in sorted(by.items(), key=lambda x: -x[1]):
    print(v, *k, sep=" | ")
print("assessments %d, contradicting %d" % (n, bad))
import shutil
shutil.rmtree(db, ignore_errors=True)
