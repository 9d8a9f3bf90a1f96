/* SPDX-License-Identifier: MIT */
/*
 * The hand-off report for a clinician (runhip/report.h): one print-ready
 * HTML page written as a referral letter reads. The words come from the
 * text layer (data/wording.txt: answers in clinical terms, dispositions
 * with their time frame; data/references.txt: numbered sources), so the
 * page says what the terminal says.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runhip/assess.h"
#include "runhip/intake.h"
#include "runhip/load.h"
#include "runhip/plan.h"
#include "runhip/report.h"
#include "runhip/text.h"
#include "runhip/triage.h"
#include "util/json_int.h"
#include "util/banned.h"

#define DIARY_MAX 10   /* days of the diary listed */
#define DIARY_LINES 12 /* and the lines of their notes (phys28) */
#define CHECKIN_MAX 8  /* check-ins listed */
#define CAUSES 3       /* ranked conditions shown */
#define CAUSE_WHY 4    /* findings shown for the leading one */
#define CAUSE_WHY_OTHER 3 /* and for each other one (phys28) */
_Static_assert(CAUSE_WHY_OTHER <= CAUSE_WHY, "room for the others' findings");

struct out {
    struct rh_buf *b;
    int err;
    struct rh_refs refs;
    /* a pelvic-floor symptom a diary note told (review 10 #12), for the
     * summary: "2026-12-05: \"a bit of leaking when I cough\"", "" none */
    char leak[300];
    /* a parent or carer answered for a child (the assessment's for_child,
     * ux11): the report says who answered and who was told */
    bool child;
    /* runner19: the latest assessment's answers and day, the diary's
     * context, to tell which notes raised a red flag (NULL: none) */
    const struct rh_intake *ctx;
    int32_t ctx_day;
    /* session 23 (plan27): the profile's body weight in kg (0: not set), by
     * which a note's weight loss told with an amount was judged */
    double body_kg;
};

/* runner19: whether diary entry pe raised red flag id, by the diary's own
 * triage (the latest assessment as its context, as `runhip log` read it);
 * -1 when that cannot be told (no assessment, an error). */
static int entry_raised(const struct out *o, const struct rh_pain_entry *pe, const char *id)
{
    if (!o->ctx)
        return -1;
    uint32_t signs = 0;
    struct rh_err err;
    rh_err_clear(&err);
    if (pe->signs[0] && rh_triage_signs_parse(pe->signs, &signs, &err) != 0)
        return -1;
    struct rh_triage *t = rh_calloc(1, sizeof *t);
    if (!t)
        return -1;
    int r = -1;
    if (rh_triage_entry_weighed(o->ctx, pe->day - o->ctx_day, pe, signs, o->body_kg, t, &err) ==
        0) {
        r = 0;
        for (int i = 0; i < t->n_flags; i++)
            if (t->flags[i].id && strcmp(t->flags[i].id, id) == 0)
                r = 1;
    }
    rh_free(t);
    return r;
}

/* The newest diary note that tells of urine leaking on a cough, sneeze,
 * laugh or jump (note:stress_leak), for the summary. */
static void find_leak(struct out *o, struct rh_store *s, int32_t today)
{
    struct rh_pain_entry *e = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    o->leak[0] = '\0';
    if (rh_store_pain_list(s, 0, today, &e, &n, &err))
        return;
    struct rh_note_reading *r = rh_malloc(sizeof *r);
    for (size_t i = n; r && i-- > 0;) {
        if (!e[i].note || rh_note_read(e[i].note, r, &err) ||
            !(r->note_facts & RH_BIT(RH_NOTE_FACT_STRESS_LEAK)))
            continue;
        char d[11];
        rh_date_format(e[i].day, d);
        snprintf(o->leak, sizeof o->leak, "diary %s: \"%.240s\"", d, e[i].note);
        break;
    }
    rh_free(r);
    rh_pain_array_free(e, n);
}

static void put(struct out *o, const char *s)
{
    if (!o->err)
        o->err = rh_buf_puts(o->b, s);
}

/* s escaped by the library's one HTML escaper (runhip/util.h) */
/* Escaped, the causes by their clinical names (plain29: the runner's names
 * gloss their medical words; the clinician reads the medical words alone). */
static void esc(struct out *o, const char *s)
{
    if (o->err || !s)
        return;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    o->err = rh_assess_names_clinical(s, &t);
    if (!o->err)
        o->err = rh_html_escape(o->b, t.data ? t.data : "", 0);
    rh_buf_release(&t);
}

/* A text of data/wording.txt [report_words] (words20; below) */
static const char *RW(const char *key);
static void pf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pf(struct out *o, const char *fmt, ...)
{
    if (o->err)
        return;
    va_list ap;
    va_start(ap, fmt);
    o->err = rh_buf_vprintf(o->b, fmt, ap);
    va_end(ap);
}

static void third(struct out *o, const char *s);

/* A text with source keys and ids, in plain words with the page's numbers,
 * written out by emit (esc, or third for the clinician). */
static void finished(struct out *o, const char *s, void (*emit)(struct out *, const char *))
{
    if (o->err || !s)
        return;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    o->err = rh_text_finish(s, strlen(s), &o->refs, &t);
    emit(o, t.data);
    rh_buf_release(&t);
}

static void plain(struct out *o, const char *s)
{
    finished(o, s, esc);
}

/* plain(), in the third person (third). */
static void plain3(struct out *o, const char *s)
{
    finished(o, s, third);
}

/* A sentence written for the runner, in the third person for the
 * clinician (data/wording.txt [text] third_person.clinical: "FROM>TO" pairs
 * replaced where FROM is a whole word; review 8 #13), escaped. */
static void third(struct out *o, const char *s)
{
    struct rh_buf t;
    rh_buf_init(&t, 0);
    if (!o->err)
        o->err = rh_text_person(rh_words("text", "third_person.clinical"), s, &t);
    esc(o, t.data);
    rh_buf_release(&t);
}

/* physio27: the red flags a day's diary entries raised, by the diary's own
 * triage (as entry_raised: the latest assessment as the context, none
 * without one), marked in that day's row of the diary table ("red flag:
 * cannot take weight on the leg; see Red flags"), each once: the table said
 * nothing of them, so the day a flag came from was not seen beside its
 * pain. after: the cell holds a note already. */
static void row_flags(struct out *o, const struct rh_pain_entry *e, size_t n, bool after)
{
    const char *ids[RH_ASSESS_MAX_FLAGS];
    int nid = 0;
    struct rh_triage *t = rh_calloc(1, sizeof *t);
    for (size_t k = 0; t && k < n && !o->err; k++) {
        uint32_t signs = 0;
        struct rh_err err;
        rh_err_clear(&err);
        if (e[k].signs[0] && rh_triage_signs_parse(e[k].signs, &signs, &err) != 0)
            continue;
        memset(t, 0, sizeof *t);
        if (rh_triage_entry_weighed(o->ctx, o->ctx ? e[k].day - o->ctx_day : 0, &e[k], signs,
                                    o->body_kg, t, &err) != 0)
            continue;
        for (int f = 0; f < t->n_flags; f++) {
            bool seen = !t->flags[f].id;
            for (int j = 0; !seen && j < nid; j++)
                seen = strcmp(ids[j], t->flags[f].id) == 0;
            if (!seen && nid < RH_ASSESS_MAX_FLAGS)
                ids[nid++] = t->flags[f].id; /* static (rh_triage_flag.id) */
        }
    }
    rh_free(t);
    if (!nid)
        return;
    pf(o, "%s<strong class=\"rf\">%s</strong> ", after ? "<br>" : "", RW("diary_row_flags"));
    for (int j = 0; j < nid; j++) {
        char head[200];
        rh_assess_flag_title_clinical(ids[j], NULL, head, sizeof head);
        rh_text_lower_first(head);
        put(o, j ? "; " : "");
        esc(o, head);
    }
    pf(o, " <span class=\"small\">(%s)</span>", RW("diary_row_flags_see"));
}

static void cite(struct out *o, const char *sources)
{
    if (o->err || !sources)
        return;
    struct rh_buf t;
    rh_buf_init(&t, 0);
    o->err = rh_refs_cite(&o->refs, sources, strlen(sources), &t, NULL);
    esc(o, t.data);
    rh_buf_release(&t);
}

static const char *jstr(json_t *obj, const char *key)
{
    const char *v = json_string_value(json_object_get(obj, key));
    return v ? v : "";
}

/* A ranked condition's name for the clinician (review 8 #21: the runner
 * reads a shorter one): the knowledge base's clinical name by its id, else
 * the stored name. A name the answers gave it (data/assess_rules.txt
 * [shown_as]: "a broken bone (fracture) that needs an X-ray" after a fall)
 * is the one the runner read, and the clinician reads it too (review 11
 * #9: not "infection, tumour or other disease"). */
static const char *clinical_name(json_t *cond)
{
    const char *id = jstr(cond, "id"), *stored = jstr(cond, "name");
    const char *own = rh_assess_condition_name(id);
    if (own && *stored && strcmp(own, stored) != 0)
        return stored;
    const char *n = rh_assess_condition_clinical_name(id);
    return n ? n : stored;
}

/* ---- the answers in clinical terms ----------------------------------------- */

struct group {
    const char *label; /* its key in data/wording.txt [report_words] */
    const char *keys; /* space-separated intake keys, or "test_*" / "check_*" prefixes */
};

static const struct group groups[] = {
    {"group_site", "side location"},
    {"group_onset", "onset onset_event duration_days episodes"},
    {"group_character", "character"},
    {"group_pain", "pain_now pain_run pain_worst pain_next_morning"},
    {"group_aggravating", "worse_with"},
    {"group_easing", "better_with"},
    {"group_signs", "signs"},
    {"group_tests", "test_*"},
    {"group_checks", "check_*"},
    {"group_training", "weekly_km km_change_pct years_running cadence_spm shoe_km sitting_hours "
                 "strength_per_week surface same_route recent_change"},
    {"group_history", "history"},
};

static bool in_group(const struct group *g, const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = g->keys; *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        size_t n = (size_t)(e - p);
        if (n && p[n - 1] == '*' ? strncmp(key, p, n - 1) == 0
                                 : n == kl && strncmp(key, p, n) == 0)
            return true;
        p = e;
    }
    return false;
}

