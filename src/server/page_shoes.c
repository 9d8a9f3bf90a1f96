/* SPDX-License-Identifier: MIT */
/* GET /shoes: the runner's shoes with the kilometres they have run (before
 * runhip, plus the activities that name them), in use first, and the form
 * to add a pair. POST /shoes (field "what": add, retire or reuse) calls the
 * same library functions as `runhip shoes add`, `retire` and `reuse`
 * (rh_store_shoe_add, rh_store_shoe_retire, rh_store_shoe_reuse); a bad
 * field is named and nothing is stored. GET /api/shoes: the same list as JSON. */
#include <string.h>

#include "runhip/load.h"
#include "server/server_int.h"
#include "util/banned.h"

#define KM_BEFORE_MAX 10000

const char *weekday_name(int32_t day);

/* words21c: the page's own words, data/wording.txt [web_shoes], a closed
 * set of printf formats without markup checked when the server first loads
 * its rules (page_shoes_words_check); the links, fields and tags stay here. */
static const struct rh_words_format shoes_words[] = {
    {"title", ""}, {"in_use", ""}, {"retired", ""}, {"in_use_region", ""},
    {"retired_region", ""}, {"head_shoe", ""}, {"head_km", ""}, {"head_runs", ""},
    {"head_first_day", ""}, {"head_action", ""}, {"retired_on", "s"}, {"label_km", ""},
    {"label_runs", ""}, {"label_first_day", ""}, {"retire", ""}, {"reuse_label", ""},
    {"reuse", ""}, {"add_heading", ""}, {"name", ""}, {"name_help", ""}, {"km_before", ""},
    {"first_day", ""}, {"add", ""}, {"no_name", "d"}, {"bad_km", "ds"}, {"bad_day", ""},
    {"updated", "s"}, {"added", "s"}, {"retired_msg", "s"}, {"in_use_again", "s"},
    {"not_retired", "s"}, {"bad_what", ""}, {"not_saved", ""}, {"read_failed", ""},
    {"none", ""}, {"note", ""},
};

int page_shoes_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_shoes", shoes_words,
                                       sizeof shoes_words / sizeof *shoes_words, err);
}

#define W(key) web_words("web_shoes", (key))

struct shoe_row {
    struct rh_store_shoe shoe;
    double km; /* before runhip plus the activities */
    long runs;
};

/* The pairs with their distance; *out: rh_free. */
static int shoe_rows(struct rh_store *s, struct shoe_row **out, size_t *n, struct rh_err *err)
{
    struct rh_store_shoe *tab = NULL;
    *out = NULL;
    *n = 0;
    int r = rh_store_shoe_list(s, &tab, n, err);
    if (r)
        return r;
    struct shoe_row *rows = *n ? rh_calloc(*n, sizeof *rows) : NULL;
    if (*n && !rows)
        r = rh_err_set(err, RH_ENOMEM, "out of memory");
    for (size_t i = 0; !r && i < *n; i++) {
        rows[i].shoe = tab[i];
        double km = 0;
        r = rh_store_shoe_km(s, tab[i].name, &km, &rows[i].runs, err);
        rows[i].km = tab[i].distance_before_km + km;
    }
    rh_free(tab);
    if (r) {
        rh_free(rows);
        *n = 0;
        return r;
    }
    *out = rows;
    return 0;
}

/* One table per state: the pair's name (with the day it was retired), the
 * figures, then its action in a column of its own (retire, or the undo: put
 * back in use). On a phone (assets.c) each pair is a card: the name, the
 * three figures under their labels, the button below them (review 7b, N21:
 * the table was wider than a 390 px screen, the button inside the name). */
