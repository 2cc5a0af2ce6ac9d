/*
 * ccsim compare (models/output/compare.c): the statistics against values computed with
 * scipy (scipy.stats.ttest_rel, ttest_ind(equal_var=False), t.ppf, t.cdf) for a small data
 * set, Holm by hand, --fail-if parsing and its errors, and the command on real runs of the
 * day scenario: identical runs, one agent fewer, paired against Welch, files that cannot be
 * compared, and the exit codes; the scenario form, against two runs and a comparison of
 * their files; and --intervals, per interval against values computed from the files.
 */
#include "cliutil.h"
#include "h5util.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

#include "models/output/compare.h"
#include "sim/alloc.h"
#include "sim/h5read.h"
#include "sim/macros.h"

static const double base6[] = { 0.812, 0.779, 0.845, 0.801, 0.768, 0.833 };
static const double cand6[] = { 0.790, 0.771, 0.819, 0.788, 0.740, 0.826 };

static void test_compare_paired_by_hand(void **state)
{
	(void)state;
	struct cc_diff d;
	cc_compare_diff(base6, 6, cand6, 6, 1, 0.95, &d);
	assert_int_equal(d.paired, 1);
	assert_int_equal(d.n_base, 6);
	assert_near(d.diff, -0.01733333333333335, 1e-12);
	assert_near(d.df, 5, 0);
	assert_near(d.lo, -0.026989662025492647, 1e-9);
	assert_near(d.hi, -0.007677004641174054, 1e-9);
	assert_near(d.p, 0.005765327573981415, 1e-9);
	assert_near(d.base_hw, 0.031424713145330366, 1e-9);
	/* One-sided: H1 "below -0.01" (a -1pt gate). */
	assert_near(cc_compare_p_beyond(&d, -0.01, 1), 0.05418333398763519, 1e-9);
	assert_true(cc_compare_p_beyond(&d, -0.01, 0) > 0.9);
}

static void test_compare_welch_by_hand(void **state)
{
	(void)state;
	struct cc_diff d;
	cc_compare_diff(base6, 6, cand6, 6, 0, 0.95, &d);
	assert_int_equal(d.paired, 0);
	assert_near(d.se, 0.017775763774808027, 1e-12);
	assert_near(d.df, 9.970836063296957, 1e-9);
	assert_near(d.lo, -0.05695591173709058, 1e-9);
	assert_near(d.hi, 0.022289245070423958, 1e-9);
	assert_near(d.p, 0.3525687531917234, 1e-9);
	/* Unequal sizes, and NaN (an undefined figure) left out. */
	const double cand[] = { 0.790, NAN, 0.771, 0.819, 0.788 };
	cc_compare_diff(base6, 6, cand, 5, 0, 0.95, &d);
	assert_int_equal(d.n_cand, 4);
	assert_near(d.p, 0.38995166331117626, 1e-9);
}

static void test_compare_zero_variance(void **state)
{
	(void)state;
	const double same[] = { 0.7, 0.7, 0.7 }, up[] = { 0.72, 0.72, 0.72 };
	struct cc_diff d;
	/* Identical: no difference, p 1, never beyond a margin, not even a zero one. */
	cc_compare_diff(base6, 6, base6, 6, 1, 0.95, &d);
	assert_true(d.diff == 0 && d.se == 0 && d.lo == 0 && d.hi == 0 && d.p == 1);
	assert_true(cc_compare_p_beyond(&d, 0, 1) == 1 && cc_compare_p_beyond(&d, 0, 0) == 1);
	/* Constant shift: certain. */
	cc_compare_diff(same, 3, up, 3, 0, 0.95, &d);
	assert_near(d.diff, 0.02, 1e-12);
	assert_true(d.p == 0);
	assert_true(cc_compare_p_beyond(&d, 0.01, 0) == 0);
	assert_true(cc_compare_p_beyond(&d, 0.03, 0) == 1);
	/* One value: no interval. */
	cc_compare_diff(same, 1, up, 1, 1, 0.95, &d);
	assert_true(isnan(d.se) && isnan(d.p) && isnan(cc_compare_p_beyond(&d, 0, 0)));
}

static void test_compare_holm(void **state)
{
	(void)state;
	const double p1[] = { 0.01, 0.04, 0.03, NAN };
	int r[4];
	cc_compare_holm(p1, 4, 0.05, r); /* 0.01 <= 0.05/4; 0.03 > 0.05/3 stops */
	assert_true(r[0] == 1 && r[1] == 0 && r[2] == 0 && r[3] == 0);
	const double p2[] = { 0.5, 0.02, 0.001 };
	cc_compare_holm(p2, 3, 0.05, r); /* 0.001 <= 0.05/3, 0.02 <= 0.05/2, 0.5 > 0.05 */
	assert_true(r[0] == 0 && r[1] == 1 && r[2] == 1);
	cc_compare_holm(p2, 0, 0.05, r);
}

