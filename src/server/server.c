/* SPDX-License-Identifier: MIT */
/*
 * The dashboard's routing and pages (include/runhip/server.h). Each route
 * reuses the library's own writers: the load report's JSON and SVG, the
 * stored assessment result JSON, the plan's JSON and calendar, and the
 * activity JSON of the import part. The HTML page is built here from those
 * same documents; every text that comes from the database goes through
 * rh_server_html_escape. No JavaScript and no external resources, so the
 * page works offline.
 */
#include <jansson.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "runhip/assess.h"
#include "runhip/import.h"
#include "runhip/load.h"
#include "runhip/plan.h"
#include "runhip/server.h"
#include "runhip/text.h"
#include "util/banned.h"

#define LAST_ACTIVITIES 10
#define TOP_CONDITIONS 3

static const char ct_html[] = "text/html; charset=utf-8";
static const char ct_json[] = "application/json; charset=utf-8";
static const char ct_svg[] = "image/svg+xml; charset=utf-8";
static const char ct_text[] = "text/plain; charset=utf-8";

void rh_server_response_init(struct rh_server_response *r)
{
    memset(r, 0, sizeof *r);
    rh_buf_init(&r->body, 0);
}

void rh_server_response_release(struct rh_server_response *r)
{
    rh_buf_release(&r->body);
}

int rh_server_html_escape(struct rh_buf *b, const char *s)
{
    if (!s)
        return 0;
    const char *run = s;
    for (const char *p = s;; p++) {
        unsigned char c = (unsigned char)*p;
        const char *rep = NULL;
        bool drop = false;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: drop = c != 0 && (c < 0x20 || c == 0x7f) && c != '\t' && c != '\n';
        }
        if (c == 0 || rep || drop) {
            int r = rh_buf_append(b, run, (size_t)(p - run));
            if (!r && rep)
                r = rh_buf_puts(b, rep);
            if (r)
                return r;
            run = p + 1;
        }
        if (c == 0)
            return 0;
    }
}

bool rh_server_is_loopback(const char *addr)
{
    if (!addr)
        return false;
    if (!strcmp(addr, "localhost") || !strcmp(addr, "::1") || !strcmp(addr, "[::1]"))
        return true;
    /* 127.x.y.z written as a dotted quad */
    if (strncmp(addr, "127.", 4) != 0)
        return false;
    int dots = 0;
    for (const char *p = addr + 4; *p; p++) {
        if (*p == '.')
            dots++;
        else if (*p < '0' || *p > '9')
            return false;
    }
    return dots == 2;
}

/* ---- a buffer with a sticky error --------------------------------------- */

struct out {
    struct rh_buf *b;
    int err;
    struct rh_refs refs; /* the page's numbered sources (runhip/text.h) */
};

static void put(struct out *o, const char *s)
{
    if (!o->err)
        o->err = rh_buf_puts(o->b, s);
}

static void esc(struct out *o, const char *s)
{
    if (!o->err)
        o->err = rh_server_html_escape(o->b, s);
}

/* A text for people: plain words with the page's numbered sources, escaped. */
static void plain(struct out *o, const char *s)
{
    if (o->err || !s)
        return;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    o->err = rh_text_finish(s, strlen(s), &o->refs, &t);
    if (!o->err)
        o->err = rh_server_html_escape(o->b, t.data ? t.data : "");
    rh_buf_release(&t);
}

static void pf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pf(struct out *o, const char *fmt, ...)
{
    if (o->err)
        return;
    va_list ap;
    va_start(ap, fmt);
    o->err = rh_buf_vprintf(o->b, fmt, ap);
    va_end(ap);
}

/* ---- shared data access --------------------------------------------------- */

/* The load report as of the newest activity's day: 0, RH_EEMPTY when there
 * is nothing to report, or an error. */
static int load_report(struct rh_store *s, struct rh_load_report *rep, struct rh_err *err)
{
    int32_t as_of;
    memset(rep, 0, sizeof *rep);
    int r = rh_store_activity_last_day(s, &as_of, err);
    if (r == RH_ENOTFOUND)
        return RH_EEMPTY;
    if (r)
        return r;
    r = rh_load_report_build(s, as_of, rep, err);
    if (!r)
        rep->as_of_is_newest = true;
    return r;
}

