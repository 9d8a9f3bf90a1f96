/* SPDX-License-Identifier: MIT */
/* GET /plan: the plan of the latest assessment: phase and goal, the running
 * block or "see someone" first, the assessment's advice, when to see someone
 * for the condition, the phases with their entry and exit criteria, the
 * exercises not yet or left out, the training findings that shaped the plan,
 * the weekly running volume, then four weeks of sessions by weekday with
 * what to do (rh_plan_calendar) and the pain rule to judge each session by,
 * as `runhip plan` prints them (the same library functions). The calendar
 * feed of the same plan is /plan.ics. */
#include <ctype.h>
#include <string.h>

#include "server/server_int.h"
#include "util/banned.h"

#define PLAN_DAYS 28

/* words20: the page's own words, data/wording.txt [web_plan], a closed set
 * of printf formats without markup checked when the server first loads its
 * rules (page_plan_words_check); the links and tags around them stay here */
static const struct rh_words_format plan_words[] = {
    {"title", ""}, {"days_range", "s"}, {"blocked", ""}, {"blocked_child", ""},
    {"hold", ""}, {"hold_pelvic", ""}, {"hold_pelvic_visit", "s"}, {"hold_diagnosed_visit", "s"}, {"cleared_record", "ss"}, {"cleared_you", ""}, {"cleared_child", ""},
    {"diary_link", ""}, {"hold_log", "s"}, {"not_saved", ""}, {"runs_unit", ""},
    {"save", ""}, {"runs_range", ""}, {"no_assessment", "s"}, {"not_made", ""},
    {"rules_unread", ""}, {"record_visit", ""}, {"phase", ""}, {"pain_log", "s"}, {"test_log", "s"},
    {"not_laid_out", ""}, {"next_weeks", ""}, {"calendar", "s"}, {"calendar_link", ""}, {"history", ""},
    {"day_thu", ""}, {"day_fri", ""}, {"day_sat", ""}, {"day_sun", ""}, {"day_mon", ""},
    {"day_tue", ""}, {"day_wed", ""}, {"volume_km", ""},
};

int page_plan_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_plan", plan_words,
                                       sizeof plan_words / sizeof *plan_words, err);
}

#define W(key) web_words("web_plan", (key))

const char *weekday_name(int32_t day);
/* The day's short name, [web_plan] day_* (words21c; the pages' lists and
 * the Today page's date). */
const char *weekday_name(int32_t day)
{
    static const char *const keys[] = {"day_thu", "day_fri", "day_sat", "day_sun",
                                       "day_mon", "day_tue", "day_wed"};
    int w = (int)(((day % 7) + 7) % 7); /* day 0 was a Thursday */
    return W(keys[w]);
}

/* Text with the exercise names a runner may not know said in plain words
 * where the page first names them (rh_plan_plain_names, c->said), into a
 * buffer the caller frees; NULL when out of memory. */
static char *plain_names(struct ctx *c, const char *text)
{
    struct rh_err err;
    rh_err_clear(&err);
    size_t cap = strlen(text) + 4096;
    char *out = rh_malloc(cap);
    if (out)
        rh_plan_plain_names(server_kb(&err), &c->said, text, out, cap);
    return out;
}

/* The session lines of one day, each line escaped, as a list. */
void html_day_detail(struct ctx *c, const char *detail);
void html_day_detail(struct ctx *c, const char *detail)
{
    if (!*detail)
        return;
    char *said = plain_names(c, detail);
    put(c, "<ul class=\"detail\">\n");
    const char *p = said ? said : detail;
    /* session 22 (runner22): a line ending in a colon ("Warm-up:") heads the
     * exercise lines after it, a list inside its item, as the terminal
     * indents them; it was an item of its own beside them on a phone */
    bool head = false, sub = false;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char line[2048];
        snprintf(line, sizeof line, "%.*s", (int)len, p);
        /* an exercise line "- NAME: DOSE" is already a list item here */
        const char *item = line;
        while (*item == ' ')
            item++;
        bool dash = item[0] == '-' && item[1] == ' ';
        if (dash)
            memmove(line, item + 2, strlen(item + 2) + 1);
        if (len && dash && head) {
            if (!sub)
                put(c, "\n<ul>\n");
            sub = true;
            put(c, "<li>");
            plain(c, line);
            put(c, "</li>\n");
        } else if (len) {
            if (head)
                put(c, sub ? "</ul>\n</li>\n" : "</li>\n");
            head = sub = false;
            put(c, "<li>");
            plain(c, line);
            size_t n = strlen(line);
            if (!dash && n && line[n - 1] == ':')
                head = true; /* its item stays open for the lines it heads */
            else
                put(c, "</li>\n");
        }
        p += len + (nl ? 1 : 0);
    }
    if (head)
        put(c, sub ? "</ul>\n</li>\n" : "</li>\n");
    put(c, "</ul>\n");
    rh_free(said);
}

