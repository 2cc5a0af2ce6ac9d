/*
 * A run of all replications (models/run/): its summaries hold the same memory however many
 * replications there are, and a single long replication holds only its open rows.
 */
#include "testutil.h"

#include "models/run/run.h"

/* The interval summaries hold the same memory for 5 replications as for 80, and a single
 * replication holds them only while they are written out, however long its horizon. */
static void test_run_memory_does_not_grow(void **state)
{
	(void)state;
	size_t peak[2];
	for (int k = 0; k < 2; k++) {
		char reps[32];
		snprintf(reps, sizeof reps, "replications=%d", k ? 80 : 5);
		const char *sets[] = { reps };
		struct cc_scenario scn;
		char err[1024] = "";
		if (cc_scenario_load("scenarios/erlang-a.cfg", sets, 1, &scn, err, sizeof err) != CC_OK)
			fail_msg("%s", err);
		struct cc_run run;
		memset(&run, 0, sizeof run);
		run.scn = &scn;
		run.threads = 2;
		assert_int_equal(cc_run_execute(&run), CC_OK);
		peak[k] = run.summary_peak_bytes;
		assert_int_equal(peak[k], run.grid.count * cc_run_interval_bytes(&run.layout));
		assert_null(run.totals);
		assert_null(run.rep_intervals);
		tu_done(&scn, &run, NULL);
	}
	assert_int_equal(peak[0], peak[1]);

	for (int k = 0; k < 2; k++) {
		const char *sets[] = { "replications=1", "interval=1h", k ? "horizon=4000h" : "horizon=400h" };
		struct cc_scenario scn;
		char err[1024] = "";
		if (cc_scenario_load("scenarios/erlang-a.cfg", sets, 3, &scn, err, sizeof err) != CC_OK)
			fail_msg("%s", err);
		struct cc_run run;
		memset(&run, 0, sizeof run);
		run.scn = &scn;
		run.threads = 1;
		assert_int_equal(cc_run_execute(&run), CC_OK);
		peak[k] = run.summary_peak_bytes;
		tu_done(&scn, &run, NULL);
	}
	print_message("  summaries of one replication at their peak: %zu bytes over 400 h, %zu over 4000 h\n",
	              peak[0], peak[1]);
	assert_int_equal(peak[0], peak[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_run_memory_does_not_grow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
