/* SPDX-License-Identifier: MIT */
/*
 * The training-load chart as a standalone SVG (the dashboard embeds the
 * same text): weekly running distance as bars, the pain diary as one
 * marker a day (the day's worst pain) on a strip under them, and below the acute:chronic load ratio
 * (rolling and exponentially weighted) over its 0.8-1.3 band with the 1.5
 * line, and Foster monotony with its 2.0 line. Title, axes with units, a
 * legend and a footnote on the method make it readable on its own. Its
 * text is at least 12 units (TEXT_MIN): opened by itself it is shown at
 * its 900 px, so the text is at least 12 px on any screen (a phone scrolls
 * it sideways; the web page draws its own narrow chart for a phone).
 */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "load/load_int.h"
#include "util/banned.h"

#define SVG_WEEKS 16
#define TEXT_MIN 12 /* units = px when shown at its own size */
#define W 900
#define H 600
#define X0 70  /* left edge of the plots */
#define X1 828 /* right edge (threshold labels go right of it) */
#define P1_TOP 78
#define P1_BOT 290
#define PAIN_TOP 306
#define PAIN_BOT 336
#define PAIN_BAR_MIN 3   /* a pain-0 day still shows */
#define PAIN_BAR_MAX 15  /* pain 10: under the labels at the top of the strip */
#define PAIN_DIGIT_W 7.7 /* width of a 12-unit digit (DejaVu Sans: 7.63) */
#define PAIN_LABELS_MAX (7 * SVG_WEEKS)
#define P2_TOP 362
#define P2_BOT 492

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

