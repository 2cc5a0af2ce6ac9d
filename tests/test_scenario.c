/* Loading scenarios: the file, the top level, queues, channels and the errors every part shares. */
#include "scenario_fixtures.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scenario_loads_the_example),
		cmocka_unit_test(test_scenario_errors_name_file_line_and_setting),
		cmocka_unit_test(test_scenario_missing_file),
		cmocka_unit_test(test_scenario_other_shapes),
		cmocka_unit_test(test_scenario_too_many_statuses),
		cmocka_unit_test(test_scenario_channel_helpers),
		cmocka_unit_test(test_scenario_queue_extras),
		cmocka_unit_test(test_scenario_duration_floor_stops_livelocks),
		cmocka_unit_test(test_scenario_numbers_beyond_their_type_refused),
		cmocka_unit_test(test_scenario_unknown_names_list_the_known),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
