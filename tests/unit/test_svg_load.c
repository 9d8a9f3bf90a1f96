/* SPDX-License-Identifier: MIT */
/*
 * The load chart: the SVG of a realistic 16-week history (with a build-up,
 * a jump, heart rate, pain diary entries) is parsed with expat and must be
 * well-formed with the expected parts: title, one bar per week, the ratio
 * band, the ratio and monotony lines, one marker per pain entry, axis
 * labels with units and the legend. A short history and a history without
 * pain entries are drawn too. The chart's path is printed so a person can
 * render it (rsvg-convert) and look at it.
 */
#include <expat.h>

#include "harness.h"
#include "runhip/load.h"
#include "test_load_synth.h"

#define MAX_MARKS 128
struct count {
    int depth, max_depth, elements;
    int svg, title, bars, band, acwr, ewma, mono, pain, text;
    int acwr_points; /* the points of the ratio lines (class acwr) */
    double mark_x[MAX_MARKS], mark_w[MAX_MARKS]; /* the pain markers' left edges, widths */
    double label_x[MAX_MARKS];                   /* the pain labels' centres */
    char label[MAX_MARKS][8];                    /* and their text */
    int n_labels;
    bool in_label;
    bool in_text;
    double font_min; /* the smallest font-size of a text (0: none) */
    char width[16], height[16]; /* the root's width and height attributes */
    double vb_w, vb_h; /* its viewBox */
    /* the text being read: where, how big, how anchored, how long */
    double tx, ty, tsize;
    char tanchor[8];
    bool trotated;
    size_t tchars;
    int outside; /* texts that (by a generous width estimate) leave the picture */
    char texts[8192];
    size_t tlen;
};

