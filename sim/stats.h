#ifndef CC_STATS_H
#define CC_STATS_H

#include <stddef.h>

/*
 * Statistics: summaries across replications and the time grid that per-interval figures
 * live on.
 */

/* Mean and confidence half-width of a sample; NaN values are left out. */
struct cc_summary {
	double mean;      /* NaN when no value */
	double half_width;/* Student-t half-width at the requested level; NaN when n < 2 */
	double sd;        /* sample standard deviation; NaN when n < 2 */
	size_t n;         /* values used */
};

/*
 * Summarises N values X[0], X[STRIDE], ... at confidence LEVEL (0.95 for a 95 % interval):
 * half_width = t_{(1+LEVEL)/2, n-1} * sd / sqrt(n).
 */
struct cc_summary cc_stats_summarize(const double *x, size_t n, size_t stride, double level);

/*
 * A running summary of one quantity across replications, value by value: Welford's update,
 * the very arithmetic of cc_stats_summarize, so that adding values one at a time in the same
 * order gives the same summary bit for bit. NaN values are left out.
 */
struct cc_running {
	double mean;
	double m2;   /* sum of squared deviations from the mean */
	double n;    /* values added (a double, so that the struct is three doubles) */
};

static inline void cc_running_add(struct cc_running *r, double v)
{
	if (v != v) /* NaN */
		return;
	r->n += 1;
	double d = v - r->mean;
	r->mean += d / r->n;
	r->m2 += d * (v - r->mean);
}

/* The summary of R at confidence LEVEL, as cc_stats_summarize gives it. */
struct cc_summary cc_running_summary(const struct cc_running *r, double level);

/* Student's t quantile for a two-sided interval at LEVEL with DF degrees of freedom:
 * t_{(1+LEVEL)/2, DF}. */
double cc_stats_t(double level, size_t df);

/*
 * The reporting grid. Intervals are aligned to the start of the run: interval j covers
 * [j*width, (j+1)*width). Reported intervals are those that overlap [warmup, horizon); the
 * first and last may be cut short by the warm-up and the horizon. Index 0 is the first
 * reported interval.
 */
struct cc_grid {
	double width_s;
	double warmup_s;
	double horizon_s;
	size_t first;  /* index (from time 0) of the first reported interval */
	size_t count;  /* number of reported intervals */
};

void cc_grid_init(struct cc_grid *g, double width_s, double warmup_s, double horizon_s);

/*
 * The interval (from time 0) whose [k * width, (k + 1) * width) holds T >= 0, by the
 * boundaries as products, which is how interval starts and ends are computed everywhere: a
 * quotient T / width can round across a boundary (with width 100.1 s, 300.29999999999995 s
 * is 3 x 100.1, but its quotient is 2.9999999999999996).
 */
static inline size_t cc_grid_bin(double width_s, double t)
{
	size_t k = (size_t)(t / width_s);
	if ((double)(k + 1) * width_s <= t)
		k++;
	else if (k > 0 && (double)k * width_s > t)
		k--;
	return k;
}

/* The reported interval containing T, or -1 when T is before the warm-up ends or at/after the horizon. */
static inline long cc_grid_index(const struct cc_grid *g, double t)
{
	if (t < g->warmup_s || t >= g->horizon_s)
		return -1;
	/* With a fractional width, t just below the horizon can round into the next interval. */
	long i = (long)cc_grid_bin(g->width_s, t) - (long)g->first;
	return i < (long)g->count ? i : (long)g->count - 1;
}

/* Start and end (seconds from the run's start) of reported interval I, cut to [warmup, horizon). */
double cc_grid_start(const struct cc_grid *g, size_t i);
double cc_grid_end(const struct cc_grid *g, size_t i);

/*
 * Adds RATE * (time of [T0, T1) that falls in each reported interval) to BINS[i * STRIDE]:
 * time before the warm-up or after the horizon is dropped. With RATE 1 this accounts a
 * duration; with a level (agents busy, contacts queued) it accounts a time integral.
 */
void cc_grid_spread(const struct cc_grid *g, double *bins, size_t stride, double t0, double t1,
                    double rate);

/* The same duration [T0, T1) into two sets of bins at once (A and B, each with its stride):
 * one pass over the intervals, the same sums as two cc_grid_spread calls with rate 1. */
void cc_grid_spread2(const struct cc_grid *g, double *a, size_t stride_a, double *b,
                     size_t stride_b, double t0, double t1);

#endif
