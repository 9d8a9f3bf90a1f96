/* SPDX-License-Identifier: MIT */
/* The user-facing words and the references, compiled in, and the data files
 * whose section names (condition, red flag, finding, phase, exercise ids)
 * the text layer turns into their display names. */
#include "text/text_int.h"

RH_EMBED(rh__text_wording, "data/wording.txt");
RH_EMBED(rh__text_references, "data/references.txt");
RH_EMBED(rh__text_conditions, "data/conditions.txt");
RH_EMBED(rh__text_red_flags, "data/red_flags.txt");
RH_EMBED(rh__text_load_rules, "data/load_rules.txt");
RH_EMBED(rh__text_plan_rules, "data/plan_rules.txt");
RH_EMBED(rh__text_exercises, "data/exercises.txt");
