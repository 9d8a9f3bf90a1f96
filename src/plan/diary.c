/* SPDX-License-Identifier: MIT */
/*
 * The daily loop in the library (the program and the server call it): the
 * plan of the latest assessment (made on first use, keeping the history and
 * the clearance of the plan before it), and what a pain entry does: stored,
 * attached to the day before when it only brings the next-morning pain,
 * triaged through the assessment's red-flag rules, judged by the pain rule,
 * and the plan moved, all in one transaction. A red flag logged before any
 * assessment is kept too (rh_diary_unassessed).
 */
#include <assert.h>
#include <math.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "plan/plan_int.h"
#include "runhip/load.h"
#include "runhip/text.h"
#include "runhip/triage.h"
#include "util/banned.h"

/* words27: the diary's own words said to the runner (its errors and the
 * check-in's replacement), data/wording.txt [diary_words], texts with
 * named holes checked at the plan's load (rh__diary_words_check) */
static const struct rh_words_named diary_words[] = {
    {"no_assessment", ""},  {"no_flag_before", ""}, {"assessment_exists", ""},
    {"note_field", ""},     {"future_today", "day today"},
    {"future", "day"},      {"note_too_long", ""},  {"runs_a_week", "n"},
    {"no_hips", "need"},    {"no_volume", ""},
    {"replaced", "replaced day monday sunday"},
    /* the warning signs given as words (triage.c rh_triage_signs_parse) */
    {"signs_one_line", ""}, {"signs_twice", "word"}, {"signs_too_many", ""},
};

int rh__diary_words_check(struct rh_err *err)
{
    return rh_words_named_check("diary_words", diary_words,
                                sizeof diary_words / sizeof *diary_words, err);
}

#define diary_err(err, code, key, names, vals, n)                                                  \
    rh__named_err((err), (code), "diary_words", (key), (names), (vals), (n))
#define DW(key) rh__words("diary_words", (key))

#define BASE_WEEKS 4 /* pre-injury volume: the 4 weeks before the pain began */
#define HISTORY_DAYS 60

/* The runner's own figures and training-load findings before the pain: the
 * volume of the usual weeks before the pain began (the load report as of the
 * day before it, its flagged weeks and the days run in pain left out), and
 * the findings as of the assessment. */
static int plan_inputs(struct rh_store *s, const struct rh_plan_kb *kb, int32_t assess_day,
                       int32_t before_day, struct rh_plan_inputs *in,
                       char ids[RH_PLAN_MAX_FINDINGS][24], const char *ptrs[RH_PLAN_MAX_FINDINGS],
                       struct rh_err *err)
{
    memset(in, 0, sizeof *in);
    in->base_newest_run = -1; /* none stored, unless the report finds one */
    in->base_weekly_km = RH_NONE;
    in->base_cadence = RH_NONE;
    in->recent_runs = -1;
    /* the day the pain began (before_day == assess_day: not answered) */
    int32_t onset = before_day < assess_day ? before_day : 0;
    in->onset_day = onset; /* known without any run stored (review 11 #14) */
    /* the whole calendar weeks before the week the pain began, the weeks
     * of the load report's findings and of the assessment's recorded
     * figures (review 7b N12: not 7-day blocks ending the day before) */
    int32_t last;
    int r = rh_load_week_before(before_day, &last, err);
    if (r)
        return r;
    before_day = last + 1;
    /* review 10 #10: a pain of months says nothing through the weeks
     * before it began; the recent tolerated running does (the whole weeks
     * before the week of the assessment, runs above the pain rule's
     * acceptable pain left out) */
    bool recent = onset > 0 &&
                  assess_day - onset > (int32_t)rh__kb_num(kb, "volume", "long_standing_days", 84);
    if (recent) {
        if ((r = rh_load_week_before(assess_day, &last, err)))
            return r;
        before_day = last + 1;
    }
    struct rh_load_report rep;
    memset(&rep, 0, sizeof rep);
    r = rh_load_report_build(s, before_day - 1, &rep, err);
    if (r == RH_EEMPTY) {
        rh_err_clear(err);
    } else if (r) {
        return r;
    } else {
        /* a run is "in pain" above the plan's own safe limit; for recent
         * tolerated running, above what the pain rule accepts */
        int pain_max = (int)rh__kb_num(kb, "pain", recent ? "acceptable_max" : "safe_max",
                                       recent ? 5 : 2);
        r = rh_plan_base_from_report(&rep, before_day, BASE_WEEKS, pain_max, in);
        /* runner23: recorded runs stand for the usual weeks only when they
         * cover them, by the rule the assessment's recorded figures follow
         * (data/load_rules.txt intake_cover_weeks): one run of 12 km in 4
         * weeks gave a runner of 30 km a week a base of 3 km, where his
         * assessment had said it kept his answer */
        if (!r && in->n_base_runs > 0 && !rh_load_usual_weeks_covered(&rep)) {
            in->base_thin_runs = in->n_base_runs;
            in->n_base_runs = 0;
            in->base_weekly_km = RH_NONE;
            in->n_base_out = 0;
            in->base_pain_days = 0;
        }
        rh_load_report_release(&rep);
        if (r == RH_ENOMEM)
            return rh_err_set(err, r, "out of memory");
        assert(r == 0); /* the report was built as of the day before */
        if (r)
            return diary_err(err, r, "no_volume", NULL, NULL, 0);
        /* review 11 #12: the newest run before the pain began, the days of
         * its week before it counted (a run on the day before the onset) */
        if (onset > 0 && !recent &&
            (r = rh_load_newest_run_before(s, onset, &in->base_newest_run, err)))
            return r;
    }
    in->base_recent = recent;
    for (int i = 0; i < RH_PLAN_MAX_FINDINGS; i++)
        ptrs[i] = ids[i];
    in->findings = ptrs;
    in->n_findings = 0;
    /* the findings of the weeks before the pain began first, as the load
     * report, the Training page and the hand-off report show them
     * (rh_load_findings_shown: the report as of the day before the onset):
     * the training that came with the pain, even when the runner has run
     * little since (runner16: a plan made a week after the runner stopped
     * named only the strength work, not the jump the Training page showed) */
    if (onset > 0 && !recent) {
        memset(&rep, 0, sizeof rep);
        r = rh_load_report_build(s, onset - 1, &rep, err);
        if (r == RH_EEMPTY) {
            rh_err_clear(err);
        } else if (r) {
            return r;
        } else {
            for (size_t i = 0; i < rep.n_findings && in->n_findings < RH_PLAN_MAX_FINDINGS; i++) {
                char sec[64];
                rh__fmt(sec, sizeof sec, "finding.%s", rep.findings[i].id);
                if (strcmp(rep.findings[i].id, "too_little_data") == 0 ||
                    !rh_plan_kb_get(kb, sec, "advice"))
                    continue;
                in->findings_after[in->n_findings] = false;
                rh__fmt(ids[in->n_findings++], sizeof ids[0], "%s", rep.findings[i].id);
            }
            rh_load_report_release(&rep);
        }
    }
    int n_before = in->n_findings;
    memset(&rep, 0, sizeof rep);
    r = rh_load_report_build(s, assess_day, &rep, err);
    if (r == RH_EEMPTY) {
        rh_err_clear(err);
        return 0;
    }
    if (r)
        return r;
    for (size_t i = 0; i < rep.n_findings && in->n_findings < RH_PLAN_MAX_FINDINGS; i++) {
        char sec[64];
        rh__fmt(sec, sizeof sec, "finding.%s", rep.findings[i].id);
        if (!rh_plan_kb_get(kb, sec, "advice"))
            continue;
        /* said once: a finding of the weeks before the pain is its cause */
        bool seen = false;
        for (int k = 0; k < n_before && !seen; k++)
            seen = strcmp(ids[k], rep.findings[i].id) == 0;
        if (seen)
            continue;
        /* dated after the pain began: runs on an existing pain, labelled
         * so, not a cause (review 9 #11; as rh_load_shown_after) */
        in->findings_after[in->n_findings] =
            onset > 0 && rh_load_finding_after(&rep, &rep.findings[i], onset);
        rh__fmt(ids[in->n_findings++], sizeof ids[0], "%s", rep.findings[i].id);
    }
    in->onset_day = onset;
    /* the runs recorded in the 4 weeks up to the plan's start: the calm
     * weeks plan no more a week than these (review 9 #9) */
    in->recent_runs = 0;
    for (size_t i = 0; i < rep.n_runs; i++)
        in->recent_runs += rep.runs[i].day > assess_day - 7 * BASE_WEEKS &&
                           rep.runs[i].day <= assess_day;
    /* session 24 (runner24): too few of those weeks hold a run to show the
     * runner's week, by the rule the assessment's recorded figures follow
     * (data/load_rules.txt intake_cover_weeks): the runner's own number
     * counts then */
    in->recent_thin = in->recent_runs > 0 && !rh_load_usual_weeks_covered(&rep);
    rh_load_report_release(&rep);
    return 0;
}