/* One answered field ("key = value") as clinical terms, appended to b. */
static int clinical_field(const char *key, const char *value, struct rh_buf *b)
{
    char k[1200];
    int r = 0;
    bool first = b->len == 0;
    const char *plainw = rh_words_clinical("answer", key);
    if (strcmp(value, "yes") == 0 || strcmp(value, "no") == 0) {
        snprintf(k, sizeof k, "%s%s", key, value[0] == 'n' ? ".no" : "");
        const char *w = rh_words_clinical("answer", k);
        return w ? rh_buf_printf(b, "%s%s", first ? "" : "; ", w) : 0;
    }
    snprintf(k, sizeof k, "%s.%s", key, value);
    const char *exact = rh_words_clinical("answer", k); /* a value with words of its own */
    if (exact && (isdigit((unsigned char)value[0]) || value[0] == '-'))
        return rh_buf_printf(b, "%s%s", first ? "" : "; ", exact);
    if (plainw && strstr(plainw, "{}")) { /* a number ("{s}": its plural ending) */
        r = first ? 0 : rh_buf_puts(b, "; ");
        return r ? r : rh_text_fill_count(b, plainw, value, strlen(value));
    }
    snprintf(k, sizeof k, "%s.%s", key, value);
    if (strcmp(value, "none") == 0 && rh_words_clinical("answer", k))
        return rh_buf_printf(b, "%s%s", first ? "" : "; ", rh_words_clinical("answer", k));
    if (strcmp(value, "none") == 0) { /* the row's label names the question */
        const char *nl = rh_words("text", "none_listed.clinical");
        return rh_buf_printf(b, "%s%s", first ? "" : "; ", nl ? nl : "none");
    }
    /* words of a list or a one-word key */
    const char *p = value;
    while (!r && *p) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *e = p;
        while (*e && *e != ',')
            e++;
        if (e > p) {
            snprintf(k, sizeof k, "%s.%.*s", key, (int)(e - p), p);
            const char *w = rh_words_clinical("answer", k);
            if (w && *w) {
                r = rh_buf_printf(b, "%s%s", b->len ? "; " : "", w);
            }
        }
        p = e;
    }
    return r;
}

static bool from_watch(json_t *watch, const char *key)
{
    for (size_t i = 0; json_is_array(watch) && i < json_array_size(watch); i++) {
        const char *k = json_string_value(json_array_get(watch, i));
        if (k && strcmp(k, key) == 0)
            return true;
    }
    return false;
}

/* The answers in clinical terms, a row a group, with where each came from
 * (review 8 #13): the runner's answers, and apart from them the figures the
 * assessment took from the recorded runs (watch: its training_from_data). */
static void answers_table(struct out *o, const struct rh_intake *in, json_t *watch,
                          int32_t made_day)
{
    struct rh_buf text;
    rh_buf_init(&text, 0);
    if (!o->err)
        o->err = rh_intake_to_text(in, &text);
    put(o, "<table>\n");
    int rows = 0;
    for (size_t g = 0; !o->err && g < sizeof groups / sizeof groups[0]; g++) {
        for (int w = 0; w < 2 && !o->err; w++) {
            struct rh_buf row;
            rh_buf_init(&row, 0);
            for (const char *line = text.data; line && *line && !o->err;) {
                const char *nl = strchr(line, '\n');
                size_t n = nl ? (size_t)(nl - line) : strlen(line);
                char l[1024];
                snprintf(l, sizeof l, "%.*s", (int)n, line);
                char *eq = strstr(l, " = ");
                if (eq && l[0] != '#') {
                    *eq = '\0';
                    if (in_group(&groups[g], l) && from_watch(watch, l) == (w == 1))
                        o->err = clinical_field(l, eq + 3, &row);
                }
                line = nl ? nl + 1 : NULL;
            }
            /* physio27: since when, as a day (the header and the watch
             * note said it; the onset row only "duration 12 days") */
            int32_t onset = rh_intake_onset_day(in, made_day);
            if (row.len && w == 0 && strcmp(groups[g].label, "group_onset") == 0 &&
                in->duration_days > 0 && onset >= 0 && !o->err) {
                char od[11];
                rh_date_format(onset, od);
                o->err = rh_buf_puts(&row, "; ");
                if (!o->err)
                    o->err = rh_buf_printf(&row, RW("onset_day"), od);
            }
            if (row.len) {
                pf(o, "<tr><th>%s", RW(groups[g].label));
                if (w)
                    pf(o, " <span class=\"src\">%s</span>", RW("watch_mark"));
                put(o, "</th><td>");
                esc(o, row.data);
                put(o, "</td></tr>\n");
                rows++;
            }
            rh_buf_release(&row);
        }
    }
    if (!rows)
        pf(o, "<tr><td>%s</td></tr>\n", RW("no_answers"));
    put(o, "</table>\n");
    rh_buf_release(&text);
}

/* ---- the assessment ------------------------------------------------------- */
/* The clinical words of one training field of x ("weekly distance 40.5
 * km"), appended to b after a ", " when b holds some; nothing when x has
 * no answer for it. */
static int field_words(const struct rh_intake *x, const char *key, struct rh_buf *b)
{
    struct rh_buf text;
    rh_buf_init(&text, 0);
    int r = rh_intake_to_text(x, &text);
    size_t kl = strlen(key);
    for (const char *line = text.data; !r && line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (n > kl + 3 && strncmp(line, key, kl) == 0 && strncmp(line + kl, " = ", 3) == 0) {
            char v[512];
            snprintf(v, sizeof v, "%.*s", (int)(n - kl - 3), line + kl + 3);
            r = clinical_field(key, v, b);
        }
        line = nl ? nl + 1 : NULL;
    }
    rh_buf_release(&text);
    return r;
}

/* Session 17, fault 1: the watch figures (fd: the result's
 * training_from_data) read the records as they are now, not as they were
 * at the assessment: a run re-typed as a ride since (or the reverse)
 * changes them. cur is in with those fields taken again from the store by
 * the assessment's own rule (rh_load_quest_figures, as of the assessment's
 * day made_day, the weeks before the pain began); a figure the records no
 * longer give is left out. *was gets the figures the assessment used where
 * they differ ("" when none differ), for the note under the table. */
static int watch_now(struct rh_store *s, int32_t made_day, json_t *fd, const struct rh_intake *in,
                     struct rh_intake *cur, struct rh_buf *was)
{
    static const struct {
        const char *key;
        unsigned bit;
    } keys[] = {{"weekly_km", RH_FROM_DATA_WEEKLY_KM},
                {"km_change_pct", RH_FROM_DATA_KM_CHANGE},
                {"cadence_spm", RH_FROM_DATA_CADENCE},
                {"shoe_km", RH_FROM_DATA_SHOE_KM},
                {"same_route", RH_FROM_DATA_SAME_ROUTE}};
    *cur = *in;
    if (!json_is_array(fd) || !json_array_size(fd) || made_day < 0)
        return 0;
    struct rh_intake now;
    struct rh_err e;
    rh_err_clear(&e);
    if (rh_load_quest_figures(s, made_day, in, &now, &e))
        return 0; /* the records cannot be read: the stored figures stand */
    int r = 0;
    for (size_t k = 0; !r && k < sizeof keys / sizeof keys[0]; k++) {
        if (!from_watch(fd, keys[k].key))
            continue;
        bool has = (now.from_data & keys[k].bit) != 0;
        switch (keys[k].bit) {
        case RH_FROM_DATA_WEEKLY_KM: cur->weekly_km = has ? now.weekly_km : RH_NONE; break;
        case RH_FROM_DATA_KM_CHANGE: cur->km_change_pct = has ? now.km_change_pct : RH_NONE; break;
        case RH_FROM_DATA_CADENCE: cur->cadence_spm = has ? now.cadence_spm : -1; break;
        case RH_FROM_DATA_SHOE_KM: cur->shoe_km = has ? now.shoe_km : -1; break;
        default: cur->same_route = has ? now.same_route : RH_TRI_UNKNOWN; break;
        }
        struct rh_buf a, b;
        rh_buf_init(&a, 0);
        rh_buf_init(&b, 0);
        r = field_words(in, keys[k].key, &a);
        if (!r)
            r = field_words(cur, keys[k].key, &b);
        if (!r && a.len && (!b.len || strcmp(a.data, b.data) != 0)) {
            if (was->len)
                r = rh_buf_puts(was, ", ");
            if (!r)
                r = rh_buf_append(was, a.data, a.len);
        }
        rh_buf_release(&a);
        rh_buf_release(&b);
    }
    return r;
}


/* A finding "+2.5 ANSWERS: REASON [SOURCES]": the reason, then the answers
 * in clinical terms, then the page's source numbers. */
static void cause_why(struct out *o, const char *why)
{
    struct rh_buf t;
    rh_buf_init(&t, 0);
    bool against = false;
    if (!o->err)
        o->err = rh_text_feature(why, true, &o->refs, &t, &against);
    if (against)
        put(o, "<em>against:</em> ");
    esc(o, t.data);
    rh_buf_release(&t);
}

/* Whether a cause's finding k (its "weight answers: reason" string) speaks
 * against it: a negative weight (as rh_text_feature reads it). */
static bool why_against(json_t *why, size_t k)
{
    const char *w = json_string_value(json_array_get(why, k));
    return w && strtod(w, NULL) < 0;
}

_Static_assert(RH_ASSESS_MAX_WHY <= RH_JSON_REASONS_MAX, "room for every stored reason");

/* ", because:" and the reasons for the final level, as the terminal gives
 * them, with the page's numbered sources; closes the paragraph. */
static void reasons(struct out *o, json_t *res, json_t *why, const char *level, int max,
                    json_t *care, const char *care_level, bool running)
{
    const struct rh__reasons_html q = {
        .doc = res, .why = why, .level = level, .max = max, .care = care,
        .care_level = care_level, .running = running, .clinical = true,
        .open = ", because:</p>\n<ul class=\"why\">\n<li>", .html_flags = 0};
    int n = 0;
    /* plain29: the causes by their clinical names, as esc() gives them (no
     * condition's plain name holds a character that HTML escapes) */
    struct rh_buf t;
    rh_buf_init(&t, 0);
    if (!o->err)
        o->err = rh__json_reasons_html(&q, &o->refs, &t, &n);
    if (!o->err && t.data)
        o->err = rh_assess_names_clinical(t.data, o->b);
    rh_buf_release(&t);
    if (!n)
        put(o, ".</p>\n");
}

/* The red flags the diary and check-ins raised that are in force (no
 * clinician has cleared them), from the plan's notice (rh_plan_notice):
 * by their clinical name, with when they were logged (one a note raised:
 * the note's day and the runner's words) and the care they call for. Returns how many
 * were listed; with own_section they get the page's red-flag section (no
 * assessment: the diary is the only place they were entered). */
