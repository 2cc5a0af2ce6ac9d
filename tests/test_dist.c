#include "testutil.h"

#include <gsl/gsl_cdf.h>

#include "sim/dist.h"
#include "sim/rng.h"

/* The sampler's own tables, to check their construction. */
#include "sim/ziggurat_exp.inc"

enum { DRAWS = 200000 };

/* Draws DRAWS values and checks the sample mean and variance against D's, each within five
 * standard errors (the variance's standard error estimated from the sample fourth moment). */
static void check_moments(const struct cc_dist *d, double mean, double sd, uint64_t source)
{
	gsl_rng *r = cc_rng_create(2385, 0, source);
	double *x = malloc(DRAWS * sizeof *x);
	double s = 0;
	for (int i = 0; i < DRAWS; i++) {
		x[i] = cc_dist_sample(d, r);
		assert_true(x[i] >= 0);
		s += x[i];
	}
	double m = s / DRAWS, m2 = 0, m4 = 0;
	for (int i = 0; i < DRAWS; i++) {
		double e = x[i] - m;
		m2 += e * e;
		m4 += e * e * e * e;
	}
	m2 /= DRAWS - 1;
	m4 /= DRAWS;
	assert_near(d->mean, mean, 1e-9 * mean);
	assert_near(cc_dist_sd(d), sd, 1e-9 * (sd + 1));
	assert_near(m, mean, 5 * sd / sqrt(DRAWS) + 1e-9 * mean); /* floor: rounding of the sum */
	assert_near(m2, sd * sd, 5 * sqrt(fmax(m4 - m2 * m2, 0) / DRAWS) + 1e-9 * mean * mean);
	free(x);
	gsl_rng_free(r);
}

static struct cc_dist make(const char *name, struct cc_dist_params p)
{
	enum cc_dist_kind kind;
	assert_int_equal(cc_dist_kind_from_name(name, &kind), CC_OK);
	struct cc_dist d;
	const char *bad = NULL;
	char err[128];
	assert_int_equal(cc_dist_init(&d, kind, &p, &bad, err, sizeof err), CC_OK);
	return d;
}

static void test_dist_moments_of_each_kind(void **state)
{
	(void)state;
	struct cc_dist d;
	d = make("exponential", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN, .mean = 183.7 });
	check_moments(&d, 183.7, 183.7, 1);
	cc_dist_fini(&d);
	d = make("deterministic", (struct cc_dist_params){ .has = CC_DIST_HAS_VALUE, .value = 23.85 });
	check_moments(&d, 23.85, 0, 2);
	cc_dist_fini(&d);
	d = make("uniform", (struct cc_dist_params){ .has = CC_DIST_HAS_MIN | CC_DIST_HAS_MAX, .min = 12.5, .max = 61.3 });
	check_moments(&d, (12.5 + 61.3) / 2, (61.3 - 12.5) / sqrt(12), 3);
	cc_dist_fini(&d);
	d = make("lognormal", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN | CC_DIST_HAS_SD, .mean = 200, .sd = 150 });
	check_moments(&d, 200, 150, 4);
	cc_dist_fini(&d);
	d = make("gamma", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN | CC_DIST_HAS_SD, .mean = 211.4, .sd = 97.3 });
	check_moments(&d, 211.4, 97.3, 5);
	cc_dist_fini(&d);
	d = make("erlang", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN | CC_DIST_HAS_K, .mean = 240.2, .k = 3 });
	check_moments(&d, 240.2, 240.2 / sqrt(3), 6);
	cc_dist_fini(&d);
	d = make("weibull", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN | CC_DIST_HAS_SHAPE, .mean = 95.1, .shape = 1.7 });
	/* sd of Weibull(shape 1.7) = mean * sqrt(Γ(1+2/k)/Γ(1+1/k)² - 1) = mean * 0.605479661812... */
	check_moments(&d, 95.1, 95.1 * 0.6054796618121653, 7);
	cc_dist_fini(&d);
	double values[] = { 30, 60, 240.5 }, weights[] = { 1, 2.5, 0.5 };
	d = make("empirical", (struct cc_dist_params){ .has = CC_DIST_HAS_VALUES | CC_DIST_HAS_WEIGHTS,
	                                                .values = values, .n_values = 3,
	                                                .weights = weights, .n_weights = 3 });
	double mean = (30 * 1 + 60 * 2.5 + 240.5 * 0.5) / 4;
	double m2 = (30 * 30 * 1 + 60 * 60 * 2.5 + 240.5 * 240.5 * 0.5) / 4;
	check_moments(&d, mean, sqrt(m2 - mean * mean), 8);
	cc_dist_fini(&d);
}

static void expect_bad(const char *name, struct cc_dist_params p, const char *param)
{
	enum cc_dist_kind kind;
	assert_int_equal(cc_dist_kind_from_name(name, &kind), CC_OK);
	struct cc_dist d;
	const char *bad = NULL;
	char err[128] = "";
	assert_int_equal(cc_dist_init(&d, kind, &p, &bad, err, sizeof err), CC_ERR_SCENARIO);
	assert_string_equal(bad, param);
	assert_true(strlen(err) > 0);
	cc_dist_fini(&d);
}

