# The web app end to end in Debian's Chromium (tests/e2e/run.mjs, driven by
# playwright-core from tests/e2e/node_modules; `make deps` installs both).
# Screenshots go to $RH_SCREENSHOTS when set, else nowhere (a temporary
# folder the test removes). Bounded: the whole run gets 240 s.
set -u
: "${RUNHIP:=build/san/runhip}"
: "${RH_SHARED:=../shared}"
if [ ! -x /usr/bin/chromium ] || ! command -v node >/dev/null 2>&1 ||
    [ ! -f tests/e2e/node_modules/playwright-core/package.json ]; then
    echo "FAIL e2e: Chromium, Node.js or playwright-core is missing: run 'make deps' as root"
    echo "0 passed, 1 failed"
    exit 1
fi
RUNHIP="$RUNHIP" RH_SHARED="$RH_SHARED" timeout 240 node tests/e2e/run.mjs
