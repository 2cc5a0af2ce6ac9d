/*
 * A run of all replications (models/run/): its summaries hold the same memory however many
 * replications there are, and a single long replication holds only its open rows.
 */
#include "testutil.h"

#include "models/run/run.h"
#include "sim/macros.h"

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

/* What a run hands its sink's interval callback: every summary row, in order. */
struct summaries {
	double *rows;
	size_t n, width;
};

static int keep_summaries(void *ctx, size_t first, size_t n, const double *stats)
{
	struct summaries *s = ctx;
	assert_int_equal(first, s->n);
	s->rows = realloc(s->rows, (s->n + n) * s->width * sizeof *s->rows);
	memcpy(s->rows + s->n * s->width, stats, n * s->width * sizeof *stats);
	s->n += n;
	return 0;
}

/* Replications run in batches of 2, 1 and 4, on 1 then 2 threads, give the figures of one run
 * of 7 bit for bit: the totals, each replication's interval figures, and the summaries of the
 * totals and of every interval, handed to the sink in interval order at the end. */
static void test_run_stages_equal_one_run(void **state)
{
	(void)state;
	const char *sets[] = { "replications=7", "output.replications=\"intervals\"" };
	struct cc_scenario scn;
	char err[1024] = "";
	if (cc_scenario_load("scenarios/one-day.cfg", sets, 2, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	struct cc_run one, staged;
	struct cc_layout layout;
	cc_layout_init(&layout, &scn);
	size_t width = layout.cells * CC_RUN_STATS;
	cc_layout_fini(&layout);
	struct summaries s1 = { .width = width }, s2 = { .width = width };
	tu_run_into(2, &scn, &one, (struct cc_run_sink){ .ctx = &s1, .intervals = keep_summaries });
	memset(&staged, 0, sizeof staged);
	staged.scn = &scn;
	staged.keep_intervals = staged.keep_totals = staged.keep_rep_intervals = 1;
	staged.sink = (struct cc_run_sink){ .ctx = &s2, .intervals = keep_summaries };
	assert_int_equal(cc_run_begin(&staged), CC_OK);
	static const size_t batches[] = { 2, 1, 4 };
	for (size_t b = 0; b < CC_ARRAY_SIZE(batches); b++) {
		staged.threads = b ? 2 : 1;
		assert_int_equal(cc_run_more(&staged, batches[b]), CC_OK);
		assert_int_equal(s2.n, 0); /* nothing is final before the end */
	}
	assert_int_equal(cc_run_end(&staged), CC_OK);
	size_t cells = one.layout.cells, rows = one.grid.count;
	assert_int_equal(staged.replications, 7);
	assert_int_equal(s1.n, rows);
	assert_int_equal(s2.n, rows);
	assert_memory_equal(s1.rows, s2.rows, rows * width * sizeof *s1.rows);
	assert_memory_equal(one.totals, staged.totals, 7 * cells * sizeof *one.totals);
	assert_memory_equal(one.rep_intervals, staged.rep_intervals,
	                    7 * rows * cells * sizeof *one.rep_intervals);
	assert_memory_equal(one.totals_summary, staged.totals_summary,
	                    cells * sizeof *one.totals_summary);
	assert_memory_equal(one.counts, staged.counts, 7 * sizeof *one.counts);
	assert_true(one.events == staged.events && one.contacts == staged.contacts);
	free(s1.rows);
	free(s2.rows);
	cc_run_fini(&staged);
	tu_done(&scn, &one, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_run_memory_does_not_grow),
		cmocka_unit_test(test_run_stages_equal_one_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
