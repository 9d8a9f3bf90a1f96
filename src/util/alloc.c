/* SPDX-License-Identifier: MIT */
/* The one allocation seam of the library. Tests can make the n-th
 * allocation fail to prove that every failure path returns RH_ENOMEM. */
#include <jansson.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/util.h"
#include "util/banned.h"

static atomic_long fail_countdown; /* 0: never fail */
static atomic_long alloc_count;
static _Thread_local long thread_failures; /* allocations refused in this thread */

static bool should_fail(void)
{
    atomic_fetch_add(&alloc_count, 1);
    long c = atomic_load(&fail_countdown);
    if (c <= 0)
        return false;
    if (atomic_fetch_sub(&fail_countdown, 1) == 1) {
        thread_failures++;
        return true;
    }
    return false;
}

long rh_alloc_failures(void)
{
    return thread_failures;
}

/* A real allocation failure counts too. */
static void *counted(void *p)
{
    if (!p)
        thread_failures++;
    return p;
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
    return counted(malloc(n ? n : 1));
}

void *rh_calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    return counted(calloc(n ? n : 1, size ? size : 1));
}

void *rh_realloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    return counted(realloc(p, n ? n : 1));
}

void rh_free(void *p)
{
    free(p);
}

/* jansson allocates through the same seam, so a test that fails the n-th
 * allocation reaches the JSON readers and writers too. Set before main;
 * memory from jansson (json_dumps) is freed with free() or rh_free alike. */
__attribute__((constructor)) static void jansson_through_the_seam(void)
{
    json_set_alloc_funcs(rh_malloc, rh_free);
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
