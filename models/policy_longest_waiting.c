#include "models/policy.h"

/*
 * First come, first served across queues: an agent who becomes free takes the contact that
 * has waited longest in any queue of its profile, whatever the queues' priorities (delays
 * still hold a queue back); a contact goes to the longest-idle eligible agent.
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
	return a->queued_s < b->queued_s;
}

const struct cc_policy cc_policy_longest_waiting = {
	.name = "longest_waiting",
	.summary = "a free agent takes the longest-waiting contact across its queues, ignoring "
	           "priorities; contacts go to the longest-idle agent",
	.eligible = eligible,
	.agent_before = agent_before,
	.contact_before = contact_before,
};
