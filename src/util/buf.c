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

int rh_buf_json_str(struct rh_buf *b, const char *s)
{
    if (!s)
        return rh_buf_puts(b, "null");
    int r = rh_buf_puts(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; r == 0 && *p; p++) {
        size_t run = 0; /* copy plain runs in one go */
        while (p[run] >= 0x20 && p[run] != '"' && p[run] != '\\')
            run++;
        if (run) {
            r = rh_buf_append(b, p, run);
            p += run - 1;
            continue;
        }
        if (*p == '"' || *p == '\\')
            r = rh_buf_printf(b, "\\%c", *p);
        else if (*p == '\n')
            r = rh_buf_puts(b, "\\n");
        else
            r = rh_buf_printf(b, "\\u%04x", *p);
    }
    return r ? r : rh_buf_puts(b, "\"");
}
