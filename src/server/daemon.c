/* SPDX-License-Identifier: MIT */
/*
 * The libmicrohttpd glue of the dashboard: one daemon with its own polling
 * thread, bound to the given numeric address (127.0.0.1 by default). Each
 * request opens the database read-only, asks rh_server_handle for the
 * answer and closes it again, so the daemon never writes and always shows
 * what is stored now. Requests with a body are refused by the handler (405)
 * before anything is read.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "runhip/server.h"
#include "util/banned.h"

#define REQUEST_TIMEOUT_S 10
#define MAX_CONNECTIONS 32

struct rh_server {
    struct MHD_Daemon *mhd;
    char *db_path;
    unsigned port;
};

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    (void)version;
    (void)upload_data;
    struct rh_server *srv = cls;
    /* First call: headers only. Answer on the second, after skipping any
     * body (the dashboard takes none). */
    static int first;
    if (*con_cls == NULL) {
        *con_cls = &first;
        return MHD_YES;
    }
    if (*upload_data_size) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    struct rh_store *s = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_store_open(srv->db_path, RH_STORE_READONLY, &s, &err))
        s = NULL;
    struct rh_server_response res;
    rh_server_response_init(&res);
    rh_server_handle(s, method, url, &res);
    rh_store_close(s);
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        res.body.len, res.body.len ? res.body.data : (void *)"", MHD_RESPMEM_MUST_COPY);
    rh_server_response_release(&res);
    if (!resp)
        return MHD_NO;
    enum MHD_Result ok = MHD_YES;
    if (res.content_type)
        ok = MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, res.content_type);
    if (ok && res.allow)
        ok = MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, res.allow);
    if (ok)
        ok = MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (ok)
        ok = MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (ok)
        ok = MHD_queue_response(conn, (unsigned)res.status, resp);
    MHD_destroy_response(resp);
    return ok;
}

int rh_server_start(const struct rh_server_opts *o, struct rh_server **out, struct rh_err *err)
{
    if (!o || !o->db_path || !out || o->port > 65535)
        return rh_err_set(err, RH_EINVAL, "bad server options");
    const char *bind_addr = o->bind ? o->bind : RH_SERVER_DEFAULT_BIND;
    if (!strcmp(bind_addr, "localhost"))
        bind_addr = RH_SERVER_DEFAULT_BIND;
    struct sockaddr_in a4;
    struct sockaddr_in6 a6;
    const struct sockaddr *sa;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD;
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
            return rh_err_set(err, RH_EINVAL,
                              "'%s' is not a numeric IPv4 or IPv6 address", bind_addr);
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons((uint16_t)o->port);
        sa = (const struct sockaddr *)&a6;
        flags |= MHD_USE_IPv6;
    }
    struct rh_server *srv = rh_calloc(1, sizeof *srv);
    if (!srv)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    srv->db_path = rh_strdup(o->db_path);
    if (!srv->db_path) {
        rh_free(srv);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    srv->mhd = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, on_request, srv,
                                MHD_OPTION_SOCK_ADDR, sa, MHD_OPTION_CONNECTION_TIMEOUT,
                                (unsigned)REQUEST_TIMEOUT_S, MHD_OPTION_CONNECTION_LIMIT,
                                (unsigned)MAX_CONNECTIONS, MHD_OPTION_END);
    if (!srv->mhd) {
        rh_free(srv->db_path);
        rh_free(srv);
        return rh_err_set(err, RH_EIO,
                          "cannot listen on %s port %u (in use, or not an address of this "
                          "machine)",
                          bind_addr, o->port);
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

void rh_server_stop(struct rh_server *srv)
{
    if (!srv)
        return;
    MHD_stop_daemon(srv->mhd);
    rh_free(srv->db_path);
    rh_free(srv);
}
