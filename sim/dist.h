#ifndef CC_DIST_H
#define CC_DIST_H

#include <stddef.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "status.h"

/*
 * Distributions of non-negative quantities (durations, mostly), named and parameterised the
 * way a planner knows them: by mean and standard deviation rather than by mu and sigma.
 *
 *   name           parameters                 meaning
 *   exponential    mean                       memoryless, mean > 0
 *   deterministic  value                      always VALUE >= 0
 *   uniform        min, max                   0 <= min <= max
 *   lognormal      mean, sd                   mean > 0, sd > 0
 *   gamma          mean, sd                   mean > 0, sd > 0
 *   erlang         mean, k                    sum of k exponentials; k a whole number >= 1
 *   weibull        mean, shape                shape > 0 (1 is exponential); scale from mean
 *   empirical      values [, weights]         one of VALUES (>= 0) with probability
 *                                             proportional to WEIGHTS (> 0; equal if absent)
 *
 * A struct cc_dist is built once, when the scenario loads (cc_dist_init validates every
 * parameter), then sampled on the hot path with no allocation. It owns its empirical table.
 */

enum cc_dist_kind {
	CC_DIST_EXPONENTIAL,
	CC_DIST_DETERMINISTIC,
	CC_DIST_UNIFORM,
	CC_DIST_LOGNORMAL,
	CC_DIST_GAMMA,
	CC_DIST_ERLANG,
	CC_DIST_WEIBULL,
	CC_DIST_EMPIRICAL,
	CC_DIST_KIND_COUNT
};

/* Which parameters a caller supplies: a bit per field of struct cc_dist_params. */
enum {
	CC_DIST_HAS_MEAN = 1 << 0,
	CC_DIST_HAS_SD = 1 << 1,
	CC_DIST_HAS_VALUE = 1 << 2,
	CC_DIST_HAS_MIN = 1 << 3,
	CC_DIST_HAS_MAX = 1 << 4,
	CC_DIST_HAS_SHAPE = 1 << 5,
	CC_DIST_HAS_K = 1 << 6,
	CC_DIST_HAS_VALUES = 1 << 7,
	CC_DIST_HAS_WEIGHTS = 1 << 8
};

struct cc_dist_params {
	unsigned has; /* CC_DIST_HAS_* bits */
	double mean, sd, value, min, max, shape;
	double k;
	const double *values;
	const double *weights;
	size_t n_values, n_weights;
};

struct cc_dist {
	enum cc_dist_kind kind;
	double mean; /* the distribution's mean, whatever the parameters */
	double a, b; /* derived parameters of the sampler */
	unsigned k;
	double *values;
	size_t n_values;
	gsl_ran_discrete_t *table;
};

/* The kind named NAME; CC_ERR_SCENARIO when there is none. */
enum cc_status cc_dist_kind_from_name(const char *name, enum cc_dist_kind *kind);
const char *cc_dist_kind_name(enum cc_dist_kind kind);

/* The parameter names KIND accepts and requires, NULL-terminated. */
const char *const *cc_dist_param_names(enum cc_dist_kind kind);

/*
 * Builds D from KIND and P. On a bad or missing parameter returns CC_ERR_SCENARIO, sets
 * *BAD_PARAM to the parameter's name and writes the problem ("must be positive") to ERR;
 * D is then left empty (cc_dist_fini is still safe).
 */
enum cc_status cc_dist_init(struct cc_dist *d, enum cc_dist_kind kind,
                            const struct cc_dist_params *p, const char **bad_param, char *err,
                            size_t errlen);

/* A deterministic distribution at VALUE (>= 0). */
void cc_dist_init_constant(struct cc_dist *d, double value);

void cc_dist_fini(struct cc_dist *d);

/*
 * One draw of the exponential distribution of mean 1; the exponential kind scales it by its
 * mean. R must give 32 random bits per gsl_rng_get (range 0 to 2^32 - 1, as the generators
 * of cc_rng_create do).
 *
 * The method is Marsaglia and Tsang's ziggurat ("The Ziggurat Method for Generating Random
 * Variables", 2000) with 256 pieces, rather than inversion (-log(1 - u)), whose logarithm
 * was the costliest part of a simulation. The area under exp(-x) is cut into 256 pieces of
 * equal area: 255 horizontal layers, and a base that is a rectangle plus the tail beyond
 * R = 7.697. One 32-bit draw chooses a piece (its low 8 bits) and a point across it (its
 * high 24 bits); in about 97.8 % of draws the point lies in the piece's inner rectangle,
 * wholly under the curve, and is the variate: one draw, one comparison, one product. The
 * rest go to the exact tests of the method: under the curve in a layer's wedge (a second
 * uniform), or in the tail (R plus another exponential). Values are multiples of 2^-24 of
 * their piece's width (at most 5.2e-7 for mean 1), none negative, and the distribution is
 * exact up to that resolution.
 */
double cc_dist_sample_exp(gsl_rng *r);

/* One draw of any kind; cc_dist_sample is the same, with its commonest kinds inline. */
double cc_dist_sample_any(const struct cc_dist *d, gsl_rng *r);

/* One draw. Consumes the stream only for random kinds: a deterministic one draws nothing. */
static inline double cc_dist_sample(const struct cc_dist *d, gsl_rng *r)
{
	if (d->kind == CC_DIST_EXPONENTIAL)
		return d->a * cc_dist_sample_exp(r);
	if (d->kind == CC_DIST_DETERMINISTIC)
		return d->a;
	return cc_dist_sample_any(d, r);
}


/* Standard deviation of the distribution. */
double cc_dist_sd(const struct cc_dist *d);

#endif