static void test_dist_rejects_bad_parameters(void **state)
{
	(void)state;
	expect_bad("exponential", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN, .mean = -3 }, "mean");
	expect_bad("exponential", (struct cc_dist_params){ .has = 0 }, "mean");
	expect_bad("lognormal", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN, .mean = 200 }, "sd");
	expect_bad("gamma", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN | CC_DIST_HAS_SD, .mean = 200, .sd = 0 }, "sd");
	expect_bad("erlang", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN | CC_DIST_HAS_K, .mean = 200, .k = 2.5 }, "k");
	expect_bad("weibull", (struct cc_dist_params){ .has = CC_DIST_HAS_MEAN | CC_DIST_HAS_SHAPE, .mean = 200, .shape = 0 }, "shape");
	expect_bad("uniform", (struct cc_dist_params){ .has = CC_DIST_HAS_MIN | CC_DIST_HAS_MAX, .min = 50, .max = 20 }, "max");
	expect_bad("deterministic", (struct cc_dist_params){ .has = CC_DIST_HAS_VALUE, .value = NAN }, "value");
	double v[] = { 1, 2 }, w[] = { 1 }, wneg[] = { 1, -1 };
	expect_bad("empirical", (struct cc_dist_params){ .has = CC_DIST_HAS_VALUES | CC_DIST_HAS_WEIGHTS, .values = v, .n_values = 2, .weights = w, .n_weights = 1 }, "weights");
	expect_bad("empirical", (struct cc_dist_params){ .has = CC_DIST_HAS_VALUES | CC_DIST_HAS_WEIGHTS, .values = v, .n_values = 2, .weights = wneg, .n_weights = 2 }, "weights");
	expect_bad("empirical", (struct cc_dist_params){ .has = CC_DIST_HAS_VALUES, .values = v, .n_values = 0 }, "values");
	enum cc_dist_kind kind;
	assert_int_equal(cc_dist_kind_from_name("normal", &kind), CC_ERR_SCENARIO);
	assert_string_equal(cc_dist_kind_name(CC_DIST_WEIBULL), "weibull");
}

static void test_dist_deterministic_draws_nothing(void **state)
{
	(void)state;
	/* Common random numbers rely on this: an ACW of 0s consumes no random numbers. */
	gsl_rng *a = cc_rng_create(7, 1, 2), *b = cc_rng_create(7, 1, 2);
	struct cc_dist d;
	cc_dist_init_constant(&d, 0);
	for (int i = 0; i < 10; i++)
		assert_true(cc_dist_sample(&d, a) == 0);
	assert_true(gsl_rng_get(a) == gsl_rng_get(b));
	gsl_rng_free(a);
	gsl_rng_free(b);
}

static void test_dist_streams_are_reproducible_and_distinct(void **state)
{
	(void)state;
	gsl_rng *a = cc_rng_create(20261121, 3, cc_rng_source_id("sales", 1));
	gsl_rng *b = cc_rng_create(20261121, 3, cc_rng_source_id("sales", 1));
	gsl_rng *c = cc_rng_create(20261121, 4, cc_rng_source_id("sales", 1));
	gsl_rng *d = cc_rng_create(20261121, 3, cc_rng_source_id("sales", 2));
	gsl_rng *e = cc_rng_create(20261121, 3, cc_rng_source_id("support", 1));
	unsigned long x = gsl_rng_get(a);
	assert_true(x == gsl_rng_get(b));
	assert_true(x != gsl_rng_get(c));
	assert_true(x != gsl_rng_get(d));
	assert_true(x != gsl_rng_get(e));
	/* Seeds of many streams do not collide. */
	enum { N = 2000 };
	unsigned long *seeds = malloc(N * sizeof *seeds);
	for (int i = 0; i < N; i++)
		seeds[i] = cc_rng_stream_seed(20261121, (uint64_t)i / 10, (uint64_t)i % 10);
	for (int i = 0; i < N; i++)
		for (int j = i + 1; j < N; j++)
			assert_true(seeds[i] != seeds[j]);
	free(seeds);
	gsl_rng_free(a);
	gsl_rng_free(b);
	gsl_rng_free(c);
	gsl_rng_free(d);
	gsl_rng_free(e);
}


/*
 * The exponential ziggurat's tables: every piece has the same area V (the base, R + 1 wide
 * at height f(R), being the rectangle under f(R) and the tail), the layers are stacked edge
 * to edge with x_0 = 0 at the top, and each shortcut threshold lies inside its piece's inner
 * rectangle.
 */
