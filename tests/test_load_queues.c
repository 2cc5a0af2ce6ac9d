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

/* Handle, ACW and patience with parameters per interval step; one-value lists are scalars. */
static void test_load_queues_steps(void **state)
{
	(void)state;
	struct cc_scenario scn;
	load_edited(base, "handle = { dist = \"exponential\"; mean = \"180s\"; };",
	            "handle = { dist = \"lognormal\"; mean = ( \"181.5s\", \"243.25s\", 97.125 ); "
	            "sd = \"60s\"; };", &scn);
	const struct cc_queue_cfg *q = &scn.queues[0];
	assert_int_equal(q->handle_steps.n, 3);
	assert_near(q->handle_steps.width_s, 1800, 0);
	assert_near(q->handle.mean, 181.5, 1e-9);
	assert_near(q->handle_steps.steps[1].mean, 243.25, 1e-9);
	assert_near(q->handle_steps.steps[2].mean, 97.125, 1e-9);
	assert_near(cc_dist_sd(&q->handle_steps.steps[2]), 60, 1e-9);
	/* the step a time falls in, the last held, before 0 the first */
	assert_ptr_equal(cc_queue_dist_at(&q->handle, &q->handle_steps, 1799.99),
	                 &q->handle_steps.steps[0]);
	assert_ptr_equal(cc_queue_dist_at(&q->handle, &q->handle_steps, 1800),
	                 &q->handle_steps.steps[1]);
	assert_ptr_equal(cc_queue_dist_at(&q->handle, &q->handle_steps, 86399),
	                 &q->handle_steps.steps[2]);
	assert_ptr_equal(cc_queue_dist_at(&q->handle, &q->handle_steps, -5),
	                 &q->handle_steps.steps[0]);
	assert_near(cc_queue_handle_mean(q, 2000), 243.25, 1e-9);
	assert_int_equal(q->acw_steps.n, 0);
	assert_ptr_equal(cc_queue_dist_at(&q->acw, &q->acw_steps, 5000), &q->acw);
	cc_scenario_fini(&scn);

	/* lists of the same length in one distribution; ACW and patience too */
	load_edited(base, "patience = { dist = \"exponential\"; mean = \"300s\"; };\n"
	            "    acw = { dist = \"deterministic\"; value = \"0s\"; };",
	            "patience = { dist = \"gamma\"; mean = [ \"300s\", \"120s\" ]; sd = [ \"90s\", "
	            "\"45.5s\" ]; };\n    acw = { dist = \"deterministic\"; value = [ \"12s\", \"0s\", "
	            "\"30s\" ]; };", &scn);
	q = &scn.queues[0];
	assert_true(q->has_patience);
	assert_int_equal(q->patience_steps.n, 2);
	assert_near(cc_dist_sd(&q->patience_steps.steps[1]), 45.5, 1e-9);
	assert_int_equal(q->acw_steps.n, 3);
	assert_near(q->acw.mean, 12, 0);
	assert_near(q->acw_steps.steps[2].mean, 30, 0);
	cc_scenario_fini(&scn);

	/* a list of one value is the scalar itself: no steps */
	load_edited(base, "mean = \"180s\"", "mean = [ \"180s\" ]", &scn);
	assert_int_equal(scn.queues[0].handle_steps.n, 0);
	assert_int_equal(scn.queues[0].handle.kind, CC_DIST_EXPONENTIAL);
	assert_near(scn.queues[0].handle.mean, 180, 0);
	cc_scenario_fini(&scn);

	/* ...and holds at every step beside a longer list, as a scalar does */
	load_edited(base, "patience = { dist = \"exponential\"; mean = \"300s\"; };",
	            "patience = { dist = \"gamma\"; mean = [ \"300s\" ]; sd = [ \"90s\", "
	            "\"45.5s\" ]; };", &scn);
	q = &scn.queues[0];
	assert_int_equal(q->patience_steps.n, 2);
	assert_near(q->patience_steps.steps[1].mean, 300, 1e-9);
	assert_near(cc_dist_sd(&q->patience_steps.steps[1]), 45.5, 1e-9);
	cc_scenario_fini(&scn);
}

