/* SPDX-License-Identifier: MIT */
/*
 * One triage for every input: a diary entry becomes a partial intake record
 * and goes through the assessment engine (rh_assess), so its red flags are
 * the assessment's red-flag rules, with the same names and urgencies. No
 * red-flag rule is written here.
 *
 * The partial record is the context (what the latest assessment said that
 * does not change from day to day) plus the entry: pain now (and next
 * morning pain, which is pain at rest) as pain_now, activity pain as
 * pain_run, next-morning pain, the structured signs and what the note said.
 * The entry's red flags are those that fire for context + entry and not for
 * the context alone, so a flag the assessment already raised from history
 * (a past cancer, age over 50) is not raised again by every entry.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "plan/plan_int.h"
#include "runhip/quest.h"
#include "runhip/store.h"
#include "runhip/text.h"
#include "runhip/triage.h"
#include "util/banned.h"

/* Copies what does not change from day to day. */
static void context_of(const struct rh_intake *c, int days_since, struct rh_intake *out)
{
    rh_intake_init(out);
    if (!c)
        return;
    out->age = c->age;
    out->sex = c->sex;
    out->side = c->side;
    out->has_location = c->has_location;
    out->location = c->location;
    /* how the pain feels (an ache, burning, numbness): the runner's answer
     * stands until a note says otherwise, so a rule that asks whether the
     * pain has a nerve's feel (weakness with numbness, tingling or shooting
     * pain) reads the answer, not "cannot tell" (review 7b N1) */
    out->has_character = c->has_character;
    out->character = c->character;
    out->onset = c->onset;
    out->onset_event = c->onset_event;
    out->duration_days = c->duration_days;
    if (out->duration_days >= 0 && days_since > 0) {
        long d = (long)out->duration_days + days_since;
        out->duration_days = d > 3650 ? 3650 : (int)d;
    }
    out->episodes = c->episodes;
    out->pain_worst = c->pain_worst;
    out->weekly_km = c->weekly_km;
    out->km_change_pct = c->km_change_pct;
    out->years_running = c->years_running;
    out->cadence_spm = c->cadence_spm;
    out->shoe_km = c->shoe_km;
    out->sitting_hours = c->sitting_hours;
    out->strength_per_week = c->strength_per_week;
    out->surface = c->surface;
    out->same_route = c->same_route;
    out->has_recent_change = c->has_recent_change;
    out->recent_change = c->recent_change;
    out->has_history = c->has_history;
    out->history = c->history;
    out->history_unknown = c->history_unknown;
    out->from_data = c->from_data;
}

