/*
 * Routing's indexes (models/center/routing.c): which free agents can take a contact of a
 * channel, with a profile's concurrency (and the slowdown it brings) and its cross-channel
 * rule. The policies that choose among them are in test_policies.c. Each case is small
 * enough to work out by hand; the comment above it does.
 */
#include "testutil.h"

#include "models/center/center.h"
#include "models/run/run.h"

/*
 * Concurrency 2 with slowdown [1, 1.5] on chat; chats at 10, 20 and 30 (talk 25 s).
 * A (10) runs alone at full speed until 20, then with B at 1/1.5: its 15 s left take 22.5 s,
 * ending at 42.5. B has done 15 s by then, so C (waiting since 30: the limit is 2) joins
 * at 42.5; B's 10 s left take 15 s (end 57.5); C has done 10 s of 25 and finishes the rest
 * alone: end 72.5. Slots: 32.5 + 37.5 + 30 = 100 contact-seconds; the agent holds some
 * chat from 10 to 72.5.
 */
static const char chats[] =
	TU_HEADER(100)
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
	TU_HEADER(100)
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_routing_concurrency_and_slowdown),
		cmocka_unit_test(test_routing_cross_channel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
