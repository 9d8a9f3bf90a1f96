/* SPDX-License-Identifier: MIT */
/* Reader of data/load_rules.txt: the [settings] numbers and one
 * [finding.ID] section per finding. Unknown sections or keys, a missing
 * setting and a finding without its text are errors with the line, so a
 * typo in the data file fails the tests instead of silently changing a
 * threshold. */
#include <assert.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "load/load_int.h"
#include "runhip/store.h"
#include "runhip/text.h"
#include "util/banned.h"

#define SET(name)                                                                                  \
    {                                                                                              \
#name, offsetof(struct rh__load_settings, name)                                            \
    }
static const struct {
    const char *key;
    size_t off;
} settings_keys[] = {
    SET(min_history_days),
    SET(recent_days),
    SET(acute_days),
    SET(chronic_days),
    SET(acwr_band_low),
    SET(acwr_band_high),
    SET(acwr_gap_days),
    SET(onset_lead_days),
    SET(monotony_cap),
    SET(weekly_jump_min_base_km),
    SET(spike_band_small_pct),
    SET(spike_band_moderate_pct),
    SET(spike_band_large_pct),
    SET(spike_hr_small),
    SET(spike_hr_moderate),
    SET(spike_hr_large),
    SET(long_run_factor),
    SET(hard_hrr),
    SET(moderate_hrr),
    SET(hard_pace_position),
    SET(moderate_pace_position),
    SET(assumed_rest_hr),
    SET(shoe_low_km),
    SET(route_cell_m),
    SET(route_match),
    SET(route_min_runs),
    SET(logged_run_match),
    SET(spike_window_days),
    SET(spike_min_days),
    SET(race_half_km),
    SET(race_full_km),
    SET(race_km_tolerance),
    SET(race_taper_share),
    SET(race_pace_share),
    SET(race_long_pace_share),
    SET(race_long_hr_bpm),
    SET(jump_capacity_weeks),
    SET(jump_capacity_margin_pct),
    SET(comeback_break_weeks),
    SET(comeback_share),
    SET(week_first_day),
    SET(jump_recent_days),
    SET(comeback_level_weeks),
    SET(jump_ramp_pct),
    SET(jump_ramp_weeks),
    SET(jump_build_weeks),
    SET(jump_build_pct),
    SET(jump_heat_share),
    SET(heat_min_minutes),
    SET(monotony_min_days),
    SET(strength_weeks),
    SET(strength_min_days),
    SET(strength_pause_weeks),
    SET(sparse_runs_week),
    SET(monotony_weeks),
    SET(monotony_runs_cv),
    SET(heat_watch_margin_c),
    SET(heat_min_runs),
    SET(cadence_raise_low_pct),
    SET(cadence_raise_high_pct),
    SET(cadence_before_days),
    SET(cadence_min_runs),
    SET(cadence_level_climb_m_km),
    SET(max_hr_lone_peak_bpm),
    SET(max_hr_age_a),
    SET(max_hr_age_b),
    SET(intake_cover_weeks),
    SET(intake_window_weeks),
    SET(table_weeks),
};
#undef SET
#define N_SETTINGS (sizeof settings_keys / sizeof settings_keys[0])

/* The finding ids (load.h); the rules file must hold exactly these. */
static const char *const finding_ids[] = {
#define FINDING_NAME(id) #id,
    RH_LOAD_FINDINGS(FINDING_NAME)
#undef FINDING_NAME
};
#define N_FINDINGS (sizeof finding_ids / sizeof finding_ids[0])
_Static_assert(N_FINDINGS == RH_FINDING__COUNT, "one name per finding");
_Static_assert(RH_FINDING__COUNT <= RH_LOAD_MAX_FINDINGS, "room for every finding");

const char *rh_load_finding_name(enum rh_load_finding_id id)
{
    return (unsigned)id < N_FINDINGS ? finding_ids[id] : "?";
}

const struct rh__load_rule *rh__load_rule_of(const struct rh__load_rules *r,
                                             enum rh_load_finding_id id)
{
    assert((unsigned)id < N_FINDINGS && strcmp(r->rule[id].id, finding_ids[id]) == 0);
    return &r->rule[id];
}

