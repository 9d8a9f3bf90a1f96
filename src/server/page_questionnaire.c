/* SPDX-License-Identifier: MIT */
/*
 * GET/POST /questionnaire: the hip questionnaire as a web form, driven by
 * the same library state machine as the terminal (runhip/quest.h: the one
 * question table data/questions.txt, its skips, its validator and its
 * messages). The page keeps no state of its own: every request loads the
 * draft (rh_quest_draft_load, the same row `runhip assess` resumes from),
 * places the questionnaire on the page's first screen, and a POST answers
 * the page's screens in order and stores the draft again (POST, then a
 * redirect to GET). A few screens per page (rh_quest_page), phone first;
 * the screen asking where it hurts shows the hip picture (/hip.svg, drawn
 * inline) whose areas are buttons of the form (pick=SCREEN:WORD): without
 * JavaScript a tap sends the page as it is and gets it back with the word
 * ticked, every other tick kept and nothing stored (GET ?pick=SCREEN&v=WORDS
 * redraws a page with those words ticked); /questionnaire.js turns them
 * into instant toggles. At the end the answers are
 * assessed (rh_assess) and stored with rh_assessment_save, as the terminal
 * does, and the browser goes to /assessment: red flags first.
 *
 * Fields: csrf; at (the page's first screen id); a_ID per screen (repeated
 * for several choices; "" = not answered); c_ID = yes/no for a figure the
 * library asks to confirm; go = next, back, stop or restart ("enter": the
 * form's first, hidden button, so that Enter is next); pick = SCREEN:WORD,
 * an area of the picture.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "runhip/assess.h"
#include "runhip/quest.h"
#include "runhip/text.h"
#include "server/server_int.h"
#include "util/banned.h"

#define ROOM 10    /* choices on one page (a number counts one) */
#define VAL_MAX 512
#define ANSWER_CAP 400

/* data/hip_diagram.svg and data/questionnaire.js (questionnaire_data.c) */
extern const char rh__hip_svg[], rh__hip_svg_end[], rh__quest_js[], rh__quest_js_end[];


/* words21: the page's own words, data/wording.txt [web_quest], a closed set
 * of printf formats without markup checked when the server first loads its
 * rules (page_quest_words_check); the tags around them stay here. */
static const struct rh_words_format quest_words[] = {
    {"title", ""}, {"picture_caption", ""}, {"number", "ff"},
    {"number_whole", "ff"}, {"number_skip", ""}, {"from_keep", ""}, {"sorry", ""},
    {"tick_what", ""}, {"pick_one", ""}, {"confirm_yes", ""}, {"confirm_no", ""},
    {"more", ""}, {"resumed", ""}, {"next", ""}, {"see_result", ""}, {"back", ""},
    {"stop", ""}, {"restart", ""}, {"err_clear", ""}, {"err_load", ""}, {"err_keep", ""},
    {"err_assess", ""}, {"not_at_end_link", ""}, {"unread", ""}, {"retype", ""},
    {"look_one", ""}, {"look_many", ""}, {"stopped_one", "ds"}, {"stopped_many", "ds"},
    {"go_on_now", ""}, {"at_end", ""}, {"thin_nothing", ""}, {"thin_back", ""},
    {"thin_save", ""}, {"api_stale", ""}, {"api_all_answered", ""}, {"api_no_answer", ""},
    {"api_first", ""}, {"api_no_urgent", ""}, {"api_nothing", ""}, {"api_go", ""},
    {"api_thin", "s"},
};

int page_quest_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_quest", quest_words,
                                       sizeof quest_words / sizeof *quest_words, err);
}

#define W(key) web_words("web_quest", (key))

int asset_hip_svg(struct ctx *c)
{
    c->res->status = 200;
    c->res->content_type = ct_svg;
    rh_buf_reset(&c->res->body);
    return rh_buf_append(&c->res->body, rh__hip_svg, (size_t)(rh__hip_svg_end - rh__hip_svg));
}

int asset_quest_js(struct ctx *c)
{
    c->res->status = 200;
    c->res->content_type = ct_js;
    rh_buf_reset(&c->res->body);
    return rh_buf_append(&c->res->body, rh__quest_js, (size_t)(rh__quest_js_end - rh__quest_js));
}

/* ---- values ------------------------------------------------------------------- */

/* What one screen shows: its value as words ("groin, deep", "yes", "34",
 * "none", "not sure", "" for nothing), an error for the runner, and a
 * figure to confirm. */
struct shown {
    char v[VAL_MAX];
    char err[sizeof ((struct rh_err *)0)->msg];
    char confirm[sizeof ((struct rh_err *)0)->msg];
    char from[RH_QUEST_NOTE]; /* a suggested figure: where it comes from */
};

/* Whether the comma-separated list v holds word w. */
static bool has_word(const char *v, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = v; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t k = strcspn(p, ",");
        size_t t = k;
        while (t && p[t - 1] == ' ')
            t--;
        if (t == n && n && !strncmp(p, w, n))
            return true;
        p += k;
    }
    return false;
}

static void add_word(char *v, size_t cap, const char *w)
{
    size_t n = strlen(v);
    snprintf(v + n, cap - n, "%s%s", n ? ", " : "", w);
}

/* The value screen `it` holds in q, as words. */
static void given_words(const struct rh_quest *q, const struct rh_quest_item *it,
                        struct shown *sh)
{
    struct rh_quest_given g;
    char *v = sh->v;
    size_t cap = sizeof sh->v;
    v[0] = '\0';
    if (rh_quest_given(q, it->id, &g) || !g.has)
        return;
    if (g.note)
        snprintf(sh->from, sizeof sh->from, "%s", g.note);
    if (!g.answered) {
        snprintf(v, cap, "not sure");
        return;
    }
    switch (it->kind) {
    case RH_QUEST_NUMBER: snprintf(v, cap, "%s", g.typed); break;
    case RH_QUEST_ONE:
    case RH_QUEST_YESNO:
        for (int i = 0; i < it->n_choices; i++)
            if (it->choices[i].value == g.word)
                snprintf(v, cap, "%s", it->choices[i].word);
        break;
    case RH_QUEST_MANY:
        if (!g.mask)
            snprintf(v, cap, "none");
        for (int i = 0; i < it->n_choices; i++)
            if (g.mask & RH_BIT(it->choices[i].value))
                add_word(v, cap, it->choices[i].word);
        break;
    }
}

