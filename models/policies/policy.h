#ifndef CC_POLICY_H
#define CC_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "models/scenario/scenario.h"

/*
 * Routing policies: who gets which contact.
 *
 * The center keeps the indexes; a policy only ranks what they offer, so a policy never
 * scans agents or contacts:
 * - per agent group and channel, the agents who can take one more contact of the channel,
 *   best first by (contacts of that channel in hand, fewest first; idle timer, longest
 *   first; then the order they became free);
 * - per queue, the waiting contacts by the time they count as queued from (arrival minus
 *   any head start), oldest first;
 * - the edges: each queue of each group's routing profile, with its priority, delay and
 *   skill level.
 *
 * When a contact can be routed (it arrives, reaches the head of its queue, or has waited
 * long enough for another group), the center takes the best free agent of each group
 * serving the queue whose edge admits the contact's wait, and asks agent_before which is
 * better. When an agent can take more work, it takes the head of each queue of its
 * profile whose edge admits the head's wait, and asks contact_before. Ties (neither before
 * the other) go to the group, or the profile queue, listed first.
 * The winner is the match routing returns; the replication makes the offer.
 *
 * A new policy is one file, models/policies/<name>.c, defining
 *     const struct cc_policy cc_policy_<name> = { ... };
 * and its name added to CC_POLICY_NAMES (models/scenario/scenario.h); scenarios choose it
 * with routing.policy.
 */

/* A queue served by an agent group through the group's routing profile. */
struct cc_route_edge {
	uint32_t group, queue;
	int priority;        /* the profile's priority for the queue, 1 first */
	int level;           /* the group's skill level for the queue */
	double delay_s;      /* the profile's delay for the queue */
	double eligible_s;   /* the policy's delay: contacts go to the group only once they have
	                        waited this long (from their head start); INFINITY: never */
};

/* The best free agent of a group, as a candidate for a contact. */
struct cc_agent_choice {
	const struct cc_route_edge *edge;
	int load;            /* contacts of the contact's channel the agent holds */
	double idle_since_s; /* the start of its idle timer (smaller: idle longer) */
};

/* The head of a queue, as a candidate for an agent. */
struct cc_contact_choice {
	const struct cc_route_edge *edge;
	double queued_s;     /* arrival minus head start (smaller: waited longer) */
};

struct cc_policy {
	const char *name;
	const char *summary;  /* one line for `ccsim check` and the docs */
	/* The wait from which contacts of E's queue may go to E's group (INFINITY: never). */
	double (*eligible)(const struct cc_scenario *scn, const struct cc_route_edge *e);
	/* Nonzero when candidate A should get the contact rather than B. */
	int (*agent_before)(const struct cc_agent_choice *a, const struct cc_agent_choice *b);
	/* Nonzero when the agent should take contact A rather than B. */
	int (*contact_before)(const struct cc_contact_choice *a, const struct cc_contact_choice *b);
};

/* Building blocks most policies share. */

/* The profile's own delay, and nothing more. */
static inline double cc_policy_profile_delay(const struct cc_scenario *scn,
                                             const struct cc_route_edge *e)
{
	(void)scn;
	return e->delay_s;
}

/* Fewer contacts of the channel in hand first, then longest idle. */
static inline int cc_policy_least_loaded(const struct cc_agent_choice *a,
                                         const struct cc_agent_choice *b)
{
	if (a->load != b->load)
		return a->load < b->load;
	return a->idle_since_s < b->idle_since_s;
}

/* Best priority first, then longest waiting. */
static inline int cc_policy_by_priority(const struct cc_contact_choice *a,
                                        const struct cc_contact_choice *b)
{
	if (a->edge->priority != b->edge->priority)
		return a->edge->priority < b->edge->priority;
	return a->queued_s < b->queued_s;
}

/* The policy named NAME, or NULL. */
const struct cc_policy *cc_policy_find(const char *name);

/* Every policy, by name; *N receives the count. */
const struct cc_policy *const *cc_policies(size_t *n);

#endif
