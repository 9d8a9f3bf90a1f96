/* SPDX-License-Identifier: MIT */
/*
 * The libmicrohttpd glue of the web app. A thread pool (no thread per
 * connection), a connection limit under the process's file limit with a
 * per-address share, an idle timeout, and real deadlines: a watchdog
 * thread shuts the socket of a connection whose request headers are not
 * complete HEADER_S after it opened (or after its previous answer), or
 * whose body is not in BODY_S after its headers: a slow client cannot hold
 * a slot by trickling bytes. The checks that need only the headers
 * (rh_server_precheck: target with a NUL, Host, token, route, method,
 * size) answer before any body byte is read. POST bodies go through
 * libmicrohttpd's post processor: form fields into a bounded buffer, an
 * uploaded file streamed to a spool file (removed when the request ends).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "runhip/server.h"
#include "runhip/text.h"
#include "server/server_int.h"
#include "util/banned.h"

/* words22: the daemon's own words (its start-up errors, the answer to a
 * POST of another type), data/wording.txt [web_daemon], a closed set of
 * printf formats without markup checked before the server starts */
#define W(key) web_words("web_daemon", (key))
static const struct rh_words_format daemon_words[] = {
    {"form_type", ""},   {"bad_options", ""},   {"not_numeric", "s"}, {"needs_token", "s"},
    {"out_of_memory", ""}, {"watchdog", ""},    {"cannot_listen", "sd"},
};

#define IDLE_TIMEOUT_S 10
#define HEADER_S 10.0 /* request line and headers, from connect or the previous answer */
#define BODY_S 120.0  /* the body and the answer, from the end of the headers */
/* libmicrohttpd gives each connection to one thread of the pool for its
 * life: a thread waiting for the CPU (an import alongside on a 2-core
 * machine) holds up all of its connections, 64 each of 4 at 256
 * connections; 16 threads (16 at most in flight, each with its read-only
 * connection) lowered p50 and mostly p99 during an import at 256
 * connections on a shared machine (bench/README.md) */
#define DEFAULT_THREADS 16
#define MAX_CONNECTIONS 4096
#define POST_BUFFER 16384

struct conn {
    struct conn *prev, *next;
    int fd;
    double deadline; /* monotonic seconds; 0: none */
};

struct rh_server {
    struct MHD_Daemon *mhd;
    char *db_path, *token, *hosts, *tmp_dir, *zone;
    char csrf[RH_SERVER_TOKEN_LEN + 1];
    struct rh_server_config cfg;
    struct rh_server_cache *cache; /* kept connections and answers */
    unsigned port;
    double header_s, body_s;
    /* the watchdog */
    pthread_t dog;
    bool dog_running, stopping;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    struct conn *conns;
};

struct files {
    char spool[RH_SERVER_UPLOAD_FILES][512];
    char name[RH_SERVER_UPLOAD_FILES][256];
};

struct req {
    struct rh_server *srv;
    char *target; /* as sent, not decoded */
    bool started;
    bool answered; /* a response was queued before the body */
    size_t body_max;
    bool is_upload, too_large, bad_body;
    uint64_t body_bytes;
    struct rh_buf form; /* the fields, url-encoded again */
    struct MHD_PostProcessor *pp;
    int fd; /* the spool file of the file being received, or -1 */
    size_t n_files, dropped;
    struct files *up; /* made at the first file of an upload (15 KB no other request needs) */
    uint64_t upload_bytes;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void set_deadline(struct rh_server *srv, struct MHD_Connection *mc, double secs)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(mc, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    struct conn *c = ci ? (struct conn *)ci->socket_context : NULL;
    if (!c)
        return;
    pthread_mutex_lock(&srv->lock);
    c->deadline = now_s() + secs;
    pthread_mutex_unlock(&srv->lock);
}

static void on_connection(void *cls, struct MHD_Connection *mc, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    struct rh_server *srv = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        struct conn *c = rh_calloc(1, sizeof *c);
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (!c || !ci) {
            rh_free(c);
            return;
        }
        c->fd = ci->connect_fd;
        c->deadline = now_s() + srv->header_s;
        pthread_mutex_lock(&srv->lock);
        c->next = srv->conns;
        if (c->next)
            c->next->prev = c;
        srv->conns = c;
        pthread_mutex_unlock(&srv->lock);
        *socket_context = c;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
        struct conn *c = *socket_context;
        /* removed before libmicrohttpd closes the socket: the watchdog
         * never touches a number that is reused */
        pthread_mutex_lock(&srv->lock);
        if (c->prev)
            c->prev->next = c->next;
        else
            srv->conns = c->next;
        if (c->next)
            c->next->prev = c->prev;
        pthread_mutex_unlock(&srv->lock);
        rh_free(c);
        *socket_context = NULL;
    }
}

