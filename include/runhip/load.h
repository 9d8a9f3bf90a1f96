/* SPDX-License-Identifier: MIT */
/*
 * runhip/load.h: training-load analysis. From the stored activities and the
 * diary it computes the daily, weekly and rolling figures coaches use
 * (distance, duration, climb, session load, acute:chronic ratios, Foster
 * monotony and strain, longest run against the previous 30 days, rest
 * days, strength sessions, run-type mix, cadence, shoe distance, route
 * repetition, heat) and turns them into findings with stable ids, each with
 * its value, threshold, dates, evidence and advice. The thresholds and the
 * evidence text live in data/load_rules.txt (compiled in). Formulas and
 * sources: docs/internals/load.md.
 *
 * Ownership: struct rh_load_report is caller-owned; rh_load_report_build
 * fills it and rh_load_report_release frees everything it points to
 * (the strings of its findings included). Writers append to a caller-owned
 * struct rh_buf. Store pointers are borrowed for the duration of a call.
 */
#ifndef RUNHIP_LOAD_H
#define RUNHIP_LOAD_H

#include "runhip/intake.h"
#include "runhip/store.h"
#include "runhip/util.h"

/* How a session's load was measured (stated wherever a load is shown). */
enum rh_load_method {
    RH_LOAD_NONE = 0,
    RH_LOAD_SRPE,  /* session-RPE: minutes x RPE (CR-10) from the diary */
    RH_LOAD_TRIMP, /* Banister TRIMP from average heart rate */
    RH_LOAD_PACE,  /* minutes x intensity factor^2 from pace */
    RH_LOAD__COUNT
};
/* "srpe", "trimp", "pace" ("none"); never NULL. */
const char *rh_load_method_name(enum rh_load_method m);

enum rh_run_type { RH_RUN_EASY = 0, RH_RUN_MODERATE, RH_RUN_LONG, RH_RUN_HARD, RH_RUN__COUNT };
/* "easy", "moderate", "long", "hard"; never NULL. */
const char *rh_run_type_name(enum rh_run_type t);

/* One calendar day (UTC). Loads are in arbitrary units (AU) of the method
 * used that day. */
struct rh_load_day {
    int32_t day;
    double km, minutes, elev_m, load;
    int runs;         /* recorded runs plus runs logged by hand */
    unsigned methods; /* 1u << enum rh_load_method of the runs that day */
    int strength;     /* strength sessions (diary + strength activities) */
    int mobility;     /* mobility sessions (diary) */
    int pain;         /* highest pain entry that day, -1 if none */
};

/* One recorded run. */
struct rh_load_run {
    int64_t id;
    int32_t day;
    double km, minutes, elev_m, cad_spm, avg_hr, temp_c, load;
    enum rh_temp_source temp_source; /* of temp_c: the wrist's sensor or the air */
    enum rh_load_method method;
    enum rh_run_type type;
    double prev30_longest_km; /* longest run in the 30 days before, NaN if none */
    double vs_longest_pct;    /* km against prev30_longest_km, %, NaN if none */
    char gear[64];            /* "" if unknown */
    bool race; /* a half or full marathon after a taper (data/load_rules.txt) */
    bool trail; /* the file's sport is trail running (hist29: no level run) */
};

/* Seven days ending on `to`: in the report's weeks[] counted back from the
 * as-of day (the last always ends on it: the rolling figures); in its
 * cal_weeks[] the calendar weeks the runner reads (Monday to Sunday).
 * Figures are NaN when not computable. */
struct rh_load_week {
    int32_t from, to;
    double km, minutes, elev_m, load;
    double change_prev_pct;        /* km against the week before, % */
    double change_4wk_pct;         /* km against the mean of the 4 weeks before, % */
    /* the same changes in km, instead of %, when their base is under
     * weekly_jump_min_base_km of data/load_rules.txt (NaN otherwise): a
     * percentage of a tiny base is no jump (rh_load_change_words) */
    double change_prev_km, change_4wk_km;
    double acwr_rolling;           /* 7-day mean / 28-day mean load (coupled) */
    double acwr_rolling_uncoupled; /* 7-day mean / mean of the 21 days before */
    double acwr_ewma;              /* EWMA 7 / EWMA 28 on the last day */
    double acwr_ewma_uncoupled;    /* EWMA 7 / EWMA 28 of 7 days earlier */
    /* session 17: back after a gap (data/load_rules.txt acwr_gap_days):
     * the 28 days hold that many days or more in a row without a run,
     * ended by a run of the last 7 days, so the four ratios above are not
     * worked out (NaN): against a chronic load that is mostly the gap they
     * read as a spike (4.00 after 3 weeks off) that says nothing. gap_days
     * the days without a run (0: no such gap), from gap_from to gap_to;
     * gap_before_weekly_km the mean weekly distance of the (up to) 4 weeks
     * before it, NaN when no run came before the gap */
    int gap_days;
    int32_t gap_from, gap_to;
    double gap_before_weekly_km;
    double monotony, strain;       /* Foster: mean/SD of the 7 daily loads */
    int runs, rest_days, strength, mobility;
    int type_count[RH_RUN__COUNT];
    double longest_km;
    double cadence_spm; /* mean over runs with cadence */
    /* cal_weeks: the current week, not over yet: its figures count its days
     * up to the as-of day only, and it has no change against a whole week */
    bool partial;
};

