/*
 * Routing: who gets which contact under each policy, routing-profile delays, concurrency
 * and its slowdown, cross-channel rules, queued callbacks and their retries, and priority
 * head starts. Each case is small enough to work out by hand; the comment above it does.
 */
#include "testutil.h"

#include "models/center/center.h"
#include "models/run/run.h"

/* A contact at queue "q" every 100 s from 100 s (deterministic), talk 150 s, and the
 * scenario's other settings. */
#define HEADER(horizon)                                                                    \
	"name = \"r\"; horizon = " #horizon "; interval = " #horizon "; replications = 1;\n" \
	"output = { contact_records = true; agent_events = true; };\n"
#define VOICE_Q(name, per_hour, talk, extra)                                                 \
	"{ name = \"" name "\"; arrivals = { process = \"deterministic\"; per_hour = " #per_hour "; };\n" \
	"  handle = { dist = \"deterministic\"; value = " #talk "; }; " extra " }"

/*
 * Two groups of one agent serve "q": "wide" (listed first) with q at priority 2, "home"
 * with q at priority 1. Both are idle since time 0. Under longest_idle the tie goes to the
 * group listed first: the contact at 100 goes to wide, the one at 200 to home (wide is
 * busy until 250). Under priority, home (priority 1) comes first: 100 to home, 200 to wide.
 */
static const char two_groups[] =
	HEADER(300)
	"queues = ( " VOICE_Q("q", 36, 150, "") " );\n"
	"routing_profiles = ( { name = \"wide\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; priority = 2; } ); },\n"
	"                     { name = \"home\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; priority = 1; } ); } );\n"
	"agents = ( { name = \"wide\"; count = 1; routing_profile = \"wide\"; },\n"
	"           { name = \"home\"; count = 1; routing_profile = \"home\"; } );\n";

static void test_routing_longest_idle_ignores_priority_for_agents(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(two_groups, NULL, 0, &scn, &run, &k);
	assert_int_equal(tu_record_at(&k, 0, 100)->group, 0);
	assert_int_equal(tu_record_at(&k, 0, 200)->group, 1);
	tu_done(&scn, &run, &k);
}

static void test_routing_priority_prefers_the_primary_group(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	const char *sets[] = { "routing.policy=\"priority\"" };
	tu_run_text(two_groups, sets, 1, &scn, &run, &k);
	assert_int_equal(tu_record_at(&k, 0, 100)->group, 1);
	assert_int_equal(tu_record_at(&k, 0, 200)->group, 0);
	tu_done(&scn, &run, &k);
}

/*
 * A profile delay: "main" serves q at once, "backup" only for contacts that waited 30 s.
 * The contact at 100 goes to main (busy until 250). The one at 200 waits: backup is free
 * all along, but takes it only at 230, when it has waited 30 s. The same under every
 * policy: delays belong to the profile.
 */
static const char delayed[] =
	HEADER(300)
	"queues = ( " VOICE_Q("q", 36, 150, "") " );\n"
	"routing_profiles = ( { name = \"main\"; concurrency = { voice = 1; }; queues = ( \"q\" ); },\n"
	"                     { name = \"backup\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; priority = 2; delay = \"30s\"; } ); } );\n"
	"agents = ( { name = \"backup\"; count = 1; routing_profile = \"backup\"; },\n"
	"           { name = \"main\"; count = 1; routing_profile = \"main\"; } );\n";

static void test_routing_delay_holds_a_queue_back(void **state)
{
	(void)state;
	static const char *const policies[] = { "routing.policy=\"longest_idle\"",
	                                        "routing.policy=\"priority\"",
	                                        "routing.policy=\"longest_waiting\"",
	                                        "routing.policy=\"bullseye\"" };
	for (size_t p = 0; p < 4; p++) {
		struct cc_scenario scn;
		struct cc_run run;
		struct tu_kept k;
		tu_run_text(delayed, &policies[p], 1, &scn, &run, &k);
		const struct cc_contact_record *first = tu_record_at(&k, 0, 100), *second = tu_record_at(&k, 0, 200);
		assert_int_equal(first->group, 1);
		assert_near(first->connect_s, 100, 0);
		assert_int_equal(second->group, 0);
		assert_near(second->connect_s, 230, 1e-9);
		assert_near(tu_total(&run, CC_FIG_QUEUE, "asa_s", 0), 15, 1e-9);
		tu_done(&scn, &run, &k);
	}
}

