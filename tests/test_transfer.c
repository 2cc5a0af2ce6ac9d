/*
 * Hand-overs: each kind (queue, agent, outside number) and mode (cold, consult,
 * conference), rejections, misses and fallbacks, and the records' links. Each case is one
 * customer with deterministic times, worked out by hand in the comment above it.
 *
 * The common frame: one voice contact arrives at queue "a" at 100 and is answered at once
 * by the one agent of group "ga" (answers at once), who talks 50 s; at 150 the talk is over
 * and the hand-over starts. Queue "b" has no arrivals of its own and is served by group
 * "gb" (its agents answer 5 s after the ring starts), whose talk is 60 s; ACW is 0.
 * Transfer flow 4 s, agent whisper 2 s, customer whisper 1 s.
 */
#include "testutil.h"

#include "models/center/center.h"
#include "models/run/run.h"

#define FRAME(transfer, gb_count, gb_answer)                                                  \
	"name = \"t\"; horizon = 400; interval = 400; replications = 1;\n"                    \
	"output = { contact_records = true; agent_events = true; };\n"                        \
	"queues = (\n"                                                                         \
	"  { name = \"a\"; arrivals = { process = \"deterministic\"; per_hour = [ 36.0, 0.0 ]; step = \"150s\"; };\n"      \
	"    handle = { dist = \"deterministic\"; value = 50; };\n"                           \
	"    transfer = { flow = \"4s\"; agent_whisper = \"2s\"; customer_whisper = \"1s\";\n" \
	"                 to = ( " transfer " ); }; },\n"                                      \
	"  { name = \"b\"; arrivals = { per_hour = 0; };\n"                                     \
	"    handle = { dist = \"deterministic\"; value = 60; }; },\n"                          \
	"  { name = \"c\"; arrivals = { per_hour = 0; };\n"                                     \
	"    handle = { dist = \"deterministic\"; value = 30; };\n"                             \
	"    transfer = { flow = \"0s\"; agent_whisper = \"0s\"; customer_whisper = \"0s\";\n" \
	"                 to = ( { share = 1.0; queue = \"a\"; } ); }; } );\n"                  \
	"agents = ( { name = \"ga\"; count = 1; skills = [ \"a\" ]; },\n"                       \
	"           { name = \"gb\"; count = " #gb_count "; skills = [ \"b\" ];\n"              \
	"             answer = " gb_answer "; },\n"                                             \
	"           { name = \"gc\"; count = 1; skills = [ \"c\" ]; } );\n"

#define ANSWER_5S "{ delay = { dist = \"deterministic\"; value = 5; }; }"

/* Cold to a queue: the flow runs 150-154 (the customer on hold), the contact enters "b" at
 * 154 and the first agent leaves at once. B rings 154-159, the whispers play 159-162, and B
 * talks 162-222. */
static void test_transfer_cold_to_queue(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(FRAME("{ share = 1.0; queue = \"b\"; }", 1, ANSWER_5S), NULL, 0, &scn, &run, &k);
	const struct cc_contact_record *first = tu_record_at(&k, 0, 100), *second = tu_record_at(&k, 1, 154);
	assert_int_equal(first->outcome, CC_OUTCOME_TRANSFERRED);
	assert_int_equal(first->disconnect, CC_DISCONNECT_TRANSFERRED);
	assert_int_equal(first->transfer, CC_RT_QUEUE);
	assert_int_equal(first->transfer_mode, CC_TRANSFER_COLD);
	assert_near(first->end_s, 154, 1e-9);
	assert_near(first->hold_s, 4, 1e-9);
	assert_int_equal(first->next_record_id, second->record_id);
	assert_int_equal(first->previous_record_id, -1);
	assert_int_equal(first->initial_record_id, first->record_id);
	assert_int_equal(second->previous_record_id, first->record_id);
	assert_int_equal(second->initial_record_id, first->record_id);
	assert_int_equal(second->next_record_id, -1);
	assert_int_equal(second->group, 1);
	assert_near(second->connect_s, 159, 1e-9);
	assert_near(second->end_s, 222, 1e-9);
	assert_near(second->hold_s, 0, 0);
	assert_non_null(tu_event(&k, 0, first->record_id, CC_CS_CONNECTED_ONHOLD, TU_ANY, 150));
	assert_non_null(tu_event(&k, 1, second->record_id, CC_CS_CONNECTED, TU_ANY, 162));
	assert_near(tu_total(&run, CC_FIG_QUEUE, "transfers_out", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "transfers_in", 1), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "offered", 1), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "asa_s", 1), 5, 1e-9);
	/* Handle time at "a": 50 s of talk and 4 s of hold; at "b": 3 s of whispers + 60. */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "aht_s", 0), 54, 1e-9);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "aht_s", 1), 63, 1e-9);
	/* Per customer: first arrival 100, last connect 159. */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customers", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customer_wait_s", 0), 59, 1e-9);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customer_service_level", 0), 0, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "service_level", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "transfers_out", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "transfers_in", 1), 1, 0);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/* Consult with an agent of "gb": flow 150-154, B rings 154-159 and accepts, whispers
 * 159-162, the agents consult 162-182 (the customer on hold), the first agent leaves at 182
 * and B talks 182-242 with the customer. */
