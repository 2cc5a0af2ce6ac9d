#include "testutil.h"
#include "models/policies/policy.h"

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

/* A day of a blended center, with every agent-group setting. */
static const char full[] =
	"name = \"blend\";\n"                                                                     /* 1 */
	"horizon = \"24h\"; interval = \"15m\";\n"                                                /* 2 */
	"statuses = [ \"Break\", \"Lunch\", \"Training\", \"Outbound\" ];\n"                      /* 3 */
	"channels = { chat = { offer_timeout = \"45s\"; }; };\n"                                  /* 4 */
	"queues = (\n"                                                                            /* 5 */
	"  { name = \"sales\"; arrivals = { per_hour = 120.0; };\n"                               /* 6 */
	"    handle = { dist = \"exponential\"; mean = \"240s\"; }; rona_requeue = \"tail\"; },\n"  /* 7 */
	"  { name = \"web\"; channel = \"chat\"; arrivals = { per_hour = 30.0; };\n"              /* 8 */
	"    handle = { dist = \"lognormal\"; mean = \"420s\"; sd = \"300s\"; }; }\n"             /* 9 */
	");\n"                                                                                    /* 10 */
	"agents = (\n"                                                                            /* 11 */
	"  { name = \"front\"; skills = [ \"sales\", \"web\" ];\n"                                /* 12 */
	"    shifts = ( { start = \"8h\"; end = \"16h30m\"; count = 12; },\n"                     /* 13 */
	"               { start = \"12h\"; end = \"26h\"; count = 5; } );\n"                      /* 14 */
	"    login = \"Offline\";\n"                                                              /* 15 */
	"    login_delay = { dist = \"uniform\"; min = \"30s\"; max = \"2m30s\"; };\n"            /* 16 */
	"    idle_reason = \"Training\";\n"                                                       /* 17 */
	"    acw_limit = \"2m15s\";\n"                                                            /* 18 */
	"    planned = ( { status = \"Lunch\"; at = \"12h\"; window = \"2h\"; share = 0.85;\n"    /* 19 */
	"                  duration = { dist = \"deterministic\"; value = \"30m\"; }; },\n"       /* 20 */
	"                { status = \"Break\"; after = \"2h15m\"; duration = { dist = \"deterministic\"; value = \"15m\"; }; } );\n" /* 21 */
	"    unplanned = ( { status = \"Break\"; per_hour = 0.35; duration = { dist = \"exponential\"; mean = \"7m\"; }; } );\n" /* 22 */
	"    answer = { delay = { dist = \"uniform\"; min = \"2s\"; max = \"9s\"; }; miss = 0.025;\n" /* 23 */
	"               away = { per_hour = 0.45; duration = { dist = \"exponential\"; mean = \"95s\"; }; }; };\n" /* 24 */
	"    rona = { reaction = { dist = \"exponential\"; mean = \"40s\"; }; available = 0.7; idle = { dist = \"deterministic\"; value = \"65s\"; }; };\n" /* 25 */
	"    outbound = { per_hour = 2.5; from = \"10h\"; until = \"12h\"; status = \"Outbound\"; reach = 0.8;\n" /* 26 */
	"                 dial = { dist = \"deterministic\"; value = \"25s\"; }; handle = { dist = \"exponential\"; mean = \"210s\"; };\n" /* 27 */
	"                 acw = { dist = \"deterministic\"; value = \"45s\"; }; available_after = false; idle_after = { dist = \"deterministic\"; value = \"10s\"; }; };\n" /* 28 */
	"  },\n"                                                                                  /* 29 */
	"  { name = \"back\"; skills = [ \"web\" ]; profile = { step = \"1h\"; counts = [ 0, 4, 9, 6, 0 ]; }; }\n" /* 30 */
	");\n"                                                                                    /* 31 */
	"output = { agent_events = true; };\n";                                                   /* 32 */

