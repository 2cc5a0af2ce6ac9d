#include "models/erlang.h"

#include <math.h>
#include <stddef.h>

/*
 * Erlang A is solved exactly on the birth-death chain of the number in system, one state at
 * a time and without storing the states. States below c never need to be visited: their
 * ratios are those of the loss system M/M/c/c, so their total mass is P(state c) (1 - B) / B
 * with B the Erlang B value. States c + k (k >= 0) are visited in order with their weight
 * t_k = P(state c + k) / P(state c); the first pass accumulates every figure unnormalised,
 * and one division at the end turns the sums into probabilities.
 *
 * An arrival that finds c + k - 1 contacts in the system takes queue position k. From
 * position j it leaves at rate c mu + j theta, to position j - 1 (or to an agent) with
 * probability (c mu + (j - 1) theta) / (c mu + j theta), otherwise by abandoning. The product
 * of these telescopes, so P(served | k) = c mu / (c mu + k theta) = 1 / (1 + k x) with
 * x = theta / (c mu). The time S_k to leave positions k..1 is a sum of independent
 * exponentials with rates c mu + j theta, j = 1..k, whichever event ends each phase.
 *
 * Because those rates form an arithmetic progression, with m = c mu / theta the variable
 * exp(-theta S_k) is Beta(m + 1, k) distributed (compare Laplace transforms). Hence
 * P(S_k > T) = I_q(m + 1, k) with q = exp(-theta T), and the recurrence of the incomplete
 * beta function in its second argument gives P(S_k > T) = F_k = d_0 + ... + d_(k-1), where
 * d_i = C(m + i, i) q^(m + 1) p^i, p = 1 - q, is a negative binomial probability. Every term
 * is positive, so F_k is built for all k at once in one forward pass with no cancellation,
 * unlike the alternating partial-fraction formula for hypoexponential sums. The ratio
 * d_(i+1) / d_i = p + c mu phi / (i + 1), with phi = p / theta, stays finite whether the
 * patience is tiny or huge, and tends to the Poisson ratio c mu T / (i + 1) of Erlang C.
 */

/*
 * The Erlang A pass visits one state per iteration, so its cost grows with the queue that
 * long patience and overload build up (about (lambda - c mu) times the mean patience
 * contacts). Beyond this many states (some 0.2 s of work) the inputs are reported as out of
 * range rather than left running.
 */
static const long max_queue_states = 40000000L;

/*
 * The pass stops once a bound on the rest of sum_k (k + 1) t_k is this small relative to
 * the part already summed. Weighting by k + 1 makes the queue length and the abandonment
 * (which the tail feeds most) as precise as the probabilities.
 */
static const double tail_tolerance = 1e-17;

/*
 * The weights t_k grow without bound under overload before the abandonments turn them
 * round, so the pass rescales them (and every sum) by 2^-rescale_bits whenever they pass
 * 2^rescale_bits, counting the rescalings.
 */
enum { rescale_bits = 600 };

/* Below this, exp() of a log-probability would underflow; such terms are kept as logarithms. */
static const double log_underflow = -708.0;

/* Unnormalised sums over queue positions k >= 1, whose weight is w_k = t_(k-1). */
struct erlang_a_sums {
	double mass;           /* sum t_k over k >= 0: P(wait) / P(state c) */
	double queue;          /* sum k t_k: mean queue length / P(state c) */
	double served;         /* sum w_k P(served | k) */
	double abandoned;      /* sum w_k P(abandon | k) */
	double served_wait;    /* sum w_k E[W 1{served} | k] */
	double served_in_time; /* sum w_k P(served and W <= T | k) */
	int rescales;          /* the true sums are these times 2^(rescale_bits * rescales) */
};

static int is_valid_input(const struct cc_erlang_input *in)
{
	/* The comparisons are written so that NaN fails each of them. */
	if (!(in->rate_per_s > 0.0) || !isfinite(in->rate_per_s))
		return 0;
	if (!(in->aht_s > 0.0) || !isfinite(in->aht_s))
		return 0;
	if (in->agents < 1)
		return 0;
	if (!(in->patience_s >= 0.0))
		return 0;
	if (!(in->threshold_s >= 0.0))
		return 0;
	/* A finite rate and handle time can still overflow into an infinite load. */
	if (!isfinite(in->rate_per_s * in->aht_s))
		return 0;
	return 1;
}

double cc_erlang_b(double load, int agents)
{
	/* There is no status to return here, so a load outside the domain gives NaN. */
	if (!(load >= 0.0) || agents < 0)
		return NAN;
	if (isinf(load))
		return 1.0;
	/*
	 * The recursion only multiplies and divides positive numbers of moderate size, unlike
	 * A^c / c!, which overflows for a few hundred agents. Once B underflows to zero it stays
	 * there, so the loop can stop early for lightly loaded large groups.
	 */
	double b = 1.0;
	for (int n = 1; n <= agents && b > 0.0; n++)
		b = load * b / (n + load * b);
	return b;
}

