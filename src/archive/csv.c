/* SPDX-License-Identifier: MIT */
/*
 * A small RFC 4180 CSV reader and the Strava bulk-export activities.csv
 * table built on it. Strava writes quoted dates with commas ("Oct 11, 2017,
 * 4:48:25 PM"), descriptions with newlines, and repeats some column names
 * (Elapsed Time, Distance): columns are found by name, first one wins.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/banned.h"

#define CSV_MAX_FIELDS 512

/* Field text lives in one buffer; offs[] are starts of the fields in it. */
struct csv_state {
    struct rh_buf text;
    size_t offs[CSV_MAX_FIELDS];
    size_t n;
};

/* The list is damaged at line: why, a [file_words] detail with no hole. */
static int list_damaged(struct rh_err *err, long line, const char *why)
{
    char d[100];
    rh__file_say(d, sizeof d, why, (const char *)NULL);
    return rh__file_err_detail(err, RH_ESYNTAX, line, "list_damaged", d);
}

static int end_field(struct csv_state *st, long line, struct rh_err *err)
{
    if (rh_buf_append(&st->text, "", 1))
        return rh_err_setl(err, RH_ENOMEM, line, "out of memory");
    if (st->n + 1 >= CSV_MAX_FIELDS) {
        char m[32], d[100];
        snprintf(m, sizeof m, "%d", CSV_MAX_FIELDS - 1);
        rh__file_say(d, sizeof d, "list_detail_columns", "max", m, (const char *)NULL);
        return rh__file_err_detail(err, RH_ELIMIT, line, "list_damaged", d);
    }
    st->offs[++st->n] = st->text.len;
    return 0;
}

static int emit_row(struct csv_state *st, rh__csv_row_fn fn, void *ctx, long line,
                    struct rh_err *err)
{
    char *fields[CSV_MAX_FIELDS];
    for (size_t i = 0; i < st->n; i++)
        fields[i] = st->text.data + st->offs[i];
    int r = fn(ctx, fields, st->n, line, err);
    rh_buf_reset(&st->text);
    st->n = 0;
    st->offs[0] = 0;
    return r;
}