/* The sentences some findings' details are written from (enum
 * rh__load_text): the finding, the key in its section and the figures
 * ({NAME}) the sentence may name. */
static const char *const heat_figures[] = {"n",      "n_air",   "n_watch",       "limit",
                                           "watch_limit", "margin", "hottest", "hottest_where",
                                           "day",    "recent_weeks", NULL};
static const char *const strength_figures[] = {"from",    "to",    "weeks",   "sessions",
                                               "mobility", "without", "pause", "pause_s", NULL};
static const char *const quiet_figures[] = {"weeks", "newest", NULL};
static const char *const onset_figures[] = {"onset", NULL};
static const char *const gap_figures[] = {"weeks", "weeks_s", "from", "to", "again", "km",
                                          "runs", "runs_s", "before", NULL};
static const char *const km_figures[] = {"km", NULL};
static const char *const by_figures[] = {"year", "max", "age_max", "a", "b", NULL};
static const char *const jump_heat_figures[] = {"week", "km",    "before", "change", "hot",
                                                "runs", "limit", "line",   "usual",  NULL};
static const char *const cadence_figures[] = {"spm", "before", "low", "high", "from", "to",
                                              "recent_weeks", "before_weeks", NULL};
static const char *const cadence_level_figures[] = {"runs", "left_out", "climb", NULL};
static const char *const no_rest_figures[] = {"days", "from", "to", NULL};
static const char *const route_figures[] = {"share", "runs", "recent_weeks", NULL};
static const char *const acwr_figures[] = {"acute", "chronic", "ratio", "ewma", "rolling", "by",
                                           NULL};
static const char *const monotony_figures[] = {"from", "to", "monotony", "same", "load", "by",
                                               "strain", NULL};
static const char *const monotony_weeks_figures[] = {"line", "weeks", "first", NULL};
static const char *const shoes_figures[] = {"name",  "km",           "before", "recorded",
                                            "pairs", "recent_weeks", NULL};
static const char *const little_figures[] = {"days", "spike_weeks", "acute", "chronic",
                                             "chronic_weeks", "window_days", NULL};
static const char *const spike_figures[] = {"day", "km", "pct", "window", "longest", "band",
                                           "times", NULL};
static const char *const days_figures[] = {"days", NULL};
static const char *const sparse_figures[] = {"runs", "runs_s", "recent_weeks", "all", "days",
                                             NULL};
/* h25ret: the weeks of [settings] recent_days, the span of "the last 4
 * weeks" (rh__load_recent_weeks); the edges of the spike's bands */
static const char *const recent_figures[] = {"recent_weeks", NULL};
static const char *const band_figures[] = {"small", "moderate", "large", NULL};
static const char *const jump_figures[] = {"week", "km",  "before", "before_week", "change",
                                           "off",  "off_s", "weeks", "weeks_s", "line",
                                           "base", "share", "level", NULL};
static const char *const main_figures[] = {"main", NULL};
static const char *const ewma_figures[] = {"acute", "chronic", NULL};
static const char *const week_figures[] = {"from", "to", "this_week", NULL};
static const char *const title_figures[] = {"threshold", NULL};
static const char *const measure_figures[] = {"value", "threshold", "weeks", "sessions",
                                              "sessions_line", NULL};
/* loadw25: the figures a finding's evidence and advice may say, filled from
 * [settings] and its threshold when the rules load (fill_paragraphs): the
 * spike's bands, their rates, the days before a run, its line. */
static const char *const spike_paragraph_figures[] = {
    "small", "moderate", "large", "times_small", "times_moderate", "times_large",
    "window_days", "threshold", NULL};
static const char *const little_paragraph_figures[] = {"window_days", NULL};

static const char *const *paragraph_figures(const char *finding)
{
    if (!strcmp(finding, "long_run_spike"))
        return spike_paragraph_figures;
    if (!strcmp(finding, "too_little_data"))
        return little_paragraph_figures;
    return NULL;
}

