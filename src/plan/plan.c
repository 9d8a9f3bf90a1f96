/* SPDX-License-Identifier: MIT */
/*
 * Building a plan from an assessment, its stored JSON form, the runner's own
 * pre-injury figures, and the pain-monitoring rule that moves the plan when
 * a diary entry comes in. Thresholds and texts come from data/plan_rules.txt.
 */
#include <assert.h>
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan_int.h"
#include "runhip/assess.h"
#include "runhip/load.h"
#include "runhip/text.h"
#include "runhip/triage.h"
#include "util/json_int.h"
#include "util/banned.h"

/* src into dst (capacity cap), cut between two characters if it is longer */
static void copy(char *dst, size_t cap, const char *src)
{
    assert(cap > 0);
    src = src ? src : "";
    size_t n = rh_utf8_cut(src, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void rh__diary_span(int32_t since, int32_t day, char *out, size_t cap)
{
    char d1[11], d2[11];
    rh_date_format(since, d1);
    rh_date_format(day, d2);
    if (day <= 0)
        rh__fmt(out, cap, "%s", "");
    else if (since > 0 && since < day) /* the words: data/wording.txt [plan_words] */
        rh__fmt(out, cap, rh__plan_word("diary_span_from_to"), d1, d2);
    else
        rh__fmt(out, cap, rh__plan_word("diary_span_on"), d2);
}

void rh__copy_sentences(char *dst, size_t cap, const char *src)
{
    if (!cap)
        return;
    src = src ? src : "";
    size_t n = strlen(src);
    if (n < cap) {
        memcpy(dst, src, n + 1);
        return;
    }
    /* the last sentence end that fits */
    size_t cut = 0;
    for (size_t i = 0; i + 1 < cap && i + 1 < n; i++)
        if ((src[i] == '.' || src[i] == '!' || src[i] == '?') && src[i + 1] == ' ')
            cut = i + 1;
    if (!cut) {
        /* one long sentence: cut at a word, marked */
        size_t room = cap > 4 ? cap - 4 : 0;
        cut = room;
        while (cut > 0 && src[cut] != ' ')
            cut--;
        if (!cut)
            cut = room;
        while (cut > 0 && ((unsigned char)src[cut] & 0xC0) == 0x80)
            cut--; /* never inside a UTF-8 sequence */
        memcpy(dst, src, cut);
        memcpy(dst + cut, cap > 4 ? "..." : "", cap > 4 ? 4 : 1);
        return;
    }
    memcpy(dst, src, cut);
    dst[cut] = '\0';
}

/* Appends one sentence (or several) to buf, whole or not at all: a reason
 * is never cut mid-word ("within the next few day"). */
static void add_why(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add_why(char *buf, size_t cap, const char *fmt, ...)
{
    char one[1024];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(one, sizeof one, fmt, ap);
    va_end(ap);
    size_t len = strlen(buf);
    if (k < 0 || (size_t)k >= sizeof one || len + (len ? 1 : 0) + (size_t)k >= cap)
        return;
    rh_str_appendf(buf, cap, "%s%s", len ? " " : "", one);
}

/* The first cause of a hold, as a clause (rh_pain_result.hold_cause). */
static void cause(struct rh_pain_result *res, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cause(struct rh_pain_result *res, const char *fmt, ...)
{
    if (*res->hold_cause)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(res->hold_cause, sizeof res->hold_cause, fmt, ap);
    va_end(ap);
    /* a clause inside a sentence: "Your note ..." reads "your note ..." */
    if (res->hold_cause[0] >= 'A' && res->hold_cause[0] <= 'Z')
        res->hold_cause[0] = (char)(res->hold_cause[0] - 'A' + 'a');
}

/* A text of [text] with each {} filled by the next of the NULL-ended
 * strings. */
static void tfill(const struct rh_plan_kb *kb, const char *key, char *dst, size_t cap, ...)
{
    const char *t = rh_plan_kb_get(kb, "text", key);
    assert(t); /* checked when the rules are loaded (plan_data.c) */
    const char *args[8];
    size_t n = 0;
    va_list ap;
    va_start(ap, cap);
    for (const char *arg; n < sizeof args / sizeof *args && (arg = va_arg(ap, const char *));)
        args[n++] = arg;
    va_end(ap);
    rh_text_fill(dst, cap, t, args, n);
}

/* Appends one reason clause to a "; "-joined list. */
static void reason(char *buf, size_t cap, const char *clause)
{
    rh_str_appendf(buf, cap, "%s%s", *buf ? "; " : "", clause);
}

/* The one sentence that says why the diary holds running: "In your diary
 * entry of 2026-11-20, pain during activity was 8/10 (7 or more)." */
/* words22b: the reasons the plan's history gives for each move (made, on,
 * back, held, stopped: rh_plan_move.why, `runhip plan`'s history and the
 * report) and for a stop of running (block_reason, hold_reason) are
 * data/wording.txt [plan_moves], a closed set of printf texts checked at
 * load (rh__plan_moves_check), each with the conversions its call gives. */
#define MW(key) rh__words("plan_moves", (key))

static const struct rh_words_format plan_moves[] = {
    {"hold_sentence", "ss"},    {"hold_sign", ""},         {"made", "ss"},
    {"below_first", "s"},       {"diary_signs", "sss"},    {"checkin_signs", "sss"},
    {"a_sign", ""},             {"signs", ""},             {"diary_sign_stop", ""},
    {"checkin_sign_stop", ""},  {"diagnosed", ""},         {"pelvic_hold", ""},
    {"not_settled", ""},
    {"pain_rule_hold", ""},     {"settled", ""},           {"pain_rule_back", ""},
    {"test_passed", ""},        {"test_failed", ""},       {"ladder_stage", "dds"},
    {"ladder_done", ""},        {"good_entries", "dd"},    {"checkin_back", "dd"},
    /* words27: a visit's move and its words in the plan */
    {"visit_for", "sdss"},      {"visit_no_running", ""},  {"visit_cross_train", ""},
    {"visit_walk_run", ""},     {"weeks", "ds"},           {"visit_note", "s"},
};

int rh__plan_moves_check(struct rh_err *err)
{
    return rh_words_format_check("plan_moves", plan_moves, sizeof plan_moves / sizeof *plan_moves,
                                 err);
}

/* words27: what a diary entry's and a check-in's judgement say (their
 * why), data/wording.txt [plan_why]: a closed set of texts with named holes
 * checked at load (rh__plan_why_check), each key with the holes its code
 * fills (why_text asserts each call gives exactly these). */
static const struct rh_words_named plan_why[] = {
    {"flag_held", "words lifts"},
    {"above_worst", "flag lifts"},
    {"above_worst_cause", "flag"},
    {"rising_day", "pain date"},
    {"bone_pain_free", ""},
    {"pain_free_only", ""},
    {"back_plan", ""},
    {"back_no_plan", ""},
    {"above_acceptable", "pain limit bone back"},
    {"week_rising", "now before back"},
    {"week_trend", "now before"},
    {"rest_above", "pain limit back"},
    {"settled_carry_on", "pain safe morning"},
    {"settled_back", ""},
    {"test_failed_back", ""},
    {"test_to_do", ""},
    {"test_passed", ""},
    {"test_not_passed", "during during_max morning morning_max"},
    {"strength_more", "n"},
    {"running_waits", "lifts"},
    {"checkin_stopped", "severity reason"},
    {"checkin_back_again", "severity"},
    {"checkin_back", "severity limit"},
    {"checkin_hold", "severity"},
    {"checkin_no_problem", "date stop lifts"},
    {"since_then", ""},
    {"checkin_no_change", "severity"},
    {"lifts_pain", ""},
};

int rh__plan_why_check(struct rh_err *err)
{
    return rh_words_named_check("plan_why", plan_why, sizeof plan_why / sizeof *plan_why, err);
}

/* [plan_why] key with its holes filled by the NULL-ended pairs of a name
 * and its value, into dst (cap bytes); the length it needs (>= cap: cut). */
static size_t why_text(char *dst, size_t cap, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    size_t r = rh_words_fill_pairs(dst, cap, "plan_why", plan_why,
                                   sizeof plan_why / sizeof *plan_why, key, ap);
    va_end(ap);
    return r;
}

/* [plan_why] key, a text without holes */
#define YW(key) rh__words("plan_why", (key))

/* The pain rule's safe limit in words: "2", or "0, pain-free only" under a
 * suspected bone stress injury. */
static void safe_words(char *dst, size_t cap, int safe, bool pain_free)
{
    rh__fmt(dst, cap, "%d%s%s", safe, pain_free ? ", " : "", pain_free ? YW("pain_free_only") : "");
}

static void hold_sentence(char *dst, size_t cap, int32_t day, const char *clause)
{
    char date[11];
    rh_date_format(day, date);
    char s[600];
    rh__fmt(s, sizeof s, MW("hold_sentence"), date, clause);
    rh__copy_sentences(dst, cap, s);
}

/* A hold stored before the reason was one sentence ("diary entry of
 * 2026-11-20: Pain during activity was 8/10 (7 or more): no running until the
 * diary settles.") is said as hold_sentence says it. */
static void legacy_hold_reason(struct rh_plan_state *st)
{
    static const char pre[] = "diary entry of ";
    const char *h = st->hold_reason;
    int32_t day;
    char date[11];
    if (strncmp(h, pre, sizeof pre - 1) != 0)
        return;
    h += sizeof pre - 1;
    rh__fmt(date, sizeof date, "%.10s", h);
    if (strncmp(h + strnlen(date, 10), ": ", 2) != 0 || rh_date_parse(date, &day))
        return;
    h += 12;
    const char *end = strstr(h, ": ");
    if (!end)
        end = h + strlen(h);
    char clause[300];
    rh__fmt(clause, sizeof clause, "%.*s", (int)(end - h), h);
    size_t n = strlen(clause);
    if (n && clause[n - 1] == '.')
        clause[n - 1] = '\0';
    if (clause[0] >= 'A' && clause[0] <= 'Z')
        clause[0] = (char)(clause[0] - 'A' + 'a');
    hold_sentence(st->hold_reason, sizeof st->hold_reason, day, clause);
}

static void add_move(struct rh_plan_state *st, int32_t day, enum rh_phase from, enum rh_phase to,
                     const char *why)
{
    if (st->n_moves == RH_PLAN_MAX_MOVES) {
        memmove(st->moves, st->moves + 1, sizeof st->moves[0] * (RH_PLAN_MAX_MOVES - 1));
        st->n_moves--;
    }
    struct rh_plan_move *m = &st->moves[st->n_moves++];
    m->day = day;
    m->from = from;
    m->to = to;
    m->ladder = st->ladder_step;
    copy(m->why, sizeof m->why, why);
}

/* ---- building from an assessment ------------------------------------------ */

static const char *get_str(json_t *o, const char *key, struct rh_err *err)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v)) {
        rh_err_set(err, RH_EFORMAT, "assessment result: '%s' is missing or not a string", key);
        return NULL;
    }
    return json_string_value(v);
}

/* review9 #6: the token of flag id in marks ("ID:" at a word's start), its
 * length in *len; NULL when none. */
static const char *mark_find(const char *marks, const char *id, size_t *len)
{
    size_t n = strlen(id);
    for (const char *p = marks; p && *p;) {
        const char *e = strchr(p, ' ');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l > n && strncmp(p, id, n) == 0 && p[n] == ':') {
            *len = l;
            return p;
        }
        p = e ? e + 1 : NULL;
    }
    return NULL;
}

/* The token of id out of marks (with the space that follows it, or
 * precedes it); nothing when it has none. */
static void mark_remove(char *marks, const char *id)
{
    size_t len;
    char *p = (char *)mark_find(marks, id, &len);
    if (!p)
        return;
    if (p[len] == ' ')
        len++;
    else if (p > marks)
        p--, len++;
    memmove(p, p + len, strlen(p + len) + 1);
}

/* The rest of id's "ID:..." item of a space-separated list (up to cap bytes
 * into out); false when id has none. */
static bool item_get(const char *list, const char *id, char *out, size_t cap)
{
    size_t len;
    const char *p = mark_find(list, id, &len);
    if (!p)
        return false;
    size_t n = strlen(id);
    rh__fmt(out, cap, "%.*s", (int)(len - n - 1), p + n + 1);
    return true;
}

/* The item "ID:VALUE" of list set to value (cap bytes), replacing id's; left
 * out (id's old one gone) when it does not fit. */
static void item_set(char *list, size_t cap, const char *id, const char *value)
{
    mark_remove(list, id);
    char item[200];
    rh__fmt(item, sizeof item, "%s:%s", id, value);
    if (strlen(list) + strlen(item) + 2 <= cap)
        rh_str_appendf(list, cap, "%s%s", *list ? " " : "", item);
}

static int parse_result(json_t *root, struct rh_plan_state *st, struct rh_err *err)
{
    if (!json_is_object(root))
        return rh_err_set(err, RH_EFORMAT, "assessment result: not a JSON object");
    const char *disc = get_str(root, "disclaimer", err);
    const char *disp = disc ? get_str(root, "disposition", err) : NULL;
    const char *run = disp ? get_str(root, "running", err) : NULL;
    const char *pt = run ? get_str(root, "pain_type", err) : NULL;
    if (!pt)
        return RH_EFORMAT;
    if (!rh__word_in("self_care modify_training see_physio see_doctor_soon urgent", disp))
        return rh_err_set(err, RH_EFORMAT, "assessment result: unknown disposition '%s'", disp);
    if (!rh__word_in("continue reduce cross_train_only stop", run))
        return rh_err_set(err, RH_EFORMAT, "assessment result: unknown running advice '%s'", run);
    json_t *conds = json_object_get(root, "conditions");
    if (!json_is_array(conds))
        return rh_err_set(err, RH_EFORMAT, "assessment result: 'conditions' is not a list");
    for (size_t i = 0; i < json_array_size(conds); i++) {
        json_t *c = json_array_get(conds, i);
        if (!json_is_object(c) || !json_is_string(json_object_get(c, "id")))
            return rh_err_set(err, RH_EFORMAT,
                              "assessment result: conditions[%zu] has no string 'id'", i);
    }
    json_t *flags = json_object_get(root, "red_flags");
    if (!json_is_array(flags))
        return rh_err_set(err, RH_EFORMAT, "assessment result: 'red_flags' is not a list");
    for (size_t i = 0; i < json_array_size(flags); i++) {
        json_t *f = json_array_get(flags, i);
        if (!json_is_object(f) || !json_is_string(json_object_get(f, "id")))
            return rh_err_set(err, RH_EFORMAT,
                              "assessment result: red_flags[%zu] has no string 'id'", i);
        /* a flag raised below its full level is information: the care and
         * running in force are the verdict's (session 12, branch flaginfo) */
        if (json_is_true(json_object_get(f, "low")))
            continue;
        size_t len = strlen(st->red_flags);
        rh__fmt(st->red_flags + len, sizeof st->red_flags - len, "%s%s", len ? " " : "",
                 json_string_value(json_object_get(f, "id")));
        /* session 32 (branch run32): its level and the running that came
         * with it, kept with it (absent in a result stored before) */
        const char *lv = json_string_value(json_object_get(f, "level"));
        const char *ru = json_string_value(json_object_get(f, "running"));
        enum rh_disposition d;
        enum rh_running rr;
        if (lv && ru && !rh_disposition_parse(lv, &d) && !rh_running_parse(ru, &rr)) {
            char v[80];
            rh__fmt(v, sizeof v, "%s:%s", lv, ru);
            item_set(st->flag_running, sizeof st->flag_running,
                     json_string_value(json_object_get(f, "id")), v);
        }
    }
    copy(st->disclaimer, sizeof st->disclaimer, disc);
    st->for_child = json_is_true(json_object_get(root, "for_child"));
    st->care_pelvic = json_is_true(json_object_get(root, "care_pelvic"));
    st->care_postnatal = json_is_true(json_object_get(root, "care_postnatal"));
    json_t *need = json_object_get(root, "clearance_need");
    if (json_is_string(need))
        copy(st->clearance_need, sizeof st->clearance_need, json_string_value(need));
    copy(st->disposition, sizeof st->disposition, disp);
    copy(st->running, sizeof st->running, run);
    copy(st->pain_type, sizeof st->pain_type, pt);
    /* a bone stress injury among the top three, or its red flag: pain-free */
    const char *bsi = "stress_fracture";
    for (size_t i = 0; i < json_array_size(conds) && i < 3; i++)
        if (strcmp(json_string_value(json_object_get(json_array_get(conds, i), "id")), bsi) == 0)
            st->bone_stress = st->bone_stress_ranked = true;
    if (rh__word_in(st->red_flags, "stress_fracture_signs"))
        st->bone_stress = true;
    /* causes not ranked (too few answers): no condition-specific plan, a
     * general pain-guided one, and what would make it specific (review 8, 4) */
    if (json_is_false(json_object_get(root, "ranked"))) {
        st->unranked = true;
        json_t *miss = json_object_get(root, "missing");
        size_t nm = json_is_array(miss) ? json_array_size(miss) : 0;
        for (size_t i = 0; i < nm; i++) {
            json_t *m = json_array_get(miss, i);
            if (!json_is_string(m))
                continue;
            const char *t = rh_words("topic", json_string_value(m));
            rh_str_appendf(st->unranked_ask, sizeof st->unranked_ask, "%s%s",
                           i == 0 ? "" : i + 1 == nm ? " and " : ", ",
                           t ? t : json_string_value(m));
        }
        return 0;
    }
    if (json_array_size(conds) > 0) {
        json_t *c = json_array_get(conds, 0);
        copy(st->condition, sizeof st->condition, json_string_value(json_object_get(c, "id")));
        json_t *name = json_object_get(c, "name");
        copy(st->condition_name, sizeof st->condition_name,
             json_is_string(name) ? json_string_value(name) : st->condition);
    }
    return 0;
}

/* The running the assessment advised (its running level), before any
 * block or the diary's rules. */
static enum rh_run_mode advised_mode(const struct rh_plan_state *st)
{
    if (strcmp(st->running, "stop") == 0 || strcmp(st->running, "cross_train_only") == 0)
        return RH_RUN_OFF;
    if (strcmp(st->running, "reduce") == 0)
        return RH_RUN_REDUCED;
    return RH_RUN_CONTINUE;
}

/* The history line of a new plan: the running advice in the runner's words
 * (data/wording.txt [running] LEVEL.short), never its internal name. */
/* loop16: the assessment is named by its day, never its internal number */
static void made_why(char *why, size_t cap, int32_t day, const char *running)
{
    char key[48];
    rh__fmt(key, sizeof key, "%s.short", running);
    const char *rw = rh_words("running", key);
    char d[11];
    rh_date_format(day, d);
    rh__fmt(why, cap, MW("made"), d, rw ? rw : running);
}

/* The plan's inputs (the runner's volume before the pain and the training
 * findings) into st, replacing what it held: at its making, and again when
 * runs stored after it change them (review 10 #9, rh_plan_current). */
int rh__plan_set_inputs(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                        const struct rh_plan_inputs *in, struct rh_err *err)
{
    st->n_base_out = 0;
    st->n_findings = 0;
    st->findings_after[0] = '\0';
    st->base_recent = in && in->base_recent;
    st->base_weekly_km = in ? in->base_weekly_km : RH_NONE;
    st->base_cadence = in ? in->base_cadence : RH_NONE;
    st->n_base_runs = in ? in->n_base_runs : 0;
    st->base_newest_run = in ? in->base_newest_run : -2;
    for (int i = 0; in && i < in->n_base_out && i < RH_PLAN_MAX_BASE_OUT; i++)
        st->base_out[st->n_base_out++] = in->base_out[i];
    st->base_pain_days = in ? in->base_pain_days : 0;
    st->base_thin_runs = in ? in->base_thin_runs : 0;
    for (size_t i = 0; in && i < in->n_findings; i++) {
        char sec[64];
        rh__fmt(sec, sizeof sec, "finding.%s", in->findings[i]);
        if (!rh_plan_kb_get(kb, sec, "advice"))
            return rh_err_set(err, RH_EKEY, "unknown training-load finding '%s'", in->findings[i]);
        if (st->n_findings < RH_PLAN_MAX_FINDINGS) {
            copy(st->findings[st->n_findings++], sizeof st->findings[0], in->findings[i]);
            /* dated after the pain began (review 9 #11) */
            if (in->findings_after[i])
                rh_str_appendf(st->findings_after, sizeof st->findings_after, "%s%s",
                               *st->findings_after ? " " : "", in->findings[i]);
        }
    }
    st->findings_onset = *st->findings_after && in ? in->onset_day : 0;
    st->onset_day = in ? in->onset_day : 0;
    st->recent_runs = in ? in->recent_runs : -1;
    st->recent_thin = in && in->recent_thin;
    return 0;
}

