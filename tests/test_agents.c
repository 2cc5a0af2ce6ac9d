/*
 * The agent's status machine (models/center/agents.c): shifts and login styles, planned and
 * unplanned statuses falling due during ACW, calls or at a shift's start, outbound calls in
 * not-productive time, and the agent event stream. Hand-worked cases check each transition
 * and the ties at equal times; invariants check that agent time adds up per agent.
 */
#include "testutil.h"

#include "models/center/center.h"
#include "models/run/run.h"

/* Time of group 0 in status S with no contact, whole horizon, replication 0. */
static double status_time(const struct cc_run *run, size_t s)
{
	return tu_total(run, CC_FIG_STATUS, "status_s", s);
}

/*
 * A break falling due during ACW starts when the ACW ends, and no contact is offered in
 * between: #1 at 100 talks to 250, ACW to 280; the break falls due at 260 and lasts to 340;
 * #2 (at 200) waits and connects at 340.
 */
static void test_agents_break_due_during_acw(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	const char *set[] = { "horizon=400", "interval=400", "queues.q.patience.value=1000" };
	tu_run_text(TU_ONE_AGENT("acw = { dist = \"deterministic\"; value = 30; };",
	                   "planned = ( { status = \"Break\"; at = 260; duration = { dist = \"deterministic\"; value = 60; }; } );",
	                   ""),
	         set, 3, &scn, &run, &k);
	double connect[3] = { NAN, NAN, NAN };
	for (size_t i = 0; i < k.n; i++)
		if (k.rows[i].contact_id < 3)
			connect[k.rows[i].contact_id] = k.rows[i].connect_s;
	assert_near(connect[0], 100, 0);
	assert_near(connect[1], 340, 0);
	/* The break became the next status at 260 and started at 280. */
	int due = 0, started = 0;
	for (size_t i = 0; i < k.n_events; i++) {
		const struct cc_agent_event *e = &k.events[i];
		due += e->time_s == 260 && e->next_status == CC_AGENT_FIRST_NPT &&
		       e->status == CC_AGENT_AVAILABLE && e->contact_state == CC_CS_ENDED;
		started += e->time_s == 280 && e->status == CC_AGENT_FIRST_NPT &&
		           e->next_status == CC_NO_STATUS;
	}
	assert_int_equal(due, 1);
	assert_true(started >= 1);
	assert_near(status_time(&run, CC_AGENT_FIRST_NPT), 60, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "npt_runs", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "npt_run_mean_s", 0), 60, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "acw_s", 0), 30, 0);
	tu_done(&scn, &run, &k);
}

/* Shift end during a call: the agent finishes the talk and the ACW in overtime, then goes
 * Offline. #1 100-250 talk, ACW to 280; #2 (at 200) 280-430, ACW to 460; the shift ends at
 * 300; contacts from 300 on are never answered. */
static void test_agents_shift_end_during_call(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	const char *set[] = { "horizon=600", "interval=600", "queues.q.patience.value=1000" };
	tu_run_text("name = \"shift\"; horizon = 160; replications = 1;\n"
	         "queues = ( { name = \"q\"; arrivals = { process = \"deterministic\"; per_hour = 36; };\n"
	         "             handle = { dist = \"deterministic\"; value = 150; };\n"
	         "             acw = { dist = \"deterministic\"; value = 30; };\n"
	         "             patience = { dist = \"deterministic\"; value = 50; }; } );\n"
	         "agents = ( { name = \"g\"; skills = [ \"q\" ];\n"
	         "             shifts = ( { start = 0; end = 300; count = 1; } ); } );\n"
	         "output = { contact_records = true; agent_events = true; };\n",
	         set, 3, &scn, &run, &k);
	assert_near(tu_total(&run, CC_FIG_GROUP, "scheduled_s", 0), 300, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "staffed_s", 0), 460, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "overtime_s", 0), 160, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "talk_s", 0), 300, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "acw_s", 0), 60, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "answered", 0), 2, 0);
	assert_int_equal(run.counts[0].waiting_at_end, 3);
	const struct cc_agent_event *pending = tu_event(&k, 0, TU_ANY, CC_CS_CONNECTED, TU_ANY, 300);
	assert_non_null(pending);
	assert_int_equal(pending->next_status, CC_AGENT_OFFLINE);
	const struct cc_agent_event *off = tu_event(&k, 0, TU_ANY, CC_CS_NONE, TU_ANY, 460);
	assert_non_null(off);
	assert_int_equal(k.events[k.n_events - 1].status, CC_AGENT_OFFLINE);
	assert_near(k.events[k.n_events - 1].time_s, 460, 0);
	tu_done(&scn, &run, &k);
}

/* Connect-style login: Offline for the login delay, then Available; Webex-style: an idle
 * reason first. Neither receives contacts before choosing Available. */
