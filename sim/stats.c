#include "stats.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

#include "status.h"

struct cc_summary cc_stats_summarize(const double *x, size_t n, size_t stride, double level)
{
	struct cc_summary s = { NAN, NAN, NAN, 0 };
	/* Welford's update: one pass, no cancellation for large means. */
	double mean = 0, m2 = 0;
	for (size_t i = 0; i < n; i++) {
		double v = x[i * stride];
		if (isnan(v))
			continue;
		s.n++;
		double d = v - mean;
		mean += d / (double)s.n;
		m2 += d * (v - mean);
	}
	if (s.n == 0)
		return s;
	s.mean = mean;
	if (s.n < 2)
		return s;
	s.sd = sqrt(m2 / (double)(s.n - 1));
	s.half_width = cc_stats_t(level, s.n - 1) * s.sd / sqrt((double)s.n);
	return s;
}

double cc_stats_t(double level, size_t df)
{
	return gsl_cdf_tdist_Pinv((1 + level) / 2, (double)df);
}

struct cc_summary cc_running_summary(const struct cc_running *r, double level)
{
	struct cc_summary s = { NAN, NAN, NAN, (size_t)r->n };
	if (s.n == 0)
		return s;
	s.mean = r->mean;
	if (s.n < 2)
		return s;
	s.sd = sqrt(r->m2 / (double)(s.n - 1));
	s.half_width = cc_stats_t(level, s.n - 1) * s.sd / sqrt((double)s.n);
	return s;
}

void cc_grid_init(struct cc_grid *g, double width_s, double warmup_s, double horizon_s)
{
	CC_ASSERT(width_s > 0 && warmup_s >= 0 && horizon_s > warmup_s);
	g->width_s = width_s;
	g->warmup_s = warmup_s;
	g->horizon_s = horizon_s;
	g->first = cc_grid_bin(width_s, warmup_s);
	/* One past the last interval that overlaps the horizon. */
	size_t last = cc_grid_bin(width_s, horizon_s);
	if ((double)last * width_s < horizon_s)
		last++;
	if (last <= g->first)
		last = g->first + 1;
	g->count = last - g->first;
}

double cc_grid_start(const struct cc_grid *g, size_t i)
{
	return fmax(g->warmup_s, (double)(g->first + i) * g->width_s);
}

double cc_grid_end(const struct cc_grid *g, size_t i)
{
	return fmin(g->horizon_s, (double)(g->first + i + 1) * g->width_s);
}

void cc_grid_spread(const struct cc_grid *g, double *bins, size_t stride, double t0, double t1,
                    double rate)
{
	if (t0 < g->warmup_s)
		t0 = g->warmup_s;
	if (t1 > g->horizon_s)
		t1 = g->horizon_s;
	if (!(t1 > t0) || rate == 0)
		return;
	size_t i = cc_grid_bin(g->width_s, t0) - g->first;
	if (i >= g->count) /* t0 rounded past the last interval's start */
		i = g->count - 1;
	for (;;) {
		double end = (double)(g->first + i + 1) * g->width_s;
		if (t1 <= end || i + 1 >= g->count) {
			bins[i * stride] += rate * (t1 - t0);
			return;
		}
		bins[i * stride] += rate * (end - t0);
		t0 = end;
		i++;
	}
}

void cc_grid_spread2(const struct cc_grid *g, double *a, size_t stride_a, double *b,
                     size_t stride_b, double t0, double t1)
{
	if (t0 < g->warmup_s)
		t0 = g->warmup_s;
	if (t1 > g->horizon_s)
		t1 = g->horizon_s;
	if (!(t1 > t0))
		return;
	size_t i = cc_grid_bin(g->width_s, t0) - g->first;
	if (i >= g->count)
		i = g->count - 1;
	for (;;) {
		double end = (double)(g->first + i + 1) * g->width_s;
		if (t1 <= end || i + 1 >= g->count) {
			a[i * stride_a] += t1 - t0;
			b[i * stride_b] += t1 - t0;
			return;
		}
		a[i * stride_a] += end - t0;
		b[i * stride_b] += end - t0;
		t0 = end;
		i++;
	}
}
