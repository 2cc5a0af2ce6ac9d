/*
 * Running to a precision (models/run/precision.h and `ccsim run --precision`): targets read
 * and bound to a scenario's figures, the batch schedule, the half-widths reached, the same
 * results on any thread count, and the hint a run prints when a target cannot be told apart.
 */
#include "cliutil.h"
#include "h5util.h"

#include <math.h>

#include "models/run/precision.h"
#include "sim/macros.h"

static void test_precision_parse(void **state)
{
	(void)state;
	struct cc_precision_target t;
	char err[512];
	assert_int_equal(cc_precision_parse("sales.service_level=0.5pt", &t, err, sizeof err), CC_OK);
	assert_string_equal(t.ref.owner, "sales");
	assert_string_equal(t.ref.figure, "service_level");
	assert_true(t.amount.kind == CC_AMOUNT_POINTS && t.amount.value == 0.5);
	assert_int_equal(cc_precision_parse(" asa_s = 1m30s ", &t, err, sizeof err), CC_OK);
	assert_true(!t.ref.owner[0] && t.amount.kind == CC_AMOUNT_SECONDS && t.amount.value == 90);
	assert_int_equal(cc_precision_parse("any.occupancy=2.5%", &t, err, sizeof err), CC_OK);
	assert_true(t.amount.kind == CC_AMOUNT_PERCENT && t.amount.value == 2.5);
	static const struct { const char *text, *says; } bad[] = {
		{ "sales.service_level", "write [OWNER.]FIGURE=HALF-WIDTH" },
		{ "=1pt", "which figure" },
		{ "sales.=1pt", "empty owner or figure" },
		{ "asa_s=", "no target" },
		{ "asa_s=fast", "not a number" },
		{ "asa_s=3 parsecs", "unknown target unit" },
		{ "asa_s=0s", "never reached" },
		{ "service_level=0x10", "not a number" },
	};
	for (size_t i = 0; i < CC_ARRAY_SIZE(bad); i++) {
		assert_int_equal(cc_precision_parse(bad[i].text, &t, err, sizeof err), CC_ERR_USAGE);
		if (!strstr(err, bad[i].text) || !strstr(err, bad[i].says))
			fail_msg("'%s': %s (expected '%s')", bad[i].text, err, bad[i].says);
	}
}

/* The scenario targets are bound to: the names of its entities must outlive the binding. */
static struct cc_scenario scn;

/* Binds TEXTS to scenarios/one-day.cfg (voice queues sales and support; groups sales,
 * support, trainees): the cells covered, or the error. */
static enum cc_status bind(const char *const *texts, size_t n, struct cc_precision *p, char *err,
                           size_t len)
{
	cc_scenario_fini(&scn);
	assert_int_equal(cc_scenario_load("scenarios/one-day.cfg", NULL, 0, &scn, err, len), CC_OK);
	static struct cc_precision_target t[8];
	for (size_t i = 0; i < n; i++)
		assert_int_equal(cc_precision_parse(texts[i], &t[i], err, len), CC_OK);
	struct cc_layout layout;
	cc_layout_init(&layout, &scn);
	enum cc_status st = cc_precision_bind(p, t, n, &layout, 500, err, len);
	cc_layout_fini(&layout);
	return st;
}

