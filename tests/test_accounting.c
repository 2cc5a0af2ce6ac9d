/*
 * The open rows of a replication (models/center/accounting.c): rows closed as soon as nothing
 * can add to them hold what rows held to the horizon hold, bit for bit, on every shipped
 * scenario and on interval widths that are not whole seconds.
 */
#include "testutil.h"

#include "models/center/center.h"

/* Rows of SCN handed over as they close equal the same rows held to the horizon, bit for
 * bit, and agent time adds up in each. */
static void rows_equal_held_rows(const struct cc_scenario *scn, uint64_t reps)
{
	struct cc_grid grid;
	cc_grid_init(&grid, scn->interval_s, scn->warmup_s, scn->horizon_s);
	for (uint64_t rep = 0; rep < reps; rep++) {
		struct tu_rows rows[2];
		struct cc_rep_result r[2];
		for (int late = 0; late < 2; late++) {
			struct cc_row_sink sink = tu_row_sink(&rows[late]);
			sink.at_horizon = late;
			cc_rep_result_init(&r[late], scn);
			cc_center_run(scn, &grid, rep, &r[late], &sink, NULL);
		}
		assert_int_equal(rows[0].n, grid.count);
		assert_int_equal(rows[1].n, grid.count);
		assert_memory_equal(rows[0].group, rows[1].group, grid.count * rows[0].group_w * sizeof(double));
		assert_memory_equal(rows[0].status, rows[1].status, grid.count * rows[0].status_w * sizeof(double));
		assert_memory_equal(rows[0].gc, rows[1].gc, grid.count * rows[0].gc_w * sizeof(double));
		assert_memory_equal(rows[0].queue, rows[1].queue, grid.count * rows[0].queue_w * sizeof(double));
		assert_memory_equal(r[0].queue_tot, r[1].queue_tot, scn->n_queues * CC_QR_COUNT * sizeof(double));
		tu_assert_time_adds_up(scn, &grid, &r[0], &rows[0]);
		for (int late = 0; late < 2; late++) {
			tu_rows_free(&rows[late]);
			cc_rep_result_fini(&r[late]);
		}
	}
}

/* Closing rows early loses nothing, on every scenario. */
static void test_accounting_rows_close_early_losing_nothing(void **state)
{
	(void)state;
	static const char *const names[] = { "erlang-a", "day-profile", "one-day", "blended",
	                                     "help-desk", "failover", "rona-study",
	                                     "policy-comparison" };
	for (size_t s = 0; s < sizeof names / sizeof names[0]; s++) {
		char path[128], err[1024] = "";
		snprintf(path, sizeof path, "scenarios/%s.cfg", names[s]);
		struct cc_scenario scn;
		if (cc_scenario_load(path, NULL, 0, &scn, err, sizeof err) != CC_OK)
			fail_msg("%s", err);
		rows_equal_held_rows(&scn, 2);
		cc_scenario_fini(&scn);
	}
}

/* Intervals whose width is no exact binary fraction: 3 x 100.1 s is 300.29999999999995 s,
 * whose quotient by 100.1 rounds below 3. Time from an interval's very start belongs to it,
 * including after the rows before it were dropped from memory. */
static void test_accounting_fractional_interval_widths(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"name = \"frac\"; horizon = \"1001s\"; interval = \"100.1s\";\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 0; }; handle = { dist = \"exponential\"; mean = \"60s\"; }; } );\n"
		"agents = ( { name = \"g\"; skills = [ \"q\" ]; profile = { counts = [ 0, 0, 0, 1, 0 ]; }; } );\n",
		"name = \"frac\"; horizon = \"77000s\"; interval = \"100.1s\"; warmup = \"1000.9s\";\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 45; }; handle = { dist = \"exponential\"; mean = \"60s\"; }; } );\n"
		"agents = ( { name = \"g\"; count = 1; skills = [ \"q\" ]; } );\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct cc_scenario scn;
		char err[1024] = "";
		if (tu_load(texts[i], NULL, 0, &scn, err, sizeof err) != CC_OK)
			fail_msg("%s", err);
		rows_equal_held_rows(&scn, 2);
		cc_scenario_fini(&scn);
	}
	/* The quotient rounds, the products decide. */
	assert_int_equal(cc_grid_bin(100.1, 3 * 100.1), 3);
	assert_int_equal(cc_grid_bin(100.1, nextafter(3 * 100.1, 0)), 2);
	assert_int_equal(cc_grid_bin(1800, 1799.9999999999998), 0);
	assert_int_equal(cc_grid_bin(1800, 1800), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accounting_rows_close_early_losing_nothing),
		cmocka_unit_test(test_accounting_fractional_interval_widths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
