/*
 * The contact's life (models/center/contact.c): callbacks queued, dialled and retried until
 * reached or unreached; priority head starts in the queue's order; ACW capped by the
 * group's limit. Each case is small enough to work out by hand; the comment above it does.
 * Handle, ACW and patience given per interval step: a contact draws from the step it arrives
 * in, and lists of one value are the scalar itself.
 */
#include "testutil.h"

#include "models/center/center.h"
#include "models/run/run.h"

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
	TU_HEADER(500)
	"queues = ( " TU_VOICE_Q("v", 36, 150, "callback = { queue = \"cb\"; threshold = 0; accept = 1; };") ",\n"
	"           { name = \"cb\"; channel = \"callback\"; arrivals = { per_hour = 0; };\n"
	"             handle = { dist = \"deterministic\"; value = 100; };\n"
	"             dialing = { pending = { dist = \"deterministic\"; value = 5; };\n"
	"                         dial = { dist = \"deterministic\"; value = 20; };\n"
	"                         reach = 0; retries = 1; retry_delay = 60; }; } );\n"
	"agents = ( { name = \"g\"; count = 1; skills = [ \"v\", \"cb\" ];\n"
	"             answer = { delay = { dist = \"deterministic\"; value = 2; }; }; } );\n";

static void test_contact_callback_retries_until_unreached(void **state)
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
static void test_contact_callback_reached(void **state)
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
static void test_contact_priorities_head_start(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(TU_HEADER(36000)
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

/* The ACW limit clears long ACW: 30 s of ACW cut to 12 s. Talks 100-250, 262-412, 424-574. */
static void test_contact_acw_limit(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	const char *set[] = { "horizon=600", "interval=600", "queues.q.patience.value=1000" };
	tu_run_text(TU_ONE_AGENT("acw = { dist = \"deterministic\"; value = 30; };", "acw_limit = 12;", ""),
	         set, 3, &scn, &run, &k);
	assert_near(tu_total(&run, CC_FIG_GROUP, "acw_limited", 0), 3, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "handled", 0), 3, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "acw_s", 0), 12, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "aht_s", 0), 162, 0);
	assert_near(k.rows[0].acw_end_s - k.rows[0].end_s, 12, 0);
	tu_done(&scn, &run, &k);
}

/* One chat queue and one agent for the silent-abandonment cases worked by hand: a chat every
 * 100 s from 100 s, 150 s of work, patience 50 s, every abandoner silent with a 45 s
 * timeout. */
#define SILENT_ONE(horizon, group)                                                            \
	"name = \"s\"; horizon = " #horizon "; interval = " #horizon "; replications = 1;\n"  \
	"queues = ( { name = \"q\"; channel = \"chat\";\n"                                    \
	"  arrivals = { process = \"deterministic\"; per_hour = 36; };\n"                     \
	"  handle = { dist = \"deterministic\"; value = 150; };\n"                            \
	"  patience = { dist = \"deterministic\"; value = 50; };\n"                           \
	"  silent = { share = 1.0; timeout = { dist = \"deterministic\"; value = 45; }; }; } );\n" \
	"agents = ( { name = \"g\"; skills = [ \"q\" ]; " group " } );\n"                     \
	"output = { contact_records = true; agent_events = true; };\n"

/*
 * The agent answers after 40 s, past the chat offer timeout (30 s): the chat rings 100-130
 * (RONA, 5 s), 135-165, and its customer leaves silently at 150 while it rings; the center
 * does not know, so it rings out (RONA as usual) and is offered again at 170, still ringing
 * at the horizon (190): waiting at the end, and a silent abandoner still queued.
 */
static void test_contact_silent_rings_out_and_waits_at_end(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(SILENT_ONE(190, "count = 1; answer = { delay = { dist = \"deterministic\"; value = 40; }; };"
	                            " rona = { reaction = { dist = \"deterministic\"; value = 5; }; };"),
	            NULL, 0, &scn, &run, &k);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "silent_abandoned", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "silent_at_end", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "silent_slot_s", 0), 0, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "abandoned", 0), 0, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "ronas", 0), 2, 0);
	assert_non_null(tu_event(&k, 0, TU_ANY, CC_CS_MISSED, TU_ANY, 165));
	assert_non_null(tu_event(&k, 0, TU_ANY, CC_CS_CONNECTING, TU_ANY, 170));
	assert_int_equal(run.counts[0].silent, 1);
	assert_int_equal(run.counts[0].silent_waiting_at_end, 1);
	assert_int_equal(run.counts[0].waiting_at_end, 1);
	tu_assert_conserved(&run.counts[0]);
	assert_int_equal(k.n, 1);
	assert_int_equal(k.rows[0].outcome, CC_OUTCOME_WAITING_AT_END);
	assert_int_equal(k.rows[0].silent, 1);
	assert_int_equal(k.rows[0].ronas, 2);
	assert_near(k.rows[0].ring_s, 80, 0);
	tu_done(&scn, &run, &k);
}

