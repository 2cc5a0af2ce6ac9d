/* Trace replay (arrivals.process = "trace"): a hand-worked log replayed to exact waits,
 * answers and abandonments; one replication per day; a Poisson log replays to the Poisson
 * scenario's figures; common random numbers whichever cells are given; every error with its
 * file, line and column; the replay scenario and its generator. */
#include "cliutil.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "models/output/compare.h"

/* One agent, no ACW; what the log leaves empty is drawn from these deterministic
 * distributions: handle 61.5 s, patience 1000 s. Class 1 (share 0: never drawn) has a head
 * start of 7.25 s. */
static const char one_agent[] =
	"name = \"hand\"; seed = 2385; horizon = 1000; interval = 1000; replications = 1;\n"
	"queues = ( { name = \"q\"; arrivals = { process = \"trace\"; file = \"hand.csv\"; };\n"
	"             handle = { dist = \"deterministic\"; value = 61.5; };\n"
	"             patience = { dist = \"deterministic\"; value = 1000; };\n"
	"             priorities = ( { share = 0.0; head_start = 7.25; } ); } );\n"
	"agents = ( { name = \"g\"; count = 1; skills = [ \"q\" ]; } );\n"
	"output = { contact_records = true; };\n";

/* Ten calls (an empty line after the fifth, so the later ones sit a line lower), columns in
 * an unusual order. Worked by hand below. */
static const char hand_csv[] =
	"patience_s,arrival,handle_s,channel,priority\n"
	"50,10.5,100.25,voice,\n"
	"90.125,30.75,40.5,voice,\n"
	"30.5,60.0,20,voice,\n"
	"20,115.0,12.75,voice,\n"
	"100,120.5,33.125,,\n"
	"\n"
	"10.25,150.0,7.5,voice,\n"
	",200.0,50.5,voice,0\n"
	"45,210.25,,voice,\n"
	"120.5,210.25,5,voice,\n"
	"0,400.0,25.5,voice,1\n";

static void load_in_dir(const char *cfg, const char *csv_name, const char *csv,
                        const char *const *sets, size_t n_sets, struct cc_scenario *scn,
                        char *err, size_t errlen, enum cc_status expect)
{
	char path[256];
	write_file("t.cfg", cfg);
	if (csv)
		write_file(csv_name, csv);
	snprintf(path, sizeof path, "%s/t.cfg", dir);
	enum cc_status st = cc_scenario_load(path, sets, n_sets, scn, err, errlen);
	if (st != expect)
		fail_msg("status %d, expected %d: %s", st, expect, err);
}

/*
 * By hand, one agent serving in order of arrival (ties by id), talk from the log:
 *   call  arrival  handle   patience  fate
 *   1     10.5     100.25   50        answered at 10.5, ends 110.75
 *   2     30.75    40.5     90.125    waits to 110.75 (< 120.875), ends 151.25
 *   3     60       20       30.5      the agent busy: abandons at 90.5
 *   4     115      12.75    20        behind nobody, but the agent busy to 151.25: abandons 135
 *   5     120.5    33.125   100       answered at 151.25, ends 184.375
 *   6     150      7.5      10.25     5 is ahead: abandons at 160.25
 *   7     200      50.5     (1000)    the agent free: answered at 200, ends 250.5
 *   8     210.25   (61.5)   45        answered at 250.5 (wait 40.25 < 45), ends 312
 *   9     210.25   5        120.5     behind 8 (the same time, a later id): answered 312,
 *                                     ends 317
 *   10    400      25.5     0         the agent free: answered at once (patience 0 never
 *                                     starts), ends 425.5; class 1 head start 7.25
 */
