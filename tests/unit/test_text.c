/* SPDX-License-Identifier: MIT */
/* Text from files (issue 15): strict UTF-8, cuts at character boundaries,
 * the JSON string writer always valid UTF-8 (checked with jansson's own
 * decoder), the terminal sanitiser, and names cleaned on the way in. */
#include <jansson.h>

#include "harness.h"
#include "runhip/text.h"
#include "runhip/import.h"
#include "runhip/load.h"
#include "runhip/plan.h"
#include "runhip/util.h"

/* Does jansson (a strict decoder) accept text as one JSON string? */
static bool json_ok(const char *text, const char *want)
{
    json_error_t e;
    json_t *j = json_loads(text, JSON_DECODE_ANY, &e);
    bool ok = j && json_is_string(j) && (!want || strcmp(json_string_value(j), want) == 0);
    json_decref(j);
    return ok;
}

static void test_utf8_decode_strict(void)
{
    uint32_t cp = 0;
    CHECK_INT(rh_utf8_decode("a", 1, &cp), 1);
    CHECK_INT(rh_utf8_decode("\xC3\xA9", 2, &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(rh_utf8_decode("\xE2\x82\xAC", 3, &cp), 3);
    CHECK_INT(rh_utf8_decode("\xF0\x9F\x8F\x83", 4, &cp), 4);
    CHECK_INT(cp, 0x1F3C3);
    CHECK_INT(rh_utf8_decode("\xC0\xAF", 2, &cp), 0);         /* overlong '/' */
    CHECK_INT(rh_utf8_decode("\xE0\x80\xAF", 3, &cp), 0);     /* overlong */
    CHECK_INT(rh_utf8_decode("\xED\xA0\x80", 3, &cp), 0);     /* surrogate */
    CHECK_INT(rh_utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
    CHECK_INT(rh_utf8_decode("\xC3", 1, &cp), 0);             /* cut */
    CHECK_INT(rh_utf8_decode("\xFF", 1, &cp), 0);
    CHECK_INT(rh_utf8_decode("\x80", 1, &cp), 0);
}

static void test_cut_at_character_boundary(void)
{
    /* 63 ASCII bytes then 'é' (2 bytes): a 64-byte cut keeps only the 63 */
    char name[80];
    memset(name, 'a', 63);
    memcpy(name + 63, "\xC3\xA9", 3);
    CHECK_INT(rh_utf8_cut(name, 64), 63);
    CHECK_INT(rh_utf8_cut(name, 65), 65);
    CHECK_INT(rh_utf8_cut("\xF0\x9F\x8F\x83", 3), 0);
    CHECK_INT(rh_utf8_cut("abc", 10), 3);
}

static void test_json_string_always_valid_utf8(void)
{
    static const char *const bad[] = {
        "Morning \xFF run", "\xC3", "x\xED\xA0\x80y", "\xC0\xAF", "caf\xC3\xA9 \x80\x80",
        "tab\there\x1b[2J\x7f", "quote\" back\\ slash", "\xF0\x9F\x8F", "",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct rh_buf b;
        rh_buf_init(&b, 0);
        CHECK_INT(rh_buf_json_str(&b, bad[i]), 0);
        CHECK(b.data && json_ok(b.data, NULL));
        if (!(b.data && json_ok(b.data, NULL)))
            fprintf(stderr, "  case %zu: %s\n", i, b.data ? b.data : "(null)");
        rh_buf_release(&b);
    }
    struct rh_buf b;
    rh_buf_init(&b, 0);
    rh_buf_json_str(&b, "Morning \xFF run \xC3\xA9");
    CHECK(json_ok(b.data, "Morning \xEF\xBF\xBD run \xC3\xA9"));
    rh_buf_release(&b);
}

/* One invalid byte in a name no longer breaks the activity's JSON (it was
 * "out of memory" for the whole listing). */
static void test_activity_json_with_invalid_name(void)
{
    struct rh_activity a;
    rh_activity_init(&a);
    a.format = RH_FMT_GPX;
    a.sport = RH_SPORT_RUNNING;
    rh_activity_set_str(&a.file, "dir/\xFF.gpx");
    rh_activity_set_str(&a.name, "Lunch \xC3 run");
    rh_activity_set_str(&a.gear, "Shoe \x1b]0;pwned\x07");
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_import_activity_json(&a, &b), 0);
    json_error_t e;
    json_t *j = b.data ? json_loads(b.data, 0, &e) : NULL;
    CHECK(j != NULL);
    if (j)
        CHECK_STR(json_string_value(json_object_get(j, "name")), "Lunch \xEF\xBF\xBD run");
    json_decref(j);
    rh_buf_release(&b);
    rh_activity_release(&a);
}

static void test_terminal_sanitiser(void)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_buf_term_str(&b, "a\x1b[2Jb\x07\r\n\xC2\x9B" "c\xFF\xC3\xA9", false), 0);
    CHECK_STR(b.data, "a\\x1b[2Jb\\x07\\r\\n\\u009bc\\xff\xC3\xA9");
    rh_buf_reset(&b);
    CHECK_INT(rh_buf_term_str(&b, "line\nnext\ttab\x1b", true), 0);
    CHECK_STR(b.data, "line\nnext\ttab\\x1b");
    for (size_t i = 0; i < b.len; i++)
        CHECK(b.data[i] != 0x1b);
    rh_buf_release(&b);
}

