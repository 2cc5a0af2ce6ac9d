#include "testutil.h"

#include "models/erlang.h"

/* Beside testutil.h's assert_near: relative tolerances, probabilities, finite values. */
#define assert_rel(actual, expected, tol)                                                    \
	assert_near((actual), (expected), (tol) * fabs(expected))

#define assert_probability(value)                                                            \
	do {                                                                                 \
		double value_ = (value);                                                     \
		if (!(value_ >= 0.0 && value_ <= 1.0))                                       \
			fail_msg("%s = %.12g is not a probability", #value, value_);         \
	} while (0)

#define assert_finite(value)                                                                 \
	do {                                                                                 \
		double value_ = (value);                                                     \
		if (!isfinite(value_))                                                       \
			fail_msg("%s = %g is not finite", #value, value_);                   \
	} while (0)

static struct cc_erlang_input input(double rate, double aht, int agents, double patience,
				    double threshold)
{
	return (struct cc_erlang_input){
		.rate_per_s = rate,
		.aht_s = aht,
		.agents = agents,
		.patience_s = patience,
		.threshold_s = threshold,
	};
}

static struct cc_erlang_result solve(struct cc_erlang_input in)
{
	struct cc_erlang_result out;
	assert_int_equal(cc_erlang_solve(&in, &out), CC_OK);
	return out;
}

static void assert_all_finite(const struct cc_erlang_result *r)
{
	assert_finite(r->load_erlangs);
	assert_probability(r->erlang_b);
	assert_probability(r->p_wait);
	assert_probability(r->service_level);
	assert_probability(r->abandon_rate);
	assert_probability(r->occupancy);
	assert_finite(r->asa_s);
	assert_finite(r->mean_wait_s);
	assert_finite(r->mean_queue_length);
	assert_true(r->asa_s >= 0.0);
	assert_true(r->mean_wait_s >= 0.0);
	assert_true(r->mean_queue_length >= 0.0);
}

/* Textbook Erlang B tables (four printed decimals). */
static void test_erlang_b_textbook(void **state)
{
	(void)state;
	assert_near(cc_erlang_b(10.0, 10), 0.2146, 5e-5);
	assert_near(cc_erlang_b(2.0, 5), 0.0367, 5e-5);
	assert_near(cc_erlang_b(5.0, 10), 0.0184, 5e-5);
	assert_near(cc_erlang_b(1.0, 1), 0.5, 1e-15);
	/* B(A, 2) = A^2 / 2 / (1 + A + A^2 / 2), from the definition. */
	double a = 2.385;
	assert_near(cc_erlang_b(a, 2), a * a / 2.0 / (1.0 + a + a * a / 2.0), 1e-15);
}

static void test_erlang_b_edges(void **state)
{
	(void)state;
	assert_near(cc_erlang_b(0.0, 7), 0.0, 0.0);
	assert_near(cc_erlang_b(3.17, 0), 1.0, 0.0);
	assert_near(cc_erlang_b(INFINITY, 12), 1.0, 0.0);
	/* A lightly loaded large group underflows to zero instead of overflowing. */
	double b = cc_erlang_b(0.731, 3000);
	assert_true(b >= 0.0 && b < 1e-300);
	assert_true(isnan(cc_erlang_b(-0.5, 3)));
	assert_true(isnan(cc_erlang_b(NAN, 3)));
	assert_true(isnan(cc_erlang_b(2.5, -1)));
}

static void test_erlang_c_function(void **state)
{
	(void)state;
	assert_near(cc_erlang_c(10.0, 14), 0.1741, 5e-5);
	assert_near(cc_erlang_c(10.0, 11), 0.6821, 5e-5);
	/* C(A, 1) = A for the single-server queue. */
	assert_near(cc_erlang_c(0.4137, 1), 0.4137, 1e-15);
	assert_near(cc_erlang_c(14.0, 14), 1.0, 0.0);
	assert_near(cc_erlang_c(17.3, 14), 1.0, 0.0);
	assert_near(cc_erlang_c(0.0, 5), 0.0, 0.0);
	assert_true(isnan(cc_erlang_c(-1.5, 3)));
	assert_true(isnan(cc_erlang_c(NAN, 3)));
}

/* 100 calls per half hour, 3-minute handle time, 80/20 target: the usual worked example. */
static void test_erlang_c_published(void **state)
{
	(void)state;
	double rate = 100.0 / 1800.0;
	struct cc_erlang_result r = solve(input(rate, 180.0, 14, INFINITY, 20.0));
	assert_near(r.load_erlangs, 10.0, 1e-12);
	assert_int_equal(r.stable, 1);
	assert_near(r.p_wait, 0.1741, 5e-5);
	assert_near(r.service_level, 0.8884, 5e-5);
	assert_near(r.asa_s, 7.84, 5e-3);
	assert_near(r.mean_wait_s, r.asa_s, 0.0);
	assert_near(r.abandon_rate, 0.0, 0.0);
	assert_near(r.occupancy, 10.0 / 14.0, 1e-15);
	assert_rel(r.mean_queue_length, rate * r.asa_s, 1e-15);
	assert_near(r.erlang_b, cc_erlang_b(10.0, 14), 0.0);

	r = solve(input(rate, 180.0, 11, 0.0, 20.0));
	assert_near(r.p_wait, 0.6821, 5e-5);
}

static void test_erlang_c_unstable(void **state)
{
	(void)state;
	struct cc_erlang_result r = solve(input(0.0813, 172.4, 14, INFINITY, 20.0));
	assert_int_equal(r.stable, 0);
	assert_near(r.p_wait, 1.0, 0.0);
	assert_near(r.service_level, 0.0, 0.0);
	assert_true(isinf(r.asa_s) && isinf(r.mean_wait_s) && isinf(r.mean_queue_length));
	assert_near(r.occupancy, 1.0, 0.0);
	assert_near(r.abandon_rate, 0.0, 0.0);
	assert_rel(r.load_erlangs, 0.0813 * 172.4, 1e-15);
	assert_probability(r.erlang_b);
}

/* The threshold's two ends: T = 0 counts only the unqueued, T = infinity every answer. */
static void test_erlang_threshold_limits(void **state)
{
	(void)state;
	struct cc_erlang_result r = solve(input(0.0617, 203.9, 15, INFINITY, 0.0));
	assert_near(r.service_level, 1.0 - r.p_wait, 1e-15);
	r = solve(input(0.0617, 203.9, 15, INFINITY, INFINITY));
	assert_near(r.service_level, 1.0, 0.0);

	r = solve(input(0.0617, 203.9, 11, 187.3, 0.0));
	assert_near(r.service_level, 1.0 - r.p_wait, 1e-14);
	r = solve(input(0.0617, 203.9, 11, 187.3, INFINITY));
	assert_near(r.service_level, 1.0 - r.abandon_rate, 1e-14);
}

static void assert_matches_erlang_c(struct cc_erlang_input in, double patience, double tol)
{
	struct cc_erlang_result c = solve(in);
	in.patience_s = patience;
	struct cc_erlang_result a = solve(in);
	assert_int_equal(a.stable, 1);
	assert_near(a.p_wait, c.p_wait, tol);
	assert_near(a.service_level, c.service_level, tol);
	assert_near(a.abandon_rate, 0.0, tol);
	assert_near(a.occupancy, c.occupancy, tol);
	assert_rel(a.asa_s, c.asa_s, tol);
	assert_rel(a.mean_wait_s, c.mean_wait_s, tol);
	assert_rel(a.mean_queue_length, c.mean_queue_length, tol);
	assert_near(a.erlang_b, c.erlang_b, 0.0);
}

static void test_erlang_a_long_patience_matches_c(void **state)
{
	(void)state;
	assert_matches_erlang_c(input(100.0 / 1800.0, 180.0, 14, INFINITY, 20.0), 1e9, 1e-6);
	assert_matches_erlang_c(input(0.0731, 207.3, 19, INFINITY, 23.7), 1e9, 1e-6);
	assert_matches_erlang_c(input(1.913, 31.7, 64, INFINITY, 9.4), 1e9, 1e-6);
	assert_matches_erlang_c(input(0.2417, 412.6, 112, INFINITY, 61.3), 1e9, 1e-6);
	/*
	 * Close to critical load (99.7 erlangs on 103 agents) the queue is long enough that a
	 * patience of 1e9 s still shifts the ASA by about 1e-5 relative, a true effect of
	 * abandonment; a patience of 1e15 s must match to 1e-9.
	 */
	assert_matches_erlang_c(input(0.2417, 412.6, 103, INFINITY, 61.3), 1e15, 1e-9);
}

/* A patience far below the handle time turns the queue into the loss system of Erlang B. */
static void test_erlang_a_impatient_is_erlang_b(void **state)
{
	(void)state;
	struct cc_erlang_input in = input(0.0913, 188.2, 16, 1e-7, 20.0);
	struct cc_erlang_result r = solve(in);
	assert_rel(r.abandon_rate, r.erlang_b, 1e-6);
	assert_rel(r.p_wait, r.erlang_b, 1e-6);
	assert_rel(r.occupancy, r.load_erlangs * (1.0 - r.erlang_b) / 16.0, 1e-6);

	/* A subnormal patience makes theta infinite; the limit must still come out. */
	in.patience_s = 1e-320;
	r = solve(in);
	assert_all_finite(&r);
	assert_rel(r.abandon_rate, r.erlang_b, 1e-12);
	assert_near(r.mean_queue_length, 0.0, 1e-300);
}

static void test_erlang_a_monotone(void **state)
{
	(void)state;
	struct cc_erlang_result prev = {0};
	for (int c = 11; c <= 26; c++) {
		struct cc_erlang_input in = input(0.0731, 207.3, c, 142.7, 18.5);
		struct cc_erlang_result r = solve(in);
		assert_all_finite(&r);
		if (c > 11) {
			assert_true(r.abandon_rate < prev.abandon_rate);
			assert_true(r.asa_s < prev.asa_s);
			assert_true(r.service_level > prev.service_level);
			assert_true(r.p_wait < prev.p_wait);
		}
		in.patience_s = INFINITY;
		struct cc_erlang_result c_only = solve(in);
		if (c_only.stable)
			assert_true(r.asa_s < c_only.asa_s);
		prev = r;
	}
}

/*
 * An independent computation of the same figures: the stationary distribution from the
 * truncated chain summed directly, then the queue-position chain (with its served and
 * abandoned sinks) integrated by classical Runge-Kutta from the arrival distribution.
 */
enum { bf_positions = 150, bf_max_agents = 16 };

struct bf_state {
	double v[bf_positions + 1]; /* v[k]: mass at queue position k (1-based) */
	double served;              /* mass answered so far */
	double abandoned;           /* mass abandoned so far */
	double served_time;         /* integral of t d(served) */
};

static void bf_derivative(const struct bf_state *y, double t, double c_mu, double theta,
			  struct bf_state *dy)
{
	double queued = 0.0;
	for (int k = 1; k <= bf_positions; k++) {
		double out = (c_mu + k * theta) * y->v[k];
		double in = k < bf_positions ? (c_mu + k * theta) * y->v[k + 1] : 0.0;
		dy->v[k] = in - out;
		queued += y->v[k];
	}
	dy->v[0] = 0.0;
	dy->served = c_mu * y->v[1];
	dy->abandoned = theta * queued;
	dy->served_time = t * c_mu * y->v[1];
}

static void bf_axpy(struct bf_state *out, const struct bf_state *y, double h,
		    const struct bf_state *dy)
{
	for (int k = 0; k <= bf_positions; k++)
		out->v[k] = y->v[k] + h * dy->v[k];
	out->served = y->served + h * dy->served;
	out->abandoned = y->abandoned + h * dy->abandoned;
	out->served_time = y->served_time + h * dy->served_time;
}

static void bf_rk4_step(struct bf_state *y, double t, double h, double c_mu, double theta)
{
	struct bf_state k1, k2, k3, k4, tmp;
	bf_derivative(y, t, c_mu, theta, &k1);
	bf_axpy(&tmp, y, h / 2.0, &k1);
	bf_derivative(&tmp, t + h / 2.0, c_mu, theta, &k2);
	bf_axpy(&tmp, y, h / 2.0, &k2);
	bf_derivative(&tmp, t + h / 2.0, c_mu, theta, &k3);
	bf_axpy(&tmp, y, h, &k3);
	bf_derivative(&tmp, t + h, c_mu, theta, &k4);
	for (int k = 0; k <= bf_positions; k++)
		y->v[k] += h / 6.0 * (k1.v[k] + 2.0 * k2.v[k] + 2.0 * k3.v[k] + k4.v[k]);
	y->served += h / 6.0 * (k1.served + 2.0 * k2.served + 2.0 * k3.served + k4.served);
	y->abandoned += h / 6.0 * (k1.abandoned + 2.0 * k2.abandoned + 2.0 * k3.abandoned +
				   k4.abandoned);
	y->served_time += h / 6.0 * (k1.served_time + 2.0 * k2.served_time +
				     2.0 * k3.served_time + k4.served_time);
}

static void assert_matches_brute_force(struct cc_erlang_input in)
{
	const double lambda = in.rate_per_s, aht = in.aht_s, patience = in.patience_s;
	const int c = in.agents;
	const double mu = 1.0 / aht, theta = 1.0 / patience, c_mu = c * mu;

	/* Stationary distribution of the number in system, truncated far into the tail. */
	double pi[bf_max_agents + bf_positions + 1];
	const int states = c + bf_positions + 1;
	assert_true(c <= bf_max_agents);
	double total = 0.0;
	pi[0] = 1.0;
	for (int n = 1; n < states; n++) {
		double death = n <= c ? n * mu : c_mu + (n - c) * theta;
		pi[n] = pi[n - 1] * lambda / death;
	}
	for (int n = 0; n < states; n++)
		total += pi[n];
	double p_no_wait = 0.0, queue = 0.0;
	for (int n = 0; n < states; n++) {
		pi[n] /= total;
		if (n < c)
			p_no_wait += pi[n];
		else
			queue += (n - c) * pi[n];
	}
	/* The truncation must not matter at the precision asked below. */
	assert_true(pi[states - 1] < 1e-30);

	/*
	 * The step is chosen so that T falls on a step boundary; the horizon is long enough for
	 * the slowest position (rate c mu + theta) to empty to 1e-25.
	 */
	struct bf_state y = {.served = 0.0};
	for (int k = 1; k <= bf_positions; k++)
		y.v[k] = pi[c + k - 1];
	const int steps_to_thr = 400;
	const double h = in.threshold_s / steps_to_thr;
	const int steps = (int)(58.0 / (c_mu + theta) / h) + 1;
	double served_by_thr = 0.0;
	for (int i = 0; i < steps; i++) {
		bf_rk4_step(&y, i * h, h, c_mu, theta);
		if (i + 1 == steps_to_thr)
			served_by_thr = y.served;
	}
	double p_served = p_no_wait + y.served;

	struct cc_erlang_result r = solve(in);
	assert_all_finite(&r);
	assert_near(r.p_wait, 1.0 - p_no_wait, 1e-12);
	assert_rel(r.mean_queue_length, queue, 1e-10);
	assert_near(r.service_level, p_no_wait + served_by_thr, 1e-9);
	assert_near(r.abandon_rate, y.abandoned, 1e-9);
	assert_near(r.abandon_rate + p_served, 1.0, 1e-9);
	assert_rel(r.asa_s, y.served_time / p_served, 1e-9);
	assert_rel(r.occupancy, lambda * aht * p_served / c, 1e-9);
}

static void test_erlang_a_brute_force(void **state)
{
	(void)state;
	/* Overloaded (9 erlangs on 7 agents), as only Erlang A allows. */
	assert_matches_brute_force(input(0.05, 180.0, 7, 300.0, 20.0));
	/* Lightly loaded, patience shorter than the handle time, a long threshold. */
	assert_matches_brute_force(input(0.0213, 151.7, 4, 47.3, 33.1));
}

/* Conservation laws that hold for every M/M/c+M queue. */
static void test_erlang_a_identities(void **state)
{
	(void)state;
	const struct cc_erlang_input cases[] = {
		input(0.05, 180.0, 7, 300.0, 20.0),
		input(0.0731, 207.3, 17, 142.7, 23.7),
		input(1.913, 31.7, 52, 57.1, 9.4),
		input(0.2417, 412.6, 103, 1873.2, 61.3),
		input(4.19, 261.3, 811, 96.4, 15.0),
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cc_erlang_input in = cases[i];
		struct cc_erlang_result r = solve(in);
		assert_all_finite(&r);
		double theta = 1.0 / in.patience_s;
		double p_served = r.occupancy * in.agents / r.load_erlangs;
		/* Abandonments per second equal theta times the mean number waiting. */
		assert_rel(in.rate_per_s * r.abandon_rate, theta * r.mean_queue_length, 1e-10);
		assert_near(r.abandon_rate + p_served, 1.0, 1e-12);
		/* Little's law over all arrivals. */
		assert_rel(r.mean_wait_s * in.rate_per_s, r.mean_queue_length, 1e-14);
		assert_true(r.service_level <= p_served + 1e-15);
		assert_true(r.service_level >= 1.0 - r.p_wait - 1e-15);
		/* E[W 1{served}] <= E[W], so ASA <= mean wait / P(served). */
		assert_true(r.asa_s <= r.mean_wait_s / (1.0 - r.abandon_rate) + 1e-12);
	}
}

static void test_erlang_large(void **state)
{
	(void)state;
	double aht = 240.7;
	struct cc_erlang_result r = solve(input(4950.0 / aht, aht, 5000, 173.9, 20.0));
	assert_all_finite(&r);
	assert_rel(r.load_erlangs, 4950.0, 1e-14);
	assert_true(r.p_wait > 0.0 && r.abandon_rate > 0.0);

	/* Overloaded: the weights above c grow by many orders of magnitude before turning. */
	r = solve(input(5400.0 / aht, aht, 5000, 612.3, 20.0));
	assert_all_finite(&r);
	assert_true(r.abandon_rate > 0.05 && r.occupancy > 0.99);

	/* Long patience at critical load needs a long queue of states. */
	r = solve(input(5000.0 / aht, aht, 5000, 3.7e5, 20.0));
	assert_all_finite(&r);

	r = solve(input(1990.0 / 183.2, 183.2, 2000, INFINITY, 20.0));
	assert_all_finite(&r);
	assert_int_equal(r.stable, 1);
	assert_true(r.p_wait > 0.0 && r.p_wait < 1.0);
}

static void test_erlang_errors(void **state)
{
	(void)state;
	const double rate = 0.0617, aht = 203.9, patience = 187.3, thr = 20.0;
	const int c = 15;
	const struct cc_erlang_input bad[] = {
		input(0.0, aht, c, patience, thr),
		input(-0.37, aht, c, patience, thr),
		input(NAN, aht, c, patience, thr),
		input(INFINITY, aht, c, patience, thr),
		input(rate, 0.0, c, patience, thr),
		input(rate, -12.5, c, patience, thr),
		input(rate, NAN, c, patience, thr),
		input(rate, INFINITY, c, patience, thr),
		input(rate, aht, 0, patience, thr),
		input(rate, aht, -3, patience, thr),
		input(rate, aht, c, -4.5, thr),
		input(rate, aht, c, -INFINITY, thr),
		input(rate, aht, c, NAN, thr),
		input(rate, aht, c, patience, -0.25),
		input(rate, aht, c, patience, NAN),
		/* A finite rate and handle time whose product, the load, overflows. */
		input(3e200, 7e200, c, patience, thr),
		/* A queue of some 10^10 patient contacts under overload is beyond the exact method. */
		input(0.15, aht, c, 2.3e11, thr),
	};
	solve(input(rate, aht, c, patience, thr));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct cc_erlang_result out;
		if (cc_erlang_solve(&bad[i], &out) != CC_ERR_RANGE)
			fail_msg("bad input %zu was accepted", i);
	}

	/* Zero and infinite patience are both Erlang C. */
	struct cc_erlang_result zero = solve(input(rate, aht, c, 0.0, thr));
	struct cc_erlang_result inf = solve(input(rate, aht, c, INFINITY, thr));
	assert_near(zero.asa_s, inf.asa_s, 0.0);
	assert_near(zero.abandon_rate, 0.0, 0.0);
}

/* The fewest agents for a target: 10 erlangs (100 calls in 30 minutes, 3-minute AHT) need
 * 14 agents under Erlang C for 80 % in 20 s (13 give 79.56 %), 12 under Erlang A with 3
 * minutes' patience (80.23 %); ASA, abandonment and occupancy bind as well; an unreachable
 * target returns 0. Each answer's level below fails, so it is the fewest. */
static void test_erlang_agents_for_target(void **state)
{
	(void)state;
	struct cc_erlang_input in = { 100.0 / 1800, 180, 0, INFINITY, 20 };
	struct cc_erlang_result r, below;
	struct cc_erlang_target sl = { 0.80, NAN, NAN, NAN };
	assert_int_equal(cc_erlang_agents_for(&in, &sl, 100, &r), 14);
	assert_near(r.service_level, 0.8884, 1e-4);
	in.agents = 13;
	assert_int_equal(cc_erlang_solve(&in, &below), CC_OK);
	assert_true(below.service_level < 0.80);
	struct cc_erlang_input a = in;
	a.patience_s = 180;
	assert_int_equal(cc_erlang_agents_for(&a, &sl, 100, &r), 12);
	assert_near(r.service_level, 0.8023, 1e-4);
	struct cc_erlang_target asa = { NAN, 8.0, NAN, NAN };      /* 14 give 7.84 s */
	assert_int_equal(cc_erlang_agents_for(&in, &asa, 100, &r), 14);
	struct cc_erlang_target occ = { NAN, NAN, NAN, 0.70 };     /* 15 give 0.667 */
	assert_int_equal(cc_erlang_agents_for(&in, &occ, 100, &r), 15);
	struct cc_erlang_target ab = { NAN, NAN, 0.04, NAN };      /* 13 give 3.22 % */
	assert_int_equal(cc_erlang_agents_for(&a, &ab, 100, &r), 13);
	assert_int_equal(cc_erlang_agents_for(&in, &sl, 13, &r), 0);
	/* A tiny load: one agent does. */
	struct cc_erlang_input tiny = { 1.0 / 3600, 60, 0, INFINITY, 20 };
	assert_int_equal(cc_erlang_agents_for(&tiny, &sl, 100, &r), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_erlang_b_textbook),
		cmocka_unit_test(test_erlang_agents_for_target),
		cmocka_unit_test(test_erlang_b_edges),
		cmocka_unit_test(test_erlang_c_function),
		cmocka_unit_test(test_erlang_c_published),
		cmocka_unit_test(test_erlang_c_unstable),
		cmocka_unit_test(test_erlang_threshold_limits),
		cmocka_unit_test(test_erlang_a_long_patience_matches_c),
		cmocka_unit_test(test_erlang_a_impatient_is_erlang_b),
		cmocka_unit_test(test_erlang_a_monotone),
		cmocka_unit_test(test_erlang_a_brute_force),
		cmocka_unit_test(test_erlang_a_identities),
		cmocka_unit_test(test_erlang_large),
		cmocka_unit_test(test_erlang_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
