/* SPDX-License-Identifier: MIT */
/*
 * The one body of the XML readers' libFuzzer targets (fuzz_gpx.c,
 * fuzz_tcx.c, fuzz_sml.c): the whole buffer decoded at once, then the same
 * bytes through the push reader in two pieces split at a place the input
 * chooses, and the sniffer. Any crash, leak, sanitizer report or
 * disagreement between the two ways of feeding is a finding.
 */
#ifndef RH_FUZZ_XML_TARGET_H
#define RH_FUZZ_XML_TARGET_H

#include <stdint.h>
#include <stdlib.h>

#include "runhip/xml.h"

/* rh_gpx_decode, rh_tcx_decode or rh_sml_decode */
typedef int (*fuzz_xml_decode_fn)(const void *buf, size_t len, struct rh_activity *a,
                                  struct rh_err *warn, struct rh_err *err);

static int fuzz_xml_target(const uint8_t *data, size_t size, enum rh_format fmt,
                           fuzz_xml_decode_fn decode)
{
    struct rh_activity a, b;
    struct rh_err warn, err;
    rh_activity_init(&a);
    int rc = decode(data, size, &a, &warn, &err);
    (void)rh_xml_sniff(data, size);

    size_t cut = size ? (size_t)data[0] * 131u % (size + 1) : 0;
    struct rh_xml_reader *r;
    rh_activity_init(&b);
    if (rh_xml_reader_new(&r, fmt, &b) == 0) {
        int rc2 = rh_xml_reader_feed(r, data, cut, &err);
        if (!rc2)
            rc2 = rh_xml_reader_feed(r, data + cut, size - cut, &err);
        if (!rc2)
            rc2 = rh_xml_reader_finish(r, &warn, &err);
        rh_xml_reader_free(r);
        /* the split must not change the outcome (an error may surface at
         * a different call, but success and the point count must agree) */
        if ((rc == 0) != (rc2 == 0) || (rc == 0 && a.n_records != b.n_records))
            abort();
    }
    rh_activity_release(&a);
    rh_activity_release(&b);
    return 0;
}

#endif