int rh__csv_parse(const char *text, size_t len, rh__csv_row_fn fn, void *ctx, struct rh_err *err)
{
    struct csv_state st;
    rh_buf_init(&st.text, 0);
    st.n = 0;
    st.offs[0] = 0;
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    long line = 1, row_line = 1;
    int r = 0;
    bool in_record = false;
    while (i < len && r == 0) {
        char c = text[i];
        if (!in_record) {
            row_line = line;
            in_record = true;
        }
        if (c == '"') {
            /* quoted field: runs to the closing quote */
            i++;
            for (;;) {
                if (i >= len) {
                    r = list_damaged(err, row_line, "list_detail_open_quote");
                    break;
                }
                if (text[i] == '"') {
                    if (i + 1 < len && text[i + 1] == '"') {
                        r = rh_buf_append(&st.text, "\"", 1);
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (text[i] == '\n')
                    line++;
                r = rh_buf_append(&st.text, &text[i], 1);
                i++;
                if (r)
                    break;
            }
            if (r) {
                if (r == RH_ENOMEM)
                    rh_err_set(err, r, "out of memory");
                break;
            }
            if (i < len && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                r = list_damaged(err, line, "list_detail_after_quote");
                break;
            }
            continue;
        }
        if (c == ',') {
            r = end_field(&st, line, err);
            i++;
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
                i++;
            i++;
            line++;
            if ((r = end_field(&st, line, err)) == 0)
                r = emit_row(&st, fn, ctx, row_line, err);
            in_record = false;
            continue;
        }
        size_t j = i;
        while (j < len && text[j] != ',' && text[j] != '\n' && text[j] != '\r' && text[j] != '"')
            j++;
        if (j < len && text[j] == '"') {
            r = list_damaged(err, line, "list_detail_quote_inside");
            break;
        }
        if (rh_buf_append(&st.text, text + i, j - i))
            r = rh_err_set(err, RH_ENOMEM, "out of memory");
        i = j;
    }
    if (r == 0 && in_record) {
        if ((r = end_field(&st, line, err)) == 0)
            r = emit_row(&st, fn, ctx, row_line, err);
    }
    rh_buf_release(&st.text);
    return r;
}

/* ---- Strava activities.csv ------------------------------------------------ */

void rh__strava_init(struct rh__strava *t)
{
    memset(t, 0, sizeof *t);
}

void rh__strava_release(struct rh__strava *t)
{
    for (size_t i = 0; i < t->n; i++) {
        rh_free(t->rows[i].file);
        rh_free(t->rows[i].name);
        rh_free(t->rows[i].type);
        rh_free(t->rows[i].gear);
    }
    rh_free(t->rows);
    rh_free(t->prefix);
    rh__strava_init(t);
}

struct strava_ctx {
    struct rh__strava *t;
    long col_file, col_name, col_type, col_gear;
    bool have_header;
};

static char *dup_or_null(const char *s)
{
    return s && *s ? rh_strdup(s) : NULL;
}

static const char *col(char **f, size_t n, long i)
{
    return i >= 0 && (size_t)i < n ? f[i] : NULL;
}

static int strava_row(void *vctx, char **f, size_t n, long line, struct rh_err *err)
{
    struct strava_ctx *c = vctx;
    if (!c->have_header) {
        c->have_header = true;
        for (size_t i = n; i-- > 0;) {
            /* backwards, so the first of a repeated name wins */
            if (strcmp(f[i], "Filename") == 0)
                c->col_file = (long)i;
            else if (strcmp(f[i], "Activity Name") == 0)
                c->col_name = (long)i;
            else if (strcmp(f[i], "Activity Type") == 0)
                c->col_type = (long)i;
            else if (strcmp(f[i], "Activity Gear") == 0)
                c->col_gear = (long)i;
        }
        if (c->col_file < 0)
            return rh__file_errl(err, RH_EFORMAT, line, "list_no_filename", (const char *)NULL);
        return 0;
    }
    const char *file = col(f, n, c->col_file);
    if (!file || !*file)
        return 0; /* an activity entered by hand: no file */
    struct rh__strava *t = c->t;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        struct rh__strava_row *rows = rh_realloc(t->rows, cap * sizeof *rows);
        if (!rows)
            return rh_err_set(err, RH_ENOMEM, "out of memory");
        t->rows = rows;
        t->cap = cap;
    }
    struct rh__strava_row *row = &t->rows[t->n];
    row->file = rh_strdup(file);
    row->name = dup_or_null(col(f, n, c->col_name));
    row->type = dup_or_null(col(f, n, c->col_type));
    row->gear = dup_or_null(col(f, n, c->col_gear));
    t->n++;
    if (!row->file || (col(f, n, c->col_name) && *col(f, n, c->col_name) && !row->name) ||
        (col(f, n, c->col_type) && *col(f, n, c->col_type) && !row->type) ||
        (col(f, n, c->col_gear) && *col(f, n, c->col_gear) && !row->gear))
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    return 0;
}

static int row_cmp(const void *a, const void *b)
{
    const struct rh__strava_row *x = a, *y = b;
    return strcmp(x->file, y->file);
}

int rh__strava_load(struct rh__strava *t, const char *text, size_t len, struct rh_err *err)
{
    struct strava_ctx c = {t, -1, -1, -1, -1, false};
    int r = rh__csv_parse(text, len, strava_row, &c, err);
    if (r == 0 && !c.have_header)
        r = rh__file_err(err, RH_EFORMAT, "list_empty", (const char *)NULL);
    if (r == 0 && t->n > 1)
        qsort(t->rows, t->n, sizeof *t->rows, row_cmp);
    return r;
}

const struct rh__strava_row *rh__strava_find(const struct rh__strava *t, const char *member)
{
    if (!t || t->n == 0)
        return NULL;
    size_t pl = t->prefix ? strlen(t->prefix) : 0;
    if (pl && strncmp(member, t->prefix, pl) != 0)
        return NULL;
    struct rh__strava_row key = {(char *)(member + pl), NULL, NULL, NULL};
    return bsearch(&key, t->rows, t->n, sizeof *t->rows, row_cmp);
}

/* ---- rows without a file: activities entered by hand -------------------- */

static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* Strava's "Activity Date", UTC: "Oct 11, 2017, 4:48:25 PM" (the bulk
 * export), or "2017-10-11 16:48:25". 0 with *t, or RH_ESYNTAX. */