static void test_transfer_consult_with_an_agent(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(FRAME("{ share = 1.0; group = \"gb\"; mode = \"consult\"; consult = \"20s\";"
	                  "  handle = { dist = \"deterministic\"; value = 60; }; }", 1, ANSWER_5S),
	            NULL, 0, &scn, &run, &k);
	const struct cc_contact_record *first = tu_record_at(&k, 0, 100);
	const struct cc_contact_record *second = tu_record_by_id(&k, first->next_record_id);
	assert_int_equal(first->transfer, CC_RT_AGENT);
	assert_int_equal(first->transfer_mode, CC_TRANSFER_CONSULT);
	assert_near(first->end_s, 182, 1e-9);
	assert_near(first->hold_s, 32, 1e-9);
	assert_int_equal(second->group, 1);
	assert_near(second->arrival_s, 154, 1e-9);
	assert_near(second->connect_s, 159, 1e-9);
	assert_near(second->ring_s, 5, 1e-9);
	assert_near(second->hold_s, 20, 1e-9);
	assert_near(second->end_s, 242, 1e-9);
	assert_int_equal(second->outcome, CC_OUTCOME_HANDLED);
	assert_non_null(tu_event(&k, 1, second->record_id, CC_CS_CONNECTED_ONHOLD, TU_ANY, 162));
	assert_non_null(tu_event(&k, 1, second->record_id, CC_CS_CONNECTED, TU_ANY, 182));
	/* An agent transfer is no offer of queue "a" or "b". */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "offered", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "offered", 1), 0, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "answered", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "transfers_in", 1), 1, 0);
	/* Both agents were busy through the consult: ga 100-182, gb 154-242. */
	assert_near(tu_total(&run, CC_FIG_GROUP, "talk_s", 0) + tu_total(&run, CC_FIG_GROUP, "ring_s", 0), 82, 1e-9);
	assert_near(tu_total(&run, CC_FIG_GROUP, "talk_s", 1) + tu_total(&run, CC_FIG_GROUP, "ring_s", 1), 88, 1e-9);
	assert_int_equal(run.counts[0].direct, 1);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/* Conference: as the consult up to the whispers (162), then all three talk 162-192; the
 * first agent leaves at 192 and B talks 192-252. The first agent's hold is 150-162. */
static void test_transfer_conference(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(FRAME("{ share = 1.0; group = \"gb\"; mode = \"conference\"; conference = \"30s\";"
	                  "  handle = { dist = \"deterministic\"; value = 60; }; }", 1, ANSWER_5S),
	            NULL, 0, &scn, &run, &k);
	const struct cc_contact_record *first = tu_record_at(&k, 0, 100);
	const struct cc_contact_record *second = tu_record_by_id(&k, first->next_record_id);
	assert_int_equal(first->transfer_mode, CC_TRANSFER_CONFERENCE);
	assert_near(first->end_s, 192, 1e-9);
	assert_near(first->hold_s, 12, 1e-9);
	assert_non_null(tu_event(&k, 0, first->record_id, CC_CS_CONNECTED, TU_ANY, 162));
	assert_near(second->hold_s, 0, 0);
	assert_near(second->end_s, 252, 1e-9);
	/* Talk at "a": 50 s before the hand-over and the 30 s conference. */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "aht_s", 0), 92, 1e-9);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/* The target rejects (when it would have answered, at 159): the transfer fails and goes
 * cold to the fallback queue "b", where the same agent answers it at 164; whispers 164-167,
 * talk 167-227. The first agent left at 159. */
