#include "models/arrivals.h"

#include <math.h>

#include <gsl/gsl_randist.h>

void cc_arrivals_init(struct cc_arrivals *a, const struct cc_queue_cfg *cfg, gsl_rng *rng)
{
	a->cfg = cfg;
	a->rng = rng;
	a->t = 0;
}

double cc_arrivals_next(struct cc_arrivals *a)
{
	const struct cc_queue_cfg *c = a->cfg;
	double need = c->process == CC_ARRIVALS_POISSON ? gsl_ran_exponential(a->rng, 1.0) : 1.0;
	double t = a->t;
	if (c->n_rates == 1) {
		/* The common case: one rate for the whole run. */
		double rate = c->per_hour[0] / 3600.0;
		if (rate <= 0)
			return a->t = INFINITY;
		return a->t = t + need / rate;
	}
	for (;;) {
		double j = floor(t / c->rate_width_s);
		int last = j >= (double)(c->n_rates - 1);
		double rate = c->per_hour[last ? c->n_rates - 1 : (size_t)j] / 3600.0;
		double end = last ? INFINITY : (j + 1) * c->rate_width_s;
		if (rate > 0 && t + need / rate <= end)
			return a->t = t + need / rate;
		if (last)
			return a->t = INFINITY;
		need -= rate * (end - t);
		t = end;
	}
}
