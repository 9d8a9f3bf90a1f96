/* SPDX-License-Identifier: MIT */
/* GET /assessment: the latest stored assessment, red flags first, then what
 * to do now, the likely causes with their reasons, and the disclaimer. */
#include <string.h>

#include "runhip/assess.h"
#include "runhip/plan.h"
#include "runhip/text.h"
#include "server/server_int.h"
#include "util/json_int.h"
#include "util/banned.h"

/* words21b: the page's own words (and those of the red-flag banner and the
 * advice Today shares), data/wording.txt [web_assessment], a closed set of
 * printf formats without markup checked when the server first loads its
 * rules (page_assessment_words_check); the links and tags stay here. */
static const struct rh_words_format assessment_words[] = {
    {"title", ""}, {"worth_heading", ""}, {"worth_intro", ""}, {"flags_heading", ""},
    {"against", ""}, {"none", "ss"}, {"answer_link", ""}, {"unreadable", ""},
    {"not_document", ""}, {"saved", "s"}, {"saved_last", ""}, {"saved_stopped", ""},
    {"made_on", "s"}, {"now_heading", ""}, {"care", ""}, {"running", ""},
    {"why_answers", ""}, {"no_run", ""}, {"answer_questions", ""}, {"causes_heading", ""},
    {"causes_note", ""}, {"and", ""}, {"pain_type_heading", ""}, {"how_sure", ""},
};

int page_assessment_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_assessment", assessment_words,
                                       sizeof assessment_words / sizeof *assessment_words, err);
}

#define W(key) web_words("web_assessment", (key))


/* Whether the result's disposition asks for care the same day: the red
 * alert; else (a doctor within days) the amber box (rh_plan_level_alert). */
static bool doc_alert(json_t *doc)
{
    enum rh_disposition d;
    struct rh_err err;
    rh_err_clear(&err);
    const struct rh_plan_kb *kb = server_kb(&err);
    if (!kb || rh_disposition_parse(jstr(doc, "disposition"), &d))
        return true; /* unknown: the red alert, erring safe */
    return rh_plan_level_alert(kb, (int)d);
}

/* Red flags of a result document, as a banner; true when there was one. */
int html_plan_notice(struct ctx *c, const struct rh_plan_state *st, const char *result_json,
                     bool with_care_why);
bool html_red_flags(struct ctx *c, json_t *doc);
bool html_red_flags(struct ctx *c, json_t *doc)
{
    json_t *flags = json_object_get(doc, "red_flags");
    if (!json_is_array(flags) || json_array_size(flags) == 0)
        return false;
    /* a flag raised below its full level ("low": information, session 12,
     * branch flaginfo) is told apart, after the alert, without one */
    size_t i, n_low = 0;
    json_t *f;
    json_array_foreach(flags, i, f)
        n_low += json_is_true(json_object_get(f, "low"));
    for (int pass = 0; pass < 2; pass++) {
        if ((pass ? n_low : json_array_size(flags) - n_low) == 0)
            continue;
        if (pass)
            pf(c, "<section class=\"box\" aria-labelledby=\"rfl\">\n"
                  "<h2 id=\"rfl\">%s</h2>\n<p>%s</p>\n<ul>\n",
               W("worth_heading"), W("worth_intro"));
        else /* the colour of the assessment's level (fix19b, rh_plan_level_alert) */
            pf(c, "%s\n<h2 id=\"rf\">%s</h2>\n<ul>\n",
               doc_alert(doc)
                   ? "<section class=\"banner\" role=\"alert\" aria-labelledby=\"rf\">"
                   : "<section class=\"banner see\" role=\"status\" aria-labelledby=\"rf\">",
               W("flags_heading"));
        json_array_foreach(flags, i, f)
        {
            if (json_is_true(json_object_get(f, "low")) != (pass == 1))
                continue;
            /* review 9 #5: headed by what was seen in this person, explained
             * by their answers (the terminal's words, rh_assess_flag_title),
             * of "your child" where a parent answered (words15) */
            char seen[RH_ASSESS_FLAG_WHY_LEN];
            rh_assess_flag_title_said(json_is_true(json_object_get(doc, "for_child")),
                                      jstr(f, "id"), jstr(f, "why"), seen, sizeof seen);
            const char *title = rh_assess_flag_name(jstr(f, "id")) ? seen : jstr(f, "name");
            put(c, "<li><strong>");
            if (*title)
                esc(c, title);
            else
                word(c, jstr(f, "id"));
            put(c, "</strong>: ");
            flag_because(c, jstr(f, "why"));
            put(c, "</li>\n");
        }
        put(c, "</ul>\n</section>\n");
    }
    return true;
}