/* Every value of a repeated form field, joined with ", ". false when one
 * cannot be read or they do not fit. */
static bool form_values(struct ctx *c, const char *key, char *out, size_t cap)
{
    out[0] = '\0';
    const char *b = c->req->body;
    size_t len = c->req->body_len, klen = strlen(key);
    for (size_t i = 0; b && i < len;) {
        const char *amp = memchr(b + i, '&', len - i);
        size_t seg = amp ? (size_t)(amp - (b + i)) : len - i;
        if (seg > klen && !memcmp(b + i, key, klen) && b[i + klen] == '=') {
            char one[ANSWER_CAP];
            if (!field(b + i, seg, key, one, sizeof one))
                return false;
            char *t = one;
            while (*t == ' ')
                t++;
            if (*t) {
                size_t n = strlen(out);
                if (n + strlen(t) + 3 > cap)
                    return false;
                add_word(out, cap, t);
            }
        }
        i += seg + 1;
    }
    return true;
}

/* ---- drawing ------------------------------------------------------------------ */

/* The number in attribute name of the tag from tag to end, or NAN. */
static double tag_num(const char *tag, const char *end, const char *name)
{
    char pat[16];
    snprintf(pat, sizeof pat, " %s=\"", name);
    size_t k = strlen(pat);
    for (const char *p = tag; p + k < end; p++)
        if (!memcmp(p, pat, k))
            return strtod(p + k, NULL);
    return NAN;
}

/* The box of one shape of the picture (rect, circle, ellipse, polygon):
 * false for anything else. */
static bool shape_box(const char *tag, const char *end, double b[4])
{
    if (!strncmp(tag, "<rect", 5)) {
        b[0] = tag_num(tag, end, "x"), b[1] = tag_num(tag, end, "y");
        b[2] = tag_num(tag, end, "width"), b[3] = tag_num(tag, end, "height");
    } else if (!strncmp(tag, "<circle", 7) || !strncmp(tag, "<ellipse", 8)) {
        bool circle = tag[1] == 'c';
        double rx = tag_num(tag, end, circle ? "r" : "rx");
        double ry = circle ? rx : tag_num(tag, end, "ry");
        b[0] = tag_num(tag, end, "cx") - rx, b[1] = tag_num(tag, end, "cy") - ry;
        b[2] = 2 * rx, b[3] = 2 * ry;
    } else if (!strncmp(tag, "<polygon", 8)) {
        const char *p = strstr(tag, " points=\"");
        if (!p || p > end)
            return false;
        p += 9;
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        while (p < end && *p != '"') {
            char *e1, *e2;
            double x = strtod(p, &e1);
            if (e1 == p || *e1 != ',')
                break;
            double y = strtod(e1 + 1, &e2);
            if (e2 == e1 + 1)
                break;
            x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
            y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
            p = e2;
            while (*p == ' ')
                p++;
        }
        b[0] = x0, b[1] = y0, b[2] = x1 - x0, b[3] = y1 - y0;
    } else {
        return false;
    }
    return isfinite(b[0]) && isfinite(b[1]) && b[2] > 0 && b[3] > 0 && isfinite(b[2]) &&
           isfinite(b[3]);
}

/* The hip picture inline. Each area "<a href="#q-SCREEN-WORD">" of the
 * file becomes a group marked when its word is ticked, under a button of
 * the form over each of its shapes (pick=SCREEN:WORD): without JavaScript
 * a tap sends the page's form as it is, and the page comes back with the
 * word ticked or unticked and every other tick kept, nothing stored;
 * /questionnaire.js ticks the box in place instead. */
static void picture(struct ctx *c, const struct rh_quest_item *it, const char *v)
{
    char pre[80];
    snprintf(pre, sizeof pre, "<a href=\"#q-%s-", it->id);
    const char *p = rh__hip_svg, *end = rh__hip_svg_end;
    put(c, "<figure class=\"hip\" id=\"diagram\">\n");
    size_t plen = strlen(pre);
    while (p < end && !c->err) {
        const char *h = strstr(p, "<a href=\"#q-");
        if (!h || h >= end) {
            c->err = rh_buf_append(&c->res->body, p, (size_t)(end - p));
            break;
        }
        c->err = rh_buf_append(&c->res->body, p, (size_t)(h - p));
        const char *close = strchr(h + 9, '"');
        const char *in = close ? strchr(close, '>') : NULL;
        const char *stop = in ? strstr(in, "</a>") : NULL;
        if (!stop)
            break;
        in++;
        char w[64] = "";
        if (!strncmp(h, pre, plen) && (size_t)(close - h - plen) < sizeof w)
            memcpy(w, h + plen, (size_t)(close - h - plen)), w[close - h - plen] = '\0';
        const struct rh_quest_choice *ch = NULL;
        for (int i = 0; *w && i < it->n_choices; i++)
            if (!strcmp(it->choices[i].word, w))
                ch = &it->choices[i];
        bool on = ch && has_word(v, w);
        if (ch)
            pf(c, "<g class=\"region%s\" data-box=\"q-%s-%s\">", on ? " on" : "", it->id, w);
        else /* an area of another screen: only drawn */
            put(c, "<g>");
        c->err = c->err ? c->err : rh_buf_append(&c->res->body, in, (size_t)(stop - in));
        put(c, "</g>");
        int k = 0;
        for (const char *t = in; ch && (t = memchr(t, '<', (size_t)(stop - t))); t++) {
            const char *te = strchr(t, '>');
            double b[4];
            if (!te || te > stop || !shape_box(t, te, b))
                continue;
            /* one button per area for the keyboard and the screen reader;
             * the other shapes of the area are for the finger only */
            pf(c, "<foreignObject x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\"><button "
                  "type=\"submit\" name=\"pick\" value=\"%s:%s\" class=\"area\" "
                  "formnovalidate aria-pressed=\"%s\"",
               b[0], b[1], b[2], b[3], it->id, w, on ? "true" : "false");
            if (k++) {
                put(c, " tabindex=\"-1\" aria-hidden=\"true\"></button></foreignObject>");
                continue;
            }
            put(c, " aria-label=\"");
            esc(c, ch->label);
            put(c, "\"></button></foreignObject>");
        }
        p = stop + 4;
    }
    pf(c, "<figcaption>%s</figcaption>\n</figure>\n", W("picture_caption"));
}