static const char *attr(const XML_Char **a, const char *name)
{
    for (int i = 0; a[i]; i += 2)
        if (strcmp(a[i], name) == 0)
            return a[i + 1];
    return NULL;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    struct count *c = ud;
    c->elements++;
    if (++c->depth > c->max_depth)
        c->max_depth = c->depth;
    const char *cls = attr(a, "class");
    if (strcmp(name, "svg") == 0) {
        if (!c->svg++) {
            snprintf(c->width, sizeof c->width, "%s", attr(a, "width") ? attr(a, "width") : "");
            snprintf(c->height, sizeof c->height, "%s", attr(a, "height") ? attr(a, "height") : "");
            const char *vb = attr(a, "viewBox");
            if (!vb || sscanf(vb, "0 0 %lf %lf", &c->vb_w, &c->vb_h) != 2)
                c->vb_w = c->vb_h = 0;
        }
    }
    else if (strcmp(name, "title") == 0 && c->depth == 2)
        c->title++;
    else if (strcmp(name, "text") == 0) {
        c->text++;
        const char *fs = attr(a, "font-size");
        double v = fs ? atof(fs) : 0;
        if (!fs || v <= 0)
            v = 1; /* a text without its size: counted as too small */
        if (c->font_min == 0 || v < c->font_min)
            c->font_min = v;
        c->in_text = true;
        c->tx = atof(attr(a, "x") ? attr(a, "x") : "0");
        c->ty = atof(attr(a, "y") ? attr(a, "y") : "0");
        c->tsize = v;
        snprintf(c->tanchor, sizeof c->tanchor, "%s",
                 attr(a, "text-anchor") ? attr(a, "text-anchor") : "start");
        c->trotated = attr(a, "transform") != NULL;
        c->tchars = 0;
    }
    if (!cls)
        return;
    if (strcmp(name, "rect") == 0 && strcmp(cls, "bar") == 0)
        c->bars++;
    else if (strcmp(name, "rect") == 0 && strcmp(cls, "acwr-band") == 0)
        c->band++;
    else if (strcmp(name, "polyline") == 0 && strcmp(cls, "acwr") == 0) {
        c->acwr++;
        const char *pts = attr(a, "points");
        for (const char *q = pts; q && *q; q++)
            c->acwr_points += *q == ',';
    }
    else if (strcmp(name, "polyline") == 0 && strcmp(cls, "acwr-ewma") == 0)
        c->ewma++;
    else if (strcmp(name, "polyline") == 0 && strcmp(cls, "monotony") == 0)
        c->mono++;
    else if ((strcmp(name, "path") == 0 || strcmp(name, "rect") == 0) &&
             strcmp(cls, "pain-marker") == 0) {
        if (c->pain < MAX_MARKS && strcmp(name, "rect") == 0) {
            c->mark_x[c->pain] = atof(attr(a, "x") ? attr(a, "x") : "0");
            c->mark_w[c->pain] = atof(attr(a, "width") ? attr(a, "width") : "0");
        }
        c->pain++;
    } else if (strcmp(name, "text") == 0 && strcmp(cls, "pain-label") == 0 &&
               c->n_labels < MAX_MARKS) {
        c->label_x[c->n_labels] = atof(attr(a, "x") ? attr(a, "x") : "0");
        c->label[c->n_labels][0] = '\0';
        c->n_labels++;
        c->in_label = true;
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    struct count *c = ud;
    c->depth--;
    c->in_label = false;
    if (strcmp(name, "text") == 0 && c->in_text) {
        /* DejaVu Sans: about 0.55 of the size a character on average,
         * 0.63 a digit; 0.6 is generous for words */
        double w = 0.6 * c->tsize * (double)c->tchars;
        double left = strcmp(c->tanchor, "end") == 0      ? c->tx - w
                      : strcmp(c->tanchor, "middle") == 0 ? c->tx - w / 2
                                                          : c->tx;
        bool out = c->ty > c->vb_h || c->ty - c->tsize < 0;
        if (!c->trotated) /* a rotated axis title runs along the height */
            out = out || left < 0 || left + w > c->vb_w;
        if (out) {
            fprintf(stderr, "  a text of %zu characters at %.0f,%.0f leaves the %.0fx%.0f picture\n",
                    c->tchars, c->tx, c->ty, c->vb_w, c->vb_h);
            c->outside++;
        }
        c->in_text = false;
    }
}

static void XMLCALL on_chars(void *ud, const XML_Char *s, int len)
{
    struct count *c = ud;
    if (c->in_text)
        for (int i = 0; i < len; i++)
            c->tchars += ((unsigned char)s[i] & 0xC0) != 0x80; /* characters, not bytes */
    if (c->in_label) {
        char *l = c->label[c->n_labels - 1];
        size_t have = strlen(l);
        if (have + (size_t)len < sizeof c->label[0]) {
            memcpy(l + have, s, (size_t)len);
            l[have + (size_t)len] = '\0';
        }
    }
    if (c->tlen + (size_t)len + 2 < sizeof c->texts) {
        memcpy(c->texts + c->tlen, s, (size_t)len);
        c->tlen += (size_t)len;
        c->texts[c->tlen++] = '|';
        c->texts[c->tlen] = '\0';
    }
}

/* Parses the SVG; false (and the expat error printed) if not well-formed. */
static bool parse_svg(const char *svg, size_t len, struct count *c)
{
    memset(c, 0, sizeof *c);
    XML_Parser p = XML_ParserCreate("UTF-8");
    XML_SetUserData(p, c);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_chars);
    bool ok = XML_Parse(p, svg, (int)len, 1) == XML_STATUS_OK;
    if (!ok)
        fprintf(stderr, "svg: %s at line %lu\n", XML_ErrorString(XML_GetErrorCode(p)),
                (unsigned long)XML_GetCurrentLineNumber(p));
    XML_ParserFree(p);
    return ok;
}

/* A small deterministic generator (xorshift) for the realistic history. */
/* A chart (or its text) kept next to the test's database, for a person to
 * look at; `ext` names the kind (".svg", ".txt"). */
static void keep_as(const char *path, const char *ext, const struct rh_buf *b)
{
    char out[700];
    snprintf(out, sizeof out, "%s%s", path, ext);
    FILE *f = fopen(out, "wb");
    if (f) {
        fwrite(b->data, 1, b->len, f);
        fclose(f);
        if (strcmp(ext, ".svg") == 0)
            printf("# chart: %s\n", out);
    }
}

static uint32_t rng = 2463534242u;
static double rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return (rng % 10000) / 10000.0;
}

/* 16 weeks: easy runs Tue/Thu/Sat at about 5:45/km, a growing Sunday long
 * run, a jump in week 13, hot days in summer-like weeks, pain entries in
 * the last four weeks. Returns the as-of day. */
