#include "testutil.h"

#include "sim/dist.h"
#include "sim/rng.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dist_moments_of_each_kind),
		cmocka_unit_test(test_dist_rejects_bad_parameters),
		cmocka_unit_test(test_dist_deterministic_draws_nothing),
		cmocka_unit_test(test_dist_streams_are_reproducible_and_distinct),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
