# Hostile exports, made from the corpus files read in place (session 21
# audit): a tar.gz and a tar of a mixed export with nested folders (the same
# outing in two formats counted once), a cut archive said once, a failure
# that leaves the database as it was.
. tests/cli/lib.sh
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:exitcode=86"
C="$RH_SHARED/corpus"
[ -d "$C/fit" ] || { echo "no corpus at $C"; exit 1; }
I() { timeout 300 "$RUNHIP" "$@"; }
# the export: a FIT and the TCX of the same 10 km race in nested folders,
# two services' GPX of one outing (one gzip-compressed), an SML and a note
MEMBERS="fit/gc_10kUNLP2014-Garmin15.fit tcx/gc_10kUNLP2014-Garmin15.tcx
 gpx/sportslib_movescount.gpx gpx/sportslib_sports-tracker.gpx suunto/handmade_ambit3_run.sml"

t tar_gz_export_with_nested_folders_counts_each_outing_once
# tar reads the corpus in place; the archive holds its folders (fit/, tcx/...)
tar czf "$T/export.tar.gz" -C "$C" $MEMBERS README.md
expect 0 I --db "$T/tgz.db" import "$T/export.tar.gz"
has "imported 3, duplicates 2" "$T/out"
has "not activity files 1" "$T/out"
expect 0 I --db "$T/tgz.db" activities --json
[ "$(wc -l <"$T/out")" = 3 ] || no "expected 3 activities, got $(wc -l <"$T/out")"
has '"file":"'"$T"'/export.tar.gz!fit/gc_10kUNLP2014-Garmin15.fit"' "$T/out"
has '"total_distance_m":10010.82' "$T/out"
# the same again: all duplicates, nothing new
expect 0 I --db "$T/tgz.db" import "$T/export.tar.gz"
has "imported 0, duplicates 5" "$T/out"

t plain_tar_and_tgz_alike
tar cf "$T/export.tar" -C "$C" $MEMBERS
expect 0 I --db "$T/tar.db" import "$T/export.tar"
has "imported 3, duplicates 2" "$T/out"
cp "$T/export.tar.gz" "$T/export.tgz" 2>/dev/null || tar czf "$T/export.tgz" -C "$C" $MEMBERS
expect 0 I inspect --json "$T/export.tgz"
[ "$(wc -l <"$T/out")" = 5 ] || no "inspect of the tgz gave $(wc -l <"$T/out") activities"

t gzip_of_one_file_is_not_taken_for_a_tar
expect 0 I --db "$T/gz.db" import "$C/fit/gc_14582164182.fit.gz"
has "imported 1, duplicates 0, failed 0" "$T/out"

t cut_archive_said_once_with_its_reason
head -c 13 "$C/export/strava_export_dev.zip" >"$T/cut.zip"
expect 1 I --db "$T/cut.db" import "$T/cut.zip"
has "failed 1" "$T/out"
hasnt "is empty" "$T/err"
head -c 5000 "$C/export/strava_export_dev.zip" >"$T/cut2.zip"
expect 1 I --db "$T/cut.db" import "$T/cut2.zip"
has "the archive is cut off or damaged at this file" "$T/err"

t cut_gzip_keeps_what_inflated_as_a_cut_file_does
# an interrupted download of a Strava .fit.gz: before, "the gzip data is
# truncated" and nothing; now the cut FIT's clean part, with its warning
sz=$(wc -c <"$C/fit/gc_14582164182.fit.gz")
head -c $((sz / 2)) "$C/fit/gc_14582164182.fit.gz" >"$T/cut.fit.gz"
expect 0 I --db "$T/cgz.db" import "$T/cut.fit.gz"
has "imported 1, duplicates 0, failed 0" "$T/out"
has "warning: the file is cut off before its end: the recording stops" "$T/err"
# the whole file afterwards replaces the cut copy
expect 0 I --db "$T/cgz.db" import "$C/fit/gc_14582164182.fit.gz"
has "replaced a poorer copy" "$T/out"
head -c 10 "$C/fit/gc_14582164182.fit.gz" >"$T/cut10.fit.gz"
expect 1 I --db "$T/cgz.db" import "$T/cut10.fit.gz"
has "the compressed (gzip) file is cut off before anything in it could be unpacked" "$T/err"

t failure_leaves_the_database_unchanged
expect 0 I --db "$T/keep.db" import "$C/gpx/togeojson_run.gpx"
before=$(I --db "$T/keep.db" activities --json | md5sum)
: >"$T/empty.fit"
head -c 150 "$C/fit/gc_10kUNLP2014-Garmin15.fit" >"$T/cut.fit"
grep -v '<time>' "$C/gpx/togeojson_run.gpx" >"$T/notimes.gpx"
for f in "$T/empty.fit" "$T/cut.fit" "$T/notimes.gpx" "$C/bad/gpsbabel_course.tcx" \
    "$C/bad/muktihari_valid_only_contain_fileid.fit" "$C/bad/gc_MetadataOnly.gpx"; do
    expect 1 I --db "$T/keep.db" import "$f"
    [ -s "$T/err" ] || no "$f: failed without a reason"
    after=$(I --db "$T/keep.db" activities --json | md5sum)
    [ "$before" = "$after" ] || no "$f changed the database"