/* One pair of shoes: the shoe table and activity.gear together. */
struct rh_load_shoe {
    char name[4 * RH_ENTRY_NAME_MAX + 1]; /* as struct rh_store_shoe */
    double before_km; /* distance before runhip saw the pair */
    double logged_km; /* stored runs with this gear, up to the as-of day */
    double total_km;
    int runs;
    int32_t last_day; /* last run in them, -1 if none */
    bool retired;
};

#define RH_LOAD_MAX_FINDINGS 16

/* The load findings, declared once: each id is an enum value
 * RH_FINDING_<id>, must have a [finding.<id>] section in
 * data/load_rules.txt (checked when the rules load), and has one function
 * find_<id>() in load.c (a missing one does not compile). */
#define RH_LOAD_FINDINGS(X)                                                                        \
    X(long_run_spike)                                                                              \
    X(weekly_jump)                                                                                 \
    X(low_cadence)                                                                                 \
    X(no_rest)                                                                                     \
    X(few_strength)                                                                                \
    X(same_route)                                                                                  \
    X(heat)                                                                                        \
    X(acwr_high)                                                                                   \
    X(monotony_high)                                                                               \
    X(worn_shoes)                                                                                  \
    X(too_little_data)
enum rh_load_finding_id {
#define RH__LOAD_FINDING_ENUM(id) RH_FINDING_##id,
    RH_LOAD_FINDINGS(RH__LOAD_FINDING_ENUM)
#undef RH__LOAD_FINDING_ENUM
        RH_FINDING__COUNT
};
/* "long_run_spike", ...; never NULL. */
const char *rh_load_finding_name(enum rh_load_finding_id id);

/* One finding. Strings: id/unit/strength are short fixed text; evidence,
 * advice and source point into the report's rules (valid until release);
 * detail is the sentence with this runner's numbers. */
struct rh_load_finding {
    char id[24];
    int rank; /* 1 = strongest evidence; findings are sorted by it */
    double value, threshold;
    char unit[16];
    int32_t from, to;
    char strength[16]; /* "moderate", "weak", "contested", "none" */
    const char *title, *evidence, *advice, *source;
    /* the figure against the threshold in words, with {value} and the
     * like (data/load_rules.txt measure): write it with
     * rh_load_finding_measure */
    const char *measure;
    /* the diary's session kind ("strength") the advice asks to log, "" none:
     * each front end says where (rh_load_log_hint: the terminal's command,
     * the web's link to its Diary page), the advice itself in plain words */
    const char *log;
    /* data/load_rules.txt hand_logged: its figures count the runs logged by
     * hand (the days' distance, load and runs: a long run, a weekly jump,
     * days without rest, the ratio, monotony), not only the watch's
     * recordings (a step rate, a route, heat): rh_load_finding_after counts
     * such runs after the onset too (words20) */
    bool hand_logged;
    /* data/load_rules.txt onset_lead (a weekly jump): a finding whose last
     * week has runs in the onset_lead_days up to the onset began before
     * the pain, a possible cause, and rh_load_finding_after does not label
     * it "after the pain began" (load19) */
    bool onset_lead;
    /* review 10 #4: the lead-in of the advice while the plan stops running
     * and leg exercise (data/load_rules.txt [text] advice.deferred): the
     * advice is for when the runner is cleared, and no log is asked for
     * (log ""); NULL while nothing is on hold (rh_load_shown_defer) */
    const char *deferred;
    char detail[480];
};
/* Finding f's figure against its threshold in plain words, the one
 * wording of data/load_rules.txt (its measure): "165 steps a minute;
 * concern starts below 167 steps a minute"; a count a week as whole
 * sessions of the finding's weeks. Written to out. */
const char *rh_load_finding_measure(const struct rh_load_finding *f, char *out, size_t n);
struct rh_load_now;
/* Strength (or mobility) sessions of the last weeks in plain words, whole
 * sessions first and the mean with the precision it has: "3 in the last 4
 * weeks, 0.75 a week", "one in the last 4 weeks, 0.25 a week", "none in
 * the last 4 weeks"; "" when not known. Written to out. */
const char *rh_load_sessions_words(const struct rh_load_now *now, bool mobility, char *out,
                                   size_t n);
