/* SPDX-License-Identifier: MIT */
/* Printing a text for people through the text layer (runhip/text.h), so
 * every command shows plain words and numbered sources the same way, and
 * through the terminal sanitiser (rh_cli_write_text). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "runhip/plan.h"
#include "runhip/text.h"
#include "util/banned.h"

#define WC(key) rh_cli_words("cli_common", (key))

int rh_cli_put_text(FILE *f, const char *text, size_t len, unsigned flags)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int r = rh_text_document(text ? text : "", text ? len : 0, flags, &b);
    if (r == 0 && b.len)
        r = rh_cli_write_text(f, b.data, b.len); /* through the one terminal sanitiser */
    rh_buf_release(&b);
    return r;
}

/* the width of a line's indent and bullet, where its next lines start */
static size_t hang_of(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && p[i] == ' ')
        i++;
    if (i + 1 < n && (p[i] == '-' || p[i] == '*') && p[i + 1] == ' ')
        return i + 2;
    if (i + 2 < n && p[i] == '!' && p[i + 1] == '!' && p[i + 2] == ' ')
        return i + 3;
    size_t d = i + (i < n && p[i] == '[');
    size_t k = d;
    while (k < n && p[k] >= '0' && p[k] <= '9')
        k++;
    if (k > d && k + 1 < n && p[k] == (d > i ? ']' : '.') && p[k + 1] == ' ')
        return k + 2;
    return i;
}

int rh_cli_write_wrapped(FILE *f, const char *text, size_t len, size_t width)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int r = 0;
    for (size_t at = 0; at < len && !r;) {
        const char *line = text + at;
        const char *nl = memchr(line, '\n', len - at);
        size_t n = nl ? (size_t)(nl - line) : len - at;
        at += n + (nl != NULL);
        if (rh_utf8_columns(line, n) <= width) {
            r = rh_buf_append(&b, line, n);
        } else {
            size_t hang = hang_of(line, n);
            if (hang > width / 2)
                hang = 0;
            r = rh_buf_append(&b, line, hang); /* the indent and bullet */
            size_t col = hang;
            bool first = true;
            for (size_t i = hang; i < n && !r;) {
                if (line[i] == ' ') {
                    i++;
                    continue;
                }
                size_t w = i;
                if (line[i] == '[') { /* the sources' numbers stay together: "[1, 3, 4]" */
                    const char *close = memchr(line + i, ']', n - i);
                    if (close)
                        w = (size_t)(close - line);
                }
                while (w < n && line[w] != ' ')
                    w++;
                size_t cols = rh_utf8_columns(line + i, w - i);
                if (!first && col + 1 + cols > width) {
                    r = rh_buf_puts(&b, "\n");
                    for (size_t k = 0; k < hang && !r; k++)
                        r = rh_buf_puts(&b, " ");
                    col = hang;
                } else if (!first) {
                    r = rh_buf_puts(&b, " ");
                    col++;
                }
                if (!r)
                    r = rh_buf_append(&b, line + i, w - i);
                col += cols;
                first = false;
                i = w;
            }
        }
        if (!r && nl)
            r = rh_buf_puts(&b, "\n");
    }
    if (r == 0 && b.len)
        r = rh_cli_write_text(f, b.data, b.len);
    rh_buf_release(&b);
    return r;
}

int rh_cli_plan_move(struct rh_buf *b, bool moved, enum rh_phase from, enum rh_phase to,
                     int ladder_from, int ladder_to)
{
    int r;
    if (moved && from != to)
        r = rh_buf_printf(b, WC("plan_moved"), rh_phase_name(from), rh_phase_name(to));
    else if (moved)
        r = rh_buf_printf(b, WC("plan_ladder"), ladder_from, ladder_to);
    else
        r = rh_buf_printf(b, WC("plan_stays"), rh_phase_name(to));
    return r ? r : rh_buf_puts(b, "\n");
}