/* words14: the red flags in force of an assessment result (root), each by
 * its short heading of what was seen (rh_assess_flag_title: "pain after a
 * fall", as the report's red-flag section and the terminal head it), never
 * the rule's whole definition ("pain that started with a fall, a sudden
 * injury in a teenager, or a limp in a child"), "; "-joined into out. */
static void flag_titles(json_t *root, char *out, size_t cap)
{
    out[0] = '\0';
    json_t *flags = json_object_get(root, "red_flags");
    for (size_t i = 0; i < json_array_size(flags); i++) {
        json_t *f = json_array_get(flags, i);
        if (json_is_true(json_object_get(f, "low")))
            continue; /* information, not in force (parse_result) */
        char t[300];
        rh_assess_flag_title(json_string_value(json_object_get(f, "id")),
                             json_string_value(json_object_get(f, "why")), t, sizeof t);
        rh_text_lower_first(t);
        rh_str_appendf(out, cap, "%s%s", *out ? "; " : "", t);
    }
}

/* words16: the part of the block's reason an assessment gives, from its
 * facts (root: its result, whose red flags in force are named by their
 * headings; st->running, st->disposition): its warning signs, its stop or
 * its urgent care, "" when it blocks nothing. It always begins
 * ASSESSMENT_SAID, which rh_plan_block_words looks for in a stored plan. */
#define ASSESSMENT_SAID "the assessment "
static void assessment_block_part(json_t *root, const struct rh_plan_state *st, char *out,
                                  size_t cap)
{
    char list[560];
    flag_titles(root, list, sizeof list);
    bool stop = strcmp(st->running, "stop") == 0;
    out[0] = '\0';
    if (*st->red_flags || stop || strcmp(st->disposition, "urgent") == 0)
        rh__fmt(out, cap, "%s%s%s",
                *st->red_flags ? ASSESSMENT_SAID "found warning signs: " : "", list,
                stop ? (*st->red_flags ? ", and advised you to stop running"
                                       : ASSESSMENT_SAID "advised you to stop running")
                     : (*st->red_flags ? "" : ASSESSMENT_SAID "asked for urgent care"));
}

void rh_plan_block_words(struct rh_plan_state *st, const char *result_json)
{
    if (!st || !st->blocked || !result_json ||
        strncmp(st->block_reason, ASSESSMENT_SAID, strlen(ASSESSMENT_SAID)) != 0)
        return;
    json_t *root = json_loads(result_json, 0, NULL);
    if (!root)
        return;
    char part[sizeof st->block_reason];
    assessment_block_part(root, st, part, sizeof part);
    json_decref(root);
    if (!*part)
        return; /* not this assessment's words: kept as stored */
    /* the diary's part, which rh_plan_keep_diary_flags put after it, stays
     * (what was logged, on its day) */
    const char *tail = strstr(st->block_reason, "; what you logged in your diary");
    char both[sizeof st->block_reason];
    rh__fmt(both, sizeof both, "%s%s", part, tail ? tail : "");
    rh__copy_sentences(st->block_reason, sizeof st->block_reason, both);
}

/* session 32 (branch run32): the assessment's warning signs in force stop
 * no running (rh_plan_sign_stops_running: a doctor within days whose
 * running came lowered): the runner is to see that doctor, first on every
 * screen (the notice lists the signs), and runs as the plan gives it until
 * then ([text] flag_doctor_running_assessed), as the assessment said. */
static void assessment_signs_run_on(const struct rh_plan_kb *kb, struct rh_plan_state *st)
{
    enum rh_disposition d = RH_DISP_SEE_DOCTOR_SOON;
    if (rh_disposition_parse(st->disposition, &d))
        d = RH_DISP_SEE_DOCTOR_SOON;
    st->see_someone = true;
    char sw[sizeof st->see_why], run[sizeof st->see_why];
    const char *lv = rh_disposition_text(d);
    rh__physio_running(kb, st, "flag_doctor_running_assessed", run, sizeof run);
    rh__fmt(sw, sizeof sw, "%s %s", lv ? lv : "", run);
    rh__copy_sentences(st->see_why, sizeof st->see_why, sw);
}

int rh_plan_build(const struct rh_plan_kb *kb, const char *result_json, int64_t assessment_id,
                  int32_t today, const struct rh_plan_inputs *in, struct rh_plan_state *out,
                  struct rh_err *err)
{
    memset(out, 0, sizeof *out);
    out->diary_urgency = -1;
    out->hold_urgency = -1;
    out->intake_days = out->intake_pain_now = -1;
    out->recent_runs = -1;
    json_error_t jerr;
    json_t *root = json_loads(result_json ? result_json : "", 0, &jerr);
    if (!root)
        return rh_err_setl(err, RH_EFORMAT, jerr.line, "assessment result is not JSON: %s",
                           jerr.text);
    struct rh_plan_state *st = out;
    int r = parse_result(root, st, err);
    char said[sizeof st->block_reason];
    assessment_block_part(root, st, said, sizeof said);
    json_decref(root);
    if (r)
        return r;
    if (*st->condition) {
        char sec[80];
        rh__fmt(sec, sizeof sec, "condition.%s", st->condition);
        if (!rh_plan_kb_get(kb, sec, "note"))
            return rh_err_set(err, RH_EKEY, "assessment result: unknown condition id '%s'",
                              st->condition);
    }
    /* review 11 #11: the pain rule follows the top-ranked condition: one
     * whose own rule is pain-monitored (data/plan_rules.txt [condition.X]
     * pain_rule) is not held pain-free by a bone stress injury ranked below
     * it; a red flag of bone stress still is */
    if (*st->condition && strcmp(st->condition, "stress_fracture") != 0 &&
        st->bone_stress_ranked) {
        char sec[80];
        rh__fmt(sec, sizeof sec, "condition.%s", st->condition);
        const char *pr = rh_plan_kb_get(kb, sec, "pain_rule");
        if (pr && strcmp(pr, "monitored") == 0) {
            st->bone_stress_ranked = false;
            st->bone_stress = rh__word_in(st->red_flags, "stress_fracture_signs");
        }
    }
    st->assessment_id = assessment_id;
    st->start_day = st->phase_day = today;
    if ((r = rh__plan_set_inputs(kb, st, in, err)))
        return r;
    bool stop = strcmp(st->running, "stop") == 0;
    /* session 32 (branch run32): the assessment's warning signs stop
     * running only as rh_plan_sign_stops_running says (a doctor within days
     * whose running came lowered to "reduce" does not); the visit stays,
     * said first ([text] flag_doctor_running_assessed) */
    if (*said && (stop || strcmp(st->disposition, "urgent") == 0 ||
                  rh_plan_flags_stop_running(kb, st))) {
        st->blocked = true;
        rh__fmt(st->block_reason, sizeof st->block_reason, "%s", said);
    }
    /* a red flag that stops running: the leg rests, no walks prescribed */
    st->rest_leg = st->blocked && stop && *st->red_flags;
    st->run_mode = st->blocked ? RH_RUN_OFF : advised_mode(st);
    st->test_needed = st->run_mode == RH_RUN_OFF;
    st->phase = st->run_mode == RH_RUN_CONTINUE ? RH_PHASE_RETURN : RH_PHASE_CALM;
    if (!st->blocked && *st->red_flags)
        assessment_signs_run_on(kb, st);
    char why[200];
    made_why(why, sizeof why, today, st->running);
    add_move(st, today, st->phase, st->phase, why);
    return 0;
}

/* The plan's start is the runner's local day of its assessment, in the zone
 * the runner has now (runhip's rule: a day is the runner's local day, as
 * rh_tz_day gives it). A plan stored before the runner named a zone (or
 * before a move) was dated in the zone of then; the day of making, the
 * phase begun that day and the move that says so follow the assessment's
 * instant. Diary and check-in days are the runner's own and stay. Returns
 * whether anything changed. */
bool rh_plan_redate(struct rh_plan_state *st, int32_t day)
{
    int32_t old = st->start_day;
    if (old == day || old <= 0 || day <= 0)
        return false;
    st->start_day = day;
    /* the move of the making: its words up to the advice, as made_why
     * wrote them (the advice may be worded otherwise since) */
    int made = -1;
    char why[sizeof st->moves[0].why];
    made_why(why, sizeof why, old, "");
    size_t n = strlen(why);
    for (int i = 0; i < st->n_moves && made < 0; i++)
        if (st->moves[i].day == old && st->moves[i].from == st->moves[i].to &&
            strncmp(st->moves[i].why, why, n) == 0)
            made = i;
    if (made >= 0) {
        struct rh_plan_move *m = &st->moves[made];
        char rest[sizeof m->why];
        rh__fmt(rest, sizeof rest, "%s", m->why + n);
        m->day = day;
        made_why(m->why, sizeof m->why, day, "");
        size_t k = strlen(m->why);
        rh__fmt(m->why + k, sizeof m->why - k, "%s", rest);
    }
    /* the phase began at the making when no move came after it */
    if (st->phase_day == old && (made < 0 ? st->n_moves <= 1 : made == st->n_moves - 1))
        st->phase_day = day;
    return true;
}

int rh_plan_base_from_activities(const struct rh_activity *a, size_t n, int32_t before_day,
                                 int weeks, double *weekly_km, double *cadence, int *n_runs)
{
    double km = 0, cad = 0;
    int runs = 0, ncad = 0;
    int32_t from = before_day - 7 * weeks;
    for (size_t i = 0; i < n; i++) {
        if (!a[i].has_start)
            continue;
        int32_t d = rh_activity_local_day(&a[i]);
        if (d < from || d >= before_day)
            continue;
        if (a[i].sport != RH_SPORT_RUNNING && a[i].sport != RH_SPORT_TRAIL_RUNNING &&
            a[i].sport != RH_SPORT_TREADMILL)
            continue;
        runs++;
        if (rh_has(a[i].total_distance_m))
            km += a[i].total_distance_m / 1000.0;
        if (rh_has(a[i].avg_cadence_spm) && a[i].avg_cadence_spm > 0) {
            cad += a[i].avg_cadence_spm;
            ncad++;
        }
    }
    *weekly_km = runs ? km / weeks : RH_NONE;
    *cadence = ncad ? cad / ncad : RH_NONE;
    *n_runs = runs;
    return 0;
}

/* The volume before the pain, from the load report as of the day before the
 * pain began (its weeks end on before_day - 1): the mean of the usual weeks,
 * leaving out the weeks the report flags as a weekly jump or a long-run
 * spike (its findings, its thresholds) and the runs on days logged with
 * pain above pain_max. */
int rh_plan_base_from_report(const struct rh_load_report *r, int32_t before_day, int weeks,
                             int pain_max, struct rh_plan_inputs *in)
{
    in->base_weekly_km = RH_NONE;
    in->base_cadence = RH_NONE;
    in->n_base_runs = 0;
    in->base_newest_run = r ? r->newest_run_day : -1;
    in->n_base_out = 0;
    in->base_pain_days = 0;
    if (!r || weeks <= 0)
        return 0;
    if (r->as_of != before_day - 1)
        return RH_EINVAL; /* the report's weeks must end the day before the pain */
    const struct rh_load_finding *jump =
        rh_load_report_finding(r, rh_load_finding_name(RH_FINDING_weekly_jump));
    const struct rh_load_finding *spike =
        rh_load_report_finding(r, rh_load_finding_name(RH_FINDING_long_run_spike));
    double km = 0;
    int kept = 0, runs = 0;
    for (int w = 0; w < weeks; w++) {
        int32_t to = before_day - 1 - 7 * w, from = to - 6;
        /* the report's weeks are calendar weeks: the 7 days here that hold
         * the end of the jump's week */
        bool is_jump = jump && jump->to >= from && jump->to <= to;
        bool is_spike = spike && spike->to >= from && spike->to <= to;
        double wk = 0;
        for (int32_t d = from; d <= to; d++) {
            if (d < r->first_day || d > r->as_of)
                continue;
            const struct rh_load_day *day = &r->days[d - r->first_day];
            if (is_jump || is_spike) {
                wk += day->km;
                continue;
            }
            if (day->runs > 0 && day->pain > pain_max) {
                in->base_pain_days++;
                continue;
            }
            wk += day->km;
        }
        if ((is_jump || is_spike) && in->n_base_out < RH_PLAN_MAX_BASE_OUT) {
            struct rh_plan_base_out *o = &in->base_out[in->n_base_out++];
            o->from = from;
            o->to = to;
            o->km = wk;
            rh__fmt(o->why, sizeof o->why, "%s", is_jump && is_spike ? "jump+spike"
                                                 : is_jump          ? "jump"
                                                                    : "spike");
            continue;
        }
        kept++;
        km += wk;
        for (size_t i = 0; i < r->n_runs; i++) {
            const struct rh_load_run *u = &r->runs[i];
            if (u->day < from || u->day > to || u->day < r->first_day)
                continue;
            if (r->days[u->day - r->first_day].pain > pain_max)
                continue;
            runs++;
        }
    }
    in->n_base_runs = runs;
    in->base_newest_run = r->newest_run_day;
    in->base_weekly_km = runs && kept ? km / kept : RH_NONE;
    /* the step rate is the runner's, not the week's: the median of the runs
     * of all the weeks, a jump's too, as the load report and the assessment
     * take it (runner16: a mean over the kept weeks said 137 where both said
     * 155); the runs on days logged in pain stay out */
    int32_t first = before_day - 7 * weeks;
    double *v = r->n_runs ? rh_calloc(r->n_runs, sizeof *v) : NULL;
    if (r->n_runs && !v)
        return RH_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < r->n_runs; i++) {
        const struct rh_load_run *u = &r->runs[i];
        if (u->day < first || u->day > r->as_of || u->day < r->first_day ||
            r->days[u->day - r->first_day].pain > pain_max)
            continue;
        if (rh_has(u->cad_spm) && u->cad_spm > 0)
            v[k++] = u->cad_spm;
    }
    in->base_cadence = rh_load_median(v, k);
    rh_free(v);
    return 0;
}

static void flag_log_clear(struct rh_plan_state *st, int32_t day);

void rh_plan_clear(struct rh_plan_state *st, int32_t day, const char *note)
{
    /* what was cleared: the flags in force now */
    char flags[256];
    rh_plan_flags_in_force(st, flags, sizeof flags);
    /* running stopped by a warning sign or a pain rule goes back to what the
     * assessment advised (e.g. reduced running within the pain rule), not to
     * no running until the three-day test (review 8, 8); a test already
     * passed stays passed */
    if (rh_plan_no_running(st)) {
        st->run_mode = advised_mode(st);
        if (!st->test_passed)
            st->test_needed = st->run_mode == RH_RUN_OFF;
    }
    rh__fmt(st->cleared_flags, sizeof st->cleared_flags, "%s", flags);
    flag_log_clear(st, day);
    /* review9 #2: a bone-stress suspicion raised by a red flag (the diary's
     * or the assessment's) ends with the clearance of that flag: the
     * condition's own pain rule and exercises come back. Only a suspicion of
     * the assessment's ranking survives, and the plan says why. */
    st->bone_stress = st->bone_stress_ranked;
    st->diary_flags[0] = '\0';
    st->diary_said[0] = '\0';
    /* the headings the runner was shown, for the reply that names what the
     * clearance ended (rh_plan_clearance_reply) */
    rh__fmt(st->cleared_titles, sizeof st->cleared_titles, "%s", st->diary_titles);
    st->diary_titles[0] = '\0';
    st->diary_urgency = -1;
    st->diary_since = st->diary_day = 0;
    st->diary_marks[0] = '\0';
    st->diary_running[0] = '\0';
    st->hold_urgency = -1;
    st->hold_flags[0] = '\0';
    st->hold = false;
    st->pelvic_hold = false;
    st->diagnosed_hold = false;
    st->hold_reason[0] = '\0';
    st->hold_day = 0;
    st->hold_kept = false;
    st->kept_flags[0] = '\0';
    st->blocked = false;
    st->rest_leg = false;
    st->cleared = true;
    st->cleared_day = day;
    copy(st->cleared_note, sizeof st->cleared_note, note);
    st->see_someone = false;
    st->see_why[0] = '\0';
    char why[200];
    note = note ? note : "";
    /* the words the report reads back (data/wording.txt [plan_words]
     * cleared_running, words20) */
    rh__fmt(why, sizeof why, "%s%s%.*s", rh__plan_word("cleared_running"), *note ? ": " : "",
            (int)rh_utf8_cut(note, 120), note);
    add_move(st, day, st->phase, st->phase, why);
}

void rh_plan_visit(struct rh_plan_state *st, const struct rh_visit *v)
{
    rh_plan_clear(st, v->day, v->note);
    st->visit[0] = '\0';
    st->visit_weeks = 0;
    st->run_from = 0;
    if (v->outcome == RH_VISIT_CLEARED)
        return;
    rh__fmt(st->visit, sizeof st->visit, "%s", rh_visit_outcome_name(v->outcome));
    char why[200], until[11] = "";
    if (v->outcome == RH_VISIT_NO_RUNNING || v->outcome == RH_VISIT_CROSS_TRAIN) {
        /* review 11 #4: a restriction is no clearance to run: no run,
         * walk-run or test day before it ends */
        st->visit_weeks = v->weeks;
        st->run_from = v->day + 7 * v->weeks;
        rh_date_format(st->run_from, until);
        rh__fmt(why, sizeof why, MW("visit_for"),
                MW(v->outcome == RH_VISIT_NO_RUNNING ? "visit_no_running" : "visit_cross_train"),
                v->weeks, v->weeks == 1 ? "" : "s", until);
    } else {
        /* walk-run: the clinician's walk-run in place of the plan's own
         * first step (a continuous run, or the three-day test): the
         * walk-run ladder from its first stage, the test taken as done */
        if (st->run_mode == RH_RUN_OFF)
            st->run_mode = RH_RUN_REDUCED;
        st->test_needed = true;
        st->test_passed = true;
        if (st->ladder_step < 1)
            st->ladder_step = 1;
        rh__fmt(why, sizeof why, "%s", MW("visit_walk_run"));
    }
    if (st->n_moves > 0)
        rh__fmt(st->moves[st->n_moves - 1].why, sizeof st->moves[0].why, "%s", why);
}

bool rh_plan_restricted(const struct rh_plan_state *st, int32_t day)
{
    return st->run_from > 0 && day < st->run_from;
}

bool rh_plan_visit_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *buf,
                        size_t cap)
{
    buf[0] = '\0';
    if (!*st->visit || st->cleared_day <= 0)
        return false;
    char key[48], d[11], until[11], weeks[16];
    /* before any assessment (the unassessed state) there is no plan to
     * keep to the visit: its _unassessed words (plan27) */
    rh__fmt(key, sizeof key, "visit_%s%s", st->visit, st->assessment_id ? "" : "_unassessed");
    rh_date_format(st->cleared_day, d);
    rh_date_format(st->run_from > 0 ? st->run_from : st->cleared_day, until);
    rh__fmt(weeks, sizeof weeks, MW("weeks"), st->visit_weeks, st->visit_weeks == 1 ? "" : "s");
    if (!rh_plan_kb_get(kb, "text", key))
        return false;
    tfill(kb, key, buf, cap, d, st->visit_weeks ? weeks : until, until, NULL);
    if (*st->cleared_note) {
        size_t n = strlen(buf);
        if (n && buf[n - 1] == '.')
            buf[n - 1] = '\0';
        rh_str_appendf(buf, cap, " ");
        rh_str_appendf(buf, cap, MW("visit_note"), st->cleared_note);
    }
    rh_plan_said_of(st, buf, cap);
    return true;
}

static void bone_kept(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *buf,
                      size_t cap);

