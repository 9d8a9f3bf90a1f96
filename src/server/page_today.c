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
const char *weekday_name(int32_t day);

static void welcome(struct ctx *c)
{
    put(c, "<section id=\"welcome\">\n<h2>Nothing stored yet</h2>\n"
           "<p>runhip looks at your running and your hip pain and gives you a plan back to "
           "running. Start with:</p>\n<ol>\n"
           "<li><a href=\"/import\">Import</a> your watch files (.fit .gpx .tcx) or a "
           "Strava/Garmin export (or <code>runhip import PATH</code>), for the training "
           "load.</li>\n"
           "<li><a href=\"/questionnaire\">Answer the questions about your hip</a> (or "
           "<code>runhip assess</code>), for the likely causes and what to do now.</li>\n"
           "<li>Your return-to-run plan then follows from your answers on the <a "
           "href=\"/plan\">Plan</a> page (or <code>runhip plan</code>).</li>\n</ol>\n"
           "<p>Or try <code>runhip demo</code> to see the whole journey with a sample "
           "runner.</p>\n</section>\n");
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
    page_begin(c, "Today");
    bool kept = ust != NULL;
    if (ust) /* the banners first, as a plan's */
        html_plan_banners(c, ust);
    rh_free(ust);
    if (ra == RH_ENOTFOUND && total <= 0 && !kept) {
        welcome(c);
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
            put(c, "</strong> <a href=\"/diary#visit\">Record the visit</a></p>\n");
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
        put(c, "<section aria-labelledby=\"todo\"><h2 id=\"todo\">What to do today</h2>\n");
        if (doc) {
            put(c, "<p><strong>Running:</strong> ");
            word(c, jstr(doc, "running"));
            put(c, "</p>\n");
            /* the reasons for the running advice given ("LEVEL: reason"), in words */
            const char *shown[RH_TEXT_RUNNING_WHY];
            int n = rh__json_level_reasons(json_object_get(doc, "running_why"),
                                           jstr(doc, "running"), NULL, NULL, shown,
                                           RH_TEXT_RUNNING_WHY);
            for (int k = 0; k < n; k++) {
                put(c, k ? "</li>\n<li>" : "<ul class=\"note\">\n<li>");
                running_reason(c, doc, shown[k]);
            }
            if (n)
                put(c, "</li>\n</ul>\n");
            html_advice(c, doc, RH_ADVICE_NOW);
            put(c, "<p class=\"error\">The plan could not be made: ");
            esc(c, err.msg[0] ? err.msg : rh_strerror(rp));
            put(c, "</p>\n");
        } else {
            put(c, "<p>No assessment yet: <a class=\"button\" href=\"/questionnaire\">Check "
                   "my hip pain</a> (the questions, also with <code>runhip assess</code>); your "
                   "day-by-day plan is then made here.</p>\n");
        }
        put(c, "</section>\n");
    } else if (rt) {
        put(c, "<p class=\"error\">The plan could not be laid out: ");
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
        if (*t->block_note) {
            put(c, "<p class=\"block-note\">");
            plain(c, t->block_note);
            put(c, "</p>\n");
        }
        pf(c, "<p class=\"why\"><strong>Why:</strong> %s in the phase &ldquo;",
           t->for_child ? "your child is" : "you are");
        esc(c, t->phase_name);
        put(c, "&rdquo;");
        if (t->goal) {
            put(c, ": ");
            esc(c, t->goal);
        }
        put(c, "</p>\n<p class=\"note\" id=\"pain-rule\"><strong>Pain rule:</strong> ");
        plain(c, t->pain_rule ? t->pain_rule : "");
        put(c, "</p>\n<p class=\"note\"><strong>What to log:</strong> ");
        plain(c, t->log ? t->log : "");
        put(c, "</p>\n<p><a class=\"button\" href=\"/diary#pain\">");
        esc(c, t->button);
        put(c, "</a></p>\n</section>\n");
        if (r) {
            put(c, "<p class=\"error\">The next days could not be laid out: ");
            esc(c, err.msg);
            put(c, "</p>\n");
        } else {
            put(c, "<h2>Next days</h2>\n");
            html_days(c, days, NEXT_DAYS);
            put(c, "<p><a href=\"/plan\">The whole plan</a></p>\n");
        }
        rh_free(days);
    }
    rh_free(t);
    if (doc) {
        put(c, "<p><a href=\"/assessment\">Your assessment</a>: ");
        const char *top = jstr(json_array_get(json_object_get(doc, "conditions"), 0), "name");
        if (*top) {
            put(c, "most likely ");
            esc(c, top);
        }
        put(c, ".</p>\n");
    }
    if (total > 0)
        pf(c, "<p><a href=\"/training\">Training</a>: %ld activit%s stored.</p>\n", total,
           total == 1 ? "y" : "ies");
    json_decref(doc);
    page_end(c);
    return 0;
}
