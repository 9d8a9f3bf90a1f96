/* SPDX-License-Identifier: MIT */
/*
 * What the web app keeps between requests (runhip/server.h
 * rh_server_cache): read-only database connections, one per request in
 * flight (so about one per worker thread), and the last answers given,
 * shared by them. A connection is taken from the pool for a GET and given
 * back after. The key of an answer holds the path, the query and the
 * runner's day; an answer whose handler set ctx.no_keep (it depends on the
 * clock) is never kept, nor one with another status than 200, a redirect
 * or a cookie.
 *
 * Epochs: whether the database changed is decided once for the whole
 * cache, on a connection of its own (the watcher): SQLite's data_version,
 * which moves when anyone else commits, and a stat() (the same file still
 * at the path). A change starts a new epoch, so one commit starts one
 * epoch (each pooled connection has a data_version of its own: when each
 * decided for itself, one commit started several epochs). A request takes
 * the epoch current when its connection is taken; its pages are built
 * after that decision, so they hold at least the data it saw, and an
 * answer kept under an epoch is one the database gives again.
 *
 * Deciding costs a read transaction and a stat(), more than the rest of a
 * kept answer: it is made again only when RH_SERVER_FRESH_MS have passed
 * since the last one or the server wrote since (every POST and the plan
 * made for a GET count their writes here, cache_wrote), so the server's
 * own writes are seen at once and another program's within
 * RH_SERVER_FRESH_MS. When the decision is only due to the time and
 * another thread is making it, a request goes on with the current epoch.
 *
 * One build per page and epoch (an import alongside commits many times a
 * second, and 256 connections asking for the today page after each
 * commit each built it, 0.3 ms a time): the first request that misses an
 * answer marks it as being built; the others asking for it meanwhile take
 * the previous epoch's answer when the change came from another program
 * (it is at most a build old: the same staleness as RH_SERVER_FRESH_MS),
 * never when the server wrote since that answer was built (a runner who
 * logs 9/10 pain and is sent to the today page sees the banner); else
 * they wait for it, at most WAIT_MS, and build it themselves after. No
 * lock is held while a page is built.
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
#define WAIT_MS 100                /* the longest wait for another's build */
#define STALE_MS RH_SERVER_FRESH_MS /* the previous answer given so long after a change */

enum answer_state { A_READY, A_BUILDING, A_NOKEEP };

/* A kept body, never changed: a request that found it holds a reference
 * while it copies it, outside the lock (a copy under the lock made the
 * other threads wait behind a thread preempted while copying). */
struct body {
    _Atomic unsigned refs;
    size_t len;
    char data[];
};

struct answer {
    char *key; /* NULL: empty */
    uint64_t epoch;
    enum answer_state state; /* A_NOKEEP: not kept this epoch (no one waits) */
    int status;
    const char *type;
    struct body *body; /* A_READY: the answer's */
};

static struct body *body_new(const struct rh_buf *b)
{
    struct body *bd = rh_malloc(sizeof *bd + b->len + 1);
    if (!bd)
        return NULL;
    atomic_init(&bd->refs, 1);
    bd->len = b->len;
    if (b->len)
        memcpy(bd->data, b->data, b->len);
    bd->data[b->len] = '\0';
    return bd;
}

static void body_drop(struct body *bd)
{
    if (bd && atomic_fetch_sub(&bd->refs, 1) == 1)
        rh_free(bd);
}

struct rh_server_slot {
    struct rh_server_slot *next;
    struct rh_store *s;
    uint64_t gen;          /* the cache's file generation it was opened in */
    uint64_t epoch;        /* the cache's epoch when it was taken */
    uint64_t refreshed;    /* the epoch of its last rh_store_refresh; 0: never */
    struct rh_server_cache *cache;
};