/*
 * One agent serves q1 (priority 1; a contact every 200 s from 200 s) and q2 (priority 2;
 * every 90 s from 90 s, talk 150 s). It takes q2's contact at 90 and is busy until 240.
 * Then q2's contact of 180 and q1's of 200 wait. longest_idle and priority take q1's
 * (better priority); longest_waiting takes q2's (waited longer).
 */
static const char two_queues[] =
	HEADER(250)
	"queues = ( " VOICE_Q("q1", 18, 150, "") ", " VOICE_Q("q2", 40, 150, "") " );\n"
	"agents = ( { name = \"g\"; count = 1; skills = [ \"q1\", \"q2\" ]; } );\n";

static void test_routing_longest_waiting_takes_the_oldest_contact(void **state)
{
	(void)state;
	static const char *const policies[] = { "routing.policy=\"longest_idle\"",
	                                        "routing.policy=\"priority\"",
	                                        "routing.policy=\"longest_waiting\"" };
	static const int queue_at_240[] = { 0, 0, 1 };
	for (size_t p = 0; p < 3; p++) {
		struct cc_scenario scn;
		struct cc_run run;
		struct tu_kept k;
		tu_run_text(two_queues, &policies[p], 1, &scn, &run, &k);
		const struct cc_contact_record *q1 = tu_record_at(&k, 0, 200), *q2 = tu_record_at(&k, 1, 180);
		const struct cc_contact_record *taken = queue_at_240[p] == 0 ? q1 : q2;
		const struct cc_contact_record *left = queue_at_240[p] == 0 ? q2 : q1;
		assert_near(taken->connect_s, 240, 0);
		assert_int_equal(taken->outcome, CC_OUTCOME_IN_SERVICE_AT_END);
		assert_int_equal(left->outcome, CC_OUTCOME_WAITING_AT_END);
		tu_done(&scn, &run, &k);
	}
}

/*
 * Bullseye rings on q: level 8 and up at once, level 3 and up from 20 s. "novice" (level 4,
 * listed first) and "expert" (level 9) are idle since 0. The contact at 100 goes to the
 * expert (novice is outside the open ring); the one at 200, with the expert busy until
 * 250, goes to the novice when the second ring opens at 220. Under longest_idle the tie at
 * 100 goes to the novice, listed first, and the rings do not apply.
 */
static const char rings[] =
	HEADER(300)
	"queues = ( " VOICE_Q("q", 36, 150,
	                      "rings = ( { after = 0; level = 8; }, { after = 20; level = 3; } );") " );\n"
	"routing_profiles = ( { name = \"novice\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; level = 4; } ); },\n"
	"                     { name = \"expert\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; level = 9; } ); } );\n"
	"agents = ( { name = \"novice\"; count = 1; routing_profile = \"novice\"; },\n"
	"           { name = \"expert\"; count = 1; routing_profile = \"expert\"; } );\n";

static void test_routing_bullseye_rings_widen_with_the_wait(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	const char *sets[] = { "routing.policy=\"bullseye\"" };
	tu_run_text(rings, sets, 1, &scn, &run, &k);
	assert_int_equal(tu_record_at(&k, 0, 100)->group, 1);
	assert_near(tu_record_at(&k, 0, 100)->connect_s, 100, 0);
	assert_int_equal(tu_record_at(&k, 0, 200)->group, 0);
	assert_near(tu_record_at(&k, 0, 200)->connect_s, 220, 1e-9);
	tu_done(&scn, &run, &k);
	tu_run_text(rings, NULL, 0, &scn, &run, &k);
	assert_int_equal(tu_record_at(&k, 0, 100)->group, 0);
	assert_int_equal(tu_record_at(&k, 0, 200)->group, 1);
	assert_near(tu_record_at(&k, 0, 200)->connect_s, 200, 0);
	tu_done(&scn, &run, &k);
}

