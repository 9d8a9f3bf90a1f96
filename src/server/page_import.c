/* SPDX-License-Identifier: MIT */
/* GET /import: the upload form (several files at once), with a drop zone
 * and a progress bar per file when the browser runs /app.js; without
 * JavaScript the plain form sends them all in one request. POST /import:
 * each uploaded file (spooled to disk by the daemon, never held in memory)
 * goes through the same import pipeline as `runhip import` (rh_import_run:
 * each activity in its own transaction, duplicates recognised), and the
 * answer says, file by file, what happened, naming each failure with its
 * reason. ?as=json answers the same as JSON (what app.js shows); when
 * every file failed, both answer 422 with "Nothing was imported" (the JSON's
 * "error") and store nothing. */
#include <string.h>

#include "runhip/import.h"
#include "server/server_int.h"
#include "util/banned.h"

#define MAX_PROBLEMS 20

struct outcome {
    struct ctx *c;
    bool json;
    const char *spool, *sent; /* the file on disk, the name it was sent with */
    int problems;
};

/* The name a runner knows: the spool file's name means nothing to them;
 * an entry inside an archive keeps its own after the sent name. */
static void shown_name(struct outcome *o, const char *name)
{
    size_t sl = strlen(o->spool);
    char tmp[1024];
    if (!strncmp(name, o->spool, sl))
        snprintf(tmp, sizeof tmp, "%s%s", o->sent, name + sl);
    else
        snprintf(tmp, sizeof tmp, "%s", name);
    if (o->json) {
        if (!o->c->err)
            o->c->err = rh_buf_json_str(&o->c->res->body, tmp);
    } else {
        esc(o->c, tmp);
    }
}

static void on_result(void *ctx, const struct rh_import_result *r)
{
    struct outcome *o = ctx;
    const char *msg = NULL;
    if (r->status == RH_IMPORT_FAILED)
        msg = r->err && r->err->msg[0] ? r->err->msg : "could not be read";
    else if (r->warn && r->warn->code && r->status != RH_IMPORT_SKIPPED)
        msg = r->warn->msg[0] ? r->warn->msg : rh_strerror(r->warn->code);
    /* a duplicate or a corrected sport: the terminal's sentence (which
     * stored activity it matched, review 9 #14) */
    char note[1200];
    bool told = !msg && rh_import_result_note(r, note, sizeof note);
    if (told)
        msg = note;
    if (!msg || o->problems >= MAX_PROBLEMS)
        return;
    bool failed = r->status == RH_IMPORT_FAILED;
    if (o->json) {
        put(o->c, o->problems++ ? ",{\"name\":" : "{\"name\":");
        shown_name(o, r->name ? r->name : "");
        pf(o->c, ",\"status\":\"%s\",\"message\":", failed ? "failed" : told ? "note" : "warning");
        if (!o->c->err)
            o->c->err = rh_buf_json_str(&o->c->res->body, msg);
        put(o->c, "}");
        return;
    }
    if (o->problems++ == 0)
        put(o->c, "<ul class=\"problems\">\n");
    put(o->c, "<li>");
    shown_name(o, r->name ? r->name : "");
    put(o->c, failed ? " failed: " : told ? ": " : " warning: ");
    esc(o->c, msg);
    put(o->c, "</li>\n");
}

static unsigned max_mb(struct ctx *c)
{
    return (unsigned)((c->cfg->upload_max ? c->cfg->upload_max : RH_SERVER_UPLOAD_MAX) >> 20);
}

static void form(struct ctx *c)
{
    size_t max = c->cfg->upload_max ? c->cfg->upload_max : RH_SERVER_UPLOAD_MAX;
    /* the importer's own list of what it reads (rh_import_formats_*) */
    char words[512], accept[256];
    rh_import_formats_words(words, sizeof words);
    rh_import_formats_accept(accept, sizeof accept);
    pf(c, "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" "
          "id=\"upload\" data-max=\"%zu\">\n"
          "<div id=\"drop\" class=\"drop\" hidden><p>Drop your files here</p>"
          "<p class=\"note\">or choose them below</p></div>\n"
          "<label for=\"file\">Activity files or an export</label>\n"
          "<p class=\"note\" id=\"file-help\">",
       max);
    esc(c, words);
    pf(c, "; up to %d files and %u MB at once.</p>\n"
          "<input type=\"file\" id=\"file\" name=\"file\" multiple required "
          "aria-describedby=\"file-help\" accept=\"",
       RH_SERVER_UPLOAD_FILES, max_mb(c));
    esc(c, accept);
    put(c, "\">\n");
    csrf_field(c);
    put(c, "<button type=\"submit\">Import</button>\n</form>\n"
           "<ul id=\"uploads\" class=\"uploads\" aria-live=\"polite\"></ul>\n"
           "<script src=\"/app.js\" defer></script>\n");
}