struct rh_server_cache {
    pthread_mutex_t lock; /* everything below but the watcher's part */
    pthread_cond_t built; /* an answer being built was kept or given up */
    struct rh_server_slot *idle;
    _Atomic uint64_t writes; /* writes through the server (cache_wrote) */
    uint64_t writes_seen;    /* writes at the last decision */
    double checked;          /* monotonic seconds of the last decision; 0: none */
    uint64_t epoch;          /* 1 from the first decision on */
    double epoch_since;      /* monotonic seconds of the epoch's start */
    uint64_t write_epoch;    /* the epoch of the last decision after a write of ours */
    uint64_t gen;            /* the database file's generation (replaced: +1) */
    uint64_t builds;         /* answers looked for and not found (tests) */
    struct answer ans[ANSWERS];
    unsigned next_ans;
    /* the watcher: its own connection, used under watch_lock only */
    pthread_mutex_t watch_lock;
    struct rh_store *watch;
    char *path;
    dev_t dev;
    ino_t ino;
    int64_t version;
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

uint64_t cache_builds(struct rh_server_cache *c)
{
    pthread_mutex_lock(&c->lock);
    uint64_t n = c->builds;
    pthread_mutex_unlock(&c->lock);
    return n;
}

int rh_server_cache_new(struct rh_server_cache **out, struct rh_err *err)
{
    struct rh_server_cache *c = rh_calloc(1, sizeof *c);
    if (!c)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    pthread_mutex_init(&c->lock, NULL);
    pthread_mutex_init(&c->watch_lock, NULL);
    pthread_cond_init(&c->built, NULL);
    *out = c;
    return 0;
}

static void answer_clear(struct answer *a)
{
    rh_free(a->key);
    a->key = NULL;
    body_drop(a->body);
    a->body = NULL;
}

static void slot_close(struct rh_server_slot *sl)
{
    rh_store_close(sl->s);
    sl->s = NULL;
    sl->refreshed = 0;
}

static void watch_close(struct rh_server_cache *c)
{
    rh_store_close(c->watch);
    c->watch = NULL;
    rh_free(c->path);
    c->path = NULL;
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
    for (int i = 0; i < ANSWERS; i++)
        answer_clear(&c->ans[i]);
    watch_close(c);
    pthread_cond_destroy(&c->built);
    pthread_mutex_destroy(&c->watch_lock);
    pthread_mutex_destroy(&c->lock);
    rh_free(c);
}

/* Has the database changed since the last decision? Made by one thread at
 * a time on the watcher. wait: the caller must see the decision (the
 * server wrote since, or none was made yet); else a thread deciding
 * already does it for everyone. */
static int decide(struct rh_server_cache *c, const struct rh_server_config *cfg, bool wait,
                  struct rh_err *err)
{
    if (wait)
        pthread_mutex_lock(&c->watch_lock);
    else if (pthread_mutex_trylock(&c->watch_lock) != 0)
        return 0;
    double now = mono_s();
    /* read before the check: a write during it is seen at the next one */
    uint64_t writes = atomic_load(&c->writes);
    pthread_mutex_lock(&c->lock);
    /* made meanwhile by another thread? */
    bool due = c->checked == 0 || writes != c->writes_seen ||
               now - c->checked >= RH_SERVER_FRESH_MS / 1000.0;
    bool ours = writes != c->writes_seen;
    pthread_mutex_unlock(&c->lock);
    int r = 0;
    bool reopened = false;
    if (due) {
        struct stat sb;
        bool here = stat(cfg->db_path, &sb) == 0;
        /* another database, or the file replaced (a new one at the same path) */
        if (c->watch && (!here || strcmp(c->path, cfg->db_path) != 0 || sb.st_dev != c->dev ||
                         sb.st_ino != c->ino))
            watch_close(c);
        if (!c->watch) {
            reopened = true;
            if (!(c->path = rh_strdup(cfg->db_path)))
                r = rh_err_set(err, RH_ENOMEM, "out of memory");
            if (!r)
                r = rh_store_open_tz(cfg->db_path, RH_STORE_READONLY, cfg->zone, &c->watch, err);
            if (!r && stat(cfg->db_path, &sb) == 0) {
                c->dev = sb.st_dev;
                c->ino = sb.st_ino;
            }
        }
        int64_t v = -1;
        if (!r)
            r = rh_store_refresh(c->watch, &v, err);
        if (r) {
            watch_close(c);
        } else {
            pthread_mutex_lock(&c->lock);
            if (reopened || v != c->version) {
                c->epoch++;
                c->epoch_since = now;
                /* the answers of another file are not even kept */
                c->gen += reopened;
            }
            /* the answers built before our write are not given any more,
             * even while a new one is being built */
            if (ours)
                c->write_epoch = c->epoch;
            c->version = v;
            c->checked = now;
            c->writes_seen = writes;
            pthread_mutex_unlock(&c->lock);
        }
    }
    pthread_mutex_unlock(&c->watch_lock);
    return r;
}

struct rh_server_slot *cache_take(struct rh_server_cache *c, const struct rh_server_config *cfg,
                                  struct rh_err *err)
{
    double now = mono_s();
    uint64_t writes = atomic_load(&c->writes);
    pthread_mutex_lock(&c->lock);
    struct rh_server_slot *sl = c->idle;
    if (sl)
        c->idle = sl->next;
    /* the first decision and one after our write are waited for */
    bool wait = writes != c->writes_seen || c->checked == 0;
    bool due = wait || now - c->checked >= RH_SERVER_FRESH_MS / 1000.0;
    pthread_mutex_unlock(&c->lock);
    if (!sl) {
        if (!(sl = rh_calloc(1, sizeof *sl))) {
            rh_err_set(err, RH_ENOMEM, "out of memory");
            return NULL;
        }
        sl->cache = c;
    }
    sl->next = NULL;
    int r = due ? decide(c, cfg, wait, err) : 0;
    if (!r) {
        pthread_mutex_lock(&c->lock);
        sl->epoch = c->epoch;
        uint64_t gen = c->gen;
        r = sl->epoch ? 0 : rh_err_set(err, RH_EIO, "%s", web_words("web_server", "db_unchecked"));
        pthread_mutex_unlock(&c->lock);
        if (sl->s && sl->gen != gen)
            slot_close(sl);
        if (!r && !sl->s) {
            r = rh_store_open_tz(cfg->db_path, RH_STORE_READONLY, cfg->zone, &sl->s, err);
            sl->gen = gen;
        }
        /* a commit since its last look: the profile's zone may have changed */
        int64_t v;
        if (!r && sl->refreshed != sl->epoch && !(r = rh_store_refresh(sl->s, &v, err)))
            sl->refreshed = sl->epoch;
    }
    if (r) {
        slot_close(sl);
        cache_give(c, sl);
        return NULL;
    }
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

/* Under the lock: the answer of key in epoch, or NULL. */
static struct answer *answer_of(struct rh_server_cache *c, const char *key, uint64_t epoch)
{
    for (int i = 0; i < ANSWERS; i++)
        if (c->ans[i].key && c->ans[i].epoch == epoch && !strcmp(c->ans[i].key, key))
            return &c->ans[i];
    return NULL;
}

/* Under the lock: the answer of key of the epoch before the current one
 * when a request in the current one may have it while another builds the
 * new one: the change came from another program (no write of ours since
 * that answer) and is at most STALE_MS old (the answer held the data up
 * to the change); else NULL. */
static struct answer *answer_before(struct rh_server_cache *c, const char *key, uint64_t epoch)
{
    if (epoch != c->epoch || c->write_epoch >= epoch || mono_s() - c->epoch_since > STALE_MS / 1000.0)
        return NULL;
    struct answer *a = answer_of(c, key, epoch - 1);
    return a && a->state == A_READY ? a : NULL;
}

/* Under the lock: a place for a new answer, its old one dropped (never
 * one being built of the current epoch, which others wait for); NULL when
 * there is none. */
static struct answer *answer_new(struct rh_server_cache *c, const char *key, uint64_t epoch)
{
    for (int n = 0; n < ANSWERS; n++) {
        struct answer *a = &c->ans[c->next_ans];
        c->next_ans = (c->next_ans + 1) % ANSWERS;
        if (a->key && a->state == A_BUILDING && a->epoch == c->epoch)
            continue;
        if (a->key && a->state == A_BUILDING)
            pthread_cond_broadcast(&c->built); /* its waiters look again */
        answer_clear(a);
        if (!(a->key = rh_strdup(key)))
            return NULL;
        a->epoch = epoch;
        a->state = A_BUILDING;
        return a;
    }
    return NULL;
}

bool cache_find(struct rh_server_slot *sl, const char *key, struct rh_server_response *out)
{
    struct rh_server_cache *c = sl->cache;
    struct answer *got = NULL;
    struct timespec until = {0, 0};
    pthread_mutex_lock(&c->lock);
    for (;;) {
        struct answer *a = answer_of(c, key, sl->epoch);
        if (a && a->state == A_READY) {
            got = a;
            break;
        }
        if (!a) {
            /* the first to ask in this epoch: it builds, the others wait */
            answer_new(c, key, sl->epoch);
            break;
        }
        if (a->state == A_NOKEEP)
            break;
        /* being built by another request */
        if ((got = answer_before(c, key, sl->epoch)))
            break;
        if (!until.tv_sec) {
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += WAIT_MS * 1000000L;
            until.tv_sec += until.tv_nsec / 1000000000L;
            until.tv_nsec %= 1000000000L;
        }
        if (pthread_cond_timedwait(&c->built, &c->lock, &until) != 0)
            break; /* waited long enough: builds it itself */
    }
    struct body *bd = NULL;
    if (got) {
        bd = got->body;
        atomic_fetch_add(&bd->refs, 1);
        out->status = got->status;
        out->content_type = got->type;
    } else {
        c->builds++;
    }
    pthread_mutex_unlock(&c->lock);
    if (!bd)
        return false;
    rh_buf_reset(&out->body);
    bool ok = !rh_buf_append(&out->body, bd->data, bd->len);
    body_drop(bd);
    return ok; /* out of memory: built (and not kept, there is one) */
}

void cache_keep(struct rh_server_slot *sl, const char *key, const struct rh_server_response *res)
{
    if (!key)
        return;
    if (res && (res->status != 200 || res->location || res->set_cookie[0] ||
                res->body.len > ANSWER_MAX))
        res = NULL;
    struct body *bd = res ? body_new(&res->body) : NULL; /* not under the lock */
    struct rh_server_cache *c = sl->cache;
    pthread_mutex_lock(&c->lock);
    struct answer *a = answer_of(c, key, sl->epoch);
    if (!a && bd && sl->epoch == c->epoch)
        a = answer_new(c, key, sl->epoch);
    if (a && a->state != A_READY) {
        /* not kept: the others asking in this epoch build it themselves */
        a->state = A_NOKEEP;
        if (bd) {
            a->state = A_READY;
            a->body = bd;
            a->status = res->status;
            a->type = res->content_type;
            bd = NULL;
        }
        pthread_cond_broadcast(&c->built);
    }
    pthread_mutex_unlock(&c->lock);
    body_drop(bd);
}