double cc_erlang_c(double load, int agents)
{
	if (!(load >= 0.0) || agents < 0)
		return NAN;
	if (load >= agents)
		return 1.0;
	double b = cc_erlang_b(load, agents);
	/*
	 * c - A is formed first: it is exact when the load is close to the agent count (Sterbenz),
	 * which is where the denominator is smallest.
	 */
	return agents * b / ((agents - load) + load * b);
}

static void solve_erlang_c(const struct cc_erlang_input *in, double load, double erlang_b,
			   struct cc_erlang_result *out)
{
	double c = in->agents;
	out->abandon_rate = 0.0;
	if (load >= c) {
		out->stable = 0;
		out->p_wait = 1.0;
		out->service_level = 0.0;
		out->asa_s = INFINITY;
		out->mean_wait_s = INFINITY;
		out->mean_queue_length = INFINITY;
		out->occupancy = 1.0;
		return;
	}
	double p_wait = c * erlang_b / ((c - load) + load * erlang_b);
	/* The spare capacity c mu - lambda, in contacts per second. */
	double spare = (c - load) / in->aht_s;
	double wait = p_wait / spare;
	out->stable = 1;
	out->p_wait = p_wait;
	/* The wait of those who queue is exponential with rate c mu - lambda. */
	out->service_level = 1.0 - p_wait * exp(-spare * in->threshold_s);
	/* Nobody abandons, so the answered contacts are all the contacts. */
	out->asa_s = wait;
	out->mean_wait_s = wait;
	out->mean_queue_length = in->rate_per_s * wait;
	out->occupancy = load / c;
}

static void rescale_sums(struct erlang_a_sums *s, double *weight)
{
	double f = ldexp(1.0, -rescale_bits);
	*weight *= f;
	s->mass *= f;
	s->queue *= f;
	s->served *= f;
	s->abandoned *= f;
	s->served_wait *= f;
	s->served_in_time *= f;
	s->rescales++;
}

/*
 * Walks the states c, c + 1, ... accumulating the sums described at the top of this file.
 * Returns CC_ERR_RANGE when the queue would need more than max_queue_states states.
 */
static enum cc_status sum_queue_states(const struct cc_erlang_input *in, struct erlang_a_sums *s)
{
	double lambda = in->rate_per_s;
	double patience = in->patience_s;
	double t_thr = in->threshold_s;
	double c_mu = in->agents / in->aht_s;
	/*
	 * theta may be infinite for a subnormal patience; every expression below stays defined
	 * then (all queued contacts abandon at once), so no special case is needed.
	 */
	double theta = 1.0 / patience;
	double x = in->aht_s / (in->agents * patience);

	/*
	 * The weights peak near k = (lambda - c mu) / theta. Refusing at once when even the
	 * peak lies beyond the state budget saves a long walk that could only fail.
	 */
	if ((lambda - c_mu) * patience > (double)max_queue_states)
		return CC_ERR_RANGE;

	/* Terms of the negative binomial sum F_k = P(S_k > T); see the top of this file. */
	double p = -expm1(-t_thr / patience);
	double c_mu_phi = c_mu * (p * patience);
	double log_d = -(c_mu * t_thr + t_thr / patience);
	double d = log_d >= log_underflow ? exp(log_d) : 0.0;
	double f = 0.0;

	double weight = 1.0; /* t_(k-1), the weight of arriving at position k */
	double head = 0.0;   /* sum (k + 1) t_k so far, for the stopping rule */
	double exit_time = 0.0; /* sum over j <= k of 1 / (c mu + j theta) */
	*s = (struct erlang_a_sums){0};

	for (long k = 1;; k++) {
		if (k > max_queue_states)
			return CC_ERR_RANGE;
		double kd = (double)k;

		double inv_exit = 1.0 / (c_mu + kd * theta);
		exit_time += inv_exit;
		double kx = kd * x;
		double served = 1.0 / (1.0 + kx);
		/* The two forms keep full relative precision on either side of one half. */
		double abandoned = kx <= 1.0 ? kx * served : 1.0 - served;

		f += d;
		double in_time = f < 1.0 ? 1.0 - f : 0.0;

		s->mass += weight;
		s->queue += (kd - 1.0) * weight;
		s->served += weight * served;
		s->abandoned += weight * abandoned;
		s->served_wait += weight * served * exit_time;
		s->served_in_time += weight * served * in_time;
		head += kd * weight;

		/* Next term of the negative binomial sum, d_k = d_(k-1) (p + c mu phi / k). */
		double ratio = p + c_mu_phi / kd;
		if (log_d < log_underflow) {
			log_d += log(ratio);
			d = log_d >= log_underflow ? exp(log_d) : 0.0;
		} else {
			d *= ratio;
		}

		/* Next weight, t_k = t_(k-1) lambda / (c mu + k theta). */
		double rho = lambda * inv_exit;
		weight *= rho;
		if (weight > ldexp(1.0, rescale_bits)) {
			rescale_sums(s, &weight);
			head *= ldexp(1.0, -rescale_bits);
		}
		if (weight == 0.0)
			break;
		/*
		 * Once rho < 1 every later ratio is smaller still, so the rest of
		 * sum (i + 1) t_i is at most t_k sum_j (k + 1 + j) rho^j.
		 */
		if (rho < 1.0) {
			double gap = 1.0 - rho;
			double tail = weight * ((kd + 1.0) / gap + rho / (gap * gap));
			if (tail <= tail_tolerance * head)
				break;
		}
	}
	return CC_OK;
}