static void test_compare_gate_parse(void **state)
{
	(void)state;
	struct cc_gate g;
	char err[256];
	assert_int_equal(cc_gate_parse("sales.service_level < -1pt", &g, err, sizeof err), CC_OK);
	assert_string_equal(g.ref.owner, "sales");
	assert_string_equal(g.ref.figure, "service_level");
	assert_true(g.below && g.margin.kind == CC_AMOUNT_POINTS && g.margin.value == 1);
	assert_int_equal(cc_gate_parse("asa_s>+5%", &g, err, sizeof err), CC_OK);
	assert_true(!g.ref.owner[0] && !g.below && g.margin.kind == CC_AMOUNT_PERCENT && g.margin.value == 5);
	assert_int_equal(cc_gate_parse(" any.abandon_rate > 0.5pt ", &g, err, sizeof err), CC_OK);
	assert_string_equal(g.ref.owner, "any");
	assert_near(g.margin.value, 0.5, 0);
	assert_int_equal(cc_gate_parse("a.b.asa_s > 1m30s", &g, err, sizeof err), CC_OK);
	assert_string_equal(g.ref.owner, "a.b");
	assert_true(g.margin.kind == CC_AMOUNT_SECONDS && g.margin.value == 90);
	assert_int_equal(cc_gate_parse("occupancy < 0.025", &g, err, sizeof err), CC_OK);
	assert_true(g.margin.kind == CC_AMOUNT_UNITS && g.margin.value == 0.025);
	static const struct { const char *text, *says; } bad[] = {
		{ "service_level -1pt", "no operator" },
		{ "service_level <= -1pt", "one operator" },
		{ "service_level < +1pt", "below base" },
		{ "asa_s > -5%", "above base" },
		{ " < 1pt", "which figure" },
		{ "sales. < 1pt", "empty owner or figure" },
		{ ".asa_s > 1", "empty owner or figure" },
		{ "asa_s >", "no margin" },
		{ "asa_s > five", "not a number" },
		{ "asa_s > 5 parsecs", "unknown margin unit" },
		{ "asa_s > 1e999", "not a finite number" },
	};
	for (size_t i = 0; i < CC_ARRAY_SIZE(bad); i++) {
		assert_int_equal(cc_gate_parse(bad[i].text, &g, err, sizeof err), CC_ERR_USAGE);
		assert_non_null(strstr(err, bad[i].text));
		if (!strstr(err, bad[i].says))
			fail_msg("'%s' says '%s'", bad[i].text, err);
	}
}

/* The per-replication totals of queue figure FIG of queue Q in PATH. */
static double *read_totals(const char *path, const char *fig, size_t q, size_t *n)
{
	struct cc_h5_reader *r;
	char err[256], p[256];
	assert_int_equal(cc_h5_reader_open(path, &r, err, sizeof err), CC_OK);
	snprintf(p, sizeof p, "/replications/totals/queues/%s", fig);
	double *v;
	size_t count;
	assert_int_equal(cc_h5_read_doubles(r, p, &v, &count), CC_OK);
	cc_h5_reader_close(r);
	*n = count / 2; /* two queues */
	for (size_t i = 0; i < *n; i++)
		v[i] = v[2 * i + q];
	return v;
}

