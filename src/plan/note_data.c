/* SPDX-License-Identifier: MIT */
/* The diary note phrase lists, compiled in (read by note.c). */
#include "runhip/util.h"

RH_EMBED(rh__note_phrases_txt, "data/diary_phrases.txt");