static void test_trace_hand_replay(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	load_in_dir(one_agent, "hand.csv", hand_csv, NULL, 0, &scn, err, sizeof err, CC_OK);
	struct cc_run run;
	struct tu_kept kept;
	tu_run_loaded(1, &scn, &run, &kept);
	static const struct {
		double arrival, connect, end;
		int answered;
		int64_t line;
		double head_start;
	} want[] = {
		{ 10.5, 10.5, 110.75, 1, 2, 0 },     { 30.75, 110.75, 151.25, 1, 3, 0 },
		{ 60.0, NAN, 90.5, 0, 4, 0 },        { 115.0, NAN, 135.0, 0, 5, 0 },
		{ 120.5, 151.25, 184.375, 1, 6, 0 }, { 150.0, NAN, 160.25, 0, 8, 0 },
		{ 200.0, 200.0, 250.5, 1, 9, 0 },    { 210.25, 250.5, 312.0, 1, 10, 0 },
		{ 210.25, 312.0, 317.0, 1, 11, 0 },  { 400.0, 400.0, 425.5, 1, 12, 7.25 },
	};
	assert_int_equal(kept.n, 10);
	for (size_t i = 0; i < 10; i++) {
		const struct cc_contact_record *r = NULL;
		for (size_t j = 0; j < kept.n; j++)
			if (kept.rows[j].source_row == want[i].line)
				r = &kept.rows[j];
		if (!r)
			fail_msg("no record of line %lld", (long long)want[i].line);
		assert_near(r->arrival_s, want[i].arrival, 0);
		assert_int_equal(r->outcome, want[i].answered ? CC_OUTCOME_HANDLED
		                                              : CC_OUTCOME_ABANDONED);
		if (want[i].answered)
			assert_near(r->connect_s, want[i].connect, 1e-9);
		else
			assert_true(isnan(r->connect_s));
		assert_near(r->end_s, want[i].end, 1e-9);
		assert_near(r->head_start_s, want[i].head_start, 0);
	}
	assert_near(tu_total(&run, CC_FIG_QUEUE, "offered", 0), 10, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "abandoned", 0), 3, 0);
	/* ASA over the seven answered: waits 0, 80, 30.75, 0, 40.25, 101.75, 0. */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "asa_s", 0), 252.75 / 7, 1e-9);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &kept);
}

/* Records of contacts not replayed have source_row -1. */
static void test_trace_source_row_none(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept kept;
	tu_run_text(TU_ONE_AGENT("", "", ""), NULL, 0, &scn, &run, &kept);
	assert_true(kept.n > 0);
	for (size_t i = 0; i < kept.n; i++)
		assert_int_equal(kept.rows[i].source_row, -1);
	tu_done(&scn, &run, &kept);
}

/* Every record of a replayed customer keeps the call's line: a call handed on to another
 * queue has two records, both with it. */
static void test_trace_source_row_follows(void **state)
{
	(void)state;
	const char *cfg =
		"name = \"f\"; seed = 5; horizon = 1000; interval = 1000; replications = 1;\n"
		"queues = ( { name = \"a\"; arrivals = { process = \"trace\"; file = \"f.csv\"; };\n"
		"             handle = { dist = \"deterministic\"; value = 20.5; };\n"
		"             transfer = { to = ( { share = 1.0; queue = \"b\"; } ); }; },\n"
		"           { name = \"b\"; arrivals = { per_hour = 0.0; };\n"
		"             handle = { dist = \"deterministic\"; value = 30.25; }; } );\n"
		"agents = ( { name = \"g\"; count = 2; skills = [ \"a\", \"b\" ]; } );\n"
		"output = { contact_records = true; };\n";
	struct cc_scenario scn;
	char err[1024];
	load_in_dir(cfg, "f.csv", "arrival\n12.5\n300.75\n", NULL, 0, &scn, err, sizeof err,
	            CC_OK);
	struct cc_run run;
	struct tu_kept kept;
	tu_run_loaded(1, &scn, &run, &kept);
	assert_int_equal(kept.n, 4);
	for (size_t i = 0; i < kept.n; i++) {
		const struct cc_contact_record *r = &kept.rows[i], *first = r;
		if (r->previous_record_id >= 0)
			first = tu_record_by_id(&kept, r->previous_record_id);
		assert_int_equal(r->source_row, first->arrival_s < 100 ? 2 : 3);
	}
	tu_done(&scn, &run, &kept);
}

/* Three days of 4, 7 and 2 calls: replication r is day r, its offered count the day's rows
 * and its records the day's lines. Without the day column, every replication replays all 13. */