static void test_compare_runs(void **state)
{
	(void)state;
	static char out[1 << 20];
	const char *opts = "--replications 20 --quiet";
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/a.h5 %s", dir, dir, opts), 0);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/b.h5 %s", dir, dir, opts), 0);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/fewer.h5 %s --set "
	                     "'agents.[0].shifts.[0].count=4'", dir, dir, opts), 0);

	/* Identical runs: zero differences, no gate fails, even with zero margins. */
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/b.h5 --fail-if "
	                     "'service_level < 0pt' --fail-if 'asa_s > 0%%' --fail-if 'occupancy > 0' "
	                     "--json", dir, dir), 0);
	assert_non_null(strstr(out, "\"method\": \"paired\""));
	assert_null(strstr(out, "\"failed\": true"));
	assert_null(strstr(out, "\"worse\": true"));
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/b.h5 --json > %s/same.json",
	                     dir, dir, dir), 0);
	assert_int_equal(sh("/usr/bin/python3 -c \"import json; d=json.load(open('%s/same.json')); "
	                    "assert all(f['difference'] in (0, None) for f in d['figures'])\"", dir), 0);

	/* One sales agent fewer all day: sales' service level falls, surely beyond 1pt (by
	 * about 16pt); the help desk, untouched, passes. */
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/fewer.h5 --fail-if "
	                     "'sales.service_level < -1pt' --fail-if 'help.service_level < -5pt'",
	                     dir, dir), 3);
	assert_non_null(strstr(out, "paired by replication"));
	assert_non_null(strstr(out, "(agents.[0].shifts.[0].count=4)"));
	assert_non_null(strstr(out, "  FAIL   sales.service_level < -1pt"));
	assert_non_null(strstr(out, "  pass   help.service_level < -5pt"));
	assert_non_null(strstr(out, "worse, GATE FAILED"));
	assert_non_null(strstr(out, "a gate failed"));
	struct cc_comparison *c;
	char err[512], a[256], b[256];
	snprintf(a, sizeof a, "%s/a.h5", dir);
	snprintf(b, sizeof b, "%s/fewer.h5", dir);
	assert_int_equal(cc_compare_files(a, b, 0.95, 0, &c, err, sizeof err), CC_OK);
	assert_true(c->paired);
	struct cc_gate gate;
	assert_int_equal(cc_gate_parse("service_level < -1pt", &gate, err, sizeof err), CC_OK);
	assert_int_equal(cc_compare_gates(c, &gate, 1, 0.05, err, sizeof err), CC_OK);
	assert_int_equal(c->n_tests, 4); /* sales, help, and the voice and chat channels */
	assert_true(c->failed);
	int seen = 0;
	for (size_t r = 0; r < c->n_rows; r++) {
		const struct cc_compare_row *x = &c->rows[r];
		if (x->owner == CC_FIG_QUEUE && strcmp(x->entity, "sales") == 0 &&
		    strcmp(x->figure, "service_level") == 0) {
			seen = 1;
			assert_true(x->d.diff < -0.1 && x->d.hi < 0 && x->worse && x->gate_failed);
		}
		if (x->owner == CC_FIG_QUEUE && strcmp(x->figure, "offered") == 0)
			assert_true(x->d.diff == 0); /* the same contacts */
	}
	assert_true(seen);
	cc_comparison_destroy(c);

	/* Paired on common random numbers is narrower than Welch on the same data. */
	size_t nb, nc;
	double *xb = read_totals(a, "service_level", 0, &nb);
	double *xc = read_totals(b, "service_level", 0, &nc);
	struct cc_diff dp, dw;
	cc_compare_diff(xb, nb, xc, nc, 1, 0.95, &dp);
	cc_compare_diff(xb, nb, xc, nc, 0, 0.95, &dw);
	assert_near(dp.diff, dw.diff, 1e-12);
	assert_true(dp.hi - dp.lo < 0.8 * (dw.hi - dw.lo));
	cc_free(xb);
	cc_free(xc);

	/* Another seed: Welch, and said so. */
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/seed.h5 %s --seed 99", dir,
	                     dir, opts), 0);
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/seed.h5 --markdown", dir, dir), 0);
	assert_non_null(strstr(out, "Welch"));
	assert_non_null(strstr(out, "| queues | sales | service_level |"));

	/* Seeds that differ only beyond a double's 53 bits are different seeds. */
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/s1.h5 --replications 2 --quiet "
	                     "--seed 9223372036854775807", dir, dir), 0);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/s2.h5 --replications 2 --quiet "
	                     "--seed 9223372036854775806", dir, dir), 0);
	assert_int_equal(run(out, sizeof out, "compare %s/s1.h5 %s/s2.h5", dir, dir), 0);
	assert_non_null(strstr(out, "Welch"));
	assert_int_equal(run(out, sizeof out, "compare %s/s1.h5 %s/s1.h5", dir, dir), 0);
	assert_non_null(strstr(out, "paired by replication"));

	/* Files that cannot be compared, bad gates, bad usage, I/O: 2, 2, 2, 1. */
	assert_int_equal(sh("sed s/help/support/g '%s/day.cfg' > '%s/other.cfg'", dir, dir), 0);
	assert_int_equal(run(out, sizeof out, "run %s/other.cfg -o %s/other.h5 --replications 2 "
	                     "--quiet", dir, dir), 0);
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/other.h5", dir, dir), 2);
	assert_non_null(strstr(out, "cannot be compared: queue 'help' is not in the candidate"));
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/b.h5 --fail-if 'sl < 1pt'",
	                     dir, dir), 2);
	assert_non_null(strstr(out, "'sl < 1pt': no queue, group or channel figure named 'sl'"));
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/b.h5 --fail-if "
	                     "'nowhere.asa_s > 1s'", dir, dir), 2);
	assert_non_null(strstr(out, "no queue, group or channel named 'nowhere'"));
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/b.h5 --fail-if 'asa_s > 1pt'",
	                     dir, dir), 2);
	assert_non_null(strstr(out, "asa_s is in seconds"));
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/b.h5 --fail-if 'asa_s >> 1'",
	                     dir, dir), 2);
	assert_non_null(strstr(out, "--fail-if 'asa_s >> 1': one operator"));
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5", dir), 2);
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/b.h5 --alpha 2", dir, dir), 2);
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/b.h5 --bogus", dir, dir), 2);
	assert_int_equal(run(out, sizeof out, "compare %s/a.h5 %s/none.h5", dir, dir), 1);
	assert_int_equal(run(out, sizeof out, "compare --help"), 0);
	assert_non_null(strstr(out, "usage: ccsim compare BASE.h5 CANDIDATE.h5"));
}

