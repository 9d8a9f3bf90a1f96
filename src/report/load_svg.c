/* SPDX-License-Identifier: MIT */
/*
 * The training-load chart as a standalone SVG (the dashboard embeds the
 * same text): weekly running distance as bars, the pain diary as one
 * marker a day (the day's worst pain) on a strip under them, and below the acute:chronic load ratio
 * (rolling and exponentially weighted) over its 0.8-1.3 band with the 1.5
 * line, and Foster monotony with its 2.0 line. Title, axes with units, a
 * legend and a footnote on the method make it readable on its own.
 *
 * Two layouts of the same parts: the wide one (900 units, 16 weeks) for a
 * laptop or paper, the narrow one (340 units, 8 weeks, the legend and the
 * footnote one item a line) for a phone. Both scale to the width they are
 * given (viewBox, width 100%); their text is at least 12 units (TEXT_MIN),
 * so the wide one shown at 900 px or more and the narrow one at 340 px or
 * more (a 390 px phone less its margins) keep it at 12 px or more.
 */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "load/load_int.h"
#include "runhip/text.h"
#include "util/banned.h"

/* words27: the chart's words, data/wording.txt [load_chart], without
 * markup (the title and description are written inside their tags as they
 * are), checked before each chart is drawn (chart_words_check; the table
 * read by tests through rh_load_chart_words_keys).
 * loadw25: named holes, each key with the values its call gives
 * (rh_words_plain_named_check, filled by LF) */
#define LW(key) rh_words_or_empty("load_chart", (key))
static const struct rh_words_named chart_words[] = {
    {"legend_distance", ""}, {"legend_pain", ""},     {"legend_band", ""},
    {"legend_thresholds", ""}, {"legend_acwr", ""},   {"legend_ewma", ""},
    {"legend_monotony", ""}, {"foot", "method"},      {"foot_info", ""},
    {"method_srpe", ""},     {"method_trimp", ""},    {"method_pace", ""},
    {"sub", "last"},         {"sub_last", "week"},    {"title", "weeks day"},
    {"title_short", "weeks"}, {"title_to", "day"},    {"desc", ""},
    {"desc_pain", ""},       {"axis_km", ""},         {"axis_km_short", ""},
    {"bar_title", "km"},     {"pain_head", ""},       {"pain_marker", "day pain"},
    {"no_pain", ""},         {"no_pain_short", ""},   {"ratio_label", "line"},
    {"monotony_label", "line"}, {"mono_label", "line"}, {"axis_ratio", ""},
    {"axis_week", ""},
};

const struct rh_words_named *rh_load_chart_words_keys(size_t *n)
{
    *n = sizeof chart_words / sizeof *chart_words;
    return chart_words;
}

static int chart_words_check(struct rh_err *err)
{
    return rh_words_plain_named_check("load_chart", chart_words,
                                      sizeof chart_words / sizeof *chart_words, err);
}

/* [load_chart] key into dst (cap bytes), its holes filled by the NULL-ended
 * NAME, VALUE pairs (rh_words_fill_pairs). */
static void LF(char *dst, size_t cap, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    (void)rh_words_fill_pairs(dst, cap, "load_chart", chart_words,
                              sizeof chart_words / sizeof *chart_words, key, ap);
    va_end(ap);
}

#define TEXT_MIN 12       /* units = px when shown at its own size */
#define CHAR_W 0.62       /* a DejaVu Sans character is at most this many sizes wide, on average */
#define PAIN_BAR_MIN 3    /* a pain-0 day still shows */
#define PAIN_BAR_MAX 15   /* pain 10: under the labels at the top of the strip */
#define PAIN_DIGIT_W 7.7  /* width of a 12-unit digit (DejaVu Sans: 7.63) */
#define WEEKS_MAX 16
#define PAIN_LABELS_MAX (7 * WEEKS_MAX)
#define DATE_W 76 /* a 12-unit YYYY-MM-DD and a gap */