void rh_plan_made_for(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *buf,
                      size_t cap)
{
    /* loop16: the assessment said by its day (the plan's), never its number */
    char id[11];
    rh_date_format(st->start_day, id);
    if (*st->condition) {
        tfill(kb, "made_for", buf, cap, st->condition_name, id, NULL);
        bone_kept(kb, st, buf, cap);
        return;
    }
    tfill(kb, st->unranked ? "made_for_unranked" : "made_for_none", buf, cap, id, NULL);
    if (st->unranked && *st->unranked_ask) {
        char t[600];
        tfill(kb, "made_for_ask", t, sizeof t, st->unranked_ask, NULL);
        rh_str_appendf(buf, cap, " %s", t);
    }
}

/* review9 #2: after a clearance, a bone-stress suspicion still in force is
 * the assessment's ranking (rh_plan_clear ends the red flag's): why, in
 * plain words ("" none). */
static void bone_kept(const struct rh_plan_kb *kb, const struct rh_plan_state *st, char *buf,
                      size_t cap)
{
    char t[600];
    if (!st->cleared || !st->bone_stress)
        return;
    tfill(kb, "cleared_bone_kept", t, sizeof t, NULL);
    rh_str_appendf(buf, cap, "%s%s", *buf ? " " : "", t);
}

void rh_plan_clearance_effect(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              char *buf, size_t cap)
{
    if (st->run_mode == RH_RUN_OFF) {
        tfill(kb, "cleared_test", buf, cap, NULL);
    } else {
        char key[48];
        rh__fmt(key, sizeof key, "%s.short", st->running);
        const char *rw = rh_words("running", key);
        tfill(kb, "cleared_back", buf, cap, rw ? rw : "", NULL);
    }
    bone_kept(kb, st, buf, cap);
}

/* The warning signs a clearance just ended (st->cleared_flags, what
 * rh_plan_clear found in force), "; " between: each by the heading the
 * runner was shown (st->cleared_titles, a diary sign's closer heading:
 * session 34, branch hyg34), else its general title, never its id; how many. */
static int ended_names(const struct rh_plan_state *st, char *names, size_t cap)
{
    char id[RH__WORD_MAX];
    int n = 0;
    names[0] = '\0';
    for (const char *at = st->cleared_flags; rh__word_next(&at, id, sizeof id);) {
        char title[300], because[RH_ASSESS_FLAG_WHY_LEN];
        if (!rh__title_get(st->cleared_titles, id, title, sizeof title, because, sizeof because))
            rh_assess_flag_title(id, NULL, title, sizeof title);
        if (!*title)
            continue; /* no red flag of this build: no id is said instead */
        rh_text_lower_first(title);
        rh_str_appendf(names, cap, "%s%s", *names ? "; " : "", title);
        n++;
    }
    return n;
}

/* session 33 (branch hyg33): a clearance of a plan that had no running block
 * still ends its warning signs: named by the headings the runner was shown
 * (ended_names), never by their ids (rh_plan_clearance_ended, plan.h). */
void rh_plan_clearance_ended(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                             char *buf, size_t cap)
{
    char names[600];
    int n = ended_names(st, names, sizeof names);
    tfill(kb, !n ? "cleared_no_block_none" : n == 1 ? "cleared_no_block_one" : "cleared_no_block",
          buf, cap, names, NULL);
    bone_kept(kb, st, buf, cap);
}

/* session 33 (lead): the one reply to a clearance, for `runhip log cleared`
 * and the web Diary's form alike: no assessment yet (the diary's signs
 * only), a running block lifted, or the signs ended without a block.
 * session 34 (branch hyg34): before any assessment it names the signs it
 * ends too, and says when there was nothing to end ([text]
 * cleared_unassessed*). */
void rh_plan_clearance_reply(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                             bool was_blocked, char *buf, size_t cap)
{
    if (st->assessment_id == 0) {
        char names[600], key[48];
        int n = ended_names(st, names, sizeof names);
        rh__fmt(key, sizeof key, "cleared_unassessed%s%s", was_blocked ? "" : "_free",
                !n ? "_none" : n == 1 ? "_one" : "");
        tfill(kb, key, buf, cap, names, NULL);
    } else if (was_blocked) {
        rh_plan_clearance_effect(kb, st, buf, cap);
    } else {
        rh_plan_clearance_ended(kb, st, buf, cap);
    }
}

/* session 33 (lead): a visit's reply, one for the terminal and the web (a
 * clearance at a visit names the signs it ends, as runhip log cleared).
 * session 34 (branch hyg34): before any assessment a clearance at a visit
 * says what log cleared says (the web said "the running block is lifted"
 * and the terminal nothing). */
bool rh_plan_visit_reply(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                         enum rh_visit_outcome outcome, bool was_blocked, char *buf, size_t cap)
{
    if (rh_plan_visit_text(kb, st, buf, cap))
        return true;
    if (outcome != RH_VISIT_CLEARED && (st->assessment_id == 0 || !was_blocked))
        return false; /* buf "", as rh_plan_visit_text left it */
    rh_plan_clearance_reply(kb, st, was_blocked, buf, cap);
    return true;
}

/* ---- stored form -------------------------------------------------------------- */

#define NUM_OR_NULL(x) (rh_has(x) ? json_real(x) : json_null())

int rh_plan_state_to_json(const struct rh_plan_state *st, char **json, struct rh_err *err)
{
    *json = NULL;
    json_t *o = json_object();
    json_t *f = json_array(), *mv = json_array();
    if (!o || !f || !mv)
        goto oom;
    for (int i = 0; i < st->n_findings; i++)
        json_array_append_new(f, json_string(st->findings[i]));
    for (int i = 0; i < st->n_moves; i++) {
        char d[11];
        rh_date_format(st->moves[i].day, d);
        json_array_append_new(mv, json_pack("{s:s, s:s, s:s, s:i, s:s}", "date", d, "from",
                                            rh_phase_id(st->moves[i].from), "to",
                                            rh_phase_id(st->moves[i].to), "ladder_step",
                                            st->moves[i].ladder, "why", st->moves[i].why));
    }
    char sd[11], pd[11], cd[11];
    rh_date_format(st->start_day, sd);
    rh_date_format(st->phase_day, pd);
    rh_date_format(st->cleared_day, cd);
    static const char *const modes[] = {"off", "reduced", "continue"};
    int bad = 0;
    bad |= json_object_set_new(o, "version", json_integer(1));
    bad |= json_object_set_new(o, "assessment_id", json_integer(st->assessment_id));
    bad |= json_object_set_new(o, "start_date", json_string(sd));
    bad |= json_object_set_new(o, "phase_date", json_string(pd));
    bad |= json_object_set_new(o, "phase", json_string(rh_phase_id(st->phase)));
    bad |= json_object_set_new(o, "run_mode", json_string(modes[st->run_mode]));
    bad |= json_object_set_new(o, "condition", json_string(st->condition));
    bad |= json_object_set_new(o, "condition_name", json_string(st->condition_name));
    if (st->unranked)
        bad |= json_object_set_new(o, "unranked_ask", json_string(st->unranked_ask));
    bad |= json_object_set_new(o, "disposition", json_string(st->disposition));
    bad |= json_object_set_new(o, "running", json_string(st->running));
    bad |= json_object_set_new(o, "pain_type", json_string(st->pain_type));
    bad |= json_object_set_new(o, "red_flags", json_string(st->red_flags));
    bad |= json_object_set_new(o, "disclaimer", json_string(st->disclaimer));
    bad |= json_object_set_new(o, "blocked", json_boolean(st->blocked));
    bad |= json_object_set_new(o, "block_reason", json_string(st->block_reason));
    bad |= json_object_set_new(o, "cleared", json_boolean(st->cleared));
    /* kept after a new block too: the record of the last clearance */
    bad |= json_object_set_new(o, "cleared_date",
                               st->cleared || st->cleared_day > 0 ? json_string(cd) : json_null());
    /* the runner's own words: any bytes, always valid UTF-8 out (issue 15) */
    bad |= json_object_set_new(o, "cleared_note", rh__json_text(st->cleared_note));
    bad |= json_object_set_new(o, "test_needed", json_boolean(st->test_needed));
    bad |= json_object_set_new(o, "test_passed", json_boolean(st->test_passed));
    bad |= json_object_set_new(o, "ladder_step", json_integer(st->ladder_step));
    bad |= json_object_set_new(o, "ladder_done", json_integer(st->ladder_done));
    bad |= json_object_set_new(o, "good_streak", json_integer(st->good_streak));
    bad |= json_object_set_new(o, "see_someone", json_boolean(st->see_someone));
    bad |= json_object_set_new(o, "see_why", json_string(st->see_why));
    bad |= json_object_set_new(o, "base_weekly_km", NUM_OR_NULL(st->base_weekly_km));
    bad |= json_object_set_new(o, "base_cadence", NUM_OR_NULL(st->base_cadence));
    bad |= json_object_set_new(o, "base_runs", json_integer(st->n_base_runs));
    bad |= json_object_set_new(o, "base_newest_run", json_integer(st->base_newest_run));
    bad |= json_object_set_new(o, "findings", f);
    bad |= json_object_set_new(o, "moves", mv);
    bad |= json_object_set_new(o, "hold", json_boolean(st->hold));
    bad |= json_object_set_new(o, "hold_reason", json_string(st->hold_reason));
    bad |= json_object_set_new(o, "bone_stress", json_boolean(st->bone_stress));
    bad |= json_object_set_new(o, "bone_stress_ranked", json_boolean(st->bone_stress_ranked));
    bad |= json_object_set_new(o, "diary_flags", json_string(st->diary_flags));
    bad |= json_object_set_new(o, "diary_said", json_string(st->diary_said));
    bad |= json_object_set_new(o, "diary_titles", json_string(st->diary_titles));
    bad |= json_object_set_new(o, "cleared_titles", json_string(st->cleared_titles));
    bad |= json_object_set_new(o, "diary_urgency",
                               st->diary_urgency >= 0
                                   ? json_string(rh_disposition_name((enum rh_disposition)st->diary_urgency))
                                   : json_null());
    bad |= json_object_set_new(o, "cleared_flags", json_string(st->cleared_flags));
    bad |= json_object_set_new(o, "hold_flags", json_string(st->hold_flags));
    bad |= json_object_set_new(o, "rest_leg", json_boolean(st->rest_leg));
    bad |= json_object_set_new(o, "runs_off_checkin", json_boolean(st->runs_off_checkin));
    {
        char d1[11], d2[11];
        rh_date_format(st->diary_since, d1);
        rh_date_format(st->diary_day, d2);
        bad |= json_object_set_new(o, "diary_since", st->diary_since > 0 ? json_string(d1) : json_null());
        bad |= json_object_set_new(o, "diary_day", st->diary_day > 0 ? json_string(d2) : json_null());
        bad |= json_object_set_new(o, "kept_flags", json_string(st->kept_flags));
        bad |= json_object_set_new(o, "diary_marks", json_string(st->diary_marks));
        /* session 32 (branch run32): the running each sign came with */
        bad |= json_object_set_new(o, "flag_running", json_string(st->flag_running));
        bad |= json_object_set_new(o, "diary_running", json_string(st->diary_running));
        if (st->seen_told_day > 0) { /* session 21 (branch diary25) */
            char d3[11];
            rh_date_format(st->seen_told_day, d3);
            bad |= json_object_set_new(o, "seen_told_day", json_string(d3));
            bad |= json_object_set_new(o, "seen_told", json_string(st->seen_told));
        }
        if (*st->flag_log)
            bad |= json_object_set_new(o, "flag_log", json_string(st->flag_log));
        bad |= json_object_set_new(o, "hold_kept", json_boolean(st->hold_kept));
        rh_date_format(st->hold_day, d2);
        bad |= json_object_set_new(o, "hold_date", st->hold_day > 0 ? json_string(d2) : json_null());
        rh_date_format(st->good_day, d2);
        bad |= json_object_set_new(o, "good_date", st->good_day > 0 ? json_string(d2) : json_null());
        bad |= json_object_set_new(o, "intake_days", st->intake_days >= 0
                                                         ? json_integer(st->intake_days)
                                                         : json_null());
        bad |= json_object_set_new(o, "intake_pain_now", st->intake_pain_now >= 0
                                                             ? json_integer(st->intake_pain_now)
                                                             : json_null());
        if (*st->refer_said)
            bad |= json_object_set_new(o, "refer_said", json_string(st->refer_said));
        if (*st->run_answers) /* session 22 */
            bad |= json_object_set_new(o, "run_answers", json_string(st->run_answers));
        /* review 10 (child10) */
        if (st->for_child)
            bad |= json_object_set_new(o, "for_child", json_true());
        if (st->care_pelvic) /* session 22 (runner22b) */
            bad |= json_object_set_new(o, "care_pelvic", json_true());
        if (st->care_postnatal) /* session 23 (plan27) */
            bad |= json_object_set_new(o, "care_postnatal", json_true());
        if (*st->clearance_need)
            bad |= json_object_set_new(o, "clearance_need", json_string(st->clearance_need));
        /* review 9 #9, #11 */
        if (st->onset_day > 0) { /* review 11 #14 */
            rh_date_format(st->onset_day, d2);
            bad |= json_object_set_new(o, "onset_date", json_string(d2));
        }
        if (st->pelvic_hold) /* review 11 #5 */
            bad |= json_object_set_new(o, "pelvic_hold", json_true());
        if (st->diagnosed_hold) /* session 22 (branch diary26) */
            bad |= json_object_set_new(o, "diagnosed_hold", json_true());
        if (*st->visit) { /* review 11 #4 */
            bad |= json_object_set_new(o, "visit", json_string(st->visit));
            bad |= json_object_set_new(o, "visit_weeks", json_integer(st->visit_weeks));
            if (st->run_from > 0) {
                rh_date_format(st->run_from, d2);
                bad |= json_object_set_new(o, "run_from", json_string(d2));
            }
        }
        if (*st->findings_after) {
            rh_date_format(st->findings_onset, d2);
            bad |= json_object_set_new(o, "findings_after", json_string(st->findings_after));
            bad |= json_object_set_new(o, "findings_onset", json_string(d2));
        }
        if (st->recent_runs >= 0)
            bad |= json_object_set_new(o, "recent_runs", json_integer(st->recent_runs));
        if (st->recent_thin) /* session 24 (runner24) */
            bad |= json_object_set_new(o, "recent_thin", json_true());
        if (st->base_recent) /* review 10 #10 */
            bad |= json_object_set_new(o, "base_recent", json_true());
        if (st->runs_answered > 0)
            bad |= json_object_set_new(o, "runs_answered", json_integer(st->runs_answered));
        rh_date_format(st->checkin_back_week, d2);
        bad |= json_object_set_new(o, "checkin_back_week",
                                   st->checkin_back_week > 0 ? json_string(d2) : json_null());
    }
    {
        json_t *bo = json_array();
        bad |= !bo;
        for (int i = 0; bo && i < st->n_base_out; i++) {
            char f1[11], t1[11];
            rh_date_format(st->base_out[i].from, f1);
            rh_date_format(st->base_out[i].to, t1);
            bad |= json_array_append_new(bo, json_pack("{s:s, s:s, s:f, s:s}", "from", f1, "to",
                                                       t1, "km", st->base_out[i].km, "why",
                                                       st->base_out[i].why));
        }
        bad |= json_object_set_new(o, "base_left_out", bo);
    }
    bad |= json_object_set_new(o, "base_pain_days", json_integer(st->base_pain_days));
    if (st->base_thin_runs > 0)
        bad |= json_object_set_new(o, "base_thin_runs", json_integer(st->base_thin_runs));
    bad |= json_object_set_new(o, "hold_urgency",
                               st->hold_urgency >= 0
                                   ? json_string(rh_disposition_name((enum rh_disposition)st->hold_urgency))
                                   : json_null());
    f = mv = NULL;
    if (bad)
        goto oom;
    char *s = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(10));
    json_decref(o);
    if (!s)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    *json = rh_strdup(s);
    free(s);
    return *json ? 0 : rh_err_set(err, RH_ENOMEM, "out of memory");
oom:
    json_decref(o);
    json_decref(f);
    json_decref(mv);
    return rh_err_set(err, RH_ENOMEM, "out of memory");
}

static int js(json_t *o, const char *k, char *dst, size_t cap, struct rh_err *err)
{
    json_t *v = json_object_get(o, k);
    if (!json_is_string(v))
        return rh_err_set(err, RH_EFORMAT, "stored plan: '%s' is missing or not a string", k);
    copy(dst, cap, json_string_value(v));
    return 0;
}

static int jb(json_t *o, const char *k, bool *dst, struct rh_err *err)
{
    json_t *v = json_object_get(o, k);
    if (!json_is_boolean(v))
        return rh_err_set(err, RH_EFORMAT, "stored plan: '%s' is missing or not true/false", k);
    *dst = json_is_true(v);
    return 0;
}

static int ji(json_t *o, const char *k, long lo, long hi, long *dst, struct rh_err *err)
{
    json_t *v = json_object_get(o, k);
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
        return rh_err_set(err, RH_EFORMAT, "stored plan: '%s' is missing or out of range", k);
    *dst = (long)json_integer_value(v);
    return 0;
}

static int jd(json_t *o, const char *k, int32_t *dst, struct rh_err *err)
{
    json_t *v = json_object_get(o, k);
    if (!json_is_string(v) || rh_date_parse(json_string_value(v), dst))
        return rh_err_set(err, RH_EFORMAT, "stored plan: '%s' is not a date", k);
    return 0;
}

static double jnum(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_number(v) ? json_number_value(v) : RH_NONE;
}

