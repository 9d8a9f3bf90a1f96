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

/* words21b: the page's own words (and its JSON answer's errors),
 * data/wording.txt [web_import], a closed set of printf formats without
 * markup checked when the server first loads its rules
 * (page_import_words_check); the links and tags stay here. */
static const struct rh_words_format import_words[] = {
    {"title", ""}, {"could_not_read", ""}, {"item_failed", ""}, {"item_warning", ""},
    {"drop", ""}, {"drop_or", ""}, {"file_label", ""}, {"limits", "dd"}, {"import", ""},
    {"the_file", ""}, {"stopped", "s"}, {"counts", "ddd"}, {"counts_skipped", "d"},
    {"json_too_large", "d"}, {"json_no_file", ""}, {"intro", ""}, {"too_large", "ds"},
    {"no_file", ""}, {"not_taken_one", "dd"}, {"not_taken_many", "dd"}, {"all_files", "d"},
    {"all_counts", "ddd"}, {"see_training", ""},
    /* cli26: data/app.js's (the drop zone's script), handed to it by the page */
    {"js_drop_aria", ""}, {"js_sending_file", "s"}, {"js_waiting", ""}, {"js_sending", ""},
    {"js_sending_pct", "d"}, {"js_importing", ""}, {"js_too_large", "s"},
    {"js_too_large_unsent", "s"}, {"js_refused", ""}, {"js_server_status", "d"},
    {"js_broke_off", ""}, {"js_kb", "s"}, {"js_mb", "s"}, {"js_empty", ""},
    {"js_empty_unsent", "s"},
};

/* The words data/app.js says (cli26: they were written in it in English),
 * the js_* keys of the table and the page's own it shares, handed to it
 * as a JSON object in the page; the script fills each %s or %d in order. */
static const char *const script_keys[] = {"item_failed", "item_warning", "stopped", "counts",
                                          "counts_skipped"};

int page_import_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_import", import_words,
                                       sizeof import_words / sizeof *import_words, err);
}

#define W(key) web_words("web_import", (key))

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
    char warn[1400];
    if (r->status == RH_IMPORT_FAILED)
        msg = r->err && r->err->msg[0] ? r->err->msg : W("could_not_read");
    else if (r->status == RH_IMPORT_STORED) /* its outing first (words27) */
        /* code24: a stored one's, as the terminal (a duplicate says which
         * activity it matched: a cut triathlon sent again said the file's
         * truncation once a leg); one for the legs that share it */
        msg = rh_import_result_warning(r, warn, sizeof warn);
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
        /* the outing or leg of a file of several it is about (its note
         * names it too), and the activity an older runhip stored the whole
         * file as, which it replaces */
        if (r->part_kind) {
            put(o->c, ",\"part\":");
            if (!o->c->err)
                o->c->err = rh_import_result_part_json(r, &o->c->res->body);
        }
        if (r->whole_id)
            pf(o->c, ",\"replaces_whole\":%lld", (long long)r->whole_id);
        /* imp26: the activity a duplicate matched, named in its message
         * by what it was and when, by number for a program */
        if (r->status == RH_IMPORT_DUPLICATE && r->id)
            pf(o->c, ",\"activity_id\":%lld", (long long)r->id);
        put(o->c, "}");
        return;
    }
    if (o->problems++ == 0)
        put(o->c, "<ul class=\"problems\">\n");
    put(o->c, "<li>");
    shown_name(o, r->name ? r->name : "");
    if (told)
        put(o->c, ": ");
    else
        pf(o->c, " %s ", W(failed ? "item_failed" : "item_warning"));
    /* imp26: the activity a duplicate matched, named by what it was and
     * when, links to its page */
    const char *what =
        told && r->status == RH_IMPORT_DUPLICATE && r->id && r->matched_what && *r->matched_what
            ? strstr(msg, r->matched_what)
            : NULL;
    if (what) {
        char head[1200];
        snprintf(head, sizeof head, "%.*s", (int)(what - msg), msg);
        esc(o->c, head);
        pf(o->c, "<a href=\"/activity?id=%lld\">", (long long)r->id);
        esc(o->c, r->matched_what);
        put(o->c, "</a>");
        esc(o->c, what + strlen(r->matched_what));
    } else {
        esc(o->c, msg);
    }
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
          "<div id=\"drop\" class=\"drop\" hidden><p>%s</p>"
          "<p class=\"note\">%s</p></div>\n"
          "<label for=\"file\">%s</label>\n"
          "<p class=\"note\" id=\"file-help\">",
       max, W("drop"), W("drop_or"), W("file_label"));
    esc(c, words);
    pf(c, W("limits"), RH_SERVER_UPLOAD_FILES, (int)max_mb(c));
    put(c, "</p>\n"
           "<input type=\"file\" id=\"file\" name=\"file\" multiple required "
           "aria-describedby=\"file-help\" accept=\"");
    esc(c, accept);
    put(c, "\">\n");
    csrf_field(c);
    pf(c, "<button type=\"submit\">%s</button>\n</form>\n"
          "<ul id=\"uploads\" class=\"uploads\" aria-live=\"polite\"></ul>\n",
       W("import"));
    json_t *o = json_object();
    for (size_t i = 0; o && i < sizeof import_words / sizeof *import_words; i++)
        if (!strncmp(import_words[i].key, "js_", 3))
            json_object_set_new(o, import_words[i].key, json_string(W(import_words[i].key)));
    for (size_t i = 0; o && i < sizeof script_keys / sizeof *script_keys; i++)
        json_object_set_new(o, script_keys[i], json_string(W(script_keys[i])));
    /* ux28: an empty file is not sent; why, in the import's own words
     * (data/wording.txt [file_words] empty), filled here ("%" kept for the
     * script's "%%") */
    if (o) {
        const char *why = rh_words_or_empty("file_words", "empty");
        struct rh_buf said, pct;
        rh_buf_init(&said, 0);
        rh_buf_init(&pct, 0);
        int r = rh_buf_printf(&said, W("js_empty_unsent"), why);
        for (size_t i = 0; !r && i < said.len; i++)
            r = rh_buf_puts(&pct, said.data[i] == '%' ? "%%" : (char[]){said.data[i], 0});
        if (!r)
            json_object_set_new(o, "js_empty_unsent", json_string(pct.data ? pct.data : ""));
        else
            c->err = RH_ENOMEM;
        rh_buf_release(&said);
        rh_buf_release(&pct);
    }
    /* "/" escaped: no "</script>" can end the element early */
    char *js = o ? json_dumps(o, JSON_COMPACT | JSON_ESCAPE_SLASH) : NULL;
    json_decref(o);
    if (!js) {
        c->err = RH_ENOMEM;
        return;
    }
    pf(c, "<script type=\"application/json\" id=\"import-words\">%s</script>\n"
          "<script src=\"/app.js\" defer></script>\n",
       js);
    rh_free(js);
}

