# The store opens only what is empty or runhip's own; read-only commands
# never create a database; --db "" is a usage error. (issue 15)
. tests/cli/lib.sh

t foreign_sqlite_refused_exit_3_untouched
sqlite3 "$T/other.db" "CREATE TABLE activity(a, b); INSERT INTO activity VALUES(1, 2);"
before=$(sha256sum <"$T/other.db")
for cmd in activities load plan "import $RH_SHARED/none.fit" "log session rest"; do
    # shellcheck disable=SC2086
    expect 3 "$RUNHIP" --db "$T/other.db" $cmd
    has "another program" "$T/err"
    has "untouched" "$T/err"
done
[ "$(sha256sum <"$T/other.db")" = "$before" ] || no "other.db changed"
[ ! -e "$T/other.db-wal" ] || no "other.db was switched to WAL"
RUNHIP_DB="$T/other.db" expect 3 "$RUNHIP" activities
[ "$(sha256sum <"$T/other.db")" = "$before" ] || no "other.db changed through RUNHIP_DB"

t text_file_refused_untouched
printf 'my shopping list\nmilk\n' >"$T/list.txt"
before=$(sha256sum <"$T/list.txt")
expect 3 "$RUNHIP" --db "$T/list.txt" log session rest
has "not an SQLite file" "$T/err"
[ "$(sha256sum <"$T/list.txt")" = "$before" ] || no "list.txt changed"

t read_only_commands_create_nothing
# (checkin --list and report created it before)
for cmd in activities load plan "activities --json" "checkin --list" "checkin --list --json" \
    report "report --html $T/typo.html" profile shoes; do
    # shellcheck disable=SC2086
    expect 3 "$RUNHIP" --db "$T/typo/runhip.db" $cmd
    has "no runhip database here yet" "$T/err"
    has "runhip import" "$T/err"
    [ ! -e "$T/typo" ] || no "$cmd created $T/typo"
    [ ! -e "$T/typo.html" ] || no "$cmd wrote $T/typo.html"
done

t writing_command_creates_database
expect 0 "$RUNHIP" --db "$T/new/runhip.db" log session rest --date 2024-05-01
[ -f "$T/new/runhip.db" ] || no "log did not create the database"
expect 0 "$RUNHIP" --db "$T/new/runhip.db" activities

t empty_db_option_is_usage_error
expect 2 "$RUNHIP" --db "" activities
has "empty" "$T/err"
expect 2 "$RUNHIP" --db= activities

t db_option_then_today_both_taken
expect 0 "$RUNHIP" --db "$T/new/runhip.db" --today 2024-05-02 log session rest
expect 0 "$RUNHIP" --db "$T/new/runhip.db" activities

t folder_as_database_says_folder
expect 3 "$RUNHIP" --db "$T" activities
has "folder" "$T/err"

end
