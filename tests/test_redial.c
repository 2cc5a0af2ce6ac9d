/*
 * Redials, balking and queue capacity (queues.redial, balk, capacity): the counts are
 * conserved and customers counted once on busy scenarios; capacity 0 is Erlang B, capacity
 * K the M/M/c/K chain, balking the M/M/c chain with a thinned birth rate; redial counts
 * follow their truncated geometric law; the loader refuses bad values.
 */
#include "testutil.h"

#include <gsl/gsl_cdf.h>

#include "models/erlang.h"
#include "models/run/run.h"

static const char busy[] =
	"name = \"busy\"; seed = 91735; horizon = \"8h\"; warmup = \"31m\"; interval = \"30m\";\n"
	"queues = ( { name = \"a\"; arrivals = { per_hour = [ 90.0, 170.0, 60.0 ]; step = \"2h\"; };\n"
	"             handle = { dist = \"lognormal\"; mean = \"190s\"; sd = \"120s\"; };\n"
	"             patience = { dist = \"exponential\"; mean = \"97s\"; };\n"
	"             redial = { share = 0.63; delay = { dist = \"exponential\"; mean = \"7m\"; }; max = 4; };\n"
	"             balk = { share = 0.137; threshold = \"45s\"; };\n"
	"             capacity = 6; },\n"
	"           { name = \"b\"; channel = \"chat\"; arrivals = { per_hour = 45.5; };\n"
	"             handle = { dist = \"erlang\"; mean = \"300s\"; k = 2; };\n"
	"             patience = { dist = \"exponential\"; mean = \"2m\"; };\n"
	"             redial = { share = 1.0; delay = { dist = \"uniform\"; min = \"10s\"; max = \"50m\"; }; max = 2; };\n"
	"             balk = { share = 0.31; estimate = \"oldest\"; }; capacity = 0; } );\n"
	"agents = ( { name = \"x\"; count = 5; skills = [ \"a\", \"b\" ]; },\n"
	"           { name = \"y\"; count = 2; skills = [ \"b\" ]; } );\n";

struct seen { uint64_t redials, balked, blocked; };

static void busy_check(const struct cc_scenario *scn, const struct cc_grid *grid,
                       const struct cc_rep_result *r, const struct tu_rows *rows, uint64_t rep,
                       void *ctx)
{
	(void)scn, (void)grid, (void)rows, (void)rep;
	struct seen *s = ctx;
	/* No callbacks, transfers or restarts: every new contact is a new customer, and a redial
	 * is not one. */
	assert_int_equal(r->counts.customers, r->counts.arrived);
	s->redials += r->counts.redials;
	s->balked += r->counts.balked;
	s->blocked += r->counts.blocked;
}

/* Conservation (tu_each_rep checks arrived + redials = answered + abandoned + balked +
 * blocked + waiting_at_end, and customers = done + at end) with every path taken. */
static void test_redial_conserves_counts(void **state)
{
	(void)state;
	struct seen s = { 0 };
	tu_each_rep(busy, NULL, 0, 5, busy_check, &s);
	assert_true(s.redials > 100 && s.balked > 50 && s.blocked > 50);
}

/* The records of one customer are linked, and each customer is counted once by the queue
 * figures: customers = the records with no previous record. */
static void test_redial_records_linked(void **state)
{
	(void)state;
	struct cc_scenario scn;
	struct cc_run run;
	struct tu_kept kept;
	const char *sets[] = { "output.contact_records=true", "warmup=0", "replications=1" };
	tu_run_text(busy, sets, 3, &scn, &run, &kept);
	size_t firsts = 0, redials = 0;
	for (size_t i = 0; i < kept.n; i++) {
		const struct cc_contact_record *k = &kept.rows[i];
		if (k->previous_record_id < 0) {
			firsts++;
			assert_int_equal(k->initial_record_id, k->record_id);
		} else {
			redials++;
			assert_true(k->initial_record_id < k->record_id);
		}
		if (k->outcome == CC_OUTCOME_BLOCKED)
			assert_int_equal(k->disconnect, CC_DISCONNECT_BUSY);
	}
	assert_int_equal(redials, run.counts[0].redials);
	double customers = tu_total(&run, CC_FIG_QUEUE, "customers", 0) +
	                   tu_total(&run, CC_FIG_QUEUE, "customers", 1);
	assert_near(customers, (double)firsts, 0);
	tu_done(&scn, &run, &kept);
}