/* The stored plan of the latest assessment. RH_ENOTFOUND when there is no
 * assessment, or no plan made for the latest one (the dashboard does not
 * make plans: `runhip plan` does). */
static int plan_current(struct rh_store *s, struct rh_plan_state *st, struct rh_err *err)
{
    int64_t aid, created, pid, paid;
    char *intake = NULL, *result = NULL, *state = NULL;
    int r = rh_store_assessment_latest(s, &aid, &created, &intake, &result, err);
    rh_free(intake);
    rh_free(result);
    if (r)
        return r;
    r = rh_store_plan_latest(s, &pid, &paid, &state, err);
    if (!r && paid != aid)
        r = RH_ENOTFOUND;
    if (!r)
        r = rh_plan_state_from_json(state, st, err);
    rh_free(state);
    return r;
}

static int32_t plan_from_day(const struct rh_plan_state *st, int32_t today)
{
    return today < st->phase_day ? st->phase_day : today;
}

/* ---- responses ------------------------------------------------------------ */

static int set_text(struct rh_server_response *out, int status, const char *type, const char *text)
{
    out->status = status;
    out->content_type = type;
    rh_buf_reset(&out->body);
    return rh_buf_puts(&out->body, text);
}

/* A JSON error document {"error": msg} with the given status. */
static int json_error(struct rh_server_response *out, int status, const char *msg)
{
    out->status = status;
    out->content_type = ct_json;
    rh_buf_reset(&out->body);
    int r = rh_buf_puts(&out->body, "{\"error\":");
    if (!r)
        r = rh_buf_json_str(&out->body, msg);
    if (!r)
        r = rh_buf_puts(&out->body, "}\n");
    return r;
}

/* 500 for a library error; 404 with a hint for "nothing stored yet". */
static int api_fail(struct rh_server_response *out, int code, const struct rh_err *err,
                    const char *empty_hint)
{
    if (code == RH_EEMPTY || code == RH_ENOTFOUND)
        return json_error(out, 404, empty_hint);
    return json_error(out, 500, err->msg[0] ? err->msg : rh_strerror(code));
}

static int route_activities(struct rh_store *s, struct rh_server_response *out)
{
    struct rh_activity *acts = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_store_activities(s, INT64_MIN, INT64_MAX, RH_STORE_WITH_UNDATED, &acts, &n, &err);
    if (r)
        return api_fail(out, r, &err, "");
    out->status = 200;
    out->content_type = ct_json;
    r = rh_buf_puts(&out->body, "[");
    for (size_t i = 0; i < n && !r; i++) {
        if (i)
            r = rh_buf_puts(&out->body, ",\n");
        if (!r)
            r = rh_import_activity_json(&acts[i], &out->body);
    }
    if (!r)
        r = rh_buf_puts(&out->body, "]\n");
    rh_activity_array_free(acts, n);
    return r;
}

static int route_load(struct rh_store *s, bool svg, struct rh_server_response *out)
{
    struct rh_load_report rep;
    struct rh_err err;
    rh_err_clear(&err);
    int r = load_report(s, &rep, &err);
    if (r) {
        if (svg && r == RH_EEMPTY)
            return set_text(out, 404, ct_text,
                            "no activities stored yet: run 'runhip import PATH' first\n");
        return api_fail(out, r, &err, "no activities stored yet: run 'runhip import PATH' first");
    }
    out->status = 200;
    out->content_type = svg ? ct_svg : ct_json;
    r = svg ? rh_load_write_svg(&rep, &out->body) : rh_load_write_json(&rep, &out->body);
    rh_load_report_release(&rep);
    return r;
}

static int route_assessment(struct rh_store *s, struct rh_server_response *out)
{
    int64_t id, created;
    char *intake = NULL, *result = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_store_assessment_latest(s, &id, &created, &intake, &result, &err);
    rh_free(intake);
    if (r)
        return api_fail(out, r, &err, "no assessment yet: run 'runhip assess' first");
    out->status = 200;
    out->content_type = ct_json;
    r = rh_buf_puts(&out->body, result);
    if (!r && (out->body.len == 0 || out->body.data[out->body.len - 1] != '\n'))
        r = rh_buf_puts(&out->body, "\n");
    rh_free(result);
    return r;
}

