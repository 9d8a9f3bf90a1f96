/* SPDX-License-Identifier: MIT */
/*
 * What the decoders and the importer tell a runner about a file they read
 * (words25): the warnings of a file that still gave a recording (cut off,
 * damaged, not finished by the watch: what happened, what was kept) and
 * the errors of one that gave none or was refused, said by `runhip
 * import` and its --json, `runhip inspect` and the web's Import page,
 * data/wording.txt [file_words]. A closed section of texts with named
 * holes, each key with the names its code fills (the table below), checked
 * before the first is said: a text that asks for a value its code does not
 * give, or leaves out one it gives, is refused naming the key and the
 * hole. Shared by the parts that read files (src/fit, src/xml,
 * src/archive), so one fact is said in one place (a file cut short ends
 * in the same words whatever its format). A detail for a bug report
 * (a byte offset, the XML parser's reason) follows the runner's words, in
 * with_detail. Developer-facing texts (a reader misused, an enum out of
 * range) and "out of memory" stay in the C.
 */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runhip/text.h"
#include "text/file_words.h"
#include "util/banned.h"

#define SECTION "file_words"

static const struct rh_words_named file_words[] = {
    /* how a warning and its detail are put together */
    {"warning", "what kept"},
    {"with_detail", "text detail"},
    {"kept_before", "span"},
    {"kept_before_unknown", ""},
    {"span_under_minute", ""},
    {"span_minute", ""},
    {"span_minutes", "m"},
    {"span_hours", "h m"},
    /* any format */
    {"empty", ""},
    {"not_activity", ""},
    {"no_activity", ""},
    {"gzip_empty", ""},
    {"zip_in_gzip", ""},
    {"too_large", "mb"},
    /* an intake file (src/assess, cli26) */
    {"intake_unknown_key", "key"},
    {"intake_unknown_key_near", "key near"},
    {"intake_unknown_word", "key word words"},
    {"intake_or", "list last"},
    /* FIT (src/fit) */
    {"fit_trailing", "bytes"},
    {"fit_header_damaged", ""},
    {"fit_check", ""},
    {"fit_unfinished", ""},
    {"fit_cut", ""},
    {"fit_part_cut", ""},
    {"fit_damaged", ""},
    {"fit_detail_header_check", "offset"},
    {"fit_detail_check", "offset"},
    {"fit_detail_size0", ""},
    {"fit_detail_cut", "announced present"},
    {"fit_detail_def_short", "offset"},
    {"fit_detail_data_short", "offset"},
    {"fit_detail_byte_order", "offset value"},
    {"fit_detail_def_size", "offset bytes"},
    {"fit_detail_undefined", "offset type"},
    {"fit_gzip", ""},
    {"fit_too_short", "bytes"},
    {"fit_not_fit", ""},
    {"fit_header_short", "bytes"},
    {"fit_nothing", ""},
    /* the XML files (src/xml) */
    {"xml_cut", ""},
    {"xml_cut_nothing", ""},
    {"xml_detail_cut", "line"},
    {"xml_damaged", ""},
    {"xml_detail_damaged", "why line column"},
    {"xml_not_xml", ""},
    {"xml_root", "want root"},
    {"xml_root_other", "want root"},
    {"xml_text_long", "bytes"},
    {"tcx_course", ""},
    {"tcx_no_activity", ""},
    {"tcx_no_points", ""},
    {"gpx_no_points", ""},
    {"gpx_detail_tracks", "n"},
    {"sml_empty", ""},
    {"apple_not", ""},
    {"apple_root", "root"},
    {"apple_cut", ""},
    {"apple_cut_nothing", ""},
    {"apple_detail_cut", "line"},
    {"apple_no_dates", ""},
    {"apple_no_workouts", ""},
    {"apple_skipped", "n"},
    {"apple_skipped_one", ""},
    {"apple_capped", "max"},
    /* the files, folders and archives (src/archive/walk.c, formats.c) */
    {"kind_zip", ""},
    {"kind_tar", ""},
    {"kind_archive", ""},
    {"no_such", ""},
    {"cannot_open", "why"},
    {"cannot_read", "why"},
    {"folder_unopened", "why"},
    {"link_nowhere", "why"},
    {"nested_deep", ""},
    {"not_regular", ""},
    {"file_changed", ""},
    {"file_too_large", "mb"},
    {"archive_unopened", "kind"},
    {"archive_corrupt", "kind n"},
    {"archive_corrupt_one", "kind"},
    {"archive_corrupt_start", "kind"},
    {"archive_empty", "kind"},
    {"archive_no_activities", "kind"},
    {"member_too_large", "mb"},
    {"member_damaged", ""},
    {"member_gone", "member"},
    {"gzip_too_large", "mb"},
    {"gzip_cut", ""},
    {"gzip_damaged", ""},
    /* a Strava export's list (csv.c), a Polar session (polar.c) */
    {"list_unreadable", "why"},
    {"list_too_large", "mb"},
    {"list_damaged", ""},
    {"list_detail_columns", "max"},
    {"list_detail_open_quote", ""},
    {"list_detail_after_quote", ""},
    {"list_detail_quote_inside", ""},
    {"list_no_filename", ""},
    {"list_no_columns", ""},
    {"list_empty", ""},
    {"list_no_hand", ""},
    {"polar_damaged", ""},
    {"polar_not_session", ""},
    {"polar_no_start", ""},
    /* the import's refusals (src/archive/import.c) */
    {"row_date", "id"},
    {"no_times", ""},
    {"before_2000", "day"},
    {"before_2000_row", "id day"},
    {"after_today", "day"},
    {"after_today_row", "id day"},
    {"nothing_recorded", ""},
};

