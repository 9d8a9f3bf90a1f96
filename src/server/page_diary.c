/* SPDX-License-Identifier: MIT */
/* GET /diary: the forms to log pain, a session and a visit to a doctor or
 * physiotherapist, then the pain entries and sessions of the last weeks with
 * a pain chart (its table is the text alternative). POST /diary (field
 * "what": pain, session, visit or cleared) calls the same library functions
 * as `runhip log`: rh_diary_pain (the entry stored, triaged through the
 * assessment's red-flag rules, judged and the plan moved, in one
 * transaction), rh_store_session_add, rh_visit_from_words with
 * rh_diary_visit (the four decisions of `log visit`, a restriction with its
 * weeks) and rh_diary_cleared. The page then says what the entry means, red flags
 * first. A bad field is named and nothing is stored. */
#include <ctype.h>
#include <string.h>

#include "runhip/triage.h"
#include "runhip/quest.h"
#include "runhip/report.h"
#include "server/server_int.h"
#include "util/banned.h"

#define NOTE_MAX RH_ENTRY_NOTE_MAX /* characters; the buffers hold 4 bytes each */

#define DIARY_DAYS 42

const char *weekday_name(int32_t day);

/* words21: the page's own words (and those of the forms the Check-in
 * shares: the day, the note, the signs), data/wording.txt [web_diary], a
 * closed set of printf formats without markup checked when the server first
 * loads its rules (page_diary_words_check); the tags and links stay here. */
static const struct rh_words_format diary_words[] = {
    {"title", ""}, {"chart_title", "d"}, {"chart_key", "dddd"}, {"visits_heading", ""}, {"visits_unreadable", ""},
    {"visits_none", ""}, {"unreadable", ""}, {"pain_heading", ""}, {"pain_none", ""},
    {"pain_region", ""}, {"col_day", ""}, {"col_now", ""}, {"col_during", ""},
    {"col_morning", ""}, {"col_signs", ""}, {"col_note", ""}, {"label_now", ""},
    {"label_during", ""}, {"label_morning", ""}, {"label_signs", ""}, {"sessions_heading", ""},
    {"sessions_none", ""}, {"sessions_region", ""}, {"col_kind", ""}, {"col_minutes", ""},
    {"col_km", ""}, {"col_effort", ""}, {"label_kind", ""}, {"label_minutes", ""},
    {"label_km", ""}, {"label_effort", ""}, {"day_label", "s"}, {"day_help", "s"},
    {"day_title", "s"}, {"note_label", ""}, {"note_read", ""}, {"signs_legend", ""},
    {"not_sign_long", "s"}, {"not_sign", "s"}, {"note_long", "d"}, {"note_name", ""},
    {"flags_heading", ""}, {"what_to_do", ""}, {"no_run_seen", ""}, {"no_run_seen_rest", "s"},
    {"today_link", ""}, {"pain_low", ""}, {"pain_high", ""}, {"effort_low", ""},
    {"effort_high", ""}, {"choose", ""}, {"not_given", ""}, {"log_pain", ""}, {"day", ""},
    {"pain_now", ""}, {"pain_during", ""}, {"pain_during_help", ""}, {"pain_morning", ""},
    {"pain_morning_help", ""}, {"pain_note_help", ""}, {"log_session_heading", ""},
    {"kind", ""}, {"minutes", ""}, {"km", ""}, {"effort", ""}, {"effort_help", ""},
    {"log_session", ""}, {"visit_heading", ""}, {"visit_intro", ""}, {"visit_day", ""},
    {"visit_decision", ""}, {"visit_weeks", ""}, {"visit_weeks_help", "d"}, {"visit_note", ""},
    {"visit_save", ""}, {"not_saved", ""}, {"bad_day", "s"}, {"future_day", "s"},
    {"logged", ""}, {"logged_pain", "ds"}, {"logged_during", "d"}, {"logged_morning", "d"},
    {"attached", "sd"}, {"pain_says", ""}, {"plan_moved", "ss"}, {"no_run_cleared", ""},
    {"no_run_cleared_rest", "s"}, {"no_running", ""}, {"no_running_see", "s"},
    {"back_today", ""}, {"bad_pain", ""}, {"bad_during", ""}, {"bad_morning", ""},
    {"bad_kind", ""}, {"bad_minutes", ""}, {"bad_effort", ""}, {"bad_km", ""},
    {"session_logged", ""}, {"session_day", "s"}, {"session_km", "f"},
    {"cleared_recorded", ""},
    {"no_memory", ""}, {"bad_weeks", "d"}, {"visit_recorded", ""}, {"visit_of", "s"},
    {"whole_plan", ""}, {"no_what", ""},
    {"logged_during_kind", "ds"}, {"activity_label", ""}, {"activity_not_said", ""},
    {"activity_bad", ""},
};

int page_diary_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_diary", diary_words,
                                       sizeof diary_words / sizeof *diary_words, err);
}

#define W(key) web_words("web_diary", (key))

/* Pain now by day as a small bar chart that scales to the width (viewBox),
 * text at 12 px or more; the table below carries the same figures. */
