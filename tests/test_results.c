/*
 * The results file holds exactly what the run computed: every figure of every view read
 * back with the plain HDF5 C API equals the run's own values bit for bit (blocks of several
 * replications, blocks of part of a long replication, chunked and contiguous variables),
 * and the run's summaries hold the same memory however many replications there are. The
 * tables of results/README.md are what the descriptors say.
 */
#include "h5util.h"

#include "models/center/center.h"
#include "models/output/doc.h"
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
	cc_run_fini(&run);
	cc_scenario_fini(&scn);
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
	cc_run_fini(&run);
	cc_scenario_fini(&scn);

	const char *many[] = { "replications=230", "output.replications=intervals" };
	run_to_file("scenarios/erlang-a.cfg", many, 2, 2, file, &scn, &run);
	check_file(file, &run);
	cc_run_fini(&run);
	cc_scenario_fini(&scn);
	done_file(dir, file);
}

/* The interval summaries hold the same memory for 5 replications as for 80, and a single
 * replication holds them only while they are written out, however long its horizon. */
static void test_results_memory_does_not_grow(void **state)
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
		cc_run_fini(&run);
		cc_scenario_fini(&scn);
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
		cc_run_fini(&run);
		cc_scenario_fini(&scn);
	}
	print_message("  summaries of one replication at their peak: %zu bytes over 400 h, %zu over 4000 h\n",
	              peak[0], peak[1]);
	assert_int_equal(peak[0], peak[1]);
}

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
static void test_results_rows_close_early_losing_nothing(void **state)
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
static void test_results_fractional_interval_widths(void **state)
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

/* The generated parts of results/README.md are what the descriptors give: run `make
 * results-doc` after changing a figure, count, field or enum value. */
static void test_results_readme_matches_descriptors(void **state)
{
	(void)state;
	char err[512];
	int stale = -1;
	if (cc_doc_update("results/README.md", 0, &stale, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	if (stale)
		fail_msg("%d stale part(s); %s", stale, err);
}

/* A stale part is found and rewritten (the text around it kept); bad markers are errors. */
static void test_results_doc_rewrites_stale_parts(void **state)
{
	(void)state;
	static char text[65536];
	size_t n = 0;
	n += (size_t)snprintf(text + n, sizeof text - n, "# Title\n\n");
	for (size_t i = 0; cc_doc_parts[i]; i++)
		n += (size_t)snprintf(text + n, sizeof text - n,
		                      "prose %zu\n<!-- generated by `make results-doc`: %s -->\nold text\n"
		                      "<!-- end of generated %s -->\n",
		                      i, cc_doc_parts[i], cc_doc_parts[i]);
	n += (size_t)snprintf(text + n, sizeof text - n, "the end\n");
	char *path = tu_write_temp(text);
	assert_non_null(path);
	char err[512];
	int stale;
	assert_int_equal(cc_doc_update(path, 0, &stale, err, sizeof err), CC_OK);
	assert_int_equal(stale, 8);
	assert_non_null(strstr(err, "part counts differs"));
	char *out = tu_read_file(path, NULL);
	assert_non_null(out);
	assert_string_equal(out, text); /* checking writes nothing */
	free(out);
	assert_int_equal(cc_doc_update(path, 1, &stale, err, sizeof err), CC_OK);
	assert_int_equal(stale, 8);
	out = tu_read_file(path, NULL);
	assert_non_null(out);
	assert_null(strstr(out, "old text"));
	assert_non_null(strstr(out, "prose 3\n<!-- generated by `make results-doc`: status-figures -->\n\n"
	                            "| figure | units | definition |\n"));
	assert_non_null(strstr(out, "| `status_agents` | 1 | "));
	assert_non_null(strstr(out, "| `outcome` | 5 | `callback` | "));
	assert_non_null(strstr(out, "\n<!-- end of generated event-fields -->\nthe end\n"));
	free(out);
	assert_int_equal(cc_doc_update(path, 0, &stale, err, sizeof err), CC_OK);
	assert_int_equal(stale, 0);

	/* A part missing, a part twice, an unknown part, a part left open. */
	static const char *const bad[] = {
		"<!-- generated by `make results-doc`: counts -->\n<!-- end of generated counts -->\n",
		"<!-- generated by `make results-doc`: nothing -->\n<!-- end of generated nothing -->\n",
		"<!-- generated by `make results-doc`: counts -->\n",
	};
	static const char *const why[] = { "is missing", "names no part", "has no end marker" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *p = tu_write_temp(bad[i]);
		assert_int_equal(cc_doc_update(p, 1, &stale, err, sizeof err), CC_ERR_IO);
		assert_non_null(strstr(err, why[i]));
		remove(p);
		free(p);
	}
	snprintf(text + n, sizeof text - n, "<!-- generated by `make results-doc`: counts -->\n"
	         "<!-- end of generated counts -->\n");
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(cc_doc_update(path, 0, &stale, err, sizeof err), CC_ERR_IO);
	assert_non_null(strstr(err, "names no part, or a part twice"));
	remove(path);
	free(path);
	assert_int_equal(cc_doc_update("/nonexistent/README.md", 0, &stale, err, sizeof err),
	                 CC_ERR_IO);
	assert_int_equal(cc_doc_part(stdout, "no-such-part"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_results_file_holds_the_run),
		cmocka_unit_test(test_results_file_long_and_many),
		cmocka_unit_test(test_results_memory_does_not_grow),
		cmocka_unit_test(test_results_rows_close_early_losing_nothing),
		cmocka_unit_test(test_results_fractional_interval_widths),
		cmocka_unit_test(test_results_readme_matches_descriptors),
		cmocka_unit_test(test_results_doc_rewrites_stale_parts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
