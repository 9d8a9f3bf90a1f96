/* SPDX-License-Identifier: MIT */
/*
 * Everything shown from a plan state: the day-by-day calendar (from the
 * weekly templates of data/plan_rules.txt), the weekly running volume, and
 * the plan as text, as JSON and as an RFC 5545 iCalendar file.
 */
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#include "plan/plan_int.h"
#include "runhip/assess.h"
#include "runhip/intake.h"
#include "runhip/load.h"
#include "runhip/text.h"
#include "util/banned.h"

#define MAX_LIST 6

/* "2 March" */
static void day_words(int32_t day, char *out, size_t cap)
{
    static const char *const months[12] = {"January", "February", "March",     "April",
                                           "May",     "June",     "July",      "August",
                                           "September", "October", "November", "December"};
    int y, m, d;
    rh_civil_from_days(day, &y, &m, &d);
    rh__fmt(out, cap, "%d %s", d, months[(m - 1) % 12]);
}

/* words18: the plan's own words, data/wording.txt [plan_words], a closed
 * set checked at load (rh__plan_words_check): each key with the printf
 * conversions its text must hold, in order ("s": %s, "d": %d, "f": %f/%g),
 * so a text cannot ask for a value the code does not give. */
static const struct rh_words_format plan_words[] = {
    {"monday", ""}, {"tuesday", ""}, {"wednesday", ""}, {"thursday", ""}, {"friday", ""},
    {"saturday", ""}, {"sunday", ""},
    {"title", ""}, {"when_before_clearance", "s"}, {"when_done", "s"}, {"for_when", "s"},
    {"for_when_cleared", ""}, {"advice", "sss"},
    {"advice_answers", "sss"}, {"phase_since", "sd"}, {"three_day_test", ""},
    {"ladder_stage", "ddd"}, {"not_yet", ""}, {"from_phase", "d"}, {"left_out", "s"},
    {"training_data", ""}, {"next_two_weeks", "ss"}, {"every_day", "sss"},
    {"pain_rule_after", ""}, {"pain_rule_log", ""}, {"three_day_log", ""}, {"history", ""},
    {"today", "ss"}, {"today_head", ""}, {"today_button", ""},
    /* words27: the day's log as Today says it, the exercises' daily line,
     * the notice's source of the assessment's signs */
    {"logged_pain_during", "dd"}, {"logged_pain", "d"},
    {"logged_km_minutes", "ff"}, {"logged_km", "f"}, {"logged_minutes", "f"},
    {"recorded_km", "sf"}, {"recorded_minutes", "sf"}, {"recorded", "s"},
    {"recorded.other", ""}, {"recorded.running", ""}, {"recorded.trail_running", ""},
    {"recorded.treadmill", ""}, {"recorded.walking", ""}, {"recorded.cycling", ""},
    {"recorded.swimming", ""}, {"recorded.strength", ""},
    {"exercise_daily", ""}, {"exercise_every_day", "ssss"}, {"notice_from_assessment", ""},
    /* what a diary note was read as (triage.c): %s its words quoted, %s the reading */
    {"note_read", "ss"}, {"note_read_many", "ss"}, {"note_read_and", ""},
    {"today_rest", ""}, {"today_why", "ss"}, {"you_are", ""}, {"child_is", ""},
    {"pain_rule", "s"}, {"what_to_log", "s"}, {"log_tomorrow", ""}, {"log_commands", ""},
    {"no_plan", ""}, {"no_plan_how", ""},
    {"walk_test_title", ""}, {"walk_test", ""}, {"ladder_walk_run", "dddf"}, {"ladder_run", "df"},
    {"ladder_detail", "fds"}, {"easy_run_calm", "fdsf"}, {"easy_run", "fdsf"},
    {"easy_run_time", ""}, {"visit_cross_title", "ss"}, {"visit_rest_title", "s"},
    {"strength_title", "s"}, {"mobility_title", ""}, {"stretch_cue", ""},
    {"cross_title", "s"}, {"rest_no_running", ""}, {"rest", ""},
    {"cleared_follows", "ss"}, {"info", ""}, {"why_label", ""}, {"no_running_block", ""},
    {"no_running_pelvic", ""}, {"no_running_hold", ""}, {"sign_in_force", ""},
    {"signs_in_force", ""}, {"cleared_by", "s"}, {"calendar_name", ""}, {"phase_label", "s"},
    {"cadence", "sf"}, {"cadence_recent", ""}, {"cadence_before", ""}, {"reduced", "dsfss"},
    {"reduced_recent", ""}, {"reduced_shorter", ""}, {"note_ladder", "d"},
    {"note_ladder_then", "dfs"}, {"note_example", "fs"},
    {"booking_both", "ss"}, {"booking_sign", ""}, {"booking_signs", ""},
    {"notice_logged", "ss"}, {"notice_logged_diary", "s"}, {"notice_before_assessment", ""},
    {"notice_hold_on", "s"}, {"notice_hold_diary", ""}, {"notice_why", "ss"},
    {"notice_why_many", "ss"}, {"notice_why_above", "s"}, {"notice_why_above_many", "s"},
    {"notice_kept_end", ""}, {"notice_hold_kept", ""}, {"notice_because", "s"},
    {"notice_care_now", "ss"}, {"notice_stop_advised", ""}, {"notice_stop_urgent", ""},
    {"notice_not_cleared", ""}, {"notice_comeback", ""}, {"notice_not_covered", "ss"},
    {"notice_seen_told_heading", ""}, {"notice_seen_told", "ss"}, {"notice_seen_told_comeback", ""},
    {"event_summary", "s"}, {"event_cancelled", "s"}, {"event_a_session", ""},
    {"finding_cadence", "fff"},
    {"vol_label_before", ""}, {"vol_label_recent", ""}, {"vol_answer", "sfss"}, {"vol_answer_thin", "sfdss"}, {"vol_unknown_thin", "dss"},
    {"vol_newest", "ss"}, {"vol_it", ""}, {"vol_pain_began", ""}, {"vol_your_assessment", ""},
    {"vol_the_pain", ""}, {"vol_no_cadence", ""}, {"vol_mean", ""}, {"vol_recent", "fsdss"},
    {"vol_before", "fsdss"}, {"vol_days", "ss"}, {"vol_left_out", "fss"},
    {"vol_left_out_more", "fss"}, {"vol_jump", ""}, {"vol_spike", ""}, {"vol_jump_spike", ""},
    {"vol_pain_days", "dsf"}, {"vol_unknown_newest", "sss"}, {"vol_no_runs", ""},
    {"vol_no_runs_before", ""}, {"vol_unknown", "ss"}, {"vol_unknown_ladder", ""},
    {"vol_unknown_time", ""}, {"no_running_seen", ""},
    {"kept_when", ""}, {"kept_reason", "ss"},
    {"diary_span_from_to", "ss"}, {"diary_span_on", "s"}, {"warning_sign", "s"},
    {"cleared_running", ""},
};

static const char *const weekday_keys[7] = {"monday", "tuesday", "wednesday", "thursday",
                                            "friday", "saturday", "sunday"};

/* A text of [plan_words] ("" if the words could not be read: the load
 * refuses that first). */
static const char *PW(const char *key)
{
    return rh_words_or_empty("plan_words", key);
}

/* How long the text of fmt before its "%s" is, when s begins with it; else 0
 * (a calendar title "runhip: Easy run" against [plan_words] event_summary). */
static size_t text_before_value(const char *s, const char *fmt)
{
    const char *v = strstr(fmt, "%s");
    size_t n = v ? (size_t)(v - fmt) : 0;
    return n && strncmp(s, fmt, n) == 0 ? n : 0;
}

const char *rh__plan_word(const char *key)
{
    return PW(key);
}

static const char *weekday_name(int wd)
{
    return PW(weekday_keys[wd >= 0 && wd < 7 ? wd : 0]);
}

int rh__plan_words_check(struct rh_err *err)
{
    /* one check of a closed section of printf texts for every part
     * (rh_words_format_check, runhip/text.h) */
    return rh_words_format_check("plan_words", plan_words, sizeof plan_words / sizeof *plan_words,
                                 err);
}

static const char *phase_field(const struct rh_plan_kb *kb, enum rh_phase p, const char *key)
{
    char sec[32];
    rh__fmt(sec, sizeof sec, "phase.%s", rh_phase_id(p));
    const char *v = rh_plan_kb_get(kb, sec, key);
    return v ? v : "";
}

static const char *cond_field(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              const char *key)
{
    char sec[80];
    rh__fmt(sec, sizeof sec, "condition.%s", *st->condition ? st->condition : "strength_imbalance");
    return rh_plan_kb_get(kb, sec, key);
}

/* The condition's note and when to see someone. A note that sends the runner
 * to a doctor first gives way to its note_cleared once a professional has
 * cleared the assessment's red flags and none has blocked running since
 * (rh_plan_after_clearance): the plan then follows that clearance. NULL note: the
 * plan has no condition. */
static void cond_note(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                      const char **note, const char **refer, bool *after_clearance)
{
    *note = *st->condition ? cond_field(kb, st, "note") : NULL;
    /* session 26 (asm26): worded for the assessment's running advice when
     * the condition has a note_run_LEVEL (its one decision of how much to
     * run: "then running" is not said to a runner whose plan runs now) */
    if (*note && *st->running) {
        char key[64];
        rh__fmt(key, sizeof key, "note_run_%s", st->running);
        const char *nr = cond_field(kb, st, key);
        *note = nr ? nr : *note;
    }
    *refer = cond_field(kb, st, "refer");
    *after_clearance = false;
    const char *nc = cond_field(kb, st, "note_cleared");
    if (*note && nc && rh_plan_after_clearance(st)) {
        const char *rc = cond_field(kb, st, "refer_cleared");
        *note = nc;
        *refer = rc ? rc : *refer;
        *after_clearance = true;
    }
}

/* A text of [text] with its one "{}" replaced by n. */
static void text_n(const struct rh_plan_kb *kb, const char *key, int n, char *dst, size_t cap)
{
    const char *t = rh_plan_kb_get(kb, "text", key);
    t = t ? t : "";
    const char *ph = strstr(t, "{}");
    if (ph)
        rh__fmt(dst, cap, "%.*s%d%s", (int)(ph - t), t, n, ph + 2);
    else
        rh__fmt(dst, cap, "%s", t);
}

/* Whether the intake's text (rh_intake_to_text: "key = a, b") gives the
 * answer key:word. */
static bool intake_gives(const char *text, const char *term, size_t n)
{
    const char *colon = memchr(term, ':', n);
    if (!colon)
        return false;
    size_t kn = (size_t)(colon - term), wn = n - kn - 1;
    for (const char *l = text; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
        if (strncmp(l, term, kn) != 0 || strncmp(l + kn, " = ", 3) != 0)
            continue;
        const char *eol = strchr(l, '\n');
        size_t ln = eol ? (size_t)(eol - l) : strlen(l);
        for (const char *w = l + kn + 3; w < l + ln;) {
            size_t len = strcspn(w, ",\n");
            if (w + len > l + ln)
                len = (size_t)(l + ln - w);
            if (len == wn && strncmp(w, colon + 1, wn) == 0)
                return true;
            w += len;
            while (w < l + ln && (*w == ',' || *w == ' '))
                w++;
        }
    }
    return false;
}

void rh__refer_answers(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                       const struct rh_intake *in)
{
    st->refer_said[0] = '\0';
    const char *list = *st->condition ? cond_field(kb, st, "refer_answers") : NULL;
    struct rh_buf txt;
    rh_buf_init(&txt, 0);
    if (!list || rh_intake_to_text(in, &txt) || !txt.data) {
        rh_buf_release(&txt);
        return;
    }
    for (const char *p = list; *p;) {
        size_t tn = strcspn(p, ",");
        /* one trigger: answers joined with "+", all given */
        bool all = true;
        char said[300] = "";
        for (const char *q = p; all && q < p + tn;) {
            while (q < p + tn && *q == ' ')
                q++;
            size_t an = strcspn(q, "+,");
            if (q + an > p + tn)
                an = (size_t)(p + tn - q);
            while (an && q[an - 1] == ' ')
                an--;
            char key[64];
            rh__fmt(key, sizeof key, "%.*s", (int)an, q);
            all = an && intake_gives(txt.data, q, an);
            char *c = strchr(key, ':');
            if (c)
                *c = '.';
            const char *clause = rh_words("answer", key);
            if (all && clause)
                rh_str_appendf(said, sizeof said, "%s%s", *said ? " and " : "", clause);
            q += strcspn(q, "+,");
            q += *q == '+';
        }
        if (all && *said)
            rh_str_appendf(st->refer_said, sizeof st->refer_said, "%s%s",
                           *st->refer_said ? "; " : "", said);
        p += tn;
        p += *p == ',';
    }
    rh_buf_release(&txt);
}

/* Session 22 (runner22): the [run_answer.ID] sections whose answer
 * (KEY:WORD) the assessment gave, into st->run_answers. */
void rh__run_answers(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                     const struct rh_intake *in)
{
    st->run_answers[0] = '\0';
    struct rh_buf txt;
    rh_buf_init(&txt, 0);
    if (rh_intake_to_text(in, &txt) || !txt.data) {
        rh_buf_release(&txt);
        return;
    }
    for (size_t i = 0; i < kb->n_rules; i++) {
        const struct rh__rule *r = &kb->rules[i];
        if (strncmp(r->section, "run_answer.", 11) != 0 || strcmp(r->key, "answer") != 0 ||
            !intake_gives(txt.data, r->value, strlen(r->value)))
            continue;
        rh_str_appendf(st->run_answers, sizeof st->run_answers, "%s%s",
                       *st->run_answers ? " " : "", r->section + 11);
    }
    rh_buf_release(&txt);
}

/* The advice of each [run_answer.ID] of st->run_answers, a line each with
 * its source, after the run session's detail (dst). */
static void run_answer_lines(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                             char *dst, size_t cap)
{
    for (const char *p = st->run_answers; *p;) {
        size_t n = strcspn(p, " ");
        char sec[64];
        rh__fmt(sec, sizeof sec, "run_answer.%.*s", (int)n, p);
        const char *adv = rh_plan_kb_get(kb, sec, "advice");
        if (adv)
            rh_str_appendf(dst, cap, "%s%s [%s]", *dst ? "\n" : "", adv,
                           rh_plan_kb_get(kb, sec, "source"));
        p += n;
        p += *p == ' ';
    }
}

/* A condition's "see someone if" sentence ([condition.X] refer) with its
 * {pain_max}, the pain rule's acceptable limit, said from its one place
 * ([pain] acceptable_max; review 9 #10): the plan's text and the calendar's
 * booking event both say it so (runner16: the calendar left it raw). */
static void refer_filled(const struct rh_plan_kb *kb, const char *refer, char *out, size_t cap)
{
    const char *ph = refer ? strstr(refer, "{pain_max}") : NULL;
    if (ph)
        rh__fmt(out, cap, "%.*s%g%s", (int)(ph - refer), refer,
                rh__kb_num(kb, "pain", "acceptable_max", 5), ph + 10);
    else
        rh__fmt(out, cap, "%s", refer ? refer : "");
}

/* The "see someone if" triggers the runner's own answers already meet
 * ([condition.X] refer_days: pain lasting more than that many days,
 * refer_pain: pain now at or above it, refer_answers: the answers the
 * assessment gave, st->refer_said), as one sentence; false when none
 * does, or a professional has seen the runner since (review 7, A18). */
static bool refer_parts(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                        size_t cap)
{
    out[0] = '\0';
    if ((st->cleared && !st->blocked) || !*st->condition)
        return false;
    char sec[80], part[160];
    rh__fmt(sec, sizeof sec, "condition.%s", st->condition);
    double rd = rh__kb_num(kb, sec, "refer_days", -1), rp = -1;
    /* refer_pain = pain_rule: above the pain rule's acceptable limit, the
     * one threshold of the plan (review 9 #10; the loader allows no other) */
    const char *rps = rh_plan_kb_get(kb, sec, "refer_pain");
    if (rps && strcmp(rps, "pain_rule") == 0)
        rp = rh__kb_num(kb, "pain", "acceptable_max", 5) + 1;
    if (rd >= 0 && st->intake_days >= 0 && st->intake_days > rd) {
        text_n(kb, "refer_met_days", st->intake_days, part, sizeof part);
        rh_str_appendf(out, cap, "%s", part);
    }
    if (rp >= 0 && st->intake_pain_now >= 0 && st->intake_pain_now >= rp) {
        text_n(kb, "refer_met_pain", st->intake_pain_now, part, sizeof part);
        rh_str_appendf(out, cap, "%s%s", *out ? "; " : "", part);
    }
    if (*st->refer_said)
        rh_str_appendf(out, cap, "%s%s", *out ? "; " : "", st->refer_said);
    return *out != '\0';
}

static bool refer_met(const struct rh_plan_kb *kb, const struct rh_plan_state *st, bool after,
                      char *out, size_t cap)
{
    out[0] = '\0';
    if (after || !refer_parts(kb, st, out, cap))
        return false;
    /* the time frame is the booking's one (rh_plan_booking_level), never
     * a second one of its own (review 8 #19) */
    char lv[48];
    rh__fmt(lv, sizeof lv, "%s.short", rh_plan_booking_level(st));
    const char *t = rh_plan_kb_get(kb, "text", "refer_met");
    const char *when = rh_words("disposition", lv);
    t = t ? t : "";
    const char *ph = strstr(t, "{}");
    char all[400];
    if (ph)
        rh__fmt(all, sizeof all, "%.*s%s%s: %s.", (int)(ph - t), t, when ? when : "", ph + 2,
                out);
    else
        rh__fmt(all, sizeof all, "%s: %s.", t, out);
    rh__fmt(out, cap, "%s", all);
    return true;
}

const char *rh_plan_booking_level(const struct rh_plan_state *st)
{
    /* a same-day verdict keeps its own time frame: "you already meet this"
     * under it never says "within 1-2 weeks" (the limping child) */
    if (strcmp(st->disposition, "urgent") == 0)
        return "urgent";
    /* session 32 (branch run32): a warning sign of the diary that needs a
     * doctor within days while running goes on (rh_plan_sign_stops_running)
     * books that doctor, one visit for it and the assessment's reasons,
     * never a physiotherapist "within 1-2 weeks" beside its notice */
    if (*st->diary_flags && !st->blocked && st->diary_urgency >= (int)RH_DISP_SEE_DOCTOR_SOON)
        return "see_doctor_soon";
    return strcmp(st->disposition, "see_doctor_soon") == 0 ? "see_doctor_soon" : "see_physio";
}

/* review 12: a pelvic-floor hold books the one who lifts it, unless the
 * assessment's own advice is a doctor's (or a red flag blocks): the
 * booking's words are then data/plan_rules.txt [text] booking_pelvic, and
 * booking_pelvic_short in the calendar's title (words14) */
static bool booking_pelvic(const struct rh_plan_state *st)
{
    return st->pelvic_hold && !st->blocked &&
           strcmp(rh_plan_booking_level(st), "see_physio") == 0;
}

/* The same booking when the assessment booked a pelvic-health
 * physiotherapist after a birth (session 22, runner22b: data/assess_rules.txt
 * [care] pelvic): Today, the plan and the calendar book her too, not a
 * sports physiotherapist beside the assessment's one booking. */
static bool booking_pelvic_any(const struct rh_plan_state *st)
{
    return booking_pelvic(st) || (st->care_pelvic && !st->blocked &&
                                  strcmp(rh_plan_booking_level(st), "see_physio") == 0);
}

/* The words that book the visit of level (a [disposition] key): the
 * pelvic-health physiotherapist while that booking holds ([text]
 * booking_pelvic); after a birth without the pelvic floor's pattern the
 * physiotherapist's booking that asks for the pelvic-health check too
 * ([disposition] see_physio.postnatal, the assessment's own words: session
 * 23, plan27); else the level's own. */
static const char *booking_words(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                                 const char *level)
{
    if (booking_pelvic_any(st))
        return rh_plan_kb_get(kb, "text", "booking_pelvic");
    if (st->care_postnatal && !st->blocked && strcmp(level, "see_physio") == 0)
        return rh_words("disposition", "see_physio.postnatal");
    return rh_words("disposition", level);
}

/* words19: the diary's warning signs of a physiotherapist's level are in
 * force (running goes on) while the booking is a doctor's (the assessment
 * advised one): one visit, the doctor's, for both reasons, never a second
 * booking for the physiotherapist */
static bool booking_takes_signs(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    return *st->diary_flags && !(st->blocked && !st->cleared) &&
           st->diary_urgency < (int)rh__flag_stop_level(kb) &&
           strcmp(rh_plan_booking_level(st), "see_physio") != 0;
}

/* The diary's signs in force by what was seen, the part of their titles
 * before a colon in lower case ("you wrote of the hip sticking or
 * catching"), "; " between; how many. */
static int diary_sign_words(const struct rh_plan_state *st, char *out, size_t cap)
{
    out[0] = '\0';
    char id[RH__WORD_MAX];
    int n = 0;
    for (const char *at = st->diary_flags; rh__word_next(&at, id, sizeof id);) {
        char title[300], because[600];
        if (!rh__title_get(st->diary_titles, id, title, sizeof title, because, sizeof because))
            rh_assess_flag_title(id, NULL, title, sizeof title);
        char *colon = strstr(title, ": ");
        if (colon)
            *colon = '\0';
        if (title[0] && !(title[1] >= 'A' && title[1] <= 'Z'))
            title[0] = (char)tolower((unsigned char)title[0]);
        rh_str_appendf(out, cap, "%s%s", n++ ? "; " : "", title);
    }
    return n;
}

/* words19: "It is for two reasons: ..." when the booking takes the diary's
 * signs too (booking_takes_signs), else "": rh_plan_booking's and the
 * calendar's booking event's one source (fix18b). */
static void booking_both_words(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                               char *both, size_t cap)
{
    both[0] = '\0';
    if (!booking_takes_signs(kb, st))
        return;
    char signs[500];
    int ns = diary_sign_words(st, signs, sizeof signs);
    rh__fmt(both, cap, PW("booking_both"), PW(ns > 1 ? "booking_signs" : "booking_sign"), signs);
    rh_plan_said_of(st, both, cap); /* a parent's plan (ux11) */
}

/* session 23 (book23): the diary's warning signs of a physiotherapist's
 * level book the physiotherapist when the assessment booked no one (a
 * change of training, self-care): that booking is said as the assessment's
 * is, with booking_until, on Today, the plan and the calendar's booking
 * event ([pain] flag_stop_level) */
static bool booking_by_signs(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    /* session 32 (run32): a doctor's sign whose running goes on books the
     * doctor so (rh_plan_booking_level), as the notice says it */
    return *st->diary_flags && !st->blocked && st->diary_urgency >= 0 &&
           !rh_plan_diary_stops_running(kb, st) &&
           rh__word_in("self_care modify_training", st->disposition);
}

