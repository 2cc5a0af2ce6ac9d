#include "testutil.h"

static const char base[] =
	"name = \"erlang-a\";\n"                                          /* 1 */
	"seed = 20261121;\n"                                              /* 2 */
	"horizon = \"24h\";\n"                                            /* 3 */
	"warmup = \"1h\";\n"                                              /* 4 */
	"interval = \"30m\";\n"                                           /* 5 */
	"replications = 20;\n"                                            /* 6 */
	"queues = (\n"                                                    /* 7 */
	"  { name = \"sales\"; channel = \"voice\";\n"                    /* 8 */
	"    arrivals = { process = \"poisson\"; per_hour = 100.0; };\n"  /* 9 */
	"    handle = { dist = \"exponential\"; mean = \"180s\"; };\n"    /* 10 */
	"    patience = { dist = \"exponential\"; mean = \"300s\"; };\n"  /* 11 */
	"    acw = { dist = \"deterministic\"; value = \"0s\"; };\n"      /* 12 */
	"    service_level = { threshold = \"20s\"; target = 0.80; };\n"  /* 13 */
	"  }\n"                                                           /* 14 */
	");\n"                                                            /* 15 */
	"agents = ( { name = \"team\"; count = 7; skills = [ \"sales\" ]; } );\n"; /* 16 */

/* Loads BASE with the text FROM replaced by TO; expects an error that contains WANT. */
static void expect_error(const char *from, const char *to, const char *want)
{
	char text[4096];
	const char *at = strstr(base, from);
	assert_non_null(at);
	snprintf(text, sizeof text, "%.*s%s%s", (int)(at - base), base, to, at + strlen(from));
	struct cc_scenario scn;
	char err[1024] = "";
	enum cc_status st = tu_load(text, NULL, 0, &scn, err, sizeof err);
	if (st != CC_ERR_SCENARIO || !strstr(err, want) || strstr(err, "--set"))
		fail_msg("replacing '%s' by '%s': status %d, message '%s', wanted '%s'", from, to, st,
		         err, want);
}

static void test_scenario_loads_the_example(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(base, NULL, 0, &scn, err, sizeof err), CC_OK);
	assert_string_equal(scn.name, "erlang-a");
	assert_true(scn.seed == 20261121);
	assert_near(scn.horizon_s, 86400, 0);
	assert_near(scn.warmup_s, 3600, 0);
	assert_near(scn.interval_s, 1800, 0);
	assert_int_equal(scn.replications, 20);
	assert_int_equal(scn.n_queues, 1);
	assert_near(scn.queues[0].per_hour[0], 100, 0);
	assert_near(scn.queues[0].rate_width_s, 1800, 0); /* the step defaults to the interval */
	assert_near(scn.queues[0].handle.mean, 180, 0);
	assert_true(scn.queues[0].has_patience);
	assert_near(scn.queues[0].patience.mean, 300, 0);
	assert_near(scn.queues[0].sl_threshold_s, 20, 0);
	assert_int_equal(scn.groups[0].count, 7);
	assert_int_equal(scn.groups[0].skills[0], 0);
	assert_non_null(strstr(scn.text, "name = \"erlang-a\""));
	assert_false(scn.contact_records);
	cc_scenario_fini(&scn);
	cc_scenario_fini(NULL);
}

