/* SPDX-License-Identifier: MIT */
/*
 * Route repetition: are two runs on nearly the same track? Each simplified
 * track (at most RH_TRACK_MAX points) becomes the sorted set of grid cells
 * (cell_m metres square, on one local flat projection) its points fall in.
 * Run A matches run B when at least `match` of A's cells lie in or next to
 * one of B's cells, and the other way round. The largest group of runs that
 * all match one run, over the number of tracked runs, is the share that
 * stands in for "the same route nearly every run" (a proxy for cambered
 * roads, see data/load_rules.txt [finding.same_route]).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "load/load_int.h"
#include "util/banned.h"

struct cells {
    int64_t *c;
    size_t n;
};

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int64_t cell_key(int64_t x, int64_t y)
{
    return (int64_t)((uint64_t)(x & 0xffffffff) << 32 | (uint64_t)(y & 0xffffffff));
}

static bool has_cell(const struct cells *s, int64_t k)
{
    return bsearch(&k, s->c, s->n, sizeof *s->c, cmp_i64) != NULL;
}

/* Share of a's cells with b's cell (or a neighbour) present, stopping as soon
 * as the share cannot reach `need`. */
static bool covers(const struct cells *a, const struct cells *b, double need)
{
    if (!a->n || !b->n)
        return false;
    size_t allowed_miss = (size_t)floor((1.0 - need) * (double)a->n + 1e-9), miss = 0;
    for (size_t i = 0; i < a->n; i++) {
        int64_t x = (int64_t)(int32_t)(uint32_t)((uint64_t)a->c[i] >> 32);
        int64_t y = (int64_t)(int32_t)(uint32_t)((uint64_t)a->c[i] & 0xffffffff);
        bool hit = false;
        for (int dx = -1; dx <= 1 && !hit; dx++)
            for (int dy = -1; dy <= 1 && !hit; dy++)
                hit = has_cell(b, cell_key(x + dx, y + dy));
        if (!hit && ++miss > allowed_miss)
            return false;
    }
    return true;
}

int rh__load_route_share(const struct rh_activity *acts, const size_t *idx, size_t n, double cell_m,
                         double match, double *share, size_t *group)
{
    *share = RH_NONE;
    *group = 0;
    if (n < 2)
        return 0;
    struct cells *cs = rh_calloc(n, sizeof *cs);
    if (!cs)
        return RH_ENOMEM;
    int r = 0;
    double lat0 = (double)acts[idx[0]].track[0].lat_e7 * 1e-7;
    double kx = 111320.0 * cos(lat0 * M_PI / 180.0) / cell_m, ky = 110540.0 / cell_m;
    for (size_t i = 0; i < n && !r; i++) {
        const struct rh_activity *a = &acts[idx[i]];
        if (!(cs[i].c = rh_malloc((a->n_track ? a->n_track : 1) * sizeof *cs[i].c))) {
            r = RH_ENOMEM;
            break;
        }
        for (size_t k = 0; k < a->n_track; k++) {
            double lat = a->track[k].lat_e7 * 1e-7, lon = a->track[k].lon_e7 * 1e-7;
            cs[i].c[cs[i].n++] = cell_key((int64_t)floor(lon * kx), (int64_t)floor(lat * ky));
        }
        qsort(cs[i].c, cs[i].n, sizeof *cs[i].c, cmp_i64);
        size_t u = 0;
        for (size_t k = 0; k < cs[i].n; k++)
            if (u == 0 || cs[i].c[k] != cs[i].c[u - 1])
                cs[i].c[u++] = cs[i].c[k];
        cs[i].n = u;
    }
    if (!r) {
        /* same[i*n+j]: runs i and j match both ways */
        unsigned char *same = rh_calloc(n * n, 1);
        if (!same) {
            r = RH_ENOMEM;
        } else {
            for (size_t i = 0; i < n; i++) {
                same[i * n + i] = 1;
                for (size_t j = i + 1; j < n; j++)
                    if (covers(&cs[i], &cs[j], match) && covers(&cs[j], &cs[i], match))
                        same[i * n + j] = same[j * n + i] = 1;
            }
            size_t best = 0;
            for (size_t i = 0; i < n; i++) {
                size_t g = 0;
                for (size_t j = 0; j < n; j++)
                    g += same[i * n + j];
                if (g > best)
                    best = g;
            }
            *group = best;
            *share = (double)best / (double)n;
            rh_free(same);
        }
    }
    for (size_t i = 0; i < n; i++)
        rh_free(cs[i].c);
    rh_free(cs);
    return r;
}