static int diary_flags(struct out *o, const struct rh_plan_state *st, bool own_section)
{
    if (!st)
        return 0;
    struct rh_plan_kb *kb = NULL;
    struct rh_plan_notice *n = rh_calloc(1, sizeof *n);
    struct rh_err err;
    rh_err_clear(&err);
    int k = 0;
    if (!n || rh_plan_kb_load(&kb, &err) || rh_plan_notice(kb, st, NULL, n, &err)) {
        if (!o->err)
            o->err = n ? RH_EFORMAT : RH_ENOMEM; /* never a silent page without them */
        rh_plan_kb_free(kb);
        rh_free(n);
        return 0;
    }
    for (int i = 0; i < n->n_flags; i++)
        k += n->flags[i].diary;
    if (k && own_section)
        pf(o, "<section id=\"red-flags\"><h2>%s</h2>\n", RW("flags_heading"));
    if (k)
        pf(o, "<p><strong>%s</strong> %s</p>\n", RW("diary_flags"), RW("diary_flags_how"));
    for (int i = 0; i < n->n_flags; i++) {
        const struct rh_notice_flag *f = &n->flags[i];
        if (!f->diary)
            continue;
        char key[64];
        snprintf(key, sizeof key, "%s.clinical",
                 rh_disposition_name((enum rh_disposition)f->urgency));
        const char *cl = rh_words("disposition", key);
        /* review 9 #5: what was seen as the heading; the rule's name, for
         * the clinician, after it */
        put(o, "<div class=\"flag\"><strong>");
        third(o, f->title); /* the runner's heading, of the runner (report14) */
        put(o, "</strong> (");
        esc(o, f->name);
        put(o, "): ");
        /* raised by a note: the runner's words beside the clinical name,
         * "diary 2026-12-02: \"sweat heavily at night\"" */
        const char *dw = rh_words("text", "flag_from_note.clinical");
        if (*f->said && *f->said_on && dw) {
            esc(o, dw);
            put(o, " ");
            esc(o, f->said_on);
            put(o, ": ");
            esc(o, f->said);
        } else if (*f->said && dw) { /* a plan stored before the day was kept */
            esc(o, f->from);
            put(o, ", ");
            esc(o, dw);
            put(o, ": ");
            esc(o, f->said);
        } else {
            esc(o, f->from);
        }
        if (cl) {
            pf(o, "; %s ", RW("calls_for"));
            esc(o, cl);
        }
        put(o, ".</div>\n");
    }
    if (k && own_section)
        pf(o, "<p>%s</p>\n</section>\n", RW("diary_flags_stop"));
    rh_plan_kb_free(kb);
    rh_free(n);
    return k;
}

/* The plan's latest visit when it restricted running or sent it back as
 * walk-run (rh_plan_visit), for the clinician: "seen by a clinician on D,
 * who advised no running for 6 weeks (running not before D2)"; false when
 * there is none (a clearance, or no visit). */
static bool visit_decided(const struct rh_plan_state *st, char *out, size_t cap)
{
    struct rh_visit *v = rh_calloc(1, sizeof *v);
    struct rh_err err;
    if (!v || !*st->visit || rh_visit_outcome_parse(st->visit, &v->outcome, &err)) {
        rh_free(v);
        return false;
    }
    if (v->outcome == RH_VISIT_CLEARED) { /* rh_plan_visit keeps none: a clearance */
        rh_free(v);
        return false;
    }
    v->weeks = st->visit_weeks;
    v->day = st->cleared_day; /* the visit's day (rh_plan_visit clears on it) */
    rh_report_visit_said(v, out, cap); /* "seen by a clinician on D, who advised ..." */
    rh_free(v);
    if (st->run_from > 0) {
        char until[11];
        rh_date_format(st->run_from, until);
        size_t len = strlen(out);
        if (len + 1 < cap) {
            out[len++] = ' ';
            snprintf(out + len, cap - len, RW("run_not_before"), until);
        }
    }
    return true;
}

/* The visit recorded on day (the latest of that day) among the store's
 * visits (all, n: rh_store_visit_list, read once by flag_history); NULL
 * when none is stored (a clearance recorded before schema 7, or the store
 * unreadable). */
static const struct rh_visit *visit_on(const struct rh_visit *all, size_t n, int32_t day)
{
    for (size_t i = n; day > 0 && i-- > 0;)
        if (all[i].day == day)
            return &all[i];
    return NULL;
}

/* What a clinician's visit on day did, for the clinician (session 13,
 * web13): "cleared by a clinician on D", or, for a visit that restricted
 * running or sent it back as walk-run, "seen by a clinician on D, who
 * decided: no running for 4 weeks"; the visit's note into *note (NULL
 * when none is stored; it points into all). */
static void visit_words(const struct rh_visit *all, size_t n, int32_t day, char *out, size_t cap,
                        const char **note)
{
    char d[11];
    rh_date_format(day, d);
    *note = NULL;
    const struct rh_visit *v = visit_on(all, n, day);
    if (!v) {
        snprintf(out, cap, RW("visit_cleared"), d);
        return;
    }
    if (*v->note)
        *note = v->note;
    rh_report_visit_said(v, out, cap);
}

void rh_report_visit_said(const struct rh_visit *v, char *out, size_t cap)
{
    char d[11];
    rh_date_format(v->day, d);
    if (v->outcome == RH_VISIT_CLEARED) {
        snprintf(out, cap, RW("visit_cleared"), d);
        return;
    }
    char said[120];
    rh_visit_said_of(v, said, sizeof said);
    snprintf(out, cap, RW("visit_seen"), d, said);
}

/* review 11 #3: the red flags the diary and check-ins raised that are no
 * longer in force (a clinician's clearance answered them, or they were not
 * carried into this plan), each with its days, what the runner wrote on
 * the day it was first raised, and the clearance with its note; those in
 * force are diary_flags'. summary: one line for the page's summary box
 * instead. Returns how many it listed. */
static int flag_history(struct out *o, struct rh_store *s, const struct rh_plan_state *st,
                        bool summary)
{
    if (!st)
        return 0;
    struct rh_plan_flag_event *ev = rh_calloc(RH_PLAN_FLAG_LOG_MAX, sizeof *ev);
    if (!ev) {
        if (!o->err)
            o->err = RH_ENOMEM;
        return 0;
    }
    /* the visits, read once for every flag's clearance */
    struct rh_visit *visits = NULL;
    size_t nvisits = 0;
    struct rh_err verr;
    rh_err_clear(&verr);
    if (s && rh_store_visit_list(s, &visits, &nvisits, &verr) != 0)
        nvisits = 0;
    int n = rh_plan_flag_log(st, ev, RH_PLAN_FLAG_LOG_MAX), shown = 0;
    for (int i = 0; i < n; i++) {
        const struct rh_plan_flag_event *e = &ev[i];
        bool in_force = !e->cleared && rh_plan_diary_flag_in_force(st, e->id);
        /* the flag by its short heading, as the terminal names it, never
         * the rule's whole definition ("pain that started with a fall, a
         * sudden injury in a teenager, or a limp in a child") */
        char head[200];
        rh_assess_flag_title_clinical(e->id, NULL, head, sizeof head);
        char d1[11], d2[11], seen[200] = "";
        const char *vnote = NULL;
        rh_date_format(e->first, d1);
        rh_date_format(e->latest, d2);
        if (e->cleared) /* what that visit decided, not always a clearance to run */
            visit_words(visits, nvisits, e->cleared, seen, sizeof seen, &vnote);
        if (summary) {
            if (shown++)
                put(o, "; ");
            else
                pf(o, "<p><strong>%s</strong> ", RW("flags_summary"));
            rh_text_lower_first(head);
            esc(o, head);
            if (e->latest != e->first)
                pf(o, " (%s %s %s, ", d1, RW("range_to"), d2);
            else
                pf(o, " (%s, ", d1);
            if (e->cleared) {
                esc(o, seen);
                put(o, ")");
            } else {
                pf(o, "%s)", RW(in_force ? "not_cleared" : "no_clearance"));
            }
            continue;
        }
        if (in_force)
            continue; /* diary_flags says it, with the care it calls for */
        if (!shown++)
            pf(o, "<p><strong>%s</strong> %s</p>\n", RW("flags_earlier_head"),
               RW("flags_earlier_how"));
        put(o, "<div class=\"flag\"><strong>");
        esc(o, head);
        put(o, "</strong>: ");
        pf(o, RW("raised_on"), d1);
        if (e->latest != e->first) {
            put(o, ", ");
            pf(o, RW("again_up_to"), d2);
        }
        /* what the runner wrote on the day it was raised */
        struct rh_pain_entry *pe = NULL;
        size_t np = 0;
        struct rh_err err;
        rh_err_clear(&err);
        if (rh_store_pain_list(s, e->first, e->latest, &pe, &np, &err) == 0) {
            /* runner19: only the notes that raised it, when the diary's
             * triage tells them (another note of those days, "walked to the
             * shop, ok", is no word of the flag); else every note, as before */
            bool some = false;
            for (size_t k = 0; k < np && !some; k++)
                some = pe[k].note && *pe[k].note && entry_raised(o, &pe[k], e->id) == 1;
            int q = 0;
            for (size_t k = 0; k < np && q < 3; k++) {
                if (!pe[k].note || !*pe[k].note)
                    continue;
                if (some && entry_raised(o, &pe[k], e->id) != 1)
                    continue;
                char d[11];
                rh_date_format(pe[k].day, d);
                pf(o, "%s%s: &ldquo;", q++ ? "; " : " (diary ", d);
                esc(o, pe[k].note);
                put(o, "&rdquo;");
            }
            if (q)
                put(o, ")");
        }
        rh_pain_array_free(pe, np);
        if (e->cleared) {
            /* the note of that clearance: the latest kept whole, an older
             * one as the plan's history of moves has it */
            const char *note = vnote;
            size_t nl = note ? strlen(note) : 0;
            if (!note && st->cleared_day == e->cleared && *st->cleared_note) {
                note = st->cleared_note;
                nl = strlen(note);
            }
            /* the plan's own words of a clearance (data/wording.txt
             * [plan_words] cleared_running), then ": " and its note */
            char pre[160];
            const char *cw = rh_words("plan_words", "cleared_running");
            snprintf(pre, sizeof pre, "%s: ", cw ? cw : "");
            size_t pl = strlen(pre);
            for (int m = st->n_moves; !note && cw && m-- > 0;)
                if (st->moves[m].day == e->cleared && strncmp(st->moves[m].why, pre, pl) == 0) {
                    note = st->moves[m].why + pl;
                    nl = strlen(note);
                }
            put(o, "; ");
            esc(o, seen);
            if (note && nl) {
                put(o, ": &ldquo;");
                esc(o, note);
                put(o, "&rdquo;");
            }
        } else {
            pf(o, "; %s", RW("no_clearance_clin"));
        }
        put(o, ".</div>\n");
    }
    if (summary && shown)
        put(o, ".</p>\n");
    rh_free(visits);
    rh_free(ev);
    return shown;
}