static const struct {
    const char *finding, *key; /* finding NULL: a sentence of the [text] section */
    const char *const *figures; /* NULL: a phrase without figures */
} text_keys[RH_TEXT__COUNT] = {
    [RH_TEXT_HEAT_WATCH_ONE] = {"heat", "detail.watch.one", heat_figures},
    [RH_TEXT_HEAT_WATCH] = {"heat", "detail.watch", heat_figures},
    [RH_TEXT_HEAT_AIR_ONE] = {"heat", "detail.air.one", heat_figures},
    [RH_TEXT_HEAT_AIR] = {"heat", "detail.air", heat_figures},
    [RH_TEXT_HEAT_BOTH] = {"heat", "detail.both", heat_figures},
    [RH_TEXT_HEAT_WHERE_AIR] = {"heat", "hottest_where.air", NULL},
    [RH_TEXT_HEAT_WHERE_WATCH] = {"heat", "hottest_where.watch", NULL},
    [RH_TEXT_STRENGTH_SOME] = {"few_strength", "detail.some", strength_figures},
    [RH_TEXT_STRENGTH_NONE] = {"few_strength", "detail.none", strength_figures},
    [RH_TEXT_QUIET_NONE] = {NULL, "quiet.none", NULL},
    [RH_TEXT_QUIET_WEEKS] = {NULL, "quiet.weeks", quiet_figures},
    [RH_TEXT_THIS_WEEK] = {NULL, "this_week", NULL},
    [RH_TEXT_FINDINGS_LATEST] = {NULL, "findings.latest", NULL},
    [RH_TEXT_FINDINGS_BEFORE] = {NULL, "findings.before_onset", onset_figures},
    [RH_TEXT_FINDINGS_AFTER] = {NULL, "findings.after_onset", onset_figures},
    [RH_TEXT_ADVICE_DEFERRED] = {NULL, "advice.deferred", NULL},
    [RH_TEXT_GAP] = {NULL, "gap", gap_figures},
    [RH_TEXT_GAP_BEFORE] = {NULL, "gap.before", km_figures},
    [RH_TEXT_GAP_NONE_BEFORE] = {NULL, "gap.none_before", NULL},
    [RH_TEXT_BY_PROFILE] = {NULL, "birth_year.profile", by_figures},
    [RH_TEXT_BY_SET] = {NULL, "birth_year.set", by_figures},
    [RH_TEXT_BY_LATER] = {NULL, "birth_year.later", by_figures},
    [RH_TEXT_BY_AGE] = {NULL, "birth_year.age", by_figures},
    [RH_TEXT_BY_PEAK] = {NULL, "birth_year.peak", by_figures},
    [RH_TEXT_JUMP_HEAT_TITLE] = {"weekly_jump", "title.heat", NULL},
    [RH_TEXT_JUMP_HEAT] = {"weekly_jump", "detail.heat", jump_heat_figures},
    [RH_TEXT_CADENCE] = {"low_cadence", "detail", cadence_figures},
    [RH_TEXT_CADENCE_BEFORE] = {"low_cadence", "detail.before", cadence_figures},
    [RH_TEXT_CADENCE_LEVEL] = {"low_cadence", "detail.level", cadence_level_figures},
    [RH_TEXT_NO_REST] = {"no_rest", "detail", no_rest_figures},
    [RH_TEXT_SAME_ROUTE] = {"same_route", "detail", route_figures},
    [RH_TEXT_ACWR] = {"acwr_high", "detail", acwr_figures},
    [RH_TEXT_MONOTONY] = {"monotony_high", "detail", monotony_figures},
    [RH_TEXT_MONOTONY_SAME] = {"monotony_high", "same_load", NULL},
    [RH_TEXT_MONOTONY_WEEKS] = {"monotony_high", "detail.weeks", monotony_weeks_figures},
    [RH_TEXT_SHOES] = {"worn_shoes", "detail", shoes_figures},
    [RH_TEXT_SHOES_ONE] = {"worn_shoes", "detail.one", shoes_figures},
    [RH_TEXT_LITTLE_DATA] = {"too_little_data", "detail", little_figures},
    [RH_TEXT_LITTLE_DATA_ONE] = {"too_little_data", "detail.one", little_figures},
    [RH_TEXT_SPARSE_TITLE] = {"too_little_data", "title.sparse", NULL},
    [RH_TEXT_SPARSE_MEASURE] = {"too_little_data", "measure.sparse", measure_figures},
    [RH_TEXT_SPARSE_EVIDENCE] = {"too_little_data", "evidence.sparse", NULL},
    [RH_TEXT_SPARSE_ADVICE] = {"too_little_data", "advice.sparse", NULL},
    [RH_TEXT_SPARSE_SOURCE] = {"too_little_data", "source.sparse", NULL},
    [RH_TEXT_SPARSE] = {"too_little_data", "detail.sparse", sparse_figures},
    [RH_TEXT_BY_SRPE] = {NULL, "by.srpe", NULL},
    [RH_TEXT_BY_TRIMP] = {NULL, "by.trimp", NULL},
    [RH_TEXT_BY_PACE] = {NULL, "by.pace", NULL},
    [RH_TEXT_SPIKE] = {"long_run_spike", "detail", spike_figures},
    [RH_TEXT_SPIKE_WINDOW_DAYS] = {"long_run_spike", "window.days", days_figures},
    [RH_TEXT_SPIKE_WINDOW_FULL] = {"long_run_spike", "window.full", days_figures},
    [RH_TEXT_SPIKE_BAND_LARGE] = {"long_run_spike", "band.large", band_figures},
    [RH_TEXT_SPIKE_BAND_MODERATE] = {"long_run_spike", "band.moderate", band_figures},
    [RH_TEXT_SPIKE_BAND_SMALL] = {"long_run_spike", "band.small", band_figures},
    [RH_TEXT_SPIKE_OTHERS] = {"long_run_spike", "detail.others", recent_figures},
    [RH_TEXT_JUMP] = {"weekly_jump", "detail", jump_figures},
    [RH_TEXT_JUMP_OFF] = {"weekly_jump", "detail.off", jump_figures},
    [RH_TEXT_JUMP_RAMP] = {"weekly_jump", "detail.ramp", jump_figures},
    [RH_TEXT_JUMP_BUILD] = {"weekly_jump", "detail.build", jump_figures},
    [RH_TEXT_JUMP_BUILD_MEASURE] = {"weekly_jump", "measure.build", measure_figures},
    [RH_TEXT_JUMP_BUILD_TITLE] = {"weekly_jump", "title.build", NULL},
    [RH_TEXT_JUMP_BUILD_ADVICE] = {"weekly_jump", "advice.build", NULL},
    [RH_TEXT_JUMP_COMEBACK] = {"weekly_jump", "detail.comeback", jump_figures},
    [RH_TEXT_JUMP_RACE] = {"weekly_jump", "detail.race", km_figures},
    [RH_TEXT_WEEK_OF] = {NULL, "week.of", week_figures},
    [RH_TEXT_WEEK_CURRENT] = {NULL, "week.current", week_figures},
    [RH_TEXT_JSON_METHODS] = {NULL, "json.methods", main_figures},
    [RH_TEXT_JSON_EWMA] = {NULL, "json.ewma", ewma_figures},
    [RH_TEXT_JSON_INFO] = {NULL, "json.info", NULL},
};

