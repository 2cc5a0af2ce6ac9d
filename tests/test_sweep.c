/*
 * ccsim sweep: the RONA study as one command gives, point by point, the figures of separate
 * runs bit for bit (every /summary and /replications dataset); its paired differences equal
 * those computed here from the per-replication totals; grid and --zip points and labels;
 * --threads 1 and 4 (several points at once) give the same file; and every usage error
 * exits 2, naming what is wrong, with no file left behind.
 */
#include "cliutil.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

#include "models/figures/metrics.h"
#include "models/output/schema.h"
#include "sim/alloc.h"
#include "sim/h5read.h"

static const char rona_timeouts[] = "6s,12s,18s,30s,60s";
static const char *const rona_values[] = { "6s", "12s", "18s", "30s", "60s" };
enum { RONA_POINTS = 5, RONA_REPS = 6 };

/* Dataset PATH of F as doubles, or NULL when F has no such dataset. */
static double *read_or_null(struct cc_h5_reader *f, const char *path, size_t *n)
{
	double *v = NULL;
	if (cc_h5_kind(f, path) != 2)
		return NULL;
	assert_int_equal(cc_h5_read_doubles(f, path, &v, n), CC_OK);
	return v;
}

/* Compares dataset PATH of A's point A_POINT (of A_POINTS; 0 points: a run's file) with B's
 * point B_POINT, bit for bit; returns 1 when both files have it, 0 when neither has. */
static int same_dataset(struct cc_h5_reader *a, size_t a_points, size_t a_point,
                        struct cc_h5_reader *b, size_t b_points, size_t b_point, const char *path)
{
	size_t na = 0, nb = 0;
	double *va = read_or_null(a, path, &na), *vb = read_or_null(b, path, &nb);
	if (!va || !vb) {
		if (va || vb)
			fail_msg("%s is in one file only", path);
		return 0;
	}
	size_t sa = a_points ? na / a_points : na, sb = b_points ? nb / b_points : nb;
	if (sa != sb)
		fail_msg("%s: %zu values a point against %zu", path, sa, sb);
	if (memcmp(va + a_point * sa, vb + b_point * sb, sa * sizeof *va) != 0)
		fail_msg("%s differs at points %zu and %zu", path, a_point + 1, b_point + 1);
	cc_free(va);
	cc_free(vb);
	return 1;
}

/* Every figure of every view and every count of A's point A_POINT and B's point B_POINT are
 * the same, bit for bit; returns how many datasets were compared. */
static size_t same_point(const char *a_path, size_t a_points, size_t a_point, const char *b_path,
                         size_t b_points, size_t b_point)
{
	struct cc_h5_reader *a, *b;
	char err[512], path[256];
	assert_int_equal(cc_h5_reader_open(a_path, &a, err, sizeof err), CC_OK);
	assert_int_equal(cc_h5_reader_open(b_path, &b, err, sizeof err), CC_OK);
	size_t nf, nc, compared = 0;
	const struct cc_figure *figs = cc_figures(&nf);
	const struct cc_count_field *counts = cc_count_fields(&nc);
	for (size_t v = 0; v < CC_VIEW_COUNT; v++)
		for (size_t f = 0; f < nf; f++) {
			snprintf(path, sizeof path, "%s/%s/%s", cc_views[v].dir,
			         cc_figure_owner_name(figs[f].owner), figs[f].name);
			compared += (size_t)same_dataset(a, a_points, a_point, b, b_points, b_point, path);
		}
	for (size_t i = 0; i < nc; i++) {
		snprintf(path, sizeof path, "/replications/counts/%s", counts[i].name);
		compared += (size_t)same_dataset(a, a_points, a_point, b, b_points, b_point, path);
	}
	cc_h5_reader_close(a);
	cc_h5_reader_close(b);
	return compared;
}

static void remove_results(void)
{
	assert_int_equal(sh("rm -f '%s'/*.h5", dir), 0);
}

