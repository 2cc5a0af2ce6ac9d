/*
 * Regions: the traffic distribution, and agents moved between regions (voice finishes, chat
 * ends at once and its customer starts again in the new region, the agent arrives Offline
 * and chooses Available later), and conservation when traffic moves.
 */
#include "testutil.h"

#include "models/center/center.h"
#include "models/run/run.h"

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

static void test_region_move_keeps_voice_and_ends_chat(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(moves, NULL, 0, &scn, &run, &k);
	assert_int_equal(scn.n_queues, 4);
	assert_string_equal(scn.queues[3].label, "c@west");
	assert_string_equal(scn.queues[3].name, "c");
	const struct cc_contact_record *call = tu_record_at(&k, 0, 100), *chat = tu_record_at(&k, 1, 200);
	const struct cc_contact_record *again = tu_record_at(&k, 3, 310);
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
	assert_non_null(tu_event(&k, 1, TU_ANY, TU_ANY, CC_AGENT_OFFLINE, 300));
	assert_non_null(tu_event(&k, 1, TU_ANY, TU_ANY, CC_AGENT_AVAILABLE, 390));
	assert_null(tu_event(&k, 0, TU_ANY, TU_ANY, CC_AGENT_OFFLINE, 300));
	assert_non_null(tu_event(&k, 0, TU_ANY, TU_ANY, CC_AGENT_OFFLINE, 600));
	assert_non_null(tu_event(&k, 0, TU_ANY, TU_ANY, CC_AGENT_AVAILABLE, 690));
	assert_near(tu_total(&run, CC_FIG_QUEUE, "ended_by_move", 1), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "restarts_in", 3), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "offered", 3), 1, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "moved", 0), 2, 0);
	/* Offline inside the shift: e1 300-390, e0 600-690. */
	assert_near(tu_total(&run, CC_FIG_GROUP, "offline_in_shift_s", 0), 180, 1e-9);
	/* The customer counts once, at c@east, whose last connect was at 310. */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customers", 1), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customer_wait_s", 1), 110, 1e-9);
	tu_assert_conserved(&run.counts[0]);
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
	assert_non_null(tu_event(&k, 1, TU_ANY, TU_ANY, CC_AGENT_OFFLINE, 300));
	assert_non_null(tu_event(&k, 1, TU_ANY, TU_ANY, CC_AGENT_AVAILABLE, 300));
	assert_non_null(tu_event(&k, 0, TU_ANY, TU_ANY, CC_AGENT_AVAILABLE, 600));
	assert_int_equal(k.n, 2);
	assert_int_equal(tu_record_at(&k, 1, 200)->next_record_id, -1);
	assert_int_equal(run.counts[0].restarts, 0);
	assert_int_equal(run.counts[0].customers_done, 2);
	tu_assert_conserved(&run.counts[0]);
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
	for (size_t r = 0; r < run.replications; r++)
		tu_assert_conserved(&run.counts[r]);
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

/*
 * Everything at once, under load: voice with every kind and mode of transfer (rejections,
 * misses, fallbacks), chats with concurrency and cold transfers, paused tasks, callbacks,
 * breaks, and two regions whose traffic and agents move back and forth. In every
 * replication: agent time adds up per agent and per group and interval, the conservation
 * identities hold, and every record's links resolve (each next names a record that names it
 * back as previous, within one customer's chain).
 */
