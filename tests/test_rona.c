/*
 * RONA, redirection on no answer (models/center/rona.c): an answer at exactly the offer
 * timeout is answered; an offer that rings out sends its contact back to its place (or the
 * tail) of the queue and its agent to the RONA status, the customer still able to hang up
 * while ringing; and a longer timeout gives fewer RONAs, judged on paired differences.
 */
#include "testutil.h"

#include <gsl/gsl_cdf.h>

#include "models/center/center.h"
#include "models/run/run.h"

/* An answer at exactly the offer timeout counts as answered. */
static void test_rona_answer_at_timeout_is_answered(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(TU_ONE_AGENT("", "answer = { delay = { dist = \"deterministic\"; value = 18; }; };",
	                   "channels = { voice = { offer_timeout = 18; }; };"),
	         NULL, 0, &scn, &run, &k);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "answered", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "ronas", 0), 0, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "asa_s", 0), 18, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "ring_s", 0), 18, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "ring_s", 0), 18, 0);
	assert_non_null(tu_event(&k, 0, TU_ANY, CC_CS_CONNECTING, TU_ANY, 100));
	assert_non_null(tu_event(&k, 0, TU_ANY, CC_CS_CONNECTED, TU_ANY, 118));
	assert_null(tu_event(&k, 0, TU_ANY, CC_CS_MISSED, TU_ANY, 118));
	tu_done(&scn, &run, &k);
}

/*
 * The agent answers 0.5 s too late, every time: RONA at 118 (reaction 5 s, then Available),
 * offered again at 123, RONA at 141, Available at 146, offered again, and the customer
 * hangs up at 150 while it rings (REJECTED). The contact kept its arrival time throughout.
 */
static void test_rona_requeue_and_abandon_while_ringing(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	tu_run_text(TU_ONE_AGENT("", "answer = { delay = { dist = \"deterministic\"; value = 18.5; }; };"
	                       "rona = { reaction = { dist = \"deterministic\"; value = 5; }; };",
	                   "channels = { voice = { offer_timeout = 18; }; };"),
	         NULL, 0, &scn, &run, &k);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "offers", 0), 3, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "ronas", 0), 2, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "abandoned", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "abandoned_ringing", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "contacts_rona_2", 0), 1, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "contacts_rona_1", 0), 0, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "mean_abandon_time_s", 0), 50, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "ronas", 0), 2, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "ring_s", 0), 40, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "ring_rona_s", 0), 36, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "rona_s", 0), 10, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "idle_s", 0), 110, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "staffed_s", 0), 160, 0);
	assert_non_null(tu_event(&k, 0, TU_ANY, CC_CS_MISSED, TU_ANY, 118));
	assert_non_null(tu_event(&k, 0, TU_ANY, CC_CS_MISSED, TU_ANY, 141));
	assert_non_null(tu_event(&k, 0, TU_ANY, CC_CS_REJECTED, TU_ANY, 150));
	const struct cc_agent_event *e = tu_event(&k, 0, TU_ANY, CC_CS_CONNECTING, TU_ANY, 123);
	assert_non_null(e);
	assert_int_equal(e->status, CC_AGENT_AVAILABLE);
	/* After each MISSED the agent is in RONA with no contact. */
	int rona_rows = 0;
	for (size_t i = 0; i < k.n_events; i++)
		rona_rows += k.events[i].status == CC_AGENT_RONA && k.events[i].contact_id == -1;
	assert_int_equal(rona_rows, 2);
	assert_int_equal(k.n, 1);
	assert_int_equal(k.rows[0].outcome, CC_OUTCOME_ABANDONED);
	assert_int_equal(k.rows[0].disconnect, CC_DISCONNECT_CUSTOMER);
	assert_int_equal(k.rows[0].agent, -1);
	assert_int_equal(k.rows[0].ronas, 2);
	assert_near(k.rows[0].ring_s, 40, 0);
	assert_near(k.rows[0].arrival_s, 100, 0);
	tu_done(&scn, &run, &k);
}

/* A RONA'd contact goes back to its original place, ahead of a younger one; with the tail
 * option, behind it. Two agents: one who never answers in time, one busy until 130. */