/*
 * The agent logs in at 200. Chat 1 (from 100) left silently at 150; the agent accepts it at
 * 200 (answered, wait 100 s) and its slot stays taken for the 45 s timeout: closed at 245,
 * handled, its talk the timeout. Chat 2 (from 200) waits 45 s, is taken before its patience
 * runs out, and is talked for 150 s (in service at the horizon, 300).
 */
static void test_contact_silent_answered_holds_the_slot(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(SILENT_ONE(300, "shifts = ( { start = 200; end = 400; count = 1; } );"), NULL, 0,
	            &scn, &run, &k);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "answered", 0), 2, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "silent_abandoned", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "silent_slot_s", 0), 45, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "silent_at_end", 0), 0, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "handled", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "talk_s", 0), 45, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "asa_s", 0), 72.5, 0);
	assert_int_equal(run.counts[0].silent_answered, 1);
	tu_assert_conserved(&run.counts[0]);
	const struct cc_contact_record *c1 = tu_record_at(&k, 0, 100), *c2 = tu_record_at(&k, 0, 200);
	assert_int_equal(c1->silent, 1);
	assert_int_equal(c1->outcome, CC_OUTCOME_HANDLED);
	assert_near(c1->connect_s, 200, 0);
	assert_near(c1->end_s, 245, 0);
	assert_int_equal(c2->silent, 0);
	assert_int_equal(c2->outcome, CC_OUTCOME_IN_SERVICE_AT_END);
	assert_near(c2->connect_s, 245, 0);
	tu_done(&scn, &run, &k);
}

/* Sums over replications for the statistical silent case. */
struct silent_sums {
	double silent, abandoned, answered_silent, slot, record_slot, records;
};

static void collect_silent(const struct cc_scenario *scn, const struct cc_grid *grid,
                           const struct cc_rep_result *r, const struct tu_rows *rows,
                           uint64_t rep, void *ctx)
{
	(void)scn, (void)grid, (void)rows, (void)rep;
	struct silent_sums *s = ctx;
	/* Everyone is reached: no silent abandoner is left waiting. */
	assert_int_equal(r->counts.silent_waiting_at_end, 0);
	assert_int_equal(r->counts.waiting_at_end, 0);
	assert_int_equal(r->counts.silent_answered, r->counts.silent);
	s->silent += (double)r->counts.silent;
	s->abandoned += (double)r->counts.abandoned;
	s->slot += r->queue_tot[cc_qr_at(0, CC_QR_SILENT_SLOT_SUM)];
	assert_near(r->queue_tot[cc_qr_at(0, CC_QR_SILENT)], (double)r->counts.silent, 0);
	for (size_t i = 0; i < r->n_records; i++) {
		const struct cc_contact_record *x = &r->records[i];
		if (!x->silent)
			continue;
		assert_int_equal(x->outcome, CC_OUTCOME_HANDLED);
		assert_true(x->end_s - x->connect_s >= 120 && x->end_s - x->connect_s <= 240);
		s->record_slot += x->end_s - x->connect_s;
		s->records++;
	}
}

/*
 * A chat queue whose customers (240 an hour, for the first hour) wait for agents who log in
 * at 1 h, 320 of them: nearly everyone's patience (exponential, 2 min) runs out, and every
 * contact still queued is reached. Given the number n whose patience ran out, the silent ones
 * are Binomial(n, 0.4) (their own stream): the observed share is within the 99.9 % acceptance
 * region of the binomial test of share = 0.4 (normal approximation, |z| <= 3.29). The slot
 * time is the sum of the timeouts, record by record (end - connect of the silent records),
 * and their mean is the timeout's, 180 s, within z = 3.29 standard errors (uniform 120-240 s:
 * sd 120 / sqrt(12)). Counts are conserved and agent time adds up (tu_each_rep).
 */