static void assessment(struct out *o, json_t *res, const struct rh_intake *in, int64_t id,
                       const char *made, int32_t made_day, const struct rh_plan_state *st,
                       struct rh_store *s)
{
    const char *disp = jstr(res, "disposition"), *run = jstr(res, "running");
    const char *dc = rh_words("disposition", disp);
    char key[64];
    snprintf(key, sizeof key, "%s.clinical", disp);
    const char *dcl = rh_words("disposition", key);
    snprintf(key, sizeof key, "%s.clinical", run);
    const char *rc = rh_words("running", key);
    const char *pt = rh_words_clinical("pain_type", jstr(res, "pain_type"));
    json_t *flags = json_object_get(res, "red_flags");
    json_t *conds = json_object_get(res, "conditions");
    pf(o, "<section id=\"summary\"><h2>%s</h2>\n<div class=\"box\">\n", RW("summary"));
    size_t nf = json_is_array(flags) ? json_array_size(flags) : 0;
    if (nf) {
        size_t nl = 0;
        for (size_t i = 0; i < nf; i++)
            nl += json_is_true(json_object_get(json_array_get(flags, i), "low"));
        put(o, "<p><strong>");
        pf(o, RW("flags_count"), (int)nf);
        put(o, "</strong> ");
        if (nl)
            pf(o, RW("flags_count_info"), (int)nl);
        else
            put(o, RW("flags_see_below"));
        put(o, "</p>\n");
    } else {
        pf(o, "<p><strong>%s</strong> %s</p>\n", RW("flags_label"), RW("flags_none_answers"));
    }
    if (st && rh_plan_no_running(st) && *st->diary_flags)
        pf(o, "<p><strong>%s</strong> %s</p>\n", RW("flags_diary_open"), RW("see_below"));
    flag_history(o, s, st, true);
    /* what the runner was told to do now when the diary's notice overrules
     * the answers (rh_plan_notice decides, as for the runner's own pages);
     * the answers' suggestion after it, for when it is lifted */
    bool over = false;
    if (st) {
        struct rh_plan_kb *kb = NULL;
        struct rh_plan_notice *n = rh_calloc(1, sizeof *n);
        struct rh_err err;
        rh_err_clear(&err);
        if (!n || rh_plan_kb_load(&kb, &err) || rh_plan_notice(kb, st, NULL, n, &err)) {
            if (!o->err)
                o->err = n ? RH_EFORMAT : RH_ENOMEM; /* never a page that hides it */
        } else {
            /* what it said to do and why; what the answers alone say
               once it is lifted follows as their suggestion */
            const char *todo[RH_NOTICE_TODO_PARTS];
            over = rh_plan_notice_todo(n, todo) > 0;
            if (over) {
                pf(o, "<p><strong>%s</strong> %s &ldquo;", RW("in_force"),
                   RW(o->child ? "told_parent" : "told_runner"));
                for (int k = 0; k < RH_NOTICE_TODO_PARTS - 1; k++) {
                    put(o, k ? " " : "");
                    esc(o, todo[k]);
                }
                put(o, "&rdquo;</p>\n");
            }
        }
        rh_plan_kb_free(kb);
        rh_free(n);
    }
    /* answers that alone call for a doctor are not advice for after the
     * clearance (review 10 #14) */
    enum rh_disposition own_level = RH_DISP_SELF_CARE;
    bool own_doctor = !rh_disposition_parse(disp, &own_level) && own_level >= RH_DISP_SEE_DOCTOR_SOON;
    if (over && !own_doctor)
        pf(o, "<p><strong>%s</strong> %s ", RW("suggested_after"), RW("for_after"));
    else
        pf(o, "<p><strong>%s</strong> ", RW(over ? "suggested_alone" : "suggested"));
    esc(o, dcl ? dcl : disp);
    pf(o, " (%s &ldquo;", RW(o->child ? "told_parent" : "told_runner"));
    esc(o, dc ? dc : disp);
    put(o, "&rdquo;)");
    reasons(o, res, json_object_get(res, "disposition_why"), disp, RH_TEXT_CARE_WHY, NULL, NULL,
            false);
    /* one running verdict (review 8 #13): while the notice in force stops
     * running, it is the one said above, not the answers' */
    /* a clinician's decision about running outranks the answers' running
     * advice: said first, the answers' after it as theirs (session 13) */
    char decided[200];
    bool seen = st && visit_decided(st, decided, sizeof decided);
    if (seen) {
        pf(o, "<p><strong>%s</strong> ", RW("decision"));
        esc(o, decided);
        put(o, ".</p>\n");
    }
    if (!(over && rh_plan_no_running(st))) {
        pf(o, "<p><strong>%s</strong> ", RW(seen ? "running_alone" : "running"));
        esc(o, rc ? rc : run);
        reasons(o, res, json_object_get(res, "running_why"), run, RH_TEXT_RUNNING_WHY,
                json_object_get(res, "disposition_why"), disp, true);
    }
    if (o->leak[0]) {
        const char *w = rh_words_clinical("note_read", "stress_leak");
        pf(o, "<p><strong>%s</strong> ", RW("pelvic"));
        esc(o, w ? w : ""); /* required (rh_text_check) */
        put(o, " (");
        esc(o, o->leak);
        pf(o, "); %s", RW("pelvic_assess"));
        cite(o, "Goom19");
        put(o, ".</p>\n");
    }
    if (json_is_array(conds) && json_array_size(conds)) {
        pf(o, "<p><strong>%s</strong> ", RW("best_fit"));
        esc(o, clinical_name(json_array_get(conds, 0)));
        pf(o, ". <strong>%s</strong> ", RW("pain_pattern"));
        esc(o, pt ? pt : jstr(res, "pain_type"));
        put(o, ".</p>\n");
    }
    /* loop16: named by its day, not the store's number */
    (void)id;
    put(o, "<p class=\"small\">");
    pf(o, RW("made"), made, RW(o->child ? "made_answers_child" : "made_answers"),
       RW(o->child ? "made_by_child" : "made_by"));
    put(o, "</p>\n");
    put(o, "</div></section>\n");

    pf(o, "<section id=\"red-flags\"><h2>%s</h2>\n", RW("flags_heading"));
    if (!nf)
        pf(o, "<p>%s</p>\n", RW("flags_none"));
    for (size_t i = 0; i < nf; i++) {
        json_t *f = json_array_get(flags, i);
        const char *fid = jstr(f, "id");
        /* headed by what was seen in this runner, the terminal's heading
         * of the runner in the third person (rh_assess_flag_title_clinical,
         * report14: "Pain that wakes the runner at night"), not the rule's
         * whole definition */
        char head[300];
        rh_assess_flag_title_clinical(fid, jstr(f, "why"), head, sizeof head);
        put(o, "<div class=\"flag\"><strong>");
        esc(o, head);
        put(o, "</strong>: ");
        /* raised below its full level (session 12, branch flaginfo): the
         * clinician reads at which level and that it was told as such */
        if (json_is_true(json_object_get(f, "low"))) {
            char lkey[64];
            snprintf(lkey, sizeof lkey, "%s.clinical", jstr(f, "level"));
            const char *lv = rh_words("disposition", lkey);
            pf(o, "<em>%s ", RW("flag_info_at"));
            esc(o, lv ? lv : jstr(f, "level"));
            pf(o, " %s</em>. ", RW("flag_info_why"));
        }
        if (!o->err) {
            struct rh_buf t;
            rh_buf_init(&t, 0);
            /* the reason and what fired it, without the rule's exclusions
             * ("not a runner under 60 who ...": what did not apply) */
            struct rh_buf pos;
            rh_buf_init(&pos, 0);
            const char *why = jstr(f, "why");
            o->err = rh_text_drop_exclusions(why, strlen(why), &pos);
            if (!o->err)
                o->err = rh_text_reason_clinical(pos.data ? pos.data : "", &o->refs, &t);
            /* of the runner in the third person, as its heading (words16:
             * "pain that wakes you at night whatever way you lie") */
            third(o, t.data ? t.data : "");
            rh_buf_release(&pos);
            rh_buf_release(&t);
        }
        put(o, "</div>\n");
    }
    /* a flag set aside by its exception (data/red_flags.txt unless =,
     * session 14, report14): the clinician reads what was considered and
     * why it does not apply, as the terminal's "CHECKED, NOT A WARNING SIGN
     * HERE" says it to the runner (data/wording.txt [text] flags.set_aside) */
    json_t *aside = json_object_get(res, "red_flags_set_aside");
    for (size_t i = 0; json_is_array(aside) && i < json_array_size(aside); i++) {
        json_t *f = json_array_get(aside, i);
        const char *w = rh_words_clinical("text", "flags.set_aside");
        char head[300];
        rh_assess_flag_title_clinical(jstr(f, "id"), "", head, sizeof head);
        put(o, "<div class=\"flag aside\"><strong>");
        esc(o, w ? w : "");
        put(o, ":</strong> ");
        esc(o, head);
        put(o, " &mdash; ");
        if (!o->err) {
            struct rh_buf t;
            rh_buf_init(&t, 0);
            o->err = rh_text_reason_clinical(jstr(f, "why"), &o->refs, &t);
            third(o, t.data ? t.data : ""); /* of the runner (words16) */
            rh_buf_release(&t);
        }
        put(o, "</div>\n");
    }
    diary_flags(o, st, false);
    flag_history(o, s, st, false);
    put(o, "</section>\n");