static void pain_chart(struct ctx *c, const struct rh_pain_entry *p, size_t n, int32_t from,
                       int32_t to)
{
    int days = (int)(to - from + 1);
    int w = days * 7 + 40, h = 140;
    /* ux26: the colours follow the pain rule's levels ([pain] safe_max and
     * acceptable_max of data/plan_rules.txt: green safe, amber acceptable,
     * red above), as Today says them ("up to 5/10 ... is acceptable"); 5
     * was red here */
    struct rh_err kerr;
    rh_err_clear(&kerr);
    const struct rh_plan_kb *kb = server_kb(&kerr);
    const char *sv = kb ? rh_plan_kb_get(kb, "pain", "safe_max") : NULL;
    const char *av = kb ? rh_plan_kb_get(kb, "pain", "acceptable_max") : NULL;
    long safe = 2, acceptable = 5;
    if (sv && rh_parse_long(sv, &safe))
        safe = 2;
    if (av && rh_parse_long(av, &acceptable))
        acceptable = 5;
    pf(c, "<figure class=\"chart\"><svg class=\"pain\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
          "role=\"img\" aria-labelledby=\"pc\"><title id=\"pc\">",
       w, h);
    pf(c, W("chart_title"), days);
    put(c, "</title>\n");
    for (int y = 0; y <= 10; y += 5)
        pf(c, "<line x1=\"30\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
              "<text x=\"24\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%d</text>\n",
           w, 120 - y * 10, 120 - y * 10, 124 - y * 10, y);
    for (size_t i = 0; i < n; i++) {
        if (p[i].day < from || p[i].day > to)
            continue;
        int x = 32 + (int)(p[i].day - from) * 7, bh = p[i].pain * 10;
        pf(c, "<rect x=\"%d\" y=\"%d\" width=\"6\" height=\"%d\" fill=\"%s\"/>\n", x, 120 - bh,
           bh > 0 ? bh : 1,
           p[i].pain > acceptable ? "#b3261e" : p[i].pain > safe ? "#e39b00" : "#1e6b30");
    }
    char a[11], b[11];
    rh_date_format(from, a);
    rh_date_format(to, b);
    pf(c, "<text x=\"30\" y=\"138\" font-size=\"12\">%s</text><text x=\"%d\" y=\"138\" "
          "font-size=\"12\" text-anchor=\"end\">%s</text>\n</svg>\n<figcaption>",
       a, w - 2, b);
    /* ux26: what the bars and their colours mean, seen (the title is only
     * read aloud) */
    pf(c, W("chart_key"), (int)safe, (int)safe + 1, (int)acceptable, (int)acceptable);
    put(c, "</figcaption></figure>\n");
}

/* words14: the visits recorded (`runhip log visit`, the visit form below),
 * newest first, each in the hand-off report's words for a visit
 * (rh_report_visit_said) with the runner's note. */
static void visit_list(struct ctx *c)
{
    struct rh_visit *v = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    pf(c, "<h2 id=\"visits\">%s</h2>\n", W("visits_heading"));
    if (rh_store_visit_list(c->s, &v, &n, &err)) {
        pf(c, "<p class=\"error\">%s ", W("visits_unreadable"));
        esc(c, err.msg);
        put(c, "</p>\n");
        return;
    }
    if (!n)
        pf(c, "<p>%s</p>\n", W("visits_none"));
    else
        put(c, "<ul class=\"visits\">\n");
    for (size_t i = n; i-- > 0;) {
        char said[300];
        rh_report_visit_said(&v[i], said, sizeof said);
        said[0] = (char)toupper((unsigned char)said[0]);
        put(c, "<li>");
        esc(c, said);
        if (*v[i].note) {
            put(c, ": &ldquo;");
            esc(c, v[i].note);
            put(c, "&rdquo;");
        }
        put(c, "</li>\n");
    }
    if (n)
        put(c, "</ul>\n");
    rh_free(v);
}

void html_diary_lists(struct ctx *c);
void html_diary_lists(struct ctx *c)
{
    struct rh_pain_entry *pain = NULL;
    struct rh_session *ses = NULL;
    size_t np = 0, ns = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int32_t from = c->today - DIARY_DAYS + 1;
    int r = rh_store_pain_list(c->s, from, c->today, &pain, &np, &err);
    if (!r)
        r = rh_store_session_list(c->s, from, c->today, &ses, &ns, &err);
    if (r) {
        pf(c, "<p class=\"error\">%s ", W("unreadable"));
        esc(c, err.msg);
        put(c, "</p>\n");
        rh_pain_array_free(pain, np);
        return;
    }
    pf(c, "<h2>%s</h2>\n", W("pain_heading"));
    if (np == 0) {
        pf(c, "<p>%s</p>\n", W("pain_none"));
    } else {
        pain_chart(c, pain, np, from, c->today);
        pf(c, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">"
              "<table class=\"entries\">\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
              "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
              "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
              "<tbody>\n",
           W("pain_region"), W("col_day"), W("col_now"), W("col_during"), W("col_morning"),
           W("col_signs"), W("col_note"));
        for (size_t i = np; i-- > 0;) {
            char d[11], dr[16] = "-", nm[16] = "-";
            rh_date_format(pain[i].day, d);
            if (pain[i].during_run >= 0)
                snprintf(dr, sizeof dr, "%d", pain[i].during_run);
            /* which morning: the library's rule and words (rh_pain_own_morning) */
            const char *own = rh_pain_own_morning(&pain[i]);
            if (pain[i].next_morning >= 0)
                snprintf(nm, sizeof nm, "%d%s", pain[i].next_morning, own ? " " : "");
            /* classes and labels let a phone show each row as a card (app.css) */
            pf(c, "<tr><td class=\"d\">%s %s</td><td class=\"num\" data-l=\"%s\">%d</td>"
                  "<td class=\"num\" data-l=\"%s\">%s",
               weekday_name(pain[i].day), d, W("label_now"), pain[i].pain, W("label_during"), dr);
            /* plan27: the activity that pain was in, the library's words */
            const char *act = rh_pain_activity_said(&pain[i]);
            if (act) {
                put(c, " <span class=\"small\">(");
                esc(c, act);
                put(c, ")</span>");
            }
            pf(c, "</td><td class=\"num\" data-l=\"%s\">%s", W("label_morning"), nm);
            /* the library's words, escaped like all text (fix19c) */
            if (own && pain[i].next_morning >= 0)
                esc(c, own);
            pf(c, "</td><td class=\"t\" data-l=\"%s\">", W("label_signs"));
            /* the warning signs ticked with it, in the form's words */
            char said[600];
            rh_triage_signs_said(pain[i].signs, said, sizeof said);
            esc(c, *said ? said : "-");
            put(c, "</td><td class=\"t\">");
            esc(c, pain[i].note ? pain[i].note : "");
            put(c, "</td></tr>\n");
        }
        put(c, "</tbody></table></div>\n");
    }
    pf(c, "<h2>%s</h2>\n", W("sessions_heading"));
    if (ns == 0) {
        pf(c, "<p>%s</p>\n", W("sessions_none"));
    } else {
        pf(c, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">"
              "<table class=\"entries\">\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
              "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
              "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
           W("sessions_region"), W("col_day"), W("col_kind"), W("col_minutes"), W("col_km"),
           W("col_effort"), W("col_note"));
        for (size_t i = ns; i-- > 0;) {
            char d[11], mn[16] = "-", rpe[16] = "-", km[24] = "-";
            rh_date_format(ses[i].day, d);
            if (ses[i].km > 0)
                snprintf(km, sizeof km, "%.2f", ses[i].km);
            if (rh_has(ses[i].minutes))
                snprintf(mn, sizeof mn, "%.0f", ses[i].minutes);
            if (ses[i].rpe >= 0)
                snprintf(rpe, sizeof rpe, "%d", ses[i].rpe);
            pf(c, "<tr><td class=\"d\">%s %s</td><td data-l=\"%s\">", weekday_name(ses[i].day), d,
               W("label_kind"));
            esc(c, rh_session_kind_said(ses[i].kind));
            pf(c, "</td><td class=\"num\" data-l=\"%s\">%s</td><td class=\"num\" "
                  "data-l=\"%s\">%s</td><td class=\"num\" data-l=\"%s\">%s</td>"
                  "<td class=\"t\">",
               W("label_minutes"), mn, W("label_km"), km, W("label_effort"), rpe);
            esc(c, ses[i].note ? ses[i].note : "");
            put(c, "</td></tr>\n");
        }
        put(c, "</tbody></table></div>\n");
    }
    rh_pain_array_free(pain, np);
    rh_session_array_free(ses, ns);
    visit_list(c);
}