/* Keeps the history and the clearance of the plan before a re-assessment,
 * and the red flags its diary raised that no clearance has answered. */
static void keep_clearance(const struct rh_plan_state *old, struct rh_plan_state *st);
static void carry_over(const struct rh_plan_kb *kb, const struct rh_plan_state *old,
                       struct rh_plan_state *st, int32_t day, bool later_entries)
{
    keep_clearance(old, st);
    rh_plan_keep_diary_flags(kb, old, st, day, later_entries);
    /* how often the runner said they run, until the runs say it */
    if (!st->runs_answered && old->assessment_id > 0)
        st->runs_answered = old->runs_answered;
}

static void keep_clearance(const struct rh_plan_state *old, struct rh_plan_state *st)
{
    struct rh_plan_move mine[RH_PLAN_MAX_MOVES];
    int nm = st->n_moves;
    memcpy(mine, st->moves, sizeof mine[0] * (size_t)nm);
    /* the moves of a plan; a state kept before any assessment (its red
     * flags or hold, rh_diary_unassessed) had no plan and no phases: its
     * moves are not the plan's history (review 7, A21) */
    int keep = old->assessment_id > 0 ? old->n_moves : 0;
    if (keep + nm > RH_PLAN_MAX_MOVES)
        keep = RH_PLAN_MAX_MOVES - nm;
    memcpy(st->moves, old->moves + (old->n_moves - keep), sizeof mine[0] * (size_t)keep);
    memcpy(st->moves + keep, mine, sizeof mine[0] * (size_t)nm);
    st->n_moves = keep + nm;
    /* the red flags the diary raised, and their clearances, stay on record
     * for the report (review 11 #3) */
    rh__fmt(st->flag_log, sizeof st->flag_log, "%s", old->flag_log);
    if (!old->cleared)
        return;
    /* the clearance is kept on record (what was cleared, when, by whom) */
    st->cleared_day = old->cleared_day;
    /* and the visit's outcome: a restriction outlasts a re-assessment */
    rh__fmt(st->visit, sizeof st->visit, "%s", old->visit);
    st->visit_weeks = old->visit_weeks;
    st->run_from = old->run_from;
    rh__fmt(st->cleared_note, sizeof st->cleared_note, "%s", old->cleared_note);
    rh__fmt(st->cleared_flags, sizeof st->cleared_flags, "%s", old->cleared_flags);
    rh__fmt(st->cleared_titles, sizeof st->cleared_titles, "%s", old->cleared_titles);
    /* and it holds only for what the professional saw: a block of the new
     * assessment is lifted when every red flag behind it was cleared and the
     * advice is neither to stop running (a rule of its own, e.g. a possible
     * fracture, asks for a new look) nor urgent; a new red flag (a doctor who
     * cleared a bone-stress suspicion has not seen a new sign) keeps it */
    bool lift = !st->blocked;
    if (st->blocked && *st->red_flags && strcmp(st->running, "stop") != 0 &&
        strcmp(st->disposition, "urgent") != 0) {
        lift = true;
        char w[RH__WORD_MAX];
        for (const char *at = st->red_flags; rh__word_next(&at, w, sizeof w);)
            if (!rh__word_in(old->cleared_flags, w))
                lift = false;
    }
    if (!lift)
        return; /* blocked, not cleared: the notice to see someone stands */
    st->cleared = true;
    if (st->blocked) {
        st->blocked = false;
        st->rest_leg = false;
        st->block_reason[0] = '\0';
    }
}

/* The plan's inputs for the assessment made at `created` with this intake
 * text: the volume before the pain began (the intake's duration) and the
 * findings as of the assessment day. *in: the parsed intake (duration_days
 * -1 when it could not be read). */
