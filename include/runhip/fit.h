/* SPDX-License-Identifier: MIT */
/*
 * runhip/fit.h: the FIT decoder (Garmin's Flexible and Interoperable Data
 * Transfer format), written for runhip from the public FIT protocol and
 * profile.
 *
 * Ownership: buffers are borrowed for the duration of a call; the activity
 * is caller-owned (rh_activity_init before, rh_activity_release after).
 */
#ifndef RUNHIP_FIT_H
#define RUNHIP_FIT_H

#include "runhip/activity.h"

/* Decodes a whole FIT file (chained files included) from buf into a.
 * Returns 0 when at least the file header was valid and what decoded cleanly
 * is in a; problems that still leave usable data (bad CRC, truncation) are
 * reported in *warn (may be NULL) with code RH_ECRC or RH_ETRUNC. Returns a
 * negative RH_E* with *err filled when nothing usable was found. */
int rh_fit_decode(const void *buf, size_t len, struct rh_activity *a, struct rh_err *warn,
                  struct rh_err *err);

/* True if buf starts like a FIT file (header size, ".FIT" signature). */
bool rh_fit_sniff(const void *buf, size_t len);

#endif