/* A day field, written as every other date of runhip is (YYYY-MM-DD): a
 * text box with that pattern, not the browser's date box, which shows the
 * day in the browser's own format ("12/08/2026", review 10 #21). label:
 * its words ("Day"); value: the day to show ("" for none); the server
 * checks what comes back (a clear error, nothing stored). */
void html_day_input(struct ctx *c, const char *id, const char *name, const char *label,
                    const char *value)
{
    char today[11];
    rh_date_format(c->today, today);
    pf(c, "<label for=\"%s\">", id);
    pf(c, W("day_label"), label);
    pf(c, "</label>\n<p class=\"note\" id=\"%s-help\">", id);
    pf(c, W("day_help"), today);
    pf(c, "</p>\n"
          "<input type=\"text\" id=\"%s\" name=\"%s\" maxlength=\"10\" "
          "pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\" placeholder=\"YYYY-MM-DD\" "
          "title=\"",
       id, name);
    pf(c, W("day_title"), today);
    pf(c, "\" autocomplete=\"off\" aria-describedby=\"%s-help\" value=\"", id);
    esc(c, value ? value : "");
    put(c, "\">\n");
}

void html_note_field(struct ctx *c, const char *help, const char *value)
{
    pf(c, "<label for=\"note\">%s</label>\n<p class=\"note\" id=\"note-help\">%s %s"
          "</p>\n<textarea id=\"note\" name=\"note\" maxlength=\"%d\" "
          "aria-describedby=\"note-help\">",
       W("note_label"), help, W("note_read"), NOTE_MAX);
    esc(c, value ? value : "");
    put(c, "</textarea>\n");
}

/* The warning signs as ticks, in the questionnaire's words
 * (data/questions.txt, rh_quest_word_label): the one list of the diary and
 * the check-in forms. signs: the ticked ones (bit i: word i). */
struct sign_tick {
    struct ctx *c;
    uint32_t signs;
};

static int sign_tick_one(void *arg, const char *w, const char *label, uint32_t bit)
{
    struct sign_tick *t = arg;
    pf(t->c, "<label><input type=\"checkbox\" name=\"sign\" value=\"%s\"%s> ", w,
       t->signs & bit ? " checked" : "");
    esc(t->c, label);
    put(t->c, "</label>\n");
    return 0;
}

void html_sign_ticks(struct ctx *c, uint32_t signs)
{
    pf(c, "<fieldset>\n<legend>%s</legend>\n", W("signs_legend"));
    struct sign_tick t = {c, signs};
    (void)rh_triage_sign_choices(sign_tick_one, &t); /* the terminal's check-in's too */
    put(c, "</fieldset>\n");
}

/* Every ticked sign of the form (the field repeats) into *signs; false
 * (msg says which) for a word that is not a sign. */
bool form_signs(struct ctx *c, uint32_t *signs, char *msg, size_t cap)
{
    *signs = 0;
    const char *b = c->req->body ? c->req->body : "";
    for (const char *p = b; (p = strstr(p, "sign=")) != NULL; p += 5) {
        if (p != b && p[-1] != '&')
            continue;
        char w[48];
        size_t len = strcspn(p + 5, "&");
        if (len >= sizeof w) {
            snprintf(msg, cap, W("not_sign_long"), p + 5);
            return false;
        }
        snprintf(w, sizeof w, "%.*s", (int)len, p + 5);
        int k = rh_intake_word_find(RH_INTAKE_LIST_SIGN, w);
        int t = k < 0 ? rh_note_tick_find(w) : -1;
        if (k < 0 && t < 0) {
            snprintf(msg, cap, W("not_sign"), w);
            return false;
        }
        *signs |= k >= 0 ? 1u << k : 1u << (RH_TICK_SHIFT + t);
    }
    return true;
}

/* The note field of a form into note (cap bytes, "" when absent); false
 * (msg says why) when too long or not text, through the library's one
 * check of typed text (rh_entry_check), as the terminal's --note. */
