/* SPDX-License-Identifier: MIT */
/*
 * Internals of the web app: the request context every handler gets, the
 * route table (routes.c, the one list of routes), and the HTML helpers
 * shared by the pages (html.c). One page = one file page_<name>.c.
 */
#ifndef RH_SERVER_INT_H
#define RH_SERVER_INT_H

#include <jansson.h>

#include "runhip/load.h"
#include "runhip/plan.h"
#include "runhip/server.h"
#include "runhip/text.h"
#include "runhip/triage.h"

/* The library's global names all start with rh_ (a program linking
 * librunhip.a may have its own `field` or `put`): the web app's internal
 * functions and tables keep their short names in the source and are given
 * the prefix here, as zlib's Z_PREFIX does (function-like for the helpers,
 * so that a struct member of the same name, `word`, is left alone; plain
 * for the handlers and tables, which the route table takes by address). A
 * new non-static function in src/server needs a line here or a static;
 * tests/cli/symbols.sh fails on any global without rh_. */
#define api_activities    rh__srv_api_activities
#define api_assessment    rh__srv_api_assessment
#define api_diary         rh__srv_api_diary
#define api_fail(...) rh__srv_api_fail(__VA_ARGS__)
#define api_index         rh__srv_api_index
#define api_load          rh__srv_api_load
#define api_plan          rh__srv_api_plan
#define asset_css         rh__srv_asset_css
#define asset_hip_svg     rh__srv_asset_hip_svg
#define asset_load_svg    rh__srv_asset_load_svg
#define load_chart_html   rh__srv_load_chart_html
#define tone_of           rh__srv_tone_of
#define asset_plan_ics    rh__srv_asset_plan_ics
#define asset_quest_js    rh__srv_asset_quest_js
#define csrf_field(...) rh__srv_csrf_field(__VA_ARGS__)
#define ct_css            rh__srv_ct_css
#define ct_html           rh__srv_ct_html
#define ct_ics            rh__srv_ct_ics
#define ct_json           rh__srv_ct_json
#define ct_svg            rh__srv_ct_svg
#define ct_text           rh__srv_ct_text
#define esc(...) rh__srv_esc(__VA_ARGS__)
#define ffield(...) rh__srv_ffield(__VA_ARGS__)
#define field(...) rh__srv_field(__VA_ARGS__)
#define flash_begin(...) rh__srv_flash_begin(__VA_ARGS__)
#define flash_end(...) rh__srv_flash_end(__VA_ARGS__)
#define html_day_detail(...) rh__srv_html_day_detail(__VA_ARGS__)
#define html_days(...) rh__srv_html_days(__VA_ARGS__)
#define html_howto(...) rh__srv_html_howto(__VA_ARGS__)
#define html_block_note(...) rh__srv_html_block_note(__VA_ARGS__)
#define html_diary_lists(...) rh__srv_html_diary_lists(__VA_ARGS__)
#define html_entry_flags(...) rh__srv_html_entry_flags(__VA_ARGS__)
#define html_note_read(...) rh__srv_html_note_read(__VA_ARGS__)
#define html_sign_ticks(...) rh__srv_html_sign_ticks(__VA_ARGS__)
#define html_note_field(...) rh__srv_html_note_field(__VA_ARGS__)
#define html_day_input(...) rh__srv_html_day_input(__VA_ARGS__)
#define form_note(...) rh__srv_form_note(__VA_ARGS__)
#define form_signs(...) rh__srv_form_signs(__VA_ARGS__)
#define html_list(...) rh__srv_html_list(__VA_ARGS__)
#define html_advice(...) rh__srv_html_advice(__VA_ARGS__)
#define plain_reason(...) rh__srv_plain_reason(__VA_ARGS__)
#define flag_because(...) rh__srv_flag_because(__VA_ARGS__)
#define html_plan_banners(...) rh__srv_html_plan_banners(__VA_ARGS__)
#define html_plan_notice(...) rh__srv_html_plan_notice(__VA_ARGS__)
#define html_red_flags(...) rh__srv_html_red_flags(__VA_ARGS__)
#define json_error(...) rh__srv_json_error(__VA_ARGS__)
#define jstr(...) rh__srv_jstr(__VA_ARGS__)
#define load_report(...) rh__srv_load_report(__VA_ARGS__)
#define page_activity     rh__srv_page_activity
#define page_assessment   rh__srv_page_assessment
#define page_begin(...) rh__srv_page_begin(__VA_ARGS__)
#define page_checkin      rh__srv_page_checkin
#define page_checkin_words_check rh__srv_page_checkin_words_check
#define api_checkin       rh__srv_api_checkin
#define api_profile       rh__srv_api_profile
#define api_questionnaire rh__srv_api_questionnaire
#define api_shoes         rh__srv_api_shoes
#define assessment_doc(...) rh__srv_assessment_doc(__VA_ARGS__)
#define runs_changed(...) rh__srv_runs_changed(__VA_ARGS__)
#define asset_js          rh__srv_asset_js
#define asset_report_css  rh__srv_asset_report_css
#define page_report       rh__srv_page_report
#define page_shoes        rh__srv_page_shoes
#define ct_js             rh__srv_ct_js
#define server_kb         rh__srv_server_kb
#define cache_builds      rh__srv_cache_builds
#define cache_find        rh__srv_cache_find
#define cache_give        rh__srv_cache_give
#define cache_keep        rh__srv_cache_keep
#define cache_store       rh__srv_cache_store
#define cache_take        rh__srv_cache_take
#define cache_wrote       rh__srv_cache_wrote
#define page_diary        rh__srv_page_diary
#define page_end(...) rh__srv_page_end(__VA_ARGS__)
#define page_import       rh__srv_page_import
#define page_plan         rh__srv_page_plan
#define page_plan_words_check rh__srv_page_plan_words_check
#define page_quest_words_check rh__srv_page_quest_words_check
#define page_diary_words_check rh__srv_page_diary_words_check
#define page_today_words_check rh__srv_page_today_words_check
#define page_assessment_words_check rh__srv_page_assessment_words_check
#define page_training_words_check rh__srv_page_training_words_check
#define page_profile_words_check rh__srv_page_profile_words_check
#define page_import_words_check rh__srv_page_import_words_check
#define page_shoes_words_check rh__srv_page_shoes_words_check
#define page_activity_words_check rh__srv_page_activity_words_check
#define page_nav_words_check rh__srv_page_nav_words_check
#define page_report_words_check rh__srv_page_report_words_check
#define page_api_words_check rh__srv_page_api_words_check
#define web_words         rh__srv_web_words
#define page_profile      rh__srv_page_profile
#define page_questionnaire rh__srv_page_questionnaire
#define page_today        rh__srv_page_today
#define page_training     rh__srv_page_training
#define pf(...) rh__srv_pf(__VA_ARGS__)
#define plain(...) rh__srv_plain(__VA_ARGS__)
#define plan_current(...) rh__srv_plan_current(__VA_ARGS__)
#define plan_from_day(...) rh__srv_plan_from_day(__VA_ARGS__)
#define training_deferred(...) rh__srv_training_deferred(__VA_ARGS__)
#define put(...) rh__srv_put(__VA_ARGS__)
#define qfield(...) rh__srv_qfield(__VA_ARGS__)
#define qlong(...) rh__srv_qlong(__VA_ARGS__)
#define redirect(...) rh__srv_redirect(__VA_ARGS__)
#define set_text(...) rh__srv_set_text(__VA_ARGS__)
#define weekday_name(...) rh__srv_weekday_name(__VA_ARGS__)
#define word(...) rh__srv_word(__VA_ARGS__)

