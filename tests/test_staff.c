/*
 * Staffing by simulation: against Erlang C and A on stationary queues, on a peak the formulas
 * under-staff the hour after, with two groups of which one has more skills, and the command's
 * errors and outputs.
 */
#include "cliutil.h"

#include "models/erlang.h"
#include "models/staff/staff.h"

/* A search and what it borrows, for a test to read. */
struct searched {
	struct cc_scenario scn;
	struct cc_staff s;
	struct cc_staff_target t[1];
};

/* The search on scenario TEXT with target TARGET over every group; it must converge. */
static void search(const char *text, const char *target, struct searched *x)
{
	char err[1024];
	enum cc_status st = tu_load(text, NULL, 0, &x->scn, err, sizeof err);
	if (st)
		fail_msg("%s", err);
	assert_int_equal(cc_staff_target_parse(target, &x->t[0], err, sizeof err), CC_OK);
	struct cc_staff_options o = { .targets = x->t, .n_targets = 1, .max_occupancy = NAN,
	                              .confidence = NAN, .max_agents = 300, .max_iterations = 30,
	                              .threads = 2 };
	if ((st = cc_staff_init(&x->s, &x->scn, &o, err, sizeof err)))
		fail_msg("%s", err);
	assert_int_equal(cc_staff_search(&x->s), CC_OK);
	assert_true(x->s.converged);
	assert_false(x->s.unreachable);
}

static void searched_done(struct searched *x)
{
	cc_staff_fini(&x->s);
	cc_scenario_fini(&x->scn);
}

/* One stationary case: the target halfway between the service levels of the Erlang answer
 * and one agent fewer, so that both are clear of it by half their difference, which must be
 * more than the simulation's half-width (checked). The search must land on the Erlang
 * answer. */
static void stationary_case(double per_hour, double aht_s, double patience_s, int agents)
{
	struct cc_erlang_input in = { .rate_per_s = per_hour / 3600, .aht_s = aht_s,
	                              .patience_s = patience_s, .threshold_s = 20 };
	struct cc_erlang_result above, below;
	in.agents = agents;
	assert_int_equal(cc_erlang_solve(&in, &above), CC_OK);
	in.agents = agents - 1;
	assert_int_equal(cc_erlang_solve(&in, &below), CC_OK);
	double target = (above.service_level + below.service_level) / 2;
	double clear = (above.service_level - below.service_level) / 2;
	char extra[256], tgt[64];
	snprintf(extra, sizeof extra, "seed = 2385; horizon = \"100h\"; interval = \"100h\"; "
	         "replications = 8;");
	char *text = tu_erlang_scenario(per_hour, aht_s, 1, patience_s, extra);
	snprintf(tgt, sizeof tgt, "q.service_level>=%.6f", target);
	struct searched x;
	search(text, tgt, &x);
	assert_int_equal(x.s.erlang[0], agents);
	/* The simulation's half-width at the answer, against the margin the case relies on. */
	struct cc_run run = { .scn = &x.scn, .threads = 2, .keep_intervals = 1 };
	assert_int_equal(cc_run_execute(&run), CC_OK);
	struct cc_summary m = cc_staff_achieved(&x.s, &run, 0, 0, CC_RUN_LEVEL);
	if (!(m.half_width < clear))
		fail_msg("%g/h, AHT %g s, patience %g s: too close to call: half-width %.4f, margin "
		         "%.4f", per_hour, aht_s, patience_s, m.half_width, clear);
	if (x.s.staff[0] != agents)
		fail_msg("%g/h, AHT %g s, patience %g s: simulation needs %d, Erlang %d (SL %.4f "
		         "there, target %.4f)", per_hour, aht_s, patience_s, x.s.staff[0], agents,
		         m.mean, target);
	cc_run_fini(&run);
	searched_done(&x);
	free(text);
}

static void test_staff_stationary_matches_erlang(void **state)
{
	(void)state;
	stationary_case(100, 180, 0, 8);        /* Erlang C, 5 erlangs: SL 0.880 against 0.740 */
	stationary_case(240, 300, 0, 25);       /* Erlang C, 20 erlangs: 0.850 against 0.772 */
	stationary_case(150, 200, 0, 12);       /* Erlang C, 8.3 erlangs: 0.878 against 0.771 */
	stationary_case(120, 240, 150, 10);     /* Erlang A, patience 2.5 minutes: 0.814 against 0.718 */
	stationary_case(200, 180, 300, 13);     /* Erlang A, 10 erlangs: 0.858 against 0.772 */
}

