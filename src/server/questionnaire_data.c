/* SPDX-License-Identifier: MIT */
/* The questionnaire form's files, compiled in: the hip picture
 * (data/hip_diagram.svg, served as /hip.svg and drawn inline by
 * page_questionnaire.c) and its small script (data/questionnaire.js). */
#include "runhip/util.h"

RH_EMBED(rh__hip_svg, "data/hip_diagram.svg");
RH_EMBED(rh__quest_js, "data/questionnaire.js");