static int route_plan(struct rh_store *s, int32_t today, struct rh_server_response *out)
{
    struct rh_plan_state st;
    struct rh_err err;
    rh_err_clear(&err);
    int r = plan_current(s, &st, &err);
    if (r)
        return api_fail(out, r, &err,
                        "no plan for the latest assessment yet: run 'runhip assess', then "
                        "'runhip plan'");
    struct rh_plan_kb *kb;
    if ((r = rh_plan_kb_load(&kb, &err)))
        return api_fail(out, r, &err, "");
    r = rh_plan_json(kb, &st, plan_from_day(&st, today), &out->body, &err);
    rh_plan_kb_free(kb);
    if (r)
        return api_fail(out, r, &err, "");
    out->status = 200;
    out->content_type = ct_json;
    return 0;
}

/* ---- the HTML page --------------------------------------------------------- */

static const char page_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>runhip dashboard</title>\n<style>\n"
    "body{font-family:system-ui,sans-serif;max-width:62rem;margin:0 auto;padding:1rem 1.5rem;"
    "color:#222;background:#fafafa;line-height:1.45}\n"
    "h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid #ddd;"
    "padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}\n"
    ".note{color:#555;font-size:.92rem}.disclaimer{background:#fff8e1;border-left:4px solid "
    "#f0b400;padding:.5rem .8rem}\n"
    ".flag{background:#fdecea;border-left:4px solid #c62828;padding:.5rem .8rem;margin:.4rem 0}\n"
    ".flag strong{color:#b71c1c}.todo{background:#e8f5e9;border-left:4px solid #2e7d32;"
    "padding:.5rem .8rem}\n"
    ".finding{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.5rem .8rem;"
    "margin:.5rem 0}\n"
    "table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;"
    "padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f0f0f0}\n"
    "td.num{text-align:right}.chart svg{max-width:100%;height:auto;background:#fff}\n"
    "code{background:#eee;padding:0 .25rem;border-radius:3px}\n"
    "</style>\n</head>\n<body>\n<h1>runhip: hip pain after running</h1>\n";

/* A JSON array of strings as <ul>; nothing when empty. */
static void html_list(struct out *o, json_t *arr, const char *cls)
{
    if (!json_is_array(arr) || json_array_size(arr) == 0)
        return;
    if (cls)
        pf(o, "<ul class=\"%s\">\n", cls);
    else
        put(o, "<ul>\n");
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        put(o, "<li>");
        plain(o, json_string_value(v));
        put(o, "</li>\n");
    }
    put(o, "</ul>\n");
}

static const char *jstr(json_t *obj, const char *key)
{
    const char *v = json_string_value(json_object_get(obj, key));
    return v ? v : "";
}

static void word(struct out *o, const char *id)
{
    /* snake_case ids shown as words */
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s", id);
    for (char *p = tmp; *p; p++)
        if (*p == '_')
            *p = ' ';
    esc(o, tmp);
}

