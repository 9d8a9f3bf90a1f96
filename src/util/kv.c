/* SPDX-License-Identifier: MIT */
/* Reader for the "[section]" / "key = value" text used by data/ files. */
#include <ctype.h>
#include <string.h>

#include "runhip/util.h"
#include "util/banned.h"

#define KV_MAX_SECTION 128
#define KV_MAX_KEY 128

static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

static const char *trim_end(const char *b, const char *e)
{
    while (e > b && isspace((unsigned char)e[-1]))
        e--;
    return e;
}

/* Emits a pending entry (key with joined value) if there is one. */
static int flush(struct rh_buf *val, char *key, long key_line, const char *section, rh_kv_cb cb,
                 void *ctx, struct rh_err *err)
{
    if (!key[0])
        return 0;
    int r = cb(ctx, section, key, val->data ? val->data : "", key_line, err);
    key[0] = '\0';
    rh_buf_reset(val);
    return r;
}

int rh_kv_parse(const char *text, size_t len, rh_kv_cb cb, void *ctx, struct rh_err *err)
{
    char section[KV_MAX_SECTION] = "";
    char key[KV_MAX_KEY] = "";
    long key_line = 0, line = 0;
    struct rh_buf val;
    int r = 0;
    bool from_cb = false; /* r is the callback's, with its own message and line */
    rh_buf_init(&val, 1 << 20);
    const char *p = text, *end = text + len;
    while (p < end && r == 0) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        line++;
        const char *lb = p, *le = trim_end(p, eol);
        p = eol < end ? eol + 1 : end;
        if (lb < le && (*lb == ' ' || *lb == '\t')) { /* continuation or blank */
            const char *c = skip_ws(lb, le);
            if (c == le)
                continue;
            if (*c == '#')
                continue;
            if (!key[0]) {
                r = rh_err_setl(err, RH_ESYNTAX, line, "indented line with no key before it");
                break;
            }
            if ((r = rh_buf_puts(&val, " ")) || (r = rh_buf_append(&val, c, (size_t)(le - c))))
                break;
            continue;
        }
        if ((r = flush(&val, key, key_line, section, cb, ctx, err))) {
            from_cb = true;
            break;
        }
        if (lb == le || *lb == '#')
            continue;
        if (*lb == '[') {
            if (le[-1] != ']' || le - lb - 2 <= 0 || le - lb - 2 >= KV_MAX_SECTION) {
                r = rh_err_setl(err, RH_ESYNTAX, line, "bad section header");
                break;
            }
            memcpy(section, lb + 1, (size_t)(le - lb - 2));
            section[le - lb - 2] = '\0';
            continue;
        }
        const char *eq = memchr(lb, '=', (size_t)(le - lb));
        if (!eq) {
            r = rh_err_setl(err, RH_ESYNTAX, line, "expected 'key = value'");
            break;
        }
        const char *ke = trim_end(lb, eq);
        if (ke == lb || ke - lb >= KV_MAX_KEY) {
            r = rh_err_setl(err, RH_ESYNTAX, line, "missing or overlong key");
            break;
        }
        memcpy(key, lb, (size_t)(ke - lb));
        key[ke - lb] = '\0';
        key_line = line;
        const char *vb = skip_ws(eq + 1, le);
        if ((r = rh_buf_append(&val, vb, (size_t)(le - vb))))
            break;
    }
    if (r == 0) {
        r = flush(&val, key, key_line, section, cb, ctx, err);
        from_cb = r != 0;
    }
    /* the buffer's own failure gets its generic message here; a callback's
     * error ("too many rules", at the entry's line) is kept as it set it */
    if (!from_cb && (r == RH_ELIMIT || r == RH_ENOMEM))
        rh_err_setl(err, r, line, "%s", rh_strerror(r));
    rh_buf_release(&val);
    return r;
}
