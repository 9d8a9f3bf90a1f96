/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the FIT decoder: every input goes through the
 * message iterator (reading every field of every message as a number and
 * as a string) and through rh_fit_decode. Built by `make fuzz` with clang.
 * Inputs are cut to 64 KB.
 */
#include <stdlib.h>
#include <string.h>

#include "runhip/fit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct rh_fit_reader r;
    struct rh_fit_msg m;
    struct rh_err err, warn;
    char s[64];
    volatile double sink = 0;
    /* the corpus has 3 MB files: a 64 KB prefix keeps runs fast and is
     * itself a truncated file to decode */
    if (size > 65536)
        size = 65536;
    rh_fit_reader_init(&r, data, size);
    while (rh_fit_next(&r, &m, &err) > 0) {
        for (unsigned i = 0; i < m.n_fields; i++) {
            double v = rh_fit_field_raw(&m, &m.fields[i]);
            if (v == v)
                sink += v;
            rh_fit_field_str(&m, &m.fields[i], s, sizeof s);
        }
        (void)rh_fit_msg_field(&m, 253);
    }
    (void)sink;
    (void)rh_fit_sniff(data, size);
    struct rh_activity a;
    rh_activity_init(&a);
    if (rh_fit_decode(data, size, &a, &warn, &err) == 0) {
        /* the summary must be self-consistent */
        if (a.n_track > RH_TRACK_MAX || a.n_records < 0)
            abort();
        if (warn.code && warn.msg[0] == '\0')
            abort();
    } else if (err.msg[0] == '\0') {
        abort();
    }
    rh_activity_release(&a);
    return 0;
}