/*
 * A peak then a drop, with handle times longer than an interval, all deterministic (arrivals
 * evenly spaced, every contact 20 minutes), so that the case can be followed by hand: 60
 * contacts arrive between 09:10 and 09:20 and each holds an agent for 20 minutes. Erlang per
 * interval staffs 09:20 for its own 30 contacts an hour (14 agents), but agents logged in then
 * are still busy with the peak's contacts until 09:30-09:40, so the 09:20 arrivals would wait
 * for them: the simulation needs far more at 09:20 than Erlang says, and the search finds it
 * (the day then meets every target, with no random error to allow for).
 */
static void test_staff_peak_carries_over(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"peak\"; seed = 4127; start = \"09:00\"; horizon = \"1h\"; interval = \"10m\";\n"
		"replications = 2;\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"deterministic\";\n"
		"               per_hour = [ 30.0, 360.0, 30.0, 30.0, 30.0, 30.0 ]; step = \"10m\"; };\n"
		"  handle = { dist = \"deterministic\"; value = \"20m\"; }; } );\n"
		"agents = ( { name = \"g\"; count = 10; skills = [ \"q\" ]; } );\n";
	struct searched x;
	search(text, "q.service_level>=0.80", &x);
	assert_int_equal(x.s.erlang[2], 14);
	if (!(x.s.staff[2] > x.s.erlang[2] + 30))
		fail_msg("after the peak: simulation %d, Erlang %d", x.s.staff[2], x.s.erlang[2]);
	/* The intervals away from the peak need no more than Erlang. */
	assert_true(x.s.staff[4] <= x.s.erlang[4]);
	searched_done(&x);
}

/*
 * Two queues: "a" served by both groups, "b" only by "wide" (skills b then a). Erlang starts
 * "narrow" on a (9 agents) and "wide" on b (5). Wide agents also answer a's contacts when
 * they are free, so b starts short: the trial of one more narrow agent helps b only through
 * a, one more wide agent helps b directly, and the search adds it to wide. With wide agents
 * taking part of a's work, a then needs fewer narrow agents than its own Erlang answer.
 */
static void test_staff_more_skills_are_worth_more(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"two\"; seed = 913; horizon = \"20h\"; interval = \"20h\"; replications = 4;\n"
		"queues = ( { name = \"a\"; arrivals = { per_hour = 120.0; };\n"
		"             handle = { dist = \"exponential\"; mean = \"180s\"; }; },\n"
		"           { name = \"b\"; arrivals = { per_hour = 60.0; };\n"
		"             handle = { dist = \"exponential\"; mean = \"180s\"; }; } );\n"
		"agents = ( { name = \"narrow\"; count = 5; skills = [ \"a\" ]; },\n"
		"           { name = \"wide\"; count = 5; skills = [ \"b\", \"a\" ]; } );\n";
	struct searched x;
	search(text, "any.service_level>=0.80", &x);
	const struct cc_staff *s = &x.s;
	assert_int_equal(s->n_groups, 2);
	assert_int_equal(s->n_checks, 2);
	/* Erlang C at 6 erlangs (a) and 3 erlangs (b), 80 % in 20 s. */
	struct cc_erlang_target et = { 0.8, NAN, NAN, NAN };
	struct cc_erlang_result r;
	struct cc_erlang_input ia = { .rate_per_s = 120.0 / 3600, .aht_s = 180, .threshold_s = 20 };
	struct cc_erlang_input ib = { .rate_per_s = 60.0 / 3600, .aht_s = 180, .threshold_s = 20 };
	assert_int_equal(s->erlang[0], cc_erlang_agents_for(&ia, &et, 100, &r));
	assert_int_equal(s->erlang[1], cc_erlang_agents_for(&ib, &et, 100, &r));
	if (!(s->staff[0] < s->erlang[0]) || !(s->staff[1] > s->erlang[1]))
		fail_msg("narrow %d (Erlang %d), wide %d (Erlang %d)", s->staff[0], s->erlang[0],
		         s->staff[1], s->erlang[1]);
	/* No more agents in all than the two queues' answers apart. */
	assert_true(s->staff[0] + s->staff[1] <= s->erlang[0] + s->erlang[1]);
	searched_done(&x);
}

