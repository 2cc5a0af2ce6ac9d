/*
 * Regions: the traffic distribution, and agents moved between regions (voice finishes, chat
 * ends at once and its customer starts again in the new region, the agent arrives Offline
 * and chooses Available later), and conservation when traffic moves.
 */
#include "testutil.h"

#include "models/center.h"
#include "models/run.h"

/*
 * Region "east" takes all the traffic until 300, then "west" does, and group "e" (2 agents)
 * moves to west at 300; "w" (1 agent) is in west all along. One voice contact arrives at
 * 100 (talk 500 s) and one chat at 200 (talk 500 s), both in east: agent e0 takes the call,
 * e1 the chat. At 300 the chat ends at once; its customer starts again 10 s later, at 310,
 * in west (the traffic is there now), where w0 takes it. e1 is Offline from 300 and
 * Available at 390 (90 s later). The call goes on to 600; e0 then arrives Offline, and is
 * Available at 690.
 * Queues: v@east 0, c@east 1, v@west 2, c@west 3. Agents: e0 0, e1 1, w0 2.
 */
static const char moves[] =
	"name = \"r\"; horizon = 1200; interval = 300; replications = 1;\n"
	"output = { contact_records = true; agent_events = true; };\n"
	"regions = {\n"
	"  sites = ( { name = \"east\"; share = 1.0; }, { name = \"west\"; share = 0.0; } );\n"
	"  changes = ( { at = \"300s\"; shares = { east = 0.0; west = 1.0; };\n"
	"                move = ( { group = \"e\"; to = \"west\"; } ); } );\n"
	"  move = { available_after = \"90s\"; restart = 1.0; restart_delay = \"10s\"; };\n"
	"};\n"
	"queues = (\n"
	"  { name = \"v\"; arrivals = { process = \"deterministic\"; per_hour = [ 36.0, 0.0 ]; step = \"150s\"; };\n"
	"    handle = { dist = \"deterministic\"; value = 500; }; },\n"
	"  { name = \"c\"; channel = \"chat\";\n"
	"    arrivals = { process = \"deterministic\"; per_hour = [ 18.0, 0.0 ]; step = \"250s\"; };\n"
	"    handle = { dist = \"deterministic\"; value = 500; }; } );\n"
	"agents = ( { name = \"e\"; region = \"east\"; count = 2; skills = [ \"v\", \"c\" ]; },\n"
	"           { name = \"w\"; region = \"west\"; count = 1; skills = [ \"v\", \"c\" ]; } );\n";

static const struct cc_contact_record *rec(const struct tu_kept *k, int q, double t)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->rows[i].queue == q && k->rows[i].arrival_s == t)
			return &k->rows[i];
	fail_msg("no record of queue %d arriving at %g", q, t);
	return NULL;
}

/* Whether agent A went into status S at T. */
static int status_at(const struct tu_kept *k, int32_t a, int s, double t)
{
	for (size_t i = 0; i < k->n_events; i++)
		if (k->events[i].agent == a && k->events[i].status == s &&
		    fabs(k->events[i].time_s - t) < 1e-9)
			return 1;
	return 0;
}

static void identities(const struct cc_rep_counts *n)
{
	assert_int_equal(n->arrived + n->transfers_in + n->restarts + n->direct,
	                 n->answered + n->abandoned + n->callbacks + n->unreached +
	                     n->direct_failed + n->waiting_at_end);
	assert_int_equal(n->answered, n->completed + n->in_service_at_end);
	assert_int_equal(n->customers, n->customers_done + n->customers_at_end);
}

