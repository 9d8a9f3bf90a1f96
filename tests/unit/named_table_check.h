/* SPDX-License-Identifier: MIT */
/*
 * The one check that a family of named messages (a section of
 * data/wording.txt and the library's table of the holes its code fills,
 * rh_words_named_check) holds together, for the store's, the load's and the
 * importer's families (test_store_words.c, test_load_words.c,
 * test_file_words.c): the table passes; every text is there; a hole added
 * to or dropped from any key's list is refused naming the key; at least
 * min_holes keys have holes; a table missing its last key is refused as an
 * unknown key. Header only (a static function): include it once.
 */
#ifndef RH_TESTS_NAMED_TABLE_CHECK_H
#define RH_TESTS_NAMED_TABLE_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "runhip/text.h"

static void check_named_table(const char *section, const struct rh_words_named *all, size_t n,
                              size_t min_holes)
{
    struct rh_err e;
    rh_err_clear(&e);
    CHECK(all != NULL && n >= 2);
    if (!all || n < 2)
        return;
    CHECK_INT(rh_words_named_check(section, all, n, &e), 0);
    struct rh_words_named *bad = malloc(n * sizeof *bad);
    CHECK(bad != NULL);
    if (!bad)
        return;
    size_t with_holes = 0;
    for (size_t i = 0; i < n; i++) {
        CHECK(*rh_words_or_empty(section, all[i].key)); /* never lost */
        if (!*all[i].names)
            continue;
        with_holes++;
        char more[160], want[200];
        snprintf(more, sizeof more, "%s extra", all[i].names);
        memcpy(bad, all, n * sizeof *all);
        bad[i].names = more;
        CHECK_INT(rh_words_named_check(section, bad, n, &e), RH_EFORMAT);
        snprintf(want, sizeof want, "] %s: the text must say {extra}", all[i].key);
        CHECK(strstr(e.msg, want) != NULL);
        memcpy(bad, all, n * sizeof *all);
        bad[i].names = "";
        CHECK_INT(rh_words_named_check(section, bad, n, &e), RH_EFORMAT);
        snprintf(want, sizeof want, "] %s: '{", all[i].key);
        CHECK(strstr(e.msg, want) && strstr(e.msg, "is no value its code gives"));
    }
    free(bad);
    CHECK(with_holes > min_holes);
    CHECK_INT(rh_words_named_check(section, all, n - 1, &e), RH_EFORMAT);
    CHECK(strstr(e.msg, "unknown key") && strstr(e.msg, all[n - 1].key));
}

#endif
