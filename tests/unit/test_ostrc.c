/* SPDX-License-Identifier: MIT */
/* OSTRC-style check-in: scores against hand-computed examples, the two
 * early stops of question 1, the substantial-problem definition, bad
 * answers, and the stored trend. */
#include "harness.h"
#include "runhip/plan.h"
#include "runhip/store.h"

static void score(const int *a, size_t n, int severity, bool substantial, const int q[4])
{
    struct rh_checkin c;
    struct rh_err err;
    CHECK_INT(rh_ostrc_score(a, n, 100, &c, &err), 0);
    CHECK_INT(c.severity, severity);
    CHECK_INT(c.substantial, substantial);
    for (int i = 0; i < 4; i++)
        CHECK_INT(c.q[i], q[i]);
    CHECK_INT(c.day, 100);
}

static void test_hand_computed_scores(void)
{
    /* Q1 full participation without problems: 0 and stop */
    score((int[]){1}, 1, 0, false, (int[]){0, -1, -1, -1});
    score((int[]){1, 1, 1, 1}, 4, 0, false, (int[]){0, -1, -1, -1});
    /* a problem said after 1 to question 1 would be dropped without a word:
     * refused, with the option that fits (loop16, rh_ostrc_answers_check) */
    {
        struct rh_checkin c;
        struct rh_err err;
        CHECK_INT(rh_ostrc_score((int[]){1, 3, 3, 3}, 4, 100, &c, &err), RH_EINVAL);
        CHECK(strstr(err.msg, "ends the check-in at 0") != NULL);
    }
    /* Q1 could not participate: 100, the rest skipped, substantial */
    score((int[]){4}, 1, 100, true, (int[]){25, -1, -1, -1});
    /* 8 + 8 + 17 + 0 = 33; Q3 = 17 makes it substantial */
    score((int[]){2, 2, 3, 1}, 4, 33, true, (int[]){8, 8, 17, 0});
    /* 8 + 0 + 8 + 8 = 24, nothing at 17: not substantial */
    score((int[]){2, 1, 2, 2}, 4, 24, false, (int[]){8, 0, 8, 8});
    /* 17 + 17 + 0 + 25 = 59; Q2 = 17 */
    score((int[]){3, 3, 1, 4}, 4, 59, true, (int[]){17, 17, 0, 25});
    /* 17 + 0 + 0 + 25 = 42: severe pain alone is not "substantial" */
    score((int[]){3, 1, 1, 4}, 4, 42, false, (int[]){17, 0, 0, 25});
    /* review 7b N13: the same score 41 is substantial with question 2 at a
     * fair amount (17), not with moderate pain (question 4 at 17) */
    score((int[]){2, 3, 2, 2}, 4, 41, true, (int[]){8, 17, 8, 8});
    score((int[]){2, 2, 2, 3}, 4, 41, false, (int[]){8, 8, 8, 17});
    CHECK(strstr(rh_ostrc_substantial_words(), "a fair amount or a great deal") != NULL);
    CHECK(strstr(rh_ostrc_substantial_words(), "pain alone and the score do not") != NULL);
    /* 17 + 25 + 25 + 25 = 92 */
    score((int[]){3, 4, 4, 4}, 4, 92, true, (int[]){17, 25, 25, 25});
}

/* Questions 2-4 can be skipped: not answered, never "no trouble"; the
 * severity is the sum of the answered items (a lower bound). */
static void test_skipped_question(void)
{
    const int S = RH_OSTRC_SKIPPED;
    score((int[]){2, S, 3, 1}, 4, 25, true, (int[]){8, -1, 17, 0});
    score((int[]){3, 1, 1, S}, 4, 17, false, (int[]){17, 0, 0, -1});
    score((int[]){2, S, S, S}, 4, 8, false, (int[]){8, -1, -1, -1});
    struct rh_checkin c;
    struct rh_err err;
    CHECK_INT(rh_ostrc_score((int[]){2, S, 3, S}, 4, 1, &c, &err), 0);
    CHECK_INT(rh_ostrc_skipped(&c), 2);
    CHECK_INT(rh_ostrc_score((int[]){2, 2, 3, 1}, 4, 1, &c, &err), 0);
    CHECK_INT(rh_ostrc_skipped(&c), 0);
    CHECK_INT(rh_ostrc_score((int[]){1}, 1, 1, &c, &err), 0);
    CHECK_INT(rh_ostrc_skipped(&c), 0); /* ended by question 1: not skipped */
    /* question 1 decides the rest: it cannot be skipped */
    CHECK_INT(rh_ostrc_score((int[]){S, 2, 2, 2}, 4, 1, &c, &err), RH_EINVAL);
    CHECK(strstr(err.msg, "question 1 cannot be skipped") != NULL);
    /* skipping is not leaving out: all four are still given */
    CHECK_INT(rh_ostrc_score((int[]){2, S}, 2, 1, &c, &err), RH_EINVAL);
}