/* One uploaded file through the import; its outcome as HTML or JSON. */
static void import_one(struct ctx *c, bool json, const char *path, const char *sent,
                       struct rh_import_stats *all)
{
    struct outcome o = {c, json, path, sent && *sent ? sent : W("the_file"), 0};
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
            /* the reason escaped, then said in the sentence */
            struct rh_buf e;
            rh_buf_init(&e, 0);
            int er = rh_server_html_escape(&e, stop);
            put(c, "<p class=\"error\">");
            if (!er)
                pf(c, W("stopped"), e.data ? e.data : "");
            else if (!c->err)
                c->err = er;
            put(c, "</p>\n");
            rh_buf_release(&e);
        }
        /* counts of one upload's activities */
        pf(c, "<p class=\"%s\">", st.failed || stop ? "error" : "ok");
        pf(c, W("counts"), (int)st.imported, (int)st.duplicates, (int)st.failed);
        if (st.skipped)
            pf(c, W("counts_skipped"), (int)st.skipped);
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
            snprintf(msg, sizeof msg, W(q->upload_too_large ? "json_too_large" : "json_no_file"),
                     (int)max_mb(c));
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
                c->err = rh_buf_json_str(&c->res->body, w ? w : "");
        }
        put(c, "}\n");
        return 0;
    }
    page_begin(c, W("title"));
    if (!c->post) {
        pf(c, "<p>%s</p>\n", W("intro"));
        form(c);
        page_end(c);
        return 0;
    }
    if (q->upload_too_large) {
        c->res->status = 413;
        put(c, "<p class=\"error\" role=\"alert\">");
        pf(c, W("too_large"), (int)max_mb(c), "<code>runhip import PATH</code>");
        put(c, "</p>\n");
        form(c);
        page_end(c);
        return 0;
    }
    if (q->n_uploads == 0) {
        c->res->status = 400;
        pf(c, "<p class=\"error\" role=\"alert\">%s</p>\n", W("no_file"));
        form(c);
        page_end(c);
        return 0;
    }
    struct rh_import_stats all;
    memset(&all, 0, sizeof all);
    for (size_t i = 0; i < q->n_uploads; i++)
        import_one(c, false, q->upload_paths[i], q->upload_names[i], &all);
    /* counts of files and activities of one request */
    if (q->upload_dropped) {
        put(c, "<p class=\"error\">");
        pf(c, W(q->upload_dropped == 1 ? "not_taken_one" : "not_taken_many"),
           (int)q->upload_dropped, RH_SERVER_UPLOAD_FILES);
        put(c, "</p>\n");
    }
    if (q->n_uploads > 1) {
        put(c, "<p><strong>");
        pf(c, W("all_files"), (int)q->n_uploads);
        put(c, "</strong> ");
        pf(c, W("all_counts"), (int)all.imported, (int)all.duplicates, (int)all.failed);
        put(c, "</p>\n");
    }
    if (all.imported == 0 && all.duplicates == 0 && all.failed > 0) {
        /* fix18b: every file sent failed: an error status, not 200, and
         * the reason said once more under the files' own */
        c->res->status = 422;
        const char *w = rh_words("text", "import.nothing.web");
        put(c, "<p class=\"error\" role=\"alert\">");
        esc(c, w ? w : ""); /* [text] is checked whole at load (text.c text_keys) */
        put(c, "</p>\n");
    }
    pf(c, "<p><a href=\"/training\">%s</a></p>\n", W("see_training"));
    form(c);
    page_end(c);
    return 0;
}