static int strava_date(const char *s, int64_t *t)
{
    int y, mo = 0, d, h, mi, sec;
    char mon[4], ampm[3];
    if (sscanf(s, "%3s %d, %d, %d:%d:%d %2s", mon, &d, &y, &h, &mi, &sec, ampm) == 7) {
        for (int i = 0; i < 12; i++)
            if (strcmp(mon, months[i]) == 0)
                mo = i + 1;
        if (h < 1 || h > 12 || (strcmp(ampm, "AM") && strcmp(ampm, "PM")))
            return RH_ESYNTAX;
        h = h % 12 + (ampm[0] == 'P' ? 12 : 0);
    } else if (sscanf(s, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &sec) != 6) {
        return RH_ESYNTAX;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 9999 || h < 0 || h > 23 ||
        mi < 0 || mi > 59 || sec < 0 || sec > 60)
        return RH_ESYNTAX;
    *t = (int64_t)rh_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    return 0;
}

/* The columns of a manual row. Strava repeats Elapsed Time (whole seconds,
 * then with decimals) and Distance (first in the athlete's unit, km or
 * miles; then in metres): the second Distance is the one in metres. Its
 * Average Speed is in metres a second. */
enum {
    M_ID, M_DATE, M_NAME, M_TYPE, M_FILE, M_GEAR, M_ELAPSED, M_MOVING, M_SPEED, /* first wins */
    M_ELAPSED2, M_DIST1, M_DIST_M, M_N
};

#define MILE_M 1609.344

struct manual_ctx {
    long col[M_N];
    bool have_header;
    const char *source; /* the CSV's display name, for each activity's file */
    rh_activity_fn fn;
    void *ctx;
    long emitted;
    int fail; /* the callback's value */
    /* the unit of the first Distance column, in metres: the header's
     * (0: not named), and the one used (the header's, else the rows'
     * votes in a first pass, else km, Strava's default) */
    double header_unit_m, unit_m;
    bool survey; /* the first pass: rows vote, nothing is handed over */
    long votes_km, votes_mi;
    struct rh_infer_rules rules; /* what is possible on foot and on a bicycle */
    bool have_rules;
};

static double num_or_none(const char *s)
{
    double v;
    return s && *s && rh_parse_double(s, &v) == 0 && v >= 0 ? v : RH_NONE;
}

/* The unit a Distance header names ("Distance (mi)"), in metres, 0 for a
 * plain "Distance", -1 for another column. */
static double distance_header(const char *h)
{
    static const struct {
        const char *name;
        double m;
    } units[] = {{"Distance", 0},          {"Distance (km)", 1000},
                 {"Distance (mi)", MILE_M}, {"Distance (miles)", MILE_M},
                 {"Distance (m)", 1}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(h, units[i].name) == 0)
            return units[i].m;
    return -1;
}