static int assessment_inputs(struct rh_store *s, const struct rh_plan_kb *kb, int64_t created,
                             const char *intake, struct rh_intake *in, struct rh_plan_inputs *pin,
                             char ids[RH_PLAN_MAX_FINDINGS][24],
                             const char *ptrs[RH_PLAN_MAX_FINDINGS], struct rh_err *err)
{
    int32_t day = rh_tz_day(rh_store_zone(s), created);
    /* the volume before the pain began: the assessment's duration */
    int32_t before = day;
    bool have_in = intake && rh_intake_parse(intake, strlen(intake), in, err) == 0;
    if (!have_in) {
        memset(in, 0, sizeof *in);
        in->duration_days = -1;
        in->weekly_km = RH_NONE;
    }
    if (have_in && in->duration_days > 0)
        before = day - in->duration_days;
    rh_err_clear(err);
    int r = plan_inputs(s, kb, day, before, pin, ids, ptrs, err);
    if (r)
        return r;
    /* no runs recorded before the pain: the answered weekly distance is the
     * volume before the pain (the assessment said it kept it), not
     * "unknown"; n_base_runs stays 0, which says where it came from (review
     * 7b, N14) */
    if (!(rh_has(pin->base_weekly_km) && pin->base_weekly_km > 0) && pin->n_base_runs == 0 &&
        have_in && rh_has(in->weekly_km) && in->weekly_km > 0)
        pin->base_weekly_km = in->weekly_km;
    return 0;
}

/* Review 10 #9: runs imported (or logged by hand) after the plan was made
 * change the volume before the pain and the findings it was made from: the
 * stored plan takes them in when it is next read, so assessing before or
 * after the import gives the same plan. Its phase, history and clearance
 * stay; the state is stored again only when its inputs changed. */
static bool same_num(double a, double b)
{
    return rh_has(a) ? rh_has(b) && fabs(a - b) < 1e-9 : !rh_has(b);
}

/* Stores st as plan pid's state (inside the caller's transaction). */
static int plan_save(struct rh_store *s, int64_t pid, const struct rh_plan_state *st,
                     struct rh_err *err)
{
    char *json;
    int r = rh_plan_state_to_json(st, &json, err);
    if (!r) {
        r = rh_store_plan_update(s, pid, json, err);
        rh_free(json);
    }
    return r;
}

static int refresh_inputs(struct rh_store *s, const struct rh_plan_kb *kb, int64_t pid,
                          int64_t created, const char *intake, struct rh_plan_state *st,
                          struct rh_err *err)
{
    if (st->assessment_id <= 0)
        return 0;
    struct rh_intake in;
    struct rh_plan_inputs pin;
    char ids[RH_PLAN_MAX_FINDINGS][24];
    const char *ptrs[RH_PLAN_MAX_FINDINGS];
    int r = assessment_inputs(s, kb, created, intake, &in, &pin, ids, ptrs, err);
    if (r)
        return r;
    struct rh_plan_state *nw = rh_malloc(sizeof *nw);
    if (!nw)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    memcpy(nw, st, sizeof *nw);
    if ((r = rh__plan_set_inputs(kb, nw, &pin, err))) {
        rh_free(nw);
        return r;
    }
    bool same = same_num(nw->base_weekly_km, st->base_weekly_km) &&
                same_num(nw->base_cadence, st->base_cadence) &&
                nw->n_base_runs == st->n_base_runs && nw->base_recent == st->base_recent &&
                nw->base_newest_run == st->base_newest_run &&
                nw->n_base_out == st->n_base_out && nw->base_pain_days == st->base_pain_days &&
                nw->base_thin_runs == st->base_thin_runs &&
                nw->recent_runs == st->recent_runs && nw->recent_thin == st->recent_thin &&
                nw->n_findings == st->n_findings &&
                strcmp(nw->findings_after, st->findings_after) == 0;
    for (int i = 0; same && i < nw->n_findings; i++)
        same = strcmp(nw->findings[i], st->findings[i]) == 0;
    for (int i = 0; same && i < nw->n_base_out; i++)
        same = nw->base_out[i].from == st->base_out[i].from &&
               nw->base_out[i].to == st->base_out[i].to &&
               same_num(nw->base_out[i].km, st->base_out[i].km) &&
               strcmp(nw->base_out[i].why, st->base_out[i].why) == 0;
    if (!same) {
        r = plan_save(s, pid, nw, err);
        if (!r)
            memcpy(st, nw, sizeof *nw);
    }
    rh_free(nw);
    return r;
}

int rh_plan_current(struct rh_store *s, const struct rh_plan_kb *kb, int64_t *plan_id,
                    struct rh_plan_state *st, struct rh_err *err)
{
    int64_t aid, created, pid, paid;
    char *intake = NULL, *result = NULL, *state = NULL;
    int r = rh_store_assessment_latest(s, &aid, &created, &intake, &result, err);
    if (r == RH_ENOTFOUND)
        return diary_err(err, RH_ENOTFOUND, "no_assessment", NULL, NULL, 0);
    if (r)
        return r;
    bool have_old = false;
    struct rh_plan_state old;
    r = rh_store_plan_latest(s, &pid, &paid, &state, err);
    if (r == 0 && paid == aid) {
        r = rh_plan_state_from_json(state, st, err);
        *plan_id = pid;
        /* its day of making is the assessment's local day in the zone the
         * runner has now (named after the plan was stored, or moved) */
        if (!r)
            rh_plan_redate(st, rh_tz_day(rh_store_zone(s), created));
        if (!r) /* the assessment's part of the block's reason in today's words */
            rh_plan_block_words(st, result);
        if (!r)
            r = refresh_inputs(s, kb, pid, created, intake, st, err);
        goto out;
    }
    if (r == 0)
        have_old = rh_plan_state_from_json(state, &old, err) == 0;
    else if (r != RH_ENOTFOUND)
        goto out;
    rh_err_clear(err);
    int32_t day = rh_tz_day(rh_store_zone(s), created);
    struct rh_intake in;
    struct rh_plan_inputs pin;
    char ids[RH_PLAN_MAX_FINDINGS][24];
    const char *ptrs[RH_PLAN_MAX_FINDINGS];
    if ((r = assessment_inputs(s, kb, created, intake, &in, &pin, ids, ptrs, err)))
        goto out;
    if ((r = rh_plan_build(kb, result, aid, day, &pin, st, err)))
        goto out;
    if (intake && rh_intake_parse(intake, strlen(intake), &in, err) == 0) {
        st->intake_days = in.duration_days >= 0 ? in.duration_days : -1;
        /* the pain the "see someone if" trigger weighs: the higher of pain
         * now and pain during a run, as the pain rule weighs activity pain
         * (review 9 #10) */
        int pn = in.pain_now >= 0 && in.pain_now <= 10 ? in.pain_now : -1;
        if (in.pain_run >= 0 && in.pain_run <= 10 && in.pain_run > pn)
            pn = in.pain_run;
        st->intake_pain_now = pn;
        rh__refer_answers(kb, st, &in);
        rh__run_answers(kb, st, &in);
    }
    rh_err_clear(err);
    if (have_old) {
        /* diary entries logged after the latest red flag of the diary (they
         * did not raise it again: that day would be later) */
        bool later = false;
        if (*old.diary_flags && old.diary_day > 0 && old.diary_day < day) {
            struct rh_pain_entry *pe = NULL;
            size_t np = 0;
            if ((r = rh_store_pain_list(s, old.diary_day + 1, day, &pe, &np, err)))
                goto out;
            later = np > 0;
            rh_pain_array_free(pe, np);
        }
        carry_over(kb, &old, st, day, later);
    }
    char *json;
    if ((r = rh_plan_state_to_json(st, &json, err)))
        goto out;
    r = rh_store_plan_add(s, aid, (int64_t)time(NULL), json, plan_id, err);
    rh_free(json);
out:
    rh_free(intake);
    rh_free(result);
    rh_free(state);
    return r;
}

