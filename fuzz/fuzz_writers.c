/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the writers of stored free text: the iCalendar
 * export (rh_plan_ics, rh_plan_ics_update over an earlier file, the helpers
 * rh_ics_prop and rh_ics_line) and the hand-off report (rh_report_html).
 *
 * The input is cut at its NUL bytes into pieces, each a text a runner (or a
 * file) puts in the database: two diary notes (the second after a warning
 * sign's words, so that the plan quotes it), a session note, a check-in
 * note, a visit note, an activity name, a shoe name, and an earlier export
 * the re-export reads, and the name of the assessment's likeliest condition
 * in its stored result (a database written by something else). A note the diary refuses (rh_entry_check: invalid
 * UTF-8, a control character) is stored as rh_name_clean makes it. Each
 * piece is also given as it is to rh_ics_prop.
 *
 * Invariants: the calendar passes the strict checker of tests/unit
 * (ics_check.h: CRLF, 75-octet folds not inside a character, valid UTF-8,
 * no control character, TEXT escaped as RFC 5545 3.3.11 says); the report is
 * valid UTF-8 without a NUL or a C0 control but tab and line breaks, every
 * '&' starts a character reference, every '<' starts a tag the report
 * writes (never one a note brought: each note starts with "<fz-tag"), a
 * tag's attribute values are quoted and hold no '<' or '"'. Any crash, leak,
 * sanitizer report or broken invariant is a finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "../tests/unit/ics_check.h"
#include "runhip/assess.h"
#include "runhip/intake.h"
#include "runhip/plan.h"
#include "runhip/report.h"
#include "runhip/store.h"

#include "plan_fixture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum {
    P_NOTE, P_FLAG_NOTE, P_SESSION, P_CHECKIN, P_VISIT, P_ACTIVITY, P_SHOE, P_PREVIOUS,
    P_CONDITION, P_N
};

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_writers: %s: %s\n", what, detail ? detail : "");
    abort();
}

/* ---- the report: HTML as a browser reads it ---------------------------------- */

static const char *const tags[] = {
    "html", "head", "meta", "title", "style", "link", "body", "header", "main", "footer", "nav",
    "section", "article", "aside", "div", "span", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "colgroup", "col", "b", "i", "em", "strong", "small", "sup", "sub", "a", "abbr",
    "cite", "q", "blockquote", "figure", "figcaption", "svg", "g", "path", "line", "polyline",
    "rect", "circle", "text", "tspan", "desc", "details", "summary", "mark", "time", "ins", "del",
    "polygon", "defs", "pattern", "use", "symbol", "title", "s", "u", "wbr", "code", "pre"};