static const char days_cfg[] =
	"name = \"days\"; seed = 2385; start = \"09:00\"; horizon = \"1h\"; interval = \"15m\";\n"
	"replications = 3;\n"
	"queues = ( { name = \"q\"; arrivals = { process = \"trace\"; file = \"d.csv\"; };\n"
	"             handle = { dist = \"exponential\"; mean = 123.4; };\n"
	"             patience = { dist = \"exponential\"; mean = 98.7; }; } );\n"
	"agents = ( { name = \"g\"; count = 2; skills = [ \"q\" ]; } );\n"
	"output = { contact_records = true; };\n";
static const char days_csv[] =
	"day,arrival\n"
	"mon,09:00:03\nmon,09:10:00\nmon,09:10:00\nmon,09:59:59.5\n"
	"tue,09:01:00\ntue,09:02:00\ntue,09:03:30\ntue,09:20:00\ntue,09:21:00\ntue,09:40:00\n"
	"tue,09:45:00\n"
	"wed,09:30:00\nwed,09:31:00\n";

static void check_days(struct cc_scenario *scn, const size_t *per_rep, const size_t (*lines)[2])
{
	struct cc_run run;
	struct tu_kept kept;
	tu_run_loaded(2, scn, &run, &kept);
	for (size_t rep = 0; rep < (size_t)scn->replications; rep++) {
		assert_near(tu_total_of(&run, CC_FIG_QUEUE, "offered", rep, 0), (double)per_rep[rep],
		            0);
		size_t n = 0;
		for (size_t i = 0; i < kept.n; i++) {
			const struct cc_contact_record *r = &kept.rows[i];
			if ((size_t)r->replication != rep)
				continue;
			n++;
			assert_true(r->source_row >= (int64_t)lines[rep][0] &&
			            r->source_row <= (int64_t)lines[rep][1]);
		}
		assert_int_equal(n, per_rep[rep]);
	}
	cc_run_fini(&run);
	tu_kept_free(&kept);
}

static void test_trace_days(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	load_in_dir(days_cfg, "d.csv", days_csv, NULL, 0, &scn, err, sizeof err, CC_OK);
	assert_int_equal(scn.trace_days, 3);
	assert_near(scn.queues[0].trace.calls[0].arrival_s, 3, 0);
	assert_near(scn.queues[0].trace.calls[3].arrival_s, 3599.5, 1e-9);
	const size_t per_day[] = { 4, 7, 2 }, day_lines[][2] = { { 2, 5 }, { 6, 12 }, { 13, 14 } };
	check_days(&scn, per_day, day_lines);
	cc_scenario_fini(&scn);
	/* The same calls with no day column, in time order: each replication replays all. */
	load_in_dir(days_cfg, "d.csv",
	            "arrival\n09:00:03\n09:01:00\n09:02:00\n09:03:30\n09:10:00\n09:10:00\n"
	            "09:20:00\n09:21:00\n09:30:00\n09:31:00\n09:40:00\n09:45:00\n09:59:59.5\n",
	            NULL, 0, &scn, err, sizeof err, CC_OK);
	assert_int_equal(scn.trace_days, 0);
	const size_t all[] = { 13, 13, 13 }, all_lines[][2] = { { 2, 14 }, { 2, 14 }, { 2, 14 } };
	check_days(&scn, all, all_lines);
	cc_scenario_fini(&scn);
	/* More replications than days: refused, from the file and from --set. */
	char four[2048];
	tu_edit(four, sizeof four, days_cfg, "replications = 3;", "replications = 4;");
	load_in_dir(four, "d.csv", days_csv, NULL, 0, &scn, err, sizeof err, CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "t.cfg:2: replications: 4 replications, but the trace "));
	assert_non_null(strstr(err, "d.csv has 3 days"));
	const char *sets[] = { "replications=5" };
	load_in_dir(days_cfg, "d.csv", days_csv, sets, 1, &scn, err, sizeof err, CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "5 replications, but the trace"));
}

/* Every replication passes the invariant checks: agent time adds up, counts are conserved
 * (arrived = answered + abandoned + waiting at the end, customers once). */
