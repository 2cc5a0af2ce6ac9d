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

/* Runs PATH (with SETS) in stages of BATCHES[N] replications, begun on THREADS threads and
 * each batch on one of 1..THREADS in turn, and checks that every figure equals one run of the
 * same total bit for bit: the totals, each replication's interval figures, the summaries of
 * the totals and of every interval, these handed to the sink in interval order at the end. */
static void check_stages(const char *path, const char *const *sets, size_t n_sets, int threads,
                         const size_t *batches, size_t n, int keep_intervals)
{
	struct cc_scenario scn;
	char err[1024] = "";
	if (cc_scenario_load(path, sets, n_sets, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	size_t total = 0;
	for (size_t b = 0; b < n; b++)
		total += batches[b];
	scn.replications = (int)total;
	struct cc_run one, staged;
	struct cc_layout layout;
	cc_layout_init(&layout, &scn);
	size_t width = layout.cells * CC_RUN_STATS;
	cc_layout_fini(&layout);
	struct summaries s1 = { .width = width }, s2 = { .width = width };
	tu_run_into(2, &scn, &one, (struct cc_run_sink){ .ctx = &s1, .intervals = keep_summaries });
	memset(&staged, 0, sizeof staged);
	staged.scn = &scn;
	staged.threads = threads;
	staged.keep_intervals = keep_intervals;
	staged.keep_totals = staged.keep_rep_intervals = 1;
	staged.sink = (struct cc_run_sink){ .ctx = &s2, .intervals = keep_summaries };
	assert_int_equal(cc_run_begin(&staged), CC_OK);
	for (size_t b = 0; b < n; b++) {
		staged.threads = 1 + (int)b % threads;
		assert_int_equal(cc_run_more(&staged, batches[b]), CC_OK);
		assert_int_equal(s2.n, 0); /* nothing is final before the end */
	}
	assert_int_equal(cc_run_end(&staged), CC_OK);
	size_t cells = one.layout.cells, rows = one.grid.count;
	assert_int_equal(staged.replications, total);
	assert_int_equal(s1.n, rows);
	assert_int_equal(s2.n, rows);
	assert_memory_equal(s1.rows, s2.rows, rows * width * sizeof *s1.rows);
	assert_memory_equal(one.totals, staged.totals, total * cells * sizeof *one.totals);
	assert_memory_equal(one.rep_intervals, staged.rep_intervals,
	                    total * rows * cells * sizeof *one.rep_intervals);
	assert_memory_equal(one.totals_summary, staged.totals_summary,
	                    cells * sizeof *one.totals_summary);
	assert_memory_equal(one.counts, staged.counts, total * sizeof *one.counts);
	assert_true(one.events == staged.events && one.contacts == staged.contacts);
	free(s1.rows);
	free(s2.rows);
	cc_run_fini(&staged);
	tu_done(&scn, &one, NULL);
}

/* Batches of one and more, on 1 to 3 threads, with and without the interval summaries kept,
 * a day and a long replication in hourly intervals. */
static void test_run_stages_equal_one_run(void **state)
{
	(void)state;
	static const size_t day[] = { 1, 1, 2, 5, 1, 3 };
	const char *day_sets[] = { "output.replications=\"intervals\"" };
	for (int threads = 1; threads <= 3; threads++)
		for (int keep = 0; keep < 2; keep++)
			check_stages("scenarios/one-day.cfg", day_sets, 1, threads, day,
			             CC_ARRAY_SIZE(day), keep);
	static const size_t longer[] = { 1, 2, 1 };
	const char *long_sets[] = { "interval=1h", "horizon=600h" };
	check_stages("scenarios/erlang-a.cfg", long_sets, 2, 3, longer, CC_ARRAY_SIZE(longer), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_run_memory_does_not_grow),
		cmocka_unit_test(test_run_stages_equal_one_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