static const char everything[] =
	"name = \"x\"; horizon = \"6h\"; interval = \"30m\"; replications = 1; seed = 99;\n"
	"output = { contact_records = true; };\n"
	"statuses = [ \"Break\" ];\n"
	"regions = {\n"
	"  sites = ( { name = \"east\"; share = 0.5; }, { name = \"west\"; share = 0.5; } );\n"
	"  changes = ( { at = \"1h30m\"; shares = { east = 0.0; west = 1.0; };\n"
	"                move = ( { group = \"tier1e\"; to = \"west\"; }, { group = \"webe\"; to = \"west\"; } ); },\n"
	"              { at = \"3h\"; shares = { east = 0.5; west = 0.5; };\n"
	"                move = ( { group = \"tier1e\"; to = \"east\"; }, { group = \"webe\"; to = \"east\"; } ); },\n"
	"              { at = \"4h30m\"; move = ( { group = \"tier2\"; to = \"west\"; } ); } );\n"
	"  move = { restart = 0.6; restart_delay = { dist = \"exponential\"; mean = \"1m\"; }; };\n"
	"};\n"
	"channels = { chat = { slowdown = [ 1.0, 1.3 ]; }; };\n"
	"queues = (\n"
	"  { name = \"help\"; arrivals = { per_hour = 160; };\n"
	"    handle = { dist = \"exponential\"; mean = \"4m\"; }; acw = { dist = \"exponential\"; mean = \"30s\"; };\n"
	"    patience = { dist = \"exponential\"; mean = \"3m\"; };\n"
	"    callback = { queue = \"cb\"; threshold = \"30s\"; accept = 0.6; };\n"
	"    transfer = { to = ( { share = 0.1; queue = \"pw\"; },\n"
	"                        { share = 0.05; queue = \"pw\"; mode = \"consult\"; },\n"
	"                        { share = 0.08; group = \"tier2\"; mode = \"consult\"; reject = 0.2; fallback = \"pw\"; },\n"
	"                        { share = 0.04; group = \"tier2\"; agent = 1; mode = \"conference\"; },\n"
	"                        { share = 0.03; external = true; mode = \"consult\"; } ); }; },\n"
	"  { name = \"pw\"; arrivals = { per_hour = 20; }; handle = { dist = \"exponential\"; mean = \"3m\"; };\n"
	"    patience = { dist = \"exponential\"; mean = \"5m\"; };\n"
	"    transfer = { to = ( { share = 0.1; group = \"tier2\"; } ); }; },\n"
	"  { name = \"cb\"; channel = \"callback\"; arrivals = { per_hour = 0; };\n"
	"    handle = { dist = \"exponential\"; mean = \"4m\"; };\n"
	"    dialing = { reach = 0.7; retries = 1; retry_delay = \"5m\"; }; },\n"
	"  { name = \"web\"; channel = \"chat\"; arrivals = { per_hour = 90; };\n"
	"    handle = { dist = \"exponential\"; mean = \"6m\"; }; patience = { dist = \"exponential\"; mean = \"4m\"; };\n"
	"    transfer = { to = ( { share = 0.1; queue = \"web2\"; } ); }; },\n"
	"  { name = \"web2\"; channel = \"chat\"; arrivals = { per_hour = 10; };\n"
	"    handle = { dist = \"exponential\"; mean = \"5m\"; }; },\n"
	"  { name = \"jobs\"; channel = \"task\"; arrivals = { per_hour = 15; };\n"
	"    handle = { dist = \"exponential\"; mean = \"10m\"; };\n"
	"    pause = { share = 0.3; duration = { dist = \"exponential\"; mean = \"5m\"; }; }; } );\n"
	"routing_profiles = (\n"
	"  { name = \"t1\"; concurrency = { voice = 1; callback = 1; }; queues = ( \"help\", \"pw\", \"cb\" ); },\n"
	"  { name = \"t2\"; concurrency = { voice = 1; task = 2; }; cross_channel = true; queues = ( \"pw\", \"jobs\" ); },\n"
	"  { name = \"w\"; concurrency = { chat = 3; task = 1; }; queues = ( \"web\", \"web2\", \"jobs\" ); } );\n"
	"agents = (\n"
	"  { name = \"tier1e\"; region = \"east\"; count = 9; routing_profile = \"t1\";\n"
	"    unplanned = ( { status = \"Break\"; per_hour = 0.5; duration = { dist = \"exponential\"; mean = \"5m\"; }; } );\n"
	"    answer = { delay = { dist = \"uniform\"; min = 1; max = 6; }; miss = 0.03; }; },\n"
	"  { name = \"tier1w\"; region = \"west\"; count = 9; routing_profile = \"t1\";\n"
	"    answer = { delay = { dist = \"uniform\"; min = 1; max = 6; }; miss = 0.03; }; },\n"
	"  { name = \"tier2\"; region = \"east\"; count = 4; routing_profile = \"t2\";\n"
	"    answer = { delay = { dist = \"uniform\"; min = 2; max = 10; }; miss = 0.1; }; },\n"
	"  { name = \"webe\"; region = \"east\"; count = 4; routing_profile = \"w\"; },\n"
	"  { name = \"webw\"; region = \"west\"; count = 4; routing_profile = \"w\"; } );\n";