/* The evidence strengths a finding may have (its strength = ...), strongest
 * first: said as written beside the evidence ("Evidence (moderate)") */
static const char *const strengths[] = {"strong", "moderate", "weak", "contested", "none"};
#define N_STRENGTHS (sizeof strengths / sizeof strengths[0])

struct parse_ctx {
    struct rh__load_rules *r;
    bool seen[N_SETTINGS];
    long line[N_SETTINGS]; /* where each setting was read: said in a refusal */
};

const char *rh__load_text(const struct rh__load_rules *r, enum rh__load_text t)
{
    assert((unsigned)t < RH_TEXT__COUNT && r->text[t]);
    return r->text[t];
}

void rh__load_fill(char *out, size_t cap, const char *tmpl, const char *const *names,
                   const char *const *vals, size_t n)
{
    /* words27: the text layer's one filler of named holes */
    (void)rh_text_fill_named(out, cap, tmpl, names, vals, n);
}

/* The length of the {NAME} at p (p at '{'), 0 when there is no '}'. */
static size_t figure_len(const char *p)
{
    const char *e = strchr(p, '}');
    return e ? (size_t)(e - p) + 1 : 0;
}

/* 0 when every {NAME} of v is one of figures (NULL: none allowed). */
static int check_figures(const char *v, const char *const *figures, const char *key, long line,
                         struct rh_err *err)
{
    for (const char *p = strchr(v, '{'); p; p = strchr(p + 1, '{')) {
        size_t fl = figure_len(p);
        bool ok = false;
        for (size_t i = 0; fl > 2 && figures && figures[i] && !ok; i++)
            ok = strlen(figures[i]) == fl - 2 && !strncmp(p + 1, figures[i], fl - 2);
        if (!ok)
            return rh_err_setl(err, RH_ESYNTAX, line, "%s: unknown figure '%.*s'", key,
                               fl ? (int)fl : (int)strlen(p), p);
    }
    return 0;
}