static bool has_picture(const struct rh_quest_item *it)
{
    char pre[80];
    snprintf(pre, sizeof pre, "<a href=\"#q-%s-", it->id);
    size_t n = (size_t)(rh__hip_svg_end - rh__hip_svg), k = strlen(pre);
    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(rh__hip_svg + i, pre, k))
            return true;
    return false;
}

static void choice_input(struct ctx *c, const struct rh_quest_item *it, const char *type,
                         const char *word, const char *label, bool checked, bool invalid)
{
    char id[64]; /* "not sure": an id has no blanks */
    snprintf(id, sizeof id, "%s", word);
    for (char *p = id; *p; p++)
        if (*p == ' ')
            *p = '_';
    pf(c, "<label for=\"q-%s-", it->id);
    esc(c, id);
    pf(c, "\"><input type=\"%s\" name=\"a_%s\" id=\"q-%s-", type, it->id, it->id);
    esc(c, id);
    put(c, "\" value=\"");
    esc(c, word);
    pf(c, "\"%s%s> ", checked ? " checked" : "", invalid ? " aria-invalid=\"true\"" : "");
    esc(c, label);
    put(c, "</label>\n");
}

static void screen(struct ctx *c, const struct rh_quest_item *it, const struct shown *sh)
{
    bool bad = sh->err[0] != '\0';
    pf(c, "<div class=\"q\" id=\"s-%s\">\n", it->id);
    if (it->kind == RH_QUEST_NUMBER) {
        pf(c, "<label for=\"q-%s\">", it->id);
        esc(c, it->text);
        pf(c, "</label>\n<p class=\"note\" id=\"h-%s\">", it->id);
        if (it->typing) {
            esc(c, it->typing);
            put(c, " ");
        }
        pf(c, W(it->whole ? "number_whole" : "number"), it->min, it->max);
        put(c, it->unit ? " " : "");
        esc(c, it->unit ? it->unit : "");
        pf(c, ". %s</p>\n", W("number_skip"));
        pf(c, "<input type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" name=\"a_%s\" "
              "id=\"q-%s\" aria-describedby=\"h-%s%s%s\"%s value=\"",
           it->id, it->id, it->id, bad ? " e-" : "", bad ? it->id : "",
           bad ? " aria-invalid=\"true\"" : "");
        esc(c, sh->v);
        put(c, "\">\n");
    } else {
        pf(c, "<fieldset%s>\n<legend>", bad ? " aria-invalid=\"true\"" : "");
        esc(c, it->text);
        put(c, "</legend>\n");
        if (it->kind == RH_QUEST_MANY && has_picture(it))
            picture(c, it, sh->v);
        /* session 21 (branch runner21b): a list of one choice and its "none"
         * (heavy drinking: "Yes ..." or "No") is a yes/no, one choice as the
         * other yes/no questions: radios, never both ticked */
        bool yes_no = it->kind == RH_QUEST_MANY && it->n_choices == 1 && it->none;
        const char *type = it->kind == RH_QUEST_MANY && !yes_no ? "checkbox" : "radio";
        for (int i = 0; i < it->n_choices; i++)
            choice_input(c, it, type, it->choices[i].word, it->choices[i].label,
                         has_word(sh->v, it->choices[i].word), bad);
        struct rh_quest_extra x; /* the terminal's too (one table, in the library) */
        if (rh_quest_extra(it, &x))
            choice_input(c, it, type, x.word, x.label, has_word(sh->v, x.word), bad);
        put(c, "</fieldset>\n");
    }
    if (sh->from[0]) { /* the terminal's words for a figure from the watch */
        pf(c, "<p class=\"note\">");
        esc(c, sh->from);
        put(c, ": ");
        esc(c, sh->v);
        pf(c, ". %s</p>\n", W("from_keep"));
    }
    if (bad) {
        pf(c, "<p class=\"error\" id=\"e-%s\" role=\"alert\">%s ", it->id, W("sorry"));
        /* the terminal's words ask for a number typed; here the runner
         * picks from the choices shown */
        if (it->n_choices > 0 && strstr(sh->err, "is not one of the choices"))
            put(c, W(it->kind == RH_QUEST_MANY ? "tick_what" : "pick_one"));
        else
            esc(c, sh->err);
        put(c, ".</p>\n");
    }
    if (sh->confirm[0]) {
        pf(c, "<fieldset class=\"confirm\">\n<legend>");
        esc(c, sh->confirm);
        put(c, "</legend>\n");
        pf(c, "<label><input type=\"radio\" name=\"c_%s\" value=\"yes\" checked> %s</label>\n"
              "<label><input type=\"radio\" name=\"c_%s\" value=\"no\"> %s</label>\n"
              "</fieldset>\n",
           it->id, W("confirm_yes"), it->id, W("confirm_no"));
    }
    if (it->help) {
        pf(c, "<details><summary>%s</summary><p>", W("more"));
        esc(c, it->help);
        put(c, "</p></details>\n");
    }
    put(c, "</div>\n");
}