static void test_transfer_rejected_goes_to_the_fallback(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(FRAME("{ share = 1.0; group = \"gb\"; reject = 1.0; fallback = \"b\";"
	                  "  handle = { dist = \"deterministic\"; value = 60; }; }", 1, ANSWER_5S),
	            NULL, 0, &scn, &run, &k);
	const struct cc_contact_record *first = tu_record_at(&k, 0, 100), *second = tu_record_at(&k, 1, 159);
	assert_int_equal(first->transfer, CC_RT_FAILED);
	assert_int_equal(first->outcome, CC_OUTCOME_TRANSFERRED);
	assert_near(first->end_s, 159, 1e-9);
	assert_int_equal(first->next_record_id, second->record_id);
	assert_int_equal(second->previous_record_id, first->record_id);
	assert_near(second->connect_s, 164, 1e-9);
	assert_near(second->end_s, 227, 1e-9);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "transfers_failed", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "transfers_rejected", 1), 1, 0);
	assert_int_equal(run.counts[0].direct_failed, 1);
	/* A rejection is no RONA: the agent stays Available and takes the fallback. */
	assert_near(tu_total(&run, CC_FIG_GROUP, "ronas", 1), 0, 0);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/* The target never answers: RONA at 172 (voice offer timeout 18 s), and with no fallback
 * the first agent takes the customer back and wraps up at 172. One record only. */
