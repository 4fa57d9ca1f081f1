/* The data generator's random numbers: xoshiro256** seeded through
 * splitmix64, so a seed always gives the same warehouse on every machine. */
#ifndef SMCON_GEN_RNG_H
#define SMCON_GEN_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s[4];
};

/* Seeds the generator; stream picks an independent sequence for the same
 * seed (one per table, so adding a table does not change the others). */
void rng_seed(struct rng *r, uint64_t seed, uint64_t stream);
uint64_t rng_next(struct rng *r);
/* A uniform integer in [0, n) (n > 0), without modulo bias. */
uint64_t rng_below(struct rng *r, uint64_t n);
/* A uniform integer in [lo, hi]. */
long rng_range(struct rng *r, long lo, long hi);
/* A uniform double in [0, 1). */
double rng_unit(struct rng *r);
/* 1 with probability p. */
int rng_chance(struct rng *r, double p);
/* An index into weights[0..n) chosen in proportion to the weights. */
int rng_weighted(struct rng *r, const int *weights, int n);
/* A count with the given mean, skewed like real event counts (geometric). */
int rng_count(struct rng *r, double mean);

#endif
