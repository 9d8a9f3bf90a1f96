/* SPDX-License-Identifier: MIT */
/* Shared inside src/load/ and src/report/ only: the parsed rules file and
 * small helpers of the load report. */
#ifndef RUNHIP_LOAD_INT_H
#define RUNHIP_LOAD_INT_H

#include "runhip/load.h"

/* The sentences a finding's detail is written from, with {NAME} for its
 * figures (data/load_rules.txt, the keys of its [finding.ID] section):
 * only the findings listed in load_rules.c have them, each one required;
 * and the report's own sentences (its [text] section). */
enum rh__load_text {
    RH_TEXT_HEAT_WATCH_ONE, /* heat: detail.watch.one, one run, every reading the watch's */
    RH_TEXT_HEAT_WATCH,     /* heat: detail.watch, more runs */
    RH_TEXT_HEAT_AIR_ONE,   /* heat: detail.air.one, one run, every reading the weather's */
    RH_TEXT_HEAT_AIR,       /* heat: detail.air */
    RH_TEXT_HEAT_BOTH,      /* heat: detail.both, runs of both kinds */
    RH_TEXT_HEAT_WHERE_AIR, /* heat: hottest_where.air, {hottest_where} of a weather reading */
    RH_TEXT_HEAT_WHERE_WATCH, /* heat: hottest_where.watch, of the watch's */
    RH_TEXT_STRENGTH_SOME,    /* few_strength: detail.some, sessions logged in its weeks */
    RH_TEXT_STRENGTH_NONE,    /* few_strength: detail.none, none logged: runhip cannot know */
    RH_TEXT_QUIET_NONE,       /* [text] quiet.none: no run stored at all */
    RH_TEXT_QUIET_WEEKS,      /* [text] quiet.weeks: none in the table's weeks ({weeks}, {newest}) */
    RH_TEXT_THIS_WEEK,        /* [text] this_week: the current, unfinished week's label */
    RH_TEXT_FINDINGS_LATEST,  /* [text] findings.latest: heading of the latest weeks' findings */
    RH_TEXT_FINDINGS_BEFORE,  /* [text] findings.before_onset: of the weeks before the pain ({onset}) */
    RH_TEXT_FINDINGS_AFTER,   /* [text] findings.after_onset: label of one dated after the pain ({onset}) */
    RH_TEXT_ADVICE_DEFERRED,  /* [text] advice.deferred: lead-in of advice on hold (review 10 #4) */
    RH_TEXT_GAP,              /* [text] gap: the ratio's words back after a gap (rh_load_gap_words) */
    RH_TEXT_GAP_BEFORE,       /* [text] gap.before: the weekly distance before the gap ({km}) */
    RH_TEXT_GAP_NONE_BEFORE,  /* [text] gap.none_before: no run recorded before it */
    /* runner23b: what `profile set birth_year` says (rh_load_birth_year_words) */
    RH_TEXT_BY_PROFILE,       /* [text] birth_year.profile: the profile's max_hr stays */
    RH_TEXT_BY_SET,           /* [text] birth_year.set: no estimate (no age) */
    RH_TEXT_BY_LATER,         /* [text] birth_year.later: no recording with a heart rate yet */
    RH_TEXT_BY_AGE,           /* [text] birth_year.age: the estimate from age is in use */
    RH_TEXT_BY_PEAK,          /* [text] birth_year.peak: the higher recorded peak stays */
    /* h24dev: the weekly jump of a hot week (jump_heat_share) */
    RH_TEXT_JUMP_HEAT_TITLE,  /* weekly_jump: title.heat, its title */
    RH_TEXT_JUMP_HEAT,        /* weekly_jump: detail.heat, its detail */
    /* words24b: the other findings' details, moved from src/load/load.c */
    RH_TEXT_CADENCE,          /* low_cadence: detail */
    RH_TEXT_CADENCE_BEFORE,   /* low_cadence: detail.before, with the 8 weeks before */
    RH_TEXT_CADENCE_LEVEL,    /* low_cadence: detail.level, trail and hilly runs left out */
    RH_TEXT_NO_REST,          /* no_rest: detail */
    RH_TEXT_SAME_ROUTE,       /* same_route: detail */
    RH_TEXT_ACWR,             /* acwr_high: detail */
    RH_TEXT_MONOTONY,         /* monotony_high: detail */
    RH_TEXT_MONOTONY_SAME,    /* monotony_high: same_load, {same} at the cap */
    RH_TEXT_MONOTONY_WEEKS,   /* monotony_high: detail.weeks, the weeks past the line */
    RH_TEXT_SHOES,            /* worn_shoes: detail */
    RH_TEXT_SHOES_ONE,        /* worn_shoes: detail.one, the one pair in use */
    RH_TEXT_LITTLE_DATA,      /* too_little_data: detail */
    RH_TEXT_LITTLE_DATA_ONE,  /* too_little_data: detail.one, one day */
    /* hist30: a record too sparse to judge (sparse_runs_week) */
    RH_TEXT_SPARSE_TITLE,    /* too_little_data: title.sparse */
    RH_TEXT_SPARSE_MEASURE,  /* too_little_data: measure.sparse */
    RH_TEXT_SPARSE_EVIDENCE, /* too_little_data: evidence.sparse */
    RH_TEXT_SPARSE_ADVICE,   /* too_little_data: advice.sparse */
    RH_TEXT_SPARSE_SOURCE,   /* too_little_data: source.sparse */
    RH_TEXT_SPARSE,          /* too_little_data: detail.sparse */
    RH_TEXT_BY_SRPE,          /* [text] by.srpe: load from minutes x effort ({by}) */
    RH_TEXT_BY_TRIMP,         /* [text] by.trimp: from heart rate */
    RH_TEXT_BY_PACE,          /* [text] by.pace: from pace */
    RH_TEXT_SPIKE,            /* long_run_spike: detail */
    RH_TEXT_SPIKE_WINDOW_DAYS, /* long_run_spike: window.days, under 30 days before */
    RH_TEXT_SPIKE_WINDOW_FULL, /* long_run_spike: window.full, spike_window_days */
    RH_TEXT_SPIKE_BAND_LARGE, /* long_run_spike: band.large, past spike_band_large_pct */
    RH_TEXT_SPIKE_BAND_MODERATE, /* long_run_spike: band.moderate, past spike_band_moderate_pct */
    RH_TEXT_SPIKE_BAND_SMALL, /* long_run_spike: band.small */
    RH_TEXT_SPIKE_OTHERS,     /* long_run_spike: detail.others */
    RH_TEXT_JUMP,             /* weekly_jump: detail, on the week before */
    RH_TEXT_JUMP_OFF,         /* weekly_jump: detail.off, on the week before a week off */
    RH_TEXT_JUMP_RAMP,        /* weekly_jump: detail.ramp */
    RH_TEXT_JUMP_BUILD,       /* weekly_jump: detail.build (hist31) */
    RH_TEXT_JUMP_BUILD_MEASURE, /* weekly_jump: measure.build (hist31) */
    RH_TEXT_JUMP_BUILD_TITLE, /* weekly_jump: title.build (hist31) */
    RH_TEXT_JUMP_BUILD_ADVICE, /* weekly_jump: advice.build (hist31) */
    RH_TEXT_JUMP_COMEBACK,    /* weekly_jump: detail.comeback */
    RH_TEXT_JUMP_RACE,        /* weekly_jump: detail.race */
    RH_TEXT_WEEK_OF,          /* [text] week.of: a whole week ({from}, {to}) */
    RH_TEXT_WEEK_CURRENT,     /* [text] week.current: the week not over ({this_week}) */
    RH_TEXT_JSON_METHODS,     /* [text] json.methods: the load's units ({main}) */
    RH_TEXT_JSON_EWMA,        /* [text] json.ewma: the weighted averages ({acute}, {chronic}) */
    RH_TEXT_JSON_INFO,        /* [text] json.info: the document's note */
    RH_TEXT__COUNT
};

