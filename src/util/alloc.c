/* SPDX-License-Identifier: MIT */
/* The one allocation seam of the library, jansson's and SQLite's. Tests can
 * make the n-th allocation fail to prove that every failure path returns
 * RH_ENOMEM. */
#include <jansson.h>
#include <sqlite3.h>
#include <stdint.h>
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

/* SQLite's own allocations (statements, pages, the schema) through the
 * seam as well. SQLite asks the size of a block (xSize): each carries it in
 * a header in front, as SQLite's own default allocator does; 16 bytes keep
 * the block as aligned as malloc's. */
#define SQ_HEAD 16

static void *sq_with_size(unsigned char *p, int n)
{
    if (!p)
        return NULL;
    int64_t size = n;
    memcpy(p, &size, sizeof size);
    return p + SQ_HEAD;
}

static void *sq_malloc(int n)
{
    return n > 0 ? sq_with_size(rh_malloc((size_t)n + SQ_HEAD), n) : NULL;
}

static void sq_free(void *p)
{
    if (p)
        rh_free((unsigned char *)p - SQ_HEAD);
}

static int sq_size(void *p)
{
    int64_t size = 0;
    if (p)
        memcpy(&size, (unsigned char *)p - SQ_HEAD, sizeof size);
    return (int)size;
}

static void *sq_realloc(void *p, int n)
{
    if (!p)
        return sq_malloc(n);
    if (n <= 0)
        return NULL; /* SQLite never asks this; its own code frees instead */
    return sq_with_size(rh_realloc((unsigned char *)p - SQ_HEAD, (size_t)n + SQ_HEAD), n);
}

static int sq_roundup(int n)
{
    return (n + 7) & ~7;
}

static int sq_init(void *app)
{
    (void)app;
    return SQLITE_OK;
}

static void sq_shutdown(void *app)
{
    (void)app;
}

/* Before main: jansson and SQLite allocate through the same seam, so a test
 * that fails the n-th allocation reaches the JSON readers and writers and
 * every SQLite call too. SQLite takes its allocator only before it is
 * initialised, so it is initialised here, once, before any thread starts.
 * Memory from jansson (json_dumps) is freed with free() or rh_free alike;
 * SQLite's (sqlite3_mprintf, sqlite3_expanded_sql) with sqlite3_free. */
__attribute__((constructor)) static void libraries_through_the_seam(void)
{
    static const sqlite3_mem_methods sq = {sq_malloc,  sq_free, sq_realloc,  sq_size,
                                           sq_roundup, sq_init, sq_shutdown, NULL};
    json_set_alloc_funcs(rh_malloc, rh_free);
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &sq) == SQLITE_OK)
        sqlite3_initialize();
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
