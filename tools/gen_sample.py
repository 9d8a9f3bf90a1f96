#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the demo athlete of samples/demo/ (deterministic, no network).

Twelve weeks of a recreational runner, Monday 2026-08-31 to Sunday
2026-11-22: four or five runs a week, mostly the same loop, easy runs and a
Sunday long run, heart rate and cadence (about 162-168 steps a minute) in
every file; weekly distance jumps by about 45% in week 10 and outer-hip pain
starts a few days later. Outputs:

  export_strava.zip  Strava bulk-export layout: activities.csv plus
                     activities/<id>.tcx.gz (and some .gpx.gz)
  files/             three more recordings of the period as plain .gpx/.tcx
  shoes.txt          the one pair of shoes, ending near 650 km
  intake.txt         the runner's answers (text syntax of spec/intake.md)
  diary.txt          runhip commands (without "runhip") for weeks 10-12
  README.md          who the athlete is

usage: python3 tools/gen_sample.py [OUT_DIR]   (default samples/demo)
"""
import datetime as dt
import gzip
import io
import math
import os
import random
import sys
import zipfile

START = dt.date(2026, 8, 31)  # Monday of week 1
WEEKS = 12
JUMP_WEEK = 10
SHOE = "Road shoe A"
SHOE_END_KM = 650.0
HOME = (52.0907, 5.1214)  # the loop starts in a park (synthetic)
R_EARTH = 6371008.8

# Weekly plan: (weekday 0=Mon, kind, km). Weeks 1-9 build gently; week 10
# jumps about 45%; week 11 stays high; week 12 eases off as the hip hurts.
BASE = [(1, "easy", 7.0), (3, "easy", 8.0), (5, "easy", 6.0), (6, "long", 14.0)]
WEEK_SCALE = [0.95, 1.0, 1.0, 0.9, 1.02, 1.05, 1.0, 1.06, 1.05]
JUMP = [(0, "easy", 7.0), (1, "easy", 9.0), (3, "tempo", 9.0), (5, "easy", 8.0),
        (6, "long", 20.0)]
AFTER = {11: [(1, "easy", 10.0), (2, "easy", 8.0), (4, "easy", 9.0), (6, "long", 18.0)],
         12: [(1, "easy", 7.0), (3, "easy", 6.0), (5, "easy", 5.0), (6, "long", 10.0)]}


def loop_route():
    """A closed 5 km loop as (north m, east m) offsets: a rounded rectangle
    with a wobble, so tracks look like a real path."""
    pts = []
    n = 400
    for i in range(n):
        a = 2 * math.pi * i / n
        r = 780 + 60 * math.sin(3 * a) + 25 * math.sin(7 * a + 0.5)
        pts.append((r * math.sin(a) * 0.9, r * math.cos(a) * 1.1 - r * 1.1))
    # scale to 5.0 km around
    length = sum(math.dist(pts[i], pts[(i + 1) % n]) for i in range(n))
    k = 5000.0 / length
    return [(x * k, y * k) for x, y in pts]


ROUTE = loop_route()
SEGS = [math.dist(ROUTE[i], ROUTE[(i + 1) % len(ROUTE)]) for i in range(len(ROUTE))]


def at_distance(d):
    """(lat, lon, alt) at distance d (m) along the loop, repeated."""
    d = d % 5000.0
    i = 0
    while d > SEGS[i]:
        d -= SEGS[i]
        i = (i + 1) % len(SEGS)
    f = d / SEGS[i] if SEGS[i] else 0
    a, b = ROUTE[i], ROUTE[(i + 1) % len(ROUTE)]
    n, e = a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
    lat = HOME[0] + math.degrees(n / R_EARTH)
    lon = HOME[1] + math.degrees(e / (R_EARTH * math.cos(math.radians(HOME[0]))))
    alt = 4.0 + 6.0 * math.sin(2 * math.pi * (i / len(SEGS)))  # a small bridge
    return lat, lon, alt


def simulate(rng, day, kind, km):
    """Points of one run: (t, lat, lon, alt, dist, hr, cad_strides)."""
    pace = {"easy": 345, "long": 360, "tempo": 300}[kind] + rng.uniform(-8, 8)  # s/km
    start = dt.datetime.combine(day, dt.time(6 if kind != "long" else 8, 30)) + dt.timedelta(
        minutes=rng.randint(0, 25), seconds=rng.randint(0, 59))
    start = start.replace(tzinfo=dt.timezone.utc) - dt.timedelta(hours=2)  # local CEST -> UTC
    total = km * 1000.0
    dist, t, pts = 0.0, 0.0, []
    base_hr = {"easy": 142, "long": 146, "tempo": 163}[kind]
    step = 5.0
    while True:
        frac = dist / total
        drift = 8.0 * frac if kind == "long" else 4.0 * frac
        hr = base_hr + drift + rng.gauss(0, 1.5) - 25 * math.exp(-t / 90.0)
        cad = {"easy": 82.5, "long": 82.0, "tempo": 84.0}[kind] + rng.gauss(0, 0.6)
        lat, lon, alt = at_distance(dist)
        pts.append((start + dt.timedelta(seconds=t), lat, lon, alt, dist, round(hr),
                    round(cad)))
        if dist >= total:
            break
        v = 1000.0 / pace * (1 + rng.gauss(0, 0.03))
        dist = min(total, dist + v * step)
        t += step
    return start, pts


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def tcx(start, pts, kind):
    out = io.StringIO()
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"'
      ' xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">\n')
    w(' <Activities>\n  <Activity Sport="Running">\n')
    w(f'   <Id>{iso(start)}</Id>\n')
    # one lap a kilometre, like a watch with auto-lap
    laps, cur, next_km = [], [], 1000.0
    for p in pts:
        cur.append(p)
        if p[4] >= next_km and p is not pts[-1]:
            laps.append(cur)
            cur = [p]
            next_km += 1000.0
    if len(cur) > 1:
        laps.append(cur)
    for lap in laps:
        secs = (lap[-1][0] - lap[0][0]).total_seconds()
        d = lap[-1][4] - lap[0][4]
        hrs = [p[5] for p in lap]
        cads = [p[6] for p in lap]
        w(f'   <Lap StartTime="{iso(lap[0][0])}">\n')
        w(f'    <TotalTimeSeconds>{secs:.1f}</TotalTimeSeconds>\n')
        w(f'    <DistanceMeters>{d:.1f}</DistanceMeters>\n')
        w(f'    <AverageHeartRateBpm><Value>{round(sum(hrs) / len(hrs))}</Value></AverageHeartRateBpm>\n')
        w(f'    <MaximumHeartRateBpm><Value>{max(hrs)}</Value></MaximumHeartRateBpm>\n')
        w('    <Intensity>Active</Intensity>\n    <TriggerMethod>Distance</TriggerMethod>\n')
        w('    <Track>\n')
        for p in lap:
            w(f'     <Trackpoint><Time>{iso(p[0])}</Time><Position>'
              f'<LatitudeDegrees>{p[1]:.6f}</LatitudeDegrees>'
              f'<LongitudeDegrees>{p[2]:.6f}</LongitudeDegrees></Position>'
              f'<AltitudeMeters>{p[3]:.1f}</AltitudeMeters>'
              f'<DistanceMeters>{p[4]:.1f}</DistanceMeters>'
              f'<HeartRateBpm><Value>{p[5]}</Value></HeartRateBpm>'
              f'<Extensions><ns3:TPX><ns3:RunCadence>{p[6]}</ns3:RunCadence></ns3:TPX>'
              '</Extensions></Trackpoint>\n')
        w('    </Track>\n')
        w(f'    <Extensions><ns3:LX><ns3:AvgRunCadence>{round(sum(cads) / len(cads))}'
          '</ns3:AvgRunCadence></ns3:LX></Extensions>\n')
        w('   </Lap>\n')
    w('   <Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
      '<Name>Forerunner 255</Name></Creator>\n')
    w('  </Activity>\n </Activities>\n</TrainingCenterDatabase>\n')
    return out.getvalue().encode()


def gpx(start, pts, name, kind="running"):
    out = io.StringIO()
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<gpx version="1.1" creator="Forerunner 255" xmlns="http://www.topografix.com/GPX/1/1"'
      ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n')
    w(f' <metadata><time>{iso(start)}</time></metadata>\n')
    w(f' <trk><name>{name}</name><type>{kind}</type><trkseg>\n')
    for p in pts:
        w(f'  <trkpt lat="{p[1]:.6f}" lon="{p[2]:.6f}"><ele>{p[3]:.1f}</ele>'
          f'<time>{iso(p[0])}</time><extensions><gpxtpx:TrackPointExtension>'
          f'<gpxtpx:hr>{p[5]}</gpxtpx:hr>')
        if p[6]:
            w(f'<gpxtpx:cad>{p[6]}</gpxtpx:cad>')
        w('</gpxtpx:TrackPointExtension></extensions></trkpt>\n')
    w(' </trkseg></trk>\n</gpx>\n')
    return out.getvalue().encode()


def csv_field(s):
    s = str(s)
    if any(c in s for c in ',"\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def strava_date(t):
    h = t.hour % 12 or 12
    return f"{t.strftime('%b')} {t.day}, {t.year}, {h}:{t.minute:02d}:{t.second:02d} " \
           f"{'AM' if t.hour < 12 else 'PM'}"


def runs_of_week(w):
    if w < JUMP_WEEK:
        return [(d, k, round(km * WEEK_SCALE[w - 1], 1)) for d, k, km in BASE]
    if w == JUMP_WEEK:
        return JUMP
    return AFTER[w]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "samples/demo"
    os.makedirs(os.path.join(out, "files"), exist_ok=True)
    rng = random.Random(20260831)
    header = ("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
              "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,"
              "Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,"
              "Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,"
              "Elevation Loss,Elevation Low,Elevation High,Max Grade,Average Grade,"
              "Average Positive Grade,Average Negative Grade,Max Cadence,Average Cadence,"
              "Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories")
    rows, members, weekly = [], [], []
    act_id = 16100000000
    zip_km = 0.0
    for w in range(1, WEEKS + 1):
        wk = 0.0
        for wd, kind, km in runs_of_week(w):
            day = START + dt.timedelta(days=7 * (w - 1) + wd)
            start, pts = simulate(rng, day, kind, km)
            act_id += rng.randint(30000, 90000)
            name = {"easy": "Easy loop", "long": "Sunday long run", "tempo": "Tempo loop"}[kind]
            if w == JUMP_WEEK and kind == "long":
                name = 'Longest run yet, "felt strong"'
            if w == 11 and kind == "long":
                name = "Long run, hip sore after"
            use_gpx = (len(rows) % 6 == 5)
            fname = f"activities/{act_id}.{'gpx' if use_gpx else 'tcx'}.gz"
            body = gpx(start, pts, name) if use_gpx else tcx(start, pts, kind)
            members.append((fname, gzip.compress(body, compresslevel=9, mtime=0)))
            elapsed = (pts[-1][0] - pts[0][0]).total_seconds()
            hrs = [p[5] for p in pts]
            desc = "Same loop as always.\nLegs fine." if kind == "long" and w < JUMP_WEEK else ""
            rows.append([act_id, strava_date(start), name, "Run", desc, int(elapsed),
                         f"{km:.2f}", max(hrs), "", "false", "", SHOE, fname, "", "",
                         f"{elapsed:.1f}", f"{elapsed:.1f}", f"{km * 1000:.1f}", "", "", "", "",
                         "", "", "", "", "", "", "", "", f"{max(hrs):.1f}",
                         f"{sum(hrs) / len(hrs):.1f}", "", "", ""])
            wk += km
        zip_km += wk
        weekly.append(wk)
    # a strength session logged by hand on Strava: no file
    rows.append([act_id + 1, "Sep 3, 2026, 6:00:00 PM", "Gym, legs", "Weight Training", "", 1800,
                 "0.00", "", "", "false", "", "", "", "", "", "1800.0", "1800.0", "0.0", "", "",
                 "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""])
    csv = header + "\n" + "\n".join(",".join(csv_field(c) for c in r) for r in rows) + "\n"
    zpath = os.path.join(out, "export_strava.zip")
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
        def add(name, data, method):
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 23, 7, 0, 0))
            zi.compress_type = method
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
        add("activities.csv", csv.encode(), zipfile.ZIP_DEFLATED)
        for name, data in members:
            add(name, data, zipfile.ZIP_STORED)

    # files/: three more recordings, on days without a run in the export
    extra = [("2026-09-16", "gpx", "running", 5.0, "Lunch run with a colleague"),
             ("2026-10-17", "gpx", "walking", 6.0, "Walk in the dunes"),
             ("2026-11-12", "tcx", "running", 5.0, "Easy run before work")]
    for day_s, fmt, sport, km, name in extra:
        day = dt.date.fromisoformat(day_s)
        start, pts = simulate(rng, day, "easy", km)
        if sport == "walking":
            # a walk: 10:30 min/km, lower HR, no running cadence
            # in the afternoon: the same day's run was in the morning
            t0 = pts[0][0]
            start = t0 + dt.timedelta(hours=9)
            pts = [(start + (p[0] - t0) * 1.8, p[1], p[2], p[3], p[4], p[5] - 35, 0)
                   for p in pts]
        path = os.path.join(out, "files", f"{day_s}_{sport}.{fmt}")
        data = gpx(start, pts, name, sport) if fmt == "gpx" else tcx(start, pts, "easy")
        with open(path, "wb") as f:
            f.write(data)

    before = round(SHOE_END_KM - zip_km)
    with open(os.path.join(out, "shoes.txt"), "w") as f:
        f.write("# The runner's shoes: distance run before the recordings start.\n")
        f.write(f"[{SHOE}]\nbefore_km = {before}\n")

    with open(os.path.join(out, "intake.txt"), "w") as f:
        f.write("""# Intake of the sample runner (syntax: spec/intake.md), answered on 2026-11-22.