/* Where the parts go, in units of the viewBox. */
struct lay {
    const char *id;  /* the suffix of the title's and description's ids */
    int w;           /* width */
    size_t weeks;    /* how many weeks at most */
    int x0, x1;      /* left and right edges of the plots */
    int title_size;  /* the title's font size */
    int p1_top, p1_bot, pain_top, pain_bot, p2_top, p2_bot;
    bool narrow;     /* labels inside the plot, legend one item a line */
    bool bare;       /* no title drawn (the page's heading says it; its
                        <title> stays), the legend closer (phys28) */
};

static const struct lay wide_lay = {"", 900, 16, 70, 828, 18, 78, 290, 306, 336, 362, 492, false,
                                    false};
static const struct lay narrow_lay = {"-phone", 340, 8, 46, 332, 15, 96, 236, 262, 292, 312, 432,
                                      true, false};
/* phys28: the wide layout's width, weeks and text, its panels shorter and
 * no title drawn (the hand-off report, where it shares a printed A4 page
 * with the diary and the plan under its own heading: 372 units high, not
 * 600, about 8 cm at the page's 18.8 cm) */
static const struct lay print_lay = {"", 900, 16, 70, 828, 18, 34, 134, 148, 178, 194, 278, false,
                                     true};

#define C_BAR "#4a7fb5"
#define C_ACWR "#1b5e20"
#define C_EWMA "#6a1b9a"
#define C_MONO "#e65100"
#define C_PAIN "#c62828"
#define C_BAND "#c8e6c9"
#define C_GRID "#dddddd"
#define C_TEXT "#222222"

struct svg {
    struct rh_buf *b;
    int r;
};

static void out(struct svg *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out(struct svg *s, const char *fmt, ...)
{
    if (s->r)
        return;
    va_list ap;
    va_start(ap, fmt);
    s->r = rh_buf_vprintf(s->b, fmt, ap);
    va_end(ap);
}

/* A "nice" axis step for a range 0..max with about n ticks. */
static double nice_step(double max, int n)
{
    double raw = max / n, mag = pow(10, floor(log10(raw))), f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

static void text(struct svg *s, double x, double y, const char *anchor, int size, const char *extra,
                 const char *t)
{
    assert(size >= TEXT_MIN);
    out(s, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s>", x, y, anchor, size,
        extra ? extra : "");
    for (const char *p = t; *p && !s->r; p++) {
        if (*p == '<')
            out(s, "&lt;");
        else if (*p == '>')
            out(s, "&gt;");
        else if (*p == '&')
            out(s, "&amp;");
        else
            out(s, "%c", *p);
    }
    out(s, "</text>\n");
}

/* Text wrapped into lines of at most maxw units (by CHAR_W), each line_h
 * under the one before; a word longer than a line stands alone. Returns
 * the number of lines; with draw false only counts them. */
static int wrapped(struct svg *s, bool draw, double x, double y, int size, double maxw,
                   double line_h, const char *extra, const char *t)
{
    size_t per = (size_t)(maxw / (CHAR_W * size));
    int lines = 0;
    const char *p = t;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t len = strlen(p), cut = len;
        if (len > per) {
            cut = per;
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut == 0) /* one long word */
                cut = strcspn(p, " ");
        }
        if (draw) {
            char line[256];
            size_t n = cut < sizeof line - 1 ? cut : sizeof line - 1;
            memcpy(line, p, n);
            line[n] = '\0';
            text(s, x, y + line_h * lines, "start", size, extra, line);
        }
        lines++;
        p += cut;
    }
    return lines;
}

/* A ratio of a week wholly after the newest run (the data ended before
 * the day asked) is no measure of training: it is not drawn, as the text
 * says "no recent runs" rather than 0.00 (load_text.c). */
static double ratio_at(const struct rh_load_report *r, const struct rh_load_week *w,
                       size_t field_off)
{
    if (rh_load_week_after_data(r, w->from))
        return NAN;
    return *(const double *)((const char *)w + field_off);
}

/* The line of one ratio series over the shown weeks; gaps where NaN or
 * after the newest run. */