/* The page of questions from the current screen; sh[i] for items[i]. */
static void form(struct ctx *c, const struct rh_quest *q, const struct rh_quest_item **items,
                 int n, const struct shown *sh, bool resumed)
{
    int pos, total;
    rh_quest_progress(q, &pos, &total);
    if (pos == 1) {
        put(c, "<p>");
        const char *intro = rh_words("text", "quest.intro"); /* the terminal's too */
        esc(c, intro ? intro : "");
        put(c, "</p>\n");
        c->said_disclaimer = intro != NULL; /* once24: the footer leaves it out */
    }
    if (resumed)
        pf(c, "<p class=\"ok\" role=\"status\">%s</p>\n", W("resumed"));
    /* a same-day red flag is certain (review 8 B1): the terminal's words,
     * and a button to see the advice now (below, not the Enter default) */
    const char *flag = rh_quest_urgent(q);
    if (flag) {
        char words[1200], what[400];
        rh_quest_urgent_what(q, what, sizeof what); /* review 11 #17: its own words */
        rh_quest_urgent_words(what[0] ? what : flag, words, sizeof words);
        put(c, "<section class=\"banner\" role=\"alert\"><p>");
        esc(c, words);
        put(c, "</p></section>\n");
    }
    put(c, "<form method=\"post\" action=\"/questionnaire\" class=\"quest\" novalidate>\n");
    csrf_field(c);
    put(c, "<input type=\"hidden\" name=\"at\" value=\"");
    esc(c, items[0]->id);
    put(c, "\">\n");
    for (int i = 0; i < n; i++)
        if (items[i]->kind == RH_QUEST_MANY && has_picture(items[i])) {
            /* Enter in the form is "Next", not the first area of the
             * picture (the first submit button is the one Enter presses) */
            pf(c, "<button type=\"submit\" name=\"go\" value=\"enter\" class=\"default\" "
                  "tabindex=\"-1\" aria-hidden=\"true\">%s</button>\n",
               W("next"));
            break;
        }
    char where[96]; /* the terminal's words (rh_quest_progress_words) */
    rh_quest_progress_words(q, n, where, sizeof where);
    put(c, "<p class=\"note\">");
    esc(c, where);
    put(c, "</p>\n");
    for (int i = 0; i < n; i++)
        screen(c, items[i], &sh[i]);
    /* the last page's button says what it does: the answers are assessed.
     * The library knows whether an answer on this page could open more
     * questions (then it is "Next", never a promised result) */
    bool last = rh_quest_page_last(q, ROOM);
    pf(c, "<div class=\"moves\">\n<button type=\"submit\" name=\"go\" value=\"next\">%s"
          "</button>\n",
       W(last ? "see_result" : "next"));
    if (flag) {
        const char *b = rh_words("text", "urgent.button");
        put(c, "<button type=\"submit\" name=\"go\" value=\"urgent\">");
        esc(c, b ? b : "");
        put(c, "</button>\n");
    }
    if (pos > 1)
        pf(c, "<button type=\"submit\" name=\"go\" value=\"back\" class=\"second\">%s"
              "</button>\n",
           W("back"));
    pf(c, "<button type=\"submit\" name=\"go\" value=\"stop\" class=\"second\">%s"
          "</button>\n</div>\n</form>\n",
       W("stop"));
    if (pos > 1 || resumed) {
        put(c, "<form method=\"post\" action=\"/questionnaire\" class=\"restart\">\n");
        csrf_field(c);
        pf(c, "<button type=\"submit\" name=\"go\" value=\"restart\" class=\"second\">%s"
              "</button>\n</form>\n",
           W("restart"));
    }
    put(c, "<script src=\"/questionnaire.js\" defer></script>\n");
}

/* ---- the questionnaire of this database -------------------------------------- */

/* The figures the stored runs give (as `runhip assess` suggests them);
 * none when they cannot be worked out: the questions are still asked.
 * Worked out once per questionnaire, not on every page (a load report of
 * the whole history, milliseconds on a long one, while every page saves
 * the draft and so changes the database): kept for the whole server with
 * the database, the day, the number of stored activities (an import
 * alongside), runs_changed's count (a restart, the end, any other
 * change through the server) and the answer of when the pain began (the
 * figures are those of the weeks before it, rh_load_quest_figures). */
static pthread_mutex_t runs_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic uint64_t runs_gen;
static struct {
    bool valid;
    char path[512];
    dev_t dev; /* the file: another database put at the same path is another */
    ino_t ino;
    int32_t today;
    int duration_days; /* the answer the figures were measured for (before the onset) */
    long activities;
    uint64_t gen;
    struct rh_intake data;
} runs_kept;

void runs_changed(void)
{
    atomic_fetch_add(&runs_gen, 1);
}

