#include "models/center/arrivals.h"

#include <math.h>

#include "sim/dist.h"
#include "sim/status.h"

void cc_arrivals_init(struct cc_arrivals *a, const struct cc_queue_cfg *cfg, gsl_rng *rng,
                      uint64_t replication)
{
	a->cfg = cfg;
	a->rng = rng;
	a->t = 0;
	a->factor = 1;
	a->call = NULL;
	a->next = a->end = 0;
	if (cfg->process == CC_ARRIVALS_TRACE) {
		const struct cc_trace_cfg *tr = &cfg->trace;
		/* The loader and the command refuse more replications than days. */
		size_t day = tr->has_day ? (size_t)replication : 0;
		CC_ASSERT(day < tr->n_days);
		a->next = tr->day_first[day];
		a->end = tr->day_first[day + 1];
	}
}

double cc_arrivals_next(struct cc_arrivals *a)
{
	const struct cc_queue_cfg *c = a->cfg;
	if (c->process == CC_ARRIVALS_TRACE) {
		if (a->next >= a->end) {
			a->call = NULL;
			return a->t = INFINITY;
		}
		a->call = &c->trace.calls[a->next++];
		return a->t = a->call->arrival_s;
	}
	double need = c->process == CC_ARRIVALS_POISSON ? cc_dist_sample_exp(a->rng) : 1.0;
	double t = a->t;
	if (c->n_rates == 1) {
		/* The common case: one rate for the whole run. */
		double rate = c->per_hour[0] * a->factor / 3600.0;
		if (rate <= 0)
			return a->t = INFINITY;
		return a->t = t + need / rate;
	}
	/* The interval index is carried as an integer: recomputing it from t at a boundary could
	 * round down to the interval just left (3 * 0.7 / 0.7 < 3) and never move on. */
	size_t j = (size_t)floor(t / c->rate_width_s);
	for (;;) {
		int last = j >= c->n_rates - 1;
		double rate = c->per_hour[last ? c->n_rates - 1 : j] * a->factor / 3600.0;
		double end = last ? INFINITY : (double)(j + 1) * c->rate_width_s;
		if (rate > 0 && t + need / rate <= end)
			return a->t = t + need / rate;
		if (last)
			return a->t = INFINITY;
		need -= rate * (end - t);
		t = end;
		j++;
	}
}