int rh_plan_state_from_json(const char *json, struct rh_plan_state *st, struct rh_err *err)
{
    memset(st, 0, sizeof *st);
    json_error_t jerr;
    json_t *o = json_loads(json ? json : "", 0, &jerr);
    if (!o)
        return rh_err_setl(err, RH_EFORMAT, jerr.line, "stored plan is not JSON: %s", jerr.text);
    int r = 0;
    long l;
    char buf[32];
    if (!json_is_object(o)) {
        r = rh_err_set(err, RH_EFORMAT, "stored plan is not a JSON object");
        goto out;
    }
    if ((r = ji(o, "assessment_id", 0, INT64_MAX, &l, err)))
        goto out;
    st->assessment_id = l;
    if ((r = jd(o, "start_date", &st->start_day, err)) || (r = jd(o, "phase_date", &st->phase_day, err)))
        goto out;
    if ((r = js(o, "phase", buf, sizeof buf, err)))
        goto out;
    if (rh__phase_parse(buf, &st->phase)) {
        r = rh_err_set(err, RH_EFORMAT, "stored plan: unknown phase '%s'", buf);
        goto out;
    }
    if ((r = js(o, "run_mode", buf, sizeof buf, err)))
        goto out;
    if (strcmp(buf, "off") == 0)
        st->run_mode = RH_RUN_OFF;
    else if (strcmp(buf, "reduced") == 0)
        st->run_mode = RH_RUN_REDUCED;
    else if (strcmp(buf, "continue") == 0)
        st->run_mode = RH_RUN_CONTINUE;
    else {
        r = rh_err_set(err, RH_EFORMAT, "stored plan: unknown run_mode '%s'", buf);
        goto out;
    }
    if ((r = js(o, "condition", st->condition, sizeof st->condition, err)) ||
        (r = js(o, "condition_name", st->condition_name, sizeof st->condition_name, err)) ||
        (r = js(o, "disposition", st->disposition, sizeof st->disposition, err)) ||
        (r = js(o, "running", st->running, sizeof st->running, err)) ||
        (r = js(o, "pain_type", st->pain_type, sizeof st->pain_type, err)) ||
        (r = js(o, "red_flags", st->red_flags, sizeof st->red_flags, err)) ||
        (r = js(o, "disclaimer", st->disclaimer, sizeof st->disclaimer, err)) ||
        (r = js(o, "block_reason", st->block_reason, sizeof st->block_reason, err)) ||
        (r = js(o, "cleared_note", st->cleared_note, sizeof st->cleared_note, err)) ||
        (r = js(o, "see_why", st->see_why, sizeof st->see_why, err)) ||
        (r = jb(o, "blocked", &st->blocked, err)) || (r = jb(o, "cleared", &st->cleared, err)) ||
        (r = jb(o, "test_needed", &st->test_needed, err)) ||
        (r = jb(o, "test_passed", &st->test_passed, err)) ||
        (r = jb(o, "see_someone", &st->see_someone, err)))
        goto out;
    if ((st->cleared || json_is_string(json_object_get(o, "cleared_date"))) &&
        (r = jd(o, "cleared_date", &st->cleared_day, err)))
        goto out;
    if ((r = ji(o, "ladder_step", 0, RH__LADDER_MAX, &l, err)))
        goto out;
    st->ladder_step = (int)l;
    if ((r = ji(o, "ladder_done", 0, 1000, &l, err)))
        goto out;
    st->ladder_done = (int)l;
    if ((r = ji(o, "good_streak", 0, 100000, &l, err)))
        goto out;
    st->good_streak = (int)l;
    if ((r = ji(o, "base_runs", 0, 100000, &l, err)))
        goto out;
    st->n_base_runs = (int)l;
    st->base_newest_run = -2; /* not known: a plan stored before the key */
    if (json_object_get(o, "base_newest_run")) {
        if ((r = ji(o, "base_newest_run", -2, INT32_MAX, &l, err)))
            goto out;
        st->base_newest_run = (int32_t)l;
    }
    /* keys of the second version: optional, older plans lack them */
    st->diary_urgency = -1;
    st->hold_urgency = -1;
    {
        json_t *v;
        if ((v = json_object_get(o, "hold")) && (r = jb(o, "hold", &st->hold, err)))
            goto out;
        if (json_object_get(o, "unranked_ask")) {
            if ((r = js(o, "unranked_ask", st->unranked_ask, sizeof st->unranked_ask, err)))
                goto out;
            st->unranked = true;
        }
        if ((v = json_object_get(o, "bone_stress")) && (r = jb(o, "bone_stress", &st->bone_stress, err)))
            goto out;
        if ((v = json_object_get(o, "bone_stress_ranked"))) {
            if ((r = jb(o, "bone_stress_ranked", &st->bone_stress_ranked, err)))
                goto out;
        } else {
            /* a plan stored before review9 #2: a suspicion without the red
             * flag was the ranking's (the flags are checked below) */
            st->bone_stress_ranked = st->bone_stress;
        }
        bool legacy_bone = !v;
        if ((v = json_object_get(o, "hold_reason")) &&
            (r = js(o, "hold_reason", st->hold_reason, sizeof st->hold_reason, err)))
            goto out;
        legacy_hold_reason(st);
        if ((v = json_object_get(o, "diary_flags")) &&
            (r = js(o, "diary_flags", st->diary_flags, sizeof st->diary_flags, err)))
            goto out;
        if ((v = json_object_get(o, "diary_said")) &&
            (r = js(o, "diary_said", st->diary_said, sizeof st->diary_said, err)))
            goto out;
        if ((v = json_object_get(o, "diary_titles")) &&
            (r = js(o, "diary_titles", st->diary_titles, sizeof st->diary_titles, err)))
            goto out;
        if ((v = json_object_get(o, "hold_flags")) &&
            (r = js(o, "hold_flags", st->hold_flags, sizeof st->hold_flags, err)))
            goto out;
        if ((v = json_object_get(o, "cleared_flags")) &&
            (r = js(o, "cleared_flags", st->cleared_flags, sizeof st->cleared_flags, err)))
            goto out;
        if ((v = json_object_get(o, "cleared_titles")) &&
            (r = js(o, "cleared_titles", st->cleared_titles, sizeof st->cleared_titles, err)))
            goto out;
        if ((v = json_object_get(o, "rest_leg")) && (r = jb(o, "rest_leg", &st->rest_leg, err)))
            goto out;
        if ((v = json_object_get(o, "runs_off_checkin")) &&
            (r = jb(o, "runs_off_checkin", &st->runs_off_checkin, err)))
            goto out;
        if ((v = json_object_get(o, "kept_flags")) &&
            (r = js(o, "kept_flags", st->kept_flags, sizeof st->kept_flags, err)))
            goto out;
        if ((v = json_object_get(o, "hold_kept")) && (r = jb(o, "hold_kept", &st->hold_kept, err)))
            goto out;
        if (json_is_string(json_object_get(o, "diary_since")) &&
            (r = jd(o, "diary_since", &st->diary_since, err)))
            goto out;
        if (json_object_get(o, "diary_marks") &&
            (r = js(o, "diary_marks", st->diary_marks, sizeof st->diary_marks, err)))
            goto out;
        /* session 32 (run32): absent in a plan stored before: every sign
         * stops running at a doctor's level, as then */
        if (json_object_get(o, "flag_running") &&
            (r = js(o, "flag_running", st->flag_running, sizeof st->flag_running, err)))
            goto out;
        if (json_object_get(o, "diary_running") &&
            (r = js(o, "diary_running", st->diary_running, sizeof st->diary_running, err)))
            goto out;
        if (json_object_get(o, "flag_log") &&
            (r = js(o, "flag_log", st->flag_log, sizeof st->flag_log, err)))
            goto out;
        if (json_is_string(json_object_get(o, "diary_day")) &&
            (r = jd(o, "diary_day", &st->diary_day, err)))
            goto out;
        if (json_is_string(json_object_get(o, "seen_told_day")) &&
            ((r = jd(o, "seen_told_day", &st->seen_told_day, err)) ||
             (r = js(o, "seen_told", st->seen_told, sizeof st->seen_told, err))))
            goto out;
        if (json_is_string(json_object_get(o, "hold_date")) &&
            (r = jd(o, "hold_date", &st->hold_day, err)))
            goto out;
        if (json_is_string(json_object_get(o, "good_date")) &&
            (r = jd(o, "good_date", &st->good_day, err)))
            goto out;
        st->intake_days = st->intake_pain_now = -1;
        if (json_is_integer(json_object_get(o, "intake_days"))) {
            if ((r = ji(o, "intake_days", 0, 3650, &l, err)))
                goto out;
            st->intake_days = (int)l;
        }
        if (json_is_integer(json_object_get(o, "intake_pain_now"))) {
            if ((r = ji(o, "intake_pain_now", 0, 10, &l, err)))
                goto out;
            st->intake_pain_now = (int)l;
        }
        /* review 10 (child10; absent in older stored plans) */
        st->for_child = json_is_true(json_object_get(o, "for_child"));
        st->care_pelvic = json_is_true(json_object_get(o, "care_pelvic"));
        st->care_postnatal = json_is_true(json_object_get(o, "care_postnatal"));
        st->clearance_need[0] = '\0';
        if (json_object_get(o, "clearance_need") &&
            (r = js(o, "clearance_need", st->clearance_need, sizeof st->clearance_need, err)))
            goto out;
        st->refer_said[0] = '\0';
        if (json_object_get(o, "refer_said") &&
            (r = js(o, "refer_said", st->refer_said, sizeof st->refer_said, err)))
            goto out;
        st->run_answers[0] = '\0'; /* session 22 (absent in older stored plans) */
        if (json_object_get(o, "run_answers") &&
            (r = js(o, "run_answers", st->run_answers, sizeof st->run_answers, err)))
            goto out;
        /* review 9 #9, #11 (absent in older stored plans) */
        st->findings_after[0] = '\0';
        st->findings_onset = 0;
        st->onset_day = 0;
        if (json_is_string(json_object_get(o, "onset_date")) &&
            (r = jd(o, "onset_date", &st->onset_day, err)))
            goto out;
        /* review 11 #4 #5 (absent in older stored plans) */
        st->pelvic_hold = json_is_true(json_object_get(o, "pelvic_hold"));
        st->diagnosed_hold = json_is_true(json_object_get(o, "diagnosed_hold"));
        st->visit[0] = '\0';
        st->visit_weeks = 0;
        st->run_from = 0;
        if (json_object_get(o, "visit")) {
            enum rh_visit_outcome vo;
            if ((r = js(o, "visit", st->visit, sizeof st->visit, err)))
                goto out;
            if ((r = rh_visit_outcome_parse(st->visit, &vo, err))) {
                r = rh_err_set(err, RH_EFORMAT, "plan state: unknown visit '%s'", st->visit);
                goto out;
            }
            if ((r = ji(o, "visit_weeks", 0, RH_VISIT_WEEKS_MAX, &l, err)))
                goto out;
            st->visit_weeks = (int)l;
            if (json_is_string(json_object_get(o, "run_from")) &&
                (r = jd(o, "run_from", &st->run_from, err)))
                goto out;
        }
        if (json_object_get(o, "findings_after") &&
            ((r = js(o, "findings_after", st->findings_after, sizeof st->findings_after, err)) ||
             (r = jd(o, "findings_onset", &st->findings_onset, err))))
            goto out;
        st->base_recent = json_is_true(json_object_get(o, "base_recent"));
        st->recent_runs = -1;
        if (json_is_integer(json_object_get(o, "recent_runs"))) {
            if ((r = ji(o, "recent_runs", 0, 1000, &l, err)))
                goto out;
            st->recent_runs = (int)l;
        }
        st->recent_thin = json_is_true(json_object_get(o, "recent_thin"));
        st->runs_answered = 0;
        if (json_object_get(o, "runs_answered")) {
            if ((r = ji(o, "runs_answered", 1, 7, &l, err)))
                goto out;
            st->runs_answered = (int)l;
        }
        if (json_is_string(json_object_get(o, "checkin_back_week")) &&
            (r = jd(o, "checkin_back_week", &st->checkin_back_week, err)))
            goto out;
        if (legacy_bone && (rh__word_in(st->diary_flags, "stress_fracture_signs") ||
                            rh__word_in(st->red_flags, "stress_fracture_signs")))
            st->bone_stress_ranked = false;
        /* a plan stored before kept_flags: the diary's flags logged before
         * its assessment's day were kept from before it */
        if (!json_object_get(o, "kept_flags") && *st->diary_flags && st->diary_since > 0 &&
            st->diary_since < st->start_day && st->assessment_id > 0)
            rh__fmt(st->kept_flags, sizeof st->kept_flags, "%s", st->diary_flags);
        if ((v = json_object_get(o, "base_pain_days"))) {
            if ((r = ji(o, "base_pain_days", 0, 100000, &l, err)))
                goto out;
            st->base_pain_days = (int)l;
        }
        st->base_thin_runs = 0;
        if (json_object_get(o, "base_thin_runs")) {
            if ((r = ji(o, "base_thin_runs", 0, 100000, &l, err)))
                goto out;
            st->base_thin_runs = (int)l;
        }
        v = json_object_get(o, "base_left_out");
        for (size_t i = 0; json_is_array(v) && i < json_array_size(v) &&
                           st->n_base_out < RH_PLAN_MAX_BASE_OUT; i++) {
            json_t *w = json_array_get(v, i);
            struct rh_plan_base_out *b = &st->base_out[st->n_base_out];
            json_t *km = json_object_get(w, "km");
            if (!json_is_object(w) || (r = jd(w, "from", &b->from, err)) ||
                (r = jd(w, "to", &b->to, err)) || (r = js(w, "why", b->why, sizeof b->why, err)) ||
                !json_is_number(km)) {
                if (!r)
                    r = rh_err_set(err, RH_EFORMAT, "stored plan: base_left_out[%zu] is malformed", i);
                goto out;
            }
            b->km = json_number_value(km);
            st->n_base_out++;
        }
        v = json_object_get(o, "diary_urgency");
        if (json_is_string(v)) {
            enum rh_disposition d;
            if (rh_disposition_parse(json_string_value(v), &d)) {
                r = rh_err_set(err, RH_EFORMAT, "stored plan: unknown diary_urgency");
                goto out;
            }
            st->diary_urgency = (int)d;
        }
        v = json_object_get(o, "hold_urgency");
        if (json_is_string(v)) {
            enum rh_disposition d;
            if (rh_disposition_parse(json_string_value(v), &d)) {
                r = rh_err_set(err, RH_EFORMAT, "stored plan: unknown hold_urgency");
                goto out;
            }
            st->hold_urgency = (int)d;
        }
    }
    st->base_weekly_km = jnum(o, "base_weekly_km");
    st->base_cadence = jnum(o, "base_cadence");
    json_t *f = json_object_get(o, "findings"), *mv = json_object_get(o, "moves");
    if (!json_is_array(f) || !json_is_array(mv)) {
        r = rh_err_set(err, RH_EFORMAT, "stored plan: 'findings' or 'moves' is not a list");
        goto out;
    }
    for (size_t i = 0; i < json_array_size(f) && st->n_findings < RH_PLAN_MAX_FINDINGS; i++) {
        json_t *v = json_array_get(f, i);
        if (!json_is_string(v)) {
            r = rh_err_set(err, RH_EFORMAT, "stored plan: findings[%zu] is not a string", i);
            goto out;
        }
        copy(st->findings[st->n_findings++], sizeof st->findings[0], json_string_value(v));
    }
    for (size_t i = 0; i < json_array_size(mv) && st->n_moves < RH_PLAN_MAX_MOVES; i++) {
        json_t *m = json_array_get(mv, i);
        struct rh_plan_move *pm = &st->moves[st->n_moves];
        char from[16], to[16];
        enum rh_phase pf, pt;
        if (!json_is_object(m) || (r = jd(m, "date", &pm->day, err)) ||
            (r = js(m, "from", from, sizeof from, err)) || (r = js(m, "to", to, sizeof to, err)) ||
            (r = js(m, "why", pm->why, sizeof pm->why, err)) ||
            (r = ji(m, "ladder_step", 0, RH__LADDER_MAX, &l, err)) || rh__phase_parse(from, &pf) ||
            rh__phase_parse(to, &pt)) {
            if (!r)
                r = rh_err_set(err, RH_EFORMAT, "stored plan: moves[%zu] is malformed", i);
            goto out;
        }
        /* a plan stored before the advice was worded: "(running advice: reduce)" */
        /* and one stored before loop16 names the assessment by its number
         * ("plan made from assessment 1, which advised ..."): by its day */
        static const char made[] = "plan made from assessment ", adv[] = " (running advice: ",
                          advised[] = ", which advised ";
        if (strncmp(pm->why, made, sizeof made - 1) == 0) {
            char *e, level[24];
            (void)strtoll(pm->why + sizeof made - 1, &e, 10);
            size_t ln = strncmp(e, adv, sizeof adv - 1) == 0 ? strcspn(e + sizeof adv - 1, ")") : 0;
            if (ln && ln < sizeof level) {
                memcpy(level, e + sizeof adv - 1, ln);
                level[ln] = '\0';
                made_why(pm->why, sizeof pm->why, pm->day, level);
            } else if (strncmp(e, advised, sizeof advised - 1) == 0) {
                char rest[sizeof pm->why], d[11];
                rh__fmt(rest, sizeof rest, "%s", e);
                rh_date_format(pm->day, d);
                rh__fmt(pm->why, sizeof pm->why, "plan made from your assessment of %s%s", d, rest);
            }
        }
        pm->from = pf;
        pm->to = pt;
        pm->ladder = (int)l;
        st->n_moves++;
    }
out:
    json_decref(o);
    return r;
}

/* ---- the pain-monitoring rule ----------------------------------------------
 *
 * The state machine of the plan, written down (thresholds in
 * data/plan_rules.txt [pain], [test], [ladder], [phase.*]):
 *
 * Judging an entry (rh_plan_judge, changes nothing):
 *  - A red flag of the triage (the assessment's rules run on the entry) that
 *    is not a pain flag ([pain] hold_flags): SEE, running blocked until a
 *    professional clears it (runhip log cleared).
 *  - Hold (no running until the diary settles, SEE or STEP_BACK): activity
 *    pain of [pain] stop_run_at or more; next-morning pain above the
 *    activity pain (not settled); pain now rising over [pain] rising_entries
 *    entries; a pain flag (worsening_fast: pain above the assessment's worst).
 *  - An activity entry (--during-run): up to safe_max and settled by the next
 *    morning is GOOD; up to acceptable_max is STAY; above, or next-morning
 *    pain rising week on week, STEP_BACK. Under a bone-stress suspicion the
 *    plan is pain-free: safe_max and acceptable_max are 0.
 *  - A pain-now entry (no --during-run, e.g. a rest day) never counts
 *    towards moving on: STAY, or STEP_BACK when pain now is above
 *    acceptable_max.
 *  - An entry settles the diary when it raises no flag and no hold, its pain
 *    is within acceptable_max and (an activity entry) it settled by the next
 *    morning: it lifts a hold.
 *
 * Moving the plan (rh_plan_move):
 *  - SEE with a red flag: blocked, running off, phase at most strength,
 *    the three-day test needed again.
 *  - A hold: runs off the calendar until an entry settles; the phase steps
 *    back one stage.
 *  - STEP_BACK: one stage back (a ladder step, return -> strength ...).
 *    Stepping back from the first phase (calm) takes its runs away: running
 *    off, the three-day test needed before it comes back.
 *  - GOOD activity entries in a row ([phase.*] exit_good, pain now at most
 *    exit_max_pain, exit_strength strength sessions) move one phase on;
 *    running waits for clearance while blocked, and for the diary while held.
 *  - In the return phase the three-day test, then the walk-run ladder
 *    ([ladder] repeats good runs per stage) gate the runs.
 */

static int entry_max(const struct rh_pain_entry *e)
{
    int m = e->pain;
    if (e->during_run > m)
        m = e->during_run;
    if (e->next_morning > m)
        m = e->next_morning;
    return m;
}

/* pelvic: the pelvic hold is in force (this entry's note, or an earlier
 * one's while no red flag blocks): the time rule names the pelvic-health
 * physiotherapist it waits for, KEY_pelvic of data/plan_rules.txt [text]
 * (words14), never a sports physiotherapist beside it */
static void physio_rule(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                        const struct rh_pain_entry *e, size_t n, bool pelvic,
                        struct rh_pain_result *res)
{
    const struct rh_pain_entry *last = &e[n - 1];
    if (entry_max(last) == 0)
        return;
    size_t i = n - 1;
    while (i > 0 && entry_max(&e[i - 1]) > 0)
        i--;
    bool returned = i > 0; /* an earlier pain-free entry: the pain came back */
    /* review 11 #14: a visit recorded since this pain began (runhip log
     * cleared) is what the advice asks for: not said again */
    if (st && st->cleared_day > 0 && st->cleared_day >= e[i].day)
        return;
    /* the pain the assessment was about, when the diary has not shown it
     * gone: counted from the day the runner said it began */
    int32_t start = e[i].day;
    bool from_onset = !returned && st && st->onset_day > 0 && st->onset_day < start;
    if (from_onset) {
        start = st->onset_day;
        if (st->cleared_day >= start)
            return;
    }
    int days = last->day - start;
    /* runner23b: one time frame (the assessment's "watch the pain for 1-2
     * weeks", the plan's "not settled within 14 days", the diary's "two
     * weeks or more"): [pain] design_physio_days; seed 001's unsourced 7-10
     * and 10-14 days are no longer said (a 17-year-old heard three) */
    int design = (int)rh__kb_num(kb, "pain", "design_physio_days", 14);
    /* loop16: said once, when it first applies or when its level changes
     * (the pain come back, two weeks despite less load), not at every entry
     * of the same pain: the entry before in this stretch of pain had it at
     * the same level (the booking stays on Today and the plan) */
#define PHYSIO_LEVEL(d) ((d) >= design ? 3 : returned ? 1 : 0)
    res->physio_due = PHYSIO_LEVEL(days) > 0;
    if (n >= 2 && n - 2 >= i && PHYSIO_LEVEL(e[n - 2].day - start) == PHYSIO_LEVEL(days))
        return;
#undef PHYSIO_LEVEL
    char since[11], nd[12], key[32];
    rh_date_format(start, since);
    rh__fmt(nd, sizeof nd, "%d", days);
    const char *sfx = from_onset ? "_onset" : "";
    const char *pl = pelvic ? "_pelvic" : "";
    /* the words are data/plan_rules.txt [text] physio_*; the time frame is
     * see_physio's of the one table (review 8, 19) */
    if (days >= design) {
        rh__fmt(key, sizeof key, "physio_design%s%s", sfx, pl);
        tfill(kb, key, res->physio, sizeof res->physio, nd, since,
              rh_words("disposition", "see_physio.short"), NULL);
    } else if (returned) {
        tfill(kb, "physio_returned", res->physio, sizeof res->physio, NULL);
    }
}