static void runs_say(struct ctx *c, const struct rh_quest *q, struct rh_intake *data)
{
    struct rh_err e;
    rh_err_clear(&e);
    /* the answers so far: once the runner has said when the pain began,
     * the figures are those of the weeks before it (rh_load_quest_figures) */
    struct rh_intake so_far;
    if (rh_quest_intake(q, &so_far) != 0)
        rh_intake_init(&so_far);
    long n = rh_store_activity_count(c->s, &e);
    uint64_t gen = atomic_load(&runs_gen);
    struct stat sb;
    if (stat(c->cfg->db_path, &sb) != 0)
        n = -1; /* not kept */
    bool kept = false;
    pthread_mutex_lock(&runs_lock);
    if (runs_kept.valid && n >= 0 && runs_kept.today == c->today && runs_kept.activities == n &&
        runs_kept.gen == gen && runs_kept.dev == sb.st_dev && runs_kept.ino == sb.st_ino &&
        runs_kept.duration_days == so_far.duration_days &&
        !strcmp(runs_kept.path, c->cfg->db_path)) {
        *data = runs_kept.data;
        kept = true;
    }
    pthread_mutex_unlock(&runs_lock);
    if (kept)
        return;
    if (rh_load_quest_figures(c->s, c->today, &so_far, data, &e) != 0)
        rh_intake_init(data);
    if (n < 0 || strlen(c->cfg->db_path) >= sizeof runs_kept.path)
        return;
    pthread_mutex_lock(&runs_lock);
    runs_kept.valid = true;
    snprintf(runs_kept.path, sizeof runs_kept.path, "%s", c->cfg->db_path);
    runs_kept.dev = sb.st_dev;
    runs_kept.ino = sb.st_ino;
    runs_kept.today = c->today;
    runs_kept.duration_days = so_far.duration_days;
    runs_kept.activities = n;
    runs_kept.gen = gen; /* read before the figures: a change meanwhile is seen next time */
    runs_kept.data = *data;
    pthread_mutex_unlock(&runs_lock);
}

/* q with the stored draft; *resumed: answers came back. 0 or an error
 * (err) the page reports. */
static int load(struct ctx *c, struct rh_quest *q, bool *resumed, struct rh_err *err)
{
    *resumed = false;
    int r = rh_quest_init(q, err);
    if (r)
        return r;
    char *draft = NULL;
    if ((r = rh_quest_draft_load(c->s, &draft, err))) {
        rh_quest_release(q);
        return r;
    }
    if (draft) {
        struct rh_err e;
        rh_err_clear(&e);
        int n = rh_quest_resume(q, draft, strlen(draft), &e);
        if (n < 0) { /* an unreadable draft: start afresh */
            rh_quest_release(q);
            r = rh_quest_init(q, err);
        } else {
            *resumed = n > 0;
        }
        rh_free(draft);
    }
    return r;
}

static int trouble(struct ctx *c, const char *what, const struct rh_err *err, int code)
{
    page_begin(c, W("title"));
    c->res->status = 500;
    put(c, "<p class=\"error\" role=\"alert\">");
    esc(c, what);
    put(c, ": ");
    esc(c, err->msg[0] ? err->msg : rh_strerror(code));
    put(c, "</p>\n");
    page_end(c);
    return 0;
}

/* All answered (a draft stored at the end): the button that assesses. */
static void at_end(struct ctx *c)
{
    pf(c, "<p>%s</p>\n<form method=\"post\" action=\"/questionnaire\">\n", W("at_end"));
    csrf_field(c);
    pf(c, "<div class=\"moves\"><button type=\"submit\" name=\"go\" value=\"next\">%s"
          "</button>\n<button type=\"submit\" name=\"go\" value=\"back\" "
          "class=\"second\">%s</button></div>\n</form>\n",
       W("see_result"), W("back"));
}

static int show(struct ctx *c)
{
    struct rh_quest q;
    struct rh_err err;
    rh_err_clear(&err);
    bool resumed;
    int r = load(c, &q, &resumed, &err);
    if (r)
        return trouble(c, W("err_load"), &err, r);
    struct rh_intake data;
    runs_say(c, &q, &data);
    (void)rh_quest_suggest(&q, &data, NULL);
    page_begin(c, W("title"));
    const struct rh_quest_item *items[RH_QUEST_PAGE_MAX];
    int n = rh_quest_page(&q, ROOM, items);
    if (n == 0) {
        at_end(c);
    } else {
        struct shown sh[RH_QUEST_PAGE_MAX];
        memset(sh, 0, sizeof sh);
        char pick[64], v[VAL_MAX];
        bool picked = qfield(c, "pick", pick, sizeof pick) && qfield(c, "v", v, sizeof v);
        for (int i = 0; i < n; i++) {
            if (picked && !strcmp(pick, items[i]->id))
                snprintf(sh[i].v, sizeof sh[i].v, "%s", v);
            else
                given_words(&q, items[i], &sh[i]);
        }
        char on[4];
        form(c, &q, items, n, sh, resumed && !picked && !qfield(c, "on", on, sizeof on));
    }
    page_end(c);
    rh_quest_release(&q);
    return 0;
}

/* The end: assessed and stored as `runhip assess` does; the draft goes.
 * *id: the stored assessment. review9 #8: with too few answers to rank the
 * causes (rh_assessment_too_thin, the terminal's rule) and not confirmed,
 * nothing is stored: *thin is set (may be NULL when confirmed) and 0 is
 * returned, the draft kept. */
static int assess_save(struct ctx *c, struct rh_quest *q, int64_t *id, struct rh_err *err,
                       bool confirmed, bool *thin)
{
    if (thin)
        *thin = false;
    struct rh_assessment *a = rh_calloc(1, sizeof *a); /* large */
    struct rh_intake in;
    int r = a ? rh_quest_intake(q, &in) : rh_err_set(err, RH_ENOMEM, "out of memory");
    if (!r) {
        struct rh_intake data;
        runs_say(c, q, &data);
        rh_quest_mark_kept(&data, &in); /* a figure kept from the watch is from the data */
        r = rh_assess(&in, a, err);
    }
    if (!r && !confirmed && rh_assessment_too_thin(a)) {
        *thin = true; /* asked first, as the terminal does (default no) */
        rh_free(a);
        return rh_quest_draft_save(c->s, q, err);
    }
    if (!r) {
        int64_t now = (int64_t)time(NULL);
        /* dated on the server's day when it is pinned (tests, --today), as the CLI does */
        int64_t at = c->cfg->has_today ? rh_tz_noon(rh_store_zone(c->s), c->today) : now;
        r = rh_assessment_save(c->s, &in, a, at, RH_ASSESS_SAVE_FORGET_DRAFT, id, err);
    }
    rh_free(a);
    runs_changed(); /* the questionnaire is over: the next one works them out again */
    return r;
}

