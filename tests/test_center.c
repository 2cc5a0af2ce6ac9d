/*
 * One replication as a whole (models/center/center.c and what it drives): contacts are
 * conserved and agent time adds up on a busy center, ties at equal times are settled by
 * hand-worked rules, ACW keeps an agent busy, common random numbers across scenarios, and a
 * run whose clock stalls ends naming the setting.
 */
#include "testutil.h"

#include "models/run/run.h"

static const char busy_center[] =
	"name = \"busy\"; seed = 2385; horizon = \"10h\"; warmup = \"47m\"; interval = \"25m\"; replications = 4;\n"
	"queues = ( { name = \"a\"; arrivals = { per_hour = [ 80.0, 150.0, 40.0, 200.0, 120.0 ]; };\n"
	"             handle = { dist = \"lognormal\"; mean = \"190s\"; sd = \"120s\"; };\n"
	"             patience = { dist = \"weibull\"; mean = \"240s\"; shape = 0.8; };\n"
	"             acw = { dist = \"gamma\"; mean = \"25s\"; sd = \"10s\"; }; },\n"
	"           { name = \"b\"; channel = \"chat\"; arrivals = { per_hour = 45.5; };\n"
	"             handle = { dist = \"erlang\"; mean = \"300s\"; k = 2; };\n"
	"             acw = { dist = \"uniform\"; min = \"5s\"; max = \"40s\"; }; } );\n"
	"agents = ( { name = \"x\"; count = 5; skills = [ \"a\", \"b\" ]; },\n"
	"           { name = \"y\"; count = 3; skills = [ \"b\" ]; },\n"
	"           { name = \"z\"; count = 2; skills = [ \"a\" ]; } );\n"
	"output = { contact_records = true; };\n";

static void test_center_conserves_contacts(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept kept;
	tu_run_text(busy_center, NULL, 0, &scn, &run, &kept);
	uint64_t arrived = 0;
	for (size_t r = 0; r < run.replications; r++) {
		const struct cc_rep_counts *c = &run.counts[r];
		assert_true(c->arrived > 1000);
		assert_true(c->abandoned > 0 && c->waiting_at_end + c->in_service_at_end > 0);
		assert_int_equal(c->arrived, c->answered + c->abandoned + c->waiting_at_end);
		assert_int_equal(c->answered, c->completed + c->in_service_at_end);
		arrived += c->arrived;
		/* Groups count answered contacts by arrival interval too, so they add up. */
		double by_queue = 0, by_group = 0;
		for (size_t q = 0; q < scn.n_queues; q++)
			by_queue += tu_total_of(&run, CC_FIG_QUEUE, "answered", r, q);
		for (size_t g = 0; g < scn.n_groups; g++)
			by_group += tu_total_of(&run, CC_FIG_GROUP, "answered", r, g);
		assert_near(by_group, by_queue, 0);
		/* After the warm-up the same holds per queue, with contacts still in the system. */
		for (size_t q = 0; q < scn.n_queues; q++) {
			double offered = tu_total_of(&run, CC_FIG_QUEUE, "offered", r, q);
			double answered = tu_total_of(&run, CC_FIG_QUEUE, "answered", r, q);
			double abandoned = tu_total_of(&run, CC_FIG_QUEUE, "abandoned", r, q);
			assert_true(offered >= answered + abandoned);
			assert_true(offered - answered - abandoned <= (double)c->waiting_at_end);
		}
	}
	/* One record per contact, and its outcome agrees with its times. */
	assert_int_equal(kept.n, arrived);
	for (size_t i = 0; i < kept.n; i++) {
		const struct cc_contact_record *k = &kept.rows[i];
		switch (k->outcome) {
		case CC_OUTCOME_HANDLED:
		case CC_OUTCOME_IN_SERVICE_AT_END:
			assert_true(k->agent >= 0 && k->connect_s >= k->arrival_s && k->end_s >= k->connect_s);
			break;
		case CC_OUTCOME_ABANDONED:
		case CC_OUTCOME_WAITING_AT_END:
			assert_true(k->agent == -1 && isnan(k->connect_s) && k->end_s >= k->arrival_s);
			break;
		default:
			fail();
		}
		if (k->outcome == CC_OUTCOME_HANDLED)
			assert_true(k->acw_end_s >= k->end_s);
	}
	tu_done(&scn, &run, &kept);
}

