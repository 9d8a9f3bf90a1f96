/* SPDX-License-Identifier: MIT */
/*
 * The questionnaire and the store (runhip/quest.h): the one draft of an
 * unfinished questionnaire (a settings row, shared by `runhip assess` and
 * the web form, so either can go on where the other stopped) and the
 * finished assessment stored with its intake, as both front ends do.
 */
#include <stdio.h>
#include <string.h>

#include "runhip/assess.h"
#include "runhip/quest.h"
#include "runhip/store.h"
#include "runhip/text.h"
#include "util/banned.h"

#define DRAFT_KEY "assess_draft" /* the settings row holding the draft */

int rh_quest_draft_load(struct rh_store *s, char **text, struct rh_err *err)
{
    *text = NULL;
    int r = rh_store_meta_get(s, DRAFT_KEY, text, err);
    if (!r && *text && !**text) { /* an emptied row: no draft */
        rh_free(*text);
        *text = NULL;
    }
    return r;
}

int rh_quest_draft_store(struct rh_store *s, const char *text, struct rh_err *err)
{
    return rh_store_meta_set(s, DRAFT_KEY, text ? text : "", err);
}

int rh_quest_draft_forget(struct rh_store *s, struct rh_err *err)
{
    return rh_quest_draft_store(s, "", err);
}

int rh_quest_draft_save(struct rh_store *s, const struct rh_quest *q, struct rh_err *err)
{
    if (!q->set)
        return rh_err_set(err, RH_EINVAL, "no questionnaire");
    if (rh_quest_draft_count(q) == 0 && q->n_trail == 0 && !q->ended)
        return rh_quest_draft_forget(s, err);
    struct rh_buf b;
    rh_buf_init(&b, 1u << 16);
    int r = rh_quest_draft(q, &b);
    if (r)
        rh_err_set(err, r, "the draft could not be written: %s", rh_strerror(r));
    else
        r = rh_quest_draft_store(s, b.data, err);
    rh_buf_release(&b);
    return r;
}

int rh_assessment_save(struct rh_store *s, const struct rh_intake *in,
                       const struct rh_assessment *a, int64_t created_utc, unsigned flags,
                       int64_t *id, struct rh_err *err)
{
    struct rh_buf ij, rj;
    rh_buf_init(&ij, 1u << 20);
    rh_buf_init(&rj, 0);
    int r = rh_intake_to_json(in, &ij);
    if (!r)
        r = rh_assessment_to_json(a, &rj);
    if (r) {
        rh_err_set(err, r, "cannot store the assessment: %s", rh_strerror(r));
    } else if (!(r = rh_store_begin(s, err))) {
        r = rh_store_assessment_add(s, created_utc, ij.data, rj.data, id, err);
        if (!r && (flags & RH_ASSESS_SAVE_FORGET_DRAFT))
            r = rh_quest_draft_forget(s, err);
        if (!r)
            r = rh_store_commit(s, err);
        else
            rh_store_rollback(s);
    }
    rh_buf_release(&ij);
    rh_buf_release(&rj);
    return r;
}

void rh_quest_thin_question(struct rh_store *s, char *buf, size_t cap)
{
    if (!cap)
        return;
    const char *w = rh_words("text", "unranked.save");
    snprintf(buf, cap, "%s", w ? w : ""); /* required (rh_text_check) */
    int64_t pid, pcreated;
    char *pin = NULL, *pres = NULL;
    struct rh_err e;
    rh_err_clear(&e);
    if (rh_store_assessment_latest(s, &pid, &pcreated, &pin, &pres, &e) == 0) {
        const char *rw = rh_words("text", "unranked.save.replaces");
        const char *at = rw ? strstr(rw, "{}") : NULL;
        size_t n = strlen(buf);
        if (at && n < cap)
            snprintf(buf + n, cap - n, " %.*s%lld%s", (int)(at - rw), rw, (long long)pid, at + 2);
        else if (rw && n < cap) /* loop16: worded without the internal number */
            snprintf(buf + n, cap - n, " %s", rw);
    }
    rh_free(pin);
    rh_free(pres);
}