bool rh_plan_booking(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                     size_t cap)
{
    if (cap)
        out[0] = '\0';
    if (!cap || st->cleared || rh_plan_after_clearance(st))
        return false;
    /* session 22: a fracture a clinician diagnosed (diagnosed_hold) is in
     * their care: no booking of the assessment's physiotherapist beside
     * "follow the plan of the clinician who diagnosed it" (Rossi01; Schuett15) */
    if (st->diagnosed_hold)
        return false;
    char met[400];
    bool book = strcmp(st->disposition, "see_physio") == 0 ||
                strcmp(st->disposition, "see_doctor_soon") == 0 ||
                refer_met(kb, st, false, met, sizeof met) ||
                /* the hold waits for that visit (book23) */
                booking_pelvic(st) || booking_by_signs(kb, st);
    if (!book)
        return false;
    const char *w = booking_words(kb, st, rh_plan_booking_level(st));
    const char *how = rh_plan_kb_get(kb, "text", "booking_until");
    char both[700];
    booking_both_words(kb, st, both, sizeof both);
    rh__fmt(out, cap, "%s%s%s%s%s", w ? w : "", *both ? " " : "", both, how ? " " : "",
            how ? how : "");
    return true;
}

bool rh_plan_booking_both(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                          size_t cap)
{
    if (cap)
        out[0] = '\0';
    if (!cap || !(booking_takes_signs(kb, st) || booking_by_signs(kb, st)))
        return false;
    return rh_plan_booking(kb, st, out, cap);
}

static bool kind_in(const char *kind, const char *kinds)
{
    return rh__word_in(kinds, kind);
}

/* Exercises of the given kinds for the state's condition and phase: those
 * named for the condition first, then general ones; at most max. */
static size_t pick(const struct rh_plan_kb *kb, const struct rh_plan_state *st, const char *kinds,
                   enum rh_phase phase, const struct rh_exercise **out, size_t max)
{
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < kb->n_ex && n < max; i++) {
            const struct rh_exercise *e = &kb->ex[i];
            bool general = strcmp(e->conditions, "all") == 0;
            if (general != (pass == 1) || !kind_in(e->kind, kinds) ||
                !rh_plan_exercise_fits(e, *st->condition ? st->condition : NULL, phase))
                continue;
            if (!*st->condition && !general)
                continue;
            out[n++] = e;
        }
    return n;
}

static void list_exercises(char *dst, size_t cap, const struct rh_exercise **ex, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rh_str_appendf(dst, cap, "%s- %s: %s%s%s%s [%s]", *dst ? "\n" : "", ex[i]->name,
                       ex[i]->dose, *ex[i]->daily ? PW("exercise_daily") : "",
                       *ex[i]->daily ? " " : "", ex[i]->daily, ex[i]->source);
}

/* Review 11 #5 #6: a pelvic-floor exercise (kind pelvic_floor) is
 * prescribed only while a pelvic-floor symptom holds running
 * (st->pelvic_hold). */
static bool pelvic_fits(const struct rh_exercise *e, const struct rh_plan_state *st)
{
    return strcmp(e->kind, "pelvic_floor") != 0 || st->pelvic_hold;
}

/* The exercises done every day ([exercise] daily) on a day that does not
 * list them already: "Every day, morning and evening:" and the items. */
static void daily_exercises(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                            enum rh_phase phase, struct rh_plan_day *d)
{
    const struct rh_exercise *ex[MAX_LIST];
    size_t n = 0;
    for (size_t i = 0; i < kb->n_ex && n < MAX_LIST; i++) {
        const struct rh_exercise *e = &kb->ex[i];
        if (!*e->daily || !rh_plan_exercise_fits(e, *st->condition ? st->condition : NULL, phase))
            continue;
        if (!*st->condition && strcmp(e->conditions, "all") != 0)
            continue;
        if (!pelvic_fits(e, st))
            continue;
        if (strstr(d->detail, e->name))
            continue; /* a strength day lists it with its dose */
        ex[n++] = e;
    }
    for (size_t i = 0; i < n; i++) {
        rh_str_appendf(d->detail, sizeof d->detail, "%s", *d->detail ? "\n" : "");
        rh_str_appendf(d->detail, sizeof d->detail, PW("exercise_every_day"), ex[i]->daily,
                       ex[i]->name, ex[i]->dose, ex[i]->source);
        d->n_daily++;
    }
}

/* A fracture a clinician diagnosed holds running and no warning sign
 * blocks the plan over it: their plan decides the leg's load (text_of's
 * KEY_diagnosed, the day's day_diagnosed line, goal_diagnosed) */
static bool diagnosed_day(const struct rh_plan_state *st)
{
    return st->diagnosed_hold && !st->blocked;
}

/* A text of data/plan_rules.txt [text]: KEY_diagnosed while a hold waits
 * for the clinician who diagnosed a fracture told in a note (session 22,
 * branch diary26), KEY_pelvic while a pelvic-floor
 * hold waits for a pelvic-health physiotherapist (and no red flag blocks),
 * KEY_pain_free under a bone-stress suspicion, KEY_rest_leg while another
 * red flag that stops running is in force (no walking prescribed), else
 * KEY; the first that exists. */
static const char *text_of(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                           const char *key)
{
    char k[64];
    const char *t = NULL;
    if (diagnosed_day(st)) {
        rh__fmt(k, sizeof k, "%s_diagnosed", key);
        t = rh_plan_kb_get(kb, "text", k);
    }
    if (!t && st->pelvic_hold && !st->blocked) { /* review 12: no crutches for a leak */
        rh__fmt(k, sizeof k, "%s_pelvic", key);
        t = rh_plan_kb_get(kb, "text", k);
    }
    if (!t && st->bone_stress) {
        rh__fmt(k, sizeof k, "%s_pain_free", key);
        t = rh_plan_kb_get(kb, "text", k);
    }
    if (!t && st->rest_leg && st->blocked) {
        rh__fmt(k, sizeof k, "%s_rest_leg", key);
        t = rh_plan_kb_get(kb, "text", k);
    }
    if (!t)
        t = rh_plan_kb_get(kb, "text", key);
    return t ? t : "";
}

/* A phase's exit: [phase.X] exit_blocked while a warning sign stops
 * running until a professional has seen it (session 22, runner22b: no
 * walking, squat or hop check the stop's advice forbids, such as "walk as
 * little as pain allows"), else exit_pain_free under a bone-stress
 * suspicion (no hop or single-leg test before a doctor has cleared the
 * bone). */
static const char *phase_exit(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              enum rh_phase p)
{
    char sec[32];
    rh__fmt(sec, sizeof sec, "phase.%s", rh_phase_id(p));
    if (st->blocked) {
        const char *v = rh_plan_kb_get(kb, sec, "exit_blocked");
        if (v)
            return v;
    }
    if (st->bone_stress || st->rest_leg) {
        const char *v = rh_plan_kb_get(kb, sec, "exit_pain_free");
        if (v)
            return v;
    }
    return phase_field(kb, p, "exit");
}

/* The most urgent red flag stops everything until a doctor has seen the
 * runner: no session is prescribed, every day says so. */
static bool urgent_rest(const struct rh_plan_state *st)
{
    return st->blocked && rh_plan_urgency(st) >= (int)RH_DISP_URGENT;
}

/* session 21 (branch diary25): a diary note told, on or after the day of
 * the diary's latest warning sign, that a clinician has now seen it (the
 * visit itself not yet recorded) */
static bool seen_told(const struct rh_plan_state *st)
{
    return *st->diary_flags && st->seen_told_day > 0 && st->seen_told_day >= st->diary_day;
}

bool rh_plan_all_stopped(const struct rh_plan_state *st)
{
    return urgent_rest(st);
}

/* A block waiting for a professional (a red flag of the assessment or the
 * diary, not yet cleared with runhip log cleared) that is not urgent: the
 * hip may have a fracture, a bone pulled off by a tendon or a slipped growth
 * plate, so nothing loads it before it has been examined. */
static bool seen_first(const struct rh_plan_state *st)
{
    return st->blocked && !urgent_rest(st);
}

bool rh_plan_seen_first(const struct rh_plan_state *st)
{
    return seen_first(st);
}

bool rh_plan_defers_training(const struct rh_plan_state *st)
{
    return st && st->blocked;
}

/* The condition's note as the plan says it (the text and the JSON): after a
 * clearance, with its date; under a block until seen, after the block's
 * lead-in ([text] note_urgent, note_blocked), so that what the plan does
 * for the condition reads as what comes after the runner has been seen
 * (a note that itself sends the runner to a doctor first, one with a
 * note_cleared, needs none). */
static void note_said(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                      const char *note, bool after, char *line, size_t cap)
{
    const char *lead = NULL;
    if (!after && (urgent_rest(st) || seen_first(st)) && !cond_field(kb, st, "note_cleared"))
        lead = rh_plan_kb_get(kb, "text", urgent_rest(st) ? "note_urgent" : "note_blocked");
    if (after) {
        char d[11];
        rh_date_format(st->cleared_day, d);
        rh__fmt(line, cap, PW("cleared_follows"), d, note);
    } else if (lead) {
        rh__fmt(line, cap, "%s %c%s", lead, tolower((unsigned char)*note), note + 1);
    } else {
        rh__fmt(line, cap, "%s", note ? note : "");
    }
}

bool rh_plan_move_repeated(const struct rh_plan_state *st, int i)
{
    if (!st || i <= 0 || i >= st->n_moves)
        return false;
    const struct rh_plan_move *a = &st->moves[i - 1], *b = &st->moves[i];
    return a->day == b->day && a->from == b->from && a->to == b->to && strcmp(a->why, b->why) == 0;
}

static void physio_running_rule(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                                const char *key, char *dst, size_t cap);

/* {stop}: what a run that hurts does under the pain rule in force
 * ([text] flag_physio_stop, its _pain_free variant with no pain acceptable;
 * fix19c), then {} the rule itself. */
void rh__physio_running(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                        const char *key, char *dst, size_t cap)
{
    physio_running_rule(kb, st, key, dst, cap);
    char *at = strstr(dst, "{stop}");
    if (!at)
        return;
    const char *stop = st ? text_of(kb, st, "flag_physio_stop")
                          : rh_plan_kb_get(kb, "text", "flag_physio_stop");
    char tail[1200];
    rh__fmt(tail, sizeof tail, "%s", at + 6);
    *at = '\0';
    size_t n = strlen(dst);
    rh__fmt(dst + n, cap - n, "%s%s", stop ? stop : "", tail);
}

static void physio_running_rule(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                                const char *key, char *dst, size_t cap)
{
    const char *t = rh_plan_kb_get(kb, "text", key);
    const char *rule = st ? text_of(kb, st, "pain_rule_today")
                          : rh_plan_kb_get(kb, "text", "pain_rule_today");
    const char *hole = t ? strstr(t, "{}") : NULL;
    if (!hole) {
        rh__fmt(dst, cap, "%s", t ? t : "");
        return;
    }
    /* the rule's sources ("... morning [Silbernagel07, PainMonitor]") go
     * with the text's own at its end, so the sentence reads on */
    rule = rule ? rule : "";
    const char *src = strrchr(rule, '[');
    size_t words = src ? (size_t)(src - rule) : strlen(rule);
    while (words && rule[words - 1] == ' ')
        words--;
    const char *own = strrchr(hole + 2, '[');
    if (!src || !own) {
        rh__fmt(dst, cap, "%.*s%s%s", (int)(hole - t), t, rule, hole + 2);
        return;
    }
    rh__fmt(dst, cap, "%.*s%.*s%.*s%s%s", (int)(hole - t), t, (int)words, rule,
            (int)(own - (hole + 2)), hole + 2, src, own);
}

const char *rh_plan_pain_rule_summary(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    return text_of(kb, st, "pain_rule_summary");
}

/* The block's reason as one sentence into why (cap bytes): trailing spaces
 * dropped, a full stop added when it has none; its length (0: no reason). */
static size_t block_sentence(const struct rh_plan_state *st, char *why, size_t cap)
{
    rh__fmt(why, cap, "%s", st->block_reason);
    size_t n = strlen(why);
    while (n && why[n - 1] == ' ')
        why[--n] = '\0';
    if (n && why[n - 1] != '.' && n + 1 < cap)
        why[n++] = '.', why[n] = '\0';
    return n;
}

int rh_diary_session_reminder(struct rh_store *s, const struct rh_plan_kb *kb,
                              enum rh_session_kind k, char *out, size_t cap, struct rh_err *err)
{
    if (cap)
        out[0] = '\0';
    if (k == RH_SESSION_REST || !cap)
        return 0;
    struct rh_plan_state *st = rh_calloc(1, sizeof *st);
    if (!st)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    int64_t pid = 0;
    int r = rh_plan_current(s, kb, &pid, st, err);
    if (r == RH_ENOTFOUND) {
        rh_err_clear(err);
        r = 0;
    } else if (!r && (urgent_rest(st) || seen_first(st))) {
        const char *t = rh_plan_kb_get(kb, "text", urgent_rest(st) ? "urgent_session"
                                                                  : "blocked_session");
        char why[sizeof st->block_reason + 16];
        size_t n = block_sentence(st, why, sizeof why);
        rh__fmt(out, cap, "%s%s%s", t ? t : "", n ? " Why: " : "", why);
    }
    rh_free(st);
    return r;
}

/* A day of a plan blocked until seen: the template's strength days become
 * seated upper-body work that leaves the hip unloaded, every other day is
 * rest; each says why in plain words. */
static void seen_first_day(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                           bool upper, struct rh_plan_day *d)
{
    size_t cap = sizeof d->detail;
    rh__fmt(d->kind, sizeof d->kind, "%s", upper ? "cross_train" : "rest");
    rh__fmt(d->title, sizeof d->title, "%s",
            rh_plan_kb_get(kb, "text", upper ? "blocked_upper_title" : "blocked_day_title"));
    if (upper)
        rh_str_appendf(d->detail, cap, "%s", rh_plan_kb_get(kb, "text", "blocked_upper_day"));
    else
        rh_str_appendf(d->detail, cap, "%s", text_of(kb, st, "rest_day"));
    /* the rule, what the upper-body days may hold and the reason are said
     * once (rh_plan_block_note), not on every day (review 8, 12) */
}

/* " [KEY, KEY]": the sources of the warning signs in force, not of every
 * sign the rule could be about, appended to buf (review 9 #4: an adult septic-arthritis paper is not cited
 * for a teenager's sprint injury). */
static void flag_sources(const struct rh_plan_state *st, char *buf, size_t cap)
{
    char flags[256], keys[300] = "", f[RH__WORD_MAX];
    rh_plan_flags_in_force(st, flags, sizeof flags);
    for (const char *at = flags; rh__word_next(&at, f, sizeof f);) {
        const char *src = rh_assess_flag_source(f);
        char tmp[200];
        rh__fmt(tmp, sizeof tmp, "%s", src ? src : "");
        char *s2 = NULL;
        for (char *k = strtok_r(tmp, ";", &s2); k; k = strtok_r(NULL, ";", &s2)) {
            while (*k == ' ')
                k++;
            size_t L = strlen(k);
            while (L && k[L - 1] == ' ')
                k[--L] = '\0';
            /* a reference key is one word ("design: ..." is not) */
            if (!L || strchr(k, ' ') || strchr(k, ':') || rh__word_in(keys, k))
                continue;
            rh_str_appendf(keys, sizeof keys, "%s%s", *keys ? " " : "", k);
        }
    }
    if (*keys) {
        for (char *p = keys; *p; p++)
            if (*p == ' ')
                *p = ',';
        rh_str_appendf(buf, cap, " [");
        char *s3 = NULL;
        bool first = true;
        for (char *k = strtok_r(keys, ",", &s3); k; k = strtok_r(NULL, ",", &s3)) {
            rh_str_appendf(buf, cap, "%s%s", first ? "" : ", ", k);
            first = false;
        }
        rh_str_appendf(buf, cap, "]");
    }
}

static void child_words(char *s, size_t cap);

void rh_plan_said_of(const struct rh_plan_state *st, char *s, size_t cap)
{
    if (st && st->for_child && s && cap)
        child_words(s, cap);
}

static bool block_note(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *buf,
                       size_t cap, bool with_why)
{
    if (cap)
        buf[0] = '\0';
    if (!seen_first(st) || urgent_rest(st))
        return false;
    rh_str_appendf(buf, cap, "%s %s", rh_plan_kb_get(kb, "text", "blocked_day"),
                   rh_plan_kb_get(kb, "text", "blocked_upper"));
    /* under the notice, which names the warning signs: not again */
    if (!with_why && !*st->red_flags && !*st->diary_flags)
        with_why = true; /* no sign to list there: the reason here */
    if (!with_why)
        rh_str_appendf(buf, cap, " %s", rh_plan_kb_get(kb, "text", "blocked_why_above"));
    else if (*st->block_reason) {
        char why[sizeof st->block_reason + 16];
        block_sentence(st, why, sizeof why);
        rh_str_appendf(buf, cap, " Why: %s", why);
    }
    flag_sources(st, buf, cap);
    return true;
}

bool rh_plan_block_note(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *buf,
                        size_t cap)
{
    bool r = block_note(kb, st, buf, cap, true);
    rh_plan_said_of(st, buf, cap); /* "until a doctor has seen your child" */
    return r;
}

bool rh_plan_block_note_under(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              char *buf, size_t cap)
{
    bool r = block_note(kb, st, buf, cap, false);
    rh_plan_said_of(st, buf, cap);
    return r;
}

/* t with its first "{}" replaced by arg, into out. */
static void fill1(const char *t, const char *arg, char *out, size_t cap)
{
    t = t ? t : "";
    const char *ph = strstr(t, "{}");
    if (ph)
        rh__fmt(out, cap, "%.*s%s%s", (int)(ph - t), t, arg ? arg : "", ph + 2);
    else
        rh__fmt(out, cap, "%s", t);
}

bool rh_plan_booking_event(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                           char *title, size_t tcap, char *desc, size_t dcap)
{
    if (tcap)
        title[0] = '\0';
    if (dcap)
        desc[0] = '\0';
    if (!tcap || !dcap || urgent_rest(st))
        return false; /* the same-day event already says "today" */
    bool seen = seen_first(st);
    char book[400];
    if (!seen && !rh_plan_booking(kb, st, book, sizeof book))
        return false;
    /* the level: the warning sign's in force under a block, else the
     * booking's (rh_plan_booking_level), never a time frame of its own */
    const char *level = rh_plan_booking_level(st);
    if (seen) {
        int u = rh_plan_urgency(st);
        level = rh_disposition_name(u > (int)RH_DISP_SEE_PHYSIO ? (enum rh_disposition)u
                                                                 : RH_DISP_SEE_PHYSIO);
    }
    char lv[48];
    rh__fmt(lv, sizeof lv, "%s.short", level);
    /* the pelvic hold's visit, as the plan and Today book it (words14) */
    bool pelvic = !seen && booking_pelvic_any(st);
    fill1(rh_plan_kb_get(kb, "text", "calendar_booking_title"),
          pelvic ? rh_plan_kb_get(kb, "text", "booking_pelvic_short") : rh_words("disposition", lv),
          title, tcap);
    const char *what = seen ? rh_words("disposition", level) : booking_words(kb, st, level);
    rh_str_appendf(desc, dcap, "%s", what ? what : "");
    if (!seen) {
        /* fix18b: the one visit for two reasons (words19), in the words
         * Today and the plan give it (rh_plan_booking) */
        char both[700];
        booking_both_words(kb, st, both, sizeof both);
        if (*both)
            rh_str_appendf(desc, dcap, " %s", both);
    }
    char why[sizeof st->block_reason + 600], part[600];
    why[0] = '\0';
    char src[300] = "";
    if (seen) {
        block_sentence(st, why, sizeof why);
        flag_sources(st, src, sizeof src);
    } else {
        char parts[500];
        bool met = refer_parts(kb, st, parts, sizeof parts);
        bool advised = strcmp(st->disposition, "see_physio") == 0 ||
                       strcmp(st->disposition, "see_doctor_soon") == 0;
        if (advised) {
            fill1(rh_plan_kb_get(kb, "text", *st->condition ? "calendar_booking_assessed"
                                                             : "calendar_booking_assessed_none"),
                  st->condition_name, why, sizeof why);
        }
        if (met) {
            char sec[80];
            rh__fmt(sec, sizeof sec, "condition.%s", st->condition);
            char rf[400];
            refer_filled(kb, rh_plan_kb_get(kb, sec, "refer"), rf, sizeof rf);
            fill1(rh_plan_kb_get(kb, "text", "calendar_booking_refer"), rf, part, sizeof part);
            char all[800];
            fill1(part, parts, all, sizeof all);
            if (!advised)
                fill1(rh_plan_kb_get(kb, "text", "calendar_booking_for"), st->condition_name,
                      why, sizeof why);
            rh_str_appendf(why, sizeof why, "%s%s", *why ? " " : "", all);
            /* the triggers are the condition's plan advice: its sources */
            const char *s = rh_plan_kb_get(kb, sec, "source");
            if (s)
                rh__fmt(src, sizeof src, " [%s]", s);
        }
    }
    if (!seen && !*why && booking_by_signs(kb, st)) {
        /* book23: the diary's signs asked for this visit */
        char signs[500];
        (void)diary_sign_words(st, signs, sizeof signs);
        fill1(rh_plan_kb_get(kb, "text", "calendar_booking_sign"), signs, why, sizeof why);
        rh_plan_said_of(st, why, sizeof why);
    }
    if (pelvic && booking_pelvic(st)) { /* the hold's own reason first: the note that asks
                                          * for this visit (not the assessment's booking
                                          * after a birth, runner22b) */
        if (why[0] >= 'a' && why[0] <= 'z') /* the second sentence's capital */
            why[0] = (char)(why[0] - 'a' + 'A');
        char both[sizeof why];
        rh__fmt(both, sizeof both, "%s.%s%s", rh_plan_kb_get(kb, "text", "pelvic_hold_cause"),
                *why ? " " : "", why);
        rh__fmt(why, sizeof why, "%s", both);
    }
    if (*why) {
        if (why[0] >= 'a' && why[0] <= 'z')
            why[0] = (char)(why[0] - 'a' + 'A');
        size_t n = strlen(why);
        rh_str_appendf(desc, dcap, "\n\n%s: %s%s%s", PW("why_label"), why,
                       n && why[n - 1] == '.' ? "" : ".", src);
    }
    rh_str_appendf(desc, dcap, "\n\n%s %s", rh_plan_kb_get(kb, "text", "calendar_booking_after"),
                   PW("info"));
    return true;
}