static struct rh__load_rule *rule_for(struct parse_ctx *c, const char *id, long line,
                                      struct rh_err *err, int *rc)
{
    /* rule[i] is the rule of finding i (enum rh_load_finding_id) */
    for (size_t i = 0; i < N_FINDINGS; i++) {
        if (strcmp(finding_ids[i], id) != 0)
            continue;
        struct rh__load_rule *f = &c->r->rule[i];
        if (!f->id[0]) {
            snprintf(f->id, sizeof f->id, "%s", id);
            f->threshold = RH_NONE;
        }
        return f;
    }
    *rc = rh_err_setl(err, RH_EKEY, line, "unknown finding '%s'", id);
    return NULL;
}

static int set_str(char **slot, const char *v, long line, struct rh_err *err)
{
    rh_free(*slot);
    if (!(*slot = rh_strdup(v)))
        return rh_err_setl(err, RH_ENOMEM, line, "out of memory");
    return 0;
}

/* A finding's flag: "yes" or "no" (hand_logged, onset_lead). */
static int yes_no(const char *key, const char *value, long line, bool *out, struct rh_err *err)
{
    if (strcmp(value, "yes") && strcmp(value, "no"))
        return rh_err_setl(err, RH_ESYNTAX, line, "%s: 'yes' or 'no', not '%s'", key, value);
    *out = strcmp(value, "yes") == 0;
    return 0;
}