/*
 * The idle timer. Two agents; agent 0 (rank 0) takes a Break from 50 to 250. Contacts at
 * 100 and 200 (talk 20 s) both go to agent 1, free again at 220. At 300: by last activity,
 * agent 1 (idle since 220) has been idle longer than agent 0 (back at 250); by last inbound
 * contact, agent 0 (none since its login at 0) comes before agent 1 (220).
 */
static const char idle_timer[] =
	HEADER(310)
	"statuses = [ \"Break\" ];\n"
	"queues = ( " VOICE_Q("q", 36, 20, "") " );\n"
	"agents = ( { name = \"g\"; count = 2; skills = [ \"q\" ];\n"
	"             planned = ( { status = \"Break\"; at = 50; share = 0.5;\n"
	"                           duration = { dist = \"deterministic\"; value = 200; }; } ); } );\n";

static void test_routing_idle_timer_activity_or_inbound(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(idle_timer, NULL, 0, &scn, &run, &k);
	assert_int_equal(tu_record_at(&k, 0, 100)->agent, 1);
	assert_int_equal(tu_record_at(&k, 0, 200)->agent, 1);
	assert_int_equal(tu_record_at(&k, 0, 300)->agent, 1);
	tu_done(&scn, &run, &k);
	const char *sets[] = { "routing.idle_timer=\"inbound\"" };
	tu_run_text(idle_timer, sets, 1, &scn, &run, &k);
	assert_int_equal(tu_record_at(&k, 0, 300)->agent, 0);
	tu_done(&scn, &run, &k);
}

/*
 * Concurrency 2 with slowdown [1, 1.5] on chat; chats at 10, 20 and 30 (talk 25 s).
 * A (10) runs alone at full speed until 20, then with B at 1/1.5: its 15 s left take 22.5 s,
 * ending at 42.5. B has done 15 s by then, so C (waiting since 30: the limit is 2) joins
 * at 42.5; B's 10 s left take 15 s (end 57.5); C has done 10 s of 25 and finishes the rest
 * alone: end 72.5. Slots: 32.5 + 37.5 + 30 = 100 contact-seconds; the agent holds some
 * chat from 10 to 72.5.
 */
static const char chats[] =
	HEADER(100)
	"channels = { chat = { slowdown = [ 1.0, 1.5 ]; }; };\n"
	"queues = ( { name = \"c\"; channel = \"chat\";\n"
	"             arrivals = { process = \"deterministic\"; per_hour = [ 360, 0 ]; step = 35; };\n"
	"             handle = { dist = \"deterministic\"; value = 25; }; } );\n"
	"routing_profiles = ( { name = \"p\"; concurrency = { chat = 2; }; queues = ( \"c\" ); } );\n"
	"agents = ( { name = \"g\"; count = 1; routing_profile = \"p\"; } );\n";

static void test_routing_concurrency_and_slowdown(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(chats, NULL, 0, &scn, &run, &k);
	const struct cc_contact_record *a = tu_record_at(&k, 0, 10), *b = tu_record_at(&k, 0, 20),
	                               *c = tu_record_at(&k, 0, 30);
	assert_near(a->connect_s, 10, 0);
	assert_near(a->end_s, 42.5, 1e-9);
	assert_near(b->connect_s, 20, 0);
	assert_near(b->end_s, 57.5, 1e-9);
	assert_near(c->connect_s, 42.5, 1e-9);
	assert_near(c->end_s, 72.5, 1e-9);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "asa_s", 0), 12.5 / 3, 1e-9);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "talk_s", 0), (32.5 + 37.5 + 30) / 3, 1e-9);
	size_t chat = CC_CHANNEL_CHAT;
	assert_near(tu_total(&run, CC_FIG_GROUP_CHANNEL, "concurrency", chat), 100 / 62.5, 1e-9);
	assert_near(tu_total(&run, CC_FIG_GROUP_CHANNEL, "slots", chat), 100.0 / 100, 1e-9);
	assert_near(tu_total(&run, CC_FIG_GROUP_CHANNEL, "occupancy", chat), 62.5 / 100, 1e-9);
	assert_near(tu_total(&run, CC_FIG_GROUP, "talk_s", 0), 62.5, 1e-9);
	tu_done(&scn, &run, &k);
}

/*
 * Cross-channel: a chat at 10 (talk 30 s) and a call at 20 (talk 10 s) for one agent
 * handling both. Routing only the current channel, the call waits until the chat ends at
 * 40; routing any channel while busy, it is answered at once.
 */