size_t rh_plan_prescribed(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                          const struct rh_exercise **out, size_t max)
{
    if (!max || urgent_rest(st) || seen_first(st))
        return 0; /* nothing loads the hip until it has been seen */
    size_t n = pick(kb, st, "strength isometric eccentric balance", st->phase, out, max);
    const struct rh_exercise *more[MAX_LIST];
    size_t m = pick(kb, st, "release stretch warmup", st->phase, more, MAX_LIST);
    for (size_t i = 0; i < m && n < max; i++)
        out[n++] = more[i];
    for (size_t i = 0; i < kb->n_ex && n < max; i++) {
        const struct rh_exercise *e = &kb->ex[i];
        if (!*e->daily ||
            !rh_plan_exercise_fits(e, *st->condition ? st->condition : NULL, st->phase) ||
            (!*st->condition && strcmp(e->conditions, "all") != 0) || !pelvic_fits(e, st))
            continue;
        bool have = false;
        for (size_t j = 0; j < n; j++)
            have |= out[j] == e;
        if (!have)
            out[n++] = e;
    }
    return n;
}

int rh_plan_day_run(const struct rh_plan_day *days, int n, int i)
{
    int j = i;
    while (j + 1 < n && strcmp(days[j + 1].title, days[i].title) == 0 &&
           strcmp(days[j + 1].detail, days[i].detail) == 0)
        j++;
    return j;
}

/* Session 26 (ux26): where an exercise's name stands as an item of a day's
 * detail ("- NAME: DOSE", the daily line's "...: NAME, DOSE"): its offset,
 * or -1. The name must start a word and end at the colon or comma. */
static long exercise_at(const char *detail, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = strstr(detail, name); nl && p; p = strstr(p + 1, name)) {
        bool starts = p == detail || p[-1] == ' ' || p[-1] == '\n';
        if (starts && (p[nl] == ':' || p[nl] == ','))
            return (long)(p - detail);
    }
    return -1;
}

bool rh_plan_doses_have_sets(const struct rh_exercise *const *ex, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(ex[i]->dose, " x "))
            return true;
    return false;
}

size_t rh_plan_days_exercises(const struct rh_plan_kb *kb, const struct rh_plan_day *days, int n,
                              const struct rh_exercise **out, size_t max)
{
    size_t k = 0;
    for (int d = 0; kb && days && d < n; d++) {
        /* this day's exercises by where they stand in its detail */
        for (;;) {
            const struct rh_exercise *best = NULL;
            long at = -1;
            for (size_t i = 0; i < kb->n_ex; i++) {
                const struct rh_exercise *e = &kb->ex[i];
                bool have = false;
                for (size_t j = 0; j < k; j++)
                    have |= out[j] == e;
                long a = have ? -1 : exercise_at(days[d].detail, e->name);
                if (a >= 0 && (at < 0 || a < at)) {
                    at = a;
                    best = e;
                }
            }
            if (!best || k >= max)
                break;
            out[k++] = best;
        }
    }
    return k;
}

static const char *week_template(const struct rh_plan_state *st, enum rh_phase p)
{
    if (p == RH_PHASE_FULL)
        return "full";
    if (p == RH_PHASE_RETURN)
        return "return";
    return st->run_mode != RH_RUN_OFF && !rh_plan_no_running(st) ? "rehab_reduced" : "rehab";
}

static int reduced_runs_of(const struct rh_plan_kb *kb, const struct rh_plan_state *st, bool cap,
                           bool slots_cap);
static int reduced_runs(const struct rh_plan_kb *kb, const struct rh_plan_state *st, bool cap)
{
    return reduced_runs_of(kb, st, cap, true);
}

int rh_plan_reduced_runs(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    return reduced_runs(kb, st, true);
}

/* The run days of the calm weeks (week.rehab_reduced): the most they plan. */
static int reduced_slots(const struct rh_plan_kb *kb)
{
    int slots = 0;
    for (int wd = 0; wd < 7; wd++)
        slots += strcmp(rh__week_kind(kb, "rehab_reduced", wd), "run") == 0;
    return slots;
}

/* cap: the recent weeks' runs cap the number (false: what it would be
 * without them, to say where the number came from); slots false: nor the
 * run days of the calm weeks (the runner's own number) */
static int reduced_runs_of(const struct rh_plan_kb *kb, const struct rh_plan_state *st, bool cap,
                           bool slots_cap)
{
    int slots = slots_cap ? reduced_slots(kb) : 7;
    int n = (int)rh__kb_num(kb, "volume", "runs_per_week", 3);
    int kept = 4 - st->n_base_out; /* the weeks before the pain counted (as the text says) */
    if (st->n_base_runs > 0 && kept > 0)
        n = (int)lround((double)st->n_base_runs / kept);
    else if (st->runs_answered > 0)
        n = st->runs_answered; /* the runner's own answer (rh_plan_set_runs) */
    else if (st->recent_runs > 0)
        n = (int)lround(st->recent_runs / 4.0); /* what the runner does now */
    /* never more a week than the runs recorded in the recent weeks (review
     * 9 #9: "run less" is less than the watch shows), rounded as above;
     * none recorded says nothing (the runner may not have imported them),
     * nor do runs too patchy to show the week when the runner has said
     * their own number (session 24: the answer counts then) */
    if (cap && st->recent_runs > 0 && !(st->recent_thin && st->runs_answered > 0)) {
        int recent = (int)lround(st->recent_runs / 4.0);
        if (n > recent)
            n = recent;
    }
    if (n > slots)
        n = slots;
    return n < 1 ? 1 : n;
}

bool rh_plan_runs_said(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                       size_t cap)
{
    if (!cap)
        return false;
    out[0] = '\0';
    if (st->run_mode != RH_RUN_REDUCED || st->phase >= RH_PHASE_RETURN || rh_plan_no_running(st))
        return false;
    /* the weeks before the pain gave it and the recent weeks did not cap
     * it: the volume line says where it came from */
    int nr = rh_plan_reduced_runs(kb, st);
    int kept = 4 - st->n_base_out;
    if (nr < reduced_runs(kb, st, false))
        /* session 24: which wins, said where the runner's answer was more */
        text_n(kb, st->runs_answered > nr ? "runs_recent_answered" : "runs_recent", nr, out, cap);
    else if (nr < reduced_runs_of(kb, st, false, false))
        text_n(kb, "runs_most", nr, out, cap); /* the runner's own is more */
    else if (st->n_base_runs > 0 && kept > 0)
        text_n(kb, "runs_before", nr, out, cap); /* the recorded runs gave it */
    else if (st->runs_answered > 0)
        text_n(kb, st->recent_thin && st->recent_runs > 0 ? "runs_answered_thin" : "runs_answered",
               nr, out, cap);
    else if (st->recent_runs > 0)
        text_n(kb, lround(st->recent_runs / 4.0) < 1 ? "runs_now_few" : "runs_now", nr, out, cap);
    else
        text_n(kb, "runs_assumed", nr, out, cap);
    return *out != '\0';
}

bool rh_plan_runs_ask(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *question,
                      size_t cap)
{
    if (cap)
        question[0] = '\0';
    if (st->run_mode != RH_RUN_REDUCED || st->phase >= RH_PHASE_RETURN ||
        rh_plan_no_running(st) || (st->n_base_runs > 0 && st->n_base_out < 4) ||
        (st->recent_runs > 0 && !st->recent_thin) || st->runs_answered > 0)
        return false;
    const char *q = rh_plan_kb_get(kb, "text", "runs_question");
    if (cap)
        rh__fmt(question, cap, "%s", q ? q : ""); /* required by the loader */
    return true;
}

double rh_plan_reduced_km(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    double base = st->base_weekly_km;
    if (!(rh_has(base) && base > 0))
        return RH_NONE;
    /* recent tolerated running of a long-standing pain is kept, within the
     * pain rule (review 10 #10); else half the volume before the pain */
    double half = base * (st->base_recent ? rh__kb_num(kb, "volume", "tolerated_fraction", 1)
                                          : rh__kb_num(kb, "volume", "reduce_fraction", 0.5));
    double reach = rh_plan_reduced_runs(kb, st) * rh__kb_num(kb, "volume", "rehab_run_km_max", 5);
    return half < reach ? half : reach;
}

int rh_plan_volume(const struct rh_plan_kb *kb, const struct rh_plan_state *st, double *km,
                   int max)
{
    if (rh_plan_no_running(st) || max <= 0)
        return 0;
    double inc = 1.0 + rh__kb_num(kb, "volume", "weekly_increase_pct", 10) / 100.0;
    int per_week = (int)rh__kb_num(kb, "volume", "runs_per_week", 3);
    int repeats = (int)rh__kb_num(kb, "ladder", "repeats", 2);
    double base = st->base_weekly_km;
    bool known = rh_has(base) && base > 0;
    int n = 0;
    double cur;
    if (st->run_mode == RH_RUN_OFF) {
        /* the ladder: each stage `repeats` runs, per_week runs a week */
        double run_cap = known ? base / per_week : 1e9;
        int total = kb->n_ladder * repeats, done = 0;
        while (done < total && n < max) {
            double w = 0;
            for (int r = 0; r < per_week && done < total; r++, done++) {
                char sec[32];
                rh__fmt(sec, sizeof sec, "ladder.%d", done / repeats + 1);
                double k = rh__kb_num(kb, sec, "km", 0);
                w += k < run_cap ? k : run_cap;
            }
            km[n++] = w;
        }
        cur = n ? km[n - 1] : 0;
        if (!known) {
            for (int extra = 0; extra < 4 && n < max; extra++)
                km[n++] = cur *= inc;
            return n;
        }
    } else if (!known) {
        return 0;
    } else if (st->run_mode == RH_RUN_REDUCED) {
        cur = rh_plan_reduced_km(kb, st); /* what the calm weeks' runs add up to */
        km[n++] = cur;
    } else {
        km[n++] = base;
        return n;
    }
    while (cur < base && n < max) {
        cur *= inc;
        if (cur > base)
            cur = base;
        km[n++] = cur;
    }
    return n;
}

void rh__plan_finding_advice(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                             const char *id, double lo_pct, double hi_pct, char *out, size_t cap)
{
    if (!cap)
        return;
    out[0] = '\0';
    char sec[64];
    rh__fmt(sec, sizeof sec, "finding.%s", id);
    const char *adv = rh_plan_kb_get(kb, sec, "advice");
    if (!adv)
        return;
    char cad[96] = "";
    /* the load report's target for the same step rate (review 8 #18) */
    double lo = RH_NONE, hi = RH_NONE;
    struct rh_err cerr;
    if (rh_has(st->base_cadence) &&
        rh_load_cadence_target(st->base_cadence, &lo, &hi, &cerr) == 0 && rh_has(lo)) {
        char tip[90];
        rh__fmt(tip, sizeof tip, PW("finding_cadence"), st->base_cadence, lo, hi);
        rh__fmt(cad, sizeof cad, " %s", tip);
    }
    char raise[48] = "", inc[24];
    if (rh_has(lo_pct) && rh_has(hi_pct))
        rh__fmt(raise, sizeof raise, lo_pct == hi_pct ? "%g" : "%g to %g", lo_pct, hi_pct);
    rh__fmt(inc, sizeof inc, "%g", rh__kb_num(kb, "volume", "weekly_increase_pct", 10));
    const char *const name[] = {"{cadence}", "{raise}", "{increase}"};
    const char *const value[] = {cad, raise, inc};
    size_t n = 0;
    for (const char *p = adv; *p && n + 1 < cap;) {
        size_t k = 0, len = 0;
        while (k < 3 && strncmp(p, name[k], (len = strlen(name[k]))) != 0)
            k++;
        if (k == 3) {
            out[n++] = *p++;
            continue;
        }
        for (const char *v = value[k]; *v && n + 1 < cap; v++)
            out[n++] = *v;
        p += len;
    }
    out[n] = '\0';
}

static void finding_lines(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                          const char *applies, char *dst, size_t cap, const char *prefix)
{
    /* the step rate's raise in percent: the load rules' settings, the
     * figures of the load report's finding (one fact in one place) */
    double lo_pct, hi_pct;
    struct rh_err rerr;
    (void)rh_load_cadence_raise(&lo_pct, &hi_pct, &rerr);
    for (int i = 0; i < st->n_findings; i++) {
        char sec[64];
        rh__fmt(sec, sizeof sec, "finding.%s", st->findings[i]);
        const char *a = rh_plan_kb_get(kb, sec, "applies");
        const char *adv = rh_plan_kb_get(kb, sec, "advice");
        if (!a || !adv || strcmp(a, applies) != 0)
            continue;
        /* a finding dated after the pain began is labelled so, in the
         * load report's words: runs on an existing pain, not its cause
         * (review 9 #11) */
        char after[200] = "";
        struct rh_err aerr;
        if (st->findings_onset > 0 && rh__word_in(st->findings_after, st->findings[i]) &&
            rh_load_after_onset_label(st->findings_onset, after, sizeof after - 2, &aerr) == 0)
            rh_str_appendf(after, sizeof after, ": ");
        char text[700];
        rh__plan_finding_advice(kb, st, st->findings[i], lo_pct, hi_pct, text, sizeof text);
        rh_str_appendf(dst, cap, "%s%s%s%s [%s]", *dst ? "\n" : "", prefix, after, text,
                       rh_plan_kb_get(kb, sec, "source"));
    }
}

static void run_session(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                        enum rh_phase phase, int run_index, int week, struct rh_plan_day *d)
{
    const struct rh_exercise *ex[MAX_LIST];
    int repeats = (int)rh__kb_num(kb, "ladder", "repeats", 2);
    int per_week = (int)rh__kb_num(kb, "volume", "runs_per_week", 3);
    size_t cap = sizeof d->detail;
    /* review 11 #4: a clinician's walk-run stands in for the plan's own
     * first steps (a continuous easy run, the three-day test) until full
     * training */
    bool visit_walk = !strcmp(st->visit, "walk_run") && phase < RH_PHASE_FULL;
    if (phase == RH_PHASE_RETURN && st->test_needed && !st->test_passed && !visit_walk) {
        if (run_index == 0) {
            rh__fmt(d->kind, sizeof d->kind, "test");
            rh__fmt(d->title, sizeof d->title, "%s", rh_plan_kb_get(kb, "test", "name"));
            rh_str_appendf(d->detail, cap, "%s [%s]", rh_plan_kb_get(kb, "test", "desc"),
                rh_plan_kb_get(kb, "test", "source"));
        } else {
            rh__fmt(d->kind, sizeof d->kind, "cross_train");
            rh__fmt(d->title, sizeof d->title, "%s", PW("walk_test_title"));
            rh_str_appendf(d->detail, cap, "%s", PW("walk_test"));
            return;
        }
    } else if ((phase == RH_PHASE_RETURN && st->test_needed) || visit_walk) {
        int step = (st->ladder_step > 0 ? st->ladder_step : 1) +
                   (st->ladder_done + run_index) / repeats;
        if (step > kb->n_ladder)
            step = kb->n_ladder;
        char sec[32];
        rh__fmt(sec, sizeof sec, "ladder.%d", step);
        int walk = (int)rh__kb_num(kb, sec, "walk", 0), run = (int)rh__kb_num(kb, sec, "run", 0);
        double km = rh__kb_num(kb, sec, "km", 0);
        if (rh_has(st->base_weekly_km) && st->base_weekly_km > 0 && km > st->base_weekly_km / per_week)
            km = st->base_weekly_km / per_week;
        rh__fmt(d->kind, sizeof d->kind, "%s", walk > 0 ? "walk_run" : "run");
        if (walk > 0)
            rh__fmt(d->title, sizeof d->title, PW("ladder_walk_run"), step, walk, run, km);
        else
            rh__fmt(d->title, sizeof d->title, PW("ladder_run"), step, km);
        rh_str_appendf(d->detail, cap, PW("ladder_detail"), rh__kb_num(kb, sec, "rpe", 3), repeats,
                       rh_plural_s(repeats));
        rh_str_appendf(d->detail, cap, " [%s]", rh_plan_kb_get(kb, "ladder", "source"));
    } else {
        double vol[64];
        int nv = rh_plan_volume(kb, st, vol, 64);
        rh__fmt(d->kind, sizeof d->kind, "run");
        if (nv > 0) {
            /* rehab phases keep the reduced volume; full training starts
             * after the ladder's weeks */
            int w = phase < RH_PHASE_RETURN ? 0 : week;
            if (phase == RH_PHASE_FULL && st->run_mode == RH_RUN_OFF)
                w += (kb->n_ladder * repeats + per_week - 1) / per_week;
            if (w >= nv)
                w = nv - 1;
            /* the week total is what the runs of the week add up to: the
             * calm weeks keep the runner's usual runs, each shorter */
            const char *tmpl = week_template(st, phase);
            int nr = 0;
            for (int wd = 0; wd < 7; wd++)
                nr += strcmp(rh__week_kind(kb, tmpl, wd), "run") == 0;
            if (phase < RH_PHASE_RETURN)
                nr = rh_plan_reduced_runs(kb, st);
            if (nr < 1)
                nr = 1;
            if (phase < RH_PHASE_RETURN)
                rh__fmt(d->title, sizeof d->title, PW("easy_run_calm"), vol[w] / nr, nr,
                        nr == 1 ? "" : "s", vol[w]);
            else
                rh__fmt(d->title, sizeof d->title, PW("easy_run"), vol[w] / nr, nr,
                        nr == 1 ? "" : "s", vol[w]);
        } else {
            rh__fmt(d->title, sizeof d->title, "%s", PW("easy_run_time"));
        }
        rh_str_appendf(d->detail, cap, "%s", text_of(kb, st, "easy_run"));
    }
    size_t n = pick(kb, st, "warmup", phase, ex, 4);
    if (n) {
        rh_str_appendf(d->detail, cap, "\nWarm-up:");
        char tmp[1024] = "";
        list_exercises(tmp, sizeof tmp, ex, n);
        rh_str_appendf(d->detail, cap, "\n%s", tmp);
    }
    if (strcmp(d->kind, "test") != 0) /* its jog says where already */
        run_answer_lines(kb, st, d->detail, cap);
    finding_lines(kb, st, "run", d->detail, cap, "\n");
}

/* [text] key with its {} filled by a and b in turn, into dst. */
static void fill_text(const struct rh_plan_kb *kb, const char *key, char *dst, size_t cap,
                      const char *a, const char *b)
{
    const char *const args[2] = {a, b};
    rh_text_fill(dst, cap, rh_plan_kb_get(kb, "text", key), args, 2);
}

/* A run day inside a clinician's restriction (review 11 #4): cross-training
 * only (cross: the condition's next cross-training), or rest; the title
 * and detail say until when and why ([text] restricted_day). */
static void restricted_day(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                           const char *cross, struct rh_plan_day *d)
{
    char until[11], seen[11], line[400];
    rh_date_format(st->run_from, until);
    rh_date_format(st->cleared_day, seen);
    if (!strcmp(st->visit, "cross_train")) {
        char sec[64];
        rh__fmt(sec, sizeof sec, "cross_train.%s", cross);
        rh__fmt(d->kind, sizeof d->kind, "cross_train");
        rh__fmt(d->title, sizeof d->title, PW("visit_cross_title"), rh_plan_kb_get(kb, sec, "name"),
                until);
        rh_str_appendf(d->detail, sizeof d->detail, "%s [%s]\n", rh_plan_kb_get(kb, sec, "desc"),
                       rh_plan_kb_get(kb, sec, "source"));
    } else {
        rh__fmt(d->kind, sizeof d->kind, "rest");
        rh__fmt(d->title, sizeof d->title, PW("visit_rest_title"), until);
    }
    fill_text(kb, "restricted_day", line, sizeof line, seen, until);
    rh_str_appendf(d->detail, sizeof d->detail, "%s", line);
}

int rh_plan_calendar(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                     int32_t from_day, int ndays, struct rh_plan_day **out, struct rh_err *err)
{
    *out = NULL;
    if (ndays <= 0 || ndays > 366)
        return rh_err_set(err, RH_ERANGE, "calendar length must be 1..366 days, got %d", ndays);
    struct rh_plan_day *days = rh_calloc((size_t)ndays, sizeof *days);
    if (!days)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    enum rh_phase phase = st->phase;
    const char *tmpl = week_template(st, phase);
    const char *cross = cond_field(kb, st, "cross_train");
    char crosses[8][32];
    int ncross = 0;
    for (const char *at = cross ? cross : "cycling";
         ncross < 8 && rh__word_next(&at, crosses[ncross], sizeof crosses[0]);)
        ncross++;
    int run_index = 0, cross_index = 0;
    for (int i = 0; i < ndays; i++) {
        struct rh_plan_day *d = &days[i];
        d->day = from_day + i;
        int wd = rh_weekday(d->day);
        int week = (d->day - st->phase_day) / 7;
        if (week < 0)
            week = 0;
        const char *kind = rh__week_kind(kb, tmpl, wd);
        if (!strcmp(tmpl, "rehab_reduced") && !strcmp(kind, "run")) {
            /* the week's run days in order: past the runner's usual runs,
             * a rest day (rh_plan_reduced_runs) */
            int nth = 0;
            for (int k = 0; k < wd; k++)
                nth += strcmp(rh__week_kind(kb, tmpl, k), "run") == 0;
            if (nth >= rh_plan_reduced_runs(kb, st))
                kind = "rest";
        }
        const struct rh_exercise *ex[MAX_LIST];
        rh__fmt(d->kind, sizeof d->kind, "%s", kind);
        if (urgent_rest(st)) {
            rh__fmt(d->kind, sizeof d->kind, "rest");
            bool seen = seen_told(st);
            rh__fmt(d->title, sizeof d->title, "%s",
                    rh_plan_kb_get(kb, "text", seen ? "urgent_day_seen_title" : "urgent_day_title"));
            rh_str_appendf(d->detail, sizeof d->detail, "%s",
                           text_of(kb, st, seen ? "urgent_day_seen" : "urgent_day"));
            /* why a doctor today: the sources of the warning signs in force;
             * the crutches line cites its own (review 10 #21) */
            flag_sources(st, d->detail, sizeof d->detail);
            rh_str_appendf(d->detail, sizeof d->detail, "\n%s",
                           rh_plan_kb_get(kb, "text", "urgent_day_rest"));
        } else if (seen_first(st)) {
            seen_first_day(kb, st, strcmp(kind, "strength") == 0, d);
        } else if (strcmp(kind, "strength") == 0) {
            size_t n = pick(kb, st, "strength isometric eccentric balance", phase, ex, MAX_LIST);
            rh__fmt(d->title, sizeof d->title, PW("strength_title"), phase_field(kb, phase, "name"));
            list_exercises(d->detail, sizeof d->detail, ex, n);
            rh_str_appendf(d->detail, sizeof d->detail, "\n%s", text_of(kb, st, "stop_exercise"));
        } else if (strcmp(kind, "mobility") == 0) {
            size_t n = pick(kb, st, "release stretch warmup", phase, ex, MAX_LIST);
            rh__fmt(d->title, sizeof d->title, "%s", PW("mobility_title"));
            list_exercises(d->detail, sizeof d->detail, ex, n);
            /* the stretching cue only with stretches to do (review 7b, N16) */
            if (!n)
                rh_str_appendf(d->detail, sizeof d->detail, "%s", text_of(kb, st, "mobility_none"));
            else
                rh_str_appendf(d->detail, sizeof d->detail, "\n%s [ACSM, seed 001]",
                               PW("stretch_cue"));
        } else if (strcmp(kind, "cross_train") == 0) {
            char sec[64];
            rh__fmt(sec, sizeof sec, "cross_train.%s", crosses[cross_index++ % ncross]);
            rh__fmt(d->title, sizeof d->title, PW("cross_title"), rh_plan_kb_get(kb, sec, "name"));
            rh_str_appendf(d->detail, sizeof d->detail, "%s [%s]", rh_plan_kb_get(kb, sec, "desc"),
                rh_plan_kb_get(kb, sec, "source"));
        } else if (strcmp(kind, "run") == 0) {
            if (!rh_plan_no_running(st) && rh_plan_restricted(st, d->day)) {
                /* review 11 #4: the clinician's restriction, not the
                 * plan's own step: no run, walk-run or test before it ends */
                restricted_day(kb, st, crosses[cross_index % ncross], d);
                if (!strcmp(d->kind, "cross_train"))
                    cross_index++;
            } else if (rh_plan_no_running(st) ||
                       (phase < RH_PHASE_RETURN && st->run_mode == RH_RUN_OFF)) {
                rh__fmt(d->kind, sizeof d->kind, "rest");
                rh__fmt(d->title, sizeof d->title, "%s", PW("rest_no_running"));
            } else {
                run_session(kb, st, phase, run_index++, week, d);
            }
        } else {
            rh__fmt(d->title, sizeof d->title, "%s", PW("rest"));
            rh_str_appendf(d->detail, sizeof d->detail, "%s", text_of(kb, st, "rest_day"));
        }
        if (!urgent_rest(st) && !seen_first(st))
            daily_exercises(kb, st, phase, d);
        /* session 23 (branch plan27): under a fracture a clinician
         * diagnosed, their plan decides every load on the leg: the day's
         * cross-training, walking and exercises (the rest day's daily ones
         * too) are said as far as they allow, not the rest day alone */
        if (diagnosed_day(st) && !urgent_rest(st) && !seen_first(st) &&
            (strcmp(d->kind, "rest") != 0 || d->n_daily))
            rh_str_appendf(d->detail, sizeof d->detail, "%s%s", *d->detail ? "\n" : "",
                           rh_plan_kb_get(kb, "text", "day_diagnosed"));
    }
    /* a parent's plan: the days said of the child ("Rest the hip until
     * your child has been seen"), for the terminal, the web and the
     * calendar file alike (ux11) */
    for (int i = 0; i < ndays; i++) {
        rh_plan_said_of(st, days[i].title, sizeof days[i].title);
        rh_plan_said_of(st, days[i].detail, sizeof days[i].detail);
    }
    *out = days;
    return 0;
}

