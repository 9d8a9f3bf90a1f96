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
    page_begin(c, "Report for your physiotherapist");
    if (r == RH_ENOTFOUND) {
        put(c, "<p>Nothing to report yet. The report gathers your answers about the hip, your "
               "training from the watch and your pain diary for a physiotherapist or doctor. "
               "Answer the questions with <code>runhip assess</code>, or "
               "<a href=\"/import\">import your watch files</a>, first.</p>\n");
    } else {
        c->res->status = 500;
        put(c, "<p class=\"error\">The report could not be made: ");
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
