#include "models/policy.h"

/*
 * Amazon Connect's routing: a contact goes to the agent idle longest among those whose
 * routing profile admits it (delays honoured), whatever priority their profile gives the
 * queue; an agent who becomes free takes the queue its profile gives the best priority,
 * and within a priority the contact that has waited longest. Agents holding fewer contacts
 * of the channel come first, as an idle agent comes before a busy one.
 */

static double eligible(const struct cc_scenario *scn, const struct cc_route_edge *e)
{
	(void)scn;
	return e->delay_s;
}

static int agent_before(const struct cc_agent_choice *a, const struct cc_agent_choice *b)
{
	if (a->load != b->load)
		return a->load < b->load;
	return a->idle_since_s < b->idle_since_s;
}

static int contact_before(const struct cc_contact_choice *a, const struct cc_contact_choice *b)
{
	if (a->edge->priority != b->edge->priority)
		return a->edge->priority < b->edge->priority;
	return a->queued_s < b->queued_s;
}

const struct cc_policy cc_policy_longest_idle = {
	.name = "longest_idle",
	.summary = "the longest-idle eligible agent gets the contact; a free agent takes its "
	           "best-priority queue, oldest contact first (Amazon Connect)",
	.eligible = eligible,
	.agent_before = agent_before,
	.contact_before = contact_before,
};