static int32_t realistic(struct rh_store *s, int *n_pain)
{
    *n_pain = 0;
    CHECK_INT(rh_store_meta_set(s, "profile.rest_hr", "52", NULL), 0);
    CHECK_INT(rh_store_meta_set(s, "profile.max_hr", "188", NULL), 0);
    for (int w = 0; w < 16; w++) {
        double scale = w < 12 ? 1.0 + 0.03 * w : w == 12 ? 2.0 : 1.2 - 0.1 * (w - 13);
        int days[] = {1, 3, 5, 6};
        for (int k = 0; k < 4; k++) {
            if (w == 14 && k == 1)
                continue; /* a missed run */
            double km = (k == 3 ? 12 : 6 + 2 * rnd()) * scale;
            struct syn_run r = syn_plain(km, km * (5.6 + 0.5 * rnd()));
            r.cad = 158 + 6 * rnd(); /* a low step rate: under 167 */
            r.hr = 138 + 14 * rnd();
            r.temp = (w >= 6 && w <= 8 && k == 2) ? 27 : 18;
            r.gear = w < 8 ? "Clifton 8" : "Pegasus 40";
            r.route = k == 0 ? 0 : k;
            syn_add(s, SYN_DAY0 + 7 * w + days[k], r);
        }
        if (w >= 12) { /* pain from the week of the jump */
            struct rh_pain_entry p = {0};
            p.day = SYN_DAY0 + 7 * w + 2;
            p.pain = 2 + (w - 12);
            p.during_run = p.next_morning = -1;
            CHECK_INT(rh_store_pain_add(s, &p, NULL, NULL), 0);
            (*n_pain)++;
            p.day += 4;
            p.pain = 3;
            CHECK_INT(rh_store_pain_add(s, &p, NULL, NULL), 0);
            (*n_pain)++;
        }
        if (w % 2 == 0) {
            struct rh_session e = {0};
            e.day = SYN_DAY0 + 7 * w + 4;
            e.kind = RH_SESSION_STRENGTH;
            e.minutes = 30;
            e.rpe = -1;
            CHECK_INT(rh_store_session_add(s, &e, NULL, NULL), 0);
        }
    }
    CHECK_INT(rh_store_shoe_put(s, "Clifton 8", 520, SYN_DAY0 - 200, SYN_DAY0 + 55, NULL), 0);
    return SYN_DAY0 + 7 * 16 - 1;
}

static void test_realistic_chart(void)
{
    char path[600];
    struct rh_store *s = syn_open(path, sizeof path);
    int n_pain;
    int32_t as_of = realistic(s, &n_pain);
    struct rh_load_report r;
    struct rh_err e;
    CHECK_INT(rh_load_report_build(s, as_of, &r, &e), 0);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_load_write_svg(&r, &b), 0);
    struct count c;
    CHECK(parse_svg(b.data, b.len, &c));
    CHECK_INT(c.svg, 1);
    CHECK_INT(c.title, 1);
    CHECK_INT(c.bars, 16);
    CHECK_INT(c.band, 1);
    CHECK(c.acwr >= 1);
    CHECK(c.ewma >= 1);
    CHECK(c.mono >= 1);
    CHECK_INT(c.pain, n_pain);
    /* shown by itself at its 900 px: no text under 12 px, also on a phone */
    CHECK(c.font_min >= 12);
    CHECK(strstr(c.texts, "Training load, last 16 weeks to 2026-04-26") != NULL);
    /* a chart file of its own says it is information, not a diagnosis, once
     * (once24) */
    {
        const char *d = strstr(b.data, "Information, not a diagnosis.</text>");
        CHECK(d != NULL && strstr(d + 16, "not a diagnosis") == NULL);
    }
    CHECK(strstr(c.texts, "distance (km per week)") != NULL);
    CHECK(strstr(c.texts, "ratio (no unit)") != NULL);
    CHECK(strstr(c.texts, "week of (its Monday)") != NULL);
    CHECK(strstr(c.texts, "ratio band 0.8-1.3") != NULL);
    CHECK(strstr(c.texts, "pain diary entry (0-10)") != NULL);
    /* ux26: the legend in a runner's words, no formula */
    CHECK(strstr(c.texts, "7-day load / 28-day load (ratio)") != NULL);
    CHECK(strstr(c.texts, "monotony: how alike the days are") != NULL);
    CHECK(strstr(c.texts, "2/(N+1)") == NULL && strstr(c.texts, "mean/SD") == NULL);
    CHECK(strstr(c.texts, "heart rate (TRIMP)") != NULL);
    CHECK(strstr(c.texts, "2026-04-26") != NULL); /* last x label */
    /* the history has the expected findings, the spike-type ones first */
    CHECK(rh_load_report_finding(&r, "weekly_jump") != NULL);
    CHECK(rh_load_report_finding(&r, "low_cadence") != NULL);
    /* keep the chart for a person to look at */
    keep_as(path, ".svg", &b);
    rh_buf_reset(&b);
    CHECK_INT(rh_load_write_text(&r, &b), 0);
    keep_as(path, ".txt", &b);
    rh_buf_release(&b);
    rh_load_report_release(&r);
    rh_store_close(s);
}