    /* too few answers to rank them (rh_assessment.unranked): said, and no
     * rank words */
    bool unranked = json_is_false(json_object_get(res, "ranked"));
    if (unranked) {
        const char *n = rh_words("text", "unranked.note");
        pf(o, "<section id=\"conditions\"><h2>%s</h2>\n<p>", RW("conditions_fit"));
        esc(o, n ? n : "");
        put(o, "</p>\n<ol>\n");
    } else {
        pf(o, "<section id=\"conditions\"><h2>%s</h2>\n<ol>\n", RW("conditions_ranked"));
    }
    double top = json_is_array(conds) && json_array_size(conds)
                     ? json_number_value(json_object_get(json_array_get(conds, 0), "score"))
                     : 0;
    for (size_t i = 0; json_is_array(conds) && i < json_array_size(conds) && i < CAUSES; i++) {
        json_t *c = json_array_get(conds, i);
        /* plain30: the name set apart, its gloss ordinary text after it */
        const char *nm = clinical_name(c);
        size_t at = rh_text_name_gloss_at(nm);
        char head[512];
        snprintf(head, sizeof head, "%.*s", (int)at, nm);
        put(o, "<li><strong>");
        esc(o, head);
        put(o, "</strong>");
        esc(o, nm + (at < sizeof head ? at : strlen(nm)));
        put(o, " &mdash; ");
        esc(o, unranked ? RW("not_ranked")
                        : rh_text_rank_word((int)i, json_number_value(json_object_get(c, "score")),
                                            top));
        json_t *why = json_object_get(c, "why");
        put(o, "<ul>\n");
        /* phys28: the leading cause with its CAUSE_WHY findings, each other
         * one with CAUSE_WHY_OTHER, the first finding against it among them
         * (what tells it apart from the leading cause) */
        size_t nw = json_is_array(why) ? json_array_size(why) : 0;
        size_t max = i ? CAUSE_WHY_OTHER : CAUSE_WHY, sel[CAUSE_WHY], ns = 0;
        bool has_against = false;
        for (size_t k = 0; k < nw && ns < max; k++) {
            /* plain29: one finding against each other cause, the first (a
             * kept cause's line no longer followed by its own finding again
             * left room for a second, and the report for three pages) */
            if (i && has_against && why_against(why, k))
                continue;
            sel[ns++] = k;
            has_against |= why_against(why, k);
        }
        for (size_t k = ns; !has_against && i && k < nw; k++)
            if (why_against(why, k)) {
                sel[ns - 1] = k;
                break;
            }
        for (size_t j = 0; j < ns; j++) {
            put(o, "<li>");
            cause_why(o, json_string_value(json_array_get(why, sel[j])));
            put(o, "</li>\n");
        }
        /* cli26: a cause with no feature of its own is said to be one */
        if (!json_is_array(why) || !json_array_size(why))
            pf(o, "<li>%s</li>\n", RW("no_reason"));
        put(o, "</ul></li>\n");
    }
    pf(o, "</ol>\n<p class=\"small\">%s</p>\n", RW("ranking_note"));
    pf(o, "<p><strong>%s</strong> ", RW("pain_pattern"));
    esc(o, pt ? pt : jstr(res, "pain_type"));
    json_t *pw = json_object_get(res, "pain_type_why");
    int shown = 0;
    for (size_t k = 0; json_is_array(pw) && k < json_array_size(pw) && shown < 3; k++) {
        const char *t = json_string_value(json_array_get(pw, k));
        const char *c1 = t ? strstr(t, ": ") : NULL;
        if (!c1 || strchr(t, ' ') < c1)
            continue;
        put(o, shown++ ? "; " : ": ");
        if (!strstr(c1 + 2, ": ")) {
            /* no answers behind it (the leading cause's own kind of pain): a sentence */
            struct rh_buf sent;
            rh_buf_init(&sent, 0);
            if (!o->err)
                o->err = rh_text_reason(c1 + 2, &o->refs, &sent);
            esc(o, sent.data);
            rh_buf_release(&sent);
            continue;
        }
        char tmp[RH_ASSESS_WHY_LEN + 8];
        snprintf(tmp, sizeof tmp, "+1 %s", c1 + 2);
        cause_why(o, tmp);
    }
    put(o, ".</p>\n");
    json_t *cw = json_object_get(res, "checklist_warnings");
    json_t *ca = json_object_get(res, "checklist_answered");
    /* none of its items answered: not a clean self-check (review 7b, N4) */
    if (json_is_integer(ca) && json_integer_value(ca) == 0)
        pf(o, "<p><strong>%s</strong> %s</p>\n", RW("self_check"), RW("self_check_none"));
    else if (json_is_integer(cw)) {
        /* how many were answered and which warned (review 8 #21) */
        pf(o, "<p><strong>%s</strong> ", RW("self_check"));
        pf(o, RW("self_check_warn"), (int)json_integer_value(cw));
        if (json_is_integer(ca) && json_integer_value(ca) < 6) {
            put(o, " ");
            pf(o, RW("self_check_answered"), (int)json_integer_value(ca));
        }
        json_t *warned = json_object_get(res, "checklist_warned");
        for (size_t i = 0; json_is_array(warned) && i < json_array_size(warned); i++) {
            const char *k = json_string_value(json_array_get(warned, i));
            char wk[64];
            snprintf(wk, sizeof wk, "%s%s", k ? k : "",
                     k && strcmp(k, "check_better_stretch") == 0 ? ".no" : "");
            const char *t = rh_words_clinical("answer", wk);
            put(o, i ? "; " : ": ");
            esc(o, t ? t : wk);
        }
        pf(o, ". %s</p>\n", RW("self_check_rule"));
    }
    put(o, "</section>\n");
    /* phys28: the history after the conditions it supports (red flags and
     * the likely conditions first, as a physiotherapist reads a referral) */
    pf(o, "<section id=\"history\"><h2>%s</h2>\n", RW(o->child ? "history_child" : "history"));
    json_t *fd = json_object_get(res, "training_from_data");
    struct rh_intake cur;
    struct rh_buf was;
    rh_buf_init(&was, 0);
    int wr = watch_now(s, made_day, fd, in, &cur, &was);
    if (wr && !o->err)
        o->err = wr;
    answers_table(o, &cur, fd, made_day);
    /* where the watch figures came from (the assessment's own sentence in
     * the third person; an assessment stored before it: their names) */
    const char *fdn = jstr(res, "training_from_data_clinical");
    const char *lead = rh_words("text", "from_data_lead.clinical");
    if (*fdn) {
        put(o, "<p class=\"note\">");
        esc(o, fdn);
        put(o, "</p>\n");
    } else if (json_is_array(fd) && json_array_size(fd)) {
        put(o, "<p class=\"note\">");
        esc(o, lead ? lead : "");
        put(o, ": ");
        for (size_t i = 0; i < json_array_size(fd); i++) {
            const char *k = json_string_value(json_array_get(fd, i));
            const char *w = k ? rh_words_clinical("topic", k) : NULL;
            if (i)
                put(o, i + 1 == json_array_size(fd) ? " and " : ", ");
            esc(o, w ? w : k ? k : "");
        }
        put(o, ".</p>\n");
    }
    if (was.len) { /* the records were corrected since the assessment */
        const char *w = rh_words("text", "from_data_corrected.clinical");
        const char *ph = w ? strstr(w, "{}") : NULL;
        put(o, "<p class=\"note\">");
        if (ph) {
            pf(o, "%.*s", (int)(ph - w), w);
            esc(o, was.data);
            esc(o, ph + 2);
        } else {
            esc(o, was.data);
        }
        put(o, "</p>\n");
    }
    rh_buf_release(&was);
    const char *nr = jstr(res, "training_data_not_recent");
    if (*nr) {
        put(o, "<p class=\"note\">");
        third(o, nr); /* the runner's newest run (review 11 #12) */
        put(o, "</p>\n");
    }
    put(o, "</section>\n");

}

/* ---- training load ----------------------------------------------------------- */

/* phys28: one training finding as a list item for the clinician: its
 * title, the first sentence of its detail (the runner's figure with its
 * days; the rest, the study's explanation, is on the Training page), its
 * figure against the threshold, the strength of the evidence and the source */
static void finding(struct out *o, const struct rh_load_finding *f, bool brief)
{
    put(o, "<li><strong>");
    third(o, f->title ? f->title : "");
    put(o, ":</strong> ");
    /* brief: one dated after the pain began, training done on it (its
     * figure below says what was measured) */
    const char *d = brief ? "" : f->detail;
    size_t len = strlen(d);
    /* a sentence ends at ". " before a capital or a digit ("(14.8 km). In
     * the study"; "0.375 a week" and "2026-11-08" do not end one) */
    for (const char *p = strstr(d, ". "); p; p = strstr(p + 1, ". "))
        if (isupper((unsigned char)p[2]) || isdigit((unsigned char)p[2])) {
            len = (size_t)(p - d) + 1;
            break;
        }
    char *first = rh_strndup(d, len);
    if (!first && !o->err)
        o->err = RH_ENOMEM;
    plain3(o, first);
    rh_free(first);
    char m[400]; /* the figure against its threshold, as the terminal says it */
    put(o, brief ? "<span class=\"small\">" : " <span class=\"small\">(");
    third(o, rh_load_finding_measure(f, m, sizeof m));
    put(o, "; ");
    pf(o, RW("load_evidence"), f->strength);
    cite(o, f->source);
    put(o, brief ? "</span></li>\n" : ")</span></li>\n");
}

static void training(struct out *o, struct rh_store *s, int32_t today, int32_t *first_day)
{
    const char *none = RW("load_none");
    /* the heading, its caption and the chart print together (review 8
     * #14: the heading was left alone at the foot of a page) */
    pf(o, "<section id=\"load\"><div class=\"keep\"><h2>%s</h2>\n", RW("load_heading"));
    struct rh_err err;
    rh_err_clear(&err);
    int32_t last;
    int r = rh_store_activity_last_day(s, &last, &err);
    if (r && r != RH_ENOTFOUND) {
        pf(o, "<p>%s</p>\n</div></section>\n", none);
        return;
    }
    rh_err_clear(&err);
    struct rh_load_report rep;
    memset(&rep, 0, sizeof rep);
    /* to today: diary pain logged after the newest activity is in the
     * chart; runs logged by hand count with no file imported (runner18) */
    r = rh_load_report_build(s, today, &rep, &err);
    if (r == RH_EEMPTY) {
        pf(o, "<p>%s</p>\n</div></section>\n", none);
        return;
    }
    if (r) {
        pf(o, "<p>%s ", RW("load_failed"));
        esc(o, err.msg);
        put(o, "</p>\n</div></section>\n");
        return;
    }
    /* review 10 #19: the period covers the weeks the chart shows (the wide
     * layout's 16 calendar weeks), not the whole history: one old watch
     * file does not stretch it over years */
    size_t nw = 0;
    const struct rh_load_week *wk = rh_load_table_range(&rep, 16, &nw);
    int32_t shown = nw ? wk[0].from : rep.as_of - rep.history_days + 1;
    if (shown < rep.first_day)
        shown = rep.first_day;
    if (*first_day < 0 || shown < *first_day)
        *first_day = shown;
    char d[11];
    rh_date_format(rep.as_of, d);
    /* ux28: no run in those weeks: said so, no empty chart of zeros and
     * no findings about running */
    int runs = 0;
    for (size_t i = 0; i < nw; i++)
        runs += wk[i].runs;
    if (!runs) {
        char from[11];
        rh_date_format(shown, from);
        put(o, "<p>");
        pf(o, RW("load_no_running"), from, d);
        put(o, "</p>\n</div></section>\n");
        rh_load_report_release(&rep);
        return;
    }
    put(o, "<p class=\"small\">");
    pf(o, RW("load_caption"), d);
    put(o, "</p>\n<div class=\"chart\">\n");
    /* both layouts: report.css shows the narrow one on a phone's screen */
    static const struct {
        enum rh_load_svg_layout layout;
        const char *cls;
    } layouts[] = {{RH_LOAD_SVG_PRINT, "wide"}, {RH_LOAD_SVG_NARROW, "narrow"}};
    for (size_t k = 0; k < sizeof layouts / sizeof layouts[0] && !o->err; k++) {
        struct rh_buf svg;
        rh_buf_init(&svg, 0);
        o->err = rh_load_write_svg_layout(&rep, layouts[k].layout, &svg);
        const char *start = svg.len ? strstr(svg.data, "<svg") : NULL;
        pf(o, "<div class=\"%s\">", layouts[k].cls);
        put(o, start ? start : "");
        put(o, "</div>\n");
        rh_buf_release(&svg);
    }
    put(o, "</div>\n</div>\n");
    /* back after a gap: the ratio is not worked out; what is known instead
     * (rh_load_gap_words, data/load_rules.txt acwr_gap_days) */
    char gap[600];
    if (rh_load_gap_words(&rep, gap, sizeof gap)) {
        pf(o, "<p class=\"note\">%s ", RW("load_ratio"));
        third(o, gap);
        put(o, "</p>\n");
    }
    /* the latest weeks' findings and those of the weeks before the pain
     * began (rh_load_findings_shown decides; review 8 #10) */
    struct rh_load_shown sh;
    rh_err_clear(&err);
    if (rh_load_findings_shown(s, &rep, &sh, &err)) {
        if (!o->err)
            o->err = RH_EDB;
        rh_load_shown_release(&sh);
        rh_load_report_release(&rep);
        return;
    }
    if (!sh.n_latest && !sh.n_before)
        pf(o, "<p>%s</p>\n", RW("load_no_finding"));
    if (sh.n_latest || sh.n_before) {
        pf(o, "<p><strong>%s</strong> (", RW("load_findings"));
        pf(o, RW(sh.n_latest ? "load_findings_latest" : "load_findings_none_latest"), d);
        put(o, sh.n_latest ? ":</p>\n<ul>\n" : "</p>\n");
    }
    for (int part = 0; part < 2; part++) {
        size_t n = part ? sh.n_before : sh.n_latest;
        const struct rh_load_finding *const *fs = part ? sh.before_onset : sh.latest;
        if (!n)
            continue;
        char od[11] = "";
        if (part) /* those weeks end the day before the onset (rh_load_findings_shown) */
            rh_date_format(sh.before.as_of, od);
        if (part) {
            pf(o, "%s<p><strong>%s</strong> (", sh.n_latest ? "</ul>\n" : "",
               RW("load_findings_before"));
            pf(o, RW("load_findings_before_to"), od);
            put(o, "):</p>\n<ul>\n");
        }
        /* phys28: those that may have caused the pain first, in their order
         * (strongest evidence first); then those dated after the pain began
         * (review 9 #11), under their label said once (it headed each) */
        char label[200] = "";
        for (int after = 0; after < 2; after++) {
            for (size_t i = 0; i < n; i++) {
                const struct rh_load_finding *f = fs[i];
                char a[200];
                if (!*rh_load_shown_after(&rep, &sh, f, a, sizeof a) != !after)
                    continue;
                if (after && strcmp(a, label) != 0) {
                    put(o, *label ? "</ul></li>\n<li>" : "<li>");
                    third(o, a);
                    put(o, ": <ul>\n");
                    snprintf(label, sizeof label, "%s", a);
                }
                finding(o, f, after);
            }
        }
        if (*label)
            put(o, "</ul></li>\n");
    }
    if (sh.n_latest || sh.n_before)
        put(o, "</ul>\n");
    put(o, "</section>\n");
    rh_load_shown_release(&sh);
    rh_load_report_release(&rep);
}

