/* SPDX-License-Identifier: MIT */
/* Inside the text layer: the compiled-in files (text_data.c). */
#ifndef RH_TEXT_INT_H
#define RH_TEXT_INT_H

#include "runhip/text.h"

extern const char rh__text_wording[], rh__text_wording_end[];
extern const char rh__text_references[], rh__text_references_end[];
extern const char rh__text_conditions[], rh__text_conditions_end[];
extern const char rh__text_red_flags[], rh__text_red_flags_end[];
extern const char rh__text_load_rules[], rh__text_load_rules_end[];
extern const char rh__text_plan_rules[], rh__text_plan_rules_end[];
extern const char rh__text_exercises[], rh__text_exercises_end[];

#endif