static void no_check(const struct cc_scenario *scn, const struct cc_grid *grid,
                     const struct cc_rep_result *r, const struct tu_rows *rows, uint64_t rep,
                     void *ctx)
{
	(void)scn, (void)grid, (void)rows, (void)ctx;
	const size_t per_day[] = { 4, 7, 2 };
	assert_int_equal(r->counts.arrived, per_day[rep]);
	assert_int_equal(r->counts.customers, per_day[rep]);
}

static void test_trace_conserved(void **state)
{
	(void)state;
	write_file("d.csv", days_csv);
	char cfg[2048], path[256];
	snprintf(path, sizeof path, "file = \"%s/d.csv\";", dir);
	tu_edit(cfg, sizeof cfg, days_cfg, "file = \"d.csv\";", path);
	tu_each_rep(cfg, NULL, 0, 3, no_check, NULL);
}

/*
 * Common random numbers: a value given in the log replaces the draw, which is still made, so
 * the calls whose cells stay empty draw the same values either way. With 20 agents for about
 * 6 calls at once nobody waits, so each talk (end - connect) is exactly the handle drawn.
 */
static void test_trace_common_random_numbers(void **state)
{
	(void)state;
	char a[4096] = "arrival,handle_s\n", b[4096] = "arrival,handle_s\n";
	for (int i = 0; i < 40; i++) {
		char row[64];
		snprintf(row, sizeof row, "%.3f,\n", 17.3 + 61.7 * i);
		strcat(a, row);
		snprintf(row, sizeof row, i % 3 ? "%.3f,\n" : "%.3f,11.5\n", 17.3 + 61.7 * i);
		strcat(b, row);
	}
	const char *cfg =
		"name = \"crn\"; seed = 77; horizon = 3000; interval = 3000; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"trace\"; file = \"c.csv\"; };\n"
		"             handle = { dist = \"lognormal\"; mean = 300; sd = 150; }; } );\n"
		"agents = ( { name = \"g\"; count = 20; skills = [ \"q\" ]; } );\n"
		"output = { contact_records = true; };\n";
	struct cc_scenario sa, sb;
	struct cc_run ra, rb;
	struct tu_kept ka, kb;
	char err[1024];
	load_in_dir(cfg, "c.csv", a, NULL, 0, &sa, err, sizeof err, CC_OK);
	tu_run_loaded(1, &sa, &ra, &ka);
	load_in_dir(cfg, "c.csv", b, NULL, 0, &sb, err, sizeof err, CC_OK);
	tu_run_loaded(1, &sb, &rb, &kb);
	assert_int_equal(ka.n, 40);
	assert_int_equal(kb.n, 40);
	size_t same = 0;
	for (size_t i = 0; i < 40; i++) {
		const struct cc_contact_record *x = &ka.rows[i], *y = NULL;
		for (size_t j = 0; j < kb.n; j++)
			if (kb.rows[j].source_row == x->source_row)
				y = &kb.rows[j];
		assert_non_null(y);
		assert_near(x->connect_s, x->arrival_s, 0);
		int given = (x->source_row - 2) % 3 == 0;
		if (given) {
			assert_near(y->end_s - y->connect_s, 11.5, 1e-9);
		} else {
			assert_near(y->end_s - y->connect_s, x->end_s - x->connect_s, 0);
			same++;
		}
	}
	assert_int_equal(same, 26);
	tu_done(&sa, &ra, &ka);
	tu_done(&sb, &rb, &kb);
}

/*
 * A log generated here from a Poisson process of 100 calls an hour, 20 days of 8 hours, one
 * day per replication, handle and patience left to the queue's exponential distributions,
 * replays to the figures of the same M/M/7+M queue with Poisson arrivals (20 replications,
 * its own seed). Service level, ASA and abandonment are compared by Welch's two-sided test
 * (cc_compare_diff, independent samples); each must not differ at alpha = 0.001 (with three
 * figures, a family-wise false alarm of at most 0.3 % under the hypothesis that they agree).
 */
