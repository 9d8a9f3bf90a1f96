/* SPDX-License-Identifier: MIT */
/* The JSON API under /api/: the same documents as the CLI's --json
 * (activities, load, assessment, plan, diary), from the same library
 * writers. Long lists come a page at a time (?offset=&limit=). */
#include <limits.h>
#include <string.h>

#include "runhip/import.h"
#include "server/server_int.h"
#include "util/banned.h"

#define API_LIMIT_DEFAULT 100
#define API_LIMIT_MAX 1000
#define DIARY_DAYS 90

/* words21c: the JSON API's own errors, data/wording.txt [web_api], a closed
 * set of printf formats without markup checked when the server first loads
 * its rules (page_api_words_check). */
static const struct rh_words_format api_words[] = {
    {"no_activities", ""}, {"findings_failed", ""}, {"no_assessment", ""},
    {"no_assessment_plan", ""},
};

int page_api_words_check(struct rh_err *err)
{
    return rh_words_plain_format_check("web_api", api_words, sizeof api_words / sizeof *api_words,
                                       err);
}

#define W(key) web_words("web_api", (key))

int api_index(struct ctx *c)
{
    c->res->status = 200;
    c->res->content_type = ct_json;
    put(c, "{\"routes\":[");
    bool first = true;
    for (size_t i = 0; i < rh_n_routes; i++) {
        const struct route *r = &rh_routes[i];
        if (r->kind != RK_API)
            continue;
        put(c, first ? "\n" : ",\n");
        first = false;
        if (!c->err)
            c->err = rh_buf_json_str(&c->res->body, r->path);
    }
    put(c, "]}\n");
    return 0;
}

int api_activities(struct ctx *c)
{
    struct rh_activity *acts = NULL;
    size_t n = 0, total = 0;
    struct rh_err err;
    rh_err_clear(&err);
    long off = qlong(c, "offset", 0, 0, LONG_MAX);
    long lim = qlong(c, "limit", API_LIMIT_DEFAULT, 1, API_LIMIT_MAX);
    /* only the page is read (oldest first, undated last) */
    int r = rh_store_activity_page(c->s, (size_t)off, (size_t)lim, false, 0, &acts, &n, &total,
                                   &err);
    if (r)
        return api_fail(c, r, &err, "");
    if ((size_t)off > total)
        off = (long)total;
    c->res->status = 200;
    c->res->content_type = ct_json;
    pf(c, "{\"total\":%zu,\"offset\":%ld,\"limit\":%ld,\"activities\":[", total, off, lim);
    for (size_t i = 0; i < n && !c->err; i++) {
        put(c, i ? ",\n" : "\n");
        if (!c->err)
            c->err = rh_import_activity_json(&acts[i], &c->res->body);
    }
    put(c, "]");
    size_t end = (size_t)off + n;
    if (end < total)
        pf(c, ",\"next\":\"/api/activities?offset=%zu&limit=%ld\"", end, lim);
    put(c, "}\n");
    rh_activity_array_free(acts, n);
    return 0;
}

int api_load(struct ctx *c)
{
    struct rh_load_report rep;
    struct rh_err err;
    rh_err_clear(&err);
    int r = load_report(c->s, c->today, &rep, &err);
    if (r)
        return api_fail(c, r, &err, W("no_activities"));
    /* the findings of the weeks before the pain began too, as the
     * Training page shows them (runner16) */
    struct rh_load_shown sh;
    r = rh_load_findings_shown(c->s, &rep, &sh, &err);
    if (r) {
        rh_load_shown_release(&sh);
        rh_load_report_release(&rep);
        return api_fail(c, r, &err, W("findings_failed"));
    }
    c->res->status = 200;
    c->res->content_type = ct_json;
    if (training_deferred(c)) /* review 10 #4 */
        rh_load_shown_defer(&rep, &sh);
    r = rh_load_write_json_shown(&rep, &sh, &c->res->body);
    rh_load_shown_release(&sh);
    rh_load_report_release(&rep);
    return r;
}

int api_assessment(struct ctx *c)
{
    int64_t id, created;
    char *intake = NULL, *result = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_store_assessment_latest(c->s, &id, &created, &intake, &result, &err);
    rh_free(intake);
    if (r)
        return api_fail(c, r, &err, W("no_assessment"));
    c->res->status = 200;
    c->res->content_type = ct_json;
    put(c, result);
    if (c->res->body.len == 0 || c->res->body.data[c->res->body.len - 1] != '\n')
        put(c, "\n");
    rh_free(result);
    return 0;
}

int api_plan(struct ctx *c)
{
    struct rh_plan_state st;
    struct rh_err err;
    rh_err_clear(&err);
    int r = plan_current(c, NULL, &st, &err);
    bool unassessed = false;
    if (r == RH_ENOTFOUND) {
        /* no assessment: the red flags the diary keeps, as `runhip plan --json` */
        struct rh_err e2;
        rh_err_clear(&e2);
        unassessed = rh_diary_unassessed(c->s, &st, &e2) == 0;
    }
    if (r && !unassessed)
        return api_fail(c, r, &err, W("no_assessment_plan"));
    r = unassessed ? rh_plan_unassessed_json(&st, c->today, &c->res->body, &err)
                   : rh_plan_json(server_kb(&err), &st, plan_from_day(&st, c->today),
                                  &c->res->body, &err);
    if (r)
        return api_fail(c, r, &err, "");
    c->res->status = 200;
    c->res->content_type = ct_json;
    return 0;
}

