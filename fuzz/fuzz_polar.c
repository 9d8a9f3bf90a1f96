/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the Polar Flow training-session reader with its
 * bare-NaN pre-pass, and the sniffer. The pre-pass must keep every byte
 * but the tokens it replaces: a crash, leak, sanitizer report, or a
 * pre-pass output of the wrong length is a finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)rh__polar_sniff(data, size);
    struct rh_buf out;
    rh_buf_init(&out, 0);
    size_t n = 0;
    if (rh__json_bare_nan((const char *)data, size, &out, &n) == 0) {
        /* "NaN" grows by one byte, "Infinity" and "-Infinity" shrink */
        if (out.len > size + n)
            abort();
    }
    rh_buf_release(&out);
    struct rh_activity a;
    struct rh_err warn, err;
    rh_activity_init(&a);
    (void)rh__polar_decode(data, size, &a, &warn, &err);
    rh_activity_release(&a);
    return 0;
}