static void test_rona_requeue_position(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"rq\"; horizon = 400; interval = 400; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { process = \"deterministic\"; per_hour = 720; };\n"
		"             handle = { dist = \"deterministic\"; value = 125; }; } );\n"
		"agents = ( { name = \"slow\"; count = 1; skills = [ \"q\" ];\n"
		"             answer = { delay = { dist = \"deterministic\"; value = 100; }; };\n"
		"             rona = { reaction = { dist = \"deterministic\"; value = 1000; }; }; },\n"
		"           { name = \"busy\"; count = 1; skills = [ \"q\" ]; } );\n"
		"channels = { voice = { offer_timeout = 18; }; };\n"
		"output = { contact_records = true; };\n";
	/* #0 at 5 goes to "slow" (longest ready: first group), rings to 23, RONA. #1 at 10 goes
	 * to "busy", talks to 135. #2 at 15 and #3 at 20 wait; #0 is back at 23, at the head, or
	 * behind #3. "busy" takes the head at 135, the next at 260, the next at 385. */
	for (int tail = 0; tail <= 1; tail++) {
		struct cc_scenario scn;
		struct cc_run run;
		struct tu_kept k;
		const char *set[] = { "queues.q.rona_requeue=tail" };
		tu_run_text(text, set, (size_t)tail, &scn, &run, &k);
		double connect[4] = { NAN, NAN, NAN, NAN };
		for (size_t i = 0; i < k.n; i++)
			if (k.rows[i].contact_id < 4)
				connect[k.rows[i].contact_id] = k.rows[i].connect_s;
		assert_near(connect[1], 10, 0);
		assert_near(connect[0], tail ? 385 : 135, 0);
		assert_near(connect[2], tail ? 135 : 260, 0);
		assert_near(connect[3], tail ? 260 : 385, 0);
		assert_near(tu_total(&run, CC_FIG_QUEUE, "ronas", 0), 1, 0);
		tu_done(&scn, &run, &k);
	}
}

/*
 * The RONA study: with common random numbers, each longer voice timeout gives fewer RONAs and
 * more ringing on absent agents. Judged on paired differences across replications: the mean
 * difference must exceed its own 99 % half-width.
 */
static void test_rona_study_moves_the_right_way(void **state)
{
	(void)state;
	static const char *const timeouts[] = { "6s", "12s", "18s", "30s", "60s" };
	enum { T = 5, REPS = 40 }; /* the scenario as it is: 40 replications of 9 h */
	double ronas[T][REPS], absent[T][REPS];
	for (size_t t = 0; t < T; t++) {
		char set_timeout[64], err[1024] = "";
		snprintf(set_timeout, sizeof set_timeout, "channels.voice.offer_timeout=%s", timeouts[t]);
		const char *set[] = { set_timeout };
		struct cc_scenario scn;
		if (cc_scenario_load("scenarios/rona-study.cfg", set, 1, &scn, err, sizeof err) != CC_OK)
			fail_msg("%s", err);
		struct cc_run run;
		memset(&run, 0, sizeof run);
		run.scn = &scn;
		run.threads = 2;
		run.keep_totals = 1;
		assert_int_equal(cc_run_execute(&run), CC_OK);
		for (size_t r = 0; r < REPS; r++) {
			ronas[t][r] = cc_run_value(&run, cc_figure_find(CC_FIG_QUEUE, "ronas"), r, run.grid.count, 0);
			absent[t][r] = cc_run_value(&run, cc_figure_find(CC_FIG_GROUP, "ring_absent_s"), r, run.grid.count, 0);
		}
		tu_done(&scn, &run, NULL);
	}
	for (size_t t = 0; t + 1 < T; t++) {
		double fewer[REPS], longer[REPS];
		for (size_t r = 0; r < REPS; r++) {
			fewer[r] = ronas[t][r] - ronas[t + 1][r];
			longer[r] = absent[t + 1][r] - absent[t][r];
		}
		struct cc_summary f = cc_stats_summarize(fewer, REPS, 1, 0.99);
		struct cc_summary l = cc_stats_summarize(longer, REPS, 1, 0.99);
		print_message("  %s -> %s: RONAs -%.1f ± %.1f, ringing on absent agents +%.1f ± %.1f s\n",
		              timeouts[t], timeouts[t + 1], f.mean, f.half_width, l.mean, l.half_width);
		assert_true(f.mean > f.half_width);
		assert_true(l.mean > l.half_width);
	}
}

/*
 * rona.not_ready_after = 2, an agent who misses every offer (answer.miss = 1), voice offer
 * timeout 18 s, RONA reaction 5 s, not ready for 40 s. A contact every 100 s from 100 s,
 * patience 50 s. Contact 1: rings 100-118 (miss 1: RONA 118-123), rings 123-141 (miss 2:
 * not ready, Break, 141-181, no RONA), hangs up at 150 while waiting. Contact 2 the same from
 * 200: the run of misses started again at 141, so again RONA 218-223 and Break 241-281.
 */
