/*
 * RONA: an offer that rings out. The contact side (counted, back to its queue, or for a
 * transfer to an agent, on to wherever the quick connect says) and the agent side (the RONA
 * status, its reaction time and what follows it).
 */
#include "models/center/rona.h"

#include <math.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "models/center/accounting.h"
#include "models/center/agents.h"
#include "models/center/offer.h"
#include "models/center/records.h"
#include "models/center/routing.h"
#include "models/center/transfer.h"
#include "sim/dist.h"

/* The offer timed out: the contact goes back to its queue, the agent to RONA. */
void cc_rona_on_timeout(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	struct agent *a = k->agent;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	struct queue *q = &c->queues[k->queue];
	double start = k->ring_start_s, rang = cc_offer_ring_end(c, k);
	k->ronas++;
	if (k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, CC_QR_RONAS) += 1;
	cc_acct_gcount(c, a->group, CC_GR_RONAS, start, 1);
	cc_acct_gcount(c, a->group, CC_GR_RING_RONA, start, rang);
	if (k->absent)
		cc_acct_gcount(c, a->group, CC_GR_RING_ABSENT, start, rang);
	cc_rec_state(c, k, CC_CS_MISSED);
	cc_acct_unhold(c, k);
	if (k->direct) { /* a transfer the agent missed: it goes to RONA before the transfer
		                    goes anywhere else */
		cc_rona_agent(c, a);
		cc_transfer_missed(c, k);
		return;
	}
	if (q->cfg->requeue == CC_REQUEUE_TAIL)
		k->queued_s = c->now;
	cc_route_push(c, q, k);
	cc_rona_agent(c, a);
	cc_offer_dispatch(c, q);
}

void cc_rona_agent(struct center *c, struct agent *a)
{
	const struct cc_rona_cfg *rona = &c->groups[a->group].cfg->rona;
	if (a->misses < UINT16_MAX)
		a->misses++;
	if (a->next_status != CC_NO_STATUS) { /* a status due is taken instead */
		if (a->n_held == 0)
			cc_agent_take_next(c, a);
		return;
	}
	/* The agent reacts once back from any away episode. */
	double back = a->away_until_s > c->now ? a->away_until_s : c->now;
	if (rona->not_ready_after > 0 && a->misses >= rona->not_ready_after) {
		/* Missed too many in a row: the system puts the agent in the not-ready status at
		 * once, instead of RONA and the agent's choice; the agent goes Available after the
		 * drawn delay (drawn only here, so agents who never get here draw as before). */
		a->misses = 0;
		cc_acct_gcount(c, a->group, CC_GR_NOT_READY, c->now, 1);
		cc_agent_set_status(c, a, rona->not_ready_status,
		                    back - c->now + cc_dist_sample(&rona->not_ready, a->rng));
		return;
	}
	cc_agent_set_status(c, a, CC_AGENT_RONA,
	                    back - c->now + cc_dist_sample(&rona->reaction, a->rng));
}

void cc_rona_status_end(struct center *c, struct agent *a)
{
	const struct cc_group_cfg *g = c->groups[a->group].cfg;
	if (g->rona.available >= 1 || gsl_rng_uniform(a->rng) < g->rona.available)
		cc_agent_set_status(c, a, CC_AGENT_AVAILABLE, INFINITY);
	else
		cc_agent_set_status(c, a, g->idle_status, cc_dist_sample(&g->rona.idle, a->rng));
}