/* A red flag set aside by its exception (data/red_flags.txt unless =,
 * session 14, branch flagexc): what was checked and why it is not a
 * warning sign here, said once, as the terminal says it. */
static void html_set_aside(struct ctx *c, json_t *doc)
{
    json_t *aside = json_object_get(doc, "red_flags_set_aside");
    if (!json_is_array(aside) || json_array_size(aside) == 0)
        return;
    /* its heading, data/wording.txt [text] flags.set_aside.web (words16);
     * its reason in the small print of the other reasons: it comes after
     * what to do now and does not change it */
    const char *h = rh_words("text", "flags.set_aside.web");
    put(c, "<section class=\"box\" aria-labelledby=\"rfa\">\n<h2 id=\"rfa\">");
    esc(c, h ? h : "");
    put(c, "</h2>\n<ul class=\"note\">\n");
    size_t i;
    json_t *f;
    json_array_foreach(aside, i, f)
    {
        char title[RH_ASSESS_FLAG_WHY_LEN];
        rh_assess_flag_title(jstr(f, "id"), "", title, sizeof title);
        put(c, "<li><strong>");
        esc(c, title);
        put(c, "</strong>: ");
        plain_reason(c, jstr(f, "why"));
        put(c, "</li>\n");
    }
    put(c, "</ul>\n</section>\n");
}

/* The reasons for the final care or running level, as the terminal and the
 * hand-off report give them; care (may be NULL): the care level's reasons,
 * shown before, whose repeats are left out (rh__json_level_reasons). */
static void level_reasons(struct ctx *c, json_t *doc, json_t *why, const char *level, int max,
                          json_t *care, const char *care_level, bool running)
{
    const struct rh__reasons_html q = {
        .doc = doc, .why = why, .level = level, .max = max, .care = care,
        .care_level = care_level, .running = running, .clinical = false,
        .open = "<ul class=\"note\">\n<li>", .html_flags = RH_HTML_APOS};
    int n;
    if (!c->err)
        c->err = rh__json_reasons_html(&q, &c->refs, &c->res->body, &n);
}

/* A condition's findings in words ("because ..."), not as rule text. */
static void findings(struct ctx *c, json_t *why)
{
    if (!json_is_array(why) || !json_array_size(why)) {
        /* cli26: a cause with no reason of its own ("also likely: snapping
         * hip" stood bare): why it is listed, as the terminal says it */
        const char *none = rh_words("text", "cause.no_reason");
        if (none) {
            put(c, "<ul class=\"note\">\n<li>");
            esc(c, none);
            put(c, "</li>\n</ul>\n");
        }
        return;
    }
    put(c, "<ul class=\"note\">\n");
    /* as many as the terminal gives (one limit, in the library) */
    for (size_t i = 0; i < json_array_size(why) && i < RH_TEXT_CAUSE_WHY; i++) {
        struct rh_buf t;
        rh_buf_init(&t, 0);
        bool against = false;
        if (!c->err)
            c->err = rh_text_feature(json_string_value(json_array_get(why, i)), false, &c->refs,
                                     &t, &against);
        if (against)
            pf(c, "<li>%s ", W("against"));
        else
            put(c, "<li>");
        esc(c, t.data);
        put(c, "</li>\n");
        rh_buf_release(&t);
    }
    put(c, "</ul>\n");
}

/* s escaped, said of a parent's child when child (rh_assess_said_to, as
 * the terminal's `runhip assess` says it). */
static void esc_said(struct ctx *c, const char *s, bool child)
{
    struct rh_buf t;
    rh_buf_init(&t, 0);
    if (rh_assess_said_to(child, s, &t) == 0 && t.data)
        esc(c, t.data);
    else
        esc(c, s);
    rh_buf_release(&t);
}

/* The red flags' own advice (for now) of the array advice, the first now
 * of them, each said of a parent's child when child (rh_assess_said_to, as
 * the terminal says it: words14), into the array first; the rest into
 * rest as they are. False when out of memory. */
