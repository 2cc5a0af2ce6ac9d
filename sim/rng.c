#include "rng.h"

#include "alloc.h"
#include "status.h"

uint64_t cc_rng_mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

uint64_t cc_rng_source_id_n(const char *name, size_t len, uint64_t purpose)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const unsigned char *p = (const unsigned char *)name; len-- && *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return cc_rng_mix(h ^ cc_rng_mix(purpose));
}

uint64_t cc_rng_source_id(const char *name, uint64_t purpose)
{
	return cc_rng_source_id_n(name, SIZE_MAX, purpose);
}

unsigned long cc_rng_stream_seed(uint64_t seed, uint64_t replication, uint64_t source)
{
	/* Chaining the mixer over the three coordinates keeps them from cancelling each other,
	 * as a plain XOR of (seed, replication) and (seed + 1, replication - 1) could. */
	uint64_t h = cc_rng_mix(seed);
	h = cc_rng_mix(h ^ replication);
	h = cc_rng_mix(h ^ source);
	return (unsigned long)((h ^ (h >> 32)) & 0xffffffffULL);
}

gsl_rng *cc_rng_create(uint64_t seed, uint64_t replication, uint64_t source)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	if (!r)
		cc_fail(__FILE__, __LINE__, "gsl_rng_alloc (out of memory)");
	gsl_rng_set(r, cc_rng_stream_seed(seed, replication, source));
	return r;
}
