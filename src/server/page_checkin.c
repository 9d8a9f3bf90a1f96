/* SPDX-License-Identifier: MIT */
/* GET /checkin: the weekly check-in form (the four OSTRC-style questions,
 * radio buttons, the texts of rh_ostrc_question/option; questions 2-4 with
 * "skip", as the terminal's; the warning-sign ticks and the note of
 * `runhip checkin --signs --note`) and the trend of the stored ones. POST
 * /checkin: scored by rh_ostrc_score and stored with rh_diary_checkin (the
 * note and signs triaged through the assessment's red-flag rules, the plan
 * moved), as `runhip checkin` does: red flags shown first; a bad answer,
 * sign or note is named and nothing is stored. */
#include <string.h>

#include "runhip/plan.h"
#include "server/server_int.h"
#include "util/banned.h"

#define TREND_ROWS 12
#define NOTE_MAX RH_ENTRY_NOTE_MAX /* characters; the buffers hold 4 bytes each */

/* What the runner typed, to refill the form after an error. */
struct checkin_form {
    int a[RH_OSTRC_ITEMS];
    char note[4 * NOTE_MAX + 1];
    uint32_t signs;
};

const char *weekday_name(int32_t day);

/* words20: the page's own words, data/wording.txt [web_checkin], a closed
 * set of printf formats checked when the server first loads its rules
 * (page_checkin_words_check) */
static const struct rh_words_format checkin_words[] = {
    {"title", ""}, {"intro", ""}, {"skip", ""}, {"note_label", ""}, {"save", ""},
    {"list_heading", ""}, {"list_unreadable", ""}, {"list_none", ""}, {"list_region", ""},
    {"col_week", ""}, {"col_severity", ""}, {"col_change", ""}, {"col_substantial", ""},
    {"col_signs", ""}, {"col_note", ""}, {"label_severity", ""}, {"label_change", ""},
    {"label_substantial", ""}, {"label_signs", ""}, {"label_note", ""}, {"yes", ""},
    {"no", ""}, {"bad_answer", "d"}, {"no_answer", "ds"}, {"not_saved", ""},
    {"no_running", ""}, {"no_running_see", "s"}, {"today_link", ""}, {"saved", "s"},
    {"at_least", "d"}, {"substantial", ""}, {"skipped_one", "s"}, {"skipped_many", "s"},
    {"list_and", ""}, {"moved", "sss"}, {"see_plan", ""},
};

int page_checkin_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_checkin", checkin_words,
                                       sizeof checkin_words / sizeof *checkin_words, err);
}

#define W(key) web_words("web_checkin", (key))

/* The plan's state before this check-in (the plan's, or before any
 * assessment the diary's red flags): true with *st, false when none. */
static bool plan_before(struct ctx *c, struct rh_plan_state *st)
{
    struct rh_err err;
    rh_err_clear(&err);
    int r = plan_current(c, NULL, st, &err);
    if (r == RH_ENOTFOUND) {
        rh_err_clear(&err);
        r = rh_diary_unassessed(c->s, st, &err);
    }
    return r == 0;
}

static void form(struct ctx *c, const struct checkin_form *f)
{
    const int *given = f ? f->a : NULL;
    pf(c, "<form method=\"post\" action=\"/checkin\">\n<p>%s</p>\n", W("intro"));
    csrf_field(c);
    /* the plan before this check-in: is running on hold? (rh_ostrc_hold_note) */
    struct rh_plan_state *st = rh_calloc(1, sizeof *st);
    struct rh_err e;
    rh_err_clear(&e);
    const char *hold = st && plan_before(c, st) ? rh_ostrc_hold_note(server_kb(&e), st) : NULL;
    rh_free(st);
    for (int q = 0; q < RH_OSTRC_ITEMS; q++) {
        pf(c, "<fieldset>\n<legend>%d. ", q + 1);
        esc(c, rh_ostrc_question(q));
        put(c, "</legend>\n");
        if (q == 0 && hold) { /* running on hold: the answer that fits (review 10 #21) */
            put(c, "<p class=\"note\" id=\"q1-hold\">");
            plain(c, hold);
            put(c, "</p>\n");
        }
        for (int o = 1; o <= RH_OSTRC_OPTIONS; o++) {
            pf(c, "<label><input type=\"radio\" name=\"q%d\" value=\"%d\"%s%s> ", q + 1, o,
               given && given[q] == o ? " checked" : "", q == 0 && o == 1 ? " required" : "");
            esc(c, rh_ostrc_option(q, o));
            put(c, "</label>\n");
        }
        /* question 1 decides the others: the library refuses to skip it */
        if (q > 0)
            pf(c, "<label><input type=\"radio\" name=\"q%d\" value=\"skip\"%s> %s</label>\n",
               q + 1, given && given[q] == RH_OSTRC_SKIPPED ? " checked" : "", W("skip"));
        put(c, "</fieldset>\n");
    }
    /* the same ticks and note as the diary's, read for warning signs as
     * `runhip checkin --signs --note` */
    html_sign_ticks(c, f ? f->signs : 0);
    html_note_field(c, W("note_label"), f ? f->note : "");
    pf(c, "<button type=\"submit\">%s</button>\n</form>\n", W("save"));
}