bool form_note(struct ctx *c, char *note, size_t cap, char *msg, size_t mcap)
{
    note[0] = 0;
    if (c->req->body && strstr(c->req->body, "note=") && !ffield(c, "note", note, cap)) {
        note[0] = 0;
        snprintf(msg, mcap, W("note_long"), NOTE_MAX);
        return false;
    }
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_entry_check(note[0] ? note : NULL, RH_ENTRY_NOTE, W("note_name"), &err)) {
        snprintf(msg, mcap, "%s", err.msg);
        return false;
    }
    return true;
}

/* The red flags an entry raised (a diary entry, a check-in), as a banner
 * to be shown first: each flag with its reason, then what to do (urgency:
 * the most urgent disposition, or -1), and (no_run) that running waits for a
 * professional. Nothing when none. */
void html_entry_flags(struct ctx *c, const struct rh_triage *t, int urgency, bool no_run)
{
    if (!t->n_flags)
        return;
    /* the heading of the signs' level (rh_plan_entry_signs_heading, session
     * 17, diaryword2) */
    struct rh_err kerr;
    rh_err_clear(&kerr);
    const struct rh_plan_kb *kb = server_kb(&kerr);
    const char *head = W("flags_heading");
    if (kb)
        (void)rh_plan_entry_signs_heading(kb, urgency, &head);
    /* the colour of their level (fix19b): red only for care the same day */
    bool amber = kb && !rh_plan_level_alert(kb, urgency);
    put(c, amber ? "<section class=\"banner see\" role=\"status\"><h2>"
                  : "<section class=\"banner\" role=\"alert\"><h2>");
    esc(c, head);
    put(c, "</h2>\n<ul>\n");
    for (int i = 0; i < t->n_flags; i++) {
        char title[RH_ASSESS_FLAG_WHY_LEN];
        rh_triage_flag_title(&t->flags[i], title, sizeof title);
        put(c, "<li><strong>");
        esc(c, title);
        /* the runner's reason, as the terminal says it (rh_triage_flag_words):
         * never the rule's whole definition with its exclusions (review 8
         * finding 7) */
        char reason[RH_ASSESS_FLAG_WHY_LEN];
        rh_triage_flag_reason(&t->flags[i], reason, sizeof reason);
        if (reason[0]) {
            put(c, "</strong>: ");
            esc(c, reason);
        } else {
            put(c, "</strong>");
        }
        put(c, "</li>\n");
    }
    put(c, "</ul>\n");
    if (urgency >= 0) {
        pf(c, "<p><strong>%s</strong> ", W("what_to_do"));
        const char *dw = rh_words("disposition", rh_disposition_name((enum rh_disposition)urgency));
        if (dw)
            esc(c, dw);
        else
            word(c, rh_disposition_name((enum rh_disposition)urgency));
        put(c, "</p>\n");
    }
    if (no_run) {
        char link[160];
        snprintf(link, sizeof link, "<a href=\"/\">%s</a>", W("today_link"));
        pf(c, "<p><strong>%s</strong> ", W("no_run_seen"));
        pf(c, W("no_run_seen_rest"), link);
        put(c, "</p>\n");
    }
    put(c, "</section>\n");
}

/* What the note was read as (its findings not negated), one line each, or
 * that nothing was read (review 10 #11): the library's lines, as the
 * terminal's log and checkin say them (rh_note_reading_lines). */
void html_note_read(struct ctx *c, const char *note, const struct rh_note_reading *nr, bool child)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int r = rh_note_reading_lines(note, nr, true, child, &b);
    if (r && !c->err)
        c->err = r;
    for (char *p = b.data, *e; !r && p && *p; p = e ? e + 1 : p + strlen(p)) {
        if ((e = strchr(p, '\n')))
            *e = '\0';
        put(c, "<p>");
        esc(c, p);
        put(c, "</p>\n");
    }
    rh_buf_release(&b);
}

/* What the runner typed, to refill the form after an error. */
struct pain_form {
    char date[16], pain[8], during[8], morning[8], activity[16], note[4 * NOTE_MAX + 1];
    uint32_t signs;
};

/* The words at the two ends of a 0-10 scale: the pain scale's (NRS) or
 * the effort scale's (Borg CR-10: 0 rest, 10 maximal). */
struct anchors {
    const char *low, *high;
};
static const struct anchors pain_ends = {"pain_low", "pain_high"}; /* [web_diary] keys */
static const struct anchors effort_ends = {"effort_low", "effort_high"};

static void score_select(struct ctx *c, const char *name, const char *label, const char *help,
                         const char *cur, bool required, const struct anchors *ends)
{
    pf(c, "<label for=\"%s\">%s</label>\n", name, label);
    if (help)
        pf(c, "<p class=\"note\" id=\"%s-help\">%s</p>\n", name, help);
    pf(c, "<select id=\"%s\" name=\"%s\"%s%s%s%s>\n", name, name, required ? " required" : "",
       help ? " aria-describedby=\"" : "", help ? name : "", help ? "-help\"" : "");
    pf(c, "<option value=\"\"%s>%s</option>\n", !cur[0] ? " selected" : "",
       W(required ? "choose" : "not_given"));
    for (int i = 0; i <= 10; i++) {
        char v[16];
        snprintf(v, sizeof v, "%d", i);
        pf(c, "<option value=\"%d\"%s>%d%s%s</option>\n", i, !strcmp(cur, v) ? " selected" : "", i,
           i == 0 || i == 10 ? ": " : "", i == 0 ? W(ends->low) : i == 10 ? W(ends->high) : "");
    }
    put(c, "</select>\n");
}

