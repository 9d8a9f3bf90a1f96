/* SPDX-License-Identifier: MIT */
/*
 * runhip/server.h: the local read-only dashboard of `runhip serve`. The
 * routing and every page live in one pure function, rh_server_handle, that
 * turns (method, path) into a response from the store, so the pages are
 * tested in-process; a small libmicrohttpd daemon (rh_server_start) calls it
 * with a fresh read-only store connection per request. Nothing here writes
 * to the database, prints, or reads the environment. Routes and page layout:
 * docs/internals/server.md.
 *
 * Ownership: a struct rh_server_response is caller-owned; rh_server_handle
 * fills its body buffer, rh_server_response_release frees it. content_type
 * and allow point to static strings. The store is borrowed for the call.
 * rh_server_start returns a daemon freed by rh_server_stop; the options'
 * strings are copied.
 */
#ifndef RUNHIP_SERVER_H
#define RUNHIP_SERVER_H

#include <stdint.h>

#include "runhip/store.h"
#include "runhip/util.h"

#define RH_SERVER_DEFAULT_PORT 8417
#define RH_SERVER_DEFAULT_BIND "127.0.0.1"

struct rh_server_response {
    int status;               /* HTTP status: 200, 404, 405, 500 */
    const char *content_type; /* static, with charset for text */
    const char *allow;        /* static "GET" on a 405, else NULL */
    struct rh_buf body;       /* owned */
};

/* Zeroes r and sets up an empty body. */
void rh_server_response_init(struct rh_server_response *r);
/* Frees the body; safe on an initialised response. */
void rh_server_response_release(struct rh_server_response *r);

/* Answers one request. method and path come from the request line (a query
 * string after '?' is ignored). Routes: GET / (HTML), /load.svg,
 * /api/activities, /api/load, /api/assessment, /api/plan (JSON); other
 * paths 404, other methods 405. s may be NULL (the database could not be
 * opened): every data route then answers 500. Returns 0 with out filled
 * (status and body set, also for 404/405/500), or RH_ENOMEM / RH_ELIMIT
 * when the body could not be built (out then holds a 500). "Today" (for the
 * week of the plan) is the UTC day of the system clock. */
int rh_server_handle(struct rh_store *s, const char *method, const char *path,
                     struct rh_server_response *out);
/* As rh_server_handle with today given as a UTC day number (for tests). */
int rh_server_handle_at(struct rh_store *s, int32_t today, const char *method, const char *path,
                        struct rh_server_response *out);

/* Appends s with & < > " ' replaced by HTML entities and control bytes
 * other than tab and newline dropped (NULL appends nothing). 0 or
 * RH_ENOMEM / RH_ELIMIT. */
int rh_server_html_escape(struct rh_buf *b, const char *s);

/* True when addr is an IPv4 loopback address (127.0.0.0/8), "::1" or
 * "localhost". */
bool rh_server_is_loopback(const char *addr);

struct rh_server_opts {
    const char *bind;    /* numeric IPv4 or IPv6 address; NULL: 127.0.0.1 */
    unsigned port;       /* 0: any free port (see rh_server_port) */
    const char *db_path; /* opened read-only for each request */
};

struct rh_server; /* opaque running daemon */

/* Starts the daemon with its own polling thread. RH_EINVAL for an address
 * that is not numeric, RH_EIO when the socket cannot be bound (err says
 * why). *out is set only on success; stop with rh_server_stop. */
int rh_server_start(const struct rh_server_opts *o, struct rh_server **out, struct rh_err *err);
/* The port the daemon listens on (the one chosen when opts.port was 0). */
unsigned rh_server_port(const struct rh_server *srv);
/* Stops the daemon (waits for its thread) and frees it; NULL is ignored. */
void rh_server_stop(struct rh_server *srv);

#endif
