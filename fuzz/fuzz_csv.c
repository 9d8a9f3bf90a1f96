/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the CSV reader and the Strava activities.csv table:
 * every row found must be findable by its member name, and names must
 * come out as C strings. Any crash, leak or sanitizer report is a finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count(void *ctx, char **fields, size_t n, long line, struct rh_err *err)
{
    (void)err;
    size_t *rows = ctx;
    if (line < 1)
        abort();
    for (size_t i = 0; i < n; i++)
        if (!fields[i])
            abort();
    (*rows)++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rh_err err;
    size_t rows = 0;
    (void)rh__csv_parse((const char *)data, size, count, &rows, &err);
    struct rh__strava t;
    rh__strava_init(&t);
    if (rh__strava_load(&t, (const char *)data, size, &err) == 0) {
        for (size_t i = 0; i < t.n; i++) {
            if (!t.rows[i].file || !rh__strava_find(&t, t.rows[i].file))
                abort();
            if (t.rows[i].name)
                (void)strlen(t.rows[i].name);
        }
    }
    rh__strava_release(&t);
    return 0;
}