age = 38
sex = female
side = right
location = outer
onset = gradual
onset_event = none
duration_days = 12
episodes = first
character = dull_ache
pain_now = 3
pain_run = 4
pain_worst = 5
pain_next_morning = 3
worse_with = lying_on_side, stairs, after_run, rising
better_with = rest, movement
signs = none
test_knee_to_chest = no
test_hop = no
test_single_leg_stand = yes
test_cross_legged = no
test_press_outer = yes
test_resisted_knee_lift = no
test_squeeze = no
check_sharp_socket = no
check_better_stretch = yes
check_worse_sitting_night = yes
check_uneven_stand = no
check_weak_side = no
check_walk_squat_stairs = yes
weekly_km = %d
km_change_pct = %d
years_running = 4
cadence_spm = 165
shoe_km = %d
sitting_hours = 8
strength_per_week = 0
surface = road
same_route = yes
recent_change = more_km
history = none
""" % (round(weekly[-2]), round(100 * (weekly[JUMP_WEEK - 1] / (sum(weekly[JUMP_WEEK - 5:JUMP_WEEK - 1]) / 4) - 1)),
            round(SHOE_END_KM)))

    diary = [
        "log pain 0 --date 2026-11-06 --during-run 0 --next-morning 0 --note \"legs fine after the tempo loop\"",
        "log pain 1 --date 2026-11-09 --during-run 1 --next-morning 2 --note \"right hip a bit stiff the morning after the long run\"",
        "log pain 2 --date 2026-11-10 --during-run 3 --next-morning 2 --note \"outer right hip aches on the stairs\"",
        "log session strength --date 2026-11-11 --minutes 30",
        "log pain 3 --date 2026-11-12 --during-run 4 --next-morning 3 --note \"outer hip sore after the long run\"",
        "log pain 3 --date 2026-11-14 --during-run 4 --next-morning 3 --note \"woke up lying on the right side, sore\"",
        "log pain 3 --date 2026-11-16 --during-run 5 --next-morning 4 --note \"sore after the long run, pressing the bony point hurts\"",
        "log session strength --date 2026-11-17 --minutes 30",
        "log pain 3 --date 2026-11-18 --during-run 4 --next-morning 3",
        "log session mobility --date 2026-11-19 --minutes 20",
        "log pain 3 --date 2026-11-20 --during-run 4 --next-morning 3 --note \"stairs at work still hurt\"",
        "log session strength --date 2026-11-21 --minutes 30",
        "log pain 3 --date 2026-11-22 --during-run 4 --next-morning 3 --note \"cut the long run short\"",
    ]
    with open(os.path.join(out, "diary.txt"), "w") as f:
        f.write("# The sample runner's diary, one runhip command a line (without 'runhip').\n")
        f.write("\n".join(diary) + "\n")

    lines = [f"| {w} | {(START + dt.timedelta(days=7 * (w - 1))).isoformat()} | "
             f"{len(runs_of_week(w))} | {weekly[w - 1]:.1f} |" for w in range(1, WEEKS + 1)]
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write(f"""# The sample athlete

