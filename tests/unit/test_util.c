/* SPDX-License-Identifier: MIT */
/* util: dates and times, number parsing, bounded buffers, the kv reader,
 * the content hash, the allocation-failure seam and the activity builder. */
#include <math.h>

#include "harness.h"
#include "runhip/activity.h"
#include "runhip/util.h"

static void test_days_round_trip(void)
{
    CHECK_INT(rh_days_from_civil(1970, 1, 1), 0);
    CHECK_INT(rh_days_from_civil(2000, 3, 1), 11017);
    CHECK_INT(rh_days_from_civil(1969, 12, 31), -1);
    for (int32_t d = -800000; d < 800000; d += 997) {
        int y, m, dd;
        rh_civil_from_days(d, &y, &m, &dd);
        CHECK_INT(rh_days_from_civil(y, m, dd), d);
    }
    CHECK_INT(rh_weekday(rh_days_from_civil(2026, 11, 23)), 0); /* a Monday */
    CHECK_INT(rh_weekday(rh_days_from_civil(1970, 1, 1)), 3);   /* a Thursday */
}

static void test_date_parse_and_format(void)
{
    int32_t d;
    char out[11];
    CHECK_INT(rh_date_parse("2024-02-29", &d), 0);
    rh_date_format(d, out);
    CHECK_STR(out, "2024-02-29");
    CHECK_INT(rh_date_parse("2023-02-29", &d), RH_ESYNTAX);
    CHECK_INT(rh_date_parse("2023-13-01", &d), RH_ESYNTAX);
    CHECK_INT(rh_date_parse("2023-1-01", &d), RH_ESYNTAX);
    CHECK_INT(rh_date_parse("2023-01-01x", &d), RH_ESYNTAX);
    CHECK_INT(rh_date_parse("", &d), RH_ESYNTAX);
}

static void test_time_iso(void)
{
    int64_t t;
    char out[21];
    CHECK_INT(rh_time_parse_iso("2017-06-11T14:34:09Z", &t), 0);
    rh_time_format_iso(t, out);
    CHECK_STR(out, "2017-06-11T14:34:09Z");
    CHECK_INT(rh_time_parse_iso("2017-06-11T16:34:09.250+02:00", &t), 0);
    rh_time_format_iso(t, out);
    CHECK_STR(out, "2017-06-11T14:34:09Z");
    CHECK_INT(rh_time_parse_iso("1901-12-13T20:45:52Z", &t), 0);
    CHECK(t < 0);
    rh_time_format_iso(t, out);
    CHECK_STR(out, "1901-12-13T20:45:52Z");
    CHECK_INT(rh_time_parse_iso("2017-06-11 14:34", &t), RH_ESYNTAX);
    CHECK_INT(rh_time_parse_iso("2017-06-11T25:00:00Z", &t), RH_ESYNTAX);
}

/* Dates and times in words, as the web pages and the hand-off report show
 * them: the local time of the store's zone. */
static void test_time_words(void)
{
    char w[48];
    int64_t t;
    CHECK_INT(rh_time_parse_iso("2026-12-01T12:00:00Z", &t), 0);
    rh_time_words(t, 0, w, sizeof w);
    CHECK_STR(w, "Tuesday 1 December 2026 at 12:00");
    rh_time_words(t, -8 * 60, w, sizeof w); /* Los Angeles in winter */
    CHECK_STR(w, "Tuesday 1 December 2026 at 04:00");
    rh_time_words(t, 13 * 60, w, sizeof w); /* Auckland in summer: the next day */
    CHECK_STR(w, "Wednesday 2 December 2026 at 01:00");
    rh_day_words(rh_days_from_civil(1969, 12, 31), w, sizeof w);
    CHECK_STR(w, "Wednesday 31 December 1969");
    rh_day_words(rh_days_from_civil(2026, 11, 23), w, 8); /* cut, still terminated */
    CHECK_STR(w, "Monday ");
}

