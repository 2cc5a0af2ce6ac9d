/*
 * The results file holds exactly what the run computed: every figure of every view read
 * back with the plain HDF5 C API equals the run's own values bit for bit (blocks of several
 * replications, blocks of part of a long replication, chunked and contiguous variables).
 */
#include "h5util.h"

#include "models/center/center.h"
#include "models/output/results.h"
#include "models/run/run.h"

/* Runs scenario PATH with SETS into FILE through the results writer, keeping everything in
 * RUN too. */
static void run_to_file(const char *path, const char *const *sets, size_t n_sets, int threads,
                        const char *file, struct cc_scenario *scn, struct cc_run *run)
{
	char err[1024] = "";
	if (cc_scenario_load(path, sets, n_sets, scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	struct cc_results *res = NULL;
	if (cc_results_open(file, scn, &res, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	tu_run_into(threads, scn, run, cc_results_sink(res));
	if (cc_results_close(res, run, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
}

/* A fresh results path in a new temporary directory (DIR, removed by done_file). */
static void temp_file(char *dir, char *file, size_t len)
{
	strcpy(dir, "/tmp/ccsim-results-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(file, len, "%s/r.h5", dir);
}

static void done_file(const char *dir, const char *file)
{
	unlink(file);
	rmdir(dir);
}

static void same(double got, double want, const char *path, size_t at)
{
	if (!(got == want || (isnan(got) && isnan(want))))
		fail_msg("%s[%zu] = %.17g in the file, %.17g in the run", path, at, got, want);
}

/* Every variable of FILE against RUN. */
static void check_file(const char *file, const struct cc_run *run)
{
	hid_t f = H5Fopen(file, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(f >= 0);
	const struct cc_layout *l = &run->layout;
	size_t reps = run->replications, n = run->grid.count, checked = 0;
	for (size_t fi = 0; fi < l->n_figures; fi++) {
		const struct cc_figure *fig = &l->figures[fi];
		const char *owner = cc_figure_owner_name(fig->owner);
		size_t w = cc_layout_width(l, fig);
		char path[256];
		snprintf(path, sizeof path, "/summary/intervals/%s/%s", owner, fig->name);
		double *v = tu_read_doubles(f, path, n * w * 2);
		for (size_t i = 0; i < n; i++)
			for (size_t e = 0; e < w; e++) {
				struct cc_summary s = cc_run_summary(run, fig, i, cc_layout_index(l, fig->owner, e), 0.95);
				same(v[(i * w + e) * 2], s.mean, path, (i * w + e) * 2);
				same(v[(i * w + e) * 2 + 1], s.half_width, path, (i * w + e) * 2 + 1);
			}
		free(v);
		snprintf(path, sizeof path, "/summary/totals/%s/%s", owner, fig->name);
		v = tu_read_doubles(f, path, w * 2);
		for (size_t e = 0; e < w; e++) {
			struct cc_summary s = cc_run_summary(run, fig, n, cc_layout_index(l, fig->owner, e), 0.95);
			same(v[e * 2], s.mean, path, e * 2);
			same(v[e * 2 + 1], s.half_width, path, e * 2 + 1);
		}
		free(v);
		snprintf(path, sizeof path, "/replications/totals/%s/%s", owner, fig->name);
		v = tu_read_doubles(f, path, reps * w);
		for (size_t r = 0; r < reps; r++)
			for (size_t e = 0; e < w; e++)
				same(v[r * w + e], cc_run_value(run, fig, r, n, cc_layout_index(l, fig->owner, e)),
				     path, r * w + e);
		free(v);
		snprintf(path, sizeof path, "/replications/intervals/%s/%s", owner, fig->name);
		v = tu_read_doubles(f, path, reps * n * w);
		for (size_t r = 0; r < reps; r++)
			for (size_t i = 0; i < n; i++)
				for (size_t e = 0; e < w; e++)
					same(v[(r * n + i) * w + e],
					     cc_run_value(run, fig, r, i, cc_layout_index(l, fig->owner, e)), path,
					     (r * n + i) * w + e);
		free(v);
		checked += 4;
	}
	size_t nc;
	const struct cc_count_field *cf = cc_count_fields(&nc);
	for (size_t c = 0; c < nc; c++) {
		char path[256];
		snprintf(path, sizeof path, "/replications/counts/%s", cf[c].name);
		double *v = tu_read_doubles(f, path, reps);
		for (size_t r = 0; r < reps; r++)
			same(v[r], (double)cc_count_value(&run->counts[r], &cf[c]), path, r);
		free(v);
	}
	assert_true(checked > 400);
	H5Fclose(f);
}

/* Blocks of whole replications, on a center with every owner (statuses, channels, groups
 * that move between regions). */
static void test_results_file_holds_the_run(void **state)
{
	(void)state;
	char dir[64], file[128];
	temp_file(dir, file, sizeof file);
	const char *sets[] = { "replications=7", "output.replications=intervals" };
	struct cc_scenario scn;
	struct cc_run run;
	run_to_file("scenarios/failover.cfg", sets, 2, 2, file, &scn, &run);
	check_file(file, &run);
	tu_done(&scn, &run, NULL);
	done_file(dir, file);
}

/* Replications longer than a block: each is written a block of intervals at a time into a
 * chunked, compressed variable; and many short ones, several to a block. */
static void test_results_file_long_and_many(void **state)
{
	(void)state;
	char dir[64], file[128];
	temp_file(dir, file, sizeof file);
	const char *sets[] = { "replications=3", "output.replications=intervals", "horizon=2500h",
	                       "interval=1h", "warmup=1h" };
	struct cc_scenario scn;
	struct cc_run run;
	run_to_file("scenarios/erlang-a.cfg", sets, 5, 2, file, &scn, &run);
	assert_true(run.grid.count * run.layout.cells * sizeof(double) > (1u << 20));
	check_file(file, &run);
	hid_t f = H5Fopen(file, H5F_ACC_RDONLY, H5P_DEFAULT);
	hid_t d = H5Dopen2(f, "/replications/intervals/queues/service_level", H5P_DEFAULT);
	hid_t dcpl = H5Dget_create_plist(d);
	assert_int_equal(H5Pget_layout(dcpl), H5D_CHUNKED);
	H5Pclose(dcpl);
	H5Dclose(d);
	H5Fclose(f);
	tu_done(&scn, &run, NULL);

	const char *many[] = { "replications=230", "output.replications=intervals" };
	run_to_file("scenarios/erlang-a.cfg", many, 2, 2, file, &scn, &run);
	check_file(file, &run);
	tu_done(&scn, &run, NULL);
	done_file(dir, file);
}

/* With busyness: /replications/busyness/factor [replication, queue] holds each replication's
 * factor, the scenario's for a queue without its own and the queue's own otherwise; the
 * offered counts follow it (more contacts on the busier day). Without busyness: no group. */
static void test_results_busyness_factors(void **state)
{
	(void)state;
	char dir[64], file[128];
	temp_file(dir, file, sizeof file);
	const char *sets[] = { "replications=6", "output.replications=intervals",
	                       "busyness={ dist = \"gamma\"; mean = 1.0; sd = 0.3; }",
	                       "queues.tier2.arrivals.busyness={ dist = \"lognormal\"; sd = 0.15; }" };
	struct cc_scenario scn;
	struct cc_run run;
	run_to_file("scenarios/help-desk.cfg", sets, 4, 2, file, &scn, &run);
	check_file(file, &run);
	long own = cc_scenario_queue_index(&scn, "tier2");
	assert_true(own > 0); /* tier1, queue 0, shares the scenario's */
	hid_t f = H5Fopen(file, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(f >= 0);
	size_t nq = scn.n_queues;
	double *factor = tu_read_doubles(f, "/replications/busyness/factor", 6 * nq);
	double lo = INFINITY, hi = 0;
	for (size_t rep = 0; rep < 6; rep++)
		for (size_t q = 0; q < nq; q++) {
			double want = cc_center_busyness(&scn, scn.queues[q].line, rep);
			assert_true(factor[rep * nq + q] == want);
			if ((long)q != own) { /* the scenario's, shared with tier1 */
				assert_true(want == factor[rep * nq]);
				lo = fmin(lo, want);
				hi = fmax(hi, want);
			}
		}
	assert_true(hi > lo);
	assert_true(factor[own] != factor[0]);
	free(factor);
	H5Fclose(f);
	tu_done(&scn, &run, NULL);
	done_file(dir, file);

	temp_file(dir, file, sizeof file);
	run_to_file("scenarios/help-desk.cfg", sets, 2, 2, file, &scn, &run);
	f = H5Fopen(file, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(H5Lexists(f, "/replications/busyness", H5P_DEFAULT) == 0);
	H5Fclose(f);
	tu_done(&scn, &run, NULL);
	done_file(dir, file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_results_file_holds_the_run),
		cmocka_unit_test(test_results_file_long_and_many),
		cmocka_unit_test(test_results_busyness_factors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