/* "ccsim compare SCENARIO --base-set ... --candidate-set ...": the two runs in-process. */
static void test_compare_scenario(void **state)
{
	(void)state;
	static char out[1 << 20];
	const char *fewer = "'agents.[0].shifts.[0].count=4'";
	const char *opts = "--replications 12 --seed 4711";

	/* The same figures, bit for bit, as two runs and a comparison of their files. */
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/r1.h5 %s --quiet", dir, dir,
	                     opts), 0);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/r2.h5 %s --quiet --set %s",
	                     dir, dir, opts, fewer), 0);
	assert_int_equal(sh("'%s' compare %s/r1.h5 %s/r2.h5 --json --fail-if 'service_level < "
	                    "-1pt' > %s/files.json", ccsim(), dir, dir, dir), 3);
	assert_int_equal(sh("mkdir %s/tmp && TMPDIR=%s/tmp '%s' compare %s/day.cfg %s --threads 2 "
	                    "--candidate-set %s --json --fail-if 'service_level < -1pt' "
	                    "> %s/scenario.json", dir, dir, ccsim(), dir, opts, fewer, dir), 3);
	assert_int_equal(sh("/usr/bin/python3 -c \"import json; a=open('%s/files.json').read(); "
	                    "b=open('%s/scenario.json').read(); "
	                    "assert a[a.index('\\\"method\\\"'):] == b[b.index('\\\"method\\\"'):]; "
	                    "d=json.loads(b); assert d['method'] == 'paired'; "
	                    "assert d['candidate']['overrides'] == 'agents.[0].shifts.[0].count=4'; "
	                    "assert d['base']['overrides'] == ''; assert d['failed']\"", dir, dir), 0);
	/* Nothing left on disk: the temporary directory is gone. */
	assert_int_equal(sh("test -z \"$(ls -A %s/tmp)\"", dir), 0);

	/* --base-out and --candidate-out keep the files, the same as 'ccsim run' writes. */
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg %s --base-set %s "
	                     "--base-out %s/kb.h5 --candidate-out %s/kc.h5", dir, opts, fewer, dir,
	                     dir), 0);
	assert_non_null(strstr(out, "paired by replication"));
	char kept[256];
	snprintf(kept, sizeof kept, "%s/kc.h5", dir);
	assert_true(exists(kept));
	assert_int_equal(sh("'%s' compare %s/kb.h5 %s/r1.h5 --json > %s/kept.json", ccsim(), dir,
	                    dir, dir), 0);
	assert_int_equal(sh("'%s' compare %s/r2.h5 %s/r1.h5 --json > %s/files2.json", ccsim(),
	                    dir, dir, dir), 0);
	assert_int_equal(sh("/usr/bin/python3 -c \"a=open('%s/files2.json').read(); "
	                    "b=open('%s/kept.json').read(); "
	                    "assert a[a.index('\\\"method\\\"'):] == b[b.index('\\\"method\\\"'):]\"",
	                    dir, dir), 0);

	/* Identical sides never fail, whatever the gates, --set applying to both. */
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg --replications 5 --set %s "
	                     "--fail-if 'service_level < 0pt' --fail-if 'asa_s > 0%%' "
	                     "--fail-if 'occupancy > 0' --json", dir, fewer), 0);
	assert_non_null(strstr(out, "\"method\": \"paired\""));
	assert_null(strstr(out, "\"failed\": true"));
	assert_null(strstr(out, "\"worse\": true"));
	assert_non_null(strstr(out, "\"overrides\": \"agents.[0].shifts.[0].count=4\""));
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg --replications 3 --markdown",
	                     dir), 0);
	assert_non_null(strstr(out, "### ccsim compare: no gate failed"));

	/* Bad overrides, named by side, before anything runs: 2. */
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg --base-set nope=1", dir), 2);
	assert_non_null(strstr(out, "compare: the base side: "));
	assert_non_null(strstr(out, "--set nope: unknown setting"));
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg --candidate-set "
	                     "'agents.[0].shifts.[0].count=-2.385'", dir), 2);
	assert_non_null(strstr(out, "compare: the candidate side: "));
	/* A shared --set, or the scenario itself, is nobody's side: the message is the loader's. */
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg --set nope=1", dir), 2);
	assert_null(strstr(out, " side: "));
	assert_non_null(strstr(out, "--set nope: unknown setting"));
	/* Usage: 2. */
	assert_int_equal(run(out, sizeof out, "compare %s/r1.h5 %s/r2.h5 --base-set %s", dir, dir,
	                     fewer), 2);
	assert_non_null(strstr(out, "need one scenario, not two files"));
	assert_int_equal(run(out, sizeof out, "compare %s/r1.h5", dir), 2);
	assert_non_null(strstr(out, "is a results file: compare needs two, or one scenario"));
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg --replications 0", dir), 2);
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg --base-set", dir), 2);
	assert_int_equal(run(out, sizeof out, "compare %s/none.cfg", dir), 2);
	/* A run that cannot write its file: 1, and nothing left behind. */
	assert_int_equal(sh("TMPDIR=%s/tmp '%s' compare %s/day.cfg --replications 2 "
	                    "--candidate-out %s/no/such/dir/c.h5 > /dev/null 2>&1", dir, ccsim(),
	                    dir, dir), 1);
	assert_int_equal(sh("test -z \"$(ls -A %s/tmp)\"", dir), 0);
}