static void test_load_queues_step_errors(void **state)
{
	(void)state;
	expect_error("mean = \"180s\"", "mean = [ ]",
	             ":10: queues.[0].handle.mean: must list at least one value (one per interval step");
	expect_error("mean = \"180s\"", "mean = ( \"180s\", \"3 ticks\" )",
	             ":10: queues.[0].handle.mean.[1]: \"3 ticks\" is not a duration");
	expect_error("mean = \"180s\"", "mean = [ \"180s\", \"-3s\" ]",
	             ":10: queues.[0].handle.mean.[1]: must not be negative");
	expect_error("handle = { dist = \"exponential\"; mean = \"180s\"; };",
	             "handle = { dist = \"lognormal\"; mean = [ \"180s\", \"200s\" ]; sd = [ \"9s\", "
	             "\"8s\", \"7s\" ]; };",
	             ":10: queues.[0].handle.sd: lists 3 values, but mean lists 2: the lists of one "
	             "distribution give the same steps");
	expect_error("handle = { dist = \"exponential\"; mean = \"180s\"; };",
	             "handle = { dist = \"lognormal\"; mean = [ \"180s\", \"200s\" ]; sd = [ \"9s\", "
	             "\"0s\" ]; };",
	             ":10: queues.[0].handle.sd.[1]: must be positive (step 2 of the list)");
	expect_error("handle = { dist = \"exponential\"; mean = \"180s\"; };",
	             "handle = { dist = \"deterministic\"; value = [ \"180s\", \"0s\" ]; };",
	             ":10: queues.[0].handle: must have a positive mean at every step (contacts take "
	             "time; step 2 has mean 0)");
	expect_error("patience = { dist = \"exponential\"; mean = \"300s\"; };",
	             "patience = { dist = \"exponential\"; mean = ( \"300s\", 0 ); };",
	             ":11: queues.[0].patience.mean.[1]: must be positive (step 2 of the list)");
	/* lists elsewhere are refused */
	expect_error_in(full, "idle = { dist = \"deterministic\"; value = \"65s\"; }",
	                "idle = { dist = \"deterministic\"; value = [ \"65s\", \"70s\" ]; }",
	                ":25: agents.[0].rona.idle.value: takes one value here: lists of values per "
	                "interval are for a queue's handle, acw and patience");
}

/* busyness, at the top and in a queue's arrivals. */
static void test_load_queues_busyness(void **state)
{
	(void)state;
	struct cc_scenario scn;
	load_edited(base, "replications = 20;\n",
	            "replications = 20; busyness = { dist = \"gamma\"; mean = 1.125; sd = 0.2375; };\n",
	            &scn);
	assert_true(scn.busyness.on);
	assert_int_equal(scn.busyness.dist.kind, CC_DIST_GAMMA);
	assert_near(scn.busyness.dist.mean, 1.125, 1e-12);
	assert_near(cc_dist_sd(&scn.busyness.dist), 0.2375, 1e-12);
	assert_false(scn.queues[0].busyness.on);
	assert_true(cc_scenario_has_busyness(&scn));
	cc_scenario_fini(&scn);

	/* sd 0: the mean exactly; the queue's own, lognormal, mean 1 by default */
	load_edited(base, "replications = 20;\n",
	            "replications = 20; busyness = { dist = \"lognormal\"; mean = 0.875; sd = 0; };\n",
	            &scn);
	assert_int_equal(scn.busyness.dist.kind, CC_DIST_DETERMINISTIC);
	assert_near(scn.busyness.dist.mean, 0.875, 0);
	cc_scenario_fini(&scn);
	load_edited(base, "per_hour = 100.0; };",
	            "per_hour = 100.0; busyness = { dist = \"lognormal\"; sd = 0.3125; }; };", &scn);
	assert_false(scn.busyness.on);
	assert_true(scn.queues[0].busyness.on);
	assert_int_equal(scn.queues[0].busyness.dist.kind, CC_DIST_LOGNORMAL);
	assert_near(scn.queues[0].busyness.dist.mean, 1, 1e-12);
	assert_near(cc_dist_sd(&scn.queues[0].busyness.dist), 0.3125, 1e-9);
	cc_scenario_fini(&scn);
	load_edited(base, "replications = 20;\n", "replications = 20;\n", &scn);
	assert_false(cc_scenario_has_busyness(&scn));
	cc_scenario_fini(&scn);
}

