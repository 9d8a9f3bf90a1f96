/* SPDX-License-Identifier: MIT */
/*
 * The intake reader and writers: every error kind in both syntaxes (code,
 * message naming the key, line), synonyms, round trips through text and
 * JSON, and the word helpers.
 */
#include <string.h>

#include "assess/intake_int.h"
#include "harness.h"
#include "runhip/intake.h"

static int parse(const char *s, struct rh_intake *in, struct rh_err *e)
{
    return rh_intake_parse(s, strlen(s), in, e);
}

/* Parses s expecting failure: checks the code, that msg contains want,
 * the line, and that nothing was kept. */
static void bad(const char *s, int code, long line, const char *want)
{
    struct rh_intake in, empty;
    struct rh_err e;
    rh_intake_init(&empty);
    int r = parse(s, &in, &e);
    CHECK_INT(r, code);
    CHECK_INT(e.code, code);
    CHECK_INT(e.line, line);
    if (!strstr(e.msg, want)) {
        fprintf(stderr, "  message '%s' lacks '%s'\n", e.msg, want);
        CHECK(0);
    }
    CHECK(rh_intake_equal(&in, &empty));
}

static const char full_text[] =
    "# a full record\n"
    "age = 34\n"
    "sex = female\n"
    "side = right\n"
    "location = groin, deep\n"
    "onset = gradual\n"
    "onset_event = none\n"
    "duration_days = 21\n"
    "episodes = first\n"
    "character = dull_ache, pinching, clicking\n"
    "pain_now = 2\n"
    "pain_run = 6\n"
    "pain_worst = 7\n"
    "pain_next_morning = 3\n"
    "worse_with = run_later, sitting, night\n"
    "better_with = rest\n"
    "signs = none\n"
    "test_knee_to_chest = yes\n"
    "test_single_leg_stand = no\n"
    "check_sharp_socket = yes\n"
    "check_better_stretch = no\n"
    "weekly_km = 42.5\n"
    "km_change_pct = -12.25\n"
    "years_running = 3\n"
    "cadence_spm = 168\n"
    "shoe_km = 650\n"
    "sitting_hours = 7.5\n"
    "strength_per_week = 0\n"
    "surface = road\n"
    "same_route = yes\n"
    "recent_change = more_km, speedwork\n"
    "history = missed_periods, low_energy_intake\n";

static void test_text_full_record(void)
{
    struct rh_intake in;
    struct rh_err e;
    CHECK_INT(parse(full_text, &in, &e), 0);
    CHECK_INT(in.age, 34);
    CHECK_INT(in.sex, RH_SEX_FEMALE);
    CHECK_INT(in.side, RH_SIDE_RIGHT);
    CHECK(in.has_location);
    CHECK_INT(in.location, RH_BIT(RH_LOC_GROIN) | RH_BIT(RH_LOC_DEEP));
    CHECK_INT(in.onset_event, RH_EVENT_NONE);
    CHECK_INT(in.duration_days, 21);
    CHECK_INT(in.character,
              RH_BIT(RH_CHAR_DULL_ACHE) | RH_BIT(RH_CHAR_PINCHING) | RH_BIT(RH_CHAR_CLICKING));
    CHECK_INT(in.pain_next_morning, 3);
    CHECK(in.has_signs);
    CHECK_INT(in.signs, 0);
    CHECK_INT(in.test[RH_TEST_KNEE_TO_CHEST], RH_TRI_YES);
    CHECK_INT(in.test[RH_TEST_SINGLE_LEG_STAND], RH_TRI_NO);
    CHECK_INT(in.test[RH_TEST_HOP], RH_TRI_UNKNOWN);
    CHECK_INT(in.check[RH_CHECK_BETTER_STRETCH], RH_TRI_NO);
    CHECK_INT(in.check[RH_CHECK_WEAK_SIDE], RH_TRI_UNKNOWN);
    CHECK_NEAR(in.weekly_km, 42.5, 0);
    CHECK_NEAR(in.km_change_pct, -12.25, 0);
    CHECK_INT(in.strength_per_week, 0);
    CHECK_INT(in.same_route, RH_TRI_YES);
    CHECK_INT(in.history, RH_BIT(RH_HIST_MISSED_PERIODS) | RH_BIT(RH_HIST_LOW_ENERGY_INTAKE));
    CHECK_INT(in.pain_now, 2);
    struct rh_intake empty;
    CHECK_INT(parse("# only a comment\n\n", &empty, &e), 0);
    CHECK_INT(empty.age, -1);
    CHECK(!empty.has_location);
    CHECK(!rh_has(empty.weekly_km));
    CHECK_INT(empty.same_route, RH_TRI_UNKNOWN);
    CHECK_INT(parse("", &empty, &e), 0);
}