/* review9 #8: too few answers to rank the causes: nothing saved and no
 * advice given; the runner is asked, as on the terminal (the words of
 * data/wording.txt [text] unranked.save), and going back is the default. */
static void ask_thin(struct ctx *c)
{
    page_begin(c, W("title"));
    char q[1024];
    rh_quest_thin_question(c->s, q, sizeof q);
    put(c, "<p class=\"error\" role=\"alert\">");
    esc(c, q);
    pf(c, "</p>\n<p>%s</p>\n<form method=\"post\" action=\"/questionnaire\">\n",
       W("thin_nothing"));
    csrf_field(c);
    pf(c, "<div class=\"moves\"><button type=\"submit\" name=\"go\" value=\"back\">%s"
          "</button>\n<button type=\"submit\" name=\"go\" value=\"save\" "
          "class=\"second\">%s</button></div>\n</form>\n",
       W("thin_back"), W("thin_save"));
    page_end(c);
}

static int finish(struct ctx *c, struct rh_quest *q, bool early, bool confirmed)
{
    struct rh_err err;
    rh_err_clear(&err);
    int64_t id = 0;
    bool thin = false;
    int r = assess_save(c, q, &id, &err, confirmed || early, &thin);
    if (r)
        return trouble(c, W("err_assess"), &err, r);
    if (thin) {
        ask_thin(c);
        return 0;
    }
    return redirect(c, early ? "/assessment?saved=2" : "/assessment?saved=1");
}

/* A tap on the picture without JavaScript (pick=SCREEN:WORD): the page
 * again with the form as it was sent and that word ticked or unticked
 * ("none" unticked with it); nothing is stored. */
static void pick_word(const struct rh_quest_item *it, struct shown *sh, const char *w)
{
    bool known = false;
    for (int i = 0; i < it->n_choices; i++)
        known |= !strcmp(it->choices[i].word, w);
    if (!known)
        return;
    bool on = has_word(sh->v, w);
    char nv[VAL_MAX] = "";
    for (int i = 0; i < it->n_choices; i++) {
        const char *cw = it->choices[i].word;
        if (!strcmp(cw, w) ? !on : has_word(sh->v, cw))
            add_word(nv, sizeof nv, cw);
    }
    if (on && has_word(sh->v, "none"))
        add_word(nv, sizeof nv, "none");
    snprintf(sh->v, sizeof sh->v, "%s", nv);
}

/* ux11: "save it anyway" before the questions were passed to their end
 * (data/wording.txt [text] save_not_at_end) */
static const char *save_not_at_end(bool web)
{
    /* [text] is checked at load */
    return rh_words_or_empty("text", web ? "save_not_at_end.web" : "save_not_at_end.api");
}

