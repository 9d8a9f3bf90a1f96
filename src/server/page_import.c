/* SPDX-License-Identifier: MIT */
/* GET /import: the upload form. POST /import: the uploaded file (spooled
 * to disk by the daemon, never held in memory) goes through the same import
 * pipeline as `runhip import` (rh_import_run: each activity in its own
 * transaction, duplicates recognised), and the page says what happened,
 * naming each file that failed with its reason. */
#include <string.h>

#include "runhip/import.h"
#include "server/server_int.h"
#include "util/banned.h"

#define MAX_PROBLEMS 20

struct outcome {
    struct ctx *c;
    int problems;
};

static void on_result(void *ctx, const struct rh_import_result *r)
{
    struct outcome *o = ctx;
    const char *msg = NULL;
    if (r->status == RH_IMPORT_FAILED)
        msg = r->err && r->err->msg[0] ? r->err->msg : "could not be read";
    else if (r->warn && r->warn->code && r->status != RH_IMPORT_SKIPPED)
        msg = r->warn->msg[0] ? r->warn->msg : rh_strerror(r->warn->code);
    if (!msg || o->problems >= MAX_PROBLEMS)
        return;
    if (o->problems++ == 0)
        put(o->c, "<ul class=\"problems\">\n");
    put(o->c, "<li>");
    /* the spool file's name means nothing to the runner: show the name
     * the file was sent with (an entry inside an archive keeps its own) */
    const char *name = r->name ? r->name : "";
    const char *spool = o->c->req->upload_path;
    size_t sl = strlen(spool);
    if (!strncmp(name, spool, sl)) {
        esc(o->c, o->c->req->upload_name ? o->c->req->upload_name : "upload");
        esc(o->c, name + sl);
    } else {
        esc(o->c, name);
    }
    put(o->c, r->status == RH_IMPORT_FAILED ? " failed: " : " warning: ");
    esc(o->c, msg);
    put(o->c, "</li>\n");
}

static void form(struct ctx *c)
{
    pf(c, "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" "
          "id=\"upload\">\n"
          "<label for=\"file\">Activity file or export</label>\n"
          "<p class=\"note\" id=\"file-help\">A .fit, .gpx or .tcx file (also .gz), or a "
          "Strava or Garmin export .zip, up to %u MB.</p>\n"
          "<input type=\"file\" id=\"file\" name=\"file\" required aria-describedby=\"file-help\" "
          "accept=\".fit,.gpx,.tcx,.gz,.zip,.FIT,.GPX,.TCX,.ZIP\">\n",
       (unsigned)((c->cfg->upload_max ? c->cfg->upload_max : RH_SERVER_UPLOAD_MAX) >> 20));
    csrf_field(c);
    put(c, "<button type=\"submit\">Import</button>\n</form>\n");
}

int page_import(struct ctx *c)
{
    page_begin(c, "Import");
    if (!c->post) {
        put(c, "<p>Add your runs from your watch or an export. Files seen before are "
               "recognised and not stored twice.</p>\n");
        form(c);
        page_end(c);
        return 0;
    }
    const struct rh_server_request *q = c->req;
    if (q->upload_too_large) {
        c->res->status = 413;
        pf(c, "<p class=\"error\" role=\"alert\">The file is too large: at most %u MB can be "
              "uploaded at once. Nothing was imported. For a bigger export, use "
              "<code>runhip import PATH</code> on the computer that runs runhip.</p>\n",
           (unsigned)((c->cfg->upload_max ? c->cfg->upload_max : RH_SERVER_UPLOAD_MAX) >> 20));
        form(c);
        page_end(c);
        return 0;
    }
    if (!q->upload_path) {
        c->res->status = 400;
        put(c, "<p class=\"error\" role=\"alert\">No file came with the form: choose a file, "
               "then Import.</p>\n");
        form(c);
        page_end(c);
        return 0;
    }
    struct outcome o = {c, 0};
    struct rh_import_opts opts = {c->s, 1, on_result, NULL, false, &o, c->today};
    struct rh_import_stats st;
    struct rh_err err;
    rh_err_clear(&err);
    memset(&st, 0, sizeof st);
    put(c, "<section role=\"status\"><h2>");
    esc(c, q->upload_name && *q->upload_name ? q->upload_name : "the file");
    put(c, "</h2>\n");
    const char *paths[] = {q->upload_path};
    int r = rh_import_run(paths, 1, &opts, &st, &err);
    if (o.problems)
        put(c, "</ul>\n");
    if (r) {
        c->res->status = 500;
        put(c, "<p class=\"error\">The import stopped: ");
        esc(c, err.msg[0] ? err.msg : rh_strerror(r));
        put(c, ". What was imported before this is kept.</p>\n");
    }
    pf(c, "<p class=\"ok\">Imported %ld, already there %ld, failed %ld", st.imported,
       st.duplicates, st.failed);
    if (st.skipped)
        pf(c, ", not activity files %ld", st.skipped);
    put(c, ".</p>\n</section>\n<p><a href=\"/training\">See your training</a></p>\n");
    form(c);
    page_end(c);
    return 0;
}