static void test_trace_poisson(void **state)
{
	(void)state;
	enum { DAYS = 20 };
	const double rate_per_s = 100.0 / 3600, horizon = 8 * 3600.0;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, 2026113);
	size_t cap = 1 << 20, len = 0;
	char *csv = malloc(cap);
	len += (size_t)snprintf(csv + len, cap - len, "day,arrival\n");
	for (int d = 0; d < DAYS; d++)
		for (double t = gsl_ran_exponential(rng, 1 / rate_per_s); t < horizon;
		     t += gsl_ran_exponential(rng, 1 / rate_per_s)) {
			len += (size_t)snprintf(csv + len, cap - len, "d%02d,%.6f\n", d, t);
			assert_true(len + 64 < cap);
		}
	gsl_rng_free(rng);
	const char *queue_tail =
		"             handle = { dist = \"exponential\"; mean = \"180s\"; };\n"
		"             patience = { dist = \"exponential\"; mean = \"300s\"; };\n"
		"             service_level = { threshold = \"20s\"; }; } );\n"
		"agents = ( { name = \"g\"; count = 7; skills = [ \"q\" ]; } );\n";
	char trace_cfg[2048], poisson_cfg[2048];
	snprintf(trace_cfg, sizeof trace_cfg,
	         "name = \"tr\"; seed = 11; horizon = \"8h\"; interval = \"30m\"; replications = %d;\n"
	         "queues = ( { name = \"q\"; arrivals = { process = \"trace\"; file = \"p.csv\"; };\n%s",
	         DAYS, queue_tail);
	snprintf(poisson_cfg, sizeof poisson_cfg,
	         "name = \"po\"; seed = 12; horizon = \"8h\"; interval = \"30m\"; replications = %d;\n"
	         "queues = ( { name = \"q\"; arrivals = { per_hour = 100; };\n%s", DAYS, queue_tail);
	struct cc_scenario st, sp;
	struct cc_run rt, rp;
	char err[1024];
	load_in_dir(trace_cfg, "p.csv", csv, NULL, 0, &st, err, sizeof err, CC_OK);
	free(csv);
	tu_run_loaded(2, &st, &rt, NULL);
	assert_int_equal(tu_load(poisson_cfg, NULL, 0, &sp, err, sizeof err), CC_OK);
	tu_run_loaded(2, &sp, &rp, NULL);
	const char *figures[] = { "service_level", "asa_s", "abandon_rate" };
	for (size_t f = 0; f < 3; f++) {
		double a[DAYS], b[DAYS];
		for (size_t r = 0; r < DAYS; r++) {
			a[r] = tu_total_of(&rt, CC_FIG_QUEUE, figures[f], r, 0);
			b[r] = tu_total_of(&rp, CC_FIG_QUEUE, figures[f], r, 0);
		}
		struct cc_diff d;
		cc_compare_diff(b, DAYS, a, DAYS, 0, 0.999, &d);
		print_message("# %s: trace %g, Poisson %g, Welch p = %g\n", figures[f], d.cand_mean,
		              d.base_mean, d.p);
		if (!(d.p > 0.001))
			fail_msg("%s: trace %g, Poisson %g, Welch p = %g", figures[f], d.cand_mean,
			         d.base_mean, d.p);
	}
	cc_run_fini(&rt);
	cc_run_fini(&rp);
	cc_scenario_fini(&st);
	cc_scenario_fini(&sp);
}