static void shoe_table(struct ctx *c, const struct shoe_row *rows, size_t n, bool retired)
{
    size_t shown = 0;
    for (size_t i = 0; i < n; i++)
        shown += (rows[i].shoe.retired_day >= 0) == retired;
    if (!shown)
        return;
    pf(c, "<h2>%s</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">"
          "<table class=\"shoes\">\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s"
          "</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
          "<th scope=\"col\"><span class=\"sr\">%s</span></th></tr></thead>\n"
          "<tbody>\n",
       W(retired ? "retired" : "in_use"), W(retired ? "retired_region" : "in_use_region"),
       W("head_shoe"), W("head_km"), W("head_runs"), W("head_first_day"), W("head_action"));
    for (size_t i = 0; i < n; i++) {
        const struct rh_store_shoe *s = &rows[i].shoe;
        if ((s->retired_day >= 0) != retired)
            continue;
        char from[11] = "-", ret[11] = "-";
        if (s->first_day >= 0)
            rh_date_format(s->first_day, from);
        if (s->retired_day >= 0)
            rh_date_format(s->retired_day, ret);
        put(c, "<tr><td class=\"n\"><span class=\"shoe\">");
        esc(c, s->name);
        put(c, "</span>");
        if (retired) {
            put(c, "<span class=\"when\">");
            pf(c, W("retired_on"), ret);
            put(c, "</span>");
        }
        /* polish29: the guidance runhip load gives, from the same rule
         * (rh_load_shoe_guidance); none when the rules cannot be read */
        char guide[512];
        struct rh_err gerr;
        rh_err_clear(&gerr);
        if (!rh_load_shoe_guidance(rows[i].km, retired, guide, sizeof guide, &gerr) && guide[0]) {
            put(c, "<span class=\"when guide\">");
            esc(c, guide);
            put(c, "</span>");
        }
        pf(c, "</td><td class=\"num\" data-l=\"%s\">%.1f</td><td class=\"num\" data-l=\"%s\">"
              "%ld</td><td class=\"fd\" data-l=\"%s\">%s</td><td class=\"a\">",
           W("label_km"), rows[i].km, W("label_runs"), rows[i].runs, W("label_first_day"), from);
        put(c, "<form method=\"post\" action=\"/shoes\" class=\"below\">");
        csrf_field(c);
        pf(c, "<input type=\"hidden\" name=\"what\" value=\"%s\">"
              "<input type=\"hidden\" name=\"name\" value=\"",
           retired ? "reuse" : "retire");
        esc(c, s->name);
        pf(c, "\"><button type=\"submit\" class=\"small%s\" aria-label=\"%s ",
           retired ? " second" : "", W(retired ? "reuse_label" : "retire"));
        esc(c, s->name);
        pf(c, "\">%s</button></form></td></tr>\n", W(retired ? "reuse" : "retire"));
    }
    put(c, "</tbody></table></div>\n");
}

static void add_form(struct ctx *c)
{
    pf(c, "<form method=\"post\" action=\"/shoes\">\n<h2>%s</h2>\n", W("add_heading"));
    csrf_field(c);
    pf(c, "<input type=\"hidden\" name=\"what\" value=\"add\">\n"
          "<label for=\"s-name\">%s</label>\n<p class=\"note\" id=\"s-name-help\">%s</p>\n"
          "<input type=\"text\" id=\"s-name\" name=\"name\" required maxlength=\"63\" "
          "aria-describedby=\"s-name-help\">\n"
          "<label for=\"s-km\">%s</label>\n"
          "<input type=\"number\" inputmode=\"decimal\" id=\"s-km\" name=\"km_before\" min=\"0\" "
          "max=\"%d\" step=\"0.1\">\n",
       W("name"), W("name_help"), W("km_before"), KM_BEFORE_MAX);
    html_day_input(c, "s-from", "from", W("first_day"), "");
    pf(c, "<button type=\"submit\">%s</button>\n</form>\n", W("add"));
}

