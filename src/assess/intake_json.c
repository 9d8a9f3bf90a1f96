/* SPDX-License-Identifier: MIT */
/*
 * The JSON syntax of intake.md (one object, lists as arrays, yes/no as
 * booleans) in both directions, with jansson. jansson gives the line of a
 * syntax error or a duplicate key; for the checks made after parsing
 * (unknown key, wrong type, unknown word, out of range) a small scanner
 * over the (already valid) text finds the line of the offending key or
 * list element, so both syntaxes report errors the same way.
 */
#include <ctype.h>
#include <jansson.h>
#include <string.h>

#include "assess/intake_int.h"
#include "util/banned.h"

/* ---- locating a key in the text --------------------------------------------- */

struct scan {
    const char *p, *e;
    long line;
};

static void sk_ws(struct scan *s)
{
    while (s->p < s->e && isspace((unsigned char)*s->p)) {
        if (*s->p == '\n')
            s->line++;
        s->p++;
    }
}

static void sk_string(struct scan *s)
{
    s->p++; /* opening quote */
    while (s->p < s->e && *s->p != '"') {
        if (*s->p == '\\' && s->p + 1 < s->e)
            s->p++;
        s->p++;
    }
    if (s->p < s->e)
        s->p++;
}

static void sk_value(struct scan *s)
{
    sk_ws(s);
    if (s->p >= s->e)
        return;
    if (*s->p == '"') {
        sk_string(s);
        return;
    }
    if (*s->p == '{' || *s->p == '[') {
        int depth = 0;
        do {
            if (*s->p == '"') {
                sk_string(s);
                continue;
            }
            if (*s->p == '{' || *s->p == '[')
                depth++;
            else if (*s->p == '}' || *s->p == ']')
                depth--;
            else if (*s->p == '\n')
                s->line++;
            s->p++;
        } while (s->p < s->e && depth > 0);
        return;
    }
    while (s->p < s->e && !strchr(",]} \t\r\n", *s->p))
        s->p++;
}

/* True when the JSON string token [b, e) decodes to key. */
static bool key_is(const char *b, const char *e, const char *key)
{
    size_t n = strlen(key);
    if ((size_t)(e - b) == n + 2 && memcmp(b + 1, key, n) == 0)
        return true;
    if (!memchr(b, '\\', (size_t)(e - b)))
        return false;
    json_t *v = json_loadb(b, (size_t)(e - b), JSON_DECODE_ANY, NULL);
    bool same = v && json_is_string(v) && strcmp(json_string_value(v), key) == 0;
    json_decref(v);
    return same;
}

/* Line of the top-level key (elem < 0) or of element elem of its array
 * value; 1 when not found. text holds one valid JSON object. */
static long line_of(const char *text, size_t len, const char *key, int elem)
{
    struct scan s = {text, text + len, 1};
    sk_ws(&s);
    if (s.p >= s.e || *s.p != '{')
        return 1;
    s.p++;
    for (;;) {
        sk_ws(&s);
        if (s.p >= s.e || *s.p != '"')
            return 1;
        long key_line = s.line;
        const char *kb = s.p;
        sk_string(&s);
        bool match = key_is(kb, s.p, key);
        sk_ws(&s);
        if (s.p < s.e && *s.p == ':')
            s.p++;
        sk_ws(&s);
        if (match) {
            if (elem < 0 || s.p >= s.e || *s.p != '[')
                return key_line;
            s.p++;
            for (int i = 0;; i++) {
                sk_ws(&s);
                if (s.p >= s.e || *s.p == ']')
                    return key_line;
                if (i == elem)
                    return s.line;
                sk_value(&s);
                sk_ws(&s);
                if (s.p < s.e && *s.p == ',')
                    s.p++;
            }
        }
        sk_value(&s);
        sk_ws(&s);
        if (s.p < s.e && *s.p == ',')
            s.p++;
    }
}

/* ---- reader --------------------------------------------------------------------- */

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "a list";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "true/false";
    case JSON_NULL:
        return "null";
    }
    return "?";
}

static int wrong_type(const struct rh__ifield *f, const json_t *v, long line, struct rh_err *err)
{
    static const char *const want[] = {
        [RH__IF_INT] = "a whole number",
        [RH__IF_NUM] = "a number",
        [RH__IF_ENUM] = "a word (a string)",
        [RH__IF_TRI] = "true or false",
        [RH__IF_LIST] = "a list of words",
    };
    return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected %s, got %s", f->key, want[f->kind],
                       type_name(v));
}