static void check_links(const struct cc_rep_result *r)
{
	int64_t max = -1;
	for (size_t i = 0; i < r->n_records; i++)
		if (r->records[i].record_id > max)
			max = r->records[i].record_id;
	const struct cc_contact_record **by = calloc((size_t)max + 1, sizeof *by);
	for (size_t i = 0; i < r->n_records; i++) {
		assert_null(by[r->records[i].record_id]); /* one record per id */
		by[r->records[i].record_id] = &r->records[i];
	}
	size_t linked = 0;
	for (size_t i = 0; i < r->n_records; i++) {
		const struct cc_contact_record *x = &r->records[i];
		if (x->outcome == CC_OUTCOME_OUTBOUND)
			continue;
		if (x->next_record_id >= 0) {
			assert_true(x->next_record_id <= max);
			const struct cc_contact_record *y = by[x->next_record_id];
			assert_non_null(y);
			assert_int_equal(y->previous_record_id, x->record_id);
			assert_int_equal(y->initial_record_id, x->initial_record_id);
			linked++;
		}
		if (x->previous_record_id >= 0) {
			const struct cc_contact_record *y = by[x->previous_record_id];
			assert_non_null(y);
			assert_int_equal(y->next_record_id, x->record_id);
		} else {
			assert_int_equal(x->initial_record_id, x->record_id);
		}
		assert_true(x->hold_s >= 0);
	}
	assert_true(linked > 0);
	free(by);
}

/* Only voice holds here: one contact at a time, so hold is part of talk. The hand-overs,
 * restarts and callbacks all happen, and the records' links hold. */
static void everything_checks(const struct cc_scenario *scn, const struct cc_grid *grid,
                              const struct cc_rep_result *r, const struct tu_rows *rows,
                              uint64_t rep, void *ctx)
{
	(void)ctx;
	for (size_t row = 0; row <= grid->count; row++)
		for (size_t g = 0; g < scn->n_groups; g++) {
			const double *gr = tu_group_row(rows, r, row, g);
			assert_true(gr[CC_GR_HOLD] <= gr[CC_GR_TALK] + 1e-6);
		}
	const struct cc_rep_counts *n = &r->counts;
	print_message("  rep %d: customers %d transfers in %d direct %d (failed %d) restarts %d "
	              "callbacks %d\n", (int)rep, (int)n->customers, (int)n->transfers_in,
	              (int)n->direct, (int)n->direct_failed, (int)n->restarts, (int)n->callbacks);
	assert_true(n->transfers_in > 0 && n->direct > 0 && n->direct_failed > 0 &&
	            n->restarts > 0 && n->callbacks > 0);
	check_links(r);
}

static void test_region_everything_adds_up(void **state)
{
	(void)state;
	tu_each_rep(everything, NULL, 0, 4, everything_checks, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_region_move_keeps_voice_and_ends_chat),
		cmocka_unit_test(test_region_automatic_available_and_no_restart),
		cmocka_unit_test(test_region_failover_conserves_contacts),
		cmocka_unit_test(test_region_everything_adds_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