/* A target that goes up where more agents push it down, or an unknown figure: refused. */
static void test_staff_target_parse(void **state)
{
	(void)state;
	struct cc_staff_target t;
	char why[512];
	assert_int_equal(cc_staff_target_parse("sales.service_level>=0.8", &t, why, sizeof why), CC_OK);
	assert_true(t.at_least);
	assert_string_equal(t.ref.owner, "sales");
	assert_string_equal(t.ref.figure, "service_level");
	assert_int_equal(cc_staff_target_parse("any.asa_s<=12.5", &t, why, sizeof why), CC_OK);
	assert_false(t.at_least);
	assert_true(fabs(t.value - 12.5) < 1e-12);
	assert_int_equal(cc_staff_target_parse("sales.service_level=0.8", &t, why, sizeof why),
	                 CC_ERR_USAGE);
	assert_int_equal(cc_staff_target_parse("sales.service_level>=high", &t, why, sizeof why),
	                 CC_ERR_USAGE);
	assert_non_null(strstr(why, "not a number"));
}

static const char cli_cfg[] =
	"name = \"small\"; seed = 77; start = \"08:00\"; horizon = \"2h\"; interval = \"30m\";\n"
	"replications = 4;\n"
	"queues = ( { name = \"sales\"; arrivals = { per_hour = [ 60.0, 120.0, 90.0, 60.0 ]; step = \"30m\"; };\n"
	"             handle = { dist = \"exponential\"; mean = \"180s\"; };\n"
	"             patience = { dist = \"exponential\"; mean = \"120s\"; }; } );\n"
	"agents = ( { name = \"team\"; skills = [ \"sales\" ];\n"
	"             shifts = ( { start = \"08:00\"; end = \"10:00\"; count = 5; } ); },\n"
	"           { name = \"other\"; count = 2; skills = [ \"sales\" ]; } );\n";

static void test_staff_cli_errors(void **state)
{
	(void)state;
	char out[8192];
	write_file("small.cfg", cli_cfg);
	assert_int_equal(run(out, sizeof out, "staff %s/small.cfg --target 'nope.service_level>=0.8'", dir), 2);
	assert_non_null(strstr(out, "no queue or channel is named 'nope'"));
	assert_int_equal(run(out, sizeof out, "staff %s/small.cfg --target 'sales.speed>=0.8'", dir), 2);
	assert_non_null(strstr(out, "no figure named 'speed'"));
	assert_int_equal(run(out, sizeof out, "staff %s/small.cfg --target 'sales.service_level<=0.8'", dir), 2);
	assert_non_null(strstr(out, "other way"));
	assert_int_equal(run(out, sizeof out, "staff %s/small.cfg --target 'sales.service_level>=0.8' --groups team,ghost", dir), 2);
	assert_non_null(strstr(out, "no agent group named 'ghost'"));
	assert_int_equal(run(out, sizeof out, "staff %s/small.cfg", dir), 2);
	/* Bounds no staffing can meet, or every staffing does: refused. */
	assert_int_equal(run(out, sizeof out, "staff %s/small.cfg --target 'sales.service_level>=1.5'", dir), 2);
	assert_non_null(strstr(out, "is a share: its bound lies strictly between 0 and 1"));
	assert_int_equal(run(out, sizeof out, "staff %s/small.cfg --target 'sales.asa_s<=-5'", dir), 2);
	assert_non_null(strstr(out, "is a time: its bound is above 0 seconds"));
	assert_int_equal(run(out, sizeof out, "staff %s/small.cfg --target 'sales.occupancy<=0.8'", dir), 2);
	assert_non_null(strstr(out, "an occupancy cap is --max-occupancy"));
	/* 95 % in 20 s at 120 an hour cannot be had with 3 agents. */
	assert_int_equal(run(out, sizeof out, "staff %s/small.cfg --quiet --groups team --max-agents 3 "
	                     "--target 'sales.service_level>=0.95' -o %s/x.h5", dir, dir), 4);
	assert_non_null(strstr(out, "interval 08:"));
	assert_non_null(strstr(out, "sales.service_level>=0.95"));
	assert_non_null(strstr(out, "--max-agents 3"));
	expect_no_results();
}