static void pain_form(struct ctx *c, const struct pain_form *f)
{
    char today[11];
    rh_date_format(c->today, today);
    pf(c, "<form method=\"post\" action=\"/diary\" id=\"pain\">\n<h2>%s</h2>\n"
          "<input type=\"hidden\" name=\"what\" value=\"pain\">\n",
       W("log_pain"));
    csrf_field(c);
    html_day_input(c, "date", "date", W("day"), f && f->date[0] ? f->date : today);
    score_select(c, "pain_now", W("pain_now"), NULL, f ? f->pain : "", true, &pain_ends);
    score_select(c, "during_run", W("pain_during"), W("pain_during_help"), f ? f->during : "",
                 false, &pain_ends);
    /* plan27: which activity that pain was in (the library's list and words) */
    {
        size_t na;
        const char *const *acts = rh_pain_activities(&na);
        const char *cur = f ? f->activity : "";
        pf(c, "<label for=\"activity\">%s</label>\n<select id=\"activity\" name=\"activity\">\n"
              "<option value=\"\"%s>%s</option>\n",
           W("activity_label"), !cur[0] ? " selected" : "", W("activity_not_said"));
        for (size_t i = 0; i < na; i++) {
            struct rh_pain_entry one = {.during_run = 0};
            snprintf(one.activity, sizeof one.activity, "%s", acts[i]);
            const char *said = rh_pain_activity_said(&one);
            pf(c, "<option value=\"%s\"%s>", acts[i], !strcmp(cur, acts[i]) ? " selected" : "");
            esc(c, said ? said : acts[i]);
            put(c, "</option>\n");
        }
        put(c, "</select>\n");
    }
    score_select(c, "next_morning", W("pain_morning"), W("pain_morning_help"),
                 f ? f->morning : "", false, &pain_ends);
    html_sign_ticks(c, f ? f->signs : 0);
    html_note_field(c, W("pain_note_help"), f ? f->note : "");
    pf(c, "<button type=\"submit\">%s</button>\n</form>\n", W("log_pain"));
}

static void session_form(struct ctx *c)
{
    char today[11];
    rh_date_format(c->today, today);
    pf(c, "<form method=\"post\" action=\"/diary\" id=\"session\">\n<h2>%s</h2>\n"
          "<input type=\"hidden\" name=\"what\" value=\"session\">\n",
       W("log_session_heading"));
    csrf_field(c);
    html_day_input(c, "sdate", "date", W("day"), today);
    pf(c, "<label for=\"kind\">%s</label>\n<select id=\"kind\" name=\"kind\" required>\n",
       W("kind"));
    for (int k = 0; k < RH_SESSION__COUNT; k++) {
        const char *name = rh_session_kind_name((enum rh_session_kind)k);
        pf(c, "<option value=\"%s\">", name);
        esc(c, rh_session_kind_said((enum rh_session_kind)k)); /* ux27: not "cross train" */
        put(c, "</option>\n");
    }
    pf(c, "</select>\n<label for=\"minutes\">%s</label>\n<input type=\"number\" "
          "id=\"minutes\" name=\"minutes\" min=\"0\" max=\"1440\" inputmode=\"numeric\">\n"
          "<label for=\"km\">%s</label>\n<input type=\"number\" "
          "id=\"km\" name=\"km\" min=\"0\" max=\"1000\" step=\"0.01\" inputmode=\"decimal\">\n",
       W("minutes"), W("km"));
    score_select(c, "rpe", W("effort"), W("effort_help"), "", false, &effort_ends);
    pf(c, "<label for=\"snote\">%s</label>\n<textarea id=\"snote\" name=\"note\" "
          "maxlength=\"%d\"></textarea>\n<button type=\"submit\">%s</button>\n</form>\n",
       W("note_label"), NOTE_MAX, W("log_session"));
}

/* What the runner typed in the visit form, to refill it after an error. */
struct visit_form {
    char date[16], decision[24], weeks[16], note[4 * NOTE_MAX + 1];
};

/* A visit to a doctor or physiotherapist with what they decided about
 * running: the four decisions of `log visit` (rh_visit_outcome_said's
 * words), the weeks of a restriction, the day and a note. */
static void visit_form(struct ctx *c, const struct visit_form *f)
{
    pf(c, "<form method=\"post\" action=\"/diary\" id=\"visit\">\n<h2>%s</h2>\n<p>%s</p>\n"
          "<input type=\"hidden\" name=\"what\" value=\"visit\">\n",
       W("visit_heading"), W("visit_intro"));
    csrf_field(c);
    char today[11];
    rh_date_format(c->today, today);
    html_day_input(c, "cdate", "date", W("visit_day"), f && f->date[0] ? f->date : today);
    pf(c, "<fieldset>\n<legend>%s</legend>\n", W("visit_decision"));
    for (int o = 0; o < RH_VISIT__COUNT; o++) {
        const char *name = rh_visit_outcome_name((enum rh_visit_outcome)o);
        const char *said = rh_visit_outcome_said((enum rh_visit_outcome)o);
        pf(c, "<label><input type=\"radio\" name=\"decision\" value=\"%s\"%s%s> ", name,
           f && !strcmp(f->decision, name) ? " checked" : "", o == 0 ? " required" : "");
        pf(c, "%c", said[0] >= 'a' && said[0] <= 'z' ? said[0] - 'a' + 'A' : said[0]);
        esc(c, said + 1);
        put(c, "</label>\n");
    }
    put(c, "</fieldset>\n");
    pf(c, "<label for=\"weeks\">%s</label>\n<p class=\"note\" id=\"weeks-help\">",
       W("visit_weeks"));
    pf(c, W("visit_weeks_help"), RH_VISIT_WEEKS_MAX);
    pf(c, "</p>\n<input type=\"number\" id=\"weeks\" "
          "name=\"weeks\" min=\"1\" max=\"%d\" inputmode=\"numeric\" "
          "aria-describedby=\"weeks-help\" value=\"",
       RH_VISIT_WEEKS_MAX);
    esc(c, f ? f->weeks : "");
    pf(c, "\">\n<label for=\"cnote\">%s</label>\n<textarea id=\"cnote\" "
          "name=\"note\" maxlength=\"%d\">",
       W("visit_note"), NOTE_MAX);
    esc(c, f ? f->note : "");
    pf(c, "</textarea>\n<button type=\"submit\">%s</button>\n</form>\n", W("visit_save"));
}