static void test_precision_bind(void **state)
{
	(void)state;
	struct cc_precision p;
	char err[512];
	const char *every[] = { "service_level=1pt", "any.asa_s=2s", "sales.occupancy=1pt" };
	assert_int_equal(bind(every, 3, &p, err, sizeof err), CC_OK);
	/* service_level of 2 queues and the voice channel, asa_s of 2 queues, occupancy of one
	 * queue and one group (both named sales). */
	assert_int_equal(p.n_cells, 7);
	assert_int_equal(p.max, 500);
	cc_precision_fini(&p);
	static const struct { const char *text, *says; } bad[] = {
		{ "speed=1pt", "no queue, group or channel figure named 'speed'" },
		{ "billing.asa_s=2s", "no queue, group or channel named 'billing' has asa_s" },
		{ "asa_s=1pt", "asa_s is in seconds, not a share" },
		{ "service_level=5s", "service_level is not in seconds" },
	};
	for (size_t i = 0; i < CC_ARRAY_SIZE(bad); i++) {
		assert_int_equal(bind(&bad[i].text, 1, &p, err, sizeof err), CC_ERR_USAGE);
		if (!strstr(err, bad[i].says))
			fail_msg("'%s': %s (expected '%s')", bad[i].text, err, bad[i].says);
	}
}

/* The schedule: n (h / target)^2 rounded up, at least one more, at most four times as many,
 * never beyond the maximum; met targets, and cells with no values, stop. */
static void test_precision_schedule(void **state)
{
	(void)state;
	struct cc_precision p;
	char err[512];
	const char *texts[] = { "sales.asa_s=2s", "support.service_level=50%" };
	assert_int_equal(bind(texts, 2, &p, err, sizeof err), CC_OK);
	assert_int_equal(p.n_cells, 2);
	struct cc_precision_cell *asa = &p.cells[0], *sl = &p.cells[1];
	sl->mean = 0.8;
	sl->half_width = 0.1; /* target 0.4: met */
	asa->mean = 20;
	asa->half_width = 3;  /* 1.5 times the target: 2.25 n */
	assert_int_equal(cc_precision_next(&p, 20), 45);
	assert_false(p.met);
	assert_ptr_equal(&p.cells[p.worst], asa);
	asa->half_width = 2.0001; /* just over: one more at least */
	assert_int_equal(cc_precision_next(&p, 100), 101);
	asa->half_width = 9;      /* 4.5 times: growth is capped at 4 times */
	assert_int_equal(cc_precision_next(&p, 20), 80);
	assert_int_equal(cc_precision_next(&p, 400), 500); /* and by the maximum */
	assert_int_equal(cc_precision_next(&p, 500), 500);
	assert_false(p.met);
	asa->half_width = NAN;    /* fewer than two values: grow as much as allowed */
	assert_int_equal(cc_precision_next(&p, 3), 12);
	asa->mean = NAN;          /* nothing answered: nothing to estimate */
	assert_int_equal(cc_precision_next(&p, 3), 3);
	assert_true(p.met);
	asa->mean = 20;
	asa->half_width = 2;      /* exactly the target: met */
	assert_int_equal(cc_precision_next(&p, 30), 30);
	assert_true(p.met);
	char line[256];
	cc_precision_describe(&p, line, sizeof line);
	if (!strstr(line, "sales asa_s ±2s (target 2s)"))
		fail_msg("%s", line);
	cc_precision_fini(&p);
}

/* Value I of the whole-horizon summary of queue figure NAME in results file PATH
 * ([queue][statistic]: mean, ci95). */