static void trend(struct ctx *c)
{
    struct rh_checkin *ck = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    pf(c, "<h2>%s</h2>\n", W("list_heading"));
    if (rh_store_checkin_list(c->s, &ck, &n, &err)) {
        pf(c, "<p class=\"error\">%s ", W("list_unreadable"));
        esc(c, err.msg);
        put(c, "</p>\n");
        return;
    }
    if (n == 0) {
        pf(c, "<p>%s</p>\n", W("list_none"));
        rh_free(ck);
        return;
    }
    /* on a phone each check-in is a card, as the diary's entries (app.css
     * .entries): its figures labelled, the signs and the note on lines of
     * their own */
    pf(c, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">"
          "<table class=\"entries\">"
          "\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s"
          "</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
          "<tbody>\n",
       W("list_region"), W("col_week"), W("col_severity"), W("col_change"),
       W("col_substantial"), W("col_signs"), W("col_note"));
    size_t from = n > TREND_ROWS ? n - TREND_ROWS : 0;
    for (size_t i = n; i-- > from;) {
        char d[11], change[16] = "-";
        rh_date_format(ck[i].day, d);
        if (i > 0)
            snprintf(change, sizeof change, "%+d", ck[i].severity - ck[i - 1].severity);
        pf(c, "<tr><td class=\"d\">%s %s</td><td class=\"num\" data-l=\"%s\">%d</td>"
              "<td class=\"num\" data-l=\"%s\">%s</td><td data-l=\"%s\">%s</td>"
              "<td class=\"t\" data-l=\"%s\">",
           weekday_name(ck[i].day), d, W("label_severity"), ck[i].severity, W("label_change"),
           change, W("label_substantial"), ck[i].substantial ? W("yes") : W("no"),
           W("label_signs"));
        /* the warning signs ticked with it, in the form's words */
        char said[600];
        rh_triage_signs_said(ck[i].signs, said, sizeof said);
        esc(c, *said ? said : "-");
        /* the runner's own words with it (review 11 #16: "leaking when I run
         * and jump" was kept for the report but shown nowhere here) */
        if (*ck[i].note)
            pf(c, "</td><td class=\"t\" data-l=\"%s\">", W("label_note"));
        else
            put(c, "</td><td class=\"t\">");
        esc(c, ck[i].note);
        put(c, "</td></tr>\n");
    }
    /* the terminal's sentence too, its source listed with the page's */
    put(c, "</tbody></table></div>\n<p class=\"note\">");
    plain(c, rh_words("text", "checkin.scale")); /* ux28: what the figures mean */
    put(c, "</p>\n<p class=\"note\">");
    plain(c, rh_words("text", "checkin.chance"));
    put(c, "</p>\n");
    rh_free(ck);
}

/* The answers of the form: an option number or "skip" each (the values
 * rh_ostrc_score takes), up to the first question without an answer; *n
 * how many. false (msg says why) for a value that is neither. */
static bool answers(struct ctx *c, int *a, size_t *n, char *msg, size_t cap)
{
    *n = 0;
    for (int q = 0; q < RH_OSTRC_ITEMS; q++) {
        char key[4] = {'q', (char)('1' + q), 0, 0}, v[8];
        long x;
        if (!ffield(c, key, v, sizeof v) || !v[0])
            return true;
        if (!strcmp(v, "skip")) {
            a[q] = RH_OSTRC_SKIPPED;
        } else if (rh_parse_long(v, &x) || x < 1 || x > RH_OSTRC_OPTIONS) {
            snprintf(msg, cap, W("bad_answer"), q + 1);
            return false;
        } else {
            a[q] = (int)x;
        }
        *n = (size_t)q + 1;
    }
    return true;
}

