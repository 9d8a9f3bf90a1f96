/* SPDX-License-Identifier: MIT */
/*
 * A small RFC 4180 CSV reader and the Strava bulk-export activities.csv
 * table built on it. Strava writes quoted dates with commas ("Oct 11, 2017,
 * 4:48:25 PM"), descriptions with newlines, and repeats some column names
 * (Elapsed Time, Distance): columns are found by name, first one wins.
 */
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

static int end_field(struct csv_state *st, long line, struct rh_err *err)
{
    if (rh_buf_append(&st->text, "", 1))
        return rh_err_setl(err, RH_ENOMEM, line, "out of memory");
    if (st->n + 1 >= CSV_MAX_FIELDS)
        return rh_err_setl(err, RH_ELIMIT, line, "more than %d fields in a record",
                           CSV_MAX_FIELDS - 1);
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
                    r = rh_err_setl(err, RH_ESYNTAX, row_line, "unterminated quoted field");
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
                r = rh_err_setl(err, RH_ESYNTAX, line, "unexpected character after a quoted field");
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
            r = rh_err_setl(err, RH_ESYNTAX, line, "quote inside an unquoted field");
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
            return rh_err_setl(err, RH_EFORMAT, line, "activities.csv has no Filename column");
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
        r = rh_err_set(err, RH_EFORMAT, "activities.csv is empty");
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
