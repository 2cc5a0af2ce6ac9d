#ifndef CC_ROUTING_H
#define CC_ROUTING_H

/*
 * Routing, a behaviour that only chooses: the indexes (free agents per group and channel,
 * waiting contacts per queue, the edges between them) and the scenario's policy
 * (models/policies/policy.h) choose the match of a contact and an agent, and the contact
 * leaves its queue; the caller makes the offer (offer.h).
 */

#include "models/center/replication.h"
#include "sim/macros.h"

/* Builds the edges, the free-agent sets and the queues' servers and thresholds. */
void cc_route_setup(struct center *c);
/* Gives the N AGENTS of group G their places (out of every set) in G's free-agent sets. */
void cc_route_add_agents(struct center *c, struct group *g, struct agent *agents, size_t n);
void cc_route_teardown(struct center *c);
/* Puts A in, or out of, its group's free-agent sets as it now can take work. */
void cc_route_refresh(struct center *c, struct agent *a);
/* Points group G's edges at its queues in REGION and rebuilds the queues' servers. */
void cc_route_move_group(struct center *c, struct group *g, size_t region);
/* The agent of group G first in line for one more contact of channel CH, or NULL. */
struct agent *cc_route_free_agent(const struct group *g, int ch);
/* A new contact at Q: the free agent the policy gives it (K not yet queued), or NULL. */
struct agent *cc_route_find_agent(struct center *c, const struct queue *q,
                                  const struct contact *k);

/* A match the policy has chosen: contact K, the head of queue Q until now, for agent A.
 * Making the match takes K out of Q (the queue is routing's index); offering it is the
 * caller's. */
struct cc_match {
	struct contact *k;
	struct queue *q;
	struct agent *a;
};
/* Q's head and the free agent the policy gives it: 1 and *M, or 0 when none is eligible. */
int cc_route_match_queue(struct center *c, struct queue *q, struct cc_match *m);

/* Queue operations; each keeps the head's eligibility tick. */
void cc_route_push(struct center *c, struct queue *q, struct contact *k);
void cc_route_remove(struct center *c, struct queue *q, struct contact *k);
/* Re-arms Q's timer (EV_ELIGIBLE) at its head's next eligibility threshold. */
void cc_route_tick(struct center *c, struct queue *q);

/* The hot part of routing, inline: an agent freed looks at each queue of its profile. */

/* The queue's first contact by (queued_s, id), or NULL. */
static inline struct contact *cc_route_head(const struct queue *q)
{
	struct cc_heap_node *top = cc_heap_top(&q->waiting);
	return top ? CC_CONTAINER_OF(top, struct contact, qnode) : NULL;
}

/* Whether A can take one more contact of channel CH now. */
static inline int cc_route_can_take(const struct center *c, const struct agent *a, int ch)
{
	if (a->status != CC_AGENT_AVAILABLE || a->next_status != CC_NO_STATUS || a->handing)
		return 0;
	const struct cc_routing_profile_cfg *p = c->groups[a->group].profile;
	if (a->held_ch[ch] >= p->concurrency[ch])
		return 0;
	return p->cross_channel || a->n_held == a->held_ch[ch];
}

/* Whether K has waited long enough for edge E (the comparison the tick was scheduled by). */
static inline int cc_route_eligible(const struct center *c, const struct contact *k,
                                    const struct cc_route_edge *e)
{
	return c->now >= k->queued_s + e->eligible_s;
}

/* The queue head that A, who may take work, should take next by the policy: 1 and *M, or 0.
 * Inline, as it runs each time an agent is freed, mostly to find nothing. */
static inline int cc_route_match_agent(struct center *c, struct agent *a, struct cc_match *m)
{
	struct group *g = &c->groups[a->group];
	struct cc_contact_choice best = { 0 };
	struct contact *found = NULL;
	for (size_t i = 0; i < g->n_edges; i++) {
		const struct cc_route_edge *e = &g->edges[i];
		struct queue *q = &c->queues[e->queue];
		struct contact *k = cc_route_head(q);
		if (!k || !cc_route_can_take(c, a, q->channel) || !cc_route_eligible(c, k, e))
			continue;
		struct cc_contact_choice cand = { e, k->queued_s };
		if (!found || c->policy->contact_before(&cand, &best)) {
			best = cand;
			found = k;
		}
	}
	if (!found)
		return 0;
	struct queue *q = &c->queues[best.edge->queue];
	cc_route_remove(c, q, found);
	*m = (struct cc_match){ found, q, a };
	return 1;
}

#endif