/* Mean of X[0..N) and its Student-t half-width at confidence LEVEL (0.95: 95 %). */
static void mean_ci_at(const double *x, size_t n, double level, double *mean, double *half)
{
	double m = 0, v = 0;
	for (size_t i = 0; i < n; i++)
		m += x[i];
	m /= (double)n;
	for (size_t i = 0; i < n; i++)
		v += (x[i] - m) * (x[i] - m);
	v /= (double)(n - 1);
	*mean = m;
	*half = gsl_cdf_tdist_Pinv(0.5 + level / 2, (double)(n - 1)) * sqrt(v / (double)n);
}

/* mean_ci_at 95 %. */
static void mean_ci(const double *x, size_t n, double *mean, double *half)
{
	mean_ci_at(x, n, 0.95, mean, half);
}

/*
 * capacity = 0, Poisson arrivals, exponential handle, no ACW, no abandonment: an M/M/c/c
 * loss system, whose blocking probability is Erlang B (insensitive to the handle time's
 * law, too). The Erlang B value must lie within the 95 % Student-t interval of the
 * replications' block_rate (a 5 % chance of a false failure for a fixed seed, which is then
 * checked once and for all).
 */
static void test_redial_capacity_zero_is_erlang_b(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"loss\"; seed = 60613; horizon = \"30h\"; warmup = \"2h\"; interval = \"1h\"; replications = 24;\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 73.7; };\n"
		"             handle = { dist = \"exponential\"; mean = \"293s\"; }; capacity = 0; } );\n"
		"agents = ( { name = \"x\"; count = 6; skills = [ \"q\" ]; } );\n";
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	double x[24], mean, half;
	for (size_t r = 0; r < run.replications; r++)
		x[r] = tu_total_of(&run, CC_FIG_QUEUE, "block_rate", r, 0);
	mean_ci(x, run.replications, &mean, &half);
	double b = cc_erlang_b(73.7 * 293 / 3600, 6);
	print_message("block_rate %.5f +- %.5f, Erlang B %.5f\n", mean, half, b);
	assert_true(fabs(mean - b) <= half);
	assert_near(tu_total_of(&run, CC_FIG_QUEUE, "p_wait", 0, 0), 0, 0); /* nobody waits */
	tu_done(&scn, &run, NULL);
}

/*
 * Redial counts: one agent busy for the whole horizon after its first contact, and balk =
 * 1, so every later caller balks, and redials with probability p up to m times. Per
 * customer, R (redials) has P(R >= k) = p^k for k <= m: E[R] = sum_{k=1..m} p^k and
 * E[R^2] = sum_{k=1..m} (2k - 1) p^k. Customers are independent, so redials / customers has
 * standard error sd(R) / sqrt(customers); the check is the 99.9 % normal interval (z =
 * 3.29). Likewise customers_redialled / customers is binomial with mean p.
 */
static void test_redial_counts_are_truncated_geometric(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"geo\"; seed = 4471; horizon = \"20h\"; interval = \"1h\"; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 611.3; };\n"
		"             handle = { dist = \"deterministic\"; value = \"21h\"; };\n"
		"             balk = { share = 1.0; };\n"
		"             redial = { share = 0.537; delay = { dist = \"exponential\"; mean = \"3s\"; }; max = 3; }; } );\n"
		"agents = ( { name = \"x\"; count = 1; skills = [ \"q\" ]; } );\n";
	const double p = 0.537;
	const int m = 3;
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	const struct cc_rep_counts *n = &run.counts[0];
	double e1 = 0, e2 = 0;
	for (int k = 1; k <= m; k++) {
		e1 += pow(p, k);
		e2 += (2 * k - 1) * pow(p, k);
	}
	double customers = (double)n->customers;
	double per = (double)n->redials / customers;
	double se = sqrt((e2 - e1 * e1) / customers);
	print_message("redials per customer %.5f, expected %.5f +- %.5f\n", per, e1, 3.29 * se);
	assert_true(fabs(per - e1) <= 3.29 * se);
	double share = tu_total(&run, CC_FIG_QUEUE, "customers_redialled", 0) /
	               tu_total(&run, CC_FIG_QUEUE, "customers", 0);
	assert_true(fabs(share - p) <= 3.29 * sqrt(p * (1 - p) / customers));
	/* Every customer but the first is lost: nobody else reaches the agent. */
	assert_int_equal(n->answered, 1);
	tu_done(&scn, &run, NULL);
}