static void test_names_cleaned_on_the_way_in(void)
{
    char *c = rh_name_clean("  Morning\x1b[2J\trun \xFF  ", 100);
    CHECK_STR(c, "Morning [2J run \xEF\xBF\xBD");
    rh_free(c);
    char long_name[80];
    memset(long_name, 'a', 63);
    memcpy(long_name + 63, "\xC3\xA9xyz", 6);
    c = rh_name_clean(long_name, 64);
    CHECK(c && strlen(c) == 63);
    rh_free(c);
    c = rh_name_clean("\x01\x02", 10);
    CHECK_STR(c, "");
    rh_free(c);
    CHECK(rh_name_clean(NULL, 10) == NULL);
}

/* words20: a section of printf formats is closed and its conversions are
 * those the code gives (the web pages' [web_checkin] and [web_plan] are
 * checked so by the server; here the small [verdict]) */
static void test_words_format_check(void)
{
    struct rh_err e;
    rh_err_clear(&e);
    static const struct rh_words_format one[] = {{"good", ""}};
    /* every other key of the section is unknown to this list */
    CHECK_INT(rh_words_format_check("verdict", one, 1, &e), RH_EFORMAT);
    CHECK(strstr(e.msg, "unknown key") != NULL);
    static const struct rh_words_format all[] = {
        {"good", ""}, {"stay", ""}, {"step_back", ""}, {"see", ""}, {"hold_pelvic", ""},
        {"diagnosed", ""}, /* session 21 (branch diary25) */
        {"within_blocked", ""},
        {"stay_no_plan", ""}, {"step_back_no_plan", ""}, /* session 22 */
    };
    size_t n = sizeof all / sizeof *all;
    CHECK_INT(rh_words_format_check("verdict", all, n, &e), 0);
    CHECK_INT(rh_words_plain_format_check("verdict", all, n, &e), 0);
    /* a text that would have to ask for a value the code does not give */
    struct rh_words_format bad[sizeof all / sizeof *all];
    memcpy(bad, all, sizeof all);
    bad[2].conv = "s";
    CHECK_INT(rh_words_format_check("verdict", bad, n, &e), RH_EFORMAT);
    CHECK(strstr(e.msg, "step_back") != NULL);
    CHECK_INT(rh_words_plain_format_check("verdict", bad, n, &e), RH_EFORMAT);
}

/* loadw25: the chart's words ([load_chart], src/report/load_svg.c) have
 * named holes and no markup (rh_words_plain_named_check): the table the
 * chart gives passes; a value the text does not say is refused, naming it */
