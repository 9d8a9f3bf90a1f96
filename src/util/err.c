/* SPDX-License-Identifier: MIT */
/* Error codes, their names and texts, and the caller-owned error record. */
#include <stdio.h>
#include <string.h>

#include "runhip/util.h"
#include "util/banned.h"

const char *rh_strerror(int code)
{
    switch (code) {
#define RH__TEXT(name, val, text)                                                                  \
    case val:                                                                                      \
        return text;
        RH_ERRNO_MAP(RH__TEXT)
#undef RH__TEXT
    }
    return "unknown error";
}

const char *rh_errname(int code)
{
    switch (code) {
#define RH__NAME(name, val, text)                                                                  \
    case val:                                                                                      \
        return "RH_" #name;
        RH_ERRNO_MAP(RH__NAME)
#undef RH__NAME
    }
    return "RH_E?";
}

void rh_err_clear(struct rh_err *e)
{
    if (!e)
        return;
    e->code = 0;
    e->line = -1;
    e->offset = -1;
    e->msg[0] = '\0';
}

static int err_vset(struct rh_err *e, int code, long line, const char *fmt, va_list ap)
{
    if (!e)
        return code;
    e->code = code;
    e->line = line;
    e->offset = -1;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    return code;
}

int rh_err_set(struct rh_err *e, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = err_vset(e, code, -1, fmt, ap);
    va_end(ap);
    return r;
}

int rh_err_setl(struct rh_err *e, int code, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = err_vset(e, code, line, fmt, ap);
    va_end(ap);
    return r;
}
