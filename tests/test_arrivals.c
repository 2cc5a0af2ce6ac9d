/*
 * A queue's arrival process (models/center/arrivals.c): deterministic arrivals walk a
 * piecewise-constant rate profile exactly, and across rate steps that are not whole seconds
 * without stalling at a boundary. A busyness factor multiplies the rates: drawn once per
 * replication from a stream of its own, it scales deterministic arrivals exactly, leaves every
 * figure as it was at sd 0, and makes the day's volume mixed Poisson.
 */
#include "testutil.h"

#include "models/center/center.h"
#include "models/run/run.h"

static void test_arrivals_piecewise_rates_exactly(void **state)
{
	(void)state;
	/* Deterministic arrivals walk the rate profile exactly: 6/h then 12/h then 0 for ever. */
	const char *text =
		"name = \"pw\"; horizon = \"4h\"; interval = \"1h\"; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"deterministic\"; per_hour = [ 6.0, 12.0, 0.0 ]; };\n"
		"             handle = { dist = \"deterministic\"; value = 1; }; } );\n"
		"agents = ( { name = \"g\"; count = 1; skills = [ \"q\" ]; } );\n";
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	const struct cc_figure *off = cc_figure_find(CC_FIG_QUEUE, "offered");
	/* Arrivals at 600, 1200, ..., 3000 (5 before 3600: the 6th unit of intensity is reached
	 * at 3600, which begins the second hour), then every 300 s: 3600..6900 (12), then none. */
	assert_near(cc_run_value(&run, off, 0, 0, 0), 5, 0);
	assert_near(cc_run_value(&run, off, 0, 1, 0), 12, 0);
	assert_near(cc_run_value(&run, off, 0, 2, 0), 1, 0);
	assert_near(cc_run_value(&run, off, 0, 3, 0), 0, 0);
	tu_done(&scn, &run, NULL);
}

/* A fractional rate step: the walk across rate changes must not stall at a boundary
 * (3 * 0.7 / 0.7 rounds below 3). Deterministic arrivals at 1 per second for 3.5 s of
 * steps, then zero: exactly the arrivals at 1, 2 and 3 s. */
static void test_arrivals_fractional_rate_step(void **state)
{
	(void)state;
	const char *text =
		"name = \"frac\"; horizon = 60; interval = 0.7; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"deterministic\";\n"
		"             per_hour = [ 3600.0, 3600.0, 3600.0, 3600.0, 3600.0, 0.0 ]; };\n"
		"             handle = { dist = \"deterministic\"; value = 0.1; }; } );\n"
		"agents = ( { name = \"g\"; count = 1; skills = [ \"q\" ]; } );\n";
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	assert_int_equal(run.counts[0].arrived, 3);
	tu_done(&scn, &run, NULL);
}

/* Runs TEXT with SET (NULL: none) and compares every figure of every replication and
 * interval, and every count, with BASE's, bit for bit. */
static void expect_same_run(const char *text, const char *set, const struct cc_run *base)
{
	struct cc_scenario scn;
	struct cc_run run;
	const char *sets[] = { set };
	tu_run_text(text, sets, set ? 1 : 0, &scn, &run, NULL);
	size_t reps = base->replications, cells = base->layout.cells;
	assert_int_equal(run.replications, reps);
	assert_int_equal(run.layout.cells, cells);
	assert_memory_equal(run.totals, base->totals, reps * cells * sizeof *run.totals);
	assert_memory_equal(run.rep_intervals, base->rep_intervals,
	                    reps * run.grid.count * cells * sizeof *run.rep_intervals);
	assert_memory_equal(run.counts, base->counts, reps * sizeof *run.counts);
	tu_done(&scn, &run, NULL);
}

/* busyness with sd 0 and mean 1, at the top or the queue's own: the same figures, bit for
 * bit, as without it (the factor is 1 exactly and nothing is drawn). */
static void test_arrivals_busyness_sd0_is_unchanged(void **state)
{
	(void)state;
	char *text = tu_erlang_scenario(412.5, 171.25, 21, 233.5,
	                                "horizon = \"6h\"; warmup = \"30m\"; replications = 6;");
	struct cc_scenario scn;
	struct cc_run base;
	tu_run_text(text, NULL, 0, &scn, &base, NULL);
	assert_true(base.counts[0].abandoned > 0); /* every path: waits and abandons */
	expect_same_run(text, "busyness={ dist = \"gamma\"; mean = 1.0; sd = 0.0; }", &base);
	expect_same_run(text, "queues.q.arrivals.busyness={ dist = \"lognormal\"; sd = 0.0; }", &base);
	tu_done(&scn, &base, NULL);
	free(text);
}

/* Deterministic arrivals at 360/h over an hour, scaled by each replication's factor F: about
 * 360 F of them (one every 10/F s, those before the horizon), so the factor drawn is the one
 * applied. The queue's own factor comes from another stream than the scenario's. */
