/* SPDX-License-Identifier: MIT */
/* Printing a text for people through the text layer (runhip/text.h), so
 * every command shows plain words and numbered sources the same way, and
 * through the terminal sanitiser (rh_cli_write_text). */
#include <stdio.h>

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
