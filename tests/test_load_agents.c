/* Agent groups and routing profiles: defaults, every setting, and their errors. */
#include "scenario_fixtures.h"

static void test_load_agents_agent_defaults(void **state)
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

static void test_load_agents_full_agent_group(void **state)
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

/* rona.not_ready_after and its status and delay: off by default; the status defaults to the
 * idle reason; every way to get them wrong is refused with the file's line. */
static void test_load_agents_not_ready(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(base, NULL, 0, &scn, err, sizeof err), CC_OK);
	assert_int_equal(scn.groups[0].rona.not_ready_after, 0);
	assert_int_equal(scn.groups[0].rona.not_ready_status, -1);
	assert_zero_dist(&scn.groups[0].rona.not_ready);
	cc_scenario_fini(&scn);
	/* the idle reason (Training) by default */
	load_edited(full, "available = 0.7;", "available = 0.7; not_ready_after = 3;", &scn);
	assert_int_equal(scn.groups[0].rona.not_ready_after, 3);
	assert_int_equal(scn.groups[0].rona.not_ready_status, CC_AGENT_FIRST_NPT + 2);
	cc_scenario_fini(&scn);
	load_edited(full, "available = 0.7;",
	            "available = 0.7; not_ready_after = 2; not_ready_status = \"Break\";\n"
	            "not_ready = { dist = \"deterministic\"; value = \"2m17s\"; };", &scn);
	assert_int_equal(scn.groups[0].rona.not_ready_status, CC_AGENT_FIRST_NPT);
	assert_near(scn.groups[0].rona.not_ready.mean, 137, 0);
	cc_scenario_fini(&scn);

	expect_error_in(full, "available = 0.7;", "available = 0.7; not_ready_after = -1;",
	                ":25: agents.[0].rona.not_ready_after: must be from 0 to 1000 (got -1)");
	expect_error_in(full, "available = 0.7;", "available = 0.7; not_ready_after = 1001;",
	                ":25: agents.[0].rona.not_ready_after: must be from 0 to 1000 (got 1001)");
	expect_error_in(full, "available = 0.7;", "available = 0.7; not_ready_after = 2.5;",
	                ":25: agents.[0].rona.not_ready_after: must be a whole number");
	expect_error_in(full, "available = 0.7;",
	                "available = 0.7; not_ready_after = 2; not_ready_status = \"Coffee\";",
	                ":25: agents.[0].rona.not_ready_status: no status is named \"Coffee\"");
	expect_error_in(full, "available = 0.7;",
	                "available = 0.7; not_ready_after = 2; not_ready_status = \"Available\";",
	                ":25: agents.[0].rona.not_ready_status: Available is not a not-productive status");
	expect_error_in(full, "available = 0.7;",
	                "available = 0.7; not_ready_after = 2; not_ready_status = \"RONA\";",
	                ":25: agents.[0].rona.not_ready_status: RONA is set by the system only");
	expect_error_in(full, "available = 0.7;", "available = 0.7; not_ready_status = 3;",
	                ":25: agents.[0].rona.not_ready_status: must be a string (got a whole number)");
	/* a status with not_ready_after = 0 is unused (a sweep may turn it off) */
	load_edited(full, "available = 0.7;",
	            "available = 0.7; not_ready_after = 0; not_ready_status = \"Break\";", &scn);
	assert_int_equal(scn.groups[0].rona.not_ready_after, 0);
	cc_scenario_fini(&scn);
	expect_error_in(full, "available = 0.7;",
	                "available = 0.7; not_ready_after = 2; not_ready = { dist = \"exponential\"; };",
	                ":25: agents.[0].rona.not_ready.mean: missing (required by this distribution)");
	expect_error_in(full, "available = 0.7;",
	                "available = 0.7; not_ready_after = 2; not_ready = \"-3s\";",
	                ":25: agents.[0].rona.not_ready");
	expect_error_in(full, "available = 0.7;", "available = 0.7; not_ready_afer = 2;",
	                ":25: agents.[0].rona.not_ready_afer: unknown setting");
	/* no status at all to be put in */
	expect_error("count = 7;", "count = 7; rona = { not_ready_after = 2; };",
	             ":16: agents.[0].rona.not_ready_after: agents who keep missing need a status to "
	             "be put in");
}

static void test_load_agents_agent_errors(void **state)
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

/* Without any of the new settings: the default policy, a profile made from the skills, and
 * queues with no extras (but usable distributions). */
static void test_load_agents_routing_defaults(void **state)
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
static void test_load_agents_implicit_profiles(void **state)
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

static void test_load_agents_routing_profiles(void **state)
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

static void test_load_agents_routing_errors(void **state)
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_agents_agent_defaults),
		cmocka_unit_test(test_load_agents_full_agent_group),
		cmocka_unit_test(test_load_agents_agent_errors),
		cmocka_unit_test(test_load_agents_not_ready),
		cmocka_unit_test(test_load_agents_routing_defaults),
		cmocka_unit_test(test_load_agents_implicit_profiles),
		cmocka_unit_test(test_load_agents_routing_profiles),
		cmocka_unit_test(test_load_agents_routing_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
