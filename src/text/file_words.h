/* SPDX-License-Identifier: MIT */
/*
 * Inside the library: what the decoders and the importer tell a runner
 * about a file they read (words25), data/wording.txt [file_words]; see
 * file_words.c. Each call names its key and gives its holes as NULL-ended
 * NAME, VALUE pairs (strings; a number is formatted by the caller), exactly
 * the key's (asserted in a debug build).
 */
#ifndef RH_FILE_WORDS_H
#define RH_FILE_WORDS_H

#include <stddef.h>

#include "runhip/util.h"

/* 0, or RH_EFORMAT naming the key and hole of a text that does not fit
 * the table (checked once a program; a failure is tried again). */
int rh__file_words_check(struct rh_err *err);

/* The key's text, filled, into buf (cap bytes, always NUL-terminated);
 * "" when the section does not check. The length it needs. */
size_t rh__file_say(char *buf, size_t cap, const char *key, ...);

/* err (if not NULL) set to code, line -1 (rh__file_errl: line) and the
 * key's text, filled; returns code. A section that does not check is said
 * as the check's error, with code. */
int rh__file_err(struct rh_err *err, int code, const char *key, ...);
int rh__file_errl(struct rh_err *err, int code, long line, const char *key, ...);

/* How far into a recording a file could be read, in words ("41 minutes",
 * "1 h 05 min"), into buf; "" when seconds is not a plausible span. */
size_t rh__file_span(char *buf, size_t cap, double seconds);

/* text (borrowed) with the detail for a bug report after it (with_detail),
 * into buf; text alone when detail is NULL or "". text may be buf. */
void rh__file_with_detail(char *buf, size_t cap, const char *text, const char *detail);

/* err set to code at line (-1: none) and key's text (a key with no hole),
 * the detail after it (NULL or "": none); returns code. */
int rh__file_err_detail(struct rh_err *err, int code, long line, const char *key,
                        const char *detail);

/* A warning of a file cut short whole into w->msg: what happened (w->msg
 * on entry), what was kept up to span_s seconds into the recording
 * (RH_NONE: unknown) and the detail (may be NULL). */
void rh__file_warn_cut(struct rh_err *w, double span_s, const char *detail);

#endif