static const char cross[] =
	HEADER(100)
	"queues = ( { name = \"c\"; channel = \"chat\";\n"
	"             arrivals = { process = \"deterministic\"; per_hour = [ 360, 0 ]; step = 15; };\n"
	"             handle = { dist = \"deterministic\"; value = 30; }; },\n"
	"           { name = \"v\"; channel = \"voice\";\n"
	"             arrivals = { process = \"deterministic\"; per_hour = [ 180, 0 ]; step = 25; };\n"
	"             handle = { dist = \"deterministic\"; value = 10; }; } );\n"
	"routing_profiles = ( { name = \"p\"; concurrency = { chat = 2; voice = 1; };\n"
	"                       queues = ( \"c\", \"v\" ); } );\n"
	"agents = ( { name = \"g\"; count = 1; routing_profile = \"p\"; } );\n";

static void test_routing_cross_channel(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(cross, NULL, 0, &scn, &run, &k);
	assert_near(tu_record_at(&k, 1, 20)->connect_s, 40, 0);
	tu_done(&scn, &run, &k);
	const char *sets[] = { "routing_profiles.p.cross_channel=true" };
	tu_run_text(cross, sets, 1, &scn, &run, &k);
	assert_near(tu_record_at(&k, 1, 20)->connect_s, 20, 0);
	/* Both channels held from 20 to 30: the group was busy on chat and on voice. */
	assert_near(tu_total(&run, CC_FIG_GROUP_CHANNEL, "work_s", CC_CHANNEL_VOICE), 10, 1e-9);
	assert_near(tu_total(&run, CC_FIG_GROUP_CHANNEL, "work_s", CC_CHANNEL_CHAT), 30, 1e-9);
	tu_done(&scn, &run, &k);
}

/*
 * Callbacks. One agent serves "v" (calls at 100, 200, 300; talk 150 s; answer delay 2 s)
 * and "cb". The call at 200 finds the agent busy and the expected wait above 0: its
 * customer asks for a callback, queued at cb at 200. At 252 the agent is free (the call of
 * 100 rang 2 s, ended at 252): the callback is offered (INCOMING), accepted at 254
 * (PENDING), dialled from 259 (pending 5 s); the customer does not answer (reach 0): ERROR
 * at 279, and the callback queues again at 339. Meanwhile the call of 300 rang until 302
 * and talks until 452. The retry is offered at 452, accepted at 454, dialled from 459,
 * fails at 479: no retries left, so the callback is unreached. The call of 400, finding
 * the agent busy too, asks for a callback, which the agent takes at 479 (INCOMING), accepts
 * at 481 and dials from 486, still dialling at the horizon.
 */
static const char callbacks[] =
	HEADER(500)
	"queues = ( " VOICE_Q("v", 36, 150, "callback = { queue = \"cb\"; threshold = 0; accept = 1; };") ",\n"
	"           { name = \"cb\"; channel = \"callback\"; arrivals = { per_hour = 0; };\n"
	"             handle = { dist = \"deterministic\"; value = 100; };\n"
	"             dialing = { pending = { dist = \"deterministic\"; value = 5; };\n"
	"                         dial = { dist = \"deterministic\"; value = 20; };\n"
	"                         reach = 0; retries = 1; retry_delay = 60; }; } );\n"
	"agents = ( { name = \"g\"; count = 1; skills = [ \"v\", \"cb\" ];\n"
	"             answer = { delay = { dist = \"deterministic\"; value = 2; }; }; } );\n";