static int answer(struct ctx *c)
{
    char go[16] = "next", pick[96] = "";
    (void)ffield(c, "go", go, sizeof go);
    if (!strcmp(go, "enter"))
        snprintf(go, sizeof go, "next");
    /* review9 #8: "Save it anyway" after too few answers: the end, confirmed */
    bool confirmed = !strcmp(go, "save");
    if (confirmed)
        snprintf(go, sizeof go, "next");
    (void)ffield(c, "pick", pick, sizeof pick);
    struct rh_quest q;
    struct rh_err err;
    rh_err_clear(&err);
    if (!strcmp(go, "restart")) {
        int r = rh_quest_draft_forget(c->s, &err);
        runs_changed(); /* a new questionnaire: the figures worked out again */
        return r ? trouble(c, W("err_clear"), &err, r)
                 : redirect(c, "/questionnaire");
    }
    bool resumed;
    int r = load(c, &q, &resumed, &err);
    if (r)
        return trouble(c, W("err_load"), &err, r);
    if (confirmed && !rh_quest_ended(&q)) {
        /* ux11: "Save it anyway" only follows the question of ask_thin,
         * asked after the last question: never a way to stop half-way */
        page_begin(c, W("title"));
        c->res->status = 409;
        put(c, "<p class=\"error\" role=\"alert\">");
        esc(c, save_not_at_end(true));
        pf(c, "</p>\n<p><a href=\"/questionnaire\">%s</a></p>\n", W("not_at_end_link"));
        page_end(c);
        rh_quest_release(&q);
        return 0;
    }
    if (confirmed) {
        /* review9 #8: saved as it is, after the question of ask_thin (the
         * draft may resume on a screen left unanswered) */
        if (rh_quest_state_of(&q) != RH_QUEST_DONE)
            (void)rh_quest_finish(&q);
        r = finish(c, &q, false, true);
        rh_quest_release(&q);
        return r;
    }
    char at[64];
    bool moved = false;
    if (ffield(c, "at", at, sizeof at)) {
        const struct rh_quest_item *now = rh_quest_current(&q);
        if (!now || strcmp(now->id, at))
            moved = rh_quest_seek(&q, at) != 0; /* a page from before: answered where it was */
    }
    const struct rh_quest_item *items[RH_QUEST_PAGE_MAX];
    int n = moved ? 0 : rh_quest_page(&q, ROOM, items);
    struct shown sh[RH_QUEST_PAGE_MAX];
    memset(sh, 0, sizeof sh);
    if (pick[0] && n) {
        char *colon = strchr(pick, ':');
        if (colon)
            *colon++ = '\0';
        for (int i = 0; i < n; i++) {
            char key[80];
            snprintf(key, sizeof key, "a_%s", items[i]->id);
            if (!form_values(c, key, sh[i].v, sizeof sh[i].v))
                sh[i].v[0] = '\0';
            if (colon && !strcmp(pick, items[i]->id))
                pick_word(items[i], &sh[i], colon);
        }
        page_begin(c, W("title"));
        form(c, &q, items, n, sh, false);
        page_end(c);
        rh_quest_release(&q);
        return 0;
    }
    int bad = 0;
    for (int i = 0; i < n; i++) {
        char key[80];
        snprintf(key, sizeof key, "a_%s", items[i]->id);
        if (!form_values(c, key, sh[i].v, sizeof sh[i].v)) {
            snprintf(sh[i].err, sizeof sh[i].err, "%s", W("unread"));
            bad++;
            continue;
        }
        if (!sh[i].v[0])
            continue; /* not answered */
        int cr = rh_quest_check(&q, items[i]->id, sh[i].v, &err);
        if (cr == RH_QUEST_CONFIRM) {
            char yes[8];
            snprintf(key, sizeof key, "c_%s", items[i]->id);
            if (!ffield(c, key, yes, sizeof yes)) {
                snprintf(sh[i].confirm, sizeof sh[i].confirm, "%s", err.msg);
                bad++;
            } else if (strcmp(yes, "yes")) {
                snprintf(sh[i].err, sizeof sh[i].err, "%s", W("retype"));
                bad++;
            }
        } else if (cr) {
            snprintf(sh[i].err, sizeof sh[i].err, "%s", err.msg);
            bad++;
        }
    }
    bool leaving = !strcmp(go, "back") || !strcmp(go, "stop");
    if (bad && !leaving) {
        /* nothing taken: the same page again, with what was typed and why */
        page_begin(c, W("title"));
        c->res->status = 400;
        pf(c, "<p class=\"error\" role=\"alert\">%s</p>\n", W(bad > 1 ? "look_many" : "look_one"));
        form(c, &q, items, n, sh, false);
        page_end(c);
        rh_quest_release(&q);
        return 0;
    }
    /* take the page, screen by screen, as the terminal does; going back or
     * stopping keeps the good answers and leaves a bad one as it was */
    for (int i = 0; i < n; i++) {
        const struct rh_quest_item *now = rh_quest_current(&q);
        if (now != items[i])
            break; /* cannot happen: a page's screens do not hide each other */
        if (sh[i].err[0] || sh[i].confirm[0]) {
            rh_quest_keep(&q);
        } else if (!sh[i].v[0]) {
            rh_quest_skip(&q);
        } else {
            int ar = rh_quest_answer(&q, sh[i].v, &err);
            if (ar == RH_QUEST_CONFIRM)
                rh_quest_confirm(&q, true);
            else if (ar)
                rh_quest_keep(&q);
        }
    }
    if (!strcmp(go, "back")) {
        if (n && rh_quest_seek(&q, items[0]->id) == 0)
            (void)rh_quest_page_back(&q, ROOM);
        else if (!n)
            (void)rh_quest_page_back(&q, ROOM);
    } else if ((!strcmp(go, "next") && rh_quest_state_of(&q) == RH_QUEST_DONE) ||
               (!strcmp(go, "urgent") && rh_quest_urgent(&q) &&
                (rh_quest_state_of(&q) == RH_QUEST_DONE || rh_quest_finish(&q) == 0))) {
        /* the end, or stopped early with a same-day red flag certain */
        r = finish(c, &q, !strcmp(go, "urgent"), confirmed);
        rh_quest_release(&q);
        return r;
    }
    r = rh_quest_draft_save(c->s, &q, &err);
    if (r) {
        rh_quest_release(&q);
        return trouble(c, W("err_keep"), &err, r);
    }
    if (!strcmp(go, "stop")) {
        int k = rh_quest_draft_count(&q);
        page_begin(c, W("title"));
        put(c, "<p class=\"ok\" role=\"status\">");
        pf(c, W(k == 1 ? "stopped_one" : "stopped_many"), k, "<code>runhip assess</code>");
        pf(c, "</p>\n<p><a href=\"/questionnaire\">%s</a></p>\n", W("go_on_now"));
        page_end(c);
        rh_quest_release(&q);
        return 0;
    }
    rh_quest_release(&q);
    return redirect(c, "/questionnaire?on=1"); /* "on": not a return after a pause */
}

int page_questionnaire(struct ctx *c)
{
    return c->post ? answer(c) : show(c);
}

/* ---- the JSON API: GET/POST /api/questionnaire -------------------------------
 * The same library calls as the page and the terminal: the current
 * question (rh_quest_current, with its choices and the answer kept for it),
 * answer one question as typed (rh_quest_answer), skip, back, restart (the
 * draft forgotten); the draft is stored after each move, and the answer to
 * the last question assesses and stores the result as the form does. */

static const char *const kind_name[] = {"one", "many", "yes_no", "number"};

static void jstr_or_null(struct ctx *c, const char *s)
{
    if (!s)
        put(c, "null");
    else if (!c->err)
        c->err = rh_buf_json_str(&c->res->body, s);
}

