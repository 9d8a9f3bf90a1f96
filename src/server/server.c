/* SPDX-License-Identifier: MIT */
/*
 * The web app's request path (include/runhip/server.h): the checks that
 * need only the headers (target, Host, access token, route, method, body
 * size), then the CSRF token of a POST, then the route's handler from the
 * one table in routes.c with the database opened read-only (GET, HEAD) or
 * read-write (POST). Also the escaper, the Host rule and the tokens.
 */
#include <pthread.h>
#include <stdarg.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "runhip/report.h"
#include "server/server_int.h"
#include "util/json_int.h"
#include "util/banned.h"

const char ct_html[] = "text/html; charset=utf-8";
const char ct_json[] = "application/json; charset=utf-8";
const char ct_svg[] = "image/svg+xml; charset=utf-8";
const char ct_text[] = "text/plain; charset=utf-8";
const char ct_css[] = "text/css; charset=utf-8";
const char ct_js[] = "text/javascript; charset=utf-8";
const char ct_ics[] = "text/calendar; charset=utf-8";

#define TARGET_MAX 2048

const char *const rh_server_headers[][2] = {
    {"Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-store"},
    {NULL, NULL},
};

void rh_server_response_init(struct rh_server_response *r)
{
    memset(r, 0, sizeof *r);
    rh_buf_init(&r->body, 0);
}

void rh_server_response_release(struct rh_server_response *r)
{
    rh_buf_release(&r->body);
}

int rh_server_html_escape(struct rh_buf *b, const char *s)
{
    return rh_html_escape(b, s, RH_HTML_APOS);
}

bool rh_server_is_loopback(const char *addr)
{
    if (!addr)
        return false;
    if (!strcmp(addr, "localhost") || !strcmp(addr, "::1") || !strcmp(addr, "[::1]"))
        return true;
    /* 127.x.y.z written as a dotted quad */
    if (strncmp(addr, "127.", 4) != 0)
        return false;
    int dots = 0;
    for (const char *p = addr + 4; *p; p++) {
        if (*p == '.')
            dots++;
        else if (*p < '0' || *p > '9')
            return false;
    }
    return dots == 2;
}

static bool is_ipv4(const char *s, size_t n)
{
    int dots = 0, digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            if (!digits)
                return false;
            dots++;
            digits = 0;
        } else if (s[i] >= '0' && s[i] <= '9') {
            if (++digits > 3)
                return false;
        } else {
            return false;
        }
    }
    return dots == 3 && digits;
}

bool rh_server_host_ok(const char *host, const char *extra)
{
    if (!host || !*host)
        return false;
    size_t n = strlen(host);
    if (host[0] == '[') {
        /* [v6] or [v6]:port: an address literal cannot be rebound */
        const char *close = strchr(host, ']');
        if (!close || close == host + 1)
            return false;
        for (const char *p = host + 1; p < close; p++)
            if (!strchr("0123456789abcdefABCDEF:.", *p))
                return false;
        n = (size_t)(close - host) + 1;
    } else {
        const char *colon = strchr(host, ':');
        if (colon)
            n = (size_t)(colon - host);
        if (is_ipv4(host, n))
            goto port;
        if (n == 9 && !strncmp(host, "localhost", 9))
            goto port;
        bool found = false;
        for (const char *e = extra; e && *e && !found;) {
            size_t len = strcspn(e, ",");
            if (len == n && n > 0 && !strncmp(e, host, n))
                found = true;
            e += len + (e[len] == ',');
        }
        if (!found)
            return false;
    }
port:
    if (host[n] == '\0')
        return true;
    if (host[n] != ':' || host[n + 1] == '\0')
        return false;
    for (const char *p = host + n + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return strlen(host + n + 1) <= 5;
}

int rh_server_token(char out[RH_SERVER_TOKEN_LEN + 1], struct rh_err *err)
{
    unsigned char raw[RH_SERVER_TOKEN_LEN / 2];
    size_t got = 0;
    while (got < sizeof raw) {
        ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
        if (n <= 0)
            return rh_err_set(err, RH_EIO, "%s", web_words("web_server", "no_random"));
        got += (size_t)n;
    }
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof raw; i++) {
        out[2 * i] = hex[raw[i] >> 4];
        out[2 * i + 1] = hex[raw[i] & 15];
    }
    out[RH_SERVER_TOKEN_LEN] = '\0';
    return 0;
}

/* Compares a secret without stopping at the first difference. */
static bool same_secret(const char *given, size_t n, const char *secret)
{
    size_t m = strlen(secret);
    if (n != m || m == 0)
        return false;
    unsigned char d = 0;
    for (size_t i = 0; i < m; i++)
        d |= (unsigned char)(given[i] ^ secret[i]);
    return d == 0;
}