/* Two days of data, no pain entries: one bar per week, no ratio line
 * (not computable), a note instead of pain markers; still well-formed. */
static void test_short_history_chart(void)
{
    char path[600];
    struct rh_store *s = syn_open(path, sizeof path);
    syn_add(s, SYN_DAY0, syn_plain(5, 30));
    syn_add(s, SYN_DAY0 + 1, syn_plain(7, 42));
    struct rh_load_report r;
    CHECK_INT(rh_load_report_build(s, SYN_DAY0 + 1, &r, NULL), 0);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_load_write_svg(&r, &b), 0);
    struct count c;
    CHECK(parse_svg(b.data, b.len, &c));
    CHECK_INT(c.bars, 1);
    CHECK_INT(c.acwr, 0);
    CHECK_INT(c.pain, 0);
    CHECK(c.font_min >= 12);
    CHECK(strstr(c.texts, "no pain entries") != NULL);
    rh_buf_release(&b);
    rh_load_report_release(&r);
    rh_store_close(s);
}

/* The data ended four weeks before the day asked: the weeks after the
 * newest run draw no ratio (they are no measure of training, and the text
 * says "no recent runs", not 0.00), while the weeks with runs keep theirs. */
static void test_no_ratio_after_data(void)
{
    char path[600];
    struct rh_store *s = syn_open(path, sizeof path);
    int n_pain;
    int32_t last = realistic(s, &n_pain);
    struct rh_load_report r;
    struct rh_buf b;
    rh_buf_init(&b, 0);
    struct count c;
    CHECK_INT(rh_load_report_build(s, last, &r, NULL), 0);
    CHECK_INT(rh_load_write_svg(&r, &b), 0);
    CHECK(parse_svg(b.data, b.len, &c));
    int at_end = c.acwr_points;
    CHECK(at_end >= 12); /* 16 weeks shown, ratios from the fourth on */
    rh_load_report_release(&r);
    rh_buf_reset(&b);
    CHECK_INT(rh_load_report_build(s, last + 28, &r, NULL), 0);
    CHECK(r.newest_run_day >= 0 && r.newest_run_day < last + 28 - 21);
    CHECK_INT(rh_load_write_svg(&r, &b), 0);
    CHECK(parse_svg(b.data, b.len, &c));
    CHECK_INT(c.bars, 16);
    /* 16 weeks shown, the last four after the newest run: at most one
     * point for each of the twelve with runs (the empty weeks' ratios of
     * 0.0 were drawn before, a line falling to the floor) */
    CHECK(c.acwr_points >= 1 && c.acwr_points <= 12);
    rh_buf_release(&b);
    rh_load_report_release(&r);
    rh_store_close(s);
}

/* A capped buffer that is too small gives RH_ELIMIT, not a broken file. */
static void test_svg_buffer_cap(void)
{
    char path[600];
    struct rh_store *s = syn_open(path, sizeof path);
    syn_add(s, SYN_DAY0, syn_plain(5, 30));
    struct rh_load_report r;
    CHECK_INT(rh_load_report_build(s, SYN_DAY0, &r, NULL), 0);
    struct rh_buf b;
    rh_buf_init(&b, 512);
    int rc = rh_load_write_svg(&r, &b);
    CHECK(rc == RH_ELIMIT || rc == RH_ENOMEM);
    rh_buf_release(&b);
    rh_load_report_release(&r);
    rh_store_close(s);
}