/* Every refusal of the file, with its file, line and column. */
static void test_trace_file_errors(void **state)
{
	(void)state;
	static const struct {
		const char *csv, *want;
	} cases[] = {
		{ "", "x.csv:1: is empty" },
		{ "arrival\n", "x.csv:1: arrival: no calls under the header (a trace replays at least one)" },
		{ "when,queue\n1,q\n", "x.csv:1: when: unknown column" },
		{ "queue\nq\n", "x.csv:1: arrival: no such column" },
		{ "arrival,Arrival\n1,2\n", "x.csv:1: arrival: the column is named twice" },
		{ "arrival\n1\nsoon\n", "x.csv:3: arrival: must be seconds from time 0" },
		{ "arrival\n10:00:00\n", "x.csv:2: arrival: must be seconds from time 0, a number "
		                         "(clock times go with a scenario's `start`)" },
		{ "arrival\n0x10\n", "x.csv:2: arrival: must be" },
		{ "arrival\n-1.5\n", "x.csv:2: arrival: -1.5 s from time 0 is outside the scenario's "
		                     "horizon [0, 500 s)" },
		{ "arrival\n1\n500\n", "x.csv:3: arrival: 500 s from time 0 is outside" },
		{ "arrival\n5\n7.5\n7.25\n", "x.csv:4: arrival: goes back in time (7.25 s after 7.5 s "
		                             "on line 3)" },
		{ "arrival,handle_s\n1,abc\n", "x.csv:2: handle_s: must be a number of seconds above 0" },
		{ "arrival,handle_s\n1,0\n", "x.csv:2: handle_s: must be a number of seconds above 0" },
		{ "arrival,patience_s\n1,-3\n", "x.csv:2: patience_s: must be a number of seconds >= 0" },
		{ "arrival,priority\n1,1.5\n", "x.csv:2: priority: must be a whole number >= 0" },
		{ "arrival,priority\n1,2\n", "x.csv:2: priority: queue \"q\" has 1 priorities class "
		                             "(got 2" },
		{ "arrival,channel\n1,fax\n", "x.csv:2: channel: \"fax\" is no channel" },
		{ "arrival,channel\n1,voice\n2,chat\n", "x.csv:3: channel: \"chat\", but queue \"q\" "
		                                        "is a voice queue" },
		{ "arrival,queue\n1,q\n2,\n", "x.csv:3: queue: must name a queue" },
		{ "arrival,queue\n1,q\n2,other\n", "x.csv:3: queue: \"other\" replays no rows from "
		                                   "this file" },
		{ "arrival,queue\n1,other\n", "has no rows for queue \"q\"" },
		{ "day,arrival\na,1\nb,2\na,3\n", "x.csv:4: day: \"a\" comes back after other days "
		                                  "(its rows are on lines 2 to 2)" },
		{ "arrival,day\n1\n", "x.csv:2: day: missing (the row has 1 field" },
		{ "arrival\n1,2\n", "x.csv:2: the row has 2 fields, the header 1" },
		{ "arrival\n\"1\n", "x.csv:2: a quote is never closed" },
	};
	const char *cfg =
		"name = \"e\"; horizon = 500; interval = 500; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"trace\"; file = \"x.csv\"; };\n"
		"             handle = { dist = \"deterministic\"; value = 30; };\n"
		"             priorities = ( { share = 0.5; head_start = 9; } ); } );\n"
		"agents = ( { name = \"g\"; count = 1; skills = [ \"q\" ]; } );\n";
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cc_scenario scn;
		char err[1024] = "";
		load_in_dir(cfg, "x.csv", cases[i].csv, NULL, 0, &scn, err, sizeof err,
		            CC_ERR_SCENARIO);
		if (!strstr(err, cases[i].want))
			fail_msg("case %zu: '%s' is not in '%s'", i, cases[i].want, err);
	}
	/* Patience on a deferrable channel. */
	struct cc_scenario scn;
	char err[1024] = "", email[1024];
	tu_edit(email, sizeof email, cfg, "name = \"q\";", "name = \"q\"; channel = \"email\";");
	load_in_dir(email, "x.csv", "arrival,patience_s\n1,\n2,40\n", NULL, 0, &scn, err,
	            sizeof err, CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "x.csv:3: patience_s: email contacts wait without abandoning"));
}