/* The state as JSON (status 200 unless set before). */
static void api_state(struct ctx *c, const struct rh_quest *q)
{
    const struct rh_quest_item *it = rh_quest_current(q);
    int pos = 0, total = 0;
    rh_quest_progress(q, &pos, &total);
    c->res->content_type = ct_json;
    rh_buf_reset(&c->res->body);
    pf(c, "{\"state\":\"%s\",\"position\":%d,\"total\":%d,\"answers\":%d,\"csrf\":",
       it ? "asking" : "done", it ? pos : total, total, rh_quest_draft_count(q));
    jstr_or_null(c, c->cfg->csrf);
    /* a same-day red flag certain (review 8 B1): the form's words */
    const char *flag = rh_quest_urgent(q);
    char words[1200] = "", what[400] = "";
    if (flag) {
        rh_quest_urgent_what(q, what, sizeof what); /* review 11 #17: its own words */
        rh_quest_urgent_words(what[0] ? what : flag, words, sizeof words);
    }
    put(c, ",\"urgent\":");
    jstr_or_null(c, flag ? words : NULL);
    put(c, ",\"question\":");
    if (!it) {
        put(c, "null}\n");
        return;
    }
    put(c, "{\"id\":");
    jstr_or_null(c, it->id);
    put(c, ",\"key\":");
    jstr_or_null(c, it->key);
    pf(c, ",\"kind\":\"%s\",\"text\":", kind_name[it->kind]);
    jstr_or_null(c, it->text);
    put(c, ",\"help\":");
    jstr_or_null(c, it->help);
    if (it->kind == RH_QUEST_NUMBER) {
        pf(c, ",\"min\":%g,\"max\":%g,\"whole\":%s,\"unit\":", it->min, it->max,
           it->whole ? "true" : "false");
        jstr_or_null(c, it->unit);
    }
    put(c, ",\"choices\":[");
    for (int i = 0; i < it->n_choices; i++) {
        put(c, i ? ",{\"word\":" : "{\"word\":");
        jstr_or_null(c, it->choices[i].word);
        put(c, ",\"label\":");
        jstr_or_null(c, it->choices[i].label);
        put(c, "}");
    }
    struct rh_quest_given g;
    bool given = !rh_quest_given(q, it->id, &g) && g.has;
    put(c, "],\"answer\":");
    jstr_or_null(c, given && g.answered ? g.typed : NULL);
    put(c, ",\"note\":");
    jstr_or_null(c, given ? g.note : NULL);
    put(c, "}}\n");
}

int api_questionnaire(struct ctx *c)
{
    struct rh_quest q;
    struct rh_err err;
    rh_err_clear(&err);
    char go[16] = "", at[64] = "";
    if (c->post) {
        (void)ffield(c, "go", go, sizeof go);
        if (!strcmp(go, "restart")) {
            runs_changed();
            int r = rh_quest_draft_forget(c->s, &err);
            if (r)
                return api_fail(c, r, &err, "");
        }
    }
    bool resumed;
    int r = load(c, &q, &resumed, &err);
    if (r)
        return api_fail(c, r, &err, "");
    struct rh_intake data;
    runs_say(c, &q, &data);
    (void)rh_quest_suggest(&q, &data, NULL);
    c->res->status = 200;
    if (!c->post || !strcmp(go, "restart")) {
        api_state(c, &q);
        rh_quest_release(&q);
        return 0;
    }
    const struct rh_quest_item *it = rh_quest_current(&q);
    /* the question the client answers: a stale one is refused, not
     * answered in the wrong place */
    if (ffield(c, "at", at, sizeof at) && (!it || strcmp(it->id, at))) {
        rh_quest_release(&q);
        return json_error(c, 409, W("api_stale"));
    }
    char text[ANSWER_CAP] = "";
    const char *bad = NULL;
    int code = 400;
    if (!strcmp(go, "answer")) {
        if (!it)
            bad = W("api_all_answered");
        else if (!ffield(c, "answer", text, sizeof text) || !text[0])
            bad = W("api_no_answer");
        else if ((r = rh_quest_answer(&q, text, &err)) == RH_QUEST_CONFIRM) {
            char yes[8] = "";
            if (ffield(c, "confirm", yes, sizeof yes) && !strcmp(yes, "yes"))
                rh_quest_confirm(&q, true);
            else
                bad = err.msg, code = 409; /* the question asks: send it again with confirm=yes */
        } else if (r) {
            bad = err.msg;
        }
    } else if (!strcmp(go, "skip")) {
        if (rh_quest_skip(&q))
            bad = W("api_all_answered");
    } else if (!strcmp(go, "back")) {
        if (rh_quest_back(&q))
            bad = W("api_first");
    } else if (!strcmp(go, "urgent")) {
        if (!rh_quest_urgent(&q) || rh_quest_finish(&q))
            bad = W("api_no_urgent"), code = 409;
    } else if (!strcmp(go, "save")) {
        /* the runner's "save it anyway" after the question of too few
         * answers, as the form's: ended here with the answers given (the
         * draft resumes on the first screen left unanswered) and saved */
        if (!rh_quest_ended(&q)) /* ux11: not a way to stop half-way */
            bad = save_not_at_end(false), code = 409;
        else if (it && rh_quest_finish(&q))
            bad = W("api_nothing"), code = 409;
    } else {
        bad = W("api_go");
    }
    if (bad) {
        /* nothing kept: the error, and the question still asked */
        char msg[sizeof err.msg];
        snprintf(msg, sizeof msg, "%s", bad);
        rh_quest_release(&q);
        return json_error(c, code, msg);
    }
    if (rh_quest_state_of(&q) == RH_QUEST_DONE) {
        /* the last answer: assessed and stored, as the form's last page */
        int64_t id = 0;
        bool thin = false;
        /* too few answers to rank the causes: asked first, as the form and
         * the terminal do (rh_assessment_too_thin); saved only on go=save
         * (go=urgent stops on a red flag, never thin) */
        bool confirmed = !strcmp(go, "save") || !strcmp(go, "urgent");
        r = assess_save(c, &q, &id, &err, confirmed, &thin);
        rh_quest_release(&q);
        if (r)
            return api_fail(c, r, &err, "");
        if (thin) {
            /* nothing stored, the answers kept as a draft at the end */
            char ask[1024], msg[1400];
            rh_quest_thin_question(c->s, ask, sizeof ask);
            snprintf(msg, sizeof msg, W("api_thin"), ask);
            return json_error(c, 409, msg);
        }
        c->res->status = 201;
        c->res->content_type = ct_json;
        rh_buf_reset(&c->res->body);
        pf(c, "{\"state\":\"saved\",\"assessment_id\":%lld,\"result\":\"/api/assessment\"}\n",
           (long long)id);
        return 0;
    }
    r = rh_quest_draft_save(c->s, &q, &err);
    if (!r)
        api_state(c, &q);
    rh_quest_release(&q);
    return r ? api_fail(c, r, &err, "") : 0;
}