static void test_text_errors(void)
{
    bad("age = 34\nfoo = 1\n", RH_EKEY, 2, "unknown key 'foo'");
    bad("age = 34\n\nsex = robot\n", RH_EKEY, 3, "sex: unknown word 'robot'");
    /* cli26: the nearest keys of the table, and a word's allowed words */
    bad("pain = 3\n", RH_EKEY, 1,
        "unknown key 'pain': did you mean pain_now, pain_run or pain_worst?");
    bad("worst = 3\n", RH_EKEY, 1, "unknown key 'worst': did you mean pain_worst?");
    bad("agee = 3\n", RH_EKEY, 1, "unknown key 'agee': did you mean age?");
    bad("pain_wrst = 3\n", RH_EKEY, 1, "unknown key 'pain_wrst': did you mean pain_worst?");
    bad("foo = 1\n", RH_EKEY, 1, "unknown key 'foo': it is not a key of an intake file");
    bad("sex = robot\n", RH_EKEY, 1, "sex: unknown word 'robot' (expected female, male, other)");
    bad("location = groin, elbow\n", RH_EKEY, 1, "location: unknown word 'elbow'");
    bad("# c\nage = 140\n", RH_ERANGE, 2, "age: 140 is out of range (10..100)");
    bad("pain_now = -1\n", RH_ERANGE, 1, "pain_now: -1 is out of range (0..10)");
    bad("km_change_pct = 1000.5\n", RH_ERANGE, 1, "km_change_pct: 1000.5 is out of range");
    bad("age = forty\n", RH_ESYNTAX, 1, "age: 'forty' is not a number");
    bad("age = 34.5\n", RH_ESYNTAX, 1, "age: 34.5 is not a whole number");
    /* session 21, spec audit: a decimal out of range is said as a decimal
     * (it said "age: 3.5 is out of range (10..100)") */
    bad("age = 3.5\n", RH_ESYNTAX, 1, "age: 3.5 is not a whole number");
    bad("pain_now = 11.5\n", RH_ESYNTAX, 1, "pain_now: 11.5 is not a whole number");
    bad("age 34\n", RH_ESYNTAX, 1, "expected 'key = value'");
    bad("= 34\n", RH_ESYNTAX, 1, "no key");
    bad("Age = 34\n", RH_ESYNTAX, 1, "malformed key 'Age'");
    bad("age = 34\nside = left\nage = 35\n", RH_ESYNTAX, 3, "duplicate key 'age' (first on line 1)");
    bad("same_route = maybe\n", RH_EKEY, 1, "same_route: expected yes or no, not 'maybe'");
    bad("signs =\n", RH_ESYNTAX, 1, "signs: no value");
    bad("signs = none, fever\n", RH_ESYNTAX, 1, "'none' cannot be combined");
    bad("signs = fever, , limp\n", RH_ESYNTAX, 1, "signs: empty word");
    bad("signs = fever,\n", RH_ESYNTAX, 1, "signs: empty word");
    bad("signs = fever, Fever\n", RH_ESYNTAX, 1, "signs: 'fever' is listed twice");
    bad("weekly_km = nan\n", RH_ESYNTAX, 1, "weekly_km: 'nan' is not a number");
    bad("[person]\nage = 3\n", RH_ESYNTAX, 1, "expected 'key = value'");
    /* JSON, but a list: named as such, not as a text line */
    bad("\n[{\"age\": 34}]\n", RH_ESYNTAX, 2, "expected one JSON object");
    /* a bad value after good ones keeps nothing */
    bad("age = 34\nsex = male\nweekly_km = 401\n", RH_ERANGE, 3, "weekly_km: 401");
}

