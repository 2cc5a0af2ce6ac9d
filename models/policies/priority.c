#include "models/policies/policy.h"

/*
 * Priority with delays, both ways: a contact goes first to the agents whose profile gives
 * its queue the best priority (the queue's primary group), longest idle among them, and to
 * the others only when none of those is free; an agent takes its best-priority queue first.
 * Delays hold a queue back from a profile until its contacts have waited that long, so a
 * queue at priority 2 with a 30 s delay is an overflow for contacts waiting over 30 s.
 */

static int agent_before(const struct cc_agent_choice *a, const struct cc_agent_choice *b)
{
	if (a->edge->priority != b->edge->priority)
		return a->edge->priority < b->edge->priority;
	return cc_policy_least_loaded(a, b);
}

const struct cc_policy cc_policy_priority = {
	.name = "priority",
	.summary = "contacts go to the groups giving their queue the best priority first, then "
	           "overflow after the delays; agents take their best-priority queue first",
	.eligible = cc_policy_profile_delay,
	.agent_before = agent_before,
	.contact_before = cc_policy_by_priority,
};
