/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the archive walk: the input as a zip archive (or a
 * plain file) walked from memory, every member decoded as an import would.
 * Members over the size limit, zips inside zips, a Strava activities.csv
 * and corrupt headers all go through here. Any crash, leak or sanitizer
 * report is a finding; so is a source without a name.
 */
#include <stdint.h>
#include <stdlib.h>

#include "archive/archive_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int take(void *ctx, struct rh_import_src *src)
{
    (void)ctx;
    if (!src->name)
        abort();
    struct rh_activity a;
    struct rh_err warn, err;
    rh_activity_init(&a);
    if (rh_import_decode(src, &a, &warn, &err) == 0 && !a.file)
        abort();
    rh_activity_release(&a);
    rh_import_src_free(src);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rh_err err;
    int r = rh__import_walk_mem(data, size, "fuzz.zip", take, NULL, &err);
    if (r != 0 && r != RH_ENOMEM)
        abort();
    return 0;
}