static int manual_header(struct manual_ctx *c, char **f, size_t n, long line, struct rh_err *err)
{
    static const char *const names[] = {"Activity ID",   "Activity Date", "Activity Name",
                                        "Activity Type", "Filename",      "Activity Gear",
                                        "Elapsed Time",  "Moving Time",   "Average Speed"};
    c->have_header = true;
    for (int k = 0; k < M_N; k++)
        c->col[k] = -1;
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < M_ELAPSED2; k++)
            if (c->col[k] < 0 && strcmp(f[i], names[k]) == 0)
                c->col[k] = (long)i;
        if (strcmp(f[i], "Elapsed Time") == 0 && c->col[M_ELAPSED] != (long)i &&
            c->col[M_ELAPSED2] < 0)
            c->col[M_ELAPSED2] = (long)i;
        double u = distance_header(f[i]);
        if (u == 1 || (u == 0 && c->col[M_DIST1] >= 0 && c->col[M_DIST_M] < 0)) {
            c->col[M_DIST_M] = (long)i; /* the second, in metres */
        } else if (u >= 0 && c->col[M_DIST1] < 0) {
            c->col[M_DIST1] = (long)i;
            c->header_unit_m = u;
        }
    }
    if (c->col[M_DATE] < 0 || c->col[M_FILE] < 0)
        return rh__file_errl(err, RH_EFORMAT, line, "list_no_columns", (const char *)NULL);
    return 0;
}

/* How fast is possible (km/h) for the sport, and how slow is too slow to
 * be moving at all: the sport inference's limits (data/sport_inference.txt). */
static bool possible(const struct manual_ctx *c, enum rh_sport sp, double kmh)
{
    if (kmh < c->rules.min_kmh)
        return false;
    if (rh_sport_is_foot(sp))
        return kmh <= c->rules.run_max_kmh;
    return sp != RH_SPORT_CYCLING || kmh <= c->rules.cycle_max_kmh;
}

/* A row's vote on the unit of the first Distance column (the first pass):
 * the metres column beside it, else the average speed over its time, else
 * the one reading possible for its sport over its time. */
static void vote(struct manual_ctx *c, char **f, size_t n)
{
    double d = num_or_none(col(f, n, c->col[M_DIST1]));
    if (!rh_has(d) || d <= 0)
        return;
    double m = num_or_none(col(f, n, c->col[M_DIST_M]));
    double t = num_or_none(col(f, n, c->col[M_MOVING]));
    if (!rh_has(t) || t <= 0)
        t = num_or_none(col(f, n, c->col[M_ELAPSED]));
    double speed = num_or_none(col(f, n, c->col[M_SPEED]));
    bool km, mi;
    long weight = 3; /* a measured reading outweighs what is merely possible */
    if (rh_has(m) && m > 0) {
        km = fabs(m / (d * 1000) - 1) < 0.05;
        mi = fabs(m / (d * MILE_M) - 1) < 0.05;
    } else if (!rh_has(t) || t <= 0) {
        return;
    } else if (rh_has(speed) && speed > 0) {
        km = fabs(d * 1000 / t / speed - 1) < 0.1;
        mi = fabs(d * MILE_M / t / speed - 1) < 0.1;
    } else {
        const char *type = col(f, n, c->col[M_TYPE]);
        enum rh_sport sp;
        if (!c->have_rules || !type || rh_import_strava_sport(type, &sp))
            return;
        km = possible(c, sp, d * 1000 / t * 3.6);
        mi = possible(c, sp, d * MILE_M / t * 3.6);
        weight = 1;
    }
    if (km != mi)
        *(km ? &c->votes_km : &c->votes_mi) += weight;
}

