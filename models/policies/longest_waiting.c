#include "models/policies/policy.h"

/*
 * First come, first served across queues: an agent who becomes free takes the contact that
 * has waited longest in any queue of its profile, whatever the queues' priorities (delays
 * still hold a queue back); a contact goes to the longest-idle eligible agent.
 */

static int contact_before(const struct cc_contact_choice *a, const struct cc_contact_choice *b)
{
	return a->queued_s < b->queued_s;
}

const struct cc_policy cc_policy_longest_waiting = {
	.name = "longest_waiting",
	.summary = "a free agent takes the longest-waiting contact across its queues, ignoring "
	           "priorities; contacts go to the longest-idle agent",
	.eligible = cc_policy_profile_delay,
	.agent_before = cc_policy_least_loaded,
	.contact_before = contact_before,
};