/* POST: 0 when stored (msg says what), else msg says why not. */
static int post(struct ctx *c, char *msg, size_t cap)
{
    char what[16] = "", name[4 * RH_ENTRY_NAME_MAX + 1] = "", km[32] = "", from[16] = "";
    struct rh_err err;
    rh_err_clear(&err);
    ffield(c, "what", what, sizeof what);
    if (!ffield(c, "name", name, sizeof name) || !name[0]) {
        snprintf(msg, cap, W("no_name"), RH_ENTRY_NAME_MAX);
        return RH_EINVAL;
    }
    int r;
    if (!strcmp(what, "add")) {
        double before = RH_NONE;
        int32_t day = -1;
        if (ffield(c, "km_before", km, sizeof km) && km[0] &&
            (rh_parse_double(km, &before) || !(before >= 0 && before <= KM_BEFORE_MAX))) {
            snprintf(msg, cap, W("bad_km"), KM_BEFORE_MAX, km);
            return RH_ERANGE;
        }
        if (ffield(c, "from", from, sizeof from) && from[0] &&
            (rh_date_parse(from, &day) || day > c->today)) {
            snprintf(msg, cap, "%s", W("bad_day"));
            return RH_ERANGE;
        }
        bool updated = false;
        r = rh_store_shoe_add(c->s, name, before, day, c->today, &updated, &err);
        if (!r)
            snprintf(msg, cap, W(updated ? "updated" : "added"), name);
    } else if (!strcmp(what, "retire")) {
        r = rh_store_shoe_retire(c->s, name, -1, c->today, &err);
        if (!r)
            snprintf(msg, cap, W("retired_msg"), name);
    } else if (!strcmp(what, "reuse")) {
        bool was = false;
        r = rh_store_shoe_reuse(c->s, name, &was, &err);
        if (!r)
            snprintf(msg, cap, W(was ? "in_use_again" : "not_retired"), name);
    } else {
        snprintf(msg, cap, "%s", W("bad_what"));
        return RH_EINVAL;
    }
    if (r)
        snprintf(msg, cap, "%s", err.msg[0] ? err.msg : rh_strerror(r));
    return r;
}

int page_shoes(struct ctx *c)
{
    page_begin(c, W("title"));
    if (c->post) {
        char msg[600];
        if (post(c, msg, sizeof msg)) {
            c->res->status = 400;
            pf(c, "<p class=\"error\" role=\"alert\">%s ", W("not_saved"));
            esc(c, msg);
            put(c, "</p>\n");
        } else {
            flash_begin(c);
            put(c, "<p class=\"ok\" role=\"status\">");
            esc(c, msg);
            put(c, "</p>\n");
            flash_end(c);
        }
    }
    struct shoe_row *rows = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    if (shoe_rows(c->s, &rows, &n, &err)) {
        pf(c, "<p class=\"error\">%s ", W("read_failed"));
        esc(c, err.msg);
        put(c, "</p>\n");
    } else if (n == 0) {
        pf(c, "<p>%s</p>\n", W("none"));
    } else {
        pf(c, "<p class=\"note\">%s</p>\n", W("note"));
        shoe_table(c, rows, n, false);
        shoe_table(c, rows, n, true);
    }
    rh_free(rows);
    add_form(c);
    page_end(c);
    return 0;
}

int api_shoes(struct ctx *c)
{
    struct shoe_row *rows = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    int r = shoe_rows(c->s, &rows, &n, &err);
    if (r)
        return api_fail(c, r, &err, "");
    c->res->status = 200;
    c->res->content_type = ct_json;
    put(c, "{\"shoes\":[");
    for (size_t i = 0; i < n; i++) {
        const struct rh_store_shoe *s = &rows[i].shoe;
        char from[11], ret[11];
        put(c, i ? ",\n{\"name\":" : "\n{\"name\":");
        if (!c->err)
            c->err = rh_buf_json_str(&c->res->body, s->name);
        pf(c, ",\"km\":%.1f,\"km_before\":%.1f,\"runs\":%ld,", rows[i].km, s->distance_before_km,
           rows[i].runs);
        if (s->first_day >= 0) {
            rh_date_format(s->first_day, from);
            pf(c, "\"first_day\":\"%s\",", from);
        } else {
            put(c, "\"first_day\":null,");
        }
        if (s->retired_day >= 0) {
            rh_date_format(s->retired_day, ret);
            pf(c, "\"retired\":\"%s\"}", ret);
        } else {
            put(c, "\"retired\":null}");
        }
    }
    put(c, "]}\n");
    rh_free(rows);
    return 0;
}
