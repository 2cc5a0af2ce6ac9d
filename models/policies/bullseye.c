#include "models/policies/policy.h"

#include <math.h>

/*
 * Skill-level overflow rings (Genesys Bullseye): a queue's rings open one after another as
 * its contacts wait, each admitting agents of a lower skill level, so the best-skilled
 * agents are targeted first and the pool widens with the wait. A contact goes to the
 * highest-level agent in the open rings (longest idle among equals); an agent takes the
 * longest-waiting contact among the queues whose open rings admit it. A profile's delay
 * still applies on top of the rings. A queue with no rings admits every level at once.
 */

static double eligible(const struct cc_scenario *scn, const struct cc_route_edge *e)
{
	const struct cc_queue_cfg *q = &scn->queues[e->queue];
	double ring = q->n_rings ? INFINITY : 0;
	for (size_t i = 0; i < q->n_rings; i++)
		if (e->level >= q->rings[i].level) {
			ring = q->rings[i].after_s;
			break;
		}
	return ring > e->delay_s ? ring : e->delay_s;
}

static int agent_before(const struct cc_agent_choice *a, const struct cc_agent_choice *b)
{
	if (a->edge->level != b->edge->level)
		return a->edge->level > b->edge->level;
	return cc_policy_least_loaded(a, b);
}

static int contact_before(const struct cc_contact_choice *a, const struct cc_contact_choice *b)
{
	return a->queued_s < b->queued_s;
}

const struct cc_policy cc_policy_bullseye = {
	.name = "bullseye",
	.summary = "skill-level rings widen with the wait: the best-skilled agents first, lower "
	           "levels as the queue's rings open (Genesys Bullseye)",
	.eligible = eligible,
	.agent_before = agent_before,
	.contact_before = contact_before,
};
