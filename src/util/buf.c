/* SPDX-License-Identifier: MIT */
/* Bounded growable byte buffer: grows by doubling up to a hard cap, so a
 * hostile input fails with RH_ELIMIT instead of eating the machine. */
#include <stdio.h>
#include <string.h>

#include "runhip/util.h"
#include "util/banned.h"

#define BUF_DEFAULT_MAX ((size_t)1 << 30)

void rh_buf_init(struct rh_buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max ? max : BUF_DEFAULT_MAX;
}

void rh_buf_release(struct rh_buf *b)
{
    rh_free(b->data);
    rh_buf_init(b, b->max);
}

void rh_buf_reset(struct rh_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

int rh_buf_reserve(struct rh_buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra)
        return RH_ELIMIT;
    size_t need = b->len + extra + 1; /* room for the NUL */
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    if (cap > b->max + 1)
        cap = b->max + 1;
    char *p = rh_realloc(b->data, cap);
    if (!p)
        return RH_ENOMEM;
    b->data = p;
    b->cap = cap;
    return 0;
}

int rh_buf_append(struct rh_buf *b, const void *p, size_t n)
{
    int r = rh_buf_reserve(b, n);
    if (r)
        return r;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int rh_buf_puts(struct rh_buf *b, const char *s)
{
    return rh_buf_append(b, s, strlen(s));
}

int rh_buf_vprintf(struct rh_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return RH_EINVAL;
    int r = rh_buf_reserve(b, (size_t)n);
    if (r)
        return r;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int rh_buf_printf(struct rh_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = rh_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return r;
}

void rh_str_vappendf(char *dst, size_t cap, const char *fmt, va_list ap)
{
    size_t len = strlen(dst);
    if (len + 1 >= cap)
        return;
    vsnprintf(dst + len, cap - len, fmt, ap);
}

void rh_str_appendf(char *dst, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rh_str_vappendf(dst, cap, fmt, ap);
    va_end(ap);
}

char *rh_buf_take(struct rh_buf *b)
{
    char *p = b->data;
    if (!p)
        p = rh_strdup("");
    rh_buf_init(b, b->max);
    return p;
}

int rh_buf_json_strn(struct rh_buf *b, const char *s, size_t n)
{
    int r = rh_buf_puts(b, "\"");
    for (size_t i = 0; r == 0 && i < n;) {
        size_t run = 0; /* copy plain ASCII runs in one go */
        while (i + run < n) {
            unsigned char c = (unsigned char)s[i + run];
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
                break;
            run++;
        }
        if (run) {
            r = rh_buf_append(b, s + i, run);
            i += run;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t k;
        if (c == '"' || c == '\\') {
            r = rh_buf_printf(b, "\\%c", c);
            k = 1;
        } else if (c == '\n') {
            r = rh_buf_puts(b, "\\n");
            k = 1;
        } else if (c < 0x20) {
            r = rh_buf_printf(b, "\\u%04x", c);
            k = 1;
        } else if ((k = rh_utf8_decode(s + i, n - i, &cp)) != 0) {
            r = rh_buf_append(b, s + i, k);
        } else {
            r = rh_buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD: not UTF-8 */
            k = 1;
        }
        i += k;
    }
    return r ? r : rh_buf_puts(b, "\"");
}

int rh_buf_json_str(struct rh_buf *b, const char *s)
{
    return s ? rh_buf_json_strn(b, s, strlen(s)) : rh_buf_puts(b, "null");
}