static void test_sweep_rona_equals_runs(void **state)
{
	(void)state;
	static char out[1 << 16];
	char sweep[512], one[512];
	snprintf(sweep, sizeof sweep, "%s/rona-sweep.h5", dir);
	assert_int_equal(run(out, sizeof out, "sweep scenarios/rona-study.cfg --vary "
	                 "channels.voice.offer_timeout=%s --replications %d --threads 2 -o %s",
	                 rona_timeouts, RONA_REPS, sweep), 0);
	assert_non_null(strstr(out, "rona-study: sweep of 5 points, 6 replications each"));
	assert_non_null(strstr(out, "support.service_level"));
	for (size_t p = 0; p < RONA_POINTS; p++) {
		snprintf(one, sizeof one, "%s/rona-%s.h5", dir, rona_values[p]);
		assert_int_equal(run(out, sizeof out, "run scenarios/rona-study.cfg --set "
		                 "channels.voice.offer_timeout=%s --replications %d --quiet -o %s",
		                 rona_values[p], RONA_REPS, one), 0);
		/* Every figure of every owner in three views, and every count. */
		assert_true(same_point(sweep, RONA_POINTS, p, one, 0, 0) > 100);
	}
	/* The point coordinate and the varied setting's values, as written. */
	struct cc_h5_reader *f;
	char err[512], **labels, **values;
	size_t n, nv;
	assert_int_equal(cc_h5_reader_open(sweep, &f, err, sizeof err), CC_OK);
	assert_int_equal(cc_h5_read_strings(f, "/summary/totals/queues/point", &labels, &n), CC_OK);
	assert_int_equal(cc_h5_read_strings(f, "/summary/totals/queues/channels.voice.offer_timeout",
	                                    &values, &nv), CC_OK);
	assert_int_equal(n, RONA_POINTS);
	assert_int_equal(nv, RONA_POINTS);
	assert_string_equal(labels[1], "channels.voice.offer_timeout=12s");
	assert_string_equal(values[4], "60s");
	assert_int_equal(cc_h5_kind(f, "/contacts"), 0);
	cc_h5_strings_free(labels, n);
	cc_h5_strings_free(values, nv);
	cc_h5_reader_close(f);
	remove_results();
}

/* The paired difference of point P against BASE in queue figure FIG, computed here from the
 * per-replication totals [points][reps] of the file's one queue, against /sweep/diff. */
static void check_diff(struct cc_h5_reader *f, const char *fig, size_t p, size_t base)
{
	char path[256];
	size_t n, nd;
	double *x, *diff;
	snprintf(path, sizeof path, "/replications/totals/queues/%s", fig);
	assert_int_equal(cc_h5_read_doubles(f, path, &x, &n), CC_OK);
	assert_int_equal(n, RONA_POINTS * RONA_REPS);
	snprintf(path, sizeof path, "/sweep/diff/totals/queues/%s", fig);
	assert_int_equal(cc_h5_read_doubles(f, path, &diff, &nd), CC_OK);
	assert_int_equal(nd, RONA_POINTS * CC_DIFF_STATS);
	double d[RONA_REPS], mean = 0, ss = 0;
	for (size_t i = 0; i < RONA_REPS; i++) {
		d[i] = x[p * RONA_REPS + i] - x[base * RONA_REPS + i];
		mean += d[i] / RONA_REPS;
	}
	for (size_t i = 0; i < RONA_REPS; i++)
		ss += (d[i] - mean) * (d[i] - mean);
	double se = sqrt(ss / (RONA_REPS - 1) / RONA_REPS);
	double t = gsl_cdf_tdist_Pinv(0.975, RONA_REPS - 1);
	double pval = 2 * gsl_cdf_tdist_Q(fabs(mean / se), RONA_REPS - 1);
	const double *got = diff + p * CC_DIFF_STATS;
	assert_true(se > 0);
	assert_near(got[CC_DIFF_DIFF], mean, 1e-12 * (1 + fabs(mean)));
	assert_near(got[CC_DIFF_LO], mean - t * se, 1e-9 * (1 + fabs(mean)));
	assert_near(got[CC_DIFF_HI], mean + t * se, 1e-9 * (1 + fabs(mean)));
	assert_near(got[CC_DIFF_P], pval, 1e-9);
	/* The base point against itself: no difference. */
	assert_true(diff[base * CC_DIFF_STATS + CC_DIFF_DIFF] == 0);
	cc_free(x);
	cc_free(diff);
}