static void test_rona_not_ready_after_consecutive_misses(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept k;
	const char *set[] = { "horizon=300", "interval=300" };
	tu_run_text(TU_ONE_AGENT("", "answer = { miss = 1.0; };"
	                             "rona = { reaction = { dist = \"deterministic\"; value = 5; };"
	                             " not_ready_after = 2; not_ready_status = \"Break\";"
	                             " not_ready = { dist = \"deterministic\"; value = 40; }; };",
	                         ""),
	            set, 2, &scn, &run, &k);
	size_t brk = CC_AGENT_FIRST_NPT; /* Break */
	assert_near(tu_total(&run, CC_FIG_GROUP, "ronas", 0), 4, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "not_ready", 0), 2, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "rona_s", 0), 10, 0);
	assert_near(tu_total(&run, CC_FIG_STATUS, "status_s", brk), 80, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "ring_s", 0), 72, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "idle_s", 0), 138, 0);
	assert_near(tu_total(&run, CC_FIG_GROUP, "staffed_s", 0), 300, 0);
	assert_near(tu_total(&run, CC_FIG_QUEUE, "abandoned", 0), 2, 0);
	/* The second miss puts the agent in Break at once (no RONA in between), and it goes
	 * Available when the drawn 40 s are over. */
	for (int i = 0; i < 2; i++) {
		double t = 100 * (i + 1);
		assert_non_null(tu_event(&k, 0, TU_ANY, TU_ANY, CC_AGENT_RONA, t + 18));
		assert_non_null(tu_event(&k, 0, TU_ANY, TU_ANY, (int64_t)brk, t + 41));
		assert_null(tu_event(&k, 0, TU_ANY, TU_ANY, CC_AGENT_RONA, t + 41));
		assert_non_null(tu_event(&k, 0, TU_ANY, TU_ANY, CC_AGENT_AVAILABLE, t + 81));
	}
	tu_done(&scn, &run, &k);

	/* not_ready_after = 3 is never reached with two offers per contact: as without it. */
	tu_assert_same_runs(
		TU_ONE_AGENT("", "answer = { miss = 1.0; }; rona = { not_ready_after = 3; };", ""),
		TU_ONE_AGENT("", "answer = { miss = 1.0; };", ""));
}

/* One replication's counts for the share of misses that trigger not-ready. */
struct miss_runs {
	double ratio[64];
	size_t n;
	double misses, triggers;
};

static void collect_miss_runs(const struct cc_scenario *scn, const struct cc_grid *grid,
                              const struct cc_rep_result *r, const struct tu_rows *rows,
                              uint64_t rep, void *ctx)
{
	(void)scn, (void)grid, (void)rows, (void)rep;
	struct miss_runs *m = ctx;
	double misses = r->group_tot[cc_gr_at(0, CC_GR_RONAS)];
	double triggers = r->group_tot[cc_gr_at(0, CC_GR_NOT_READY)];
	assert_true(misses > 100);
	m->ratio[m->n++] = triggers / misses;
	m->misses += misses;
	m->triggers += triggers;
}

/*
 * Agents who miss each offer independently with probability m = 0.3, put not ready after
 * N = 2 consecutive misses. The run of misses is a Markov chain on 0..N-1: each offer a
 * miss moves it up by one (from N-1 it triggers not-ready and falls to 0), an accept drops
 * it to 0. Its stationary law is pi_j = m^j (1 - m) / (1 - m^N): a state is left upwards with
 * probability m, and 0 gets everything else back. A miss triggers not-ready exactly when it
 * comes in state N-1, so the share of misses that trigger is pi_{N-1} = m^(N-1) (1 - m) /
 * (1 - m^N) = 0.3 x 0.7 / 0.91 = 0.2308 (a run of length L >= N triggers floor(L / N) times).
 * Voice, no patience, no planned statuses: every offer is accepted at once or missed, and
 * nothing else ends a run. Judged on the per-replication shares (independent replications):
 * the prediction lies within the 99.9 % Student-t interval of their mean. Agent time adds up
 * in every replication (tu_each_rep checks it).
 */
static void test_rona_not_ready_share_of_misses(void **state)
{
	(void)state;
	const double m = 0.3;
	const int n_after = 2;
	char *text = tu_erlang_scenario_ex(
		95.3, 170.0, 9, 0,
		"answer = { miss = 0.3; }; idle_reason = \"Wrap\";"
		" rona = { reaction = { dist = \"exponential\"; mean = 7.5; }; not_ready_after = 2;"
		" not_ready = { dist = \"exponential\"; mean = 63.0; }; };",
		"horizon = \"8h\"; interval = \"1h\"; seed = 20261130; statuses = [ \"Wrap\" ];");
	struct miss_runs runs = { 0 };
	const uint64_t reps = 40;
	tu_each_rep(text, NULL, 0, reps, collect_miss_runs, &runs);
	free(text);
	double want = pow(m, n_after - 1) * (1 - m) / (1 - pow(m, n_after));
	double mean = 0, ss = 0;
	for (size_t i = 0; i < runs.n; i++)
		mean += runs.ratio[i] / (double)runs.n;
	for (size_t i = 0; i < runs.n; i++)
		ss += (runs.ratio[i] - mean) * (runs.ratio[i] - mean);
	double hw = gsl_cdf_tdist_Qinv(0.0005, (double)runs.n - 1) * sqrt(ss / (double)(runs.n - 1) / (double)runs.n);
	print_message("not ready after %d misses: %.4f of %.0f misses triggered (per replication "
	              "%.4f +- %.4f, 99.9 %%), predicted %.4f\n", n_after,
	              runs.triggers / runs.misses, runs.misses, mean, hw, want);
	assert_true(fabs(mean - want) <= hw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rona_answer_at_timeout_is_answered),
		cmocka_unit_test(test_rona_requeue_and_abandon_while_ringing),
		cmocka_unit_test(test_rona_requeue_position),
		cmocka_unit_test(test_rona_study_moves_the_right_way),
		cmocka_unit_test(test_rona_not_ready_after_consecutive_misses),
		cmocka_unit_test(test_rona_not_ready_share_of_misses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
