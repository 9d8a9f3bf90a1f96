# The plan's iCalendar file opened by a real calendar library: Debian's
# python3-icalendar (not a build dependency). Skipped, with a message, when
# the library or the sqlite3 shell is missing; when present it is a real
# check: the file parses strictly and its events match the plan.
. tests/cli/lib.sh

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import icalendar' 2>/dev/null || ! command -v sqlite3 >/dev/null 2>&1; then
    echo "skipped: python3-icalendar (apt-get install python3-icalendar) or sqlite3 is not installed" >&2
    echo "0 passed, 0 failed"
    exit 0
fi

DB="$T/ics.db"
mkdir -p "$T/none" && "$RUNHIP" --db "$DB" import "$T/none" >/dev/null # creates the database
res='{"disclaimer":"Information, not a diagnosis; a doctor decides, not runhip.","conditions":[{"id":"trochanteric_bursitis","name":"gluteal tendinopathy","score":0.8,"why":[]}],"pain_type":"tendon","red_flags":[],"disposition":"see_physio","running":"reduce"}'
printf "INSERT INTO assessment(created_utc, intake, result) VALUES(1795737600, '{}', '%s');" "$res" | sqlite3 "$DB"

t ics_opens_in_python_icalendar
expect 0 "$RUNHIP" --db "$DB" plan --ics "$T/plan.ics"
"$PY" - "$T/plan.ics" >"$T/py.out" 2>&1 <<'PYEOF' || no "icalendar refused the file: $(cat "$T/py.out")"
import sys, datetime
from icalendar import Calendar
raw = open(sys.argv[1], 'rb').read()
cal = Calendar.from_ical(raw)
assert cal['VERSION'] == '2.0' and 'runhip' in str(cal['PRODID'])
events = [c for c in cal.walk('VEVENT')]
assert len(events) >= 16, len(events)
uids = set()
for e in events:
    s, t = e.decoded('DTSTART'), e.decoded('DTEND')
    assert type(s) is datetime.date and t - s == datetime.timedelta(days=1), (s, t)
    assert str(e['UID']) not in uids
    uids.add(str(e['UID']))
    assert str(e['SUMMARY']).startswith('runhip: ')
    assert 'not a diagnosis' in str(e['DESCRIPTION'])
strength = sorted(e.decoded('DTSTART') for e in events if 'Strength' in str(e['SUMMARY']))
assert len(strength) >= 8
for a, b in zip(strength, strength[1:]):
    assert (b - a).days >= 2, (a, b)
# escaped text comes back unescaped: the descriptions hold commas and semicolons
assert any(',' in str(e['DESCRIPTION']) for e in events)
assert any(';' in str(e['DESCRIPTION']) for e in events)
print(len(events), 'events')
PYEOF
has "events" "$T/py.out"

t ics_successive_exports_update_and_cancel
# a real assessment, then exports after the diary changed the plan: the same
# UIDs, SEQUENCE and DTSTAMP raised on changed events, runs dropped by a red
# flag sent as STATUS:CANCELLED, unchanged events untouched, and a new
# assessment updating the same events instead of adding a second set
DB2="$T/ics2.db"
cat >"$T/itb.txt" <<'EOF2'
age = 34
sex = male
location = outer, outer_thigh
onset = gradual
duration_days = 20
pain_now = 2
pain_worst = 5
worse_with = run_later, hills
EOF2
R2() { "$RUNHIP" --db "$DB2" --today 2026-11-02 "$@"; }
R2 assess --in "$T/itb.txt" >/dev/null || no "assess failed"
R2 plan --ics "$T/s.ics" >/dev/null || no "first export failed"
cp "$T/s.ics" "$T/s1.ics"
R2 plan --ics "$T/s.ics" >/dev/null || no "unchanged export failed"
cp "$T/s.ics" "$T/s2.ics"
R2 log pain 3 --note "can't put weight on it" >/dev/null || no "log failed"
R2 plan --ics "$T/s.ics" >/dev/null || no "export after the red flag failed"
cp "$T/s.ics" "$T/s3.ics"
R2 assess --in "$T/itb.txt" >/dev/null || no "re-assess failed"
R2 plan --ics "$T/s.ics" >/dev/null || no "export after re-assessment failed"
cp "$T/s.ics" "$T/s4.ics"
"$PY" - "$T/s1.ics" "$T/s2.ics" "$T/s3.ics" "$T/s4.ics" >"$T/py.out" 2>&1 <<'PYEOF' || no "successive exports: $(cat "$T/py.out")"
import sys
from icalendar import Calendar
def load(p):
    cal = Calendar.from_ical(open(p, 'rb').read())
    ev = {}
    for e in cal.walk('VEVENT'):
        uid = str(e['UID'])
        assert uid not in ev, "duplicate UID " + uid
        ev[uid] = (int(e.get('SEQUENCE', 0)), e.decoded('DTSTAMP'), str(e.get('STATUS', '')),
                   str(e['SUMMARY']), str(e.get('X-RUNHIP-KIND', '')),
                   str(e.get('DESCRIPTION', '')))
    return ev
e1, e2, e3, e4 = (load(p) for p in sys.argv[1:])
assert e1 == e2, "an unchanged export changed events"
runs1 = [u for u, v in e1.items() if 'run' in v[4] or 'test' in v[4]]
assert runs1, "the first plan has no runs"
cancelled = 0
for u in runs1:
    assert u in e3, "a dropped run vanished instead of being cancelled: " + u
    assert e3[u][2] == 'CANCELLED' or ('run' not in e3[u][4] and 'test' not in e3[u][4]), (u, e3[u])
    assert e3[u][0] == e1[u][0] + 1, ("SEQUENCE not raised", e1[u], e3[u])
    assert e3[u][1] >= e1[u][1]
cancelled = sum(1 for u in e1 if e3[u][2] == 'CANCELLED')
assert cancelled > 0, "no dropped session was cancelled"
assert not any('run' in v[4] and v[2] != 'CANCELLED' for v in e3.values()), "runs left while blocked"
changed = [u for u in e1 if u in e3 and e3[u][3] != e1[u][3] and e3[u][2] != 'CANCELLED']
for u in changed:
    assert e3[u][0] > e1[u][0], ("changed event kept its SEQUENCE", u)
same = [u for u in e1 if u in e3 and e3[u][3] == e1[u][3] and e3[u][2] == e1[u][2]
        and e3[u][5] == e1[u][5]]
for u in same:
    assert e3[u][:2] == e1[u][:2], ("unchanged event was bumped", u)
assert set(e3) <= set(e4), "a re-assessment lost events"
assert all(u.startswith('runhip-') for u in e4)
for u in e4:
    # unchanged: the same title, text and status (the one event of a warning
    # sign says its reason, which a re-assessment words anew)
    if u in e3 and e4[u][3] == e3[u][3] and e4[u][2] == e3[u][2] and e4[u][5] == e3[u][5]:
        assert e4[u][:2] == e3[u][:2]
print(len(e1), 'events,', len(runs1), 'runs,', cancelled, 'sessions cancelled,', len(changed), 'changed,', len(same), 'unchanged')
PYEOF
has "sessions cancelled" "$T/py.out"

end