/* ---- text --------------------------------------------------------------------- */

/* Appends text wrapped at 78 columns after indent; a source list "[...]"
 * stays on the line of the word before it. 0 or the first failed append's
 * error (RH_ENOMEM, RH_ELIMIT). */
static int wrap(struct rh_buf *b, const char *indent, const char *text)
{
    size_t col = 0, il = strlen(indent);
    int r = rh_buf_puts(b, indent);
    col = il;
    /* a list item ("- ...") goes on under its first word */
    char hang[64];
    rh__fmt(hang, sizeof hang, "%s%s", indent, strncmp(text, "- ", 2) == 0 ? "  " : "");
    const char *next = hang;
    const char *p = text;
    while (!r && *p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        bool source = *p == '[' && strchr(p, ']');
        if (source)
            p = strchr(p, ']') + 1;
        while (*p && *p != ' ')
            p++;
        size_t wl = (size_t)(p - w);
        if (!wl)
            break;
        if (col > il && col + 1 + wl > 78 && !source) {
            r = rh_buf_printf(b, "\n%s", next);
            col = il = strlen(next);
        } else if (col > il) {
            r = rh_buf_puts(b, " ");
            col++;
        }
        if (!r)
            r = rh_buf_append(b, w, wl);
        col += wl;
    }
    return r ? r : rh_buf_puts(b, "\n");
}

/* Appends while no append has failed (werr: the first failure). */
#define P(call)                                                                                    \
    do {                                                                                           \
        if (!werr)                                                                                 \
            werr = (call);                                                                            \
    } while (0)

/* Session 26 (ux26): how to do the exercises the days name
 * (rh_plan_days_exercises), as the web's Today and Plan pages list them:
 * the heading ([text] head_key), what a dose such as "2-3 x 10-12" means
 * ([text] howto_dose), then each exercise's name and how to do it. */
static int howto_text(const struct rh_plan_kb *kb, struct rh_plan_said *said, struct rh_buf *b,
                      const struct rh_plan_day *days, int n, const char *indent,
                      const char *head_key)
{
    const struct rh_exercise *ex[64];
    size_t k = rh_plan_days_exercises(kb, days, n, ex, sizeof ex / sizeof *ex);
    if (!k)
        return 0;
    int werr = 0;
    char in2[32], line[1200];
    rh__fmt(in2, sizeof in2, "%s  ", indent);
    rh__fmt(line, sizeof line, "%s:", rh_plan_kb_get(kb, "text", head_key));
    P(wrap(b, indent, line));
    if (rh_plan_doses_have_sets(ex, k)) /* the dose's words only where a dose has sets */
        P(wrap(b, in2, rh_plan_kb_get(kb, "text", "howto_dose")));
    for (size_t i = 0; i < k; i++) {
        char name[400];
        rh_plan_plain_names(kb, said, ex[i]->name, name, sizeof name);
        rh__fmt(line, sizeof line, "- %s: %s", name, ex[i]->desc);
        P(wrap(b, in2, line));
    }
    return werr;
}

/* ---- the notice ------------------------------------------------------------- */

/* The action in words without its heading ("Get medical help today: go to
 * ..." under "Get medical help today"), capitalised. */
static void action_words(char *dst, size_t cap, const char *text, const char *head)
{
    size_t hl = strlen(head);
    if (strncmp(text, head, hl) == 0 && text[hl] == ':' && text[hl + 1] == ' ')
        text += hl + 2;
    rh__copy_sentences(dst, cap, text);
    if (*dst >= 'a' && *dst <= 'z')
        *dst = (char)(*dst - 'a' + 'A');
}

/* The assessment's reason for flag id (its stored result res, or NULL). */
static void fill_why(struct rh_notice_flag *f, const char *id, json_t *res)
{
    json_t *fl = json_object_get(res, "red_flags");
    for (size_t i = 0; json_is_array(fl) && i < json_array_size(fl); i++) {
        json_t *o = json_array_get(fl, i);
        const char *fid = json_string_value(json_object_get(o, "id"));
        const char *why = json_string_value(json_object_get(o, "why"));
        if (fid && why && strcmp(fid, id) == 0)
            rh__copy_sentences(f->why, sizeof f->why, why);
    }
}

/* One flag into the notice, once (the first, most urgent, place wins). */
static void notice_add(struct rh_plan_notice *n, const char *id, int urgency, bool diary,
                       const char *from, json_t *res, const char *said, const char *titles)
{
    struct rh_notice_flag *f = NULL;
    for (int i = 0; i < n->n_flags && !f; i++)
        if (strcmp(n->flags[i].id, id) == 0)
            f = &n->flags[i];
    if (f) {
        /* said once, where it is most urgent; the assessment's reason too */
        if (!diary && f->diary) {
            rh_str_appendf(f->from, sizeof f->from, "; %s", from);
            fill_why(f, id, res);
        }
        return;
    }
    const char *name = rh_assess_flag_name(id);
    if (!name || n->n_flags == RH_NOTICE_MAX_FLAGS)
        return; /* an id the knowledge base no longer has (an old stored plan) */
    /* the static id of the knowledge base, not the caller's buffer */
    const char *sid = NULL;
    for (int i = 0; i < rh_assess_flag_count() && !sid; i++)
        if (strcmp(rh_assess_flag_id(i), id) == 0)
            sid = rh_assess_flag_id(i);
    assert(sid);
    f = &n->flags[n->n_flags++];
    memset(f, 0, sizeof *f);
    f->id = sid;
    f->name = name;
    f->urgency = urgency;
    f->diary = diary;
    rh__fmt(f->from, sizeof f->from, "%s", from);
    /* one a diary note raised: named by what the runner wrote, with why
       that matters */
    if (diary && said &&
        !rh__said_get(said, id, f->said, sizeof f->said, f->matters, sizeof f->matters,
                      f->said_on))
        f->said[0] = f->matters[0] = f->said_on[0] = '\0';
    if (!diary)
        fill_why(f, id, res);
    /* review 9 #5: headed by what was seen (the assessment's answers, or
     * the diary entry's, as its answer named it: diary_titles), with the
     * reason the assessment and the diary give ("because you wrote ..."); a
     * plan stored before them: the flag's plain title */
    char because[sizeof f->matters];
    if (diary && titles && rh__title_get(titles, id, f->title, sizeof f->title, because,
                                         sizeof because)) {
        if (!*f->matters)
            rh__fmt(f->matters, sizeof f->matters, "%s", because);
    } else {
        rh_assess_flag_title(id, diary ? NULL : f->why, f->title, sizeof f->title);
    }
}

/* The flags of a space-separated list into the notice. */
static void notice_add_list(struct rh_plan_notice *n, const char *list, const char *skip,
                            int urgency, bool diary, const char *from, json_t *res,
                            const char *said, const char *titles)
{
    char w[RH__WORD_MAX];
    for (const char *at = list; rh__word_next(&at, w, sizeof w);)
        if (!skip || !rh__word_in(skip, w))
            notice_add(n, w, urgency, diary, from, res, said, titles);
}

/* review9 #6: the diary's flags of list (less those in skip) into the
 * notice, each with its own urgency and days (st->diary_marks); a flag
 * without a mark (a plan stored before) takes the diary's urgency (dflt)
 * and days. kept: logged before this assessment, and said so. */
static void notice_add_diary(struct rh_plan_notice *n, const struct rh_plan_state *st,
                             const char *list, const char *skip, int dflt, bool kept, json_t *res)
{
    char w[RH__WORD_MAX];
    for (const char *at = list; rh__word_next(&at, w, sizeof w);) {
        if (skip && rh__word_in(skip, w))
            continue;
        int u = dflt;
        int32_t first = st->diary_since, latest = st->diary_day;
        rh__diary_mark_get(st->diary_marks, w, &u, &first, &latest);
        char span[48], from[320];
        rh__diary_span(first, latest, span, sizeof span);
        const char *before = kept ? PW("notice_before_assessment") : "";
        if (*span)
            rh__fmt(from, sizeof from, PW("notice_logged"), span, before);
        else
            rh__fmt(from, sizeof from, PW("notice_logged_diary"), before);
        notice_add(n, w, u, true, from, res, st->diary_said, st->diary_titles);
    }
}

/* What to do now under a notice that stops running the assessment allowed,
 * or asks for more care than it did (rh_plan_notice.overrules): the care of
 * the notice, no running, the reason in plain words and what the answers
 * alone point to once it is lifted. */
static void todo(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                 struct rh_plan_notice *n, enum rh_disposition own)
{
    bool block = n->kind == RH_NOTICE_BLOCK, hold = n->kind == RH_NOTICE_HOLD;
    if (!block && !hold)
        return;
    int level = n->urgency > (int)own ? n->urgency : (int)own;
    if (level < (int)RH_DISP_SEE_PHYSIO)
        level = (int)RH_DISP_SEE_PHYSIO; /* as the notice's heading */
    if (strcmp(st->running, "stop") == 0 && level == (int)own)
        return; /* the assessment says the same itself */
    n->overrules = true;
    /* runner21: a pelvic-floor hold's summary said "Book a physiotherapist
     * (ideally a sports physiotherapist)" and "an entry within the pain
     * rule brings it back" where Today and the plan book a pelvic-health
     * physiotherapist whose visit lifts it */
    bool pelvic = hold && level == (int)RH_DISP_SEE_PHYSIO && booking_pelvic(st);
    /* session 22 (branch diary26): a fracture a clinician diagnosed is
     * lifted by their decision recorded, not by the pain rule */
    bool diagnosed = hold && st->diagnosed_hold;
    rh__fmt(n->todo_care, sizeof n->todo_care, "%s",
            pelvic ? rh_plan_kb_get(kb, "text", "booking_pelvic")
                   : rh_disposition_text((enum rh_disposition)level));
    rh__fmt(n->todo_running, sizeof n->todo_running, "%s",
            rh_plan_kb_get(kb, "text", block       ? "todo_block"
                                       : diagnosed ? "todo_hold_diagnosed"
                                       : pelvic    ? "todo_hold_pelvic"
                                                   : "todo_hold"));
    /* the reason: the diary's warning signs by name and day, else the rule */
    char names[700] = "";
    int nd = 0;
    const char *from = NULL; /* when every one was logged alike: said once */
    bool alike = true;
    for (int i = 0; i < n->n_flags; i++) {
        if (!n->flags[i].diary)
            continue;
        if (from && strcmp(from, n->flags[i].from) != 0)
            alike = false;
        from = n->flags[i].from;
        nd++;
    }
    for (int i = 0, k = 0; i < n->n_flags; i++) {
        if (!n->flags[i].diary)
            continue;
        rh_str_appendf(names, sizeof names, "%s%s", k++ ? "; " : "", n->flags[i].title);
        if (!alike)
            rh_str_appendf(names, sizeof names, " (%s)", n->flags[i].from);
    }
    if (nd && alike)
        rh_str_appendf(names, sizeof names, " (%s)", from);
    char why[900];
    /* the end of the sentences below: a new assessment does not clear them */
    const char *end = n->kept ? PW("notice_kept_end") : ".";
    if (block && nd)
        rh__fmt(why, sizeof why, PW(nd == 1 ? "notice_why" : "notice_why_many"), names, end);
    else if (hold && *st->hold_reason)
        rh__fmt(why, sizeof why, "%s%s%s", st->hold_reason, n->kept ? " " : "",
                n->kept ? PW("notice_hold_kept") : "");
    else if (*n->stop >= 'a' && *n->stop <= 'z')
        rh__fmt(why, sizeof why, PW("notice_because"), n->stop);
    else
        rh__fmt(why, sizeof why, "%s", n->stop);
    rh__copy_sentences(n->todo_why, sizeof n->todo_why, why);
    /* under the notice, which lists them: the same without the list */
    if (block && nd)
        rh__fmt(n->todo_why_above, sizeof n->todo_why_above,
                PW(nd == 1 ? "notice_why_above" : "notice_why_above_many"), end);
    char k1[48], k2[48];
    rh__fmt(k1, sizeof k1, "%s.short", rh_disposition_name(own));
    rh__fmt(k2, sizeof k2, "%s.short", st->running);
    const char *w1 = rh_words("disposition", k1), *w2 = rh_words("running", k2);
    /* answers that alone call for a doctor are not advice for after a
     * doctor has cleared the runner (review 10 #14): what they would have
     * advised, said as that */
    rh__fmt(n->todo_after, sizeof n->todo_after, "%s: %s; %s.",
            rh_plan_kb_get(kb, "text", own >= RH_DISP_SEE_DOCTOR_SOON ? "todo_after_answers"
                                       : block                        ? "todo_after_block"
                                       : diagnosed                    ? "todo_after_hold_diagnosed"
                                       : pelvic                       ? "todo_after_hold_pelvic"
                                                                      : "todo_after_hold"),
            w1 ? w1 : rh_disposition_name(own), w2 ? w2 : st->running);
}

/* s (cap bytes) said of a parent's child (data/wording.txt [text]
 * child_person: "has seen you" -> "has seen your child"); left as it is
 * when it would not fit or memory runs out. */
static void child_words(char *s, size_t cap)
{
    /* the assessment's words for a parent's child (rh_assess_said_to) */
    rh_text_person_in_place(rh_words("text", "child_person"), s, cap);
}

static void child_notice(struct rh_plan_notice *n)
{
    n->child = true;
    child_words(n->stop, sizeof n->stop);
    child_words(n->action, sizeof n->action);
    child_words(n->not_covered, sizeof n->not_covered);
    child_words(n->comeback, sizeof n->comeback);
    child_words(n->care_why, sizeof n->care_why);
    child_words(n->todo_care, sizeof n->todo_care);
    child_words(n->todo_running, sizeof n->todo_running);
    child_words(n->todo_why, sizeof n->todo_why);
    child_words(n->todo_why_above, sizeof n->todo_why_above);
    child_words(n->todo_after, sizeof n->todo_after);
    for (int i = 0; i < n->n_flags; i++) {
        child_words(n->flags[i].matters, sizeof n->flags[i].matters);
        /* its heading too, as the assessment's says it (words15: "Pain that
         * wakes your child at night", rh_assess_flag_title_said) */
        child_words(n->flags[i].title, sizeof n->flags[i].title);
    }
}

