#include "models/policies/policy.h"

/*
 * Amazon Connect's routing: a contact goes to the agent idle longest among those whose
 * routing profile admits it (delays honoured), whatever priority their profile gives the
 * queue; an agent who becomes free takes the queue its profile gives the best priority,
 * and within a priority the contact that has waited longest. Agents holding fewer contacts
 * of the channel come first, as an idle agent comes before a busy one.
 */

const struct cc_policy cc_policy_longest_idle = {
	.name = "longest_idle",
	.summary = "the longest-idle eligible agent gets the contact; a free agent takes its "
	           "best-priority queue, oldest contact first (Amazon Connect)",
	.eligible = cc_policy_profile_delay,
	.agent_before = cc_policy_least_loaded,
	.contact_before = cc_policy_by_priority,
};