/* One uploaded file through the import; its outcome as HTML or JSON. */
static void import_one(struct ctx *c, bool json, const char *path, const char *sent,
                       struct rh_import_stats *all)
{
    struct outcome o = {c, json, path, sent && *sent ? sent : "the file", 0};
    struct rh_import_opts opts = {c->s, 1, on_result, NULL, false, &o, c->today, path, o.sent};
    struct rh_import_stats st;
    struct rh_err err;
    rh_err_clear(&err);
    memset(&st, 0, sizeof st);
    if (json) {
        put(c, "{\"name\":");
        if (!c->err)
            c->err = rh_buf_json_str(&c->res->body, o.sent);
        put(c, ",\"problems\":[");
    } else {
        put(c, "<section class=\"upload\" role=\"status\"><h2>");
        esc(c, o.sent);
        put(c, "</h2>\n");
    }
    const char *paths[] = {path};
    int r = rh_import_run(paths, 1, &opts, &st, &err);
    const char *stop = r ? (err.msg[0] ? err.msg : rh_strerror(r)) : NULL;
    if (json) {
        pf(c, "],\"imported\":%ld,\"duplicates\":%ld,\"failed\":%ld,\"skipped\":%ld,\"error\":",
           st.imported, st.duplicates, st.failed, st.skipped);
        if (stop && !c->err)
            c->err = rh_buf_json_str(&c->res->body, stop);
        put(c, stop ? "}" : "null}");
    } else {
        if (o.problems)
            put(c, "</ul>\n");
        if (stop) {
            put(c, "<p class=\"error\">The import stopped: ");
            esc(c, stop);
            put(c, ". What was imported before this is kept.</p>\n");
        }
        pf(c, "<p class=\"%s\">Imported %ld, already there %ld, failed %ld",
           st.failed || stop ? "error" : "ok", st.imported, st.duplicates, st.failed);
        if (st.skipped)
            pf(c, ", not activity files %ld", st.skipped);
        put(c, ".</p>\n</section>\n");
    }
    all->imported += st.imported;
    all->duplicates += st.duplicates;
    all->failed += st.failed + (stop ? 1 : 0);
}

int page_import(struct ctx *c)
{
    char as[8] = "";
    bool json = c->post && qfield(c, "as", as, sizeof as) && !strcmp(as, "json");
    const struct rh_server_request *q = c->req;
    if (json) {
        c->res->status = 200;
        c->res->content_type = ct_json;
        rh_buf_reset(&c->res->body);
        if (q->upload_too_large || q->n_uploads == 0) {
            char msg[160];
            snprintf(msg, sizeof msg,
                     q->upload_too_large
                         ? "too large: at most %u MB can be uploaded at once; nothing was imported"
                         : "no file came with the request",
                     max_mb(c));
            return json_error(c, q->upload_too_large ? 413 : 400, msg);
        }
        struct rh_import_stats all;
        memset(&all, 0, sizeof all);
        put(c, "{\"files\":[");
        for (size_t i = 0; i < q->n_uploads; i++) {
            put(c, i ? ",\n" : "\n");
            import_one(c, true, q->upload_paths[i], q->upload_names[i], &all);
        }
        pf(c, "],\"not_taken\":%zu", q->upload_dropped);
        if (all.imported == 0 && all.duplicates == 0 && all.failed > 0) {
            /* fix19b: every file failed: 422 as the form's answer, with its
             * words (each file's reason stays in its "problems") */
            c->res->status = 422;
            const char *w = rh_words("text", "import.nothing.web");
            put(c, ",\"error\":");
            if (!c->err)
                c->err = rh_buf_json_str(&c->res->body, w ? w : "Nothing was imported.");
        }
        put(c, "}\n");
        return 0;
    }
    page_begin(c, "Import");
    if (!c->post) {
        put(c, "<p>Add your runs from your watch or an export. Files seen before are "
               "recognised and not stored twice.</p>\n");
        form(c);
        page_end(c);
        return 0;
    }
    if (q->upload_too_large) {
        c->res->status = 413;
        pf(c, "<p class=\"error\" role=\"alert\">The files are too large: at most %u MB can be "
              "uploaded at once. Nothing was imported. Send fewer at a time, or for a bigger "
              "export use <code>runhip import PATH</code> on the computer that runs "
              "runhip.</p>\n",
           max_mb(c));
        form(c);
        page_end(c);
        return 0;
    }
    if (q->n_uploads == 0) {
        c->res->status = 400;
        put(c, "<p class=\"error\" role=\"alert\">No file came with the form: choose a file, "
               "then Import.</p>\n");
        form(c);
        page_end(c);
        return 0;
    }
    struct rh_import_stats all;
    memset(&all, 0, sizeof all);
    for (size_t i = 0; i < q->n_uploads; i++)
        import_one(c, false, q->upload_paths[i], q->upload_names[i], &all);
    if (q->upload_dropped)
        pf(c, "<p class=\"error\">%zu more file%s not taken: at most %d at once. Send %s "
              "again.</p>\n",
           q->upload_dropped, q->upload_dropped == 1 ? " was" : "s were", RH_SERVER_UPLOAD_FILES,
           q->upload_dropped == 1 ? "it" : "them");
    if (q->n_uploads > 1)
        pf(c, "<p><strong>All %zu files:</strong> imported %ld, already there %ld, failed "
              "%ld.</p>\n",
           q->n_uploads, all.imported, all.duplicates, all.failed);
    if (all.imported == 0 && all.duplicates == 0 && all.failed > 0) {
        /* fix18b: every file sent failed: an error status, not 200, and
         * the reason said once more under the files' own */
        c->res->status = 422;
        const char *w = rh_words("text", "import.nothing.web");
        put(c, "<p class=\"error\" role=\"alert\">");
        esc(c, w ? w : "Nothing was imported.");
        put(c, "</p>\n");
    }
    put(c, "<p><a href=\"/training\">See your training</a></p>\n");
    form(c);
    page_end(c);
    return 0;
}