/* ---- output helpers ------------------------------------------------------- */

void put(struct ctx *c, const char *s)
{
    if (!c->err)
        c->err = rh_buf_puts(&c->res->body, s);
}

void esc(struct ctx *c, const char *s)
{
    if (!c->err)
        c->err = rh_server_html_escape(&c->res->body, s);
}

void pf(struct ctx *c, const char *fmt, ...)
{
    if (c->err)
        return;
    va_list ap;
    va_start(ap, fmt);
    c->err = rh_buf_vprintf(&c->res->body, fmt, ap);
    va_end(ap);
}

void plain(struct ctx *c, const char *s)
{
    if (c->err || !s)
        return;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    c->err = rh_text_finish(s, strlen(s), &c->refs, &t);
    if (!c->err)
        c->err = rh_server_html_escape(&c->res->body, t.data ? t.data : "");
    rh_buf_release(&t);
}

void plain_reason(struct ctx *c, const char *s)
{
    if (c->err || !s)
        return;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    c->err = rh_text_reason(s, &c->refs, &t);
    if (!c->err)
        c->err = rh_server_html_escape(&c->res->body, t.data ? t.data : "");
    rh_buf_release(&t);
}

void flag_because(struct ctx *c, const char *why)
{
    if (c->err || !why)
        return;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    c->err = rh_assess_flag_because(why, NULL, NULL, &c->refs, &t);
    bool seen = t.len > 0;
    if (!c->err && seen)
        c->err = rh_server_html_escape(&c->res->body, t.data);
    rh_buf_release(&t);
    if (!c->err && !seen)
        plain_reason(c, why);
}

void word(struct ctx *c, const char *id)
{
    /* an id the text layer knows: its words ("see_physio": "see a
     * physiotherapist within 1-2 weeks"), the same as the terminal's */
    char lv[80];
    snprintf(lv, sizeof lv, "%s.short", id ? id : "");
    const char *nm = rh_words("disposition", lv);
    if (!nm)
        nm = rh_words("running", lv);
    if (!nm && id && strchr(id, '_'))
        nm = rh_text_id_name(id, strlen(id));
    if (nm) {
        esc(c, nm);
        return;
    }
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s", id ? id : "");
    for (char *p = tmp; *p; p++)
        if (*p == '_')
            *p = ' ';
    esc(c, tmp);
}

const char *jstr(json_t *obj, const char *key)
{
    const char *v = json_string_value(json_object_get(obj, key));
    return v ? v : "";
}

void html_list(struct ctx *c, json_t *arr, const char *cls)
{
    if (!json_is_array(arr) || json_array_size(arr) == 0)
        return;
    if (cls)
        pf(c, "<ul class=\"%s\">\n", cls);
    else
        put(c, "<ul>\n");
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        put(c, "<li>");
        plain_reason(c, json_string_value(v));
        put(c, "</li>\n");
    }
    put(c, "</ul>\n");
}

static void flash_show(struct ctx *c);

/* words21c: the words every page shares (the skip link, the navigation's
 * labels from the route table's keys, the sources' heading, the footer),
 * data/wording.txt [web_nav], a closed set of printf formats without markup
 * checked with the pages' (page_nav_words_check); the brand "runhip" and
 * the links stay here. */
static const struct rh_words_format nav_words[] = {
    {"skip", ""}, {"today", ""}, {"questionnaire", ""}, {"diary", ""}, {"checkin", ""},
    {"plan", ""}, {"assessment", ""}, {"training", ""}, {"import", ""}, {"profile", ""},
    {"shoes", ""}, {"report", ""}, {"report_short", ""}, {"sources", ""}, {"footer", "s"}, {"footer_data", "s"},
};

int page_nav_words_check(struct rh_err *err)
{
    return rh_words_plain_format_check("web_nav", nav_words, sizeof nav_words / sizeof *nav_words,
                                       err);
}

/* A text of [web_nav] ("" if the words could not be read: the server
 * refuses them first). */
static const char *NW(const char *key)
{
    return rh_words_or_empty("web_nav", key);
}

