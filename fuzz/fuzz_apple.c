/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the Apple Health export.xml reader: the input as one
 * stream, then the same bytes in chunks of a size the input chooses, and
 * the sniffer. Any crash, leak or sanitizer report, or a different outcome
 * or workout count between the two ways of feeding, is a finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct mem_io {
    const uint8_t *p;
    size_t len, pos, step;
};

static int mem_read(void *ctx, const void **buf, size_t *len, struct rh_err *err)
{
    struct mem_io *m = ctx;
    (void)err;
    size_t n = m->len - m->pos;
    if (n > m->step)
        n = m->step;
    *buf = m->p + m->pos;
    *len = n;
    m->pos += n;
    return 0;
}

static int count(void *ctx, struct rh_activity *a, const struct rh_err *warn)
{
    (void)warn;
    (*(long *)ctx)++;
    rh_activity_release(a);
    return 0;
}

static int run(const uint8_t *data, size_t size, size_t step, long *n)
{
    struct mem_io m = {data, size, 0, step ? step : 1};
    struct rh_stream_io io = {mem_read, NULL, &m};
    struct rh_err warn, err;
    *n = 0;
    return rh_apple_decode(&io, count, n, &warn, &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)rh_apple_sniff(data, size);
    long n1, n2;
    int rc1 = run(data, size, size, &n1);
    size_t step = size ? (size_t)data[0] * 37u % size + 1 : 1;
    int rc2 = run(data, size, step, &n2);
    if ((rc1 == 0) != (rc2 == 0) || n1 != n2)
        abort();
    return 0;
}