static void test_agents_login_styles(void **state)
{
	(void)state;
	for (int webex = 0; webex <= 1; webex++) {
		struct cc_scenario scn;
		struct cc_run run;
		struct tu_kept k;
		const char *set[] = { "horizon=400", "interval=400",
		                      webex ? "agents.g.login=\"Lunch\"" : "agents.g.login=\"Offline\"" };
		tu_run_text(TU_ONE_AGENT_SCHEDULED("", "shifts = ( { start = 50; end = 1000; count = 1; } );"
		                       "login_delay = { dist = \"deterministic\"; value = 75.5; };",
		                   ""),
		         set, 3, &scn, &run, &k);
		/* Offered #1 (at 100) only at 125.5. */
		assert_non_null(tu_event(&k, 0, TU_ANY, CC_CS_CONNECTED, TU_ANY, 125.5));
		assert_near(tu_total(&run, CC_FIG_GROUP, "scheduled_s", 0), 350, 0);
		assert_near(tu_total(&run, CC_FIG_GROUP, "staffed_s", 0), webex ? 350 : 274.5, 0);
		assert_near(tu_total(&run, CC_FIG_GROUP, "offline_in_shift_s", 0), webex ? 0 : 75.5, 0);
		assert_near(tu_total(&run, CC_FIG_GROUP, "npt_s", 0), webex ? 75.5 : 0, 0);
		tu_done(&scn, &run, &k);
	}
}

/* A status planned for the start of a shift is taken at login, before a contact already
 * waiting, whatever the login style (a zero login delay logs in straight to Available). */
static void test_agents_planned_at_shift_start(void **state)
{
	(void)state;
	for (int offline = 0; offline <= 1; offline++) {
		struct cc_scenario scn;
		struct cc_run run;
		struct tu_kept k;
		const char *set[] = { "horizon=400", "interval=400", "queues.q.patience.value=1000",
		                      offline ? "agents.g.login=\"Offline\"" : "agents.g.login=\"Available\"" };
		tu_run_text(TU_ONE_AGENT_SCHEDULED("", "shifts = ( { start = 120; end = 1000; count = 1; } );"
		                                 "planned = ( { status = \"Break\"; after = 0; duration = { dist = \"deterministic\"; value = 60; }; } );",
		                             ""),
		         set, 4, &scn, &run, &k);
		assert_non_null(tu_event(&k, 0, TU_ANY, CC_CS_CONNECTED, TU_ANY, 180));
		assert_near(status_time(&run, CC_AGENT_FIRST_NPT), 60, 0);
		assert_near(tu_total(&run, CC_FIG_GROUP, "staffed_s", 0), 280, 0);
		tu_done(&scn, &run, &k);
	}
}

/* A center with everything switched on, for invariants. */
static const char busy_day[] =
	"name = \"day\"; seed = 8675309; horizon = \"14h\"; warmup = \"1h\"; interval = \"30m\"; replications = 3;\n"
	"statuses = [ \"Break\", \"Lunch\", \"Idle\", \"Outbound\" ];\n"
	"queues = ( { name = \"sales\"; arrivals = { per_hour = [ 40.0, 90.0, 160.0, 200.0, 150.0, 120.0, 180.0, 90.0, 50.0 ]; step = \"1h30m\"; };\n"
	"             handle = { dist = \"lognormal\"; mean = \"210s\"; sd = \"140s\"; };\n"
	"             patience = { dist = \"exponential\"; mean = \"150s\"; };\n"
	"             acw = { dist = \"gamma\"; mean = \"35s\"; sd = \"20s\"; }; },\n"
	"           { name = \"chat\"; channel = \"chat\"; rona_requeue = \"tail\"; arrivals = { per_hour = 30.5; };\n"
	"             handle = { dist = \"erlang\"; mean = \"400s\"; k = 3; }; } );\n"
	"agents = ( { name = \"early\"; skills = [ \"sales\", \"chat\" ];\n"
	"             shifts = ( { start = \"1h\"; end = \"9h30m\"; count = 9; }, { start = \"5h\"; end = \"13h30m\"; count = 7; } );\n"
	"             login = \"Offline\"; login_delay = { dist = \"uniform\"; min = 0; max = \"2m\"; };\n"
	"             acw_limit = \"60s\";\n"
	"             planned = ( { status = \"Lunch\"; after = \"4h\"; window = \"1h\"; duration = { dist = \"deterministic\"; value = \"30m\"; }; },\n"
	"                         { status = \"Break\"; after = \"2h\"; window = \"30m\"; share = 0.5; duration = { dist = \"uniform\"; min = \"10m\"; max = \"15m\"; }; } );\n"
	"             unplanned = ( { status = \"Break\"; per_hour = 0.3; duration = { dist = \"exponential\"; mean = \"4m\"; }; } );\n"
	"             answer = { delay = { dist = \"lognormal\"; mean = \"4s\"; sd = \"3s\"; }; miss = 0.03;\n"
	"                        away = { per_hour = 0.4; duration = { dist = \"exponential\"; mean = \"3m\"; }; }; };\n"
	"             rona = { reaction = { dist = \"exponential\"; mean = \"20s\"; }; available = 0.6; idle = { dist = \"exponential\"; mean = \"2m\"; }; };\n"
	"             idle_reason = \"Idle\";\n"
	"             outbound = { per_hour = 0.5; from = \"2h\"; until = \"12h\"; status = \"Outbound\"; reach = 0.7;\n"
	"                          dial = { dist = \"uniform\"; min = \"5s\"; max = \"25s\"; };\n"
	"                          handle = { dist = \"exponential\"; mean = \"3m\"; }; acw = { dist = \"deterministic\"; value = \"20s\"; };\n"
	"                          available_after = false; idle_after = { dist = \"exponential\"; mean = \"1m\"; }; }; },\n"
	"           { name = \"late\"; skills = [ \"chat\", \"sales\" ]; login = \"Idle\";\n"
	"             profile = { step = \"1h\"; counts = [ 0, 0, 2, 4, 6, 6, 5, 3, 3, 6, 6, 2, 0 ]; };\n"
	"             answer = { miss = 0.1; }; outbound = { per_hour = 1.0; handle = { dist = \"exponential\"; mean = \"2m\"; }; }; } );\n"
	"output = { contact_records = true; agent_events = true; };\n";