/* Session 26 (ux26): how to do the exercises the days name
 * (rh_plan_days_exercises), folded under its heading ([text] head_key; an
 * h2 on the Plan page, heading_h2), what a dose such as "2-3 x 10-12"
 * means first where a dose has sets: the words `runhip today` and `runhip
 * plan` print. */
void html_howto(struct ctx *c, const struct rh_plan_kb *kb, const struct rh_plan_day *days,
                int n, const char *head_key, bool heading_h2);
void html_howto(struct ctx *c, const struct rh_plan_kb *kb, const struct rh_plan_day *days,
                int n, const char *head_key, bool heading_h2)
{
    const struct rh_exercise *ex[64];
    size_t k = kb ? rh_plan_days_exercises(kb, days, n, ex, sizeof ex / sizeof *ex) : 0;
    if (!k)
        return;
    put(c, heading_h2 ? "<details id=\"howto\" class=\"howto\"><summary><h2>"
                      : "<details class=\"howto\"><summary>");
    esc(c, rh_plan_kb_get(kb, "text", head_key));
    put(c, heading_h2 ? "</h2></summary>\n" : "</summary>\n");
    if (rh_plan_doses_have_sets(ex, k)) {
        put(c, "<p class=\"note\">");
        esc(c, rh_plan_kb_get(kb, "text", "howto_dose"));
        put(c, "</p>\n");
    }
    put(c, "<dl>\n");
    for (size_t i = 0; i < k; i++) {
        put(c, "<dt>");
        char *name = plain_names(c, ex[i]->name);
        esc(c, name ? name : ex[i]->name);
        rh_free(name);
        put(c, "</dt><dd>");
        esc(c, ex[i]->desc);
        put(c, "</dd>\n");
    }
    put(c, "</dl>\n</details>\n");
}

/* What a message means for the runner, one table for every page: its tone
 * is the class tone-TONE, coloured by app.css. Green ("go") only where
 * running goes on; anything not in the table is neutral grey. */
static const struct {
    const char *what, *tone;
} tones[] = {
    /* the session kinds of a plan day (rh_plan_day.kind) */
    {"run", "go"},
    {"walk_run", "go"},
    {"test", "go"},
    {"strength", "train"},
    {"mobility", "train"},
    {"cross_train", "train"},
    {"rest", "rest"},
    /* the running levels of an assessment (data/wording.txt [running]) */
    {"continue", "go"},
    {"reduce", "caution"},
    {"cross_train_only", "train"},
    {"stop", "stop"},
};

const char *tone_of(const char *what)
{
    for (size_t i = 0; what && i < sizeof tones / sizeof tones[0]; i++)
        if (!strcmp(what, tones[i].what))
            return tones[i].tone;
    return "rest";
}

/* The days from..from+n-1 as a list of dated cards. */
/* While a warning sign waits for a professional: the rule for every day, once
 * (rh_plan_block_note), above the days (review 8, 12). */
void html_block_note(struct ctx *c, const struct rh_plan_kb *kb, const struct rh_plan_state *st);
void html_block_note(struct ctx *c, const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    char note[2400];
    /* under the notice, which names the warning signs: not twice */
    if (!kb || !rh_plan_block_note_under(kb, st, note, sizeof note))
        return;
    put(c, "<p class=\"block-note\">");
    plain(c, note);
    put(c, "</p>\n");
}

