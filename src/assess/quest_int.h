/* SPDX-License-Identifier: MIT */
/* Inside the library: the compiled-in questionnaire text. */
#ifndef RUNHIP_ASSESS_QUEST_INT_H
#define RUNHIP_ASSESS_QUEST_INT_H

#include <stddef.h>

#include "runhip/util.h"

/* The bytes of data/questions.txt (static, not NUL-counted in *len). */
const char *rh__quest_text(size_t *len);

#endif
