/* SPDX-License-Identifier: MIT */
/* Inside the library: the compiled-in questionnaire text. */
#ifndef RUNHIP_ASSESS_QUEST_INT_H
#define RUNHIP_ASSESS_QUEST_INT_H

#include <stddef.h>

#include "runhip/util.h"

/* The bytes of data/questions.txt (static, not NUL-counted in *len). */
const char *rh__quest_text(size_t *len);

struct rh__ifield;
struct rh_intake;
/* Whether the questionnaire offers the word `word` of the list field f to
 * a runner with the answers `in` (runner23): 1 when a screen that asks it
 * would be shown (its ask_if and never_if lines, data/questions.txt), 0
 * when every such screen is hidden for these answers (periods and eating
 * too little are not asked of a man, the birth of a runner under 16), -1
 * when no screen asks it or the questionnaire cannot be read. Thread-safe:
 * the questionnaire is read once. */
int rh__quest_word_offered(const struct rh__ifield *f, int word, const struct rh_intake *in);

#endif