static int on_entry(void *ctx, const char *section, const char *key, const char *value, long line,
                    struct rh_err *err)
{
    struct parse_ctx *c = ctx;
    if (strcmp(section, "settings") == 0) {
        for (size_t i = 0; i < N_SETTINGS; i++) {
            if (strcmp(settings_keys[i].key, key) != 0)
                continue;
            double v;
            if (rh_parse_double(value, &v))
                return rh_err_setl(err, RH_ESYNTAX, line, "'%s' is not a number", value);
            *(double *)((char *)&c->r->set + settings_keys[i].off) = v;
            c->seen[i] = true;
            c->line[i] = line;
            return 0;
        }
        return rh_err_setl(err, RH_EKEY, line, "unknown setting '%s'", key);
    }
    if (strcmp(section, "text") == 0) {
        for (size_t t = 0; t < RH_TEXT__COUNT; t++)
            if (!text_keys[t].finding && !strcmp(text_keys[t].key, key)) {
                int r = check_figures(value, text_keys[t].figures, key, line, err);
                return r ? r : set_str(&c->r->text[t], value, line, err);
            }
        return rh_err_setl(err, RH_EKEY, line, "unknown key '%s'", key);
    }
    if (strncmp(section, "finding.", 8) != 0)
        return rh_err_setl(err, RH_EKEY, line, "unknown section '%s'", section);
    int rc = 0;
    struct rh__load_rule *f = rule_for(c, section + 8, line, err, &rc);
    if (!f)
        return rc;
    if (strcmp(key, "rank") == 0) {
        long v;
        if (rh_parse_long(value, &v) || v < 1 || v > 99)
            return rh_err_setl(err, RH_ESYNTAX, line, "rank must be 1..99");
        f->rank = (int)v;
    } else if (strcmp(key, "threshold") == 0) {
        if (rh_parse_double(value, &f->threshold))
            return rh_err_setl(err, RH_ESYNTAX, line, "'%s' is not a number", value);
    } else if (strcmp(key, "unit") == 0) {
        snprintf(f->unit, sizeof f->unit, "%s", value);
    } else if (strcmp(key, "strength") == 0) {
        /* words24b: the one list of the words, said in the refusal */
        size_t i = 0;
        while (i < N_STRENGTHS && strcmp(value, strengths[i]) != 0)
            i++;
        if (i == N_STRENGTHS) {
            char list[120] = "";
            for (size_t k = 0; k < N_STRENGTHS; k++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                         k == 0 ? "" : k + 1 == N_STRENGTHS ? " or " : ", ", strengths[k]);
            return rh_err_setl(err, RH_ESYNTAX, line, "unknown evidence strength '%s' (%s)",
                               value, list);
        }
        snprintf(f->strength, sizeof f->strength, "%s", value);
    } else if (strcmp(key, "source") == 0) {
        return set_str(&f->source, value, line, err);
    } else if (strcmp(key, "title") == 0) {
        /* plain30: a title says its line as {threshold}, filled from the
         * finding's one threshold when the rules load (fill_paragraphs) */
        int r = check_figures(value, title_figures, key, line, err);
        return r ? r : set_str(&f->title, value, line, err);
    } else if (strcmp(key, "measure") == 0) {
        int r = check_figures(value, measure_figures, key, line, err);
        return r ? r : set_str(&f->measure, value, line, err);
    } else if (strcmp(key, "evidence") == 0) {
        int r = check_figures(value, paragraph_figures(f->id), key, line, err);
        return r ? r : set_str(&f->evidence, value, line, err);
    } else if (strcmp(key, "advice") == 0) {
        int r = check_figures(value, paragraph_figures(f->id), key, line, err);
        return r ? r : set_str(&f->advice, value, line, err);
    } else if (strcmp(key, "log") == 0) {
        /* words24b: a session kind of the diary (the store's names, not a
         * list of its own), one a runner logs as training */
        enum rh_session_kind k;
        if (rh_session_kind_parse(value, &k) || k == RH_SESSION_REST || k == RH_SESSION_RUN)
            return rh_err_setl(err, RH_ESYNTAX, line, "unknown session kind '%s'", value);
        snprintf(f->log, sizeof f->log, "%s", value);
    } else if (strcmp(key, "hand_logged") == 0) {
        return yes_no(key, value, line, &f->hand_logged, err);
    } else if (strcmp(key, "onset_lead") == 0) {
        return yes_no(key, value, line, &f->onset_lead, err);
    } else {
        for (size_t t = 0; t < RH_TEXT__COUNT; t++)
            if (text_keys[t].finding && !strcmp(text_keys[t].finding, f->id) &&
                !strcmp(text_keys[t].key, key)) {
                int r = check_figures(value, text_keys[t].figures, key, line, err);
                return r ? r : set_str(&c->r->text[t], value, line, err);
            }
        return rh_err_setl(err, RH_EKEY, line, "unknown key '%s'", key);
    }
    return 0;
}

int rh__load_recent_weeks(const struct rh__load_settings *set)
{
    return (int)(set->recent_days / 7);
}

int rh__load_cadence_before_weeks(const struct rh__load_settings *set)
{
    return (int)(set->cadence_before_days / 7);
}

/* The line a setting was read on (0 when unknown). */
static long setting_line(const struct parse_ctx *c, const char *key)
{
    for (size_t i = 0; i < N_SETTINGS; i++)
        if (!strcmp(settings_keys[i].key, key))
            return c->line[i];
    return 0;
}

/* h25ret: the settings whose value the code and the words rely on, each
 * refused out of its range with its line: recent_days is said in weeks
 * ("the last 4 weeks"), so a whole number of them, 2 to 12 (the words
 * are plural); the spike's bands are said "10-30%", so in order. */