void html_days(struct ctx *c, const struct rh_plan_day *days, int n);
void html_days(struct ctx *c, const struct rh_plan_day *days, int n)
{
    put(c, "<ol class=\"days\">\n");
    for (int i = 0, j; i < n; i = j + 1) {
        /* days alike in a row folded into one, as the terminal does */
        j = rh_plan_day_run(days, n, i);
        char d[11];
        rh_date_format(days[i].day, d);
        const char *kind = days[i].kind[0] ? days[i].kind : "rest";
        pf(c, "<li class=\"day kind-%s tone-%s\"><p class=\"date\"><time datetime=\"%s\">%s %s"
              "</time>",
           kind, tone_of(kind), d, weekday_name(days[i].day), d);
        if (j > i) {
            char e[11];
            rh_date_format(days[j].day, e);
            char t[80];
            snprintf(t, sizeof t, "<time datetime=\"%s\">%s %s</time>", e,
                     weekday_name(days[j].day), e);
            put(c, " ");
            pf(c, W("days_range"), t);
        }
        put(c, "</p>\n<p class=\"session\">");
        esc(c, days[i].title[0] ? days[i].title : days[i].kind);
        put(c, "</p>\n");
        html_day_detail(c, days[i].detail);
        put(c, "</li>\n");
    }
    put(c, "</ol>\n");
}

/* The plan's notice (rh_plan_notice: its parts in the library's order, the
 * most urgent first, each flag and the action said once); result_json: the
 * assessment's stored result, for the reasons of its flags (NULL: none).
 * Returns the notice's kind (RH_NOTICE_NONE: nothing shown). */
int html_plan_notice(struct ctx *c, const struct rh_plan_state *st, const char *result_json,
                     bool with_care_why);
int html_plan_notice(struct ctx *c, const struct rh_plan_state *st, const char *result_json,
                     bool with_care_why)
{
    struct rh_err err;
    rh_err_clear(&err);
    const struct rh_plan_kb *kb = server_kb(&err);
    struct rh_plan_notice *n = rh_calloc(1, sizeof *n);
    if (!kb || !n || rh_plan_notice(kb, st, result_json, n, &err)) {
        /* never silent about running: the block without its words */
        if (rh_plan_no_running(st))
            pf(c, "<section class=\"banner\" role=\"alert\"><h2>%s</h2></section>\n",
               W("blocked"));
        rh_free(n);
        return rh_plan_no_running(st) ? RH_NOTICE_BLOCK : RH_NOTICE_NONE;
    }
    int kind = (int)n->kind;
    if (n->kind == RH_NOTICE_NONE) {
        rh_free(n);
        return kind;
    }
    /* the colour of the notice's level (fix19b, n->alert: red only for care
     * the same day; a physiotherapist or a doctor within days amber) */
    put(c, !n->alert ? "<section class=\"banner see\" role=\"status\" aria-labelledby=\"alert\"><h2 "
                       "id=\"alert\">"
                     : "<section class=\"banner\" role=\"alert\" aria-labelledby=\"alert\"><h2 "
                       "id=\"alert\">");
    esc(c, n->heading);
    put(c, "</h2>\n");
    if (n->kind == RH_NOTICE_BLOCK) {
        /* a sentence of its own after a full stop, a clause after a colon */
        bool cap = *n->stop >= 'A' && *n->stop <= 'Z';
        /* review 10 (child10): a parent's child is the one cleared */
        put(c, "<p><strong>");
        esc(c, n->child ? W("blocked_child") : W("blocked"));
        put(c, !*n->stop ? ".</strong>" : cap ? ".</strong> " : "</strong>: ");
        plain(c, n->stop);
        put(c, "</p>\n");
    } else if (n->kind == RH_NOTICE_HOLD) {
        /* session 20 (branch diary24): a hold for a pelvic-floor symptom
         * waits for a pelvic-health physiotherapist, not for the pain to
         * settle: "No running for now", as the terminal's no_running_pelvic */
        const char *h = n->pelvic || n->diagnosed ? W("hold_pelvic") : W("hold");
        put(c, "<p>");
        if (strcmp(n->heading, h) != 0) {
            put(c, "<strong>");
            esc(c, h);
            put(c, *n->stop >= 'A' && *n->stop <= 'Z' ? ".</strong> " : "</strong>: ");
        }
        plain(c, n->stop);
        put(c, "</p>\n");
    }
    for (int i = 0; i < n->n_flags; i++) {
        const struct rh_notice_flag *f = &n->flags[i];
        put(c, i ? "<li><strong>" : "<ul class=\"flags\">\n<li><strong>");
        esc(c, f->title);
        put(c, "</strong> (");
        esc(c, f->from);
        put(c, ")");
        if (*f->why) {
            put(c, ": ");
            bool was = c->refs.child;
            c->refs.child = was || n->child; /* "because your child is 13" */
            flag_because(c, f->why);
            c->refs.child = was;
        } else if (*f->matters) { /* one a note raised: why what it said matters */
            put(c, ": ");
            plain(c, f->matters);
        }
        put(c, "</li>\n");
    }
    if (n->n_flags)
        put(c, "</ul>\n");
    if (*n->action) {
        put(c, n->kind == RH_NOTICE_SEE ? "<p>" : "<p><strong>");
        plain(c, n->action);
        put(c, n->kind == RH_NOTICE_SEE ? "</p>\n" : "</strong></p>\n");
    }
    if (*n->not_covered) {
        put(c, "<p>");
        plain(c, n->not_covered);
        put(c, "</p>\n");
    }
    /* why this care, when the diary keeps it above the assessment's own (as
     * the terminal says it); the assessment page says it under its own care */
    if (with_care_why && *n->care_why) {
        put(c, "<p>");
        plain(c, n->care_why);
        put(c, "</p>\n");
    }
    if (n->kind == RH_NOTICE_BLOCK || n->kind == RH_NOTICE_HOLD) {
        /* session 20 (branch diary24): a pelvic-floor hold is lifted by the
         * visit, not by pain within the rule (rh_plan_state pelvic_hold) */
        bool visit = n->kind == RH_NOTICE_BLOCK || n->pelvic || n->diagnosed;
        char link[120];
        snprintf(link, sizeof link, "<a href=\"/diary#%s\">%s</a>", visit ? "visit" : "pain",
                 W("diary_link"));
        put(c, "<p>");
        if (n->kind == RH_NOTICE_BLOCK)
            pf(c, W("cleared_record"), n->child ? W("cleared_child") : W("cleared_you"), link);
        else if (n->pelvic)
            pf(c, W("hold_pelvic_visit"), link);
        else if (n->diagnosed) /* session 22 (branch diary26) */
            pf(c, W("hold_diagnosed_visit"), link);
        else
            pf(c, W("hold_log"), link);
        put(c, "</p>\n");
    }
    put(c, "</section>\n");
    rh_free(n);
    return kind;
}

