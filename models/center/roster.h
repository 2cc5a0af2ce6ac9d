#ifndef CC_ROSTER_H
#define CC_ROSTER_H

#include <stddef.h>

#include "models/scenario/scenario.h"

/*
 * A group's roster: when each of its agents is logged in, from the group's schedule (a count
 * for the whole horizon, shifts, or a day profile of counts per step).
 *
 * Agents are numbered shift by shift in the scenario's order (for a profile, agent i works
 * the steps whose count exceeds i, consecutive steps making one span). Each agent has one or
 * more spans [start, end), sorted and disjoint; end is INFINITY when the agent never logs
 * out. Spans starting at or after the horizon are left out. RANK and CREW place an agent in
 * its shift (its index and the shift's size), so planned statuses can be staggered.
 */

struct cc_span {
	double start_s, end_s;
};

struct cc_roster {
	size_t agents;      /* the group's count */
	struct cc_span *spans;
	size_t *first;      /* agent i's spans are spans[first[i]] .. spans[first[i + 1] - 1] */
	int *rank, *crew;
};

void cc_roster_build(const struct cc_group_cfg *g, double horizon_s, struct cc_roster *r);

/* Accepts a zeroed or built roster. */
void cc_roster_fini(struct cc_roster *r);

#endif