/* The settings' refusals: what goes with a trace and what does not, and files shared. */
static void test_trace_setting_errors(void **state)
{
	(void)state;
	const char *cfg =
		"name = \"s\"; horizon = 500; interval = 500; replications = 1;\n"
		"queues = ( { name = \"a\"; arrivals = { process = \"trace\"; file = \"s.csv\"; };\n"
		"             handle = { dist = \"deterministic\"; value = 30; }; },\n"
		"           { name = \"b\"; arrivals = { per_hour = 10; };\n"
		"             handle = { dist = \"deterministic\"; value = 30; }; } );\n"
		"agents = ( { name = \"g\"; count = 1; skills = [ \"a\", \"b\" ]; } );\n";
	static const struct {
		const char *from, *to, *csv, *want;
	} cases[] = {
		{ "file = \"s.csv\";", "file = \"s.csv\"; per_hour = 3;", NULL,
		  "t.cfg:2: queues.[0].arrivals.per_hour: cannot be given with process = \"trace\"" },
		{ "file = \"s.csv\";", "file = \"s.csv\"; forecast = \"f.csv\";", NULL,
		  "arrivals.forecast: cannot be given with process = \"trace\"" },
		{ "file = \"s.csv\";", "file = \"s.csv\"; step = \"1m\";", NULL,
		  "arrivals.step: cannot be given with process = \"trace\"" },
		{ "file = \"s.csv\";", "", NULL, "arrivals.file:" },
		{ "file = \"s.csv\";", "file = \"\";", NULL, "arrivals.file: must name a CSV file" },
		{ "file = \"s.csv\";", "file = \"nowhere.csv\";", NULL,
		  "arrivals.file: cannot read \"" },
		{ "file = \"s.csv\";",
		  "file = \"s.csv\"; busyness = { dist = \"gamma\"; mean = 1.0; sd = 0.25; };", NULL,
		  "t.cfg:2: queues.[0].arrivals.busyness: multiplies arrival rates: this queue's "
		  "arrivals are not given by rates" },
		{ "per_hour = 10;", "per_hour = 10; file = \"s.csv\";", NULL,
		  "t.cfg:4: queues.[1].arrivals.file: is for process = \"trace\" only (this queue's "
		  "process is \"poisson\")" },
		{ "per_hour = 10;", "process = \"trace\"; file = \"s.csv\";", "arrival\n1\n",
		  "queues.[1].arrivals.file: \"" },
		{ "per_hour = 10;", "process = \"trace\"; file = \"s.csv\";", "arrival,queue\n1,a\n",
		  "queues.[1].arrivals.file: \"" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cc_scenario scn;
		char err[1024] = "", text[2048];
		tu_edit(text, sizeof text, cfg, cases[i].from, cases[i].to);
		load_in_dir(text, "s.csv", cases[i].csv ? cases[i].csv : "arrival\n1\n", NULL, 0, &scn,
		            err, sizeof err, CC_ERR_SCENARIO);
		if (!strstr(err, cases[i].want))
			fail_msg("case %zu: '%s' is not in '%s'", i, cases[i].want, err);
	}
	/* The last two: the file has no queue column; it has no rows of b. */
	struct cc_scenario scn;
	char err[1024] = "", text[2048];
	tu_edit(text, sizeof text, cfg, "per_hour = 10;", "process = \"trace\"; file = \"s.csv\";");
	load_in_dir(text, "s.csv", "arrival\n1\n", NULL, 0, &scn, err, sizeof err,
	            CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "is replayed by queue \"a\" too, but has no queue column"));
	load_in_dir(text, "s.csv", "arrival,queue\n1,a\n", NULL, 0, &scn, err, sizeof err,
	            CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "has no rows for queue \"b\""));
	/* Both queues from one file, read once: each its own rows. */
	load_in_dir(text, "s.csv", "arrival,queue\n1,b\n2,a\n3,b\n", NULL, 0, &scn, err,
	            sizeof err, CC_OK);
	assert_int_equal(scn.queues[0].trace.n_calls, 1);
	assert_int_equal(scn.queues[1].trace.n_calls, 2);
	assert_int_equal(scn.queues[1].trace.calls[1].line, 4);
	assert_int_equal(scn.queues[0].trace.file_rows, 3);
	cc_scenario_fini(&scn);
	/* Separated by ";" as a European spreadsheet writes it (a header with no ","). */
	load_in_dir(text, "s.csv", "arrival;queue;handle_s\n1;b;12.5\n2;a;\n", NULL, 0, &scn, err,
	            sizeof err, CC_OK);
	assert_int_equal(scn.queues[1].trace.n_calls, 1);
	assert_near(scn.queues[1].trace.calls[0].handle_s, 12.5, 0);
	cc_scenario_fini(&scn);
	load_in_dir(text, "s.csv", "arrival;queue;handle_s\n1;b;12,5\n2;a;\n", NULL, 0, &scn, err,
	            sizeof err, CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "s.csv:2: handle_s: "));
}