static void test_sweep_paired_differences(void **state)
{
	(void)state;
	static char out[1 << 16];
	char sweep[512];
	snprintf(sweep, sizeof sweep, "%s/diff.h5", dir);
	assert_int_equal(run(out, sizeof out, "sweep scenarios/rona-study.cfg --vary "
	                 "channels.voice.offer_timeout=%s --replications %d --threads 2 -o %s "
	                 "--base channels.voice.offer_timeout=12s --show rona_rate,support.asa_s "
	                 "--json", rona_timeouts, RONA_REPS, sweep), 0);
	assert_non_null(strstr(out, "\"base\": 2"));
	assert_non_null(strstr(out, "\"support.asa_s\": {\"mean\": "));
	struct cc_h5_reader *f;
	char err[512];
	assert_int_equal(cc_h5_reader_open(sweep, &f, err, sizeof err), CC_OK);
	int64_t base = 0;
	assert_true(cc_h5_read_attr_int64(f, "/", "sweep_base", &base));
	assert_int_equal(base, 2);
	/* 6 s and 18 s against their neighbour 12 s. */
	static const char *const figs[] = { "rona_rate", "service_level", "asa_s", "offered" };
	for (size_t i = 0; i < sizeof figs / sizeof figs[0]; i++)
		if (strcmp(figs[i], "offered") != 0) {
			check_diff(f, figs[i], 0, 1);
			check_diff(f, figs[i], 2, 1);
		}
	/* The same contacts at every point: offered differs by nothing. */
	double *diff;
	size_t nd;
	assert_int_equal(cc_h5_read_doubles(f, "/sweep/diff/totals/queues/offered", &diff, &nd), CC_OK);
	for (size_t p = 0; p < RONA_POINTS; p++)
		assert_true(diff[p * CC_DIFF_STATS + CC_DIFF_DIFF] == 0);
	cc_free(diff);
	cc_h5_reader_close(f);
	remove_results();
}

/* The labels of the points of the sweep file PATH; returns how many. */
static size_t point_labels(const char *path, char ***labels)
{
	struct cc_h5_reader *f;
	char err[512];
	size_t n;
	assert_int_equal(cc_h5_reader_open(path, &f, err, sizeof err), CC_OK);
	assert_int_equal(cc_h5_read_strings(f, "/replications/counts/point", labels, &n), CC_OK);
	cc_h5_reader_close(f);
	return n;
}

static void test_sweep_grid_and_zip(void **state)
{
	(void)state;
	static char out[1 << 16];
	char path[512], **labels;
	snprintf(path, sizeof path, "%s/grid.h5", dir);
	assert_int_equal(run(out, sizeof out, "sweep scenarios/rona-study.cfg --replications 2 "
	                 "--vary channels.voice.offer_timeout=6s,12s --vary agents.team.count=14,15,16 "
	                 "--quiet -o %s", path), 0);
	assert_string_equal(out, "");
	size_t n = point_labels(path, &labels);
	assert_int_equal(n, 6);
	assert_string_equal(labels[0], "channels.voice.offer_timeout=6s, agents.team.count=14");
	assert_string_equal(labels[1], "channels.voice.offer_timeout=6s, agents.team.count=15");
	assert_string_equal(labels[5], "channels.voice.offer_timeout=12s, agents.team.count=16");
	cc_h5_strings_free(labels, n);
	assert_int_equal(run(out, sizeof out, "sweep scenarios/rona-study.cfg --replications 2 "
	                 "--vary channels.voice.offer_timeout=6s,12s,18s --vary agents.team.count=14,15,16 "
	                 "--zip --quiet -o %s", path), 0);
	n = point_labels(path, &labels);
	assert_int_equal(n, 3);
	assert_string_equal(labels[2], "channels.voice.offer_timeout=18s, agents.team.count=16");
	cc_h5_strings_free(labels, n);
	/* A list value: its commas do not split it. */
	assert_int_equal(run(out, sizeof out, "sweep scenarios/rona-study.cfg --replications 2 "
	                 "--vary 'queues.support.arrivals.per_hour=[160.0, 170.0],180.0' --quiet -o %s",
	                 path), 0);
	n = point_labels(path, &labels);
	assert_int_equal(n, 2);
	assert_string_equal(labels[0], "queues.support.arrivals.per_hour=[160.0, 170.0]");
	cc_h5_strings_free(labels, n);
	remove_results();
}

static void test_sweep_threads(void **state)
{
	(void)state;
	static char out[1 << 16];
	char one[512], four[512], single[512];
	snprintf(one, sizeof one, "%s/t1.h5", dir);
	snprintf(four, sizeof four, "%s/t4.h5", dir);
	snprintf(single, sizeof single, "%s/single.h5", dir);
	/* Two replications on four threads: two points at once, two threads each; the day
	 * scenario writes every replication's interval figures too. */
	const char *vary = "--vary agents.team.shifts.[0].count=4,5,6 --replications 2 --quiet";
	assert_int_equal(run(out, sizeof out, "sweep %s/day.cfg %s --threads 1 -o %s", dir, vary,
	                 one), 0);
	assert_int_equal(run(out, sizeof out, "sweep %s/day.cfg %s --threads 4 -o %s", dir, vary,
	                 four), 0);
	for (size_t p = 0; p < 3; p++)
		assert_true(same_point(one, 3, p, four, 3, p) > 100);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg --set agents.team.shifts.[0].count=6 "
	                 "--replications 2 --quiet -o %s", dir, single), 0);
	assert_true(same_point(four, 3, 2, single, 0, 0) > 100);
	struct cc_h5_reader *f;
	char err[512];
	assert_int_equal(cc_h5_reader_open(four, &f, err, sizeof err), CC_OK);
	assert_int_equal(cc_h5_kind(f, "/replications/intervals/queues/service_level"), 2);
	cc_h5_reader_close(f);
	/* xarray (both engines) and h5py read it with no ccsim code. */
	assert_int_equal(sh("/usr/bin/python3 tests/check_results.py sweep '%s'", four), 0);
	remove_results();
}

