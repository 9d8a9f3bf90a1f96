/* SPDX-License-Identifier: MIT */
/*
 * runhip/xml.h: GPX 1.0/1.1 and TCX readers on expat (streaming,
 * namespace-aware).
 *
 * Ownership: buffers are borrowed for the duration of a call; the activity
 * is caller-owned (rh_activity_init before, rh_activity_release after).
 */
#ifndef RUNHIP_XML_H
#define RUNHIP_XML_H

#include "runhip/activity.h"

/* Decode a whole GPX / TCX document from buf into a. Same contract as
 * rh_fit_decode: 0 with usable data (a truncated document that still gave
 * points is 0 with *warn set to RH_ETRUNC); negative RH_E* with *err when
 * nothing usable was found (not XML, no track, a TCX Course). */
int rh_gpx_decode(const void *buf, size_t len, struct rh_activity *a, struct rh_err *warn,
                  struct rh_err *err);
int rh_tcx_decode(const void *buf, size_t len, struct rh_activity *a, struct rh_err *warn,
                  struct rh_err *err);

/* Which XML format buf holds, by its root element and namespace:
 * RH_FMT_GPX, RH_FMT_TCX or RH_FMT_NONE. Reads at most the first 4 KB. */
enum rh_format rh_xml_sniff(const void *buf, size_t len);

#endif