/* ---- diary, check-ins, plan ---------------------------------------------------- */

static void diary(struct out *o, struct rh_store *s, int32_t today, int32_t *first_day)
{
    struct rh_pain_entry *e = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    pf(o, "<section id=\"diary\"><h2>%s</h2>\n", RW("diary_heading"));
    if (rh_store_pain_list(s, 0, today, &e, &n, &err) || n == 0) {
        pf(o, "<p>%s</p>\n</section>\n", RW("diary_none"));
        rh_pain_array_free(e, n);
        return;
    }
    if (*first_day < 0 || e[0].day < *first_day)
        *first_day = e[0].day;
    /* the trend: the mean of the last three entries against the three before */
    char d0[11], d1[11];
    rh_date_format(e[0].day, d0);
    rh_date_format(e[n - 1].day, d1);
    int worst = 0;
    size_t ndays = 0;
    for (size_t i = 0; i < n; i++) {
        worst = e[i].pain > worst ? e[i].pain : worst;
        ndays += i == 0 || e[i].day != e[i - 1].day;
    }
    /* several entries of one day are kept, the day counts once: say so
     * (review 7b, N8) */
    char ondays[80] = "";
    if (ndays < n) {
        ondays[0] = ' ';
        snprintf(ondays + 1, sizeof ondays - 1, RW("diary_on_days"), (int)ndays,
                 rh_plural_s((double)ndays));
    }
    put(o, "<p>");
    if (n == 1)
        pf(o, RW("diary_one"), d0, e[0].pain);
    else if (ndays == 1)
        pf(o, RW("diary_one_day"), (int)n, d0, e[0].pain, worst, e[n - 1].pain);
    else
        pf(o, RW("diary_many"), (int)n, ondays, d0, d1, e[0].pain, worst, e[n - 1].pain);
    if (n >= 6) {
        double m1 = 0, m2 = 0;
        for (size_t i = n - 6; i < n - 3; i++)
            m1 += e[i].pain / 3.0;
        for (size_t i = n - 3; i < n; i++)
            m2 += e[i].pain / 3.0;
        put(o, "; ");
        pf(o, RW("diary_trend"), m2, m1,
           RW(m2 < m1 - 0.5   ? "diary_improving"
              : m2 > m1 + 0.5 ? "diary_worsening"
                              : "diary_same"));
    }
    /* loop16: one row a day, as a physiotherapist reads a pain diary: the
     * highest of each column that day and every note in the order written
     * (with the pain it was written at); the latest DIARY_MAX days */
    /* phys28: and no more days than fill DIARY_LINES lines of notes (a
     * day of several notes takes a line for each), so that a diary of
     * many notes a day keeps to its share of the printed page */
    size_t from = n, shown = 0, lines = 0;
    for (size_t k = 0; from > 0 && k < DIARY_MAX; k++) {
        size_t end = from, day_lines = 0;
        from--;
        while (from > 0 && e[from - 1].day == e[from].day)
            from--;
        for (size_t j = from; j < end; j++)
            day_lines += (e[j].note && *e[j].note) || *e[j].signs;
        day_lines = day_lines ? day_lines : 1;
        if (shown && lines + day_lines > DIARY_LINES) {
            from = end; /* that day stays out */
            break;
        }
        lines += day_lines;
        shown++;
    }
    if (from > 0)
    {
        /* phys28: how many entries are left out, and of which days */
        char a[11], z[11];
        rh_date_format(e[0].day, a);
        rh_date_format(e[from - 1].day, z);
        put(o, ". ");
        pf(o, RW("diary_latest"), (int)shown);
        put(o, "; ");
        if (from == 1)
            pf(o, RW("diary_more_one"), a);
        else
            pf(o, RW("diary_more"), (int)from, a, z);
    }
    put(o, ".</p>\n");
    if (ndays < n)
        pf(o, "<p class=\"small\">%s</p>\n", RW("diary_one_row"));
    pf(o, "<table class=\"grid\"><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
          "<th>%s</th><th class=\"notes\">%s</th></tr></thead>\n",
       RW("diary_col_date"), RW("diary_col_now"), RW("diary_col_during"),
       RW("diary_col_morning"), RW("diary_col_note"));
    for (size_t i = from; i < n;) {
        char d[11];
        rh_date_format(e[i].day, d);
        size_t end = i + 1;
        while (end < n && e[end].day == e[i].day)
            end++;
        /* the same entry repeated on one day (a form sent again): one row
         * that says how many (review 7b, N8) */
        bool same = true;
        int pain = -1, during = -1, morning = -1, own_morning = -1;
        const char *during_in = NULL; /* plan27: the activity of the highest */
        for (size_t k = i; k < end; k++) {
            pain = e[k].pain > pain ? e[k].pain : pain;
            if (e[k].during_run > during)
                during_in = rh_pain_activity_said(&e[k]);
            during = e[k].during_run > during ? e[k].during_run : during;
            /* which morning: the library's rule (rh_pain_own_morning) */
            if (!rh_pain_own_morning(&e[k]))
                morning = e[k].next_morning > morning ? e[k].next_morning : morning;
            else
                own_morning = e[k].next_morning > own_morning ? e[k].next_morning : own_morning;
            if (k > i && !(e[k].pain == e[i].pain && e[k].during_run == e[i].during_run &&
                           e[k].next_morning == e[i].next_morning &&
                           strcmp(e[k].note ? e[k].note : "", e[i].note ? e[i].note : "") == 0 &&
                           strcmp(e[k].signs, e[i].signs) == 0 &&
                           strcmp(e[k].activity, e[i].activity) == 0))
                same = false;
        }
        size_t cnt = end - i;
        if (cnt > 1 && same)
        {
            pf(o, "<tr><td class=\"d\">%s <span class=\"small\">(", d);
            pf(o, RW("diary_identical"), (int)cnt);
            pf(o, ")</span></td><td class=\"n\">%d</td>", pain);
        } else if (cnt > 1) {
            pf(o, "<tr><td class=\"d\">%s <span class=\"small\">(", d);
            pf(o, RW("diary_entries"), (int)cnt);
            pf(o, ")</span></td><td class=\"n\">%d</td>", pain);
        }
        else
            pf(o, "<tr><td class=\"d\">%s</td><td class=\"n\">%d</td>", d, pain);
        if (during >= 0 && during_in) {
            /* the activity that pain was in, as the runner logged it */
            pf(o, "<td class=\"n\">%d <span class=\"small\">(", during);
            esc(o, during_in);
            put(o, ")</span></td>");
        } else if (during >= 0) {
            pf(o, "<td class=\"n\">%d</td>", during);
        } else {
            put(o, "<td></td>");
        }
        /* the words of the day's own morning: the library's */
        struct rh_pain_entry own = {.during_run = -1, .next_morning = own_morning};
        const char *that = rh_pain_own_morning(&own);
        if (morning >= 0 && that) {
            pf(o, "<td class=\"n\">%d <span class=\"small\">(%d ", morning, own_morning);
            esc(o, that);
            put(o, ")</span></td>");
        } else if (morning >= 0) {
            pf(o, "<td class=\"n\">%d</td>", morning);
        } else if (that) {
            pf(o, "<td class=\"n\">%d <span class=\"small\">", own_morning);
            esc(o, that);
            put(o, "</span></td>");
        }
        else
            put(o, "<td></td>");
        put(o, "<td>");
        size_t last = same ? i + 1 : end;
        bool any = false;
        for (size_t k = i; k < last; k++) {
            bool note = e[k].note && *e[k].note;
            if (!note && !*e[k].signs)
                continue;
            if (any)
                put(o, "<br>");
            any = true;
            if (last - i > 1)
                pf(o, "<span class=\"small\">%d/10:</span> ", e[k].pain);
            esc(o, note ? e[k].note : "");
            if (*e[k].signs) { /* the warning signs ticked with it */
                char said[600];
                rh_triage_signs_said(e[k].signs, said, sizeof said);
                put(o, note ? " " : "");
                pf(o, "<span class=\"small\">(%s ", RW("diary_signs"));
                esc(o, said);
                put(o, ")</span>");
            }
        }
        row_flags(o, e + i, end - i, any);
        put(o, "</td></tr>\n");
        i = end;
    }
    put(o, "</table>\n");
    put(o, "</section>\n");
    rh_pain_array_free(e, n);
}