static void test_parse_numbers(void)
{
    long l;
    double d;
    CHECK_INT(rh_parse_long("42", &l), 0);
    CHECK_INT(l, 42);
    CHECK_INT(rh_parse_long("42x", &l), RH_ESYNTAX);
    CHECK_INT(rh_parse_long(" 4", &l), RH_ESYNTAX);
    CHECK_INT(rh_parse_long("", &l), RH_ESYNTAX);
    CHECK_INT(rh_parse_double("-3.5", &d), 0);
    CHECK_NEAR(d, -3.5, 0);
    CHECK_INT(rh_parse_double("nan", &d), RH_ESYNTAX);
    /* intake.md: nothing is guessed; "0x1e" is not age 30 */
    CHECK_INT(rh_parse_double("0x1e", &d), RH_ESYNTAX);
    CHECK_INT(rh_parse_double("0X10", &d), RH_ESYNTAX);
    CHECK_INT(rh_parse_double("infinity", &d), RH_ESYNTAX);
    CHECK_INT(rh_parse_double("2.5e1", &d), 0);
    CHECK_INT(rh_parse_double("1e999", &d), RH_ESYNTAX);
}

static void test_buf_cap(void)
{
    struct rh_buf b;
    rh_buf_init(&b, 10);
    CHECK_INT(rh_buf_puts(&b, "0123456789"), 0);
    CHECK_INT(rh_buf_puts(&b, "x"), RH_ELIMIT);
    CHECK_INT((long)b.len, 10);
    CHECK_STR(b.data, "0123456789");
    rh_buf_reset(&b);
    CHECK_INT(rh_buf_printf(&b, "%d-%s", 7, "ok"), 0);
    CHECK_STR(b.data, "7-ok");
    char *t = rh_buf_take(&b);
    CHECK_STR(t, "7-ok");
    CHECK(b.data == NULL);
    rh_free(t);
    rh_buf_release(&b);
}

struct kv_seen {
    int n;
    char last[256];
};
static int kv_cb(void *ctx, const char *section, const char *key, const char *value, long line,
                 struct rh_err *err)
{
    (void)err;
    struct kv_seen *s = ctx;
    s->n++;
    snprintf(s->last, sizeof s->last, "%s|%s|%s|%ld", section, key, value, line);
    return 0;
}

static void test_kv_parse(void)
{
    const char *text = "# comment\n"
                       "top = 1\n"
                       "[cond a]\n"
                       "name = Long\n"
                       "   continued here\n"
                       "\n"
                       "why =   spaced  \n";
    struct kv_seen s = {0};
    struct rh_err e;
    CHECK_INT(rh_kv_parse(text, strlen(text), kv_cb, &s, &e), 0);
    CHECK_INT(s.n, 3);
    CHECK_STR(s.last, "cond a|why|spaced|7");
    const char *bad = "[ok]\nno equals sign\n";
    CHECK_INT(rh_kv_parse(bad, strlen(bad), kv_cb, &s, &e), RH_ESYNTAX);
    CHECK_INT(e.line, 2);
    const char *bad2 = "   orphan continuation\n";
    CHECK_INT(rh_kv_parse(bad2, strlen(bad2), kv_cb, &s, &e), RH_ESYNTAX);
}

/* A callback that refuses the third entry the way a loader does when its
 * table is full. */
static int kv_full_cb(void *ctx, const char *section, const char *key, const char *value,
                      long line, struct rh_err *err)
{
    (void)section, (void)key, (void)value;
    struct kv_seen *s = ctx;
    if (++s->n < 3)
        return 0;
    return rh_err_setl(err, RH_ELIMIT, line, "too many rules (at most 2)");
}

/* The callback's own "too many ..." error reaches the caller with its
 * message and the entry's line, not a generic one at the line after it
 * (the entry is handed over when the next key, or the end, is read). */
