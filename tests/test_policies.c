/*
 * The routing policies (models/policies/): who gets which contact under longest_idle
 * (and its idle timer, by last activity or last inbound contact), priority, longest_waiting
 * and bullseye; routing-profile delays, the same under every policy; and under every
 * policy, with everything on, agent time adds up and contacts are conserved. Each case is
 * small enough to work out by hand; the comment above it does.
 */
#include "testutil.h"

#include "models/center/center.h"
#include "models/policies/policy.h"
#include "models/run/run.h"
#include "sim/macros.h"

/*
 * Two groups of one agent serve "q": "wide" (listed first) with q at priority 2, "home"
 * with q at priority 1. Both are idle since time 0. Under longest_idle the tie goes to the
 * group listed first: the contact at 100 goes to wide, the one at 200 to home (wide is
 * busy until 250). Under priority, home (priority 1) comes first: 100 to home, 200 to wide.
 */
static const char two_groups[] =
	TU_HEADER(300)
	"queues = ( " TU_VOICE_Q("q", 36, 150, "") " );\n"
	"routing_profiles = ( { name = \"wide\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; priority = 2; } ); },\n"
	"                     { name = \"home\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; priority = 1; } ); } );\n"
	"agents = ( { name = \"wide\"; count = 1; routing_profile = \"wide\"; },\n"
	"           { name = \"home\"; count = 1; routing_profile = \"home\"; } );\n";

static void test_policies_longest_idle_ignores_priority_for_agents(void **state)
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

static void test_policies_priority_prefers_the_primary_group(void **state)
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
	TU_HEADER(300)
	"queues = ( " TU_VOICE_Q("q", 36, 150, "") " );\n"
	"routing_profiles = ( { name = \"main\"; concurrency = { voice = 1; }; queues = ( \"q\" ); },\n"
	"                     { name = \"backup\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; priority = 2; delay = \"30s\"; } ); } );\n"
	"agents = ( { name = \"backup\"; count = 1; routing_profile = \"backup\"; },\n"
	"           { name = \"main\"; count = 1; routing_profile = \"main\"; } );\n";

static void test_policies_delay_holds_a_queue_back(void **state)
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
	TU_HEADER(250)
	"queues = ( " TU_VOICE_Q("q1", 18, 150, "") ", " TU_VOICE_Q("q2", 40, 150, "") " );\n"
	"agents = ( { name = \"g\"; count = 1; skills = [ \"q1\", \"q2\" ]; } );\n";

static void test_policies_longest_waiting_takes_the_oldest_contact(void **state)
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
	TU_HEADER(300)
	"queues = ( " TU_VOICE_Q("q", 36, 150,
	                      "rings = ( { after = 0; level = 8; }, { after = 20; level = 3; } );") " );\n"
	"routing_profiles = ( { name = \"novice\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; level = 4; } ); },\n"
	"                     { name = \"expert\"; concurrency = { voice = 1; };\n"
	"                       queues = ( { queue = \"q\"; level = 9; } ); } );\n"
	"agents = ( { name = \"novice\"; count = 1; routing_profile = \"novice\"; },\n"
	"           { name = \"expert\"; count = 1; routing_profile = \"expert\"; } );\n";

static void test_policies_bullseye_rings_widen_with_the_wait(void **state)
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
	TU_HEADER(310)
	"statuses = [ \"Break\" ];\n"
	"queues = ( " TU_VOICE_Q("q", 36, 20, "") " );\n"
	"agents = ( { name = \"g\"; count = 2; skills = [ \"q\" ];\n"
	"             planned = ( { status = \"Break\"; at = 50; share = 0.5;\n"
	"                           duration = { dist = \"deterministic\"; value = 200; }; } ); } );\n";

static void test_policies_idle_timer_activity_or_inbound(void **state)
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
static void test_policies_everything_on_adds_up(void **state)
{
	(void)state;
	static const char *const policies[] = { "routing.policy=\"longest_idle\"",
	                                        "routing.policy=\"priority\"",
	                                        "routing.policy=\"longest_waiting\"",
	                                        "routing.policy=\"bullseye\"" };
	for (size_t p = 0; p < 4; p++)
		tu_each_rep(blended_day, &policies[p], 1, 3, everything_on_checks, (void *)policies[p]);
}

/* Every name a scenario may write (CC_POLICY_NAMES) finds the policy of that name, with a
 * summary for `ccsim check`, and the registry holds no other. */
static void test_policies_registry_matches_the_names(void **state)
{
	(void)state;
#define TU_POLICY_NAME(n) #n,
	static const char *const names[] = { CC_POLICY_NAMES(TU_POLICY_NAME) };
#undef TU_POLICY_NAME
	size_t n;
	const struct cc_policy *const *all = cc_policies(&n);
	assert_int_equal(n, CC_ARRAY_SIZE(names));
	for (size_t i = 0; i < n; i++) {
		const struct cc_policy *p = cc_policy_find(names[i]);
		assert_non_null(p);
		assert_string_equal(p->name, names[i]);
		assert_ptr_equal(all[i], p);
		assert_true(p->summary && p->summary[0]);
		assert_true(cc_policy_name_known(names[i]));
	}
	assert_string_equal(cc_policy_name_list(), "bullseye, longest_idle, longest_waiting, priority");
	assert_null(cc_policy_find("fifo"));
	assert_false(cc_policy_name_known("fifo"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policies_longest_idle_ignores_priority_for_agents),
		cmocka_unit_test(test_policies_priority_prefers_the_primary_group),
		cmocka_unit_test(test_policies_delay_holds_a_queue_back),
		cmocka_unit_test(test_policies_longest_waiting_takes_the_oldest_contact),
		cmocka_unit_test(test_policies_bullseye_rings_widen_with_the_wait),
		cmocka_unit_test(test_policies_idle_timer_activity_or_inbound),
		cmocka_unit_test(test_policies_everything_on_adds_up),
		cmocka_unit_test(test_policies_registry_matches_the_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