/* TEXT with FROM replaced by TO, into BUF. */
static void edit(char *buf, size_t len, const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	if (!at)
		fail_msg("'%s' is not in the scenario", from);
	snprintf(buf, len, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

/* Loads TEXT with FROM replaced by TO; expects an error that contains WANT. */
static void expect_error_in(const char *text, const char *from, const char *to, const char *want)
{
	char edited[8192];
	edit(edited, sizeof edited, text, from, to);
	struct cc_scenario scn;
	char err[1024] = "";
	enum cc_status st = tu_load(edited, NULL, 0, &scn, err, sizeof err);
	if (st != CC_ERR_SCENARIO || !strstr(err, want) || strstr(err, "--set"))
		fail_msg("replacing '%s' by '%s': status %d, message '%s', wanted '%s'", from, to, st,
		         err, want);
}

/* Loads BASE with the text FROM replaced by TO; expects an error that contains WANT. */
static void expect_error(const char *from, const char *to, const char *want)
{
	expect_error_in(base, from, to, want);
}

/* Loads TEXT with FROM replaced by TO into SCN, which must succeed. */
static void load_edited(const char *text, const char *from, const char *to,
                        struct cc_scenario *scn)
{
	char edited[8192], err[1024] = "";
	edit(edited, sizeof edited, text, from, to);
	if (tu_load(edited, NULL, 0, scn, err, sizeof err) != CC_OK)
		fail_msg("replacing '%s' by '%s': %s", from, to, err);
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
	/* Too many intervals get a message, not a crash (with the default interval, 30 m, the
	 * longest horizon, 100 years, stays below the limit). */
	{
		struct cc_scenario scn;
		char err[1024] = "";
		char *text = tu_erlang_scenario(100, 180, 7, 0, "horizon = \"800000h\"; interval = \"1m\";");
		assert_int_equal(tu_load(text, NULL, 0, &scn, err, sizeof err), CC_ERR_SCENARIO);
		assert_non_null(strstr(err, ": interval: gives more than 10000000 intervals"));
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
	expect_error("count = 7;", "count = = 7;", ":16: agents.[0].count: expected a value after '=' (a number, a \"string\", true, false, { }, ( ) or [ ]) (found '=')");
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
	assert_non_null(strstr(err, "there is no [4]: the list has 1 element, [0] to [0]"));
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

/* A constant-0 distribution: what every optional distribution left out must be. */
static void assert_zero_dist(const struct cc_dist *d)
{
	assert_int_equal(d->kind, CC_DIST_DETERMINISTIC);
	assert_near(d->mean, 0, 0);
}

static void test_scenario_agent_defaults(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(base, NULL, 0, &scn, err, sizeof err), CC_OK);
	assert_near(scn.channels[CC_CHANNEL_VOICE].offer_timeout_s, 18, 0);
	assert_near(scn.channels[CC_CHANNEL_CALLBACK].offer_timeout_s, 18, 0);
	assert_near(scn.channels[CC_CHANNEL_CHAT].offer_timeout_s, 30, 0);
	assert_near(scn.channels[CC_CHANNEL_EMAIL].offer_timeout_s, 30, 0);
	assert_near(scn.channels[CC_CHANNEL_TASK].offer_timeout_s, 30, 0);
	assert_int_equal(scn.n_statuses, 0);
	assert_int_equal(cc_scenario_status_count(&scn), CC_AGENT_FIRST_NPT);
	assert_string_equal(cc_scenario_status_name(&scn, CC_AGENT_OFFLINE), "Offline");
	assert_string_equal(cc_scenario_status_name(&scn, CC_AGENT_AVAILABLE), "Available");
	assert_string_equal(cc_scenario_status_name(&scn, CC_AGENT_RONA), "RONA");
	assert_string_equal(cc_scenario_status_name(&scn, CC_AGENT_FIRST_NPT), "?");
	assert_int_equal(scn.queues[0].requeue, CC_REQUEUE_ORIGINAL);
	assert_false(scn.agent_events);
	const struct cc_group_cfg *g = &scn.groups[0];
	assert_int_equal(g->count, 7);
	assert_int_equal(g->n_shifts, 0);
	assert_null(g->shifts);
	assert_null(g->profile);
	assert_int_equal(g->login_status, CC_AGENT_AVAILABLE);
	assert_int_equal(g->idle_status, -1);
	assert_true(isinf(g->acw_limit_s) && g->acw_limit_s > 0);
	assert_int_equal(g->n_planned, 0);
	assert_int_equal(g->n_unplanned, 0);
	assert_near(g->answer.miss, 0, 0);
	assert_near(g->answer.away_per_hour, 0, 0);
	assert_near(g->rona.available, 1, 0);
	assert_near(g->outbound.per_hour, 0, 0);
	assert_near(g->outbound.from_s, 0, 0);
	assert_true(isinf(g->outbound.until_s) && g->outbound.until_s > 0);
	assert_int_equal(g->outbound.status, -1);
	assert_near(g->outbound.reach, 1, 0);
	assert_true(g->outbound.available_after);
	const struct cc_dist *zero[] = { &g->login_delay, &g->answer.delay, &g->answer.away,
	                                 &g->rona.reaction, &g->rona.idle, &g->outbound.dial,
	                                 &g->outbound.handle, &g->outbound.acw,
	                                 &g->outbound.idle_after };
	for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
		assert_zero_dist(zero[i]);
	cc_scenario_fini(&scn);

	/* With statuses the idle reason defaults to the first one; the fixed names are read
	 * whatever their case; a profile's step defaults to the interval and its peak is the
	 * group's size. */
	load_edited(base, "count = 7;",
	            "profile = { counts = [ 2, 5, 3 ]; }; login = \"offline\";\n"
	            "outbound = { per_hour = 1.25; handle = { dist = \"exponential\"; mean = \"3m\"; }; };",
	            &scn);
	assert_int_equal(scn.groups[0].login_status, CC_AGENT_OFFLINE);
	assert_int_equal(scn.groups[0].count, 5);
	assert_int_equal(scn.groups[0].n_profile, 3);
	assert_int_equal(scn.groups[0].profile[2], 3);
	assert_near(scn.groups[0].profile_step_s, 1800, 0);
	assert_near(scn.groups[0].outbound.handle.mean, 180, 0);
	assert_true(isinf(scn.groups[0].outbound.until_s));
	cc_scenario_fini(&scn);
	load_edited(base, "replications = 20;", "replications = 20; statuses = ( \"Meeting\", \"Lunch\" );",
	            &scn);
	assert_int_equal(scn.n_statuses, 2);
	assert_int_equal(scn.groups[0].idle_status, CC_AGENT_FIRST_NPT);
	assert_int_equal(cc_scenario_status_count(&scn), 5);
	assert_string_equal(cc_scenario_status_name(&scn, 3), "Meeting");
	assert_string_equal(cc_scenario_status_name(&scn, 4), "Lunch");
	assert_string_equal(cc_scenario_status_name(&scn, 5), "?");
	cc_scenario_fini(&scn);
}

static void test_scenario_full_agent_group(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(full, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_int_equal(scn.n_statuses, 4);
	assert_int_equal(cc_scenario_status_count(&scn), 7);
	assert_string_equal(cc_scenario_status_name(&scn, 6), "Outbound");
	assert_near(scn.channels[CC_CHANNEL_CHAT].offer_timeout_s, 45, 0);
	assert_near(scn.channels[CC_CHANNEL_VOICE].offer_timeout_s, 18, 0);
	assert_int_equal(scn.queues[0].requeue, CC_REQUEUE_TAIL);
	assert_int_equal(scn.queues[1].requeue, CC_REQUEUE_ORIGINAL);
	assert_true(scn.agent_events);
	assert_false(scn.contact_records);

	const struct cc_group_cfg *g = &scn.groups[0];
	enum { BREAK = 3, LUNCH, TRAINING, OUTBOUND };
	assert_int_equal(g->count, 17);
	assert_int_equal(g->n_shifts, 2);
	assert_near(g->shifts[0].start_s, 8 * 3600, 0);
	assert_near(g->shifts[0].end_s, 16.5 * 3600, 0);
	assert_int_equal(g->shifts[0].count, 12);
	assert_near(g->shifts[1].end_s, 26 * 3600, 0); /* past the horizon: allowed */
	assert_int_equal(g->shifts[1].count, 5);
	assert_null(g->profile);
	assert_int_equal(g->login_status, CC_AGENT_OFFLINE);
	assert_int_equal(g->login_delay.kind, CC_DIST_UNIFORM);
	assert_near(g->login_delay.mean, 90, 1e-9);
	assert_int_equal(g->idle_status, TRAINING);
	assert_near(g->acw_limit_s, 135, 0);

	assert_int_equal(g->n_planned, 2);
	assert_int_equal(g->planned[0].status, LUNCH);
	assert_false(g->planned[0].after_login);
	assert_near(g->planned[0].at_s, 12 * 3600, 0);
	assert_near(g->planned[0].window_s, 7200, 0);
	assert_near(g->planned[0].share, 0.85, 0);
	assert_near(g->planned[0].duration.mean, 1800, 0);
	assert_int_equal(g->planned[1].status, BREAK);
	assert_true(g->planned[1].after_login);
	assert_near(g->planned[1].at_s, 8100, 0);
	assert_near(g->planned[1].window_s, 0, 0);
	assert_near(g->planned[1].share, 1, 0);
	assert_near(g->planned[1].duration.mean, 900, 0);

	assert_int_equal(g->n_unplanned, 1);
	assert_int_equal(g->unplanned[0].status, BREAK);
	assert_near(g->unplanned[0].per_hour, 0.35, 0);
	assert_int_equal(g->unplanned[0].duration.kind, CC_DIST_EXPONENTIAL);
	assert_near(g->unplanned[0].duration.mean, 420, 0);

	assert_near(g->answer.delay.mean, 5.5, 1e-9);
	assert_near(g->answer.miss, 0.025, 0);
	assert_near(g->answer.away_per_hour, 0.45, 0);
	assert_near(g->answer.away.mean, 95, 0);

	assert_near(g->rona.reaction.mean, 40, 0);
	assert_near(g->rona.available, 0.7, 0);
	assert_near(g->rona.idle.mean, 65, 0);

	const struct cc_outbound_cfg *o = &g->outbound;
	assert_near(o->per_hour, 2.5, 0);
	assert_near(o->from_s, 36000, 0);
	assert_near(o->until_s, 43200, 0);
	assert_int_equal(o->status, OUTBOUND);
	assert_near(o->reach, 0.8, 0);
	assert_near(o->dial.mean, 25, 0);
	assert_near(o->handle.mean, 210, 0);
	assert_near(o->acw.mean, 45, 0);
	assert_false(o->available_after);
	assert_near(o->idle_after.mean, 10, 0);

	/* A profile: the group is as large as its peak. */
	const struct cc_group_cfg *b = &scn.groups[1];
	assert_int_equal(b->count, 9);
	assert_int_equal(b->n_shifts, 0);
	assert_int_equal(b->n_profile, 5);
	assert_int_equal(b->profile[0], 0);
	assert_int_equal(b->profile[2], 9);
	assert_near(b->profile_step_s, 3600, 0);
	assert_int_equal(b->idle_status, BREAK); /* the first status */
	assert_int_equal(b->login_status, CC_AGENT_AVAILABLE);
	assert_int_equal(cc_scenario_agents(&scn), 26);
	cc_scenario_fini(&scn);
}

static void test_scenario_agent_errors(void **state)
{
	(void)state;
	/* statuses and channels */
	expect_error_in(full, "idle_reason = \"Training\"", "idle_reason = \"Coffee\"",
	                ":17: agents.[0].idle_reason: no status is named \"Coffee\" (statuses: Break, Lunch, Training, Outbound)");
	expect_error("count = 7;", "count = 7; idle_reason = \"Break\";",
	             ":16: agents.[0].idle_reason: no status is named \"Break\" (statuses: none");
	expect_error_in(full, "status = \"Lunch\"", "status = \"Available\"",
	                ":19: agents.[0].planned.[0].status: Available is not a not-productive status (expected one of statuses: Break, Lunch");
	expect_error_in(full, "status = \"Outbound\"", "status = \"offline\"",
	                ":26: agents.[0].outbound.status: Offline is not a not-productive status");
	expect_error_in(full, "login = \"Offline\"", "login = \"RONA\"",
	                ":15: agents.[0].login: RONA is set by the system only (expected Available, Offline or a status");
	expect_error_in(full, "status = \"Break\"; per_hour", "status = \"Rona\"; per_hour",
	                ":22: agents.[0].unplanned.[0].status: RONA is set by the system only");
	expect_error_in(full, "\"Lunch\", \"Training\"", "\"available\", \"Training\"",
	                ":3: statuses.[1]: \"available\" is a status of its own");
	expect_error_in(full, "\"Lunch\", \"Training\"", "\"Lunch\", \"lunch\"",
	                ":3: statuses.[2]: \"lunch\" is listed twice");
	expect_error_in(full, "\"Lunch\", \"Training\"", "\"Lunch\", \"Team meeting\"",
	                ":3: statuses.[2]: \"Team meeting\" must be letters");
	expect_error_in(full, "[ \"Break\", \"Lunch\", \"Training\", \"Outbound\" ]",
	                "( \"Break\", \"Lunch\", 4 )",
	                ":3: statuses.[2]: must be a status name (got a whole number)");
	expect_error_in(full, "statuses = [ \"Break\", \"Lunch\", \"Training\", \"Outbound\" ]",
	                "statuses = \"Break\"", ":3: statuses: must be a list of status names");
	expect_error_in(full, "chat = {", "fax = {",
	                ":4: channels.fax: unknown setting (expected one of: voice, chat, email, task, callback)");
	expect_error_in(full, "offer_timeout = \"45s\"", "offer_timeout = 0",
	                ":4: channels.chat.offer_timeout: must be positive");
	expect_error_in(full, "offer_timeout = \"45s\"", "ring = \"45s\"",
	                ":4: channels.chat.ring: unknown setting (expected one of: offer_timeout, slowdown)");
	expect_error_in(full, "rona_requeue = \"tail\"", "rona_requeue = \"middle\"",
	                ":7: queues.[0].rona_requeue: unknown place \"middle\" (expected original or tail)");
	expect_error_in(full, "agent_events = true", "agent_events = 1",
	                ":32: output.agent_events: must be true or false (got a whole number)");

	/* the schedule */
	expect_error_in(full, "login = \"Offline\";", "count = 3; login = \"Offline\";",
	                ":13: agents.[0].shifts: give only one of count, shifts and profile (count is given too)");
	expect_error_in(full, "profile = {", "count = 2; profile = {",
	                ":30: agents.[1].profile: give only one of count, shifts and profile (count is given too)");
	expect_error("count = 7; ", "", ":16: agents.[0]: has no schedule: give count, shifts or profile");
	expect_error_in(full, "end = \"16h30m\"", "end = \"8h\"",
	                ":13: agents.[0].shifts.[0].end: must be after start");
	expect_error_in(full, "start = \"12h\"", "start = \"24h\"",
	                ":14: agents.[0].shifts.[1].start: must be before the horizon");
	expect_error_in(full, "count = 12;", "count = 0;", ":13: agents.[0].shifts.[0].count: must be from 1 to 1000000");
	expect_error_in(full, "count = 12;", "count = 999999;", ":14: agents.[0].shifts.[1].count: brings the group above 1000000 agents");
	expect_error_in(full, "count = 12; }", "count = 12; stop = 3; }", ":13: agents.[0].shifts.[0].stop: unknown setting");
	expect_error_in(full, "end = \"26h\"; ", "", ":14: agents.[0].shifts.[1].end: missing (required)");
	expect_error("count = 7;", "shifts = ( );", ":16: agents.[0].shifts: must list at least one shift");
	expect_error("count = 7;", "shifts = { start = 0; };", ":16: agents.[0].shifts: must be a list");
	expect_error_in(full, "counts = [ 0, 4, 9, 6, 0 ]", "counts = [ 0, 0 ]",
	                ":30: agents.[1].profile.counts: must have a count above 0");
	expect_error_in(full, "counts = [ 0, 4, 9, 6, 0 ]", "counts = [ 0, 4, -9 ]",
	                ":30: agents.[1].profile.counts.[2]: must be from 0 to 1000000 (got -9)");
	expect_error_in(full, "counts = [ 0, 4, 9, 6, 0 ]", "counts = [ ]",
	                ":30: agents.[1].profile.counts: must list at least one count");
	expect_error_in(full, "step = \"1h\"; ", "step = 0; ", ":30: agents.[1].profile.step: must be positive");
	expect_error_in(full, "step = \"1h\"; counts = [ 0, 4, 9, 6, 0 ]", "step = \"1h\"",
	                ":30: agents.[1].profile.counts: missing (required)");

	/* login, idle reason, ACW limit */
	expect_error_in(full, "acw_limit = \"2m15s\"", "acw_limit = 0", ":18: agents.[0].acw_limit: must be positive");
	expect_error_in(full, "max = \"2m30s\"", "max = \"2s\"", ":16: agents.[0].login_delay.max:");

	/* planned and unplanned statuses */
	expect_error_in(full, "share = 0.85", "share = 1.5",
	                ":19: agents.[0].planned.[0].share: must be a share from 0 to 1 (got 1.5)");
	expect_error_in(full, "after = \"2h15m\";", "at = \"9h\"; after = \"2h15m\";",
	                ":21: agents.[0].planned.[1].after: give at (from time 0) or after (from each shift's start), not both");
	expect_error_in(full, "after = \"2h15m\";", "",
	                ":21: agents.[0].planned.[1]: needs at (from time 0) or after");
	expect_error_in(full, "share = 0.85;\n                  duration = { dist = \"deterministic\"; value = \"30m\"; };",
	                "share = 0.85;", ":19: agents.[0].planned.[0].duration: missing (required)");
	expect_error_in(full, "window = \"2h\"", "spread = \"2h\"", ":19: agents.[0].planned.[0].spread: unknown setting");
	expect_error("count = 7;", "count = 7; planned = { at = \"12h\"; };",
	             ":16: agents.[0].planned: must be a list ( { ... }, { ... } ) (got a group { })");
	expect_error_in(full, "per_hour = 0.35", "per_hour = 0.0",
	                ":22: agents.[0].unplanned.[0].per_hour: must be above 0 and up to 3600 an hour (got 0)");
	expect_error_in(full, "per_hour = 0.35", "per_hour = 4000",
	                ":22: agents.[0].unplanned.[0].per_hour: must be above 0 and up to 3600");
	expect_error_in(full, "status = \"Break\"; per_hour", "per_hour",
	                ":22: agents.[0].unplanned.[0].status: missing (required)");

	/* offers and RONA */
	expect_error_in(full, "miss = 0.025", "miss = 1.2", ":23: agents.[0].answer.miss: must be a share");
	expect_error_in(full, "per_hour = 0.45; duration = { dist = \"exponential\"; mean = \"95s\"; };",
	                "per_hour = 0.45;", ":24: agents.[0].answer.away.duration: missing (required)");
	expect_error_in(full, "away = { per_hour = 0.45; ", "away = { ",
	                ":24: agents.[0].answer.away.per_hour: missing (required)");
	expect_error_in(full, "miss = 0.025", "miss = 0.025; ring = 3", ":23: agents.[0].answer.ring: unknown setting");
	expect_error("count = 7;", "count = 7; rona = { available = 0.6; };",
	             ":16: agents.[0].rona.available: agents who do not choose Available go to the idle reason: name statuses (and idle_reason)");
	expect_error_in(full, "available = 0.7", "available = -0.1", ":25: agents.[0].rona.available: must be a share");

	/* outbound */
	expect_error_in(full, "handle = { dist = \"exponential\"; mean = \"210s\"; };", "",
	                ":26: agents.[0].outbound.handle: missing (required)");
	expect_error_in(full, "mean = \"210s\"", "mean = 0", ":27: agents.[0].outbound.handle");
	expect_error_in(full, "until = \"12h\"", "until = \"10h\"", ":26: agents.[0].outbound.until: must be after from");
	expect_error_in(full, "per_hour = 2.5", "per_hour = -2.5",
	                ":26: agents.[0].outbound.per_hour: must be from 0 to 3600 an hour (got -2.5)");
	expect_error_in(full, "reach = 0.8", "reach = 80", ":26: agents.[0].outbound.reach: must be a share");
	expect_error_in(full, "available_after = false", "available_after = 0",
	                ":28: agents.[0].outbound.available_after: must be true or false");
	expect_error("count = 7;", "count = 7; outbound = { available_after = false; };",
	             ":16: agents.[0].outbound.available_after: agents who stay idle after an outdial need a status");
	expect_error_in(full, "reach = 0.8", "reach = 0.8; campaign = 1", ":26: agents.[0].outbound.campaign: unknown setting");
}

/* More statuses than fit in the agent event stream's bytes are refused. */
static void test_scenario_too_many_statuses(void **state)
{
	(void)state;
	char list[8192] = "statuses = [";
	for (int i = 0; i < CC_MAX_STATUSES - CC_AGENT_FIRST_NPT + 1; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s\"S%d\"", i ? ", " : " ", i);
	strcat(list, " ];\nqueues = (");
	expect_error("queues = (", list, ":7: statuses: names 198 statuses: at most 197 fit");
	/* exactly as many as fit load */
	char *cut = strstr(list, ", \"S197\"");
	assert_non_null(cut);
	memmove(cut, cut + strlen(", \"S197\""), strlen(cut + strlen(", \"S197\"")) + 1);
	struct cc_scenario scn;
	load_edited(base, "queues = (", list, &scn);
	assert_int_equal(cc_scenario_status_count(&scn), CC_MAX_STATUSES);
	assert_string_equal(cc_scenario_status_name(&scn, CC_MAX_STATUSES - 1), "S196");
	cc_scenario_fini(&scn);
}

static void test_scenario_set_agent_model(void **state)
{
	(void)state;
	const char *sets[] = {
		"channels.voice.offer_timeout=6s",   /* a new group, made on the way */
		"queues.sales.rona_requeue=tail",
		"agents.team.answer.miss=0.1",
		"statuses=[\"Break\", \"Lunch\"]",
		"agents.team.idle_reason=Lunch",
		"output.agent_events=true",
	};
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(base, sets, 6, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_near(scn.channels[CC_CHANNEL_VOICE].offer_timeout_s, 6, 0);
	assert_near(scn.channels[CC_CHANNEL_CHAT].offer_timeout_s, 30, 0);
	assert_int_equal(scn.queues[0].requeue, CC_REQUEUE_TAIL);
	assert_near(scn.groups[0].answer.miss, 0.1, 0);
	assert_int_equal(scn.n_statuses, 2);
	assert_int_equal(scn.groups[0].idle_status, CC_AGENT_FIRST_NPT + 1);
	assert_true(scn.agent_events);
	cc_scenario_fini(&scn);

	const char *zero[] = { "channels.voice.offer_timeout=0" };
	assert_int_equal(tu_load(base, zero, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ": --set channels.voice.offer_timeout: must be positive"));
	const char *fax[] = { "channels.fax.offer_timeout=6s" };
	assert_int_equal(tu_load(base, fax, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ": --set channels.fax: unknown setting (expected one of: voice, chat"));
	const char *shifts[] = { "agents.team.shifts=({ start = \"8h\"; end = \"9h\"; count = 3; })" };
	assert_int_equal(tu_load(base, shifts, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ": --set agents.[0].shifts: give only one of count, shifts and profile"));
}

/* Routing profiles, a policy, and every queue extra: head starts, callbacks, dialing,
 * pauses, rings and slowdowns. */
static const char routed[] =
	"name = \"routed\";\n"                                                                    /* 1 */
	"horizon = \"8h\";\n"                                                                     /* 2 */
	"routing = { policy = \"bullseye\"; idle_timer = \"inbound\"; };\n"                       /* 3 */
	"channels = { chat = { slowdown = [ 1.0, 1.2, 1.45 ]; }; email = { slowdown = ( 1, 1.125 ); }; };\n" /* 4 */
	"queues = (\n"                                                                            /* 5 */
	"  { name = \"sales\"; arrivals = { per_hour = 60.5; }; handle = { dist = \"exponential\"; mean = \"3m\"; };\n" /* 6 */
	"    patience = { dist = \"exponential\"; mean = \"4m\"; };\n"                            /* 7 */
	"    priorities = ( { share = 0.125; head_start = \"2m\"; }, { share = 0.0625; head_start = \"5m30s\"; } );\n" /* 8 */
	"    callback = { queue = \"cb\"; threshold = \"2m15s\"; accept = 0.45; estimate = \"oldest\"; };\n" /* 9 */
	"    rings = ( { after = \"5s\"; level = 8; }, { after = \"20s\"; level = 5; }, { after = \"1m\"; level = 1; } ); },\n" /* 10 */
	"  { name = \"web\"; channel = \"chat\"; arrivals = { per_hour = 30.0; }; handle = { dist = \"exponential\"; mean = \"6m\"; }; },\n" /* 11 */
	"  { name = \"mail\"; channel = \"email\"; arrivals = { per_hour = 10.0; }; handle = { dist = \"exponential\"; mean = \"7m\"; };\n" /* 12 */
	"    service_level = { threshold = \"24h\"; target = 0.9; }; },\n"                       /* 13 */
	"  { name = \"work\"; channel = \"task\"; arrivals = { per_hour = 5.0; }; handle = { dist = \"exponential\"; mean = \"10m\"; };\n" /* 14 */
	"    pause = { share = 0.35; duration = { dist = \"deterministic\"; value = \"45m\"; }; }; },\n" /* 15 */
	"  { name = \"cb\"; channel = \"callback\"; arrivals = { per_hour = 0.0; }; handle = { dist = \"exponential\"; mean = \"3m\"; };\n" /* 16 */
	"    dialing = { pending = { dist = \"uniform\"; min = \"1m\"; max = \"5m\"; }; dial = { dist = \"deterministic\"; value = \"20s\"; };\n" /* 17 */
	"                reach = 0.8; retries = 2; retry_delay = \"10m\"; }; },\n"                /* 18 */
	"  { name = \"cb2\"; channel = \"callback\"; arrivals = { per_hour = 0.0; }; handle = { dist = \"exponential\"; mean = \"3m\"; }; }\n" /* 19 */
	");\n"                                                                                    /* 20 */
	"routing_profiles = (\n"                                                                  /* 21 */
	"  { name = \"blended\"; concurrency = { voice = 1; chat = 3; email = 2; }; cross_channel = true;\n" /* 22 */
	"    queues = ( { queue = \"sales\"; priority = 2; delay = \"30s\"; level = 5; }, \"web\", { queue = \"mail\"; level = 7; } ); },\n" /* 23 */
	"  { name = \"back\"; concurrency = { task = 4; callback = 1; }; queues = [ \"work\", \"cb\", \"cb2\" ]; },\n" /* 24 */
	"  { name = \"spare\"; concurrency = { voice = 1; }; queues = ( \"sales\" ); }\n"         /* 25 */
	");\n"                                                                                    /* 26 */
	"agents = (\n"                                                                            /* 27 */
	"  { name = \"front\"; count = 5; skills = [ \"web\", \"sales\" ]; },\n"                  /* 28 */
	"  { name = \"mixed\"; count = 4; routing_profile = \"blended\"; },\n"                    /* 29 */
	"  { name = \"office\"; count = 2; routing_profile = \"back\"; }\n"                        /* 30 */
	");\n";                                                                                   /* 31 */

static void test_scenario_channel_helpers(void **state)
{
	(void)state;
	assert_false(cc_channel_deferrable(CC_CHANNEL_VOICE));
	assert_false(cc_channel_deferrable(CC_CHANNEL_CHAT));
	assert_true(cc_channel_deferrable(CC_CHANNEL_EMAIL));
	assert_true(cc_channel_deferrable(CC_CHANNEL_TASK));
	assert_true(cc_channel_deferrable(CC_CHANNEL_CALLBACK));
	assert_int_equal(cc_channel_max_concurrency(CC_CHANNEL_VOICE), 1);
	assert_int_equal(cc_channel_max_concurrency(CC_CHANNEL_CALLBACK), 1);
	assert_int_equal(cc_channel_max_concurrency(CC_CHANNEL_CHAT), 10);
	assert_int_equal(cc_channel_max_concurrency(CC_CHANNEL_EMAIL), 10);
	assert_int_equal(cc_channel_max_concurrency(CC_CHANNEL_TASK), 10);
}

/* Without any of the new settings: the default policy, a profile made from the skills, and
 * queues with no extras (but usable distributions). */
static void test_scenario_routing_defaults(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(base, NULL, 0, &scn, err, sizeof err), CC_OK);
	assert_string_equal(scn.routing.policy, CC_POLICY_DEFAULT);
	assert_string_equal(scn.routing.policy, "longest_idle");
	assert_int_equal(scn.routing.idle_inbound, 0);
	for (int c = 0; c < CC_CHANNEL_COUNT; c++) {
		assert_null(scn.channels[c].slowdown);
		assert_int_equal(scn.channels[c].n_slowdown, 0);
	}
	const struct cc_queue_cfg *q = &scn.queues[0];
	assert_null(q->priorities);
	assert_int_equal(q->n_priorities, 0);
	assert_near(q->pause.share, 0, 0);
	assert_zero_dist(&q->pause.duration);
	assert_int_equal(q->callback.queue, -1);
	assert_near(q->callback.accept, 1, 0);
	assert_int_equal(q->callback.estimate, CC_ESTIMATE_QUEUE);
	assert_null(q->rings);
	assert_int_equal(q->n_rings, 0);
	assert_int_equal(scn.n_profiles, 1);
	const struct cc_routing_profile_cfg *p = &scn.profiles[0];
	assert_string_equal(p->name, "team");
	assert_int_equal(p->concurrency[CC_CHANNEL_VOICE], 1);
	for (int c = CC_CHANNEL_CHAT; c < CC_CHANNEL_COUNT; c++)
		assert_int_equal(p->concurrency[c], 0);
	assert_false(p->cross_channel);
	assert_int_equal(p->n_queues, 1);
	assert_int_equal(p->queues[0].queue, 0);
	assert_int_equal(p->queues[0].priority, 1);
	assert_near(p->queues[0].delay_s, 0, 0);
	assert_int_equal(p->queues[0].level, 1);
	assert_int_equal(scn.groups[0].routing, 0);
	cc_scenario_fini(&scn);

	/* routing given with only an idle timer keeps the default policy. */
	load_edited(base, "replications = 20;", "replications = 20; routing = { idle_timer = \"activity\"; };", &scn);
	assert_string_equal(scn.routing.policy, "longest_idle");
	assert_int_equal(scn.routing.idle_inbound, 0);
	cc_scenario_fini(&scn);
}

/* Groups giving skills get a profile each, named after them, after the declared ones:
 * concurrency 1 on their queues' channels, priorities by position. */
static void test_scenario_implicit_profiles(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(full, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_int_equal(scn.n_profiles, 2);
	const struct cc_routing_profile_cfg *front = &scn.profiles[0], *back = &scn.profiles[1];
	assert_string_equal(front->name, "front");
	assert_int_equal(front->concurrency[CC_CHANNEL_VOICE], 1);
	assert_int_equal(front->concurrency[CC_CHANNEL_CHAT], 1);
	assert_int_equal(front->concurrency[CC_CHANNEL_EMAIL], 0);
	assert_int_equal(front->n_queues, 2);
	assert_int_equal(front->queues[0].queue, 0);
	assert_int_equal(front->queues[0].priority, 1);
	assert_int_equal(front->queues[1].queue, 1);
	assert_int_equal(front->queues[1].priority, 2);
	assert_int_equal(front->queues[1].level, 1);
	assert_near(front->queues[1].delay_s, 0, 0);
	assert_string_equal(back->name, "back");
	assert_int_equal(back->concurrency[CC_CHANNEL_VOICE], 0);
	assert_int_equal(back->concurrency[CC_CHANNEL_CHAT], 1);
	assert_int_equal(back->n_queues, 1);
	assert_int_equal(back->queues[0].queue, 1);
	assert_int_equal(scn.groups[0].routing, 0);
	assert_int_equal(scn.groups[1].routing, 1);
	cc_scenario_fini(&scn);

	/* Among declared profiles, the implicit one comes last; its order is the skills'. */
	if (tu_load(routed, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_int_equal(scn.n_profiles, 4);
	const struct cc_routing_profile_cfg *own = &scn.profiles[3];
	assert_string_equal(own->name, "front");
	assert_int_equal(scn.groups[0].routing, 3);
	assert_int_equal(own->concurrency[CC_CHANNEL_VOICE], 1);
	assert_int_equal(own->concurrency[CC_CHANNEL_CHAT], 1);
	assert_int_equal(own->concurrency[CC_CHANNEL_TASK], 0);
	assert_int_equal(own->n_queues, 2);
	assert_int_equal(own->queues[0].queue, 1); /* web */
	assert_int_equal(own->queues[0].priority, 1);
	assert_int_equal(own->queues[1].queue, 0); /* sales */
	assert_int_equal(own->queues[1].priority, 2);
	assert_int_equal(scn.groups[0].n_skills, 2);
	assert_int_equal(scn.groups[0].skills[0], 1);
	assert_int_equal(scn.groups[0].skills[1], 0);
	cc_scenario_fini(&scn);
}

static void test_scenario_routing_profiles(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(routed, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_string_equal(scn.routing.policy, "bullseye");
	assert_int_equal(scn.routing.idle_inbound, 1);

	const struct cc_routing_profile_cfg *b = &scn.profiles[0];
	assert_string_equal(b->name, "blended");
	assert_int_equal(b->concurrency[CC_CHANNEL_VOICE], 1);
	assert_int_equal(b->concurrency[CC_CHANNEL_CHAT], 3);
	assert_int_equal(b->concurrency[CC_CHANNEL_EMAIL], 2);
	assert_int_equal(b->concurrency[CC_CHANNEL_TASK], 0);
	assert_int_equal(b->concurrency[CC_CHANNEL_CALLBACK], 0);
	assert_true(b->cross_channel);
	assert_int_equal(b->n_queues, 3);
	assert_int_equal(b->queues[0].queue, 0);
	assert_int_equal(b->queues[0].priority, 2);
	assert_near(b->queues[0].delay_s, 30, 0);
	assert_int_equal(b->queues[0].level, 5);
	assert_int_equal(b->queues[1].queue, 1); /* a bare name: the defaults */
	assert_int_equal(b->queues[1].priority, 1);
	assert_near(b->queues[1].delay_s, 0, 0);
	assert_int_equal(b->queues[1].level, 1);
	assert_int_equal(b->queues[2].queue, 2);
	assert_int_equal(b->queues[2].priority, 1);
	assert_int_equal(b->queues[2].level, 7);

	const struct cc_routing_profile_cfg *o = &scn.profiles[1];
	assert_string_equal(o->name, "back");
	assert_false(o->cross_channel);
	assert_int_equal(o->concurrency[CC_CHANNEL_TASK], 4);
	assert_int_equal(o->concurrency[CC_CHANNEL_CALLBACK], 1);
	assert_int_equal(o->n_queues, 3);
	assert_int_equal(o->queues[2].queue, 5);
	assert_string_equal(scn.profiles[2].name, "spare"); /* used by no group: allowed */

	/* Groups: the profile's index, and its queues as skills in the profile's order. */
	const struct cc_group_cfg *mixed = &scn.groups[1], *office = &scn.groups[2];
	assert_int_equal(mixed->routing, 0);
	assert_int_equal(mixed->n_skills, 3);
	assert_int_equal(mixed->skills[0], 0);
	assert_int_equal(mixed->skills[1], 1);
	assert_int_equal(mixed->skills[2], 2);
	assert_int_equal(office->routing, 1);
	assert_int_equal(office->n_skills, 3);
	assert_int_equal(office->skills[0], 3);
	assert_int_equal(office->skills[1], 4);
	assert_int_equal(office->skills[2], 5);
	cc_scenario_fini(&scn);
}

static void test_scenario_queue_extras(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(routed, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	const struct cc_channel_cfg *chat = &scn.channels[CC_CHANNEL_CHAT];
	assert_int_equal(chat->n_slowdown, 3);
	assert_near(chat->slowdown[0], 1, 0);
	assert_near(chat->slowdown[1], 1.2, 0);
	assert_near(chat->slowdown[2], 1.45, 0);
	assert_int_equal(scn.channels[CC_CHANNEL_EMAIL].n_slowdown, 2);
	assert_near(scn.channels[CC_CHANNEL_EMAIL].slowdown[1], 1.125, 0);
	assert_null(scn.channels[CC_CHANNEL_VOICE].slowdown);

	const struct cc_queue_cfg *sales = &scn.queues[0];
	assert_int_equal(sales->n_priorities, 2);
	assert_near(sales->priorities[0].share, 0.125, 0);
	assert_near(sales->priorities[0].head_start_s, 120, 0);
	assert_near(sales->priorities[1].share, 0.0625, 0);
	assert_near(sales->priorities[1].head_start_s, 330, 0);
	assert_int_equal(sales->callback.queue, 4);
	assert_near(sales->callback.threshold_s, 135, 0);
	assert_near(sales->callback.accept, 0.45, 0);
	assert_int_equal(sales->callback.estimate, CC_ESTIMATE_OLDEST);
	assert_int_equal(sales->n_rings, 3);
	assert_near(sales->rings[0].after_s, 5, 0);
	assert_int_equal(sales->rings[0].level, 8);
	assert_near(sales->rings[1].after_s, 20, 0);
	assert_int_equal(sales->rings[1].level, 5);
	assert_near(sales->rings[2].after_s, 60, 0);
	assert_int_equal(sales->rings[2].level, 1);
	assert_true(sales->has_patience);

	const struct cc_queue_cfg *mail = &scn.queues[2];
	assert_false(mail->has_patience);
	assert_near(mail->sl_threshold_s, 86400, 0);
	assert_int_equal(mail->callback.queue, -1);

	const struct cc_queue_cfg *work = &scn.queues[3];
	assert_near(work->pause.share, 0.35, 0);
	assert_int_equal(work->pause.duration.kind, CC_DIST_DETERMINISTIC);
	assert_near(work->pause.duration.mean, 2700, 0);

	const struct cc_callback_dial_cfg *d = &scn.queues[4].dialing;
	assert_int_equal(d->pending.kind, CC_DIST_UNIFORM);
	assert_near(d->pending.mean, 180, 1e-9);
	assert_near(d->dial.mean, 20, 0);
	assert_near(d->reach, 0.8, 0);
	assert_int_equal(d->retries, 2);
	assert_near(d->retry_delay_s, 600, 0);

	/* A callback queue without dialing settings still has them, at their defaults. */
	const struct cc_callback_dial_cfg *d2 = &scn.queues[5].dialing;
	assert_zero_dist(&d2->pending);
	assert_zero_dist(&d2->dial);
	assert_near(d2->reach, 1, 0);
	assert_int_equal(d2->retries, 0);
	assert_near(d2->retry_delay_s, 300, 0);
	cc_scenario_fini(&scn);

	/* A callback's defaults; a pause with no share; a first ring later than 0. */
	load_edited(routed, "threshold = \"2m15s\"; accept = 0.45; estimate = \"oldest\";", "", &scn);
	assert_near(scn.queues[0].callback.threshold_s, 0, 0);
	assert_near(scn.queues[0].callback.accept, 1, 0);
	assert_int_equal(scn.queues[0].callback.estimate, CC_ESTIMATE_QUEUE);
	cc_scenario_fini(&scn);
	load_edited(routed, "share = 0.35; duration = { dist = \"deterministic\"; value = \"45m\"; };", "", &scn);
	assert_near(scn.queues[3].pause.share, 0, 0);
	assert_zero_dist(&scn.queues[3].pause.duration);
	cc_scenario_fini(&scn);
}

static void test_scenario_routing_errors(void **state)
{
	(void)state;
	/* the policy */
	expect_error_in(routed, "policy = \"bullseye\"", "policy = \"fifo\"",
	                ":3: routing.policy: unknown policy \"fifo\" (expected one of: bullseye, longest_idle, longest_waiting, priority)");
	expect_error_in(routed, "idle_timer = \"inbound\"", "idle_timer = \"login\"",
	                ":3: routing.idle_timer: unknown idle timer \"login\" (expected activity or inbound)");
	expect_error_in(routed, "idle_timer = \"inbound\"", "idle = 1",
	                ":3: routing.idle: unknown setting (expected one of: policy, idle_timer)");
	expect_error_in(routed, "policy = \"bullseye\"", "policy = 2", ":3: routing.policy: must be a string");

	/* profiles */
	expect_error_in(routed, "chat = 3;", "chat = 12;",
	                ":22: routing_profiles.[0].concurrency.chat: must be from 1 to 10: an agent handles at most 10 chat contacts at a time (got 12;");
	expect_error_in(routed, "voice = 1; chat = 3;", "voice = 2; chat = 3;",
	                ":22: routing_profiles.[0].concurrency.voice: must be 1: an agent handles one voice contact at a time (got 2;");
	expect_error_in(routed, "chat = 3;", "chat = 0;",
	                ":22: routing_profiles.[0].concurrency.chat: must be from 1 to 10: an agent handles at most 10 chat contacts at a time (got 0; leave the channel out to handle none)");
	expect_error_in(routed, "chat = 3;", "chat = 2.5;",
	                ":22: routing_profiles.[0].concurrency.chat: must be a whole number (got a number)");
	expect_error_in(routed, "chat = 3;", "fax = 3;",
	                ":22: routing_profiles.[0].concurrency.fax: unknown setting (expected one of: voice, chat, email, task, callback)");
	expect_error_in(routed, "concurrency = { voice = 1; }; queues = ( \"sales\" )", "concurrency = { }; queues = ( \"sales\" )",
	                ":25: routing_profiles.[2].concurrency: must give at least one channel");
	expect_error_in(routed, "concurrency = { voice = 1; }; queues = ( \"sales\" )", "queues = ( \"sales\" )",
	                ":25: routing_profiles.[2].concurrency: missing (required)");
	expect_error_in(routed, "\"web\", {", "\"web\", \"work\", {",
	                ":23: routing_profiles.[0].queues.[2]: queue \"work\" is a task queue and the profile handles no task");
	expect_error_in(routed, "\"web\", {", "\"web\", \"web\", {",
	                ":23: routing_profiles.[0].queues.[2]: queue \"web\" is listed twice");
	expect_error_in(routed, "\"cb\", \"cb2\" ]", "\"cb\", \"cb3\" ]", ":24: routing_profiles.[1].queues.[2]: no queue is named \"cb3\"");
	expect_error_in(routed, "queue = \"mail\"", "queue = \"mall\"",
	                ":23: routing_profiles.[0].queues.[2].queue: no queue is named \"mall\"");
	expect_error_in(routed, "{ queue = \"mail\"; level = 7; }", "{ level = 7; }",
	                ":23: routing_profiles.[0].queues.[2].queue: missing (required)");
	expect_error_in(routed, "priority = 2;", "priority = 100;",
	                ":23: routing_profiles.[0].queues.[0].priority: must be from 1 to 99 (got 100)");
	expect_error_in(routed, "level = 7", "level = 21", ":23: routing_profiles.[0].queues.[2].level: must be from 1 to 20 (got 21)");
	expect_error_in(routed, "delay = \"30s\"", "delay = -3.5", ":23: routing_profiles.[0].queues.[0].delay: must not be negative");
	expect_error_in(routed, "level = 7;", "level = 7; skill = 2;", ":23: routing_profiles.[0].queues.[2].skill: unknown setting (expected one of: queue, priority, delay, level)");
	expect_error_in(routed, "\"web\", {", "3, {",
	                ":23: routing_profiles.[0].queues.[1]: must be a queue name or a group");
	expect_error_in(routed, "queues = ( \"sales\" )", "queues = ( )", ":25: routing_profiles.[2].queues: must name at least one queue");
	expect_error_in(routed, "; queues = ( \"sales\" )", "", ":25: routing_profiles.[2].queues: missing (required)");
	expect_error_in(routed, "queues = ( \"sales\" )", "queues = \"sales\"", ":25: routing_profiles.[2].queues: must be a list of queues");
	expect_error_in(routed, "name = \"spare\"", "name = \"back\"",
	                ":25: routing_profiles.[2].name: another routing profile is already named \"back\"");
	expect_error_in(routed, "name = \"spare\"", "name = \"sp.are\"", ":25: routing_profiles.[2].name: \"sp.are\" must have no '.'");
	expect_error_in(routed, "cross_channel = true", "cross_channel = 1",
	                ":22: routing_profiles.[0].cross_channel: must be true or false (got a whole number)");
	expect_error_in(routed, "cross_channel = true", "cross = true", ":22: routing_profiles.[0].cross: unknown setting");
	expect_error("agents = (", "routing_profiles = { name = \"x\"; };\nagents = (", ":16: routing_profiles: must be a list");

	/* groups and their profiles */
	expect_error_in(routed, "count = 4; routing_profile", "count = 4; skills = [ \"web\" ]; routing_profile",
	                ":29: agents.[1].routing_profile: give skills or routing_profile, not both");
	expect_error_in(routed, "count = 5; skills = [ \"web\", \"sales\" ];", "count = 5;",
	                ":28: agents.[0]: serves no queue: give skills (a list of queues) or routing_profile");
	/* A profile made from skills is the group's own: no other group can name it. */
	expect_error_in(routed, "routing_profile = \"back\"", "routing_profile = \"front\"",
	                ":30: agents.[2].routing_profile: no routing profile is named \"front\" (routing_profiles: blended, back, spare)");
	expect_error("skills = [ \"sales\" ]", "routing_profile = \"x\"",
	             ":16: agents.[0].routing_profile: no routing profile is named \"x\" (routing_profiles: none: declare them in routing_profiles");
	expect_error_in(routed, "routing_profile = \"back\"", "routing_profile = [ \"back\" ]",
	                ":30: agents.[2].routing_profile: must be a string");
	/* Unused profiles are allowed, unserved queues are not. */
	expect_error_in(routed, ",\n  { name = \"office\"; count = 2; routing_profile = \"back\"; }", "",
	                ":14: queues.[3]: queue \"work\" is in no agent group's skills or routing profile: nobody would answer it");

	/* channels */
	expect_error_in(routed, "1.0, 1.2, 1.45", "1.0, 0.8", ":4: channels.chat.slowdown.[1]: must be a factor from 1 to 100 (1: no slowdown; got 0.8)");
	expect_error_in(routed, "1.0, 1.2, 1.45", "1.0, 120.0", ":4: channels.chat.slowdown.[1]: must be a factor from 1 to 100");
	expect_error_in(routed, "[ 1.0, 1.2, 1.45 ]", "[ ]", ":4: channels.chat.slowdown: must list at least one factor");
	expect_error_in(routed, "[ 1.0, 1.2, 1.45 ]", "1.2", ":4: channels.chat.slowdown: must be a list");
	expect_error_in(routed, "( 1, 1.125 )", "( 1, \"fast\" )", ":4: channels.email.slowdown.[1]: must be a number (got a string)");

	/* deferrable channels */
	expect_error_in(routed, "service_level = { threshold = \"24h\"",
	                "patience = { dist = \"exponential\"; mean = \"1h\"; }; service_level = { threshold = \"24h\"",
	                ":13: queues.[2].patience: email contacts wait without abandoning (deferrable); give no patience");
	expect_error_in(routed, "pause = {", "patience = { dist = \"exponential\"; mean = \"1h\"; }; pause = {",
	                ":15: queues.[3].patience: task contacts wait without abandoning (deferrable)");
	expect_error_in(routed, "dialing = {", "patience = { dist = \"exponential\"; mean = \"1h\"; }; dialing = {",
	                ":17: queues.[4].patience: callback contacts wait without abandoning (deferrable)");

	/* head starts */
	expect_error_in(routed, "share = 0.0625", "share = 0.9",
	                ":8: queues.[0].priorities.[1].share: brings the classes' shares to 1.025: together at most 1");
	expect_error_in(routed, "share = 0.125", "share = -0.125", ":8: queues.[0].priorities.[0].share: must be a share from 0 to 1");
	expect_error_in(routed, "share = 0.125; ", "", ":8: queues.[0].priorities.[0].share: missing (required)");
	expect_error_in(routed, "; head_start = \"2m\"", "", ":8: queues.[0].priorities.[0].head_start: missing (required)");
	expect_error_in(routed, "head_start = \"2m\"", "head_start = \"-2m\"", ":8: queues.[0].priorities.[0].head_start: must not be negative");
	expect_error_in(routed, "head_start = \"2m\"", "head_start = \"2m\"; boost = 2", ":8: queues.[0].priorities.[0].boost: unknown setting");
	expect_error("acw = {", "priorities = ( ); acw = {", ":12: queues.[0].priorities: must list at least one class");

	/* pauses */
	expect_error("acw = {", "pause = { share = 0.5; }; acw = {", ":12: queues.[0].pause: is for task queues only (this is a voice queue)");
	expect_error_in(routed, "pause = { share = 0.35; duration = { dist = \"deterministic\"; value = \"45m\"; }; }",
	                "pause = { share = 0.35; }", ":15: queues.[3].pause.duration: missing (required)");
	expect_error_in(routed, "share = 0.35", "share = 1.35", ":15: queues.[3].pause.share: must be a share from 0 to 1");

	/* callbacks */
	expect_error_in(routed, "queue = \"cb\"; threshold", "queue = \"web\"; threshold",
	                ":9: queues.[0].callback.queue: queue \"web\" is a chat queue: callbacks go to a queue whose channel is callback");
	expect_error_in(routed, "queue = \"cb\"; threshold", "queue = \"cb9\"; threshold", ":9: queues.[0].callback.queue: no queue is named \"cb9\"");
	expect_error_in(routed, "queue = \"cb\"; threshold", "threshold", ":9: queues.[0].callback.queue: missing (required)");
	expect_error_in(routed, "accept = 0.45", "accept = 45", ":9: queues.[0].callback.accept: must be a share from 0 to 1");
	expect_error_in(routed, "estimate = \"oldest\"", "estimate = \"erlang\"",
	                ":9: queues.[0].callback.estimate: unknown estimate \"erlang\" (expected queue or oldest)");
	expect_error_in(routed, "threshold = \"2m15s\"", "threshold = \"2m15s\"; offer = 1",
	                ":9: queues.[0].callback.offer: unknown setting (expected one of: queue, threshold, accept, estimate)");
	expect_error_in(routed, "mean = \"6m\"; }; },", "mean = \"6m\"; }; callback = { queue = \"cb\"; }; },",
	                ":11: queues.[1].callback: is for voice queues only (this is a chat queue)");

	/* dialing */
	expect_error("acw = {", "dialing = { reach = 0.5; }; acw = {", ":12: queues.[0].dialing: is for callback queues only (this is a voice queue)");
	expect_error_in(routed, "retries = 2", "retries = 101", ":18: queues.[4].dialing.retries: must be from 0 to 100 (got 101)");
	expect_error_in(routed, "reach = 0.8", "reach = 1.2", ":18: queues.[4].dialing.reach: must be a share from 0 to 1");
	expect_error_in(routed, "retry_delay = \"10m\"", "retry_delay = \"soon\"", ":18: queues.[4].dialing.retry_delay: \"soon\" is not a duration");
	expect_error_in(routed, "retry_delay = \"10m\"", "retry = \"10m\"", ":18: queues.[4].dialing.retry: unknown setting");
	expect_error_in(routed, "value = \"20s\"", "value = \"-20s\"", ":17: queues.[4].dialing.dial.value: must not be negative");

	/* rings */
	expect_error_in(routed, "level = 5; }, { after = \"1m\"; level = 1;", "level = 5; }, { after = \"1m\"; level = 5;",
	                ":10: queues.[0].rings.[2].level: must be below the previous ring's (5): each ring admits lower skill levels");
	expect_error_in(routed, "after = \"20s\"", "after = \"5s\"",
	                ":10: queues.[0].rings.[1].after: must be later than the previous ring's (5s)");
	expect_error_in(routed, "level = 8", "level = 0", ":10: queues.[0].rings.[0].level: must be from 1 to 20 (got 0)");
	expect_error_in(routed, "{ after = \"5s\"; level = 8; }", "{ level = 8; }", ":10: queues.[0].rings.[0].after: missing (required)");
	expect_error_in(routed, "after = \"5s\"; level = 8;", "after = \"5s\";", ":10: queues.[0].rings.[0].level: missing (required)");
	expect_error("acw = {", "rings = ( ); acw = {", ":12: queues.[0].rings: must list at least one ring");
	expect_error("acw = {", "rings = [ 1, 2 ]; acw = {", ":12: queues.[0].rings: must be a list ( { ... }, { ... } ) (got an array [ ])");
}

static void test_scenario_set_routing(void **state)
{
	(void)state;
	const char *sets[] = {
		"routing_profiles.blended.concurrency.chat=5",   /* a profile by name */
		"routing.policy=\"priority\"",
		"routing.idle_timer=activity",
		"routing_profiles.blended.queues.sales.level=9", /* a profile's queue by its queue */
		"routing_profiles.blended.cross_channel=false",
		"queues.sales.rings.[1].level=6",
		"queues.cb.dialing.retries=4",
		"channels.task.slowdown=[1.0, 1.5]",
	};
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(routed, sets, sizeof sets / sizeof sets[0], &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_int_equal(scn.profiles[0].concurrency[CC_CHANNEL_CHAT], 5);
	assert_string_equal(scn.routing.policy, "priority");
	assert_int_equal(scn.routing.idle_inbound, 0);
	assert_int_equal(scn.profiles[0].queues[0].level, 9);
	assert_int_equal(scn.profiles[0].queues[0].priority, 2);
	assert_false(scn.profiles[0].cross_channel);
	assert_int_equal(scn.queues[0].rings[1].level, 6);
	assert_int_equal(scn.queues[4].dialing.retries, 4);
	assert_int_equal(scn.channels[CC_CHANNEL_TASK].n_slowdown, 2);
	assert_near(scn.channels[CC_CHANNEL_TASK].slowdown[1], 1.5, 0);
	cc_scenario_fini(&scn);

	/* routing made on the way; a profile swapped for skills. */
	const char *made[] = { "routing.policy=longest_waiting", "agents.office.routing_profile=spare",
	                       "agents.mixed.routing_profile=back" };
	/* spare serves sales only, so web is served by front, mail by nobody: refused. */
	assert_int_equal(tu_load(routed, made, 3, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ": queues.[2]: queue \"mail\" is in no agent group's skills or routing profile"));
	const char *policy[] = { "routing.policy=longest_waiting" };
	assert_int_equal(tu_load(base, policy, 1, &scn, err, sizeof err), CC_OK);
	assert_string_equal(scn.routing.policy, "longest_waiting");
	cc_scenario_fini(&scn);

	/* Errors in overrides name the override. */
	const char *over[] = { "routing_profiles.blended.concurrency.voice=2" };
	assert_int_equal(tu_load(routed, over, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ": --set routing_profiles.[0].concurrency.voice: must be 1: an agent handles one voice contact"));
	const char *fifo[] = { "routing.policy=fifo" };
	assert_int_equal(tu_load(base, fifo, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ": --set routing.policy: unknown policy \"fifo\" (expected one of: bullseye"));
	const char *nosuch[] = { "routing_profiles.nosuch.concurrency.voice=1" };
	assert_int_equal(tu_load(routed, nosuch, 1, &scn, err, sizeof err), CC_ERR_USAGE);
	assert_non_null(strstr(err, "--set routing_profiles.nosuch.concurrency.voice=1: no element named \"nosuch\" (known: "));
	const char *both[] = { "agents.mixed.skills=[\"web\"]" };
	assert_int_equal(tu_load(routed, both, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ":29: agents.[1].routing_profile: give skills or routing_profile, not both"));
	const char *unhandled[] = { "routing_profiles.spare.queues.[0]=web" };
	assert_int_equal(tu_load(routed, unhandled, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ": --set routing_profiles.[2].queues.[0]: queue \"web\" is a chat queue and the profile handles no chat"));
}

/* Quick connects of every kind and mode. */
static const char xfer[] =
	"name = \"xfer\";\n"                                                                      /* 1 */
	"horizon = \"8h\";\n"                                                                     /* 2 */
	"queues = (\n"                                                                            /* 3 */
	"  { name = \"support\"; arrivals = { per_hour = 40.5; }; handle = { dist = \"empirical\"; values = [ \"2m\", \"6m\" ]; weights = [ 3.0, 1.0 ]; };\n" /* 4 */
	"    acw = { dist = \"deterministic\"; value = \"25s\"; };\n"                             /* 5 */
	"    callback = { queue = \"cb\"; };\n"                                                   /* 6 */
	"    transfer = { flow = \"4s\"; agent_whisper = { dist = \"uniform\"; min = \"1s\"; max = \"3s\"; }; customer_whisper = \"1500ms\";\n" /* 7 */
	"      to = (\n"                                                                          /* 8 */
	"        { share = 0.2; queue = \"billing\"; },\n"                                        /* 9 */
	"        { share = 0.125; group = \"tier2\"; mode = \"consult\"; consult = { dist = \"exponential\"; mean = \"1m\"; }; reject = 0.1; fallback = \"billing\"; },\n" /* 10 */
	"        { share = 0.0625; group = \"tier2\"; agent = 2; mode = \"conference\"; conference = \"2m\"; handle = { dist = \"exponential\"; mean = \"5m\"; }; flow = \"0s\"; },\n" /* 11 */
	"        { share = 0.05; external = true; mode = \"consult\"; consult = \"45s\"; },\n"   /* 12 */
	"        { share = 0.03125; queue = \"billing\"; mode = \"conference\"; }\n"             /* 13 */
	"      ); }; },\n"                                                                        /* 14 */
	"  { name = \"billing\"; arrivals = { per_hour = 20.0; }; handle = { dist = \"exponential\"; mean = \"4m\"; };\n" /* 15 */
	"    transfer = { to = ( { share = 0.5; queue = \"support\"; mode = \"consult\"; } ); }; },\n" /* 16 */
	"  { name = \"web\"; channel = \"chat\"; arrivals = { per_hour = 10.0; }; handle = { dist = \"exponential\"; mean = \"6m\"; }; },\n" /* 17 */
	"  { name = \"cb\"; channel = \"callback\"; arrivals = { per_hour = 0.0; }; handle = { dist = \"exponential\"; mean = \"3m\"; }; }\n" /* 18 */
	");\n"                                                                                    /* 19 */
	"agents = (\n"                                                                            /* 20 */
	"  { name = \"front\"; count = 6; skills = [ \"support\", \"billing\", \"cb\" ]; },\n"    /* 21 */
	"  { name = \"tier2\"; count = 3; skills = [ \"support\" ]; },\n"                         /* 22 */
	"  { name = \"chat\"; count = 2; skills = [ \"web\" ]; }\n"                               /* 23 */
	");\n";                                                                                   /* 24 */

static void test_scenario_transfers(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(xfer, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	const struct cc_queue_cfg *support = &scn.queues[0];
	assert_int_equal(support->n_transfers, 5);

	/* cold into a queue: the group's flow and whispers */
	const struct cc_quick_connect_cfg *qc = &support->transfers[0];
	assert_near(qc->share, 0.2, 0);
	assert_int_equal(qc->kind, CC_TRANSFER_QUEUE);
	assert_int_equal(qc->target, 1);
	assert_int_equal(qc->agent, -1);
	assert_int_equal(qc->mode, CC_TRANSFER_COLD);
	assert_int_equal(qc->flow.kind, CC_DIST_DETERMINISTIC);
	assert_near(qc->flow.mean, 4, 0);
	assert_int_equal(qc->agent_whisper.kind, CC_DIST_UNIFORM);
	assert_near(qc->agent_whisper.mean, 2, 1e-12);
	assert_near(qc->customer_whisper.mean, 1.5, 0);
	assert_zero_dist(&qc->consult);
	assert_zero_dist(&qc->conference);
	assert_near(qc->reject, 0, 0);
	assert_int_equal(qc->fallback, -1);

	/* consult with a group's free agent: the queue's handle (its own copy) and ACW */
	qc = &support->transfers[1];
	assert_int_equal(qc->kind, CC_TRANSFER_AGENT);
	assert_int_equal(qc->target, 1);
	assert_int_equal(qc->agent, -1);
	assert_int_equal(qc->mode, CC_TRANSFER_CONSULT);
	assert_int_equal(qc->consult.kind, CC_DIST_EXPONENTIAL);
	assert_near(qc->consult.mean, 60, 0);
	assert_zero_dist(&qc->conference);
	assert_near(qc->reject, 0.1, 0);
	assert_int_equal(qc->fallback, 1);
	assert_int_equal(qc->handle.kind, CC_DIST_EMPIRICAL);
	assert_near(qc->handle.mean, 180, 1e-9);
	assert_true(qc->handle.table != NULL && qc->handle.table != support->handle.table);
	assert_true(qc->handle.values != support->handle.values);
	assert_near(qc->acw.mean, 25, 0);
	assert_near(qc->flow.mean, 4, 0);

	/* conference with one named agent: its own flow and handle */
	qc = &support->transfers[2];
	assert_int_equal(qc->kind, CC_TRANSFER_AGENT);
	assert_int_equal(qc->agent, 2);
	assert_int_equal(qc->mode, CC_TRANSFER_CONFERENCE);
	assert_zero_dist(&qc->consult);
	assert_near(qc->conference.mean, 120, 0);
	assert_int_equal(qc->handle.kind, CC_DIST_EXPONENTIAL);
	assert_near(qc->handle.mean, 300, 0);
	assert_zero_dist(&qc->flow);
	assert_near(qc->agent_whisper.mean, 2, 1e-12);
	assert_int_equal(qc->fallback, -1);

	/* external: no flow, no whispers */
	qc = &support->transfers[3];
	assert_int_equal(qc->kind, CC_TRANSFER_EXTERNAL);
	assert_int_equal(qc->target, -1);
	assert_int_equal(qc->mode, CC_TRANSFER_CONSULT);
	assert_near(qc->consult.mean, 45, 0);
	assert_zero_dist(&qc->flow);
	assert_zero_dist(&qc->agent_whisper);
	assert_zero_dist(&qc->customer_whisper);

	/* conference into a queue: no consult, a minute together */
	qc = &support->transfers[4];
	assert_int_equal(qc->kind, CC_TRANSFER_QUEUE);
	assert_int_equal(qc->mode, CC_TRANSFER_CONFERENCE);
	assert_zero_dist(&qc->consult);
	assert_near(qc->conference.mean, 60, 0);

	/* the defaults: 3 s flow, 2 s and 1 s whispers, a 30 s consult */
	const struct cc_queue_cfg *billing = &scn.queues[1];
	assert_int_equal(billing->n_transfers, 1);
	qc = &billing->transfers[0];
	assert_int_equal(qc->target, 0);
	assert_near(qc->flow.mean, 3, 0);
	assert_int_equal(qc->flow.kind, CC_DIST_DETERMINISTIC);
	assert_near(qc->agent_whisper.mean, 2, 0);
	assert_near(qc->customer_whisper.mean, 1, 0);
	assert_near(qc->consult.mean, 30, 0);
	assert_zero_dist(&qc->handle);
	assert_null(scn.queues[2].transfers);
	assert_int_equal(scn.queues[2].n_transfers, 0);
	assert_null(scn.queues[3].transfers);
	cc_scenario_fini(&scn);

	/* Overrides reach quick connects by position. */
	const char *sets[] = { "queues.support.transfer.to.[0].share=0.5",
	                       "queues.support.transfer.to.[1].agent=1" };
	if (tu_load(xfer, sets, 2, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_near(scn.queues[0].transfers[0].share, 0.5, 0);
	assert_int_equal(scn.queues[0].transfers[1].agent, 1);
	cc_scenario_fini(&scn);
	const char *too_many[] = { "queues.support.transfer.to.[0].share=0.8" };
	assert_int_equal(tu_load(xfer, too_many, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ":12: queues.[0].transfer.to.[3].share: brings the quick connects' shares to 1.0375"));
}

static void test_scenario_transfer_errors(void **state)
{
	(void)state;
	/* targets */
	expect_error_in(xfer, "queue = \"billing\"; },", "queue = \"billling\"; },",
	                ":9: queues.[0].transfer.to.[0].queue: no queue is named \"billling\"");
	expect_error_in(xfer, "queue = \"billing\"; },", "queue = \"web\"; },",
	                ":9: queues.[0].transfer.to.[0].queue: queue \"web\" is a chat queue: a transfer stays on its channel (this is a voice queue)");
	expect_error_in(xfer, "queue = \"billing\"; },", "queue = \"support\"; },",
	                ":9: queues.[0].transfer.to.[0].queue: \"support\" is the queue itself: a queue may not transfer to itself");
	expect_error_in(xfer, "group = \"tier2\"; mode = \"consult\"", "group = \"tier3\"; mode = \"consult\"",
	                ":10: queues.[0].transfer.to.[1].group: no agent group is named \"tier3\"");
	expect_error_in(xfer, "group = \"tier2\"; mode = \"consult\"", "group = \"chat\"; mode = \"consult\"",
	                ":10: queues.[0].transfer.to.[1].group: group \"chat\" handles no voice (its routing profile chat has no concurrency.voice)");
	expect_error_in(xfer, "fallback = \"billing\"", "fallback = \"web\"",
	                ":10: queues.[0].transfer.to.[1].fallback: queue \"web\" is a chat queue");
	expect_error_in(xfer, "fallback = \"billing\"", "fallback = \"bill\"",
	                ":10: queues.[0].transfer.to.[1].fallback: no queue is named \"bill\"");
	expect_error_in(xfer, "fallback = \"billing\"", "fallback = \"support\"",
	                ":10: queues.[0].transfer.to.[1].fallback: \"support\" is the queue itself");
	expect_error_in(xfer, "agent = 2;", "agent = 3;",
	                ":11: queues.[0].transfer.to.[2].agent: must be below the group's 3 agents (0 is its first; got 3)");
	expect_error_in(xfer, "agent = 2;", "agent = -1;",
	                ":11: queues.[0].transfer.to.[2].agent: must be from 0 to 999999 (got -1)");
	expect_error_in(xfer, "share = 0.05; external = true;", "share = 0.05; queue = \"billing\"; external = true;",
	                ":12: queues.[0].transfer.to.[3].external: give only one of queue, group and external = true (queue is given too)");
	expect_error_in(xfer, "external = true;", "external = false;",
	                ":12: queues.[0].transfer.to.[3]: has no target: give queue (a queue's name), group (an agent group's name) or external = true");
	expect_error_in(xfer, "external = true;", "external = 1;",
	                ":12: queues.[0].transfer.to.[3].external: must be true or false");
	expect_error_in(xfer, "{ share = 0.2; queue = \"billing\"; }", "{ share = 0.2; queue = \"billing\"; group = \"tier2\"; }",
	                ":9: queues.[0].transfer.to.[0].group: give only one of queue, group and external = true (queue is given too)");

	/* settings that belong to other kinds and modes */
	expect_error_in(xfer, "{ share = 0.2; queue = \"billing\"; }", "{ share = 0.2; queue = \"billing\"; fallback = \"billing\"; }",
	                ":9: queues.[0].transfer.to.[0].fallback: is for transfers to an agent group only (this one goes to a queue)");
	expect_error_in(xfer, "consult = \"45s\";", "consult = \"45s\"; reject = 0.5;",
	                ":12: queues.[0].transfer.to.[3].reject: is for transfers to an agent group only (this one goes to an outside number)");
	expect_error_in(xfer, "{ share = 0.2; queue = \"billing\"; }", "{ share = 0.2; queue = \"billing\"; agent = 0; }",
	                ":9: queues.[0].transfer.to.[0].agent: is for transfers to an agent group only");
	expect_error_in(xfer, "{ share = 0.2; queue = \"billing\"; }", "{ share = 0.2; queue = \"billing\"; conference = \"1m\"; }",
	                ":9: queues.[0].transfer.to.[0].conference: is for mode = \"conference\" only (this transfer is cold)");
	expect_error_in(xfer, "reject = 0.1;", "reject = 0.1; conference = \"1m\";",
	                ":10: queues.[0].transfer.to.[1].conference: is for mode = \"conference\" only (this transfer is consult)");
	expect_error_in(xfer, "{ share = 0.2; queue = \"billing\"; }", "{ share = 0.2; queue = \"billing\"; consult = \"10s\"; }",
	                ":9: queues.[0].transfer.to.[0].consult: a cold transfer has no consult");
	expect_error_in(xfer, "{ share = 0.2; queue = \"billing\"; }", "{ share = 0.2; queue = \"billing\"; max_wait = \"1m\"; }",
	                ":9: queues.[0].transfer.to.[0].max_wait: is for a consult or conference through a queue only");
	expect_error_in(xfer, "{ share = 0.2; queue = \"billing\"; }", "{ share = 0.2; queue = \"billing\"; mode = \"consult\"; max_wait = \"soon\"; }",
	                ":9: queues.[0].transfer.to.[0].max_wait: ");
	expect_error_in(xfer, "consult = \"45s\";", "consult = \"45s\"; flow = \"2s\";",
	                ":12: queues.[0].transfer.to.[3].flow: an external transfer has no flow and no whispers");
	expect_error_in(xfer, "consult = \"45s\";", "consult = \"45s\"; customer_whisper = \"2s\";",
	                ":12: queues.[0].transfer.to.[3].customer_whisper: an external transfer has no flow");
	expect_error_in(xfer, "mode = \"conference\"; conference = \"2m\"", "mode = \"warm\"; conference = \"2m\"",
	                ":11: queues.[0].transfer.to.[2].mode: unknown mode \"warm\" (expected cold, consult or conference)");

	/* values */
	expect_error_in(xfer, "reject = 0.1", "reject = 1.5", ":10: queues.[0].transfer.to.[1].reject: must be a share from 0 to 1");
	expect_error_in(xfer, "reject = 0.1", "rejekt = 0.1",
	                ":10: queues.[0].transfer.to.[1].rejekt: unknown setting (expected one of: share, queue, group, external");
	expect_error_in(xfer, "share = 0.0625; ", "", ":11: queues.[0].transfer.to.[2].share: missing (required)");
	expect_error_in(xfer, "share = 0.0625", "share = -0.0625", ":11: queues.[0].transfer.to.[2].share: must be a share from 0 to 1");
	expect_error_in(xfer, "share = 0.2", "share = 0.8",
	                ":12: queues.[0].transfer.to.[3].share: brings the quick connects' shares to 1.0375: together at most 1");
	expect_error_in(xfer, "mean = \"5m\"; }; flow", "mean = 0; }; flow",
	                ":11: queues.[0].transfer.to.[2].handle.mean: must be positive");
	expect_error_in(xfer, "handle = { dist = \"exponential\"; mean = \"5m\"; };", "handle = { dist = \"deterministic\"; value = 0; };",
	                ":11: queues.[0].transfer.to.[2].handle: must have a positive mean");
	expect_error_in(xfer, "conference = \"2m\"", "conference = \"-2m\"", ":11: queues.[0].transfer.to.[2].conference: must not be negative");
	expect_error_in(xfer, "consult = \"45s\"", "consult = [ 45 ]",
	                ":12: queues.[0].transfer.to.[3].consult: must be a duration (\"20s\") or a distribution { dist = \"...\"; ... } (got an array [ ])");
	expect_error_in(xfer, "flow = \"4s\"", "flow = { dist = \"exponential\"; }", ":7: queues.[0].transfer.flow.mean: missing");
	expect_error_in(xfer, "flow = \"4s\"", "flow = \"4 ticks\"", ":7: queues.[0].transfer.flow: \"4 ticks\" is not a duration");
	expect_error_in(xfer, "flow = \"4s\"", "flw = \"4s\"",
	                ":7: queues.[0].transfer.flw: unknown setting (expected one of: flow, agent_whisper, customer_whisper, to)");
	expect_error_in(xfer, "to = ( { share = 0.5; queue = \"support\"; mode = \"consult\"; } )", "to = ( )",
	                ":16: queues.[1].transfer.to: must list at least one target (leave transfer out for none)");
	expect_error_in(xfer, "transfer = { to = ( { share = 0.5; queue = \"support\"; mode = \"consult\"; } ); };", "transfer = { };",
	                ":16: queues.[1].transfer.to: missing (required)");
	expect_error_in(xfer, "to = ( { share = 0.5; queue = \"support\"; mode = \"consult\"; } )", "to = { share = 0.5; }",
	                ":16: queues.[1].transfer.to: must be a list ( { ... }, { ... } ) (got a group { })");
	expect_error_in(xfer, "to = ( { share = 0.5; queue = \"support\"; mode = \"consult\"; } )", "to = ( \"support\" )",
	                ":16: queues.[1].transfer.to.[0]: must be a group");
	expect_error_in(xfer, "transfer = { to = ( { share = 0.5; queue = \"support\"; mode = \"consult\"; } ); };", "transfer = \"support\";",
	                ":16: queues.[1].transfer: must be a group");
}

/* Two sites; support's and support-cb's queues in both; a group moves there and back. */
static const char sites[] =
	"name = \"sites\";\n"                                                                     /* 1 */
	"horizon = \"10h\";\n"                                                                    /* 2 */
	"regions = {\n"                                                                           /* 3 */
	"  sites = ( { name = \"east\"; share = 0.7; }, { name = \"west\"; share = 0.3; } );\n"   /* 4 */
	"  changes = ( { at = \"3h\"; shares = { east = 0.0; west = 1.0; };\n"                    /* 5 */
	"                move = ( { group = \"east-team\"; to = \"west\"; } ); },\n"              /* 6 */
	"              { at = \"6h\"; move = ( { group = \"east-team\"; to = \"east\"; }, { group = \"west-team\"; to = \"east\"; } ); } );\n" /* 7 */
	"  move = { available_after = { dist = \"uniform\"; min = \"30s\"; max = \"90s\"; }; automatic = true; restart = 0.625; restart_delay = \"2m\"; };\n" /* 8 */
	"};\n"                                                                                    /* 9 */
	"queues = (\n"                                                                            /* 10 */
	"  { name = \"support\"; arrivals = { per_hour = 40.0; }; handle = { dist = \"exponential\"; mean = \"4m\"; };\n" /* 11 */
	"    callback = { queue = \"support-cb\"; threshold = \"1m\"; };\n"                      /* 12 */
	"    transfer = { to = ( { share = 0.25; queue = \"billing\"; }, { share = 0.125; group = \"west-team\"; fallback = \"billing\"; } ); }; },\n" /* 13 */
	"  { name = \"billing\"; arrivals = { per_hour = 12.0; }; handle = { dist = \"exponential\"; mean = \"5m\"; }; },\n" /* 14 */
	"  { name = \"support-cb\"; channel = \"callback\"; arrivals = { per_hour = 0.0; }; handle = { dist = \"exponential\"; mean = \"3m\"; }; }\n" /* 15 */
	");\n"                                                                                    /* 16 */
	"agents = (\n"                                                                            /* 17 */
	"  { name = \"east-team\"; count = 5; skills = [ \"support\", \"support-cb\" ]; },\n"    /* 18 */
	"  { name = \"west-team\"; region = \"west\"; count = 4; skills = [ \"billing\", \"support\" ]; }\n" /* 19 */
	");\n";                                                                                   /* 20 */

/* Without regions: one, named "", and the queues as written. */
static void test_scenario_region_defaults(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(base, NULL, 0, &scn, err, sizeof err), CC_OK);
	const struct cc_regions_cfg *r = &scn.regions;
	assert_int_equal(r->n, 1);
	assert_string_equal(r->names[0], "");
	assert_near(r->shares[0], 1, 0);
	assert_int_equal(r->n_changes, 0);
	assert_null(r->changes);
	assert_int_equal(r->available_after.kind, CC_DIST_UNIFORM);
	assert_near(r->available_after.a, 60, 0);
	assert_near(r->available_after.b, 120, 0);
	assert_false(r->automatic);
	assert_near(r->restart, 0.5, 0);
	assert_int_equal(r->restart_delay.kind, CC_DIST_DETERMINISTIC);
	assert_near(r->restart_delay.mean, 60, 0);
	assert_int_equal(scn.n_lines, 1);
	assert_int_equal(scn.n_queues, 1);
	assert_string_equal(scn.queues[0].name, "sales");
	assert_int_equal(scn.queues[0].line, 0);
	assert_int_equal(scn.queues[0].region, 0);
	assert_false(scn.queues[0].replica);
	assert_null(scn.queues[0].transfers);
	assert_int_equal(scn.groups[0].region, 0);
	assert_int_equal(cc_scenario_queue_index(&scn, "sales"), 0);
	cc_scenario_fini(&scn);

	/* One site: its name is known, the queues keep theirs. */
	load_edited(base, "queues = (", "regions = { sites = ( { name = \"hq\"; share = 1.0; } ); };\nqueues = (", &scn);
	assert_int_equal(scn.regions.n, 1);
	assert_string_equal(scn.regions.names[0], "hq");
	assert_int_equal(scn.n_queues, 1);
	assert_string_equal(scn.queues[0].name, "sales");
	cc_scenario_fini(&scn);
}

static void test_scenario_regions(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(sites, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	const struct cc_regions_cfg *r = &scn.regions;
	assert_int_equal(r->n, 2);
	assert_string_equal(r->names[0], "east");
	assert_string_equal(r->names[1], "west");
	assert_near(r->shares[0], 0.7, 0);
	assert_near(r->shares[1], 0.3, 0);
	assert_int_equal(r->available_after.kind, CC_DIST_UNIFORM);
	assert_near(r->available_after.mean, 60, 1e-12);
	assert_true(r->automatic);
	assert_near(r->restart, 0.625, 0);
	assert_near(r->restart_delay.mean, 120, 0);

	assert_int_equal(r->n_changes, 2);
	assert_near(r->changes[0].at_s, 3 * 3600, 0);
	assert_non_null(r->changes[0].shares);
	assert_near(r->changes[0].shares[0], 0, 0);
	assert_near(r->changes[0].shares[1], 1, 0);
	assert_int_equal(r->changes[0].n_moves, 1);
	assert_int_equal(r->changes[0].moves[0].group, 0);
	assert_int_equal(r->changes[0].moves[0].to, 1);
	assert_near(r->changes[1].at_s, 6 * 3600, 0);
	assert_null(r->changes[1].shares); /* unchanged */
	assert_int_equal(r->changes[1].n_moves, 2);
	assert_int_equal(r->changes[1].moves[0].group, 0);
	assert_int_equal(r->changes[1].moves[0].to, 0);
	assert_int_equal(r->changes[1].moves[1].group, 1);
	assert_int_equal(r->changes[1].moves[1].to, 0);
	assert_int_equal(scn.groups[0].region, 0);
	assert_int_equal(scn.groups[1].region, 1);

	/* Region by region, every queue labelled "<queue>@<site>", its name as written. */
	static const char *const names[] = { "support@east", "billing@east", "support-cb@east",
	                                     "support@west", "billing@west", "support-cb@west" };
	assert_int_equal(scn.n_lines, 3);
	assert_int_equal(scn.n_queues, 6);
	for (size_t i = 0; i < 6; i++) {
		const struct cc_queue_cfg *q = &scn.queues[i];
		assert_string_equal(q->label, names[i]);
		assert_string_equal(q->name, scn.queues[i % 3].name);
		assert_int_equal(q->line, i % 3);
		assert_int_equal(q->region, i / 3);
		assert_int_equal(q->replica, i >= 3);
		assert_int_equal(cc_scenario_queue_index(&scn, names[i]), (long)i);
		/* A copy shares its line's arrays and distributions. */
		assert_ptr_equal(q->per_hour, scn.queues[i % 3].per_hour);
		assert_near(q->handle.mean, scn.queues[i % 3].handle.mean, 0);
		assert_int_equal(q->channel, scn.queues[i % 3].channel);
		assert_int_equal(q->n_transfers, i % 3 == 0 ? 2 : 0);
	}
	assert_int_equal(cc_scenario_queue_index(&scn, "support"), -1);

	/* Queue indexes point into the copy's own region; groups stay groups. */
	const struct cc_queue_cfg *east = &scn.queues[0], *west = &scn.queues[3];
	assert_int_equal(east->callback.queue, 2);
	assert_int_equal(west->callback.queue, 5);
	assert_near(west->callback.threshold_s, 60, 0);
	assert_int_equal(scn.queues[1].callback.queue, -1);
	assert_int_equal(scn.queues[4].callback.queue, -1);
	assert_true(west->transfers != east->transfers);
	assert_int_equal(east->transfers[0].kind, CC_TRANSFER_QUEUE);
	assert_int_equal(east->transfers[0].target, 1);
	assert_int_equal(west->transfers[0].target, 4);
	assert_near(west->transfers[0].share, 0.25, 0);
	assert_int_equal(east->transfers[1].kind, CC_TRANSFER_AGENT);
	assert_int_equal(east->transfers[1].target, 1);
	assert_int_equal(west->transfers[1].target, 1);
	assert_int_equal(east->transfers[1].fallback, 1);
	assert_int_equal(west->transfers[1].fallback, 4);
	assert_ptr_equal(west->transfers[1].handle.values, east->transfers[1].handle.values);

	/* Routing profiles and skills stay lines. */
	assert_int_equal(scn.groups[1].n_skills, 2);
	assert_int_equal(scn.groups[1].skills[0], 1);
	assert_int_equal(scn.groups[1].skills[1], 0);
	const struct cc_routing_profile_cfg *p = &scn.profiles[scn.groups[1].routing];
	assert_int_equal(p->queues[0].queue, 1);
	assert_int_equal(p->queues[1].queue, 0);
	cc_scenario_fini(&scn);

	/* Overrides address the queues as written, and sites by name. */
	const char *sets[] = { "queues.support.handle.mean=5m", "regions.sites.east.share=0.5",
	                       "regions.sites.west.share=0.5", "agents.west-team.region=east",
	                       "regions.changes.[1].move.[1].to=west" };
	if (tu_load(sites, sets, 5, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_near(scn.queues[0].handle.mean, 300, 0);
	assert_near(scn.queues[3].handle.mean, 300, 0);
	assert_near(scn.regions.shares[0], 0.5, 0);
	assert_int_equal(scn.groups[1].region, 0);
	assert_int_equal(scn.regions.changes[1].moves[1].to, 1);
	cc_scenario_fini(&scn);
	const char *by_copy[] = { "queues.support@east.handle.mean=5m" };
	assert_int_equal(tu_load(sites, by_copy, 1, &scn, err, sizeof err), CC_ERR_USAGE);
	const char *odd[] = { "regions.sites.west.share=0.4" };
	assert_int_equal(tu_load(sites, odd, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ":4: regions.sites: the sites' shares add up to 1.1: they must add up to 1"));
}

static void test_scenario_region_errors(void **state)
{
	(void)state;
	/* sites */
	expect_error_in(sites, "share = 0.3", "share = 0.2", ":4: regions.sites: the sites' shares add up to 0.9: they must add up to 1");
	expect_error_in(sites, "name = \"west\"", "name = \"we@st\"",
	                ":4: regions.sites.[1].name: \"we@st\" must have no '@' (with regions, queues are named <queue>@<site>)");
	expect_error_in(sites, "name = \"west\"", "name = \"we.st\"", ":4: regions.sites.[1].name: \"we.st\" must have no '.'");
	expect_error_in(sites, "name = \"west\"", "name = \"\"", ":4: regions.sites.[1].name: \"\" must be letters");
	expect_error_in(sites, "{ name = \"west\"; share = 0.3; }", "{ name = \"east\"; share = 0.3; }",
	                ":4: regions.sites.[1].name: another site is already named \"east\"");
	expect_error_in(sites, "name = \"west\"; share = 0.3;", "name = \"west\";", ":4: regions.sites.[1].share: missing (required)");
	expect_error_in(sites, "share = 0.7", "share = 1.7", ":4: regions.sites.[0].share: must be a share from 0 to 1");
	expect_error_in(sites, "sites = ( { name = \"east\"; share = 0.7; }, { name = \"west\"; share = 0.3; } );", "",
	                ":3: regions.sites: missing (required)");
	expect_error_in(sites, "sites = ( { name = \"east\"; share = 0.7; }, { name = \"west\"; share = 0.3; } );", "sites = ( );",
	                ":4: regions.sites: must list at least one site");
	expect_error_in(sites, "regions = {", "regions = { zones = 2;", ":3: regions.zones: unknown setting (expected one of: sites, changes, move)");

	/* changes */
	expect_error_in(sites, "to = \"west\"; } ); },", "to = \"north\"; } ); },",
	                ":6: regions.changes.[0].move.[0].to: no site is named \"north\" (sites: east, west)");
	expect_error_in(sites, "group = \"east-team\"; to = \"west\"", "group = \"north-team\"; to = \"west\"",
	                ":6: regions.changes.[0].move.[0].group: no agent group is named \"north-team\"");
	expect_error_in(sites, "at = \"6h\"", "at = \"2h\"",
	                ":7: regions.changes.[1].at: must not be before the previous change's (10800s): changes come in time order");
	expect_error_in(sites, "at = \"6h\"", "at = \"10h\"", ":7: regions.changes.[1].at: must be before the horizon");
	expect_error_in(sites, "at = \"3h\"", "at = \"-3h\"", ":5: regions.changes.[0].at: must not be negative");
	expect_error_in(sites, "at = \"3h\"; ", "", ":5: regions.changes.[0].at: missing (required)");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = { east = 1.0; }",
	                ":5: regions.changes.[0].shares.west: missing: a change gives every site's share (0 for none)");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = { east = 0.0; west = 0.5; north = 0.5; }",
	                ":5: regions.changes.[0].shares.north: unknown setting (expected one of: east, west)");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = { east = 0.0; west = 0.5; }",
	                ":5: regions.changes.[0].shares: the sites' shares add up to 0.5: they must add up to 1");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = { east = 0.0; west = -1.0; }",
	                ":5: regions.changes.[0].shares.west: must be a share from 0 to 1");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = [ 0.0, 1.0 ]",
	                ":5: regions.changes.[0].shares: must be a group");
	expect_error_in(sites, "{ group = \"east-team\"; to = \"east\"; }", "{ group = \"east-team\"; to = \"west\"; }",
	                ":7: regions.changes.[1].move.[0].to: group \"east-team\" is in west already at that time");
	expect_error_in(sites, "{ group = \"west-team\"; to = \"east\"; }", "{ group = \"east-team\"; to = \"east\"; }",
	                ":7: regions.changes.[1].move.[1].group: group \"east-team\" moves twice in this change");
	expect_error_in(sites, "at = \"6h\"; move = ( { group = \"east-team\"; to = \"east\"; }, { group = \"west-team\"; to = \"east\"; } );", "at = \"6h\";",
	                ":7: regions.changes.[1]: changes nothing: give shares, move or both");
	expect_error_in(sites, "move = ( { group = \"east-team\"; to = \"west\"; } );", "move = ( );",
	                ":6: regions.changes.[0].move: must list at least one group");
	expect_error_in(sites, "to = \"west\"; } ); },", "to = \"west\"; at = 3; } ); },",
	                ":6: regions.changes.[0].move.[0].at: unknown setting (expected one of: group, to)");
	expect_error_in(sites, "at = \"6h\";", "at = \"6h\"; when = 1;", ":7: regions.changes.[1].when: unknown setting (expected one of: at, shares, move)");

	/* moving agents */
	expect_error_in(sites, "automatic = true", "auto = true",
	                ":8: regions.move.auto: unknown setting (expected one of: available_after, automatic, restart, restart_delay)");
	expect_error_in(sites, "automatic = true", "automatic = 1", ":8: regions.move.automatic: must be true or false");
	expect_error_in(sites, "restart = 0.625", "restart = 1.625", ":8: regions.move.restart: must be a share from 0 to 1");
	expect_error_in(sites, "restart_delay = \"2m\"", "restart_delay = \"soon\"", ":8: regions.move.restart_delay: \"soon\" is not a duration");
	expect_error_in(sites, "max = \"90s\"", "max = \"10s\"", ":8: regions.move.available_after.max: must be at least min");

	/* groups */
	expect_error_in(sites, "region = \"west\"", "region = \"south\"",
	                ":19: agents.[1].region: no site is named \"south\" (sites: east, west)");
	expect_error_in(sites, "region = \"west\"", "region = 1", ":19: agents.[1].region: must be a string");
	expect_error("count = 7;", "count = 7; region = \"east\";",
	             ":16: agents.[0].region: no site is named \"east\" (sites: none: declare them in regions.sites)");
}


/* Loads BASE with override SET; expects STATUS and an error that contains WANT. */
static void expect_set_error(const char *set, enum cc_status status, const char *want)
{
	struct cc_scenario scn;
	char err[1024] = "";
	const char *sets[] = { set };
	enum cc_status st = tu_load(base, sets, 1, &scn, err, sizeof err);
	if (st != status || !strstr(err, want))
		fail_msg("--set %s: status %d, message '%s', wanted %d and '%s'", set, st, err, status,
		         want);
}

/* A timer shorter than the clock can tell apart re-armed itself for ever (issue 12): every
 * duration is 0 or at least 1 ms, and at most 100 years. */
static void test_scenario_duration_floor_stops_livelocks(void **state)
{
	(void)state;
	expect_set_error("channels.voice.offer_timeout=1e-9", CC_ERR_SCENARIO,
	                 "--set channels.voice.offer_timeout: 1e-09 s is shorter than 1 ms, the "
	                 "shortest duration a scenario may set");
	expect_set_error("channels.voice.offer_timeout=1e-300", CC_ERR_SCENARIO,
	                 "is shorter than 1 ms");
	/* Below a double's normal range, libconfig would read 0 (or a denormal). */
	expect_set_error("channels.voice.offer_timeout=5e-324", CC_ERR_USAGE,
	                 "5e-324 is too close to 0 for a number (the smallest is about 2.2e-308; "
	                 "write 0 for 0)");
	expect_error("value = \"0s\"", "value = 1e-400", ":12: 1e-400 is too close to 0");
	expect_set_error("queues.sales.handle.mean=0.0009", CC_ERR_SCENARIO,
	                 "queues.[0].handle.mean: 0.0009 s is shorter than 1 ms");
	expect_error("value = \"0s\"", "value = \"0.5ms\"", ":12: queues.[0].acw.value: 0.0005 s is shorter than 1 ms");
	expect_set_error("horizon=1e20", CC_ERR_SCENARIO,
	                 "--set horizon: 1e+20 s is longer than the longest duration a scenario "
	                 "may set, 100 years");
	/* 0 and 1 ms themselves are durations. */
	struct cc_scenario scn;
	char err[1024] = "";
	const char *ok[] = { "channels.voice.offer_timeout=0.001", "queues.sales.acw.value=0" };
	assert_int_equal(tu_load(base, ok, 2, &scn, err, sizeof err), CC_OK);
	assert_true(scn.channels[CC_CHANNEL_VOICE].offer_timeout_s == 0.001);
	cc_scenario_fini(&scn);
}

/* Numbers beyond their type were clamped or wrapped without a word (issue 12). */
static void test_scenario_numbers_beyond_their_type_refused(void **state)
{
	(void)state;
	expect_set_error("seed=99999999999999999999L", CC_ERR_USAGE,
	                 "--set seed: 99999999999999999999L is too large: whole numbers go from "
	                 "-9223372036854775808 to 9223372036854775807");
	expect_error("seed = 20261121;", "seed = 99999999999999999999L;",
	             ":2: 99999999999999999999L is too large: whole numbers go from");
	expect_error("seed = 20261121;", "seed = 0x1FFFFFFFFFFFFFFFFL;", ":2: 0x1FFFFFFFFFFFFFFFFL is too large");
	/* The largest is taken as written. */
	struct cc_scenario scn;
	char err[1024] = "";
	const char *max[] = { "seed=9223372036854775807L" };
	assert_int_equal(tu_load(base, max, 1, &scn, err, sizeof err), CC_OK);
	assert_true(scn.seed == 9223372036854775807ULL);
	cc_scenario_fini(&scn);
	expect_set_error("horizon=1e309", CC_ERR_USAGE,
	                 "--set horizon: 1e309 is too large for a number (the largest is about 1.8e308)");
	expect_error("per_hour = 100.0;", "per_hour = 2.5e400;", ":9: 2.5e400 is too large for a number");
}

/* --set 'queues.[4294967296]...' changed queue 0, and 'warmup=1; horizon = 1' dropped what
 * followed the ';' (issue 12). */
static void test_scenario_set_takes_only_what_was_written(void **state)
{
	(void)state;
	expect_set_error("queues.[4294967296].handle.mean=999s", CC_ERR_USAGE,
	                 "--set queues.[4294967296].handle.mean=999s: there is no [4294967296]: "
	                 "the list has 1 element, [0] to [0]");
	expect_set_error("queues.1.handle.mean=999s", CC_ERR_USAGE, "there is no [1]");
	expect_set_error("queues.[-1].handle.mean=999s", CC_ERR_USAGE,
	                 "no element named \"[-1]\" (known: sales; or write a position, [0] to [0])");
	expect_set_error("agents.nosuch.count=3", CC_ERR_USAGE,
	                 "no element named \"nosuch\" (known: team; or write a position");
	expect_set_error("queues.sales.name.x=3", CC_ERR_USAGE, "\"x\" cannot be inside a string");
	expect_set_error("warmup=1; horizon = 1", CC_ERR_USAGE,
	                 "--set warmup: one value per --set: \"horizon = 1\" would be ignored (give "
	                 "it a --set of its own)");
	expect_set_error("warmup=\"1h\", interval=\"1h\"", CC_ERR_USAGE,
	                 "\"interval=\"1h\"\" would be ignored");
	/* A group or list with a slip in it is explained, not taken as text. */
	expect_set_error("queues.sales.handle={dist=\"exponential\"; mean=3m;}", CC_ERR_USAGE,
	                 "--set queues.sales.handle: mean: 3m is text: write it in double quotes");
	expect_set_error("queues.[0].arrivals.per_hour=[1, 2.0]", CC_ERR_USAGE,
	                 "the elements of an array [ ] must all be of one kind");
	expect_set_error("description=3", CC_ERR_SCENARIO, "--set description: must be a string of "
	                 "free text (got a whole number)");
	/* A bare word is text, whatever digits it holds; a group replaces a group in place. */
	const char *text_and_group[] = { "queues.sales.description=ticket 99999999999",
	                                 "queues.[0]={name=\"x\"; arrivals={per_hour=5.0;}; "
	                                 "handle={dist=\"exponential\";mean=100.0;};}",
	                                 "agents.team.skills=[\"x\"]" };
	{
		struct cc_scenario scn;
		char err[1024] = "";
		if (tu_load(base, text_and_group, 3, &scn, err, sizeof err) != CC_OK)
			fail_msg("%s", err);
		assert_string_equal(scn.queues[0].name, "x");
		assert_true(scn.queues[0].handle.mean == 100 && !scn.queues[0].has_patience);
		cc_scenario_fini(&scn);
	}
	/* A value may end with its own ';' or a comment. */
	struct cc_scenario scn;
	char err[1024] = "";
	const char *ok[] = { "warmup=2h;", "interval=\"15m\" # quarter hours" };
	assert_int_equal(tu_load(base, ok, 2, &scn, err, sizeof err), CC_OK);
	assert_true(scn.warmup_s == 7200 && scn.interval_s == 900);
	cc_scenario_fini(&scn);
}

/* An unknown name in a --set path or a setting lists the names there are (issue 12). */
static void test_scenario_unknown_names_list_the_known(void **state)
{
	(void)state;
	expect_set_error("agents.team.skills=[\"nosuch\"]", CC_ERR_SCENARIO,
	                 "--set agents.[0].skills.[0]: no queue is named \"nosuch\" (queues: sales)");
	expect_error("skills = [ \"sales\" ]", "skills = [ \"sale\" ]",
	             ":16: agents.[0].skills.[0]: no queue is named \"sale\" (queues: sales)");
	expect_set_error("queues.sales.transfer.to.[0].queue=\"b\"", CC_ERR_USAGE,
	                 "\"[0]\" is a position, but there is no list there");
	expect_set_error("agents.[0].nosuch.[2]=1", CC_ERR_USAGE, "\"[2]\" is a position");
}

/* libconfig says "syntax error" and nothing else; the loader says what was expected where. */
static void test_scenario_syntax_errors_say_what_was_expected(void **state)
{
	(void)state;
	static const struct { const char *from, *to, *want; } cases[] = {
		{ "horizon = \"24h\";", "horizon = ;", ":3: horizon: expected a value after '=' (a "
		  "number, a \"string\", true, false, { }, ( ) or [ ]) (found ';')" },
		{ "horizon = \"24h\";", "horizon = 24h;", ":3: horizon: 24h is text: write it in double "
		  "quotes (\"24h\")" },
		{ "channel = \"voice\";", "channel = voice;", ":8: queues.[0].channel: voice is text" },
		{ "horizon = \"24h\";", "horizon \"24h\";", ":3: expected '=' after horizon (found the "
		  "string \"24h\")" },
		{ "  }\n);", "  }\n  { name = \"b\"; }\n);", ":15: queues: expected ',' or ')' after "
		  "element 0 (found '{'): the elements of a list are separated by ','" },
		{ "skills = [ \"sales\" ]", "skills = [ \"sales\", 2 ]", ":16: agents.[0].skills: the "
		  "elements of an array [ ] must all be of one kind: element 1 is a whole number, the "
		  "first a string" },
		{ "skills = [ \"sales\" ]", "skills = [ { a = 1; } ]", ":16: agents.[0].skills: an "
		  "array [ ] holds numbers, strings or true/false; write a list ( ) to hold groups" },
		{ "skills = [ \"sales\" ]", "skills = [ \"sales\", ]", ":16: agents.[0].skills: a ',' "
		  "before the closing ']'" },
		{ "mean = \"300s\"; };", "mean = \"300s\"; );", ":11: queues.[0].patience: found ')', "
		  "but the '{' of line 11 is still open (expected '}')" },
		{ "mean = \"300s\"; };", "mean = \"300s\";", ":15: queues.[0]: found ')', but the '{' of "
		  "line 8 is still open (expected '}')" },
		{ "agents = ( {", "agents = ( { {", ":16: agents.[0]: expected the name of a setting, or "
		  "'}' (found '{')" },
		{ "replications = 20;", "replications = 20; q = { a = 1;", ":6: q: the '{' opened here "
		  "is never closed" },
		{ "seed = 20261121;", "seed = 20261121; seed = 3;", ":2: seed is set twice (first at line 2)" },
		{ "seed = 20261121;", "2seed = 20261121;", ":2: expected the name of a setting (found "
		  "the number 2): names start with a letter" },
		{ "name = \"erlang-a\";", "name = \"erlang-a;", ":3: expected the name of a setting (found "
		  "the number 24): names start with a letter; the string that opens on line 1 runs over "
		  "several lines: a missing \" there?" },
		{ "agents = ( { name = \"team\"; count = 7; skills = [ \"sales\" ]; } );", "agents = \"team",
		  ":16: agents: a string opened here is never closed (a missing \")" },
		{ "seed = 20261121;", "seed = 20261121; }", ":2: found '}', with nothing open to close" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_error(cases[i].from, cases[i].to, cases[i].want);
	/* Nesting is bounded (the reading recurses). */
	char deep[1024] = "seed = 1; q = ";
	for (int i = 0; i < 150; i++)
		strcat(deep, "(");
	for (int i = 0; i < 150; i++)
		strcat(deep, ")");
	expect_error("seed = 20261121;", deep, ":2: ...");
	expect_error("seed = 20261121;", deep, ": nested more than 100 deep");
}

/* Warnings (not errors) for what loads but is almost surely mistyped; the shipped scenarios
 * draw none. */
static void test_scenario_warnings_flag_mistypes(void **state)
{
	(void)state;
	static const struct { const char *set, *want; } cases[] = {
		{ "queues.sales.handle.mean=180000", "warning: --set queues.[0].handle.mean: a mean of "
		  "180000 s (50.0 h) is longer than any handle a contact center sees" },
		{ "queues.sales.patience.mean=\"6h\"", "warning: --set queues.[0].patience.mean: a mean of 21600 s" },
		{ "queues.sales.service_level.threshold=\"25h\"", "warning: --set "
		  "queues.[0].service_level.threshold: 90000 s is longer than the horizon (86400 s)" },
		{ "channels.voice.offer_timeout=0.5", "warning: --set channels.voice.offer_timeout: an "
		  "offer that rings for 0.5 s (under a second)" },
		{ "channels.voice.offer_timeout=\"2h\"", "(over an hour) is never missed in practice" },
		{ "queues.sales.arrivals.per_hour=1000.0", "queues.[0]: the peak offered load of the "
		  "voice queues, 50.0 erlangs (this one 50.0), is more than 2 times what all their "
		  "agents can hold at once (7)" },
		{ "agents.team.answer.delay={dist=\"deterministic\";value=\"30s\";}", "warning: --set "
		  "agents.[0].answer.delay: a mean answer delay of 30 s is longer than the voice offer "
		  "timeout (18 s)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cc_scenario scn;
		char err[1024] = "";
		const char *sets[] = { cases[i].set };
		assert_int_equal(tu_load(base, sets, 1, &scn, err, sizeof err), CC_OK);
		int found = 0;
		for (size_t w = 0; w < scn.n_warnings; w++)
			found |= strstr(scn.warnings[w], cases[i].want) != NULL;
		if (!found)
			fail_msg("--set %s: %zu warnings, none with '%s'%s%s", cases[i].set, scn.n_warnings,
			         cases[i].want, scn.n_warnings ? "; first: " : "",
			         scn.n_warnings ? scn.warnings[0] : "");
		cc_scenario_fini(&scn);
	}
	/* A default is named at its place; channels no queue uses draw none. */
	{
		struct cc_scenario scn;
		char err[1024] = "";
		char *text = tu_erlang_scenario(100, 180, 7, 300, "horizon = \"10s\";");
		const char *email[] = { "channels.email.offer_timeout=0.5" };
		assert_int_equal(tu_load(text, email, 1, &scn, err, sizeof err), CC_OK);
		free(text);
		assert_int_equal(scn.n_warnings, 1);
		assert_non_null(strstr(scn.warnings[0], ": warning: queues.[0].service_level.threshold: "
		                                          "20 s is longer than the horizon (10 s)"));
		cc_scenario_fini(&scn);
	}
	/* A file's own settings are named by their line. */
	char edited[8192];
	edit(edited, sizeof edited, base, "mean = \"180s\"", "mean = \"180000s\"");
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(edited, NULL, 0, &scn, err, sizeof err), CC_OK);
	assert_true(scn.n_warnings >= 1);
	assert_non_null(strstr(scn.warnings[0], ":10: warning: queues.[0].handle.mean: a mean of 180000 s"));
	cc_scenario_fini(&scn);
	/* None for the example, nor for shares written as shares. */
	assert_int_equal(tu_load(base, NULL, 0, &scn, err, sizeof err), CC_OK);
	assert_int_equal(scn.n_warnings, 0);
	cc_scenario_fini(&scn);
	/* A share written as a percentage is an error that says so. */
	expect_error_in(full, "share = 0.85", "share = 85", "must be a share from 0 to 1 (got 85: a "
	                "percentage? write 0.85)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scenario_loads_the_example),
		cmocka_unit_test(test_scenario_errors_name_file_line_and_setting),
		cmocka_unit_test(test_scenario_missing_file),
		cmocka_unit_test(test_scenario_set_overrides),
		cmocka_unit_test(test_scenario_other_shapes),
		cmocka_unit_test(test_scenario_agent_defaults),
		cmocka_unit_test(test_scenario_full_agent_group),
		cmocka_unit_test(test_scenario_agent_errors),
		cmocka_unit_test(test_scenario_too_many_statuses),
		cmocka_unit_test(test_scenario_set_agent_model),
		cmocka_unit_test(test_scenario_channel_helpers),
		cmocka_unit_test(test_scenario_routing_defaults),
		cmocka_unit_test(test_scenario_implicit_profiles),
		cmocka_unit_test(test_scenario_routing_profiles),
		cmocka_unit_test(test_scenario_queue_extras),
		cmocka_unit_test(test_scenario_routing_errors),
		cmocka_unit_test(test_scenario_set_routing),
		cmocka_unit_test(test_scenario_transfers),
		cmocka_unit_test(test_scenario_transfer_errors),
		cmocka_unit_test(test_scenario_region_defaults),
		cmocka_unit_test(test_scenario_regions),
		cmocka_unit_test(test_scenario_region_errors),
		cmocka_unit_test(test_scenario_duration_floor_stops_livelocks),
		cmocka_unit_test(test_scenario_numbers_beyond_their_type_refused),
		cmocka_unit_test(test_scenario_set_takes_only_what_was_written),
		cmocka_unit_test(test_scenario_syntax_errors_say_what_was_expected),
		cmocka_unit_test(test_scenario_unknown_names_list_the_known),
		cmocka_unit_test(test_scenario_warnings_flag_mistypes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