static void ratio_line(struct svg *s, const struct lay *L, const struct rh_load_report *r,
                       const struct rh_load_week *wk, size_t n, size_t field_off, double slot,
                       double ymax, const char *color, const char *dash, const char *cls)
{
    bool open = false;
    double h = L->p2_bot - L->p2_top;
    for (size_t i = 0; i < n; i++) {
        double v = ratio_at(r, &wk[i], field_off);
        if (!rh_has(v) || !isfinite(v)) {
            if (open)
                out(s, "\"/>\n");
            open = false;
            continue;
        }
        double x = L->x0 + slot * ((double)i + 0.5);
        double y = L->p2_bot - (fmin(v, ymax) / ymax) * h;
        if (!open)
            out(s,
                "<polyline class=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"%s "
                "points=\"",
                cls, color, dash);
        out(s, "%s%.1f,%.1f", open ? " " : "", x, y);
        open = true;
    }
    if (open)
        out(s, "\"/>\n");
    for (size_t i = 0; i < n; i++) {
        double v = ratio_at(r, &wk[i], field_off);
        if (!rh_has(v) || !isfinite(v))
            continue;
        double x = L->x0 + slot * ((double)i + 0.5);
        double y = L->p2_bot - (fmin(v, ymax) / ymax) * h;
        out(s, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", x, y, color);
    }
}

static void legend_item(struct svg *s, double x, double y, const char *kind, const char *color,
                        const char *label)
{
    if (strcmp(kind, "bar") == 0 || strcmp(kind, "band") == 0)
        out(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\"/>\n", x, y - 9,
            color);
    else if (strcmp(kind, "pain") == 0) /* as the strip's markers: a bar for a day */
        out(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"11\" fill=\"%s\"/>\n", x + 4,
            y - 10, color);
    else
        out(s,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
            "stroke-width=\"2.5\"%s/>\n",
            x, y - 4, x + 16, y - 4, color,
            strcmp(kind, "dash") == 0  ? " stroke-dasharray=\"6 3\""
            : strcmp(kind, "dot") == 0 ? " stroke-dasharray=\"2 3\""
                                       : "");
    text(s, x + 20, y, "start", 12, NULL, label);
}

/* The legend: kind, colour, label; placed in two rows (wide) or one a line. */
static const struct {
    const char *kind, *color, *label;
    int wide_x, wide_row;
} legend[] = {
    /* label: its key of [load_chart] */
    {"bar", C_BAR, "legend_distance", 0, 0},
    {"pain", C_PAIN, "legend_pain", 200, 0},
    {"band", C_BAND, "legend_band", 400, 0},
    {"dot", C_ACWR, "legend_thresholds", 580, 0},
    {"line", C_ACWR, "legend_acwr", 0, 1},
    {"dash", C_EWMA, "legend_ewma", 300, 1},
    {"line", C_MONO, "legend_monotony", 520, 1},
};
#define N_LEGEND (sizeof legend / sizeof legend[0])
#define LEGEND_LINE 18
#define FOOT_LINE 15

/* A rotated axis title left of a panel. */
static void axis_title(struct svg *s, double cy, const char *t)
{
    char extra[96];
    snprintf(extra, sizeof extra, " transform=\"rotate(-90 16 %.1f)\" fill=\"" C_TEXT "\"", cy);
    text(s, 16, cy, "middle", 12, extra, t);
}

/* alone: a chart file of its own (rh_load_write_svg), which says that it
 * is information, not a diagnosis; a chart drawn into a page (the web app's
 * Training page, the hand-off report: rh_load_write_svg_layout) leaves that
 * to the page, which says it once (session 24, once24). */
static int write_svg(const struct rh_load_report *r, const struct lay *L, bool alone,
                     struct rh_buf *buf)
{
    struct svg sv = {buf, 0}, *s = &sv;
    /* the calendar weeks of the weekly tables (rh_load_table_range) */
    size_t nw;
    const struct rh_load_week *wk = rh_load_table_range(r, L->weeks, &nw);
    double slot = (double)(L->x1 - L->x0) / (double)(nw ? nw : 1);
    int32_t day0 = nw ? wk[0].from : r->as_of;
    char a[11], t[200], foot[200];
    rh_date_format(r->as_of, a);
    LF(foot, sizeof foot, "foot", "method",
       LW(r->main_method == RH_LOAD_SRPE    ? "method_srpe"
          : r->main_method == RH_LOAD_TRIMP ? "method_trimp"
                                            : "method_pace"),
       NULL);
    if (alone) {
        size_t fl = strlen(foot);
        snprintf(foot + fl, sizeof foot - fl, " %s", LW("foot_info"));
    }
    char sub[200], last[200] = "";
    if (nw && wk[nw - 1].partial)
        LF(last, sizeof last, "sub_last", "week",
           rh_load_week_label(r, &wk[nw - 1], t, sizeof t), NULL);
    LF(sub, sizeof sub, "sub", "last", last, NULL);
    char weeks[16];
    snprintf(weeks, sizeof weeks, "%d", (int)nw);
    /* the height follows from what goes under the ratio panel */
    double legend_y = L->p2_bot + (L->bare ? 50 : 58);
    double foot_y, h;
    if (L->bare) {
        foot_y = legend_y + 38;
        h = foot_y + 6;
    } else if (L->narrow) {
        foot_y = legend_y + LEGEND_LINE * (double)N_LEGEND + 4;
        h = foot_y + FOOT_LINE * wrapped(s, false, 0, 0, 12, L->x1 - 6, FOOT_LINE, NULL, foot) - 6;
    } else {
        foot_y = legend_y + 42;
        h = foot_y + 8;
    }

    out(s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%%\" "
        "viewBox=\"0 0 %d %.0f\" preserveAspectRatio=\"xMidYMin meet\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
        "role=\"img\" aria-labelledby=\"title%s desc%s\">\n",
        L->w, h, L->id, L->id);
    LF(t, sizeof t, "title", "weeks", weeks, "day", a, NULL);
    out(s, "<title id=\"title%s\">%s</title>\n", L->id, t);
    /* the text alternative names every pain day the strip draws: its
     * labels are left out where they would not fit */
    out(s, "<desc id=\"desc%s\">%s", L->id, LW("desc"));
    {
        int k = 0;
        for (size_t i = 0; i < r->n_days; i++) {
            const struct rh_load_day *d = &r->days[i];
            if (d->pain < 0 || d->day < day0)
                continue;
            char dd[11];
            rh_date_format(d->day, dd);
            out(s, "%s%s %s %d/10", k ? "" : " ", k ? "," : LW("desc_pain"), dd, d->pain);
            k++;
        }
        if (k)
            out(s, ".");
    }
    out(s, "</desc>\n");
    out(s, "<rect width=\"%d\" height=\"%.0f\" fill=\"#ffffff\"/>\n", L->w, h);
    if (L->narrow) {
        /* the title in two lines, the explanation wrapped */
        LF(t, sizeof t, "title_short", "weeks", weeks, NULL);
        text(s, L->w / 2.0, 22, "middle", L->title_size,
             " font-weight=\"bold\" fill=\"" C_TEXT "\"", t);
        LF(t, sizeof t, "title_to", "day", a, NULL);
        text(s, L->w / 2.0, 40, "middle", 12, " fill=\"#555555\"", t);
        wrapped(s, true, 8, 60, 12, L->w - 16, FOOT_LINE, " fill=\"#555555\"", sub);
    } else if (L->bare) {
        text(s, L->w / 2.0, 14, "middle", 12, " fill=\"#555555\"", sub);
    } else {
        text(s, L->w / 2.0, 28, "middle", L->title_size,
             " font-weight=\"bold\" fill=\"" C_TEXT "\"", t);
        text(s, L->w / 2.0, 48, "middle", 12, " fill=\"#555555\"", sub);
    }

    /* panel 1: weekly distance */
    double kmax = 10;
    for (size_t i = 0; i < nw; i++)
        if (wk[i].km > kmax)
            kmax = wk[i].km;
    double step = nice_step(kmax, L->narrow ? 4 : 5);
    kmax = ceil(kmax / step) * step;
    double p1h = L->p1_bot - L->p1_top;
    out(s, "<g class=\"distance\">\n");
    for (double v = 0; v <= kmax + 1e-9; v += step) {
        double y = L->p1_bot - v / kmax * p1h;
        out(s, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"" C_GRID "\"/>\n", L->x0,
            y, L->x1, y);
        snprintf(t, sizeof t, "%g", v);
        text(s, L->x0 - 6, y + 4, "end", 12, NULL, t);
    }
    axis_title(s, (L->p1_top + L->p1_bot) / 2.0,
               LW(L->narrow ? "axis_km_short" : "axis_km"));
    for (size_t i = 0; i < nw; i++) {
        double bh = wk[i].km / kmax * p1h;
        double x = L->x0 + slot * (double)i + slot * 0.15;
        char bt[80], km[32];
        snprintf(km, sizeof km, "%.1f", wk[i].km);
        LF(bt, sizeof bt, "bar_title", "km", km, NULL);
        out(s,
            "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
            "fill=\"" C_BAR "\"><title>%s</title></rect>\n",
            x, L->p1_bot - bh, slot * 0.7, bh, bt);
        if (wk[i].km > 0 && slot >= 30) {
            snprintf(t, sizeof t, "%.0f", wk[i].km);
            text(s, x + slot * 0.35, L->p1_bot - bh - 4, "middle", 12, NULL, t);
        }
    }
    out(s, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" C_TEXT "\"/>\n", L->x0,
        L->p1_bot, L->x1, L->p1_bot);
    /* no run in these weeks: say so where the bars would be (the report's
     * sentence, the newest run's day on its own line when narrow) */
    char quiet[160];
    if (rh_load_quiet_note(r, quiet, sizeof quiet)) {
        char *semi = L->narrow ? strchr(quiet, ';') : NULL;
        double ym = (L->p1_top + L->p1_bot) / 2.0;
        if (semi) {
            *semi = '\0';
            text(s, (L->x0 + L->x1) / 2.0, ym - 4, "middle", 12, " class=\"quiet\"", quiet);
            text(s, (L->x0 + L->x1) / 2.0, ym + 12, "middle", 12, " class=\"quiet\"", semi + 2);
        } else {
            text(s, (L->x0 + L->x1) / 2.0, ym + 4, "middle", 12, " class=\"quiet\"", quiet);
        }
    }
    out(s, "</g>\n");

    /* pain strip */
    out(s, "<g class=\"pain\">\n");
    out(s,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
        "stroke=\"" C_GRID "\"/>\n",
        L->x0, L->pain_top, L->x1 - L->x0, L->pain_bot - L->pain_top);
    if (L->narrow) /* no room at the left: its name above it */
        text(s, L->x0, L->pain_top - 5, "start", 12, NULL, LW("pain_head"));
    else
        text(s, L->x0 - 4, (L->pain_top + L->pain_bot) / 2.0 + 4, "end", 12, NULL, "pain 0-10");
    /* one marker a day (the day's worst pain, r->days), a bar as high as the
     * pain and never wider than its day, so that entries on consecutive days
     * stand side by side; the figure above a marker only where it fits, the
     * worst pain first (the text alternative lists them all) */
    int n_pain = 0;
    double dayw = (double)(L->x1 - L->x0) / (7.0 * (double)(nw ? nw : 1));
    double mw = fmin(12, dayw * 0.8);
    double lx[PAIN_LABELS_MAX][2]; /* the labels placed: left and right edges */
    int nl = 0;
    for (int level = 10; level >= 0; level--) {
        for (size_t i = r->n_days; i-- > 0;) {
            const struct rh_load_day *d = &r->days[i];
            if (d->pain != level || d->day < day0)
                continue;
            double x = L->x0 + ((double)(d->day - day0) + 0.5) * dayw;
            double bh = PAIN_BAR_MIN + (PAIN_BAR_MAX - PAIN_BAR_MIN) * d->pain / 10.0;
            char dd[11];
            rh_date_format(d->day, dd);
            char pt[80], pain[16];
            snprintf(pain, sizeof pain, "%d", d->pain);
            LF(pt, sizeof pt, "pain_marker", "day", dd, "pain", pain, NULL);
            out(s,
                "<rect class=\"pain-marker\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                "height=\"%.1f\" fill=\"" C_PAIN "\"><title>%s</title></rect>\n",
                x - mw / 2, L->pain_bot - 1 - bh, mw, bh, pt);
            n_pain++;
            snprintf(t, sizeof t, "%d", d->pain);
            double half = PAIN_DIGIT_W * (double)strlen(t) / 2 + 1;
            bool fits = nl < PAIN_LABELS_MAX && x - half >= L->x0 && x + half <= L->w - 2;
            for (int k = 0; fits && k < nl; k++)
                fits = x + half <= lx[k][0] || x - half >= lx[k][1];
            if (!fits)
                continue;
            lx[nl][0] = x - half;
            lx[nl][1] = x + half;
            nl++;
            text(s, x, L->pain_top + 12, "middle", 12, " class=\"pain-label\" fill=\"" C_PAIN "\"",
                 t);
        }
    }
    if (!n_pain)
        text(s, (L->x0 + L->x1) / 2.0, (L->pain_top + L->pain_bot) / 2.0 + 4, "middle", 12,
             " fill=\"#888888\"",
             LW(L->narrow ? "no_pain_short" : "no_pain"));
    out(s, "</g>\n");

    /* panel 2: ratios */
    double rmax = 2.5;
    for (size_t i = 0; i < nw; i++) {
        double v[] = {wk[i].acwr_rolling, wk[i].acwr_ewma, wk[i].monotony};
        for (int k = 0; k < 3; k++)
            if (rh_has(v[k]) && isfinite(v[k]) && v[k] > rmax)
                rmax = v[k];
    }
    rmax = fmin(ceil(rmax * 2) / 2, 5);
    double p2h = L->p2_bot - L->p2_top;
    const struct rh__load_settings *set = &r->rules->set;
    out(s, "<g class=\"ratios\">\n");
    double yb1 = L->p2_bot - set->acwr_band_high / rmax * p2h;
    double yb0 = L->p2_bot - set->acwr_band_low / rmax * p2h;
    out(s,
        "<rect class=\"acwr-band\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
        "fill=\"" C_BAND "\"/>\n",
        L->x0, yb1, L->x1 - L->x0, yb0 - yb1);
    /* labels 12 units apart at least (16 where the panel is short) */
    double rstep = (L->narrow && rmax > 3) || p2h * 0.5 / rmax < 16 ? 1 : 0.5;
    for (double v = 0; v <= rmax + 1e-9; v += rstep) {
        double y = L->p2_bot - v / rmax * p2h;
        out(s, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"" C_GRID "\"/>\n", L->x0,
            y, L->x1, y);
        snprintf(t, sizeof t, "%.1f", v);
        text(s, L->x0 - 6, y + 4, "end", 12, NULL, t);
    }
    double thr_acwr = rh__load_rule_of(r->rules, RH_FINDING_acwr_high)->threshold;
    double thr_mono = rh__load_rule_of(r->rules, RH_FINDING_monotony_high)->threshold;
    double ya = L->p2_bot - thr_acwr / rmax * p2h;
    double ym = L->p2_bot - thr_mono / rmax * p2h;
    out(s,
        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"" C_ACWR "\" "
        "stroke-dasharray=\"2 3\"/>\n",
        L->x0, ya, L->x1, ya);
    out(s,
        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"" C_MONO "\" "
        "stroke-dasharray=\"2 3\"/>\n",
        L->x0, ym, L->x1, ym);
    /* the thresholds' names: right of the plot, or on a phone inside it,
     * above their lines at the right end */
    char line[32];
    snprintf(line, sizeof line, "%.1f", thr_acwr);
    LF(t, sizeof t, "ratio_label", "line", line, NULL);
    if (L->narrow)
        text(s, L->x1 - 2, ya - 3, "end", 12, " fill=\"" C_ACWR "\"", t);
    else
        text(s, L->x1 + 3, ya + 4, "start", 12, " fill=\"" C_ACWR "\"", t);
    snprintf(line, sizeof line, "%.1f", thr_mono);
    LF(t, sizeof t, "monotony_label", "line", line, NULL);
    if (L->narrow)
        text(s, L->x1 - 2, ym - 3, "end", 12, " fill=\"" C_MONO "\"", t);
    else {
        LF(t, sizeof t, "mono_label", "line", line, NULL);
        text(s, L->x1 + 3, ym + 4, "start", 12, " fill=\"" C_MONO "\"", t);
    }
    axis_title(s, (L->p2_top + L->p2_bot) / 2.0, LW("axis_ratio"));
    ratio_line(s, L, r, wk, nw, offsetof(struct rh_load_week, acwr_rolling), slot, rmax, C_ACWR,
               "", "acwr");
    ratio_line(s, L, r, wk, nw, offsetof(struct rh_load_week, acwr_ewma), slot, rmax, C_EWMA,
               " stroke-dasharray=\"6 3\"", "acwr-ewma");
    ratio_line(s, L, r, wk, nw, offsetof(struct rh_load_week, monotony), slot, rmax, C_MONO, "",
               "monotony");
    out(s, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" C_TEXT "\"/>\n", L->x0,
        L->p2_bot, L->x1, L->p2_bot);
    out(s, "</g>\n");

    /* x axis: the weeks' Mondays, as many as fit side by side, the last always */
    out(s, "<g class=\"x-axis\">\n");
    size_t every = (size_t)ceil(DATE_W / slot);
    if (every < 1)
        every = 1;
    for (size_t i = 0; i < nw; i++) {
        if ((nw - 1 - i) % every)
            continue;
        double x = L->x0 + slot * ((double)i + 0.5);
        int y, m, d;
        rh_civil_from_days(wk[i].from, &y, &m, &d);
        snprintf(t, sizeof t, "%d-%02d-%02d", y, m, d);
        /* the last date keeps inside the picture */
        bool at_edge = x + DATE_W / 2.0 > L->w;
        text(s, at_edge ? L->w - 2 : x, L->p2_bot + 16, at_edge ? "end" : "middle", 12, NULL, t);
    }
    text(s, (L->x0 + L->x1) / 2.0, L->p2_bot + 32, "middle", 12, " fill=\"" C_TEXT "\"",
         LW("axis_week"));
    out(s, "</g>\n");

    /* legend */
    out(s, "<g class=\"legend\">\n");
    for (size_t i = 0; i < N_LEGEND; i++) {
        double x = L->narrow ? 8 : L->x0 + legend[i].wide_x;
        double y = legend_y + (L->narrow ? (double)i * LEGEND_LINE : legend[i].wide_row * 20.0);
        legend_item(s, x, y, legend[i].kind, legend[i].color, LW(legend[i].label));
    }
    out(s, "</g>\n");
    if (L->narrow)
        wrapped(s, true, 8, foot_y, 12, L->x1 - 6, FOOT_LINE, " fill=\"#555555\"", foot);
    else
        text(s, L->x0, foot_y, "start", 12, " fill=\"#555555\"", foot);
    out(s, "</svg>\n");
    return s->r;
}

int rh_load_write_svg_layout(const struct rh_load_report *r, enum rh_load_svg_layout layout,
                             struct rh_buf *out)
{
    assert(layout == RH_LOAD_SVG_WIDE || layout == RH_LOAD_SVG_NARROW ||
           layout == RH_LOAD_SVG_PRINT);
    struct rh_err werr;
    int wr = chart_words_check(&werr); /* its words whole, before any is drawn */
    if (wr)
        return wr;
    assert(wide_lay.weeks <= WEEKS_MAX && narrow_lay.weeks <= WEEKS_MAX &&
           print_lay.weeks <= WEEKS_MAX);
    return write_svg(r,
                     layout == RH_LOAD_SVG_NARROW  ? &narrow_lay
                     : layout == RH_LOAD_SVG_PRINT ? &print_lay
                                                   : &wide_lay,
                     false, out);
}

int rh_load_write_svg(const struct rh_load_report *r, struct rh_buf *out)
{
    struct rh_err werr;
    int wr = chart_words_check(&werr);
    if (wr)
        return wr;
    return write_svg(r, &wide_lay, true, out);
}