/* A change of weekly distance in words for the tables and figures: "+44%",
 * or from a base under weekly_jump_min_base_km (data/load_rules.txt) the
 * km, "+17 km" (pct NaN, km set), so a tiny base never reads as a dramatic
 * jump; "" when there is neither. Written to out. */
const char *rh_load_change_words(double pct, double km, char *out, size_t n);
/* Where the runner logs what finding f's advice asks for: the words of
 * data/wording.txt [text] log_session.terminal (the command) or, web,
 * log_session.web (the text of a link to the Diary page), "{}" replaced by
 * the session kind; "" when the finding asks for no log. Written to out. */
const char *rh_load_log_hint(const struct rh_load_finding *f, bool web, char *out, size_t n);

/* The figures as of the as-of day (NaN or -1 when not computable). */
struct rh_load_now {
    double weekly_km;       /* last 7 days */
    double usual_weekly_km; /* mean of the last 4 weeks */
    double change_prev_pct, change_4wk_pct;
    double change_prev_km, change_4wk_km; /* instead, from a tiny base (as a week's) */
    double acwr_rolling, acwr_rolling_uncoupled, acwr_ewma, acwr_ewma_uncoupled;
    /* as the week's (rh_load_week): back after a gap, the ratios NaN */
    int gap_days;
    int32_t gap_from, gap_to;
    double gap_before_weekly_km;
    double monotony, strain;
    /* the mean of the last up to strength_weeks (8) weeks inside the data
     * (data/load_rules.txt; 4 before session 23) */
    double strength_per_week, mobility_per_week;
    int strength_sessions, mobility_sessions; /* counted in those weeks */
    int session_weeks;                        /* how many weeks (up to 8) */
    int strength_weeks_none;                  /* of them, weeks without strength */
    int rest_days_last_week;
    /* "recent": the last recent_days days (data/load_rules.txt, 28) */
    int longest_streak; /* most days in a row with a run, recent */
    int32_t streak_from, streak_to;
    double cadence_spm;                /* median of the recent runs */
    /* hist29: the median of the recent runs on level ground (not trail
     * runs, climbing under cadence_level_climb_m_km), the one low_cadence
     * judges, and how many runs it holds (data/load_rules.txt) */
    double cadence_level_spm;
    int cadence_level_runs, cadence_runs; /* level runs; all recent runs with a step rate */
    double cadence_prev_spm; /* median of the runs of the 56 days before (cadence_before_days) */
    double cadence_trend_spm_per_week; /* least-squares slope, last 12 weeks */
    double same_route_share;           /* 0..1 of the recent tracked runs */
    int tracked_runs;                  /* recent runs with a track */
    int hot_runs;                      /* recent runs above the heat threshold */
    double longest_run_km;             /* over the whole history */
    int32_t longest_run_day;
    const char *current_shoe; /* points into shoes[], NULL if unknown */
    double current_shoe_km;
};

/* What the report did not count in first_day..as_of, and why. */
struct rh_load_left_out {
    int excluded;                      /* excluded by the runner */
    int undated;                       /* stored without a date (none in the window) */
    int not_running[RH_SPORT__COUNT];  /* other sports (strength counts as sessions) */
    double not_running_km[RH_SPORT__COUNT];
};

struct rh__load_rules; /* parsed data/load_rules.txt (internal) */

