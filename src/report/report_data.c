/* SPDX-License-Identifier: MIT */
/* The hand-off report's style sheet, compiled in from data/report.css: the
 * one source of both the dashboard's /report.css and the copy inside a
 * standalone `runhip report --html` file. */
#include "runhip/report.h"
#include "runhip/util.h"

RH_EMBED(rh__report_css, "data/report.css");

const char *rh_report_css(void)
{
    return rh__report_css;
}