/* Per agent: staffed = ring + talk + ACW + every status but Offline, to the microsecond;
 * scheduled = staffed - overtime + Offline inside shifts. */
static void test_agents_time_adds_up_per_agent(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(busy_day, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	struct cc_grid grid;
	cc_grid_init(&grid, scn.interval_s, scn.warmup_s, scn.horizon_s);
	size_t n_status = cc_scenario_status_count(&scn);
	double ronas = 0, outbound = 0, npt_on_contact = 0;
	for (uint64_t rep = 0; rep < 3; rep++) {
		struct cc_rep_result r;
		struct tu_rows rows;
		struct cc_row_sink sink = tu_row_sink(&rows);
		cc_rep_result_init(&r, &scn);
		cc_center_run(&scn, &grid, rep, &r, &sink, NULL);
		size_t w = CC_AR_COUNT + n_status;
		for (size_t a = 0; a < r.n_agents; a++) {
			const double *t = r.agent_raw + a * w;
			double parts = t[CC_AR_RING] + t[CC_AR_TALK] + t[CC_AR_ACW];
			for (size_t s = CC_AGENT_AVAILABLE; s < n_status; s++)
				parts += t[CC_AR_COUNT + s];
			assert_near(parts, t[CC_AR_STAFFED], 1e-6);
			assert_near(t[CC_AR_SCHEDULED],
			            t[CC_AR_STAFFED] - t[CC_AR_OVERTIME] + t[CC_AR_COUNT + CC_AGENT_OFFLINE], 1e-6);
			assert_true(t[CC_AR_STAFFED] > 0);
		}
		/* The same per group and interval, from the time-split arrays. */
		for (size_t row = 0; row <= grid.count; row++)
			for (size_t g = 0; g < scn.n_groups; g++) {
				const double *gr = tu_group_row(&rows, &r, row, g);
				double parts = gr[CC_GR_RING] + gr[CC_GR_TALK] + gr[CC_GR_ACW];
				for (size_t s = CC_AGENT_AVAILABLE; s < n_status; s++)
					parts += tu_status_row(&rows, &r, row, g)[s];
				assert_near(parts, gr[CC_GR_STAFFED], 1e-6);
				if (row == grid.count) {
					ronas += gr[CC_GR_RONAS];
					outbound += gr[CC_GR_OUTBOUND];
					npt_on_contact += gr[CC_GR_NPT_ON_CONTACT];
				}
			}
		assert_int_equal(r.counts.arrived,
		                 r.counts.answered + r.counts.abandoned + r.counts.waiting_at_end);
		assert_int_equal(r.counts.answered, r.counts.completed + r.counts.in_service_at_end);
		cc_rep_result_fini(&r);
		tu_rows_free(&rows);
	}
	/* Everything was exercised. */
	assert_true(ronas > 10 && outbound > 0 && npt_on_contact > 0);
	cc_scenario_fini(&scn);
}

/* The event stream tells each agent's story consistently: times never go back, a contact is
 * CONNECTING before it is CONNECTED or MISSED, and Available agents only are offered. */
static void test_agents_event_stream_is_consistent(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	const char *set[] = { "replications=1" };
	tu_run_text(busy_day, set, 1, &scn, &run, &k);
	size_t n_agents = (size_t)cc_scenario_agents(&scn);
	double *last = calloc(n_agents, sizeof *last);
	int64_t *ringing = malloc(n_agents * sizeof *ringing);
	for (size_t i = 0; i < n_agents; i++)
		ringing[i] = -1;
	size_t counts[CC_CS_COUNT] = { 0 };
	for (size_t i = 0; i < k.n_events; i++) {
		const struct cc_agent_event *e = &k.events[i];
		assert_true(e->agent >= 0 && (size_t)e->agent < n_agents);
		assert_true(e->time_s >= last[e->agent]);
		last[e->agent] = e->time_s;
		counts[e->contact_state]++;
		if (e->contact_state == CC_CS_CONNECTING) {
			assert_int_equal(e->status, CC_AGENT_AVAILABLE);
			ringing[e->agent] = e->contact_id;
		}
		if (e->contact_state == CC_CS_MISSED || e->contact_state == CC_CS_REJECTED) {
			assert_true(ringing[e->agent] == e->contact_id);
			ringing[e->agent] = -1;
		}
		if (e->contact_state == CC_CS_NONE)
			assert_true(e->contact_id == -1 && e->channel == CC_CHANNEL_COUNT);
	}
	assert_true(counts[CC_CS_CONNECTING] > 100 && counts[CC_CS_MISSED] > 0 &&
	            counts[CC_CS_REJECTED] > 0 && counts[CC_CS_ERROR] > 0 && counts[CC_CS_ENDED] > 0);
	/* Records: the ones that never reached an agent are CUSTOMER_DISCONNECT or still waiting. */
	for (size_t i = 0; i < k.n; i++)
		if (k.rows[i].agent == -1)
			assert_true(k.rows[i].disconnect == CC_DISCONNECT_CUSTOMER ||
			            k.rows[i].outcome == CC_OUTCOME_WAITING_AT_END);
	free(last);
	free(ringing);
	tu_done(&scn, &run, &k);
}

/* Outbound calls placed from the Outbound status are on a contact and in NPT at once; with
 * "available after outdial" the agent is Available at the end of each call. */
static void test_agents_outbound_in_npt(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"out\"; seed = 12; horizon = \"8h\"; interval = \"1h\"; replications = 1;\n"
		"statuses = [ \"Outbound\" ];\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 0; }; handle = { dist = \"exponential\"; mean = 100; }; } );\n"
		"agents = ( { name = \"g\"; count = 3; skills = [ \"q\" ];\n"
		"             outbound = { per_hour = 6; status = \"Outbound\"; reach = 0.75;\n"
		"                          handle = { dist = \"exponential\"; mean = \"4m\"; }; acw = { dist = \"deterministic\"; value = 15; }; }; } );\n"
		"output = { agent_events = true; };\n";
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(text, NULL, 0, &scn, &run, &k);
	double calls = tu_total(&run, CC_FIG_GROUP, "outbound_calls", 0);
	double reached = tu_total(&run, CC_FIG_GROUP, "outbound_reached", 0);
	assert_true(calls > 50 && reached < calls && reached > 0.5 * calls);
	assert_near(tu_total(&run, CC_FIG_GROUP, "npt_on_contact_s", 0), tu_total(&run, CC_FIG_GROUP, "outbound_s", 0), 1e-6);
	assert_near(tu_total(&run, CC_FIG_GROUP, "outbound_s", 0),
	            tu_total(&run, CC_FIG_GROUP, "talk_s", 0) + tu_total(&run, CC_FIG_GROUP, "acw_s", 0), 1e-6);
	/* Idle time in Outbound without a call is nil: the agent is Available after each. */
	assert_near(status_time(&run, CC_AGENT_FIRST_NPT), 0, 1e-9);
	/* Every call placed is done by the horizon but those still open then, at most one per
	 * agent (3). */
	assert_true(run.counts[0].outbound <= (uint64_t)calls &&
	            run.counts[0].outbound + 3 >= (uint64_t)calls);
	for (size_t i = 0; i < k.n_events; i++)
		if (k.events[i].contact_state == CC_CS_CONNECTED)
			assert_int_equal(k.events[i].status, CC_AGENT_FIRST_NPT);
	tu_done(&scn, &run, &k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agents_break_due_during_acw),
		cmocka_unit_test(test_agents_shift_end_during_call),
		cmocka_unit_test(test_agents_login_styles),
		cmocka_unit_test(test_agents_planned_at_shift_start),
		cmocka_unit_test(test_agents_time_adds_up_per_agent),
		cmocka_unit_test(test_agents_event_stream_is_consistent),
		cmocka_unit_test(test_agents_outbound_in_npt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