/* One [finding.ID] section of data/load_rules.txt. Strings are owned. */
struct rh__load_rule {
    char id[24];
    int rank;
    double threshold;
    char unit[16];
    char strength[16];
    char log[16]; /* the diary's session kind its advice asks to log, "" none */
    bool hand_logged; /* hand_logged = yes: its figures count the runs logged by hand */
    bool onset_lead;  /* onset_lead = yes: runs in the days up to the onset make it a cause */
    char *source, *title, *evidence, *advice;
    char *measure; /* the figure against the threshold in words (rh_load_finding_measure) */
};

/* The [settings] section; every key must be present. */
struct rh__load_settings {
    double min_history_days, recent_days, acute_days, chronic_days, acwr_band_low, acwr_band_high;
    double acwr_gap_days;
    double onset_lead_days;
    double monotony_cap, weekly_jump_min_base_km;
    double spike_band_small_pct, spike_band_moderate_pct, spike_band_large_pct;
    double spike_hr_small, spike_hr_moderate, spike_hr_large;
    double long_run_factor, hard_hrr, moderate_hrr, hard_pace_position, moderate_pace_position;
    double assumed_rest_hr, shoe_low_km;
    double route_cell_m, route_match, route_min_runs;
    double logged_run_match;
    double spike_window_days, spike_min_days, race_half_km, race_full_km, race_km_tolerance, race_taper_share;
    double race_pace_share;
    double race_long_pace_share, race_long_hr_bpm; /* h26dev: a long run's effort, no race */
    double jump_capacity_weeks, jump_capacity_margin_pct, comeback_break_weeks, comeback_share;
    double week_first_day, jump_recent_days, comeback_level_weeks, jump_ramp_pct, jump_ramp_weeks;
    double jump_build_weeks, jump_build_pct; /* hist31: a build of several weeks */
    double jump_heat_share, heat_min_minutes; /* h24dev: a hot week's jump; heat as a habit */
    double monotony_min_days, monotony_weeks, monotony_runs_cv;
    double strength_weeks, strength_min_days, strength_pause_weeks;
    double sparse_runs_week; /* hist30: a record too sparse to judge */
    double heat_watch_margin_c, heat_min_runs;
    double cadence_raise_low_pct, cadence_raise_high_pct;
    double cadence_before_days; /* loadw25: the weeks before of the step rate */
    double cadence_min_runs, cadence_level_climb_m_km; /* hist29: a step rate on level runs */
    double max_hr_lone_peak_bpm, max_hr_age_a, max_hr_age_b, intake_cover_weeks, intake_window_weeks, table_weeks;
};

