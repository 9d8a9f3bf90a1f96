#!/bin/sh
# Installs what runhip needs to build and test on Debian, and nothing more.
# Run as root it calls apt-get; otherwise it prints the one command to run.
# Quiet when everything is already there.
set -u
PKGS="build-essential pkg-config libsqlite3-dev libexpat1-dev zlib1g-dev libarchive-dev libmicrohttpd-dev libjansson-dev sqlite3 python3 python3-icalendar tzdata chromium poppler-utils"
missing=0
for pc in sqlite3 expat zlib libarchive libmicrohttpd jansson; do
    pkg-config --exists "$pc" 2>/dev/null || missing=1
done
command -v cc >/dev/null 2>&1 || missing=1
command -v pkg-config >/dev/null 2>&1 || missing=1
command -v sqlite3 >/dev/null 2>&1 || missing=1
[ -f /usr/share/zoneinfo/America/Los_Angeles ] || missing=1 # local days: the tz database
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || missing=1 # tests: the plan's .ics in a real calendar parser
command -v chromium >/dev/null 2>&1 || missing=1 # tests: the hand-off report printed to PDF
command -v pdftoppm >/dev/null 2>&1 || missing=1 # tests: its pages (poppler-utils)
[ "$missing" = 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "runhip: installing build dependencies with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $PKGS >/dev/null
    exit $?
fi
echo "runhip: missing build dependencies; run:" >&2
echo "  sudo apt-get install -y $PKGS" >&2
exit 1