static void runs_off(struct rh_plan_state *st)
{
    st->run_mode = RH_RUN_OFF;
    st->test_needed = true;
    st->runs_off_checkin = false; /* the check-in's step back sets it after */
}

/* The days of the diary's red flags: the first and the latest. */
static void diary_dated(struct rh_plan_state *st, int32_t day)
{
    if (st->diary_since <= 0 || day < st->diary_since)
        st->diary_since = day;
    if (day > st->diary_day)
        st->diary_day = day;
}

bool rh__diary_mark_get(const char *marks, const char *id, int *urgency, int32_t *first,
                        int32_t *latest)
{
    size_t len;
    const char *p = mark_find(marks, id, &len);
    int u;
    long f, l;
    if (!p || sscanf(p + strlen(id), ":%d:%ld:%ld", &u, &f, &l) != 3)
        return false;
    *urgency = u;
    *first = (int32_t)f;
    *latest = (int32_t)l;
    return true;
}

/* review9 #6: flag id raised on day with urgency: its own mark (the most
 * urgent of its entries, its first and latest day), and the diary's days. */
static void diary_mark(struct rh_plan_state *st, const char *id, int urgency, int32_t day)
{
    diary_dated(st, day);
    int u = urgency;
    int32_t f = day, l = day;
    if (rh__diary_mark_get(st->diary_marks, id, &u, &f, &l)) {
        mark_remove(st->diary_marks, id); /* the old token out */
        if (urgency > u)
            u = urgency;
        if (day < f)
            f = day;
        if (day > l)
            l = day;
    }
    size_t at = strlen(st->diary_marks);
    int w = snprintf(st->diary_marks + at, sizeof st->diary_marks - at, "%s%s:%d:%ld:%ld",
                     at ? " " : "", id, u, (long)f, (long)l);
    if (w < 0 || (size_t)w >= sizeof st->diary_marks - at)
        st->diary_marks[at] = '\0'; /* no room: the diary's urgency and days stand for it */
}

/* Writes n events into st->flag_log (the one place of its format, read by
 * rh_plan_flag_log), dropping the oldest while they do not fit. */
static void flag_log_store(struct rh_plan_state *st, const struct rh_plan_flag_event *ev, int n)
{
    for (int drop = 0; drop <= n; drop++) {
        char buf[sizeof st->flag_log] = "";
        bool fits = true;
        for (int i = drop; i < n && fits; i++) {
            size_t at = strlen(buf);
            int w = snprintf(buf + at, sizeof buf - at, "%s%s:%d:%ld:%ld:%ld", at ? " " : "",
                             ev[i].id, ev[i].urgency, (long)ev[i].first, (long)ev[i].latest,
                             (long)ev[i].cleared);
            fits = w >= 0 && (size_t)w < sizeof buf - at;
        }
        if (fits) {
            memcpy(st->flag_log, buf, sizeof buf);
            return;
        }
    }
}

/* review 11 #3: flag id raised on day: its open event of st->flag_log
 * (not yet cleared) takes the day, else a new one; the oldest goes when
 * there is no room. */
static void flag_log_raise(struct rh_plan_state *st, const char *id, int urgency, int32_t day)
{
    struct rh_plan_flag_event ev[RH_PLAN_FLAG_LOG_MAX];
    int n = rh_plan_flag_log(st, ev, RH_PLAN_FLAG_LOG_MAX), k = -1;
    for (int i = n; i-- > 0;)
        if (strcmp(ev[i].id, id) == 0) {
            k = ev[i].cleared ? -1 : i;
            break;
        }
    if (k < 0 && n < RH_PLAN_FLAG_LOG_MAX) {
        k = n++;
        memset(&ev[k], 0, sizeof ev[k]);
        rh__fmt(ev[k].id, sizeof ev[k].id, "%s", id);
        ev[k].urgency = urgency;
        ev[k].first = ev[k].latest = day;
    }
    if (k < 0)
        return;
    if (urgency > ev[k].urgency)
        ev[k].urgency = urgency;
    if (day < ev[k].first)
        ev[k].first = day;
    if (day > ev[k].latest)
        ev[k].latest = day;
    flag_log_store(st, ev, n);
}

/* A clearance on day answers every open event of st->flag_log. */
static void flag_log_clear(struct rh_plan_state *st, int32_t day)
{
    struct rh_plan_flag_event ev[RH_PLAN_FLAG_LOG_MAX];
    int n = rh_plan_flag_log(st, ev, RH_PLAN_FLAG_LOG_MAX);
    for (int i = 0; i < n; i++)
        if (!ev[i].cleared && ev[i].first <= day)
            ev[i].cleared = day;
    flag_log_store(st, ev, n);
}

int rh_plan_flag_log(const struct rh_plan_state *st, struct rh_plan_flag_event *ev, int max)
{
    int n = 0;
    for (const char *p = st->flag_log; *p && n < max;) {
        while (*p == ' ')
            p++;
        const char *c = strchr(p, ':'), *e = strchr(p, ' ');
        if (!e)
            e = p + strlen(p);
        int u;
        long f, l, cl;
        if (c && c < e && (size_t)(c - p) < sizeof ev[n].id &&
            sscanf(c, ":%d:%ld:%ld:%ld", &u, &f, &l, &cl) == 4) {
            memset(&ev[n], 0, sizeof ev[n]);
            memcpy(ev[n].id, p, (size_t)(c - p));
            ev[n].urgency = u;
            ev[n].first = (int32_t)f;
            ev[n].latest = (int32_t)l;
            ev[n].cleared = (int32_t)cl;
            n++;
        }
        p = e;
    }
    return n;
}

/* Every word of the space-separated `words` is one of `list`'s. */
static bool every_word_in(const char *words, const char *list)
{
    char w[RH__WORD_MAX];
    for (const char *at = words; rh__word_next(&at, w, sizeof w);)
        if (!rh__word_in(list, w))
            return false;
    return true;
}

bool rh_plan_diary_flag_in_force(const struct rh_plan_state *st, const char *id)
{
    return rh__word_in(st->diary_flags, id);
}

bool rh_plan_keeps_diary_flags(const struct rh_plan_state *st)
{
    return st->blocked && *st->kept_flags && !every_word_in(st->kept_flags, st->red_flags);
}

/* A hold of the pain rule (pain getting worse quickly, severe activity pain,
 * pain not settled or rising) is about the pain the diary shows, which a new
 * questionnaire does not settle: it stays, with its reason, its pain flags
 * and its urgency, until an entry settles it or a professional clears the
 * runner (as the diary's red flags stay until a clearance). */
static void keep_hold(const struct rh_plan_state *old, struct rh_plan_state *st)
{
    if (!old->hold)
        return;
    st->hold = true;
    st->hold_kept = true;
    st->hold_day = old->hold_day;
    rh__fmt(st->hold_reason, sizeof st->hold_reason, "%s", old->hold_reason);
    rh__fmt(st->hold_flags, sizeof st->hold_flags, "%s", old->hold_flags);
    if (old->hold_urgency > st->hold_urgency)
        st->hold_urgency = old->hold_urgency;
    if (!st->see_someone && old->see_someone && *old->hold_flags) {
        st->see_someone = true;
        rh__copy_sentences(st->see_why, sizeof st->see_why, old->see_why);
    }
}

void rh_plan_keep_diary_flags(const struct rh_plan_kb *kb, const struct rh_plan_state *old,
                              struct rh_plan_state *st, int32_t day, bool later_entries)
{
    keep_hold(old, st);
    if (!*old->diary_flags)
        return; /* none raised, or a clearance emptied them */
    int keep = (int)rh__kb_num(kb, "pain", "diary_flag_keep_days", 28);
    if (old->diary_day > 0 && day - old->diary_day > keep && later_entries)
        return;
    /* the flags stay in force, with their urgency and their days */
    rh__fmt(st->diary_flags, sizeof st->diary_flags, "%s", old->diary_flags);
    rh__fmt(st->kept_flags, sizeof st->kept_flags, "%s", old->diary_flags);
    rh__fmt(st->diary_said, sizeof st->diary_said, "%s", old->diary_said);
    rh__fmt(st->diary_titles, sizeof st->diary_titles, "%s", old->diary_titles);
    if (old->diary_urgency > st->diary_urgency)
        st->diary_urgency = old->diary_urgency;
    st->diary_since = old->diary_since;
    st->diary_day = old->diary_day;
    st->seen_told_day = old->seen_told_day;
    rh__fmt(st->seen_told, sizeof st->seen_told, "%s", old->seen_told);
    rh__fmt(st->diary_marks, sizeof st->diary_marks, "%s", old->diary_marks);
    rh__fmt(st->diary_running, sizeof st->diary_running, "%s", old->diary_running);
    if (old->rest_leg)
        st->rest_leg = true;
    if (rh__word_in(old->diary_flags, "stress_fracture_signs"))
        st->bone_stress = true;
    /* said once: the flags the new assessment does not raise itself */
    char names[400] = "", w[RH__WORD_MAX];
    for (const char *at = old->diary_flags; rh__word_next(&at, w, sizeof w);) {
        if (rh__word_in(st->red_flags, w))
            continue;
        assert(rh_assess_flag_name(w)); /* a diary flag is one of the assessment's red flags */
        /* words15: by its short heading of what was seen, as the diary
         * entry's answers named it (diary_titles, the plan's notice heads it
         * so: "fever with hip pain"), else the flag's title
         * (rh_assess_flag_title), as the assessment's own flags are
         * (flag_titles, words14), never the rule's whole definition */
        char title[300], because[RH_ASSESS_FLAG_WHY_LEN];
        if (!rh__title_get(old->diary_titles, w, title, sizeof title, because, sizeof because))
            rh_assess_flag_title(w, NULL, title, sizeof title);
        rh_text_lower_first(title);
        rh_str_appendf(names, sizeof names, "%s%s", *names ? "; " : "", *title ? title : w);
    }
    /* session 17 (branch diaryword): signs of a physiotherapist's level that
     * stopped no running stop none under the new assessment either; session
     * 32 (run32): nor a doctor's whose running went on
     * (rh_plan_sign_stops_running) */
    if (!rh_plan_diary_stops_running(kb, old)) {
        if (!st->see_someone && *old->see_why) {
            st->see_someone = true;
            rh__copy_sentences(st->see_why, sizeof st->see_why, old->see_why);
        }
        return;
    }
    st->blocked = true;
    st->cleared = false;
    runs_off(st);
    if (!*names)
        return; /* the assessment says them itself */
    char when[48], reason[600];
    rh__diary_span(old->diary_since, old->diary_day, when, sizeof when);
    if (!*when)
        rh__fmt(when, sizeof when, "%s", rh__plan_word("kept_when"));
    rh__fmt(reason, sizeof reason, rh__plan_word("kept_reason"), when, names);
    if (*st->block_reason && strcmp(st->block_reason, reason) != 0) {
        char both[sizeof st->block_reason];
        rh__fmt(both, sizeof both, "%s; %s", st->block_reason, reason);
        rh__copy_sentences(st->block_reason, sizeof st->block_reason, both);
    } else {
        rh__copy_sentences(st->block_reason, sizeof st->block_reason, reason);
    }
    if (!st->see_someone) {
        st->see_someone = true;
        /* the reasons are the block's: here only what to do */
        enum rh_disposition u = st->diary_urgency >= (int)RH_DISP_SEE_PHYSIO
                                    ? (enum rh_disposition)st->diary_urgency
                                    : RH_DISP_SEE_PHYSIO;
        rh__copy_sentences(st->see_why, sizeof st->see_why, rh_disposition_text(u));
    }
}

static void step_back(const struct rh_plan_kb *kb, struct rh_plan_state *st, int32_t day,
                      const char *why)
{
    enum rh_phase from = st->phase;
    if (st->phase == RH_PHASE_RETURN && st->test_needed && st->ladder_step > 1) {
        st->ladder_step--;
        st->ladder_done = 0;
    } else if (st->phase == RH_PHASE_FULL) {
        st->phase = RH_PHASE_RETURN;
        st->ladder_step = st->test_needed ? kb->n_ladder : 0;
        st->ladder_done = 0;
    } else if (st->phase > RH_PHASE_CALM) {
        st->phase--;
        if (st->phase < RH_PHASE_RETURN) {
            st->ladder_step = 0;
            st->ladder_done = 0;
            st->test_passed = false;
        }
    } else {
        /* nothing lower than calm: its runs go */
        if (st->run_mode == RH_RUN_OFF)
            return;
        runs_off(st);
        char w[260];
        rh__fmt(w, sizeof w, MW("below_first"), why);
        add_move(st, day, from, st->phase, w);
        return;
    }
    st->phase_day = day;
    add_move(st, day, from, st->phase, why);
}

static void advance(struct rh_plan_state *st, int32_t day, const char *why)
{
    enum rh_phase from = st->phase;
    st->phase++;
    st->phase_day = day;
    st->good_streak = 0;
    if (st->phase == RH_PHASE_RETURN) {
        st->ladder_step = 0;
        st->ladder_done = 0;
        st->test_passed = false;
    }
    add_move(st, day, from, st->phase, why);
}

/* The value of "KEY=N" among a flag's answers (or "KEY N" on the right of a
 * comparison: "pain_now=8 (>= pain_worst 6 + 2)"), or -1. */
static int answer_num(const char *ans, const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = strstr(ans, key); p; p = strstr(p + 1, key)) {
        bool start = p == ans || p[-1] == ' ' || p[-1] == '(' || p[-1] == ',';
        if (start && (p[kl] == '=' || p[kl] == ' ') && isdigit((unsigned char)p[kl + 1])) {
            int v = 0;
            for (const char *d = p + kl + 1; isdigit((unsigned char)*d) && v < 100; d++)
                v = v * 10 + (*d - '0');
            return v;
        }
    }
    return -1;
}

/* session 10 (branch diary11), review 10 #6: whether the answers that fired
 * a flag show the pain now above the worst the assessment gave. */
static bool pain_above_worst(const char *ans)
{
    int now = answer_num(ans, "pain_now"), worst = answer_num(ans, "pain_worst");
    return now >= 0 && worst >= 0 && now > worst;
}

/* session 10 (branch diary11), review 10 #15: the entry's note tells of
 * pain when the leg takes weight (walking, stairs, standing on it). */
static bool weight_bearing_pain(const struct rh_triage *t)
{
    uint32_t wb = RH_BIT(RH_WORSE_WALKING) | RH_BIT(RH_WORSE_STAIRS) |
                  RH_BIT(RH_WORSE_STANDING_ONE_LEG) | RH_BIT(RH_WORSE_HOPPING);
    return t && ((t->note.worse_with & wb) || (t->note.signs & RH_BIT(RH_SIGN_LIMP)));
}

/* session 17 (branch diaryword): the level from which a warning sign the
 * diary raised stops running ([pain] flag_stop_level, checked at load). */
enum rh_disposition rh__flag_stop_level(const struct rh_plan_kb *kb)
{
    enum rh_disposition lv = RH_DISP_SEE_DOCTOR_SOON;
    const char *sl = rh_plan_kb_get(kb, "pain", "flag_stop_level");
    if (!sl || rh_disposition_parse(sl, &lv))
        lv = RH_DISP_SEE_DOCTOR_SOON;
    return lv;
}

/* session 32 (branch run32): the one rule of whether a warning sign stops
 * running until a professional has seen the runner, from its level and the
 * running that came with it (rh_plan_sign_stops_running, plan.h). */
bool rh_plan_sign_stops_running(const struct rh_plan_kb *kb, const char *id, int urgency,
                                int running)
{
    if (running == (int)RH_RUNNING_STOP || urgency >= (int)RH_DISP_URGENT)
        return true;
    if (urgency < (int)rh__flag_stop_level(kb))
        return false;
    /* a doctor within days: running goes on where the running that came
     * with the sign is "reduce" or "continue", either lowered below the
     * flag's own (running_if, trigger_running) or the flag's own at its own
     * level (a groin lump's, MSD-Hernia: the assessment says "reduce" with
     * the visit), as the assessment and the diary said it. A flag raised
     * above its own level (a locking hip that took the leg's movement, a
     * physiotherapist's sign made a doctor's) keeps no running its own
     * level allowed; not known (a plan stored before run32): it stops */
    int own = id ? rh_assess_flag_running(id) : -1;
    int own_level = id ? rh_assess_flag_disposition(id) : -1;
    bool lowered = running >= 0 && own >= 0 && running < own;
    bool at_own = running >= 0 && running == own && own_level >= urgency;
    return !((lowered || at_own) && running <= (int)RH_RUNNING_REDUCE);
}

int rh_plan_flag_running(const struct rh_plan_state *st, const char *id, int *urgency)
{
    char v[96];
    enum rh_disposition d;
    enum rh_running r;
    *urgency = -1;
    if (!item_get(st->flag_running, id, v, sizeof v))
        return -1;
    char *c = strchr(v, ':');
    if (!c)
        return -1;
    *c = '\0';
    if (rh_disposition_parse(v, &d) || rh_running_parse(c + 1, &r))
        return -1;
    *urgency = (int)d;
    return (int)r;
}

int rh_plan_diary_running(const struct rh_plan_state *st, const char *id)
{
    char v[48];
    enum rh_running r;
    if (!item_get(st->diary_running, id, v, sizeof v) || rh_running_parse(v, &r))
        return -1;
    return (int)r;
}

void rh__plan_diary_running_add(struct rh_plan_state *st, const char *id, int running)
{
    int was = rh_plan_diary_running(st, id);
    /* in force already: the most restrictive since it was raised stands,
     * and one raised with no running kept (a plan stored before) stays
     * unknown, stopping running as then */
    if (running < 0 || running >= (int)RH_RUNNING__COUNT ||
        (rh__word_in(st->diary_flags, id) && (was < 0 || was >= running)))
        return;
    item_set(st->diary_running, sizeof st->diary_running, id,
             rh_running_name((enum rh_running)running));
}

bool rh_plan_flags_stop_running(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    char w[RH__WORD_MAX];
    for (const char *at = st->red_flags; rh__word_next(&at, w, sizeof w);) {
        int u;
        int run = rh_plan_flag_running(st, w, &u);
        /* a flag whose level and running its result did not give (stored
         * before them) stops running, as every flag did */
        if (u < 0 || rh_plan_sign_stops_running(kb, w, u, run))
            return true;
    }
    return false;
}

bool rh_plan_diary_stops_running(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    char w[RH__WORD_MAX];
    for (const char *at = st->diary_flags; rh__word_next(&at, w, sizeof w);) {
        int u = st->diary_urgency;
        int32_t f, l;
        rh__diary_mark_get(st->diary_marks, w, &u, &f, &l);
        if (rh_plan_sign_stops_running(kb, w, u, rh_plan_diary_running(st, w)))
            return true;
    }
    return false;
}

static bool is_hold_flag(const struct rh_plan_kb *kb, const char *id)
{
    const char *l = rh_plan_kb_get(kb, "pain", "hold_flags");
    return l && rh__word_in(l, id);
}

/* A hold flag of this entry's triage holds the plan (pain above the
 * assessment's worst); raised by the note's own words ("worse every day") it
 * is a warning sign like any other red flag, kept until a clearance. The one
 * rule for rh_plan_judge (what it says) and rh_plan_move (what it keeps). */
static bool entry_holds(const struct rh_plan_kb *kb, const struct rh_triage *triage, const char *id)
{
    return is_hold_flag(kb, id) && !(triage->note.signs & RH_BIT(RH_SIGN_WORSENING));
}

/* session 17 (branches diaryword, diaryword2): whether the warning signs of
 * a diary entry or a check-in all stand below [pain] flag_stop_level (a
 * physiotherapist's level) and none stops running, at least one counted;
 * skip_holds leaves out the signs the entry holds running for
 * (entry_holds), which a diary entry answers in their own way. */