/*
 * The stationary law of a birth-death chain of the number in system n = 0..N: birth rate
 * LAMBDA(n) (per second) and death rate min(n, c) / MU_S, into PI[0..N].
 */
static void birth_death(double lambda_lo, double lambda_hi, int c, double mu_s, int n_max,
                        double *pi)
{
	double sum = 0;
	pi[0] = 1;
	for (int n = 1; n <= n_max; n++) {
		double birth = n - 1 < c ? lambda_lo : lambda_hi;
		pi[n] = pi[n - 1] * birth * mu_s / (n < c ? n : c);
	}
	for (int n = 0; n <= n_max; n++)
		sum += pi[n];
	for (int n = 0; n <= n_max; n++)
		pi[n] /= sum;
}

/* Runs TEXT and checks that figures NAMES[i] of queue 0 have EXPECTED[i] within the 95 %
 * Student-t interval of their per-replication values. */
static void expect_within_ci(const char *text, const char *const *names, const double *expected,
                             size_t n)
{
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	double x[64], mean, half;
	assert_true(run.replications <= 64);
	for (size_t i = 0; i < n; i++) {
		for (size_t r = 0; r < run.replications; r++)
			x[r] = tu_total_of(&run, CC_FIG_QUEUE, names[i], r, 0);
		mean_ci(x, run.replications, &mean, &half);
		print_message("%s %.5f +- %.5f, analytic %.5f\n", names[i], mean, half, expected[i]);
		assert_true(fabs(mean - expected[i]) <= half);
	}
	tu_done(&scn, &run, NULL);
}

/*
 * capacity = K on an M/M/c queue without abandonment: the M/M/c/(c+K) chain, birth rate
 * lambda up to c + K in system. By PASTA an arrival is blocked with probability pi(c+K)
 * and queues with probability pi(c) + ... + pi(c+K-1); block_rate and p_wait (both over
 * offered) must hold these within their 95 % t intervals over the replications.
 */
static void test_redial_capacity_k_is_mmck(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"mmck\"; seed = 80021; horizon = \"30h\"; warmup = \"2h\"; interval = \"1h\"; replications = 24;\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 71.9; };\n"
		"             handle = { dist = \"exponential\"; mean = \"277s\"; }; capacity = 3; } );\n"
		"agents = ( { name = \"x\"; count = 5; skills = [ \"q\" ]; } );\n";
	const int c = 5, k = 3;
	double pi[9];
	birth_death(71.9 / 3600, 71.9 / 3600, c, 277, c + k, pi);
	double wait = 0;
	for (int n = c; n < c + k; n++)
		wait += pi[n];
	const char *names[] = { "block_rate", "p_wait" };
	const double expected[] = { pi[c + k], wait };
	expect_within_ci(text, names, expected, 2);
}

/*
 * Balking with share p and no threshold on an M/M/c queue without abandonment: a caller who
 * finds all c agents busy joins with probability 1 - p, so the chain has birth rate lambda
 * below c in system and lambda (1 - p) from c on (truncated where the tail is below 1e-15).
 * By PASTA, P(balk) = p * sum_{n >= c} pi(n) and P(wait) = (1 - p) * sum_{n >= c} pi(n);
 * balk_rate and p_wait must hold them within their 95 % t intervals.
 */
static void test_redial_balking_is_birth_death(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"balk\"; seed = 33587; horizon = \"30h\"; warmup = \"2h\"; interval = \"1h\"; replications = 24;\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 83.3; };\n"
		"             handle = { dist = \"exponential\"; mean = \"241s\"; };\n"
		"             balk = { share = 0.283; }; } );\n"
		"agents = ( { name = \"x\"; count = 6; skills = [ \"q\" ]; } );\n";
	const int c = 6, n_max = 400;
	const double p = 0.283, lambda = 83.3 / 3600;
	static double pi[401];
	birth_death(lambda, lambda * (1 - p), c, 241, n_max, pi);
	assert_true(pi[n_max] < 1e-15);
	double all_busy = 0;
	for (int n = c; n <= n_max; n++)
		all_busy += pi[n];
	const char *names[] = { "balk_rate", "p_wait" };
	const double expected[] = { p * all_busy, (1 - p) * all_busy };
	expect_within_ci(text, names, expected, 2);
}