static void test_routing_callback_retries_until_unreached(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(callbacks, NULL, 0, &scn, &run, &k);
	const struct cc_contact_record *asked = tu_record_at(&k, 0, 200), *cb = tu_record_at(&k, 1, 200);
	assert_int_equal(asked->outcome, CC_OUTCOME_CALLBACK);
	assert_int_equal(cb->outcome, CC_OUTCOME_UNREACHED);
	assert_int_equal(cb->previous_record_id, asked->contact_id);
	assert_int_equal(cb->attempts, 2);
	assert_near(cb->end_s, 479, 1e-9);
	assert_non_null(tu_event(&k, TU_ANY, cb->contact_id, CC_CS_INCOMING, TU_ANY, 252));
	assert_non_null(tu_event(&k, TU_ANY, cb->contact_id, CC_CS_PENDING, TU_ANY, 254));
	assert_non_null(tu_event(&k, TU_ANY, cb->contact_id, CC_CS_CONNECTING, TU_ANY, 259));
	assert_non_null(tu_event(&k, TU_ANY, cb->contact_id, CC_CS_ERROR, TU_ANY, 279));
	assert_non_null(tu_event(&k, TU_ANY, cb->contact_id, CC_CS_INCOMING, TU_ANY, 452));
	assert_non_null(tu_event(&k, TU_ANY, cb->contact_id, CC_CS_ERROR, TU_ANY, 479));
	assert_near(tu_record_at(&k, 0, 300)->connect_s, 302, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "callbacks", 0), 2, 0);
	assert_non_null(tu_event(&k, TU_ANY, tu_record_at(&k, 1, 400)->contact_id, CC_CS_CONNECTING, TU_ANY, 486));
	assert_near(tu_total(&run, CC_FIG_QUEUE, "callback_attempts", 1), 3, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "unreached", 1), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "answered", 1), 0, 0);
	/* Conservation with callbacks: every arrival is answered, abandoned, called back,
	 * unreached or still in the system. */
	const struct cc_rep_counts *n = &run.counts[0];
	assert_int_equal(n->arrived, n->answered + n->abandoned + n->callbacks + n->unreached +
	                                 n->waiting_at_end);
	tu_done(&scn, &run, &k);
}

/* The same with reach 1: the first attempt reaches the customer at 279, who talks 100 s. */
static void test_routing_callback_reached(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	const char *sets[] = { "queues.cb.dialing.reach=1" };
	tu_run_text(callbacks, sets, 1, &scn, &run, &k);
	const struct cc_contact_record *cb = tu_record_at(&k, 1, 200);
	assert_int_equal(cb->outcome, CC_OUTCOME_HANDLED);
	assert_int_equal(cb->attempts, 1);
	assert_near(cb->connect_s, 279, 1e-9);
	assert_near(cb->end_s, 379, 1e-9);
	assert_near(cb->connect_s - cb->arrival_s, 79, 1e-9);
	/* The calls of 300 and 400 find the agent busy with callbacks and ask for their own;
	 * only the first callback is over by the horizon. */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "handled", 1), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "talk_s", 1), 100, 1e-9);
	tu_done(&scn, &run, &k);
}

/*
 * Head starts: one agent, a busy queue where 30 % of the contacts queue 2 minutes ahead.
 * The agent always takes the contact with the earliest (arrival - head start), so connect
 * times are in that order, and priority contacts wait less on average.
 */
static void test_routing_priorities_head_start(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(HEADER(36000)
	         "queues = ( { name = \"q\"; arrivals = { per_hour = 50; };\n"
	         "             handle = { dist = \"exponential\"; mean = 66; };\n"
	         "             priorities = ( { share = 0.3; head_start = \"2m\"; } ); } );\n"
	         "agents = ( { name = \"g\"; count = 1; skills = [ \"q\" ]; } );\n",
	         NULL, 0, &scn, &run, &k);
	double wait[2] = { 0, 0 };
	int n[2] = { 0, 0 };
	for (size_t i = 0; i < k.n; i++) {
		const struct cc_contact_record *r = &k.rows[i];
		if (isnan(r->connect_s))
			continue;
		int vip = r->head_start_s > 0;
		assert_true(r->head_start_s == 0 || r->head_start_s == 120);
		wait[vip] += r->connect_s - r->arrival_s;
		n[vip]++;
	}
	/* Served in order of (arrival - head start) among contacts that waited together:
	 * check it on every pair served one after the other, both having queued. */
	struct cc_contact_record *sorted = malloc(k.n * sizeof *sorted);
	size_t m = 0;
	for (size_t i = 0; i < k.n; i++)
		if (!isnan(k.rows[i].connect_s))
			sorted[m++] = k.rows[i];
	for (size_t i = 1; i < m; i++) { /* insertion sort by connect time */
		struct cc_contact_record x = sorted[i];
		size_t j = i;
		for (; j > 0 && sorted[j - 1].connect_s > x.connect_s; j--)
			sorted[j] = sorted[j - 1];
		sorted[j] = x;
	}
	int checked = 0;
	for (size_t i = 1; i < m; i++) {
		const struct cc_contact_record *a = &sorted[i - 1], *b = &sorted[i];
		/* b had arrived when a was connected: both were waiting, a was first. */
		if (b->arrival_s <= a->connect_s && a->connect_s > a->arrival_s) {
			assert_true(a->arrival_s - a->head_start_s <= b->arrival_s - b->head_start_s);
			checked++;
		}
	}
	free(sorted);
	assert_true(checked > 50);
	assert_true(n[0] > 100 && n[1] > 50);
	print_message("  mean wait: %.1f s with a head start, %.1f s without (%d pairs checked)\n",
	              wait[1] / n[1], wait[0] / n[0], checked);
	assert_true(wait[1] / n[1] < wait[0] / n[0]);
	tu_done(&scn, &run, &k);
}