/* The message of a failed diary call: the library's, but for "no
 * assessment yet" (its words name the terminal's command) the web's. */
static void call_msg(int r, const struct rh_err *err, char *msg, size_t cap)
{
    const char *na = r == RH_ENOTFOUND ? rh_words("text", "no_assessment.web") : NULL;
    snprintf(msg, cap, "%s", na ? na : err->msg[0] ? err->msg : rh_strerror(r));
}

static void error_box(struct ctx *c, const char *msg)
{
    c->res->status = 400;
    pf(c, "<p class=\"error\" role=\"alert\">%s ", W("not_saved"));
    esc(c, msg);
    put(c, "</p>\n");
}

/* The day field: today when empty; false (with a message) when bad or in
 * the future. */
static bool day_field(struct ctx *c, const char *v, int32_t *day, char *msg, size_t cap)
{
    if (!*v) {
        *day = c->today;
        return true;
    }
    char why[120];
    if (rh_date_parse_said(v, day, why, sizeof why)) {
        snprintf(msg, cap, W("bad_day"), why);
        return false;
    }
    if (*day > c->today) {
        snprintf(msg, cap, W("future_day"), v);
        return false;
    }
    return true;
}

/* A 0..10 field: -1 when empty (and allowed). */
static bool score_field(const char *v, bool required, int *out)
{
    long n;
    if (!*v) {
        *out = -1;
        return !required;
    }
    if (rh_parse_long(v, &n) || n < 0 || n > 10)
        return false;
    *out = (int)n;
    return true;
}

static void outcome(struct ctx *c, const struct rh_pain_entry *e, const struct rh_diary_outcome *o)
{
    /* the red flags once, in their banner (with the block they bring);
     * the entry's box is green only when running may go on: a warning
     * sign, a stop or a block is not "ok" (review 7b, N20) */
    bool flagged = o->triage.n_flags > 0;
    bool stop = flagged || o->pain.red_flag || o->pain.verdict == RH_PAIN_SEE || o->blocked;
    bool caution = !stop && (o->pain.hold || o->pain.verdict == RH_PAIN_STEP_BACK);
    html_entry_flags(c, &o->triage, o->urgency, flagged && o->have_plan && o->blocked);
    char d[11];
    rh_date_format(e->day, d);
    pf(c, "<section class=\"%s\" role=\"status\"><h2>%s</h2>\n<p>",
       stop ? "todo tone-stop" : caution ? "todo tone-caution" : "ok", W("logged"));
    pf(c, W("logged_pain"), e->pain, d);
    const char *act = rh_pain_activity_said(e); /* plan27: "a run" */
    if (e->during_run >= 0 && act) {
        char t[200];
        snprintf(t, sizeof t, W("logged_during_kind"), e->during_run, act);
        esc(c, t);
    } else if (e->during_run >= 0) {
        pf(c, W("logged_during"), e->during_run);
    }
    if (e->next_morning >= 0 && !o->attached) {
        pf(c, W("logged_morning"), e->next_morning);
        put(c, " ");
        esc(c, rh_pain_reply_morning(e));
    }
    put(c, ".</p>\n");
    if (*o->morning_note) {
        put(c, "<p>");
        esc(c, o->morning_note);
        put(c, "</p>\n");
    }
    if (o->attached) {
        char a[11];
        rh_date_format(o->attached_day, a);
        put(c, "<p>");
        pf(c, W("attached"), a, o->attached_during);
        put(c, " ");
        esc(c, rh_pain_result_verdict(&o->attached_result));
        put(c, ". ");
        plain(c, o->attached_result.why);
        put(c, "</p>\n");
    }
    html_note_read(c, e->note, &o->triage.note, o->have_plan && o->st.for_child);
    pf(c, "<p><strong>%s</strong> ", W("pain_says"));
    esc(c, rh_pain_result_verdict(&o->pain));
    put(c, ".");
    if (!flagged) { /* with a red flag its words are the banner's: said once */
        put(c, " ");
        plain(c, o->pain.why);
    }
    put(c, "</p>\n");
    if (*o->pain.physio) {
        put(c, "<p>");
        plain(c, o->pain.physio);
        put(c, "</p>\n");
    }
    if (o->have_plan) {
        if (o->pain.moved && o->pain.from != o->pain.to)
        {
            /* the phases' names quoted and escaped here, the words around them data */
            struct rh_buf from, to;
            rh_buf_init(&from, 0);
            rh_buf_init(&to, 0);
            int er = rh_buf_puts(&from, "&ldquo;");
            er = er ? er : rh_server_html_escape(&from, rh_phase_name(o->pain.from));
            er = er ? er : rh_buf_puts(&from, "&rdquo;");
            er = er ? er : rh_buf_puts(&to, "&ldquo;");
            er = er ? er : rh_server_html_escape(&to, rh_phase_name(o->pain.to));
            er = er ? er : rh_buf_puts(&to, "&rdquo;");
            if (er && !c->err)
                c->err = er;
            put(c, "<p>");
            if (!er)
                pf(c, W("plan_moved"), from.data, to.data);
            put(c, "</p>\n");
            rh_buf_release(&from);
            rh_buf_release(&to);
        }
    }
    char today_link[160];
    snprintf(today_link, sizeof today_link, "<a href=\"/\">%s</a>", W("today_link"));
    if (!o->have_plan && o->pain.red_flag) {
        /* kept without an assessment (rh_diary_unassessed): today says it */
        pf(c, "<p><strong>%s</strong>", W("no_run_cleared"));
        pf(c, W("no_run_cleared_rest"), today_link);
        put(c, "</p>\n");
    } else if (o->blocked && !flagged) { /* else the banner said it */
        pf(c, "<p><strong>%s</strong>", W("no_running"));
        pf(c, W("no_running_see"), today_link);
        put(c, "</p>\n");
    }
    if (!o->have_plan) { /* the web's words name no command (review 7b, N23) */
        const char *na = rh_words("text", "no_assessment.web");
        put(c, "<p><a href=\"/questionnaire\">");
        esc(c, na ? na : ""); /* [text] is checked at load */
        put(c, "</a></p>\n");
    }
    pf(c, "<p><a href=\"/\">%s</a></p>\n</section>\n", W("back_today"));
}

