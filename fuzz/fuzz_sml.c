/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the Suunto SML reader: the whole buffer at once, then the
 * same bytes through the push reader in two pieces split at a place the
 * input chooses, and the sniffer. Any crash, leak, sanitizer report or
 * disagreement between the two ways of feeding is a finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rh_activity a, b;
    struct rh_err warn, err;
    rh_activity_init(&a);
    int rc = rh_sml_decode(data, size, &a, &warn, &err);
    (void)rh_xml_sniff(data, size);

    size_t cut = size ? (size_t)data[0] * 131u % (size + 1) : 0;
    struct rh_xml_reader *r;
    rh_activity_init(&b);
    if (rh_xml_reader_new(&r, RH_FMT_SML, &b) == 0) {
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