static void test_words_plain_named_check(void)
{
    struct rh_err e;
    rh_err_clear(&e);
    size_t n = 0;
    const struct rh_words_named *keys = rh_load_chart_words_keys(&n);
    static struct rh_words_named chart[64];
    CHECK(keys != NULL && n > 20 && n <= 64);
    if (!keys || n > 64)
        return;
    memcpy(chart, keys, n * sizeof *chart);
    size_t foot = n, bar = n;
    for (size_t i = 0; i < n; i++) {
        foot = strcmp(chart[i].key, "foot") == 0 ? i : foot;
        bar = strcmp(chart[i].key, "bar_title") == 0 ? i : bar;
    }
    CHECK(foot < n && bar < n);
    if (foot == n || bar == n)
        return;
    CHECK_INT(rh_words_plain_named_check("load_chart", chart, n, &e), 0);
    CHECK_STR(chart[foot].names, "method");
    CHECK_STR(chart[bar].names, "km");
    chart[foot].names = "method day";
    CHECK_INT(rh_words_plain_named_check("load_chart", chart, n, &e), RH_EFORMAT);
    CHECK(strstr(e.msg, "foot") && strstr(e.msg, "{day}"));
    chart[foot].names = "method";
    chart[bar].names = "";
    CHECK_INT(rh_words_plain_named_check("load_chart", chart, n, &e), RH_EFORMAT);
    CHECK(strstr(e.msg, "bar_title") && strstr(e.msg, "{km}"));
}

/* hard21: the one "{}" filler (rh_text_fill), used by the plan's [text]
 * words, the diary's one decision and the questionnaire's suggestion */
static void test_text_fill(void)
{
    char out[64];
    const char *const two[] = {"2026-12-03", "too much"};
    CHECK_INT(rh_text_fill(out, sizeof out, "On {} it was {}.", two, 2), 30);
    CHECK_STR(out, "On 2026-12-03 it was too much.");
    /* a hole without an argument (none left, or NULL) is kept */
    rh_text_fill(out, sizeof out, "{} and {} and {}", two, 2);
    CHECK_STR(out, "2026-12-03 and too much and {}");
    const char *const gap[] = {"a", NULL, "c"};
    rh_text_fill(out, sizeof out, "{}{}{}", gap, 3);
    CHECK_STR(out, "a{}{}");
    rh_text_fill(out, sizeof out, NULL, two, 2);
    CHECK_STR(out, "");
    rh_text_fill(out, sizeof out, "no holes { } {x}", NULL, 0);
    CHECK_STR(out, "no holes { } {x}");
    /* cut to the buffer at a character boundary, always terminated */
    const char *const e[] = {"\xc3\xa9\xc3\xa9"};
    CHECK_INT(rh_text_fill(out, 6, "ab{}", e, 1), 4);
    CHECK_STR(out, "ab\xc3\xa9");
    CHECK_INT(rh_text_fill(out, 1, "ab", NULL, 0), 0);
    CHECK_STR(out, "");
}

/* words27: a section of named holes ([checkin_errors], the check-in's
 * scoring errors) is closed, and each text uses exactly the holes its code
 * fills: one it does not give, or one it gives and the text leaves out, is
 * refused with the key and the hole. code24: read on the library's own
 * table (rh_ostrc_error_keys), not a copy that could not see it change. */
/* A call gives exactly its key's holes (once24: the one check that
 * store_words.c, load_words.c and plan.c each had a copy of). */
static void test_words_named_call_ok(void)
{
    static const struct rh_words_named t[] = {{"none", ""}, {"two", "km days"}, {"one", " at "}};
    const char *km_days[] = {"km", "days"}, *days_km[] = {"days", "km"}, *km[] = {"km"},
               *km_days_at[] = {"km", "days", "at"}, *kms_days[] = {"kms", "days"}, *at[] = {"at"};
    size_t n = sizeof t / sizeof *t;
    CHECK(rh_words_named_call_ok(t, n, "none", NULL, 0));
    CHECK(rh_words_named_call_ok(t, n, "two", km_days, 2));
    CHECK(rh_words_named_call_ok(t, n, "two", days_km, 2));  /* any order */
    CHECK(!rh_words_named_call_ok(t, n, "two", km, 1));       /* one left out */
    CHECK(!rh_words_named_call_ok(t, n, "two", km_days_at, 3)); /* one too many */
    CHECK(!rh_words_named_call_ok(t, n, "two", kms_days, 2)); /* a name that is not a hole */
    CHECK(!rh_words_named_call_ok(t, n, "none", at, 1));
    CHECK(rh_words_named_call_ok(t, n, "one", at, 1));        /* spaces around a name */
    CHECK(!rh_words_named_call_ok(t, n, "three", NULL, 0));   /* not in the table */
}