int page_checkin(struct ctx *c)
{
    page_begin(c, W("title"));
    if (c->post) {
        struct checkin_form *f = rh_calloc(1, sizeof *f);
        /* stored, triaged and the plan moved in one transaction, as
         * `runhip checkin` does */
        struct rh_checkin_outcome *o = rh_calloc(1, sizeof *o);
        size_t n = 0;
        char msg[sizeof ((struct rh_err *)0)->msg] = "";
        struct rh_checkin ck;
        struct rh_err err;
        rh_err_clear(&err);
        int r = f && o ? 0 : rh_err_set(&err, RH_ENOMEM, "out of memory");
        if (!r) {
            /* the signs read even after a bad note, to keep the ticks */
            char smsg[sizeof msg] = "";
            bool note_ok = form_note(c, f->note, sizeof f->note, msg, sizeof msg);
            if (!form_signs(c, &f->signs, smsg, sizeof smsg) && note_ok)
                snprintf(msg, sizeof msg, "%s", smsg);
            if (msg[0] || !answers(c, f->a, &n, msg, sizeof msg))
                r = RH_ERANGE;
        }
        if (!r && n > 0 && n < RH_OSTRC_ITEMS && f->a[0] != 1 && f->a[0] != RH_OSTRC_OPTIONS) {
            /* the library's rule (all four after such a first answer), said
             * for the form: which question is left */
            snprintf(msg, sizeof msg, W("no_answer"), (int)n + 1, W("skip"));
            r = RH_EINVAL;
        }
        if (!r)
            r = rh_ostrc_score(f->a, n, c->today, &ck, &err);
        const struct rh_plan_kb *kb = NULL;
        if (!r && !(kb = server_kb(&err)))
            r = err.code ? err.code : RH_EFORMAT;
        /* what a 100 means while running is on hold, said with the score */
        const char *held = NULL;
        if (!r) {
            struct rh_plan_state *st = rh_calloc(1, sizeof *st);
            if (st && plan_before(c, st))
                held = rh_ostrc_hold_score(kb, st, &ck);
            rh_free(st);
        }
        if (!r)
            r = rh_diary_checkin(c->s, kb, &ck, f->note[0] ? f->note : NULL, f->signs, c->today,
                                 o, &err);
        if (r) {
            c->res->status = 400;
            pf(c, "<p class=\"error\" role=\"alert\">%s ", W("not_saved"));
            esc(c, msg[0] ? msg : err.msg[0] ? err.msg : rh_strerror(r));
            put(c, "</p>\n");
            form(c, f);
        } else {
            /* red flags first, with the block they bring, said once in their
             * banner; then the score */
            flash_begin(c);
            html_entry_flags(c, &o->triage, o->triage.has_urgency ? (int)o->triage.urgency : -1,
                             o->blocked);
            if (o->blocked && !o->triage.n_flags)
            {
                char link[160];
                snprintf(link, sizeof link, "<a href=\"/\">%s</a>", W("today_link"));
                pf(c, "<p><strong>%s</strong>", W("no_running"));
                pf(c, W("no_running_see"), link);
                put(c, "</p>\n");
            }
            int skipped = rh_ostrc_skipped(&ck);
            char sev[64];
            if (skipped)
                snprintf(sev, sizeof sev, W("at_least"), ck.severity);
            else
                snprintf(sev, sizeof sev, "%d", ck.severity);
            put(c, "<p class=\"ok\" role=\"status\">");
            pf(c, W("saved"), sev);
            if (ck.substantial)
                put(c, W("substantial"));
            if (skipped) {
                /* "2, 3 and 4" */
                char qs[64] = "";
                size_t at = 0;
                for (int q = 1, k = 0; q < RH_OSTRC_ITEMS && at < sizeof qs; q++) {
                    if (ck.q[q] >= 0)
                        continue;
                    int w = k == 0                ? snprintf(qs + at, sizeof qs - at, "%d", q + 1)
                            : k + 1 == skipped    ? snprintf(qs + at, sizeof qs - at, " %s %d",
                                                             W("list_and"), q + 1)
                                                  : snprintf(qs + at, sizeof qs - at, ", %d", q + 1);
                    at = w < 0 ? sizeof qs : at + (size_t)w;
                    k++;
                }
                pf(c, W(skipped > 1 ? "skipped_many" : "skipped_one"), qs);
            }
            put(c, ".</p>\n");
            if (held) {
                put(c, "<p class=\"note\" id=\"score-hold\">");
                plain(c, held);
                put(c, "</p>\n");
            }
            if (ck.severity > 0) { /* the one definition (review 7b N13) */
                const char *sw = rh_ostrc_substantial_words();
                pf(c, "<p class=\"small\">%c", sw[0] - 'a' + 'A');
                esc(c, sw + 1);
                put(c, ".</p>\n");
            }
            if (o->replaced) {
                put(c, "<p>");
                esc(c, o->replaced_text);
                put(c, "</p>\n");
            }
            html_note_read(c, f->note, &o->triage.note, o->have_plan && o->st.for_child);
            /* the plan's words on the warning signs are the banner's: the
             * rest of them, as `runhip checkin` says it (words19: a sign of
             * a physiotherapist's level keeps running within the pain rule,
             * and the page said only the booking) */
            if (o->have_plan && o->why_rest[0]) {
                put(c, "<p id=\"checkin-why\">");
                plain(c, o->why_rest);
                put(c, "</p>\n");
            }
            if (o->moved && o->from != o->st.phase)
            {
                char from[160], to[160], link[160];
                snprintf(from, sizeof from, "&ldquo;%s&rdquo;", rh_phase_name(o->from));
                snprintf(to, sizeof to, "&ldquo;%s&rdquo;", rh_phase_name(o->st.phase));
                snprintf(link, sizeof link, "<a href=\"/plan\">%s</a>", W("see_plan"));
                put(c, "<p>");
                pf(c, W("moved"), from, to, link);
                put(c, "</p>\n");
            }
            flash_end(c);
        }
        rh_free(o);
        rh_free(f);
    } else {
        form(c, NULL);
    }
    trend(c);
    page_end(c);
    return 0;
}