/* Pain logged on consecutive days (two entries on one of them): one marker a
 * day with the day's worst pain, no two markers overlapping, a figure above
 * a marker only where it fits (never two overlapping, the worst pain always
 * labelled), and the text alternative naming every day with its pain. */
static void test_consecutive_pain_days(void)
{
    char path[600];
    struct rh_store *s = syn_open(path, sizeof path);
    for (int w = 0; w < 16; w++)
        for (int k = 0; k < 3; k++)
            syn_add(s, SYN_DAY0 + 7 * w + 2 * k, syn_plain(8, 48));
    int32_t as_of = SYN_DAY0 + 7 * 16 - 1;
    static const int pain[] = {3, 4, 6, 5, 7, 8, 6, 4, 3, 10, 2, 5, 6, 5};
    int n = (int)(sizeof pain / sizeof pain[0]);
    for (int i = 0; i < n; i++) {
        struct rh_pain_entry p = {.day = as_of - n + 1 + i, .pain = pain[i], .during_run = -1,
                                  .next_morning = -1};
        CHECK_INT(rh_store_pain_add(s, &p, NULL, NULL), 0);
    }
    /* a second, milder entry on the day of the worst pain */
    struct rh_pain_entry p = {.day = as_of - n + 1 + 9, .pain = 1, .during_run = -1,
                              .next_morning = -1};
    CHECK_INT(rh_store_pain_add(s, &p, NULL, NULL), 0);
    struct rh_load_report r;
    CHECK_INT(rh_load_report_build(s, as_of, &r, NULL), 0);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_load_write_svg(&r, &b), 0);
    struct count *c = rh_calloc(1, sizeof *c);
    CHECK(c != NULL);
    if (!c)
        return;
    CHECK(parse_svg(b.data, b.len, c));
    CHECK_INT(c->pain, n);
    CHECK(c->font_min >= 12);
    /* markers side by side: sorted by their left edge, none reaches the next */
    for (int i = 0; i < c->pain && i < MAX_MARKS; i++)
        for (int j = i + 1; j < c->pain && j < MAX_MARKS; j++) {
            int lo = c->mark_x[i] < c->mark_x[j] ? i : j, hi = lo == i ? j : i;
            if (c->mark_x[lo] + c->mark_w[lo] > c->mark_x[hi] + 0.01)
                fprintf(stderr, "  markers at %.1f (%.1f wide) and %.1f overlap\n",
                        c->mark_x[lo], c->mark_w[lo], c->mark_x[hi]);
            CHECK(c->mark_w[lo] > 0 && c->mark_x[lo] + c->mark_w[lo] <= c->mark_x[hi] + 0.01);
        }
    /* labels: each a figure 0-10, no two overlapping (a 12-unit digit is
     * about 7.6 units wide), fewer than the days, the 10 among them */
    bool ten = false;
    CHECK(c->n_labels >= 2 && c->n_labels < n);
    for (int i = 0; i < c->n_labels; i++) {
        ten |= strcmp(c->label[i], "10") == 0;
        double hi = 7.6 * (double)strlen(c->label[i]) / 2;
        for (int j = i + 1; j < c->n_labels; j++) {
            double hj = 7.6 * (double)strlen(c->label[j]) / 2;
            bool apart = c->label_x[i] + hi <= c->label_x[j] - hj ||
                         c->label_x[j] + hj <= c->label_x[i] - hi;
            if (!apart)
                fprintf(stderr, "  labels %s at %.1f and %s at %.1f overlap\n", c->label[i],
                        c->label_x[i], c->label[j], c->label_x[j]);
            CHECK(apart);
        }
    }
    CHECK(ten);
    /* the text alternative: every day with its worst pain */
    for (int i = 0; i < n; i++) {
        char d[11], want[24];
        rh_date_format(as_of - n + 1 + i, d);
        snprintf(want, sizeof want, "%s %d/10", d, pain[i]);
        if (!strstr(c->texts, want))
            fprintf(stderr, "  the text alternative lacks '%s'\n", want);
        CHECK(strstr(c->texts, want) != NULL);
    }
    keep_as(path, ".svg", &b);
    rh_free(c);
    rh_buf_release(&b);
    rh_load_report_release(&r);
    rh_store_close(s);
}