static int json_field(const char *text, size_t len, const struct rh__ifield *f, json_t *v,
                      struct rh_intake *out, struct rh_err *err)
{
    if (json_is_null(v)) /* explicitly not answered */
        return 0;
    switch (f->kind) {
    case RH__IF_INT:
    case RH__IF_NUM:
        if (!json_is_number(v))
            return wrong_type(f, v, line_of(text, len, f->key, -1), err);
        return rh__ifield_set_num(f, out, json_number_value(v), line_of(text, len, f->key, -1),
                                  err);
    case RH__IF_ENUM: {
        if (!json_is_string(v))
            return wrong_type(f, v, line_of(text, len, f->key, -1), err);
        int w, r = rh__ifield_parse_word(f, json_string_value(v), line_of(text, len, f->key, -1),
                                         err, &w);
        return r ? r : rh__ifield_set_word(f, out, w);
    }
    case RH__IF_TRI:
        if (!json_is_boolean(v))
            return wrong_type(f, v, line_of(text, len, f->key, -1), err);
        return rh__ifield_set_word(f, out, json_is_true(v) ? 1 : 0);
    case RH__IF_LIST: {
        if (!json_is_array(v))
            return wrong_type(f, v, line_of(text, len, f->key, -1), err);
        uint32_t mask = 0;
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e)
        {
            long line = line_of(text, len, f->key, (int)i);
            if (!json_is_string(e))
                return rh_err_setl(err, RH_ESYNTAX, line, "%s: expected a word (a string), got %s",
                                   f->key, type_name(e));
            int w, r = rh__ifield_parse_word(f, json_string_value(e), line, err, &w);
            if (r)
                return r;
            if (mask & RH_BIT(w))
                return rh_err_setl(err, RH_ESYNTAX, line, "%s: '%s' is listed twice", f->key,
                                   rh_intake_word((enum rh_intake_list)f->list, w));
            mask |= RH_BIT(w);
        }
        return rh__ifield_set_mask(f, out, mask);
    }
    }
    return RH_EINVAL;
}

int rh__intake_parse_json(const char *text, size_t len, struct rh_intake *out,
                          struct rh_err *err)
{
    json_error_t je;
    long failed = rh_alloc_failures();
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (rh_alloc_failures() != failed) {
        /* jansson reports a failed allocation as a syntax error, or not at
         * all (a cut string): either way the text was not read */
        json_decref(root);
        rh_intake_init(out);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    if (!root) {
        if (json_error_code(&je) == json_error_duplicate_key) {
            /* je.text is "duplicate object key near '"KEY"'" */
            const char *q = strstr(je.text, "near '\"");
            char key[64] = "?";
            if (q) {
                q += 7;
                size_t n = strcspn(q, "\"");
                if (n >= sizeof key)
                    n = sizeof key - 1;
                memcpy(key, q, n);
                key[n] = '\0';
            }
            return rh_err_setl(err, RH_ESYNTAX, je.line, "duplicate key '%s'", key);
        }
        return rh_err_setl(err, RH_ESYNTAX, je.line, "not valid JSON: %s", je.text);
    }
    int r = 0;
    if (!json_is_object(root)) {
        r = rh_err_setl(err, RH_ESYNTAX, 1, "expected one JSON object {...}");
    } else {
        const char *key;
        json_t *v;
        json_object_foreach(root, key, v)
        {
            const struct rh__ifield *f = rh__ifield_find(key);
            if (!f) {
                r = rh__intake_unknown_key(key, line_of(text, len, key, -1), err);
                break;
            }
            if ((r = json_field(text, len, f, v, out, err)))
                break;
        }
    }
    json_decref(root);
    return r;
}

/* ---- writer --------------------------------------------------------------------- */

struct dump_ctx {
    struct rh_buf *out;
    int r;
};

static int dump_cb(const char *buffer, size_t size, void *data)
{
    struct dump_ctx *c = data;
    c->r = rh_buf_append(c->out, buffer, size);
    return c->r ? -1 : 0;
}

/* A JSON number for v: an integer when v is whole (and small enough to be
 * exact), else a real; *prec is raised to the digits v needs. */
static json_t *num_value(double v, int *prec)
{
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        return json_integer((json_int_t)v);
    int p = rh__num_precision(v);
    if (p > *prec)
        *prec = p;
    return json_real(v);
}

int rh_intake_to_json(const struct rh_intake *in, struct rh_buf *out)
{
    json_t *o = json_object();
    if (!o)
        return RH_ENOMEM;
    int prec = 1, r = 0;
    for (int i = 0; i < rh__n_ifields && !r; i++) {
        const struct rh__ifield *f = &rh__ifields[i];
        if (!rh__ifield_answered(f, in))
            continue;
        enum rh_intake_list l = (enum rh_intake_list)f->list;
        json_t *v = NULL;
        switch (f->kind) {
        case RH__IF_INT:
        case RH__IF_NUM:
            v = num_value(rh__ifield_num(f, in), &prec);
            break;
        case RH__IF_ENUM:
            v = json_string(rh_intake_word(l, rh__ifield_word(f, in)));
            break;
        case RH__IF_TRI:
            v = json_boolean(rh__ifield_word(f, in));
            break;
        case RH__IF_LIST: {
            v = json_array();
            uint32_t m = rh__ifield_mask(f, in);
            for (int k = 0; v && k < rh_intake_word_count(l); k++)
                if ((m & RH_BIT(k)) && json_array_append_new(v, json_string(rh_intake_word(l, k))))
                    r = RH_ENOMEM;
            break;
        }
        }
        if (!v || json_object_set_new(o, f->key, v))
            r = RH_ENOMEM;
    }
    if (!r) {
        size_t before = out->len;
        struct dump_ctx c = {out, 0};
        if (json_dump_callback(o, dump_cb, &c, JSON_INDENT(2) | JSON_REAL_PRECISION(prec)))
            r = c.r ? c.r : RH_ENOMEM;
        else
            r = rh_buf_puts(out, "\n");
        if (r && out->data) { /* nothing half-written */
            out->len = before;
            out->data[before] = '\0';
        }
    }
    json_decref(o);
    return r;
}