static void html_assessment(struct out *o, struct rh_store *s, bool *have)
{
    int64_t id, created;
    char *intake = NULL, *result = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    put(o, "<section id=\"assessment\">\n<h2>Latest assessment</h2>\n");
    int r = rh_store_assessment_latest(s, &id, &created, &intake, &result, &err);
    rh_free(intake);
    *have = r == 0;
    if (r) {
        if (r == RH_ENOTFOUND)
            put(o, "<p>No assessment yet. Run <code>runhip assess</code> to answer the "
                   "questions about your hip.</p>\n");
        else {
            put(o, "<p>The assessment could not be read: ");
            esc(o, err.msg);
            put(o, "</p>\n");
        }
        put(o, "</section>\n");
        return;
    }
    json_error_t jerr;
    json_t *doc = json_loads(result, 0, &jerr);
    rh_free(result);
    if (!json_is_object(doc)) {
        put(o, "<p>The stored assessment is not a readable document.</p>\n</section>\n");
        json_decref(doc);
        return;
    }
    char when[21];
    rh_time_format_iso(created, when);
    pf(o, "<p class=\"note\">Assessment %lld, made ", (long long)id);
    esc(o, when);
    put(o, ".</p>\n");
    json_t *flags = json_object_get(doc, "red_flags");
    if (json_is_array(flags) && json_array_size(flags)) {
        put(o, "<h3>Red flags</h3>\n");
        size_t i;
        json_t *f;
        json_array_foreach(flags, i, f)
        {
            const char *fid = jstr(f, "id");
            const char *nm = rh_text_id_name(fid, strlen(fid));
            put(o, "<div class=\"flag\"><strong>");
            esc(o, nm ? nm : fid);
            put(o, "</strong>: ");
            plain(o, jstr(f, "why"));
            put(o, "</div>\n");
        }
    }
    put(o, "<h3>What to do now</h3>\n<div class=\"todo\">\n<p><strong>Care:</strong> ");
    const char *dw = rh_words("disposition", jstr(doc, "disposition"));
    if (dw)
        esc(o, dw);
    else
        word(o, jstr(doc, "disposition"));
    put(o, "</p>\n");
    html_list(o, json_object_get(doc, "disposition_why"), "note");
    put(o, "<p><strong>Running:</strong> ");
    const char *rw = rh_words("running", jstr(doc, "running"));
    if (rw)
        esc(o, rw);
    else
        word(o, jstr(doc, "running"));
    put(o, "</p>\n");
    html_list(o, json_object_get(doc, "running_why"), "note");
    html_list(o, json_object_get(doc, "advice"), NULL);
    put(o, "</div>\n");
    json_t *conds = json_object_get(doc, "conditions");
    if (json_is_array(conds) && json_array_size(conds)) {
        put(o, "<h3>Likely causes, ranked by how well they fit the answers</h3>\n<ol>\n");
        double top = json_number_value(json_object_get(json_array_get(conds, 0), "score"));
        for (size_t i = 0; i < json_array_size(conds) && i < TOP_CONDITIONS; i++) {
            json_t *c = json_array_get(conds, i);
            put(o, "<li>");
            esc(o, rh_text_rank_word((int)i, json_number_value(json_object_get(c, "score")), top));
            put(o, ": <strong>");
            esc(o, jstr(c, "name"));
            put(o, "</strong>\n");
            html_list(o, json_object_get(c, "why"), "note");
            put(o, "</li>\n");
        }
        put(o, "</ol>\n");
    }
    put(o, "<p class=\"disclaimer\">");
    const char *d = jstr(doc, "disclaimer");
    esc(o, *d ? d : rh_assess_disclaimer());
    put(o, "</p>\n</section>\n");
    json_decref(doc);
}

static void html_load(struct out *o, struct rh_store *s)
{
    struct rh_load_report rep;
    struct rh_err err;
    rh_err_clear(&err);
    put(o, "<section id=\"load\">\n<h2>Training load</h2>\n");
    int r = load_report(s, &rep, &err);
    if (r) {
        if (r == RH_EEMPTY)
            put(o, "<p>No activities stored yet. Run <code>runhip import PATH</code> with "
                   "your watch files or a Strava/Garmin export.</p>\n");
        else {
            put(o, "<p>The training-load report could not be built: ");
            esc(o, err.msg);
            put(o, "</p>\n");
        }
        put(o, "</section>\n");
        return;
    }
    char day[11];
    rh_date_format(rep.as_of, day);
    pf(o, "<p class=\"note\">As of %s, the day of the newest activity. Method: %s.</p>\n", day,
       rh_load_method_name(rep.main_method));
    struct rh_buf svg;
    rh_buf_init(&svg, 0);
    if (!o->err)
        o->err = rh_load_write_svg(&rep, &svg);
    if (!o->err) {
        /* inline the chart without its XML declaration */
        const char *start = svg.len ? strstr(svg.data, "<svg") : NULL;
        put(o, "<div class=\"chart\">\n");
        put(o, start ? start : "");
        put(o, "</div>\n");
    }
    rh_buf_release(&svg);
    if (rep.n_findings == 0)
        put(o, "<p>No training-load finding: nothing in the numbers stands out.</p>\n");
    else
        put(o, "<h3>Findings</h3>\n");
    for (size_t i = 0; i < rep.n_findings; i++) {
        const struct rh_load_finding *f = &rep.findings[i];
        put(o, "<div class=\"finding\"><strong>");
        esc(o, f->title ? f->title : f->id);
        put(o, "</strong> <span class=\"note\">(evidence: ");
        esc(o, f->strength);
        if (f->source) {
            struct rh_buf cite;
            rh_buf_init(&cite, 0);
            if (!o->err)
                o->err = rh_refs_cite(&o->refs, f->source, strlen(f->source), &cite, NULL);
            if (cite.data)
                esc(o, cite.data);
            rh_buf_release(&cite);
        }
        put(o, ")</span><br>\n");
        plain(o, f->detail);
        if (f->advice) {
            put(o, "<br>\n<em>What to do:</em> ");
            plain(o, f->advice);
        }
        put(o, "</div>\n");
    }
    put(o, "</section>\n");
    rh_load_report_release(&rep);
}