int rh_plan_notice(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                   const char *result_json, struct rh_plan_notice *n, struct rh_err *err)
{
    memset(n, 0, sizeof *n);
    n->urgency = rh_plan_urgency(st);
    n->kind = st->blocked && !st->cleared ? RH_NOTICE_BLOCK
              /* session 32 (run32): a sign that stops running by its level
               * and the running kept with it (rh_plan_sign_stops_running) */
              : *st->diary_flags && rh_plan_diary_stops_running(kb, st) ? RH_NOTICE_BLOCK
              : *st->diary_flags ? RH_NOTICE_SEE /* a physiotherapist's level (diaryword) */
              : st->hold                  ? RH_NOTICE_HOLD
              : st->see_someone           ? RH_NOTICE_SEE
                                          : RH_NOTICE_NONE;
    n->kept = rh_plan_keeps_diary_flags(st) || (st->hold && st->hold_kept);
    n->diary = n->kept || *st->diary_flags || st->hold;
    enum rh_disposition own = RH_DISP_SELF_CARE;
    if (rh_disposition_parse(st->disposition, &own))
        own = RH_DISP_SELF_CARE;
    n->care = (int)own;
    if (n->kept && n->urgency > n->care) {
        n->care = n->urgency;
        char k1[48], k2[48];
        rh__fmt(k1, sizeof k1, "%s.short", rh_disposition_name((enum rh_disposition)n->care));
        rh__fmt(k2, sizeof k2, "%s.short", rh_disposition_name(own));
        const char *w1 = rh_words("disposition", k1), *w2 = rh_words("disposition", k2);
        rh__fmt(n->care_why, sizeof n->care_why, PW("notice_care_now"),
                w1 ? w1 : rh_disposition_name((enum rh_disposition)n->care),
                w2 ? w2 : rh_disposition_name(own));
    }
    if (n->kind == RH_NOTICE_NONE)
        return 0;
    n->alert = rh_plan_level_alert(kb, n->urgency); /* the box's colour: its level */
    n->heading = rh_plan_see_heading(st);
    if (n->kind == RH_NOTICE_HOLD && !st->see_someone)
        n->heading = rh_plan_kb_get(kb, "text", st->diagnosed_hold ? "diagnosed_hold_heading"
                                                : st->pelvic_hold  ? "pelvic_hold_heading"
                                                                   : "hold_heading");
    if (!n->heading)
        n->heading = rh_plan_see_heading(st);
    json_t *res = NULL;
    if (result_json) {
        json_error_t je;
        res = json_loads(result_json, 0, &je); /* unreadable: the flags without reasons */
    }
    char d1[11], from[320];
    if (n->kind == RH_NOTICE_BLOCK) {
        /* the groups of flags by their urgency, the most urgent first (a
         * tie: the assessment, the diary, the pain hold) */
        enum rh_disposition ad = RH_DISP_SELF_CARE;
        if (rh_disposition_parse(st->disposition, &ad))
            ad = RH_DISP_SELF_CARE;
        int ug[3] = {(int)ad, st->diary_urgency, st->hold ? st->hold_urgency : -1};
        int order[3] = {0, 1, 2};
        for (int i = 1; i < 3; i++)
            for (int j = i; j > 0 && ug[order[j]] > ug[order[j - 1]]; j--) {
                int t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
        for (int k = 0; k < 3; k++) {
            if (order[k] == 0) {
                /* red flags a professional cleared are not in force */
                notice_add_list(n, st->red_flags, st->cleared_day > 0 ? st->cleared_flags : NULL,
                                ug[0], false, PW("notice_from_assessment"), res, NULL, NULL);
            } else if (order[k] == 1 && *st->diary_flags) {
                /* review9 #6: each flag with its own urgency and days (a
                 * plan stored before: the diary's, for each alike) */
                notice_add_diary(n, st, st->diary_flags, st->kept_flags, ug[1], false, res);
                notice_add_diary(n, st, st->kept_flags, NULL, ug[1], true, res);
            } else if (order[k] == 2 && st->hold && *st->hold_flags) {
                rh_date_format(st->hold_day, d1);
                if (st->hold_day > 0)
                    rh__fmt(from, sizeof from, PW("notice_hold_on"), d1);
                else
                    rh__fmt(from, sizeof from, "%s", PW("notice_hold_diary"));
                notice_add_list(n, st->hold_flags, NULL, ug[2], true, from, res, NULL,
                                st->diary_titles);
            }
        }
        /* review9 #6: the most urgent flag first, whichever group it is in
         * (stable: a tie keeps the groups' order) */
        for (int i = 1; i < n->n_flags; i++)
            for (int j = i; j > 0 && n->flags[j].urgency > n->flags[j - 1].urgency; j--) {
                struct rh_notice_flag t = n->flags[j];
                n->flags[j] = n->flags[j - 1];
                n->flags[j - 1] = t;
            }
        /* the reasons that are not flags */
        bool stop = strcmp(st->running, "stop") == 0;
        bool afl = false;
        for (int i = 0; i < n->n_flags; i++)
            afl |= !n->flags[i].diary;
        if (stop && st->assessment_id)
            rh_str_appendf(n->stop, sizeof n->stop, "%s", PW("notice_stop_advised"));
        else if (!afl && strcmp(st->disposition, "urgent") == 0)
            rh_str_appendf(n->stop, sizeof n->stop, "%s", PW("notice_stop_urgent"));
        if (rh_plan_keeps_diary_flags(st))
            rh_str_appendf(n->stop, sizeof n->stop, "%s%s", *n->stop ? " " : "",
                           PW("notice_not_cleared"));
        if (!n->n_flags && !*n->stop && *st->block_reason)
            rh__fmt(n->stop, sizeof n->stop, "%s.", st->block_reason);
        action_words(n->action, sizeof n->action,
                     rh_disposition_text(n->urgency > (int)RH_DISP_SEE_PHYSIO
                                             ? (enum rh_disposition)n->urgency
                                             : RH_DISP_SEE_PHYSIO),
                     n->heading);
        rh__fmt(n->comeback, sizeof n->comeback, "%s", PW("notice_comeback"));
        /* session 21 (branch diary25): a note told since the diary's latest
         * warning sign that a clinician has now seen it: what is left is to
         * record what they decided, not to go again (terminal and web) */
        if (seen_told(st)) {
            rh_date_format(st->seen_told_day, d1);
            rh__fmt(n->action, sizeof n->action, PW("notice_seen_told"), d1, st->seen_told);
            rh__fmt(n->comeback, sizeof n->comeback, "%s", PW("notice_seen_told_comeback"));
            n->heading = PW("notice_seen_told_heading");
            n->seen_told = true;
        }
        if (!st->cleared && st->cleared_day > 0 && *st->cleared_flags) {
            rh_date_format(st->cleared_day, d1);
            char note[340] = "";
            if (*st->cleared_note)
                rh__fmt(note, sizeof note, " (%.*s)", (int)rh_utf8_cut(st->cleared_note, 300),
                        st->cleared_note);
            rh__fmt(n->not_covered, sizeof n->not_covered, PW("notice_not_covered"), d1, note);
        }
    } else if (n->kind == RH_NOTICE_HOLD) {
        rh__copy_sentences(n->stop, sizeof n->stop, st->hold_reason);
        if (st->see_someone) {
            /* the hold's reason is see_why's first sentence ("Pain during
             * activity was 8/10 (7 or more): no running ..."): not said twice */
            const char *w = st->see_why;
            const char *dot = strstr(w, ". ");
            const char *colon = strstr(w, ": ");
            if (dot && colon && colon < dot && colon > w + 1) {
                char clause[300];
                rh__fmt(clause, sizeof clause, "%.*s", (int)(colon - w - 1), w + 1);
                if (strstr(st->hold_reason, clause))
                    w = dot + 2;
            }
            action_words(n->action, sizeof n->action, w, n->heading);
        }
        /* session 21 (branch diary25): a pelvic-floor hold is said once, by
         * the heading ("No running until your pelvic floor has been
         * checked"): the reason without its "no running until ..." clause,
         * then what goes on meanwhile ([text] pelvic_hold_notice), not the
         * hold three times over (stored reasons too) */
        /* session 22 (branch diary26): a fracture a clinician diagnosed,
         * told in a note, the same: heading, reason, their plan meanwhile */
        if (st->pelvic_hold || st->diagnosed_hold) {
            char *cl = strstr(n->stop, ": no running until");
            if (cl)
                rh__fmt(cl, sizeof n->stop - (size_t)(cl - n->stop), ".");
        }
        rh__copy_sentences(n->comeback, sizeof n->comeback,
                           text_of(kb, st, st->diagnosed_hold ? "diagnosed_hold_notice"
                                           : st->pelvic_hold  ? "pelvic_hold_notice"
                                                              : "hold"));
        n->pelvic = st->pelvic_hold && !st->diagnosed_hold;
        n->diagnosed = st->diagnosed_hold;
    } else {
        /* session 17 (branch diaryword): the diary's signs of a
         * physiotherapist's level, listed as a block lists them; running
         * goes on (see_why says how) */
        /* session 32 (branch run32): the assessment's signs whose running
         * came lowered (a doctor within days, running reduced until then):
         * listed first, as a block lists them, with the visit said first */
        if (!st->blocked && *st->red_flags && !rh_plan_after_clearance(st)) {
            enum rh_disposition ad = RH_DISP_SEE_DOCTOR_SOON;
            if (rh_disposition_parse(st->disposition, &ad))
                ad = RH_DISP_SEE_DOCTOR_SOON;
            notice_add_list(n, st->red_flags, st->cleared_day > 0 ? st->cleared_flags : NULL,
                            (int)ad, false, PW("notice_from_assessment"), res, NULL, NULL);
        }
        if (*st->diary_flags) {
            notice_add_diary(n, st, st->diary_flags, st->kept_flags, st->diary_urgency, false, res);
            notice_add_diary(n, st, st->kept_flags, NULL, st->diary_urgency, true, res);
        }
        action_words(n->action, sizeof n->action, st->see_why, n->heading);
        /* session 32 (run32): the visit its heading says ("See a doctor
         * within the next few days.") is not said again at the action's
         * start: the action goes on with what running does meanwhile */
        size_t hl = strlen(n->heading);
        while (hl && n->heading[hl - 1] == '.')
            hl--;
        if (hl && strncasecmp(n->action, n->heading, hl) == 0 && n->action[hl] == '.' &&
            n->action[hl + 1] == ' ' && n->action[hl + 2])
            memmove(n->action, n->action + hl + 2, strlen(n->action + hl + 2) + 1);
        /* session 17 (diaryword2): a notice of a physiotherapist's level is
         * headed so ([text] flag_physio_heading), and its booking is said
         * once: when the plan's booking (rh_plan_booking, "... Until you have
         * been seen, this stays here") says the same words, not here too */
        char book[700];
        if (booking_takes_signs(kb, st) && rh_plan_booking(kb, st, book, sizeof book)) {
            /* words19: the booking is the doctor's, for both reasons: the
             * physiotherapist is not booked here too, and running goes on
             * until that visit */
            /* session 31 (branch n29ret): a doctor's sign whose trigger
             * keeps running on says its own words, not a lock's */
            rh__physio_running(kb, st,
                               st->diary_urgency >= (int)rh__flag_stop_level(kb)
                                   ? "flag_doctor_running"
                                   : "flag_physio_running_doctor",
                               n->action, sizeof n->action);
        } else if (*st->diary_flags && n->urgency <= (int)RH_DISP_SEE_PHYSIO) {
            const char *h = rh_plan_kb_get(kb, "text", "flag_physio_heading");
            if (h && *h)
                n->heading = h;
            n->physio = true;
            const char *w = rh_disposition_text(RH_DISP_SEE_PHYSIO);
            size_t wl = w ? strlen(w) : 0;
            if (wl && rh_plan_booking(kb, st, book, sizeof book) && strstr(book, w)) {
                char *at = strstr(n->action, w);
                if (at) {
                    const char *rest = at + wl;
                    while (*rest == ' ')
                        rest++;
                    memmove(at, rest, strlen(rest) + 1);
                }
            }
        }
    }
    /* an action that only repeats its heading ("See a doctor within the next
     * few days." under "See a doctor within a few days") is said once */
    for (int l = 0; l <= (int)RH_DISP_URGENT && *n->action; l++) {
        char k1[48], k2[48];
        const char *name = rh_disposition_name((enum rh_disposition)l);
        rh__fmt(k1, sizeof k1, "%s.heading", name);
        rh__fmt(k2, sizeof k2, "%s.short", name);
        const char *h = rh_words("disposition", k1), *sh = rh_words("disposition", k2);
        if (h && sh && strcmp(h, n->heading) == 0 && strcasecmp(h, sh) == 0 &&
            strcmp(n->action, rh_disposition_text((enum rh_disposition)l)) == 0)
            n->action[0] = '\0';
    }
    json_decref(res);
    todo(kb, st, n, own);
    if (st->for_child)
        child_notice(n);
    (void)err;
    return 0;
}


int rh_plan_notice_todo(const struct rh_plan_notice *n, const char *out[RH_NOTICE_TODO_PARTS])
{
    if (!n || !n->overrules)
        return 0;
    out[0] = n->todo_care;
    out[1] = n->todo_running;
    out[2] = n->todo_why;
    out[3] = n->todo_after;
    return RH_NOTICE_TODO_PARTS;
}

enum rh_advice_when rh_plan_notice_advice(const struct rh_plan_notice *n)
{
    if (n && n->kind == RH_NOTICE_BLOCK)
        return RH_ADVICE_CLEARED;
    if (n && n->kind == RH_NOTICE_HOLD)
        return n->pelvic ? RH_ADVICE_PELVIC : RH_ADVICE_SETTLED;
    return RH_ADVICE_NOW;
}

const char *rh_plan_phase_goal(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                               enum rh_phase p, int32_t day)
{
    /* a block until seen overrules every phase's goal: no cross-training or
     * strength work (review 7b, N5) */
    if (p == st->phase && urgent_rest(st))
        return rh_plan_kb_get(kb, "text", seen_told(st) ? "goal_urgent_seen" : "goal_urgent");
    if (p == st->phase && seen_first(st))
        return rh_plan_kb_get(kb, "text", "goal_blocked");
    /* session 23: a diagnosed fracture's hold: the clinician's plan decides
     * the cross-training and exercises, not "only if they do not hurt" */
    if (p == st->phase && diagnosed_day(st))
        return rh_plan_kb_get(kb, "text", "goal_diagnosed");
    if (p == st->phase && rh_plan_no_running(st) && *phase_field(kb, p, "goal_stopped"))
        return phase_field(kb, p, "goal_stopped");
    /* a recorded visit's restriction in force on day: its own terms, not
     * the phase's running (review 12: "run less" under no running) */
    if (p == st->phase && rh_plan_restricted(st, day)) {
        char key[48];
        rh__fmt(key, sizeof key, "goal_visit_%s", st->visit);
        const char *g = rh_plan_kb_get(kb, "text", key);
        if (g && *g)
            return g;
    }
    /* a clinician's walk-run decision: the run days of the phases before
     * return to running are its walk-run stages (run_session), so the goal
     * says that, not the phase's "run less, your usual number of runs" */
    if (p == st->phase && p < RH_PHASE_RETURN && !strcmp(st->visit, "walk_run") &&
        st->run_mode != RH_RUN_OFF) {
        const char *g = rh_plan_kb_get(kb, "text", "goal_visit_walk_run");
        if (g && *g)
            return g;
    }
    if (p == st->phase && p < RH_PHASE_RETURN && st->run_mode == RH_RUN_OFF) {
        /* the assessment's own advice, or the diary's step back: the true
         * reason (review 8, 8) */
        bool advised = strcmp(st->running, "stop") == 0 ||
                       strcmp(st->running, "cross_train_only") == 0;
        if (!advised && st->runs_off_checkin) {
            const char *c = rh_plan_kb_get(kb, "text", "goal_runs_off_checkin");
            if (c && *c)
                return c;
        }
        const char *g = phase_field(kb, p, advised ? "goal_no_run" : "goal_runs_off");
        if (*g)
            return g;
    }
    return phase_field(kb, p, "goal");
}

int rh_plan_notice_text(const struct rh_plan_notice *n, struct rh_buf *b)
{
    int werr = 0;
    if (n->kind == RH_NOTICE_NONE)
        return 0;
    char line[RH_ASSESS_WHY_LEN + 700];
    P(rh_buf_puts(b, "\n"));
    rh__fmt(line, sizeof line, "%s.", n->heading);
    P(wrap(b, "", line));
    if (n->kind == RH_NOTICE_HOLD && (n->pelvic || n->diagnosed) && *n->stop) {
        /* session 21 (branch diary25): the heading says the hold; its
         * reason follows, without "NO RUNNING for now" again */
        P(wrap(b, "", n->stop));
    } else if (n->kind == RH_NOTICE_BLOCK || n->kind == RH_NOTICE_HOLD) {
        rh__fmt(line, sizeof line, "%s%s%s",
                PW(n->kind == RH_NOTICE_BLOCK ? "no_running_block"
                   : n->pelvic                ? "no_running_pelvic"
                                              : "no_running_hold"),
                !*n->stop ? "." : (*n->stop >= 'A' && *n->stop <= 'Z') ? ". " : ": ", n->stop);
        P(wrap(b, "", line));
    }
    if (n->n_flags)
        P(rh_buf_printf(b, "%s\n", PW(n->n_flags == 1 ? "sign_in_force" : "signs_in_force")));
    for (int i = 0; i < n->n_flags; i++) {
        /* one a note raised: what the runner wrote, and why it matters */
        const struct rh_notice_flag *f = &n->flags[i];
        /* one of the assessment's: the reason it gives ("because you have a
         * fever"), as its own list and the web's notice say it */
        struct rh_buf bec;
        rh_buf_init(&bec, 0);
        if (*f->why && !*f->matters && rh_assess_flag_because(f->why, NULL, NULL, NULL, &bec))
            werr = werr ? werr : RH_ENOMEM;
        char said[RH_ASSESS_WHY_LEN] = "";
        if (bec.data)
            rh__fmt(said, sizeof said, "%s", bec.data);
        if (n->child) /* "because your child is 13, your child limps" */
            child_words(said, sizeof said);
        const char *why = *f->matters ? f->matters : said;
        rh__fmt(line, sizeof line, "- %s (%s)%s%s", f->title, f->from, *why ? ": " : "", why);
        rh_buf_release(&bec);
        P(wrap(b, "  ", line));
    }
    if (*n->action)
        P(wrap(b, "", n->action));
    if (*n->not_covered)
        P(wrap(b, "", n->not_covered));
    if (*n->comeback)
        P(wrap(b, "", n->comeback));
    if (*n->care_why)
        P(wrap(b, "", n->care_why));
    return werr;
}

/* The plan's notice (rh_plan_notice), then a clearance in force. 0 or the
 * first failed append. */
static int banners(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                   const char *result_json, struct rh_buf *b)
{
    int werr = 0;
    struct rh_plan_notice *n = rh_malloc(sizeof *n);
    struct rh_err err;
    if (!n)
        return RH_ENOMEM;
    P(rh_plan_notice(kb, st, result_json, n, &err));
    n->care_why[0] = '\0'; /* the plan says the assessment's advice itself, after */
    P(rh_plan_notice_text(n, b));
    rh_free(n);
    size_t cap = sizeof ((struct rh_plan_today *)0)->cleared_line;
    char *line = rh_malloc(cap);
    if (!line)
        return RH_ENOMEM;
    if (rh_plan_clearance_status(kb, st, line, cap))
        P(rh_buf_printf(b, "%s\n", line));
    rh_free(line);
    return werr;
}

bool rh_plan_clearance_status(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              char *out, size_t cap)
{
    if (!cap)
        return false;
    out[0] = '\0';
    if (st->blocked || !st->cleared)
        return false;
    /* review 11 #4: a visit that restricted running, or sent it back as
     * walk-run, is no clearance: its own sentence */
    if (kb && rh_plan_visit_text(kb, st, out, cap))
        return true;
    char d1[11];
    rh_date_format(st->cleared_day, d1);
    /* a note that ends its own sentence gets no second full stop */
    size_t nl = strlen(st->cleared_note);
    char last = nl ? st->cleared_note[nl - 1] : '\0';
    rh__fmt(out, cap, PW("cleared_by"), d1);
    rh_str_appendf(out, cap, "%s%s%s", nl ? ": " : "", st->cleared_note,
                   last == '.' || last == '!' || last == '?' ? "" : ".");
    return true;
}

/* ---- the parts the terminal and the web both show (words17) ------------------- */

bool rh_plan_see_someone(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                         struct rh_plan_see *out)
{
    memset(out, 0, sizeof *out);
    const char *note, *refer;
    bool after;
    cond_note(kb, st, &note, &refer, &after);
    if (!note)
        return false;
    note_said(kb, st, note, after, out->note, sizeof out->note);
    rh_plan_said_of(st, out->note, sizeof out->note);
    refer_filled(kb, refer, out->see, sizeof out->see);
    /* runner23b: one time frame for "see someone if it does not settle":
     * after the assessment's "change your training and watch the pain for
     * 1-2 weeks", the plan says that rule first ([text] see_settle, [pain]
     * design_physio_days, the diary's own), and the condition's own trigger
     * after it, unless that trigger is the same rule (refer_days within
     * it); a 17-year-old read only "more than six weeks" here */
    char sec[80];
    rh__fmt(sec, sizeof sec, "condition.%s", st->condition);
    double rd = rh__kb_num(kb, sec, "refer_days", -1);
    int design = (int)rh__kb_num(kb, "pain", "design_physio_days", 14);
    const char *settle = rh_plan_kb_get(kb, "text", "see_settle");
    if (settle && strcmp(st->disposition, "modify_training") == 0 && !after &&
        !(rd >= 0 && rd <= design)) {
        char nd[12], first[300], own[sizeof out->see];
        rh__fmt(nd, sizeof nd, "%d", design);
        const char *w = rh_words("disposition", "see_physio.short");
        const char *args[2] = {nd, w ? w : ""};
        rh_text_fill(first, sizeof first, settle, args, 2);
        rh__fmt(own, sizeof own, "%s", out->see);
        rh__fmt(out->see, sizeof out->see, "%s %s", first, own);
    }
    const char *h = rh_plan_kb_get(kb, "text", "see_someone_if");
    rh__fmt(out->see_heading, sizeof out->see_heading, "%s", h ? h : "");
    const char *src = cond_field(kb, st, "source");
    rh__fmt(out->source, sizeof out->source, "%s", src ? src : "");
    refer_met(kb, st, after, out->met, sizeof out->met);
    return true;
}

const char *rh_plan_phases_heading(const struct rh_plan_kb *kb)
{
    const char *h = rh_plan_kb_get(kb, "text", "phases");
    return h ? h : "";
}

const char *rh_plan_phases_when(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    const char *h = rh_plan_kb_get(kb, "text", st->for_child ? "phases_when_child" : "phases_when");
    return h ? h : "";
}

const char *rh_plan_phase_here(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    const char *h = rh_plan_kb_get(kb, "text", st->for_child ? "phase_here_child" : "phase_here");
    return h ? h : "";
}

void rh_plan_phase_words(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                         enum rh_phase p, int32_t day, struct rh_plan_phase_words *out)
{
    memset(out, 0, sizeof *out);
    out->number = (int)p + 1;
    out->name = phase_field(kb, p, "name");
    out->current = p == st->phase;
    out->done = p < st->phase;
    if (out->done)
        return;
    /* a parent's plan: said of the child (ux11) */
    const char *goal = rh_plan_phase_goal(kb, st, p, day);
    rh__fmt(out->goal, sizeof out->goal, "%s", goal ? goal : "");
    rh_plan_said_of(st, out->goal, sizeof out->goal);
    rh__fmt(out->entry, sizeof out->entry, "%s", phase_field(kb, p, "entry"));
    rh_plan_said_of(st, out->entry, sizeof out->entry);
    rh__fmt(out->exit, sizeof out->exit, "%s", phase_exit(kb, st, p));
    rh_plan_said_of(st, out->exit, sizeof out->exit);
    rh__fmt(out->source, sizeof out->source, "%s", phase_field(kb, p, "source"));
}

/* A [text] of plan_rules.txt, "" when missing (the loader requires it). */
static const char *ptext(const struct rh_plan_kb *kb, const char *key)
{
    const char *t = rh_plan_kb_get(kb, "text", key);
    return t ? t : "";
}

void rh_plan_volume_words(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                          struct rh_plan_volume_words *v)
{
    memset(v, 0, sizeof *v);
    v->n_weeks = rh_plan_volume(kb, st, v->km, RH_PLAN_VOLUME_WEEKS);
    rh__fmt(v->heading, sizeof v->heading, "%s", ptext(kb, "volume_heading"));
    char *line = v->base;
    size_t cap = sizeof v->base;
    /* words19: the words are data/wording.txt [plan_words] vol_* */
    const char *no_cad = rh_has(st->base_cadence) ? "" : PW("vol_no_cadence");
    const char *runs_s = st->n_base_runs == 1 ? "" : "s";
    if (rh_has(st->base_weekly_km) && st->base_weekly_km > 0 && st->n_base_runs == 0 &&
        st->base_thin_runs > 0) {
        /* runner23: runs recorded, but in too few of the weeks to stand for
         * the usual ones (rh_load_usual_weeks_covered): the answer */
        rh__fmt(line, cap, PW("vol_answer_thin"),
                PW(st->base_recent ? "vol_label_recent" : "vol_label_before"), st->base_weekly_km,
                st->base_thin_runs, st->base_thin_runs == 1 ? "" : "s",
                PW(st->base_recent ? "vol_your_assessment" : "vol_pain_began"));
    } else if (rh_has(st->base_weekly_km) && st->base_weekly_km > 0 && st->n_base_runs == 0) {
        /* no recordings before the pain: the runner's own answer */
        char nd[80] = "";
        if (st->base_newest_run >= 0) {
            char d[11];
            rh_date_format(st->base_newest_run, d);
            rh__fmt(nd, sizeof nd, PW("vol_newest"),
                    PW(st->base_recent ? "vol_it" : "vol_pain_began"), d);
        }
        rh__fmt(line, cap, PW("vol_answer"),
                PW(st->base_recent ? "vol_label_recent" : "vol_label_before"), st->base_weekly_km,
                PW(st->base_recent ? "vol_your_assessment" : "vol_pain_began"), nd);
    } else if (rh_has(st->base_weekly_km)) {
        char day[48], weeks[24];
        int kept = 4 - st->n_base_out;
        if (kept == 4)
            rh__fmt(weeks, sizeof weeks, "%s", PW("vol_mean"));
        else
            rh__fmt(weeks, sizeof weeks, "%d", kept < 1 ? 1 : kept);
        /* a pain of months: what the hip takes now (review 10 #10) */
        rh__fmt(line, cap, PW(st->base_recent ? "vol_recent" : "vol_before"), st->base_weekly_km,
                weeks, st->n_base_runs, runs_s, no_cad);
        for (int i = 0; i < st->n_base_out; i++) {
            const struct rh_plan_base_out *o = &st->base_out[i];
            /* the days of the week said, as the load report says its 7
             * days: "4-10 November" (review 7, A21) */
            char from[24], to[24];
            day_words(o->from, from, sizeof from);
            day_words(o->to, to, sizeof to);
            int fy, fm, fd, ty, tm, td;
            rh_civil_from_days(o->from, &fy, &fm, &fd);
            rh_civil_from_days(o->to, &ty, &tm, &td);
            if (fy == ty && fm == tm)
                rh__fmt(day, sizeof day, "%d-%s", fd, to);
            else
                rh__fmt(day, sizeof day, PW("vol_days"), from, to);
            char out[200];
            rh__fmt(out, sizeof out, PW(i == 0 ? "vol_left_out" : "vol_left_out_more"), o->km, day,
                    PW(strcmp(o->why, "jump") == 0    ? "vol_jump"
                       : strcmp(o->why, "spike") == 0 ? "vol_spike"
                                                      : "vol_jump_spike"));
            rh_str_appendf(line, cap, "%s", out);
        }
        rh_str_appendf(line, cap, ".");
        if (st->base_pain_days) {
            char pd[200];
            rh__fmt(pd, sizeof pd, PW("vol_pain_days"), st->base_pain_days,
                    st->base_pain_days == 1 ? "" : "s",
                    rh__kb_num(kb, "pain", st->base_recent ? "acceptable_max" : "safe_max",
                               st->base_recent ? 5 : 2));
            rh_str_appendf(line, cap, " %s", pd);
        }
    } else {
        /* why it is unknown, in what is true of the stored runs */
        char why[200], nd[11];
        if (st->base_thin_runs > 0) /* runner23 */
            rh__fmt(why, sizeof why, PW("vol_unknown_thin"), st->base_thin_runs,
                    st->base_thin_runs == 1 ? "" : "s",
                    PW(st->base_recent ? "vol_your_assessment" : "vol_the_pain"));
        else if (st->base_newest_run >= 0) {
            rh_date_format(st->base_newest_run, nd);
            rh__fmt(why, sizeof why, PW("vol_unknown_newest"),
                    PW(st->base_recent ? "vol_your_assessment" : "vol_the_pain"),
                    PW(st->base_recent ? "vol_it" : "vol_pain_began"), nd);
        } else if (st->base_newest_run == -1)
            rh__fmt(why, sizeof why, "%s", PW("vol_no_runs"));
        else
            rh__fmt(why, sizeof why, "%s", PW("vol_no_runs_before"));
        rh__fmt(line, cap, PW("vol_unknown"), why,
                PW(st->run_mode == RH_RUN_OFF ? "vol_unknown_ladder" : "vol_unknown_time"));
    }
    rh_plan_said_of(st, line, cap); /* a parent's plan (ux11) */
    /* where the calm weeks' number of runs comes from (review 9 #9) */
    if (rh_plan_runs_said(kb, st, v->runs, sizeof v->runs))
        rh_plan_said_of(st, v->runs, sizeof v->runs);
    if (rh_has(st->base_cadence))
        rh__fmt(v->cadence, sizeof v->cadence, PW("cadence"),
                PW(st->base_recent ? "cadence_recent" : "cadence_before"), st->base_cadence);
    if (st->blocked)
        rh__fmt(v->none, sizeof v->none, "%s",
                ptext(kb, st->for_child ? "volume_none_blocked_child" : "volume_none_blocked"));
    else if (st->hold) /* session 22 (branch diary26b): the hold's own words */
        rh__fmt(v->none, sizeof v->none, "%s",
                rh_plan_hold_text(kb, st, "text", "volume_none_hold"));
    if (v->n_weeks && st->run_mode == RH_RUN_REDUCED) {
        /* the calm weeks: what their runs add up to, and why so many */
        int nr = rh_plan_reduced_runs(kb, st);
        /* runner23: "kept at what your hip has tolerated lately" only when
         * it is kept: 5.0 km a week for a runner of 30 km a week (the runs'
         * own cap, rehab_run_km_max) is shorter than his usual runs */
        bool kept = st->base_recent &&
                    v->km[0] >= st->base_weekly_km *
                                        rh__kb_num(kb, "volume", "tolerated_fraction", 1) - 0.05;
        rh__fmt(v->reduced, sizeof v->reduced, PW("reduced"), nr, nr == 1 ? "" : "s",
                v->km[0] / (nr > 0 ? nr : 1), PW(kept ? "reduced_recent" : "reduced_shorter"),
                rh_plan_kb_get(kb, "volume", "reduced_source"));
    }
    /* review 11 #11: the weeks of the walk-run ladder rise by its stages
     * (5.6, 7.2, 9.6 km: +29%, +33%), not by the example's 10%: said so */
    int nv = v->n_weeks, ladder_weeks = 0;
    if (nv && st->run_mode == RH_RUN_OFF) {
        int per_week = (int)rh__kb_num(kb, "volume", "runs_per_week", 3);
        int total = kb->n_ladder * (int)rh__kb_num(kb, "ladder", "repeats", 2);
        ladder_weeks = per_week > 0 ? (total + per_week - 1) / per_week : 0;
        if (ladder_weeks > nv)
            ladder_weeks = nv;
    }
    if (ladder_weeks == nv && nv)
        rh__fmt(v->note, sizeof v->note, PW("note_ladder"), nv);
    else if (ladder_weeks)
        rh__fmt(v->note, sizeof v->note, PW("note_ladder_then"), ladder_weeks,
                rh__kb_num(kb, "volume", "weekly_increase_pct", 10),
                rh_plan_kb_get(kb, "volume", "source"));
    else if (nv)
        /* a cautious example, not a rule (review 7 B17: the load report
         * says a strict 10% rule was not protective in a trial) */
        rh__fmt(v->note, sizeof v->note, PW("note_example"),
                rh__kb_num(kb, "volume", "weekly_increase_pct", 10),
                rh_plan_kb_get(kb, "volume", "source"));
}

bool rh_plan_history_line(const struct rh_plan_state *st, int i, char *out, size_t cap)
{
    *out = '\0';
    if (i < 0 || i >= st->n_moves || rh_plan_move_repeated(st, i))
        return false;
    char d[11];
    rh_date_format(st->moves[i].day, d);
    if (st->moves[i].from == st->moves[i].to) /* no phase change: said once */
        rh__fmt(out, cap, "%s %s: %s", d, rh_phase_name(st->moves[i].from), st->moves[i].why);
    else
        rh__fmt(out, cap, "%s %s -> %s: %s", d, rh_phase_name(st->moves[i].from),
                rh_phase_name(st->moves[i].to), st->moves[i].why);
    return true;
}

void rh_plan_exercise_notes(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                            struct rh_plan_ex_notes *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < kb->n_ex; i++) {
        const struct rh_exercise *e = &kb->ex[i];
        if (rh_plan_exercise_fits(e, st->condition, st->phase))
            continue;
        int first = -1;
        for (int p = 0; p < RH_PHASE__COUNT; p++)
            if (e->phases & (1u << p) && rh_plan_exercise_fits(e, st->condition, (enum rh_phase)p)) {
                first = p;
                break;
            }
        if (first > (int)st->phase && strcmp(e->conditions, "all") != 0) {
            if (!*out->not_yet_head) {
                rh__fmt(out->not_yet_head, sizeof out->not_yet_head, "%s",
                        urgent_rest(st) || seen_first(st)
                            ? rh_plan_kb_get(kb, "text", "not_yet_blocked")
                            : PW("not_yet"));
                /* "before your child has been seen" */
                rh_plan_said_of(st, out->not_yet_head, sizeof out->not_yet_head);
            }
            char line[600];
            rh__fmt(line, sizeof line, "%s (", e->name);
            rh_str_appendf(line, sizeof line, PW("from_phase"), first + 1);
            rh_str_appendf(line, sizeof line, "): %s", e->too_early);
            rh_str_appendf(out->not_yet, sizeof out->not_yet, "%s%s", *out->not_yet ? "\n" : "",
                           line);
        }
    }
    for (size_t i = 0; *st->condition && i < kb->n_ex; i++) {
        const struct rh_exercise *e = &kb->ex[i];
        if (!rh__word_in(e->avoid_for, st->condition))
            continue;
        if (!*out->left_out_head)
            rh__fmt(out->left_out_head, sizeof out->left_out_head, PW("left_out"),
                    st->condition_name);
        char why[900];
        rh__avoid_why(e, st->condition, st->bone_stress, why, sizeof why);
        rh_str_appendf(out->left_out, sizeof out->left_out, "%s%s: %s [%s]",
                       *out->left_out ? "\n" : "", e->name, why, e->source);
    }
}

