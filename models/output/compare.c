#include "models/output/compare.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "sim/alloc.h"

/* Mean and sample variance of the finite values of X[N] (every I with USE[I] when USE is
 * given); *COUNT receives how many. */
static void moments(const double *x, size_t n, const int *use, size_t *count, double *mean,
                    double *var)
{
	size_t k = 0;
	double m = 0, s = 0;
	for (size_t i = 0; i < n; i++) {
		if (use ? !use[i] : !isfinite(x[i]))
			continue;
		k++;
		double d = x[i] - m; /* Welford: no cancellation when the values are large */
		m += d / (double)k;
		s += d * (x[i] - m);
	}
	*count = k;
	*mean = k ? m : NAN;
	*var = k > 1 ? s / (double)(k - 1) : NAN;
}

/* The half-width of the CONFIDENCE interval of a mean of N values of variance VAR. */
static double half_width(size_t n, double var, double confidence)
{
	if (n < 2)
		return NAN;
	double t = gsl_cdf_tdist_Qinv((1 - confidence) / 2, (double)(n - 1));
	return t * sqrt(var / (double)n);
}

void cc_compare_diff(const double *base, size_t n_base, const double *cand, size_t n_cand,
                     int paired, double confidence, struct cc_diff *out)
{
	CC_ASSERT(!paired || n_base == n_cand);
	CC_ASSERT(confidence > 0 && confidence < 1);
	memset(out, 0, sizeof *out);
	out->paired = paired;
	double vb, vc;
	moments(base, n_base, NULL, &out->n_base, &out->base_mean, &vb);
	moments(cand, n_cand, NULL, &out->n_cand, &out->cand_mean, &vc);
	out->base_hw = half_width(out->n_base, vb, confidence);
	out->cand_hw = half_width(out->n_cand, vc, confidence);
	size_t n;
	double var;
	if (paired) {
		double *d = cc_calloc(n_base ? n_base : 1, sizeof *d);
		int *use = cc_calloc(n_base ? n_base : 1, sizeof *use);
		for (size_t i = 0; i < n_base; i++) {
			use[i] = isfinite(base[i]) && isfinite(cand[i]);
			d[i] = use[i] ? cand[i] - base[i] : 0;
		}
		moments(d, n_base, use, &n, &out->diff, &var);
		out->n_base = out->n_cand = n;
		out->se = n > 1 ? sqrt(var / (double)n) : NAN;
		out->df = n > 1 ? (double)(n - 1) : NAN;
		cc_free(d);
		cc_free(use);
	} else {
		out->diff = out->cand_mean - out->base_mean;
		size_t nb = out->n_base, nc = out->n_cand;
		if (nb > 1 && nc > 1) {
			double ub = vb / (double)nb, uc = vc / (double)nc;
			out->se = sqrt(ub + uc);
			/* Welch-Satterthwaite; with no variance at all the df no longer matter. */
			out->df = ub + uc > 0 ? (ub + uc) * (ub + uc) /
			                            (ub * ub / (double)(nb - 1) + uc * uc / (double)(nc - 1))
			                      : (double)(nb + nc - 2);
		} else {
			out->se = out->df = NAN;
		}
	}
	if (!isfinite(out->se) || !isfinite(out->diff)) {
		out->lo = out->hi = out->p = NAN;
	} else if (out->se == 0) {
		out->lo = out->hi = out->diff;
		out->p = out->diff == 0 ? 1 : 0;
	} else {
		double t = gsl_cdf_tdist_Qinv((1 - confidence) / 2, out->df);
		out->lo = out->diff - t * out->se;
		out->hi = out->diff + t * out->se;
		out->p = fmin(1, 2 * gsl_cdf_tdist_Q(fabs(out->diff) / out->se, out->df));
	}
}

double cc_compare_p_beyond(const struct cc_diff *d, double threshold, int below)
{
	if (!isfinite(d->se) || !isfinite(d->diff) || !isfinite(threshold))
		return NAN;
	if (d->se == 0) /* no variation: whether it passes is certain */
		return (below ? d->diff < threshold : d->diff > threshold) ? 0 : 1;
	double t = (d->diff - threshold) / d->se;
	return below ? gsl_cdf_tdist_P(t, d->df) : gsl_cdf_tdist_Q(t, d->df);
}

struct ranked { double p; size_t i; };

/* Orders p-values ascending, NaN last. */
static int by_p(const void *a, const void *b)
{
	double x = ((const struct ranked *)a)->p, y = ((const struct ranked *)b)->p;
	if (isnan(x) || isnan(y))
		return isnan(x) - isnan(y);
	return (x > y) - (x < y);
}