void page_begin(struct ctx *c, const char *title)
{
    c->res->status = 200;
    c->res->content_type = ct_html;
    rh_buf_reset(&c->res->body);
    put(c, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    esc(c, title);
    pf(c, " - runhip</title>\n<link rel=\"stylesheet\" href=\"/app.css\">\n</head>\n<body>\n"
          "<a class=\"skip\" href=\"#main\">%s</a>\n"
          "<header><p class=\"brand\">runhip</p>\n<nav aria-label=\"pages\"><ul>\n",
       NW("skip"));
    for (size_t i = 0; i < rh_n_routes; i++) {
        const struct route *r = &rh_routes[i];
        if (r->kind != RK_PAGE || !r->label)
            continue;
        bool here = c->path && (!strcmp(c->path, r->path) ||
                                (r->alias && !strcmp(c->path, r->alias)));
        if (r->short_label) /* the long label on a wide screen, the short one on a phone */
            pf(c, "<li><a href=\"%s\"%s><span class=\"nlong\">%s</span><span class=\"nshort\">"
                  "%s</span></a></li>\n", r->path, here ? " aria-current=\"page\"" : "",
               NW(r->label), NW(r->short_label));
        else
            pf(c, "<li><a href=\"%s\"%s>%s</a></li>\n", r->path,
               here ? " aria-current=\"page\"" : "", NW(r->label));
    }
    put(c, "</ul></nav></header>\n<main id=\"main\">\n<h1>");
    esc(c, title);
    put(c, "</h1>\n");
    if (!c->post)
        flash_show(c);
}

void page_end(struct ctx *c)
{
    if (c->refs.n) {
        pf(c, "<section class=\"sources\" aria-labelledby=\"src\">\n<h2 id=\"src\">%s</h2>\n",
           NW("sources"));
        if (!c->err)
            c->err = rh_refs_write_html(&c->refs, &c->res->body);
        put(c, "</section>\n");
    }
    put(c, "</main>\n<footer><p class=\"note\">");
    pf(c, NW(c->said_disclaimer ? "footer_data" : "footer"), "<a href=\"/api/\">/api/</a>");
    put(c, "</p></footer>\n</body>\n</html>\n");
}

void csrf_field(struct ctx *c)
{
    put(c, "<input type=\"hidden\" name=\"csrf\" value=\"");
    esc(c, c->cfg->csrf);
    put(c, "\">\n");
}

int set_text(struct ctx *c, int status, const char *type, const char *text)
{
    c->res->status = status;
    c->res->content_type = type;
    rh_buf_reset(&c->res->body);
    return rh_buf_puts(&c->res->body, text);
}

int json_error(struct ctx *c, int status, const char *msg)
{
    struct rh_server_response *out = c->res;
    out->status = status;
    out->content_type = ct_json;
    rh_buf_reset(&out->body);
    int r = rh_buf_puts(&out->body, "{\"error\":");
    if (!r)
        r = rh_buf_json_str(&out->body, msg);
    if (!r)
        r = rh_buf_puts(&out->body, "}\n");
    return r;
}

int api_fail(struct ctx *c, int code, const struct rh_err *err, const char *empty_hint)
{
    if (code == RH_EEMPTY || code == RH_ENOTFOUND)
        return json_error(c, 404, empty_hint);
    return json_error(c, 500, err->msg[0] ? err->msg : rh_strerror(code));
}

/* ---- redirect after POST: the kept answers ---------------------------------- */

#define FLASH_N 32
static struct flash {
    char token[RH_SERVER_TOKEN_LEN + 1];
    char *html;
    struct rh_refs refs;
} flashes[FLASH_N];
static unsigned flash_next;
static pthread_mutex_t flash_lock = PTHREAD_MUTEX_INITIALIZER;

void flash_begin(struct ctx *c)
{
    c->flash_from = c->res->body.len;
    c->flash_to = 0;
}

void flash_end(struct ctx *c)
{
    c->flash_to = c->res->body.len;
    c->flash_refs = c->refs;
}

/* Keeps the flashed part of a POST's page; 0 and its token, or an error. */
static int flash_keep(struct ctx *c, char token[RH_SERVER_TOKEN_LEN + 1])
{
    struct rh_err err;
    if (rh_server_token(token, &err))
        return RH_EIO;
    size_t n = c->flash_to - c->flash_from;
    char *html = rh_malloc(n + 1);
    if (!html)
        return RH_ENOMEM;
    memcpy(html, c->res->body.data + c->flash_from, n);
    html[n] = '\0';
    pthread_mutex_lock(&flash_lock);
    struct flash *f = &flashes[flash_next++ % FLASH_N];
    rh_free(f->html);
    f->html = html;
    f->refs = c->flash_refs;
    memcpy(f->token, token, sizeof f->token);
    pthread_mutex_unlock(&flash_lock);
    return 0;
}

/* The kept part of ?done=TOKEN into the page (its sources numbered as
 * they were); nothing when it is no longer kept. */
static void flash_show(struct ctx *c)
{
    char token[RH_SERVER_TOKEN_LEN + 1];
    if (!qfield(c, "done", token, sizeof token) || strlen(token) != RH_SERVER_TOKEN_LEN)
        return;
    c->no_keep = true; /* memory, not the database */
    pthread_mutex_lock(&flash_lock);
    for (size_t i = 0; i < FLASH_N; i++)
        if (flashes[i].html && same_secret(token, strlen(token), flashes[i].token)) {
            c->refs = flashes[i].refs;
            put(c, flashes[i].html);
            break;
        }
    pthread_mutex_unlock(&flash_lock);
}

int redirect(struct ctx *c, const char *to)
{
    c->res->status = 303;
    snprintf(c->res->loc, sizeof c->res->loc, "%s", to);
    c->res->location = c->res->loc;
    char body[64];
    snprintf(body, sizeof body, "%s\n", web_words("web_server", "see_other"));
    return set_text(c, 303, ct_text, body) ? RH_ENOMEM : 0;
}

/* words21: the server's own messages (a refused request, a form too large,
 * the safety token), data/wording.txt [web_server], a closed set of printf
 * formats without markup checked with the pages' (server_words_check). */
static const struct rh_words_format server_words[] = {
    {"too_large", ""}, {"not_possible", ""}, {"back_today", ""}, {"bad_target", ""},
    {"other_host", ""}, {"needs_link", ""}, {"open", ""}, {"post_only", ""},
    {"read_only", ""}, {"upload_large", "d"}, {"form_large", "d"}, {"no_body", ""},
    {"csrf", ""}, {"no_database", ""}, {"api_not_found", ""}, {"see_other", ""},
    {"out_of_memory", ""},
    /* words27: the access token's failure, the database's check (cache.c) */
    {"no_random", ""}, {"db_unchecked", ""},
};

static int server_words_check(struct rh_err *err)
{
    return rh_words_plain_format_check("web_server", server_words,
                                       sizeof server_words / sizeof *server_words, err);
}

const char *web_words(const char *section, const char *key)
{
    return rh_words_or_empty(section, key);
}

#define W(key) web_words("web_server", (key))

/* loop16: an address with no route. Under /api/ a JSON error; elsewhere a
 * page in the app's style (its navigation bar) that says so and lists the
 * pages, both from the one route table, in the words of data/wording.txt
 * [text] web.not_found*. */
static int not_found(struct ctx *c)
{
    if (c->path && !strncmp(c->path, "/api/", 5))
        return json_error(c, 404, W("api_not_found"));
    const char *title = rh_words("text", "web.not_found.title");
    const char *said = rh_words("text", "web.not_found");
    page_begin(c, title ? title : ""); /* [text] is checked at load */
    put(c, "<p class=\"error\" role=\"alert\">");
    esc(c, said ? said : "");
    put(c, "</p>\n<ul class=\"pages\">\n");
    for (size_t i = 0; i < rh_n_routes; i++) {
        const struct route *r = &rh_routes[i];
        if (r->kind != RK_PAGE || !r->label)
            continue;
        pf(c, "<li><a href=\"%s\">", r->path);
        esc(c, NW(r->label));
        put(c, "</a></li>\n");
    }
    put(c, "</ul>\n");
    page_end(c);
    c->res->status = 404;
    return c->err;
}

/* An error the runner reads: an HTML page for pages, JSON for the API,
 * text for assets. */
static int fail(struct ctx *c, const struct route *rt, int status, const char *msg)
{
    if (rt && rt->kind == RK_API)
        return json_error(c, status, msg);
    if (rt && rt->kind == RK_PAGE) {
        page_begin(c, W(status == 413 ? "too_large" : "not_possible"));
        put(c, "<p class=\"error\" role=\"alert\">");
        esc(c, msg);
        pf(c, "</p>\n<p><a href=\"/\">%s</a></p>\n", W("back_today"));
        page_end(c);
        c->res->status = status;
        return c->err;
    }
    c->res->status = status;
    c->res->content_type = ct_text;
    rh_buf_reset(&c->res->body);
    int r = rh_buf_puts(&c->res->body, msg);
    return r ? r : rh_buf_puts(&c->res->body, "\n");
}

/* ---- fields ----------------------------------------------------------------- */

static int hexval(char h)
{
    if (h >= '0' && h <= '9')
        return h - '0';
    if (h >= 'a' && h <= 'f')
        return h - 'a' + 10;
    if (h >= 'A' && h <= 'F')
        return h - 'A' + 10;
    return -1;
}

/* Decodes n bytes of s (%XX, '+' as space when plus) into out; false on a
 * bad escape, a NUL or a control byte other than tab and newline (a CR is
 * dropped), or no room. */
static bool decode(const char *s, size_t n, bool plus, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int ch = (unsigned char)s[i];
        if (ch == '%') {
            if (i + 2 >= n)
                return false;
            int a = hexval(s[i + 1]), b = hexval(s[i + 2]);
            if (a < 0 || b < 0)
                return false;
            ch = a * 16 + b;
            i += 2;
        } else if (ch == '+' && plus) {
            ch = ' ';
        }
        if (ch == '\r')
            continue;
        if (ch == 0 || ((ch < 0x20 || ch == 0x7f) && ch != '\t' && ch != '\n'))
            return false;
        if (k + 1 >= cap)
            return false;
        out[k++] = (char)ch;
    }
    if (cap == 0)
        return false;
    out[k] = '\0';
    return true;
}