static void test_json_errors(void)
{
    bad("{\n  \"age\": 34,\n  \"foo\": 1\n}\n", RH_EKEY, 3, "unknown key 'foo'");
    bad("{\"age\": 34,\n\"sex\": \"robot\"}", RH_EKEY, 2, "sex: unknown word 'robot'");
    bad("{\"age\": 34,\n\"pain\": 3}", RH_EKEY, 2,
        "unknown key 'pain': did you mean pain_now, pain_run or pain_worst?");
    bad("{\"location\": [\n  \"groin\",\n  \"elbow\"\n]}", RH_EKEY, 3,
        "location: unknown word 'elbow'");
    bad("{\n\"age\": 140}", RH_ERANGE, 2, "age: 140 is out of range (10..100)");
    bad("{\n\n\"age\": \"34\"}", RH_ESYNTAX, 3, "age: expected a whole number, got a string");
    bad("{\"age\": 34.5}", RH_ESYNTAX, 1, "age: 34.5 is not a whole number");
    bad("{\"sex\": 1}", RH_ESYNTAX, 1, "sex: expected a word (a string), got a number");
    bad("{\"same_route\": \"yes\"}", RH_ESYNTAX, 1, "same_route: expected true or false");
    bad("{\"signs\": \"fever\"}", RH_ESYNTAX, 1, "signs: expected a list of words, got a string");
    bad("{\"signs\": [\"fever\",\n 3]}", RH_ESYNTAX, 2, "signs: expected a word (a string), got a number");
    bad("{\"signs\": [\"fever\", \"fever\"]}", RH_ESYNTAX, 1, "signs: 'fever' is listed twice");
    bad("{\n\"age\": 34,\n\"side\": \"left\",\n\"age\": 35\n}", RH_ESYNTAX, 4, "duplicate key 'age'");
    bad("{\n\"age\": 34,\n\"side\": left\n}", RH_ESYNTAX, 3, "not valid JSON");
    bad("{\"age\": 34", RH_ESYNTAX, 1, "not valid JSON");
    bad("{\"age\": 34} {}", RH_ESYNTAX, 1, "not valid JSON");
    bad("{\"age\": {\"years\": 34}}", RH_ESYNTAX, 1, "age: expected a whole number, got an object");
    /* the key is found even when written with escapes */
    bad("{\"age\": 30,\n\"f\\u006fo\": 1}", RH_EKEY, 2, "unknown key 'foo'");
    /* a key name inside a string value does not fool the line finder */
    bad("{\"sex\": \"female\", \"x\": \"age\",\n\"age\": 5}", RH_EKEY, 1, "unknown key 'x'");
    bad("{\"sex\": \"female\",\n\"note\": {\"age\": 1},\n\"age\": 5}", RH_EKEY, 2,
        "unknown key 'note'");
    bad("{\"side\": \"left\", \"pain_now\": 3,\n\"weekly_km\": -1}", RH_ERANGE, 2, "weekly_km: -1");
}

static void test_synonyms(void)
{
    struct rh_intake in;
    struct rh_err e;
    CHECK_INT(parse("same_route = TRUE\ntest_hop = n\ncheck_weak_side = Y\nsex = F\nside = l\n"
                    "location = Outer-Thigh, sit bone\nworse_with = Lying-On-Side\n",
                    &in, &e),
              0);
    CHECK_INT(in.same_route, RH_TRI_YES);
    CHECK_INT(in.test[RH_TEST_HOP], RH_TRI_NO);
    CHECK_INT(in.check[RH_CHECK_WEAK_SIDE], RH_TRI_YES);
    CHECK_INT(in.sex, RH_SEX_FEMALE);
    CHECK_INT(in.side, RH_SIDE_LEFT);
    CHECK_INT(in.location, RH_BIT(RH_LOC_OUTER_THIGH) | RH_BIT(RH_LOC_SIT_BONE));
    CHECK_INT(in.worse_with, RH_BIT(RH_WORSE_LYING_ON_SIDE));
    /* written back canonical */
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_intake_to_text(&in, &b), 0);
    CHECK_STR(b.data, "sex = female\nside = left\nlocation = outer_thigh, sit_bone\n"
                      "worse_with = lying_on_side\ntest_hop = no\ncheck_weak_side = yes\n"
                      "same_route = yes\n");
    rh_buf_release(&b);
    /* JSON: same word synonyms; trailing comments and BOM in text */
    CHECK_INT(parse("{\"sex\": \"Male\", \"signs\": [\"cannot-bear-weight\"], \"age\": null}", &in,
                    &e),
              0);
    CHECK_INT(in.sex, RH_SEX_MALE);
    CHECK_INT(in.signs, RH_BIT(RH_SIGN_CANNOT_BEAR_WEIGHT));
    CHECK_INT(in.age, -1);
    CHECK_INT(parse("\xEF\xBB\xBF" "age = 40   # years\r\nsigns = none\r\n", &in, &e), 0);
    CHECK_INT(in.age, 40);
    CHECK(in.has_signs && in.signs == 0);
    CHECK_INT(rh_intake_word_find(RH_INTAKE_LIST_SEX, "x"), -1);
    CHECK_INT(rh_intake_word_find(RH_INTAKE_LIST_SIDE, "f"), -1); /* f is only for sex */
}

