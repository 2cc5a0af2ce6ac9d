/* Quick connects: every kind and mode, and their errors. */
#include "scenario_fixtures.h"

static void test_load_queues_transfers(void **state)
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

/* silent = { share; timeout; } on a chat queue with patience; refused elsewhere and when
 * incomplete, with the file's line. */
static void test_load_queues_silent(void **state)
{
	(void)state;
	static const char web[] = "handle = { dist = \"lognormal\"; mean = \"420s\"; sd = \"300s\"; };";
	static const char patience[] =
		"handle = { dist = \"lognormal\"; mean = \"420s\"; sd = \"300s\"; };\n"
		"patience = { dist = \"exponential\"; mean = \"95s\"; };";
	char with_patience[8192];
	tu_edit(with_patience, sizeof with_patience, full, web, patience);
	struct cc_scenario scn;
	load_edited(with_patience, "mean = \"95s\"; };",
	            "mean = \"95s\"; }; silent = { share = 0.385; timeout = { dist = \"deterministic\"; value = \"3m7s\"; }; };", &scn);
	assert_near(scn.queues[1].silent.share, 0.385, 0);
	assert_near(scn.queues[1].silent.timeout.mean, 187, 0);
	assert_near(scn.queues[0].silent.share, 0, 0); /* none by default */
	cc_scenario_fini(&scn);
	/* share 0 needs no timeout, nor patience */
	load_edited(full, web, "handle = { dist = \"exponential\"; mean = \"420s\"; }; silent = { share = 0.0; };",
	            &scn);
	cc_scenario_fini(&scn);

	expect_error_in(full, "rona_requeue = \"tail\";",
	                "rona_requeue = \"tail\"; silent = { share = 0.4; timeout = { dist = \"exponential\"; mean = \"3m\"; }; };",
	                ":7: queues.[0].silent: is for chat queues only (this is a voice queue)");
	expect_error_in(with_patience, "mean = \"95s\"; };", "mean = \"95s\"; }; silent = { share = 0.4; };",
	                ":10: queues.[1].silent.timeout: missing (required)");
	expect_error_in(full, web, "handle = { dist = \"exponential\"; mean = \"420s\"; }; "
	                "silent = { share = 0.4; timeout = { dist = \"exponential\"; mean = \"3m\"; }; };",
	                ":9: queues.[1].silent.share: needs the queue's patience");
	expect_error_in(with_patience, "mean = \"95s\"; };",
	                "mean = \"95s\"; }; silent = { share = 1.25; timeout = { dist = \"exponential\"; mean = \"3m\"; }; };",
	                ":10: queues.[1].silent.share: must be a share from 0 to 1 (got 1.25)");
	expect_error_in(with_patience, "mean = \"95s\"; };",
	                "mean = \"95s\"; }; silent = { share = 0.4; timeout = { dist = \"uniform\"; min = \"5m\"; max = \"1m\"; }; };",
	                ":10: queues.[1].silent.timeout.max:");
	expect_error_in(with_patience, "mean = \"95s\"; };",
	                "mean = \"95s\"; }; silent = { share = 0.4; timeout = { dist = \"exponential\"; mean = \"3m\"; }; leave = 1; };",
	                ":10: queues.[1].silent.leave: unknown setting");
	expect_error_in(with_patience, "mean = \"95s\"; };", "mean = \"95s\"; }; silent = 0.4;",
	                ":10: queues.[1].silent: must be a group");
}

static void test_load_queues_transfer_errors(void **state)
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_queues_transfers),
		cmocka_unit_test(test_load_queues_transfer_errors),
		cmocka_unit_test(test_load_queues_silent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