static void test_kv_callback_error_kept(void)
{
    const char *text = "[a]\n"
                       "rule = 1\n"
                       "rule = 2\n"
                       "rule = 3\n"
                       "  continued\n"
                       "\n"
                       "rule = 4\n";
    struct kv_seen s = {0};
    struct rh_err e;
    rh_err_clear(&e);
    CHECK_INT(rh_kv_parse(text, strlen(text), kv_full_cb, &s, &e), RH_ELIMIT);
    CHECK_STR(e.msg, "too many rules (at most 2)");
    CHECK_INT(e.line, 4);
    CHECK_INT(s.n, 3);
    /* the same when the refused entry is the last one of the text */
    const char *last = "rule = 1\nrule = 2\nrule = 3\n";
    s.n = 0;
    rh_err_clear(&e);
    CHECK_INT(rh_kv_parse(last, strlen(last), kv_full_cb, &s, &e), RH_ELIMIT);
    CHECK_STR(e.msg, "too many rules (at most 2)");
    CHECK_INT(e.line, 3);
}

static void test_hash(void)
{
    struct rh_hash a, b;
    rh_hash_init(&a);
    rh_hash_init(&b);
    const char *s = "0123456789abcdef0123456789";
    rh_hash_update(&a, s, 26);
    rh_hash_update(&b, s, 16);
    rh_hash_update(&b, s + 16, 10);
    CHECK(rh_hash_final(&a) == rh_hash_final(&b)); /* chunks of 8-multiples agree */
    struct rh_hash c;
    rh_hash_init(&c);
    rh_hash_update(&c, s, 25);
    CHECK(rh_hash_final(&a) != rh_hash_final(&c));
}

static void test_json_str(void)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_buf_json_str(&b, "a\"b\\c\nd\x01 \xc3\xa9"), 0);
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\nd\\u0001 \xc3\xa9\"");
    rh_buf_reset(&b);
    CHECK_INT(rh_buf_json_str(&b, NULL), 0);
    CHECK_STR(b.data, "null");
    rh_buf_release(&b);
}

static void test_alloc_failure_seam(void)
{
    rh_alloc_fail_after(1);
    CHECK(rh_malloc(8) == NULL);
    void *p = rh_malloc(8);
    CHECK(p != NULL);
    rh_free(p);
    rh_alloc_fail_after(0);
}

/* A straight 3.2 km line north at 10 km/h with HR and cadence: the builder
 * must find the distance, three whole splits and a 200 m tail, and means. */
static void test_activity_builder(void)
{
    struct rh_activity a;
    struct rh_act_builder b;
    rh_activity_init(&a);
    a.sport = RH_SPORT_RUNNING;
    rh_act_builder_init(&b, &a);
    double lat0 = 47.0, dlat = 10.0 / 6371008.8 * 180.0 / M_PI; /* 10 m north */
    for (int i = 0; i <= 320; i++) {
        struct rh_point p;
        rh_point_clear(&p);
        p.t = 1700000000.0 + i * 3.6; /* 10 m per 3.6 s = 10 km/h */
        p.lat = lat0 + i * dlat;
        p.lon = 8.0;
        p.alt_m = 400 + (i % 2); /* 1 m noise: no gain under the hysteresis */
        p.hr_bpm = i < 160 ? 140 : 150;
        p.cad_spm = 170;
        CHECK_INT(rh_act_builder_point(&b, &p), 0);
    }
    CHECK_INT(rh_act_builder_finish(&b), 0);
    CHECK_NEAR(a.total_distance_m, 3200, 1);
    CHECK_NEAR(a.total_elapsed_s, 1152, 0.01);
    CHECK_INT(a.n_records, 321);
    CHECK_NEAR(a.avg_cadence_spm, 170, 1e-9);
    CHECK_NEAR(a.max_hr, 150, 0);
    CHECK_NEAR(a.elevation_gain_m, 0, 0);
    CHECK(a.has_gps);
    CHECK(a.has_start);
    CHECK_INT(a.start_utc, 1700000000);
    CHECK_INT((long)a.n_splits, 4);
    if (a.n_splits == 4) {
        CHECK_NEAR(a.splits[0].dist_m, 1000, 1e-6);
        CHECK_NEAR(a.splits[0].time_s, 360, 3.7);
        CHECK_NEAR(a.splits[3].dist_m, 200, 1);
    }
    CHECK(a.n_track > 100 && a.n_track <= RH_TRACK_MAX);
    rh_activity_release(&a);
}

