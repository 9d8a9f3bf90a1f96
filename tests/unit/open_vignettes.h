/* SPDX-License-Identifier: MIT */
/*
 * The open vignette folders that a whole-set check walks: the engine's own
 * set and the development and retired halves of the blind sets
 * (tests/vignettes/README.md) and the engine's own stress set danger29
 * (session 29), one list for every such test. A frozen half
 * is never in it. open_vignettes_walk calls fn on each .txt file of the
 * folders; fn returns a negative number for a file it does not judge, else
 * what it counts of that file (0 or 1). The walk returns the files judged
 * and adds the counts to *sum. Include after harness.h.
 */
#ifndef RUNHIP_TEST_OPEN_VIGNETTES_H
#define RUNHIP_TEST_OPEN_VIGNETTES_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>

static const char *const open_vignette_dirs[] = {"tests/vignettes",
                                                 "tests/vignettes/blind30/test",
                                                 "tests/vignettes/blind31/dev",
                                                 "tests/vignettes/blind31/test",
                                                 "tests/vignettes/blind32/dev",
                                                 "tests/vignettes/blind32/test",
                                                 "tests/vignettes/blind33/dev",
                                                 "tests/vignettes/blind33/test",
                                                 "tests/vignettes/blind34/dev",
                                                 "tests/vignettes/blind34/test",
                                                 "tests/vignettes/blind35/dev",
                                                 "tests/vignettes/blind35/test",
                                                 "tests/vignettes/blind36/dev",
                                                 "tests/vignettes/blind36/test",
                                                 "tests/vignettes/blind37/dev",
                                                 "tests/vignettes/blind37/test",
                                                 "tests/vignettes/blind38/dev",
                                                 "tests/vignettes/blind38/test",
                                                 "tests/vignettes/blind39/dev",
                                                 "tests/vignettes/blind39/test",
                                                 "tests/vignettes/blind40/dev",
                                                 "tests/vignettes/blind41/dev",
                                                 "tests/vignettes/blind42/dev",
                                                 "tests/vignettes/blind43/dev",
                                                 "tests/vignettes/blind44/dev",
                                                 "tests/vignettes/danger29"};

static int open_vignettes_walk(int (*fn)(const char *path), int *sum)
{
    int seen = 0;
    for (size_t k = 0; k < sizeof open_vignette_dirs / sizeof open_vignette_dirs[0]; k++) {
        DIR *d = opendir(open_vignette_dirs[k]);
        CHECK(d != NULL);
        for (struct dirent *e; d && (e = readdir(d));) {
            size_t n = strlen(e->d_name);
            if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
                continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", open_vignette_dirs[k], e->d_name);
            int h = fn(path);
            if (h < 0)
                continue;
            seen++;
            *sum += h;
        }
        if (d)
            closedir(d);
    }
    return seen;
}

#endif