static void *watchdog(void *arg)
{
    struct rh_server *srv = arg;
    pthread_mutex_lock(&srv->lock);
    while (!srv->stopping) {
        double t = now_s();
        for (struct conn *c = srv->conns; c; c = c->next)
            if (c->deadline > 0 && t > c->deadline) {
                shutdown(c->fd, SHUT_RDWR);
                c->deadline = 0;
            }
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += 1;
        pthread_cond_timedwait(&srv->wake, &srv->lock, &ts);
    }
    pthread_mutex_unlock(&srv->lock);
    return NULL;
}

/* Called when the request line is in: keeps the target as sent (the
 * handler's url is already decoded, so "%00" would be gone). */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *mc)
{
    (void)mc;
    struct req *r = rh_calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->srv = cls;
    r->target = rh_strdup(uri ? uri : "");
    r->fd = -1;
    rh_buf_init(&r->form, RH_SERVER_FORM_MAX);
    return r;
}

static void req_free(struct req *r)
{
    if (!r)
        return;
    if (r->pp)
        MHD_destroy_post_processor(r->pp);
    if (r->fd >= 0)
        close(r->fd);
    for (size_t i = 0; i < r->n_files; i++)
        if (r->up->spool[i][0])
            unlink(r->up->spool[i]);
    rh_buf_release(&r->form);
    rh_free(r->up);
    rh_free(r->target);
    rh_free(r);
}

static void on_completed(void *cls, struct MHD_Connection *mc, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)toe;
    struct rh_server *srv = cls;
    req_free(*con_cls);
    *con_cls = NULL;
    /* the next request on a kept-alive connection gets its own time */
    set_deadline(srv, mc, srv->header_s);
}