static bool known_tag(const char *p, size_t n)
{
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (strlen(tags[i]) == n && strncmp(tags[i], p, n) == 0)
            return true;
    return false;
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void check_html(const char *h, size_t len)
{
    if (strlen(h) != len)
        die("report", "a NUL byte in the page");
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t w = rh_utf8_decode(h + i, len - i, &c);
        if (w == 0)
            die("report", h + i);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            die("report: a control character", h + i);
        i += w;
    }
    /* the style sheet and comments hold no note: skipped whole */
    for (const char *p = h; *p;) {
        if (strncmp(p, "<style", 6) == 0) {
            const char *e = strstr(p, "</style>");
            if (!e)
                die("report", "<style> not closed");
            p = e + 8;
            continue;
        }
        if (strncmp(p, "<!--", 4) == 0) {
            const char *e = strstr(p + 4, "-->");
            if (!e)
                die("report", "comment not closed");
            p = e + 3;
            continue;
        }
        if (strncmp(p, "<!DOCTYPE html>", 15) == 0) {
            p += 15;
            continue;
        }
        if (*p == '&') {
            const char *q = p + 1;
            if (*q == '#') {
                q++;
                if (*q == 'x')
                    q++;
                if (!(*q >= '0' && *q <= '9') && !(*q >= 'a' && *q <= 'f') &&
                    !(*q >= 'A' && *q <= 'F'))
                    die("report: a bare &", p);
                while ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f') ||
                       (*q >= 'A' && *q <= 'F'))
                    q++;
            } else {
                if (!is_alpha(*q))
                    die("report: a bare &", p);
                while (is_alpha(*q) || (*q >= '0' && *q <= '9'))
                    q++;
            }
            if (*q != ';')
                die("report: a bare &", p);
            p = q + 1;
            continue;
        }
        if (*p == '>')
            die("report: a bare >", p);
        if (*p != '<') {
            p++;
            continue;
        }
        const char *q = p + 1;
        if (*q == '/')
            q++;
        const char *name = q;
        while (is_alpha(*q) || (*q >= '0' && *q <= '9') || *q == '-')
            q++;
        if (!known_tag(name, (size_t)(q - name)))
            die("report: a tag the report does not write", p);
        /* attributes: name, name=value or name="value" (no quote, < or > in it) */
        for (;;) {
            while (*q == ' ' || *q == '\n' || *q == '\t')
                q++;
            if (*q == '>' || (*q == '/' && q[1] == '>'))
                break;
            const char *an = q;
            while (is_alpha(*q) || (*q >= '0' && *q <= '9') || *q == '-' || *q == ':' ||
                   *q == '_')
                q++;
            if (q == an)
                die("report: a broken tag", p);
            if (*q == '=') {
                q++;
                if (*q != '"')
                    die("report: an attribute value not quoted", p);
                q++;
                while (*q && *q != '"' && *q != '<' && *q != '>')
                    q++;
                if (*q != '"')
                    die("report: a quote, < or > in an attribute value", p);
                q++;
            }
        }
        p = q + (*q == '/' ? 2 : 1);
    }
}

/* ---- the calendar --------------------------------------------------------------- */

static void check_calendar(const struct rh_buf *b, const char *what)
{
    int n;
    if (check_ics(b->data ? b->data : "", b->len, &n))
        die(what, ics_why);
    if (b->data && strlen(b->data) != b->len)
        die(what, "a NUL byte in the calendar");
}

/* rh_ics_prop on its own: the value as it is, in a calendar of its own */
static void prop_alone(const char *name, const char *value)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int r = rh_buf_puts(&b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\n");
    r |= rh_ics_prop(&b, name, value);
    r |= rh_buf_puts(&b, "END:VCALENDAR\r\n");
    if (r)
        die("rh_ics_prop", "failed");
    check_calendar(&b, "rh_ics_prop");
    rh_buf_release(&b);
}

/* ---- the runner's database -------------------------------------------------------- */

static const char intake_text[] = "age = 34\nsex = female\nside = right\n"
                                  "location = groin, deep\nonset = gradual\n"
                                  "duration_days = 21\ncharacter = dull_ache, pinching\n"
                                  "pain_run = 6\nworse_with = run_later, walking\n"
                                  "weekly_km = 40\nkm_change_pct = 35\n";

static struct rh_plan_kb *kb;
static char *intake_json, *result_json;

static void setup(void)
{
    struct rh_buf ij, rj;
    fuzz_plan_fixture(intake_text, &kb, &ij, &rj, die);
    intake_json = ij.data;
    result_json = rj.data;
}

/* The text as the diary takes it: as it is when rh_entry_check allows it,
 * else cleaned as a name from a file is (control characters to spaces,
 * invalid UTF-8 to U+FFFD), cut to the note's length. Owned (free). */
