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
#include <stdatomic.h>
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
    {"max_approximate", ""},
    {"max_approximate_age", ""},
    {"person_birth_year", "year age day"},
    {"person_sex", "sex day"},
    {"sessions_span_one", ""},
    {"sessions_span", "weeks"},
    {"sessions_none", "span"},
    {"sessions_one_alone", "span"},
    {"sessions_alone", "n span"},
    {"sessions_one", "span mean"},
    {"sessions_many", "n span mean"},
};

const struct rh_words_named *rh_load_words_keys(size_t *n)
{
    *n = sizeof load_messages / sizeof *load_messages;
    return load_messages;
}

int rh__load_words_check(struct rh_err *err)
{
    /* once a program; a failure (memory ran out loading the texts) is
     * tried again */
    static atomic_bool ok;
    if (atomic_load(&ok))
        return 0;
    int r = rh_words_named_check(SECTION, load_messages, sizeof load_messages / sizeof *load_messages, err);
    if (!r)
        atomic_store(&ok, true);
    return r;
}

static size_t say_v(char *buf, size_t cap, const char *key, va_list ap)
{
    if (rh__load_words_check(NULL)) { /* said as nothing, as a report that cannot load */
        if (cap)
            buf[0] = '\0';
        return 0;
    }
    return rh_words_fill_pairs(buf, cap, SECTION, load_messages,
                               sizeof load_messages / sizeof *load_messages, key, ap);
}

size_t rh__load_say(char *buf, size_t cap, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    size_t r = say_v(buf, cap, key, ap);
    va_end(ap);
    return r;
}

int rh__load_err(struct rh_err *err, int code, const char *key, ...)
{
    struct rh_err ce;
    if (rh__load_words_check(&ce)) {
        if (err) {
            *err = ce;
            err->code = code;
        }
        return code;
    }
    char msg[sizeof ((struct rh_err *)0)->msg];
    va_list ap;
    va_start(ap, key);
    say_v(msg, sizeof msg, key, ap);
    va_end(ap);
    return rh_err_set(err, code, "%s", msg);
}
