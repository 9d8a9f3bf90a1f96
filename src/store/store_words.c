/* SPDX-License-Identifier: MIT */
/*
 * The store's words a runner reads (code24): the errors of the diary, the
 * shoes, the visits, the check-ins, the profile, the corrections of
 * activities and the database itself that `runhip log`, `runhip shoes`,
 * `runhip checkin`, `runhip profile`, `runhip activities --set`, every
 * command opening the database and the web's forms say, the profile keys'
 * words and a visit's decision in words, data/wording.txt [store_words].
 * A closed section of texts with named holes ("pain must be 0..10, got
 * {pain}"), each key with the names its code fills (the table below),
 * checked when a store is first opened (rh_store_open_tz) and before the
 * first message: a text that asks for a value its code does not give, or
 * leaves out one it gives, is refused naming the key and the hole. A value
 * is written by the code ("%g", "%lld"), so the texts hold no printf
 * conversion. What could not be done when the database fails is here
 * too (fail_*: "cannot store session", SQLite's reason after it).
 * Developer-facing texts (an enum out of range, a transaction misused, a
 * write on a read-only handle, a statement that cannot be prepared) and
 * "out of memory" (loading the words allocates) stay in the C.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runhip/text.h"
#include "store/store_int.h"
#include "util/banned.h"

#define SECTION "store_words"

static const struct rh_words_named store_words[] = {
    /* the diary's pain entries (store_diary.c) */
    {"signs_long", "max"},
    {"signs_bad", "got"},
    {"activity_bad", "kind"},
    {"pain_range", "pain"},
    {"during_range", "pain"},
    {"morning_range", "pain"},
    {"activity_alone", ""},
    {"no_pain_entry", "id"},
    {"the_note", ""},
    {"note_long", ""},
    /* the instant an entry's day is of (schema 10, any entry) */
    {"dated_bad", ""},
    {"dated_off_day", "at day zone"},
    /* sessions logged by hand */
    {"session_kind", ""},
    {"minutes_range", "minutes"},
    {"rpe_range", "rpe"},
    {"km_range", "km"},
    {"km_not_run", "kind"},
    {"too_fast", "km minutes"},
    {"too_fast_one", "km"},
    /* shoes */
    {"shoe_no_name", ""},
    {"the_shoe_name", ""},
    {"shoe_distance", ""},
    {"shoe_retired_before", "name retired first"},
    /* the stored assessment and plan */
    {"no_assessment", ""},
    {"no_plan", ""},
    {"no_plan_id", "id"},
    /* check-ins */
    {"severity_range", "severity"},
    /* visits */
    {"visit_unknown", "word"},
    {"visit_weeks_needed", "restriction max"},
    {"visit_weeks_range", "restriction max weeks"},
    {"visit_weeks_alone", "decision"},
    {"visit_say", ""},
    {"visit_weeks_bad", "max weeks"},
    {"restriction_no_running", ""},
    {"restriction_cross_train", ""},
    /* what a visit decided, in words (rh_visit_outcome_said,
     * rh_visit_said_of: the reply of log visit, log list, the plan, Today,
     * the report and the web's Diary) */
    {"visit_cleared", ""},
    {"visit_no_running", ""},
    {"visit_walk_run", ""},
    {"visit_cross_train", ""},
    {"visit_no_running_weeks", "weeks"},
    {"visit_no_running_week", ""},
    {"visit_cross_train_weeks", "weeks"},
    {"visit_cross_train_week", ""},
    /* the profile (store_profile.c): its keys' words and errors */
    {"what_tz", ""},
    {"what_sex", ""},
    {"what_birth_year", ""},
    {"what_rest_hr", ""},
    {"what_max_hr", ""},
    {"what_weight_kg", ""},
    {"profile_key", "key"},
    {"profile_value", "key what"},
    {"profile_sex", "value"},
    {"profile_number", "what value"},
    {"profile_range", "what value lo hi"},
    {"profile_born_later", "year this_year"},
    /* the runner's corrections of activities and shoes (store_edit.c,
     * store_load.c) */
    {"activity_none", "id"},
    {"set_needed", ""},
    {"set_sport", "value list"},
    {"set_excluded", "value"},
    {"set_unknown", "key"},
    {"no_shoe", "name"},
    {"no_activities", ""},
    {"activity_dup", "id file"},
    {"activity_missing", "id"},
    /* the database itself (store.c): why it cannot be opened or made */
    {"db_no_path", ""},
    {"db_path_long", ""},
    {"db_mkdir", "dir why"},
    {"db_cannot_open", "why"},
    {"db_cannot_create", "why"},
    {"db_folder", ""},
    {"db_not_regular", ""},
    {"db_not_sqlite", ""},
    {"db_not_runhip", "why"},
    {"db_schema_unread", ""},
    {"db_other_program", "id"},
    {"db_no_marker", ""},
    {"db_none_yet", ""},
    {"db_newer", "version ours"},
    {"db_upgrade_readonly", ""},
    {"fs_unreadable", "why"},
    {"fs_unwritable", "reason"},
    {"fs_folder_closed", "dir"},
    {"fs_folder_readonly", "dir reason"},
    {"fs_read_only", ""},
    {"fs_denied", ""},
    {"fs_cannot_read", ""},
    /* what could not be done when the database fails (rh__store_fail:
     * "cannot store session: database is locked", SQLite's reason after) */
    {"fail_save_setting", ""},
    {"fail_look_up_activity", ""},
    {"fail_look_up_overlapping_activities", ""},
    {"fail_keep_other_recording", ""},
    {"fail_replace_stored_recording", ""},
    {"fail_note_other_recording", ""},
    {"fail_store_activity", ""},
    {"fail_read_activity", ""},
    {"fail_merge_two_records_outing", ""},
    {"fail_list_activities", ""},
    {"fail_count_activities", ""},
    {"fail_list_other_recordings", ""},
    {"fail_look_up_whole_file", ""},
    {"fail_store_pain_entry", ""},
    {"fail_update_pain_entry", ""},
    {"fail_read_diary", ""},
    {"fail_store_session", ""},
    {"fail_store_shoe", ""},
    {"fail_store_assessment", ""},
    {"fail_read_assessment", ""},
    {"fail_store_plan", ""},
    {"fail_update_plan", ""},
    {"fail_read_plan", ""},
    {"fail_store_check_in", ""},
    {"fail_replace_check_in", ""},
    {"fail_store_visit", ""},
    {"fail_change_activity", ""},
    {"fail_delete_activity", ""},
    {"fail_add_up_shoes_distance", ""},
    {"fail_list_shoes", ""},
    {"fail_read_newest_activity", ""},
    {"fail_count_activities_left_out", ""},
    {"fail_save_profile", ""},
    {"fail_date_activities_time_zone", ""},
    {"fail_date_entries_time_zone", ""},
    {"fail_list_activities_to_date", ""},
};

const struct rh_words_named *rh_store_words_keys(size_t *n)
{
    *n = sizeof store_words / sizeof *store_words;
    return store_words;
}

static struct rh_words_family family = RH_WORDS_FAMILY(SECTION, store_words);

int rh__store_words_check(struct rh_err *err)
{
    return rh_words_family_check(&family, err);
}

const char *rh__store_word(const char *key)
{
    return rh_words_or_empty(SECTION, key);
}

int rh__store_err(struct rh_err *err, int code, const char *key, ...)
{
    /* a text that did not check is said as the check's error (a build
     * whose data is broken; a store would not have opened) */
    va_list ap;
    va_start(ap, key);
    int r = rh_words_family_err(&family, err, code, -1, key, ap);
    va_end(ap);
    return r;
}
