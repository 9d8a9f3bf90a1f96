/* SPDX-License-Identifier: MIT */
/* GET /activity?id=N: one activity and the form to correct it: its sport,
 * its shoe, and whether it counts (excluded from every count). POST: each
 * change through rh_store_activity_set, as `runhip activities --set` does,
 * all in one transaction; a bad value is named and nothing is stored. */
#include <string.h>

#include "server/server_int.h"
#include "util/banned.h"

static void form(struct ctx *c, const struct rh_activity *a)
{
    pf(c, "<form method=\"post\" action=\"/activity?id=%lld\">\n<h2>Correct it</h2>\n",
       (long long)a->id);
    csrf_field(c);
    put(c, "<label for=\"sport\">Sport</label>\n<select id=\"sport\" name=\"sport\">\n");
    for (int s = 0; s < RH_SPORT__COUNT; s++) {
        const char *name = rh_sport_name((enum rh_sport)s);
        pf(c, "<option value=\"%s\"%s>", name, (int)a->sport == s ? " selected" : "");
        word(c, name);
        put(c, "</option>\n");
    }
    put(c, "</select>\n<label for=\"shoe\">Shoe</label>\n<p class=\"note\" id=\"shoe-help\">"
           "Empty: no shoe.</p>\n<input type=\"text\" id=\"shoe\" name=\"shoe\" maxlength=\"100\" "
           "aria-describedby=\"shoe-help\" value=\"");
    esc(c, a->gear ? a->gear : "");
    pf(c, "\">\n<fieldset><legend>Counts</legend><label><input type=\"checkbox\" name=\"excluded\" "
          "value=\"yes\"%s> Leave this activity out of every count (a wrong recording, a "
          "duplicate, someone else's run)</label></fieldset>\n"
          "<button type=\"submit\">Save</button>\n</form>\n",
       a->excluded ? " checked" : "");
}

int page_activity(struct ctx *c)
{
    long id = qlong(c, "id", 0, 0, INT32_MAX);
    struct rh_activity act;
    struct rh_err err;
    rh_err_clear(&err);
    page_begin(c, "Activity");
    int rg = rh_store_activity_get(c->s, id, 0, &act, &err);
    if (rg == RH_ENOTFOUND) {
        c->res->status = 404;
        put(c, "<p class=\"error\">No such activity.</p>\n<p><a href=\"/training\">All "
               "activities</a></p>\n");
        page_end(c);
        return 0;
    }
    if (rg) {
        put(c, "<p class=\"error\">The activity could not be read: ");
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
            bad = "choose a sport from the list";
        else if (c->req->body && strstr(c->req->body, "shoe=") &&
                 !ffield(c, "shoe", shoe, sizeof shoe))
            bad = "the shoe name is too long or has control characters";
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
            put(c, "<p class=\"error\" role=\"alert\">Not saved: ");
            esc(c, bad ? bad : err.msg);
            put(c, "</p>\n");
        } else {
            flash_begin(c);
            put(c, "<p class=\"ok\" role=\"status\">Saved. The training load and the plan count "
                   "it as corrected.</p>\n");
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
        snprintf(km, sizeof km, "%.2f km", a->total_distance_m / 1000);
    put(c, "<h2>");
    esc(c, a->name && *a->name ? a->name : rh_sport_name(a->sport));
    pf(c, "</h2>\n<p>%s, ", date);
    word(c, rh_sport_name(a->sport));
    pf(c, ", %s, %s%s.</p>\n", km, dur, a->excluded ? " (left out of every count)" : "");
    if (rh_has(a->avg_temperature_c)) {
        /* where it came from: a wrist sensor reads warmer than the air */
        const char *src = rh_words("temp_source", rh_temp_source_name(a->temp_source));
        pf(c, "<p>Temperature %.0f&nbsp;&deg;C", a->avg_temperature_c);
        if (src) {
            put(c, ": ");
            esc(c, src);
        }
        put(c, ".</p>\n");
    }
    if (a->file) {
        /* a file inside an export: "ARCHIVE!MEMBER" said in words */
        const char *bang = strchr(a->file, '!');
        put(c, "<p class=\"note path\">From the file ");
        if (bang) {
            esc(c, bang + 1);
            put(c, " inside ");
            char arch[1024];
            snprintf(arch, sizeof arch, "%.*s", (int)(bang - a->file), a->file);
            esc(c, arch);
        } else {
            esc(c, a->file);
        }
        put(c, "</p>\n");
    }
    form(c, a);
    put(c, "<p><a href=\"/training#activities\">All activities</a></p>\n");
    rh_activity_release(&act);
    page_end(c);
    return 0;
}