/* The notice of a plan without the assessment's reasons. True when the
 * plan schedules no running. */
bool html_plan_banners(struct ctx *c, const struct rh_plan_state *st);
bool html_plan_banners(struct ctx *c, const struct rh_plan_state *st)
{
    html_plan_notice(c, st, NULL, true);
    return rh_plan_no_running(st);
}

/* The plan's question of how many days a week the runner runs, when it
 * needs it (rh_plan_runs_ask), as the terminal asks it; msg: why the last
 * answer was not taken, or NULL. */
static void html_runs_ask(struct ctx *c, const struct rh_plan_kb *kb,
                          const struct rh_plan_state *st, const char *msg)
{
    char q[400];
    if (!rh_plan_runs_ask(kb, st, q, sizeof q))
        return;
    put(c, "<form method=\"post\" action=\"/plan\" id=\"runs-ask\">\n");
    csrf_field(c);
    if (msg) {
        pf(c, "<p class=\"error\" role=\"alert\">%s ", W("not_saved"));
        esc(c, msg);
        put(c, "</p>\n");
    }
    put(c, "<label for=\"runs\">");
    esc(c, q);
    pf(c, "</label>\n<input id=\"runs\" name=\"runs\" type=\"number\" min=\"1\" max=\"7\" "
          "step=\"1\" inputmode=\"numeric\" required> <span class=\"note\">%s</span>\n"
          "<button type=\"submit\">%s</button>\n</form>\n",
       W("runs_unit"), W("save"));
}

/* POST /plan: the runner's answer of runs a week (rh_plan_set_runs), kept
 * in the plan; then the plan page again (303), or the page with the
 * question and why the answer was not taken (400), nothing stored. */