int rh_plan_advice_line(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                        size_t cap)
{
    if (!cap)
        return 0;
    out[0] = '\0';
    char d1[11], k1[48], k2[48];
    rh__fmt(k1, sizeof k1, "%s.short", st->disposition);
    rh__fmt(k2, sizeof k2, "%s.short", st->running);
    const char *w1 = rh_words("disposition", k1), *w2 = rh_words("running", k2);
    /* session 23 (plan27): the assessment's one booking after a birth,
     * as its WHAT TO DO NOW and Today say it: the pelvic-health
     * physiotherapist, or the physiotherapist who checks the pelvic
     * floor too */
    if (!strcmp(st->disposition, "see_physio") && st->care_pelvic)
        w1 = rh_plan_kb_get(kb, "text", "booking_pelvic_short");
    else if (!strcmp(st->disposition, "see_physio") && st->care_postnatal)
        w1 = rh_words("disposition", "see_physio.postnatal_short");
    char when[160] = "";
    if (rh_plan_after_clearance(st)) {
        rh_date_format(st->cleared_day, d1);
        rh__fmt(when, sizeof when, " ");
        rh_str_appendf(when, sizeof when, PW("when_before_clearance"), d1);
    } else if (st->cleared && !st->blocked && st->cleared_day > 0 &&
               strcmp(st->disposition, "self_care") != 0 &&
               strcmp(st->disposition, "modify_training") != 0) {
        /* a professional has seen the runner since: the advice to see
         * one is done, not still to do (review 7, A18) */
        rh_date_format(st->cleared_day, d1);
        rh__fmt(when, sizeof when, " ");
        rh_str_appendf(when, sizeof when, PW("when_done"), d1);
    }
    /* under a notice that overrules it, the advice is for afterwards:
     * never said as if running could go on now */
    struct rh_plan_notice *n = rh_malloc(sizeof *n);
    struct rh_err e2;
    if (!n)
        return RH_ENOMEM;
    bool over = rh_plan_notice(kb, st, NULL, n, &e2) == 0 && n->overrules;
    /* session 22 (branch diary26, diary26b): for when what lifts the
     * stop in force has happened ([text] hold_lifts: a pelvic-floor
     * check, a diagnosed fracture's clearance, the diary settling), as
     * every other sentence about it says; another notice that overrules
     * (no stop of running): a professional's clearance */
    bool held = n->kind == RH_NOTICE_HOLD || n->kind == RH_NOTICE_BLOCK;
    rh_free(n);
    if (over) {
        rh__fmt(when, sizeof when, ", ");
        rh_str_appendf(when, sizeof when, PW("for_when"),
                       held && rh_plan_no_running(st)
                           ? rh_plan_hold_text(kb, st, "text", "hold_lifts")
                           : PW("for_when_cleared"));
    }
    /* answers that alone call for a doctor are no advice for after a
     * doctor's clearance (review 10 #14): what they would have advised */
    enum rh_disposition own = RH_DISP_SELF_CARE;
    if (over && !rh_disposition_parse(st->disposition, &own) && own >= RH_DISP_SEE_DOCTOR_SOON)
        rh__fmt(out, cap, PW("advice_answers"),
                rh_plan_kb_get(kb, "text", "todo_after_answers"), w1 ? w1 : st->disposition,
                w2 ? w2 : st->running);
    else
        rh__fmt(out, cap, PW("advice"), when,
                w1 ? w1 : st->disposition, w2 ? w2 : st->running);
    return 0;
}

void rh_plan_phase_since(const struct rh_plan_state *st, char *out, size_t cap)
{
    char d[11];
    rh_date_format(st->phase_day, d);
    rh__fmt(out, cap, PW("phase_since"), d, st->good_streak);
}

bool rh_plan_return_step(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                         size_t cap)
{
    if (cap)
        out[0] = '\0';
    if (st->phase != RH_PHASE_RETURN || !st->test_needed || !cap)
        return false;
    if (!st->test_passed)
        rh__fmt(out, cap, "%s", PW("three_day_test"));
    else
        rh__fmt(out, cap, PW("ladder_stage"), st->ladder_step, kb->n_ladder, st->ladder_done);
    return true;
}

int rh_plan_findings(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *out,
                     size_t cap)
{
    if (!cap)
        return 0;
    out[0] = '\0';
    finding_lines(kb, st, "week", out, cap, "");
    finding_lines(kb, st, "run", out, cap, "");
    int n = *out ? 1 : 0;
    for (const char *p = out; (p = strchr(p, '\n')); p++)
        n++;
    return n;
}

const char *rh_plan_findings_heading(void)
{
    return PW("training_data");
}

void rh_plan_pain_rule_after(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                             char *out, size_t cap)
{
    /* said of a parent's child ("pain above your child's worst", "has seen
     * your child"; review 11 #13) */
    rh__fmt(out, cap, "%s", text_of(kb, st, "pain_rule"));
    rh_plan_said_of(st, out, cap);
}

const char *rh_plan_pain_rule_heading(void)
{
    return PW("pain_rule_after");
}

/* Whether name stands whole at p in text (no letter or digit glued on
 * either side). */
static bool name_whole(const char *text, const char *p, size_t n)
{
    unsigned char before = p > text ? (unsigned char)p[-1] : ' ';
    unsigned char after = (unsigned char)p[n];
    return !isalnum(before) && !isalnum(after);
}

void rh_plan_plain_names(const struct rh_plan_kb *kb, struct rh_plan_said *said, const char *text,
                         char *out, size_t cap)
{
    if (!cap)
        return;
    out[0] = '\0';
    size_t n = 0;
    for (const char *p = text ? text : ""; *p;) {
        /* the first mention of a name not said yet */
        const char *at = NULL;
        size_t k = 0;
        for (size_t i = 0; kb && i < kb->n_ex && i < RH_PLAN_MAX_EXERCISES; i++) {
            const struct rh_exercise *e = &kb->ex[i];
            if (!*e->plain || said->bits[i / 8] & (1u << (i % 8)))
                continue;
            size_t len = strlen(e->name);
            for (const char *q = strstr(p, e->name); q && (!at || q < at);
                 q = strstr(q + 1, e->name))
                if (name_whole(text, q, len)) {
                    at = q;
                    k = i;
                    break;
                }
        }
        size_t upto = at ? (size_t)(at - p) : strlen(p);
        for (size_t j = 0; j < upto && n + 1 < cap; j++)
            out[n++] = p[j];
        out[n] = '\0';
        if (!at)
            break;
        const struct rh_exercise *e = &kb->ex[k];
        size_t len = strlen(e->name);
        /* "Copenhagen adduction (three levels; a side plank ...)": one
         * pair of brackets */
        if (len && e->name[len - 1] == ')')
            rh_str_appendf(out, cap, "%.*s; %s)", (int)(len - 1), e->name, e->plain);
        else
            rh_str_appendf(out, cap, "%s (%s)", e->name, e->plain);
        n = strlen(out);
        said->bits[k / 8] |= (unsigned char)(1u << (k % 8));
        p = at + len;
    }
}

int rh_plan_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st, int32_t from_day,
                 struct rh_buf *b, struct rh_err *err)
{
    return rh_plan_text_assessed(kb, st, NULL, from_day, b, err);
}

int rh_plan_text_assessed(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                          const char *result_json, int32_t from_day, struct rh_buf *b,
                          struct rh_err *err)
{
    char d1[11], d2[11];
    int werr = 0; /* the first failed append: nothing more is written */
    /* the exercise names said so far, with plain words at their first
     * mention (rh_plan_plain_names) */
    struct rh_plan_said said;
    memset(&said, 0, sizeof said);
    P(rh_buf_printf(b, "%s\n\n", PW("title")));
    if (*st->disclaimer)
        P(wrap(b, "", st->disclaimer));
    /* the most urgent first: the notice (no running, whom to see), then
     * what the plan is for and the assessment's own advice */
    P(banners(kb, st, result_json, b));
    {
        /* fix18b: the one booking for two reasons, as Today says it */
        char book[1200];
        if (rh_plan_booking_both(kb, st, book, sizeof book))
            P(wrap(b, "", book));
    }
    P(rh_buf_puts(b, "\n"));
    {
        char line[1000];
        rh_plan_made_for(kb, st, line, sizeof line);
        P(wrap(b, "", line));
    }
    {
        char line[1200];
        P(rh_plan_advice_line(kb, st, line, sizeof line));
        P(wrap(b, "", line));
    }
    {
        struct rh_plan_see see;
        if (rh_plan_see_someone(kb, st, &see)) {
            P(rh_buf_puts(b, "\n"));
            P(wrap(b, "", see.note));
            P(rh_buf_printf(b, "%s: %s. [%s]\n", see.see_heading, see.see, see.source));
            if (*see.met)
                P(wrap(b, "", see.met));
        }
    }
    P(rh_buf_printf(b, "\n%s (%s):\n", rh_plan_phases_heading(kb), rh_plan_phases_when(kb, st)));
    for (int p = 0; p < RH_PHASE__COUNT; p++) {
        struct rh_plan_phase_words *ph = rh_malloc(sizeof *ph);
        if (!ph)
            return RH_ENOMEM;
        rh_plan_phase_words(kb, st, (enum rh_phase)p, from_day, ph);
        P(rh_buf_printf(b, "%s %d. %s%s%s\n", ph->current ? ">" : " ", ph->number, ph->name,
                        ph->current ? "  <- " : "", ph->current ? rh_plan_phase_here(kb, st) : ""));
        if (!ph->done) {
            char line[1300];
            rh__fmt(line, sizeof line, "%s: %s", rh_plan_kb_get(kb, "text", "phase_goal"), ph->goal);
            P(wrap(b, "     ", line));
            rh__fmt(line, sizeof line, "%s: %s", rh_plan_kb_get(kb, "text", "phase_entry"), ph->entry);
            P(wrap(b, "     ", line));
            rh__fmt(line, sizeof line, "%s: %s [%s]", rh_plan_kb_get(kb, "text", "phase_exit"),
                    ph->exit, ph->source);
            P(wrap(b, "     ", line));
        }
        rh_free(ph);
    }
    {
        char line[400];
        rh_plan_phase_since(st, line, sizeof line);
        P(rh_buf_printf(b, "\n%s\n", line));
        if (rh_plan_return_step(kb, st, line, sizeof line)) {
            /* the three-day test with how to log it here */
            if (!st->test_passed)
                rh_str_appendf(line, sizeof line, " %s", PW("three_day_log"));
            P(wrap(b, "", line));
        }
    }

    /* exercises not yet, and left out (rh_plan_exercise_notes: the web's
     * Plan page says the same) */
    {
        struct rh_plan_ex_notes *xn = rh_malloc(sizeof *xn);
        if (!xn)
            return RH_ENOMEM;
        rh_plan_exercise_notes(kb, st, xn);
        const char *heads[] = {xn->not_yet_head, xn->left_out_head};
        const char *items[] = {xn->not_yet, xn->left_out};
        for (int k = 0; k < 2; k++) {
            if (!*items[k])
                continue;
            /* plain29: the heading names the cause, which may be long
             * ("Left out for hip osteoarthritis (the cartilage ...):"):
             * wrapped as the lines under it are */
            P(rh_buf_puts(b, "\n"));
            P(wrap(b, "", heads[k]));
            char *tmp = rh_strdup(items[k]);
            char *save = NULL;
            for (char *l = tmp ? strtok_r(tmp, "\n", &save) : NULL; l;
                 l = strtok_r(NULL, "\n", &save)) {
                char item[1400], line[1700];
                rh_plan_plain_names(kb, &said, l, item, sizeof item);
                rh__fmt(line, sizeof line, "- %s", item);
                P(wrap(b, "  ", line));
            }
            if (!tmp)
                werr = RH_ENOMEM;
            rh_free(tmp);
        }
        rh_free(xn);
    }