static bool flags_below_stop(const struct rh_plan_kb *kb, const struct rh_triage *triage,
                             bool skip_holds)
{
    bool any = false;
    for (int q = 0; triage && q < triage->n_flags; q++) {
        const struct rh_triage_flag *f = &triage->flags[q];
        if (skip_holds && entry_holds(kb, triage, f->id))
            continue;
        /* session 31 (branch n29ret): a sign of a doctor's level whose
         * trigger keeps running on (data/red_flags.txt trigger_running:
         * continue or reduce) waits for its visit as a physiotherapist's
         * does, booked at its own level ([text] flag_doctor_running) */
        if (rh_plan_sign_stops_running(kb, f->id, (int)f->urgency, (int)f->running))
            return false;
        any = true;
    }
    return any;
}

/* the most urgent level of the entry's signs, and the words of what
 * running does until that visit: a physiotherapist's, or (session 31,
 * branch n29ret) a doctor's that does not stop running */
static enum rh_disposition signs_level(const struct rh_triage *triage)
{
    int top = (int)RH_DISP_SEE_PHYSIO;
    for (int q = 0; triage && q < triage->n_flags; q++)
        if ((int)triage->flags[q].urgency > top)
            top = (int)triage->flags[q].urgency;
    return (enum rh_disposition)top;
}

static const char *running_key(const struct rh_plan_kb *kb, const struct rh_triage *triage)
{
    return signs_level(triage) >= rh__flag_stop_level(kb) ? "flag_doctor_running"
                                                          : "flag_physio_running";
}

/* A sign of a physiotherapist's level keeps the runner to see someone
 * (the notice lists it, the report names it) until a visit is recorded,
 * with what running does meanwhile ([text] flag_physio_running). */
static void see_physio(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                       const struct rh_triage *triage)
{
    st->see_someone = true;
    char sw[sizeof st->see_why], run[sizeof st->see_why];
    const char *lv = rh_disposition_text(signs_level(triage));
    rh__physio_running(kb, st, running_key(kb, triage), run, sizeof run);
    rh__fmt(sw, sizeof sw, "%s %s", lv ? lv : "", run);
    rh__copy_sentences(st->see_why, sizeof st->see_why, sw);
}

bool rh_plan_after_clearance(const struct rh_plan_state *st)
{
    if (!st->cleared || st->blocked || st->cleared_day <= 0 || !*st->red_flags)
        return false;
    return every_word_in(st->red_flags, st->cleared_flags);
}

bool rh_plan_no_running(const struct rh_plan_state *st)
{
    return st->blocked || st->hold;
}

enum rh_hold_kind rh_plan_hold_kind(const struct rh_plan_state *st)
{
    if (!st || !rh_plan_no_running(st))
        return RH_HOLD_NONE;
    if (st->blocked)
        return RH_HOLD_BLOCK;
    if (st->diagnosed_hold)
        return RH_HOLD_DIAGNOSED;
    return st->pelvic_hold ? RH_HOLD_PELVIC : RH_HOLD_PAIN;
}

const char *rh_plan_hold_kind_text(const struct rh_plan_kb *kb, enum rh_hold_kind kind,
                                   const char *section, const char *key)
{
    static const char *const suffix[] = {[RH_HOLD_BLOCK] = "blocked",
                                         [RH_HOLD_DIAGNOSED] = "diagnosed",
                                         [RH_HOLD_PELVIC] = "pelvic"};
    const char *t = NULL;
    if (kind == RH_HOLD_BLOCK || kind == RH_HOLD_DIAGNOSED || kind == RH_HOLD_PELVIC) {
        char k[96];
        rh__fmt(k, sizeof k, "%s_%s", key, suffix[kind]);
        t = rh_plan_kb_get(kb, section, k);
    }
    return t ? t : rh_plan_kb_get(kb, section, key);
}

const char *rh_plan_hold_text(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                              const char *section, const char *key)
{
    return rh_plan_hold_kind_text(kb, rh_plan_hold_kind(st), section, key);
}

int rh_plan_urgency(const struct rh_plan_state *st)
{
    enum rh_disposition d = RH_DISP_SELF_CARE;
    if (rh_disposition_parse(st->disposition, &d))
        d = RH_DISP_SELF_CARE;
    int u = (int)d;
    /* a professional who cleared every red flag of the assessment has seen
     * what its disposition asked for: the plan's own level stands (a new red
     * flag sets blocked again and counts through the diary's urgency) */
    if (u > (int)RH_DISP_MODIFY_TRAINING && rh_plan_after_clearance(st))
        u = (int)RH_DISP_MODIFY_TRAINING;
    if (st->diary_urgency > u)
        u = st->diary_urgency;
    if (st->hold && st->hold_urgency > u)
        u = st->hold_urgency;
    return u;
}

bool rh_plan_level_alert(const struct rh_plan_kb *kb, int urgency)
{
    enum rh_disposition lv = RH_DISP_URGENT;
    const char *al = kb ? rh_plan_kb_get(kb, "pain", "alert_level") : NULL;
    if (!al || rh_disposition_parse(al, &lv))
        lv = RH_DISP_URGENT;
    return urgency < 0 || urgency >= (int)lv; /* unknown: the red alert, erring safe */
}

bool rh_plan_entry_signs_heading(const struct rh_plan_kb *kb, int urgency, const char **heading)
{
    bool physio = urgency >= 0 && urgency < (int)rh__flag_stop_level(kb);
    const char *h = rh_plan_kb_get(kb, "text", physio ? "entry_signs_physio" : "entry_signs_doctor");
    *heading = h ? h : ""; /* checked at load (plan_data.c) */
    return physio;
}

const char *rh_plan_see_heading(const struct rh_plan_state *st)
{
    int u = rh_plan_urgency(st);
    if (u < (int)RH_DISP_SEE_PHYSIO)
        u = (int)RH_DISP_SEE_PHYSIO; /* a notice to see someone: at least a physiotherapist */
    char key[48];
    rh__fmt(key, sizeof key, "%s.heading", rh_disposition_name((enum rh_disposition)u));
    const char *w = rh_words("disposition", key);
    assert(w); /* every disposition has its heading in data/wording.txt */
    return w ? w : "";
}

void rh_plan_flags_in_force(const struct rh_plan_state *st, char *buf, size_t cap)
{
    rh__fmt(buf, cap, "%s", st->red_flags);
    char w[RH__WORD_MAX];
    for (const char *at = st->diary_flags; rh__word_next(&at, w, sizeof w);)
        if (!rh__word_in(buf, w))
            rh_str_appendf(buf, cap, "%s%s", *buf ? " " : "", w);
    if (!st->hold)
        return;
    for (const char *at = st->hold_flags; rh__word_next(&at, w, sizeof w);)
        if (!rh__word_in(buf, w))
            rh_str_appendf(buf, cap, "%s%s", *buf ? " " : "", w);
}

/* The note was read as a pelvic-floor symptom (data/wording.txt [note_read]
 * pelvic_floor: [fact.pelvic_leak], [fact.pelvic_heavy]). */
static bool pelvic_note(const struct rh_triage *t)
{
    for (int i = 0; t && i < t->note.n; i++)
        if (!t->note.f[i].negated && !strcmp(t->note.f[i].reads, "pelvic_floor"))
            return true;
    return false;
}

/* Session 22 (branch diary26b): the stop an entry within the pain rule
 * meets that the pain rule does not lift: the plan's in force (a warning
 * sign's, a diagnosed fracture's, a pelvic-floor symptom's), or the one the
 * entry's own note tells (*own_pelvic: a pelvic-floor symptom, whose own
 * sentence [text] pelvic_hold the entry's reply says); RH_HOLD_PAIN or
 * RH_HOLD_NONE when there is none. */
static enum rh_hold_kind held_not_by_pain(const struct rh_plan_state *st,
                                          const struct rh_triage *triage,
                                          const struct rh_pain_result *res, bool *own_pelvic)
{
    bool own_dx = false;
    for (int i = 0; triage && !res->red_flag && i < triage->note.n; i++)
        own_dx |= !triage->note.f[i].negated &&
                  !strcmp(triage->note.f[i].reads, "fracture_diagnosed");
    *own_pelvic = !res->red_flag && pelvic_note(triage);
    enum rh_hold_kind held = rh_plan_hold_kind(st);
    if (held != RH_HOLD_BLOCK && own_dx)
        held = RH_HOLD_DIAGNOSED;
    if (*own_pelvic && held != RH_HOLD_BLOCK && held != RH_HOLD_DIAGNOSED)
        held = RH_HOLD_PELVIC;
    return held;
}

/* Session 22: what lifts the stop an entry the pain rule holds meets: the
 * diary settling, unless a stop the pain rule does not lift is in force
 * already (a warning sign's, a diagnosed fracture's, a pelvic-floor
 * symptom's): then that stop's own [text] hold_lifts, never "until the diary
 * settles" beside it. */
static const char *held_lifts(const struct rh_plan_kb *kb, const struct rh_plan_state *st)
{
    enum rh_hold_kind k = rh_plan_hold_kind(st);
    const char *t = k > RH_HOLD_PAIN ? rh_plan_hold_kind_text(kb, k, "text", "hold_lifts") : NULL;
    return t ? t : YW("lifts_pain");
}

