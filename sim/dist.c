/* GSL's inline gsl_rng_get and gsl_rng_uniform (documented: define HAVE_INLINE), so that a
 * draw on the hot path costs the generator's own call and nothing more. */
#define HAVE_INLINE 1

#include "dist.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_sf_gamma.h>

#include "alloc.h"
#include "macros.h"

/* The exponential ziggurat's tables: zig_k, zig_w, zig_f, ZIG_R (the method is described in
 * the header, the construction in the generator). */
#include "ziggurat_exp.inc"

static const char *const kind_names[CC_DIST_KIND_COUNT] = {
	"exponential", "deterministic", "uniform", "lognormal",
	"gamma", "erlang", "weibull", "empirical",
};

/* Required parameters first; "weights" is the one optional parameter. */
static const char *const params_exponential[] = { "mean", NULL };
static const char *const params_deterministic[] = { "value", NULL };
static const char *const params_uniform[] = { "min", "max", NULL };
static const char *const params_mean_sd[] = { "mean", "sd", NULL };
static const char *const params_erlang[] = { "mean", "k", NULL };
static const char *const params_weibull[] = { "mean", "shape", NULL };
static const char *const params_empirical[] = { "values", "weights", NULL };

static const char *const *const kind_params[CC_DIST_KIND_COUNT] = {
	params_exponential, params_deterministic, params_uniform, params_mean_sd,
	params_mean_sd, params_erlang, params_weibull, params_empirical,
};

enum cc_status cc_dist_kind_from_name(const char *name, enum cc_dist_kind *kind)
{
	for (int i = 0; i < CC_DIST_KIND_COUNT; i++)
		if (strcmp(name, kind_names[i]) == 0) {
			*kind = (enum cc_dist_kind)i;
			return CC_OK;
		}
	return CC_ERR_SCENARIO;
}

const char *cc_dist_kind_name(enum cc_dist_kind kind)
{
	return kind < CC_DIST_KIND_COUNT ? kind_names[kind] : "?";
}

const char *const *cc_dist_param_names(enum cc_dist_kind kind)
{
	return kind_params[kind];
}

static enum cc_status bad(const char **bad_param, const char *param, char *err, size_t errlen,
                          const char *problem)
{
	*bad_param = param;
	snprintf(err, errlen, "%s", problem);
	return CC_ERR_SCENARIO;
}

static unsigned param_bit(const char *name)
{
	static const char *const names[] = { "mean", "sd", "value", "min", "max",
	                                     "shape", "k", "values", "weights" };
	for (unsigned i = 0; i < CC_ARRAY_SIZE(names); i++)
		if (strcmp(name, names[i]) == 0)
			return 1u << i;
	return 0;
}

void cc_dist_init_constant(struct cc_dist *d, double value)
{
	memset(d, 0, sizeof *d);
	d->kind = CC_DIST_DETERMINISTIC;
	d->a = d->mean = value;
}