enum route_kind {
    RK_PAGE,  /* an HTML page: in the navigation when it has a label */
    RK_API,   /* JSON under /api/ */
    RK_ASSET, /* CSS, SVG, the calendar feed */
};

enum { M_GET = 1u << 0, M_POST = 1u << 1 }; /* GET also answers HEAD */

struct ctx {
    const struct rh_server_config *cfg;
    const struct rh_server_request *req;
    struct rh_server_response *res;
    struct rh_store *s; /* read-only for GET/HEAD, read-write for POST */
    int32_t today;
    const char *path;  /* decoded path, no query */
    const char *query; /* raw query (after '?'), "" when none */
    bool post;
    int err; /* sticky output error */
    bool no_keep; /* set by a handler whose answer depends on the clock: never kept (cache.c) */
    struct rh_refs refs; /* the page's numbered sources (runhip/text.h), listed by page_end */
    /* runner23b: the page said the disclaimer in its own paragraph (the
     * Assessment page, Today's welcome): page_end's footer leaves its own
     * "Information, not a diagnosis" out, so the page says it once */
    bool said_disclaimer;
    /* what a POST stored, as the page says it (flash_begin/flash_end): the
     * answer becomes a 303 to the page's GET, which shows it once more */
    size_t flash_from, flash_to;
    struct rh_refs flash_refs;
    /* session 27 (webplan27): the exercise names the page has said, with
     * plain words at their first mention (rh_plan_plain_names) */
    struct rh_plan_said said;
};

