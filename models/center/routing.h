#ifndef CC_ROUTING_H
#define CC_ROUTING_H

/*
 * Routing, a behaviour that only chooses: the indexes (free agents per group and channel,
 * waiting contacts per queue, the edges between them) and the scenario's policy
 * (models/policies/policy.h) choose the match of a contact and an agent, and the contact
 * leaves its queue; the caller makes the offer (offer.h).
 */

#include "models/center/replication.h"

/* Builds the edges, the free-agent sets and the queues' servers and thresholds. */
void cc_route_setup(struct center *c);
/* Gives the N AGENTS of group G their places (out of every set) in G's free-agent sets. */
void cc_route_add_agents(struct center *c, struct group *g, struct agent *agents, size_t n);
void cc_route_teardown(struct center *c);
/* Whether A can take one more contact of channel CH now. */
int cc_route_can_take(const struct center *c, const struct agent *a, int ch);
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
/* The queue head that A, who may take work, should take next by the policy: 1 and *M, or 0. */
int cc_route_match_agent(struct center *c, struct agent *a, struct cc_match *m);

/* Queue operations; each keeps the head's eligibility tick. */
void cc_route_push(struct center *c, struct queue *q, struct contact *k);
void cc_route_remove(struct center *c, struct queue *q, struct contact *k);
/* Re-arms Q's timer (EV_ELIGIBLE) at its head's next eligibility threshold. */
void cc_route_tick(struct center *c, struct queue *q);
/* The queue's contacts by (queued_s, id), or NULL. */
struct contact *cc_route_head(const struct queue *q);

#endif
