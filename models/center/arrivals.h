#ifndef CC_ARRIVALS_H
#define CC_ARRIVALS_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "models/scenario/scenario.h"

/*
 * The arrival process of one queue. Rates are piecewise constant on the scenario's
 * interval grid from time 0 (held at the last value after the list ends). Poisson arrivals
 * are generated exactly, by inverting the cumulative intensity: the next arrival after t is
 * the time s where the integral of the rate from t to s reaches an Exp(1) draw, walking
 * across rate changes as needed, so there is no per-interval approximation and no thinning.
 * Deterministic arrivals use the same walk with a unit step instead of the Exp(1) draw:
 * evenly spaced at the current rate. A trace replays its calls of the replication's day, in
 * order, and draws nothing.
 */

struct cc_arrivals {
	const struct cc_queue_cfg *cfg;
	gsl_rng *rng;
	double t; /* time of the last arrival (0 at the start) */
	const struct cc_trace_call *call; /* a trace: the call of the last arrival, or NULL */
	size_t next, end;                 /* ...the index of the next, and the end of the day's */
	double factor; /* on every rate: the replication's busyness (1 from cc_arrivals_init) */
};

/* A trace replays its day REPLICATION (day 0 without a day column). */
void cc_arrivals_init(struct cc_arrivals *a, const struct cc_queue_cfg *cfg, gsl_rng *rng,
                      uint64_t replication);

/* The next arrival time, or INFINITY when the rate stays zero for ever (or a trace's day has
 * no call left). */
double cc_arrivals_next(struct cc_arrivals *a);

/* The trace's call arriving at the time cc_arrivals_next last returned; NULL when the queue
 * replays no trace. */
static inline const struct cc_trace_call *cc_arrivals_call(const struct cc_arrivals *a)
{
	return a->cfg->process == CC_ARRIVALS_TRACE ? a->call : NULL;
}

#endif