/* A glitch in the device's distance (a jump to a billion kilometres) is one
 * split, not one a kilometre: it once took 64 MB and failed the file. */
static void test_activity_builder_distance_glitch(void)
{
    struct rh_activity a;
    struct rh_act_builder b;
    rh_activity_init(&a);
    a.sport = RH_SPORT_RUNNING;
    rh_act_builder_init(&b, &a);
    const double dist[] = {0, 500, 1500, 1e12, 1e12 + 1500};
    for (int i = 0; i < 5; i++) {
        struct rh_point p;
        rh_point_clear(&p);
        p.t = 1700000000.0 + i * 300;
        p.dist_m = dist[i];
        CHECK_INT(rh_act_builder_point(&b, &p), 0);
    }
    CHECK_INT(rh_act_builder_finish(&b), 0);
    CHECK(a.n_splits >= 2 && a.n_splits <= 4);
    CHECK_INT(a.n_records, 5);
    rh_activity_release(&a);
}

/* The one check of typed text (shoe names, notes, web form fields). */
static void test_entry_check(void)
{
    struct rh_err e;
    CHECK_INT(rh_entry_check("Pegasus 40 \xC3\xA9t\xC3\xA9", RH_ENTRY_NAME, "the shoe name", &e), 0);
    CHECK_INT(rh_entry_check("sore\n\tafter the hills", RH_ENTRY_NOTE, "the note", &e), 0);
    CHECK_INT(rh_entry_check(NULL, RH_ENTRY_NOTE, "the note", &e), 0); /* no note */
    CHECK_INT(rh_entry_check("", RH_ENTRY_NOTE, "the note", &e), 0);
    /* control characters: named, with where they are */
    CHECK_INT(rh_entry_check("Road\x1b[2J", RH_ENTRY_NAME, "the shoe name", &e), RH_ESYNTAX);
    CHECK(strstr(e.msg, "the shoe name has a control character (\\x1b) at character 5"));
    CHECK_INT(rh_entry_check("two\nlines", RH_ENTRY_NAME, "the shoe name", &e), RH_ESYNTAX);
    CHECK(strstr(e.msg, "(a line break) at character 4"));
    CHECK_INT(rh_entry_check("a\rb", RH_ENTRY_NOTE, "the note", &e), RH_ESYNTAX);
    CHECK_INT(rh_entry_check("a\x7f", RH_ENTRY_NOTE, "the note", &e), RH_ESYNTAX);
    CHECK_INT(rh_entry_check("a\xC2\x9B" "2J", RH_ENTRY_NOTE, "the note", &e), RH_ESYNTAX); /* C1 CSI */
    CHECK(strstr(e.msg, "\\u009b"));
    CHECK_INT(rh_entry_check("abc\xE2\x80\xAE" "fdp.exe", RH_ENTRY_NAME, "the shoe name", &e),
              RH_ESYNTAX); /* right-to-left override */
    /* bytes that are not UTF-8, overlong forms and surrogates included */
    CHECK_INT(rh_entry_check("Shoe\xC3", RH_ENTRY_NAME, "the shoe name", &e), RH_ESYNTAX);
    CHECK(strstr(e.msg, "not valid UTF-8 text (byte \\xc3 at character 5)"));
    CHECK_INT(rh_entry_check("\xC0\xAF", RH_ENTRY_NOTE, "the note", &e), RH_ESYNTAX);
    CHECK_INT(rh_entry_check("\xED\xA0\x80", RH_ENTRY_NOTE, "the note", &e), RH_ESYNTAX);
    /* length in characters, not bytes */
    char s[4 * RH_ENTRY_NOTE_MAX + 8];
    size_t k = 0;
    for (int i = 0; i < RH_ENTRY_NAME_MAX; i++, k += 2)
        memcpy(s + k, "\xC3\xA9", 2);
    s[k] = '\0';
    CHECK_INT(rh_entry_check(s, RH_ENTRY_NAME, "the shoe name", &e), 0);
    memcpy(s + k, "x", 2);
    CHECK_INT(rh_entry_check(s, RH_ENTRY_NAME, "the shoe name", &e), RH_ELIMIT);
    CHECK(strstr(e.msg, "the shoe name is 65 characters long; at most 64"));
    memset(s, 'a', RH_ENTRY_NOTE_MAX);
    s[RH_ENTRY_NOTE_MAX] = '\0';
    CHECK_INT(rh_entry_check(s, RH_ENTRY_NOTE, "the note", &e), 0);
    memcpy(s + RH_ENTRY_NOTE_MAX, "b", 2);
    CHECK_INT(rh_entry_check(s, RH_ENTRY_NOTE, "the note", &e), RH_ELIMIT);
    /* a name is not blank */
    CHECK_INT(rh_entry_check("   ", RH_ENTRY_NAME, "the shoe name", &e), RH_ESYNTAX);
    CHECK(strstr(e.msg, "the shoe name is empty"));
    CHECK_INT(rh_entry_check(NULL, RH_ENTRY_NAME, "the shoe name", &e), RH_ESYNTAX);
}