static void test_transfer_missed_returns_to_the_first_agent(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(FRAME("{ share = 1.0; group = \"gb\"; }", 1, "{ miss = 1.0; }"), NULL, 0, &scn,
	            &run, &k);
	assert_int_equal(k.n, 1);
	const struct cc_contact_record *first = tu_record_at(&k, 0, 100);
	assert_int_equal(first->transfer, CC_RT_FAILED);
	assert_int_equal(first->outcome, CC_OUTCOME_HANDLED);
	assert_int_equal(first->next_record_id, -1);
	assert_near(first->end_s, 172, 1e-9);
	assert_near(first->hold_s, 22, 1e-9);
	assert_near(tu_total(&run, CC_FIG_GROUP, "ronas", 1), 1, 0);
	/* The customer's last connect is the first: 100, no wait. */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customer_service_level", 0), 1, 0);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/* A named agent: the second agent of "gb" (index 1) gets it, though the first is free. */
static void test_transfer_to_a_named_agent(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(FRAME("{ share = 1.0; group = \"gb\"; agent = 1; }", 2, ANSWER_5S), NULL, 0,
	            &scn, &run, &k);
	const struct cc_contact_record *first = tu_record_at(&k, 0, 100);
	const struct cc_contact_record *second = tu_record_by_id(&k, first->next_record_id);
	assert_int_equal(second->agent, 2); /* agents: ga's 0, then gb's 1 and 2 */
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/* To an outside number: cold, the customer and the agent part at 150 (no flow, no hold);
 * consult, the first agent talks with the outside party 150-180, the customer on hold. */
static void test_transfer_external(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(FRAME("{ share = 1.0; external = true; }", 1, ANSWER_5S), NULL, 0, &scn, &run, &k);
	assert_int_equal(k.n, 1);
	assert_int_equal(k.rows[0].transfer, CC_RT_EXTERNAL);
	assert_int_equal(k.rows[0].outcome, CC_OUTCOME_TRANSFERRED);
	assert_near(k.rows[0].end_s, 150, 1e-9);
	assert_near(k.rows[0].hold_s, 0, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "transfers_external", 0), 1, 0);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
	tu_run_text(FRAME("{ share = 1.0; external = true; mode = \"consult\"; consult = \"30s\"; }", 1,
	                  ANSWER_5S), NULL, 0, &scn, &run, &k);
	assert_near(k.rows[0].end_s, 180, 1e-9);
	assert_near(k.rows[0].hold_s, 30, 1e-9);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/* Warm to a queue: the first agent waits on hold while the contact waits in "b"; B answers
 * at 159, whispers to 162, consults 162-182; the first agent leaves at 182. */
static void test_transfer_consult_through_a_queue(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(FRAME("{ share = 1.0; queue = \"b\"; mode = \"consult\"; consult = \"20s\"; }", 1,
	                  ANSWER_5S), NULL, 0, &scn, &run, &k);
	const struct cc_contact_record *first = tu_record_at(&k, 0, 100), *second = tu_record_at(&k, 1, 154);
	assert_near(first->end_s, 182, 1e-9);
	assert_near(first->hold_s, 32, 1e-9);
	assert_near(second->connect_s, 159, 1e-9);
	assert_near(second->end_s, 242, 1e-9);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/*
 * Transferred twice, three records: a customer of "c" (which hands every contact to "a",
 * with no flow and no whispers) is handed to "a", and from "a" to "b": c -> a -> b.
 */
static void test_transfer_twice_makes_three_linked_records(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	/* One customer at "c" at 100 instead of "a" (whose arrivals stop). */
	const char *sets[] = { "queues.a.arrivals.per_hour=0", "queues.c.arrivals.per_hour=[36.0, 0.0]",
	                       "queues.c.arrivals.step=\"150s\"",
	                       "queues.c.arrivals.process=\"deterministic\"" };
	tu_run_text(FRAME("{ share = 1.0; queue = \"b\"; }", 1, ANSWER_5S), sets, 4, &scn, &run, &k);
	assert_int_equal(k.n, 3);
	const struct cc_contact_record *r1 = tu_record_at(&k, 2, 100);
	const struct cc_contact_record *r2 = tu_record_by_id(&k, r1->next_record_id);
	const struct cc_contact_record *r3 = tu_record_by_id(&k, r2->next_record_id);
	/* c: talk 100-130, straight to "a" (no flow, no whispers): a answers at 130, talks
	 * 130-180, flow 180-184, into "b" at 184. */
	assert_int_equal(r2->queue, 0);
	assert_int_equal(r3->queue, 1);
	assert_near(r2->arrival_s, 130, 1e-9);
	assert_near(r3->arrival_s, 184, 1e-9);
	assert_int_equal(r2->previous_record_id, r1->record_id);
	assert_int_equal(r3->previous_record_id, r2->record_id);
	assert_int_equal(r3->next_record_id, -1);
	assert_int_equal(r1->initial_record_id, r1->record_id);
	assert_int_equal(r2->initial_record_id, r1->record_id);
	assert_int_equal(r3->initial_record_id, r1->record_id);
	/* The customer counts at "c", the first queue: one customer, last connect at 189. */
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customers", 2), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customers", 0), 0, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "customer_wait_s", 2), 89, 1e-9);
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

/*
 * An agent handing a contact on takes no new contacts, not even its own consult: one agent
 * holds up to 2 chats of "a" and "b"; its chat of "a" (100-150) goes by consult into "b" at
 * 154 (flow 4 s). The agent may not take it while it waits on hold, and nobody else can: at
 * 184 (max_wait 30 s) it lets go, free again, and takes the contact from "b" at once;
 * whispers 184-187, talk 187-247.
 */
static const char self_consult[] =
	"name = \"t\"; horizon = 400; interval = 400; replications = 1;\n"
	"output = { contact_records = true; };\n"
	"queues = (\n"
	"  { name = \"a\"; channel = \"chat\"; arrivals = { process = \"deterministic\"; per_hour = [ 36.0, 0.0 ]; step = \"150s\"; };\n"
	"    handle = { dist = \"deterministic\"; value = 50; };\n"
	"    transfer = { flow = \"4s\"; agent_whisper = \"2s\"; customer_whisper = \"1s\";\n"
	"                 to = ( { share = 1.0; queue = \"b\"; mode = \"consult\"; max_wait = \"30s\"; } ); }; },\n"
	"  { name = \"b\"; channel = \"chat\"; arrivals = { per_hour = 0; };\n"
	"    handle = { dist = \"deterministic\"; value = 60; }; } );\n"
	"routing_profiles = ( { name = \"p\"; concurrency = { chat = 2; }; queues = ( \"a\", \"b\" ); } );\n"
	"agents = ( { name = \"g\"; count = 1; routing_profile = \"p\"; } );\n";

static void test_transfer_no_new_contacts_while_handing_on(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(self_consult, NULL, 0, &scn, &run, &k);
	const struct cc_contact_record *first = tu_record_at(&k, 0, 100);
	const struct cc_contact_record *second = tu_record_at(&k, 1, 154);
	assert_near(first->end_s, 184, 1e-9);
	assert_near(first->hold_s, 34, 1e-9);
	assert_int_equal(first->next_record_id, second->record_id);
	assert_near(second->connect_s, 184, 1e-9);
	assert_near(second->end_s, 247, 1e-9);
	assert_near(second->hold_s, 0, 0); /* the first agent had gone: no consult */
	tu_assert_conserved(&run.counts[0]);
	tu_done(&scn, &run, &k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transfer_cold_to_queue),
		cmocka_unit_test(test_transfer_consult_with_an_agent),
		cmocka_unit_test(test_transfer_conference),
		cmocka_unit_test(test_transfer_rejected_goes_to_the_fallback),
		cmocka_unit_test(test_transfer_missed_returns_to_the_first_agent),
		cmocka_unit_test(test_transfer_to_a_named_agent),
		cmocka_unit_test(test_transfer_external),
		cmocka_unit_test(test_transfer_consult_through_a_queue),
		cmocka_unit_test(test_transfer_twice_makes_three_linked_records),
		cmocka_unit_test(test_transfer_no_new_contacts_while_handing_on),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