void cc_compare_holm(const double *p, size_t n, double alpha, int *reject)
{
	struct ranked *order = cc_calloc(n ? n : 1, sizeof *order);
	for (size_t i = 0; i < n; i++) {
		order[i] = (struct ranked){ p[i], i };
		reject[i] = 0;
	}
	qsort(order, n, sizeof *order, by_p);
	for (size_t k = 0; k < n; k++) {
		if (!(order[k].p <= alpha / (double)(n - k)))
			break; /* step-down: the first acceptance accepts the rest */
		reject[order[k].i] = 1;
	}
	cc_free(order);
}

static int fail_parse(char *err, size_t errlen, const char *text, const char *what)
{
	snprintf(err, errlen, "--fail-if '%s': %s", text, what);
	return CC_ERR_USAGE;
}

enum cc_status cc_gate_parse(const char *text, struct cc_gate *g, char *err, size_t errlen)
{
	memset(g, 0, sizeof *g);
	g->text = text;
	const char *op = strpbrk(text, "<>");
	if (!op)
		return fail_parse(err, errlen, text, "no operator: write OWNER.FIGURE < MARGIN or > MARGIN");
	if (strpbrk(op + 1, "<>=") || op[1] == '=')
		return fail_parse(err, errlen, text, "one operator, '<' or '>'");
	g->below = *op == '<';
	const char *why;
	if (cc_figure_ref_parse(text, op, &g->ref, &why))
		return fail_parse(err, errlen, text, why);
	/* The margin: [+|-]AMOUNT, a sign agreeing with the operator. */
	const char *m = op + 1;
	while (isspace((unsigned char)*m))
		m++;
	if (!*m)
		return fail_parse(err, errlen, text, "no margin (e.g. -1pt, +5%, 2s, 0.5)");
	if (*m == '+' || *m == '-') {
		if ((*m == '-') != g->below)
			return fail_parse(err, errlen, text,
			                  g->below ? "a '<' gate takes a margin below base (-1pt, or 1pt)"
			                           : "a '>' gate takes a margin above base (+5%, or 5%)");
		m++;
	}
	char reason[256];
	if (cc_amount_parse(m, "margin", &g->margin, reason, sizeof reason))
		return fail_parse(err, errlen, text, reason);
	return CC_OK;
}

enum cc_status cc_compare_gates(struct cc_comparison *c, const struct cc_gate *gates, size_t n,
                                double alpha, char *err, size_t errlen)
{
	CC_ASSERT(alpha > 0 && alpha < 1);
	c->gates = gates;
	c->n_gates = n;
	c->alpha = alpha;
	cc_free(c->tests);
	c->tests = NULL;
	c->n_tests = 0;
	c->failed = 0;
	for (size_t r = 0; r < c->n_rows; r++)
		c->rows[r].gate_failed = 0;
	/* Every (gate, covered row) is one test. */
	size_t cap = 0;
	for (size_t i = 0; i < n; i++) {
		const struct cc_gate *g = &gates[i];
		size_t covered = 0;
		for (size_t r = 0; r < c->n_rows; r++) {
			const struct cc_compare_row *row = &c->rows[r];
			if (!cc_figure_ref_covers(&g->ref, row->owner, row->entity, row->figure))
				continue;
			covered++;
			char why[256];
			double m = cc_amount_in_units(&g->margin, "margin", row->figure, row->units,
			                              row->d.base_mean, why, sizeof why);
			if (isnan(m)) {
				snprintf(err, errlen, "--fail-if '%s': %s", g->text, why);
				return CC_ERR_USAGE;
			}
			if (c->n_tests == cap) {
				cap = cap ? 2 * cap : 16;
				c->tests = cc_realloc(c->tests, cap, sizeof *c->tests);
			}
			c->tests[c->n_tests++] = (struct cc_gate_test){
				.gate = i, .row = r, .threshold = g->below ? -m : m,
				.p = cc_compare_p_beyond(&row->d, g->below ? -m : m, g->below),
			};
		}
		if (!covered) {
			int known = 0;
			for (size_t r = 0; r < c->n_rows && !known; r++)
				known = strcmp(c->rows[r].figure, g->ref.figure) == 0;
			if (!known)
				snprintf(err, errlen, "--fail-if '%s': no queue, group or channel figure "
				         "named '%s'", g->text, g->ref.figure);
			else
				snprintf(err, errlen, "--fail-if '%s': no queue, group or channel named '%s' "
				         "has %s", g->text, g->ref.owner, g->ref.figure);
			return CC_ERR_USAGE;
		}
	}
	double *p = cc_calloc(c->n_tests ? c->n_tests : 1, sizeof *p);
	int *reject = cc_calloc(c->n_tests ? c->n_tests : 1, sizeof *reject);
	for (size_t t = 0; t < c->n_tests; t++)
		p[t] = c->tests[t].p;
	cc_compare_holm(p, c->n_tests, alpha, reject);
	for (size_t t = 0; t < c->n_tests; t++) {
		c->tests[t].failed = reject[t];
		c->rows[c->tests[t].row].gate_failed |= reject[t];
		c->failed |= reject[t];
	}
	cc_free(p);
	cc_free(reject);
	return CC_OK;
}