/* The row of the comparison's per-interval rows for OWNER's ENTITY, FIGURE and INTERVAL. */
static const struct cc_compare_row *interval_row(const struct cc_comparison *c,
                                                 enum cc_figure_owner owner, const char *entity,
                                                 const char *figure, size_t interval)
{
	for (size_t r = 0; r < c->n_interval_rows; r++) {
		const struct cc_compare_row *x = &c->interval_rows[r];
		if (x->owner == owner && x->interval == interval && strcmp(x->entity, entity) == 0 &&
		    strcmp(x->figure, figure) == 0)
			return x;
	}
	fail_msg("no per-interval row %s.%s in interval %zu", entity, figure, interval);
	return NULL;
}

/* compare --intervals: every figure per interval, from /replications/intervals. */
static void test_compare_intervals(void **state)
{
	(void)state;
	static char out[1 << 22];
	enum { REPS = 10, NI = 20, NQ = 2 }; /* day.cfg: 10 h of 30 min, two queues */
	const char *opts = "--replications 10 --seed 4242 --quiet";
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/ia.h5 %s", dir, dir, opts), 0);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/ib.h5 %s", dir, dir, opts), 0);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/ifewer.h5 %s --set "
	                     "'agents.[0].shifts.[0].count=4'", dir, dir, opts), 0);
	char a[256], b[256], f[256], err[512];
	snprintf(a, sizeof a, "%s/ia.h5", dir);
	snprintf(b, sizeof b, "%s/ib.h5", dir);
	snprintf(f, sizeof f, "%s/ifewer.h5", dir);

	/* Identical files: every interval's difference is zero (or undefined), nothing is marked,
	 * and zero-margin gates never fail. */
	struct cc_comparison *c;
	assert_int_equal(cc_compare_files(a, b, 0.95, 1, &c, err, sizeof err), CC_OK);
	assert_true(c->paired && c->per_interval);
	assert_int_equal(c->n_intervals, NI);
	assert_string_equal(c->intervals[0].label, "07:00");
	assert_string_equal(c->intervals[9].label, "11:30");
	assert_true(c->intervals[9].start_s == 9 * 1800.0);
	assert_int_equal(c->n_interval_rows, c->n_rows * NI); /* every horizon row, per interval */
	for (size_t r = 0; r < c->n_interval_rows; r++) {
		const struct cc_compare_row *x = &c->interval_rows[r];
		assert_true(x->d.diff == 0 || isnan(x->d.diff));
		assert_true(!x->worse && !x->better && !x->gate_failed);
	}
	cc_comparison_destroy(c);
	assert_int_equal(run(out, sizeof out, "compare %s %s --intervals --fail-if "
	                     "'service_level < 0pt' --fail-if 'asa_s > 0%%' --json > %s/isame.json",
	                     a, b, dir), 0);
	assert_int_equal(sh("/usr/bin/python3 -c \"import json; d=json.load(open('%s/isame.json')); "
	                    "i=d['intervals']; assert len(i) == %d * len(d['figures']); "
	                    "assert all(r['difference'] in (0, None) and not r['worse'] and "
	                    "not r['better'] and not r['gate_failed'] for r in i); "
	                    "assert i[0]['clock'] == '07:00' and i[0]['start_s'] == 0; "
	                    "assert {r['interval'] for r in i} == set(range(%d)); "
	                    "assert set(i[0]) == set(d['figures'][0]) | {'interval', 'start_s', "
	                    "'clock'}; assert not d['failed']\"", dir, NI, NI), 0);

	/* One sales agent fewer all day: sales' service level falls, significantly, in the busy
	 * intervals (11:00 to 13:00, 120 calls an hour for 7 agents before, 6 after, at 200 s
	 * each: 6.7 erlangs) and its ASA rises; the help desk, untouched, is the same. */
	assert_int_equal(cc_compare_files(a, f, 0.95, 1, &c, err, sizeof err), CC_OK);
	assert_true(c->paired);
	for (size_t i = 8; i < 12; i++) {
		const struct cc_compare_row *sl = interval_row(c, CC_FIG_QUEUE, "sales",
		                                               "service_level", i);
		const struct cc_compare_row *asa = interval_row(c, CC_FIG_QUEUE, "sales", "asa_s", i);
		if (!(sl->d.hi < 0 && sl->worse && asa->d.lo > 0 && asa->worse))
			fail_msg("interval %zu: service level %g [%g, %g], ASA %g [%g, %g]", i,
			         sl->d.diff, sl->d.lo, sl->d.hi, asa->d.diff, asa->d.lo, asa->d.hi);
		const struct cc_compare_row *help = interval_row(c, CC_FIG_QUEUE, "help", "offered", i);
		assert_true(help->d.diff == 0 && !help->worse && !help->better);
	}

	/* One cell by hand: sales' service level at 11:00, the paired differences of the files'
	 * [replication, interval, queue] values, and the base mean against the file's summary. */
	hid_t fa = H5Fopen(a, H5F_ACC_RDONLY, H5P_DEFAULT), ff = H5Fopen(f, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(fa >= 0 && ff >= 0);
	const char *path = "/replications/intervals/queues/service_level";
	double *xa = tu_read_doubles(fa, path, REPS * NI * NQ);
	double *xf = tu_read_doubles(ff, path, REPS * NI * NQ);
	double *summary = tu_read_doubles(fa, "/summary/intervals/queues/service_level", NI * NQ * 2);
	const size_t k = 8, q = 0;
	double sum = 0, sum_a = 0;
	for (size_t i = 0; i < REPS; i++) {
		sum += xf[(i * NI + k) * NQ + q] - xa[(i * NI + k) * NQ + q];
		sum_a += xa[(i * NI + k) * NQ + q];
	}
	double mean = sum / REPS, ss = 0;
	for (size_t i = 0; i < REPS; i++) {
		double d = xf[(i * NI + k) * NQ + q] - xa[(i * NI + k) * NQ + q] - mean;
		ss += d * d;
	}
	double se = sqrt(ss / (REPS - 1) / REPS), t = gsl_cdf_tdist_Qinv(0.025, REPS - 1);
	const struct cc_compare_row *x = interval_row(c, CC_FIG_QUEUE, "sales", "service_level", k);
	assert_true(x->d.paired && x->d.n_base == REPS && x->d.df == REPS - 1);
	assert_near(x->d.diff, mean, 1e-12);
	assert_near(x->d.se, se, 1e-12);
	assert_near(x->d.lo, mean - t * se, 1e-12);
	assert_near(x->d.hi, mean + t * se, 1e-12);
	assert_near(x->d.p, 2 * gsl_cdf_tdist_Q(fabs(mean) / se, REPS - 1), 1e-12);
	assert_near(x->d.base_mean, sum_a / REPS, 1e-12);
	assert_near(x->d.base_mean, summary[(k * NQ + q) * 2], 1e-12); /* [interval, queue, mean] */
	free(xa);
	free(xf);
	free(summary);
	H5Fclose(fa);
	H5Fclose(ff);

	/* Gates test the whole-horizon rows only: the same tests with or without intervals. */
	struct cc_gate gate;
	assert_int_equal(cc_gate_parse("service_level < -1pt", &gate, err, sizeof err), CC_OK);
	assert_int_equal(cc_compare_gates(c, &gate, 1, 0.05, err, sizeof err), CC_OK);
	assert_int_equal(c->n_tests, 4); /* sales, help, voice, chat */
	for (size_t i = 0; i < c->n_tests; i++)
		assert_true(c->tests[i].row < c->n_rows);
	cc_comparison_destroy(c);

	/* The text, Markdown and JSON outputs. */
	assert_int_equal(run(out, sizeof out, "compare %s %s --intervals --fail-if "
	                     "'help.service_level < -5pt'", a, f), 0);
	assert_non_null(strstr(out, "\nqueues per interval\n"));
	assert_non_null(strstr(out, "gates test the whole horizon only"));
	char *at = strstr(out, "  sales          service_level                      11:00 ");
	assert_non_null(at);
	assert_non_null(strstr(at, "worse\n"));
	assert_true(strstr(out, "\nqueues per interval") > strstr(out, "\nchannels\n"));
	assert_true(strstr(out, "\ngates (") > strstr(out, "\nchannels per interval"));
	assert_int_equal(run(out, sizeof out, "compare %s %s --intervals --markdown", a, f), 0);
	assert_non_null(strstr(out, "\n<details><summary>Per interval (20 intervals): "));
	assert_non_null(strstr(out, "| queues | sales | service_level | 11:00 | "));
	assert_non_null(strstr(out, "\n</details>\n"));
	assert_int_equal(run(out, sizeof out, "compare %s %s --markdown", a, f), 0);
	assert_null(strstr(out, "<details>"));
	assert_int_equal(run(out, sizeof out, "compare %s %s --json", a, f), 0);
	assert_null(strstr(out, "\"intervals\""));

	/* A file without clock labels is labelled by start seconds. */
	assert_int_equal(sh("cp %s %s/noclock.h5 && /usr/bin/python3 -c \"import h5py; "
	                    "f=h5py.File('%s/noclock.h5', 'r+'); g=f['replications/intervals']; "
	                    "[g[o].__delitem__('clock') for o in g]\"", a, dir, dir), 0);
	char nc[256];
	snprintf(nc, sizeof nc, "%s/noclock.h5", dir);
	assert_int_equal(cc_compare_files(nc, f, 0.95, 1, &c, err, sizeof err), CC_OK);
	assert_string_equal(c->intervals[9].label, "16200s");
	cc_comparison_destroy(c);

	/* A file of totals only: 2, naming it and the setting (without --intervals it compares). */
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/itot.h5 %s --set "
	                     "output.replications=totals", dir, dir, opts), 0);
	assert_int_equal(run(out, sizeof out, "compare %s %s/itot.h5 --intervals", a, dir), 2);
	assert_non_null(strstr(out, "itot.h5 holds each replication's totals only"));
	assert_non_null(strstr(out, "--set output.replications=intervals"));
	assert_int_equal(run(out, sizeof out, "compare %s/itot.h5 %s --intervals", dir, a), 2);
	assert_non_null(strstr(out, "itot.h5 holds each replication's totals only"));
	assert_int_equal(run(out, sizeof out, "compare %s %s/itot.h5", a, dir), 0);

	/* Interval grids that differ: 2, saying how. */
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/ihour.h5 %s --set interval=1h",
	                     dir, dir, opts), 0);
	assert_int_equal(run(out, sizeof out, "compare %s %s/ihour.h5 --intervals", a, dir), 2);
	assert_non_null(strstr(out, "the base file has 20 intervals, the candidate file 10"));
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/iwarm.h5 %s --set warmup=15m",
	                     dir, dir, opts), 0);
	assert_int_equal(run(out, sizeof out, "compare %s %s/iwarm.h5 --intervals", a, dir), 2);
	assert_non_null(strstr(out, "interval 0 starts at 07:00 (0 s) in the base file, at 07:15 "
	                        "(900 s) in the candidate file"));

	/* The scenario form turns per-interval values on for both sides, and still pairs them,
	 * the overrides shown being the user's own. */
	assert_int_equal(sh("grep -v '^output' '%s/day.cfg' > '%s/itot.cfg'", dir, dir), 0);
	assert_int_equal(run(out, sizeof out, "compare %s/itot.cfg --replications 4 --intervals "
	                     "--candidate-set 'agents.[0].shifts.[0].count=4' --json > "
	                     "%s/iscn.json", dir, dir), 0);
	assert_int_equal(sh("/usr/bin/python3 -c \"import json; d=json.load(open('%s/iscn.json')); "
	                    "assert d['method'] == 'paired' and d['base']['overrides'] == ''; "
	                    "assert d['candidate']['overrides'] == 'agents.[0].shifts.[0].count=4'; "
	                    "assert len(d['intervals']) == %d * len(d['figures'])\"", dir, NI), 0);
	assert_int_equal(run(out, sizeof out, "compare --help"), 0);
	assert_non_null(strstr(out, "--intervals "));
	assert_non_null(strstr(out, "Gates test\n                        the whole-horizon figures "
	                        "only"));
}