struct rh_load_report {
    int32_t as_of, first_day; /* first_day: first day analysed */
    bool as_of_is_newest;     /* set by the caller: as_of was the newest activity's day */
    bool as_of_is_today;      /* set by the caller: as_of was today (the default) */
    int history_days;         /* as_of - first activity day + 1 */
    /* hist30: the runs (recorded and logged by hand) of the last
     * recent_days days and of all the data; sparse: a record too sparse to
     * judge, under sparse_runs_week runs a week over both with at least
     * min_history_days of data (data/load_rules.txt): the weekly change,
     * the long-run spike, the ratio, monotony and strength are not judged
     * and too_little_data says why */
    int recent_runs, all_runs;
    bool sparse;
    struct rh_load_left_out left_out;
    struct rh_load_day *days; /* first_day .. as_of */
    size_t n_days;
    struct rh_load_week *weeks; /* oldest first, the last ends on as_of */
    size_t n_weeks;
    /* the calendar weeks (data/load_rules.txt week_first_day: Monday to
     * Sunday, the runner's local days), oldest first, from the one of the
     * first day of data to the one of the as-of day (partial unless it ends
     * on it): the one week of every weekly figure the runner sees, the
     * weekly_jump finding, the weekly tables of the terminal and the web and
     * the chart (rh_load_table_range, rh_load_week_label) */
    struct rh_load_week *cal_weeks;
    size_t n_cal_weeks;
    struct rh_load_run *runs; /* oldest first */
    size_t n_runs;
    int logged_runs; /* runs logged by hand that no file recorded, counted in the days */
    struct rh_load_shoe *shoes;
    size_t n_shoes;
    struct rh_load_finding findings[RH_LOAD_MAX_FINDINGS];
    size_t n_findings;
    struct rh_load_now now;
    /* heart-rate profile used by TRIMP */
    double rest_hr, max_hr;
    bool rest_hr_from_profile, max_hr_from_profile;
    /* without profile.max_hr: the estimate's basis (data/load_rules.txt
     * max_hr_peak_rank): the recordings whose peak it ranks, and those with
     * a heart rate left out because the file ended early */
    int max_hr_recordings, max_hr_left_out;
    double max_hr_lone_peak; /* a peak left out as standing alone, NaN none */
    double max_hr_age;       /* the age-predicted maximum, NaN without a birth year */
    /* the newest day with a run (recorded or logged by hand) up to as_of,
     * -1 when there is none in the report's window */
    int32_t newest_run_day;
    bool trimp_female;                   /* women's TRIMP weighting (profile.sex = female) */
    int method_runs[RH_LOAD__COUNT];     /* runs measured by each method */
    enum rh_load_method main_method;     /* the method of most runs */
    double lambda_acute, lambda_chronic; /* EWMA factors, 2/(N+1) */
    double ref_speed_mps;                /* median run speed (pace method) */
    struct rh__load_rules *rules;
};

/* Builds the report from everything stored up to and including as_of_day.
 * Returns 0, RH_EEMPTY (no activity and no diary run up to that day),
 * RH_ENOMEM, RH_EDB or RH_ESYNTAX (broken rules file). On failure r is
 * left released. Free with rh_load_report_release. */
int rh_load_report_build(struct rh_store *s, int32_t as_of_day, struct rh_load_report *r,
                         struct rh_err *err);
/* Frees what the report owns and zeroes it; safe on a zeroed report. */
void rh_load_report_release(struct rh_load_report *r);
/* The finding with this id, or NULL. Borrowed from r. */
const struct rh_load_finding *rh_load_report_finding(const struct rh_load_report *r,
                                                     const char *id);

/* The day the pain began by the latest assessment (its day less its
 * duration_days), into *onset_day; -1 with no assessment or no duration.
 * 0 or RH_EDB. */
int rh_load_onset_day(struct rh_store *s, int32_t *onset_day, struct rh_err *err);

/* The median of v[0..n), as the report takes a step rate (the plan's base
 * too): sorts v in place; RH_NONE when n is 0. v stays the caller's. */
double rh_load_median(double *v, size_t n);

/* The findings shown beside the chart: the web's Training page, the
 * hand-off report and the terminal's load (review 8 #10). latest: those
 * of the report as of its as-of day; before_onset: those of the weeks
 * before the pain began (the report as of the day before the latest
 * assessment's onset day, onset_day, -1 when unknown or not before the
 * as-of day) that the
 * latest weeks do not show again, so the training that came with the
 * injury stays in view after its weeks have passed. Pointers borrow from
 * the latest report and from `before` (owned: rh_load_shown_release). */
struct rh_load_shown {
    const struct rh_load_finding *latest[RH_LOAD_MAX_FINDINGS];
    size_t n_latest;
    const struct rh_load_finding *before_onset[RH_LOAD_MAX_FINDINGS];
    size_t n_before;
    int32_t onset_day;
    struct rh_load_report before;
};
int rh_load_findings_shown(struct rh_store *s, const struct rh_load_report *latest,
                           struct rh_load_shown *out, struct rh_err *err);
void rh_load_shown_release(struct rh_load_shown *sh);
/* Review 10 #4: while the plan stops running and leg exercise (a warning
 * sign waiting for a professional, rh_plan_defers_training), no finding
 * prescribes strength work, step-ups or a higher step rate now: every
 * finding of r (and of sh->before, sh may be NULL) gets its advice deferred
 * (f->deferred, the lead-in every writer puts before the advice: the
 * terminal's load, the Training page, the JSON's advice_deferred) and asks
 * for no log. */
void rh_load_shown_defer(struct rh_load_report *r, struct rh_load_shown *sh);
/* The heading of a group of the shown findings, the same words everywhere
 * (data/load_rules.txt [text] findings.latest, findings.before_onset with
 * the onset day): before false, the latest weeks'; true, the weeks before
 * the pain began. r: the latest report (its rules). Written to buf. */
const char *rh_load_shown_heading(const struct rh_load_report *r, const struct rh_load_shown *sh,
                                  bool before, char *buf, size_t cap);