static double summary_of(const char *path, const char *name, size_t queue, int ci95)
{
	char full[512], ds[128];
	snprintf(full, sizeof full, "%s/%s", dir, path);
	snprintf(ds, sizeof ds, "/summary/totals/queues/%s", name);
	hid_t f = H5Fopen(full, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(f >= 0);
	double *v = tu_read_doubles(f, ds, 4);
	double x = v[queue * 2 + (ci95 ? 1 : 0)];
	free(v);
	H5Fclose(f);
	return x;
}

/* The replication count of results file PATH. */
static long long replications_of(const char *path)
{
	char full[512];
	snprintf(full, sizeof full, "%s/%s", dir, path);
	hid_t f = H5Fopen(full, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(f >= 0);
	long long n = -1;
	hid_t a = H5Aopen(f, "replications", H5P_DEFAULT);
	assert_true(a >= 0 && H5Aread(a, H5T_NATIVE_LLONG, &n) >= 0);
	H5Aclose(a);
	H5Fclose(f);
	return n;
}

/* Datasets of results files A and B are equal, value for value. */
static void expect_same(const char *a, const char *b, const char *dataset, size_t n)
{
	double *v[2];
	const char *files[2] = { a, b };
	for (int i = 0; i < 2; i++) {
		char full[512];
		snprintf(full, sizeof full, "%s/%s", dir, files[i]);
		hid_t f = H5Fopen(full, H5F_ACC_RDONLY, H5P_DEFAULT);
		assert_true(f >= 0);
		v[i] = tu_read_doubles(f, dataset, n);
		H5Fclose(f);
	}
	if (memcmp(v[0], v[1], n * sizeof *v[0]) != 0)
		fail_msg("%s differs between %s and %s", dataset, a, b);
	free(v[0]);
	free(v[1]);
}

/* Every named half-width ends at or below its target; the replications taken and every figure
 * are the same on 1 and 2 threads, and the same as a plain run of that many replications. */
static void test_precision_reached(void **state)
{
	(void)state;
	char out[16384];
	const char *targets = "--precision 'sales.service_level=2pt' --precision 'sales.asa_s=1s' "
	                      "--precision 'any.abandon_rate=1pt'";
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/t1.h5 --threads 1 %s", dir, dir,
	                     targets), 0);
	const char *said = strstr(out, "precision: ");
	if (!said || !strstr(said, "every target met"))
		fail_msg("no precision summary: %s", out);
	long long n = replications_of("t1.h5");
	assert_true(n > 6); /* the scenario's 6 did not do */
	char expect[64];
	snprintf(expect, sizeof expect, "precision: %lld replications", n);
	assert_non_null(strstr(out, expect));
	assert_true(summary_of("t1.h5", "service_level", 0, 1) <= 0.02);
	assert_true(summary_of("t1.h5", "asa_s", 0, 1) <= 1);
	assert_true(summary_of("t1.h5", "abandon_rate", 0, 1) <= 0.01);
	assert_true(summary_of("t1.h5", "abandon_rate", 1, 1) <= 0.01);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/t2.h5 --threads 2 --quiet %s",
	                     dir, dir, targets), 0);
	assert_int_equal(replications_of("t2.h5"), n);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/plain.h5 --replications %lld "
	                     "--quiet", dir, dir, n), 0);
	static const char *const figures[] = { "service_level", "asa_s", "abandon_rate", "offered" };
	for (size_t i = 0; i < CC_ARRAY_SIZE(figures); i++) {
		char ds[128];
		snprintf(ds, sizeof ds, "/summary/totals/queues/%s", figures[i]);
		expect_same("t1.h5", "t2.h5", ds, 4);
		expect_same("t1.h5", "plain.h5", ds, 4);
		snprintf(ds, sizeof ds, "/replications/totals/queues/%s", figures[i]);
		expect_same("t1.h5", "t2.h5", ds, 2 * (size_t)n);
		expect_same("t1.h5", "plain.h5", ds, 2 * (size_t)n);
		snprintf(ds, sizeof ds, "/summary/intervals/queues/%s", figures[i]);
		expect_same("t1.h5", "plain.h5", ds, 20 * 2 * 2);
		snprintf(ds, sizeof ds, "/replications/intervals/queues/%s", figures[i]);
		expect_same("t1.h5", "plain.h5", ds, (size_t)n * 20 * 2);
	}
	expect_same("t1.h5", "plain.h5", "/replications/counts/arrived", (size_t)n);
	/* The file that grew is about the size of the plain one (chunks as long as the first
	 * batch, not a mebibyte each). */
	struct stat grown, plain;
	char full[2][512];
	snprintf(full[0], sizeof full[0], "%s/t1.h5", dir);
	snprintf(full[1], sizeof full[1], "%s/plain.h5", dir);
	assert_int_equal(stat(full[0], &grown), 0);
	assert_int_equal(stat(full[1], &plain), 0);
	if (grown.st_size > 2 * plain.st_size)
		fail_msg("the precision run's file is %lld bytes, the plain run's %lld",
		         (long long)grown.st_size, (long long)plain.st_size);
	/* Python's xarray reads the replication dimension, which grew as the run went. */
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c \"import xarray as xr; "
	         "t = xr.open_dataset('%s/t1.h5', group='replications/totals/queues', engine='h5netcdf'); "
	         "assert t.sizes['replication'] == %lld and list(t.replication.values) == list(range(%lld))\"",
	         dir, n, n);
	assert_int_equal(sh("%s", cmd), 0);
}