int rh_triage_signs_parse(const char *words, uint32_t *mask, struct rh_err *err)
{
    *mask = 0;
    words = words ? words : "";
    /* read as the `signs` line of an intake file, so the words, synonyms
     * ("cannot bear weight"), "none" and the errors are those of intake.md;
     * one line only: no line break or comment can add another key */
    if (strpbrk(words, "\r\n#"))
        return rh__named_err(err, RH_ESYNTAX, "diary_words", "signs_one_line", NULL, NULL, 0);
    if (!*words)
        return 0;
    /* the diary's tick words (rh_note_tick_word) are taken out; the rest is
     * the intake's line */
    struct rh_buf b;
    rh_buf_init(&b, 0);
    int r = rh_buf_puts(&b, "signs = ");
    bool any = false;
    for (const char *p = words; !r && *p;) {
        size_t n = strcspn(p, ",");
        const char *w = p, *e = p + n;
        while (w < e && isspace((unsigned char)*w))
            w++;
        while (e > w && isspace((unsigned char)e[-1]))
            e--;
        char word[48];
        int t = -1;
        if ((size_t)(e - w) < sizeof word) {
            snprintf(word, sizeof word, "%.*s", (int)(e - w), w);
            t = rh_note_tick_find(word);
        }
        if (t >= 0) {
            if (*mask & RH_BIT(RH_TICK_SHIFT + t)) {
                rh_buf_release(&b);
                const char *const nm[] = {"word"}, *const v[] = {word};
                return rh__named_err(err, RH_ESYNTAX, "diary_words", "signs_twice", nm, v, 1);
            }
            *mask |= RH_BIT(RH_TICK_SHIFT + t);
        } else {
            r = rh_buf_printf(&b, "%s%.*s", any ? "," : "", (int)n, p);
            any = true;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    if (!r)
        r = rh_buf_puts(&b, "\n");
    uint32_t ticks = *mask;
    if (!any && !r) { /* ticks only */
        rh_buf_release(&b);
        return 0;
    }
    struct rh_intake *in = r ? NULL : rh_calloc(1, sizeof *in);
    if (!in) {
        rh_buf_release(&b);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    r = rh_intake_parse(b.data, b.len, in, err);
    if (!r) {
        err->line = 0;
        *mask = (in->has_signs ? in->signs : 0) | ticks;
    } else if (r == RH_EKEY) {
        /* the words expected are the ticks' too */
        size_t len = strlen(err->msg);
        for (int t = 0; t < rh_note_tick_count() && len && err->msg[len - 1] == ')'; t++) {
            char more[64];
            snprintf(more, sizeof more, ", %s)", rh_note_tick_word(t));
            if (len - 1 + strlen(more) >= sizeof err->msg)
                break;
            memcpy(err->msg + len - 1, more, strlen(more) + 1);
            len = strlen(err->msg);
        }
    }
    rh_free(in);
    rh_buf_release(&b);
    return r;
}

/* Whether the answers of a flag's reason ("... (answers: signs=night_sweats,
 * age=60) [S]") hold the intake word of set ("signs:night_sweats"). */
static bool answers_have(const char *why, const char *set, size_t n)
{
    const char *ans = strstr(why, "(answers: ");
    const char *colon = memchr(set, ':', n);
    if (!ans || !colon)
        return false;
    char want[96];
    rh__fmt(want, sizeof want, "%.*s=%.*s", (int)(colon - set), set, (int)(n - (size_t)(colon - set) - 1),
            colon + 1);
    size_t wl = strlen(want);
    for (const char *p = strstr(ans, want); p; p = strstr(p + 1, want)) {
        char before = p[-1], after = p[wl];
        bool word_before = before == '_' || (before >= 'a' && before <= 'z');
        bool word_after = after == '_' || (after >= 'a' && after <= 'z') ||
                          (after >= '0' && after <= '9');
        if (!word_before && !word_after)
            return true;
    }
    return false;
}

static bool same_reading(const struct rh_note_finding *a, const struct rh_note_finding *b);

bool rh_note_finding_shown(const struct rh_note_reading *r, int i)
{
    if (i < 0 || i >= r->n)
        return false;
    const struct rh_note_finding *f = &r->f[i];
    if (f->negated || !f->words[0])
        return false;
    for (int j = 0; j < r->n; j++) {
        const struct rh_note_finding *g = &r->f[j];
        /* runner21: a warning sign inside the words of a finding of
         * another reading is said too: "numbness in my foot getting worse"
         * is a worsening and a numb foot, and the numb foot was said only
         * in the verdict ("numbness" alone, no sign, stays inside) */
        if (j != i && !g->negated && g->words[0] && g->from <= f->from && f->to <= g->to &&
            g->to - g->from > f->to - f->from &&
            (same_reading(g, f) || strncmp(f->sets, "signs:", 6) != 0 || strstr(g->sets, f->sets)))
            return false;
    }
    return true;
}

bool rh_note_read_nothing(const char *note, const struct rh_note_reading *r)
{
    bool words = false;
    for (const char *p = note ? note : ""; *p && !words; p++)
        words = isalnum((unsigned char)*p) != 0;
    /* a finding read, even one denied ("fever gone"), is a note read */
    return words && r->n == 0 && !r->note_facts && !r->signs;
}

/* Two findings whose reading is said in the same words: the same
 * [note_read] word, or (without one) the same intake words. */
static bool same_reading(const struct rh_note_finding *a, const struct rh_note_finding *b)
{
    if (a->reads[0] || b->reads[0])
        return !strcmp(a->reads, b->reads);
    return !strcmp(a->sets, b->sets);
}

/* Who a note's reading is said of: NULL (the writer: "you"), a parent's
 * child ([text] child_person), or, for a note written for the runner by
 * someone else, the runner (session 21, branch diary25: "she limps since
 * Saturday" is read back "the runner limps", not "you limp": the child's
 * words with proxy_person's subject in place of the child, built in pmap). */
static const char *person_map(const struct rh_note_reading *r, bool child, char *pmap,
                              size_t cap)
{
    const char *map = child ? rh_words("text", "child_person") : NULL;
    if (!child && r->proxy && cap >= 128) {
        const char *cm = rh_words("text", "child_person");
        const char *as = rh_words("text", "proxy_person");
        if (cm && as && *as && strlen(as) < 64) {
            pmap[0] = '\0';
            size_t o = 0;
            const char *p = cm;
            while (*p && o + 64 < cap) {
                if (!strncmp(p, "your child", 10) || !strncmp(p, "Your child", 10)) {
                    char first = *p == 'Y' ? (char)toupper((unsigned char)as[0]) : as[0];
                    o += (size_t)snprintf(pmap + o, cap - o, "%c%s", first, as + 1);
                    p += 10;
                } else {
                    pmap[o++] = *p++;
                    pmap[o] = '\0';
                }
            }
            if (!*p) /* the whole table, never a cut one */
                map = pmap;
        }
    }
    return map;
}

int rh_note_statements(const struct rh_note_reading *r, bool child, rh_note_statement_fn *fn,
                       void *arg)
{
    char pmap[4096];
    const char *map = person_map(r, child, pmap, sizeof pmap);
    int w = 0;
    /* session 21 (branch runner21b): numbness or tingling set aside on
     * purpose, as long-standing and unchanged or as pressure that passes
     * ("sat in the car 3 hours, leg tingly"), with what it was read as and
     * when it would be a warning sign ([text] note_aside_*); session 22
     * (branch diary26): of the one it is written about ("the runner"), as
     * the findings are */
    for (int kind = RH_ASIDE_UNCHANGED; !w && kind <= RH_ASIDE_PRESSURE; kind++)
        for (int i = 0; !w && i < r->n; i++) {
            if (r->f[i].aside != kind || !r->f[i].negated)
                continue;
            const char *k = rh_words("text", kind == RH_ASIDE_PRESSURE ? "note_aside_pressure"
                                                                       : "note_aside_unchanged");
            if (k) {
                struct rh_buf t;
                rh_buf_init(&t, 0);
                w = map ? rh_text_person(map, k, &t) : rh_buf_puts(&t, k);
                if (!w && t.data)
                    w = fn(arg, r->f[i].words,
                           kind == RH_ASIDE_PRESSURE ? "set_aside:pressure" : "set_aside:unchanged",
                           t.data);
                rh_buf_release(&t);
            }
            break;
        }
    /* session 21 (branch runner21b): the leg's tingling or numbness the
     * assessment already had, set aside as no new nerve sign (rh_triage_entry) */
    if (!w && (r->note_facts & RH_BIT(RH_NOTE_FACT_NERVE_KNOWN))) {
        const char *k = rh_words("text", "note_known_nerve");
        if (k) {
            struct rh_buf t;
            rh_buf_init(&t, 0);
            w = map ? rh_text_person(map, k, &t) : rh_buf_puts(&t, k);
            if (!w && t.data)
                w = fn(arg, NULL, "note:nerve_known", t.data);
            rh_buf_release(&t);
        }
    }
    return w;
}

/* Session 23 (branch runner23b): the note tells the pain came on at one
 * moment of an effort (note:moment_onset, "sharp groin pain on the last
 * rep"): the assessment's answers about how and when its pain began
 * ("onset=gradual", "onset_event=...", "duration_days=25") are not true of
 * this pain, so the reason of a warning the entry raises names none of them
 * (a stress-fracture warning said "it came on slowly"). Only the reason's
 * answers are left out: the rule fired as before, the warning stands. */
static void drop_onset_answers(char *why)
{
    static const char *const keys[] = {"onset=", "onset_event=", "duration_days=", "onset ",
                                       "duration_days"};
    for (char *ans = strstr(why, "(answers: "); ans; ans = strstr(ans + 1, "(answers: ")) {
        char *p = ans + 10, *start = p, *w = p;
        int depth = 0;
        bool first = true;
        for (; *p; p++) {
            if (*p == '(')
                depth++;
            else if (*p == ')' && depth)
                depth--;
            else if ((*p == ',' || *p == ')') && !depth) {
                char end = *p;
                const char *it = start;
                while (*it == ' ')
                    it++;
                size_t len = (size_t)(p - it);
                bool drop = false;
                for (size_t k = 0; k < sizeof keys / sizeof *keys && !drop; k++)
                    drop = len >= strlen(keys[k]) && !strncmp(it, keys[k], strlen(keys[k]));
                if (!drop) {
                    if (!first)
                        *w++ = ',', *w++ = ' ';
                    memmove(w, it, len);
                    w += len;
                    first = false;
                }
                start = p + 1;
                if (end == ')') {
                    *w++ = ')';
                    memmove(w, p + 1, strlen(p + 1) + 1);
                    p = w - 1;
                    break;
                }
            }
        }
        ans = w - 1 > ans ? w - 1 : ans;
    }
}

/* rh_note_statements' lines for rh_note_reading_lines */
static int statement_line(void *arg, const char *words, const char *means, const char *says)
{
    (void)means;
    struct rh_buf *out = arg;
    if (!words)
        return rh_buf_printf(out, "%s\n", says);
    /* words27: the sentence is data/wording.txt [plan_words] note_read, its
     * quotes the code's */
    struct rh_buf q;
    rh_buf_init(&q, 0);
    int w = rh_buf_printf(&q, "\"%s\"", words);
    if (!w)
        w = rh_buf_printf(out, rh__words("plan_words", "note_read"), q.data, says);
    rh_buf_release(&q);
    return w ? w : rh_buf_puts(out, "\n");
}

/* session 23 (plan27): how a weight loss told with its amount was judged
 * (rh_note_reading loss_*): as a share of the body weight over the time
 * told, or by the amount alone and why (the body weight is not known);
 * data/wording.txt [text] note_weight.*. "" when no amount was told. */
int rh_note_weight_line(const struct rh_note_reading *r, bool web, struct rh_buf *out)
{
    const char *key = NULL;
    switch (r->loss_judged) {
    case RH_LOSS_OVER: key = "note_weight.over"; break;
    case RH_LOSS_UNDER: key = "note_weight.under"; break;
    case RH_LOSS_AMOUNT: key = web ? "note_weight.amount.web" : "note_weight.amount.terminal"; break;
    case RH_LOSS_SMALL: key = web ? "note_weight.small.web" : "note_weight.small.terminal"; break;
    default: return 0;
    }
    /* a time longer than the rule's: the rate over the rule's months too */
    char slow[48];
    if ((r->loss_judged == RH_LOSS_OVER || r->loss_judged == RH_LOSS_UNDER) &&
        r->loss_rate_pct > 0) {
        snprintf(slow, sizeof slow, "%s.slow", key);
        key = slow;
    }
    const char *t = rh_words("text", key), *tt = rh_words("text", "note_weight.time");
    if (!t || !tt)
        return 0;
    char time[120] = "", told[200], pct[16], body[16], lim[16], months[16], line[1000];
    if (r->loss_time[0]) {
        const char *ta[1] = {r->loss_time};
        rh_text_fill(time, sizeof time, tt, ta, 1);
    }
    /* the amount and, when told, its time: "4 kg in 3 months" */
    snprintf(told, sizeof told, "%s%s%s", r->loss_amount, *time ? " " : "", time);
    char rate[16];
    snprintf(rate, sizeof rate, "%.1f", r->loss_rate_pct);
    snprintf(pct, sizeof pct, "%.1f", r->loss_pct);
    snprintf(body, sizeof body, "%.0f", r->body_kg);
    snprintf(lim, sizeof lim, "%g", r->loss_limit_pct);
    snprintf(months, sizeof months, "%g", r->loss_limit_months);
    const char *args[5] = {told, pct, body, lim, months};
    if (r->loss_judged == RH_LOSS_AMOUNT || r->loss_judged == RH_LOSS_SMALL) {
        const char *a2[3] = {told, lim, months};
        rh_text_fill(line, sizeof line, t, a2, 3);
    } else if (key == slow) {
        const char *a3[7] = {told, pct, body, rate, months, lim, months};
        rh_text_fill(line, sizeof line, t, a3, 7);
    } else {
        rh_text_fill(line, sizeof line, t, args, 5);
    }
    return rh_buf_printf(out, "%s\n", line);
}

const char *rh_loss_judged_id(int judged)
{
    switch (judged) {
    case RH_LOSS_SMALL: return "small";
    case RH_LOSS_AMOUNT: return "amount";
    case RH_LOSS_UNDER: return "under";
    case RH_LOSS_OVER: return "over";
    default: return NULL;
    }
}

int rh_note_reading_lines(const char *note, const struct rh_note_reading *r, int where,
                          bool child, struct rh_buf *out)
{
    bool web = where == RH_NOTE_SAID_WEB;
    char pmap[4096];
    const char *map = person_map(r, child, pmap, sizeof pmap);
    if (rh_note_read_nothing(note, r)) { /* review 10 #11 */
        /* a loss told with an amount too small to count: why (plan27) */
        if (r->loss_judged)
            return rh_note_weight_line(r, web, out);
        const char *nn = rh_words("text", web                           ? "note_nothing.web"
                                          : where == RH_NOTE_SAID_ASKED ? "note_nothing.asked"
                                                                        : "note_nothing.terminal");
        return nn ? rh_buf_printf(out, "%s\n", nn) : 0;
    }
    int w = 0;
    for (int i = 0; !w && i < r->n; i++) {
        const struct rh_note_finding *f = &r->f[i];
        if (!rh_note_finding_shown(r, i))
            continue;
        /* review 11 #5 (session 12, branch loop12): findings read as the
         * same thing ("bladder leaks a bit when I run" and "heavy down
         * below", both the pelvic floor) are said once, their words
         * quoted together */
        bool said = false;
        for (int j = 0; j < i && !said; j++)
            said = rh_note_finding_shown(r, j) && same_reading(&r->f[j], f);
        if (said)
            continue;
        /* runner20: findings of the same reading whose words overlap in the
         * note ("wakes me" and "sore lying on my side at night, wakes") are
         * quoted once, as the note's words from the first to the last */
        int grp[RH_NOTE_MAX_FINDINGS], ng = 0;
        bool done[RH_NOTE_MAX_FINDINGS] = {false};
        for (int k = i; k < r->n && ng < RH_NOTE_MAX_FINDINGS; k++)
            if (k == i || (rh_note_finding_shown(r, k) && same_reading(&r->f[k], f)))
                grp[ng++] = k;
        size_t note_len = note ? strlen(note) : 0;
        int quoted = 0;
        /* words27: the note's words quoted, then the sentence of
         * data/wording.txt [plan_words] note_read(_many) around them */
        struct rh_buf qb;
        rh_buf_init(&qb, 0);
        struct rh_buf *said_out = out;
        out = &qb;
        for (int a = 0; !w && a < ng; a++) {
            if (done[a])
                continue;
            done[a] = true;
            int from = r->f[grp[a]].from, to = r->f[grp[a]].to;
            bool merged = false;
            for (bool grew = true; grew;) {
                grew = false;
                for (int c = 0; c < ng; c++) {
                    const struct rh_note_finding *g = &r->f[grp[c]];
                    if (done[c] || g->from >= to || g->to <= from)
                        continue;
                    done[c] = grew = merged = true;
                    from = g->from < from ? g->from : from;
                    to = g->to > to ? g->to : to;
                }
            }
            if (quoted++)
                w = rh_buf_printf(out, " %s ", rh__words("plan_words", "note_read_and"));
            if (!w)
                w = rh_buf_puts(out, "\"");
            if (!w && merged && from >= 0 && (size_t)to <= note_len) {
                bool sp = false; /* the note's words, white space made one space */
                for (int q = from; !w && q < to; q++) {
                    if (isspace((unsigned char)note[q])) {
                        sp = true;
                        continue;
                    }
                    if (sp)
                        w = rh_buf_puts(out, " ");
                    sp = false;
                    if (!w)
                        w = rh_buf_printf(out, "%c", note[q]);
                }
            } else if (!w) {
                w = rh_buf_puts(out, r->f[grp[a]].words);
            }
            if (!w)
                w = rh_buf_puts(out, "\"");
        }
        bool more = quoted > 1;
        out = said_out;
        struct rh_buf fw, mw;
        rh_buf_init(&fw, 0);
        rh_buf_init(&mw, 0);
        if (!w)
            w = rh_note_finding_words(f, &fw);
        if (!w && fw.data)
            w = map ? rh_text_person(map, fw.data, &mw) : rh_buf_puts(&mw, fw.data);
        if (!w)
            w = rh_buf_printf(out, rh__words("plan_words", more ? "note_read_many" : "note_read"),
                              qb.data ? qb.data : "", mw.data ? mw.data : "");
        rh_buf_release(&fw);
        rh_buf_release(&mw);
        rh_buf_release(&qb);
        if (!w)
            w = rh_buf_puts(out, ".\n");
    }
    if (!w)
        w = rh_note_statements(r, child, statement_line, out);
    if (!w)
        w = rh_note_weight_line(r, web, out);
    return w;
}

/* session 17 (branch diaryword): the [note_read] word of a finding whose
 * fact has none of its own but whose family reads back in its own words
 * (data/wording.txt [note_read_fact], by the fact's name or its first word:
 * the saddle facts stand for signs:bladder_bowel, which reads "bladder or
 * bowel trouble"), or NULL. */
static const char *fact_reads(const struct rh_note_finding *f)
{
    if (f->reads[0])
        return f->reads;
    const char *w = rh_words("note_read_fact", f->fact);
    if (!w) {
        char fam[32];
        rh__fmt(fam, sizeof fam, "%.*s", (int)strcspn(f->fact, "_"), f->fact);
        w = rh_words("note_read_fact", fam);
    }
    return w;
}

int rh_note_finding_words(const struct rh_note_finding *f, struct rh_buf *out)
{
    const char *rd = fact_reads(f);
    const char *w = rd ? rh_words("note_read", rd) : NULL;
    if (w)
        return rh_buf_puts(out, w);
    return rh_text_note_words(f->sets, out);
}

/* The note's words behind a flag (t->said): each finding, not negated, one
 * of whose intake words is among the answers that fired it. */
static void note_said(const struct rh_note_reading *n, struct rh_triage_flag *t)
{
    t->said[0] = '\0';
    t->said_sets[0] = '\0';
    /* runner19: a finding whose words overlap words already quoted ("numb
     * bum" over "numb") stands for its answers too: its intake words join
     * the quote's (so the reason does not retell them as answers: "and you
     * have new bladder or bowel trouble", never written); the words first
     * quoted stay the quote, and with them the flag's heading */
    struct {
        int from, to;
        const char *words;
        char sets[200];
    } q[RH_NOTE_MAX_FINDINGS];
    int k = 0;
    for (int i = 0; i < n->n; i++) {
        const struct rh_note_finding *f = &n->f[i];
        if (f->negated || !f->words[0])
            continue;
        bool in = false;
        for (const char *p = f->sets; *p && !in;) {
            size_t len = strcspn(p, " ");
            in = len && answers_have(t->why, p, len);
            p += len;
            p += strspn(p, " ");
        }
        if (!in)
            continue;
        int j = 0;
        while (j < k && !(f->from < q[j].to && q[j].from < f->to))
            j++;
        if (j == k) {
            q[k].from = f->from;
            q[k].to = f->to;
            q[k].words = f->words;
            q[k++].sets[0] = '\0';
        }
        rh_str_appendf(q[j].sets, sizeof q[j].sets, "%s%s", q[j].sets[0] ? " " : "", f->sets);
    }
    for (int j = 0; j < k; j++) {
        rh_str_appendf(t->said, sizeof t->said, "%s\"%s\"", t->said[0] ? " and " : "", q[j].words);
        rh_str_appendf(t->said_sets, sizeof t->said_sets, "%s%s", t->said_sets[0] ? " " : "",
                       q[j].sets);
    }
}

void rh__said_title(const char *said, const char *name, char *out, size_t cap)
{
    const char *w = rh_words("text", "flag_from_note");
    if (said && *said && w)
        rh__fmt(out, cap, "%s %s", w, said);
    else
        rh__fmt(out, cap, "%s", name ? name : "");
}

/* review 9 #5 (rev9c): a flag is headed by what was seen in this person
 * ("Sweating at night", rh_assess_flag_title); the note's words go into
 * its reason ("because you wrote \"lost 4 kg\" ..."). */
void rh_triage_flag_title(const struct rh_triage_flag *f, char *out, size_t cap)
{
    if (f->heading)
        rh__fmt(out, cap, "%s", f->heading);
    else
        rh_assess_flag_title(f->id, f->why, out, cap);
}

/* session 17 (branch diaryword): the flag's heading of what the note was
 * read as, when every finding quoted for it reads back in its own words
 * with a heading of its own ([note_title]); session 25 (branch notes25):
 * the first one's when they differ ("aches at night lying in bed": pain at
 * night, and lying in bed, neither said to wake). */
static const char *note_heading(const struct rh_note_reading *n, const struct rh_triage_flag *t)
{
    const char *h = NULL;
    bool any = false;
    for (int i = 0; i < n->n; i++) {
        const struct rh_note_finding *f = &n->f[i];
        char q[sizeof f->words + 2];
        rh__fmt(q, sizeof q, "\"%s\"", f->words);
        if (f->negated || !f->words[0] || !strstr(t->said, q))
            continue;
        const char *rd = fact_reads(f);
        const char *fh = rd ? rh_words("note_title", rd) : NULL;
        if (!fh)
            return NULL;
        if (!h)
            h = fh;
        any = true;
    }
    return any ? h : NULL;
}

/* The rule's reason of a flag's why ("REASON (answers: ...) [S]"): its length. */
static size_t why_reason(const char *why)
{
    const char *end = strstr(why, " (answers: ");
    return end ? (size_t)(end - why) : 0;
}

/* The positive reason a runner reads: the rule's reason without the
 * engine's exclusions ("(not ...)": what the rule leaves out is for the
 * clinician, review 7b N7), "" when there is none or no memory. */
static void runner_reason(const char *why, char *out, size_t cap)
{
    out[0] = '\0';
    size_t n = why_reason(why);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    if (n && rh_text_drop_exclusions(why, n, &b) == 0 && b.data)
        rh__copy_sentences(out, cap, b.data);
    rh_buf_release(&b);
}

/* review 9 #5 (rev9c): the reason names only what was seen: the note's
 * words and the answers that fired it (rh_assess_flag_because), never the
 * rule's definition; the rule's reason only when neither is known */
bool rh_triage_flag_topic(const struct rh_triage_flag *f, char *topic, size_t cap)
{
    /* the answers name it "note=topic_night", the note's words "note:topic_night" */
    const char *ans = strstr(f->why, " (answers: ");
    const char *p = ans ? strstr(ans, "note=topic_") : NULL;
    if (!p)
        p = strstr(f->said_sets, "note:topic_");
    if (!p)
        return false;
    p += 5;
    size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz_");
    if (topic && cap)
        rh__fmt(topic, cap, "%.*s", (int)n, p);
    return n > 6;
}

void rh_triage_flag_reason(const struct rh_triage_flag *f, char *out, size_t cap)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    if (rh_assess_flag_because(f->why, f->said, f->said_sets, NULL, &b) == 0 && b.len)
        rh__copy_sentences(out, cap, b.data);
    else
        runner_reason(f->why, out, cap);
    rh_buf_release(&b);
    /* session 17 (branch diaryword): a topic, not the sign read for sure:
     * the question to ask and when it is urgent */
    char topic[40];
    const char *ask = rh_triage_flag_topic(f, topic, sizeof topic)
                          ? rh_words("topic_advice", topic) : NULL;
    if (ask && out[0]) {
        char s[RH_ASSESS_FLAG_WHY_LEN];
        rh__fmt(s, sizeof s, "%s. %s", out, ask);
        rh__copy_sentences(out, cap, s);
    } else if (ask) {
        rh__copy_sentences(out, cap, ask);
    }
}

void rh_triage_flag_words(const struct rh_triage_flag *f, char *out, size_t cap)
{
    rh_triage_flag_title(f, out, cap);
    char reason[RH_ASSESS_FLAG_WHY_LEN];
    rh_triage_flag_reason(f, reason, sizeof reason);
    if (reason[0])
        rh_str_appendf(out, cap, ": %s", reason);
}

/* polish29: "Warning sign: a numb foot or leg ..." (data/wording.txt
 * [plan_words] warning_sign): the flag's words go mid-sentence, so their
 * first word is not capitalised (an initialism such as "ACL" is kept). */
void rh_triage_flag_sign(const struct rh_triage_flag *f, char *out, size_t cap)
{
    char words[RH_ASSESS_FLAG_WHY_LEN];
    rh_triage_flag_words(f, words, sizeof words);
    if (isupper((unsigned char)words[0]) && (islower((unsigned char)words[1]) || words[1] == ' '))
        words[0] = (char)tolower((unsigned char)words[0]);
    const char *ws = rh__plan_word("warning_sign");
    rh__fmt(out, cap, ws ? ws : "%s", words);
}

/* The line of id in a diary_said list, or NULL; *len its length with "\n". */
static const char *said_line(const char *list, const char *id, size_t *len)
{
    size_t idn = strlen(id);
    for (const char *p = list; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
        if (!strncmp(p, id, idn) && p[idn] == '\t') {
            *len = n;
            return p;
        }
        p += n;
    }
    return NULL;
}

void rh__said_put(char *list, size_t cap, const struct rh_triage_flag *f, int32_t day)
{
    char reason[RH_ASSESS_FLAG_WHY_LEN]; /* "because you wrote ..." (review 9 #5) */
    rh_triage_flag_reason(f, reason, sizeof reason);
    if (!f->said[0])
        return;
    if (reason[0] && !strchr(".!?", reason[strlen(reason) - 1])) /* a sentence */
        rh_str_appendf(reason, sizeof reason, ".");
    size_t len;
    char *old = (char *)said_line(list, f->id, &len);
    if (old) /* the latest words of the sign */
        memmove(old, old + len, strlen(old + len) + 1);
    size_t at = strlen(list);
    char d[11] = "";
    if (day > 0)
        rh_date_format(day, d);
    int w = snprintf(list + at, cap - at, "%s\t%s\t%s%s%s\n", f->id, f->said, reason,
                     *d ? "\t" : "", d);
    if (w < 0 || (size_t)w >= cap - at)
        list[at] = '\0'; /* no room: the flag keeps its name */
}

void rh__title_put(char *list, size_t cap, const struct rh_triage_flag *f)
{
    char title[300], reason[RH_ASSESS_FLAG_WHY_LEN];
    rh_triage_flag_title(f, title, sizeof title);
    rh_triage_flag_reason(f, reason, sizeof reason);
    for (char *p = reason; *p; p++) /* one line of three fields */
        if (*p == '\t' || *p == '\n')
            *p = ' ';
    if (reason[0] && !strchr(".!?", reason[strlen(reason) - 1])) /* a sentence */
        rh_str_appendf(reason, sizeof reason, ".");
    size_t len;
    char *old = (char *)said_line(list, f->id, &len);
    if (old) /* the latest words of the sign */
        memmove(old, old + len, strlen(old + len) + 1);
    size_t at = strlen(list);
    int w = snprintf(list + at, cap - at, "%s\t%s\t%s\n", f->id, title, reason);
    if (w < 0 || (size_t)w >= cap - at)
        list[at] = '\0'; /* no room: the flag keeps its name */
}

bool rh__title_get(const char *list, const char *id, char *title, size_t tcap, char *because,
                   size_t bcap)
{
    size_t len;
    const char *p = said_line(list, id, &len);
    if (!p)
        return false;
    const char *t = p + strlen(id) + 1, *e = p + len - (p[len - 1] == '\n');
    const char *tab = memchr(t, '\t', (size_t)(e - t));
    if (!tab)
        return false;
    rh__fmt(title, tcap, "%.*s", (int)(tab - t), t);
    rh__fmt(because, bcap, "%.*s", (int)(e - tab - 1), tab + 1);
    return *title != '\0';
}

bool rh__said_get(const char *list, const char *id, char *words, size_t wcap, char *reason,
                  size_t rcap, char date[11])
{
    size_t len;
    const char *p = said_line(list, id, &len);
    if (!p)
        return false;
    const char *w = p + strlen(id) + 1, *t = memchr(w, '\t', len - (size_t)(w - p));
    if (!t)
        return false;
    rh__fmt(words, wcap, "%.*s", (int)(t - w), w);
    size_t end = len - (p[len - 1] == '\n'); /* the line without its "\n" */
    /* the day it was written, the last field (a plan stored before has none) */
    const char *r = t + 1, *d = memchr(r, '\t', (size_t)(p + end - r));
    date[0] = '\0';
    if (d && p + end - d - 1 == 10)
        rh__fmt(date, 11, "%.10s", d + 1);
    /* never cut mid-sentence (review 7b N1): the whole reason, or its
     * sentences that fit */
    /* a plan stored before kept the exclusions: the positive reason only */
    size_t rn = (size_t)((d ? d : p + end) - r);
    struct rh_buf pos;
    rh_buf_init(&pos, 0);
    if (rh_text_drop_exclusions(r, rn, &pos) == 0 && pos.data)
        rh__copy_sentences(reason, rcap, pos.data);
    else
        rh__fmt(reason, rcap, "%s", "");
    rh_buf_release(&pos);
    return true;
}

/* Whether the answers `ans` ("(answers: ...") hold key= (note=, signs=)
 * told, not one found absent ("no note=..."). */
static bool answers_tell(const char *ans, const char *key)
{
    bool told = false;
    for (const char *p = ans ? strstr(ans, key) : NULL; p && !told; p = strstr(p + 1, key))
        told = !(p - ans >= 3 && strncmp(p - 3, "no ", 3) == 0);
    return told;
}

/* session 11 (branch rev11a), review 11 #1: whether a flag's why `now`
 * fired on what only a note tells (note:WORD among its answers) with
 * another reason than `before`. */
static bool new_note_reason(const char *before, const char *now)
{
    size_t nb = why_reason(before), nn = why_reason(now);
    const char *ans = strstr(now, "(answers: ");
    bool note = answers_tell(ans, "note=");
    /* session 15 (branch diary16): a sign (signs=WORD) among the answers
     * is the entry's, for the context carries none: weight lost without
     * trying, night sweats, told in a note after a cancer the assessment
     * flagged already, are new warning signs the runner must hear, not the
     * old flag kept silent */
    if (answers_tell(ans, "signs=") && !strstr(before, "signs="))
        return true;
    return note && nn && (nb != nn || strncmp(before, now, nn) != 0);
}

/* The flag `id` of assessment a when raised at `at_least` or above; NULL
 * when not (an assessment raises each flag once). */
static const struct rh_assess_flag *flag_in(const struct rh_assessment *a, const char *id,
                                            enum rh_disposition at_least)
{
    for (int j = 0; j < a->n_flags; j++)
        if (strcmp(a->flags[j].id, id) == 0)
            return a->flags[j].min_disposition >= at_least ? &a->flags[j] : NULL;
    return NULL;
}

const char *rh_pain_activity_said(const struct rh_pain_entry *e)
{
    if (!e || !e->activity[0] || e->during_run < 0)
        return NULL;
    char k[32];
    snprintf(k, sizeof k, "activity.%s", e->activity);
    return rh_words("text", k);
}

const char *rh_session_kind_said(enum rh_session_kind k)
{
    char key[40];
    snprintf(key, sizeof key, "session.%s", rh_session_kind_name(k));
    const char *w = rh_words("text", key); /* a required key (rh_text_check) */
    return w ? w : rh_session_kind_name(k);
}

int rh_triage_entry(const struct rh_intake *context, int days_since, const struct rh_pain_entry *e,
                    uint32_t signs, struct rh_triage *out, struct rh_err *err)
{
    return rh_triage_entry_weighed(context, days_since, e, signs, 0, out, err);
}

int rh_triage_entry_weighed(const struct rh_intake *context, int days_since,
                            const struct rh_pain_entry *e, uint32_t signs, double body_kg,
                            struct rh_triage *out, struct rh_err *err)
{
    memset(out, 0, sizeof *out);
    int r = rh_note_read_weighed(e ? e->note : NULL, body_kg, &out->note, err);
    if (r)
        return r;
    struct rh_intake base, full;
    context_of(context, days_since, &base);
    full = base;
    if (e) {
        int now = e->pain;
        if (e->next_morning > now)
            now = e->next_morning;
        full.pain_now = now;
        if (e->during_run >= 0)
            full.pain_run = e->during_run;
        if (e->next_morning >= 0)
            full.pain_next_morning = e->next_morning;
    }
    /* a tick that is no intake sign ("wakes me at night") stands for what
     * the same words in the note stand for (data/diary_phrases.txt [tick.*]) */
    rh_note_apply_ticks(signs, &out->note);
    signs &= ~RH_TICK_MASK;
    const struct rh_note_reading *n = &out->note;
    /* a score written in the note counts as pain now when it is higher than
     * the one entered (a check-in has none) */
    /* the age a note tells, where the assessment did not say it */
    if (n->age >= 0 && full.age < 0)
        full.age = n->age;
    if (n->pain > full.pain_now)
        full.pain_now = n->pain;
    /* session 10 (branch diary11), review 10 #11: pain told as agony with no
     * score is severe pain, the 7/10 where severe begins on the 0-10 scale
     * (Boonstra and colleagues 2016, Front Psychol 7:1466: 7 or more is severe) */
    if ((n->note_facts & RH_BIT(RH_NOTE_FACT_AGONY)) && n->pain < 0 && full.pain_now < 7)
        full.pain_now = 7;
    /* session 23 (branch diary27): a fever the reader set aside as the
     * infection the note names, the joints told spared, counts again when
     * the entry itself gives pain of 5/10 or more (the reader's own bar, a
     * score in the note): the hip does hurt, and fever with hip pain is an
     * infected joint until examined (SepticHip) */
    if (e && (e->pain >= 5 || e->during_run >= 5 || e->next_morning >= 5)) {
        for (int i = 0; i < out->note.n; i++) {
            struct rh_note_finding *f = &out->note.f[i];
            if (f->aside != RH_ASIDE_FEVER_SPARED)
                continue;
            if (f->negated)
                out->note.signs |= RH_BIT(RH_SIGN_FEVER);
            else /* the named illness reads back as its fact does */
                f->reads[0] = '\0';
            f->negated = false;
            f->aside = 0;
        }
    }
    out->signs = signs | n->signs;
    /* a list the entry speaks of is answered with what it says (like words
     * ticked in the questionnaire: "woke me at night" without "lying on that
     * side" is not side-lying pain); a list it says nothing of stays
     * unanswered, so the rules treat it as unknown (weakness with an
     * undescribed feel may still be a nerve sign) */
    full.has_signs = out->signs != 0;
    full.signs = out->signs;
    full.has_worse_with = n->worse_with != 0;
    full.worse_with = n->worse_with;
    /* session 10 (branch diary11), review 10 #5: activity pain of an entry
     * whose note tells a walk and no run is pain on walking, not running
     * pain: the reasons then say "walking hurts" */
    if (e && e->during_run >= 0 && (n->note_facts & RH_BIT(RH_NOTE_FACT_WALK_ONLY))) {
        full.pain_run = base.pain_run;
        if (e->during_run >= 1) {
            full.has_worse_with = true;
            full.worse_with |= RH_BIT(RH_WORSE_WALKING);
        }
    }
    /* night pain told without its position ("ached all night, hard to
     * sleep") by a runner whose assessment said lying on the side hurts is
     * that positional night pain, judged as the questionnaire judges night
     * with side-lying (data/red_flags.txt [night_or_rest_pain]: not a sign
     * of a tumour); night pain told as whatever way one lies
     * (note:night_any_side, data/diary_phrases.txt) is not (GGC-RF;
     * GrimaldiFearon15; review 8 finding 5) */
    /* session 13 (branch diary14): nor the note's own side-lying words
     * when it says turning over does not help ("it wakes me, I turn on the
     * other side but is same": the side named is the one turned to) */
    if (n->note_facts & RH_BIT(RH_NOTE_FACT_NIGHT_ANY_SIDE))
        full.worse_with &= ~RH_BIT(RH_WORSE_LYING_ON_SIDE);
    if (context && context->has_worse_with &&
        (context->worse_with & RH_BIT(RH_WORSE_LYING_ON_SIDE)) &&
        (n->worse_with & RH_BIT(RH_WORSE_NIGHT)) &&
        !(n->note_facts & RH_BIT(RH_NOTE_FACT_NIGHT_ANY_SIDE)))
        full.worse_with |= RH_BIT(RH_WORSE_LYING_ON_SIDE);
    /* session 29 (walk29): the stiff hip the assessment found (stiff in the
     * morning, a hip that moves less) is the joint's standing picture, not
     * the day's: a note that tells when it hurts, or a sign, is read with
     * it, as the assessment was. A 63-year-old's arthritic hip whose walking
     * already hurt was sent to a doctor for a stress fracture by the note
     * "walking to the shops hurts", where the assessment of the same
     * answers set that warning aside (data/terms.txt older_oa_no_bone_story,
     * which reads the stiffness; NICE-OA). A list the entry says nothing of
     * stays unanswered, as above. */
    if (context && context->has_worse_with && (context->worse_with & RH_BIT(RH_WORSE_MORNING)) &&
        full.has_worse_with)
        full.worse_with |= RH_BIT(RH_WORSE_MORNING);
    if (context && context->has_signs && (context->signs & RH_BIT(RH_SIGN_REDUCED_MOTION)) &&
        full.has_signs)
        full.signs |= RH_BIT(RH_SIGN_REDUCED_MOTION);
    /* a feel the note tells adds to the answered one (context_of) */
    if (n->character) {
        full.has_character = true;
        full.character |= n->character;
    }
    if (n->location) {
        full.has_location = true;
        full.location |= n->location;
    }
    if (n->onset_event >= 0)
        full.onset_event = (enum rh_onset_event)n->onset_event;
    full.note_facts |= n->note_facts;
    /* session 21 (branch runner21b): tingling or numbness of the leg the
     * note tells that the latest assessment already had (its character
     * tingling or numbness, location down_leg), of no kind it did not have
     * (numbness where it had only tingling is new in kind): note:nerve_known.
     * Whether that sets a warning sign aside is the red-flag rules' (data/
     * terms.txt known_leg_nerve_feel: not when spreading, worse, in both
     * legs or with weakness) */
    const uint32_t feel = RH_BIT(RH_CHAR_TINGLING) | RH_BIT(RH_CHAR_NUMBNESS);
    bool nerve_known = context && context->has_character && context->has_location &&
                       (context->location & RH_BIT(RH_LOC_DOWN_LEG)) &&
                       (context->character & feel) && (n->character & feel) &&
                       !(n->character & feel & ~context->character);
    if (nerve_known)
        full.note_facts |= RH_BIT(RH_NOTE_FACT_NERVE_KNOWN);
    if (n->side >= 0)
        full.side = (enum rh_side)n->side;
    /* "suddenly" in a note is taken only where the assessment did not say
     * how the pain began: a note cannot turn a gradual onset sudden and so
     * lose a flag that the gradual course raises */
    if (n->onset >= 0 && full.onset == RH_ONSET_UNKNOWN)
        full.onset = (enum rh_onset)n->onset;
    if (n->episodes >= 0 && full.episodes == RH_EPISODES_UNKNOWN)
        full.episodes = (enum rh_episodes)n->episodes;
    /* what helps, and history told in a note ("nothing helps", "I had
     * cancer"), add to what the assessment knew */
    /* The diary never asks what eases the pain, so its silence is not the
     * questionnaire's "nothing said to ease it": the list counts as answered
     * with what the note says, if anything. A score of 7 in a diary entry is
     * the day's pain, which the plan's pain rules answer (hold, a
     * physiotherapist); it is a red flag when the note says nothing helps. */
    full.has_better_with = true;
    full.better_with |= n->better_with;
    if (n->recent_change) {
        full.has_recent_change = true;
        full.recent_change |= n->recent_change;
    }
    if (n->history) {
        full.has_history = true;
        full.history |= n->history;
    }

    /* review 11 #7 (session 12, branch loop12): a hop test the assessment
     * recorded as painless lowers a bone stress injury (data/terms.txt
     * hop_not_known_painless; RobertsonWood17), as a clinician weighs it:
     * the same picture told again in a note (groin pain on runs after a
     * birth or a rise in load) is not read afresh as a stress fracture.
     * Only where the note tells no new sign of one: hopping that hurts or
     * cannot be done, a limp, no weight on the leg, pain on walking, on
     * standing on the leg, at rest or at night keep the hop unknown, so
     * every flag the note itself states still fires. */
    if (context && context->test[RH_TEST_HOP] == RH_TRI_NO &&
        !(out->signs & (RH_BIT(RH_SIGN_LIMP) | RH_BIT(RH_SIGN_CANNOT_BEAR_WEIGHT))) &&
        !(full.worse_with & (RH_BIT(RH_WORSE_HOPPING) | RH_BIT(RH_WORSE_WALKING) |
                             RH_BIT(RH_WORSE_STANDING_ONE_LEG) | RH_BIT(RH_WORSE_NIGHT) |
                             RH_BIT(RH_WORSE_REST))))
        full.test[RH_TEST_HOP] = base.test[RH_TEST_HOP] = RH_TRI_NO;
    /* two assessments of about 10 kB each (and two more for a reason,
     * session 11 branch rev11a): on the heap */
    struct rh_assessment *a = rh_calloc(4, sizeof *a);
    if (!a)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    if ((r = rh_assess(&base, &a[0], err)) == 0)
        r = rh_assess(&full, &a[1], err);
    bool alone_done = false;
    if (r) {
        rh_free(a);
        return r;
    }
    /* the reading says the known feel set a warning sign aside only when
     * it did: a flag that fires without note:nerve_known is set aside with
     * it (rh_note_reading_lines, data/wording.txt [text] note_known_nerve) */
    if (nerve_known) {
        struct rh_intake plain = full;
        plain.note_facts &= ~RH_BIT(RH_NOTE_FACT_NERVE_KNOWN);
        if ((r = rh_assess(&plain, &a[2], err))) {
            rh_free(a);
            return r;
        }
        for (int i = 0; i < a[2].n_flags; i++)
            for (int j = 0; j < a[1].n_set_aside; j++)
                if (!a[2].flags[i].low && !strcmp(a[2].flags[i].id, a[1].set_aside[j].id) &&
                    !flag_in(&a[0], a[2].flags[i].id, a[2].flags[i].min_disposition))
                    out->note.note_facts |= RH_BIT(RH_NOTE_FACT_NERVE_KNOWN);
    }
    for (int i = 0; i < a[1].n_flags && out->n_flags < RH_ASSESS_MAX_FLAGS; i++) {
        const struct rh_assess_flag *f = &a[1].flags[i];
        /* session 12 (branch flaginfo): a flag raised below its full level
         * is information for the assessment's page, not a diary reply: the
         * note reader keeps its behaviour (a harmless fall stays quiet) */
        if (f->low)
            continue;
        /* session 10 (branch diary11), review 10 #5: a flag the context
         * raises already is the entry's too when the entry makes it more
         * urgent (a sudden change in a suspected bone stress injury) */
        bool before = false;
        /* session 10 (branch notes7dev): a pain the note calls new
         * (note:new_pain) is not the one the assessment judged, so the
         * warning signs of the runner's history stand for it again ("new
         * ache in my left hip this month" after a cancer: GGC-RF, new pain
         * after a cancer); session 10 (branch diary11): a flag the
         * assessment raised counts as raised before only at its urgency or
         * above (an entry that makes it more urgent is reported) */
        bool new_pain = n->note_facts & RH_BIT(RH_NOTE_FACT_NEW_PAIN);
        const struct rh_assess_flag *had = new_pain ? NULL : flag_in(&a[0], f->id, f->min_disposition);
        const char *base_why = had ? had->why : NULL;
        before |= had != NULL;
        /* session 11 (branch rev11a), review 11 #1: a flag the assessment
         * raised already (a fall at 68: trauma, today) is the entry's again
         * when it fires, as urgently, for a reason that reads what only a
         * note tells (note:WORD: a head knock on a blood thinner): the
         * runner hears the new reason, not "acceptable: keep going" */
        if (before && new_note_reason(base_why, f->why))
            before = false;
        if (before)
            continue;
        struct rh_triage_flag *t = &out->flags[out->n_flags++];
        t->id = f->id;
        t->name = f->name;
        t->urgency = f->min_disposition;
        t->running = f->min_running;
        rh__fmt(t->why, sizeof t->why, "%s", f->why);
        if (n->note_facts & RH_BIT(RH_NOTE_FACT_MOMENT_ONSET))
            drop_onset_answers(t->why);
        note_said(&out->note, t);
        /* session 11 (branch rev11a), review 11 #7: when the rule's reason
         * shown names none of the note's words (another rule of the flag
         * that fires too comes first: "running hurts 3/10, you gave birth"
         * for a note that told a limp), and the note's words raise the flag
         * by themselves (the entry without its scores) or the entry without
         * its note does not, the note's findings are named, so the runner
         * can tell what changed */
        bool sign_told = false;
        for (int k = 0; k < out->note.n && !t->said[0]; k++)
            sign_told |= rh_note_finding_shown(&out->note, k) &&
                         strncmp(out->note.f[k].sets, "note:", 5) != 0;
        if (sign_told && !alone_done && r == 0) {
            /* [2]: the entry without its note; [3]: the note without the
             * entry's scores */
            struct rh_intake plain = base, alone = full;
            if (e) {
                plain.pain_now = full.pain_now;
                plain.pain_run = e->during_run >= 0 ? e->during_run : base.pain_run;
                plain.pain_next_morning = full.pain_next_morning;
            }
            plain.has_signs = signs != 0;
            plain.signs = signs;
            alone.pain_now = base.pain_now;
            alone.pain_run = base.pain_run;
            alone.pain_next_morning = base.pain_next_morning;
            if ((r = rh_assess(&plain, &a[2], err)) == 0)
                r = rh_assess(&alone, &a[3], err);
            alone_done = true;
            if (r)
                break;
        }
        if (sign_told && alone_done) {
            bool plain_has = flag_in(&a[2], f->id, f->min_disposition) != NULL;
            bool alone_has = flag_in(&a[3], f->id, RH_DISP_SELF_CARE) != NULL;
            for (int k = 0; k < out->note.n && (!plain_has || alone_has); k++) {
                const struct rh_note_finding *g = &out->note.f[k];
                if (!rh_note_finding_shown(&out->note, k) || strncmp(g->sets, "note:", 5) == 0)
                    continue;
                rh_str_appendf(t->said, sizeof t->said, "%s\"%s\"", t->said[0] ? " and " : "",
                               g->words);
                rh_str_appendf(t->said_sets, sizeof t->said_sets, "%s%s",
                               t->said_sets[0] ? " " : "", g->sets);
            }
        }
        t->heading = note_heading(&out->note, t);
        if (!out->has_urgency || t->urgency > out->urgency)
            out->urgency = t->urgency;
        out->has_urgency = true;
    }
    rh_free(a);
    return r;
}

int rh_triage_signs_words(uint32_t mask, char *out, size_t cap, struct rh_err *err)
{
    if (cap)
        out[0] = '\0';
    int ns = rh_intake_word_count(RH_INTAKE_LIST_SIGN), nt = rh_note_tick_count();
    uint32_t known = (ns >= 32 ? ~0u : (1u << ns) - 1u);
    for (int t = 0; t < nt && RH_TICK_SHIFT + t < 32; t++)
        known |= RH_BIT(RH_TICK_SHIFT + t);
    if (mask & ~known)
        return rh_err_set(err, RH_EKEY, "signs: 0x%08x has a sign runhip does not know",
                          (unsigned)(mask & ~known));
    size_t n = 0;
    for (int i = 0; i < ns + nt; i++) {
        uint32_t bit = i < ns ? RH_BIT(i) : RH_BIT(RH_TICK_SHIFT + i - ns);
        if (!(mask & bit))
            continue;
        const char *w = i < ns ? rh_intake_word(RH_INTAKE_LIST_SIGN, i) : rh_note_tick_word(i - ns);
        int k = snprintf(out + n, cap > n ? cap - n : 0, "%s%s", n ? ", " : "", w ? w : "");
        if (k < 0 || (size_t)k >= (cap > n ? cap - n : 0)) {
            if (cap)
                out[0] = '\0';
            return rh__named_err(err, RH_ELIMIT, "diary_words", "signs_too_many", NULL, NULL, 0);
        }
        n += (size_t)k;
    }
    return 0;
}

void rh_triage_signs_said(const char *words, char *out, size_t cap)
{
    if (!cap)
        return;
    out[0] = '\0';
    if (!words || !*words)
        return;
    struct rh_quest q;
    struct rh_err e;
    bool labels = rh_quest_init(&q, &e) == 0;
    char tmp[RH_SIGNS_TEXT_MAX];
    snprintf(tmp, sizeof tmp, "%s", words);
    char *save = NULL;
    for (char *w = strtok_r(tmp, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
        const char *label = NULL;
        int t = rh_note_tick_find(w);
        if (t >= 0)
            label = rh_note_tick_label(t);
        else if (labels)
            label = rh_quest_word_label(&q, "signs", w);
        rh_str_appendf(out, cap, "%s%s", *out ? "; " : "", label ? label : w);
    }
    if (labels)
        rh_quest_release(&q);
}

int rh_triage_sign_choices(rh_sign_choice_fn *fn, void *arg)
{
    struct rh_quest q;
    struct rh_err err;
    bool labels = rh_quest_init(&q, &err) == 0;
    int r = 0, n = rh_intake_word_count(RH_INTAKE_LIST_SIGN);
    for (int i = 0; !r && i < n && i < RH_TICK_SHIFT; i++) {
        const char *w = rh_intake_word(RH_INTAKE_LIST_SIGN, i);
        const char *label = labels ? rh_quest_word_label(&q, "signs", w) : NULL;
        if (labels && !label)
            continue; /* a word the questionnaire never offers (none since
                       * walk29 offers weak_one_side, a leg that lost
                       * strength below the hip, beside weak_progressive) */
        r = fn(arg, w, label ? label : w, 1u << i);
    }
    /* the diary's own ticks, judged as the same words in a note
     * (data/diary_phrases.txt [tick.*]) */
    for (int i = 0; !r && i < rh_note_tick_count(); i++)
        r = fn(arg, rh_note_tick_word(i), rh_note_tick_label(i), 1u << (RH_TICK_SHIFT + i));
    if (labels)
        rh_quest_release(&q);
    return r;
}

int rh_triage_signs_json(const char *words, struct rh_buf *b)
{
    char tmp[RH_SIGNS_TEXT_MAX];
    snprintf(tmp, sizeof tmp, "%s", words ? words : "");
    int r = rh_buf_puts(b, "[");
    char *save = NULL;
    bool first = true;
    for (char *w = strtok_r(tmp, ", ", &save); w && !r; w = strtok_r(NULL, ", ", &save)) {
        if (!first)
            r = rh_buf_puts(b, ",");
        if (!r)
            r = rh_buf_json_str(b, w);
        first = false;
    }
    return r ? r : rh_buf_puts(b, "]");
}