int rh_plan_training_deferred(struct rh_store *s, const struct rh_plan_kb *kb, bool *defer,
                              struct rh_err *err)
{
    *defer = false;
    struct rh_plan_state *st = rh_calloc(1, sizeof *st);
    if (!st)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    int64_t pid = 0;
    int r = rh_plan_current(s, kb, &pid, st, err);
    if (r == RH_ENOTFOUND) {
        rh_err_clear(err);
        r = rh_diary_unassessed(s, st, err);
        if (r == RH_ENOTFOUND) {
            rh_err_clear(err);
            rh_free(st);
            return 0;
        }
    }
    if (!r)
        *defer = rh_plan_defers_training(st);
    rh_free(st);
    return r;
}

/* The latest assessment's intake and its day, for the triage's context. */
static int context(struct rh_store *s, struct rh_intake *in, int32_t *day, bool *have,
                   struct rh_err *err)
{
    int64_t aid, created;
    char *intake = NULL, *result = NULL;
    *have = false;
    int r = rh_store_assessment_latest(s, &aid, &created, &intake, &result, err);
    if (r == RH_ENOTFOUND) {
        rh_err_clear(err);
        return 0;
    }
    if (r)
        return r;
    *day = rh_tz_day(rh_store_zone(s), created);
    if (intake && rh_intake_parse(intake, strlen(intake), in, err) == 0)
        *have = true;
    rh_err_clear(err); /* an unreadable stored intake: triage without context */
    rh_free(intake);
    rh_free(result);
    return 0;
}

/* The runner's body weight in kg from the profile (runhip profile set
 * weight_kg N), 0 when not set or not readable: a note's weight loss told
 * with its amount is judged against it (session 23, plan27). */
static double body_kg(struct rh_store *s)
{
    char *v = NULL;
    struct rh_err e;
    rh_err_clear(&e);
    double kg = 0;
    if (rh_store_profile_get(s, "weight_kg", &v, &e) == 0 && v && rh_parse_double(v, &kg) != 0)
        kg = 0;
    rh_free(v);
    return kg > 0 ? kg : 0;
}

/* ---- red flags before any assessment ------------------------------------------
 *
 * A red flag of a diary entry or a check-in logged while there is no
 * assessment yet is kept, as a plan state without an assessment (a plan row
 * whose assessment_id is NULL; its phases are never rendered): blocked, with
 * the diary's flags, their urgency and reasons, as a plan records them. The
 * today page and `runhip plan` show it until a professional clears it (runhip
 * log cleared); the plan of an assessment made later keeps them too
 * (rh_plan_keep_diary_flags), and the clearance. */

/* The stored state without an assessment: 0 (and *pid) or RH_ENOTFOUND. Only
 * while no assessment exists (the caller checks). */
static int unassessed_load(struct rh_store *s, int64_t *pid, struct rh_plan_state *st,
                           struct rh_err *err)
{
    int64_t id, aid;
    char *state = NULL;
    int r = rh_store_plan_latest(s, &id, &aid, &state, err);
    if (!r && aid != 0)
        r = diary_err(err, RH_ENOTFOUND, "no_flag_before", NULL, NULL, 0);
    if (!r)
        r = rh_plan_state_from_json(state, st, err);
    rh_free(state);
    if (!r)
        *pid = id;
    return r;
}

/* The state to keep the flags in: the stored one, or a fresh one (*pid 0). */
static int unassessed_get(struct rh_store *s, int32_t day, int64_t *pid, struct rh_plan_state *st,
                          struct rh_err *err)
{
    int r = unassessed_load(s, pid, st, err);
    if (r != RH_ENOTFOUND)
        return r;
    rh_err_clear(err);
    memset(st, 0, sizeof *st);
    st->diary_urgency = -1;
    st->hold_urgency = -1;
    st->start_day = st->phase_day = day;
    st->phase = RH_PHASE_CALM;
    st->run_mode = RH_RUN_OFF;
    rh__fmt(st->disposition, sizeof st->disposition, "%s", rh_disposition_name(RH_DISP_SELF_CARE));
    *pid = 0;
    return 0;
}

static int unassessed_put(struct rh_store *s, int64_t pid, const struct rh_plan_state *st,
                          struct rh_err *err)
{
    char *json;
    int r = rh_plan_state_to_json(st, &json, err);
    if (r)
        return r;
    r = pid ? rh_store_plan_update(s, pid, json, err)
            : rh_store_plan_add(s, 0, (int64_t)time(NULL), json, NULL, err);
    rh_free(json);
    return r;
}

/* Without an assessment: whether the red flags kept before it
 * (rh_diary_unassessed) stop running, as `runhip plan` says: an entry without
 * a flag of its own does not lift the block of an earlier one. */
static bool unassessed_blocks(struct rh_store *s)
{
    struct rh_plan_state *st = rh_calloc(1, sizeof *st);
    struct rh_err e;
    int64_t pid;
    rh_err_clear(&e);
    bool b = st && unassessed_load(s, &pid, st, &e) == 0 && rh_plan_no_running(st);
    rh_free(st);
    return b;
}

/* The same for a clinician's restriction in force on day (a visit recorded
 * before any assessment, rh_plan_restricted). */
static bool unassessed_restricted(struct rh_store *s, int32_t day)
{
    struct rh_plan_state *st = rh_calloc(1, sizeof *st);
    struct rh_err e;
    int64_t pid;
    rh_err_clear(&e);
    bool b = st && unassessed_load(s, &pid, st, &e) == 0 && rh_plan_restricted(st, day);
    rh_free(st);
    return b;
}

int rh_diary_unassessed(struct rh_store *s, struct rh_plan_state *st, struct rh_err *err)
{
    int64_t aid, created, pid;
    char *intake = NULL, *result = NULL;
    int r = rh_store_assessment_latest(s, &aid, &created, &intake, &result, err);
    rh_free(intake);
    rh_free(result);
    if (r == 0)
        return diary_err(err, RH_ENOTFOUND, "assessment_exists", NULL, NULL, 0);
    if (r != RH_ENOTFOUND)
        return r;
    rh_err_clear(err);
    return unassessed_load(s, &pid, st, err);
}