/*
 * The redial flow as a fixed point, in a case solvable exactly: the one agent is busy for
 * the whole horizon after its first contact, so every later attempt finds no agent free and
 * leaves with probability P = b (the balk share; the others wait to the horizon, patience
 * being infinite), whatever the load. The total attempt rate then solves
 * lambda_tot = lambda + s * P * lambda_tot, i.e. lambda_tot / lambda = 1 / (1 - s b), with
 * max = 100 (s b to the 100th is below 1e-20). Per customer, the redials R are geometric,
 * P(R >= k) = q^k with q = s b: E[R] = q / (1 - q), Var[R] = q / (1 - q)^2, and customers
 * are independent, so (redials / customers) is checked within its 99.9 % normal interval
 * (z = 3.29). The first customer (answered) and those whose redials fall past the horizon
 * (a few seconds' worth of a 12-hour run) bias it by under 1 % of the interval.
 */
static void test_redial_fixed_point_load_independent(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"fix\"; seed = 52361; horizon = \"12h\"; interval = \"1h\"; replications = 1;\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 487.3; };\n"
		"             handle = { dist = \"deterministic\"; value = \"13h\"; };\n"
		"             balk = { share = 0.71; };\n"
		"             redial = { share = 0.64; delay = { dist = \"exponential\"; mean = \"4s\"; }; max = 100; }; } );\n"
		"agents = ( { name = \"x\"; count = 1; skills = [ \"q\" ]; } );\n";
	const double q = 0.64 * 0.71;
	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	const struct cc_rep_counts *n = &run.counts[0];
	double customers = (double)n->customers;
	double per = (double)n->redials / customers, expected = q / (1 - q);
	double half = 3.29 * sqrt(q / ((1 - q) * (1 - q)) / customers);
	print_message("attempts per customer %.5f, fixed point 1/(1 - s b) = %.5f +- %.5f\n",
	              1 + per, 1 + expected, half);
	assert_true(fabs(per - expected) <= half);
	tu_done(&scn, &run, NULL);
}

/*
 * The redial flow of a loaded M/M/c+M queue, exactly. With Poisson arrivals (lambda),
 * exponential handle (mu), patience (gamma) and redial delay (theta), and no ACW, balking or
 * capacity, the state (n in system, m in orbit: decided to redial, not yet called) is a
 * continuous-time Markov chain. Its moves from (n, m):
 *   arrival        lambda                         to (n + 1, m)
 *   service        min(n, c) mu                   to (n - 1, m)
 *   abandonment    (n - c)+ gamma (1 - s)         to (n - 1, m)
 *                  (n - c)+ gamma s               to (n - 1, m + 1)
 *   redial         m theta                        to (n + 1, m - 1)
 * where s is redial.share. The chain forgets how often a customer has redialled, so it has
 * max = infinity; the simulation's max = 100 cuts it only for a customer who would redial a
 * 101st time, each redial following an abandonment with probability s: P(R > max) <= s^101
 * per customer, and the redials the cut removes, E[(R - max)+] <= s^101 / (1 - s) per
 * customer, 1e-28 an hour here, 1e-29 of the redial rate. The stationary law pi is solved on n <= N, m <= M (arrivals and redials
 * blocked at n = N; at m = M an abandoner who would redial is dropped), the mass on the
 * boundary (n = N or m = M) checked below 1e-12, by Gauss-Seidel sweeps of pi Q = 0 until the
 * residual sum_j |(pi Q)_j| / q_max, the L1 norm of pi P - pi for the chain uniformized at
 * q_max, is below 1e-12. From pi, over a long run:
 *   redials per hour          theta E[m]  (= s gamma E[(n - c)+], the orbit's balance)
 *   abandonment per attempt   gamma E[(n - c)+] / (lambda + theta E[m])
 *   P(wait) per attempt       (lambda P(n >= c) + theta E[m; n >= c]) / (lambda + theta E[m])
 * attempts being new arrivals and redials, as the simulation's offered counts them. New
 * arrivals see pi (PASTA); redials come at rate m theta in state (n, m), so they see pi
 * weighted by m, which is why P(wait) is not simply P(n >= c): redials come after congestion
 * and meet more of it. The case: 120 calls/h, 8 agents, AHT 4 min (load 8 erlangs on 8
 * agents before redials), patience 3 min, share 0.5, delay 5 min; the chain gives 13.82
 * redials/h, 0.2065 abandonment per attempt, P(wait) 0.6306 (a direct sparse solve, done once
 * outside the test, agrees to 1e-12). The simulation (60 replications of 200 h after a 3 h
 * warm-up from empty; the chain's time scales are minutes) must hold each within the 99.9 %
 * Student-t interval of its replications. Figures count contacts by arrival, so abandonment misses the contacts
 * still waiting at a replication's end that would have abandoned later: at most about
 * E[(n - c)+] = 1.4 of 26,800 attempts, 5e-5 of abandon_rate, about 1 % of its half-width.
 *
 * For comparison, Erlang X's fixed point (Koole): the attempts taken as one Poisson stream of
 * rate L, solving L = lambda + s L P_ab(L), with P_ab the Erlang A abandonment at rate L
 * (models/erlang.h). It is an approximation, printed beside the chain, not asserted: redials
 * are not Poisson, they come in the wake of congestion and meet more of it, and here it
 * gives 6.5 % fewer redials, 5.9 % less abandonment and 1.3 % less waiting than the chain,
 * each further from it than the simulation's half-width.
 */
