# Every global name the library defines starts with rh_ (issue 15): a
# program that links librunhip.a may define its own `field` or `put`. The
# library next to the program under test is read with nm; the sanitizers'
# own symbols (__asan_*, __odr_asan.*, __ubsan_*) are left aside.
. tests/cli/lib.sh
LIB="$(dirname "$RUNHIP")/librunhip.a"

t every_global_symbol_of_the_library_starts_with_rh
if ! command -v nm >/dev/null 2>&1; then
    no "nm is not installed (binutils)"
elif [ ! -f "$LIB" ]; then
    no "no library at $LIB"
else
    nm -A -g --defined-only "$LIB" >"$T/nm" 2>"$T/err" || no "nm failed: $(head -c 300 "$T/err")"
    [ -s "$T/nm" ] || no "nm listed nothing"
    grep -q ' T rh_store_open$' "$T/nm" || no "nm output not understood (no rh_store_open)"
    awk 'NF == 3 && $3 !~ /^rh_/ && $3 !~ /^__(asan|odr_asan|ubsan|sancov)/ {
             n = split($1, p, ":"); print p[n - 1] ": " $3 }' "$T/nm" >"$T/bad"
    if [ -s "$T/bad" ]; then
        no "global names without the rh_ prefix (make them static, or name them rh_ / rh__; src/server/server_int.h maps the web app's): $(tr '\n' ' ' <"$T/bad" | head -c 600)"
    fi
fi

end