/* The replay scenario: `check` shows the trace; `run` refuses more replications than days,
 * by --replications, --set and a --precision run's maximum; its CSV is the generator's. */
static void test_trace_replay_scenario(void **state)
{
	(void)state;
	char out[16384];
	assert_int_equal(run(out, sizeof out, "check scenarios/replay/replay.cfg"), 0);
	assert_non_null(strstr(out, "queue sales (voice): trace scenarios/replay/calls.csv ("));
	assert_non_null(strstr(out, " rows, 3 days, one a replication), "));
	assert_int_equal(run(out, sizeof out, "run scenarios/replay/replay.cfg --replications 4 "
	                                      "-o %s/r.h5", dir), 2);
	assert_non_null(strstr(out, "run: --replications: 4 replications, but the trace "
	                            "scenarios/replay/calls.csv has 3 days"));
	assert_int_equal(run(out, sizeof out, "run scenarios/replay/replay.cfg --set "
	                                      "replications=9 -o %s/r.h5", dir), 2);
	assert_non_null(strstr(out, "replications: 9 replications, but the trace"));
	assert_int_equal(run(out, sizeof out, "run scenarios/replay/replay.cfg --precision "
	                                      "'sales.service_level=5pt' --max-replications 5 "
	                                      "-o %s/r.h5", dir), 2);
	assert_non_null(strstr(out, "run: --max-replications: 5 replications, but the trace "
	                            "scenarios/replay/calls.csv has 3 days: each replication "
	                            "replays one day (give at most 3)\n"));
	/* The other commands that run it take no more replications than days either. */
	assert_int_equal(run(out, sizeof out, "compare scenarios/replay/replay.cfg --replications 5 "
	                                      "--candidate-set agents.team.count=7"), 2);
	assert_non_null(strstr(out, "compare: --replications: 5 replications, but the trace"));
	assert_int_equal(run(out, sizeof out, "sweep scenarios/replay/replay.cfg --replications 5 "
	                                      "--vary agents.team.count=5,6 -o %s/s.h5", dir), 2);
	assert_non_null(strstr(out, "--replications: 5 replications, but the trace"));
	assert_int_equal(run(out, sizeof out, "staff scenarios/replay/replay.cfg --replications 5 "
	                                      "--target 'service_level>=0.8'"), 2);
	assert_non_null(strstr(out, "staff: 5 replications, but the trace"));
	expect_no_results();
	/* By default a run to a precision stops at the log's last day. */
	assert_int_equal(run(out, sizeof out, "run scenarios/replay/replay.cfg --precision "
	                                      "'sales.service_level=0.1pt' -o %s/r.h5", dir), 0);
	assert_non_null(strstr(out, "stopped at --max-replications 3"));
	/* No hint to run to a precision: the log has no more days to give. */
	assert_int_equal(run(out, sizeof out, "run scenarios/replay/replay.cfg -o %s/r.h5", dir), 0);
	assert_non_null(strstr(out, "replay: 3 replications of 4h"));
	assert_null(strstr(out, "hint"));
	char *mine = NULL;
	assert_int_equal(sh("/usr/bin/python3 tests/gen-replay-trace.py %s/gen.csv", dir), 0);
	char path[256];
	snprintf(path, sizeof path, "%s/gen.csv", dir);
	mine = tu_read_file_or_fail(path);
	char *committed = tu_read_file_or_fail("scenarios/replay/calls.csv");
	if (strcmp(mine, committed) != 0)
		fail_msg("scenarios/replay/calls.csv differs from what tests/gen-replay-trace.py "
		         "writes: run it again and commit the file");
	free(mine);
	free(committed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trace_hand_replay),
		cmocka_unit_test(test_trace_source_row_none),
		cmocka_unit_test(test_trace_source_row_follows),
		cmocka_unit_test(test_trace_days),
		cmocka_unit_test(test_trace_conserved),
		cmocka_unit_test(test_trace_common_random_numbers),
		cmocka_unit_test(test_trace_poisson),
		cmocka_unit_test(test_trace_file_errors),
		cmocka_unit_test(test_trace_setting_errors),
		cmocka_unit_test(test_trace_replay_scenario),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown);
}
