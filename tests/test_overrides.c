/* --set: overrides of every kind of setting, and what a path may name. */
#include "scenario_fixtures.h"

static void test_overrides_set_overrides(void **state)
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

static void test_overrides_set_agent_model(void **state)
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

static void test_overrides_set_routing(void **state)
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

/* --set 'queues.[4294967296]...' changed queue 0, and 'warmup=1; horizon = 1' dropped what
 * followed the ';' (issue 12). */
static void test_overrides_set_takes_only_what_was_written(void **state)
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overrides_set_overrides),
		cmocka_unit_test(test_overrides_set_agent_model),
		cmocka_unit_test(test_overrides_set_routing),
		cmocka_unit_test(test_overrides_set_takes_only_what_was_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