/* A blended day with everything on: channels, concurrency, slowdown, delays, rings,
 * head starts, pauses, callbacks with retries, and agents who miss offers, step away and
 * take breaks. */
static const char blended_day[] =
	"name = \"day\"; seed = 8128; horizon = \"8h\"; interval = \"30m\"; replications = 1;\n"
	"statuses = [ \"Break\", \"Idle\" ];\n"
	"channels = { chat = { slowdown = [ 1.0, 1.25, 1.6 ]; }; task = { slowdown = [ 1.0, 1.1 ]; }; };\n"
	"queues = (\n"
	"  { name = \"sales\"; arrivals = { per_hour = 160; }; handle = { dist = \"lognormal\"; mean = \"4m\"; sd = \"3m\"; };\n"
	"    patience = { dist = \"exponential\"; mean = \"3m\"; }; acw = { dist = \"exponential\"; mean = \"30s\"; };\n"
	"    priorities = ( { share = 0.2; head_start = \"1m\"; } );\n"
	"    callback = { queue = \"cb\"; threshold = \"20s\"; accept = 0.5; };\n"
	"    rings = ( { after = 0; level = 5; }, { after = 20; level = 1; } ); },\n"
	"  { name = \"web\"; channel = \"chat\"; arrivals = { per_hour = 50; };\n"
	"    handle = { dist = \"exponential\"; mean = \"6m\"; }; patience = { dist = \"exponential\"; mean = \"5m\"; }; },\n"
	"  { name = \"mail\"; channel = \"email\"; arrivals = { per_hour = 20; }; handle = { dist = \"exponential\"; mean = \"5m\"; };\n"
	"    service_level = { threshold = \"2h\"; }; },\n"
	"  { name = \"work\"; channel = \"task\"; arrivals = { per_hour = 15; }; handle = { dist = \"exponential\"; mean = \"8m\"; };\n"
	"    pause = { share = 0.3; duration = { dist = \"exponential\"; mean = \"10m\"; }; }; },\n"
	"  { name = \"cb\"; channel = \"callback\"; arrivals = { per_hour = 0; }; handle = { dist = \"exponential\"; mean = \"4m\"; };\n"
	"    dialing = { pending = { dist = \"uniform\"; min = 2; max = 10; }; dial = { dist = \"uniform\"; min = 5; max = 30; };\n"
	"                reach = 0.3; retries = 2; retry_delay = \"5m\"; }; } );\n"
	"routing_profiles = (\n"
	"  { name = \"blend\"; concurrency = { voice = 1; chat = 3; email = 2; task = 2; callback = 1; }; cross_channel = true;\n"
	"    queues = ( { queue = \"sales\"; level = 3; }, { queue = \"web\"; priority = 2; }, { queue = \"cb\"; priority = 2; },\n"
	"               { queue = \"mail\"; priority = 3; delay = \"10m\"; }, { queue = \"work\"; priority = 3; } ); },\n"
	"  { name = \"phones\"; concurrency = { voice = 1; callback = 1; };\n"
	"    queues = ( { queue = \"sales\"; level = 8; }, \"cb\" ); } );\n"
	"agents = (\n"
	"  { name = \"blend\"; routing_profile = \"blend\"; shifts = ( { start = 0; end = \"6h\"; count = 6; }, { start = \"2h\"; end = \"8h\"; count = 4; } );\n"
	"    planned = ( { status = \"Break\"; after = \"2h\"; window = \"1h\"; duration = { dist = \"deterministic\"; value = \"15m\"; }; } );\n"
	"    answer = { delay = { dist = \"uniform\"; min = 1; max = 6; }; miss = 0.03;\n"
	"               away = { per_hour = 0.3; duration = { dist = \"exponential\"; mean = \"2m\"; }; }; };\n"
	"    rona = { reaction = { dist = \"exponential\"; mean = \"20s\"; }; available = 0.7; }; idle_reason = \"Idle\"; },\n"
	"  { name = \"phones\"; count = 5; routing_profile = \"phones\";\n"
	"    unplanned = ( { status = \"Break\"; per_hour = 0.4; duration = { dist = \"exponential\"; mean = \"5m\"; }; } ); } );\n"
	"output = { contact_records = true; agent_events = true; };\n";

