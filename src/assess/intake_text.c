/* SPDX-License-Identifier: MIT */
/*
 * The text syntax of intake.md ("key = value" lines, '#' comments, lists
 * comma-separated, yes/no) in both directions, and rh_intake_parse, which
 * detects JSON or text and hands JSON to intake_json.c. Input is checked
 * strictly: an unknown key or word, a number out of range, a malformed line
 * or a key given twice stops the read with the line and the key; nothing
 * is guessed and nothing half-read is returned.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "assess/intake_int.h"
#include "util/banned.h"

#define LINE_MAX_LEN 4096

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* A list value: comma-separated words, or "none" for an answered empty
 * list. */
static int parse_list(const struct rh__ifield *f, char *val, struct rh_intake *in, long line,
                      struct rh_err *err)
{
    if (strcmp(val, "none") == 0)
        return rh__ifield_set_mask(f, in, 0);
    uint32_t mask = 0;
    char *save = NULL;
    /* strtok_r skips empty fields, so look for them first */
    size_t n = strlen(val);
    if (val[0] == ',' || val[n - 1] == ',' || strstr(val, ",,"))
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: empty word in the list", f->key);
    for (char *w = strtok_r(val, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        w = trim(w);
        if (!*w)
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: empty word in the list", f->key);
        if (strcmp(w, "none") == 0)
            return rh_err_setl(err, RH_ESYNTAX, line,
                               "%s: 'none' cannot be combined with other words", f->key);
        int v, r = rh__ifield_parse_word(f, w, line, err, &v);
        if (r)
            return r;
        if (mask & RH_BIT(v))
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: '%s' is listed twice", f->key,
                               rh_intake_word((enum rh_intake_list)f->list, v));
        mask |= RH_BIT(v);
    }
    return rh__ifield_set_mask(f, in, mask);
}

static int parse_value(const struct rh__ifield *f, char *val, struct rh_intake *in, long line,
                       struct rh_err *err)
{
    if (!*val)
        return rh_err_setl(err, RH_ESYNTAX, line,
                           "%s: no value (leave the key out when not answered%s)", f->key,
                           f->kind == RH__IF_LIST ? ", write 'none' for an empty list" : "");
    switch (f->kind) {
    case RH__IF_INT:
    case RH__IF_NUM: {
        double v;
        if (rh_parse_double(val, &v))
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: '%.40s' is not a number", f->key,
                               val);
        return rh__ifield_set_num(f, in, v, line, err);
    }
    case RH__IF_ENUM: {
        int v, r = rh__ifield_parse_word(f, val, line, err, &v);
        return r ? r : rh__ifield_set_word(f, in, v);
    }
    case RH__IF_TRI: {
        int v = rh__tri_word(val);
        if (v < 0)
            return rh_err_setl(err, RH_EKEY, line, "%s: expected yes or no, not '%.40s'", f->key,
                               val);
        return rh__ifield_set_word(f, in, v);
    }
    case RH__IF_LIST:
        return parse_list(f, val, in, line, err);
    }
    return RH_EINVAL;
}