static void test_contact_silent_share_and_slot_time(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"sb\"; horizon = \"10h\"; interval = \"1h\"; seed = 20261130;\n"
		"queues = ( { name = \"web\"; channel = \"chat\";\n"
		"  arrivals = { per_hour = [ 240.0, 0.0 ]; step = \"1h\"; };\n"
		"  handle = { dist = \"exponential\"; mean = 310.0; };\n"
		"  patience = { dist = \"exponential\"; mean = 120.0; };\n"
		"  silent = { share = 0.4; timeout = { dist = \"uniform\"; min = 120.0; max = 240.0; }; }; } );\n"
		"agents = ( { name = \"g\"; skills = [ \"web\" ]; shifts = ( { start = \"1h\"; end = \"10h\"; count = 320; } ); } );\n"
		"output = { contact_records = true; };\n";
	struct silent_sums s = { 0 };
	tu_each_rep(text, NULL, 0, 20, collect_silent, &s);
	const double share = 0.4, z = 3.2905;
	double n = s.silent + s.abandoned, observed = s.silent / n;
	double se = sqrt(share * (1 - share) / n);
	print_message("silent: %.0f of %.0f whose patience ran out (%.4f, want %.2f +- %.4f)\n",
	              s.silent, n, observed, share, z * se);
	assert_true(n > 4000);
	assert_true(fabs(observed - share) <= z * se);
	assert_near(s.records, s.silent, 0);
	assert_near(s.slot, s.record_slot, 1e-6 * s.slot);
	double mean = s.slot / s.silent, se_t = 120 / sqrt(12.0) / sqrt(s.silent);
	print_message("silent slot time: %.2f s per silent chat (want 180 +- %.2f)\n", mean, z * se_t);
	assert_true(fabs(mean - 180) <= z * se_t);
}

static void count_silent(const struct cc_scenario *scn, const struct cc_grid *grid,
                         const struct cc_rep_result *r, const struct tu_rows *rows,
                         uint64_t rep, void *ctx)
{
	(void)scn, (void)grid, (void)rows, (void)rep;
	*(uint64_t *)ctx += r->counts.silent;
}

/* share = 0: every figure, count and record as without the setting, bit for bit. With a
 * share, concurrency, slowdown and misses, counts are still conserved and agent time adds up
 * (tu_each_rep checks both). */
static void test_contact_silent_share_zero_changes_nothing(void **state)
{
	(void)state;
#define CHAT(extra)                                                                           \
	"name = \"z\"; horizon = \"4h\"; interval = \"30m\"; replications = 3; seed = 77;\n"  \
	"queues = ( { name = \"web\"; channel = \"chat\"; arrivals = { per_hour = 95.0; };\n" \
	"  handle = { dist = \"exponential\"; mean = 410.0; };\n"                             \
	"  patience = { dist = \"exponential\"; mean = 140.0; }; " extra " } );\n"            \
	"routing_profiles = ( { name = \"p\"; concurrency = { chat = 3; }; queues = ( \"web\" ); } );\n" \
	"channels = { chat = { slowdown = [ 1.0, 1.2, 1.5 ]; }; };\n"                          \
	"agents = ( { name = \"g\"; count = 4; routing_profile = \"p\"; answer = { miss = 0.1; }; } );\n" \
	"output = { contact_records = true; agent_events = true; };\n"
	tu_assert_same_runs(CHAT("silent = { share = 0.0; };"), CHAT(""));
	tu_assert_same_runs(CHAT("silent = { share = 0.0; timeout = { dist = \"exponential\"; mean = 60.0; }; };"),
	                    CHAT(""));
	uint64_t silent = 0;
	tu_each_rep(CHAT("silent = { share = 0.6; timeout = { dist = \"exponential\"; mean = 60.0; }; };"),
	            NULL, 0, 3, count_silent, &silent);
	assert_true(silent > 0);
#undef CHAT
}

/* Lists of one value for handle, ACW and patience: every figure and count as with the
 * scalars, bit for bit. */