struct rh__load_rules {
    struct rh__load_settings set;
    struct rh__load_rule rule[RH_LOAD_MAX_FINDINGS];
    size_t n_rules;
    char *text[RH_TEXT__COUNT]; /* owned */
};

/* Parses the compiled-in data/load_rules.txt into a new rules object.
 * 0, RH_ENOMEM or RH_ESYNTAX/RH_EKEY with the line. Free with
 * rh__load_rules_free. */
int rh__load_rules_load(struct rh__load_rules **out, struct rh_err *err);
/* Tests only (h25ret): every later rh__load_rules_load parses text (len
 * bytes, kept by the caller) instead of the compiled-in file, until called
 * with NULL: a changed setting shown to change the report. */
void rh__load_rules_use(const char *text, size_t len);
/* The compiled-in text of data/load_rules.txt (tests: each sentence required). */
const char *rh__load_rules_text(size_t *len);
/* Parses rules from text (same format); used by the loader and the tests. */
int rh__load_rules_parse(const char *text, size_t len, struct rh__load_rules **out,
                         struct rh_err *err);
void rh__load_rules_free(struct rh__load_rules *r);
/* The weeks of [settings] recent_days, the span of the findings' "last 4
 * weeks" (whole weeks, checked when the rules load). */
int rh__load_recent_weeks(const struct rh__load_settings *set);
/* loadw25: the weeks of the step rate's weeks before ([settings]
 * cadence_before_days, whole weeks): "in the 8 weeks before" */