/* Each layout scales to the width it is given (width 100%, a viewBox, no
 * size in pixels) and keeps its text inside the picture at 12 units or
 * more: the narrow one 340 units wide, so 12 px or more on a 390 px phone
 * (358 px less the margins), 8 weeks, every pain day of them marked. */
static void test_layouts_fit(void)
{
    char path[600];
    struct rh_store *s = syn_open(path, sizeof path);
    int n_pain;
    int32_t as_of = realistic(s, &n_pain);
    struct rh_load_report r;
    CHECK_INT(rh_load_report_build(s, as_of, &r, NULL), 0);
    static const struct {
        enum rh_load_svg_layout layout;
        double w;
        int weeks;
    } want[] = {{RH_LOAD_SVG_WIDE, 900, 16}, {RH_LOAD_SVG_NARROW, 340, 8},
                {RH_LOAD_SVG_PRINT, 900, 16}};
    double wide_h = 0;
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        struct rh_buf b;
        rh_buf_init(&b, 0);
        CHECK_INT(rh_load_write_svg_layout(&r, want[k].layout, &b), 0);
        struct count *c = rh_calloc(1, sizeof *c);
        CHECK(c != NULL);
        if (!c)
            return;
        CHECK(parse_svg(b.data, b.len, c));
        CHECK_STR(c->width, "100%");
        CHECK_STR(c->height, ""); /* its height follows from the width */
        CHECK(c->vb_w == want[k].w);
        CHECK(c->vb_h > 300 && c->vb_h < 1000);
        CHECK_INT(c->bars, want[k].weeks);
        CHECK(c->font_min >= 12);
        CHECK_INT(c->outside, 0);
        CHECK(c->acwr >= 1 && c->mono >= 1);
        /* the pain days of the weeks shown, one marker each */
        int days = 0; /* the calendar weeks shown: from a Monday */
        int32_t from = as_of - 7 * want[k].weeks + 1;
        from -= (((from + 3) % 7) + 7) % 7; /* day 0 was a Thursday */
        for (size_t i = 0; i < r.n_days; i++)
            days += r.days[i].pain >= 0 && r.days[i].day >= from;
        CHECK_INT(c->pain, days);
        CHECK(c->n_labels >= 1);
        char t[64];
        snprintf(t, sizeof t, "Training load, last %d weeks", want[k].weeks);
        CHECK(strstr(c->texts, t) != NULL);
        CHECK(strstr(c->texts, "2026-04-20") != NULL); /* the last week, dated by its Monday */
        /* drawn into a page, which says the disclaimer itself (once24) */
        CHECK(strstr(b.data, "not a diagnosis") == NULL);
        CHECK(strstr(b.data, "contested figures.</text>") != NULL);
        if (want[k].layout == RH_LOAD_SVG_WIDE)
            wide_h = c->vb_h;
        /* phys28: the printed report's chart, under the report's heading:
         * no title drawn (its <title> stays, above), at most 2/3 of the
         * wide one's height, every part still in the picture */
        if (want[k].layout == RH_LOAD_SVG_PRINT) {
            CHECK(wide_h > 0 && c->vb_h <= wide_h * 2 / 3);
            CHECK(strstr(b.data, "font-weight=\"bold\"") == NULL);
            CHECK(strstr(b.data, "<title id=\"title\">Training load, last 16 weeks") != NULL);
        }
        keep_as(path, want[k].layout == RH_LOAD_SVG_NARROW ? ".phone.svg"
                      : want[k].layout == RH_LOAD_SVG_PRINT ? ".print.svg"
                                                             : ".svg", &b);
        rh_free(c);
        rh_buf_release(&b);
    }
    rh_load_report_release(&r);
    rh_store_close(s);
}

int main(void)
{
    RUN(test_realistic_chart);
    RUN(test_layouts_fit);
    RUN(test_short_history_chart);
    RUN(test_no_ratio_after_data);
    RUN(test_svg_buffer_cap);
    RUN(test_consecutive_pain_days);
    return TEST_END();
}