/* The label of a shown finding dated after the pain began (its last day
 * later than sh->onset_day: runs done on an existing pain, not its cause;
 * data/load_rules.txt [text] findings.after_onset with the onset day), the
 * same words in the terminal's load, the Training page and the hand-off
 * report (review 9 #11); "" for any other finding. r: the latest report
 * (its rules). Written to buf. */
const char *rh_load_shown_after(const struct rh_load_report *r, const struct rh_load_shown *sh,
                                const struct rh_load_finding *f, char *buf, size_t cap);
/* The same label for the pain that began on onset_day, for the plan's
 * findings (which keep only their ids). 0 or the rules' loader's error. */
int rh_load_after_onset_label(int32_t onset_day, char *buf, size_t cap, struct rh_err *err);

/* The step rate to aim for from a step rate spm (data/load_rules.txt
 * cadence_raise_*_pct: the runner's own, in whole steps, raised by 5-10%,
 * each end whole), the one target of the load report's low_cadence finding
 * and of the plan: into *lo, *hi (NaN for no spm). 0 or an error of the
 * rules' loader. */
int rh_load_cadence_target(double spm, double *lo, double *hi, struct rh_err *err);
/* The raise itself, in percent of the runner's own step rate
 * (data/load_rules.txt cadence_raise_low_pct and _high_pct): the figures
 * the plan's step-rate advice says in words. 0 or an error of the rules'
 * loader (then *low_pct, *high_pct NaN). */
/* polish29: a pair of shoes' km against the guidance of data/load_rules.txt
 * (500 km, [settings] shoe_low_km, to the worn_shoes finding's threshold,
 * with its source and, for a pair in use past it, its advice), in the words
 * of data/wording.txt [load_messages] shoe_guidance / shoe_past: the one
 * wording of runhip load, runhip shoes and the web's Shoes page. Into out
 * (cap bytes). 0, or the rules' error. */
int rh_load_shoe_guidance(double km, bool retired, char *out, size_t cap, struct rh_err *err);
int rh_load_cadence_raise(double *low_pct, double *high_pct, struct rh_err *err);

/* Writers: append to out. 0, RH_ENOMEM or RH_ELIMIT (buffer cap). */
/* One JSON document: settings, current figures, weekly series, the daily
 * and per-run series of the last 12 weeks, shoes, pain markers, findings. */
int rh_load_write_json(const struct rh_load_report *r, struct rh_buf *out);
/* The same with "before_onset": {onset, to, findings} after "findings"
 * when sh (rh_load_findings_shown on r) knows the onset: the findings of
 * the weeks before the pain began that the terminal's load and the
 * Training page show; sh NULL: as rh_load_write_json. */
int rh_load_write_json_shown(const struct rh_load_report *r, const struct rh_load_shown *sh,
                             struct rh_buf *out);
/* The plain-text report for a runner. */
int rh_load_write_text(const struct rh_load_report *r, struct rh_buf *out);
/* The same with the findings shown beside the chart (sh, from
 * rh_load_findings_shown on r: the latest weeks' and those of the weeks
 * before the pain began, under the headings of rh_load_shown_heading);
 * sh NULL: r's own findings, as rh_load_write_text. */
/* data/wording.txt [load_messages], the words of the text report
 * (rh_load_write_text*): 0 when it holds exactly the report's keys, each a
 * printf format with the conversions the report gives; RH_EFORMAT else
 * (words20; the report checks it before writing). */
int rh_load_text_words_check(struct rh_err *err);
int rh_load_write_text_shown(const struct rh_load_report *r, const struct rh_load_shown *sh,
                             struct rh_buf *out);
/* An SVG chart of the last (up to) 16 weeks: weekly distance bars, the
 * acute:chronic ratio with its 0.8-1.3 band, monotony, pain markers;
 * title, axes with units and a legend. It scales to the width it is given
 * (width 100%, a viewBox); the wide layout, 900 units. A chart file of its
 * own: its footnote says it is information, not a diagnosis. */
int rh_load_write_svg(const struct rh_load_report *r, struct rh_buf *out);
/* The layouts of the chart: WIDE (900 units, 16 weeks; a laptop, paper)
 * and NARROW (340 units, 8 weeks, taller, the legend one item a line; a
 * phone). Text is at least 12 units in both, so 12 px or more when shown
 * at least as wide as the layout. rh_load_write_svg_layout draws the chart
 * for a page (the web app, the hand-off report): its footnote leaves the
 * disclaimer to the page, which says it once. PRINT (phys28): WIDE's width,
 * weeks and text with shorter panels and no title drawn (its <title>
 * stays; about two thirds of its height), for the hand-off report, whose
 * printed A4 pages it shares under the report's own heading. */
enum rh_load_svg_layout { RH_LOAD_SVG_WIDE, RH_LOAD_SVG_NARROW, RH_LOAD_SVG_PRINT };
int rh_load_write_svg_layout(const struct rh_load_report *r, enum rh_load_svg_layout layout,
                             struct rh_buf *out);