static int post_pain(struct ctx *c)
{
    struct pain_form *f = rh_calloc(1, sizeof *f);
    struct rh_diary_outcome *o = rh_calloc(1, sizeof *o);
    if (!f || !o) {
        rh_free(f);
        rh_free(o);
        return RH_ENOMEM;
    }
    char msg[600] = "";
    ffield(c, "date", f->date, sizeof f->date);
    ffield(c, "pain_now", f->pain, sizeof f->pain);
    ffield(c, "during_run", f->during, sizeof f->during);
    ffield(c, "next_morning", f->morning, sizeof f->morning);
    ffield(c, "activity", f->activity, sizeof f->activity);
    if (form_note(c, f->note, sizeof f->note, msg, sizeof msg))
        form_signs(c, &f->signs, msg, sizeof msg);
    struct rh_pain_entry e = {.during_run = -1, .next_morning = -1};
    if (!msg[0] && !day_field(c, f->date, &e.day, msg, sizeof msg)) {
    } else if (!msg[0] && !score_field(f->pain, true, &e.pain)) {
        snprintf(msg, sizeof msg, "%s", W("bad_pain"));
    } else if (!msg[0] && !score_field(f->during, false, &e.during_run)) {
        snprintf(msg, sizeof msg, "%s", W("bad_during"));
    } else if (!msg[0] && !score_field(f->morning, false, &e.next_morning)) {
        snprintf(msg, sizeof msg, "%s", W("bad_morning"));
    } else if (!msg[0] && f->activity[0] &&
               (rh_pain_activity_check(f->activity, NULL) || e.during_run < 0)) {
        snprintf(msg, sizeof msg, "%s", W("activity_bad"));
    }
    if (!msg[0])
        snprintf(e.activity, sizeof e.activity, "%s", f->activity);
    int r = 0;
    if (!msg[0]) {
        e.note = f->note[0] ? f->note : NULL;
        struct rh_err err;
        rh_err_clear(&err);
        const struct rh_plan_kb *kb = server_kb(&err);
        r = kb ? rh_diary_pain(c->s, kb, &e, f->signs, c->today, o, &err) : RH_EFORMAT;
        if (r) {
            snprintf(msg, sizeof msg, "%s", err.msg[0] ? err.msg : rh_strerror(r));
            r = 0;
        }
    }
    if (msg[0]) {
        error_box(c, msg);
        pain_form(c, f);
    } else {
        flash_begin(c);
        outcome(c, &e, o);
        flash_end(c);
    }
    rh_free(f);
    rh_free(o);
    return r;
}

static void post_session(struct ctx *c)
{
    char date[16] = "", kind[32] = "", minutes[16] = "", rpe[8] = "", km[16] = "";
    char note[4 * NOTE_MAX + 1] = "", msg[600] = "";
    ffield(c, "date", date, sizeof date);
    ffield(c, "kind", kind, sizeof kind);
    ffield(c, "minutes", minutes, sizeof minutes);
    ffield(c, "km", km, sizeof km);
    ffield(c, "rpe", rpe, sizeof rpe);
    form_note(c, note, sizeof note, msg, sizeof msg);
    struct rh_session e = {.minutes = RH_NONE, .rpe = -1};
    enum rh_session_kind k = 0;
    double m, dist = 0;
    if (!msg[0] && !day_field(c, date, &e.day, msg, sizeof msg)) {
    } else if (!msg[0] && rh_session_kind_parse(kind, &k)) {
        snprintf(msg, sizeof msg, "%s", W("bad_kind"));
    } else if (!msg[0] && minutes[0] && (rh_parse_double(minutes, &m) || !(m >= 0 && m <= 1440))) {
        snprintf(msg, sizeof msg, "%s", W("bad_minutes"));
    } else if (!msg[0] && !score_field(rpe, false, &e.rpe)) {
        snprintf(msg, sizeof msg, "%s", W("bad_effort"));
    } else if (!msg[0] && km[0] && rh_parse_double(km, &dist)) {
        snprintf(msg, sizeof msg, "%s", W("bad_km"));
    }
    if (!msg[0]) {
        e.kind = k;
        if (minutes[0])
            e.minutes = m;
        e.km = dist; /* the library checks its range and that it is a run */
        e.note = note[0] ? note : NULL;
        struct rh_err err;
        rh_err_clear(&err);
        if (rh_store_session_add(c->s, &e, NULL, &err))
            snprintf(msg, sizeof msg, "%s", err.msg);
    }
    if (msg[0]) {
        error_box(c, msg);
        return;
    }
    char d[11];
    rh_date_format(e.day, d);
    flash_begin(c);
    pf(c, "<p class=\"ok\" role=\"status\">%s ", W("session_logged"));
    esc(c, rh_session_kind_said(e.kind));
    put(c, " ");
    pf(c, W("session_day"), d);
    if (e.km > 0) {
        put(c, ", ");
        pf(c, W("session_km"), e.km);
    }
    put(c, ".</p>\n");
    /* while a warning sign blocks the plan: the library's reminder */
    struct rh_err err;
    rh_err_clear(&err);
    const struct rh_plan_kb *kb = server_kb(&err);
    char remind[1600] = "";
    if (kb && !rh_diary_session_reminder(c->s, kb, e.kind, remind, sizeof remind, &err) && *remind) {
        put(c, "<p class=\"warn\" role=\"alert\">");
        esc(c, remind);
        put(c, "</p>\n");
    }
    flash_end(c);
}