int rh__load_cadence_before_weeks(const struct rh__load_settings *set);
/* polish29: a pair of shoes' km against the guidance (rh_load_shoe_guidance)
 * of parsed rules. */
void rh__load_shoe_guidance(const struct rh__load_rules *r, double km, bool retired, char *out,
                            size_t cap);
/* The rule with this id, or NULL. */
const struct rh__load_rule *rh__load_rule(const struct rh__load_rules *r, const char *id);
/* The rule of a finding of parsed rules (every finding has one). */
const struct rh__load_rule *rh__load_rule_of(const struct rh__load_rules *r,
                                             enum rh_load_finding_id id);

/* The first day of the calendar week of day d (first: week_first_day, 1 =
 * Monday .. 7): the one week convention of the load report, its findings and
 * the intake's figures (review 7b N12). */
int32_t rh__load_week_start(int32_t d, int first);

/* The sentence t of the rules (never NULL once parsed). */
const char *rh__load_text(const struct rh__load_rules *r, enum rh__load_text t);
/* tmpl with each {NAME} replaced by vals[i] where names[i] is NAME (n
 * pairs), into out (cap bytes, cut if longer). The loader has checked that
 * a sentence names only its own figures; an unknown one is left as it is. */
/* The step rate to aim for: spm rounded to whole steps, raised by the
 * settings' cadence_raise_low_pct and _high_pct, each rounded. */
/* the step rate the training is judged by: the recent level runs' median,
 * or RH_NONE when too few (session 30, walk30; src/load/load.c) */
double rh__load_judged_cadence(const struct rh__load_settings *set, const struct rh_load_now *now);
void rh__load_cadence_target(const struct rh__load_settings *set, double spm, double *lo,
                             double *hi);
void rh__load_fill(char *out, size_t cap, const char *tmpl, const char *const *names,
                   const char *const *vals, size_t n);

/* code24: the load's words that are not a finding's, data/wording.txt
 * [load_messages] (load_words.c), texts with named holes. rh__load_say: the
 * text of key with its holes filled by the NAME, VALUE pairs that follow
 * (const char *, ended by NULL; exactly the table's names for key,
 * asserted) into buf (cap bytes, cut at a character boundary; "" when the
 * section does not check); returns the length it needs, as snprintf.
 * rh__load_err: err set to code and that text; returns code.
 * rh__load_words_check: the section against the table, once a program. */
size_t rh__load_say(char *buf, size_t cap, const char *key, ...);
/* Where to set a value, said where the words are shown (where_*): args
 * what follows 'runhip profile set' (" birth_year YEAR", "" for none),
 * one_field whether one field is meant (on the Profile page, the field above). */
void rh__load_where(char *buf, size_t cap, enum rh_load_where where, const char *args,
                    bool one_field);
int rh__load_err(struct rh_err *err, int code, const char *key, ...);
int rh__load_words_check(struct rh_err *err);

/* Share (0..1) of the tracks that have a "nearly the same" partner group:
 * the size of the largest group of runs whose tracks match the same run,
 * divided by the number of tracks. cell_m is the grid size, match the
 * share of cells that must be found near the other track both ways.
 * 0 with *share (NaN when n < 2) or RH_ENOMEM. */
int rh__load_route_share(const struct rh_activity *acts, const size_t *idx, size_t n, double cell_m,
                         double match, double *share, size_t *group);

/* The decimals a finding's figure is shown with in its measure line ({value}):
 * 2 for a ratio, 0 for the others (rh_load_finding_measure). The findings are
 * judged on the figure as shown, so a ratio that reads 1.50 is not "above 1.5". */
int rh__load_value_digits(const char *unit);

/* Appends a JSON number with the given decimals, or null for NaN/inf. */
int rh__json_num(struct rh_buf *b, double v, int decimals);

#endif