enum cc_status cc_dist_init(struct cc_dist *d, enum cc_dist_kind kind,
                            const struct cc_dist_params *p, const char **bad_param, char *err,
                            size_t errlen)
{
	memset(d, 0, sizeof *d);
	d->kind = kind;
	const char *const *names = kind_params[kind];
	for (size_t i = 0; names[i]; i++)
		if (!(p->has & param_bit(names[i])) && strcmp(names[i], "weights") != 0)
			return bad(bad_param, names[i], err, errlen, "missing (required by this distribution)");

	switch (kind) {
	case CC_DIST_EXPONENTIAL:
		if (!(p->mean > 0) || !isfinite(p->mean))
			return bad(bad_param, "mean", err, errlen, "must be positive");
		d->mean = d->a = p->mean;
		break;
	case CC_DIST_DETERMINISTIC:
		if (!(p->value >= 0) || !isfinite(p->value))
			return bad(bad_param, "value", err, errlen, "must not be negative");
		d->mean = d->a = p->value;
		break;
	case CC_DIST_UNIFORM:
		if (!(p->min >= 0) || !isfinite(p->min))
			return bad(bad_param, "min", err, errlen, "must not be negative");
		if (!(p->max >= p->min) || !isfinite(p->max))
			return bad(bad_param, "max", err, errlen, "must be at least min");
		d->a = p->min;
		d->b = p->max;
		d->mean = (p->min + p->max) / 2;
		break;
	case CC_DIST_LOGNORMAL:
	case CC_DIST_GAMMA:
		if (!(p->mean > 0) || !isfinite(p->mean))
			return bad(bad_param, "mean", err, errlen, "must be positive");
		if (!(p->sd > 0) || !isfinite(p->sd))
			return bad(bad_param, "sd", err, errlen, "must be positive");
		d->mean = p->mean;
		if (kind == CC_DIST_LOGNORMAL) {
			/* Moment matching: sigma² = ln(1 + cv²), mu = ln(mean) - sigma²/2. */
			double s2 = log1p((p->sd * p->sd) / (p->mean * p->mean));
			d->a = log(p->mean) - s2 / 2;
			d->b = sqrt(s2);
		} else {
			/* shape = mean²/sd², scale = sd²/mean. */
			d->a = (p->mean * p->mean) / (p->sd * p->sd);
			d->b = (p->sd * p->sd) / p->mean;
		}
		break;
	case CC_DIST_ERLANG:
		if (!(p->mean > 0) || !isfinite(p->mean))
			return bad(bad_param, "mean", err, errlen, "must be positive");
		if (!(p->k >= 1) || p->k != floor(p->k) || p->k > 1e6)
			return bad(bad_param, "k", err, errlen, "must be a whole number from 1 to 1000000");
		d->k = (unsigned)p->k;
		d->mean = p->mean;
		d->a = p->mean / p->k; /* mean of each phase */
		break;
	case CC_DIST_WEIBULL:
		if (!(p->mean > 0) || !isfinite(p->mean))
			return bad(bad_param, "mean", err, errlen, "must be positive");
		if (!(p->shape > 0) || !isfinite(p->shape) || p->shape < 0.02)
			return bad(bad_param, "shape", err, errlen, "must be at least 0.02");
		/* mean = scale * Γ(1 + 1/shape). */
		d->mean = p->mean;
		d->b = p->shape;
		d->a = p->mean / gsl_sf_gamma(1 + 1 / p->shape);
		break;
	case CC_DIST_EMPIRICAL: {
		if (p->n_values == 0)
			return bad(bad_param, "values", err, errlen, "must list at least one value");
		if ((p->has & CC_DIST_HAS_WEIGHTS) && p->n_weights != p->n_values)
			return bad(bad_param, "weights", err, errlen, "must have one weight per value");
		double wsum = 0, msum = 0;
		for (size_t i = 0; i < p->n_values; i++) {
			double w = (p->has & CC_DIST_HAS_WEIGHTS) ? p->weights[i] : 1;
			if (!(p->values[i] >= 0) || !isfinite(p->values[i]))
				return bad(bad_param, "values", err, errlen, "must not be negative");
			if (!(w > 0) || !isfinite(w))
				return bad(bad_param, "weights", err, errlen, "must be positive");
			wsum += w;
			msum += w * p->values[i];
		}
		d->n_values = p->n_values;
		d->values = cc_calloc(p->n_values, sizeof *d->values);
		memcpy(d->values, p->values, p->n_values * sizeof *d->values);
		double *w = cc_calloc(p->n_values, sizeof *w);
		for (size_t i = 0; i < p->n_values; i++)
			w[i] = (p->has & CC_DIST_HAS_WEIGHTS) ? p->weights[i] : 1;
		d->table = gsl_ran_discrete_preproc(p->n_values, w);
		cc_free(w);
		if (!d->table)
			cc_fail(__FILE__, __LINE__, "gsl_ran_discrete_preproc (out of memory)");
		d->mean = msum / wsum;
		break;
	}
	case CC_DIST_KIND_COUNT:
		CC_ASSERT(0);
	}
	return CC_OK;
}

void cc_dist_fini(struct cc_dist *d)
{
	if (!d)
		return;
	if (d->table)
		gsl_ran_discrete_free(d->table);
	cc_free(d->values);
	d->table = NULL;
	d->values = NULL;
}