/* True when the maximum heart rate is an estimate from the recordings
 * (no profile.max_hr) and some run was typed or loaded by heart rate: run
 * types and TRIMP loads are then approximate. */
bool rh_load_max_hr_estimated(const struct rh_load_report *r);

/* True when at least `need` of the `weeks` 7-day blocks ending on the
 * as-of day have a run (recorded or logged by hand). */
bool rh_load_weeks_covered(const struct rh_load_report *r, int weeks, int need);
/* Whether the recorded runs stand for the runner's usual training up to the
 * as-of day: data/load_rules.txt intake_cover_weeks of the
 * intake_window_weeks 7-day blocks ending on it hold a run. The
 * assessment's recorded figures (rh_load_fill_intake) and the plan's volume
 * before the pain both ask it; else the runner's own answer stands. */
bool rh_load_usual_weeks_covered(const struct rh_load_report *r);

/* The last day of the calendar week before the one day falls in (the weeks
 * of data/load_rules.txt week_first_day, as the weekly_jump finding counts
 * them), into *last: the end of the whole weeks before the pain began that
 * the intake's recorded figures and the plan's volume before the pain both
 * count (review 7b N2, N12). 0, or an error of the rules' loader. */
int rh_load_week_before(int32_t day, int32_t *last, struct rh_err *err);
/* The finding f of report r measured a run after onset_day (a run of its
 * weeks, f->from..f->to, is dated after it, recorded or logged by hand as
 * an outing of its own): runs done on an existing pain.
 * A finding whose weeks reach past the onset but whose runs were all
 * before it is not (review 11 #12: the run of the day before the pain was
 * counted both before and after it). A finding of the diary's sessions
 * (f->log) is after when its weeks reach past the onset. */
bool rh_load_finding_after(const struct rh_load_report *r, const struct rh_load_finding *f,
                           int32_t onset_day);
/* The newest run stored before day (a local day; runs of day itself not
 * counted) into *newest, -1 none: "your newest run before the pain began"
 * (review 11 #12: not the newest of the whole weeks before the week the
 * pain began in, which leaves out the days of that week before it). */
int rh_load_newest_run_before(struct rh_store *s, int32_t day, int32_t *newest,
                              struct rh_err *err);

/* How many weeks the weekly table shows, the terminal's and the web's
 * alike, and the window of rh_load_quiet_note (data/load_rules.txt
 * table_weeks). */
int rh_load_table_weeks(const struct rh_load_report *r);
/* The calendar weeks a weekly table or the chart shows: the last (up to)
 * max of r->cal_weeks (max 0: rh_load_table_weeks), oldest first, the
 * current week last; *n of them. */
const struct rh_load_week *rh_load_table_range(const struct rh_load_report *r, size_t max,
                                               size_t *n);
/* How a weekly table names calendar week w: "this week so far" (data/
 * load_rules.txt [text] this_week) for the current week not over yet, else
 * the day it starts ("2026-11-23"). Written into buf (at least 11 bytes). */
const char *rh_load_week_label(const struct rh_load_report *r, const struct rh_load_week *w,
                               char *buf, size_t cap);
/* Whether a week starting on day `from` lies wholly after r's newest run
 * (the data ended before it; polish29, plain31): such a week has no change,
 * ratio or monotony to show, not a drop to 0. False when r has no run.
 * Borrows r. */
bool rh_load_week_after_data(const struct rh_load_report *r, int32_t from);

/* The plain sentence when no run lies in the weeks of the weekly table
 * (rh_load_table_weeks) before the as-of day: "No runs in the last 8 weeks;
 * your newest run is 2023-06-10." (or "No runs stored." when there is
 * none), written into buf. Returns false (buf "") when there are runs in
 * those weeks. The caller adds how to look at that day (the CLI's
 * --as-of, the web's link). */
bool rh_load_quiet_note(const struct rh_load_report *r, char *buf, size_t cap);

/* Session 17: back after a gap (r->now.gap_days > 0, data/load_rules.txt
 * acwr_gap_days), the acute:chronic ratio's line in plain words instead of a
 * figure: "not worked out: you are back after 4 weeks without a recorded run
 * (2026-11-23 to 2026-12-21), so the 28-day average is mostly the gap ...
 * The last 7 days: 14.0 km in 2 runs; before the gap you ran 36.2 km a week
 * (its 4 weeks)." (the 7 days to the as-of day, words20: not "This week so
 * far", the calendar week's name; words in data/load_rules.txt [text] gap).
 * false (buf "") when there is no gap. The terminal's load, the JSON
 * (acwr_gap.words), the Training page and the hand-off report say it. */