static void test_center_agent_time_adds_up(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(busy_center, NULL, 0, &scn, &run, NULL);
	const struct cc_figure *staffed = cc_figure_find(CC_FIG_GROUP, "staffed_s");
	const struct cc_figure *parts[] = { cc_figure_find(CC_FIG_GROUP, "idle_s"),
	                                    cc_figure_find(CC_FIG_GROUP, "talk_s"),
	                                    cc_figure_find(CC_FIG_GROUP, "acw_s") };
	double work = 0;
	for (size_t r = 0; r < run.replications; r++)
		for (size_t row = 0; row <= run.grid.count; row++)
			for (size_t g = 0; g < scn.n_groups; g++) {
				double s = cc_run_value(&run, staffed, r, row, g), sum = 0;
				for (int p = 0; p < 3; p++)
					sum += cc_run_value(&run, parts[p], r, row, g);
				/* To the microsecond. */
				assert_near(sum, s, 1e-6);
				assert_near(s, scn.groups[g].count * cc_metrics_row_seconds(&run.grid, row), 1e-6);
				if (row == run.grid.count)
					work += cc_run_value(&run, parts[1], r, row, g) + cc_run_value(&run, parts[2], r, row, g);
			}
	/* Time on each queue's contacts adds up to the groups' talk + ACW. */
	double queue_work = 0;
	for (size_t r = 0; r < run.replications; r++) {
		/* occupancy(q) * productive time of the groups serving q = work on q */
		for (size_t q = 0; q < scn.n_queues; q++) {
			double productive = 0;
			for (size_t g = 0; g < scn.n_groups; g++)
				for (size_t s = 0; s < scn.groups[g].n_skills; s++)
					if (scn.groups[g].skills[s] == q)
						productive += tu_total_of(&run, CC_FIG_GROUP, "staffed_s", r, g);
			queue_work += tu_total_of(&run, CC_FIG_QUEUE, "occupancy", r, q) * productive;
		}
	}
	assert_near(queue_work, work, 1e-6 * work);
	tu_done(&scn, &run, NULL);
}

/* One agent, a contact every 100 s, talks of 150 s, patience exactly 50 s. Worked by hand:
 *   #1 at 100: answered at once, talk to 250      #2 at 200: waits; its patience and the agent
 *   both end at 250: the agent wins (class order), answered after 50 s, talk to 400
 *   #3 at 300: abandons at 350                    #4 at 400: the agent is freed at 400 first,
 *   answered at once ... and #8 (800) is answered at 850 and still talking at the horizon. */