static int form_append_enc(struct req *r, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        char e[3];
        int rc;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '-' || ch == '_' || ch == '.' || ch == '~') {
            rc = rh_buf_append(&r->form, s + i, 1);
        } else {
            e[0] = '%';
            e[1] = hex[ch >> 4];
            e[2] = hex[ch & 15];
            rc = rh_buf_append(&r->form, e, 3);
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* The extension of a sent file name, kept for the spool file (letters and
 * digits only), so the import sees ".zip" or ".gz" as the runner's file. */
static void spool_suffix(const char *name, char *out, size_t cap)
{
    out[0] = '\0';
    const char *dot = name ? strrchr(name, '.') : NULL;
    if (!dot || strlen(dot) > 6)
        return;
    for (const char *p = dot + 1; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return;
    snprintf(out, cap, "%s", dot);
}

/* Opens the spool file of file i when the post processor meets its part. */
static bool open_spool(struct rh_server *srv, struct req *r, size_t i)
{
    char suffix[8];
    spool_suffix(r->up->name[i], suffix, sizeof suffix);
    snprintf(r->up->spool[i], sizeof r->up->spool[i], "%s/runhip-upload-XXXXXX%s",
             srv->tmp_dir ? srv->tmp_dir : "/tmp", suffix);
    r->fd = mkstemps(r->up->spool[i], (int)strlen(suffix));
    if (r->fd < 0) {
        r->up->spool[i][0] = '\0';
        return false;
    }
    return true;
}

static enum MHD_Result on_post(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *filename, const char *content_type,
                               const char *transfer_encoding, const char *data, uint64_t off,
                               size_t size)
{
    (void)kind;
    (void)content_type;
    (void)transfer_encoding;
    struct req *r = cls;
    if (r->too_large)
        return MHD_YES;
    if (filename) {
        if (!r->is_upload || strcmp(key, "file") != 0 || !filename[0])
            return MHD_YES; /* no other file is taken; "" is no file chosen */
        if (off == 0) {
            /* a new file part: the one before is complete */
            if (r->fd >= 0) {
                close(r->fd);
                r->fd = -1;
            }
            if (r->n_files == RH_SERVER_UPLOAD_FILES) {
                r->dropped++;
                return MHD_YES;
            }
            if (!r->up && !(r->up = rh_calloc(1, sizeof *r->up))) {
                r->bad_body = true;
                return MHD_NO;
            }
            size_t i = r->n_files++;
            snprintf(r->up->name[i], sizeof r->up->name[i], "%s", filename);
            if (!open_spool(r->srv, r, i)) {
                r->bad_body = true;
                return MHD_NO;
            }
        }
        if (r->fd < 0)
            return MHD_YES;
        r->upload_bytes += size;
        const char *p = data;
        size_t left = size;
        while (left) {
            ssize_t w = write(r->fd, p, left);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                r->bad_body = true;
                return MHD_NO;
            }
            p += w;
            left -= (size_t)w;
        }
        return MHD_YES;
    }
    int rc = 0;
    if (off == 0) {
        if (r->form.len)
            rc = rh_buf_append(&r->form, "&", 1);
        if (!rc)
            rc = form_append_enc(r, key, strlen(key));
        if (!rc)
            rc = rh_buf_append(&r->form, "=", 1);
    }
    if (!rc)
        rc = form_append_enc(r, data, size);
    if (rc)
        r->too_large = true;
    return MHD_YES;
}

static enum MHD_Result send_response(struct MHD_Connection *mc, struct rh_server_response *res)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        res->body.len, res->body.len ? res->body.data : (void *)"", MHD_RESPMEM_MUST_COPY);
    if (!resp)
        return MHD_NO;
    enum MHD_Result ok = MHD_YES;
    if (res->content_type)
        ok = MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, res->content_type);
    if (ok && res->allow)
        ok = MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, res->allow);
    if (ok && res->location)
        ok = MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, res->location);
    if (ok && res->set_cookie[0])
        ok = MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, res->set_cookie);
    for (size_t i = 0; ok && rh_server_headers[i][0]; i++)
        ok = MHD_add_response_header(resp, rh_server_headers[i][0], rh_server_headers[i][1]);
    if (ok)
        ok = MHD_queue_response(mc, (unsigned)res->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static void fill_request(struct MHD_Connection *mc, struct req *r, const char *method,
                         struct rh_server_request *q)
{
    memset(q, 0, sizeof *q);
    q->method = method;
    q->target = r->target;
    q->host = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    q->cookie = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE);
    q->authorization =
        MHD_lookup_connection_value(mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    q->forwarded_proto = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, "X-Forwarded-Proto");
    const char *cl =
        MHD_lookup_connection_value(mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *te =
        MHD_lookup_connection_value(mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
    if (cl) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(cl, &end, 10);
        q->content_length = errno || *end || end == cl ? UINT64_MAX : v;
        q->has_body = q->content_length > 0;
    }
    if (te)
        q->has_body = true;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *mc, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    (void)url;
    (void)version;
    struct rh_server *srv = cls;
    struct req *r = *con_cls;
    if (!r)
        return MHD_NO; /* out of memory at the request line */
    struct rh_server_request q;
    struct rh_server_response res;
    if (!r->started) {
        r->started = true;
        set_deadline(srv, mc, srv->body_s);
        fill_request(mc, r, method, &q);
        rh_server_response_init(&res);
        bool go = rh_server_precheck(&srv->cfg, &q, &r->body_max, &r->is_upload, &res);
        if (go && !strcmp(method, "POST")) {
            r->pp = MHD_create_post_processor(mc, POST_BUFFER, on_post, r);
            if (!r->pp) {
                res.status = 415;
                res.content_type = "text/plain; charset=utf-8";
                rh_buf_reset(&res.body);
                rh_buf_puts(&res.body, W("form_type"));
                rh_buf_puts(&res.body, "\n");
                go = false;
            }
        }
        if (go) {
            rh_server_response_release(&res);
            return MHD_YES;
        }
        /* answered on the headers alone: the body is never read */
        r->answered = true;
        enum MHD_Result ok = send_response(mc, &res);
        rh_server_response_release(&res);
        return ok;
    }
    if (r->answered) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (*upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        r->body_bytes += n;
        if (r->body_bytes > r->body_max)
            r->too_large = true;
        if (r->too_large && !r->is_upload)
            return MHD_NO; /* a form over its limit (sent without a length) */
        if (r->too_large) {
            /* keep nothing of it, and stop reading */
            if (r->fd >= 0) {
                close(r->fd);
                r->fd = -1;
            }
            return MHD_NO;
        }
        if (r->pp && MHD_post_process(r->pp, upload_data, n) != MHD_YES)
            r->bad_body = true;
        return r->bad_body ? MHD_NO : MHD_YES;
    }
    /* the whole request is in */
    if (r->pp) {
        MHD_destroy_post_processor(r->pp);
        r->pp = NULL;
    }
    if (r->fd >= 0) {
        close(r->fd);
        r->fd = -1;
    }
    fill_request(mc, r, method, &q);
    q.body = r->form.len ? r->form.data : "";
    q.body_len = r->form.len;
    for (size_t i = 0; i < r->n_files; i++)
        if (r->up->spool[i][0]) {
            q.upload_paths[q.n_uploads] = r->up->spool[i];
            q.upload_names[q.n_uploads++] = r->up->name[i];
        }
    q.upload_dropped = r->dropped;
    q.upload_too_large = r->too_large;
    rh_server_response_init(&res);
    rh_server_handle(&srv->cfg, &q, &res);
    enum MHD_Result ok = send_response(mc, &res);
    rh_server_response_release(&res);
    return ok;
}

static unsigned connection_limit(void)
{
    struct rlimit rl;
    rlim_t n = 1024;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        n = rl.rlim_cur;
    else if (getrlimit(RLIMIT_NOFILE, &rl) == 0)
        n = MAX_CONNECTIONS;
    /* room for the database (a read-only connection per worker thread and
     * the cache's watcher, 3 files each), the workers' epoll and wake-up
     * files, spool files and the library's own */
    n = n > 384 ? n - 192 : n / 2;
    return n > MAX_CONNECTIONS ? MAX_CONNECTIONS : (unsigned)n;
}

static void server_free(struct rh_server *srv)
{
    rh_server_cache_free(srv->cache);
    rh_free(srv->db_path);
    rh_free(srv->token);
    rh_free(srv->hosts);
    rh_free(srv->tmp_dir);
    rh_free(srv->zone);
    pthread_mutex_destroy(&srv->lock);
    pthread_cond_destroy(&srv->wake);
    rh_free(srv);
}

static char *dup_or_null(const char *s, bool *fail)
{
    if (!s)
        return NULL;
    char *d = rh_strdup(s);
    if (!d)
        *fail = true;
    return d;
}

int rh_server_start(const struct rh_server_opts *o, struct rh_server **out, struct rh_err *err)
{
    int wr = rh_words_plain_format_check("web_daemon", daemon_words,
                                         sizeof daemon_words / sizeof *daemon_words, err);
    if (wr)
        return wr;
    if (!o || !o->db_path || !out || o->port > 65535)
        return rh_err_set(err, RH_EINVAL, "%s", W("bad_options"));
    const char *bind_addr = o->bind ? o->bind : RH_SERVER_DEFAULT_BIND;
    if (!strcmp(bind_addr, "localhost"))
        bind_addr = RH_SERVER_DEFAULT_BIND;
    struct sockaddr_in a4;
    struct sockaddr_in6 a6;
    const struct sockaddr *sa;
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD;
    memset(&a4, 0, sizeof a4);
    memset(&a6, 0, sizeof a6);
    if (inet_pton(AF_INET, bind_addr, &a4.sin_addr) == 1) {
        a4.sin_family = AF_INET;
        a4.sin_port = htons((uint16_t)o->port);
        sa = (const struct sockaddr *)&a4;
    } else {
        char tmp[64];
        size_t len = strlen(bind_addr);
        if (len >= 2 && bind_addr[0] == '[' && bind_addr[len - 1] == ']' && len - 2 < sizeof tmp)
            snprintf(tmp, sizeof tmp, "%.*s", (int)(len - 2), bind_addr + 1);
        else
            snprintf(tmp, sizeof tmp, "%s", bind_addr);
        if (inet_pton(AF_INET6, tmp, &a6.sin6_addr) != 1)
            return rh_err_set(err, RH_EINVAL, W("not_numeric"), bind_addr);
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons((uint16_t)o->port);
        sa = (const struct sockaddr *)&a6;
        flags |= MHD_USE_IPv6;
    }
    if (!rh_server_is_loopback(bind_addr) && (!o->token || strlen(o->token) < 16))
        return rh_err_set(err, RH_EINVAL, W("needs_token"), bind_addr);
    struct rh_server *srv = rh_calloc(1, sizeof *srv);
    if (!srv)
        return rh_err_set(err, RH_ENOMEM, "%s", W("out_of_memory"));
    pthread_mutex_init(&srv->lock, NULL);
    pthread_cond_init(&srv->wake, NULL);
    bool fail = false;
    srv->db_path = dup_or_null(o->db_path, &fail);
    srv->token = dup_or_null(o->token, &fail);
    srv->hosts = dup_or_null(o->hosts, &fail);
    srv->tmp_dir = dup_or_null(o->tmp_dir, &fail);
    srv->zone = dup_or_null(o->zone, &fail);
    if (fail) {
        server_free(srv);
        return rh_err_set(err, RH_ENOMEM, "%s", W("out_of_memory"));
    }
    int r = rh_server_token(srv->csrf, err);
    if (!r)
        r = rh_server_cache_new(&srv->cache, err);
    if (r) {
        server_free(srv);
        return r;
    }
    srv->cfg = (struct rh_server_config){.db_path = srv->db_path,
                                         .cache = srv->cache,
                                         .token = srv->token,
                                         .csrf = srv->csrf,
                                         .hosts = srv->hosts,
                                         .zone = srv->zone,
                                         .has_today = o->has_today,
                                         .today = o->today,
                                         .upload_max = o->upload_max};
    srv->header_s = o->header_s > 0 ? o->header_s : HEADER_S;
    srv->body_s = o->body_s > 0 ? o->body_s : BODY_S;
    if (pthread_create(&srv->dog, NULL, watchdog, srv) != 0) {
        server_free(srv);
        return rh_err_set(err, RH_EIO, "%s", W("watchdog"));
    }
    srv->dog_running = true;
    unsigned limit = connection_limit();
    srv->mhd = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, on_request, srv, MHD_OPTION_SOCK_ADDR, sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads ? o->threads : DEFAULT_THREADS),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_TIMEOUT_S, MHD_OPTION_CONNECTION_LIMIT,
        limit, MHD_OPTION_PER_IP_CONNECTION_LIMIT, limit / 2 > 1 ? limit / 2 : 1,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv, MHD_OPTION_NOTIFY_CONNECTION,
        on_connection, srv, MHD_OPTION_END);
    if (!srv->mhd) {
        pthread_mutex_lock(&srv->lock);
        srv->stopping = true;
        pthread_cond_signal(&srv->wake);
        pthread_mutex_unlock(&srv->lock);
        pthread_join(srv->dog, NULL);
        server_free(srv);
        return rh_err_set(err, RH_EIO, W("cannot_listen"), bind_addr, (int)o->port);
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv->mhd, MHD_DAEMON_INFO_BIND_PORT);
    srv->port = info && info->port ? info->port : o->port;
    *out = srv;
    return 0;
}

unsigned rh_server_port(const struct rh_server *srv)
{
    return srv ? srv->port : 0;
}

const char *rh_server_csrf(const struct rh_server *srv)
{
    return srv ? srv->csrf : NULL;
}

void rh_server_stop(struct rh_server *srv)
{
    if (!srv)
        return;
    MHD_stop_daemon(srv->mhd);
    pthread_mutex_lock(&srv->lock);
    srv->stopping = true;
    pthread_cond_signal(&srv->wake);
    pthread_mutex_unlock(&srv->lock);
    if (srv->dog_running)
        pthread_join(srv->dog, NULL);
    server_free(srv);
}