static int check_ranges(const struct parse_ctx *c, struct rh_err *err)
{
    const struct rh__load_settings *s = &c->r->set;
    double d = s->recent_days;
    if (!(d >= 14 && d <= 84 && d == 7 * floor(d / 7)))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "recent_days"),
                           "load rules: recent_days must be whole weeks, 14 to 84 days, not %g",
                           d);
    if (!(s->spike_band_small_pct >= 0 && s->spike_band_small_pct < s->spike_band_moderate_pct &&
          s->spike_band_moderate_pct < s->spike_band_large_pct &&
          s->spike_band_large_pct <= 1000))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "spike_band_moderate_pct"),
                           "load rules: the spike's bands must rise, 0 <= spike_band_small_pct "
                           "< spike_band_moderate_pct < spike_band_large_pct <= 1000, not %g, "
                           "%g, %g",
                           s->spike_band_small_pct, s->spike_band_moderate_pct,
                           s->spike_band_large_pct);
    /* loadw25: the spike's days before a run, said "the 30 days before":
     * whole days, more than the days of data a comparison needs */
    double w = s->spike_window_days;
    if (!(w == floor(w) && w > s->spike_min_days && w <= 365))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "spike_window_days"),
                           "load rules: spike_window_days must be whole days, more than "
                           "spike_min_days and at most 365, not %g",
                           w);
    /* loadw25: the step rate's weeks before, said "the 8 weeks before" */
    double cb = s->cadence_before_days;
    if (!(cb >= 14 && cb <= 182 && cb == 7 * floor(cb / 7)))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "cadence_before_days"),
                           "load rules: cadence_before_days must be whole weeks, 14 to 182 "
                           "days, not %g",
                           cb);
    /* hist29: the step rate's fewest runs, whole, at least 1; the climb of
     * a level run, metres a km, above 0 */
    double cm = s->cadence_min_runs;
    if (!(cm >= 1 && cm <= 100 && cm == floor(cm)))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "cadence_min_runs"),
                           "load rules: cadence_min_runs must be a whole number of runs, 1 to "
                           "100, not %g",
                           cm);
    if (!(s->cadence_level_climb_m_km > 0 && s->cadence_level_climb_m_km <= 1000))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "cadence_level_climb_m_km"),
                           "load rules: cadence_level_climb_m_km must be above 0 and at most "
                           "1000 metres a km, not %g",
                           s->cadence_level_climb_m_km);
    /* hist31: a build is of whole weeks, at least two rises, at a rise a week above 0 */
    double bw = s->jump_build_weeks;
    if (!(bw >= 2 && bw <= 52 && bw == floor(bw)))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "jump_build_weeks"),
                           "load rules: jump_build_weeks must be whole weeks, 2 to 52, not %g", bw);
    if (!(s->jump_build_pct > 0 && s->jump_build_pct <= 100))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "jump_build_pct"),
                           "load rules: jump_build_pct must be above 0 and at most 100%% a week, "
                           "not %g",
                           s->jump_build_pct);
    /* hist30: the runs a week under which the record is too sparse */
    if (!(s->sparse_runs_week > 0 && s->sparse_runs_week <= 7))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "sparse_runs_week"),
                           "load rules: sparse_runs_week must be above 0 and at most 7 runs a "
                           "week, not %g",
                           s->sparse_runs_week);
    /* a break of strength_pause_weeks keeps the habit: none at all over the
     * fewest weeks the finding reads (strength_min_days) must be more */
    double p = s->strength_pause_weeks;
    if (!(p >= 0 && p == floor(p) && p < floor(s->strength_min_days / 7) &&
          p < s->strength_weeks))
        return rh_err_setl(err, RH_ESYNTAX, setting_line(c, "strength_pause_weeks"),
                           "load rules: strength_pause_weeks must be whole weeks, 0 to fewer "
                           "than strength_min_days / 7 and strength_weeks, not %g",
                           p);
    return 0;
}

/* loadw25: the evidence and advice of the findings that say numbers of
 * [settings] (paragraph_figures), filled once the settings are read. */