static int plan_post(struct ctx *c, char *msg, size_t cap)
{
    struct rh_err err;
    rh_err_clear(&err);
    const struct rh_plan_kb *kb = server_kb(&err);
    char v[16];
    long n = 0;
    int r = kb ? 0 : (err.code ? err.code : RH_EFORMAT);
    if (!r && (!ffield(c, "runs", v, sizeof v) || rh_parse_long(v, &n) || n < 1 || n > 7))
        r = rh_err_set(&err, RH_ERANGE, "%s", W("runs_range"));
    struct rh_plan_state st;
    if (!r)
        r = rh_plan_set_runs(c->s, kb, (int)n, &st, &err);
    if (!r)
        return redirect(c, "/plan#runs-a-week");
    c->res->status = r == RH_ENOTFOUND ? 404 : 400;
    snprintf(msg, cap, "%s", err.msg);
    return 1;
}

/* The condition's note and when to see someone (rh_plan_see_someone), as
 * `runhip plan` says it. */
static void html_see_someone(struct ctx *c, const struct rh_plan_kb *kb,
                             const struct rh_plan_state *st)
{
    struct rh_plan_see *see = rh_calloc(1, sizeof *see);
    if (!see || !rh_plan_see_someone(kb, st, see)) {
        rh_free(see);
        return;
    }
    put(c, "<section id=\"see-someone\" aria-labelledby=\"see-h\">\n<p>");
    plain(c, see->note);
    put(c, "</p>\n<p><strong id=\"see-h\">");
    esc(c, see->see_heading);
    put(c, ":</strong> ");
    char line[700];
    snprintf(line, sizeof line, "%s. [%s]", see->see, see->source);
    plain(c, line);
    put(c, "</p>\n");
    if (*see->met) {
        put(c, "<p class=\"todo tone-caution\">");
        plain(c, see->met);
        put(c, "</p>\n");
    }
    put(c, "</section>\n");
    rh_free(see);
}

/* s, then end, escaped, its first letter in capitals: a clause of the
 * library ("in the order below", "week") said on its own (words19: the
 * phases' and the volume's headings wrote this out each) */
static void esc_capital(struct ctx *c, const char *s, const char *end)
{
    char line[300];
    snprintf(line, sizeof line, "%s%s", s ? s : "", end);
    line[0] = (char)toupper((unsigned char)line[0]);
    esc(c, line);
}

/* The phases (rh_plan_phase_words), as `runhip plan` lists them: the
 * current one open and marked, its goal said above the list (not again),
 * the ones to come folded, the ones done by name. */
/* Session 26 (ux26): the exercises of later phases and those left out for
 * the condition with why, as `runhip plan` prints them
 * (rh_plan_exercise_notes): the page had neither. Headed without the
 * terminal's colon. */
