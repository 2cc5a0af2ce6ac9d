#include "models/output/compare.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "sim/alloc.h"
#include "sim/duration.h"

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
	/* The left side: [OWNER.]FIGURE, trimmed; the figure is after the last dot (figure names
	 * have none, entity names may). */
	const char *l = text, *r = op;
	while (l < r && isspace((unsigned char)*l))
		l++;
	while (r > l && isspace((unsigned char)r[-1]))
		r--;
	if (l == r)
		return fail_parse(err, errlen, text, "which figure? (write OWNER.FIGURE or FIGURE)");
	const char *dot = NULL;
	for (const char *s = l; s < r; s++)
		if (*s == '.')
			dot = s;
	const char *fig = dot ? dot + 1 : l;
	if ((size_t)(r - fig) >= sizeof g->figure || (dot && (size_t)(dot - l) >= sizeof g->owner))
		return fail_parse(err, errlen, text, "name too long");
	if (fig == r || (dot && dot == l))
		return fail_parse(err, errlen, text, "an empty owner or figure name");
	memcpy(g->figure, fig, (size_t)(r - fig));
	if (dot)
		memcpy(g->owner, l, (size_t)(dot - l));
	/* The margin: [+|-]NUMBER[pt|%] or a duration. */
	const char *m = op + 1;
	while (isspace((unsigned char)*m))
		m++;
	char buf[64];
	size_t len = strlen(m);
	while (len && isspace((unsigned char)m[len - 1]))
		len--;
	if (len == 0)
		return fail_parse(err, errlen, text, "no margin (e.g. -1pt, +5%, 2s, 0.5)");
	if (len >= sizeof buf)
		return fail_parse(err, errlen, text, "margin too long");
	memcpy(buf, m, len);
	buf[len] = 0;
	char *num = buf;
	if (*num == '+' || *num == '-') {
		if ((*num == '-') != g->below)
			return fail_parse(err, errlen, text,
			                  g->below ? "a '<' gate takes a margin below base (-1pt, or 1pt)"
			                           : "a '>' gate takes a margin above base (+5%, or 5%)");
		num++;
	}
	if (!isdigit((unsigned char)*num) && *num != '.')
		return fail_parse(err, errlen, text, "the margin is not a number");
	char *end;
	double v = strtod(num, &end);
	if (strcmp(end, "pt") == 0) {
		g->kind = CC_MARGIN_POINTS;
	} else if (strcmp(end, "%") == 0) {
		g->kind = CC_MARGIN_PERCENT;
	} else if (*end == 0) {
		g->kind = CC_MARGIN_UNITS;
	} else if (cc_duration_parse(num, &v) == CC_OK) {
		g->kind = CC_MARGIN_SECONDS;
	} else {
		return fail_parse(err, errlen, text,
		                  "unknown margin unit (pt: points of a share, %: of the base mean, "
		                  "a duration such as 5s, or none: the figure's units)");
	}
	if (!isfinite(v) || v < 0)
		return fail_parse(err, errlen, text, "the margin is not a finite number");
	g->margin = v;
	return CC_OK;
}

/* Whether gate G covers row R. */
static int covers(const struct cc_gate *g, const struct cc_compare_row *r)
{
	if (strcmp(g->figure, r->figure) != 0)
		return 0;
	if (!g->owner[0])
		return 1;
	if (strcmp(g->owner, "any") == 0)
		return r->owner == CC_FIG_QUEUE;
	return strcmp(g->owner, r->entity) == 0;
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
			if (!covers(g, row))
				continue;
			covered++;
			int seconds = strcmp(row->units, "s") == 0;
			if (g->kind == CC_MARGIN_POINTS && seconds) {
				snprintf(err, errlen, "--fail-if '%s': %s is in seconds, not a share: "
				         "write its margin as a duration (5s) or a percent", g->text, row->figure);
				return CC_ERR_USAGE;
			}
			if (g->kind == CC_MARGIN_SECONDS && !seconds) {
				snprintf(err, errlen, "--fail-if '%s': %s is not in seconds: write its margin "
				         "in points (1pt), a percent or its units", g->text, row->figure);
				return CC_ERR_USAGE;
			}
			double m = g->margin;
			if (g->kind == CC_MARGIN_POINTS)
				m *= 0.01;
			else if (g->kind == CC_MARGIN_PERCENT)
				m *= fabs(row->d.base_mean) / 100;
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
				known = strcmp(c->rows[r].figure, g->figure) == 0;
			if (!known)
				snprintf(err, errlen, "--fail-if '%s': no queue, group or channel figure "
				         "named '%s'", g->text, g->figure);
			else
				snprintf(err, errlen, "--fail-if '%s': no queue, group or channel named '%s' "
				         "has %s", g->text, g->owner, g->figure);
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