static void test_scenario_errors_name_file_line_and_setting(void **state)
{
	(void)state;
	expect_error("per_hour = 100.0", "per_hour = -5.0", ":9: queues.[0].arrivals.per_hour: must be a rate");
	expect_error("count = 7", "count = 0", ":16: agents.[0].count: must be from 1");
	expect_error("warmup = \"1h\"", "warmup = \"24h\"", ":4: warmup: must be shorter than the horizon");
	expect_error("channel = \"voice\";", "channel = \"voice\"; colour = 3;", ":8: queues.[0].colour: unknown setting");
	expect_error("seed = 20261121;", "seed = 20261121; sed = 1;", ":2: sed: unknown setting (expected one of: name");
	expect_error("count = 7", "count = \"seven\"", ":16: agents.[0].count: must be a whole number (got a string)");
	expect_error("mean = \"180s\"", "mean = \"-180s\"", ":10: queues.[0].handle.mean: must not be negative");
	expect_error("mean = \"180s\"", "mean = \"180 parsecs\"", ":10: queues.[0].handle.mean: \"180 parsecs\" is not a duration");
	expect_error("mean = \"300s\"", "sd = \"300s\"", ":11: queues.[0].patience.sd: unknown setting (expected one of: dist, mean)");
	expect_error("dist = \"exponential\"; mean = \"180s\"", "dist = \"lognormal\"; mean = \"180s\"", ":10: queues.[0].handle.sd: missing");
	expect_error("dist = \"exponential\"; mean = \"180s\"", "dist = \"normal\"; mean = \"180s\"", ":10: queues.[0].handle.dist: unknown distribution \"normal\"");
	expect_error("target = 0.80", "target = 80.0", ":13: queues.[0].service_level.target: must be a share");
	expect_error("[ \"sales\" ]", "[ \"sails\" ]", ":16: agents.[0].skills.[0]: no queue is named \"sails\"");
	expect_error("replications = 20;", "replications = 20.5;", ":6: replications: must be a whole number (got a number)");
	/* A key missing at the top is reported against the file, not as an override. */
	expect_error("horizon = \"24h\";\n", "", ": horizon: missing (required)");
	/* The interval's default still gets a message, not a crash, when it is the problem. */
	{
		struct cc_scenario scn;
		char err[1024] = "";
		char *text = tu_erlang_scenario(100, 180, 7, 0, "horizon = \"6000000h\";");
		assert_int_equal(tu_load(text, NULL, 0, &scn, err, sizeof err), CC_ERR_SCENARIO);
		assert_non_null(strstr(err, ": interval: gives more than 10000000 intervals"));
		free(text);
		text = tu_erlang_scenario(100, 180, 7, 0, "horizon = \"60000h\"; interval = 60; replications = 5000;");
		assert_int_equal(tu_load(text, NULL, 0, &scn, err, sizeof err), CC_ERR_SCENARIO);
		assert_non_null(strstr(err, "GiB for the per-interval figures"));
		free(text);
	}
	expect_error("seed = 20261121;", "seed = 99999999999;", ":2: 99999999999 is too large for a plain integer (write 99999999999L");
	expect_error("count = 7", "count = 4294967298", ":16: 4294967298 is too large");
	expect_error("seed = 20261121;", "seed = 20261121; # 99999999999 in a comment is fine\n@include \"other.cfg\"",
	             ":3: @include is not supported");
	expect_error("per_hour = 100.0", "per_hour = 1e18", ":9: queues.[0].arrivals.per_hour: must be a rate from 0 to 10000000");
	expect_error("name = \"team\"", "name = \"te.am\"", ":16: agents.[0].name: \"te.am\" must have no '.'");
	expect_error("name = \"sales\"; channel", "name = \"42\"; channel", ":8: queues.[0].name: \"42\" must have no '.' and not be all digits");
	expect_error("per_hour = 100.0;", "per_hour = [ 1.0, 2.0 ]; step = \"0s\";", ":9: queues.[0].arrivals.step: must be positive");
	expect_error("name = \"erlang-a\"", "name = \"erlang a\"", ":1: name: \"erlang a\" must be letters");
	expect_error("queues = (", "queues = ( { name = \"x\"; arrivals = { per_hour = 1.0; }; handle = { dist = \"exponential\"; mean = 10.0; }; },",
	             "queue \"x\" is in no agent group's skills");
	expect_error("skills = [ \"sales\" ]", "skills = [ \"sales\", \"sales\" ]", "\"sales\" is listed twice");
	expect_error("per_hour = 100.0", "per_hour = [ 100.0, -2.0 ]", ":9: queues.[0].arrivals.per_hour.[1]: must be a rate");
	expect_error("agents = ( {", "agents = ( 3, {", ":16: agents.[0]: must be a group");
	expect_error("count = 7;", "count = = 7;", ":16: syntax error");
}

static void test_scenario_missing_file(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024];
	assert_int_equal(cc_scenario_load("/nonexistent/x.cfg", NULL, 0, &scn, err, sizeof err),
	                 CC_ERR_IO);
	assert_non_null(strstr(err, "/nonexistent/x.cfg: cannot open the scenario: No such file"));
}

