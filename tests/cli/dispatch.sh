# The command dispatch: unknown commands, help for every command, global options.
. tests/cli/lib.sh

t unknown_command_exits_2_with_hint
expect 2 "$RUNHIP" frobnicate
has "not a runhip command" "$T/err"
has "runhip help" "$T/err"

t near_miss_suggests_the_command
expect 2 "$RUNHIP" hepl
has "did you mean 'help'" "$T/err"

t no_command_prints_usage_exit_2
expect 2 "$RUNHIP"
has "usage: runhip" "$T/err"

t help_lists_every_command
expect 0 "$RUNHIP" help
for c in $("$RUNHIP" help | sed -n '/^commands:/,/^$/p' | awk 'NF>1 && $1!="commands:" {print $1}'); do
    "$RUNHIP" help "$c" >/dev/null 2>&1 || no "help $c failed"
done

t every_command_has_help
for c in $("$RUNHIP" help | sed -n '/^commands:/,/^$/p' | awk 'NF>1 && $1!="commands:" {print $1}'); do
    "$RUNHIP" "$c" --help >"$T/out" 2>&1 || no "$c --help exited non-zero"
    grep -q "usage: runhip $c" "$T/out" || no "$c --help has no usage line"
done

t help_of_unknown_command_exits_2
expect 2 "$RUNHIP" help nosuch

t version
expect 0 "$RUNHIP" --version
has "runhip " "$T/out"

t unknown_global_option_exits_2
expect 2 "$RUNHIP" --frob help

t ux26_global_option_after_the_command_says_where_it_goes
# session 26 (ux26): 'runhip today --help' speaks of --today, and
# 'runhip today --today 2026-12-04' said only "unknown option '--today'"
expect 2 "$RUNHIP" --db "$T/none.db" today --today 2026-12-04
has "option '--today' goes before the command 'today': runhip --today DATE today" "$T/err"
expect 2 "$RUNHIP" load --db="$T/none.db"
has "option '--db' goes before the command 'load': runhip --db PATH load" "$T/err"
[ ! -e "$T/none.db" ] || no "a database was made"
expect 2 "$RUNHIP" --db "$T/none.db" load --frob
has "unknown option '--frob'; see 'runhip load --help'" "$T/err"

t db_option_needs_a_path
expect 2 "$RUNHIP" --db

t demo_says_db_is_not_used_and_assess_help_says_it_saves
# review 7, B30: demo --db was silently ignored; every assess run saves
expect 0 "$RUNHIP" --db "$T/mine.db" demo --samples samples/demo
has "^--db $T/mine.db is not used: the demo uses a temporary database" "$T/out"
[ ! -e "$T/mine.db" ] || no "the demo wrote into --db"
expect 0 "$RUNHIP" demo --samples samples/demo
hasnt "is not used" "$T/out"
# review 7b, N18 and N19: the profile step says what it changed; the story
# says when it leaves the what-if copy
has "^birth year 1988: maximum heart rate now estimated as 181 a minute (208 - 0.7 x age, Tanaka 2001)$" "$T/out"
has "^(Back to the runner's own diary: the what-if entries were on a copy.)$" "$T/out"
back=$(grep -n "^(Back to the runner's own diary" "$T/out" | cut -d: -f1)
whatif=$(grep -n "^== What changed in the calendar file" "$T/out" | cut -d: -f1)
checkin=$(grep -n "^== Weekly check-in: took part" "$T/out" | cut -d: -f1)
[ -n "$back" ] && [ -n "$whatif" ] && [ -n "$checkin" ] && [ "$whatif" -lt "$back" ] &&
    [ "$back" -lt "$checkin" ] || no "the back-to-the-diary line is not between the what-if and the check-in"
# review 7b N1, N7: the demo's warning sign is a nerve sign the runner wrote
# (pins and needles in the foot with a leg that gave way), named by her
# words, with the positive reason only, never cut mid-sentence
has "because you wrote \"pins and needles in my foot\"" "$T/out" # review 9 #5
hasnt "weakness with pain only at the hip or groin" "$T/out"
expect 0 "$RUNHIP" help assess
has "Each assessment is saved with its answers, with --in on every run (--json too" "$T/out"

end
