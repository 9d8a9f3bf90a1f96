/* SPDX-License-Identifier: MIT */
/*
 * runhip/xml.h: GPX 1.0/1.1 and TCX readers on expat (streaming,
 * namespace-aware).
 *
 * Ownership: buffers are borrowed for the duration of a call; the activity
 * is caller-owned (rh_activity_init before, rh_activity_release after).
 * A struct rh_xml_reader is owned by whoever made it with
 * rh_xml_reader_new and freed with rh_xml_reader_free; it keeps a borrowed
 * pointer to the activity until it is freed.
 *
 * Elements are matched by namespace URI and local name, never by prefix.
 * Text is buffered only for elements that are read, and at most
 * RH_XML_TEXT_MAX bytes of it: a longer text node in such an element is an
 * RH_ELIMIT error. Expat's own memory is capped at RH_XML_MEM_MAX.
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

/* ---- streaming (push) reader, e.g. for gzip input ------------------------ */

#define RH_XML_TEXT_MAX 4096         /* bytes of text kept for one element */
#define RH_XML_MEM_MAX (32u << 20)   /* expat's memory for one document */

struct rh_xml_reader;

/* Makes a reader that fills a (rh_activity_init'ed by the caller, alive
 * until rh_xml_reader_free). fmt is RH_FMT_GPX, RH_FMT_TCX, or RH_FMT_NONE
 * to accept either (decided by the root element). On success *out is the
 * reader (free with rh_xml_reader_free). 0, RH_EINVAL or RH_ENOMEM. */
int rh_xml_reader_new(struct rh_xml_reader **out, enum rh_format fmt, struct rh_activity *a);
/* Parses the next len bytes of the document (any split is fine). 0, or a
 * negative RH_E* with err (line set for syntax errors); after an error the
 * reader only accepts rh_xml_reader_free. */
int rh_xml_reader_feed(struct rh_xml_reader *r, const void *buf, size_t len, struct rh_err *err);
/* Ends the document and completes a. Same contract as rh_gpx_decode. */
int rh_xml_reader_finish(struct rh_xml_reader *r, struct rh_err *warn, struct rh_err *err);
/* Frees r (NULL is fine); the activity is not touched. */
void rh_xml_reader_free(struct rh_xml_reader *r);

#endif