static void test_words(void)
{
    CHECK_STR(rh_intake_word(RH_INTAKE_LIST_LOCATION, RH_LOC_GROIN), "groin");
    CHECK_STR(rh_intake_word(RH_INTAKE_LIST_WORSE, RH_WORSE_TWISTING), "twisting");
    CHECK_STR(rh_intake_word(RH_INTAKE_LIST_HISTORY, RH_HIST_OSTEOARTHRITIS), "osteoarthritis");
    CHECK_STR(rh_intake_word(RH_INTAKE_LIST_TEST, RH_TEST_HOP), "hop");
    CHECK(rh_intake_word(RH_INTAKE_LIST_SIGN, RH_SIGN__COUNT) == NULL);
    CHECK(rh_intake_word(RH_INTAKE_LIST_SIGN, -1) == NULL);
    CHECK(rh_intake_word(RH_INTAKE_LIST__COUNT, 0) == NULL);
    CHECK_INT(rh_intake_word_count(RH_INTAKE_LIST_WORSE), RH_WORSE__COUNT);
    CHECK_INT(rh_intake_word_count(RH_INTAKE_LIST_CHANGE), RH_CHANGE__COUNT);
    for (int l = 0; l < RH_INTAKE_LIST__COUNT; l++)
        for (int i = 0; i < rh_intake_word_count(l); i++)
            CHECK_INT(rh_intake_word_find(l, rh_intake_word(l, i)), i);
}

/* Writes in both syntaxes and reads back. */
static void round_trip(const struct rh_intake *x)
{
    struct rh_buf b;
    struct rh_intake y;
    struct rh_err e;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_intake_to_text(x, &b), 0);
    CHECK_INT(rh_intake_parse(b.data ? b.data : "", b.len, &y, &e), 0);
    if (!rh_intake_equal(x, &y)) {
        fprintf(stderr, "text round trip differs:\n%s\n", b.data);
        CHECK(0);
    }
    rh_buf_reset(&b);
    CHECK_INT(rh_intake_to_json(x, &b), 0);
    CHECK_INT(rh_intake_parse(b.data, b.len, &y, &e), 0);
    if (!rh_intake_equal(x, &y)) {
        fprintf(stderr, "json round trip differs (%s):\n%s\n", e.msg, b.data);
        CHECK(0);
    }
    rh_buf_release(&b);
}