    {
        char *rules = rh_malloc(RH_PLAN_FINDINGS_CAP);
        if (!rules)
            return RH_ENOMEM;
        if (rh_plan_findings(kb, st, rules, RH_PLAN_FINDINGS_CAP)) {
            P(rh_buf_printf(b, "\n%s:\n", rh_plan_findings_heading()));
            char *save = NULL;
            for (char *l = strtok_r(rules, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
                char line[1200];
                rh__fmt(line, sizeof line, "- %s", l);
                P(wrap(b, "  ", line));
            }
        }
        rh_free(rules);
    }

    {
        struct rh_plan_volume_words *v = rh_malloc(sizeof *v);
        if (!v)
            return RH_ENOMEM;
        rh_plan_volume_words(kb, st, v);
        P(rh_buf_printf(b, "\n%s:\n", v->heading));
        const char *parts[] = {v->base, v->runs, v->cadence, v->none};
        for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
            if (*parts[i])
                P(wrap(b, "  ", parts[i]));
        for (int i = 0; i < v->n_weeks; i++) {
            P(rh_buf_printf(b, "  %s %2d: %5.1f km\n", rh_plan_kb_get(kb, "text", "volume_week"),
                            i + 1, v->km[i]));
            if (i == 0 && *v->reduced)
                P(wrap(b, "    ", v->reduced));
        }
        if (*v->note)
            P(rh_buf_printf(b, "  %s\n", v->note));
        rh_free(v);
    }

    struct rh_plan_day *days;
    int r = werr ? 0 : rh_plan_calendar(kb, st, from_day, 14, &days, err);
    if (r)
        return r;
    if (werr)
        days = NULL;
    rh_date_format(from_day, d1);
    rh_date_format(from_day + 13, d2);
    P(rh_buf_puts(b, "\n"));
    P(rh_buf_printf(b, PW("next_two_weeks"), d1, d2));
    P(rh_buf_puts(b, "\n"));
    {
        /* the block's rule for every day, once (review 8, 12) */
        char bnote[2400];
        if (rh_plan_block_note_under(kb, st, bnote, sizeof bnote))
            P(wrap(b, "", bnote));
    }
    for (int i = 0, j; days && i < 14; i = j + 1) {
        /* days alike in a row (an urgent rest: all fourteen) are said once */
        j = rh_plan_day_run(days, 14, i);
        rh_date_format(days[i].day, d1);
        if (j > i) {
            rh_date_format(days[j].day, d2);
            P(rh_buf_printf(b, PW("every_day"), d1, d2, days[i].title));
            P(rh_buf_puts(b, "\n"));
        } else {
            P(rh_buf_printf(b, "%s %-9s %s\n", d1, weekday_name(rh_weekday(days[i].day)),
                            days[i].title));
        }
        if (*days[i].detail) {
            char tmp[sizeof days[i].detail + 2048];
            rh_plan_plain_names(kb, &said, days[i].detail, tmp, sizeof tmp);
            char *save = NULL;
            for (char *l = strtok_r(tmp, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
                P(wrap(b, "      ", l));
        }
    }
    {
        struct rh_buf hb;
        rh_buf_init(&hb, 0);
        P(howto_text(kb, &said, &hb, days, days ? 14 : 0, "", "howto_plan_head"));
        if (hb.len) {
            P(rh_buf_puts(b, "\n"));
            P(rh_buf_append(b, hb.data, hb.len));
        }
        rh_buf_release(&hb);
    }
    rh_free(days);
    P(rh_buf_printf(b, "\n%s %s:\n", rh_plan_pain_rule_heading(), PW("pain_rule_log")));
    {
        char rule[2000];
        rh_plan_pain_rule_after(kb, st, rule, sizeof rule);
        P(wrap(b, "  ", rule));
    }
    if (st->n_moves) {
        P(rh_buf_printf(b, "\n%s\n", PW("history")));
        for (int i = 0; i < st->n_moves; i++) {
            char line[400];
            if (rh_plan_history_line(st, i, line, sizeof line))
                P(rh_buf_printf(b, "  %s\n", line));
        }
    }
    if (werr)
        return rh_err_set(err, werr, "the plan text could not be made: %s",
                          werr == RH_ELIMIT ? "it is longer than the output allows"
                                            : "out of memory");
    return 0;
}

static int today_diary(const struct rh_plan_kb *kb, struct rh_store *s, int32_t day,
                       struct rh_plan_today *t, struct rh_err *err);

int rh_plan_today(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                  struct rh_store *s, int32_t day, struct rh_plan_today *t, struct rh_err *err)
{
    memset(t, 0, sizeof *t);
    struct rh_plan_day *days = NULL;
    int r = rh_plan_calendar(kb, st, day, 1, &days, err);
    if (r)
        return r;
    t->day = days[0];
    rh_free(days);
    struct rh_plan_notice *n = rh_calloc(1, sizeof *n);
    if (!n)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    struct rh_err e2;
    rh_err_clear(&e2);
    t->block = rh_plan_notice(kb, st, NULL, n, &e2) == 0 && n->kind == RH_NOTICE_BLOCK;
    rh_free(n);
    if (t->block || !rh_plan_booking(kb, st, t->booking, sizeof t->booking))
        t->booking[0] = '\0';
    if (!t->block && rh_plan_after_clearance(st)) {
        t->cleared_day = st->cleared_day;
        char cd[11];
        rh_date_format(t->cleared_day, cd);
        fill1(rh_plan_kb_get(kb, "text", "signs_cleared"), cd, t->signs_cleared,
              sizeof t->signs_cleared);
        rh_plan_said_of(st, t->signs_cleared, sizeof t->signs_cleared);
    }
    (void)rh_plan_clearance_status(kb, st, t->cleared_line, sizeof t->cleared_line);
    if (!rh_plan_block_note_under(kb, st, t->block_note, sizeof t->block_note))
        t->block_note[0] = '\0';
    t->phase_name = phase_field(kb, st->phase, "name");
    if (!t->phase_name || !*t->phase_name)
        t->phase_name = rh_phase_id(st->phase);
    t->goal = rh_plan_phase_goal(kb, st, st->phase, day);
    t->for_child = st->for_child;
    if (t->goal) {
        rh__fmt(t->goal_said, sizeof t->goal_said, "%s", t->goal);
        if (st->for_child) /* said of the child (ux11) */
            rh_plan_said_of(st, t->goal_said, sizeof t->goal_said);
        /* words19: said after a colon ("Why: you are in the phase "Calm it
         * down": let the irritated tissue settle"), in the terminal and on
         * the web alike: its first letter in lower case, unless a word in
         * capitals begins it */
        char *g = t->goal_said;
        if (isupper((unsigned char)g[0]) && !isupper((unsigned char)g[1]))
            g[0] = (char)tolower((unsigned char)g[0]);
        t->goal = t->goal_said;
    }
    /* after the heading "Pain rule: ", without a name and colon of its
     * own ("Pain rule: Pain-monitored progression: ...", words18) */
    t->pain_rule = text_of(kb, st, "pain_rule_today");
    /* a day with no session (rest, or no training until seen): the rule
     * for pain during activity would speak of an activity the day does not
     * have, so the rule fitted to that day is said instead */
    if (!strcmp(t->day.kind, "rest")) {
        const char *rest = text_of(kb, st, "pain_rule_today_rest");
        if (*rest)
            t->pain_rule = rest;
    }
    t->log = rh_plan_kb_get(kb, "text", "today_log");
    if (!strcmp(t->day.kind, "rest") && rh_plan_kb_get(kb, "text", "today_log_rest"))
        t->log = rh_plan_kb_get(kb, "text", "today_log_rest"); /* runner20 */
    t->head = rh_plan_kb_get(kb, "text", "today_head");
    t->button = rh_plan_kb_get(kb, "text", "today_button");
    if (!t->head)
        t->head = PW("today_head");
    if (!t->button)
        t->button = PW("today_button");
    /* what the day's diary already holds: said, and not asked again */
    return s ? today_diary(kb, s, day, t, err) : 0;
}

/* one part of the day's logged line: "; " between parts */
static void logged_part(char *buf, size_t cap, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 3 >= cap)
        return;
    if (len) {
        rh__fmt(buf + len, cap - len, "; ");
        len += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(buf + len, cap - len, fmt, ap);
    va_end(ap);
}

/* true when every session of the list is a rest day (no pain during it to ask) */
static bool only_rest_sessions(const struct rh_session *se, size_t ns)
{
    for (size_t i = 0; i < ns; i++)
        if (se[i].kind != RH_SESSION_REST)
            return false;
    return true;
}

/* loop16: reads the day's diary entries (pain entries, sessions) and the
 * day's recorded activities from s and says them in t->logged; what to log
 * (t->log), the session's heading (t->head) and the diary link (t->button)
 * then say what is left to log, not what was logged. */
static int today_diary(const struct rh_plan_kb *kb, struct rh_store *s, int32_t day,
                       struct rh_plan_today *t, struct rh_err *err)
{
    t->logged[0] = '\0';
    t->pain_logged = t->session_logged = t->day_done = false;
    struct rh_pain_entry *pe = NULL;
    size_t np = 0;
    int r = rh_store_pain_list(s, day, day, &pe, &np, err);
    if (r)
        return r;
    struct rh_session *se = NULL;
    size_t ns = 0;
    r = rh_store_session_list(s, day, day, &se, &ns, err);
    if (r) {
        rh_pain_array_free(pe, np);
        return r;
    }
    char parts[sizeof t->logged - 40] = "";
    bool during_logged = false; /* an entry gives the pain during a session */
    for (size_t i = 0; i < np; i++) {
        t->pain_logged = true;
        if (pe[i].during_run >= 0) {
            during_logged = true;
            t->session_logged = true;
            logged_part(parts, sizeof parts, PW("logged_pain_during"), pe[i].pain,
                        pe[i].during_run);
        } else {
            logged_part(parts, sizeof parts, PW("logged_pain"), pe[i].pain);
        }
    }
    for (size_t i = 0; i < ns; i++) {
        char what[80];
        const char *k = rh_session_kind_name(se[i].kind);
        rh__fmt(what, sizeof what, "%s", rh_session_kind_said(se[i].kind));
        /* a session logged does the day when it is the day's kind, as a
         * recorded activity does ([recorded]): a strength session on a run
         * day headed the run "Done today" (runner18) */
        if (se[i].kind != RH_SESSION_REST) {
            t->session_logged = true;
            if (strcmp(k, t->day.kind) == 0 ||
                (se[i].kind == RH_SESSION_RUN && rh__recorded_does(kb, RH_SPORT_RUNNING, t->day.kind)))
                t->day_done = true;
        }
        char extra[80] = "";
        if (se[i].km > 0 && rh_has(se[i].minutes))
            rh__fmt(extra, sizeof extra, PW("logged_km_minutes"), se[i].km, se[i].minutes);
        else if (se[i].km > 0)
            rh__fmt(extra, sizeof extra, PW("logged_km"), se[i].km);
        else if (rh_has(se[i].minutes))
            rh__fmt(extra, sizeof extra, PW("logged_minutes"), se[i].minutes);
        logged_part(parts, sizeof parts, "%s%s", what, extra);
    }
    /* the pain during an activity does the day when no session says what the
     * activity was; a session logged says it, and one of another kind does
     * not do the day (runner20: a run logged with its pain on a day that had
     * become a swim, running on hold, read "Done today: Cross-training") */
    /* ... but never a day whose session is rest (a rest day, or the rest
     * of the hip until a warning sign has been seen): an activity on it is
     * not the rest (runner23: a sprint session logged with 7/10 during it
     * on the day a stress fracture's warning sign stopped everything read
     * "Done today: Rest the hip until you have been seen") */
    if (during_logged && only_rest_sessions(se, ns) && strcmp(t->day.kind, "rest") != 0)
        t->day_done = true;
    /* an activity a watch recorded that day (imported, not excluded): said
     * in the day's log; one of the day's kind does the day's session
     * (data/plan_rules.txt [recorded]: a ride a cross-training day, a run a
     * run day), with or without a diary session for it; a run on another
     * day is still a session whose pain is asked */
    static const char *const noun_key[RH_SPORT__COUNT] = {
        [RH_SPORT_OTHER] = "recorded.other",         [RH_SPORT_RUNNING] = "recorded.running",
        [RH_SPORT_TRAIL_RUNNING] = "recorded.trail_running",
        [RH_SPORT_TREADMILL] = "recorded.treadmill", [RH_SPORT_WALKING] = "recorded.walking",
        [RH_SPORT_CYCLING] = "recorded.cycling",     [RH_SPORT_SWIMMING] = "recorded.swimming",
        [RH_SPORT_STRENGTH] = "recorded.strength"};
    struct rh_activity *ac = NULL;
    size_t na = 0;
    if (rh_store_activities(s, ((int64_t)day - 1) * 86400, ((int64_t)day + 2) * 86400, 0, &ac, &na,
                            err) == 0) {
        for (size_t i = 0; i < na; i++) {
            if (ac[i].excluded || rh_activity_local_day(&ac[i]) != day)
                continue;
            enum rh_sport sp = ac[i].sport < RH_SPORT__COUNT ? ac[i].sport : RH_SPORT_OTHER;
            const char *noun = noun_key[sp] ? PW(noun_key[sp]) : "";
            bool does = rh__recorded_does(kb, sp, t->day.kind);
            if (does)
                t->day_done = true;
            if (does || rh_sport_is_run(sp))
                t->session_logged = true;
            if (rh_has(ac[i].total_distance_m) && ac[i].total_distance_m > 0)
                logged_part(parts, sizeof parts, PW("recorded_km"), noun,
                            ac[i].total_distance_m / 1000.0);
            else if (rh_has(ac[i].total_timer_s) && ac[i].total_timer_s >= 60)
                logged_part(parts, sizeof parts, PW("recorded_minutes"), noun,
                            ac[i].total_timer_s / 60.0);
            else
                logged_part(parts, sizeof parts, PW("recorded"), noun);
        }
        rh_activity_array_free(ac, na);
    } else {
        rh_err_clear(err); /* the diary's part is said all the same */
    }
    rh_pain_array_free(pe, np);
    if (*parts)
        rh__fmt(t->logged, sizeof t->logged, "%s %s.", rh_plan_kb_get(kb, "text", "today_logged"),
                parts);
    const char *k = NULL;
    if (t->pain_logged && t->session_logged && !during_logged && ns > 0 &&
        !only_rest_sessions(se, ns))
        k = "today_log_during"; /* runner20: the session's pain is still to log */
    else if (t->pain_logged && t->session_logged)
        k = "today_log_done";
    else if (t->pain_logged && !t->session_logged && !strcmp(t->day.kind, "rest"))
        k = "today_log_rest_logged"; /* runner20: a day with no session */
    else if (t->pain_logged)
        k = "today_log_after_pain";
    else if (t->session_logged && !t->day_done &&
             rh__recorded_does(kb, RH_SPORT_RUNNING, t->day.kind))
        k = "today_log_run_to_do"; /* fix18b: a strength session on a run day */
    else if (t->session_logged)
        k = "today_log_after_session";
    if (k && rh_plan_kb_get(kb, "text", k))
        t->log = rh_plan_kb_get(kb, "text", k);
    if (t->day_done && rh_plan_kb_get(kb, "text", "today_head_done"))
        t->head = rh_plan_kb_get(kb, "text", "today_head_done");
    if (t->pain_logged && rh_plan_kb_get(kb, "text", "today_button_more"))
        t->button = rh_plan_kb_get(kb, "text", "today_button_more");
    rh_session_array_free(se, ns);
    return 0;
}

int rh_plan_today_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                       struct rh_store *s, const char *result_json, int32_t day,
                       struct rh_buf *b, struct rh_err *err)
{
    struct rh_plan_today *t = rh_malloc(sizeof *t);
    if (!t)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    int r = rh_plan_today(kb, st, s, day, t, err);
    if (r) {
        rh_free(t);
        return r;
    }
    int werr = 0;
    char d[11];
    rh_date_format(day, d);
    P(rh_buf_printf(b, PW("today"), weekday_name(rh_weekday(day)), d));
    P(rh_buf_puts(b, "\n"));
    /* the warnings in force first, as the plan and the web say them, after
     * one blank line */
    {
        struct rh_buf nb;
        rh_buf_init(&nb, 0);
        P(banners(kb, st, result_json, &nb));
        size_t k = 0;
        while (k < nb.len && nb.data[k] == '\n')
            k++;
        if (k < nb.len) {
            P(rh_buf_puts(b, "\n"));
            P(rh_buf_append(b, nb.data + k, nb.len - k));
        }
        rh_buf_release(&nb);
    }
    if (*t->booking)
        P(rh_buf_puts(b, "\n"));
    if (*t->booking)
        P(wrap(b, "", t->booking));
    if (*t->signs_cleared)
        P(wrap(b, "", t->signs_cleared));
    P(rh_buf_printf(b, "\n%s: %s\n", t->head,
                    *t->day.title ? t->day.title : *t->day.kind ? t->day.kind : PW("today_rest")));
    if (*t->logged)
        P(wrap(b, "  ", t->logged));
    if (*t->day.detail) {
        /* the exercise names a runner may not know, in plain words where
         * they first appear (rh_plan_plain_names) */
        struct rh_plan_said said;
        memset(&said, 0, sizeof said);
        char tmp[sizeof t->day.detail + 2048];
        rh_plan_plain_names(kb, &said, t->day.detail, tmp, sizeof tmp);
        char *save = NULL;
        for (char *l = strtok_r(tmp, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
            P(wrap(b, "  ", l));
        P(howto_text(kb, &said, b, &t->day, 1, "  ", "howto_head"));
    }
    if (*t->block_note)
        P(wrap(b, "", t->block_note));
    {
        char line[1600];
        rh__fmt(line, sizeof line, PW("today_why"), PW(t->for_child ? "child_is" : "you_are"),
                t->phase_name);
        /* the goal goes on the sentence after the colon, in lower case
         * (rh_plan_today: "...: let the irritated tissue settle") */
        rh_str_appendf(line, sizeof line, "%s%s", t->goal ? ": " : ".", t->goal ? t->goal : "");
        P(rh_buf_puts(b, "\n"));
        P(wrap(b, "", line));
    }
    {
        char line[800];
        rh__fmt(line, sizeof line, PW("pain_rule"), t->pain_rule ? t->pain_rule : "");
        P(wrap(b, "", line));
    }
    {
        char line[800];
        rh__fmt(line, sizeof line, PW("what_to_log"), t->log ? t->log : "");
        P(wrap(b, "", line));
    }
    P(wrap(b, "  ", PW(t->pain_logged && t->session_logged ? "log_tomorrow" : "log_commands")));
    /* runner23b: once, at the end, as `runhip plan` and the web's footer say
     * it (it said it nowhere): the assessment's own words, to a parent of
     * the child */
    {
        const char *disc = t->for_child ? rh_assess_disclaimer_of(true)
                           : *st->disclaimer ? st->disclaimer
                                             : rh_assess_disclaimer();
        P(rh_buf_puts(b, "\n"));
        P(wrap(b, "", disc));
    }
    rh_free(t);
    if (werr)
        return rh_err_set(err, werr, "the day's text could not be made: %s",
                          werr == RH_ELIMIT ? "it is longer than the output allows"
                                            : "out of memory");
    return 0;
}

const char *rh_phase_name(enum rh_phase p)
{
    const char *id = rh_phase_id(p);
    const char *name = rh_text_id_name(id, strlen(id));
    return name ? name : id;
}

/* ---- JSON --------------------------------------------------------------------- */

int rh_plan_unassessed_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                            struct rh_buf *b, struct rh_err *err)
{
    int werr = 0;
    P(rh_buf_printf(b, "%s\n", PW("no_plan")));
    P(banners(kb, st, NULL, b));
    P(rh_buf_puts(b, "\n"));
    P(wrap(b, "", PW("no_plan_how")));
    return werr ? rh_err_set(err, werr, "out of memory") : 0;
}

#undef P

int rh_plan_unassessed_json(const struct rh_plan_state *st, int32_t day, struct rh_buf *b,
                            struct rh_err *err)
{
    json_t *o = json_object();
    json_t *fl = json_array();
    int bad = !o || !fl;
    char flags[512], w[RH__WORD_MAX];
    rh_plan_flags_in_force(st, flags, sizeof flags);
    for (const char *at = flags; !bad && rh__word_next(&at, w, sizeof w);)
        bad |= json_array_append_new(fl, json_string(w));
    bad |= json_object_set_new(o, "assessed", json_false());
    bad |= json_object_set_new(o, "red_flags", fl);
    fl = NULL;
    bad |= json_object_set_new(o, "urgency", json_string(rh_disposition_name(
                                                  (enum rh_disposition)rh_plan_urgency(st))));
    bad |= json_object_set_new(o, "blocked", json_boolean(rh_plan_no_running(st)));
    /* a visit's restriction, apart from blocked, as rh_plan_json (words14) */
    bad |= json_object_set_new(o, "restricted", json_boolean(rh_plan_restricted(st, day)));
    bad |= json_object_set_new(o, "block_reason", json_string(st->block_reason));
    bad |= json_object_set_new(o, "see_why", json_string(st->see_why));
    bad |= json_object_set_new(o, "cleared", json_boolean(st->cleared));
    if (st->cleared) {
        char d[11];
        rh_date_format(st->cleared_day, d);
        bad |= json_object_set_new(o, "cleared_date", json_string(d));
    }
    bad |= json_object_set_new(o, "calendar", json_array());
    char *txt = bad ? NULL : json_dumps(o, JSON_INDENT(2));
    json_decref(o);
    json_decref(fl);
    int r = txt ? rh_buf_puts(b, txt) : RH_ENOMEM;
    if (!r)
        r = rh_buf_puts(b, "\n");
    free(txt);
    return r ? rh_err_set(err, r, "out of memory") : 0;
}

int rh_plan_json(const struct rh_plan_kb *kb, const struct rh_plan_state *st, int32_t from_day,
                 struct rh_buf *b, struct rh_err *err)
{
    char *state;
    int r = rh_plan_state_to_json(st, &state, err);
    if (r)
        return r;
    json_t *o = json_loads(state, 0, NULL);
    rh_free(state);
    if (!o)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    /* words16: a parent's plan says its reasons of the child, as the
     * terminal's plan does ("advised your child to stop running"); the
     * stored state keeps the runner's words */
    if (st->for_child) {
        static const char *const said[] = {"block_reason", "see_why", "hold_reason"};
        for (size_t i = 0; i < sizeof said / sizeof *said; i++) {
            char w[sizeof st->block_reason + sizeof st->see_why];
            rh__fmt(w, sizeof w, "%s", json_string_value(json_object_get(o, said[i])) ?
                                           json_string_value(json_object_get(o, said[i])) : "");
            rh_plan_said_of(st, w, sizeof w);
            json_object_set_new(o, said[i], json_string(w));
        }
    }
    json_t *phases = json_array(), *cal = json_array(), *vol = json_array(), *ex = json_array();
    for (int p = 0; p < RH_PHASE__COUNT; p++)
        json_array_append_new(phases, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "id",
                                                rh_phase_id(p), "name", phase_field(kb, p, "name"),
                                                "goal", phase_field(kb, p, "goal"), "entry",
                                                phase_field(kb, p, "entry"), "exit",
                                                phase_exit(kb, st, (enum rh_phase)p), "source",
                                                phase_field(kb, p, "source")));
    struct rh_plan_day *days;
    r = rh_plan_calendar(kb, st, from_day, 14, &days, err);
    if (r) {
        json_decref(o);
        json_decref(phases);
        json_decref(cal);
        json_decref(vol);
        json_decref(ex);
        return r;
    }
    for (int i = 0; i < 14; i++) {
        char d[11];
        rh_date_format(days[i].day, d);
        json_array_append_new(cal, json_pack("{s:s, s:s, s:s, s:s}", "date", d, "kind",
                                             days[i].kind, "title", days[i].title, "detail",
                                             days[i].detail));
    }
    rh_free(days);
    double v[64];
    int nv = rh_plan_volume(kb, st, v, 16);
    for (int i = 0; i < nv; i++)
        json_array_append_new(vol, json_real(v[i]));
    for (size_t i = 0; i < kb->n_ex; i++)
        if (rh_plan_exercise_fits(&kb->ex[i], st->condition, st->phase))
            json_array_append_new(ex, json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", kb->ex[i].id,
                                                "name", kb->ex[i].name, "kind", kb->ex[i].kind,
                                                "dose", kb->ex[i].dose, "source", kb->ex[i].source));
    /* the plan's question of runs a week while it needs the answer
     * (rh_plan_runs_ask), else null */
    {
        char q[400];
        json_object_set_new(o, "runs_question", rh_plan_runs_ask(kb, st, q, sizeof q)
                                                    ? json_string(q)
                                                    : json_null());
    }
    /* the second version's keys: red flags in force as a list, urgency,
     * blocked (no running may be scheduled) */
    {
        char flags[512], w[RH__WORD_MAX];
        rh_plan_flags_in_force(st, flags, sizeof flags);
        json_t *fl = json_array();
        for (const char *at = flags; rh__word_next(&at, w, sizeof w);)
            json_array_append_new(fl, json_string(w));
        json_object_set_new(o, "red_flags", fl);
        json_object_set_new(o, "urgency", json_string(rh_disposition_name(
                                              (enum rh_disposition)rh_plan_urgency(st))));
        json_object_set_new(o, "blocked", json_boolean(rh_plan_no_running(st)));
        json_object_set_new(o, "blocked_until_cleared", json_boolean(st->blocked));
        /* a clinician's restriction in force on from_day (no running before
         * visit.run_from): `blocked` is the open-ended stop (a red flag or
         * a pain hold) and stays so; this one ends on its date */
        json_object_set_new(o, "restricted", json_boolean(rh_plan_restricted(st, from_day)));
        /* review 11 #4: the latest visit's outcome and, for a restriction,
         * the first day running may come back */
        if (*st->visit) {
            json_t *vis = json_object();
            char d[11];
            rh_date_format(st->cleared_day, d);
            json_object_set_new(vis, "date", json_string(d));
            json_object_set_new(vis, "outcome", json_string(st->visit));
            json_object_set_new(vis, "weeks", st->visit_weeks ? json_integer(st->visit_weeks)
                                                             : json_null());
            rh_date_format(st->run_from, d);
            json_object_set_new(vis, "run_from", st->run_from > 0 ? json_string(d) : json_null());
            json_object_set_new(o, "visit", vis);
        }
    }
    json_object_set_new(o, "phases", phases);
    json_object_set_new(o, "calendar", cal);
    json_object_set_new(o, "weekly_km", vol);
    json_object_set_new(o, "exercises_now", ex);
    const char *note, *refer;
    bool after;
    cond_note(kb, st, &note, &refer, &after);
    {
        char line[1000] = "";
        if (note)
            note_said(kb, st, note, after, line, sizeof line);
        json_object_set_new(o, "condition_note", json_string(line));
    }
    char *s = json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
    json_decref(o);
    if (!s)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    r = rh_buf_puts(b, s);
    if (!r)
        r = rh_buf_puts(b, "\n");
    free(s);
    return r ? rh_err_set(err, r, "plan JSON too large") : 0;
}

/* ---- iCalendar (RFC 5545) --------------------------------------------------------- */

int rh_ics_line(struct rh_buf *out, const char *line)
{
    size_t n = strlen(line), pos = 0;
    bool first = true;
    int r = 0;
    while (!r && pos < n) {
        size_t room = first ? 75 : 74; /* continuation lines start with a space */
        size_t take = n - pos < room ? n - pos : room;
        /* never split a UTF-8 sequence: back off over continuation bytes (at
         * most 3, a character's; bytes that are not UTF-8 are cut where they
         * fall, never 0 taken: that looped for ever on 75 of them) */
        size_t back = 0;
        while (back < 3 && take > back + 1 && pos + take - back < n &&
               ((unsigned char)line[pos + take - back] & 0xC0) == 0x80)
            back++;
        if (pos + take - back >= n || ((unsigned char)line[pos + take - back] & 0xC0) != 0x80)
            take -= back;
        if (!first)
            r = rh_buf_puts(out, " ");
        if (!r)
            r = rh_buf_append(out, line + pos, take);
        if (!r)
            r = rh_buf_puts(out, "\r\n");
        pos += take;
        first = false;
    }
    if (n == 0)
        r = rh_buf_puts(out, "\r\n");
    return r;
}

int rh_ics_prop(struct rh_buf *out, const char *name, const char *value)
{
    struct rh_buf l, plain;
    rh_buf_init(&l, 0);
    rh_buf_init(&plain, 0);
    /* what people read goes through the text layer: plain words, and in a
     * description its numbered sources at the end (runhip/text.h) */
    int r = 0;
    if (strcmp(name, "SUMMARY") == 0 || strcmp(name, "DESCRIPTION") == 0) {
        r = rh_text_document(value, strlen(value),
                             strcmp(name, "SUMMARY") == 0 ? RH_TEXT_NO_SOURCES : 0, &plain);
        if (!r && plain.data)
            value = plain.data;
    }
    if (!r)
        r = rh_buf_printf(&l, "%s:", name);
    /* TEXT (RFC 5545 3.3.11): \\ ; , escaped, a line break as \\n (CRLF, LF
     * or a lone CR), no other control character (3.1: a space for it), and
     * the file is UTF-8 (3.1.4): a byte that is not, U+FFFD */
    size_t vlen = strlen(value);
    for (size_t i = 0; !r && i < vlen;) {
        uint32_t c;
        size_t k = rh_utf8_decode(value + i, vlen - i, &c);
        if (k == 0) {
            r = rh_buf_puts(&l, "\xEF\xBF\xBD");
            i++;
            continue;
        }
        switch (c) {
        case '\\': r = rh_buf_puts(&l, "\\\\"); break;
        case ';': r = rh_buf_puts(&l, "\\;"); break;
        case ',': r = rh_buf_puts(&l, "\\,"); break;
        case '\n': r = rh_buf_puts(&l, "\\n"); break;
        case '\r':
            if (value[i + 1] != '\n')
                r = rh_buf_puts(&l, "\\n");
            break;
        default:
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                r = rh_buf_puts(&l, " ");
            else
                r = rh_buf_append(&l, value + i, k);
        }
        i += k;
    }
    if (!r)
        r = rh_ics_line(out, l.data);
    rh_buf_release(&l);
    rh_buf_release(&plain);
    return r;
}

static void ics_date(int32_t day, char out[9])
{
    int y, m, d;
    rh_civil_from_days(day, &y, &m, &d);
    rh__fmt(out, 9, "%04d%02d%02d", y, m, d);
}

/* An event of an earlier export, read back from its file. */
struct prev_event {
    char uid[96];
    int seq;
    char dtstamp[24];
    char hash[24];
    char summary[200]; /* escaped as in the file */
    int32_t day;
    bool cancelled;
    size_t from, to; /* the unfolded VEVENT block in the previous text */
};

/* A UID runhip writes ("runhip-20261203@runhip.local"): letters, digits
 * and - . @ _ only, at most 95 bytes. */
static bool uid_ok(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n >= sizeof ((struct prev_event *)0)->uid)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = v[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.' || c == '@' || c == '_'))
            return false;
    }
    return true;
}