static void test_staff_cli_json_csv_and_results(void **state)
{
	(void)state;
	char out[8192];
	write_file("small.cfg", cli_cfg);
	int rc = sh("'%s' staff %s/small.cfg --groups team --target 'sales.service_level>=0.80' "
	            "--shrinkage 0.3 --json --csv %s/csv -o %s/s.h5 > %s/s.json 2>%s/s.err",
	            ccsim(), dir, dir, dir, dir, dir);
	if (rc != 0) {
		char path[512];
		snprintf(path, sizeof path, "%s/s.err", dir);
		char *err = tu_read_file_or_fail(path);
		fail_msg("exit %d: %s", rc, err);
	}
	assert_int_equal(sh("python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
	                    "assert d[\"intervals\"][0][\"start\"] == \"08:00\"; "
	                    "g=d[\"intervals\"][0][\"groups\"][0]; "
	                    "assert g[\"roster\"] >= g[\"staff\"] / 0.7 - 1e-9; "
	                    "assert d[\"converged\"] and d[\"verification_seed\"] == 78' %s/s.json",
	                    dir), 0);
	char path[512];
	snprintf(path, sizeof path, "%s/csv/staff.csv", dir);
	assert_true(exists(path));
	snprintf(path, sizeof path, "%s/s.h5", dir);
	assert_true(exists(path));
	/* The file's scenario is the staffed one: ccsim export shows the overrides. */
	assert_int_equal(sh("h5dump -a overrides %s/s.h5 | grep -q 'agents.team.profile'", dir), 0);
	assert_int_equal(run(out, sizeof out, "staff --help"), 0);
	assert_non_null(strstr(out, "exit codes"));
	assert_int_equal(sh("rm -rf %s/s.h5 %s/csv %s/s.json %s/s.err", dir, dir, dir, dir), 0);
}

/* A real-looking day (scenarios/staffing.cfg: a forecast, two queues, two groups with breaks
 * and lunch): the staffing found is confirmed by the verification run on a fresh seed (no
 * target missed significantly, Holm-corrected across every interval and target; exit 0),
 * and the JSON says so interval by interval. */
static void test_staff_time_varying_day_verified(void **state)
{
	(void)state;
	static char out[1 << 18];
	assert_int_equal(run(out, sizeof out, "staff scenarios/staffing.cfg --target "
	                     "'any.service_level>=0.80' --json -o %s/day.h5", dir), 0);
	assert_non_null(strstr(out, "\"met\": true"));
	assert_null(strstr(out, "\"met\": false"));
	/* As shifts: plans of 8-hour and 4-hour shifts from 07:00 to 17:00 every half hour,
	 * simulated and adjusted until they meet the targets, confirmed on the fresh seed. */
	assert_int_equal(run(out, sizeof out, "staff scenarios/staffing.cfg --target "
	                     "'any.service_level>=0.80' --shifts 'length=8h,4h; "
	                     "start=07:00-17:00/30m; break=30m@4h' --json -o %s/day.h5", dir), 0);
	assert_non_null(strstr(out, "\"shifts\": {\"paid_hours\": "));
	assert_non_null(strstr(out, "\"optimal\": true"));
	assert_null(strstr(out, "\"met\": false"));
	assert_int_equal(sh("h5dump -a overrides %s/day.h5 | grep -q 'by ccsim staff --shifts'",
	                    dir), 0);
	/* Rules that leave an interval uncovered, or cannot be read: 2, nothing written. */
	assert_int_equal(run(out, sizeof out, "staff scenarios/staffing.cfg --target "
	                     "'any.service_level>=0.80' --shifts 'length=8h; start=07:00-08:00/30m' "
	                     "-o %s/bad.h5", dir), 2);
	assert_non_null(strstr(out, "covers the interval at 16:00"));
	assert_int_equal(run(out, sizeof out, "staff scenarios/staffing.cfg --target "
	                     "'any.service_level>=0.80' --shifts 'length=8h' -o %s/bad.h5", dir), 2);
	assert_non_null(strstr(out, "length= and start= are needed"));
	char bad[512];
	snprintf(bad, sizeof bad, "%s/bad.h5", dir);
	assert_false(exists(bad));
	assert_int_equal(sh("rm -f %s/day.h5", dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_staff_target_parse),
		cmocka_unit_test(test_staff_stationary_matches_erlang),
		cmocka_unit_test(test_staff_peak_carries_over),
		cmocka_unit_test(test_staff_more_skills_are_worth_more),
		cmocka_unit_test(test_staff_cli_errors),
		cmocka_unit_test(test_staff_cli_json_csv_and_results),
		cmocka_unit_test(test_staff_time_varying_day_verified),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown);
}
