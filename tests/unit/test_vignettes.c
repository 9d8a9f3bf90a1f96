/* SPDX-License-Identifier: MIT */
/*
 * The vignette suite: every .txt file in tests/vignettes/ is an intake (text syntax
 * of intake.md) with its expected answer in "# key: value" header lines
 * (format in tests/vignettes/README.md). Each case is assessed and scored;
 * the suite reports top-1 and top-3 accuracy, red-flag sensitivity, the
 * safe-triage rate and the over-triage rate, and fails below top-3 90%,
 * red-flag sensitivity 100% or safe triage 100%. The blind set in
 * tests/vignettes/blind/ is scored the same way and reported on its own.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "runhip/assess.h"
#include "runhip/intake.h"

#define MAX_CASES 256

struct expect {
    char top[64];
    char alt[512];
    char flags[512];
    char disp[64];
};

static void header_value(const char *text, const char *key, char *out, size_t n)
{
    out[0] = '\0';
    size_t kl = strlen(key);
    for (const char *p = text; p && *p;) {
        if (p[0] == '#' && p[1] == ' ' && strncmp(p + 2, key, kl) == 0 && p[2 + kl] == ':') {
            const char *v = p + 3 + kl;
            while (*v == ' ')
                v++;
            const char *e = strchr(v, '\n');
            size_t len = e ? (size_t)(e - v) : strlen(v);
            if (len >= n)
                len = n - 1;
            memcpy(out, v, len);
            out[len] = '\0';
            return;
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
}

/* Is id one of the comma-separated words of list? */
static int in_list(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *e = p;
        while (*e && *e != ',' && *e != ' ')
            e++;
        if ((size_t)(e - p) == n && strncmp(p, id, n) == 0)
            return 1;
        p = e;
    }
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Assess every .txt case in dir and print its figures. The set must hold at
 * least min_cases cases and reach top3_pct top-3 accuracy; coverage asks that
 * every condition is the expected top of at least two cases.
 */
static void run_suite(const char *dir, int min_cases, int top3_pct, int coverage)
{
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d)
        return;
    char *names[MAX_CASES];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < MAX_CASES) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0)
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    CHECK(n >= min_cases);

    int top1 = 0, top3 = 0, flags_needed = 0, flags_found = 0, safe = 0, over = 0, over2 = 0;
    int covered[RH_ASSESS_MAX_CONDITIONS] = {0};
    for (int i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *text = test_slurp(path, &len);
        CHECK(text != NULL);
        if (!text)
            continue;
        struct expect ex;
        header_value(text, "top", ex.top, sizeof ex.top);
        header_value(text, "alternatives", ex.alt, sizeof ex.alt);
        header_value(text, "red_flags", ex.flags, sizeof ex.flags);
        header_value(text, "disposition", ex.disp, sizeof ex.disp);
        struct rh_intake in;
        struct rh_err err;
        rh_err_clear(&err);
        int rc = rh_intake_parse(text, len, &in, &err);
        if (rc) {
            fprintf(stderr, "%s:%ld: %s\n", path, err.line, err.msg);
            CHECK_INT(rc, 0);
            free(text);
            continue;
        }
        struct rh_assessment a;
        CHECK_INT(rh_assess(&in, &a, &err), 0);
        enum rh_disposition least;
        CHECK_INT(rh_disposition_parse(ex.disp, &least), 0);
        CHECK(ex.top[0] != '\0');
        for (int k = 0; k < rh_assess_condition_count(); k++)
            if (strcmp(rh_assess_condition_id(k), ex.top) == 0)
                covered[k]++;

        int hit1 = strcmp(a.conditions[0].id, ex.top) == 0 || in_list(ex.alt, a.conditions[0].id);
        int hit3 = 0;
        for (int k = 0; k < 3; k++)
            hit3 |= strcmp(a.conditions[k].id, ex.top) == 0;
        top1 += hit1;
        top3 += hit3;
        /* red flags: every required one must fire */
        int missed_flag = 0;
        for (int f = 0; f < rh_assess_flag_count(); f++) {
            const char *id = rh_assess_flag_id(f);
            if (!in_list(ex.flags, id))
                continue;
            flags_needed++;
            int got = 0;
            for (int k = 0; k < a.n_flags; k++)
                got |= strcmp(a.flags[k].id, id) == 0;
            flags_found += got;
            if (!got) {
                missed_flag = 1;
                fprintf(stderr, "%s: red flag %s missed\n", names[i], id);
            }
        }
        int is_safe = a.disposition >= least;
        safe += is_safe;
        over += a.disposition > least;
        over2 += a.disposition >= least + 2;
        if (!hit3 || !is_safe || missed_flag)
            fprintf(stderr, "%s: expected %s/%s, got %s (%.2f), %s (%.2f), %s (%.2f); disposition %s\n",
                    names[i], ex.top, ex.disp, a.conditions[0].id, a.conditions[0].score,
                    a.conditions[1].id, a.conditions[1].score, a.conditions[2].id,
                    a.conditions[2].score, rh_disposition_name(a.disposition));
        else if (!hit1)
            fprintf(stderr, "%s: top-1 miss: expected %s, got %s (%.2f)\n", names[i], ex.top,
                    a.conditions[0].id, a.conditions[0].score);
        free(text);
    }
    for (int k = 0; coverage && k < rh_assess_condition_count(); k++) {
        if (covered[k] < 2)
            fprintf(stderr, "condition %s is the expected top of only %d vignettes\n",
                    rh_assess_condition_id(k), covered[k]);
        CHECK(covered[k] >= 2);
    }
    double pct = n ? 100.0 / n : 0;
    printf("vignettes (%s): %d cases\n", dir, n);
    printf("top-1 accuracy (expected or acceptable alternative): %d/%d = %.1f%%\n", top1, n,
           top1 * pct);
    printf("top-3 accuracy (expected condition in the top 3): %d/%d = %.1f%%\n", top3, n,
           top3 * pct);
    printf("red-flag sensitivity: %d/%d = %.1f%%\n", flags_found, flags_needed,
           flags_needed ? 100.0 * flags_found / flags_needed : 100.0);
    printf("safe triage (disposition >= least acceptable): %d/%d = %.1f%%\n", safe, n, safe * pct);
    printf("over-triage (above least acceptable): %d/%d = %.1f%%; two or more levels above: "
           "%d/%d = %.1f%%\n",
           over, n, over * pct, over2, n, over2 * pct);
    CHECK(top3 * 100 >= n * top3_pct);
    CHECK_INT(flags_found, flags_needed);
    CHECK_INT(safe, n);
    for (int i = 0; i < n; i++)
        free(names[i]);
}

static void test_vignette_suite(void)
{
    run_suite("tests/vignettes", 70, 90, 1);
}

/* The blind set (tests/vignettes/blind/README.md): written without reading the
 * knowledge base; same safety bars, top-3 at least 80%. */
static void test_blind_suite(void)
{
    run_suite("tests/vignettes/blind", 40, 80, 0);
}

int main(void)
{
    RUN(test_vignette_suite);
    RUN(test_blind_suite);
    return TEST_END();
}