static void test_bad_answers(void)
{
    struct rh_checkin c;
    struct rh_err err;
    CHECK_INT(rh_ostrc_score((int[]){0}, 1, 1, &c, &err), RH_ERANGE);
    CHECK(strstr(err.msg, "1..4") != NULL);
    CHECK_INT(rh_ostrc_score((int[]){2, 5, 1, 1}, 4, 1, &c, &err), RH_ERANGE);
    CHECK(strstr(err.msg, "answer 2") != NULL);
    CHECK_INT(rh_ostrc_score((int[]){2, 2}, 2, 1, &c, &err), RH_EINVAL);
    CHECK(strstr(err.msg, "all four") != NULL);
    CHECK_INT(rh_ostrc_score((int[]){2, 2, 2, 2, 2}, 5, 1, &c, &err), RH_EINVAL);
    CHECK_INT(rh_ostrc_score(NULL, 0, 1, &c, &err), RH_EINVAL);
}

/* words27: the scoring's errors are data/wording.txt [checkin_errors], with
 * named holes (a count of size_t said as any other): each message whole, as
 * it was written in C before, every hole filled */
static void test_error_words(void)
{
    const int S = RH_OSTRC_SKIPPED;
    struct rh_checkin c;
    struct rh_err err;
    CHECK_INT(rh_ostrc_score(NULL, 0, 1, &c, &err), RH_EINVAL);
    CHECK_STR(err.msg, "no answer given");
    CHECK_INT(rh_ostrc_score((int[]){2, 2, 2, 2, 2}, 5, 1, &c, &err), RH_EINVAL);
    CHECK_STR(err.msg, "there are only 4 questions, got 5 answers");
    CHECK_INT(rh_ostrc_score((int[]){S, 2, 2, 2}, 4, 1, &c, &err), RH_EINVAL);
    CHECK_STR(err.msg, "question 1 cannot be skipped: its answer decides the others");
    CHECK_INT(rh_ostrc_score((int[]){2, 2, 7, 1}, 4, 1, &c, &err), RH_ERANGE);
    CHECK_STR(err.msg, "answer 3 must be 1..4, got 7");
    CHECK_INT(rh_ostrc_score((int[]){3, 2}, 2, 1, &c, &err), RH_EINVAL);
    CHECK_STR(err.msg, "question 1 answered 3: all four answers are needed, got 2");
    CHECK_INT(rh_ostrc_score((int[]){1, 1, 1, 3}, 4, 1, &c, &err), RH_EINVAL);
    char want[600];
    snprintf(want, sizeof want,
             "answer 1 to question 1 (%s) ends the check-in at 0, but answer 4 says a problem: "
             "give question 1 the option that fits (2: %s), or just 1",
             rh_ostrc_option(0, 1), rh_ostrc_option(0, 2));
    CHECK_STR(err.msg, want);
    CHECK(!strchr(err.msg, '{'));
}

static void test_own_wording_is_present(void)
{
    for (int i = 0; i < RH_OSTRC_ITEMS; i++) {
        CHECK(strlen(rh_ostrc_question(i)) > 20);
        for (int o = 1; o <= RH_OSTRC_OPTIONS; o++)
            CHECK(*rh_ostrc_option(i, o) != '\0');
    }
    CHECK_STR(rh_ostrc_question(4), "");
    CHECK_STR(rh_ostrc_option(0, 5), "");
}

static void test_trend_is_stored(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/t.db", test_tmpdir());
    struct rh_store *s;
    struct rh_err err;
    CHECK_INT(rh_store_open(path, 0, &s, &err), 0);
    int weeks[3][4] = {{3, 3, 3, 3}, {2, 2, 3, 2}, {1, 0, 0, 0}};
    size_t lens[3] = {4, 4, 1};
    for (int w = 0; w < 3; w++) {
        struct rh_checkin c;
        CHECK_INT(rh_ostrc_score(weeks[w], lens[w], 20780 + 7 * w, &c, &err), 0);
        CHECK_INT(rh_store_checkin_add(s, &c, NULL, &err), 0);
    }
    struct rh_checkin *list;
    size_t n;
    CHECK_INT(rh_store_checkin_list(s, &list, &n, &err), 0);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_INT(list[0].severity, 68); /* 17 x 4 */
        CHECK_INT(list[1].severity, 41); /* 8 + 8 + 17 + 8 */
        CHECK_INT(list[2].severity, 0);
        CHECK(list[0].substantial && list[1].substantial && !list[2].substantial);
        CHECK_INT(list[2].q[1], -1);
    }
    rh_free(list);
    rh_store_close(s);
}

int main(void)
{
    RUN(test_hand_computed_scores);
    RUN(test_skipped_question);
    RUN(test_bad_answers);
    RUN(test_error_words);
    RUN(test_own_wording_is_present);
    RUN(test_trend_is_stored);
    return TEST_END();
}