static bool advice_split(json_t *advice, size_t now, bool child, json_t *first, json_t *rest)
{
    for (size_t i = 0; i < json_array_size(advice); i++) {
        json_t *v = json_array_get(advice, i);
        if (i >= now) {
            if (json_array_append(rest, v))
                return false;
            continue;
        }
        struct rh_buf t;
        rh_buf_init(&t, 0);
        const char *s = json_string_value(v);
        int bad = rh_assess_said_to(child, s ? s : "", &t) ||
                  json_array_append_new(first, json_string(t.data ? t.data : ""));
        rh_buf_release(&t);
        if (bad)
            return false;
    }
    return true;
}

void html_advice(struct ctx *c, json_t *doc, enum rh_advice_when when)
{
    bool child = json_is_true(json_object_get(doc, "for_child"));
    json_t *advice = json_object_get(doc, "advice");
    if (!json_is_array(advice) || !json_array_size(advice))
        return;
    const char *run = jstr(doc, "running");
    bool later = rh_text_advice_later(run, when);
    /* whether a warning sign holds running, from the reasons stored
     * (rh_assess_running_by_flag): the heading then says "cleared" */
    json_t *rw = json_object_get(doc, "running_why");
    const char *why[RH_ASSESS_MAX_WHY];
    int nwhy = 0;
    for (size_t i = 0; i < json_array_size(rw) && nwhy < RH_ASSESS_MAX_WHY; i++)
        if (json_string_value(json_array_get(rw, i)))
            why[nwhy++] = json_string_value(json_array_get(rw, i));
    bool by_flag = rh_assess_running_by_flag(why, nwhy);
    /* the red flags' own advice is for now, the rest for after the stop
     * (rh_assessment.advice_now, review 10 #14) */
    json_t *an = json_object_get(doc, "advice_now");
    size_t now = later && json_is_integer(an) && json_integer_value(an) > 0
                     ? (size_t)json_integer_value(an)
                     : 0;
    if (now > json_array_size(advice))
        now = json_array_size(advice);
    json_t *first = json_array(), *rest = json_array();
    if (!first || !rest || !advice_split(advice, now, child, first, rest)) {
        /* out of memory: the whole list as before */
        json_decref(first);
        json_decref(rest);
        first = json_array();
        rest = json_incref(advice);
        now = 0;
    }
    if (now) {
        put(c, "<p><strong>");
        esc_said(c, rh_text_advice_now_heading(), child);
        put(c, "</strong></p>\n");
        html_list(c, first, NULL);
    }
    if (json_array_size(rest)) {
        put(c, later ? "<div class=\"later\">\n<p><strong>" : "<p><strong>");
        esc_said(c, rh_text_advice_heading(run, by_flag, when), child);
        put(c, "</strong></p>\n");
        html_list(c, rest, NULL);
        if (later)
            put(c, "</div>\n");
    }
    json_decref(first);
    json_decref(rest);
}