struct retrial_chain {
	double lambda, mu, gamma, theta, share; /* per hour */
	int c, n_max, m_max;
	double *pi;                             /* (n_max + 1) x (m_max + 1), pi[n * (m_max + 1) + m] */
};

/* Rate out of (n, m) and the rate into it from the current PI (the terms of pi Q = 0). */
static void retrial_flows(const struct retrial_chain *ch, int n, int m, double *out, double *in)
{
	const int w = ch->m_max + 1, c = ch->c;
	const double *pi = ch->pi;
	double q = (n > c ? n - c : 0) * ch->gamma + (n < c ? n : c) * ch->mu;
	if (n < ch->n_max)
		q += ch->lambda + m * ch->theta;
	double f = 0;
	if (n > 0) {
		f += pi[(n - 1) * w + m] * ch->lambda;
		if (m < ch->m_max)
			f += pi[(n - 1) * w + m + 1] * (m + 1) * ch->theta;
	}
	if (n < ch->n_max) {
		int k = n + 1;
		double ab = (k > c ? k - c : 0) * ch->gamma;
		f += pi[k * w + m] * ((k < c ? k : c) * ch->mu + ab * (m == ch->m_max ? 1 : 1 - ch->share));
		if (m > 0)
			f += pi[k * w + m - 1] * ab * ch->share;
	}
	*out = q;
	*in = f;
}

/* Solves CH's stationary law into CH->pi by Gauss-Seidel; returns the sweeps taken. */
static int retrial_solve(struct retrial_chain *ch)
{
	const int w = ch->m_max + 1, states = (ch->n_max + 1) * w;
	double q_max = ch->lambda + ch->c * ch->mu + (ch->n_max - ch->c) * ch->gamma +
	               ch->m_max * ch->theta;
	for (int i = 0; i < states; i++)
		ch->pi[i] = 1.0 / states;
	for (int sweep = 1; sweep <= 100000; sweep++) {
		double sum = 0, res = 0, out, in;
		for (int n = 0; n <= ch->n_max; n++)
			for (int m = 0; m <= ch->m_max; m++) {
				retrial_flows(ch, n, m, &out, &in);
				sum += ch->pi[n * w + m] = in / out;
			}
		for (int i = 0; i < states; i++)
			ch->pi[i] /= sum;
		for (int n = 0; n <= ch->n_max; n++)
			for (int m = 0; m <= ch->m_max; m++) {
				retrial_flows(ch, n, m, &out, &in);
				res += fabs(in - ch->pi[n * w + m] * out);
			}
		if (res / q_max < 1e-12)
			return sweep;
	}
	fail_msg("Gauss-Seidel did not converge");
	return 0;
}