static void post_cleared(struct ctx *c)
{
    char date[16] = "", note[4 * NOTE_MAX + 1] = "", msg[600] = "";
    int32_t day;
    ffield(c, "date", date, sizeof date);
    form_note(c, note, sizeof note, msg, sizeof msg);
    if (!msg[0] && day_field(c, date, &day, msg, sizeof msg)) {
        struct rh_plan_state st;
        bool was = false;
        struct rh_err err;
        rh_err_clear(&err);
        const struct rh_plan_kb *kb = server_kb(&err);
        int r = kb ? rh_diary_cleared(c->s, kb, day, c->today, note[0] ? note : NULL, &st, &was,
                                      &err)
                   : RH_EFORMAT;
        if (r) {
            call_msg(r, &err, msg, sizeof msg);
        } else {
            flash_begin(c);
            char t[1200]; /* the same words as runhip log cleared */
            rh_plan_clearance_reply(kb, &st, was, t, sizeof t);
            pf(c, "<p class=\"ok\" role=\"status\">%s ", W("cleared_recorded"));
            esc(c, t);
            put(c, "</p>\n");
            flash_end(c);
        }
    }
    if (msg[0])
        error_box(c, msg);
}

/* POST what=visit: the visit through the terminal's functions
 * (rh_visit_from_words, rh_diary_visit), then what it means for the plan in
 * the terminal's words (rh_plan_visit_text); a bad field is named, nothing
 * is stored and the form comes back as typed. */
static void post_visit(struct ctx *c)
{
    /* the form and the visit on the heap, one per request: the server's
     * threads answer posts at the same time (a note is 4 KB) */
    struct visit_form *f = rh_calloc(1, sizeof *f);
    struct rh_visit *v = rh_calloc(1, sizeof *v);
    if (!f || !v) {
        rh_free(f);
        rh_free(v);
        error_box(c, W("no_memory"));
        visit_form(c, NULL);
        return;
    }
    char msg[600] = "";
    int32_t day;
    ffield(c, "date", f->date, sizeof f->date);
    ffield(c, "decision", f->decision, sizeof f->decision);
    if (!ffield(c, "weeks", f->weeks, sizeof f->weeks) && c->req->body && strstr(c->req->body, "weeks=")) {
        f->weeks[0] = '\0';
        snprintf(msg, sizeof msg, W("bad_weeks"), RH_VISIT_WEEKS_MAX);
    }
    if (!msg[0] && form_note(c, f->note, sizeof f->note, msg, sizeof msg) &&
        day_field(c, f->date, &day, msg, sizeof msg)) {
        struct rh_err err;
        rh_err_clear(&err);
        const struct rh_plan_kb *kb = server_kb(&err);
        struct rh_plan_state *st = rh_calloc(1, sizeof *st);
        bool was = false;
        int r = rh_visit_from_words(v, day, f->decision, f->weeks, f->note, &err);
        if (!r)
            r = !kb ? RH_EFORMAT : !st ? RH_ENOMEM
                                       : rh_diary_visit(c->s, kb, v, c->today, st, &was, &err);
        if (r) {
            call_msg(r, &err, msg, sizeof msg);
        } else {
            char d[11], t[1600], said[120];
            rh_date_format(v->day, d);
            rh_visit_said_of(v, said, sizeof said);
            flash_begin(c);
            bool restricted = rh_visit_restricts(v->outcome);
            pf(c, "<section class=\"%s\" role=\"status\"><h2>%s</h2>\n<p>",
               restricted ? "todo tone-stop" : "ok", W("visit_recorded"));
            pf(c, W("visit_of"), d);
            put(c, " ");
            esc(c, said);
            put(c, ".</p>\n");
            /* the same words as the terminal's log visit (before any
             * assessment too: session 34, branch hyg34) */
            if (rh_plan_visit_reply(kb, st, v->outcome, was, t, sizeof t)) {
                put(c, "<p>");
                esc(c, t);
                put(c, "</p>\n");
            }
            if (st->assessment_id == 0) { /* the web's words name no command */
                const char *na = rh_words("text", "no_assessment.web");
                put(c, "<p><a href=\"/questionnaire\">");
                esc(c, na ? na : ""); /* [text] is checked at load */
                put(c, "</a></p>\n");
            }
            /* no plan yet (plan27): no link to a plan that is not there;
             * the questionnaire's link above says how to make one */
            if (st->assessment_id == 0)
                pf(c, "<p><a href=\"/\">%s</a></p>\n</section>\n", W("back_today"));
            else
                pf(c, "<p><a href=\"/\">%s</a> &middot; <a href=\"/plan\">%s</a></p>\n"
                      "</section>\n",
                   W("back_today"), W("whole_plan"));
            flash_end(c);
        }
        rh_free(st);
    }
    if (msg[0]) {
        error_box(c, msg);
        visit_form(c, f);
    }
    rh_free(v);
    rh_free(f);
}

int page_diary(struct ctx *c)
{
    page_begin(c, W("title"));
    if (c->post) {
        char what[16] = "";
        ffield(c, "what", what, sizeof what);
        if (!strcmp(what, "pain")) {
            int r = post_pain(c);
            html_diary_lists(c);
            page_end(c);
            return r;
        }
        if (!strcmp(what, "session"))
            post_session(c);
        else if (!strcmp(what, "cleared"))
            post_cleared(c);
        else if (!strcmp(what, "visit")) {
            post_visit(c);
            if (c->res->status == 400) { /* the form came back as typed */
                pain_form(c, NULL);
                session_form(c);
                html_diary_lists(c);
                page_end(c);
                return 0;
            }
        } else
            error_box(c, W("no_what"));
    }
    pain_form(c, NULL);
    session_form(c);
    visit_form(c, NULL);
    html_diary_lists(c);
    page_end(c);
    return 0;
}