typedef int (*route_fn)(struct ctx *c);

struct route {
    const char *path;
    unsigned methods;
    enum route_kind kind;
    route_fn fn;
    const char *label; /* the key of a page's navigation label in data/wording.txt
                          [web_nav] (words21c), or NULL */
    size_t body_max;   /* POST: the form limit (uploads: cfg->upload_max) */
    bool upload;       /* POST takes a multipart file */
    bool no_db;        /* a fixed asset: answered without opening the database */
    const char *short_label; /* the key of the label on a phone-wide screen when the
                                label is long ("Report"), or NULL: the label */
    const char *alias; /* another path the same page answers at, or NULL: "/today"
                          for Today, the name `runhip today` gives it (review 11 #16) */
};

extern const struct route rh_routes[];
extern const size_t rh_n_routes;
const struct route *rh_route_find(const char *path);

/* ---- handlers (one file each) ---------------------------------------------- */
int page_today(struct ctx *c);
int page_assessment(struct ctx *c);
int page_plan(struct ctx *c);
int page_training(struct ctx *c);
int page_diary(struct ctx *c);
int page_checkin(struct ctx *c);
int page_import(struct ctx *c);
int page_activity(struct ctx *c);
int page_profile(struct ctx *c);
int page_report(struct ctx *c); /* and its style sheet, page_report.c */
int page_shoes(struct ctx *c);
int page_questionnaire(struct ctx *c); /* page_questionnaire.c, with its two assets */
int asset_hip_svg(struct ctx *c);
int asset_quest_js(struct ctx *c);
int asset_css(struct ctx *c);
int asset_report_css(struct ctx *c);
int asset_js(struct ctx *c);
int asset_load_svg(struct ctx *c);
/* The load chart inline in a page: the narrow layout in div.narrow, the
 * wide one in div.wide (app.css shows one of them). */
int load_chart_html(struct ctx *c, const struct rh_load_report *rep);
/* The tone of a plan day's kind or an assessment's running level: "go"
 * (green), "train", "caution", "stop" or "rest" (neutral, also for what the
 * table lacks); the class tone-TONE gives its colour. Static text. */
const char *tone_of(const char *what);
int asset_plan_ics(struct ctx *c);
int api_activities(struct ctx *c);
int api_load(struct ctx *c);
int api_assessment(struct ctx *c);
int api_plan(struct ctx *c);
int api_diary(struct ctx *c);
int api_index(struct ctx *c);
int api_checkin(struct ctx *c);
int api_profile(struct ctx *c);
int api_shoes(struct ctx *c);
int api_questionnaire(struct ctx *c); /* page_questionnaire.c */
/* The stored data may have changed (a POST other than the questionnaire's):
 * the questionnaire's figures from the runs are worked out again. */
void runs_changed(void);