/* The diary of the last 90 days (or ?days=N): pain entries and sessions,
 * oldest first. */
int api_diary(struct ctx *c)
{
    long days = qlong(c, "days", DIARY_DAYS, 1, 3660);
    struct rh_pain_entry *pain = NULL;
    struct rh_session *ses = NULL;
    size_t np = 0, ns = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int32_t from = c->today - (int32_t)days + 1;
    int r = rh_store_pain_list(c->s, from, c->today, &pain, &np, &err);
    if (!r)
        r = rh_store_session_list(c->s, from, c->today, &ses, &ns, &err);
    if (r) {
        rh_pain_array_free(pain, np);
        return api_fail(c, r, &err, "");
    }
    c->res->status = 200;
    c->res->content_type = ct_json;
    put(c, "{\"pain\":[");
    for (size_t i = 0; i < np; i++) {
        char d[11];
        rh_date_format(pain[i].day, d);
        pf(c, "%s{\"id\":%lld,\"date\":\"%s\",\"pain\":%d,", i ? ",\n" : "\n",
           (long long)pain[i].id, d, pain[i].pain);
        if (pain[i].during_run >= 0)
            pf(c, "\"during_run\":%d,", pain[i].during_run);
        else
            put(c, "\"during_run\":null,");
        if (pain[i].next_morning >= 0)
            pf(c, "\"next_morning\":%d,", pain[i].next_morning);
        else
            put(c, "\"next_morning\":null,");
        put(c, "\"note\":");
        if (!c->err)
            c->err = rh_buf_json_str(&c->res->body, pain[i].note);
        put(c, ",\"signs\":"); /* the warning signs ticked with it */
        if (!c->err)
            c->err = rh_triage_signs_json(pain[i].signs, &c->res->body);
        /* plan27: the activity its pain during activity was in (schema 9) */
        if (pain[i].activity[0])
            pf(c, ",\"activity\":\"%s\"", pain[i].activity);
        else
            put(c, ",\"activity\":null");
        put(c, "}");
    }
    put(c, "],\n\"sessions\":[");
    for (size_t i = 0; i < ns; i++) {
        char d[11];
        rh_date_format(ses[i].day, d);
        pf(c, "%s{\"id\":%lld,\"date\":\"%s\",\"kind\":\"%s\",", i ? ",\n" : "\n",
           (long long)ses[i].id, d, rh_session_kind_name(ses[i].kind));
        if (rh_has(ses[i].minutes))
            pf(c, "\"minutes\":%.0f,", ses[i].minutes);
        else
            put(c, "\"minutes\":null,");
        if (ses[i].rpe >= 0)
            pf(c, "\"rpe\":%d,", ses[i].rpe);
        else
            put(c, "\"rpe\":null,");
        put(c, "\"note\":");
        if (!c->err)
            c->err = rh_buf_json_str(&c->res->body, ses[i].note);
        put(c, "}");
    }
    put(c, "]}\n");
    rh_pain_array_free(pain, np);
    rh_session_array_free(ses, ns);
    return 0;
}

/* The weekly check-ins, oldest first: the objects of `runhip checkin
 * --list --json` (rh_checkin_json) in one array. */
int api_checkin(struct ctx *c)
{
    struct rh_checkin *ck = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int r = rh_store_checkin_list(c->s, &ck, &n, &err);
    if (r)
        return api_fail(c, r, &err, "");
    c->res->status = 200;
    c->res->content_type = ct_json;
    put(c, "{\"checkins\":[");
    for (size_t i = 0; i < n && !c->err; i++) {
        put(c, i ? ",\n" : "\n");
        if (!c->err)
            c->err = rh_checkin_json(&ck[i], &c->res->body);
    }
    put(c, "]}\n");
    rh_free(ck);
    return 0;
}

/* The profile: every key of the library's table (rh_profile_keys), a
 * number for a ranged key, text otherwise, null when unset; the zone in use
 * and where it comes from. */
int api_profile(struct ctx *c)
{
    size_t n;
    const struct rh_profile_key *k = rh_profile_keys(&n);
    struct rh_err err;
    rh_err_clear(&err);
    c->res->status = 200;
    c->res->content_type = ct_json;
    put(c, "{");
    bool own_zone = false;
    for (size_t i = 0; i < n; i++) {
        char *v = NULL;
        int r = rh_store_profile_get(c->s, k[i].key, &v, &err);
        if (r) {
            rh_buf_reset(&c->res->body);
            return api_fail(c, r, &err, "");
        }
        long num;
        pf(c, "%s\"%s\":", i ? "," : "", k[i].key);
        if (!v)
            put(c, "null");
        else if ((k[i].lo || k[i].hi) && !rh_parse_long(v, &num))
            pf(c, "%ld", num);
        else if (!c->err)
            c->err = rh_buf_json_str(&c->res->body, v);
        if (!strcmp(k[i].key, "tz"))
            own_zone = v != NULL;
        rh_free(v);
    }
    put(c, ",\"zone_in_use\":");
    if (!c->err)
        c->err = rh_buf_json_str(&c->res->body, rh_tz_name(rh_store_zone(c->s)));
    pf(c, ",\"zone_from\":\"%s\"}\n", own_zone ? "profile" : "system");
    return 0;
}
