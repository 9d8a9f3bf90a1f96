/* SPDX-License-Identifier: MIT */
/*
 * What the web app keeps between requests (runhip/server.h
 * rh_server_cache): read-only database connections, one per request in
 * flight (so about one per worker thread), and the last answers given,
 * shared by them. A connection is taken from the pool for a GET, checked
 * (the same file still at the path; SQLite's data_version, which moves
 * when anyone else commits), and given back after. The key of an answer
 * holds the path, the query and the runner's day; an answer whose handler
 * set ctx.no_keep (it depends on the clock) is never kept.
 *
 * Epochs: the first connection whose check sees a commit it had not seen
 * (or that looks for the first time) starts a new epoch and the answers
 * kept so far are forgotten; an answer is kept and found under the epoch
 * of the connection's last check. Every commit is followed by a new epoch
 * at the first check after it, so a kept answer is one the database gives
 * again, and the connections share the answers: after a commit the today
 * page is built once, not once per connection (an import alongside
 * commits many times a second).
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

#define ANSWERS 32                 /* kept answers, for all the connections */
#define ANSWER_MAX (512u * 1024u)  /* a bigger answer is not kept */

struct answer {
    char *key; /* NULL: empty */
    uint64_t epoch;
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
    uint64_t epoch;        /* the cache's epoch at the last check */
    struct rh_server_cache *cache;
    double checked;        /* monotonic seconds of the last check; 0: never */
    uint64_t writes_seen;  /* the cache's writes at that check */
};

struct rh_server_cache {
    pthread_mutex_t lock; /* idle, epoch, ans, next_ans */
    struct rh_server_slot *idle;
    _Atomic uint64_t writes; /* writes through the server (cache_wrote) */
    uint64_t epoch;
    struct answer ans[ANSWERS];
    unsigned next_ans;
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
    for (int i = 0; i < ANSWERS; i++)
        rh_buf_init(&c->ans[i].body, 0);
    *out = c;
    return 0;
}

/* Under the lock. */
static void forget_answers(struct rh_server_cache *c)
{
    for (int i = 0; i < ANSWERS; i++) {
        rh_free(c->ans[i].key);
        c->ans[i].key = NULL;
        rh_buf_release(&c->ans[i].body);
    }
    c->next_ans = 0;
}

static void slot_close(struct rh_server_slot *sl)
{
    sl->checked = 0;
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
    forget_answers(c);
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
        sl->cache = c;
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
    pthread_mutex_lock(&c->lock);
    if (v != sl->version) {
        /* a commit this connection had not seen (or its first look): the
         * first connection to see a commit starts a new epoch, and the
         * answers of the old one are forgotten */
        c->epoch++;
        forget_answers(c);
        sl->version = v;
    }
    sl->epoch = c->epoch;
    pthread_mutex_unlock(&c->lock);
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
    struct rh_server_cache *c = sl->cache;
    bool found = false;
    pthread_mutex_lock(&c->lock);
    for (int i = 0; i < ANSWERS && !found; i++) {
        struct answer *a = &c->ans[i];
        if (!a->key || a->epoch != sl->epoch || strcmp(a->key, key) != 0)
            continue;
        rh_buf_reset(&out->body);
        if (rh_buf_append(&out->body, a->body.data ? a->body.data : "", a->body.len))
            break;
        out->status = a->status;
        out->content_type = a->type;
        found = true;
    }
    pthread_mutex_unlock(&c->lock);
    return found;
}

void cache_keep(struct rh_server_slot *sl, const char *key, const struct rh_server_response *res)
{
    if (res->status != 200 || res->location || res->set_cookie[0] || res->body.len > ANSWER_MAX)
        return;
    struct rh_server_cache *c = sl->cache;
    pthread_mutex_lock(&c->lock);
    if (sl->epoch != c->epoch) {
        /* built on an epoch that has ended: nobody would take it */
        pthread_mutex_unlock(&c->lock);
        return;
    }
    struct answer *a = NULL;
    for (int i = 0; i < ANSWERS && !a; i++) /* the same question built twice: once */
        if (c->ans[i].key && c->ans[i].epoch == sl->epoch && !strcmp(c->ans[i].key, key))
            a = &c->ans[i];
    if (!a) {
        a = &c->ans[c->next_ans];
        c->next_ans = (c->next_ans + 1) % ANSWERS;
    }
    rh_free(a->key);
    a->key = NULL;
    rh_buf_reset(&a->body);
    if ((a->key = rh_strdup(key)) &&
        !rh_buf_append(&a->body, res->body.data ? res->body.data : "", res->body.len)) {
        a->epoch = sl->epoch;
        a->status = res->status;
        a->type = res->content_type;
    } else {
        rh_free(a->key);
        a->key = NULL;
    }
    pthread_mutex_unlock(&c->lock);
}