/* A target out of reach stops at --max-replications, says so on stderr, and keeps the
 * results; errors in the options exit 2 and write nothing. */
static void test_precision_limits_and_errors(void **state)
{
	(void)state;
	char out[16384];
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/max.h5 --quiet --precision "
	                     "'sales.service_level=0.01pt' --max-replications 9", dir, dir), 0);
	assert_non_null(strstr(out, "stopped at --max-replications 9 with a target missed: sales "
	                            "service_level"));
	assert_int_equal(replications_of("max.h5"), 9);
	sh("rm -f %s/*.h5", dir);
	static const struct { const char *args, *says; } bad[] = {
		{ "--precision 'sales.service_level'", "write [OWNER.]FIGURE=HALF-WIDTH" },
		{ "--precision 'speed=1pt'", "no queue, group or channel figure named 'speed'" },
		{ "--precision 'asa_s=1pt'", "in seconds, not a share" },
		{ "--max-replications 50", "--max-replications goes with --precision" },
		{ "--precision 'asa_s=2s' --max-replications 5", "below the first batch, 6" },
		{ "--precision 'asa_s=2s' --max-replications 1", "--max-replications" },
	};
	for (size_t i = 0; i < CC_ARRAY_SIZE(bad); i++) {
		int rc = run(out, sizeof out, "run %s/day.cfg -o %s/bad.h5 %s", dir, dir, bad[i].args);
		if (rc != 2 || !strstr(out, bad[i].says))
			fail_msg("%s: exit %d, %s (expected '%s')", bad[i].args, rc, out, bad[i].says);
		expect_no_results();
	}
}

/* Without --precision, a run whose service level cannot be told from its target says so, with
 * the --precision that would tell; one clear of its target does not. */
static void test_precision_hint(void **state)
{
	(void)state;
	char out[16384];
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/h.h5", dir, dir), 0);
	double mean = summary_of("h.h5", "service_level", 0, 0);
	double hw = summary_of("h.h5", "service_level", 0, 1);
	assert_null(strstr(out, "hint:")); /* the target, 0.8, is clear of the interval */
	assert_true(fabs(mean - 0.8) > hw);
	/* A target inside the interval, a third of a half-width off the mean. */
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/h.h5 --set "
	                     "queues.sales.service_level.target=%.4f", dir, dir, mean + hw / 3), 0);
	const char *hint = strstr(out, "hint: sales service level");
	if (!hint || !strstr(hint, "cannot be told from its") ||
	    !strstr(hint, "--precision 'sales.service_level="))
		fail_msg("no hint: %s", out);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/h.h5 --quiet --set "
	                     "queues.sales.service_level.target=%.4f", dir, dir, mean + hw / 3), 0);
	assert_null(strstr(out, "hint:"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_precision_parse),
		cmocka_unit_test(test_precision_bind),
		cmocka_unit_test(test_precision_schedule),
		cmocka_unit_test(test_precision_reached),
		cmocka_unit_test(test_precision_limits_and_errors),
		cmocka_unit_test(test_precision_hint),
	};
	int failed = cmocka_run_group_tests(tests, setup_day, teardown);
	cc_scenario_fini(&scn);
	return failed;
}