int rh_plan_judge(const struct rh_plan_kb *kb, const struct rh_plan_state *st,
                  const struct rh_pain_entry *entries, size_t n, const struct rh_triage *triage,
                  struct rh_pain_result *res, struct rh_err *err)
{
    memset(res, 0, sizeof *res);
    res->see_level = -1;
    if (n == 0)
        return rh_err_set(err, RH_EINVAL, "no diary entry to judge");
    const struct rh_pain_entry *e = &entries[n - 1];
    bool pain_free = st && st->bone_stress;
    int safe = pain_free ? 0 : (int)rh__kb_num(kb, "pain", "safe_max", 2);
    int acc = pain_free ? 0 : (int)rh__kb_num(kb, "pain", "acceptable_max", 5);
    int stop_at = (int)rh__kb_num(kb, "pain", "stop_run_at", 7);
    double rise = rh__kb_num(kb, "pain", "morning_rise", 1);
    int k = (int)rh__kb_num(kb, "pain", "rising_entries", 3);
    res->pain_free = pain_free;
    res->is_activity = e->during_run >= 0;
    int act = res->is_activity ? e->during_run : -1;
    res->activity_pain = act;
    if (st) {
        res->from = res->to = st->phase;
        res->ladder_from = res->ladder_to = st->ladder_step;
    }
    res->no_plan = !st;
    char why[1000] = "";
    bool see = false, hold = false, acute = false;
    /* red flags through the assessment's rules, the most urgent first; only
     * the most urgent disposition is said, so one entry never gives two
     * answers ("today" and "within days") */
    int order[RH_ASSESS_MAX_FLAGS];
    int nf = triage ? triage->n_flags : 0;
    for (int i = 0; i < nf; i++) {
        int j = i;
        while (j > 0 && triage->flags[order[j - 1]].urgency < triage->flags[i].urgency) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    bool said = false;
    /* a same-day warning sign still in force (an earlier entry's): this
     * entry's lower one does not also say "within the next few days"
     * (review 7b N9) */
    bool today = st && st->blocked && !st->cleared && st->diary_urgency == (int)RH_DISP_URGENT;
    /* session 19: the same for any care in force while running is stopped
     * (the assessment's "see a doctor within days" for a suspected stress
     * fracture): a later, lesser sign of the diary ("hip caught", a
     * physiotherapist's level) is told to the doctor already booked, never
     * "book a physiotherapist within 1-2 weeks" beside it (one booking, as
     * Today says it: rh_plan_booking_both) */
    int in_force = st && st->blocked && !st->cleared ? rh_plan_urgency(st) : -1;
    /* session 17 (branch diaryword): warning signs that all stand below
     * [pain] flag_stop_level (a physiotherapist's level) stop no running in
     * a plan that runs: the runner books the physiotherapist and keeps
     * within the pain rule meanwhile ([text] flag_physio_running); a sign
     * that needs a doctor stops running until seen */
    bool physio_flags =
        st && !(st->blocked && !st->cleared) && flags_below_stop(kb, triage, true);
    for (int q = 0; q < nf; q++) {
        const struct rh_triage_flag *f = &triage->flags[order[q]];
        see = see || !physio_flags || entry_holds(kb, triage, f->id);
        const char *what =
            said ? ""
                 : rh_disposition_text(today ? RH_DISP_URGENT
                                             : (enum rh_disposition)(in_force > (int)f->urgency
                                                                         ? in_force
                                                                         : (int)f->urgency));
        said = true;
        /* a hold flag is pain above the assessment's worst; the same flag raised
           by the note's own words ("worse every day") is a warning sign */
        const char *ans = strstr(f->why, " (answers: ");
        /* session 10 (branch diary11), review 10 #6: "above the worst you
         * reported" only when the answers that fired it show pain now above
         * the worst (a limp with a worst of 7/10 fires the flag too) */
        if (entry_holds(kb, triage, f->id) && ans && !pain_above_worst(ans)) {
            /* held by another of its triggers (the sign "worsening" ticked,
             * severe pain that crept up within two weeks): its own reason,
             * never "above your worst" when the pain is not */
            hold = true;
            /* review 10 #8: headed by what was seen ("A new limp"), with
             * the words that raised it */
            char words[RH_ASSESS_FLAG_WHY_LEN], title[300];
            rh_triage_flag_words(f, words, sizeof words);
            rh_triage_flag_title(f, title, sizeof title);
            char held[RH_ASSESS_FLAG_WHY_LEN + 400];
            why_text(held, sizeof held, "flag_held", "words", words, "lifts", held_lifts(kb, st),
                     NULL);
            add_why(why, sizeof why, "%s%s%s", held, *what ? " " : "", what);
            cause(res, "%s", title);
        } else if (entry_holds(kb, triage, f->id)) {
            hold = true;
            char held[700];
            why_text(held, sizeof held, "above_worst", "flag", f->name, "lifts",
                     held_lifts(kb, st), NULL);
            add_why(why, sizeof why, "%s%s%s", held, *what ? " " : "", what);
            why_text(held, sizeof held, "above_worst_cause", "flag", f->name, NULL);
            cause(res, "%s", held);
        } else {
            /* what red flags mean for running: said once, with the first;
               a sign the note raised in the runner's own words */
            bool first = !res->red_flag && !physio_flags;
            char sign[RH_ASSESS_FLAG_WHY_LEN + 64];
            rh_triage_flag_sign(f, sign, sizeof sign);
            /* two flags the same words raised (a numb inner thigh: the
             * saddle area and a numb leg) are said once (session 27) */
            if (first || !strstr(why, sign))
                add_why(why, sizeof why, "%s%s%s%s%s", sign, *what ? " " : "", what,
                        first ? " " : "", first ? rh__plan_word("no_running_seen") : "");
            res->red_flag = true;
            res->flag_physio = physio_flags;
        }
    }
    /* a note that tells of a new acute injury (data/plan_rules.txt [pain]
     * acute_events): held and seen, whatever the pain score says; a red flag
     * of the same entry already said more */
    if (triage && triage->note.onset_event >= 0 && !res->red_flag) {
        const char *ev = rh_intake_word(RH_INTAKE_LIST_ONSET_EVENT, triage->note.onset_event);
        const char *events = rh_plan_kb_get(kb, "pain", "acute_events");
        if (ev && events && rh__word_in(events, ev)) {
            see = hold = acute = true;
            const char *t = rh_plan_kb_get(kb, "text", "acute_injury");
            add_why(why, sizeof why, "%s", t);
            /* its first clause: "Your note tells of a pop ...: that is ..." */
            const char *c = t ? strstr(t, ": ") : NULL;
            if (c)
                cause(res, "%.*s", (int)(c - t), t);
        }
    }
    /* one value a day (its latest entry): three taps in one day are not
     * three days of rising pain (review 7, A6) */
    int daily[16], nd = 0;
    int32_t dday[16];
    for (size_t i = n; i > 0 && nd < k && nd < 16; i--)
        if (nd == 0 || entries[i - 1].day != entries[i].day) {
            dday[nd] = entries[i - 1].day;
            daily[nd++] = entries[i - 1].pain;
        }
    bool rising = k >= 2 && nd == k;
    for (int i = 0; rising && i + 1 < nd; i++)
        rising = daily[i] > daily[i + 1]; /* newest first */
    /* every reason that stops runs, named one by one (review 8, 16) */
    char reasons[700] = "";
    if (rising) {
        see = hold = true;
        char list[200] = "", kk[8];
        for (int i = nd; i > 0; i--) {
            char d[11], np[8], day[64];
            rh_date_format(dday[i - 1], d);
            rh__fmt(np, sizeof np, "%d", daily[i - 1]);
            why_text(day, sizeof day, "rising_day", "pain", np, "date", d, NULL);
            rh_str_appendf(list, sizeof list, "%s%s", i == nd ? "" : ", ", day);
        }
        rh__fmt(kk, sizeof kk, "%d", k);
        char c[300];
        tfill(kb, "why_rising", c, sizeof c, kk, list, NULL);
        reason(reasons, sizeof reasons, c);
        cause(res, "%s", c);
    }
    /* settled: by the next morning the pain is back to its level before the
     * activity (the entry's pain now), not only below the pain during it
     * [Silbernagel07, PainMonitor] (review 8, 11) */
    bool settled_known = e->next_morning >= 0;
    int base = e->pain >= 0 ? e->pain : act;
    int worse_than = act > base ? act : base;
    bool worse = settled_known && res->is_activity && e->next_morning > worse_than;
    bool not_back = settled_known && res->is_activity && !worse && e->next_morning > base;
    bool settled = !worse && !not_back;
    char na[8], nb[8], nm[8];
    rh__fmt(na, sizeof na, "%d", act);
    rh__fmt(nb, sizeof nb, "%d", acc);
    rh__fmt(nm, sizeof nm, "%d", e->next_morning);
    if (res->is_activity && act >= stop_at) {
        hold = true;
        char c[200];
        tfill(kb, "why_severe", c, sizeof c, na, NULL);
        reason(reasons, sizeof reasons, c);
        cause(res, "%s", c);
    } else if (res->is_activity && act > acc && (hold || see)) {
        char c[200];
        /* plain29: "above the 0/10 limit" said no reason for a limit of 0 */
        if (pain_free)
            tfill(kb, "why_above_pain_free", c, sizeof c, na, NULL);
        else
            tfill(kb, "why_above", c, sizeof c, na, nb, NULL);
        reason(reasons, sizeof reasons, c);
    }
    bool limp = triage && res->is_activity &&
                (triage->signs & RH_BIT(RH_SIGN_LIMP)) != 0 && !res->red_flag;
    if (limp) {
        see = hold = true;
        char c[200];
        tfill(kb, "why_limp", c, sizeof c, NULL);
        reason(reasons, sizeof reasons, c);
        cause(res, "%s", c);
    }
    /* severe pain the next morning (data/plan_rules.txt [pain]
     * see_morning_at): a flare no change of load explains, seen by someone
     * within the time frame of see_morning_level (review 8, 21) */
    int see_morning = (int)rh__kb_num(kb, "pain", "see_morning_at", 7);
    bool flare = settled_known && res->is_activity && !res->red_flag &&
                 e->next_morning >= see_morning && e->next_morning > base;
    if (worse) {
        hold = true;
        char c[200];
        tfill(kb, "why_worse_morning", c, sizeof c, nm, na, NULL);
        reason(reasons, sizeof reasons, c);
        cause(res, "%s", c);
    } else if (not_back && (hold || see)) {
        char c[200], nbase[8];
        rh__fmt(nbase, sizeof nbase, "%d", base);
        tfill(kb, "why_not_back", c, sizeof c, nm, nbase, NULL);
        reason(reasons, sizeof reasons, c);
    }
    if (flare) {
        see = hold = true;
        char c[200], ns[8];
        rh__fmt(ns, sizeof ns, "%d", see_morning);
        tfill(kb, "why_severe_morning", c, sizeof c, nm, ns, NULL);
        reason(reasons, sizeof reasons, c);
        cause(res, "%s", c);
    }
    if (see && !said && !acute) {
        /* the pain rule's own "see someone": its level from the data, its
         * time frame from the one table (data/wording.txt [disposition]) */
        enum rh_disposition lv = RH_DISP_SEE_PHYSIO;
        const char *lk = rh_plan_kb_get(kb, "pain", flare ? "see_morning_level" : "see_level");
        if (lk && rh_disposition_parse(lk, &lv))
            lv = RH_DISP_SEE_PHYSIO; /* checked when the rules are loaded */
        res->see_level = (int)lv;
    }
    if (*reasons) {
        char t[900];
        tfill(kb, see ? "judge_stop_see" : "judge_stop_hold", t, sizeof t, reasons, NULL);
        add_why(why, sizeof why, "%s", t);
        if (res->see_level >= 0) {
            char lv[48];
            rh__fmt(lv, sizeof lv, "%s.short",
                    rh_disposition_name((enum rh_disposition)res->see_level));
            const char *w = rh_words("disposition", lv);
            tfill(kb, "judge_see", t, sizeof t, w ? w : "", NULL);
            add_why(why, sizeof why, "%s", t);
        }
        /* session 22 (branch diary26b): under a stop the pain rule does not
         * lift, running comes back with what lifts it, not with the first
         * entry within the pain rule */
        bool own_pelvic = false;
        enum rh_hold_kind held = held_not_by_pain(st, triage, res, &own_pelvic);
        if (!res->red_flag && held != RH_HOLD_BLOCK && held != RH_HOLD_DIAGNOSED &&
            held != RH_HOLD_PELVIC) {
            add_why(why, sizeof why, "%s", rh_plan_kb_get(kb, "text", "judge_way_out"));
        } else if (!res->red_flag) {
            tfill(kb, "judge_way_out_held", t, sizeof t,
                  rh_plan_hold_kind_text(kb, held, "text", "hold_lifts"), NULL);
            add_why(why, sizeof why, "%s", t);
        }
    }
    double sum_now = 0, sum_prev = 0;
    int c_now = 0, c_prev = 0;
    for (size_t i = 0; i < n; i++) {
        if (entries[i].next_morning < 0)
            continue;
        int age = e->day - entries[i].day;
        if (age >= 0 && age < 7)
            sum_now += entries[i].next_morning, c_now++;
        else if (age >= 7 && age < 14)
            sum_prev += entries[i].next_morning, c_prev++;
    }
    bool week_rise = c_now && c_prev && sum_now / c_now - sum_prev / c_prev >= rise;
    /* runner23b: the week's rise steps back only when this entry's own next
     * morning is part of it (its own next-morning pain above the week
     * before's by morning_rise or more): the pain rule judges the entry
     * (Silbernagel07), and the earlier entry that raised the week was judged
     * when it was logged. A better day (1/10 during, "swim felt good") whose
     * week still held an earlier bad morning read "too much: step back", a
     * second step back for the same bad day; the week's trend is said apart
     * ([plan_why] week_trend), without stepping back. */
    bool week_trend = false;
    if (week_rise && !(e->next_morning >= 0 && e->next_morning - sum_prev / c_prev >= rise)) {
        week_rise = false;
        week_trend = true;
    }
    char pf[200] = "";
    if (pain_free)
        rh__fmt(pf, sizeof pf, " %s", YW("bone_pain_free"));
    /* session 22 (runner22): no plan yet, no plan to step back in */
    const char *back = YW(st ? "back_plan" : "back_no_plan");
    if (see) {
        res->verdict = RH_PAIN_SEE;
    } else if (hold) {
        res->verdict = RH_PAIN_STEP_BACK;
    } else if (res->is_activity && (act > acc || week_rise || not_back)) {
        res->verdict = RH_PAIN_STEP_BACK;
        if (act > acc) {
            char t[600];
            why_text(t, sizeof t, "above_acceptable", "pain", na, "limit", nb, "bone", pf,
                     "back", back, NULL);
            add_why(why, sizeof why, "%s", t);
        }
        if (not_back && act <= acc) {
            char t[300], nbase[8];
            rh__fmt(nbase, sizeof nbase, "%d", base);
            tfill(kb, "judge_not_back", t, sizeof t, nm, nbase, NULL);
            add_why(why, sizeof why, "%s", t);
        }
        if (week_rise) {
            char t[600], now[32], prev[32];
            rh__fmt(now, sizeof now, "%.1f", sum_now / c_now);
            rh__fmt(prev, sizeof prev, "%.1f", sum_prev / c_prev);
            why_text(t, sizeof t, "week_rising", "now", now, "before", prev, "back", back, NULL);
            add_why(why, sizeof why, "%s", t);
        }
    } else if (!res->is_activity && pain_free && weight_bearing_pain(triage)) {
        /* session 10 (branch diary11), review 10 #15 */
        res->verdict = RH_PAIN_STEP_BACK;
        char t[500];
        tfill(kb, "judge_bone_weight", t, sizeof t, NULL);
        add_why(why, sizeof why, "%s", t);
    } else if (!res->is_activity) {
        if (e->pain > acc && acc > 0) {
            res->verdict = RH_PAIN_STEP_BACK;
            char t[400], np[8];
            rh__fmt(np, sizeof np, "%d", e->pain);
            why_text(t, sizeof t, "rest_above", "pain", np, "limit", nb, "back", back, NULL);
            add_why(why, sizeof why, "%s", t);
        } else {
            res->verdict = RH_PAIN_STAY;
            char t[300], np[8];
            rh__fmt(np, sizeof np, "%d", e->pain);
            tfill(kb, st ? "judge_rest_noted" : "judge_rest_noted_no_plan", t, sizeof t, np, NULL);
            add_why(why, sizeof why, "%s", t);
        }
    } else if (act <= safe && settled_known) {
        res->verdict = RH_PAIN_GOOD;
        bool own_pelvic = false;
        enum rh_hold_kind held = held_not_by_pain(st, triage, res, &own_pelvic);
        if (held == RH_HOLD_BLOCK || held == RH_HOLD_DIAGNOSED || held == RH_HOLD_PELVIC) {
            /* session 22 (branch diary26b): settled, but not "the plan can
             * carry on" beside a stop the pain rule does not lift */
            char t[400], ns[80];
            safe_words(ns, sizeof ns, safe, pain_free);
            tfill(kb, "judge_good_held", t, sizeof t, na, ns, nm,
                  rh_plan_hold_kind_text(kb, held, "text", "hold_lifts"), NULL);
            add_why(why, sizeof why, "%s", t);
        } else {
            char t[400], ns[80];
            safe_words(ns, sizeof ns, safe, pain_free);
            why_text(t, sizeof t, "settled_carry_on", "pain", na, "safe", ns, "morning", nm,
                     NULL);
            add_why(why, sizeof why, "%s", t);
        }
    } else {
        res->verdict = RH_PAIN_STAY;
        char t[400];
        /* session 22 (branch diary26b): a stop the pain rule does not lift
         * (a warning sign's, a diagnosed fracture's, a pelvic-floor
         * symptom's, in force or told by this entry's note) is not "keep
         * going in this phase" beside no running: the pain is within the
         * rule, and running waits for what lifts that stop ([text]
         * hold_lifts); a pelvic-floor note's own sentence follows below */
        bool own_pelvic = false;
        enum rh_hold_kind held = held_not_by_pain(st, triage, res, &own_pelvic);
        if (own_pelvic && held != RH_HOLD_BLOCK && held != RH_HOLD_DIAGNOSED)
            tfill(kb, "judge_stay_held_own", t, sizeof t, na, nb, NULL);
        else if (held == RH_HOLD_BLOCK || held == RH_HOLD_DIAGNOSED || held == RH_HOLD_PELVIC)
            tfill(kb, "judge_stay_held", t, sizeof t, na, nb,
                  rh_plan_hold_kind_text(kb, held, "text", "hold_lifts"), NULL);
        else if (!settled_known)
            tfill(kb, "judge_stay_unknown", t, sizeof t, na, nb, NULL);
        else
            tfill(kb, "judge_stay_settled", t, sizeof t, na, nb, nm, NULL);
        add_why(why, sizeof why, "%s", t);
        /* what moving on needs (review 8, 20): the phase's exit, or the
         * walk-run ladder's stage */
        if (st && st->phase != RH_PHASE_FULL) {
            char sec[32], ns[8], ng[8];
            rh__fmt(sec, sizeof sec, "phase.%s", rh_phase_id(st->phase));
            bool ladder = st->phase == RH_PHASE_RETURN && st->test_needed && st->test_passed;
            int good = ladder ? (int)rh__kb_num(kb, "ladder", "repeats", 2)
                              : (int)rh__kb_num(kb, sec, "exit_good", 2);
            rh__fmt(ns, sizeof ns, "%d", safe);
            rh__fmt(ng, sizeof ng, "%d", good);
            if (good > 0) {
                tfill(kb, ladder ? "judge_move_on_ladder" : "judge_move_on", t, sizeof t, ns, ng,
                      NULL);
                add_why(why, sizeof why, "%s", t);
            }
        }
    }
    if (week_trend && res->is_activity && !see && !hold) { /* runner23b */
        char t[600], now[32], prev[32];
        rh__fmt(now, sizeof now, "%.1f", sum_now / c_now);
        rh__fmt(prev, sizeof prev, "%.1f", sum_prev / c_prev);
        why_text(t, sizeof t, "week_trend", "now", now, "before", prev, NULL);
        add_why(why, sizeof why, "%s", t);
    }
    /* review 11 #5 #6 (session 12, branch loop12): leaking urine on a run
     * or since a birth, heaviness or dragging (a pelvic-floor reading of the
     * note): no running until a pelvic-health physiotherapist has checked
     * the pelvic floor (Goom19; NICE-NG210), whatever the pain; a recorded
     * visit lifts it (rh_plan_visit), a settled entry does not */
    bool pelvic = false;
    if (pelvic_note(triage) && !res->red_flag) {
        pelvic = hold = true;
        res->pelvic_hold = true;
        if (res->verdict < RH_PAIN_STEP_BACK)
            res->verdict = RH_PAIN_STEP_BACK;
        cause(res, "%s", rh_plan_kb_get(kb, "text", "pelvic_hold_cause"));
        add_why(why, sizeof why, "%s", rh_plan_kb_get(kb, "text", "pelvic_hold"));
    }
    /* session 21 (branch diary25): a fracture the note says a clinician
     * diagnosed ("avulsion fracture confirmed by the doctor"): their plan
     * holds, no running until they clear it; not "acceptable: keep going" */
    for (int i = 0; triage && !res->red_flag && i < triage->note.n; i++)
        if (!triage->note.f[i].negated && !strcmp(triage->note.f[i].reads, "fracture_diagnosed"))
            res->diagnosed = true;
    /* session 22 (branch diary26): and the plan follows it, as a recorded
     * visit's "no running" would: a hold whose cause is the diagnosis,
     * lifted by the visit recorded (rh_plan_visit, rh_plan_clear), not by
     * a settled entry (Rossi01; Schuett15: no running until the fracture
     * has healed and the clinician clears it) */
    if (res->diagnosed) {
        hold = true;
        cause(res, "%s", rh_plan_kb_get(kb, "text", "diagnosed_hold_cause"));
    }
    res->hold = hold;
    res->settles = !see && !hold && !res->red_flag && !res->diagnosed && settled &&
                   entry_max(e) <= (acc > 0 ? acc : 0) && (!res->is_activity || settled_known);
    /* the time rule's physiotherapist is not said when the entry already
     * sends the runner to someone (a red flag, rising pain, a new injury),
     * nor while a warning sign in force stops running until a professional
     * has seen it (runner19: "see a doctor within a few days" for a
     * suspected stress fracture, then "see a physiotherapist within 1-2
     * weeks" at the next entry, a later and lesser booking beside it) */
    /* session 32 (run32): nor while a warning sign of a doctor's level whose
     * running goes on waits for that doctor (the notice and the booking say
     * "within the next few days": no physiotherapist "within 1-2 weeks") */
    bool doctor_waits = st && !st->cleared && st->see_someone &&
                        (*st->red_flags || *st->diary_flags) &&
                        rh_plan_urgency(st) >= (int)RH_DISP_SEE_DOCTOR_SOON;
    if (!see && !res->red_flag && !(st && st->blocked) && !doctor_waits)
        physio_rule(kb, st, entries, n,
                    pelvic || (st && (st->pelvic_hold || st->care_pelvic) && !st->blocked &&
                               !res->red_flag),
                    res); /* care_pelvic: the assessment's one booking (runner22b) */
    /* session 17 (branch diaryword): a warning sign of a physiotherapist's
     * level: what running does until the visit, and what makes it urgent */
    if (res->flag_physio && !see && !hold)
        rh__physio_running(kb, st, running_key(kb, triage), res->physio, sizeof res->physio);
    else
        res->flag_physio = false;
    copy(res->why, sizeof res->why, why);
    return 0;
}

void rh_plan_judge_held(const struct rh_plan_kb *kb, const struct rh_plan_state *held,
                        const struct rh_pain_entry *e, struct rh_pain_result *res)
{
    enum rh_hold_kind k = rh_plan_hold_kind(held);
    if (res->red_flag || (k != RH_HOLD_DIAGNOSED && k != RH_HOLD_PELVIC))
        return;
    if (k == RH_HOLD_DIAGNOSED)
        res->diagnosed = true;
    else
        res->pelvic_hold = true;
    if (!e || res->verdict > RH_PAIN_STAY || res->hold || !res->is_activity)
        return;
    bool pain_free = held->bone_stress;
    int acc = pain_free ? 0 : (int)rh__kb_num(kb, "pain", "acceptable_max", 5);
    int safe = pain_free ? 0 : (int)rh__kb_num(kb, "pain", "safe_max", 2);
    char na[8], nb[24], nm[8], t[400];
    const char *lifts = rh_plan_hold_kind_text(kb, k, "text", "hold_lifts");
    rh__fmt(na, sizeof na, "%d", e->during_run);
    rh__fmt(nm, sizeof nm, "%d", e->next_morning);
    if (res->verdict == RH_PAIN_GOOD) {
        safe_words(nb, sizeof nb, safe, pain_free);
        tfill(kb, "judge_good_held", t, sizeof t, na, nb, nm, lifts, NULL);
    } else {
        rh__fmt(nb, sizeof nb, "%d", acc);
        tfill(kb, "judge_stay_held", t, sizeof t, na, nb, lifts, NULL);
    }
    copy(res->why, sizeof res->why, t);
}

/* session 10 (branch diary11), review 10 #7: the note says a fever has gone
 * ("fever gone with antibiotics", "no fever now"), and tells of none. */
static bool fever_gone(const struct rh_triage *t)
{
    if (!t || (t->signs & RH_BIT(RH_SIGN_FEVER)))
        return false;
    for (int i = 0; i < t->note.n; i++)
        if (t->note.f[i].negated && strstr(t->note.f[i].sets, "signs:fever"))
            return true;
    return false;
}

/* A fever that has gone (on treatment or by itself) ends the same-day advice
 * the fever gave: the fever's diary flag stays, a doctor within days, as a
 * doctor would still examine a hip that hurt with a fever (SepticHip); the
 * diary's urgency is then its other flags' (when each has its mark). */
static void fever_settled(struct rh_plan_state *st)
{
    int u;
    int32_t f, l;
    const char *id = "fever_hot_joint";
    if (!rh__word_in(st->diary_flags, id) ||
        !rh__diary_mark_get(st->diary_marks, id, &u, &f, &l) || u <= (int)RH_DISP_SEE_DOCTOR_SOON)
        return;
    int top = (int)RH_DISP_SEE_DOCTOR_SOON;
    char w[RH__WORD_MAX];
    for (const char *at = st->diary_flags; rh__word_next(&at, w, sizeof w);) {
        int wu;
        int32_t wf, wl;
        if (strcmp(w, id) == 0)
            continue;
        if (!rh__diary_mark_get(st->diary_marks, w, &wu, &wf, &wl))
            return; /* a flag without its mark: its urgency is not known */
        if (wu > top)
            top = wu;
    }
    size_t len;
    char *p = (char *)mark_find(st->diary_marks, id, &len);
    if (!p)
        return;
    if (p[len] == ' ')
        len++;
    else if (p > st->diary_marks)
        p--, len++;
    memmove(p, p + len, strlen(p + len) + 1);
    size_t at = strlen(st->diary_marks);
    snprintf(st->diary_marks + at, sizeof st->diary_marks - at, "%s%s:%d:%ld:%ld", at ? " " : "",
             id, (int)RH_DISP_SEE_DOCTOR_SOON, (long)f, (long)l);
    if (st->diary_urgency > top) {
        st->diary_urgency = top;
        const char *urgent = rh_disposition_text(RH_DISP_URGENT);
        if (urgent && strstr(st->see_why, urgent))
            rh__copy_sentences(st->see_why, sizeof st->see_why,
                               rh_disposition_text((enum rh_disposition)top));
    }
}

int rh_plan_move(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                 const struct rh_pain_entry *entries, size_t n, const struct rh_triage *triage,
                 int strength_sessions, struct rh_pain_result *res, struct rh_err *err)
{
    if (n == 0)
        return rh_err_set(err, RH_EINVAL, "no diary entry to judge");
    const struct rh_pain_entry *e = &entries[n - 1];
    char why[1000];
    copy(why, sizeof why, res->why);
    res->from = st->phase;
    res->ladder_from = st->ladder_step;
    int32_t day = e->day;
    char date[11];
    rh_date_format(day, date);
    char sec[32];
    rh__fmt(sec, sizeof sec, "phase.%s", rh_phase_id(st->phase));
    int exit_good = (int)rh__kb_num(kb, sec, "exit_good", 2);
    int exit_pain = st->bone_stress ? 0 : (int)rh__kb_num(kb, sec, "exit_max_pain", 2);
    int exit_str = (int)rh__kb_num(kb, sec, "exit_strength", 0);
    int repeats = (int)rh__kb_num(kb, "ladder", "repeats", 2);
    bool is_run = res->is_activity;
    int act = res->activity_pain;
    bool settled_known = e->next_morning >= 0;
    /* back to its level before the activity by the next morning (as
     * rh_plan_judge says it) */
    int base = e->pain >= 0 ? e->pain : act;
    bool settled = !settled_known || !is_run || e->next_morning <= base;

    /* review9 #6: the urgency of the diary's block before this entry: a
     * less urgent new sign does not take the place of its reason */
    if (fever_gone(triage))
        fever_settled(st);
    int prev_urg = st->blocked && !st->cleared && *st->diary_flags && *st->block_reason
                       ? st->diary_urgency : -1;
    /* red flags: blocked until cleared; pain flags and pain rules: held */
    for (int i = 0; triage && i < triage->n_flags; i++) {
        const char *id = triage->flags[i].id;
        if (entry_holds(kb, triage, id)) {
            if (!rh__word_in(st->hold_flags, id))
                rh_str_appendf(st->hold_flags, sizeof st->hold_flags, "%s%s",
                               *st->hold_flags ? " " : "", id);
            if ((int)triage->flags[i].urgency > st->hold_urgency)
                st->hold_urgency = (int)triage->flags[i].urgency;
            rh__title_put(st->diary_titles, sizeof st->diary_titles, &triage->flags[i]);
            continue;
        }
        /* session 32 (run32): the running it came with, kept with it */
        rh__plan_diary_running_add(st, id, (int)triage->flags[i].running);
        if (!rh__word_in(st->diary_flags, id)) {
            size_t len = strlen(st->diary_flags);
            rh__fmt(st->diary_flags + len, sizeof st->diary_flags - len, "%s%s", len ? " " : "", id);
        }
        rh__said_put(st->diary_said, sizeof st->diary_said, &triage->flags[i], day);
        rh__title_put(st->diary_titles, sizeof st->diary_titles, &triage->flags[i]);
        if ((int)triage->flags[i].urgency > st->diary_urgency)
            st->diary_urgency = (int)triage->flags[i].urgency;
        diary_mark(st, id, (int)triage->flags[i].urgency, day);
        flag_log_raise(st, id, (int)triage->flags[i].urgency, day);
        if (strcmp(id, "stress_fracture_signs") == 0)
            st->bone_stress = true;
        if (triage->flags[i].running == RH_RUNNING_STOP)
            st->rest_leg = true;
    }
    /* session 21 (branch diary25): a note with no warning sign of its own
     * that tells a clinician has now seen it ([fact.clinician_seen]: "went
     * to a&e, docs said not infected"), while the diary's block is in
     * force: the visit is made, what they decided is still to be recorded */
    if (triage && triage->n_flags == 0 && st->blocked && !st->cleared && *st->diary_flags &&
        day >= st->diary_day)
        for (int i = 0; i < triage->note.n; i++)
            if (!triage->note.f[i].negated && strstr(triage->note.f[i].sets, "note:clinician_seen")) {
                st->seen_told_day = day;
                rh__fmt(st->seen_told, sizeof st->seen_told, "%s", triage->note.f[i].words);
                break;
            }
    if (res->red_flag && res->flag_physio) {
        /* session 17 (branch diaryword): a physiotherapist's level: the signs
         * stay in force (the notice lists them, the report names them) until
         * a visit is recorded; running goes on within the pain rule */
        see_physio(kb, st, triage);
    } else if (res->red_flag) {
        st->good_streak = 0;
        st->see_someone = true;
        rh__copy_sentences(st->see_why, sizeof st->see_why, why);
        st->blocked = true;
        st->cleared = false;
        /* each named by what the runner wrote, never by the rule title's
         * other items (an adult hit by a car is not "a sudden injury in a
         * teenager", review 7b N6) */
        char names[480] = "";
        int nn = 0, top = -1;
        /* review9 #6: the most urgent first */
        for (int u = (int)RH_DISP_URGENT; u >= 0; u--)
            for (int i = 0; triage && i < triage->n_flags; i++)
                if (!entry_holds(kb, triage, triage->flags[i].id) &&
                    (int)triage->flags[i].urgency == u) {
                    char title[300]; /* review 9 #5: what was seen, and the words */
                    rh_triage_flag_words(&triage->flags[i], title, sizeof title);
                    rh_str_appendf(names, sizeof names, "%s%s", *names ? "; " : "", title);
                    nn++;
                    if (u > top)
                        top = u;
                }
        char reason[600];
        rh__fmt(reason, sizeof reason, MW("diary_signs"), date,
                nn == 1 ? MW("a_sign") : MW("signs"), names);
        /* the reason of the block stays the most urgent sign's (the report's
         * plan box and the calendar say it): a newer, less urgent one does
         * not replace it (review9 #6) */
        if (top >= prev_urg)
            rh__copy_sentences(st->block_reason, sizeof st->block_reason, reason);
        runs_off(st);
        if (st->phase >= RH_PHASE_RETURN) {
            enum rh_phase from = st->phase;
            st->phase = RH_PHASE_STRENGTH;
            st->phase_day = day;
            st->ladder_step = 0;
            st->ladder_done = 0;
            st->test_passed = false;
            add_move(st, day, from, st->phase, MW("diary_sign_stop"));
        }
    }
    /* session 22 (branch diary26b): a hold the pain rule does not lift (a
     * diagnosed fracture's, a pelvic-floor symptom's) keeps its reason and
     * day when a later entry's pain rule holds too: the notice's heading
     * and its reason say the one hold that lifts last, not the fracture's
     * heading over "pain during activity was 8/10" */
    bool keep_reason = res->hold && st->hold && !res->diagnosed &&
                       (st->diagnosed_hold || (st->pelvic_hold && !pelvic_note(triage)));
    if (res->hold && pelvic_note(triage))
        st->pelvic_hold = true;
    if (res->hold && res->diagnosed)
        st->diagnosed_hold = true;
    if (res->hold) {
        bool was = st->hold;
        st->hold = true;
        if (!keep_reason)
            st->hold_day = day;
        st->hold_kept = false; /* this entry's own hold */
        if (st->hold_urgency < (int)RH_DISP_SEE_PHYSIO)
            st->hold_urgency = (int)RH_DISP_SEE_PHYSIO;
        st->good_streak = 0;
        /* a hold always has its cause; a red flag of the same entry says its own */
        assert(*res->hold_cause || res->red_flag);
        if (!keep_reason)
            hold_sentence(st->hold_reason, sizeof st->hold_reason, day,
                          *res->hold_cause ? res->hold_cause : MW("hold_sign"));
        if (res->verdict == RH_PAIN_SEE) {
            st->see_someone = true;
            rh__copy_sentences(st->see_why, sizeof st->see_why, why);
        }
        if (st->phase == RH_PHASE_RETURN && st->test_needed && !st->test_passed && is_run) {
            res->test_judged = true;
            res->test_passed = false;
        }
        if (!res->red_flag)
            step_back(kb, st, day,
                      res->diagnosed ? MW("diagnosed")
                      /* session 22 (branch diary26b): a pelvic-floor hold is
                       * not the pain rule's (the report's phase changes) */
                      : res->pelvic_hold ? MW("pelvic_hold")
                      : was              ? MW("not_settled")
                                         : MW("pain_rule_hold"));
        goto done;
    }
    if (st->hold && res->settles && !st->pelvic_hold && !st->diagnosed_hold) {
        st->hold = false;
        st->hold_reason[0] = '\0';
        st->hold_day = 0;
        st->hold_kept = false;
        st->hold_urgency = -1;
        st->hold_flags[0] = '\0'; /* the pain flags end with the hold */
        add_move(st, day, st->phase, st->phase, MW("settled"));
        add_why(why, sizeof why, "%s", YW("settled_back"));
    }
    switch (res->verdict) {
    case RH_PAIN_SEE:
        break;
    case RH_PAIN_STEP_BACK:
        st->good_streak = 0;
        if (st->phase == RH_PHASE_RETURN && st->test_needed && !st->test_passed && is_run) {
            res->test_judged = true;
            res->test_passed = false;
            add_why(why, sizeof why, "%s", YW("test_failed_back"));
        }
        {
            /* runner23: a step back in the first phase stops its runs, and
             * the entry says so (it said "step back in the plan", then
             * "Plan: stays in phase 'Calm it down'", and nothing of running) */
            bool ran = st->run_mode != RH_RUN_OFF && st->phase == RH_PHASE_CALM;
            step_back(kb, st, day, MW("pain_rule_back"));
            if (ran && st->run_mode == RH_RUN_OFF)
                add_why(why, sizeof why, "%s", rh_plan_kb_get(kb, "text", "runs_stop_first"));
        }
        break;
    case RH_PAIN_STAY:
    case RH_PAIN_GOOD:
        if (!is_run) /* a pain-now entry never moves the plan on */
            break;
        if (st->phase == RH_PHASE_RETURN && st->test_needed && !st->test_passed) {
            if (!settled_known) {
                add_why(why, sizeof why, "%s", YW("test_to_do"));
                break;
            }
            res->test_judged = true;
            int pd = (int)rh__kb_num(kb, "test", "pass_during_max", 3);
            int pm = (int)rh__kb_num(kb, "test", "pass_morning_max", 2);
            if (st->bone_stress)
                pd = pm = 0;
            res->test_passed = act <= pd && e->next_morning <= pm && settled;
            if (res->test_passed) {
                st->good_day = day;
                st->test_passed = true;
                st->ladder_step = 1;
                st->ladder_done = 0;
                add_move(st, day, st->phase, st->phase, MW("test_passed"));
                add_why(why, sizeof why, "%s", YW("test_passed"));
            } else {
                char t[500], sa[8], sd[8], sm[8], sp[8];
                rh__fmt(sa, sizeof sa, "%d", act);
                rh__fmt(sd, sizeof sd, "%d", pd);
                rh__fmt(sm, sizeof sm, "%d", e->next_morning);
                rh__fmt(sp, sizeof sp, "%d", pm);
                why_text(t, sizeof t, "test_not_passed", "during", sa, "during_max", sd,
                         "morning", sm, "morning_max", sp, NULL);
                add_why(why, sizeof why, "%s", t);
                st->good_streak = 0;
                step_back(kb, st, day, MW("test_failed"));
            }
            break;
        }
        if (res->verdict == RH_PAIN_STAY) {
            if (settled_known) /* still waiting for the next morning: not judged yet */
                st->good_streak = 0;
            break;
        }
        /* one day counts once: a second good entry of the same day (a double
         * tap, a reloaded form) updates that day, it is not another day */
        if (st->good_day > 0 && day <= st->good_day && st->phase != RH_PHASE_FULL) {
            add_why(why, sizeof why, "%s", rh_plan_kb_get(kb, "text", "same_day"));
            break;
        }
        if (st->phase != RH_PHASE_FULL)
            st->good_day = day;
        if (st->phase == RH_PHASE_RETURN && st->test_needed) {
            st->ladder_done++;
            if (st->ladder_done < repeats)
                break;
            if (st->ladder_step < kb->n_ladder) {
                st->ladder_step++;
                st->ladder_done = 0;
                char w[96];
                rh__fmt(w, sizeof w, MW("ladder_stage"), st->ladder_step - 1, repeats,
                        rh_plural_s(repeats));
                add_move(st, day, st->phase, st->phase, w);
            } else {
                advance(st, day, MW("ladder_done"));
            }
            break;
        }
        if (st->phase == RH_PHASE_FULL)
            break;
        st->good_streak++;
        if (st->good_streak < exit_good || e->pain > exit_pain || strength_sessions < exit_str) {
            if (st->good_streak >= exit_good && strength_sessions < exit_str) {
                char t[300], sn[12];
                rh__fmt(sn, sizeof sn, "%d", exit_str - strength_sessions);
                why_text(t, sizeof t, "strength_more", "n", sn, NULL);
                add_why(why, sizeof why, "%s", t);
            }
            break;
        }
        if (st->phase + 1 == RH_PHASE_RETURN && rh_plan_no_running(st)) {
            char t[500];
            why_text(t, sizeof t, "running_waits", "lifts",
                     rh_plan_hold_text(kb, st, "text", "hold_lifts"), NULL);
            add_why(why, sizeof why, "%s", t);
            break;
        }
        {
            char w[160];
            rh__fmt(w, sizeof w, MW("good_entries"), st->good_streak, e->pain);
            advance(st, day, w);
        }
        break;
    }
done:
    res->to = st->phase;
    res->ladder_to = st->ladder_step;
    res->moved = res->to != res->from || res->ladder_to != res->ladder_from;
    copy(res->why, sizeof res->why, why);
    return 0;
}

/* The weekly check-in moves the plan too ([checkin] of data/plan_rules.txt):
 * red flags from its note or signs block running as a diary entry's do; a
 * substantial problem of step_back_at or more steps back one stage, a smaller
 * substantial problem holds the phase (the good streak starts again); no
 * problem at all while running is stopped asks about a clearance rather than
 * contradicting the block. */
int rh_plan_on_checkin(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                       const struct rh_checkin *ck, const struct rh_triage *triage, char *why,
                       size_t cap, bool *moved)
{
    size_t flags_len;
    return rh__plan_on_checkin(kb, st, ck, triage, why, cap, moved, &flags_len);
}

int rh__plan_on_checkin(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                        const struct rh_checkin *ck, const struct rh_triage *triage, char *why,
                        size_t cap, bool *moved, size_t *flags_len)
{
    *moved = false;
    *flags_len = 0;
    why[0] = '\0';
    enum rh_phase from = st->phase;
    int ladder = st->ladder_step;
    char date[11], sev[12];
    rh_date_format(ck->day, date);
    rh__fmt(sev, sizeof sev, "%d", ck->severity);
    char names[480] = "";
    int top = 0;
    /* review9 #6: a less urgent sign does not replace the block's reason */
    int prev_urg = st->blocked && !st->cleared && *st->diary_flags && *st->block_reason
                       ? st->diary_urgency : -1;
    for (int i = 0; triage && i < triage->n_flags; i++)
        if ((int)triage->flags[i].urgency > top)
            top = (int)triage->flags[i].urgency;
    /* session 17 (branch diaryword2): as a diary entry's (rh_plan_judge):
     * signs that all stand below [pain] flag_stop_level (a physiotherapist's
     * level) in a plan that runs stop no running: the physiotherapist is
     * booked and running goes on within the pain rule ([text]
     * flag_physio_running); a sign that needs a doctor stops running */
    bool physio = !(st->blocked && !st->cleared) && flags_below_stop(kb, triage, false);
    /* session 19: the care said is the most urgent in force while running
     * is stopped, never a lesser booking beside it (as rh_plan_judge) */
    int care = top;
    if (st->blocked && !st->cleared && rh_plan_urgency(st) > care)
        care = rh_plan_urgency(st);
    for (int i = 0; triage && i < triage->n_flags; i++) {
        const struct rh_triage_flag *f = &triage->flags[i];
        rh__plan_diary_running_add(st, f->id, (int)f->running); /* session 32 (run32) */
        if (!rh__word_in(st->diary_flags, f->id))
            rh_str_appendf(st->diary_flags, sizeof st->diary_flags, "%s%s",
                           *st->diary_flags ? " " : "", f->id);
        rh__said_put(st->diary_said, sizeof st->diary_said, f, ck->day);
        rh__title_put(st->diary_titles, sizeof st->diary_titles, f);
        if ((int)f->urgency > st->diary_urgency)
            st->diary_urgency = (int)f->urgency;
        diary_mark(st, f->id, (int)f->urgency, ck->day);
        flag_log_raise(st, f->id, (int)f->urgency, ck->day);
        if (strcmp(f->id, "stress_fracture_signs") == 0)
            st->bone_stress = true;
        if (f->running == RH_RUNNING_STOP)
            st->rest_leg = true;
        /* what red flags mean for running, and the most urgent care: said
         * once, with the first (one check-in never gives two answers) */
        bool first = !*names && !physio;
        char sign[RH_ASSESS_FLAG_WHY_LEN + 64];
        rh_triage_flag_sign(f, sign, sizeof sign);
        add_why(why, cap, "%s%s%s%s%s", sign, *names ? "" : " ",
                *names ? "" : rh_disposition_text((enum rh_disposition)care), first ? " " : "",
                first ? rh__plan_word("no_running_seen") : "");
        char title[300];
        rh_triage_flag_title(f, title, sizeof title);
        rh_str_appendf(names, sizeof names, "%s%s", *names ? "; " : "", title);
    }
    /* words19: the warning signs and their care end here: the web's banner
     * of the signs says them, and shows the rest of why after it (what
     * running does meanwhile, what the score does), as the terminal says it */
    *flags_len = strlen(why);
    if (*names && physio) {
        char run[1200];
        rh__physio_running(kb, st, running_key(kb, triage), run, sizeof run);
        add_why(why, cap, "%s", run);
    }
    if (*names && physio) {
        /* the signs stay in force (the notice lists them) until a visit is
         * recorded; the check-in's score still moves the plan below */
        see_physio(kb, st, triage);
    }
    if (*names && !physio) {
        st->blocked = true;
        st->cleared = false;
        st->good_streak = 0;
        st->see_someone = true;
        rh__copy_sentences(st->see_why, sizeof st->see_why, why);
        char reason[600];
        rh__fmt(reason, sizeof reason, MW("checkin_signs"), date,
                strchr(names, ';') ? MW("signs") : MW("a_sign"), names);
        if (top >= prev_urg)
            rh__copy_sentences(st->block_reason, sizeof st->block_reason, reason);
        runs_off(st);
        if (st->phase >= RH_PHASE_RETURN) {
            st->phase = RH_PHASE_STRENGTH;
            st->phase_day = ck->day;
            st->ladder_step = st->ladder_done = 0;
            st->test_passed = false;
            add_move(st, ck->day, from, st->phase, MW("checkin_sign_stop"));
        }
    } else if (ck->substantial && rh_plan_no_running(st)) {
        /* ux11: running already stopped: the score measures the stop, not
         * the hip; no step back (data/plan_rules.txt [checkin]
         * stopped_no_step_back, and its source) */
        char t[900];
        why_text(t, sizeof t, "checkin_stopped", "severity", sev, "reason",
                 rh_plan_kb_get(kb, "checkin", "stopped_no_step_back"), NULL);
        add_why(why, cap, "%s", t);
    } else if (ck->substantial) {
        int back = (int)rh__kb_num(kb, "checkin", "step_back_at", 50);
        st->good_streak = 0;
        int32_t monday = ck->day - rh_weekday(ck->day);
        if (ck->severity >= back && st->checkin_back_week == monday) {
            char t[400];
            why_text(t, sizeof t, "checkin_back_again", "severity", sev, NULL);
            add_why(why, cap, "%s", t);
        } else if (ck->severity >= back) {
            st->checkin_back_week = monday;
            char w[120];
            rh__fmt(w, sizeof w, MW("checkin_back"), ck->severity, back);
            bool ran = st->run_mode != RH_RUN_OFF;
            enum rh_phase before = st->phase;
            step_back(kb, st, ck->day, w);
            char nb[8], ns[8];
            rh__fmt(ns, sizeof ns, "%d", ck->severity);
            rh__fmt(nb, sizeof nb, "%d", back);
            if (ran && st->run_mode == RH_RUN_OFF && st->phase == before) {
                /* runner20: nothing below the first phase: its runs go, and
                 * the answer says so, not "steps back one phase" */
                st->runs_off_checkin = true;
                char t[600];
                tfill(kb, "checkin_runs_off", t, sizeof t, ns, nb, NULL);
                add_why(why, cap, "%s", t);
            } else {
                char t[400];
                why_text(t, sizeof t, "checkin_back", "severity", ns, "limit", nb, NULL);
                add_why(why, cap, "%s", t);
            }
        } else {
            char t[400];
            why_text(t, sizeof t, "checkin_hold", "severity", sev, NULL);
            add_why(why, cap, "%s", t);
        }
    } else if (ck->severity == 0 && rh_plan_no_running(st)) {
        /* the reason as a sentence: the block's is a clause, the hold's a
         * sentence of its own */
        char rs[sizeof st->block_reason + 2];
        if (st->blocked)
            rh__fmt(rs, sizeof rs, "%s.", st->block_reason);
        else
            rh__fmt(rs, sizeof rs, "%s", st->hold_reason);
        /* a check-in for an earlier week than the entry behind the stop: the
         * stop came after it, and the answer says so (review 7, A24) */
        int32_t stop_day = st->blocked ? st->diary_day : st->hold_day;
        bool later = stop_day > ck->day;
        if (!later && rs[0] >= 'a' && rs[0] <= 'z')
            rs[0] = (char)(rs[0] - 'a' + 'A');
        else if (later && (!strncmp(rs, "In ", 3) || !strncmp(rs, "Your ", 5)))
            rs[0] = (char)(rs[0] - 'A' + 'a');
        /* session 22 (branch diary26b): how running comes back, for the
         * stop in force (a pelvic-floor check, a diagnosed fracture's
         * clearance), not "an entry within the pain rule" whatever it is */
        char stop[sizeof rs + 64], t[1600];
        rh__fmt(stop, sizeof stop, "%s%s%s", later ? YW("since_then") : "", later ? " " : "",
                rs);
        size_t need = why_text(t, sizeof t, "checkin_no_problem", "date", date, "stop", stop,
                               "lifts", rh_plan_hold_text(kb, st, "checkin", "held_no_problem"),
                               NULL);
        if (need < sizeof t) /* whole or not at all, as add_why */
            add_why(why, cap, "%s", t);
    } else {
        char t[400];
        why_text(t, sizeof t, "checkin_no_change", "severity", sev, NULL);
        add_why(why, cap, "%s", t);
    }
    /* every answer says whether running is stopped while it is (the
     * no-problem answer above says it in its own words) */
    if (!*names && rh_plan_no_running(st) && ck->severity > 0)
        add_why(why, cap, "%s", rh_plan_hold_text(kb, st, "checkin", "still_held"));
    *moved = st->phase != from || st->ladder_step != ladder;
    return 0;
}

int rh_plan_on_pain(const struct rh_plan_kb *kb, struct rh_plan_state *st,
                    const struct rh_pain_entry *entries, size_t n, int strength_sessions,
                    struct rh_pain_result *res, struct rh_err *err)
{
    if (n == 0)
        return rh_err_set(err, RH_EINVAL, "no diary entry to judge");
    /* the entry's note and scores through the assessment's red-flag rules
     * (no assessment context here: rh_diary_pain gives it) */
    struct rh_triage *t = rh_calloc(1, sizeof *t);
    if (!t)
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    int r = rh_triage_entry(NULL, 0, &entries[n - 1], 0, t, err);
    if (!r)
        r = rh_plan_judge(kb, st, entries, n, t, res, err);
    if (!r && st)
        r = rh_plan_move(kb, st, entries, n, t, strength_sessions, res, err);
    rh_free(t);
    return r;
}