/* A DTSTAMP in UTC, YYYYMMDDTHHMMSSZ. */
static bool stamp_ok(const char *v)
{
    if (strlen(v) != 16 || v[8] != 'T' || v[15] != 'Z')
        return false;
    for (int i = 0; i < 15; i++)
        if (i != 8 && (v[i] < '0' || v[i] > '9'))
            return false;
    return true;
}

/* The TEXT value v (n bytes, escaped as RFC 5545 3.3.11 says) as plain
 * text into out (cap bytes): \\ \; \, \n \N undone, a line break as a
 * space, cut at a character boundary (a byte that is not UTF-8 is written
 * again by rh_ics_prop as U+FFFD). */
static void text_unescape(const char *v, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char c = v[i];
        if (c == '\\' && i + 1 < n) {
            c = v[++i];
            if (c == 'n' || c == 'N')
                c = ' ';
        }
        out[k++] = c;
    }
    out[k] = '\0';
    out[rh_utf8_cut(out, k)] = '\0';
}

/* Whether line (n bytes, unfolded, no line ending) of an earlier file can be
 * written again as it is: valid UTF-8 without a control character but a
 * tab, NAME[;PARAM...]:VALUE, a TEXT value of SUMMARY, DESCRIPTION,
 * LOCATION or COMMENT escaped, no component but the event itself. */
static bool kept_line_ok(const char *line, size_t n, bool edge)
{
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = rh_utf8_decode(line + i, n - i, &c);
        if (k == 0 || (c < 0x20 && c != '\t') || c == 0x7f)
            return false;
        i += k;
    }
    size_t name = 0;
    while (name < n && ((line[name] >= 'A' && line[name] <= 'Z') ||
                        (line[name] >= '0' && line[name] <= '9') || line[name] == '-'))
        name++;
    if (name == 0 || name == n || (line[name] != ':' && line[name] != ';'))
        return false;
    if ((name == 5 && strncmp(line, "BEGIN", 5) == 0) || (name == 3 && strncmp(line, "END", 3) == 0))
        return edge;
    const char *colon = memchr(line, ':', n);
    if (!colon)
        return false;
    static const char *const text_props[] = {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT"};
    for (size_t t = 0; t < sizeof text_props / sizeof *text_props; t++)
        if (strlen(text_props[t]) == name && strncmp(line, text_props[t], name) == 0)
            for (const char *p = colon + 1; p < line + n; p++) {
                if (*p == ',' || *p == ';')
                    return false;
                if (*p == '\\') {
                    if (p + 1 >= line + n || !strchr("\\;,nN", p[1]))
                        return false;
                    p++;
                }
            }
    return true;
}

/* Writes an event of an earlier file again (text from..to, unfolded), each
 * line folded anew with CRLF; nothing when a line of it could not be written
 * as it is (kept_line_ok): the file is outside text, and a calendar of
 * runhip's is valid whatever it was given. */
static int keep_event(struct rh_buf *out, const char *text, size_t from, size_t to)
{
    struct rh_buf ev;
    rh_buf_init(&ev, 0);
    char *line = NULL;
    int r = 0;
    bool ok = true;
    for (size_t i = from; ok && !r && i < to;) {
        const char *nl = memchr(text + i, '\n', to - i);
        size_t end = nl ? (size_t)(nl - text) : to, n = end - i;
        if (n && text[i + n - 1] == '\r')
            n--;
        bool edge = i == from || (nl ? end + 1 : end) >= to;
        ok = kept_line_ok(text + i, n, edge);
        if (ok) {
            char *l = rh_realloc(line, n + 1);
            if (!l) {
                r = RH_ENOMEM;
                break;
            }
            line = l;
            memcpy(line, text + i, n);
            line[n] = '\0';
            r = rh_ics_line(&ev, line);
        }
        i = nl ? end + 1 : to;
    }
    if (!r && ok && ev.len)
        r = rh_buf_append(out, ev.data, ev.len);
    rh_free(line);
    rh_buf_release(&ev);
    return r;
}

/* Reads the VEVENTs of an earlier export (unfolded into *text, rh_free). */
static int read_previous(const char *prev, char **text, struct prev_event **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    *text = NULL;
    if (!prev)
        return 0;
    size_t len = strlen(prev);
    char *u = rh_malloc(len + 1);
    if (!u)
        return RH_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (prev[i] == '\r' && prev[i + 1] == '\n' && (prev[i + 2] == ' ' || prev[i + 2] == '\t')) {
            i += 2;
            continue;
        }
        if (prev[i] == '\n' && (prev[i + 1] == ' ' || prev[i + 1] == '\t')) {
            i += 1;
            continue;
        }
        u[k++] = prev[i];
    }
    u[k] = '\0';
    *text = u;
    size_t cap = 0;
    struct prev_event *ev = NULL, *cur = NULL;
    size_t cur_from = 0;
    for (char *line = u; *line;) {
        char *end = strchr(line, '\n');
        size_t ll = end ? (size_t)(end - line) : strlen(line);
        size_t l2 = ll && line[ll - 1] == '\r' ? ll - 1 : ll;
        char buf[200];
        rh__fmt(buf, sizeof buf, "%.*s", (int)(l2 < sizeof buf ? l2 : sizeof buf - 1), line);
        if (strcmp(buf, "BEGIN:VEVENT") == 0) {
            if (*n == cap) {
                cap = cap ? 2 * cap : 64;
                struct prev_event *g = rh_realloc(ev, cap * sizeof *ev);
                if (!g) {
                    rh_free(ev);
                    return RH_ENOMEM;
                }
                ev = g;
            }
            cur = &ev[(*n)++];
            memset(cur, 0, sizeof *cur);
            cur_from = (size_t)(line - u);
        } else if (cur && strcmp(buf, "END:VEVENT") == 0) {
            cur->from = cur_from;
            cur->to = (size_t)(line - u) + ll + (end ? 1 : 0);
            cur = NULL;
        } else if (cur) {
            /* the earlier file is outside text: a UID or a DTSTAMP is used
             * again only when it is one runhip writes (the fuzz_writers target
             * gave a UID with a CR in it back as two lines) */
            if (strncmp(buf, "UID:", 4) == 0 && uid_ok(buf + 4))
                rh__fmt(cur->uid, sizeof cur->uid, "%s", buf + 4);
            else if (strncmp(buf, "SEQUENCE:", 9) == 0) {
                long v;
                cur->seq = rh_parse_long(buf + 9, &v) == 0 && v >= 0 && v < 1000000 ? (int)v : 0;
            }
            else if (strncmp(buf, "DTSTAMP:", 8) == 0 && stamp_ok(buf + 8))
                rh__fmt(cur->dtstamp, sizeof cur->dtstamp, "%s", buf + 8);
            else if (strncmp(buf, "SUMMARY:", 8) == 0)
                text_unescape(line + 8, l2 - 8, cur->summary, sizeof cur->summary);
            else if (strncmp(buf, "X-RUNHIP-HASH:", 14) == 0)
                rh__fmt(cur->hash, sizeof cur->hash, "%s", buf + 14);
            else if (strcmp(buf, "STATUS:CANCELLED") == 0)
                cur->cancelled = true;
            else if (strncmp(buf, "DTSTART;VALUE=DATE:", 19) == 0 && strlen(buf) == 27) {
                int y = 0, m = 0, d = 0;
                if (sscanf(buf + 19, "%4d%2d%2d", &y, &m, &d) == 3)
                    cur->day = rh_days_from_civil(y, m, d);
            }
        }
        line = end ? end + 1 : line + ll;
    }
    if (cur) /* a cut-off last event is not kept */
        (*n)--;
    *out = ev;
    return 0;
}

static struct prev_event *find_prev(struct prev_event *ev, size_t n, const char *uid)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ev[i].uid, uid) == 0)
            return &ev[i];
    return NULL;
}
/* The hash of an event's words that tells a later export whether it
 * changed: its summary and description (hex, 16 digits). */
static void event_hash(const char *summary, const char *desc, char out[24])
{
    struct rh_hash h;
    rh_hash_init(&h);
    rh_hash_update(&h, summary, strlen(summary) + 1);
    rh_hash_update(&h, desc, strlen(desc) + 1);
    rh__fmt(out, 24, "%016llx", (unsigned long long)rh_hash_final(&h));
}

/* One all-day event of the export (a plan day or the visit to book): its
 * identity and version, its day, its words, the kind's category in words
 * and the kind itself for programs, and the hash that tells a later export
 * whether it changed. */
static int ics_event(struct rh_buf *out, const char *uid, int seq, const char *stamp, const char *st8,
                     const char *en8, const char *summary, const char *desc, const char *kind,
                     const char *hash)
{
    char buf[256];
    int r = rh_ics_line(out, "BEGIN:VEVENT");
    rh__fmt(buf, sizeof buf, "UID:%s", uid);
    r |= rh_ics_line(out, buf);
    rh__fmt(buf, sizeof buf, "SEQUENCE:%d", seq);
    r |= rh_ics_line(out, buf);
    rh__fmt(buf, sizeof buf, "DTSTAMP:%s", stamp);
    r |= rh_ics_line(out, buf);
    rh__fmt(buf, sizeof buf, "DTSTART;VALUE=DATE:%s", st8);
    r |= rh_ics_line(out, buf);
    rh__fmt(buf, sizeof buf, "DTEND;VALUE=DATE:%s", en8);
    r |= rh_ics_line(out, buf);
    r |= rh_ics_prop(out, "SUMMARY", summary);
    r |= rh_ics_prop(out, "DESCRIPTION", desc);
    const char *cat = rh_words("day_kind", kind);
    assert(cat); /* every kind has its words in data/wording.txt */
    r |= rh_ics_prop(out, "CATEGORIES", cat ? cat : "runhip");
    rh__fmt(buf, sizeof buf, "X-RUNHIP-KIND:%s", kind);
    r |= rh_ics_line(out, buf);
    r |= rh_ics_line(out, "STATUS:CONFIRMED");
    r |= rh_ics_line(out, "TRANSP:TRANSPARENT");
    rh__fmt(buf, sizeof buf, "X-RUNHIP-HASH:%s", hash);
    r |= rh_ics_line(out, buf);
    r |= rh_ics_line(out, "END:VEVENT");
    return r;
}


/* rh_plan_ics_update's body; feed: the calendar is the served feed a
 * calendar app subscribes to, which updates itself (review9 #6: it never
 * asks for the plan to be exported again, [text] urgent_calendar_feed). */
static int ics_make(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                    int32_t from_day, int ndays, int64_t dtstamp, const char *previous, bool feed,
                    struct rh_buf *out, struct rh_err *err)
{
    struct rh_plan_day *days;
    int r = rh_plan_calendar(kb, st, from_day, ndays, &days, err);
    if (r)
        return r;
    char *ptext;
    struct prev_event *prev;
    size_t nprev;
    if (read_previous(previous, &ptext, &prev, &nprev)) {
        rh_free(days);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    bool *used = rh_calloc(nprev + 1, sizeof *used);
    if (!used) {
        rh_free(days);
        rh_free(ptext);
        rh_free(prev);
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    }
    char stamp[21], st8[9], en8[9], buf[256];
    rh_time_format_iso(dtstamp, stamp);
    char dts[17]; /* YYYYMMDDTHHMMSSZ */
    rh__fmt(dts, sizeof dts, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", stamp, stamp + 5, stamp + 8,
             stamp + 11, stamp + 14, stamp + 17);
    r |= rh_ics_line(out, "BEGIN:VCALENDAR");
    r |= rh_ics_line(out, "VERSION:2.0");
    r |= rh_ics_line(out, "PRODID:-//runhip//runhip " RH_VERSION "//EN");
    r |= rh_ics_line(out, "CALSCALE:GREGORIAN");
    r |= rh_ics_line(out, "METHOD:PUBLISH");
    r |= rh_ics_prop(out, "X-WR-CALNAME", PW("calendar_name"));
    /* earlier events before this export's first day stay as they were */
    for (size_t i = 0; !r && i < nprev; i++)
        if (prev[i].day && prev[i].day < from_day && *prev[i].uid &&
            strcmp(prev[i].uid, "runhip-booking@runhip.local") != 0) {
            used[i] = true;
            r |= keep_event(out, ptext, prev[i].from, prev[i].to);
        }
    /* the visit the assessment (or a warning sign) asks for: one event on
     * the first day, read on its own (review 8, 12 and 19); one UID, so a
     * later export moves it and a recorded visit cancels it */
    char btitle[300], bdesc[3000];
    if (!r && rh_plan_booking_event(kb, st, btitle, sizeof btitle, bdesc, sizeof bdesc)) {
        static const char buid[] = "runhip-booking@runhip.local";
        char summary[320];
        rh__fmt(summary, sizeof summary, PW("event_summary"), btitle);
        char hash[24];
        event_hash(summary, bdesc, hash);
        ics_date(from_day, st8);
        ics_date(from_day + 1, en8);
        struct prev_event *p = find_prev(prev, nprev, buid);
        int seq = 0;
        const char *this_stamp = dts;
        if (p) {
            used[p - prev] = true;
            bool same = !p->cancelled && strcmp(p->hash, hash) == 0 && p->day == from_day;
            seq = same ? p->seq : p->seq + 1;
            if (same && *p->dtstamp)
                this_stamp = p->dtstamp;
        }
        r |= ics_event(out, buid, seq, this_stamp, st8, en8, summary, bdesc, "booking", hash);
    }
    /* while a warning sign stops all training every day is the same rest:
     * the export's first day is one event that says what to do instead (get
     * medical help) and why, never an empty calendar */
    bool urgent = urgent_rest(st);
    /* while a block waits for a professional every day is an event: the rest
     * days say "rest the hip until you have been seen" and why, so a runner
     * who follows the phone calendar sees the block and that a visit is due,
     * not just the seated upper-body sessions (review 7b, N3) */
    bool seen = seen_first(st);
    for (int i = 0; !r && i < ndays; i++) {
        const struct rh_plan_day *d = &days[i];
        if (strcmp(d->kind, "rest") == 0 && !d->n_daily && !(urgent && i == 0) && !seen)
            continue; /* a rest day is an event only with its daily exercises */
        ics_date(d->day, st8);
        ics_date(d->day + 1, en8);
        /* one session a day: the UID names the day (not the plan), so an
         * export after the diary moved the plan, or after a new assessment,
         * updates the day's event; SEQUENCE and DTSTAMP go up when it changed */
        char uid[96];
        rh__fmt(uid, sizeof uid, "runhip-%s@runhip.local", st8);
        char summary[200], desc[sizeof d->detail + 3000];
        rh__fmt(summary, sizeof summary, PW("event_summary"), d->title);
        if (urgent) {
            char why[sizeof st->block_reason + 8];
            rh__fmt(why, sizeof why, "%s", st->block_reason);
            if (why[0] >= 'a' && why[0] <= 'z')
                why[0] = (char)(why[0] - 'a' + 'A');
            rh__fmt(desc, sizeof desc, "%s\n\n%s%s%s %s", d->detail, why, *why ? ". " : "",
                    rh_plan_kb_get(kb, "text", feed ? "urgent_calendar_feed" : "urgent_calendar"),
                    PW("info"));
        } else if (seen_first(st)) {
            /* an event is read on its own: the block's rule and reason in each */
            char note[2400];
            rh_plan_block_note(kb, st, note, sizeof note);
            rh__fmt(desc, sizeof desc, "%s\n\n%s\n\n%s", d->detail, note, PW("info"));
        } else {
            char ph[200];
            rh__fmt(ph, sizeof ph, PW("phase_label"), phase_field(kb, st->phase, "name"));
            rh__fmt(desc, sizeof desc, "%s\n\n%s %s %s", d->detail, ph,
                    rh_plan_kb_get(kb, "text", "calendar_log"), PW("info"));
        }
        char hash[24];
        event_hash(summary, desc, hash);
        struct prev_event *p = find_prev(prev, nprev, uid);
        int seq = 0;
        const char *this_stamp = dts;
        if (p) {
            used[p - prev] = true;
            bool same = !p->cancelled && strcmp(p->hash, hash) == 0;
            seq = same ? p->seq : p->seq + 1;
            if (same && *p->dtstamp)
                this_stamp = p->dtstamp;
        }
        r |= ics_event(out, uid, seq, this_stamp, st8, en8, summary, desc, d->kind, hash);
    }
    /* events of the earlier export that the plan no longer has: cancelled */
    for (size_t i = 0; !r && i < nprev; i++) {
        struct prev_event *p = &prev[i];
        if (used[i] || !*p->uid || !p->day)
            continue;
        bool again = p->cancelled;
        ics_date(p->day, st8);
        ics_date(p->day + 1, en8);
        r |= rh_ics_line(out, "BEGIN:VEVENT");
        rh__fmt(buf, sizeof buf, "UID:%s", p->uid);
        r |= rh_ics_line(out, buf);
        rh__fmt(buf, sizeof buf, "SEQUENCE:%d", again ? p->seq : p->seq + 1);
        r |= rh_ics_line(out, buf);
        rh__fmt(buf, sizeof buf, "DTSTAMP:%s", again && *p->dtstamp ? p->dtstamp : dts);
        r |= rh_ics_line(out, buf);
        rh__fmt(buf, sizeof buf, "DTSTART;VALUE=DATE:%s", st8);
        r |= rh_ics_line(out, buf);
        rh__fmt(buf, sizeof buf, "DTEND;VALUE=DATE:%s", en8);
        r |= rh_ics_line(out, buf);
        /* the old title, read back as plain text: "runhip: cancelled: Easy
         * run ...", escaped again as any title is */
        const char *old = p->summary;
        old += text_before_value(old, PW("event_summary"));
        old += text_before_value(old, PW("event_cancelled"));
        char cancelled[300], title[320];
        rh__fmt(cancelled, sizeof cancelled, PW("event_cancelled"),
                *old ? old : PW("event_a_session"));
        rh__fmt(title, sizeof title, PW("event_summary"), cancelled);
        r |= rh_ics_prop(out, "SUMMARY", title);
        r |= rh_ics_line(out, "STATUS:CANCELLED");
        r |= rh_ics_line(out, "TRANSP:TRANSPARENT");
        r |= rh_ics_line(out, "X-RUNHIP-HASH:cancelled");
        r |= rh_ics_line(out, "END:VEVENT");
    }
    r |= rh_ics_line(out, "END:VCALENDAR");
    rh_free(days);
    rh_free(ptext);
    rh_free(prev);
    rh_free(used);
    return r ? rh_err_set(err, RH_ENOMEM, "calendar too large or out of memory") : 0;
}

int rh_plan_ics_update(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                       int32_t from_day, int ndays, int64_t dtstamp, const char *previous,
                       struct rh_buf *out, struct rh_err *err)
{
    return ics_make(kb, st, from_day, ndays, dtstamp, previous, false, out, err);
}

int rh_plan_ics(const struct rh_plan_kb *kb, const struct rh_plan_state *st, int32_t from_day,
                int ndays, int64_t dtstamp, int64_t plan_id, struct rh_buf *out,
                struct rh_err *err)
{
    (void)plan_id; /* UIDs name the day, so they stay across plans */
    return rh_plan_ics_update(kb, st, from_day, ndays, dtstamp, NULL, out, err);
}

int rh_plan_ics_feed(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                     int32_t from_day, int ndays, int64_t dtstamp, struct rh_buf *out,
                     struct rh_err *err)
{
    return ics_make(kb, st, from_day, ndays, dtstamp, NULL, true, out, err);
}
