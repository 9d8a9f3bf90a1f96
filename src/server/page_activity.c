/* SPDX-License-Identifier: MIT */
/* GET /activity?id=N: one activity and the form to correct it: its sport,
 * its shoe, and whether it counts (excluded from every count). POST: each
 * change through rh_store_activity_set, as `runhip activities --set` does,
 * all in one transaction; a bad value is named and nothing is stored. */
#include <string.h>

#include "server/server_int.h"
#include "util/banned.h"

/* words21c: the page's own words, data/wording.txt [web_activity], a closed
 * set of printf formats without markup checked when the server first loads
 * its rules (page_activity_words_check); the links, fields, figures and
 * tags stay here. */
static const struct rh_words_format activity_words[] = {
    {"title", ""}, {"correct", ""}, {"sport", ""}, {"shoe", ""}, {"shoe_help", ""},
    {"counts", ""}, {"leave_out", ""}, {"save", ""}, {"not_found", ""},
    {"all_activities", ""}, {"read_failed", ""}, {"bad_sport", ""}, {"bad_shoe", ""},
    {"not_saved", ""}, {"saved", ""}, {"left_out", ""}, {"temperature", ""},
    {"from_file", ""}, {"inside", ""}, {"km", "f"},
};

int page_activity_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_activity", activity_words,
                                       sizeof activity_words / sizeof *activity_words, err);
}

#define W(key) web_words("web_activity", (key))

static void form(struct ctx *c, const struct rh_activity *a)
{
    pf(c, "<form method=\"post\" action=\"/activity?id=%lld\">\n<h2>%s</h2>\n", (long long)a->id,
       W("correct"));
    csrf_field(c);
    pf(c, "<label for=\"sport\">%s</label>\n<select id=\"sport\" name=\"sport\">\n", W("sport"));
    for (int s = 0; s < RH_SPORT__COUNT; s++) {
        const char *name = rh_sport_name((enum rh_sport)s);
        pf(c, "<option value=\"%s\"%s>", name, (int)a->sport == s ? " selected" : "");
        word(c, name);
        put(c, "</option>\n");
    }
    pf(c, "</select>\n<label for=\"shoe\">%s</label>\n<p class=\"note\" id=\"shoe-help\">"
          "%s</p>\n<input type=\"text\" id=\"shoe\" name=\"shoe\" maxlength=\"100\" "
          "aria-describedby=\"shoe-help\" value=\"",
       W("shoe"), W("shoe_help"));
    esc(c, a->gear ? a->gear : "");
    pf(c, "\">\n<fieldset><legend>%s</legend><label><input type=\"checkbox\" name=\"excluded\" "
          "value=\"yes\"%s> %s</label></fieldset>\n"
          "<button type=\"submit\">%s</button>\n</form>\n",
       W("counts"), a->excluded ? " checked" : "", W("leave_out"), W("save"));
}