static void html_exercise_notes(struct ctx *c, const struct rh_plan_kb *kb,
                                const struct rh_plan_state *st)
{
    struct rh_plan_ex_notes *xn = rh_calloc(1, sizeof *xn);
    if (!xn)
        return;
    rh_plan_exercise_notes(kb, st, xn);
    const char *heads[] = {xn->not_yet_head, xn->left_out_head};
    char *items[] = {xn->not_yet, xn->left_out};
    const char *ids[] = {"not-yet", "left-out"};
    for (int k = 0; k < 2; k++) {
        if (!*items[k])
            continue;
        char head[400];
        snprintf(head, sizeof head, "%s", heads[k]);
        size_t hl = strlen(head);
        if (hl && head[hl - 1] == ':')
            head[hl - 1] = '\0';
        pf(c, "<section id=\"%s\" aria-labelledby=\"%s-h\"><h2 id=\"%s-h\">", ids[k], ids[k],
           ids[k]);
        esc(c, head);
        put(c, "</h2>\n<ul>\n");
        char *save = NULL;
        for (char *l = strtok_r(items[k], "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
            put(c, "<li>");
            char *said = plain_names(c, l);
            plain(c, said ? said : l);
            rh_free(said);
            put(c, "</li>\n");
        }
        put(c, "</ul>\n</section>\n");
    }
    rh_free(xn);
}

/* Session 27 (webplan27): the findings of the runner's training data that
 * shaped the plan, each with its advice and sources (rh_plan_findings), as
 * `runhip plan`'s "From your training data" says them: the page had none. */
static void html_findings(struct ctx *c, const struct rh_plan_kb *kb,
                          const struct rh_plan_state *st)
{
    char *f = rh_malloc(RH_PLAN_FINDINGS_CAP);
    if (!f)
        return;
    if (rh_plan_findings(kb, st, f, RH_PLAN_FINDINGS_CAP)) {
        put(c, "<section id=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">");
        esc(c, rh_plan_findings_heading());
        put(c, "</h2>\n<ul>\n");
        char *save = NULL;
        for (char *l = strtok_r(f, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
            put(c, "<li>");
            plain(c, l);
            put(c, "</li>\n");
        }
        put(c, "</ul>\n</section>\n");
    }
    rh_free(f);
}

/* The page's sentence `key` ("Log the pain ... in the %s") with the link to
 * the diary where the terminal names its command (pain_log, test_log). */
static void diary_says(struct ctx *c, const char *key)
{
    char link[120];
    snprintf(link, sizeof link, "<a href=\"/diary#pain\">%s</a>", W("diary_link"));
    pf(c, W(key), link);
}

/* Session 27 (webplan27): the pain rule to judge each session by, in full
 * (rh_plan_pain_rule_after), as `runhip plan` ends with it, and where to log
 * the pain here (the terminal names its command): the page never said it. */
static void html_pain_rule(struct ctx *c, const struct rh_plan_kb *kb,
                           const struct rh_plan_state *st)
{
    char rule[2000];
    rh_plan_pain_rule_after(kb, st, rule, sizeof rule);
    if (!*rule)
        return;
    put(c, "<section id=\"pain-rule\" aria-labelledby=\"pain-rule-h\"><h2 id=\"pain-rule-h\">");
    esc(c, rh_plan_pain_rule_heading());
    put(c, "</h2>\n<p>");
    plain(c, rule);
    put(c, "</p>\n<p>");
    diary_says(c, "pain_log");
    put(c, "</p>\n</section>\n");
}

static void html_phases(struct ctx *c, const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    struct rh_plan_phase_words *ph = rh_calloc(1, sizeof *ph);
    if (!ph)
        return;
    put(c, "<section id=\"phases\" aria-labelledby=\"phases-h\">\n<h2 id=\"phases-h\">");
    esc(c, rh_plan_phases_heading(kb));
    put(c, "</h2>\n<p class=\"note\">");
    esc_capital(c, rh_plan_phases_when(kb, st), ".");
    put(c, "</p>\n<ol class=\"phases\">\n");
    for (int p = 0; p < RH_PHASE__COUNT; p++) {
        rh_plan_phase_words(kb, st, (enum rh_phase)p, c->today, ph);
        if (ph->done) {
            put(c, "<li class=\"phase done\">");
            esc(c, ph->name);
            put(c, "</li>\n");
            continue;
        }
        pf(c, "<li class=\"phase%s\"%s><details%s><summary>", ph->current ? " current" : "",
           ph->current ? " aria-current=\"step\"" : "", ph->current ? " open" : "");
        esc(c, ph->name);
        if (ph->current) {
            put(c, " <strong class=\"here\">");
            esc(c, rh_plan_phase_here(kb, st));
            put(c, "</strong>");
        }
        put(c, "</summary>\n<dl>\n");
        const struct {
            const char *key, *text;
            bool cite;
        } rows[] = {{"phase_goal", ph->current ? "" : ph->goal, false},
                    {"phase_entry", ph->entry, false},
                    {"phase_exit", ph->exit, true}};
        for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
            if (!*rows[i].text)
                continue;
            put(c, "<dt>");
            esc(c, rh_plan_kb_get(kb, "text", rows[i].key));
            put(c, "</dt><dd>");
            char line[1500];
            if (rows[i].cite && *ph->source)
                snprintf(line, sizeof line, "%s [%s]", rows[i].text, ph->source);
            else
                snprintf(line, sizeof line, "%s", rows[i].text);
            plain(c, line);
            put(c, "</dd>\n");
        }
        put(c, "</dl>\n</details></li>\n");
    }
    put(c, "</ol>\n</section>\n");
    rh_free(ph);
}

/* The weekly running volume (rh_plan_volume_words), as `runhip plan` gives
 * it, folded under its heading; where the calm weeks' runs a week come from is said at the top of the
 * page already (#runs-a-week), with its question. */
static void html_volume(struct ctx *c, const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    struct rh_plan_volume_words *v = rh_calloc(1, sizeof *v);
    if (!v)
        return;
    rh_plan_volume_words(kb, st, v);
    /* folded (a heading that opens it), so that a phone reaches the weeks */
    put(c, "<details id=\"volume\" class=\"volume\"><summary><h2>");
    esc(c, v->heading);
    put(c, "</h2></summary>\n");
    const char *parts[] = {v->base, v->cadence, v->none};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (*parts[i]) {
            put(c, "<p>");
            plain(c, parts[i]);
            put(c, "</p>\n");
        }
    if (v->n_weeks) {
        put(c, "<table class=\"volume\">\n<thead><tr><th scope=\"col\">");
        esc_capital(c, rh_plan_kb_get(kb, "text", "volume_week"), "");
        pf(c, "</th><th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n", W("volume_km"));
        for (int i = 0; i < v->n_weeks; i++) {
            pf(c, "<tr><td>%d</td><td class=\"num\">%.1f</td></tr>\n", i + 1, v->km[i]);
            if (i == 0 && *v->reduced) { /* under the first week, as the terminal has it */
                put(c, "<tr><td colspan=\"2\" class=\"note\">");
                plain(c, v->reduced);
                put(c, "</td></tr>\n");
            }
        }
        put(c, "</tbody>\n</table>\n");
    }
    if (*v->note) {
        put(c, "<p class=\"note\">");
        plain(c, v->note);
        put(c, "</p>\n");
    }
    put(c, "</details>\n");
    rh_free(v);
}

int page_plan(struct ctx *c)
{
    struct rh_plan_state st;
    struct rh_err err;
    rh_err_clear(&err);
    char msg[sizeof err.msg] = "";
    if (c->post && plan_post(c, msg, sizeof msg) == 0)
        return 0;
    int status = c->res->status;
    page_begin(c, W("title"));
    if (c->post)
        c->res->status = status; /* the answer not taken */
    int r = plan_current(c, NULL, &st, &err);
    if (r) {
        struct rh_err e2;
        rh_err_clear(&e2);
        /* no assessment: the red flags the diary keeps, first */
        if (r == RH_ENOTFOUND && rh_diary_unassessed(c->s, &st, &e2) == 0)
            html_plan_banners(c, &st);
        if (r == RH_ENOTFOUND) {
            put(c, "<p>");
            pf(c, W("no_assessment"), "<code>runhip assess</code>");
            put(c, "</p>\n");
        } else {
            pf(c, "<p class=\"error\">%s ", W("not_made"));
            esc(c, err.msg);
            put(c, "</p>\n");
        }
        page_end(c);
        return 0;
    }
    const struct rh_plan_kb *kb = server_kb(&err);
    if (!kb) {
        pf(c, "<p class=\"error\">%s ", W("rules_unread"));
        esc(c, err.msg);
        put(c, "</p>\n");
        page_end(c);
        return 0;
    }
    {
        /* the warning list with the assessment's reasons, as `runhip plan`
         * and the today page give it (rh_plan_text_assessed) */
        char *result = rh_plan_assessment_result(c->s, &st);
        html_plan_notice(c, &st, result, true);
        rh_free(result);
        /* fix18b: the one booking for two reasons, as Today and `runhip
         * plan` say it (rh_plan_booking_both) */
        char book[1200];
        const struct rh_plan_kb *bk = server_kb(&err);
        if (bk && rh_plan_booking_both(bk, &st, book, sizeof book)) {
            put(c, "<p class=\"warn\" id=\"booking\"><strong>");
            esc(c, book);
            pf(c, "</strong> <a href=\"/diary#visit\">%s</a></p>\n", W("record_visit"));
        }
        /* the clearance in force, as `runhip plan` says it */
        char cl[sizeof ((struct rh_plan_today *)0)->cleared_line];
        if (rh_plan_clearance_status(server_kb(&err), &st, cl, sizeof cl)) {
            put(c, "<p class=\"note\" id=\"cleared\">");
            esc(c, cl);
            put(c, "</p>\n");
        }
    }
    char sec[32];
    snprintf(sec, sizeof sec, "phase.%s", rh_phase_id(st.phase));
    const char *name = rh_plan_kb_get(kb, sec, "name");
    const char *goal = rh_plan_phase_goal(kb, &st, st.phase, c->today);
    pf(c, "<p><strong>%s</strong> ", W("phase"));
    esc(c, name ? name : rh_phase_id(st.phase));
    put(c, "</p>\n");
    if (goal) {
        char said[1200]; /* a parent's plan: said of the child (ux11) */
        snprintf(said, sizeof said, "%s", goal);
        rh_plan_said_of(&st, said, sizeof said);
        put(c, "<p>");
        esc(c, said);
        put(c, "</p>\n");
    }
    {
        /* session 27 (webplan27): since when, with the good diary entries
         * in a row, and the return phase's three-day test or ladder stage,
         * as `runhip plan` says them (the page gave the day alone) */
        char line[400];
        rh_plan_phase_since(&st, line, sizeof line);
        put(c, "<p class=\"note\" id=\"since\">");
        esc(c, line);
        put(c, "</p>\n");
        if (rh_plan_return_step(kb, &st, line, sizeof line)) {
            put(c, "<p id=\"return-step\">");
            esc(c, line);
            if (!st.test_passed) {
                put(c, " ");
                diary_says(c, "test_log");
            }
            put(c, "</p>\n");
        }
    }
    char runs[500]; /* where the calm weeks' runs a week come from (review 9 #9) */
    if (rh_plan_runs_said(kb, &st, runs, sizeof runs)) {
        put(c, "<p id=\"runs-a-week\">");
        esc(c, runs);
        put(c, "</p>\n");
    }
    html_runs_ask(c, kb, &st, *msg ? msg : NULL);
    if (st.condition_name[0] || st.unranked) { /* the terminal's words (rh_plan_made_for) */
        char made[1000];
        rh_plan_made_for(kb, &st, made, sizeof made);
        put(c, "<p class=\"note\">");
        esc(c, made);
        put(c, "</p>\n");
    }
    {
        /* session 27 (webplan27): the assessment's advice with when it is
         * for, as `runhip plan` says it under what the plan is made for */
        char advice[1200];
        if (rh_plan_advice_line(kb, &st, advice, sizeof advice) == 0 && *advice) {
            put(c, "<p id=\"advice\">");
            esc(c, advice);
            put(c, "</p>\n");
        }
    }
    /* the parts `runhip plan` prints, from the same library functions
     * (words17): when to see someone, the phases, the weekly volume */
    html_see_someone(c, kb, &st);
    html_phases(c, kb, &st);
    html_exercise_notes(c, kb, &st);
    html_findings(c, kb, &st);
    html_volume(c, kb, &st);
    struct rh_plan_day *days = NULL;
    r = rh_plan_calendar(kb, &st, plan_from_day(&st, c->today), PLAN_DAYS, &days, &err);
    if (r) {
        pf(c, "<p class=\"error\">%s ", W("not_laid_out"));
        esc(c, err.msg);
        put(c, "</p>\n");
    } else {
        pf(c, "<h2>%s</h2>\n", W("next_weeks"));
        html_block_note(c, kb, &st);
        html_days(c, days, PLAN_DAYS);
        html_howto(c, kb, days, PLAN_DAYS, "howto_plan_head", true);
    }
    html_pain_rule(c, kb, &st);
    if (st.n_moves) {
        /* ux26: why the plan moved, as `runhip plan`'s History says it */
        pf(c, "<section id=\"history\" aria-labelledby=\"history-h\"><h2 id=\"history-h\">%s"
              "</h2>\n<ul>\n",
           W("history"));
        for (int i = 0; i < st.n_moves; i++) {
            char line[400];
            if (!rh_plan_history_line(&st, i, line, sizeof line))
                continue;
            put(c, "<li>");
            esc(c, line);
            put(c, "</li>\n");
        }
        put(c, "</ul>\n</section>\n");
    }
    {
        char link[120];
        snprintf(link, sizeof link, "<a href=\"/plan.ics\">%s</a>", W("calendar_link"));
        put(c, "<p>");
        pf(c, W("calendar"), link);
        put(c, "</p>\n");
    }
    rh_free(days);
    page_end(c);
    return 0;
}