bool rh_load_gap_words(const struct rh_load_report *r, char *buf, size_t cap);

/* Session 17: the runner's sex and birth year as the training load uses
 * them (women's TRIMP weighting, the age-predicted maximum heart rate):
 * the profile's when the runner set them; else the latest assessment's
 * answers: its sex, and its age as a birth year (the assessment day's year
 * less the age, so about a year either way). The profile always wins. sex
 * "female", "male" or "" (none); birth_year -1 none. */
struct rh_load_person {
    char sex[16];
    int birth_year;
    bool sex_from_assessment, birth_year_from_assessment;
    int32_t assessment_day; /* the assessment's local day when one was used, else -1 */
    int age_answered;       /* its age, when the birth year came from it, else -1 */
};
int rh_load_person(struct rh_store *s, struct rh_load_person *out, struct rh_err *err);
/* Where a value the profile does not hold came from, for the CLI's
 * `profile` and the web's /profile: "in use: female, from your answer in
 * your assessment of 2026-11-23; set yours with ..." (birth_year: the birth
 * year's, "in use: about 1988, from your age (38) in ..."); "" when the
 * profile holds it or no assessment gives it. where: where the words are
 * shown, which says where to set the value (cli26: the Profile page said
 * "or on the Profile page" of itself). */
enum rh_load_where {
    RH_LOAD_WHERE_ANY,     /* a terminal or another page: the command or the Profile page */
    RH_LOAD_WHERE_PROFILE, /* under the value's own field on the Profile page */
};
void rh_load_person_words(const struct rh_load_person *p, bool birth_year,
                          enum rh_load_where where, char *buf, size_t cap);

/* The heart-rate values in use, as the load report takes them (for the
 * profile page): rest and max (NaN max when no recording has a heart
 * rate), and whether each is from the profile. 0 or an error of
 * rh_load_report_build other than RH_EEMPTY (then both from the profile
 * or the assumed rest). */
struct rh_load_hr_in_use {
    double rest_hr, max_hr;
    bool rest_from_profile, max_from_profile;
    int max_recordings, max_left_out;
    double max_lone_peak, max_age; /* as in the report, NaN none */
    double age_a, age_b; /* the age-predicted maximum, age_a - age_b x age
                            (data/load_rules.txt max_hr_age_*) */
};
/* The values of a built report. */
void rh_load_hr_of_report(const struct rh_load_report *r, struct rh_load_hr_in_use *out);
/* code24: the load's words a runner reads that are not a finding's (the
 * error of `runhip load` with nothing stored, the heart rates, sex and
 * birth year in use said by the profile), each the key of its text in
 * data/wording.txt [load_messages] with the named holes its code fills
 * (struct rh_words_named, runhip/text.h): the one table the section is
 * checked against before a report is built, for a test to read rather
 * than copy. *n (not NULL) is set to its length. Ownership: the library's
 * static, read-only table, valid for the life of the program. */
struct rh_words_named;
const struct rh_words_named *rh_load_words_keys(size_t *n);
/* The chart's words (rh_load_write_svg), data/wording.txt [load_chart],
 * with the named holes its code fills: the one table the section is
 * checked against before a chart is drawn (rh_words_plain_named_check), for
 * a test to read rather than copy. *n (not NULL) is set to its length.
 * Ownership as rh_load_words_keys. */
const struct rh_words_named *rh_load_chart_words_keys(size_t *n);
/* How an estimated maximum was found, one clause: "estimated: the highest
 * peak of your 12 complete recordings, leaving out 1 that ended early; run
 * types are approximate until you set it (...)". The load report, the
 * CLI's `profile` and the web's /profile use it. */
void rh_load_max_hr_basis(const struct rh_load_hr_in_use *u, enum rh_load_where where, char *buf,
                          size_t cap);
int rh_load_hr_in_use(struct rh_store *s, int32_t as_of_day, struct rh_load_hr_in_use *out,
                      struct rh_err *err);
/* The words for a value in use that the profile does not give (rest when
 * !max, else max): "in use: 60 beats a minute, assumed", "in use: 186
 * beats a minute, estimated from the second highest peak of your 12
 * complete recordings; run types are approximate until you set it"; ""
 * when the profile gives it. The CLI's `profile` and the web's /profile
 * show these words. */
void rh_load_hr_in_use_words(const struct rh_load_hr_in_use *u, bool max, enum rh_load_where where,
                             char *buf, size_t cap);
/* What setting the birth year changes (u: the values in use after it), for
 * `runhip profile set birth_year`: "birth year 1988: maximum heart rate now
 * estimated as 181 a minute (208 - 0.7 x age, Tanaka 2001)", or that the
 * profile's own maximum or a higher recorded peak stays in use. */
void rh_load_birth_year_words(const struct rh_load_hr_in_use *u, const char *year, char *buf,
                              size_t cap);

