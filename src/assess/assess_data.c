/* SPDX-License-Identifier: MIT */
/* The assessment knowledge base, compiled in: the named terms the rules
 * share, conditions, red flags and the general rules (pain type,
 * disposition, running, advice, hop safety). */
#include "assess/assess_int.h"

RH_EMBED(rh__kb_conditions, "data/conditions.txt");
RH_EMBED(rh__kb_red_flags, "data/red_flags.txt");
RH_EMBED(rh__kb_rules, "data/assess_rules.txt");
RH_EMBED(rh__kb_terms, "data/terms.txt");
