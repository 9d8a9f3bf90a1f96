/* SPDX-License-Identifier: MIT */
/* The assets: the one style sheet (phone first: one column, text at least
 * 12 px, tables that scroll inside their box, visible keyboard focus), the
 * load chart as SVG, and the plan's calendar feed (/plan.ics) that a
 * calendar app subscribes to and that follows the plan as it changes. */
#include <string.h>
#include <time.h>

#include "server/server_int.h"
#include "util/banned.h"

#define ICS_DAYS 28

static const char css[] =
    ":root{--fg:#1d1d1f;--muted:#555;--line:#d0d0d0;--accent:#0b57d0;--bad:#b3261e;"
    "--badbg:#fdecea;--ok:#1e6b30;--okbg:#e8f5e9}\n"
    "*{box-sizing:border-box}\n"
    "html{font-size:100%;-webkit-text-size-adjust:100%}\n"
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;"
    "color:var(--fg);background:#fafafa;line-height:1.5;font-size:1rem}\n"
    "main{max-width:48rem;margin:0 auto;padding:0 1rem 2rem}\n"
    /* lists indented by a little, so a list in a list keeps its width on a phone */
    "main ul,main ol{padding-left:1.3rem}\n"
    /* a long word (a file's path, an address) breaks rather than widen the page */
    "main{overflow-wrap:break-word}.path{overflow-wrap:anywhere}\n"
    "header{background:#fff;border-bottom:1px solid var(--line);padding:.25rem 1rem}\n"
    ".brand{font-weight:700;margin:.25rem 0}\n"
    "nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem}\n"
    "nav a{display:inline-block;padding:.5rem .4rem;min-height:44px;line-height:1.75rem}\n"
    "nav a[aria-current=page]{font-weight:700;text-decoration:none;border-bottom:3px solid "
    "var(--accent)}\n"
    /* on a phone the eleven pages fit in two lines: tighter, a long label short */
    ".nshort{display:none}\n"
    "@media (max-width:40rem){header{padding:.25rem .5rem}nav ul{gap:0}nav a{padding:.5rem "
    ".25rem;font-size:.875rem}nav a[aria-current=page]{font-weight:400}.nlong{display:none}"
    ".nshort{display:inline}}\n"
    "a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus,textarea:focus,"
    ".scroll:focus{outline:3px solid #f0b400;outline-offset:2px}\n"
    ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;"
    "padding:.5rem;z-index:9}\n"
    "h1{font-size:1.5rem;margin:1rem 0 .5rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}"
    "h3{font-size:1.05rem;margin:1rem 0 .3rem}\n"
    ".note,figcaption,caption{color:var(--muted);font-size:.875rem}\n"
    ".banner{background:var(--badbg);border-left:6px solid var(--bad);padding:.5rem 1rem;"
    "margin:1rem 0}.banner h2{color:var(--bad);margin:.25rem 0}\n"
    ".banner.see{background:#fff4e5;border-left-color:#a15c00}.banner.see h2{color:#a15c00}\n"
    ".error{color:var(--bad);font-weight:600}\n"
    ".ok{background:var(--okbg);border-left:6px solid var(--ok);padding:.5rem 1rem}\n"
    /* the tones of a message (tone_of), their colours only here: green
     * only for "go"; a box in its colours, a day card with its stripe */
    ".tone-go{--tone:var(--ok);--tonebg:var(--okbg)}"
    ".tone-train{--tone:var(--accent);--tonebg:#e8f0fe}"
    ".tone-caution{--tone:#a15c00;--tonebg:#fff4e5}"
    ".tone-stop{--tone:var(--bad);--tonebg:var(--badbg)}"
    ".tone-rest{--tone:#6b6b6b;--tonebg:#f1f1f1}\n"
    ".todo,.today{background:var(--tonebg,#fff);border-left:6px solid var(--tone,var(--line));"
    "padding:.5rem 1rem}\n"
    /* advice for after running is allowed again (html_advice): set apart */
    ".later{color:var(--muted);border-top:1px dashed var(--line);margin-top:.75rem}\n"
    ".disclaimer{background:#fff8e1;border-left:4px solid #f0b400;padding:.5rem .8rem}\n"
    ".finding{background:#fff;border:1px solid var(--line);border-radius:4px;padding:0 .8rem;"
    "margin:.5rem 0}\n"
    ".days{list-style:none;padding:0;margin:0}.day{background:#fff;border:1px solid "
    "var(--line);border-left:6px solid var(--tone,var(--line));border-radius:4px;padding:.25rem .8rem;margin:.4rem 0}\n"
    ".day .date{margin:.2rem 0;color:var(--muted);font-size:.875rem}.day .session{margin:.2rem "
    "0;font-weight:600}.detail{margin:.2rem 0;padding-left:1.2rem}\n"
    ".kind-rest .session{color:var(--muted)}\n"
    /* the plan's phases (words17): the current one open and marked, the
     * ones to come folded, a touch target of 44px each */
    ".phases{padding-left:1.6rem}.phase{margin:.2rem 0}.phase.done{color:var(--muted)}"
    ".phase summary{cursor:pointer;font-weight:600;padding:.55rem 0;min-height:44px;"
    "box-sizing:border-box}.phase .here{color:var(--accent);font-size:.875rem;margin-left:.3rem}"
    ".phase dl{margin:0 0 .6rem}.phase dt{font-weight:600;font-size:.875rem;color:var(--muted)}"
    ".phase dd{margin:0 0 .4rem}table.volume{width:auto;min-width:12rem}"
    "details.volume>summary{cursor:pointer;min-height:44px}details.volume>summary>h2{display:inline}\n"
    /* ux26: how to do the exercises, folded under the day or the plan */
    "details.howto>summary>h2{display:inline}.howto dt{font-weight:600}.howto dd{margin:0 0 .5rem}\n"
    /* a table wider than the screen scrolls in its box, and shows it: a
     * shadow at the edge that has more (covers that scroll with the table
     * hide it at the ends: no script needed) */
    ".scroll{overflow-x:auto;max-width:100%;background:linear-gradient(to right,#fff 30%,"
    "rgba(255,255,255,0)) left/2.5rem 100% no-repeat local,linear-gradient(to left,#fff 30%,"
    "rgba(255,255,255,0)) right/2.5rem 100% no-repeat local,radial-gradient(farthest-side at 0 "
    "50%,rgba(0,0,0,.3),rgba(0,0,0,0)) left/.9rem 100% no-repeat scroll,radial-gradient("
    "farthest-side at 100% 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) right/.9rem 100% no-repeat scroll;"
    "background-color:#fff}.scroll>table{background:transparent}\n"
    "table{border-collapse:collapse;width:100%;background:#fff;font-size:.875rem}"
    "th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}td.num{text-align:right;white-space:nowrap}caption{text-align:left}\n"
    ".chart{margin:0}.chart svg{width:100%;height:auto;background:#fff;display:block}\n"
    ".chart svg.pain{max-width:34rem}\n"
    /* the load chart: drawn for a phone up to 80 rem; from there the full
     * one (900 units, text from 12 units) in the column, which a page with
     * it widens to 62 rem (60 rem inside: text at 12.8 px), never past it */
    ".chart .wide{display:none}.chart .narrow svg{max-width:30rem}\n"
    "@media (min-width:80rem){.chart .narrow{display:none}.chart .wide{display:block}"
    "main:has(.chart .wide),body:has(.chart .wide) footer{max-width:62rem}}\n"
    /* /load.svg by itself: the wide chart, the narrow one in a narrow window */
    "@media (max-width:40rem){svg.loadsvg>g.wide{display:none}svg.loadsvg>g.narrow"
    "{display:inline}}\n"
    /* a table's cells closer on a phone: the weekly table's six columns fit */
    "@media (max-width:40rem){th,td{padding:.3rem .25rem}table{font-size:.8125rem}}\n"
    "form{background:#fff;border:1px solid var(--line);border-radius:4px;padding:.5rem 1rem;"
    "margin:1rem 0}\n"
    "label{display:block;font-weight:600;margin:.75rem 0 .25rem}\n"
    "input,select,textarea,button{font:inherit;font-size:1rem;min-height:44px}\n"
    "input[type=number],input[type=date],input[type=text],select,textarea{width:100%;max-width:20rem;padding:.3rem}"
    "textarea{max-width:100%;min-height:5rem}\n"
    "fieldset{border:1px solid var(--line);margin:.75rem 0}legend{font-weight:600}\n"
    "fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.25rem 0}\n"
    "button,.button{display:inline-block;background:var(--accent);color:#fff;border:0;"
    "border-radius:4px;padding:.55rem 1.1rem;margin:.75rem 0;text-decoration:none;"
    "cursor:pointer}\n"
    "code{background:#eee;padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}\n"
    "footer{max-width:48rem;margin:0 auto;padding:0 1rem 2rem}\n"
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
    "white-space:nowrap}\n"
    "form.inline{display:inline;background:none;border:0;padding:0;margin:0}\n"
    "button.small{margin:0;padding:.3rem .8rem;min-height:36px}\n"
    ".drop{border:2px dashed var(--accent);border-radius:8px;padding:1.5rem 1rem;"
    "text-align:center;margin:.5rem 0 1rem;cursor:pointer;background:#f5f8ff}\n"
    ".drop p{margin:.2rem 0}.drop p:first-child{font-weight:600;color:var(--accent)}\n"
    ".drop.over{background:#e3ecff;border-style:solid}\n"
    ".uploads{list-style:none;padding:0}.uploads>li{background:#fff;border:1px solid "
    "var(--line);border-radius:4px;padding:.4rem .8rem;margin:.4rem 0}\n"
    ".uploads .name{margin:.2rem 0;font-weight:600;overflow-wrap:anywhere}"
    ".uploads progress{width:100%;height:.8rem}\n"
    /* the questionnaire (page_questionnaire.c): the hip picture's areas, the moves */
    ".q{margin:1.25rem 0}.hip{margin:.5rem 0}.hip svg{width:100%;max-width:36rem;height:auto;"
    "display:block;background:#fff}\n"
    ".hip .region>*{fill-opacity:.15}.hip .region.on>*{fill:#b3261e;fill-opacity:.55;"
    "stroke:#b3261e}\n"
    /* its areas are buttons over the shapes: see-through, the shape shows */
    ".hip button.area{display:block;width:100%;height:100%;min-height:0;margin:0;padding:0;"
    "border:0;border-radius:2px;background:transparent;cursor:pointer}"
    ".hip button.area:focus{outline:2px solid #f0b400;outline-offset:0}\n"
    "button.default{position:absolute;left:-999px;width:1px;height:1px;overflow:hidden}\n"
    ".moves{display:flex;flex-wrap:wrap;gap:0 .75rem}button.second{background:#fff;"
    "color:var(--accent);border:1px solid var(--accent)}details{margin:.5rem 0}"
    "summary{cursor:pointer;min-height:44px;line-height:2.75rem;color:var(--accent)}\n"
    /* dates never broken over two lines */
    "td:first-child{white-space:nowrap}.weeks td.wk{white-space:normal;min-width:4.5em}\n"
    /* the shoes (page_shoes.c): the name wraps, the date does not, the
     * action in a column of its own; on a phone each pair is a card: the
     * name, three figures under their labels, the button below them */
    ".shoes td:first-child{white-space:normal;overflow-wrap:anywhere}.shoes td.fd"
    "{white-space:nowrap}.shoes .shoe{display:block;font-weight:600}.shoes .when"
    "{display:block;font-size:.8125rem;color:var(--muted)}form.below{display:block;"
    "background:none;border:0;padding:0;margin:0}form.below button{white-space:"
    "nowrap;padding:.3rem .55rem}.shoes th,.shoes td{padding:.35rem .3rem}"
    ".shoes td.a{width:1%;white-space:nowrap}\n"
    "@media (max-width:40rem){.shoes thead{display:none}.shoes,.shoes tbody{display:block}"
    ".shoes tr{display:grid;grid-template-columns:repeat(3,1fr);gap:.15rem .6rem;"
    "background:#fff;border:1px solid var(--line);border-radius:4px;padding:.4rem .7rem;"
    "margin:.4rem 0}.shoes td{border:0;padding:0;text-align:left;white-space:normal}"
    ".shoes td.n,.shoes td.a{grid-column:1/-1;width:auto}"
    ".shoes td[data-l]::before{content:attr(data-l);display:block;font-size:.75rem;"
    "color:var(--muted)}}\n"
    /* on a phone each activity is a card: name, date and sport, then the
     * figures under their labels */
    "@media (max-width:40rem){.acts thead,.entries thead{display:none}.acts,.acts tbody,"
    ".entries,.entries tbody{display:block}"
    /* ux27: the table's caption a line of its own ("Newest first" was
     * squeezed into 52 px beside an empty box when the table became a block) */
    ".acts caption,.entries caption{display:block}"
    ".acts tr,.entries tr{display:grid;grid-template-columns:repeat(3,1fr);gap:.15rem .6rem;"
    "background:#fff;border:1px solid var(--line);border-radius:4px;padding:.4rem .7rem;"
    "margin:.4rem 0}.acts td,.entries td{border:0;padding:0;text-align:left;white-space:normal}"
    /* a diary entry: its day, three figures under their labels, its note */
    ".entries td.d{grid-column:1/-1;font-weight:600}.entries td.t{grid-column:1/-1}"
    ".entries td[data-l]::before{content:attr(data-l);display:block;font-size:.75rem;"
    "color:var(--muted)}"
    ".acts td.n{order:-2;grid-column:1/-1;font-weight:600}.acts td.d{order:-1;grid-column:1/3;"
    "color:var(--muted)}.acts td.s{order:-1;text-align:right;color:var(--muted)}"
    ".acts td.g{grid-column:2/-1}.acts td[data-l]::before{content:attr(data-l);display:block;"
    "font-size:.75rem;color:var(--muted)}}\n";

