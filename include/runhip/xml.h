/* SPDX-License-Identifier: MIT */
/*
 * runhip/xml.h: GPX 1.0/1.1, TCX, Suunto SML and Apple Health readers on expat (streaming,
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
/* Several outings in one file: a GPX's tracks (<trk>) and a TCX's
 * <Activity> elements are its units. A unit starts a new outing when its
 * sport differs from the unit before (a triathlon's legs, a ride then a
 * walk) or when it starts more than RH_OUTING_GAP_S after the last time
 * of the unit before: an hour is longer than any pause inside one outing
 * (a cafe stop, a watch paused at a crossing, a track cut in two by a
 * restart) and shorter than the time between two outings of a day (a
 * morning and an evening run). A unit whose sport is not said (a GPX
 * track without <type>) or without times keeps the outing of the unit
 * before; a single track with short pauses is one outing. */
#define RH_OUTING_GAP_S 3600.0
#define RH_XML_UNITS_MAX 256 /* units told apart; later ones join the last */
/* Outings of one file at most: each is read again from the file, so a
 * hostile file of thousands of tracks costs at most 17 reads of it; later
 * units join the last outing (as a FIT's legs, RH_FIT_LEGS_MAX). */
#define RH_XML_OUTINGS_MAX 16
struct rh_xml_parts {
    int n;       /* outings (1 when the file is one) */
    int n_units; /* units seen (at most RH_XML_UNITS_MAX) */
    uint16_t of_unit[RH_XML_UNITS_MAX]; /* each unit's outing */
};
/* As rh_gpx_decode / rh_tcx_decode (fmt RH_FMT_GPX or RH_FMT_TCX). With
 * want < 0 the whole document is decoded into a and parts (may be NULL)
 * gets its outings; with want >= 0, parts as a call with want < 0 filled
 * it, only the units of outing want are read. */
int rh_xml_decode_part(enum rh_format fmt, const void *buf, size_t len,
                       struct rh_xml_parts *parts, int want, struct rh_activity *a,
                       struct rh_err *warn, struct rh_err *err);
/* Suunto SML (Moveslink2): header summary, device, samples in SI units;
 * start and offset from the header's local time against the samples' UTC. */
int rh_sml_decode(const void *buf, size_t len, struct rh_activity *a, struct rh_err *warn,
                  struct rh_err *err);

/* Which XML format buf holds, by its root element and namespace:
 * RH_FMT_GPX, RH_FMT_TCX, RH_FMT_SML, RH_FMT_APPLE (a <HealthData> root within the
 * first 4 KB) or RH_FMT_NONE. Reads at most the first 4 KB. */
enum rh_format rh_xml_sniff(const void *buf, size_t len);

/* ---- streaming (push) reader, e.g. for gzip input ------------------------ */

#define RH_XML_TEXT_MAX 4096         /* bytes of text kept for one element */
#define RH_XML_MEM_MAX (32u << 20)   /* expat's memory for one document */

struct rh_xml_reader;

/* Makes a reader that fills a (rh_activity_init'ed by the caller, alive
 * until rh_xml_reader_free). fmt is RH_FMT_GPX, RH_FMT_TCX, RH_FMT_SML, or
 * RH_FMT_NONE to accept any of them (decided by the root element). On success *out is the
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

/* ---- Apple Health export.xml (streamed) ----------------------------------- */

/* Where a streamed document comes from. read hands out the next bytes
 * (*len 0 at the end; the bytes stay valid until the next call). siblings
 * (NULL when there are none to read) calls got for each of the n sorted
 * paths, as written in the document ("/workout-routes/route_x.gpx",
 * relative to the export's folder), that exists beside it, with its whole
 * bytes (borrowed during the call); a non-zero return of got stops it and
 * is returned. Both return 0 or a negative RH_E* with err. */
struct rh_stream_io {
    int (*read)(void *ctx, const void **buf, size_t *len, struct rh_err *err);
    int (*siblings)(void *ctx, const char *const *paths, size_t n,
                    int (*got)(void *gctx, size_t i, const void *data, size_t len), void *gctx,
                    struct rh_err *err);
    void *ctx;
};

/* True when buf (the first bytes of a file) starts an Apple Health
 * export.xml: a <!DOCTYPE HealthData or a <HealthData root before any other
 * element. */
bool rh_apple_sniff(const void *buf, size_t len);

/* Reads an Apple Health export.xml in one pass with flat memory and hands
 * fn one activity per <Workout> (after the whole document, since the
 * Records it needs come first): sport (treadmill for an indoor run),
 * start, offset of its printed dates, elapsed and timer time, distance
 * (iOS 16+ WorkoutStatistics, else the old attributes), heart rate from the
 * HeartRate Records inside the workout (else its statistics), cadence from
 * the StepCount Records of its own source (foot sports), the device, a
 * content hash of the workout's identity (the same workout in a zip, a
 * folder or a bare file hashes alike), and the route from its WorkoutRoute
 * (inline Locations or the FileReference GPX through io->siblings).
 * Returns 0 (*warn may say a workout was left out), RH_EFORMAT (not an
 * export, or no workout), RH_ESYNTAX, RH_ELIMIT, RH_ENOMEM, the io's error
 * or fn's non-zero value, with *err. */
int rh_apple_decode(const struct rh_stream_io *io, rh_activity_fn fn, void *ctx,
                    struct rh_err *warn, struct rh_err *err);

#endif