static void html_plan(struct out *o, struct rh_store *s, int32_t today, bool have_assessment)
{
    struct rh_plan_state st;
    struct rh_err err;
    rh_err_clear(&err);
    put(o, "<section id=\"plan\">\n<h2>Plan</h2>\n");
    int r = plan_current(s, &st, &err);
    if (r) {
        if (r == RH_ENOTFOUND && have_assessment)
            put(o, "<p>No plan for the latest assessment yet. Run <code>runhip plan</code> to "
                   "make one.</p>\n");
        else if (r == RH_ENOTFOUND)
            put(o, "<p>The plan follows an assessment: run <code>runhip assess</code>, then "
                   "<code>runhip plan</code>.</p>\n");
        else {
            put(o, "<p>The plan could not be read: ");
            esc(o, err.msg);
            put(o, "</p>\n");
        }
        put(o, "</section>\n");
        return;
    }
    struct rh_plan_kb *kb = NULL;
    if ((r = rh_plan_kb_load(&kb, &err))) {
        put(o, "<p>The plan rules could not be read: ");
        esc(o, err.msg);
        put(o, "</p>\n</section>\n");
        return;
    }
    char sec[32], since[11];
    snprintf(sec, sizeof sec, "phase.%s", rh_phase_id(st.phase));
    const char *name = rh_plan_kb_get(kb, sec, "name");
    const char *goal = rh_plan_kb_get(kb, sec, "goal");
    rh_date_format(st.phase_day, since);
    put(o, "<p><strong>Phase:</strong> ");
    esc(o, name ? name : rh_phase_id(st.phase));
    pf(o, " <span class=\"note\">(since %s)</span></p>\n", since);
    if (goal) {
        put(o, "<p>");
        esc(o, goal);
        put(o, "</p>\n");
    }
    if (st.condition_name[0]) {
        put(o, "<p class=\"note\">Made for: ");
        esc(o, st.condition_name);
        put(o, "</p>\n");
    }
    if (st.blocked && !st.cleared) {
        put(o, "<div class=\"flag\"><strong>No running until cleared:</strong> ");
        plain(o, st.block_reason);
        put(o, "</div>\n");
    }
    if (st.see_someone) {
        put(o, "<div class=\"flag\"><strong>See someone:</strong> ");
        plain(o, st.see_why);
        put(o, "</div>\n");
    }
    struct rh_plan_day *days = NULL;
    int32_t from = plan_from_day(&st, today);
    r = rh_plan_calendar(kb, &st, from, 7, &days, &err);
    if (r) {
        put(o, "<p>This week could not be laid out: ");
        esc(o, err.msg);
        put(o, "</p>\n");
    } else {
        put(o, "<h3>This week</h3>\n<table>\n<tr><th>Day</th><th>Session</th><th>What to "
               "do</th></tr>\n");
        for (int i = 0; i < 7; i++) {
            char d[11];
            rh_date_format(days[i].day, d);
            pf(o, "<tr><td>%s</td><td>", d);
            esc(o, days[i].title[0] ? days[i].title : days[i].kind);
            put(o, "</td><td>");
            /* one item a line */
            const char *p = days[i].detail;
            while (*p) {
                const char *nl = strchr(p, '\n');
                size_t len = nl ? (size_t)(nl - p) : strlen(p);
                char line[2048];
                snprintf(line, sizeof line, "%.*s", (int)len, p);
                plain(o, line);
                if (nl)
                    put(o, "<br>\n");
                p += len + (nl ? 1 : 0);
            }
            put(o, "</td></tr>\n");
        }
        put(o, "</table>\n");
    }
    rh_free(days);
    rh_plan_kb_free(kb);
    put(o, "</section>\n");
}

