/* SPDX-License-Identifier: MIT */
/* The diary note phrase lists, compiled in (read by note.c). */
#include "runhip/util.h"

RH_EMBED(rh__note_phrases_txt, "data/diary_phrases.txt");
/* session 32 (branch dia37): the words of other languages and dialects that
 * runners mix into English, read after diary_phrases.txt into the same lists */
RH_EMBED(rh__note_voices_txt, "data/diary_voices.txt");