Made by `tools/gen_sample.py` (deterministic: running it again gives the same
files). Everything here is synthetic: no real person or recording.

A 38-year-old recreational runner who has run for four years. She runs four
times a week, nearly always the same 5 km loop in a park on road and paths,
easy runs at about 5:45/km and a Sunday long run, heart rate around 140-150,
cadence about 164-168 steps a minute, all in one pair of shoes ("{SHOE}").
In week 10 (from 2026-11-02) she adds a fifth run, a tempo run and her
longest run yet: the week's distance jumps by about 45%. About a week later
a dull ache starts on the outside of the right hip. It builds up gradually
over 12 days, is worse lying on that side and on stairs, and pressing the
bony point at the side of the hip hurts. No fever, no swelling, no night
pain, no numbness. The shoes pass 650 km in the last week.

A first bout of gluteal tendon pain within weeks of a jump in load is a
reactive tendon that settles when the load is cut (Cook and Purdam 2009;
the LEAP trial's education and loading), so runhip advises her a change of
training, not a physiotherapist, and says when to see one (pain beyond
about two weeks that does not settle, or above 5/10).

| week | Monday | runs | km |
|---|---|---|---|
""" + "\n".join(lines) + f"""

Files:
- `export_strava.zip`: a Strava bulk export: `activities.csv` (name, type,
  gear "{SHOE}"; one hand-entered strength session without a file) and
  `activities/<id>.tcx.gz`, every sixth one `.gpx.gz`;
- `files/`: three more recordings of the period as plain GPX/TCX (a run with
  a colleague, a walk, an easy run), not in the export;
- `shoes.txt`: the pair's distance before the recordings ({before} km, so it
  ends at about {SHOE_END_KM:.0f} km);
- `intake.txt`: her answers to the hip-pain questions (spec/intake.md);
- `diary.txt`: her diary of weeks 10-12 as runhip commands.
""")


if __name__ == "__main__":
    main()
