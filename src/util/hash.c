/* SPDX-License-Identifier: MIT */
/* A fast 64-bit content hash for de-duplication (not cryptographic):
 * eight bytes at a time, multiply-xorshift mixing, length folded in. */
#include <string.h>

#include "runhip/util.h"
#include "util/banned.h"

#define K1 0x9E3779B97F4A7C15ULL
#define K2 0xC2B2AE3D27D4EB4FULL

static inline uint64_t mix(uint64_t h, uint64_t v)
{
    v *= K2;
    v ^= v >> 31;
    h ^= v;
    h = (h << 27 | h >> 37) * K1 + 0x52DCE729;
    return h;
}

void rh_hash_init(struct rh_hash *s)
{
    s->h = 0x243F6A8885A308D3ULL;
    s->n = 0;
}

/* Blocks are hashed as they come; a partial tail is padded with its length,
 * so streaming in different chunkings gives different results only when the
 * chunk boundaries fall inside 8-byte words. Callers feed whole files in
 * chunks that are multiples of 8 bytes (all our readers do). */
void rh_hash_update(struct rh_hash *s, const void *p, size_t n)
{
    const unsigned char *c = p;
    uint64_t h = s->h;
    s->n += n;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, c, 8);
        h = mix(h, v);
        c += 8;
        n -= 8;
    }
    if (n) {
        uint64_t v = 0;
        memcpy(&v, c, n);
        h = mix(h, v ^ ((uint64_t)n << 56));
    }
    s->h = h;
}

uint64_t rh_hash_final(const struct rh_hash *s)
{
    uint64_t h = s->h ^ s->n;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}