static int manual_row(void *vctx, char **f, size_t n, long line, struct rh_err *err)
{
    struct manual_ctx *c = vctx;
    if (!c->have_header)
        return manual_header(c, f, n, line, err);
    if (c->survey) {
        vote(c, f, n);
        return 0;
    }
    const char *file = col(f, n, c->col[M_FILE]);
    if (file && *file)
        return 0; /* imported from its file */
    const char *date = col(f, n, c->col[M_DATE]);
    if (!date || !*date)
        return 0; /* a blank line at the end */
    struct rh_activity a;
    rh_activity_init(&a);
    if (strava_date(date, &a.start_utc) == 0)
        a.has_start = true; /* else refused by the import: no time */
    /* the second Elapsed Time (with decimals) when there is one */
    a.total_elapsed_s = num_or_none(col(f, n, c->col[M_ELAPSED2]));
    if (!rh_has(a.total_elapsed_s))
        a.total_elapsed_s = num_or_none(col(f, n, c->col[M_ELAPSED]));
    a.total_timer_s = num_or_none(col(f, n, c->col[M_MOVING]));
    /* metres from the metres column, else the first in its unit */
    double m = num_or_none(col(f, n, c->col[M_DIST_M]));
    if (!rh_has(m)) {
        double k = num_or_none(col(f, n, c->col[M_DIST1]));
        m = rh_has(k) ? k * c->unit_m : RH_NONE;
    }
    a.total_distance_m = m;
    a.has_summary = false; /* a total typed by hand: any recording is richer */
    const char *type = col(f, n, c->col[M_TYPE]);
    enum rh_sport sp = RH_SPORT_OTHER;
    if (type && *type && rh_import_strava_sport(type, &sp) == 0)
        a.sport = sp;
    a.sport_source = RH_SPORT_SRC_EXPORT_CSV;
    const char *id = col(f, n, c->col[M_ID]);
    const char *name = col(f, n, c->col[M_NAME]), *gear = col(f, n, c->col[M_GEAR]);
    /* one entry, one hash: the export's id and date, so importing the
     * export again finds it */
    struct rh_hash h;
    rh_hash_init(&h);
    rh_hash_update(&h, "strava-manual\n", 14);
    if (id)
        rh_hash_update(&h, id, strlen(id));
    rh_hash_update(&h, "\n", 1);
    rh_hash_update(&h, date, strlen(date));
    a.content_hash = rh_hash_final(&h);
    if (!a.content_hash)
        a.content_hash = 1;
    struct rh_buf fname;
    rh_buf_init(&fname, 0);
    int r = rh_buf_printf(&fname, "%s#%s", c->source, id && *id ? id : date);
    char *fn_text = r ? NULL : rh_buf_take(&fname);
    rh_buf_release(&fname);
    if (!fn_text || (name && *name && rh_activity_set_str(&a.name, name)) ||
        (gear && *gear && rh_activity_set_str(&a.gear, gear))) {
        rh_free(fn_text);
        rh_activity_release(&a);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    a.file = fn_text;
    c->emitted++;
    r = c->fn(c->ctx, &a, NULL);
    if (r)
        c->fail = r;
    return r;
}

bool rh__strava_sniff(const unsigned char *head, size_t n)
{
    static const char hdr[] = "Activity ID,";
    if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
        head += 3;
        n -= 3;
    }
    return n >= sizeof hdr - 1 && memcmp(head, hdr, sizeof hdr - 1) == 0;
}

int rh__strava_manual_decode(const char *text, size_t len, const char *source, rh_activity_fn fn,
                             void *ctx, struct rh_err *err)
{
    struct manual_ctx c;
    memset(&c, 0, sizeof c);
    c.source = source;
    c.fn = fn;
    c.ctx = ctx;
    /* first the unit of the first Distance column: named by its header, or
     * voted by the rows (each says km or miles when one reading only fits
     * its metres, its average speed, or what is possible over its time), or
     * km, Strava's default; then the rows */
    c.have_rules = rh_infer_rules_default(&c.rules, NULL) == 0;
    c.survey = true;
    int r = rh__csv_parse(text, len, manual_row, &c, err);
    if (r)
        return r;
    c.unit_m = c.header_unit_m > 0 ? c.header_unit_m : c.votes_mi > c.votes_km ? MILE_M : 1000;
    c.survey = false;
    c.have_header = false;
    r = rh__csv_parse(text, len, manual_row, &c, err);
    if (c.fail)
        return c.fail;
    if (r == 0 && c.emitted == 0)
        r = rh__file_err(err, RH_EEMPTY, "list_no_hand", (const char *)NULL);
    return r;
}
