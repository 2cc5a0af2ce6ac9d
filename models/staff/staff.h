#ifndef CC_STAFF_H
#define CC_STAFF_H

#include <stddef.h>

#include "models/figures/amount.h"
#include "models/figures/metrics.h"
#include "models/run/run.h"
#include "models/scenario/scenario.h"
#include "models/staff/shifts.h"
#include "sim/stats.h"
#include "sim/status.h"

/*
 * Staffing by simulation: the fewest agents, per interval and searched agent group, that
 * meet every target ("sales.service_level>=0.80") on a simulated day.
 *
 * The method, in order:
 *
 * 1. A start from the formulas. For every interval (the scenario's `interval`, from time 0)
 *    and every queue that a target names (directly, through its channel, or as "any"), the
 *    Erlang requirement (cc_erlang_agents_for) for the interval's arrival rate (the rate in
 *    force at the interval's middle), a handle time of the queue's handle mean then (a
 *    forecast's AHT for the interval, else the distribution's) plus its ACW mean, and the queue's service-level threshold: Erlang A when the queue's patience is
 *    exponential, Erlang C otherwise (nobody abandons, so it asks for more). The targets it
 *    meets are the service-level, ASA and abandonment targets covering the queue and
 *    --max-occupancy. A queue's requirement goes to the searched group that lists it
 *    earliest among its skills (the first such group in the scenario's order on a tie); a
 *    group's start is the sum over its queues, capped at --max-agents.
 *
 * 2. Simulation with common random numbers. Each searched group's schedule becomes a
 *    profile of one count per interval (shifts are replaced; agents' habits -- breaks,
 *    lunches, RONA, ACW, outbound, concurrency -- stay as the scenario says, planned
 *    statuses following each login as they do with any profile). Every iteration simulates
 *    the whole day with the same seed and replications, so that contacts carried over from
 *    one interval into the next count against the staffing of both (the iterative staffing
 *    algorithm of Feldman, Mandelbaum, Massey and Whitt, 2008), and differences between
 *    iterations come from the staffing, not from the random numbers.
 *
 * 3. Raise. When some intervals miss a target, each gets more agents: one, then twice as
 *    many as the last time for as long as it keeps missing (1, 2, 4...), so that a large gap
 *    (the interval after a peak) closes in few iterations; the lowering step takes back any
 *    excess. With one searched group they go there. With several, each group that can still grow is tried: one
 *    simulation per group with one more agent in every missing interval; each missing
 *    interval keeps the group whose trial cut its shortfall most (the sum over its missed
 *    targets of how far each misses, relative to the target), the first group in the
 *    scenario's order on a tie (after Cezik and L'Ecuyer, 2008, who add agents by the
 *    simulated gain per agent). A raised interval never goes below one more than the count that
 *    missed (a doubled rise that overshoots is for the lowering step to take back).
 *
 * 4. Lower. When no interval misses, every interval that may still go lower is tried lower
 *    (by one agent, then twice as many after each success), all at once first (one
 *    simulation per searched group, the groups in turn); when that day misses anywhere, one
 *    interval at a time in time order. A lowering is kept only when the whole simulated day
 *    still meets every target, so no interval pays for another's saving (a lower count can
 *    leave a queue to the next interval). When lowering by one fails, the present count
 *    becomes the interval's floor; when a larger step fails, the next try is by one.
 *
 * Stopping rule: the staffing is final when an iteration's simulation misses nothing and no
 * interval can go lower (a fixed point of the raise and lower steps); floors make this
 * happen after finitely many steps. MAX_ITERATIONS iterations without it end the search as
 * not converged. An interval that misses with every group able to grow at --max-agents
 * ends it as unreachable.
 *
 * "Meets": a target is met at an interval when the mean over replications is on the right
 * side of it; with a confidence C, when the end of the two-sided C interval on the wrong
 * side is (the lower bound for ">="). An interval where a figure is undefined (nothing
 * offered) meets that target.
 */

/* A target as written: [OWNER.]FIGURE>=VALUE or <=VALUE, OWNER a queue, a channel or "any". */
struct cc_staff_target {
	struct cc_figure_ref ref;
	int at_least;   /* 1: ">=", 0: "<=" */
	double value;   /* in the figure's units (a share for service_level, seconds for asa_s) */
	char text[192];
};

/* Parses TEXT into *T. On failure returns CC_ERR_USAGE with WHY[LEN] saying why. */
enum cc_status cc_staff_target_parse(const char *text, struct cc_staff_target *t, char *why,
                                     size_t len);

/* A target bound to one entity's figure, or --max-occupancy on one searched group. */
struct cc_staff_check {
	const struct cc_figure *figure;
	enum cc_figure_owner owner;
	size_t index;     /* the entity's figure index (as cc_run_summary takes it) */
	int at_least;
	double value;
	char label[192];  /* "sales.service_level>=0.8" */
};