static void test_load_queues_busyness_errors(void **state)
{
	(void)state;
	const char *from = "replications = 20;\n";
	expect_error(from, "replications = 20; busyness = { dist = \"exponential\"; mean = 1.0; sd = 0.25; };\n",
	             ":6: busyness.dist: \"exponential\" is not a distribution given by mean and sd (expected gamma or lognormal)");
	expect_error(from, "replications = 20; busyness = { dist = \"gama\"; sd = 0.25; };\n",
	             ":6: busyness.dist: \"gama\" is not a distribution given by mean and sd");
	expect_error(from, "replications = 20; busyness = { sd = 0.25; };\n", ":6: busyness.dist: missing (required)");
	expect_error(from, "replications = 20; busyness = { dist = \"gamma\"; };\n", ":6: busyness.sd: missing (required)");
	expect_error(from, "replications = 20; busyness = { dist = \"gamma\"; mean = 0.0; sd = 0.25; };\n",
	             ":6: busyness.mean: must be above 0 and at most 100 (got 0)");
	expect_error(from, "replications = 20; busyness = { dist = \"gamma\"; mean = 1.0; sd = -0.25; };\n",
	             ":6: busyness.sd: must be from 0 to 10 (got -0.25)");
	expect_error(from, "replications = 20; busyness = { dist = \"gamma\"; mean = \"1\"; sd = 0.25; };\n",
	             ":6: busyness.mean: must be a number (got a string)");
	expect_error(from, "replications = 20; busyness = { dist = \"gamma\"; sd = 0.25; scale = 2.0; };\n",
	             ":6: busyness.scale: unknown setting (expected one of: dist, mean, sd)");
	expect_error(from, "replications = 20; busyness = 1.25;\n",
	             ":6: busyness: must be a group { dist = \"gamma\"; mean = 1.0; sd = 0.25; } (got a number)");
	expect_error("per_hour = 100.0; };", "per_hour = 100.0; busyness = { dist = \"gamma\"; sd = [ 0.25 ]; }; };",
	             ":9: queues.[0].arrivals.busyness.sd: must be a number");
	expect_error("per_hour = 100.0; };", "per_hour = 100.0; busyness = { dist = \"weibull\"; sd = 0.25; }; };",
	             ":9: queues.[0].arrivals.busyness.dist: \"weibull\" is not a distribution given by mean and sd");
}

/* A quick connect to an agent without a handle of its own takes the queue's, per step when
 * the queue gives it per step (drawn at the hand-over's step); one with its own keeps it; and
 * one-value lists leave a run with such transfers unchanged, bit for bit. */
static void test_load_queues_transfer_steps(void **state)
{
	(void)state;
	static const char from[] = "handle = { dist = \"empirical\"; values = [ \"2m\", \"6m\" ]; "
	                           "weights = [ 3.0, 1.0 ]; };\n    acw = { dist = \"deterministic\"; "
	                           "value = \"25s\"; };";
	struct cc_scenario scn;
	load_edited(xfer, from,
	            "handle = { dist = \"lognormal\"; mean = [ \"150s\", \"210.5s\" ]; sd = \"40s\"; };\n"
	            "    acw = { dist = \"deterministic\"; value = [ \"25s\", \"37.5s\", \"12.25s\" ]; };",
	            &scn);
	const struct cc_quick_connect_cfg *by_queue = &scn.queues[0].transfers[1];
	const struct cc_quick_connect_cfg *own = &scn.queues[0].transfers[2];
	assert_int_equal(by_queue->handle_steps.n, 2);
	assert_near(by_queue->handle_steps.steps[1].mean, 210.5, 1e-9);
	assert_int_equal(by_queue->acw_steps.n, 3);
	assert_near(cc_queue_dist_at(&by_queue->acw, &by_queue->acw_steps, 3 * 1800.0)->mean, 12.25,
	            1e-9);
	assert_int_equal(own->handle_steps.n, 0);
	assert_near(own->handle.mean, 300, 1e-9);
	assert_int_equal(own->acw_steps.n, 3); /* its ACW is the queue's */
	cc_scenario_fini(&scn);

	char scalar[8192], lists[8192];
	tu_edit(scalar, sizeof scalar, xfer, from,
	                          "handle = { dist = \"lognormal\"; mean = \"150s\"; sd = \"40s\"; };\n"
	                          "    acw = { dist = \"deterministic\"; value = \"25s\"; };");
	tu_edit(lists, sizeof lists, xfer, from,
	                         "handle = { dist = \"lognormal\"; mean = [ \"150s\" ]; sd = [ \"40s\" ]; };\n"
	                         "    acw = { dist = \"deterministic\"; value = [ \"25s\" ]; };");
	tu_assert_same_runs(lists, scalar);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_queues_transfers),
		cmocka_unit_test(test_load_queues_transfer_errors),
		cmocka_unit_test(test_load_queues_transfer_steps),
		cmocka_unit_test(test_load_queues_silent),
		cmocka_unit_test(test_load_queues_steps),
		cmocka_unit_test(test_load_queues_step_errors),
		cmocka_unit_test(test_load_queues_busyness),
		cmocka_unit_test(test_load_queues_busyness_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