/* One pace rule for the terminal's and the web's activity lists (review 9
 * #14: the web showed a ride at "3:05" a km): a run has its pace, a ride,
 * a few metres or a recording without time have none. */
static void test_pace_only_on_foot(void)
{
    struct rh_activity a;
    rh_activity_init(&a);
    a.sport = RH_SPORT_RUNNING;
    a.total_distance_m = 10000;
    a.total_timer_s = 3000;
    CHECK(fabs(rh_activity_pace_s_km(&a) - 300) < 1e-9);
    a.sport = RH_SPORT_CYCLING;
    CHECK(isnan(rh_activity_pace_s_km(&a)));
    a.sport = RH_SPORT_WALKING;
    CHECK(fabs(rh_activity_pace_s_km(&a) - 300) < 1e-9);
    a.total_distance_m = 50;
    CHECK(isnan(rh_activity_pace_s_km(&a)));
    a.total_distance_m = 10000;
    a.total_timer_s = NAN;
    a.total_elapsed_s = NAN;
    CHECK(isnan(rh_activity_pace_s_km(&a)));
    rh_activity_release(&a);
}

/* hard21: the one HTML escaper (the web's pages, the report, the sources) */
static void test_html_escape(void)
{
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_html_escape(&b, "a<b>&\"c\" it's\x01\x1b[0m\x7f\tok\nend", 0), 0);
    CHECK_STR(b.data, "a&lt;b&gt;&amp;&quot;c&quot; it's[0m\tok\nend");
    rh_buf_reset(&b);
    CHECK_INT(rh_html_escape(&b, "it's", RH_HTML_APOS), 0);
    CHECK_STR(b.data, "it&#39;s");
    rh_buf_reset(&b);
    /* valid UTF-8 kept, a byte that is not becomes U+FFFD, a cut one too */
    CHECK_INT(rh_html_escape(&b, "\xc3\xa9t\xc3\xa9 \xff x \xe2\x82", 0), 0);
    CHECK_STR(b.data, "\xc3\xa9t\xc3\xa9 \xef\xbf\xbd x \xef\xbf\xbd\xef\xbf\xbd");
    rh_buf_reset(&b);
    CHECK_INT(rh_html_escape(&b, NULL, 0), 0);
    CHECK_INT(b.len, 0);
    rh_buf_release(&b);
    rh_buf_init(&b, 8);
    CHECK(rh_html_escape(&b, "<<<<<<<<", 0) < 0);
    rh_buf_release(&b);
}

int main(void)
{
    RUN(test_pace_only_on_foot);
    RUN(test_days_round_trip);
    RUN(test_date_parse_and_format);
    RUN(test_time_iso);
    RUN(test_time_words);
    RUN(test_parse_numbers);
    RUN(test_buf_cap);
    RUN(test_kv_parse);
    RUN(test_kv_callback_error_kept);
    RUN(test_hash);
    RUN(test_json_str);
    RUN(test_alloc_failure_seam);
    RUN(test_activity_builder);
    RUN(test_activity_builder_distance_glitch);
    RUN(test_entry_check);
    RUN(test_html_escape);
    return TEST_END();
}