const struct rh_words_named *rh_file_words_keys(size_t *n)
{
    *n = sizeof file_words / sizeof *file_words;
    return file_words;
}

static struct rh_words_family family = RH_WORDS_FAMILY(SECTION, file_words);

int rh__file_words_check(struct rh_err *err)
{
    return rh_words_family_check(&family, err);
}


size_t rh__file_say(char *buf, size_t cap, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    size_t r = rh_words_family_say(&family, buf, cap, key, ap);
    va_end(ap);
    return r;
}


int rh__file_err(struct rh_err *err, int code, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    int r = rh_words_family_err(&family, err, code, -1, key, ap);
    va_end(ap);
    return r;
}

int rh__file_errl(struct rh_err *err, int code, long line, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    int r = rh_words_family_err(&family, err, code, line, key, ap);
    va_end(ap);
    return r;
}

size_t rh__file_span(char *buf, size_t cap, double seconds)
{
    if (cap)
        buf[0] = '\0';
    /* a recording of more than a week is a clock's jump, not a span */
    if (!(seconds >= 0 && seconds <= 7 * 86400.0))
        return 0;
    long min = lround(floor(seconds / 60));
    char h[24], m[24];
    if (min < 1)
        return rh__file_say(buf, cap, "span_under_minute", (const char *)NULL);
    if (min == 1)
        return rh__file_say(buf, cap, "span_minute", (const char *)NULL);
    if (min < 60) {
        snprintf(m, sizeof m, "%ld", min);
        return rh__file_say(buf, cap, "span_minutes", "m", m, (const char *)NULL);
    }
    snprintf(h, sizeof h, "%ld", min / 60);
    snprintf(m, sizeof m, "%02ld", min % 60);
    return rh__file_say(buf, cap, "span_hours", "h", h, "m", m, (const char *)NULL);
}

void rh__file_with_detail(char *buf, size_t cap, const char *text, const char *detail)
{
    char t[sizeof ((struct rh_err *)0)->msg];
    snprintf(t, sizeof t, "%s", text ? text : "");
    if (!detail || !*detail) {
        snprintf(buf, cap, "%s", t);
        return;
    }
    rh__file_say(buf, cap, "with_detail", "text", t, "detail", detail, (const char *)NULL);
}

int rh__file_err_detail(struct rh_err *err, int code, long line, const char *key,
                        const char *detail)
{
    rh__file_errl(err, code, line, key, (const char *)NULL);
    if (err)
        rh__file_with_detail(err->msg, sizeof err->msg, err->msg, detail);
    return code;
}

void rh__file_warn_cut(struct rh_err *w, double span_s, const char *detail)
{
    char what[sizeof w->msg], kept[sizeof w->msg], span[64];
    snprintf(what, sizeof what, "%s", w->msg);
    if (rh__file_span(span, sizeof span, span_s))
        rh__file_say(kept, sizeof kept, "kept_before", "span", span, (const char *)NULL);
    else
        rh__file_say(kept, sizeof kept, "kept_before_unknown", (const char *)NULL);
    rh__file_say(w->msg, sizeof w->msg, "warning", "what", what, "kept", kept,
                 (const char *)NULL);
    rh__file_with_detail(w->msg, sizeof w->msg, w->msg, detail);
}