/* The line of one ratio series over the shown weeks; gaps where NaN. */
static void ratio_line(struct svg *s, const struct rh_load_week *wk, size_t n, size_t field_off,
                       double slot, double ymax, const char *color, const char *dash,
                       const char *cls)
{
    bool open = false;
    for (size_t i = 0; i < n; i++) {
        double v = *(const double *)((const char *)&wk[i] + field_off);
        if (!rh_has(v) || !isfinite(v)) {
            if (open)
                out(s, "\"/>\n");
            open = false;
            continue;
        }
        double x = X0 + slot * ((double)i + 0.5);
        double y = P2_BOT - (fmin(v, ymax) / ymax) * (P2_BOT - P2_TOP);
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
        double v = *(const double *)((const char *)&wk[i] + field_off);
        if (!rh_has(v) || !isfinite(v))
            continue;
        double x = X0 + slot * ((double)i + 0.5);
        double y = P2_BOT - (fmin(v, ymax) / ymax) * (P2_BOT - P2_TOP);
        out(s, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", x, y, color);
    }
}

static void legend_item(struct svg *s, double x, double y, const char *kind, const char *color,
                        const char *label)
{
    if (strcmp(kind, "bar") == 0)
        out(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\"/>\n", x, y - 9,
            color);
    else if (strcmp(kind, "band") == 0)
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

int rh_load_write_svg(const struct rh_load_report *r, struct rh_buf *buf)
{
    struct svg sv = {buf, 0}, *s = &sv;
    size_t nw = r->n_weeks < SVG_WEEKS ? r->n_weeks : SVG_WEEKS;
    const struct rh_load_week *wk = r->weeks + (r->n_weeks - nw);
    double slot = (double)(X1 - X0) / (double)(nw ? nw : 1);
    int32_t day0 = nw ? wk[0].from : r->as_of;
    char a[11], t[160];
    rh_date_format(r->as_of, a);

    out(s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
        "role=\"img\" aria-labelledby=\"title desc\">\n",
        W, H, W, H);
    snprintf(t, sizeof t, "Training load, last %zu weeks to %s", nw, a);
    out(s, "<title id=\"title\">%s</title>\n", t);
    /* the text alternative names every pain day the strip draws: its
     * labels are left out where they would not fit */
    out(s, "<desc id=\"desc\">Weekly running distance in km, pain diary entries, the "
           "acute:chronic load ratio with its 0.8-1.3 band and Foster monotony.");
    {
        int k = 0;
        for (size_t i = 0; i < r->n_days; i++) {
            const struct rh_load_day *d = &r->days[i];
            if (d->pain < 0 || d->day < day0)
                continue;
            char dd[11];
            rh_date_format(d->day, dd);
            out(s, "%s %s %d/10", k++ ? "," : " Pain (the worst of each day):", dd, d->pain);
        }
        if (k)
            out(s, ".");
    }
    out(s, "</desc>\n");
    out(s, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", W, H);
    text(s, W / 2.0, 28, "middle", 18, " font-weight=\"bold\" fill=\"" C_TEXT "\"", t);
    text(s, W / 2.0, 48, "middle", 12, " fill=\"#555555\"",
         "Each bar and point is the 7 days ending on the date below it");

    /* panel 1: weekly distance */
    double kmax = 10;
    for (size_t i = 0; i < nw; i++)
        if (wk[i].km > kmax)
            kmax = wk[i].km;
    double step = nice_step(kmax, 5);
    kmax = ceil(kmax / step) * step;
    out(s, "<g class=\"distance\">\n");
    for (double v = 0; v <= kmax + 1e-9; v += step) {
        double y = P1_BOT - v / kmax * (P1_BOT - P1_TOP);
        out(s, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"" C_GRID "\"/>\n", X0, y,
            X1, y);
        snprintf(t, sizeof t, "%g", v);
        text(s, X0 - 6, y + 4, "end", 12, NULL, t);
    }
    text(s, 18, (P1_TOP + P1_BOT) / 2.0, "middle", 12,
         " transform=\"rotate(-90 18 184)\" fill=\"" C_TEXT "\"", "distance (km per week)");
    for (size_t i = 0; i < nw; i++) {
        double h = wk[i].km / kmax * (P1_BOT - P1_TOP);
        double x = X0 + slot * (double)i + slot * 0.15;
        out(s,
            "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
            "fill=\"" C_BAR "\"><title>%.1f km</title></rect>\n",
            x, P1_BOT - h, slot * 0.7, h, wk[i].km);
        if (wk[i].km > 0 && slot >= 30) {
            snprintf(t, sizeof t, "%.0f", wk[i].km);
            text(s, x + slot * 0.35, P1_BOT - h - 4, "middle", 12, NULL, t);
        }
    }
    out(s, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" C_TEXT "\"/>\n", X0, P1_BOT,
        X1, P1_BOT);
    out(s, "</g>\n");

    /* pain strip */
    out(s, "<g class=\"pain\">\n");
    out(s,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
        "stroke=\"" C_GRID "\"/>\n",
        X0, PAIN_TOP, X1 - X0, PAIN_BOT - PAIN_TOP);
    text(s, X0 - 6, (PAIN_TOP + PAIN_BOT) / 2.0 + 4, "end", 12, NULL, "pain 0-10");
    /* one marker a day (the day's worst pain, r->days), a bar as high as the
     * pain and never wider than its day, so that entries on consecutive days
     * stand side by side; the figure above a marker only where it fits, the
     * worst pain first (the text alternative lists them all) */
    int n_pain = 0;
    double dayw = (double)(X1 - X0) / (7.0 * (double)(nw ? nw : 1));
    double mw = fmin(12, dayw * 0.8);
    double lx[PAIN_LABELS_MAX][2]; /* the labels placed: left and right edges */
    int nl = 0;
    for (int level = 10; level >= 0; level--) {
        for (size_t i = r->n_days; i-- > 0;) {
            const struct rh_load_day *d = &r->days[i];
            if (d->pain != level || d->day < day0)
                continue;
            double x = X0 + ((double)(d->day - day0) + 0.5) * dayw;
            double h = PAIN_BAR_MIN + (PAIN_BAR_MAX - PAIN_BAR_MIN) * d->pain / 10.0;
            char dd[11];
            rh_date_format(d->day, dd);
            out(s,
                "<rect class=\"pain-marker\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                "height=\"%.1f\" fill=\"" C_PAIN "\"><title>%s: pain %d/10</title></rect>\n",
                x - mw / 2, PAIN_BOT - 1 - h, mw, h, dd, d->pain);
            n_pain++;
            snprintf(t, sizeof t, "%d", d->pain);
            double half = PAIN_DIGIT_W * (double)strlen(t) / 2 + 1;
            bool fits = nl < PAIN_LABELS_MAX && x - half >= X0 && x + half <= X1;
            for (int k = 0; fits && k < nl; k++)
                fits = x + half <= lx[k][0] || x - half >= lx[k][1];
            if (!fits)
                continue;
            lx[nl][0] = x - half;
            lx[nl][1] = x + half;
            nl++;
            text(s, x, PAIN_TOP + 12, "middle", 12, " class=\"pain-label\" fill=\"" C_PAIN "\"", t);
        }
    }
    if (!n_pain)
        text(s, (X0 + X1) / 2.0, (PAIN_TOP + PAIN_BOT) / 2.0 + 4, "middle", 12, " fill=\"#888888\"",
             "no pain entries in the diary for these weeks");
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
    const struct rh__load_settings *set = &r->rules->set;
    out(s, "<g class=\"ratios\">\n");
    double yb1 = P2_BOT - set->acwr_band_high / rmax * (P2_BOT - P2_TOP);
    double yb0 = P2_BOT - set->acwr_band_low / rmax * (P2_BOT - P2_TOP);
    out(s,
        "<rect class=\"acwr-band\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
        "fill=\"" C_BAND "\"/>\n",
        X0, yb1, X1 - X0, yb0 - yb1);
    for (double v = 0; v <= rmax + 1e-9; v += 0.5) {
        double y = P2_BOT - v / rmax * (P2_BOT - P2_TOP);
        out(s, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"" C_GRID "\"/>\n", X0, y,
            X1, y);
        snprintf(t, sizeof t, "%.1f", v);
        text(s, X0 - 6, y + 4, "end", 12, NULL, t);
    }
    double thr_acwr = rh__load_rule_of(r->rules, RH_FINDING_acwr_high)->threshold;
    double thr_mono = rh__load_rule_of(r->rules, RH_FINDING_monotony_high)->threshold;
    double ya = P2_BOT - thr_acwr / rmax * (P2_BOT - P2_TOP);
    double ym = P2_BOT - thr_mono / rmax * (P2_BOT - P2_TOP);
    out(s,
        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"" C_ACWR "\" "
        "stroke-dasharray=\"2 3\"/>\n",
        X0, ya, X1, ya);
    snprintf(t, sizeof t, "ratio %.1f", thr_acwr);
    text(s, X1 + 3, ya + 4, "start", 12, " fill=\"" C_ACWR "\"", t);
    out(s,
        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"" C_MONO "\" "
        "stroke-dasharray=\"2 3\"/>\n",
        X0, ym, X1, ym);
    snprintf(t, sizeof t, "mono. %.1f", thr_mono);
    text(s, X1 + 3, ym + 4, "start", 12, " fill=\"" C_MONO "\"", t);
    text(s, 18, (P2_TOP + P2_BOT) / 2.0, "middle", 12,
         " transform=\"rotate(-90 18 427)\" fill=\"" C_TEXT "\"", "ratio (no unit)");
    ratio_line(s, wk, nw, offsetof(struct rh_load_week, acwr_rolling), slot, rmax, C_ACWR, "",
               "acwr");
    ratio_line(s, wk, nw, offsetof(struct rh_load_week, acwr_ewma), slot, rmax, C_EWMA,
               " stroke-dasharray=\"6 3\"", "acwr-ewma");
    ratio_line(s, wk, nw, offsetof(struct rh_load_week, monotony), slot, rmax, C_MONO, "",
               "monotony");
    out(s, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" C_TEXT "\"/>\n", X0, P2_BOT,
        X1, P2_BOT);
    out(s, "</g>\n");

    /* x axis: week end dates */
    out(s, "<g class=\"x-axis\">\n");
    size_t every = nw > 10 ? 2 : 1; /* dates need about 60 px */
    for (size_t i = 0; i < nw; i++) {
        if ((nw - 1 - i) % every)
            continue;
        int y, m, d;
        rh_civil_from_days(wk[i].to, &y, &m, &d);
        snprintf(t, sizeof t, "%d-%02d-%02d", y, m, d);
        text(s, X0 + slot * ((double)i + 0.5), P2_BOT + 16, "middle", 12, NULL, t);
    }
    text(s, (X0 + X1) / 2.0, P2_BOT + 32, "middle", 12, " fill=\"" C_TEXT "\"",
         "week ending (date, UTC)");
    out(s, "</g>\n");

    /* legend */
    out(s, "<g class=\"legend\">\n");
    double ly = H - 50;
    legend_item(s, X0, ly, "bar", C_BAR, "distance per week (km)");
    legend_item(s, X0 + 200, ly, "pain", C_PAIN, "pain diary entry (0-10)");
    legend_item(s, X0 + 400, ly, "band", C_BAND, "ratio band 0.8-1.3");
    legend_item(s, X0 + 580, ly, "dot", C_ACWR, "thresholds 1.5 / 2.0");
    legend_item(s, X0, ly + 20, "line", C_ACWR, "acute:chronic ratio, 7/28-day averages");
    legend_item(s, X0 + 300, ly + 20, "dash", C_EWMA, "same, weighted 2/(N+1)");
    legend_item(s, X0 + 520, ly + 20, "line", C_MONO, "monotony (mean/SD of daily load)");
    out(s, "</g>\n");
    snprintf(t, sizeof t,
             "Load measured by %s. Ratios and monotony are contested figures. Information, not "
             "a diagnosis.",
             r->main_method == RH_LOAD_SRPE    ? "session-RPE"
             : r->main_method == RH_LOAD_TRIMP ? "heart rate (TRIMP)"
                                               : "pace");
    text(s, X0, H - 8, "start", 12, " fill=\"#555555\"", t);
    out(s, "</svg>\n");
    return s->r;
}
