# make install: program, library, headers, pkg-config file, man page and the
# demo's samples, into a temporary prefix; a program built against the
# installed library with pkg-config; the installed demo run from elsewhere.
. tests/cli/lib.sh

P="$T/prefix"
t install_into_a_prefix
make -s install PREFIX="$P" >"$T/make.out" 2>&1 || no "make install failed: $(tail -5 "$T/make.out")"
for f in bin/runhip lib/librunhip.a lib/pkgconfig/runhip.pc include/runhip/store.h \
         include/runhip/assess.h share/man/man1/runhip.1 share/runhip/demo/intake.txt; do
    [ -e "$P/$f" ] || no "missing $f"
done
head -n 1 "$P/share/man/man1/runhip.1" | grep -q '^\.TH RUNHIP 1' || no "man page has no .TH line"
grep -q '^\.SS assess' "$P/share/man/man1/runhip.1" || no "man page lacks the assess command"

t build_against_installed_library
cat >"$T/use.c" <<'CEOF'
#include <runhip/assess.h>
#include <stdio.h>
int main(void)
{
    struct rh_intake in;
    struct rh_assessment a;
    rh_intake_init(&in);
    in.has_signs = true;
    in.signs = RH_BIT(RH_SIGN_CANNOT_BEAR_WEIGHT);
    if (rh_assess(&in, &a, NULL) != 0)
        return 1;
    printf("%d\n", (int)a.disposition == (int)RH_DISP_URGENT);
    return 0;
}
CEOF
PKG_CONFIG_PATH="$P/lib/pkgconfig" cc -std=c11 "$T/use.c" -o "$T/use" \
    $(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --cflags --libs runhip) 2>"$T/cc.err" ||
    no "cannot build against the installed library: $(head -5 "$T/cc.err")"
[ -x "$T/use" ] && [ "$("$T/use")" = 1 ] || no "installed library did not flag cannot_bear_weight as urgent"

t installed_demo_runs_from_another_folder
(cd "$T" && "$P/bin/runhip" demo >"$T/demo.out" 2>&1) || no "installed demo failed: $(tail -5 "$T/demo.out")"
grep -q "Recovery and return-to-run plan" "$T/demo.out" || no "installed demo did not reach the plan"

end
