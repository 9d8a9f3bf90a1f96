/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the diary note reader (src/plan/note.c) and the
 * entry triage (src/plan/triage.c). The input is a note as a runner types
 * it into a diary entry or a check-in (up to its first NUL byte): it is
 * read (rh_note_read), every finding said (rh_note_finding_shown,
 * rh_note_finding_words, rh_note_reading_lines for the terminal and the
 * web, of the runner and of a child); a note read as something is triaged
 * as an entry without an assessment and (every other one) with one
 * (rh_triage_entry), every flag said in its fixed buffers. The input is also read as stored signs words
 * (rh_triage_signs_parse, _words, _said, _json). Invariants: every
 * finding's text NUL-terminated within its array, its bytes inside the
 * note, pain -1..10, age -1 or 10..100, a signs mask written as words reads
 * back the same. Any crash, leak, sanitizer report or broken invariant is
 * a finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/intake.h"
#include "runhip/triage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void terminated(const char *s, size_t cap)
{
    if (!memchr(s, '\0', cap))
        abort();
}

static void check_reading(const char *note, const struct rh_note_reading *r)
{
    size_t len = strlen(note);
    if (r->n < 0 || r->n > RH_NOTE_MAX_FINDINGS)
        abort();
    if (r->pain < -1 || r->pain > 10 || (r->age != -1 && (r->age < 10 || r->age > 100)))
        abort();
    for (int i = 0; i < r->n; i++) {
        const struct rh_note_finding *f = &r->f[i];
        terminated(f->fact, sizeof f->fact);
        terminated(f->words, sizeof f->words);
        terminated(f->sets, sizeof f->sets);
        terminated(f->reads, sizeof f->reads);
        if (f->from < 0 || f->from > f->to || (size_t)f->to > len)
            abort();
    }
}

static void say_reading(const char *note, const struct rh_note_reading *r)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    for (int i = 0; i < r->n; i++) {
        (void)rh_note_finding_shown(r, i);
        rh_buf_reset(&b);
        if (rh_note_finding_words(&r->f[i], &b))
            abort();
    }
    (void)rh_note_read_nothing(note, r);
    for (int k = 0; k < 4; k++) {
        rh_buf_reset(&b);
        if (rh_note_reading_lines(note, r, k & 1, k & 2, &b))
            abort();
        if (b.len && (!b.data || b.data[b.len - 1] != '\n'))
            abort();
    }
    rh_buf_release(&b);
}

static void say_triage(const struct rh_triage *t)
{
    char out[1024], topic[256];
    if (t->n_flags < 0 || t->n_flags > RH_ASSESS_MAX_FLAGS)
        abort();
    for (int i = 0; i < t->n_flags; i++) {
        const struct rh_triage_flag *f = &t->flags[i];
        terminated(f->said, sizeof f->said);
        rh_triage_flag_title(f, out, sizeof out);
        terminated(out, sizeof out);
        rh_triage_flag_words(f, out, sizeof out);
        terminated(out, sizeof out);
        rh_triage_flag_reason(f, out, sizeof out);
        terminated(out, sizeof out);
        (void)rh_triage_flag_topic(f, topic, sizeof topic);
        terminated(topic, sizeof topic);
        /* a small buffer must be cut, never overrun */
        rh_triage_flag_words(f, out, 8);
        terminated(out, 8);
    }
}

/* The assessment a diary entry is triaged against (a runner with groin pain). */
static const char context_text[] = "age = 34\nsex = female\nside = right\n"
                                   "location = groin, deep\nonset = gradual\n"
                                   "duration_days = 21\ncharacter = dull_ache, pinching\n"
                                   "pain_run = 6\nworse_with = run_later, walking, night\n"
                                   "signs = limp\nweekly_km = 62.5\nkm_change_pct = 35\n";

static void signs_words(const char *text)
{
    uint32_t mask, back;
    struct rh_err err;
    char words[RH_SIGNS_TEXT_MAX], said[1024];
    rh_triage_signs_said(text, said, sizeof said);
    terminated(said, sizeof said);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    (void)rh_triage_signs_json(text, &b);
    rh_buf_release(&b);
    if (rh_triage_signs_parse(text, &mask, &err))
        return;
    if (rh_triage_signs_words(mask, words, sizeof words, &err))
        return;
    if (rh_triage_signs_parse(words, &back, &err) || back != mask)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *note = malloc(size + 1);
    if (!note)
        return 0;
    memcpy(note, data, size);
    note[size] = '\0';

    static struct rh_note_reading r;
    struct rh_err err;
    if (rh_note_read(note, &r, &err))
        abort();
    check_reading(note, &r);
    say_reading(note, &r);

    static struct rh_triage t;
    static struct rh_intake ctx;
    static int have_ctx = -1;
    if (have_ctx < 0)
        have_ctx = rh_intake_parse(context_text, sizeof context_text - 1, &ctx, &err) == 0;
    struct rh_pain_entry e;
    memset(&e, 0, sizeof e);
    e.pain = 3;
    e.during_run = 5;
    e.next_morning = -1;
    e.note = note;
    /* the triage runs the assessment (tens of milliseconds): only for a
     * note read as something, the one whose reading it turns into flags;
     * against the assessment for every other one of those */
    if (r.n > 0 || r.note_facts) {
        if (rh_triage_entry(NULL, 0, &e, 0, &t, &err))
            abort();
        check_reading(note, &t.note);
        say_triage(&t);
        if (have_ctx && (size & 1)) {
            if (rh_triage_entry(&ctx, 7, &e, 0, &t, &err))
                abort();
            say_triage(&t);
        }
    }

    signs_words(note);
    free(note);
    return 0;
}
