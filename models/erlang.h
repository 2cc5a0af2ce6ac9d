#ifndef CC_ERLANG_H
#define CC_ERLANG_H

#include "sim/status.h"

/*
 * Analytic queueing formulas for one queue with c identical agents, Poisson arrivals and
 * exponential handle times: Erlang B (M/M/c/c, blocked calls lost), Erlang C (M/M/c, FIFO,
 * infinite patience) and Erlang A (M/M/c+M, exponential patience, abandonment).
 *
 * Times are in seconds, rates per second. All figures are steady-state and refer to an
 * arriving contact (PASTA).
 */

struct cc_erlang_input {
	double rate_per_s;  /* arrival rate λ, > 0 */
	double aht_s;       /* mean handle time 1/μ, > 0 */
	int agents;         /* c, >= 1 */
	double patience_s;  /* mean patience 1/θ; 0 or INFINITY means nobody abandons (Erlang C) */
	double threshold_s; /* service-level threshold T, >= 0 */
};

struct cc_erlang_result {
	double load_erlangs;     /* A = λ/μ */
	double erlang_b;         /* blocking probability of M/M/c/c with the same load */
	double p_wait;           /* P(an arrival finds all agents busy) */
	double service_level;    /* P(answered with wait <= T), over all offered contacts */
	double asa_s;            /* mean wait of answered contacts (zero waits included) */
	double mean_wait_s;      /* mean time in queue over all arrivals (abandoners included) */
	double abandon_rate;     /* P(abandon); 0 for Erlang C */
	double occupancy;        /* carried load / c: λ(1 - P(abandon)) / (c μ) */
	double mean_queue_length;/* time-average number waiting */
	int stable;              /* 0 for Erlang C with A >= c: waits grow without bound */
};

/* Erlang B blocking probability for LOAD erlangs offered to AGENTS servers. */
double cc_erlang_b(double load, int agents);

/* Erlang C probability of waiting; 1 when load >= agents. */
double cc_erlang_c(double load, int agents);

/*
 * Solves the queue described by IN. Erlang C when IN has no patience, Erlang A otherwise.
 * Returns CC_ERR_RANGE (and leaves OUT unspecified) when an input is outside its domain, or
 * when an overloaded Erlang A queue with extreme patience would need more than 4e7 states of
 * the exact chain (about (λ - cμ) * patience of them; realistic inputs need far fewer).
 * An unstable Erlang C queue is not an error: OUT->stable is 0, p_wait 1, service_level 0,
 * waits and queue length INFINITY, occupancy 1.
 */
enum cc_status cc_erlang_solve(const struct cc_erlang_input *in, struct cc_erlang_result *out);

/* What a staffing level must achieve; NaN leaves a figure free. */
struct cc_erlang_target {
	double service_level;  /* at least */
	double asa_s;          /* at most */
	double abandon_rate;   /* at most */
	double occupancy;      /* at most (the --max-occupancy of planners) */
};

/*
 * The fewest agents, from 1 to MAX, whose figures under IN (its agents ignored) meet every
 * target of T; their figures go to *OUT. Returns 0 when even MAX agents do not, or when the
 * formulas cannot solve IN (CC_ERR_RANGE from cc_erlang_solve). The figures are monotone in
 * the agents, so the search starts just below the load and walks up.
 */
int cc_erlang_agents_for(const struct cc_erlang_input *in, const struct cc_erlang_target *t,
                         int max, struct cc_erlang_result *out);

#endif