struct cc_staff_options {
	const struct cc_staff_target *targets;
	size_t n_targets;
	const char *const *groups;  /* names of the groups searched; NULL: every group */
	size_t n_groups;
	double max_occupancy;       /* NaN: none */
	double confidence;          /* NaN: the mean decides */
	int max_agents;             /* per group and interval */
	int max_iterations;
	int threads;
	atomic_int *stop;           /* set to stop the search (CC_ERR_STOPPED); may be NULL */
	/* Called after each iteration's simulation (may be NULL): iteration K from 1, the
	 * intervals missing a target, the searched agent-hours. */
	void (*on_iteration)(void *ctx, int k, size_t missing, double agent_hours);
	void *ctx;
};

struct cc_staff {
	struct cc_scenario *scn;    /* borrowed; its searched groups' schedules are rewritten */
	struct cc_staff_options opt;
	struct cc_grid grid;        /* the reported intervals */
	size_t n_steps;             /* intervals from time 0 to the horizon */
	double step_s;
	size_t *groups;             /* the searched groups (scenario indexes) */
	size_t n_groups;
	struct cc_staff_check *checks;
	size_t n_checks;
	int *erlang;                /* [n_steps * n_groups]: the start of step 1 */
	int *staff;                 /* [n_steps * n_groups]: the search's answer */
	int iterations;
	int converged;              /* the stopping rule was met */
	int unreachable;            /* an interval missed with every group at --max-agents */
	char why[1024];             /* what was unreachable, or why the search stopped */
	/* Private, per cell: the lowest count it may still take, and the size of its next raise
	 * and of its next lowering. */
	int *floor_, *rise_, *drop_;
};

/*
 * Binds O (its arrays borrowed for S's life) to SCN: the targets to entities, the groups by
 * name, and the Erlang start. Returns CC_ERR_USAGE with ERR[LEN] saying why for a target
 * naming no queue or channel, a figure no queue has or whose direction is unknown or
 * opposed to the target (">=" on a figure where up is bad), or an unknown group. S is then
 * left safe for cc_staff_fini.
 */
enum cc_status cc_staff_init(struct cc_staff *s, struct cc_scenario *scn,
                             const struct cc_staff_options *o, char *err, size_t len);

/* Runs the search (method above) from S->erlang into S->staff, leaving SCN's searched groups
 * on S->staff. Returns CC_OK (see S->converged and S->unreachable), CC_ERR_STOPPED or
 * CC_ERR_STALLED (the reason in S->why). */
enum cc_status cc_staff_search(struct cc_staff *s);

/* Sets SCN's searched groups to profiles of STAFF ([n_steps * n_groups]). */
void cc_staff_apply(struct cc_staff *s, const int *staff);

/* The summary of check C at reported interval ROW of RUN (kept intervals) at LEVEL. */
struct cc_summary cc_staff_achieved(const struct cc_staff *s, const struct cc_run *run, size_t c,
                                    size_t row, double level);

/* Whether check C holds at ROW of RUN by the search's rule (the mean, or with a confidence
 * the end of its interval on the wrong side). */
int cc_staff_meets(const struct cc_staff *s, const struct cc_run *run, size_t c, size_t row);

/*
 * The verification of a staffing on a fresh seed: which checks of RUN (kept intervals) miss
 * significantly. Every (interval, check) is a one-sided Student t test of "the target is met"
 * (the mean at or beyond the target) against "it is missed", and the misses are those Holm's
 * procedure rejects at ALPHA across all of them: a staffing searched to the edge of its
 * targets sits on many of them at once, and one interval in twenty would miss a 95 % test of
 * its own by chance alone. MISSED[grid.count * n_checks] gets 1 for each; returns how many.
 * A check with an undefined figure, or fewer than two values, never misses.
 */
size_t cc_staff_verify(const struct cc_staff *s, const struct cc_run *run, double alpha,
                       int *missed);

/*
 * Shifts for the staffing found (--shifts): for each searched group the cheapest plan under
 * RULES covering its S->staff (cc_shifts_cover), set as the group's shifts (its profile goes),
 * and the day simulated as the search does (the same seed): every interval that then misses
 * a target asks one agent more of every searched group there, and the plans are made again,
 * until the plans' day meets every target (S->converged) or MAX_ROUNDS rounds pass. A plan
 * over-covers some intervals, which changes the others: hence the rounds. PLANS[n_groups]
 * (zeroed by the caller) get the plans, freed with cc_shift_plan_fini; *ROUNDS the rounds
 * made. SCN's searched groups are left on the plans. Returns CC_OK, CC_ERR_USAGE (rules that
 * cannot cover an interval; S->why says which), CC_ERR_RANGE, CC_ERR_STOPPED or
 * CC_ERR_STALLED.
 */
enum cc_status cc_staff_shifts(struct cc_staff *s, const struct cc_shift_rules *rules,
                               int max_rounds, struct cc_shift_plan *plans, int *rounds);

/* Simulates SCN as its groups are now, as the search does (same seed and replications, kept
 * intervals) into RUN, which the caller frees (on failure too). */
enum cc_status cc_staff_simulate_as_is(struct cc_staff *s, struct cc_run *run);

/* Agent-hours of STAFF over the searched groups, in the reported intervals (the warm-up's
 * are not searched). */
double cc_staff_agent_hours(const struct cc_staff *s, const int *staff);

void cc_staff_fini(struct cc_staff *s);

#endif