static void test_arrivals_busyness_scales_rates(void **state)
{
	(void)state;
	const char *text =
		"name = \"busy\"; horizon = \"1h\"; interval = \"15m\"; replications = 24; seed = 97531;\n"
		"busyness = { dist = \"gamma\"; mean = 1.0625; sd = 0.3125; };\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"deterministic\"; per_hour = 360.0; };\n"
		"             handle = { dist = \"deterministic\"; value = 0.5; }; } );\n"
		"agents = ( { name = \"g\"; count = 2; skills = [ \"q\" ]; } );\n";
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	double lo = INFINITY, hi = 0;
	for (size_t rep = 0; rep < run.replications; rep++) {
		double f = cc_center_busyness(&scn, 0, rep);
		lo = fmin(lo, f);
		hi = fmax(hi, f);
		double want = 360 * f, got = (double)run.counts[rep].arrived;
		if (!(fabs(got - want) < 1))
			fail_msg("replication %zu: factor %.6f, %g arrivals, wanted about %.3f", rep, f, got,
			         want);
	}
	assert_true(hi > lo + 0.2); /* the factors do vary */
	double own = cc_center_busyness(&scn, 0, 3);
	tu_done(&scn, &run, NULL);

	const char *sets[] = { "queues.q.arrivals.busyness={ dist = \"gamma\"; mean = 1.0625; sd = 0.3125; }" };
	char err[1024] = "";
	if (tu_load(text, sets, 1, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_true(cc_center_busyness(&scn, 0, 3) != own);
	cc_scenario_fini(&scn);
}

/*
 * Offered volume over a day is mixed Poisson: given the factor B, Poisson with mean L B
 * (L = rate x horizon); so E N = L E B and Var N = E[Var(N | B)] + Var(E[N | B]) = L E B +
 * L^2 Var B. With E B = 1, sd 0.25 and L = 100: Var N = 100 + 625 = 725, against 100 without
 * busyness. The sample variance S^2 of R independent replications is asymptotically normal
 * with variance (m4 - (R - 3) / (R - 1) S^4) / R, m4 the fourth central moment; N is not
 * normal (mixed Poisson, skewed), so the chi-square interval, which assumes normal data,
 * would be wrong, and this one, from S^2's own estimated variance, is used: S^2 must cover
 * the formula within z = 3.29 of its standard error (a 99.9 % interval). The mean is checked
 * within the same z of S / sqrt(R).
 */
static void expect_volume_variance(const char *busyness, double sd)
{
	char text[1024];
	snprintf(text, sizeof text,
	         "name = \"vol\"; horizon = \"1h\"; interval = \"1h\"; replications = 4000; seed = 8642;\n"
	         "%s\n"
	         "queues = ( { name = \"q\"; arrivals = { per_hour = 100.0; };\n"
	         "             handle = { dist = \"deterministic\"; value = 0.25; }; } );\n"
	         "agents = ( { name = \"g\"; count = 3; skills = [ \"q\" ]; } );\n", busyness);
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	double n = (double)run.replications, sum = 0;
	for (size_t rep = 0; rep < run.replications; rep++)
		sum += (double)run.counts[rep].arrived;
	double mean = sum / n, m2 = 0, m4 = 0;
	for (size_t rep = 0; rep < run.replications; rep++) {
		double d = (double)run.counts[rep].arrived - mean;
		m2 += d * d;
		m4 += d * d * d * d;
	}
	double s2 = m2 / (n - 1);
	m4 /= n;
	double se_s2 = sqrt((m4 - (n - 3) / (n - 1) * s2 * s2) / n);
	double L = 100, want = L + L * L * sd * sd, z = 3.29;
	print_message("  sd %.2f: mean %.3f (want %g), variance %.2f ± %.2f (99.9 %%), want %g\n", sd,
	              mean, L, s2, z * se_s2, want);
	assert_true(fabs(mean - L) <= z * sqrt(s2 / n));
	assert_true(fabs(s2 - want) <= z * se_s2);
	tu_done(&scn, &run, NULL);
}

static void test_arrivals_busyness_volume_variance(void **state)
{
	(void)state;
	expect_volume_variance("busyness = { dist = \"gamma\"; mean = 1.0; sd = 0.25; };", 0.25);
	expect_volume_variance("busyness = { dist = \"lognormal\"; mean = 1.0; sd = 0.25; };", 0.25);
	expect_volume_variance("", 0);
}

static void no_more_checks(const struct cc_scenario *scn, const struct cc_grid *grid,
                           const struct cc_rep_result *r, const struct tu_rows *rows,
                           uint64_t rep, void *ctx)
{
	(void)scn, (void)grid, (void)rows, (void)ctx;
	assert_true(r->counts.arrived > 0);
	(void)rep;
}

/* With busyness and handle, ACW and patience per step, in every replication agent time adds
 * up and the records and customers are conserved (tu_each_rep's invariants). */
static void test_arrivals_busyness_conserved(void **state)
{
	(void)state;
	char *text = tu_erlang_scenario(
		380.5, 165.75, 18, 140.25,
		"horizon = \"5h\"; warmup = \"30m\"; interval = \"30m\";\n"
		"busyness = { dist = \"gamma\"; mean = 1.0; sd = 0.35; };");
	const char *sets[] = { "queues.q.handle.mean=[ 120.5, 165.75, 210.25 ]",
	                       "queues.q.patience.mean=[ 140.25, 60.5 ]" };
	tu_each_rep(text, sets, 2, 8, no_more_checks, NULL);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arrivals_piecewise_rates_exactly),
		cmocka_unit_test(test_arrivals_fractional_rate_step),
		cmocka_unit_test(test_arrivals_busyness_sd0_is_unchanged),
		cmocka_unit_test(test_arrivals_busyness_scales_rates),
		cmocka_unit_test(test_arrivals_busyness_volume_variance),
		cmocka_unit_test(test_arrivals_busyness_conserved),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
