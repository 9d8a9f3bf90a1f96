/* SPDX-License-Identifier: MIT */
/* The one allocation seam of the library. Tests can make the n-th
 * allocation fail to prove that every failure path returns RH_ENOMEM. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/util.h"
#include "util/banned.h"

static atomic_long fail_countdown; /* 0: never fail */
static atomic_long alloc_count;

static bool should_fail(void)
{
    atomic_fetch_add(&alloc_count, 1);
    long c = atomic_load(&fail_countdown);
    if (c <= 0)
        return false;
    if (atomic_fetch_sub(&fail_countdown, 1) == 1)
        return true;
    return false;
}

long rh_alloc_fail_after(long n)
{
    long made = atomic_exchange(&alloc_count, 0);
    atomic_store(&fail_countdown, n);
    return made;
}

void *rh_malloc(size_t n)
{
    if (should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *rh_calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *rh_realloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

void rh_free(void *p)
{
    free(p);
}

char *rh_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    size_t len = strnlen(s, n);
    char *d = rh_malloc(len + 1);
    if (!d)
        return NULL;
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *rh_strdup(const char *s)
{
    return s ? rh_strndup(s, strlen(s)) : NULL;
}
