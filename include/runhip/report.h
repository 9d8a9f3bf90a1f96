/* SPDX-License-Identifier: MIT */
/*
 * runhip/report.h: the hand-off report for a physiotherapist or doctor. One
 * print-ready HTML page (a print stylesheet for A4 and Letter, one to two
 * pages) from what the database holds: the latest assessment's answers in
 * clinical terms, its red flags, the ranked conditions with the findings
 * behind them, the pain pattern and the suggested care; the training-load
 * chart with pain markers and the training findings with their numbers;
 * the diary's pain trend, the weekly check-in (OSTRC) scores, the plan's
 * phase and the sessions done; the date range covered; numbered sources.
 * The browser's "print to PDF" makes the PDF.
 *
 * Ownership: the store is borrowed for the call; the page is appended to
 * the caller-owned buffer.
 */
#ifndef RUNHIP_REPORT_H
#define RUNHIP_REPORT_H

#include "runhip/store.h"
#include "runhip/util.h"

/* How the page is written. NULL (or all fields NULL): one file that works
 * offline on its own, its style sheet inside it (what `runhip report
 * --html` writes, a file a physiotherapist may get by email). */
struct rh_report_opts {
    const char *css_href;  /* link this style sheet instead (the dashboard's
                              /report.css: its CSP forbids inline style) */
    const char *back_href; /* a link back (not printed), or NULL */
};

/* Writes the page as of local day `today` (the diary, check-ins and
 * sessions up to it; the load report as of the newest activity up to it).
 * The page has no style attribute; its style is rh_report_css().
 * Returns 0; RH_ENOTFOUND with a message when the database holds neither an
 * assessment nor activities nor diary entries (nothing to hand over);
 * RH_ENOMEM/RH_ELIMIT; a store error. Parts that are missing (no plan, no
 * activities) are said so on the page. */
int rh_report_html(struct rh_store *s, int32_t today, const struct rh_report_opts *opts,
                   struct rh_buf *out, struct rh_err *err);

/* data/wording.txt [report_words], the hand-off report's words (words20):
 * 0 when it holds exactly the report's keys, each a printf format with the
 * conversions the report gives; RH_EFORMAT else. The report checks it
 * before writing; the server with its rules (the Diary's visits are said
 * in the report's words). */
int rh_report_words_check(struct rh_err *err);

/* What a clinician's visit decided, in the report's words for a visit (its
 * red-flag history, session 13): "cleared by a clinician on 2026-12-03",
 * or, for a visit that restricted running or sent it back as walk-run,
 * "seen by a clinician on 2026-12-03, who advised no running for 4 weeks"
 * (rh_visit_said_of); into out (cap bytes). The web's Diary page lists the
 * visits in these words too (words14). */
void rh_report_visit_said(const struct rh_visit *v, char *out, size_t cap);

/* The report's style sheet (data/report.css, compiled in; static storage). */
const char *rh_report_css(void);

#endif
