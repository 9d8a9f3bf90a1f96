#!/bin/sh
# Installs what runhip needs to build and test on Debian, and nothing more.
# Run as root it calls apt-get; otherwise it prints the one command to run.
# Quiet when everything is already there. The end-to-end tests of the web
# app need Debian's Chromium and Node.js with npm; playwright-core (pinned in
# tests/e2e/package-lock.json) comes from npm into tests/e2e/node_modules,
# and no browser is downloaded. wrk is for the web app's load test (bench/).
set -u
cd "$(dirname "$0")/.." || exit 1
PKGS="build-essential pkg-config libsqlite3-dev libexpat1-dev zlib1g-dev libarchive-dev libmicrohttpd-dev libjansson-dev sqlite3 python3 python3-icalendar tzdata chromium poppler-utils nodejs wrk"
missing=0
for pc in sqlite3 expat zlib libarchive libmicrohttpd jansson; do
    pkg-config --exists "$pc" 2>/dev/null || missing=1
done
command -v cc >/dev/null 2>&1 || missing=1
command -v pkg-config >/dev/null 2>&1 || missing=1
command -v sqlite3 >/dev/null 2>&1 || missing=1
[ -f /usr/share/zoneinfo/America/Los_Angeles ] || missing=1 # local days: the tz database
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || missing=1 # tests: the plan's .ics in a real calendar parser
[ -x /usr/bin/chromium ] || missing=1 # tests: the web app end to end, the report printed to PDF
command -v pdftoppm >/dev/null 2>&1 || missing=1 # tests: the report's pages (poppler-utils)
command -v node >/dev/null 2>&1 || missing=1
command -v npm >/dev/null 2>&1 || missing=1
command -v wrk >/dev/null 2>&1 || missing=1 # bench: the web app under load
e2e_missing=0
[ -f tests/e2e/node_modules/playwright-core/package.json ] || e2e_missing=1
[ "$missing" = 0 ] && [ "$e2e_missing" = 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    if [ "$missing" = 1 ]; then
        echo "runhip: installing build dependencies with apt-get" >&2
        apt-get update -qq >/dev/null &&
            apt-get install -y -qq --no-install-recommends $PKGS >/dev/null || exit 1
        # Debian's nodejs comes without npm (a separate package); a nodejs
        # that carries its own npm must not get Debian's on top
        if ! command -v npm >/dev/null 2>&1; then
            apt-get install -y -qq --no-install-recommends npm >/dev/null || exit 1
        fi
    fi
    echo "runhip: installing the end-to-end test tools with npm ci (tests/e2e)" >&2
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || exit 1
    exit 0
fi
echo "runhip: missing build dependencies; run:" >&2
echo "  sudo apt-get install -y $PKGS npm" >&2
echo "  (cd tests/e2e && npm ci)" >&2
exit 1