static void test_center_ties_by_hand(void **state)
{
	(void)state;
	const char *text =
		"name = \"ties\"; horizon = 1000; interval = 1000; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"deterministic\"; per_hour = 36; };\n"
		"             handle = { dist = \"deterministic\"; value = 150; };\n"
		"             patience = { dist = \"deterministic\"; value = 50; }; } );\n"
		"agents = ( { name = \"g\"; count = 1; skills = [ \"q\" ]; } );\n"
		"output = { contact_records = true; };\n";
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept kept;
	tu_run_text(text, NULL, 0, &scn, &run, &kept);
	static const struct { double arrival, connect; int outcome; } want[] = {
		{ 100, 100, CC_OUTCOME_HANDLED }, { 200, 250, CC_OUTCOME_HANDLED },
		{ 300, NAN, CC_OUTCOME_ABANDONED }, { 400, 400, CC_OUTCOME_HANDLED },
		{ 500, 550, CC_OUTCOME_HANDLED }, { 600, NAN, CC_OUTCOME_ABANDONED },
		{ 700, 700, CC_OUTCOME_HANDLED }, { 800, 850, CC_OUTCOME_IN_SERVICE_AT_END },
		{ 900, NAN, CC_OUTCOME_ABANDONED },
	};
	assert_int_equal(kept.n, 9);
	for (size_t i = 0; i < 9; i++) {
		const struct cc_contact_record *k = NULL;
		for (size_t j = 0; j < kept.n; j++)
			if (kept.rows[j].contact_id == (int64_t)i)
				k = &kept.rows[j];
		assert_non_null(k);
		assert_near(k->arrival_s, want[i].arrival, 0);
		assert_int_equal(k->outcome, want[i].outcome);
		if (isnan(want[i].connect))
			assert_true(isnan(k->connect_s) && k->end_s == want[i].arrival + 50);
		else
			assert_near(k->connect_s, want[i].connect, 0);
	}
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "offered", 0, 0), 9, 0);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "answered", 0, 0), 6, 0);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "abandoned", 0, 0), 3, 0);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "answered_in_threshold", 0, 0), 3, 0);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "asa_s", 0, 0), 25, 1e-12);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "mean_abandon_time_s", 0, 0), 50, 1e-12);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "service_level", 0, 0), 3.0 / 9, 1e-12);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "service_level_of_answered", 0, 0), 3.0 / 6, 1e-12);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "p_wait", 0, 0), 6.0 / 9, 1e-12);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "handled", 0, 0), 5, 0);
	/* Busy from 100 to the horizon: 900 s talking, 100 s idle. */
	assert_near(tu_total_of(&run, CC_FIG_GROUP, "talk_s", 0, 0), 900, 1e-9);
	assert_near(tu_total_of(&run, CC_FIG_GROUP, "idle_s", 0, 0), 100, 1e-9);
	/* Waiting: #2, #5, #8 for 50 s each, #3, #6, #9 for 50 s each: 300 contact-seconds. */
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "queue_length", 0, 0), 300.0 / 1000, 1e-12);
	assert_near(run.counts[0].in_service_at_end, 1, 0);
	tu_done(&scn, &run, &kept);
}

/* A contact arriving when an agent's talk ends at the same instant finds the agent free. */
static void test_center_freed_agent_takes_simultaneous_arrival(void **state)
{
	(void)state;
	const char *text =
		"name = \"tie\"; horizon = 1000; interval = 500; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"deterministic\"; per_hour = 36; };\n"
		"             handle = { dist = \"deterministic\"; value = 100; }; } );\n"
		"agents = ( { name = \"g\"; count = 1; skills = [ \"q\" ]; } );\n";
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "p_wait", 0, 0), 0, 0);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "answered", 0, 0), 9, 0);
	assert_near(tu_total_of(&run, CC_FIG_GROUP, "occupancy", 0, 0), 0.9, 1e-12);
	tu_done(&scn, &run, NULL);
}

/* The agent stays busy through ACW: talk 60 s + ACW 50 s on contacts 100 s apart. */
static void test_center_acw_keeps_agent_busy(void **state)
{
	(void)state;
	const char *text =
		"name = \"acw\"; horizon = 450; interval = 450; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"deterministic\"; per_hour = 36; };\n"
		"             handle = { dist = \"deterministic\"; value = 60; };\n"
		"             acw = { dist = \"deterministic\"; value = 50; }; } );\n"
		"agents = ( { name = \"g\"; count = 1; skills = [ \"q\" ]; } );\n"
		"output = { contact_records = true; };\n";
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept kept;
	tu_run_text(text, NULL, 0, &scn, &run, &kept);
	/* #0 at 100: talk to 160, ACW to 210; #1 at 200 waits to 210; #2 at 300 waits to 320;
	 * #3 at 400 waits to 430, talks past the horizon. */
	double connect[] = { 100, 210, 320, 430 };
	assert_int_equal(kept.n, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_near(kept.rows[i].connect_s, connect[i], 1e-9);
		if (i < 3)
			assert_near(kept.rows[i].acw_end_s, connect[i] + 110, 1e-9);
	}
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "aht_s", 0, 0), 110, 1e-9);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "acw_s", 0, 0), 50, 1e-9);
	assert_near(tu_total_of(&run, CC_FIG_GROUP, "acw_s", 0, 0), 150, 1e-9);
	assert_near(tu_total_of(&run, CC_FIG_GROUP, "talk_s", 0, 0), 200, 1e-9);
	tu_done(&scn, &run, &kept);
}