static enum cc_status solve_erlang_a(const struct cc_erlang_input *in, double load,
				     double erlang_b, struct cc_erlang_result *out)
{
	struct erlang_a_sums s;
	enum cc_status status = sum_queue_states(in, &s);
	if (status != CC_OK)
		return status;

	/*
	 * With P(state c) = 1, the states below c weigh (1 - B) / B; in the rescaled units of
	 * the sums that is u below, formed in logarithms because B may underflow to zero (u is
	 * then infinite: nobody waits) and the rescaling factor may overflow.
	 */
	double log_u = log1p(-erlang_b) - log(erlang_b) -
		       (double)rescale_bits * s.rescales * log(2.0);
	double u = exp(log_u);
	double p_no_wait = 1.0;
	double norm = 0.0; /* P(state c) in the units of the sums */
	if (isfinite(u)) {
		norm = 1.0 / (u + s.mass);
		p_no_wait = u * norm;
	}

	double p_served = p_no_wait + s.served * norm;
	double queue_length = s.queue * norm;
	out->stable = 1;
	out->p_wait = s.mass * norm;
	out->abandon_rate = s.abandoned * norm;
	out->mean_queue_length = queue_length;
	out->mean_wait_s = queue_length / in->rate_per_s;
	/* With nobody answered (only possible in limits) there is no wait to average. */
	out->asa_s = p_served > 0.0 ? s.served_wait * norm / p_served : 0.0;
	out->service_level = p_no_wait + s.served_in_time * norm;
	/*
	 * The carried load is lambda P(served) / mu. P(served) is summed directly rather than
	 * taken as 1 - P(abandon), which keeps it precise when almost everyone abandons.
	 */
	out->occupancy = load * p_served / in->agents;
	return CC_OK;
}

enum cc_status cc_erlang_solve(const struct cc_erlang_input *in, struct cc_erlang_result *out)
{
	CC_ASSERT(in != NULL);
	CC_ASSERT(out != NULL);
	if (!is_valid_input(in))
		return CC_ERR_RANGE;

	double load = in->rate_per_s * in->aht_s;
	double erlang_b = cc_erlang_b(load, in->agents);
	out->load_erlangs = load;
	out->erlang_b = erlang_b;

	/* The header defines a zero patience, like an infinite one, as nobody abandoning. */
	if (in->patience_s == 0.0 || isinf(in->patience_s)) {
		solve_erlang_c(in, load, erlang_b, out);
		return CC_OK;
	}
	return solve_erlang_a(in, load, erlang_b, out);
}

/* Whether R meets every target of T. */
static int meets(const struct cc_erlang_result *r, const struct cc_erlang_target *t)
{
	return r->stable && !(r->service_level < t->service_level) && !(r->asa_s > t->asa_s) &&
	       !(r->abandon_rate > t->abandon_rate) && !(r->occupancy > t->occupancy);
}

int cc_erlang_agents_for(const struct cc_erlang_input *in, const struct cc_erlang_target *t,
                         int max, struct cc_erlang_result *out)
{
	struct cc_erlang_input q = *in;
	double load = in->rate_per_s * in->aht_s;
	/* Below the load an Erlang C queue is unstable, and an Erlang A one hardly ever meets a
	 * target: start a little below it, walk up to the first level that meets every target,
	 * then down while fewer still do (when the start was above the answer). */
	int c = (int)floor(load) - 2;
	if (c < 1)
		c = 1;
	for (;; c++) {
		if (c > max)
			return 0;
		q.agents = c;
		if (cc_erlang_solve(&q, out) != CC_OK)
			return 0;
		if (meets(out, t))
			break;
	}
	struct cc_erlang_result fewer;
	while (c > 1) {
		q.agents = c - 1;
		if (cc_erlang_solve(&q, &fewer) != CC_OK || !meets(&fewer, t))
			break;
		*out = fewer;
		c--;
	}
	return c;
}
