#ifndef CC_SHIFTS_H
#define CC_SHIFTS_H

#include <stddef.h>
#include <stdio.h>

#include "sim/status.h"

/*
 * Shifts that cover a staffing requirement at least cost: how many agents start each shift
 * a planner allows, so that in every interval at least the required agents are on shift,
 * for the fewest paid agent-hours.
 *
 * Rules: the lengths a shift may have, the window its start may fall in (every STEP), and
 * unpaid breaks at fixed offsets into every shift (no cover and no pay while on them). A
 * shift covers an interval in proportion to the part of the interval it is on, breaks
 * excepted (with starts and breaks on the interval grid, wholly or not at all).
 *
 * The problem is a covering integer program: minimise sum_s cost_s x_s subject to
 * sum_s cover_{s,i} x_s >= required_i for every interval i, x_s whole and >= 0; solved
 * exactly with GLPK's branch and cut (glp_intopt) after its LP relaxation (glp_simplex),
 * whose optimum is a lower bound on any roster's cost: the gap between them is reported.
 */

#define CC_SHIFT_MAX_LENGTHS 8
#define CC_SHIFT_MAX_BREAKS 4

struct cc_shift_rules {
	double lengths_s[CC_SHIFT_MAX_LENGTHS];
	size_t n_lengths;
	double first_start_s, last_start_s, step_s;  /* seconds from time 0 */
	struct {
		double after_s, length_s;                  /* into the shift */
	} breaks[CC_SHIFT_MAX_BREAKS];
	size_t n_breaks;
};

/*
 * Parses TEXT, "length=8h,4h; start=06:00-14:00/30m; break=30m@4h" (parts in any order;
 * break optional and repeatable as a list: "break=15m@2h,30m@4h"), into *R. Start times are
 * clock times when the scenario has a start (START_CLOCK_S, seconds after midnight, the
 * clock time of time 0; NaN when it has none, and then they are durations from time 0:
 * "start=0h-8h/30m"). CC_ERR_USAGE with ERR saying what is wrong otherwise.
 */
enum cc_status cc_shift_rules_parse(const char *text, double start_clock_s,
                                    struct cc_shift_rules *r, char *err, size_t errlen);

/* One kind of shift and how many agents work it. */
struct cc_shift {
	double start_s, length_s;  /* from time 0 */
	int count;
};

struct cc_shift_plan {
	struct cc_shift *shifts;   /* the shifts worked (count > 0), by start then length */
	size_t n;
	double paid_hours;         /* sum of count x (length - unpaid breaks) */
	double bound_hours;        /* the LP relaxation's optimum: no roster costs less */
	int optimal;               /* the integer program was solved to optimality */
};

/*
 * The cheapest roster under RULES covering REQUIRED[N] agents in the intervals
 * [i * WIDTH_S, (i + 1) * WIDTH_S). CC_ERR_USAGE when the rules allow no shift, or none
 * covers an interval that requires agents (ERR names it, by clock time when START_CLOCK_S,
 * the clock time of time 0, is not NaN); CC_ERR_RANGE when GLPK fails.
 * Free *OUT with cc_shift_plan_fini.
 */
enum cc_status cc_shifts_cover(const struct cc_shift_rules *rules, const int *required, size_t n,
                               double width_s, double start_clock_s, struct cc_shift_plan *out,
                               char *err, size_t errlen);
void cc_shift_plan_fini(struct cc_shift_plan *r);

/* The agents of R on shift (and not on a break) in each interval, PRESENT[N] (a fraction
 * where a shift covers part of one). */
void cc_shift_plan_coverage(const struct cc_shift_rules *rules, const struct cc_shift_plan *r, size_t n,
                        double width_s, double *present);

/* R as shifts to paste into a scenario's agent group: "shifts = ( { start = "06:00";
 * end = "14:00"; count = 3; }, ... );" (clock times when START_CLOCK_S is not NaN), with the
 * unpaid breaks as a comment. */
void cc_shift_plan_print(FILE *out, const struct cc_shift_rules *rules,
                              const struct cc_shift_plan *r, double start_clock_s);

#endif