/* Fills the training fields of an intake from the stored data as of
 * as_of_day, only when the runs cover the weeks before it (data/
 * load_rules.txt intake_cover_weeks: a run in each of the 4 weeks); else
 * nothing is filled and in->data_newest_run is set to the newest run's
 * day (-1 when no run is stored), so the assessment can say why the
 * runner's answers were kept: weekly_km, km_change_pct, cadence_spm, shoe_km, same_route,
 * each only when the data can say (enough history, a cadence, a known
 * pair of shoes, enough tracked runs), setting the RH_FROM_DATA_* bit of
 * each field it fills in in->from_data. Fields the data cannot say are
 * left as they were. 0 (also when nothing could be filled), or an error of
 * rh_load_report_build other than RH_EEMPTY. */
int rh_load_fill_intake(struct rh_store *s, int32_t as_of_day, struct rh_intake *in,
                        struct rh_err *err);
/* The training figures both questionnaires (the terminal's and the web's)
 * suggest from the stored runs, measured as the assessment measures them:
 * data is reset and filled by rh_load_fill_intake with the duration_days
 * of so_far (the answers so far, NULL none), so once the runner has said
 * when the pain began the figures are those of the whole weeks before it
 * (data->data_before_onset), else of the weeks up to today. 0 or an error
 * of rh_load_fill_intake. */
int rh_load_quest_figures(struct rh_store *s, int32_t today, const struct rh_intake *so_far,
                          struct rh_intake *data, struct rh_err *err);

/* ---- store queries used by the load report (src/store/store_load.c) --- */

/* A pair from the shoe table. */
struct rh_store_shoe {
    char name[4 * RH_ENTRY_NAME_MAX + 1]; /* RH_ENTRY_NAME_MAX characters of UTF-8 */
    double distance_before_km;
    int32_t first_day, retired_day; /* -1 if not set */
};
/* Every pair, by name: the registered ones and the names that only
 * activities of a foot sport give as their gear (an export's, or set with
 * activities --set; distance before 0, in use). A first day not given is the
 * day of the first stored run in the pair (-1 when there is none). *out is
 * an array of *n; free with rh_free. */
int rh_store_shoe_list(struct rh_store *s, struct rh_store_shoe **out, size_t *n,
                       struct rh_err *err);
/* `shoes add` (the program and the web app): registers pair name (at most
 * RH_ENTRY_NAME_MAX characters, checked by rh_entry_check), or updates it when it is stored: km_before (NaN: keep, else 0)
 * and first_day (-1: keep, else today). *updated: it was stored. */
int rh_store_shoe_add(struct rh_store *s, const char *name, double km_before, int32_t first_day,
                      int32_t today, bool *updated, struct rh_err *err);
/* `shoes retire`: pair name retired on day (-1: today); RH_ENOTFOUND
 * (with the words) when there is no such pair. */
int rh_store_shoe_retire(struct rh_store *s, const char *name, int32_t day, int32_t today,
                         struct rh_err *err);
/* `shoes reuse`, the undo of retire: pair name in use again (its retired
 * day cleared; *was_retired says there was one to clear, else nothing
 * changes); RH_ENOTFOUND (with the words) when there is no such pair. */
int rh_store_shoe_reuse(struct rh_store *s, const char *name, bool *was_retired,
                        struct rh_err *err);
/* The summary fields of one stored activity that the load report reads
 * (a light row: no file names, track or splits). Doubles are NaN when the
 * activity has no value. */
struct rh_store_load_row {
    int64_t id;
    int64_t start_utc;
    int32_t day; /* the local day it started */
    enum rh_sport sport;
    double elapsed_s, timer_s, distance_m, cadence_spm, avg_hr, max_hr, temp_c, elev_gain_m;
    enum rh_temp_source temp_source; /* of temp_c */
    char gear[64]; /* "" if none */
    bool truncated; /* the file ended early (the import's warning): its heart rate is not used
                     * to estimate the maximum */
};
/* Activities not excluded by the runner that started on local days
 * from_day..to_day, oldest first. *out is an array of *n rows; free with
 * rh_free. */
int rh_store_load_rows(struct rh_store *s, int32_t from_day, int32_t to_day,
                       struct rh_store_load_row **out, size_t *n, struct rh_err *err);
/* Activities the runner excluded on local days from_day..to_day, and
 * stored activities without a date at all. */
int rh_store_load_left_out(struct rh_store *s, int32_t from_day, int32_t to_day, int *excluded,
                           int *undated, struct rh_err *err);
/* Local day of the newest stored activity with a start time: 0 with *day
 * set, or RH_ENOTFOUND when there is none. */
int rh_store_activity_last_day(struct rh_store *s, int32_t *day, struct rh_err *err);

#endif
