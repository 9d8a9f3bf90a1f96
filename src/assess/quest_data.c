/* SPDX-License-Identifier: MIT */
/* The questionnaire text (data/questions.txt), compiled into the library. */
#include "assess/quest_int.h"

RH_EMBED(rh__questions_txt, "data/questions.txt");

const char *rh__quest_text(size_t *len)
{
    *len = (size_t)(rh__questions_txt_end - rh__questions_txt);
    return rh__questions_txt;
}
