/* SPDX-License-Identifier: MIT */
/*
 * runhip/server.h: the web app of `runhip serve`. Every route (page, JSON
 * API, asset) is one row of one table (src/server/routes.c) and every page
 * one file; rh_server_handle turns one request into one response, with the
 * security checks first (Host, access token, CSRF, sizes), so everything is
 * tested in-process. A libmicrohttpd daemon (rh_server_start: thread pool,
 * per-request deadlines, connection limits) feeds it real requests. Pages
 * call the same library functions as the CLI. Nothing here prints or reads
 * the environment. Routes, security and layout: docs/internals/server.md.
 *
 * Ownership: a struct rh_server_response is caller-owned; rh_server_handle
 * fills it, rh_server_response_release frees its body. content_type, allow
 * and location point to static strings or into the response itself. Every
 * string of a config or request is borrowed for the call. rh_server_start
 * returns a daemon freed by rh_server_stop; it copies the options' strings.
 */
#ifndef RUNHIP_SERVER_H
#define RUNHIP_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "runhip/store.h"
#include "runhip/util.h"

#define RH_SERVER_DEFAULT_PORT 8417
#define RH_SERVER_DEFAULT_BIND "127.0.0.1"
/* A form POST body (all fields url-encoded) and an uploaded file. */
#define RH_SERVER_FORM_MAX (64u * 1024u)
#define RH_SERVER_UPLOAD_MAX (64u * 1024u * 1024u)
/* Files one upload takes at most (the form's "multiple"); more are named
 * and not imported. */
#define RH_SERVER_UPLOAD_FILES 20
/* Hex characters of a generated token (access or CSRF). */
#define RH_SERVER_TOKEN_LEN 32

/* What a server keeps between requests: read-only connections to the
 * database (one per request in flight) and the last answers, shared by
 * them, not given again once anyone has written to the database (one page
 * built per change, however many requests ask for it meanwhile). A write
 * through the server itself (a POST) is seen by the very next request; a
 * write by another program (`runhip import` alongside) within
 * RH_SERVER_FRESH_MS (the database is checked at most that often while the
 * server wrote nothing), and while the new page is being built the one of
 * just before that write is given for at most RH_SERVER_FRESH_MS more.
 * Thread-safe. Free with rh_server_cache_free after the last request. */
#define RH_SERVER_FRESH_MS 10
struct rh_server_cache;
int rh_server_cache_new(struct rh_server_cache **out, struct rh_err *err);
void rh_server_cache_free(struct rh_server_cache *c);

struct rh_server_config {
    const char *db_path;  /* the database; GETs open it read-only, POSTs read-write */
    struct rh_server_cache *cache; /* borrowed; NULL: a connection opened per request */
    const char *token;    /* access token required on every request, or NULL (loopback) */
    const char *csrf;     /* token every POST form must carry (field "csrf"); required */
    const char *hosts;    /* more accepted Host names, comma-separated, or NULL */
    const char *zone;     /* time zone while the profile names none ($TZ), or NULL */
    bool has_today;       /* today given (tests, --today): else the local day of the clock */
    int32_t today;
    size_t upload_max;    /* 0: RH_SERVER_UPLOAD_MAX */
};

struct rh_server_request {
    const char *method;       /* "GET", "HEAD", "POST", ... */
    const char *target;       /* the request target as sent: path?query, not decoded */
    const char *host;         /* Host header, or NULL */
    const char *cookie;       /* Cookie header, or NULL */
    const char *authorization;/* Authorization header, or NULL */
    const char *forwarded_proto; /* X-Forwarded-Proto of a TLS proxy in front, or NULL */
    const char *body;         /* POST: the form fields, application/x-www-form-urlencoded */
    size_t body_len;
    uint64_t content_length;  /* as announced (for the size checks before reading) */
    bool has_body;            /* a body was announced (Content-Length or chunked) */
    size_t n_uploads;         /* POST /import: the files sent, already on disk */
    const char *upload_paths[RH_SERVER_UPLOAD_FILES];
    const char *upload_names[RH_SERVER_UPLOAD_FILES]; /* their names as sent by the browser */
    size_t upload_dropped;    /* files over RH_SERVER_UPLOAD_FILES (not kept) */
    bool upload_too_large;    /* the upload went over the limit (nothing was kept) */
};

