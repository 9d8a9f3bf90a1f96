#!/bin/sh
# The seed corpora of fuzz target $1 for `make fuzz`, one a line: the
# entries of fuzz/$1.seeds with @SHARED@ replaced by $2. A folder is given
# as it is. A file is a list of notes (tests/notes/*.txt: lines
# "EXPECT | CONTEXT | NOTE", # comments): its notes are written one a file
# into build/fuzz/seeds/$1/ and that folder is given (once). "files:GLOB"
# copies the files GLOB matches (not folders: libFuzzer reads a folder and
# all below it) into that folder too, e.g. one folder's own files only.
set -eu
t=$1
shared=$2
[ -f "fuzz/$t.seeds" ] || exit 0
out=build/fuzz/seeds/$t
split=0
for s in $(sed "s|@SHARED@|$shared|g" "fuzz/$t.seeds"); do
    if [ "${s#files:}" != "$s" ]; then
        [ "$split" = 1 ] || { rm -rf "$out"; mkdir -p "$out"; split=1; }
        for f in ${s#files:}; do
            [ -f "$f" ] && cp "$f" "$out/"
        done
    elif [ -d "$s" ]; then
        echo "$s"
    elif [ -f "$s" ]; then
        [ "$split" = 1 ] || { rm -rf "$out"; mkdir -p "$out"; split=1; }
        # the note: what follows the second " | "; "/" in a name is "_"
        awk -v dir="$out" -v name="$(echo "$s" | tr / _)" '
            /^#/ || !/[^ \t]/ { next }
            { n = index($0, " | "); if (!n) next; rest = substr($0, n + 3)
              n = index(rest, " | "); if (!n) next; note = substr(rest, n + 3)
              f = sprintf("%s/%s_%04d", dir, name, NR); printf "%s", note > f; close(f) }' "$s"
    else
        echo "fuzz/$t.seeds: no $s" >&2
        exit 1
    fi
done
[ "$split" = 0 ] || echo "$out"