static void test_scenario_set_overrides(void **state)
{
	(void)state;
	const char *sets[] = {
		"queues.sales.handle.mean=200s",   /* by name, unquoted string */
		"agents.[0].count=9",              /* by index */
		"seed=7",
		"output.contact_records=true",     /* a new group and key */
		"queues.[0].arrivals.per_hour=[60.0, 120.0]",
		"warmup=\"30m\"",
	};
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(base, sets, 6, &scn, err, sizeof err), CC_OK);
	assert_near(scn.queues[0].handle.mean, 200, 0);
	assert_int_equal(scn.groups[0].count, 9);
	assert_true(scn.seed == 7);
	assert_true(scn.contact_records);
	assert_int_equal(scn.queues[0].n_rates, 2);
	assert_near(scn.queues[0].per_hour[1], 120, 0);
	assert_near(scn.warmup_s, 1800, 0);
	assert_non_null(strstr(scn.overrides, "agents.[0].count=9\n"));
	cc_scenario_fini(&scn);

	const char *big[] = { "seed=99999999999" };
	assert_int_equal(tu_load(base, big, 1, &scn, err, sizeof err), CC_ERR_USAGE);
	assert_non_null(strstr(err, "--set seed: 99999999999 is too large"));
	const char *big_ok[] = { "seed=99999999999L" };
	assert_int_equal(tu_load(base, big_ok, 1, &scn, err, sizeof err), CC_OK);
	assert_true(scn.seed == 99999999999ULL);
	cc_scenario_fini(&scn);
	/* An element replaced in a list is the override's, not the file line's. */
	const char *element[] = { "agents.team.skills.[0]=x" };
	assert_int_equal(tu_load(base, element, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "--set agents.[0].skills.[0]: no queue is named \"x\""));
	const char *bad_value[] = { "agents.[0].count=-3" };
	assert_int_equal(tu_load(base, bad_value, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "--set agents.[0].count: must be from 1"));
	const char *bad_path[] = { "agents.[4].count=3" };
	assert_int_equal(tu_load(base, bad_path, 1, &scn, err, sizeof err), CC_ERR_USAGE);
	assert_non_null(strstr(err, "no setting \"[4]\""));
	const char *no_eq[] = { "seed" };
	assert_int_equal(tu_load(base, no_eq, 1, &scn, err, sizeof err), CC_ERR_USAGE);
	const char *unknown[] = { "colour=3" };
	assert_int_equal(tu_load(base, unknown, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "--set colour: unknown setting"));
}

static void test_scenario_other_shapes(void **state)
{
	(void)state;
	const char *text =
		"name = \"two\"; horizon = 7200; interval = 900;\n"
		"queues = ( { name = \"a\"; channel = \"chat\";\n"
		"             arrivals = { process = \"deterministic\"; per_hour = ( 10, 20.5, 0 ); step = \"20m\"; };\n"
		"             handle = { dist = \"empirical\"; values = [ \"1m\", \"3m\" ]; weights = [ 1.0, 3.0 ]; }; },\n"
		"           { name = \"b\"; arrivals = { per_hour = 12; };\n"
		"             handle = { dist = \"erlang\"; mean = \"4m\"; k = 3; };\n"
		"             acw = { dist = \"uniform\"; min = 10; max = \"30s\"; }; } );\n"
		"agents = ( { name = \"x\"; count = 2; skills = [ \"b\", \"a\" ]; },\n"
		"           { name = \"y\"; count = 1; skills = [ \"a\" ]; } );\n";
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(text, NULL, 0, &scn, err, sizeof err), CC_OK);
	assert_int_equal(scn.queues[0].channel, CC_CHANNEL_CHAT);
	assert_int_equal(scn.queues[0].process, CC_ARRIVALS_DETERMINISTIC);
	assert_int_equal(scn.queues[0].n_rates, 3);
	assert_near(scn.queues[0].rate_width_s, 1200, 0); /* its own step, not the interval */
	assert_near(scn.queues[0].handle.mean, 150, 1e-12);
	assert_false(scn.queues[1].has_patience);
	assert_near(scn.queues[1].acw.mean, 20, 1e-12);
	assert_int_equal(scn.groups[0].skills[0], 1);
	assert_int_equal(scn.replications, 10);
	assert_true(scn.seed == 1);
	assert_int_equal(cc_scenario_agents(&scn), 3);
	cc_scenario_fini(&scn);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scenario_loads_the_example),
		cmocka_unit_test(test_scenario_errors_name_file_line_and_setting),
		cmocka_unit_test(test_scenario_missing_file),
		cmocka_unit_test(test_scenario_set_overrides),
		cmocka_unit_test(test_scenario_other_shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