bool field(const char *list, size_t len, const char *key, char *out, size_t cap)
{
    size_t klen = strlen(key);
    const char *p = list, *end = list + len;
    while (list && p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *stop = amp ? amp : end;
        const char *eq = memchr(p, '=', (size_t)(stop - p));
        const char *kend = eq ? eq : stop;
        if ((size_t)(kend - p) == klen && !memcmp(p, key, klen)) {
            const char *v = eq ? eq + 1 : stop;
            return decode(v, (size_t)(stop - v), true, out, cap);
        }
        p = stop + 1;
    }
    return false;
}

bool qfield(struct ctx *c, const char *key, char *out, size_t cap)
{
    return field(c->query, strlen(c->query), key, out, cap);
}

bool ffield(struct ctx *c, const char *key, char *out, size_t cap)
{
    return c->req->body && field(c->req->body, c->req->body_len, key, out, cap);
}

long qlong(struct ctx *c, const char *key, long def, long lo, long hi)
{
    char v[32];
    long n;
    if (!qfield(c, key, v, sizeof v) || rh_parse_long(v, &n))
        return def;
    return n < lo ? lo : n > hi ? hi : n;
}

/* ---- the checks on the headers ------------------------------------------------ */

struct target {
    char path[TARGET_MAX];
    const char *query;
};

