/* SPDX-License-Identifier: MIT */
/* libFuzzer target for the GPX reader (the body: xml_target.h). */
#include "xml_target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_xml_target(data, size, RH_FMT_GPX, rh_gpx_decode);
}