/* The scenario form to a precision: both sides run the same batches until the paired
 * difference's half-width meets the target; the same on 1 and 2 threads; errors. */
static void test_compare_precision(void **state)
{
	(void)state;
	static char out[1 << 20], first[1 << 20];
	const char *fewer = "'agents.[0].shifts.[0].count=4'";
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg --seed 4711 --candidate-set %s "
	                     "--precision 'sales.service_level=1pt' --base-out %s/pb.h5 "
	                     "--candidate-out %s/pc.h5 --json", dir, fewer, dir, dir), 0);
	char path[2][256];
	snprintf(path[0], sizeof path[0], "%s/pb.h5", dir);
	snprintf(path[1], sizeof path[1], "%s/pc.h5", dir);
	size_t n[2];
	double *v[2] = { read_totals(path[0], "service_level", 0, &n[0]),
	                 read_totals(path[1], "service_level", 0, &n[1]) };
	assert_int_equal(n[0], n[1]);
	assert_true(n[0] > 6); /* the scenario's 6 replications did not do */
	struct cc_diff d;
	cc_compare_diff(v[0], n[0], v[1], n[1], 1, 0.95, &d);
	assert_true((d.hi - d.lo) / 2 <= 0.01);
	char said[128];
	snprintf(said, sizeof said, "precision of the paired differences: %zu replications", n[0]);
	if (!strstr(out, said) || !strstr(out, "every target met"))
		fail_msg("expected '%s' in %s", said, out);
	free(v[0]);
	free(v[1]);
	/* The same comparison on 2 threads. */
	const char *json = strstr(out, "\"method\"");
	assert_non_null(json);
	snprintf(first, sizeof first, "%s", json);
	assert_int_equal(run(out, sizeof out, "compare %s/day.cfg --seed 4711 --candidate-set %s "
	                     "--precision 'sales.service_level=1pt' --threads 2 --json", dir,
	                     fewer), 0);
	json = strstr(out, "\"method\"");
	assert_non_null(json);
	assert_string_equal(json, first);
	/* Errors: 2 before anything runs; a side that cannot be written names itself. */
	static const struct { const char *args, *says; int rc; } bad[] = {
		{ "pb.h5 @/pc.h5 --precision 'asa_s=2s'", "need one scenario, not two files", 2 },
		{ "day.cfg --precision 'asa_s=2pt'", "compare: --precision 'asa_s=2pt': asa_s is in "
		  "seconds", 2 },
		{ "day.cfg --precision 'asa_s'", "write [OWNER.]FIGURE=HALF-WIDTH", 2 },
		{ "day.cfg --precision 'asa_s=2s' --max-replications 3", "below the first batch", 2 },
		{ "day.cfg --max-replications 30", "--max-replications goes with --precision", 2 },
		{ "day.cfg --candidate-out /proc/nowhere/c.h5", "the candidate side: cannot create", 1 },
		{ "day.cfg --precision 'asa_s=2s' --base-out /proc/nowhere/b.h5",
		  "the base side: cannot create", 1 },
	};
	for (size_t i = 0; i < CC_ARRAY_SIZE(bad); i++) {
		/* "@" stands for the test directory, which the first argument is in. */
		char args[512];
		size_t k = (size_t)snprintf(args, sizeof args, "%s/", dir);
		for (const char *c = bad[i].args; *c && k + strlen(dir) + 2 < sizeof args; c++)
			k += *c == '@' ? (size_t)sprintf(args + k, "%s", dir)
			               : (size_t)sprintf(args + k, "%c", *c);
		int rc = run(out, sizeof out, "compare %s", args);
		if (rc != bad[i].rc || !strstr(out, bad[i].says))
			fail_msg("compare %s: exit %d, %s (expected %d, '%s')", args, rc, out, bad[i].rc,
			         bad[i].says);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compare_paired_by_hand),
		cmocka_unit_test(test_compare_welch_by_hand),
		cmocka_unit_test(test_compare_zero_variance),
		cmocka_unit_test(test_compare_holm),
		cmocka_unit_test(test_compare_gate_parse),
		cmocka_unit_test(test_compare_runs),
		cmocka_unit_test(test_compare_scenario),
		cmocka_unit_test(test_compare_intervals),
		cmocka_unit_test(test_compare_precision),
	};
	return cmocka_run_group_tests(tests, setup_day, teardown);
}