static void test_dist_ziggurat_tables_cut_equal_areas(void **state)
{
	(void)state;
	double x[256];
	for (int i = 0; i < 256; i++)
		x[i] = i == 0 ? 0 : zig_w[i] * 0x1p24;
	assert_true(x[255] == ZIG_R);
	assert_near(zig_w[0] * 0x1p24 * zig_f[255], ZIG_V, 1e-15);
	assert_near((ZIG_R + 1) * exp(-ZIG_R), ZIG_V, 1e-15);
	assert_true(zig_f[0] == 1);
	for (int i = 1; i < 256; i++) {
		assert_near(zig_f[i], exp(-x[i]), 1e-16);
		assert_near(x[i] * (zig_f[i - 1] - zig_f[i]), ZIG_V, 1e-13 * ZIG_V);
		assert_true(x[i] > x[i - 1]);
		/* u < K[i] keeps u * x_i / 2^24 below x_(i-1), and K[i] is the largest such. */
		assert_true((double)zig_k[i] <= x[i - 1] / x[i] * 0x1p24);
		assert_true((double)zig_k[i] + 1 > x[i - 1] / x[i] * 0x1p24);
	}
	assert_true((double)zig_k[0] <= ZIG_R / (ZIG_R + 1) * 0x1p24);
	assert_true((double)zig_k[0] + 1 > ZIG_R / (ZIG_R + 1) * 0x1p24);
}

enum { ZDRAWS = 1000000 };

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/*
 * A million exponential draws of mean 2.385 from each kind of stream, judged at the 0.1 %
 * level: the Kolmogorov-Smirnov distance to the exponential CDF (critical value
 * 1.9495 / sqrt(n)); a chi-square over 200 bins of equal probability (the last one is the
 * tail beyond 5.3 means); the count of draws beyond R means, the part drawn from the
 * ziggurat's tail (expected n exp(-R), about 454, binomial); and mean and variance within
 * 3.29 standard errors (the variance's from the fourth central moment, 9 mean^4).
 */
static void check_exponential(const gsl_rng_type *type, uint64_t source)
{
	const double mean = 2.385, z = 3.2905; /* two-sided 0.1 % */
	gsl_rng *r = gsl_rng_alloc(type);
	gsl_rng_set(r, cc_rng_stream_seed(2385, 0, source));
	struct cc_dist d;
	char err[64];
	const char *bad = NULL;
	struct cc_dist_params p = { .has = CC_DIST_HAS_MEAN, .mean = mean };
	assert_int_equal(cc_dist_init(&d, CC_DIST_EXPONENTIAL, &p, &bad, err, sizeof err), CC_OK);
	double *x = malloc(ZDRAWS * sizeof *x);
	enum { BINS = 200 };
	size_t bins[BINS] = { 0 }, tail = 0;
	double sum = 0;
	for (int i = 0; i < ZDRAWS; i++) {
		x[i] = cc_dist_sample(&d, r);
		assert_true(x[i] >= 0 && isfinite(x[i]));
		sum += x[i];
		double u = -expm1(-x[i] / mean); /* the CDF */
		bins[u * BINS < BINS ? (int)(u * BINS) : BINS - 1]++;
		tail += x[i] >= ZIG_R * mean;
	}
	double m = sum / ZDRAWS, m2 = 0;
	for (int i = 0; i < ZDRAWS; i++)
		m2 += (x[i] - m) * (x[i] - m);
	m2 /= ZDRAWS - 1;
	assert_near(m, mean, z * mean / sqrt(ZDRAWS));
	assert_near(m2, mean * mean, z * sqrt(8.0) * mean * mean / sqrt(ZDRAWS));

	qsort(x, ZDRAWS, sizeof *x, cmp_double);
	double dmax = 0;
	for (int i = 0; i < ZDRAWS; i++) {
		double f = -expm1(-x[i] / mean);
		dmax = fmax(dmax, fmax(fabs(f - (double)i / ZDRAWS), fabs((double)(i + 1) / ZDRAWS - f)));
	}
	print_message("  %s: KS distance %.3g (critical %.3g)\n", type->name, dmax,
	              1.9495 / sqrt(ZDRAWS));
	assert_true(dmax < 1.9495 / sqrt(ZDRAWS));

	double chi2 = 0, e = (double)ZDRAWS / BINS;
	for (int b = 0; b < BINS; b++)
		chi2 += (bins[b] - e) * (bins[b] - e) / e;
	print_message("  %s: chi-square %.1f on %d degrees of freedom (p = %.3g)\n", type->name,
	              chi2, BINS - 1, gsl_cdf_chisq_Q(chi2, BINS - 1));
	assert_true(gsl_cdf_chisq_Q(chi2, BINS - 1) > 0.001);

	double pt = exp(-ZIG_R), et = ZDRAWS * pt;
	print_message("  %s: %zu draws beyond R means, expected %.1f\n", type->name, tail, et);
	assert_near((double)tail, et, z * sqrt(et * (1 - pt)));
	free(x);
	cc_dist_fini(&d);
	gsl_rng_free(r);
}

static void test_dist_exponential_is_exponential(void **state)
{
	(void)state;
	check_exponential(gsl_rng_mt19937, 11);
	check_exponential(gsl_rng_taus2, 12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dist_moments_of_each_kind),
		cmocka_unit_test(test_dist_rejects_bad_parameters),
		cmocka_unit_test(test_dist_deterministic_draws_nothing),
		cmocka_unit_test(test_dist_streams_are_reproducible_and_distinct),
		cmocka_unit_test(test_dist_ziggurat_tables_cut_equal_areas),
		cmocka_unit_test(test_dist_exponential_is_exponential),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
