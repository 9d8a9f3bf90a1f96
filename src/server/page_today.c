/* SPDX-License-Identifier: MIT */
/* GET /: today. The block banner first when running is blocked (or red
 * flags, or "see someone"), then what to do today and why, then the next
 * days of the plan. An empty database gets the first steps instead. */
#include <string.h>

#include "runhip/assess.h"
#include "runhip/text.h"
#include "server/server_int.h"
#include "util/json_int.h"
#include "util/banned.h"

#define NEXT_DAYS 6

bool html_red_flags(struct ctx *c, json_t *doc);
bool html_plan_banners(struct ctx *c, const struct rh_plan_state *st);
int html_plan_notice(struct ctx *c, const struct rh_plan_state *st, const char *result_json,
                     bool with_care_why);
void html_days(struct ctx *c, const struct rh_plan_day *days, int n);
void html_day_detail(struct ctx *c, const char *detail);
void html_howto(struct ctx *c, const struct rh_plan_kb *kb, const struct rh_plan_day *days,
                int n, const char *head_key, bool heading_h2);
const char *weekday_name(int32_t day);

/* words21b: the page's own words, data/wording.txt [web_today], a closed
 * set of printf formats without markup checked when the server first loads
 * its rules (page_today_words_check); the links and tags stay here, their
 * words by key (*_link). */
static const struct rh_words_format today_words[] = {
    {"title", ""}, {"welcome_heading", ""}, {"welcome_intro", ""}, {"welcome_import", "ss"},
    {"import_link", ""}, {"welcome_assess", "ss"}, {"assess_link", ""}, {"welcome_plan", "ss"},
    {"plan_link", ""}, {"welcome_demo", "s"}, {"record_visit", ""}, {"todo_heading", ""},
    {"running", ""}, {"plan_failed", ""}, {"no_assessment", "ss"}, {"check_link", ""},
    {"layout_failed", ""}, {"why", ""}, {"why_you", ""}, {"why_child", ""}, {"pain_rule", ""},
    {"what_to_log", ""}, {"next_failed", ""}, {"next_heading", ""}, {"whole_plan", ""},
    {"assessment_top", "ss"}, {"assessment_none", "s"}, {"assessment_link", ""},
    {"training_one", "sd"}, {"training_many", "sd"}, {"training_link", ""},
};

int page_today_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_today", today_words,
                                       sizeof today_words / sizeof *today_words, err);
}

#define W(key) web_words("web_today", (key))

static void welcome(struct ctx *c)
{
    char a[256];
    pf(c, "<section id=\"welcome\">\n<h2>%s</h2>\n<p>%s</p>\n<ol>\n<li>", W("welcome_heading"),
       W("welcome_intro"));
    snprintf(a, sizeof a, "<a href=\"/import\">%s</a>", W("import_link"));
    pf(c, W("welcome_import"), a, "<code>runhip import PATH</code>");
    put(c, "</li>\n<li>");
    snprintf(a, sizeof a, "<a href=\"/questionnaire\">%s</a>", W("assess_link"));
    pf(c, W("welcome_assess"), a, "<code>runhip assess</code>");
    put(c, "</li>\n<li>");
    snprintf(a, sizeof a, "<a href=\"/plan\">%s</a>", W("plan_link"));
    pf(c, W("welcome_plan"), a, "<code>runhip plan</code>");
    put(c, "</li>\n</ol>\n<p>");
    pf(c, W("welcome_demo"), "<code>runhip demo</code>");
    put(c, "</p>\n</section>\n");
}