/* To a precision: every point runs the same batches until each point's half-width meets the
 * target; the file equals a plain sweep of that many replications, on 1 and 2 threads. */
static void test_sweep_precision(void **state)
{
	(void)state;
	static char out[1 << 16];
	char p1[512], p2[512], plain[512];
	snprintf(p1, sizeof p1, "%s/p1.h5", dir);
	snprintf(p2, sizeof p2, "%s/p2.h5", dir);
	snprintf(plain, sizeof plain, "%s/plain.h5", dir);
	const char *vary = "--vary agents.team.shifts.[0].count=4,6 --replications 3 "
	                   "--precision 'sales.service_level=3pt' --precision 'help.asa_s=50%'";
	assert_int_equal(run(out, sizeof out, "sweep %s/day.cfg %s --threads 1 -o %s", dir, vary,
	                 p1), 0);
	struct cc_h5_reader *f;
	char err[512];
	int64_t n = 0;
	assert_int_equal(cc_h5_reader_open(p1, &f, err, sizeof err), CC_OK);
	assert_true(cc_h5_read_attr_int64(f, "/", "replications", &n));
	assert_true(n > 5); /* more than the first batch */
	double *sl, *asa;
	size_t nsl, nasa;
	/* [point][queue: sales, help][statistic: mean, ci95] */
	assert_int_equal(cc_h5_read_doubles(f, "/summary/totals/queues/service_level", &sl, &nsl),
	                 CC_OK);
	assert_int_equal(cc_h5_read_doubles(f, "/summary/totals/queues/asa_s", &asa, &nasa), CC_OK);
	assert_int_equal(nsl, 8);
	for (size_t p = 0; p < 2; p++) {
		assert_true(sl[p * 4 + 1] <= 0.03);
		assert_true(asa[p * 4 + 3] <= 0.5 * asa[p * 4 + 2]);
	}
	cc_free(sl);
	cc_free(asa);
	cc_h5_reader_close(f);
	char said[128];
	/* The widest is the point with the largest half-width against its target: fewer agents,
	 * point 1, has the wider service level. */
	snprintf(said, sizeof said, "precision of every point (the widest at point 1)");
	if (!strstr(out, said) || !strstr(out, "every target met"))
		fail_msg("no precision summary: %s", out);
	snprintf(said, sizeof said, ": %lld replications", (long long)n);
	assert_non_null(strstr(out, said));
	assert_int_equal(run(out, sizeof out, "sweep %s/day.cfg %s --threads 2 --quiet -o %s", dir,
	                 vary, p2), 0);
	assert_int_equal(run(out, sizeof out, "sweep %s/day.cfg --vary "
	                 "agents.team.shifts.[0].count=4,6 --replications %lld --quiet -o %s", dir,
	                 (long long)n, plain), 0);
	for (size_t p = 0; p < 2; p++) {
		assert_true(same_point(p1, 2, p, p2, 2, p) > 100);
		assert_true(same_point(p1, 2, p, plain, 2, p) > 100);
	}
	assert_int_equal(sh("/usr/bin/python3 tests/check_results.py sweep '%s'", p1), 0);
	assert_int_equal(run(out, sizeof out, "sweep %s/day.cfg --vary agents.team.shifts.[0].count=4,6 "
	                 "--max-replications 9 -o %s", dir, p2), 2);
	assert_non_null(strstr(out, "--max-replications goes with --precision"));
	remove_results();
}