static int count_strength(struct rh_store *s, int32_t from, int32_t to, int *n, struct rh_err *err)
{
    struct rh_session *ss;
    size_t k;
    int r = rh_store_session_list(s, from, to, &ss, &k, err);
    if (r)
        return r;
    *n = 0;
    for (size_t i = 0; i < k; i++)
        *n += ss[i].kind == RH_SESSION_STRENGTH;
    rh_session_array_free(ss, k);
    return 0;
}

/* Review 11 #7 (session 12, branch loop12): this morning's figure completed
 * the day before's activity entry, and today's entry is pain now only: the
 * reply gives one decision, not "too much: step back" for that entry and
 * "acceptable: keep going" for this one. The completed entry is what the
 * pain rule judges (pain during activity, then the next morning
 * [Silbernagel07]); a pain-now entry moves nothing, so when the completed
 * entry's verdict is the graver one it is the reply's, with its reason and
 * its move, and this entry's words say so ([text] morning_decides). */
static void one_decision(const struct rh_plan_kb *kb, struct rh_diary_outcome *out)
{
    struct rh_pain_result *now = &out->pain;
    const struct rh_pain_result *done = &out->attached_result;
    if (!out->attached)
        return;
    /* a move the completed entry made is the plan's move whatever decides
     * the verdict (runner21: two good entries, the second completed by a
     * morning figure, moved the phase on while the reply said "stays") */
    if (!now->moved && done->moved) {
        now->moved = true;
        now->from = done->from;
        now->to = done->to;
        now->ladder_from = done->ladder_from;
        now->ladder_to = done->ladder_to;
    }
    if (now->is_activity || done->verdict <= now->verdict)
        return;
    char d[11], why[sizeof now->why];
    rh_date_format(out->attached_day, d);
    const char *t = rh_plan_kb_get(kb, "text", "morning_decides");
    /* "{}" the day of the completed entry, "{}" its verdict */
    const char *const args[2] = {d, rh_pain_result_verdict(done)};
    rh_text_fill(why, sizeof why, t, args, 2);
    now->verdict = done->verdict;
    rh__fmt(now->why, sizeof now->why, "%s", why);
    /* a hold the completed entry decides keeps its cause with it: without
     * an assessment the unassessed state is moved by this result, and a
     * hold always says what held it (plan27: "log pain 2 --next-morning 1"
     * after an 8/10 run with no assessment aborted in rh_plan_move) */
    if (done->hold && !now->hold && !*now->hold_cause)
        rh__fmt(now->hold_cause, sizeof now->hold_cause, "%s", done->hold_cause);
    now->hold |= done->hold;
}