int page_today(struct ctx *c)
{
    struct rh_err err;
    rh_err_clear(&err);
    int64_t aid, created;
    char *intake = NULL, *result = NULL;
    int ra = rh_store_assessment_latest(c->s, &aid, &created, &intake, &result, &err);
    rh_free(intake);
    long total = rh_store_activity_count(c->s, &err);
    /* no assessment: the red flags the diary keeps (rh_diary_unassessed) */
    struct rh_plan_state *ust = NULL;
    if (ra == RH_ENOTFOUND && (ust = rh_calloc(1, sizeof *ust))) {
        struct rh_err e2;
        rh_err_clear(&e2);
        if (rh_diary_unassessed(c->s, ust, &e2)) {
            rh_free(ust);
            ust = NULL;
        }
    }
    page_begin(c, W("title"));
    bool kept = ust != NULL;
    if (ust) /* the banners first, as a plan's */
        html_plan_banners(c, ust);
    rh_free(ust);
    if (ra == RH_ENOTFOUND && total <= 0 && !kept) {
        welcome(c);
        c->said_disclaimer = true; /* the footer leaves it out */
        put(c, "<p class=\"disclaimer\">");
        esc(c, rh_assess_disclaimer());
        put(c, "</p>\n");
        page_end(c);
        return 0;
    }
    json_t *doc = ra ? NULL : assessment_doc(result);

    struct rh_plan_state st;
    rh_err_clear(&err);
    int rp = plan_current(c, NULL, &st, &err);
    /* the day as `runhip today` says it: one library function (rh_plan_today) */
    struct rh_plan_today *t = NULL;
    int rt = RH_ENOTFOUND;
    if (!rp) {
        const struct rh_plan_kb *kb = server_kb(&err);
        t = rh_malloc(sizeof *t);
        rt = !kb ? RH_EFORMAT : !t ? RH_ENOMEM : rh_plan_today(kb, &st, c->s, c->today, t, &err);
    }
    if (!rp && !rt) {
        /* the booking the assessment advised, until a visit is recorded
         * (rh_plan_booking: the one time frame; review 8 #19) */
        if (*t->booking) {
            put(c, "<p class=\"warn\" id=\"booking\"><strong>");
            esc(c, t->booking);
            pf(c, "</strong> <a href=\"/diary#visit\">%s</a></p>\n", W("record_visit"));
        }
        if (!t->block && doc && *t->signs_cleared) {
            put(c, "<p class=\"note\">");
            esc(c, t->signs_cleared);
            put(c, "</p>\n");
        } else if (!t->block && doc) {
            html_red_flags(c, doc);
        }
        /* one notice, first: while running is blocked the plan's notice names
         * every red flag in force, the assessment's (with its reasons) and the
         * diary's, the most urgent first, each once (rh_plan_notice); red flags
         * a professional has cleared are said as cleared, not as an alert (the
         * plan follows the clearance) */
        html_plan_notice(c, &st, ra ? NULL : result, true);
        /* the clearance in force: the terminal's rh_plan_clearance_status */
        if (*t->cleared_line) {
            put(c, "<p class=\"note\" id=\"cleared\">");
            esc(c, t->cleared_line);
            put(c, "</p>\n");
        }
    } else if (doc) {
        html_red_flags(c, doc);
    }
    rh_free(result);

    char d[11];
    rh_date_format(c->today, d);
    pf(c, "<p class=\"note\">%s %s</p>\n", weekday_name(c->today), d);
    if (rp) {
        pf(c, "<section aria-labelledby=\"todo\"><h2 id=\"todo\">%s</h2>\n", W("todo_heading"));
        if (doc) {
            pf(c, "<p><strong>%s</strong> ", W("running"));
            word(c, jstr(doc, "running"));
            put(c, "</p>\n");
            /* the reasons for the running advice given ("LEVEL: reason"), in words */
            const struct rh__reasons_html q = {
                .doc = doc, .why = json_object_get(doc, "running_why"),
                .level = jstr(doc, "running"), .max = RH_TEXT_RUNNING_WHY, .running = true,
                .open = "<ul class=\"note\">\n<li>", .html_flags = RH_HTML_APOS};
            int n;
            if (!c->err)
                c->err = rh__json_reasons_html(&q, &c->refs, &c->res->body, &n);
            html_advice(c, doc, RH_ADVICE_NOW);
            pf(c, "<p class=\"error\">%s ", W("plan_failed"));
            esc(c, err.msg[0] ? err.msg : rh_strerror(rp));
            put(c, "</p>\n");
        } else {
            char a[256];
            snprintf(a, sizeof a, "<a class=\"button\" href=\"/questionnaire\">%s</a>",
                     W("check_link"));
            put(c, "<p>");
            pf(c, W("no_assessment"), a, "<code>runhip assess</code>");
            put(c, "</p>\n");
        }
        put(c, "</section>\n");
    } else if (rt) {
        pf(c, "<p class=\"error\">%s ", W("layout_failed"));
        esc(c, err.msg[0] ? err.msg : rh_strerror(rt));
        put(c, "</p>\n");
    } else {
        struct rh_plan_day *days = NULL;
        const struct rh_plan_kb *kb = server_kb(&err);
        int r = kb ? rh_plan_calendar(kb, &st, c->today + 1, NEXT_DAYS, &days, &err) : RH_EFORMAT;
        pf(c, "<section class=\"today tone-%s\" aria-labelledby=\"todo\"><h2 id=\"todo\">",
           tone_of(t->day.kind[0] ? t->day.kind : "rest"));
        esc(c, t->head);
        put(c, ": ");
        esc(c, t->day.title[0] ? t->day.title : t->day.kind);
        put(c, "</h2>\n");
        if (*t->logged) {
            put(c, "<p class=\"note\" id=\"logged\"><strong>");
            esc(c, t->logged);
            put(c, "</strong></p>\n");
        }
        html_day_detail(c, t->day.detail);
        html_howto(c, kb, &t->day, 1, "howto_head", false);
        if (*t->block_note) {
            put(c, "<p class=\"block-note\">");
            plain(c, t->block_note);
            put(c, "</p>\n");
        }
        pf(c, "<p class=\"why\"><strong>%s</strong> %s &ldquo;", W("why"),
           W(t->for_child ? "why_child" : "why_you"));
        esc(c, t->phase_name);
        put(c, "&rdquo;");
        if (t->goal) {
            put(c, ": ");
            esc(c, t->goal);
        }
        pf(c, "</p>\n<p class=\"note\" id=\"pain-rule\"><strong>%s</strong> ", W("pain_rule"));
        plain(c, t->pain_rule ? t->pain_rule : "");
        pf(c, "</p>\n<p class=\"note\"><strong>%s</strong> ", W("what_to_log"));
        plain(c, t->log ? t->log : "");
        put(c, "</p>\n<p><a class=\"button\" href=\"/diary#pain\">");
        esc(c, t->button);
        put(c, "</a></p>\n</section>\n");
        if (r) {
            pf(c, "<p class=\"error\">%s ", W("next_failed"));
            esc(c, err.msg);
            put(c, "</p>\n");
        } else {
            pf(c, "<h2>%s</h2>\n", W("next_heading"));
            html_days(c, days, NEXT_DAYS);
            pf(c, "<p><a href=\"/plan\">%s</a></p>\n", W("whole_plan"));
        }
        rh_free(days);
    }
    rh_free(t);
    if (doc) {
        const char *top = jstr(json_array_get(json_object_get(doc, "conditions"), 0), "name");
        char a[256];
        snprintf(a, sizeof a, "<a href=\"/assessment\">%s</a>", W("assessment_link"));
        /* the top condition's name escaped, then said in the sentence */
        struct rh_buf e;
        rh_buf_init(&e, 0);
        int r = rh_server_html_escape(&e, top);
        put(c, "<p>");
        if (!r)
            pf(c, W(*top ? "assessment_top" : "assessment_none"), a, e.data ? e.data : "");
        else if (!c->err)
            c->err = r;
        put(c, "</p>\n");
        rh_buf_release(&e);
    }
    if (total > 0) {
        char a[256];
        snprintf(a, sizeof a, "<a href=\"/training\">%s</a>", W("training_link"));
        put(c, "<p>");
        pf(c, W(total == 1 ? "training_one" : "training_many"), a, (int)total);
        put(c, "</p>\n");
    }
    json_decref(doc);
    page_end(c);
    return 0;
}