/* ---- output (sticky error in c->err) ----------------------------------------- */
void put(struct ctx *c, const char *s);
void esc(struct ctx *c, const char *s);
void pf(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* snake_case id as words, escaped */
void word(struct ctx *c, const char *id);
/* A text for people: plain words, sources numbered in c->refs, escaped. */
void plain(struct ctx *c, const char *s);
/* One of the assessment's reasons (a red flag's, a level's, an advice),
 * maybe stored by an older runhip: rh_text_reason, escaped. */
void plain_reason(struct ctx *c, const char *s);
/* A red flag's reason as the runner reads it: only the answers seen in
 * them (rh_assess_flag_because), else the rule's reason (review 9 #5). */
void flag_because(struct ctx *c, const char *why);
/* A JSON array of the assessment's reasons (rh_text_reason) as <ul>; nothing
 * when empty. */
void html_list(struct ctx *c, json_t *arr, const char *cls);
/* The assessment's "what helps" list (doc: its result) under its heading:
 * while running is stopped (by its own level or when: rh_plan_notice_advice)
 * said as for after that and set apart (rh_text_advice_heading). */
void html_advice(struct ctx *c, json_t *doc, enum rh_advice_when when);
const char *jstr(json_t *obj, const char *key);
/* The page shell: head (title), navigation, then the page; foot closes it. */
void page_begin(struct ctx *c, const char *title);
void page_end(struct ctx *c);
/* <input type=hidden name=csrf> for forms */
void csrf_field(struct ctx *c);
/* A whole response */
int set_text(struct ctx *c, int status, const char *type, const char *text);
int json_error(struct ctx *c, int status, const char *msg);
int api_fail(struct ctx *c, int code, const struct rh_err *err, const char *empty_hint);
int redirect(struct ctx *c, const char *to);
/* Redirect after POST: the part of the page between flash_begin and
 * flash_end (what was stored and what it means, with its sources) is kept
 * in memory and the answer becomes 303 See Other to the page's path with
 * ?done=TOKEN; that GET shows the part under its heading. A reload then
 * sends no form again. Only for a successful POST (status 200): a refused
 * form is shown again at once, nothing stored. */
void flash_begin(struct ctx *c);
void flash_end(struct ctx *c);

/* ---- query and form fields ------------------------------------------------------ */
/* Value of key in an url-encoded list (query or form body), decoded into
 * out (cap bytes). false when absent, undecodable (bad %, NUL or control
 * bytes other than tab/newline) or too long. */
bool field(const char *list, size_t len, const char *key, char *out, size_t cap);
bool qfield(struct ctx *c, const char *key, char *out, size_t cap);
bool ffield(struct ctx *c, const char *key, char *out, size_t cap);
/* A whole number in [lo,hi] from a query field, else def. */
long qlong(struct ctx *c, const char *key, long def, long lo, long hi);

/* ---- typed entries: the diary's and the check-in's (page_diary.c) --------------- */
/* The warning signs as ticks in the questionnaire's words (rh_quest_word_label);
 * signs: the ticked ones (bit i: rh_intake_word(RH_INTAKE_LIST_SIGN, i)). */
void html_sign_ticks(struct ctx *c, uint32_t signs);
/* The free-text note of the diary's and the check-in's forms (read for
 * warning signs): its label, help (static text) and value (escaped). */
void html_note_field(struct ctx *c, const char *help, const char *value);
/* data/wording.txt [web_checkin]: the Check-in page's words, a closed set of
 * printf formats without markup (words20); checked with the rules the
 * server first loads (server_kb). 0 or RH_EFORMAT. */
int page_checkin_words_check(struct rh_err *err);
/* data/wording.txt [web_plan]: the Plan page's words (and its notice's on
 * Today and Assessment), checked alike (words20). */
int page_plan_words_check(struct rh_err *err);
/* data/wording.txt [web_quest] and [web_diary]: the questionnaire's and the
 * Diary page's words (with the diary's forms shared by the Check-in),
 * checked alike (words21). */
int page_quest_words_check(struct rh_err *err);
int page_diary_words_check(struct rh_err *err);
/* data/wording.txt [web_today]: the Today page's words (words21b). */
int page_today_words_check(struct rh_err *err);
/* data/wording.txt [web_assessment]: the Assessment page's words (words21b). */
int page_assessment_words_check(struct rh_err *err);
/* data/wording.txt [web_training]: the Training page's words (words21b). */
int page_training_words_check(struct rh_err *err);
/* data/wording.txt [web_profile]: the Profile page's words (words21b). */
int page_profile_words_check(struct rh_err *err);
/* data/wording.txt [web_import]: the Import page's words (words21b). */
int page_import_words_check(struct rh_err *err);
/* data/wording.txt [web_shoes]: the Shoes page's words (words21c). */
int page_shoes_words_check(struct rh_err *err);
/* data/wording.txt [web_activity]: the Activity page's words (words21c). */
int page_activity_words_check(struct rh_err *err);
/* data/wording.txt [web_nav]: the words every page shares, the navigation's
 * labels by the route table's keys (words21c). */
int page_nav_words_check(struct rh_err *err);
/* data/wording.txt [web_report]: the Report page's (when the report cannot be made) words (words21c). */
int page_report_words_check(struct rh_err *err);
/* data/wording.txt [web_api]: the JSON API's own errors (words21c). */
int page_api_words_check(struct rh_err *err);
/* A text of data/wording.txt [section] (a page's own section, web_*), or ""
 * when it cannot be read: server_kb refuses to serve before that, having
 * checked every page's words. The pointer is the words' (static). Each page
 * names its section once: `#define W(key) web_words("web_today", (key))`. */
const char *web_words(const char *section, const char *key);
void html_day_input(struct ctx *c, const char *id, const char *name, const char *label,
                    const char *value);
/* The ticked signs of the posted form; false (msg says which) for a word
 * that is not a sign. */
bool form_signs(struct ctx *c, uint32_t *signs, char *msg, size_t cap);
/* The posted note ("" when absent) checked by rh_entry_check; false (msg
 * says why) when too long or not plain text. */
bool form_note(struct ctx *c, char *note, size_t cap, char *msg, size_t mcap);
/* The red flags an entry raised, as the banner shown first (urgency: the
 * disposition to name, or -1; no_run: say that running waits for a
 * professional); nothing when none. */
void html_entry_flags(struct ctx *c, const struct rh_triage *t, int urgency, bool no_run);
/* What the note was read as, one paragraph per finding not negated. */
void html_note_read(struct ctx *c, const char *note, const struct rh_note_reading *nr, bool child);

/* ---- kept between requests (cache.c) -------------------------------------------- */
struct rh_server_slot;
/* A read-only connection, checked and refreshed; NULL with err on failure. */
struct rh_server_slot *cache_take(struct rh_server_cache *c, const struct rh_server_config *cfg,
                                  struct rh_err *err);
void cache_give(struct rh_server_cache *c, struct rh_server_slot *sl);
struct rh_store *cache_store(struct rh_server_slot *sl);
/* The kept answer of key into out: true when there was one. False: the
 * caller builds it and then calls cache_keep, always (others asking for
 * key meanwhile wait for it). */
bool cache_find(struct rh_server_slot *sl, const char *key, struct rh_server_response *out);
/* Keeps a 200 answer without redirect or cookie under key; res NULL (or
 * not such an answer): it is not kept, and the others asking for key in
 * this epoch build it themselves. key NULL: nothing. */
void cache_keep(struct rh_server_slot *sl, const char *key, const struct rh_server_response *res);
/* How many times cache_find found nothing: answers built (tests). */
uint64_t cache_builds(struct rh_server_cache *c);
/* The server wrote to the database: every connection is checked before
 * its next answer. NULL: nothing. */
void cache_wrote(struct rh_server_cache *c);

/* ---- shared data access ------------------------------------------------------- */
/* The plan rules, loaded once for the whole server (read-only, shared by
 * the threads); NULL with err when they cannot be loaded. */
const struct rh_plan_kb *server_kb(struct rh_err *err);
int load_report(struct rh_store *s, int32_t today, struct rh_load_report *rep,
                struct rh_err *err);
/* The stored assessment's result text parsed (NULL when it is not JSON):
 * a shared document, parsed once while the text stays the same. The
 * caller reads it and json_decrefs it; never changes it. */
json_t *assessment_doc(const char *result);
/* The plan of the latest assessment, made and stored now when there is
 * none yet (rh_plan_current, as `runhip plan` does): a GET's read-only
 * connection hands that write to a read-write one. */
int plan_current(struct ctx *c, int64_t *plan_id, struct rh_plan_state *st, struct rh_err *err);
int32_t plan_from_day(const struct rh_plan_state *st, int32_t today);
/* Review 10 #4: whether the plan in force defers the training findings'
 * advice (rh_plan_defers_training on the plan of plan_current, else on the
 * red flags kept before any assessment); false when it cannot be read. */
bool training_deferred(struct ctx *c);

extern const char ct_html[], ct_json[], ct_svg[], ct_text[], ct_css[], ct_ics[], ct_js[];

#endif