int rh_diary_pain(struct rh_store *s, const struct rh_plan_kb *kb, const struct rh_pain_entry *in,
                  uint32_t signs, int32_t today, struct rh_diary_outcome *out, struct rh_err *err)
{
    memset(out, 0, sizeof *out);
    out->urgency = -1;
    int bad = rh_entry_check(in->note, RH_ENTRY_NOTE, DW("note_field"), err);
    if (bad)
        return bad;
    /* the signs ticked, kept with the entry (schema 5); a bit that is no
     * sign is refused before anything is stored */
    char signs_words[RH_SIGNS_TEXT_MAX];
    if ((bad = rh_triage_signs_words(signs, signs_words, sizeof signs_words, err)))
        return bad;
    if (in->day > today) {
        char d[11], t[11];
        rh_date_format(in->day, d);
        rh_date_format(today, t);
        const char *const nm[] = {"day", "today"}, *const v[] = {d, t};
        return diary_err(err, RH_ERANGE, "future_today", nm, v, 2);
    }
    struct rh_pain_entry e = *in;
    struct rh_pain_entry *hist = NULL;
    size_t nh = 0;
    int r = rh_store_begin(s, err);
    if (r)
        return r;
    /* --next-morning alone, the day after an activity entry without one:
     * it is that entry's next morning */
    if (e.during_run < 0 && e.next_morning >= 0) {
        r = rh_store_pain_list(s, e.day - 1, e.day - 1, &hist, &nh, err);
        for (size_t i = nh; !r && i > 0; i--) {
            struct rh_pain_entry *p = &hist[i - 1];
            if (p->during_run >= 0 && p->next_morning < 0) {
                r = rh_store_pain_set_next_morning(s, p->id, e.next_morning, err);
                out->attached = true;
                out->attached_day = p->day;
                out->attached_during = p->during_run;
                break;
            }
        }
        rh_pain_array_free(hist, nh);
        hist = NULL;
        nh = 0;
    }
    struct rh_pain_entry store = e;
    snprintf(store.signs, sizeof store.signs, "%s", signs_words);
    if (out->attached)
        store.next_morning = -1; /* today's entry is pain now only */
    if (!r && !out->attached && e.next_morning >= 0 && (e.during_run < 0 || e.day >= today)) {
        const char *t = rh_plan_kb_get(kb, "text", e.during_run < 0 ? "morning_alone"
                                                                    : "morning_today");
        rh__fmt(out->morning_note, sizeof out->morning_note, "%s", t ? t : "");
    }
    if (!r)
        r = rh_store_pain_add(s, &store, &out->entry_id, err);
    if (!r)
        r = rh_store_pain_list(s, e.day - HISTORY_DAYS, e.day, &hist, &nh, err);
    /* judged: the entry that got its next morning, else the new one */
    size_t upto = nh;
    if (!r && out->attached) {
        for (size_t i = 0; i < nh; i++)
            if (hist[i].day == out->attached_day && hist[i].during_run == out->attached_during &&
                hist[i].next_morning == e.next_morning)
                upto = i + 1;
        /* the pain-now entry of today is judged after it */
    }
    struct rh_intake ctx;
    int32_t aday = 0;
    bool have_ctx = false;
    if (!r)
        r = context(s, &ctx, &aday, &have_ctx, err);
    if (!r) {
        int pr = rh_plan_current(s, kb, &out->plan_id, &out->st, err);
        if (pr == 0)
            out->have_plan = true;
        else if (pr != RH_ENOTFOUND)
            r = pr;
        else
            rh_err_clear(err);
    }
    if (!r)
        r = rh_triage_entry_weighed(have_ctx ? &ctx : NULL, have_ctx ? e.day - aday : 0, &e, signs,
                                    body_kg(s), &out->triage, err);
    int strength = 0;
    if (!r && out->have_plan)
        r = count_strength(s, out->st.phase_day, e.day, &strength, err);
    if (!r && out->attached && upto < nh) {
        /* first the completed activity entry (no triage: its flags come
         * with today's entry below) */
        struct rh_pain_result first;
        r = rh_plan_judge(kb, out->have_plan ? &out->st : NULL, hist, upto, NULL, &first, err);
        if (!r && out->have_plan)
            r = rh_plan_move(kb, &out->st, hist, upto, NULL, strength, &first, err);
        if (!r)
            out->attached_result = first;
    }
    if (!r)
        r = rh_plan_judge(kb, out->have_plan ? &out->st : NULL, hist, nh, &out->triage, &out->pain,
                          err);
    /* this morning's pain-now entry does not settle what its own next-morning
     * figure has just shown */
    if (!r && out->attached && (out->attached_result.hold || !out->attached_result.settles))
        out->pain.settles = false;
    if (!r && out->have_plan)
        r = rh_plan_move(kb, &out->st, hist, nh, &out->triage, strength, &out->pain, err);
    if (!r)
        one_decision(kb, out);
    if (!r && out->have_plan && out->st.blocked) {
        out->pain.blocked = true;
        out->attached_result.blocked = true;
    }
    /* session 22 (branch diary26): while a fracture a clinician diagnosed
     * holds running (st.diagnosed_hold), every entry's verdict says so, not
     * "acceptable: keep going" beside a plan without runs */
    if (!r && out->have_plan && out->st.diagnosed_hold && !out->st.blocked && !out->pain.red_flag)
        out->pain.diagnosed = true;
    /* session 22 (branch diary26b): the same for a pelvic-floor hold (a
     * later entry within the pain rule was "acceptable: keep going in this
     * phase" while running waited for the pelvic-floor check), and for the
     * entry its next-morning figure completed ("That entry: fine: carry
     * on"), as a warning sign's stop says it of both */
    if (!r && out->have_plan && out->st.pelvic_hold && !out->st.diagnosed_hold &&
        !out->st.blocked && !out->pain.red_flag)
        out->pain.pelvic_hold = true;
    if (!r && out->have_plan && out->attached && !out->st.blocked &&
        !out->attached_result.red_flag) {
        out->attached_result.diagnosed |= out->st.diagnosed_hold;
        out->attached_result.pelvic_hold |= out->st.pelvic_hold && !out->st.diagnosed_hold;
    }
    if (!r && out->have_plan)
        r = plan_save(s, out->plan_id, &out->st, err);
    /* no assessment yet: a red flag or a hold of the pain rule (pain getting
     * worse, severe pain during a run) is kept all the same, as the plan
     * would keep it (its words, its block or hold); an entry that settles
     * lifts a kept hold, as in a plan */
    if (!r && !out->have_plan) {
        struct rh_plan_state *u = rh_calloc(1, sizeof *u);
        int64_t upid = 0;
        bool held = false;
        if (!u) {
            r = rh_err_set(err, RH_ENOMEM, "out of memory");
        } else if (!out->pain.red_flag && !out->pain.hold) {
            struct rh_err e2;
            rh_err_clear(&e2);
            bool kept = unassessed_load(s, &upid, u, &e2) == 0;
            held = kept && u->hold && out->pain.settles;
            /* session 22 (branch diary26b): a kept pelvic-floor or
             * diagnosed fracture's hold, which no settled entry lifts, is
             * said by this entry's verdict, as with a plan */
            if (kept) {
                rh_plan_judge_held(kb, u, &e, &out->pain);
                if (out->attached && upto > 0 && upto <= nh)
                    rh_plan_judge_held(kb, u, &hist[upto - 1], &out->attached_result);
            }
        }
        if (!r && (out->pain.red_flag || out->pain.hold || held)) {
            if (!held)
                r = unassessed_get(s, e.day, &upid, u, err);
            /* plan27: a hold the completed entry decides (its next-morning
             * figure given today) is that entry's, of its day and cause, as
             * with a plan (the attached move above); this entry moves the
             * state after it only with its own warning sign or hold */
            bool done_holds = out->attached && upto < nh && out->attached_result.hold &&
                              !out->pain.red_flag;
            if (!r && done_holds) {
                struct rh_pain_result res = out->attached_result;
                r = rh_plan_move(kb, u, hist, upto, NULL, 0, &res, err);
            }
            if (!r && !done_holds) {
                struct rh_pain_result res = out->pain;
                r = rh_plan_move(kb, u, hist, nh, &out->triage, 0, &res, err);
            }
            if (!r)
                r = unassessed_put(s, upid, u, err);
        }
        rh_free(u);
    }
    if (!r)
        r = rh_store_commit(s, err);
    if (r)
        rh_store_rollback(s);
    rh_pain_array_free(hist, nh);
    if (r)
        return r;
    if (out->triage.has_urgency)
        out->urgency = (int)out->triage.urgency;
    else if (out->pain.verdict == RH_PAIN_SEE && out->pain.see_level >= 0)
        out->urgency = out->pain.see_level; /* the time frame its words give */
    else if (out->pain.hold || out->pain.verdict == RH_PAIN_SEE)
        out->urgency = RH_DISP_SEE_PHYSIO;
    else if (out->pain.verdict == RH_PAIN_STEP_BACK)
        out->urgency = RH_DISP_MODIFY_TRAINING;
    else
        out->urgency = RH_DISP_SELF_CARE;
    if ((*out->pain.physio || out->pain.physio_due) && out->urgency < RH_DISP_SEE_PHYSIO)
        out->urgency = RH_DISP_SEE_PHYSIO;
    if (out->have_plan && out->st.for_child) {
        /* a parent's diary: the replies said of the child (ux11) */
        rh_plan_said_of(&out->st, out->pain.why, sizeof out->pain.why);
        rh_plan_said_of(&out->st, out->pain.physio, sizeof out->pain.physio);
        rh_plan_said_of(&out->st, out->attached_result.why, sizeof out->attached_result.why);
        rh_plan_said_of(&out->st, out->morning_note, sizeof out->morning_note);
    }
    out->blocked = out->have_plan ? rh_plan_no_running(&out->st)
                                  : out->triage.n_flags > 0 || out->pain.hold || unassessed_blocks(s);
    out->restricted = out->have_plan ? rh_plan_restricted(&out->st, today)
                                     : unassessed_restricted(s, today);
    return 0;
}

