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
 * Every stream, whatever its purpose (a queue's arrivals, its contacts' attributes, its
 * region draws, each agent's behaviour), uses the same generator: L'Ecuyer's maximally
 * equidistributed combined Tausworthe generator (gsl_rng_taus2; "Maximally Equidistributed
 * Combined Tausworthe Generators", Mathematics of Computation 65, 1996), because
 * - its state is 24 bytes (Mersenne Twister's is 5 KB), and there is one stream per agent:
 *   a million agents would otherwise carry 5 GB of generator state;
 * - it is about twice as fast as MT19937 in GSL (3.5 against 7.5 ns a draw here), which
 *   shows on the hot path, where every contact draws several numbers;
 * - its period, 2^88, is beyond any stream's use, and its known statistical weaknesses are
 *   those of every F2-linear generator, MT19937's included: tests of linear structure
 *   (matrix rank, linear complexity), which a queueing model does not probe.
 * Each draw gives 32 random bits (range 0 to 2^32 - 1), as cc_dist_sample_exp requires.
 *
 * GSL's seeding takes 32 bits, so the mixed 64-bit value is folded to 32 bits: two streams
 * of one replication coincide with probability about n²/2³³ for n streams: negligible for
 * the streams of queues, about one pair in a replication of 90,000 agents (the two agents
 * then behave alike; their contacts still differ).
 */

/* A 64-bit finaliser with full avalanche (SplitMix64's). */
uint64_t cc_rng_mix(uint64_t x);

/* A stable id for a named source and a purpose within it (FNV-1a of NAME, mixed with PURPOSE). */
uint64_t cc_rng_source_id(const char *name, uint64_t purpose);
/* The same for the first LEN characters of NAME at most. */
uint64_t cc_rng_source_id_n(const char *name, size_t len, uint64_t purpose);

/* The 32-bit seed of stream (SEED, REPLICATION, SOURCE). */
unsigned long cc_rng_stream_seed(uint64_t seed, uint64_t replication, uint64_t source);

/* A new generator (gsl_rng_taus2) for stream (SEED, REPLICATION, SOURCE); free it with
 * gsl_rng_free. */
gsl_rng *cc_rng_create(uint64_t seed, uint64_t replication, uint64_t source);

#endif