static void test_redial_retrial_chain(void **state)
{
	(void)state;
	static const char text[] =
		"name = \"ctmc\"; seed = 70913; horizon = \"203h\"; warmup = \"3h\"; interval = \"10h\"; replications = 60;\n"
		"queues = ( { name = \"q\"; arrivals = { per_hour = 120.0; };\n"
		"             handle = { dist = \"exponential\"; mean = \"4m\"; };\n"
		"             patience = { dist = \"exponential\"; mean = \"3m\"; };\n"
		"             redial = { share = 0.5; delay = { dist = \"exponential\"; mean = \"5m\"; }; max = 100; }; } );\n"
		"agents = ( { name = \"x\"; count = 8; skills = [ \"q\" ]; } );\n";
	const double hours = 200;
	struct retrial_chain ch = { .lambda = 120, .mu = 15, .gamma = 20, .theta = 12, .share = 0.5,
	                            .c = 8, .n_max = 60, .m_max = 40 };
	const int w = ch.m_max + 1;
	ch.pi = calloc((size_t)(ch.n_max + 1) * (size_t)w, sizeof *ch.pi);
	int sweeps = retrial_solve(&ch);
	double edge = 0, em = 0, eq = 0, eserved = 0, all_busy = 0, busy_m = 0;
	for (int n = 0; n <= ch.n_max; n++)
		for (int m = 0; m <= ch.m_max; m++) {
			double p = ch.pi[n * w + m];
			if (n == ch.n_max || m == ch.m_max)
				edge += p;
			em += m * p;
			eq += (n > ch.c ? n - ch.c : 0) * p;
			eserved += (n < ch.c ? n : ch.c) * p;
			if (n >= ch.c) {
				all_busy += p;
				busy_m += m * p;
			}
		}
	free(ch.pi);
	double attempts = ch.lambda + ch.theta * em;
	double redials = ch.theta * em, abandon = ch.gamma * eq / attempts;
	double p_wait = (ch.lambda * all_busy + ch.theta * busy_m) / attempts;
	print_message("chain: %d sweeps, boundary mass %.2g, E[m] %.6f, E[(n-c)+] %.6f, P(n >= c) %.6f\n",
	              sweeps, edge, em, eq, all_busy);
	assert_true(edge < 1e-12);
	/* Balances that hold for the stationary law: the orbit's, and attempts = served + left. */
	assert_near(redials, ch.share * ch.gamma * eq, 1e-9 * redials);
	assert_near(attempts, ch.mu * eserved + ch.gamma * eq, 1e-9 * attempts);

	/* Erlang X's fixed point, by iteration from the fresh rate (a contraction here: s P_ab
	 * and its derivative are well below 1). */
	double l_tot = ch.lambda, p_ab = 0, fp_wait = 0;
	int iter;
	for (iter = 0; iter < 200; iter++) {
		struct cc_erlang_input in = { .rate_per_s = l_tot / 3600, .aht_s = 3600 / ch.mu,
		                              .agents = ch.c, .patience_s = 3600 / ch.gamma };
		struct cc_erlang_result out;
		assert_int_equal(cc_erlang_solve(&in, &out), CC_OK);
		p_ab = out.abandon_rate;
		fp_wait = out.p_wait;
		double next = ch.lambda / (1 - ch.share * p_ab);
		if (fabs(next - l_tot) < 1e-12 * next) {
			l_tot = next;
			break;
		}
		l_tot = next;
	}
	assert_true(iter < 200);
	double fp_redials = ch.share * l_tot * p_ab;
	print_message("chain: redials/h %.4f, abandon/attempt %.5f, P(wait) %.5f\n", redials, abandon,
	              p_wait);
	print_message("fixed point: redials/h %.4f (%+.2f %%), abandon %.5f (%+.2f %%), "
	              "P(wait) %.5f (%+.2f %%)\n", fp_redials, 100 * (fp_redials / redials - 1),
	              p_ab, 100 * (p_ab / abandon - 1), fp_wait, 100 * (fp_wait / p_wait - 1));

	struct cc_scenario scn;
	struct cc_run run;
	tu_run_text(text, NULL, 0, &scn, &run, NULL);
	const char *names[] = { "redials", "abandon_rate", "p_wait" };
	const double expected[] = { redials, abandon, p_wait };
	const double fixed[] = { fp_redials, p_ab, fp_wait };
	double x[60], mean, half;
	assert_int_equal(run.replications, 60);
	for (size_t i = 0; i < 3; i++) {
		for (size_t r = 0; r < run.replications; r++)
			x[r] = tu_total_of(&run, CC_FIG_QUEUE, names[i], r, 0) / (i == 0 ? hours : 1);
		mean_ci_at(x, run.replications, 0.999, &mean, &half);
		print_message("simulated %s %.5f +- %.5f (99.9 %%), chain %.5f, fixed point %.5f\n",
		              names[i], mean, half, expected[i], fixed[i]);
		assert_true(fabs(mean - expected[i]) <= half);
	}
	tu_done(&scn, &run, NULL);
}