/* Staffing changes leave every contact as it was: same arrivals, same talk times. */
static void test_center_common_random_numbers(void **state)
{
	(void)state;
	struct cc_scenario s5, s9;
	struct cc_run r5, r9;
	struct tu_kept k5, k9;
	char *t5 = tu_erlang_scenario(100, 180, 5, 300, "horizon = \"6h\"; replications = 2; seed = 99; output = { contact_records = true; };");
	char *t9 = tu_erlang_scenario(100, 180, 9, 300, "horizon = \"6h\"; replications = 2; seed = 99; output = { contact_records = true; };");
	tu_run_text(t5, NULL, 0, &s5, &r5, &k5);
	tu_run_text(t9, NULL, 0, &s9, &r9, &k9);
	assert_int_equal(k5.n, k9.n);
	size_t both = 0;
	for (size_t i = 0; i < k5.n; i++) {
		/* Records come in a different order; index them by (replication, contact). */
		const struct cc_contact_record *a = &k5.rows[i], *b = NULL;
		for (size_t j = 0; j < k9.n && !b; j++)
			if (k9.rows[j].contact_id == a->contact_id && k9.rows[j].replication == a->replication)
				b = &k9.rows[j];
		assert_non_null(b);
		assert_true(a->arrival_s == b->arrival_s);
		if (a->outcome == CC_OUTCOME_HANDLED && b->outcome == CC_OUTCOME_HANDLED) {
			/* end = connect + talk, so the difference is exact only to rounding. */
			assert_near(a->end_s - a->connect_s, b->end_s - b->connect_s, 1e-6);
			both++;
		}
	}
	assert_true(both > 500);
	/* And the smaller team does worse on the same contacts. */
	assert_true(tu_total_of(&r5, CC_FIG_QUEUE, "abandon_rate", 0, 0) > tu_total_of(&r9, CC_FIG_QUEUE, "abandon_rate", 0, 0));
	free(t5);
	free(t9);
	free(k5.rows);
	free(k9.rows);
	cc_run_fini(&r5);
	cc_run_fini(&r9);
	cc_scenario_fini(&s5);
	cc_scenario_fini(&s9);
}

/*
 * A loop of zero-length events, which the loader's floor on durations leaves impossible, is
 * made by hand here: an offer that times out the instant it starts, an agent who reacts at
 * once and is offered the contact again. The run must end with CC_ERR_STALLED, naming the
 * offer timeout, not spin for ever.
 */
static void test_center_stall_ends_the_run_naming_the_setting(void **state)
{
	(void)state;
	char *text = tu_erlang_scenario(100, 180, 3, 300, "horizon = \"2h\"; replications = 3;");
	const char *sets[] = { "agents.[0].answer.delay={dist=\"deterministic\";value=\"2s\";}" };
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(text, sets, 1, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	free(text);
	scn.channels[CC_CHANNEL_VOICE].offer_timeout_s = 0;
	struct cc_run run = { .scn = &scn, .threads = 2 };
	assert_int_equal(cc_run_execute(&run), CC_ERR_STALLED);
	assert_non_null(strstr(run.error, "replication 0 all but stopped at "));
	/* A window of 2^20 events, in 4.3 s: more than 100 a second for each of 3 agents and
	 * the arrivals, and 1. */
	assert_non_null(strstr(run.error, ": 1048576 events in the last "));
	assert_non_null(strstr(run.error, "s simulated, more than 403 a simulated second (look at "));
	assert_non_null(strstr(run.error, "channels.<channel>.offer_timeout"));
	tu_done(&scn, &run, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_center_conserves_contacts),
		cmocka_unit_test(test_center_agent_time_adds_up),
		cmocka_unit_test(test_center_ties_by_hand),
		cmocka_unit_test(test_center_freed_agent_takes_simultaneous_arrival),
		cmocka_unit_test(test_center_acw_keeps_agent_busy),
		cmocka_unit_test(test_center_common_random_numbers),
		cmocka_unit_test(test_center_stall_ends_the_run_naming_the_setting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
