/* SPDX-License-Identifier: MIT */
/*
 * Shared by the benchmarks that make their own data (bench_load.c,
 * bench_store.c): a fixed-seed random number generator, so every run times
 * the same data, and the two clocks they report.
 */
#ifndef RUNHIP_BENCH_H
#define RUNHIP_BENCH_H

#include <stdint.h>
#include <time.h>

static uint64_t bench_state = 88172645463325252ull;

/* The next number of a fixed xorshift sequence, in [0, 1). */
static inline double rnd(void)
{
    bench_state ^= bench_state << 13;
    bench_state ^= bench_state >> 7;
    bench_state ^= bench_state << 17;
    return (double)(bench_state % 1000000) / 1000000.0;
}

/* Wall time in milliseconds (a monotonic clock). */
static inline double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* CPU time of the process in milliseconds (the steadier figure on a shared
 * machine: the wall time includes waiting for the disk and for other
 * processes). */
static inline double cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

#endif
