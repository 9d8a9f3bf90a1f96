/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the intake reader (text and JSON). Whatever parses
 * must write back in both syntaxes and read back to the same record; a
 * failed parse must leave the record "not answered". Any crash, leak,
 * sanitizer report or disagreement is a finding.
 */
#include <stdint.h>
#include <stdlib.h>

#include "runhip/intake.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rh_intake in, back, empty;
    struct rh_err err;
    rh_intake_init(&empty);
    if (rh_intake_parse((const char *)data, size, &in, &err)) {
        if (!rh_intake_equal(&in, &empty) || err.msg[0] == '\0')
            abort();
        return 0;
    }
    struct rh_buf b;
    rh_buf_init(&b, 0);
    if (rh_intake_to_text(&in, &b) ||
        rh_intake_parse(b.data ? b.data : "", b.len, &back, &err) || !rh_intake_equal(&in, &back))
        abort();
    rh_buf_reset(&b);
    if (rh_intake_to_json(&in, &b) || rh_intake_parse(b.data, b.len, &back, &err) ||
        !rh_intake_equal(&in, &back))
        abort();
    rh_buf_release(&b);
    return 0;
}