static void test_sweep_errors(void **state)
{
	(void)state;
	static char out[1 << 16];
	const char *rona = "sweep scenarios/rona-study.cfg --replications 2";
	/* Usage errors, each with what it says: a bad value names its point, and nothing runs
	 * or is written. */
	static const struct { const char *args, *says; } bad[] = {
		{ "--vary channels.voice.offer_timeout=6s,12s,0s",
		  "sweep: point 3 (channels.voice.offer_timeout=0s): " },
		{ "--vary nothing.here=1,2", "sweep: point 1 (nothing.here=1): " },
		{ "--vary channels.voice.offer_timeout=6s,12s --vary agents.team.count=14,15,16 --zip",
		  "--zip needs lists of equal length" },
		{ "--vary channels.voice.offer_timeout=6s,12s --show service_level,bogus",
		  "--show: no figure 'bogus'" },
		{ "--vary channels.voice.offer_timeout=6s,12s --show nobody.service_level",
		  "--show: no figure 'nobody.service_level'" },
		{ "--vary channels.voice.offer_timeout=6s,12s --base 3", "--base 3: no such point" },
		{ "--vary channels.voice.offer_timeout=6s,12s --base 0", "--base 0: no such point" },
		{ "--vary channels.voice.offer_timeout=6s,12s --base channels.voice.offer_timeout=7s",
		  "no such point" },
		{ "", "what to vary?" },
		{ "--vary channels.voice.offer_timeout=", "write PATH=V1,V2,..." },
		{ "--vary channels.voice.offer_timeout=6s,,12s", "an empty value" },
		{ "--vary channels.voice.offer_timeout=6s --bogus", "unknown option '--bogus'" },
		/* A point that changes the file's layout. */
		{ "--vary interval=30m,1h", "sweep: point 2 (interval=1h): changes the horizon" },
		/* What every point shares, a path or a value given twice. */
		{ "--vary seed=1,2 --seed 5", "--vary seed: every point shares the seed" },
		{ "--vary replications=2,3", "--vary replications: every point shares" },
		{ "--vary agents.team.count=14,15 --vary agents.team.count=16",
		  "--vary agents.team.count is given twice" },
		{ "--vary agents.team.count=14,15,14", "the value 14 is given twice" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = run(out, sizeof out, "%s %s -o %s/bad.h5", rona, bad[i].args, dir);
		if (rc != 2 || !strstr(out, bad[i].says))
			fail_msg("'%s': exit %d, '%s'", bad[i].args, rc, out);
	}
	/* A sweep's file is no run's: compare says so (exit 2). */
	assert_int_equal(run(out, sizeof out, "%s --vary channels.voice.offer_timeout=6s,12s --quiet "
	                 "-o %s/two.h5", rona, dir), 0);
	assert_int_equal(run(out, sizeof out, "compare %s/two.h5 %s/two.h5", dir, dir), 2);
	assert_non_null(strstr(out, "two.h5: a sweep's file (ccsim sweep), 2 points"));
	assert_int_equal(sh("rm -f %s/two.h5", dir), 0);
	/* A file that cannot be written: exit 1, nothing left. */
	assert_int_equal(run(out, sizeof out, "%s --vary channels.voice.offer_timeout=6s "
	                 "-o %s/none/x.h5", rona, dir), 1);
	expect_no_results();
	/* Stopped by SIGINT while the points run: 130, a message, no file. */
	assert_int_equal(sh("'%s' sweep scenarios/rona-study.cfg --replications 100000 --threads 2 "
	                    "--vary channels.voice.offer_timeout=6s,12s -o %s/stop.h5 2>%s/stop.err & "
	                    "pid=$!; sleep 0.7; kill -INT $pid; wait $pid", ccsim(), dir, dir), 130);
	char errfile[512];
	snprintf(errfile, sizeof errfile, "%s/stop.err", dir);
	char *msg = tu_read_file_or_fail(errfile);
	assert_non_null(strstr(msg, "ccsim: stopped by SIGINT: no results written"));
	free(msg);
	expect_no_results();
	/* Contact records asked for: one note, none written. */
	assert_int_equal(run(out, sizeof out, "%s --vary channels.voice.offer_timeout=6s,12s "
	                 "--set output.contact_records=true -o %s/rec.h5", rona, dir), 0);
	assert_non_null(strstr(out, "a sweep writes no contact records"));
	assert_null(strstr(strstr(out, "a sweep writes no") + 1, "a sweep writes no"));
	remove_results();
	assert_int_equal(run(out, sizeof out, "sweep --help"), 0);
	assert_non_null(strstr(out, "usage: ccsim sweep SCENARIO --vary PATH=V1,V2,..."));
	assert_non_null(strstr(out, "no\ncontact records or agent events"));
	assert_int_equal(run(out, sizeof out, "sweep --vary x=1 --set -h --help"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_precision),
		cmocka_unit_test(test_sweep_errors),
		cmocka_unit_test(test_sweep_rona_equals_runs),
		cmocka_unit_test(test_sweep_paired_differences),
		cmocka_unit_test(test_sweep_grid_and_zip),
		cmocka_unit_test(test_sweep_threads),
	};
	return cmocka_run_group_tests(tests, setup_day, teardown);
}
