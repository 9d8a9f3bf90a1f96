#!/bin/bash
# tools/capture.sh BIN OUT: what a runner reads, to prove a change of words
# byte-identical (words21): the terminal's commands on several databases
# (empty, a diary without assessment, 5 assessed with the demo's runs and
# diary), every web page GET, the questionnaire walked page by page with bad
# answers, its JSON API's moves, diary and check-in POSTs, refused requests
# and runhip demo, each answer in a file of OUT (the safety token, the
# access token, done= ids and timings normalised). Run it from the source
# tree with two builds and compare:
#   tools/capture.sh /tmp/old/runhip /tmp/cap.old; tools/capture.sh build/rel/runhip /tmp/cap.new
#   diff -r -I ' in [0-9.]* s)' /tmp/cap.old /tmp/cap.new
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); OUT=$2; SRC=$PWD
rm -rf "$OUT"; mkdir -p "$OUT"; W=$(mktemp -d "${TMPDIR:-/tmp}/rh-capture.XXXXXX")
TODAY=2026-11-23
n=0
cli() { # name db args...
  local name=$1 db=$2; shift 2; n=$((n+1))
  ( cd $SRC && "$BIN" --db "$db" --today $TODAY "$@" ) >"$OUT/$(printf %03d $n)_cli_$name" 2>&1 </dev/null | sed "s/ in [0-9.]* s)/ in T s)/"
  echo "exit $?" >>"$OUT/$(printf %03d $n)_cli_$name"
}
PORT=; PID=; CSRF=
start() { : >$W/srv.out; "$BIN" --db "$1" --today $TODAY serve --port 0 >$W/srv.out 2>&1 & PID=$!
  for i in $(seq 100); do grep -q http:// $W/srv.out && break; sleep 0.1; done
  PORT=$(grep -o '127.0.0.1:[0-9]*' $W/srv.out | head -1 | cut -d: -f2)
  CSRF=$(curl -s http://127.0.0.1:$PORT/diary | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'); }
stop() { kill $PID; wait $PID 2>/dev/null; }
norm() { sed "s/ in [0-9.]* s)/ in T s)/; s/$CSRF/CSRF/g; s/done=[0-9a-f]*/done=X/g; s/DTSTAMP:[0-9TZ]*/DTSTAMP:X/"; }
get() { # name path
  n=$((n+1)); curl -s -i "http://127.0.0.1:$PORT$2" | grep -v '^Date:' | norm >"$OUT/$(printf %03d $n)_get_$1"; }
post() { # name path data...
  local name=$1 path=$2; shift 2; n=$((n+1))
  local args=(); for d in "$@"; do args+=(--data-urlencode "$d"); done
  curl -s -i -L "http://127.0.0.1:$PORT$path" --data-urlencode "csrf=$CSRF" "${args[@]}" | grep -v '^Date:' | norm >"$OUT/$(printf %03d $n)_post_$name"; }
pages() { for p in / /questionnaire /diary /checkin /plan /assessment /training /import /profile /shoes /report /plan.ics /api/ /api/assessment /api/plan /api/diary /api/checkin /api/questionnaire /api/load /nowhere; do get "$1$(echo $p | tr / _)" "$p"; done; }
quest_posts() { # walk the questionnaire form: errors, pick, back, stop
  local page; page=$(curl -s http://127.0.0.1:$PORT/questionnaire)
  local at; at=$(echo "$page" | grep -o 'name="at" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  local names; names=$(echo "$page" | grep -o 'name="a_[^"]*"' | sort -u | sed 's/name="//;s/"//')
  local bad=(); for a in $names; do bad+=("$a=zzz-not-an-answer"); done
  post "$1_q_bad" /questionnaire "at=$at" go=next "${bad[@]}"
  local pick; pick=$(echo "$page" | grep -o 'name="pick" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  [ -n "$pick" ] && post "$1_q_pick" /questionnaire "at=$at" "pick=$pick"
  post "$1_q_next_empty" /questionnaire "at=$at" go=next
  post "$1_q_restart0" /questionnaire go=restart
  post "$1_q_first" /questionnaire "at=$at" go=next a_age=38 a_sex=female a_side=right
  get "$1_q_page2" /questionnaire
  get "$1_q_page2on" "/questionnaire?on=1"
  post "$1_q_back" /questionnaire go=back
  post "$1_q_stop" /questionnaire go=stop
  post "$1_q_restart1" /questionnaire go=restart
  post "$1_api_first" /api/questionnaire go=back
  post "$1_q_one" /questionnaire "at=$at" go=next a_age=38
  post "$1_q_stop1" /questionnaire go=stop
  post "$1_q_save_early" /questionnaire go=save
  get "$1_q_resumed" /questionnaire
  # API
  post "$1_api_skip" /api/questionnaire go=skip
  post "$1_api_back" /api/questionnaire go=back
  post "$1_api_back2" /api/questionnaire go=back
  post "$1_api_bad" /api/questionnaire go=what
  post "$1_api_answer_empty" /api/questionnaire go=answer
  post "$1_api_answer_bad" /api/questionnaire go=answer answer=zzz
  post "$1_api_urgent" /api/questionnaire go=urgent
  post "$1_api_save" /api/questionnaire go=save
  post "$1_api_stale" /api/questionnaire go=skip at=nope
  for i in $(seq 300); do curl -s http://127.0.0.1:$PORT/api/questionnaire --data-urlencode "csrf=$CSRF" -d go=skip | grep -q '"state":"asking"' || break; done
  post "$1_api_skip_end" /api/questionnaire go=skip
  get "$1_q_at_end" /questionnaire
  for i in $(seq 40); do
    local a; a=$(curl -s http://127.0.0.1:$PORT/questionnaire | grep -o 'name="at" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
    [ -z "$a" ] && break
    curl -s http://127.0.0.1:$PORT/questionnaire | norm >"$OUT/$(printf %03d $n)_walk_$1_$i"
    local nm; nm=$(curl -s http://127.0.0.1:$PORT/questionnaire | grep -o 'name="a_[^"]*"' | sort -u | sed 's/name="//;s/"//')
    local bd=(); for x in $nm; do bd+=("$x=zzz"); done
    post "$1_walk_bad_$i" /questionnaire "at=$a" go=next "${bd[@]}"
    local one; one=$(echo "$nm" | head -1)
    [ -n "$one" ] && post "$1_walk_bad1_$i" /questionnaire "at=$a" go=next "$one=zzz"
    [ -n "$one" ] && post "$1_walk_big_$i" /questionnaire "at=$a" go=next "$one=999"
    curl -s -o $W/qnext -w '%{http_code}' http://127.0.0.1:$PORT/questionnaire --data-urlencode "csrf=$CSRF" --data-urlencode "at=$a" -d go=next >$W/qcode
    [ "$(cat $W/qcode)" = 303 ] || break
  done
  n=$((n+1)); norm <$W/qnext >"$OUT/$(printf %03d $n)_post_$1_q_thin"
  get "$1_q_at_end2" /questionnaire
  post "$1_q_save" /questionnaire go=save
  post "$1_api_answer_done" /api/questionnaire go=answer answer=3
  post "$1_api_restart" /api/questionnaire go=restart
  post "$1_q_restart" /questionnaire go=restart
}
diary_posts() {
  post "$1_d_none" /diary
  post "$1_d_badwhat" /diary what=nothing
  post "$1_d_pain_bad" /diary what=pain pain_now=11
  post "$1_d_pain_future" /diary what=pain pain_now=2 date=2030-01-01
  post "$1_d_pain_badday" /diary what=pain pain_now=2 date=2026-02-30
  post "$1_d_pain_during_bad" /diary what=pain pain_now=2 during_run=12
  post "$1_d_pain_morning_bad" /diary what=pain pain_now=2 next_morning=x
  post "$1_d_pain_badsign" /diary what=pain pain_now=2 sign=nosuch
  post "$1_d_rise1" /diary what=pain pain_now=2 during_run=2 next_morning=2 date=2026-11-14
  post "$1_d_rise2" /diary what=pain pain_now=4 during_run=4 next_morning=4 date=2026-11-15
  post "$1_d_rise3" /diary what=pain pain_now=6 during_run=7 next_morning=6 date=2026-11-16
  post "$1_d_cleared_early" /diary what=cleared
  post "$1_d_att1" /diary what=pain pain_now=3 during_run=4 date=2026-11-19
  post "$1_d_att2" /diary what=pain pain_now=2 next_morning=2 date=2026-11-20
  post "$1_d_longsign" /diary what=pain pain_now=2 sign=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz
  post "$1_d_pain_ok" /diary what=pain pain_now=3 during_run=4 next_morning=3 "note=sore after the run" date=2026-11-21
  post "$1_d_pain_morning" /diary what=pain pain_now=2 next_morning=2 date=2026-11-22
  post "$1_d_pain_high" /diary what=pain pain_now=7 during_run=8 "note=sharp pain, had to stop" date=2026-11-22
  post "$1_d_pain_flag" /diary what=pain pain_now=5 sign=fever sign=limp "note=woke at night with fever" date=2026-11-23
  post "$1_d_cleared_flag" /diary what=cleared
  post "$1_d_pain_flag2" /diary what=pain pain_now=5 sign=limp date=2026-11-23
  post "$1_d_visit_flag" /diary what=visit decision=cleared
  post "$1_d_ses_bad" /diary what=session kind=nothing
  post "$1_d_ses_min" /diary what=session kind=run minutes=9999
  post "$1_d_ses_rpe" /diary what=session kind=run rpe=12
  post "$1_d_ses_km" /diary what=session kind=run km=abc
  post "$1_d_ses_ok" /diary what=session kind=run km=5.5 minutes=35 rpe=4 "note=easy treadmill"
  post "$1_d_ses_str" /diary what=session kind=strength minutes=20
  post "$1_d_visit_badweeks" /diary what=visit decision=no_running weeks=abc
  post "$1_d_visit_nodec" /diary what=visit
  post "$1_d_visit_cross" /diary what=visit decision=cross_train weeks=2 "note=Dr Smith"
  post "$1_d_visit_walk" /diary what=visit decision=walk_run
  post "$1_d_cleared" /diary what=cleared "note=physio ok"
  post "$1_d_visit_cleared" /diary what=visit decision=cleared date=2026-11-23
  post "$1_d_cleared2" /diary what=cleared
  get "$1_d_after" /diary
}
checkin_posts() {
  post "$1_c_1" /checkin q1=1
  post "$1_c_bad" /checkin q1=9
  post "$1_c_skip" /checkin q1=2 q2=skip q3=2 q4=skip "note=a bit sore"
  post "$1_c_100" /checkin q1=4 sign=limp
  get "$1_c_after" /checkin
}
all_cli() { # name db
  for c in today plan "log list" "checkin --list" profile shoes load activities; do cli "$1_$(echo $c|tr ' ' _)" "$2" $c; done
  cli "$1_report" "$2" report --html $W/$1_report.html; cat $W/$1_report.html >>"$OUT/$(printf %03d $n)_cli_$1_report" 2>/dev/null
}
# --- db 1: empty
D=$W/empty.db
all_cli empty $D
cli empty_logpain $D log pain 3 --during-run 4 --next-morning 2 --date 2026-11-22
cli empty_logpain_flag $D log pain 6 --signs fever,limp --note "night pain and fever"
cli empty_logsession $D log session run --km 5 --minutes 30
cli empty_logvisit $D log visit no_running --weeks 2
cli empty_logcleared $D log cleared
cli empty_checkin $D checkin --answers 2,2,-,3 --note "sore"
all_cli empty2 $D
D=$W/cli2.db
cli c2_session $D log session run --rpe 5 --minutes 1
cli c2_list $D log list
cli c2_att1 $D log pain 3 --during-run 4 --date 2026-11-20
cli c2_att2 $D log pain 2 --next-morning 2 --date 2026-11-21
cli c2_hold $D log pain 5 --during-run 8 --next-morning 6 --date 2026-11-22
cli c2_after $D log pain 2 --date 2026-11-23
cli c2_cleared $D log cleared
cli c2_rise1 $D log pain 3 --during-run 3 --next-morning 3 --date 2026-11-21
cli c2_list2 $D log list
D=$W/cli3.db
cli c3_a $D assess --in tests/vignettes/007_itb_classic.txt
cli c3_p $D plan
cli c3_hold $D log pain 5 --during-run 8 --next-morning 6 --date 2026-11-22
cli c3_after $D log pain 2 --date 2026-11-23
cli c3_att1 $D log pain 3 --during-run 4 --date 2026-11-21
cli c3_att2 $D log pain 2 --next-morning 2 --date 2026-11-22
D=$W/fresh.db
start $D; pages fresh;
  n=$((n+1)); curl -s -i http://127.0.0.1:$PORT/diary -d what=pain | grep -v '^Date:' >$OUT/${n}_srv_nocsrf
  n=$((n+1)); curl -s -i http://127.0.0.1:$PORT/training -d x=1 | grep -v '^Date:' >$OUT/${n}_srv_readonly
  n=$((n+1)); curl -s -i -X DELETE http://127.0.0.1:$PORT/diary | grep -v '^Date:' >$OUT/${n}_srv_delete
  n=$((n+1)); curl -s -i http://127.0.0.1:$PORT/api/load -d x=1 | grep -v '^Date:' >$OUT/${n}_srv_api_readonly
  n=$((n+1)); curl -s -i http://127.0.0.1:$PORT/api/nothing | grep -v '^Date:' >$OUT/${n}_srv_api_nf
  n=$((n+1)); head -c 300000 /dev/zero | tr '\0' a | curl -s -i http://127.0.0.1:$PORT/diary --data-binary @- | grep -v '^Date:' >$OUT/${n}_srv_big
  n=$((n+1)); head -c 300000000 /dev/zero | curl -s -i http://127.0.0.1:$PORT/import -H 'Content-Type: application/octet-stream' --data-binary @- 2>/dev/null | grep -v '^Date:' >$OUT/${n}_srv_bigup
  n=$((n+1)); curl -s -i http://127.0.0.1:$PORT/diary -H 'Host: evil.example' | grep -v '^Date:' >$OUT/${n}_srv_host
  n=$((n+1)); curl -s -i "http://127.0.0.1:$PORT/a%00b" | grep -v '^Date:' >$OUT/${n}_srv_bad
  n=$((n+1)); curl -s -i http://127.0.0.1:$PORT/app.css -d x=1 | grep -v '^Date:' >$OUT/${n}_srv_asset_post
  n=$((n+1)); curl -s -i http://127.0.0.1:$PORT/plan -X GET -H 'Content-Length: 5' --data-binary 'abcde' | grep -v '^Date:' >$OUT/${n}_srv_body
stop
"$BIN" --db $D --today $TODAY serve --port 0 --bind 0.0.0.0 >$W/srv.out 2>&1 & PID=$!
for i in $(seq 100); do grep -q http:// $W/srv.out && break; sleep 0.1; done
PORT=$(grep -o '0.0.0.0:[0-9]*' $W/srv.out | head -1 | cut -d: -f2); TOK=$(grep -o 'token=[0-9a-f]*' $W/srv.out | head -1)
  n=$((n+1)); curl -s -i http://127.0.0.1:$PORT/diary | grep -v '^Date:' >$OUT/${n}_srv_notoken
  n=$((n+1)); curl -s -i "http://127.0.0.1:$PORT/plan?$TOK" | grep -v '^Date:' | sed "s/$TOK/TOKEN/g; s/rh_token=[0-9a-f]*/rh_token=T/" >$OUT/${n}_srv_token
stop
start $D; quest_posts fresh; diary_posts fresh; checkin_posts fresh; pages fresh2; stop
# --- db 2: demo data + assessment from the demo intake
for v in samples/demo/intake.txt tests/vignettes/007_itb_classic.txt tests/vignettes/038_stress_fracture_marathoner_night.txt tests/vignettes/017_gtps_side_lying.txt tests/vignettes/003_iliopsoas_few_answers.txt; do
  k=$(basename $v .txt); D=$W/$k.db
  cli ${k}_import $D import samples/demo/export_strava.zip
  cli ${k}_assess $D assess --in $v
  cli ${k}_assess_json $D assess --in $v --json
  cli ${k}_plan $D plan --runs-a-week 3
  while read -r line; do case "$line" in \#*|"") continue;; esac; eval "cli ${k}_diary $D $line"; done < $SRC/samples/demo/diary.txt
  cli ${k}_logpain $D log pain 3 --during-run 4 --next-morning 3
  cli ${k}_logpain_morning $D log pain 2 --next-morning 2
  cli ${k}_logpain_high $D log pain 7 --during-run 8 --note "sharp pain, stopped"
  cli ${k}_logsession $D log session strength --minutes 20
  cli ${k}_checkin $D checkin --answers 3,2,2,3 --signs none --note "a bit sore on stairs"
  all_cli $k $D
  start $D; pages $k; diary_posts $k; checkin_posts $k; quest_posts $k; pages ${k}_2; stop
  cli ${k}_logvisit $D log visit cross_train --weeks 3 --note "physio"
  cli ${k}_logcleared $D log cleared --note ok
  all_cli ${k}_3 $D
done
# --- words22: the commands whose words moved to data/wording.txt [cli_*]:
# their replies and errors, on the command line and on a pseudo-terminal
# (script(1), echo off, the input typed after the program started)
tty() { # name db input args...
  local name=$1 db=$2 input=$3; shift 3; n=$((n+1))
  local cmd; cmd=$(printf '%q ' "$BIN" --db "$db" --today $TODAY "$@")
  ( sleep 1; printf "$input" ) | ( cd $SRC && timeout 60 script -qec "stty -echo; $cmd" /dev/null ) 2>&1 | tr -d '\r' >"$OUT/$(printf %03d $n)_tty_$name"
  echo "exit ${PIPESTATUS[1]}" >>"$OUT/$(printf %03d $n)_tty_$name"
}
D=$W/w22.db
cli w22_today_none $D today
cli w22_today_arg $D today extra
cli w22_plan_none $D plan
cli w22_plan_badruns $D plan --runs-a-week 9
cli w22_plan_badruns2 $D plan --runs-a-week x
cli w22_plan_arg $D plan extra
cli w22_ck_list_none $D checkin --list
cli w22_ck_empty $D checkin --answers ,
cli w22_ck_many $D checkin --answers 1,2,3,4,1
cli w22_ck_skipfirst $D checkin --answers -,2
cli w22_ck_badnum $D checkin --answers 2,9
cli w22_ck_contra $D checkin --answers 1,2,1,1
cli w22_ck_long $D checkin --answers 1111111111111111111111111111111111111111111111111111111111111111111
cli w22_ck_future $D checkin --answers 2,2,2,2 --date 2030-01-01
cli w22_ck_baddate $D checkin --answers 2,2,2,2 --date 2026-02-30
cli w22_ck_badsign $D checkin --answers 2,2,2,2 --signs nosuch
cli w22_ck_arg $D checkin extra
cli w22_ck_notty $D checkin
cli w22_ck_one $D checkin --answers 1 --date 2026-11-02
cli w22_ck_skip1 $D checkin --answers 2,2,-,3 --date 2026-11-09
cli w22_ck_skip2 $D checkin --answers 3,-,-,2 --date 2026-11-16
cli w22_ck_full $D checkin --answers 4 --signs fever,limp --note "night pain and fever"
cli w22_ck_json $D checkin --answers 2,3,2,2 --json
cli w22_ck_replace $D checkin --answers 2,2,2,2
cli w22_ck_list $D checkin --list
cli w22_ck_list_json $D checkin --list --json
tty w22_ck_tty $D '\n\nb\n' checkin
tty w22_ck_tty2 $D 'b\nx\n3\nb\n2\n\n3\n1\nzzz\n1,6\nsore on stairs\n' checkin --date 2026-11-20
tty w22_ck_tty_q $D '2\nq\n' checkin
tty w22_ck_tty_signs_q $D '1\nq\n' checkin
tty w22_ck_tty_eof $D '2\n' checkin
cli w22_as_arg $D assess extra
cli w22_as_nofile $D assess --in $W/nosuch.txt
cli w22_as_notty $D assess
head -c 1100000 /dev/zero | tr '\0' 'a' >$W/big.txt
cli w22_as_big $D assess --in $W/big.txt
printf 'age: abc\n' >$W/bad.txt
cli w22_as_bad $D assess --in $W/bad.txt
cli w22_as_stdin $D assess --in - --json
tty w22_q_walk $D '?\nb\nzzz\n38\n999\nfemale\nb\n\n-\nright\n0\nq\n' assess
tty w22_q_resume $D 'y\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nn\n' assess
tty w22_q_again $D 'n\n38\nq\n' assess --json
tty w22_q_urgent $D '30\nmale\nleft\n5\ny\ny\n' assess
tty w22_q_urgent_no $D 'n\n30\nmale\nleft\n7\nn\nq\n' assess
tty w22_q_yesno $D 'n\n30\nmale\nleft\n5\ny\nmaybe\nn\n' assess
cli w22_plan_flag $D plan --ics $W/flag.ics
tty w22_plan_tty $D '9\n4\n' plan
for v in tests/vignettes/037_stress_fracture_reds.txt tests/vignettes/018_gtps_burning_crossing.txt; do
  k=w22_$(basename $v .txt); [ -f "$SRC/$v" ] || continue
  cli ${k}_assess $D assess --in $v
  cli ${k}_sources $D assess --in $v --sources
  cli ${k}_json $D assess --in $v --json
  cli ${k}_plan $D plan --ics $W/$k.ics
  cli ${k}_today $D today
  cli ${k}_checkin $D checkin --answers 3,3,2,3
done
cli w22_imp_none $D import
cli w22_imp_jobs $D import --jobs 0 samples/demo
cli w22_imp_nosuch $D import $W/nosuch
printf 'junk' >$W/junk.fit
cli w22_imp_junk $D import $W/junk.fit
cli w22_imp_demo $D import samples/demo
cli w22_imp_again $D import samples/demo
cli w22_imp_zip $D import --jobs 2 samples/demo/export_strava.zip
cli w22_prof $D profile
for kv in "tz Europe/Paris" "sex female" "birth_year 1988" "rest_hr 50" "max_hr 190" "max_hr 20" "tz Nowhere/City" "colour red" "birth_year x"; do
  cli "w22_prof_set_$(echo $kv | tr ' /' '__')" $D profile set $kv
done
cli w22_prof_bad $D profile foo
cli w22_prof_short $D profile set tz
cli w22_prof2 $D profile
cli w22_shoes_none $D shoes
cli w22_shoes_add $D shoes add "Road pair" --km-before 120 --from 2026-10-01
cli w22_shoes_upd $D shoes add "Road pair" --km-before 130
cli w22_shoes_badkm $D shoes add X --km-before -3
cli w22_shoes_future $D shoes add X --from 2030-01-01
cli w22_shoes_baddate $D shoes add X --from yesterday
cli w22_shoes_verb $D shoes wash X
cli w22_shoes_noname $D shoes add
cli w22_shoes_reuse_opt $D shoes reuse X --from 2026-01-01
cli w22_shoes_arg $D shoes extra
cli w22_shoes_retire $D shoes retire "Road pair" --date 2026-11-20
cli w22_shoes_list $D shoes
cli w22_shoes_reuse $D shoes reuse "Road pair"
cli w22_shoes_reuse2 $D shoes reuse "Road pair"
cli w22_shoes_retire_unknown $D shoes retire Nope
cli w22_act $D activities
cli w22_act_sport $D activities --sport cycling
cli w22_act_badsport $D activities --sport flying
cli w22_act_badfrom $D activities --from x
cli w22_act_badto $D activities --to 2026-13-01
cli w22_act_order $D activities --from 2026-11-10 --to 2026-11-01
cli w22_act_range $D activities --from 2026-11-01 --to 2026-11-10
cli w22_act_none $D activities --from 2020-01-01 --to 2020-01-02
cli w22_act_setdel $D activities --set 1 sport=running --delete 2
cli w22_act_setbad $D activities --set 1 colour=red
cli w22_act_setbad2 $D activities --set 1
cli w22_act_setid $D activities --set x sport=running
cli w22_act_setsport $D activities --set 3 sport=cycling
cli w22_act_setshoe $D activities --set 3 "shoe=Road pair"
cli w22_act_setexcl $D activities --set 4 excluded=yes
cli w22_act_setexcl_bad $D activities --set 4 excluded=maybe
cli w22_act_del $D activities --delete 5
cli w22_act_del_bad $D activities --delete 99999
cli w22_act_arg $D activities extra
cli w22_act_after $D activities
cli w22_load $D load
cli w22_load_arg $D load extra
cli w22_load_asof $D load --as-of x
cli w22_load_future $D load --as-of 2030-01-01
cli w22_load_svgjson $D load --svg - --json
cli w22_load_svg $D load --svg $W/chart.svg --as-of 2026-11-01
cli w22_load_svgbad $D load --svg $W/nosuch/chart.svg
cli w22_load_empty $W/w22e.db load
cli w22_rep_arg $D report extra
cli w22_rep_bad $D report --html $W/nosuch/r.html
cli w22_rep $D report --html $W/w22.html
for a in "--port 99999" "--bind 999.1.1.1 --port 0" "--bind localhost --port 0" "--bind 10.0.0.1"; do
  n=$((n+1)); f="$OUT/$(printf %03d $n)_cli_w22_srv_$(echo $a | tr -c 'a-z0-9\n' _)"
  timeout 5 "$BIN" --db $D --today $TODAY serve $a 2>&1 </dev/null | sed 's/:[0-9][0-9]*\//:PORT\//' >"$f"; echo "exit ${PIPESTATUS[0]}" >>"$f"
done
start $D
  n=$((n+1)); curl -s -i http://127.0.0.1:$PORT/diary --data-urlencode "csrf=$CSRF" -d what=pain -d pain_now=2 | grep -v '^Date:' | norm >"$OUT/$(printf %03d $n)_post_w22_seeother"
  n=$((n+1)); timeout 10 "$BIN" --db $D --today $TODAY serve --port $PORT 2>&1 </dev/null | sed "s/port $PORT/port PORT/" >"$OUT/$(printf %03d $n)_cli_w22_srv_inuse"; echo "exit ${PIPESTATUS[0]}" >>"$OUT/$(printf %03d $n)_cli_w22_srv_inuse"
stop
# --- words22b: the texts words22b moved to data/wording.txt: the check-in's
# questions and options (the terminal's, the web's, the report's), the
# diary's and check-in's step-back reasons (the plan's history), every
# command's help and usage, the top-level errors
D=$W/w22b.db
cli w22b_help $D help
cli w22b_help_man $D help --man
cli w22b_help_many $D help plan today
cli w22b_help_nosuch $D help nosuch
cli w22b_top_help $D --help
cli w22b_top_none $D
cli w22b_top_nosuch $D plaan
cli w22b_top_badopt $D --nosuch
cli w22b_top_baddate $D --today 2026-13-40 today
cli w22b_top_version $D --version
for c in activities assess checkin demo help import inspect load log plan profile report serve shoes today; do
  cli w22b_help_$c $D help $c
  cli w22b_opt_help_$c $D $c --help
  cli w22b_badopt_$c $D $c --no-such-option
  cli w22b_badval_$c $D $c --json=x
done
cli w22b_inspect $D inspect samples/demo/export_strava.zip
cli w22b_inspect_none $D inspect
cli w22b_inspect_bad $D inspect $W/nosuch.fit
cli w22b_inspect_jobs $D inspect --jobs 0 samples/demo
cli w22b_as $D assess --in tests/vignettes/007_itb_classic.txt
cli w22b_p0 $D plan --runs-a-week 4 --json
cli w22b_d1 $D log pain 2 --during-run 2 --next-morning 1 --date 2026-11-10
cli w22b_d2 $D log pain 6 --during-run 7 --next-morning 6 --date 2026-11-11
cli w22b_p1 $D plan --json
cli w22b_d3 $D log pain 6 --during-run 7 --next-morning 6 --date 2026-11-12
cli w22b_d4 $D log pain 5 --during-run 8 --next-morning 6 --date 2026-11-13
cli w22b_p2 $D plan --json
cli w22b_d5 $D log pain 1 --during-run 1 --next-morning 1 --date 2026-11-15
cli w22b_d6 $D log pain 1 --during-run 1 --next-morning 1 --date 2026-11-16
cli w22b_ck1 $D checkin --answers 3,3,3,3 --date 2026-11-16
cli w22b_ck2 $D checkin --answers 3,4,4,4 --date 2026-11-17
cli w22b_ck3 $D checkin --answers 2,3,2,2 --date 2026-11-23
cli w22b_p3 $D plan --json
cli w22b_d7 $D log pain 3 --signs fever --date 2026-11-22
cli w22b_p4 $D plan --json
cli w22b_cl $D log cleared
cli w22b_p5 $D plan
cli w22b_ckl $D checkin --list
cli w22b_report $D report --html $W/w22b.html; cat $W/w22b.html >>"$OUT/$(printf %03d $n)_cli_w22b_report" 2>/dev/null
start $D; get w22b_checkin /checkin; get w22b_api_checkin /api/checkin; get w22b_api_plan /api/plan; get w22b_plan /plan; get w22b_today /; get w22b_diary /diary; stop
D=$W/w22b2.db
cli w22b2_as $D assess --in tests/vignettes/007_itb_classic.txt
cli w22b2_p0 $D plan --runs-a-week 3
for d in 01 02 03 04 05 06 07 08 09 10 11 12; do cli w22b2_good_$d $D log pain 1 --during-run 1 --next-morning 1 --date 2026-10-$d; done
cli w22b2_p1 $D plan --json
cli w22b2_test $D log pain 4 --during-run 6 --next-morning 5 --date 2026-10-13
cli w22b2_p2 $D plan --json
cli w22b2_dx $D log visit no_running --weeks 2 --note "stress fracture seen on MRI" --date 2026-10-14
cli w22b2_p3 $D plan --json
for v in tests/vignettes/038_stress_fracture_marathoner_night.txt tests/vignettes/017_gtps_side_lying.txt; do
  k=w22b3_$(basename $v .txt); D=$W/$k.db
  cli ${k}_as $D assess --in $v
  cli ${k}_p0 $D plan --runs-a-week 3
  cli ${k}_ck $D checkin --answers 3,4,4,4 --date 2026-11-09
  cli ${k}_ck2 $D checkin --answers 4 --date 2026-11-16
  cli ${k}_d1 $D log pain 6 --during-run 8 --next-morning 7 --date 2026-11-20
  cli ${k}_d2 $D log pain 6 --during-run 8 --next-morning 7 --date 2026-11-21
  cli ${k}_p1 $D plan --json
  cli ${k}_ckl $D checkin --list --json
done
for k in w22b4a w22b4b; do D=$W/$k.db
  cli ${k}_as $D assess --in tests/vignettes/004_tfl_front_side.txt
  cli ${k}_p0 $D plan --runs-a-week 3
done
cli w22b4a_ck $W/w22b4a.db checkin --answers 2,2,2,2 --signs fever,limp --date 2026-11-16
cli w22b4a_p1 $W/w22b4a.db plan --json
cli w22b4a_p2 $W/w22b4a.db plan
cli w22b4b_d $W/w22b4b.db log pain 3 --signs fever --date 2026-11-20
cli w22b4b_p1 $W/w22b4b.db plan --json
cli w22b4b_t $W/w22b4b.db today
cli w22b_top_dbnone $D today --db
n=$((n+1)); ( cd $SRC && "$BIN" --db ) >"$OUT/$(printf %03d $n)_cli_w22b_top_db_last" 2>&1; echo "exit $?" >>"$OUT/$(printf %03d $n)_cli_w22b_top_db_last"
n=$((n+1)); ( cd $SRC && "$BIN" --db "" today ) >"$OUT/$(printf %03d $n)_cli_w22b_top_db_empty" 2>&1; echo "exit $?" >>"$OUT/$(printf %03d $n)_cli_w22b_top_db_empty"
n=$((n+1)); ( cd $SRC && "$BIN" --db $D --today ) >"$OUT/$(printf %03d $n)_cli_w22b_top_today_last" 2>&1; echo "exit $?" >>"$OUT/$(printf %03d $n)_cli_w22b_top_today_last"
n=$((n+1)); ( cd $SRC && RUNHIP_TODAY=x "$BIN" --db $D today ) >"$OUT/$(printf %03d $n)_cli_w22b_top_env_today" 2>&1; echo "exit $?" >>"$OUT/$(printf %03d $n)_cli_w22b_top_env_today"
n=$((n+1)); ( cd $SRC && env -u HOME -u RUNHIP_DB -u XDG_DATA_HOME "$BIN" --today $TODAY today ) >"$OUT/$(printf %03d $n)_cli_w22b_top_nohome" 2>&1; echo "exit $?" >>"$OUT/$(printf %03d $n)_cli_w22b_top_nohome"
cli w22b_top_nodb $W/nosuch/dir.db load
cli w22b_top_nodb2 $W/nosuch.db activities
cli w22b_top_typo $D tody
cli w22b_opt_short $D plan -x
cli w22b_opt_needs $D plan --runs-a-week
cli w22b_opt_needs2 $D activities --sport
cli w22b_opt_dash $D load -
cli w22b_opt_eq $D load --nosuch=3
cli w22b_inspect_badjobs $D inspect --jobs x samples/demo
cli w22b_demo_nosamples $D demo --samples $W/nosuch
cli w22b_srv_arg $D serve extra
cli w22b_srv_port $D serve --port x
srvout() { n=$((n+1)); sed 's/:[0-9][0-9]*\//:PORT\//; s/token=[0-9a-f]*/token=T/' $W/srv.out >"$OUT/$(printf %03d $n)_srvout_$1"; }
start $D; stop; srvout w22b_local
"$BIN" --db $D --today $TODAY serve --port 0 --bind 0.0.0.0 >$W/srv.out 2>&1 & PID=$!
for i in $(seq 100); do grep -q http:// $W/srv.out && break; sleep 0.1; done; stop; srvout w22b_open
"$BIN" --db $D --today $TODAY serve --port 0 --bind 0.0.0.0 --host example.org >$W/srv.out 2>&1 & PID=$!
for i in $(seq 100); do grep -q http:// $W/srv.out && break; sleep 0.1; done; stop; srvout w22b_open_host
cli w22b_inspect_all $D inspect samples/demo
cli w22b_inspect_all_json $D inspect --json samples/demo
cli w22b_inspect_junk $D inspect $W/junk.fit
C=${RH_SHARED:-/work/shared}/corpus  # the test corpus, when here: inferred sports, warnings, bad files
[ -d "$C" ] && cli w22b_inspect_corpus $D inspect --jobs 1 $C
tty w22b_ck_tty_all $W/w22b.db '2\n2\n2\n2\n\n\n' checkin --date 2026-11-30
tty w22b_ck_tty_all3 $W/w22b.db '3\n3\n3\n3\n\n\n' checkin --date 2026-12-07
# the demo (its temp db path normalised)
n=$((n+1)); ( cd $SRC && "$BIN" demo ) 2>&1 | sed 's#/tmp/[^ ]*#TMP#g; s/ in [0-9.]* s)/ in T s)/' >"$OUT/$(printf %03d $n)_cli_demo"
n=$((n+1)); ( cd $SRC && "$BIN" --db $W/x.db demo --keep ) >$W/keep.out 2>&1
K=$(grep -o 'kept in /tmp/[^ ]*' $W/keep.out | sed 's/kept in //'); sed 's#/tmp/[^ ]*#TMP#g; s/ in [0-9.]* s)/ in T s)/' $W/keep.out >"$OUT/$(printf %03d $n)_cli_demo_keep"; [ -n "$K" ] && case "$K" in /tmp/runhip-demo*|/tmp/*demo*) rm -rf "$K";; esac
sed -i "s#$W#TMPW#g" "$OUT"/*
rm -rf $W
