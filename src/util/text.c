/* SPDX-License-Identifier: MIT */
/*
 * Text that comes from files: UTF-8 decoding (strict: no overlong forms, no
 * surrogates, nothing above U+10FFFF), cuts at character boundaries, the
 * one cleaner of names from files, the one check of text a runner types in
 * (rh_entry_check), and the one sanitiser of text bound for a terminal
 * (control characters shown escaped, never sent).
 */
#include <stdio.h>
#include <string.h>

#include "runhip/util.h"
#include "util/banned.h"

size_t rh_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 0)
        return 0;
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

size_t rh_utf8_columns(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

size_t rh_utf8_cut(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return n;
    size_t k = max;
    /* back over continuation bytes to the start of the cut character */
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

/* Is code point c a control character (C0, DEL, C1)? */
static bool is_control(uint32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

int rh_html_escape(struct rh_buf *b, const char *s, unsigned flags)
{
    if (!s)
        return 0;
    const char *run = s, *end = s + strlen(s); /* run..p: bytes written as they are */
    for (const char *p = s;;) {
        unsigned char ch = (unsigned char)*p;
        const char *rep = NULL;
        size_t skip = 1;
        if (ch >= 0x80) {
            uint32_t c;
            size_t k = rh_utf8_decode(p, (size_t)(end - p), &c);
            if (k) {
                p += k;
                continue;
            }
            rep = "\xEF\xBF\xBD";
        } else {
            switch (ch) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = flags & RH_HTML_APOS ? "&#39;" : NULL; break;
            default:
                if (ch != 0 && (ch < 0x20 || ch == 0x7f) && ch != '\t' && ch != '\n')
                    rep = "";
            }
        }
        if (ch == 0 || rep) {
            int r = rh_buf_append(b, run, (size_t)(p - run));
            if (!r && rep && *rep)
                r = rh_buf_puts(b, rep);
            if (r)
                return r;
            if (ch == 0)
                return 0;
            run = p + skip;
        }
        p += skip;
    }
}

char *rh_name_clean(const char *s, size_t max)
{
    if (!s)
        return NULL;
    struct rh_buf b;
    rh_buf_init(&b, 0);
    size_t n = strlen(s);
    bool space = true; /* drop leading spaces, fold runs */
    int r = 0;
    for (size_t i = 0; i < n && r == 0;) {
        uint32_t c;
        size_t k = rh_utf8_decode(s + i, n - i, &c);
        const char *piece = s + i;
        size_t plen = k;
        if (k == 0) {
            piece = "\xEF\xBF\xBD"; /* U+FFFD for a byte that is not UTF-8 */
            plen = 3;
            k = 1;
        } else if (is_control(c) || c == ' ') {
            i += k;
            if (!space)
                r = rh_buf_append(&b, " ", 1);
            space = true;
            continue;
        }
        if (b.len + plen > max)
            break;
        r = rh_buf_append(&b, piece, plen);
        space = false;
        i += k;
    }
    while (r == 0 && b.len > 0 && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    if (r) {
        rh_buf_release(&b);
        return NULL;
    }
    return rh_buf_take(&b);
}

int rh_buf_term_str(struct rh_buf *b, const char *s, bool keep_newlines)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    int r = 0;
    for (size_t i = 0; i < n && r == 0;) {
        uint32_t c;
        size_t k = rh_utf8_decode(s + i, n - i, &c);
        if (k == 0) {
            r = rh_buf_printf(b, "\\x%02x", (unsigned char)s[i]);
            i++;
            continue;
        }
        if (is_control(c) && !(keep_newlines && (c == '\n' || c == '\t'))) {
            if (c == '\n')
                r = rh_buf_puts(b, "\\n");
            else if (c == '\t')
                r = rh_buf_puts(b, "\\t");
            else if (c == '\r')
                r = rh_buf_puts(b, "\\r");
            else if (c < 0x80)
                r = rh_buf_printf(b, "\\x%02x", (unsigned)c);
            else
                r = rh_buf_printf(b, "\\u%04x", (unsigned)c);
        } else {
            r = rh_buf_append(b, s + i, k);
        }
        i += k;
    }
    return r;
}

/* Formatting marks that reorder how a line is shown (bidirectional
 * embeddings, overrides and isolates): typed by nobody, used to disguise. */
static bool is_bidi_control(uint32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

int rh_entry_check(const char *s, enum rh_entry_kind kind, const char *what, struct rh_err *err)
{
    bool note = kind == RH_ENTRY_NOTE;
    size_t max = note ? RH_ENTRY_NOTE_MAX : RH_ENTRY_NAME_MAX;
    if (!what || !*what)
        what = note ? "the note" : "the name";
    if (!s)
        return note ? 0 : rh_err_set(err, RH_ESYNTAX, "%s is missing", what);
    size_t n = strlen(s), chars = 0;
    bool blank = true;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = rh_utf8_decode(s + i, n - i, &c);
        chars++;
        if (k == 0)
            return rh_err_set(err, RH_ESYNTAX,
                              "%s is not valid UTF-8 text (byte \\x%02x at character %zu); "
                              "type it again as plain text",
                              what, (unsigned char)s[i], chars);
        bool line_break = c == '\n' || c == '\t';
        if ((is_control(c) && !(note && line_break)) || is_bidi_control(c)) {
            char shown[16];
            if (c == '\n')
                snprintf(shown, sizeof shown, "a line break");
            else if (c == '\t')
                snprintf(shown, sizeof shown, "a tab");
            else
                snprintf(shown, sizeof shown, c < 0x80 ? "\\x%02x" : "\\u%04x", (unsigned)c);
            return rh_err_set(err, RH_ESYNTAX,
                              "%s has a control character (%s) at character %zu; %s", what,
                              shown, chars,
                              note ? "a note is plain text (line breaks and tabs are fine)"
                                   : "a name is plain text on one line");
        }
        if (c != ' ' && !line_break)
            blank = false;
        i += k;
    }
    if (chars > max)
        return rh_err_set(err, RH_ELIMIT, "%s is %zu characters long; at most %zu", what, chars,
                          max);
    if (blank && !note)
        return rh_err_set(err, RH_ESYNTAX, "%s is empty", what);
    return 0;
}

const char *rh_plural_s(double n)
{
    return n == 1 || n == -1 ? "" : "s";
}

int rh_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > RH_EDIT_MAX || lb > RH_EDIT_MAX)
        return RH_EDIT_FAR;
    int d[RH_EDIT_MAX + 1][RH_EDIT_MAX + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c)
                c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c)
                c = d[i][j - 1] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}
