/* SPDX-License-Identifier: MIT */
/* Printing a text for people through the text layer (runhip/text.h), so
 * every command shows plain words and numbered sources the same way, and
 * through the terminal sanitiser (rh_cli_write_text). */
#include <stdio.h>

#include "cli/cli.h"
#include "runhip/plan.h"
#include "runhip/text.h"
#include "util/banned.h"

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
    if (moved && from != to)
        return rh_buf_printf(b, "Plan: moved from phase '%s' to '%s'.\n", rh_phase_name(from),
                             rh_phase_name(to));
    if (moved)
        return rh_buf_printf(b, "Plan: walk-run stage %d -> %d.\n", ladder_from, ladder_to);
    return rh_buf_printf(b, "Plan: stays in phase '%s'.\n", rh_phase_name(to));
}