struct rh_server_response {
    int status;               /* HTTP status */
    const char *content_type; /* static, with charset for text */
    const char *allow;        /* static, on a 405, else NULL */
    const char *location;     /* a redirect (points into loc), else NULL */
    char loc[512];
    char set_cookie[160];     /* a Set-Cookie value, or "" */
    struct rh_buf body;       /* owned */
};

/* Zeroes r and sets up an empty body. */
void rh_server_response_init(struct rh_server_response *r);
/* Frees the body; safe on an initialised response. */
void rh_server_response_release(struct rh_server_response *r);

/* The checks that need only the request line and headers (the daemon calls
 * it before reading any body): a bad or NUL-carrying target (400), a Host
 * that is not ours (403), a missing or wrong access token (401), an unknown
 * path (404), a method the route does not take (405 with Allow), a body on
 * a route that takes none, or one over its limit (413). Returns true when
 * the request may go on; false with out filled otherwise. *body_max is the
 * body limit of the route (0: none taken). */
bool rh_server_precheck(const struct rh_server_config *cfg, const struct rh_server_request *req,
                        size_t *body_max, bool *is_upload, struct rh_server_response *out);

/* Answers one request (rh_server_precheck first, then the CSRF token of a
 * POST, then the route). Returns 0 with out filled (also for errors the
 * runner should see), or RH_ENOMEM / RH_ELIMIT when the body could not be
 * built (out then holds a 500). */
int rh_server_handle(const struct rh_server_config *cfg, const struct rh_server_request *req,
                     struct rh_server_response *out);

/* Headers sent with every response (Content-Security-Policy without inline
 * script, nosniff, frame-ancestors 'none', no-store, no referrer): pairs of
 * name and value, ended by a NULL name. */
extern const char *const rh_server_headers[][2];

/* Appends s with & < > " ' replaced by HTML entities and control bytes
 * other than tab and newline dropped (NULL appends nothing): the library's
 * one escaper, rh_html_escape with RH_HTML_APOS. 0 or RH_ENOMEM /
 * RH_ELIMIT. */
int rh_server_html_escape(struct rh_buf *b, const char *s);

/* True when addr is an IPv4 loopback address (127.0.0.0/8), "::1" or
 * "localhost". */
bool rh_server_is_loopback(const char *addr);

/* True when a Host header names this server: an IP address literal (with
 * or without a port), "localhost", or one of the comma-separated extra
 * names. A name that is none of these is how DNS rebinding looks. */
bool rh_server_host_ok(const char *host, const char *extra_names);

/* Fills out with RH_SERVER_TOKEN_LEN random hex characters and a NUL
 * (getrandom). 0 or RH_EIO. */
int rh_server_token(char out[RH_SERVER_TOKEN_LEN + 1], struct rh_err *err);

struct rh_server_opts {
    const char *bind;    /* numeric IPv4 or IPv6 address; NULL: 127.0.0.1 */
    unsigned port;       /* 0: any free port (see rh_server_port) */
    const char *db_path;
    const char *token;   /* access token; required when bind is not loopback */
    const char *hosts;   /* more accepted Host names (comma-separated), or NULL */
    const char *tmp_dir; /* where uploads are spooled; NULL: /tmp */
    const char *zone;    /* as rh_server_config.zone */
    bool has_today;
    int32_t today;
    unsigned threads;    /* 0: 16 */
    double header_s;     /* deadline for a request's line and headers; 0: 10 s */
    double body_s;       /* deadline for its body and answer; 0: 120 s */
    size_t upload_max;   /* 0: RH_SERVER_UPLOAD_MAX */
};

struct rh_server; /* opaque running daemon */

/* Starts the daemon (thread pool). RH_EINVAL for an address that is not
 * numeric or a non-loopback address without a token, RH_EIO when the
 * socket cannot be bound (err says why). *out is set only on success; stop
 * with rh_server_stop. */
int rh_server_start(const struct rh_server_opts *o, struct rh_server **out, struct rh_err *err);
/* The port the daemon listens on (the one chosen when opts.port was 0). */
unsigned rh_server_port(const struct rh_server *srv);
/* The CSRF token of the daemon (for tests). */
const char *rh_server_csrf(const struct rh_server *srv);
/* Stops the daemon (waits for its threads) and frees it; NULL is ignored. */
void rh_server_stop(struct rh_server *srv);

#endif