static void test_region_move_keeps_voice_and_ends_chat(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(moves, NULL, 0, &scn, &run, &k);
	assert_int_equal(scn.n_queues, 4);
	assert_string_equal(scn.queues[3].name, "c@west");
	const struct cc_contact_record *call = rec(&k, 0, 100), *chat = rec(&k, 1, 200);
	const struct cc_contact_record *again = rec(&k, 3, 310);
	assert_int_equal(call->agent, 0);
	assert_int_equal(call->outcome, CC_OUTCOME_HANDLED);
	assert_near(call->end_s, 600, 1e-9);
	assert_int_equal(chat->agent, 1);
	assert_int_equal(chat->outcome, CC_OUTCOME_ENDED_BY_MOVE);
	assert_int_equal(chat->disconnect, CC_DISCONNECT_AGENT);
	assert_near(chat->end_s, 300, 1e-9);
	assert_int_equal(chat->next_record_id, again->record_id);
	assert_int_equal(again->previous_record_id, chat->record_id);
	assert_int_equal(again->initial_record_id, chat->record_id);
	assert_int_equal(again->agent, 2);
	assert_near(again->connect_s, 310, 1e-9);
	/* e1 Offline at the move, Available 90 s later; e0 only after its call. */
	assert_true(status_at(&k, 1, CC_AGENT_OFFLINE, 300));
	assert_true(status_at(&k, 1, CC_AGENT_AVAILABLE, 390));
	assert_false(status_at(&k, 0, CC_AGENT_OFFLINE, 300));
	assert_true(status_at(&k, 0, CC_AGENT_OFFLINE, 600));
	assert_true(status_at(&k, 0, CC_AGENT_AVAILABLE, 690));
	assert_near(tu_total(&run, CC_FIG_QUEUE, "ended_by_move", 1), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "restarts_in", 3), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "offered", 3), 1, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "moved", 0), 2, 0);
	/* Offline inside the shift: e1 300-390, e0 600-690. */
	assert_near(tu_total(&run, CC_FIG_GROUP, "offline_in_shift_s", 0), 180, 1e-9);
	/* The customer counts once, at c@east, whose last connect was at 310. */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customers", 1), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customer_wait_s", 1), 110, 1e-9);
	identities(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/* A desktop that sets agents Available on arrival: e1 is Available at once, at 300; and with
 * restart 0 the chat's customer does not come back. */
static void test_region_automatic_available_and_no_restart(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	const char *sets[] = { "regions.move.automatic=true", "regions.move.restart=0.0" };
	tu_run_text(moves, sets, 2, &scn, &run, &k);
	assert_true(status_at(&k, 1, CC_AGENT_OFFLINE, 300));
	assert_true(status_at(&k, 1, CC_AGENT_AVAILABLE, 300));
	assert_true(status_at(&k, 0, CC_AGENT_AVAILABLE, 600));
	assert_int_equal(k.n, 2);
	assert_int_equal(rec(&k, 1, 200)->next_record_id, -1);
	assert_int_equal(run.counts[0].restarts, 0);
	assert_int_equal(run.counts[0].customers_done, 2);
	identities(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/*
 * A failover under load: Poisson voice and chat in two regions, east's traffic and agents
 * moved to west at 2 h, back at 4 h. After the first move no arrival goes to east until the
 * second; every contact and customer is accounted for exactly once in every replication.
 */
static const char failover[] =
	"name = \"f\"; horizon = \"6h\"; interval = \"30m\"; replications = 8; seed = 77;\n"
	"regions = {\n"
	"  sites = ( { name = \"east\"; share = 0.6; }, { name = \"west\"; share = 0.4; } );\n"
	"  changes = ( { at = \"2h\"; shares = { east = 0.0; west = 1.0; };\n"
	"                move = ( { group = \"e\"; to = \"west\"; } ); },\n"
	"              { at = \"4h\"; shares = { east = 0.6; west = 0.4; };\n"
	"                move = ( { group = \"e\"; to = \"east\"; } ); } );\n"
	"  move = { restart = 0.7; };\n"
	"};\n"
	"queues = (\n"
	"  { name = \"v\"; arrivals = { per_hour = 120; }; handle = { dist = \"exponential\"; mean = \"4m\"; };\n"
	"    patience = { dist = \"exponential\"; mean = \"3m\"; };\n"
	"    transfer = { to = ( { share = 0.1; queue = \"c\"; } ); }; },\n"
	"  { name = \"c\"; channel = \"voice\"; arrivals = { per_hour = 60; };\n"
	"    handle = { dist = \"exponential\"; mean = \"6m\"; }; } );\n"
	"agents = ( { name = \"e\"; region = \"east\"; count = 8; skills = [ \"v\", \"c\" ]; },\n"
	"           { name = \"w\"; region = \"west\"; count = 8; skills = [ \"v\", \"c\" ]; } );\n";

static void test_region_failover_conserves_contacts(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(failover, NULL, 0, &scn, &run, NULL);
	for (int r = 0; r < run.replications; r++)
		identities(&run.counts[r]);
	/* Intervals 4..7 (2 h to 4 h): no arrival in east; only transfers from contacts still
	 * there (a transfer stays in its region). */
	const struct cc_figure *offered = cc_figure_find(CC_FIG_QUEUE, "offered");
	const struct cc_figure *in = cc_figure_find(CC_FIG_QUEUE, "transfers_in");
	for (size_t row = 4; row < 8; row++)
		for (size_t q = 0; q < 2; q++)
			assert_near(cc_run_summary(&run, offered, row, q, 0.95).mean,
			            cc_run_summary(&run, in, row, q, 0.95).mean, 1e-9);
	assert_true(cc_run_summary(&run, offered, 8, 0, 0.95).mean > 0);
	tu_done(&scn, &run, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_region_move_keeps_voice_and_ends_chat),
		cmocka_unit_test(test_region_automatic_available_and_no_restart),
		cmocka_unit_test(test_region_failover_conserves_contacts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
