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
"$RUNHIP" --db "$DB" checkin --list >/dev/null
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

end
