/* SPDX-License-Identifier: MIT */
/* GET /report: the hand-off report for a physiotherapist or doctor, the
 * same document `runhip report --html` writes (one renderer,
 * rh_report_html), with its style sheet linked as /report.css rather than
 * inside the page, since the dashboard's Content-Security-Policy forbids
 * inline style. The browser's print makes the PDF (one to two A4 pages).
 * GET /report.css: that style sheet (data/report.css, compiled in). */
#include <string.h>

#include "runhip/report.h"
#include "server/server_int.h"
#include "util/banned.h"

/* words21c: the page's own words when the report cannot be made (the
 * report's are [report_words]), data/wording.txt [web_report], a closed set
 * of printf formats without markup checked when the server first loads its
 * rules (page_report_words_check); the link and the command stay here. */
static const struct rh_words_format report_page_words[] = {
    {"title", ""}, {"nothing", "ss"}, {"import_link", ""}, {"failed", ""},
};

int page_report_words_check(struct rh_err *err)
{
    /* written as they are, inside the page's markup */
    return rh_words_plain_format_check("web_report", report_page_words,
                                       sizeof report_page_words / sizeof *report_page_words, err);
}

#define W(key) web_words("web_report", (key))

int page_report(struct ctx *c)
{
    static const struct rh_report_opts opts = {.css_href = "/report.css", .back_href = "/"};
    struct rh_err err;
    rh_err_clear(&err);
    c->res->status = 200;
    c->res->content_type = ct_html;
    rh_buf_reset(&c->res->body);
    int r = rh_report_html(c->s, c->today, &opts, &c->res->body, &err);
    if (!r)
        return 0;
    if (r == RH_ENOMEM || r == RH_ELIMIT)
        return r;
    page_begin(c, W("title"));
    if (r == RH_ENOTFOUND) {
        char a[256];
        snprintf(a, sizeof a, "<a href=\"/import\">%s</a>", W("import_link"));
        put(c, "<p>");
        pf(c, W("nothing"), "<code>runhip assess</code>", a);
        put(c, "</p>\n");
    } else {
        c->res->status = 500;
        pf(c, "<p class=\"error\">%s ", W("failed"));
        esc(c, err.msg[0] ? err.msg : rh_strerror(r));
        put(c, "</p>\n");
    }
    page_end(c);
    return 0;
}

int asset_report_css(struct ctx *c)
{
    return set_text(c, 200, ct_css, rh_report_css());
}