int page_activity(struct ctx *c)
{
    long id = qlong(c, "id", 0, 0, INT32_MAX);
    struct rh_activity act;
    struct rh_err err;
    rh_err_clear(&err);
    page_begin(c, W("title"));
    int rg = rh_store_activity_get(c->s, id, 0, &act, &err);
    if (rg == RH_ENOTFOUND) {
        c->res->status = 404;
        pf(c, "<p class=\"error\">%s</p>\n<p><a href=\"/training\">%s</a></p>\n", W("not_found"),
           W("all_activities"));
        page_end(c);
        return 0;
    }
    if (rg) {
        pf(c, "<p class=\"error\">%s ", W("read_failed"));
        esc(c, err.msg);
        put(c, "</p>\n");
        page_end(c);
        return 0;
    }
    const struct rh_activity *a = &act;
    if (c->post) {
        char sport[32] = "", shoe[4 * RH_ENTRY_NAME_MAX + 1] = "", excl[8] = "";
        const char *bad = NULL;
        enum rh_sport sp;
        if (!ffield(c, "sport", sport, sizeof sport) || rh_sport_parse(sport, &sp))
            bad = W("bad_sport");
        else if (c->req->body && strstr(c->req->body, "shoe=") &&
                 !ffield(c, "shoe", shoe, sizeof shoe))
            bad = W("bad_shoe");
        else if (shoe[0] && strcmp(shoe, a->gear ? a->gear : "") != 0 &&
                 rh_entry_check(shoe, RH_ENTRY_NAME, "the shoe name", &err))
            bad = err.msg; /* the library's one check of typed names */
        ffield(c, "excluded", excl, sizeof excl);
        int r = bad ? RH_EKEY : rh_store_begin(c->s, &err);
        if (!r && strcmp(sport, rh_sport_name(a->sport)) != 0)
            r = rh_store_activity_set(c->s, a->id, "sport", sport, &err);
        if (!r && strcmp(shoe, a->gear ? a->gear : "") != 0)
            r = rh_store_activity_set(c->s, a->id, "shoe", shoe[0] ? shoe : "none", &err);
        if (!r && (excl[0] != 0) != a->excluded)
            r = rh_store_activity_set(c->s, a->id, "excluded", excl[0] ? "yes" : "no", &err);
        if (!r)
            r = rh_store_commit(c->s, &err);
        else if (!bad)
            rh_store_rollback(c->s);
        if (r) {
            c->res->status = 400;
            pf(c, "<p class=\"error\" role=\"alert\">%s ", W("not_saved"));
            esc(c, bad ? bad : err.msg);
            put(c, "</p>\n");
        } else {
            flash_begin(c);
            pf(c, "<p class=\"ok\" role=\"status\">%s</p>\n", W("saved"));
            flash_end(c);
            /* show it as stored now */
            rh_activity_release(&act);
            if (rh_store_activity_get(c->s, id, 0, &act, &err)) {
                page_end(c);
                return 0;
            }
        }
    }
    char date[11] = "-", dur[64], km[32] = "-";
    if (a->has_start)
        rh_date_format(rh_activity_local_day(a), date);
    rh_fmt_duration(rh_activity_duration_s(a), dur, sizeof dur);
    if (rh_activity_has_distance(a))
        snprintf(km, sizeof km, W("km"), a->total_distance_m / 1000);
    put(c, "<h2>");
    esc(c, a->name && *a->name ? a->name : rh_sport_name(a->sport));
    pf(c, "</h2>\n<p>%s, ", date);
    word(c, rh_sport_name(a->sport));
    pf(c, ", %s, %s%s%s.</p>\n", km, dur, a->excluded ? " " : "", a->excluded ? W("left_out") : "");
    if (rh_has(a->avg_temperature_c)) {
        /* where it came from: a wrist sensor reads warmer than the air */
        const char *src = rh_words("temp_source", rh_temp_source_name(a->temp_source));
        pf(c, "<p>%s %.0f&nbsp;&deg;C", W("temperature"), a->avg_temperature_c);
        if (src) {
            put(c, ": ");
            esc(c, src);
        }
        put(c, ".</p>\n");
    }
    if (a->file) {
        /* a file inside an export: "ARCHIVE!MEMBER" said in words */
        const char *bang = strchr(a->file, '!');
        pf(c, "<p class=\"note path\">%s ", W("from_file"));
        if (bang) {
            esc(c, bang + 1);
            pf(c, " %s ", W("inside"));
            char arch[1024];
            snprintf(arch, sizeof arch, "%.*s", (int)(bang - a->file), a->file);
            esc(c, arch);
        } else {
            esc(c, a->file);
        }
        put(c, "</p>\n");
    }
    form(c, a);
    pf(c, "<p><a href=\"/training#activities\">%s</a></p>\n", W("all_activities"));
    rh_activity_release(&act);
    page_end(c);
    return 0;
}