static void checkins(struct out *o, struct rh_store *s)
{
    struct rh_checkin *c = NULL;
    size_t n = 0;
    struct rh_err err;
    rh_err_clear(&err);
    pf(o, "<section id=\"checkins\"><h2>%s</h2>\n", RW("checkins_heading"));
    if (rh_store_checkin_list(s, &c, &n, &err) || n == 0) {
        pf(o, "<p>%s</p>\n</section>\n", RW("checkins_none"));
        rh_free(c);
        return;
    }
    pf(o, "<p>%s ", RW("checkins_scale"));
    third(o, rh_ostrc_substantial_words());
    cite(o, "Clarsen13; Clarsen20");
    put(o, ".</p>\n<ul class=\"small\">\n");
    size_t from = n > CHECKIN_MAX ? n - CHECKIN_MAX : 0;
    /* what the runner wrote and ticked with each (ux11, review 10 #19): in
     * their own words, as the diary's notes are shown; plain29: each
     * check-in one line, its date said once (its score and its answers had
     * a line each, both opening with the date) */
    static const char *const item_label[RH_OSTRC_ITEMS] = {"checkin_q1", "checkin_q2",
                                                           "checkin_q3", "checkin_q4"};
    for (size_t i = from; i < n; i++) {
        char d[11];
        rh_date_format(c[i].day, d);
        pf(o, "<li>%s: <strong>%d</strong>%s%s", d, c[i].severity, c[i].substantial ? " " : "",
           c[i].substantial ? RW("checkins_substantial") : "");
        if (*c[i].note) {
            pf(o, ", %s &ldquo;", RW("checkins_words"));
            esc(o, c[i].note);
            put(o, "&rdquo;");
        }
        if (*c[i].signs) {
            char said[600];
            rh_triage_signs_said(c[i].signs, said, sizeof said);
            pf(o, "%s%s ", *c[i].note ? " (" : ", ", RW("checkins_signs"));
            esc(o, said);
            put(o, *c[i].note ? ")" : "");
        }
        /* physio27: the four answers behind the score, as the clinician
         * reads the OSTRC (the score alone did not say whether it was
         * taking part, training, performance or pain) */
        for (int q = 0; q < RH_OSTRC_ITEMS; q++) {
            int opt = rh_ostrc_option_of_score(c[i].q[q]);
            if (!opt)
                continue;
            put(o, "; ");
            pf(o, "%s ", RW(item_label[q]));
            third(o, rh_ostrc_option(q, opt));
        }
        put(o, "</li>\n");
    }
    put(o, "</ul>\n");
    put(o, "</section>\n");
    rh_free(c);
}

/* The stored plan made from assessment aid, its block's reason in today's
 * words (words16: rh_plan_block_words with the plan's own assessment).
 * RH_ENOTFOUND when there is none: without an assessment (aid 0) the stored
 * state only keeps the diary's red flags (rh_diary_unassessed), which is
 * not a plan; or when the latest plan is of another assessment. */
static int stored_plan(struct rh_store *s, int64_t aid, int64_t created,
                       struct rh_plan_state *st, struct rh_err *err)
{
    int64_t pid, paid;
    char *state = NULL;
    int r = rh_store_plan_latest(s, &pid, &paid, &state, err);
    if (!r && (paid != aid || aid == 0))
        r = RH_ENOTFOUND;
    if (!r)
        r = rh_plan_state_from_json(state, st, err);
    rh_free(state);
    /* made on the assessment's local day in the runner's zone now, as
     * rh_plan_current dates it for the plan and today */
    if (!r)
        rh_plan_redate(st, rh_tz_day(rh_store_zone(s), created));
    if (!r) {
        char *result = rh_plan_assessment_result(s, st);
        rh_plan_block_words(st, result);
        rh_free(result);
    }
    return r;
}

/* words20: the report's own words, data/wording.txt [report_words] (so far
 * those of its plan section), a closed set of printf formats checked before
 * each report is written (report_words_check) */
static const struct rh_words_format report_words[] = {
    {"plan_heading", ""}, {"plan_none_assessment", ""}, {"plan_none", ""},
    {"phase_of", "d"}, {"phase_since", "ss"}, {"on_hold", ""}, {"cleared_on", "s"},
    {"ladder", "d"}, {"exercises", ""}, {"exercises_phase", "d"}, {"exercises_none", ""},
    {"exercises_when", ""}, {"daily", ""}, {"phase_changes", ""}, {"phase_move", "sdsds"},
    {"phase_stay", "sds"}, {"sessions_since", "s"},
    {"sessions_counts", "ddddd"}, {"sessions_none", ""},
    {"doc_title", ""}, {"back", ""}, {"heading", ""}, {"who_age", "d"}, {"who_female", ""},
    {"who_male", ""}, {"who_runner", ""}, {"who_left", ""}, {"who_right", ""},
    {"who_both", ""}, {"who_days", "ds"}, {"prepared", "ss"}, {"written", ""},
    {"written_child", ""}, {"assessment_heading", ""}, {"no_assessment", ""},
    {"flags_earlier", ""}, {"period", "ss"}, {"nothing", ""},
    {"checkins_heading", ""}, {"checkins_none", ""}, {"checkins_scale", ""},
    {"checkins_substantial", ""}, {"checkins_words", ""}, {"checkins_signs", ""},
    {"checkin_q1", ""}, {"checkin_q2", ""}, {"checkin_q3", ""}, {"checkin_q4", ""},
    {"load_heading", ""}, {"load_none", ""}, {"load_failed", ""}, {"load_caption", "s"},
    {"load_ratio", ""}, {"load_no_finding", ""}, {"load_no_running", "ss"}, {"load_findings", ""},
    {"load_findings_latest", "s"}, {"load_findings_none_latest", "s"},
    {"load_findings_before", ""}, {"load_findings_before_to", "s"}, {"load_evidence", "s"},
    {"diary_heading", ""}, {"diary_none", ""}, {"diary_on_days", "ds"}, {"diary_one", "sd"},
    {"diary_one_day", "dsddd"}, {"diary_many", "dsssddd"}, {"diary_trend", "ffs"},
    {"diary_improving", ""}, {"diary_worsening", ""}, {"diary_same", ""},
    {"diary_latest", "d"}, {"diary_more_one", "s"}, {"diary_more", "dss"}, {"diary_one_row", ""}, {"diary_col_date", ""},
    {"diary_col_now", ""}, {"diary_col_during", ""}, {"diary_col_morning", ""},
    {"diary_col_note", ""},
    {"diary_identical", "d"}, {"diary_entries", "d"}, {"diary_signs", ""},
    {"diary_row_flags", ""}, {"diary_row_flags_see", ""},
    {"flags_heading", ""}, {"flags_none", ""}, {"flag_info_at", ""}, {"flag_info_why", ""},
    {"conditions_fit", ""}, {"conditions_ranked", ""}, {"not_ranked", ""},
    {"ranking_note", ""}, {"no_reason", ""}, {"pain_pattern", ""}, {"self_check", ""}, {"self_check_none", ""},
    {"self_check_warn", "d"}, {"self_check_answered", "d"}, {"self_check_rule", ""},
    {"visit_cleared", "s"}, {"visit_seen", "ss"}, {"run_not_before", "s"},
    {"diary_flags", ""}, {"diary_flags_how", ""}, {"diary_flags_stop", ""},
    {"summary", ""}, {"flags_summary", ""}, {"range_to", ""}, {"not_cleared", ""},
    {"no_clearance", ""}, {"flags_earlier_head", ""}, {"flags_earlier_how", ""},
    {"raised_on", "s"}, {"again_up_to", "s"}, {"flags_count", "d"}, {"flags_count_info", "d"},
    {"flags_see_below", ""}, {"flags_label", ""}, {"flags_none_answers", ""},
    {"flags_diary_open", ""}, {"see_below", ""}, {"in_force", ""}, {"told_parent", ""},
    {"told_runner", ""}, {"suggested_after", ""}, {"for_after", ""}, {"suggested_alone", ""},
    {"suggested", ""}, {"decision", ""}, {"running_alone", ""}, {"running", ""},
    {"pelvic", ""}, {"pelvic_assess", ""}, {"best_fit", ""}, {"made", "sss"},
    {"made_answers", ""}, {"made_answers_child", ""}, {"made_by", ""}, {"made_by_child", ""},
    {"history", ""}, {"history_child", ""},
    {"group_site", ""}, {"group_onset", ""}, {"group_character", ""}, {"group_pain", ""},
    {"group_aggravating", ""}, {"group_easing", ""}, {"group_signs", ""},
    {"group_tests", ""}, {"group_checks", ""}, {"group_training", ""}, {"group_history", ""},
    {"watch_mark", ""}, {"onset_day", "s"}, {"no_answers", ""}, {"calls_for", ""}, {"no_clearance_clin", ""},
};

int rh_report_words_check(struct rh_err *err)
{
    return rh_words_format_check("report_words", report_words,
                                 sizeof report_words / sizeof *report_words, err);
}

/* A text of [report_words] ("" if missing: the check refuses that first). */
static const char *RW(const char *key)
{
    return rh_words_or_empty("report_words", key);
}

/* A phase's name in the plan's rules (its id when they are not loaded). */
static const char *phase_name(const struct rh_plan_kb *kb, int phase)
{
    char sec[40];
    snprintf(sec, sizeof sec, "phase.%s", rh_phase_id((enum rh_phase)phase));
    const char *n = kb ? rh_plan_kb_get(kb, sec, "name") : NULL;
    return n ? n : rh_phase_id((enum rh_phase)phase);
}

