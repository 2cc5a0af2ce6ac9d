#ifndef CC_RNG_H
#define CC_RNG_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

/*
 * Random-number streams. Every source of randomness in a replication (arrivals of one
 * queue, attributes of that queue's contacts, one agent group's behaviour...) has its own
 * GSL generator, seeded from (scenario seed, replication, source) through a strong 64-bit
 * mixing function. A source is named by a 64-bit id that the model derives from stable
 * names (cc_rng_source_id), not from positions, so adding a queue or changing staffing
 * leaves every other stream, and the contacts it makes, unchanged (common random numbers).
 *
 * The generator is Mersenne Twister (gsl_rng_mt19937). Its GSL seeding takes 32 bits, so
 * the mixed 64-bit value is folded to 32 bits: two streams of one run coincide with
 * probability about n²/2³³ for n streams, negligible for the few hundred streams of a run.
 */

/* A 64-bit finaliser with full avalanche (SplitMix64's). */
uint64_t cc_rng_mix(uint64_t x);

/* A stable id for a named source and a purpose within it (FNV-1a of NAME, mixed with PURPOSE). */
uint64_t cc_rng_source_id(const char *name, uint64_t purpose);
/* The same for the first LEN characters of NAME at most. */
uint64_t cc_rng_source_id_n(const char *name, size_t len, uint64_t purpose);

/* The 32-bit seed of stream (SEED, REPLICATION, SOURCE). */
unsigned long cc_rng_stream_seed(uint64_t seed, uint64_t replication, uint64_t source);

/* A new generator for stream (SEED, REPLICATION, SOURCE); free it with gsl_rng_free. */
gsl_rng *cc_rng_create(uint64_t seed, uint64_t replication, uint64_t source);

#endif