static int fill_paragraphs(struct rh__load_rules *r, struct rh_err *err)
{
    const struct rh__load_settings *s = &r->set;
    for (size_t i = 0; i < r->n_rules; i++) { /* plain30: the titles' line */
        struct rh__load_rule *f = &r->rule[i];
        if (!f->title || !strchr(f->title, '{'))
            continue;
        char t[32], out[512];
        snprintf(t, sizeof t, "%g", f->threshold);
        const char *const vals[] = {t};
        if (rh_text_fill_named(out, sizeof out, f->title, title_figures, vals, 1) >= sizeof out)
            return rh_err_set(err, RH_ELIMIT, "load rules: %s: a title too long", f->id);
        int rc = set_str(&f->title, out, 0, err);
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < r->n_rules; i++) {
        struct rh__load_rule *f = &r->rule[i];
        if (!paragraph_figures(f->id))
            continue;
        char v[8][32];
        snprintf(v[0], sizeof v[0], "%g", s->spike_band_small_pct);
        snprintf(v[1], sizeof v[1], "%g", s->spike_band_moderate_pct);
        snprintf(v[2], sizeof v[2], "%g", s->spike_band_large_pct);
        snprintf(v[3], sizeof v[3], "%.1f", s->spike_hr_small);
        snprintf(v[4], sizeof v[4], "%.1f", s->spike_hr_moderate);
        snprintf(v[5], sizeof v[5], "%.1f", s->spike_hr_large);
        snprintf(v[6], sizeof v[6], "%g", s->spike_window_days);
        snprintf(v[7], sizeof v[7], "%g", f->threshold);
        const char *const vals[] = {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]};
        _Static_assert(sizeof vals / sizeof vals[0] + 1 ==
                           sizeof spike_paragraph_figures / sizeof spike_paragraph_figures[0],
                       "a value for each figure");
        char **texts[] = {&f->evidence, &f->advice};
        for (size_t k = 0; k < 2; k++) {
            char out[4096];
            if (rh_text_fill_named(out, sizeof out, *texts[k], spike_paragraph_figures, vals,
                                   sizeof vals / sizeof vals[0]) >= sizeof out)
                return rh_err_set(err, RH_ELIMIT, "load rules: %s: a paragraph too long",
                                  f->id);
            int rc = set_str(texts[k], out, 0, err);
            if (rc)
                return rc;
        }
    }
    return 0;
}

void rh__load_rules_free(struct rh__load_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_rules; i++) {
        rh_free(r->rule[i].source);
        rh_free(r->rule[i].title);
        rh_free(r->rule[i].evidence);
        rh_free(r->rule[i].advice);
        rh_free(r->rule[i].measure);
    }
    for (size_t t = 0; t < RH_TEXT__COUNT; t++)
        rh_free(r->text[t]);
    rh_free(r);
}

int rh__load_rules_parse(const char *text, size_t len, struct rh__load_rules **out,
                         struct rh_err *err)
{
    *out = NULL;
    struct parse_ctx c = {0};
    if (!(c.r = rh_calloc(1, sizeof *c.r)))
        return rh_err_set(err, RH_ENOMEM, "out of memory");
    c.r->n_rules = N_FINDINGS; /* indexed by finding; an unset one has id "" */
    int r = rh_kv_parse(text, len, on_entry, &c, err);
    for (size_t i = 0; !r && i < N_SETTINGS; i++)
        if (!c.seen[i])
            r = rh_err_set(err, RH_EKEY, "load rules: setting '%s' is missing",
                           settings_keys[i].key);
    if (!r)
        r = check_ranges(&c, err);
    for (size_t i = 0; !r && i < N_FINDINGS; i++) {
        const struct rh__load_rule *f = rh__load_rule(c.r, finding_ids[i]);
        if (!f)
            r = rh_err_set(err, RH_EKEY, "load rules: finding '%s' is missing", finding_ids[i]);
        else if (!f->rank || !rh_has(f->threshold) || !f->unit[0] || !f->strength[0] ||
                 !f->source || !f->title || !f->measure || !f->evidence || !f->advice)
            r = rh_err_set(err, RH_EKEY,
                           "load rules: finding '%s' needs rank, threshold, unit, strength, "
                           "source, title, measure, evidence and advice",
                           f->id);
    }
    if (!r)
        r = fill_paragraphs(c.r, err);
    for (size_t t = 0; !r && t < RH_TEXT__COUNT; t++)
        if (!c.r->text[t])
            r = rh_err_set(err, RH_EKEY, "load rules: %s%s needs %s",
                           text_keys[t].finding ? "finding " : "[text]",
                           text_keys[t].finding ? text_keys[t].finding : "", text_keys[t].key);
    if (r) {
        rh__load_rules_free(c.r);
        return r;
    }
    *out = c.r;
    return 0;
}

const struct rh__load_rule *rh__load_rule(const struct rh__load_rules *r, const char *id)
{
    for (size_t i = 0; i < r->n_rules; i++)
        if (strcmp(r->rule[i].id, id) == 0)
            return &r->rule[i];
    return NULL;
}