static void test_contact_one_value_lists_unchanged(void **state)
{
	(void)state;
	char *text = tu_erlang_scenario(412.5, 171.25, 21, 233.5,
	                                "horizon = \"6h\"; warmup = \"30m\"; replications = 6;");
	const char *sets[] = { "queues.q.handle.mean=[ 171.25 ]", "queues.q.patience.mean=( 233.5 )",
	                       "queues.q.acw={ dist = \"uniform\"; min = [ 3.5 ]; max = 9.25; }" };
	const char *scalar_acw[] = { "queues.q.acw={ dist = \"uniform\"; min = 3.5; max = 9.25; }" };
	struct cc_scenario a, b;
	struct cc_run ra, rb;
	tu_run_text(text, scalar_acw, 1, &a, &ra, NULL);
	tu_run_text(text, sets, 3, &b, &rb, NULL);
	assert_int_equal(b.queues[0].handle_steps.n + b.queues[0].acw_steps.n +
	                 b.queues[0].patience_steps.n, 0);
	assert_true(ra.counts[0].abandoned > 0);
	size_t reps = ra.replications, cells = ra.layout.cells;
	assert_memory_equal(ra.totals, rb.totals, reps * cells * sizeof *ra.totals);
	assert_memory_equal(ra.rep_intervals, rb.rep_intervals,
	                    reps * ra.grid.count * cells * sizeof *ra.rep_intervals);
	assert_memory_equal(ra.counts, rb.counts, reps * sizeof *ra.counts);
	tu_done(&a, &ra, NULL);
	tu_done(&b, &rb, NULL);
	free(text);
}

/*
 * Handle time by half day: lognormal with mean 131.5 s in the first four hours and 287.25 s
 * after (the list's last value held), sd 60 s; ACW 12.5 s then 31.75 s (deterministic). With
 * 30 agents for 75 calls an hour nobody waits long, and every contact arriving in an
 * interval draws from that interval's step: the interval's mean talk time must cover the
 * step's mean within its Student-t interval across 40 replications, at 1 - 0.01 / 8 per
 * interval (Bonferroni: 99 % for the eight together); the ACW is exact.
 */
static void test_contact_handle_by_half_day(void **state)
{
	(void)state;
	const char *text =
		"name = \"halves\"; horizon = \"8h\"; interval = \"1h\"; replications = 40; seed = 31337;\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 75.0; };\n"
		"  handle = { dist = \"lognormal\"; mean = [ 131.5, 131.5, 131.5, 131.5, 287.25 ]; sd = 60.0; };\n"
		"  acw = { dist = \"deterministic\"; value = [ 12.5, 12.5, 12.5, 12.5, 31.75 ]; }; } );\n"
		"agents = ( { name = \"g\"; count = 30; skills = [ \"q\" ]; } );\n";
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	const struct cc_figure *talk = cc_figure_find(CC_FIG_QUEUE, "talk_s");
	const struct cc_figure *acw = cc_figure_find(CC_FIG_QUEUE, "acw_s");
	assert_int_equal(run.grid.count, 8);
	for (size_t i = 0; i < run.grid.count; i++) {
		double want = i < 4 ? 131.5 : 287.25, want_acw = i < 4 ? 12.5 : 31.75;
		struct cc_summary s = cc_run_summary(&run, talk, i, 0, 1 - 0.01 / 8);
		print_message("  interval %zu: talk %.2f ± %.2f, step mean %g\n", i, s.mean,
		              s.half_width, want);
		if (!(fabs(s.mean - want) <= s.half_width))
			fail_msg("interval %zu: talk %.3f ± %.3f misses the step's mean %g", i, s.mean,
			         s.half_width, want);
		assert_near(cc_run_summary(&run, acw, i, 0, 0.99).mean, want_acw, 1e-9);
	}
	tu_done(&scn, &run, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contact_callback_retries_until_unreached),
		cmocka_unit_test(test_contact_callback_reached),
		cmocka_unit_test(test_contact_priorities_head_start),
		cmocka_unit_test(test_contact_acw_limit),
		cmocka_unit_test(test_contact_silent_rings_out_and_waits_at_end),
		cmocka_unit_test(test_contact_silent_answered_holds_the_slot),
		cmocka_unit_test(test_contact_silent_share_and_slot_time),
		cmocka_unit_test(test_contact_silent_share_zero_changes_nothing),
		cmocka_unit_test(test_contact_one_value_lists_unchanged),
		cmocka_unit_test(test_contact_handle_by_half_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