static char *storable(const char *prefix, const char *s, enum rh_entry_kind kind)
{
    size_t cap = strlen(prefix) + strlen(s) + 1;
    char *t = malloc(cap);
    if (!t)
        return NULL;
    snprintf(t, cap, "%s%s", prefix, s);
    struct rh_err err;
    if (rh_entry_check(t, kind, NULL, &err) == 0)
        return t;
    size_t max = kind == RH_ENTRY_NOTE ? RH_ENTRY_NOTE_MAX : RH_ENTRY_NAME_MAX;
    char *c = rh_name_clean(t, max);
    free(t);
    if (!c)
        return NULL;
    t = strdup(c);
    rh_free(c);
    if (t && rh_entry_check(t, kind, NULL, &err))
        t[0] = '\0'; /* blank, or a mark that reorders the line: no text */
    return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!kb)
        setup();
    /* the pieces: cut at NUL, as a C string of the store is */
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    const char *piece[P_N];
    size_t at = 0;
    for (int i = 0; i < P_N; i++) {
        piece[i] = at <= size ? copy + at : "";
        at += strlen(piece[i]) + 1;
    }
    for (int i = 0; i < P_N; i++) {
        prop_alone("DESCRIPTION", piece[i]);
        prop_alone("SUMMARY", piece[i]);
    }

    char path[64];
    char side[80];
    snprintf(path, sizeof path, "/tmp/fuzz_writers_%ld.db", (long)getpid());
    unlink(path);
    /* a journal left by a run that stopped (a finding, a timeout) */
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    struct rh_store *s;
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_store_open(path, 0, &s, &err))
        die("store", err.msg);
    const int32_t d0 = rh_days_from_civil(2026, 11, 2), today = d0 + 6;
    /* the stored result with the condition's name from the input (JSON
     * text is UTF-8: a name that is not is stored as rh_name_clean makes it) */
    char *result = NULL;
    json_t *doc = json_loads(result_json, 0, NULL), *conds = json_object_get(doc, "conditions");
    json_t *c0 = json_array_get(conds, 0);
    if (c0 && *piece[P_CONDITION]) {
        json_t *nm = json_string(piece[P_CONDITION]);
        if (!nm) {
            char *clean = rh_name_clean(piece[P_CONDITION], 400);
            nm = json_string(clean ? clean : "");
            rh_free(clean);
        }
        json_object_set_new(c0, "name", nm);
    }
    result = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    json_decref(doc);
    if (rh_store_assessment_add(s, (int64_t)d0 * 86400 + 36000, intake_json,
                                result ? result : result_json, NULL, &err))
        die("assessment", err.msg);
    free(result);
    static struct rh_plan_state st;
    int64_t pid;
    if (rh_plan_current(s, kb, &pid, &st, &err))
        die("plan", err.msg);

    char *note = storable("<fz-tag a=\"&amp\">", piece[P_NOTE], RH_ENTRY_NOTE);
    char *flag = storable("<fz-tag> my hip is red and swollen, temperature 38.5. ",
                          piece[P_FLAG_NOTE], RH_ENTRY_NOTE);
    char *snote = storable("<fz-tag>", piece[P_SESSION], RH_ENTRY_NOTE);
    char *cnote = storable("<fz-tag>", piece[P_CHECKIN], RH_ENTRY_NOTE);
    char *vnote = storable("<fz-tag>", piece[P_VISIT], RH_ENTRY_NOTE);
    char *shoe = storable("<fz-tag>", piece[P_SHOE], RH_ENTRY_NAME);
    static struct rh_diary_outcome out;
    struct rh_pain_entry e = {.day = d0 + 1, .pain = 3, .during_run = 4, .next_morning = -1,
                              .note = note};
    if (note && rh_diary_pain(s, kb, &e, 0, today, &out, &err))
        die("diary", err.msg);
    struct rh_session ses = {.day = d0 + 1, .kind = RH_SESSION_STRENGTH, .minutes = 30,
                             .rpe = 5, .note = snote};
    if (snote && rh_store_session_add(s, &ses, NULL, &err))
        die("session", err.msg);
    e = (struct rh_pain_entry){.day = d0 + 2, .pain = 5, .during_run = -1, .next_morning = -1,
                               .note = flag};
    if (flag && rh_diary_pain(s, kb, &e, 0, today, &out, &err))
        die("diary", err.msg);
    static struct rh_checkin ck;
    static struct rh_checkin_outcome co;
    const int answers[4] = {1, 1, 1, 1};
    if (cnote && rh_ostrc_score(answers, 4, d0 + 3, &ck, &err) == 0 &&
        rh_diary_checkin(s, kb, &ck, cnote, 0, today, &co, &err))
        die("check-in", err.msg);
    /* the visit that clears (its note quoted), every other input */
    if (vnote && (size & 1)) {
        static struct rh_visit v;
        memset(&v, 0, sizeof v);
        v.day = d0 + 4;
        v.outcome = RH_VISIT_CLEARED;
        snprintf(v.note, sizeof v.note, "%s", vnote);
        bool was;
        if (rh_diary_visit(s, kb, &v, today, &st, &was, &err))
            die("visit", err.msg);
    }
    if (shoe && *shoe && rh_store_shoe_put(s, shoe, 0, d0 - 100, -1, &err))
        die("shoe", err.msg);
    /* an activity named in the file: cleaned as the decoders clean names */
    struct rh_activity a;
    rh_activity_init(&a);
    a.sport = RH_SPORT_RUNNING;
    a.format = RH_FMT_GPX;
    a.has_start = true;
    a.start_utc = (int64_t)(d0 - 3) * 86400 + 25000;
    a.total_timer_s = a.total_elapsed_s = 1800;
    a.total_distance_m = 5000;
    a.n_records = 1;
    a.content_hash = 77;
    a.file = rh_strdup("fuzz.gpx");
    a.name = rh_name_clean(piece[P_ACTIVITY], 200);
    if (shoe && *shoe)
        a.gear = rh_strdup(shoe);
    if (rh_store_activity_add(s, &a, NULL, &err))
        die("activity", err.msg);
    rh_activity_release(&a);

    if (rh_plan_current(s, kb, &pid, &st, &err))
        die("plan", err.msg);
    struct rh_buf b, again;
    rh_buf_init(&b, 0);
    rh_buf_init(&again, 0);
    const int64_t stamp = (int64_t)today * 86400 + 3600;
    if (rh_plan_ics(kb, &st, today, 56, stamp, pid, &b, &err))
        die("calendar", err.msg);
    check_calendar(&b, "calendar");
    /* a re-export over the earlier file, then over the input as that file */
    if (rh_plan_ics_update(kb, &st, today + 2, 56, stamp + 86400, b.data, &again, &err))
        die("calendar again", err.msg);
    check_calendar(&again, "calendar re-exported");
    rh_buf_reset(&again);
    if (rh_plan_ics_update(kb, &st, today, 56, stamp, piece[P_PREVIOUS], &again, &err))
        die("calendar over the input", err.msg);
    check_calendar(&again, "calendar over an earlier file");

    rh_buf_reset(&b);
    if (rh_report_html(s, today, NULL, &b, &err))
        die("report", err.msg);
    check_html(b.data ? b.data : "", b.len);
    const char *dump = getenv("FUZZ_WRITERS_DUMP"); /* a folder: what was written, to read */
    if (dump) {
        char f[600];
        snprintf(f, sizeof f, "%s/report.html", dump);
        FILE *fp = fopen(f, "wb");
        if (fp) {
            fwrite(b.data, 1, b.len, fp);
            fclose(fp);
        }
        rh_buf_reset(&b);
        (void)rh_plan_ics(kb, &st, today, 56, stamp, pid, &b, &err);
        snprintf(f, sizeof f, "%s/plan.ics", dump);
        if ((fp = fopen(f, "wb"))) {
            fwrite(b.data, 1, b.len, fp);
            fclose(fp);
        }
        snprintf(f, sizeof f, "%s/again.ics", dump);
        if ((fp = fopen(f, "wb"))) {
            fwrite(again.data, 1, again.len, fp);
            fclose(fp);
        }
    }

    rh_buf_release(&b);
    rh_buf_release(&again);
    rh_store_close(s);
    unlink(path);
    free(note);
    free(flag);
    free(snote);
    free(cnote);
    free(vnote);
    free(shoe);
    free(copy);
    return 0;
}
