# The folder walk ends on any tree and touches only what it should; import's
# faults have one exit code each (issue 15).
. tests/cli/lib.sh
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:exitcode=86"
RUN=samples/demo/files/2026-09-16_running.gpx
[ -f "$RUN" ] || { echo "no sample run"; exit 1; }
# the import must end within a generous bound even on a loaded machine
I() { timeout 300 "$RUNHIP" "$@"; }

t two_symlink_loops_end_and_each_file_is_read_once
mkdir -p "$T/loops/sub"
cp "$RUN" "$T/loops/sub/run.gpx"
ln -s . "$T/loops/a"
ln -s . "$T/loops/b"
ln -s .. "$T/loops/sub/up"
expect 0 I --db "$T/l.db" import "$T/loops"
has "imported 1, duplicates 0, failed 0" "$T/out"
[ ! -s "$T/err" ] || no "messages: $(head -c 300 "$T/err")"
expect 0 I inspect --json "$T/loops"
[ "$(wc -l <"$T/out")" = 1 ] || no "inspect read the file $(wc -l <"$T/out") times"

t link_out_of_the_tree_not_followed
mkdir -p "$T/out_tree/in" "$T/elsewhere"
cp "$RUN" "$T/elsewhere/other.gpx"
ln -s / "$T/out_tree/in/root"
ln -s "$T/elsewhere" "$T/out_tree/in/away"
cp "$RUN" "$T/out_tree/in/run.gpx"
expect 0 I inspect --json "$T/out_tree"
[ "$(wc -l <"$T/out")" = 1 ] || no "followed a link out of the tree: $(cut -c1-200 "$T/out")"
hasnt "other.gpx" "$T/out"
# a link given by name is the runner's choice: followed
expect 0 I inspect --json "$T/out_tree/in/away"
has "other.gpx" "$T/out"

t special_files_skipped_never_opened
mkdir -p "$T/special"
mkfifo "$T/special/pipe.gpx"
cp "$RUN" "$T/special/run.gpx"
expect 0 I inspect --json "$T/special"
[ "$(wc -l <"$T/out")" = 1 ] || no "expected one activity"
expect 1 I inspect "$T/special/pipe.gpx"
has "not a file or folder runhip can read" "$T/err"

t folder_holding_the_database_imports
mkdir -p "$T/home"
cp "$RUN" "$T/home/run.gpx"
expect 0 I --db "$T/home/runhip.db" import "$T/home"
has "imported 1, duplicates 0, failed 0" "$T/out"
hasnt "not activity files" "$T/out"
expect 0 I --db "$T/home/runhip.db" import "$T/home"
has "imported 0, duplicates 1, failed 0" "$T/out"
[ ! -s "$T/err" ] || no "messages: $(head -c 300 "$T/err")"

t empty_notes_in_a_folder_skipped
mkdir -p "$T/notes"
cp "$RUN" "$T/notes/run.gpx"
: >"$T/notes/notes.txt"
printf 'shoes: pegasus\n' >"$T/notes/todo.txt"
expect 0 I --db "$T/n.db" import "$T/notes"
has "imported 1, duplicates 0, failed 0, not activity files 2" "$T/out"

t empty_zip_says_so
printf 'PK\005\006\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' >"$T/empty.zip"
expect 1 I --db "$T/z.db" import "$T/empty.zip"
has "empty.zip: the zip archive is empty" "$T/err"
has "failed 1" "$T/out"

t zip_bytes_counted_once
size=$(wc -c <samples/demo/export_strava.zip)
expect 0 I --db "$T/zb.db" import samples/demo/export_strava.zip
mb=$(awk -v s="$size" 'BEGIN { printf "(%.1f MB in", s / 1e6 }')
has "$mb" "$T/out"

t file_over_the_limit_named_in_plain_words
truncate -s 300M "$T/huge.fit"
expect 1 I --db "$T/h.db" import "$T/huge.fit"
has "huge.fit: the file is larger than 256 MB" "$T/err"
rm -f "$T/huge.fit"

t missing_input_is_exit_1_everywhere
expect 1 I --db "$T/m.db" import "$T/nothing.fit"
has "nothing.fit: there is no such file or folder" "$T/err"
expect 1 I inspect "$T/nothing.fit"
has "nothing.fit: there is no such file or folder" "$T/err"
expect 1 I --db "$T/m.db" assess --in "$T/nothing.txt"
has "nothing.txt" "$T/err"

end
