/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the questionnaire's drafts: a saved draft read back
 * (rh_quest_resume: `runhip assess` resumes one kept in the database or
 * given as a file, the web's questionnaire the stored one), then the
 * screen, the progress, the urgent flag and the intake of what it restored.
 *
 * Invariants: a draft that resumes writes a draft (rh_quest_draft) that
 * resumes again with the same number of answers and writes the same text
 * (a draft is a fixed point after one round); one that does not resume
 * gives an error. Any crash, leak, sanitizer report or broken invariant is
 * a finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/intake.h"
#include "runhip/quest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const char *a, const char *b)
{
    fprintf(stderr, "fuzz_quest: %s\n--- first:\n%s\n--- again:\n%s\n", what, a ? a : "",
            b ? b : "");
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    static struct rh_quest q, again;
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_quest_init(&q, &err))
        die("init", err.msg, NULL);
    int n = rh_quest_resume(&q, (const char *)data, size, &err);
    if (n >= 0) {
        struct rh_buf d1, d2;
        rh_buf_init(&d1, 0);
        rh_buf_init(&d2, 0);
        if (rh_quest_draft(&q, &d1) == 0) {
            if (rh_quest_init(&again, &err))
                die("init", err.msg, NULL);
            int n2 = rh_quest_resume(&again, d1.data ? d1.data : "", d1.len, &err);
            if (n2 < 0)
                die("a written draft does not resume", d1.data, err.msg);
            if (rh_quest_draft(&again, &d2) == 0 &&
                (d1.len != d2.len || (d1.len && memcmp(d1.data, d2.data, d1.len))))
                die("a written draft resumes as another", d1.data, d2.data);
            rh_quest_release(&again);
        }
        rh_buf_release(&d1);
        rh_buf_release(&d2);

        (void)rh_quest_current(&q);
        int pos, total;
        rh_quest_progress(&q, &pos, &total);
        char words[256];
        rh_quest_progress_words(&q, 1, words, sizeof words);
        rh_quest_urgent_what(&q, words, sizeof words);
        static struct rh_intake in;
        (void)rh_quest_intake(&q, &in);
        struct rh_buf a;
        rh_buf_init(&a, 0);
        (void)rh_quest_current_answer(&q, &a);
        rh_buf_release(&a);
        /* the screens after it, skipped to the end */
        for (int i = 0; i < 64 && rh_quest_current(&q); i++)
            if (rh_quest_skip(&q))
                break;
        (void)rh_quest_intake(&q, &in);
    }
    rh_quest_release(&q);
    return 0;
}