int rh_diary_checkin(struct rh_store *s, const struct rh_plan_kb *kb, const struct rh_checkin *ck,
                     const char *note, uint32_t signs, int32_t today,
                     struct rh_checkin_outcome *out, struct rh_err *err)
{
    memset(out, 0, sizeof *out);
    int bad = rh_entry_check(note, RH_ENTRY_NOTE, DW("note_field"), err);
    if (bad)
        return bad;
    /* the signs ticked, kept with the check-in (schema 5); a bit that is
     * no sign is refused before anything is stored */
    struct rh_checkin kept = *ck;
    if ((bad = rh_triage_signs_words(signs, kept.signs, sizeof kept.signs, err)))
        return bad;
    /* and the note, in the runner's words (schema 6): for the report */
    if (note && strlen(note) >= sizeof kept.note)
        return diary_err(err, RH_ERANGE, "note_too_long", NULL, NULL, 0);
    snprintf(kept.note, sizeof kept.note, "%s", note ? note : "");
    if (ck->day > today) {
        char d[11];
        rh_date_format(ck->day, d);
        const char *const nm[] = {"day"}, *const v[] = {d};
        return diary_err(err, RH_ERANGE, "future", nm, v, 1);
    }
    int64_t plan_id = 0;
    struct rh_intake ctx;
    int32_t aday = 0;
    bool have_ctx = false;
    int r = rh_store_begin(s, err);
    /* one check-in a week: an earlier one of the same Monday-to-Sunday week
     * is replaced */
    if (!r) {
        struct rh_checkin *all = NULL;
        size_t na = 0;
        int32_t monday = ck->day - rh_weekday(ck->day);
        r = rh_store_checkin_list(s, &all, &na, err);
        for (size_t i = 0; !r && i < na; i++) {
            if (all[i].day < monday || all[i].day > monday + 6)
                continue;
            r = rh_store_checkin_delete(s, all[i].id, err);
            if (!out->replaced || all[i].day > out->replaced_day)
                out->replaced_day = all[i].day;
            out->replaced = true;
        }
        rh_free(all);
        if (!r && out->replaced) {
            char d[11], m[11], su[11];
            rh_date_format(out->replaced_day, d);
            rh_date_format(monday, m);
            rh_date_format(monday + 6, su);
            const char *t = rh_plan_kb_get(kb, "checkin", "replaced");
            const char *const nm[] = {"replaced", "day", "monday", "sunday"},
                              *const v[] = {t ? t : "", d, m, su};
            rh_text_fill_named(out->replaced_text, sizeof out->replaced_text, DW("replaced"), nm,
                               v, 4);
        }
    }
    if (!r)
        r = rh_store_checkin_add(s, &kept, NULL, err);
    if (!r)
        r = context(s, &ctx, &aday, &have_ctx, err);
    if (!r) {
        struct rh_pain_entry e = {.day = ck->day, .pain = -1, .during_run = -1,
                                  .next_morning = -1, .note = (char *)note};
        r = rh_triage_entry_weighed(have_ctx ? &ctx : NULL, have_ctx ? ck->day - aday : 0, &e,
                                    signs, body_kg(s), &out->triage, err);
    }
    if (!r) {
        int pr = rh_plan_current(s, kb, &plan_id, &out->st, err);
        if (pr == 0)
            out->have_plan = true;
        else if (pr != RH_ENOTFOUND)
            r = pr;
        else
            rh_err_clear(err);
    }
    if (!r && out->have_plan) {
        out->from = out->st.phase;
        size_t flags_len = 0;
        r = rh__plan_on_checkin(kb, &out->st, ck, &out->triage, out->why, sizeof out->why,
                                &out->moved, &flags_len);
        const char *rest = out->why + (flags_len < sizeof out->why ? flags_len : 0);
        rh__fmt(out->why_rest, sizeof out->why_rest, "%s", rest + (*rest == ' '));
        if (!r)
            r = plan_save(s, plan_id, &out->st, err);
    }
    /* no assessment yet: its red flags are kept (see rh_diary_unassessed) */
    if (!r && !out->have_plan && out->triage.n_flags > 0) {
        struct rh_plan_state *u = rh_calloc(1, sizeof *u);
        int64_t upid = 0;
        char why[2000];
        bool moved;
        r = u ? unassessed_get(s, ck->day, &upid, u, err)
              : rh_err_set(err, RH_ENOMEM, "out of memory");
        if (!r)
            r = rh_plan_on_checkin(kb, u, ck, &out->triage, why, sizeof why, &moved);
        if (!r)
            r = unassessed_put(s, upid, u, err);
        rh_free(u);
    }
    if (!r)
        r = rh_store_commit(s, err);
    if (r) {
        rh_store_rollback(s);
        return r;
    }
    if (out->have_plan) { /* a parent's check-in: said of the child (ux11) */
        rh_plan_said_of(&out->st, out->why, sizeof out->why);
        rh_plan_said_of(&out->st, out->why_rest, sizeof out->why_rest);
    }
    out->blocked = out->have_plan ? rh_plan_no_running(&out->st)
                                  : out->triage.n_flags > 0 || unassessed_blocks(s);
    return 0;
}

int rh_plan_set_runs(struct rh_store *s, const struct rh_plan_kb *kb, int n,
                     struct rh_plan_state *st, struct rh_err *err)
{
    if (n < 1 || n > 7) {
        char sn[12];
        rh__fmt(sn, sizeof sn, "%d", n);
        const char *const nm[] = {"n"}, *const v[] = {sn};
        return diary_err(err, RH_ERANGE, "runs_a_week", nm, v, 1);
    }
    int64_t plan_id;
    int r = rh_store_begin(s, err);
    if (!r)
        r = rh_plan_current(s, kb, &plan_id, st, err);
    if (!r) {
        st->runs_answered = n;
        r = plan_save(s, plan_id, st, err);
    }
    if (!r)
        r = rh_store_commit(s, err);
    if (r)
        rh_store_rollback(s);
    return r;
}