static void fmt_dur(double s, char *out, size_t n)
{
    if (!rh_has(s) || s < 0) {
        snprintf(out, n, "-");
        return;
    }
    long t = (long)(s + 0.5);
    if (t >= 3600)
        snprintf(out, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(out, n, "%ld:%02ld", t / 60, t % 60);
}

static void html_activities(struct out *o, struct rh_activity *acts, size_t n)
{
    put(o, "<section id=\"activities\">\n<h2>Last activities</h2>\n");
    if (n == 0) {
        put(o, "<p>None stored yet.</p>\n</section>\n");
        return;
    }
    put(o, "<table>\n<tr><th>Date</th><th>Sport</th><th>km</th><th>Time</th><th>spm</th>"
           "<th>HR</th><th>Shoe</th><th>Name</th></tr>\n");
    /* newest first (the store lists dated activities oldest first) */
    size_t shown = 0;
    for (size_t k = n; k-- > 0 && shown < LAST_ACTIVITIES;) {
        const struct rh_activity *a = &acts[k];
        char date[11] = "-", km[32] = "-", dur[64], cad[32] = "-", hr[32] = "-";
        if (a->has_start)
            rh_date_format(rh_day_of_time(a->start_utc), date);
        fmt_dur(rh_activity_duration_s(a), dur, sizeof dur);
        if (rh_has(a->total_distance_m))
            snprintf(km, sizeof km, "%.2f", a->total_distance_m / 1000);
        if (rh_has(a->avg_cadence_spm))
            snprintf(cad, sizeof cad, "%.0f", a->avg_cadence_spm);
        if (rh_has(a->avg_hr))
            snprintf(hr, sizeof hr, "%.0f", a->avg_hr);
        pf(o, "<tr><td>%s</td><td>", date);
        esc(o, rh_sport_name(a->sport));
        pf(o, "</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
              "<td class=\"num\">%s</td><td>",
           km, dur, cad, hr);
        esc(o, a->gear ? a->gear : "-");
        put(o, "</td><td>");
        esc(o, a->name ? a->name : "");
        put(o, "</td></tr>\n");
        shown++;
    }
    put(o, "</table>\n");
    pf(o, "<p class=\"note\">%zu activit%s stored; the newest %zu shown. All of them: "
          "<a href=\"/api/activities\">/api/activities</a>.</p>\n",
       n, n == 1 ? "y" : "ies", shown);
    put(o, "</section>\n");
}

static int route_page(struct rh_store *s, int32_t today, struct rh_server_response *out)
{
    struct rh_activity *acts = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_store_activities(s, INT64_MIN, INT64_MAX, 0, &acts, &n, &err);
    if (r)
        return set_text(out, 500, ct_text, err.msg);
    int64_t aid, created;
    char *intake = NULL, *result = NULL;
    int ra = rh_store_assessment_latest(s, &aid, &created, &intake, &result, &err);
    rh_free(intake);
    rh_free(result);
    long total = rh_store_activity_count(s, &err);
    struct out o = {&out->body, 0, {0}};
    rh_refs_init(&o.refs);
    out->status = 200;
    out->content_type = ct_html;
    put(&o, page_head);
    if (total <= 0 && ra == RH_ENOTFOUND) {
        put(&o, "<section id=\"welcome\">\n<h2>Nothing stored yet</h2>\n"
                "<p>This dashboard shows what runhip knows about your running and your hip. "
                "The database is still empty; start with:</p>\n<ol>\n"
                "<li><code>runhip import PATH</code>: your watch files (.fit .gpx .tcx) or a "
                "Strava/Garmin export, for the training-load chart.</li>\n"
                "<li><code>runhip assess</code>: the questions about your hip pain, for the "
                "likely causes and what to do now.</li>\n"
                "<li><code>runhip plan</code>: the return-to-run plan that follows the "
                "assessment.</li>\n</ol>\n"
                "<p>Or try <code>runhip demo</code> to see the whole journey with a sample "
                "runner. Then reload this page.</p>\n</section>\n");
        put(&o, "<p class=\"disclaimer\">");
        esc(&o, rh_assess_disclaimer());
        put(&o, "</p>\n");
    } else {
        bool have = false;
        html_assessment(&o, s, &have);
        html_plan(&o, s, today, have);
        html_load(&o, s);
        html_activities(&o, acts, n);
        if (o.refs.n) {
            put(&o, "<section id=\"sources\">\n<h2>Sources</h2>\n");
            if (!o.err)
                o.err = rh_refs_write_html(&o.refs, o.b);
            put(&o, "</section>\n");
        }
    }
    put(&o, "<p class=\"note\">Read-only view of ");
    esc(&o, rh_store_path(s));
    put(&o, ". Data as JSON: <a href=\"/api/assessment\">assessment</a>, "
            "<a href=\"/api/plan\">plan</a>, <a href=\"/api/load\">load</a>, "
            "<a href=\"/api/activities\">activities</a>; chart: "
            "<a href=\"/load.svg\">load.svg</a>.</p>\n</body>\n</html>\n");
    rh_activity_array_free(acts, n);
    return o.err;
}

/* ---- routing --------------------------------------------------------------- */

static int dispatch(struct rh_store *s, int32_t today, const char *path,
                    struct rh_server_response *out)
{
    if (!strcmp(path, "/") || !strcmp(path, "/index.html"))
        return route_page(s, today, out);
    if (!strcmp(path, "/load.svg"))
        return route_load(s, true, out);
    if (!strcmp(path, "/api/load"))
        return route_load(s, false, out);
    if (!strcmp(path, "/api/activities"))
        return route_activities(s, out);
    if (!strcmp(path, "/api/assessment"))
        return route_assessment(s, out);
    if (!strcmp(path, "/api/plan"))
        return route_plan(s, today, out);
    return set_text(out, 404, ct_text, "not found\n");
}

static bool known_path(const char *path)
{
    static const char *const paths[] = {"/",          "/index.html",     "/load.svg",
                                        "/api/load",  "/api/activities", "/api/assessment",
                                        "/api/plan"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        if (!strcmp(path, paths[i]))
            return true;
    return false;
}

int rh_server_handle_at(struct rh_store *s, int32_t today, const char *method, const char *path,
                        struct rh_server_response *out)
{
    rh_buf_reset(&out->body);
    out->allow = NULL;
    char p[256];
    size_t len = path ? strcspn(path, "?#") : 0;
    if (!path || len >= sizeof p)
        return set_text(out, 404, ct_text, "not found\n");
    memcpy(p, path, len);
    p[len] = '\0';
    if (!known_path(p))
        return set_text(out, 404, ct_text, "not found\n");
    if (!method || strcmp(method, "GET") != 0) {
        out->allow = "GET";
        return set_text(out, 405, ct_text, "method not allowed: this dashboard is read-only\n");
    }
    if (!s)
        return set_text(out, 500, ct_text, "the database could not be opened\n");
    int r = dispatch(s, today, p, out);
    if (r) {
        /* the body could not be built: say so rather than send half a page */
        set_text(out, 500, ct_text, "out of memory\n");
        return r;
    }
    return 0;
}

int rh_server_handle(struct rh_store *s, const char *method, const char *path,
                     struct rh_server_response *out)
{
    return rh_server_handle_at(s, rh_day_of_time((int64_t)time(NULL)), method, path, out);
}
