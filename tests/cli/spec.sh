#!/bin/sh
# The contracts of ../shared/spec/cli.md and intake.md, sentence by sentence,
# as someone who never read the code would check them against the program.
. "$(dirname "$0")/lib.sh"
R() { "$RUNHIP" --db "$T/s.db" --today 2026-11-20 "$@"; }

t log_pain_json_blocked_keeps_an_earlier_red_flag
# cli.md: blocked is "true when, after this entry, the plan schedules no
# running"; with no assessment yet, `plan --json` keeps the earlier fever
expect 0 R log pain 3 --signs fever --json --date 2026-11-19
has '"blocked":true' "$T/out"
expect 0 R log pain 2 --json
has '"red_flags":\[\]' "$T/out"
has '"blocked":true' "$T/out"
expect 0 R log pain 2
has 'No running' "$T/out"
hasnt 'No plan yet' "$T/out"
expect 0 R plan --json
has '"blocked": true' "$T/out"
expect 0 R checkin --answers 1 --json
has '"blocked":true' "$T/out"
expect 0 R log cleared
expect 0 R log pain 2 --json
has '"blocked":false' "$T/out"
rm -f "$T/s.db"*

t help_log_names_every_option_of_cli_md
# cli.md: log pain N [--date D] [--during-run N] [--next-morning N]
# [--note TEXT] [--signs WORDS] [--json]; days are local days
expect 0 "$RUNHIP" help log
for o in --date --during-run --next-morning --note --signs --json --minutes --km; do
    has "$o" "$T/out"
done
hasnt 'UTC' "$T/out"
expect 0 "$RUNHIP" help checkin
hasnt 'UTC' "$T/out"

end