static void test_round_trips(void)
{
    struct rh_intake x;
    struct rh_err e;
    rh_intake_init(&x);
    round_trip(&x);
    CHECK_INT(parse(full_text, &x, &e), 0);
    round_trip(&x);
    /* awkward numbers: need 17 digits, negative, zero, bounds */
    x.weekly_km = 0.1 + 0.2;
    x.km_change_pct = -100;
    x.years_running = 1.0 / 3.0;
    x.sitting_hours = 24;
    round_trip(&x);
    /* every word of every list, and answered-empty lists */
    x.location = (1u << RH_LOC__COUNT) - 1;
    x.character = (1u << RH_CHAR__COUNT) - 1;
    x.worse_with = (1u << RH_WORSE__COUNT) - 1;
    x.has_better_with = true;
    x.better_with = 0;
    x.signs = (1u << RH_SIGN__COUNT) - 1;
    x.history = (1u << RH_HIST__COUNT) - 1;
    for (int i = 0; i < RH_TEST__COUNT; i++)
        x.test[i] = (signed char)(i % 2);
    round_trip(&x);
    /* a pseudo-random walk over values */
    unsigned s = 12345;
    for (int n = 0; n < 200; n++) {
        rh_intake_init(&x);
        s = s * 1103515245u + 12345u;
        if (s & 0x100)
            x.age = 10 + (int)(s % 91);
        if (s & 0x200)
            x.sex = (enum rh_sex)((s >> 3) % RH_SEX__COUNT);
        if (s & 0x400) {
            x.has_signs = true;
            x.signs = (s >> 5) & ((1u << RH_SIGN__COUNT) - 1);
        }
        if (s & 0x800)
            x.weekly_km = (double)(s % 38800) / 97.0;
        if (s & 0x1000)
            x.check[(s >> 7) % RH_CHECK__COUNT] = (signed char)((s >> 9) & 1);
        if (s & 0x2000)
            x.onset_event = (enum rh_onset_event)((s >> 4) % RH_EVENT__COUNT);
        round_trip(&x);
    }
}

static void test_json_writer(void)
{
    struct rh_intake x;
    struct rh_err e;
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(parse("history = cancer\nage = 50\nsigns = none\ntest_hop = no\nweekly_km = 30\n"
                    "sitting_hours = 6.5\n",
                    &x, &e),
              0);
    CHECK_INT(rh_intake_to_json(&x, &b), 0);
    CHECK_STR(b.data, "{\n  \"age\": 50,\n  \"signs\": [],\n  \"test_hop\": false,\n"
                      "  \"weekly_km\": 30,\n  \"sitting_hours\": 6.5,\n"
                      "  \"history\": [\n    \"cancer\"\n  ]\n}\n");
    rh_buf_release(&b);
    /* a capped buffer: error, nothing half-written */
    rh_buf_init(&b, 16);
    CHECK_INT(rh_buf_puts(&b, "ab"), 0);
    CHECK(rh_intake_to_json(&x, &b) < 0);
    CHECK_INT(b.len, 2);
    rh_buf_release(&b);
}

/* The empty record comes from the key table: every key is "not answered"
 * (a key added to the table cannot read as "answered 0"), even over a
 * record full of garbage; and every key answered once counts once. */
static void test_init_from_the_table(void)
{
    struct rh_intake in;
    memset(&in, 0x5a, sizeof in);
    rh_intake_init(&in);
    CHECK_INT(rh__intake_answered(&in), 0);
    for (int i = 0; i < rh__n_ifields; i++)
        CHECK(!rh__ifield_answered(&rh__ifields[i], &in));
    CHECK_INT(in.from_data, 0);
    CHECK_INT(in.character_unknown | in.history_unknown, 0);
    struct rh_buf b;
    rh_buf_init(&b, 0);
    CHECK_INT(rh_intake_to_text(&in, &b), 0);
    CHECK_INT((long)b.len, 0);
    rh_buf_release(&b);
    /* the three history words of the second contract */
    struct rh_err e;
    CHECK_INT(parse("history = sickle_cell, heavy_alcohol, breastfeeding\nage = 30\n", &in, &e), 0);
    CHECK_INT(in.history, RH_BIT(RH_HIST_SICKLE_CELL) | RH_BIT(RH_HIST_HEAVY_ALCOHOL) |
                              RH_BIT(RH_HIST_BREASTFEEDING));
    CHECK_INT(rh__intake_answered(&in), 2);
    const struct rh__ifield *h = rh__ifield_find("history");
    CHECK(h != NULL && rh__ifield_unknown(h, &in) == 0);
    in.history_unknown = RH_BIT(RH_HIST_MISSED_PERIODS);
    CHECK(h != NULL && rh__ifield_unknown(h, &in) == RH_BIT(RH_HIST_MISSED_PERIODS));
    CHECK_INT((long)rh__ifield_unknown(rh__ifield_find("signs"), &in), 0);
}

int main(void)
{
    RUN(test_init_from_the_table);
    RUN(test_text_full_record);
    RUN(test_text_errors);
    RUN(test_json_errors);
    RUN(test_synonyms);
    RUN(test_words);
    RUN(test_round_trips);
    RUN(test_json_writer);
    return TEST_END();
}