int page_assessment(struct ctx *c)
{
    int64_t id, created;
    char *intake = NULL, *result = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    page_begin(c, W("title"));
    int r = rh_store_assessment_latest(c->s, &id, &created, &intake, &result, &err);
    rh_free(intake);
    if (r) {
        if (r == RH_ENOTFOUND)
        {
            char a[256];
            snprintf(a, sizeof a, "<a href=\"/questionnaire\">%s</a>", W("answer_link"));
            put(c, "<p>");
            pf(c, W("none"), a, "<code>runhip assess</code>");
            put(c, "</p>\n");
        } else {
            pf(c, "<p class=\"error\">%s ", W("unreadable"));
            esc(c, err.msg);
            put(c, "</p>\n");
        }
        page_end(c);
        return 0;
    }
    json_t *doc = assessment_doc(result);
    if (!json_is_object(doc)) {
        rh_free(result);
        pf(c, "<p class=\"error\">%s</p>\n", W("not_document"));
        page_end(c);
        json_decref(doc);
        return 0;
    }
    /* a red flag or a pain hold the diary raised and still in force: the
     * plan's one notice says it with the assessment's
     * own flags, and the care shown is at least its urgency (the library's
     * rh_plan_notice decides both) */
    struct rh_plan_notice *kept = rh_calloc(1, sizeof *kept);
    /* whether the notice stops running, kept or not: the answers' running
     * advice is then for after that (rh_text_advice_heading) */
    enum rh_advice_when advice_when = RH_ADVICE_NOW;
    {
        struct rh_plan_state st;
        struct rh_err e2;
        rh_err_clear(&e2);
        const struct rh_plan_kb *kb = server_kb(&e2);
        bool have = kept && kb && !plan_current(c, NULL, &st, &e2) &&
                    !rh_plan_notice(kb, &st, result, kept, &e2);
        if (have)
            advice_when = rh_plan_notice_advice(kept);
        /* the notice stands over this page while a red flag or a hold the
         * diary raised, before this assessment or after it, is in force
         * (rh_plan_notice.diary): the runner reads what to do now, not the
         * answers' own advice as if it stood (as on the today page) */
        if (!have || !kept->diary) {
            rh_free(kept);
            kept = NULL;
        } else {
            html_plan_notice(c, &st, result, false);
        }
    }
    /* the warning signs not answered, first, as the terminal says it */
    bool signs_missing = false;
    json_t *missing_words = json_object_get(doc, "missing"), *mv;
    size_t mi;
    json_array_foreach(missing_words, mi, mv) signs_missing |= json_is_string(mv) &&
                                                      !strcmp(json_string_value(mv), "signs");
    const char *unchecked =
        rh_assess_signs_unchecked_of((int)json_array_size(json_object_get(doc, "red_flags")),
                                     signs_missing);
    rh_free(result);
    /* a parent answered for a child: the reasons say "your child" */
    c->refs.child = json_is_true(json_object_get(doc, "for_child"));
    if (!kept)
        html_red_flags(c, doc);
    if (!kept && unchecked) {
        put(c, "<section class=\"banner see\" role=\"status\"><p>");
        esc(c, unchecked);
        put(c, "</p></section>\n");
    }
    char saved[4];
    if (qfield(c, "saved", saved, sizeof saved)) { /* from the questionnaire form */
        put(c, "<p class=\"ok\" role=\"status\">");
        pf(c, W("saved"), W(strcmp(saved, "2") ? "saved_last" : "saved_stopped"));
        put(c, "</p>\n");
    }
    char when[48];
    rh_time_words(created, rh_tz_offset_min(rh_store_zone(c->s), created), when, sizeof when);
    /* the day's words escaped, then said in the sentence */
    struct rh_buf we;
    rh_buf_init(&we, 0);
    int wr = rh_server_html_escape(&we, when);
    put(c, "<p class=\"note\">");
    if (!wr)
        pf(c, W("made_on"), we.data ? we.data : "");
    else if (!c->err)
        c->err = wr;
    rh_buf_release(&we);
    /* the running advice the kept notice overrules is not said as if it
     * stood; coloured as the running advice: green only when running goes on,
     * red only for care the same day, the one colour rule of the web's boxes
     * (rh_plan_level_alert): running stopped for a doctor within days or held
     * for a pelvic-health check is the amber box (session 22, runner22: the
     * pelvic-floor hold was shown red, as an emergency) */
    bool no_run = kept && (kept->kind == RH_NOTICE_BLOCK || kept->kind == RH_NOTICE_HOLD);
    const char *tone = tone_of(no_run ? "stop" : jstr(doc, "running"));
    bool same_day = kept && kept->kind != RH_NOTICE_NONE ? kept->alert : doc_alert(doc);
    if (!strcmp(tone, "stop") && !same_day)
        tone = "caution";
    pf(c, "</p>\n<section class=\"todo tone-%s\" aria-labelledby=\"now\">\n<h2 id=\"now\">%s"
          "</h2>\n<p><strong>%s</strong> ",
       tone, W("now_heading"), W("care"));
    const char *todo[RH_NOTICE_TODO_PARTS];
    if (rh_plan_notice_todo(kept, todo)) {
        /* what the notice says to do, with its reason; the answers' own
         * levels after, for when it is lifted (rh_plan_notice decides) */
        static const char *const lead[RH_NOTICE_TODO_PARTS] = {
            "", "</p>\n<p><strong>%s</strong> ", "</p>\n<p>", "</p>\n<p class=\"note\">"};
        /* the notice above lists the diary's warning signs: not twice */
        if (*kept->todo_why_above)
            todo[2] = kept->todo_why_above;
        for (int k = 0; k < RH_NOTICE_TODO_PARTS; k++) {
            pf(c, lead[k], W("running")); /* "Running:" in the second */
            plain(c, todo[k]);
        }
        pf(c, " %s</p>\n", W("why_answers"));
    } else {
        const char *care = kept ? rh_disposition_name((enum rh_disposition)kept->care)
                                : jstr(doc, "disposition");
        /* the pelvic-health physiotherapist's booking after a birth
         * (session 22, runner22b: rh_assess_care_key, as the terminal) */
        enum rh_disposition cd;
        if (care && !rh_disposition_parse(care, &cd))
            care = rh_assess_care_key(cd, json_is_true(json_object_get(doc, "care_pelvic")),
                                      json_is_true(json_object_get(doc, "care_postnatal")));
        const char *dw = rh_words("disposition", care); /* with its time frame */
        if (dw) /* of a parent's child, as the terminal says it (words14) */
            esc_said(c, dw, c->refs.child);
        else
            word(c, care);
        put(c, "</p>\n");
        if (kept && *kept->care_why) {
            put(c, "<p class=\"note\">");
            plain(c, kept->care_why);
            put(c, "</p>\n");
        }
    }
    bool over = kept && kept->overrules;
    rh_free(kept);
    level_reasons(c, doc, json_object_get(doc, "disposition_why"), jstr(doc, "disposition"),
                  RH_TEXT_CARE_WHY, NULL, NULL, false);
    if (!over) {
        pf(c, "<p><strong>%s</strong> ", W("running"));
        const char *rw = rh_words("running", jstr(doc, "running"));
        if (no_run)
            pf(c, "%s ", W("no_run"));
        if (rw) /* "until your child has been checked" (words14) */
            esc_said(c, rw, c->refs.child);
        else
            word(c, jstr(doc, "running"));
        put(c, "</p>\n");
    }
    level_reasons(c, doc, json_object_get(doc, "running_why"), jstr(doc, "running"),
                  RH_TEXT_RUNNING_WHY, json_object_get(doc, "disposition_why"),
                  jstr(doc, "disposition"), true);
    html_advice(c, doc, advice_when);
    put(c, "</section>\n");
    /* after what to do now, as the terminal has it (words16) */
    html_set_aside(c, doc);
    json_t *conds = json_object_get(doc, "conditions");
    if (json_is_false(json_object_get(doc, "ranked")) && json_is_array(conds)) {
        /* too few answers to rank (rh_assessment.unranked): no "most
         * likely", the reason, the questions first, the causes unranked */
        const char *h = rh_words("text", "unranked.web"), *n = rh_words("text", "unranked.note"),
                   *q = rh_words("text", "unranked.ask");
        put(c, "<h2>");
        esc(c, h ? h : "");
        put(c, "</h2>\n<p class=\"note\">");
        esc(c, n ? n : "");
        put(c, " ");
        plain_reason(c, jstr(doc, "unranked_why"));
        put(c, "</p>\n");
        json_t *miss = json_object_get(doc, "missing");
        if (json_is_array(miss) && json_array_size(miss)) {
            put(c, "<p>");
            esc(c, q ? q : "");
            put(c, ":</p>\n<ul>\n");
            for (size_t i = 0; i < json_array_size(miss); i++) {
                const char *k = json_string_value(json_array_get(miss, i));
                const char *t = k ? rh_words("topic", k) : NULL;
                if (!t)
                    continue;
                put(c, "<li>");
                esc_said(c, t, c->refs.child); /* "your child's health history" */
                put(c, "</li>\n");
            }
            pf(c, "</ul>\n<p><a href=\"/questionnaire\">%s</a></p>\n", W("answer_questions"));
        }
        put(c, "<ul>\n");
        for (size_t i = 0; i < json_array_size(conds) && i < RH_TEXT_TOP_CAUSES; i++) {
            put(c, "<li>");
            esc(c, jstr(json_array_get(conds, i), "name"));
            put(c, "</li>\n");
        }
        put(c, "</ul>\n");
    } else if (json_is_array(conds) && json_array_size(conds)) {
        pf(c, "<h2>%s</h2>\n<p class=\"note\">%s</p>\n<ol>\n", W("causes_heading"),
           W("causes_note"));
        double top = json_number_value(json_object_get(json_array_get(conds, 0), "score"));
        for (size_t i = 0; i < json_array_size(conds) && i < RH_TEXT_TOP_CAUSES; i++) {
            json_t *k = json_array_get(conds, i);
            put(c, "<li>");
            esc(c, rh_text_rank_word((int)i, json_number_value(json_object_get(k, "score")), top));
            /* plain30: the name set apart, its gloss ordinary text after it */
            const char *nm = jstr(k, "name");
            size_t at = rh_text_name_gloss_at(nm);
            char head[512];
            snprintf(head, sizeof head, "%.*s", (int)at, nm);
            put(c, ": <strong>");
            esc(c, head);
            put(c, "</strong>");
            esc(c, nm + (at < sizeof head ? at : strlen(nm)));
            put(c, "\n");
            findings(c, json_object_get(k, "why"));
            put(c, "</li>\n");
        }
        put(c, "</ol>\n");
    }
    /* the kind of pain, as the terminal says it: muscle, joint or nerve,
     * and why (runner23: the page had none of it) */
    const char *ptn = jstr(doc, "pain_type");
    if (*ptn) {
        const char *pw = rh_words("pain_type", ptn);
        pf(c, "<h2>%s</h2>\n<p>", W("pain_type_heading"));
        esc(c, pw ? pw : ptn);
        put(c, "</p>\n");
        json_t *ptw = json_object_get(doc, "pain_type_why");
        bool open = false;
        for (size_t i = 0, k = 0; json_is_array(ptw) && i < json_array_size(ptw) &&
                                  k < RH_ASSESS_PAIN_TYPE_SAID; i++) {
            char tmp[RH_ASSESS_WHY_LEN + 8];
            bool feature;
            if (!rh_assess_pain_type_statement(json_string_value(json_array_get(ptw, i)), tmp,
                                               sizeof tmp, &feature))
                continue;
            k++;
            put(c, open ? "<li>" : "<ul class=\"note\">\n<li>");
            open = true;
            if (feature) {
                struct rh_buf t;
                rh_buf_init(&t, 0);
                bool against = false;
                if (!c->err)
                    c->err = rh_text_feature(tmp, false, &c->refs, &t, &against);
                esc(c, t.data ? t.data : "");
                rh_buf_release(&t);
            } else {
                plain_reason(c, tmp);
            }
            put(c, "</li>\n");
        }
        if (open)
            put(c, "</ul>\n");
    }
    /* the self-check as the terminal says it: how many were answered and
     * which were warnings (rh_assessment_checklist_note) */
    const char *chk = jstr(doc, "checklist_note");
    if (*chk) {
        put(c, "<p>");
        esc(c, chk);
        put(c, "</p>\n");
    }
    /* how sure, in the terminal's words (runner23) */
    json_t *conf = json_object_get(doc, "confidence");
    if (json_is_number(conf)) {
        pf(c, "<p>%s ", W("how_sure"));
        esc(c, rh_assess_confidence_words(json_number_value(conf)));
        put(c, ".</p>\n");
    }
    /* the terminal's last lines: which answers the recorded runs gave, or
     * why they gave none (one sentence, rh_assessment_data_note) */
    json_t *fd = json_object_get(doc, "training_from_data");
    const char *fdn = jstr(doc, "training_from_data_note");
    if (*fdn) {
        put(c, "<p class=\"note\">");
        esc(c, fdn);
        put(c, "</p>\n");
    } else if (json_is_array(fd) && json_array_size(fd)) {
        /* stored before the note: the terminal's lead-in, its words */
        char lead[320];
        rh_assessment_data_lead(-1, 0, lead, sizeof lead);
        put(c, "<p class=\"note\">");
        esc(c, lead);
        put(c, " ");
        for (size_t i = 0; i < json_array_size(fd); i++) {
            const char *k = json_string_value(json_array_get(fd, i));
            const char *w = k ? rh_words("topic", k) : NULL;
            if (i + 1 == json_array_size(fd) && i)
                pf(c, " %s ", W("and"));
            else if (i)
                put(c, ", ");
            esc(c, w ? w : k ? k : "");
        }
        put(c, ".</p>\n");
    }
    const char *nr = jstr(doc, "training_data_not_recent");
    if (*nr) {
        put(c, "<p class=\"note\">");
        esc(c, nr);
        put(c, "</p>\n");
    }
    c->said_disclaimer = true; /* the footer leaves it out */
    put(c, "<p class=\"disclaimer\">");
    const char *d = jstr(doc, "disclaimer");
    /* to a parent, of the child (an assessment stored before it said "you") */
    esc(c, c->refs.child ? rh_assess_disclaimer_of(true) : *d ? d : rh_assess_disclaimer());
    put(c, "</p>\n");
    page_end(c);
    json_decref(doc);
    return 0;
}