static void test_words_named_check(void)
{
    struct rh_err e;
    rh_err_clear(&e);
    size_t n = 0;
    const struct rh_words_named *all = rh_ostrc_error_keys(&n);
    CHECK(all != NULL && n > 1 && n <= 64);
    if (!all || n < 2 || n > 64)
        return;
    /* the check the plan's load runs, on the real data */
    CHECK_INT(rh_words_named_check("checkin_errors", all, n, &e), 0);
    struct rh_words_named bad[64];
    size_t with_holes = 0;
    for (size_t i = 0; i < n; i++) {
        const char *names = all[i].names;
        if (!*names)
            continue;
        with_holes++;
        /* the text asks for its last hole, which the code would no longer give */
        char fewer[128], want[192];
        size_t cut = strlen(names);
        while (cut > 0 && names[cut - 1] != ' ')
            cut--;
        snprintf(fewer, sizeof fewer, "%.*s", cut ? (int)cut - 1 : 0, names);
        memcpy(bad, all, n * sizeof *all);
        bad[i].names = fewer;
        CHECK_INT(rh_words_named_check("checkin_errors", bad, n, &e), RH_EFORMAT);
        snprintf(want, sizeof want, "] %s: '{%s}' is no value its code gives", all[i].key,
                 names + cut);
        CHECK(strstr(e.msg, want) != NULL);
        /* the code gives {extra}, which the text does not say */
        char more[160];
        snprintf(more, sizeof more, "%s extra", names);
        memcpy(bad, all, n * sizeof *all);
        bad[i].names = more;
        CHECK_INT(rh_words_named_check("checkin_errors", bad, n, &e), RH_EFORMAT);
        snprintf(want, sizeof want, "] %s: the text must say {extra}", all[i].key);
        CHECK(strstr(e.msg, want) != NULL);
        /* each text filled with its own values leaves no hole and says
         * every value: what the runner reads is whole */
        const char *nm[8], *val[8];
        char nbuf[8][32], vals[8][24], out[512];
        size_t k = 0;
        for (const char *p = names; *p && k < 8;) {
            p += strspn(p, " ");
            size_t l = strcspn(p, " ");
            if (!l)
                break;
            snprintf(nbuf[k], sizeof nbuf[k], "%.*s", (int)l, p);
            snprintf(vals[k], sizeof vals[k], "<v%zu>", k);
            nm[k] = nbuf[k];
            val[k] = vals[k];
            k++;
            p += l;
        }
        size_t len = rh_text_fill_named(out, sizeof out, rh_words("checkin_errors", all[i].key),
                                        nm, val, k);
        CHECK(len > 0 && len < sizeof out);
        CHECK(strchr(out, '{') == NULL);
        for (size_t j = 0; j < k; j++)
            CHECK(strstr(out, vals[j]) != NULL);
    }
    CHECK(with_holes > 0);
    /* closed: a key missing from the list is unknown */
    CHECK_INT(rh_words_named_check("checkin_errors", all, n - 1, &e), RH_EFORMAT);
    CHECK(strstr(e.msg, "unknown key") && strstr(e.msg, all[n - 1].key));
    /* every [plan_why] text checked at the plan's load: a sample of its holes */
    static const struct rh_words_named why[] = {{"flag_held", "words"}};
    CHECK_INT(rh_words_named_check("plan_why", why, 1, &e), RH_EFORMAT);
}

/* words27: the one filler of named holes (the plan's reasons, the
 * check-in's errors, the load report's figures) */
static void test_text_fill_named(void)
{
    char out[64];
    const char *const names[] = {"pain", "limit"}, *const vals[] = {"6", "5"};
    CHECK_INT(rh_text_fill_named(out, sizeof out, "{pain}/10 above {limit}/10, {pain} again",
                                 names, vals, 2),
              24);
    CHECK_STR(out, "6/10 above 5/10, 6 again");
    /* any other brace as it is; a percent sign is a percent sign */
    rh_text_fill_named(out, sizeof out, "{} {x} { 50% {pain", names, vals, 2);
    CHECK_STR(out, "{} {x} { 50% {pain");
    rh_text_fill_named(out, sizeof out, NULL, names, vals, 2);
    CHECK_STR(out, "");
    /* cut at a character boundary; the length it needs, as snprintf */
    const char *const e[] = {"\xc3\xa9\xc3\xa9"};
    const char *const en[] = {"e"};
    CHECK_INT(rh_text_fill_named(out, 6, "ab{e}", en, e, 1), 6);
    CHECK_STR(out, "ab\xc3\xa9");
    CHECK_INT(rh_text_fill_named(out, 1, "ab", NULL, NULL, 0), 2);
    CHECK_STR(out, "");
}