done


t several_outings_in_one_tcx_or_gpx_are_one_activity_each
# built from corpus files read in place: a TCX of two Activities (a 2014 run,
# a 2013 ride), a GPX of two tracks (a 2017 run, a 2019 ride), a GPX of one
# run cut into two tracks a few seconds apart (one outing: not split)
tcx_acts() { sed -n '/<Activity /,/<\/Activity>/p' "$1"; }
{ sed -n '1,/<Activities>/p' "$C/tcx/sportslib_garmin.tcx"
  tcx_acts "$C/tcx/sportslib_garmin.tcx"; tcx_acts "$C/tcx/gpsbabel_kona2013.tcx"
  echo '</Activities></TrainingCenterDatabase>'; } >"$T/two.tcx"
gpx_trk() { sed -n '/<trk>/,/<\/trk>/p' "$1"; }
{ sed -n '1,/<\/metadata>/p' "$C/gpx/sportslib_20171008_run_2067489619.gpx"
  gpx_trk "$C/gpx/sportslib_20171008_run_2067489619.gpx"
  gpx_trk "$C/gpx/sportslib_20190929_ride_4108490848.gpx"; echo '</gpx>'; } >"$T/two.gpx"
# togeojson_run.gpx with its one track closed and reopened after its 40th point
awk '/<\/trkpt>/ { n++ } { print } n == 40 && /<\/trkpt>/ { print "</trkseg></trk><trk><trkseg>" }' \
    "$C/gpx/togeojson_run.gpx" >"$T/paused.gpx"
expect 0 I inspect --json "$C/tcx/sportslib_garmin.tcx" "$C/tcx/gpsbabel_kona2013.tcx" \
    "$C/gpx/sportslib_20171008_run_2067489619.gpx" "$C/gpx/sportslib_20190929_ride_4108490848.gpx" \
    "$C/gpx/togeojson_run.gpx"
sed -e 's/"file":"[^"]*",//' -e 's/"content_hash":"[^"]*",//' "$T/out" >"$T/alone"
expect 0 I inspect --json "$T/two.tcx" "$T/two.gpx" "$T/paused.gpx"
[ "$(wc -l <"$T/out")" = 5 ] || no "expected 2 + 2 + 1 activities, got $(wc -l <"$T/out")"
sed -e 's/"file":"[^"]*",//' -e 's/"content_hash":"[^"]*",//' "$T/out" >"$T/split"
# each outing as its own file gives it: sport, start, distance, duration
for k in 1 2 3 4; do
    for key in sport start_time_utc total_distance_m total_elapsed_s total_timer_s; do
        a=$(sed -n "${k}p" "$T/alone" | grep -o "\"$key\":[^,]*")
        b=$(sed -n "${k}p" "$T/split" | grep -o "\"$key\":[^,]*")
        [ -n "$a" ] && [ "$a" = "$b" ] || no "outing $k: $key $b, alone $a"
    done
done
# the paused run is one activity from the first point to the last, as the
# same run cut into two segments of one track (no distance over the cut)
awk '/<\/trkpt>/ { n++ } { print } n == 40 && /<\/trkpt>/ { print "</trkseg><trkseg>" }' \
    "$C/gpx/togeojson_run.gpx" >"$T/segs.gpx"
expect 0 I inspect --json "$T/segs.gpx"
sed -e 's/"file":"[^"]*",//' -e 's/"content_hash":"[^"]*",//' "$T/out" >"$T/alone"
for key in sport start_time_utc total_distance_m total_elapsed_s; do
    a=$(sed -n 1p "$T/alone" | grep -o "\"$key\":[^,]*")
    b=$(sed -n 5p "$T/split" | grep -o "\"$key\":[^,]*")
    [ -n "$a" ] && [ "$a" = "$b" ] || no "paused run: $key $b, whole $a"
done
expect 0 I --db "$T/outings.db" import "$T/two.tcx" "$T/two.gpx" "$T/paused.gpx"
has "imported 5, duplicates 0, failed 0" "$T/out"
# a second import finds each outing once, as a duplicate
expect 0 I --db "$T/outings.db" import "$T/two.tcx" "$T/two.gpx" "$T/paused.gpx"
has "imported 0, duplicates 5, failed 0" "$T/out"
expect 0 I --db "$T/outings.db" activities --json
[ "$(wc -l <"$T/out")" = 5 ] || no "expected 5 stored activities, got $(wc -l <"$T/out")"
rm -f "$T/two.tcx" "$T/two.gpx" "$T/paused.gpx" "$T/segs.gpx" "$T/alone" "$T/split" "$T/outings.db"*

end