/* Splits and decodes the target; false when it is not a plain absolute
 * path (a NUL, %00 or control byte anywhere refuses it). */
static bool parse_target(const char *t, struct target *out)
{
    if (!t || t[0] != '/')
        return false;
    size_t plen = strcspn(t, "?#");
    for (const char *p = t; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return false;
    if (!decode(t, plen, false, out->path, sizeof out->path))
        return false;
    if (strchr(out->path, '\n') || strchr(out->path, '\t'))
        return false;
    out->query = t[plen] == '?' ? t + plen + 1 : "";
    /* the query's own fields are decoded (and checked) when read; a
     * fragment is not part of a request */
    return strlen(t) < TARGET_MAX;
}

/* The access token from the cookie, the Authorization header or the query
 * (in that order); query_used says it came in the link. */
static bool token_ok(const struct rh_server_config *cfg, const struct rh_server_request *req,
                     const char *query, bool *query_used)
{
    *query_used = false;
    for (const char *p = req->cookie; p && *p;) {
        while (*p == ' ' || *p == ';')
            p++;
        size_t len = strcspn(p, ";");
        if (len > 9 && !strncmp(p, "rh_token=", 9) && same_secret(p + 9, len - 9, cfg->token))
            return true;
        p += len;
    }
    const char *a = req->authorization;
    if (a && !strncmp(a, "Bearer ", 7) && same_secret(a + 7, strlen(a + 7), cfg->token))
        return true;
    char q[128];
    if (field(query, strlen(query), "token", q, sizeof q) && same_secret(q, strlen(q), cfg->token)) {
        *query_used = true;
        return true;
    }
    return false;
}

static bool method_is(const struct rh_server_request *req, const char *m)
{
    return req->method && !strcmp(req->method, m);
}

static bool precheck(struct ctx *c, const struct route **rtp, struct target *tg, size_t *body_max,
                     bool *is_upload)
{
    const struct rh_server_config *cfg = c->cfg;
    const struct rh_server_request *req = c->req;
    *rtp = NULL;
    *body_max = 0;
    *is_upload = false;
    if (!req->method || !parse_target(req->target, tg)) {
        fail(c, NULL, 400, W("bad_target"));
        return false;
    }
    c->path = tg->path;
    c->query = tg->query;
    const struct route *rt = rh_route_find(tg->path);
    if (!rh_server_host_ok(req->host, cfg->hosts)) {
        fail(c, NULL, 403, W("other_host"));
        return false;
    }
    if (cfg->token) {
        bool in_query;
        if (!token_ok(cfg, req, tg->query, &in_query)) {
            fail(c, NULL, 401, W("needs_link"));
            return false;
        }
        if (in_query) {
            /* The access cookie: HttpOnly (no script reads it), SameSite=
             * Strict (no request another site starts carries it; POSTs
             * also need the CSRF token). Secure only when the browser talks
             * HTTPS, that is through a TLS proxy in front that says so
             * (X-Forwarded-Proto: https; a forged one only makes the cookie
             * stricter). runhip itself serves plain HTTP: on a LAN bind a
             * Secure cookie sent over http:// is dropped by the browsers
             * (only localhost is exempt), so the token would have to stay
             * in every address and the history: worse. On plain HTTP the
             * network path can read the token anyway (it came in the
             * printed link); that is why the default is loopback only. */
            bool https = req->forwarded_proto && !strcmp(req->forwarded_proto, "https");
            snprintf(c->res->set_cookie, sizeof c->res->set_cookie,
                     "rh_token=%.64s; Path=/; HttpOnly; SameSite=Strict%s", cfg->token,
                     https ? "; Secure" : "");
            if (method_is(req, "GET") || method_is(req, "HEAD")) {
                /* drop the token from the address bar: a page that moves
                 * on by itself (not a 303: when the link was opened from
                 * another site, a mail or a chat, a redirect stays in that
                 * cross-site chain and the Strict cookie would not come
                 * with it; the page's own refresh is same-site) */
                const char *to = rt ? rt->path : "/";
                c->res->status = 200;
                c->res->content_type = ct_html;
                rh_buf_reset(&c->res->body);
                pf(c, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta http-equiv=\"refresh\" content=\"0; url=%s\">\n"
                      "<title>runhip</title>\n</head>\n<body>\n<p><a href=\"%s\">%s"
                      "</a></p>\n</body>\n</html>\n",
                   to, to, W("open"));
                return false;
            }
        }
    }
    if (!rt) {
        not_found(c);
        return false;
    }
    *rtp = rt;
    unsigned want = method_is(req, "GET") || method_is(req, "HEAD") ? M_GET
                    : method_is(req, "POST")                        ? M_POST
                                                                    : 0;
    if (!(rt->methods & want)) {
        c->res->allow = rt->methods & M_POST ? "GET, HEAD, POST" : "GET, HEAD";
        fail(c, rt, 405, W(rt->methods & M_POST ? "post_only" : "read_only"));
        return false;
    }
    if (want == M_POST) {
        *is_upload = rt->upload;
        *body_max = rt->upload ? (cfg->upload_max ? cfg->upload_max : RH_SERVER_UPLOAD_MAX) +
                                     RH_SERVER_FORM_MAX
                               : rt->body_max;
        if (req->content_length > *body_max || (!rt->upload && req->body_len > *body_max)) {
            char msg[160];
            snprintf(msg, sizeof msg, W(rt->upload ? "upload_large" : "form_large"),
                     (int)(rt->upload ? (*body_max - RH_SERVER_FORM_MAX) >> 20 : *body_max >> 10));
            fail(c, rt, 413, msg);
            return false;
        }
    } else if (req->has_body && req->content_length > 0) {
        fail(c, rt, 413, W("no_body"));
        return false;
    }
    return true;
}

bool rh_server_precheck(const struct rh_server_config *cfg, const struct rh_server_request *req,
                        size_t *body_max, bool *is_upload, struct rh_server_response *out)
{
    struct ctx c = {.cfg = cfg, .req = req, .res = out};
    struct target tg;
    const struct route *rt;
    rh_buf_reset(&out->body);
    out->allow = NULL;
    out->location = NULL;
    out->set_cookie[0] = '\0';
    return precheck(&c, &rt, &tg, body_max, is_upload);
}

int rh_server_handle(const struct rh_server_config *cfg, const struct rh_server_request *req,
                     struct rh_server_response *out)
{
    struct ctx c = {.cfg = cfg, .req = req, .res = out};
    struct target *tg = rh_malloc(sizeof *tg);
    if (!tg) {
        out->status = 500;
        out->content_type = ct_text;
        return RH_ENOMEM;
    }
    rh_buf_reset(&out->body);
    out->allow = NULL;
    out->location = NULL;
    out->set_cookie[0] = '\0';
    const struct route *rt;
    size_t body_max;
    bool upload;
    int r = 0;
    if (!precheck(&c, &rt, tg, &body_max, &upload))
        goto done;
    c.post = method_is(req, "POST");
    c.today = cfg->has_today ? cfg->today : rh_day_of_time((int64_t)time(NULL));
    if (c.post) {
        char tok[RH_SERVER_TOKEN_LEN * 2 + 1];
        if (!ffield(&c, "csrf", tok, sizeof tok) || !cfg->csrf ||
            !same_secret(tok, strlen(tok), cfg->csrf)) {
            r = fail(&c, rt, 403, W("csrf"));
            goto done;
        }
    }
    struct rh_server_slot *slot = NULL;
    char *key = NULL;
    if (!rt->no_db) {
        struct rh_err err;
        rh_err_clear(&err);
        if (!c.post && cfg->cache) {
            /* a kept read-only connection, refreshed */
            if ((slot = cache_take(cfg->cache, cfg, &err)))
                c.s = cache_store(slot);
        } else if (rh_store_open_tz(cfg->db_path, c.post ? 0 : RH_STORE_READONLY, cfg->zone,
                                    &c.s, &err)) {
            c.s = NULL;
        } else if (cfg->has_today) {
            /* an entry of the given day is dated at its local noon */
            rh_store_pin_clock(c.s, true, cfg->today, 0);
        }
        if (!c.s) {
            r = fail(&c, rt, 500, W("no_database"));
            goto done;
        }
        /* today is the runner's day: the profile's zone, else the system's */
        if (!cfg->has_today)
            c.today = rh_tz_day(rh_store_zone(c.s), (int64_t)time(NULL));
    }
    if (slot) {
        /* the same question on the same data and day: the kept answer */
        char day[16];
        snprintf(day, sizeof day, "#%ld", (long)c.today);
        size_t klen = strlen(c.path) + strlen(c.query) + strlen(day) + 2;
        key = rh_malloc(klen);
        if (key) {
            snprintf(key, klen, "%s?%s%s", c.path, c.query, day);
            if (cache_find(slot, key, out)) {
                cache_give(cfg->cache, slot);
                rh_free(key);
                goto done;
            }
        }
    }
    r = rt->fn(&c);
    if (!r)
        r = c.err;
    if (!r && c.post && c.flash_to > c.flash_from && out->status == 200 &&
        out->content_type == ct_html) {
        /* redirect after POST: the stored entry is said by the GET */
        char token[RH_SERVER_TOKEN_LEN + 1], to[sizeof out->loc];
        r = flash_keep(&c, token);
        if (!r) {
            /* the page's own query (an activity's id) stays */
            snprintf(to, sizeof to, "%s?%s%sdone=%s", c.path, c.query, *c.query ? "&" : "",
                     token);
            r = redirect(&c, to);
        }
    }
    if (slot) {
        /* always: the others asking meanwhile wait for it */
        cache_keep(slot, key, !r && !c.no_keep ? out : NULL);
        cache_give(cfg->cache, slot);
    } else {
        rh_store_close(c.s);
        /* after the commit, before the answer: the next request (the GET
         * of a POST's redirect) checks the database */
        if (c.post)
            cache_wrote(cfg->cache);
        /* a diary entry, an import, a correction: the questionnaire's
         * figures from the runs are worked out again (its own pages only
         * keep the draft) */
        if (c.post && rt->fn != page_questionnaire && rt->fn != api_questionnaire)
            runs_changed();
    }
    rh_free(key);
    if (r) {
        /* the body could not be built: say so rather than send half a page */
        char body[64]; /* words22b: [web_server] out_of_memory, read with no allocation */
        snprintf(body, sizeof body, "%s\n", web_words("web_server", "out_of_memory"));
        set_text(&c, 500, ct_text, body);
    }
done:
    rh_free(tg);
    return r;
}

/* ---- shared data access ------------------------------------------------------- */

/* The load report to the runner's day, so that diary pain logged after the
 * newest activity is in it; to the newest activity's day if that is later
 * (an activity dated ahead of the runner's clock is not left out). */
int load_report(struct rh_store *s, int32_t today, struct rh_load_report *rep,
                struct rh_err *err)
{
    int32_t last;
    memset(rep, 0, sizeof *rep);
    int r = rh_store_activity_last_day(s, &last, err);
    if (r == RH_ENOTFOUND) {
        /* no file imported: runs logged by hand still count; the library
         * answers RH_EEMPTY when there is none of them either (runner18) */
        rh_err_clear(err);
        last = today;
        r = 0;
    }
    if (r)
        return r;
    r = rh_load_report_build(s, last > today ? last : today, rep, err);
    if (!r) {
        rep->as_of_is_today = last <= today;
        rep->as_of_is_newest = last > today;
    }
    return r;
}

/* The stored assessment read once: the parsed document of the newest one
 * is kept for the whole server (read-only, shared by the threads; jansson
 * counts its references atomically) with the text it came from, and given
 * again while the stored text is the same. Parsing it was a third of the
 * today page's cost, paid again after every write (an import alongside
 * writes many times a second). */
static pthread_mutex_t doc_lock = PTHREAD_MUTEX_INITIALIZER;
static char *doc_text;
static json_t *doc_kept;

json_t *assessment_doc(const char *result)
{
    if (!result)
        return NULL;
    pthread_mutex_lock(&doc_lock);
    json_t *doc = doc_kept && !strcmp(doc_text, result) ? json_incref(doc_kept) : NULL;
    pthread_mutex_unlock(&doc_lock);
    if (doc)
        return doc;
    json_error_t jerr;
    if (!(doc = json_loads(result, 0, &jerr)))
        return NULL;
    char *text = rh_strdup(result);
    if (!text)
        return doc;
    pthread_mutex_lock(&doc_lock);
    json_t *old = doc_kept;
    char *old_text = doc_text;
    doc_kept = json_incref(doc);
    doc_text = text;
    pthread_mutex_unlock(&doc_lock);
    json_decref(old);
    rh_free(old_text);
    return doc;
}

static pthread_mutex_t kb_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rh_plan_kb *kb_shared; /* loaded once, kept until the process ends */

const struct rh_plan_kb *server_kb(struct rh_err *err)
{
    pthread_mutex_lock(&kb_lock);
    int r = kb_shared ? 0 : rh_plan_kb_load(&kb_shared, err);
    /* the pages' own words in the data files, checked with the rules */
    static int (*const words_checks[])(struct rh_err *) = {
        page_checkin_words_check, page_plan_words_check,    page_quest_words_check,
        page_diary_words_check,   page_today_words_check,   page_assessment_words_check,
        page_training_words_check, page_profile_words_check, page_import_words_check,
        page_shoes_words_check,   page_activity_words_check, page_report_words_check,
        page_api_words_check,     page_nav_words_check,     server_words_check,
        rh_report_words_check,
    };
    static bool words_ok;
    for (size_t k = 0; !r && !words_ok && k < sizeof words_checks / sizeof *words_checks; k++)
        r = words_checks[k](err);
    if (!r)
        words_ok = true;
    pthread_mutex_unlock(&kb_lock);
    return r ? NULL : kb_shared;
}

/* One plan made at a time: two first visits do not store two plans. */
static pthread_mutex_t plan_lock = PTHREAD_MUTEX_INITIALIZER;

int plan_current(struct ctx *c, int64_t *plan_id, struct rh_plan_state *st, struct rh_err *err)
{
    const struct rh_plan_kb *kb = server_kb(err);
    if (!kb)
        return err->code ? err->code : RH_EFORMAT;
    int64_t pid = 0;
    int r = rh_plan_current(c->s, kb, &pid, st, err);
    if (r && r != RH_ENOTFOUND && !c->post) {
        /* no plan for the latest assessment yet: make and store it with
         * a read-write connection, as `runhip plan` does */
        struct rh_store *rw = NULL;
        rh_err_clear(err);
        pthread_mutex_lock(&plan_lock);
        r = rh_store_open_tz(c->cfg->db_path, RH_STORE_EXISTING, c->cfg->zone, &rw, err);
        if (!r)
            r = rh_plan_current(rw, kb, &pid, st, err);
        rh_store_close(rw);
        cache_wrote(c->cfg->cache);
        pthread_mutex_unlock(&plan_lock);
    }
    if (!r && plan_id)
        *plan_id = pid;
    return r;
}

bool training_deferred(struct ctx *c)
{
    struct rh_plan_state *st = rh_calloc(1, sizeof *st);
    if (!st)
        return false;
    struct rh_err err;
    rh_err_clear(&err);
    int r = plan_current(c, NULL, st, &err);
    if (r == RH_ENOTFOUND) {
        rh_err_clear(&err);
        r = rh_diary_unassessed(c->s, st, &err);
    }
    bool d = !r && rh_plan_defers_training(st);
    rh_free(st);
    return d;
}

int32_t plan_from_day(const struct rh_plan_state *st, int32_t today)
{
    return today < st->phase_day ? st->phase_day : today;
}