static const char base[] =
	"name = \"bad\"; horizon = \"1h\";\n"
	"queues = ( { name = \"a\"; arrivals = { per_hour = 10.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"3m\"; };\n"
	"             REDIAL },\n"
	"           { name = \"c\"; channel = \"chat\"; arrivals = { per_hour = 10.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"3m\"; }; },\n"
	"           { name = \"e\"; channel = \"email\"; arrivals = { per_hour = 10.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"3m\"; }; EMAIL } );\n"
	"agents = ( { name = \"x\"; count = 2; skills = [ \"a\", \"c\", \"e\" ]; } );\n";

/* BASE with REDIAL and EMAIL replaced fails to load, with MSG in the error. */
static void expect_error(const char *redial, const char *email, const char *msg)
{
	char a[2048], b[2048];
	tu_edit(a, sizeof a, base, "REDIAL", redial);
	tu_edit(b, sizeof b, a, "EMAIL", email);
	struct cc_scenario scn;
	char err[1024] = "";
	enum cc_status st = tu_load(b, NULL, 0, &scn, err, sizeof err);
	if (st != CC_ERR_SCENARIO || !strstr(err, msg))
		fail_msg("expected \"%s\", got \"%s\"", msg, err);
}

static void test_redial_bad_settings_refused(void **state)
{
	(void)state;
	const char *d = "delay = { dist = \"exponential\"; mean = \"5m\"; };";
	char s[512];
	snprintf(s, sizeof s, "redial = { share = 1.5; %s };", d);
	expect_error(s, "", ":4: queues.[0].redial.share: must be a share from 0 to 1 (got 1.5)");
	expect_error("redial = { share = 0.4; };", "", ":4: queues.[0].redial.delay: missing");
	snprintf(s, sizeof s, "redial = { share = 0.4; %s max = 0; };", d);
	expect_error(s, "", ":4: queues.[0].redial.max:");
	snprintf(s, sizeof s, "redial = { share = 0.4; %s queue = \"zz\"; };", d);
	expect_error(s, "", ":4: queues.[0].redial.queue: no queue is named \"zz\"");
	snprintf(s, sizeof s, "redial = { share = 0.4; %s queue = \"c\"; };", d);
	expect_error(s, "", ":4: queues.[0].redial.queue: queue \"c\" is a chat queue: a voice customer calls again on the same channel");
	snprintf(s, sizeof s, "redial = { share = 0.4; %s when = 1; };", d);
	expect_error(s, "", ":4: queues.[0].redial.when: unknown setting");
	expect_error("balk = { share = -0.1; };", "", ":4: queues.[0].balk.share: must be a share");
	expect_error("balk = { threshold = \"1m\"; };", "", ":4: queues.[0].balk.share: missing");
	expect_error("balk = { share = 0.1; threshold = \"soon\"; };", "", ":4: queues.[0].balk.threshold:");
	expect_error("balk = { share = 0.1; estimate = \"guess\"; };", "",
	             ":4: queues.[0].balk.estimate: unknown estimate \"guess\"");
	expect_error("capacity = -1;", "", ":4: queues.[0].capacity:");
	expect_error("capacity = 2.5;", "", ":4: queues.[0].capacity:");
	expect_error("", "capacity = 3;", ":8: queues.[2].capacity: email contacts wait without hanging up (deferrable): capacity is for voice and chat queues only");
	expect_error("", "balk = { share = 0.2; };", "queues.[2].balk: email contacts wait without hanging up");
	snprintf(s, sizeof s, "redial = { share = 0.2; %s };", d);
	expect_error("", s, "queues.[2].redial: email contacts wait without hanging up");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_redial_conserves_counts),
		cmocka_unit_test(test_redial_records_linked),
		cmocka_unit_test(test_redial_capacity_zero_is_erlang_b),
		cmocka_unit_test(test_redial_capacity_k_is_mmck),
		cmocka_unit_test(test_redial_balking_is_birth_death),
		cmocka_unit_test(test_redial_counts_are_truncated_geometric),
		cmocka_unit_test(test_redial_fixed_point_load_independent),
		cmocka_unit_test(test_redial_retrial_chain),
		cmocka_unit_test(test_redial_bad_settings_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
