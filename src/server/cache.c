/* SPDX-License-Identifier: MIT */
/*
 * What the web app keeps between requests (runhip/server.h
 * rh_server_cache): read-only database connections, one per request in
 * flight (so about one per worker thread), each with the last answers it
 * gave. A connection is taken from the pool for a GET, checked (the same
 * file still at the path; SQLite's data_version, which moves when anyone
 * else commits), and given back after. The answers of a connection are
 * forgotten as soon as its data_version moves, so a kept answer is always
 * one the database would give again; the key holds the path, the query and
 * the runner's day. An answer whose handler set ctx.no_keep (it depends on
 * the clock) is never kept.
 *
 * Checking costs a read transaction (file locks, the WAL index) and a
 * stat(), more than the rest of a kept answer: a connection is checked
 * again only when RH_SERVER_FRESH_MS have passed since its last check or
 * the server wrote since (every POST and the plan made for a GET count
 * their writes here, cache_wrote), so the server's own writes are seen at
 * once and another program's within RH_SERVER_FRESH_MS.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "server/server_int.h"
#include "util/banned.h"

#define ANSWERS 16                 /* kept answers per connection */
#define ANSWER_MAX (512u * 1024u)  /* a bigger answer is not kept */

struct answer {
    char *key; /* NULL: empty */
    int status;
    const char *type;
    struct rh_buf body;
};

struct rh_server_slot {
    struct rh_server_slot *next;
    struct rh_store *s;
    char *path;
    dev_t dev;
    ino_t ino;
    int64_t version;
    struct answer ans[ANSWERS];
    unsigned next_ans;
    double checked;        /* monotonic seconds of the last check; 0: never */
    uint64_t writes_seen;  /* the cache's writes at that check */
};

struct rh_server_cache {
    pthread_mutex_t lock;
    struct rh_server_slot *idle;
    _Atomic uint64_t writes; /* writes through the server (cache_wrote) */
};

static double mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cache_wrote(struct rh_server_cache *c)
{
    if (c)
        atomic_fetch_add(&c->writes, 1);
}

int rh_server_cache_new(struct rh_server_cache **out, struct rh_err *err)
{
    struct rh_server_cache *c = rh_calloc(1, sizeof *c);
    if (!c)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    pthread_mutex_init(&c->lock, NULL);
    *out = c;
    return 0;
}

static void forget_answers(struct rh_server_slot *sl)
{
    for (int i = 0; i < ANSWERS; i++) {
        rh_free(sl->ans[i].key);
        sl->ans[i].key = NULL;
        rh_buf_release(&sl->ans[i].body);
    }
    sl->next_ans = 0;
}

static void slot_close(struct rh_server_slot *sl)
{
    sl->checked = 0;
    forget_answers(sl);
    rh_store_close(sl->s);
    sl->s = NULL;
    rh_free(sl->path);
    sl->path = NULL;
}

void rh_server_cache_free(struct rh_server_cache *c)
{
    if (!c)
        return;
    while (c->idle) {
        struct rh_server_slot *sl = c->idle;
        c->idle = sl->next;
        slot_close(sl);
        rh_free(sl);
    }
    pthread_mutex_destroy(&c->lock);
    rh_free(c);
}

struct rh_server_slot *cache_take(struct rh_server_cache *c, const struct rh_server_config *cfg,
                                  struct rh_err *err)
{
    pthread_mutex_lock(&c->lock);
    struct rh_server_slot *sl = c->idle;
    if (sl)
        c->idle = sl->next;
    pthread_mutex_unlock(&c->lock);
    if (!sl) {
        if (!(sl = rh_calloc(1, sizeof *sl))) {
            rh_err_set(err, RH_ENOMEM, "out of memory");
            return NULL;
        }
        for (int i = 0; i < ANSWERS; i++)
            rh_buf_init(&sl->ans[i].body, 0);
    }
    sl->next = NULL;
    /* checked a moment ago and nothing written through the server since:
     * its answers stand (see the top of the file) */
    double now = mono_s();
    uint64_t writes = atomic_load(&c->writes);
    if (sl->s && sl->checked > 0 && now - sl->checked < RH_SERVER_FRESH_MS / 1000.0 &&
        writes == sl->writes_seen && !strcmp(sl->path, cfg->db_path))
        return sl;
    struct stat sb;
    bool here = stat(cfg->db_path, &sb) == 0;
    /* another database, or the file replaced (a new one at the same path) */
    if (sl->s && (!here || strcmp(sl->path, cfg->db_path) != 0 || sb.st_dev != sl->dev ||
                  sb.st_ino != sl->ino))
        slot_close(sl);
    int r = 0;
    if (!sl->s) {
        if (!(sl->path = rh_strdup(cfg->db_path)))
            r = rh_err_set(err, RH_ENOMEM, "out of memory");
        if (!r)
            r = rh_store_open_tz(cfg->db_path, RH_STORE_READONLY, cfg->zone, &sl->s, err);
        if (!r && stat(cfg->db_path, &sb) == 0) {
            sl->dev = sb.st_dev;
            sl->ino = sb.st_ino;
        }
        sl->version = -1;
    }
    int64_t v = -1;
    if (!r)
        r = rh_store_refresh(sl->s, &v, err);
    if (r) {
        slot_close(sl);
        cache_give(c, sl);
        return NULL;
    }
    if (v != sl->version) {
        forget_answers(sl);
        sl->version = v;
    }
    sl->checked = now;
    sl->writes_seen = writes; /* read before the check: a write during it is seen next time */
    return sl;
}

void cache_give(struct rh_server_cache *c, struct rh_server_slot *sl)
{
    if (!sl)
        return;
    pthread_mutex_lock(&c->lock);
    sl->next = c->idle;
    c->idle = sl;
    pthread_mutex_unlock(&c->lock);
}

struct rh_store *cache_store(struct rh_server_slot *sl)
{
    return sl->s;
}

bool cache_find(struct rh_server_slot *sl, const char *key, struct rh_server_response *out)
{
    for (int i = 0; i < ANSWERS; i++) {
        struct answer *a = &sl->ans[i];
        if (!a->key || strcmp(a->key, key) != 0)
            continue;
        rh_buf_reset(&out->body);
        if (rh_buf_append(&out->body, a->body.data ? a->body.data : "", a->body.len))
            return false;
        out->status = a->status;
        out->content_type = a->type;
        return true;
    }
    return false;
}

void cache_keep(struct rh_server_slot *sl, const char *key, const struct rh_server_response *res)
{
    if (res->status != 200 || res->location || res->set_cookie[0] || res->body.len > ANSWER_MAX)
        return;
    struct answer *a = &sl->ans[sl->next_ans];
    sl->next_ans = (sl->next_ans + 1) % ANSWERS;
    rh_free(a->key);
    rh_buf_reset(&a->body);
    if (!(a->key = rh_strdup(key)) ||
        rh_buf_append(&a->body, res->body.data ? res->body.data : "", res->body.len)) {
        rh_free(a->key);
        a->key = NULL;
        return;
    }
    a->status = res->status;
    a->type = res->content_type;
}