/* Slots never exceed the profile's concurrency, a channel's busy time never exceeds its slot
 * time, and callbacks, unreached callbacks and abandonment all happen (CTX: the policy). */
static void everything_on_checks(const struct cc_scenario *scn, const struct cc_grid *grid,
                                 const struct cc_rep_result *r, const struct tu_rows *rows,
                                 uint64_t rep, void *ctx)
{
	for (size_t row = 0; row <= grid->count; row++)
		for (size_t g = 0; g < scn->n_groups; g++) {
			const double *gr = tu_group_row(rows, r, row, g);
			const struct cc_routing_profile_cfg *prof = &scn->profiles[scn->groups[g].routing];
			for (size_t ch = 0; ch < CC_CHANNEL_COUNT; ch++) {
				const double *gc = tu_gc_row(rows, r, row, g, ch);
				assert_true(gc[CC_GCR_BUSY] <= gc[CC_GCR_SLOTS] + 1e-6);
				assert_true(gc[CC_GCR_BUSY] <= gr[CC_GR_STAFFED] + 1e-6);
				assert_true(gc[CC_GCR_SLOTS] <=
				            prof->concurrency[ch] * gr[CC_GR_STAFFED] + 1e-6);
			}
		}
	const struct cc_rep_counts *n = &r->counts;
	print_message("  %s rep %d: arrived %d callbacks %d unreached %d abandoned %d\n",
	              (const char *)ctx, (int)rep, (int)n->arrived, (int)n->callbacks,
	              (int)n->unreached, (int)n->abandoned);
	assert_true(n->callbacks > 0 && n->unreached > 0 && n->abandoned > 0);
}

/*
 * Under every policy, with everything on: agent time adds up per agent and per group and
 * interval; every arrival is answered, abandoned, called back, unreached or still in the
 * system; slots never exceed the profile's concurrency; a channel's busy time never
 * exceeds its slot time.
 */
static void test_routing_everything_on_adds_up(void **state)
{
	(void)state;
	static const char *const policies[] = { "routing.policy=\"longest_idle\"",
	                                        "routing.policy=\"priority\"",
	                                        "routing.policy=\"longest_waiting\"",
	                                        "routing.policy=\"bullseye\"" };
	for (size_t p = 0; p < 4; p++)
		tu_each_rep(blended_day, &policies[p], 1, 3, everything_on_checks, (void *)policies[p]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_routing_longest_idle_ignores_priority_for_agents),
		cmocka_unit_test(test_routing_priority_prefers_the_primary_group),
		cmocka_unit_test(test_routing_delay_holds_a_queue_back),
		cmocka_unit_test(test_routing_longest_waiting_takes_the_oldest_contact),
		cmocka_unit_test(test_routing_bullseye_rings_widen_with_the_wait),
		cmocka_unit_test(test_routing_idle_timer_activity_or_inbound),
		cmocka_unit_test(test_routing_concurrency_and_slowdown),
		cmocka_unit_test(test_routing_cross_channel),
		cmocka_unit_test(test_routing_callback_retries_until_unreached),
		cmocka_unit_test(test_routing_callback_reached),
		cmocka_unit_test(test_routing_priorities_head_start),
		cmocka_unit_test(test_routing_everything_on_adds_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
