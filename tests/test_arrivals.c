/*
 * A queue's arrival process (models/center/arrivals.c): deterministic arrivals walk a
 * piecewise-constant rate profile exactly, and across rate steps that are not whole seconds
 * without stalling at a boundary.
 */
#include "testutil.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arrivals_piecewise_rates_exactly),
		cmocka_unit_test(test_arrivals_fractional_rate_step),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