/* words21: a test's accuracy in a finding ("specificity 100% against MRI",
 * data/wording.txt [reason] clinician_only) is the clinician's: the hand-off
 * report keeps it, the runner reads the plain statement before it. */
static void test_feature_accuracy_for_the_clinician(void)
{
    const char *why = "+2.0 test_single_leg_stand=yes: pain within 30 s of standing on one leg "
                      "is a strong sign of it (specificity 100% against MRI) [Grimaldi17]";
    struct rh_refs refs;
    struct rh_buf runner, clin;
    rh_refs_init(&refs);
    rh_buf_init(&runner, 0);
    rh_buf_init(&clin, 0);
    CHECK_INT(rh_text_feature(why, false, &refs, &runner, NULL), 0);
    rh_refs_init(&refs);
    CHECK_INT(rh_text_feature(why, true, &refs, &clin, NULL), 0);
    const char *r = runner.data ? runner.data : "", *c = clin.data ? clin.data : "";
    CHECK(strstr(r, "is a strong sign of it (because ") != NULL);
    CHECK(!strstr(r, "MRI") && !strstr(r, "specificity"));
    CHECK(strstr(c, "is a strong sign of it (specificity 100% against MRI; ") != NULL);
    rh_buf_release(&runner);
    rh_buf_release(&clin);
}

/* phys28: the printed report's compact list of sources: a journal
 * article by its authors, journal, year, volume and pages (no title, no
 * closing note), a web article by its short citation (compact = short),
 * a guideline whole; on a screen each whole (the .full span) */
static void test_refs_compact_for_print(void)
{
    struct rh_refs refs;
    rh_refs_init(&refs);
    struct rh_buf t, h;
    rh_buf_init(&t, 0);
    rh_buf_init(&h, 0);
    const char *keys = "Grimaldi17; Warden14; seed 000; NICE-NG65";
    CHECK_INT(rh_refs_cite(&refs, keys, strlen(keys), &t, NULL), 0);
    CHECK_INT(refs.n, 4);
    CHECK_INT(rh_refs_write_html_print(&refs, &h), 0);
    const char *p = h.data ? h.data : "";
    CHECK(strstr(p, "<span class=\"brief\">Grimaldi A, et al. Br J Sports Med 2017;51:519-524.</span>"));
    CHECK(strstr(p, "<span class=\"full\">Grimaldi A, et al. Utility of clinical tests"));
    CHECK(strstr(p, "<span class=\"brief\">Warden SJ, Davis IS, Fredericson M. J Orthop Sports "
                    "Phys Ther 2014;44:749-765.</span>"));
    CHECK(strstr(p, "<span class=\"brief\">Christine Koth, &quot;Hip Pain After Running?"));
    CHECK(strstr(p, "a runners' guide, not a study)</span>"));
    /* no journal's year and volume: whole, once */
    CHECK(strstr(p, "<li>National Institute for Health and Care Excellence. Spondyloarthritis"));
    rh_buf_release(&t);
    rh_buf_release(&h);
}

int main(void)
{
    RUN(test_utf8_decode_strict);
    RUN(test_cut_at_character_boundary);
    RUN(test_json_string_always_valid_utf8);
    RUN(test_activity_json_with_invalid_name);
    RUN(test_terminal_sanitiser);
    RUN(test_names_cleaned_on_the_way_in);
    RUN(test_words_format_check);
    RUN(test_text_fill);
    RUN(test_words_named_call_ok);
    RUN(test_words_named_check);
    RUN(test_words_plain_named_check);
    RUN(test_text_fill_named);
    RUN(test_feature_accuracy_for_the_clinician);
    RUN(test_refs_compact_for_print);
    return TEST_END();
}
