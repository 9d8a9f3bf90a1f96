/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the time-zone readers: a profile's or $TZ's zone
 * as a runner types it (rh_tz_load_from: a tz database name, "UTC" or a
 * POSIX TZ rule such as "EST5EDT,M3.2.0,M11.1.0") and the TZif bytes of
 * a zone file with its POSIX footer (rh_tz_parse, RFC 8536).
 *
 * The input's first byte picks: even, the rest is a zone's name (cut at
 * its first NUL), looked up under a folder that does not exist so that
 * only the rule reader answers; odd, the rest is a TZif file. A zone that
 * loads is asked for its offset, local day and local noon over instants
 * from 1900 to 2200 and about 34,000 years either side of 1970.
 *
 * Invariants: an offset within a day (the POSIX and TZif limits of 24:59:59
 * and 25 hours); a zone that loads has a name, one that does not is
 * NULL. Any crash, leak, sanitizer report or broken invariant is a finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void sweep(const struct rh_tz *tz)
{
    /* about 34,000 years either side of 1970: far beyond any file's time,
     * within what a day number (int32) holds */
    static const int64_t edges[] = {-(INT64_C(1) << 40), -1, 0, 1, INT64_C(1) << 40};
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++) {
        int32_t off = rh_tz_offset_min(tz, edges[i]);
        if (off < -26 * 60 || off > 26 * 60) {
            fprintf(stderr, "fuzz_tz: offset %d min at %lld\n", off, (long long)edges[i]);
            abort();
        }
        (void)rh_tz_day(tz, edges[i]);
    }
    /* 1900 to 2200, every 9 days and 7 hours: both sides of any rule's changes */
    for (int64_t t = -2208988800LL; t < 7258118400LL; t += 9 * 86400 + 7 * 3600) {
        int32_t off = rh_tz_offset_min(tz, t);
        if (off < -26 * 60 || off > 26 * 60) {
            fprintf(stderr, "fuzz_tz: offset %d min at %lld\n", off, (long long)t);
            abort();
        }
        int32_t day = rh_tz_day(tz, t);
        (void)rh_tz_noon(tz, day);
    }
    (void)rh_tz_noon(tz, -(1 << 23));
    (void)rh_tz_noon(tz, 1 << 23);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    struct rh_tz *tz = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    if (data[0] % 2 == 0) {
        char *name = malloc(size);
        if (!name)
            return 0;
        memcpy(name, data + 1, size - 1);
        name[size - 1] = '\0';
        (void)rh_tz_name_ok(name);
        if (rh_tz_load_from("/nonexistent/runhip-fuzz-zoneinfo", name, &tz, &err) == 0) {
            if (!tz || !rh_tz_name(tz))
                abort();
            sweep(tz);
            rh_tz_free(tz);
        } else if (tz) {
            abort(); /* an error leaves nothing */
        }
        free(name);
    } else {
        if (rh_tz_parse(data + 1, size - 1, "Fuzz/Zone", &tz, &err) == 0) {
            if (!tz)
                abort();
            sweep(tz);
            rh_tz_free(tz);
        } else if (tz) {
            abort();
        }
    }
    return 0;
}
