/* SPDX-License-Identifier: MIT */
/*
 * The training load's words a runner reads that are not a finding's
 * (code24): `runhip load`'s error when nothing is stored, and what the
 * profile says of the heart rates and the sex and birth year in use when
 * the runner set none (`runhip profile`, the web's Profile page),
 * data/wording.txt [load_messages]. A closed section of texts with named holes
 * ("in use: {bpm} beats a minute, assumed"), each key with the names its
 * code fills (the table below), checked before a report is built
 * (rh_load_report_build) and before the first words are said: a text that
 * asks for a value its code does not give, or leaves out one it gives, is
 * refused naming the key and the hole. The findings' own words are
 * data/load_rules.txt's.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "load/load_int.h"
#include "runhip/text.h"
#include "util/banned.h"

#define SECTION "load_messages"

static const struct rh_words_named load_messages[] = {
    {"no_activities", "day"},
    {"rest_assumed", "bpm"},
    {"max_none", ""},
    {"max_in_use", "bpm basis"},
    {"max_by_age", "n a b"},
    {"max_by_age_one", "a b"},
    {"max_by_peak", "n"},
    {"max_by_peak_one", ""},
    {"max_lone_peak", "bpm"},
    {"max_ended_early", "n"},
    {"max_approximate", "where"},
    {"max_approximate_age", "where"},
    {"person_birth_year", "year age day where"},
    {"person_sex", "sex day where"},
    {"where_any", "args"},
    {"where_field", ""},
    {"where_page", ""},
    {"sessions_span_one", ""},
    {"sessions_span", "weeks"},
    {"sessions_none", "span"},
    {"sessions_one_alone", "span"},
    {"sessions_alone", "n span"},
    {"sessions_one", "span rate"},
    {"sessions_many", "n span rate"},
    {"sessions_rate_every", "n"},
    {"sessions_rate_once", ""},
    {"sessions_rate_twice", ""},
    {"sessions_rate_times", "n"},
    {"shoe_guidance", "low high source"},
    {"shoe_past", "low high source advice"},
};

const struct rh_words_named *rh_load_words_keys(size_t *n)
{
    *n = sizeof load_messages / sizeof *load_messages;
    return load_messages;
}

static struct rh_words_family family = RH_WORDS_FAMILY(SECTION, load_messages);

int rh__load_words_check(struct rh_err *err)
{
    return rh_words_family_check(&family, err);
}


size_t rh__load_say(char *buf, size_t cap, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    size_t r = rh_words_family_say(&family, buf, cap, key, ap);
    va_end(ap);
    return r;
}

int rh__load_err(struct rh_err *err, int code, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    int r = rh_words_family_err(&family, err, code, -1, key, ap);
    va_end(ap);
    return r;
}