static void plan(struct out *o, struct rh_store *s, int32_t today, int64_t aid,
                 int64_t created)
{
    pf(o, "<section id=\"plan\"><h2>%s</h2>\n", RW("plan_heading"));
    struct rh_err err;
    rh_err_clear(&err);
    struct rh_plan_state st;
    int r = stored_plan(s, aid, created, &st, &err);
    if (r) {
        pf(o, "<p>%s</p>\n", RW(aid ? "plan_none_assessment" : "plan_none"));
    } else {
        struct rh_plan_kb *kb = NULL;
        const char *name = NULL;
        char sec[40];
        snprintf(sec, sizeof sec, "phase.%s", rh_phase_id(st.phase));
        if (rh_plan_kb_load(&kb, &err) == 0)
            name = rh_plan_kb_get(kb, sec, "name");
        char since[11], start[11];
        rh_date_format(st.phase_day, since);
        rh_date_format(st.start_day, start);
        put(o, "<p><strong>");
        pf(o, RW("phase_of"), (int)st.phase + 1);
        put(o, "</strong> ");
        esc(o, name ? name : rh_phase_id(st.phase));
        put(o, " ");
        pf(o, RW("phase_since"), since, start);
        put(o, " ");
        /* the pain rule in force, from the plan's rules (review 7b, N4) */
        if (kb)
            plain(o, rh_plan_pain_rule_summary(kb, &st));
        put(o, ".");
        if (st.blocked && !st.cleared) {
            pf(o, " <strong>%s</strong> ", RW("on_hold"));
            plain3(o, st.block_reason); /* the runner, never "your" (review 10 #19) */
        } else if (st.cleared) {
            char cd[11];
            rh_date_format(st.cleared_day, cd);
            /* a visit that restricted running, or sent it back as walk-run,
             * is said as what it decided (rh_plan_visit), not as a clearance */
            char said[200];
            if (visit_decided(&st, said, sizeof said)) {
                put(o, " S");
                esc(o, said + 1);
                put(o, ".");
            } else {
                put(o, " ");
                pf(o, RW("cleared_on"), cd);
            }
        }
        if (st.ladder_step > 0)
        {
            put(o, " ");
            pf(o, RW("ladder"), st.ladder_step);
        }
        put(o, "</p>\n");
        /* the exercises as a clinician reads a prescription: name, sets and
         * repetitions or hold, how often, the stage (review 8, 21) */
        const struct rh_exercise *ex[24];
        size_t nex = kb ? rh_plan_prescribed(kb, &st, ex, 24) : 0;
        pf(o, "<p><strong>%s</strong> (", RW("exercises"));
        pf(o, RW("exercises_phase"), (int)st.phase + 1);
        put(o, ", ");
        esc(o, name ? name : rh_phase_id(st.phase));
        if (!nex) {
            pf(o, "): %s</p>\n", RW("exercises_none"));
        } else {
            pf(o, "; %s):</p>\n<ul class=\"small ex\">\n", RW("exercises_when"));
            for (size_t i = 0; i < nex; i++) {
                put(o, "<li>");
                esc(o, ex[i]->name);
                put(o, ": ");
                esc(o, ex[i]->dose);
                if (*ex[i]->daily) {
                    pf(o, "; %s, ", RW("daily"));
                    esc(o, ex[i]->daily);
                }
                cite(o, ex[i]->source);
                put(o, "</li>\n");
            }
            put(o, "</ul>\n");
        }
        int changes = 0;
        for (int i = 1; i < st.n_moves; i++)
            changes += !rh_plan_move_repeated(&st, i);
        if (changes) {
            pf(o, "<p class=\"small\">%s ", RW("phase_changes"));
            for (int i = 1, said = 0; i < st.n_moves; i++) {
                if (rh_plan_move_repeated(&st, i)) /* a same-day plan made again */
                    continue;
                /* the day, the phases by number and name, then why, in the
                 * third person (physio27: it said "2026-11-25 2 good diary
                 * entries in a row" with neither phase, and the reasons'
                 * "your" to the clinician) */
                const struct rh_plan_move *m = &st.moves[i];
                char d[11];
                rh_date_format(m->day, d);
                put(o, said++ ? "; " : "");
                if (m->from != m->to)
                    pf(o, RW("phase_move"), d, m->from + 1, phase_name(kb, m->from),
                       m->to + 1, phase_name(kb, m->to));
                else
                    pf(o, RW("phase_stay"), d, m->to + 1, phase_name(kb, m->to));
                put(o, " ");
                plain3(o, m->why);
            }
            put(o, "</p>\n");
        }
        rh_plan_kb_free(kb);
    }
    /* sessions logged */
    struct rh_session *ss = NULL;
    size_t n = 0;
    rh_err_clear(&err);
    if (rh_store_session_list(s, 0, today, &ss, &n, &err) == 0 && n) {
        int count[RH_SESSION__COUNT] = {0};
        int32_t first = ss[0].day;
        for (size_t i = 0; i < n; i++)
            if ((int)ss[i].kind >= 0 && ss[i].kind < RH_SESSION__COUNT)
                count[ss[i].kind]++;
        char d[11];
        rh_date_format(first, d);
        /* counts only: the strength rate is said once, with its window, by
         * the training findings (review 8 #13: "1.0 a week" here and "0.2
         * a week lately" there) */
        put(o, "<p><strong>");
        pf(o, RW("sessions_since"), d);
        put(o, "</strong> ");
        pf(o, RW("sessions_counts"), count[RH_SESSION_STRENGTH], count[RH_SESSION_MOBILITY],
           count[RH_SESSION_CROSS_TRAIN], count[RH_SESSION_REST], count[RH_SESSION_RUN]);
        put(o, "</p>\n");
    } else {
        pf(o, "<p>%s</p>\n", RW("sessions_none"));
    }
    rh_session_array_free(ss, n);
    put(o, "</section>\n");
}

/* ---- the page ---------------------------------------------------------------- */

int rh_report_html(struct rh_store *s, int32_t today, const struct rh_report_opts *opts,
                   struct rh_buf *out, struct rh_err *err)
{
    int rw = rh_report_words_check(err);
    if (rw)
        return rw;
    struct rh_err e2;
    rh_err_clear(&e2);
    int64_t aid = 0, created = 0;
    char *intake_json = NULL, *result_json = NULL;
    int ra = rh_store_assessment_latest(s, &aid, &created, &intake_json, &result_json, err);
    if (ra && ra != RH_ENOTFOUND)
        return ra;
    long acts = rh_store_activity_count(s, &e2);
    struct rh_pain_entry *pe = NULL;
    size_t npe = 0;
    (void)rh_store_pain_list(s, 0, today, &pe, &npe, &e2);
    rh_pain_array_free(pe, npe);
    if (ra == RH_ENOTFOUND && acts <= 0 && npe == 0) {
        rh_free(intake_json);
        rh_free(result_json);
        return rh_err_set(err, RH_ENOTFOUND, "%s", RW("nothing"));
    }
    struct out o = {out, 0, {0}, "", false, NULL, 0, 0};
    rh_refs_init(&o.refs);
    char today_s[11];
    rh_date_format(today, today_s);
    struct rh_intake in;
    rh_intake_init(&in);
    json_t *res = NULL;
    if (ra == 0) {
        struct rh_err ie;
        rh_err_clear(&ie);
        if (rh_intake_parse(intake_json, strlen(intake_json), &in, &ie) == 0) {
            o.ctx = &in;
            o.ctx_day = rh_tz_day(rh_store_zone(s), created);
            char *wv = NULL;
            struct rh_err we;
            rh_err_clear(&we);
            if (rh_store_profile_get(s, "weight_kg", &wv, &we) == 0 && wv &&
                rh_parse_double(wv, &o.body_kg) != 0)
                o.body_kg = 0;
            rh_free(wv);
        }
        json_error_t je;
        res = json_loads(result_json, 0, &je);
        o.child = json_is_true(json_object_get(res, "for_child"));
    }
    rh_free(intake_json);
    rh_free(result_json);

    put(&o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>");
    put(&o, RW("doc_title"));
    put(&o, "</title>\n");
    if (opts && opts->css_href) {
        put(&o, "<link rel=\"stylesheet\" href=\"");
        esc(&o, opts->css_href);
        put(&o, "\">\n");
    } else {
        /* one file that works offline: the same style sheet, inside */
        put(&o, "<style>\n");
        put(&o, rh_report_css());
        put(&o, "</style>\n");
    }
    put(&o, "</head>\n<body>\n");
    if (opts && opts->back_href) {
        put(&o, "<p class=\"back noprint\"><a href=\"");
        esc(&o, opts->back_href);
        pf(&o, "\">&larr; %s</a></p>\n", RW("back"));
    }
    pf(&o, "<header>\n<h1>%s</h1>\n<p class=\"meta\">", RW("heading"));
    /* who and which side */
    struct rh_buf who;
    rh_buf_init(&who, 0);
    if (in.age >= 0) {
        (void)rh_buf_printf(&who, RW("who_age"), in.age);
        (void)rh_buf_puts(&who, " ");
    }
    (void)rh_buf_puts(&who, RW(in.sex == RH_SEX_FEMALE ? "who_female"
                               : in.sex == RH_SEX_MALE ? "who_male"
                                                       : "who_runner"));
    if (in.side == RH_SIDE_LEFT || in.side == RH_SIDE_RIGHT || in.side == RH_SIDE_BOTH)
        (void)rh_buf_printf(&who, ", %s",
                            RW(in.side == RH_SIDE_LEFT    ? "who_left"
                               : in.side == RH_SIDE_RIGHT ? "who_right"
                                                          : "who_both"));
    if (in.duration_days >= 0) {
        (void)rh_buf_puts(&who, ", ");
        (void)rh_buf_printf(&who, RW("who_days"), in.duration_days,
                            rh_plural_s(in.duration_days));
    }
    put(&o, "<strong>");
    esc(&o, who.data ? who.data : RW("who_runner"));
    put(&o, "</strong>. ");
    rh_buf_release(&who);
    /* the date range: placeholder filled after the sections know it */
    size_t range_at = o.b->len;
    pf(&o, RW("prepared"), today_s, RH_VERSION);
    pf(&o, "</p>\n<p class=\"small\">%s</p>\n</header>\n",
       RW(o.child ? "written_child" : "written"));

    int32_t first_day = -1;
    /* the plan's state: the red flags the diary keeps in force (without an
     * assessment: the state rh_diary_unassessed keeps) */
    struct rh_plan_state *st = rh_calloc(1, sizeof *st);
    bool have_st = false;
    if (st) {
        struct rh_err pe2;
        rh_err_clear(&pe2);
        have_st = ra == 0 ? stored_plan(s, aid, created, st, &pe2) == 0
                          : rh_diary_unassessed(s, st, &pe2) == 0;
    } else if (!o.err) {
        o.err = RH_ENOMEM;
    }
    find_leak(&o, s, today);
    if (res && json_is_object(res)) {
        char made[40];
        rh_day_words(rh_tz_day(rh_store_zone(s), created), made, sizeof made);
        first_day = rh_tz_day(rh_store_zone(s), created); /* the period starts by then */
        assessment(&o, res, &in, aid, made, first_day, have_st ? st : NULL, s);
    } else {
        pf(&o, "<section><h2>%s</h2><p>%s</p></section>\n", RW("assessment_heading"),
           RW("no_assessment"));
        diary_flags(&o, have_st ? st : NULL, true);
        /* the red flags raised before and since cleared (review 11 #3) */
        size_t at = o.b->len;
        pf(&o, "<section id=\"red-flag-history\"><h2>%s</h2>\n", RW("flags_earlier"));
        if (flag_history(&o, s, have_st ? st : NULL, false) > 0)
            put(&o, "</section>\n");
        else if (!o.err)
            o.b->data[o.b->len = at] = '\0';
    }
    rh_free(st);
    /* phys28: the pain's course, then the training behind it, then what
     * was done of the plan, then the check-ins (each the page's width: the
     * exercises in two columns on paper, report.css) */
    diary(&o, s, today, &first_day);
    training(&o, s, today, &first_day);
    plan(&o, s, today, aid, created);
    checkins(&o, s);
    if (o.refs.n) {
        /* the word every document heads its sources with ([text] references) */
        const char *sw = rh_words("text", "references");
        pf(&o, "<section id=\"sources\"><h2>%s</h2>\n", sw ? sw : "");
        if (!o.err)
            o.err = rh_refs_write_html_print(&o.refs, o.b);
        put(&o, "</section>\n");
    }
    put(&o, "</body>\n</html>\n");
    json_decref(res);
    if (!o.err && first_day >= 0) {
        char d0[11], range[200];
        rh_date_format(first_day, d0);
        int n = snprintf(range, sizeof range, RW("period"), d0, today_s);
        if (n >= 0 && (size_t)n + 1 < sizeof range) /* the sentence before "Prepared" */
            memcpy(range + n, " ", 2);
        /* insert at range_at */
        size_t rl = strlen(range);
        if (!(o.err = rh_buf_reserve(o.b, rl + 1))) {
            memmove(o.b->data + range_at + rl, o.b->data + range_at, o.b->len - range_at + 1);
            memcpy(o.b->data + range_at, range, rl);
            o.b->len += rl;
        }
    }
    if (o.err)
        return rh_err_set(err, o.err, "report: %s", rh_strerror(o.err));
    return 0;
}
