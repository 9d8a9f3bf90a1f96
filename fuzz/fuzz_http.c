/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the dashboard's request handling and form decoding.
 * The input is lines: method, target, Host, Cookie, then the body (the
 * rest). The request goes through rh_server_handle with a database path
 * that does not exist (every data route must answer an error page, never
 * crash); the body goes through the form-field decoder for a few keys,
 * whose output must be NUL-terminated, within its cap and free of control
 * bytes other than tab and newline; the HTML escaper's output must hold
 * no raw < > " '. Any crash, leak or sanitizer report is a finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/server.h"
#include "server/server_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The next line of *p (up to '\n' or the end), NUL-terminated in place. */
static char *next_line(char **p, char *end)
{
    char *s = *p;
    if (s >= end)
        return NULL;
    char *nl = memchr(s, '\n', (size_t)(end - s));
    if (nl) {
        *nl = '\0';
        *p = nl + 1;
    } else {
        *p = end;
    }
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *p = text, *end = text + size;
    char *method = next_line(&p, end), *target = next_line(&p, end);
    char *host = next_line(&p, end), *cookie = next_line(&p, end);
    const char *body = p;
    size_t body_len = (size_t)(end - p);

    struct rh_server_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.db_path = "/nonexistent/runhip-fuzz/runhip.db";
    cfg.csrf = "fuzzcsrf";
    cfg.has_today = true;
    cfg.today = 20000;
    struct rh_server_request req;
    memset(&req, 0, sizeof req);
    req.method = method && *method ? method : "GET";
    req.target = target ? target : "/";
    req.host = host;
    req.cookie = cookie;
    req.body = body;
    req.body_len = body_len;
    req.content_length = body_len;
    req.has_body = body_len > 0;
    struct rh_server_response res;
    rh_server_response_init(&res);
    int r = rh_server_handle(&cfg, &req, &res);
    if (r == 0 && (res.status < 100 || res.status > 599))
        abort();
    rh_server_response_release(&res);

    static const char *const keys[] = {"csrf", "pain", "note", "date", "a"};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        char out[64];
        memset(out, 'x', sizeof out);
        if (field(body, body_len, keys[k], out, sizeof out)) {
            size_t n = strnlen(out, sizeof out);
            if (n == sizeof out)
                abort(); /* not terminated within its cap */
            for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)out[i];
                if (c < 0x20 && c != '\t' && c != '\n')
                    abort();
            }
        }
    }

    struct rh_buf b;
    rh_buf_init(&b, 0);
    if (rh_server_html_escape(&b, body) == 0)
        for (size_t i = 0; i < b.len; i++) {
            unsigned char c = (unsigned char)b.data[i];
            if (c == '<' || c == '>' || c == '"' || c == '\'')
                abort();
        }
    rh_buf_release(&b);
    free(text);
    return 0;
}