/*
 * The ziggurat's rare cases (about 2.2 % of draws): piece I was chosen and U fell outside its
 * inner rectangle. In the base that is the tail, exponential again beyond R (memorylessness);
 * in a layer it is the wedge, kept when a uniform height lands under the curve. A rejected
 * point is drawn again from scratch (a new piece), as the method requires. Kept out of line
 * so that the common case stays a leaf with nothing to save; the generator's range is
 * checked here, where it costs nothing yet any misuse soon passes.
 */
__attribute__((noinline)) static double exp_slow(gsl_rng *r, unsigned i, uint32_t u)
{
	CC_ASSERT(r->type->min == 0 && r->type->max == 0xffffffffUL);
	for (;;) {
		double x = u * zig_w[i];
		if (i == 0)
			return x < ZIG_R ? x : ZIG_R - log(gsl_rng_uniform_pos(r));
		if (zig_f[i] + gsl_rng_uniform(r) * (zig_f[i - 1] - zig_f[i]) < exp(-x))
			return x;
		uint32_t b = (uint32_t)gsl_rng_get(r);
		i = b & 0xff;
		u = b >> 8;
		if (u < zig_k[i])
			return u * zig_w[i];
	}
}

double cc_dist_sample_exp(gsl_rng *r)
{
	uint32_t b = (uint32_t)gsl_rng_get(r);
	unsigned i = b & 0xff; /* the piece, from the low 8 bits */
	uint32_t u = b >> 8;   /* the position in it, from the other 24 */
	if (u < zig_k[i])
		return u * zig_w[i];
	return exp_slow(r, i, u);
}

double cc_dist_sample_any(const struct cc_dist *d, gsl_rng *r)
{
	switch (d->kind) {
	case CC_DIST_EXPONENTIAL:
		return d->a * cc_dist_sample_exp(r);
	case CC_DIST_DETERMINISTIC:
		return d->a;
	case CC_DIST_UNIFORM:
		return d->a + (d->b - d->a) * gsl_rng_uniform(r);
	case CC_DIST_LOGNORMAL: /* GSL's ziggurat normal: faster than its default (polar) one */
		return exp(d->a + d->b * gsl_ran_gaussian_ziggurat(r, 1.0));
	case CC_DIST_GAMMA:
		return gsl_ran_gamma(r, d->a, d->b);
	case CC_DIST_ERLANG:
		return gsl_ran_erlang(r, d->a, (double)d->k);
	case CC_DIST_WEIBULL:
		return gsl_ran_weibull(r, d->a, d->b);
	case CC_DIST_EMPIRICAL:
		return d->values[gsl_ran_discrete(r, d->table)];
	case CC_DIST_KIND_COUNT:
		break;
	}
	CC_ASSERT(0);
	return 0;
}

double cc_dist_sd(const struct cc_dist *d)
{
	switch (d->kind) {
	case CC_DIST_EXPONENTIAL:
		return d->a;
	case CC_DIST_DETERMINISTIC:
		return 0;
	case CC_DIST_UNIFORM:
		return (d->b - d->a) / sqrt(12.0);
	case CC_DIST_LOGNORMAL:
		return d->mean * sqrt(expm1(d->b * d->b));
	case CC_DIST_GAMMA:
		return sqrt(d->a) * d->b;
	case CC_DIST_ERLANG:
		return sqrt((double)d->k) * d->a;
	case CC_DIST_WEIBULL: {
		double g1 = gsl_sf_gamma(1 + 1 / d->b), g2 = gsl_sf_gamma(1 + 2 / d->b);
		return d->a * sqrt(g2 - g1 * g1);
	}
	case CC_DIST_EMPIRICAL: {
		/* Recover probabilities from the table's sampler-independent definition. */
		double m2 = 0, tot = 0;
		for (size_t i = 0; i < d->n_values; i++) {
			double pr = gsl_ran_discrete_pdf(i, d->table);
			m2 += pr * d->values[i] * d->values[i];
			tot += pr;
		}
		return sqrt(fmax(0, m2 / tot - d->mean * d->mean));
	}
	case CC_DIST_KIND_COUNT:
		break;
	}
	CC_ASSERT(0);
	return 0;
}