static int parse_text(const char *text, size_t len, struct rh_intake *out, struct rh_err *err)
{
    long first_line[RH__MAX_IFIELDS] = {0};
    char buf[LINE_MAX_LEN];
    const char *p = text, *end = text + len;
    long line = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        line++;
        size_t n = (size_t)(eol - p);
        if (n >= sizeof buf)
            return rh_err_setl(err, RH_ESYNTAX, line, "line too long (over %d bytes)",
                               LINE_MAX_LEN - 1);
        memcpy(buf, p, n);
        buf[n] = '\0';
        p = eol < end ? eol + 1 : end;
        if (memchr(buf, '\0', n))
            return rh_err_setl(err, RH_ESYNTAX, line, "line contains a NUL byte");
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = '\0';
        char *s = trim(buf);
        if (!*s)
            continue;
        char *eq = strchr(s, '=');
        if (!eq)
            return rh_err_setl(err, RH_ESYNTAX, line, "expected 'key = value', got '%.40s'", s);
        *eq = '\0';
        char *key = trim(s), *val = trim(eq + 1);
        if (!*key)
            return rh_err_setl(err, RH_ESYNTAX, line, "expected 'key = value': no key before '='");
        for (char *k = key; *k; k++)
            if (!(islower((unsigned char)*k) || isdigit((unsigned char)*k) || *k == '_'))
                return rh_err_setl(err, RH_ESYNTAX, line,
                                   "malformed key '%.40s' (keys are lower-case words with '_')",
                                   key);
        const struct rh__ifield *f = rh__ifield_find(key);
        if (!f)
            return rh__intake_unknown_key(key, line, err);
        int idx = (int)(f - rh__ifields);
        if (first_line[idx])
            return rh_err_setl(err, RH_ESYNTAX, line, "duplicate key '%s' (first on line %ld)",
                               key, first_line[idx]);
        first_line[idx] = line;
        int r = parse_value(f, val, out, line, err);
        if (r)
            return r;
    }
    return 0;
}

int rh_intake_parse(const char *text, size_t len, struct rh_intake *out, struct rh_err *err)
{
    rh_err_clear(err);
    rh_intake_init(out);
    if (!text && len)
        return rh_err_set(err, RH_EINVAL, "no input");
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* UTF-8 byte order mark */
        text += 3;
        len -= 3;
    }
    size_t i = 0;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    if (i == len) /* nothing answered is a valid, empty record */
        return 0;
    size_t j = i + 1;
    while (j < len && isspace((unsigned char)text[j]))
        j++;
    if (text[i] == '[' && j < len && text[j] && strchr("{[]\"-0123456789", text[j])) {
        /* a JSON list, not the one object of intake.md ("[person]" is a
         * malformed line of the text syntax) */
        long line = 1;
        for (size_t k = 0; k < i; k++)
            line += text[k] == '\n';
        return rh_err_setl(err, RH_ESYNTAX, line,
                           "expected one JSON object {\"key\": value, ...}, got a list");
    }
    int r = text[i] == '{' ? rh__intake_parse_json(text, len, out, err)
                           : parse_text(text, len, out, err);
    if (r)
        rh_intake_init(out);
    return r;
}

/* ---- writer ----------------------------------------------------------------- */

int rh__ifield_format(const struct rh__ifield *f, const struct rh_intake *in, struct rh_buf *out)
{
    enum rh_intake_list l = (enum rh_intake_list)f->list;
    switch (f->kind) {
    case RH__IF_INT:
    case RH__IF_NUM: {
        double v = rh__ifield_num(f, in);
        return rh_buf_printf(out, "%.*g", rh__num_precision(v), v);
    }
    case RH__IF_ENUM:
        return rh_buf_puts(out, rh_intake_word(l, rh__ifield_word(f, in)));
    case RH__IF_TRI:
        return rh_buf_puts(out, rh__ifield_word(f, in) ? "yes" : "no");
    case RH__IF_LIST: {
        uint32_t m = rh__ifield_mask(f, in);
        if (!m)
            return rh_buf_puts(out, "none");
        int r = 0;
        bool first = true;
        for (int k = 0; k < rh_intake_word_count(l) && !r; k++)
            if (m & RH_BIT(k)) {
                r = rh_buf_printf(out, "%s%s", first ? "" : ", ", rh_intake_word(l, k));
                first = false;
            }
        return r;
    }
    }
    return RH_EINVAL;
}

int rh_intake_to_text(const struct rh_intake *in, struct rh_buf *out)
{
    int r = 0;
    for (int i = 0; i < rh__n_ifields && !r; i++) {
        const struct rh__ifield *f = &rh__ifields[i];
        if (!rh__ifield_answered(f, in))
            continue;
        if (!(r = rh_buf_printf(out, "%s = ", f->key)) && !(r = rh__ifield_format(f, in, out)))
            r = rh_buf_puts(out, "\n");
    }
    return r;
}