int asset_css(struct ctx *c)
{
    return set_text(c, 200, ct_css, css);
}

extern const char rh__server_app_js[];

int asset_js(struct ctx *c)
{
    return set_text(c, 200, ct_js, rh__server_app_js);
}

/* Appends the chart of one layout without its XML declaration. */
static int chart_layout(struct ctx *c, const struct rh_load_report *rep,
                        enum rh_load_svg_layout layout)
{
    struct rh_buf svg;
    rh_buf_init(&svg, 0);
    int r = rh_load_write_svg_layout(rep, layout, &svg);
    if (!r) {
        const char *start = svg.len ? strstr(svg.data, "<svg") : NULL;
        put(c, start ? start : "");
    }
    rh_buf_release(&svg);
    return r;
}

int load_chart_html(struct ctx *c, const struct rh_load_report *rep)
{
    put(c, "<div class=\"narrow\">");
    int r = chart_layout(c, rep, RH_LOAD_SVG_NARROW);
    put(c, "</div>\n<div class=\"wide\">");
    if (!r)
        r = chart_layout(c, rep, RH_LOAD_SVG_WIDE);
    put(c, "</div>\n");
    return r;
}

/* /load.svg opened by itself: both layouts in one picture that fills the
 * window, the style sheet showing the narrow one on a phone (without it,
 * e.g. saved to a file, the wide one). */