/* Whether note has a whole word of words ("knee, knees"), in any case. */
static bool note_names(const char *note, const char *words)
{
    if (!note || !words)
        return false;
    for (const char *p = note; *p;) {
        while (*p && !isalpha((unsigned char)*p))
            p++;
        const char *w = p;
        while (isalpha((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - w);
        for (const char *q = words; n && *q;) {
            while (*q == ' ' || *q == ',')
                q++;
            const char *e = q;
            while (*e && *e != ' ' && *e != ',')
                e++;
            if ((size_t)(e - q) == n && strncasecmp(q, w, n) == 0)
                return true;
            q = e;
        }
    }
    return false;
}

/* review 10 #3: the assessment said what a clearance must cover (an X-ray
 * of both hips) and the note names only another part (the knee): err says
 * so, the clearance is not recorded. */
static int clearance_covers(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                            const char *note, struct rh_err *err)
{
    if (!*st->clearance_need ||
        !note_names(note, rh_plan_kb_get(kb, "text", "clear_other_part")) ||
        note_names(note, rh_plan_kb_get(kb, "text", "clear_hips_part")))
        return 0;
    char need[sizeof st->clearance_need];
    snprintf(need, sizeof need, "%s", st->clearance_need);
    char *src = strstr(need, " [");
    if (src)
        *src = '\0'; /* the sources, for the report */
    const char *tpl = rh_plan_kb_get(kb, "text", "cleared_other_part");
    const char *at = tpl ? strstr(tpl, "{}") : NULL;
    if (!at) {
        const char *const nm[] = {"need"}, *const v[] = {need};
        return diary_err(err, RH_ERANGE, "no_hips", nm, v, 1);
    }
    return rh_err_set(err, RH_ERANGE, "%.*s%s%s", (int)(at - tpl), tpl, need, at + 2);
}

int rh_diary_cleared(struct rh_store *s, const struct rh_plan_kb *kb, int32_t day, int32_t today,
                     const char *note, struct rh_plan_state *st, bool *was_blocked,
                     struct rh_err *err)
{
    struct rh_visit v = {.day = day, .outcome = RH_VISIT_CLEARED};
    if (note && strlen(note) >= sizeof v.note)
        return diary_err(err, RH_ELIMIT, "note_too_long", NULL, NULL, 0);
    rh__fmt(v.note, sizeof v.note, "%s", note ? note : "");
    return rh_diary_visit(s, kb, &v, today, st, was_blocked, err);
}

int rh_diary_visit(struct rh_store *s, const struct rh_plan_kb *kb, const struct rh_visit *v,
                   int32_t today, struct rh_plan_state *st, bool *was_blocked,
                   struct rh_err *err)
{
    int bad = rh_visit_check(v, err);
    if (bad)
        return bad;
    const char *note = v->note;
    int32_t day = v->day;
    if (day > today) {
        char d[11];
        rh_date_format(day, d);
        const char *const nm[] = {"day"}, *const vv[] = {d};
        return diary_err(err, RH_ERANGE, "future", nm, vv, 1);
    }
    int64_t plan_id;
    int r = rh_store_begin(s, err);
    if (!r)
        r = rh_plan_current(s, kb, &plan_id, st, err);
    if (r == RH_ENOTFOUND) {
        /* no assessment: the red flags the diary keeps are what is cleared */
        struct rh_err e2;
        rh_err_clear(&e2);
        if (unassessed_load(s, &plan_id, st, &e2) == 0) {
            rh_err_clear(err);
            r = 0;
        }
    }
    if (!r)
        r = clearance_covers(kb, st, note, err);
    if (!r) {
        *was_blocked = rh_plan_no_running(st);
        rh_plan_visit(st, v);
        r = plan_save(s, plan_id, st, err);
    }
    if (!r)
        r = rh_store_visit_add(s, v, NULL, err);
    if (!r)
        r = rh_store_commit(s, err);
    if (r)
        rh_store_rollback(s);
    return r;
}

const char *rh_pain_own_morning(const struct rh_pain_entry *e)
{
    if (!e || e->next_morning < 0 || e->during_run >= 0)
        return NULL;
    const char *w = rh_words("text", "diary.that_morning");
    assert(w); /* a required key of data/wording.txt [text] (rh_text_check) */
    return w ? w : "";
}

const char *rh_pain_reply_morning(const struct rh_pain_entry *e)
{
    if (!e || e->next_morning < 0)
        return NULL;
    const char *w = rh_words("text", rh_pain_own_morning(e) ? "diary.this_morning"
                                                            : "diary.next_morning");
    assert(w); /* required keys of data/wording.txt [text] (rh_text_check) */
    return w ? w : "";
}

const char *rh_pain_verdict_text(enum rh_pain_verdict v)
{
    static const char *const key[] = {
        [RH_PAIN_GOOD] = "good",
        [RH_PAIN_STAY] = "stay",
        [RH_PAIN_STEP_BACK] = "step_back",
        [RH_PAIN_SEE] = "see",
    };
    if ((unsigned)v >= sizeof key / sizeof key[0] || !key[v])
        return "?";
    const char *w = rh_words("verdict", key[v]);
    assert(w); /* every verdict has its words in data/wording.txt [verdict] */
    return w ? w : "?";
}

/* session 20: "too much: step back in the plan" beside a pain of 2/10 and
 * "Plan: stays in phase" read as the pain judged too high, when the note's
 * pelvic-floor symptom alone holds running (rh_plan_judge) */
const char *rh_pain_result_verdict(const struct rh_pain_result *res)
{
    if (res->diagnosed && !res->red_flag) { /* session 21 (branch diary25) */
        const char *w = rh_words("verdict", "diagnosed");
        assert(w); /* data/wording.txt [verdict] diagnosed */
        if (w)
            return w;
    }
    /* session 22 (branch diary26b): and within the pain rule, while the
     * pelvic-floor hold is in force (rh_diary_pain) */
    if (res->pelvic_hold && res->verdict != RH_PAIN_SEE) {
        const char *w = rh_words("verdict", "hold_pelvic");
        assert(w); /* data/wording.txt [verdict] hold_pelvic */
        if (w)
            return w;
    }
    /* session 21 (runner21): "acceptable: keep going in this phase" beside
     * "No running until a professional clears you" two days after a warning
     * sign that called for a doctor today */
    if (res->blocked && res->verdict <= RH_PAIN_STAY) {
        const char *w = rh_words("verdict", "within_blocked");
        assert(w); /* data/wording.txt [verdict] within_blocked */
        if (w)
            return w;
    }
    /* session 22 (runner22): without a plan there is no phase to keep
     * going in or step back in ("acceptable: keep going in this phase"
     * beside "No plan yet") */
    if (res->no_plan && (res->verdict == RH_PAIN_STAY || res->verdict == RH_PAIN_STEP_BACK)) {
        const char *w = rh_words("verdict", res->verdict == RH_PAIN_STAY ? "stay_no_plan"
                                                                         : "step_back_no_plan");
        assert(w); /* data/wording.txt [verdict] stay_no_plan, step_back_no_plan */
        if (w)
            return w;
    }
    return rh_pain_verdict_text(res->verdict);
}

char *rh_plan_assessment_result(struct rh_store *s, const struct rh_plan_state *st)
{
    int64_t aid, created;
    char *intake = NULL, *result = NULL;
    struct rh_err err;
    rh_err_clear(&err);
    if (rh_store_assessment_latest(s, &aid, &created, &intake, &result, &err) ||
        aid != st->assessment_id) {
        rh_free(result);
        result = NULL;
    }
    rh_free(intake);
    return result;
}