int asset_load_svg(struct ctx *c)
{
    struct rh_load_report rep;
    struct rh_err err;
    rh_err_clear(&err);
    int r = load_report(c->s, c->today, &rep, &err);
    if (r == RH_EEMPTY)
        return set_text(c, 404, ct_text, "no activities stored yet: import your watch files "
                                         "first ('runhip import PATH' or the Import page)\n");
    if (r)
        return set_text(c, 500, ct_text, err.msg[0] ? err.msg : rh_strerror(r));
    c->res->status = 200;
    c->res->content_type = ct_svg;
    put(c, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<?xml-stylesheet type=\"text/css\" href=\"/app.css\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"loadsvg\" width=\"100%\" "
           "height=\"100%\">\n<g class=\"wide\">\n");
    r = chart_layout(c, &rep, RH_LOAD_SVG_WIDE);
    put(c, "</g>\n<g class=\"narrow\" display=\"none\">\n");
    if (!r)
        r = chart_layout(c, &rep, RH_LOAD_SVG_NARROW);
    put(c, "</g>\n</svg>\n");
    rh_load_report_release(&rep);
    return r ? r : c->err;
}

int asset_plan_ics(struct ctx *c)
{
    struct rh_plan_state st;
    struct rh_err err;
    int64_t plan_id = 0;
    rh_err_clear(&err);
    c->no_keep = true; /* DTSTAMP is the time of the answer */
    int r = plan_current(c, &plan_id, &st, &err);
    if (r == RH_ENOTFOUND)
        return set_text(c, 404, ct_text,
                        "no plan yet: the plan follows an assessment ('runhip assess')\n");
    if (r)
        return set_text(c, 500, ct_text, err.msg[0] ? err.msg : rh_strerror(r));
    r = rh_plan_ics_feed(server_kb(&err), &st, plan_from_day(&st, c->today), ICS_DAYS,
                         (int64_t)time(NULL), &c->res->body, &err);
    if (r)
        return set_text(c, 500, ct_text, err.msg[0] ? err.msg : rh_strerror(r));
    c->res->status = 200;
    c->res->content_type = ct_ics;
    return 0;
}
